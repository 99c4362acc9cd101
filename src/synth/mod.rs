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
mod scenario;
mod score;

pub use names::{Names, Rng, FICTIONAL, REAL};
pub use render::{Article, Records};
pub use score::{score, KindScore};

use crate::model::{Bound, EntityKind, EventKind, FindingKind, Measure};
use chrono::{Days, NaiveDate};
use names::{AGENCIES, OUTLETS};

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
    /// The world's names: [`FICTIONAL`] by default, [`REAL`] for coverage
    /// the real extractor reads as planted.
    pub names: &'static Names,
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
            names: &FICTIONAL,
        }
    }

    /// [`Config::new`] with real countries (see [`REAL`]) taken in turn,
    /// four events a day: what benchmarks that go through the extractor
    /// use. A country then comes back every eleven days or so and a place
    /// every 250 days, beyond the windows that join articles into one
    /// incident (a week for a shared country, two months for a place), as
    /// separate conflicts are in real coverage.
    pub fn realistic(seed: u64, claims: usize) -> Self {
        Config {
            names: &REAL,
            events_per_day: 4,
            ..Config::new(seed, claims)
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
    names: &'static Names,
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

impl Plan {
    /// Generate a corpus from `config`.
    pub fn generate(config: &Config) -> Plan {
        let mut plan = Plan {
            seed: config.seed,
            entities: Vec::new(),
            articles: Vec::new(),
            truth: Vec::new(),
            claims: 0,
            names: config.names,
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
            let mut s = scenario::Scenario {
                plan: &mut plan,
                world: &world,
                rng: &mut rng,
                date,
                place,
                undated: config.undated,
                index,
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
        for (name, adj, _, _) in self.names.countries {
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
        for o in self.names.observers {
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
