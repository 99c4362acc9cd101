//! Loading articles: files, folders, JSON Lines and standard input; decoding,
//! metadata (sidecar or inferred from the text) and cleaning.
//!
//! Everything here works on one article at a time and keeps the original text
//! untouched: cleaning only *marks* byte ranges to set aside, so that every
//! later span still indexes the exact bytes the user gave us.

pub mod clean;
pub mod furniture;
pub mod lang;
pub mod load;
pub mod meta;
pub mod sample;

pub use clean::{clean, SetAside, SetAsideReason};
pub use load::{expand, Articles, Input, LoadOptions, Loaded};

use crate::model::DocMeta;

/// One article as loaded, before cleaning and extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Where it came from: a path, `stdin`, `file.jsonl:12`, `sample:NAME.txt`.
    pub source: String,
    /// The original text, exactly as read (valid UTF-8, no NUL byte).
    pub text: String,
    /// Metadata given with the article (sidecar or JSON fields); inference
    /// fills the gaps later (see [`meta::infer`]).
    pub meta: DocMeta,
}
