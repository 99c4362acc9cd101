//! What a figure counts, normalised: the category of those counted
//! ("soldats" → `soldiers`, "casques bleus" → `peacekeepers`), their side
//! ("soldats ukrainiens" → Ukraine, "de ses soldats" → the speaker's country,
//! "du côté russe" → Russia) and the scope of the count ("en Turquie" →
//! Turquie, "dans les deux pays" → `both`, "au total" → `total`). Comparison
//! uses it to keep one side's toll apart from the other's and a country's
//! toll apart from the total. Every field stays `None` when the text does
//! not say: "27 morts" tells neither who nor where.

use crate::extract::analysis::Analysis;
use crate::extract::entities::Registry;
use crate::model::{Counted, EntityKind, Span};

/// The normalised category of a head noun (folded, plural or singular).
/// "soldats" → soldiers, "civils" → civilians, "jihadistes" → militants.
pub fn category(head: &str) -> Option<&'static str> {
    let c = match head {
        "soldats" | "soldat" | "militaires" | "militaire" | "troupes" | "conscrits"
        | "reservistes" | "officiers" | "marins" | "sapeurs" => "soldiers",
        "casques bleus" | "soldats de la paix" => "peacekeepers",
        "civils" | "civil" | "civiles" | "victimes civiles" => "civilians",
        "personnes" | "personne" | "habitants" | "habitant" | "gens" | "villageois"
        | "ressortissants" | "fideles" | "passagers" | "passageres" | "familles" | "menages" => {
            "people"
        }
        "enfants" | "enfant" | "bebes" | "nourrissons" | "fillettes" | "garcons"
        | "adolescents" | "ecoliers" | "eleves" | "mineurs" => "children",
        "femmes" | "femme" => "women",
        "migrants" => "migrants",
        "refugies" | "refugiees" | "deplaces" | "deplacees" => "refugees",
        "otages" | "captifs" => "hostages",
        "prisonniers" | "prisonnieres" | "detenus" => "prisoners",
        "policiers" | "policier" | "gendarmes" | "agents" | "gardes-frontieres"
        | "garde-frontieres" => "police",
        "jihadistes" | "djihadistes" | "terroristes" | "rebelles" | "insurges" | "combattants"
        | "combattant" | "militants" | "miliciens" | "separatistes" | "islamistes"
        | "assaillants" | "mercenaires" | "supletifs" | "hommes armes" => "militants",
        "journalistes" => "journalists",
        "humanitaires" | "travailleurs humanitaires" | "secouristes" => "aid_workers",
        "medecins" => "medics",
        "rescapes" | "rescapees" | "survivants" | "survivantes" => "survivors",
        _ => return None,
    };
    Some(c)
}

/// Fill what is counted for a numeric claim whose subject noun is tokens
/// `[ns, ne)` (when there is one) and whose evidence is `span`.
/// `speaker_country`: the claimant's name when it is a country, for "de
/// ses soldats" (its own soldiers).
pub fn fill(
    a: &Analysis,
    reg: &Registry,
    subject: Option<(usize, usize)>,
    span: Span,
    speaker_country: Option<&str>,
) -> Counted {
    let mut out = Counted::default();
    let country_name = |low: &str| {
        a.lex
            .country_of_demonym(low)
            .and_then(|c| a.lex.entities.get(c.entity))
            .map(|e| e.name.clone())
    };
    if let Some((ns, ne)) = subject {
        let two = format!("{} {}", a.low(ns), a.low(ns + 1));
        let head = a.low(ns);
        out.category = category(&two)
            .or_else(|| category(head))
            .map(str::to_string);
        // "203 membres de groupes armés", "membres présumés de la katiba"
        if out.category.is_none() && head == "membres" {
            let armed = (ne..(ne + 6).min(a.toks.len())).any(|t| {
                matches!(
                    a.low(t),
                    "groupe"
                        | "groupes"
                        | "katiba"
                        | "milice"
                        | "milices"
                        | "armes"
                        | "jihadistes"
                        | "djihadistes"
                        | "terroristes"
                        | "rebelles"
                )
            });
            if armed {
                out.category = Some("militants".into());
            }
        }
        // "12 Palestiniens": a demonym as the noun is people of that country
        if out.category.is_none() && a.is_cap(ns) && country_name(head).is_some() {
            out.category = Some("people".into());
        }
        // "soldats ukrainiens", "civils palestiniens", "Palestiniens"
        for k in ns..(ne + 3).min(a.toks.len()) {
            if k >= ne && !a.is_word(k) {
                break;
            }
            if let Some(c) = country_name(a.low(k)) {
                out.side = Some(c);
                break;
            }
        }
        // "de ses soldats", "trois de leurs hommes": the speaker's own side
        if out.side.is_none() && ns > 0 && matches!(a.low(ns - 1), "ses" | "leurs" | "nos") {
            out.side = speaker_country.map(str::to_string);
        }
    }
    let (t0, t1) = (a.tok_at(span.start), a.tok_at(span.end));
    let Some(sent) = a.sent_of(t0) else {
        return out;
    };
    let s1 = a.tok_at(sent.end);
    // People counted by what happened to them, not by who they are:
    // "104 personnes ont pu être secourues" (survivors), "près de 600 à 700
    // personnes se trouvaient à bord" and "400 passagers" (those aboard).
    if matches!(out.category.as_deref(), None | Some("people" | "migrants")) {
        // The noun itself first ("300 passagers, 400, 500": the later
        // figures share it).
        let noun = subject.and_then(|(ns, _)| match a.low(ns) {
            "passagers" | "passageres" => Some("aboard"),
            "rescapes" | "rescapees" | "survivants" | "survivantes" => Some("survivors"),
            _ => None,
        });
        if let Some(c) = noun.or_else(|| predicate_category(a, t0, t1, a.tok_at(sent.start), s1)) {
            out.category = Some(c.to_string());
        }
    }
    // "du côté ukrainien", "côté russe": within the sentence, near the claim
    if out.side.is_none() {
        let lo = a.tok_at(sent.start).max(t0.saturating_sub(12));
        for k in lo..(t1 + 12).min(s1) {
            if a.low(k) == "cote" {
                if let Some(c) = country_name(a.low(k + 1)) {
                    out.side = Some(c);
                    break;
                }
            }
        }
    }
    // scope: after the claim, in its clause
    let mut k = t0;
    while k < s1 && k < t1 + 10 {
        if k >= t1 && matches!(a.tok_text(k), "," | ";" | "." | ":") {
            break;
        }
        let low = a.low(k);
        // "au total", "en tout"
        if (low == "au" && a.low(k + 1) == "total") || (low == "en" && a.low(k + 1) == "tout") {
            out.scope = Some("total".into());
            break;
        }
        // "dans les deux pays", "des deux côtés"
        if low == "deux" && matches!(a.low(k + 1), "pays" | "cotes" | "camps") {
            out.scope = Some("both".into());
            break;
        }
        // "en Turquie", "au Liban", "à Marioupol", "dans la région de
        // Kherson", "pour la seule région de Valence"
        if matches!(low, "en" | "au" | "aux" | "a" | "dans" | "pour") {
            if let Some(name) = place_at(a, reg, k + 1).or_else(|| region_of(a, reg, k + 1)) {
                // "en Turquie et en Syrie": both
                let and = (k + 2..k + 6).find(|&j| a.low(j) == "et");
                let second = and.and_then(|j| {
                    matches!(a.low(j + 1), "en" | "au" | "aux" | "a" | "dans")
                        .then(|| place_at(a, reg, j + 2))
                        .flatten()
                });
                out.scope = Some(match second {
                    Some(other) if other != name => "both".into(),
                    _ => name,
                });
                break;
            }
        }
        k += 1;
    }
    // "Le dernier bilan turc en date, fourni dimanche par l'Afad, est de
    // 44 374 morts": a toll named with a nationality counts that country's
    if out.scope.is_none() {
        // (a bounded look back: one sentence may be the whole text)
        let s0 = a.tok_at(sent.start).max(t0.saturating_sub(32));
        out.scope = (s0..t0).find_map(|k| {
            let toll = matches!(a.low(k), "bilan" | "bilans" | "decompte");
            (toll && a.is_word(k + 1) && !a.is_cap(k + 1))
                .then(|| country_name(a.low(k + 1)))
                .flatten()
        });
    }
    if out.scope.is_none() {
        out.scope = fronted_scope(a, reg, a.tok_at(sent.start), t0);
    }
    // "La seule région de Valence déplore 202 morts", "la ville recense 62
    // morts": a place that counts its dead is the scope of the count
    let s0 = a.tok_at(sent.start);
    let verb = (t0.saturating_sub(2).max(s0)..t0).find(|&k| {
        let w = a.low(k);
        w.starts_with("deplor") || w.starts_with("recens") || w.starts_with("denombr")
    });
    if let Some(v) = verb.filter(|_| out.scope.is_none()) {
        out.scope = (v.saturating_sub(6).max(s0)..v)
            .rev()
            .find_map(|k| place_at(a, reg, k).or_else(|| region_of(a, reg, k)));
    }
    out
}

/// A place named through a generic noun at token `i`: "la seule région de
/// Valence", "la province d'Albacete", "la ville de Letur".
fn region_of(a: &Analysis, reg: &Registry, mut i: usize) -> Option<String> {
    if matches!(a.low(i), "la" | "le" | "les" | "l") {
        i += 1;
    }
    if matches!(a.tok_text(i), "'" | "’") {
        i += 1;
    }
    if matches!(a.low(i), "seule" | "seul") {
        i += 1;
    }
    if !matches!(
        a.low(i),
        "region" | "province" | "ville" | "commune" | "departement" | "localite" | "village"
    ) {
        return None;
    }
    if !matches!(a.low(i + 1), "de" | "du" | "d") {
        return None;
    }
    place_at(a, reg, i + 2)
}

/// The scope a sentence gives all its figures in a phrase it opens with,
/// up to its first comma or colon: "En Syrie, ce sont au moins 1.444
/// personnes qui sont mortes" (Syrie); "Séismes en Turquie et en Syrie : Le
/// bilan passe à plus de 3 500 morts" (both); "Dans la partie de la Syrie
/// contrôlée par les forces gouvernementales, le bilan a grimpé à 711
/// morts" and "Dans les zones sous contrôle des rebelles, au moins 733
/// personnes ont été tuées" (the zone itself, a part of the country, never
/// compared with the country's toll nor with the other zone's).
fn fronted_scope(a: &Analysis, reg: &Registry, s0: usize, t0: usize) -> Option<String> {
    let end = (s0..t0.min(s0 + 16)).find(|&k| matches!(a.tok_text(k), "," | ":"))?;
    // (a place is found at its determiner and at its name: once each)
    let mut distinct: Vec<String> = (s0..end).filter_map(|k| place_at(a, reg, k)).collect();
    distinct.dedup();
    let opens = matches!(a.low(s0), "en" | "au" | "aux" | "a" | "dans" | "du");
    if distinct.len() >= 2 && (opens || a.tok_text(end) == ":") {
        return Some("both".into());
    }
    if !opens {
        return None;
    }
    // a bare place ("En Syrie,") or a zone described in words ("Dans la
    // partie de la Syrie contrôlée par ...", "Dans les zones rebelles");
    // a time ("Dans la nuit de samedi à dimanche,") is no scope
    let words = end - s0;
    let zone = (s0..end).any(|k| {
        matches!(
            a.low(k),
            "zone"
                | "zones"
                | "partie"
                | "parties"
                | "secteur"
                | "secteurs"
                | "territoire"
                | "territoires"
                | "province"
                | "provinces"
                | "region"
                | "regions"
        )
    });
    match distinct.first() {
        Some(place) if words <= 4 => Some(place.clone()),
        _ if zone && words >= 3 => a
            .text
            .get(a.toks[s0 + 1].start..a.toks[end - 1].end)
            .map(crate::extract::fold::fold),
        _ => None,
    }
}

/// The category a figure's clause gives those it counts by what befell
/// them: survivors ("ont pu être secourues", "sauvées", "retrouvés en vie")
/// or those aboard ("se trouvaient à bord", "comptait à son bord", "400
/// passagers"). Looks a few tokens before the figure, then on to the end
/// of its clause: in "qui comptait à son bord au moins 65 migrants dont 57
/// sans gilet de sauvetage, a été secourue" it is the boat that was rescued.
fn predicate_category(
    a: &Analysis,
    t0: usize,
    t1: usize,
    s0: usize,
    s1: usize,
) -> Option<&'static str> {
    let word = |k: usize| match a.low(k) {
        "secouru" | "secourus" | "secourue" | "secourues" | "sauve" | "sauves" | "sauvee"
        | "sauvees" | "rescape" | "rescapes" | "rescapee" | "rescapees" => Some("survivors"),
        "vie"
            if a.low(k.wrapping_sub(1)) == "en"
                && a.low(k.wrapping_sub(2)).starts_with("retrouve") =>
        {
            Some("survivors")
        }
        "passagers" | "passageres" => Some("aboard"),
        "bord" if matches!(a.low(k.wrapping_sub(1)), "a" | "son" | "leur") => Some("aboard"),
        _ => None,
    };
    // Back to the start of the clause: "104 rescapés, 82 morts" counts
    // no survivors among the dead.
    if let Some(c) = (t0.saturating_sub(4).max(s0)..t0)
        .rev()
        .take_while(|&k| !matches!(a.tok_text(k), "," | ";" | "." | ":"))
        .find_map(word)
    {
        return Some(c);
    }
    let mut k = t0;
    while k < s1 && k < t1 + 8 {
        if matches!(a.tok_text(k), "," | ";" | "." | ":") {
            break;
        }
        if let Some(c) = word(k) {
            return Some(c);
        }
        k += 1;
    }
    None
}

/// The place or country named at token `i` (after an optional article).
fn place_at(a: &Analysis, reg: &Registry, mut i: usize) -> Option<String> {
    if matches!(a.low(i), "la" | "le" | "les" | "l" | "'" | "’") {
        i += 1;
    }
    if matches!(a.tok_text(i), "'" | "’") {
        i += 1;
    }
    let start = a.toks.get(i)?.start;
    let m = reg.mentions.partition_point(|m| m.span.start < start);
    let m = reg.mentions.get(m).filter(|m| m.span.start == start)?;
    let e = reg.list.get(m.entity)?;
    matches!(e.kind, EntityKind::Place | EntityKind::Country).then(|| e.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_normalised() {
        assert_eq!(category("soldats"), Some("soldiers"));
        assert_eq!(category("casques bleus"), Some("peacekeepers"));
        assert_eq!(category("jihadistes"), Some("militants"));
        assert_eq!(category("civils"), Some("civilians"));
        assert_eq!(category("enfants"), Some("children"));
        assert_eq!(category("morts"), None);
    }

    fn counted_of(text: &str) -> Vec<Counted> {
        let x = crate::extract::Extractor::builtin();
        let got = x.extract(text, &Default::default(), &[]);
        got.claims
            .into_iter()
            .filter(|c| c.quantity.is_some())
            .map(|c| c.counted)
            .collect()
    }

    #[test]
    fn side_from_a_nationality_adjective() {
        let c = counted_of("Trois soldats ukrainiens ont été tués lundi.");
        assert_eq!(c[0].category.as_deref(), Some("soldiers"));
        assert_eq!(c[0].side.as_deref(), Some("Ukraine"));
    }

    #[test]
    fn side_of_the_speaker() {
        let c = counted_of("La Russie affirme que 12 de ses soldats ont été tués.");
        assert_eq!(c[0].side.as_deref(), Some("Russie"));
    }

    #[test]
    fn survivors_and_those_aboard_by_what_befell_them() {
        let c = counted_of("Au total, 104 personnes ont pu être secourues.");
        assert_eq!(c[0].category.as_deref(), Some("survivors"));
        let c = counted_of("Près de 600 personnes se trouvaient à bord du chalutier.");
        assert_eq!(c[0].category.as_deref(), Some("aboard"));
        let c = counted_of(
            "L'embarcation, qui comptait à son bord au moins 65 migrants, a été secourue.",
        );
        assert_eq!(c[0].category.as_deref(), Some("aboard"));
    }

    #[test]
    fn scope_place_both_and_total() {
        let c = counted_of("Le séisme a fait 5 000 morts en Turquie.");
        assert_eq!(c[0].scope.as_deref(), Some("Turquie"));
        let c = counted_of("Le séisme a fait 8 000 morts dans les deux pays.");
        assert_eq!(c[0].scope.as_deref(), Some("both"));
        let c = counted_of("Le séisme a fait 8 000 morts au total.");
        assert_eq!(c[0].scope.as_deref(), Some("total"));
    }
}
