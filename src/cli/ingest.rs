//! `claimgraph ingest PATH...`: load, clean, extract and store articles, with
//! a progress bar on a terminal and a one-line summary at the end.

use super::GlobalArgs;
use crate::corpus::{self, LoadOptions};
use crate::error::{Result, EXIT_PARTIAL};
use crate::ingest::{self, Event, IngestOptions, Summary};
use crate::store::Existing;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Text files, folders (walked recursively), JSON Lines files (.jsonl,
    /// .ndjson: one {"text": ..., "outlet": ..., "published": ...} per line),
    /// or `-` for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read standard input as JSON Lines instead of one article
    #[arg(long)]
    pub jsonl: bool,

    /// Largest article accepted, in megabytes (larger ones are refused)
    #[arg(long, value_name = "MB", default_value_t = 32, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_article_mb: u64,

    /// Documents per database transaction
    #[arg(long, value_name = "N", default_value_t = ingest::DEFAULT_BATCH_SIZE as u64, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_size: u64,

    /// Threads preparing articles (reading, cleaning, extraction); 0 is one
    /// per core. One writer stores them in input order whatever the number.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Store again, in place of the stored version, an article whose
    /// metadata (sidecar, source) changed or whose file now holds another
    /// text; everything derived from it is recomputed
    #[arg(long)]
    pub refresh: bool,
}

pub fn run(global: &GlobalArgs, args: IngestArgs) -> Result<u8> {
    let mut store = global.open_for_writing()?;
    let extractor = global.extractor()?;
    let inputs = corpus::expand(&args.paths);
    let total: Option<u64> = inputs
        .iter()
        .map(|i| i.as_ref().map_or(Some(0), |i| i.size()))
        .sum();
    let progress = progress_bar(total);
    let options = LoadOptions {
        max_bytes: args.max_article_mb.saturating_mul(1024 * 1024),
        stdin_jsonl: args.jsonl,
    };
    let items = corpus::Articles::new(inputs, options);
    let batch = IngestOptions {
        batch_size: usize::try_from(args.batch_size).unwrap_or(usize::MAX),
        existing: if args.refresh {
            Existing::Refresh
        } else {
            Existing::Keep
        },
        threads: args.threads,
        ..IngestOptions::default()
    };

    let mut summary = Summary::default();
    let result = ingest::run(
        &mut store,
        &extractor,
        items,
        batch,
        &mut summary,
        &mut |event| match event {
            Event::Read(bytes) => progress.inc(bytes),
            Event::Failed(e) => progress.suspend(|| eprintln!("error: {e}")),
        },
    );
    progress.finish_and_clear();
    eprintln!("{summary}");
    result?;
    // Every item bad is bad input (3), as the README's table says; some
    // bad among good ones is a partial batch (1).
    Ok(match summary {
        Summary { failed: 0, .. } => 0,
        Summary {
            added: 0,
            duplicates: 0,
            ..
        } => 3,
        _ => EXIT_PARTIAL,
    })
}

/// A bar over input bytes when stderr is a terminal; nothing otherwise.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        ),
        None => (ProgressBar::new_spinner(), "{spinner} {elapsed_precise} {bytes} read ({bytes_per_sec})"),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
