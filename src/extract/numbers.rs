//! Figures and their bounds: digits ("6 500", "1,5 million", "300.000"),
//! French number words ("vingt-trois", "Cent quarante-cinq", "deux mille"),
//! both side by side ("vingt-cinq (25) morts", "12 (douze) soldats"),
//! nouns of approximate quantity after a numeral ("une centaine de", "une
//! douzaine de"), ranges ("entre 300 et 650", "de 600 à 700"), and the
//! bound words before them ("au moins", "près de", "presque tous les").
//! A bare plural of quantity ("des dizaines de", "des centaines de",
//! "plusieurs milliers") is an order of magnitude, not a figure: it gives
//! none.
//!
//! Intervals: exact v is [v, v]; at least v is [v, ∞); at most v is [0, v];
//! approximately v is the band [0.9·v, 1.1·v].

use crate::extract::analysis::Analysis;
use crate::extract::text::TokKind;
use crate::extract::Cue;
use crate::model::{Bound, Interval, Quantity};
use std::collections::HashMap;

/// A figure in the text: tokens `[start, end)`, its value and bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    /// First token of the bound phrase, when there is one.
    pub bound_start: Option<usize>,
    pub quantity: Quantity,
    /// Written in digits of a plausible year (1900-2100) with nothing else.
    pub year_like: bool,
    /// Only the article "un"/"une": a count of one only for casualties.
    pub article: bool,
    /// The upper end of a range ("entre 300 et 650", "de 600 à 700"): the
    /// figure is then the lower end, and `end` is past the upper one.
    pub upper: Option<f64>,
}

/// Largest figure taken as a count; longer digit runs are not counts.
const MAX_VALUE: f64 = 1e13;

/// Value of a digit token: "6 500" → 6500, "1,5" → 1.5.
fn digits_value(s: &str) -> Option<f64> {
    if s.len() > 20 {
        return None;
    }
    let clean: String = s
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            ',' => Some('.'),
            _ => None,
        })
        .collect();
    clean
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v < MAX_VALUE)
}

/// Compose French number words: [4, 20, 10] ("quatre-vingt-dix") → 90.
pub fn compose(parts: &[f64]) -> f64 {
    let (mut total, mut current) = (0.0, 0.0);
    for &v in parts {
        if v == 100.0 {
            current = if current == 0.0 { 1.0 } else { current } * 100.0;
        } else if v >= 1000.0 {
            total += if current == 0.0 { 1.0 } else { current } * v;
            current = 0.0;
        } else if v == 20.0 && current % 100.0 == 4.0 {
            current += 76.0;
        } else {
            current += v;
        }
    }
    total + current
}

pub struct NumberWords {
    words: HashMap<String, f64>,
    approx: HashMap<String, f64>,
}

impl NumberWords {
    pub fn new(lex: &crate::extract::lexicon::Lexicon) -> Self {
        use crate::extract::fold::fold;
        NumberWords {
            words: lex.numbers.iter().map(|(w, v)| (fold(w), *v)).collect(),
            approx: lex
                .approx_numbers
                .iter()
                .map(|(w, v)| (fold(w), *v))
                .collect(),
        }
    }

    /// The parts of a word token if every hyphen-separated piece is a number word.
    fn parts(&self, low: &str) -> Option<Vec<f64>> {
        let mut v = Vec::new();
        for p in low.split('-') {
            if p == "et" {
                continue;
            }
            v.push(*self.words.get(p)?);
        }
        (!v.is_empty()).then_some(v)
    }
}

/// All figures of the document, left to right.
pub fn figures(a: &Analysis, nw: &NumberWords) -> Vec<Figure> {
    // cues by the token that follows them, to find bound words before a figure
    let mut ending: HashMap<usize, usize> = HashMap::new();
    for (ci, next) in a.cue_next.iter().enumerate() {
        if a.cues[ci].1.iter().any(|c| matches!(c, Cue::Bound(_))) {
            ending.insert(*next, ci);
        }
    }
    let n = a.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = a.toks[i];
        let mut approx_noun = false;
        // "à 18h45 sept morts": the minutes of a time written with a
        // glued "h" are no figure (the hour before the "h" is no count
        // either, see the claims' blocking words)
        if t.kind == TokKind::Number && i >= 2 && is_glued_hour(a, i) {
            i += 1;
            continue;
        }
        let (mut value, mut end, year_like) = if t.kind == TokKind::Number {
            let Some(mut v) = digits_value(t.text(a.text)) else {
                i += 1;
                continue;
            };
            let digits_only = t.text(a.text).chars().all(|c| c.is_ascii_digit());
            let mut j = i + 1;
            if let Some(p) = a.is_word(j).then(|| nw.parts(a.low(j))).flatten() {
                if p.len() == 1 && p[0] >= 1000.0 {
                    v *= p[0];
                    j += 1;
                    // "6,5 millions d'Ukrainiens"
                    if p[0] >= 1e6 && matches!(a.low(j), "de" | "d") {
                        j += 1;
                        if matches!(a.tok_text(j), "'" | "’") {
                            j += 1;
                        }
                    }
                }
            }
            let year_like =
                digits_only && j == i + 1 && (1900.0..=2100.0).contains(&v) && t.end - t.start == 4;
            // "12 (douze) soldats": the same figure again in words
            if a.tok_text(j) == "(" {
                let mut w = j + 1;
                let mut parts = Vec::new();
                while let Some(p) = a.is_word(w).then(|| nw.parts(a.low(w))).flatten() {
                    parts.extend(p);
                    w += 1;
                }
                if !parts.is_empty() && a.tok_text(w) == ")" && compose(&parts) == v {
                    j = w + 1;
                }
            }
            (v, j, year_like)
        } else if t.kind == TokKind::Word {
            let low = a.low(i);
            if nw.approx.contains_key(low) {
                // A bare noun of quantity with no numeral is an order of
                // magnitude, not a figure: "des dizaines de disparus", "des
                // centaines de morts", "plusieurs milliers", "le millier".
                let mut j = i + 1;
                while matches!(a.low(j), "de" | "d" | "'" | "’") || nw.approx.contains_key(a.low(j))
                {
                    j += 1;
                }
                i = j;
                continue;
            } else if let Some(mut parts) = nw.parts(low) {
                let mut j = i + 1;
                loop {
                    if a.low(j) == "et" {
                        if let Some(p) = a.is_word(j + 1).then(|| nw.parts(a.low(j + 1))).flatten()
                        {
                            if p == [1.0] || p == [11.0] {
                                parts.extend(p);
                                j += 2;
                                continue;
                            }
                        }
                        break;
                    }
                    match a.is_word(j).then(|| nw.parts(a.low(j))).flatten() {
                        Some(p) => {
                            parts.extend(p);
                            j += 1;
                        }
                        None => break,
                    }
                }
                if parts.len() > 1
                    && parts.last().is_some_and(|p| *p >= 1e6)
                    && matches!(a.low(j), "de" | "d")
                {
                    j += 1;
                    if matches!(a.tok_text(j), "'" | "’") {
                        j += 1;
                    }
                }
                // "vingt-cinq (25) morts", "quatre (04) blessés": the
                // figure in words, then again in digits in brackets, as
                // official and West African French write it; one figure
                let v = compose(&parts);
                if a.tok_text(j) == "("
                    && a.toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Number)
                    && a.tok_text(j + 2) == ")"
                    && digits_value(a.tok_text(j + 1)) == Some(v)
                {
                    j += 3;
                }
                // "une centaine", "deux dizaines"
                if let Some(&v) = nw.approx.get(a.low(j)) {
                    approx_noun = true;
                    (compose(&parts) * v, j + 1, false)
                } else {
                    (compose(&parts), j, false)
                }
            } else {
                i += 1;
                continue;
            }
        } else {
            i += 1;
            continue;
        };
        if approx_noun && matches!(a.low(end), "de" | "d") {
            end += 1;
            if matches!(a.tok_text(end), "'" | "’") {
                end += 1;
            }
            // "des dizaines de milliers de morts": tens of thousands
            if let Some(&unit) = nw.approx.get(a.low(end)).filter(|u| **u >= 100.0) {
                value *= unit;
                end += 1;
                if matches!(a.low(end), "de" | "d") {
                    end += 1;
                    if matches!(a.tok_text(end), "'" | "’") {
                        end += 1;
                    }
                }
            }
        }
        // bound words, possibly followed by "tous les"
        let mut k = i;
        let mut skipped = 0;
        let mut bound = None;
        while skipped <= 3 {
            if let Some(&ci) = ending.get(&k) {
                let b = a.cues[ci].1.iter().find_map(|c| {
                    if let Cue::Bound(b) = c {
                        Some(*b)
                    } else {
                        None
                    }
                });
                if let Some(b) = b {
                    bound = Some((b, a.tok_at(a.cues[ci].0.start)));
                    break;
                }
            }
            if k == 0
                || !matches!(
                    a.low(k - 1),
                    "tous" | "toutes" | "les" | "des" | "de" | "d" | "'" | "’"
                )
            {
                break;
            }
            k -= 1;
            skipped += 1;
        }
        // "Il n'y a plus que 16 blessés hospitalisés", "il ne reste plus
        // que trois disparus": "ne ... plus que" means only, an exact count
        let only = bound.is_some_and(|(_, bs)| {
            a.low(bs) == "plus"
                && a.low(bs + 1) == "que"
                && (bs.saturating_sub(4)..bs).any(|k| matches!(a.low(k), "n" | "ne"))
        });
        let b = match (bound, approx_noun) {
            _ if only => Bound::Exact,
            (Some((b, _)), _) => b,
            (None, true) => Bound::Approx,
            (None, false) => Bound::Exact,
        };
        let article = matches!(a.low(i), "un" | "une") && end == i + 1;
        out.push(Figure {
            upper: None,
            article,
            start: i,
            end,
            bound_start: bound.map(|x| x.1).filter(|_| !only),
            quantity: Quantity {
                value,
                bound: b,
                interval: Interval::stated(value, b),
            },
            // "Plus de 2000 civils": a bound makes it a count, not a year
            year_like: year_like && bound.is_none(),
        });
        i = end.max(i + 1);
    }
    join_ranges(a, &mut out);
    out
}

/// The number token `i` is the minutes of a time: "18h45", "7h30" (an
/// hour, a glued "h", the minutes).
fn is_glued_hour(a: &Analysis, i: usize) -> bool {
    let (h, hour) = (a.toks[i - 1], a.toks[i - 2]);
    matches!(h.text(a.text), "h" | "H")
        && hour.kind == TokKind::Number
        && hour.end == h.start
        && h.end == a.toks[i].start
}

/// "Le bilan est passé de 12 à 19 morts", "a grimpé de 15 à 49",
/// "portant le bilan de 116 à 121 victimes": the figure starting at token
/// `before` (its bound or itself) is the earlier one of a change, from an
/// earlier figure to a later one, no range.
pub fn is_change(a: &Analysis, before: usize) -> bool {
    (before.saturating_sub(4)..before).any(|b| {
        matches!(
            a.low(b),
            "passe"
                | "passee"
                | "grimpe"
                | "monte"
                | "augmente"
                | "alourdi"
                | "evolue"
                | "bondi"
                | "revu"
                | "releve"
                | "rehausse"
                | "corrige"
                // "portant le bilan de 116 à 121 victimes", "faisant
                // passer le bilan de 12 à 19": a revision
                | "portant"
                | "porte"
                | "portent"
                | "passer"
        )
    }) && before > 0
        && a.low(before - 1) == "de"
}

/// Join two figures into one range: "entre 300 et 650 morts", "de 600 à
/// 700 personnes", "près de 600 à 700 personnes", "entre 1 000 et 2 000".
/// The lower figure keeps the place and takes the upper value; a bound word
/// before it ("près de") gives way to the range. Linear: one pass.
fn join_ranges(a: &Analysis, figs: &mut Vec<Figure>) {
    let mut out: Vec<Figure> = Vec::with_capacity(figs.len());
    let mut k = 0;
    while k < figs.len() {
        let f = figs[k];
        if let Some(g) = figs.get(k + 1) {
            let link = a.low(f.end);
            let before = f.bound_start.unwrap_or(f.start);
            let entre = before > 0 && a.low(before - 1) == "entre";
            let change = is_change(a, before);
            let joined = !change
                && g.start == f.end + 1
                && g.bound_start.is_none()
                && !f.year_like
                && !g.year_like
                && !f.article
                && g.quantity.value > f.quantity.value
                && ((link == "et" && (entre || a.low(f.start.saturating_sub(1)) == "entre"))
                    || link == "a");
            if joined {
                let bound_start = if entre {
                    Some(before - 1)
                } else {
                    f.bound_start.or(Some(f.start))
                };
                out.push(Figure {
                    end: g.end,
                    bound_start,
                    quantity: Quantity {
                        value: f.quantity.value,
                        bound: Bound::AtLeast,
                        interval: Interval {
                            lo: f.quantity.value,
                            hi: Some(g.quantity.value),
                        },
                    },
                    upper: Some(g.quantity.value),
                    ..f
                });
                k += 2;
                continue;
            }
        }
        out.push(f);
        k += 1;
    }
    *figs = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_french_numbers() {
        assert_eq!(compose(&[4.0, 20.0, 10.0]), 90.0);
        assert_eq!(compose(&[60.0, 10.0]), 70.0);
        assert_eq!(compose(&[20.0, 3.0]), 23.0);
        assert_eq!(compose(&[2.0, 1000.0]), 2000.0);
        assert_eq!(compose(&[3.0, 100.0, 5.0]), 305.0);
        assert_eq!(compose(&[2.0, 1000000.0]), 2000000.0);
    }

    fn values(text: &str) -> Vec<(f64, Option<f64>)> {
        let x = crate::extract::Extractor::builtin();
        let meta = Default::default();
        let a = Analysis::new(&x, text, &meta, &[]);
        figures(&a, &x.numbers)
            .iter()
            .map(|f| (f.quantity.value, f.upper))
            .collect()
    }

    #[test]
    fn a_change_is_no_range() {
        assert_eq!(values("entre 300 et 650 morts"), vec![(300.0, Some(650.0))]);
        assert_eq!(
            values("Le bilan est passé de 12 à 19 morts"),
            vec![(12.0, None), (19.0, None)]
        );
    }

    #[test]
    fn a_revision_and_a_time_are_no_range_and_no_figure() {
        assert_eq!(
            values("portant le bilan de 116 à 121 victimes"),
            vec![(116.0, None), (121.0, None)]
        );
        assert_eq!(
            values("avait annoncé à 18h45 sept morts"),
            vec![(18.0, None), (7.0, None)]
        );
        assert_eq!(values("Il n'y a plus que 16 blessés"), vec![(16.0, None)]);
    }

    #[test]
    fn vague_plurals_are_no_figures() {
        assert!(values("des dizaines de milliers de morts").is_empty());
        assert!(values("plusieurs centaines de disparus").is_empty());
        assert_eq!(values("une douzaine de morts"), vec![(12.0, None)]);
    }

    #[test]
    fn ranges_join_two_figures() {
        assert_eq!(values("entre 300 et 650 morts"), vec![(300.0, Some(650.0))]);
        assert_eq!(
            values("près de 600 à 700 personnes"),
            vec![(600.0, Some(700.0))]
        );
        assert_eq!(
            values("entre 1 000 et 2 000 personnes"),
            vec![(1000.0, Some(2000.0))]
        );
        // not a range: the second is smaller
        assert_eq!(values("3 à 1"), vec![(3.0, None), (1.0, None)]);
    }

    #[test]
    fn words_and_digits_in_brackets_are_one_figure() {
        assert_eq!(values("vingt-cinq (25) morts"), vec![(25.0, None)]);
        assert_eq!(values("quatre (04) blessés"), vec![(4.0, None)]);
        assert_eq!(values("12 (douze) soldats"), vec![(12.0, None)]);
        // different figures stay two
        assert_eq!(values("cinq (6) morts"), vec![(5.0, None), (6.0, None)]);
    }

    #[test]
    fn digit_values() {
        assert_eq!(digits_value("6 500"), Some(6500.0));
        assert_eq!(digits_value("1,5"), Some(1.5));
        assert_eq!(digits_value(&"9".repeat(300)), None);
    }
}
