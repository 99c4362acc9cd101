//! Who says it: the speaker of each verb of saying ("X a déclaré que",
//! "..., a ajouté l'armée russe", "écrit Reuters", "a-t-il ajouté"), the
//! speaker of « quoted speech », sources ("selon X", "d'après X") and chains
//! ("selon l'AFP, les séparatistes affirment que ..." = the separatists, via
//! the AFP). Figures nobody is said to state belong to the outlet.

use crate::extract::analysis::Analysis;
use crate::extract::entities::Registry;
use crate::extract::Cue;
use crate::model::{EntityKind, Span};
use std::collections::{HashMap, HashSet};

/// A verb of saying (or accusing, or denying) and its speaker.
#[derive(Debug, Clone, Copy)]
pub struct Act {
    pub tok: usize,
    pub speaker: Option<usize>,
    pub inverted: bool,
}

pub struct Speakers {
    /// Mentions that can speak, sorted by start: (span, entity, kind).
    ments: Vec<(Span, usize, EntityKind)>,
    pub acts: Vec<Act>,
    /// Source markers: (token, token after, source entity).
    pub sources: Vec<(usize, Option<usize>)>,
    pub outlet: Option<usize>,
    /// The person each title names in this document ("le gouverneur" after
    /// "le gouverneur Oleg Synegoubov"); `None` when two people share it.
    titled: HashMap<String, Option<usize>>,
    /// Entities that are persons.
    persons: HashSet<usize>,
}

fn can_speak(k: EntityKind) -> bool {
    k != EntityKind::Weapon
}

impl Speakers {
    pub fn new(a: &Analysis, reg: &Registry, outlet: Option<usize>) -> Self {
        let mut ments: Vec<(Span, usize, EntityKind)> = reg
            .mentions
            .iter()
            .filter_map(|m| {
                reg.kind(m.entity)
                    .filter(|k| can_speak(*k))
                    .map(|k| (m.span, m.entity, k))
            })
            .collect();
        ments.sort_by_key(|m| (m.0.start, std::cmp::Reverse(m.0.end)));
        let mut s = Speakers {
            ments,
            acts: Vec::new(),
            sources: Vec::new(),
            outlet,
            titled: HashMap::new(),
            persons: HashSet::new(),
        };
        s.persons = s
            .ments
            .iter()
            .filter(|m| m.2 == EntityKind::Person)
            .map(|m| m.1)
            .collect();
        s.titled = titled_persons(a, &s.ments);
        let mut last: Option<usize> = None;
        for i in 0..a.toks.len() {
            let Some((cues, next)) = a.cue(i) else {
                continue;
            };
            if cues.iter().any(|c| matches!(c, Cue::Source)) {
                // "selon lui": the last speaker
                let src = if matches!(a.low(next), "lui" | "elle" | "eux" | "elles") {
                    last
                } else if (next..next + 2)
                    .any(|k| a.cue_has(k, |c| matches!(c, Cue::Title)).is_some())
                {
                    // "selon le porte-parole du Haut-Commissariat ..., Thameen
                    // Al-Kheetan": the person apposed to the function
                    let person = s
                        .first_after(a, next, 20, true)
                        .filter(|e| s.persons.contains(e));
                    person.or_else(|| s.first_after(a, next, 8, false))
                } else {
                    s.first_after(a, next, 8, false)
                };
                s.sources.push((i, src));
            }
            if !cues
                .iter()
                .any(|c| matches!(c, Cue::Speech | Cue::Accuse | Cue::DenyVerb))
            {
                continue;
            }
            let (mut speaker, inverted) = s.speaker_of(a, i, next, last);
            // "X a assuré ... et affirme que": the same speaker
            if speaker.is_none() && i > 0 && a.low(i - 1) == "et" {
                speaker = s
                    .acts
                    .last()
                    .filter(|x| a.same_sentence(x.tok, i))
                    .and_then(|x| x.speaker);
            }
            if speaker.is_some() {
                last = speaker;
            }
            s.acts.push(Act {
                tok: i,
                speaker,
                inverted,
            });
        }
        s
    }

    /// First speaking mention starting within `window` tokens after token
    /// `from`, in the same sentence, stopping at a source marker; with
    /// `prefer_person`, a person in the window wins ("la porte-parole du
    /// ministère ..., Maria Ivanova").
    fn first_after(
        &self,
        a: &Analysis,
        from: usize,
        window: usize,
        prefer_person: bool,
    ) -> Option<usize> {
        let t0 = a.toks.get(from)?;
        let limit_tok = (from + window).min(a.toks.len());
        let mut limit = a
            .toks
            .get(limit_tok.saturating_sub(1))
            .map(|t| t.end)
            .unwrap_or(t0.end);
        if let Some(s) = a.sent_of(from) {
            limit = limit.min(s.end);
        }
        for k in from..limit_tok {
            if a.cue_has(k, |c| matches!(c, Cue::Source)).is_some() && k > from {
                limit = limit.min(a.toks[k].start);
                break;
            }
        }
        let i = self.ments.partition_point(|m| m.0.start < t0.start);
        let cands: Vec<&(Span, usize, EntityKind)> = self.ments[i..]
            .iter()
            .take_while(|m| m.0.start < limit)
            .collect();
        if prefer_person {
            if let Some(p) = cands.iter().find(|m| m.2 == EntityKind::Person) {
                return Some(p.1);
            }
        }
        // "le gouverneur du Sud-Kivu", "le gouverneur, après ...": the person
        // the title names elsewhere in the article, not the place
        let first = cands.first();
        if !first.is_some_and(|m| !matches!(m.2, EntityKind::Place | EntityKind::Country)) {
            let upto = first.map_or(limit_tok, |m| a.tok_at(m.0.start));
            if let Some(p) = self.title_speaker(a, from, upto.min(from + 6)) {
                return Some(p);
            }
        }
        first.map(|m| m.1)
    }

    /// The person named by a title between tokens `from` and `to`.
    fn title_speaker(&self, a: &Analysis, from: usize, to: usize) -> Option<usize> {
        (from..to)
            .filter(|&k| a.same_sentence(k, from))
            .find_map(|k| {
                a.cue_has(k, |c| matches!(c, Cue::Title))
                    .and_then(|_| self.titled.get(a.low(k)).copied().flatten())
            })
    }

    /// The subject before token `v`: the nearest mention ending before it in
    /// the same sentence, at most a few words away; a pronoun in between
    /// refers back to `last`.
    fn subject_before(&self, a: &Analysis, v: usize, last: Option<usize>) -> Option<usize> {
        let vs = a.toks.get(v)?.start;
        let sent = a.sent_of(v)?;
        for k in (v.saturating_sub(3)..v).rev() {
            if a.lex.pronouns.contains(a.low(k)) {
                return last;
            }
            if matches!(a.low(k), "que" | "qu") {
                break;
            }
        }
        let i = self.ments.partition_point(|m| m.0.start < vs);
        let own_quote = a.quote_at(vs);
        let mut best: Option<(Span, usize)> = None;
        for m in self.ments[..i].iter().rev().take(24) {
            if m.0.end > vs || m.0.start < sent.start {
                continue;
            }
            // a name quoted in another's words is not the subject
            if a.quote_at(m.0.start).is_some_and(|q| Some(q) != own_quote) {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, _)) => m.0.end > b.end || (m.0.end == b.end && m.0.start < b.start),
            };
            if better {
                best = Some((m.0, m.1));
            }
        }
        let (span, e) = best?;
        if v >= 2 && a.low(v - 1) == "qui" {
            return self.antecedent_of_qui(a, v - 1, span, e);
        }
        if let Some(head) = self.subject_before_apposition(a, v, span, own_quote) {
            return Some(head);
        }
        let gap = v.saturating_sub(a.tok_at(span.end));
        let clause_break =
            (a.tok_at(span.end)..v).any(|k| matches!(a.low(k), "que" | "qu" | "qui"));
        (gap <= 7 && !clause_break).then_some(e)
    }

    /// The antecedent of a relative "qui" at token `q` before a verb of
    /// saying: the name just before it ("le FLA qui affirme"), or, after an
    /// apposition between commas, the name the apposition qualifies ("le
    /// Groupe de soutien ... (JNIM), lié à al-Qaïda, qui affirme").
    fn antecedent_of_qui(&self, a: &Analysis, q: usize, best: Span, e: usize) -> Option<usize> {
        if a.tok_at(best.end) == q {
            return Some(e);
        }
        if q < 2 || a.tok_text(q - 1) != "," {
            return None;
        }
        let sent = a.sent_of(q)?;
        let s0 = a.tok_at(sent.start);
        let open = (s0..q - 1).rev().take(10).find(|&k| a.tok_text(k) == ",")?;
        let mut h = open.checked_sub(1)?;
        if a.tok_text(h) == ")" {
            h = (s0..h)
                .rev()
                .take(20)
                .find(|&k| a.tok_text(k) == "(")?
                .checked_sub(1)?;
        }
        let head_end = a.toks.get(h)?.end;
        let i = self.ments.partition_point(|m| m.0.start < head_end);
        self.ments[..i]
            .iter()
            .rev()
            .take(24)
            .filter(|m| m.0.end == head_end && m.0.start >= sent.start)
            .min_by_key(|m| m.0.start)
            .map(|m| m.1)
    }

    /// "Le ministère ..., au pouvoir dans la bande de Gaza, a affirmé": the
    /// mention before an apposition between commas is the subject, not the
    /// last name inside the apposition (an apposed name, "le maire,
    /// Igor Terekhov, a dit", stays the subject).
    fn subject_before_apposition(
        &self,
        a: &Analysis,
        v: usize,
        best: Span,
        own_quote: Option<Span>,
    ) -> Option<usize> {
        if v < 2 || a.tok_text(v - 1) != "," {
            return None;
        }
        let sent = a.sent_of(v)?;
        let s0 = a.tok_at(sent.start);
        let open = (s0..v - 1).rev().take(14).find(|&k| a.tok_text(k) == ",")?;
        if a.toks.get(open + 1).is_some_and(|t| t.start == best.start) || open == 0 {
            return None;
        }
        if (open + 1..v - 1).any(|k| a.cue_has(k, |c| matches!(c, Cue::Title)).is_some()) {
            return None;
        }
        let head_end = a.toks[open - 1].end;
        // a bounded look back: the mentions starting before the head's end
        let i = self.ments.partition_point(|m| m.0.start < head_end);
        self.ments[..i]
            .iter()
            .rev()
            .take(24)
            .filter(|m| m.0.end == head_end && m.0.start >= sent.start)
            .filter(|m| a.quote_at(m.0.start) == own_quote)
            .min_by_key(|m| m.0.start)
            .map(|m| m.1)
    }

    fn speaker_of(
        &self,
        a: &Analysis,
        v: usize,
        next: usize,
        last: Option<usize>,
    ) -> (Option<usize>, bool) {
        let words = a
            .text
            .get(a.toks[v].start..a.toks[next.saturating_sub(1).max(v)].end)
            .unwrap_or("");
        if words.contains("-t-")
            || words.ends_with("-ils")
            || words.ends_with("-elles")
            || words.ends_with("-il")
            || words.ends_with("-elle")
        {
            return (last, true);
        }
        // a present participle ("..., affirmant que") has the sentence's subject
        if words.ends_with("ant") && !words.contains(' ') {
            let sent = a.sent_of(v);
            let first = sent.and_then(|s| {
                let i = self.ments.partition_point(|m| m.0.start < s.start);
                self.ments
                    .get(i)
                    .filter(|m| m.0.end <= a.toks[v].start)
                    .map(|m| m.1)
            });
            return (first, false);
        }
        let prev = if v > 0 { a.tok_text(v - 1) } else { "" };
        // ", a assuré que" after an apposition is no inversion
        // nor is a comma closing an apposed person ("..., Daniel Hagari, a dit")
        let person_before = v >= 2 && prev == "," && {
            let k = self
                .ments
                .partition_point(|m| m.0.start < a.toks[v - 1].start);
            self.ments[k.saturating_sub(4)..k]
                .iter()
                .any(|m| m.2 == EntityKind::Person && m.0.end == a.toks[v - 2].end)
        };
        // "a affirmé mercredi que": a time word may sit before the "que"
        let que_follows = (next..(next + 4).min(a.toks.len()))
            .take_while(|&k| a.same_sentence(k, v) && a.tok_text(k) != ",")
            .any(|k| matches!(a.low(k), "que" | "qu"));
        let inverted =
            matches!(prev, "," | "»" | "«" | "”" | "\"" | "“") && !que_follows && !person_before;
        if inverted {
            (self.first_after(a, next, 14, true), true)
        } else {
            (self.subject_before(a, v, last), false)
        }
    }

    /// Claimant and cited sources of something stated at token `p`.
    pub fn attribute(&self, a: &Analysis, p: usize) -> (Option<usize>, Vec<usize>) {
        let Some(sent) = a.sent_of(p) else {
            return (self.outlet, Vec::new());
        };
        let pos = a.toks[p].start;
        let mut speaker = None;
        // « quoted speech »: the verb after the quotation, else before it
        if let Some(q) = a.quote_at(pos) {
            let after = a.tok_at(q.end);
            speaker = self
                .acts_between(after, after + 4)
                .find(|x| x.inverted)
                .and_then(|x| x.speaker)
                .or_else(|| {
                    let before = a.tok_at(q.start);
                    self.acts_between(before.saturating_sub(4), before)
                        .last()
                        .and_then(|x| x.speaker)
                });
        }
        // the closest verb of saying before, in the sentence
        let s0 = a.tok_at(sent.start);
        let s1 = a.tok_at(sent.end);
        if speaker.is_none() {
            let k = self.acts.partition_point(|x| x.tok < p);
            speaker = k
                .checked_sub(1)
                .map(|k| self.acts[k])
                .filter(|x| x.tok >= s0)
                .and_then(|x| x.speaker);
        }
        // an inverted verb after: "..., écrit Reuters" (a bounded look)
        if speaker.is_none() {
            speaker = self
                .acts_between(p, s1)
                .take(8)
                .find(|x| x.inverted)
                .and_then(|x| x.speaker);
        }
        // sources of the sentence, near enough to concern this statement
        let lo = s0.max(p.saturating_sub(60));
        let hi = s1.min(p + 60);
        let i = self.sources.partition_point(|x| x.0 < lo);
        let mut near: Vec<(usize, Option<usize>)> = self.sources[i..]
            .iter()
            .take_while(|x| x.0 < hi)
            .copied()
            .collect();
        // "..., d'après l'armée" governs what precedes it: the first marker
        // after the statement wins over one closing an earlier clause
        near.sort_by_key(|x| if x.0 > p { (0, x.0 - p) } else { (1, p - x.0) });
        // a marker before the statement must open a clause ("Selon lui, ...",
        // "..., selon X, ..."), not close a phrase ("d'une magnitude de 6,8
        // selon l'USGS, est ...")
        near.retain(|x| {
            x.0 > p
                || x.0 == s0
                || x.0 == 0
                || matches!(a.tok_text(x.0 - 1), "," | ";" | ":" | "«" | "(" | "\n")
                || matches!(a.low(x.0 - 1), "et" | "mais" | "or")
        });
        let mut via = Vec::new();
        for (_, src) in &near {
            let Some(src) = *src else { continue };
            if speaker.is_none() {
                speaker = Some(src);
            } else if speaker != Some(src) && !via.contains(&src) {
                via.push(src);
            }
        }
        (speaker.or(self.outlet), via)
    }

    /// The act at token `v` (a denial or accusation verb), if registered.
    pub fn act_at(&self, v: usize) -> Option<&Act> {
        let i = self.acts.partition_point(|x| x.tok < v);
        self.acts.get(i).filter(|x| x.tok == v)
    }

    fn acts_between(&self, from: usize, to: usize) -> impl Iterator<Item = &Act> {
        let i = self.acts.partition_point(|x| x.tok < from);
        self.acts[i..].iter().take_while(move |x| x.tok < to)
    }
}

/// Title words naming exactly one person of the document: a title just before
/// a person's mention ("le gouverneur régional Oleg Synegoubov", "le maire de
/// la ville, Igor Terekhov").
fn titled_persons(
    a: &Analysis,
    ments: &[(Span, usize, EntityKind)],
) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for m in ments.iter().filter(|m| m.2 == EntityKind::Person) {
        let t = a.tok_at(m.0.start);
        for k in (t.saturating_sub(10)..t).rev() {
            if !a.same_sentence(k, t) {
                break;
            }
            if a.cue_has(k, |c| matches!(c, Cue::Title)).is_some() {
                let slot = out.entry(a.low(k).to_string()).or_insert(Some(m.1));
                if *slot != Some(m.1) {
                    *slot = None;
                }
                break;
            }
        }
    }
    out
}
