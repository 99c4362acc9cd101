//! French extraction: from one document's text to entities, mentions, events
//! and attributed claims, each with the byte span that supports it.
//!
//! Extraction is a pure function of (text, metadata, set-aside regions,
//! lexicon): no global state, no I/O, so that documents can be processed in
//! any order or in parallel. Indices in an [`Extraction`] are local to the
//! document; the store maps them onto corpus-wide ids (see [`alias`]).

use crate::model::{
    Alias, ClaimKind, DateRange, DocMeta, EntityKind, EventKind, Measure, Polarity, Quantity, Role,
    Span,
};
use serde::{Deserialize, Serialize};

pub mod alias;

/// Everything extracted from one document. All `usize` references index
/// `entities`, `events` or `claims` of this same value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    pub events: Vec<LocalEvent>,
    pub claims: Vec<LocalClaim>,
}

/// An entity as one document names it, with the spellings it uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings used in this document, each with why it was merged.
    pub aliases: Vec<Alias>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: usize,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalEvent {
    pub kind: EventKind,
    pub span: Span,
    pub time: Option<DateRange>,
    pub place: Option<usize>,
    pub participants: Vec<(usize, Role)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalClaim {
    pub kind: ClaimKind,
    pub polarity: Polarity,
    pub span: Span,
    pub sentence: Span,
    /// The speaker; `None` only when the outlet itself is unknown.
    pub claimant: Option<usize>,
    /// Agencies or media cited in between.
    pub via: Vec<usize>,
    pub measure: Option<Measure>,
    pub quantity: Option<Quantity>,
    pub subject: Option<String>,
    pub subject_entity: Option<usize>,
    pub event: Option<usize>,
    pub date: Option<DateRange>,
    pub topic: Option<String>,
    /// For a denial: the claim of this document it denies.
    pub denies: Option<usize>,
}

/// Placeholder until the French pipeline lands: extracts nothing.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// The extractor with the built-in lexicons of `data/lexicon/`.
    pub fn builtin() -> Self {
        Extractor {}
    }

    /// Extract from `text`, skipping the `set_aside` regions (site furniture,
    /// repeated paragraphs) found by cleaning.
    pub fn extract(&self, _text: &str, _meta: &DocMeta, _set_aside: &[Span]) -> Extraction {
        Extraction::default()
    }
}
