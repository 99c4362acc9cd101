//! What the rows of an answer are, and which fields and relations each
//! kind of row has: the table the planner checks a query against.

use crate::query::ast::RelationKind;

/// Every field name of the language (for suggestions and the statement
/// splitter).
pub const FIELD_NAMES: &[&str] = &[
    "id",
    "kind",
    "measure",
    "value",
    "bound",
    "polarity",
    "date",
    "quote",
    "subject",
    "category",
    "side",
    "scope",
    "reason",
    "independent",
    "name",
    "mentions",
    "claims",
    "outlet",
    "title",
    "depth",
    "node",
];

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

    /// The fields these rows can be filtered and sorted on.
    pub fn keys(self) -> &'static [Key] {
        use Key::*;
        match self {
            Rows::Findings => &[Id, Kind, Measure, Value, Date, Reason, Independent],
            Rows::Claims => &[
                Id, Kind, Measure, Value, Bound, Polarity, Date, Quote, Subject, Category, Side,
                Scope,
            ],
            Rows::Entities => &[Id, Name, Kind, Mentions, Claims],
            Rows::Events => &[Id, Kind, Date],
            Rows::Documents => &[Id, Date, Outlet, Title],
            Rows::EventPairs => &[Kind, Date],
            Rows::Nodes => &[Depth, Node, Name],
            Rows::EntityDetail | Rows::Provenance | Rows::PathSteps | Rows::Stats => &[],
        }
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

/// A field of a row, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Id,
    /// The row's own kind: finding, claim, entity, event or node kind.
    Kind,
    Measure,
    /// The stated figure (a claim's, or either claim's for a finding).
    Value,
    Bound,
    Polarity,
    /// The date a claim refers to, an event's time, a document's publication.
    Date,
    Quote,
    Subject,
    /// What a figure counts: soldiers, civilians, people ...
    Category,
    /// The side or affiliation of those counted.
    Side,
    /// Where or over what the count runs (a place, `both`, `total`).
    Scope,
    Reason,
    Independent,
    Name,
    /// Number of mentions of an entity.
    Mentions,
    /// Number of claims an entity takes part in.
    Claims,
    Outlet,
    Title,
    /// Distance from the start node.
    Depth,
    /// The type of a node (entity, claim, event, document, finding).
    Node,
}

impl Key {
    pub fn as_str(self) -> &'static str {
        match self {
            Key::Id => "id",
            Key::Kind => "kind",
            Key::Measure => "measure",
            Key::Value => "value",
            Key::Bound => "bound",
            Key::Polarity => "polarity",
            Key::Date => "date",
            Key::Quote => "quote",
            Key::Subject => "subject",
            Key::Category => "category",
            Key::Side => "side",
            Key::Scope => "scope",
            Key::Reason => "reason",
            Key::Independent => "independent",
            Key::Name => "name",
            Key::Mentions => "mentions",
            Key::Claims => "claims",
            Key::Outlet => "outlet",
            Key::Title => "title",
            Key::Depth => "depth",
            Key::Node => "node",
        }
    }

    pub fn is_number(self) -> bool {
        matches!(
            self,
            Key::Id | Key::Value | Key::Mentions | Key::Claims | Key::Depth
        )
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Key::Quote
                | Key::Subject
                | Key::Category
                | Key::Side
                | Key::Scope
                | Key::Reason
                | Key::Name
                | Key::Outlet
                | Key::Title
        )
    }
}
