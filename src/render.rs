//! Printing answers: an aligned table or a vertical record view for
//! people, JSON and CSV for scripts.
//!
//! One answer holds one or more tables (an entity's aliases, mentions and
//! claims). Every format prints the same columns, from the row schema:
//!
//! - `table`: aligned columns. A table wider than the terminal is never cut
//!   mid-word: it is printed as records instead (`lines`), with a note
//!   saying so once.
//! - `lines`: one record per block, one `field │ value` line per field,
//!   values wrapped at word boundaries to the width (sqlite3's `.mode line`,
//!   psql's `\x`).
//! - `json`: typed values (numbers are numbers, a figure is
//!   `{"lo", "hi", "bound", "stated"}`, a span `{"start", "end"}`, a date an
//!   ISO string). A single untitled table is an array of objects; several
//!   tables an object of them keyed by title; a record (a claim's
//!   provenance) or a one-row answer (an entity) an object.
//! - `csv`: the same columns, tables separated by an empty line.

use crate::engine::{Answer, Cell, Table};
use comfy_table::presets;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// How answers are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns (records when too wide for the terminal)
    #[default]
    Table,
    /// One `field │ value` line per field, a block per row
    Lines,
    /// Typed JSON (`run`: one JSON Lines record per statement)
    Json,
    /// CSV with a header row
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "lines" | "line" => Ok(Format::Lines),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            other => Err(format!(
                "unknown format {other:?} (expected table, lines, json or csv)"
            )),
        }
    }
}

/// Rendering options.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub format: Format,
    /// The width to fit: a wider table is shown as records, `lines` values
    /// are wrapped to it. `None`: no limit (output to a pipe or a file).
    pub width: Option<u16>,
    /// Show at most this many rows per table, with a note saying how many
    /// were left out (the REPL's default; scripts see everything).
    pub max_rows: Option<usize>,
}

/// Set once a too-wide table has been shown as records, so that the note
/// saying so is printed once per process.
static WIDE_NOTED: AtomicBool = AtomicBool::new(false);

/// Write `answer` to `out`.
pub fn write(out: &mut dyn Write, answer: &Answer, options: &RenderOptions) -> io::Result<()> {
    match options.format {
        Format::Table | Format::Lines => {
            for (i, t) in answer.tables.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_table(out, t, options)?;
            }
            Ok(())
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json(answer))?;
            writeln!(out)
        }
        Format::Csv => {
            for (i, t) in answer.tables.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(&t.columns)?;
                for row in &t.rows {
                    w.write_record(row.iter().map(|c| c.to_string()))?;
                }
                w.flush()?;
            }
            Ok(())
        }
    }
}

fn write_table(out: &mut dyn Write, t: &Table, options: &RenderOptions) -> io::Result<()> {
    if let Some(title) = &t.title {
        writeln!(out, "{title}:")?;
    }
    if t.rows.is_empty() {
        return writeln!(out, "(no rows)");
    }
    let shown = options.max_rows.unwrap_or(usize::MAX).min(t.rows.len());
    let rows = &t.rows[..shown];
    let width = options.width.map(usize::from);
    if t.record {
        write_record(out, rows, width)?;
    } else if options.format == Format::Lines {
        write_lines(out, &t.columns, rows, width)?;
    } else {
        let text = grid(&t.columns, rows);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        match width {
            Some(w) if widest > w => {
                if !WIDE_NOTED.swap(true, Ordering::Relaxed) {
                    eprintln!(
                        "note: a table {widest} columns wide does not fit the terminal ({w}): \
                         shown as records; choose columns with `show a, b`, or use `--format lines`"
                    );
                }
                write_lines(out, &t.columns, rows, width)?;
            }
            _ => writeln!(out, "{text}")?,
        }
    }
    let hidden = t.rows.len() - shown;
    if hidden > 0 {
        writeln!(
            out,
            "… {hidden} more row{} not shown (add `limit`, or use `.format csv` / `.output FILE` to see them all)",
            if hidden == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

/// The aligned table, at its natural width (nothing cut).
fn grid(columns: &[String], rows: &[Vec<Cell>]) -> String {
    let mut table = comfy_table::Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    table.set_header(columns);
    for row in rows {
        table.add_row(row.iter().map(|c| c.to_string()));
    }
    table.to_string()
}

/// Rows as blocks of `field │ value` lines.
fn write_lines(
    out: &mut dyn Write,
    columns: &[String],
    rows: &[Vec<Cell>],
    width: Option<usize>,
) -> io::Result<()> {
    let name_width = columns.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        let head = format!("-[ {} ]", i + 1);
        let rule = width.unwrap_or(40).min(40).max(head.chars().count());
        writeln!(out, "{head}{}", "-".repeat(rule - head.chars().count()))?;
        for (name, cell) in columns.iter().zip(row) {
            field_line(out, name, name_width, &cell.to_string(), width)?;
        }
    }
    Ok(())
}

/// A record table (`field, value` rows) as `field │ value` lines.
fn write_record(out: &mut dyn Write, rows: &[Vec<Cell>], width: Option<usize>) -> io::Result<()> {
    let names: Vec<String> = rows
        .iter()
        .map(|r| r.first().map(|c| c.to_string()).unwrap_or_default())
        .collect();
    let name_width = names.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    for (name, row) in names.iter().zip(rows) {
        let value = row.get(1).map(|c| c.to_string()).unwrap_or_default();
        field_line(out, name, name_width, &value, width)?;
    }
    Ok(())
}

/// `name │ value`, the value wrapped at spaces to fit `width`.
fn field_line(
    out: &mut dyn Write,
    name: &str,
    name_width: usize,
    value: &str,
    width: Option<usize>,
) -> io::Result<()> {
    let indent = name_width + 3;
    let room = width.map(|w| w.saturating_sub(indent).max(10));
    let pad = name_width.saturating_sub(name.chars().count());
    for (i, line) in wrap(value, room).iter().enumerate() {
        let label = if i == 0 { name } else { "" };
        let pad = if i == 0 { pad } else { name_width };
        let sep = if line.is_empty() { "" } else { " " };
        writeln!(out, "{label}{} │{sep}{line}", " ".repeat(pad))?;
    }
    Ok(())
}

/// Lines of at most `room` characters, broken at spaces; a word longer
/// than a line is the only thing ever cut. New lines in the text are kept.
pub fn wrap(text: &str, room: Option<usize>) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let Some(room) = room else {
            lines.push(paragraph.trim_end().to_string());
            continue;
        };
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let mut word: Vec<char> = word.chars().collect();
            if len > 0 && len + 1 + word.len() <= room {
                line.push(' ');
                line.extend(&word);
                len += 1 + word.len();
                continue;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut line));
            }
            while word.len() > room {
                let rest = word.split_off(room);
                lines.push(word.iter().collect());
                word = rest;
            }
            len = word.len();
            line = word.into_iter().collect();
        }
        lines.push(line);
    }
    lines
}

/// The JSON value of an answer.
pub fn json(answer: &Answer) -> serde_json::Value {
    use serde_json::{Map, Value as J};
    let table_json = |t: &Table| -> J {
        if t.record {
            let mut object = Map::new();
            for row in &t.rows {
                if let [name, value] = row.as_slice() {
                    object.insert(name.to_string(), value.to_json());
                }
            }
            return J::Object(object);
        }
        let object = |row: &Vec<Cell>| -> J {
            J::Object(
                t.columns
                    .iter()
                    .cloned()
                    .zip(row.iter().map(Cell::to_json))
                    .collect(),
            )
        };
        match (t.one, t.rows.as_slice()) {
            (true, [only]) => object(only),
            _ => J::Array(t.rows.iter().map(object).collect()),
        }
    };
    match answer.tables.as_slice() {
        [only] if only.title.is_none() => table_json(only),
        tables => J::Object(
            tables
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        t.title.clone().unwrap_or_else(|| format!("table{i}")),
                        table_json(t),
                    )
                })
                .collect(),
        ),
    }
}

/// One JSON Lines record of a script's statement: its text and its answer.
pub fn json_line(statement: &str, answer: &Answer) -> String {
    serde_json::json!({ "statement": statement, "answer": json(answer) }).to_string()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(
            wrap("killed: 2 vs 3 — soldats", Some(10)),
            ["killed: 2", "vs 3 —", "soldats"]
        );
        assert_eq!(wrap("2022-03-25", Some(20)), ["2022-03-25"]);
        assert_eq!(wrap("abcdefghij", Some(4)), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", None), ["a", "b"]);
    }
}
