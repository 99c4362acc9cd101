//! Claims: figures with what they count ("3 soldats tués", "quatre frappes",
//! "une force de 2 000 hommes"), denials ("nie", "ne correspondent pas à la
//! réalité"), accusations ("X accuse Y de ...") and other reported
//! statements ("X affirme que ..."), each with its claimant, sources, span
//! and sentence.

use crate::extract::analysis::Analysis;
use crate::extract::attribution::Speakers;
use crate::extract::entities::Registry;
use crate::extract::numbers::Figure;
use crate::extract::{Cue, LocalClaim};
use crate::model::{ClaimKind, DateRange, Measure, Polarity, Span};

fn measure_noun(a: &Analysis, i: usize) -> Option<(Measure, usize)> {
    a.cue(i).and_then(|(c, next)| {
        c.iter().find_map(|x| {
            if let Cue::MeasureNoun(m) = x {
                Some((*m, next))
            } else {
                None
            }
        })
    })
}

fn measure_verb(a: &Analysis, i: usize) -> Option<(Measure, usize)> {
    a.cue(i).and_then(|(c, next)| {
        c.iter().find_map(|x| {
            if let Cue::MeasureVerb(m) = x {
                Some((*m, next))
            } else {
                None
            }
        })
    })
}

/// People a figure may count: a lexicon noun, or a nationality in the
/// plural ("12 Palestiniens", "deux Ukrainiennes").
fn counted(a: &Analysis, i: usize) -> Option<usize> {
    a.cue_has(i, |c| matches!(c, Cue::Counted)).or_else(|| {
        let low = a.low(i);
        (a.is_cap(i) && low.ends_with('s') && a.lex.demonyms.contains_key(low)).then_some(i + 1)
    })
}

fn blocks_figure(a: &Analysis, i: usize) -> bool {
    a.cue_has(i, |c| matches!(c, Cue::Unit | Cue::Month(_)))
        .is_some()
        || matches!(a.tok_text(i), "%" | "/" | "h" | "°")
}

/// What the figure counts: the measure, the subject's tokens and the span
/// of the words that tell the measure.
struct Counted {
    measure: Measure,
    subject: Option<(usize, usize)>,
    words: Span,
    refers_back: bool,
}

fn what_is_counted(a: &Analysis, f: &Figure) -> Option<Counted> {
    let k = f.end;
    if blocks_figure(a, k) || f.year_like && measure_noun(a, k).is_none() && counted(a, k).is_none()
    {
        return None;
    }
    let tok_span =
        |i: usize, next: usize| Span::new(a.toks[i].start, a.toks[next.max(i + 1) - 1].end);
    // "3 morts", "quatre frappes", allowing one adjective before the noun
    for at in [k, k + 1] {
        if at == k + 1 && (!a.is_word(k) || a.cue(k).is_some()) {
            break;
        }
        if let Some((m, next)) = measure_noun(a, at) {
            return Some(Counted {
                measure: m,
                subject: Some((at, next)),
                words: tok_span(at, next),
                refers_back: false,
            });
        }
    }
    // people counted: the verb says what happened to them
    let refers_back = a.low(k) == "autres";
    let noun = if refers_back {
        Some((k, k + 1))
    } else {
        [k, k + 1]
            .into_iter()
            .find_map(|at| {
                if at == k + 1 && (!a.is_word(k) || a.cue(k).is_some()) {
                    return None;
                }
                counted(a, at).map(|next| (at, next))
            })
            // "57 de ses employés", "trois de leurs enfants"
            .or_else(|| {
                (matches!(a.low(k), "de" | "d")
                    && matches!(a.low(k + 1), "ses" | "leurs" | "nos" | "vos"))
                .then(|| counted(a, k + 2).map(|next| (k + 2, next)))
                .flatten()
            })
    };
    // "2 059 blessés, dont 1 404 dans un état grave": a part of the whole
    // counted just before, with no noun of its own
    let from0 = f.bound_start.unwrap_or(f.start);
    if noun.is_none() && from0 >= 2 && a.low(from0 - 1) == "dont" {
        for b in from0.saturating_sub(5)..from0 - 1 {
            if let Some((m, next)) = measure_noun(a, b) {
                if next + 1 >= from0 - 1 && a.same_sentence(b, from0) {
                    return Some(Counted {
                        measure: m,
                        subject: Some((b, next)),
                        words: tok_span(b, next),
                        refers_back: false,
                    });
                }
            }
        }
    }
    let (ns, ne) = noun?;
    // a verb just before the figure: "ont tué 3 soldats"
    let from = f.bound_start.unwrap_or(f.start);
    for b in from.saturating_sub(3)..from {
        if let Some((m, next)) = measure_verb(a, b) {
            // "tuées et quinze autres ont été blessées": another clause
            let joined = next < from && matches!(a.low(next), "et" | "ou" | "dont" | "mais");
            if next >= from.saturating_sub(1) && a.same_sentence(b, from) && !joined {
                let subject = if refers_back { None } else { Some((ns, ne)) };
                return Some(Counted {
                    measure: m,
                    subject,
                    words: tok_span(b, next),
                    refers_back,
                });
            }
        }
    }
    // a verb after the noun: "deux soldats avaient été tués"
    let mut j = ne;
    while j < a.toks.len() && j < ne + 16 && a.same_sentence(j, ns) {
        if matches!(a.tok_text(j), ";" | "." | ":") {
            break;
        }
        if let Some((m, next)) = measure_verb(a, j) {
            if m != Measure::Troops || soldier_like(a, ns) {
                return Some(Counted {
                    measure: m,
                    subject: Some((ns, ne)),
                    words: tok_span(j, next),
                    refers_back,
                });
            }
        }
        j += 1;
    }
    // "onze morts, dont quatre enfants": the part has the measure of the whole
    if from >= 2 && a.low(from - 1) == "dont" {
        for b in from.saturating_sub(5)..from - 1 {
            if let Some((m, next)) = measure_noun(a, b).or_else(|| measure_verb(a, b)) {
                if next + 1 >= from - 1 && a.same_sentence(b, from) {
                    return Some(Counted {
                        measure: m,
                        subject: Some((ns, ne)),
                        words: tok_span(b, next),
                        refers_back,
                    });
                }
            }
        }
    }
    // "Parmi les victimes figurent trois nourrissons": the group they are among
    if let Some(sent) = a.sent_of(from) {
        let s0 = a.tok_at(sent.start);
        for b in (s0.max(from.saturating_sub(8))..from).rev() {
            if a.low(b) == "parmi" && matches!(a.low(b + 1), "les" | "ces") {
                if let Some((m, next)) = measure_noun(a, b + 2) {
                    return Some(Counted {
                        measure: m,
                        subject: Some((ns, ne)),
                        words: tok_span(b + 2, next),
                        refers_back,
                    });
                }
            }
        }
    }
    // troop strength: a count of soldiers with a word of deployment nearby
    let lo = f.start.saturating_sub(12);
    let hi = (ne + 12).min(a.toks.len());
    let troop = (lo..hi)
        .any(|t| a.same_sentence(t, ns) && a.cue_has(t, |c| matches!(c, Cue::Troop)).is_some());
    if troop && soldier_like(a, ns) {
        return Some(Counted {
            measure: Measure::Troops,
            subject: Some((ns, ne)),
            words: tok_span(ns, ne),
            refers_back,
        });
    }
    None
}

fn soldier_like(a: &Analysis, i: usize) -> bool {
    matches!(
        a.low(i),
        "hommes"
            | "soldats"
            | "militaires"
            | "troupes"
            | "casques"
            | "reservistes"
            | "conscrits"
            | "mercenaires"
            | "combattants"
            | "policiers"
            | "gendarmes"
            | "marins"
            | "officiers"
            | "volontaires"
    )
}

/// The subject phrase: the noun and what follows it ("soldats de l'Artsakh").
fn subject_text(a: &Analysis, ns: usize, ne: usize) -> (String, Span) {
    let mut end = ne;
    let mut k = ne;
    // "de l'Artsakh", "de souche", "russes"
    while k < a.toks.len() && k < ne + 4 {
        let low = a.low(k);
        if matches!(low, "de" | "du" | "des" | "d" | "l" | "la" | "'" | "’") {
            k += 1;
            continue;
        }
        if a.is_word(k)
            && (a.is_cap(k) || a.lex.demonyms.contains_key(low) || low == "souche")
            && a.cue(k).is_none()
        {
            end = k + 1;
            k += 1;
            continue;
        }
        break;
    }
    let span = Span::new(a.toks[ns].start, a.toks[end - 1].end);
    let text = a.text.get(span.start..span.end).unwrap_or("").to_string();
    (text, span)
}

pub struct Context<'r> {
    pub reg: &'r Registry,
    pub speakers: &'r Speakers,
    pub dates: &'r [(Span, DateRange)],
}

impl Context<'_> {
    fn date_for(&self, sent: Span, pos: usize) -> Option<DateRange> {
        // dates of the sentence near the claim (bounded, for run-on text)
        let lo = sent.start.max(pos.saturating_sub(600));
        let i = self.dates.partition_point(|d| d.0.start < lo);
        let hi = sent.end.min(pos + 600);
        let in_sent: Vec<&(Span, DateRange)> = self.dates[i..]
            .iter()
            .take_while(|d| d.0.end <= hi)
            .collect();
        in_sent
            .iter()
            .rev()
            .find(|d| d.0.end <= pos)
            .or(in_sent.first())
            .map(|d| d.1)
    }

    fn entity_in(&self, span: Span) -> Option<usize> {
        let i = self
            .reg
            .mentions
            .partition_point(|m| m.span.start < span.start);
        self.reg.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .find(|m| m.span.end <= span.end)
            .map(|m| m.entity)
    }
}

fn blank(kind: ClaimKind, polarity: Polarity, span: Span, sentence: Span) -> LocalClaim {
    LocalClaim {
        kind,
        polarity,
        span,
        sentence,
        claimant: None,
        via: Vec::new(),
        measure: None,
        quantity: None,
        subject: None,
        subject_entity: None,
        counted: Default::default(),
        event: None,
        date: None,
        topic: None,
        denies: None,
    }
}

/// Numeric claims: one per figure that counts something.
pub fn numeric(a: &Analysis, cx: &Context, figures: &[Figure], out: &mut Vec<LocalClaim>) {
    let mut last_subject: Option<(String, Option<usize>)> = None;
    for f in figures {
        let Some(c) = what_is_counted(a, f) else {
            continue;
        };
        // "une frappe" is an article; "un mort", "un soldat a été tué" count
        let casualty = matches!(
            c.measure,
            Measure::Killed | Measure::Wounded | Measure::Missing | Measure::Captured
        );
        if f.article && !casualty {
            continue;
        }
        let Some(sent) = a.sent_of(f.start) else {
            continue;
        };
        let fstart = a.toks[f.bound_start.unwrap_or(f.start)].start;
        let fend = a.toks[f.end.max(f.start + 1) - 1].end;
        let mut span = Span::new(fstart.min(c.words.start), fend.max(c.words.end));
        let (subject, subject_entity) = match (c.subject, c.refers_back) {
            (_, true) => last_subject.clone().unwrap_or((String::new(), None)),
            (Some((ns, ne)), false) => {
                let (t, s) = subject_text(a, ns, ne);
                span.end = span.end.max(s.end).min(sent.end.max(span.end));
                let e = cx.entity_in(s);
                (t, e)
            }
            (None, false) => (String::new(), None),
        };
        if !subject.is_empty() && c.measure != Measure::Strikes {
            last_subject = Some((subject.clone(), subject_entity));
        }
        let (claimant, via) = cx.speakers.attribute(a, f.start);
        let mut claim = blank(ClaimKind::Numeric, Polarity::Affirm, span, sent);
        claim.claimant = claimant;
        claim.via = via;
        claim.measure = Some(c.measure);
        claim.quantity = Some(f.quantity);
        claim.subject = (!subject.is_empty()).then_some(subject);
        claim.subject_entity = subject_entity;
        claim.date = cx.date_for(sent, fstart);
        out.push(claim);
    }
}

/// The clause around tokens `[from, to)`: back to "que" or the sentence
/// start, forward to a comma, "selon" or the sentence end (bounded).
fn clause(a: &Analysis, from: usize, to: usize) -> Span {
    let Some(sent) = a.sent_of(from) else {
        return Span::new(0, 0);
    };
    let s0 = a.tok_at(sent.start);
    let s1 = a.tok_at(sent.end);
    let mut start = from;
    while start > s0 && from - start < 30 {
        let low = a.low(start - 1);
        if matches!(low, "que" | "qu") || matches!(a.tok_text(start - 1), "«" | "“") {
            break;
        }
        start -= 1;
    }
    let mut end = to;
    while end < s1 && end - to < 30 {
        if matches!(a.tok_text(end), "," | ";" | "." | "»")
            || a.cue_has(end, |c| matches!(c, Cue::Source)).is_some()
        {
            break;
        }
        end += 1;
    }
    let e = a.toks[end.max(start + 1).min(a.toks.len()) - 1].end;
    Span::new(a.toks[start].start, e.min(sent.end.max(e)))
}

const STOP: &[&str] = &[
    "les", "des", "une", "dans", "pour", "avec", "sans", "sont", "est", "avoir", "etre", "ainsi",
    "aussi", "pas", "plus", "leur", "leurs", "cette", "ces", "qui", "que", "sur", "par", "aux",
    "elle", "ils", "elles", "tres", "ont", "avait",
];

fn topic(a: &Analysis, from: usize, to: usize) -> Option<String> {
    let words: Vec<String> = (from..to.min(from + 20))
        // common words only: names say who, not what
        .filter(|&k| a.is_word(k) && !a.tok_text(k).starts_with(char::is_uppercase))
        .map(|k| a.low(k))
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(w))
        .map(str::to_string)
        .take(6)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Denials, accusations and statements introduced by a verb of saying.
/// Returns the propositions the denials reject ("Je démens ... que nous
/// ayons 60.000 disparus"): what nobody affirms there is no claim.
pub fn polar(a: &Analysis, cx: &Context, out: &mut Vec<LocalClaim>) -> Vec<Span> {
    let mut denied = Vec::new();
    for (ci, (span, cues)) in a.cues.iter().enumerate() {
        let i = a.tok_at(span.start);
        let next = a.cue_next[ci];
        let Some(sent) = a.sent_of(i) else { continue };
        let deny_verb = cues.iter().any(|c| matches!(c, Cue::DenyVerb));
        let deny = deny_verb || cues.iter().any(|c| matches!(c, Cue::Deny));
        let accuse = cues.iter().any(|c| matches!(c, Cue::Accuse));
        let speech = cues.iter().any(|c| matches!(c, Cue::Speech));
        let denounces = speech && denounces_report(a, i, next);
        let deny = deny || denounces;
        let act = cx.speakers.act_at(i).copied();
        if deny {
            let own = act
                .filter(|_| deny_verb || denounces)
                .and_then(|x| x.speaker);
            let (claimant, via) = match own {
                Some(s) => (Some(s), cx.speakers.attribute(a, i).1),
                None => cx.speakers.attribute(a, i),
            };
            let mut cl = clause(a, i, next);
            if let Some(s) = own.and_then(|s| subject_start(a, cx, s, i)) {
                cl.start = cl.start.min(s);
            }
            // "Je démens de façon formelle que nous ayons 60.000 disparus"
            if deny_verb {
                let que = (next..(next + 5).min(a.toks.len()))
                    .take_while(|&k| a.is_word(k) || matches!(a.tok_text(k), "'" | "’"))
                    .find(|&k| matches!(a.low(k), "que" | "qu"));
                if let Some(q) = que {
                    denied.push(Span::new(a.toks[q].start, cl.end.max(a.toks[q].end)));
                }
            }
            let mut c = blank(ClaimKind::Denial, Polarity::Deny, cl, sent);
            c.claimant = claimant;
            c.via = via;
            c.topic = topic(a, a.tok_at(cl.start), a.tok_at(cl.end));
            c.date = cx.date_for(sent, span.start);
            // "a rejeté les accusations de Kiev, les qualifiant de «
            // propagande »": one denial, said twice in one sentence
            let again = out.last().is_some_and(|p| {
                p.kind == ClaimKind::Denial && p.sentence == sent && p.claimant == c.claimant
            });
            if !again {
                out.push(c);
            }
        } else if accuse || (speech && matches!(a.low(next), "que" | "qu")) {
            let Some(act) = act.filter(|x| !x.inverted) else {
                continue;
            };
            let Some(speaker) = act.speaker else { continue };
            let start = subject_start(a, cx, speaker, i).unwrap_or(span.start);
            let from = if accuse { next } else { next + 1 };
            let mut end_tok = from;
            let s1 = a.tok_at(sent.end);
            while end_tok < s1 && end_tok < from + 40 {
                if a.cue_has(end_tok, |c| matches!(c, Cue::Source)).is_some()
                    || matches!(a.tok_text(end_tok), ";" | ".")
                {
                    break;
                }
                end_tok += 1;
            }
            let end = a.toks[end_tok.max(i + 1) - 1].end;
            let kind = if accuse {
                ClaimKind::Accusation
            } else {
                ClaimKind::Statement
            };
            let mut c = blank(
                kind,
                Polarity::Affirm,
                Span::new(start, end.max(start)),
                sent,
            );
            c.claimant = Some(speaker);
            c.via = cx.speakers.attribute(a, i).1;
            c.topic = topic(a, from, end_tok);
            c.date = cx.date_for(sent, span.start);
            out.push(c);
        }
    }
    denied
}

/// Figures inside a proposition a speaker denies ("que nous ayons 60.000
/// disparus") that only the outlet would otherwise state are no claims.
pub fn drop_denied_figures(claims: &mut Vec<LocalClaim>, denied: &[Span], outlet: Option<usize>) {
    if denied.is_empty() {
        return;
    }
    claims.retain(|c| {
        c.kind != ClaimKind::Numeric
            || c.claimant != outlet
            || !denied
                .iter()
                .any(|d| d.start <= c.span.start && c.span.end <= d.end)
    });
}

/// "Le gouvernement malien a dénoncé, le 13 mai, le rapport de l'ONU":
/// denouncing a report, charges or figures (tokens `[i, next)` a form of
/// "dénoncer") rejects them; denouncing a massacre does not. Calling a
/// thing false ("qualifie ces informations de « propagande »") rejects it;
/// calling an attack a war crime does not.
fn denounces_report(a: &Analysis, i: usize, next: usize) -> bool {
    let denounce = (i..next).any(|k| a.low(k).starts_with("denon"));
    // "qualifie ces informations de « propagande »": calling it false
    let qualify = (i..next).any(|k| a.low(k).starts_with("qualifi"));
    if !denounce && !qualify {
        return false;
    }
    let end = (next + 10).min(a.toks.len());
    for j in next..end {
        if !a.same_sentence(j, i) || matches!(a.low(j), "que" | "qu" | ".") {
            return false;
        }
        if qualify {
            if matches!(
                a.low(j),
                "propagande"
                    | "mensonge"
                    | "mensonges"
                    | "mensonger"
                    | "mensongere"
                    | "mensongeres"
                    | "fake"
                    | "infonde"
                    | "infondee"
                    | "infondees"
                    | "infondes"
                    | "fantaisiste"
                    | "fantaisistes"
                    | "absurde"
                    | "absurdes"
                    | "ridicule"
                    | "ridicules"
                    | "fausse"
                    | "fausses"
                    | "faux"
                    | "provocation"
                    | "desinformation"
                    | "calomnie"
                    | "calomnies"
                    | "diffamatoire"
                    | "diffamatoires"
                    | "grotesque"
                    | "grotesques"
            ) {
                return true;
            }
            continue;
        }
        if matches!(
            a.low(j),
            "rapport"
                | "rapports"
                | "accusations"
                | "allegations"
                | "bilan"
                | "chiffres"
                | "conclusions"
                | "affirmations"
                | "propos"
                | "speculations"
        ) {
            return true;
        }
    }
    false
}

/// Start of the speaker's mention just before token `v`.
fn subject_start(a: &Analysis, cx: &Context, e: usize, v: usize) -> Option<usize> {
    let vs = a.toks.get(v)?.start;
    let sent = a.sent_of(v)?;
    let i = cx.reg.mentions.partition_point(|m| m.span.start < vs);
    cx.reg.mentions[..i]
        .iter()
        .rev()
        .take(24)
        .find(|m| m.entity == e && m.span.start >= sent.start)
        .map(|m| m.span.start)
}

/// Link each denial to the claim it answers: the closest earlier accusation
/// or statement of another speaker sharing a topic word, else one of
/// another speaker later in the same sentence (the object of the denial),
/// else the closest earlier accusation nearby, else the closest earlier
/// statement nearby.
pub fn link_denials(claims: &mut [LocalClaim]) {
    for d in 0..claims.len() {
        if claims[d].kind != ClaimKind::Denial {
            continue;
        }
        let words: Vec<String> = claims[d]
            .topic
            .clone()
            .unwrap_or_default()
            .split(' ')
            .map(str::to_string)
            .collect();
        let (mut topical, mut accusation, mut statement) = (None, None, None);
        for c in (0..d).rev().take(20) {
            let other = &claims[c];
            if !matches!(other.kind, ClaimKind::Accusation | ClaimKind::Statement)
                || other.claimant == claims[d].claimant
            {
                continue;
            }
            let t = other.topic.clone().unwrap_or_default();
            if words
                .iter()
                .any(|w| !w.is_empty() && t.split(' ').any(|x| x == w))
            {
                topical = Some(c);
                break;
            }
            let near = claims[d].span.start.saturating_sub(other.span.end) < 400;
            if near && other.kind == ClaimKind::Accusation && accusation.is_none() {
                accusation = Some(c);
            }
            if near && other.kind == ClaimKind::Statement && statement.is_none() {
                statement = Some(c);
            }
        }
        // "Le gouvernement malien a dénoncé le rapport de l'ONU accusant
        // l'armée ...": what is denied may follow in the same sentence
        let after = (d + 1..claims.len()).take(4).find(|&c| {
            let other = &claims[c];
            matches!(other.kind, ClaimKind::Accusation | ClaimKind::Statement)
                && other.sentence == claims[d].sentence
                && other.claimant != claims[d].claimant
        });
        claims[d].denies = topical.or(after).or(accusation).or(statement);
    }
}
