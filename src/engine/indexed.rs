//! Statements answered from the store's indexes instead of a graph of the
//! whole store.
//!
//! Each plan gets a [`Route`]: `stats` and an exact `count` are plain SQL
//! counts; a listing whose filter compiles to SQL reads the ids it needs
//! (`WHERE`, `ORDER BY id`, `LIMIT` pushed down); a filter only partly
//! compiled reads candidates in id order, a chunk at a time, and tests the
//! rest in Rust until the limit is reached; `entity`, `provenance` read the
//! rows of one record. Then the records those ids name, and the records
//! they point to (documents, entities, events, findings), are read by id
//! and built into a small graph, over which the ordinary evaluator runs the
//! same plan: the answer is the one the whole graph would give, and the
//! cost follows what the statement needs, not the size of the store.
//!
//! `neighbours` and `path` are breadth-first searches over the indexed
//! edges (bounded: past 200,000 nodes the whole graph is loaded instead),
//! and the graph is built of the nodes they reached. What no route serves
//! yet (`entities`, whose rows count each entity's mentions and claims;
//! `compare`, which clusters every event; exports) loads the whole store
//! once ([`Route::Whole`]); `explain` (with `--explain-sql`) says which
//! route a statement takes, with its SQL and SQLite's query plan.

use super::answer::{Answer, Cell, Table};
use super::{Mode, Workspace};
use crate::analysis::words::fold;
use crate::model::{ClaimRecord, FindingKind};
use crate::query::ast::{CmpOp, Node, NodeKind, RelationKind, SrcSpan};
use crate::query::diagnostic::{Code, Diagnostic};
use crate::query::plan::{Check, Filter, Key, Op, Plan};
use std::collections::BTreeSet;

/// Candidates read per chunk when a filter is tested in Rust.
const CHUNK: usize = 2_000;

/// How a plan is answered.
#[derive(Debug, Clone)]
pub(super) enum Route {
    /// `stats`: counts of each table.
    Stats,
    /// `count` of a filter SQL answers exactly.
    Count { sql: String },
    /// `count` of a filter partly tested in Rust, over candidates.
    CountChunks { table: Table_, cond: String },
    /// The ids SQL selects, then a graph of their records.
    Ids { table: Table_, sql: String },
    /// Candidates in id order, tested in Rust a chunk at a time until
    /// `limit` rows pass.
    Chunks {
        table: Table_,
        cond: String,
        limit: usize,
    },
    /// One record and what it points to (`entity`, `provenance`).
    Record { what: String, sql: Vec<String> },
    /// The nodes a breadth-first search over the indexed edges reached.
    Walk { what: String },
    /// The whole store as a graph.
    Whole(&'static str),
}

/// The table a listing reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table_ {
    Claims,
    Findings,
    Events,
    Documents,
}

impl Table_ {
    fn name(self) -> &'static str {
        match self {
            Table_::Claims => "claims",
            Table_::Findings => "findings",
            Table_::Events => "events",
            Table_::Documents => "documents",
        }
    }
}

/// Records a statement needs by id; their references are added when read.
#[derive(Debug, Default, Clone)]
struct Need {
    claims: BTreeSet<i64>,
    findings: BTreeSet<i64>,
    entities: BTreeSet<i64>,
    events: BTreeSet<i64>,
    documents: BTreeSet<i64>,
    /// Also every document that mentions these entities.
    mentioned: BTreeSet<i64>,
    /// A name or record the statement names is not in the store: the
    /// evaluator reports it.
    unresolved: bool,
    /// The nodes of a search: their findings are read too (the edges
    /// between the claims reached).
    walked: bool,
    /// The entities of the last name resolved.
    named: Vec<i64>,
}

impl Need {}

fn db_error(e: crate::Error) -> Diagnostic {
    Diagnostic::new(Code::BadValue, e.to_string(), SrcSpan::default())
        .with_label("the database could not be read")
}

/// Answer `plan` on an indexed workspace.
pub(super) fn evaluate(ws: &Workspace, plan: &Plan) -> Result<Answer, Diagnostic> {
    let (route, targets) = route(ws, plan).map_err(db_error)?;
    run(ws, plan, &route, &targets)
}

fn run(ws: &Workspace, plan: &Plan, route: &Route, targets: &Need) -> Result<Answer, Diagnostic> {
    let store = ws.store();
    match route {
        Route::Whole(_) => ws.whole()?.evaluate_here(plan),
        Route::Stats => stats(ws).map_err(db_error),
        Route::Count { sql } => {
            let n = store.number(sql, &[]).map_err(db_error)?;
            Ok(Answer::count(usize::try_from(n).unwrap_or(0)))
        }
        Route::CountChunks { table, cond } => {
            let mut n = 0;
            chunks(ws, plan, *table, cond, targets, |ids| {
                n += ids.len();
                true
            })?;
            Ok(Answer::count(n))
        }
        Route::Ids { table, sql } => {
            let ids = store.ids(sql, &[]).map_err(db_error)?;
            let mut need = targets.clone();
            rows_need(&mut need, *table, ids);
            part(ws, &need)?.evaluate_here(plan)
        }
        Route::Chunks { table, cond, limit } => {
            let mut kept: Vec<i64> = Vec::new();
            chunks(ws, plan, *table, cond, targets, |ids| {
                kept.extend(ids);
                kept.len() < *limit
            })?;
            kept.truncate(*limit);
            let mut need = targets.clone();
            rows_need(&mut need, *table, kept);
            part(ws, &need)?.evaluate_here(plan)
        }
        Route::Record { .. } | Route::Walk { .. } => part(ws, targets)?.evaluate_here(plan),
    }
}

fn rows_need(need: &mut Need, table: Table_, ids: Vec<i64>) {
    match table {
        Table_::Claims => need.claims.extend(ids),
        Table_::Findings => need.findings.extend(ids),
        Table_::Events => need.events.extend(ids),
        Table_::Documents => need.documents.extend(ids),
    }
}

/// Read the candidates of `cond` in id order, a chunk at a time; `take`
/// gets the ids of each chunk that pass the plan's filter, and says
/// whether to go on.
fn chunks(
    ws: &Workspace,
    plan: &Plan,
    table: Table_,
    cond: &str,
    targets: &Need,
    mut take: impl FnMut(Vec<i64>) -> bool,
) -> Result<(), Diagnostic> {
    let mut after = i64::MIN;
    loop {
        if super::interrupted() {
            return Err(
                Diagnostic::new(Code::Interrupted, "interrupted", SrcSpan::default())
                    .with_label("stopped by Ctrl-C"),
            );
        }
        let sql = format!(
            "SELECT id FROM {} WHERE ({cond}) AND id > {after} ORDER BY id LIMIT {CHUNK}",
            table.name()
        );
        let ids = ws.store().ids(&sql, &[]).map_err(db_error)?;
        let Some(&last) = ids.last() else {
            return Ok(());
        };
        after = last;
        let chunk: BTreeSet<i64> = ids.iter().copied().collect();
        let mut need = targets.clone();
        rows_need(&mut need, table, ids);
        let part = part(ws, &need)?;
        let passed: Vec<i64> = part
            .passing(plan)?
            .into_iter()
            .filter(|id| chunk.contains(id))
            .collect();
        if !take(passed) {
            return Ok(());
        }
    }
}

/// A workspace of the records `need` names and those they point to.
fn part(ws: &Workspace, need: &Need) -> Result<Workspace, Diagnostic> {
    read_part(ws, need).map_err(db_error)
}

fn read_part(ws: &Workspace, need: &Need) -> crate::Result<Workspace> {
    let store = ws.store();
    let list = |s: &BTreeSet<i64>| s.iter().copied().collect::<Vec<i64>>();
    let mut need = need.clone();
    if !need.mentioned.is_empty() {
        for id in &need.mentioned {
            need.documents.extend(store.ids(
                "SELECT DISTINCT document FROM mentions WHERE entity = ?1",
                &[id],
            )?);
        }
    }
    if need.walked {
        need.findings.extend(
            store
                .findings_of_claims(&list(&need.claims))?
                .iter()
                .map(|f| f.id),
        );
    }
    let mut findings = store.findings_by_id(&list(&need.findings))?;
    for f in &findings {
        need.claims.insert(f.a);
        need.claims.insert(f.b);
    }
    let claims = store.claims_by_id(&list(&need.claims))?;
    for c in &claims {
        claim_refs(c, &mut need);
    }
    let events = store.events_by_id(&list(&need.events))?;
    for e in &events {
        need.documents.insert(e.document);
        need.entities.extend(e.place);
        need.entities
            .extend(e.participants.iter().map(|p| p.entity));
    }
    let documents = store.documents_by_id(&list(&need.documents))?;
    let mentions = store.mentions_in(&list(&need.documents))?;
    let entities = store.entities_by_id(&list(&need.entities))?;
    findings.sort_by_key(|f| f.id);
    Ok(Workspace::of_records(
        store.reopen()?,
        Mode::Part,
        &documents,
        &entities,
        &mentions,
        &events,
        &claims,
        findings,
    ))
}

/// A node of the claim graph, by kind and store id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum At {
    Document(i64),
    Entity(i64),
    Event(i64),
    Claim(i64),
}

/// How many nodes a search by SQL may reach before the whole graph is
/// loaded instead.
const WALK_BUDGET: usize = 200_000;

impl Need {
    fn add_nodes(&mut self, nodes: &BTreeSet<At>) {
        for n in nodes {
            match *n {
                At::Document(id) => self.documents.insert(id),
                At::Entity(id) => self.entities.insert(id),
                At::Event(id) => self.events.insert(id),
                At::Claim(id) => {
                    // the finding edges between the claims reached
                    self.claims.insert(id)
                }
            };
        }
        self.walked = true;
    }
}

fn unresolved() -> Route {
    Route::Record {
        what: "nothing (the statement names something the store does not hold)".to_string(),
        sql: Vec::new(),
    }
}

/// The node a traversal starts from, as `Workspace::node_index` finds it;
/// `None` when the store does not hold it.
fn start_node(ws: &Workspace, node: &Node, targets: &mut Need) -> crate::Result<Option<At>> {
    let store = ws.store();
    Ok(match node {
        Node::Named(name) => {
            let ids = store.entities_folded(&fold(&name.text))?;
            targets.entities.extend(ids.iter().copied());
            ids.first().map(|id| At::Entity(*id))
        }
        Node::Id { kind, id, .. } => {
            let id = i64::try_from(*id).unwrap_or(i64::MAX);
            let exists = |table: &str| -> crate::Result<bool> {
                Ok(store.number(
                    &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
                    &[&id],
                )? > 0)
            };
            match kind {
                NodeKind::Entity => exists("entities")?.then_some(At::Entity(id)),
                NodeKind::Event => exists("events")?.then_some(At::Event(id)),
                NodeKind::Document => exists("documents")?.then_some(At::Document(id)),
                NodeKind::Claim => exists("claims")?.then_some(At::Claim(id)),
                NodeKind::Finding => {
                    targets.findings.insert(id);
                    store
                        .ids("SELECT a FROM findings WHERE id = ?1", &[&id])?
                        .first()
                        .map(|a| At::Claim(*a))
                }
            }
        }
    })
}

/// Breadth-first search over the graph's edges as the store indexes them,
/// taken in either direction: every node within `depth` of `start`, or
/// (with `until`) every node nearer to `start` than `until`, and `until`.
/// `None` when more than [`WALK_BUDGET`] nodes are reached.
fn walk(
    store: &crate::store::Store,
    start: At,
    depth: usize,
    until: Option<At>,
) -> crate::Result<Option<BTreeSet<At>>> {
    let mut seen: BTreeSet<At> = BTreeSet::from([start]);
    let mut frontier = vec![start];
    let mut level = 0;
    while level < depth && !frontier.is_empty() {
        if until.is_some_and(|u| seen.contains(&u)) {
            break;
        }
        if super::interrupted() || seen.len() > WALK_BUDGET {
            return Ok(None);
        }
        let mut next = Vec::new();
        for n in neighbours(store, &frontier)? {
            if seen.insert(n) {
                next.push(n);
            }
        }
        frontier = next;
        level += 1;
    }
    if until.is_some_and(|u| !seen.contains(&u)) && !frontier.is_empty() {
        // not reached within the budget of levels
        return Ok(None);
    }
    Ok(Some(seen))
}

/// The nodes one edge away from any of `nodes`.
fn neighbours(store: &crate::store::Store, nodes: &[At]) -> crate::Result<Vec<At>> {
    let pick = |f: fn(&At) -> Option<i64>| nodes.iter().filter_map(f).collect::<Vec<i64>>();
    let documents = pick(|n| match n {
        At::Document(id) => Some(*id),
        _ => None,
    });
    let entities = pick(|n| match n {
        At::Entity(id) => Some(*id),
        _ => None,
    });
    let events = pick(|n| match n {
        At::Event(id) => Some(*id),
        _ => None,
    });
    let claims = pick(|n| match n {
        At::Claim(id) => Some(*id),
        _ => None,
    });
    let mut out = Vec::new();
    let mut each = |ids: &[i64], sql: &str, to: fn(i64) -> At| -> crate::Result<()> {
        for chunk in ids.chunks(500) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            out.extend(
                store
                    .ids(&sql.replace("LIST", &list), &[])?
                    .into_iter()
                    .map(to),
            );
        }
        Ok(())
    };
    each(
        &documents,
        "SELECT id FROM claims WHERE document IN (LIST)",
        At::Claim,
    )?;
    each(
        &documents,
        "SELECT DISTINCT entity FROM mentions WHERE document IN (LIST)",
        At::Entity,
    )?;
    each(
        &entities,
        "SELECT id FROM claims WHERE claimant IN (LIST)",
        At::Claim,
    )?;
    each(
        &entities,
        "SELECT claim FROM claim_via WHERE entity IN (LIST)",
        At::Claim,
    )?;
    each(
        &entities,
        "SELECT id FROM events WHERE place IN (LIST)",
        At::Event,
    )?;
    each(
        &entities,
        "SELECT event FROM participants WHERE entity IN (LIST)",
        At::Event,
    )?;
    each(
        &entities,
        "SELECT DISTINCT document FROM mentions WHERE entity IN (LIST)",
        At::Document,
    )?;
    each(
        &events,
        "SELECT id FROM claims WHERE event IN (LIST)",
        At::Claim,
    )?;
    each(
        &events,
        "SELECT place FROM events WHERE id IN (LIST) AND place IS NOT NULL",
        At::Entity,
    )?;
    each(
        &events,
        "SELECT entity FROM participants WHERE event IN (LIST)",
        At::Entity,
    )?;
    each(
        &claims,
        "SELECT document FROM claims WHERE id IN (LIST)",
        At::Document,
    )?;
    each(
        &claims,
        "SELECT claimant FROM claims WHERE id IN (LIST) AND claimant IS NOT NULL",
        At::Entity,
    )?;
    each(
        &claims,
        "SELECT event FROM claims WHERE id IN (LIST) AND event IS NOT NULL",
        At::Event,
    )?;
    each(
        &claims,
        "SELECT entity FROM claim_via WHERE claim IN (LIST)",
        At::Entity,
    )?;
    each(
        &claims,
        "SELECT b FROM findings WHERE a IN (LIST)",
        At::Claim,
    )?;
    each(
        &claims,
        "SELECT a FROM findings WHERE b IN (LIST)",
        At::Claim,
    )?;
    Ok(out)
}

fn claim_refs(c: &ClaimRecord, need: &mut Need) {
    need.documents.insert(c.document);
    need.events.extend(c.event);
    need.entities.extend(c.claimant);
    need.entities.extend(c.outlet);
    need.entities.extend(c.subject_entity);
    need.entities.extend(c.via.iter().copied());
}

impl Workspace {
    /// An indexed workspace's whole graph, loaded on first need.
    pub(super) fn whole(&self) -> Result<&Workspace, Diagnostic> {
        if self.mode != Mode::Indexed {
            return Ok(self);
        }
        if let Some(w) = self.whole.get() {
            return Ok(w);
        }
        let w = self
            .store
            .reopen()
            .and_then(Workspace::load)
            .map_err(db_error)?;
        let _ = self.whole.set(Box::new(w));
        self.whole.get().map(|b| &**b).ok_or_else(|| {
            Diagnostic::new(
                Code::BadValue,
                "the graph could not be loaded",
                SrcSpan::default(),
            )
        })
    }

    /// The ids of the rows that pass the plan's scan and filter.
    fn passing(&self, plan: &Plan) -> Result<Vec<i64>, Diagnostic> {
        let ops: Vec<Op> = plan
            .ops
            .iter()
            .take_while(|op| {
                matches!(
                    op,
                    Op::ScanClaims
                        | Op::ScanFindings(_)
                        | Op::ScanEvents
                        | Op::ScanDocuments
                        | Op::Filter(_)
                )
            })
            .cloned()
            .collect();
        let mut rows = Vec::new();
        for op in &ops {
            match op {
                Op::ScanClaims => rows = self.graph.claim_ids(),
                Op::ScanEvents => rows = self.graph.event_ids(),
                Op::ScanDocuments => rows = self.graph.document_ids(),
                Op::ScanFindings(kind) => {
                    rows = self
                        .findings
                        .iter()
                        .filter(|f| kind.map_or(true, |k| f.kind == k))
                        .map(|f| f.id)
                        .collect();
                }
                Op::Filter(filter) => {
                    let resolved = self.resolve_filter(filter)?;
                    rows.retain(|id| {
                        let row = match plan.ops.first() {
                            Some(Op::ScanClaims) => self.claim(*id).map(super::Row::Claim),
                            Some(Op::ScanEvents) => self.event(*id).map(super::Row::Event),
                            Some(Op::ScanDocuments) => self.document(*id).map(super::Row::Document),
                            _ => self.finding(*id).map(super::Row::Finding),
                        };
                        row.is_some_and(|r| self.passes(&r, filter, &resolved))
                    });
                }
                _ => {}
            }
        }
        Ok(rows)
    }

    /// How an indexed workspace answers `plan`, in words: the route, its
    /// SQL, and SQLite's plan for it (the indexes it uses).
    pub fn access(&self, plan: &Plan) -> Vec<String> {
        if self.mode != Mode::Indexed {
            return vec!["access: the whole graph, in memory".to_string()];
        }
        let route = match route(self, plan) {
            Ok((route, _)) => route,
            Err(e) => return vec![format!("access: cannot tell ({e})")],
        };
        let mut out = Vec::new();
        let mut sql: Vec<String> = Vec::new();
        match &route {
            Route::Whole(why) => out.push(format!("access: load the whole store ({why})")),
            Route::Stats => {
                out.push("access: SQL counts of each table".to_string());
                sql.push(MENTION_PAIRS.to_string());
            }
            Route::Count { sql: s } => {
                out.push("access: SQL count".to_string());
                sql.push(s.clone());
            }
            Route::CountChunks { table, cond } => {
                out.push(format!(
                    "access: SQL selects candidate {} by chunks of {CHUNK} in id order; the rest of the filter runs on each chunk's records",
                    table.name()
                ));
                sql.push(format!(
                    "SELECT id FROM {} WHERE ({cond}) AND id > ? ORDER BY id LIMIT {CHUNK}",
                    table.name()
                ));
            }
            Route::Ids { table, sql: s } => {
                out.push(format!(
                    "access: SQL selects the {} (filter, order and limit pushed down); their records are read by id",
                    table.name()
                ));
                sql.push(s.clone());
            }
            Route::Chunks { table, cond, limit } => {
                out.push(format!(
                    "access: SQL selects candidate {} by chunks of {CHUNK} in id order; the rest of the filter runs on each chunk's records until {limit} pass",
                    table.name()
                ));
                sql.push(format!(
                    "SELECT id FROM {} WHERE ({cond}) AND id > ? ORDER BY id LIMIT {CHUNK}",
                    table.name()
                ));
            }
            Route::Walk { what } => {
                out.push(format!("access: {what} over the indexed edges; the graph is built of the nodes reached"));
            }
            Route::Record { what, sql: s } => {
                out.push(format!("access: {what}, read by id"));
                sql.extend(s.iter().cloned());
            }
        }
        for s in sql {
            out.push(format!("  sql: {}", one_line(&s)));
            let params: Vec<&dyn rusqlite::ToSql> =
                (0..s.matches('?').count()).map(|_| &0 as _).collect();
            match self.store.query_plan(&s.replace("?1", "?"), &params) {
                Ok(lines) => out.extend(lines.into_iter().map(|l| format!("    {l}"))),
                Err(e) => out.push(format!("    (no query plan: {e})")),
            }
        }
        out
    }
}

fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The route of `plan`, and the records its filter names (which the
/// graph of the answer must hold for the filter to test them).
fn route(ws: &Workspace, plan: &Plan) -> crate::Result<(Route, Need)> {
    let mut targets = Need::default();
    if plan.export().is_some() {
        return Ok((Route::Whole("export draws from the whole graph"), targets));
    }
    let Some(first) = plan.ops.first() else {
        return Ok((Route::Whole("nothing to scan"), targets));
    };
    let table = match first {
        Op::Stats => return Ok((Route::Stats, targets)),
        Op::Entity(node) => {
            let ids = match node {
                Node::Named(name) => ws.store().entities_folded(&fold(&name.text))?,
                Node::Id {
                    kind: NodeKind::Entity,
                    id,
                    ..
                } => vec![i64::try_from(*id).unwrap_or(i64::MAX)],
                Node::Id { .. } => Vec::new(),
            };
            let sql = vec![
                "SELECT entity FROM entity_names WHERE folded = ?1".to_string(),
                CLAIMS_OF_ENTITY.to_string(),
                "SELECT DISTINCT document FROM mentions WHERE entity = ?1".to_string(),
            ];
            if let Some(&id) = ids.first() {
                targets
                    .claims
                    .extend(ws.store().ids(CLAIMS_OF_ENTITY, &[&id])?);
                targets.mentioned.insert(id);
            }
            targets.entities.extend(ids);
            return Ok((
                Route::Record {
                    what: "one entity, its claims (by speaker, via, subject) and the documents that mention it".to_string(),
                    sql,
                },
                targets,
            ));
        }
        Op::Provenance(Node::Id { kind, id, .. }) => {
            let id = i64::try_from(*id).unwrap_or(i64::MAX);
            let (what, sql) = match kind {
                NodeKind::Claim => {
                    targets.claims.insert(id);
                    targets
                        .findings
                        .extend(ws.store().ids(FINDINGS_OF_CLAIM, &[&id])?);
                    (
                        "one claim, its document and its findings",
                        vec![
                            "SELECT id FROM claims WHERE id = ?1".to_string(),
                            FINDINGS_OF_CLAIM.to_string(),
                        ],
                    )
                }
                NodeKind::Finding => {
                    targets.findings.insert(id);
                    (
                        "one finding and its two claims",
                        vec!["SELECT a, b FROM findings WHERE id = ?1".to_string()],
                    )
                }
                _ => ("nothing (not a claim or a finding)", Vec::new()),
            };
            return Ok((
                Route::Record {
                    what: what.to_string(),
                    sql,
                },
                targets,
            ));
        }
        Op::Provenance(Node::Named(_)) => {
            return Ok((
                Route::Record {
                    what: "nothing (provenance takes a claim or a finding)".to_string(),
                    sql: Vec::new(),
                },
                targets,
            ))
        }
        Op::ScanClaims => Table_::Claims,
        Op::ScanFindings(_) => Table_::Findings,
        Op::ScanEvents => Table_::Events,
        Op::ScanDocuments => Table_::Documents,
        Op::ScanEntities => {
            return Ok((
                Route::Whole("an entity's mentions and claims are counted over the graph"),
                targets,
            ))
        }
        Op::Traverse { from, depth } => {
            let Some(start) = start_node(ws, from, &mut targets)? else {
                return Ok((unresolved(), targets));
            };
            let depth = usize::try_from(*depth).unwrap_or(usize::MAX);
            return Ok(match walk(ws.store(), start, depth, None)? {
                Some(seen) => {
                    targets.add_nodes(&seen);
                    (
                        Route::Walk {
                            what: format!(
                                "breadth-first search from {start:?} up to depth {depth}"
                            ),
                        },
                        targets,
                    )
                }
                None => (
                    Route::Whole("the neighbourhood is too large to walk by SQL"),
                    targets,
                ),
            });
        }
        Op::ShortestPath { from, to } => {
            let a = start_node(ws, &Node::Named(from.clone()), &mut targets)?;
            let b = start_node(ws, &Node::Named(to.clone()), &mut targets)?;
            let (Some(a), Some(b)) = (a, b) else {
                return Ok((unresolved(), targets));
            };
            return Ok(match walk(ws.store(), a, usize::MAX, Some(b))? {
                Some(seen) => {
                    targets.add_nodes(&seen);
                    (
                        Route::Walk {
                            what: format!("breadth-first search from {a:?} until {b:?}"),
                        },
                        targets,
                    )
                }
                None => (
                    Route::Whole("the search is too large to walk by SQL"),
                    targets,
                ),
            });
        }
        Op::Compare { .. } => {
            return Ok((
                Route::Whole("compare clusters the events of the whole store"),
                targets,
            ))
        }
        _ => return Ok((Route::Whole("not a listing"), targets)),
    };

    // A listing: scan, then filter, order, limit, count, show.
    let mut conds: Vec<String> = Vec::new();
    let mut exact = true;
    if let Op::ScanFindings(Some(kind)) = first {
        conds.push(format!("kind = '{}'", kind.as_str()));
    }
    let mut order_by_id: Option<bool> = None;
    let mut ordered = false;
    let mut limit: Option<u64> = None;
    let mut count = false;
    for op in &plan.ops[1..] {
        match op {
            Op::Filter(filter) => {
                let (sql, is_exact) = compile(ws, table, filter, &mut targets)?;
                exact &= is_exact;
                conds.extend(sql);
            }
            Op::Order(keys) => {
                // Rows come in id order; a stable sort by id alone keeps them.
                match keys.as_slice() {
                    [k] if k.key == Key::Id && limit.is_none() => {
                        order_by_id = Some(k.descending);
                    }
                    _ => ordered = true,
                }
            }
            Op::Limit(n) => limit = Some(limit.map_or(*n, |l| l.min(*n))),
            Op::Count => count = true,
            Op::Show(_) => {}
            _ => return Ok((Route::Whole("an operation SQL does not run"), targets)),
        }
    }
    let cond = if conds.is_empty() {
        "1".to_string()
    } else {
        conds.join(" AND ")
    };
    let name = table.name();
    let route = if targets.unresolved {
        // The evaluator's own message for a name or record not stored.
        Route::Record {
            what: "nothing (the statement names something the store does not hold)".to_string(),
            sql: Vec::new(),
        }
    } else if count && exact && limit.is_none() {
        Route::Count {
            sql: format!("SELECT count(*) FROM {name} WHERE {cond}"),
        }
    } else if count && limit.is_none() {
        Route::CountChunks { table, cond }
    } else if ordered {
        // Any order but id: every candidate, sorted in Rust.
        Route::Ids {
            table,
            sql: format!("SELECT id FROM {name} WHERE {cond} ORDER BY id"),
        }
    } else if exact {
        let direction = if order_by_id == Some(true) {
            "DESC"
        } else {
            "ASC"
        };
        let limit = limit.map_or(String::new(), |n| format!(" LIMIT {n}"));
        Route::Ids {
            table,
            sql: format!("SELECT id FROM {name} WHERE {cond} ORDER BY id {direction}{limit}"),
        }
    } else if let (Some(n), None) = (limit, order_by_id) {
        Route::Chunks {
            table,
            cond,
            limit: usize::try_from(n).unwrap_or(usize::MAX),
        }
    } else {
        Route::Ids {
            table,
            sql: format!("SELECT id FROM {name} WHERE {cond} ORDER BY id"),
        }
    };
    Ok((route, targets))
}

const CLAIMS_OF_ENTITY: &str = "SELECT id FROM claims WHERE claimant = ?1
     UNION SELECT claim FROM claim_via WHERE entity = ?1
     UNION SELECT id FROM claims WHERE subject_entity = ?1";

const FINDINGS_OF_CLAIM: &str =
    "SELECT id FROM findings WHERE a = ?1 UNION SELECT id FROM findings WHERE b = ?1";

/// The graph's `mentions` edges: (document, entity) pairs, counted by
/// triggers (see the store's migration 4).
const MENTION_PAIRS: &str = "SELECT n FROM graph_counts WHERE what = 'mention_pairs'";

/// The SQL conditions a filter implies on `table`'s rows, and whether they
/// are exactly the filter (else the rows they keep are candidates, to test
/// in Rust). Names are resolved here; the records a relation names go
/// into `targets`.
fn compile(
    ws: &Workspace,
    table: Table_,
    filter: &Filter,
    targets: &mut Need,
) -> crate::Result<(Option<String>, bool)> {
    Ok(match filter {
        Filter::All(items) => {
            let mut parts = Vec::new();
            let mut exact = true;
            for f in items {
                let (sql, e) = compile(ws, table, f, targets)?;
                exact &= e;
                parts.extend(sql);
            }
            if parts.is_empty() {
                (None, exact)
            } else {
                (Some(format!("({})", parts.join(" AND "))), exact)
            }
        }
        Filter::Any(items) => {
            let mut parts = Vec::new();
            let mut exact = true;
            // Some item is true of every row (exactly, or as far as SQL
            // can tell).
            let mut always = None;
            for f in items {
                let (sql, e) = compile(ws, table, f, targets)?;
                match sql {
                    Some(s) => {
                        exact &= e;
                        parts.push(s)
                    }
                    None => always = Some(always.unwrap_or(false) || e),
                }
            }
            match always {
                Some(exactly) => (None, exactly),
                None if parts.is_empty() => (Some("0".to_string()), true),
                None => (Some(format!("({})", parts.join(" OR "))), exact),
            }
        }
        // SQL's NULL is Rust's false: NOT must not turn it into NULL again.
        Filter::Not(inner) => match compile(ws, table, inner, targets)? {
            (Some(sql), true) => (Some(format!("NOT IFNULL({sql}, 0)")), true),
            (None, true) => (Some("0".to_string()), true),
            _ => (None, false),
        },
        Filter::Check(check) => match check_sql(ws, table, check, targets)? {
            Some(sql) => (Some(format!("({sql})")), true),
            None => (None, false),
        },
    })
}

fn words<T: Copy>(set: &[T], text: impl Fn(T) -> &'static str) -> String {
    set.iter()
        .map(|w| format!("'{}'", text(*w)))
        .collect::<Vec<_>>()
        .join(",")
}

fn number(v: f64) -> Option<String> {
    v.is_finite().then(|| format!("{v:?}"))
}

/// An integer column against a number, as `Value::number_passes` does.
fn int_cmp(column: &str, op: CmpOp, value: f64) -> Option<String> {
    let v = number(value)?;
    Some(format!("{column} {} {v}", op.as_str()))
}

/// SQL for one check on a row of `table`, or `None` when only Rust can
/// test it.
fn check_sql(
    ws: &Workspace,
    table: Table_,
    check: &Check,
    targets: &mut Need,
) -> crate::Result<Option<String>> {
    let claims = table == Table_::Claims;
    if matches!(table, Table_::Events | Table_::Documents) {
        return other_sql(ws, table, check, targets);
    }
    Ok(match check {
        Check::Related { relation, node } => {
            let claim = related_sql(ws, *relation, node, targets)?;
            if claims {
                claim
            } else {
                claim.map(|c| {
                    format!("EXISTS (SELECT 1 FROM claims WHERE claims.id IN (findings.a, findings.b) AND {c})")
                })
            }
        }
        Check::Measure(set) if claims => {
            Some(format!("measure IN ({})", words(set, |m| m.as_str())))
        }
        // A finding's measure is its first claim's, else its second's.
        Check::Measure(set) => Some(format!(
            "COALESCE((SELECT measure FROM claims WHERE id = findings.a), (SELECT measure FROM claims WHERE id = findings.b)) IN ({})",
            words(set, |m| m.as_str())
        )),
        Check::Date {
            key: Key::Date,
            op,
            range,
        } => {
            let test = date_cmp(*op, range);
            Some(if claims {
                format!("({test})")
            } else {
                format!("EXISTS (SELECT 1 FROM claims WHERE claims.id IN (findings.a, findings.b) AND {test})")
            })
        }
        Check::Polarity(set) if claims => {
            Some(format!("polarity IN ({})", words(set, |m| m.as_str())))
        }
        Check::ClaimKind(set) if claims => {
            Some(format!("kind IN ({})", words(set, |m| m.as_str())))
        }
        Check::Bound(set) if claims => Some(format!(
            "bound IN ({}) AND value IS NOT NULL AND lo IS NOT NULL",
            words(set, |m| m.as_str())
        )),
        Check::FindingKind(set) if !claims => Some(format!(
            "kind IN ({})",
            words(set, |k: FindingKind| k.as_str())
        )),
        Check::Flag {
            key: Key::Independent,
            value,
        } if !claims => Some(format!("independent = {}", i64::from(*value))),
        Check::Number { key, op, value } => match (table, key) {
            (_, Key::Id) => int_cmp("id", *op, *value),
            (Table_::Claims, Key::Document) => int_cmp("document", *op, *value),
            (Table_::Claims, Key::Event) => int_cmp("event", *op, *value),
            (Table_::Findings, Key::ClaimA) => int_cmp("a", *op, *value),
            (Table_::Findings, Key::ClaimB) => int_cmp("b", *op, *value),
            (Table_::Claims, Key::Value) => figure_cmp(*op, *value),
            // A test of a finding's figures holds when either claim's does.
            (Table_::Findings, Key::Value) => figure_cmp(*op, *value).map(|test| {
                format!("EXISTS (SELECT 1 FROM claims WHERE claims.id IN (findings.a, findings.b) AND {test})")
            }),
            _ => None,
        },
        _ => None,
    })
}

/// SQL for a check on an event or a document: what is exact and cheap
/// (ids, kinds, the place of an event); `None` for the rest, which Rust
/// tests. The records a relation names are resolved into `targets` either
/// way, for the graph to hold them.
fn other_sql(
    ws: &Workspace,
    table: Table_,
    check: &Check,
    targets: &mut Need,
) -> crate::Result<Option<String>> {
    let events = table == Table_::Events;
    Ok(match check {
        Check::Related { relation, node } => {
            // resolves the node (and records what is missing)
            related_sql(ws, *relation, node, targets)?;
            match (relation, node) {
                (RelationKind::At, Node::Named(_)) if events => {
                    let l = targets
                        .named
                        .iter()
                        .map(i64::to_string)
                        .collect::<Vec<_>>()
                        .join(",");
                    Some(format!("place IN ({l})"))
                }
                _ => None,
            }
        }
        Check::EventKind(set) if events => {
            Some(format!("kind IN ({})", words(set, |k| k.as_str())))
        }
        Check::Number {
            key: Key::Id,
            op,
            value,
        } => int_cmp("id", *op, *value),
        Check::Number {
            key: Key::Document,
            op,
            value,
        } if events => int_cmp("document", *op, *value),
        _ => None,
    })
}

/// A claim's date (its own, else its article's publication day) against
/// a range, as `Value::date_passes` tests it; a claim without a date
/// passes nothing.
fn date_cmp(op: CmpOp, range: &crate::model::DateRange) -> String {
    let own = "claims.date_start IS NOT NULL AND claims.date_end IS NOT NULL AND claims.date_precision IS NOT NULL";
    let published = "(SELECT published FROM documents WHERE documents.id = claims.document)";
    let start = format!("(CASE WHEN {own} THEN claims.date_start ELSE {published} END)");
    let end = format!("(CASE WHEN {own} THEN claims.date_end ELSE {published} END)");
    let (rs, re) = (range.start.format("%Y-%m-%d"), range.end.format("%Y-%m-%d"));
    let test = match op {
        CmpOp::Eq => format!("{start} <= '{re}' AND '{rs}' <= {end}"),
        CmpOp::Ne => format!("NOT ({start} <= '{re}' AND '{rs}' <= {end})"),
        CmpOp::Lt => format!("{start} < '{rs}'"),
        CmpOp::Le => format!("{start} <= '{re}'"),
        CmpOp::Gt => format!("{end} > '{re}'"),
        CmpOp::Ge => format!("{end} >= '{rs}'"),
    };
    format!("{start} IS NOT NULL AND {end} IS NOT NULL AND {test}")
}

/// A claim's figure against a number: some number of its interval passes.
fn figure_cmp(op: CmpOp, value: f64) -> Option<String> {
    let v = number(value)?;
    let test = match op {
        CmpOp::Eq => format!("lo <= {v} AND (hi IS NULL OR hi >= {v})"),
        CmpOp::Ne => format!("NOT (lo = {v} AND hi IS NOT NULL AND hi = {v})"),
        CmpOp::Lt => format!("lo < {v}"),
        CmpOp::Le => format!("lo <= {v}"),
        CmpOp::Gt => format!("(hi IS NULL OR hi > {v})"),
        CmpOp::Ge => format!("(hi IS NULL OR hi >= {v})"),
    };
    Some(format!(
        "value IS NOT NULL AND bound IS NOT NULL AND lo IS NOT NULL AND {test}"
    ))
}

/// SQL for a claim standing in `relation` to `node`, as
/// `sources::related` tests it.
fn related_sql(
    ws: &Workspace,
    relation: RelationKind,
    node: &Node,
    targets: &mut Need,
) -> crate::Result<Option<String>> {
    let store = ws.store();
    let ids: Vec<i64> = match node {
        Node::Named(name) => {
            let ids = store.entities_folded(&fold(&name.text))?;
            targets.unresolved |= ids.is_empty();
            targets.named = ids.clone();
            ids
        }
        Node::Id { kind, id, .. } => {
            let id = i64::try_from(*id).unwrap_or(i64::MAX);
            let table = match kind {
                NodeKind::Entity => "entities",
                NodeKind::Event => "events",
                NodeKind::Document => "documents",
                NodeKind::Claim => "claims",
                NodeKind::Finding => "findings",
            };
            let stored = store.number(
                &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
                &[&id],
            )?;
            targets.unresolved |= stored == 0;
            let sql = match kind {
                NodeKind::Entity => {
                    targets.entities.insert(id);
                    vec![id]
                }
                NodeKind::Event => {
                    targets.events.insert(id);
                    return Ok(Some(format!("event = {id}")));
                }
                NodeKind::Document => {
                    targets.documents.insert(id);
                    return Ok(Some(format!("document = {id}")));
                }
                NodeKind::Claim => {
                    targets.claims.insert(id);
                    return Ok(Some(format!("id = {id}")));
                }
                NodeKind::Finding => {
                    targets.findings.insert(id);
                    return Ok(Some(format!(
                        "id IN (SELECT a FROM findings WHERE id = {id} UNION SELECT b FROM findings WHERE id = {id})"
                    )));
                }
            };
            sql
        }
    };
    targets.entities.extend(ids.iter().copied());
    let l = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let event_of = format!(
        "event IN (SELECT id FROM events WHERE place IN ({l}) UNION SELECT event FROM participants WHERE entity IN ({l}))"
    );
    let sentence = format!(
        "EXISTS (SELECT 1 FROM mentions m WHERE m.entity IN ({l}) AND m.document = claims.document AND m.start < claims.sentence_end AND claims.sentence_start < m.end)"
    );
    let about = format!("subject_entity IN ({l}) OR {event_of} OR {sentence}");
    let via = format!("claims.id IN (SELECT claim FROM claim_via WHERE entity IN ({l}))");
    Ok(Some(match relation {
        RelationKind::By => format!("claimant IN ({l})"),
        RelationKind::In => format!("outlet IN ({l})"),
        RelationKind::Via => via,
        RelationKind::At => format!("event IN (SELECT id FROM events WHERE place IN ({l}))"),
        RelationKind::About => format!("({about})"),
        RelationKind::Involving => {
            format!("(claimant IN ({l}) OR outlet IN ({l}) OR {via} OR {about})")
        }
    }))
}

/// `stats` from SQL counts, as `sources::stats` counts the graph.
fn stats(ws: &Workspace) -> crate::Result<Answer> {
    let store = ws.store();
    let n = |sql: &str| store.number(sql, &[]);
    let documents = n("SELECT count(*) FROM documents")?;
    let entities = n("SELECT count(*) FROM entities")?;
    let events = n("SELECT count(*) FROM events")?;
    let claims = n("SELECT count(*) FROM claims")?;
    let findings = n("SELECT count(*) FROM findings")?;
    let of = |k: FindingKind| {
        store.number(
            "SELECT count(*) FROM findings WHERE kind = ?1",
            &[&k.as_str()],
        )
    };
    // One edge per claim (its document), speaker, agency, event; per
    // event place and participant; per document and entity it mentions;
    // per finding.
    let edges = claims
        + n("SELECT count(*) FROM claims WHERE claimant IS NOT NULL")?
        + n("SELECT count(*) FROM claim_via")?
        + n("SELECT count(*) FROM claims WHERE event IS NOT NULL")?
        + n("SELECT count(*) FROM events WHERE place IS NOT NULL")?
        + n("SELECT count(*) FROM participants")?
        + n(MENTION_PAIRS)?
        + findings;
    let mut t = Table::new(None, &["what", "count"]);
    for (what, count) in [
        ("documents", documents),
        ("entities", entities),
        ("events", events),
        ("claims", claims),
        ("findings", findings),
        ("contradictions", of(FindingKind::Contradiction)?),
        ("agreements", of(FindingKind::Agreement)?),
        ("updates", of(FindingKind::Update)?),
        ("edges", edges),
    ] {
        t.push(vec![Cell::text(what), Cell::Int(count)]);
    }
    let pending = store.pending_comparison().unwrap_or(0);
    if pending > 0 {
        t.push(vec![
            Cell::text("comparison pending (documents)"),
            Cell::Int(pending as i64),
        ]);
    }
    Ok(Answer {
        tables: vec![t],
        nodes: Vec::new(),
    })
}
