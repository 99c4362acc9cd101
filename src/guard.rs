//! Where claimgraph may write a file it is asked to write.
//!
//! Three front ends write files: `export -o FILE`, the REPL's `.output
//! FILE`, and `export to "FILE"` in the query language. None of them may
//! write over the database being read (`export --all -o war.db` on
//! `--db war.db` would destroy it). A query file is a script that someone
//! may have sent you, so its `export to` is held to more: a relative path
//! below the directory it runs in (no absolute path, no `..`), never through
//! a symbolic link, and never over an existing file but its own earlier
//! export unless the user said so (`run --overwrite`), as a shell script run
//! with `set -o noclobber` would.

use std::path::{Component, Path, PathBuf};

/// Who chose the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Typed by the user: a command-line option, a REPL line.
    #[default]
    Typed,
    /// Read from a query file.
    Script {
        /// `run --overwrite`: existing files may be replaced.
        overwrite: bool,
    },
}

/// Whether `path` may be written; the error says why not, in words.
/// `database` is the path of the database being read (`:memory:` or a
/// description when there is no file).
pub fn check(path: &Path, database: &str, origin: Origin) -> Result<(), String> {
    check_in(Path::new("."), path, database, origin)
}

/// [`check`] for a process working in `base`.
fn check_in(base: &Path, path: &Path, database: &str, origin: Origin) -> Result<(), String> {
    if is_database(&base.join(path), &base.join(database)) {
        return Err(format!(
            "{} is the database being read; writing there would destroy it",
            path.display()
        ));
    }
    let Origin::Script { overwrite } = origin else {
        return Ok(());
    };
    if path.is_absolute() {
        return Err(format!(
            "a query file writes only below the directory it runs in, not to the absolute path {}",
            path.display()
        ));
    }
    if path.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(format!(
            "a query file writes only below the directory it runs in, not through `..` ({})",
            path.display()
        ));
    }
    match std::fs::symlink_metadata(base.join(path)) {
        Ok(m) if m.file_type().is_symlink() => Err(format!(
            "{} is a symbolic link; a query file never writes through one",
            path.display()
        )),
        Ok(_) if !overwrite && !written_by_claimgraph(&base.join(path)) => Err(format!(
            "{} exists and claimgraph did not write it; a query file replaces only its own \
             exports unless run with --overwrite",
            path.display()
        )),
        _ => Ok(()),
    }
}

/// Whether the file at `path` is one of claimgraph's own exports (a DOT
/// graph named `claimgraph`, or a `claimgraph-graph/1` JSON file), which a
/// query file run again may replace: running the tour twice rewrites its
/// `contradictions.dot`, but a file of yours is never touched.
fn written_by_claimgraph(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let head = String::from_utf8_lossy(&head[..n]);
    head.starts_with("digraph claimgraph {")
        || (head.trim_start().starts_with('{')
            && head.contains("\"format\": \"claimgraph-graph/1\""))
}

/// Whether `path` names the database file or one of SQLite's files beside
/// it (`-wal`, `-shm`, `-journal`).
fn is_database(path: &Path, database: &Path) -> bool {
    let (Some(out), Some(db)) = (resolved(path), resolved(database)) else {
        return false;
    };
    if out == db {
        return true;
    }
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut side = db.clone().into_os_string();
        side.push(suffix);
        out.as_os_str() == side
    })
}

/// The absolute path a file name stands for, following links in its
/// directory (the file itself need not exist).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("war.db");
        std::fs::write(&db, "x").unwrap();
        let db_s = db.display().to_string();
        assert!(check(&db, &db_s, Origin::Typed).is_err());
        assert!(check(&dir.path().join("war.db-wal"), &db_s, Origin::Typed).is_err());
        assert!(check(&dir.path().join("./war.db"), &db_s, Origin::Typed).is_err());
        assert!(check(&dir.path().join("out.dot"), &db_s, Origin::Typed).is_ok());
    }

    #[test]
    fn scripts_stay_below_their_directory() {
        let script = Origin::Script { overwrite: false };
        assert!(check(Path::new("/tmp/x.dot"), ":memory:", script).is_err());
        assert!(check(Path::new("../x.dot"), ":memory:", script).is_err());
        assert!(check(Path::new("out/../../x.dot"), ":memory:", script).is_err());
        assert!(check(Path::new("never-existing-file.dot"), ":memory:", script).is_ok());
        assert!(check(Path::new("/tmp/x.dot"), ":memory:", Origin::Typed).is_ok());
    }

    #[test]
    fn scripts_replace_files_only_when_told() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        std::fs::write(base.join("old.dot"), "x").unwrap();
        let old = Path::new("old.dot");
        let keep = Origin::Script { overwrite: false };
        let replace = Origin::Script { overwrite: true };
        assert!(check_in(base, old, ":memory:", keep).is_err());
        assert!(check_in(base, old, ":memory:", replace).is_ok());
        // its own earlier export is replaced: a query file run twice works
        std::fs::write(base.join("mine.dot"), "digraph claimgraph {\n}\n").unwrap();
        assert!(check_in(base, Path::new("mine.dot"), ":memory:", keep).is_ok());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", base.join("link.dot")).unwrap();
            assert!(check_in(base, Path::new("link.dot"), ":memory:", replace).is_err());
        }
    }
}
