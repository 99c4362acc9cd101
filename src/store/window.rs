//! Reading the part of the store a new batch of articles can touch, so that
//! comparing after an ingest could cost what the new articles' time window
//! holds, not what the whole corpus holds.
//!
//! Ingest no longer compares incrementally over this window: an incremental
//! result depended on arrival order and on concurrent writers (issue 12), so
//! the comparison now reads the whole store in canonical order (see
//! [`super::canonical`]). The window stays for bounding that recomputation
//! to the part of the store a batch can reach, once it is closed under the
//! relations the comparison uses (incidents chain articles transitively).
//!
//! Events are compared only with events whose dates share a day (an undated
//! event lies in the week before its article's publication; see
//! [`crate::analysis::coref`]). So the documents whose findings a batch can
//! change are the batch's own and those owning an event whose window meets
//! one of the batch's event windows. Loaders take a [`Scope`]: everything,
//! or the documents listed in a temporary table.

use super::Store;
use crate::analysis::coref::UNDATED_WINDOW_DAYS;
use crate::analysis::incident::PLACE_KIND_WINDOW_DAYS;
use crate::error::Result;
use crate::model::{ClaimRecord, DocumentRecord, EventRecord, FindingRecord, MentionRecord};
use chrono::{Days, NaiveDate};
use rusqlite::params;
use std::collections::BTreeSet;

/// Which documents a loader reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// The documents of `temp.scope` (see [`Store::set_scope`]).
    Listed,
}

impl Scope {
    /// A `WHERE` clause keeping rows whose `column` is a listed document.
    pub fn filter(self, column: &str) -> String {
        match self {
            Scope::All => String::new(),
            Scope::Listed => format!("WHERE {column} IN (SELECT doc FROM temp.scope)"),
        }
    }

    /// A `WHERE` clause keeping rows whose `column` points into `table` rows
    /// of listed documents.
    pub fn filter_through(self, column: &str, table: &str) -> String {
        match self {
            Scope::All => String::new(),
            Scope::Listed => format!(
                "WHERE {column} IN (SELECT id FROM {table} WHERE document IN (SELECT doc FROM temp.scope))"
            ),
        }
    }
}

/// The records of some documents, as the analysis takes them.
#[derive(Debug, Default)]
pub struct Window {
    pub documents: Vec<DocumentRecord>,
    pub events: Vec<EventRecord>,
    pub claims: Vec<ClaimRecord>,
    /// The places and countries the documents name (incident evidence).
    pub places: Vec<MentionRecord>,
}

/// The days an event may lie on: its stated dates, else the week before its
/// article's publication; `None` when neither is known.
fn days(
    start: Option<String>,
    end: Option<String>,
    published: Option<String>,
) -> Option<(NaiveDate, NaiveDate)> {
    let parse = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    match (parse(start), parse(end)) {
        (Some(s), Some(e)) => Some((s, e)),
        _ => {
            let p = parse(published)?;
            Some((p.checked_sub_days(Days::new(UNDATED_WINDOW_DAYS))?, p))
        }
    }
}

impl Store {
    /// The documents a batch of new documents can share an event with: the
    /// new ones, and those with an event whose days meet a new event's days.
    pub fn neighbourhood(&self, new: &[i64]) -> Result<BTreeSet<i64>> {
        let run = || -> rusqlite::Result<BTreeSet<i64>> {
            let mut out: BTreeSet<i64> = new.iter().copied().collect();
            let mut windows = Vec::new();
            let mut stmt = self.conn.prepare_cached(
                "SELECT e.time_start, e.time_end, d.published FROM events e
                 JOIN documents d ON d.id = e.document WHERE e.document = ?1",
            )?;
            for doc in new {
                let rows = stmt.query_map([doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                for row in rows {
                    let (s, e, p) = row?;
                    windows.extend(days(s, e, p));
                }
            }
            // Articles naming one of the new articles' places, published
            // within the incident window (see `analysis::incident`).
            let mut same_place = self.conn.prepare_cached(
                // Each place once, whatever the number of its mentions: an
                // article naming Kiev 16,000 times must not join 16,000 x
                // 16,000 rows.
                "SELECT DISTINCT m2.document FROM
                   (SELECT DISTINCT m.entity FROM mentions m
                    JOIN entities e ON e.id = m.entity AND e.kind IN ('place', 'country')
                    WHERE m.document = ?1) p
                 JOIN documents d ON d.id = ?1
                 JOIN mentions m2 ON m2.entity = p.entity
                 JOIN documents d2 ON d2.id = m2.document
                 WHERE d.published IS NULL OR d2.published IS NULL
                    OR abs(julianday(d2.published) - julianday(d.published)) <= ?2",
            )?;
            for doc in new {
                let rows = same_place
                    .query_map(params![doc, PLACE_KIND_WINDOW_DAYS], |r| r.get::<_, i64>(0))?;
                for d in rows {
                    out.insert(d?);
                }
            }
            // Merge overlapping windows so that each is looked up once.
            windows.sort();
            let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::new();
            for (s, e) in windows {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            let mut near = self.conn.prepare_cached(
                "SELECT DISTINCT e.document FROM events e JOIN documents d ON d.id = e.document
                 WHERE (e.time_start IS NOT NULL AND e.time_start <= ?2 AND e.time_end >= ?1)
                    OR (e.time_start IS NULL AND d.published >= ?1 AND d.published <= ?3)",
            )?;
            for (s, e) in merged {
                let late = e
                    .checked_add_days(Days::new(UNDATED_WINDOW_DAYS))
                    .unwrap_or(e);
                let rows = near.query_map(
                    params![s.to_string(), e.to_string(), late.to_string()],
                    |r| r.get::<_, i64>(0),
                )?;
                for doc in rows {
                    out.insert(doc?);
                }
            }
            Ok(out)
        };
        run().map_err(|e| self.error(e))
    }

    /// The documents, events and claims of `documents`.
    pub fn window(&self, documents: &BTreeSet<i64>) -> Result<Window> {
        self.set_scope(documents)?;
        Ok(Window {
            documents: self.documents_in(Scope::Listed)?,
            events: self.events_in(Scope::Listed)?,
            claims: self.claims_in(Scope::Listed)?,
            places: self.places_in(Scope::Listed)?,
        })
    }

    /// The place and country mentions of the documents of `scope`, without
    /// datelines ("BAMAKO, 14 mai 2024 —": where the dispatch was written).
    pub(super) fn places_in(&self, scope: Scope) -> Result<Vec<MentionRecord>> {
        use crate::analysis::incident::{is_dateline, DATELINE_REACH};
        let mut out = Vec::new();
        let run = |out: &mut Vec<MentionRecord>| -> rusqlite::Result<()> {
            let listed = match scope {
                Scope::All => "",
                Scope::Listed => "m.document IN (SELECT doc FROM temp.scope) AND",
            };
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT m.entity, m.document, m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity
                 WHERE {listed} e.kind IN ('place', 'country')
                 ORDER BY m.document, m.start, m.entity"
            ))?;
            let mut head = self.conn.prepare_cached(
                "SELECT CAST(substr(CAST(text AS BLOB), 1, ?2) AS BLOB) FROM documents WHERE id = ?1",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(MentionRecord {
                    entity: r.get(0)?,
                    document: r.get(1)?,
                    span: crate::model::Span::new(
                        r.get::<_, i64>(2)? as usize,
                        r.get::<_, i64>(3)? as usize,
                    ),
                })
            })?;
            let mut opening: Option<(i64, String)> = None;
            for m in rows {
                let m = m?;
                if m.span.start <= DATELINE_REACH {
                    if opening.as_ref().map(|(d, _)| *d) != Some(m.document) {
                        let bytes: Vec<u8> = head
                            .query_row(params![m.document, DATELINE_REACH as i64 + 200], |r| {
                                r.get(0)
                            })?;
                        opening = Some((m.document, String::from_utf8_lossy(&bytes).into_owned()));
                    }
                    if let Some((_, text)) = &opening {
                        if is_dateline(text, m.span) {
                            continue;
                        }
                    }
                }
                out.push(m);
            }
            Ok(())
        };
        run(&mut out).map_err(|e| self.error(e))?;
        Ok(out)
    }

    /// List the documents [`Scope::Listed`] loaders read.
    fn set_scope(&self, documents: &BTreeSet<i64>) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            self.conn.execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS scope (doc INTEGER PRIMARY KEY); DELETE FROM temp.scope;",
            )?;
            let mut insert = self
                .conn
                .prepare_cached("INSERT INTO temp.scope (doc) VALUES (?1)")?;
            for d in documents {
                insert.execute([d])?;
            }
            Ok(())
        };
        run().map_err(|e| self.error(e))
    }

    /// Record each document's incident and why it joined it (rows of
    /// [`crate::analysis::Analyzer::incidents`]), replacing what was there.
    pub fn write_incidents(&mut self, rows: &[(i64, i64, Option<String>)]) -> Result<()> {
        let label = self.label.clone();
        let run = |conn: &mut rusqlite::Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut put = tx.prepare(
                    "INSERT OR REPLACE INTO incidents (document, incident, reason) VALUES (?1, ?2, ?3)",
                )?;
                for (d, i, r) in rows {
                    put.execute(params![d, i, r])?;
                }
            }
            tx.commit()
        };
        run(&mut self.conn).map_err(|e| crate::error::Error::database(&label, &e))
    }

    /// Each document's incident and why it joined it, in document order.
    pub fn incidents(&self) -> Result<Vec<(i64, i64, Option<String>)>> {
        let run = || -> rusqlite::Result<Vec<(i64, i64, Option<String>)>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT document, incident, reason FROM incidents ORDER BY document",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// The incident of one document and why it joined it.
    pub fn incident_of(&self, document: i64) -> Result<Option<(i64, Option<String>)>> {
        let run = || -> rusqlite::Result<Option<(i64, Option<String>)>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT incident, reason FROM incidents WHERE document = ?1")?;
            let mut rows = stmt.query_map([document], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.next().transpose()
        };
        run().map_err(|e| self.error(e))
    }

    /// Apply what a comparison changed, in one transaction: remove the
    /// `retracted` findings (by kind and claims) and add the new ones (a
    /// finding already stored is kept as it is).
    pub fn apply_findings(
        &mut self,
        added: &[FindingRecord],
        retracted: &[FindingRecord],
    ) -> Result<()> {
        let label = self.label.clone();
        let run = |conn: &mut rusqlite::Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            {
                let mut delete =
                    tx.prepare("DELETE FROM findings WHERE kind = ?1 AND a = ?2 AND b = ?3")?;
                for f in retracted {
                    delete.execute(params![f.kind.as_str(), f.a, f.b])?;
                }
                let mut add = tx.prepare(
                    "INSERT OR IGNORE INTO findings (kind, a, b, reason, independent) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for f in added {
                    add.execute(params![f.kind.as_str(), f.a, f.b, f.reason, f.independent])?;
                }
            }
            tx.commit()
        };
        run(&mut self.conn).map_err(|e| crate::error::Error::database(&label, &e))
    }
}
