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
//! Names of entities are not resolved here: that needs the graph. Every
//! [`Name`] in the plan keeps its span ([`Plan::names`] lists them), so
//! evaluation can report an unknown one with
//! [`crate::query::diagnostic::unknown_name`].

mod explain;
mod rows;
mod typing;

pub use rows::{FieldInfo, Key, Rows, Type, Words, FIELD_NAMES};
pub use typing::EnumWords;

use super::ast::*;
use super::diagnostic::{Code, Diagnostic};
use crate::model::{
    Bound, ClaimKind, DateRange, EntityKind, EventKind, FindingKind, Measure, Polarity,
};
use typing::{all, filter, key, relation};

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
        left: Name,
        right: Name,
    },
    /// Nodes within `depth` edges of `from`.
    Traverse {
        from: Node,
        depth: u64,
    },
    /// The shortest path between two entities.
    ShortestPath {
        from: Name,
        to: Name,
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
    /// Print these fields as the columns, in this order.
    Show(Vec<Key>),
    /// Write the subgraph of the rows to a file.
    Export {
        path: String,
        format: ExportFormat,
        /// Where the path is written in the statement.
        span: crate::query::ast::SrcSpan,
    },
}

/// File formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// GraphViz DOT (`.dot`, `.gv`).
    Dot,
    /// The JSON graph format `claimgraph import` reads (`.json`).
    Json,
    /// A picture drawn by GraphViz's `dot` (`.svg`).
    Svg,
    /// A picture drawn by GraphViz's `dot` (`.png`).
    Png,
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
        key: Key,
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

    /// Every entity name the plan refers to, in order, for evaluation to
    /// resolve (and report) before it runs anything.
    pub fn names(&self) -> Vec<&Name> {
        fn in_filter<'a>(f: &'a Filter, out: &mut Vec<&'a Name>) {
            match f {
                Filter::All(items) | Filter::Any(items) => {
                    items.iter().for_each(|i| in_filter(i, out))
                }
                Filter::Not(inner) => in_filter(inner, out),
                Filter::Check(Check::Related {
                    node: Node::Named(name),
                    ..
                }) => out.push(name),
                Filter::Check(_) => {}
            }
        }
        let mut out = Vec::new();
        for op in &self.ops {
            match op {
                Op::Entity(Node::Named(n))
                | Op::Provenance(Node::Named(n))
                | Op::Traverse {
                    from: Node::Named(n),
                    ..
                } => out.push(n),
                Op::Compare { left: a, right: b } | Op::ShortestPath { from: a, to: b } => {
                    out.push(a);
                    out.push(b);
                }
                Op::Filter(f) => in_filter(f, &mut out),
                _ => {}
            }
        }
        out
    }

    /// The columns `show` chose, if any.
    pub fn show(&self) -> Option<&[Key]> {
        self.ops.iter().find_map(|op| match op {
            Op::Show(keys) => Some(keys.as_slice()),
            _ => None,
        })
    }

    /// Where the rows go when exported, and where the statement says so.
    pub fn export(&self) -> Option<(&str, ExportFormat, crate::query::ast::SrcSpan)> {
        self.ops.iter().find_map(|op| match op {
            Op::Export { path, format, span } => Some((path.as_str(), *format, *span)),
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
    if !query.show.is_empty() {
        let keys = query
            .show
            .iter()
            .map(|f| key(f, rows))
            .collect::<Res<Vec<_>>>()?;
        ops.push(Op::Show(keys));
    }
    if let Some(export) = &query.export {
        ops.push(Op::Export {
            path: export.path.text.clone(),
            format: export_format(&export.path)?,
            span: export.path.span,
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
                left: left.clone(),
                right: right.clone(),
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
                from: from.clone(),
                to: to.clone(),
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
        if let Some(f) = query.show.first() {
            return Err(not_here("show", f.span));
        }
    }
    if let (true, Some(f)) = (query.count, query.show.first()) {
        return Err(Diagnostic::new(
            Code::BadClause,
            "`count` answers with a number; there are no columns to show",
            f.span,
        )
        .with_label("cannot show columns of a count")
        .with_help("drop `count` to see the rows, or `show` to count them"));
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

fn export_format(path: &Name) -> Res<ExportFormat> {
    let lower = path.text.to_ascii_lowercase();
    if lower.ends_with(".dot") || lower.ends_with(".gv") {
        Ok(ExportFormat::Dot)
    } else if lower.ends_with(".json") {
        Ok(ExportFormat::Json)
    } else if lower.ends_with(".svg") {
        Ok(ExportFormat::Svg)
    } else if lower.ends_with(".png") {
        Ok(ExportFormat::Png)
    } else {
        Err(Diagnostic::new(
            Code::BadValue,
            format!("cannot tell the export format of {path}"),
            path.span,
        )
        .with_label("expected a file name ending in .dot, .gv, .json, .svg or .png")
        .with_help("export writes GraphViz DOT (.dot, .gv), claimgraph's JSON graph (.json), or a picture drawn by GraphViz (.svg, .png)"))
    }
}
