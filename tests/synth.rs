//! The comparison engine against synthetic corpora whose findings are known:
//! precision and recall of contradictions, agreements and updates, the same
//! answers incrementally, and the generator's own guarantees.

use claimgraph::analysis::{analyze, Analyzer};
use claimgraph::model::FindingKind;
use claimgraph::synth::{score, Config, Plan};
use std::collections::HashSet;

type Key = (FindingKind, i64, i64);

#[test]
fn planted_findings_are_recovered() {
    let plan = Plan::generate(&Config::new(42, 12_000));
    let r = plan.records();
    assert!(r.claims.len() >= 12_000);
    let analysis = analyze(&r.documents, &r.entities, &r.events, &r.claims);
    let found: Vec<Key> = analysis
        .findings
        .iter()
        .map(|f| (f.kind, f.a, f.b))
        .collect();
    for s in score(plan.truth(), &found) {
        eprintln!(
            "{}: planted {}, found {}, matched {} (precision {:.4}, recall {:.4})",
            s.kind,
            s.planted,
            s.found,
            s.matched,
            s.precision(),
            s.recall()
        );
        assert!(s.planted > 300, "{}: only {} planted", s.kind, s.planted);
        assert!(
            s.precision() >= 0.99 && s.recall() >= 0.99,
            "{}: precision {}, recall {}",
            s.kind,
            s.precision(),
            s.recall()
        );
    }
    // Independence of agreements as planted.
    let independent: HashSet<(i64, i64, Option<bool>)> = plan
        .truth()
        .iter()
        .filter(|t| t.kind == FindingKind::Agreement)
        .map(|t| (t.a.min(t.b), t.a.max(t.b), t.independent))
        .collect();
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Agreement)
    {
        assert!(
            independent.contains(&(f.a, f.b, f.independent)),
            "agreement {}–{} independence {:?}",
            f.a,
            f.b,
            f.independent
        );
    }
}

#[test]
fn incremental_batches_match_one_shot() {
    let plan = Plan::generate(&Config::new(7, 2_000));
    let r = plan.records();
    let one_shot = analyze(&r.documents, &r.entities, &r.events, &r.claims).findings;
    let mut analyzer = Analyzer::new();
    let mut current: HashSet<Key> = HashSet::new();
    // One article at a time, as ingestion would.
    for d in &r.documents {
        let events: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.document == d.id)
            .cloned()
            .collect();
        let claims: Vec<_> = r
            .claims
            .iter()
            .filter(|c| c.document == d.id)
            .cloned()
            .collect();
        let delta = analyzer.add(std::slice::from_ref(d), &r.entities, &events, &claims);
        for f in &delta.retracted {
            current.remove(&(f.kind, f.a, f.b));
        }
        current.extend(delta.findings.iter().map(|f| (f.kind, f.a, f.b)));
    }
    let expected: HashSet<Key> = one_shot.iter().map(|f| (f.kind, f.a, f.b)).collect();
    assert_eq!(current, expected);
}

#[test]
fn generation_is_deterministic_and_spans_are_exact() {
    let a = Plan::generate(&Config::new(3, 300));
    let b = Plan::generate(&Config::new(3, 300));
    assert_eq!(a.articles, b.articles);
    assert_eq!(a.truth(), b.truth());
    let c = Plan::generate(&Config::new(4, 300));
    assert_ne!(a.articles, c.articles);
    let records = a.records();
    let articles = a.articles();
    assert_eq!(records.documents.len(), articles.len());
    for claim in &records.claims {
        let Some(article) = usize::try_from(claim.document - 1)
            .ok()
            .and_then(|i| articles.get(i))
        else {
            panic!("claim {} has no article", claim.id)
        };
        assert_eq!(claim.span.slice(&article.text), Some(claim.quote.as_str()));
        assert!(claim.sentence.contains(&claim.span));
        assert!(article.claims.contains(&(claim.id, claim.span)));
        assert_eq!(article.claim_at(claim.span), Some(claim.id));
    }
}

#[test]
fn articles_read_as_french_news() {
    let mut config = Config::new(11, 12);
    config.places = 50;
    let plan = Plan::generate(&config);
    let texts: Vec<String> = plan
        .articles()
        .iter()
        .map(|a| {
            format!(
                "# {} — {} — {}\n{}",
                a.source,
                a.meta.outlet.as_deref().unwrap_or("?"),
                a.meta.published.map(|d| d.to_string()).unwrap_or_default(),
                a.text
            )
        })
        .collect();
    insta::assert_snapshot!("synthetic_articles", texts.join("\n"));
    let truth: Vec<String> = plan
        .truth()
        .iter()
        .map(|t| format!("{} {} {} {:?}", t.kind, t.a, t.b, t.independent))
        .collect();
    insta::assert_snapshot!("synthetic_truth", truth.join("\n"));
}
