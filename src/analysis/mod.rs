//! Claim comparison: which claims are about one real-world event, and what
//! claims about one event, measure and subject say about each other
//! (contradictions, agreements, updates), each finding with its reason.
//!
//! [`analyze`] does it once for a whole corpus; [`Analyzer`] keeps the state
//! so that a new batch of articles is compared only inside the groups it
//! touches. Both run the same code: a one-shot analysis is one big batch.
//!
//! The rules are documented where they live: event coreference in [`coref`],
//! the interval, update, agreement and polarity rules in [`compare`].

pub mod compare;
pub mod coref;
pub mod group;
pub mod ledger;
pub mod reason;
pub mod words;

use crate::model::{
    ClaimRecord, DocumentRecord, EntityRecord, EventRecord, FindingKind, FindingRecord,
};
use compare::Sources;
use coref::{Coref, Merge};
use group::{GroupKey, Scope};
use ledger::Ledger;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Which events (and so which claims) were found to be one real-world event.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Clusters {
    /// Event id → cluster id (the smallest event id of the cluster).
    pub events: BTreeMap<i64, i64>,
    /// Claim id → cluster id, for claims tied to a known event.
    pub claims: BTreeMap<i64, i64>,
    /// Each merge of two events, with its reason.
    pub merges: Vec<Merge>,
}

/// The result of a one-shot analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub clusters: Clusters,
    /// Every finding, sorted by kind and claim ids; ids are 0 (the store
    /// assigns them).
    pub findings: Vec<FindingRecord>,
}

/// What one batch changed: findings to add, and earlier findings that no
/// longer hold (e.g. an update 49 → 135 replaced by 49 → 105 → 135 when the
/// middle figure arrives late, or pairs regrouped after two events merged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delta {
    pub findings: Vec<FindingRecord>,
    pub retracted: Vec<FindingRecord>,
}

#[derive(Debug, Default)]
struct Group {
    members: Vec<i64>,
    findings: Vec<FindingRecord>,
}

/// Incremental comparison state: events clustered so far, and claims grouped
/// by event cluster × measure × subject, each group with its findings.
#[derive(Debug, Default)]
pub struct Analyzer {
    ledger: Ledger,
    coref: Coref,
    claims: HashMap<i64, ClaimRecord>,
    groups: HashMap<GroupKey, Group>,
    claim_group: HashMap<i64, GroupKey>,
    cluster_groups: HashMap<i64, Vec<GroupKey>>,
    /// Events of each document, for claims the extractor tied to none.
    document_events: HashMap<i64, Vec<i64>>,
}

/// Compare a whole corpus at once.
pub fn analyze(
    documents: &[DocumentRecord],
    entities: &[EntityRecord],
    events: &[EventRecord],
    claims: &[ClaimRecord],
) -> Analysis {
    let analyzer = Analyzer::from_records(documents, entities, events, claims);
    Analysis {
        clusters: analyzer.clusters(),
        findings: analyzer.findings(),
    }
}

/// Groups touched by the batch being added, with the findings they held
/// before it.
#[derive(Default)]
struct Touched {
    keys: HashSet<GroupKey>,
    before: Vec<FindingRecord>,
}

impl Touched {
    fn touch(&mut self, key: &GroupKey, group: Option<&Group>) {
        if self.keys.insert(key.clone()) {
            if let Some(g) = group {
                self.before.extend(g.findings.iter().cloned());
            }
        }
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Self::default()
    }

    /// The state for records already stored (their findings are recomputed,
    /// not read back, so they always follow the current rules).
    pub fn from_records(
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
    ) -> Self {
        let mut a = Self::new();
        a.add(documents, entities, events, claims);
        a
    }

    /// Add a batch (typically one article: its document, new entities,
    /// events and claims) and return what changed. Known ids are skipped, so
    /// adding a batch twice changes nothing.
    pub fn add(
        &mut self,
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
    ) -> Delta {
        self.ledger.add_documents(documents);
        self.ledger.add_entities(entities);
        let mut touched = Touched::default();

        let mut events: Vec<&EventRecord> = events.iter().collect();
        events.sort_by_key(|e| e.id);
        for e in events {
            self.ledger.add_event(e);
            self.document_events
                .entry(e.document)
                .or_default()
                .push(e.id);
            let published = self.ledger.published(e.document);
            let ledger = &self.ledger;
            let describe = |id: i64| {
                ledger
                    .name(id)
                    .map_or_else(|| format!("#{id}"), str::to_string)
            };
            let replaced = self.coref.add(e, published, &describe);
            for (gone, keep) in replaced {
                self.regroup(gone, keep, &mut touched);
            }
        }

        let mut claims: Vec<&ClaimRecord> = claims
            .iter()
            .filter(|c| !self.claims.contains_key(&c.id))
            .collect();
        // Denials last, so that the claim a denial answers is placed first.
        claims.sort_by_key(|c| (c.denies.is_some(), c.id));
        for c in claims {
            let scope = self.scope_of(c);
            let key = GroupKey::of(c, scope);
            touched.touch(&key, self.groups.get(&key));
            self.groups
                .entry(key.clone())
                .or_default()
                .members
                .push(c.id);
            if let Scope::Cluster(id) = scope {
                let keys = self.cluster_groups.entry(id).or_default();
                if !keys.contains(&key) {
                    keys.push(key.clone());
                }
            }
            self.claim_group.insert(c.id, key);
            self.claims.insert(c.id, c.clone());
        }

        let mut after = Vec::new();
        for key in &touched.keys {
            let Some(group) = self.groups.get(key) else {
                continue;
            };
            let members: Vec<&ClaimRecord> = group
                .members
                .iter()
                .filter_map(|id| self.claims.get(id))
                .collect();
            let found = group::findings(&members, &self.ledger);
            after.extend(found.iter().cloned());
            if let Some(group) = self.groups.get_mut(key) {
                group.findings = found;
            }
        }
        diff(touched.before, after)
    }

    /// Where a claim is compared: with the claim it denies, else in its
    /// event's cluster; an accusation or denial tied to no event goes to its
    /// article's event when the article tells of one event only; anything
    /// else stays inside its own article.
    fn scope_of(&self, c: &ClaimRecord) -> Scope {
        if c.quantity.is_none() {
            if let Some(key) = c.denies.and_then(|t| self.claim_group.get(&t)) {
                return key.scope;
            }
        }
        if let Some(cluster) = c.event.and_then(|e| self.coref.cluster_of(e)) {
            return Scope::Cluster(cluster);
        }
        if c.quantity.is_none() && c.event.is_none() {
            let mut clusters: Vec<i64> = self
                .document_events
                .get(&c.document)
                .into_iter()
                .flatten()
                .filter_map(|e| self.coref.cluster_of(*e))
                .collect();
            clusters.sort_unstable();
            clusters.dedup();
            if let [only] = clusters[..] {
                return Scope::Cluster(only);
            }
        }
        Scope::Document(c.document)
    }

    /// Cluster `gone` was merged into `keep`: move its groups.
    fn regroup(&mut self, gone: i64, keep: i64, touched: &mut Touched) {
        for old_key in self.cluster_groups.remove(&gone).unwrap_or_default() {
            let Some(old) = self.groups.remove(&old_key) else {
                continue;
            };
            touched.touch(&old_key, Some(&old));
            let new_key = GroupKey {
                scope: Scope::Cluster(keep),
                ..old_key
            };
            touched.touch(&new_key, self.groups.get(&new_key));
            for id in &old.members {
                self.claim_group.insert(*id, new_key.clone());
            }
            self.groups
                .entry(new_key.clone())
                .or_default()
                .members
                .extend(old.members);
            let keys = self.cluster_groups.entry(keep).or_default();
            if !keys.contains(&new_key) {
                keys.push(new_key);
            }
        }
    }

    /// Every current finding, sorted by kind and claim ids.
    pub fn findings(&self) -> Vec<FindingRecord> {
        let mut all: Vec<FindingRecord> = self
            .groups
            .values()
            .flat_map(|g| g.findings.iter().cloned())
            .collect();
        all.sort_by_key(|f| (f.kind, f.a, f.b));
        all
    }

    /// The event clusters found so far.
    pub fn clusters(&self) -> Clusters {
        let events: BTreeMap<i64, i64> = self
            .coref
            .events()
            .filter_map(|e| self.coref.cluster_of(e).map(|c| (e, c)))
            .collect();
        let claims = self
            .claims
            .values()
            .filter_map(|c| {
                let e = c.event?;
                events.get(&e).map(|cl| (c.id, *cl))
            })
            .collect();
        Clusters {
            events,
            claims,
            merges: self.coref.merges().to_vec(),
        }
    }

    /// Number of claims known.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

fn diff(before: Vec<FindingRecord>, after: Vec<FindingRecord>) -> Delta {
    type Key = (FindingKind, i64, i64);
    let key = |f: &FindingRecord| -> Key { (f.kind, f.a, f.b) };
    let old: HashSet<Key> = before.iter().map(key).collect();
    let new: HashSet<Key> = after.iter().map(key).collect();
    let mut findings: Vec<FindingRecord> = after
        .into_iter()
        .filter(|f| !old.contains(&key(f)))
        .collect();
    let mut retracted: Vec<FindingRecord> = before
        .into_iter()
        .filter(|f| !new.contains(&key(f)))
        .collect();
    findings.sort_by_key(key);
    retracted.sort_by_key(key);
    Delta {
        findings,
        retracted,
    }
}
