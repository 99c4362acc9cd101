//! Errors as data, and the exit code each class of error maps to.
//!
//! Every error a user can cause names what it is about (a file, a line, a
//! column) so that the message alone is enough to act on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
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
}
