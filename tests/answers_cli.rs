//! Answers as data, at any width (issue 13), through the real binary on the
//! built-in sample corpus: typed JSON that `jq` and serde can compute on,
//! records that fit 80 columns, chosen columns, scripts told apart by
//! statement, parameters, and exports that follow the file name.

use assert_cmd::Command;
use serde_json::Value;

/// The binary in a fresh directory (so no ./claimgraph.db: the sample).
fn claimgraph(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("claimgraph").unwrap();
    cmd.current_dir(dir.path())
        .env_remove("CLAIMGRAPH_DB")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn query_json(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(
        claimgraph(&dir)
            .arg("query")
            .args(args)
            .args(["--format", "json"]),
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn json_figures_are_numbers_with_bounds() {
    let rows = query_json(&["claims where measure = killed"]);
    let rows = rows.as_array().expect("an array of claims");
    // `jq '.[] | select(.value.lo > 3)'`: only the figures above 3.
    let above: Vec<i64> = rows
        .iter()
        .filter(|r| r["value"]["lo"].as_f64().is_some_and(|lo| lo > 3.0))
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert!(!above.is_empty() && above.len() < rows.len(), "{above:?}");
    let at_least = rows
        .iter()
        .find(|r| r["value"]["bound"] == "at_least")
        .expect("an 'au moins' figure");
    assert!(at_least["value"]["hi"].is_null(), "{at_least}");
    assert!(at_least["value"]["lo"].is_number());
    assert!(rows.iter().all(|r| r["id"].is_i64()));
    let date = rows[0]["date"].as_str().expect("an ISO date string");
    assert!(date.starts_with("20"), "{date}");
}

#[test]
fn jq_selects_on_the_low_end() {
    if std::process::Command::new("jq")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("jq not installed; skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let json = stdout(claimgraph(&dir).args([
        "query",
        "claims where measure = killed",
        "--format",
        "json",
    ]));
    let mut jq = Command::new("jq");
    jq.args(["-c", ".[] | select(.value.lo > 3) | .id"])
        .write_stdin(json);
    let ids = stdout(&mut jq);
    assert!(!ids.trim().is_empty());
    assert!(ids.lines().all(|l| l.parse::<i64>().is_ok()), "{ids}");
}

#[test]
fn findings_carry_measure_value_date_independent() {
    let rows = query_json(&["contradictions where measure = killed"]);
    let f = &rows[0];
    assert_eq!(f["measure"], "killed");
    assert_eq!(f["value"][0]["lo"], 2);
    assert_eq!(f["value"][1]["lo"], 3);
    assert!(f["date"][0].is_string());
    assert!(f.get("independent").is_some());
    let agreements = query_json(&["agreements"]);
    assert_eq!(agreements[0]["independent"], false);
}

#[test]
fn provenance_is_an_object_with_spans() {
    let p = query_json(&["provenance claim 5"]);
    let claim = &p["claim"];
    assert_eq!(claim["claim"], 5);
    let bytes = &claim["bytes"];
    assert!(bytes["start"].as_u64().unwrap() < bytes["end"].as_u64().unwrap());
    assert_eq!(claim["value"]["bound"], "exact");
    assert!(p["findings"].is_array());
    let entity = query_json(&["entity \"Artsakh\""]);
    assert_eq!(entity["entity"]["name"], "Haut-Karabakh");
    assert!(entity["mentions"][0]["span"]["start"].is_u64());
}

#[test]
fn show_chooses_and_orders_columns() {
    let rows = query_json(&["findings order by value desc show id, value, kind"]);
    let first = rows[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "value", "kind"]);
    // `order by value` on findings: the larger figure first, no figure last.
    assert_eq!(rows[0]["value"][0]["lo"], 4);
    let last = rows.as_array().unwrap().last().unwrap();
    assert!(last["value"].is_null());

    let dir = tempfile::tempdir().unwrap();
    let csv = stdout(claimgraph(&dir).args([
        "query",
        "claims where measure = killed show id, value, claimant",
        "--format",
        "csv",
    ]));
    assert_eq!(csv.lines().next(), Some("id,value,claimant"));

    let out = claimgraph(&dir)
        .args(["query", "claims show id, nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field `nonsense`"));
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn lines_and_tables_fit_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    for q in [
        "findings",
        "claims",
        "entities",
        "events",
        "documents",
        "provenance finding 1",
        "entity \"Artsakh\"",
    ] {
        for format in ["lines", "table"] {
            let out = claimgraph(&dir)
                .env("COLUMNS", "80")
                .args(["query", q, "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(widest(&text) <= 80, "{q} as {format}:\n{text}");
            // no date cut in two
            assert!(!text.contains("2022-\n"), "{text}");
        }
    }
    // A table too wide for the terminal becomes records, and says so.
    let out = claimgraph(&dir)
        .env("COLUMNS", "80")
        .args(["query", "contradictions"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("-[ 1 ]"), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("shown as records"));
}

const TOUR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/queries/tour.cq");

#[test]
fn run_as_json_is_json_lines_with_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(claimgraph(&dir).args(["run", TOUR, "--format", "json"]));
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let statements = std::fs::read_to_string(TOUR)
        .unwrap()
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            !l.is_empty() && !l.starts_with("--") && !l.starts_with('#')
        })
        .count();
    assert_eq!(records.len(), statements);
    assert!(records.iter().all(|r| r["statement"].is_string()));
    assert_eq!(records[0]["statement"], "contradictions order by date");
    assert!(records[0]["answer"].is_array());
}

#[test]
fn run_titles_each_answer_and_echo_prints_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("q.cq"),
        "stats\ncount claims\n  where polarity = deny\n",
    )
    .unwrap();
    let text = stdout(claimgraph(&dir).args(["run", "q.cq"]));
    assert!(text.contains("-- q.cq:1: stats\n"), "{text}");
    assert!(
        text.contains("-- q.cq:2: count claims where polarity = deny\n"),
        "{text}"
    );
    let echoed = stdout(claimgraph(&dir).args(["run", "q.cq", "--echo"]));
    assert!(
        echoed.contains("count claims\n  where polarity = deny\n"),
        "{echoed}"
    );
    // `query -` and `run -` read standard input.
    let piped = stdout(
        claimgraph(&dir)
            .args(["query", "-", "--format", "json"])
            .write_stdin("count claims"),
    );
    let v: Value = serde_json::from_str(&piped).unwrap();
    assert_eq!(v[0]["count"], 33);
    let piped = stdout(
        claimgraph(&dir)
            .args(["run", "-", "--format", "csv"])
            .write_stdin("count claims; count documents"),
    );
    assert_eq!(piped, "count\n33\n\ncount\n5\n\n");
}

#[test]
fn parameters_serve_one_script_for_another_entity() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weekly.cq"),
        "count claims by $who where value >= $n\n",
    )
    .unwrap();
    let count = |who: &str| {
        let text = stdout(claimgraph(&dir).args([
            "run",
            "weekly.cq",
            "--format",
            "csv",
            "--param",
            &format!("who={who}"),
            "--param",
            "n=1",
        ]));
        text.lines().nth(1).unwrap().to_string()
    };
    assert_eq!(count("Armenpress"), "2");
    assert_eq!(count("ministère russe de la Défense"), "2");
    let out = claimgraph(&dir)
        .args(["run", "weekly.cq"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no parameter `$who`"));
}

fn graphviz_installed() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn export_follows_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    if graphviz_installed() {
        stdout(claimgraph(&dir).args(["export", "contradictions", "-o", "c.png"]));
        let png = std::fs::read(dir.path().join("c.png")).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        stdout(claimgraph(&dir).args(["export", "contradictions", "-o", "c.svg"]));
        let svg = std::fs::read_to_string(dir.path().join("c.svg")).unwrap();
        assert!(svg.contains("<svg"));
        // the language's `export to` follows the file name too
        stdout(claimgraph(&dir).args(["query", "agreements export to \"a.png\""]));
        let png = std::fs::read(dir.path().join("a.png")).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
    stdout(claimgraph(&dir).args(["export", "contradictions", "-o", "c.json"]));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("c.json")).unwrap()).unwrap();
    assert_eq!(json["format"], "claimgraph-graph/1");
    // a mismatch is an error, and nothing is written
    for args in [
        ["-o", "m.png", "--format", "json"],
        ["-o", "m.svg", "--render", "png"],
        ["-o", "m.dot", "--render", "svg"],
        ["-o", "m.json", "--format", "dot"],
    ] {
        let out = claimgraph(&dir)
            .args(["export", "contradictions"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("asks for"));
        assert!(!dir.path().join(args[1]).exists());
    }
}

#[test]
fn mention_edges_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plain = stdout(claimgraph(&dir).args(["export", "--all"]));
    assert!(
        !plain.contains("mentions"),
        "mention edges drawn by default"
    );
    let with = stdout(claimgraph(&dir).args(["export", "--all", "--mentions"]));
    assert!(with.contains("label=\"mentions\""));
}

#[test]
fn png_is_never_written_to_a_terminal() {
    use rexpect::session::spawn_command;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    cmd.current_dir(dir.path())
        .env_remove("CLAIMGRAPH_DB")
        .env("NO_COLOR", "1")
        .args(["export", "contradictions", "--render", "png"]);
    let mut session = spawn_command(cmd, Some(30_000)).unwrap();
    session.exp_string("standard output is a terminal").unwrap();
    session.exp_eof().unwrap();
}

/// Every field of every kind of row is documented in the README's field
/// tables, and the README names no field the schema lacks.
#[test]
fn readme_documents_every_field() {
    use claimgraph::query::plan::Rows;
    let readme = include_str!("../README.md");
    for rows in [
        Rows::Findings,
        Rows::Claims,
        Rows::Entities,
        Rows::Events,
        Rows::Documents,
        Rows::EventPairs,
        Rows::Nodes,
    ] {
        for f in rows.fields() {
            let line = format!("| `{}` | ", f.key.as_str());
            assert!(
                readme.contains(&line) && readme.contains(f.doc),
                "README lacks {} field `{}` ({})",
                rows.as_str(),
                f.key.as_str(),
                f.doc
            );
        }
    }
}

#[test]
fn an_ingest_where_every_item_is_bad_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Le minist\xe8re").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = claimgraph(&dir)
        .args(["--db", "x.db", "ingest", "latin1.txt", "empty.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    std::fs::write(
        dir.path().join("good.txt"),
        "Un titre\n\nUn texte correct.\n",
    )
    .unwrap();
    let out = claimgraph(&dir)
        .args(["--db", "x.db", "ingest", "latin1.txt", "good.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
