//! Findings are part of the durable state and do not depend on how the
//! documents came in (issue 12): any order, any split into batches, a
//! comparison skipped after some batches (an interrupted ingest) and
//! completed later, all end with the findings of one clean ingest —
//! compared by content (document source, claim span and kind), not by ids.
//!
//! The articles are prepared (cleaned and extracted) once; each case only
//! stores and compares, so that many orders run in a few seconds.

use claimgraph::corpus::{self, LoadOptions};
use claimgraph::extract::Extractor;
use claimgraph::ingest::{self, prepare};
use claimgraph::store::{PreparedDocument, Store};
use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

/// A claim by content: its document's source, its byte span and its kind.
type ClaimKey = (String, usize, usize, String);
/// A finding by content: its kind and its two claims.
type FindingKey = (String, ClaimKey, ClaimKey);

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::builtin)
}

/// The sample corpus and the development set, prepared.
fn documents() -> &'static Vec<PreparedDocument> {
    static DOCS: OnceLock<Vec<PreparedDocument>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut articles = corpus::sample::articles().unwrap();
        let dev = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/dev/corpus"
        ));
        for loaded in corpus::Articles::new(corpus::expand(&[dev]), LoadOptions::default()) {
            articles.push(loaded.result.unwrap());
        }
        articles
            .into_iter()
            .map(|a| prepare(a, extractor()))
            .collect()
    })
}

/// Every finding of `store` by content.
fn findings(store: &Store) -> BTreeSet<FindingKey> {
    let sources: HashMap<i64, String> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| (d.id, d.source))
        .collect();
    let claims: HashMap<i64, ClaimKey> = store
        .claims()
        .unwrap()
        .into_iter()
        .map(|c| {
            let key = (
                sources[&c.document].clone(),
                c.span.start,
                c.span.end,
                c.kind.to_string(),
            );
            (c.id, key)
        })
        .collect();
    store
        .findings()
        .unwrap()
        .into_iter()
        .map(|f| {
            (
                f.kind.to_string(),
                claims[&f.a].clone(),
                claims[&f.b].clone(),
            )
        })
        .collect()
}

/// Store `order` (indices into [`documents`]) in batches of the given
/// sizes (cycled), comparing after a batch only where `compare_after` says
/// so (cycled; a skipped comparison is an ingest killed after its batch),
/// then run the comparison a re-run would.
fn ingest(order: &[usize], sizes: &[usize], compare_after: &[bool]) -> Store {
    let docs = documents();
    let mut store = Store::open_in_memory().unwrap();
    let mut rest = order;
    let mut i = 0;
    while !rest.is_empty() {
        let n = sizes[i % sizes.len()].clamp(1, rest.len());
        let batch: Vec<PreparedDocument> = rest[..n].iter().map(|&d| docs[d].clone()).collect();
        store
            .ingest_with(&batch, extractor().entity_index())
            .unwrap();
        if compare_after[i % compare_after.len()] {
            ingest::complete_pending(&mut store).unwrap();
        }
        rest = &rest[n..];
        i += 1;
    }
    ingest::complete_pending(&mut store).unwrap();
    assert_eq!(store.pending_comparison().unwrap(), 0);
    store
}

/// The findings of one clean ingest of every document, in file order.
fn clean() -> &'static BTreeSet<FindingKey> {
    static CLEAN: OnceLock<BTreeSet<FindingKey>> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let order: Vec<usize> = (0..documents().len()).collect();
        findings(&ingest(&order, &[usize::MAX], &[true]))
    })
}

#[test]
fn the_clean_ingest_finds_something() {
    assert!(clean().len() >= 20, "{} findings", clean().len());
}

#[test]
fn three_orders_give_the_same_findings() {
    let n = documents().len();
    let forward: Vec<usize> = (0..n).collect();
    let backward: Vec<usize> = (0..n).rev().collect();
    let interleaved: Vec<usize> = (0..n).step_by(2).chain((1..n).step_by(2)).collect();
    for order in [forward, backward, interleaved] {
        assert_eq!(
            &findings(&ingest(&order, &[1], &[true])),
            clean(),
            "{order:?}"
        );
    }
}

#[test]
fn a_comparison_left_pending_is_completed_by_the_next_writer() {
    let n = documents().len();
    let order: Vec<usize> = (0..n).collect();
    let docs = documents();
    let mut store = Store::open_in_memory().unwrap();
    // The first run commits two batches and is killed before comparing.
    for batch in [&order[..10], &order[10..20]] {
        let batch: Vec<PreparedDocument> = batch.iter().map(|&d| docs[d].clone()).collect();
        store
            .ingest_with(&batch, extractor().entity_index())
            .unwrap();
    }
    assert_eq!(store.pending_comparison().unwrap(), 20);
    assert_eq!(store.stats().unwrap().comparison_pending, 20);
    assert_eq!(store.findings().unwrap().len(), 0);
    // The re-run: the first 20 are duplicates, the rest are new.
    let all: Vec<PreparedDocument> = order.iter().map(|&d| docs[d].clone()).collect();
    let outcomes = store.ingest_with(&all, extractor().entity_index()).unwrap();
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, claimgraph::store::Outcome::Duplicate(_)))
            .count(),
        20
    );
    let change = ingest::complete_pending(&mut store).unwrap().unwrap();
    assert_eq!(change.documents, n as u64);
    assert_eq!(&findings(&store), clean());
    // Nothing is pending any more: a further writer has nothing to do.
    assert_eq!(ingest::complete_pending(&mut store).unwrap(), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Any order, any batch sizes, comparisons skipped after any batches.
    #[test]
    fn findings_do_not_depend_on_order_batches_or_interruptions(
        order in Just((0..documents().len()).collect::<Vec<usize>>()).prop_shuffle(),
        sizes in prop::collection::vec(1usize..12, 1..5),
        compare_after in prop::collection::vec(any::<bool>(), 1..5),
    ) {
        let got = findings(&ingest(&order, &sizes, &compare_after));
        prop_assert_eq!(&got, clean());
    }
}
