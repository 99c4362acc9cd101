//! Claim comparison: which claims are about one real-world event, and what
//! claims about one event, measure and subject say about each other
//! (contradictions, agreements, updates), each finding with its reason.
//!
//! [`analyze`] does it once for a whole corpus; [`Analyzer`] keeps the state
//! so that a new batch of articles is compared only inside the groups it
//! touches. Both run the same code: a one-shot analysis is one big batch.
//!
//! Claims are compared inside *series*: one incident across articles (see
//! [`incident`]: shared place, shared country and kind of event, event
//! coreference; a war's cumulative toll apart from the day's), one measure,
//! one kind of subject, and compatible sides and scopes of what is counted.
//! Places lie in countries ([`places`]): where a toll is split by country,
//! each country's, each part's and the whole's are separate series (see
//! [`group::findings`]).
//!
//! The rules are documented where they live: article incidents in
//! [`incident`], event coreference in [`coref`], the interval, update,
//! agreement and polarity rules in [`compare`], series in [`group`].

pub mod compare;
pub mod coref;
pub mod group;
pub mod ids;
pub mod incident;
pub mod ledger;
pub mod places;
pub mod reason;
pub mod words;

use crate::model::{
    ClaimRecord, DocumentRecord, EntityKind, EntityRecord, EventKind, EventRecord, FindingKind,
    FindingRecord, MentionRecord,
};
use chrono::{Datelike, NaiveDate};
use compare::Sources;
use coref::{Coref, Merge};
use group::{GroupKey, Scope};
use ids::{Chains, IdMap, IdSet};
use ledger::Ledger;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use words::subject_class;

/// Which events (and so which claims) were found to be one real-world event.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Clusters {
    /// Event id → cluster id (the smallest event id of the cluster).
    pub events: BTreeMap<i64, i64>,
    /// Claim id → cluster id, for claims tied to a known event.
    pub claims: BTreeMap<i64, i64>,
    /// Each merge of two events, with its reason.
    pub merges: Vec<Merge>,
    /// Each merge of two articles' incidents, with its reason.
    pub incidents: Vec<incident::IncidentMerge>,
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
struct Group<'a> {
    members: Vec<Held<'a>>,
    findings: Vec<FindingRecord>,
}

/// Incremental comparison state: events clustered so far, and claims grouped
/// by event cluster × measure × subject, each group with its findings.
///
/// [`Analyzer::add`] keeps its own copy of the claims (`Analyzer<'static>`);
/// a one-shot [`analyze`] borrows them from the caller instead.
#[derive(Debug, Default)]
pub struct Analyzer<'a> {
    ledger: Ledger,
    coref: Coref,
    groups: IdMap<GroupKey, Group<'a>>,
    claim_group: IdMap<i64, GroupKey>,
    cluster_groups: IdMap<i64, Vec<GroupKey>>,
    /// Incidents across articles, and the groups placed in each.
    incidents: incident::Incidents,
    incident_groups: IdMap<i64, Vec<GroupKey>>,
    /// Entities each document names (for places), until it is added.
    named: IdMap<i64, Vec<i64>>,
    /// Every place and country mention of each document (start, entity),
    /// in text order, until its claims are added (for implicit scopes).
    place_mentions: IdMap<i64, Vec<(usize, i64)>>,
    /// Disputes of figures inside one article (see [`group::disputes`]):
    /// an article arrives whole, so they never change afterwards.
    disputes: Vec<FindingRecord>,
    /// Events of each document, for claims the extractor tied to none.
    document_events: Chains<i64>,
    /// Subject text → interned subject class, and the classes.
    subjects: HashMap<String, u32>,
    classes: HashMap<String, u32>,
}

/// Compare a whole corpus at once (without the places articles name: see
/// [`analyze_with_places`]).
pub fn analyze(
    documents: &[DocumentRecord],
    entities: &[EntityRecord],
    events: &[EventRecord],
    claims: &[ClaimRecord],
) -> Analysis {
    analyze_with_places(documents, entities, events, claims, &[])
}

/// Compare a whole corpus at once, the places its articles name (their
/// mentions) grouping them into incidents as ingest does.
pub fn analyze_with_places(
    documents: &[DocumentRecord],
    entities: &[EntityRecord],
    events: &[EventRecord],
    claims: &[ClaimRecord],
    mentions: &[MentionRecord],
) -> Analysis {
    let mut analyzer = Analyzer::new();
    analyzer.add_mentions(mentions);
    analyzer.batch(
        documents,
        entities,
        events,
        claims,
        Held::Borrowed,
        Mode::OneShot,
    );
    Analysis {
        clusters: analyzer.clusters(),
        findings: analyzer.into_findings(),
    }
}

type FindingKey = (FindingKind, i64, i64);

fn finding_key(f: &FindingRecord) -> FindingKey {
    (f.kind, f.a, f.b)
}

/// Groups touched by the batch being added, and the findings they held
/// before it (moved out of the groups, which are recomputed at the end).
#[derive(Default)]
struct Touched {
    keys: Vec<GroupKey>,
    seen: IdSet<GroupKey>,
    before: Vec<FindingRecord>,
}

impl Touched {
    fn touch(&mut self, key: GroupKey, group: Option<&mut Group<'_>>) {
        if self.seen.insert(key) {
            self.keys.push(key);
        }
        if let Some(g) = group {
            self.before.append(&mut g.findings);
        }
    }
}

impl Analyzer<'static> {
    /// The state for records already stored (their findings are recomputed,
    /// not read back, so they always follow the current rules).
    pub fn from_records(
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
    ) -> Self {
        let mut a = Self::new();
        a.load(documents, entities, events, claims);
        a
    }

    /// Load records already stored into this (empty) state; mentions given
    /// before with [`Analyzer::add_mentions`] count as incident evidence.
    pub fn load(
        &mut self,
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        events: &[EventRecord],
        claims: &[ClaimRecord],
    ) {
        self.batch(documents, entities, events, claims, owned, Mode::Load);
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
        self.batch(documents, entities, events, claims, owned, Mode::Delta)
    }
}

/// How a batch is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Into a running state: report what changed.
    Delta,
    /// Into an empty state that will be added to later.
    Load,
    /// Into an empty state read once (no later batches, no delta).
    OneShot,
}

fn owned(c: &ClaimRecord) -> Held<'static> {
    Held::Owned(Box::new(c.clone()))
}

/// A claim the analysis holds: borrowed from the caller for a one-shot
/// analysis, owned by an incremental one. Small either way, so that the
/// table of claims stays dense.
#[derive(Debug)]
enum Held<'a> {
    Borrowed(&'a ClaimRecord),
    Owned(Box<ClaimRecord>),
}

impl std::ops::Deref for Held<'_> {
    type Target = ClaimRecord;
    fn deref(&self) -> &ClaimRecord {
        match self {
            Held::Borrowed(c) => c,
            Held::Owned(c) => c,
        }
    }
}

/// The subject class of assertions that state a figure (compared through
/// the figure): no denial shares it.
const FIGURE_STATEMENTS: u32 = u32::MAX;

/// How far into an article its headline and lead run, for the places that
/// say what it is about.
const LEAD_BYTES: usize = 800;

/// How far after an article's first place its other opening places may
/// stand, for an article whose lead names none.
const FIRST_PLACES_BYTES: usize = 200;

impl<'a> Analyzer<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The entities articles name (for the places that group them into
    /// incidents); give them before the batch that adds the articles.
    ///
    /// Only what the article is about counts: a place of its headline or
    /// lead (its first `LEAD_BYTES`), or one it names again. A place named
    /// once in passing further down ("après celles de Boulkessy et Mondoro",
    /// recalling an earlier attack) does not join the two incidents.
    ///
    /// An article whose lead names no place at all is placed by the first
    /// places it names, together (within `FIRST_PLACES_BYTES` of the
    /// first): "autour des camps de Boulkessy et de Mondoro, dans le centre
    /// du Mali" further down an article whose lead tells only of "deux
    /// camps".
    pub fn add_mentions(&mut self, mentions: &[MentionRecord]) {
        let mut seen: HashMap<(i64, i64), (usize, bool)> = HashMap::new();
        // Per document: whether its lead names a place, and its first mention.
        let mut first: HashMap<i64, (bool, usize)> = HashMap::new();
        for m in mentions {
            self.place_mentions
                .entry(m.document)
                .or_default()
                .push((m.span.start, m.entity));
            let e = seen.entry((m.document, m.entity)).or_insert((0, false));
            e.0 += 1;
            e.1 |= m.span.start < LEAD_BYTES;
            let f = first.entry(m.document).or_insert((false, usize::MAX));
            f.0 |= m.span.start < LEAD_BYTES;
            f.1 = f.1.min(m.span.start);
        }
        for m in mentions {
            let Some(&(count, in_lead)) = seen.get(&(m.document, m.entity)) else {
                continue;
            };
            let opening = first.get(&m.document).is_some_and(|&(lead, start)| {
                !lead && m.span.start < start.saturating_add(FIRST_PLACES_BYTES)
            });
            if count < 2 && !in_lead && !opening {
                continue;
            }
            let list = self.named.entry(m.document).or_default();
            if !list.contains(&m.entity) {
                list.push(m.entity);
            }
        }
    }

    /// Group a new article into incidents, from the places it names and
    /// the kinds of its events.
    fn place_document(&mut self, document: i64, recalled: Vec<NaiveDate>, touched: &mut Touched) {
        let named = self.named.remove(&document).unwrap_or_default();
        let mut ev = incident::Evidence {
            published: self.ledger.published(document),
            recalled,
            ..Default::default()
        };
        let mut within: Vec<&'static str> = Vec::new();
        for e in named {
            let name = || self.ledger.name(e).unwrap_or_default().to_string();
            match compare::Sources::kind(&self.ledger, e) {
                Some(EntityKind::Place) => {
                    // "Gaziantep" tells of Turkey too.
                    if let Some(c) = self.ledger.name(e).and_then(places::country_of) {
                        within.push(c);
                    }
                    ev.places.push((e, name()));
                }
                Some(EntityKind::Country) => ev.countries.push((e, name())),
                _ => {}
            }
        }
        for c in within {
            let Some(id) = self.ledger.country_id(c) else {
                continue;
            };
            if !ev.countries.iter().any(|(x, _)| *x == id) {
                ev.countries.push((id, c.to_string()));
            }
        }
        for ev_id in self.document_events.get(&document) {
            if let Some(k) = self.ledger.event(ev_id).map(|x| coref::family(x.kind)) {
                if !ev.families.contains(&k) {
                    ev.families.push(k);
                }
            }
        }
        for (gone, keep) in self.incidents.add(document, ev) {
            self.regroup_incident(gone, keep, touched);
        }
    }

    /// Incident `gone` was merged into `keep`: move its groups.
    fn regroup_incident(&mut self, gone: i64, keep: i64, touched: &mut Touched) {
        for old_key in self.incident_groups.remove(&gone).unwrap_or_default() {
            let Scope::Incident(_, cumulative) = old_key.scope else {
                continue;
            };
            let new_key = GroupKey {
                scope: Scope::Incident(keep, cumulative),
                ..old_key
            };
            if self.move_group(old_key, new_key, touched) {
                let keys = self.incident_groups.entry(keep).or_default();
                if !keys.contains(&new_key) {
                    keys.push(new_key);
                }
            }
        }
    }

    /// Move the members of group `old_key` into `new_key` (both touched);
    /// false when there was no such group.
    fn move_group(&mut self, old_key: GroupKey, new_key: GroupKey, touched: &mut Touched) -> bool {
        let Some(mut old) = self.groups.remove(&old_key) else {
            return false;
        };
        touched.touch(old_key, Some(&mut old));
        for c in &old.members {
            self.claim_group.insert(c.id, new_key);
        }
        let group = self.groups.entry(new_key).or_default();
        group.members.extend(old.members);
        touched.touch(new_key, Some(group));
        true
    }

    /// Add a batch; `keep` decides whether claims are copied or borrowed.
    fn batch<'b>(
        &mut self,
        documents: &[DocumentRecord],
        entities: &[EntityRecord],
        events: &[EventRecord],
        claims: &'b [ClaimRecord],
        keep: fn(&'b ClaimRecord) -> Held<'a>,
        mode: Mode,
    ) -> Delta {
        let want_delta = mode == Mode::Delta;
        self.ledger.add_documents(documents);
        self.ledger.add_entities(entities);
        let mut touched = Touched::default();
        // Room for the batch up front: a large batch (the initial load)
        // would otherwise rehash the big tables several times.
        self.ledger.reserve_events(events.len());
        self.coref.reserve(events.len());
        self.claim_group.reserve(claims.len());
        self.groups.reserve(claims.len() / 2);

        let merges_before = self.coref.merges().len();
        let mut events: Vec<&EventRecord> = events.iter().collect();
        events.sort_by_key(|e| e.id);
        for e in events {
            if self.ledger.event(e.id).is_some() {
                continue;
            }
            self.ledger.add_event(e);
            self.document_events.push(e.document, e.id);
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

        // Articles into incidents: on their own evidence, then on the event
        // coreference merges of this batch.
        let mut docs: Vec<i64> = documents.iter().map(|d| d.id).collect();
        docs.sort_unstable();
        // The dates an article's figures refer to, well before it: "en mars
        // 2022" in a report of May 2023 (a few months per article).
        let mut recalled: IdMap<i64, Vec<NaiveDate>> = IdMap::default();
        for c in claims.iter().filter(|c| c.quantity.is_some()) {
            let (Some(d), Some(p)) = (c.date, self.ledger.published(c.document)) else {
                continue;
            };
            if (p - d.start).num_days() <= incident::PLACE_KIND_WINDOW_DAYS {
                continue;
            }
            let list = recalled.entry(c.document).or_default();
            let month = |x: NaiveDate| (x.year(), x.month());
            // The end of the range: "en mars 2022" runs to 31 March.
            if list.len() < incident::RECALLED_DATES
                && !list.iter().any(|x| month(*x) == month(d.end))
            {
                list.push(d.end);
            }
        }
        for d in docs {
            let r = recalled.remove(&d).unwrap_or_default();
            self.place_document(d, r, &mut touched);
        }
        let joins: Vec<(i64, i64, String)> = self.coref.merges()[merges_before..]
            .iter()
            .filter_map(|m| {
                let a = self.ledger.event(m.a)?.document;
                let b = self.ledger.event(m.b)?.document;
                (a != b).then(|| (a, b, m.reason.clone()))
            })
            .collect();
        for (a, b, reason) in joins {
            if let Some((gone, keep)) = self.incidents.join(a, b, &reason) {
                self.regroup_incident(gone, keep, &mut touched);
            }
        }

        self.implicit_scopes(documents, claims);
        let known = &self.claim_group;
        let claims_in_batch: Vec<&'b ClaimRecord> = claims
            .iter()
            .filter(|c| !known.contains_key(&c.id))
            .collect();
        let mut claims: Vec<&'b ClaimRecord> = claims.iter().collect();
        // Denials last, so that the claim a denial answers is placed first.
        claims.sort_by_key(|c| (c.denies.is_some(), c.id));
        // An assertion that states a figure extracted on its own ("AP
        // déclare qu'au moins 600 civils ont été tués", and the figure "au
        // moins 600 civils") is compared through its figure, not as a
        // proposition against denials of the strike.
        let mut figures: IdMap<(i64, Option<i64>), Vec<crate::model::Span>> = IdMap::default();
        for c in claims.iter().filter(|c| c.quantity.is_some()) {
            figures
                .entry((c.document, compare::origin(c)))
                .or_default()
                .push(c.span);
        }
        let states_a_figure = |c: &ClaimRecord| {
            c.quantity.is_none()
                && c.polarity == crate::model::Polarity::Affirm
                && figures
                    .get(&(c.document, compare::origin(c)))
                    .is_some_and(|spans| {
                        spans
                            .iter()
                            .any(|s| c.span.start <= s.start && s.end <= c.span.end)
                    })
        };
        for c in claims {
            if self.claim_group.contains_key(&c.id) {
                continue;
            }
            let scope = self.scope_of(c);
            let subject = self.subject_of(c);
            let mut key = GroupKey::of(c, scope, subject);
            if compare::denies_deaths(c).is_some() {
                // With the dead it denies (see [`group::findings`]).
                key = GroupKey {
                    scope: Scope::Incident(self.incidents.of(c.document), false),
                    measure: Some(crate::model::Measure::Killed),
                    subject: 0,
                };
            } else if states_a_figure(c) {
                key = GroupKey {
                    scope: Scope::Document(c.document),
                    measure: None,
                    subject: FIGURE_STATEMENTS,
                };
            }
            let group = self.groups.entry(key).or_default();
            group.members.push(keep(c));
            if want_delta {
                touched.touch(key, Some(group));
            }
            if let (Scope::Cluster(id), false) = (key.scope, mode == Mode::OneShot) {
                let keys = self.cluster_groups.entry(id).or_default();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            if let (Scope::Incident(id, _), false) = (key.scope, mode == Mode::OneShot) {
                let keys = self.incident_groups.entry(id).or_default();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            self.claim_group.insert(c.id, key);
        }

        // Denials of figures against the figures they answer, per article.
        let mut by_document: IdMap<i64, Vec<&ClaimRecord>> = IdMap::default();
        for c in &claims_in_batch {
            by_document.entry(c.document).or_default().push(c);
        }
        let mut disputed = Vec::new();
        for list in by_document.values() {
            if list.iter().any(|c| compare::denies_a_report(c)) {
                disputed.extend(group::disputes(list, &self.ledger));
            }
        }
        if !want_delta {
            self.disputes.extend(disputed);
            // Everything was new: compute every group, walking the table.
            for group in self.groups.values_mut() {
                let members: Vec<&ClaimRecord> = group.members.iter().map(|c| &**c).collect();
                group.findings = group::findings(&members, &self.ledger);
            }
            return Delta::default();
        }
        let old: IdSet<FindingKey> = touched.before.iter().map(finding_key).collect();
        let mut new: IdSet<FindingKey> = IdSet::default();
        let mut delta = Delta::default();
        for key in &touched.keys {
            let Some(group) = self.groups.get(key) else {
                continue;
            };
            let members: Vec<&ClaimRecord> = group.members.iter().map(|c| &**c).collect();
            let found = group::findings(&members, &self.ledger);
            for f in &found {
                new.insert(finding_key(f));
                if !old.contains(&finding_key(f)) {
                    delta.findings.push(f.clone());
                }
            }
            if let Some(group) = self.groups.get_mut(key) {
                group.findings = found;
            }
        }
        for f in disputed {
            delta.findings.push(f.clone());
            self.disputes.push(f);
        }
        delta.retracted = touched
            .before
            .into_iter()
            .filter(|f| !new.contains(&finding_key(f)))
            .collect();
        delta.findings.sort_by_key(finding_key);
        delta.retracted.sort_by_key(finding_key);
        delta
    }

    /// The country each figure without a scope of its own is placed in by
    /// its sentence: the places and countries the sentence names before
    /// the figure, when they all lie in one country ("Le violent séisme qui
    /// a secoué le sud et le sud-est de la Turquie, lundi, a fait 2 316
    /// morts": Turquie; "le séisme qui a ravagé la Turquie et la Syrie [...]
    /// dépasse les 50 000 victimes": none). A figure that names a side
    /// ("soldats russes") is that side's, whatever country the sentence
    /// names; a country that speaks ("l'Ukraine affirme...") is no scope.
    /// Used only where an incident's figures are split by country (see
    /// [`group::findings`]).
    fn implicit_scopes(&mut self, documents: &[DocumentRecord], claims: &[ClaimRecord]) {
        for list in self.place_mentions.values_mut() {
            list.sort_unstable();
        }
        for c in claims {
            if c.quantity.is_none() || c.counted.scope.is_some() || c.counted.side.is_some() {
                continue;
            }
            let Some(list) = self.place_mentions.get(&c.document) else {
                continue;
            };
            let from = list.partition_point(|&(s, _)| s < c.sentence.start);
            let to = list.partition_point(|&(s, _)| s < c.span.start);
            let mut found: Option<&'static str> = None;
            let mut several = false;
            for &(_, e) in list.get(from..to).unwrap_or_default() {
                if Some(e) == c.claimant || c.via.contains(&e) {
                    continue;
                }
                let Some(country) = self.ledger.name(e).and_then(places::country_of) else {
                    continue;
                };
                if found.is_some_and(|f| f != country) {
                    several = true;
                }
                found = Some(country);
            }
            if let (Some(country), false) = (found, several) {
                self.ledger.set_implicit_scope(c.id, country);
            }
        }
        for d in documents {
            self.place_mentions.remove(&d.id);
        }
    }

    /// The interned subject class of a figure (0 for claims without one).
    fn subject_of(&mut self, c: &ClaimRecord) -> u32 {
        let Some(text) = c.subject.as_deref().filter(|_| c.quantity.is_some()) else {
            return 0;
        };
        // Tolls of people share one series per incident and measure; which
        // of them are compared is decided pair by pair (see
        // [`group::comparable`]): "25 militaires", "38 soldats" and "40
        // morts" are one toll, "2 civils" and "15 assaillants" are not.
        if c.measure.is_some_and(group::counts_people) {
            return 0;
        }
        // Things befallen people, whatever noun counts them: "104
        // personnes ont pu être secourues" and "104 rescapés".
        if let Some(k @ ("survivors" | "aboard")) = c.counted.category.as_deref() {
            let next = self.classes.len() as u32 + 1;
            return *self.classes.entry(k.to_string()).or_insert(next);
        }
        if let Some(id) = self.subjects.get(text) {
            return *id;
        }
        let class = subject_class(text);
        let next = self.classes.len() as u32 + 1;
        let id = *self.classes.entry(class).or_insert(next);
        self.subjects.insert(text.to_string(), id);
        id
    }

    /// Where a claim is compared: with the claim it denies, else in the
    /// incident of its article. A cumulative toll (a war's, or a figure
    /// whose own date lies well before the article: "depuis le 7 octobre")
    /// forms its own series inside the incident, apart from the day's toll.
    fn scope_of(&self, c: &ClaimRecord) -> Scope {
        if c.quantity.is_none() {
            if let Some(key) = c.denies.and_then(|t| self.claim_group.get(&t)) {
                return key.scope;
            }
        }
        if c.quantity.is_none() && c.event.is_none() {
            // An accusation or denial tied to no event goes to its article's
            // event when the article tells of one event only; else it stays
            // inside its article.
            // (bounded: an article of more than 64 events is taken to tell
            // of several, so that each of its statements costs a constant)
            let mut first = None;
            let mut several = false;
            for (n, e) in self.document_events.get(&c.document).enumerate() {
                let cluster = self.coref.cluster_of(e);
                if n >= 64 || first.is_some_and(|f| f != cluster) {
                    several = true;
                    break;
                }
                first = Some(cluster);
            }
            if several {
                return Scope::Document(c.document);
            }
        }
        let war = c
            .event
            .and_then(|e| self.ledger.event(e))
            .is_some_and(|e| e.kind == EventKind::War);
        // A figure dated well before its incident's first article is a
        // figure of an earlier incident: the one of articles published at
        // that time about the same place or country (see
        // [`incident::Incidents::near`]); when there is none, a cumulative
        // toll of its own ("depuis le 7 octobre"). A report of May 2023 on
        // an operation of March 2022 that joined the articles of April 2022
        // stays with them.
        let own = self.incidents.of(c.document);
        // A recalled toll of an event at a place the article names only in
        // passing: the incident of the articles about that place.
        if compare::recalled(c).is_some() {
            let place = c
                .event
                .and_then(|e| self.ledger.event(e))
                .and_then(|e| e.place);
            let published = self.ledger.published(c.document);
            if let (Some(p), Some(d)) = (place, published) {
                if let Some(earlier) = self.incidents.before(c.document, p, d) {
                    return Scope::Incident(earlier, war);
                }
            }
        }
        let first = self
            .incidents
            .earliest(c.document)
            .or_else(|| self.ledger.published(c.document));
        if let (Some(d), Some(p)) = (c.date, first) {
            if (p - d.end).num_days() > incident::PLACE_WINDOW_DAYS {
                return match self.incidents.near(c.document, d.end) {
                    Some(earlier) => Scope::Incident(earlier, war),
                    None => Scope::Incident(own, true),
                };
            }
        }
        Scope::Incident(own, war)
    }

    /// Cluster `gone` was merged into `keep`: move its groups.
    fn regroup(&mut self, gone: i64, keep: i64, touched: &mut Touched) {
        for old_key in self.cluster_groups.remove(&gone).unwrap_or_default() {
            let new_key = GroupKey {
                scope: Scope::Cluster(keep),
                ..old_key
            };
            if self.move_group(old_key, new_key, touched) {
                let keys = self.cluster_groups.entry(keep).or_default();
                if !keys.contains(&new_key) {
                    keys.push(new_key);
                }
            }
        }
    }

    /// Every current finding, sorted by kind and claim ids.
    pub fn findings(&self) -> Vec<FindingRecord> {
        let mut all: Vec<FindingRecord> = self
            .groups
            .values()
            .flat_map(|g| g.findings.iter().cloned())
            .chain(self.disputes.iter().cloned())
            .collect();
        all.sort_by_key(|f| (f.kind, f.a, f.b));
        all
    }

    /// Every current finding, moved out of the state, sorted.
    fn into_findings(self) -> Vec<FindingRecord> {
        let mut all: Vec<FindingRecord> = self
            .groups
            .into_values()
            .flat_map(|g| g.findings)
            .chain(self.disputes)
            .collect();
        all.sort_by_key(finding_key);
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
            .groups
            .values()
            .flat_map(|g| g.members.iter())
            .filter_map(|c| {
                let e = c.event?;
                events.get(&e).map(|cl| (c.id, *cl))
            })
            .collect();
        Clusters {
            events,
            claims,
            merges: self.coref.merges().to_vec(),
            incidents: self.incidents.merges().to_vec(),
        }
    }

    /// Each known document with its incident (the smallest document id of
    /// it) and why it joined it (`None`: alone), in document order.
    pub fn incidents(&self) -> Vec<(i64, i64, Option<String>)> {
        self.incidents.rows()
    }

    /// Number of claims known.
    pub fn len(&self) -> usize {
        self.claim_group.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claim_group.is_empty()
    }
}
