//! Writing records that come from outside (a claimgraph JSON export, another
//! extractor) rather than from the French extractor: documents, entities,
//! mentions, events and claims with ids of their own, remapped onto the
//! store's ids, and the findings recomputed over the whole store — all in
//! one transaction, so a failure leaves the database as it was.
//!
//! The caller checks the records first (every reference resolves, every span
//! fits its text); see `crate::export::import`.

use super::write::{date_columns, insert_event};
use super::Store;
use crate::corpus::SetAside;
use crate::error::{Error, Result};
use crate::model::Role;
use crate::model::{ClaimRecord, DocMeta, EntityRecord, EventRecord, FindingRecord, MentionRecord};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

/// A document to import; `id` is the file's own id.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportDocument {
    pub id: i64,
    pub hash: String,
    pub source: String,
    pub meta: DocMeta,
    pub text: String,
    pub set_aside: Vec<SetAside>,
}

/// Records to import, each kind in its own id space; references use those ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportRecords {
    pub documents: Vec<ImportDocument>,
    pub entities: Vec<EntityRecord>,
    pub mentions: Vec<MentionRecord>,
    pub events: Vec<EventRecord>,
    pub claims: Vec<ClaimRecord>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub documents: usize,
    /// Documents already stored (same text): skipped with their records.
    pub duplicates: usize,
    /// Entities created; the others matched a stored entity by name and kind.
    pub new_entities: usize,
    pub events: usize,
    pub claims: usize,
    /// Findings over the whole store after the import.
    pub findings: usize,
}

type Findings<'a> = &'a dyn Fn(&Store) -> Result<Vec<FindingRecord>>;

impl Store {
    /// Import `records` and replace the store's findings with what
    /// `findings` computes from the store as it stands after the import, in
    /// one transaction. Documents already stored are skipped.
    pub fn import(
        &mut self,
        records: &ImportRecords,
        findings: Findings<'_>,
    ) -> Result<ImportOutcome> {
        let label = self.label.clone();
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| Error::database(&label, &e))?;
        let result = self
            .import_records(records)
            .map_err(|e| Error::database(&label, &e))
            .and_then(|mut outcome| {
                let found = findings(self)?;
                outcome.findings = found.len();
                self.write_all_findings(&found)
                    .map_err(|e| Error::database(&label, &e))?;
                crate::store::schema::fill_names(&self.conn)
                    .map_err(|e| Error::database(&label, &e))?;
                Ok(outcome)
            });
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        match (result, self.conn.execute_batch(end)) {
            (Ok(outcome), Ok(())) => Ok(outcome),
            (Ok(_), Err(e)) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(Error::database(&label, &e))
            }
            (Err(e), _) => Err(e),
        }
    }

    fn write_all_findings(&self, findings: &[FindingRecord]) -> rusqlite::Result<()> {
        self.conn.execute("DELETE FROM findings", [])?;
        let mut insert = self.conn.prepare(
            "INSERT OR IGNORE INTO findings (kind, a, b, reason, independent) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for f in findings {
            insert.execute(params![f.kind.as_str(), f.a, f.b, f.reason, f.independent])?;
        }
        Ok(())
    }

    fn import_records(&self, r: &ImportRecords) -> rusqlite::Result<ImportOutcome> {
        let tx = &self.conn;
        let mut outcome = ImportOutcome::default();

        let mut documents: HashMap<i64, i64> = HashMap::new();
        for d in sorted(&r.documents, |d| d.id) {
            let existing: Option<i64> = tx
                .query_row("SELECT id FROM documents WHERE hash = ?1", [&d.hash], |r| {
                    r.get(0)
                })
                .optional()?;
            if existing.is_some() {
                outcome.duplicates += 1;
                continue;
            }
            let m = &d.meta;
            tx.prepare_cached(
                "INSERT INTO documents (hash, source, outlet, published, language, url, title, len, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?
                .execute(
                params![
                    d.hash,
                    d.source,
                    m.outlet,
                    m.published.map(|p| p.to_string()),
                    m.language,
                    m.url,
                    m.title,
                    d.text.len() as i64,
                    d.text
                ],
            )?;
            let id = tx.last_insert_rowid();
            documents.insert(d.id, id);
            outcome.documents += 1;
            for s in &d.set_aside {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO set_aside (document, start, end, reason) VALUES (?1, ?2, ?3, ?4)")?
                .execute(
                    params![id, s.span.start as i64, s.span.end as i64, s.reason.as_str()],
                )?;
            }
        }

        let mut entities: HashMap<i64, i64> = HashMap::new();
        for e in sorted(&r.entities, |e| e.id) {
            let existing: Option<i64> = tx
                .prepare_cached(
                    "SELECT id FROM entities WHERE name = ?1 AND kind = ?2 ORDER BY id LIMIT 1",
                )?
                .query_row(params![e.name, e.kind.as_str()], |r| r.get(0))
                .optional()?;
            let id = match existing {
                Some(id) => id,
                None => {
                    tx.prepare_cached("INSERT INTO entities (name, kind) VALUES (?1, ?2)")?
                        .execute(params![e.name, e.kind.as_str()])?;
                    outcome.new_entities += 1;
                    tx.last_insert_rowid()
                }
            };
            for a in &e.aliases {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO aliases (entity, name, reason) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, a.name, a.reason])?;
            }
            entities.insert(e.id, id);
        }
        let entity = |id: i64| entities.get(&id).copied();

        for m in &r.mentions {
            if let (Some(d), Some(e)) = (documents.get(&m.document), entity(m.entity)) {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO mentions (document, entity, start, end) VALUES (?1, ?2, ?3, ?4)")?
                .execute(
                    params![d, e, m.span.start as i64, m.span.end as i64],
                )?;
            }
        }

        let mut events: HashMap<i64, i64> = HashMap::new();
        for e in sorted(&r.events, |e| e.id) {
            let Some(document) = documents.get(&e.document) else {
                continue;
            };
            let participants: Vec<(Option<i64>, Role)> = e
                .participants
                .iter()
                .map(|p| (entity(p.entity), p.role))
                .collect();
            let id = insert_event(
                tx,
                *document,
                e.kind,
                e.span,
                &e.time,
                e.place.and_then(entity),
                &participants,
            )?;
            events.insert(e.id, id);
            outcome.events += 1;
        }

        let mut claims: HashMap<i64, i64> = HashMap::new();
        for c in sorted(&r.claims, |c| c.id) {
            let Some(document) = documents.get(&c.document) else {
                continue;
            };
            let (ds, de, dp) = date_columns(&c.date);
            let q = c.quantity;
            tx.prepare_cached(
                "INSERT INTO claims (document, kind, polarity, start, end, sentence_start, sentence_end, quote,
                    claimant, outlet, measure, value, bound, lo, hi, subject, subject_entity, event,
                    date_start, date_end, date_precision, topic, counted_category, counted_side, counted_scope)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)")?
                .execute(
                params![
                    document,
                    c.kind.as_str(),
                    c.polarity.as_str(),
                    c.span.start as i64,
                    c.span.end as i64,
                    c.sentence.start as i64,
                    c.sentence.end as i64,
                    c.quote,
                    c.claimant.and_then(entity),
                    c.outlet.and_then(entity),
                    c.measure.map(|m| m.as_str()),
                    q.map(|q| q.value),
                    q.map(|q| q.bound.as_str()),
                    q.map(|q| q.interval.lo),
                    q.and_then(|q| q.interval.hi),
                    c.subject,
                    c.subject_entity.and_then(entity),
                    c.event.and_then(|e| events.get(&e).copied()),
                    ds,
                    de,
                    dp,
                    c.topic,
                    c.counted.category,
                    c.counted.side,
                    c.counted.scope,
                ],
            )?;
            let id = tx.last_insert_rowid();
            claims.insert(c.id, id);
            outcome.claims += 1;
            for (pos, via) in c.via.iter().filter_map(|v| entity(*v)).enumerate() {
                tx.prepare_cached(
                    "INSERT INTO claim_via (claim, position, entity) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, pos as i64, via])?;
            }
            super::write::insert_occurrences(tx, id, &c.occurrences)?;
        }
        for c in &r.claims {
            if let (Some(id), Some(denied)) =
                (claims.get(&c.id), c.denies.and_then(|d| claims.get(&d)))
            {
                tx.prepare_cached("UPDATE claims SET denies = ?1 WHERE id = ?2")?
                    .execute(params![denied, id])?;
            }
        }
        Ok(outcome)
    }
}

fn sorted<T>(items: &[T], key: impl Fn(&T) -> i64) -> Vec<&T> {
    let mut out: Vec<&T> = items.iter().collect();
    out.sort_by_key(|t| key(t));
    out
}
