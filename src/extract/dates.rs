//! Dates: absolute ("le 9 novembre 2020", "17/04/2024", "le 26mars", "en
//! septembre 2023", "en 2020") and relative to the publication date
//! ("mardi", "lundi soir", "la veille", "ce 26 mars"), each with its
//! precision. Without a publication date a relative date stays unknown.

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

/// All dates of the document, left to right.
pub fn dates(a: &Analysis) -> Vec<(Span, DateRange)> {
    let pub_date = a.meta.published;
    let n = a.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = a.toks[i].start;
        let mut found: Option<(DateRange, usize)> = None;
        if let Some(d1) = number(a, i).filter(|d| (1..=31).contains(d)) {
            // "17/04/2024"
            if a.tok_text(i + 1) == "/" && a.tok_text(i + 3) == "/" {
                if let (Some(m), Some(y)) = (number(a, i + 2), year_at(a, i + 4)) {
                    if let Some(d) = day(y, m, d1) {
                        found = Some((
                            DateRange {
                                start: d,
                                end: d,
                                precision: Precision::Day,
                            },
                            i + 5,
                        ));
                    }
                }
            }
            // "24 et 25 mars", "9 novembre 2020", "26mars"
            let (d2, mi) = match (a.low(i + 1), number(a, i + 2)) {
                ("et" | "au", Some(d2)) if month(a, i + 3).is_some() => (d2, i + 3),
                _ => (d1, i + 1),
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
        } else if let Some(y) = year_at(a, i) {
            if let (Some(s), Some(e)) = (day(y, 1, 1), day(y, 12, 31)) {
                found = Some((
                    DateRange {
                        start: s,
                        end: e,
                        precision: Precision::Year,
                    },
                    i + 1,
                ));
            }
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
                    found = Some((
                        DateRange {
                            start: d,
                            end: d,
                            precision: Precision::Day,
                        },
                        next,
                    ));
                    break;
                }
            }
        }
        match found {
            Some((r, end)) if end > i => {
                let e = a.toks[(end - 1).min(n - 1)].end;
                out.push((Span::new(start, e), r));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}
