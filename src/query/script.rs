//! Cutting a query file into statements, before any parsing.
//!
//! Statements are separated by `;`, or by a new line whose first word
//! starts a statement (`contradictions`, `claims`, `stats` ...), so that one
//! query may run over several lines as long as its later lines start with a
//! clause (`where`, `and`, `order by` ...). A line that ends with a dangling
//! word (`where`, `and`, `(`, `=` ...) always continues on the next one.
//!
//! The same single pass checks what the grammar must never be left to find
//! by recursion: strings left open at the end of a line, and parentheses
//! nested deeper than [`MAX_DEPTH`] (10 000 of them would overflow the
//! parser's stack). The pass is linear in the size of the text.

use super::ast::SrcSpan;
use super::diagnostic::{Code, Diagnostic, QueryError};
use std::path::Path;

/// Deepest nesting of parentheses a condition may use.
pub const MAX_DEPTH: usize = 64;

/// Words that begin a statement.
pub const STATEMENT_WORDS: &[&str] = &[
    "contradictions",
    "agreements",
    "updates",
    "findings",
    "claims",
    "entities",
    "events",
    "documents",
    "entity",
    "provenance",
    "compare",
    "neighbours",
    "neighbors",
    "path",
    "timeline",
    "stats",
    "count",
    "explain",
    "export",
];

/// Words after which a statement cannot end.
const DANGLING_WORDS: &[&str] = &[
    "where",
    "and",
    "or",
    "not",
    "order",
    "by",
    "limit",
    "about",
    "in",
    "via",
    "involving",
    "at",
    "between",
    "contains",
    "with",
    "to",
    "depth",
    "count",
    "explain",
    "export",
    "entity",
    "claim",
    "event",
    "document",
    "finding",
    "provenance",
    "compare",
    "neighbours",
    "neighbors",
    "path",
    "timeline",
];

/// One statement's place in the text, and the error the pre-scan found in
/// it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// From the statement's first token to the end of its last one.
    pub span: SrcSpan,
    pub error: Option<Diagnostic>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Dangling,
    Complete,
}

struct Open {
    start: usize,
    end: usize,
    depth: usize,
    error: Option<Diagnostic>,
    last: Last,
}

impl Open {
    fn new(start: usize) -> Self {
        Open {
            start,
            end: start,
            depth: 0,
            error: None,
            last: Last::Nothing,
        }
    }
    fn fail(&mut self, d: Diagnostic) {
        if self.error.is_none() {
            self.error = Some(d);
        }
    }
    fn close(self) -> Chunk {
        Chunk {
            span: SrcSpan::new(self.start, self.end),
            error: self.error,
        }
    }
}

/// Cuts `src` into statements. Blank lines, comments (`-- ...`, `# ...`) and
/// empty statements (`;;`) yield nothing.
pub fn split(src: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut open: Option<Open> = None;
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        scan_line(src, line_start, line, &mut open, &mut chunks);
        line_start += line.len();
    }
    if let Some(o) = open {
        chunks.push(o.close());
    }
    chunks
}

fn scan_line(src: &str, base: usize, line: &str, open: &mut Option<Open>, chunks: &mut Vec<Chunk>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut first = true;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() || line[i..].starts_with('\u{A0}') {
            i += if c.is_ascii() { 1 } else { 2 };
            continue;
        }
        if c == b'#' || line[i..].starts_with("--") {
            return;
        }
        if first {
            first = false;
            let continues = match open {
                Some(o) => o.last == Last::Dangling,
                None => true,
            };
            if !continues && starts_statement(&line[i..]) {
                if let Some(o) = open.take() {
                    chunks.push(o.close());
                }
            }
        }
        if c == b';' {
            if let Some(o) = open.take() {
                chunks.push(o.close());
            }
            i += 1;
            continue;
        }
        let o = open.get_or_insert_with(|| Open::new(base + i));
        let (len, last) = if c == b'"' || line[i..].starts_with('«') {
            let (len, closed) = string_len(&line[i..]);
            if !closed {
                let end = line[i..].trim_end_matches(['\n', '\r']).len();
                o.fail(
                    Diagnostic::new(
                        Code::UnterminatedString,
                        "unterminated string",
                        SrcSpan::new(base + i, base + i + end),
                    )
                    .with_label("this string is never closed")
                    .with_help(if c == b'"' {
                        "close it with `\"` on the same line (write `\\\"` for a quote inside)"
                    } else {
                        "close it with `»` on the same line"
                    }),
                );
            }
            (len, Last::Complete)
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let len = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            let word = line[i..i + len].to_ascii_lowercase();
            let last = if DANGLING_WORDS.contains(&word.as_str()) {
                Last::Dangling
            } else {
                Last::Complete
            };
            (len, last)
        } else {
            let len = line[i..].chars().next().map_or(1, char::len_utf8);
            let last = match c {
                b'(' => {
                    o.depth += 1;
                    if o.depth > MAX_DEPTH {
                        o.fail(
                            Diagnostic::new(
                                Code::TooDeep,
                                format!("parentheses nested more than {MAX_DEPTH} deep"),
                                SrcSpan::new(base + i, base + i + 1),
                            )
                            .with_label(format!("level {} starts here", MAX_DEPTH + 1))
                            .with_help("split the condition or remove redundant parentheses"),
                        );
                    }
                    Last::Dangling
                }
                b')' => {
                    o.depth = o.depth.saturating_sub(1);
                    Last::Complete
                }
                b',' | b'=' | b'<' | b'>' | b'!' => Last::Dangling,
                _ => Last::Complete,
            };
            (len, last)
        };
        o.last = last;
        o.end = base + i + len;
        i += len;
        debug_assert!(src.is_char_boundary(o.end));
    }
}

/// Length of the string literal at the start of `s` (up to the end of the
/// line when it is not closed) and whether it was closed.
fn string_len(s: &str) -> (usize, bool) {
    let (open, close) = if s.starts_with('«') {
        ('«', '»')
    } else {
        ('"', '"')
    };
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        if c == '\n' {
            return (i, false);
        }
        if open == '"' && !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        if c == close && !escaped {
            return (i + c.len_utf8(), true);
        }
        escaped = false;
    }
    (s.len(), false)
}

/// Whether a line beginning with `rest` starts a new statement: its first
/// word is a statement word (`export to` continues the previous one), or a
/// misspelling of one that is no other word of the language.
fn starts_statement(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if word.is_empty() {
        return false;
    }
    if word == "export" {
        let after = rest[word.len()..].trim_start();
        let next: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        return !next.eq_ignore_ascii_case("to");
    }
    if STATEMENT_WORDS.contains(&word.as_str()) {
        return true;
    }
    let other_word = DANGLING_WORDS.contains(&word.as_str())
        || super::plan::FIELD_NAMES.contains(&word.as_str())
        || ["asc", "desc"].contains(&word.as_str());
    !other_word
        && STATEMENT_WORDS
            .iter()
            .any(|w| strsim::jaro_winkler(&word, w) >= super::SUGGEST_THRESHOLD)
}

/// A query file read from disk, checked to be UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryFile {
    /// The name to show in diagnostics (the path as given).
    pub name: String,
    pub text: String,
}

impl QueryFile {
    /// Reads `path`; a missing file, an unreadable one and one that is not
    /// UTF-8 are errors naming the file (and for bad bytes, where they are).
    pub fn read(path: &Path) -> Result<QueryFile, QueryError> {
        let bytes = std::fs::read(path).map_err(|source| QueryError::Io {
            file: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(path, bytes)
    }

    /// Checks `bytes` as the content of `path`.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<QueryFile, QueryError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(QueryFile {
                name: path.display().to_string(),
                text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..offset]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                Err(QueryError::Encoding {
                    file: path.to_path_buf(),
                    offset,
                    line,
                })
            }
        }
    }
}
