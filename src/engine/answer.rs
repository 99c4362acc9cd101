//! What a query answers with: titled tables of typed cells, plus the graph
//! nodes the answer is about (what `export` draws).
//!
//! Rows become cells here, in one place, so that the table, JSON and CSV
//! renderings show the same columns with the same values.

use super::rows::Row;
use super::schema;
use super::Workspace;
use crate::model::{Bound, ClaimRecord, DateRange, Precision, Quantity};
use crate::query::plan::{Key, Rows};
use petgraph::graph::NodeIndex;

/// One cell of a table: a typed [`super::Value`].
pub type Cell = super::Value;

/// A table with a header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Shown above the table when an answer has several.
    pub title: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// A record turned on its side: each row is a `field, value` pair of
    /// one object (a claim's provenance). JSON writes it as that object.
    pub record: bool,
    /// An answer of exactly one row (an entity, a finding): JSON writes
    /// the row as an object, not an array of one.
    pub one: bool,
}

impl Table {
    pub fn new(title: Option<&str>, columns: &[&str]) -> Table {
        Table {
            title: title.map(str::to_string),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            record: false,
            one: false,
        }
    }
    /// A `field, value` table of one record.
    pub fn record(title: Option<&str>) -> Table {
        Table {
            record: true,
            ..Table::new(title, &["field", "value"])
        }
    }
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }
}

/// The answer to one statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub tables: Vec<Table>,
    /// Graph nodes the answer shows, for `export`.
    pub nodes: Vec<NodeIndex>,
}

impl Answer {
    pub fn count(n: usize) -> Answer {
        let mut t = Table::new(None, &["count"]);
        t.push(vec![Cell::Int(n as i64)]);
        Answer {
            tables: vec![t],
            nodes: Vec::new(),
        }
    }
}

/// A number without a useless ".0".
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A figure as a reader writes it: "3", "≥ 6500", "≤ 10", "~300".
pub fn figure(q: &Quantity) -> String {
    let v = number(q.value);
    match q.bound {
        Bound::Exact => v,
        Bound::AtLeast => format!("≥ {v}"),
        Bound::AtMost => format!("≤ {v}"),
        Bound::Approx => format!("~{v}"),
    }
}

/// A date range at its precision: "2022-03-26", "2022-W12", "2022-03", "2022",
/// "2022-03-24..2022-03-25".
pub fn date(d: &DateRange) -> String {
    match d.precision {
        Precision::Year => d.start.format("%Y").to_string(),
        Precision::Month => d.start.format("%Y-%m").to_string(),
        Precision::Week => d.start.format("%G-W%V").to_string(),
        Precision::Day if d.start == d.end => d.start.to_string(),
        Precision::Day => format!("{}..{}", d.start, d.end),
    }
}

/// At most `max` characters, with an ellipsis when cut (on a char boundary).
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// Who says it, where: "autorités du Haut-Karabakh, in RT en français".
pub fn source(ws: &Workspace, c: &ClaimRecord) -> String {
    let outlet = ws.entity_name(c.outlet);
    let speaker = ws.entity_name(c.claimant);
    let via: Vec<&str> = c
        .via
        .iter()
        .filter_map(|v| ws.entity_name(Some(*v)))
        .collect();
    let mut s = match (speaker, outlet) {
        (Some(sp), Some(o)) if sp != o => format!("{sp}, in {o}"),
        (Some(sp), _) => sp.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => "unknown".to_string(),
    };
    if !via.is_empty() {
        s.push_str(&format!(" (via {})", via.join(", ")));
    }
    s
}

/// The table of a list answer (the default columns, or those `show`
/// names), and the nodes it shows.
pub fn rows(ws: &Workspace, kind: Rows, rows: &[Row], show: Option<&[Key]>) -> Answer {
    let keys: Vec<Key> = match show {
        Some(keys) => keys.to_vec(),
        None => kind
            .fields()
            .iter()
            .filter(|f| f.column)
            .map(|f| f.key)
            .collect(),
    };
    let columns: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    let mut table = Table::new(None, &columns);
    let mut nodes = Vec::new();
    for r in rows {
        table.push(keys.iter().map(|k| schema::get(r, *k, ws)).collect());
        match r {
            Row::Finding(f) => nodes.extend(
                [ws.graph.claim(f.a), ws.graph.claim(f.b)]
                    .into_iter()
                    .flatten(),
            ),
            Row::Claim(c) => nodes.extend(ws.graph.claim(c.id)),
            Row::Entity(e) => nodes.extend(ws.graph.entity(e.id)),
            Row::Event(e) => nodes.extend(ws.graph.event(e.id)),
            Row::Document(d) => nodes.extend(ws.graph.document(d.id)),
            Row::EventPair(p) => nodes.extend(
                p.left
                    .iter()
                    .chain(&p.right)
                    .filter_map(|id| ws.graph.claim(*id)),
            ),
            Row::Node(n) => nodes.push(n.index),
        }
    }
    Answer {
        tables: vec![table],
        nodes,
    }
}

/// A titled table of claims, with the default claim columns.
pub fn claim_table(ws: &Workspace, title: &str, claims: &[&ClaimRecord]) -> Table {
    let rows: Vec<Row> = claims.iter().map(|c| Row::Claim(c)).collect();
    let mut answer = self::rows(ws, Rows::Claims, &rows, None);
    let mut table = answer.tables.remove(0);
    table.title = Some(title.to_string());
    table
}

/// "killed 3 (soldats de l'Artsakh) — Armenpress".
pub fn claim_summary(ws: &Workspace, c: &ClaimRecord) -> String {
    let what = match (c.measure, c.quantity.as_ref()) {
        (Some(m), Some(q)) => {
            let subject = c
                .subject
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            format!("{m} {}{subject}", figure(q))
        }
        _ => format!("{} {}", c.polarity, shorten(&c.quote, 60)),
    };
    format!("{what} — {}", source(ws, c))
}
