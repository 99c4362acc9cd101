//! `claimgraph eval GOLD.json --corpus DIR`: score the whole system against
//! hand annotations (format and rules: `shared/gold/README.md`).

use super::{print_out, GlobalArgs};
use crate::error::{Error, Result};
use crate::eval::{evaluate, Gold};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A table of true/false positives, precision, recall and F1
    Table,
    /// One JSON object (the shape of the gold README), for scripts
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotation file (format `claimgraph-gold/1`)
    #[arg(value_name = "GOLD.json")]
    pub gold: PathBuf,
    /// Folder holding the annotated articles
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    /// Also list every miss (false positive or negative), one per line
    #[arg(long)]
    pub verbose: bool,
}

pub fn run(global: &GlobalArgs, args: EvalArgs) -> Result<u8> {
    if !args.corpus.is_dir() {
        return Err(Error::Usage(format!(
            "--corpus {}: not a folder",
            args.corpus.display()
        )));
    }
    let gold = Gold::load(&args.gold)?;
    let report = evaluate(&gold, &args.corpus, &global.extractor()?)?;
    let mut text = match args.format {
        EvalFormat::Json => format!("{}\n", report.to_json()),
        EvalFormat::Table => report.render(),
    };
    if args.verbose {
        for note in &report.notes {
            text.push_str(note);
            text.push('\n');
        }
    }
    print_out(&text)?;
    Ok(0)
}
