//! Every `tests/queries/*.cq` file is run through the statement splitter,
//! the parser and the planner; what comes out (the canonical text and plan
//! of each statement, or its rendered diagnostic) is an insta snapshot named
//! after the file. A new case is a new file.

use claimgraph::query::{self, plan, Position, QueryFile};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/queries exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "cq"))
        .collect();
    files.sort();
    files
}

/// What a user sees for each statement of the file.
fn run(path: &Path) -> String {
    let name = format!(
        "tests/queries/{}",
        path.file_name().unwrap().to_string_lossy()
    );
    let file = match QueryFile::read(path) {
        Ok(file) => file,
        Err(e) => {
            let shown = e.render(false).replace(&*path.to_string_lossy(), &name);
            return format!("exit {}\n{shown}", e.exit_code());
        }
    };
    let mut out = String::new();
    for (span, result) in query::parse_each(&file.text) {
        let pos = Position::of(&file.text, span.start);
        let _ = write!(out, "[{}:{}] ", pos.line, pos.column);
        match result {
            Ok(statement) => {
                round_trip(&statement);
                let _ = writeln!(out, "{statement}");
                match plan::plan(&statement) {
                    Ok(p) => out.push_str(&p.to_string()),
                    Err(d) => out.push_str(&d.render(&name, &file.text, false)),
                }
            }
            Err(d) => out.push_str(&d.render(&name, &file.text, false)),
        }
        out.push('\n');
    }
    out
}

/// The canonical text of a statement parses back to the same statement and
/// prints the same way again.
fn round_trip(statement: &query::Statement) {
    let text = statement.to_string();
    let again = query::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(again.len(), 1, "{text}");
    assert_eq!(&again[0], statement, "{text}");
    assert_eq!(again[0].to_string(), text);
}

#[test]
fn query_files() {
    let files = case_files();
    assert!(files.len() >= 20, "the case files are missing");
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(stem, run(&path));
    }
}

#[test]
fn example_query_files_parse_and_plan() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/queries");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("data/queries exists") {
        let path = entry.expect("readable entry").path();
        let file = QueryFile::read(&path).expect("example files are UTF-8");
        let statements = query::parse(&file.text)
            .unwrap_or_else(|d| panic!("{}", d.render(&file.name, &file.text, false)));
        for statement in &statements {
            round_trip(statement);
            plan::plan(statement)
                .unwrap_or_else(|d| panic!("{}", d.render(&file.name, &file.text, false)));
        }
        seen += statements.len();
    }
    assert!(seen > 20, "only {seen} example statements");
}

/// Every ```text block of the README (the language reference) is a runnable
/// example.
#[test]
fn reference_examples_parse_and_plan() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let doc = std::fs::read_to_string(path).expect("README.md exists");
    let mut blocks = 0;
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```text\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").expect("closed block");
        let block = &body[..end];
        for statement in
            query::parse(block).unwrap_or_else(|d| panic!("{}", d.render("doc", block, false)))
        {
            round_trip(&statement);
            plan::plan(&statement).unwrap_or_else(|d| panic!("{}", d.render("doc", block, false)));
        }
        blocks += 1;
        rest = &body[end + 3..];
    }
    assert!(blocks >= 15, "only {blocks} example blocks");
}
