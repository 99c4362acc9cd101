//! The rows a list query walks (findings, claims, entities, events,
//! documents, event pairs, nodes) and the typed [`Value`] a row holds for a
//! field.
//!
//! A value keeps its type all the way to the output: a figure stays a
//! [`Quantity`] (so `where value >= 3`, `order by value` and the JSON
//! `{"lo", "hi", "bound"}` read the same interval), a date stays a
//! [`DateRange`], a measure stays a [`Measure`]. What each field of each
//! kind of row is lives in one table, [`super::schema`].

use super::schema;
use super::Workspace;
use crate::model::{
    Bound, ClaimKind, ClaimRecord, DateRange, DocumentRecord, EntityKind, EntityRecord, EventKind,
    EventRecord, FindingKind, FindingRecord, Measure, Polarity, Precision, Quantity, Span,
};
use crate::query::ast::{CmpOp, NodeKind};
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
    Node(NodeAt),
}

/// A graph node reached by `neighbours`, and how far it is.
#[derive(Debug, Clone, Copy)]
pub struct NodeAt {
    pub index: NodeIndex,
    pub depth: usize,
}

/// Claims of two outlets about one real-world event.
#[derive(Debug, Clone)]
pub struct EventPair {
    pub event: i64,
    pub left: Vec<i64>,
    pub right: Vec<i64>,
}

/// A word of one of the language's closed lists, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Measure(Measure),
    Bound(Bound),
    Polarity(Polarity),
    ClaimKind(ClaimKind),
    EntityKind(EntityKind),
    EventKind(EventKind),
    FindingKind(FindingKind),
    Node(NodeKind),
}

impl Word {
    pub fn as_str(self) -> &'static str {
        match self {
            Word::Measure(v) => v.as_str(),
            Word::Bound(v) => v.as_str(),
            Word::Polarity(v) => v.as_str(),
            Word::ClaimKind(v) => v.as_str(),
            Word::EntityKind(v) => v.as_str(),
            Word::EventKind(v) => v.as_str(),
            Word::FindingKind(v) => v.as_str(),
            Word::Node(v) => v.as_str(),
        }
    }
}

/// A typed value: what a row holds for a field, what a table cell shows,
/// and what JSON writes (numbers as numbers, a figure as `{lo, hi, bound}`,
/// a span as `{start, end}`, a date as an ISO string).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Num(f64),
    Bool(bool),
    Text(String),
    Word(Word),
    /// A stated figure: its value, bound and interval.
    Figure(Quantity),
    Date(DateRange),
    /// A byte range of a document's original text.
    Span(Span),
    List(Vec<Value>),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }
    pub fn opt(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Null, |s| Value::Text(s.into()))
    }
    /// `Null` for an empty list.
    pub fn list(items: Vec<Value>) -> Value {
        if items.iter().all(|v| *v == Value::Null) {
            Value::Null
        } else {
            Value::List(items)
        }
    }

    /// The value a list sorts by: for findings, the larger of two figures
    /// (by their lower ends) and the earlier of two dates.
    fn sort_key(&self) -> &Value {
        let Value::List(items) = self else {
            return self;
        };
        let present = items.iter().filter(|v| **v != Value::Null);
        if items.iter().any(|v| matches!(v, Value::Figure(_))) {
            present.max_by(|a, b| a.sort_cmp(b)).unwrap_or(&Value::Null)
        } else {
            present.min_by(|a, b| a.sort_cmp(b)).unwrap_or(&Value::Null)
        }
    }

    /// Whether the value is missing for sorting (null, or a list of nulls).
    pub fn is_missing(&self) -> bool {
        *self.sort_key() == Value::Null
    }

    /// Total order for sorting: missing values last.
    pub fn sort_cmp(&self, other: &Value) -> Ordering {
        use Value::*;
        let (a, b) = (self.sort_key(), other.sort_key());
        match (a, b) {
            (Null, Null) => Ordering::Equal,
            (Null, _) => Ordering::Greater,
            (_, Null) => Ordering::Less,
            (Text(a), Text(b)) => {
                crate::analysis::words::fold(a).cmp(&crate::analysis::words::fold(b))
            }
            (Word(a), Word(b)) => a.as_str().cmp(b.as_str()),
            (Date(a), Date(b)) => (a.start, a.end).cmp(&(b.start, b.end)),
            (Bool(a), Bool(b)) => a.cmp(b),
            (Span(a), Span(b)) => a.cmp(b),
            _ => match (a.interval(), b.interval()) {
                (Some((lo_a, hi_a)), Some((lo_b, hi_b))) => lo_a.total_cmp(&lo_b).then_with(|| {
                    hi_a.unwrap_or(f64::INFINITY)
                        .total_cmp(&hi_b.unwrap_or(f64::INFINITY))
                }),
                _ => rank(a).cmp(&rank(b)),
            },
        }
    }

    /// The numbers a numeric value allows (`hi = None` is unbounded).
    fn interval(&self) -> Option<(f64, Option<f64>)> {
        match self {
            Value::Int(i) => Some((*i as f64, Some(*i as f64))),
            Value::Num(n) => Some((*n, Some(*n))),
            Value::Figure(q) => Some((q.interval.lo, q.interval.hi)),
            _ => None,
        }
    }

    /// Whether some number this value allows passes `op value`.
    pub fn number_passes(&self, op: CmpOp, value: f64) -> bool {
        let Some((lo, hi)) = self.interval() else {
            return false;
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

    /// The JSON of this value.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{json, Value as J};
        match self {
            Value::Null => J::Null,
            Value::Int(i) => json!(i),
            Value::Num(n) => number_json(*n),
            Value::Bool(b) => J::Bool(*b),
            Value::Text(t) => J::String(t.clone()),
            Value::Word(w) => J::String(w.as_str().to_string()),
            Value::Figure(q) => json!({
                "lo": number_json(q.interval.lo),
                "hi": q.interval.hi.map_or(J::Null, number_json),
                "bound": q.bound.as_str(),
                "stated": number_json(q.value),
            }),
            Value::Date(d) => J::String(iso_date(d)),
            Value::Span(s) => json!({ "start": s.start, "end": s.end }),
            Value::List(items) => J::Array(items.iter().map(Value::to_json).collect()),
        }
    }
}

/// A whole number as a JSON integer, anything else as a float.
fn number_json(n: f64) -> serde_json::Value {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        serde_json::Value::from(n as i64)
    } else {
        serde_json::Value::from(n)
    }
}

/// A date range in ISO 8601: `2022-03-26`, `2022-03`, `2022`, `2022-W12`,
/// or an interval `2022-03-24/2022-03-25`.
pub fn iso_date(d: &DateRange) -> String {
    match d.precision {
        Precision::Day if d.start != d.end => format!("{}/{}", d.start, d.end),
        _ => super::answer::date(d),
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Num(n) => f.write_str(&super::answer::number(*n)),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => f.write_str(t),
            Value::Word(w) => f.write_str(w.as_str()),
            Value::Figure(q) => f.write_str(&super::answer::figure(q)),
            Value::Date(d) => f.write_str(&super::answer::date(d)),
            Value::Span(s) => write!(f, "{}..{}", s.start, s.end),
            Value::List(items) => {
                let mut first = true;
                for item in items {
                    if !first {
                        f.write_str("; ")?;
                    }
                    first = false;
                    item.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

fn rank(v: &Value) -> u8 {
    match v {
        Value::Int(_) | Value::Num(_) | Value::Figure(_) => 0,
        Value::Date(_) => 1,
        Value::Text(_) | Value::Word(_) => 2,
        Value::Bool(_) => 3,
        Value::Span(_) => 4,
        Value::List(_) => 5,
        Value::Null => 6,
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
    /// The value of `key` for this row, as shown (a list stays a list).
    pub fn get(&self, key: Key, ws: &'w Workspace) -> Value {
        schema::get(self, key, ws)
    }

    /// The values a test looks at: a list's items one by one (a finding
    /// passes `value >= 3` when either of its figures does).
    pub fn values(&self, key: Key, ws: &'w Workspace) -> Vec<Value> {
        match self.get(key, ws) {
            Value::List(items) => items,
            one => vec![one],
        }
    }

    /// The value `order by` sorts on.
    pub fn value(&self, key: Key, ws: &'w Workspace) -> Value {
        self.get(key, ws)
    }
}

/// The date a claim refers to, else the day its document was published.
pub fn claim_date(c: &ClaimRecord, ws: &Workspace) -> Option<DateRange> {
    c.date.or_else(|| ws.published(c.document).map(day))
}
