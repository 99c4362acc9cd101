//! Golden outputs: the extraction of each sample article and the eval report
//! on the sample gold, as insta snapshots (tests/snapshots/).

use claimgraph::eval::{evaluate, meta_of, Gold};
use claimgraph::extract::Extractor;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn sample_articles() {
    let gold = Gold::load(&root().join("tests/data/seeds.gold.json")).unwrap();
    let x = Extractor::builtin();
    for d in &gold.documents {
        let text = std::fs::read_to_string(root().join("data/corpus").join(&d.file)).unwrap();
        let got = x.extract(&text, &meta_of(d), &[]);
        insta::assert_snapshot!(format!("article_{}", &d.file[..3]), got.render(&text));
    }
}

#[test]
fn eval_report_on_sample_gold() {
    let gold = Gold::load(&root().join("tests/data/seeds.gold.json")).unwrap();
    let x = Extractor::builtin();
    let r = evaluate(&gold, &root().join("data/corpus"), &x).unwrap();
    insta::assert_snapshot!("eval_text", r.render());
    insta::assert_snapshot!("eval_json", r.to_json());
}
