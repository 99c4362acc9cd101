//! What the analysis remembers of documents, entities and events besides the
//! claims themselves: publication dates for "later", entity kinds for
//! "comparable claimant", names and event records for the reasons.

use super::compare::Sources;
use super::ids::IdMap;
use crate::model::{DocumentRecord, EntityKind, EntityRecord, EventRecord};
use chrono::NaiveDate;

/// Documents, entities and events known to the analysis, by store id.
#[derive(Debug, Default)]
pub struct Ledger {
    published: IdMap<i64, Option<NaiveDate>>,
    entities: IdMap<i64, (String, EntityKind)>,
    events: IdMap<i64, EventRecord>,
    /// The country a figure's sentence places it in when the figure says
    /// no scope of its own (see [`super::Analyzer`]).
    implicit_scopes: IdMap<i64, &'static str>,
    /// Country name → its entity.
    countries: std::collections::HashMap<String, i64>,
}

impl Ledger {
    pub fn add_documents(&mut self, docs: &[DocumentRecord]) {
        self.published.reserve(docs.len());
        for d in docs {
            self.published.insert(d.id, d.meta.published);
        }
    }

    pub fn add_entities(&mut self, entities: &[EntityRecord]) {
        for e in entities {
            self.entities.insert(e.id, (e.name.clone(), e.kind));
            if e.kind == EntityKind::Country {
                self.countries.entry(e.name.clone()).or_insert(e.id);
            }
        }
    }

    /// Make room for `n` more events.
    pub fn reserve_events(&mut self, n: usize) {
        self.events.reserve(n);
    }

    pub fn add_event(&mut self, event: &EventRecord) {
        self.events.insert(event.id, event.clone());
    }

    pub fn name(&self, entity: i64) -> Option<&str> {
        self.entities.get(&entity).map(|(n, _)| n.as_str())
    }

    pub fn event(&self, id: i64) -> Option<&EventRecord> {
        self.events.get(&id)
    }

    /// The entity of a country, by its canonical name.
    pub fn country_id(&self, name: &str) -> Option<i64> {
        self.countries.get(name).copied()
    }

    pub fn set_implicit_scope(&mut self, claim: i64, country: &'static str) {
        self.implicit_scopes.insert(claim, country);
    }

    /// The country the sentence of a figure without a scope names before
    /// it: "Le séisme qui a secoué le sud-est de la Turquie a fait 2.379
    /// morts" (Turquie).
    pub fn implicit_scope(&self, claim: i64) -> Option<&'static str> {
        self.implicit_scopes.get(&claim).copied()
    }
}

impl Sources for Ledger {
    fn published(&self, document: i64) -> Option<NaiveDate> {
        self.published.get(&document).copied().flatten()
    }
    fn kind(&self, entity: i64) -> Option<EntityKind> {
        self.entities.get(&entity).map(|(_, k)| *k)
    }
    fn name(&self, entity: i64) -> Option<&str> {
        Ledger::name(self, entity)
    }
}
