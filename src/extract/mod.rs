//! French extraction: from one document's text to entities, mentions, events
//! and attributed claims, each with the byte span that supports it.
//!
//! Extraction is a pure function of (text, metadata, set-aside regions,
//! lexicon): no global state, no I/O, so that documents can be processed in
//! any order or in parallel. Indices in an [`Extraction`] are local to the
//! document; the store maps them onto corpus-wide ids (see [`alias`]).

use crate::error::{Error, Result};
use crate::model::{
    Alias, Bound, ClaimKind, DateRange, DocMeta, EntityKind, EventKind, Measure, Polarity,
    Quantity, Role, Span,
};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub mod alias;
mod analysis;
mod attribution;
mod claims;
mod counted;
mod dates;
mod earlier;
mod entities;
mod events;
pub mod fold;
pub mod lexicon;
mod matcher;
mod numbers;
mod render;
mod repeats;
mod text;

use fold::fold;
use lexicon::Lexicon;
use matcher::PhraseSet;

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
    /// What the figure counts, normalised.
    #[serde(default)]
    pub counted: crate::model::Counted,
    pub event: Option<usize>,
    pub date: Option<DateRange>,
    pub topic: Option<String>,
    /// For a denial: the claim of this document it denies.
    pub denies: Option<usize>,
    /// Other places this document states the same claim (a headline, a
    /// caption, the lead), by position.
    #[serde(default)]
    pub occurrences: Vec<Span>,
}

/// What a lexicon phrase may mean where it occurs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cue {
    Bound(Bound),
    MeasureNoun(Measure),
    MeasureVerb(Measure),
    Counted,
    Troop,
    Unit,
    Speech,
    Source,
    Accuse,
    /// A verb of denial: its subject is the one who denies.
    DenyVerb,
    /// A phrase of denial ("ne correspondent pas à la réalité").
    Deny,
    Event(EventKind),
    Month(u32),
    Weekday(u32),
    RelDay(i64),
    Title,
    Place {
        part_of_name: bool,
        list: bool,
        weak: bool,
    },
    Institution(usize),
    Ministry(usize),
    /// "le quotidien", "l'agence": an outlet's name follows.
    OutletNoun,
    /// "le gang", "la milice": an organization's name follows.
    OrgNoun,
    /// "Défense civile", "Parti": a body's name starts.
    OrgHead,
    /// "hôpital", "rond-point", "bataillon": a named facility or unit of
    /// this kind follows.
    Facility(crate::model::EntityKind),
}

/// The French extraction pipeline with its lexicon, ready to run on any
/// number of documents (it holds no per-document state).
pub struct Extractor {
    lex: Lexicon,
    gaz: PhraseSet<usize>,
    cues: PhraseSet<Cue>,
    numbers: numbers::NumberWords,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("entities", &self.lex.entities.len())
            .finish()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Extractor {
    /// The extractor with the built-in lexicons of `data/lexicon/`.
    pub fn builtin() -> Self {
        Self::from_lexicon(Lexicon::builtin())
    }

    /// The built-in lexicon extended with the user's file (same format as
    /// `data/lexicon/*.lex`). Errors name the file and line.
    pub fn with_lexicon_file(path: &Path) -> Result<Extractor> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut lex = Lexicon::builtin();
        lex.add_text(&text, &path.display().to_string())?;
        Ok(Self::from_lexicon(lex))
    }

    /// An extractor over any lexicon.
    pub fn from_lexicon(lex: Lexicon) -> Self {
        let gaz = PhraseSet::new(lex.entities.iter().enumerate().flat_map(|(i, e)| {
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .map(move |n| (n, i))
        }));
        let mut cues: Vec<(String, Cue)> = Vec::new();
        cues.extend(lex.bounds.iter().map(|(w, b)| (w.clone(), Cue::Bound(*b))));
        cues.extend(
            lex.measure_nouns
                .iter()
                .map(|(w, m)| (w.clone(), Cue::MeasureNoun(*m))),
        );
        cues.extend(
            lex.measure_verbs
                .iter()
                .map(|(w, m)| (w.clone(), Cue::MeasureVerb(*m))),
        );
        cues.extend(lex.counted_nouns.iter().map(|w| (w.clone(), Cue::Counted)));
        cues.extend(lex.troop_cues.iter().map(|w| (w.clone(), Cue::Troop)));
        cues.extend(lex.units.iter().map(|w| (w.clone(), Cue::Unit)));
        cues.extend(lex.speech_verbs.iter().map(|w| (w.clone(), Cue::Speech)));
        cues.extend(lex.source_markers.iter().map(|w| (w.clone(), Cue::Source)));
        cues.extend(
            lex.accusation_verbs
                .iter()
                .map(|w| (w.clone(), Cue::Accuse)),
        );
        cues.extend(lex.denials.iter().map(|w| {
            let phrase = fold(w).starts_with("ne ")
                || fold(w).starts_with("n'")
                || !fold(w).split(' ').any(is_deny_verb);
            (w.clone(), if phrase { Cue::Deny } else { Cue::DenyVerb })
        }));
        cues.extend(
            lex.event_triggers
                .iter()
                .map(|(w, k)| (w.clone(), Cue::Event(*k))),
        );
        cues.extend(lex.months.iter().map(|(w, m)| (w.clone(), Cue::Month(*m))));
        cues.extend(
            lex.weekdays
                .iter()
                .map(|(w, d)| (w.clone(), Cue::Weekday(*d))),
        );
        cues.extend(
            lex.relative_days
                .iter()
                .map(|(w, d)| (w.clone(), Cue::RelDay(*d))),
        );
        cues.extend(lex.titles.iter().map(|w| (w.clone(), Cue::Title)));
        cues.extend(lex.place_cues.iter().map(|p| {
            (
                p.phrase.clone(),
                Cue::Place {
                    part_of_name: p.part_of_name,
                    list: p.list,
                    weak: p.weak,
                },
            )
        }));
        cues.extend(
            lex.institutions
                .iter()
                .enumerate()
                .map(|(i, x)| (x.head.clone(), Cue::Institution(i))),
        );
        cues.extend(
            lex.ministries
                .iter()
                .enumerate()
                .flat_map(|(i, v)| v.iter().map(move |w| (w.clone(), Cue::Ministry(i)))),
        );
        cues.extend(
            lex.outlet_nouns
                .iter()
                .map(|w| (w.clone(), Cue::OutletNoun)),
        );
        cues.extend(lex.org_heads.iter().map(|w| (w.clone(), Cue::OrgHead)));
        cues.extend(lex.org_nouns.iter().map(|w| (w.clone(), Cue::OrgNoun)));
        cues.extend(
            lex.facilities
                .iter()
                .map(|(w, k)| (w.clone(), Cue::Facility(*k))),
        );
        let numbers = numbers::NumberWords::new(&lex);
        Extractor {
            gaz,
            cues: PhraseSet::new(cues),
            numbers,
            lex,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// An entity index that knows this lexicon's alias table and
    /// transliteration rules.
    pub fn entity_index(&self) -> alias::EntityIndex {
        alias::EntityIndex::with_lexicon(&self.lex)
    }

    /// Extract from `text`, skipping the `set_aside` regions (site furniture,
    /// repeated paragraphs) found by cleaning.
    pub fn extract(&self, text: &str, meta: &DocMeta, set_aside: &[Span]) -> Extraction {
        let a = analysis::Analysis::new(self, text, meta, set_aside);
        let mut reg = entities::Registry::default();
        entities::extract(&a, &self.gaz, &mut reg);
        let outlet = meta
            .outlet
            .as_deref()
            .filter(|o| !o.trim().is_empty())
            .and_then(|_| reg.list.iter().position(|e| e.kind == EntityKind::Outlet));
        let outlet = outlet.and_then(|_| {
            let o = fold(meta.outlet.as_deref().unwrap_or(""));
            reg.list.iter().position(|e| {
                e.kind == EntityKind::Outlet
                    && (fold(&e.name) == o || e.aliases.iter().any(|x| fold(&x.name) == o))
            })
        });
        // "BAMAKO, 14 mai 2024 —": where and when the article was written
        let dateline = crate::corpus::meta::dateline(text).map(|r| Span::new(r.start, r.end));
        let dates = dates::dates(&a, dateline);
        let figures = numbers::figures(&a, &self.numbers);
        attribution::speaker_roles(&a, &mut reg);
        let speakers = attribution::Speakers::new(&a, &reg, outlet);
        let cx = claims::Context {
            reg: &reg,
            speakers: &speakers,
            dates: &dates,
        };
        let mut claims = Vec::new();
        claims::numeric(&a, &cx, &figures, &mut claims);
        let denied = claims::polar(&a, &cx, &mut claims);
        claims::drop_denied_figures(&mut claims, &denied, speakers.outlet);
        claims.sort_by_key(|c| c.span.start);
        attribution::carry_figures(text, &mut claims, speakers.outlet);
        repeats::merge(&mut claims, outlet);
        claims::link_denials(&mut claims);
        let (events, per_sentence) = events::events(&a, &reg, &dates, dateline);
        for c in &mut claims {
            let si = a.sents.partition_point(|s| s.end <= c.sentence.start);
            c.event = per_sentence.get(si).copied().flatten();
        }
        Extraction {
            entities: reg.list,
            mentions: reg.mentions,
            events,
            claims,
        }
    }
}

fn is_deny_verb(w: &str) -> bool {
    [
        "nie",
        "nient",
        "nie",
        "niant",
        "dement",
        "dementent",
        "dementi",
        "dementant",
        "dementir",
        "nier",
        "rejette",
        "rejete",
        "rejettent",
        "rejetant",
        "refute",
        "refutent",
        "refutant",
        "conteste",
        "contestent",
        "qualifie",
        // first person and passive: "je démens", "est fermement démentie"
        "demens",
        "dementons",
        "nions",
        "nies",
        "dementie",
        "dementies",
        "dementis",
        "refutons",
        "rejetons",
    ]
    .contains(&w)
}
