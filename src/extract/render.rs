//! A plain-text account of one document's extraction — entities with their
//! aliases and reasons, claims with claimant, sources, bound and quote,
//! events — for people reading what was found (and for golden tests).

use crate::extract::Extraction;
use std::fmt::Write;

impl Extraction {
    /// One line per entity, claim and event, quoting the text of `text`.
    pub fn render(&self, text: &str) -> String {
        let name = |e: Option<usize>| {
            e.and_then(|e| self.entities.get(e))
                .map(|e| e.name.as_str())
                .unwrap_or("-")
        };
        let quote = |s: crate::model::Span| s.slice(text).unwrap_or("").replace('\n', " ");
        let mut out = String::new();
        for e in &self.entities {
            let _ = write!(out, "entity {} {:?}", e.kind, e.name);
            for a in &e.aliases {
                let _ = write!(out, " | {:?} ({})", a.name, a.reason);
            }
            out.push('\n');
        }
        for c in &self.claims {
            let _ = write!(out, "claim {} {}", c.kind, c.polarity);
            if let (Some(m), Some(q)) = (c.measure, c.quantity) {
                let _ = write!(out, " {m} {} {}", q.value, q.bound);
            }
            let _ = write!(out, " by {:?}", name(c.claimant));
            if !c.via.is_empty() {
                let via: Vec<&str> = c.via.iter().map(|&v| name(Some(v))).collect();
                let _ = write!(out, " via {via:?}");
            }
            if let Some(s) = &c.subject {
                let _ = write!(out, " subject {s:?}");
            }
            if let Some(d) = c.date {
                let _ = write!(out, " date {} ({})", d.start, d.precision);
            }
            if let Some(d) = c.denies {
                let _ = write!(out, " denies claim {d}");
            }
            let _ = write!(out, " «{}»", quote(c.span));
            for o in &c.occurrences {
                let _ = write!(out, " also «{}»", quote(*o));
            }
            out.push('\n');
        }
        for ev in &self.events {
            let _ = write!(out, "event {} «{}»", ev.kind, quote(ev.span));
            if let Some(t) = ev.time {
                let _ = write!(out, " time {}", t.start);
            }
            if ev.place.is_some() {
                let _ = write!(out, " at {:?}", name(ev.place));
            }
            let parts: Vec<String> = ev
                .participants
                .iter()
                .map(|(e, r)| format!("{}:{r}", name(Some(*e))))
                .collect();
            if !parts.is_empty() {
                let _ = write!(out, " with {}", parts.join(", "));
            }
            out.push('\n');
        }
        out
    }
}
