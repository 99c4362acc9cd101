//! Extraction throughput on article text (the sample corpus, repeated), in
//! bytes per second, at three sizes to show it stays linear.

use claimgraph::extract::Extractor;
use claimgraph::model::DocMeta;
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

fn corpus(size: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let one: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::with_capacity(size + one.len());
    while text.len() < size {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    text
}

#[divan::bench(args = [100_000, 1_000_000, 5_000_000], sample_count = 5)]
fn extract(bencher: Bencher, size: usize) {
    let x = Extractor::builtin();
    let text = corpus(size);
    let meta = DocMeta {
        outlet: Some("RT en français".into()),
        published: chrono::NaiveDate::from_ymd_opt(2022, 3, 26),
        ..DocMeta::default()
    };
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| x.extract(divan::black_box(&text), &meta, &[]));
}

#[divan::bench(sample_count = 5)]
fn run_on_line(bencher: Bencher) {
    let x = Extractor::builtin();
    let unit = "les forces azerbaïdjanaises ont tué au moins 3 soldats près de la localité de Parukh selon le ministère russe de la Défense ";
    let text = unit.repeat(5_000_000 / unit.len());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| x.extract(divan::black_box(&text), &DocMeta::default(), &[]));
}
