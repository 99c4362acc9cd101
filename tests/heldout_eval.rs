//! The extractor against a held-out gold (`tests/data/heldout/`): ten French
//! articles written and annotated by hand apart from the extractor, on other
//! conflicts and disasters than the sample corpus (Ukraine, Gaza, Burkina
//! Faso, floods in the DRC, Sudan, Haiti, Mali, an earthquake in Morocco). The figures must stay above floors a little below
//! what the extractor reaches, so that a rule fitted to the sample articles at
//! the expense of generality fails here.

use claimgraph::eval::{evaluate, meta_of, Gold};
use claimgraph::extract::Extractor;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn heldout() -> Gold {
    Gold::load(&root().join("tests/data/heldout/heldout.gold.json")).unwrap()
}

#[test]
fn heldout_gold_stays_above_its_floors() {
    let gold = heldout();
    let x = Extractor::builtin();
    let r = evaluate(&gold, &root().join("tests/data/heldout/corpus"), &x).unwrap();
    println!("{}", r.render());
    for n in &r.notes {
        println!("{n}");
    }
    assert!(r.entities.f1 >= FLOOR_ENTITIES, "entities {:?}", r.entities);
    assert!(r.aliases.f1 >= FLOOR_ALIASES, "aliases {:?}", r.aliases);
    assert!(
        r.numeric_claims.score.f1 >= FLOOR_NUMERIC,
        "numeric {:?}",
        r.numeric_claims
    );
    assert!(
        r.numeric_claims.claimant_accuracy >= FLOOR_CLAIMANT,
        "claimant accuracy {}",
        r.numeric_claims.claimant_accuracy
    );
    assert!(
        r.numeric_claims.bound_accuracy >= FLOOR_BOUND,
        "bound accuracy {}",
        r.numeric_claims.bound_accuracy
    );
    assert!(
        r.denials.recall >= FLOOR_DENIALS && r.denials.precision >= FLOOR_DENIALS,
        "denials {:?}",
        r.denials
    );
}

/// Every quote of the held-out gold is text of its article (a typo in the
/// annotation would silently lower the figures).
#[test]
fn heldout_quotes_are_article_text() {
    let gold = heldout();
    for d in &gold.documents {
        let text = std::fs::read_to_string(root().join("tests/data/heldout/corpus").join(&d.file))
            .unwrap();
        for c in &d.claims {
            for q in std::iter::once(&c.quote).chain(c.alt_quotes.iter()) {
                assert!(text.contains(q.as_str()), "{}: {q:?}", d.file);
            }
        }
    }
}

/// What the extractor finds in each held-out article, for reading diffs.
#[test]
fn heldout_articles() {
    let gold = heldout();
    let x = Extractor::builtin();
    for d in &gold.documents {
        let text = std::fs::read_to_string(root().join("tests/data/heldout/corpus").join(&d.file))
            .unwrap();
        let got = x.extract(&text, &meta_of(d), &[]);
        insta::assert_snapshot!(format!("heldout_{}", &d.file[..2]), got.render(&text));
    }
}

const FLOOR_ENTITIES: f64 = 0.96;
const FLOOR_ALIASES: f64 = 0.92;
const FLOOR_NUMERIC: f64 = 0.95;
const FLOOR_CLAIMANT: f64 = 0.86;
const FLOOR_BOUND: f64 = 0.95;
const FLOOR_DENIALS: f64 = 0.90;
