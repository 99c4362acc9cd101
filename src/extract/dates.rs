//! Dates: absolute ("le 9 novembre 2020", "17/04/2024", "17/06/23",
//! "2021-04-01", "le 1er avril", "le premier avril 2021", "3 janv. 2022",
//! "le 26mars", "en septembre 2023", "en 2020") and relative to the
//! publication date ("mardi", "lundi soir", "la veille", "ce 26 mars", "il y
//! a trois jours", "la semaine dernière", "le mois précédent", "l'an
//! dernier"), each with its precision: a day, a week, a month or a year.
//! Without a publication date a relative date stays unknown.
//!
//! A dateline ("BAMAKO, 14 mai 2024 (AFP) —") says where and when the
//! article was written, not when anything happened: its date is no date of
//! the text (see [`crate::corpus::meta::dateline`]).

use crate::extract::analysis::Analysis;
use crate::extract::text::TokKind;
use crate::extract::Cue;
use crate::model::{DateRange, Precision, Span};
use chrono::{Datelike, Duration, NaiveDate};

fn number(a: &Analysis, i: usize) -> Option<u32> {
    let t = a.toks.get(i)?;
    if t.kind != TokKind::Number || t.end - t.start > 4 {
        return None;
    }
    t.text(a.text).parse().ok()
}

fn month(a: &Analysis, i: usize) -> Option<(u32, usize)> {
    a.cue(i).and_then(|(c, next)| {
        c.iter().find_map(|x| {
            if let Cue::Month(m) = x {
                Some((*m, next))
            } else {
                None
            }
        })
    })
}

fn year_at(a: &Analysis, i: usize) -> Option<i32> {
    let t = a.toks.get(i)?;
    let y = number(a, i)?;
    (t.end - t.start == 4 && (1000..=2999).contains(&y)).then_some(y as i32)
}

/// A year written with two digits in a numeric date ("17/06/23"): the
/// century that puts it at most a year after publication (2000s without a
/// publication date).
fn short_year_at(a: &Analysis, i: usize, pub_date: Option<NaiveDate>) -> Option<i32> {
    let t = a.toks.get(i)?;
    if t.end - t.start != 2 {
        return None;
    }
    let yy = number(a, i)? as i32;
    let limit = pub_date.map_or(2099, |p| p.year() + 1);
    Some(if 2000 + yy <= limit {
        2000 + yy
    } else {
        1900 + yy
    })
}

/// The day of month at token `i` and the token after it: "14", "1er",
/// "premier" (only before a month, checked by the caller).
fn day_at(a: &Analysis, i: usize) -> Option<(u32, usize)> {
    if let Some(d) = number(a, i).filter(|d| (1..=31).contains(d)) {
        // "1er": the ordinal suffix glued to the number
        let glued = a.toks.get(i + 1).is_some_and(|t| t.start == a.toks[i].end);
        if d == 1 && glued && a.low(i + 1) == "er" {
            return Some((1, i + 2));
        }
        return Some((d, i + 1));
    }
    matches!(a.low(i), "premier" | "1er").then_some((1, i + 1))
}

/// Days `n` back (or forward when negative) as a date range of `precision`
/// around the publication date: "il y a trois semaines" is the week three
/// weeks before.
fn span_back(p: NaiveDate, n: i64, unit: &str) -> Option<DateRange> {
    match unit {
        "jour" | "jours" => {
            let d = p - Duration::days(n);
            Some(one_day(d))
        }
        "semaine" | "semaines" => week_of(p - Duration::days(7 * n)),
        "mois" => {
            let months = p.year() * 12 + p.month0() as i32 - n as i32;
            month_range(months.div_euclid(12), months.rem_euclid(12) as u32 + 1)
        }
        "an" | "ans" | "annee" | "annees" | "année" | "années" => year_range(p.year() - n as i32),
        _ => None,
    }
}

/// The Monday-to-Sunday week of a day.
fn week_of(d: NaiveDate) -> Option<DateRange> {
    let start = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    Some(DateRange {
        start,
        end: start + Duration::days(6),
        precision: Precision::Week,
    })
}

fn year_range(y: i32) -> Option<DateRange> {
    Some(DateRange {
        start: day(y, 1, 1)?,
        end: day(y, 12, 31)?,
        precision: Precision::Year,
    })
}

/// A small count written in figures or words ("3", "trois", "quelques" is
/// not a count): what "il y a N jours" needs.
fn small_count(a: &Analysis, i: usize) -> Option<i64> {
    if let Some(n) = number(a, i) {
        return Some(n as i64);
    }
    let w = a.low(i);
    let n = match w {
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "quinze" => 15,
        "vingt" => 20,
        "trente" => 30,
        _ => return None,
    };
    Some(n)
}

/// Spans back from the publication date, at token `i`: "il y a N jours /
/// semaines / mois / ans", "la semaine dernière / passée / précédente", "le
/// mois dernier", "l'an dernier", "l'année passée", "cette semaine".
fn relative_span(a: &Analysis, i: usize, p: NaiveDate) -> Option<(DateRange, usize)> {
    // "il y a trois semaines"
    if a.low(i) == "il" && a.low(i + 1) == "y" && a.low(i + 2) == "a" {
        let n = small_count(a, i + 3)?;
        let r = span_back(p, n, a.low(i + 4))?;
        return Some((r, i + 5));
    }
    // "la semaine dernière", "le mois précédent", "l'an passé", "l'année
    // dernière"; "cette semaine", "ce mois-ci"
    let (unit_at, back) = match a.low(i) {
        "la" | "le" | "l" | "l'" | "l’" => (i + 1 + usize::from(a.low(i + 1) == "'"), 1),
        "cette" | "ce" => (i + 1, 0),
        _ => return None,
    };
    let unit = a.low(unit_at);
    if !matches!(unit, "semaine" | "mois" | "an" | "année" | "annee") {
        return None;
    }
    let next = unit_at + 1;
    let (back, end) = if back == 0 {
        // "ce mois-ci": the "-ci" is optional
        let end = if a.low(next) == "-" && a.low(next + 1) == "ci" {
            next + 2
        } else {
            next
        };
        (0, end)
    } else if matches!(
        a.low(next),
        "dernier"
            | "dernière"
            | "derniere"
            | "passé"
            | "passée"
            | "passe"
            | "passee"
            | "précédent"
            | "précédente"
            | "precedent"
            | "precedente"
    ) {
        (1, next + 1)
    } else {
        return None;
    };
    let unit = match unit {
        "semaine" => "semaines",
        "mois" => "mois",
        _ => "ans",
    };
    Some((span_back(p, back, unit)?, end))
}

/// "2021-04-01" at token `i`, and the token after it.
fn iso_day(a: &Analysis, i: usize) -> Option<(DateRange, usize)> {
    if let (Some(y), "-", Some(m), "-", Some(d)) = (
        year_at(a, i),
        a.tok_text(i + 1),
        number(a, i + 2),
        a.tok_text(i + 3),
        number(a, i + 4),
    ) {
        return day(y, m, d).map(|d| (one_day(d), i + 5));
    }
    None
}

/// A date known to the day.
fn one_day(d: NaiveDate) -> DateRange {
    DateRange {
        start: d,
        end: d,
        precision: Precision::Day,
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_range(y: i32, m: u32) -> Option<DateRange> {
    let start = day(y, m, 1)?;
    let next = if m == 12 {
        day(y + 1, 1, 1)?
    } else {
        day(y, m + 1, 1)?
    };
    Some(DateRange {
        start,
        end: next - Duration::days(1),
        precision: Precision::Month,
    })
}

/// Year of a day-month without a year: the publication year, or the one
/// before when that would put the date after publication.
fn infer_year(pub_date: Option<NaiveDate>, m: u32, d: u32) -> Option<i32> {
    let p = pub_date?;
    match day(p.year(), m, d) {
        Some(x) if x > p + Duration::days(1) => Some(p.year() - 1),
        _ => Some(p.year()),
    }
}

/// Whether the four digits at `i` are a count, not a year: "plus de 1500
/// personnes", "au moins 2000 morts" (a bound or a counted noun around it).
fn counts_before(a: &Analysis, i: usize) -> bool {
    let prev = if i > 0 { a.low(i - 1) } else { "" };
    let prev2 = if i > 1 { a.low(i - 2) } else { "" };
    let bound_before = matches!(prev, "environ" | "quelque" | "quelques")
        || (prev == "de" && matches!(prev2, "plus" | "moins" | "près" | "pres"))
        || (prev == "moins" && prev2 == "au");
    let noun_after = a
        .cue_has(i + 1, |c| matches!(c, Cue::Counted | Cue::MeasureNoun(_)))
        .is_some();
    bound_before || noun_after
}

/// All dates of the document, left to right, leaving out a dateline's.
pub fn dates(a: &Analysis, dateline: Option<Span>) -> Vec<(Span, DateRange)> {
    let pub_date = a.meta.published;
    let n = a.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = a.toks[i].start;
        let mut found = iso_day(a, i);
        if found.is_some() {
            // an ISO date, read above
        } else if let Some((d1, after_day)) = day_at(a, i) {
            // "17/04/2024", "17/06/23"
            if a.tok_text(i + 1) == "/" && a.tok_text(i + 3) == "/" {
                let y = year_at(a, i + 4).or_else(|| short_year_at(a, i + 4, pub_date));
                if let (Some(m), Some(y)) = (number(a, i + 2), y) {
                    if let Some(d) = day(y, m, d1) {
                        found = Some((one_day(d), i + 5));
                    }
                }
            }
            // "24 et 25 mars", "9 novembre 2020", "26mars", "1er avril",
            // "le premier avril 2021"
            let (d2, mi) = match (a.low(after_day), number(a, after_day + 1)) {
                ("et" | "au", Some(d2)) if month(a, after_day + 2).is_some() => (d2, after_day + 2),
                _ => (d1, after_day),
            };
            if found.is_none() {
                if let Some((m, next)) = month(a, mi) {
                    let (y, end) = match year_at(a, next) {
                        Some(y) => (Some(y), next + 1),
                        None => (infer_year(pub_date, m, d1), next),
                    };
                    if let Some(y) = y {
                        if let (Some(s), Some(e)) = (day(y, m, d1), day(y, m, d2)) {
                            let (s, e) = if s <= e { (s, e) } else { (e, s) };
                            found = Some((
                                DateRange {
                                    start: s,
                                    end: e,
                                    precision: Precision::Day,
                                },
                                end,
                            ));
                        }
                    }
                }
            }
        } else if let Some((m, next)) = month(a, i) {
            if let Some(y) = year_at(a, next) {
                if let Some(r) = month_range(y, m) {
                    found = Some((r, next + 1));
                }
            }
        } else if let Some(y) = year_at(a, i).filter(|_| !counts_before(a, i)) {
            found = year_range(y).map(|r| (r, i + 1));
        } else if let Some(r) = pub_date.and_then(|p| relative_span(a, i, p)) {
            found = Some(r);
        } else if let Some((cues, next)) = a.cue(i) {
            for c in cues {
                let d = match (c, pub_date) {
                    (Cue::Weekday(w), Some(p)) => {
                        let back = (p.weekday().number_from_monday() + 7 - w) % 7;
                        Some(p - Duration::days(back as i64))
                    }
                    (Cue::RelDay(off), Some(p)) => Some(p + Duration::days(*off)),
                    _ => None,
                };
                if let Some(d) = d {
                    found = Some((one_day(d), next));
                    break;
                }
            }
        }
        match found {
            Some((r, end)) if end > i => {
                let e = a.toks[(end - 1).min(n - 1)].end;
                let span = Span::new(start, e);
                if !dateline.is_some_and(|d| d.contains(&span)) {
                    out.push((span, r));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use crate::model::DocMeta;

    /// The first date of `text` in an article published on Tuesday
    /// 14 May 2024, as "start..end precision".
    fn first(text: &str) -> Option<String> {
        let x = Extractor::builtin();
        let meta = DocMeta {
            published: NaiveDate::from_ymd_opt(2024, 5, 14),
            ..DocMeta::default()
        };
        let a = Analysis::new(&x, text, &meta, &[]);
        dates(&a, None)
            .first()
            .map(|(_, d)| format!("{}..{} {}", d.start, d.end, d.precision))
    }

    #[test]
    fn forms_news_uses() {
        for (text, want) in [
            ("le premier avril 2021", "2021-04-01..2021-04-01 day"),
            ("le 1er avril 2021", "2021-04-01..2021-04-01 day"),
            ("publié le 2021-04-01", "2021-04-01..2021-04-01 day"),
            ("le 3 janv. 2022", "2022-01-03..2022-01-03 day"),
            ("le 17/06/23", "2023-06-17..2023-06-17 day"),
            ("lundi, le gouverneur", "2024-05-13..2024-05-13 day"),
            ("il y a trois jours", "2024-05-11..2024-05-11 day"),
            ("il y a 2 semaines", "2024-04-29..2024-05-05 week"),
            ("la semaine dernière", "2024-05-06..2024-05-12 week"),
            ("la semaine passée", "2024-05-06..2024-05-12 week"),
            ("le mois précédent", "2024-04-01..2024-04-30 month"),
            ("il y a deux mois", "2024-03-01..2024-03-31 month"),
            ("l'an dernier", "2023-01-01..2023-12-31 year"),
            ("l'année passée", "2023-01-01..2023-12-31 year"),
            ("en 2020", "2020-01-01..2020-12-31 year"),
        ] {
            assert_eq!(first(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn counts_are_not_years() {
        for text in [
            "Plus de 1500 personnes ont été tuées",
            "au moins 2000 morts",
            "environ 1200 blessés",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
    }

    #[test]
    fn a_dateline_date_is_no_date_of_the_text() {
        let x = Extractor::builtin();
        let meta = DocMeta::default();
        let text = "BAMAKO, 14 mai 2024 — L'armée a frappé le village le 12 mai 2024.";
        let a = Analysis::new(&x, text, &meta, &[]);
        let line = crate::corpus::meta::dateline(text).map(|r| Span::new(r.start, r.end));
        let got: Vec<String> = dates(&a, line)
            .iter()
            .map(|(_, d)| d.start.to_string())
            .collect();
        assert_eq!(got, ["2024-05-12"]);
    }
}
