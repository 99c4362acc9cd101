//! The extractor against the sample gold (`tests/data/seeds.gold.json` over
//! `data/corpus/`): the figures must stay above the bars of the issue.

use claimgraph::eval::{evaluate, Gold};
use claimgraph::extract::Extractor;
use std::path::Path;

#[test]
fn sample_gold_meets_the_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = Gold::load(&root.join("tests/data/seeds.gold.json")).unwrap();
    let x = Extractor::builtin();
    let r = evaluate(
        &gold,
        &root.join("data/corpus"),
        &x,
        &|_| Vec::new(),
        &|_| Vec::new(),
    )
    .unwrap();
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
}
