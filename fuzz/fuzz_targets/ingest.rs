//! Any bytes as an article, through the whole ingest: decoding, cleaning,
//! extraction, entity resolution, storage and comparison must never panic,
//! and what is stored must hold together (spans on character boundaries of
//! the stored text, each quote the text of its span). The first bytes
//! choose how the input is cut into one to three articles, so that entity
//! resolution and comparison across articles are exercised too.
#![no_main]

use claimgraph::corpus::{load::decode, Article};
use claimgraph::extract::Extractor;
use claimgraph::ingest::ingest_articles;
use claimgraph::model::DocMeta;
use claimgraph::store::Store;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Some((&cuts, rest)) = data.split_first() else {
        return;
    };
    let parts = 1 + usize::from(cuts % 3);
    let size = rest.len() / parts + 1;
    let articles: Vec<Article> = rest
        .chunks(size)
        .enumerate()
        .filter_map(|(i, bytes)| {
            Some(Article {
                source: format!("fuzz:{i}"),
                text: decode(bytes.to_vec()).ok()?,
                meta: DocMeta {
                    outlet: Some(["Le Monde", "AFP", "Libération"][i % 3].into()),
                    published: chrono::NaiveDate::from_ymd_opt(2024, 3, 1 + i as u32),
                    ..DocMeta::default()
                },
            })
        })
        .collect();
    let Ok(mut store) = Store::open_in_memory() else {
        return;
    };
    if ingest_articles(&mut store, extractor(), articles).is_err() {
        return;
    }
    for c in store.claims().expect("claims read back") {
        let text = store
            .document_text(c.document)
            .expect("text read back")
            .expect("every claim's document is stored");
        assert!(text.get(c.sentence.start..c.sentence.end).is_some());
        assert_eq!(c.span.slice(&text), Some(c.quote.as_str()));
    }
});
