//! The extractor against the sample gold (`tests/data/seeds.gold.json` over
//! `data/corpus/`): the figures must stay above the bars of the issue.

use claimgraph::eval::{evaluate, run_system, score, Gold};
use claimgraph::extract::Extractor;
use std::path::Path;

#[test]
fn sample_gold_meets_the_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = Gold::load(&root.join("tests/data/seeds.gold.json")).unwrap();
    let x = Extractor::builtin();
    let r = evaluate(&gold, &root.join("data/corpus"), &x).unwrap();
    println!("{}", r.render());
    for n in &r.notes {
        println!("{n}");
    }
    assert!(r.entities.f1 >= 0.85, "entities {:?}", r.entities);
    assert!(r.aliases.f1 >= 0.90, "aliases {:?}", r.aliases);
    assert!(
        r.numeric_claims.score.f1 >= 0.90,
        "numeric {:?}",
        r.numeric_claims
    );
    assert!(r.numeric_claims.claimant_accuracy >= 0.80);
    assert!(r.numeric_claims.bound_accuracy >= 0.90);
    assert!(
        r.denials.recall >= 0.75 && r.denials.precision >= 0.75,
        "denials {:?}",
        r.denials
    );
    // Issue 4: all four gold contradictions and the agreement, nothing else.
    assert_eq!(
        r.contradictions.f1, 1.0,
        "contradictions {:?}",
        r.contradictions
    );
    assert_eq!(r.agreements.f1, 1.0, "agreements {:?}", r.agreements);
}

/// Findings are scored through the system's claim records, so any engine can
/// be scored:
/// a contradiction between the two death tolls and an agreement between the
/// two strike counts match the gold; a contradiction between unrelated
/// claims is a false positive.
#[test]
fn findings_are_scored_against_gold_pairs() {
    use claimgraph::model::{ClaimRecord, FindingKind, FindingRecord, Measure};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = Gold::load(&root.join("tests/data/seeds.gold.json")).unwrap();
    let x = Extractor::builtin();
    let engine = |claims: &[ClaimRecord]| {
        let find = |doc: i64, m: Measure| {
            claims
                .iter()
                .find(|c| c.document == doc && c.measure == Some(m))
                .map(|c| c.id)
                .unwrap()
        };
        let finding = |kind, a, b| FindingRecord {
            id: 0,
            kind,
            a,
            b,
            reason: String::new(),
            independent: None,
        };
        vec![
            finding(
                FindingKind::Contradiction,
                find(1, Measure::Killed),
                find(0, Measure::Killed),
            ),
            finding(
                FindingKind::Agreement,
                find(0, Measure::Strikes),
                find(1, Measure::Strikes),
            ),
            finding(
                FindingKind::Contradiction,
                find(3, Measure::Troops),
                find(4, Measure::Killed),
            ),
        ]
    };
    let (system, _) = run_system(&gold, &root.join("data/corpus"), &x).unwrap();
    let r = score(&gold, &system, &engine(&system.claims));
    assert_eq!(
        (
            r.contradictions.tp,
            r.contradictions.fp,
            r.contradictions.fn_
        ),
        (1, 1, 3)
    );
    assert_eq!(
        (r.agreements.tp, r.agreements.fp, r.agreements.fn_),
        (1, 0, 0)
    );
}
