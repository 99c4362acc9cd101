//! The SQLite store: the source of truth for documents, entities, claims and
//! findings.
