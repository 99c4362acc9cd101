//! Errors in query text as data, and the one place they are rendered.
//!
//! A [`Diagnostic`] is a message, a byte span of the query text, a label
//! for the underline and an optional help line. The file name and text are
//! attached only when it is shown ([`Diagnostic::render`]), so the parser and
//! the planner never need to know where a query came from. The output looks
//! like a compiler's: `file:line:col`, the offending line, a caret underline.
//! Colour is opt-in (off for pipes, `NO_COLOR` and tests).

use super::ast::SrcSpan;
use std::fmt;
use std::path::PathBuf;

/// What went wrong, as a stable code shown in brackets (`error[syntax]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// Text the grammar does not allow here.
    Syntax,
    /// A word that is not a keyword, with a close keyword to suggest.
    UnknownKeyword,
    /// A string without its closing quote.
    UnterminatedString,
    /// Too many nested parentheses.
    TooDeep,
    /// A statement longer than the parser accepts.
    TooLong,
    /// A literal that cannot be what it claims (`2022-13-01`, a huge number).
    BadLiteral,
    /// A field the rows of this statement do not have.
    UnknownField,
    /// A value of the wrong type for its field (`measure = 3`).
    BadValue,
    /// A clause this statement does not take (`stats limit 3`).
    BadClause,
    /// A name no entity of the graph has (found at evaluation).
    UnknownName,
    /// The user pressed Ctrl-C while the statement ran.
    Interrupted,
    /// An `export to` path that may not be written (the database, outside
    /// the directory a query file runs in, an existing file).
    UnsafePath,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnknownKeyword => "unknown-keyword",
            Code::UnterminatedString => "unterminated-string",
            Code::TooDeep => "too-deep",
            Code::TooLong => "too-long",
            Code::BadLiteral => "bad-literal",
            Code::UnknownField => "unknown-field",
            Code::BadValue => "bad-value",
            Code::BadClause => "bad-clause",
            Code::UnknownName => "unknown-name",
            Code::Interrupted => "interrupted",
            Code::UnsafePath => "unsafe-path",
        }
    }
}

/// One error in query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    /// Bytes of the query text the error is about (may be empty at the end).
    pub span: SrcSpan,
    /// Printed under the underline: what was expected, in words.
    pub label: String,
    pub help: Option<String>,
}

/// What [`crate::query::parse`] returns on failure.
pub type ParseError = Diagnostic;

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>, span: SrcSpan) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            label: String::new(),
            help: None,
        }
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Moves the span by `offset` bytes (a statement parsed on its own,
    /// reported against the whole file).
    pub fn shifted(mut self, offset: usize) -> Self {
        self.span = SrcSpan::new(self.span.start + offset, self.span.end + offset);
        self
    }

    /// `file:line:col: message` on one line (line and column 1-based; the
    /// column counts characters).
    pub fn one_line(&self, file: &str, src: &str) -> String {
        let pos = Position::of(src, self.span.start);
        format!("{file}:{}:{}: {}", pos.line, pos.column, self.message)
    }

    /// The full report: header, location, the offending line underlined,
    /// label and help.
    pub fn render(&self, file: &str, src: &str, color: bool) -> String {
        let paint = Paint { on: color };
        let pos = Position::of(src, self.span.start);
        let line_text = src.get(pos.line_start..pos.line_end).unwrap_or("");
        let gutter = pos.line.to_string().len();
        let pad = " ".repeat(gutter);

        // Underline from the span start to its end or the end of the line.
        // `pos.offset` is the span start moved onto the text; the span may
        // come from elsewhere, so nothing here may assume it fits.
        let under_end = self.span.end.min(pos.line_end).max(pos.offset);
        let width = src
            .get(pos.offset..under_end)
            .map_or(0, |s| s.chars().count())
            .max(1);
        let (shown, caret_col) = window(line_text, pos.column - 1);

        let mut out = String::new();
        out.push_str(&paint.red_bold(&format!("error[{}]", self.code.as_str())));
        out.push_str(&paint.bold(&format!(": {}", self.message)));
        out.push('\n');
        out.push_str(&format!(
            "{pad}{} {file}:{}:{}\n",
            paint.blue("-->"),
            pos.line,
            pos.column
        ));
        out.push_str(&format!("{pad} {}\n", paint.blue("|")));
        out.push_str(&format!(
            "{} {} {}\n",
            paint.blue(&pos.line.to_string()),
            paint.blue("|"),
            shown
        ));
        let room = shown.chars().count().saturating_sub(caret_col).max(1);
        let mut underline = " ".repeat(caret_col);
        underline.push_str(&"^".repeat(width.min(room)));
        if !self.label.is_empty() {
            underline.push(' ');
            underline.push_str(&self.label);
        }
        out.push_str(&format!(
            "{pad} {} {}\n",
            paint.blue("|"),
            paint.red_bold(&underline)
        ));
        if let Some(help) = &self.help {
            out.push_str(&format!("{pad} {} help: {help}\n", paint.blue("=")));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (byte {})", self.message, self.span.start)
    }
}

impl std::error::Error for Diagnostic {}

/// `no entity named "Kharkivv" — did you mean "Kharkiv"?`, pointing at the
/// name in the query. `candidates` are every name and alias of the graph;
/// evaluation calls this when a name resolves to nothing.
pub fn unknown_name<'a>(
    name: &super::ast::Name,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Diagnostic {
    let quoted = name.to_string();
    match super::suggest(&name.text, candidates) {
        Some(s) => {
            let mut suggestion = String::new();
            for c in s.chars() {
                if c == '"' || c == '\\' {
                    suggestion.push('\\');
                }
                suggestion.push(c);
            }
            Diagnostic::new(
                Code::UnknownName,
                format!("no entity named {quoted} — did you mean \"{suggestion}\"?"),
                name.span,
            )
            .with_label("no such name or alias")
        }
        None => Diagnostic::new(
            Code::UnknownName,
            format!("no entity named {quoted}"),
            name.span,
        )
        .with_label("no such name or alias")
        .with_help("`entities` lists every entity; names match any alias, case-insensitively"),
    }
}

/// Longest stretch of a line shown around the error; longer lines are cut
/// with `…` on either side so a 10 MB one-line query prints a short report.
const WINDOW: usize = 100;

/// The part of `line` to print and the caret column within it.
fn window(line: &str, col: usize) -> (String, usize) {
    let line = line.replace('\t', " ");
    let total = line.chars().count();
    if total <= WINDOW {
        return (line, col);
    }
    let start = col.saturating_sub(WINDOW / 2);
    let end = (start + WINDOW).min(total);
    let mut shown: String = line.chars().skip(start).take(end - start).collect();
    let mut caret = col - start;
    if start > 0 {
        shown.insert(0, '…');
        caret += 1;
    }
    if end < total {
        shown.push('…');
    }
    (shown, caret)
}

/// A place in a text, for people: 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    /// The byte offset itself, moved onto a character boundary of the text.
    pub offset: usize,
    /// Byte offsets of the line (without its `\n`).
    pub line_start: usize,
    pub line_end: usize,
}

impl Position {
    /// Where byte `offset` of `src` sits. An offset past the end, or inside a
    /// character, is moved back to the nearest character boundary.
    pub fn of(src: &str, offset: usize) -> Position {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &src.as_bytes()[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_end = src.as_bytes()[offset..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(src.len(), |i| offset + i);
        let line_end = if line_end > line_start && src.as_bytes()[line_end - 1] == b'\r' {
            line_end - 1
        } else {
            line_end
        };
        let column = src[line_start..offset].chars().count() + 1;
        Position {
            line,
            column,
            offset,
            line_start,
            line_end,
        }
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn red_bold(&self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn blue(&self, s: &str) -> String {
        self.wrap("34", s)
    }
}

/// The class of an error, which decides the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// The command line itself is wrong: exit 2.
    Usage,
    /// A query file cannot be read or parsed: exit 3.
    Input,
}

impl ErrorClass {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorClass::Usage => 2,
            ErrorClass::Input => 3,
        }
    }
}

/// An error about a query, with the file it came from attached: what the
/// front ends (CLI, REPL, `.read`) show and turn into an exit status.
#[derive(Debug)]
pub enum QueryError {
    /// A parse or plan error in query text.
    Query {
        /// The file name (or `<query>` for text from the command line).
        file: String,
        /// The whole text the span indexes.
        text: String,
        diagnostic: Box<Diagnostic>,
    },
    /// A query file that is not UTF-8.
    Encoding {
        file: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
        line: usize,
    },
    /// A query file that cannot be read (missing, a directory, no access).
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    /// Wrong use of the command line (no query given, bad flag value).
    Usage(String),
}

impl QueryError {
    /// A diagnostic about `text`, which was read from `file`.
    pub fn query(file: impl Into<String>, text: impl Into<String>, diagnostic: Diagnostic) -> Self {
        QueryError::Query {
            file: file.into(),
            text: text.into(),
            diagnostic: Box::new(diagnostic),
        }
    }

    pub fn class(&self) -> ErrorClass {
        match self {
            QueryError::Usage(_) => ErrorClass::Usage,
            QueryError::Query { .. } | QueryError::Encoding { .. } | QueryError::Io { .. } => {
                ErrorClass::Input
            }
        }
    }

    pub fn exit_code(&self) -> u8 {
        self.class().exit_code()
    }

    /// The full report; for query text, the underlined source line.
    pub fn render(&self, color: bool) -> String {
        match self {
            QueryError::Query {
                file,
                text,
                diagnostic,
            } => diagnostic.render(file, text, color),
            other => format!("error: {other}\n"),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Query {
                file,
                text,
                diagnostic,
            } => f.write_str(&diagnostic.one_line(file, text)),
            QueryError::Encoding { file, offset, line } => write!(
                f,
                "{}:{line}: not UTF-8 text (invalid byte at offset {offset}); save the query file as UTF-8",
                file.display()
            ),
            QueryError::Io { file, source } => {
                if source.kind() == std::io::ErrorKind::NotFound {
                    write!(f, "{}: no such query file", file.display())
                } else {
                    write!(f, "{}: cannot read query file: {source}", file.display())
                }
            }
            QueryError::Usage(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for QueryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            QueryError::Io { source, .. } => Some(source),
            QueryError::Query { diagnostic, .. } => Some(diagnostic.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "ab\r\nété x\n";
        let p = Position::of(src, src.find('x').unwrap());
        assert_eq!((p.line, p.column), (2, 5));
        assert_eq!(&src[p.line_start..p.line_end], "été x");
        // Inside a character and past the end: moved back, never a panic.
        assert_eq!(Position::of(src, 5).column, 1);
        assert_eq!(Position::of(src, 999).line, 3);
    }

    #[test]
    fn a_span_outside_the_text_renders_without_panic() {
        let d = Diagnostic::new(Code::Syntax, "x", SrcSpan::new(50, 40));
        assert!(d.render("q", "short\ntext", false).contains("q:2:5"));
        let d = Diagnostic::new(Code::Syntax, "x", SrcSpan::new(1, 2));
        assert!(d.render("q", "é", false).contains("q:1:1"));
    }

    #[test]
    fn long_lines_are_cut_around_the_error() {
        let line = "x".repeat(1000);
        let (shown, caret) = window(&line, 500);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), Some('x'));
        assert!(shown.chars().count() <= WINDOW + 2);
        assert_eq!(window("short", 2), ("short".to_string(), 2));
    }
}
