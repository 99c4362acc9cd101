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
//!
//! Preparing is the costly part and each article's is independent, so it
//! runs on every core ([`IngestOptions::threads`]): the calling thread reads
//! the items and numbers them, worker threads prepare them, and one writer
//! thread puts them back in input order before it stores them. Ids, batches
//! and everything stored are therefore those of a sequential ingest. What
//! is in flight between reading and storing is bounded (in items and in
//! bytes, [`IN_FLIGHT_ITEMS`], [`IN_FLIGHT_BYTES`]), so memory follows the
//! batch, not the input.

use crate::corpus::{self, meta, Article, Loaded};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::{FindingRecord, Span};
use crate::store::{
    self, content_hash, Comparison, ComparisonChange, Existing, Outcome, PreparedDocument, Store,
    WriteTuning,
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
    /// Threads preparing articles; 0 is one per core. With 1 everything
    /// runs on the calling thread.
    pub threads: usize,
    /// The writer's page cache and checkpoint policy.
    pub tuning: WriteTuning,
}

/// Documents per transaction by default, and the checkpoint policy, chosen
/// by measurement: the 8,488 synthetic articles of 10,000 claims
/// (`cargo bench --bench ingest -- scale`, 2 threads), blocks of 512 bytes
/// written by the whole ingest (`/usr/bin/time %O`; wall times were within
/// the noise of the shared machine):
///
/// | batch | wal_autocheckpoint | written |
/// |---|---|---|
/// | 500 | 1000 (SQLite's) | 77,056 |
/// | 500 | 10,000 | 69,736 |
/// | 2,000 | 1000 | 55,672 |
/// | 2,000 | 10,000 | 51,472 |
///
/// Larger transactions write each index page once per batch rather than
/// once per 500 documents, and a checkpoint every 10,000 pages (40 MiB of
/// WAL) copies a hot page back once rather than several times.
pub const DEFAULT_BATCH_SIZE: usize = 2000;
/// See [`DEFAULT_BATCH_SIZE`].
pub const CHECKPOINT_PAGES: i64 = 10_000;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: DEFAULT_BATCH_SIZE,
            batch_bytes: 32 * 1024 * 1024,
            existing: Existing::Keep,
            threads: 0,
            tuning: WriteTuning {
                cache_mib: 64,
                checkpoint_pages: CHECKPOINT_PAGES,
            },
        }
    }
}

impl IngestOptions {
    /// The number of preparing threads these options ask for.
    pub fn thread_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// At most this many items are between reading and storing.
pub const IN_FLIGHT_ITEMS: usize = 1024;
/// ... and at most this many bytes of their text (one item larger than
/// this still goes, alone).
pub const IN_FLIGHT_BYTES: u64 = 64 * 1024 * 1024;

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
    store.tune_writes(options.tuning)?;
    let threads = options.thread_count();
    if threads <= 1 {
        run_here(store, extractor, items, options, summary, report)?;
    } else {
        run_parallel(store, extractor, items, options, threads, summary, report)?;
    }
    complete_pending(store)?;
    Ok(())
}

/// Prepare an input item and check it for the store.
fn prepare_item(result: Result<Article>, extractor: &Extractor) -> Result<PreparedDocument> {
    result.and_then(|article| {
        let doc = prepare_guarded(article, extractor)?;
        store::check(&doc).map_err(|message| Error::Input {
            location: doc.source.clone(),
            message,
        })?;
        Ok(doc)
    })
}

/// Documents waiting for their transaction, closed by count or by bytes.
struct Batch {
    docs: Vec<PreparedDocument>,
    bytes: usize,
    options: IngestOptions,
}

impl Batch {
    fn new(options: IngestOptions) -> Self {
        Batch {
            docs: Vec::new(),
            bytes: 0,
            options,
        }
    }

    /// Take a prepared item in input order; commit when the batch is full.
    fn push(
        &mut self,
        store: &mut Store,
        extractor: &Extractor,
        prepared: Result<PreparedDocument>,
        summary: &mut Summary,
        report: &mut dyn FnMut(Event),
    ) -> Result<()> {
        match prepared {
            Ok(doc) => {
                self.bytes += doc.text.len();
                self.docs.push(doc);
            }
            Err(e) => {
                summary.failed += 1;
                report(Event::Failed(e));
            }
        }
        if self.docs.len() >= self.options.batch_size.max(1)
            || self.bytes >= self.options.batch_bytes
        {
            self.commit(store, extractor, summary)?;
        }
        Ok(())
    }

    fn commit(
        &mut self,
        store: &mut Store,
        extractor: &Extractor,
        summary: &mut Summary,
    ) -> Result<()> {
        if self.docs.is_empty() {
            return Ok(());
        }
        let outcomes =
            store.ingest_batch(&self.docs, extractor.entity_index(), self.options.existing)?;
        for outcome in outcomes {
            match outcome {
                Outcome::Added(_) => summary.added += 1,
                Outcome::Refreshed(_) => summary.refreshed += 1,
                Outcome::Duplicate(_) => summary.duplicates += 1,
            }
        }
        self.docs.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// Everything on the calling thread, one item after the other.
fn run_here(
    store: &mut Store,
    extractor: &Extractor,
    items: impl IntoIterator<Item = Loaded>,
    options: IngestOptions,
    summary: &mut Summary,
    report: &mut dyn FnMut(Event),
) -> Result<()> {
    let mut batch = Batch::new(options);
    for Loaded { result, bytes } in items {
        report(Event::Read(bytes));
        let prepared = prepare_item(result, extractor);
        batch.push(store, extractor, prepared, summary, report)?;
    }
    batch.commit(store, extractor, summary)
}

/// What the writer tells the reading thread.
enum Back {
    /// An item was taken in order (its input bytes), so another may go.
    Taken(u64),
    Failed(Error),
}

/// Items read here, prepared by `threads` workers, stored in input order by
/// one writer thread.
fn run_parallel(
    store: &mut Store,
    extractor: &Extractor,
    items: impl IntoIterator<Item = Loaded>,
    options: IngestOptions,
    threads: usize,
    summary: &mut Summary,
    report: &mut dyn FnMut(Event),
) -> Result<()> {
    use std::collections::BTreeMap;
    use std::sync::mpsc;
    use std::sync::Mutex;

    type Work = (u64, u64, Result<Article>);
    type Done = (u64, u64, Result<PreparedDocument>);
    let (work_tx, work_rx) = mpsc::channel::<Work>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let (back_tx, back_rx) = mpsc::channel::<Back>();

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                // The lock is held only to take the next item.
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, bytes, result)) = next else {
                    return;
                };
                if done_tx
                    .send((seq, bytes, prepare_item(result, extractor)))
                    .is_err()
                {
                    return;
                }
            });
        }
        drop(done_tx);

        let writer = scope.spawn(move || -> (Summary, Result<()>) {
            let mut written = Summary::default();
            let mut batch = Batch::new(options);
            let mut waiting: BTreeMap<u64, (u64, Result<PreparedDocument>)> = BTreeMap::new();
            let mut next = 0u64;
            let mut tell = |event: Event| {
                if let Event::Failed(e) = event {
                    let _ = back_tx.send(Back::Failed(e));
                }
            };
            for (seq, bytes, prepared) in done_rx {
                waiting.insert(seq, (bytes, prepared));
                while let Some((bytes, prepared)) = waiting.remove(&next) {
                    next += 1;
                    if let Err(e) = batch.push(store, extractor, prepared, &mut written, &mut tell)
                    {
                        return (written, Err(e));
                    }
                    let _ = back_tx.send(Back::Taken(bytes));
                }
            }
            let result = batch.commit(store, extractor, &mut written);
            (written, result)
        });

        // Read and number the items, keeping what is in flight bounded.
        let mut in_flight = (0usize, 0u64);
        let mut writer_gone = false;
        let settle =
            |message: Back, in_flight: &mut (usize, u64), report: &mut dyn FnMut(Event)| {
                match message {
                    Back::Taken(bytes) => {
                        in_flight.0 = in_flight.0.saturating_sub(1);
                        in_flight.1 = in_flight.1.saturating_sub(bytes);
                    }
                    Back::Failed(e) => report(Event::Failed(e)),
                }
            };
        for (seq, Loaded { result, bytes }) in (0u64..).zip(items) {
            report(Event::Read(bytes));
            while in_flight.0 > 0
                && (in_flight.0 >= IN_FLIGHT_ITEMS || in_flight.1 + bytes > IN_FLIGHT_BYTES)
            {
                match back_rx.recv() {
                    Ok(message) => settle(message, &mut in_flight, report),
                    Err(_) => {
                        writer_gone = true;
                        break;
                    }
                }
            }
            while let Ok(message) = back_rx.try_recv() {
                settle(message, &mut in_flight, report);
            }
            if writer_gone || work_tx.send((seq, bytes, result)).is_err() {
                break;
            }
            in_flight.0 += 1;
            in_flight.1 += bytes;
        }
        drop(work_tx);
        for message in back_rx.iter() {
            settle(message, &mut in_flight, report);
        }
        let (written, result) = match writer.join() {
            Ok(r) => r,
            Err(_) => (
                Summary::default(),
                Err(Error::Input {
                    location: store_label_unknown(),
                    message: "internal error in the ingest writer (a bug; please report it)"
                        .to_string(),
                }),
            ),
        };
        summary.added += written.added;
        summary.refreshed += written.refreshed;
        summary.duplicates += written.duplicates;
        summary.failed += written.failed;
        result
    })
}

/// The location named when the writer thread itself failed.
fn store_label_unknown() -> String {
    "ingest".to_string()
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
