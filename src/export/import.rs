//! Reading a graph file (`claimgraph-graph/1`, see [`super::json`]) back
//! into a database: from a claimgraph export, or from another extractor.
//!
//! The file is parsed (a syntax or type error names its line and column),
//! then checked as a whole — ids unique, every reference resolves, every span
//! lies on character boundaries of its document's text, every quote is the
//! text its span covers — and held to what ingest and the model require:
//! no NUL byte in any text, no empty text or name, an interval's low end at
//! most its high end, no negative figure — before anything is written. The records are then
//! written in one transaction and the findings recomputed over the whole
//! database (findings are derived data; those in the file are not copied).

use super::json::{GraphFile, FORMAT};
use super::locate;
use crate::error::{Error, Result};
use crate::model::{FindingRecord, Span};
use crate::store::import::{ImportDocument, ImportOutcome, ImportRecords};
use crate::store::{content_hash, Store};
use std::collections::{HashMap, HashSet};

/// Parse and check the graph file `bytes` read from `name`.
pub fn parse(name: &str, bytes: &[u8]) -> Result<ImportRecords> {
    let file: GraphFile = serde_json::from_slice(bytes).map_err(|e| Error::Input {
        location: if e.line() > 0 {
            format!("{name}:{}:{}", e.line(), e.column())
        } else {
            name.to_string()
        },
        message: json_message(&e),
    })?;
    check(name, bytes, file)
}

/// serde_json's message without its trailing " at line L column C", and
/// a date that does not parse said to be one (chrono alone says "input is
/// out of range" for "2024-13-45").
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    const CHRONO: [&str; 6] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ];
    if CHRONO.contains(&text.as_str()) {
        return format!(
            "not a valid date ({text}); dates are written YYYY-MM-DD, e.g. \"2024-05-02\""
        );
    }
    text
}

/// Import the graph file `bytes` (read from `name`) into `store`.
pub fn import(store: &mut Store, name: &str, bytes: &[u8]) -> Result<ImportOutcome> {
    let records = parse(name, bytes)?;
    write(store, &records)
}

/// Write checked records (from [`parse`]) into `store` and recompute its
/// findings, in one transaction.
pub fn write(store: &mut Store, records: &ImportRecords) -> Result<ImportOutcome> {
    store.import(records, &recompute)
}

/// The findings of everything in `store`, by the claim comparison of
/// [`crate::analysis`].
/// The same comparison as ingest, so that findings do not depend on how
/// the documents came in.
fn recompute(store: &Store) -> Result<Vec<FindingRecord>> {
    Ok(crate::ingest::compare_store(store)?.findings)
}

fn check(name: &str, bytes: &[u8], file: GraphFile) -> Result<ImportRecords> {
    // `what` is "claims[3] (id 17)": the record's line and column come
    // from the text, the words stay in the message.
    let bad = |what: String, message: String| {
        let place = what
            .split_once('[')
            .and_then(|(list, rest)| Some((list, rest.split_once(']')?.0.parse().ok()?)))
            .and_then(|(list, index)| locate::record(bytes, list, index));
        Error::Input {
            location: match place {
                Some((line, column)) => format!("{name}:{line}:{column}"),
                None => name.to_string(),
            },
            message: format!("{what}: {message}"),
        }
    };
    if file.format != FORMAT {
        let message = if file.format.starts_with("claimgraph-graph/") {
            format!(
                "format {:?} is not one this claimgraph reads ({FORMAT}); upgrade claimgraph",
                file.format
            )
        } else {
            format!(
                "format {:?} is not a claimgraph graph file (expected {FORMAT:?})",
                file.format
            )
        };
        return Err(Error::Input {
            location: name.to_string(),
            message,
        });
    }

    let unique = |kind: &str, ids: Vec<i64>| -> Result<HashSet<i64>> {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                return Err(bad(
                    format!("{kind}[{i}]"),
                    format!("id {id} is used twice"),
                ));
            }
        }
        Ok(seen)
    };
    let texts: HashMap<i64, &str> = file
        .documents
        .iter()
        .map(|d| (d.id, d.text.as_str()))
        .collect();
    unique("documents", file.documents.iter().map(|d| d.id).collect())?;
    let entities = unique("entities", file.entities.iter().map(|e| e.id).collect())?;
    let events = unique("events", file.events.iter().map(|e| e.id).collect())?;
    let claims = unique("claims", file.claims.iter().map(|c| c.id).collect())?;

    let text_of = |at: &str, doc: i64| -> Result<&str> {
        texts
            .get(&doc)
            .copied()
            .ok_or_else(|| bad(at.to_string(), format!("document {doc} is not in the file")))
    };
    let span = |at: &str, what: &str, text: &str, s: &Span| -> Result<()> {
        if s.start <= s.end && text.get(s.start..s.end).is_some() {
            Ok(())
        } else {
            Err(bad(
                at.to_string(),
                format!(
                    "{what} span {}..{} does not fit its document's text ({} bytes) on character boundaries",
                    s.start,
                    s.end,
                    text.len()
                ),
            ))
        }
    };
    let refers = |at: &str, kind: &str, set: &HashSet<i64>, id: i64| -> Result<()> {
        if set.contains(&id) {
            Ok(())
        } else {
            Err(bad(
                at.to_string(),
                format!("{kind} {id} is not in the file"),
            ))
        }
    };

    // What ingest refuses and what the model never holds.
    let no_nul = |at: &str, what: &str, text: &str| -> Result<()> {
        match text.find('\0') {
            Some(offset) => Err(bad(
                at.to_string(),
                format!("{what} holds a NUL byte (at offset {offset}); only text can be imported"),
            )),
            None => Ok(()),
        }
    };
    let non_empty = |at: &str, what: &str, text: &str| -> Result<()> {
        no_nul(at, what, text)?;
        if text.trim().is_empty() {
            return Err(bad(at.to_string(), format!("{what} is empty")));
        }
        Ok(())
    };
    for (i, d) in file.documents.iter().enumerate() {
        let at = format!("documents[{i}] (id {})", d.id);
        non_empty(&at, "text", &d.text)?;
        let meta = [
            ("source", Some(&d.source)),
            ("outlet", d.meta.outlet.as_ref()),
            ("language", d.meta.language.as_ref()),
            ("url", d.meta.url.as_ref()),
            ("title", d.meta.title.as_ref()),
        ];
        for (what, value) in meta {
            if let Some(v) = value {
                no_nul(&at, what, v)?;
            }
        }
        if let Some(hash) = &d.hash {
            if !hash.eq_ignore_ascii_case(&content_hash(&d.text)) {
                return Err(bad(at, "hash is not the SHA-256 of text".to_string()));
            }
        }
        for s in &d.set_aside {
            span(&at, "set-aside", &d.text, &s.span)?;
        }
    }
    for (i, e) in file.entities.iter().enumerate() {
        let at = format!("entities[{i}] (id {})", e.id);
        non_empty(&at, "name", &e.name)?;
        for (j, a) in e.aliases.iter().enumerate() {
            non_empty(&at, &format!("aliases[{j}].name"), &a.name)?;
            no_nul(&at, &format!("aliases[{j}].reason"), &a.reason)?;
        }
    }
    for (i, m) in file.mentions.iter().enumerate() {
        let at = format!("mentions[{i}]");
        refers(&at, "entity", &entities, m.entity)?;
        span(&at, "mention", text_of(&at, m.document)?, &m.span)?;
    }
    for (i, e) in file.events.iter().enumerate() {
        let at = format!("events[{i}] (id {})", e.id);
        span(&at, "event", text_of(&at, e.document)?, &e.span)?;
        for who in e
            .place
            .iter()
            .chain(e.participants.iter().map(|p| &p.entity))
        {
            refers(&at, "entity", &entities, *who)?;
        }
    }
    for (i, c) in file.claims.iter().enumerate() {
        let at = format!("claims[{i}] (id {})", c.id);
        let text = text_of(&at, c.document)?;
        span(&at, "claim", text, &c.span)?;
        span(&at, "sentence", text, &c.sentence)?;
        non_empty(&at, "quote", &c.quote)?;
        for (what, value) in [("subject", &c.subject), ("topic", &c.topic)] {
            if let Some(v) = value {
                no_nul(&at, what, v)?;
            }
        }
        if c.span.slice(text) != Some(c.quote.as_str()) {
            return Err(bad(at, "quote is not the text its span covers".to_string()));
        }
        if let Some(q) = &c.quantity {
            let (lo, hi) = (q.interval.lo, q.interval.hi);
            if !q.value.is_finite() || q.value < 0.0 || lo < 0.0 || hi.is_some_and(|h| h < 0.0) {
                return Err(bad(
                    at,
                    format!(
                        "quantity {} (interval {lo}..{}) is negative; a toll counts from 0",
                        q.value,
                        hi.map_or("".to_string(), |h| h.to_string())
                    ),
                ));
            }
            if let Some(h) = hi.filter(|h| *h < lo) {
                return Err(bad(
                    at,
                    format!("interval {lo}..{h} has its low end above its high end"),
                ));
            }
        }
        let named = c
            .claimant
            .iter()
            .chain(&c.outlet)
            .chain(&c.via)
            .chain(&c.subject_entity);
        for who in named {
            refers(&at, "entity", &entities, *who)?;
        }
        if let Some(e) = c.event {
            refers(&at, "event", &events, e)?;
        }
        if let Some(d) = c.denies {
            refers(&at, "claim", &claims, d)?;
        }
    }
    for (i, f) in file.findings.iter().enumerate() {
        let at = format!("findings[{i}]");
        refers(&at, "claim", &claims, f.a)?;
        refers(&at, "claim", &claims, f.b)?;
    }

    let documents = file
        .documents
        .into_iter()
        .map(|d| ImportDocument {
            id: d.id,
            hash: content_hash(&d.text),
            source: if d.source.is_empty() {
                format!("import:{name}")
            } else {
                d.source
            },
            meta: d.meta,
            text: d.text,
            set_aside: d.set_aside,
        })
        .collect();
    Ok(ImportRecords {
        documents,
        entities: file.entities,
        mentions: file.mentions,
        events: file.events,
        claims: file.claims,
    })
}
