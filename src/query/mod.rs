//! The query language: text → statements → plans.
//!
//! Analysts ask the same questions again and again, at the REPL and in
//! query files kept with their notes. This module is the front half of
//! answering them: [`script`] cuts a file into statements, [`parser`] (the
//! only code that sees pest) turns each into an [`ast::Statement`], and
//! [`plan`] lowers a statement into typed operations that evaluation runs
//! over the claim graph. Every failure is a [`Diagnostic`] with a byte span;
//! [`QueryError`] attaches the file and decides the exit status.
//!
//! ```
//! use claimgraph::query;
//! let statements = query::parse("contradictions where measure = killed limit 5").unwrap();
//! let plan = query::plan::plan(&statements[0]).unwrap();
//! assert_eq!(plan.to_string().lines().count(), 4);
//! ```

pub mod ast;
pub mod diagnostic;
pub mod parser;
pub mod plan;
pub mod script;

pub use ast::Statement;
pub use diagnostic::{Diagnostic, ErrorClass, ParseError, Position, QueryError};
pub use plan::Plan;
pub use script::{Chunk, QueryFile};

/// How close (Jaro-Winkler) a word must be to a candidate to be suggested.
pub const SUGGEST_THRESHOLD: f64 = 0.85;

/// Every word a user may type outside quotes (keywords, field names and the
/// model's value words), sorted, for completion at the REPL.
pub fn vocabulary() -> Vec<&'static str> {
    use plan::EnumWords;
    let mut words: Vec<&'static str> = parser::keyword_words()
        .chain(plan::FIELD_NAMES.iter().copied())
        .chain(crate::model::Measure::words())
        .chain(crate::model::Bound::words())
        .chain(crate::model::Polarity::words())
        .chain(crate::model::ClaimKind::words())
        .chain(crate::model::EntityKind::words())
        .chain(crate::model::EventKind::words())
        .chain(crate::model::FindingKind::words())
        .chain(["true", "false"])
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Parses a whole script; the first error stops it.
pub fn parse(src: &str) -> Result<Vec<Statement>, ParseError> {
    script::split(src)
        .iter()
        .map(|chunk| parse_chunk(src, chunk))
        .collect()
}

/// Parses every statement of a script, keeping going past errors (for
/// `--keep-going`). Each result carries the statement's span in `src`.
pub fn parse_each(src: &str) -> Vec<(ast::SrcSpan, Result<Statement, ParseError>)> {
    script::split(src)
        .iter()
        .map(|chunk| (chunk.span, parse_chunk(src, chunk)))
        .collect()
}

/// Parses one statement of `src` as cut by [`script::split`].
pub fn parse_chunk(src: &str, chunk: &Chunk) -> Result<Statement, ParseError> {
    if let Some(error) = &chunk.error {
        return Err(error.clone());
    }
    let text = src.get(chunk.span.start..chunk.span.end).unwrap_or("");
    parser::parse_statement(text, chunk.span.start)
}

/// Parses and plans every statement: what the front ends run.
pub fn compile(src: &str) -> Result<Vec<Plan>, ParseError> {
    parse(src)?.iter().map(plan::plan).collect()
}

/// For the REPL's validator: true when `src` is a statement still being
/// typed, that is, when parsing fails only because the input ended
/// (`claims where`, `path "A" to`, an open parenthesis). Any other error is
/// shown after Enter.
pub fn is_incomplete(src: &str) -> bool {
    let chunks = script::split(src);
    let Some(last) = chunks.last() else {
        return false;
    };
    match parse_chunk(src, last) {
        Ok(_) => false,
        Err(e) => e.code == diagnostic::Code::Syntax && e.span.start >= last.span.end,
    }
}

/// The candidate closest to `name` when it is close enough to be a likely
/// misspelling (case-insensitive, accents count). An exact match is not a
/// suggestion: `None`.
///
/// ```
/// use claimgraph::query::suggest;
/// assert_eq!(suggest("Kharkivv", ["Kharkiv", "Odessa"]), Some("Kharkiv".to_string()));
/// assert_eq!(suggest("Moscou", ["Kharkiv", "Odessa"]), None);
/// ```
pub fn suggest<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower == wanted {
            return None;
        }
        let score = strsim::jaro_winkler(&wanted, &lower);
        let better = match best {
            Some((b, _)) => score > b,
            None => true,
        };
        if score >= SUGGEST_THRESHOLD && better {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c.to_string())
}
