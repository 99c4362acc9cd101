//! The real binary against interruption and concurrency (issue 12): two
//! ingests of the halves of a corpus into a fresh database, an ingest
//! killed after a batch and run again, and the first open of a new
//! database while another process holds it. Each ends with exactly the
//! documents, claims and findings of one clean sequential ingest, compared
//! as sets of contents (never ids).

#[path = "common/rows.rs"]
mod rows;

use assert_cmd::Command;
use claimgraph::extract::Extractor;
use claimgraph::ingest::prepare;
use claimgraph::store::Store;
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");
const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/corpus");

fn bin() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"));
    cmd.env_remove("CLAIMGRAPH_DB").env("NO_COLOR", "1");
    cmd
}

/// The articles of the sample corpus and the dev set (with their sidecars),
/// copied alternately into `dir/a` and `dir/b`.
fn halves(dir: &Path) {
    let mut files: Vec<PathBuf> = [SAMPLE, DEV]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for (i, txt) in files.iter().enumerate() {
        let half = dir.join(if i % 2 == 0 { "a" } else { "b" });
        std::fs::create_dir_all(&half).unwrap();
        let name = txt.file_name().unwrap();
        std::fs::copy(txt, half.join(name)).unwrap();
        let meta = txt.with_extension("meta.json");
        if meta.exists() {
            std::fs::copy(&meta, half.join(meta.file_name().unwrap())).unwrap();
        }
    }
}

/// Documents, claims and findings of a database, by content.
#[derive(Debug, PartialEq, Eq)]
struct Contents {
    documents: BTreeSet<(String, String)>,
    claims: BTreeSet<String>,
    findings: BTreeSet<String>,
}

fn contents(db: &Path) -> Contents {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let rows = |sql: &str| rows::row_set(&conn, sql);
    let documents = rows("SELECT hash, source FROM documents")
        .into_iter()
        .map(|r| {
            let (h, s) = r.split_once(" | ").unwrap();
            (h.to_string(), s.to_string())
        })
        .collect();
    let claims = rows(
        "SELECT d.source, c.start, c.end, c.kind, c.polarity, c.measure, c.lo, c.hi, c.quote
         FROM claims c JOIN documents d ON d.id = c.document",
    );
    let findings = rows(
        "SELECT f.kind, da.source, ca.start, ca.end, ca.kind, db.source, cb.start, cb.end, cb.kind
         FROM findings f
         JOIN claims ca ON ca.id = f.a JOIN documents da ON da.id = ca.document
         JOIN claims cb ON cb.id = f.b JOIN documents db ON db.id = cb.document",
    );
    Contents {
        documents,
        claims,
        findings,
    }
}

fn pending(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM pending_comparison", [], |r| r.get(0))
        .unwrap()
}

/// One clean sequential ingest of both halves.
fn clean(dir: &Path) -> Contents {
    let out = bin()
        .current_dir(dir)
        .args(["--db", "clean.db", "ingest", "a", "b"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let clean = contents(&dir.join("clean.db"));
    assert!(
        clean.findings.len() >= 20,
        "{} findings",
        clean.findings.len()
    );
    clean
}

#[test]
fn two_ingests_of_the_halves_give_the_findings_of_one() {
    let dir = tempfile::tempdir().unwrap();
    halves(dir.path());
    let clean = clean(dir.path());
    for round in 0..2 {
        let db = format!("par{round}.db");
        let spawn = |half: &str| {
            bin()
                .current_dir(dir.path())
                .args([
                    "--db",
                    &db,
                    "--lock-timeout",
                    "60",
                    "ingest",
                    "--batch-size",
                    "2",
                    half,
                ])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        // Both start on a database that does not exist yet.
        let (a, b) = (spawn("a"), spawn("b"));
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(pending(&dir.path().join(&db)), 0);
        assert_eq!(contents(&dir.path().join(&db)), clean, "round {round}");
    }
}

#[test]
fn an_ingest_killed_after_a_batch_and_run_again_ends_as_a_clean_one() {
    let dir = tempfile::tempdir().unwrap();
    halves(dir.path());
    let clean = clean(dir.path());
    let db = dir.path().join("killed.db");
    let mut child = bin()
        .current_dir(dir.path())
        .args(["--db", "killed.db", "ingest", "--batch-size", "2", "a", "b"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as the first batch has committed.
    let started = Instant::now();
    loop {
        let committed = Connection::open(&db)
            .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        if committed > 0 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let interrupted = contents(&db);
    assert!(!interrupted.documents.is_empty());
    assert!(interrupted.documents.len() < clean.documents.len());
    assert!(pending(&db) > 0, "the killed run left its documents marked");

    let rerun = Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
        .current_dir(dir.path())
        .env_remove("CLAIMGRAPH_DB")
        .args(["--db", "killed.db", "ingest", "a", "b"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&rerun.get_output().stderr).to_string();
    assert!(stderr.contains("skipped"), "{stderr}");
    assert_eq!(pending(&db), 0);
    assert_eq!(contents(&db), clean);

    // Even a re-run that adds nothing completes an interrupted comparison.
    let db2 = dir.path().join("killed2.db");
    {
        let x = Extractor::builtin();
        let mut store = Store::open(&db2).unwrap();
        let articles = claimgraph::corpus::sample::articles().unwrap();
        let batch: Vec<_> = articles.into_iter().map(|a| prepare(a, &x)).collect();
        store.ingest_with(&batch, x.entity_index()).unwrap();
    } // dropped without comparing, as a kill after the commit would
    assert_eq!(pending(&db2), 5);
    let out = bin()
        .current_dir(dir.path())
        .args(["--db", "killed2.db", "stats"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("comparison pending for 5 documents"),
        "{stdout}"
    );
    let out = bin()
        .current_dir(dir.path())
        .args(["--db", "killed2.db", "query", "count findings"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("comparison pending for 5 documents"),
        "{stderr}"
    );
    let out = bin()
        .current_dir(dir.path())
        .args(["--db", "killed2.db", "ingest", SAMPLE])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "added 0, skipped 5 duplicates, failed 0\n"
    );
    assert_eq!(pending(&db2), 0);
    let findings: i64 = Connection::open(&db2)
        .unwrap()
        .query_row("SELECT count(*) FROM findings", [], |r| r.get(0))
        .unwrap();
    assert!(findings >= 5, "{findings}");
}

#[test]
fn the_first_open_of_a_new_database_waits_for_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    // Another process has just created the file and holds its write lock,
    // as a first ingest switching it to WAL and migrating it would.
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let child = bin()
        .current_dir(dir.path())
        .args([
            "--db",
            "new.db",
            "--lock-timeout",
            "30",
            "ingest",
            &format!("{SAMPLE}/000_0bbafe396988a152.txt"),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // With a short timeout the wait runs out, after the timeout, not at once.
    let db = dir.path().join("new2.db");
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = bin()
        .current_dir(dir.path())
        .args([
            "--db",
            "new2.db",
            "--lock-timeout",
            "0.5",
            "ingest",
            &format!("{SAMPLE}/000_0bbafe396988a152.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(started.elapsed() >= Duration::from_millis(450));
    drop(holder);
}
