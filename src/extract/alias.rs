//! Corpus-wide entity resolution: one entity for one real-world thing across
//! spellings, transliterations and languages, each merge with its reason.
//!
//! The store loads the entities it holds into an [`EntityIndex`], asks it to
//! resolve each document-local entity, and records new aliases with the reason
//! the index gives.

use crate::model::EntityKind;

/// What the index knows of the corpus' entities, keyed by the store's ids.
#[derive(Debug, Default)]
pub struct EntityIndex {
    entries: Vec<(i64, String, EntityKind)>,
}

impl EntityIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Record a known spelling of entity `id`.
    pub fn add(&mut self, id: i64, name: &str, kind: EntityKind) {
        self.entries.push((id, name.to_string(), kind));
    }

    /// The entity `name` of `kind` refers to, with the reason for the match,
    /// or `None` when it is a new entity. Placeholder: exact match only.
    pub fn resolve(&self, name: &str, kind: EntityKind) -> Option<(i64, String)> {
        self.entries
            .iter()
            .find(|(_, n, k)| *k == kind && n == name)
            .map(|(id, _, _)| (*id, "same spelling".to_string()))
    }
}
