//! Event coreference: which document-level events are one real-world event.
//!
//! A wrong merge manufactures false contradictions, so merges are
//! conservative and each one is explained. Two events are merged only when
//!
//! - they have the same kind, or are both violent incidents (a strike,
//!   shelling, an explosion, a killing: "drone strikes killed 3 soldiers" and
//!   "2 soldiers were killed" name one incident from two sides) placed at one
//!   place with overlapping dates, and
//! - there is positive evidence: the same document; or the same place (entity
//!   ids are already alias-resolved); or, when a place is missing, a shared
//!   participant *and* explicitly stated dates on both sides; or, when a date
//!   is missing too, two shared participants (the same attacker and target)
//!   in articles published at most a day apart, and
//! - the clusters they belong to stay consistent: no two different places,
//!   and the dates of all members still have a day in common. An event's dates
//!   are its resolved time, else the week before its article's publication.
//!
//! Keeping the *intersection* of the members' dates stops chains: a strike at
//! a place on the 3rd, another there on the 4th and a third on the 5th stay
//! three events.
//!
//! Candidates come from blocks keyed by kind, place or participant and week,
//! so the cost of adding one event follows the events of that week at that
//! place, not the corpus.

use super::ids::{Chains, IdMap};
use crate::model::{EventKind, EventRecord};
use chrono::{Days, NaiveDate};
use std::collections::{BTreeSet, HashMap};

/// The block an event kind is compared in: violent incidents together
/// (one article's "strikes" is another's "killing"), every other kind alone.
pub fn family(kind: EventKind) -> EventKind {
    match kind {
        EventKind::Strike | EventKind::Shelling | EventKind::Killing | EventKind::Explosion => {
            EventKind::Strike
        }
        other => other,
    }
}

/// How many days before its publication an event with no date may lie.
pub const UNDATED_WINDOW_DAYS: u64 = 7;
/// Events whose dates span more weeks than this only merge inside their
/// document (a year-long "war" is too vague to pair on dates).
const MAX_WEEKS: i64 = 60;

/// One merge of two events, with its reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Merge {
    pub a: i64,
    pub b: i64,
    pub reason: String,
}

#[derive(Debug, Clone)]
struct Member {
    document: i64,
    kind: EventKind,
    place: Option<i64>,
    participants: Vec<i64>,
    window: Option<(NaiveDate, NaiveDate)>,
    explicit: bool,
    published: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
struct Cluster {
    place: Option<i64>,
    window: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Atom {
    Place(i64),
    /// A participant of an event that has a place: looked up only by events
    /// without a place.
    PlacedParticipant(i64),
    UnplacedParticipant(i64),
}

/// The clusters of one kind of event in one article (see
/// [`Coref::add`]): one event per cluster, by the place of that event,
/// and the first few placed ones for events with no place.
#[derive(Debug, Default)]
struct InDocument {
    by_place: HashMap<Option<i64>, Vec<i64>>,
    placed: Vec<i64>,
}

/// Clusters of events, grown one event at a time.
#[derive(Debug, Default)]
pub struct Coref {
    members: IdMap<i64, Member>,
    /// Union-find over events, by size: each tree's depth stays
    /// logarithmic whatever order events arrive in.
    parent: IdMap<i64, i64>,
    size: IdMap<i64, usize>,
    /// A tree's root → the cluster's id (its smallest event id).
    name: IdMap<i64, i64>,
    clusters: IdMap<i64, Cluster>,
    blocks: Chains<(EventKind, Atom, i64)>,
    /// Per document, kind and place (of the event when added): one event
    /// of each cluster. Two events of one article corefer on the article
    /// alone when they are of one kind, so one member per cluster is
    /// enough, and an article of thousands of tolls costs linear time.
    in_document: HashMap<(i64, EventKind), InDocument>,
    /// The events of each article entered in each block (see [`Coref::add`]).
    block_members: HashMap<(EventKind, Atom, i64, i64), Vec<i64>>,
    merges: Vec<Merge>,
}

fn week(d: NaiveDate) -> i64 {
    d.num_days_from_ce().div_euclid(7) as i64
}

use chrono::Datelike;

fn intersect(
    a: Option<(NaiveDate, NaiveDate)>,
    b: Option<(NaiveDate, NaiveDate)>,
) -> Result<Option<(NaiveDate, NaiveDate)>, ()> {
    match (a, b) {
        (Some((s1, e1)), Some((s2, e2))) => {
            let (s, e) = (s1.max(s2), e1.min(e2));
            if s <= e {
                Ok(Some((s, e)))
            } else {
                Err(())
            }
        }
        (x, None) | (None, x) => Ok(x),
    }
}

impl Coref {
    pub fn new() -> Self {
        Self::default()
    }

    /// The cluster id of an event: the smallest event id of its cluster.
    pub fn cluster_of(&self, event: i64) -> Option<i64> {
        self.name.get(&self.root(event)?).copied()
    }

    /// The root of an event's tree.
    fn root(&self, event: i64) -> Option<i64> {
        let mut root = event;
        loop {
            let parent = *self.parent.get(&root)?;
            if parent == root {
                return Some(root);
            }
            root = parent;
        }
    }

    fn size_of(&self, root: i64) -> usize {
        self.size.get(&root).copied().unwrap_or(1)
    }

    /// Make room for `n` more events (saves rehashing large tables).
    pub fn reserve(&mut self, n: usize) {
        self.members.reserve(n);
        self.parent.reserve(n);
        self.clusters.reserve(n);
    }

    /// Every merge made so far, in order.
    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// Event ids known, in no particular order.
    pub fn events(&self) -> impl Iterator<Item = i64> + '_ {
        self.members.keys().copied()
    }

    /// Add one event (its article's publication date given) and merge it with
    /// the clusters it corefers with. Returns the cluster ids that ceased to
    /// exist, each with the id that replaced it.
    pub fn add(
        &mut self,
        e: &EventRecord,
        published: Option<NaiveDate>,
        describe: &dyn Fn(i64) -> String,
    ) -> Vec<(i64, i64)> {
        if self.members.contains_key(&e.id) {
            return Vec::new();
        }
        let window = e
            .time
            .map(|t| (t.start.min(t.end), t.end.max(t.start)))
            .or_else(|| {
                published.map(|p| {
                    (
                        p.checked_sub_days(Days::new(UNDATED_WINDOW_DAYS))
                            .unwrap_or(p),
                        p,
                    )
                })
            });
        let mut participants: Vec<i64> = e.participants.iter().map(|p| p.entity).collect();
        participants.sort_unstable();
        participants.dedup();
        let member = Member {
            document: e.document,
            kind: e.kind,
            place: e.place,
            participants,
            window,
            explicit: e.time.is_some(),
            published,
        };
        let weeks: Vec<i64> = match window {
            Some((s, t)) if week(t) - week(s) <= MAX_WEEKS => (week(s)..=week(t)).collect(),
            _ => Vec::new(),
        };
        let mut lookup = Vec::new();
        let mut insert = Vec::new();
        for &w in &weeks {
            match member.place {
                Some(p) => {
                    lookup.push((Atom::Place(p), w));
                    insert.push((Atom::Place(p), w));
                    for &x in &member.participants {
                        lookup.push((Atom::UnplacedParticipant(x), w));
                        insert.push((Atom::PlacedParticipant(x), w));
                    }
                }
                None => {
                    for &x in &member.participants {
                        lookup.push((Atom::UnplacedParticipant(x), w));
                        lookup.push((Atom::PlacedParticipant(x), w));
                        insert.push((Atom::UnplacedParticipant(x), w));
                    }
                }
            }
        }
        let mut candidates = BTreeSet::new();
        for (atom, w) in &lookup {
            candidates.extend(self.blocks.get(&(family(member.kind), *atom, *w)));
        }
        // the same article: its clusters of this kind, at this place or none
        // (an event with no place joins at most one placed cluster: the
        // first few are enough)
        if let Some(doc) = self.in_document.get(&(e.document, e.kind)) {
            candidates.extend(doc.by_place.get(&member.place).into_iter().flatten());
            if member.place.is_some() {
                candidates.extend(doc.by_place.get(&None).into_iter().flatten());
            } else {
                candidates.extend(doc.placed.iter());
            }
        }
        self.parent.insert(e.id, e.id);
        self.size.insert(e.id, 1);
        self.name.insert(e.id, e.id);
        self.clusters.insert(
            e.id,
            Cluster {
                place: member.place,
                window: member.window,
            },
        );
        let place = member.place;
        self.members.insert(e.id, member);

        let mut replaced = Vec::new();
        for other in candidates {
            // Already one cluster: nothing to learn (and no reason to word).
            let (Some(ra), Some(rb)) = (self.cluster_of(e.id), self.cluster_of(other)) else {
                continue;
            };
            if ra == rb {
                continue;
            }
            let Some(evidence) = self.evidence(e.id, other, describe) else {
                continue;
            };
            let (Some(ca), Some(cb)) = (self.clusters.get(&ra), self.clusters.get(&rb)) else {
                continue;
            };
            if matches!((ca.place, cb.place), (Some(x), Some(y)) if x != y) {
                continue;
            }
            let Ok(window) = intersect(ca.window, cb.window) else {
                continue;
            };
            let merged = Cluster {
                place: ca.place.or(cb.place),
                window,
            };
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            // the smaller tree goes under the larger one; the cluster keeps
            // its smallest id as its name
            if let (Some(x), Some(y)) = (self.root(e.id), self.root(other)) {
                let (sx, sy) = (self.size_of(x), self.size_of(y));
                let (big, small) = if sx >= sy { (x, y) } else { (y, x) };
                self.parent.insert(small, big);
                self.size.insert(big, sx + sy);
                self.size.remove(&small);
                self.name.remove(&small);
                self.name.insert(big, keep);
            }
            self.clusters.remove(&gone);
            self.clusters.insert(keep, merged);
            self.merges.push(Merge {
                a: other.min(e.id),
                b: other.max(e.id),
                reason: evidence,
            });
            replaced.push((gone, keep));
        }
        // one event per cluster in its article's list
        let root = self.cluster_of(e.id);
        // and in each block, one event per cluster of each article: a later
        // article meets the cluster through it (the cluster's dates lie
        // within each member's), and an article naming one place or one
        // speaker thousands of times costs linear time
        let fam = family(e.kind);
        for (atom, w) in insert {
            let key = (fam, atom, w, e.document);
            let seen = self
                .block_members
                .get(&key)
                .is_some_and(|v| v.iter().any(|&r| self.cluster_of(r) == root));
            if !seen {
                self.block_members.entry(key).or_default().push(e.id);
                self.blocks.push((fam, atom, w), e.id);
            }
        }
        let known = self
            .in_document
            .get(&(e.document, e.kind))
            .and_then(|d| d.by_place.get(&place))
            .is_some_and(|v| v.iter().any(|&r| self.cluster_of(r) == root));
        if !known {
            let doc = self.in_document.entry((e.document, e.kind)).or_default();
            doc.by_place.entry(place).or_default().push(e.id);
            if place.is_some() && doc.placed.len() < 4 {
                doc.placed.push(e.id);
            }
        }
        replaced
    }

    /// Why events `a` and `b` may be one event, or `None`.
    fn evidence(&self, a: i64, b: i64, describe: &dyn Fn(i64) -> String) -> Option<String> {
        let (a, b) = (a.min(b), a.max(b));
        let (x, y) = (self.members.get(&a)?, self.members.get(&b)?);
        if family(x.kind) != family(y.kind) {
            return None;
        }
        let same_kind = x.kind == y.kind;
        // Reasons are worded only for a merge: most candidates are refused.
        let kind = || {
            if same_kind {
                x.kind.as_str().to_string()
            } else {
                format!("violent incidents ({} and {})", x.kind, y.kind)
            }
        };
        let overlap = intersect(x.window, y.window).ok().flatten();
        let days = |w: Option<(NaiveDate, NaiveDate)>| match w {
            Some((s, e)) if s == e => format!("{s}"),
            Some((s, e)) => format!("{s}..{e}"),
            None => "undated".to_string(),
        };
        if x.document == y.document {
            // One article telling of a strike and of a shelling tells of two
            // incidents; only the same kind twice is one event retold.
            if !same_kind {
                return None;
            }
            return Some(format!(
                "events #{a} and #{b}: both {}, named in the same article",
                kind()
            ));
        }
        let overlap = overlap?;
        let when = || {
            if x.explicit && y.explicit {
                format!("dates {} and {} overlap", days(x.window), days(y.window))
            } else {
                format!(
                    "dates compatible ({}, from publication dates where unstated)",
                    days(Some(overlap))
                )
            }
        };
        if let (Some(p), Some(q)) = (x.place, y.place) {
            return (p == q).then(|| {
                format!(
                    "events #{a} and #{b}: both {}, same place {}, {}",
                    kind(),
                    describe(p),
                    when()
                )
            });
        }
        if !same_kind {
            return None;
        }
        let shared: Vec<i64> = x
            .participants
            .iter()
            .copied()
            .filter(|p| y.participants.contains(p))
            .collect();
        let names = || {
            shared
                .iter()
                .map(|p| describe(*p))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if x.explicit && y.explicit && !shared.is_empty() {
            return Some(format!(
                "events #{a} and #{b}: both {}, shared participants {}, place stated on one side at most, {}",
                kind(),
                names(),
                when()
            ));
        }
        // Undated on one side: ask for more — two shared participants in
        // articles published at most a day apart.
        let close = match (x.published, y.published) {
            (Some(p), Some(q)) => (p - q).num_days().abs() <= 1,
            _ => false,
        };
        (shared.len() >= 2 && close).then(|| {
            format!(
                "events #{a} and #{b}: both {}, shared participants {}, place stated on one side at most, articles published {} and {}",
                kind(),
                names(),
                x.published.map_or_else(String::new, |d| d.to_string()),
                y.published.map_or_else(String::new, |d| d.to_string()),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateRange, Participant, Precision, Role, Span};

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, day).unwrap_or_default()
    }

    fn ev(id: i64, doc: i64, place: Option<i64>, days: Option<(u32, u32)>) -> EventRecord {
        EventRecord {
            id,
            document: doc,
            kind: EventKind::Strike,
            span: Span::new(0, 0),
            time: days.map(|(s, e)| DateRange {
                start: d(s),
                end: d(e),
                precision: Precision::Day,
            }),
            place,
            participants: vec![Participant {
                entity: 900,
                role: Role::Agent,
            }],
        }
    }

    fn name(id: i64) -> String {
        format!("E{id}")
    }

    #[test]
    fn one_article_retelling_one_event_keeps_one_member_per_block() {
        // 2 000 sentences of one article naming one toll at one place: one
        // cluster, and each block holds one of its events, so each new
        // event meets a constant number of candidates
        let mut c = Coref::new();
        for id in 1..=2000 {
            c.add(&ev(id, 7, Some(5), Some((24, 25))), Some(d(26)), &name);
        }
        assert_eq!(c.cluster_of(2000), Some(1));
        assert!(c.block_members.values().all(|v| v.len() == 1));
        assert!(c
            .in_document
            .values()
            .all(|d| d.by_place.values().all(|v| v.len() == 1)));
        // the union-find stays shallow whatever the order of merges
        let depth = |mut x: i64| {
            let mut n = 0;
            while c.parent[&x] != x {
                x = c.parent[&x];
                n += 1;
            }
            n
        };
        assert!((1..=2000).all(|e| depth(e) <= 11));
    }

    #[test]
    fn same_place_overlapping_dates_merge_with_reason() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((24, 25))), Some(d(26)), &name);
        let replaced = c.add(&ev(2, 2, Some(5), Some((25, 25))), Some(d(26)), &name);
        assert_eq!(replaced, vec![(2, 1)]);
        assert_eq!(c.cluster_of(2), Some(1));
        assert!(
            c.merges()[0].reason.contains("same place E5"),
            "{:?}",
            c.merges()
        );
    }

    #[test]
    fn different_days_or_places_stay_apart() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((3, 3))), Some(d(6)), &name);
        c.add(&ev(2, 2, Some(5), Some((4, 4))), Some(d(6)), &name);
        c.add(&ev(3, 3, Some(6), Some((3, 3))), Some(d(6)), &name);
        assert_eq!(c.cluster_of(2), Some(2));
        assert_eq!(c.cluster_of(3), Some(3));
    }

    #[test]
    fn cluster_dates_stop_chains() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((3, 3))), Some(d(6)), &name);
        c.add(&ev(2, 2, Some(5), Some((5, 5))), Some(d(6)), &name);
        // Undated, published on the 6th: fits either, joins the first only.
        c.add(&ev(3, 3, Some(5), None), Some(d(6)), &name);
        assert_eq!(c.cluster_of(3), Some(1));
        assert_eq!(c.cluster_of(2), Some(2));
    }

    #[test]
    fn missing_place_needs_participant_and_explicit_dates() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((24, 25))), Some(d(26)), &name);
        c.add(&ev(2, 2, None, None), Some(d(26)), &name);
        assert_eq!(c.cluster_of(2), Some(2));
        c.add(&ev(3, 3, None, Some((25, 25))), Some(d(26)), &name);
        assert_eq!(c.cluster_of(3), Some(1));
        assert!(c.merges()[0].reason.contains("shared participants E900"));
    }

    #[test]
    fn undated_and_unplaced_needs_two_participants_and_close_publication() {
        let mut c = Coref::new();
        let mut two = ev(1, 1, Some(5), None);
        two.participants.push(Participant {
            entity: 901,
            role: Role::Target,
        });
        c.add(&two, Some(d(26)), &name);
        // One shared participant only: apart.
        c.add(&ev(2, 2, None, None), Some(d(26)), &name);
        assert_eq!(c.cluster_of(2), Some(2));
        // Both participants, published three days later: apart.
        let mut late = two.clone();
        (late.id, late.document, late.place) = (3, 3, None);
        c.add(&late, Some(d(29)), &name);
        assert_eq!(c.cluster_of(3), Some(3));
        // Both participants, published the next day: merged.
        let mut next = late.clone();
        (next.id, next.document) = (4, 4);
        c.add(&next, Some(d(27)), &name);
        assert_eq!(c.cluster_of(4), Some(1));
    }

    #[test]
    fn different_kinds_never_merge() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((24, 25))), Some(d(26)), &name);
        let mut other = ev(2, 2, Some(5), Some((24, 25)));
        other.kind = EventKind::Withdrawal;
        c.add(&other, Some(d(26)), &name);
        assert_eq!(c.cluster_of(2), Some(2));
    }

    /// "Drone strikes killed 3 soldiers" and "2 soldiers were killed" at one
    /// place and time are one incident; without a shared place they are not.
    #[test]
    fn violent_incidents_of_different_kinds_merge_on_place_and_date() {
        let mut c = Coref::new();
        c.add(&ev(1, 1, Some(5), Some((24, 25))), Some(d(26)), &name);
        let mut killing = ev(2, 2, Some(5), Some((25, 25)));
        killing.kind = EventKind::Killing;
        c.add(&killing, Some(d(26)), &name);
        assert_eq!(c.cluster_of(2), c.cluster_of(1));
        assert!(
            c.merges()[0].reason.contains("violent incidents"),
            "{}",
            c.merges()[0].reason
        );

        let mut elsewhere = ev(3, 3, None, Some((24, 25)));
        elsewhere.kind = EventKind::Explosion;
        c.add(&elsewhere, Some(d(26)), &name);
        assert_eq!(c.cluster_of(3), Some(3));
    }
}
