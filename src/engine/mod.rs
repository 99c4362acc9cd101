//! Evaluation: running a planned query over the claim graph.
//!
//! A [`Workspace`] is the graph loaded from a store, plus the store itself
//! for what the graph does not hold (document texts, to quote whole
//! sentences). [`Workspace::evaluate`] walks a [`Plan`]'s operations in
//! order and produces an [`Answer`]: tables of cells that the renderers print
//! as a table, JSON or CSV, and the nodes an `export` writes.

mod answer;
mod indexed;
mod rows;
pub mod schema;
mod sources;

pub use answer::{figure, shorten, Answer, Cell, Table};
pub use rows::{iso_date, EventPair, NodeAt, Row, Value, Word};

use crate::analysis::words::fold;
use crate::graph::{ClaimGraph, Node as GraphNode};
use crate::model::{
    ClaimRecord, DocumentRecord, EntityRecord, EventRecord, FindingRecord, MentionRecord,
};
use crate::query::ast::{Name, Node, NodeKind, SrcSpan};
use crate::query::diagnostic::{unknown_name, Code, Diagnostic};
use crate::query::plan::{Check, Filter, Op, Plan};
use crate::store::Store;
use chrono::NaiveDate;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by a Ctrl-C handler (the REPL's) to stop the running statement.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

fn interrupted() -> bool {
    INTERRUPT.load(Ordering::Relaxed)
}

/// The claim graph of one store, ready to answer queries.
///
/// A workspace made by [`Workspace::load`] holds the whole store as a
/// graph. One made by [`Workspace::open`] holds nothing at first: each
/// statement is answered from the store's indexes, through a graph of just
/// the records it needs (see [`indexed`]); a statement that cannot be
/// answered so loads the whole store once, and keeps it.
pub struct Workspace {
    store: Store,
    pub graph: ClaimGraph,
    findings: Vec<FindingRecord>,
    mention_counts: HashMap<i64, usize>,
    /// Every spelling of every entity, for "did you mean" suggestions
    /// (read from the store when first asked, unless the graph is whole).
    spellings: std::sync::OnceLock<Vec<String>>,
    mode: Mode,
    /// An indexed workspace's whole graph, once a statement needed it.
    whole: std::sync::OnceLock<Box<Workspace>>,
}

/// What a workspace's graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Every record of the store.
    Whole,
    /// Nothing: statements read the store through its indexes.
    Indexed,
    /// The records one statement needs.
    Part,
}

impl Workspace {
    /// Load every record of `store` into a claim graph.
    pub fn load(store: Store) -> crate::Result<Workspace> {
        let documents = store.documents()?;
        let entities = store.entities()?;
        let mentions: Vec<MentionRecord> = store.mentions()?;
        let events = store.events()?;
        let claims = store.claims()?;
        let findings = store.findings()?;
        let mut spellings: Vec<String> = entities
            .iter()
            .flat_map(|e| {
                std::iter::once(e.name.clone()).chain(e.aliases.iter().map(|a| a.name.clone()))
            })
            .collect();
        spellings.sort();
        spellings.dedup();
        let ws = Workspace::of_records(
            store,
            Mode::Whole,
            &documents,
            &entities,
            &mentions,
            &events,
            &claims,
            findings,
        );
        let _ = ws.spellings.set(spellings);
        Ok(ws)
    }

    /// A workspace over `store` that answers each statement from the
    /// store's indexes, reading only the records the statement needs. An
    /// in-memory store (which no second connection can see) is loaded whole.
    pub fn open(store: Store) -> crate::Result<Workspace> {
        if !store.on_disk() {
            return Workspace::load(store);
        }
        Ok(Workspace {
            store,
            graph: ClaimGraph::default(),
            findings: Vec::new(),
            mention_counts: HashMap::new(),
            spellings: std::sync::OnceLock::new(),
            mode: Mode::Indexed,
            whole: std::sync::OnceLock::new(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn of_records(
        store: Store,
        mode: Mode,
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        mentions: &[MentionRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
        findings: Vec<FindingRecord>,
    ) -> Workspace {
        let graph = ClaimGraph::build(documents, entities, mentions, events, claims, &findings);
        let mut mention_counts = HashMap::new();
        for m in mentions {
            *mention_counts.entry(m.entity).or_insert(0) += 1;
        }
        Workspace {
            store,
            graph,
            findings,
            mention_counts,
            spellings: std::sync::OnceLock::new(),
            mode,
            whole: std::sync::OnceLock::new(),
        }
    }

    /// The store behind this workspace.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Every spelling of every entity (for completion and suggestions).
    pub fn spellings(&self) -> &[String] {
        self.spellings
            .get_or_init(|| self.store.spellings().unwrap_or_default())
    }

    /// The workspace whose graph an answer's nodes index: the whole graph
    /// (an indexed workspace answers a statement that exports from it).
    pub fn exporter(&self) -> Result<&Workspace, Diagnostic> {
        match self.mode {
            Mode::Indexed => self.whole(),
            _ => Ok(self),
        }
    }

    /// Run a plan. Export operations are not performed here: the answer
    /// carries the nodes, and the caller writes the file.
    ///
    /// On an indexed workspace the nodes index [`Workspace::exporter`]'s
    /// graph only when the plan exports.
    pub fn evaluate(&self, plan: &Plan) -> Result<Answer, Diagnostic> {
        if self.mode == Mode::Indexed {
            return indexed::evaluate(self, plan);
        }
        self.evaluate_here(plan)
    }

    /// Run a plan over this workspace's own graph.
    fn evaluate_here(&self, plan: &Plan) -> Result<Answer, Diagnostic> {
        // `compare` rows are built before the walk so that rows can borrow them.
        let pairs = match plan.ops.first() {
            Some(Op::Compare { left, right }) => sources::compare(self, left, right)?,
            _ => Vec::new(),
        };
        let mut rows: Vec<Row> = Vec::new();
        let mut answer: Option<Answer> = None;
        for op in &plan.ops {
            if interrupted() {
                return Err(
                    Diagnostic::new(Code::Interrupted, "interrupted", SrcSpan::default())
                        .with_label("stopped by Ctrl-C"),
                );
            }
            match op {
                Op::ScanFindings(kind) => {
                    rows = self
                        .findings
                        .iter()
                        .filter(|f| kind.map_or(true, |k| f.kind == k))
                        .map(Row::Finding)
                        .collect();
                }
                Op::ScanClaims => {
                    rows = self.records(|n| match n {
                        GraphNode::Claim(c) => Some(Row::Claim(c)),
                        _ => None,
                    })
                }
                Op::ScanEntities => {
                    rows = self.records(|n| match n {
                        GraphNode::Entity(e) => Some(Row::Entity(e)),
                        _ => None,
                    })
                }
                Op::ScanEvents => {
                    rows = self.records(|n| match n {
                        GraphNode::Event(e) => Some(Row::Event(e)),
                        _ => None,
                    })
                }
                Op::ScanDocuments => {
                    rows = self.records(|n| match n {
                        GraphNode::Document(d) => Some(Row::Document(d)),
                        _ => None,
                    })
                }
                Op::Entity(node) => answer = Some(sources::entity_detail(self, node)?),
                Op::Provenance(node) => answer = Some(sources::provenance(self, node)?),
                Op::Compare { .. } => rows = pairs.iter().map(Row::EventPair).collect(),
                Op::Traverse { from, depth } => {
                    let start = self.node_index(from)?;
                    let depth = usize::try_from(*depth).unwrap_or(usize::MAX);
                    rows = self
                        .graph
                        .neighbours(start, depth)
                        .into_iter()
                        .map(|(index, depth)| Row::Node(NodeAt { index, depth }))
                        .collect();
                }
                Op::ShortestPath { from, to } => answer = Some(sources::path(self, from, to)?),
                Op::Stats => answer = Some(sources::stats(self)),
                Op::Filter(filter) => {
                    let resolved = self.resolve_filter(filter)?;
                    rows.retain(|r| !interrupted() && self.passes(r, filter, &resolved));
                }
                Op::Order(keys) => rows.sort_by(|a, b| {
                    keys.iter()
                        .map(|k| {
                            let (va, vb) = (a.value(k.key, self), b.value(k.key, self));
                            // Missing values come last, whatever the direction.
                            match (va.is_missing(), vb.is_missing()) {
                                (true, false) => std::cmp::Ordering::Greater,
                                (false, true) => std::cmp::Ordering::Less,
                                _ if k.descending => va.sort_cmp(&vb).reverse(),
                                _ => va.sort_cmp(&vb),
                            }
                        })
                        .find(|o| o.is_ne())
                        .unwrap_or(std::cmp::Ordering::Equal)
                }),
                Op::Limit(n) => {
                    let n = usize::try_from(*n).unwrap_or(usize::MAX);
                    if rows.len() > n {
                        rows.truncate(n);
                    }
                }
                Op::Count => return Ok(Answer::count(rows.len())),
                Op::Export { .. } | Op::Show(_) => {}
            }
        }
        Ok(match answer {
            Some(a) => a,
            None => answer::rows(self, plan.rows, &rows, plan.show()),
        })
    }

    fn records<'w>(&'w self, pick: impl Fn(&'w GraphNode) -> Option<Row<'w>>) -> Vec<Row<'w>> {
        self.graph.graph().node_weights().filter_map(pick).collect()
    }

    // ----------------------------------------------------------- lookups

    pub fn claim(&self, id: i64) -> Option<&ClaimRecord> {
        match self.graph.node(self.graph.claim(id)?) {
            Some(GraphNode::Claim(c)) => Some(c),
            _ => None,
        }
    }
    pub fn entity(&self, id: i64) -> Option<&EntityRecord> {
        match self.graph.node(self.graph.entity(id)?) {
            Some(GraphNode::Entity(e)) => Some(e),
            _ => None,
        }
    }
    pub fn event(&self, id: i64) -> Option<&EventRecord> {
        match self.graph.node(self.graph.event(id)?) {
            Some(GraphNode::Event(e)) => Some(e),
            _ => None,
        }
    }
    pub fn document(&self, id: i64) -> Option<&DocumentRecord> {
        match self.graph.node(self.graph.document(id)?) {
            Some(GraphNode::Document(d)) => Some(d),
            _ => None,
        }
    }
    pub fn finding(&self, id: i64) -> Option<&FindingRecord> {
        self.findings.iter().find(|f| f.id == id)
    }
    pub fn findings(&self) -> &[FindingRecord] {
        &self.findings
    }
    pub fn published(&self, document: i64) -> Option<NaiveDate> {
        self.document(document).and_then(|d| d.meta.published)
    }
    pub fn mention_count(&self, entity: i64) -> usize {
        self.mention_counts.get(&entity).copied().unwrap_or(0)
    }
    pub fn entity_name(&self, id: Option<i64>) -> Option<&str> {
        id.and_then(|id| self.entity(id)).map(|e| e.name.as_str())
    }

    /// A short human label of a graph node.
    pub fn node_label(&self, index: NodeIndex) -> String {
        match self.graph.node(index) {
            Some(GraphNode::Document(d)) => format!(
                "{} ({})",
                d.meta.outlet.as_deref().unwrap_or("unknown outlet"),
                d.meta
                    .published
                    .map_or("undated".to_string(), |p| p.to_string())
            ),
            Some(GraphNode::Entity(e)) => e.name.clone(),
            Some(GraphNode::Event(e)) => format!("{} (document {})", e.kind, e.document),
            Some(GraphNode::Claim(c)) => answer::shorten(&c.quote, 80),
            None => String::new(),
        }
    }

    /// Entities named `name` (any alias), or a diagnostic with a suggestion.
    pub fn resolve_name(&self, name: &str, span: SrcSpan) -> Result<Vec<i64>, Diagnostic> {
        let ids = self.graph.entities_named(name);
        if !ids.is_empty() {
            return Ok(ids);
        }
        let name = Name {
            text: name.to_string(),
            span,
        };
        Err(unknown_name(
            &name,
            self.spellings().iter().map(String::as_str),
        ))
    }

    fn node_index(&self, node: &Node) -> Result<NodeIndex, Diagnostic> {
        match node {
            Node::Named(name) => {
                let ids = self.resolve_name(&name.text, name.span)?;
                ids.first()
                    .and_then(|id| self.graph.entity(*id))
                    .ok_or_else(|| missing("entity", 0, name.span))
            }
            Node::Id { kind, id, span } => {
                let id = i64::try_from(*id).unwrap_or(i64::MAX);
                let found = match kind {
                    NodeKind::Entity => self.graph.entity(id),
                    NodeKind::Claim => self.graph.claim(id),
                    NodeKind::Event => self.graph.event(id),
                    NodeKind::Document => self.graph.document(id),
                    NodeKind::Finding => self.finding(id).and_then(|f| self.graph.claim(f.a)),
                };
                found.ok_or_else(|| missing(kind.as_str(), id, *span))
            }
        }
    }

    // ----------------------------------------------------------- filters

    /// Resolve every name a filter mentions, once, before rows are tested.
    fn resolve_filter(&self, filter: &Filter) -> Result<Resolved, Diagnostic> {
        let mut out = Resolved::default();
        self.collect(filter, &mut out)?;
        Ok(out)
    }

    fn collect(&self, filter: &Filter, out: &mut Resolved) -> Result<(), Diagnostic> {
        match filter {
            Filter::All(items) | Filter::Any(items) => {
                for f in items {
                    self.collect(f, out)?;
                }
            }
            Filter::Not(inner) => self.collect(inner, out)?,
            Filter::Check(Check::Related { node, .. }) => {
                let target = match node {
                    Node::Named(name) => Target::Entities(
                        self.resolve_name(&name.text, name.span)?
                            .into_iter()
                            .collect(),
                    ),
                    Node::Id { kind, id, span } => {
                        let id = i64::try_from(*id).unwrap_or(i64::MAX);
                        let exists = match kind {
                            NodeKind::Entity => self.entity(id).is_some(),
                            NodeKind::Event => self.event(id).is_some(),
                            NodeKind::Document => self.document(id).is_some(),
                            NodeKind::Claim => self.claim(id).is_some(),
                            NodeKind::Finding => self.finding(id).is_some(),
                        };
                        if !exists {
                            return Err(missing(kind.as_str(), id, *span));
                        }
                        match kind {
                            NodeKind::Entity => Target::Entities(BTreeSet::from([id])),
                            other => Target::Record(*other, id),
                        }
                    }
                };
                out.targets.insert(node_key(node), target);
            }
            // A text test folds its needle here, once per statement, not
            // once per row: a 200 KB `contains` needle on 36,000 claims.
            Filter::Check(Check::Text { text, .. }) => {
                out.needles
                    .entry(needle_key(text))
                    .or_insert_with(|| fold(text));
            }
            Filter::Check(_) => {}
        }
        Ok(())
    }

    fn passes(&self, row: &Row, filter: &Filter, resolved: &Resolved) -> bool {
        match filter {
            Filter::All(items) => items.iter().all(|f| self.passes(row, f, resolved)),
            Filter::Any(items) => items.iter().any(|f| self.passes(row, f, resolved)),
            Filter::Not(inner) => !self.passes(row, inner, resolved),
            Filter::Check(check) => self.check(row, check, resolved),
        }
    }

    fn check(&self, row: &Row, check: &Check, resolved: &Resolved) -> bool {
        use crate::query::plan::Key;
        // A closed-list test compares typed words, never their spelling.
        let word_in = |key: Key, wanted: &dyn Fn(Word) -> bool| {
            row.values(key, self)
                .iter()
                .any(|v| matches!(v, Value::Word(w) if wanted(*w)))
        };
        match check {
            Check::Related { relation, node } => match resolved.targets.get(&node_key(node)) {
                Some(target) => sources::related(self, row, *relation, target),
                None => false,
            },
            Check::Measure(set) => word_in(
                Key::Measure,
                &|w| matches!(w, Word::Measure(m) if set.contains(&m)),
            ),
            Check::Bound(set) => word_in(
                Key::Bound,
                &|w| matches!(w, Word::Bound(b) if set.contains(&b)),
            ),
            Check::Polarity(set) => word_in(
                Key::Polarity,
                &|w| matches!(w, Word::Polarity(p) if set.contains(&p)),
            ),
            Check::ClaimKind(set) => word_in(
                Key::Kind,
                &|w| matches!(w, Word::ClaimKind(k) if set.contains(&k)),
            ),
            Check::EntityKind(set) => word_in(
                Key::Kind,
                &|w| matches!(w, Word::EntityKind(k) if set.contains(&k)),
            ),
            Check::EventKind(set) => word_in(
                Key::Kind,
                &|w| matches!(w, Word::EventKind(k) if set.contains(&k)),
            ),
            Check::FindingKind(set) => word_in(
                Key::Kind,
                &|w| matches!(w, Word::FindingKind(k) if set.contains(&k)),
            ),
            Check::NodeKind(set) => word_in(
                Key::Node,
                &|w| matches!(w, Word::Node(k) if set.contains(&k)),
            ),
            Check::Number { key, op, value } => row
                .values(*key, self)
                .iter()
                .any(|v| v.number_passes(*op, *value)),
            Check::Date { key, op, range } => row
                .values(*key, self)
                .iter()
                .any(|v| v.date_passes(*op, range)),
            Check::Text {
                key,
                contains,
                text,
            } => {
                let folded;
                let wanted = match resolved.needles.get(&needle_key(text)) {
                    Some(w) => w,
                    None => {
                        folded = fold(text);
                        &folded
                    }
                };
                row.values(*key, self).iter().any(|v| match v {
                    Value::Text(t) if *contains => fold(t).contains(wanted.as_str()),
                    Value::Text(t) => fold(t) == *wanted,
                    _ => false,
                }) || (*key == Key::Name
                    && !*contains
                    && matches!(row, Row::Entity(e) if e.aliases.iter().any(|a| fold(&a.name) == *wanted)))
            }
            Check::Flag { key, value } => row.values(*key, self).contains(&Value::Bool(*value)),
        }
    }
}

fn missing(kind: &str, id: i64, span: SrcSpan) -> Diagnostic {
    Diagnostic::new(Code::UnknownName, format!("no {kind} with id {id}"), span)
        .with_label(format!("no such {kind}"))
}

/// What a relation's node stands for once resolved.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Entities(BTreeSet<i64>),
    Record(NodeKind, i64),
}

#[derive(Default)]
struct Resolved {
    targets: HashMap<String, Target>,
    /// The folded needle of each text test, by [`needle_key`].
    needles: HashMap<usize, String>,
}

/// A text test's needle, known by where the plan keeps it: the plan outlives
/// the evaluation, and hashing the needle itself would cost its length on
/// every row again.
fn needle_key(text: &str) -> usize {
    text.as_ptr() as usize
}

fn node_key(node: &Node) -> String {
    match node {
        Node::Named(n) => format!("name:{}", n.text),
        Node::Id { kind, id, .. } => format!("{}:{id}", kind.as_str()),
    }
}
