//! Extraction and comparison against the sets of real published French
//! articles, each annotated by hand in the gold format before it was scored:
//! `tests/data/dev` (24 articles, 23 outlets, six events: the development
//! set), `tests/data/real`, `tests/data/real2` and `tests/data/real3` (8
//! articles each, other events and outlets), `tests/data/real4` (6),
//! `tests/data/real5` (8), `tests/data/real6` (8, one event) and
//! `tests/data/real7` (8). Each set keeps its floors beside its gold in
//! `floors.json`, a little below what claimgraph reaches, so a change that
//! loses generality fails here; raise them as the figures rise (the README
//! reports the same figures). A new set is a new folder and one line below.

use claimgraph::eval::{evaluate, Gold, Report};
use claimgraph::extract::Extractor;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The figures of a report by the names `floors.json` uses.
fn figures(r: &Report) -> BTreeMap<&'static str, f64> {
    BTreeMap::from([
        ("entities", r.entities.f1),
        ("aliases", r.aliases.f1),
        ("numeric_claims", r.numeric_claims.score.f1),
        ("claimant_accuracy", r.numeric_claims.claimant_accuracy),
        ("bound_accuracy", r.numeric_claims.bound_accuracy),
        ("denials_recall", r.denials.recall),
        ("denials_precision", r.denials.precision),
        ("contradictions", r.contradictions.f1),
        ("agreements", r.agreements.f1),
        ("updates", r.updates.f1),
    ])
}

/// Score the set in `tests/data/NAME` and hold it to its floors; check that
/// every quote of its gold is text of its article (a typo in the annotation
/// would silently lower the figures).
fn check(name: &str) {
    let d = dir(name);
    let floors: BTreeMap<String, f64> =
        serde_json::from_str(&std::fs::read_to_string(d.join("floors.json")).expect("floors.json"))
            .expect("floors.json is a map of figure names to floors");
    let gold_file = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".gold.json"))
        .expect("a *.gold.json file");
    let gold = Gold::load(&gold_file).unwrap();
    for doc in &gold.documents {
        let text = std::fs::read_to_string(d.join("corpus").join(&doc.file)).unwrap();
        for c in &doc.claims {
            for q in std::iter::once(&c.quote).chain(c.alt_quotes.iter()) {
                assert!(text.contains(q.as_str()), "{}: {q:?}", doc.file);
            }
        }
    }
    let r = evaluate(&gold, &d.join("corpus"), &Extractor::builtin()).unwrap();
    println!("{}", r.render());
    for n in &r.notes {
        println!("{n}");
    }
    let got = figures(&r);
    let mut below = Vec::new();
    for (figure, floor) in &floors {
        let reached = *got
            .get(figure.as_str())
            .unwrap_or_else(|| panic!("{name}/floors.json: unknown figure {figure:?}"));
        if reached < *floor {
            below.push(format!("{figure}: {reached:.3} < floor {floor:.3}"));
        }
    }
    assert!(below.is_empty(), "{name}: {}", below.join("\n"));
}

#[test]
fn dev_set() {
    check("dev");
}

#[test]
fn real_set() {
    check("real");
}

#[test]
fn real2_set() {
    check("real2");
}

#[test]
fn real3_set() {
    check("real3");
}

#[test]
fn real4_set() {
    check("real4");
}

#[test]
fn real5_set() {
    check("real5");
}

#[test]
fn real6_set() {
    check("real6");
}

#[test]
fn real7_set() {
    check("real7");
}
