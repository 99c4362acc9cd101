//! Correcting what is stored: `claimgraph forget DOCUMENT…` removes
//! documents and everything derived from them, `claimgraph reextract` runs
//! the current extractor (and `--lexicon`) over the stored texts again, and
//! `claimgraph refresh PATH…` (the same as `ingest --refresh`) stores again
//! the articles whose metadata or text changed. Each is one transaction and
//! recomputes the findings.

use super::GlobalArgs;
use crate::error::Result;
use crate::ingest::{self, Event};
use clap::Args;

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// Documents to remove: an id (as `query documents` shows it), a source
    /// as stored (a path, `feed.jsonl:12`), a file name, or the start of a
    /// content hash (8 hex digits or more)
    #[arg(required = true, value_name = "DOCUMENT")]
    pub documents: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {}

pub fn forget(global: &GlobalArgs, args: ForgetArgs) -> Result<u8> {
    let mut store = global.open_for_writing()?;
    // Every name is checked before anything is removed.
    let mut ids = Vec::new();
    for name in &args.documents {
        for id in store.find_documents(name)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let done = ingest::forget(&mut store, &ids)?;
    eprintln!(
        "forgot {} documents; {} findings ({} removed, {} added)",
        done.documents, done.comparison.findings, done.comparison.removed, done.comparison.added
    );
    Ok(0)
}

pub fn reextract(global: &GlobalArgs, _args: ReextractArgs) -> Result<u8> {
    let mut store = global.open_for_writing()?;
    let extractor = global.extractor()?;
    let done = ingest::reextract(&mut store, &extractor, &mut |event| {
        if let Event::Failed(e) = event {
            eprintln!("error: {e}");
        }
    })?;
    eprintln!(
        "extracted {} documents again; {} findings ({} removed, {} added)",
        done.documents, done.comparison.findings, done.comparison.removed, done.comparison.added
    );
    Ok(0)
}
