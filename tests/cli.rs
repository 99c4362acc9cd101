//! The `claimgraph` binary end to end: ingest and stats, every bad input of
//! issue 2, concurrent writers and a kill in the middle of a large ingest.
//!
//! Each case runs the real binary in a fresh temporary directory, with
//! `$CLAIMGRAPH_DB` cleared, so cases cannot see each other's files.

use assert_cmd::Command;
use claimgraph::store::content_hash;
use predicates::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");

/// A temporary directory and the binary run inside it.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        Case {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("claimgraph").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("CLAIMGRAPH_DB")
            .env("NO_COLOR", "1");
        cmd
    }
    fn stats(&self, db: &str) -> serde_json::Value {
        let out = self
            .cmd()
            .args(["--db", db, "stats", "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
    fn count(&self, db: &str, sql: &str) -> i64 {
        Connection::open(self.path(db))
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    }
}

macro_rules! case {
    ($name:ident, |$case:ident| $body:block) => {
        #[test]
        fn $name() {
            let $case = Case::new();
            $body
        }
    };
}

/// `n` small distinct articles as JSON Lines.
fn jsonl_articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!("Titre {i}\n\nLe ministère a déclaré que {i} soldats ont été blessés dans la région.\n");
            serde_json::json!({ "text": text, "outlet": "Le Quotidien", "published": "2022-03-26" }).to_string() + "\n"
        })
        .collect()
}

case!(ingesting_the_sample_corpus_twice_changes_nothing, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success()
        .stderr("added 5, skipped 0 duplicates, failed 0\n");
    let first = c.stats("g.db");
    let rows = |c: &Case| {
        [
            "documents",
            "set_aside",
            "entities",
            "aliases",
            "mentions",
            "events",
            "claims",
            "findings",
        ]
        .map(|t| c.count("g.db", &format!("SELECT count(*) FROM {t}")))
    };
    let before = rows(&c);
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success()
        .stderr("added 0, skipped 5 duplicates, failed 0\n");
    assert_eq!(c.stats("g.db"), first);
    assert_eq!(rows(&c), before);
    assert_eq!(first["documents"], 5, "sidecars are not articles");
    assert!(before[1] > 0, "furniture was set aside");
});

case!(sidecar_metadata_and_outlet_entities, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    let conn = Connection::open(c.path("g.db")).unwrap();
    let (outlet, published): (String, String) = conn
        .query_row(
            "SELECT outlet, published FROM documents WHERE source LIKE '%002_%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (outlet.as_str(), published.as_str()),
        ("L'Indécapant", "2023-09-19")
    );
    // Each document's outlet is an entity of kind outlet (the extractor adds
    // the agencies the articles cite).
    assert_eq!(
        c.count(
            "g.db",
            "SELECT count(DISTINCT d.outlet) FROM documents d JOIN entities e \
             ON e.name = d.outlet AND e.kind = 'outlet'"
        ),
        5
    );
    let text_ok: i64 = c.count(
        "g.db",
        "SELECT count(*) FROM documents WHERE length(CAST(text AS BLOB)) = len",
    );
    assert_eq!(text_ok, 5, "texts are stored untouched");
});

case!(stats_without_database_uses_the_embedded_sample, |c| {
    let out = c.cmd().arg("stats").assert().success();
    let out = out.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("built-in sample corpus in memory"),
        "{stderr}"
    );
    insta::assert_snapshot!("stats_sample_table", String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        std::fs::read_dir(c.dir.path()).unwrap().count(),
        0,
        "no file written"
    );
});

case!(stats_prefers_claimgraph_db_in_the_current_directory, |c| {
    c.cmd()
        .args(["ingest", &format!("{CORPUS}/001_ff7876fc5e787a1c.txt")])
        .assert()
        .success();
    assert!(
        c.path("claimgraph.db").exists(),
        "ingest defaults to ./claimgraph.db"
    );
    c.cmd()
        .args(["stats", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"documents\": 1"))
        .stderr("");
});

case!(database_from_the_environment, |c| {
    c.cmd()
        .env("CLAIMGRAPH_DB", c.path("env.db"))
        .args(["ingest", CORPUS])
        .assert()
        .success();
    assert!(c.path("env.db").exists());
    assert!(!c.path("claimgraph.db").exists());
    c.cmd()
        .env("CLAIMGRAPH_DB", c.path("env.db"))
        .args(["stats", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"documents\": 5"));
    // the formats of every answer, as `query stats`
    let query = c
        .cmd()
        .env("CLAIMGRAPH_DB", c.path("env.db"))
        .args(["query", "stats", "--format", "csv"])
        .output()
        .unwrap();
    c.cmd()
        .env("CLAIMGRAPH_DB", c.path("env.db"))
        .args(["stats", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("what,count\ndocuments,5\n"))
        .stdout(String::from_utf8(query.stdout).unwrap());
});

case!(read_command_with_a_missing_database_fails, |c| {
    c.cmd()
        .args(["--db", "nope.db", "stats"])
        .assert()
        .code(4)
        .stderr("error: database nope.db: no such database file\n");
    assert!(!c.path("nope.db").exists());
});

case!(usage_errors_exit_2, |c| {
    c.cmd().arg("ingest").assert().code(2);
    c.cmd().args(["stats", "--format", "xml"]).assert().code(2);
    c.cmd()
        .args(["--lock-timeout", "-1", "stats"])
        .assert()
        .code(2);
    c.cmd().arg("--help").assert().success();
});

case!(bad_items_are_reported_and_the_rest_ingested, |c| {
    c.write(
        "good.txt",
        "Un titre\n\nLe ministre a déclaré que la situation était calme.\n",
    );
    c.write("empty.txt", "  \n\n");
    c.write("binary.txt", b"PK\x03\x04\x00\x00binary");
    c.write("latin1.txt", b"Le minist\xe8re a d\xe9clar\xe9.");
    c.write("bad-sidecar.txt", "Un autre article, avec du texte.");
    c.write("bad-sidecar.meta.json", "{\"published\": \"26 mars\"}");
    c.cmd()
        .args(["--db", "g.db", "ingest", "missing.txt", "good.txt", "empty.txt", "binary.txt", "latin1.txt", "bad-sidecar.txt"])
        .assert()
        .code(1)
        .stderr(
            "error: missing.txt: no such file or directory\n\
             error: empty.txt: empty article (no text)\n\
             error: binary.txt: binary file (NUL byte at offset 4); only UTF-8 text can be ingested\n\
             error: latin1.txt: not valid UTF-8 (byte 0xE8 at offset 9); convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`\n\
             error: bad-sidecar.meta.json: invalid metadata sidecar: invalid date \"26 mars\" (expected YYYY-MM-DD) at line 1 column 24\n\
             added 1, skipped 0 duplicates, failed 5\n",
        );
    assert_eq!(c.count("g.db", "SELECT count(*) FROM documents"), 1);
});

case!(json_lines_errors_name_the_line, |c| {
    let good = jsonl_articles(2);
    let mut lines = good.lines();
    let file = format!(
        "{}\n{{\"text\": \"broken\n\n{{\"outlet\": \"X\"}}\n{{\"text\": \"Un texte\", \"published\": \"hier\"}}\n{}\n",
        lines.next().unwrap(),
        lines.next().unwrap()
    );
    c.write("a.jsonl", file);
    let assert = c
        .cmd()
        .args(["--db", "g.db", "ingest", "a.jsonl"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with("error: a.jsonl:2: invalid JSON: "),
        "{stderr}"
    );
    assert_eq!(lines[1], "error: a.jsonl:4: no \"text\" field");
    assert_eq!(
        lines[2],
        "error: a.jsonl:5: invalid date \"hier\" (expected YYYY-MM-DD) at column 35"
    );
    assert_eq!(lines[3], "added 2, skipped 0 duplicates, failed 3");
    assert_eq!(
        c.count(
            "g.db",
            "SELECT count(*) FROM documents WHERE outlet = 'Le Quotidien'"
        ),
        2
    );
});

case!(standard_input_text_and_json_lines, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", "-"])
        .write_stdin("Un titre\n\nLe texte lu sur l'entrée standard.\n")
        .assert()
        .success()
        .stderr("added 1, skipped 0 duplicates, failed 0\n");
    c.cmd()
        .args(["--db", "g.db", "ingest", "--jsonl", "-"])
        .write_stdin(jsonl_articles(3))
        .assert()
        .success()
        .stderr("added 3, skipped 0 duplicates, failed 0\n");
    assert_eq!(
        c.count(
            "g.db",
            "SELECT count(*) FROM documents WHERE source = 'stdin'"
        ),
        1
    );
    assert_eq!(
        c.count(
            "g.db",
            "SELECT count(*) FROM documents WHERE source = 'stdin:3'"
        ),
        1
    );
});

case!(a_200_mb_file_is_refused_before_reading, |c| {
    let big = std::fs::File::create(c.path("big.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap(); // sparse: instant, no disk used
    c.write("ok.txt", "Un titre\n\nUn texte correct.\n");
    c.cmd()
        .args(["--db", "g.db", "ingest", "big.txt", "ok.txt"])
        .assert()
        .code(1)
        .stderr(
            "error: big.txt: article is 200 MiB, over the limit of 32 MiB for one article (raise it with --max-article-mb)\n\
             added 1, skipped 0 duplicates, failed 1\n",
        );
    // A long JSON line is skipped without being held in memory.
    c.write(
        "long.jsonl",
        format!(
            "{{\"text\": \"{}\"}}\n{}",
            "x".repeat(2 * 1024 * 1024),
            jsonl_articles(1)
        ),
    );
    c.cmd()
        .args([
            "--db",
            "g.db",
            "ingest",
            "--max-article-mb",
            "1",
            "long.jsonl",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: long.jsonl:1: line longer than the limit of 1.0 MB",
        ))
        .stderr(predicate::str::ends_with(
            "added 1, skipped 0 duplicates, failed 1\n",
        ));
});

case!(a_folder_of_10000_files, |c| {
    for i in 0..10_000 {
        c.write(
            &format!("many/{:02}/{i:05}.txt", i % 100),
            format!("Titre {i}\n\nLe texte numéro {i}.\n"),
        );
    }
    c.write("many/00/notes.pdf", b"%PDF-1.4\x00");
    c.write("many/00/.hidden.txt", "caché");
    c.cmd()
        .args(["--db", "g.db", "ingest", "many"])
        .assert()
        .success()
        .stderr("added 10000, skipped 0 duplicates, failed 0\n");
});

case!(a_file_that_is_not_sqlite, |c| {
    c.write("notes.db", "these are my notes, not a database\n");
    c.cmd()
        .args(["--db", "notes.db", "ingest", CORPUS])
        .assert()
        .code(4)
        .stderr("error: database notes.db: not a claimgraph database (the file is not SQLite)\n");
    assert_eq!(
        std::fs::read_to_string(c.path("notes.db")).unwrap(),
        "these are my notes, not a database\n"
    );
    c.cmd().args(["--db", "notes.db", "stats"]).assert().code(4);
});

// Read commands never write: another application's SQLite file and an
// empty file are refused with exit 4 and stay byte for byte as they were.
case!(read_commands_never_write, |c| {
    let foreign = c.path("app.db");
    {
        let conn = Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&foreign).unwrap();
    c.write("empty.db", "");
    for args in [
        vec!["stats"],
        vec!["query", "count claims"],
        vec!["export", "--all"],
    ] {
        for db in ["app.db", "empty.db"] {
            c.cmd()
                .args(["--db", db])
                .args(&args)
                .assert()
                .code(4)
                .stderr(predicate::str::contains("not a claimgraph database"));
        }
    }
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
    assert!(!c.path("app.db-wal").exists());
    assert_eq!(std::fs::read(c.path("empty.db")).unwrap(), b"");
});

// A read command on a claimgraph database reads through a read-only
// connection: the file stays byte for byte as it was.
case!(read_commands_leave_a_claimgraph_database_as_it_was, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    // fold the write-ahead log into the file first, as a writer would
    Connection::open(c.path("g.db"))
        .unwrap()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let before = std::fs::read(c.path("g.db")).unwrap();
    for args in [
        vec!["stats"],
        vec!["query", "count claims; contradictions limit 2"],
        vec!["export", "--all"],
    ] {
        c.cmd()
            .args(["--db", "g.db"])
            .args(&args)
            .assert()
            .success();
    }
    assert_eq!(std::fs::read(c.path("g.db")).unwrap(), before);
});

// A database of an older claimgraph is upgraded by a writing command, never
// by a read command: `stats` refuses it with exit 4 and leaves it as it was.
case!(read_commands_do_not_upgrade_an_older_database, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    {
        let conn = Connection::open(c.path("g.db")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .unwrap();
    }
    let before = std::fs::read(c.path("g.db")).unwrap();
    c.cmd()
        .args(["--db", "g.db", "stats"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("written by an older claimgraph"));
    assert_eq!(std::fs::read(c.path("g.db")).unwrap(), before);
});

case!(a_database_from_a_newer_version, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    Connection::open(c.path("g.db"))
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "written by a newer claimgraph (schema version 999",
        ));
    c.cmd().args(["--db", "g.db", "stats"]).assert().code(4);
});

#[cfg(target_os = "linux")]
case!(a_database_in_a_read_only_location, |c| {
    // /proc refuses new files even to root, unlike a chmod-ed folder.
    c.cmd()
        .args(["--db", "/proc/claimgraph-test.db", "ingest", CORPUS])
        .assert()
        .code(4)
        .stderr(predicate::str::starts_with(
            "error: database /proc/claimgraph-test.db: cannot open or create",
        ));
});

/// Hold the write lock of `db` from this process, as another ingest would.
fn lock(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

case!(a_second_writer_fails_clearly_when_the_wait_runs_out, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    let holder = lock(&c.path("g.db"));
    c.write("one.txt", "Un titre\n\nUn texte de plus.\n");
    c.cmd()
        .args(["--db", "g.db", "--lock-timeout", "0.3", "ingest", "one.txt"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "error: database g.db: locked by another process",
        ));
    drop(holder);
    assert_eq!(c.stats("g.db")["documents"], 5);
});

case!(a_second_writer_waits_for_the_first, |c| {
    c.cmd()
        .args(["--db", "g.db", "ingest", CORPUS])
        .assert()
        .success();
    let holder = lock(&c.path("g.db"));
    c.write("one.txt", "Un titre\n\nUn texte de plus.\n");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"));
    cmd.current_dir(c.dir.path()).args([
        "--db",
        "g.db",
        "--lock-timeout",
        "20",
        "ingest",
        "one.txt",
    ]);
    let child = cmd.stderr(std::process::Stdio::piped()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    holder.execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(c.stats("g.db")["documents"], 6);
});

case!(killed_mid_ingest_leaves_only_whole_documents, |c| {
    const N: usize = 10_000;
    const BATCH: i64 = 50;
    c.write("docs.jsonl", jsonl_articles(N));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
        .current_dir(c.dir.path())
        .args([
            "--db",
            "g.db",
            "ingest",
            "--batch-size",
            &BATCH.to_string(),
            "docs.jsonl",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as the first batches are committed.
    let started = Instant::now();
    loop {
        let committed = Connection::open(c.path("g.db"))
            .and_then(|conn| {
                conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
            })
            .unwrap_or(0);
        if committed > 0 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let conn = Connection::open(c.path("g.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk_violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_violations, 0);
    let mut stmt = conn
        .prepare("SELECT hash, len, text FROM documents")
        .unwrap();
    let docs: Vec<(String, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let n = docs.len() as i64;
    assert!(n > 0 && n < N as i64, "killed midway, after {n} documents");
    assert_eq!(n % BATCH, 0, "only whole batches are committed");
    for (hash, len, text) in &docs {
        assert_eq!(*hash, content_hash(text));
        assert_eq!(*len as usize, text.len());
    }
    drop(stmt);
    drop(conn);
    // Ingesting again completes the corpus without duplicating anything.
    c.cmd()
        .args(["--db", "g.db", "ingest", "docs.jsonl"])
        .assert()
        .success()
        .stderr(format!(
            "added {}, skipped {n} duplicates, failed 0\n",
            N as i64 - n
        ));
});

case!(metadata_is_inferred_without_a_sidecar, |c| {
    for name in [
        "000_0bbafe396988a152.txt",
        "001_ff7876fc5e787a1c.txt",
        "003_5875ad0ffb18f87c.txt",
    ] {
        std::fs::copy(format!("{CORPUS}/{name}"), c.path(name)).unwrap();
    }
    c.cmd()
        .args(["--db", "g.db", "ingest", "."])
        .assert()
        .success();
    let conn = Connection::open(c.path("g.db")).unwrap();
    let mut stmt = conn
        .prepare("SELECT outlet, published, language, credits FROM documents ORDER BY source")
        .unwrap();
    type Row = (Option<String>, Option<String>, Option<String>, String);
    let rows: Vec<Row> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let fr = Some("fr".to_string());
    assert_eq!(
        rows[0],
        (None, None, fr.clone(), "[\"AFP\"]".to_string()),
        "credit line"
    );
    assert_eq!(
        rows[1],
        (Some("ARMENPRESS".into()), None, fr.clone(), "[]".into()),
        "dateline without a year"
    );
    assert_eq!(
        rows[2],
        (None, Some("2024-04-17".into()), fr, "[]".into()),
        "numeric date"
    );
});

case!(a_closed_output_pipe_is_not_an_error, |c| {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
        .current_dir(c.dir.path())
        .env_remove("CLAIMGRAPH_DB")
        .arg("stats")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `claimgraph stats | head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("error"));
});
