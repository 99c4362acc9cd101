//! Correcting stored data with the real binary (issue 13): `forget`,
//! `ingest --refresh` (and `refresh`) and `reextract` each leave the
//! database a clean ingest of the corrected input gives — documents,
//! metadata, entities, claims and findings compared as sets of contents.

#[path = "common/rows.rs"]
mod rows;

use assert_cmd::Command;
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");
const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev/corpus");

struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        Case {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("claimgraph").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("CLAIMGRAPH_DB")
            .env("NO_COLOR", "1");
        cmd
    }
    /// Run `claimgraph ARGS`, which must succeed; its stderr.
    fn run(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{args:?}: {stderr}");
        stderr
    }
    /// Copy a corpus article (and its sidecar) into `folder`.
    fn copy(&self, from: &str, name: &str, folder: &str) {
        let to = self.path(folder);
        std::fs::create_dir_all(&to).unwrap();
        std::fs::copy(format!("{from}/{name}.txt"), to.join(format!("{name}.txt"))).unwrap();
        let meta = PathBuf::from(format!("{from}/{name}.meta.json"));
        if meta.exists() {
            std::fs::copy(meta, to.join(format!("{name}.meta.json"))).unwrap();
        }
    }
}

/// What a database holds, by content.
#[derive(Debug, PartialEq, Eq)]
struct Contents {
    documents: BTreeSet<String>,
    entities: BTreeSet<String>,
    claims: BTreeSet<String>,
    findings: BTreeSet<String>,
}

fn contents(db: &Path) -> Contents {
    let conn = Connection::open(db).unwrap();
    rows::assert_sound(&conn);
    let rows = |sql: &str| rows::row_set(&conn, sql);
    Contents {
        documents: rows(
            "SELECT hash, source, outlet, published, language, url, title, credits FROM documents",
        ),
        entities: rows("SELECT name, kind FROM entities"),
        claims: rows(
            "SELECT d.source, c.start, c.end, c.kind, c.polarity, c.measure, c.lo, c.hi, c.quote,
                    who.name, o.name
             FROM claims c JOIN documents d ON d.id = c.document
             LEFT JOIN entities who ON who.id = c.claimant
             LEFT JOIN entities o ON o.id = c.outlet",
        ),
        findings: rows(
            "SELECT f.kind, da.source, ca.start, ca.end, db.source, cb.start, cb.end, f.reason
             FROM findings f
             JOIN claims ca ON ca.id = f.a JOIN documents da ON da.id = ca.document
             JOIN claims cb ON cb.id = f.b JOIN documents db ON db.id = cb.document",
        ),
    }
}

const SAMPLES: [&str; 5] = [
    "000_0bbafe396988a152",
    "001_ff7876fc5e787a1c",
    "002_38b42028a591aa93",
    "003_5875ad0ffb18f87c",
    "004_f95d8be4eb4452f1",
];

#[test]
fn forget_leaves_what_a_clean_ingest_without_the_document_gives() {
    let c = Case::new();
    for name in SAMPLES {
        c.copy(SAMPLE, name, "in");
    }
    c.copy(DEV, "01_newsfront-beyrouth-27-morts", "wrong");
    c.run(&["--db", "clean.db", "ingest", "in"]);
    // The wrong file was ingested last, by mistake.
    c.run(&["--db", "g.db", "ingest", "in", "wrong"]);
    assert_ne!(contents(&c.path("g.db")), contents(&c.path("clean.db")));
    let said = c.run(&[
        "--db",
        "g.db",
        "forget",
        "01_newsfront-beyrouth-27-morts.txt",
    ]);
    assert!(said.starts_with("forgot 1 documents"), "{said}");
    assert_eq!(contents(&c.path("g.db")), contents(&c.path("clean.db")));

    // By id, by hash, by the source as stored; an unknown name changes
    // nothing and exits 3.
    let before = contents(&c.path("g.db"));
    c.cmd()
        .args(["--db", "g.db", "forget", "1", "no-such-file.txt"])
        .assert()
        .code(3);
    assert_eq!(contents(&c.path("g.db")), before);
    let hash: String = Connection::open(c.path("g.db"))
        .unwrap()
        .query_row("SELECT hash FROM documents WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    c.run(&[
        "--db",
        "g.db",
        "forget",
        "1",
        &hash[..12],
        &format!("in/{}.txt", SAMPLES[2]),
    ]);
    let n: i64 = Connection::open(c.path("g.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn refresh_stores_a_corrected_sidecar_and_a_corrected_text() {
    let c = Case::new();
    for name in &SAMPLES[..3] {
        c.copy(SAMPLE, name, "in");
    }
    c.run(&["--db", "g.db", "ingest", "in"]);
    // The sidecar of one article is corrected.
    let sidecar = c.path(&format!("in/{}.meta.json", SAMPLES[1]));
    let meta = std::fs::read_to_string(&sidecar).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&meta).unwrap();
    json["published"] = serde_json::json!("2022-03-30");
    json["title"] = serde_json::json!("Un titre corrigé");
    std::fs::write(&sidecar, json.to_string()).unwrap();
    // A plain ingest keeps what is stored...
    let said = c.run(&["--db", "g.db", "ingest", "in"]);
    assert_eq!(said, "added 0, skipped 3 duplicates, failed 0\n");
    // ...--refresh replaces it.
    let said = c.run(&["--db", "g.db", "ingest", "--refresh", "in"]);
    assert_eq!(
        said,
        "added 0, refreshed 1, skipped 2 duplicates, failed 0\n"
    );
    c.run(&["--db", "clean.db", "ingest", "in"]);
    assert_eq!(contents(&c.path("g.db")), contents(&c.path("clean.db")));

    // The text of one file is corrected: `refresh` replaces the old version.
    let txt = c.path(&format!("in/{}.txt", SAMPLES[2]));
    let text = std::fs::read_to_string(&txt).unwrap();
    std::fs::write(&txt, text.replacen('.', " (corrigé).", 1)).unwrap();
    let said = c.run(&["--db", "g.db", "refresh", "in"]);
    assert_eq!(
        said,
        "added 0, refreshed 1, skipped 2 duplicates, failed 0\n"
    );
    c.run(&["--db", "clean2.db", "ingest", "in"]);
    assert_eq!(contents(&c.path("g.db")), contents(&c.path("clean2.db")));
}

#[test]
fn reextract_after_a_lexicon_change_gives_a_clean_ingest_with_it() {
    let c = Case::new();
    for name in SAMPLES {
        c.copy(SAMPLE, name, "in");
    }
    std::fs::write(
        c.path("in/gazette.txt"),
        "Un bilan\n\nSelon la Gazette du Caucase, 3 soldats ont été tués à Tavouch.\n",
    )
    .unwrap();
    std::fs::write(
        c.path("mine.lex"),
        "[outlets]\nLa Gazette du Caucase | Gazette du Caucase\n[places]\nTavush | Tavouch\n",
    )
    .unwrap();
    c.run(&["--db", "g.db", "ingest", "in"]);
    c.run(&["--db", "clean.db", "--lexicon", "mine.lex", "ingest", "in"]);
    assert_ne!(contents(&c.path("g.db")), contents(&c.path("clean.db")));
    let said = c.run(&["--db", "g.db", "--lexicon", "mine.lex", "reextract"]);
    assert!(said.starts_with("extracted 6 documents again"), "{said}");
    assert_eq!(contents(&c.path("g.db")), contents(&c.path("clean.db")));

    // A database whose extraction is stale (here: its claims lost) is
    // rebuilt the same way.
    c.run(&["--db", "plain.db", "ingest", "in"]);
    Connection::open(c.path("plain.db"))
        .unwrap()
        .execute_batch(
            "PRAGMA foreign_keys = ON; UPDATE claims SET denies = NULL; DELETE FROM claims;",
        )
        .unwrap();
    c.run(&["--db", "plain.db", "reextract"]);
    c.run(&["--db", "plain2.db", "ingest", "in"]);
    assert_eq!(
        contents(&c.path("plain.db")),
        contents(&c.path("plain2.db"))
    );
}
