//! Store tests: migrations, idempotent ingest, and the storage of every field
//! of an extraction built by hand (the stub extractor finds nothing).

use super::*;
use crate::corpus::SetAsideReason;
use crate::extract::{LocalClaim, LocalEntity, LocalEvent, Mention};
use crate::model::*;
use chrono::NaiveDate;

const TEXT: &str =
    "Selon l'AFP, le ministère a déclaré que 3 soldats ont été tués à Farhad. Bakou dément.";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn doc(text: &str, extraction: Extraction) -> PreparedDocument {
    PreparedDocument {
        source: "test.txt".into(),
        text: text.into(),
        hash: content_hash(text),
        meta: DocMeta {
            outlet: Some("Le Quotidien".into()),
            published: NaiveDate::from_ymd_opt(2022, 3, 26),
            language: Some("fr".into()),
            url: None,
            title: None,
        },
        credits: vec!["AFP".into()],
        set_aside: vec![SetAside {
            span: span_of(text, "Bakou dément."),
            reason: SetAsideReason::PageFurniture,
        }],
        extraction,
    }
}

fn hand_extraction() -> Extraction {
    let day = NaiveDate::from_ymd_opt(2022, 3, 25).unwrap();
    let entity = |name: &str, kind, aliases: Vec<Alias>| LocalEntity {
        name: name.into(),
        kind,
        aliases,
    };
    Extraction {
        entities: vec![
            entity("ministère", EntityKind::Organization, vec![]),
            entity(
                "AFP",
                EntityKind::Outlet,
                vec![Alias {
                    name: "agence France-Presse".into(),
                    reason: "acronym".into(),
                }],
            ),
            entity("Farhad", EntityKind::Place, vec![]),
            entity("Bakou", EntityKind::Place, vec![]),
        ],
        mentions: vec![
            Mention {
                entity: 1,
                span: span_of(TEXT, "AFP"),
            },
            Mention {
                entity: 0,
                span: span_of(TEXT, "ministère"),
            },
            Mention {
                entity: 2,
                span: span_of(TEXT, "Farhad"),
            },
        ],
        events: vec![LocalEvent {
            kind: EventKind::Killing,
            span: span_of(TEXT, "tués"),
            time: Some(DateRange {
                start: day,
                end: day,
                precision: Precision::Day,
            }),
            place: Some(2),
            participants: vec![(3, Role::Agent)],
        }],
        claims: vec![
            LocalClaim {
                kind: ClaimKind::Numeric,
                polarity: Polarity::Affirm,
                span: span_of(TEXT, "3 soldats ont été tués"),
                sentence: span_of(
                    TEXT,
                    "Selon l'AFP, le ministère a déclaré que 3 soldats ont été tués à Farhad.",
                ),
                claimant: Some(0),
                via: vec![1],
                measure: Some(Measure::Killed),
                quantity: Some(Quantity {
                    value: 3.0,
                    bound: Bound::AtLeast,
                    interval: Interval::at_least(3.0),
                }),
                subject: Some("soldats".into()),
                subject_entity: None,
                counted: Counted {
                    category: Some("soldiers".into()),
                    side: Some("Arménie".into()),
                    scope: None,
                },
                occurrences: Vec::new(),
                event: Some(0),
                date: Some(DateRange {
                    start: day,
                    end: day,
                    precision: Precision::Day,
                }),
                topic: None,
                denies: None,
            },
            LocalClaim {
                kind: ClaimKind::Denial,
                polarity: Polarity::Deny,
                span: span_of(TEXT, "dément"),
                sentence: span_of(TEXT, "Bakou dément."),
                claimant: None,
                via: vec![],
                measure: None,
                quantity: None,
                subject: None,
                subject_entity: Some(3),
                counted: Default::default(),
                occurrences: Vec::new(),
                event: None,
                date: None,
                topic: Some("tués".into()),
                denies: Some(0),
            },
        ],
    }
}

#[test]
fn stores_every_field_of_an_extraction() {
    let mut store = Store::open_in_memory().unwrap();
    let outcomes = store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    let Outcome::Added(doc_id) = outcomes[0] else {
        panic!("{outcomes:?}")
    };

    let docs = store.documents().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].hash, content_hash(TEXT));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("Le Quotidien"));
    assert_eq!(docs[0].len, TEXT.len());
    assert_eq!(store.document_text(doc_id).unwrap().as_deref(), Some(TEXT));
    assert_eq!(
        store.set_aside(doc_id).unwrap()[0].reason,
        SetAsideReason::PageFurniture
    );

    let entities = store.entities().unwrap();
    let id_of = |name: &str| {
        entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.id)
            .unwrap()
    };
    assert_eq!(
        entities.len(),
        5,
        "four local entities and the outlet: {entities:?}"
    );
    let outlet = id_of("Le Quotidien");
    assert_eq!(
        entities.iter().find(|e| e.id == outlet).unwrap().kind,
        EntityKind::Outlet
    );
    let afp = entities.iter().find(|e| e.name == "AFP").unwrap();
    assert_eq!(
        afp.aliases,
        vec![Alias {
            name: "agence France-Presse".into(),
            reason: "acronym".into()
        }]
    );

    let mentions = store.mentions().unwrap();
    assert_eq!(mentions.len(), 3);
    assert!(mentions.iter().all(|m| m.document == doc_id));
    assert_eq!(mentions[0].entity, id_of("AFP"));

    let events = store.events().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].place, Some(id_of("Farhad")));
    assert_eq!(
        events[0].participants,
        vec![Participant {
            entity: id_of("Bakou"),
            role: Role::Agent
        }]
    );
    assert_eq!(events[0].time.unwrap().precision, Precision::Day);

    let claims = store.claims().unwrap();
    assert_eq!(claims.len(), 2);
    let (numeric, denial) = (&claims[0], &claims[1]);
    assert_eq!(numeric.quote, "3 soldats ont été tués");
    assert_eq!(numeric.claimant, Some(id_of("ministère")));
    assert_eq!(numeric.outlet, Some(outlet));
    assert_eq!(numeric.via, vec![id_of("AFP")]);
    assert_eq!(numeric.quantity.unwrap().interval.hi, None);
    assert_eq!(numeric.quantity.unwrap().bound, Bound::AtLeast);
    assert_eq!(numeric.event, Some(events[0].id));
    assert_eq!(numeric.measure, Some(Measure::Killed));
    assert_eq!(
        denial.claimant,
        Some(outlet),
        "an unattributed claim falls back to the outlet"
    );
    assert_eq!(denial.denies, Some(numeric.id));
    assert_eq!(denial.subject_entity, Some(id_of("Bakou")));
    assert_eq!(denial.topic.as_deref(), Some("tués"));
}

#[test]
fn reingest_changes_nothing_and_entities_are_shared() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    let before = store.stats().unwrap();
    let again = store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    assert!(matches!(again[0], Outcome::Duplicate(_)));
    assert_eq!(store.stats().unwrap(), before);

    // Another document naming the same things adds no entity.
    let other = format!("{TEXT} Fin.");
    store.ingest(&[doc(&other, hand_extraction())]).unwrap();
    assert_eq!(store.stats().unwrap().entities, before.entities);
    assert_eq!(store.stats().unwrap().documents, 2);
}

#[test]
fn inconsistent_extraction_is_refused_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let mut x = hand_extraction();
    x.mentions.push(Mention {
        entity: 9,
        span: Span::new(0, 1),
    });
    let err = store
        .ingest(&[
            doc("autre texte. Bakou dément.", Extraction::default()),
            doc(TEXT, x),
        ])
        .unwrap_err();
    assert!(err.to_string().contains("entity 9 of 4"), "{err}");
    assert_eq!(
        store.stats().unwrap().documents,
        0,
        "nothing of the batch is kept"
    );

    let mut x = hand_extraction();
    let e_acute = TEXT.find('é').unwrap();
    x.claims[0].span = Span::new(e_acute + 1, e_acute + 2);
    assert!(check(&doc(TEXT, x)).unwrap_err().contains("does not fit"));
}

#[test]
fn findings_replace_and_insert() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    let claims = store.claims().unwrap();
    let finding = |kind, reason: &str| FindingRecord {
        id: 0,
        kind,
        a: claims[0].id,
        b: claims[1].id,
        reason: reason.into(),
        independent: None,
    };
    let ids = store
        .replace_findings(&[finding(FindingKind::Contradiction, "polarity")])
        .unwrap();
    assert_eq!(ids.len(), 1);
    let again = store
        .insert_findings(&[
            finding(FindingKind::Contradiction, "other words"),
            finding(FindingKind::Agreement, "x"),
        ])
        .unwrap();
    assert_eq!(again[0], ids[0], "same kind and claims is the same finding");
    assert_eq!(store.findings().unwrap().len(), 2);
    store
        .replace_findings(&[finding(FindingKind::Update, "later")])
        .unwrap();
    let all = store.findings().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, FindingKind::Update);
    assert_eq!(store.stats().unwrap().findings, 1);
}

#[test]
fn counted_is_stored_and_read_back() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    let claims = store.claims().unwrap();
    let figure = claims.iter().find(|c| c.quantity.is_some()).unwrap();
    assert_eq!(figure.counted.category.as_deref(), Some("soldiers"));
    assert_eq!(figure.counted.side.as_deref(), Some("Arménie"));
    assert_eq!(figure.counted.scope, None);
    let denial = claims.iter().find(|c| c.quantity.is_none()).unwrap();
    assert_eq!(denial.counted, Counted::default());
}

#[test]
fn a_version_one_database_is_migrated_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    store.ingest(&[doc(TEXT, hand_extraction())]).unwrap();
    assert!(store
        .claims()
        .unwrap()
        .iter()
        .any(|c| c.counted.side.as_deref() == Some("Arménie")));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::current_version());
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(
        err.to_string()
            .contains("newer claimgraph (schema version 99"),
        "{err}"
    );
    assert_eq!(err.exit_code(), 4);
}
