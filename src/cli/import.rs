//! `claimgraph import FILE.json`: load a graph file (a claimgraph JSON
//! export, or claims from another extractor in the same schema) into the
//! database, in one transaction, and recompute the findings.

use super::GlobalArgs;
use crate::error::Result;
use crate::export::import;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A graph file (`claimgraph-graph/1` JSON; `-` for standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Largest graph file accepted, in MiB
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=65536))]
    pub max_import_mb: u64,
}

pub fn run(global: &GlobalArgs, args: ImportArgs) -> Result<u8> {
    let cap = crate::limits::Cap {
        what: "graph file",
        mb: args.max_import_mb,
        flag: "--max-import-mb",
    };
    let (name, bytes) = if args.file.as_os_str() == "-" {
        ("<stdin>".to_string(), cap.read_stdin()?)
    } else {
        (args.file.display().to_string(), cap.read(&args.file)?)
    };
    // Check the file before creating or touching a database.
    let records = import::parse(&name, &bytes)?;
    let mut store = global.open_for_writing()?;
    let outcome = import::write(&mut store, &records)?;
    // Documents an interrupted ingest left uncompared.
    crate::ingest::complete_pending(&mut store)?;
    super::print_out(&format!(
        "imported {name}: {} documents ({} already stored), {} claims, {} events, {} new entities; {} findings in {}\n",
        outcome.documents,
        outcome.duplicates,
        outcome.claims,
        outcome.events,
        outcome.new_entities,
        outcome.findings,
        store.label()
    ))?;
    Ok(0)
}
