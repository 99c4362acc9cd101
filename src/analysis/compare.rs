//! The rules that decide what two claims of one group say about each other:
//! numeric intervals with their bounds, updates over time, agreements (and
//! whether they are independent) and assertion against denial.
//!
//! Everything here is a pure function of two claims and a little context
//! ([`Sources`]): the grouping that decides *which* pairs are compared lives
//! in [`super::group`].
//!
//! The rules, as users can rely on them:
//!
//! - **Intervals.** Exact 2 is `[2, 2]`; "au moins 2" is `[2, ∞)`; "au plus
//!   2" is `[0, 2]`; an approximate figure ("près de 300", "environ 290",
//!   "une centaine") is its value ± [`APPROX_TOLERANCE`] (10 %), widened to
//!   whole units and to at least ± 1. A range the extractor stated ("entre 10
//!   et 15") is kept. Two figures are compatible when their intervals meet:
//!   exact 2 vs exact 3 contradict, "au moins 2" vs 3 do not, "près de 300"
//!   vs "environ 290" do not.
//! - **Totals and parts.** "plus de 400 au total" counts people and "250
//!   soldats" counts armed personnel: they are different subjects, so they
//!   land in different groups and are never compared. When one article gives
//!   several figures of one group ("250 à X, 170 à Y"), they are read as
//!   parts: none of them is compared with a figure of another article that
//!   their sum fits (see [`super::group`]).
//! - **Updates.** When two figures cannot both hold, the later one (by the
//!   dates the figures refer to when both give one, else by publication) is
//!   higher, and both come
//!   from the same original claimant — or both are the outlets' own tallies —
//!   the later one *updates* the earlier one (linked earlier → later) instead
//!   of contradicting it.
//! - **Agreements.** The same figure with the same bound from two documents
//!   agrees. It is *independent* only when the original
//!   claimants differ: the Russian defence ministry quoted by two outlets is
//!   one voice repeated.
//! - **Polarity.** A denial contradicts an assertion or accusation when it is
//!   linked to it by the extractor, or when their topics share a key word; a
//!   bare denial ("X a nié les allégations") answers the single assertion of
//!   another claimant in its group and document.

use crate::model::{Bound, ClaimRecord, EntityKind, Interval, Polarity, Quantity};
use chrono::NaiveDate;

/// Half-width of the band around an approximate figure, as a fraction.
pub const APPROX_TOLERANCE: f64 = 0.10;

/// What the comparison needs to know besides the two claims.
pub trait Sources {
    /// Publication date of a document.
    fn published(&self, document: i64) -> Option<NaiveDate>;
    /// Kind of an entity.
    fn kind(&self, entity: i64) -> Option<EntityKind>;
}

/// The interval a stated figure allows (see the module documentation).
pub fn interval(q: &Quantity) -> Interval {
    let v = q.value;
    let stated = match q.bound {
        Bound::Exact => Interval::exact(v),
        Bound::AtLeast => Interval::at_least(v),
        Bound::AtMost => Interval {
            lo: 0.0,
            hi: Some(v),
        },
        Bound::Approx => {
            let band = (v.abs() * APPROX_TOLERANCE).max(1.0);
            Interval {
                lo: (v - band).floor().max(0.0),
                hi: Some((v + band).ceil()),
            }
        }
    };
    // Keep a wider range the extractor stated ("entre 10 et 15"), never a
    // narrower one: widening can only remove contradictions.
    let given = q.interval;
    let sane = given.lo.is_finite()
        && given.hi.map_or(true, |h| h.is_finite() && h >= given.lo)
        && given.lo <= v
        && given.hi.map_or(true, |h| h >= v);
    if !sane {
        return stated;
    }
    Interval {
        lo: stated.lo.min(given.lo),
        hi: match (stated.hi, given.hi) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        },
    }
}

/// The voice a claim goes back to: its speaker, unless the speaker is only
/// the outlet itself, in which case the agency it cites, else the outlet.
pub fn origin(c: &ClaimRecord) -> Option<i64> {
    match c.claimant {
        Some(who) if Some(who) != c.outlet => Some(who),
        _ => c.via.first().copied().or(c.claimant).or(c.outlet),
    }
}

/// When a claim speaks: the date its figure refers to, else its publication
/// (used in reasons).
pub fn when(c: &ClaimRecord, sources: &dyn Sources) -> Option<NaiveDate> {
    c.date
        .map(|d| d.end)
        .or_else(|| sources.published(c.document))
}

/// What two claims of one numeric group are to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Nothing to report (compatible, or a repetition inside one article).
    Nothing,
    Contradiction,
    /// Same figure; `independent` when the original claimants differ.
    Agreement {
        independent: bool,
    },
    /// The second claim of the pair, as given, updates the first.
    Updates,
    /// The first claim of the pair, as given, updates the second.
    UpdatedBy,
}

/// Compare two numeric claims of one event × measure × subject group.
pub fn compare_numbers(a: &ClaimRecord, b: &ClaimRecord, sources: &dyn Sources) -> Relation {
    let (Some(qa), Some(qb)) = (a.quantity, b.quantity) else {
        return Relation::Nothing;
    };
    let (oa, ob) = (origin(a), origin(b));
    if a.document == b.document && oa == ob {
        // One article repeating itself (or pasted twice) is no finding.
        return Relation::Nothing;
    }
    let (ia, ib) = (interval(&qa), interval(&qb));
    if a.polarity != b.polarity {
        // "X denies that 3 were killed" against "3 were killed".
        return if ia.intersects(&ib) {
            Relation::Contradiction
        } else {
            Relation::Nothing
        };
    }
    if a.polarity == Polarity::Deny {
        return Relation::Nothing;
    }
    if qa.value == qb.value && qa.bound == qb.bound {
        // Agreement needs two articles: one article naming two sources for
        // a figure (or pasted twice) confirms nothing.
        if a.document == b.document {
            return Relation::Nothing;
        }
        return Relation::Agreement {
            independent: oa != ob,
        };
    }
    if ia.intersects(&ib) {
        return Relation::Nothing;
    }
    let comparable = oa == ob || (is_outlet(oa, sources) && is_outlet(ob, sources));
    // Dates of figures are compared with dates of figures, publication
    // dates with publication dates: "as of the 25th" in one article and a
    // publication on the 26th in another say nothing about which is later.
    let (ta, tb) = match (a.date, b.date) {
        (Some(da), Some(db)) => (Some(da.end), Some(db.end)),
        _ => (sources.published(a.document), sources.published(b.document)),
    };
    if comparable {
        if let (Some(ta), Some(tb)) = (ta, tb) {
            if ta < tb && above(&ib, &ia) {
                return Relation::Updates;
            }
            if tb < ta && above(&ia, &ib) {
                return Relation::UpdatedBy;
            }
        }
    }
    Relation::Contradiction
}

fn is_outlet(who: Option<i64>, sources: &dyn Sources) -> bool {
    who.and_then(|e| sources.kind(e)) == Some(EntityKind::Outlet)
}

/// Whether every value `high` allows exceeds every value `low` allows.
fn above(high: &Interval, low: &Interval) -> bool {
    low.hi.is_some_and(|h| high.lo > h)
}

/// Words that name a statement rather than its content: a denial whose
/// topic is only these ("dément ces accusations") denies whatever it answers.
const BARE_TOPIC_WORDS: &[&str] = &[
    "allegation",
    "accusation",
    "affirmation",
    "information",
    "fait",
    "propos",
    "declaration",
    "rumeur",
    "reproche",
    "assertion",
];

fn is_bare(topic: &str) -> bool {
    super::words::content_words(topic)
        .iter()
        .all(|w| BARE_TOPIC_WORDS.contains(&w.as_str()))
}

/// Whether denial `d` contradicts assertion `a` (both of one group).
/// `bare_target` is true when `a` is the only assertion by another claimant
/// in `d`'s document and group, which a bare denial answers.
pub fn denies(a: &ClaimRecord, d: &ClaimRecord, bare_target: bool) -> bool {
    if a.polarity != Polarity::Affirm || d.polarity != Polarity::Deny || a.quantity.is_some() {
        return false;
    }
    if d.denies == Some(a.id) {
        // The extractor's link is trusted when the denial is bare ("a nié les
        // allégations") or shares the accusation's subject matter; a denial
        // of something else ("nie avoir du personnel sur place") answering an
        // accusation of shelling does not contradict it.
        return match (&a.topic, &d.topic) {
            (Some(ta), Some(td)) if !is_bare(td) => super::words::topics_overlap(ta, td),
            _ => true,
        };
    }
    if d.denies.is_some() || origin(a) == origin(d) {
        return false;
    }
    match (&a.topic, &d.topic) {
        (Some(ta), Some(td)) if !td.trim().is_empty() => super::words::topics_overlap(ta, td),
        (_, None) => bare_target,
        _ => bare_target && d.topic.as_deref().is_some_and(|t| t.trim().is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimKind, DateRange, Measure, Precision, Span};
    use std::collections::HashMap;

    struct Fixture {
        published: HashMap<i64, NaiveDate>,
        kinds: HashMap<i64, EntityKind>,
    }
    impl Sources for Fixture {
        fn published(&self, d: i64) -> Option<NaiveDate> {
            self.published.get(&d).copied()
        }
        fn kind(&self, e: i64) -> Option<EntityKind> {
            self.kinds.get(&e).copied()
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 9, d).unwrap_or_default()
    }

    fn fixture() -> Fixture {
        Fixture {
            published: (1..=5).map(|d| (d, day(18 + d as u32))).collect(),
            kinds: [
                (10, EntityKind::Organization),
                (11, EntityKind::Organization),
                (20, EntityKind::Outlet),
                (21, EntityKind::Outlet),
            ]
            .into_iter()
            .collect(),
        }
    }

    fn q(value: f64, bound: Bound) -> Quantity {
        let interval = match bound {
            Bound::AtLeast => Interval::at_least(value),
            _ => Interval::exact(value),
        };
        Quantity {
            value,
            bound,
            interval,
        }
    }

    fn claim(id: i64, doc: i64, claimant: i64, outlet: i64, quantity: Quantity) -> ClaimRecord {
        ClaimRecord {
            id,
            document: doc,
            kind: ClaimKind::Numeric,
            polarity: Polarity::Affirm,
            span: Span::new(0, 1),
            sentence: Span::new(0, 1),
            quote: String::new(),
            claimant: Some(claimant),
            outlet: Some(outlet),
            via: vec![],
            measure: Some(Measure::Killed),
            quantity: Some(quantity),
            subject: None,
            subject_entity: None,
            counted: Default::default(),
            event: None,
            date: None,
            topic: None,
            denies: None,
            occurrences: Vec::new(),
        }
    }

    #[test]
    fn exact_two_against_exact_three_contradicts() {
        let a = claim(1, 1, 10, 20, q(2.0, Bound::Exact));
        let b = claim(2, 1 + 1, 11, 21, q(3.0, Bound::Exact));
        let mut b_same_day = b.clone();
        b_same_day.document = 1;
        assert_eq!(
            compare_numbers(&a, &b_same_day, &fixture()),
            Relation::Contradiction
        );
        // A day later but from another claimant: still a contradiction.
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Contradiction);
    }

    #[test]
    fn at_least_two_against_three_is_compatible() {
        let a = claim(1, 1, 10, 20, q(2.0, Bound::AtLeast));
        let b = claim(2, 1, 11, 21, q(3.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Nothing);
        let c = claim(3, 1, 11, 21, q(1.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &c, &fixture()), Relation::Contradiction);
    }

    #[test]
    fn at_most_bounds_from_above() {
        let a = claim(1, 1, 10, 20, q(5.0, Bound::AtMost));
        assert_eq!(
            compare_numbers(&a, &claim(2, 1, 11, 21, q(4.0, Bound::Exact)), &fixture()),
            Relation::Nothing
        );
        assert_eq!(
            compare_numbers(&a, &claim(3, 1, 11, 21, q(6.0, Bound::Exact)), &fixture()),
            Relation::Contradiction
        );
    }

    #[test]
    fn approximate_figures_allow_ten_percent() {
        let a = claim(1, 1, 10, 20, q(300.0, Bound::Approx));
        let b = claim(2, 1, 11, 21, q(290.0, Bound::Approx));
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Nothing);
        let c = claim(3, 1, 11, 21, q(331.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &c, &fixture()), Relation::Contradiction);
        let d = claim(4, 1, 11, 21, q(330.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &d, &fixture()), Relation::Nothing);
        assert_eq!(
            interval(&q(10.0, Bound::Approx)),
            Interval {
                lo: 9.0,
                hi: Some(11.0)
            }
        );
        // Small figures keep a band of at least one unit.
        assert_eq!(
            interval(&q(3.0, Bound::Approx)),
            Interval {
                lo: 2.0,
                hi: Some(4.0)
            }
        );
    }

    #[test]
    fn stated_ranges_are_kept() {
        let mut range = q(10.0, Bound::Exact);
        range.interval = Interval {
            lo: 10.0,
            hi: Some(15.0),
        };
        let a = claim(1, 1, 10, 20, range);
        let b = claim(2, 1, 11, 21, q(12.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Nothing);
        // A nonsensical interval falls back to the stated bound.
        let mut broken = q(10.0, Bound::Exact);
        broken.interval = Interval {
            lo: f64::NAN,
            hi: None,
        };
        assert_eq!(interval(&broken), Interval::exact(10.0));
    }

    #[test]
    fn rising_figure_later_from_same_claimant_is_an_update() {
        let a = claim(1, 1, 10, 20, q(49.0, Bound::Exact));
        let b = claim(2, 2, 10, 21, q(105.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Updates);
        assert_eq!(compare_numbers(&b, &a, &fixture()), Relation::UpdatedBy);
        // The figures' own dates outrank publication dates when both have one.
        let on = |d: u32| {
            Some(DateRange {
                start: day(d),
                end: day(d),
                precision: Precision::Day,
            })
        };
        let (mut low, mut high) = (a.clone(), b.clone());
        low.date = on(25);
        high.date = on(24);
        // 49 as of the 25th after 105 as of the 24th: falling, a contradiction.
        assert_eq!(
            compare_numbers(&low, &high, &fixture()),
            Relation::Contradiction
        );
        high.date = on(26);
        assert_eq!(compare_numbers(&low, &high, &fixture()), Relation::Updates);
        // One dated figure against an undated one: publication dates decide.
        assert_eq!(compare_numbers(&low, &b, &fixture()), Relation::Updates);
    }

    #[test]
    fn update_needs_later_rising_and_comparable_claimant() {
        let a = claim(1, 1, 10, 20, q(105.0, Bound::Exact));
        // Same day: not later.
        let same_day = claim(2, 1, 10, 21, q(135.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &same_day, &fixture()),
            Relation::Nothing
        );
        let other_outlet_same_day = claim(2, 3 - 2, 11, 21, q(135.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &other_outlet_same_day, &fixture()),
            Relation::Contradiction
        );
        // Falling: a contradiction, not an update.
        let falling = claim(3, 2, 10, 21, q(60.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &falling, &fixture()),
            Relation::Contradiction
        );
        // Another organisation's higher figure a day later contradicts.
        let rival = claim(4, 2, 11, 21, q(135.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &rival, &fixture()),
            Relation::Contradiction
        );
        // Two outlets' own tallies are comparable.
        let tally = claim(5, 1, 20, 20, q(49.0, Bound::Exact));
        let later_tally = claim(6, 2, 21, 21, q(105.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&tally, &later_tally, &fixture()),
            Relation::Updates
        );
    }

    #[test]
    fn agreement_independence_follows_original_claimant() {
        let a = claim(1, 1, 10, 20, q(4.0, Bound::Exact));
        let b = claim(2, 2, 10, 21, q(4.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &b, &fixture()),
            Relation::Agreement { independent: false }
        );
        let c = claim(3, 2, 11, 21, q(4.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &c, &fixture()),
            Relation::Agreement { independent: true }
        );
        // Two outlets citing one agency ("selon l'AFP") repeat one voice.
        let mut d = claim(4, 1, 20, 20, q(4.0, Bound::Exact));
        d.via = vec![30];
        let mut e = claim(5, 2, 21, 21, q(4.0, Bound::Exact));
        e.via = vec![30];
        assert_eq!(
            compare_numbers(&d, &e, &fixture()),
            Relation::Agreement { independent: false }
        );
    }

    #[test]
    fn one_article_repeating_itself_is_nothing() {
        let a = claim(1, 1, 10, 20, q(4.0, Bound::Exact));
        let b = claim(2, 1, 10, 20, q(4.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Nothing);
        // Two sources named in one article: no agreement either.
        let c = claim(3, 1, 11, 20, q(4.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &c, &fixture()), Relation::Nothing);
    }

    #[test]
    fn denial_of_a_figure_contradicts_it() {
        let a = claim(1, 1, 10, 20, q(3.0, Bound::Exact));
        let mut b = claim(2, 1, 11, 20, q(3.0, Bound::Exact));
        b.polarity = Polarity::Deny;
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Contradiction);
    }

    fn statement(id: i64, claimant: i64, polarity: Polarity, topic: Option<&str>) -> ClaimRecord {
        let mut c = claim(id, 1, claimant, 20, q(0.0, Bound::Exact));
        c.quantity = None;
        c.measure = None;
        c.kind = match polarity {
            Polarity::Affirm => ClaimKind::Accusation,
            Polarity::Deny => ClaimKind::Denial,
        };
        c.polarity = polarity;
        c.topic = topic.map(str::to_string);
        c
    }

    #[test]
    fn denial_contradicts_accusation_of_same_proposition() {
        let accuse = statement(1, 10, Polarity::Affirm, Some("bombardements répétés"));
        let deny = statement(2, 11, Polarity::Deny, Some("bombardements"));
        assert!(denies(&accuse, &deny, false));
        let other = statement(3, 11, Polarity::Deny, Some("personnel militaire"));
        assert!(!denies(&accuse, &other, true));
        // A link from the extractor holds for a bare denial or one on the
        // same subject matter, not for a denial of something else.
        let mut linked = other.clone();
        linked.denies = Some(1);
        assert!(!denies(&accuse, &linked, false));
        let mut linked_bare = statement(6, 11, Polarity::Deny, Some("ces allégations"));
        linked_bare.denies = Some(1);
        assert!(denies(&accuse, &linked_bare, false));
        let bare = statement(4, 11, Polarity::Deny, None);
        assert!(denies(&accuse, &bare, true));
        assert!(!denies(&accuse, &bare, false));
        let self_denial = statement(5, 10, Polarity::Deny, Some("bombardements"));
        assert!(!denies(&accuse, &self_denial, false));
    }

    proptest::proptest! {
        /// Comparing b with a says the same as comparing a with b.
        #[test]
        fn comparison_is_symmetric(
            va in 0u32..40, vb in 0u32..40,
            ba in 0usize..4, bb in 0usize..4,
            da in 1i64..4, db in 1i64..4,
            ca in 10i64..12, cb in 10i64..12,
        ) {
            let a = claim(1, da, ca, 20, q(va as f64, Bound::ALL[ba]));
            let b = claim(2, db, cb, 21, q(vb as f64, Bound::ALL[bb]));
            let flipped = match compare_numbers(&b, &a, &fixture()) {
                Relation::Updates => Relation::UpdatedBy,
                Relation::UpdatedBy => Relation::Updates,
                r => r,
            };
            proptest::prop_assert_eq!(compare_numbers(&a, &b, &fixture()), flipped);
        }

        /// Figures whose intervals meet never contradict.
        #[test]
        fn overlapping_figures_never_contradict(
            va in 0u32..1000, vb in 0u32..1000, ba in 0usize..4, bb in 0usize..4,
        ) {
            let a = claim(1, 1, 10, 20, q(va as f64, Bound::ALL[ba]));
            let b = claim(2, 2, 11, 21, q(vb as f64, Bound::ALL[bb]));
            let meet = interval(&a.quantity.unwrap_or(q(0.0, Bound::Exact)))
                .intersects(&interval(&b.quantity.unwrap_or(q(0.0, Bound::Exact))));
            let r = compare_numbers(&a, &b, &fixture());
            proptest::prop_assert!(!(meet && r == Relation::Contradiction));
        }
    }
}
