//! The interactive shell: statements of the query language plus one-line
//! meta-commands (`.help`, `.read FILE`, `.format`, `.output`, `.timer`,
//! `.echo`, `.param`, `.stats`, `.quit`), with history, completion that
//! follows the grammar, and multi-line statements.
//!
//! Lines are gathered until they make a finished statement (the parser
//! says so, through the same splitter as query files), with a continuation
//! prompt meanwhile; the gathered text then runs through
//! [`crate::session::run`], the code that runs query files, so a statement
//! typed over several lines is the same statement as in a file, and every
//! line of a pasted burst runs. Piped input is cut exactly as a file is
//! (a finished statement waits for the next line); at a terminal a finished
//! line runs on Enter, and a clause typed after it gets a note saying why it
//! cannot continue it.

mod helper;

pub use helper::{ReplHelper, META};

use crate::engine::Workspace;
use crate::render::Format;
use crate::session::{self, Settings};
use crate::store::Store;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, EditMode, Editor};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::Instant;

/// Rows shown per table before the shell cuts a long answer.
pub const MAX_ROWS: usize = 40;

const PROMPT: &str = "claimgraph> ";
/// The prompt of a line that continues an unfinished statement.
const CONTINUE: &str = "       ...> ";

/// Where answers go.
enum Sink {
    Screen,
    /// The file named, the open file, and while it is still a temporary
    /// file beside it, that file's path (renamed into place once the first
    /// answer is written: never a half-written file under the name).
    File(PathBuf, std::fs::File, Option<PathBuf>),
}

/// The graph, loading in the background so that the prompt comes at once.
enum Graph {
    Loading(JoinHandle<crate::Result<Workspace>>),
    Ready(Box<Workspace>),
    Failed,
}

/// The shell's state.
pub struct Shell {
    graph: Graph,
    /// Entity spellings for completion, filled when the graph is loaded.
    names: Arc<OnceLock<Vec<String>>>,
    settings: Settings,
    sink: Sink,
    timer: bool,
    /// The database file, which `.output` never writes over.
    database: String,
    /// Statements and commands that failed (a piped session then exits 3).
    errors: usize,
}

/// Where history is kept: `$CLAIMGRAPH_HISTORY`, else the user's data
/// directory (`~/.local/share/claimgraph/history` on Linux).
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMGRAPH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("claimgraph").join("history"))
}

impl Shell {
    /// A shell over the graph of `store`, which is loaded in a background
    /// thread: the first statement waits for it if needed.
    pub fn new(store: Store, mut settings: Settings) -> Shell {
        settings.keep_going = true;
        settings.render.max_rows = Some(MAX_ROWS);
        let names = Arc::new(OnceLock::new());
        let filled = Arc::clone(&names);
        let database = store.label().to_string();
        let loader = std::thread::spawn(move || {
            let ws = Workspace::open(store)?;
            let _ = filled.set(ws.spellings().to_vec());
            Ok(ws)
        });
        Shell {
            graph: Graph::Loading(loader),
            names,
            settings,
            sink: Sink::Screen,
            timer: false,
            database,
            errors: 0,
        }
    }

    fn ws_label(&self) -> &str {
        &self.database
    }

    /// Run the shell until `.quit` or Ctrl-D. Returns the exit status.
    pub fn run(mut self, label: &str) -> rustyline::Result<u8> {
        let config = Config::builder()
            .history_ignore_space(true)
            .auto_add_history(false)
            .completion_type(CompletionType::List)
            .edit_mode(EditMode::Emacs)
            .build();
        let mut rl: Editor<ReplHelper, FileHistory> = Editor::with_config(config)?;
        rl.set_helper(Some(ReplHelper::new(
            Arc::clone(&self.names),
            self.settings.color,
        )));
        // Ctrl-C while a statement runs stops it (at the next row or step)
        // instead of killing the shell; while editing, rustyline reads it.
        let _ = ctrlc::set_handler(|| {
            crate::engine::INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed)
        });
        let history = history_path();
        if let Some(path) = &history {
            let _ = rl.load_history(path);
        }
        println!(
            "claimgraph {} — {label}\nEnter a statement (e.g. `contradictions`), `.help` for help, `.quit` or Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION")
        );
        // Lines of a statement still being typed.
        let mut pending = String::new();
        // Statements piped in are read as a file is: a finished statement
        // waits for the next line, which continues it when it opens with a
        // clause (`where`, `and` ...), as in a query file; `;` runs it at once.
        let piped = !std::io::IsTerminal::is_terminal(&std::io::stdin());
        // Whether the last thing typed was a statement that ran.
        let mut ran = false;
        loop {
            let prompt = if pending.is_empty() { PROMPT } else { CONTINUE };
            match rl.readline(prompt) {
                Ok(input) => {
                    // A paste brings several lines at once: each one counts,
                    // and they are cut into statements as a file's lines are.
                    let paste = input.contains('\n');
                    let mut lines = input.split('\n').peekable();
                    while let Some(line) = lines.next() {
                        if piped && finished_before(&pending, line) {
                            let statement = std::mem::take(&mut pending);
                            self.statements("<repl>", &statement);
                        }
                        if !piped && ran && pending.is_empty() && !paste {
                            hint_if_continuation(line);
                        }
                        let more = (paste && lines.peek().is_some_and(|next| !is_meta(next)))
                            || (piped && !line.trim_end().ends_with(';'));
                        let Some(text) = self.gather(&mut pending, line, more) else {
                            continue;
                        };
                        if is_meta(&text) {
                            let _ = rl.add_history_entry(text.trim());
                        } else {
                            for chunk in crate::query::script::split(&text) {
                                let _ = rl.add_history_entry(
                                    text.get(chunk.span.start..chunk.span.end).unwrap_or(""),
                                );
                            }
                        }
                        if let Some(path) = &history {
                            save_history(&mut rl, path);
                        }
                        ran = !is_meta(&text);
                        if is_meta(&text) {
                            if !self.meta(text.trim()) {
                                return Ok(self.status());
                            }
                        } else {
                            self.statements("<repl>", &text);
                        }
                    }
                }
                Err(ReadlineError::Interrupted) => pending.clear(),
                Err(ReadlineError::Eof) => break,
                Err(e) => return Err(e),
            }
        }
        if !pending.trim().is_empty() {
            // Input ended inside a statement: run it, so its error is shown.
            let statement = std::mem::take(&mut pending);
            self.statements("<repl>", &statement);
        }
        Ok(self.status())
    }

    /// Add one typed line to the statements being gathered; the whole text
    /// once it is finished (a meta-command is always one line). With `more`
    /// (further pasted lines follow), the text waits for them, so that a
    /// pasted block is cut into statements exactly as a file is.
    fn gather(&mut self, pending: &mut String, line: &str, more: bool) -> Option<String> {
        let line = line.trim_end_matches('\r');
        if pending.trim().is_empty() && is_meta(line) {
            pending.clear();
            return Some(line.to_string());
        }
        if pending.is_empty() && line.trim().is_empty() {
            return None;
        }
        pending.push_str(line);
        pending.push('\n');
        if more || crate::query::is_incomplete(pending) {
            None
        } else {
            Some(std::mem::take(pending))
        }
    }

    /// The exit status: an error in a session that was not typed at a
    /// terminal (statements piped to `claimgraph repl`) is a failure.
    fn status(&self) -> u8 {
        use std::io::IsTerminal;
        if self.errors > 0 && !std::io::stdin().is_terminal() {
            3
        } else {
            0
        }
    }

    /// The loaded graph, waiting for the loader the first time.
    fn workspace(&mut self) -> Option<&Workspace> {
        if let Graph::Loading(_) = self.graph {
            let Graph::Loading(handle) = std::mem::replace(&mut self.graph, Graph::Failed) else {
                unreachable!("checked just above");
            };
            if !handle.is_finished() {
                eprintln!("(loading the graph…)");
            }
            self.graph = match handle.join() {
                Ok(Ok(ws)) => Graph::Ready(Box::new(ws)),
                Ok(Err(e)) => {
                    eprintln!("error: {e}");
                    Graph::Failed
                }
                Err(_) => {
                    eprintln!("error: loading the graph failed (a bug; please report it)");
                    Graph::Failed
                }
            };
        }
        match &self.graph {
            Graph::Ready(ws) => Some(ws),
            _ => None,
        }
    }

    fn statements(&mut self, name: &str, text: &str) {
        crate::engine::INTERRUPT.store(false, std::sync::atomic::Ordering::Relaxed);
        let started = Instant::now();
        if self.workspace().is_none() {
            eprintln!("error: there is no graph to query (see the error above)");
            self.errors += 1;
            return;
        }
        let Graph::Ready(ws) = &self.graph else {
            return;
        };
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        let result = match &mut self.sink {
            Sink::Screen => {
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                session::run(ws, name, text, &self.settings, &mut out, &mut err)
            }
            Sink::File(_, file, _) => session::run(ws, name, text, &self.settings, file, &mut err),
        };
        match result {
            Ok(outcome) => self.errors += outcome.errors,
            Err(e) => {
                self.errors += 1;
                let _ = write!(err, "{}", e.render(self.settings.color));
            }
        }
        drop(err);
        self.settle_output();
        let mut err = std::io::stderr().lock();
        if self.timer {
            let _ = writeln!(err, "time: {:.3} s", started.elapsed().as_secs_f64());
        }
    }

    /// Run a meta-command; false means leave the shell.
    fn meta(&mut self, line: &str) -> bool {
        let mut parts = line.splitn(2, char::is_whitespace);
        let command = parts.next().unwrap_or("");
        let arg = parts.next().map(str::trim).unwrap_or("");
        match command {
            ".quit" | ".exit" | ".q" => return false,
            ".help" => match help(arg) {
                Ok(text) => println!("{text}"),
                Err(text) => {
                    self.errors += 1;
                    eprintln!("{text}");
                }
            },
            ".echo" => match arg {
                "on" => self.settings.echo = true,
                "off" => self.settings.echo = false,
                _ => self.fail("error: .echo takes `on` or `off`"),
            },
            ".param" | ".parameter" => self.param(arg),
            ".read" => {
                if arg.is_empty() {
                    self.fail("error: .read needs a file: `.read FILE`");
                } else {
                    let path = std::path::Path::new(arg);
                    // the same size cap as `claimgraph run` (its default)
                    let cap = crate::limits::Cap::query_file(crate::limits::QUERY_MB);
                    let read = match cap.read_query_file(path) {
                        Ok(read) => read,
                        Err(e) => {
                            self.fail(&format!("error: {e}"));
                            return true;
                        }
                    };
                    match read {
                        Ok(file) => {
                            // A file's answers are headed by their statement,
                            // and its `export to` lines are a script's, as
                            // under `claimgraph run`: below its folder, no
                            // existing file replaced.
                            let titles = std::mem::replace(&mut self.settings.titles, true);
                            let origin = std::mem::replace(
                                &mut self.settings.origin,
                                crate::guard::Origin::Script {
                                    force: false,
                                    anywhere: false,
                                },
                            );
                            self.statements(&file.name, &file.text);
                            self.settings.titles = titles;
                            self.settings.origin = origin;
                        }
                        Err(e) => {
                            self.errors += 1;
                            eprint!("{}", e.render(self.settings.color));
                        }
                    }
                }
            }
            ".format" | ".mode" => match arg.parse::<Format>() {
                Ok(f) => self.settings.render.format = f,
                Err(e) => self.fail(&format!("error: {e}")),
            },
            ".output" | ".out" => {
                let (force, arg) = match arg.strip_prefix("--force") {
                    Some(rest) => (true, rest.trim()),
                    None => (false, arg),
                };
                if arg.is_empty() || arg == "stdout" {
                    self.sink = Sink::Screen;
                    self.settings.render.max_rows = Some(MAX_ROWS);
                } else if let Err(why) = crate::guard::check(
                    std::path::Path::new(arg),
                    self.ws_label(),
                    crate::guard::Origin::Typed { force },
                ) {
                    eprintln!("error: .output {arg}: {why}");
                } else {
                    match crate::guard::temporary_beside(std::path::Path::new(arg)) {
                        Ok((f, temp)) => {
                            self.sink = Sink::File(PathBuf::from(arg), f, Some(temp));
                            // A file gets every row.
                            self.settings.render.max_rows = None;
                        }
                        Err(e) => eprintln!(
                            "error: .output {arg}: cannot write: {}",
                            crate::error::io_message(&e)
                        ),
                    }
                }
            }
            ".timer" => match arg {
                "on" => self.timer = true,
                "off" => self.timer = false,
                _ => self.fail("error: .timer takes `on` or `off`"),
            },
            ".stats" => self.statements("<repl>", "stats"),
            other => {
                self.errors += 1;
                let known: Vec<&str> = META.iter().map(|(m, _)| *m).collect();
                match crate::query::suggest(other, known.iter().copied()) {
                    Some(s) => eprintln!("error: unknown command `{other}` — did you mean `{s}`?"),
                    None => eprintln!("error: unknown command `{other}` (see `.help`)"),
                }
            }
        }
        self.settle_output();
        true
    }

    /// Flush the output file, and put it in place under its name once it
    /// holds its first answer.
    fn settle_output(&mut self) {
        let Sink::File(path, f, temp) = &mut self.sink else {
            return;
        };
        if let Err(e) = f.flush() {
            eprintln!("error: {}: {e}", path.display());
        }
        if let Some(t) = temp.take() {
            if let Err(e) = std::fs::rename(&t, &*path) {
                eprintln!("error: {}: {e}", path.display());
                let _ = std::fs::remove_file(&t);
            }
        }
    }
}

impl Shell {
    fn fail(&mut self, message: &str) {
        self.errors += 1;
        eprintln!("{message}");
    }

    /// `.param set NAME VALUE`, `.param unset NAME`, `.param list`,
    /// `.param clear`: the values of `$NAME` in statements.
    fn param(&mut self, arg: &str) {
        let mut words = arg.splitn(3, char::is_whitespace);
        let params = &mut self.settings.params;
        match (words.next().unwrap_or(""), words.next(), words.next()) {
            ("set", Some(name), Some(value)) => {
                let name = name.trim_start_matches('$').to_string();
                params.retain(|(n, _)| *n != name);
                params.push((name, value.trim().to_string()));
            }
            ("unset", Some(name), None) => {
                let name = name.trim_start_matches('$');
                params.retain(|(n, _)| n != name);
            }
            ("clear", None, None) => params.clear(),
            ("list" | "", None, None) => {
                for (name, value) in params.iter() {
                    println!("${name} = {value}");
                }
            }
            _ => self.fail(
                "error: .param set NAME VALUE | .param unset NAME | .param list | .param clear",
            ),
        }
    }
}

/// Whether a line is a meta-command (`.help`, `.read FILE` ...).
fn is_meta(line: &str) -> bool {
    line.trim_start().starts_with('.')
}

/// Whether the statements gathered so far are finished by the arrival of
/// `line`, as a query file's statement is by a next line that starts
/// another statement (or a meta-command). A next line that opens with a
/// clause continues the statement instead:
///
/// ```text
/// claims
///   where measure = killed
/// ```
fn finished_before(pending: &str, line: &str) -> bool {
    !pending.trim().is_empty()
        && !crate::query::is_incomplete(pending)
        && (is_meta(line) || crate::query::script::starts_statement(line.trim_start()))
}

/// At a terminal a finished statement runs when Enter is pressed, so a
/// line typed next that opens with a clause (`where measure = killed`
/// after `claims`) cannot continue it: say why before its error.
fn hint_if_continuation(line: &str) {
    let rest = line.trim_start();
    if crate::query::script::continues_statement(rest) {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        eprintln!(
            "note: `{word}` continues a statement, but the one before it already ran when Enter was pressed. \
             Type it on one line, end the earlier line with a word that cannot end a statement \
             (`where`, `and` ...), or paste the lines together."
        );
    }
}

fn save_history(rl: &mut Editor<ReplHelper, FileHistory>, path: &std::path::Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = rl.save_history(path);
}

/// The text of `.help` and `.help TOPIC`; an unknown topic is an error
/// naming the topics there are.
pub fn help(topic: &str) -> Result<String, String> {
    let topic = topic.trim().to_ascii_lowercase();
    if topic.is_empty() {
        return Ok(general_help());
    }
    helper::topic_help(&topic, STATEMENTS).ok_or_else(|| {
        let topics = helper::topics(STATEMENTS);
        let mut text = format!("error: no help on `{topic}`");
        if let Some(s) = crate::query::suggest(&topic, topics.iter().map(String::as_str)) {
            text.push_str(&format!(" — did you mean `{s}`?"));
        }
        text.push_str(&format!("\ntopics: {}", topics.join(", ")));
        text
    })
}

fn general_help() -> String {
    let mut out = String::from(
        "Statements (end with `;` or Enter; a statement left open continues on the next line):\n",
    );
    for (s, t) in STATEMENTS {
        out.push_str(&format!("  {s:<15} {}\n", t.lines().next().unwrap_or("")));
    }
    out.push_str("\nMeta-commands (one line, no `;`):\n");
    for (m, d) in META {
        out.push_str(&format!("  {m:<15} {d}\n"));
    }
    out.push_str(
        "\n`.help TOPIC` for a statement, a clause (where, order, limit, show, count, by ...), \
         a field (measure, value, date ...) or a meta-command.\n\
         Tab completes keywords, the words a field takes and entity names (any alias); \
         Ctrl-R searches history.",
    );
    out
}

const STATEMENTS: &[(&str, &str)] = &[
    ("contradictions", "contradictions [where measure = killed] [involving \"Artsakh\"]\n  Claims that cannot both hold, with the reason."),
    ("agreements", "agreements [where independent = true]\n  The same figure from different sources."),
    ("updates", "updates [involving \"X\"]\n  A figure superseded by a later one, earlier first."),
    ("findings", "findings [where kind = contradiction]\n  Contradictions, agreements and updates together."),
    ("documents", "documents [in \"Outlet\"] [where published >= 2022-03]\n  The ingested articles."),
    ("claims", "claims [by \"X\"] [in \"Outlet\"] [where measure = killed and value >= 3]\n  Attributed claims with their quotes."),
    ("entities", "entities [where kind = person]\n  Entities with their aliases."),
    ("entity", "entity \"Artsakh\"\n  One entity: aliases and why they merged, mentions, claims."),
    ("events", "events [where kind = strike] [at \"X\"]"),
    ("provenance", "provenance claim 12 | provenance finding 3\n  Quote, sentence, document, bytes, speaker, outlet, agencies, findings."),
    ("compare", "compare \"RT en français\" with \"Armenpress\"\n  Two outlets on the events they both cover."),
    ("neighbours", "neighbours \"X\" depth 2\n  Nodes around a node (`neighbors` also works)."),
    ("path", "path \"A\" to \"B\"\n  A shortest chain of links between two entities."),
    ("timeline", "timeline \"X\"\n  Claims about X in date order."),
    ("count", "count claims where polarity = deny"),
    ("export", "... export to \"file.dot\"\n  Write the subgraph of any answer as GraphViz DOT."),
    ("explain", "explain <statement>\n  Show the plan instead of running it."),
    ("stats", "stats\n  How much the graph holds."),
];
