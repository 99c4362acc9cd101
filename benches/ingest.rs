//! Ingest throughput on a generated corpus of 10 000 articles (documents/s
//! and MB/s), and the cost of cleaning one article.
//!
//! The corpus is made from the five sample articles, each copy given a unique
//! headline, dateline number and figures so that every document has its own
//! content hash. Run with `cargo bench --bench ingest`; set
//! `CLAIMGRAPH_BENCH_CORPUS=DIR` to write the corpus to DIR and keep it (to
//! measure the binary, e.g. with `/usr/bin/time -v claimgraph ingest DIR`).

use claimgraph::corpus::{self, LoadOptions};
use claimgraph::extract::Extractor;
use claimgraph::ingest::{self, IngestOptions, Summary};
use claimgraph::store::Store;
use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const ARTICLES: usize = 10_000;

fn main() {
    divan::main();
}

/// Article `i` of the generated corpus: a sample article with its own
/// headline and figures.
fn article(samples: &[corpus::Article], i: usize) -> String {
    let sample = &samples[i % samples.len()].text;
    let varied: String = sample
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + (i as u32 / 5)) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect();
    format!(
        "Dépêche n° {i} : point de situation\n\nPARIS, {} mars 2024, Agence {}.\n\n{varied}",
        1 + i % 28,
        i % 50
    )
}

/// The generated corpus on disk (100 folders of 100 files) and its size.
fn corpus_dir() -> &'static (PathBuf, u64) {
    static CORPUS: OnceLock<(PathBuf, u64)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = match std::env::var_os("CLAIMGRAPH_BENCH_CORPUS") {
            Some(dir) => PathBuf::from(dir),
            None => tempfile::tempdir().expect("temporary directory").keep(),
        };
        let samples = corpus::sample::articles().expect("sample corpus");
        let mut bytes = 0;
        for i in 0..ARTICLES {
            let sub = dir.join(format!("{:02}", i % 100));
            std::fs::create_dir_all(&sub).expect("corpus folder");
            let text = article(&samples, i);
            bytes += text.len() as u64;
            std::fs::write(sub.join(format!("{i:05}.txt")), text).expect("corpus file");
        }
        (dir, bytes)
    })
}

fn ingest_folder(dir: &Path, db: &Path) -> Summary {
    let mut store = Store::open(db).expect("database");
    let items = corpus::Articles::new(corpus::expand(&[dir.to_path_buf()]), LoadOptions::default());
    let mut summary = Summary::default();
    ingest::run(
        &mut store,
        &Extractor::builtin(),
        items,
        IngestOptions::default(),
        &mut summary,
        &mut |_| {},
    )
    .expect("ingest");
    summary
}

/// Folder → SQLite file, 10 000 articles, into a fresh database each time.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn ingest_10k_articles(bencher: Bencher) {
    let (dir, bytes) = corpus_dir();
    bencher
        .counter(ItemsCount::new(ARTICLES))
        .counter(BytesCount::new(*bytes))
        .with_inputs(|| tempfile::tempdir().expect("temporary directory"))
        .bench_local_values(|db_dir| {
            let summary = ingest_folder(dir, &db_dir.path().join("bench.db"));
            assert_eq!(summary.added as usize, ARTICLES);
            db_dir
        });
}

/// Cleaning alone, on the longest sample article.
#[divan::bench]
fn clean_one_article(bencher: Bencher) {
    let samples = corpus::sample::articles().expect("sample corpus");
    let longest = samples
        .iter()
        .max_by_key(|a| a.text.len())
        .expect("samples");
    bencher
        .counter(BytesCount::of_str(&longest.text))
        .bench(|| corpus::clean(divan::black_box(&longest.text), Some("fr")));
}
