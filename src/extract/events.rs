//! Events: one per sentence that names one ("frappes de drone", "explosion",
//! "cessez-le-feu"), with its kind, time (the sentence's date), place (the
//! first place named) and participants (countries, organizations and
//! persons: before the trigger as agents, after it as targets). The
//! dateline's place ("BAMAKO, 14 mai 2024 —") is where the article was
//! written, never an event's place.

use crate::extract::analysis::Analysis;
use crate::extract::entities::Registry;
use crate::extract::{Cue, LocalEvent};
use crate::model::{DateRange, EntityKind, EventKind, Role, Span};

/// How specific a kind is: a strike beats a war when both are named.
fn rank(k: EventKind) -> u8 {
    match k {
        EventKind::CeasefireViolation => 0,
        EventKind::Strike | EventKind::Explosion | EventKind::Shelling => 1,
        EventKind::Killing
        | EventKind::Offensive
        | EventKind::Withdrawal
        | EventKind::Deployment => 2,
        EventKind::Displacement | EventKind::CeasefireAgreement => 3,
        EventKind::War => 4,
        EventKind::Other => 5,
    }
}

/// Events, and for each sentence the event it names.
pub fn events(
    a: &Analysis,
    reg: &Registry,
    dates: &[(Span, DateRange)],
    dateline: Option<Span>,
) -> (Vec<LocalEvent>, Vec<Option<usize>>) {
    let mut per_sentence: Vec<Option<(EventKind, Span)>> = vec![None; a.sents.len()];
    for (span, cues) in &a.cues {
        let Some(kind) = cues.iter().find_map(|c| {
            if let Cue::Event(k) = c {
                Some(*k)
            } else {
                None
            }
        }) else {
            continue;
        };
        let t = a.tok_at(span.start);
        let Some(&si) = a.tok_sent.get(t) else {
            continue;
        };
        let slot = &mut per_sentence[si as usize];
        if slot.map_or(true, |(k, _)| rank(kind) < rank(k)) {
            *slot = Some((kind, *span));
        }
    }
    let mut out = Vec::new();
    let mut index = vec![None; a.sents.len()];
    for (si, slot) in per_sentence.iter().enumerate() {
        let Some((kind, trigger)) = slot else {
            continue;
        };
        let sent = a.sents[si];
        let i = reg.mentions.partition_point(|m| m.span.start < sent.start);
        let mut place = None;
        let mut participants: Vec<(usize, Role)> = Vec::new();
        for m in reg.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < sent.end)
            .take(200)
            .filter(|m| !dateline.is_some_and(|d| d.contains(&m.span)))
        {
            // a person named by an office ("le gouverneur régional") is
            // one who speaks of the event, not one it befell
            let office = reg.kind(m.entity) == Some(EntityKind::Person)
                && a.text
                    .get(m.span.start..m.span.end)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase);
            if office {
                continue;
            }
            match reg.kind(m.entity) {
                Some(EntityKind::Place) if place.is_none() => place = Some(m.entity),
                Some(EntityKind::Country | EntityKind::Organization | EntityKind::Person)
                    if participants.len() < 12 && !participants.iter().any(|p| p.0 == m.entity) =>
                {
                    let role = if m.span.end <= trigger.start {
                        Role::Agent
                    } else {
                        Role::Target
                    };
                    participants.push((m.entity, role));
                }
                _ => {}
            }
        }
        let d = dates.partition_point(|d| d.0.start < sent.start);
        let time = dates.get(d).filter(|d| d.0.end <= sent.end).map(|d| d.1);
        index[si] = Some(out.len());
        out.push(LocalEvent {
            kind: *kind,
            span: *trigger,
            time,
            place,
            participants,
        });
    }
    (out, index)
}
