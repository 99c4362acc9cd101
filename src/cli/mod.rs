//! The command line: argument parsing (clap) and dispatch to the library.
//!
//! Each subcommand is one variant of [`Command`] with its own argument struct
//! and `run` function; options shared by all live in [`GlobalArgs`]. Errors
//! are printed once, here, as one line, and mapped to the exit codes of
//! [`crate::error`]: 0 ok, 1 some items of a batch failed, 2 usage, 3 input,
//! 4 database.

mod correct;
mod eval;
mod export;
mod import;
mod ingest;
mod query;
mod stats;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::store::Store;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

pub use ingest::IngestArgs;
pub use stats::StatsArgs;

/// The database file used when none is given and one exists here.
pub const DEFAULT_DB: &str = "claimgraph.db";

/// Who claims what in news coverage: a claim graph of articles, with
/// contradictions, agreements and updates traced to the exact sentence.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Without a command: the REPL on a terminal, else statements read from
    /// standard input like a query file.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand understands.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Database file [default: ./claimgraph.db; read commands fall back to
    /// the built-in sample corpus in memory when there is none]
    #[arg(long, global = true, env = "CLAIMGRAPH_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// An extra lexicon file (same format as data/lexicon/*.lex) merged into
    /// the built-in one for extraction
    #[arg(long, global = true, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,

    /// Largest lexicon file accepted, in MiB
    #[arg(long, global = true, value_name = "MB", default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_lexicon_mb: u64,

    /// Seconds to wait for another process writing the database
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30.0)]
    pub lock_timeout: f64,
}

/// The subcommands. A new one is a variant here with its own `Args` struct
/// and module, dispatched in [`run`]; read commands get their store from
/// [`GlobalArgs::open_for_reading`], write commands from
/// [`GlobalArgs::open_for_writing`].
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles (files, folders, JSON Lines, `-` for stdin) to the database
    Ingest(IngestArgs),
    /// Count documents, entities, events, claims and findings
    Stats(StatsArgs),
    /// Score extraction and comparison against a gold annotation file
    Eval(eval::EvalArgs),
    /// Run query files (`.cq`): statements separated by `;` or new lines
    Run(query::RunArgs),
    /// Run statements given on the command line
    Query(query::QueryArgs),
    /// The interactive shell (the default on a terminal)
    Repl(query::ReplArgs),
    /// Write a statement's subgraph (or the whole graph) as GraphViz DOT or JSON
    Export(export::ExportArgs),
    /// Load a JSON graph file (from `export --format json` or another extractor)
    Import(import::ImportArgs),
    /// Remove documents and everything derived from them; findings recomputed
    Forget(correct::ForgetArgs),
    /// Store again articles whose sidecar or text changed (`ingest --refresh`)
    Refresh(IngestArgs),
    /// Run the current extractor (and --lexicon) over the stored texts again
    Reextract(correct::ReextractArgs),
}

impl GlobalArgs {
    /// The extractor: the built-in lexicon, plus `--lexicon FILE`.
    pub fn extractor(&self) -> Result<Extractor> {
        let Some(path) = &self.lexicon else {
            return Ok(Extractor::builtin());
        };
        let cap = crate::limits::Cap {
            what: "lexicon",
            mb: self.max_lexicon_mb,
            flag: "--max-lexicon-mb",
        };
        let text = String::from_utf8(cap.read(path)?).map_err(|e| Error::Input {
            location: path.display().to_string(),
            message: format!(
                "a lexicon is UTF-8 text; byte {} is not",
                e.utf8_error().valid_up_to()
            ),
        })?;
        let mut lex = crate::extract::lexicon::Lexicon::builtin();
        lex.add_text(&text, &path.display().to_string())?;
        Ok(Extractor::from_lexicon(lex))
    }

    fn lock_timeout(&self) -> Result<Duration> {
        Duration::try_from_secs_f64(self.lock_timeout).map_err(|_| {
            Error::Usage(format!(
                "--lock-timeout: {} is not a number of seconds",
                self.lock_timeout
            ))
        })
    }

    /// The database a write command uses: `--db`, `$CLAIMGRAPH_DB` or
    /// `./claimgraph.db`, created when missing.
    pub fn open_for_writing(&self) -> Result<Store> {
        let path = self.db.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DB));
        Store::open_waiting(&path, self.lock_timeout()?)
    }

    /// The database a read command uses: `--db` or `$CLAIMGRAPH_DB` (which
    /// must exist), else `./claimgraph.db` when there is one, else an
    /// in-memory graph of the built-in sample corpus, announced on stderr.
    /// Nothing is created on disk.
    pub fn open_for_reading(&self, extractor: &Extractor) -> Result<Store> {
        let path = match &self.db {
            Some(path) => path.clone(),
            None if std::path::Path::new(DEFAULT_DB).exists() => PathBuf::from(DEFAULT_DB),
            None => {
                eprintln!(
                    "note: no database given (--db, $CLAIMGRAPH_DB) and no ./{DEFAULT_DB} here: \
                     using the built-in sample corpus in memory (no file written)"
                );
                return crate::ingest::sample_store(extractor);
            }
        };
        let store = Store::open_existing_waiting(&path, self.lock_timeout()?)?;
        stats::note_pending(&store)?;
        Ok(store)
    }
}

/// Run the binary: parse arguments, dispatch, print errors, exit.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// Dispatch a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> Result<u8> {
    let Some(command) = cli.command else {
        return query::run_default(&cli.global);
    };
    match command {
        Command::Repl(args) => query::run_repl(&cli.global, args),
        Command::Ingest(args) => ingest::run(&cli.global, args),
        Command::Stats(args) => stats::run(&cli.global, args),
        Command::Eval(args) => eval::run(&cli.global, args),
        Command::Run(args) => query::run_files(&cli.global, args),
        Command::Query(args) => query::run_query(&cli.global, args),
        Command::Export(args) => export::run(&cli.global, args),
        Command::Import(args) => import::run(&cli.global, args),
        Command::Forget(args) => correct::forget(&cli.global, args),
        Command::Refresh(args) => ingest::run(
            &cli.global,
            IngestArgs {
                refresh: true,
                ..args
            },
        ),
        Command::Reextract(args) => correct::reextract(&cli.global, args),
    }
}

/// Write to stdout, treating a closed pipe (`claimgraph stats | head`) as
/// the end of output rather than an error.
pub fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: PathBuf::from("stdout"),
            source: e,
        }),
        _ => Ok(()),
    }
}
