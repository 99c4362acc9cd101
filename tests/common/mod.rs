//! A hand-built corpus shaped like the sample articles, as stored records:
//! the Parukh strikes told by RT and Armenpress, shelling accusations and
//! denials, a border incident, and a toll rising over three days.
#![allow(dead_code)]

use chrono::NaiveDate;
use claimgraph::model::*;

pub struct Corpus {
    pub documents: Vec<DocumentRecord>,
    pub entities: Vec<EntityRecord>,
    pub mentions: Vec<MentionRecord>,
    pub events: Vec<EventRecord>,
    pub claims: Vec<ClaimRecord>,
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid fixture date")
}

fn entity(id: i64, name: &str, kind: EntityKind, aliases: &[&str]) -> EntityRecord {
    EntityRecord {
        id,
        name: name.to_string(),
        kind,
        aliases: aliases
            .iter()
            .map(|a| Alias {
                name: a.to_string(),
                reason: "fixture".to_string(),
            })
            .collect(),
    }
}

fn doc(id: i64, outlet: &str, published: NaiveDate) -> DocumentRecord {
    DocumentRecord {
        id,
        hash: format!("{id:064x}"),
        source: format!("fixture:{id}"),
        meta: DocMeta {
            outlet: Some(outlet.to_string()),
            published: Some(published),
            language: Some("fr".to_string()),
            url: None,
            title: None,
        },
        len: 1000,
    }
}

fn event(
    id: i64,
    document: i64,
    kind: EventKind,
    place: Option<i64>,
    time: Option<(NaiveDate, NaiveDate)>,
    participants: &[(i64, Role)],
) -> EventRecord {
    EventRecord {
        id,
        document,
        kind,
        span: Span::new(0, 10),
        time: time.map(|(start, end)| DateRange {
            start,
            end,
            precision: Precision::Day,
        }),
        place,
        participants: participants
            .iter()
            .map(|&(entity, role)| Participant { entity, role })
            .collect(),
    }
}

pub struct C {
    pub id: i64,
    pub document: i64,
    pub claimant: i64,
    pub outlet: i64,
    pub event: i64,
}

pub fn numeric(
    c: C,
    measure: Measure,
    value: f64,
    bound: Bound,
    subject: &str,
    subject_entity: Option<i64>,
) -> ClaimRecord {
    let interval = match bound {
        Bound::AtLeast => Interval::at_least(value),
        _ => Interval::exact(value),
    };
    ClaimRecord {
        id: c.id,
        document: c.document,
        kind: ClaimKind::Numeric,
        polarity: Polarity::Affirm,
        span: Span::new(c.id as usize * 10, c.id as usize * 10 + 5),
        sentence: Span::new(c.id as usize * 10, c.id as usize * 10 + 9),
        quote: format!("{value} {subject}"),
        claimant: Some(c.claimant),
        outlet: Some(c.outlet),
        via: vec![],
        measure: Some(measure),
        quantity: Some(Quantity {
            value,
            bound,
            interval,
        }),
        subject: Some(subject.to_string()),
        subject_entity,
        counted: Default::default(),
        event: Some(c.event),
        date: None,
        topic: None,
        denies: None,
        occurrences: Vec::new(),
    }
}

pub fn stance(c: C, kind: ClaimKind, topic: Option<&str>, denies: Option<i64>) -> ClaimRecord {
    let polarity = if kind == ClaimKind::Denial {
        Polarity::Deny
    } else {
        Polarity::Affirm
    };
    ClaimRecord {
        id: c.id,
        document: c.document,
        kind,
        polarity,
        span: Span::new(c.id as usize * 10, c.id as usize * 10 + 5),
        sentence: Span::new(c.id as usize * 10, c.id as usize * 10 + 9),
        quote: topic.unwrap_or("les allégations").to_string(),
        claimant: Some(c.claimant),
        outlet: Some(c.outlet),
        via: vec![],
        measure: None,
        quantity: None,
        subject: None,
        subject_entity: None,
        counted: Default::default(),
        event: Some(c.event),
        date: None,
        topic: topic.map(str::to_string),
        denies,
        occurrences: Vec::new(),
    }
}

// Entity ids.
pub const RT: i64 = 1;
pub const ARMENPRESS: i64 = 2;
pub const KARABAKH_AUTHORITIES: i64 = 3;
pub const RUSSIAN_MOD: i64 = 4;
pub const KARABAKH: i64 = 5;
pub const PARUKH: i64 = 6;
pub const AZERBAIJAN: i64 = 7;
pub const ARMENIA: i64 = 8;
pub const AZERBAIJANI_MOD: i64 = 9;
pub const ARMENIAN_MOD: i64 = 10;
pub const INDECAPANT: i64 = 11;
pub const PASHINYAN: i64 = 12;
pub const NOSTRESS: i64 = 13;
pub const HEALTH_MINISTRY: i64 = 14;
pub const NOVOIVANOVKA: i64 = 15;
pub const DAILY: [i64; 3] = [16, 17, 18];

pub fn sample() -> Corpus {
    use ClaimKind::*;
    use EntityKind::*;
    use Measure::*;
    let entities = vec![
        entity(RT, "RT en français", Outlet, &["RT"]),
        entity(ARMENPRESS, "Armenpress", Outlet, &["ARMENPRESS"]),
        entity(
            KARABAKH_AUTHORITIES,
            "autorités du Haut-Karabakh",
            Organization,
            &[],
        ),
        entity(
            RUSSIAN_MOD,
            "ministère russe de la Défense",
            Organization,
            &["armée russe"],
        ),
        entity(
            KARABAKH,
            "Haut-Karabakh",
            Place,
            &["Haut-Karabagh", "Artsakh", "Nagorny-Karabakh"],
        ),
        entity(PARUKH, "Parukh", Place, &["Farukh"]),
        entity(AZERBAIJAN, "Azerbaïdjan", Country, &[]),
        entity(ARMENIA, "Arménie", Country, &["République d’Arménie"]),
        entity(
            AZERBAIJANI_MOD,
            "ministère azerbaïdjanais de la Défense",
            Organization,
            &[],
        ),
        entity(
            ARMENIAN_MOD,
            "ministère arménien de la Défense",
            Organization,
            &[],
        ),
        entity(INDECAPANT, "L'Indécapant", Outlet, &[]),
        entity(
            PASHINYAN,
            "Nikol Pachinian",
            Person,
            &["Nikol Pashinyan", "Pashinyan"],
        ),
        entity(NOSTRESS, "Nostress Media", Outlet, &[]),
        entity(
            HEALTH_MINISTRY,
            "ministère de la Santé du Haut-Karabakh",
            Organization,
            &[],
        ),
        entity(NOVOIVANOVKA, "Novoivanovka", Place, &[]),
        entity(DAILY[0], "Le Courrier", Outlet, &[]),
        entity(DAILY[1], "La Gazette", Outlet, &[]),
        entity(DAILY[2], "Le Journal", Outlet, &[]),
    ];
    let documents = vec![
        doc(1, "RT en français", date(2022, 3, 26)),
        doc(2, "Armenpress", date(2022, 3, 26)),
        doc(3, "L'Indécapant", date(2023, 9, 19)),
        doc(4, "Nostress Media", date(2022, 9, 13)),
        doc(5, "Le Courrier", date(2023, 9, 20)),
        doc(6, "La Gazette", date(2023, 9, 21)),
        doc(7, "Le Journal", date(2023, 9, 22)),
    ];
    let strikes_parties = [(AZERBAIJAN, Role::Agent), (KARABAKH, Role::Target)];
    let events = vec![
        event(
            1,
            1,
            EventKind::Strike,
            Some(PARUKH),
            Some((date(2022, 3, 24), date(2022, 3, 25))),
            &strikes_parties,
        ),
        // Armenpress names the village differently (alias-resolved) and no date.
        event(
            2,
            2,
            EventKind::Strike,
            Some(PARUKH),
            None,
            &strikes_parties,
        ),
        event(
            3,
            3,
            EventKind::Shelling,
            Some(KARABAKH),
            None,
            &[(ARMENIA, Role::Agent)],
        ),
        event(
            4,
            3,
            EventKind::Strike,
            Some(KARABAKH),
            None,
            &[(AZERBAIJAN, Role::Agent)],
        ),
        event(
            5,
            4,
            EventKind::CeasefireViolation,
            Some(NOVOIVANOVKA),
            Some((date(2022, 9, 12), date(2022, 9, 12))),
            &[(ARMENIA, Role::Agent)],
        ),
        event(
            6,
            5,
            EventKind::Offensive,
            Some(KARABAKH),
            None,
            &[(AZERBAIJAN, Role::Agent)],
        ),
        event(
            7,
            6,
            EventKind::Offensive,
            Some(KARABAKH),
            None,
            &[(AZERBAIJAN, Role::Agent)],
        ),
        event(
            8,
            7,
            EventKind::Offensive,
            Some(KARABAKH),
            None,
            &[(AZERBAIJAN, Role::Agent)],
        ),
    ];
    let c = |id, document, claimant, outlet, event| C {
        id,
        document,
        claimant,
        outlet,
        event,
    };
    let claims = vec![
        numeric(
            c(1, 1, RUSSIAN_MOD, RT, 1),
            Strikes,
            4.0,
            Bound::Exact,
            "forces du Karabakh",
            Some(KARABAKH),
        ),
        numeric(
            c(2, 1, KARABAKH_AUTHORITIES, RT, 1),
            Killed,
            2.0,
            Bound::Exact,
            "soldats du Haut-Karabakh",
            Some(KARABAKH),
        ),
        numeric(
            c(3, 2, RUSSIAN_MOD, ARMENPRESS, 2),
            Strikes,
            4.0,
            Bound::Exact,
            "formations armées du Haut-Karabagh",
            Some(KARABAKH),
        ),
        numeric(
            c(4, 2, ARMENPRESS, ARMENPRESS, 2),
            Killed,
            3.0,
            Bound::Exact,
            "soldats de l’Artsakh",
            Some(KARABAKH),
        ),
        numeric(
            c(5, 2, ARMENPRESS, ARMENPRESS, 2),
            Wounded,
            15.0,
            Bound::Exact,
            "soldats de l’Artsakh",
            Some(KARABAKH),
        ),
        numeric(
            c(6, 2, ARMENIAN_MOD, ARMENPRESS, 2),
            Killed,
            2.0,
            Bound::AtLeast,
            "militaires du Haut-Karabakh",
            Some(KARABAKH),
        ),
        stance(
            c(7, 3, AZERBAIJANI_MOD, INDECAPANT, 3),
            Accusation,
            Some("bombardements répétés"),
            None,
        ),
        stance(
            c(8, 3, ARMENIAN_MOD, INDECAPANT, 3),
            Denial,
            Some("personnel ou matériel militaire"),
            None,
        ),
        stance(
            c(9, 3, ARMENIAN_MOD, INDECAPANT, 3),
            Denial,
            Some("allégations de bombardements arméniens"),
            None,
        ),
        stance(
            c(10, 3, PASHINYAN, INDECAPANT, 4),
            Statement,
            Some("vise des zones peuplées"),
            None,
        ),
        stance(
            c(11, 3, AZERBAIJANI_MOD, INDECAPANT, 4),
            Denial,
            Some("civils cible des attaques"),
            Some(10),
        ),
        stance(
            c(12, 4, AZERBAIJANI_MOD, NOSTRESS, 5),
            Accusation,
            Some("tiré avec des armes légères"),
            None,
        ),
        stance(c(13, 4, ARMENIA, NOSTRESS, 5), Denial, None, None),
        numeric(
            c(14, 5, HEALTH_MINISTRY, DAILY[0], 6),
            Killed,
            49.0,
            Bound::Exact,
            "personnes",
            None,
        ),
        numeric(
            c(15, 6, HEALTH_MINISTRY, DAILY[1], 7),
            Killed,
            105.0,
            Bound::Exact,
            "personnes",
            None,
        ),
        numeric(
            c(16, 7, HEALTH_MINISTRY, DAILY[2], 8),
            Killed,
            135.0,
            Bound::Exact,
            "personnes",
            None,
        ),
    ];
    let mentions = vec![
        MentionRecord {
            entity: PARUKH,
            document: 1,
            span: Span::new(100, 106),
        },
        MentionRecord {
            entity: PARUKH,
            document: 2,
            span: Span::new(50, 56),
        },
        MentionRecord {
            entity: KARABAKH,
            document: 2,
            span: Span::new(70, 77),
        },
    ];
    Corpus {
        documents,
        entities,
        mentions,
        events,
        claims,
    }
}
