//! How much claimgraph reads from one file before refusing it.
//!
//! Every file it is given is read whole: an article, a graph to `import`, a
//! query file, a lexicon. Without a cap, `import /dev/zero` reads until
//! memory runs out. Each kind of file has its own cap, in MiB, and its own
//! flag to raise it (`--max-article-mb`, `--max-import-mb`,
//! `--max-query-mb`, `--max-lexicon-mb`); a refusal names the file, the cap
//! and the flag. Reads stop one byte past the cap, whatever the file claims
//! to hold (`/dev/zero` says 0 bytes).

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// The default cap of a query file, in MiB (`--max-query-mb`).
pub const QUERY_MB: u64 = 16;

/// One kind of file and its cap.
#[derive(Debug, Clone, Copy)]
pub struct Cap {
    /// What the file is, for messages: "graph file", "query file".
    pub what: &'static str,
    /// The cap in MiB.
    pub mb: u64,
    /// The option that raises it: "--max-import-mb".
    pub flag: &'static str,
}

impl Cap {
    /// A query file's cap (`claimgraph run`, the REPL's `.read`).
    pub fn query_file(mb: u64) -> Cap {
        Cap {
            what: "query file",
            mb,
            flag: "--max-query-mb",
        }
    }

    /// The query file at `path`, read within this cap. The outer error is
    /// the cap's (or a read failure); the inner one the query language's
    /// own, which also names a missing file.
    pub fn read_query_file(
        &self,
        path: &Path,
    ) -> Result<std::result::Result<crate::query::QueryFile, crate::query::QueryError>> {
        use crate::query::QueryFile;
        Ok(match std::fs::metadata(path) {
            Err(_) => QueryFile::read(path),
            Ok(_) => QueryFile::from_bytes(path, self.read(path)?),
        })
    }

    /// The cap in bytes.
    pub fn bytes(&self) -> u64 {
        self.mb.saturating_mul(1024 * 1024)
    }

    /// The bytes of `path`, or an error when it holds more than the cap.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.read_from(file, &path.display().to_string())
            .map_err(|e| match e {
                Error::Io { source, .. } => Error::Io {
                    path: path.to_path_buf(),
                    source,
                },
                other => other,
            })
    }

    /// The bytes of standard input, capped.
    pub fn read_stdin(&self) -> Result<Vec<u8>> {
        self.read_from(std::io::stdin().lock(), "<stdin>")
    }

    /// At most the cap's bytes of `reader`, named `label` in errors.
    pub fn read_from(&self, reader: impl Read, label: &str) -> Result<Vec<u8>> {
        let max = self.bytes();
        let mut bytes = Vec::new();
        reader
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: label.into(),
                source,
            })?;
        if bytes.len() as u64 > max {
            return Err(Error::Input {
                location: label.to_string(),
                message: format!(
                    "{} larger than the limit of {} (raise it with {})",
                    self.what,
                    size(max),
                    self.flag
                ),
            });
        }
        Ok(bytes)
    }
}

/// A size in words: "32 MiB", "1.5 KiB", "17 bytes"; exact bytes are
/// added when the rounded figure would hide them ("32 MiB + 1 byte" is
/// never written "32.0 MB").
pub fn size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, scale) in UNITS {
        if bytes >= scale {
            if bytes % scale == 0 {
                return format!("{} {unit}", bytes / scale);
            }
            return format!("{:.1} {unit} ({bytes} bytes)", bytes as f64 / scale as f64);
        }
    }
    if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_never_hide_the_difference() {
        assert_eq!(size(32 << 20), "32 MiB");
        assert_eq!(size((32 << 20) + 1), "32.0 MiB (33554433 bytes)");
        assert_eq!(size(1), "1 byte");
        assert_eq!(size(1536), "1.5 KiB (1536 bytes)");
    }

    #[test]
    fn reads_stop_past_the_cap() {
        let cap = Cap {
            what: "query file",
            mb: 1,
            flag: "--max-query-mb",
        };
        let endless = std::io::repeat(0);
        let e = cap.read_from(endless, "/dev/zero").unwrap_err();
        assert_eq!(
            e.to_string(),
            "/dev/zero: query file larger than the limit of 1 MiB (raise it with --max-query-mb)"
        );
        assert_eq!(cap.read_from(&b"ok"[..], "x").unwrap(), b"ok");
        assert_eq!(
            cap.read_from(&vec![0u8; 1 << 20][..], "x").unwrap().len(),
            1 << 20
        );
    }
}
