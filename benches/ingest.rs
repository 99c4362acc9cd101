//! Ingest throughput on a generated corpus of 10 000 articles (documents/s
//! and MB/s), and the cost of cleaning one article.
//!
//! `cargo bench --bench ingest -- scale [CLAIMS...]` (default 10000 100000)
//! measures ingest at scale instead, through the real extractor, on the
//! synthetic coverage of [`claimgraph::synth`] written as JSON Lines under
//! `target/bench-corpus/`: for each size, MB/s of article text and peak
//! memory with 1 and 2 preparing threads (each ingest in a child process of
//! its own, so that its peak RSS is its own), then 100 new articles into an
//! empty database and into the one just built (incremental cost), and the
//! planted findings against those found. The databases are kept
//! (`synth-N.db`) for other benchmarks to reuse.
//!
//! Measured on the shared 2-core machine (load average 7–10), 29 Nov 2026,
//! CPU seconds beside wall time since the neighbours take cores:
//!
//! | claims | MB | before (dc95541): wall s, CPU s, peak MiB | 1 thread: wall, CPU, MiB | 2 threads: wall, CPU, MiB |
//! |---|---|---|---|---|
//! | 10k | 2.2 | 17.1, 4.7, 87 | 4.8, 3.1, 93 | 3.7, 3.1, 110 |
//! | 100k | 22.2 | 229.7, 45.6, 679 | 42.1, 28.3, 742 | 43.6, 34.3, 768 |
//!
//! The same rows, ids included, with 1 thread, 2 threads and before. Both
//! thread counts are bound by the per-article fixed cost of extraction on
//! these short (260-byte) articles and by the comparison of the whole store
//! at the end (7.5 s of the 100k run; 100 articles into the 100k database
//! take 7.5 s against 0.2 s into an empty one).
//!
//! The corpus is made from the five sample articles, each copy given a unique
//! headline, dateline number and figures so that every document has its own
//! content hash. Run with `cargo bench --bench ingest`; set
//! `CLAIMGRAPH_BENCH_CORPUS=DIR` to write the corpus to DIR and keep it (to
//! measure the binary, e.g. with `/usr/bin/time -v claimgraph ingest DIR`).

mod common;

use claimgraph::corpus::{self, LoadOptions};
use claimgraph::extract::Extractor;
use claimgraph::ingest::{self, IngestOptions, Summary};
use claimgraph::store::Store;
use common::{cpu_secs, status_kb};
use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const ARTICLES: usize = 10_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "child") {
        return child(&args[at + 1..]);
    }
    if let Some(at) = args.iter().position(|a| a == "scale") {
        let sizes: Vec<usize> = args[at + 1..]
            .iter()
            .filter_map(|a| a.parse().ok())
            .collect();
        return scale(if sizes.is_empty() {
            vec![10_000, 100_000]
        } else {
            sizes
        });
    }
    divan::main();
}

/// Write `articles` as JSON Lines (text, outlet, published, source).
fn write_jsonl(path: &Path, articles: &[claimgraph::synth::Article]) -> u64 {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus file"));
    let mut bytes = 0;
    for a in articles {
        bytes += a.text.len() as u64;
        let line = serde_json::json!({
            "text": a.text,
            "outlet": a.meta.outlet,
            "published": a.meta.published.map(|d| d.to_string()),
            "source": a.source,
        });
        writeln!(out, "{line}").expect("corpus line");
    }
    out.flush().expect("corpus file");
    bytes
}

/// `child JSONL DB THREADS`: ingest one file, print seconds, peak kB and
/// the summary on one line.
fn child(args: &[String]) {
    let (Some(input), Some(db), Some(threads)) = (args.first(), args.get(1), args.get(2)) else {
        panic!("child JSONL DB THREADS");
    };
    let threads: usize = threads.parse().expect("threads");
    // Overrides, to choose the defaults by measurement.
    let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<i64>().ok());
    let mut options = IngestOptions {
        threads,
        ..IngestOptions::default()
    };
    if let Some(n) = var("CLAIMGRAPH_BENCH_BATCH") {
        options.batch_size = n as usize;
    }
    if let Some(n) = var("CLAIMGRAPH_BENCH_CACHE_MIB") {
        options.tuning.cache_mib = n;
    }
    if let Some(n) = var("CLAIMGRAPH_BENCH_CHECKPOINT") {
        options.tuning.checkpoint_pages = n;
    }
    let started = std::time::Instant::now();
    let mut store = Store::open(Path::new(db)).expect("database");
    let items = corpus::Articles::new(
        corpus::expand(&[PathBuf::from(input)]),
        LoadOptions::default(),
    );
    let mut summary = Summary::default();
    ingest::run(
        &mut store,
        &Extractor::builtin(),
        items,
        options,
        &mut summary,
        &mut |_| {},
    )
    .expect("ingest");
    println!(
        "{:.3} {} {} {} {:.2}",
        started.elapsed().as_secs_f64(),
        status_kb("VmHWM:"),
        summary.added,
        summary.failed,
        cpu_secs()
    );
}

/// Run one ingest in a child process: (seconds, peak MiB, added, CPU
/// seconds).
fn run_child(input: &Path, db: &Path, threads: usize) -> (f64, f64, u64, f64) {
    let out = std::process::Command::new(std::env::current_exe().expect("bench binary"))
        .arg("child")
        .arg(input)
        .arg(db)
        .arg(threads.to_string())
        .output()
        .expect("child");
    let text = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<&str> = text.split_whitespace().collect();
    if !out.status.success() || fields.len() < 5 {
        panic!("child failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    (
        fields[0].parse().unwrap_or(f64::NAN),
        fields[1].parse::<f64>().unwrap_or(0.0) / 1024.0,
        fields[2].parse().unwrap_or(0),
        fields[4].parse().unwrap_or(f64::NAN),
    )
}

fn scale(sizes: Vec<usize>) {
    use claimgraph::synth::{score, Config, Plan};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    std::fs::create_dir_all(&dir).expect("bench folder");
    // 100 articles from another seed, for the incremental measure.
    let extra = dir.join("synth-extra-100.jsonl");
    let extra_plan = Plan::generate(&Config::realistic(7, 1_000));
    let mut extra_articles = extra_plan.articles();
    extra_articles.truncate(100);
    let extra_bytes = write_jsonl(&extra, &extra_articles);

    println!("| claims | articles | MB of text | threads | wall s | MB/s | CPU s | MB per CPU s | peak MiB |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut later = Vec::new();
    for size in sizes {
        let plan = Plan::generate(&Config::realistic(2026, size));
        let articles = plan.articles();
        let input = dir.join(format!("synth-{size}.jsonl"));
        let bytes = write_jsonl(&input, &articles);
        let mb = bytes as f64 / 1e6;
        let keep = dir.join(format!("synth-{size}.db"));
        let counts: Vec<usize> = std::env::var("CLAIMGRAPH_BENCH_THREADS")
            .ok()
            .map(|v| v.split(',').filter_map(|t| t.parse().ok()).collect())
            .unwrap_or_else(|| vec![1, 2]);
        let last = counts.last().copied().unwrap_or(2);
        for &threads in &counts {
            let db = dir.join(format!("synth-{size}-t{threads}.db"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            let (secs, peak, added, cpu) = run_child(&input, &db, threads);
            println!(
                "| {} | {added} | {mb:.1} | {threads} | {secs:.1} | {:.2} | {cpu:.1} | {:.2} | {peak:.0} |",
                plan.claim_count(),
                mb / secs,
                mb / cpu
            );
            if threads == last {
                let _ = std::fs::rename(&db, &keep);
            } else {
                let _ = std::fs::remove_file(&db);
            }
        }
        // Planted findings against those found, claims matched by span.
        let conn = rusqlite::Connection::open(&keep).expect("database");
        let by_source: std::collections::HashMap<&str, &claimgraph::synth::Article> =
            articles.iter().map(|a| (a.source.as_str(), a)).collect();
        let mut planned = std::collections::HashMap::new();
        let mut stmt = conn
            .prepare("SELECT c.id, d.source, c.start, c.end FROM claims c JOIN documents d ON d.id = c.document")
            .expect("claims");
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .expect("claims");
        let mut extracted = 0usize;
        for row in rows.flatten() {
            extracted += 1;
            let (id, source, start, end) = row;
            if let Some(p) = by_source.get(source.as_str()).and_then(|a| {
                a.claim_at(claimgraph::model::Span::new(start as usize, end as usize))
            }) {
                planned.insert(id, p);
            }
        }
        let mut stmt = conn
            .prepare("SELECT kind, a, b FROM findings")
            .expect("findings");
        let found: Vec<_> = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .expect("findings")
            .flatten()
            .filter_map(|(k, a, b)| Some((k.parse().ok()?, *planned.get(&a)?, *planned.get(&b)?)))
            .collect();
        let total: i64 = conn
            .query_row("SELECT count(*) FROM findings", [], |r| r.get(0))
            .unwrap_or(0);
        let mut lines = vec![format!(
            "{size}: {} planned claims, {extracted} extracted ({} matched to a planned one), {total} findings stored",
            plan.claim_count(),
            planned.len()
        )];
        for s in score(plan.truth(), &found) {
            lines.push(format!(
                "  {}: planted {}, found among planned claims {}, matched {} (precision {:.3}, recall {:.3})",
                s.kind, s.planted, s.found, s.matched, s.precision(), s.recall()
            ));
        }
        // Incremental: 100 new articles into an empty database, and into
        // a copy of the one just built.
        let empty = dir.join("incremental-empty.db");
        let copy = dir.join("incremental-copy.db");
        for db in [&empty, &copy] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
        }
        std::fs::copy(&keep, &copy).expect("copy");
        let (empty_secs, _, _, _) = run_child(&extra, &empty, 2);
        let (full_secs, full_peak, _, _) = run_child(&extra, &copy, 2);
        lines.push(format!(
            "  incremental, 100 articles ({:.1} kB): {empty_secs:.2} s into an empty database, {full_secs:.2} s ({full_peak:.0} MiB) into this one: {:.1}x",
            extra_bytes as f64 / 1e3,
            full_secs / empty_secs
        ));
        for db in [&empty, &copy] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
        }
        later.extend(lines);
    }
    println!();
    for line in later {
        println!("{line}");
    }
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
