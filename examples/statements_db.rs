//! A database of about N claims for the statement benchmark
//! (`scripts/statement_bench.py`), written from the synthetic generator
//! (`src/synth`): its articles' texts and records are imported as an
//! outside extractor's would be (`claimgraph import`'s path), with the
//! findings the generator planted (its truth): the comparison itself,
//! run over these records, finds far more pairs than a real corpus holds
//! (36 per claim at 10k claims), which would time the comparison, not the
//! statements.
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

use claimgraph::model::FindingRecord;
use claimgraph::store::Store;
use claimgraph::synth::{Config, Plan};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let first = args.next().ok_or("usage: statements_db CLAIMS PATH")?;
    if first == "--upgrade" {
        let path = PathBuf::from(args.next().ok_or("usage: statements_db --upgrade PATH")?);
        drop(Store::open(&path)?);
        return fold(&path);
    }
    let mut args = std::iter::once(first).chain(args);
    let claims: usize = args
        .next()
        .ok_or("usage: statements_db CLAIMS PATH")?
        .parse()?;
    let path = PathBuf::from(args.next().ok_or("usage: statements_db CLAIMS PATH")?);
    let plan = Plan::generate(&Config::new(2026, claims));
    let import = plan.import_records();
    // A planted claim is found again by its article's hash and its span
    // (articles of the same text are stored once, with the first one's claims).
    let hash: std::collections::HashMap<i64, String> = import
        .documents
        .iter()
        .map(|d| (d.id, d.hash.clone()))
        .collect();
    let at: std::collections::HashMap<i64, (String, i64, i64)> = import
        .claims
        .iter()
        .filter_map(|c| {
            Some((
                c.id,
                (
                    hash.get(&c.document)?.clone(),
                    c.span.start as i64,
                    c.span.end as i64,
                ),
            ))
        })
        .collect();
    let truth = plan.truth().to_vec();
    drop(plan);
    let mut store = Store::open(&path)?;
    let planted = |store: &Store| -> claimgraph::Result<Vec<FindingRecord>> {
        let row = |id: i64| -> claimgraph::Result<Option<i64>> {
            let Some((hash, start, end)) = at.get(&id) else {
                return Ok(None);
            };
            Ok(store
                .ids(
                    "SELECT c.id FROM claims c JOIN documents d ON d.id = c.document
                     WHERE d.hash = ?1 AND c.start = ?2 AND c.end = ?3",
                    &[hash, start, end],
                )?
                .first()
                .copied())
        };
        let mut out = Vec::new();
        for t in &truth {
            if let (Some(a), Some(b)) = (row(t.a)?, row(t.b)?) {
                out.push(FindingRecord {
                    id: 0,
                    kind: t.kind,
                    a,
                    b,
                    reason: format!("planted {}", t.kind),
                    independent: t.independent,
                });
            }
        }
        Ok(out)
    };
    let outcome = store.import(&import, &planted)?;
    eprintln!(
        "{}: {} documents, {} claims, {} findings",
        path.display(),
        outcome.documents,
        outcome.claims,
        outcome.findings
    );
    Ok(())
}

fn fold(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let conn = rusqlite::Connection::open(path)?;
    let folded = claimgraph::store::schema::fill_names(&conn)?;
    eprintln!("{}: {folded} spellings folded", path.display());
    Ok(())
}
