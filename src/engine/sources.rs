//! The answers that are not plain lists: one entity in detail, the
//! provenance of a claim or finding, two outlets side by side, a path, the
//! statistics; and what each relation word (`by`, `in`, `involving` ...)
//! means for each kind of row.

use super::answer::{claim_table, Answer, Cell, Table};
use super::rows::{claim_date, EventPair, Row, Word};
use super::{Target, Workspace};
use crate::analysis;
use crate::graph::{Edge, Node as GraphNode};
use crate::model::{ClaimRecord, FindingKind};
use crate::query::ast::{Name, Node, NodeKind, RelationKind};
use crate::query::diagnostic::{Code, Diagnostic};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};

/// Whether `row` stands in `relation` to `target`.
pub(super) fn related(ws: &Workspace, row: &Row, relation: RelationKind, target: &Target) -> bool {
    match (row, target) {
        (Row::Finding(f), _) => [f.a, f.b]
            .iter()
            .filter_map(|id| ws.claim(*id))
            .any(|c| related(ws, &Row::Claim(c), relation, target)),
        (Row::Claim(c), Target::Entities(ids)) => claim_related(ws, c, relation, ids),
        (Row::Claim(c), Target::Record(kind, id)) => match kind {
            NodeKind::Event => c.event == Some(*id),
            NodeKind::Document => c.document == *id,
            NodeKind::Claim => c.id == *id,
            NodeKind::Finding => ws.finding(*id).is_some_and(|f| f.a == c.id || f.b == c.id),
            NodeKind::Entity => false,
        },
        (Row::Entity(e), Target::Entities(ids)) => match relation {
            RelationKind::In => mentioning_documents(ws, e.id)
                .iter()
                .any(|d| outlet_is(ws, *d, ids)),
            _ => ids.contains(&e.id),
        },
        (Row::Event(e), Target::Entities(ids)) => {
            let at = e.place.is_some_and(|p| ids.contains(&p));
            match relation {
                RelationKind::At => at,
                RelationKind::In => outlet_is(ws, e.document, ids),
                _ => at || e.participants.iter().any(|p| ids.contains(&p.entity)),
            }
        }
        (Row::Event(e), Target::Record(NodeKind::Document, id)) => e.document == *id,
        (Row::Entity(e), Target::Record(NodeKind::Document, id)) => {
            mentioning_documents(ws, e.id).contains(id)
        }
        (Row::Document(d), Target::Record(NodeKind::Document, id)) => d.id == *id,
        (Row::Document(d), Target::Entities(ids)) => match relation {
            RelationKind::In => outlet_is(ws, d.id, ids),
            _ => ids
                .iter()
                .any(|id| mentioning_documents(ws, *id).contains(&d.id)),
        },
        (Row::EventPair(p), _) => match ws.event(p.event) {
            Some(e) => related(ws, &Row::Event(e), relation, target),
            None => false,
        },
        _ => false,
    }
}

fn claim_related(
    ws: &Workspace,
    c: &ClaimRecord,
    relation: RelationKind,
    ids: &BTreeSet<i64>,
) -> bool {
    let has = |id: Option<i64>| id.is_some_and(|id| ids.contains(&id));
    let event = c.event.and_then(|e| ws.event(e));
    let about = has(c.subject_entity)
        || event.is_some_and(|e| {
            has(e.place) || e.participants.iter().any(|p| ids.contains(&p.entity))
        });
    match relation {
        RelationKind::By => has(c.claimant),
        RelationKind::In => has(c.outlet),
        RelationKind::Via => c.via.iter().any(|v| ids.contains(v)),
        RelationKind::About => about || named_in_sentence(ws, c, ids),
        RelationKind::At => event.is_some_and(|e| has(e.place)),
        RelationKind::Involving => {
            has(c.claimant)
                || has(c.outlet)
                || c.via.iter().any(|v| ids.contains(v))
                || about
                || named_in_sentence(ws, c, ids)
        }
    }
}

/// Whether the claim's sentence names one of `ids`.
fn named_in_sentence(ws: &Workspace, c: &ClaimRecord, ids: &BTreeSet<i64>) -> bool {
    let Some(doc) = ws.graph.document(c.document) else {
        return false;
    };
    ids.iter().any(|id| {
        mention_spans(ws, doc, *id)
            .iter()
            .any(|s| s.overlaps(&c.sentence))
    })
}

fn mention_spans(ws: &Workspace, doc: NodeIndex, entity: i64) -> Vec<crate::model::Span> {
    let Some(e) = ws.graph.entity(entity) else {
        return Vec::new();
    };
    ws.graph
        .graph()
        .edges_connecting(doc, e)
        .filter_map(|edge| match edge.weight() {
            Edge::Mentions(spans) => Some(spans.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn mentioning_documents(ws: &Workspace, entity: i64) -> BTreeSet<i64> {
    let Some(e) = ws.graph.entity(entity) else {
        return BTreeSet::new();
    };
    ws.graph
        .graph()
        .edges_directed(e, petgraph::Direction::Incoming)
        .filter(|edge| matches!(edge.weight(), Edge::Mentions(_)))
        .filter_map(|edge| ws.graph.node(edge.source()).map(|n| n.id()))
        .collect()
}

fn outlet_is(ws: &Workspace, document: i64, ids: &BTreeSet<i64>) -> bool {
    ws.document(document)
        .and_then(|d| d.meta.outlet.as_deref())
        .is_some_and(|o| ws.graph.entities_named(o).iter().any(|id| ids.contains(id)))
}

fn one_entity(ws: &Workspace, node: &Node) -> Result<i64, Diagnostic> {
    match node {
        Node::Named(name) => Ok(ws.resolve_name(&name.text, name.span)?[0]),
        Node::Id {
            kind: NodeKind::Entity,
            id,
            span,
        } => {
            let id = i64::try_from(*id).unwrap_or(i64::MAX);
            ws.entity(id)
                .map(|e| e.id)
                .ok_or_else(|| super::missing("entity", id, *span))
        }
        Node::Id { kind, span, .. } => Err(Diagnostic::new(
            Code::BadValue,
            format!("expected an entity, found a {}", kind.as_str()),
            *span,
        )),
    }
}

/// `entity "Artsakh"`: the entity, its aliases with the reason of each
/// merge, its mentions and its claims.
pub(super) fn entity_detail(ws: &Workspace, node: &Node) -> Result<Answer, Diagnostic> {
    let id = one_entity(ws, node)?;
    let Some(e) = ws.entity(id) else {
        return Err(super::missing("entity", id, node.span()));
    };
    let mut head = Table::new(
        Some("entity"),
        &["id", "name", "kind", "mentions", "claims"],
    );
    head.one = true;
    let claims = ws.graph.claims_of_entity(id);
    head.push(vec![
        Cell::Int(e.id),
        Cell::text(&e.name),
        Cell::Word(Word::EntityKind(e.kind)),
        Cell::Int(ws.mention_count(id) as i64),
        Cell::Int(claims.len() as i64),
    ]);
    let mut aliases = Table::new(Some("aliases"), &["alias", "reason"]);
    for a in &e.aliases {
        aliases.push(vec![Cell::text(&a.name), Cell::text(&a.reason)]);
    }
    let mut mentions = Table::new(Some("mentions"), &["document", "outlet", "span", "text"]);
    let mut nodes: Vec<NodeIndex> = ws.graph.entity(id).into_iter().collect();
    for doc in mentioning_documents(ws, id) {
        let Some(d) = ws.document(doc) else { continue };
        let text = ws
            .store()
            .document_text(doc)
            .ok()
            .flatten()
            .unwrap_or_default();
        let doc_node = ws.graph.document(doc);
        nodes.extend(doc_node);
        for s in doc_node
            .map(|n| mention_spans(ws, n, id))
            .unwrap_or_default()
        {
            mentions.push(vec![
                Cell::Int(doc),
                Cell::opt(d.meta.outlet.clone()),
                Cell::Span(s),
                Cell::opt(s.slice(&text)),
            ]);
        }
    }
    nodes.extend(claims.iter().filter_map(|c| ws.graph.claim(c.id)));
    let claims = claim_table(ws, "claims", &claims);
    Ok(Answer {
        tables: vec![head, aliases, mentions, claims],
        nodes,
    })
}

/// `provenance claim 12` / `provenance finding 3`: everything needed to
/// check a claim against its source.
pub(super) fn provenance(ws: &Workspace, node: &Node) -> Result<Answer, Diagnostic> {
    let Node::Id { kind, id, span } = node else {
        return Err(Diagnostic::new(
            Code::BadValue,
            "provenance takes `claim N` or `finding N`",
            node.span(),
        ));
    };
    let id = i64::try_from(*id).unwrap_or(i64::MAX);
    match kind {
        NodeKind::Claim => {
            let c = ws
                .claim(id)
                .ok_or_else(|| super::missing("claim", id, *span))?;
            let mut answer = claim_provenance(ws, c, "claim");
            let mut findings = Table::new(
                Some("findings"),
                &["finding", "kind", "other_claim", "reason"],
            );
            for (other, f) in ws.graph.findings_of_claim(id) {
                findings.push(vec![
                    Cell::Int(f.id),
                    Cell::Word(Word::FindingKind(f.kind)),
                    Cell::Int(other),
                    Cell::text(&f.reason),
                ]);
            }
            answer.tables.push(findings);
            Ok(answer)
        }
        NodeKind::Finding => {
            let f = ws
                .finding(id)
                .ok_or_else(|| super::missing("finding", id, *span))?;
            let mut head = Table::new(Some("finding"), &["id", "kind", "reason", "independent"]);
            head.one = true;
            head.push(vec![
                Cell::Int(f.id),
                Cell::Word(Word::FindingKind(f.kind)),
                Cell::text(&f.reason),
                f.independent.map_or(Cell::Null, Cell::Bool),
            ]);
            let mut answer = Answer {
                tables: vec![head],
                nodes: Vec::new(),
            };
            let names = match f.kind {
                FindingKind::Update => ["earlier claim", "later claim"],
                _ => ["claim a", "claim b"],
            };
            let mut why = Table::record(Some("compared because"));
            why.push(vec![
                Cell::text("compared because"),
                Cell::text(why_compared(ws, f.a, f.b)),
            ]);
            answer.tables.push(why);
            for (cid, title) in [f.a, f.b].into_iter().zip(names) {
                if let Some(c) = ws.claim(cid) {
                    let part = claim_provenance(ws, c, title);
                    answer.tables.extend(part.tables);
                    answer.nodes.extend(part.nodes);
                }
            }
            Ok(answer)
        }
        other => Err(Diagnostic::new(
            Code::BadValue,
            format!(
                "provenance takes a claim or a finding, not a {}",
                other.as_str()
            ),
            *span,
        )),
    }
}

/// Why two claims of a finding were compared: one incident (and why their
/// articles are one), one measure, compatible subjects.
fn why_compared(ws: &Workspace, a: i64, b: i64) -> String {
    let (Some(x), Some(y)) = (ws.claim(a), ws.claim(b)) else {
        return String::new();
    };
    let incident = |d: i64| ws.store().incident_of(d).ok().flatten();
    let mut parts = Vec::new();
    match (incident(x.document), incident(y.document)) {
        (Some((i, ri)), Some((j, rj))) if i == j => {
            let why = [ri, rj]
                .into_iter()
                .flatten()
                .next()
                .unwrap_or_else(|| "one article".to_string());
            parts.push(format!("same incident #{i} ({why})"));
        }
        _ if x.document == y.document => parts.push("same article".to_string()),
        _ => parts.push("linked by the extractor".to_string()),
    }
    if let Some(m) = x.measure {
        parts.push(format!("same measure {m}"));
    }
    let paired = crate::analysis::group::why_paired(x, y);
    if !paired.is_empty() {
        parts.push(paired);
    }
    parts.join("; ")
}

fn claim_provenance(ws: &Workspace, c: &ClaimRecord, title: &str) -> Answer {
    let doc = ws.document(c.document);
    let text = ws
        .store()
        .document_text(c.document)
        .ok()
        .flatten()
        .unwrap_or_default();
    let names = |ids: &[i64]| {
        Cell::List(
            ids.iter()
                .filter_map(|id| ws.entity_name(Some(*id)))
                .map(Cell::text)
                .collect(),
        )
    };
    let mut t = Table::record(Some(title));
    let mut field = |name: &str, value: Cell| t.push(vec![Cell::text(name), value]);
    field("claim", Cell::Int(c.id));
    field("kind", Cell::Word(Word::ClaimKind(c.kind)));
    field("polarity", Cell::Word(Word::Polarity(c.polarity)));
    field("quote", Cell::text(&c.quote));
    field(
        "sentence",
        Cell::opt(c.sentence.slice(&text).map(str::trim)),
    );
    field("document", Cell::Int(c.document));
    field("source", Cell::opt(doc.map(|d| d.source.clone())));
    field("bytes", Cell::Span(c.span));
    field("sentence_bytes", Cell::Span(c.sentence));
    // the other places the article states the same claim (headline, lead)
    if !c.occurrences.is_empty() {
        field(
            "also",
            Cell::List(
                c.occurrences
                    .iter()
                    .map(|o| {
                        Cell::text(format!(
                            "{}..{} «{}»",
                            o.start,
                            o.end,
                            o.slice(&text).unwrap_or("").trim()
                        ))
                    })
                    .collect(),
            ),
        );
    }
    field("speaker", Cell::opt(ws.entity_name(c.claimant)));
    field("outlet", Cell::opt(ws.entity_name(c.outlet)));
    field(
        "published",
        doc.and_then(|d| d.meta.published)
            .map_or(Cell::Null, |p| Cell::Date(super::rows::day(p))),
    );
    field("via", names(&c.via));
    field(
        "measure",
        c.measure
            .map_or(Cell::Null, |m| Cell::Word(Word::Measure(m))),
    );
    field("value", c.quantity.map_or(Cell::Null, Cell::Figure));
    field("subject", Cell::opt(c.subject.clone()));
    field(
        "counted",
        Cell::opt((!c.counted.is_empty()).then(|| c.counted.to_string())),
    );
    field("date", claim_date(c, ws).map_or(Cell::Null, Cell::Date));
    field("event", c.event.map_or(Cell::Null, Cell::Int));
    let published = doc.and_then(|d| d.meta.published);
    // When the figure was reported: the comparison's own rule.
    let reported = crate::analysis::compare::reported_on(c, published);
    field(
        "reported",
        reported.map_or(Cell::Null, |d| Cell::Date(super::rows::day(d))),
    );
    let incident = ws.store().incident_of(c.document).ok().flatten();
    field(
        "incident",
        Cell::opt(incident.map(|(i, r)| match r {
            Some(r) => format!("#{i}: {r}"),
            None => format!("#{i} (this article alone)"),
        })),
    );
    let nodes = [
        ws.graph.claim(c.id),
        ws.graph.document(c.document),
        c.claimant.and_then(|e| ws.graph.entity(e)),
        c.outlet.and_then(|e| ws.graph.entity(e)),
    ]
    .into_iter()
    .flatten()
    .chain(c.via.iter().filter_map(|v| ws.graph.entity(*v)))
    .collect();
    Answer {
        tables: vec![t],
        nodes,
    }
}

/// `compare "A" with "B"`: real-world events (event clusters) that both
/// outlets report, with each side's claims.
pub(super) fn compare(
    ws: &Workspace,
    left: &Name,
    right: &Name,
) -> Result<Vec<EventPair>, Diagnostic> {
    let l: BTreeSet<i64> = ws
        .resolve_name(&left.text, left.span)?
        .into_iter()
        .collect();
    let r: BTreeSet<i64> = ws
        .resolve_name(&right.text, right.span)?
        .into_iter()
        .collect();
    let mut docs = Vec::new();
    let mut entities = Vec::new();
    let mut events = Vec::new();
    let mut claims = Vec::new();
    for n in ws.graph.graph().node_weights() {
        match n {
            GraphNode::Document(d) => docs.push(d.clone()),
            GraphNode::Entity(e) => entities.push(e.clone()),
            GraphNode::Event(e) => events.push(e.clone()),
            GraphNode::Claim(c) => claims.push(c.clone()),
        }
    }
    let clusters = analysis::analyze(&docs, &entities, &events, &claims).clusters;
    let mut by_cluster: BTreeMap<i64, (Vec<i64>, Vec<i64>)> = BTreeMap::new();
    for c in &claims {
        let Some(cluster) = clusters.claims.get(&c.id) else {
            continue;
        };
        let entry = by_cluster.entry(*cluster).or_default();
        if c.outlet.is_some_and(|o| l.contains(&o)) {
            entry.0.push(c.id);
        }
        if c.outlet.is_some_and(|o| r.contains(&o)) {
            entry.1.push(c.id);
        }
    }
    Ok(by_cluster
        .into_iter()
        .filter(|(_, (a, b))| !a.is_empty() && !b.is_empty())
        .map(|(event, (left, right))| EventPair { event, left, right })
        .collect())
}

/// `path "A" to "B"`: the steps of a shortest chain of graph links.
pub(super) fn path(ws: &Workspace, from: &Name, to: &Name) -> Result<Answer, Diagnostic> {
    let a = ws.resolve_name(&from.text, from.span)?[0];
    let b = ws.resolve_name(&to.text, to.span)?[0];
    let mut t = Table::new(None, &["step", "node", "id", "name", "link"]);
    let steps = ws.graph.shortest_path(a, b).unwrap_or_default();
    for (i, n) in steps.iter().enumerate() {
        let link = steps.get(i + 1).and_then(|next| {
            let g = ws.graph.graph();
            g.find_edge(*n, *next)
                .map(|e| format!("{} →", g[e].name()))
                .or_else(|| g.find_edge(*next, *n).map(|e| format!("← {}", g[e].name())))
        });
        if let Some(node) = ws.graph.node(*n) {
            t.push(vec![
                Cell::Int(i as i64),
                Cell::text(node.kind()),
                Cell::Int(node.id()),
                Cell::text(ws.node_label(*n)),
                Cell::opt(link),
            ]);
        }
    }
    Ok(Answer {
        tables: vec![t],
        nodes: steps,
    })
}

/// `stats`: how much the graph holds.
pub(super) fn stats(ws: &Workspace) -> Answer {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for n in ws.graph.graph().node_weights() {
        *counts.entry(n.kind()).or_default() += 1;
    }
    let findings = ws.findings();
    let of = |k: FindingKind| findings.iter().filter(|f| f.kind == k).count() as i64;
    let mut t = Table::new(None, &["what", "count"]);
    for (what, n) in [
        ("documents", counts.get("document").copied().unwrap_or(0)),
        ("entities", counts.get("entity").copied().unwrap_or(0)),
        ("events", counts.get("event").copied().unwrap_or(0)),
        ("claims", counts.get("claim").copied().unwrap_or(0)),
        ("findings", findings.len() as i64),
        ("contradictions", of(FindingKind::Contradiction)),
        ("agreements", of(FindingKind::Agreement)),
        ("updates", of(FindingKind::Update)),
        ("edges", ws.graph.graph().edge_count() as i64),
    ] {
        t.push(vec![Cell::text(what), Cell::Int(n)]);
    }
    // documents stored whose comparison an interrupted ingest left to do:
    // their findings are missing until the next command that writes
    let pending = ws.store().pending_comparison().unwrap_or(0);
    if pending > 0 {
        t.push(vec![
            Cell::text("comparison pending (documents)"),
            Cell::Int(pending as i64),
        ]);
    }
    Answer {
        tables: vec![t],
        nodes: Vec::new(),
    }
}
