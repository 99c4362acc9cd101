//! Findings after ingesting articles in several runs are the findings of one
//! run: each run compares the whole store in an order that does not depend
//! on arrival, and writes what that adds or retracts (see also
//! tests/durable.rs for any order, batch split and interruption).

use claimgraph::corpus::{sample, Article};
use claimgraph::extract::Extractor;
use claimgraph::ingest::ingest_articles;
use claimgraph::store::Store;
use std::collections::BTreeSet;

/// Findings by content (claim ids differ between stores).
fn findings(store: &Store) -> BTreeSet<(String, String, String, String)> {
    let claims = store.claims().unwrap();
    let quote = |id: i64| {
        claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.quote.clone())
            .unwrap_or_default()
    };
    store
        .findings()
        .unwrap()
        .into_iter()
        .map(|f| (f.kind.to_string(), quote(f.a), quote(f.b), f.reason))
        .collect()
}

fn ingest_in_runs(runs: &[Vec<Article>]) -> Store {
    let x = Extractor::builtin();
    let mut store = Store::open_in_memory().unwrap();
    for run in runs {
        ingest_articles(&mut store, &x, run.clone()).unwrap();
    }
    store
}

#[test]
fn runs_in_any_order_give_the_findings_of_one_run() {
    let all = sample::articles().unwrap();
    let once = findings(&ingest_in_runs(std::slice::from_ref(&all)));
    assert!(once.len() >= 5, "{once:?}");

    let one_by_one: Vec<Vec<Article>> = all.iter().map(|a| vec![a.clone()]).collect();
    assert_eq!(findings(&ingest_in_runs(&one_by_one)), once);

    // In another order, claim ids and the first spelling of an entity (its
    // canonical name, used in reasons) change; the pairs found do not.
    let mut reversed = one_by_one.clone();
    reversed.reverse();
    assert_eq!(pairs(&findings(&ingest_in_runs(&reversed))), pairs(&once));

    let split = vec![all[2..].to_vec(), all[..2].to_vec()];
    assert_eq!(pairs(&findings(&ingest_in_runs(&split))), pairs(&once));
}

/// Kind and the two quotes, unordered for symmetric findings.
fn pairs(found: &BTreeSet<(String, String, String, String)>) -> BTreeSet<(String, String, String)> {
    found
        .iter()
        .map(|(kind, a, b, _)| {
            if kind == "update" || a <= b {
                (kind.clone(), a.clone(), b.clone())
            } else {
                (kind.clone(), b.clone(), a.clone())
            }
        })
        .collect()
}
