//! French text for planned articles, and the stored records they stand for.
//!
//! Both come from one rendering pass, so every claim's span and quote are the
//! exact bytes of its article, as the extractor would report them.

use super::names::{capitalise, french_date, french_number, Names};
use super::{Form, Happening, Plan, Planned, Statement, Subject};
use crate::model::{
    Alias, Bound, ClaimKind, ClaimRecord, DocMeta, DocumentRecord, EntityRecord, EventKind,
    EventRecord, Interval, Measure, MentionRecord, Participant, Polarity, Quantity, Role, Span,
};

/// A generated article: text and metadata as a crawler would hand them over,
/// plus where each planned claim sits in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub source: String,
    pub meta: DocMeta,
    pub text: String,
    /// (planned claim id, span of the claim in `text`).
    pub claims: Vec<(i64, Span)>,
}

impl Article {
    /// The planned claim whose span overlaps `span` (an extracted claim's
    /// evidence), if any: how extracted claims map back to the truth.
    pub fn claim_at(&self, span: Span) -> Option<i64> {
        self.claims
            .iter()
            .find(|(_, s)| s.overlaps(&span))
            .map(|(id, _)| *id)
    }
}

/// The records of a plan, as the store would hold them.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub documents: Vec<DocumentRecord>,
    pub entities: Vec<EntityRecord>,
    pub mentions: Vec<MentionRecord>,
    pub events: Vec<EventRecord>,
    pub claims: Vec<ClaimRecord>,
}

struct Rendered {
    text: String,
    event_span: Span,
    /// (statement index, claim span, sentence span).
    claims: Vec<(usize, Span, Span)>,
    mentions: Vec<(i64, Span)>,
}

struct Writer<'p> {
    plan: &'p Plan,
    text: String,
    mentions: Vec<(i64, Span)>,
}

impl Writer<'_> {
    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }

    /// Write an entity's name (with its article when `det`) and record the
    /// mention.
    fn entity(&mut self, id: i64, det: bool, capital: bool) {
        let name = self.plan.name(id);
        if det {
            let d = determiner(self.plan.names, name);
            self.push(&if capital {
                capitalise(d)
            } else {
                d.to_string()
            });
            let span = self.push(name);
            self.mentions.push((id, span));
        } else {
            let shown = if capital {
                capitalise(name)
            } else {
                name.to_string()
            };
            let span = self.push(&shown);
            self.mentions.push((id, span));
        }
    }
}

fn determiner(names: &Names, name: &str) -> &'static str {
    let first = name.chars().next().unwrap_or('x').to_lowercase().next();
    if matches!(first, Some('a' | 'e' | 'é' | 'i' | 'o' | 'u')) {
        "l'"
    } else if names.masculine.contains(&name) {
        "le "
    } else if name.starts_with("mission") || names.countries.iter().any(|(c, _, _, _)| *c == name) {
        "la "
    } else {
        "le "
    }
}

fn kind_phrase(kind: EventKind) -> (&'static str, &'static str) {
    match kind {
        EventKind::Shelling => ("Des bombardements d'artillerie", "ont frappé"),
        EventKind::Offensive => ("Une offensive", "a été lancée"),
        EventKind::Explosion => ("Une explosion", "s'est produite"),
        _ => ("Des frappes de drones", "ont visé des positions"),
    }
}

fn subject_text(names: &Names, subject: Subject, id: i64) -> (String, Option<i64>) {
    let adj = |i: usize| names.countries.get(i).map_or("", |c| c.2);
    let fem = |i: usize| names.countries.get(i).map_or("", |c| c.3);
    match subject {
        Subject::Soldiers(c, i) if id % 2 == 0 => (format!("militaires {}", adj(i)), Some(c)),
        Subject::Soldiers(c, i) => (format!("soldats {}", adj(i)), Some(c)),
        Subject::Civilians(c, i) => (format!("civils {}", adj(i)), Some(c)),
        Subject::Forces(c, i) => (format!("forces {}", fem(i)), Some(c)),
        Subject::People => ("personnes".to_string(), None),
    }
}

fn figure_body(
    names: &Names,
    measure: Measure,
    value: u64,
    bound: Bound,
    subject: Subject,
    id: i64,
) -> (String, String, Option<i64>) {
    let (subject, entity) = subject_text(names, subject, id);
    let n = french_number(value);
    let bound_words = match bound {
        Bound::Exact => "",
        Bound::AtLeast if subject == "personnes" => "plus de ",
        Bound::AtLeast => "au moins ",
        Bound::AtMost => "au plus ",
        Bound::Approx if id % 2 == 0 => "environ ",
        Bound::Approx => "près de ",
    };
    let total = if subject == "personnes" && bound == Bound::AtLeast {
        " au total"
    } else {
        ""
    };
    // "personnes" is feminine.
    let e = if subject == "personnes" { "es" } else { "s" };
    let body = match measure {
        Measure::Strikes => format!("{bound_words}{n} frappes ont visé les {subject}"),
        Measure::Wounded => format!("{bound_words}{n} {subject}{total} ont été blessé{e}"),
        Measure::Displaced => format!("{bound_words}{n} {subject}{total} ont été déplacé{e}"),
        _ => format!("{bound_words}{n} {subject}{total} ont été tué{e}"),
    };
    (body, subject, entity)
}

impl Plan {
    fn render(&self, a: &Planned) -> Rendered {
        let mut w = Writer {
            plan: self,
            text: String::new(),
            mentions: Vec::new(),
        };
        let (noun, verb) = kind_phrase(a.event.kind);
        let title = noun.trim_start_matches("Des ").trim_start_matches("Une ");
        w.push(&format!("{} près de ", capitalise(title)));
        w.entity(a.event.place, false, false);
        w.push("\n\n");
        let event_span = w.push(noun);
        w.push(&format!(" {verb} près de "));
        w.entity(a.event.place, false, false);
        if let Some(d) = a.event.date {
            w.push(&format!(" le {}", french_date(d)));
        }
        w.push(", dans le conflit qui oppose ");
        w.entity(a.event.agent, true, false);
        w.push(" et ");
        w.entity(a.event.target, true, false);
        w.push(".\n");
        let mut claims = Vec::new();
        for (i, s) in a.statements.iter().enumerate() {
            w.push("\n");
            let start = w.text.len();
            let span = self.sentence(&mut w, a, s);
            w.push(".");
            claims.push((i, span, Span::new(start, w.text.len())));
        }
        w.push("\n");
        Rendered {
            text: w.text,
            event_span,
            claims,
            mentions: w.mentions,
        }
    }

    /// Write one statement's sentence (without its full stop); returns the
    /// claim's span.
    fn sentence(&self, w: &mut Writer, a: &Planned, s: &Statement) -> Span {
        match &s.form {
            Form::Figure {
                measure,
                value,
                bound,
                subject,
            } => {
                let own = s.claimant == a.outlet;
                match (own, s.via) {
                    (true, Some(v)) => {
                        w.push("Selon ");
                        w.entity(v, true, false);
                        w.push(", ");
                    }
                    (true, None) => {
                        w.push("Selon un nouveau bilan, ");
                    }
                    (false, via) => {
                        w.push("Selon ");
                        w.entity(s.claimant, true, false);
                        if let Some(v) = via {
                            w.push(", cité par ");
                            w.entity(v, true, false);
                        }
                        w.push(", ");
                    }
                }
                let (body, _, _) =
                    figure_body(self.names, *measure, *value, *bound, *subject, s.id);
                w.push(&body)
            }
            Form::Accusation { topic, target } => {
                let start = w.text.len();
                w.entity(s.claimant, true, true);
                let adj = self.names.countries.get(*target).map_or("", |c| c.3);
                w.push(&format!(" accuse les forces {adj} de {topic}"));
                Span::new(start, w.text.len())
            }
            Form::Denial { topic, .. } => {
                let start = w.text.len();
                w.entity(s.claimant, true, true);
                match topic {
                    Some(t) => w.push(&format!(" rejette les accusations de {t}")),
                    None => w.push(" a démenti ces accusations"),
                };
                Span::new(start, w.text.len())
            }
        }
    }

    fn meta(&self, a: &Planned) -> DocMeta {
        DocMeta {
            outlet: Some(self.name(a.outlet).to_string()),
            published: Some(a.published),
            language: Some("fr".to_string()),
            url: None,
            title: None,
        }
    }

    /// The articles as texts with metadata, each with the spans of its
    /// planned claims.
    pub fn articles(&self) -> Vec<Article> {
        self.articles
            .iter()
            .map(|a| {
                let r = self.render(a);
                Article {
                    source: format!("synth:{}:{}", self.seed, a.id),
                    meta: self.meta(a),
                    claims: r
                        .claims
                        .iter()
                        .filter_map(|(i, span, _)| a.statements.get(*i).map(|s| (s.id, *span)))
                        .collect(),
                    text: r.text,
                }
            })
            .collect()
    }

    /// The plan as `claimgraph import` takes it: its records, each document
    /// with its article's text.
    pub fn import_records(&self) -> crate::store::import::ImportRecords {
        let records = self.records();
        let documents = records
            .documents
            .into_iter()
            .zip(self.articles())
            .map(|(d, a)| crate::store::import::ImportDocument {
                id: d.id,
                hash: d.hash,
                source: d.source,
                meta: d.meta,
                text: a.text,
                set_aside: Vec::new(),
            })
            .collect();
        crate::store::import::ImportRecords {
            documents,
            entities: records.entities,
            mentions: records.mentions,
            events: records.events,
            claims: records.claims,
        }
    }

    /// The store's records for this plan: one document and one event per
    /// article, the planned claims with their exact spans and quotes.
    pub fn records(&self) -> Records {
        let mut out = Records {
            entities: self
                .entities
                .iter()
                .map(|e| EntityRecord {
                    id: e.id,
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: Vec::<Alias>::new(),
                })
                .collect(),
            ..Records::default()
        };
        for a in &self.articles {
            let r = self.render(a);
            out.documents.push(DocumentRecord {
                id: a.id,
                hash: crate::store::content_hash(&r.text),
                source: format!("synth:{}:{}", self.seed, a.id),
                meta: self.meta(a),
                len: r.text.len(),
            });
            out.events.push(event_record(a, r.event_span));
            for (entity, span) in &r.mentions {
                out.mentions.push(MentionRecord {
                    entity: *entity,
                    document: a.id,
                    span: *span,
                });
            }
            for (i, span, sentence) in r.claims {
                let Some(s) = a.statements.get(i) else {
                    continue;
                };
                let quote = span.slice(&r.text).unwrap_or_default().to_string();
                out.claims
                    .push(claim_record(self.names, a, s, span, sentence, quote));
            }
        }
        out
    }
}

fn event_record(a: &Planned, span: Span) -> EventRecord {
    let Happening {
        kind,
        place,
        date,
        agent,
        target,
    } = a.event;
    EventRecord {
        id: a.id,
        document: a.id,
        kind,
        span,
        time: date.map(|d| crate::model::DateRange {
            start: d,
            end: d,
            precision: crate::model::Precision::Day,
        }),
        place: Some(place),
        participants: vec![
            Participant {
                entity: agent,
                role: Role::Agent,
            },
            Participant {
                entity: target,
                role: Role::Target,
            },
        ],
    }
}

fn claim_record(
    names: &Names,
    a: &Planned,
    s: &Statement,
    span: Span,
    sentence: Span,
    quote: String,
) -> ClaimRecord {
    let mut c = ClaimRecord {
        id: s.id,
        document: a.id,
        kind: ClaimKind::Statement,
        polarity: Polarity::Affirm,
        span,
        sentence,
        quote,
        claimant: Some(s.claimant),
        outlet: Some(a.outlet),
        via: s.via.into_iter().collect(),
        measure: None,
        quantity: None,
        subject: None,
        subject_entity: None,
        counted: Default::default(),
        event: Some(a.id),
        date: None,
        topic: None,
        denies: None,
        occurrences: Vec::new(),
    };
    match &s.form {
        Form::Figure {
            measure,
            value,
            bound,
            subject,
        } => {
            let v = *value as f64;
            let (_, text, entity) = figure_body(names, *measure, *value, *bound, *subject, s.id);
            c.kind = ClaimKind::Numeric;
            c.measure = Some(*measure);
            c.quantity = Some(Quantity {
                value: v,
                bound: *bound,
                interval: match bound {
                    Bound::AtLeast => Interval::at_least(v),
                    Bound::AtMost => Interval {
                        lo: 0.0,
                        hi: Some(v),
                    },
                    _ => Interval::exact(v),
                },
            });
            c.subject = Some(text);
            c.subject_entity = entity;
        }
        Form::Accusation { topic, .. } => {
            c.kind = ClaimKind::Accusation;
            c.topic = Some(topic.to_string());
        }
        Form::Denial { topic, denies } => {
            c.kind = ClaimKind::Denial;
            c.polarity = Polarity::Deny;
            c.topic = topic.map(str::to_string);
            c.denies = *denies;
        }
    }
    c
}
