//! The interactive shell: statements of the query language plus one-line
//! meta-commands (`.help`, `.read FILE`, `.format`, `.output`, `.timer`,
//! `.stats`, `.quit`), with history, completion of the graph's own names and
//! multi-line statements.
//!
//! Statements and `.read` go through [`crate::session::run`], the code that
//! runs query files, so the shell and scripts always agree.

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
            let ws = Workspace::load(store)?;
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
        loop {
            match rl.readline(PROMPT) {
                Ok(line) => {
                    let text = line.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let _ = rl.add_history_entry(text);
                    if let Some(path) = &history {
                        save_history(&mut rl, path);
                    }
                    if text.starts_with('.') {
                        if !self.meta(text) {
                            break;
                        }
                    } else {
                        self.statements("<repl>", text);
                    }
                }
                Err(ReadlineError::Interrupted) => continue,
                Err(ReadlineError::Eof) => break,
                Err(e) => return Err(e),
            }
        }
        Ok(0)
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
        if let Err(e) = result {
            let _ = write!(err, "{}", e.render(self.settings.color));
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
            ".help" => println!("{}", help(arg)),
            ".read" => {
                if arg.is_empty() {
                    eprintln!("error: .read needs a file: `.read FILE`");
                } else {
                    match crate::query::QueryFile::read(std::path::Path::new(arg)) {
                        Ok(file) => self.statements(&file.name, &file.text),
                        Err(e) => eprint!("{}", e.render(self.settings.color)),
                    }
                }
            }
            ".format" | ".mode" => match arg.parse::<Format>() {
                Ok(f) => self.settings.render.format = f,
                Err(e) => eprintln!("error: {e}"),
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
                _ => eprintln!("error: .timer takes `on` or `off`"),
            },
            ".stats" => self.statements("<repl>", "stats"),
            other => {
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

fn save_history(rl: &mut Editor<ReplHelper, FileHistory>, path: &std::path::Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = rl.save_history(path);
}

/// The text of `.help` and `.help TOPIC`.
pub fn help(topic: &str) -> String {
    let topic = topic.trim().trim_start_matches('.');
    if let Some((m, d)) = META.iter().find(|(m, _)| &m[1..] == topic) {
        return format!("{m}: {d}");
    }
    if let Some(text) = STATEMENTS
        .iter()
        .find(|(s, _)| *s == topic)
        .map(|(_, t)| *t)
    {
        return text.to_string();
    }
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
    out.push_str("\nTab completes keywords and entity names (any alias); Ctrl-R searches history.");
    out
}

const STATEMENTS: &[(&str, &str)] = &[
    ("contradictions", "contradictions [where measure = killed] [involving \"Artsakh\"]\n  Claims that cannot both hold, with the reason."),
    ("agreements", "agreements [where independent = true]\n  The same figure from different sources."),
    ("updates", "updates [involving \"X\"]\n  A figure superseded by a later one, earlier first."),
    ("claims", "claims [by \"X\"] [in \"Outlet\"] [where measure = killed and value >= 3]\n  Attributed claims with their quotes."),
    ("entities", "entities [where kind = person]\n  Entities with their aliases."),
    ("entity", "entity \"Artsakh\"\n  One entity: aliases and why they merged, mentions, claims."),
    ("events", "events [where kind = strike] [at \"X\"]"),
    ("provenance", "provenance claim 12 | provenance finding 3\n  Quote, sentence, document, bytes, speaker, outlet, agencies, findings."),
    ("compare", "compare \"RT en français\" with \"Armenpress\"\n  Two outlets on the events they both cover."),
    ("neighbours", "neighbours \"X\" depth 2\n  Nodes around a node."),
    ("path", "path \"A\" to \"B\"\n  A shortest chain of links between two entities."),
    ("timeline", "timeline \"X\"\n  Claims about X in date order."),
    ("count", "count claims where polarity = deny"),
    ("export", "... export to \"file.dot\"\n  Write the subgraph of any answer as GraphViz DOT."),
    ("explain", "explain <statement>\n  Show the plan instead of running it."),
    ("stats", "stats\n  How much the graph holds."),
];
