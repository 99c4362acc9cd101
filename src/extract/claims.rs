//! Claims: figures with what they count ("3 soldats tués", "quatre frappes",
//! "une force de 2 000 hommes"), denials ("nie", "ne correspondent pas à la
//! réalité"), accusations ("X accuse Y de ...") and other reported
//! statements ("X affirme que ..."), each with its claimant, sources, span
//! and sentence.

use crate::extract::analysis::Analysis;
use crate::extract::attribution::Speakers;
use crate::extract::counted;
use crate::extract::earlier;
use crate::extract::entities::Registry;
use crate::extract::numbers::Figure;
use crate::extract::{Cue, LocalClaim};
use crate::model::{Bound, ClaimKind, DateRange, Measure, Polarity, Quantity, Span};

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
struct Found {
    measure: Measure,
    subject: Option<(usize, usize)>,
    words: Span,
    refers_back: bool,
}

/// `floor`: the token after the figure before, which a look back for the
/// toll this figure completes does not cross.
fn what_is_counted(a: &Analysis, f: &Figure, prev: Option<Prev>, floor: usize) -> Option<Found> {
    let k = f.end;
    if blocks_figure(a, k) || f.year_like && measure_noun(a, k).is_none() && counted(a, k).is_none()
    {
        return None;
    }
    // "À Paiporta, ville de 25 000 habitants dans la banlieue de Valence,
    // 62 personnes ont perdu la vie": a place's population is no count of
    // what happened to anyone
    let from = f.bound_start.unwrap_or(f.start);
    if matches!(a.low(k), "habitants" | "ames")
        && from >= 2
        && matches!(a.low(from - 1), "de" | "d")
        && matches!(
            a.low(from - 2),
            "ville"
                | "village"
                | "commune"
                | "localite"
                | "bourg"
                | "bourgade"
                | "agglomeration"
                | "cite"
                | "municipalite"
                | "quartier"
                | "ile"
                | "pays"
                | "region"
                | "province"
                | "metropole"
                | "peuplee"
                | "peuple"
        )
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
        // "après la découverte de deux nouveaux corps": what is added to a
        // toll, not a toll
        if at == k + 1 && matches!(a.low(k), "nouveaux" | "nouvelles") {
            break;
        }
        if let Some((m, next)) = measure_noun(a, at) {
            // "une trentaine de portés disparus retrouvés": the missing,
            // found again, are counted as found (other)
            if m == Measure::Missing && a.low(next).starts_with("retrouve") {
                return Some(Found {
                    measure: Measure::Other,
                    subject: Some((at, next)),
                    words: tok_span(at, next + 1),
                    refers_back: false,
                });
            }
            // "Quelque 300 réfugiés dans le théâtre ont été tués", "13
            // otages ont été libérés": a noun of people that is itself a
            // measure yields to the verb of its clause
            if matches!(m, Measure::Displaced | Measure::Captured | Measure::Other) {
                if let Some((m2, j, n2)) = casualty_verb_after(a, next).filter(|v| v.0 != m) {
                    return Some(Found {
                        measure: m2,
                        subject: Some((at, next)),
                        words: tok_span(j, n2),
                        refers_back: false,
                    });
                }
            }
            return Some(Found {
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
                // "cinq hélicoptères militaires": a noun, then an adjective
                // that may also be a noun of people; only a few adjectives
                // come before the noun ("trois jeunes soldats")
                if at == k + 1
                    && matches!(a.low(at), "militaires" | "militaire" | "civils" | "civil")
                    && !matches!(
                        a.low(k),
                        "jeunes" | "autres" | "nouveaux" | "anciens" | "petits" | "simples"
                    )
                {
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
                    return Some(Found {
                        measure: m,
                        subject: Some((b, next)),
                        words: tok_span(b, next),
                        refers_back: false,
                    });
                }
            }
        }
    }
    let from = f.bound_start.unwrap_or(f.start);
    if noun.is_none() {
        // "203 jihadistes neutralisés et 51 interpellés": a participle
        // right after the figure tells what happened to those counted
        // "23 ont été secourus", "une trentaine manquent à l'appel": the
        // figure stands alone as the subject, through its auxiliaries
        // "12 sont ce soir toujours hospitalisées": adverbs and times of
        // day may sit between the auxiliary and the participle
        // "Neuf d'entre eux seraient dans un état grave": the part of a
        // group named before, with its own verb
        let mut v = k;
        if matches!(a.low(v), "d" | "de") && matches!(a.tok_text(v + 1), "'" | "’" | "entre") {
            let e = if a.low(v + 1) == "entre" {
                v + 1
            } else {
                v + 2
            };
            if a.low(e) == "entre" && matches!(a.low(e + 1), "eux" | "elles") {
                v = e + 2;
            }
        }
        let mut aux = false;
        let v0 = v;
        while v < v0 + 6 {
            let w = a.low(v);
            if matches!(
                w,
                "ont" | "sont" | "ete" | "avaient" | "etaient" | "auraient" | "seraient"
            ) {
                aux = true;
            } else if !(aux
                && (matches!(
                    w,
                    "toujours"
                        | "encore"
                        | "actuellement"
                        | "desormais"
                        | "deja"
                        | "egalement"
                        | "aussi"
                        | "finalement"
                        | "officiellement"
                        | "ce"
                        | "cet"
                        | "soir"
                        | "matin"
                        | "apres-midi"
                        | "aujourd'hui"
                        | "hier"
                ) || a.cue_has(v, |c| matches!(c, Cue::Weekday(_))).is_some()))
            {
                break;
            }
            v += 1;
        }
        let verb = measure_verb(a, v).filter(|&(m, _)| v == k || m != Measure::Troops);
        if let Some((m, next)) = verb {
            let low = a.low(next - 1);
            if low.ends_with('s') || low.ends_with('e') || next > v + 1 {
                return Some(Found {
                    measure: m,
                    subject: None,
                    words: tok_span(k, next),
                    refers_back: true,
                });
            }
        }
        // "Le bilan est passé de 12 à 19 morts": the earlier figure of a
        // change counts what the later one counts
        if a.low(k) == "a" && from > 0 && a.low(from - 1) == "de" {
            for j in k + 2..k + 5 {
                if let Some((m, next)) = measure_noun(a, j) {
                    if (k + 1..j).all(|x| a.toks[x].kind == crate::extract::text::TokKind::Number) {
                        // (it counts the same people: "de 116 à 121
                        // victimes" are victims both)
                        return Some(Found {
                            measure: m,
                            subject: Some((j, next)),
                            words: tok_span(j, next),
                            refers_back: false,
                        });
                    }
                }
            }
        }
        // "Cela porte à 3 613 le nombre total de morts", "porte à 40 le
        // bilan": the toll named after the figure it is brought to
        if from > 0 && a.low(from - 1) == "a" && matches!(a.low(k), "le" | "la") {
            if matches!(a.low(k + 1), "bilan" | "bilans") {
                return Some(Found {
                    measure: Measure::Killed,
                    subject: None,
                    words: tok_span(k + 1, k + 2),
                    refers_back: false,
                });
            }
            if a.low(k + 1) == "nombre" {
                let mut n = k + 2;
                while n < k + 4
                    && matches!(
                        a.low(n),
                        "total" | "global" | "officiel" | "provisoire" | "definitif"
                    )
                {
                    n += 1;
                }
                if matches!(a.low(n), "de" | "d") {
                    n += 1;
                    if matches!(a.tok_text(n), "'" | "’") {
                        n += 1;
                    }
                    if let Some((m, next)) = measure_noun(a, n) {
                        return Some(Found {
                            measure: m,
                            subject: Some((n, next)),
                            words: tok_span(k + 1, next),
                            refers_back: false,
                        });
                    }
                }
            }
        }
        // "le bilan est de 40", "le nombre de rescapés : 104"
        if ends_clause(a, k) {
            if let Some((m, b, next, subject)) = toll_before(a, from, floor) {
                return Some(Found {
                    measure: m,
                    subject,
                    words: tok_span(b, next),
                    refers_back: false,
                });
            }
            // "Israël évoque une dizaine de morts, le Hamas plus de 110":
            // the noun is in the previous clause
            if let Some(p) = shares_predicate(a, prev, from) {
                return Some(Found {
                    measure: p.measure,
                    subject: None,
                    words: tok_span(from, f.end),
                    refers_back: true,
                });
            }
        }
    }
    // "deux autres décès ayant eu lieu dans la région voisine de
    // Castille-La Manche et un en Andalousie", "sept personnes étaient
    // portées disparues, dont une à l'Alcudia ... et six dans la ville de
    // Letur": a figure with no noun, then a place, continues the count
    // before it in the sentence, place by place
    if noun.is_none() {
        if let Some(p) = elided_by_place(a, prev, from, k) {
            return Some(Found {
                measure: p.measure,
                subject: None,
                words: tok_span(from, f.end),
                refers_back: true,
            });
        }
    }
    let (ns, ne) = noun?;
    // a verb just before the figure: "ont tué 3 soldats"; a verb of
    // several words ends just before it: "a coûté la vie à au moins quatre
    // Français", "a fait au moins 78 morts"
    for b in from.saturating_sub(6)..from {
        if let Some((m, next)) = measure_verb(a, b) {
            // "tuées et quinze autres ont été blessées": another clause
            // "a fait au moins dix morts, 90 personnes étant toujours
            // portées disparues": a comma ends the first verb's object
            let joined = next < from && matches!(a.low(next), "et" | "ou" | "dont" | "mais" | ",");
            if next >= from.saturating_sub(1) && a.same_sentence(b, from) && !joined {
                let subject = if refers_back { None } else { Some((ns, ne)) };
                return Some(Found {
                    measure: m,
                    subject,
                    words: tok_span(b, next),
                    refers_back,
                });
            }
        }
    }
    // a verb after the noun: "deux soldats avaient été tués"; "trois
    // policiers et deux civils ont succombé" (the verb shared by a list)
    let mut j = ne;
    let mut weak = None;
    while j < a.toks.len() && j < ne + 16 && a.same_sentence(j, ns) {
        // another clause: "104 personnes ont pu être secourues mais ..."
        if matches!(a.tok_text(j), ";" | "." | ":") || matches!(a.low(j), "mais" | "que" | "qu") {
            break;
        }
        if let Some((m, next)) = measure_verb(a, j) {
            // "à bord": people on board, unless a casualty verb follows
            // ("trois soldats à bord d'un hélicoptère ont été tués")
            if m == Measure::Other && a.low(j) == "a" {
                weak = weak.or(Some((m, j, next)));
            } else if m != Measure::Troops || soldier_like(a, ns) {
                return Some(Found {
                    measure: m,
                    subject: Some((ns, ne)),
                    words: tok_span(j, next),
                    refers_back,
                });
            }
        }
        j += 1;
    }
    if let Some((m, j, next)) = weak {
        return Some(Found {
            measure: m,
            subject: Some((ns, ne)),
            words: tok_span(j, next),
            refers_back,
        });
    }
    // "le nombre de victimes est de 202 personnes", "le bilan s'élève à
    // 116 personnes": people with no verb of their own, as the predicate
    // of a toll, count what the toll counts
    if !refers_back
        && from > 0
        && matches!(a.low(from - 1), "de" | "a")
        && matches!(
            a.low(from.saturating_sub(2)),
            "est" | "etait" | "eleve" | "elevait" | "bilan"
        )
    {
        if let Some((m, b, next, _)) = toll_before(a, from, floor) {
            return Some(Found {
                measure: m,
                subject: Some((ns, ne)),
                words: tok_span(b, next),
                refers_back,
            });
        }
    }
    // "le sort d'au moins cinq soldats ... est incertain", "on ignore le
    // sort de trois otages": people whose fate is unknown are missing
    if fate_unknown(a, from) {
        return Some(Found {
            measure: Measure::Missing,
            subject: Some((ns, ne)),
            words: tok_span(ns, ne),
            refers_back,
        });
    }
    // "onze morts, dont quatre enfants": the part has the measure of the whole
    if from >= 2 && a.low(from - 1) == "dont" {
        for b in from.saturating_sub(5)..from - 1 {
            if let Some((m, next)) = measure_noun(a, b).or_else(|| measure_verb(a, b)) {
                if next + 1 >= from - 1 && a.same_sentence(b, from) {
                    return Some(Found {
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
                    return Some(Found {
                        measure: m,
                        subject: Some((ns, ne)),
                        words: tok_span(b + 2, next),
                        refers_back,
                    });
                }
            }
        }
    }
    // "Parmi eux, trois enfants", "parmi lesquels deux soldats": a part of
    // the figure before, with its measure
    if let Some(p) = prev.filter(|p| p.end <= from && from - p.end <= 40) {
        let near = (from.saturating_sub(4)..from).any(|b| {
            a.low(b) == "parmi"
                && matches!(
                    a.low(b + 1),
                    "eux" | "elles" | "lesquels" | "lesquelles" | "ceux-ci" | "celles-ci"
                )
                && a.same_sentence(b, from)
        });
        if near {
            return Some(Found {
                measure: p.measure,
                subject: Some((ns, ne)),
                words: tok_span(ns, ne),
                refers_back,
            });
        }
    }
    // troop strength: a count of soldiers with a word of deployment nearby
    let lo = f.start.saturating_sub(12);
    let hi = (ne + 12).min(a.toks.len());
    let troop = (lo..hi)
        .any(|t| a.same_sentence(t, ns) && a.cue_has(t, |c| matches!(c, Cue::Troop)).is_some());
    if troop && soldier_like(a, ns) {
        return Some(Found {
            measure: Measure::Troops,
            subject: Some((ns, ne)),
            words: tok_span(ns, ne),
            refers_back,
        });
    }
    // "au moins quatre-vingt-douze personnes sont mortes dans la région de
    // Valence, dans la soirée et la nuit du mardi 29 au mercredi 30
    // octobre, et trois autres dans les régions voisines": "autres" are
    // more of what the sentence counted before, however far
    if refers_back {
        if let Some(p) = prev.filter(|p| {
            p.end <= from
                && from - p.end <= 48
                && a.same_sentence(p.end, from)
                && from > 0
                && matches!(a.low(from - 1), "et" | "ou")
        }) {
            return Some(Found {
                measure: p.measure,
                subject: Some((ns, ne)),
                words: tok_span(ns, ne),
                refers_back,
            });
        }
    }
    // "tué « vingt civils et une douzaine de membres »": the second of a
    // list takes the measure of the first
    shares_predicate(a, prev, from).map(|p| Found {
        measure: p.measure,
        subject: Some((ns, ne)),
        words: tok_span(ns, ne),
        refers_back,
    })
}

/// The figure just before, for lists and elliptical clauses: its last
/// token and its measure.
#[derive(Debug, Clone, Copy)]
struct Prev {
    end: usize,
    measure: Measure,
}

/// The previous figure's measure when this one, at token `from`, continues
/// its list or clause: same sentence, at most 8 tokens after it, joined by
/// "et", "ou" or a comma, with no word of measure in between.
fn shares_predicate(a: &Analysis, prev: Option<Prev>, from: usize) -> Option<Prev> {
    let p = prev?;
    if p.end > from || from - p.end > 8 || !a.same_sentence(p.end, from) {
        return None;
    }
    let mut joined = false;
    for t in p.end..from {
        match a.tok_text(t) {
            "." | ";" | ":" | "(" | ")" => return None,
            "," => joined = true,
            _ => {}
        }
        if matches!(a.low(t), "et" | "ou") {
            joined = true;
        }
        if matches!(a.low(t), "dont" | "que" | "qu" | "mais")
            || a.toks[t].kind == crate::extract::text::TokKind::Number
            || a.cue_has(t, |c| {
                matches!(c, Cue::MeasureNoun(_) | Cue::MeasureVerb(_) | Cue::Speech)
            })
            .is_some()
        {
            return None;
        }
    }
    joined.then_some(p)
}

/// The count before a figure with no noun at token `from` (its first
/// token after the figure `k`) that a place follows ("et un en
/// Andalousie", "dont une à l'Alcudia", "et six dans la ville de Letur"):
/// joined by "et" or "dont", in the same sentence. A facility
/// ("27 à l'hôpital") or a time is no place.
fn elided_by_place(a: &Analysis, prev: Option<Prev>, from: usize, k: usize) -> Option<Prev> {
    let p = prev?;
    if p.end > from || from - p.end > 30 || !a.same_sentence(p.end, from) || from == 0 {
        return None;
    }
    // (a list by commas, "290 morts dans la province d'Al Haouz, 190 dans
    // la province de Taroudant, 89 ...", is a breakdown of one toll)
    if !matches!(a.low(from - 1), "et" | "dont") {
        return None;
    }
    if !matches!(a.low(k), "en" | "a" | "au" | "aux" | "dans") {
        return None;
    }
    let mut j = k + 1;
    while matches!(a.low(j), "la" | "le" | "les" | "l") || matches!(a.tok_text(j), "'" | "’") {
        j += 1;
    }
    let generic = matches!(
        a.low(j),
        "ville" | "region" | "province" | "commune" | "village" | "departement" | "localite"
    ) && matches!(a.low(j + 1), "de" | "d");
    let place = a.is_cap(j) && a.cue(j).is_none() || generic;
    place.then_some(p)
}

/// The figure ends its clause ("le Hamas plus de 110.", "104, selon ..."):
/// what it counts is said before it.
fn ends_clause(a: &Analysis, k: usize) -> bool {
    k >= a.toks.len()
        || matches!(
            a.tok_text(k),
            "." | "," | ";" | ":" | ")" | "»" | "”" | "\""
        )
        || matches!(a.low(k), "selon" | "contre" | "et" | "ou" | "alors")
        // "est estimé à 50 000 par les services sociaux": the agent follows
        || a.low(k) == "par" && matches!(a.low(k + 1), "le" | "la" | "les" | "l")
        || a.cue_has(k, |c| matches!(c, Cue::Source)).is_some()
}

/// The toll a bare figure at token `from` completes, said before it in the
/// sentence: "le bilan est de 40", "porte le bilan à 40", "le nombre de
/// rescapés : 104", "le nombre de personnes portées disparues, indiquant
/// qu'il était désormais de 21", "Ces disparus seraient au nombre d'une
/// quarantaine". Returns the measure and the words that tell it.
#[allow(clippy::type_complexity)]
fn toll_before(
    a: &Analysis,
    from: usize,
    floor: usize,
) -> Option<(Measure, usize, usize, Option<(usize, usize)>)> {
    let sent = a.sent_of(from)?;
    let s0 = a.tok_at(sent.start);
    let lo = s0.max(from.saturating_sub(16)).max(floor);
    let mut b = from;
    while b > lo {
        b -= 1;
        if a.toks[b].kind == crate::extract::text::TokKind::Number {
            return None;
        }
        let low = a.low(b);
        // "le nombre de morts", "le nombre de personnes portées disparues"
        if low == "nombre" && matches!(a.low(b + 1), "de" | "d") {
            let mut n = b + 2;
            if matches!(a.tok_text(n), "'" | "’") {
                n += 1;
            }
            if let Some((m, next)) = measure_noun(a, n) {
                return Some((m, b, next, Some((n, next))));
            }
            if let Some(cn) = counted(a, n) {
                for v in cn..(cn + 4).min(from) {
                    if let Some((m, next)) = measure_verb(a, v) {
                        return Some((m, b, next, Some((n, cn))));
                    }
                }
            }
            // "au nombre de": the noun is before it ("Ces disparus seraient
            // au nombre d'une quarantaine"; "les camions, au nombre de
            // trente": a count of something else, measure other)
            if b > 0 && a.low(b - 1) == "au" {
                let c0 = s0.max(b.saturating_sub(6));
                for c in (c0..b).rev() {
                    if let Some((m, next)) = measure_noun(a, c) {
                        return Some((m, c, next, Some((c, next))));
                    }
                }
                for c in (c0..b).rev() {
                    let w = a.low(c);
                    let plural = w.len() > 3 && (w.ends_with('s') || w.ends_with('x'));
                    if plural
                        && c > 0
                        && matches!(a.low(c - 1), "les" | "des" | "ces" | "leurs" | "ses")
                        && a.cue(c).is_none()
                    {
                        return Some((Measure::Other, c, c + 1, Some((c, c + 1))));
                    }
                }
            }
            return None;
        }
        // "le bilan est de 40", "porte le bilan à 40", "Bilan : 40"
        if low == "bilan" || low == "bilans" {
            return Some((Measure::Killed, b, b + 1, None));
        }
    }
    None
}

/// A verb later in the clause of a noun ending at `from` that says what
/// happened to them: "300 réfugiés dans le théâtre de la ville ont été
/// tués", "Treize otages ont été libérés" (released: other).
fn casualty_verb_after(a: &Analysis, from: usize) -> Option<(Measure, usize, usize)> {
    let mut j = from;
    while j < a.toks.len() && j < from + 16 && a.same_sentence(j, from) {
        if matches!(a.tok_text(j), ";" | "." | ":" | ",")
            || matches!(a.low(j), "mais" | "que" | "qu" | "dont" | "et")
            || a.toks[j].kind == crate::extract::text::TokKind::Number
        {
            return None;
        }
        if let Some((m, next)) = measure_verb(a, j) {
            // "à bord" says where they were, not what happened to them
            let weak = m == Measure::Other && a.low(j) == "a";
            return (!weak && !matches!(m, Measure::Troops | Measure::Strikes))
                .then_some((m, j, next));
        }
        j += 1;
    }
    None
}

/// The figure at token `from` follows "le sort de" ("le sort d'au moins
/// cinq soldats") and its sentence says that fate is unknown ("est
/// incertain", "reste inconnu", "on ignore"), or follows "sans nouvelles
/// de".
fn fate_unknown(a: &Analysis, from: usize) -> bool {
    let mut b = from;
    if b > 0 && matches!(a.tok_text(b - 1), "'" | "’") {
        b -= 1;
    }
    if b < 2 || !matches!(a.low(b - 1), "de" | "d" | "des") {
        return false;
    }
    // "on est sans nouvelles de douze pêcheurs"
    if a.low(b - 2) == "nouvelles" && b >= 3 && a.low(b - 3) == "sans" {
        return true;
    }
    if a.low(b - 2) != "sort" {
        return false;
    }
    let Some(sent) = a.sent_of(from) else {
        return false;
    };
    let s0 = a.tok_at(sent.start);
    let s1 = a.tok_at(sent.end).min(from + 30);
    (s0.max(from.saturating_sub(8))..s1).any(|t| {
        let w = a.low(t);
        w.starts_with("incertain")
            || w.starts_with("inconnu")
            || w.starts_with("ignor")
            || w.starts_with("indetermin")
            || w == "inquietude"
    })
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
            | "parachutistes"
            | "commandos"
            | "legionnaires"
            | "fantassins"
    )
}

/// The subject phrase: the noun and what follows it ("soldats de l'Artsakh").
fn subject_text(a: &Analysis, ns: usize, ne: usize) -> (String, Span) {
    let mut end = ne;
    let mut k = ne;
    // "de l'Artsakh", "de souche", "russes"
    while k < a.toks.len() && k < ne + 4 {
        // not across a line break ("650 morts\n\nRestent les ...")
        let gap = a.text.get(a.toks[k - 1].end..a.toks[k].start).unwrap_or("");
        if gap.contains('\n') {
            break;
        }
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
        occurrences: Vec::new(),
        event: None,
        date: None,
        topic: None,
        denies: None,
    }
}

/// Numeric claims: one per figure that counts something; a range ("entre
/// 300 et 650 morts") gives two, its lower end `at_least` and its upper end
/// `at_most`, on one span (the form the gold and `eval` expect).
pub fn numeric(a: &Analysis, cx: &Context, figures: &[Figure], out: &mut Vec<LocalClaim>) {
    let mut last_subject: Option<(String, Option<usize>)> = None;
    let mut last_toks: Option<(usize, usize)> = None;
    let mut prev: Option<Prev> = None;
    let mut last_fig: Option<(usize, bool)> = None;
    for f in figures {
        if denied(a, f.bound_start.unwrap_or(f.start)) {
            prev = None;
            continue;
        }
        // "27 personnes informées, dont 19 survivants": a part of a whole
        // that counts nothing of the toll is not a toll either
        let from = f.bound_start.unwrap_or(f.start);
        let part_of_nothing = from > 0
            && a.low(from - 1) == "dont"
            && last_fig.is_some_and(|(end, claimed)| {
                !claimed && end <= from && from - end <= 8 && a.same_sentence(end, from)
            });
        let floor = last_fig.map_or(0, |(end, _)| end);
        let found = what_is_counted(a, f, prev, floor).filter(|_| !part_of_nothing);
        last_fig = Some((f.end, found.is_some()));
        let Some(mut c) = found else {
            continue;
        };
        if rejected(a, a.tok_at(c.words.end).max(f.end)) {
            continue;
        }
        // "une frappe" is an article; "un mort", "un soldat a été tué" count
        let casualty = matches!(
            c.measure,
            Measure::Killed | Measure::Wounded | Measure::Missing | Measure::Captured
        );
        if f.article && !casualty {
            continue;
        }
        // "raconte un blessé", "témoigne une rescapée": a person, not a
        // count; "54 morts, dont un civil": one of the toll singled out,
        // not a count of its own. "Un mort", "a fait un mort", "un mort et trois blessés"
        // count: the article alone counts at a clause start or after a
        // verb of toll.
        if f.article && f.bound_start.is_none() && c.subject.is_some() && !c.refers_back {
            let p = f.start.checked_sub(1);
            let opens = p.map_or(true, |p| {
                !a.is_word(p)
                    || !a.same_sentence(p, f.start)
                    || matches!(a.low(p), "et" | "ou" | "mais")
            });
            let toll_verb = (f.start.saturating_sub(3)..f.start)
                .any(|b| measure_verb(a, b).is_some_and(|(_, next)| next == f.start));
            let noun_first = a.tok_at(c.words.start) > f.start;
            let singled_out = p.is_some_and(|p| a.low(p) == "dont");
            // "il y a “apparemment une personne décédée”", "il y aurait un
            // mort": an existential counts, adverbs and quotes between
            let existential = (f.start.saturating_sub(5)..f.start)
                .any(|b| a.low(b) == "y" && matches!(a.low(b + 1), "a" | "aurait" | "avait"));
            if singled_out || noun_first && !opens && !toll_verb && !existential {
                continue;
            }
        }
        let Some(sent) = a.sent_of(f.start) else {
            continue;
        };
        c.measure = refine(a, &c);
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
        prev = Some(Prev {
            end: a.tok_at(span.end).max(f.end),
            measure: c.measure,
        });
        let (claimant, via) = cx.speakers.attribute(a, f.start);
        let speaker_country = claimant
            .and_then(|e| cx.reg.list.get(e))
            .filter(|e| e.kind == crate::model::EntityKind::Country)
            .map(|e| e.name.as_str());
        // "51 interpellés", "le Hamas plus de 110": those of the figure before
        let subject_toks = if c.refers_back { last_toks } else { c.subject };
        if !c.refers_back && c.measure != Measure::Strikes && c.subject.is_some() {
            last_toks = c.subject;
        }
        let counted_what = counted::fill(a, cx.reg, subject_toks, span, speaker_country);
        let quantities = match f.upper {
            Some(hi) => vec![
                quantity(f.quantity.value, Bound::AtLeast),
                quantity(hi, Bound::AtMost),
            ],
            None => vec![f.quantity],
        };
        for q in quantities {
            let mut claim = blank(ClaimKind::Numeric, Polarity::Affirm, span, sent);
            claim.claimant = claimant;
            claim.via = via.clone();
            claim.measure = Some(c.measure);
            claim.quantity = Some(q);
            claim.subject = (!subject.is_empty()).then(|| subject.clone());
            claim.subject_entity = subject_entity;
            claim.counted = counted_what.clone();
            claim.date = cx.date_for(sent, fstart);
            // A figure recalled from an earlier toll keeps the words that
            // say so as its topic, and the date it was reported.
            if let Some((cue, d)) =
                earlier::mark(a, f.bound_start.unwrap_or(f.start), f.end, claim.date)
            {
                claim.topic = Some(cue);
                claim.date = d;
            } else if let Some(d) = revised_from(a, f, claim.date) {
                // "portant le bilan de 116 à 121 victimes": the earlier
                // figure of a revision was reported before the later one
                claim.topic = Some(format!("de {} à", a.tok_text(f.start)));
                claim.date = Some(d);
            }
            out.push(claim);
        }
    }
}

/// The figure `f` is the earlier one of a revision ("le bilan est passé de
/// 12 à 19 morts", "portant le bilan de 116 à 121 victimes"): the day
/// before the revision (`given`, else the publication), as tolls are
/// revised day by day.
fn revised_from(a: &Analysis, f: &Figure, given: Option<DateRange>) -> Option<DateRange> {
    let before = f.bound_start.unwrap_or(f.start);
    let next_is_figure = a
        .toks
        .get(f.end + 1)
        .is_some_and(|t| t.kind == crate::extract::text::TokKind::Number)
        || a.lex.numbers.iter().any(|(w, _)| w == a.low(f.end + 1));
    if a.low(f.end) != "a" || !next_is_figure || !crate::extract::numbers::is_change(a, before) {
        return None;
    }
    let day = given.map(|d| d.start).or(a.meta.published)?.pred_opt()?;
    Some(DateRange {
        start: day,
        end: day,
        precision: crate::model::Precision::Day,
    })
}

fn quantity(value: f64, bound: Bound) -> Quantity {
    Quantity {
        value,
        bound,
        interval: crate::model::Interval::stated(value, bound),
    }
}

/// The measure told by the words after the first verb or noun:
/// "Quatre personnes ont dû être évacuées par hélicoptère" (a medical
/// evacuation: wounded, while "2 000 habitants évacués" are displaced);
/// "80 personnes décédées ou disparues", "morts ou blessés" (two measures
/// together: other).
fn refine(a: &Analysis, c: &Found) -> Measure {
    let v = a.tok_at(c.words.start);
    let next = a.tok_at(c.words.end);
    if matches!(a.low(next), "ou" | "et") {
        let second = measure_verb(a, next + 1).or_else(|| measure_noun(a, next + 1));
        if let Some((m2, _)) = second {
            if m2 != c.measure && m2 != Measure::Strikes && c.measure != Measure::Strikes {
                return Measure::Other;
            }
        }
    }
    if c.measure == Measure::Displaced && a.low(v).starts_with("evacu") {
        let medical = (next..next + 4).any(|t| {
            matches!(
                a.low(t),
                "helicoptere" | "hopital" | "hopitaux" | "sanitaire" | "soins" | "urgence"
            )
        });
        if medical {
            return Measure::Wounded;
        }
    }
    c.measure
}

/// The figure is called wrong just after it: "Le nombre de 700 passagers
/// est exagéré", "ces 60 000 morts sont un chiffre gonflé". `k`: the token
/// after the claim's words.
fn rejected(a: &Analysis, k: usize) -> bool {
    (k..(k + 5).min(a.toks.len()))
        .take_while(|&t| !matches!(a.tok_text(t), "." | ";" | ","))
        .any(|t| {
            let w = a.low(t);
            w.starts_with("exagere")
                || w.starts_with("surevalue")
                || w.starts_with("gonfle")
                || w.starts_with("errone")
                || w.starts_with("fantaisiste")
        })
}

/// A figure in what a denial verb rejects: "Je démens de façon formelle
/// que nous ayons 60.000 disparus", "nie avoir tué 300 civils". It is no
/// claim of the speaker (the denial itself is found by [`polar`]).
fn denied(a: &Analysis, from: usize) -> bool {
    let Some(sent) = a.sent_of(from) else {
        return false;
    };
    let s0 = a.tok_at(sent.start);
    let mut linked = false;
    for t in (s0.max(from.saturating_sub(12))..from).rev() {
        if matches!(a.tok_text(t), "." | ";" | "«" | "“")
            || a.cue_has(t, |c| matches!(c, Cue::Speech)).is_some()
        {
            return false;
        }
        if matches!(a.low(t), "que" | "qu" | "avoir") {
            linked = true;
        }
        // "démens", "dément", "démentons": any form of démentir or nier
        let low = a.low(t);
        if a.cue_has(t, |c| matches!(c, Cue::DenyVerb)).is_some()
            || low.starts_with("dement")
            || low.starts_with("demens")
            || matches!(low, "nie" | "nient" | "nions")
        {
            return linked;
        }
    }
    false
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
        // "qu'il n'y avait pas de victimes supplémentaires": no toll beyond
        // the one given confirms that toll, it denies nothing
        let beyond = !deny_verb
            && matches!(
                a.low(next),
                "supplementaires"
                    | "supplementaire"
                    | "additionnelles"
                    | "additionnelle"
                    | "additionnels"
                    | "additionnel"
            );
        if deny && !beyond {
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
