//! The REPL driven through a real pseudo-terminal, as a user would: the
//! binary runs on the built-in sample corpus (no database in its directory),
//! with its history in a temporary file. (The pty reader sees bytes, not
//! UTF-8 characters, so expectations stay ASCII.)

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;
use tempfile::TempDir;

const TIMEOUT_MS: u64 = 30_000;
/// A fresh prompt, as rustyline draws it when it starts reading a new line
/// (bracketed paste switched on, line cleared): unlike the bare prompt text,
/// it never matches the redraws while a line is typed. Keys sent before it
/// could be lost between two reads.
const FRESH_PROMPT: &str = "\x1b[?2004h\r\x1b[Kclaimgraph> ";

struct Repl {
    session: PtySession,
}

fn start(dir: &TempDir) -> Repl {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    cmd.current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CLAIMGRAPH_HISTORY", dir.path().join("history"))
        .env_remove("CLAIMGRAPH_DB");
    let mut session = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn the REPL");
    session.exp_string(".help").expect("banner");
    session.exp_string(FRESH_PROMPT).expect("first prompt");
    Repl { session }
}

impl Repl {
    /// Type text without Enter.
    fn keys(&mut self, text: &str) {
        self.session.send(text).expect("send keys");
        self.session.flush().expect("flush keys");
    }
    fn line(&mut self, text: &str) {
        self.session.send_line(text).expect("send a line");
    }
    fn expect(&mut self, text: &str) {
        if let Err(e) = self.session.exp_string(text) {
            panic!("expected {text:?}: {e}");
        }
    }
    fn prompt(&mut self) {
        self.expect(FRESH_PROMPT);
    }
    fn quit(mut self) {
        self.session.send_control('d').expect("Ctrl-D");
        self.session.exp_eof().expect("the REPL exits on Ctrl-D");
    }
}

#[test]
fn a_query_prints_its_table() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line("stats");
    r.expect("documents");
    r.expect(" 5 ");
    r.prompt();
    r.quit();
}

#[test]
fn tab_completes_an_entity_by_alias() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    // The graph loads in the background; a first statement waits for it.
    r.line("count entities");
    r.expect("count");
    r.prompt();
    r.keys("entity \"Artsa");
    r.keys("\t");
    r.expect("Artsakh\"");
    r.line("");
    // The alias leads to the canonical entity, with its aliases listed.
    r.expect("Haut-Karabakh");
    r.expect("aliases:");
    r.prompt();
    r.quit();
}

#[test]
fn a_statement_continues_on_the_next_line() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    // JSON output, so that what is expected cannot be the echo of the input.
    r.line(".format json");
    r.prompt();
    r.line("count claims where");
    // the continuation prompt, then the rest of the statement
    r.expect("...> ");
    r.line("measure = killed");
    r.expect("\"count\": 5");
    r.prompt();
    // the same text as in a file: a later line starting with a clause
    r.line("count claims where measure = killed and");
    r.expect("...> ");
    r.line("  value >= 3");
    r.expect("\"count\": 3");
    r.prompt();
    r.quit();
}

#[test]
fn every_line_of_a_burst_runs_and_enters_history() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line(".format json");
    r.prompt();
    // Three statements arriving at once, as from a paste.
    r.keys("count claims\ncount documents\ncount entities where kind = country\n");
    r.expect("\"count\": 33");
    r.expect("\"count\": 5");
    r.expect("\"count\": ");
    r.prompt();
    r.quit();
    let saved = std::fs::read_to_string(dir.path().join("history")).unwrap();
    for s in [
        "count claims",
        "count documents",
        "count entities where kind = country",
    ] {
        assert!(saved.lines().any(|l| l == s), "{s} not in {saved}");
    }
}

#[test]
fn a_pasted_block_is_cut_into_statements_as_a_file_is() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line(".format json");
    r.prompt();
    // A bracketed paste: one statement over two lines, then another, as
    // the same lines in a query file.
    r.keys("\x1b[200~count claims\n  where polarity = deny\ncount documents\x1b[201~\r");
    r.expect("\"count\": 4");
    r.expect("\"count\": 5");
    r.prompt();
    r.quit();
    let saved = std::fs::read_to_string(dir.path().join("history")).unwrap();
    assert!(saved.contains("count documents"), "{saved}");
}

#[test]
fn help_topic_and_grammar_completion() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line(".help polarity");
    r.expect("affirm, deny");
    r.prompt();
    r.line(".help nonsense");
    r.expect("no help on `nonsense`");
    r.prompt();
    r.line("count entities");
    r.expect("count");
    r.prompt();
    r.keys("count claims where polarity = de");
    r.keys("\t");
    r.expect("deny");
    r.line("");
    r.expect(" 4 ");
    r.prompt();
    r.quit();
}

#[test]
fn an_error_is_shown_and_the_shell_goes_on() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line("contradictons");
    r.expect("did you mean `contradictions`");
    r.prompt();
    r.line("entity \"Parukhh\"");
    r.expect("did you mean \"Parukh\"");
    r.prompt();
    r.line("stats");
    r.expect("documents");
    r.prompt();
    r.quit();
}

#[test]
fn read_runs_a_query_file_and_format_switches_to_json() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("q.cq"),
        "-- a comment\ncount entities where kind = country\n",
    )
    .unwrap();
    let mut r = start(&dir);
    r.line(".read q.cq");
    r.expect("count");
    r.prompt();
    r.line(".format json");
    r.prompt();
    r.line("stats");
    r.expect("\"what\": \"documents\"");
    r.prompt();
    r.line(".read missing.cq");
    r.expect("missing.cq");
    r.prompt();
    r.quit();
}

/// Runs `claimgraph repl` with `input` piped to it.
fn piped(dir: &TempDir, input: &'static [u8]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .current_dir(dir.path())
        .env_remove("CLAIMGRAPH_DB")
        .env("CLAIMGRAPH_HISTORY", dir.path().join("history"))
        .arg("repl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(input)?;
            child.wait_with_output()
        })
        .unwrap()
}

#[test]
fn a_piped_session_with_an_error_exits_non_zero() {
    let dir = TempDir::new().unwrap();
    let out = piped(&dir, b"stats\ncontradictons\n");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn ctrl_c_cancels_the_line_and_ctrl_d_exits() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.keys("claims where measure =");
    r.session.send_control('c').unwrap();
    r.prompt();
    r.line("stats");
    r.expect("documents");
    r.prompt();
    r.quit();
}

#[test]
fn history_is_kept_across_sessions() {
    let dir = TempDir::new().unwrap();
    let mut first = start(&dir);
    first.line("count documents");
    first.expect("count");
    first.prompt();
    first.line(".timer on");
    first.prompt();
    first.line(".quit");
    first.session.exp_eof().unwrap();
    let saved = std::fs::read_to_string(dir.path().join("history")).unwrap();
    assert!(saved.contains("count documents"), "{saved}");

    let mut second = start(&dir);
    // Up arrow walks back through the first session: `.quit`, `.timer on`,
    // then the statement.
    second.keys("\x1b[A\x1b[A\x1b[A");
    second.expect("count documents");
    second.line("");
    second.expect(" 5 ");
    second.prompt();
    second.quit();
}

#[test]
fn output_never_clobbers_and_writes_through_a_renamed_file() {
    let dir = TempDir::new().unwrap();
    let mut sqlite = b"SQLite format 3\0".to_vec();
    sqlite.extend([0u8; 100]);
    std::fs::write(dir.path().join("app.db"), &sqlite).unwrap();
    std::fs::write(dir.path().join("mine.txt"), "mine").unwrap();
    let mut r = start(&dir);
    r.line(".output app.db");
    r.expect("is a SQLite database");
    r.prompt();
    r.line(".output mine.txt");
    r.expect("--force");
    r.prompt();
    r.line(".output --force mine.txt");
    r.prompt();
    r.line("count claims");
    r.prompt();
    r.line(".output");
    r.prompt();
    r.quit();
    assert_eq!(std::fs::read(dir.path().join("app.db")).unwrap(), sqlite);
    let written = std::fs::read_to_string(dir.path().join("mine.txt")).unwrap();
    assert!(written.contains("count"), "{written}");
    let temporary = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
    assert!(!temporary);
}

#[test]
fn piped_statements_are_cut_as_a_file_is() {
    let dir = TempDir::new().unwrap();
    // A clause on the next line continues the statement, as in a file; `;`
    // and a statement word end one.
    let out = piped(
        &dir,
        b".format json\ncount claims\n  where measure = killed\ncount claims;\ncount documents\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let counts: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\"count\""))
        .map(str::trim)
        .collect();
    assert_eq!(
        counts,
        ["\"count\": 5", "\"count\": 33", "\"count\": 5"],
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_clause_typed_after_a_statement_ran_says_why_it_fails() {
    let dir = TempDir::new().unwrap();
    let mut r = start(&dir);
    r.line("count claims");
    r.expect("count");
    r.prompt();
    r.line("where measure = killed");
    r.expect("`where` continues a statement");
    r.prompt();
    r.quit();
}
