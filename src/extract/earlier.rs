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
const REACH_AFTER: usize = 4;
/// How many days before the article an earlier toll of unknown date is
/// taken to have been reported (it ends the day before).
const EARLIER: i64 = 7;

/// Whether the figure at tokens `[start, end)` is recalled from an earlier
/// report.
pub fn recalled(a: &Analysis, start: usize, end: usize) -> bool {
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
            return false;
        }
        if cue_at(a, k) {
            return true;
        }
    }
    (end..end + REACH_AFTER)
        .take_while(|&k| a.same_sentence(k, start) && !matches!(a.tok_text(k), ";" | "."))
        .any(|k| matches!(a.low(k), "initialement" | "auparavant" | "precedemment"))
}

/// A cue of an earlier report at token `k`.
fn cue_at(a: &Analysis, k: usize) -> bool {
    match a.low(k) {
        // "le précédent bilan", "le bilan précédent", "un bilan antérieur"
        "precedent" | "anterieur" => {
            a.low(k + 1) == "bilan" || k.checked_sub(1).is_some_and(|j| a.low(j) == "bilan")
        }
        "initialement" | "auparavant" | "precedemment" => true,
        // The imperfect of report verbs: "faisait état de", "parlaient de",
        // "évoquait", "annonçait".
        "faisait" | "faisaient" => a.low(k + 1) == "etat",
        "parlait" | "parlaient" | "evoquait" | "evoquaient" | "annoncait" | "annoncaient" => true,
        // The pluperfect: "avait fait état de", "avaient annoncé".
        "avait" | "avaient" => match a.low(k + 1) {
            "fait" => a.low(k + 2) == "etat",
            "annonce" | "evoque" | "recense" | "rapporte" => true,
            _ => false,
        },
        _ => false,
    }
}

/// The date of a recalled figure: the one the text gives when it lies
/// before the article, else the week before publication. `None` when the
/// figure is not recalled or the publication date is unknown.
pub fn date(a: &Analysis, start: usize, end: usize, given: Option<DateRange>) -> Option<DateRange> {
    let published = a.meta.published?;
    if given.is_some_and(|d| d.end < published) || !recalled(a, start, end) {
        return None;
    }
    let end = published.pred_opt()?;
    Some(DateRange {
        start: published - chrono::Duration::days(EARLIER),
        end,
        precision: Precision::Week,
    })
}
