//! French sentences written for these tests (tests/data/extract/cases.txt),
//! each with what the extractor must find: a new case is a new block.

use claimgraph::extract::{Extraction, Extractor};
use claimgraph::model::{ClaimKind, DocMeta, Polarity};

struct Case {
    line: usize,
    meta: DocMeta,
    text: String,
    expects: Vec<String>,
}

fn cases() -> Vec<Case> {
    let src = include_str!("data/extract/cases.txt");
    let mut out = Vec::new();
    let mut cur: Option<Case> = None;
    for (i, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            out.extend(cur.take());
            continue;
        }
        let c = cur.get_or_insert_with(|| Case {
            line: i + 1,
            meta: DocMeta::default(),
            text: String::new(),
            expects: Vec::new(),
        });
        if let Some(v) = line.strip_prefix("outlet: ") {
            c.meta.outlet = Some(v.to_string());
        } else if let Some(v) = line.strip_prefix("published: ") {
            c.meta.published = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
        } else if let Some(v) = line.strip_prefix("text: ") {
            c.text = v.to_string();
        } else if let Some(v) = line.strip_prefix("expect ") {
            c.expects.push(v.to_string());
        } else {
            panic!("cases.txt:{}: unknown line {line:?}", i + 1);
        }
    }
    out.extend(cur);
    out
}

fn names(x: &Extraction, e: Option<usize>) -> Vec<String> {
    e.and_then(|e| x.entities.get(e))
        .map(|e| {
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().map(|a| a.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn check(x: &Extraction, text: &str, expect: &str) -> Result<(), String> {
    let (head, claimant) = match expect.split_once(" claimant=") {
        Some((h, c)) => (h, Some(c)),
        None => (expect, None),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let claimant_ok = |c: &claimgraph::extract::LocalClaim| {
        claimant.map_or(true, |want| names(x, c.claimant).iter().any(|n| n == want))
    };
    let describe = || {
        x.claims
            .iter()
            .map(|c| {
                format!(
                    "{:?} {:?} {:?} {:?} {:?} by {:?} «{}»",
                    c.kind,
                    c.measure,
                    c.quantity.map(|q| (q.value, q.bound)),
                    c.counted,
                    c.date.map(|d| d.start),
                    names(x, c.claimant).first(),
                    &text[c.span.start..c.span.end]
                )
            })
            .collect::<Vec<_>>()
            .join("\n    ")
    };
    let ok = match words.as_slice() {
        ["numeric", m, v, b] => x.claims.iter().any(|c| {
            c.kind == ClaimKind::Numeric
                && c.measure.map(|x| x.as_str()) == Some(*m)
                && c.quantity
                    .is_some_and(|q| q.value.to_string() == *v && q.bound.as_str() == *b)
                && claimant_ok(c)
        }),
        ["numeric", "other-free"] => x
            .claims
            .iter()
            .all(|c| c.measure.map(|m| m.as_str()) != Some("other")),
        ["counted", v, category, side, scope @ ..] => x.claims.iter().any(|c| {
            let scope = scope.join(" ");
            let scope = scope.as_str();
            let field = |want: &str, got: &Option<String>| match want {
                "_" => true,
                "-" => got.is_none(),
                w => got.as_deref() == Some(w),
            };
            c.quantity.is_some_and(|q| q.value.to_string() == *v)
                && field(category, &c.counted.category)
                && field(side, &c.counted.side)
                && field(scope, &c.counted.scope)
        }),
        ["no-numeric-value", v] => !x
            .claims
            .iter()
            .any(|c| c.quantity.is_some_and(|q| q.value.to_string() == *v)),
        ["denial"] => x
            .claims
            .iter()
            .any(|c| c.polarity == Polarity::Deny && claimant_ok(c)),
        ["no-denial"] => !x.claims.iter().any(|c| c.polarity == Polarity::Deny),
        ["accusation"] => x
            .claims
            .iter()
            .any(|c| c.kind == ClaimKind::Accusation && claimant_ok(c)),
        ["date", d] => x
            .claims
            .iter()
            .any(|c| c.date.is_some_and(|r| r.start.to_string() == *d)),
        ["entity", kind, name @ ..] => {
            let name = name.join(" ");
            x.entities.iter().any(|e| {
                e.kind.as_str() == *kind
                    && (e.name == name || e.aliases.iter().any(|a| a.name == name))
            })
        }
        // "expect alias NAME = OTHER": one entity bears both names
        ["alias", rest @ ..] => {
            let rest = rest.join(" ");
            let (one, other) = rest.split_once(" = ").unwrap_or((rest.as_str(), ""));
            x.entities.iter().any(|e| {
                let has = |n: &str| e.name == n || e.aliases.iter().any(|a| a.name == n);
                has(one) && has(other)
            })
        }
        ["no-entity", name @ ..] => {
            let name = name.join(" ");
            !x.entities
                .iter()
                .any(|e| e.name == name || e.aliases.iter().any(|a| a.name == name))
        }
        _ => return Err(format!("unknown expectation {expect:?}")),
    };
    if ok {
        Ok(())
    } else {
        let ents: Vec<String> = x
            .entities
            .iter()
            .map(|e| format!("{}:{}", e.kind, e.name))
            .collect();
        Err(format!(
            "expected {expect}\n    claims:\n    {}\n    entities: {}",
            describe(),
            ents.join(", ")
        ))
    }
}

#[test]
fn handwritten_french_cases() {
    let x = Extractor::builtin();
    let mut failures = Vec::new();
    for case in cases() {
        let got = x.extract(&case.text, &case.meta, &[]);
        for e in &case.expects {
            if let Err(msg) = check(&got, &case.text, e) {
                failures.push(format!("cases.txt:{}: {msg}", case.line));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
