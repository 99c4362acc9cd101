//! Finding all contradictions, agreements and updates in synthetic corpora of
//! 10k, 100k and 1M claims: time per claim and memory per claim must stay
//! flat as the corpus grows (no pairwise scan of the corpus).
//!
//! Run with `cargo bench --bench compare`. Each size runs in a child process
//! of its own so that its peak RSS is its own; the time is the best of three
//! runs. `cargo bench --bench compare
//! -- 10000 50000` picks other sizes.

mod common;

use claimgraph::analysis::{analyze, Analyzer};
use claimgraph::synth::{Config, Plan};
use common::{cpu_secs, status_kb};
use std::process::Command;
use std::time::Instant;

fn one(size: usize) {
    let plan = Plan::generate(&Config::new(2026, size));
    let records = plan.records();
    drop(plan);
    let n = records.claims.len();
    let base_kb = status_kb("VmRSS:");

    // The best of three runs: the machine is shared, and the slowest runs
    // measure the neighbours rather than the code.
    let mut secs = f64::INFINITY;
    let mut cpu = f64::INFINITY;
    let mut peak_kb = 0;
    let mut contradictions = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let cpu_start = cpu_secs();
        let analysis = analyze(
            &records.documents,
            &records.entities,
            &records.events,
            &records.claims,
        );
        secs = secs.min(start.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_secs() - cpu_start);
        peak_kb = status_kb("VmHWM:");
        contradictions = analysis
            .findings
            .iter()
            .filter(|f| f.kind == claimgraph::model::FindingKind::Contradiction)
            .count();
    }

    // Incremental: the last 1000 articles added one at a time to a state
    // built from all the others.
    let split = records.documents.len().saturating_sub(1000);
    let cut = records.documents.get(split).map_or(i64::MAX, |d| d.id);
    let old_events: Vec<_> = records
        .events
        .iter()
        .filter(|e| e.document < cut)
        .cloned()
        .collect();
    let old_claims: Vec<_> = records
        .claims
        .iter()
        .filter(|c| c.document < cut)
        .cloned()
        .collect();
    let mut analyzer = Analyzer::from_records(
        &records.documents[..split],
        &records.entities,
        &old_events,
        &old_claims,
    );
    let mut added = 0usize;
    let mut times: Vec<f64> = Vec::new();
    let (mut ei, mut ci) = (
        records.events.partition_point(|e| e.document < cut),
        records.claims.partition_point(|c| c.document < cut),
    );
    for d in &records.documents[split..] {
        let e0 = ei;
        while records.events.get(ei).is_some_and(|e| e.document == d.id) {
            ei += 1;
        }
        let c0 = ci;
        while records.claims.get(ci).is_some_and(|c| c.document == d.id) {
            ci += 1;
        }
        let one = Instant::now();
        let delta = analyzer.add(
            std::slice::from_ref(d),
            &[],
            &records.events[e0..ei],
            &records.claims[c0..ci],
        );
        times.push(one.elapsed().as_secs_f64() * 1e6);
        added += delta.findings.len();
    }
    times.sort_by(f64::total_cmp);
    let median_us = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let mean_us = times.iter().sum::<f64>() / times.len().max(1) as f64;

    println!(
        "{n:>9} claims | analyze {secs:>8.3} s | {:>6.2} µs/claim (CPU {:>6.2}) | {contradictions:>7} contradictions | \
         peak RSS {:>7.1} MB ({:>5.0} B/claim; analysis {:>5.0} B/claim) | add one article: median {:>6.1} µs, mean {:>6.1} µs ({added} findings)",
        secs * 1e6 / n as f64,
        cpu * 1e6 / n as f64,
        peak_kb as f64 / 1024.0,
        peak_kb as f64 * 1024.0 / n as f64,
        peak_kb.saturating_sub(base_kb) as f64 * 1024.0 / n as f64,
        median_us,
        mean_us,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        if let Some(size) = args.get(i + 1).and_then(|s| s.parse().ok()) {
            one(size);
        }
        return;
    }
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000, 1_000_000];
    }
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("cannot find the benchmark executable");
        return;
    };
    for size in sizes {
        let status = Command::new(&exe)
            .arg("--one")
            .arg(size.to_string())
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!("size {size}: child failed: {status:?}");
        }
    }
}
