//! The gold annotation format `claimgraph-gold/1` (see the gold README):
//! corpus-wide entities, documents with their claims, and the expected
//! contradictions, agreements, updates and compatible pairs.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Gold {
    pub format: String,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    pub documents: Vec<GoldDocument>,
    #[serde(default)]
    pub contradictions: Vec<GoldPair>,
    #[serde(default)]
    pub agreements: Vec<GoldPair>,
    #[serde(default)]
    pub updates: Vec<GoldPair>,
    #[serde(default)]
    pub compatible: Vec<GoldPair>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl GoldEntity {
    /// The name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDocument {
    pub file: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub optional_entities: Vec<String>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldClaim {
    pub id: String,
    pub quote: String,
    pub claimant: Option<String>,
    pub event: Option<String>,
    #[serde(default = "affirm")]
    pub polarity: String,
    pub measure: Option<String>,
    pub value: Option<f64>,
    pub bound: Option<String>,
    pub subject: Option<String>,
    #[serde(default)]
    pub alt_quotes: Vec<String>,
    pub date: Option<String>,
}

fn affirm() -> String {
    "affirm".to_string()
}

impl GoldClaim {
    pub fn quotes(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.quote).chain(&self.alt_quotes)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldPair {
    pub kind: Option<String>,
    pub measure: Option<String>,
    pub claims: Vec<String>,
    pub note: Option<String>,
}

impl Gold {
    pub fn load(path: &Path) -> Result<Gold> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Gold::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, origin: &str) -> Result<Gold> {
        let gold: Gold = serde_json::from_str(text).map_err(|e| Error::Input {
            location: format!("{origin}:{}:{}", e.line(), e.column()),
            message: e.to_string(),
        })?;
        if gold.format != "claimgraph-gold/1" {
            return Err(Error::Input {
                location: origin.to_string(),
                message: format!(
                    "unknown gold format {:?} (expected claimgraph-gold/1)",
                    gold.format
                ),
            });
        }
        Ok(gold)
    }
}
