//! Writing a batch of prepared documents in one transaction: documents,
//! set-aside ranges, and the extraction mapped from document-local indices
//! onto corpus-wide entity, event and claim ids. Each new document is marked
//! as waiting for comparison in the same transaction.

use super::{Outcome, PreparedDocument, Store};
use crate::error::{Error, Result};
use crate::extract::alias::{Context, EntityIndex};
use crate::extract::{Extraction, LocalEntity};
use crate::model::{Alias, DateRange, EntityKind, EventKind, Role, Span};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// Check that a prepared document is consistent: every span lies on
/// character boundaries of its text and every local index points inside the
/// extraction. The store refuses a batch holding an inconsistent document.
pub fn check(doc: &PreparedDocument) -> std::result::Result<(), String> {
    let text = &doc.text;
    let span_ok = |what: &str, s: &Span| {
        if s.start <= s.end && text.get(s.start..s.end).is_some() {
            Ok(())
        } else {
            Err(format!(
                "{what} span {}..{} does not fit the text ({} bytes)",
                s.start,
                s.end,
                text.len()
            ))
        }
    };
    let x = &doc.extraction;
    let index = |what: &str, i: usize, len: usize| {
        if i < len {
            Ok(())
        } else {
            Err(format!("extraction refers to {what} {i} of {len}"))
        }
    };
    for s in &doc.set_aside {
        span_ok("set-aside", &s.span)?;
    }
    for m in &x.mentions {
        span_ok("mention", &m.span)?;
        index("entity", m.entity, x.entities.len())?;
    }
    for e in &x.events {
        span_ok("event", &e.span)?;
        if let Some(p) = e.place {
            index("entity", p, x.entities.len())?;
        }
        for (p, _) in &e.participants {
            index("entity", *p, x.entities.len())?;
        }
    }
    for c in &x.claims {
        span_ok("claim", &c.span)?;
        span_ok("sentence", &c.sentence)?;
        for e in c.claimant.iter().chain(&c.via).chain(&c.subject_entity) {
            index("entity", *e, x.entities.len())?;
        }
        if let Some(ev) = c.event {
            index("event", ev, x.events.len())?;
        }
        if let Some(d) = c.denies {
            index("claim", d, x.claims.len())?;
        }
    }
    Ok(())
}

/// Corpus-wide entities as the batch sees them: the resolver's index, exact
/// spellings, and the names each entity already has.
struct Entities {
    index: EntityIndex,
    exact: HashMap<(String, EntityKind), i64>,
    names: HashMap<i64, HashSet<String>>,
}

impl Entities {
    fn load(tx: &Connection, index: EntityIndex) -> rusqlite::Result<Entities> {
        let mut entities = Entities {
            index,
            exact: HashMap::new(),
            names: HashMap::new(),
        };
        let mut stmt = tx.prepare(
            "SELECT id, name, kind FROM entities
             UNION ALL SELECT a.entity, a.name, e.kind FROM aliases a JOIN entities e ON e.id = a.entity",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, name, kind) = row?;
            let Ok(kind) = kind.parse::<EntityKind>() else {
                continue;
            };
            entities.remember(id, &name, kind);
        }
        Ok(entities)
    }

    fn remember(&mut self, id: i64, name: &str, kind: EntityKind) {
        self.index.add(id, name, kind);
        self.exact.entry((name.to_string(), kind)).or_insert(id);
        self.names.entry(id).or_default().insert(name.to_string());
    }

    /// The corpus-wide id of `name` of `kind` with its local `aliases`,
    /// creating the entity or recording new aliases as needed.
    /// `context` names the places and countries of the document, which
    /// guard fuzzy matches (see [`EntityIndex::resolve_in_context`]).
    fn resolve(
        &mut self,
        tx: &Connection,
        name: &str,
        kind: EntityKind,
        aliases: &[Alias],
        context: &Context,
    ) -> rusqlite::Result<i64> {
        let found = match self
            .exact
            .get(&(name.to_string(), kind))
            .filter(|_| !self.index.is_generic(name))
        {
            Some(&id) => Some((id, "same spelling".to_string())),
            None => std::iter::once(name)
                .chain(aliases.iter().map(|a| a.name.as_str()))
                .find_map(|spelling| {
                    self.index
                        .resolve_with(spelling, kind, context)
                        .filter(|(id, _)| self.names.contains_key(id))
                }),
        };
        let id = match found {
            Some((id, reason)) => {
                self.alias(tx, id, name, kind, &reason)?;
                id
            }
            None => {
                tx.prepare_cached("INSERT INTO entities (name, kind) VALUES (?1, ?2)")?
                    .execute(params![name, kind.as_str()])?;
                let id = tx.last_insert_rowid();
                self.remember(id, name, kind);
                id
            }
        };
        for alias in aliases {
            self.alias(tx, id, &alias.name, kind, &alias.reason)?;
        }
        // The alias table's other names for it, so that any of them finds
        // the entity even before an article spells it that way.
        let known: Vec<String> = self.index.table_names(name, kind).to_vec();
        for other in &known {
            self.alias(tx, id, other, kind, "alias table")?;
        }
        self.index.add_context_of(id, context);
        Ok(id)
    }

    fn alias(
        &mut self,
        tx: &Connection,
        id: i64,
        name: &str,
        kind: EntityKind,
        reason: &str,
    ) -> rusqlite::Result<()> {
        if self.names.get(&id).is_some_and(|n| n.contains(name)) {
            return Ok(());
        }
        tx.prepare_cached(
            "INSERT OR IGNORE INTO aliases (entity, name, reason) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, name, reason])?;
        self.remember(id, name, kind);
        Ok(())
    }
}

/// Store one event with its participants (a participant whose entity is
/// unknown is skipped); returns its id. Shared by ingest and import.
pub(super) fn insert_event(
    tx: &rusqlite::Connection,
    document: i64,
    kind: EventKind,
    span: Span,
    time: &Option<DateRange>,
    place: Option<i64>,
    participants: &[(Option<i64>, Role)],
) -> rusqlite::Result<i64> {
    let (ts, te, tp) = date_columns(time);
    tx.prepare_cached(
        "INSERT INTO events (document, kind, start, end, time_start, time_end, time_precision, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        document,
        kind.as_str(),
        span.start as i64,
        span.end as i64,
        ts,
        te,
        tp,
        place
    ])?;
    let id = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO participants (event, entity, role) VALUES (?1, ?2, ?3)",
    )?;
    for (who, role) in participants {
        if let Some(who) = who {
            stmt.execute(params![id, who, role.as_str()])?;
        }
    }
    Ok(id)
}

pub(super) fn date_columns(
    d: &Option<DateRange>,
) -> (Option<String>, Option<String>, Option<&'static str>) {
    match d {
        Some(d) => (
            Some(d.start.to_string()),
            Some(d.end.to_string()),
            Some(d.precision.as_str()),
        ),
        None => (None, None, None),
    }
}

/// What to do with a document already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Existing {
    /// Keep it: the same text is the same document ([`Outcome::Duplicate`]).
    #[default]
    Keep,
    /// Replace it, and everything derived from it, when its metadata
    /// (source, sidecar, inferred fields) changed, or when a document of
    /// the same source has another text (the file was corrected):
    /// [`Outcome::Refreshed`]. An unchanged document is still a duplicate.
    Refresh,
}

/// How a long write is tuned (see [`Store::tune_writes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteTuning {
    /// SQLite's page cache, in MiB.
    pub cache_mib: i64,
    /// WAL pages after which a commit checkpoints (`wal_autocheckpoint`);
    /// 0 keeps SQLite's default (1000).
    pub checkpoint_pages: i64,
}

impl Store {
    /// Tune this connection for a long run of writes: a page cache that
    /// holds the indexes' hot pages (inserts touch every index), room for
    /// every statement the writer caches, and how often the WAL is copied
    /// back into the database.
    pub fn tune_writes(&self, tuning: WriteTuning) -> Result<()> {
        let run = || -> rusqlite::Result<()> {
            self.conn.set_prepared_statement_cache_capacity(64);
            self.conn
                .pragma_update(None, "cache_size", -tuning.cache_mib.max(1) * 1024)?;
            if tuning.checkpoint_pages > 0 {
                self.conn
                    .pragma_update(None, "wal_autocheckpoint", tuning.checkpoint_pages)?;
            }
            Ok(())
        };
        run().map_err(|e| self.error(e))
    }

    /// Store a batch of documents in one transaction; documents already
    /// stored (same text) are skipped. On any error nothing of the batch is
    /// kept.
    pub fn ingest(&mut self, docs: &[PreparedDocument]) -> Result<Vec<Outcome>> {
        self.ingest_with(docs, EntityIndex::new())
    }

    /// [`Store::ingest`], resolving entities with `index` (the extractor's
    /// lexicon-aware index: alias table, transliteration rules) on top of
    /// the entities already stored.
    pub fn ingest_with(
        &mut self,
        docs: &[PreparedDocument],
        index: EntityIndex,
    ) -> Result<Vec<Outcome>> {
        self.ingest_batch(docs, index, Existing::Keep)
    }

    /// [`Store::ingest_with`], with `existing` saying what to do with
    /// documents already stored.
    pub fn ingest_batch(
        &mut self,
        docs: &[PreparedDocument],
        index: EntityIndex,
        existing: Existing,
    ) -> Result<Vec<Outcome>> {
        self.write_transaction(|store| store.insert_batch(docs, index, existing))
    }

    /// Write a batch inside the caller's transaction (see
    /// [`Store::write_transaction`]).
    pub fn insert_batch(
        &mut self,
        docs: &[PreparedDocument],
        index: EntityIndex,
        existing: Existing,
    ) -> Result<Vec<Outcome>> {
        for doc in docs {
            check(doc).map_err(|message| Error::Input {
                location: doc.source.clone(),
                message,
            })?;
        }
        let run = |tx: &Connection| -> rusqlite::Result<Vec<Outcome>> {
            let mut entities = Entities::load(tx, index)?;
            let mut outcomes = Vec::with_capacity(docs.len());
            let mut replaced = false;
            for doc in docs {
                let outcome = insert_document(tx, &mut entities, doc, existing)?;
                replaced |= matches!(outcome, Outcome::Refreshed(_));
                outcomes.push(outcome);
            }
            if replaced {
                remove_orphan_entities(tx)?;
            }
            Ok(outcomes)
        };
        run(&self.conn).map_err(|e| self.error(e))
    }

    /// Remove documents and everything derived from them (set-aside ranges,
    /// mentions, events, claims, their findings), then the entities no
    /// record refers to any more, inside the caller's transaction. Returns
    /// how many documents were removed. The findings left are not
    /// recompared here.
    pub fn remove_documents(&mut self, ids: &[i64]) -> Result<usize> {
        let run = |tx: &Connection| -> rusqlite::Result<usize> {
            let mut n = 0;
            for id in ids {
                n += remove_document(tx, *id)?;
            }
            remove_orphan_entities(tx)?;
            Ok(n)
        };
        run(&self.conn).map_err(|e| self.error(e))
    }
}

/// Remove one document: claims first (a denial points at the claim it
/// denies, a claim at its event), then the document, whose other records
/// go with it.
fn remove_document(tx: &Connection, id: i64) -> rusqlite::Result<usize> {
    tx.prepare_cached("UPDATE claims SET denies = NULL WHERE document = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM claims WHERE document = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([id])
}

/// Entities no mention, event, participant or claim refers to any more
/// (those only a removed document named).
fn remove_orphan_entities(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DELETE FROM entities WHERE
            NOT EXISTS (SELECT 1 FROM mentions WHERE entity = entities.id)
            AND NOT EXISTS (SELECT 1 FROM events WHERE place = entities.id)
            AND NOT EXISTS (SELECT 1 FROM participants WHERE entity = entities.id)
            AND NOT EXISTS (SELECT 1 FROM claims WHERE claimant = entities.id
                OR outlet = entities.id OR subject_entity = entities.id)
            AND NOT EXISTS (SELECT 1 FROM claim_via WHERE entity = entities.id);",
    )
}

fn insert_document(
    tx: &Connection,
    entities: &mut Entities,
    doc: &PreparedDocument,
    existing: Existing,
) -> rusqlite::Result<Outcome> {
    let m = &doc.meta;
    let credits = serde_json::to_string(&doc.credits).unwrap_or_else(|_| "[]".to_string());
    let published = m.published.map(|d| d.to_string());
    let same: Option<(i64, bool)> = tx
        .prepare_cached(
            "SELECT id, source IS ?2 AND outlet IS ?3 AND published IS ?4 AND language IS ?5
                AND url IS ?6 AND title IS ?7 AND credits IS ?8
             FROM documents WHERE hash = ?1",
        )?
        .query_row(
            params![doc.hash, doc.source, m.outlet, published, m.language, m.url, m.title, credits],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let mut refreshed = false;
    match (same, existing) {
        (Some((id, _)), Existing::Keep) | (Some((id, true)), Existing::Refresh) => {
            return Ok(Outcome::Duplicate(id))
        }
        (Some((id, false)), Existing::Refresh) => {
            remove_document(tx, id)?;
            refreshed = true;
        }
        (None, Existing::Refresh) => {
            // The same file with a corrected text replaces its old version.
            let old: Vec<i64> = tx
                .prepare_cached("SELECT id FROM documents WHERE source = ?1")?
                .query_map([&doc.source], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in old {
                remove_document(tx, id)?;
                refreshed = true;
            }
        }
        (None, Existing::Keep) => {}
    }
    tx.prepare_cached(
        "INSERT INTO documents (hash, source, outlet, published, language, url, title, credits, len, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
            doc.hash,
            doc.source,
            m.outlet,
            published,
            m.language,
            m.url,
            m.title,
            credits,
            doc.text.len() as i64,
            doc.text
    ])?;
    let id = tx.last_insert_rowid();
    // Compared after the batch commits (see `schema`, migration 3).
    tx.prepare_cached("INSERT OR IGNORE INTO pending_comparison (document) VALUES (?1)")?
        .execute([id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO set_aside (document, start, end, reason) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in &doc.set_aside {
        stmt.execute(params![
            id,
            s.span.start as i64,
            s.span.end as i64,
            s.reason.as_str()
        ])?;
    }
    let outlet = match &m.outlet {
        Some(name) => {
            let none = entities.index.context(&[]);
            Some(entities.resolve(tx, name, EntityKind::Outlet, &[], &none)?)
        }
        None => None,
    };
    insert_extraction(tx, entities, id, outlet, &doc.text, &doc.extraction)?;
    Ok(if refreshed {
        Outcome::Refreshed(id)
    } else {
        Outcome::Added(id)
    })
}

fn insert_extraction(
    tx: &Connection,
    entities: &mut Entities,
    document: i64,
    outlet: Option<i64>,
    text: &str,
    x: &Extraction,
) -> rusqlite::Result<()> {
    let context: Vec<String> = x
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::Place))
        .map(|e| e.name.clone())
        .collect();
    // folded once for the document, shared by each of its entities
    let context = entities.index.context(&context);
    let entity_ids: Vec<i64> = x
        .entities
        .iter()
        .map(
            |LocalEntity {
                 name,
                 kind,
                 aliases,
             }| entities.resolve(tx, name, *kind, aliases, &context),
        )
        .collect::<rusqlite::Result<_>>()?;
    // `check` has verified every index, so `get` only guards against misuse.
    let entity = |i: usize| entity_ids.get(i).copied();

    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO mentions (document, entity, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for mention in &x.mentions {
        stmt.execute(params![
            document,
            entity(mention.entity),
            mention.span.start as i64,
            mention.span.end as i64
        ])?;
    }

    let mut event_ids = Vec::with_capacity(x.events.len());
    for event in &x.events {
        let participants: Vec<(Option<i64>, Role)> = event
            .participants
            .iter()
            .map(|(p, role)| (entity(*p), *role))
            .collect();
        event_ids.push(insert_event(
            tx,
            document,
            event.kind,
            event.span,
            &event.time,
            event.place.and_then(entity),
            &participants,
        )?);
    }

    let mut claim_ids = Vec::with_capacity(x.claims.len());
    for claim in &x.claims {
        let (ds, de, dp) = date_columns(&claim.date);
        let q = claim.quantity;
        let quote = claim.span.slice(text).unwrap_or_default();
        let claimant = claim.claimant.and_then(entity).or(outlet);
        tx.prepare_cached(
            "INSERT INTO claims (document, kind, polarity, start, end, sentence_start, sentence_end, quote,
                claimant, outlet, measure, value, bound, lo, hi, subject, subject_entity, event,
                date_start, date_end, date_precision, topic, counted_category, counted_side, counted_scope)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
        )?
        .execute(params![
                document,
                claim.kind.as_str(),
                claim.polarity.as_str(),
                claim.span.start as i64,
                claim.span.end as i64,
                claim.sentence.start as i64,
                claim.sentence.end as i64,
                quote,
                claimant,
                outlet,
                claim.measure.map(|m| m.as_str()),
                q.map(|q| q.value),
                q.map(|q| q.bound.as_str()),
                q.map(|q| q.interval.lo),
                q.and_then(|q| q.interval.hi),
                claim.subject,
                claim.subject_entity.and_then(entity),
                claim.event.and_then(|e| event_ids.get(e).copied()),
                ds,
                de,
                dp,
                claim.topic,
                claim.counted.category,
                claim.counted.side,
                claim.counted.scope,
        ])?;
        let id = tx.last_insert_rowid();
        claim_ids.push(id);
        let mut stmt = tx.prepare_cached(
            "INSERT INTO claim_via (claim, position, entity) VALUES (?1, ?2, ?3)",
        )?;
        for (pos, via) in claim.via.iter().enumerate() {
            stmt.execute(params![id, pos as i64, entity(*via)])?;
        }
        insert_occurrences(tx, id, &claim.occurrences)?;
    }
    for (claim, id) in x.claims.iter().zip(&claim_ids) {
        if let Some(denied) = claim.denies.and_then(|d| claim_ids.get(d)) {
            tx.prepare_cached("UPDATE claims SET denies = ?1 WHERE id = ?2")?
                .execute(params![denied, id])?;
        }
    }
    Ok(())
}

/// The other places one claim is stated in its document.
pub(super) fn insert_occurrences(
    tx: &rusqlite::Connection,
    claim: i64,
    spans: &[crate::model::Span],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO claim_occurrences (claim, start, end) VALUES (?1, ?2, ?3)",
    )?;
    for s in spans {
        stmt.execute(params![claim, s.start as i64, s.end as i64])?;
    }
    Ok(())
}
