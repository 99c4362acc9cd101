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
//! - **Updates.** Which figure came first is decided by when each was
//!   *reported* ([`reported`]: the date the text gives when it lies before
//!   the article, "annoncé la veille", else the publication date), not by the
//!   date the figure refers to. A later figure updates an earlier one of its
//!   series (linked earlier → later) when it is higher and both count people
//!   (tolls rise as bodies are found, whoever gives them), when it comes
//!   from the same voice (also downwards: "revu à la baisse"), or when two
//!   outlets' own tallies rise. Figures of two articles reported the same
//!   day are read in rising order, unless a state speaks ("Israël évoque une
//!   dizaine de morts"). A later, lower figure from another voice, or two
//!   voices at one time, contradict.
//!   One article recounting a toll's history on one day is read in order:
//!   a figure it recalls precedes its current one ("ce bilan rehausse celui
//!   de 93 morts"), and the figures it recalls come backwards, the latest
//!   first ([`recounted_first`]). A later count of the missing supersedes
//!   the earlier either way ("110 disparus", then "63 disparus": people
//!   were found). Two belligerents' state bodies never update each other's
//!   toll: they dispute it ([`rival_states`]).
//! - **Agreements.** The same figure from two documents agrees when its
//!   bounds do not pull apart: the same bound, or one exact ("Douze
//!   personnes sont mortes" and "Au moins 12 morts"), or "jusqu'à" and
//!   "près de"; not "près de 5000" and "plus de 5 000" (two vague plurals,
//!   "des dizaines", confirm nothing). It is *independent* only when the original
//!   claimants differ: the Russian defence ministry quoted by two outlets is
//!   one voice repeated.
//! - **One article.** An article's own, unattributed figure below a total
//!   it cites for the same day is a part of that total, not a rival ("au
//!   moins 2 012 morts, selon le ministère", then "1 293 morts" in one
//!   province); two named voices of one article may still disagree.
//! - **Disputes.** A denial of figures ("L'armée conteste ces chiffres")
//!   contradicts the figures of the nearest sentence before it, from
//!   another voice, in its article.
//! - **Polarity.** A denial contradicts an assertion or accusation when it is
//!   linked to it by the extractor, or when their topics share a key word; a
//!   bare denial ("X a nié les allégations") answers the single assertion of
//!   another claimant in its group and document.

use crate::model::{Bound, ClaimRecord, EntityKind, Interval, Polarity, Quantity};
use chrono::NaiveDate;

pub use crate::model::APPROX_TOLERANCE;

/// What the comparison needs to know besides the two claims.
pub trait Sources {
    /// Publication date of a document.
    fn published(&self, document: i64) -> Option<NaiveDate>;
    /// Kind of an entity.
    fn kind(&self, entity: i64) -> Option<EntityKind>;
    /// Name of an entity.
    fn name(&self, _entity: i64) -> Option<&str> {
        None
    }
}

/// Whether one of two figures of soldiers comes from the other side: the
/// soldiers are named by their side ("63 militaires russes", "170 militaires
/// sarveniens") and one voice is a state or armed body whose name carries
/// no such word ("forces ukrainiennes", "ministère ostrandais de la
/// Défense"). The other side's count of one's losses is a dispute, never a
/// step of one's toll.
pub fn other_side(a: &ClaimRecord, b: &ClaimRecord, sources: &dyn Sources) -> bool {
    const ORGANS: &[&str] = &[
        "ministere",
        "armee",
        "forces",
        "gouvernement",
        "defense",
        "etat-major",
    ];
    let stems: Vec<String> = [a, b]
        .iter()
        .filter_map(|c| c.subject.as_deref())
        .flat_map(|s| {
            super::words::fold(s)
                .split_whitespace()
                .skip(1)
                .filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
                .map(|w| w.chars().take(5).collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    if stems.is_empty() {
        return false;
    }
    [origin(a), origin(b)].into_iter().flatten().any(|v| {
        let Some(name) = sources.name(v).map(super::words::fold) else {
            return false;
        };
        let organ = ORGANS.iter().any(|o| name.contains(o));
        // An organ named without its side ("le gouvernement", "ministère de
        // la Défense") may well be the soldiers' own.
        let qualified = name.split_whitespace().any(|w| {
            w.chars().count() >= 4 && !ORGANS.iter().any(|o| w.starts_with(o)) && w != "national"
        });
        organ
            && qualified
            && !stems
                .iter()
                .any(|s| name.split_whitespace().any(|w| w.starts_with(s.as_str())))
    })
}

/// Whether two figures come from the state bodies (a ministry, an army,
/// forces, a government) of two different countries, each named by its
/// nationality: "ministère russe de la Défense" and "forces ukrainiennes".
pub fn rival_states(a: &ClaimRecord, b: &ClaimRecord, sources: &dyn Sources) -> bool {
    const ORGANS: &[&str] = &["ministere", "armee", "forces", "gouvernement", "etat-major"];
    let state = |c: &ClaimRecord| {
        let name = super::words::fold(sources.name(origin(c)?)?);
        ORGANS
            .iter()
            .any(|o| name.contains(o))
            .then(|| super::places::nationality(&name))
            .flatten()
    };
    matches!((state(a), state(b)), (Some(x), Some(y)) if x != y)
}

/// The interval a stated figure allows (see the module documentation).
pub fn interval(q: &Quantity) -> Interval {
    let v = q.value;
    let stated = Interval::stated(v, q.bound);
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

/// When a figure was reported: the article's publication date, unless the
/// text says the figure is recalled from an earlier report (extraction keeps
/// the words that say so as the figure's topic: "un précédent bilan faisait
/// état de 160 morts", "un bilan de 79 morts annoncé la veille"); then the
/// date it gives for it, or the week before the article. The date a figure
/// refers to is not when it was reported: "Vendredi, 49 soldats maliens
/// sont morts" in Saturday's paper is Saturday's toll.
pub fn reported(c: &ClaimRecord, sources: &dyn Sources) -> Option<NaiveDate> {
    reported_on(c, sources.published(c.document))
}

/// [`reported`], given the claim's publication date.
pub fn reported_on(c: &ClaimRecord, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let recalled = c.quantity.is_some() && c.topic.is_some();
    match (c.date.map(|d| d.end), published) {
        (Some(d), Some(p)) if recalled => Some(d.min(p)),
        (d, p) => p.or(d),
    }
}

/// The words by which the text says a figure is recalled from an earlier
/// report, if it does.
pub fn recalled(c: &ClaimRecord) -> Option<&str> {
    c.topic.as_deref().filter(|_| c.quantity.is_some())
}

/// The interval of a claim's figure, widened for plural vague counts: "des
/// centaines de morts" is hundreds (200 to 999), "des milliers" thousands,
/// "des dizaines" tens, whatever single value extraction gave them.
pub fn claim_interval(c: &ClaimRecord) -> Option<Interval> {
    let q = c.quantity?;
    if vague_plural(c) {
        return Some(Interval {
            lo: 2.0 * q.value,
            hi: Some(10.0 * q.value - 1.0),
        });
    }
    // Bodies recovered are a floor of the dead: "78 corps ont été
    // récupérés" does not deny "au moins 79 morts" (the missing may lie
    // at sea).
    if bodies(c) && q.bound == Bound::Exact {
        return Some(Interval::at_least(q.value));
    }
    Some(interval(&q))
}

/// "des centaines de morts", "des milliers": a plural vague count.
fn vague_plural(c: &ClaimRecord) -> bool {
    let Some(q) = c.quantity else {
        return false;
    };
    let quote = crate::extract::fold::fold(&c.quote);
    let plural = ["dizaines", "centaines", "milliers", "millions"]
        .iter()
        .any(|w| quote.contains(w));
    plural && q.bound == Bound::Approx && q.value > 0.0
}

/// Whether a toll of the dead counts bodies recovered ("82 cadavres", "78
/// corps").
fn bodies(c: &ClaimRecord) -> bool {
    c.measure == Some(crate::model::Measure::Killed)
        && c.subject.as_deref().is_some_and(|s| {
            super::words::content_words(s)
                .first()
                .is_some_and(|w| matches!(w.as_str(), "corp" | "corps" | "cadavre" | "depouille"))
        })
}

/// Compare two numeric claims of one incident × measure × subject series.
///
/// Which came first is decided by when each figure was *reported*
/// ([`reported`]), not by the date the figure refers to. A later figure that
/// differs from an earlier one of the series updates it when it rises, or
/// when it falls from the same voice ("revu à la baisse"); a later, lower
/// figure from another voice contradicts it. Figures reported the same day
/// by different articles are read in rising order (tolls rise through a
/// day), unless one of them is a state's (one side's figure for the other
/// side's losses, "Israël évoque une dizaine de morts"), which contradicts.
pub fn compare_numbers(a: &ClaimRecord, b: &ClaimRecord, sources: &dyn Sources) -> Relation {
    let (Some(qa), Some(qb)) = (a.quantity, b.quantity) else {
        return Relation::Nothing;
    };
    let (Some(ia), Some(ib)) = (claim_interval(a), claim_interval(b)) else {
        return Relation::Nothing;
    };
    let (oa, ob) = (origin(a), origin(b));
    let (ta, tb) = (reported(a, sources), reported(b, sources));
    // One article recounting a toll's history on one report day: the
    // figure it recalls comes first (see [`recounted_first`]).
    let recount = (a.document == b.document && ta == tb)
        .then(|| recounted_first(a, b))
        .flatten();
    if a.document == b.document && oa == ob && ta == tb && recount.is_none() {
        // One article repeating itself (or pasted twice) is no finding; the
        // same voice's figure of the day before ("annoncé la veille") is.
        return Relation::Nothing;
    }
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
    let meet = ia.intersects(&ib);
    if qa.value == qb.value {
        // The same figure agrees whatever its bound: "au moins 110 morts"
        // and "plus de 110", "Douze personnes sont mortes" and "Au moins 12
        // morts", "jusqu'à 300 000" and "près de 300.000" (the intervals
        // of one value always meet).
        // Agreement needs two articles: one article naming two sources for
        // a figure (or pasted twice) confirms nothing.
        // Two vague plurals ("des dizaines") confirm no figure either.
        // Bounds must not pull apart: "près de 5000" (just under) and "plus
        // de 5 000" (over) are a rising series, not one figure.
        let close = qa.bound == qb.bound
            || qa.bound == Bound::Exact
            || qb.bound == Bound::Exact
            || matches!(
                (qa.bound, qb.bound),
                (Bound::AtMost, Bound::Approx) | (Bound::Approx, Bound::AtMost)
            );
        // "près de 5000 blessés", then "plus de 5 000 blessées": the toll
        // passed the mark it approached (see below).
        let approach = matches!(
            (qa.bound, qb.bound),
            (Bound::Approx, Bound::AtLeast) | (Bound::AtLeast, Bound::Approx)
        );
        if !approach || close {
            if !close || a.document == b.document || vague_plural(a) || vague_plural(b) {
                return Relation::Nothing;
            }
            return Relation::Agreement {
                independent: oa != ob,
            };
        }
    }
    // An article does not silently contradict the total it cites: its own,
    // unattributed lower figure of the same day is a part of that total
    // ("au moins 2 012 personnes ont péri, selon [...] le ministère de
    // l'Intérieur" and, further on, "la province d'al-Haouz [...] est la
    // plus endeuillée avec 1 293 morts"). Two named voices in one article
    // may still disagree.
    if a.document == b.document && ta == tb && !meet && recount.is_none() {
        let own = |c: &ClaimRecord| origin(c).is_some() && origin(c) == c.outlet;
        let (lower, higher) = if qa.value < qb.value { (a, b) } else { (b, a) };
        // Unless the two name the dead differently ("abattre 203 membres
        // de groupes armés" and "exécuté sommairement 300 civils").
        if own(lower) && !own(higher) && !super::group::relabelled(lower, higher) {
            return Relation::Nothing;
        }
    }
    let (Some(ta), Some(tb)) = (ta, tb) else {
        return if meet {
            Relation::Nothing
        } else {
            Relation::Contradiction
        };
    };
    // A toll of people (the dead, the wounded of a disaster) rises as bodies
    // are found: a later, higher toll of people from another voice updates
    // the earlier one ("au moins 135 morts", then "plus de 150 personnes").
    // Belligerents' counts of soldiers stay disputes.
    let class = |c: &ClaimRecord| {
        c.subject
            .as_deref()
            .map(super::words::subject_class)
            .unwrap_or_default()
    };
    // Civilians killed are such a toll too ("un civil a été tué", then "Des
    // balles perdues ont tué au moins deux civils" two days later).
    let toll = |c: &ClaimRecord| matches!(class(c).as_str(), "people" | "civilian");
    let same_day_tolls = toll(a) && toll(b);
    // Days apart, any toll of people rises as it is counted, soldiers' too:
    // "Quinze soldats maliens ont été tués" (Friday, the army's first
    // toll), then "au moins 35 morts", then "49 soldats maliens sont morts"
    // (Saturday). Two voices the same day still dispute (below).
    let tolls = a.measure.is_some_and(super::group::counts_people);
    let state = |o: Option<i64>| o.and_then(|e| sources.kind(e)) == Some(EntityKind::Country);
    // Order the pair by report time; same day in two articles: rising.
    let order = match ta.cmp(&tb) {
        std::cmp::Ordering::Less => Some(true),
        std::cmp::Ordering::Greater => Some(false),
        std::cmp::Ordering::Equal if recount.is_some() => recount,
        std::cmp::Ordering::Equal
            if same_day_tolls && a.document != b.document && !state(oa) && !state(ob) =>
        {
            Some(qa.value < qb.value)
        }
        std::cmp::Ordering::Equal => None,
    };
    let Some(a_first) = order else {
        return if meet {
            Relation::Nothing
        } else {
            Relation::Contradiction
        };
    };
    let (early, late) = if a_first { (a, b) } else { (b, a) };
    // A bracket ("Sans doute entre 300 et 650 morts", "près de 600 à 700
    // personnes") estimates; it is no step in a toll's history: bodies
    // counted are a floor of it, not an earlier toll.
    let forward = if is_range(a) || is_range(b) {
        Relation::Nothing
    } else if a_first {
        Relation::Updates
    } else {
        Relation::UpdatedBy
    };
    let same_voice = origin(early) == origin(late)
        || (is_outlet(origin(early), sources) && is_outlet(origin(late), sources));
    let (qe, ql) = if a_first { (qa, qb) } else { (qb, qa) };
    // The missing are found, dead or alive: a count of the missing reported
    // on a later day supersedes the earlier one whichever way it moves,
    // whoever gives it ("110 sont toujours portées disparues" on Thursday,
    // "Le précédent bilan était de [...] 77 disparus" on Saturday, "63
    // disparus" on Sunday). Two counts of one day still disagree; two
    // floors that both hold ("plus de 5.000", then "plus de 2400") revise
    // nothing.
    let found = a.measure == Some(crate::model::Measure::Missing)
        && ta != tb
        && !meet
        && ql.value != qe.value
        && qe.bound != Bound::Approx
        && ql.bound != Bound::Approx;
    if found {
        return forward;
    }
    if meet {
        // Both can hold, yet a later, different figure of the series
        // supersedes the earlier one when it is no vaguer: a higher one
        // ("plus de 150 morts", then "160 morts"), or the same voice's
        // revision ("au moins 79", then "au moins 78"). An approximation a
        // precise figure merely fits ("une centaine", then 104) is nothing.
        // A toll that passes the mark it approached is no vaguer: "près de
        // 5000 blessés", then "plus de 5 000 blessées".
        let passed =
            qe.bound == Bound::Approx && ql.bound == Bound::AtLeast && ql.value >= qe.value;
        let vague = (qe.bound == Bound::Approx || ql.bound == Bound::Approx) && !passed;
        // Bodies recovered are a floor: fewer bodies later ("62 corps"
        // after "93 morts") revise no toll.
        let floor = bodies(late) && ql.value < qe.value;
        let revised =
            (tolls && (ql.value > qe.value || passed) && !super::group::relabelled(early, late))
                || (same_voice && (ql.value != qe.value || passed) && !floor);
        return if revised && !vague {
            forward
        } else {
            Relation::Nothing
        };
    }
    // Two belligerents' figures of one toll are a dispute, never steps of
    // one history: "63 militaires russes" (the Russian defence ministry),
    // then "plus de 400 victimes" (the Ukrainian forces).
    if rival_states(early, late, sources) {
        return Relation::Contradiction;
    }
    // Incompatible figures: the same voice moving its figure is an update
    // (down only when it is truly the same source: "revu à la baisse"; two
    // outlets' own tallies may only rise); another voice's figure is a
    // contradiction ("2 soldats tués" by one side, "3" by the other's media).
    if origin(early) == origin(late) || (same_voice && ql.value > qe.value) {
        return forward;
    }
    // Incompatible tolls of people: the later, higher one updates, unless
    // the two voices name the dead differently: "203 jihadistes
    // neutralisés" (the army), then "au moins 500 personnes exécutées" (a
    // UN report) is a dispute over who died, not a rising toll.
    // A higher count of soldiers from the other side is its claim, a
    // dispute (see [`other_side`]); otherwise a later tally ("Vendredi, 49
    // soldats maliens sont morts") updates the series.
    let people = toll(early) && toll(late);
    if tolls
        && (people || !other_side(early, late, sources))
        && ql.value > qe.value
        && !super::group::relabelled(early, late)
    {
        return forward;
    }
    Relation::Contradiction
}

/// Which of two figures of one article, reported the same day, came first
/// (`Some(true)`: `a`), when the article says: a figure it recalls from an
/// earlier report precedes its current one ("115 personnes ont été tuées
/// [...] ce bilan rehausse celui de 93 morts"), and figures it recalls are
/// told backwards, the latest first ("un précédent bilan faisant état de
/// 60 morts. «Environ 40 personnes ont été tuées», avait annoncé, dans un
/// premier bilan, le FSB"); two figures one voice recalls are not ordered
/// ("Le précédent bilan [...] était de 160 morts et plus de 5.000
/// blessés"), nor two the text dates to their day. `None` when neither is
/// recalled.
pub fn recounted_first(a: &ClaimRecord, b: &ClaimRecord) -> Option<bool> {
    match (recalled(a).is_some(), recalled(b).is_some()) {
        (false, false) => None,
        (true, false) => Some(true),
        (false, true) => Some(false),
        (true, true)
            if a.span.start == b.span.start || origin(a) == origin(b) || dated(a) || dated(b) =>
        {
            None
        }
        (true, true) => Some(a.span.start > b.span.start),
    }
}

/// Whether the text gives the day a recalled figure was reported ("a
/// rapporté, samedi 16 septembre"): such figures of one day are rival
/// voices, not steps of one history.
fn dated(c: &ClaimRecord) -> bool {
    c.date
        .is_some_and(|d| d.precision == crate::model::Precision::Day && d.start == d.end)
}

/// Whether a figure is one end of a range the text states ("entre 300 et
/// 650 morts", "de 600 à 700 personnes").
pub fn is_range(c: &ClaimRecord) -> bool {
    if !c
        .quantity
        .is_some_and(|q| matches!(q.bound, Bound::AtLeast | Bound::AtMost))
    {
        return false;
    }
    let quote = crate::extract::fold::fold(&c.quote);
    let numbers = quote
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .count();
    numbers >= 2 && (quote.contains("entre ") || quote.contains(" a "))
}

fn is_outlet(who: Option<i64>, sources: &dyn Sources) -> bool {
    who.and_then(|e| sources.kind(e)) == Some(EntityKind::Outlet)
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
    "implication",
    "responsabilite",
    "chiffre",
    "bilan",
];

/// Words by which a denial disputes figures: "L'armée conteste ces
/// chiffres", "Ces chiffres ne correspondent pas à la réalité", "a démenti
/// les chiffres fantaisistes", "a rejeté ce bilan".
/// A report ("dénonce le rapport") or speculation ("s'inscrit en faux contre
/// des spéculations diffamatoires") is rejected with its figures.
const FIGURE_WORDS: &[&str] = &[
    "chiffre",
    "bilan",
    "nombre",
    "toll",
    "estimation",
    "rapport",
    "speculation",
];

/// Whether a denial says that nobody (of some kind) died: "Aucun
/// ressortissant civil de Moura n'a perdu la vie pendant l'opération
/// militaire", "personne n'a été tué". `Some(true)` when it speaks of
/// civilians only.
pub fn denies_deaths(d: &ClaimRecord) -> Option<bool> {
    if d.polarity != Polarity::Deny || d.quantity.is_some() {
        return None;
    }
    let words = super::words::content_words(d.topic.as_deref()?);
    let death = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "perdu" | "mort" | "tue" | "tuee" | "dece" | "decede" | "victime" | "peri"
        )
    });
    death.then(|| words.iter().any(|w| w.starts_with("civil")))
}

/// Whether a claim is a denial without a figure of its own (which may
/// reject the figures of a report: see [`super::group::disputes`]).
pub fn denies_a_report(d: &ClaimRecord) -> bool {
    d.polarity == Polarity::Deny && d.quantity.is_none()
}

/// Whether a denial disputes figures rather than a proposition.
///
/// A denial whose words name nothing but the denial and who makes it
/// ("Mais ce dernier l'a démenti", "celui-ci a démenti") answers what was
/// just reported, figures included.
pub fn disputes_figures(d: &ClaimRecord) -> bool {
    const ONLY_DENIAL: &[&str] = &[
        "dementi", "nie", "conteste", "refute", "rejete", "dernier", "derniere", "celui", "celle",
        "ci",
    ];
    d.polarity == Polarity::Deny
        && d.quantity.is_none()
        && d.topic.as_deref().is_some_and(|t| {
            let words = super::words::content_words(t);
            words.iter().any(|w| FIGURE_WORDS.contains(&w.as_str()))
                || (!words.is_empty() && words.iter().all(|w| ONLY_DENIAL.contains(&w.as_str())))
        })
}

/// Whether a topic names the statement it answers ("toute implication",
/// "ces allégations") among other words.
fn names_a_statement(topic: &str) -> bool {
    super::words::content_words(topic)
        .iter()
        .any(|w| BARE_TOPIC_WORDS.contains(&w.as_str()))
}

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
            (Some(ta), Some(td)) if !is_bare(td) && !names_a_statement(td) => {
                super::words::topics_overlap(ta, td)
            }
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
        // A day later and higher from another voice: a toll that rises as
        // it is counted ("Quinze soldats" on Friday, 49 on Saturday).
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Updates);
        // A day later and lower from another voice: a contradiction.
        let c = claim(3, 1, 10, 20, q(3.0, Bound::Exact));
        let d = claim(4, 2, 11, 21, q(2.0, Bound::Exact));
        assert_eq!(compare_numbers(&c, &d, &fixture()), Relation::Contradiction);
    }

    #[test]
    fn an_article_own_lower_figure_is_a_part_of_the_total_it_cites() {
        // "au moins 2 012 personnes ont péri, selon le ministère" and the
        // outlet's own "1 293 morts" (one province) in one article.
        let total = claim(1, 1, 10, 20, q(2012.0, Bound::AtLeast));
        let part = claim(2, 1, 20, 20, q(1293.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&total, &part, &fixture()),
            Relation::Nothing
        );
        // Two named voices of one article still disagree.
        let rival = claim(3, 1, 11, 20, q(1293.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&total, &rival, &fixture()),
            Relation::Contradiction
        );
    }

    #[test]
    fn same_figure_agrees_unless_bounds_pull_apart() {
        let exact = claim(1, 1, 10, 20, q(110.0, Bound::Exact));
        let at_least = claim(2, 2, 11, 21, q(110.0, Bound::AtLeast));
        assert_eq!(
            compare_numbers(&exact, &at_least, &fixture()),
            Relation::Agreement { independent: true }
        );
        let mut approx = claim(3, 2, 11, 21, q(110.0, Bound::Approx));
        approx.quantity = Some(Quantity {
            value: 110.0,
            bound: Bound::Approx,
            interval: Interval::exact(110.0),
        });
        let at_least_1 = claim(4, 1, 10, 20, q(110.0, Bound::AtLeast));
        assert_ne!(
            compare_numbers(&approx, &at_least_1, &fixture()),
            Relation::Agreement { independent: true }
        );
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
    }

    fn on(d: u32) -> Option<DateRange> {
        Some(DateRange {
            start: day(d),
            end: day(d),
            precision: Precision::Day,
        })
    }

    #[test]
    fn updates_follow_report_time_not_the_figures_date() {
        // Documents 1 and 2 are published on the 19th and the 20th. A figure
        // said to hold on a later day is still reported on its article's day.
        let (mut low, mut high) = (
            claim(1, 1, 10, 20, q(49.0, Bound::Exact)),
            claim(2, 2, 10, 21, q(105.0, Bound::Exact)),
        );
        low.date = on(25);
        high.date = on(24);
        assert_eq!(compare_numbers(&low, &high, &fixture()), Relation::Updates);
        // "un bilan de 79 morts annoncé la veille", then "au moins 78 morts"
        // in one article: the coast guard revised its toll down.
        let mut eve = claim(3, 2, 10, 21, q(79.0, Bound::Exact));
        eve.date = on(19);
        eve.topic = Some("annoncé la veille".into());
        // Without the words that recall it, the figure's own date is not
        // when it was reported.
        let mut plain = eve.clone();
        plain.topic = None;
        assert_eq!(reported(&plain, &fixture()), Some(day(20)));
        assert_eq!(reported(&eve, &fixture()), Some(day(19)));
        let mut now = claim(4, 2, 11, 21, q(78.0, Bound::Exact));
        now.date = on(20);
        now.claimant = Some(10);
        assert_eq!(compare_numbers(&eve, &now, &fixture()), Relation::Updates);
        // The same fall from another voice is a contradiction.
        now.claimant = Some(11);
        assert_eq!(
            compare_numbers(&eve, &now, &fixture()),
            Relation::Contradiction
        );
    }

    #[test]
    fn same_day_figures_of_two_articles_rise_unless_a_state_speaks() {
        let mut fx = fixture();
        fx.kinds.insert(12, EntityKind::Country);
        let toll = |mut c: ClaimRecord| {
            c.subject = Some("morts".into());
            c
        };
        let a = toll(claim(1, 1, 10, 20, q(50.0, Bound::AtLeast)));
        let b = toll(claim(2, 3, 11, 21, q(110.0, Bound::AtLeast)));
        fx.published.insert(3, day(19));
        // "au moins 50" then "au moins 110" the same day: an update.
        assert_eq!(compare_numbers(&a, &b, &fx), Relation::Updates);
        // "Israël évoque une dizaine de morts" the same day: a dispute.
        let s = toll(claim(3, 3, 12, 21, q(10.0, Bound::Exact)));
        assert_eq!(compare_numbers(&s, &a, &fx), Relation::Contradiction);
        assert_eq!(compare_numbers(&a, &s, &fx), Relation::Contradiction);
    }

    #[test]
    fn a_later_count_of_the_missing_supersedes_either_way() {
        // "110 sont toujours portées disparues" (Thursday), "63 disparus"
        // (Sunday) from another voice: the missing were found.
        let mut a = claim(1, 1, 10, 20, q(110.0, Bound::Exact));
        let mut b = claim(2, 3, 11, 21, q(63.0, Bound::Exact));
        a.measure = Some(Measure::Missing);
        b.measure = Some(Measure::Missing);
        assert_eq!(compare_numbers(&a, &b, &fixture()), Relation::Updates);
        // Two counts of one day still disagree.
        let mut c = b.clone();
        c.document = 1;
        assert_eq!(compare_numbers(&a, &c, &fixture()), Relation::Contradiction);
    }

    #[test]
    fn one_article_recounts_a_history_backwards() {
        // "115 personnes ont été tuées [...] ce bilan rehausse celui de 93
        // morts [...] un précédent bilan faisant état de 60 morts.
        // «Environ 40 personnes ont été tuées», avait annoncé le FSB".
        let mut now = claim(1, 1, 10, 20, q(115.0, Bound::Exact));
        now.span = Span::new(0, 5);
        let recalled = |id, value, at, who| {
            let mut c = claim(id, 1, who, 20, q(value, Bound::Exact));
            c.span = Span::new(at, at + 5);
            c.topic = Some("précédent bilan".into());
            c
        };
        let (sixty, forty) = (recalled(2, 60.0, 100, 11), recalled(3, 40.0, 200, 12));
        assert_eq!(recounted_first(&sixty, &now), Some(true));
        assert_eq!(recounted_first(&forty, &sixty), Some(true));
        assert_eq!(compare_numbers(&sixty, &now, &fixture()), Relation::Updates);
        assert_eq!(
            compare_numbers(&forty, &sixty, &fixture()),
            Relation::Updates
        );
        // One voice's recalled figures are not ordered.
        let same = recalled(4, 50.0, 300, 11);
        assert_eq!(recounted_first(&same, &sixty), None);
    }

    #[test]
    fn plural_vague_counts_are_orders_of_magnitude() {
        let mut c = claim(1, 1, 10, 20, q(100.0, Bound::Approx));
        c.quote = "des centaines de morts".into();
        assert_eq!(
            claim_interval(&c),
            Some(Interval {
                lo: 200.0,
                hi: Some(999.0)
            })
        );
    }

    #[test]
    fn update_needs_later_and_comparable_claimant() {
        let a = claim(1, 1, 10, 20, q(105.0, Bound::Exact));
        // Same day, same voice, one article: nothing.
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
        // Falling from the same voice: revised down, an update.
        let falling = claim(3, 2, 10, 21, q(60.0, Bound::Exact));
        assert_eq!(compare_numbers(&a, &falling, &fixture()), Relation::Updates);
        // Falling from another voice: a contradiction.
        let rival = claim(4, 2, 11, 21, q(60.0, Bound::Exact));
        assert_eq!(
            compare_numbers(&a, &rival, &fixture()),
            Relation::Contradiction
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
