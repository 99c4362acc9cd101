//! Where claimgraph may write a file it is asked to write, and how.
//!
//! Three front ends write files: `export -o FILE`, the REPL's `.output
//! FILE`, and `export to "FILE"` in the query language. None of them writes
//! over the database being read (`export --all -o war.db` on `--db war.db`
//! would destroy it), recognised by identity (device and inode, so a link or
//! another spelling of its path is caught too), nor over any SQLite file.
//! An existing file is replaced only by the command line's `-o`, or with
//! `--force` (`.output --force FILE` in the REPL), or when it is one of
//! claimgraph's own earlier exports (a statement run twice). A query file is a script
//! that someone may have sent you, so its `export to` is held to more: it
//! writes only below the query file's own folder or the current folder
//! (`--allow-write-anywhere` lifts this), never through a symbolic link,
//! and replaces only its own earlier exports unless run with `--force`, as
//! a shell script run with `set -o noclobber` would.
//!
//! Every write goes to a temporary file beside the target, renamed into
//! place when complete: an interrupted export never leaves half a file, and
//! a file being replaced is never truncated under a reader.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Who chose the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `export -o FILE` on the command line: the user named the file in
    /// full view, and may replace an existing one.
    Command,
    /// Typed at the keyboard: a REPL line, `claimgraph query`. An existing
    /// file is replaced only with `force`.
    Typed {
        /// `--force`, `.output --force`: existing files may be replaced.
        force: bool,
    },
    /// Read from a query file.
    Script {
        /// `run --force` (alias `--overwrite`): existing files may be replaced.
        force: bool,
        /// `run --allow-write-anywhere`: no folder restriction.
        anywhere: bool,
    },
}

impl Default for Origin {
    fn default() -> Self {
        Origin::Typed { force: false }
    }
}

/// Whether `path` may be written; the error says why not, in words.
/// `database` is the path of the database being read (`:memory:` or a
/// description when there is no file).
pub fn check(path: &Path, database: &str, origin: Origin) -> Result<(), String> {
    check_in(Path::new("."), None, path, database, origin)
}

/// [`check`] for `export to` in the query file `script` (whose folder is
/// also allowed, beside the current folder).
pub fn check_script(
    path: &Path,
    database: &str,
    origin: Origin,
    script: Option<&Path>,
) -> Result<(), String> {
    let folder = script
        .and_then(|s| s.parent())
        .filter(|p| !p.as_os_str().is_empty());
    check_in(Path::new("."), folder, path, database, origin)
}

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// [`check`] for a process working in `base`, running a query file kept in
/// `folder` (relative to `base`).
fn check_in(
    base: &Path,
    folder: Option<&Path>,
    path: &Path,
    database: &str,
    origin: Origin,
) -> Result<(), String> {
    let target = base.join(path);
    if is_database(&target, &base.join(database)) {
        return Err(format!(
            "{} is the database being read; writing there would destroy it",
            path.display()
        ));
    }
    if is_sqlite(&target) {
        return Err(format!(
            "{} is a SQLite database; claimgraph never writes over one",
            path.display()
        ));
    }
    let meta = std::fs::symlink_metadata(&target).ok();
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(format!(
                "the folder {} does not exist",
                path.parent().unwrap_or(Path::new(".")).display()
            ));
        }
    }
    if std::fs::metadata(&target).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{} is a folder, not a file", path.display()));
    }
    if let Origin::Script {
        anywhere: false, ..
    } = origin
    {
        if meta.as_ref().is_some_and(|m| m.file_type().is_symlink()) {
            return Err(format!(
                "{} is a symbolic link; a query file never writes through one",
                path.display()
            ));
        }
        if !inside_allowed(base, folder, path) {
            let how = if path.is_absolute() {
                format!("the absolute path {}", path.display())
            } else if path.components().any(|c| matches!(c, Component::ParentDir)) {
                format!("{}, through `..`,", path.display())
            } else {
                path.display().to_string()
            };
            return Err(format!(
                "a query file writes only below its own folder or the current folder, not to \
                 {how} (run with --allow-write-anywhere to lift this)"
            ));
        }
    }
    if meta.is_none() {
        return Ok(());
    }
    match origin {
        Origin::Command | Origin::Typed { force: true } | Origin::Script { force: true, .. } => {
            Ok(())
        }
        Origin::Typed { force: false } | Origin::Script { force: false, .. }
            if written_by_claimgraph(&target) =>
        {
            Ok(())
        }
        Origin::Typed { force: false } => Err(format!(
            "{} exists; give --force to replace it (`.output --force FILE` in the shell)",
            path.display()
        )),
        Origin::Script { force: false, .. } => Err(format!(
            "{} exists and claimgraph did not write it; a query file replaces only its own \
             exports unless run with --force",
            path.display()
        )),
    }
}

/// Whether the folder `path` would be written in (links followed) is the
/// current folder `base` or the query file's `folder`, or below one.
fn inside_allowed(base: &Path, folder: Option<&Path>, path: &Path) -> bool {
    let target = base.join(path);
    let Some(dir) = target
        .parent()
        .map(|d| if d.as_os_str().is_empty() { base } else { d })
        .and_then(|d| d.canonicalize().ok())
    else {
        return false;
    };
    std::iter::once(base.to_path_buf())
        .chain(folder.map(|f| base.join(f)))
        .filter_map(|root| root.canonicalize().ok())
        .any(|root| dir.starts_with(root))
}

/// Whether `path` is a SQLite database file (its magic header).
fn is_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// Write `bytes` to `path` through a temporary file beside it, renamed into
/// place once complete and synced.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (mut file, temp) = temporary_beside(path)?;
    let done = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    if done.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    done
}

/// A new temporary file in `path`'s folder (never an existing file), for a
/// write that [`std::fs::rename`] puts in place.
pub fn temporary_beside(path: &Path) -> std::io::Result<(std::fs::File, PathBuf)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(f) => return Ok((f, temp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
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

/// Whether `path` is the database file (same device and inode, however it
/// is spelled or linked) or one of SQLite's files beside it (`-wal`,
/// `-shm`, `-journal`).
fn is_database(path: &Path, database: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (std::fs::metadata(path), std::fs::metadata(database)) {
        if same_file(&a, &b) {
            return true;
        }
    }
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

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
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

    const TYPED: Origin = Origin::Typed { force: false };
    const SCRIPT: Origin = Origin::Script {
        force: false,
        anywhere: false,
    };

    #[test]
    fn the_database_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("war.db");
        std::fs::write(&db, "x").unwrap();
        let db_s = db.display().to_string();
        for origin in [Origin::Command, Origin::Typed { force: true }] {
            assert!(check(&db, &db_s, origin).is_err());
            assert!(check(&dir.path().join("war.db-wal"), &db_s, origin).is_err());
            assert!(check(&dir.path().join("./war.db"), &db_s, origin).is_err());
        }
        assert!(check(&dir.path().join("out.dot"), &db_s, TYPED).is_ok());
    }

    #[test]
    #[cfg(unix)]
    fn the_database_is_known_by_identity_not_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("war.db");
        std::fs::write(&db, "x").unwrap();
        let db_s = db.display().to_string();
        // a hard link is another name for the same inode
        std::fs::hard_link(&db, dir.path().join("other.name")).unwrap();
        let e = check(&dir.path().join("other.name"), &db_s, Origin::Command).unwrap_err();
        assert!(e.contains("database being read"), "{e}");
        std::os::unix::fs::symlink(&db, dir.path().join("link.json")).unwrap();
        assert!(check(&dir.path().join("link.json"), &db_s, Origin::Command).is_err());
    }

    #[test]
    fn no_sqlite_file_is_ever_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("app.sqlite");
        std::fs::write(&other, b"SQLite format 3\0 and the rest").unwrap();
        let e = check(&other, ":memory:", Origin::Command).unwrap_err();
        assert!(e.contains("SQLite database"), "{e}");
        assert!(check(&other, ":memory:", Origin::Typed { force: true }).is_err());
    }

    #[test]
    fn existing_files_are_replaced_by_dash_o_or_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.dot");
        std::fs::write(&old, "mine").unwrap();
        assert!(check(&old, ":memory:", Origin::Command).is_ok());
        let e = check(&old, ":memory:", TYPED).unwrap_err();
        assert!(e.contains("--force"), "{e}");
        assert!(check(&old, ":memory:", Origin::Typed { force: true }).is_ok());
        assert!(check(dir.path(), ":memory:", Origin::Command).is_err());
    }

    #[test]
    fn scripts_stay_below_their_folder_or_the_current_one() {
        assert!(check(Path::new("/tmp/x.dot"), ":memory:", SCRIPT).is_err());
        assert!(check(Path::new("../x.dot"), ":memory:", SCRIPT).is_err());
        assert!(check(Path::new("src/../../x.dot"), ":memory:", SCRIPT).is_err());
        assert!(check(Path::new("never-existing-file.dot"), ":memory:", SCRIPT).is_ok());
        // `..` that stays inside is fine
        assert!(check(
            Path::new("src/../never-existing-file.dot"),
            ":memory:",
            SCRIPT
        )
        .is_ok());
        assert!(check(Path::new("/tmp/x.dot"), ":memory:", TYPED).is_ok());
        let anywhere = Origin::Script {
            force: false,
            anywhere: true,
        };
        assert!(check(
            Path::new("../never-existing-file.dot"),
            ":memory:",
            anywhere
        )
        .is_ok());
        // the query file's own folder is allowed too
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("out.dot");
        assert!(check(&inside, ":memory:", SCRIPT).is_err());
        let script = dir.path().join("q.cq");
        assert!(check_script(&inside, ":memory:", SCRIPT, Some(&script)).is_ok());
    }

    #[test]
    fn scripts_replace_files_only_when_told() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        std::fs::write(base.join("old.dot"), "x").unwrap();
        let old = Path::new("old.dot");
        let replace = Origin::Script {
            force: true,
            anywhere: false,
        };
        assert!(check_in(base, None, old, ":memory:", SCRIPT).is_err());
        assert!(check_in(base, None, old, ":memory:", replace).is_ok());
        // its own earlier export is replaced: a query file run twice works
        std::fs::write(base.join("mine.dot"), "digraph claimgraph {\n}\n").unwrap();
        assert!(check_in(base, None, Path::new("mine.dot"), ":memory:", SCRIPT).is_ok());
    }

    #[test]
    #[cfg(unix)]
    fn scripts_never_follow_a_link_out() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let base = dir.path();
        let replace = Origin::Script {
            force: true,
            anywhere: false,
        };
        std::os::unix::fs::symlink("/etc/passwd", base.join("link.dot")).unwrap();
        assert!(check_in(base, None, Path::new("link.dot"), ":memory:", replace).is_err());
        // a linked folder that leads out
        std::os::unix::fs::symlink(outside.path(), base.join("out")).unwrap();
        let e = check_in(base, None, Path::new("out/x.dot"), ":memory:", replace).unwrap_err();
        assert!(e.contains("--allow-write-anywhere"), "{e}");
    }

    #[test]
    fn writes_go_through_a_renamed_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.dot");
        std::fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        // nothing left beside it
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        // a folder that does not exist: an error, and no file
        assert!(write(&dir.path().join("no/such/x.dot"), b"x").is_err());
        let e = check(&dir.path().join("no/x.dot"), ":memory:", Origin::Command).unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
    }
}
