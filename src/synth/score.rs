//! Scoring found findings against a plan's planted ones, record by record:
//! precision and recall per kind. Used by the scale tests on records built
//! from the plan, and usable end to end once extracted claims are mapped to
//! planned ones ([`super::Article::claim_at`]).

use super::Planted;
use crate::model::FindingKind;
use std::collections::HashSet;

/// How one kind of finding scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindScore {
    pub kind: FindingKind,
    pub planted: usize,
    pub found: usize,
    pub matched: usize,
}

impl KindScore {
    /// Share of found findings that were planted (1 when none was found).
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }

    /// Share of planted findings that were found (1 when none was planted).
    pub fn recall(&self) -> f64 {
        if self.planted == 0 {
            1.0
        } else {
            self.matched as f64 / self.planted as f64
        }
    }
}

fn key(kind: FindingKind, a: i64, b: i64) -> (FindingKind, i64, i64) {
    match kind {
        // Updates are ordered (earlier, later); the others are symmetric.
        FindingKind::Update => (kind, a, b),
        _ => (kind, a.min(b), a.max(b)),
    }
}

/// Score `found` (kind, claim a, claim b — planned claim ids) against the
/// planted truth, one line per kind.
pub fn score(truth: &[Planted], found: &[(FindingKind, i64, i64)]) -> Vec<KindScore> {
    let planted: HashSet<_> = truth.iter().map(|p| key(p.kind, p.a, p.b)).collect();
    let found: HashSet<_> = found.iter().map(|&(k, a, b)| key(k, a, b)).collect();
    FindingKind::ALL
        .iter()
        .map(|&kind| {
            let p: HashSet<_> = planted.iter().filter(|k| k.0 == kind).collect();
            let f: HashSet<_> = found.iter().filter(|k| k.0 == kind).collect();
            KindScore {
                kind,
                planted: p.len(),
                found: f.len(),
                matched: p.intersection(&f).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_kinds_ignore_order_updates_do_not() {
        let truth = [
            Planted {
                kind: FindingKind::Contradiction,
                a: 1,
                b: 2,
                independent: None,
            },
            Planted {
                kind: FindingKind::Update,
                a: 3,
                b: 4,
                independent: None,
            },
        ];
        let s = score(
            &truth,
            &[
                (FindingKind::Contradiction, 2, 1),
                (FindingKind::Update, 4, 3),
                (FindingKind::Agreement, 5, 6),
            ],
        );
        let by = |k| s.iter().find(|x| x.kind == k).copied();
        let c = by(FindingKind::Contradiction).map(|x| (x.precision(), x.recall()));
        assert_eq!(c, Some((1.0, 1.0)));
        let u = by(FindingKind::Update).map(|x| (x.precision(), x.recall()));
        assert_eq!(u, Some((0.0, 0.0)));
        let a = by(FindingKind::Agreement).map(|x| (x.precision(), x.recall()));
        assert_eq!(a, Some((0.0, 1.0)));
    }
}
