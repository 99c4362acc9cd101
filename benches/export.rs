//! Export and import of synthetic corpora of 10k and 50k claims: time per
//! claim of the JSON export (store → file text), of the import (parse,
//! check, one transaction, findings recomputed), of DOT for the whole graph
//! and for the contradiction subgraph, and the bytes per claim of the JSON.
//!
//! Run with `cargo bench --bench export` (or `-- 20000` for other sizes).

use claimgraph::engine::Workspace;
use claimgraph::export::dot::{self, DotOptions};
use claimgraph::export::{import, json};
use claimgraph::query;
use claimgraph::store::Store;
use claimgraph::synth::{Config, Plan};
use std::time::Instant;

/// A store holding a synthetic corpus of about `size` claims.
fn synthetic_store(size: usize) -> Store {
    let batch = Plan::generate(&Config::new(2026, size)).import_records();
    let mut store = Store::open_in_memory().expect("in-memory store");
    import::write(&mut store, &batch).expect("synthetic corpus imports");
    store
}

fn per_claim(start: Instant, n: usize) -> f64 {
    start.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64
}

fn one(size: usize) {
    let store = synthetic_store(size);
    let n = store.claims().expect("claims").len();

    let start = Instant::now();
    let text = json::to_string(&json::whole(&store).expect("export"));
    let export_us = per_claim(start, n);

    let start = Instant::now();
    let records = import::parse("bench.json", text.as_bytes()).expect("parse");
    let parse_us = per_claim(start, n);
    let mut copy = Store::open_in_memory().expect("in-memory store");
    let start = Instant::now();
    let outcome = import::write(&mut copy, &records).expect("import");
    let write_us = per_claim(start, n);

    let ws = Workspace::load(store).expect("workspace");
    let all: Vec<_> = ws.graph.graph().node_indices().collect();
    let start = Instant::now();
    let whole = dot::render(&ws, &all, DotOptions::default());
    let dot_us = per_claim(start, n);
    let plans = query::compile("contradictions").expect("query");
    let nodes = ws.evaluate(&plans[0]).expect("answer").nodes;
    let start = Instant::now();
    let sub = dot::render(&ws, &nodes, DotOptions::default());
    let sub_ms = start.elapsed().as_secs_f64() * 1e3;

    println!(
        "{n:>7} claims | JSON {:>6.0} B/claim | export {export_us:>6.1} µs/claim | import: parse+check \
         {parse_us:>6.1} + write+findings {write_us:>6.1} µs/claim ({} findings) | DOT whole graph \
         {dot_us:>5.1} µs/claim ({:.1} MB) | DOT contradictions {sub_ms:>6.1} ms ({} nodes, {} kB)",
        text.len() as f64 / n.max(1) as f64,
        outcome.findings,
        whole.len() as f64 / 1e6,
        nodes.len(),
        sub.len() / 1024,
    );
}

fn main() {
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![10_000, 50_000];
    }
    for size in sizes {
        one(size);
    }
}
