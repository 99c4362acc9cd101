//! `claimgraph import FILE.json`: load a graph file (a claimgraph JSON
//! export, or claims from another extractor in the same schema) into the
//! database, in one transaction, and recompute the findings.

use super::GlobalArgs;
use crate::error::{Error, Result};
use crate::export::import;
use clap::Args;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A graph file (`claimgraph-graph/1` JSON; `-` for standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(global: &GlobalArgs, args: ImportArgs) -> Result<u8> {
    let (name, bytes) = if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: PathBuf::from("<stdin>"),
                source,
            })?;
        ("<stdin>".to_string(), bytes)
    } else {
        let bytes = std::fs::read(&args.file).map_err(|source| Error::Io {
            path: args.file.clone(),
            source,
        })?;
        (args.file.display().to_string(), bytes)
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
