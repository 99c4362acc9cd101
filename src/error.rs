//! Errors as data, and the exit code each class of error maps to.
//!
//! Every error a user can cause names what it is about (a file, a line, a
//! column) so that the message alone is enough to act on.
//!
//! Exit codes: 0 success, 1 some items of a batch failed (the rest were
//! processed), 2 usage, 3 input, 4 database.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit status when a batch completed but some of its items failed.
pub const EXIT_PARTIAL: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {}", path.display(), io_message(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Bad input data: a file that cannot be read as an article, a broken
    /// JSON line, a malformed sidecar.
    #[error("{location}: {message}")]
    Input { location: String, message: String },
    #[error("database {path}: {message}")]
    Database { path: String, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Exit status for this class of error (see the README's table).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Input { .. } | Error::Io { .. } => 3,
            Error::Database { .. } => 4,
        }
    }

    /// A database error about `path`, in words a user can act on.
    pub fn database(path: &str, error: &rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        let message = match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => "not a claimgraph database (the file is not SQLite)".to_string(),
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                "locked by another process (another ingest?); the wait timed out, try again when it has finished"
                    .to_string()
            }
            Some(ErrorCode::ReadOnly) => "cannot write: the file or its folder is read-only".to_string(),
            Some(ErrorCode::CannotOpen) => {
                "cannot open or create the file (missing folder, or no permission to write there)".to_string()
            }
            Some(ErrorCode::DiskFull) => "the disk is full".to_string(),
            _ => error.to_string(),
        };
        Error::Database {
            path: path.to_string(),
            message,
        }
    }
}

/// An I/O error without the "(os error N)" suffix.
pub fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_plainly() {
        let e = Error::Io {
            path: PathBuf::from("a.txt"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(e.to_string(), "a.txt: no such file or directory");
        assert_eq!(e.exit_code(), 3);
    }
}
