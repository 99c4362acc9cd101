//! The domain vocabulary shared by every stage: spans, entity kinds, measures,
//! bounds, intervals, claims and findings.
//!
//! These types are plain data (serde) so that the extractor, the store, the
//! graph, the query engine and the exporters agree on one meaning of "a claim"
//! without depending on each other. Byte offsets always index the *original*
//! text of a document, never a cleaned copy, so every answer leads back to the
//! exact bytes of the article.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `[start, end)` into a document's original text.
/// Both ends always lie on UTF-8 character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "unknown {} {:?} (expected one of: {})",
                        stringify!($name).to_lowercase(),
                        s,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

string_enum!(
    /// What kind of real-world thing an entity is.
    EntityKind {
        Person = "person",
        Country = "country",
        Place = "place",
        Organization = "organization",
        Outlet = "outlet",
        Weapon = "weapon",
    }
);

string_enum!(
    /// What a numeric claim counts.
    Measure {
        Killed = "killed",
        Wounded = "wounded",
        Missing = "missing",
        Captured = "captured",
        Displaced = "displaced",
        Troops = "troops",
        Strikes = "strikes",
        Other = "other",
    }
);

string_enum!(
    /// How a stated figure bounds the true value ("au moins 3" is `AtLeast`).
    Bound {
        Exact = "exact",
        AtLeast = "at_least",
        AtMost = "at_most",
        Approx = "approx",
    }
);

string_enum!(
    /// Whether a claim asserts or denies its proposition.
    Polarity {
        Affirm = "affirm",
        Deny = "deny",
    }
);

string_enum!(
    /// What shape of statement a claim is.
    ClaimKind {
        /// A figure: "3 soldats tués".
        Numeric = "numeric",
        /// "X accuse Y de ...".
        Accusation = "accusation",
        /// "X nie ...", "... ne correspondent pas à la réalité".
        Denial = "denial",
        /// Any other attributed statement ("X affirme que ...").
        Statement = "statement",
    }
);

string_enum!(
    /// The kind of real-world event claims are about.
    EventKind {
        Strike = "strike",
        Killing = "killing",
        CeasefireViolation = "ceasefire_violation",
        CeasefireAgreement = "ceasefire_agreement",
        Withdrawal = "withdrawal",
        Deployment = "deployment",
        Offensive = "offensive",
        Explosion = "explosion",
        Shelling = "shelling",
        Displacement = "displacement",
        War = "war",
        Other = "other",
    }
);

string_enum!(
    /// How precisely a date is known.
    Precision {
        Day = "day",
        Week = "week",
        Month = "month",
        Year = "year",
    }
);

string_enum!(
    /// What a comparison of two claims found.
    FindingKind {
        Contradiction = "contradiction",
        Agreement = "agreement",
        Update = "update",
    }
);

/// A numeric value as an interval of what it allows; `hi = None` is unbounded.
///
/// Exact 2 is `[2, 2]`; "au moins 6 500" is `[6500, ∞)`; approximate figures
/// carry a band whose width is documented where it is built.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: Option<f64>,
}

/// Half-width of the band around an approximate figure, as a fraction.
pub const APPROX_TOLERANCE: f64 = 0.10;

impl Interval {
    /// The one interval rule for a stated figure, used by extraction, query
    /// filters and comparison alike: exact 2 is `[2, 2]`; "au moins 2" is
    /// `[2, ∞)`; "au plus 2" is `[0, 2]`; an approximate figure ("près de
    /// 5", "environ 290", "une centaine") is its value ± 10 %, widened to
    /// whole units and to at least ± 1 ("près de 5" is `[4, 6]`).
    pub fn stated(value: f64, bound: Bound) -> Self {
        match bound {
            Bound::Exact => Interval::exact(value),
            Bound::AtLeast => Interval::at_least(value),
            Bound::AtMost => Interval {
                lo: 0.0,
                hi: Some(value),
            },
            Bound::Approx => {
                let band = (value.abs() * APPROX_TOLERANCE).max(1.0);
                Interval {
                    lo: (value - band).floor().max(0.0),
                    hi: Some((value + band).ceil()),
                }
            }
        }
    }

    pub fn exact(v: f64) -> Self {
        Interval { lo: v, hi: Some(v) }
    }
    pub fn at_least(v: f64) -> Self {
        Interval { lo: v, hi: None }
    }
    pub fn intersects(&self, other: &Interval) -> bool {
        let lo = self.lo.max(other.lo);
        match (self.hi, other.hi) {
            (Some(a), Some(b)) => lo <= a.min(b),
            (Some(a), None) => lo <= a,
            (None, Some(b)) => lo <= b,
            (None, None) => true,
        }
    }
}

/// A figure as stated: the number written in the text, its bound word and the
/// interval it allows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    pub bound: Bound,
    pub interval: Interval,
}

/// A date as far as the text tells it: the first and last day it may mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// Metadata of one article. Every field may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// Why an alias was attached to an entity ("transliteration kh/gh", "acronym",
/// "alias table", "fuzzy 0.93 same kind").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    pub reason: String,
}

// ---------------------------------------------------------------------------
// Stored records: what the SQLite store holds and the graph is built from.
// Ids are the store's row ids.
// ---------------------------------------------------------------------------

/// One ingested article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: i64,
    /// Hex SHA-256 of the original text: the document's identity.
    pub hash: String,
    /// Where it came from (a path, `stdin`, `file.jsonl:12`, `sample:000_...txt`).
    pub source: String,
    pub meta: DocMeta,
    /// Byte length of the original text.
    pub len: usize,
}

/// One real-world thing, across all its spellings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<Alias>,
}

/// One place an entity is named in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub entity: i64,
    pub document: i64,
    pub span: Span,
}

/// A participant of an event and what part it plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub entity: i64,
    pub role: Role,
}

string_enum!(
    /// The part an entity plays in an event.
    Role {
        Agent = "agent",
        Target = "target",
        Mediator = "mediator",
        Other = "other",
    }
);

/// An event as one document describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: i64,
    pub document: i64,
    pub kind: EventKind,
    /// The words that name the event ("frappes de drone").
    pub span: Span,
    pub time: Option<DateRange>,
    pub place: Option<i64>,
    pub participants: Vec<Participant>,
}

/// Who is said to state something, whom the outlet relies on, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub id: i64,
    pub document: i64,
    pub kind: ClaimKind,
    pub polarity: Polarity,
    /// The evidence: exact bytes of the article that state the claim.
    pub span: Span,
    /// The sentence the claim sits in.
    pub sentence: Span,
    /// `span` as text (kept so that answers need not reload the document).
    pub quote: String,
    /// The speaker; the reporting outlet when the text names nobody.
    pub claimant: Option<i64>,
    /// The outlet that published the document.
    pub outlet: Option<i64>,
    /// Agencies or media cited in between ("selon l'AFP").
    pub via: Vec<i64>,
    pub measure: Option<Measure>,
    pub quantity: Option<Quantity>,
    /// Who or what is counted ("soldats du Haut-Karabakh").
    pub subject: Option<String>,
    pub subject_entity: Option<i64>,
    /// What the figure counts, normalised (category, side, scope).
    #[serde(default)]
    pub counted: Counted,
    /// The document-level event this claim is about.
    pub event: Option<i64>,
    /// The date the figure or statement refers to.
    pub date: Option<DateRange>,
    /// For an accusation or a denial: the proposition's key words
    /// ("bombardements", "cible civils"), used to pair them.
    pub topic: Option<String>,
    /// For a denial: the claim of the same document it denies, when known.
    pub denies: Option<i64>,
    /// Other places the document states the same claim (a headline, a
    /// caption, the lead), by position; `span` is the main one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<Span>,
}

/// What a figure counts, normalised so that comparison keeps unlike things
/// apart: one side's soldiers from the other's, one country's toll from its
/// neighbour's and from the total of both. Every field is `None` when the
/// text does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Counted {
    /// Who is counted: `soldiers`, `civilians`, `people`, `children`,
    /// `migrants`, `hostages`, `police`, `peacekeepers`, `militants`, ...
    pub category: Option<String>,
    /// The side or affiliation of those counted, as a canonical name
    /// ("Ukraine" for "soldats ukrainiens", the speaker's side for "de ses
    /// soldats", "du côté ukrainien").
    pub side: Option<String>,
    /// Where or over what the count runs when the text says: a place's
    /// canonical name ("Turquie"), `both` ("dans les deux pays") or `total`.
    pub scope: Option<String>,
}

impl Counted {
    /// Whether the text said nothing about what is counted.
    pub fn is_empty(&self) -> bool {
        self.category.is_none() && self.side.is_none() && self.scope.is_none()
    }
}

/// "soldiers · Ukraine · total": the parts the text gives, in that order.
impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<&str> = [&self.category, &self.side, &self.scope]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        f.write_str(&parts.join(" · "))
    }
}

/// A comparison result between two claims, with its reason in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRecord {
    pub id: i64,
    pub kind: FindingKind,
    /// For an update: the earlier claim.
    pub a: i64,
    /// For an update: the later claim.
    pub b: i64,
    pub reason: String,
    /// For an agreement: true when the two claims go back to different
    /// original claimants (independent confirmation), false when one voice
    /// is repeated.
    pub independent: Option<bool>,
}
