//! The extractor and the comparison against the third set of real articles
//! (`tests/data/real2/`): 8 real published French articles from 8 outlets about
//! three events (the September 2023 earthquake in Morocco, the Makiïvka strike
//! of 1 January 2023, the Wimereux shipwreck of 3 September 2024), annotated by
//! hand before the tool was run on them. Like the dev set, these figures say
//! how claimgraph does on French news it was not tuned on. Floors sit a little
//! below the first score where that score is clearly above zero, and at 0.0
//! elsewhere; raise them as the figures rise (the README reports the same
//! figures).

use claimgraph::eval::{evaluate, Gold, Report};
use claimgraph::extract::Extractor;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn real2() -> Gold {
    Gold::load(&root().join("tests/data/real2/real2.gold.json")).unwrap()
}

fn report() -> Report {
    let r = evaluate(
        &real2(),
        &root().join("tests/data/real2/corpus"),
        &Extractor::builtin(),
    )
    .unwrap();
    println!("{}", r.render());
    for n in &r.notes {
        println!("{n}");
    }
    r
}

/// (category, figure reached, floor)
fn figures(r: &Report) -> Vec<(&'static str, f64, f64)> {
    vec![
        ("entities F1", r.entities.f1, FLOOR_ENTITIES),
        ("aliases F1", r.aliases.f1, FLOOR_ALIASES),
        (
            "numeric claims F1",
            r.numeric_claims.score.f1,
            FLOOR_NUMERIC,
        ),
        (
            "claimant accuracy",
            r.numeric_claims.claimant_accuracy,
            FLOOR_CLAIMANT,
        ),
        (
            "bound accuracy",
            r.numeric_claims.bound_accuracy,
            FLOOR_BOUND,
        ),
        ("denials recall", r.denials.recall, FLOOR_DENIAL_RECALL),
        (
            "denials precision",
            r.denials.precision,
            FLOOR_DENIAL_PRECISION,
        ),
        (
            "contradictions F1",
            r.contradictions.f1,
            FLOOR_CONTRADICTIONS,
        ),
        ("agreements F1", r.agreements.f1, FLOOR_AGREEMENTS),
        ("updates F1", r.updates.f1, FLOOR_UPDATES),
    ]
}

#[test]
fn real2_set_stays_above_its_floors() {
    let r = report();
    let below: Vec<String> = figures(&r)
        .into_iter()
        .filter(|(_, got, floor)| got < floor)
        .map(|(name, got, floor)| format!("{name}: {got:.3} < floor {floor:.3}"))
        .collect();
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// Every quote of the real2 gold is text of its article (a typo in the
/// annotation would silently lower the figures).
#[test]
fn real2_quotes_are_article_text() {
    let gold = real2();
    for d in &gold.documents {
        let text =
            std::fs::read_to_string(root().join("tests/data/real2/corpus").join(&d.file)).unwrap();
        for c in &d.claims {
            for q in std::iter::once(&c.quote).chain(c.alt_quotes.iter()) {
                assert!(text.contains(q.as_str()), "{}: {q:?}", d.file);
            }
        }
    }
}

// First score (claimgraph 11fb1d2): entities 0.841, aliases 0.278, numeric
// 0.824, claimant 0.571 (0.464 before the one gold fix, see the README),
// bound 1.000, denials 0/1, contradictions 0.000, agreements 0.000, updates
// 0.000 (see tests/data/real2/README.md).
// Entities and aliases after the entities2 branch: 0.975 and 0.893.
const FLOOR_ENTITIES: f64 = 0.97;
const FLOOR_ALIASES: f64 = 0.89;
const FLOOR_NUMERIC: f64 = 0.79;
const FLOOR_CLAIMANT: f64 = 0.88;
const FLOOR_BOUND: f64 = 0.97;
const FLOOR_DENIAL_RECALL: f64 = 0.0;
const FLOOR_DENIAL_PRECISION: f64 = 0.0;
const FLOOR_CONTRADICTIONS: f64 = 0.22;
const FLOOR_AGREEMENTS: f64 = 0.71;
const FLOOR_UPDATES: f64 = 0.41;
