//! Arbitrary input through the whole ingest (decoding, cleaning,
//! extraction, entity resolution, storage, comparison): it never panics,
//! the database stays intact (SQLite's integrity and foreign-key checks),
//! every stored span lies on its document's character boundaries, and
//! every quote is the text its span covers. Beside the query language's
//! property tests (tests/query_parse.rs); the fuzz/ targets `ingest` and
//! `parse_query` run the same checks for as long as one likes.

#[path = "common/rows.rs"]
mod rows;

use claimgraph::corpus::{load::decode, Article};
use claimgraph::extract::Extractor;
use claimgraph::ingest::ingest_articles;
use claimgraph::model::{DocMeta, Span};
use claimgraph::store::Store;
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::builtin)
}

/// Ingest `texts` (bytes as read from files) into a fresh database file and
/// check it. Bytes that ingest refuses (not UTF-8, NUL, empty) are refused
/// with an error, never a panic.
fn ingest_and_check(texts: &[Vec<u8>]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = Store::open(&path).unwrap();
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, bytes)| {
            let text = decode(bytes.clone()).ok()?;
            Some(Article {
                source: format!("prop:{i}"),
                text,
                meta: DocMeta {
                    outlet: Some(["Le Monde", "AFP", "Libération"][i % 3].into()),
                    published: chrono::NaiveDate::from_ymd_opt(2024, 3, 1 + i as u32 % 20),
                    ..DocMeta::default()
                },
            })
        })
        .collect();
    ingest_articles(&mut store, extractor(), articles).unwrap();
    let text_of = |id: i64| {
        store
            .document_text(id)
            .unwrap()
            .expect("every claim's document is stored")
    };
    let fits = |text: &str, s: &Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    for c in store.claims().unwrap() {
        let text = text_of(c.document);
        assert!(fits(&text, &c.span) && fits(&text, &c.sentence), "{c:?}");
        assert_eq!(c.span.slice(&text), Some(c.quote.as_str()));
        if let Some(q) = &c.quantity {
            assert!(q.interval.hi.map_or(true, |h| q.interval.lo <= h), "{q:?}");
        }
    }
    // Cost bounded by the input, without a clock: the comparison makes at
    // most a constant number of findings per claim (one voice's list is
    // compared through its largest figure, each figure with a few next
    // steps of its series, a repeated figure reaches a few outlets), never
    // one per pair of claims.
    let claims = store.claims().unwrap().len();
    let findings = store.findings().unwrap().len();
    assert!(
        findings <= 16 * claims.max(1),
        "{findings} findings for {claims} claims"
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    rows::assert_sound(&conn);
}

/// Pieces of French news text, glued at random into sentences that look
/// like articles to the extractor: figures, bounds, tolls, speech verbs,
/// sources, places, persons, quotes, denials, dates.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Selon l'AFP,".to_string()),
        Just("d'après le ministère de la Santé,".to_string()),
        Just("au moins".to_string()),
        Just("plus de".to_string()),
        Just("entre 300 et 650".to_string()),
        Just("soldats ont été tués".to_string()),
        Just("civils blessés".to_string()),
        Just("le bilan s'est alourdi à".to_string()),
        Just("a déclaré".to_string()),
        Just("a démenti".to_string()),
        Just("le président Emmanuel Macron".to_string()),
        Just("Volodymyr Zelensky".to_string()),
        Just("à Kiev".to_string()),
        Just("dans la région de Kherson".to_string()),
        Just("le village de Moura".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("(AFP)".to_string()),
        Just("le 9 novembre 2020".to_string()),
        Just("mardi".to_string()),
        Just("dont deux enfants".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n\n".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[A-ZÉ][a-zéèàç]{2,9}",
        "\\PC{0,12}",
    ]
}

/// 96 cases a run, or `PROPTEST_CASES` to run longer.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_break_ingest(
        docs in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..400), 1..3)
    ) {
        ingest_and_check(&docs);
    }

    #[test]
    fn french_shaped_text_never_breaks_ingest(
        docs in prop::collection::vec(prop::collection::vec(piece(), 0..120), 1..4)
    ) {
        let docs: Vec<Vec<u8>> = docs.iter().map(|d| d.join(" ").into_bytes()).collect();
        ingest_and_check(&docs);
    }
}

#[test]
fn refused_bytes_are_errors() {
    ingest_and_check(&[b"\0\0".to_vec(), vec![0xff, 0xfe], b"   ".to_vec()]);
}
