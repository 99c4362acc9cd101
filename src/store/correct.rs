//! Finding the documents a correction names (`claimgraph forget`), and
//! clearing the store before a rebuild (`claimgraph reextract`).

use super::Store;
use crate::error::{Error, Result};
use rusqlite::Connection;

impl Store {
    /// The documents `name` designates: a document id (`12`), a source as
    /// stored (`articles/a.txt`, `feed.jsonl:3`) or the end of one after a
    /// `/` (`a.txt`), or the start of a content hash (8 hex digits or
    /// more). An unknown name, or a file name or hash prefix that fits
    /// several documents, is an input error naming it.
    pub fn find_documents(&self, name: &str) -> Result<Vec<i64>> {
        let conn = &self.conn;
        let ids = |sql: &str, arg: &str| -> rusqlite::Result<Vec<i64>> {
            conn.prepare(sql)?.query_map([arg], |r| r.get(0))?.collect()
        };
        let run = || -> rusqlite::Result<(Vec<i64>, &'static str)> {
            if let Ok(id) = name.parse::<i64>() {
                let found = ids("SELECT id FROM documents WHERE id = ?1", &id.to_string())?;
                if !found.is_empty() {
                    return Ok((found, "id"));
                }
            }
            let found = ids("SELECT id FROM documents WHERE source = ?1", name)?;
            if !found.is_empty() {
                return Ok((found, "source"));
            }
            let found = ids(
                "SELECT id FROM documents WHERE substr(source, -length(?1) - 1) = '/' || ?1",
                name,
            )?;
            if !found.is_empty() {
                return Ok((found, "file name"));
            }
            if name.len() >= 8 && name.chars().all(|c| c.is_ascii_hexdigit()) {
                let found = ids(
                    "SELECT id FROM documents WHERE substr(hash, 1, length(?1)) = lower(?1)",
                    name,
                )?;
                return Ok((found, "hash"));
            }
            Ok((Vec::new(), ""))
        };
        let (found, how) = run().map_err(|e| self.error(e))?;
        match found.len() {
            0 => Err(Error::Input {
                location: name.to_string(),
                message: "no stored document has this id, source, file name or hash \
                          (`claimgraph query documents` lists them)"
                    .to_string(),
            }),
            1 => Ok(found),
            n if how == "file name" || how == "hash" => Err(Error::Input {
                location: name.to_string(),
                message: format!(
                    "this {how} fits {n} documents; give the whole source, the hash or the id"
                ),
            }),
            _ => Ok(found),
        }
    }

    /// Remove every document, entity and derived record, inside the
    /// caller's transaction, before the texts are stored again.
    pub fn clear_records(&mut self) -> Result<()> {
        let run = |c: &Connection| -> rusqlite::Result<()> {
            c.execute_batch(
                "UPDATE claims SET denies = NULL;
                 DELETE FROM findings;
                 DELETE FROM claim_via;
                 DELETE FROM claim_occurrences;
                 DELETE FROM claims;
                 DELETE FROM participants;
                 DELETE FROM events;
                 DELETE FROM mentions;
                 DELETE FROM set_aside;
                 DELETE FROM incidents;
                 DELETE FROM pending_comparison;
                 DELETE FROM documents;
                 DELETE FROM aliases;
                 DELETE FROM entities;",
            )
        };
        run(&self.conn).map_err(|e| self.error(e))
    }
}
