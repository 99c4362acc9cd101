//! JSON export and import: the sample corpus exported and imported into an
//! empty database gives the same documents, entities, events, claims and
//! findings (compared by content: ids may be remapped); a subgraph imports
//! with its findings; importing twice changes nothing; every bad file in
//! `tests/data/import/bad_*.json` is refused with a located message (an
//! insta snapshot each) and leaves the database as it was.

use claimgraph::engine::Workspace;
use claimgraph::export::{import, json};
use claimgraph::extract::Extractor;
use claimgraph::model::{ClaimRecord, EventRecord, FindingRecord};
use claimgraph::query;
use claimgraph::store::import::ImportOutcome;
use claimgraph::store::Store;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn sample_store() -> Store {
    claimgraph::ingest::sample_store(&Extractor::builtin()).expect("sample corpus")
}

/// Everything a store holds, keyed by content rather than by id.
#[derive(Debug, PartialEq)]
struct Content {
    documents: Vec<String>,
    entities: Vec<String>,
    mentions: Vec<String>,
    events: Vec<String>,
    claims: Vec<String>,
    findings: Vec<String>,
}

fn content(store: &Store) -> Content {
    let docs: HashMap<i64, String> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| (d.id, d.hash))
        .collect();
    let entities: HashMap<i64, String> = store
        .entities()
        .unwrap()
        .into_iter()
        .map(|e| (e.id, format!("{} ({})", e.name, e.kind)))
        .collect();
    let name = |id: Option<i64>| id.map(|i| entities[&i].clone());
    let events: HashMap<i64, EventRecord> = store
        .events()
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let event_key = |e: &EventRecord| {
        let mut who: Vec<String> = e
            .participants
            .iter()
            .map(|p| format!("{}:{}", entities[&p.entity], p.role))
            .collect();
        who.sort();
        format!(
            "{} {:?} {} {:?} at {:?} {who:?}",
            docs[&e.document],
            e.span,
            e.kind,
            e.time,
            name(e.place)
        )
    };
    let claims: HashMap<i64, ClaimRecord> = store
        .claims()
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let claim_key = |c: &ClaimRecord| {
        format!(
            "{} {:?} {:?} {} {} {:?} by {:?} in {:?} via {:?} {:?} {:?} {:?} {:?} about {:?} {:?} {:?} denies {:?}",
            docs[&c.document],
            c.span,
            c.sentence,
            c.kind,
            c.polarity,
            c.quote,
            name(c.claimant),
            name(c.outlet),
            c.via.iter().map(|v| &entities[v]).collect::<Vec<_>>(),
            c.measure,
            c.quantity,
            c.subject,
            name(c.subject_entity),
            c.event.map(|e| event_key(&events[&e])),
            c.date,
            c.topic,
            c.denies.map(|d| claims_span(store, d)),
        )
    };
    let finding_key = |f: &FindingRecord| {
        format!(
            "{} {} | {} | {} | {:?}",
            f.kind,
            claim_key(&claims[&f.a]),
            claim_key(&claims[&f.b]),
            f.reason,
            f.independent
        )
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    Content {
        documents: sorted(
            store
                .documents()
                .unwrap()
                .iter()
                .map(|d| {
                    let text = store.document_text(d.id).unwrap();
                    format!(
                        "{} {} {:?} {:?} {:?}",
                        d.hash,
                        d.source,
                        d.meta,
                        text,
                        store.set_aside(d.id).unwrap()
                    )
                })
                .collect(),
        ),
        entities: sorted(
            store
                .entities()
                .unwrap()
                .iter()
                .map(|e| {
                    let mut aliases: Vec<String> = e
                        .aliases
                        .iter()
                        .map(|a| format!("{}={}", a.name, a.reason))
                        .collect();
                    aliases.sort();
                    format!("{} ({}) {aliases:?}", e.name, e.kind)
                })
                .collect(),
        ),
        mentions: sorted(
            store
                .mentions()
                .unwrap()
                .iter()
                .map(|m| format!("{} {:?} {}", docs[&m.document], m.span, entities[&m.entity]))
                .collect(),
        ),
        events: sorted(events.values().map(event_key).collect()),
        claims: sorted(claims.values().map(claim_key).collect()),
        findings: sorted(store.findings().unwrap().iter().map(finding_key).collect()),
    }
}

/// Assert two contents are equal, showing only the entries that differ.
fn assert_same(got: &Content, want: &Content, what: &str) {
    let fields = |c: &Content| {
        [
            ("documents", c.documents.clone()),
            ("entities", c.entities.clone()),
            ("mentions", c.mentions.clone()),
            ("events", c.events.clone()),
            ("claims", c.claims.clone()),
            ("findings", c.findings.clone()),
        ]
    };
    for ((name, g), (_, w)) in fields(got).into_iter().zip(fields(want)) {
        let only_got: Vec<&String> = g.iter().filter(|x| !w.contains(x)).collect();
        let only_want: Vec<&String> = w.iter().filter(|x| !g.contains(x)).collect();
        assert!(
            only_got.is_empty() && only_want.is_empty() && g.len() == w.len(),
            "{what}: {name} differ ({} vs {})\nonly in the copy: {only_got:#?}\nonly in the original: {only_want:#?}",
            g.len(),
            w.len()
        );
    }
}

fn claims_span(store: &Store, id: i64) -> String {
    let c = store
        .claims()
        .unwrap()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    format!("{:?}", c.span)
}

fn import_text(store: &mut Store, text: &str) -> ImportOutcome {
    import::import(store, "export.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn whole_graph_round_trip_gives_the_same_content() {
    let original = sample_store();
    let text = json::to_string(&json::whole(&original).unwrap());
    let mut copy = Store::open_in_memory().unwrap();
    let outcome = import_text(&mut copy, &text);
    let before = content(&original);
    assert!(!before.findings.is_empty() && !before.claims.is_empty());
    assert_eq!(outcome.documents, before.documents.len());
    assert_eq!(outcome.claims, before.claims.len());
    assert_same(&content(&copy), &before, "copy");

    // Importing the same file again changes nothing.
    let again = import_text(&mut copy, &text);
    assert_eq!(
        (again.documents, again.duplicates, again.claims),
        (0, before.documents.len(), 0)
    );
    assert_same(&content(&copy), &before, "copy");
}

#[test]
fn subgraph_round_trip_keeps_its_findings() {
    let ws = Workspace::load(sample_store()).unwrap();
    for q in [
        "contradictions",
        "agreements",
        "claims where measure = killed",
    ] {
        let plans = query::compile(q).unwrap();
        let nodes = ws.evaluate(&plans[0]).unwrap().nodes;
        let file = json::subgraph(&ws, &nodes, Some(q)).unwrap();
        assert_eq!(file.query.as_deref(), Some(q));
        let mut copy = Store::open_in_memory().unwrap();
        import_text(&mut copy, &json::to_string(&file));
        // Every claim and finding of the file is in the copy, found again by
        // the comparison rather than copied.
        let got = copy.findings().unwrap();
        assert_eq!(got.len(), file.findings.len(), "{q}");
        let reasons = |f: &[FindingRecord]| {
            let mut r: Vec<String> = f
                .iter()
                .map(|f| format!("{} {}", f.kind, f.reason))
                .collect();
            r.sort();
            r
        };
        assert_eq!(reasons(&got), reasons(&file.findings), "{q}");
        assert_eq!(copy.claims().unwrap().len(), file.claims.len(), "{q}");
        // And exporting the copy's whole graph gives the same records again.
        let back = json::whole(&copy).unwrap();
        let quotes = |c: &[ClaimRecord]| c.iter().map(|c| c.quote.clone()).collect::<Vec<_>>();
        assert_eq!(quotes(&back.claims), quotes(&file.claims), "{q}");
    }
}

#[test]
fn a_file_from_another_extractor_imports() {
    let path = data("valid_minimal.json");
    let mut store = Store::open_in_memory().unwrap();
    let outcome = import::import(
        &mut store,
        "valid_minimal.json",
        &std::fs::read(&path).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (outcome.documents, outcome.claims, outcome.new_entities),
        (1, 1, 2)
    );
    let claim = &store.claims().unwrap()[0];
    assert_eq!(claim.quote, "12 soldats ont été tués");
    let docs = store.documents().unwrap();
    assert_eq!(docs[0].source, "other-extractor:report-17");
    assert_eq!(
        docs[0].hash,
        claimgraph::store::content_hash(&store.document_text(docs[0].id).unwrap().unwrap())
    );
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

#[test]
fn bad_files_are_refused_with_their_location_and_nothing_is_written() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("bad_") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let mut store = Store::open_in_memory().unwrap();
    import::import(
        &mut store,
        "valid",
        &std::fs::read(data("valid_minimal.json")).unwrap(),
    )
    .unwrap();
    let before = content(&store);
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let name = format!("tests/data/import/{stem}.json");
        let err =
            import::import(&mut store, &name, &std::fs::read(&path).unwrap()).expect_err(&name);
        insta::assert_snapshot!(
            format!("import_{stem}"),
            format!("exit {}\n{err}", err.exit_code())
        );
        assert_eq!(err.exit_code(), 3, "{name}");
        assert_same(&content(&store), &before, &name);
    }
}

#[test]
fn a_failure_while_writing_rolls_everything_back() {
    let original = sample_store();
    let text = json::to_string(&json::whole(&original).unwrap());
    let records = import::parse("export.json", text.as_bytes()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let failing = |_: &Store| -> claimgraph::Result<Vec<FindingRecord>> {
        Err(claimgraph::Error::Usage("stop".to_string()))
    };
    assert!(store.import(&records, &failing).is_err());
    let stats = store.stats().unwrap();
    assert_eq!(
        format!("{stats:?}"),
        format!("{:?}", Store::open_in_memory().unwrap().stats().unwrap())
    );
    // And the store is usable afterwards.
    import::write(&mut store, &records).unwrap();
    assert_same(&content(&store), &content(&original), "after a rollback");
}
