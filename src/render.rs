//! Printing answers: an aligned table for people, JSON and CSV for scripts.
//!
//! One answer holds one or more tables (an entity's aliases, mentions and
//! claims). As JSON, a single untitled table is an array of objects, several
//! tables an object of such arrays keyed by title; as CSV, tables follow each
//! other separated by an empty line.

use crate::engine::{Answer, Cell, Table};
use comfy_table::{presets, ContentArrangement};
use std::io::{self, Write};

/// How answers are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            other => Err(format!(
                "unknown format {other:?} (expected table, json or csv)"
            )),
        }
    }
}

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub format: Format,
    /// Fit the table to this terminal width.
    pub width: Option<u16>,
    /// Show at most this many rows per table, with a note saying how many
    /// were left out (the REPL's default; scripts see everything).
    pub max_rows: Option<usize>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: Format::Table,
            width: None,
            max_rows: None,
        }
    }
}

/// Write `answer` to `out`.
pub fn write(out: &mut dyn Write, answer: &Answer, options: &RenderOptions) -> io::Result<()> {
    match options.format {
        Format::Table => {
            for (i, t) in answer.tables.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_table(out, t, options)?;
            }
            Ok(())
        }
        Format::Json => {
            let value = json(answer);
            serde_json::to_writer_pretty(&mut *out, &value)?;
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
    let mut table = comfy_table::Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    if let Some(w) = options.width {
        table.set_width(w);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    table.set_header(&t.columns);
    for row in &t.rows[..shown] {
        table.add_row(row.iter().map(|c| c.to_string()));
    }
    writeln!(out, "{table}")?;
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

/// The JSON value of an answer.
pub fn json(answer: &Answer) -> serde_json::Value {
    let objects = |t: &Table| {
        serde_json::Value::Array(
            t.rows
                .iter()
                .map(|row| {
                    serde_json::Value::Object(
                        t.columns
                            .iter()
                            .cloned()
                            .zip(row.iter().map(cell_json))
                            .collect(),
                    )
                })
                .collect(),
        )
    };
    match answer.tables.as_slice() {
        [only] if only.title.is_none() => objects(only),
        tables => serde_json::Value::Object(
            tables
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        t.title.clone().unwrap_or_else(|| format!("table{i}")),
                        objects(t),
                    )
                })
                .collect(),
        ),
    }
}

fn cell_json(c: &Cell) -> serde_json::Value {
    serde_json::to_value(c).unwrap_or(serde_json::Value::Null)
}
