//! A database's rows as sets of text, for the tests and the crash script
//! (examples/crash.rs) that compare two databases (an interrupted ingest
//! and a clean one, a corrected store and a clean ingest of the corrected
//! input) without caring about row ids or order.
#![allow(dead_code)]

use rusqlite::Connection;
use std::collections::BTreeSet;

/// Panics unless SQLite finds the file sound: `integrity_check` ok and no
/// broken foreign key.
pub fn assert_sound(conn: &Connection) {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(check, "ok");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check runs");
    assert_eq!(broken, 0);
}

/// Every row `sql` returns, its cells joined with " | ".
pub fn row_set(conn: &Connection, sql: &str) -> BTreeSet<String> {
    let mut stmt = conn.prepare(sql).expect("valid SQL");
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        let mut cells = Vec::new();
        for i in 0..n {
            let v: rusqlite::types::Value = r.get(i)?;
            cells.push(format!("{v:?}"));
        }
        Ok(cells.join(" | "))
    })
    .expect("rows")
    .map(|r| r.expect("row"))
    .collect()
}
