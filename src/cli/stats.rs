//! `claimgraph stats`: how many documents, entities, events, claims and
//! findings the graph holds, as a table or JSON, and how many documents
//! still wait for comparison.

use super::{print_out, GlobalArgs};
use crate::error::{Error, Result};
use crate::store::Stats;
use clap::{Args, ValueEnum};
use comfy_table::{presets, CellAlignment, Table};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// The counts in a table, and a note when a comparison is pending
    Table,
    /// One object: `{"documents": N, ..., "comparison_pending": N}`
    Json,
    /// The rows of the `stats` statement (`what,count`), as `query stats`
    Csv,
    /// The rows of the `stats` statement as records, as `query stats`
    Lines,
}

pub fn run(global: &GlobalArgs, args: StatsArgs) -> Result<u8> {
    let format = match args.format {
        StatsFormat::Csv => crate::render::Format::Csv,
        StatsFormat::Lines => crate::render::Format::Lines,
        StatsFormat::Table | StatsFormat::Json => {
            let store = global.open_for_reading(&global.extractor()?)?;
            let stats = store.stats()?;
            print_out(&render(&stats, args.format == StatsFormat::Json)?)?;
            return Ok(0);
        }
    };
    // the other formats are those of every answer: the `stats` statement's
    let query = super::query::QueryArgs {
        text: "stats".into(),
        keep_going: false,
        force: false,
        output: super::query::OutputArgs {
            format,
            group_by_document: false,
            echo: false,
            params: Vec::new(),
            explain_sql: false,
        },
    };
    super::query::run_query(global, query)
}

/// `stats` as the user sees it: a table, or one JSON object.
fn render(stats: &Stats, json: bool) -> Result<String> {
    match json {
        true => serde_json::to_string_pretty(stats)
            .map(|s| s + "\n")
            .map_err(|e| Error::Io {
                path: PathBuf::from("stdout"),
                source: e.into(),
            }),
        false => {
            let mut table = Table::new();
            table
                .load_preset(presets::UTF8_FULL_CONDENSED)
                .set_header(["", "count"]);
            let rows = [
                ("documents", stats.documents),
                ("entities", stats.entities),
                ("events", stats.events),
                ("claims", stats.claims),
                ("findings", stats.findings),
            ];
            for (name, n) in rows {
                table.add_row([name.to_string(), n.to_string()]);
            }
            if let Some(column) = table.column_mut(1) {
                column.set_cell_alignment(CellAlignment::Right);
            }
            let mut out = format!("{table}\n");
            if stats.comparison_pending > 0 {
                out.push_str(&pending_message(stats.comparison_pending));
                out.push('\n');
            }
            Ok(out)
        }
    }
}

/// What readers are told while documents wait for comparison.
pub fn pending_message(n: u64) -> String {
    let documents = if n == 1 { "document" } else { "documents" };
    format!(
        "comparison pending for {n} {documents}: their findings are not stored yet \
         (an ingest is running, or was interrupted: the next ingest, import, forget, \
         refresh or reextract completes it)"
    )
}

/// Say on stderr, once, that the findings do not yet cover every document.
pub fn note_pending(store: &crate::store::Store) -> Result<()> {
    let n = store.pending_comparison()?;
    if n > 0 {
        eprintln!("note: {}", pending_message(n));
    }
    Ok(())
}
