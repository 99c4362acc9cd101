//! The database schema and its migrations, versioned with `PRAGMA
//! user_version`.
//!
//! Migration `i` (1-based) brings a database from version `i - 1` to `i`; each
//! runs in its own transaction together with the version bump, so a database
//! is always at exactly one known version. A database written by a newer
//! claimgraph (a higher version than [`MIGRATIONS`] knows) is refused rather
//! than guessed at.

use rusqlite::Connection;

/// Each entry migrates from version `index` to `index + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents with their set-aside ranges; the entity graph; findings.
    r#"
    CREATE TABLE documents (
        id        INTEGER PRIMARY KEY,
        hash      TEXT NOT NULL UNIQUE,          -- hex SHA-256 of `text`
        source    TEXT NOT NULL,
        outlet    TEXT,
        published TEXT,                          -- YYYY-MM-DD
        language  TEXT,
        url       TEXT,
        title     TEXT,
        credits   TEXT NOT NULL DEFAULT '[]',    -- JSON list ("Avec AFP")
        len       INTEGER NOT NULL,
        text      TEXT NOT NULL                  -- the original, untouched
    );
    CREATE TABLE set_aside (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        reason   TEXT NOT NULL,
        PRIMARY KEY (document, start)
    ) WITHOUT ROWID;
    CREATE TABLE entities (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX entities_by_name ON entities(name, kind);
    CREATE TABLE aliases (
        entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name   TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (entity, name)
    ) WITHOUT ROWID;
    CREATE TABLE mentions (
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity   INTEGER NOT NULL REFERENCES entities(id),
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        PRIMARY KEY (document, start, end, entity)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_by_entity ON mentions(entity);
    CREATE TABLE events (
        id             INTEGER PRIMARY KEY,
        document       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind           TEXT NOT NULL,
        start          INTEGER NOT NULL,
        end            INTEGER NOT NULL,
        time_start     TEXT,
        time_end       TEXT,
        time_precision TEXT,
        place          INTEGER REFERENCES entities(id)
    );
    CREATE INDEX events_by_document ON events(document);
    CREATE TABLE participants (
        event  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity INTEGER NOT NULL REFERENCES entities(id),
        role   TEXT NOT NULL,
        PRIMARY KEY (event, entity, role)
    ) WITHOUT ROWID;
    CREATE TABLE claims (
        id             INTEGER PRIMARY KEY,
        document       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind           TEXT NOT NULL,
        polarity       TEXT NOT NULL,
        start          INTEGER NOT NULL,
        end            INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end   INTEGER NOT NULL,
        quote          TEXT NOT NULL,
        claimant       INTEGER REFERENCES entities(id),
        outlet         INTEGER REFERENCES entities(id),
        measure        TEXT,
        value          REAL,
        bound          TEXT,
        lo             REAL,
        hi             REAL,                     -- NULL: unbounded above
        subject        TEXT,
        subject_entity INTEGER REFERENCES entities(id),
        event          INTEGER REFERENCES events(id),
        date_start     TEXT,
        date_end       TEXT,
        date_precision TEXT,
        topic          TEXT,
        denies         INTEGER REFERENCES claims(id)
    );
    CREATE INDEX claims_by_document ON claims(document);
    CREATE TABLE claim_via (
        claim    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        entity   INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (claim, position)
    ) WITHOUT ROWID;
    CREATE TABLE findings (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        a           INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        b           INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        reason      TEXT NOT NULL,
        independent INTEGER,
        UNIQUE (kind, a, b)
    );
    "#,
    // 2: what a figure counts (category, side, scope); incidents across
    // articles (each document's incident and why it joined it); a claim
    // stated several times in one document (headline, caption, body) keeps
    // its other occurrences.
    r#"
    ALTER TABLE claims ADD COLUMN counted_category TEXT;
    ALTER TABLE claims ADD COLUMN counted_side TEXT;
    ALTER TABLE claims ADD COLUMN counted_scope TEXT;
    CREATE TABLE incidents (
        document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        incident INTEGER NOT NULL,               -- smallest document id of the incident
        reason   TEXT                            -- why it joined (NULL: alone)
    );
    CREATE INDEX incidents_by_incident ON incidents(incident);
    CREATE TABLE claim_occurrences (
        claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end   INTEGER NOT NULL,
        PRIMARY KEY (claim, start)
    ) WITHOUT ROWID;
    "#,
    // 3: documents stored but not yet compared. A batch of documents and
    // their marks commit in one transaction; the comparison that follows
    // (by this ingest, or by the next command that writes after an
    // interrupted one) recomputes the findings and clears the marks in
    // another. So a reader can always tell whether the findings cover every
    // document.
    r#"
    CREATE TABLE pending_comparison (
        document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
    );
    "#,
    // 4: indexes for statements answered from SQL rather than from a graph
    // of the whole store (claims by claimant, outlet, via, incident, subject
    // entity and date; findings by claim and kind; events by place and
    // date; participants by entity; documents by date and outlet), and the
    // folded spellings of every entity (name and aliases), so that
    // `entity "pachinian"` is one index lookup. Folding is Rust code
    // (`analysis::words::fold`), so SQL cannot fill `entity_names` by
    // itself: triggers mark the entities whose spellings changed in
    // `entity_names_pending`, [`fill_names`] folds them (the migration
    // runs it once over everything), and readers fold the few still
    // pending themselves.
    r#"
    CREATE INDEX claims_by_claimant ON claims(claimant);
    CREATE INDEX claims_by_outlet ON claims(outlet);
    CREATE INDEX claims_by_subject_entity ON claims(subject_entity);
    CREATE INDEX claims_by_event ON claims(event);
    CREATE INDEX claims_by_date ON claims(date_start);
    CREATE INDEX claim_via_by_entity ON claim_via(entity);
    CREATE INDEX findings_by_kind ON findings(kind);
    CREATE INDEX findings_by_a ON findings(a);
    CREATE INDEX findings_by_b ON findings(b);
    CREATE INDEX events_by_place ON events(place);
    CREATE INDEX events_by_date ON events(time_start);
    CREATE INDEX participants_by_entity ON participants(entity);
    CREATE INDEX documents_by_date ON documents(published);
    CREATE INDEX documents_by_outlet ON documents(outlet);
    DROP INDEX mentions_by_entity;
    CREATE INDEX mentions_by_entity_document ON mentions(entity, document);
    CREATE TABLE entity_names (
        folded TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (folded, entity)
    ) WITHOUT ROWID;
    CREATE INDEX entity_names_by_entity ON entity_names(entity);
    CREATE TABLE entity_names_pending (
        entity INTEGER PRIMARY KEY
    );
    CREATE TRIGGER entity_names_new AFTER INSERT ON entities BEGIN
        INSERT OR IGNORE INTO entity_names_pending (entity) VALUES (new.id);
    END;
    CREATE TRIGGER entity_names_renamed AFTER UPDATE OF name ON entities BEGIN
        INSERT OR IGNORE INTO entity_names_pending (entity) VALUES (new.id);
    END;
    CREATE TRIGGER entity_names_gone AFTER DELETE ON entities BEGIN
        DELETE FROM entity_names WHERE entity = old.id;
        DELETE FROM entity_names_pending WHERE entity = old.id;
    END;
    CREATE TRIGGER entity_names_alias_new AFTER INSERT ON aliases BEGIN
        INSERT OR IGNORE INTO entity_names_pending (entity) VALUES (new.entity);
    END;
    CREATE TRIGGER entity_names_alias_changed AFTER UPDATE ON aliases BEGIN
        INSERT OR IGNORE INTO entity_names_pending (entity) VALUES (new.entity);
        INSERT OR IGNORE INTO entity_names_pending (entity) VALUES (old.entity);
    END;
    CREATE TRIGGER entity_names_alias_gone AFTER DELETE ON aliases BEGIN
        INSERT OR IGNORE INTO entity_names_pending (entity)
            SELECT old.entity WHERE EXISTS (SELECT 1 FROM entities WHERE id = old.entity);
    END;
    INSERT INTO entity_names_pending (entity) SELECT id FROM entities;
    -- How many (document, entity) pairs `mentions` holds: the graph's
    -- `mentions` edges, which `stats` counts (a DISTINCT over millions of
    -- mentions takes a second; this counter, kept by triggers, nothing).
    CREATE TABLE graph_counts (
        what TEXT PRIMARY KEY,
        n    INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO graph_counts (what, n)
        SELECT 'mention_pairs', count(*) FROM (SELECT DISTINCT entity, document FROM mentions);
    CREATE TRIGGER mention_pairs_new AFTER INSERT ON mentions
    WHEN (SELECT count(*) FROM mentions WHERE document = new.document AND entity = new.entity) = 1
    BEGIN
        UPDATE graph_counts SET n = n + 1 WHERE what = 'mention_pairs';
    END;
    CREATE TRIGGER mention_pairs_gone AFTER DELETE ON mentions
    WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE document = old.document AND entity = old.entity)
    BEGIN
        UPDATE graph_counts SET n = n - 1 WHERE what = 'mention_pairs';
    END;
    "#,
];

/// The migration (0-based index) after which [`fill_names`] runs.
const NAMES_MIGRATION: usize = 3;

/// Fold the spellings of every entity marked in `entity_names_pending`
/// into `entity_names`, and clear the marks. Run by the migration that
/// creates the table; a writer calls it before committing entities or
/// aliases (else readers fold the pending ones on each statement).
pub fn fill_names(conn: &Connection) -> rusqlite::Result<usize> {
    let pending: Vec<(i64, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT p.entity, e.name FROM entity_names_pending p JOIN entities e ON e.id = p.entity
             UNION ALL
             SELECT a.entity, a.name FROM entity_names_pending p JOIN aliases a ON a.entity = p.entity",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    conn.execute(
        "DELETE FROM entity_names WHERE entity IN (SELECT entity FROM entity_names_pending)",
        [],
    )?;
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO entity_names (folded, entity) VALUES (?1, ?2)")?;
    for (entity, name) in &pending {
        insert.execute(rusqlite::params![
            crate::analysis::words::fold(name),
            entity
        ])?;
    }
    conn.execute("DELETE FROM entity_names_pending", [])?;
    Ok(pending.len())
}

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// What [`migrate`] found wrong.
#[derive(Debug)]
pub enum MigrateError {
    /// The database was written by a newer claimgraph.
    Newer(i64),
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sqlite(e)
    }
}

/// Bring the database to [`current_version`].
pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > current_version() {
        return Err(MigrateError::Newer(version));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now > i as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        if i == NAMES_MIGRATION {
            fill_names(&tx)?;
        }
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
