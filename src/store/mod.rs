//! The SQLite store: the source of truth for documents, entities, claims and
//! findings.
//!
//! One [`Store`] wraps one connection. Writes happen in one transaction per
//! batch ([`Store::ingest`]), so a crash or a kill leaves only whole
//! documents; a document is identified by the SHA-256 of its original text,
//! so ingesting it again changes nothing. The database runs in WAL mode with
//! foreign keys on and a busy timeout, so readers go on during an ingest and a
//! second writer waits for the first (or fails with a clear message when the
//! wait runs out). The schema is versioned (see [`schema`]).

pub mod canonical;
pub mod comparison;
mod correct;
pub mod import;
mod read;
pub mod schema;
pub mod window;
mod write;

pub use comparison::{Comparison, ComparisonChange};
pub use read::Stats;
pub use write::{check, Existing, WriteTuning};

use crate::corpus::SetAside;
use crate::error::{Error, Result};
use crate::extract::Extraction;
use crate::model::DocMeta;
use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another one by default.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A document ready to be stored: its text, metadata, cleaning and
/// extraction. Built by [`crate::ingest::prepare`].
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDocument {
    pub source: String,
    /// The original text, untouched.
    pub text: String,
    /// Hex SHA-256 of `text` (see [`content_hash`]).
    pub hash: String,
    pub meta: DocMeta,
    /// Agencies the article credits ("Avec AFP").
    pub credits: Vec<String>,
    pub set_aside: Vec<SetAside>,
    pub extraction: Extraction,
}

/// A document's identity: the hex SHA-256 of its original text.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What happened to one document of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored under this id.
    Added(i64),
    /// Already stored (same text) under this id; nothing changed.
    Duplicate(i64),
    /// Replaced an earlier version (other metadata, or another text from
    /// the same source) and stored under this id.
    Refreshed(i64),
}

/// A claimgraph database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    label: String,
}

impl Store {
    /// Open the database at `path`, creating it when missing, and bring its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_waiting(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open`], waiting up to `timeout` for other processes that
    /// hold the database — also while a new database is being set up (its
    /// switch to WAL and its migrations), where SQLite may refuse at once
    /// rather than wait.
    pub fn open_waiting(path: &Path, timeout: Duration) -> Result<Store> {
        Self::open_with(path, OpenFlags::SQLITE_OPEN_CREATE, timeout)
    }

    /// Open an existing claimgraph database for a read command. A missing
    /// file, an empty file or a SQLite file of another application is an
    /// error, and such a file is left byte for byte as it was: nothing is
    /// created, no table added, the journal mode untouched.
    pub fn open_existing(path: &Path) -> Result<Store> {
        Self::open_existing_waiting(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open_existing`], waiting up to `timeout` for a writer.
    pub fn open_existing_waiting(path: &Path, timeout: Duration) -> Result<Store> {
        let label = path.display().to_string();
        let refuse = |message: &str| Error::Database {
            path: label.clone(),
            message: message.to_string(),
        };
        match std::fs::metadata(path) {
            Err(_) => return Err(refuse("no such database file")),
            Ok(m) if m.len() == 0 => return Err(refuse(
                "an empty file is not a claimgraph database (create one with `claimgraph ingest`)",
            )),
            Ok(_) => {}
        }
        // A read command reads through a read-only connection: nothing it
        // does can change the file.
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| Error::database(&label, &e))?;
        let store = Store {
            conn,
            label: label.clone(),
        };
        store.set_busy_timeout(timeout)?;
        if !store.is_claimgraph()? {
            return Err(refuse(
                "not a claimgraph database (a SQLite file of another application); nothing was changed",
            ));
        }
        // Nor does it upgrade a database of an older claimgraph: a writing
        // command does.
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| store.error(e))?;
        if version > schema::current_version() {
            return Err(store.newer(version));
        }
        if version < schema::current_version() {
            return Err(refuse(&format!(
                "written by an older claimgraph (schema version {version}; this build uses {}); read commands leave it as it is: upgrade it with `claimgraph reextract` or any ingest",
                schema::current_version()
            )));
        }
        store
            .conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| store.error(e))?;
        Ok(store)
    }

    /// The refusal of a database written by a newer claimgraph.
    fn newer(&self, version: i64) -> Error {
        Error::Database {
            path: self.label.clone(),
            message: format!(
                "written by a newer claimgraph (schema version {version}; this build knows up to {}); upgrade claimgraph",
                schema::current_version()
            ),
        }
    }

    /// Whether the file holds claimgraph's schema (read without writing).
    fn is_claimgraph(&self) -> Result<bool> {
        let read = || -> rusqlite::Result<bool> {
            let version: i64 = self
                .conn
                .pragma_query_value(None, "user_version", |r| r.get(0))?;
            let tables: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'
                 AND name IN ('documents', 'entities', 'claims', 'findings')",
                [],
                |r| r.get(0),
            )?;
            Ok(version >= 1 && tables == 4)
        };
        read().map_err(|e| self.error(e))
    }

    fn open_with(path: &Path, extra: OpenFlags, timeout: Duration) -> Result<Store> {
        let label = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| Error::database(&label, &e))?;
        let mut store = Store { conn, label };
        store.setup(true, timeout)?;
        Ok(store)
    }

    /// A fresh database in memory (nothing is written to disk).
    pub fn open_in_memory() -> Result<Store> {
        let label = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|e| Error::database(&label, &e))?;
        let mut store = Store { conn, label };
        store.setup(false, DEFAULT_BUSY_TIMEOUT)?;
        Ok(store)
    }

    fn setup(&mut self, on_disk: bool, timeout: Duration) -> Result<()> {
        self.set_busy_timeout(timeout)?;
        // Two processes opening a database that does not exist yet both try
        // to switch it to WAL and migrate it; SQLite answers "busy" at once
        // (without its busy handler) when waiting could deadlock, so wait
        // here, as for any other lock, until `timeout` runs out.
        let deadline = std::time::Instant::now() + timeout;
        let mut pause = Duration::from_millis(5);
        loop {
            match self.try_setup(on_disk) {
                Err(SetupError::Sqlite(e))
                    if is_busy(&e) && std::time::Instant::now() < deadline =>
                {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    std::thread::sleep(pause.min(left));
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(SetupError::Sqlite(e)) => return Err(self.error(e)),
                Err(SetupError::Newer(v)) => return Err(self.newer(v)),
                Ok(()) => return Ok(()),
            }
        }
    }

    fn try_setup(&mut self, on_disk: bool) -> std::result::Result<(), SetupError> {
        let conn = &self.conn;
        let pragmas = || -> rusqlite::Result<()> {
            // The first statement is where a file that is not SQLite shows.
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            conn.pragma_update(None, "foreign_keys", true)?;
            if on_disk {
                let _: String =
                    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
            }
            Ok(())
        };
        pragmas().map_err(SetupError::Sqlite)?;
        schema::migrate(&mut self.conn).map_err(|e| match e {
            schema::MigrateError::Newer(v) => SetupError::Newer(v),
            schema::MigrateError::Sqlite(e) => SetupError::Sqlite(e),
        })
    }

    /// How long a write waits for another process holding the database.
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<()> {
        self.conn.busy_timeout(timeout).map_err(|e| self.error(e))
    }

    /// The database's path as given (`:memory:` for an in-memory store).
    pub fn label(&self) -> &str {
        &self.label
    }

    fn error(&self, e: rusqlite::Error) -> Error {
        Error::database(&self.label, &e)
    }
}

/// Why setting a database up failed.
enum SetupError {
    Sqlite(rusqlite::Error),
    /// Written by a newer claimgraph (its schema version).
    Newer(i64),
}

/// Whether SQLite refused because another connection holds the database.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

#[cfg(test)]
mod tests;
