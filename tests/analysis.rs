//! The comparison engine on a hand-built corpus shaped like the sample
//! articles: what it must find, what it must not, and the same answers when
//! the articles arrive one by one.

mod common;

use claimgraph::analysis::{analyze, Analyzer};
use claimgraph::model::{FindingKind, FindingRecord};
use common::*;

fn pairs(findings: &[FindingRecord]) -> Vec<(FindingKind, i64, i64, Option<bool>)> {
    findings
        .iter()
        .map(|f| (f.kind, f.a, f.b, f.independent))
        .collect()
}

#[test]
fn sample_like_corpus_findings() {
    let c = sample();
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    use FindingKind::*;
    assert_eq!(
        pairs(&analysis.findings),
        vec![
            // 2 killed (Karabakh authorities via RT) vs 3 killed (Armenpress).
            (Contradiction, 2, 4, None),
            // Accusation of shelling vs denial of the shelling allegations.
            (Contradiction, 7, 9, None),
            // "vise des zones peuplées" vs the denial linked to it.
            (Contradiction, 10, 11, None),
            // Accusation of small-arms fire vs a bare denial.
            (Contradiction, 12, 13, None),
            // Four strikes, one voice (the Russian defence ministry) twice.
            (Agreement, 1, 3, Some(false)),
            // "2 soldats tués" and "au moins 2": the same figure agrees,
            // whatever its bound (gold README: same value).
            (Agreement, 2, 6, Some(true)),
            // 49 → 105 → 135 over three days.
            (Update, 14, 15, None),
            (Update, 15, 16, None),
        ]
    );
    let reasons: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| format!("{} {}→{}: {}", f.kind, f.a, f.b, f.reason))
        .collect();
    insta::assert_snapshot!("sample_reasons", reasons.join("\n"));
}

#[test]
fn coreference_merges_are_explained() {
    let c = sample();
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    let clusters = &analysis.clusters;
    assert_eq!(clusters.events.get(&2), Some(&1));
    assert_eq!(clusters.events.get(&8), Some(&6));
    // Shelling and strike of one article are different events.
    assert_eq!(clusters.events.get(&4), Some(&4));
    assert_eq!(clusters.claims.get(&4), Some(&1));
    let merges: Vec<String> = clusters
        .merges
        .iter()
        .map(|m| format!("{}+{}: {}", m.a, m.b, m.reason))
        .collect();
    insta::assert_snapshot!("sample_merges", merges.join("\n"));
}

/// Apply deltas one batch at a time; the result must equal the one-shot run.
fn incremental(order: &[i64]) -> Vec<FindingRecord> {
    let c = sample();
    let mut analyzer = Analyzer::new();
    let mut found: Vec<FindingRecord> = Vec::new();
    for doc in order {
        let docs: Vec<_> = c
            .documents
            .iter()
            .filter(|d| d.id == *doc)
            .cloned()
            .collect();
        let events: Vec<_> = c
            .events
            .iter()
            .filter(|e| e.document == *doc)
            .cloned()
            .collect();
        let claims: Vec<_> = c
            .claims
            .iter()
            .filter(|x| x.document == *doc)
            .cloned()
            .collect();
        let delta = analyzer.add(&docs, &c.entities, &events, &claims);
        found.retain(|f| {
            !delta
                .retracted
                .iter()
                .any(|r| (r.kind, r.a, r.b) == (f.kind, f.a, f.b))
        });
        found.extend(delta.findings);
    }
    found.sort_by_key(|f| (f.kind, f.a, f.b));
    assert_eq!(found, analyzer.findings());
    found
}

#[test]
fn incremental_matches_one_shot_in_any_order() {
    let c = sample();
    let one_shot = analyze(&c.documents, &c.entities, &c.events, &c.claims).findings;
    assert_eq!(
        pairs(&incremental(&[1, 2, 3, 4, 5, 6, 7])),
        pairs(&one_shot)
    );
    // The middle figure arrives last: 14 → 16 is retracted for 14 → 15 → 16.
    assert_eq!(
        pairs(&incremental(&[7, 4, 5, 3, 2, 1, 6])),
        pairs(&one_shot)
    );
}

#[test]
fn a_batch_reports_only_what_it_changes() {
    let c = sample();
    let mut analyzer = Analyzer::new();
    let first: Vec<_> = c
        .claims
        .iter()
        .filter(|x| x.document == 1)
        .cloned()
        .collect();
    let events1: Vec<_> = c
        .events
        .iter()
        .filter(|e| e.document == 1)
        .cloned()
        .collect();
    let delta = analyzer.add(&c.documents, &c.entities, &events1, &first);
    assert!(delta.findings.is_empty() && delta.retracted.is_empty());
    let second: Vec<_> = c
        .claims
        .iter()
        .filter(|x| x.document == 2)
        .cloned()
        .collect();
    let events2: Vec<_> = c
        .events
        .iter()
        .filter(|e| e.document == 2)
        .cloned()
        .collect();
    let delta = analyzer.add(&[], &[], &events2, &second);
    assert_eq!(
        pairs(&delta.findings),
        vec![
            (FindingKind::Contradiction, 2, 4, None),
            (FindingKind::Agreement, 1, 3, Some(false)),
            (FindingKind::Agreement, 2, 6, Some(true)),
        ]
    );
    // The same batch again changes nothing.
    let again = analyzer.add(&[], &[], &events2, &second);
    assert!(again.findings.is_empty() && again.retracted.is_empty());
}

#[test]
fn at_least_two_against_three_stays_silent() {
    let c = sample();
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    // "au moins 2" never contradicts 3 (it may agree with "2").
    assert!(analysis
        .findings
        .iter()
        .all(|f| f.kind != FindingKind::Contradiction || (f.a != 6 && f.b != 6)));
}

#[test]
fn different_dates_at_one_place_are_not_compared() {
    let mut c = sample();
    // Armenpress's strikes now dated a week earlier: a different event.
    if let Some(e) = c.events.iter_mut().find(|e| e.id == 2) {
        e.time = Some(claimgraph::model::DateRange {
            start: date(2022, 3, 17),
            end: date(2022, 3, 17),
            precision: claimgraph::model::Precision::Day,
        });
    }
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert!(analysis
        .findings
        .iter()
        .all(|f| ![(2, 4), (1, 3)].contains(&(f.a, f.b))));
}

#[test]
fn subjects_of_different_sides_are_not_compared() {
    let mut c = sample();
    let template = c.claims.iter().find(|x| x.id == 4).cloned();
    let Some(mut other_side) = template else {
        panic!("claim 4 is in the fixture")
    };
    // "1 soldat azerbaïdjanais tué": same event, same class, other side.
    other_side.id = 100;
    other_side.subject = Some("soldats azerbaïdjanais".to_string());
    other_side.subject_entity = Some(AZERBAIJAN);
    if let Some(q) = other_side.quantity.as_mut() {
        q.value = 1.0;
        q.interval = claimgraph::model::Interval::exact(1.0);
    }
    // "5 soldats tués", side unknown: compared with both sides.
    let mut unknown = other_side.clone();
    unknown.id = 101;
    unknown.document = 1;
    unknown.claimant = Some(RT);
    unknown.outlet = Some(RT);
    unknown.subject = Some("soldats".to_string());
    unknown.subject_entity = None;
    if let Some(q) = unknown.quantity.as_mut() {
        q.value = 5.0;
        q.interval = claimgraph::model::Interval::exact(5.0);
    }
    c.claims.push(other_side);
    c.claims.push(unknown);
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    let with = |id: i64| -> Vec<(i64, i64)> {
        analysis
            .findings
            .iter()
            .filter(|f| f.a == id || f.b == id)
            .map(|f| (f.a, f.b))
            .collect()
    };
    assert_eq!(with(100), vec![(100, 101)]);
    assert_eq!(with(101), vec![(2, 101), (4, 101), (100, 101)]);
}

#[test]
fn a_denial_tied_to_no_event_answers_its_article_single_event() {
    let mut c = sample();
    for claim in c.claims.iter_mut().filter(|x| x.id == 13) {
        claim.event = None;
    }
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert!(analysis.findings.iter().any(|f| (f.a, f.b) == (12, 13)));
    // Article 3 tells of two events: an unattached denial stays apart.
    for claim in c.claims.iter_mut().filter(|x| x.id == 9) {
        claim.event = None;
    }
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert!(!analysis.findings.iter().any(|f| (f.a, f.b) == (7, 9)));
}

#[test]
fn reasons_borrow_dates_from_the_other_account() {
    let mut c = sample();
    let dated = c.events.iter().find(|e| e.id == 1).and_then(|e| e.time);
    for e in c.events.iter_mut() {
        match e.id {
            1 => e.time = None,
            2 => e.time = dated,
            _ => {}
        }
    }
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    let Some(f) = analysis.findings.iter().find(|f| (f.a, f.b) == (2, 4)) else {
        panic!("the 2 vs 3 contradiction is still found")
    };
    assert!(f.reason.contains("24–25 March 2022"), "{}", f.reason);
}

#[test]
fn loading_stored_records_gives_the_one_shot_findings() {
    let c = sample();
    let loaded = Analyzer::from_records(&c.documents, &c.entities, &c.events, &c.claims);
    let one_shot = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert_eq!(loaded.findings(), one_shot.findings);
    assert_eq!(loaded.clusters(), one_shot.clusters);
}

#[test]
fn counted_sides_are_separate_series() {
    let mut c = sample();
    // "3 soldats de l'Artsakh tués" (Armenpress) and "2 tués" (Karabakh
    // authorities) count Karabakh's soldiers; "1 soldat azerbaïdjanais"
    // counts the other side's: never compared with them.
    for claim in c.claims.iter_mut().filter(|x| [2, 4].contains(&x.id)) {
        claim.counted.side = Some("Haut-Karabakh".into());
    }
    let Some(mut other) = c.claims.iter().find(|x| x.id == 4).cloned() else {
        panic!("claim 4 is in the fixture")
    };
    other.id = 100;
    other.subject_entity = None;
    other.counted.side = Some("Azerbaïdjan".into());
    if let Some(q) = other.quantity.as_mut() {
        q.value = 1.0;
        q.interval = claimgraph::model::Interval::exact(1.0);
    }
    c.claims.push(other);
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert!(analysis
        .findings
        .iter()
        .all(|f| ![(2, 100), (4, 100)].contains(&(f.a, f.b))));
    // Karabakh's own figures are still compared.
    assert!(analysis.findings.iter().any(|f| (f.a, f.b) == (2, 4)));
}

#[test]
fn incidents_keep_their_reasons() {
    let c = sample();
    let analysis = claimgraph::analysis::analyze_with_places(
        &c.documents,
        &c.entities,
        &c.events,
        &c.claims,
        &c.mentions,
    );
    let reasons = &analysis.clusters.incidents;
    assert!(!reasons.is_empty());
    for m in reasons {
        assert!(m.reason.contains("articles #"), "{}", m.reason);
        assert!(
            m.reason.contains("name") || m.reason.contains("events of both articles"),
            "{}",
            m.reason
        );
    }
    // The findings on the sample are the same with or without places.
    let without = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert_eq!(pairs(&analysis.findings), pairs(&without.findings));
}

#[test]
fn a_later_report_of_a_higher_toll_updates_whoever_gives_it() {
    let mut c = sample();
    // 49 → 105 → 135 (the health ministry via three outlets); the 135 now
    // given by another voice still updates the series: tolls of people rise.
    for claim in c.claims.iter_mut().filter(|x| x.id == 16) {
        claim.claimant = Some(ARMENIAN_MOD);
    }
    let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
    assert!(analysis
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Update && (f.a, f.b) == (15, 16)));
}

/// A long line of "Selon l'AFP, N soldats ont été tués." in one article is
/// one voice's series: its figures are compared through a bounded few, so
/// one article never yields a quadratic (or even linear) number of findings.
#[test]
fn one_articles_repeated_figures_give_findings_without_blow_up() {
    for distinct in [true, false] {
        let mut c = sample();
        let base = c.claims.len();
        for k in 0..2_000i64 {
            let value = if distinct { 10.0 + k as f64 } else { 10.0 };
            c.claims.push(numeric(
                C {
                    id: 1_000 + k,
                    document: 1,
                    claimant: RUSSIAN_MOD,
                    outlet: RT,
                    event: 1,
                },
                claimgraph::model::Measure::Killed,
                value,
                claimgraph::model::Bound::Exact,
                "soldats du Haut-Karabakh",
                Some(KARABAKH),
            ));
        }
        assert_eq!(c.claims.len(), base + 2_000);
        let analysis = analyze(&c.documents, &c.entities, &c.events, &c.claims);
        let touching = analysis
            .findings
            .iter()
            .filter(|f| f.a >= 1_000 || f.b >= 1_000)
            .count();
        assert!(
            touching <= 2 * claimgraph::analysis::group::FIGURES_PER_VOICE,
            "{touching} findings from one article's repeated figures"
        );
    }
}

/// An earthquake in two countries: "Séismes en Turquie et en Syrie : plus
/// de 3 500 morts" (both), "Le séisme qui a secoué le sud-est de la Turquie
/// a fait 2 316 morts" (Turkey, by its sentence), "En Syrie, au moins 1.444
/// personnes" (Syria), "711 morts dans la province d'Alep" (a part of
/// Syria), "au moins 3.760 morts" (the whole, no scope).
#[test]
fn a_toll_split_by_country_keeps_each_country_apart() {
    use claimgraph::model::*;
    let day = |d| date(2023, 2, d);
    let doc = |id: i64, published| DocumentRecord {
        id,
        hash: format!("{id:064x}"),
        source: format!("fixture:{id}"),
        meta: DocMeta {
            outlet: Some("Agence".into()),
            published: Some(published),
            ..Default::default()
        },
        len: 1000,
    };
    let entity = |id: i64, name: &str, kind| EntityRecord {
        id,
        name: name.into(),
        kind,
        aliases: vec![],
    };
    let (outlet, turkey, syria, gaziantep) = (1, 2, 3, 4);
    let entities = vec![
        entity(outlet, "Agence", EntityKind::Outlet),
        entity(turkey, "Turquie", EntityKind::Country),
        entity(syria, "Syrie", EntityKind::Country),
        entity(gaziantep, "Gaziantep", EntityKind::Place),
    ];
    let documents = vec![doc(1, day(6)), doc(2, day(7))];
    let toll = |id: i64, document, value, bound, scope: Option<&str>| {
        let mut c = numeric(
            C {
                id,
                document,
                claimant: outlet,
                outlet,
                event: 0,
            },
            Measure::Killed,
            value,
            bound,
            "morts",
            None,
        );
        c.event = None;
        c.sentence = Span::new(id as usize * 100, id as usize * 100 + 90);
        c.span = Span::new(id as usize * 100 + 50, id as usize * 100 + 60);
        c.counted.scope = scope.map(str::to_string);
        c
    };
    let claims = vec![
        toll(1, 1, 3500.0, Bound::AtLeast, Some("both")),
        toll(2, 1, 2316.0, Bound::Exact, None),
        toll(3, 2, 2379.0, Bound::Exact, None),
        toll(4, 2, 1444.0, Bound::AtLeast, Some("Syrie")),
        toll(5, 2, 711.0, Bound::Exact, Some("Alep")),
        toll(6, 2, 3760.0, Bound::AtLeast, None),
    ];
    let mention = |entity, document, at| MentionRecord {
        entity,
        document,
        span: Span::new(at, at + 7),
    };
    let mentions = vec![
        mention(gaziantep, 1, 5),
        mention(gaziantep, 2, 5),
        // "le séisme qui a secoué le sud-est de la Turquie a fait ..."
        mention(turkey, 1, 210),
        mention(turkey, 2, 310),
    ];
    let analysis =
        claimgraph::analysis::analyze_with_places(&documents, &entities, &[], &claims, &mentions);
    let found: Vec<(FindingKind, i64, i64)> = analysis
        .findings
        .iter()
        .map(|f| (f.kind, f.a, f.b))
        .collect();
    // Turkey's toll rises; so does the whole's.
    assert!(found.contains(&(FindingKind::Update, 2, 3)), "{found:?}");
    assert!(found.contains(&(FindingKind::Update, 1, 6)), "{found:?}");
    // Turkey, Syria, a part of Syria and the whole are never compared.
    for (a, b) in [
        (1, 2),
        (1, 3),
        (1, 4),
        (3, 4),
        (4, 5),
        (3, 6),
        (4, 6),
        (5, 6),
        (2, 6),
    ] {
        assert!(
            !found.iter().any(|&(_, x, y)| (x, y) == (a, b)),
            "{a} and {b} compared: {found:?}"
        );
    }
}

/// The gold compatible pairs of the real sets (figures that differ on the
/// surface yet agree: a part and its total, a floor and an estimate) are
/// never flagged as contradictions.
#[test]
fn gold_compatible_pairs_are_never_flagged() {
    let x = claimgraph::extract::Extractor::builtin();
    for (set, gold) in [
        ("dev", "dev.gold.json"),
        ("real", "real.gold.json"),
        ("real2", "real2.gold.json"),
        ("real3", "real3.gold.json"),
        ("real4", "real4.gold.json"),
    ] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(set);
        let g = claimgraph::eval::Gold::load(&dir.join(gold)).expect("gold loads");
        let r = claimgraph::eval::evaluate(&g, &dir.join("corpus"), &x).expect("eval runs");
        let flagged: Vec<&String> = r
            .notes
            .iter()
            .filter(|n| n.starts_with("compatible pair flagged"))
            .collect();
        assert!(flagged.is_empty(), "{set}: {flagged:?}");
    }
}
