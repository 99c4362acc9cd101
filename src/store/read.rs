//! Loading what the store holds as the record types of [`crate::model`], the
//! counts behind `claimgraph stats`, and storing findings.

use super::window::Scope;
use super::Store;
use crate::corpus::SetAside;
use crate::error::Result;
use crate::model::{
    Alias, ClaimRecord, Counted, DateRange, DocMeta, DocumentRecord, EntityRecord, EventRecord,
    FindingRecord, Interval, MentionRecord, Participant, Quantity, Span,
};
use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use std::collections::HashMap;
use std::str::FromStr;

/// Row counts of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub entities: u64,
    pub events: u64,
    pub claims: u64,
    pub findings: u64,
    /// Documents stored but not compared yet: their findings are missing
    /// until the ingest finishes or, after an interrupted one, until the
    /// next command that writes.
    pub comparison_pending: u64,
}

fn conversion(col: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        Type::Text,
        Box::new(std::io::Error::other(message)),
    )
}

/// A text column parsed with `FromStr` (the string enums of the model).
fn parsed<T: FromStr<Err = String>>(row: &Row<'_>, col: usize) -> rusqlite::Result<T> {
    let text: String = row.get(col)?;
    text.parse().map_err(|e| conversion(col, e))
}

fn parsed_opt<T: FromStr<Err = String>>(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(col)?;
    text.map(|t| t.parse().map_err(|e| conversion(col, e)))
        .transpose()
}

fn date(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(col)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| conversion(col, e.to_string()))
    })
    .transpose()
}

/// A date range from three columns (start, end, precision).
fn date_range(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<DateRange>> {
    Ok(
        match (
            date(row, col)?,
            date(row, col + 1)?,
            parsed_opt(row, col + 2)?,
        ) {
            (Some(start), Some(end), Some(precision)) => Some(DateRange {
                start,
                end,
                precision,
            }),
            _ => None,
        },
    )
}

fn span(row: &Row<'_>, col: usize) -> rusqlite::Result<Span> {
    Ok(Span::new(
        row.get::<_, i64>(col)? as usize,
        row.get::<_, i64>(col + 1)? as usize,
    ))
}

impl Store {
    fn all<T>(&self, sql: &str, f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], f)?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// Row counts of documents, entities, events, claims and findings.
    pub fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .map_err(|e| self.error(e))
        };
        Ok(Stats {
            documents: count("documents")?,
            entities: count("entities")?,
            events: count("events")?,
            claims: count("claims")?,
            findings: count("findings")?,
            comparison_pending: count("pending_comparison")?,
        })
    }

    /// Every document (without its text), in id order.
    pub fn documents(&self) -> Result<Vec<DocumentRecord>> {
        self.documents_in(Scope::All)
    }

    pub(super) fn documents_in(&self, scope: Scope) -> Result<Vec<DocumentRecord>> {
        self.documents_where(&scope.filter("id"))
    }

    fn documents_where(&self, filter: &str) -> Result<Vec<DocumentRecord>> {
        self.all(
            &format!(
                "SELECT id, hash, source, outlet, published, language, url, title, len FROM documents {filter} ORDER BY id",
            ),
            |r| {
                Ok(DocumentRecord {
                    id: r.get(0)?,
                    hash: r.get(1)?,
                    source: r.get(2)?,
                    meta: DocMeta {
                        outlet: r.get(3)?,
                        published: date(r, 4)?,
                        language: r.get(5)?,
                        url: r.get(6)?,
                        title: r.get(7)?,
                    },
                    len: r.get::<_, i64>(8)? as usize,
                })
            },
        )
    }

    /// The original text of document `id`.
    pub fn document_text(&self, id: i64) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The ranges of document `id` that cleaning set aside, in text order.
    pub fn set_aside(&self, id: i64) -> Result<Vec<SetAside>> {
        let run = || -> rusqlite::Result<Vec<SetAside>> {
            let mut stmt = self.conn.prepare(
                "SELECT start, end, reason FROM set_aside WHERE document = ?1 ORDER BY start",
            )?;
            let rows = stmt.query_map([id], |r| {
                Ok(SetAside {
                    span: span(r, 0)?,
                    reason: parsed(r, 2)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// Every entity with its aliases (and the reason for each), in id order.
    pub fn entities(&self) -> Result<Vec<EntityRecord>> {
        self.entities_where("", "")
    }

    fn entities_where(&self, filter: &str, through: &str) -> Result<Vec<EntityRecord>> {
        let mut aliases: HashMap<i64, Vec<Alias>> = HashMap::new();
        for (entity, alias) in self.all(
            &format!("SELECT entity, name, reason FROM aliases {through} ORDER BY entity, name"),
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Alias {
                        name: r.get(1)?,
                        reason: r.get(2)?,
                    },
                ))
            },
        )? {
            aliases.entry(entity).or_default().push(alias);
        }
        self.all(
            &format!("SELECT id, name, kind FROM entities {filter} ORDER BY id"),
            |r| {
                let id = r.get(0)?;
                Ok(EntityRecord {
                    id,
                    name: r.get(1)?,
                    kind: parsed(r, 2)?,
                    aliases: aliases.remove(&id).unwrap_or_default(),
                })
            },
        )
    }

    /// Every mention, by document and position.
    pub fn mentions(&self) -> Result<Vec<MentionRecord>> {
        self.all("SELECT entity, document, start, end FROM mentions ORDER BY document, start, end, entity", |r| {
            Ok(MentionRecord { entity: r.get(0)?, document: r.get(1)?, span: span(r, 2)? })
        })
    }

    /// Every event with its participants, in id order.
    pub fn events(&self) -> Result<Vec<EventRecord>> {
        self.events_in(Scope::All)
    }

    pub(super) fn events_in(&self, scope: Scope) -> Result<Vec<EventRecord>> {
        self.events_where(
            &scope.filter("document"),
            &scope.filter_through("event", "events"),
        )
    }

    /// Events whose row passes `filter`, their participants those whose
    /// row passes `through` (the same events).
    fn events_where(&self, filter: &str, through: &str) -> Result<Vec<EventRecord>> {
        let mut participants: HashMap<i64, Vec<Participant>> = HashMap::new();
        for (event, p) in self.all(
            &format!(
                "SELECT event, entity, role FROM participants {through} ORDER BY event, entity, role",
            ),
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Participant {
                        entity: r.get(1)?,
                        role: parsed(r, 2)?,
                    },
                ))
            },
        )? {
            participants.entry(event).or_default().push(p);
        }
        self.all(
            &format!(
                "SELECT id, document, kind, start, end, time_start, time_end, time_precision, place FROM events {filter} ORDER BY id",
            ),
            |r| {
                let id = r.get(0)?;
                Ok(EventRecord {
                    id,
                    document: r.get(1)?,
                    kind: parsed(r, 2)?,
                    span: span(r, 3)?,
                    time: date_range(r, 5)?,
                    place: r.get(8)?,
                    participants: participants.remove(&id).unwrap_or_default(),
                })
            },
        )
    }

    /// Every claim with its `via` chain, in id order.
    pub fn claims(&self) -> Result<Vec<ClaimRecord>> {
        self.claims_in(Scope::All)
    }

    pub(super) fn claims_in(&self, scope: Scope) -> Result<Vec<ClaimRecord>> {
        self.claims_where(
            &scope.filter("document"),
            &scope.filter_through("claim", "claims"),
        )
    }

    /// Claims whose row passes `filter`, their `via` and occurrences those
    /// whose row passes `through` (the same claims).
    fn claims_where(&self, filter: &str, through: &str) -> Result<Vec<ClaimRecord>> {
        let mut via: HashMap<i64, Vec<i64>> = HashMap::new();
        for (claim, entity) in self.all(
            &format!("SELECT claim, entity FROM claim_via {through} ORDER BY claim, position"),
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )? {
            via.entry(claim).or_default().push(entity);
        }
        let mut occurrences: HashMap<i64, Vec<Span>> = HashMap::new();
        for (claim, s) in self.all(
            &format!(
                "SELECT claim, start, end FROM claim_occurrences {through} ORDER BY claim, start"
            ),
            |r| Ok((r.get::<_, i64>(0)?, span(r, 1)?)),
        )? {
            occurrences.entry(claim).or_default().push(s);
        }
        self.all(
            &format!(
                "SELECT id, document, kind, polarity, start, end, sentence_start, sentence_end, quote,
                    claimant, outlet, measure, value, bound, lo, hi, subject, subject_entity, event,
                    date_start, date_end, date_precision, topic, denies,
                    counted_category, counted_side, counted_scope
                 FROM claims {filter} ORDER BY id",
            ),
            |r| {
                let id = r.get(0)?;
                let quantity = match (
                    r.get::<_, Option<f64>>(12)?,
                    parsed_opt(r, 13)?,
                    r.get::<_, Option<f64>>(14)?,
                ) {
                    (Some(value), Some(bound), Some(lo)) => Some(Quantity {
                        value,
                        bound,
                        interval: Interval { lo, hi: r.get(15)? },
                    }),
                    _ => None,
                };
                Ok(ClaimRecord {
                    id,
                    document: r.get(1)?,
                    kind: parsed(r, 2)?,
                    polarity: parsed(r, 3)?,
                    span: span(r, 4)?,
                    sentence: span(r, 6)?,
                    quote: r.get(8)?,
                    claimant: r.get(9)?,
                    outlet: r.get(10)?,
                    via: via.remove(&id).unwrap_or_default(),
                    measure: parsed_opt(r, 11)?,
                    quantity,
                    subject: r.get(16)?,
                    subject_entity: r.get(17)?,
                    counted: Counted {
                        category: r.get(24)?,
                        side: r.get(25)?,
                        scope: r.get(26)?,
                    },
                    event: r.get(18)?,
                    date: date_range(r, 19)?,
                    topic: r.get(22)?,
                    denies: r.get(23)?,
                    occurrences: occurrences.remove(&id).unwrap_or_default(),
                })
            },
        )
    }

    /// Every finding, in id order.
    pub fn findings(&self) -> Result<Vec<FindingRecord>> {
        self.findings_where("")
    }

    fn findings_where(&self, filter: &str) -> Result<Vec<FindingRecord>> {
        self.all(
            &format!(
                "SELECT id, kind, a, b, reason, independent FROM findings {filter} ORDER BY id"
            ),
            |r| {
                Ok(FindingRecord {
                    id: r.get(0)?,
                    kind: parsed(r, 1)?,
                    a: r.get(2)?,
                    b: r.get(3)?,
                    reason: r.get(4)?,
                    independent: r.get(5)?,
                })
            },
        )
    }

    /// Replace all findings with `findings` in one transaction; the `id` of
    /// each input is ignored. Returns the stored ids, in input order.
    pub fn replace_findings(&mut self, findings: &[FindingRecord]) -> Result<Vec<i64>> {
        self.write_findings(findings, true)
    }

    /// Add `findings` (a finding already stored with the same kind and
    /// claims is kept as it is); the `id` of each input is ignored. Returns
    /// the stored ids, in input order.
    pub fn insert_findings(&mut self, findings: &[FindingRecord]) -> Result<Vec<i64>> {
        self.write_findings(findings, false)
    }

    fn write_findings(&mut self, findings: &[FindingRecord], replace: bool) -> Result<Vec<i64>> {
        let label = self.label.clone();
        let run = |conn: &mut rusqlite::Connection| -> rusqlite::Result<Vec<i64>> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if replace {
                tx.execute("DELETE FROM findings", [])?;
            }
            let mut ids = Vec::with_capacity(findings.len());
            {
                let mut insert = tx.prepare(
                    "INSERT OR IGNORE INTO findings (kind, a, b, reason, independent) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                let mut lookup =
                    tx.prepare("SELECT id FROM findings WHERE kind = ?1 AND a = ?2 AND b = ?3")?;
                for f in findings {
                    insert.execute(params![f.kind.as_str(), f.a, f.b, f.reason, f.independent])?;
                    ids.push(lookup.query_row(params![f.kind.as_str(), f.a, f.b], |r| r.get(0))?);
                }
            }
            tx.commit()?;
            Ok(ids)
        };
        run(&mut self.conn).map_err(|e| crate::error::Error::database(&label, &e))
    }
}

/// Ids as an SQL list (`1,2,3`): integers only, so nothing to escape.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// How many ids one `IN (...)` list holds.
const CHUNK: usize = 500;

impl Store {
    /// A second read-only connection to the same database file.
    pub fn reopen(&self) -> Result<Store> {
        Store::open_existing(std::path::Path::new(&self.label))
    }

    /// Whether the store is a file (a second connection can be opened).
    pub fn on_disk(&self) -> bool {
        self.label != ":memory:"
    }

    /// The ids (first column) an SQL query returns.
    pub fn ids(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Vec<i64>> {
        let run = || -> rusqlite::Result<Vec<i64>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map(params, |r| r.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }

    /// One integer an SQL query returns (a count).
    pub fn number(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<i64> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row(params, |r| r.get(0)))
            .map_err(|e| self.error(e))
    }

    /// `EXPLAIN QUERY PLAN` of `sql`: one line per step, indented by depth.
    pub fn query_plan(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Vec<String>> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let rows = stmt.query_map(params, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            let mut depth: HashMap<i64, usize> = HashMap::new();
            let mut out = Vec::new();
            for row in rows {
                let (id, parent, detail) = row?;
                let d = depth.get(&parent).map_or(0, |d| d + 1);
                depth.insert(id, d);
                out.push(format!("{}{detail}", "  ".repeat(d)));
            }
            Ok(out)
        };
        run().map_err(|e| self.error(e))
    }

    /// Entities one of whose spellings folds to `folded`, in id order:
    /// through `entity_names`, and by folding here the spellings of the
    /// entities a writer left pending.
    pub fn entities_folded(&self, folded: &str) -> Result<Vec<i64>> {
        let mut ids = self.ids(
            "SELECT entity FROM entity_names WHERE folded = ?1
             AND entity NOT IN (SELECT entity FROM entity_names_pending)",
            &[&folded],
        )?;
        let pending = self.all(
            "SELECT p.entity, e.name FROM entity_names_pending p JOIN entities e ON e.id = p.entity
             UNION ALL
             SELECT a.entity, a.name FROM entity_names_pending p JOIN aliases a ON a.entity = p.entity",
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )?;
        ids.extend(
            pending
                .into_iter()
                .filter(|(_, name)| crate::analysis::words::fold(name) == folded)
                .map(|(id, _)| id),
        );
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// Every spelling of every entity (names and aliases), sorted, once.
    pub fn spellings(&self) -> Result<Vec<String>> {
        let mut names = self.all(
            "SELECT name FROM entities UNION SELECT name FROM aliases",
            |r| r.get::<_, String>(0),
        )?;
        names.sort();
        names.dedup();
        Ok(names)
    }

    fn by_chunks<T>(
        &self,
        ids: &[i64],
        mut load: impl FnMut(&str) -> Result<Vec<T>>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(CHUNK) {
            out.extend(load(&id_list(chunk))?);
        }
        Ok(out)
    }

    /// The claims with these ids (sorted, distinct), in id order.
    pub fn claims_by_id(&self, ids: &[i64]) -> Result<Vec<ClaimRecord>> {
        self.by_chunks(ids, |list| {
            self.claims_where(
                &format!("WHERE id IN ({list})"),
                &format!("WHERE claim IN ({list})"),
            )
        })
    }

    /// The documents with these ids (sorted, distinct), without text.
    pub fn documents_by_id(&self, ids: &[i64]) -> Result<Vec<DocumentRecord>> {
        self.by_chunks(ids, |list| {
            self.documents_where(&format!("WHERE id IN ({list})"))
        })
    }

    /// The entities with these ids (sorted, distinct), with their aliases.
    pub fn entities_by_id(&self, ids: &[i64]) -> Result<Vec<EntityRecord>> {
        self.by_chunks(ids, |list| {
            self.entities_where(
                &format!("WHERE id IN ({list})"),
                &format!("WHERE entity IN ({list})"),
            )
        })
    }

    /// The events with these ids (sorted, distinct), with participants.
    pub fn events_by_id(&self, ids: &[i64]) -> Result<Vec<EventRecord>> {
        self.by_chunks(ids, |list| {
            self.events_where(
                &format!("WHERE id IN ({list})"),
                &format!("WHERE event IN ({list})"),
            )
        })
    }

    /// Every mention in these documents.
    pub fn mentions_in(&self, documents: &[i64]) -> Result<Vec<MentionRecord>> {
        self.by_chunks(documents, |list| {
            self.all(
                &format!(
                    "SELECT entity, document, start, end FROM mentions WHERE document IN ({list})"
                ),
                |r| {
                    Ok(MentionRecord {
                        entity: r.get(0)?,
                        document: r.get(1)?,
                        span: span(r, 2)?,
                    })
                },
            )
        })
    }

    /// The findings with these ids (sorted, distinct).
    pub fn findings_by_id(&self, ids: &[i64]) -> Result<Vec<FindingRecord>> {
        self.by_chunks(ids, |list| {
            self.findings_where(&format!("WHERE id IN ({list})"))
        })
    }

    /// The findings either of whose claims is one of these.
    pub fn findings_of_claims(&self, claims: &[i64]) -> Result<Vec<FindingRecord>> {
        self.by_chunks(claims, |list| {
            self.findings_where(&format!(
                "WHERE id IN (SELECT id FROM findings WHERE a IN ({list}) UNION SELECT id FROM findings WHERE b IN ({list}))"
            ))
        })
    }
}
