//! `claimgraph export` and `claimgraph import` end to end, each case in a
//! fresh temporary directory (with no --db the read commands use the
//! built-in sample corpus): DOT and JSON to files and stdout, rendering
//! through GraphViz and the message when it is missing, a JSON round trip
//! through a database file, and the exit codes of bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

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
    fn stats(&self, db: &str) -> String {
        let out = self
            .cmd()
            .args(["--db", db, "stats", "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    }
}

/// Whether GraphViz is installed here (`.ci/run` installs it, so CI always
/// checks; elsewhere the checks that need it are skipped with a note).
fn graphviz_installed() -> bool {
    let found = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !found {
        eprintln!("note: GraphViz `dot` is not installed: skipped (apt install graphviz)");
    }
    found
}

/// GraphViz must accept the file.
fn assert_graphviz_accepts(path: &Path) {
    if !graphviz_installed() {
        return;
    }
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(path)
        .output()
        .expect("dot runs");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "dot refused {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dot_to_a_file_is_accepted_by_graphviz() {
    let case = Case::new();
    case.cmd()
        .args(["export", "--format", "dot", "contradictions", "-o", "c.dot"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote c.dot"));
    let text = std::fs::read_to_string(case.path("c.dot")).unwrap();
    assert!(text.contains("color=red"), "{text}");
    assert_graphviz_accepts(&case.path("c.dot"));

    case.cmd()
        .args(["export", "findings", "--group-by-document", "-o", "g.gv"])
        .assert()
        .success();
    let grouped = std::fs::read_to_string(case.path("g.gv")).unwrap();
    assert!(grouped.contains("cluster_d"), "{grouped}");
    assert_graphviz_accepts(&case.path("g.gv"));

    case.cmd()
        .args(["export", "--all", "-o", "all.dot"])
        .assert()
        .success();
    assert_graphviz_accepts(&case.path("all.dot"));
}

#[test]
fn stdout_by_default_and_with_dash() {
    let case = Case::new();
    let a = case.cmd().args(["export", "agreements"]).output().unwrap();
    let b = case
        .cmd()
        .args(["export", "agreements", "-o", "-"])
        .output()
        .unwrap();
    assert!(a.status.success() && b.status.success());
    assert!(a.stdout.starts_with(b"digraph claimgraph {"));
    // Same query, same database: same bytes.
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn json_by_flag_or_by_extension() {
    let case = Case::new();
    let out = case
        .cmd()
        .args(["export", "--format", "json", "contradictions"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "claimgraph-graph/1");
    assert_eq!(v["query"], "contradictions");
    assert!(!v["findings"].as_array().unwrap().is_empty());

    case.cmd()
        .args(["export", "contradictions", "-o", "c.json"])
        .assert()
        .success();
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(case.path("c.json")).unwrap()).unwrap();
    assert_eq!(file, v);
}

#[test]
fn json_round_trip_through_a_database_file() {
    let case = Case::new();
    case.cmd()
        .args(["export", "--all", "-o", "all.json"])
        .assert()
        .success();
    case.cmd()
        .args(["--db", "copy.db", "import", "all.json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("imported all.json: 5 documents"));
    // The sample corpus, ingested, as the reference.
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus");
    case.cmd()
        .args(["--db", "sample.db", "ingest", corpus])
        .assert()
        .success();
    assert_eq!(case.stats("copy.db"), case.stats("sample.db"));
    // The copy answers queries like the original.
    let answer = |db: &str| {
        case.cmd()
            .args(["--db", db, "query", "findings", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(answer("copy.db"), answer("sample.db"));
}

#[test]
fn render_svg_and_png_with_graphviz() {
    if !graphviz_installed() {
        return;
    }
    let case = Case::new();
    let svg = case
        .cmd()
        .args(["export", "contradictions", "--render", "svg"])
        .output()
        .unwrap();
    assert!(svg.status.success());
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
    case.cmd()
        .args(["export", "contradictions", "--render", "png", "-o", "c.png"])
        .assert()
        .success();
    let png = std::fs::read(case.path("c.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn render_without_graphviz_says_what_to_install() {
    let case = Case::new();
    case.cmd()
        .env("PATH", "")
        .args(["export", "contradictions", "--render", "svg", "-o", "c.svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("GraphViz `dot` program"))
        .stderr(predicate::str::contains("apt install graphviz"));
    assert!(!case.path("c.svg").exists());
}

#[test]
fn bad_requests_are_usage_errors() {
    let case = Case::new();
    for args in [
        vec!["export"],
        vec!["export", "--format", "json", "claims", "--render", "svg"],
        vec!["export", "count claims"],
        vec!["export", "explain claims"],
        vec!["export", "claims; findings"],
        vec!["export", "claims export to \"x.dot\""],
        vec!["export", "--format", "xml", "claims"],
    ] {
        case.cmd()
            .args(&args)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty());
    }
    // A query that does not parse shows where.
    case.cmd()
        .args(["export", "claims where"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("<query>"));
}

#[test]
fn bad_import_files_exit_3_and_create_nothing() {
    let case = Case::new();
    std::fs::write(
        case.path("bad.json"),
        "{\n  \"format\": \"claimgraph-graph/1\",\n  \"claims\": [1,]\n}\n",
    )
    .unwrap();
    case.cmd()
        .args(["--db", "x.db", "import", "bad.json"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("bad.json:3:"));
    assert!(!case.path("x.db").exists());
    case.cmd()
        .args(["--db", "x.db", "import", "missing.json"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("missing.json: no such file"));
}

#[test]
fn import_reads_standard_input() {
    let case = Case::new();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/import/valid_minimal.json"
    );
    case.cmd()
        .args(["--db", "x.db", "import", "-"])
        .write_stdin(std::fs::read(file).unwrap())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 documents (0 already stored), 1 claims",
        ));
}

/// Output paths are guarded: nothing writes over the database being read,
/// and a query file's `export to` stays below the directory it runs in and
/// never replaces a file unless run with --force (or its old name
/// --overwrite).
#[test]
fn output_paths_are_guarded() {
    let c = Case::new();
    c.cmd()
        .args(["--db", "war.db", "ingest"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/data/corpus"))
        .assert()
        .success();
    let before = c.stats("war.db");
    for target in ["war.db", "./war.db", "war.db-wal"] {
        c.cmd()
            .args(["--db", "war.db", "export", "--all", "-o", target])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("the database being read"));
    }
    assert_eq!(c.stats("war.db"), before);

    std::fs::write(c.path("old.dot"), "mine").unwrap();
    for (statement, why) in [
        (
            "contradictions export to \"/tmp/claimgraph-guard.dot\"",
            "absolute path",
        ),
        ("contradictions export to \"../up.dot\"", "`..`"),
        ("contradictions export to \"old.dot\"", "--force"),
    ] {
        std::fs::write(c.path("q.cq"), statement).unwrap();
        c.cmd()
            .args(["--db", "war.db", "run", "q.cq"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(why))
            .stderr(predicate::str::contains("q.cq:1:"));
    }
    assert_eq!(std::fs::read_to_string(c.path("old.dot")).unwrap(), "mine");
    assert!(!Path::new("/tmp/claimgraph-guard.dot").exists());
    std::fs::write(c.path("q.cq"), "contradictions export to \"old.dot\"").unwrap();
    c.cmd()
        .args(["--db", "war.db", "run", "--overwrite", "q.cq"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(c.path("old.dot"))
        .unwrap()
        .starts_with("digraph"));
    // now claimgraph's own export: the same file run again replaces it
    c.cmd()
        .args(["--db", "war.db", "run", "q.cq"])
        .assert()
        .success();
    assert_eq!(c.stats("war.db"), before);
}

/// Each file guard at the command line: another SQLite file is never an
/// output, `-o` replaces an ordinary file, `query` needs --force for it, a
/// query file writes in its own folder, and --allow-write-anywhere lifts
/// the folder rule.
#[test]
fn every_output_guard_at_the_command_line() {
    let c = Case::new();
    // another application's SQLite file
    let mut other = b"SQLite format 3\0".to_vec();
    other.extend([0u8; 100]);
    std::fs::write(c.path("app.sqlite"), &other).unwrap();
    c.cmd()
        .args(["export", "--all", "-o", "app.sqlite", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a SQLite database"));
    assert_eq!(std::fs::read(c.path("app.sqlite")).unwrap(), other);
    // -o replaces an ordinary file, through a temporary file
    std::fs::write(c.path("old.dot"), "mine").unwrap();
    c.cmd()
        .args(["export", "--all", "-o", "old.dot"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(c.path("old.dot"))
        .unwrap()
        .starts_with("digraph"));
    // a statement typed on the command line replaces only with --force
    std::fs::write(c.path("mine.dot"), "mine").unwrap();
    c.cmd()
        .args(["query", "claims export to \"mine.dot\""])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(c.path("mine.dot")).unwrap(), "mine");
    c.cmd()
        .args(["query", "--force", "claims export to \"mine.dot\""])
        .assert()
        .success();
    // a query file in a sub-folder writes beside itself
    std::fs::create_dir(c.path("sub")).unwrap();
    std::fs::write(c.path("sub/q.cq"), "claims export to \"sub/out.dot\"").unwrap();
    c.cmd().args(["run", "sub/q.cq"]).assert().success();
    assert!(c.path("sub/out.dot").exists());
    // and nowhere else unless told
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("far.dot");
    std::fs::write(
        c.path("far.cq"),
        format!("claims export to \"{}\"", target.display()),
    )
    .unwrap();
    c.cmd()
        .args(["run", "far.cq"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--allow-write-anywhere"));
    assert!(!target.exists());
    c.cmd()
        .args(["run", "--allow-write-anywhere", "far.cq"])
        .assert()
        .success();
    assert!(target.exists());
    // no temporary file is left behind
    let left: Vec<String> = std::fs::read_dir(c.path("."))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Import files, query files and lexicons are read up to a cap, never
/// until memory runs out; each flag raises its cap.
#[test]
#[cfg(unix)]
fn reads_are_capped() {
    let c = Case::new();
    for (args, flag) in [
        (vec!["import", "/dev/zero"], "--max-import-mb"),
        (vec!["run", "/dev/zero"], "--max-query-mb"),
        (vec!["--lexicon", "/dev/zero", "stats"], "--max-lexicon-mb"),
    ] {
        c.cmd()
            .args(&args)
            .args([flag, "1"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains("larger than the limit of 1 MiB"))
            .stderr(predicate::str::contains(flag));
    }
    assert!(!c.path("claimgraph.db").exists());
}

/// `explain` honours `--format json`: the plan as data.
#[test]
fn explain_speaks_json_when_asked() {
    let c = Case::new();
    let out = c
        .cmd()
        .args([
            "query",
            "--format",
            "json",
            "explain claims where measure = killed limit 3",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(value["plan"], "claims");
    assert_eq!(value["steps"][2], "limit 3");
}
