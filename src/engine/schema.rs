//! The row schema: for each kind of row, one table of fields — name, type,
//! whether it is a default column, what it means, and how to read it from
//! a record.
//!
//! This table is the only place a field is defined. The planner checks a
//! query's fields and values against it ([`fields`]), the evaluator tests
//! and sorts the typed values its getters return, and every output format
//! (table, lines, JSON, CSV) prints its columns from it. So whatever can be
//! filtered can be shown and sorted, and "the date of a finding" means the
//! same thing in `where`, in `order by` and in the output.

use super::answer::source;
use super::rows::{claim_date, day, EventPair, NodeAt, Row, Value, Word};
use super::Workspace;
use crate::model::{ClaimRecord, DocumentRecord, EntityRecord, EventRecord, FindingRecord};
use crate::query::ast::NodeKind;
use crate::query::plan::{FieldInfo, Key, Rows, Type, Words};

/// One field of rows of type `R`.
pub struct Field<R: 'static> {
    pub key: Key,
    pub ty: Type,
    /// A default column (shown without `show`).
    pub column: bool,
    pub doc: &'static str,
    pub get: fn(&R, &Workspace) -> Value,
}

impl<R> Field<R> {
    fn info(&self) -> FieldInfo {
        FieldInfo {
            key: self.key,
            ty: self.ty,
            column: self.column,
            doc: self.doc,
        }
    }
}

macro_rules! field {
    ($key:ident, $ty:expr, $column:expr, $doc:literal, $get:expr) => {
        Field {
            key: Key::$key,
            ty: $ty,
            column: $column,
            doc: $doc,
            get: $get,
        }
    };
}

const SHOWN: bool = true;
const EXTRA: bool = false;

fn opt_text(s: &Option<String>) -> Value {
    Value::opt(s.clone())
}

fn entity(ws: &Workspace, id: Option<i64>) -> Value {
    Value::opt(ws.entity_name(id))
}

fn names(ws: &Workspace, ids: impl IntoIterator<Item = i64>) -> Value {
    Value::List(
        ids.into_iter()
            .filter_map(|id| ws.entity_name(Some(id)))
            .map(Value::text)
            .collect(),
    )
}

/// A finding's two claims, a first.
fn both(ws: &Workspace, f: &FindingRecord, get: fn(&ClaimRecord, &Workspace) -> Value) -> Value {
    Value::list(
        [f.a, f.b]
            .into_iter()
            .map(|id| ws.claim(id).map_or(Value::Null, |c| get(c, ws)))
            .collect(),
    )
}

fn claim_of(ws: &Workspace, id: i64, get: fn(&ClaimRecord, &Workspace) -> Value) -> Value {
    ws.claim(id).map_or(Value::Null, |c| get(c, ws))
}

fn figure(c: &ClaimRecord, _: &Workspace) -> Value {
    c.quantity.map_or(Value::Null, Value::Figure)
}

fn date_of(c: &ClaimRecord, ws: &Workspace) -> Value {
    claim_date(c, ws).map_or(Value::Null, Value::Date)
}

fn measure(c: &ClaimRecord, _: &Workspace) -> Value {
    c.measure
        .map_or(Value::Null, |m| Value::Word(Word::Measure(m)))
}

fn source_of(c: &ClaimRecord, ws: &Workspace) -> Value {
    Value::text(source(ws, c))
}

fn quote_of(c: &ClaimRecord, _: &Workspace) -> Value {
    Value::text(&c.quote)
}

/// Findings: `contradictions`, `agreements`, `updates`, `findings`.
pub const FINDINGS: &[Field<FindingRecord>] = &[
    field!(Id, Type::Int, SHOWN, "the finding's id (`provenance finding N`)", |f, _| Value::Int(f.id)),
    field!(Kind, Type::Word(Words::FindingKind), SHOWN, "contradiction, agreement or update", |f, _| {
        Value::Word(Word::FindingKind(f.kind))
    }),
    field!(Measure, Type::Word(Words::Measure), SHOWN, "what the two figures count (none for a denial)", |f, ws| {
        [f.a, f.b]
            .into_iter()
            .map(|id| claim_of(ws, id, measure))
            .find(|v| *v != Value::Null)
            .unwrap_or(Value::Null)
    }),
    field!(Value, Type::Figure, SHOWN, "both claims' figures, a first; a test holds when either does; `order by value` sorts by the larger figure (its low end)", |f, ws| {
        both(ws, f, figure)
    }),
    field!(Date, Type::Date, SHOWN, "both claims' dates, a first; a test holds when either does; `order by date` sorts by the earlier", |f, ws| {
        both(ws, f, date_of)
    }),
    field!(Independent, Type::Flag, SHOWN, "for an agreement: whether the two claims come from different original sources", |f, _| {
        f.independent.map_or(Value::Null, Value::Bool)
    }),
    field!(Reason, Type::Text, SHOWN, "why the claims agree, contradict or update, in words", |f, _| Value::text(&f.reason)),
    field!(ClaimA, Type::Int, SHOWN, "the first claim's id (the earlier one of an update)", |f, _| Value::Int(f.a)),
    field!(SourceA, Type::Text, SHOWN, "who states claim a, where", |f, ws| claim_of(ws, f.a, source_of)),
    field!(QuoteA, Type::Text, SHOWN, "the words of claim a", |f, ws| claim_of(ws, f.a, quote_of)),
    field!(ClaimB, Type::Int, SHOWN, "the second claim's id (the later one of an update)", |f, _| Value::Int(f.b)),
    field!(SourceB, Type::Text, SHOWN, "who states claim b, where", |f, ws| claim_of(ws, f.b, source_of)),
    field!(QuoteB, Type::Text, SHOWN, "the words of claim b", |f, ws| claim_of(ws, f.b, quote_of)),
];

/// Claims: `claims`, `timeline`.
pub const CLAIMS: &[Field<ClaimRecord>] = &[
    field!(
        Id,
        Type::Int,
        SHOWN,
        "the claim's id (`provenance claim N`)",
        |c, _| Value::Int(c.id)
    ),
    field!(
        Kind,
        Type::Word(Words::ClaimKind),
        SHOWN,
        "numeric, accusation, denial or statement",
        |c, _| { Value::Word(Word::ClaimKind(c.kind)) }
    ),
    field!(
        Polarity,
        Type::Word(Words::Polarity),
        SHOWN,
        "affirm or deny",
        |c, _| { Value::Word(Word::Polarity(c.polarity)) }
    ),
    field!(
        Measure,
        Type::Word(Words::Measure),
        SHOWN,
        "what the figure counts",
        measure
    ),
    field!(
        Value,
        Type::Figure,
        SHOWN,
        "the figure: an interval with its bound (`au moins 4` is 4 or more)",
        figure
    ),
    field!(
        Bound,
        Type::Word(Words::Bound),
        EXTRA,
        "how the figure bounds the truth: exact, at_least, at_most, approx",
        |c, _| {
            c.quantity
                .map_or(Value::Null, |q| Value::Word(Word::Bound(q.bound)))
        }
    ),
    field!(
        Subject,
        Type::Text,
        SHOWN,
        "what is counted, as the text says it",
        |c, _| opt_text(&c.subject)
    ),
    field!(
        Counted,
        Type::Text,
        SHOWN,
        "category · side · scope",
        |c, _| {
            if c.counted.is_empty() {
                Value::Null
            } else {
                Value::text(c.counted.to_string())
            }
        }
    ),
    field!(
        Category,
        Type::Text,
        EXTRA,
        "who is counted: soldiers, civilians, people ...",
        |c, _| opt_text(&c.counted.category)
    ),
    field!(
        Side,
        Type::Text,
        EXTRA,
        "the side of those counted (a country)",
        |c, _| opt_text(&c.counted.side)
    ),
    field!(
        Scope,
        Type::Text,
        EXTRA,
        "where or over what the count runs (a place, both, total)",
        |c, _| opt_text(&c.counted.scope)
    ),
    field!(Claimant, Type::Text, SHOWN, "the speaker", |c, ws| entity(
        ws, c.claimant
    )),
    field!(
        Outlet,
        Type::Text,
        SHOWN,
        "the outlet that published it",
        |c, ws| entity(ws, c.outlet)
    ),
    field!(
        Via,
        Type::Texts,
        EXTRA,
        "agencies cited in between",
        |c, ws| names(ws, c.via.iter().copied())
    ),
    field!(
        Date,
        Type::Date,
        SHOWN,
        "the date the claim refers to, else its article's publication",
        date_of
    ),
    field!(
        Quote,
        Type::Text,
        SHOWN,
        "the claim's words in the article",
        quote_of
    ),
    field!(Document, Type::Int, EXTRA, "the article's id", |c, _| {
        Value::Int(c.document)
    }),
    field!(
        Event,
        Type::Int,
        EXTRA,
        "the event the claim is about",
        |c, _| { c.event.map_or(Value::Null, Value::Int) }
    ),
    field!(
        Span,
        Type::Span,
        EXTRA,
        "the quote's byte range in the article",
        |c, _| Value::Span(c.span)
    ),
];

/// Entities: `entities`.
pub const ENTITIES: &[Field<EntityRecord>] = &[
    field!(Id, Type::Int, SHOWN, "the entity's id", |e, _| Value::Int(
        e.id
    )),
    field!(
        Name,
        Type::Text,
        SHOWN,
        "its canonical name (`name = \"X\"` also matches an alias)",
        |e, _| Value::text(&e.name)
    ),
    field!(
        Kind,
        Type::Word(Words::EntityKind),
        SHOWN,
        "person, country, place, organization, outlet, weapon",
        |e, _| { Value::Word(Word::EntityKind(e.kind)) }
    ),
    field!(Aliases, Type::Texts, SHOWN, "its other names", |e, _| {
        Value::List(e.aliases.iter().map(|a| Value::text(&a.name)).collect())
    }),
    field!(
        Mentions,
        Type::Int,
        SHOWN,
        "how many times articles name it",
        |e, ws| { Value::Int(ws.mention_count(e.id) as i64) }
    ),
    field!(
        Claims,
        Type::Int,
        SHOWN,
        "how many claims it takes part in",
        |e, ws| { Value::Int(ws.graph.claims_of_entity(e.id).len() as i64) }
    ),
];

fn event_date(e: &EventRecord, ws: &Workspace) -> Value {
    e.time
        .or_else(|| ws.published(e.document).map(day))
        .map_or(Value::Null, Value::Date)
}

/// Events: `events`.
pub const EVENTS: &[Field<EventRecord>] = &[
    field!(Id, Type::Int, SHOWN, "the event's id", |e, _| Value::Int(
        e.id
    )),
    field!(
        Kind,
        Type::Word(Words::EventKind),
        SHOWN,
        "strike, killing, shelling ...",
        |e, _| { Value::Word(Word::EventKind(e.kind)) }
    ),
    field!(
        Date,
        Type::Date,
        SHOWN,
        "when it happened, else its article's publication",
        event_date
    ),
    field!(Place, Type::Text, SHOWN, "where", |e, ws| entity(
        ws, e.place
    )),
    field!(
        Participants,
        Type::Texts,
        SHOWN,
        "who took part, with their role",
        |e, ws| {
            Value::List(
                e.participants
                    .iter()
                    .filter_map(|p| {
                        ws.entity_name(Some(p.entity))
                            .map(|n| Value::text(format!("{n} ({})", p.role)))
                    })
                    .collect(),
            )
        }
    ),
    field!(
        Document,
        Type::Int,
        SHOWN,
        "the article that tells it",
        |e, _| Value::Int(e.document)
    ),
];

fn published(d: &DocumentRecord, _: &Workspace) -> Value {
    d.meta
        .published
        .map_or(Value::Null, |p| Value::Date(day(p)))
}

/// Documents: `documents`.
pub const DOCUMENTS: &[Field<DocumentRecord>] = &[
    field!(
        Id,
        Type::Int,
        SHOWN,
        "the document's id",
        |d, _| Value::Int(d.id)
    ),
    field!(Outlet, Type::Text, SHOWN, "who published it", |d, _| {
        opt_text(&d.meta.outlet)
    }),
    field!(
        Published,
        Type::Date,
        SHOWN,
        "its publication date",
        published
    ),
    field!(Date, Type::Date, EXTRA, "the same as published", published),
    field!(Title, Type::Text, SHOWN, "its title", |d, _| opt_text(
        &d.meta.title
    )),
    field!(
        Source,
        Type::Text,
        SHOWN,
        "the file (or line) it was read from",
        |d, _| Value::text(&d.source)
    ),
    field!(
        Bytes,
        Type::Int,
        SHOWN,
        "the length of its text in bytes",
        |d, _| Value::Int(d.len as i64)
    ),
];

fn side(ws: &Workspace, ids: &[i64]) -> Value {
    Value::List(
        ids.iter()
            .filter_map(|id| ws.claim(*id))
            .map(|c| Value::text(format!("#{} {}", c.id, super::answer::claim_summary(ws, c))))
            .collect(),
    )
}

/// Rows of `compare "A" with "B"`: one event both outlets report.
pub const EVENT_PAIRS: &[Field<EventPair>] = &[
    field!(
        Event,
        Type::Int,
        SHOWN,
        "the event's id",
        |p, _| Value::Int(p.event)
    ),
    field!(
        Kind,
        Type::Word(Words::EventKind),
        SHOWN,
        "the event's kind",
        |p, ws| {
            ws.event(p.event)
                .map_or(Value::Null, |e| Value::Word(Word::EventKind(e.kind)))
        }
    ),
    field!(Date, Type::Date, SHOWN, "the event's date", |p, ws| {
        ws.event(p.event).map_or(Value::Null, |e| event_date(e, ws))
    }),
    field!(
        Left,
        Type::Texts,
        SHOWN,
        "what the first outlet reports",
        |p, ws| side(ws, &p.left)
    ),
    field!(
        Right,
        Type::Texts,
        SHOWN,
        "what the second outlet reports",
        |p, ws| side(ws, &p.right)
    ),
];

/// Rows of `neighbours`: nodes around a node.
pub const NODES: &[Field<NodeAt>] = &[
    field!(Depth, Type::Int, SHOWN, "how many links away", |n, _| {
        Value::Int(n.depth as i64)
    }),
    field!(
        Node,
        Type::Word(Words::NodeKind),
        SHOWN,
        "entity, claim, event or document",
        |n, ws| {
            ws.graph
                .node(n.index)
                .and_then(|g| NodeKind::ALL.iter().find(|k| k.as_str() == g.kind()))
                .map_or(Value::Null, |k| Value::Word(Word::Node(*k)))
        }
    ),
    field!(Id, Type::Int, SHOWN, "its id", |n, ws| {
        ws.graph
            .node(n.index)
            .map_or(Value::Null, |g| Value::Int(g.id()))
    }),
    field!(
        Name,
        Type::Text,
        SHOWN,
        "its name or a short label",
        |n, ws| Value::text(ws.node_label(n.index))
    ),
];

fn infos<R>(fields: &[Field<R>]) -> Vec<FieldInfo> {
    fields.iter().map(Field::info).collect()
}

/// The fields of `rows`, in column order (none for answers that are not
/// lists).
pub fn fields(rows: Rows) -> Vec<FieldInfo> {
    match rows {
        Rows::Findings => infos(FINDINGS),
        Rows::Claims => infos(CLAIMS),
        Rows::Entities => infos(ENTITIES),
        Rows::Events => infos(EVENTS),
        Rows::Documents => infos(DOCUMENTS),
        Rows::EventPairs => infos(EVENT_PAIRS),
        Rows::Nodes => infos(NODES),
        Rows::EntityDetail | Rows::Provenance | Rows::PathSteps | Rows::Stats => Vec::new(),
    }
}

fn read<R>(fields: &[Field<R>], key: Key, record: &R, ws: &Workspace) -> Value {
    fields
        .iter()
        .find(|f| f.key == key)
        .map_or(Value::Null, |f| (f.get)(record, ws))
}

/// The value of `key` for `row` (`Null` when the row has no such field).
pub fn get(row: &Row, key: Key, ws: &Workspace) -> Value {
    match row {
        Row::Finding(f) => read(FINDINGS, key, *f, ws),
        Row::Claim(c) => read(CLAIMS, key, *c, ws),
        Row::Entity(e) => read(ENTITIES, key, *e, ws),
        Row::Event(e) => read(EVENTS, key, *e, ws),
        Row::Document(d) => read(DOCUMENTS, key, *d, ws),
        Row::EventPair(p) => read(EVENT_PAIRS, key, *p, ws),
        Row::Node(n) => read(NODES, key, n, ws),
    }
}
