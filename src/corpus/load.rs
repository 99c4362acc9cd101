//! Reading articles from the places a user points at: text files, folders
//! (recursively), JSON Lines files and standard input.
//!
//! Loading is streaming: [`Articles`] yields one article at a time, so a
//! folder of 10 000 files or a large JSON Lines file never sits in memory at
//! once. Every failure is an item of its own, naming the file (and the line
//! for JSON Lines), so the caller can report it and go on.
//!
//! Decoding policy: articles must be UTF-8. A file that is not is refused with
//! the offset of the first bad byte, rather than decoded with replacement
//! characters: replaced text would no longer match the user's file, and every
//! quote and byte span the tool reports must. A file with a NUL byte is
//! treated as binary and refused. An article larger than
//! [`LoadOptions::max_bytes`] is refused before it is read.
//!
//! JSON Lines (`.jsonl`, `.ndjson`, or standard input with `--jsonl`): one
//! object per line with `"text"` and optionally the metadata fields of a
//! sidecar (`outlet`, `published`, `language`, `url`, `title`, see
//! [`crate::corpus::meta`]), plus `"source"` (where the article came from) or
//! `"id"`; other fields are ignored and blank lines skipped. A document's
//! source is `"source"` when given, else `FILE#ID`, else `FILE:LINE`.

use crate::corpus::{meta, Article};
use crate::error::{Error, Result};
use crate::model::DocMeta;
use serde::Deserialize;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Default limit for one article: 32 MiB, far above any real article.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// File extensions a folder walk picks up as articles.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest article accepted, in bytes (a text file, a JSON line, stdin).
    pub max_bytes: u64,
    /// Read standard input as JSON Lines instead of one article.
    pub stdin_jsonl: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            stdin_jsonl: false,
        }
    }
}

/// One thing to read articles from, found by [`expand`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file holding one article.
    Text { path: PathBuf, size: u64 },
    /// A JSON Lines file: one article per line.
    JsonLines { path: PathBuf, size: u64 },
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// Size in bytes when known (not for standard input).
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Text { size, .. } | Input::JsonLines { size, .. } => Some(*size),
            Input::Stdin => None,
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    has_extension(path, JSONL_EXTENSIONS)
}

fn has_extension(path: &Path, list: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| list.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn input_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Input {
        location: path.display().to_string(),
        message: message.into(),
    }
}

/// Turn command-line paths into inputs: `-` is standard input, a folder is
/// walked recursively (in name order, hidden entries and `*.meta.json`
/// sidecars skipped, only `.txt`, `.text`, `.md`, `.jsonl`, `.ndjson` and
/// extension-less files taken), any other path is read as given.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut out),
            Ok(m) => out.push(Ok(file_input(path, m.len()))),
            Err(source) => out.push(Err(Error::Io {
                path: path.clone(),
                source,
            })),
        }
    }
    out
}

fn file_input(path: &Path, size: u64) -> Input {
    if is_jsonl(path) {
        Input::JsonLines {
            path: path.to_path_buf(),
            size,
        }
    } else {
        Input::Text {
            path: path.to_path_buf(),
            size,
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<Result<Input>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            return out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }))
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(source) => out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden || meta::is_sidecar(&path) {
            continue;
        }
        // Symbolic links are followed to files only, so a link loop cannot
        // make the walk endless.
        let Ok(link) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if link.is_dir() {
            walk(&path, out);
            continue;
        }
        let wanted = path.extension().is_none()
            || has_extension(&path, TEXT_EXTENSIONS)
            || has_extension(&path, JSONL_EXTENSIONS);
        if !wanted {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => out.push(Ok(file_input(&path, m.len()))),
            Ok(_) => {}
            Err(source) => out.push(Err(Error::Io { path, source })),
        }
    }
}

/// One item read: an article or the error that stopped it, and how many
/// input bytes it took (for progress reporting).
#[derive(Debug)]
pub struct Loaded {
    pub result: Result<Article>,
    pub bytes: u64,
}

/// The articles of a list of inputs, one at a time.
pub struct Articles {
    inputs: VecDeque<Result<Input>>,
    lines: Option<JsonLines>,
    options: LoadOptions,
}

struct JsonLines {
    reader: Box<dyn BufRead>,
    label: String,
    line: usize,
}

impl Articles {
    pub fn new(inputs: Vec<Result<Input>>, options: LoadOptions) -> Self {
        Articles {
            inputs: inputs.into(),
            lines: None,
            options,
        }
    }
}

impl Iterator for Articles {
    type Item = Loaded;

    fn next(&mut self) -> Option<Loaded> {
        loop {
            if let Some(lines) = &mut self.lines {
                match next_record(lines, self.options.max_bytes) {
                    Some(loaded) => return Some(loaded),
                    None => self.lines = None,
                }
            }
            let input = match self.inputs.pop_front()? {
                Ok(input) => input,
                Err(e) => {
                    return Some(Loaded {
                        result: Err(e),
                        bytes: 0,
                    })
                }
            };
            match input {
                Input::Text { path, size } => {
                    return Some(Loaded {
                        result: read_text_file(&path, self.options.max_bytes),
                        bytes: size,
                    })
                }
                Input::JsonLines { path, .. } => match File::open(&path) {
                    Ok(file) => {
                        self.lines = Some(JsonLines {
                            reader: Box::new(BufReader::new(file)),
                            label: path.display().to_string(),
                            line: 0,
                        })
                    }
                    Err(source) => {
                        return Some(Loaded {
                            result: Err(Error::Io { path, source }),
                            bytes: 0,
                        })
                    }
                },
                Input::Stdin if self.options.stdin_jsonl => {
                    self.lines = Some(JsonLines {
                        reader: Box::new(BufReader::new(std::io::stdin())),
                        label: "stdin".to_string(),
                        line: 0,
                    })
                }
                Input::Stdin => return Some(read_stdin(self.options.max_bytes)),
            }
        }
    }
}

fn too_large(size: u64, max: u64) -> String {
    // stdin is read one byte past the limit: it is larger, by how much is unknown
    let larger = if size == max.saturating_add(1) {
        "larger than".to_string()
    } else {
        format!("{}, over", crate::limits::size(size))
    };
    format!(
        "article is {larger} the limit of {} for one article (raise it with --max-article-mb)",
        crate::limits::size(max)
    )
}

fn line_too_long(max: u64) -> String {
    format!(
        "line longer than the limit of {:.1} MB for one article (raise it with --max-article-mb)",
        max as f64 / (1024.0 * 1024.0)
    )
}

fn read_text_file(path: &Path, max: u64) -> Result<Article> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max {
        return Err(input_error(path, too_large(size, max)));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(input_error(path, too_large(bytes.len() as u64, max)));
    }
    let text = decode(bytes).map_err(|m| input_error(path, m))?;
    let meta = meta::read_sidecar(path)?.unwrap_or_default();
    Ok(Article {
        source: path.display().to_string(),
        text,
        meta,
    })
}

fn read_stdin(max: u64) -> Loaded {
    let mut bytes = Vec::new();
    let location = |message: String| Error::Input {
        location: "stdin".to_string(),
        message,
    };
    if let Err(e) = std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return Loaded {
            result: Err(location(e.to_string())),
            bytes: 0,
        };
    }
    let n = bytes.len() as u64;
    if n > max {
        return Loaded {
            result: Err(location(too_large(n, max))),
            bytes: n,
        };
    }
    let result = decode(bytes)
        .map(|text| Article {
            source: "stdin".to_string(),
            text,
            meta: DocMeta::default(),
        })
        .map_err(location);
    Loaded { result, bytes: n }
}

/// Check and decode an article's bytes (see the module's decoding policy).
pub fn decode(bytes: Vec<u8>) -> std::result::Result<String, String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (NUL byte at offset {at}); only UTF-8 text can be ingested"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or(0);
        format!(
            "not valid UTF-8 (byte 0x{byte:02X} at offset {at}); convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
        )
    })?;
    if text.trim().is_empty() {
        return Err("empty article (no text)".to_string());
    }
    Ok(text)
}

/// A JSON Lines record: `text` plus optional metadata (unknown fields are
/// ignored, as crawlers add their own).
#[derive(Debug, Deserialize)]
struct Record {
    text: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
    url: Option<String>,
    title: Option<String>,
    source: Option<String>,
    id: Option<serde_json::Value>,
}

enum LineRead {
    Eof,
    Line,
    TooLong,
}

/// Read one line of at most `max` bytes into `buf`; a longer line is skipped
/// to its end without being held in memory.
fn read_line_limited(
    reader: &mut dyn BufRead,
    max: u64,
    buf: &mut Vec<u8>,
) -> std::io::Result<LineRead> {
    buf.clear();
    let n = reader.take(max.saturating_add(1)).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(LineRead::Eof);
    }
    if buf.last() == Some(&b'\n') || (n as u64) <= max {
        return Ok(LineRead::Line);
    }
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
    Ok(LineRead::TooLong)
}

fn next_record(lines: &mut JsonLines, max: u64) -> Option<Loaded> {
    let mut buf = Vec::new();
    loop {
        lines.line += 1;
        let location = format!("{}:{}", lines.label, lines.line);
        let error = |message: String| Error::Input {
            location: location.clone(),
            message,
        };
        let read = match read_line_limited(&mut lines.reader, max, &mut buf) {
            Ok(read) => read,
            Err(e) => {
                return Some(Loaded {
                    result: Err(error(e.to_string())),
                    bytes: 0,
                })
            }
        };
        let bytes = buf.len() as u64;
        match read {
            LineRead::Eof => return None,
            LineRead::TooLong => {
                return Some(Loaded {
                    result: Err(error(line_too_long(max))),
                    bytes,
                })
            }
            LineRead::Line if buf.iter().all(u8::is_ascii_whitespace) => continue,
            LineRead::Line => {
                let result = parse_record(&buf, &lines.label, lines.line).map_err(error);
                return Some(Loaded { result, bytes });
            }
        }
    }
}

fn parse_record(line: &[u8], label: &str, number: usize) -> std::result::Result<Article, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let record: Record = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let text = record.text.ok_or("no \"text\" field")?;
    let text = decode(text.into_bytes())?;
    // A bad date names its column, as the JSON reader's own errors do.
    let published = record
        .published
        .as_deref()
        .map(|raw| {
            meta::parse_date(raw).map_err(|e| match line.find(&format!("\"{raw}\"")) {
                Some(at) => format!("{e} at column {}", line[..at].chars().count() + 1),
                None => e,
            })
        })
        .transpose()?;
    let id = record.id.map(|id| match id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let source = record
        .source
        .or_else(|| id.map(|id| format!("{label}#{id}")))
        .unwrap_or_else(|| format!("{label}:{number}"));
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Article {
        source,
        text,
        meta: DocMeta {
            outlet: clean(record.outlet),
            published,
            language: clean(record.language),
            url: clean(record.url),
            title: clean(record.title),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_policy() {
        assert!(decode(b"abc\0def".to_vec())
            .unwrap_err()
            .starts_with("binary file (NUL byte at offset 3)"));
        let err = decode(b"caf\xe9".to_vec()).unwrap_err();
        assert!(
            err.starts_with("not valid UTF-8 (byte 0xE9 at offset 3)"),
            "{err}"
        );
        assert!(decode(b" \n\t ".to_vec()).is_err());
        assert_eq!(decode("é".as_bytes().to_vec()).unwrap(), "é");
    }

    #[test]
    fn long_lines_are_skipped_not_held() {
        let data = format!("{}\nnext\n", "x".repeat(100));
        let mut reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(data.into_bytes()));
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut reader, 10, &mut buf).unwrap(),
            LineRead::TooLong
        ));
        assert!(matches!(
            read_line_limited(&mut reader, 10, &mut buf).unwrap(),
            LineRead::Line
        ));
        assert_eq!(buf, b"next\n");
        assert!(matches!(
            read_line_limited(&mut reader, 10, &mut buf).unwrap(),
            LineRead::Eof
        ));
    }

    #[test]
    fn record_fields() {
        let a = parse_record(
            br#"{"text":"Bonjour","outlet":"X","published":"2020-01-02","id":7}"#,
            "f.jsonl",
            3,
        )
        .unwrap();
        assert_eq!(a.source, "f.jsonl#7");
        assert_eq!(a.meta.outlet.as_deref(), Some("X"));
        let a = parse_record(br#"{"text":"Bonjour","extra":1}"#, "f.jsonl", 3).unwrap();
        assert_eq!(a.source, "f.jsonl:3");
        assert_eq!(
            parse_record(br#"{"title":"x"}"#, "f", 1).unwrap_err(),
            "no \"text\" field"
        );
        assert!(parse_record("\u{feff}{\"text\":\"a\"}".as_bytes(), "f", 1).is_ok());
        assert!(parse_record(br#"{"text": 3"#, "f", 1)
            .unwrap_err()
            .starts_with("invalid JSON"));
    }
}
