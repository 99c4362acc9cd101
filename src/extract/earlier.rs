//! Figures the text says were reported before the article: "Un précédent
//! bilan faisait état de 160 morts", "alors qu'un premier bilan, samedi,
//! faisait état d'un mort", "les forces ukrainiennes parlaient, elles, de
//! plus de 400 victimes", "89 morts et non 63 comme initialement reconnus".
//!
//! Comparison orders a series by when each figure was *reported*; a figure
//! an article recalls from an earlier toll is dated before the article
//! (the week before it, [`EARLIER`]) unless the text gives its own earlier
//! date, so that "160 morts" (the previous toll) → "171 morts" (the new
//! one) reads as an update, not as two voices disagreeing the same day.

use crate::extract::analysis::Analysis;
use crate::model::{DateRange, Precision};

/// How far back a cue may stand before the figure, in tokens.
const REACH_BACK: usize = 14;
/// How far after the figure a cue may stand ("63 comme initialement
/// reconnus").
const REACH_AFTER: usize = 8;
/// How many days before the article an earlier toll of unknown date is
/// taken to have been reported (it ends the day before).
const EARLIER: i64 = 7;

/// The words by which the text says the figure at tokens `[start, end)`
/// is recalled from an earlier report ("précédent bilan", "faisait état",
/// "initialement", "annoncé la veille"), or `None`.
pub fn recalled(a: &Analysis, start: usize, end: usize) -> Option<String> {
    let lo = start.saturating_sub(REACH_BACK);
    let mut k = start;
    while k > lo {
        k -= 1;
        if !a.same_sentence(k, start) || matches!(a.tok_text(k), ";" | "." | ":") {
            break;
        }
        let w = a.low(k);
        // A new toll after an old one in one sentence: "le précédent bilan
        // était de 160 morts, le nouveau bilan est de 171".
        if matches!(
            w,
            "nouveau" | "nouvelle" | "desormais" | "actualise" | "dernier"
        ) {
            return None;
        }
        if let Some(n) = cue_at(a, k) {
            return Some(words(a, k, k + n));
        }
    }
    // "89 morts et non 63 comme initialement reconnus", "un bilan de 79
    // morts annoncé la veille"
    (end..end + REACH_AFTER)
        .take_while(|&k| a.same_sentence(k, start) && !matches!(a.tok_text(k), ";" | "."))
        .find(|&k| {
            let announced = matches!(a.low(k), "annonce" | "annonces" | "annoncee" | "annoncees");
            let before = (a.low(k + 1) == "la" && a.low(k + 2) == "veille")
                || matches!(a.low(k + 1), "hier" | "avant-hier");
            // "Le bilan est de 38 morts et 16 blessés à la date du 4
            // octobre": a toll as of a date.
            let as_of = a.low(k) == "date"
                && a.low(k + 1) == "du"
                && matches!(a.low(k.wrapping_sub(1)), "la" | "en");
            matches!(a.low(k), "initialement" | "auparavant" | "precedemment")
                || (announced && before)
                || as_of
        })
        .map(|k| words(a, k, k + 1))
}

/// The text of tokens `[from, to)`.
fn words(a: &Analysis, from: usize, to: usize) -> String {
    match (a.toks.get(from), a.toks.get(to.saturating_sub(1))) {
        (Some(x), Some(y)) => a.text.get(x.start..y.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// A cue of an earlier report at token `k`, with its length in tokens.
fn cue_at(a: &Analysis, k: usize) -> Option<usize> {
    match a.low(k) {
        // "le précédent bilan", "le bilan précédent", "un bilan antérieur"
        "precedent" | "anterieur" if a.low(k + 1) == "bilan" => Some(2),
        "precedent" | "anterieur" if k.checked_sub(1).is_some_and(|j| a.low(j) == "bilan") => {
            Some(1)
        }
        "initialement" | "auparavant" | "precedemment" => Some(1),
        // "Au lendemain du naufrage, 78 corps ont été récupérés": the toll
        // of the day after the event, before the article.
        "lendemain" if matches!(a.low(k.wrapping_sub(1)), "au" | "le") => Some(1),
        // The imperfect of report verbs: "faisait état de", "parlaient de",
        // "évoquait", "annonçait".
        "faisait" | "faisaient" if a.low(k + 1) == "etat" => Some(2),
        "parlait" | "parlaient" | "evoquait" | "evoquaient" | "annoncait" | "annoncaient" => {
            Some(1)
        }
        // The pluperfect: "avait fait état de", "avaient annoncé"; an
        // earlier event's toll: "celles de Mondoro et de Boulkessi qui
        // avaient fait près d'une quarantaine des soldats maliens tués".
        "avait" | "avaient" => match a.low(k + 1) {
            "fait" if a.low(k + 2) == "etat" => Some(3),
            "fait" => Some(2),
            "annonce" | "evoque" | "recense" | "rapporte" => Some(2),
            _ => None,
        },
        _ => None,
    }
}

/// A recalled figure: the words that say so and the date it was reported
/// (the one the text gives when it lies before the article, else the week
/// before publication). `None` when the figure is not recalled.
pub fn mark(
    a: &Analysis,
    start: usize,
    end: usize,
    given: Option<DateRange>,
) -> Option<(String, Option<DateRange>)> {
    let cue = recalled(a, start, end)?;
    let Some(published) = a.meta.published else {
        return Some((cue, given));
    };
    if given.is_some_and(|d| d.end < published) {
        return Some((cue, given));
    }
    let date = published.pred_opt().map(|end| DateRange {
        start: published - chrono::Duration::days(EARLIER),
        end,
        precision: Precision::Week,
    });
    Some((cue, date.or(given)))
}
