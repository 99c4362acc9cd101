//! `claimgraph run FILE.cq ...` and `claimgraph query 'TEXT'`: query files
//! and one-off statements, through the same session code as the REPL.

use super::GlobalArgs;
use crate::engine::Workspace;
use crate::error::Result;
use crate::export::dot::DotOptions;
use crate::query::{QueryError, QueryFile};
use crate::render::{Format, RenderOptions};
use crate::session::{self, Settings};
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

/// How answers are printed.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// In DOT exports, draw each document's claims inside a box
    #[arg(long)]
    pub group_by_document: bool,
    /// Print each statement before its answer (as `sqlite3 -echo`, `psql -e`)
    #[arg(long)]
    pub echo: bool,
    /// A parameter used as `$NAME` in the statements (repeatable)
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
    pub params: Vec<(String, String)>,
    /// With `explain`: also how the store is read (SQL, indexes used)
    #[arg(long)]
    pub explain_sql: bool,
}

/// `NAME=VALUE` of `--param`.
fn parse_param(text: &str) -> std::result::Result<(String, String), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, found {text:?}"))?;
    let name = name.trim().trim_start_matches('$');
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "{name:?} is not a parameter name (letters, digits, _)"
        ));
    }
    Ok((name.to_string(), value.to_string()))
}

impl OutputArgs {
    pub fn settings(&self, keep_going: bool) -> Settings {
        let width = terminal_width(std::io::stdout().is_terminal());
        Settings {
            titles: false,
            echo: self.echo,
            json_lines: false,
            params: self.params.clone(),
            render: RenderOptions {
                format: self.format,
                width,
                max_rows: None,
            },
            dot: DotOptions {
                group_by_document: self.group_by_document,
                mentions: false,
            },
            color: color_on_stderr(),
            keep_going,
            origin: crate::guard::Origin::Typed { force: false },
            explain_sql: self.explain_sql,
        }
    }
}

/// Whether diagnostics on stderr may use colour: a terminal, and no
/// `NO_COLOR` in the environment.
pub fn color_on_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty())
}

/// The width answers must fit: `$COLUMNS` when set (also through a pipe,
/// so that `COLUMNS=80 claimgraph query … | less` fits 80 columns), else
/// what the terminal says; none for a pipe or a file.
fn terminal_width(terminal: bool) -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    match columns {
        Some(w) => Some(w),
        None if terminal => comfy_table::Table::new().width(),
        None => None,
    }
    // A pseudo-terminal that reports no size says 0: fit nothing then.
    .filter(|w| *w >= 20)
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Query files (statements separated by `;` or new lines; `--` comments;
    /// `-` reads standard input)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Go on after an error; the exit status still reports it
    #[arg(long)]
    pub keep_going: bool,
    /// Let `export to "FILE"` in the files replace existing files
    #[arg(long, alias = "overwrite")]
    pub force: bool,
    /// Let `export to "FILE"` in the files write outside the query file's
    /// folder and the current folder
    #[arg(long)]
    pub allow_write_anywhere: bool,
    /// Largest query file accepted, in MiB
    #[arg(long, value_name = "MB", default_value_t = crate::limits::QUERY_MB, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_query_mb: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// One or more statements, e.g. 'contradictions where measure = killed'
    /// (`-` reads them from standard input)
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Go on after an error; the exit status still reports it
    #[arg(long)]
    pub keep_going: bool,
    /// Let `export to "FILE"` replace an existing file
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run_files(global: &GlobalArgs, args: RunArgs) -> Result<u8> {
    let mut settings = args.output.settings(args.keep_going);
    // A query file may come from anyone: its `export to` stays below here.
    settings.origin = crate::guard::Origin::Script {
        force: args.force,
        anywhere: args.allow_write_anywhere,
    };
    let cap = crate::limits::Cap::query_file(args.max_query_mb);
    // A script's answers are headed by their statement; as JSON, one JSON
    // Lines record each.
    settings.titles = true;
    settings.json_lines = true;
    // Read every file first: a missing file fails before any work is done.
    let mut files = Vec::new();
    for path in &args.files {
        let read = if path.as_os_str() == "-" {
            read_stdin()
        } else {
            cap.read_query_file(path)?
        };
        match read {
            Ok(f) => files.push(f),
            Err(e) => return Ok(report(&e, &settings)),
        }
    }
    let ws = workspace(global)?;
    let mut failed = 0;
    for file in &files {
        match run_text(&ws, &file.name, &file.text, &settings) {
            Ok(errors) => failed += errors,
            Err(code) => return Ok(code),
        }
    }
    Ok(if failed > 0 { 3 } else { 0 })
}

pub fn run_query(global: &GlobalArgs, args: QueryArgs) -> Result<u8> {
    let mut settings = args.output.settings(args.keep_going);
    let (name, text) = if args.text == "-" {
        match read_stdin() {
            Ok(file) => (file.name, file.text),
            Err(e) => return Ok(report(&e, &settings)),
        }
    } else {
        ("<query>".to_string(), args.text.clone())
    };
    // Several statements are told apart like a script's; one statement's
    // JSON is one document (`jq '.[]'`).
    let several = crate::query::script::split(&text).len() > 1;
    settings.titles = several;
    settings.json_lines = several;
    settings.origin = crate::guard::Origin::Typed { force: args.force };
    let ws = workspace(global)?;
    Ok(match run_text(&ws, &name, &text, &settings) {
        Ok(0) => 0,
        Ok(_) => 3,
        Err(code) => code,
    })
}

/// Standard input as a query file named `<stdin>`.
fn read_stdin() -> std::result::Result<QueryFile, QueryError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let name = std::path::Path::new("<stdin>");
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| QueryError::Io {
            file: name.to_path_buf(),
            source,
        })?;
    QueryFile::from_bytes(name, bytes)
}

/// The graph a read command works on: each statement reads what it needs
/// from the store's indexes.
pub fn workspace(global: &GlobalArgs) -> Result<Workspace> {
    let extractor = global.extractor()?;
    Workspace::open(global.open_for_reading(&extractor)?)
}

/// The whole graph of the store, loaded (for `export`, which draws it).
pub fn whole_workspace(global: &GlobalArgs) -> Result<Workspace> {
    let extractor = global.extractor()?;
    Workspace::load(global.open_for_reading(&extractor)?)
}

/// Run one text; `Ok(errors)` when the run got to its end, `Err(code)` when
/// an error stopped it (already printed).
fn run_text(ws: &Workspace, name: &str, text: &str, settings: &Settings) -> Result<usize, u8> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    match session::run(ws, name, text, settings, &mut out, &mut err) {
        Ok(outcome) => Ok(outcome.errors),
        Err(e) => {
            drop(err);
            Err(report(&e, settings))
        }
    }
}

fn report(e: &QueryError, settings: &Settings) -> u8 {
    eprint!("{}", e.render(settings.color));
    e.exit_code()
}

#[derive(Debug, Args)]
pub struct ReplArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `claimgraph` alone: the REPL on a terminal, else standard input read as
/// a query file.
pub fn run_default(global: &GlobalArgs) -> Result<u8> {
    let output = OutputArgs {
        format: Format::Table,
        group_by_document: false,
        echo: false,
        params: Vec::new(),
        explain_sql: false,
    };
    if std::io::stdin().is_terminal() {
        return run_repl(global, ReplArgs { output });
    }
    let cap = crate::limits::Cap {
        what: "query text",
        mb: crate::limits::QUERY_MB,
        flag: "a query file given to `run --max-query-mb`",
    };
    let bytes = cap.read_stdin()?;
    let mut settings = output.settings(false);
    settings.origin = crate::guard::Origin::Script {
        force: false,
        anywhere: false,
    };
    settings.titles = true;
    settings.json_lines = true;
    let file = match QueryFile::from_bytes(std::path::Path::new("<stdin>"), bytes) {
        Ok(f) => f,
        Err(e) => return Ok(report(&e, &settings)),
    };
    let ws = workspace(global)?;
    Ok(match run_text(&ws, &file.name, &file.text, &settings) {
        Ok(0) => 0,
        Ok(_) => 3,
        Err(code) => code,
    })
}

pub fn run_repl(global: &GlobalArgs, args: ReplArgs) -> Result<u8> {
    let label = match &global.db {
        Some(p) => p.display().to_string(),
        None if std::path::Path::new(super::DEFAULT_DB).exists() => super::DEFAULT_DB.to_string(),
        None => "built-in sample corpus (in memory)".to_string(),
    };
    let store = global.open_for_reading(&global.extractor()?)?;
    let settings = args.output.settings(true);
    crate::repl::Shell::new(store, settings)
        .run(&label)
        .map_err(|e| crate::Error::Usage(format!("terminal: {e}")))
}
