//! Site furniture: why a range of an article is set aside, and the lexicon
//! of furniture phrases (`data/lexicon/furniture.txt`) that cleaning matches.
//!
//! The lexicon is data, not code, so that a new site's wording is a new line
//! in a text file; see that file's header for its format and how each reason
//! is used.

use crate::model::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// Why a range of an article was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAsideReason {
    CookieBanner,
    ShareBlock,
    RelatedLinks,
    SourceLink,
    AuthorBio,
    PageFurniture,
    NoWords,
    ForeignLanguage,
    RepeatedParagraph,
    PhotoCredit,
}

impl SetAsideReason {
    pub const ALL: &'static [SetAsideReason] = &[
        Self::CookieBanner,
        Self::ShareBlock,
        Self::RelatedLinks,
        Self::SourceLink,
        Self::AuthorBio,
        Self::PageFurniture,
        Self::NoWords,
        Self::ForeignLanguage,
        Self::RepeatedParagraph,
        Self::PhotoCredit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CookieBanner => "cookie_banner",
            Self::ShareBlock => "share_block",
            Self::RelatedLinks => "related_links",
            Self::SourceLink => "source_link",
            Self::AuthorBio => "author_bio",
            Self::PageFurniture => "page_furniture",
            Self::NoWords => "no_words",
            Self::ForeignLanguage => "foreign_language",
            Self::RepeatedParagraph => "repeated_paragraph",
            Self::PhotoCredit => "photo_credit",
        }
    }
}

impl fmt::Display for SetAsideReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SetAsideReason {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown set-aside reason {s:?}"))
    }
}

/// A range of the original text left out of extraction, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    pub span: Span,
    pub reason: SetAsideReason,
}

/// The furniture lexicon: phrases and the reason each one gives.
#[derive(Debug)]
pub struct Furniture {
    pub(crate) matcher: AhoCorasick,
    pub(crate) reasons: Vec<SetAsideReason>,
}

const BUILTIN_LEXICON: &str = include_str!("../../data/lexicon/furniture.txt");

static BUILTIN: LazyLock<Furniture> = LazyLock::new(|| {
    Furniture::parse(BUILTIN_LEXICON).expect("the built-in furniture lexicon is valid")
});

impl Furniture {
    /// The lexicon of `data/lexicon/furniture.txt`, compiled into the binary.
    pub fn builtin() -> &'static Furniture {
        &BUILTIN
    }

    /// Parse a lexicon in the `reason: phrase` format of `furniture.txt`.
    pub fn parse(text: &str) -> Result<Furniture, String> {
        let mut phrases = Vec::new();
        let mut reasons = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (reason, phrase) = line
                .split_once(':')
                .ok_or_else(|| format!("line {}: expected `reason: phrase`", i + 1))?;
            let reason = reason
                .trim()
                .parse()
                .map_err(|e| format!("line {}: {e}", i + 1))?;
            let phrase = phrase.trim().to_lowercase();
            if phrase.is_empty() {
                return Err(format!("line {}: empty phrase", i + 1));
            }
            phrases.push(phrase);
            reasons.push(reason);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .map_err(|e| e.to_string())?;
        Ok(Furniture { matcher, reasons })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        assert!(Furniture::builtin().reasons.len() > 50);
        assert!(Furniture::parse("nonsense").is_err());
        assert!(Furniture::parse("bogus: x").is_err());
    }
}
