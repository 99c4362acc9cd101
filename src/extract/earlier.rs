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
    if let Some(cue) = change_from(a, start).or_else(|| revised_one(a, start)) {
        return Some(cue);
    }
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
            // "ce bilan rehausse celui de 93 morts, communiqué plus tôt
            // dans la journée"
            let earlier_today = a.low(k) == "plus" && a.low(k + 1) == "tot";
            matches!(a.low(k), "initialement" | "auparavant" | "precedemment")
                || (announced && before)
                || as_of
                || earlier_today
        })
        .map(|k| words(a, k, k + 1 + usize::from(a.low(k) == "plus")))
        .or_else(|| quoted_earlier(a, start, end))
}

/// A figure a voice gave on an earlier day the text names with its verb of
/// saying: "L'Ocha a rapporté, samedi 16 septembre dans la soirée, qu'au
/// moins 11 300 personnes étaient mortes", "Une agence de l'ONU a évoqué
/// samedi soir un nouveau décompte de 11 470 morts" in Sunday's article:
/// reported on Saturday. Only when the figure's date is a day before the
/// article ("Vendredi, 49 soldats sont morts" names when they died, not
/// when it was said: no verb of saying comes before the day).
fn dated_speech(a: &Analysis, start: usize, given: Option<DateRange>) -> Option<String> {
    let published = a.meta.published?;
    if !given.is_some_and(|d| d.end < published && d.precision == Precision::Day) {
        return None;
    }
    let lo = start.saturating_sub(REACH_BACK);
    let day = (lo..start)
        .rev()
        .take_while(|&k| a.same_sentence(k, start))
        .find(|&k| {
            matches!(
                a.low(k),
                "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche"
            )
        })?;
    let verb = (day.saturating_sub(3)..day).find(|&k| {
        matches!(a.low(k.wrapping_sub(1)), "a" | "ont")
            && matches!(
                a.low(k),
                "rapporte" | "annonce" | "indique" | "declare" | "evoque" | "affirme" | "precise"
            )
    })?;
    Some(words(a, verb - 1, day + 1))
}

/// How far after a quoted figure the verb that reports it may stand.
const REACH_QUOTE: usize = 24;

/// A figure quoted, then said in the pluperfect to have been reported
/// before: "«Environ 40 personnes ont été tuées et plus de 100 ont été
/// blessées», avait annoncé, dans un premier bilan, le FSB".
fn quoted_earlier(a: &Analysis, start: usize, end: usize) -> Option<String> {
    let close = (end..end + REACH_QUOTE)
        .take_while(|&k| a.same_sentence(k, start))
        .find(|&k| matches!(a.tok_text(k), "»" | "\"" | "”"))?;
    let mut k = close + 1;
    if a.tok_text(k) == "," {
        k += 1;
    }
    let pluperfect = matches!(a.low(k), "avait" | "avaient")
        && matches!(
            a.low(k + 1),
            "annonce" | "declare" | "indique" | "affirme" | "precise" | "assure" | "rapporte"
        );
    pluperfect.then(|| words(a, k, k + 2))
}

/// "Le bilan est passé de 12 à 19 morts": the figure a toll moved from is
/// an earlier report (the one it moved to is not).
fn change_from(a: &Analysis, start: usize) -> Option<String> {
    let de = start
        .checked_sub(1)
        .filter(|&k| matches!(a.low(k), "de" | "d'"))?;
    let verb = de.checked_sub(1)?;
    let moved = matches!(
        a.low(verb),
        "passe" | "passee" | "passes" | "passees" | "monte" | "montee" | "grimpe" | "evolue"
    );
    // "... de 12 à 19": the figure it moved to follows
    let to = (start + 1..start + 5)
        .any(|k| a.low(k) == "a" && a.tok_text(k + 1).starts_with(|c: char| c.is_ascii_digit()));
    (moved && to).then(|| words(a, verb, de + 1))
}

/// "ce bilan rehausse celui de 93 morts", "le nouveau bilan dépasse celui
/// de 60 morts": the toll a new one revises is an earlier report.
fn revised_one(a: &Analysis, start: usize) -> Option<String> {
    let de = start
        .checked_sub(1)
        .filter(|&k| matches!(a.low(k), "de" | "d'"))?;
    let that = de
        .checked_sub(1)
        .filter(|&k| matches!(a.low(k), "celui" | "celle"))?;
    let verb = that.checked_sub(1)?;
    let revises = matches!(
        a.low(verb),
        "rehausse" | "remplace" | "depasse" | "corrige" | "actualise" | "alourdit" | "revise"
    );
    revises.then(|| words(a, verb, de + 1))
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
    let cue = recalled(a, start, end).or_else(|| dated_speech(a, start, given))?;
    // "communiqué plus tôt dans la journée": earlier the same day, whatever
    // other words recall it ("ce bilan rehausse celui de 93 morts").
    let cue = (end..end + REACH_AFTER)
        .take_while(|&k| a.same_sentence(k, start))
        .find(|&k| a.low(k) == "plus" && a.low(k + 1) == "tot")
        .map_or(cue, |k| words(a, k, k + 2));
    let Some(published) = a.meta.published else {
        return Some((cue, given));
    };
    if given.is_some_and(|d| d.end < published) {
        return Some((cue, given));
    }
    // "communiqué plus tôt dans la journée": earlier the same day.
    if crate::extract::fold::fold(&cue) == "plus tot" {
        return Some((
            cue,
            Some(DateRange {
                start: published,
                end: published,
                precision: Precision::Day,
            }),
        ));
    }
    let date = published.pred_opt().map(|end| DateRange {
        start: published - chrono::Duration::days(EARLIER),
        end,
        precision: Precision::Week,
    });
    Some((cue, date.or(given)))
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::DocMeta;

    /// The figure of `value` extracted from `text` (published 23 March
    /// 2024): its recall words and the last day it may have been reported.
    fn recall(text: &str, value: f64) -> (Option<String>, Option<chrono::NaiveDate>) {
        let meta = DocMeta {
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 23),
            ..Default::default()
        };
        let x = Extractor::builtin().extract(text, &meta, &[]);
        let c = x
            .claims
            .iter()
            .find(|c| c.quantity.is_some_and(|q| q.value == value));
        let Some(c) = c else {
            panic!("no figure {value} in {text:?}")
        };
        (c.topic.clone(), c.date.map(|d| d.end))
    }

    fn day(d: u32) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(2024, 3, d)
    }

    #[test]
    fn a_toll_moved_from_is_an_earlier_report() {
        let t = "Le bilan des inondations est passé de 12 à 19 morts, selon le gouverneur.";
        assert!(recall(t, 12.0).0.is_some());
        assert!(recall(t, 19.0).0.is_none());
    }

    #[test]
    fn the_toll_a_new_one_revises_is_earlier_the_same_day() {
        let t = "Selon le Comité d'enquête, 115 personnes ont été tuées lors de l'attaque. \
                 Ce bilan rehausse celui de 93 morts, communiqué plus tôt dans la journée.";
        assert!(recall(t, 115.0).0.is_none());
        let (cue, date) = recall(t, 93.0);
        assert_eq!(cue.as_deref(), Some("plus tôt"));
        assert_eq!(date, day(23));
    }

    #[test]
    fn a_quoted_figure_said_in_the_pluperfect_is_earlier() {
        let t = "«Environ 40 personnes ont été tuées et plus de 100 ont été blessées», \
                 avait annoncé, dans un premier bilan, le FSB.";
        let (cue, date) = recall(t, 40.0);
        assert!(cue.is_some());
        assert!(date < day(23));
    }

    #[test]
    fn a_voice_dated_by_its_verb_reported_that_day() {
        let t = "L'Ocha a rapporté, samedi 16 mars dans la soirée, qu'au moins 11 300 \
                 personnes étaient mortes.";
        let (cue, date) = recall(t, 11300.0);
        assert!(cue.is_some());
        assert_eq!(date, day(16));
        // The day the dead died is not when it was said.
        let t = "Vendredi, 49 soldats maliens sont morts dans l'attaque.";
        assert!(recall(t, 49.0).0.is_none());
    }
}
