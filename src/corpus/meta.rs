//! Article metadata: the sidecar file format, and inference from the text
//! when no sidecar says otherwise.
//!
//! # Sidecar format
//!
//! Next to `NAME.txt` (or any `NAME.EXT`), an optional `NAME.meta.json` holds
//! one JSON object; every field is optional and unknown fields are refused
//! (so that a typo does not silently lose a value):
//!
//! ```json
//! {
//!   "outlet": "Armenpress",
//!   "published": "2022-03-26",
//!   "language": "fr",
//!   "url": "https://armenpress.am/...",
//!   "title": "La Russie se déclare préoccupée"
//! }
//! ```
//!
//! `published` is a calendar date `YYYY-MM-DD` (an ISO date-time is accepted
//! and cut to its date); `language` an ISO 639-1 code. Folder ingest never
//! reads `*.meta.json` files as articles. JSON Lines records carry the same
//! fields next to `"text"`.
//!
//! # Inference
//!
//! Fields the sidecar leaves out are taken from the text where it says so:
//! a dateline ("EREVAN, 26 MARS 2022, ARMENPRESS." gives the outlet, and the
//! date when it has a year), a numeric date near the top ("17/04/2024", read
//! day first), "Publié le 26 mars 2022", the language by its function words,
//! and the first line as title when it looks like one. A credit line such as
//! "Avec AFP" names agencies the outlet relies on ([`Inferred::credits`]).
//! Anything else stays unknown.

use crate::corpus::lang;
use crate::error::{Error, Result};
use crate::model::DocMeta;
use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How far into the text datelines and bylines are looked for.
const HEAD_BYTES: usize = 1_500;

/// The sidecar file's fields; see the module documentation.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    outlet: Option<String>,
    /// Checked while the JSON is read, so a bad date is reported at its
    /// line and column like any other error in the file.
    #[serde(default, deserialize_with = "published_date")]
    published: Option<NaiveDate>,
    language: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// The sidecar path of an article file: `dir/NAME.txt` → `dir/NAME.meta.json`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    article.with_file_name(format!("{stem}.meta.json"))
}

/// Whether `path` is a sidecar (and so never an article itself).
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.json"))
}

/// Read the sidecar of `article` when there is one.
pub fn read_sidecar(article: &Path) -> Result<Option<DocMeta>> {
    let path = sidecar_path(article);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path, source }),
    };
    parse_sidecar(&text, &path.display().to_string()).map(Some)
}

/// Parse sidecar JSON; `location` names it in errors.
pub fn parse_sidecar(json: &str, location: &str) -> Result<DocMeta> {
    let sidecar: Sidecar = serde_json::from_str(json).map_err(|e| Error::Input {
        location: location.to_string(),
        message: format!("invalid metadata sidecar: {e}"),
    })?;
    Ok(DocMeta {
        outlet: non_empty(sidecar.outlet),
        published: sidecar.published,
        language: non_empty(sidecar.language),
        url: non_empty(sidecar.url),
        title: non_empty(sidecar.title),
    })
}

/// The sidecar's `published`, read as a date (`null` is no date).
fn published_date<'de, D>(deserializer: D) -> std::result::Result<Option<NaiveDate>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text: Option<String> = Option::deserialize(deserializer)?;
    text.map(|t| parse_date(&t).map_err(serde::de::Error::custom))
        .transpose()
}

/// Parse `YYYY-MM-DD`, or the date part of an ISO date-time.
pub fn parse_date(text: &str) -> std::result::Result<NaiveDate, String> {
    let text = text.trim();
    let date_part = match text.get(10..11) {
        Some("T") | Some(" ") => text.get(..10).unwrap_or(text),
        _ => text,
    };
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {text:?} (expected YYYY-MM-DD)"))
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// What the text itself says about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inferred {
    pub meta: DocMeta,
    /// Agencies credited by the article ("Avec AFP" gives `["AFP"]`).
    pub credits: Vec<String>,
}

const MONTHS: &str =
    "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^[ \t]*\p{{Lu}}[\p{{Lu}}' -]{{1,40}},\s*(\d{{1,2}})(?:er)?\s*((?i:{MONTHS}))(?:\s+(\d{{4}}))?,\s*(\p{{Lu}}[\p{{L}}\d&' .-]{{1,40}}?)\s*[.:—–-]"
    ))
    .expect("dateline pattern is valid")
});

/// Any dateline at the head of a line: a place in capitals, then a date, an
/// agency in brackets or both, then a dash or a full stop — "BAMAKO, 14 mai
/// 2024 —", "KHARTOUM, 10 juin 2024 (AFP) -", "PARIS (Reuters) –",
/// "EREVAN, 26 MARS, ARMENPRESS.".
static DATELINE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*\p{Lu}{2}[\p{Lu}'’-]*(?:[ -]\p{Lu}{2}[\p{Lu}'’-]*){0,3}(?:\s*,\s*(?:\p{L}+\s+)?\d{1,2}(?:er)?\s*\p{L}{3,9}\.?(?:\s+\d{4})?)?(?:\s*,\s*\p{Lu}[\p{L}&'’ .-]{1,30}?\.|\s*\([\p{L}&'’ .-]{2,30}\))?\s*[—–-]?\s",
    )
    .expect("dateline pattern is valid")
});

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?:$|[^\d/])")
        .expect("numeric date pattern is valid")
});

static PUBLISHED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:publié|mis à jour|modifié)\s+le\s+(\d{{1,2}})(?:er)?\s+({MONTHS})\s+(\d{{4}})"
    ))
    .expect("publication pattern is valid")
});

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\p{Pd}•*(]*(?i:avec)\s+(?:l['’])?(\p{Lu}[\p{L}\-]*(?:\s*(?:,|et|&)\s*\p{Lu}[\p{L}\-]*)*)\s*\)?\s*$")
        .expect("credit pattern is valid")
});

/// The agencies a credit line names ("- Avec AFP", "Avec AFP et Reuters").
pub fn credit_line(line: &str) -> Option<Vec<String>> {
    let caps = CREDIT_LINE.captures(line.trim())?;
    let names = caps.get(1)?.as_str();
    Some(
        names
            .split([',', '&'])
            .flat_map(|part| part.split(" et "))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// The byte range of the article's dateline, if its head has one: where and
/// when the article was written, which is not where or when its events
/// happened. A line of capitals alone (a headline) is no dateline: it needs
/// a date or an agency and must go on with text on the same line.
pub fn dateline(text: &str) -> Option<std::ops::Range<usize>> {
    let head = head(text);
    DATELINE_ANY.find_iter(head).find_map(|m| {
        let s = m.as_str();
        let dated = s.chars().any(|c| c.is_ascii_digit()) || s.contains('(') || s.contains(',');
        let rest = head[m.end()..].lines().next().unwrap_or("");
        let goes_on = rest.chars().next().is_some_and(char::is_alphabetic);
        (dated && goes_on).then(|| {
            let lead = s.len() - s.trim_start().len();
            m.start() + lead..m.end()
        })
    })
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let stem: String = lower.chars().take(3).collect();
    let n = match stem.as_str() {
        "jan" => 1,
        "fév" | "fev" => 2,
        "mar" => 3,
        "avr" => 4,
        "mai" => 5,
        "jui" if lower.starts_with("juin") => 6,
        "jui" => 7,
        "aoû" | "aou" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "déc" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn head(text: &str) -> &str {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// Metadata the text states about itself.
pub fn infer(text: &str) -> Inferred {
    let head = head(text);
    let mut meta = DocMeta::default();

    if let Some(caps) = DATELINE.captures(head) {
        meta.outlet = caps.get(4).map(|m| m.as_str().trim().to_string());
        let day = caps.get(1).and_then(|d| d.as_str().parse().ok());
        let month = caps.get(2).and_then(|m| month_number(m.as_str()));
        let year = caps.get(3).and_then(|y| y.as_str().parse().ok());
        if let (Some(d), Some(m), Some(y)) = (day, month, year) {
            meta.published = NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    if meta.published.is_none() {
        meta.published = PUBLISHED_ON.captures(head).and_then(|c| {
            let d = c.get(1)?.as_str().parse().ok()?;
            let m = month_number(c.get(2)?.as_str())?;
            let y = c.get(3)?.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d)
        });
    }
    if meta.published.is_none() {
        meta.published = NUMERIC_DATE.captures_iter(head).find_map(|c| {
            let d = c.get(1)?.as_str().parse().ok()?;
            let m = c.get(2)?.as_str().parse().ok()?;
            let y = c.get(3)?.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d)
        });
    }
    meta.language = lang::guess(text).map(str::to_string);
    meta.title = title(text);

    let credits = head.lines().filter_map(credit_line).flatten().fold(
        Vec::new(),
        |mut all: Vec<String>, name| {
            if !all.contains(&name) {
                all.push(name);
            }
            all
        },
    );
    Inferred { meta, credits }
}

/// The first line, when it reads like a headline: short, not a sentence
/// ending in a full stop, and followed by more text.
fn title(text: &str) -> Option<String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let (first, rest) = trimmed.split_once('\n')?;
    let first = first.trim();
    let looks_like_headline = !first.is_empty()
        && first.len() <= 300
        && !first.ends_with('.')
        && first.chars().any(char::is_alphabetic)
        && !rest.trim().is_empty();
    looks_like_headline.then(|| first.to_string())
}

/// `given` with its unknown fields filled from the text.
pub fn complete(given: &DocMeta, text: &str) -> Inferred {
    let inferred = infer(text);
    let meta = DocMeta {
        outlet: given.outlet.clone().or(inferred.meta.outlet),
        published: given.published.or(inferred.meta.published),
        language: given.language.clone().or(inferred.meta.language),
        url: given.url.clone().or(inferred.meta.url),
        title: given.title.clone().or(inferred.meta.title),
    };
    Inferred {
        meta,
        credits: inferred.credits,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn datelines_of_every_shape() {
        for (text, want) in [
            (
                "BAMAKO, 14 mai 2024 — L'armée a frappé le village.",
                Some("BAMAKO, 14 mai 2024 — "),
            ),
            (
                "Titre\nKHARTOUM, 10 juin 2024 (AFP) - Au moins quarante civils",
                Some("KHARTOUM, 10 juin 2024 (AFP) - "),
            ),
            (
                "PARIS (Reuters) – Le gouvernement",
                Some("PARIS (Reuters) – "),
            ),
            (
                "EREVAN, 26 MARS, ARMENPRESS. La Russie",
                Some("EREVAN, 26 MARS, ARMENPRESS. "),
            ),
            ("LIBAN - EXPLOSION\nLe bilan", None),
            ("Le bilan s'alourdit à Beyrouth", None),
        ] {
            let got = super::dateline(text).map(|r| &text[r]);
            assert_eq!(got, want, "{text}");
        }
    }

    use super::*;

    #[test]
    fn dateline_gives_outlet_and_date() {
        let inf =
            infer("MOSCOU, 3 FÉVRIER 2023, TASS. Le Kremlin a annoncé hier la tenue d'un sommet.");
        assert_eq!(inf.meta.outlet.as_deref(), Some("TASS"));
        assert_eq!(inf.meta.published, NaiveDate::from_ymd_opt(2023, 2, 3));
    }

    #[test]
    fn dateline_without_year_gives_no_date() {
        let inf =
            infer("KIEV, 12 juin, UNIAN. Les autorités ont déclaré que la ville était calme.");
        assert_eq!(inf.meta.outlet.as_deref(), Some("UNIAN"));
        assert_eq!(inf.meta.published, None);
    }

    #[test]
    fn numeric_date_is_day_first() {
        let inf = infer("Un titre\n\nJournal du soir05/11/2021\n\nLe texte de l'article est ici.");
        assert_eq!(inf.meta.published, NaiveDate::from_ymd_opt(2021, 11, 5));
        assert_eq!(inf.meta.title.as_deref(), Some("Un titre"));
        assert_eq!(infer("le 31/02/2021 rien").meta.published, None);
    }

    #[test]
    fn published_on() {
        let inf = infer("Titre\nPublié le 1er août 2019 à 10h\nTexte.");
        assert_eq!(inf.meta.published, NaiveDate::from_ymd_opt(2019, 8, 1));
    }

    #[test]
    fn credits() {
        assert_eq!(credit_line("- Avec AFP"), Some(vec!["AFP".to_string()]));
        assert_eq!(
            credit_line("Avec AFP et Reuters"),
            Some(vec!["AFP".to_string(), "Reuters".to_string()])
        );
        assert_eq!(
            credit_line("(avec Reuters)"),
            Some(vec!["Reuters".to_string()])
        );
        assert_eq!(
            credit_line("Avec le soutien de la Russie, l'armée avance."),
            None
        );
        assert_eq!(
            infer("Titre\n\n- Avec AFP\n\nTexte").credits,
            vec!["AFP".to_string()]
        );
    }

    #[test]
    fn sidecar_is_strict() {
        let meta = parse_sidecar(
            r#"{"outlet":"X","published":"2022-03-26T08:00:00Z"}"#,
            "a.meta.json",
        )
        .unwrap();
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2022, 3, 26));
        let err = parse_sidecar(r#"{"outlt":"X"}"#, "a.meta.json").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.meta.json: invalid metadata sidecar"),
            "{err}"
        );
        let err = parse_sidecar(
            "{\"outlet\": \"X\",\n \"published\":\"26/03/2022\"}",
            "a.meta.json",
        )
        .unwrap_err();
        assert!(err.to_string().contains("expected YYYY-MM-DD"), "{err}");
        assert!(err.to_string().contains("line 2 column"), "{err}");
    }

    #[test]
    fn sidecar_wins_over_inference() {
        let given = DocMeta {
            outlet: Some("Given".into()),
            ..DocMeta::default()
        };
        let done = complete(
            &given,
            "PARIS, 1 MAI 2020, AFP. Le texte de la dépêche est là.",
        );
        assert_eq!(done.meta.outlet.as_deref(), Some("Given"));
        assert_eq!(done.meta.published, NaiveDate::from_ymd_opt(2020, 5, 1));
    }
}
