//! JSON export of a subgraph or of the whole graph, in a versioned schema
//! (`"format": "claimgraph-graph/1"`, see the README, "Export and import") that
//! [`super::import`] reads back and that other extractors can write.
//!
//! A subgraph carries everything its records refer to, so that the file
//! stands on its own: a claim brings its document (with the full text, which
//! the spans index), its speaker, outlet, agencies, subject entity, event and
//! the claim it denies; an event brings its document, place and
//! participants. Findings between kept claims and mentions between kept
//! documents and entities come along. Records are sorted by id within each
//! kind, so the same query on the same database gives the same bytes.

use crate::corpus::SetAside;
use crate::engine::Workspace;
use crate::error::Result;
use crate::graph::Node;
use crate::model::{ClaimRecord, DocMeta, EntityRecord, EventRecord, FindingRecord, MentionRecord};
use crate::store::Store;
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The schema name and version this build writes and reads.
pub const FORMAT: &str = "claimgraph-graph/1";

/// A graph file: records of each kind, each with its own id space; all
/// references between records use these ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The statement the file was exported from (absent for the whole graph).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    #[serde(default)]
    pub mentions: Vec<MentionRecord>,
    #[serde(default)]
    pub events: Vec<EventRecord>,
    #[serde(default)]
    pub claims: Vec<ClaimRecord>,
    /// Derived data: the import recomputes findings from the claims.
    #[serde(default)]
    pub findings: Vec<FindingRecord>,
}

/// A document with its original text (every span indexes it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    /// Hex SHA-256 of `text`; checked on import when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Where the text came from.
    #[serde(default)]
    pub source: String,
    #[serde(flatten)]
    pub meta: DocMeta,
    pub text: String,
    /// Ranges cleaning left out of extraction (cookie banners, bios...).
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
}

/// Ids of the records a subgraph keeps, by kind.
#[derive(Debug, Default)]
struct Keep {
    documents: BTreeSet<i64>,
    entities: BTreeSet<i64>,
    events: BTreeSet<i64>,
    claims: BTreeSet<i64>,
}

impl Keep {
    fn claim(&mut self, ws: &Workspace, id: i64) {
        if !self.claims.insert(id) {
            return;
        }
        let Some(c) = ws.claim(id) else { return };
        self.documents.insert(c.document);
        self.entities.extend(c.claimant);
        self.entities.extend(c.outlet);
        self.entities.extend(c.via.iter().copied());
        self.entities.extend(c.subject_entity);
        if let Some(e) = c.event {
            self.event(ws, e);
        }
        if let Some(d) = c.denies {
            self.claim(ws, d);
        }
    }

    fn event(&mut self, ws: &Workspace, id: i64) {
        if !self.events.insert(id) {
            return;
        }
        let Some(e) = ws.event(id) else { return };
        self.documents.insert(e.document);
        self.entities.extend(e.place);
        self.entities
            .extend(e.participants.iter().map(|p| p.entity));
    }
}

/// The graph file of the subgraph of `nodes` (an answer's nodes), tagged
/// with the `query` it came from.
pub fn subgraph(ws: &Workspace, nodes: &[NodeIndex], query: Option<&str>) -> Result<GraphFile> {
    let mut keep = Keep::default();
    for n in nodes {
        match ws.graph.node(*n) {
            Some(Node::Document(d)) => {
                keep.documents.insert(d.id);
            }
            Some(Node::Entity(e)) => {
                keep.entities.insert(e.id);
            }
            Some(Node::Event(e)) => keep.event(ws, e.id),
            Some(Node::Claim(c)) => keep.claim(ws, c.id),
            None => {}
        }
    }
    let store = ws.store();
    let mut file = GraphFile {
        format: FORMAT.to_string(),
        query: query.map(str::to_string),
        documents: Vec::new(),
        entities: keep
            .entities
            .iter()
            .filter_map(|id| ws.entity(*id))
            .cloned()
            .collect(),
        mentions: store
            .mentions()?
            .into_iter()
            .filter(|m| keep.documents.contains(&m.document) && keep.entities.contains(&m.entity))
            .collect(),
        events: keep
            .events
            .iter()
            .filter_map(|id| ws.event(*id))
            .cloned()
            .collect(),
        claims: keep
            .claims
            .iter()
            .filter_map(|id| ws.claim(*id))
            .cloned()
            .collect(),
        findings: ws
            .findings()
            .iter()
            .filter(|f| keep.claims.contains(&f.a) && keep.claims.contains(&f.b))
            .cloned()
            .collect(),
    };
    for id in &keep.documents {
        if let Some(d) = ws.document(*id) {
            file.documents.push(document(store, d.clone())?);
        }
    }
    sort(&mut file);
    Ok(file)
}

/// The graph file of everything in `store`.
pub fn whole(store: &Store) -> Result<GraphFile> {
    let mut file = GraphFile {
        format: FORMAT.to_string(),
        query: None,
        documents: Vec::new(),
        entities: store.entities()?,
        mentions: store.mentions()?,
        events: store.events()?,
        claims: store.claims()?,
        findings: store.findings()?,
    };
    for d in store.documents()? {
        file.documents.push(document(store, d)?);
    }
    sort(&mut file);
    Ok(file)
}

fn document(store: &Store, d: crate::model::DocumentRecord) -> Result<Document> {
    Ok(Document {
        id: d.id,
        text: store.document_text(d.id)?.unwrap_or_default(),
        set_aside: store.set_aside(d.id)?,
        hash: Some(d.hash),
        source: d.source,
        meta: d.meta,
    })
}

fn sort(file: &mut GraphFile) {
    file.documents.sort_by_key(|d| d.id);
    file.entities.sort_by_key(|e| e.id);
    file.mentions
        .sort_by_key(|m| (m.document, m.span.start, m.span.end, m.entity));
    file.events.sort_by_key(|e| e.id);
    file.claims.sort_by_key(|c| c.id);
    file.findings.sort_by_key(|f| f.id);
}

/// The file's text: pretty-printed JSON ending with a new line.
pub fn to_string(file: &GraphFile) -> String {
    // Serialising plain records with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(file).unwrap_or_default();
    text.push('\n');
    text
}
