//! The ingest pipeline: load → clean → extract → store, in batches.
//!
//! Each article is prepared on its own (metadata completed from the text,
//! furniture set aside, extraction run on what is left) and stored with the
//! others of its batch in one transaction. A bad item is reported and
//! skipped; only a database error stops the run.

use crate::corpus::{self, meta, Article, Loaded};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::Span;
use crate::store::{self, content_hash, Outcome, PreparedDocument, Store};
use serde::Serialize;
use std::panic::AssertUnwindSafe;

/// How documents are grouped into transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Documents per transaction.
    pub batch_size: usize,
    /// Text bytes per transaction (a batch closes at whichever comes first).
    pub batch_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 500,
            batch_bytes: 32 * 1024 * 1024,
        }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: u64,
    pub duplicates: u64,
    pub failed: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "added {}, skipped {} duplicates, failed {}",
            self.added, self.duplicates, self.failed
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
    let mut added = Vec::new();
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
            commit(store, extractor, &mut batch, summary, &mut added)?;
            batch_bytes = 0;
        }
    }
    commit(store, extractor, &mut batch, summary, &mut added)?;
    added.sort_unstable();
    refresh_findings(store, &added)?;
    Ok(())
}

/// Compare the claims of newly added documents and store what changed.
///
/// Only the part of the store the new documents can touch is read: their own
/// records and those of documents with an event in the same days (see
/// [`crate::store::window`]). The comparison state is built from that part,
/// the new documents are added to it, and the findings this adds or retracts
/// (an update 49 → 135 replaced by 49 → 105 → 135) are written. Comparison
/// runs only inside the groups the new claims join.
pub fn refresh_findings(store: &mut Store, new: &[i64]) -> Result<usize> {
    if new.is_empty() {
        return Ok(0);
    }
    let scope = store.neighbourhood(new)?;
    let window = store.window(&scope)?;
    let entities = store.entities()?;
    let is_new = |doc: i64| new.binary_search(&doc).is_ok();
    let (new_docs, old_docs): (Vec<_>, Vec<_>) =
        window.documents.into_iter().partition(|d| is_new(d.id));
    let (new_events, old_events): (Vec<_>, Vec<_>) =
        window.events.into_iter().partition(|e| is_new(e.document));
    let (new_claims, old_claims): (Vec<_>, Vec<_>) =
        window.claims.into_iter().partition(|c| is_new(c.document));
    let (new_places, old_places): (Vec<_>, Vec<_>) =
        window.places.into_iter().partition(|m| is_new(m.document));
    let mut analyzer = crate::analysis::Analyzer::new();
    analyzer.add_mentions(&old_places);
    analyzer.load(&old_docs, &entities, &old_events, &old_claims);
    analyzer.add_mentions(&new_places);
    let delta = analyzer.add(&new_docs, &[], &new_events, &new_claims);
    store.apply_findings(&delta.findings, &delta.retracted)?;
    store.write_incidents(&analyzer.incidents())?;
    Ok(delta.findings.len())
}

fn commit(
    store: &mut Store,
    extractor: &Extractor,
    batch: &mut Vec<PreparedDocument>,
    summary: &mut Summary,
    added: &mut Vec<i64>,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    for outcome in store.ingest_with(batch, extractor.entity_index())? {
        match outcome {
            Outcome::Added(id) => {
                summary.added += 1;
                added.push(id);
            }
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
