//! Benchmark: from starting `claimgraph repl` to its first prompt, and to the
//! first answer, on a database of 1 000 000 claims (issue 6).
//!
//! The database is written once with plain SQL into the store's own schema
//! (100 000 documents of 10 numeric claims each, 20 000 entities) under
//! `target/bench/`, or at `$CLAIMGRAPH_BENCH_REPL_DB`. The release binary is
//! then started in a pseudo-terminal, as a user would, five times; the
//! median times and the memory at the first prompt and after the first
//! answer (VmHWM) are printed.
//!
//! The first answer is timed to its rows (the table's data row with the
//! count), not to the editor's echo of the typed statement; Ctrl-D is sent
//! only once the prompt is back, and a REPL that does not end within the
//! timeout is killed rather than waited for.
//!
//! Run: `cargo bench --bench repl_start` (set `CLAIMGRAPH_BENCH_CLAIMS` for
//! another size).

use claimgraph::store::Store;
use rexpect::session::spawn_command;
use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CLAIMS_PER_DOC: usize = 10;

fn build(path: &Path, claims: usize) {
    let docs = claims / CLAIMS_PER_DOC;
    let entities = (docs / 5).max(100);
    drop(Store::open(path).expect("create the store"));
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut ent = tx
            .prepare("INSERT INTO entities (id, name, kind) VALUES (?1, ?2, ?3)")
            .unwrap();
        for e in 1..=entities {
            let kind = ["person", "place", "organization", "outlet"][e % 4];
            ent.execute(params![e as i64, format!("Entité {e}"), kind])
                .unwrap();
        }
        let mut doc = tx
            .prepare(
                "INSERT INTO documents (id, hash, source, outlet, published, language, len, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'fr', ?6, ?7)",
            )
            .unwrap();
        let mut claim = tx
            .prepare(
                "INSERT INTO claims (document, kind, polarity, start, end, sentence_start, sentence_end,
                                     quote, claimant, outlet, measure, value, bound, lo, hi, subject)
                 VALUES (?1, 'numeric', 'affirm', ?2, ?3, ?2, ?3, ?4, ?5, ?6, 'killed', ?7, 'exact', ?7, ?7, 'soldats')",
            )
            .unwrap();
        for d in 1..=docs {
            let text = format!("Article {d}. Selon les autorités, {d} soldats ont été tués.");
            let day = 1 + d % 28;
            doc.execute(params![
                d as i64,
                format!("{d:064x}"),
                format!("bench:{d}"),
                format!("Média {}", d % 50),
                format!("2024-03-{day:02}"),
                text.len() as i64,
                text
            ])
            .unwrap();
            for c in 0..CLAIMS_PER_DOC {
                let value = (d * 7 + c) % 500;
                claim
                    .execute(params![
                        d as i64,
                        0i64,
                        10i64,
                        format!("{value} soldats tués"),
                        (1 + (d + c) % entities) as i64,
                        (1 + d % entities) as i64,
                        value as f64
                    ])
                    .unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

fn rss_kib(pid: i32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let claims: usize = std::env::var("CLAIMGRAPH_BENCH_CLAIMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let path = std::env::var_os("CLAIMGRAPH_BENCH_REPL_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/bench")
                .join(format!("repl-{claims}.db"))
        });
    if !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let started = Instant::now();
        build(&path, claims);
        eprintln!(
            "built {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let history = tempfile::NamedTempFile::new().unwrap();
    let (mut to_prompt, mut to_answer) = (Vec::new(), Vec::new());
    let (mut rss_prompt, mut hwm) = (0, 0);
    for _ in 0..5 {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
        cmd.arg("--db")
            .arg(&path)
            .arg("repl")
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("CLAIMGRAPH_HISTORY", history.path());
        let started = Instant::now();
        let mut p = spawn_command(cmd, Some(120_000)).unwrap();
        p.exp_string("claimgraph> ").unwrap();
        to_prompt.push(started.elapsed());
        let pid = p.process().child_pid.as_raw();
        rss_prompt = rss_kib(pid, "VmRSS:");
        p.send_line("count claims where value >= 250").unwrap();
        // The answer's data row ("│ 499000 │"): the echo of the statement
        // has no table border, the header row no digits.
        p.exp_regex(r"│ *[0-9]+ *│").unwrap();
        to_answer.push(started.elapsed());
        hwm = rss_kib(pid, "VmHWM:");
        // Ctrl-D once the prompt is back, so that it never arrives while
        // the statement runs; a REPL still there after that is killed.
        p.exp_string("claimgraph> ").unwrap();
        p.send_control('d').unwrap();
        if p.exp_eof().is_err() {
            eprintln!("the REPL did not end on Ctrl-D; killed");
            let _ = p.process_mut().exit();
        }
    }
    println!("repl start on {claims} claims ({}):", path.display());
    println!("  to first prompt: median {:?}", median(to_prompt));
    println!(
        "  to first answer (its rows): median {:?}",
        median(to_answer)
    );
    println!(
        "  memory: {} MiB at the first prompt, {} MiB peak after the first answer ({} bytes per claim)",
        rss_prompt / 1024,
        hwm / 1024,
        hwm * 1024 / claims as u64
    );
}
