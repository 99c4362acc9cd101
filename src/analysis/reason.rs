//! Findings explained in plain words, e.g.
//! "killed: 2 vs 3 — soldats du Haut-Karabakh — strikes near X, 24–25 March
//! 2022 — autorités du Haut-Karabakh via RT vs Armenpress".
//!
//! A reason names the measure and both figures with their bounds, what was
//! counted, the event (kind, place, dates) and both sources, so an analyst can
//! judge the finding without opening the articles.

use super::ledger::Ledger;
use crate::model::{Bound, ClaimRecord, DateRange, EventKind, EventRecord, Precision, Quantity};
use chrono::Datelike;

/// "2", "at least 6500", "about 300".
pub fn figure(q: &Quantity) -> String {
    let v = if q.value.fract() == 0.0 && q.value.abs() < 1e15 {
        format!("{}", q.value as i64)
    } else {
        format!("{}", q.value)
    };
    match q.bound {
        Bound::Exact => v,
        Bound::AtLeast => format!("at least {v}"),
        Bound::AtMost => format!("at most {v}"),
        Bound::Approx => format!("about {v}"),
    }
}

/// "autorités du Haut-Karabakh via RT en français", or the outlet alone when
/// it speaks for itself.
pub fn source(c: &ClaimRecord, ledger: &Ledger) -> String {
    let name = |id: i64| {
        ledger
            .name(id)
            .map(str::to_string)
            .unwrap_or_else(|| format!("entity #{id}"))
    };
    let mut chain: Vec<String> = Vec::new();
    if let Some(who) = c.claimant {
        chain.push(name(who));
    }
    for v in &c.via {
        if Some(*v) != c.claimant {
            chain.push(name(*v));
        }
    }
    if let Some(outlet) = c.outlet {
        if Some(outlet) != c.claimant && !c.via.contains(&outlet) {
            chain.push(name(outlet));
        }
    }
    if chain.is_empty() {
        "an unknown source".to_string()
    } else {
        chain.join(" via ")
    }
}

/// "strikes near Kharkiv, 24–25 March 2022": the event two claims are about,
/// told from whichever of their two event records says more (an article
/// that gives no date or no place borrows them from the other).
pub fn event(a: &ClaimRecord, b: &ClaimRecord, ledger: &Ledger) -> Option<String> {
    let info = |e: &EventRecord| u8::from(e.place.is_some()) + u8::from(e.time.is_some());
    let ea = a.event.and_then(|id| ledger.event(id));
    let eb = b.event.and_then(|id| ledger.event(id));
    let e = match (ea, eb) {
        (Some(x), Some(y)) if info(y) > info(x) => y,
        (Some(x), _) => x,
        (None, y) => y?,
    };
    let mut out = kind_words(e.kind).to_string();
    if let Some(place) = e.place {
        out.push_str(" near ");
        out.push_str(ledger.name(place).unwrap_or("an unnamed place"));
    }
    if let Some(t) = e.time {
        out.push_str(", ");
        out.push_str(&dates(&t));
    }
    Some(out)
}

fn kind_words(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Strike => "strikes",
        EventKind::Killing => "killings",
        EventKind::CeasefireViolation => "ceasefire violation",
        EventKind::CeasefireAgreement => "ceasefire agreement",
        EventKind::Withdrawal => "withdrawal",
        EventKind::Deployment => "deployment",
        EventKind::Offensive => "offensive",
        EventKind::Explosion => "explosion",
        EventKind::Shelling => "shelling",
        EventKind::Displacement => "displacement",
        EventKind::War => "war",
        EventKind::Other => "event",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "24 March 2022", "24–25 March 2022", "30 March – 2 April 2022", "March
/// 2022", "2022".
pub fn dates(t: &DateRange) -> String {
    let month = |d: &chrono::NaiveDate| MONTHS[d.month0() as usize % 12];
    let (s, e) = (t.start, t.end);
    match t.precision {
        Precision::Year => return format!("{}", s.year()),
        Precision::Month => return format!("{} {}", month(&s), s.year()),
        Precision::Day | Precision::Week => {}
    }
    if s == e {
        format!("{} {} {}", s.day(), month(&s), s.year())
    } else if s.year() != e.year() {
        format!(
            "{} {} {} – {} {} {}",
            s.day(),
            month(&s),
            s.year(),
            e.day(),
            month(&e),
            e.year()
        )
    } else if s.month() != e.month() {
        format!(
            "{} {} – {} {} {}",
            s.day(),
            month(&s),
            e.day(),
            month(&e),
            e.year()
        )
    } else {
        format!("{}–{} {} {}", s.day(), e.day(), month(&s), s.year())
    }
}

fn subject(c: &ClaimRecord, ledger: &Ledger) -> Option<String> {
    c.subject
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| {
            c.subject_entity
                .and_then(|e| ledger.name(e).map(str::to_string))
        })
}

/// " (2023-09-21)": when the claim speaks, if known.
fn joined(parts: Vec<Option<String>>) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(" — ")
}

fn measure(c: &ClaimRecord) -> &'static str {
    c.measure.map_or("figure", |m| m.as_str())
}

/// Why two figures contradict.
pub fn contradiction(a: &ClaimRecord, b: &ClaimRecord, ledger: &Ledger) -> String {
    let (Some(qa), Some(qb)) = (a.quantity, b.quantity) else {
        return polarity(a, b, ledger);
    };
    let head = if a.polarity == b.polarity {
        format!("{}: {} vs {}", measure(a), figure(&qa), figure(&qb))
    } else {
        format!(
            "{}: {} asserted, denied by the other side",
            measure(a),
            figure(&qa)
        )
    };
    joined(vec![
        Some(head),
        subject(a, ledger),
        event(a, b, ledger),
        Some(format!("{} vs {}", source(a, ledger), source(b, ledger))),
    ])
}

/// Why an assertion and a denial contradict.
pub fn polarity(assertion: &ClaimRecord, denial: &ClaimRecord, ledger: &Ledger) -> String {
    let topic = assertion
        .topic
        .clone()
        .or_else(|| denial.topic.clone())
        .filter(|t| !t.trim().is_empty());
    joined(vec![
        Some(format!(
            "polarity: {} asserts, {} denies",
            source(assertion, ledger),
            source(denial, ledger)
        )),
        topic,
        event(assertion, denial, ledger),
    ])
}

/// Why a denial of figures contradicts a figure (a dispute).
pub fn dispute(figure_claim: &ClaimRecord, denial: &ClaimRecord, ledger: &Ledger) -> String {
    let fig = figure_claim
        .quantity
        .as_ref()
        .map_or_else(String::new, figure);
    joined(vec![
        Some(format!(
            "disputed: {} gives {} {}, {} denies the figures",
            source(figure_claim, ledger),
            measure(figure_claim),
            fig,
            source(denial, ledger)
        )),
        denial.topic.clone().filter(|t| !t.trim().is_empty()),
    ])
}

/// Why two figures agree, and whether the agreement is independent.
pub fn agreement(a: &ClaimRecord, b: &ClaimRecord, independent: bool, ledger: &Ledger) -> String {
    let fig = a.quantity.as_ref().map_or_else(String::new, figure);
    let voices = if independent {
        format!(
            "independent sources: {} and {}",
            source(a, ledger),
            source(b, ledger)
        )
    } else {
        format!(
            "one voice repeated: {} and {}",
            source(a, ledger),
            source(b, ledger)
        )
    };
    joined(vec![
        Some(format!("{}: {} in both", measure(a), fig)),
        subject(a, ledger),
        event(a, b, ledger),
        Some(voices),
    ])
}

/// Why a later figure updates an earlier one.
pub fn update(earlier: &ClaimRecord, later: &ClaimRecord, ledger: &Ledger) -> String {
    let fig = |c: &ClaimRecord| c.quantity.as_ref().map_or_else(String::new, figure);
    joined(vec![
        Some(format!(
            "{}: {} → {}",
            measure(earlier),
            fig(earlier),
            fig(later)
        )),
        subject(earlier, ledger),
        event(earlier, later, ledger),
        Some(format!(
            "{} from {}{} after {}{}",
            direction(earlier, later),
            source(later, ledger),
            reported_on(later, ledger),
            source(earlier, ledger),
            reported_on(earlier, ledger)
        )),
    ])
}

/// How a later figure moved from an earlier one, in words.
fn direction(earlier: &ClaimRecord, later: &ClaimRecord) -> &'static str {
    match (earlier.quantity, later.quantity) {
        (Some(e), Some(l)) if l.value < e.value => "later, lower figure (revised down)",
        (Some(e), Some(l)) if l.value > e.value => "later, higher figure",
        _ => "later figure",
    }
}

/// When a figure was reported, in parentheses (see [`super::compare::reported`]).
fn reported_on(c: &ClaimRecord, ledger: &Ledger) -> String {
    super::compare::reported(c, ledger).map_or_else(String::new, |d| format!(" (reported {d})"))
}
