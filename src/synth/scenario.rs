//! The scenarios planted around each event, each with the findings it
//! guarantees (see the list in the parent module).

use super::names::Rng;
use super::{Form, Happening, Plan, Planned, Planted, Statement, Subject, World};
use crate::model::{Bound, EventKind, FindingKind, Measure};
use chrono::{Days, NaiveDate};

const ACCUSATIONS: &[&str] = &[
    "bombardements répétés",
    "tirs d'artillerie",
    "frappes contre des civils",
    "violations du cessez-le-feu",
];
const UNRELATED_DENIALS: &[&str] = &["présence de troupes", "livraisons d'armes"];

/// Plants one event's scenario into the plan.
pub(super) struct Scenario<'a> {
    pub plan: &'a mut Plan,
    pub world: &'a World,
    pub rng: &'a mut Rng,
    pub date: NaiveDate,
    pub place: i64,
    pub undated: f64,
    /// The event's number in the plan.
    pub index: usize,
}

impl Scenario<'_> {
    pub fn run(&mut self) {
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
        let n = self.plan.names.countries.len();
        if self.plan.names.rotate && n >= 2 {
            let a = (2 * self.index) % n;
            return (a, (a + 1) % n);
        }
        let a = self.rng.below(n);
        let b = (a + 1 + self.rng.below(n - 1)) % n;
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
                let mut second = v - v / 2 + self.rng.range(1, 40);
                // A part equal to the total would read as the same figure
                // (an agreement), not as a part.
                let first = if first == v { first + 1 } else { first };
                // Two identical sentences would read as one passage repeated.
                while second == first || second == v {
                    second += 1;
                }
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
