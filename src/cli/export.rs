//! `claimgraph export [--format dot|json] QUERY [-o FILE]`: the subgraph of
//! one statement's answer (or of the whole graph with `--all`) as GraphViz
//! DOT, optionally rendered to SVG or PNG by GraphViz, or as versioned JSON.

use super::query::{color_on_stderr, whole_workspace};
use super::GlobalArgs;
use crate::error::{Error, Result};
use crate::export::dot::{self, DotOptions};
use crate::export::json;
use crate::export::render::{self, Image};
use crate::query::{self, plan, QueryError};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

/// File formats of `claimgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// GraphViz DOT
    Dot,
    /// JSON, schema `claimgraph-graph/1` (what `claimgraph import` reads)
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// One statement of the query language, e.g. 'contradictions where measure = killed'
    #[arg(value_name = "QUERY", required_unless_present = "all")]
    pub query: Option<String>,
    /// Export the whole graph instead of a query's subgraph
    #[arg(long, conflicts_with = "query")]
    pub all: bool,
    /// Output format [default: from FILE's extension (.dot, .gv, .json,
    /// .svg, .png), else dot]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where to write (`-` or nothing: standard output); the extension
    /// chooses the format: .svg and .png are rendered by GraphViz
    /// (a mismatch with --format or --render is an error)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// In DOT, draw each document's claims inside a box
    #[arg(long)]
    pub group_by_document: bool,
    /// Render the DOT to a picture with GraphViz's `dot` program
    #[arg(long, value_enum, value_name = "IMAGE")]
    pub render: Option<Image>,
    /// In DOT, draw the grey `mentions` edges from documents to the
    /// entities they name (left out by default)
    #[arg(long)]
    pub mentions: bool,
}

impl ExportArgs {
    /// The format and picture asked for: `-o`'s extension decides, and
    /// `--format` or `--render` saying otherwise is an error.
    fn target(&self) -> Result<(Format, Option<Image>)> {
        let ext = self
            .output
            .as_ref()
            .filter(|p| p.as_os_str() != "-")
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let wanted = match ext.as_deref() {
            Some("dot" | "gv") => Some((Format::Dot, None)),
            Some("json") => Some((Format::Json, None)),
            Some("svg") => Some((Format::Dot, Some(Image::Svg))),
            Some("png") => Some((Format::Dot, Some(Image::Png))),
            _ => None,
        };
        let Some((format, image)) = wanted else {
            return Ok((self.format.unwrap_or(Format::Dot), self.render));
        };
        let format_clash = self.format.is_some_and(|f| f != format);
        let render_clash = self.render.is_some_and(|r| Some(r) != image);
        if format_clash || render_clash {
            let asked = match (self.format, self.render) {
                (_, Some(r)) if render_clash => format!("--render {}", image_name(r)),
                (Some(f), _) => format!("--format {}", format_name(f)),
                _ => String::new(),
            };
            return Err(Error::Usage(format!(
                "-o {} asks for {}, not {asked}: change the file name or drop {asked}",
                self.output.as_deref().unwrap_or(Path::new("")).display(),
                match image {
                    Some(i) => format!("a picture in {}", image_name(i).to_uppercase()),
                    None => format_name(format).to_uppercase(),
                }
            )));
        }
        Ok((format, image))
    }
}

fn image_name(image: Image) -> &'static str {
    match image {
        Image::Svg => "svg",
        Image::Png => "png",
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Dot => "dot",
        Format::Json => "json",
    }
}

/// An `--all` export past this many nodes is too big to read as a picture.
const LARGE_GRAPH: usize = 500;

pub fn run(global: &GlobalArgs, args: ExportArgs) -> Result<u8> {
    let (format, image) = args.target()?;
    if format == Format::Json && (image.is_some() || args.group_by_document || args.mentions) {
        return Err(Error::Usage(
            "--render, --group-by-document and --mentions apply to DOT, not to --format json"
                .to_string(),
        ));
    }
    let to_stdout = args.output.as_ref().map_or(true, |p| p.as_os_str() == "-");
    if image == Some(Image::Png)
        && to_stdout
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Error::Usage(
            "a PNG picture is binary and standard output is a terminal: give -o FILE.png, \
             or pipe the output (`| display`, `> graph.png`)"
                .to_string(),
        ));
    }
    let ws = whole_workspace(global)?;
    // `export --all -o war.db` must never write over the database it reads.
    if let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        crate::guard::check(path, ws.store().label(), crate::guard::Origin::Command)
            .map_err(|why| Error::Usage(format!("-o {}: {why}", path.display())))?;
    }
    let nodes = match &args.query {
        Some(text) if !args.all => match answer_nodes(&ws, text) {
            Ok(nodes) => Some(nodes),
            Err(e) => {
                eprint!("{}", e.render(color_on_stderr()));
                return Ok(e.exit_code());
            }
        },
        _ => None,
    };
    let bytes: Vec<u8> = match format {
        Format::Json => {
            let file = match &nodes {
                Some(nodes) => json::subgraph(&ws, nodes, args.query.as_deref())?,
                None => json::whole(ws.store())?,
            };
            json::to_string(&file).into_bytes()
        }
        Format::Dot => {
            let all: Vec<_>;
            let nodes = match &nodes {
                Some(nodes) => nodes.as_slice(),
                None => {
                    all = ws.graph.graph().node_indices().collect();
                    &all
                }
            };
            if args.all && nodes.len() > LARGE_GRAPH {
                eprintln!(
                    "note: the whole graph has {} nodes, too many to read as a picture; narrow it \
                     with a statement, e.g. `claimgraph export 'contradictions involving \"NAME\"' \
                     -o c.svg` or `claimgraph export 'entity \"NAME\"' -o e.svg`",
                    nodes.len()
                );
            }
            let options = DotOptions {
                group_by_document: args.group_by_document,
                mentions: args.mentions,
            };
            let text = dot::render(&ws, nodes, options);
            match image {
                Some(image) => render::render(&text, image)?,
                None => text.into_bytes(),
            }
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            crate::guard::write(path, &bytes).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            eprintln!("wrote {}", path.display());
        }
        _ => write_stdout(&bytes)?,
    }
    Ok(0)
}

/// The nodes of the answer to one statement of `text`.
fn answer_nodes(
    ws: &crate::engine::Workspace,
    text: &str,
) -> std::result::Result<Vec<petgraph::graph::NodeIndex>, QueryError> {
    const FILE: &str = "<query>";
    let mut statements = query::parse_each(text);
    if statements.len() != 1 {
        return Err(QueryError::Usage(format!(
            "export takes one statement; {} given",
            statements.len()
        )));
    }
    let (_, parsed) = statements.remove(0);
    let plan = parsed
        .and_then(|s| plan::plan(&s))
        .map_err(|d| QueryError::query(FILE, text, d))?;
    if plan.explain {
        return Err(QueryError::Usage(
            "`explain` prints a plan; there is no subgraph to export".to_string(),
        ));
    }
    if plan.is_count() {
        return Err(QueryError::Usage(
            "`count` answers with a number; drop it to export the rows themselves".to_string(),
        ));
    }
    if plan.export().is_some() {
        return Err(QueryError::Usage(
            "the statement has its own `export to` clause; give the file with -o instead"
                .to_string(),
        ));
    }
    let answer = ws
        .evaluate(&plan)
        .map_err(|d| QueryError::query(FILE, text, d))?;
    Ok(answer.nodes)
}

/// Write bytes to stdout; a closed pipe ends the output quietly.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: PathBuf::from("stdout"),
            source: e,
        }),
        _ => Ok(()),
    }
}
