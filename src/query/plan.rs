//! From a statement to a list of typed operations, before any data is seen.
//!
//! The plan is where a query's words get their meaning: `measure = killed`
//! becomes a test on [`Measure::Killed`], `date between 2022-03 and 2022-04`
//! two date ranges, `timeline "X"` a scan of claims filtered on X and sorted
//! by date. Fields, values and clauses that make no sense for the rows being
//! asked for are reported here, with their span, so that evaluation only
//! has to walk [`Plan::ops`] in order: scan (or look up, traverse...), filter,
//! order, limit, count, export. `explain` prints the plan.
//!
//! Names of entities are not resolved here: that needs the graph.

use super::ast::*;
use super::diagnostic::{Code, Diagnostic};
use crate::model::{
    Bound, ClaimKind, DateRange, EntityKind, EventKind, FindingKind, Measure, Polarity, Precision,
};
use std::fmt;

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
                Id, Kind, Measure, Value, Bound, Polarity, Date, Quote, Subject,
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

    fn is_number(self) -> bool {
        matches!(
            self,
            Key::Id | Key::Value | Key::Mentions | Key::Claims | Key::Depth
        )
    }

    fn is_text(self) -> bool {
        matches!(
            self,
            Key::Quote | Key::Subject | Key::Reason | Key::Name | Key::Outlet | Key::Title
        )
    }
}

/// Where the rows come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// All findings (of one kind, or all kinds).
    ScanFindings(Option<FindingKind>),
    ScanClaims,
    ScanEntities,
    ScanEvents,
    ScanDocuments,
    /// One entity, by name (any alias) or id.
    Entity(Node),
    /// One claim or finding, traced to its document.
    Provenance(Node),
    /// Events both outlets report, side by side.
    Compare {
        left: String,
        right: String,
    },
    /// Nodes within `depth` edges of `from`.
    Traverse {
        from: Node,
        depth: u64,
    },
    /// The shortest path between two entities.
    ShortestPath {
        from: String,
        to: String,
    },
    /// Counts of every kind of node and edge.
    Stats,
    /// Keep the rows that pass.
    Filter(Filter),
    /// Sort (stable) by these keys in turn.
    Order(Vec<SortKey>),
    /// Keep the first `n` rows.
    Limit(u64),
    /// Replace the rows by their number.
    Count,
    /// Write the subgraph of the rows to a file.
    Export {
        path: String,
        format: ExportFormat,
    },
}

/// File formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// GraphViz DOT (`.dot`, `.gv`).
    Dot,
}

/// One key of an `order by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey {
    pub key: Key,
    pub descending: bool,
}

/// A typed condition; `All` of nothing is true.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    All(Vec<Filter>),
    Any(Vec<Filter>),
    Not(Box<Filter>),
    Check(Check),
}

/// One typed test on a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// The row is related to the node (resolved by name at evaluation).
    Related {
        relation: RelationKind,
        node: Node,
    },
    Measure(Vec<Measure>),
    Bound(Vec<Bound>),
    Polarity(Vec<Polarity>),
    ClaimKind(Vec<ClaimKind>),
    EntityKind(Vec<EntityKind>),
    EventKind(Vec<EventKind>),
    FindingKind(Vec<FindingKind>),
    NodeKind(Vec<NodeKind>),
    /// `value >= 3`. For a value that is an interval, the test holds when
    /// some number the interval allows passes it.
    Number {
        key: Key,
        op: CmpOp,
        value: f64,
    },
    /// `date >= 2022-03`: `=` means the row's date lies within `range`, `<`
    /// before its first day, `<=` no later than its last day, and so on.
    Date {
        op: CmpOp,
        range: DateRange,
    },
    /// `name = "x"` (case-insensitive equality) or `quote contains "x"`.
    Text {
        key: Key,
        contains: bool,
        text: String,
    },
    /// `independent = true`
    Flag {
        key: Key,
        value: bool,
    },
}

/// A statement lowered into operations, in the order they run.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub ops: Vec<Op>,
    /// What the rows are before `count`.
    pub rows: Rows,
    /// `explain`: show this plan instead of running it.
    pub explain: bool,
}

impl Plan {
    /// Whether the answer is one number (`count ...`).
    pub fn is_count(&self) -> bool {
        self.ops.iter().any(|op| matches!(op, Op::Count))
    }

    /// Where the rows go when exported.
    pub fn export(&self) -> Option<(&str, ExportFormat)> {
        self.ops.iter().find_map(|op| match op {
            Op::Export { path, format } => Some((path.as_str(), *format)),
            _ => None,
        })
    }
}

type Res<T> = Result<T, Diagnostic>;

/// Lowers a statement into a plan, checking fields, values and clauses.
pub fn plan(statement: &Statement) -> Res<Plan> {
    let query = statement.query();
    let (mut ops, rows) = source_ops(&query.source)?;
    let explain = matches!(statement, Statement::Explain(_));
    check_clauses(query, rows)?;

    let mut checks = Vec::new();
    if let Source::Timeline(name) = &query.source {
        checks.push(Filter::Check(Check::Related {
            relation: RelationKind::Involving,
            node: Node::Named(name.clone()),
        }));
    }
    for r in &query.relations {
        checks.push(Filter::Check(relation(r, rows)?));
    }
    if let Some(cond) = &query.filter {
        checks.push(filter(cond, rows)?);
    }
    if !checks.is_empty() {
        ops.push(Op::Filter(all(checks)));
    }

    let mut order = query
        .order
        .iter()
        .map(|k| {
            Ok(SortKey {
                key: key(&k.field, rows)?,
                descending: k.descending,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    if order.is_empty() && matches!(query.source, Source::Timeline(_)) {
        order.push(SortKey {
            key: Key::Date,
            descending: false,
        });
    }
    if !order.is_empty() {
        ops.push(Op::Order(order));
    }
    if let Some(limit) = query.limit {
        ops.push(Op::Limit(limit.n));
    }
    if query.count {
        ops.push(Op::Count);
    }
    if let Some(export) = &query.export {
        ops.push(Op::Export {
            path: export.path.text.clone(),
            format: export_format(&export.path)?,
        });
    }
    Ok(Plan { ops, rows, explain })
}

fn source_ops(source: &Source) -> Res<(Vec<Op>, Rows)> {
    Ok(match source {
        Source::Findings(set) => {
            let kind = match set {
                FindingSet::Contradictions => Some(FindingKind::Contradiction),
                FindingSet::Agreements => Some(FindingKind::Agreement),
                FindingSet::Updates => Some(FindingKind::Update),
                FindingSet::All => None,
            };
            (vec![Op::ScanFindings(kind)], Rows::Findings)
        }
        Source::Claims | Source::Timeline(_) => (vec![Op::ScanClaims], Rows::Claims),
        Source::Entities => (vec![Op::ScanEntities], Rows::Entities),
        Source::Events => (vec![Op::ScanEvents], Rows::Events),
        Source::Documents => (vec![Op::ScanDocuments], Rows::Documents),
        Source::Entity(node) => (vec![Op::Entity(node.clone())], Rows::EntityDetail),
        Source::Provenance(node) => (vec![Op::Provenance(node.clone())], Rows::Provenance),
        Source::Compare { left, right } => (
            vec![Op::Compare {
                left: left.text.clone(),
                right: right.text.clone(),
            }],
            Rows::EventPairs,
        ),
        Source::Neighbours { node, depth } => (
            vec![Op::Traverse {
                from: node.clone(),
                depth: depth.map_or(1, |d| d.n),
            }],
            Rows::Nodes,
        ),
        Source::Path { from, to } => (
            vec![Op::ShortestPath {
                from: from.text.clone(),
                to: to.text.clone(),
            }],
            Rows::PathSteps,
        ),
        Source::Stats => (vec![Op::Stats], Rows::Stats),
    })
}

/// Rejects clauses that the rows do not take, pointing at the clause.
fn check_clauses(query: &Query, rows: Rows) -> Res<()> {
    let what = source_word(&query.source);
    let not_here = |clause: &str, span: SrcSpan| {
        let help = if rows.is_list() {
            format!("`{what}` takes: by/about/in ... as listed in the reference, where, order by, limit, count, export")
        } else if rows == Rows::Stats {
            "`stats` takes no clause".to_string()
        } else {
            format!("`{what}` answers with one result; only `export to \"file.dot\"` applies")
        };
        Diagnostic::new(
            Code::BadClause,
            format!("`{clause}` does not apply to `{what}`"),
            span,
        )
        .with_label(format!("not allowed after `{what}`"))
        .with_help(help)
    };
    if !rows.is_list() {
        if query.count {
            return Err(not_here("count", query.span));
        }
        if let Some(r) = query.relations.first() {
            return Err(not_here(r.kind.as_str(), r.span));
        }
        if let Some(cond) = &query.filter {
            return Err(not_here(
                "where",
                condition_span(cond).unwrap_or(query.span),
            ));
        }
        if let Some(k) = query.order.first() {
            return Err(not_here("order by", k.field.span));
        }
        if let Some(l) = query.limit {
            return Err(not_here("limit", l.span));
        }
    }
    if let Some(export) = &query.export {
        if rows == Rows::Stats {
            return Err(not_here("export", export.path.span));
        }
        if query.count {
            return Err(Diagnostic::new(
                Code::BadClause,
                "`count` answers with a number; there is nothing to export",
                export.path.span,
            )
            .with_label("cannot export a count")
            .with_help("drop `count` to export the rows themselves"));
        }
    }
    Ok(())
}

fn source_word(source: &Source) -> String {
    match source {
        Source::Findings(set) => set.to_string(),
        Source::Claims => "claims".into(),
        Source::Entities => "entities".into(),
        Source::Events => "events".into(),
        Source::Documents => "documents".into(),
        Source::Entity(_) => "entity".into(),
        Source::Provenance(_) => "provenance".into(),
        Source::Compare { .. } => "compare".into(),
        Source::Neighbours { .. } => "neighbours".into(),
        Source::Path { .. } => "path".into(),
        Source::Timeline(_) => "timeline".into(),
        Source::Stats => "stats".into(),
    }
}

fn condition_span(cond: &Condition) -> Option<SrcSpan> {
    match cond {
        Condition::And(items) | Condition::Or(items) => items.first().and_then(condition_span),
        Condition::Not(inner) => condition_span(inner),
        Condition::Test(t) => Some(match t {
            Test::Relation(r) => r.span,
            Test::Compare { field, .. }
            | Test::Between { field, .. }
            | Test::OneOf { field, .. }
            | Test::Contains { field, .. } => field.span,
        }),
    }
}

fn all(items: Vec<Filter>) -> Filter {
    let mut items: Vec<Filter> = items
        .into_iter()
        .flat_map(|f| match f {
            Filter::All(inner) => inner,
            other => vec![other],
        })
        .collect();
    if items.len() == 1 {
        if let Some(only) = items.pop() {
            return only;
        }
    }
    Filter::All(items)
}

fn relation(r: &Relation, rows: Rows) -> Res<Check> {
    if !rows.relations().contains(&r.kind) {
        let allowed: Vec<&str> = rows.relations().iter().map(|k| k.as_str()).collect();
        let help = if allowed.is_empty() {
            format!("{} take no relation", rows.as_str())
        } else {
            format!("{} take: {}", rows.as_str(), allowed.join(", "))
        };
        return Err(Diagnostic::new(
            Code::BadClause,
            format!("`{}` does not apply to {}", r.kind.as_str(), rows.as_str()),
            r.span,
        )
        .with_label("not a relation of these rows")
        .with_help(help));
    }
    let allowed: &[NodeKind] = match r.kind {
        RelationKind::In => &[NodeKind::Entity, NodeKind::Document],
        RelationKind::About => &[NodeKind::Entity, NodeKind::Event],
        _ => &[NodeKind::Entity],
    };
    if let Node::Id { kind, span, .. } = &r.node {
        if !allowed.contains(kind) {
            let words: Vec<String> = allowed.iter().map(|k| format!("`{k} N`")).collect();
            return Err(Diagnostic::new(
                Code::BadValue,
                format!("`{}` cannot refer to a {kind}", r.kind.as_str()),
                *span,
            )
            .with_label(format!("expected a quoted name or {}", words.join(" or "))));
        }
    }
    Ok(Check::Related {
        relation: r.kind,
        node: r.node.clone(),
    })
}

fn filter(cond: &Condition, rows: Rows) -> Res<Filter> {
    Ok(match cond {
        Condition::And(items) => {
            Filter::All(items.iter().map(|c| filter(c, rows)).collect::<Res<_>>()?)
        }
        Condition::Or(items) => {
            Filter::Any(items.iter().map(|c| filter(c, rows)).collect::<Res<_>>()?)
        }
        Condition::Not(inner) => Filter::Not(Box::new(filter(inner, rows)?)),
        Condition::Test(test) => self::test(test, rows)?,
    })
}

fn test(t: &Test, rows: Rows) -> Res<Filter> {
    match t {
        Test::Relation(r) => Ok(Filter::Check(relation(r, rows)?)),
        Test::Compare { field, op, value } => {
            let k = key(field, rows)?;
            compare(k, field, *op, value, rows)
        }
        Test::Between { field, low, high } => {
            let k = key(field, rows)?;
            if !(k.is_number() || k == Key::Date) {
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!(
                        "`between` needs numbers or dates; `{}` is neither",
                        k.as_str()
                    ),
                    field.span,
                )
                .with_label("not a number or a date field"));
            }
            Ok(Filter::All(vec![
                compare(k, field, CmpOp::Ge, low, rows)?,
                compare(k, field, CmpOp::Le, high, rows)?,
            ]))
        }
        Test::OneOf { field, values } => {
            let k = key(field, rows)?;
            let checks = values
                .iter()
                .map(|v| compare(k, field, CmpOp::Eq, v, rows))
                .collect::<Res<Vec<_>>>()?;
            Ok(merge_sets(checks))
        }
        Test::Contains { field, text } => {
            let k = key(field, rows)?;
            if !k.is_text() {
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!("`contains` needs a text field; `{}` is not one", k.as_str()),
                    field.span,
                )
                .with_label("not a text field")
                .with_help("text fields: quote, subject, reason, name, outlet, title"));
            }
            Ok(Filter::Check(Check::Text {
                key: k,
                contains: true,
                text: text.text.clone(),
            }))
        }
    }
}

/// `measure in (killed, wounded)` as one set test rather than an `Any`.
fn merge_sets(checks: Vec<Filter>) -> Filter {
    let mut merged: Option<Check> = None;
    let mut rest = Vec::new();
    for f in checks {
        match (&mut merged, f) {
            (
                None,
                Filter::Check(
                    c @ (Check::Measure(_)
                    | Check::Bound(_)
                    | Check::Polarity(_)
                    | Check::ClaimKind(_)
                    | Check::EntityKind(_)
                    | Check::EventKind(_)
                    | Check::FindingKind(_)
                    | Check::NodeKind(_)),
                ),
            ) => merged = Some(c),
            (Some(m), Filter::Check(c)) => {
                if let Err(c) = extend_set(m, c) {
                    rest.push(Filter::Check(c));
                }
            }
            (_, other) => rest.push(other),
        }
    }
    if let Some(m) = merged {
        rest.insert(0, Filter::Check(m));
    }
    if rest.len() == 1 {
        if let Some(only) = rest.pop() {
            return only;
        }
    }
    Filter::Any(rest)
}

fn extend_set(into: &mut Check, c: Check) -> Result<(), Check> {
    match (into, c) {
        (Check::Measure(a), Check::Measure(b)) => a.extend(b),
        (Check::Bound(a), Check::Bound(b)) => a.extend(b),
        (Check::Polarity(a), Check::Polarity(b)) => a.extend(b),
        (Check::ClaimKind(a), Check::ClaimKind(b)) => a.extend(b),
        (Check::EntityKind(a), Check::EntityKind(b)) => a.extend(b),
        (Check::EventKind(a), Check::EventKind(b)) => a.extend(b),
        (Check::FindingKind(a), Check::FindingKind(b)) => a.extend(b),
        (Check::NodeKind(a), Check::NodeKind(b)) => a.extend(b),
        (_, c) => return Err(c),
    }
    Ok(())
}

/// The typed key a field names for these rows, or a diagnostic with a
/// suggestion.
fn key(field: &Field, rows: Rows) -> Res<Key> {
    let keys = rows.keys();
    if let Some(k) = keys.iter().find(|k| k.as_str() == field.name) {
        return Ok(*k);
    }
    let names: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    let known = FIELD_NAMES.contains(&field.name.as_str());
    let message = if known {
        format!("{} have no field `{}`", rows.as_str(), field.name)
    } else {
        match super::suggest(&field.name, names.iter().copied()) {
            Some(s) => format!("unknown field `{}` — did you mean `{s}`?", field.name),
            None => format!("unknown field `{}`", field.name),
        }
    };
    let help = if names.is_empty() {
        format!("{} cannot be filtered or sorted", rows.as_str())
    } else {
        format!("fields of {}: {}", rows.as_str(), names.join(", "))
    };
    Err(Diagnostic::new(Code::UnknownField, message, field.span)
        .with_label("not a field of these rows")
        .with_help(help))
}

fn compare(k: Key, field: &Field, op: CmpOp, value: &Value, rows: Rows) -> Res<Filter> {
    let check = match k {
        Key::Measure => enum_set(op, value, "a measure", Check::Measure)?,
        Key::Bound => enum_set(op, value, "a bound", Check::Bound)?,
        Key::Polarity => enum_set(op, value, "a polarity", Check::Polarity)?,
        Key::Kind => match rows {
            Rows::Findings => enum_set(op, value, "a finding kind", Check::FindingKind)?,
            Rows::Claims => enum_set(op, value, "a claim kind", Check::ClaimKind)?,
            Rows::Entities => enum_set(op, value, "an entity kind", Check::EntityKind)?,
            _ => enum_set(op, value, "an event kind", Check::EventKind)?,
        },
        Key::Node => {
            let word = word_of(value);
            let kind = NodeKind::ALL.iter().find(|k| Some(k.as_str()) == word);
            match kind {
                Some(kind) => set_op(op, value, Check::NodeKind(vec![*kind]))?,
                None => {
                    let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
                    return Err(bad_word(value, "a node type", &names));
                }
            }
        }
        Key::Date => Filter::Check(Check::Date {
            op,
            range: date_range(value)?,
        }),
        Key::Independent => {
            let flag = match word_of(value) {
                Some("true" | "yes") => true,
                Some("false" | "no") => false,
                _ => return Err(bad_word(value, "true or false", &["true", "false"])),
            };
            set_op(
                op,
                value,
                Check::Flag {
                    key: k,
                    value: flag,
                },
            )?
        }
        _ if k.is_number() => match value.kind {
            ValueKind::Number(n) => Filter::Check(Check::Number {
                key: k,
                op,
                value: n,
            }),
            _ => {
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!("`{}` is compared with a number, not `{value}`", field.name),
                    value.span,
                )
                .with_label("expected a number"))
            }
        },
        _ => {
            let text = match &value.kind {
                ValueKind::Text(t) => t.clone(),
                _ => {
                    return Err(Diagnostic::new(
                        Code::BadValue,
                        format!(
                            "`{}` is compared with a quoted text, not `{value}`",
                            field.name
                        ),
                        value.span,
                    )
                    .with_label("expected a quoted text"))
                }
            };
            let check = Check::Text {
                key: k,
                contains: false,
                text,
            };
            set_op(op, value, check)?
        }
    };
    Ok(check)
}

/// Equality tests only: `=` keeps the check, `!=` negates it.
fn set_op(op: CmpOp, value: &Value, check: Check) -> Res<Filter> {
    match op {
        CmpOp::Eq => Ok(Filter::Check(check)),
        CmpOp::Ne => Ok(Filter::Not(Box::new(Filter::Check(check)))),
        _ => Err(Diagnostic::new(
            Code::BadValue,
            format!("`{}` cannot be ordered; use `=`, `!=` or `in (...)`", value),
            value.span,
        )
        .with_label(format!(
            "`{}` only makes sense for numbers and dates",
            op.as_str()
        ))),
    }
}

fn word_of(value: &Value) -> Option<&str> {
    match &value.kind {
        ValueKind::Word(w) | ValueKind::Text(w) => Some(w.as_str()),
        _ => None,
    }
}

/// A value of one of the model's word enums (`killed`, `exact`, `deny`).
fn enum_set<T>(op: CmpOp, value: &Value, what: &str, make: fn(Vec<T>) -> Check) -> Res<Filter>
where
    T: std::str::FromStr + Copy + fmt::Display + EnumWords,
{
    let parsed = word_of(value).and_then(|w| w.to_ascii_lowercase().parse::<T>().ok());
    match parsed {
        Some(v) => set_op(op, value, make(vec![v])),
        None => Err(bad_word(value, what, &T::words())),
    }
}

/// The words of a model enum, for messages and suggestions.
pub trait EnumWords {
    fn words() -> Vec<&'static str>;
}

macro_rules! enum_words {
    ($($t:ty),*) => {$(
        impl EnumWords for $t {
            fn words() -> Vec<&'static str> {
                <$t>::ALL.iter().map(|v| v.as_str()).collect()
            }
        }
    )*};
}
enum_words!(
    Measure,
    Bound,
    Polarity,
    ClaimKind,
    EntityKind,
    EventKind,
    FindingKind
);

fn bad_word(value: &Value, what: &str, words: &[&str]) -> Diagnostic {
    let shown = value.to_string();
    let suggestion = word_of(value).and_then(|w| super::suggest(w, words.iter().copied()));
    let message = match &suggestion {
        Some(s) => format!("`{shown}` is not {what} — did you mean `{s}`?"),
        None => format!("`{shown}` is not {what}"),
    };
    let listed: Vec<&str> = words.iter().take(6).copied().collect();
    let more = if words.len() > listed.len() {
        ", ..."
    } else {
        ""
    };
    Diagnostic::new(Code::BadValue, message, value.span)
        .with_label(format!("expected {what} ({}{more})", listed.join(", ")))
        .with_help(format!("{what}: {}", words.join(", ")))
}

/// The days a date value covers: `2022-03` is all of March 2022; a bare
/// number is a year.
fn date_range(value: &Value) -> Res<DateRange> {
    let lit = match value.kind {
        ValueKind::Date(d) => Some(d),
        ValueKind::Number(n) if n.fract() == 0.0 && (1.0..=9999.0).contains(&n) => Some(DateLit {
            year: n as i32,
            month: None,
            day: None,
        }),
        _ => None,
    };
    lit.and_then(range_of).ok_or_else(|| {
        Diagnostic::new(
            Code::BadValue,
            format!("`{value}` is not a date"),
            value.span,
        )
        .with_label("expected a date such as 2022-03-26, 2022-03 or 2022")
    })
}

fn range_of(d: DateLit) -> Option<DateRange> {
    use chrono::NaiveDate;
    let (start, end, precision) = match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let day = NaiveDate::from_ymd_opt(d.year, m, day)?;
            (day, day, Precision::Day)
        }
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(d.year, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(d.year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(d.year, m + 1, 1)?
            };
            (first, next.pred_opt()?, Precision::Month)
        }
        _ => (
            NaiveDate::from_ymd_opt(d.year, 1, 1)?,
            NaiveDate::from_ymd_opt(d.year, 12, 31)?,
            Precision::Year,
        ),
    };
    Some(DateRange {
        start,
        end,
        precision,
    })
}

fn export_format(path: &Name) -> Res<ExportFormat> {
    let lower = path.text.to_ascii_lowercase();
    if lower.ends_with(".dot") || lower.ends_with(".gv") {
        Ok(ExportFormat::Dot)
    } else {
        Err(Diagnostic::new(
            Code::BadValue,
            format!("cannot tell the export format of {path}"),
            path.span,
        )
        .with_label("expected a file name ending in .dot or .gv")
        .with_help("export writes GraphViz DOT; render it with `dot -Tsvg file.dot`"))
    }
}

// ---------------------------------------------------------------------------
// explain
// ---------------------------------------------------------------------------

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "plan ({}):", self.rows.as_str())?;
        for (i, op) in self.ops.iter().enumerate() {
            writeln!(f, "  {}. {op}", i + 1)?;
        }
        Ok(())
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::ScanFindings(None) => f.write_str("scan findings (all kinds)"),
            Op::ScanFindings(Some(kind)) => write!(f, "scan findings ({kind})"),
            Op::ScanClaims => f.write_str("scan claims"),
            Op::ScanEntities => f.write_str("scan entities"),
            Op::ScanEvents => f.write_str("scan events"),
            Op::ScanDocuments => f.write_str("scan documents"),
            Op::Entity(node) => write!(f, "look up entity {node}"),
            Op::Provenance(node) => write!(f, "trace {node} to its document"),
            Op::Compare { left, right } => write!(
                f,
                "pair events reported by {} and by {}",
                Quoted(left),
                Quoted(right)
            ),
            Op::Traverse { from, depth } => write!(f, "traverse from {from} up to depth {depth}"),
            Op::ShortestPath { from, to } => {
                write!(f, "shortest path from {} to {}", Quoted(from), Quoted(to))
            }
            Op::Stats => f.write_str("count nodes and edges"),
            Op::Filter(filter) => write!(f, "filter {filter}"),
            Op::Order(keys) => {
                f.write_str("order by ")?;
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(
                        f,
                        "{} {}",
                        k.key.as_str(),
                        if k.descending { "desc" } else { "asc" }
                    )?;
                }
                Ok(())
            }
            Op::Limit(n) => write!(f, "limit {n}"),
            Op::Count => f.write_str("count"),
            Op::Export { path, format } => match format {
                ExportFormat::Dot => write!(f, "export DOT to {}", Quoted(path)),
            },
        }
    }
}

struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0)
    }
}

impl Filter {
    fn strength(&self) -> u8 {
        match self {
            Filter::Any(_) => 0,
            Filter::All(_) => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (items, sep, min) = match self {
            Filter::Check(c) => return c.fmt(f),
            Filter::Not(inner) if inner.strength() < 2 => return write!(f, "not ({inner})"),
            Filter::Not(inner) => return write!(f, "not {inner}"),
            Filter::All(items) if items.is_empty() => return f.write_str("true"),
            Filter::All(items) => (items, " and ", 2),
            Filter::Any(items) => (items, " or ", 1),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            if item.strength() < min {
                write!(f, "({item})")?;
            } else {
                item.fmt(f)?;
            }
        }
        Ok(())
    }
}

fn write_set<T: fmt::Display>(f: &mut fmt::Formatter<'_>, name: &str, items: &[T]) -> fmt::Result {
    match items {
        [one] => write!(f, "{name} = {one}"),
        _ => {
            write!(f, "{name} in (")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                item.fmt(f)?;
            }
            f.write_str(")")
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Related { relation, node } => write!(f, "{} {node}", relation.as_str()),
            Check::Measure(v) => write_set(f, "measure", v),
            Check::Bound(v) => write_set(f, "bound", v),
            Check::Polarity(v) => write_set(f, "polarity", v),
            Check::ClaimKind(v) => write_set(f, "claim kind", v),
            Check::EntityKind(v) => write_set(f, "entity kind", v),
            Check::EventKind(v) => write_set(f, "event kind", v),
            Check::FindingKind(v) => write_set(f, "finding kind", v),
            Check::NodeKind(v) => write_set(f, "node", v),
            Check::Number { key, op, value } => {
                write!(f, "{} {} {value}", key.as_str(), op.as_str())
            }
            Check::Date { op, range } => {
                if range.start == range.end {
                    write!(f, "date {} {}", op.as_str(), range.start)
                } else {
                    write!(f, "date {} [{} .. {}]", op.as_str(), range.start, range.end)
                }
            }
            Check::Text {
                key,
                contains,
                text,
            } => {
                write!(
                    f,
                    "{} {} ",
                    key.as_str(),
                    if *contains { "contains" } else { "=" }
                )?;
                write_quoted(f, text)
            }
            Check::Flag { key, value } => write!(f, "{} = {value}", key.as_str()),
        }
    }
}
