//! The crash bar of issue 12, run by hand (not a CI test; see
//! `scripts/crash.sh`): SIGKILLs and SIGINTs at random moments of an ingest
//! of synthetic articles, each followed by a re-run, each ending with
//! `PRAGMA integrity_check` ok and exactly the documents, claims and
//! findings of one clean ingest, compared as sets of contents.
//!
//! ```sh
//! cargo run --example crash -- [ARTICLES] [KILLS] [INTERRUPTS] [BINARY]
//! ```
//!
//! ARTICLES defaults to 5000, KILLS to 30, INTERRUPTS to 5, BINARY to the
//! `claimgraph` next to this example (target/debug or target/release).

#[path = "../tests/common/rows.rs"]
mod rows;

use claimgraph::synth::{Config, Plan, Rng};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize, default: usize| -> usize {
        args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
    };
    let articles = arg(1, 5000);
    let kills = arg(2, 30);
    let interrupts = arg(3, 5);
    let binary = args.get(4).map(PathBuf::from).unwrap_or_else(|| {
        let me = std::env::current_exe().expect("this example's path");
        // target/<profile>/examples/crash → target/<profile>/claimgraph
        me.parent()
            .and_then(Path::parent)
            .map(|d| d.join("claimgraph"))
            .expect("target folder")
    });
    assert!(
        binary.exists(),
        "build the binary first: {}",
        binary.display()
    );

    if interrupts > 0 && sigint_ignored() {
        println!(
            "warning: SIGINT is ignored by this process (started in the background by a shell \
             without job control), so the ingests it starts ignore it too: run it in the \
             foreground for the SIGINT runs to mean anything"
        );
    }

    let dir = tempfile::tempdir().expect("temporary directory");
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, articles);
    println!("corpus: {articles} articles, binary {}", binary.display());

    let clean_db = dir.path().join("clean.db");
    let started = Instant::now();
    ingest(&binary, &clean_db, &corpus).expect("clean ingest");
    let clean_time = started.elapsed();
    let clean = contents(&clean_db);
    println!(
        "clean ingest: {:.1} s, {} documents, {} claims, {} findings",
        clean_time.as_secs_f64(),
        clean.documents.len(),
        clean.claims.len(),
        clean.findings.len()
    );

    let mut rng = Rng::new(12);
    let mut failures = 0;
    let mut pending_seen = 0;
    for run in 0..kills + interrupts {
        let signal = if run < kills { "KILL" } else { "INT" };
        let db = dir.path().join(format!("run{run}.db"));
        let mut child = command(&binary, &db, &corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ingest");
        // A random moment of the whole ingest, its final comparison included.
        let at = Duration::from_secs_f64(
            clean_time.as_secs_f64() * (rng.below(1000) as f64 / 1000.0) * 1.05,
        );
        std::thread::sleep(at);
        let _ = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status();
        let status = child.wait().expect("wait");
        let (docs_before, pending) = counts(&db);
        if pending > 0 {
            pending_seen += 1;
        }
        let rerun = ingest(&binary, &db, &corpus);
        let got = contents(&db);
        let same = got == clean;
        let ok = rerun.is_ok() && same && got.integrity == "ok";
        if !ok {
            failures += 1;
            got.differences(&clean).iter().for_each(|d| println!("{d}"));
        }
        println!(
            "run {run:2}: SIG{signal} at {:5.2} s ({status}), {docs_before} documents stored, {pending} pending; \
             re-run {}; integrity {}; documents {} claims {} findings {}: {}",
            at.as_secs_f64(),
            if rerun.is_ok() { "ok" } else { "FAILED" },
            got.integrity,
            got.documents.len(),
            got.claims.len(),
            got.findings.len(),
            if same { "equal to the clean ingest" } else { "DIFFERENT" }
        );
        let _ = std::fs::remove_file(&db);
    }
    println!(
        "{} runs, {} left documents waiting for comparison, {failures} failures",
        kills + interrupts,
        pending_seen
    );

    // Concurrency and order: the same articles split among 2 and 4
    // processes started at once on a fresh database, and in reverse order.
    let lines: Vec<String> = std::fs::read_to_string(&corpus)
        .expect("corpus")
        .lines()
        .map(str::to_string)
        .collect();
    for writers in [2usize, 4] {
        let parts: Vec<PathBuf> = (0..writers)
            .map(|w| {
                let part = dir.path().join(format!("part{w}of{writers}.jsonl"));
                let text: String = lines
                    .iter()
                    .skip(w)
                    .step_by(writers)
                    .map(|l| format!("{l}\n"))
                    .collect();
                std::fs::write(&part, text).expect("part");
                part
            })
            .collect();
        let db = dir.path().join(format!("concurrent{writers}.db"));
        let started = Instant::now();
        let children: Vec<_> = parts
            .iter()
            .map(|p| {
                command(&binary, &db, p)
                    .args(["--lock-timeout", "600"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("ingest")
            })
            .collect();
        let mut ok = true;
        for child in children {
            let out = child.wait_with_output().expect("wait");
            if !out.status.success() {
                ok = false;
                println!("  writer failed: {}", String::from_utf8_lossy(&out.stderr));
            }
        }
        let got = contents(&db);
        let same = got.same_findings(&clean);
        if !(ok && same) {
            failures += 1;
            got.differences(&clean).iter().for_each(|d| println!("{d}"));
        }
        println!(
            "{writers} concurrent writers: {:.1} s, integrity {}, {} documents {} claims {} findings: {}{}",
            started.elapsed().as_secs_f64(),
            got.integrity,
            got.documents.len(),
            got.claims.len(),
            got.findings.len(),
            if same { "the clean ingest's findings" } else { "DIFFERENT" },
            if got == clean { " (reasons' wording too)" } else { "" }
        );
    }
    let reversed = dir.path().join("reversed.jsonl");
    let text: String = lines.iter().rev().map(|l| format!("{l}\n")).collect();
    std::fs::write(&reversed, text).expect("reversed corpus");
    let db = dir.path().join("reversed.db");
    ingest(&binary, &db, &reversed).expect("reversed ingest");
    let got = contents(&db);
    let same = got.same_findings(&clean);
    if !same {
        failures += 1;
        got.differences(&clean).iter().for_each(|d| println!("{d}"));
    }
    println!(
        "reverse order: {} findings: {}{}",
        got.findings.len(),
        if same {
            "the clean ingest's findings"
        } else {
            "DIFFERENT"
        },
        if got == clean {
            " (reasons' wording too)"
        } else {
            ""
        }
    );
    // What one more article costs on a database of this size (the
    // comparison runs over the whole store).
    let one = dir.path().join("one.jsonl");
    let mut line: serde_json::Value = serde_json::from_str(&lines[0]).expect("a JSON line");
    line["source"] = serde_json::json!("one-more");
    line["text"] = serde_json::json!(format!(
        "{}\nMise à jour : le bilan reste inchangé.",
        line["text"].as_str().unwrap_or_default()
    ));
    std::fs::write(&one, format!("{line}\n")).expect("one article");
    let started = Instant::now();
    ingest(&binary, &clean_db, &one).expect("one more article");
    println!(
        "one more article into the clean database ({} documents): {:.2} s",
        clean.documents.len(),
        started.elapsed().as_secs_f64()
    );
    if failures > 0 {
        std::process::exit(1);
    }
}

/// Whether SIGINT is ignored here (and so in the children; Linux only).
fn sigint_ignored() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("SigIgn:"))
                .and_then(|m| u64::from_str_radix(m.trim(), 16).ok())
        })
        .is_some_and(|mask| mask & (1 << (2 - 1)) != 0)
}

/// `articles` synthetic articles as JSON Lines.
fn write_corpus(path: &Path, articles: usize) {
    // About three claims per article.
    let mut claims = articles * 3;
    let mut plan = Plan::generate(&Config::new(2026, claims));
    while plan.articles().len() < articles * 11 / 10 {
        claims = claims * 3 / 2;
        plan = Plan::generate(&Config::new(2026, claims));
    }
    // The generator sometimes writes one text for two outlets; a text is
    // one document, stored with the metadata of whichever came first, so a
    // corpus with such twins depends on arrival order by design. Keep the
    // first of each text.
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for a in plan
        .articles()
        .into_iter()
        .filter(|a| seen.insert(a.text.clone()))
        .take(articles)
    {
        let line = serde_json::json!({
            "source": a.source,
            "text": a.text,
            "outlet": a.meta.outlet,
            "published": a.meta.published.map(|d| d.to_string()),
            "language": a.meta.language,
            "title": a.meta.title,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("corpus file");
}

fn command(binary: &Path, db: &Path, corpus: &Path) -> Command {
    let mut cmd = Command::new(binary);
    cmd.env_remove("CLAIMGRAPH_DB")
        .arg("--db")
        .arg(db)
        .args(["ingest", "--batch-size", "100"])
        .arg(corpus);
    cmd
}

fn ingest(binary: &Path, db: &Path, corpus: &Path) -> Result<(), String> {
    let out = command(binary, db, corpus)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn counts(db: &Path) -> (i64, i64) {
    let Ok(conn) = Connection::open(db) else {
        return (0, 0);
    };
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get(0)).unwrap_or(0);
    (
        count("SELECT count(*) FROM documents"),
        count("SELECT count(*) FROM pending_comparison"),
    )
}

#[derive(Debug, PartialEq, Eq)]
struct Contents {
    integrity: String,
    documents: BTreeSet<String>,
    claims: BTreeSet<String>,
    /// Kind, both claims (document source, span, kind), then the reason.
    findings: BTreeSet<String>,
}

impl Contents {
    /// A few of the records that differ from `other`, to show.
    fn differences(&self, other: &Contents) -> Vec<String> {
        let mut out = Vec::new();
        for (what, a, b) in [
            ("document", &self.documents, &other.documents),
            ("claim", &self.claims, &other.claims),
            ("finding", &self.findings, &other.findings),
        ] {
            out.extend(
                a.difference(b)
                    .take(3)
                    .map(|x| format!("  only here: {what} {x}")),
            );
            out.extend(
                b.difference(a)
                    .take(3)
                    .map(|x| format!("  only in the clean ingest: {what} {x}")),
            );
        }
        out
    }

    /// The same documents (by text), claims and findings (kind and
    /// claims), with reasons allowed to word an entity differently (its
    /// first spelling depends on which article came first), and a text
    /// ingested twice under two sources kept under either.
    fn same_findings(&self, other: &Contents) -> bool {
        let pairs = |c: &Contents| -> BTreeSet<String> {
            c.findings
                .iter()
                .map(|f| {
                    f.rsplit_once(" | ")
                        .map_or(f.clone(), |(k, _)| k.to_string())
                })
                .collect()
        };
        let hashes = |c: &Contents| -> BTreeSet<String> {
            c.documents
                .iter()
                .map(|d| {
                    d.split_once(" | ")
                        .map_or(d.clone(), |(h, _)| h.to_string())
                })
                .collect()
        };
        self.integrity == "ok"
            && hashes(self) == hashes(other)
            && self.claims == other.claims
            && pairs(self) == pairs(other)
    }
}

fn contents(db: &Path) -> Contents {
    let conn = Connection::open(db).expect("database");
    let rows = |sql: &str| rows::row_set(&conn, sql);
    Contents {
        integrity: conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap_or_else(|e| e.to_string()),
        documents: rows("SELECT hash, source FROM documents"),
        // Claims and findings by their document's text, not its source: of
        // two articles with the same text, the one ingested first is kept.
        claims: rows(
            "SELECT d.hash, c.start, c.end, c.kind, c.polarity, c.measure, c.lo, c.hi, c.quote
             FROM claims c JOIN documents d ON d.id = c.document",
        ),
        findings: rows(
            "SELECT f.kind, da.hash, ca.start, ca.end, ca.kind, db.hash, cb.start, cb.end, cb.kind, f.reason
             FROM findings f
             JOIN claims ca ON ca.id = f.a JOIN documents da ON da.id = ca.document
             JOIN claims cb ON cb.id = f.b JOIN documents db ON db.id = cb.document",
        ),
    }
}
