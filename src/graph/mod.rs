//! The claim graph: documents, entities, events and claims as typed petgraph
//! nodes, linked by typed edges, built from the store's records.
//!
//! The store is the source of truth; this graph is rebuilt from it for
//! traversal: the query language walks neighbourhoods, paths between
//! entities and the claims of an entity, event or outlet through the helpers
//! here.
//!
//! Edges (see ARCHITECTURE.md): claim → document `reported_in`; claim →
//! entity `stated_by` and `via`; claim → event `about`; event → entity
//! `involves` (with a role) and `at`; document → entity `mentions` (with
//! spans); claim → claim `contradicts`, `agrees_with`, `updates` (earlier →
//! later), each carrying its finding.

use crate::analysis::words::fold;
use crate::model::{
    ClaimRecord, DocumentRecord, EntityRecord, EventRecord, FindingKind, FindingRecord,
    MentionRecord, Role, Span,
};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// A node of the claim graph: one stored record.
// Claims are both the largest and by far the most numerous nodes, so boxing
// them would add an allocation per claim and save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Document(DocumentRecord),
    Entity(EntityRecord),
    Event(EventRecord),
    Claim(ClaimRecord),
}

impl Node {
    /// "document", "entity", "event" or "claim".
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Document(_) => "document",
            Node::Entity(_) => "entity",
            Node::Event(_) => "event",
            Node::Claim(_) => "claim",
        }
    }

    /// The store id of the record.
    pub fn id(&self) -> i64 {
        match self {
            Node::Document(d) => d.id,
            Node::Entity(e) => e.id,
            Node::Event(e) => e.id,
            Node::Claim(c) => c.id,
        }
    }
}

/// A typed edge of the claim graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Edge {
    ReportedIn,
    StatedBy,
    Via,
    About,
    Involves(Role),
    At,
    /// Where the document names the entity.
    Mentions(Vec<Span>),
    /// `contradicts`, `agrees_with` or `updates`, by the finding's kind.
    Finding(FindingRecord),
}

impl Edge {
    /// The edge's name in the query language and in exports.
    pub fn name(&self) -> &'static str {
        match self {
            Edge::ReportedIn => "reported_in",
            Edge::StatedBy => "stated_by",
            Edge::Via => "via",
            Edge::About => "about",
            Edge::Involves(_) => "involves",
            Edge::At => "at",
            Edge::Mentions(_) => "mentions",
            Edge::Finding(f) => match f.kind {
                FindingKind::Contradiction => "contradicts",
                FindingKind::Agreement => "agrees_with",
                FindingKind::Update => "updates",
            },
        }
    }
}

/// Typed nodes and edges over the stored records, with indexes by id and by
/// any folded spelling of an entity.
#[derive(Debug, Default)]
pub struct ClaimGraph {
    graph: DiGraph<Node, Edge>,
    documents: BTreeMap<i64, NodeIndex>,
    entities: BTreeMap<i64, NodeIndex>,
    events: BTreeMap<i64, NodeIndex>,
    claims: BTreeMap<i64, NodeIndex>,
    names: HashMap<String, Vec<i64>>,
    by_outlet: HashMap<i64, Vec<NodeIndex>>,
    by_subject: HashMap<i64, Vec<NodeIndex>>,
}

impl ClaimGraph {
    /// Build the graph. Nodes are inserted in id order within each kind, so
    /// the graph (and any export of it) is stable. References to ids that are
    /// not among the records are skipped.
    pub fn build(
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        mentions: &[MentionRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
        findings: &[FindingRecord],
    ) -> ClaimGraph {
        let mut g = ClaimGraph::default();
        for d in sorted(documents, |d| d.id) {
            let n = g.graph.add_node(Node::Document(d.clone()));
            g.documents.insert(d.id, n);
        }
        for e in sorted(entities, |e| e.id) {
            let n = g.graph.add_node(Node::Entity(e.clone()));
            g.entities.insert(e.id, n);
            let spellings = std::iter::once(&e.name).chain(e.aliases.iter().map(|a| &a.name));
            for name in spellings {
                let ids = g.names.entry(fold(name)).or_default();
                if !ids.contains(&e.id) {
                    ids.push(e.id);
                }
            }
        }
        for e in sorted(events, |e| e.id) {
            let n = g.graph.add_node(Node::Event(e.clone()));
            g.events.insert(e.id, n);
            if let Some(p) = e.place.and_then(|p| g.entities.get(&p)) {
                g.graph.add_edge(n, *p, Edge::At);
            }
            for p in &e.participants {
                if let Some(t) = g.entities.get(&p.entity) {
                    g.graph.add_edge(n, *t, Edge::Involves(p.role));
                }
            }
        }
        let mut spans: BTreeMap<(i64, i64), Vec<Span>> = BTreeMap::new();
        for m in mentions {
            spans
                .entry((m.document, m.entity))
                .or_default()
                .push(m.span);
        }
        for ((doc, entity), mut s) in spans {
            if let (Some(d), Some(e)) = (g.documents.get(&doc), g.entities.get(&entity)) {
                s.sort();
                s.dedup();
                g.graph.add_edge(*d, *e, Edge::Mentions(s));
            }
        }
        for c in sorted(claims, |c| c.id) {
            let n = g.graph.add_node(Node::Claim(c.clone()));
            g.claims.insert(c.id, n);
            if let Some(d) = g.documents.get(&c.document) {
                g.graph.add_edge(n, *d, Edge::ReportedIn);
            }
            if let Some(who) = c.claimant.and_then(|w| g.entities.get(&w)) {
                g.graph.add_edge(n, *who, Edge::StatedBy);
            }
            for v in &c.via {
                if let Some(v) = g.entities.get(v) {
                    g.graph.add_edge(n, *v, Edge::Via);
                }
            }
            if let Some(e) = c.event.and_then(|e| g.events.get(&e)) {
                g.graph.add_edge(n, *e, Edge::About);
            }
            if let Some(o) = c.outlet {
                g.by_outlet.entry(o).or_default().push(n);
            }
            if let Some(s) = c.subject_entity {
                g.by_subject.entry(s).or_default().push(n);
            }
        }
        for f in sorted(findings, |f| (f.id, f.a, f.b)) {
            if let (Some(a), Some(b)) = (g.claims.get(&f.a), g.claims.get(&f.b)) {
                g.graph.add_edge(*a, *b, Edge::Finding(f.clone()));
            }
        }
        g
    }

    /// The underlying petgraph graph (for exports such as DOT).
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    pub fn node(&self, n: NodeIndex) -> Option<&Node> {
        self.graph.node_weight(n)
    }

    pub fn edge(&self, e: EdgeIndex) -> Option<&Edge> {
        self.graph.edge_weight(e)
    }

    pub fn document(&self, id: i64) -> Option<NodeIndex> {
        self.documents.get(&id).copied()
    }
    pub fn entity(&self, id: i64) -> Option<NodeIndex> {
        self.entities.get(&id).copied()
    }
    pub fn event(&self, id: i64) -> Option<NodeIndex> {
        self.events.get(&id).copied()
    }
    pub fn claim(&self, id: i64) -> Option<NodeIndex> {
        self.claims.get(&id).copied()
    }

    /// The ids of every event of the graph, in id order.
    pub fn event_ids(&self) -> Vec<i64> {
        self.events.keys().copied().collect()
    }

    /// The ids of every document of the graph, in id order.
    pub fn document_ids(&self) -> Vec<i64> {
        self.documents.keys().copied().collect()
    }

    /// The ids of every claim of the graph, in id order.
    pub fn claim_ids(&self) -> Vec<i64> {
        self.claims.keys().copied().collect()
    }

    /// Entities any of whose spellings folds to the same text as `name`
    /// (case, accents, apostrophes and spaces ignored), in id order.
    pub fn entities_named(&self, name: &str) -> Vec<i64> {
        let mut ids = self.names.get(&fold(name)).cloned().unwrap_or_default();
        ids.sort_unstable();
        ids
    }

    /// Nodes within `depth` steps of `start`, edges taken in either
    /// direction, with their distance; `start` itself is at distance 0.
    /// Sorted by distance, then node index.
    pub fn neighbours(&self, start: NodeIndex, depth: usize) -> Vec<(NodeIndex, usize)> {
        if self.graph.node_weight(start).is_none() {
            return Vec::new();
        }
        let mut seen: HashMap<NodeIndex, usize> = HashMap::from([(start, 0)]);
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let Some(&d) = seen.get(&n) else { continue };
            if d == depth {
                continue;
            }
            for m in self.graph.neighbors_undirected(n) {
                if let std::collections::hash_map::Entry::Vacant(v) = seen.entry(m) {
                    v.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        let mut out: Vec<(NodeIndex, usize)> = seen.into_iter().collect();
        out.sort_by_key(|&(n, d)| (d, n));
        out
    }

    /// A shortest chain of nodes from entity `a` to entity `b` (both
    /// included), edges taken in either direction; `None` when unconnected.
    pub fn shortest_path(&self, a: i64, b: i64) -> Option<Vec<NodeIndex>> {
        let (from, to) = (self.entity(a)?, self.entity(b)?);
        let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        prev.insert(from, from);
        while let Some(n) = queue.pop_front() {
            if n == to {
                let mut path = vec![to];
                let mut cur = to;
                while cur != from {
                    cur = *prev.get(&cur)?;
                    path.push(cur);
                }
                path.reverse();
                return Some(path);
            }
            let mut next: Vec<NodeIndex> = self.graph.neighbors_undirected(n).collect();
            next.sort();
            for m in next {
                prev.entry(m).or_insert_with(|| {
                    queue.push_back(m);
                    n
                });
            }
        }
        None
    }

    /// Claims an entity states, relays (`via`) or counts (subject), in id
    /// order.
    pub fn claims_of_entity(&self, entity: i64) -> Vec<&ClaimRecord> {
        let Some(n) = self.entity(entity) else {
            return Vec::new();
        };
        let mut out: Vec<&ClaimRecord> = self
            .graph
            .edges_directed(n, Direction::Incoming)
            .filter(|e| matches!(e.weight(), Edge::StatedBy | Edge::Via))
            .filter_map(|e| self.claim_at(e.source()))
            .collect();
        if let Some(ns) = self.by_subject.get(&entity) {
            out.extend(ns.iter().filter_map(|n| self.claim_at(*n)));
        }
        tidy(out)
    }

    /// Claims about an event, in id order.
    pub fn claims_of_event(&self, event: i64) -> Vec<&ClaimRecord> {
        let Some(n) = self.event(event) else {
            return Vec::new();
        };
        tidy(
            self.graph
                .edges_directed(n, Direction::Incoming)
                .filter(|e| matches!(e.weight(), Edge::About))
                .filter_map(|e| self.claim_at(e.source()))
                .collect(),
        )
    }

    /// Claims published by an outlet (the entity id of the outlet), in id
    /// order.
    pub fn claims_of_outlet(&self, outlet: i64) -> Vec<&ClaimRecord> {
        tidy(
            self.by_outlet
                .get(&outlet)
                .map(|ns| ns.iter().filter_map(|n| self.claim_at(*n)).collect())
                .unwrap_or_default(),
        )
    }

    /// Findings that involve a claim, as (the other claim, the finding).
    pub fn findings_of_claim(&self, claim: i64) -> Vec<(i64, &FindingRecord)> {
        let Some(n) = self.claim(claim) else {
            return Vec::new();
        };
        let mut out: Vec<(i64, &FindingRecord)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .filter_map(|e| match e.weight() {
                Edge::Finding(f) => Some((if f.a == claim { f.b } else { f.a }, f)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(other, f)| (f.kind, *other));
        out
    }

    fn claim_at(&self, n: NodeIndex) -> Option<&ClaimRecord> {
        match self.graph.node_weight(n) {
            Some(Node::Claim(c)) => Some(c),
            _ => None,
        }
    }
}

fn sorted<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().collect();
    v.sort_by_key(|t| key(t));
    v
}

fn tidy(mut claims: Vec<&ClaimRecord>) -> Vec<&ClaimRecord> {
    claims.sort_by_key(|c| c.id);
    claims.dedup_by_key(|c| c.id);
    claims
}
