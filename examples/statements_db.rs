//! A database of about N claims for the statement benchmark
//! (`scripts/statement_bench.py`), written from the synthetic generator
//! (`src/synth`): its articles' texts and records are imported as an
//! outside extractor's would be (`claimgraph import`'s path), and the
//! findings are computed over the whole store, as an ingest does.
//!
//!     cargo run --release --example statements_db -- 100000 /tmp/s100k.db
//!     cargo run --release --example statements_db -- --upgrade /tmp/s100k.db
//!
//! `--upgrade` only brings an existing database to this build's schema
//! (its migrations), as any writing command would, and folds the entity
//! names a writer left pending.
//!
//! The records are the generator's, not the French extractor's: the
//! extractor does not know the generator's names, and a 1M-claim ingest
//! through it takes far longer than the statements it is meant to time.

use claimgraph::store::import::{ImportDocument, ImportRecords};
use claimgraph::store::Store;
use claimgraph::synth::{Config, Plan};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let first = args.next().ok_or("usage: statements_db CLAIMS PATH")?;
    if first == "--upgrade" {
        let path = PathBuf::from(args.next().ok_or("usage: statements_db --upgrade PATH")?);
        drop(Store::open(&path)?);
        let conn = rusqlite::Connection::open(&path)?;
        let folded = claimgraph::store::schema::fill_names(&conn)?;
        eprintln!("{}: upgraded ({folded} spellings folded)", path.display());
        return Ok(());
    }
    let mut args = std::iter::once(first).chain(args);
    let claims: usize = args
        .next()
        .ok_or("usage: statements_db CLAIMS PATH")?
        .parse()?;
    let path = PathBuf::from(args.next().ok_or("usage: statements_db CLAIMS PATH")?);
    let plan = Plan::generate(&Config::new(2026, claims));
    let records = plan.records();
    let articles = plan.articles();
    drop(plan);
    let documents = records
        .documents
        .iter()
        .zip(articles)
        .map(|(d, a)| ImportDocument {
            id: d.id,
            hash: d.hash.clone(),
            source: d.source.clone(),
            meta: d.meta.clone(),
            text: a.text,
            set_aside: Vec::new(),
        })
        .collect();
    let import = ImportRecords {
        documents,
        entities: records.entities,
        mentions: records.mentions,
        events: records.events,
        claims: records.claims,
    };
    let mut store = Store::open(&path)?;
    let outcome = claimgraph::export::import::write(&mut store, &import)?;
    eprintln!(
        "{}: {} documents, {} claims, {} findings",
        path.display(),
        outcome.documents,
        outcome.claims,
        outcome.findings
    );
    Ok(())
}
