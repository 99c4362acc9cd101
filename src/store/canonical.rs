//! The store's records in a canonical order, so that the comparison does not
//! depend on the order documents were ingested in.
//!
//! Row ids follow ingest order: the same files ingested in another order, in
//! other batches or by two processes at once get other ids. The comparison
//! sorts by id and names an incident or an event cluster by its smallest id,
//! and among figures reported the same day it takes the smaller id as the
//! earlier report; so it must not see row ids. [`Snapshot::canonical`] gives
//! every record a new id from what it is — documents by publication date
//! (so that, as far as the dates tell, earlier reports come first), then by
//! the SHA-256 of their text; events and claims by their document and byte
//! span; entities by kind and spelling — and [`Back`] maps what the
//! comparison returns to row ids. Nothing of it depends on where a document
//! came from (its source), which for a text ingested twice under two names
//! is whichever came first.

use super::Store;
use crate::error::Result;
use crate::model::{
    ClaimRecord, DocumentRecord, EntityRecord, EventRecord, FindingRecord, MentionRecord,
};
use std::collections::HashMap;

/// Everything the comparison reads: every document (without text), entity,
/// event and claim, and the places and countries each document names
/// (datelines left out).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub documents: Vec<DocumentRecord>,
    pub entities: Vec<EntityRecord>,
    pub events: Vec<EventRecord>,
    pub claims: Vec<ClaimRecord>,
    pub places: Vec<MentionRecord>,
}

impl Store {
    /// The whole store as the comparison reads it.
    pub fn snapshot(&self) -> Result<Snapshot> {
        Ok(Snapshot {
            documents: self.documents()?,
            entities: self.entities()?,
            events: self.events()?,
            claims: self.claims()?,
            places: self.places_in(super::window::Scope::All)?,
        })
    }
}

/// Canonical ids back to row ids.
#[derive(Debug, Clone, Default)]
pub struct Back {
    documents: Vec<i64>,
    claims: Vec<i64>,
}

impl Back {
    /// The row id of canonical document `id`.
    pub fn document(&self, id: i64) -> Option<i64> {
        index(id).and_then(|i| self.documents.get(i).copied())
    }

    /// The row id of canonical claim `id`.
    pub fn claim(&self, id: i64) -> Option<i64> {
        index(id).and_then(|i| self.claims.get(i).copied())
    }

    /// A finding over canonical claims, over row ids (`None` if a claim is
    /// unknown, which a comparison of this snapshot never returns).
    pub fn finding(&self, f: &FindingRecord) -> Option<FindingRecord> {
        Some(FindingRecord {
            a: self.claim(f.a)?,
            b: self.claim(f.b)?,
            ..f.clone()
        })
    }

    /// An incident row `(document, incident, reason)` over row ids.
    pub fn incident(
        &self,
        (document, incident, reason): &(i64, i64, Option<String>),
    ) -> Option<(i64, i64, Option<String>)> {
        Some((
            self.document(*document)?,
            self.document(*incident)?,
            reason.clone(),
        ))
    }
}

/// Canonical ids start at 1, as row ids do.
fn index(id: i64) -> Option<usize> {
    usize::try_from(id).ok()?.checked_sub(1)
}

/// Row id → canonical id, for records sorted by `key` (ties keep row order).
fn renumber<T, K: Ord>(items: &[T], id: impl Fn(&T) -> i64, key: impl Fn(&T) -> K) -> Vec<i64> {
    let mut order: Vec<(K, i64)> = items.iter().map(|t| (key(t), id(t))).collect();
    order.sort();
    order.into_iter().map(|(_, id)| id).collect()
}

fn map_of(rows: &[i64]) -> HashMap<i64, i64> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| (*row, i as i64 + 1))
        .collect()
}

impl Snapshot {
    /// The same records with canonical ids, each list in canonical id
    /// order, and the way back to row ids.
    pub fn canonical(self) -> (Snapshot, Back) {
        let doc_rows = renumber(
            &self.documents,
            |d| d.id,
            |d| (d.meta.published, d.hash.clone()),
        );
        let docs = map_of(&doc_rows);
        let doc = |id: i64| docs.get(&id).copied().unwrap_or(0);

        // An entity's first spelling depends on which article came first;
        // the smallest of all its spellings does not.
        let entity_rows = renumber(
            &self.entities,
            |e| e.id,
            |e| {
                let smallest = std::iter::once(&e.name)
                    .chain(e.aliases.iter().map(|a| &a.name))
                    .min()
                    .cloned()
                    .unwrap_or_default();
                (e.kind.as_str(), smallest, e.name.clone())
            },
        );
        let entities = map_of(&entity_rows);
        let entity = |id: i64| entities.get(&id).copied().unwrap_or(0);

        let event_rows = renumber(
            &self.events,
            |e| e.id,
            |e| (doc(e.document), e.span.start, e.span.end, e.kind.as_str()),
        );
        let events = map_of(&event_rows);
        let event = |id: i64| events.get(&id).copied().unwrap_or(0);

        let claim_rows = renumber(
            &self.claims,
            |c| c.id,
            |c| {
                (
                    doc(c.document),
                    c.span.start,
                    c.span.end,
                    c.kind.as_str(),
                    c.polarity.as_str(),
                    c.measure.map(|m| m.as_str()),
                    c.quote.clone(),
                )
            },
        );
        let claims = map_of(&claim_rows);
        let claim = |id: i64| claims.get(&id).copied().unwrap_or(0);

        let mut documents: Vec<DocumentRecord> = self
            .documents
            .into_iter()
            .map(|d| DocumentRecord { id: doc(d.id), ..d })
            .collect();
        documents.sort_by_key(|d| d.id);

        let mut entity_list: Vec<EntityRecord> = self
            .entities
            .into_iter()
            .map(|mut e| {
                e.id = entity(e.id);
                e.aliases.sort_by(|a, b| a.name.cmp(&b.name));
                e
            })
            .collect();
        entity_list.sort_by_key(|e| e.id);

        let mut event_list: Vec<EventRecord> = self
            .events
            .into_iter()
            .map(|mut e| {
                e.id = event(e.id);
                e.document = doc(e.document);
                e.place = e.place.map(entity);
                for p in &mut e.participants {
                    p.entity = entity(p.entity);
                }
                e.participants.sort_by_key(|p| (p.entity, p.role.as_str()));
                e
            })
            .collect();
        event_list.sort_by_key(|e| e.id);

        let mut claim_list: Vec<ClaimRecord> = self
            .claims
            .into_iter()
            .map(|mut c| {
                c.id = claim(c.id);
                c.document = doc(c.document);
                c.claimant = c.claimant.map(entity);
                c.outlet = c.outlet.map(entity);
                for v in &mut c.via {
                    *v = entity(*v);
                }
                c.subject_entity = c.subject_entity.map(entity);
                c.event = c.event.map(event);
                c.denies = c.denies.map(claim);
                c
            })
            .collect();
        claim_list.sort_by_key(|c| c.id);

        let mut places: Vec<MentionRecord> = self
            .places
            .into_iter()
            .map(|m| MentionRecord {
                entity: entity(m.entity),
                document: doc(m.document),
                span: m.span,
            })
            .collect();
        places.sort_by_key(|m| (m.document, m.span.start, m.span.end, m.entity));

        (
            Snapshot {
                documents,
                entities: entity_list,
                events: event_list,
                claims: claim_list,
                places,
            },
            Back {
                documents: doc_rows,
                claims: claim_rows,
            },
        )
    }
}
