//! Statements answered from the store's indexes (`Workspace::open`) give
//! exactly the answers of the whole graph in memory (`Workspace::load`):
//! every query file of the tests and of `data/queries/`, and statements
//! that take each route (SQL counts, pushed-down filters and limits,
//! filters tested a chunk at a time, one record), on the sample corpus and
//! on a synthetic corpus with findings.

use claimgraph::engine::Workspace;
use claimgraph::extract::Extractor;
use claimgraph::session::{self, Settings};
use claimgraph::store::Store;
use claimgraph::synth::{Config, Plan};
use std::path::{Path, PathBuf};

fn run(ws: &Workspace, name: &str, text: &str) -> String {
    let settings = Settings {
        keep_going: true,
        ..Settings::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = session::run(ws, name, text, &settings, &mut out, &mut err);
    format!(
        "{outcome:?}\n{}\n{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    )
}

fn query_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/answers", "tests/queries", "data/queries"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "cq") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Statements for each route, with names of both corpora.
const STATEMENTS: &[&str] = &[
    "stats",
    "count claims",
    "count contradictions",
    "count findings where kind = agreement",
    "count claims where measure = killed",
    "count claims where measure = killed and not polarity = deny",
    "count claims where not measure = killed",
    "count claims where quote contains \"soldats\"",
    "count claims where date >= 2000-02-01",
    "claims limit 5",
    "claims where measure = killed limit 3",
    "claims where measure in (killed, wounded) and value >= 3 limit 4",
    "claims where value = 3 or value > 100 limit 6",
    "claims where value != 3 limit 6",
    "claims where value < 10 and bound = at_least limit 6",
    "claims where quote contains \"tués\" limit 4",
    "claims where quote contains \"tués\" or measure = wounded limit 4",
    "claims where not quote contains \"tués\" limit 4",
    "claims where date >= 2000-03-01 limit 3",
    "claims where date between 2000-01-05 and 2000-02-15 limit 5",
    "count claims where date < 2000-03-01",
    "claims where not date = 2000-01 limit 3",
    "claims where date > 2022-03-25 or date <= 2022-03-24 limit 3",
    "contradictions where date >= 2000-02-01 limit 3",
    "count findings where value > 50",
    "count findings where measure = killed",
    "claims order by id desc limit 3",
    "claims where measure = killed order by value desc limit 3",
    "claims where id > 10 and id <= 20",
    "claims where document = 2",
    "claims where event = 3 or event != 4 limit 5",
    "claims in document 2",
    "claims about event 4",
    "claims in claim 3",
    "claims in finding 1",
    "claims in document 99999",
    "count claims in document 99999",
    "claims by \"Nobody At All\" limit 3",
    "count claims by \"Nobody At All\"",
    "contradictions limit 10",
    "contradictions where measure = killed limit 3",
    "contradictions where independent = true limit 3",
    "agreements where independent = false limit 3",
    "findings where kind = contradiction or kind = update limit 7",
    "findings where claim_a > 5 limit 3",
    "findings order by date desc limit 3",
    "updates where value > 3 limit 4",
    "count updates where value > 3",
    "provenance claim 1",
    "provenance claim 7",
    "provenance claim 99999",
    "provenance finding 1",
    "provenance finding 2",
    "provenance finding 99999",
    "entity 1",
    "entity 3",
    "entity 99999",
    "entity \"Nobody At All\"",
    "neighbours claim 2 depth 2",
    "neighbours claim 3 depth 3 where node = claim order by depth limit 20",
    "neighbours finding 2 depth 2",
    "neighbours document 1 depth 2",
    "neighbours event 2 depth 3",
    "neighbours entity 2",
    "neighbours claim 99999",
    "path \"Nobody At All\" to \"Nobody Else\"",
    "count entities",
    "events limit 3",
    "events where kind = strike limit 3",
    "events where kind in (shelling, strike) and id > 2 limit 4",
    "events order by date desc limit 3",
    "count events",
    "count events where kind = strike",
    "count events where date >= 2000-02-01",
    "events in document 2",
    "documents limit 3",
    "documents where id > 3 limit 2",
    "count documents where published >= 2000-02-01",
    "documents where title contains \"a\" limit 2",
    "explain claims limit 3",
];

/// Statements naming the entities of a store, for each relation.
fn named(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = ws.spellings().to_vec();
    names.truncate(15);
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let q = format!("{n:?}");
        out.push(format!("entity {q}"));
        let rel = ["by", "in", "via", "about", "involving", "at"][i % 6];
        out.push(format!("claims {rel} {q} limit 5"));
        out.push(format!("count claims where {rel} {q} or measure = killed"));
        out.push(format!("claims where not {rel} {q} limit 3"));
        out.push(format!("findings where {rel} {q} limit 4"));
        out.push(format!("count contradictions where {rel} {q}"));
        out.push(format!("timeline {q} limit 4"));
        let on = ["at", "in", "involving"][i % 3];
        out.push(format!("events {on} {q} limit 3"));
        out.push(format!("count events where not {on} {q}"));
        out.push(format!(
            "documents {} {q} limit 3",
            ["in", "involving"][i % 2]
        ));
        out.push(format!("neighbours {q} depth {}", 1 + i % 3));
        if let Some(other) = names.get((i * 7 + 3) % names.len()) {
            out.push(format!("path {q} to {other:?}"));
        }
    }
    out
}

fn compare(path: &Path) {
    let whole = Workspace::load(Store::open_existing(path).unwrap()).unwrap();
    let indexed = Workspace::open(Store::open_existing(path).unwrap()).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let here = std::env::current_dir().unwrap();
    std::env::set_current_dir(cwd.path()).unwrap();
    let mut cases: Vec<(String, String)> = STATEMENTS
        .iter()
        .map(|s| (s.to_string(), s.to_string()))
        .collect();
    cases.extend(named(&whole).into_iter().map(|s| (s.clone(), s)));
    for f in query_files() {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        cases.push((f.display().to_string(), text));
    }
    for (name, text) in &cases {
        // each file's exports go to a folder of their own
        let dir = tempfile::tempdir_in(cwd.path()).unwrap();
        std::env::set_current_dir(dir.path()).unwrap();
        let a = run(&whole, name, text);
        let dir = tempfile::tempdir_in(cwd.path()).unwrap();
        std::env::set_current_dir(dir.path()).unwrap();
        let b = run(&indexed, name, text);
        assert_eq!(a, b, "{name} differs on {}", path.display());
    }
    std::env::set_current_dir(here).unwrap();
}

#[test]
fn indexed_answers_equal_whole_graph_answers() {
    let dir = tempfile::tempdir().unwrap();
    // the sample corpus, through the extractor
    let sample = dir.path().join("sample.db");
    {
        let mut store = Store::open(&sample).unwrap();
        let articles = claimgraph::corpus::sample::articles().unwrap();
        claimgraph::ingest::ingest_articles(&mut store, &Extractor::builtin(), articles).unwrap();
    }
    compare(&sample);
    // a synthetic corpus with findings of every kind
    let synth = dir.path().join("synth.db");
    {
        let import = Plan::generate(&Config::new(7, 1_500)).import_records();
        let mut store = Store::open(&synth).unwrap();
        claimgraph::export::import::write(&mut store, &import).unwrap();
    }
    compare(&synth);
}
