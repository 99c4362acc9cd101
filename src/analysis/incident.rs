//! Incidents across articles: which articles report one real-world incident
//! even when they word it differently and appear days apart.
//!
//! Event coreference ([`super::coref`]) pairs events that the extractor
//! placed and dated; many articles name the place only in passing ("Le
//! naufrage au large de Pylos", "à Moura, dans le centre du Mali") without
//! tying it to an event. So articles are also grouped on their own evidence:
//!
//! - a shared place (a town, a region, a venue: any place entity that is not
//!   a country) in articles published at most [`PLACE_WINDOW_DAYS`] apart,
//!   or [`PLACE_KIND_WINDOW_DAYS`] when both also tell of the same kind of
//!   event: "Marioupol" on the 16th and on the 25th is one incident, and so
//!   is the investigation into the theatre strike published in May;
//! - a shared country only, with the same family of events (two articles on
//!   killings in Greece) and at most [`COUNTRY_WINDOW_DAYS`] apart;
//! - an event coreference merge between two of their events (its reason is
//!   kept).
//!
//! An article with no publication date is grouped on places alone, and the
//! reason says so. Each merge keeps its reason in plain words.
//!
//! Candidates come from blocks keyed by place and month of publication, and
//! each block is searched only for its latest `BLOCK_REACH` (32) articles: a
//! corpus where every article names the same place and day stays linear (the
//! articles of one block are one incident after the first merges anyway).

use super::ids::{Chains, IdMap};
use chrono::NaiveDate;

/// Articles naming one place are one incident when published this close.
pub const PLACE_WINDOW_DAYS: i64 = 14;
/// ... or this close when they also tell of the same kind of event (an
/// investigation published weeks after a strike on the theatre it names).
pub const PLACE_KIND_WINDOW_DAYS: i64 = 60;
/// Articles sharing only a country (and a kind of event) must be this close.
pub const COUNTRY_WINDOW_DAYS: i64 = 7;
/// How many latest articles of a block a new article is compared with.
const BLOCK_REACH: usize = 32;

/// One merge of two articles' incidents, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IncidentMerge {
    /// The two documents whose evidence joined the incidents.
    pub a: i64,
    pub b: i64,
    pub reason: String,
}

/// What an article brings as evidence.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub published: Option<NaiveDate>,
    /// Places (not countries) the article names, with their names.
    pub places: Vec<(i64, String)>,
    /// Countries the article names, with their names.
    pub countries: Vec<(i64, String)>,
    /// Families of the article's events (see [`super::coref::family`]).
    pub families: Vec<crate::model::EventKind>,
    /// Dates its figures refer to, well before its publication (at most
    /// [`RECALLED_DATES`]): "plus de 500 personnes ont été exécutées [...]
    /// en mars 2022" in a report published in May 2023 tells of the
    /// incident of March 2022.
    pub recalled: Vec<NaiveDate>,
}

/// How many recalled dates of an article are looked up.
pub const RECALLED_DATES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Place(i64, i64),
    Country(i64, i64),
    /// Every article naming the place, for undated articles to look up.
    AnyPlace(i64),
    /// Undated articles naming the place, for dated ones to look up.
    UndatedPlace(i64),
}

/// Incidents grown one article at a time (union-find over documents).
#[derive(Debug, Default)]
pub struct Incidents {
    parent: IdMap<i64, i64>,
    evidence: IdMap<i64, Evidence>,
    blocks: Chains<Key>,
    merges: Vec<IncidentMerge>,
    /// Why each document joined its incident (the first merge naming it).
    reasons: IdMap<i64, usize>,
    /// The earliest publication date of each incident (by its root).
    earliest: IdMap<i64, NaiveDate>,
}

fn month(d: NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce()).div_euclid(PLACE_KIND_WINDOW_DAYS)
}

impl Incidents {
    /// The incident of a document: the smallest document id of its
    /// incident (the document itself when it is unknown).
    pub fn of(&self, document: i64) -> i64 {
        let mut root = document;
        while let Some(&p) = self.parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        root
    }

    /// The earliest publication date of a document's incident.
    pub fn earliest(&self, document: i64) -> Option<NaiveDate> {
        self.earliest.get(&self.of(document)).copied()
    }

    /// The incident a figure of `document` dated `date`, well before the
    /// article, belongs to: one with an article published from two days
    /// before that date to [`PLACE_WINDOW_DAYS`] after it, naming one of the
    /// document's places (else one of its countries), the closest in time.
    /// "Cette attaque survient un mois après la mort de 40 soldats dans deux
    /// attaques djihadistes le 30 septembre et le 1er octobre" is a figure of
    /// the attacks of 30 September, not of this one.
    pub fn near(&self, document: i64, date: NaiveDate) -> Option<i64> {
        let ev = self.evidence.get(&document)?;
        let places = ev.places.iter().map(|(p, _)| (0u8, *p));
        let countries = ev.countries.iter().map(|(c, _)| (1u8, *c));
        let keys: Vec<(u8, i64)> = places.chain(countries).collect();
        self.around(&keys, date, -2..=PLACE_WINDOW_DAYS)
    }

    /// The incident of an earlier article naming `place`, published at
    /// most [`PLACE_KIND_WINDOW_DAYS`] before `date` and not the incident of
    /// `document`: "Cette attaque intervient un mois après celles de
    /// Mondoro et de Boulkessi qui avaient fait près d'une quarantaine des
    /// soldats maliens tués" recalls the toll of the attacks at Mondoro.
    pub fn before(&self, document: i64, place: i64, date: NaiveDate) -> Option<i64> {
        let ev = self.evidence.get(&document)?;
        if ev.places.iter().any(|(p, _)| *p == place) {
            return None;
        }
        let found = self.around(&[(0, place)], date, -PLACE_KIND_WINDOW_DAYS..=0)?;
        (found != self.of(document)).then_some(found)
    }

    /// The closest incident with an article naming one of `keys` (rank 0:
    /// a place, 1: a country) published `date` + a number of days in
    /// `window`.
    fn around(
        &self,
        keys: &[(u8, i64)],
        date: NaiveDate,
        window: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let mut best: Option<(u8, i64, i64)> = None;
        let reach = window.start().abs().max(window.end().abs()) / PLACE_KIND_WINDOW_DAYS + 1;
        for &(rank, id) in keys {
            for k in -reach..=reach {
                let key = if rank == 0 {
                    Key::Place(id, month(date) + k)
                } else {
                    Key::Country(id, month(date) + k)
                };
                for doc in self.blocks.get(&key).take(BLOCK_REACH) {
                    let Some(q) = self.evidence.get(&doc).and_then(|e| e.published) else {
                        continue;
                    };
                    let gap = (q - date).num_days();
                    if !window.contains(&gap) {
                        continue;
                    }
                    let candidate = (rank, gap.abs(), self.of(doc));
                    if best.map_or(true, |b| candidate < b) {
                        best = Some(candidate);
                    }
                }
            }
        }
        best.map(|(_, _, root)| root)
    }

    fn merge_roots(&mut self, gone: i64, keep: i64) {
        self.parent.insert(gone, keep);
        if let Some(d) = self.earliest.remove(&gone) {
            let e = self.earliest.entry(keep).or_insert(d);
            *e = (*e).min(d);
        }
    }

    /// Every merge made so far, in order.
    pub fn merges(&self) -> &[IncidentMerge] {
        &self.merges
    }

    /// Each known document with its incident and why it is in it (`None`:
    /// alone), in document order.
    pub fn rows(&self) -> Vec<(i64, i64, Option<String>)> {
        let mut docs: Vec<i64> = self.parent.keys().copied().collect();
        docs.sort_unstable();
        docs.into_iter()
            .map(|d| {
                let reason = self
                    .reasons
                    .get(&d)
                    .and_then(|i| self.merges.get(*i))
                    .map(|m| m.reason.clone());
                (d, self.of(d), reason)
            })
            .collect()
    }

    fn record(&mut self, merge: IncidentMerge) {
        let at = self.merges.len();
        self.reasons.entry(merge.a).or_insert(at);
        self.reasons.entry(merge.b).or_insert(at);
        self.merges.push(merge);
    }

    /// Add one article and merge it with the incidents its evidence points
    /// to. Returns the incidents that ceased to exist, each with the one
    /// that replaced it.
    pub fn add(&mut self, document: i64, ev: Evidence) -> Vec<(i64, i64)> {
        if self.parent.contains_key(&document) {
            return Vec::new();
        }
        self.parent.insert(document, document);
        if let Some(p) = ev.published {
            self.earliest.insert(document, p);
        }
        // (block, whether to look it up, whether to join it)
        let mut keys = Vec::new();
        for (p, _) in &ev.places {
            keys.push((Key::AnyPlace(*p), ev.published.is_none(), true));
            match ev.published {
                Some(d) => {
                    keys.extend((-1..=1).map(|k| (Key::Place(*p, month(d) + k), true, k == 0)));
                    keys.push((Key::UndatedPlace(*p), true, false));
                }
                None => keys.push((Key::UndatedPlace(*p), false, true)),
            }
            for r in ev.recalled.iter().take(RECALLED_DATES) {
                keys.extend((-1..=1).map(|k| (Key::Place(*p, month(*r) + k), true, false)));
            }
        }
        if let Some(d) = ev.published {
            for (c, _) in &ev.countries {
                keys.extend((-1..=1).map(|k| (Key::Country(*c, month(d) + k), true, k == 0)));
            }
        }
        let mut candidates: Vec<i64> = Vec::new();
        for (key, look, _) in &keys {
            if *look {
                candidates.extend(self.blocks.get(key).take(BLOCK_REACH));
            }
        }
        for (key, _, home) in keys {
            if home {
                self.blocks.push(key, document);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut replaced = Vec::new();
        for other in candidates {
            let (ra, rb) = (self.of(document), self.of(other));
            if ra == rb {
                continue;
            }
            let Some(reason) = self
                .evidence
                .get(&other)
                .and_then(|o| why(other, o, document, &ev))
            else {
                continue;
            };
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            self.merge_roots(gone, keep);
            self.record(IncidentMerge {
                a: other.min(document),
                b: other.max(document),
                reason,
            });
            replaced.push((gone, keep));
        }
        self.evidence.insert(document, ev);
        replaced
    }

    /// Merge the incidents of two documents on evidence found elsewhere (an
    /// event coreference merge). Returns the replaced incident, if any.
    pub fn join(&mut self, a: i64, b: i64, reason: &str) -> Option<(i64, i64)> {
        for d in [a, b] {
            self.parent.entry(d).or_insert(d);
        }
        let (ra, rb) = (self.of(a), self.of(b));
        if ra == rb {
            return None;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.merge_roots(gone, keep);
        self.record(IncidentMerge {
            a: a.min(b),
            b: a.max(b),
            reason: format!(
                "articles #{} and #{}: events of both articles are one event ({reason})",
                a.min(b),
                a.max(b)
            ),
        });
        Some((gone, keep))
    }
}

/// How far into an article a dateline may stand.
pub const DATELINE_REACH: usize = 300;

/// Whether the place named at `span` of `text` is a dateline, which says
/// where the dispatch was written, not where the incident happened:
/// "BAMAKO, 14 mai 2024 (AFP) — ...", "Beyrouth (AFP) - ...". A dateline
/// opens a line near the top of the article, is followed by a comma or a
/// parenthesis, then by a date or an agency, and by a dash soon after.
pub fn is_dateline(text: &str, span: crate::model::Span) -> bool {
    if span.start > DATELINE_REACH || span.end > text.len() {
        return false;
    }
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let lead = before[line_start..].trim();
    // "iGFM (Dakar) Au Mali, ...": the outlet with its city.
    if let Some(outlet) = lead.strip_suffix('(') {
        let words = outlet.split_whitespace().count();
        return (1..=3).contains(&words) && after.starts_with(')');
    }
    if !lead.is_empty() {
        return false;
    }
    let rest: String = after.chars().take(60).collect();
    let trimmed = rest.trim_start();
    if !(trimmed.starts_with(',') || trimmed.starts_with('(')) {
        return false;
    }
    let Some(dash) = rest.find(['—', '–', '-']) else {
        return false;
    };
    let head = crate::extract::fold::fold(&rest[..dash]);
    const MONTHS: &[&str] = &[
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    head.chars().any(|c| c.is_ascii_digit())
        || MONTHS.iter().any(|m| head.contains(m))
        || head.contains("(afp)")
        || head.contains("(reuters)")
        || head.contains("(ap)")
}

/// How far apart two publication dates are, in words.
fn apart(days: i64) -> String {
    match days {
        0 => "the same day".to_string(),
        1 => "1 day apart".to_string(),
        n => format!("{n} days apart"),
    }
}

/// A family of events in words.
fn kind_words(family: crate::model::EventKind) -> &'static str {
    match family {
        crate::model::EventKind::Strike => "violent incident",
        other => other.as_str(),
    }
}

/// A date `x` recalls that lies within [`PLACE_WINDOW_DAYS`] of `y`'s
/// publication, with that publication.
fn recalls(x: &Evidence, y: &Evidence) -> Option<(NaiveDate, NaiveDate)> {
    let q = y.published?;
    x.recalled
        .iter()
        .find(|r| (q - **r).num_days().abs() <= PLACE_WINDOW_DAYS)
        .map(|r| (*r, q))
}

/// Why articles `a` (known) and `b` (new) report one incident, or `None`.
fn why(a: i64, x: &Evidence, b: i64, y: &Evidence) -> Option<String> {
    let gap = match (x.published, y.published) {
        (Some(p), Some(q)) => Some((p - q).num_days().abs()),
        _ => None,
    };
    let shared_place = x
        .places
        .iter()
        .find(|(p, _)| y.places.iter().any(|(q, _)| q == p));
    let same_kind = || {
        x.families
            .iter()
            .find(|f| y.families.contains(f) && **f != crate::model::EventKind::War)
    };
    if let Some((_, name)) = shared_place {
        return match gap {
            Some(g) if g <= PLACE_WINDOW_DAYS => Some(format!(
                "articles #{a} and #{b} both name {name}, published {}", apart(g)
            )),
            Some(g) if g <= PLACE_KIND_WINDOW_DAYS => same_kind().map(|f| {
                format!(
                    "articles #{a} and #{b} both name {name} and tell of a {}, published {}",
                    kind_words(*f),
                    apart(g)
                )
            }),
            Some(_) => recalls(x, y).or_else(|| recalls(y, x)).map(|(r, q)| {
                format!(
                    "articles #{a} and #{b} both name {name}; one of them dates its figures to {r}, when the other was published ({q})"
                )
            }),
            None => Some(format!(
                "articles #{a} and #{b} both name {name} (no publication date on one of them: grouped on the place alone)"
            )),
        };
    }
    let g = gap?;
    let family = same_kind()?;
    let shared: Vec<&str> = x
        .countries
        .iter()
        .filter(|(c, _)| y.countries.iter().any(|(d, _)| d == c))
        .map(|(_, name)| name.as_str())
        .take(2)
        .collect();
    // Two countries named by both are as telling as a place: "le séisme
    // qui a ravagé la Turquie et la Syrie" two weeks after "Séismes en
    // Turquie et en Syrie : plus de 3 500 morts".
    let window = if shared.len() >= 2 {
        PLACE_WINDOW_DAYS
    } else {
        COUNTRY_WINDOW_DAYS
    };
    if g > window || shared.is_empty() {
        return None;
    }
    Some(format!(
        "articles #{a} and #{b} both tell of a {} in {} (no shared place), published {}",
        kind_words(*family),
        shared.join(" and "),
        apart(g)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2022, 3, d)
    }

    fn ev(published: Option<NaiveDate>, places: &[i64], countries: &[i64]) -> Evidence {
        Evidence {
            published,
            places: places.iter().map(|p| (*p, format!("P{p}"))).collect(),
            countries: countries.iter().map(|c| (*c, format!("C{c}"))).collect(),
            families: vec![crate::model::EventKind::Strike],
            recalled: Vec::new(),
        }
    }

    #[test]
    fn a_shared_place_days_apart_is_one_incident_with_its_reason() {
        let mut i = Incidents::default();
        i.add(1, ev(day(16), &[10], &[1]));
        let replaced = i.add(2, ev(day(25), &[10, 11], &[]));
        assert_eq!(replaced, vec![(2, 1)]);
        assert_eq!(i.of(2), 1);
        assert!(i.merges()[0].reason.contains("P10"));
        assert!(i.merges()[0].reason.contains("9 days apart"));
    }

    #[test]
    fn distant_dates_or_other_places_stay_apart() {
        let mut i = Incidents::default();
        i.add(1, ev(day(1), &[10], &[1]));
        i.add(
            2,
            NaiveDate::from_ymd_opt(2022, 6, 1)
                .map_or_else(Evidence::default, |d| ev(Some(d), &[10], &[1])),
        );
        i.add(3, ev(day(2), &[11], &[2]));
        assert_eq!((i.of(2), i.of(3)), (2, 3));
    }

    #[test]
    fn a_shared_country_needs_a_close_date_and_the_same_kind() {
        let mut i = Incidents::default();
        i.add(1, ev(day(1), &[10], &[1]));
        i.add(2, ev(day(3), &[], &[1]));
        assert_eq!(i.of(2), 1);
        assert!(i.merges()[0].reason.contains("no shared place"));
        i.add(3, ev(day(20), &[], &[1]));
        assert_eq!(i.of(3), 3);
    }

    #[test]
    fn an_undated_article_is_grouped_on_its_place_and_says_so() {
        let mut i = Incidents::default();
        i.add(1, ev(day(1), &[10], &[]));
        i.add(2, ev(None, &[10], &[]));
        i.add(3, ev(None, &[10], &[]));
        assert_eq!(i.of(3), 1);
        assert!(i
            .merges()
            .iter()
            .any(|m| m.reason.contains("no publication date")));
    }

    #[test]
    fn a_dateline_is_not_the_incidents_place() {
        let at = |text: &str, name: &str| {
            let i = text.find(name).unwrap_or(0);
            crate::model::Span::new(i, i + name.len())
        };
        let t = "BAMAKO, 14 mai 2024 — L'armée malienne a annoncé...";
        assert!(is_dateline(t, at(t, "BAMAKO")));
        let t = "Titre\nBeyrouth (AFP) - Les explosions ont fait 27 morts.";
        assert!(is_dateline(t, at(t, "Beyrouth")));
        let t = "iGFM (Dakar) Au Mali, plus de 500 personnes";
        assert!(is_dateline(t, at(t, "Dakar")));
        let t = "Beyrouth, une ville meurtrie - reportage";
        assert!(!is_dateline(t, at(t, "Beyrouth")));
        let t = "Les explosions de Beyrouth, 4 août — 27 morts";
        assert!(!is_dateline(t, at(t, "Beyrouth")));
    }

    #[test]
    fn one_place_named_by_thousands_of_articles_stays_linear() {
        let mut i = Incidents::default();
        for d in 0..5_000 {
            i.add(d, ev(day(1), &[10], &[1]));
        }
        assert_eq!(i.of(4_999), 0);
        assert_eq!(i.merges().len(), 4_999);
    }
}
