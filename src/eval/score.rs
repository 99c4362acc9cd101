//! The figures `eval` reports: true and false positives, false negatives,
//! precision, recall and F1 per category, as JSON of the gold README's shape
//! or as a text table.

use comfy_table::{presets::ASCII_MARKDOWN, Table};
use serde::{Deserialize, Serialize};

/// Counts and rates of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = if tp + fp == 0 && fn_ == 0 {
            1.0
        } else {
            ratio(tp, tp + fp)
        };
        let recall = if tp + fn_ == 0 {
            1.0
        } else {
            ratio(tp, tp + fn_)
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            tp,
            fp,
            fn_,
            precision: round(precision),
            recall: round(recall),
            f1: round(f1),
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Numeric claims with the accuracy of bounds and claimants over matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct NumericScore {
    #[serde(flatten)]
    pub score: Score,
    pub bound_accuracy: f64,
    pub claimant_accuracy: f64,
}

/// Everything `eval` reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub entities: Score,
    pub aliases: Score,
    pub numeric_claims: NumericScore,
    pub denials: Score,
    pub contradictions: Score,
    pub agreements: Score,
    pub updates: Score,
    /// What was missed or wrongly found, one line each (not in the JSON).
    #[serde(skip)]
    pub notes: Vec<String>,
}

impl Report {
    pub fn accuracy(hits: usize, total: usize) -> f64 {
        if total == 0 {
            1.0
        } else {
            round(hits as f64 / total as f64)
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as a text table.
    pub fn render(&self) -> String {
        let mut t = Table::new();
        t.load_preset(ASCII_MARKDOWN);
        t.set_header(["category", "tp", "fp", "fn", "precision", "recall", "f1"]);
        let rows = [
            ("entities", self.entities),
            ("aliases", self.aliases),
            ("numeric claims", self.numeric_claims.score),
            ("denials", self.denials),
            ("contradictions", self.contradictions),
            ("agreements", self.agreements),
            ("updates", self.updates),
        ];
        for (name, s) in rows {
            t.add_row([
                name.to_string(),
                s.tp.to_string(),
                s.fp.to_string(),
                s.fn_.to_string(),
                format!("{:.3}", s.precision),
                format!("{:.3}", s.recall),
                format!("{:.3}", s.f1),
            ]);
        }
        format!(
            "{t}\nnumeric claims: bound accuracy {:.3}, claimant accuracy {:.3}\n",
            self.numeric_claims.bound_accuracy, self.numeric_claims.claimant_accuracy
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        let s = Score::new(3, 1, 1);
        assert_eq!((s.precision, s.recall, s.f1), (0.75, 0.75, 0.75));
        assert_eq!(Score::new(0, 0, 0).f1, 1.0);
        assert_eq!(Score::new(0, 2, 0).f1, 0.0);
    }

    #[test]
    fn json_shape() {
        let v: serde_json::Value = serde_json::from_str(&Report::default().to_json()).unwrap();
        for k in [
            "entities",
            "aliases",
            "numeric_claims",
            "denials",
            "contradictions",
            "agreements",
            "updates",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
        assert!(v["numeric_claims"].get("bound_accuracy").is_some());
        assert!(v["entities"].get("fn").is_some());
    }
}
