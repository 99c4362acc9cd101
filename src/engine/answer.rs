//! What a query answers with: titled tables of typed cells, plus the graph
//! nodes the answer is about (what `export` draws).
//!
//! Rows become cells here, in one place, so that the table, JSON and CSV
//! renderings show the same columns with the same values.

use super::rows::{claim_date, Row};
use super::Workspace;
use crate::model::{Bound, ClaimRecord, DateRange, FindingRecord, Precision, Quantity};
use crate::query::plan::Rows;
use petgraph::graph::NodeIndex;
use serde::Serialize;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Null,
    Int(i64),
    Num(f64),
    Bool(bool),
    Text(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.into()))
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Null => Ok(()),
            Cell::Int(i) => write!(f, "{i}"),
            Cell::Num(n) => write!(f, "{}", number(*n)),
            Cell::Bool(b) => write!(f, "{b}"),
            Cell::Text(t) => f.write_str(t),
        }
    }
}

/// A table with a header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Shown above the table when an answer has several.
    pub title: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(title: Option<&str>, columns: &[&str]) -> Table {
        Table {
            title: title.map(str::to_string),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
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

const FINDING_COLUMNS: &[&str] = &[
    "id", "kind", "reason", "claim_a", "source_a", "quote_a", "claim_b", "source_b", "quote_b",
];
const CLAIM_COLUMNS: &[&str] = &[
    "id", "kind", "polarity", "measure", "value", "subject", "counted", "claimant", "outlet",
    "date", "quote",
];

/// The table of a list answer, and the nodes it shows.
pub fn rows(ws: &Workspace, kind: Rows, rows: &[Row]) -> Answer {
    let mut nodes = Vec::new();
    let table = match kind {
        Rows::Findings => {
            let mut t = Table::new(None, FINDING_COLUMNS);
            for r in rows {
                if let Row::Finding(f) = r {
                    t.push(finding_cells(ws, f));
                    nodes.extend(
                        [ws.graph.claim(f.a), ws.graph.claim(f.b)]
                            .into_iter()
                            .flatten(),
                    );
                }
            }
            t
        }
        Rows::Claims => {
            let mut t = Table::new(None, CLAIM_COLUMNS);
            for r in rows {
                if let Row::Claim(c) = r {
                    t.push(claim_cells(ws, c));
                    nodes.extend(ws.graph.claim(c.id));
                }
            }
            t
        }
        Rows::Entities => {
            let mut t = Table::new(
                None,
                &["id", "name", "kind", "aliases", "mentions", "claims"],
            );
            for r in rows {
                if let Row::Entity(e) = r {
                    let aliases: Vec<&str> = e.aliases.iter().map(|a| a.name.as_str()).collect();
                    t.push(vec![
                        Cell::Int(e.id),
                        Cell::text(&e.name),
                        Cell::text(e.kind.as_str()),
                        Cell::text(aliases.join("; ")),
                        Cell::Int(ws.mention_count(e.id) as i64),
                        Cell::Int(ws.graph.claims_of_entity(e.id).len() as i64),
                    ]);
                    nodes.extend(ws.graph.entity(e.id));
                }
            }
            t
        }
        Rows::Events => {
            let mut t = Table::new(
                None,
                &["id", "kind", "date", "place", "participants", "document"],
            );
            for r in rows {
                if let Row::Event(e) = r {
                    let who: Vec<String> = e
                        .participants
                        .iter()
                        .filter_map(|p| {
                            ws.entity_name(Some(p.entity))
                                .map(|n| format!("{n} ({})", p.role))
                        })
                        .collect();
                    t.push(vec![
                        Cell::Int(e.id),
                        Cell::text(e.kind.as_str()),
                        Cell::opt(e.time.as_ref().map(date)),
                        Cell::opt(ws.entity_name(e.place)),
                        Cell::text(who.join("; ")),
                        Cell::Int(e.document),
                    ]);
                    nodes.extend(ws.graph.event(e.id));
                }
            }
            t
        }
        Rows::Documents => {
            let mut t = Table::new(
                None,
                &["id", "outlet", "published", "title", "source", "bytes"],
            );
            for r in rows {
                if let Row::Document(d) = r {
                    t.push(vec![
                        Cell::Int(d.id),
                        Cell::opt(d.meta.outlet.clone()),
                        Cell::opt(d.meta.published.map(|p| p.to_string())),
                        Cell::opt(d.meta.title.clone()),
                        Cell::text(&d.source),
                        Cell::Int(d.len as i64),
                    ]);
                    nodes.extend(ws.graph.document(d.id));
                }
            }
            t
        }
        Rows::EventPairs => {
            let mut t = Table::new(None, &["event", "kind", "date", "left", "right"]);
            for r in rows {
                if let Row::EventPair(p) = r {
                    let side = |ids: &[i64]| {
                        ids.iter()
                            .filter_map(|id| ws.claim(*id))
                            .map(|c| format!("#{} {}", c.id, claim_summary(ws, c)))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    let ev = ws.event(p.event);
                    t.push(vec![
                        Cell::Int(p.event),
                        Cell::opt(ev.map(|e| e.kind.to_string())),
                        Cell::opt(ev.and_then(|e| e.time.as_ref()).map(date)),
                        Cell::text(side(&p.left)),
                        Cell::text(side(&p.right)),
                    ]);
                    nodes.extend(
                        p.left
                            .iter()
                            .chain(&p.right)
                            .filter_map(|id| ws.graph.claim(*id)),
                    );
                }
            }
            t
        }
        Rows::Nodes => {
            let mut t = Table::new(None, &["depth", "node", "id", "name"]);
            for r in rows {
                if let Row::Node { index, depth } = r {
                    if let Some(n) = ws.graph.node(*index) {
                        t.push(vec![
                            Cell::Int(*depth as i64),
                            Cell::text(n.kind()),
                            Cell::Int(n.id()),
                            Cell::text(ws.node_label(*index)),
                        ]);
                        nodes.push(*index);
                    }
                }
            }
            t
        }
        Rows::EntityDetail | Rows::Provenance | Rows::PathSteps | Rows::Stats => {
            Table::new(None, &[])
        }
    };
    Answer {
        tables: vec![table],
        nodes,
    }
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

pub fn finding_cells(ws: &Workspace, f: &FindingRecord) -> Vec<Cell> {
    let side = |id: i64| match ws.claim(id) {
        Some(c) => [
            Cell::Int(id),
            Cell::text(source(ws, c)),
            Cell::text(&c.quote),
        ],
        None => [Cell::Int(id), Cell::Null, Cell::Null],
    };
    let mut cells = vec![
        Cell::Int(f.id),
        Cell::text(f.kind.as_str()),
        Cell::text(&f.reason),
    ];
    cells.extend(side(f.a));
    cells.extend(side(f.b));
    cells
}

pub fn claim_cells(ws: &Workspace, c: &ClaimRecord) -> Vec<Cell> {
    vec![
        Cell::Int(c.id),
        Cell::text(c.kind.as_str()),
        Cell::text(c.polarity.as_str()),
        Cell::opt(c.measure.map(|m| m.to_string())),
        Cell::opt(c.quantity.as_ref().map(figure)),
        Cell::opt(c.subject.clone()),
        Cell::opt((!c.counted.is_empty()).then(|| c.counted.to_string())),
        Cell::opt(ws.entity_name(c.claimant)),
        Cell::opt(ws.entity_name(c.outlet)),
        Cell::opt(claim_date(c, ws).as_ref().map(date)),
        Cell::text(&c.quote),
    ]
}

pub fn claim_columns() -> &'static [&'static str] {
    CLAIM_COLUMNS
}
