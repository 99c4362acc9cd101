//! Exports of a query's subgraph: GraphViz DOT (to render into a report or a
//! slide, [`dot`], optionally through the `dot` program, [`render`]) and
//! versioned JSON ([`json`]) that [`import`] loads back into a database.
//!
//! The subgraph of an answer is the nodes it shows plus the nodes needed to
//! read them: a claim brings its document, its speaker, its outlet and the
//! agencies cited in between. Nodes and edges are written in a stable order,
//! so the same query on the same database gives the same bytes.

pub mod dot;
pub mod import;
pub mod json;
mod locate;
pub mod render;

use crate::engine::Workspace;
use crate::graph::Node;
use petgraph::graph::NodeIndex;
use std::collections::BTreeSet;

/// The answer's nodes and the context each needs, in a stable order
/// (documents, entities, events, claims; by id within each kind).
pub fn subgraph(ws: &Workspace, nodes: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut keep: BTreeSet<NodeIndex> = nodes.iter().copied().collect();
    for n in nodes {
        if let Some(Node::Claim(c)) = ws.graph.node(*n) {
            keep.extend(ws.graph.document(c.document));
            keep.extend(c.claimant.and_then(|e| ws.graph.entity(e)));
            keep.extend(c.outlet.and_then(|e| ws.graph.entity(e)));
            keep.extend(c.via.iter().filter_map(|v| ws.graph.entity(*v)));
        }
    }
    let mut out: Vec<NodeIndex> = keep.into_iter().collect();
    out.sort_by_key(|n| match ws.graph.node(*n) {
        Some(node) => (rank(node), node.id()),
        None => (4, 0),
    });
    out
}

fn rank(node: &Node) -> u8 {
    match node {
        Node::Document(_) => 0,
        Node::Entity(_) => 1,
        Node::Event(_) => 2,
        Node::Claim(_) => 3,
    }
}
