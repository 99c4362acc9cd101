//! Comparison groups: the claims that speak about one event, one measure and
//! one kind of subject, and the findings inside one group.
//!
//! Claims are only ever compared inside their group, so the cost of a
//! comparison follows the size of the groups a new article touches, never the
//! size of the corpus.

use super::compare::{self, origin, Relation};
use super::ledger::Ledger;
use super::reason;
#[cfg(doc)]
use super::words::subject_class;
use crate::model::{Bound, ClaimRecord, FindingKind, FindingRecord, Interval, Measure, Polarity};
use std::collections::{HashMap, HashSet};

/// Where a group's claims are placed: a cluster of coreferent events, or —
/// for claims tied to no known event — the one article they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Cluster(i64),
    Document(i64),
    /// An incident across articles (its smallest document id), and whether
    /// the series is a cumulative toll (a war's) rather than the incident's.
    Incident(i64, bool),
}

/// Event cluster × measure × subject class (interned by the caller; see
/// [`subject_class`]). Subject entities are checked pair by pair: two
/// figures whose subjects name different entities are not compared, one that
/// names none is compared with both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    pub scope: Scope,
    pub measure: Option<Measure>,
    pub subject: u32,
}

impl GroupKey {
    /// The group of `claim` once its scope is known. Assertions and denials
    /// without a figure share one group per scope.
    pub fn of(claim: &ClaimRecord, scope: Scope, subject: u32) -> Self {
        if claim.quantity.is_none() {
            return GroupKey {
                scope,
                measure: None,
                subject: 0,
            };
        }
        GroupKey {
            scope,
            measure: Some(claim.measure.unwrap_or(Measure::Other)),
            subject,
        }
    }
}

/// Whether a measure counts people (whose figures form one toll whatever
/// word names them), rather than things ("30 camions", "six missiles").
pub fn counts_people(m: Measure) -> bool {
    matches!(
        m,
        Measure::Killed
            | Measure::Wounded
            | Measure::Missing
            | Measure::Captured
            | Measure::Displaced
    )
}

/// Who a figure counts, coarsely, for deciding which tolls are one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kin {
    /// "27 morts", "150 personnes", "82 corps", "12 Palestiniens": anyone.
    Anyone,
    /// "25 militaires", "38 soldats", "des policiers".
    Armed,
    /// "15 assaillants", "203 jihadistes", "membres de groupes armés".
    Militant,
    /// "2 civils", "300 réfugiés", "des migrants".
    Civilian,
    /// A part that is only ever compared with its own kind: "dont deux
    /// enfants", "trois journalistes".
    Part(u32),
}

fn kin(c: &ClaimRecord) -> Kin {
    if others(c) {
        return Kin::Part(2);
    }
    match c.counted.category.as_deref() {
        Some("soldiers" | "police" | "peacekeepers") => return Kin::Armed,
        Some("militants") => return Kin::Militant,
        Some("civilians" | "refugees" | "migrants") => return Kin::Civilian,
        Some("people") | None => {}
        Some(other) => {
            return Kin::Part(
                other
                    .bytes()
                    .fold(7u32, |h, b| h.wrapping_mul(31) ^ u32::from(b)),
            )
        }
    }
    let class = c
        .subject
        .as_deref()
        .map(super::words::subject_class)
        .unwrap_or_default();
    match class.as_str() {
        "armed" | "police" => Kin::Armed,
        "militant" => Kin::Militant,
        // "enfant" and "femme" are civilians for the class, but a count of
        // children is a part of a toll ("dont deux enfants").
        "civilian"
            if c.counted.category.is_none()
                && c.subject.as_deref().is_some_and(|s| {
                    let f = super::words::fold(s);
                    f.contains("enfant") || f.contains("femme")
                }) =>
        {
            Kin::Part(1)
        }
        "civilian" => Kin::Civilian,
        // "57 de ses employés avaient été tués" (UNRWA's staff), "trois de
        // leurs collègues": one body's own people, a part of a toll.
        _ if {
            let q = super::words::fold(&c.quote);
            q.contains(" de ses ") || q.contains(" de leurs ")
        } =>
        {
            Kin::Part(3)
        }
        _ => Kin::Anyone,
    }
}

/// Whether two figures of one toll count comparable people.
///
/// - The same kind, or a toll of anyone ("27 morts", "40 décès") against a
///   kind: "25 militaires tués", then "38 morts".
/// - Soldiers and militants, soldiers and civilians are different tolls:
///   "au moins trois militaires et un civil ont été tués".
/// - A part ("dont deux enfants", "trois journalistes") only against the
///   same part.
/// - Militants against civilians only when two voices give them for the
///   dead, the civilians no fewer: "203 jihadistes neutralisés" (the
///   army) against "300 civils exécutés" (a rights group) is one toll
///   re-labelled, a dispute; one voice's "vingt civils et une douzaine de
///   membres présumés de la katiba" are two tolls, and so are "deux
///   civils tués" and "Quinze djihadistes ont été tués".
/// - Where soldiers are counted (`soldiers_counted`), a toll of anyone is
///   theirs ("38 morts" after "25 militaires"), not the militants'
///   ("Quinze djihadistes ont été tués").
/// - "Trois autres ont été blessés" counts others: a part.
pub fn comparable(a: &ClaimRecord, b: &ClaimRecord, soldiers_counted: bool) -> bool {
    comparable_kins(a, kin(a), b, kin(b), soldiers_counted)
}

/// [`comparable`], the kinds of both figures known.
fn comparable_kins(
    a: &ClaimRecord,
    ka: Kin,
    b: &ClaimRecord,
    kb: Kin,
    soldiers_counted: bool,
) -> bool {
    let Some(m) = a.measure.filter(|m| counts_people(*m)) else {
        return true;
    };
    let value = |c: &ClaimRecord| c.quantity.map_or(0.0, |q| q.value);
    match (ka, kb) {
        (x, y) if x == y => true,
        (Kin::Part(_), _) | (_, Kin::Part(_)) => false,
        (Kin::Anyone, Kin::Militant) | (Kin::Militant, Kin::Anyone) if soldiers_counted => false,
        // "170 militaires tués" is a part of "plus de 335 personnes au total
        // ont été tuées", not a rival of it.
        (Kin::Anyone, _) if total(a) && value(b) <= value(a) => false,
        (_, Kin::Anyone) if total(b) && value(a) <= value(b) => false,
        // One article that counts civilians (or militants) apart from its
        // toll counts other people: "il y a au moins quinze (15) tués" (on
        // the assailants' side) and "des sources font état de deux civils
        // tués à Mondoro".
        (Kin::Anyone, Kin::Civilian | Kin::Militant)
        | (Kin::Civilian | Kin::Militant, Kin::Anyone)
            if a.document == b.document =>
        {
            false
        }
        (Kin::Anyone, _) | (_, Kin::Anyone) => true,
        (Kin::Militant, Kin::Civilian) => {
            m == Measure::Killed && origin(a) != origin(b) && value(b) >= value(a)
        }
        (Kin::Civilian, Kin::Militant) => {
            m == Measure::Killed && origin(a) != origin(b) && value(a) >= value(b)
        }
        _ => false,
    }
}

/// Whether a figure is given as a total of several kinds: "au total", "en
/// tout", "dans les deux pays".
fn total(c: &ClaimRecord) -> bool {
    matches!(c.counted.scope.as_deref(), Some("total" | "both")) || {
        let text = super::words::fold(&format!(
            "{} {}",
            c.quote,
            c.subject.as_deref().unwrap_or("")
        ));
        text.contains("au total") || text.contains("en tout")
    }
}

/// Whether a figure counts others beside those already counted, or some of
/// them: "Trois autres ont été blessés", "en ont blessé 15 autres", "Neuf
/// d'entre eux".
fn others(c: &ClaimRecord) -> bool {
    let quote = super::words::fold(&c.quote);
    let mut words = quote.split_whitespace();
    // "Neuf d'entre eux seraient dans un état grave": some of those just
    // counted ("146 personnes [...] envoyées dans les hôpitaux").
    let among = quote.contains("d'entre eux") || quote.contains("d'entre elles");
    among || (words.next().is_some() && words.next() == Some("autres"))
}

/// Whether two voices count the dead of one toll as different kinds: one
/// names them militants ("203 jihadistes neutralisés"), the other anyone or
/// civilians ("500 personnes exécutées", "300 civils").
pub fn relabelled(a: &ClaimRecord, b: &ClaimRecord) -> bool {
    let (x, y) = (kin(a), kin(b));
    a.measure == Some(Measure::Killed)
        && origin(a) != origin(b)
        && x != y
        && (x == Kin::Militant || y == Kin::Militant)
        && !matches!(x, Kin::Part(_) | Kin::Armed)
        && !matches!(y, Kin::Part(_) | Kin::Armed)
}

/// Why two figures of one finding were compared, in words: who each
/// counts, and which was recalled from an earlier report ("«25 militaires»
/// counts soldiers, «38 morts» anyone: one toll; «160 morts» is recalled
/// («précédent bilan»)").
pub fn why_paired(a: &ClaimRecord, b: &ClaimRecord) -> String {
    let words = |c: &ClaimRecord| match kin(c) {
        Kin::Anyone => "anyone",
        Kin::Armed => "soldiers or police",
        Kin::Militant => "armed groups",
        Kin::Civilian => "civilians",
        Kin::Part(_) => "a part",
    };
    let mut out = Vec::new();
    if a.quantity.is_some() && b.quantity.is_some() {
        let (sa, sb) = (
            a.subject.as_deref().unwrap_or("the figure"),
            b.subject.as_deref().unwrap_or("the figure"),
        );
        let relation = match (kin(a), kin(b)) {
            (x, y) if x == y => "the same people",
            (Kin::Militant, Kin::Civilian) | (Kin::Civilian, Kin::Militant) => {
                "the same dead, named differently by two voices"
            }
            _ => "one toll",
        };
        out.push(format!(
            "«{sa}» counts {}, «{sb}» {}: {relation}",
            words(a),
            words(b)
        ));
        let sides = [&a.counted.side, &b.counted.side];
        if let Some(side) = sides.iter().find_map(|s| s.as_deref()) {
            out.push(format!("side {side}"));
        }
    }
    for c in [a, b] {
        if let Some(cue) = compare::recalled(c) {
            out.push(format!(
                "«{}» is recalled from an earlier report («{cue}»)",
                c.quote
            ));
        }
    }
    out.join("; ")
}

/// Where a figure's count runs, for keeping one country's toll apart from
/// its neighbour's and from the total of both.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Reach {
    /// The text says nothing.
    Unknown,
    /// One country: "en Turquie", or a sentence that names only Turkey
    /// before the figure.
    Country(&'static str),
    /// A place inside a country ("à Alep", in Syria), a zone ("dans les
    /// zones sous contrôle des rebelles") or a place of no known country:
    /// a part, compared only with the same part.
    Part(Option<&'static str>, String),
    /// "dans les deux pays", "en Turquie et en Syrie".
    Both,
    /// "au total", "en tout".
    Total,
}

impl Reach {
    /// The reach the text gives a figure ("Turquie", "Alep", "both", a zone).
    fn stated(c: &ClaimRecord) -> Self {
        match c.counted.scope.as_deref() {
            None => Reach::Unknown,
            Some("both") => Reach::Both,
            Some("total") => Reach::Total,
            Some(name) => match super::places::country(name) {
                Some(country) => Reach::Country(country),
                None => Reach::Part(
                    super::places::country_of(name).or_else(|| super::places::named_country(name)),
                    name.to_string(),
                ),
            },
        }
    }

    fn country(&self) -> Option<&'static str> {
        match self {
            Reach::Country(c) | Reach::Part(Some(c), _) => Some(c),
            _ => None,
        }
    }
}

/// The reach of each figure of a group. Where the group's figures are
/// split by country — two countries named as scopes ("En Syrie, ce sont au
/// moins 1.444 personnes", "dont 2.316 en Turquie"), or one and both
/// ("Séismes en Turquie et en Syrie : plus de 3 500 morts") — a figure
/// without a scope takes the country its sentence names before it ("Le
/// puissant séisme qui a secoué le sud-est de la Turquie a fait 2.379
/// morts": Turkey's toll); elsewhere scopes are compared as stated, and a
/// figure without one is compared with all.
fn reaches(numeric: &[&ClaimRecord], ledger: &Ledger) -> (Vec<Reach>, bool) {
    let mut reach: Vec<Reach> = numeric.iter().map(|c| Reach::stated(c)).collect();
    let mut countries: Vec<&'static str> = reach.iter().filter_map(Reach::country).collect();
    countries.sort_unstable();
    countries.dedup();
    let both = reach.contains(&Reach::Both);
    let split = countries.len() >= 2 || (countries.len() == 1 && both);
    if split {
        for (r, c) in reach.iter_mut().zip(numeric) {
            if *r == Reach::Unknown {
                if let Some(country) = ledger.implicit_scope(c.id) {
                    *r = Reach::Country(country);
                }
            }
        }
    }
    (reach, split)
}

/// The figures of a group split by country, one list per country or part,
/// the whole incident's (unknown, both, total) together; unsplit, one list.
fn by_series<'c>(
    numeric: &[&'c ClaimRecord],
    reach: &[Reach],
    split: bool,
) -> Vec<Vec<&'c ClaimRecord>> {
    if !split {
        return vec![numeric.to_vec()];
    }
    let mut lists: HashMap<Option<&Reach>, Vec<&'c ClaimRecord>> = HashMap::new();
    for (c, r) in numeric.iter().zip(reach) {
        let key = matches!(r, Reach::Country(_) | Reach::Part(..)).then_some(r);
        lists.entry(key).or_default().push(c);
    }
    lists.into_values().collect()
}

/// Whether figures of these reaches may be compared. In a group split by
/// country (`split`), a figure of unknown reach stands for the whole
/// incident: compared with the totals and with other such figures, never
/// with one country's nor with a part.
fn same_series(a: &Reach, b: &Reach, split: bool) -> bool {
    match (a, b) {
        (Reach::Unknown, Reach::Unknown) => true,
        (Reach::Unknown, Reach::Country(_) | Reach::Part(..))
        | (Reach::Country(_) | Reach::Part(..), Reach::Unknown) => !split,
        (Reach::Unknown, _) | (_, Reach::Unknown) => true,
        (x, y) => x == y,
    }
}

/// How many later first occurrences of a series each one is compared with.
pub const SERIES_REACH: usize = 256;

/// All findings among the claims of one group, sorted.
pub fn findings(members: &[&ClaimRecord], ledger: &Ledger) -> Vec<FindingRecord> {
    let mut out = Vec::new();
    let numeric: Vec<&ClaimRecord> = members
        .iter()
        .copied()
        .filter(|c| c.quantity.is_some())
        .collect();
    let (reach, split) = reaches(&numeric, ledger);
    let breakdown = breakdowns(&numeric);
    // Parts, sub-counts and breakdowns are read inside one series: "au
    // moins 3.760 morts, dont 2.316 en Turquie" gives Turkey's toll, no
    // part of a toll.
    let mut minor = HashSet::new();
    let mut kinded = HashSet::new();
    let mut subsumed = HashSet::new();
    let mut parts = Vec::new();
    let mut series_of: HashMap<i64, usize> = HashMap::new();
    for (n, series) in by_series(&numeric, &reach, split).into_iter().enumerate() {
        let (m, k) = minor_parts(&series, ledger);
        minor.extend(m);
        kinded.extend(k);
        subsumed.extend(self::subsumed(&series, ledger));
        parts.push(parts_by_document(&series));
        series_of.extend(series.iter().map(|c| (c.id, n)));
    }
    let parts_of = |c: &ClaimRecord| series_of.get(&c.id).and_then(|&n| parts.get(n));
    let listed = listed(&numeric);
    let kins: Vec<Kin> = numeric.iter().map(|c| kin(c)).collect();
    let soldiers_counted = kins.contains(&Kin::Armed);
    let echo = echoes(&numeric);
    let mut updates: Vec<(usize, usize)> = Vec::new();
    // A figure repeated by its original claimant (an agency dispatch taken
    // up by fifty outlets) is compared once, through its first occurrence;
    // each repetition is linked to that one. First occurrences are compared
    // in the order they were reported, each with the next [`SERIES_REACH`]:
    // a series reported thousands of times costs linear time, and update
    // chains still link every step.
    let mut order: Vec<usize> = one_series_per_voice(&numeric, &echo, ledger);
    order.sort_by_key(|&i| (compare::reported(numeric[i], ledger), numeric[i].id));
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (p, &i) in order.iter().enumerate() {
        for &j in order.iter().skip(p + 1).take(SERIES_REACH) {
            pairs.push((i.min(j), i.max(j)));
        }
    }
    pairs.extend(
        (0..numeric.len())
            .filter(|&j| echo[j] != j)
            .map(|j| (echo[j], j)),
    );
    pairs.sort_unstable();
    // The repetitions of each first occurrence in other articles, so that a
    // contradiction of a figure reaches each outlet repeating it (Hamas's
    // "plus de 110" in three outlets against "Israël évoque une dizaine de
    // morts"), a few contradictions per figure at most.
    let mut repeats: HashMap<usize, Vec<usize>> = HashMap::new();
    for j in (0..numeric.len()).filter(|&j| echo[j] != j) {
        if numeric[j].document != numeric[echo[j]].document {
            repeats.entry(echo[j]).or_default().push(j);
        }
    }
    let mut spread: HashMap<usize, usize> = HashMap::new();
    let mut queue = pairs;
    let mut next = 0;
    while let Some(&(i, j)) = queue.get(next) {
        next += 1;
        {
            let (a, b) = (numeric[i], numeric[j]);
            if matches!((a.subject_entity, b.subject_entity), (Some(x), Some(y)) if x != y) {
                continue;
            }
            if !comparable_kins(a, kins[i], b, kins[j], soldiers_counted) {
                continue;
            }
            // Different sides or scopes are different series: one side's
            // soldiers against the other's, one country's toll against its
            // neighbour's or against both ("dans les deux pays").
            let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
            if differ(&a.counted.side, &b.counted.side) || !same_series(&reach[i], &reach[j], split)
            {
                continue;
            }
            if adds_up(parts_of(a), a, b) || adds_up(parts_of(b), b, a) {
                continue;
            }
            if a.document == b.document && (part_of(&breakdown, a, b) || part_of(&breakdown, b, a))
            {
                continue;
            }
            if a.document != b.document && (subsumed.contains(&a.id) || subsumed.contains(&b.id)) {
                continue;
            }
            // Two kinds counted in one breath ("au moins trois militaires et
            // un civil ont été tués") are parts of one toll, each still a
            // step of its own kind's series ("la mort de 25 militaires").
            let kind_part = |c: &ClaimRecord| kinded.contains(&c.id);
            if a.document != b.document && kind_part(a) != kind_part(b) && kins[i] != kins[j] {
                continue;
            }
            if a.document != b.document && (minor.contains(&a.id) != minor.contains(&b.id)) {
                continue;
            }
            let same_figure = a.quantity.map(|q| q.value) == b.quantity.map(|q| q.value);
            match compare::compare_numbers(a, b, ledger) {
                // Two voices of one article giving one figure confirm
                // nothing, but a repetition of one of them in another article
                // does: "Douze personnes sont mortes" (Darmanin) and "Au
                // moins 12 morts" in one article, "12 personnes décédées"
                // (Darmanin) in another.
                Relation::Nothing if a.document == b.document && same_figure => {
                    let mut echoes = Echoes {
                        echo: &echo,
                        repeats: &repeats,
                        spread: &mut spread,
                        queue: &mut queue,
                    };
                    echoes.pass_on(i, j, |r, other| {
                        numeric[r].document != numeric[other].document
                    });
                }
                Relation::Nothing => {}
                // One of several figures a voice lists ("des témoignages de
                // survivants de 300 passagers, 400, 500 et plus") is no
                // claim of that figure: another article's 400 is no rival.
                Relation::Contradiction
                    if a.document != b.document
                        && (listed.contains(&a.id) || listed.contains(&b.id)) => {}
                Relation::Contradiction => {
                    let mut echoes = Echoes {
                        echo: &echo,
                        repeats: &repeats,
                        spread: &mut spread,
                        queue: &mut queue,
                    };
                    // In the other's own article, only two voices of one
                    // time: "Israël évoque une dizaine de morts, le Hamas
                    // plus de 110".
                    echoes.pass_on(i, j, |r, other| {
                        let (x, y) = (numeric[r], numeric[other]);
                        x.document != y.document
                            || compare::reported(x, ledger) == compare::reported(y, ledger)
                    });
                    let (a, b) = if a.id <= b.id { (a, b) } else { (b, a) };
                    out.push(record(
                        FindingKind::Contradiction,
                        a,
                        b,
                        reason::contradiction(a, b, ledger),
                        None,
                    ));
                }
                Relation::Agreement { independent } => {
                    let (a, b) = if a.id <= b.id { (a, b) } else { (b, a) };
                    out.push(record(
                        FindingKind::Agreement,
                        a,
                        b,
                        reason::agreement(a, b, independent, ledger),
                        Some(independent),
                    ));
                }
                // A total of several kinds and one kind's count are no
                // steps of one history ("plus de 19 personnes au total",
                // "36 civils").
                Relation::Updates | Relation::UpdatedBy
                    if kins[i] != kins[j] && (total(a) || total(b)) => {}
                Relation::Updates => updates.push((i, j)),
                Relation::UpdatedBy => updates.push((j, i)),
            }
        }
    }
    // Keep only direct updates: 49 → 105 → 135 links 49 → 105 and 105 → 135,
    // not 49 → 135.
    let edges: HashSet<(usize, usize)> = updates.iter().copied().collect();
    let mut after: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(e, l) in &updates {
        after.entry(e).or_default().push(l);
    }
    for &(e, l) in &updates {
        let skips = after
            .get(&e)
            .is_some_and(|next| next.iter().any(|&m| edges.contains(&(m, l))));
        if !skips {
            let (a, b) = (numeric[e], numeric[l]);
            out.push(record(
                FindingKind::Update,
                a,
                b,
                reason::update(a, b, ledger),
                None,
            ));
        }
    }

    // A denial that anyone (or any civilian) died, placed with the killed:
    // it disputes other voices' figures of the dead of its kind ("Aucun
    // ressortissant civil de Moura n'a perdu la vie" against "300 civils
    // exécutés"); the same voice's later toll updates it ("pas de morts",
    // then "quelque 300 réfugiés [...] ont été tués").
    for d in members.iter().copied() {
        let Some(civilians) = compare::denies_deaths(d) else {
            continue;
        };
        for a in numeric.iter().copied().take(SERIES_REACH) {
            if a.polarity != Polarity::Affirm || a.measure != Some(Measure::Killed) {
                continue;
            }
            if civilians && kin(a) != Kin::Civilian {
                continue;
            }
            if origin(a) != origin(d) {
                out.push(record(
                    FindingKind::Contradiction,
                    a,
                    d,
                    reason::dispute(a, d, ledger),
                    None,
                ));
            } else if compare::reported(d, ledger) < compare::reported(a, ledger) {
                out.push(record(
                    FindingKind::Update,
                    d,
                    a,
                    reason::update(d, a, ledger),
                    None,
                ));
            }
        }
    }

    let assertions: Vec<&ClaimRecord> = members
        .iter()
        .copied()
        .filter(|c| c.quantity.is_none() && c.polarity == Polarity::Affirm)
        .collect();
    for d in members
        .iter()
        .copied()
        .filter(|c| c.quantity.is_none() && c.polarity == Polarity::Deny)
    {
        let local: Vec<&ClaimRecord> = assertions
            .iter()
            .copied()
            .filter(|a| a.document == d.document && origin(a) != origin(d))
            .collect();
        let bare_target = (local.len() == 1).then(|| local[0].id);
        for a in &assertions {
            if compare::denies(a, d, bare_target == Some(a.id)) {
                out.push(record(
                    FindingKind::Contradiction,
                    a,
                    d,
                    reason::polarity(a, d, ledger),
                    None,
                ));
            }
        }
    }
    out.sort_by_key(|f| (f.kind, f.a, f.b));
    out
}

/// Figures a denial of figures disputes, inside one article: "plus de 6 500
/// Palestiniens avaient été tués [...] L'armée israélienne conteste ces
/// chiffres". The denial answers the figures of the nearest sentence before
/// it (or its own) that gives figures, from another voice; any denial
/// answers the figures its own sentence states after it.
pub fn disputes(claims: &[&ClaimRecord], ledger: &Ledger) -> Vec<FindingRecord> {
    let mut out = Vec::new();
    for d in claims.iter().filter(|c| compare::denies_a_report(c)) {
        // The figures its own sentence gives after it, from another voice,
        // are what it rejects: "Le gouvernement malien a dénoncé, le 13
        // mai, le rapport de l'ONU accusant l'armée [...] d'avoir exécuté au
        // moins 500 personnes".
        let object: Vec<&&ClaimRecord> = claims
            .iter()
            .filter(|c| {
                c.document == d.document
                    && c.quantity.is_some()
                    && c.polarity == Polarity::Affirm
                    && c.sentence.start == d.sentence.start
                    && c.span.start >= d.span.end
                    && origin(c) != origin(d)
            })
            .collect();
        if !object.is_empty() {
            for a in object {
                out.push(record(
                    FindingKind::Contradiction,
                    a,
                    d,
                    reason::dispute(a, d, ledger),
                    None,
                ));
            }
            continue;
        }
        if !compare::disputes_figures(d) {
            continue;
        }
        let before: Vec<&&ClaimRecord> = claims
            .iter()
            .filter(|c| {
                c.document == d.document
                    && c.quantity.is_some()
                    && c.polarity == Polarity::Affirm
                    && c.span.start < d.span.start
                    && origin(c) != origin(d)
            })
            .collect();
        let Some(nearest) = before.iter().map(|c| c.sentence.start).max() else {
            continue;
        };
        for a in before.iter().filter(|c| c.sentence.start == nearest) {
            out.push(record(
                FindingKind::Contradiction,
                a,
                d,
                reason::dispute(a, d, ledger),
                None,
            ));
        }
    }
    out.sort_by_key(|f| (f.kind, f.a, f.b));
    out
}

/// How many contradictions of a first occurrence reach its repetitions in
/// other articles.
pub const ECHO_CONTRADICTIONS: usize = 4;

/// Where a finding between two figures is passed on to the repeats of
/// each figure's voice in other articles.
struct Echoes<'a> {
    /// Each figure's first statement by its voice (itself when it is one).
    echo: &'a [usize],
    /// The repeats of each first statement.
    repeats: &'a HashMap<usize, Vec<usize>>,
    /// How many findings each first statement has passed on.
    spread: &'a mut HashMap<usize, usize>,
    /// The pairs still to compare.
    queue: &'a mut Vec<(usize, usize)>,
}

impl Echoes<'_> {
    /// Queue each repeat of `i`'s voice against `j` and of `j`'s against
    /// `i`, where `reaches(repeat, other)`, at most
    /// [`ECHO_CONTRADICTIONS`] times per first statement.
    fn pass_on(&mut self, i: usize, j: usize, reaches: impl Fn(usize, usize) -> bool) {
        for (first, other) in [(i, j), (j, i)] {
            if self.echo[first] != first || self.echo[other] != other {
                continue;
            }
            let n = self.spread.entry(first).or_insert(0);
            if *n >= ECHO_CONTRADICTIONS {
                continue;
            }
            *n += 1;
            for &r in self.repeats.get(&first).into_iter().flatten() {
                if reaches(r, other) {
                    self.queue.push((r.min(other), r.max(other)));
                }
            }
        }
    }
}

/// How many different figures one voice may give for one series in one
/// article on one report day before they are read as a list.
pub const FIGURES_PER_VOICE: usize = 4;

/// The first occurrences (see [`echoes`]) that are compared, in the order
/// they were reported. One voice giving more than [`FIGURES_PER_VOICE`]
/// different figures of one series in one article, reported the same day,
/// lists them (a breakdown, a table, a page of dispatches: "Selon l'AFP, 12
/// soldats ont été tués. Selon l'AFP, 13 soldats..."): only its largest
/// figure stands for it, so an article never yields findings without bound.
fn one_series_per_voice(numeric: &[&ClaimRecord], echo: &[usize], ledger: &Ledger) -> Vec<usize> {
    type Voice = (i64, Option<i64>, Option<chrono::NaiveDate>);
    let mut by_voice: HashMap<Voice, Vec<usize>> = HashMap::new();
    for i in (0..numeric.len()).filter(|&i| echo[i] == i) {
        let c = numeric[i];
        by_voice
            .entry((c.document, origin(c), compare::reported(c, ledger)))
            .or_default()
            .push(i);
    }
    let value = |i: usize| numeric[i].quantity.map_or(0.0, |q| q.value);
    let mut out: Vec<usize> = Vec::new();
    for list in by_voice.into_values() {
        // Both ends of one range ("entre 300 et 650 morts") are one figure.
        let mut quotes: Vec<&str> = list.iter().map(|&i| numeric[i].quote.as_str()).collect();
        quotes.sort_unstable();
        quotes.dedup();
        if quotes.len() <= FIGURES_PER_VOICE {
            out.extend(list);
        } else if let Some(top) = list
            .into_iter()
            .max_by(|&x, &y| value(x).total_cmp(&value(y)))
        {
            out.push(top);
        }
    }
    out
}

/// For each figure, the index of the first figure (in `numeric` order, which
/// is id order) with the same value, bound and original claimant: its echo
/// class. Comparing only first occurrences keeps the findings of a group
/// linear in its repetitions instead of quadratic.
fn echoes(numeric: &[&ClaimRecord]) -> Vec<usize> {
    let mut first: HashMap<(u64, Option<crate::model::Bound>, Option<i64>), usize> = HashMap::new();
    numeric
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = (
                c.quantity.map_or(0, |q| q.value.to_bits()),
                c.quantity.map(|q| q.bound),
                origin(c),
            );
            *first.entry(key).or_insert(i)
        })
        .collect()
}

/// Figures one voice gives of one kind of people, in one article, reported
/// the same day, that do not fit its largest exact or minimum figure of
/// them: a voice does not contradict itself, such counts are sub-counts
/// ("203 jihadistes neutralisés" and "Cent quarante-cinq terroristes
/// auraient ainsi été abattus « aux alentours » de Moura"), compared with
/// other articles through that largest figure only. Ranges ("entre 300 et
/// 650 morts") are estimates, never the largest.
fn subsumed(numeric: &[&ClaimRecord], ledger: &Ledger) -> HashSet<i64> {
    type Key = (i64, Option<i64>, Option<chrono::NaiveDate>, Kin);
    let mut by_voice: HashMap<Key, Vec<&ClaimRecord>> = HashMap::new();
    let mut spans: HashMap<(i64, usize, usize), usize> = HashMap::new();
    for c in numeric {
        *spans
            .entry((c.document, c.span.start, c.span.end))
            .or_insert(0) += 1;
    }
    for c in numeric {
        if !c.measure.is_some_and(counts_people) {
            continue;
        }
        // A toll recalled from an earlier report is no sub-count of the
        // voice's current one ("93 morts, communiqué plus tôt").
        if compare::recalled(c).is_some() {
            continue;
        }
        let range = spans
            .get(&(c.document, c.span.start, c.span.end))
            .is_some_and(|&n| n > 1);
        let bound = c.quantity.map(|q| q.bound);
        if range || !matches!(bound, Some(Bound::Exact | Bound::AtLeast)) {
            continue;
        }
        by_voice
            .entry((c.document, origin(c), compare::reported(c, ledger), kin(c)))
            .or_default()
            .push(c);
    }
    let value = |c: &ClaimRecord| c.quantity.map_or(0.0, |q| q.value);
    let mut out = HashSet::new();
    for list in by_voice.into_values() {
        let Some(top) = list
            .iter()
            .copied()
            .max_by(|x, y| value(x).total_cmp(&value(y)))
        else {
            continue;
        };
        let Some(whole) = compare::claim_interval(top) else {
            continue;
        };
        // A figure that fits the largest restates it ("6.000 blessés" and
        // "plus de 5.000 blessés"); one that does not is a sub-count.
        out.extend(
            list.iter()
                .filter(|c| compare::claim_interval(c).is_some_and(|i| !i.intersects(&whole)))
                .map(|c| c.id),
        );
    }
    out
}

/// An article, a voice, and the kind of people summed (`None`: all).
type PartsKey = (i64, Option<i64>, Option<Kin>);

/// For each article and source giving several figures in one group (parts:
/// "250 à X, 170 à Y"), the interval of their sum. A passage repeated word
/// for word (an article pasted twice) counts once.
fn parts_by_document(numeric: &[&ClaimRecord]) -> HashMap<PartsKey, Interval> {
    let mut seen: HashSet<(i64, Option<i64>, &str, u64)> = HashSet::new();
    let mut sums: HashMap<PartsKey, (usize, Interval)> = HashMap::new();
    // Two figures of one voice that fit each other, counting the same
    // people, one of them exact, restate one toll ("6.000 blessés" in the
    // standfirst, "plus de 5.000 blessés" at the end): no parts.
    let mut stated: HashMap<(i64, Option<i64>), Vec<&ClaimRecord>> = HashMap::new();
    let mut restated: HashSet<(i64, Option<i64>)> = HashSet::new();
    for c in numeric {
        let (Some(q), Some(i)) = (c.quantity, compare::claim_interval(c)) else {
            continue;
        };
        let key = (c.document, origin(c));
        let list = stated.entry(key).or_default();
        let fits = |o: &ClaimRecord| {
            let exact =
                q.bound == Bound::Exact || o.quantity.is_some_and(|p| p.bound == Bound::Exact);
            o.quote != c.quote
                && exact
                && !compare::is_range(o)
                && !compare::is_range(c)
                && kin(o) == kin(c)
                && compare::claim_interval(o).is_some_and(|j| j.intersects(&i))
        };
        if list.iter().any(|o| fits(o)) {
            restated.insert(key);
        }
        // A few figures per voice tell a restatement; a long list is parts.
        if list.len() < 2 * FIGURES_PER_VOICE {
            list.push(c);
        }
    }
    for c in numeric {
        let Some(q) = c.quantity else { continue };
        let key = (c.document, origin(c));
        if restated.contains(&key) {
            continue;
        }
        // An earlier toll the article recalls ("Au lendemain du naufrage, 78
        // corps") and a bracket estimate are no parts of its toll.
        if compare::recalled(c).is_some() || compare::is_range(c) {
            continue;
        }
        if !seen.insert((key.0, key.1, c.quote.as_str(), q.value.to_bits())) {
            continue;
        }
        let i = compare::interval(&q);
        // The sum of all its figures, and of those of its kind.
        for k in [None, Some(kin(c))] {
            let e = sums.entry((key.0, key.1, k)).or_insert((
                0,
                Interval {
                    lo: 0.0,
                    hi: Some(0.0),
                },
            ));
            e.0 += 1;
            e.1 = Interval {
                lo: e.1.lo + i.lo,
                hi: e.1.hi.zip(i.hi).map(|(x, y)| x + y),
            };
        }
    }
    sums.into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .map(|(k, (_, sum))| (k, sum))
        .collect()
}

/// Whether `part` is one of several figures of its article whose sum fits
/// `total` from another article: "plus de 400 au total" against 250 and 170.
fn adds_up(
    parts: Option<&HashMap<PartsKey, Interval>>,
    part: &ClaimRecord,
    total: &ClaimRecord,
) -> bool {
    if part.document == total.document {
        return false;
    }
    let Some(t) = total.quantity.map(|q| compare::interval(&q)) else {
        return false;
    };
    // The same figure is compared as it stands, to find agreements: "78
    // corps ont été récupérés" (one of an article's several death figures)
    // against "au moins 78 morts", which any sum would fit.
    if part.quantity.map(|q| q.value) == total.quantity.map(|q| q.value) {
        return false;
    }
    // A total of one kind is made of parts of that kind: "la mort de 25
    // militaires" against "au moins trois militaires et un civil".
    let k = kin(part);
    let only = (k != Kin::Anyone && k == kin(total)).then_some(k);
    parts
        .and_then(|p| p.get(&(part.document, origin(part), only)))
        .is_some_and(|sum| sum.intersects(&t))
}

/// The figures of each sentence, by the voice that gives them (document,
/// original speaker, sentence start).
fn per_voice_sentence<'a>(
    numeric: &[&'a ClaimRecord],
) -> HashMap<(i64, Option<i64>, usize), Vec<&'a ClaimRecord>> {
    let mut by_sentence: HashMap<_, Vec<&ClaimRecord>> = HashMap::new();
    for c in numeric {
        by_sentence
            .entry((c.document, origin(c), c.sentence.start))
            .or_default()
            .push(*c);
    }
    by_sentence
}

/// Figures given as bare numbers in a list of one voice's sentence ("300
/// passagers, 400, 500 et plus": 400 and 500), with its first figure: the
/// estimates a voice enumerates, none of which it asserts alone.
fn listed(numeric: &[&ClaimRecord]) -> HashSet<i64> {
    let bare = |c: &ClaimRecord| !c.quote.chars().any(char::is_alphabetic);
    per_voice_sentence(numeric)
        .into_values()
        .filter(|list| list.iter().filter(|c| bare(c)).count() >= 2)
        .flatten()
        .map(|c| c.id)
        .collect()
}

/// Figures one voice gives several of in one sentence, with different
/// values: a breakdown ("1 293 à Al-Haouz, 452 à Taroudant").
fn breakdowns(numeric: &[&ClaimRecord]) -> HashSet<i64> {
    per_voice_sentence(numeric)
        .into_values()
        .filter(|list| {
            let first = list[0].quantity.map(|q| q.value);
            list.iter().any(|c| c.quantity.map(|q| q.value) != first)
        })
        .flatten()
        .map(|c| c.id)
        .collect()
}

/// The parts of a breakdown (see [`breakdowns`]): every figure of the
/// sentence but its largest, which may be the total ("a fait 290 morts dans
/// la province d'Al Haouz, 190 dans la province de Taroudant [...] et 1
/// décès dans la province de Youssoufia"). A part counts one place or
/// group, so it is compared with another article's parts only ("dont 51
/// grièvement", then "dont 1 404 [...] dans un état très grave"), never
/// with its toll ("huit blessés" among French nationals). Both halves
/// of one range ("entre 300 et 650 morts") share their quote and are no
/// breakdown. Parts are counted, never estimated: "Israël évoque une
/// dizaine de morts, le Hamas plus de 110" gives two rival estimates (their
/// voices unresolved), not a part and its whole.
fn minor_parts(numeric: &[&ClaimRecord], ledger: &Ledger) -> (HashSet<i64>, HashSet<i64>) {
    let mut by_sentence: HashMap<(i64, Option<i64>, usize), Vec<&ClaimRecord>> = HashMap::new();
    for c in numeric {
        by_sentence
            .entry((c.document, origin(c), c.sentence.start))
            .or_default()
            .push(c);
    }
    let mut out = HashSet::new();
    let mut kinded = HashSet::new();
    let value = |c: &ClaimRecord| c.quantity.map_or(0.0, |q| q.value);
    // The largest figure of each article (any voice, any bound) reported
    // at one time: a toll recalled from an earlier report is no part of
    // today's ("Le précédent bilan était de 35 morts et 77 disparus, mais
    // 19 corps ont été découverts", below "54 morts").
    let mut largest: HashMap<(i64, Option<chrono::NaiveDate>), f64> = HashMap::new();
    for c in numeric {
        let e = largest
            .entry((c.document, compare::reported(c, ledger)))
            .or_insert(0.0);
        *e = e.max(value(c));
    }
    for list in by_sentence.into_values() {
        let Some(top) = list
            .iter()
            .copied()
            .max_by(|x, y| value(x).total_cmp(&value(y)))
        else {
            continue;
        };
        // A breakdown whose largest figure is below its article's toll
        // breaks that toll down: "au moins 2 012 personnes ont péri", then
        // "al-Haouz est la plus endeuillée avec 1 293 morts, suivie de
        // Taroudant avec 452 morts" are both parts.
        let distinct = list.iter().any(|c| value(c) != value(top));
        let when = (top.document, compare::reported(top, ledger));
        if distinct && largest.get(&when).is_some_and(|&m| m > value(top)) {
            out.extend(list.iter().map(|c| c.id));
            continue;
        }
        // One voice counting two kinds of dead in one breath ("vingt civils
        // et une douzaine de membres présumés de la katiba") gives the parts
        // of one toll, its largest too.
        let kinds = |m: Option<Measure>| {
            let mut k: Vec<Kin> = list
                .iter()
                .filter(|c| c.measure == m)
                .map(|c| kin(c))
                .collect();
            k.dedup();
            k.len()
        };
        kinded.extend(
            list.iter()
                .filter(|c| c.measure.is_some_and(counts_people) && kinds(c.measure) > 1)
                .map(|c| c.id),
        );
        out.extend(
            list.iter()
                .filter(|c| {
                    c.quote != top.quote
                        && value(c) < value(top)
                        && c.quantity.is_some_and(|q| q.bound != Bound::Approx)
                })
                .map(|c| c.id),
        );
    }
    (out, kinded)
}

/// Whether `part` is one of a breakdown (see [`breakdowns`]) and smaller
/// than `total` of the same article ("2 012 morts"): a part is never
/// contradicted by its total.
fn part_of(breakdown: &HashSet<i64>, part: &ClaimRecord, total: &ClaimRecord) -> bool {
    let (Some(p), Some(t)) = (part.quantity, total.quantity) else {
        return false;
    };
    breakdown.contains(&part.id) && p.value < t.value
}

fn record(
    kind: FindingKind,
    a: &ClaimRecord,
    b: &ClaimRecord,
    reason: String,
    independent: Option<bool>,
) -> FindingRecord {
    FindingRecord {
        id: 0,
        kind,
        a: a.id,
        b: b.id,
        reason,
        independent,
    }
}
