//! Findings as part of the durable state.
//!
//! A batch of documents commits with a "pending comparison" mark on each new
//! document (see [`super::schema`], migration 3). The comparison then runs
//! under the write lock (`BEGIN IMMEDIATE`): it reads the store, computes
//! the findings and incidents, writes what changed and clears the marks, in
//! one transaction. So:
//!
//! - an ingest killed after a batch leaves marks, which the next command
//!   that writes completes (a re-run of the same ingest adds nothing but
//!   still compares);
//! - two writers never compare at the same time, and each comparison sees
//!   every document committed before it took the lock;
//! - a reader can always tell whether the findings cover every document
//!   ([`Store::pending_comparison`]).
//!
//! Findings unchanged by a comparison keep their ids.

use super::Store;
use crate::error::Result;
use crate::model::FindingRecord;
use rusqlite::params;
use std::collections::HashMap;

/// What a comparison computed from the whole store: every finding (ids
/// ignored) and each document's incident with the reason it joined it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub findings: Vec<FindingRecord>,
    pub incidents: Vec<(i64, i64, Option<String>)>,
}

/// What writing a [`Comparison`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComparisonChange {
    /// Documents whose pending mark was cleared.
    pub documents: u64,
    pub added: u64,
    pub removed: u64,
    /// Findings in the store afterwards.
    pub findings: u64,
}

impl Store {
    /// How many documents are stored but not yet compared (an ingest is
    /// running, or one was interrupted and no command has written since).
    pub fn pending_comparison(&self) -> Result<u64> {
        // A database from before migration 3 has no marks (and cannot be
        // opened without migrating, so the table exists).
        self.conn
            .query_row("SELECT count(*) FROM pending_comparison", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.error(e))
    }

    /// Run `f` inside one write transaction (`BEGIN IMMEDIATE`: it waits for
    /// other writers up to the lock timeout, then holds them off), committed
    /// when `f` succeeds and rolled back otherwise.
    pub fn write_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.error(e))?;
        // names of entities written in the transaction are folded into the
        // lookup table before it commits (readers would fold them otherwise)
        let result = f(self).and_then(|value| {
            crate::store::schema::fill_names(&self.conn)
                .map(|_| value)
                .map_err(|e| self.error(e))
        });
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        match (result, self.conn.execute_batch(end)) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(e)) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(self.error(e))
            }
            (Err(e), _) => Err(e),
        }
    }

    /// Complete the comparison when some document waits for it: under the
    /// write lock, `compare` reads the store and its result replaces the
    /// findings and incidents, and the marks are cleared. `None` when no
    /// document was pending.
    pub fn complete_comparison(
        &mut self,
        compare: &dyn Fn(&Store) -> Result<Comparison>,
    ) -> Result<Option<ComparisonChange>> {
        self.write_transaction(|store| {
            if store.pending_comparison()? == 0 {
                return Ok(None);
            }
            let comparison = compare(store)?;
            store.store_comparison(&comparison).map(Some)
        })
    }

    /// Write `comparison` in place of the stored findings and incidents and
    /// clear every pending mark. Call it inside
    /// [`Store::write_transaction`], with a comparison of the store as that
    /// transaction sees it.
    pub fn store_comparison(&mut self, comparison: &Comparison) -> Result<ComparisonChange> {
        let run = |conn: &rusqlite::Connection| -> rusqlite::Result<ComparisonChange> {
            let mut change = ComparisonChange {
                documents: conn.query_row("SELECT count(*) FROM pending_comparison", [], |r| {
                    r.get::<_, i64>(0)
                })? as u64,
                ..ComparisonChange::default()
            };
            // Stored findings by (kind, a, b), with what they say.
            type Said = (String, Option<bool>);
            let mut stored: HashMap<(String, i64, i64), (i64, Said)> = HashMap::new();
            {
                let mut stmt =
                    conn.prepare("SELECT id, kind, a, b, reason, independent FROM findings")?;
                let rows = stmt.query_map([], |r| {
                    Ok((
                        (
                            r.get::<_, String>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, i64>(3)?,
                        ),
                        (r.get::<_, i64>(0)?, (r.get::<_, String>(4)?, r.get(5)?)),
                    ))
                })?;
                for row in rows {
                    let (key, value) = row?;
                    stored.insert(key, value);
                }
            }
            let mut insert = conn.prepare(
                "INSERT INTO findings (kind, a, b, reason, independent) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut delete = conn.prepare("DELETE FROM findings WHERE id = ?1")?;
            let mut fresh = Vec::new();
            for f in &comparison.findings {
                let key = (f.kind.as_str().to_string(), f.a, f.b);
                match stored.remove(&key) {
                    Some((_, (reason, independent)))
                        if reason == f.reason && independent == f.independent => {}
                    Some((id, _)) => {
                        delete.execute([id])?;
                        change.removed += 1;
                        fresh.push(f);
                    }
                    None => fresh.push(f),
                }
            }
            for (id, _) in stored.into_values() {
                delete.execute([id])?;
                change.removed += 1;
            }
            // New findings get ids in the order of their claims' ids, as
            // listings show them.
            fresh.sort_by_key(|f| (f.kind, f.a, f.b));
            for f in fresh {
                // A finding listed twice by the comparison is stored once.
                let key = (f.kind.as_str(), f.a, f.b);
                let exists: i64 = conn.query_row(
                    "SELECT count(*) FROM findings WHERE kind = ?1 AND a = ?2 AND b = ?3",
                    params![key.0, key.1, key.2],
                    |r| r.get(0),
                )?;
                if exists == 0 {
                    insert.execute(params![f.kind.as_str(), f.a, f.b, f.reason, f.independent])?;
                    change.added += 1;
                }
            }
            conn.execute("DELETE FROM incidents", [])?;
            let mut put = conn.prepare(
                "INSERT OR REPLACE INTO incidents (document, incident, reason) VALUES (?1, ?2, ?3)",
            )?;
            for (d, i, r) in &comparison.incidents {
                put.execute(params![d, i, r])?;
            }
            conn.execute("DELETE FROM pending_comparison", [])?;
            change.findings =
                conn.query_row("SELECT count(*) FROM findings", [], |r| r.get::<_, i64>(0))? as u64;
            Ok(change)
        };
        run(&self.conn).map_err(|e| self.error(e))
    }

    /// Mark every stored document as waiting for comparison (after a change
    /// of the rules, or of the records findings are computed from).
    pub fn mark_all_pending(&mut self) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO pending_comparison (document) SELECT id FROM documents",
                [],
            )
            .map(|_| ())
            .map_err(|e| self.error(e))
    }
}
