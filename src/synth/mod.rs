//! A generator of synthetic French news coverage with planted truth, to check
//! the comparison engine at scale and to benchmark it.
//!
//! A [`Plan`] is a fictional world (countries, places, ministries, observers,
//! outlets, agencies) and a list of articles about events. Each event carries
//! one scenario whose findings are known by construction:
//!
//! - **contradiction**: the two sides' defence ministries give different
//!   tolls on the same day, sometimes joined by an observer confirming one
//!   side (an independent agreement, and a second contradiction);
//! - **repeated voice**: one ministry's figure (or one agency's) carried by
//!   two outlets: an agreement that is *not* independent;
//! - **updates**: a toll rising over three days from one claimant, or in the
//!   outlets' own tallies: earlier → later updates;
//! - **compatible**: "au moins n" against a higher exact figure, "près de n"
//!   against "environ n + 5 %", a total against its parts (of other kinds, or
//!   of the same kind from one source): no finding;
//! - **polarity**: an accusation and a denial of the same thing, in another
//!   article or as a bare denial next to it: a contradiction; a denial of
//!   something else: none;
//! - **trap**: two strikes at one place three days apart with different
//!   tolls: different events, no finding.
//!
//! Places are used round-robin so that no two events of one place fall within
//! a month of each other unless a trap puts them there. Everything is a pure
//! function of the [`Config`]: the same seed gives the same corpus.
//!
//! [`Plan::records`] gives the store's record types directly (so the engine
//! can be checked without the extractor), [`Plan::articles`] the article
//! texts with metadata and the span of each planted claim (to run it end to
//! end), and [`Plan::truth`] the planted findings.

mod names;
mod render;
mod score;

pub use names::Rng;
pub use render::{Article, Records};
pub use score::{score, KindScore};

use crate::model::{Bound, EntityKind, EventKind, FindingKind, Measure};
use chrono::{Days, NaiveDate};
use names::{AGENCIES, COUNTRIES, OBSERVERS, OUTLETS};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    /// Stop once this many claims are planned.
    pub claims: usize,
    /// Events starting each day; with `places` this sets how densely the
    /// timeline is packed (kept constant as the corpus grows).
    pub events_per_day: usize,
    pub places: usize,
    /// Share of articles that give no date for their event.
    pub undated: f64,
    pub start: NaiveDate,
}

impl Config {
    /// A corpus of about `claims` claims from `seed`, with default density.
    pub fn new(seed: u64, claims: usize) -> Self {
        Config {
            seed,
            claims,
            events_per_day: 20,
            places: 1_000,
            undated: 0.25,
            start: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
        }
    }
}

/// One finding the plan guarantees, between two planned claim ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Planted {
    pub kind: FindingKind,
    /// For an update: the earlier claim; for a polarity contradiction: the
    /// assertion.
    pub a: i64,
    pub b: i64,
    /// For an agreement: whether the original claimants differ.
    pub independent: Option<bool>,
}

/// An entity of the synthetic world.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Subject {
    /// Soldiers of a country (entity id, index into the country table).
    Soldiers(i64, usize),
    Civilians(i64, usize),
    /// Armed forces struck ("frappes contre les forces ...").
    Forces(i64, usize),
    /// Everyone ("personnes au total").
    People,
}

/// What a planned claim says.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    Figure {
        measure: Measure,
        value: u64,
        bound: Bound,
        subject: Subject,
    },
    /// "X accuse les forces Y de <topic>".
    Accusation { topic: &'static str, target: usize },
    /// "X dément <topic>", or a bare denial of the accusation `denies`.
    Denial {
        topic: Option<&'static str>,
        denies: Option<i64>,
    },
}

/// A planned claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub id: i64,
    /// The speaker (the outlet itself for its own tallies).
    pub claimant: i64,
    pub via: Option<i64>,
    pub form: Form,
}

/// The event an article reports, as that article tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Happening {
    pub kind: EventKind,
    pub place: i64,
    /// `None` when the article gives no date.
    pub date: Option<NaiveDate>,
    pub agent: i64,
    pub target: i64,
}

/// A planned article.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub id: i64,
    pub outlet: i64,
    pub published: NaiveDate,
    pub event: Happening,
    pub statements: Vec<Statement>,
}

/// A synthetic corpus and its truth.
#[derive(Debug, Clone)]
pub struct Plan {
    pub seed: u64,
    pub entities: Vec<Entity>,
    pub articles: Vec<Planned>,
    pub truth: Vec<Planted>,
    claims: usize,
}

/// Entity ids of the world, by role.
struct World {
    countries: Vec<i64>,
    defence: Vec<i64>,
    health: Vec<i64>,
    observers: Vec<i64>,
    outlets: Vec<i64>,
    agencies: Vec<i64>,
    places: Vec<i64>,
}

const ACCUSATIONS: &[&str] = &[
    "bombardements répétés",
    "tirs d'artillerie",
    "frappes contre des civils",
    "violations du cessez-le-feu",
];
const UNRELATED_DENIALS: &[&str] = &["présence de troupes", "livraisons d'armes"];

impl Plan {
    /// Generate a corpus from `config`.
    pub fn generate(config: &Config) -> Plan {
        let mut plan = Plan {
            seed: config.seed,
            entities: Vec::new(),
            articles: Vec::new(),
            truth: Vec::new(),
            claims: 0,
        };
        let world = plan.world(config.places.max(1));
        let mut rng = Rng::new(config.seed);
        let mut index = 0usize;
        while plan.claims < config.claims {
            let day = (index / config.events_per_day.max(1)) as u64;
            let date = config
                .start
                .checked_add_days(Days::new(day))
                .unwrap_or(config.start);
            let place = world.places[index % world.places.len()];
            let mut s = Scenario {
                plan: &mut plan,
                world: &world,
                rng: &mut rng,
                date,
                place,
                undated: config.undated,
            };
            s.run();
            index += 1;
        }
        plan
    }

    fn add_entity(&mut self, name: String, kind: EntityKind) -> i64 {
        let id = self.entities.len() as i64 + 1;
        self.entities.push(Entity { id, name, kind });
        id
    }

    fn world(&mut self, places: usize) -> World {
        let mut w = World {
            countries: Vec::new(),
            defence: Vec::new(),
            health: Vec::new(),
            observers: Vec::new(),
            outlets: Vec::new(),
            agencies: Vec::new(),
            places: Vec::new(),
        };
        for (name, adj, _, _) in COUNTRIES {
            w.countries
                .push(self.add_entity(name.to_string(), EntityKind::Country));
            w.defence.push(self.add_entity(
                format!("ministère {adj} de la Défense"),
                EntityKind::Organization,
            ));
            w.health.push(self.add_entity(
                format!("ministère {adj} de la Santé"),
                EntityKind::Organization,
            ));
        }
        for o in OBSERVERS {
            w.observers
                .push(self.add_entity(o.to_string(), EntityKind::Organization));
        }
        for o in OUTLETS {
            w.outlets
                .push(self.add_entity(o.to_string(), EntityKind::Outlet));
        }
        for a in AGENCIES {
            w.agencies
                .push(self.add_entity(a.to_string(), EntityKind::Outlet));
        }
        for i in 0..places {
            w.places
                .push(self.add_entity(names::place(i), EntityKind::Place));
        }
        w
    }

    /// The planted findings.
    pub fn truth(&self) -> &[Planted] {
        &self.truth
    }

    /// Number of planned claims.
    pub fn claim_count(&self) -> usize {
        self.claims
    }

    /// The name of an entity of the plan.
    pub fn name(&self, id: i64) -> &str {
        usize::try_from(id - 1)
            .ok()
            .and_then(|i| self.entities.get(i))
            .map_or("", |e| e.name.as_str())
    }
}

/// Plants one event's scenario into the plan.
struct Scenario<'a> {
    plan: &'a mut Plan,
    world: &'a World,
    rng: &'a mut Rng,
    date: NaiveDate,
    place: i64,
    undated: f64,
}

impl Scenario<'_> {
    fn run(&mut self) {
        match self.rng.below(12) {
            0..=2 => self.contradiction(),
            3 | 4 => self.repeated_voice(),
            5 | 6 => self.updates(),
            7 | 8 => self.compatible(),
            9 | 10 => self.polarity(),
            _ => self.trap(),
        }
    }

    fn sides(&mut self) -> (usize, usize) {
        let a = self.rng.below(COUNTRIES.len());
        let b = (a + 1 + self.rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
        (a, b)
    }

    fn outlets(&mut self, n: usize) -> Vec<i64> {
        let start = self.rng.below(self.world.outlets.len());
        (0..n)
            .map(|i| self.world.outlets[(start + i) % self.world.outlets.len()])
            .collect()
    }

    fn kind(&mut self) -> EventKind {
        [
            EventKind::Strike,
            EventKind::Shelling,
            EventKind::Offensive,
            EventKind::Explosion,
        ][self.rng.below(4)]
    }

    fn happening(&mut self, kind: EventKind, a: usize, b: usize, dated: bool) -> Happening {
        let date = (dated || !self.rng.chance(self.undated)).then_some(self.date);
        Happening {
            kind,
            place: self.place,
            date,
            agent: self.world.countries[a],
            target: self.world.countries[b],
        }
    }

    fn statement(&mut self, claimant: i64, via: Option<i64>, form: Form) -> Statement {
        self.plan.claims += 1;
        Statement {
            id: self.plan.claims as i64,
            claimant,
            via,
            form,
        }
    }

    fn article(
        &mut self,
        outlet: i64,
        after_days: u64,
        event: Happening,
        statements: Vec<Statement>,
    ) {
        let id = self.plan.articles.len() as i64 + 1;
        let published = self
            .date
            .checked_add_days(Days::new(after_days))
            .unwrap_or(self.date);
        self.plan.articles.push(Planned {
            id,
            outlet,
            published,
            event,
            statements,
        });
    }

    fn plant(&mut self, kind: FindingKind, a: i64, b: i64, independent: Option<bool>) {
        self.plan.truth.push(Planted {
            kind,
            a,
            b,
            independent,
        });
    }

    fn figure(measure: Measure, value: u64, bound: Bound, subject: Subject) -> Form {
        Form::Figure {
            measure,
            value,
            bound,
            subject,
        }
    }

    fn contradiction(&mut self) {
        let (a, b) = self.sides();
        let kind = self.kind();
        let measure = [Measure::Killed, Measure::Wounded][self.rng.below(2)];
        let v = self.rng.range(1, 60);
        let other = v + self.rng.range(1, 20);
        let (vb, va) = if self.rng.chance(0.5) {
            (v, other)
        } else {
            (other, v)
        };
        let target = self.world.countries[b];
        let subject = Subject::Soldiers(target, b);
        let o = self.outlets(3);
        let x = self.statement(
            self.world.defence[b],
            None,
            Self::figure(measure, vb, Bound::Exact, subject),
        );
        let y = self.statement(
            self.world.defence[a],
            None,
            Self::figure(measure, va, Bound::Exact, subject),
        );
        let (xi, yi) = (x.id, y.id);
        let e1 = self.happening(kind, a, b, false);
        let e2 = self.happening(kind, a, b, false);
        self.article(o[0], 1, e1, vec![x]);
        self.article(o[1], 1, e2, vec![y]);
        self.plant(FindingKind::Contradiction, xi.min(yi), xi.max(yi), None);
        if self.rng.chance(0.5) {
            // An observer confirms side b's figure a day later.
            let observer = self.world.observers[self.rng.below(self.world.observers.len())];
            let z = self.statement(
                observer,
                None,
                Self::figure(measure, vb, Bound::Exact, subject),
            );
            let zi = z.id;
            let e3 = self.happening(kind, a, b, false);
            self.article(o[2], 2, e3, vec![z]);
            self.plant(FindingKind::Agreement, xi, zi, Some(true));
            self.plant(FindingKind::Contradiction, yi, zi, None);
        }
    }

    fn repeated_voice(&mut self) {
        let (a, b) = self.sides();
        let kind = self.kind();
        let o = self.outlets(2);
        let value = self.rng.range(2, 30);
        let subject = Subject::Forces(self.world.countries[b], b);
        let form = Self::figure(Measure::Strikes, value, Bound::Exact, subject);
        let (c1, c2, v) = if self.rng.chance(0.5) {
            // The ministry of the striking side, quoted by two outlets.
            (self.world.defence[a], self.world.defence[a], None)
        } else {
            // Two outlets relaying one agency.
            let agency = self.world.agencies[self.rng.below(self.world.agencies.len())];
            (o[0], o[1], Some(agency))
        };
        let x = self.statement(c1, v, form.clone());
        let y = self.statement(c2, v, form);
        let (xi, yi) = (x.id, y.id);
        let e1 = self.happening(kind, a, b, false);
        let e2 = self.happening(kind, a, b, false);
        self.article(o[0], 1, e1, vec![x]);
        let after = 1 + self.rng.range(0, 1);
        self.article(o[1], after, e2, vec![y]);
        self.plant(FindingKind::Agreement, xi, yi, Some(false));
    }

    fn updates(&mut self) {
        let (a, b) = self.sides();
        let o = self.outlets(3);
        let own_tally = self.rng.chance(0.3);
        let mut value = self.rng.range(5, 80);
        let mut previous: Option<i64> = None;
        for (day, outlet) in o.iter().enumerate() {
            let claimant = if own_tally {
                *outlet
            } else {
                self.world.health[b]
            };
            let s = self.statement(
                claimant,
                None,
                Self::figure(Measure::Killed, value, Bound::Exact, Subject::People),
            );
            let id = s.id;
            let e = self.happening(EventKind::Offensive, a, b, false);
            self.article(*outlet, day as u64 + 1, e, vec![s]);
            if let Some(p) = previous {
                self.plant(FindingKind::Update, p, id, None);
            }
            previous = Some(id);
            value += self.rng.range(1, value);
        }
    }

    fn compatible(&mut self) {
        let (a, b) = self.sides();
        let kind = self.kind();
        let o = self.outlets(2);
        let t = self.world.countries[b];
        let v = self.rng.range(10, 400);
        let (x, y) = match self.rng.below(4) {
            0 => (
                Self::figure(Measure::Killed, v, Bound::AtLeast, Subject::Soldiers(t, b)),
                Self::figure(
                    Measure::Killed,
                    v + self.rng.range(1, 30),
                    Bound::Exact,
                    Subject::Soldiers(t, b),
                ),
            ),
            1 => (
                Self::figure(
                    Measure::Displaced,
                    v * 100,
                    Bound::Approx,
                    Subject::Civilians(t, b),
                ),
                Self::figure(
                    Measure::Displaced,
                    v * 105,
                    Bound::Approx,
                    Subject::Civilians(t, b),
                ),
            ),
            2 => {
                // "plus de 400 au total" against one source's parts of the
                // same kind that add up to more.
                let first = v / 2 + self.rng.range(1, 40);
                let second = v - v / 2 + self.rng.range(1, 40);
                let claimant = self.world.defence[b];
                let p1 = self.statement(
                    claimant,
                    None,
                    Self::figure(Measure::Killed, first, Bound::Exact, Subject::People),
                );
                let p2 = self.statement(
                    claimant,
                    None,
                    Self::figure(Measure::Killed, second, Bound::Exact, Subject::People),
                );
                let total = self.statement(
                    self.world.health[b],
                    None,
                    Self::figure(Measure::Killed, v, Bound::AtLeast, Subject::People),
                );
                let e1 = self.happening(kind, a, b, false);
                let e2 = self.happening(kind, a, b, false);
                self.article(o[0], 1, e1, vec![total]);
                self.article(o[1], 1, e2, vec![p1, p2]);
                return;
            }
            _ => {
                // "plus de 400 au total" against parts that add up to more.
                let soldiers = v / 2 + self.rng.range(1, 40);
                let civilians = v - v / 2 + self.rng.range(1, 40);
                let extra = self.statement(
                    self.world.defence[b],
                    None,
                    Self::figure(
                        Measure::Killed,
                        civilians,
                        Bound::Exact,
                        Subject::Civilians(t, b),
                    ),
                );
                let e = self.happening(kind, a, b, false);
                self.article(o[1], 1, e, vec![extra]);
                (
                    Self::figure(Measure::Killed, v, Bound::AtLeast, Subject::People),
                    Self::figure(
                        Measure::Killed,
                        soldiers,
                        Bound::Exact,
                        Subject::Soldiers(t, b),
                    ),
                )
            }
        };
        let sx = self.statement(self.world.health[b], None, x);
        let sy = self.statement(self.world.defence[a], None, y);
        let e1 = self.happening(kind, a, b, false);
        let e2 = self.happening(kind, a, b, false);
        self.article(o[0], 1, e1, vec![sx]);
        self.article(o[1], 1, e2, vec![sy]);
    }

    fn polarity(&mut self) {
        let (a, b) = self.sides();
        let kind = self.kind();
        let o = self.outlets(2);
        let topic = ACCUSATIONS[self.rng.below(ACCUSATIONS.len())];
        let accuse = self.statement(
            self.world.defence[a],
            None,
            Form::Accusation { topic, target: b },
        );
        let ai = accuse.id;
        let mut first = vec![accuse];
        if self.rng.chance(0.5) {
            // A bare denial next to the accusation.
            // Half the time the extractor would not know the link.
            let denies = self.rng.chance(0.5).then_some(ai);
            let d = self.statement(
                self.world.countries[b],
                None,
                Form::Denial {
                    topic: None,
                    denies,
                },
            );
            self.plant(FindingKind::Contradiction, ai, d.id, None);
            first.push(d);
        }
        let e1 = self.happening(kind, a, b, false);
        self.article(o[0], 1, e1, first);
        let deny = self.statement(
            self.world.defence[b],
            None,
            Form::Denial {
                topic: Some(topic),
                denies: None,
            },
        );
        self.plant(FindingKind::Contradiction, ai, deny.id, None);
        let other = UNRELATED_DENIALS[self.rng.below(UNRELATED_DENIALS.len())];
        let unrelated = self.statement(
            self.world.defence[b],
            None,
            Form::Denial {
                topic: Some(other),
                denies: None,
            },
        );
        let e2 = self.happening(kind, a, b, false);
        self.article(o[1], 1, e2, vec![deny, unrelated]);
    }

    fn trap(&mut self) {
        let (a, b) = self.sides();
        let o = self.outlets(2);
        let t = self.world.countries[b];
        let v = self.rng.range(1, 30);
        let x = self.statement(
            self.world.defence[b],
            None,
            Self::figure(Measure::Killed, v, Bound::Exact, Subject::Soldiers(t, b)),
        );
        let w = v + self.rng.range(1, 9);
        let y = self.statement(
            self.world.defence[b],
            None,
            Self::figure(Measure::Killed, w, Bound::Exact, Subject::Soldiers(t, b)),
        );
        let e1 = self.happening(EventKind::Strike, a, b, true);
        self.article(o[0], 1, e1, vec![x]);
        // Three days later, at the same place: another strike.
        let later = self
            .date
            .checked_add_days(Days::new(3))
            .unwrap_or(self.date);
        let mut e2 = self.happening(EventKind::Strike, a, b, true);
        e2.date = Some(later);
        self.article(o[1], 4, e2, vec![y]);
    }
}
