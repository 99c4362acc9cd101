//! The sample corpus compiled into the binary: five real, noisy French
//! articles of `data/corpus/` with their metadata sidecars.
//!
//! Read commands fall back to an in-memory graph of these articles when no
//! database is given, so the tool answers questions from any directory
//! without writing a file.

use crate::corpus::{meta, Article};
use crate::error::Result;

/// (file name, text, sidecar JSON) of each sample article.
const FILES: &[(&str, &str, &str)] = &[
    (
        "000_0bbafe396988a152.txt",
        include_str!("../../data/corpus/000_0bbafe396988a152.txt"),
        include_str!("../../data/corpus/000_0bbafe396988a152.meta.json"),
    ),
    (
        "001_ff7876fc5e787a1c.txt",
        include_str!("../../data/corpus/001_ff7876fc5e787a1c.txt"),
        include_str!("../../data/corpus/001_ff7876fc5e787a1c.meta.json"),
    ),
    (
        "002_38b42028a591aa93.txt",
        include_str!("../../data/corpus/002_38b42028a591aa93.txt"),
        include_str!("../../data/corpus/002_38b42028a591aa93.meta.json"),
    ),
    (
        "003_5875ad0ffb18f87c.txt",
        include_str!("../../data/corpus/003_5875ad0ffb18f87c.txt"),
        include_str!("../../data/corpus/003_5875ad0ffb18f87c.meta.json"),
    ),
    (
        "004_f95d8be4eb4452f1.txt",
        include_str!("../../data/corpus/004_f95d8be4eb4452f1.txt"),
        include_str!("../../data/corpus/004_f95d8be4eb4452f1.meta.json"),
    ),
];

/// The sample articles, with `sample:NAME.txt` as their source.
pub fn articles() -> Result<Vec<Article>> {
    FILES
        .iter()
        .map(|(name, text, sidecar)| {
            let meta = meta::parse_sidecar(sidecar, &format!("sample:{name}"))?;
            Ok(Article {
                source: format!("sample:{name}"),
                text: (*text).to_string(),
                meta,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_corpus_has_metadata() {
        let articles = super::articles().unwrap();
        assert_eq!(articles.len(), 5);
        assert!(articles
            .iter()
            .all(|a| a.meta.outlet.is_some() && a.meta.published.is_some()));
        assert_eq!(articles[1].meta.outlet.as_deref(), Some("Armenpress"));
    }
}
