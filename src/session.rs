//! Running query text: one code path for `claimgraph run FILE`,
//! `claimgraph query TEXT`, statements piped on standard input, and the
//! REPL's statements and `.read FILE`.
//!
//! Statements run in order; each answer is printed, `explain` prints the
//! plan, and `export` writes its file. The first error stops the run unless
//! the caller keeps going, in which case errors are printed as they come and
//! counted.
//!
//! A script's answers can be told apart: in the table and lines views each
//! answer is headed by `-- FILE:LINE: statement` (or, with `echo`, by the
//! statement exactly as written, as `sqlite3 -echo` does); as JSON, each
//! statement is one JSON Lines record `{"statement": ..., "answer": ...}`.
//! `$NAME` in a statement is replaced by a parameter's value first.

use crate::engine::Workspace;
use crate::export::dot::{self, DotOptions};
use crate::query::diagnostic::{Code, Diagnostic};
use crate::query::{self, plan, QueryError};
use crate::render::{self, RenderOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How statements are run and printed.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Head each answer with the statement it answers (scripts).
    pub titles: bool,
    /// Print each statement as written before its answer.
    pub echo: bool,
    /// With `--format json`, one JSON Lines record per statement (scripts)
    /// instead of one JSON document.
    pub json_lines: bool,
    /// Values of `$NAME` parameters.
    pub params: Vec<(String, String)>,
    pub render: RenderOptions,
    pub dot: DotOptions,
    /// Colour in diagnostics.
    pub color: bool,
    /// Go on after an error (and fail at the end).
    pub keep_going: bool,
    /// Who wrote the statements: the user at the keyboard, or a query file
    /// (whose `export to` paths are held to more, see [`crate::guard`]).
    pub origin: crate::guard::Origin,
    /// `explain` also says how the store is read: the route, its SQL and
    /// SQLite's query plan (the indexes used).
    pub explain_sql: bool,
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub statements: usize,
    pub errors: usize,
    /// The reader went away (a closed pipe): the run stopped quietly.
    pub closed: bool,
}

/// Run every statement of `src` (read from `file`, a name for messages).
pub fn run(
    ws: &Workspace,
    file: &str,
    src: &str,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, QueryError> {
    let substituted = query::script::substitute(src, &settings.params)
        .map_err(|d| QueryError::query(file, src, d))?;
    let src: &str = &substituted;
    let mut outcome = Outcome::default();
    for (span, parsed) in query::parse_each(src) {
        if crate::engine::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = writeln!(err, "interrupted");
            break;
        }
        let text = src.get(span.start..span.end).unwrap_or("").trim();
        let heading = Heading {
            file,
            line: query::Position::of(src, span.start).line,
            text,
        };
        let result = parsed
            .map_err(|d| QueryError::query(file, src, d))
            .and_then(|statement| {
                plan::plan(&statement)
                    .map(|p| (statement, p))
                    .map_err(|d| QueryError::query(file, src, d))
            })
            .and_then(|(statement, plan)| {
                execute(ws, &plan, &statement, &heading, settings, out, err)
                    .map_err(|e| e.attach(file, src))
            });
        match result {
            Ok(Step::Printed) => outcome.statements += 1,
            Ok(Step::Closed) => {
                outcome.closed = true;
                return Ok(outcome);
            }
            Err(e) => {
                if settings.json_lines && settings.render.format == render::Format::Json {
                    let record = serde_json::json!({
                        "statement": text,
                        "error": e.render(false).trim_end(),
                    });
                    let _ = writeln!(out, "{record}");
                }
                if !settings.keep_going {
                    return Err(e);
                }
                outcome.errors += 1;
                let _ = write!(err, "{}", e.render(settings.color));
            }
        }
    }
    Ok(outcome)
}

/// Where a statement is, to head its answer.
struct Heading<'a> {
    file: &'a str,
    line: usize,
    /// The statement as written.
    text: &'a str,
}

trait Attach {
    fn attach(self, file: &str, src: &str) -> QueryError;
}

impl Attach for QueryError {
    /// Give an evaluation diagnostic the file and text its span indexes.
    fn attach(self, file: &str, src: &str) -> QueryError {
        match self {
            QueryError::Query { diagnostic, .. } => QueryError::query(file, src, *diagnostic),
            other => other,
        }
    }
}

enum Step {
    Printed,
    Closed,
}

fn execute(
    ws: &Workspace,
    plan: &plan::Plan,
    statement: &query::Statement,
    heading: &Heading,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Step, QueryError> {
    let file = heading.file;
    let json_lines = settings.json_lines && settings.render.format == render::Format::Json;
    let readable = matches!(
        settings.render.format,
        render::Format::Table | render::Format::Lines
    );
    let mut head = Ok(());
    if settings.echo && !json_lines {
        head = writeln!(out, "{}", heading.text);
    } else if settings.titles && readable {
        head = writeln!(out, "-- {}:{}: {statement}", heading.file, heading.line);
    }
    let written = if let Err(e) = head {
        Err(e)
    } else if plan.explain && settings.render.format == render::Format::Json {
        // `--format json`: the plan as data, one step per operation
        let steps: Vec<String> = plan.ops.iter().map(|op| op.to_string()).collect();
        if json_lines {
            let record = serde_json::json!({
                "statement": heading.text,
                "plan": plan.rows.as_str(),
                "steps": steps,
            });
            writeln!(out, "{record}")
        } else {
            let value = serde_json::json!({ "plan": plan.rows.as_str(), "steps": steps });
            writeln!(out, "{value:#}")
        }
    } else if plan.explain && settings.explain_sql {
        let access = ws.access(plan).join("\n");
        writeln!(out, "{plan}{access}\n")
    } else if plan.explain {
        writeln!(out, "{plan}")
    } else {
        let answer = ws
            .evaluate(plan)
            .map_err(|d| QueryError::query("", "", d))?;
        if let Some((path, format, span)) = plan.export() {
            // a query file's `export to` may also write below its own folder
            let script = matches!(settings.origin, crate::guard::Origin::Script { .. })
                .then(|| Path::new(file));
            crate::guard::check_script(
                Path::new(path),
                ws.store().label(),
                settings.origin,
                script,
            )
            .map_err(|why| {
                QueryError::query(
                    "",
                    "",
                    Diagnostic::new(Code::UnsafePath, why, span)
                        .with_label("this file may not be written"),
                )
            })?;
            // The planner picks the format from the file name.
            // The answer's nodes index the whole graph (see `exporter`).
            let ws = ws.exporter().map_err(|d| QueryError::query("", "", d))?;
            let picture = |image| {
                let text = dot::render(ws, &answer.nodes, settings.dot);
                crate::export::render::render(&text, image).map_err(|e| match e {
                    crate::Error::Usage(message) => QueryError::Usage(message),
                    other => QueryError::Io {
                        file: PathBuf::from(path),
                        source: io::Error::other(other.to_string()),
                    },
                })
            };
            let text: Vec<u8> = match format {
                plan::ExportFormat::Dot => dot::render(ws, &answer.nodes, settings.dot).into(),
                plan::ExportFormat::Svg => picture(crate::export::render::Image::Svg)?,
                plan::ExportFormat::Png => picture(crate::export::render::Image::Png)?,
                plan::ExportFormat::Json => crate::export::json::subgraph(ws, &answer.nodes, None)
                    .map(|file| crate::export::json::to_string(&file).into())
                    .map_err(|e| QueryError::Io {
                        file: PathBuf::from(path),
                        source: io::Error::other(e.to_string()),
                    })?,
            };
            crate::guard::write(Path::new(path), &text).map_err(|source| {
                QueryError::query(
                    "",
                    "",
                    Diagnostic::new(
                        Code::UnsafePath,
                        format!("cannot write {path}: {}", crate::error::io_message(&source)),
                        span,
                    )
                    .with_label("this file could not be written"),
                )
            })?;
            let _ = writeln!(err, "wrote {path}");
        }
        if json_lines {
            writeln!(out, "{}", render::json_line(heading.text, &answer))
        } else {
            render::write(out, &answer, &settings.render).and_then(|_| writeln!(out))
        }
    };
    match written {
        Ok(()) => Ok(Step::Printed),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Step::Closed),
        Err(source) => Err(QueryError::Io {
            file: PathBuf::from("<output>"),
            source,
        }),
    }
}
