//! Every `tests/answers/*.cq` file, and every example of `data/queries/`
//! (the README's guided tour among them), is run against the built-in
//! sample corpus through the same session code as `claimgraph run`; what a
//! user would see on stdout and stderr is an insta snapshot named after the
//! file. A new case is a new file.

use claimgraph::engine::Workspace;
use claimgraph::extract::Extractor;
use claimgraph::query::QueryFile;
use claimgraph::session::{self, Settings};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn workspace() -> &'static std::sync::Mutex<Workspace> {
    static WS: OnceLock<std::sync::Mutex<Workspace>> = OnceLock::new();
    WS.get_or_init(|| {
        let store = claimgraph::ingest::sample_store(&Extractor::builtin()).expect("sample corpus");
        std::sync::Mutex::new(Workspace::load(store).expect("workspace"))
    })
}

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("directory exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "cq"))
        .collect();
    files.sort();
    files
}

fn answer(dir: &str, path: &Path) -> String {
    let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
    let file = QueryFile::read(path).expect("readable query file");
    let settings = Settings {
        keep_going: true,
        ..Settings::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ws = workspace().lock().unwrap();
    // Exports are written by the tour; keep them out of the source tree.
    let dir_guard = tempfile::tempdir().unwrap();
    let cwd = std::env::current_dir().unwrap();
    std::env::set_current_dir(dir_guard.path()).unwrap();
    let outcome = session::run(&ws, &name, &file.text, &settings, &mut out, &mut err);
    std::env::set_current_dir(cwd).unwrap();
    let outcome = outcome.expect("keep-going runs to the end");
    format!(
        "statements: {}, errors: {}\n--- stdout\n{}--- stderr\n{}",
        outcome.statements,
        outcome.errors,
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    )
}

#[test]
fn answers_on_the_sample_corpus() {
    for dir in ["tests/answers", "data/queries"] {
        for path in files(dir) {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let shown = answer(dir, &path);
            let snapshot = format!("{}__{stem}", dir.replace('/', "_"));
            insta::assert_snapshot!(snapshot, shown);
        }
    }
}

/// The same answers in the vertical view at 80 columns and as typed JSON
/// (JSON Lines, as `run --format json` prints them).
#[test]
fn lines_and_json_on_the_sample_corpus() {
    use claimgraph::render::{Format, RenderOptions};
    let text = "contradictions where measure = killed\n\
                agreements show id, value, independent\n\
                provenance claim 5\n\
                entity \"Parukh\"\n";
    for (name, format) in [("lines_80", Format::Lines), ("json_lines", Format::Json)] {
        let settings = Settings {
            keep_going: true,
            titles: true,
            json_lines: true,
            render: RenderOptions {
                format,
                width: Some(80),
                max_rows: None,
            },
            ..Settings::default()
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let ws = workspace().lock().unwrap();
        session::run(&ws, "formats.cq", text, &settings, &mut out, &mut err).unwrap();
        let shown = String::from_utf8(out).unwrap();
        if format == Format::Lines {
            assert!(shown.lines().all(|l| l.chars().count() <= 80), "{shown}");
        } else {
            for line in shown.lines() {
                serde_json::from_str::<serde_json::Value>(line).unwrap();
            }
        }
        insta::assert_snapshot!(name, shown);
    }
}
