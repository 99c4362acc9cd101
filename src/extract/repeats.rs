//! One claim, several occurrences. News states its key figure in the
//! headline, again in the lead, in a photo caption and in the body, often in
//! other words: "Au moins 110 morts" (headline), "ont fait plus de 110 morts
//! selon le Hamas" (lead). These are one claim of one speaker, not several
//! claims that would agree with each other; the claim keeps every
//! occurrence, so that each one still leads back to its bytes.
//!
//! Two numeric claims of one document are one claim when they give the same
//! measure, value and bound and their speakers are compatible: the same, or
//! one of them unattributed (the outlet's own headline restating the figure
//! its body attributes). The merged claim takes the attributed speaker and,
//! as its main span, the occurrence that names it.

use crate::extract::LocalClaim;
use crate::model::ClaimKind;
use std::collections::HashMap;

/// Merge repeated numeric claims of one document (sorted by position) into
/// their first statement. `outlet` is the document's outlet entity, the
/// speaker of unattributed figures.
pub fn merge(claims: &mut Vec<LocalClaim>, outlet: Option<usize>) {
    let unattributed = |c: &LocalClaim| c.claimant.is_none() || c.claimant == outlet;
    // (measure, value bits, bound) → index of the kept claim
    let mut kept: HashMap<(&'static str, u64, &'static str), Vec<usize>> = HashMap::new();
    let mut into: Vec<Option<usize>> = vec![None; claims.len()];
    for i in 0..claims.len() {
        let c = &claims[i];
        if c.kind != ClaimKind::Numeric {
            continue;
        }
        let (Some(m), Some(q)) = (c.measure, c.quantity) else {
            continue;
        };
        let key = (m.as_str(), q.value.to_bits(), q.bound.as_str());
        let slot = kept.entry(key).or_default();
        let same = slot.iter().copied().find(|&k| {
            let o = &claims[k];
            o.claimant == c.claimant || unattributed(o) || unattributed(c)
        });
        match same {
            Some(k) => into[i] = Some(k),
            None => slot.push(i),
        }
    }
    if into.iter().all(Option::is_none) {
        return;
    }
    // Fold each repeat into its kept claim, the attributed occurrence first.
    for i in 0..claims.len() {
        let Some(k) = into[i] else {
            continue;
        };
        let repeat = claims[i].clone();
        let target = &mut claims[k];
        if unattributed(target) && !unattributed(&repeat) {
            target.occurrences.push(target.span);
            target.span = repeat.span;
            target.sentence = repeat.sentence;
            target.claimant = repeat.claimant;
            target.via = repeat.via;
            if target.subject.is_none() {
                target.subject = repeat.subject;
                target.subject_entity = repeat.subject_entity;
            }
        } else {
            target.occurrences.push(repeat.span);
        }
        target.occurrences.extend(repeat.occurrences);
        if target.counted.is_empty() {
            target.counted = repeat.counted;
        }
        if target.date.is_none() {
            target.date = repeat.date;
        }
    }
    let mut i = 0;
    claims.retain(|_| {
        let keep = into[i].is_none();
        i += 1;
        keep
    });
    for c in claims.iter_mut() {
        c.occurrences.sort_by_key(|s| s.start);
    }
    claims.sort_by_key(|c| c.span.start);
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::DocMeta;

    fn numeric(text: &str) -> Vec<(String, f64, Option<String>, usize)> {
        let x = Extractor::builtin();
        let meta = DocMeta {
            outlet: Some("Le Journal".into()),
            ..DocMeta::default()
        };
        let got = x.extract(text, &meta, &[]);
        got.claims
            .iter()
            .filter(|c| c.quantity.is_some())
            .map(|c| {
                (
                    c.span.slice(text).unwrap_or("").to_string(),
                    c.quantity.map_or(0.0, |q| q.value),
                    c.claimant.map(|e| got.entities[e].name.clone()),
                    c.occurrences.len(),
                )
            })
            .collect()
    }

    #[test]
    fn a_headline_figure_restated_with_its_source_is_one_claim() {
        let text = "Au moins 110 morts dans la bande de Gaza\n\nLes tirs ont fait au moins 110 morts, selon le Hamas.";
        let got = numeric(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 110.0);
        assert_eq!(got[0].2.as_deref(), Some("Hamas"));
        assert_eq!(got[0].3, 1);
    }

    #[test]
    fn other_bounds_or_speakers_stay_apart() {
        let text = "Environ 600 morts selon l'ONU.\n\nAu moins 600 morts selon l'ONU. Le Hamas parle de 110 morts, Israël de 110 morts.";
        let got = numeric(text);
        let values: Vec<f64> = got.iter().map(|c| c.1).collect();
        assert!(
            values.iter().filter(|v| **v == 600.0).count() == 2,
            "{got:?}"
        );
    }
}
