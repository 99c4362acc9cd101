//! The rows a list query walks (findings, claims, entities, events,
//! documents, event pairs, nodes), and what each row answers for every
//! [`Key`] of the language: the values `where` tests and `order by` sorts.
//!
//! Keeping the key lookup in one place means a filter, a sort and an output
//! column always agree on what "the date of a finding" is.

use super::Workspace;
use crate::model::{
    ClaimRecord, DateRange, DocumentRecord, EntityRecord, EventRecord, FindingRecord, Precision,
};
use crate::query::ast::CmpOp;
use crate::query::plan::Key;
use chrono::NaiveDate;
use petgraph::graph::NodeIndex;
use std::cmp::Ordering;

/// One row of a list answer. Rows borrow from the workspace.
#[derive(Debug, Clone, Copy)]
pub enum Row<'w> {
    Finding(&'w FindingRecord),
    Claim(&'w ClaimRecord),
    Entity(&'w EntityRecord),
    Event(&'w EventRecord),
    Document(&'w DocumentRecord),
    /// One event cluster both outlets of a `compare` report: the claims of
    /// the left outlet and of the right outlet about it.
    EventPair(&'w EventPair),
    /// A node reached from a start node, with its distance.
    Node {
        index: NodeIndex,
        depth: usize,
    },
}

/// Claims of two outlets about one real-world event.
#[derive(Debug, Clone)]
pub struct EventPair {
    pub event: i64,
    pub left: Vec<i64>,
    pub right: Vec<i64>,
}

/// A value a row holds for a key, typed for comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Missing,
    Int(i64),
    /// An interval of numbers (`hi = None` is unbounded).
    Range(f64, Option<f64>),
    Text(String),
    Date(DateRange),
    Flag(bool),
}

impl Value {
    /// Total order for sorting: missing values last.
    pub fn sort_cmp(&self, other: &Value) -> Ordering {
        use Value::*;
        match (self, other) {
            (Missing, Missing) => Ordering::Equal,
            (Missing, _) => Ordering::Greater,
            (_, Missing) => Ordering::Less,
            (Int(a), Int(b)) => a.cmp(b),
            (Range(a, _), Range(b, _)) => a.total_cmp(b),
            (Int(a), Range(b, _)) => (*a as f64).total_cmp(b),
            (Range(a, _), Int(b)) => a.total_cmp(&(*b as f64)),
            (Text(a), Text(b)) => {
                crate::analysis::words::fold(a).cmp(&crate::analysis::words::fold(b))
            }
            (Date(a), Date(b)) => (a.start, a.end).cmp(&(b.start, b.end)),
            (Flag(a), Flag(b)) => a.cmp(b),
            (a, b) => rank(a).cmp(&rank(b)),
        }
    }

    /// Whether some number this value allows passes `op value`.
    pub fn number_passes(&self, op: CmpOp, value: f64) -> bool {
        let (lo, hi) = match self {
            Value::Int(i) => (*i as f64, Some(*i as f64)),
            Value::Range(lo, hi) => (*lo, *hi),
            _ => return false,
        };
        let hi_ge = |v: f64| hi.map_or(true, |h| h >= v);
        match op {
            CmpOp::Eq => lo <= value && hi_ge(value),
            CmpOp::Ne => !(lo == value && hi == Some(value)),
            CmpOp::Lt => lo < value,
            CmpOp::Le => lo <= value,
            CmpOp::Gt => hi.map_or(true, |h| h > value),
            CmpOp::Ge => hi_ge(value),
        }
    }

    /// `date op range`: `=` when the row's date lies within the range,
    /// `<` when it starts before the range, `<=` when it starts no later than
    /// the range's last day, and symmetrically for `>` and `>=`.
    pub fn date_passes(&self, op: CmpOp, range: &DateRange) -> bool {
        let Value::Date(d) = self else {
            return false;
        };
        let overlaps = d.start <= range.end && range.start <= d.end;
        match op {
            CmpOp::Eq => overlaps,
            CmpOp::Ne => !overlaps,
            CmpOp::Lt => d.start < range.start,
            CmpOp::Le => d.start <= range.end,
            CmpOp::Gt => d.end > range.end,
            CmpOp::Ge => d.end >= range.start,
        }
    }
}

fn rank(v: &Value) -> u8 {
    match v {
        Value::Int(_) | Value::Range(..) => 0,
        Value::Date(_) => 1,
        Value::Text(_) => 2,
        Value::Flag(_) => 3,
        Value::Missing => 4,
    }
}

/// A publication date as a one-day range.
pub fn day(date: NaiveDate) -> DateRange {
    DateRange {
        start: date,
        end: date,
        precision: Precision::Day,
    }
}

impl<'w> Row<'w> {
    /// The values of `key` for this row. A finding has one value per claim
    /// for claim keys (a test passes when either does).
    pub fn values(&self, key: Key, ws: &'w Workspace) -> Vec<Value> {
        match *self {
            Row::Finding(f) => match key {
                Key::Id => vec![Value::Int(f.id)],
                Key::Kind => vec![Value::Text(f.kind.to_string())],
                Key::Reason => vec![Value::Text(f.reason.clone())],
                Key::Independent => vec![f.independent.map_or(Value::Missing, Value::Flag)],
                _ => [f.a, f.b]
                    .iter()
                    .filter_map(|id| ws.claim(*id))
                    .map(|c| Row::Claim(c).value(key, ws))
                    .collect(),
            },
            _ => vec![self.value(key, ws)],
        }
    }

    /// The single value of `key` (for a finding: its first claim's).
    pub fn value(&self, key: Key, ws: &'w Workspace) -> Value {
        match *self {
            Row::Finding(_) => self
                .values(key, ws)
                .into_iter()
                .next()
                .unwrap_or(Value::Missing),
            Row::Claim(c) => claim_value(c, key, ws),
            Row::Entity(e) => match key {
                Key::Id => Value::Int(e.id),
                Key::Name => Value::Text(e.name.clone()),
                Key::Kind => Value::Text(e.kind.to_string()),
                Key::Mentions => Value::Int(ws.mention_count(e.id) as i64),
                Key::Claims => Value::Int(ws.graph.claims_of_entity(e.id).len() as i64),
                _ => Value::Missing,
            },
            Row::Event(e) => match key {
                Key::Id => Value::Int(e.id),
                Key::Kind => Value::Text(e.kind.to_string()),
                Key::Date => e
                    .time
                    .or_else(|| ws.published(e.document).map(day))
                    .map_or(Value::Missing, Value::Date),
                _ => Value::Missing,
            },
            Row::Document(d) => match key {
                Key::Id => Value::Int(d.id),
                Key::Date => d
                    .meta
                    .published
                    .map_or(Value::Missing, |p| Value::Date(day(p))),
                Key::Outlet => d.meta.outlet.clone().map_or(Value::Missing, Value::Text),
                Key::Title => d.meta.title.clone().map_or(Value::Missing, Value::Text),
                _ => Value::Missing,
            },
            Row::EventPair(p) => match ws.event(p.event) {
                Some(e) => Row::Event(e).value(key, ws),
                None => Value::Missing,
            },
            Row::Node { index, depth } => match key {
                Key::Depth => Value::Int(depth as i64),
                Key::Node => ws
                    .graph
                    .node(index)
                    .map_or(Value::Missing, |n| Value::Text(n.kind().to_string())),
                Key::Name => Value::Text(ws.node_label(index)),
                _ => Value::Missing,
            },
        }
    }
}

fn claim_value(c: &ClaimRecord, key: Key, ws: &Workspace) -> Value {
    match key {
        Key::Id => Value::Int(c.id),
        Key::Kind => Value::Text(c.kind.to_string()),
        Key::Measure => c
            .measure
            .map_or(Value::Missing, |m| Value::Text(m.to_string())),
        Key::Value => c.quantity.map_or(Value::Missing, |q| {
            Value::Range(q.interval.lo, q.interval.hi)
        }),
        Key::Bound => c
            .quantity
            .map_or(Value::Missing, |q| Value::Text(q.bound.to_string())),
        Key::Polarity => Value::Text(c.polarity.to_string()),
        Key::Date => claim_date(c, ws).map_or(Value::Missing, Value::Date),
        Key::Quote => Value::Text(c.quote.clone()),
        Key::Subject => c.subject.clone().map_or(Value::Missing, Value::Text),
        Key::Category => c
            .counted
            .category
            .clone()
            .map_or(Value::Missing, Value::Text),
        Key::Side => c.counted.side.clone().map_or(Value::Missing, Value::Text),
        Key::Scope => c.counted.scope.clone().map_or(Value::Missing, Value::Text),
        Key::Outlet => c
            .outlet
            .and_then(|o| ws.entity(o))
            .map_or(Value::Missing, |e| Value::Text(e.name.clone())),
        _ => Value::Missing,
    }
}

/// The date a claim refers to, else the day its document was published.
pub fn claim_date(c: &ClaimRecord, ws: &Workspace) -> Option<DateRange> {
    c.date.or_else(|| ws.published(c.document).map(day))
}
