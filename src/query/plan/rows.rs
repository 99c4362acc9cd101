//! What the rows of an answer are, and which fields and relations each
//! kind of row has: the table the planner checks a query against.

use crate::query::ast::RelationKind;

/// What the rows of an answer are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rows {
    /// Contradictions, agreements, updates.
    Findings,
    Claims,
    Entities,
    Events,
    Documents,
    /// One entity with aliases, merge reasons, mentions and claims.
    EntityDetail,
    /// One claim (or finding) traced to its bytes.
    Provenance,
    /// Events covered by both outlets of a `compare`, side by side.
    EventPairs,
    /// Nodes around a node, with their distance.
    Nodes,
    /// The steps of a shortest path.
    PathSteps,
    Stats,
}

impl Rows {
    pub fn as_str(self) -> &'static str {
        match self {
            Rows::Findings => "findings",
            Rows::Claims => "claims",
            Rows::Entities => "entities",
            Rows::Events => "events",
            Rows::Documents => "documents",
            Rows::EntityDetail => "entity detail",
            Rows::Provenance => "provenance",
            Rows::EventPairs => "event pairs",
            Rows::Nodes => "nodes",
            Rows::PathSteps => "path steps",
            Rows::Stats => "statistics",
        }
    }

    /// The fields of these rows, in column order, from the row schema
    /// ([`crate::engine::schema`]): each can be filtered, sorted and shown.
    pub fn fields(self) -> Vec<FieldInfo> {
        crate::engine::schema::fields(self)
    }

    /// The fields these rows can be filtered, sorted and shown by.
    pub fn keys(self) -> Vec<Key> {
        self.fields().iter().map(|f| f.key).collect()
    }

    /// The relations (`by`, `in` ...) these rows can be narrowed with.
    pub fn relations(self) -> &'static [RelationKind] {
        use RelationKind::*;
        match self {
            Rows::Findings | Rows::Claims => &[By, About, In, Via, Involving],
            Rows::Entities => &[In],
            Rows::Events => &[Involving, At, In],
            Rows::Documents => &[In, Involving],
            Rows::EventPairs => &[Involving, At],
            _ => &[],
        }
    }

    /// Whether the answer is a list (so `where`, `order by`, `limit` and
    /// `count` apply).
    pub fn is_list(self) -> bool {
        !matches!(
            self,
            Rows::EntityDetail | Rows::Provenance | Rows::PathSteps | Rows::Stats
        )
    }
}

/// What a field holds, which decides the tests it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Type {
    /// A whole number: `=`, `<`, `between` ...
    Int,
    /// A stated figure, an interval: a test holds when some number it
    /// allows passes.
    Figure,
    /// A text: `=` (ignoring case and accents) and `contains`.
    Text,
    /// Several texts (aliases, participants): a test holds when one passes.
    Texts,
    /// A date range: `=` within it, `<` before it ...
    Date,
    /// `true` or `false`.
    Flag,
    /// A word of a closed list: `=`, `!=`, `in (...)`.
    Word(Words),
    /// A byte range of a document: shown, not tested.
    Span,
}

impl Type {
    /// What a value of this type is, in words, for help and messages.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Int => "a whole number",
            Type::Figure => "a figure (an interval, with its bound)",
            Type::Text => "a text",
            Type::Texts => "a list of texts",
            Type::Date => "a date",
            Type::Flag => "true or false",
            Type::Word(w) => w.describe(),
            Type::Span => "a byte range",
        }
    }
}

/// The closed lists of words a field may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Words {
    Measure,
    Bound,
    Polarity,
    ClaimKind,
    EntityKind,
    EventKind,
    FindingKind,
    NodeKind,
}

impl Words {
    pub fn describe(self) -> &'static str {
        match self {
            Words::Measure => "a measure",
            Words::Bound => "a bound",
            Words::Polarity => "a polarity",
            Words::ClaimKind => "a claim kind",
            Words::EntityKind => "an entity kind",
            Words::EventKind => "an event kind",
            Words::FindingKind => "a finding kind",
            Words::NodeKind => "a node type",
        }
    }

    /// Every word of the list.
    pub fn words(self) -> Vec<&'static str> {
        use super::typing::EnumWords;
        use crate::model::*;
        match self {
            Words::Measure => Measure::words(),
            Words::Bound => Bound::words(),
            Words::Polarity => Polarity::words(),
            Words::ClaimKind => ClaimKind::words(),
            Words::EntityKind => EntityKind::words(),
            Words::EventKind => EventKind::words(),
            Words::FindingKind => FindingKind::words(),
            Words::NodeKind => crate::query::ast::NodeKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect(),
        }
    }
}

/// A field as the planner, the help and the renderers see it: its name,
/// type, whether it is a default column, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    pub key: Key,
    pub ty: Type,
    /// Shown when the statement has no `show`.
    pub column: bool,
    pub doc: &'static str,
}

macro_rules! keys {
    ($($(#[$m:meta])* $variant:ident = $text:literal),+ $(,)?) => {
        /// A field of a row.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($(#[$m])* $variant),+ }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $(Key::$variant => $text),+ }
            }
        }

        /// Every field name of the language (for suggestions and the
        /// statement splitter).
        pub const FIELD_NAMES: &[&str] = &[$($text),+];
    };
}

keys!(
    Id = "id",
    /// The row's own kind: finding, claim, entity or event kind.
    Kind = "kind",
    Measure = "measure",
    /// The stated figure (a claim's, or both claims' for a finding).
    Value = "value",
    Bound = "bound",
    Polarity = "polarity",
    /// The date a claim refers to, an event's time, a document's publication.
    Date = "date",
    Quote = "quote",
    Subject = "subject",
    /// What a figure counts: soldiers, civilians, people ...
    Category = "category",
    /// The side or affiliation of those counted.
    Side = "side",
    /// Where or over what the count runs (a place, `both`, `total`).
    Scope = "scope",
    /// Category, side and scope together.
    Counted = "counted",
    Claimant = "claimant",
    Via = "via",
    Reason = "reason",
    Independent = "independent",
    ClaimA = "claim_a",
    SourceA = "source_a",
    QuoteA = "quote_a",
    ClaimB = "claim_b",
    SourceB = "source_b",
    QuoteB = "quote_b",
    Name = "name",
    Aliases = "aliases",
    /// Number of mentions of an entity.
    Mentions = "mentions",
    /// Number of claims an entity takes part in.
    Claims = "claims",
    Outlet = "outlet",
    Title = "title",
    Published = "published",
    Source = "source",
    Bytes = "bytes",
    Place = "place",
    Participants = "participants",
    Document = "document",
    Event = "event",
    Span = "span",
    Left = "left",
    Right = "right",
    /// Distance from the start node.
    Depth = "depth",
    /// The type of a node (entity, claim, event, document, finding).
    Node = "node",
);
