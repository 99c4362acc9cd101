//! The ingest pipeline: load → clean → extract → store → compare, in
//! batches.
//!
//! Each article is prepared on its own (metadata completed from the text,
//! furniture set aside, extraction run on what is left) and stored with the
//! others of its batch in one transaction, each new document marked as
//! waiting for comparison. A bad item is reported and skipped; only a
//! database error stops the run. At the end the comparison runs under the
//! write lock over the whole store, in an order that does not depend on how
//! the documents came in, and clears the marks; an ingest interrupted before
//! that leaves the marks for the next command that writes.

use crate::corpus::{self, meta, Article, Loaded};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::{FindingRecord, Span};
use crate::store::{
    self, content_hash, Comparison, ComparisonChange, Existing, Outcome, PreparedDocument, Store,
};
use serde::Serialize;
use std::panic::AssertUnwindSafe;

/// How documents are grouped into transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Documents per transaction.
    pub batch_size: usize,
    /// Text bytes per transaction (a batch closes at whichever comes first).
    pub batch_bytes: usize,
    /// What to do with documents already stored (`ingest --refresh`).
    pub existing: Existing,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 500,
            batch_bytes: 32 * 1024 * 1024,
            existing: Existing::Keep,
        }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: u64,
    /// Documents stored again in place of an earlier version (`--refresh`).
    pub refreshed: u64,
    pub duplicates: u64,
    pub failed: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "added {}", self.added)?;
        if self.refreshed > 0 {
            write!(f, ", refreshed {}", self.refreshed)?;
        }
        write!(
            f,
            ", skipped {} duplicates, failed {}",
            self.duplicates, self.failed
        )
    }
}

/// Something the caller may want to show while an ingest runs.
#[derive(Debug)]
pub enum Event {
    /// An input item was read (this many input bytes).
    Read(u64),
    /// An item failed and was skipped.
    Failed(Error),
}

/// Complete the metadata, clean, and extract one article.
pub fn prepare(article: Article, extractor: &Extractor) -> PreparedDocument {
    let inferred = meta::complete(&article.meta, &article.text);
    let set_aside = corpus::clean(&article.text, inferred.meta.language.as_deref());
    let spans: Vec<Span> = set_aside.iter().map(|s| s.span).collect();
    let extraction = extractor.extract(&article.text, &inferred.meta, &spans);
    PreparedDocument {
        source: article.source,
        hash: content_hash(&article.text),
        text: article.text,
        meta: inferred.meta,
        credits: inferred.credits,
        set_aside,
        extraction,
    }
}

/// [`prepare`], with a panic in extraction turned into an error for this
/// article, so that one bad article cannot stop an ingest of thousands.
fn prepare_guarded(article: Article, extractor: &Extractor) -> Result<PreparedDocument> {
    let source = article.source.clone();
    std::panic::catch_unwind(AssertUnwindSafe(|| prepare(article, extractor))).map_err(|_| Error::Input {
        location: source,
        message: "internal error while extracting this article (a bug; please report it with the article)"
            .to_string(),
    })
}

/// Ingest `items` into `store`, counting into `summary` as batches commit.
/// Returns an error only when the database fails; `summary` then holds what
/// was committed before.
pub fn run(
    store: &mut Store,
    extractor: &Extractor,
    items: impl IntoIterator<Item = Loaded>,
    options: IngestOptions,
    summary: &mut Summary,
    report: &mut dyn FnMut(Event),
) -> Result<()> {
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for Loaded { result, bytes } in items {
        report(Event::Read(bytes));
        let prepared = result.and_then(|article| {
            let doc = prepare_guarded(article, extractor)?;
            store::check(&doc).map_err(|message| Error::Input {
                location: doc.source.clone(),
                message,
            })?;
            Ok(doc)
        });
        match prepared {
            Ok(doc) => {
                batch_bytes += doc.text.len();
                batch.push(doc);
            }
            Err(e) => {
                summary.failed += 1;
                report(Event::Failed(e));
            }
        }
        if batch.len() >= options.batch_size.max(1) || batch_bytes >= options.batch_bytes {
            commit(store, extractor, &mut batch, options.existing, summary)?;
            batch_bytes = 0;
        }
    }
    commit(store, extractor, &mut batch, options.existing, summary)?;
    complete_pending(store)?;
    Ok(())
}

/// Complete the comparison of the documents waiting for it — this ingest's,
/// and any an interrupted command left — under the write lock (see
/// [`crate::store::comparison`]). `None` when none was waiting.
pub fn complete_pending(store: &mut Store) -> Result<Option<ComparisonChange>> {
    store.complete_comparison(&compare_store)
}

/// The findings and incidents of everything in `store`.
///
/// The comparison is given the records with canonical ids (see
/// [`crate::store::canonical`]), so that the same documents give the same
/// findings whatever the order, the batches or the number of processes
/// they were ingested by; its answer is mapped back to row ids.
pub fn compare_store(store: &Store) -> Result<Comparison> {
    let (records, back) = store.snapshot()?.canonical();
    let mut analyzer = crate::analysis::Analyzer::new();
    analyzer.add_mentions(&records.places);
    analyzer.load(
        &records.documents,
        &records.entities,
        &records.events,
        &records.claims,
    );
    let mut findings: Vec<FindingRecord> = analyzer
        .findings()
        .iter()
        .filter_map(|f| back.finding(f))
        .collect();
    // In the order of the claims' row ids, as listings show them.
    findings.sort_by_key(|f| (f.kind, f.a, f.b));
    Ok(Comparison {
        findings,
        incidents: analyzer
            .incidents()
            .iter()
            .filter_map(|row| back.incident(row))
            .collect(),
    })
}

/// What a correction (`forget`, `reextract`) did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Correction {
    /// Documents removed (`forget`) or extracted again (`reextract`).
    pub documents: usize,
    pub comparison: ComparisonChange,
}

/// Remove documents and everything derived from them, and recompute the
/// findings, in one transaction.
pub fn forget(store: &mut Store, documents: &[i64]) -> Result<Correction> {
    store.write_transaction(|store| {
        let removed = store.remove_documents(documents)?;
        let comparison = compare_store(store)?;
        Ok(Correction {
            documents: removed,
            comparison: store.store_comparison(&comparison)?,
        })
    })
}

/// Extract every stored text again with `extractor` (after a lexicon
/// change, or on a database written by an older claimgraph), and rebuild
/// the store from it — documents in their stored order with their stored
/// metadata, entities resolved afresh, findings recomputed — in one
/// transaction. The result is what a clean ingest of the same texts and
/// metadata gives. A text that fails extraction is reported through
/// `report` and the whole rebuild is abandoned, leaving the store as it
/// was.
pub fn reextract(
    store: &mut Store,
    extractor: &Extractor,
    report: &mut dyn FnMut(Event),
) -> Result<Correction> {
    store.write_transaction(|store| {
        let mut prepared = Vec::new();
        let mut failed = 0;
        for d in store.documents()? {
            let text = store.document_text(d.id)?.unwrap_or_default();
            report(Event::Read(text.len() as u64));
            let article = Article {
                source: d.source,
                text,
                meta: d.meta,
            };
            match prepare_guarded(article, extractor) {
                Ok(doc) => prepared.push(doc),
                Err(e) => {
                    failed += 1;
                    report(Event::Failed(e));
                }
            }
        }
        if failed > 0 {
            return Err(Error::Input {
                location: store.label().to_string(),
                message: format!(
                    "{failed} stored documents could not be extracted again; nothing was changed"
                ),
            });
        }
        store.clear_records()?;
        store.insert_batch(&prepared, extractor.entity_index(), Existing::Keep)?;
        let comparison = compare_store(store)?;
        Ok(Correction {
            documents: prepared.len(),
            comparison: store.store_comparison(&comparison)?,
        })
    })
}

fn commit(
    store: &mut Store,
    extractor: &Extractor,
    batch: &mut Vec<PreparedDocument>,
    existing: Existing,
    summary: &mut Summary,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    for outcome in store.ingest_batch(batch, extractor.entity_index(), existing)? {
        match outcome {
            Outcome::Added(_) => summary.added += 1,
            Outcome::Refreshed(_) => summary.refreshed += 1,
            Outcome::Duplicate(_) => summary.duplicates += 1,
        }
    }
    batch.clear();
    Ok(())
}

/// Ingest already loaded articles (the sample corpus, an evaluation set) in
/// one batch; a failure of any article is an error.
pub fn ingest_articles(
    store: &mut Store,
    extractor: &Extractor,
    articles: Vec<Article>,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let items = articles.into_iter().map(|a| Loaded {
        bytes: a.text.len() as u64,
        result: Ok(a),
    });
    let mut first_error = None;
    run(
        store,
        extractor,
        items,
        IngestOptions {
            batch_size: usize::MAX,
            ..IngestOptions::default()
        },
        &mut summary,
        &mut |event| {
            if let Event::Failed(e) = event {
                first_error.get_or_insert(e);
            }
        },
    )?;
    match first_error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// An in-memory store holding the embedded sample corpus.
pub fn sample_store(extractor: &Extractor) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    ingest_articles(&mut store, extractor, corpus::sample::articles()?)?;
    Ok(store)
}
