//! GraphViz DOT for a subgraph: shape and colour by node kind,
//! contradictions as red edges labelled with their reason, agreements green,
//! updates dashed and pointing from the earlier claim to the later one.
//!
//! Attribute values are written inside double quotes: backslashes, quotes
//! and line breaks are escaped, and `&`, `<`, `>` are written as character
//! entities, because GraphViz decodes entities such as `&amp;` in ordinary
//! labels (a quote containing `&lt;` must not turn into `<`). No record or
//! HTML shapes are used, so `{`, `}`, `|` need nothing. Long quotes are
//! shortened and wrapped so that a picture stays readable.
//!
//! A claim's outlet has no edge of its own in the claim graph; the writer
//! links each document to its outlet (`published_by`) so that no node of the
//! picture floats alone.

use super::subgraph;
use crate::engine::Workspace;
use crate::graph::{Edge, Node};
use crate::model::FindingKind;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// Characters per label line, and lines at most, for quotes.
const WRAP: usize = 32;
const MAX_CHARS: usize = 120;
/// Characters at most of a finding's reason on its edge.
const REASON_CHARS: usize = 200;

/// Options of the DOT writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// Draw each document's claims inside a box (a GraphViz cluster).
    pub group_by_document: bool,
    /// Draw the grey `mentions` edges from documents to the entities they
    /// name (off by default: they clutter every picture).
    pub mentions: bool,
}

/// The DOT text of the subgraph of `nodes`.
pub fn render(ws: &Workspace, nodes: &[NodeIndex], options: DotOptions) -> String {
    let nodes = subgraph(ws, nodes);
    let keep: HashSet<NodeIndex> = nodes.iter().copied().collect();
    let mut out = String::from("digraph claimgraph {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");

    let mut clusters: BTreeMap<i64, Vec<NodeIndex>> = BTreeMap::new();
    for n in &nodes {
        match ws.graph.node(*n) {
            Some(Node::Claim(c)) if options.group_by_document => {
                clusters.entry(c.document).or_default().push(*n)
            }
            Some(node) => {
                let _ = writeln!(out, "  {}", node_line(node));
            }
            None => {}
        }
    }
    for (doc, members) in &clusters {
        let title = ws
            .document(*doc)
            .map(|d| {
                format!(
                    "document {doc}: {}",
                    d.meta.outlet.as_deref().unwrap_or("unknown outlet")
                )
            })
            .unwrap_or_else(|| format!("document {doc}"));
        let _ = writeln!(out, "  subgraph \"cluster_d{doc}\" {{");
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded,dashed\"; color=\"#888888\";",
            escape(&title)
        );
        for n in members {
            if let Some(node) = ws.graph.node(*n) {
                let _ = writeln!(out, "    {}", node_line(node));
            }
        }
        out.push_str("  }\n");
    }

    let g = ws.graph.graph();
    // Sorted by (kind, id) of both ends, then attributes: a stable order
    // that reads in id order (c2 before c10).
    let mut edges: Vec<(NodeKey, NodeKey, String)> = Vec::new();
    for n in &nodes {
        for e in g.edges(*n) {
            if !keep.contains(&e.target()) {
                continue;
            }
            if matches!(e.weight(), Edge::Mentions(_)) && !options.mentions {
                continue;
            }
            let (Some(a), Some(b)) = (g.node_weight(e.source()), g.node_weight(e.target())) else {
                continue;
            };
            edges.push((key(a), key(b), edge_attrs(e.weight())));
        }
    }
    for n in &nodes {
        if let Some(Node::Claim(c)) = ws.graph.node(*n) {
            let outlet = c.outlet.and_then(|o| ws.graph.entity(o));
            if let (Some(d), Some(o)) = (ws.graph.document(c.document), outlet) {
                if let (Some(a), Some(b)) = (g.node_weight(d), g.node_weight(o)) {
                    edges.push((
                        key(a),
                        key(b),
                        "label=\"published_by\", color=\"#888888\", style=dotted".to_string(),
                    ));
                }
            }
        }
    }
    edges.sort();
    edges.dedup();
    for (a, b, attrs) in edges {
        let (a, b) = (key_id(a), key_id(b));
        let _ = writeln!(out, "  \"{a}\" -> \"{b}\" [{attrs}];");
    }
    out.push_str("}\n");
    out
}

/// A node's kind rank and id: what edges are sorted by.
type NodeKey = (u8, i64);

fn key(node: &Node) -> NodeKey {
    let rank = match node {
        Node::Document(_) => 0,
        Node::Entity(_) => 1,
        Node::Event(_) => 2,
        Node::Claim(_) => 3,
    };
    (rank, node.id())
}

fn key_id((rank, id): NodeKey) -> String {
    let prefix = ["d", "e", "v", "c"]
        .get(rank as usize)
        .copied()
        .unwrap_or("n");
    format!("{prefix}{id}")
}

fn node_id(node: &Node) -> String {
    let prefix = match node {
        Node::Document(_) => "d",
        Node::Entity(_) => "e",
        Node::Event(_) => "v",
        Node::Claim(_) => "c",
    };
    format!("{prefix}{}", node.id())
}

fn node_line(node: &Node) -> String {
    let (label, style) = match node {
        Node::Document(d) => (
            format!(
                "{}\n{}",
                d.meta.outlet.as_deref().unwrap_or("unknown outlet"),
                d.meta
                    .published
                    .map_or("undated".to_string(), |p| p.to_string())
            ),
            "shape=note, style=filled, fillcolor=\"#e8e8e8\"",
        ),
        Node::Entity(e) => (
            format!("{}\n({})", e.name, e.kind),
            match e.kind {
                crate::model::EntityKind::Outlet => {
                    "shape=component, style=filled, fillcolor=\"#d9e8fb\""
                }
                crate::model::EntityKind::Person => {
                    "shape=ellipse, style=filled, fillcolor=\"#fde9d9\""
                }
                crate::model::EntityKind::Organization => {
                    "shape=hexagon, style=filled, fillcolor=\"#e4dff5\""
                }
                _ => "shape=ellipse, style=filled, fillcolor=\"#e2f0d9\"",
            },
        ),
        Node::Event(e) => (
            match &e.time {
                Some(t) => format!("{} (event {})\n{}", e.kind, e.id, when(t)),
                None => format!("{} (event {})", e.kind, e.id),
            },
            "shape=diamond, style=filled, fillcolor=\"#fff2cc\"",
        ),
        Node::Claim(c) => {
            let head = match (c.measure, c.quantity.as_ref()) {
                (Some(m), Some(q)) => format!("claim {}: {m} {}", c.id, crate::engine::figure(q)),
                _ => format!("claim {}: {}", c.id, c.kind),
            };
            (
                format!(
                    "{head}\n{}",
                    wrap(&crate::engine::shorten(&c.quote, MAX_CHARS), WRAP)
                ),
                "shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"",
            )
        }
    };
    format!(
        "\"{}\" [label=\"{}\", {style}];",
        node_id(node),
        escape(&label)
    )
}

/// A date range as "2022-03-26" or "2022-03-24..2022-03-25".
fn when(t: &crate::model::DateRange) -> String {
    if t.start == t.end {
        t.start.to_string()
    } else {
        format!("{}..{}", t.start, t.end)
    }
}

fn edge_attrs(edge: &Edge) -> String {
    match edge {
        Edge::Finding(f) => {
            let label = escape(&wrap(&crate::engine::shorten(&f.reason, REASON_CHARS), 40));
            match f.kind {
                FindingKind::Contradiction => format!("label=\"{label}\", color=red, fontcolor=red, penwidth=2, dir=none"),
                FindingKind::Agreement => format!("label=\"{label}\", color=\"#2e7d32\", fontcolor=\"#2e7d32\", penwidth=2, dir=none"),
                FindingKind::Update => format!("label=\"{label}\", color=\"#1565c0\", fontcolor=\"#1565c0\", style=dashed"),
            }
        }
        Edge::Involves(role) => format!("label=\"involves ({role})\", color=\"#888888\""),
        // Context, not evidence: drawn lighter so that the claims stand out.
        Edge::Mentions(_) => {
            "label=\"mentions\", color=\"#cccccc\", fontcolor=\"#999999\", arrowsize=0.5"
                .to_string()
        }
        other => format!("label=\"{}\", color=\"#888888\"", other.name()),
    }
}

/// Escape text for a double-quoted DOT attribute: backslash, quote, line
/// breaks (written as DOT's centred-line `\n`), and `&`, `<`, `>` as
/// character entities; other control characters are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Break text into lines of about `width` characters at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a \"b\" \\ c\nd\r\u{7}"), "a \\\"b\\\" \\\\ c\\nd");
        assert_eq!(escape("<b>&amp;</b>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("un deux trois quatre", 9), "un deux\ntrois\nquatre");
    }
}
