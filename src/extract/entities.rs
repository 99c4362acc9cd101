//! Entities of one document: gazetteer names (countries, capitals, regions,
//! organizations, outlets, weapons), ministries and institutions built from
//! a nationality ("ministère russe de la Défense" = "ministère de la défense
//! russe"), acronyms in parentheses, persons from titles and name shapes,
//! and places from their context ("le village de X", "en direction de X, Y
//! et Z", "la frappe sur X", "le Grand X", "d'al-X"). One body keeps its
//! other names in the article: a ministry by its nationality or portfolio
//! alone ("le ministère russe", "La Défense russe"), a capital for a
//! government the article names ("autorités du Maroc" ... "Rabat"), an
//! outlet's regional edition, a handle after a name ("(@GDarmanin)").
//! Bodies are also found by their shape: a capitalised head with its
//! complements ("le Comité d'enquête"), a lower-case head with a complement
//! and a nationality ("le comité d'enquête russe"), a collective body
//! ("les services de secours"), venues by a foreign venue word ("Crocus
//! City Hall") and outlets by a media word ("al-Arabiya TV"); a place
//! inside such a name is no mention of the place. A body's own acronym or
//! name in parentheses ("l'agence gouvernementale de secours (Afad)", "le
//! Croissant-Rouge turc (Kizilay)") is another of its names, and places are
//! also known by their company in an enumeration ("d'Alep, Lattaquié, Hama,
//! Tartous") or by a particle inside their name ("Davao de Oro").
//! Site furniture never reaches this stage (set aside by cleaning), and no
//! rule takes a bare capitalised word for an entity.

use crate::extract::analysis::Analysis;
use crate::extract::fold::fold;
use crate::extract::{Cue, LocalEntity, Mention};
use crate::model::{Alias, EntityKind, Span};
use std::collections::{HashMap, HashSet};

/// The entities and mentions of one document under construction.
#[derive(Debug, Default)]
pub struct Registry {
    pub list: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    keys: HashMap<(EntityKind, String), usize>,
    /// The last ministry named, and the last one of each portfolio.
    last_ministry: Option<usize>,
    ministries: HashMap<usize, usize>,
    /// The last ministry named with each nationality (demonym index).
    national_ministries: HashMap<usize, usize>,
    /// The last institution named with each head.
    heads: HashMap<String, usize>,
    /// Mention start → (entity, span), for lookups by position.
    by_start: HashMap<usize, (usize, Span)>,
    /// The place and the country the document names most (see [`dominant`]).
    dominant: Vec<(EntityKind, Option<String>)>,
    /// Bodies named with a noun complement, by the folded noun ("enquete"
    /// of "Comité d'enquête"), for their agents ("les enquêteurs").
    complements: Vec<(String, usize)>,
}

impl Registry {
    pub fn entity(&mut self, name: &str, kind: EntityKind) -> usize {
        let key = (kind, fold(name));
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        self.list.push(LocalEntity {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
        });
        self.keys.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// Record that `surface` at `span` names entity `e`; a new spelling
    /// becomes an alias with `reason`.
    pub fn mention(&mut self, e: usize, span: Span, surface: &str, reason: &str) {
        if let Some(ent) = self.list.get_mut(e) {
            if surface != ent.name && !ent.aliases.iter().any(|a| a.name == surface) {
                let f = fold(surface);
                if !f.is_empty()
                    && f != fold(&ent.name)
                    && !ent.aliases.iter().any(|a| fold(&a.name) == f)
                {
                    ent.aliases.push(Alias {
                        name: surface.to_string(),
                        reason: reason.to_string(),
                    });
                }
                self.keys.entry((ent.kind, f)).or_insert(e);
            }
        }
        self.by_start.entry(span.start).or_insert((e, span));
        self.mentions.push(Mention { entity: e, span });
    }

    /// Give entity `e` a more specific `name`, its old name becoming an
    /// alias with `reason`.
    fn rename(&mut self, e: usize, name: &str, reason: &str) {
        let Some(ent) = self.list.get_mut(e) else {
            return;
        };
        let old = std::mem::replace(&mut ent.name, name.to_string());
        ent.aliases.retain(|x| fold(&x.name) != fold(name));
        ent.aliases.push(Alias {
            name: old,
            reason: reason.to_string(),
        });
        self.keys.insert((ent.kind, fold(name)), e);
    }

    pub fn kind(&self, e: usize) -> Option<EntityKind> {
        self.list.get(e).map(|x| x.kind)
    }

    fn known(&self, name: &str) -> Option<usize> {
        let f = fold(name);
        EntityKind::ALL
            .iter()
            .find_map(|k| self.keys.get(&(*k, f.clone())).copied())
    }
}

/// Run every entity rule over the document.
pub fn extract(a: &Analysis, gaz: &crate::extract::matcher::PhraseSet<usize>, reg: &mut Registry) {
    outlet_of_document(a, reg);
    gazetteer(a, gaz, reg);
    venues(a, reg);
    institutions(a, reg);
    acronyms(a, reg);
    outlets(a, reg);
    named_bodies(a, reg);
    national_bodies(a, reg);
    foreign_acronyms(a, reg);
    facilities(a, reg);
    persons(a, reg);
    places(a, reg);
    place_enumerations(a, reg);
    places_described(a, reg);
    places_of_attacks_by_pronoun(a, reg);
    places_struck(a, reg);
    towns_of_regions(a, reg);
    capitals_of_named_governments(a, reg);
    bodies_by_generic_head(a, reg);
    staffs_of_forces(a, reg);
    agents_of_bodies(a, reg);
    investigators_of_report(a, reg);
    un_agencies(a, reg);
    handles_after_names(a, reg);
    reg.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    reg.mentions.dedup();
    appositions(a, reg);
    offices_of_holders(a, reg);
}

/// "signé « Province Afrique de l'Ouest », c'est-à-dire l'État islamique
/// dans le Grand Sahara", "le JNIM, autrement dit la branche sahélienne
/// d'Al-Qaïda": a name restated as another is the same entity. The second
/// name's mentions in this document go to the first one, as an alias.
fn appositions(a: &Analysis, reg: &mut Registry) {
    let mut merges: Vec<(usize, usize, Span)> = Vec::new();
    for w in reg.mentions.windows(2) {
        let (m1, m2) = (&w[0], &w[1]);
        if m1.entity == m2.entity
            || m2.span.start <= m1.span.end
            || m2.span.start - m1.span.end > 40
            || reg.kind(m1.entity) != reg.kind(m2.entity)
        {
            continue;
        }
        let gap = fold(a.text.get(m1.span.end..m2.span.start).unwrap_or(""));
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !matches!(*w, "l" | "la" | "le" | "les"))
            .collect();
        if words == ["c", "est", "a", "dire"] || words == ["autrement", "dit"] {
            merges.push((m1.entity, m2.entity, m2.span));
        }
    }
    for (keep, gone, span) in merges {
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        for m in reg.mentions.iter_mut().filter(|m| m.entity == gone) {
            m.entity = keep;
        }
        for v in reg.by_start.values_mut().filter(|v| v.0 == gone) {
            v.0 = keep;
        }
        reg.mention_alias(keep, &surface, "restated (c'est-à-dire)");
        reg.forget(gone, keep);
    }
    reg.mentions.dedup();
}

fn outlet_of_document(a: &Analysis, reg: &mut Registry) {
    let Some(outlet) = a
        .meta
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    else {
        return;
    };
    let f = fold(outlet);
    let known = a.lex.entities.iter().find(|e| {
        e.kind == EntityKind::Outlet
            && (fold(&e.name) == f || e.aliases.iter().any(|x| fold(x) == f))
    });
    let e = match known {
        Some(k) => {
            let e = reg.entity(&k.name, EntityKind::Outlet);
            if fold(&k.name) != f {
                reg.mention_alias(e, outlet, "alias table");
            }
            e
        }
        None => reg.entity(outlet, EntityKind::Outlet),
    };
    // the outlet's own name in the text, possibly with a company suffix
    for seg in &a.segs {
        let Some(hay) = a.text.get(seg.start..seg.end) else {
            continue;
        };
        let mut from = 0;
        while let Some(p) = hay.get(from..).and_then(|h| h.find(outlet)) {
            let s = seg.start + from + p;
            let mut e_end = s + outlet.len();
            let rest = a.text.get(e_end..seg.end).unwrap_or("");
            // a whole name: not "La Croix" in "La Croix-Rouge", nor "RT" in "RTB"
            let before = a.text.get(..s).and_then(|t| t.chars().next_back());
            let mut after = rest.chars();
            let glued = before.is_some_and(char::is_alphanumeric)
                || match after.next() {
                    Some('-') => after.next().is_some_and(char::is_uppercase),
                    Some(c) => c.is_alphanumeric(),
                    None => false,
                };
            if glued {
                from = e_end - seg.start;
                continue;
            }
            for suf in &a.lex.corporate_suffixes {
                if let Some(r) = rest
                    .strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(suf.as_str()))
                {
                    if !r.chars().next().is_some_and(char::is_alphanumeric) {
                        e_end += 1 + suf.len();
                        break;
                    }
                }
            }
            let edition = regional_edition(a, e_end, seg.end);
            let regional = edition > e_end;
            e_end = edition;
            let surface = a.text.get(s..e_end).unwrap_or(outlet);
            let reason = if regional {
                "regional edition of the outlet"
            } else if e_end > s + outlet.len() {
                "corporate suffix"
            } else {
                "outlet of the document"
            };
            reg.mention(e, Span::new(s, e_end), surface, reason);
            from = e_end - seg.start;
        }
    }
}

impl Registry {
    /// Drop entity `gone`, whose mentions now name `keep`: later indices
    /// shift down by one everywhere they are held.
    fn forget(&mut self, gone: usize, keep: usize) {
        if gone >= self.list.len() {
            return;
        }
        self.list.remove(gone);
        let shift = |e: usize| match e {
            e if e == gone => keep - usize::from(keep > gone),
            e if e > gone => e - 1,
            e => e,
        };
        for m in &mut self.mentions {
            m.entity = shift(m.entity);
        }
        for v in self.keys.values_mut() {
            *v = shift(*v);
        }
        for v in self.by_start.values_mut() {
            v.0 = shift(v.0);
        }
        for v in self.heads.values_mut() {
            *v = shift(*v);
        }
        for v in self.ministries.values_mut() {
            *v = shift(*v);
        }
        self.last_ministry = self.last_ministry.map(shift);
        for v in self.national_ministries.values_mut() {
            *v = shift(*v);
        }
        for v in &mut self.complements {
            v.1 = shift(v.1);
        }
    }

    /// Entity `gone` is `keep` under another name: its names become
    /// aliases of `keep` and its mentions go to `keep`, then it is removed
    /// (indices above `gone` shift down by one).
    fn merge_into(&mut self, keep: usize, gone: usize, reason: &str) {
        if keep == gone || gone >= self.list.len() || keep >= self.list.len() {
            return;
        }
        let names: Vec<String> = std::iter::once(self.list[gone].name.clone())
            .chain(self.list[gone].aliases.iter().map(|x| x.name.clone()))
            .collect();
        for n in &names {
            self.mention_alias(keep, n, reason);
        }
        for m in self.mentions.iter_mut().filter(|m| m.entity == gone) {
            m.entity = keep;
        }
        for v in self.by_start.values_mut().filter(|v| v.0 == gone) {
            v.0 = keep;
        }
        self.forget(gone, keep);
    }

    fn mention_alias(&mut self, e: usize, surface: &str, reason: &str) {
        if let Some(ent) = self.list.get_mut(e) {
            let f = fold(surface);
            if f != fold(&ent.name) && !ent.aliases.iter().any(|a| fold(&a.name) == f) {
                ent.aliases.push(Alias {
                    name: surface.to_string(),
                    reason: reason.to_string(),
                });
            }
        }
    }
}

fn gazetteer(a: &Analysis, gaz: &crate::extract::matcher::PhraseSet<usize>, reg: &mut Registry) {
    let mut local: HashMap<usize, usize> = HashMap::new();
    let mut last_end = 0;
    for seg in &a.segs {
        for (span, ids) in gaz.find(a.text, *seg) {
            if span.start < last_end {
                continue; // inside a glued designation already taken
            }
            // prefer a country over a capital of the same spelling
            let Some(&id) = ids
                .iter()
                .find(|&&i| a.lex.entities[i].kind == EntityKind::Country)
                .or(ids.first())
            else {
                continue;
            };
            let le = &a.lex.entities[id];
            // inside a longer name found before: "France" in the outlet
            // "France 3"
            if reg
                .by_start
                .get(&span.start)
                .is_some_and(|(e, s)| s.end > span.end && reg.kind(*e) != Some(le.kind))
            {
                continue;
            }
            // "Croix-Rouge congolaise": a national body of a movement the
            // lexicon names, left to the organization patterns
            if le.kind == EntityKind::Organization {
                let t = a.tok_at(span.end);
                if a.toks.get(t).is_some_and(|x| x.start == span.end + 1)
                    && !a.is_cap(t)
                    && demonym_at(a, t).is_some()
                {
                    continue;
                }
            }
            let mut span = span;
            let mut glued = false;
            // glued model designations: "BayraktarTB2"
            if le.kind == EntityKind::Weapon {
                let rest = a.text.get(span.end..seg.end).unwrap_or("");
                let code: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    .collect();
                let spaced = format!(
                    "{} {}",
                    a.text.get(span.start..span.end).unwrap_or(""),
                    code
                );
                if !code.is_empty()
                    && (fold(&le.name) == fold(&spaced)
                        || le.aliases.iter().any(|x| fold(x) == fold(&spaced)))
                {
                    span = Span::new(span.start, span.end + code.len());
                    glued = true;
                }
            }
            // "dans le Grand Casablanca", "le Grand Paris": the metropolitan
            // area is a place of its own, not the city
            let t = a.tok_at(span.start);
            if le.kind == EntityKind::Place
                && t > 0
                && matches!(a.tok_text(t - 1), "Grand" | "Grande")
                && a.toks[t - 1].end + 1 == span.start
            {
                let wide = Span::new(a.toks[t - 1].start, span.end);
                let name = a.text.get(wide.start..wide.end).unwrap_or("");
                let e = reg.entity(name, EntityKind::Place);
                reg.mention(e, wide, name, "metropolitan area (Grand X)");
                last_end = span.end;
                continue;
            }
            let surface = a.text.get(span.start..span.end).unwrap_or("");
            let e = *local
                .entry(id)
                .or_insert_with(|| reg.entity(&le.name, le.kind));
            let reason = if glued {
                "glued model designation"
            } else {
                "alias table"
            };
            reg.mention(e, span, surface, reason);
            last_end = span.end;
        }
    }
}

/// Foreign words that end the name of a venue or a building: "Crocus City
/// Hall", "Manchester Arena", "World Trade Center", "Westgate Mall".
const VENUE_WORDS: &[&str] = &[
    "Hall", "Arena", "Center", "Mall", "Stadium", "Plaza", "Tower", "Towers", "Hotel", "Theatre",
    "Theater", "Garden", "Gardens", "Palace", "Square",
];

/// A run of capitalised words ending on a foreign venue word names a venue,
/// a place, wherever it stands and whatever noun introduces it: "au Crocus
/// City Hall", "a visé Crocus City Hall", "la salle de concert Crocus City
/// Hall". A place inside the name is no mention of that place
/// ("Manchester" in "Manchester Arena").
fn venues(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let mut inner: HashSet<usize> = HashSet::new();
    let mut found: Vec<Span> = Vec::new();
    for v in 1..a.toks.len() {
        if !VENUE_WORDS.contains(&a.tok_text(v)) {
            continue;
        }
        // the name goes on: "Madison Square Garden"
        if a.is_cap(v + 1)
            && !a.lex.stop_names.contains(a.low(v + 1))
            && a.text.get(a.toks[v].end..a.toks[v + 1].start) == Some(" ")
        {
            continue;
        }
        let mut s = v;
        while s > 0
            && v - s < 3
            && a.is_cap(s - 1)
            && !a.lex.stop_names.contains(a.low(s - 1))
            && a.text.get(a.toks[s - 1].end..a.toks[s].start) == Some(" ")
        {
            s -= 1;
        }
        if s == v {
            continue;
        }
        let span = Span::new(a.toks[s].start, a.toks[v].end);
        // inside a longer name found before
        let k = spans.partition_point(|c| c.start < span.start);
        if k > 0 && spans[k - 1].overlaps(&span) {
            continue;
        }
        let mut places = Vec::new();
        let mut other = false;
        for t in s..=v {
            if let Some(&(e, sp)) = reg.by_start.get(&a.toks[t].start) {
                let place = matches!(reg.kind(e), Some(EntityKind::Place | EntityKind::Country));
                if place && sp.end <= span.end {
                    places.push(sp.start);
                } else {
                    other = true;
                }
            }
        }
        if other {
            continue;
        }
        inner.extend(places);
        found.push(span);
    }
    if !inner.is_empty() {
        let kinds: Vec<Option<EntityKind>> = (0..reg.list.len()).map(|e| reg.kind(e)).collect();
        reg.mentions.retain(|m| {
            !(inner.contains(&m.span.start)
                && matches!(
                    kinds.get(m.entity).copied().flatten(),
                    Some(EntityKind::Place | EntityKind::Country)
                ))
        });
        for p in &inner {
            reg.by_start.remove(p);
        }
    }
    for span in found {
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = reg.entity(&name, EntityKind::Place);
        reg.mention(
            e,
            span,
            &name,
            "venue (a name ending in Hall, Arena, Center...)",
        );
    }
}

/// Ministries and institutions named with a nationality or a place.
fn institutions(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let mut i = 0;
    while i < n {
        let low = a.low(i);
        if low == "ministere" {
            if let Some(next) = ministry(a, reg, i) {
                i = next;
                continue;
            }
        }
        if let Some(next) = portfolio_with_nationality(a, reg, i) {
            i = next;
            continue;
        }
        if let Some((cues, next)) = a.cue(i) {
            if let Some(Cue::Institution(k)) =
                cues.iter().find(|c| matches!(c, Cue::Institution(_)))
            {
                if let Some(after) = institution(a, reg, i, next, *k) {
                    i = after;
                    continue;
                }
            }
        }
        i += 1;
    }
}

fn demonym_at(a: &Analysis, i: usize) -> Option<usize> {
    if !a.is_word(i) {
        return None;
    }
    a.lex.demonyms.get(a.low(i)).copied()
}

fn canonical_demonym(a: &Analysis, country: usize) -> String {
    a.lex
        .countries
        .get(country)
        .and_then(|c| c.demonym.clone())
        .unwrap_or_default()
}

/// The end of an owner's name after a portfolio: "du Hamas", "de Gaza"
/// (one or two capitalised words).
fn owner_after(a: &Analysis, j: usize) -> Option<usize> {
    if let Some(k) = territory_after(a, j) {
        return Some(k);
    }
    if !matches!(a.low(j), "du" | "de") || !a.is_cap(j + 1) || demonym_at(a, j + 1).is_some() {
        return None;
    }
    if a.lex.stop_names.contains(a.low(j + 1)) {
        return None;
    }
    let mut k = j + 2;
    if k < a.toks.len() && a.is_cap(k) && a.toks[k].start == a.toks[k - 1].end + 1 {
        k += 1;
    }
    Some(k)
}

/// The end of a territory named after a portfolio, the owner of a
/// regional ministry: "de la région de Moscou", "de l'oblast de Belgorod",
/// "du gouvernorat de Sfax" (a place noun of the lexicon, then a name).
fn territory_after(a: &Analysis, j: usize) -> Option<usize> {
    let noun = match (a.low(j), a.low(j + 1)) {
        ("du", _) => j + 1,
        ("de", "la") => j + 2,
        ("de", "l") if elision_at(a, j + 2) => j + 3,
        _ => return None,
    };
    let name = a
        .cue(noun)
        .filter(|(c, _)| {
            c.iter()
                .any(|x| matches!(x, Cue::Place { weak: false, .. }))
        })
        .map(|(_, next)| next)
        .filter(|&next| next > noun + 1 && matches!(a.low(next - 1), "de" | "d" | "'" | "’"))?;
    if !a.is_cap(name) || a.lex.stop_names.contains(a.low(name)) {
        return None;
    }
    let mut k = name + 1;
    if k < a.toks.len() && a.is_cap(k) && a.toks[k].start == a.toks[k - 1].end + 1 {
        k += 1;
    }
    Some(k)
}

fn ministry(a: &Analysis, reg: &mut Registry, i: usize) -> Option<usize> {
    let mut j = i + 1;
    let mut dem = demonym_at(a, j);
    if dem.is_some() {
        j += 1;
    }
    let portfolio = a.cue(j).and_then(|(c, next)| {
        c.iter().find_map(|x| {
            if let Cue::Ministry(k) = x {
                Some((*k, next))
            } else {
                None
            }
        })
    });
    let end_tok;
    let port = match portfolio {
        Some((k, next)) => {
            j = next;
            if dem.is_none() {
                dem = demonym_at(a, j);
                if dem.is_some() {
                    j += 1;
                }
            }
            end_tok = j;
            Some(k)
        }
        None => {
            end_tok = j;
            None
        }
    };
    let span = Span::new(a.toks[i].start, a.toks[end_tok - 1].end);
    let surface = a.text.get(span.start..span.end).unwrap_or("");
    let mut alias = None;
    let target = match (dem, port) {
        (Some(d), Some(p)) => {
            let name = format!(
                "ministère {} {}",
                canonical_demonym(a, d),
                a.lex.ministries[p][0]
            );
            let bare = format!("ministère {}", a.lex.ministries[p][0]);
            // "le ministère de l'Intérieur ... le ministère marocain de
            // l'Intérieur": the portfolio named alone first is this one
            let e = match reg.ministries.get(&p).copied() {
                Some(old)
                    if reg.list.get(old).is_some_and(|x| x.name == bare)
                        && !reg
                            .keys
                            .contains_key(&(EntityKind::Organization, fold(&name))) =>
                {
                    reg.rename(old, &name, "ministry named by its portfolio alone");
                    old
                }
                _ => reg.entity(&name, EntityKind::Organization),
            };
            reg.ministries.insert(p, e);
            reg.national_ministries.insert(d, e);
            reg.last_ministry = Some(e);
            alias = Some("ministry named by its portfolio and nationality");
            Some(e)
        }
        // "le ministère des affaires étrangères": the one of this portfolio
        // already named, else the next one
        // (without one, "ministère de la Santé" is an entity of its own)
        // "le ministère de la Santé du Hamas": a body named by its owner
        (None, Some(p)) if owner_after(a, end_tok).is_some() => {
            let owner_end = owner_after(a, end_tok).unwrap_or(end_tok);
            let full = Span::new(a.toks[i].start, a.toks[owner_end - 1].end);
            let name = a.text.get(full.start..full.end).unwrap_or("").to_string();
            let e = reg.entity(&name, EntityKind::Organization);
            reg.ministries.insert(p, e);
            reg.last_ministry = Some(e);
            reg.mention(e, full, &name, "ministry named by its portfolio and owner");
            return Some(owner_end);
        }
        // "le ministère de l'Intérieur marocain ... a affirmé le ministère
        // de l'Intérieur": the portfolio alone is another name of the
        // national one of this document (generic, never resolved across
        // documents by the store)
        (None, Some(p)) => Some(match reg.ministries.get(&p).copied() {
            Some(e) => {
                alias = Some("ministry named by its portfolio alone, in this document");
                e
            }
            None => {
                let name = format!("ministère {}", a.lex.ministries[p][0]);
                let e = reg.entity(&name, EntityKind::Organization);
                reg.ministries.insert(p, e);
                reg.last_ministry = Some(e);
                e
            }
        }),
        // "le ministère russe de la Défense ... Selon le ministère russe":
        // the nationality alone names the last ministry of that country
        (Some(d), None) => match reg.national_ministries.get(&d).copied() {
            Some(e) => {
                alias = Some("ministry named by its nationality, in this document");
                Some(e)
            }
            None => reg.last_ministry,
        },
        // "selon le ministère": the last ministry named
        (None, None) => {
            if a.low(i + 1) == "de" || a.low(i + 1) == "des" || a.low(i + 1) == "du" {
                None
            } else {
                reg.last_ministry
            }
        }
    };
    let e = target?;
    match alias {
        Some(reason) => reg.mention(e, span, surface, reason),
        // a reference back ("le ministère"), not another name of it
        None => reg.mentions.push(Mention { entity: e, span }),
    }
    Some(end_tok)
}

/// "— Gérald DARMANIN (@GDarmanin) September 3, 2024": a social-network
/// handle in parentheses right after a person's name (in any case) is
/// another name of that person.
fn handles_after_names(a: &Analysis, reg: &mut Registry) {
    let persons: Vec<(String, usize)> = reg
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(i, e)| (fold(&e.name), i))
        .collect();
    if persons.is_empty() {
        return;
    }
    let mut from = 0;
    while let Some(p) = a.text.get(from..).and_then(|t| t.find(" (@")) {
        let open = from + p + 1; // the '(' of " (@"
        from = open;
        let rest = a.text.get(open + 1..).unwrap_or("");
        let len = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        if len < 2 || !rest[len..].starts_with(')') {
            continue;
        }
        let handle = &rest[..len];
        // the name: the words before, back to the line's start or a dash
        let line_start = a.text[..open - 1].rfind('\n').map_or(0, |i| i + 1);
        let before = &a.text[line_start..open - 1];
        let name = before
            .rsplit(['—', '–', '-', ':'])
            .next()
            .unwrap_or(before)
            .trim();
        let f = fold(name);
        if let Some(&(_, e)) = persons.iter().find(|(n, _)| *n == f) {
            let span = Span::new(open + 1, open + 1 + len);
            reg.mention(e, span, handle, "handle after the name");
        }
    }
}

/// "L'équipe de France 3 Nord Pas-de-Calais": capitalised words after an
/// outlet's name that end on a known region or place are its regional
/// edition, another name of the outlet. The end of the edition, or `end`.
fn regional_edition(a: &Analysis, end: usize, seg_end: usize) -> usize {
    let rest = a.text.get(end..seg_end).unwrap_or("");
    let rest = rest.split('\n').next().unwrap_or("");
    if !rest.starts_with(' ') {
        return end;
    }
    let mut best = end;
    let mut at = end;
    for word in rest.split(' ').skip(1).take(3) {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        at += 1 + w.len();
        let f = fold(w);
        if a.lex.entities.iter().any(|e| {
            matches!(e.kind, EntityKind::Place | EntityKind::Country) && fold(&e.name) == f
        }) {
            best = at;
        }
        if w.len() != word.len() {
            break;
        }
    }
    best
}

/// "quand les autorités du Maroc le jugeront utile ... Rabat": in an article
/// that names a country's government, its capital is that government
/// (metonymy: "une relation migratoire classique avec Londres" beside "le
/// gouvernement britannique"); every mention of the capital moves to it.
fn capitals_of_named_governments(a: &Analysis, reg: &mut Registry) {
    for p in 0..reg.list.len() {
        if reg.kind(p) != Some(EntityKind::Place) {
            continue;
        }
        let Some(&country) = reg
            .list
            .get(p)
            .and_then(|x| a.lex.capitals.get(&fold(&x.name)))
        else {
            continue;
        };
        let dem = canonical_demonym(a, country);
        if dem.is_empty() {
            continue;
        }
        let gov_key = (
            EntityKind::Organization,
            fold(&format!("gouvernement {dem}")),
        );
        let Some(&g) = reg.keys.get(&gov_key) else {
            continue;
        };
        // "lors d'un point presse à Tel-Aviv" stays a place, and so does
        // the city after a place noun ("la banlieue ouest de Moscou", "la
        // région de Moscou") or in apposition to "capitale" ("la capitale
        // russe Moscou")
        let locative = |span: Span| {
            let t = a.tok_at(span.start);
            let place_cue = (t.saturating_sub(5)..t).any(|k| {
                a.cue(k).is_some_and(|(c, next)| {
                    next == t && c.iter().any(|x| matches!(x, Cue::Place { .. }))
                })
            });
            let capital = t > 0
                && (a.low(t - 1) == "capitale"
                    || t > 1 && a.low(t - 2) == "capitale" && demonym_at(a, t - 1).is_some());
            let of_place = t > 1
                && matches!(a.low(t - 1), "de" | "d")
                && matches!(
                    a.low(t - 2),
                    "banlieue"
                        | "environs"
                        | "peripherie"
                        | "ouest"
                        | "est"
                        | "nord"
                        | "sud"
                        | "centre"
                        | "region"
                        | "ville"
                        | "pres"
                );
            // "Par Sophie Douce (Ouagadougou, correspondance)": where the
            // reporter writes from
            let byline = t > 0 && a.tok_text(t - 1) == "(";
            t > 0 && matches!(a.low(t - 1), "a" | "depuis" | "vers" | "dans")
                || byline
                || place_cue
                || capital
                || of_place
        };
        let moved: Vec<Span> = reg
            .mentions
            .iter()
            .filter(|m| m.entity == p && !locative(m.span))
            .map(|m| m.span)
            .collect();
        reg.mentions.retain(|m| m.entity != p || locative(m.span));
        for span in moved {
            reg.by_start.remove(&span.start);
            let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
            reg.mention(g, span, &surface, "metonymy (capital for its government)");
        }
    }
}

/// "La Défense russe a précisé que": a one-word portfolio, capitalised, with
/// a nationality and no "ministère", is that country's ministry.
fn portfolio_with_nationality(a: &Analysis, reg: &mut Registry, i: usize) -> Option<usize> {
    // the portfolio with its own article, not inside a title ("le ministre
    // de la Défense russe" is a person's)
    let article = match a.low(i.wrapping_sub(1)) {
        "la" => 1,
        "'" | "’" if a.low(i.wrapping_sub(2)) == "l" => 2,
        _ => return None,
    };
    if !a.is_cap(i) || i < article || matches!(a.low(i.wrapping_sub(article + 1)), "de" | "d") {
        return None;
    }
    let d = demonym_at(a, i + 1)?;
    let word = a.tok_text(i);
    let p = a.lex.ministries.iter().position(|forms| {
        forms.first().is_some_and(|f| {
            let noun = f
                .strip_prefix("de la ")
                .or_else(|| f.strip_prefix("de l'"))
                .or_else(|| f.strip_prefix("de l’"))
                .unwrap_or("");
            noun == word
        })
    })?;
    let name = format!(
        "ministère {} {}",
        canonical_demonym(a, d),
        a.lex.ministries[p][0]
    );
    let e = reg.entity(&name, EntityKind::Organization);
    reg.ministries.entry(p).or_insert(e);
    reg.national_ministries.insert(d, e);
    let span = Span::new(a.toks[i].start, a.toks[i + 1].end);
    let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
    reg.mention(
        e,
        span,
        &surface,
        "portfolio and nationality without ministère",
    );
    Some(i + 2)
}

fn institution(a: &Analysis, reg: &mut Registry, i: usize, next: usize, k: usize) -> Option<usize> {
    let inst = a.lex.institutions.get(k)?;
    let start = a.toks[i].start;
    // a name the gazetteer already took ("armée israélienne" is Tsahal)
    if reg.by_start.contains_key(&start) {
        return None;
    }
    let municipal = inst
        .template
        .as_deref()
        .is_some_and(|t| t.contains("{place}"));
    if let Some(d) = demonym_at(a, next).filter(|_| !municipal) {
        let mut end = next + 1;
        // "les autorités maliennes de transition"
        if a.low(end) == "de" && a.low(end + 1) == "transition" {
            end += 2;
        }
        let span = Span::new(start, a.toks[end - 1].end);
        let surface = a.text.get(span.start..span.end).unwrap_or("");
        let name = match &inst.template {
            Some(t) => t.replace("{dem}", &canonical_demonym(a, d)),
            None => surface.to_string(),
        };
        let e = reg.entity(&name, EntityKind::Organization);
        let reason = if inst.template.is_some() {
            "alias table (institution)"
        } else {
            "head with nationality"
        };
        reg.mention(e, span, surface, reason);
        // a common-noun head alone ("les séparatistes") names the same group
        // in this document; the store never resolves it across documents
        if inst.template.is_none() && !inst.head.chars().any(char::is_uppercase) {
            reg.mention_alias(e, &inst.head, "head noun");
        }
        reg.heads.insert(inst.key.clone(), e);
        return Some(end);
    }
    // "autorités du Haut-Karabakh": head + de + a named place or country
    let de = a.low(next);
    if matches!(de, "du" | "de" | "des" | "d") {
        let mut j = next + 1;
        if matches!(a.low(j), "la" | "l") {
            j += 1;
        }
        if matches!(a.tok_text(j), "'" | "’") {
            j += 1;
        }
        if let Some(m) = a
            .toks
            .get(j)
            .and_then(|t| reg.by_start.get(&t.start))
            .copied()
        {
            // "Conseil de sécurité de l'ONU": an organ speaks for its organization
            if reg.kind(m.0) == Some(EntityKind::Organization)
                && inst.head.starts_with(char::is_uppercase)
            {
                let span = Span::new(start, m.1.end);
                let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
                reg.mention(m.0, span, &surface, "organ of the organization");
                return Some(a.tok_at(m.1.end));
            }
            if !matches!(reg.kind(m.0), Some(EntityKind::Place | EntityKind::Country)) {
                return None;
            }
            let span = Span::new(start, m.1.end);
            let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
            // "conseil municipal de Marioupol" is the "mairie de Marioupol";
            // "le gouvernement du Mali" is the "gouvernement malien"
            let owner = reg
                .list
                .get(m.0)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            // "les autorités de Moscou" are the Russian government: a
            // capital stands for its country
            let national = match reg.kind(m.0) {
                Some(EntityKind::Country) => country_demonym(a, &owner),
                _ if !municipal => a.lex.capitals.get(&fold(&owner)).copied(),
                _ => None,
            };
            let name = match (&inst.template, national) {
                (Some(t), _) if municipal => t.replace("{place}", &owner),
                (Some(t), Some(d)) if t.contains("{dem}") => {
                    t.replace("{dem}", &canonical_demonym(a, d))
                }
                _ => surface.clone(),
            };
            let e = reg.entity(&name, EntityKind::Organization);
            reg.mention(e, span, &surface, "institution of a place");
            // "la préfecture maritime de la Manche ... la préfecture
            // maritime": the head alone names it in this document (the
            // store never resolves a generic head across documents)
            if inst.template.is_none() && !inst.head.chars().any(char::is_uppercase) {
                reg.mention_alias(e, &inst.head, "head noun");
            }
            reg.heads.insert(inst.key.clone(), e);
            return Some(a.tok_at(m.1.end));
        }
    }
    // the head alone refers back to the last institution of that head
    // ("les garde-côtes grecs ... selon les garde-côtes"); failing that, a
    // national body's head alone is the one of the country (or, for a town's
    // council, the town) the document is about: "selon la mairie" in an
    // article on Marioupol. A reference back, never a corpus-wide name.
    let mut end = next;
    if municipal
        && a.low(end) == "de"
        && matches!(a.low(end + 1), "la" | "cette")
        && a.low(end + 2) == "ville"
    {
        end += 3; // "le conseil municipal de la ville"
    }
    let span = Span::new(start, a.toks[end - 1].end);
    let head = Span::new(start, a.toks[next - 1].end);
    let surface = a.text.get(head.start..head.end).unwrap_or("").to_string();
    let e = match reg.heads.get(&inst.key) {
        Some(&e) => e,
        // "une réunion du Conseil de sécurité": a capitalised head is a
        // proper name of its own (never merged across documents alone)
        None if inst.template.is_none()
            && inst.head.starts_with(char::is_uppercase)
            && a.is_cap(i) =>
        {
            let e = reg.entity(&surface, EntityKind::Organization);
            reg.heads.insert(inst.key.clone(), e);
            e
        }
        None => {
            let t = inst.template.as_deref()?;
            let name = if municipal {
                // the town the article is about, named more than any other:
                // not the dateline's capital among the provinces of a region
                // struck ("Rabat — ... les autorités locales")
                if !clear_winner(a, reg, EntityKind::Place) {
                    return None;
                }
                let place = dominant(reg, EntityKind::Place)?;
                t.replace("{place}", &place)
            } else if t.contains("{dem}")
                && fold(t).starts_with(&inst.key)
                // "le gouvernement", "les autorités" alone are too loose
                // (France's own, the local ones, the occupying power's) to
                // name one country's body from the document alone; a
                // specific body ("les garde-côtes") is the country's
                && inst.key != "gouvernement"
            {
                let country = dominant(reg, EntityKind::Country)?;
                let d = country_demonym(a, &country)?;
                t.replace("{dem}", &canonical_demonym(a, d))
            } else if fold(&surface) == "gouvernement"
                && (speech_ends_at(a, i)
                    || i > 0 && a.low(i - 1) == "le" && speech_ends_at(a, i - 1)
                    || a.cue_has(next, |c| matches!(c, Cue::Speech)).is_some())
            {
                // "Selon le gouvernement, ...", "a confié le gouvernement":
                // a speaker of its own in this document, though no owner
                // is named; the name stays generic, never merged across
                // documents
                "gouvernement".to_string()
            } else {
                return None;
            };
            let e = reg.entity(&name, EntityKind::Organization);
            reg.heads.insert(inst.key.clone(), e);
            e
        }
    };
    reg.mention(
        e,
        span,
        &surface,
        "generic head, owner named in this document",
    );
    Some(end)
}

/// "les services de secours" alone, with no owner and no body of that head
/// named before: the body the article names in full with the same head
/// ("le porte-parole des services de secours ... du 'Service de secours et
/// des urgences' libyen", before or after), else, as a speaker ("selon les
/// services de secours"), a body of its own under its generic name, which
/// the store never merges across documents.
fn bodies_by_generic_head(a: &Analysis, reg: &mut Registry) {
    let mut cache: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..a.toks.len() {
        let Some((cues, next)) = a.cue(i) else {
            continue;
        };
        let Some(inst) = cues
            .iter()
            .find_map(|c| match c {
                Cue::Institution(k) => a.lex.institutions.get(*k),
                _ => None,
            })
            .filter(|x| x.template.is_none())
        else {
            continue;
        };
        if reg.by_start.contains_key(&a.toks[i].start) || reg.heads.contains_key(&inst.key) {
            continue;
        }
        let span = Span::new(a.toks[i].start, a.toks[next - 1].end);
        let head = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let f = fold(&head);
        if !a.lex.generic_heads.contains(&f) {
            continue;
        }
        // "services de secours" → "service de secours"
        let singular = match f.split_once(' ') {
            Some((w, rest)) => format!("{} {rest}", w.strip_suffix('s').unwrap_or(w)),
            None => f.strip_suffix('s').unwrap_or(&f).to_string(),
        };
        // the bodies named with this head, looked up once per head
        let named = cache.entry(f.clone()).or_insert_with(|| {
            reg.list
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    let n = fold(&e.name);
                    e.kind == EntityKind::Organization
                        && (n.starts_with(&format!("{singular} "))
                            || n.starts_with(&format!("{f} ")))
                })
                .map(|(k, _)| k)
                .collect()
        });
        let det = match i.checked_sub(1) {
            Some(d) if elision_at(a, d) => d - 1,
            Some(d) if matches!(a.low(d), "le" | "la" | "les") => d,
            _ => i,
        };
        let speaker = speech_ends_at(a, i)
            || speech_ends_at(a, det)
            || a.cue_has(next, |c| matches!(c, Cue::Speech)).is_some();
        // a collective speaker is plural ("les services de secours"); "la
        // présidence" alone is left to the attribution of its country
        let plural = f
            .split(' ')
            .next()
            .is_some_and(|w| w.ends_with('s') || w.ends_with('x'));
        let e = match named.as_slice() {
            [e] => *e,
            [] if speaker && plural => reg.entity(&head, EntityKind::Organization),
            _ => continue,
        };
        reg.mention(e, span, &head, "generic head of a body of this document");
    }
}

/// The demonym index of a country by its canonical name ("Mali" → "malien").
fn country_demonym(a: &Analysis, country: &str) -> Option<usize> {
    a.lex.demonyms.get(&fold(country)).copied().or_else(|| {
        a.lex
            .entities
            .iter()
            .position(|x| x.name == country)
            .and_then(|ent| a.lex.countries.iter().position(|c| c.entity == ent))
    })
}

/// The entity of `kind` the document names most often, by its canonical
/// name.
/// Counted once per document and kind (linear in the mentions).
fn dominant(reg: &mut Registry, kind: EntityKind) -> Option<String> {
    if let Some((_, d)) = reg.dominant.iter().find(|(k, _)| *k == kind) {
        return d.clone();
    }
    let d = count_dominant(reg, kind);
    reg.dominant.push((kind, d.clone()));
    d
}

/// Whether one entity of `kind` is named more often than any other.
///
/// A capital does not count: it is mostly its government ("Moscou a imputé").
fn clear_winner(a: &Analysis, reg: &Registry, kind: EntityKind) -> bool {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for m in &reg.mentions {
        let capital = reg
            .list
            .get(m.entity)
            .is_some_and(|e| a.lex.capitals.contains_key(&fold(&e.name)));
        if reg.kind(m.entity) == Some(kind) && !capital {
            *counts.entry(m.entity).or_default() += 1;
        }
    }
    let mut c: Vec<usize> = counts.into_values().collect();
    c.sort_unstable_by(|x, y| y.cmp(x));
    match c.as_slice() {
        [] => false,
        [_] => true,
        [first, second, ..] => first > second,
    }
}

fn count_dominant(reg: &Registry, kind: EntityKind) -> Option<String> {
    // entity → (mentions, first position); a tie goes to the one named
    // first, a town named before the capital that speaks for the country
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for m in &reg.mentions {
        if reg.list.get(m.entity).is_some_and(|e| e.kind == kind) {
            let c = counts.entry(m.entity).or_insert((0, m.span.start));
            c.0 += 1;
            c.1 = c.1.min(m.span.start);
        }
    }
    let best = counts
        .into_iter()
        .max_by_key(|(e, (c, first))| (*c, std::cmp::Reverse(*first), std::cmp::Reverse(*e)))?;
    reg.list.get(best.0).map(|x| x.name.clone())
}

/// "Organisation du traité de sécurité collective (OTSC)", and the acronym
/// alone afterwards.
fn acronyms(a: &Analysis, reg: &mut Registry) {
    let mut found: HashMap<String, usize> = HashMap::new();
    let mut inside: HashSet<(usize, usize)> = HashSet::new();
    let quote = |t: &str| matches!(t, "\"" | "«" | "»" | "“" | "”");
    for i in 2..a.toks.len().saturating_sub(1) {
        // "(RPD)", and quoted: '("RPD")'
        let (open, close) = if quote(a.tok_text(i - 1)) && quote(a.tok_text(i + 1)) {
            (i.saturating_sub(2), i + 2)
        } else {
            (i - 1, i + 1)
        };
        if a.tok_text(open) != "(" || a.tok_text(close) != ")" || open == 0 {
            continue;
        }
        let acr = a.tok_text(i);
        let letters: Vec<char> = acr.chars().collect();
        // "(Otan)", "(Unicef)": the press writes acronyms of four letters
        // or more as words
        let word_like = (4..=6).contains(&letters.len())
            && letters[0].is_uppercase()
            && letters[1..].iter().all(|c| c.is_lowercase());
        if !(2..=6).contains(&letters.len())
            || !(word_like || letters.iter().all(|c| c.is_uppercase()))
        {
            continue;
        }
        // walk back over the words whose initials spell the acronym
        let mut k = letters.len();
        let mut j = open;
        let mut first = None;
        // one lower-case word the initials skip: 'la "république populaire"
        // autoproclamée de Donetsk ("RPD")'
        let mut skipped = false;
        while k > 0 && j > 0 && i - j < 16 {
            j -= 1;
            if !a.is_word(j) {
                if matches!(a.tok_text(j), "'" | "’" | "-") || quote(a.tok_text(j)) {
                    continue;
                }
                break;
            }
            let w = a.tok_text(j);
            if matches!(
                fold(w).as_str(),
                "de" | "du" | "des" | "la" | "le" | "l" | "d" | "et" | "pour" | "les"
            ) {
                continue;
            }
            let c = w.chars().next().unwrap_or(' ');
            if c.to_uppercase().eq(letters[k - 1].to_uppercase()) {
                k -= 1;
                first = Some(j);
            } else if !skipped && first.is_some() && c.is_lowercase() && w.chars().count() > 3 {
                skipped = true;
            } else {
                break;
            }
        }
        let (0, Some(f)) = (k, first) else { continue };
        // a word-like acronym only after a capitalised name ("(Mali)" after
        // words that happen to start with M, A, L, I is no acronym)
        let not_a_body = |e: usize| {
            matches!(
                reg.kind(e),
                Some(EntityKind::Place | EntityKind::Country | EntityKind::Person)
            )
        };
        if word_like
            && (!a.is_cap(f)
                || reg.known(acr).is_some_and(not_a_body)
                || reg
                    .by_start
                    .get(&a.toks[f].start)
                    .is_some_and(|m| not_a_body(m.0)))
        {
            continue;
        }
        // the name ends before the parenthesis (and a closing quote)
        let mut last = open - 1;
        while last > f && !a.is_word(last) {
            last -= 1;
        }
        let span = Span::new(a.toks[f].start, a.toks[last].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = match reg.known(&name).or_else(|| reg.known(acr)) {
            Some(e) => e,
            None => reg.entity(&name, EntityKind::Organization),
        };
        // "l'Alliance des Etats du Sahel (AES)": a place inside a body's
        // name is no mention of the place
        if reg.kind(e) == Some(EntityKind::Organization) {
            for t in f..=last {
                if let Some(&(p, sp)) = reg.by_start.get(&a.toks[t].start) {
                    if p != e
                        && sp.end <= span.end
                        && matches!(reg.kind(p), Some(EntityKind::Place | EntityKind::Country))
                    {
                        inside.insert((sp.start, sp.end));
                    }
                }
            }
        }
        reg.mention(e, span, &name, "name before its acronym");
        reg.mention(e, a.toks[i].span(), acr, "acronym");
        found.insert(acr.to_string(), e);
    }
    if !inside.is_empty() {
        reg.mentions
            .retain(|m| !inside.contains(&(m.span.start, m.span.end)));
        for (start, _) in &inside {
            reg.by_start.remove(start);
        }
    }
    if found.is_empty() {
        return;
    }
    for (k, t) in a.toks.iter().enumerate() {
        if let Some(&e) = found.get(t.text(a.text)) {
            if a.tok_text(k.wrapping_sub(1)) != "(" && !reg.by_start.contains_key(&t.start) {
                reg.mentions.push(Mention {
                    entity: e,
                    span: t.span(),
                });
                reg.by_start.insert(t.start, (e, t.span()));
            }
        }
    }
}

/// Whether token `k` is an acronym as the press writes it: "AFAD",
/// "OPFM", or a word-like "Afad" (four to six letters) when `word_like`.
fn acronym_token(a: &Analysis, k: usize, word_like: bool) -> bool {
    let w = a.tok_text(k);
    let n = w.chars().count();
    a.is_word(k)
        && (2..=6).contains(&n)
        && w.chars().all(char::is_alphabetic)
        && (w.chars().all(char::is_uppercase)
            || (word_like
                && (4..=6).contains(&n)
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)))
}

/// Whether a body's name ends at byte `end` (see `foreign_acronyms`).
fn ending_org(reg: &Registry, ending: &HashMap<usize, usize>, end: usize) -> bool {
    ending
        .get(&end)
        .and_then(|st| reg.by_start.get(st))
        .is_some_and(|m| m.1.end == end && reg.kind(m.0) == Some(EntityKind::Organization))
}

/// A body's head ("agence", "organisme", "Bureau").
pub(crate) fn body_head(a: &Analysis, k: usize) -> bool {
    a.is_word(k) && (INSTITUTION_NOUNS.contains(&a.low(k)) || a.low(k) == "organisme")
}

/// The end (exclusive) of a lower-case body's description opened by the
/// head at `h`: adjectives, nationalities and noun complements ("organisme
/// public turc de gestion des catastrophes"); `None` when the head stands
/// alone.
pub(crate) fn body_description_end(a: &Analysis, h: usize, limit: usize) -> Option<usize> {
    let mut end = h + 1;
    let mut k = h + 1;
    while k < limit && k < h + 10 && a.same_sentence(k, h) {
        let low = a.low(k);
        if matches!(low, "de" | "du" | "des" | "d" | "la" | "l" | "'" | "’") {
            k += 1;
            continue;
        }
        let word = a.is_word(k) && !a.is_cap(k) && low.chars().count() > 2;
        let adjective = k == end
            && (demonym_at(a, k).is_some()
                || low == "public"
                || ADJECTIVE_ENDINGS.iter().any(|e| low.ends_with(e)));
        if word
            && (after_de(a, k) || adjective)
            && a.cue_has(k, |c| {
                matches!(
                    c,
                    Cue::Speech | Cue::MeasureVerb(_) | Cue::Source | Cue::DenyVerb | Cue::Accuse
                )
            })
            .is_none()
        {
            end = k + 1;
            k += 1;
            continue;
        }
        break;
    }
    (end > h + 1).then_some(end)
}

/// Acronyms that do not spell the French name, being the body's own
/// (foreign) ones, and acronyms restated by a description:
/// - "l'Agence publique turque de gestion des catastrophes (Afad)", "le
///   Bureau du commissaire provincial des incendies (OPFM)": a body's name
///   before a parenthesised acronym;
/// - "l'agence gouvernementale de secours (Afad)": a lower-case head
///   ("agence", "bureau", "organisme") with its complements before one;
/// - "par l'AFAD, organisme public turc de gestion des catastrophes": an
///   acronym followed by such a description.
///
/// One acronym is one body in the article: its names become aliases.
fn foreign_acronyms(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let non_body = |reg: &Registry, e: usize| {
        matches!(
            reg.kind(e),
            Some(EntityKind::Place | EntityKind::Country | EntityKind::Person | EntityKind::Outlet)
        )
    };
    let mut taken: HashSet<&str> = HashSet::new();
    let mut merges = 0;
    // the longest mention ending at each byte, looked up by position (the
    // mentions are not sorted yet at this stage)
    // (by start: entities merged below shift their indices, `by_start`
    // follows them)
    let mut ending: HashMap<usize, usize> = HashMap::new();
    for m in &reg.mentions {
        let slot = ending.entry(m.span.end).or_insert(m.span.start);
        *slot = (*slot).min(m.span.start);
    }
    for i in 2..n.saturating_sub(1) {
        let paren = a.tok_text(i - 1) == "(" && a.tok_text(i + 1) == ")";
        let apposed = !paren
            && a.tok_text(i + 1) == ","
            && a.tok_text(i).chars().all(char::is_uppercase)
            && (matches!(a.tok_text(i - 1), "'" | "’") && matches!(a.low(i - 2), "l" | "d")
                || matches!(a.low(i - 1), "le" | "la" | "du"));
        // "le Croissant-Rouge turc (Kizilay)": after a body's name, its
        // name in its own language, one capitalised word
        let own_name = paren && {
            let w = a.tok_text(i);
            a.is_cap(i)
                && (7..=12).contains(&w.chars().count())
                && w.chars().skip(1).all(char::is_lowercase)
                && !a.lex.first_names.contains(a.low(i))
                && a.toks
                    .get(i - 2)
                    .is_some_and(|t| ending_org(reg, &ending, t.end))
        };
        // not a caption's word: "(Archives)", "(Photo)", "(Illustration)"
        let caption = a.lex.stop_names.contains(a.low(i))
            || matches!(
                a.low(i),
                "archives"
                    | "archive"
                    | "illustration"
                    | "photo"
                    | "photos"
                    | "image"
                    | "images"
                    | "video"
                    | "videos"
                    | "infographie"
                    | "capture"
                    | "document"
                    | "credit"
                    | "credits"
                    | "montage"
                    // "droits réservés"
                    | "dr"
            );
        if !(paren || apposed) || caption || !(own_name || acronym_token(a, i, paren)) {
            continue;
        }
        let acr = a.tok_text(i);
        // spelled by its initials or known to the lexicon: taken already
        // (see `acronyms`, `gazetteer`)
        if reg.known(acr).is_some_and(|e| non_body(reg, e))
            || reg.by_start.contains_key(&a.toks[i].start)
        {
            continue;
        }
        // the long name: (first token, end token exclusive, the entity it
        // names already)
        let long: Option<(usize, usize, Option<usize>)> = if paren {
            let open = i - 1;
            let before = a.toks[open - 1].end;
            match ending
                .get(&before)
                .and_then(|st| reg.by_start.get(st))
                .filter(|m| m.1.end == before)
                .copied()
            {
                // "le Bureau ... de l'ONU (OCHA)": an owner is no name
                Some((e, sp))
                    if reg.kind(e) == Some(EntityKind::Organization)
                        && !after_de(a, a.tok_at(sp.start)) =>
                {
                    Some((a.tok_at(sp.start), open, Some(e)))
                }
                Some(_) => None,
                None => (open.saturating_sub(10)..open)
                    .rev()
                    .find(|&h| body_head(a, h))
                    .filter(|&h| body_description_end(a, h, open) == Some(open))
                    .map(|h| (h, open, None)),
            }
        } else {
            let h = i + 2;
            body_head(a, h)
                .then(|| body_description_end(a, h, n))
                .flatten()
                .map(|end| (h, end, None))
        };
        let Some((start, end, named)) = long else {
            continue;
        };
        let span = Span::new(a.toks[start].start, a.toks[end - 1].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = match (reg.known(acr), named) {
            // (a few per article: each merge walks the mentions)
            (Some(e), Some(other)) if e != other && merges < 16 => {
                merges += 1;
                reg.merge_into(e, other, "same acronym");
                e - usize::from(other < e)
            }
            (Some(e), Some(other)) if e != other => continue,
            (Some(e), _) | (None, Some(e)) => e,
            (None, None) if paren => reg.entity(&name, EntityKind::Organization),
            (None, None) => reg.entity(acr, EntityKind::Organization),
        };
        reg.mention(e, span, &name, "description of its acronym");
        reg.mention(e, a.toks[i].span(), acr, "acronym");
        taken.insert(acr);
    }
    // its other uses in the article: "a annoncé l'Afad"
    if taken.is_empty() {
        return;
    }
    for k in 0..n {
        let w = a.tok_text(k);
        if taken.contains(&w) && !reg.by_start.contains_key(&a.toks[k].start) {
            if let Some(e) = reg.known(w) {
                reg.mention(e, a.toks[k].span(), w, "acronym");
            }
        }
    }
}

fn sorted_spans(reg: &Registry) -> Vec<Span> {
    let mut v: Vec<Span> = reg.mentions.iter().map(|m| m.span).collect();
    v.sort();
    v
}

/// Whether `s` overlaps one of the sorted, mostly disjoint `spans`.
fn overlaps_any(spans: &[Span], s: Span) -> bool {
    let k = spans.partition_point(|c| c.start < s.start);
    (k > 0 && spans[k - 1].overlaps(&s)) || spans.get(k).is_some_and(|c| c.overlaps(&s))
}

/// Whether a verb of saying or a source marker ends just before token `i`.
fn speech_ends_at(a: &Analysis, i: usize) -> bool {
    let ends_at = |i: usize| {
        (i.saturating_sub(4)..i).any(|k| {
            a.cue(k).is_some_and(|(c, next)| {
                next == i && c.iter().any(|x| matches!(x, Cue::Speech | Cue::Source))
            })
        })
    };
    ends_at(i) || channel_before(a, i).is_some_and(ends_at)
}

/// The start of a channel named between a verb of saying and its speaker:
/// "a annoncé sur sa chaîne Telegram Oleksandre Kamychine", "a écrit sur
/// la messagerie Telegram Pavlo Kyrylenko", "a déclaré via X le ministre".
fn channel_before(a: &Analysis, i: usize) -> Option<usize> {
    let mut k = i;
    // the platform's name
    if k > 0 && a.is_cap(k - 1) {
        k -= 1;
    }
    for _ in 0..4 {
        let low = a.low(k.checked_sub(1)?);
        let filler = matches!(
            low,
            "sa" | "son"
                | "ses"
                | "la"
                | "le"
                | "l"
                | "'"
                | "’"
                | "chaine"
                | "compte"
                | "messagerie"
                | "page"
                | "reseau"
                | "fil"
                | "application"
        );
        if !filler {
            break;
        }
        k -= 1;
    }
    let at = k.checked_sub(1)?;
    (k < i && matches!(a.low(at), "sur" | "via")).then_some(at)
}

const PARTICLES: &[&str] = &[
    "de", "von", "van", "der", "den", "di", "da", "du", "ben", "bin", "ibn", "al", "el", "Al",
    "El", "bint", "ould",
];

/// A Roman numeral as kings and popes bear ("VI", "XVI", "III").
fn regnal(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "al-Burhane", "el-Sissi", "ad-Dabaiba": a family name with an Arabic article.
fn particle_name(a: &Analysis, j: usize) -> bool {
    let w = a.tok_text(j);
    a.is_word(j)
        && ["al-", "el-", "ad-", "ar-", "as-", "at-", "an-", "ash-"]
            .iter()
            .any(|p| {
                w.strip_prefix(p)
                    .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
            })
}

/// The token of a byname after a person: ", dit « Hemedti »", ", surnommé « X »".
fn byname_at(a: &Analysis, j: usize) -> Option<usize> {
    let k = if a.tok_text(j) == "," { j + 1 } else { j };
    if !matches!(a.low(k), "dit" | "surnomme" | "surnommé" | "alias") {
        return None;
    }
    let q = k + 1;
    let name = if matches!(a.tok_text(q), "«" | "\"" | "“") {
        q + 1
    } else {
        q
    };
    (a.is_cap(name) && !a.lex.stop_names.contains(a.low(name))).then_some(name)
}

/// The first token of "M. ", "Mme " or "Mlle " right before token `i`.
fn honorific_before(a: &Analysis, i: usize) -> Option<usize> {
    let near = |x: usize, y: usize| a.toks[y].start <= a.toks[x].end + 1;
    match i {
        2.. if a.tok_text(i - 1) == "."
            && matches!(a.tok_text(i - 2), "M" | "Mme" | "Mlle")
            && near(i - 1, i) =>
        {
            Some(i - 2)
        }
        1.. if matches!(a.tok_text(i - 1), "Mme" | "Mlle") && near(i - 1, i) => Some(i - 1),
        _ => None,
    }
}

/// Person names: title-case words ("Volodymyr Zelensky") after a title or
/// function, before an apposition with one, or opening with a known first
/// name; then every later use of the family name alone.
fn persons(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let covered_spans = sorted_spans(reg);
    let is_covered = |s: Span| overlaps_any(&covered_spans, s);
    let mut last_title: Option<usize> = None;
    let mut families: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < n {
        if a.cue_has(i, |c| matches!(c, Cue::Title)).is_some() {
            last_title = Some(i);
            // the words of a title are no name: "le procureur de la
            // République de Boulogne-sur-Mer"
            if let Some((_, next)) = a.cue(i).filter(|(_, next)| *next > i + 1) {
                i = next;
                continue;
            }
        }
        // "le président IBK", "l'ex-président ATT": a title right before a
        // short name in capitals that names no known body is a person's
        // initials
        let initials = a.tok_text(i);
        if a.is_word(i)
            && (2..=4).contains(&initials.chars().count())
            && initials.chars().all(char::is_uppercase)
            && !is_covered(a.toks[i].span())
            && !a.lex.stop_names.contains(a.low(i))
            && last_title.is_some_and(|t| a.cue(t).is_some_and(|(_, nx)| nx == i))
        {
            let span = a.toks[i].span();
            let e = reg.entity(initials, EntityKind::Person);
            reg.mention(e, span, initials, "initials after a title");
            families.insert(fold(initials), e);
            last_title = None;
            i += 1;
            continue;
        }
        if !a.is_cap(i) || a.lex.stop_names.contains(a.low(i)) || is_covered(a.toks[i].span()) {
            i += 1;
            continue;
        }
        // "le ministre de l'Intérieur Bruno Retailleau": the portfolio ends
        // the title, the name starts after it
        if (i.saturating_sub(4)..i).any(|k| {
            a.cue(k).is_some_and(|(c, next)| {
                next == i + 1 && c.iter().any(|x| matches!(x, Cue::Ministry(_)))
            })
        }) {
            i += 1;
            continue;
        }
        // the run of title-case words on one line, joined by single spaces,
        // with name particles inside ("Ursula von der Leyen", "Jean-Yves Le Drian")
        let mut j = i + 1;
        while j < n
            && j - i < 5
            && a.toks[j].start == a.toks[j - 1].end + 1
            && a.text.as_bytes().get(a.toks[j - 1].end) == Some(&b' ')
        {
            let cap = (a.is_cap(j) || particle_name(a, j)) && !is_covered(a.toks[j].span());
            let particle = PARTICLES.contains(&a.tok_text(j))
                && a.is_cap(j + 1)
                && a.toks[j + 1].start == a.toks[j].end + 1;
            let article_in_name = cap
                && matches!(a.tok_text(j), "Le" | "La")
                && a.is_cap(j + 1)
                && a.lex.first_names.contains(a.low(i));
            if cap && !a.lex.stop_names.contains(a.low(j)) || particle || article_in_name {
                j += 1;
            } else {
                break;
            }
        }
        while j > i + 1
            && (PARTICLES.contains(&a.tok_text(j - 1)) || matches!(a.tok_text(j - 1), "Le" | "La"))
        {
            j -= 1;
        }
        // "Mohammed VI", "Charles III": a regnal number ends the name
        if j < n && a.toks[j].start == a.toks[j - 1].end + 1 && regnal(a.tok_text(j)) {
            j += 1;
        }
        let len = j - i;
        // an apposed name after a long function ("le porte-parole du
        // Haut-Commissariat ... aux droits de l'homme, Thameen Al-Kheetan")
        let reach = if i > 0 && a.tok_text(i - 1) == "," {
            18
        } else {
            12
        };
        let titled = last_title.is_some_and(|t| i > t && i - t <= reach && a.same_sentence(t, i));
        let direct_title = last_title.is_some_and(|t| {
            a.cue(t)
                .is_some_and(|(_, nx)| nx == i || (nx + 1 == i && demonym_at(a, nx).is_some()))
        });
        let first_name = a.lex.first_names.contains(a.low(i));
        let apposition =
            a.tok_text(j) == "," && a.cue_has(j + 1, |c| matches!(c, Cue::Title)).is_some();
        // "Stella Nanou, du Haut-Commissariat de l'ONU pour les réfugiés":
        // a name apposed to the body the person speaks for
        let affiliation = a.tok_text(j) == "," && matches!(a.low(j + 1), "du" | "de" | "des") && {
            let mut k = j + 2;
            if matches!(a.low(k), "la" | "l") {
                k += 1;
            }
            if matches!(a.tok_text(k), "'" | "’") {
                k += 1;
            }
            a.toks.get(k).is_some_and(|t| {
                reg.by_start
                    .get(&t.start)
                    .is_some_and(|m| reg.kind(m.0) == Some(EntityKind::Organization))
            })
        };
        // "Par Marie Dupont" opening a line is a byline, not the article's news
        let byline = i > 0 && a.tok_text(i - 1) == "Par" && {
            // only the few bytes before "Par" are looked at (run-on lines)
            let at = a.toks[i - 1].start;
            let mut from = at.saturating_sub(64);
            while !a.text.is_char_boundary(from) {
                from += 1;
            }
            let before = &a.text[from..at];
            match before.rfind('\n') {
                Some(p) => before[p..].trim().is_empty(),
                None => from == 0 && before.trim().is_empty(),
            }
        };
        if byline {
            i = j;
            continue;
        }
        let by_speech =
            a.cue_has(j, |c| matches!(c, Cue::Speech)).is_some() || speech_ends_at(a, i);
        // "Iyad Ag Ghaly", "Mohamed Ould Ghazouani", "Ahmed ben Ali": a
        // patronymic particle inside the run is the shape of a person's name
        let patronym = len >= 3
            && (i + 1..j - 1)
                .any(|k| matches!(a.low(k), "ag" | "ould" | "ben" | "bin" | "ibn" | "bint"));
        let person = (len >= 2
            && (titled || first_name || apposition || affiliation || by_speech || patronym))
            || (len == 1 && direct_title);
        // "Fuat Otkay ... Selon M. Otkay": a family name after an honorific
        // is the person already named, and "M. Otkay" one of their names
        let known_family = families.get(a.low(i)).copied().filter(|_| len == 1);
        if let Some(e) = known_family {
            reg.mentions.push(Mention {
                entity: e,
                span: a.toks[i].span(),
            });
            if let Some(h) = honorific_before(a, i) {
                let surface = a.text.get(a.toks[h].start..a.toks[i].end).unwrap_or("");
                reg.mention_alias(e, surface, "honorific and family name");
            }
            i = j;
            continue;
        }
        if person {
            let span = Span::new(a.toks[i].start, a.toks[j - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            let e = reg.entity(&name, EntityKind::Person);
            reg.mention(e, span, &name, "person name");
            let family = a.tok_text(j - 1).to_string();
            if len >= 2 {
                reg.mention_alias(e, &family, "family name");
                // "al-Burhane" is also written "Burhane"
                if let Some(bare) = particle_name(a, j - 1)
                    .then(|| family.split_once('-'))
                    .flatten()
                {
                    reg.mention_alias(e, bare.1, "family name without its particle");
                }
            }
            // "Mohamed Hamdane Daglo, dit « Hemedti »": a byname
            if let Some(k) = byname_at(a, j) {
                let span = a.toks[k].span();
                let alias = a.text.get(span.start..span.end).unwrap_or("").to_string();
                reg.mention(e, span, &alias, "byname (dit « ... »)");
            }
            // "le préfet de Mayotte, François-Xavier Bieuville": the office
            // held in a place is another name of its holder
            if let Some(office) = office_before(a, reg, i) {
                reg.mention_alias(e, &office, "office held (title de place)");
            }
            families.insert(fold(&family), e);
            last_title = None;
        } else if len == 1 {
            if let Some(&e) = families.get(a.low(i)) {
                reg.mentions.push(Mention {
                    entity: e,
                    span: a.toks[i].span(),
                });
            }
        }
        i = j;
    }
}

/// Places announced by their context.
fn places(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let spans = sorted_spans(reg);
    // "le port grec de Kalamata", "la ville syrienne d'Alep": a place noun
    // of a cue ("port de", "ville de") with a nationality in between
    let nouns = a.lex.place_nouns();
    // "la province voisine de Davao del Norte", "la ville côtière de
    // Derna": a place adjective in between
    let place_adjective = |k: usize| {
        demonym_at(a, k).is_some()
            || matches!(
                a.low(k),
                "voisine"
                    | "voisin"
                    | "voisines"
                    | "voisins"
                    | "frontaliere"
                    | "frontalier"
                    | "cotiere"
                    | "natale"
                    | "natal"
                    | "reculee"
                    | "montagneuse"
                    | "orientale"
                    | "occidentale"
                    | "meridionale"
                    | "septentrionale"
                    | "centrale"
                    | "insulaire"
                    | "sinistree"
                    | "devastee"
            )
    };
    for i in 0..n {
        if place_adjective(i + 1) && matches!(a.low(i + 2), "de" | "d") && nouns.contains(a.low(i))
        {
            let mut j = i + 3;
            if matches!(a.tok_text(j), "'" | "’") {
                j += 1;
            }
            if let Some(end) = place_name(a, &spans, j) {
                if end > j + 1 || a.tok_text(j).chars().count() >= 3 {
                    let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
                    let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
                    let e = reg.entity(&name, EntityKind::Place);
                    reg.mention(e, span, &name, "place");
                }
            }
            continue;
        }
        let Some((cues, next)) = a.cue(i) else {
            continue;
        };
        let Some((part_of_name, list, weak)) = cues.iter().find_map(|c| match c {
            Cue::Place {
                part_of_name,
                list,
                weak,
            } => Some((*part_of_name, *list, *weak)),
            _ => None,
        }) else {
            continue;
        };
        let mut j = next;
        if weak && (speech_ends_at(a, i) || a.lex.first_names.contains(a.low(j)) || a.is_cap(j + 1))
        {
            continue;
        }
        // "la province de la Gnagna": an article before a region's name
        if !weak && a.low(j) == "la" && a.is_cap(j + 1) && a.low(next - 1) == "de" {
            j += 1;
        }
        let mut first = true;
        loop {
            if !first {
                if a.tok_text(j) == "," || a.low(j) == "et" {
                    j += 1;
                    // "les quartiers de Kasenga et de Kalundu"
                    if matches!(a.low(j), "de" | "d") && a.is_cap(j + 1) {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            let Some(end) = place_name(a, &spans, j) else {
                break;
            };
            // a cut word ("dans l'ouest de Ga" at the end of a clipped
            // text) is no place name
            if end == j + 1 && a.tok_text(j).chars().count() < 3 {
                break;
            }
            let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            let e = reg.entity(&name, EntityKind::Place);
            reg.mention(e, span, &name, "place");
            if part_of_name && first {
                let full = Span::new(a.toks[i].start, span.end);
                let surface = a.text.get(full.start..full.end).unwrap_or("").to_string();
                reg.mention_alias(e, &surface, "place named with its kind");
            }
            j = end;
            first = false;
            if !list {
                break;
            }
        }
    }
}

/// The office a person is named with stands for that person elsewhere in
/// the article: "le préfet de l'Essonne, Michel Fuzeau, ... le préfet a
/// précisé", "Bernard Cazeneuve, le ministre de l'Intérieur, ... le
/// ministre de l'Intérieur a annoncé": the office's later mentions ("le
/// préfet", "le préfet du département") are the holder's, when one person
/// alone holds that title in the article.
fn offices_of_holders(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let title_at = |k: usize| a.cue_has(k, |c| matches!(c, Cue::Title));
    let persons: Vec<(usize, usize, usize)> = reg
        .mentions
        .iter()
        .filter(|m| reg.kind(m.entity) == Some(EntityKind::Person))
        .map(|m| (m.entity, a.tok_at(m.span.start), a.tok_at(m.span.end)))
        .collect();
    // title word -> holders: a title just before the name ("le préfet de
    // l'Essonne Michel Fuzeau") or apposed just after it ("Michel Fuzeau,
    // préfet de l'Essonne", "Bernard Cazeneuve, le ministre")
    let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
    let mut hold = |t: usize, e: usize| {
        let v = holders.entry(a.low(t).to_string()).or_default();
        if !v.contains(&e) {
            v.push(e);
        }
    };
    for &(e, t0, t1) in &persons {
        let before = (t0.saturating_sub(8)..t0)
            .rev()
            .take_while(|&j| a.same_sentence(j, t0) && !matches!(a.tok_text(j), "." | ";" | ":"))
            .find(|&j| title_at(j).is_some());
        if let Some(j) = before {
            hold(j, e);
        }
        if a.tok_text(t1) == "," {
            let mut j = t1 + 1;
            if matches!(a.low(j), "le" | "la" | "l") {
                j += 1;
            }
            if matches!(a.tok_text(j), "'" | "’") {
                j += 1;
            }
            if j < n && title_at(j).is_some() {
                hold(j, e);
            }
        }
    }
    let person_starts: HashSet<usize> = persons.iter().map(|p| p.1).collect();
    let mut merges: Vec<(usize, usize)> = Vec::new();
    let mut added: Vec<(usize, Span, String)> = Vec::new();
    for k in 1..n {
        let Some(next) = title_at(k) else {
            continue;
        };
        let det = matches!(a.low(k - 1), "le" | "la" | "l" | "'" | "’");
        let Some(&[holder]) = holders.get(a.low(k)).map(Vec::as_slice) else {
            continue;
        };
        if !det || a.is_cap(k) {
            continue;
        }
        // the office's complement: "du département", "de l'Essonne"
        let mut end = next;
        if matches!(a.low(end), "de" | "du" | "d") {
            let mut c = end + 1;
            while matches!(a.low(c), "la" | "l") || matches!(a.tok_text(c), "'" | "’") {
                c += 1;
            }
            if c < n && a.is_word(c) && !person_starts.contains(&c) {
                end = c + 1;
            }
        }
        // a name right after, or apposed after the office's complement, is
        // that office's holder ("le porte-parole du Haut-Commissariat des
        // Nations unies aux droits de l'homme, Thameen Al-Kheetan")
        let named_after = (end..(end + 16).min(n))
            .take_while(|&j| a.same_sentence(j, k) && !matches!(a.tok_text(j), "." | ";"))
            .any(|j| person_starts.contains(&j) && (j < end + 3 || a.tok_text(j - 1) == ","));
        if named_after {
            continue;
        }
        let span = Span::new(a.toks[k].start, a.toks[end - 1].end);
        match reg.by_start.get(&span.start).copied() {
            Some((e, _)) if e != holder => {
                if reg.kind(e) == Some(EntityKind::Person)
                    && fold(&reg.list[e].name).split(' ').next() == Some(a.low(k))
                {
                    merges.push((holder, e));
                }
            }
            Some(_) => {}
            None => {
                let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
                added.push((holder, span, surface));
            }
        }
    }
    for (holder, span, surface) in added {
        reg.mention(
            holder,
            span,
            &surface,
            "office held by the person named with it",
        );
    }
    merges.sort_unstable_by_key(|m| m.1);
    merges.dedup_by_key(|m| m.1);
    // (a merge removes `gone`: the indices above it shift down by one)
    while let Some((keep, gone)) = merges.pop() {
        reg.merge_into(keep, gone, "office held by the person named with it");
        for m in &mut merges {
            if m.0 > gone {
                m.0 -= 1;
            }
            if m.1 > gone {
                m.1 -= 1;
            }
        }
        merges.retain(|m| m.0 != m.1);
    }
}

/// Settlements and areas an apposition or a containing region describes.
const SETTLEMENT_NOUNS: &[&str] = &[
    "ville",
    "village",
    "commune",
    "localite",
    "bourgade",
    "cite",
    "hameau",
    "port",
    "quartier",
    "banlieue",
    "station",
    "agglomeration",
    "municipalite",
];

/// A name after "à" described as a place right after it is a place:
/// - "À Paiporta, ville de 25 000 habitants", "A Chiva, un petit village
///   dans l'arrière-pays de Valence": an apposition naming a settlement;
/// - "dont une à l’Alcudia dans la région de Valence": a region or a
///   province containing it.
fn places_described(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    for i in 0..n {
        if a.low(i) != "a" || !a.is_word(i) {
            continue;
        }
        let mut j = i + 1;
        if a.low(j) == "l" && matches!(a.tok_text(j + 1), "'" | "’") {
            j += 2;
        }
        if j >= n || a.lex.first_names.contains(a.low(j)) {
            continue;
        }
        let Some(end) = place_name(a, &spans, j) else {
            continue;
        };
        let settlement = |k: usize| SETTLEMENT_NOUNS.contains(&a.low(k));
        // ", ville de", ", un petit village", ", une commune rurale"
        let apposed = a.tok_text(end) == ","
            && (end + 1..(end + 4).min(n))
                .take_while(|&k| a.is_word(k) && !a.is_cap(k))
                .any(settlement);
        // "dans la région de", "dans la province d'"
        let contained = a.low(end) == "dans"
            && matches!(a.low(end + 1), "la" | "le" | "l")
            && matches!(
                a.low(end + 2),
                "region" | "province" | "departement" | "prefecture" | "wilaya" | "commune"
            );
        if !(apposed || contained) || (end == j + 1 && a.tok_text(j).chars().count() < 3) {
            continue;
        }
        let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = reg.entity(&name, EntityKind::Place);
        reg.mention(e, span, &name, "place described after it");
    }
}

/// One item of an enumeration of places at token `j`: (end token, whether
/// it is a place already known).
fn enumerated_place(
    a: &Analysis,
    reg: &Registry,
    spans: &[Span],
    j: usize,
) -> Option<(usize, bool)> {
    let t = a.toks.get(j)?;
    if let Some(&(e, sp)) = reg.by_start.get(&t.start) {
        return matches!(reg.kind(e), Some(EntityKind::Place | EntityKind::Country))
            .then(|| (a.tok_at(sp.end), true));
    }
    if a.lex.first_names.contains(a.low(j)) {
        return None;
    }
    place_name(a, spans, j).map(|end| (end, false))
}

/// Enumerations of places name places by their company:
/// - "dans les province d'Alep, Lattaquié, Hama, Tartous", "d'Alep,
///   Lattaquié, Hama et Idleb": names listed with two known places, or
///   after a known one in a list closed by "et", are places too;
/// - "dans les deux provinces les plus touchées, Kahramanmaras et Hatay":
///   names listed in apposition to a plural noun of places.
fn place_enumerations(a: &Analysis, reg: &mut Registry) {
    const PLURALS: &[&str] = &[
        "provinces",
        "regions",
        "villes",
        "villages",
        "localites",
        "districts",
        "communes",
        "quartiers",
        "departements",
        "iles",
        "gouvernorats",
        "wilayas",
        "etats",
        "oblasts",
        "cites",
    ];
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    let mut i = 0;
    while i < n {
        // where a list starts, and whether it is announced by a plural noun
        let mut start = None;
        if PLURALS.contains(&a.low(i)) && !a.is_cap(i) {
            let mut k = i + 1;
            while k < n && k < i + 7 && a.is_word(k) && !a.is_cap(k) && a.same_sentence(i, k) {
                k += 1;
            }
            if a.tok_text(k) == "," {
                start = Some((k + 1, true));
            }
        } else if a.tok_text(i + 1) == ","
            && reg.by_start.get(&a.toks[i].start).is_some_and(|m| {
                m.1.end == a.toks[i].end
                    && matches!(reg.kind(m.0), Some(EntityKind::Place | EntityKind::Country))
            })
        {
            start = Some((i, false));
        }
        let Some((first, announced)) = start else {
            i += 1;
            continue;
        };
        let mut items: Vec<(usize, usize, bool)> = Vec::new();
        let mut j = first;
        let mut closed_by_et = false;
        while let Some((end, known)) = enumerated_place(a, reg, &spans, j) {
            if !a.same_sentence(first, j) {
                break;
            }
            items.push((j, end, known));
            if closed_by_et {
                break;
            }
            match a.tok_text(end) {
                "," => j = end + 1,
                "et" => {
                    closed_by_et = true;
                    j = end + 1;
                }
                _ => break,
            }
        }
        // the list ends with its last name: "Hama, Tartous", a" …
        let complete = items.last().is_some_and(|l| {
            a.toks.get(l.1).map_or(true, |t| {
                matches!(
                    t.text(a.text),
                    "," | "." | ";" | ":" | ")" | "\"" | "»" | "”"
                )
            }) || !a.same_sentence(l.0, l.1)
        }) && (!closed_by_et || items.len() >= 2);
        let known = items.iter().filter(|x| x.2).count();
        let accepted = complete
            && if announced {
                items.len() >= 2 && closed_by_et
            } else {
                items.len() >= 3 && (known >= 2 || closed_by_et)
            };
        if accepted {
            for &(s, e, k) in &items {
                if k {
                    continue;
                }
                let span = Span::new(a.toks[s].start, a.toks[e - 1].end);
                let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
                let ent = reg.entity(&name, EntityKind::Place);
                reg.mention(ent, span, &name, "place listed with places");
            }
        }
        i = items.last().map_or(i + 1, |l| l.1.max(i + 1));
    }
}

/// "Cette attaque intervient un mois après celles de Mondoro et de
/// Boulkessi": a pronoun standing for an attack, then the places attacked.
/// "à Wimereux (Pas-de-Calais)": a capitalised name right before a known
/// region in parentheses is a town of it; one coordinated before it is a
/// town too, "au X" being "Le X" ("au Portel et à Boulogne-sur-Mer
/// (Pas-de-Calais)" names Le Portel).
fn towns_of_regions(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    for p in 2..n {
        if a.tok_text(p) != "(" {
            continue;
        }
        let region = a
            .toks
            .get(p + 1)
            .and_then(|t| reg.by_start.get(&t.start))
            .copied()
            .filter(|(e, s)| {
                reg.kind(*e) == Some(EntityKind::Place) && a.tok_text(a.tok_at(s.end)) == ")"
            });
        if region.is_none() {
            continue;
        }
        // the town: one capitalised word (hyphens inside) before "("
        let t = p - 1;
        if !a.is_cap(t) || !matches!(a.low(t - 1), "a" | "au") {
            continue;
        }
        let mut towns = vec![(t, a.low(t - 1) == "au")];
        // "au Portel et à Boulogne-sur-Mer (...)"
        if t >= 4 && a.low(t - 2) == "et" && a.is_cap(t - 3) && matches!(a.low(t - 4), "a" | "au") {
            towns.push((t - 3, a.low(t - 4) == "au"));
        }
        for (k, contracted) in towns {
            let sp = a.toks[k].span();
            if overlaps_any(&spans, sp) || a.lex.first_names.contains(a.low(k)) {
                continue;
            }
            let word = a.tok_text(k);
            let name = if contracted {
                format!("Le {word}")
            } else {
                word.to_string()
            };
            let e = reg.entity(&name, EntityKind::Place);
            reg.mention(e, sp, word, "town of a region in parentheses");
        }
    }
}

/// "La frappe ukrainienne sur Makiïvka", "un bombardement sur Kherson": a
/// strike lands on a place (a strike noun, maybe a nationality, "sur", then
/// a capitalised name that is no one's first name).
fn places_struck(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    for i in 0..a.toks.len() {
        if !matches!(
            a.low(i),
            "frappe" | "frappes" | "bombardement" | "bombardements" | "raid" | "raids"
        ) {
            continue;
        }
        let mut j = i + 1;
        if demonym_at(a, j).is_some() && !a.is_cap(j) {
            j += 1;
        }
        if a.low(j) != "sur" {
            continue;
        }
        let j = j + 1;
        if let Some(end) = place_name(a, &spans, j)
            .filter(|_| !a.lex.first_names.contains(a.low(j)) && reg.known(a.tok_text(j)).is_none())
        {
            let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            let e = reg.entity(&name, EntityKind::Place);
            reg.mention(e, span, &name, "place struck");
        }
    }
}

fn places_of_attacks_by_pronoun(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    for i in 1..a.toks.len() {
        if !matches!(a.low(i), "celle" | "celles") || !matches!(a.low(i + 1), "de" | "d") {
            continue;
        }
        let attack = (i.saturating_sub(10)..i).any(|k| {
            a.same_sentence(k, i)
                && matches!(
                    a.low(k),
                    "attaque" | "attaques" | "embuscade" | "embuscades" | "offensive"
                )
        });
        if !attack {
            continue;
        }
        let mut j = i + 2;
        if matches!(a.tok_text(j), "'" | "’") {
            j += 1;
        }
        // "celle de Mohamed ...": a person's, not a place's
        while let Some(end) =
            place_name(a, &spans, j).filter(|_| !a.lex.first_names.contains(a.low(j)))
        {
            let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            let e = reg.entity(&name, EntityKind::Place);
            reg.mention(e, span, &name, "place");
            j = end;
            if !(a.low(j) == "et" || a.tok_text(j) == ",") {
                break;
            }
            j += 1;
            if matches!(a.low(j), "de" | "d") {
                j += 1;
            }
            if matches!(a.tok_text(j), "'" | "’") {
                j += 1;
            }
        }
    }
}

/// The end of a place name (1-3 title-case words) starting at token `j`.
/// A name behind a lower-case Arabic article: "la province d'al-Haouz",
/// "el-Fasher".
fn article_name(a: &Analysis, j: usize) -> bool {
    let w = a.tok_text(j);
    a.is_word(j)
        && ["al-", "el-", "an-", "ad-", "ar-", "as-", "ash-", "at-"]
            .iter()
            .any(|p| {
                w.strip_prefix(p)
                    .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
            })
}

fn place_name(a: &Analysis, spans: &[Span], j: usize) -> Option<usize> {
    if !(a.is_cap(j) || article_name(a, j)) || a.lex.stop_names.contains(a.low(j)) {
        return None;
    }
    let sp = a.toks[j].span();
    if overlaps_any(spans, sp) || a.cue(j).is_some() {
        return None;
    }
    let mut k = j + 1;
    while k < a.toks.len() && k - j < 3 && a.is_cap(k) && a.toks[k].start == a.toks[k - 1].end + 1 {
        k += 1;
    }
    // "la province de Davao de Oro", "Davao del Norte", "Rio de Janeiro":
    // a lower-case particle between two capitalised words of one name
    // (not a known name after it: "la ville d'Alep de Syrie" names two)
    let glued = |x: usize| a.toks[x].start == a.toks[x - 1].end + 1;
    // ("Santa Cruz de la Sierra": a particle of two words)
    let two = matches!(a.tok_text(k), "de") && matches!(a.tok_text(k + 1), "la" | "los" | "las");
    let p = k + usize::from(two);
    if p + 1 < a.toks.len()
        && matches!(a.tok_text(k), "de" | "del" | "do" | "da" | "dos" | "das")
        && glued(k)
        && glued(p)
        && glued(p + 1)
        && a.is_cap(p + 1)
        && !a.lex.stop_names.contains(a.low(p + 1))
        && !overlaps_any(spans, a.toks[p + 1].span())
        && a.cue(p + 1).is_none()
    {
        k = p + 2;
        while k < a.toks.len() && k - j < 6 && a.is_cap(k) && glued(k) {
            k += 1;
        }
    }
    Some(k)
}

/// Media named after a media noun: "le quotidien Kommersant", "l'agence
/// Tass", "le média russe Interfax".
fn outlets(a: &Analysis, reg: &mut Registry) {
    media_by_shape(a, reg);
    media_by_suffix(a, reg);
    named_after_noun(
        a,
        reg,
        |c| matches!(c, Cue::OrgNoun),
        EntityKind::Organization,
        "organization named after its kind (le gang X, la milice X)",
    );
}

/// Names after a noun of their kind: "le quotidien Kommersant", "le gang
/// Gran Grif".
fn named_after_noun(
    a: &Analysis,
    reg: &mut Registry,
    is_noun: impl Fn(&Cue) -> bool,
    kind: EntityKind,
    reason: &str,
) {
    let spans = sorted_spans(reg);
    for i in 0..a.toks.len() {
        let Some(mut j) = a.cue_has(i, &is_noun) else {
            continue;
        };
        if demonym_at(a, j).is_some() {
            j += 1;
        }
        let Some(end) = place_name(a, &spans, j) else {
            continue;
        };
        let span = Span::new(a.toks[j].start, a.toks[end - 1].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = reg.entity(&name, kind);
        reg.mention(e, span, &name, reason);
    }
}

/// Adjective endings that may continue a body's name ("Parti communiste",
/// "Garde nationale", "Défense civile").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ale", "aux", "ales", "ien", "ienne", "iens", "iennes", "ique", "iques", "iste", "istes",
    "aire", "aires", "ais", "aise", "ain", "aine", "el", "elle", "if", "ive", "ile", "iles", "ee",
    "e", "ieur", "ieure", "ieurs", "ieures", "ere", "eres", "een", "eenne",
];

/// Whether the apostrophe at token `j` elides a word ("d'enquête",
/// "l'ordre"), rather than quoting.
fn elision_at(a: &Analysis, j: usize) -> bool {
    matches!(a.tok_text(j), "'" | "’")
        && j > 0
        && a.toks[j].start == a.toks[j - 1].end
        && matches!(
            a.low(j - 1),
            "d" | "l" | "qu" | "j" | "n" | "s" | "c" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu"
        )
}

/// Whether token `k` follows "de", "d'", "des", "du", "de la" or "de l'":
/// the place of a noun complement ("Comité d'enquête", "Service de secours
/// et des urgences", "Bureau de la coordination").
fn after_de(a: &Analysis, k: usize) -> bool {
    let Some(mut j) = k.checked_sub(1) else {
        return false;
    };
    if elision_at(a, j) {
        match a.low(j - 1) {
            "d" => return true,
            "l" => j = j.saturating_sub(2),
            _ => return false,
        }
    } else if a.low(j) == "la" {
        j = j.saturating_sub(1);
    }
    matches!(a.low(j), "de" | "des" | "du")
}

/// Bodies named with a head word: "la Défense civile de Gaza", "le Parti
/// communiste chinois", "le Comité international olympique", "le Comité
/// d'enquête", "le 'Service de secours et des urgences' libyen", "le
/// Croissant-Rouge libyen". An organ named after a known organization
/// speaks for it: "le Centre de relations publiques du FSB" is the FSB.
fn named_bodies(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    let mut i = 0;
    while i < n {
        let Some(next) = a.cue_has(i, |c| matches!(c, Cue::OrgHead)) else {
            i += 1;
            continue;
        };
        if !a.is_cap(i)
            || overlaps_any(&spans, a.toks[i].span())
            || a.sent_of(i).is_some_and(|s| s.start == a.toks[i].start)
        {
            i += 1;
            continue;
        }
        let mut end = next;
        let mut k = next;
        let mut adjectives = 0;
        let mut complements = 0;
        // "le Haut Conseil islamique du Niger appelle au calme": once the
        // owner ("du Niger") is named, a lower-case word is the verb
        let mut owned = false;
        // "du 'Service de secours et des urgences' libyen": a quoted name
        // ends at its closing quote
        let quoted = i > 0
            && matches!(a.tok_text(i - 1), "'" | "’" | "\"" | "«" | "“")
            && !elision_at(a, i - 1);
        let mut organ_of = None;
        let mut first_complement = None;
        while k < n && k < next + 8 && a.same_sentence(k, i) {
            let low = a.low(k);
            // "le Centre de relations publiques du FSB": a known
            // organization as owner ends the name
            if k > end && after_de(a, k) {
                if let Some(&(e, sp)) = reg.by_start.get(&a.toks[k].start) {
                    if reg.kind(e) == Some(EntityKind::Organization) {
                        organ_of = Some(e);
                        end = a.tok_at(sp.end);
                        break;
                    }
                }
            }
            if quoted && matches!(a.tok_text(k), "'" | "’" | "\"" | "»" | "”") && !elision_at(a, k)
            {
                break;
            }
            if a.is_cap(k) && !a.lex.stop_names.contains(low) {
                owned |= k > end;
                end = k + 1;
                k += 1;
                continue;
            }
            // "la Direction générale des Affaires intérieures": an adjective
            // right after a capitalised noun that is no named place belongs
            // to the name
            let after_owner = k > 0
                && a.toks.get(k - 1).is_some_and(|t| {
                    reg.by_start.get(&t.start).is_some_and(|m| {
                        matches!(reg.kind(m.0), Some(EntityKind::Country | EntityKind::Place))
                    })
                });
            if adjectives < 2
                && (!owned || !after_owner)
                && k == end
                && a.is_word(k)
                && !a.is_cap(k)
                && a.cue(k).is_none()
                && low.chars().count() > 3
                && (ADJECTIVE_ENDINGS.iter().any(|e| low.ends_with(e))
                    || demonym_at(a, k).is_some())
                // "Le Haut conseil islamique condamne cette attaque": a
                // word before a determiner is the verb, not an adjective
                && !matches!(
                    a.low(k + 1),
                    "le" | "la" | "les" | "l" | "cette" | "ce" | "ces" | "cet" | "un" | "une"
                )
            {
                adjectives += 1;
                end = k + 1;
                k += 1;
                continue;
            }
            // "le Comité d'enquête", "le Service de secours et des
            // urgences": a common noun after "de" completes the head
            // (an owner's generic head, a singular institution, ends the
            // name: "le Centre de crise et de soutien du ministère des
            // Affaires étrangères"; "de secours" goes on)
            if complements < 3
                && !owned
                && a.is_word(k)
                && !a.is_cap(k)
                && a.cue(k).is_none()
                && low.chars().count() > 2
                && (!a.lex.generic_heads.contains(low) || low.ends_with('s'))
                && after_de(a, k)
            {
                if complements == 0 {
                    first_complement = Some(low.to_string());
                }
                complements += 1;
                end = k + 1;
                k += 1;
                continue;
            }
            if matches!(
                low,
                "de" | "du" | "des" | "d" | "la" | "l" | "'" | "’" | "pour" | "et"
            ) {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(org) = organ_of.filter(|_| end > next) {
            let span = Span::new(a.toks[i].start, a.toks[end - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            reg.mention(org, span, &name, "organ of the organization");
            i = end;
            continue;
        }
        // "selon la Défense civile", "la Protection civile a indiqué": a
        // head that is a whole name (each country's own: a generic name,
        // never merged across documents)
        let whole = end == next && {
            let head = fold(
                a.text
                    .get(a.toks[i].start..a.toks[next - 1].end)
                    .unwrap_or(""),
            );
            matches!(
                head.as_str(),
                "defense civile" | "protection civile" | "securite civile" | "garde nationale"
            )
        };
        if end > next || whole {
            let span = Span::new(a.toks[i].start, a.toks[end - 1].end);
            let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
            // "le Haut conseil islamique du Mali" is the "Haut conseil
            // islamique" of the same article: the country it belongs to is
            // no part of what tells it apart
            let short = (next..end)
                .find(|&k| {
                    matches!(a.low(k), "du" | "de" | "d")
                        && a.toks.get(k + 1).is_some_and(|t| {
                            reg.by_start.get(&t.start).is_some_and(|m| {
                                reg.kind(m.0) == Some(EntityKind::Country) && m.1.end == span.end
                            })
                        })
                })
                .map(|k| {
                    let s = Span::new(a.toks[i].start, a.toks[k - 1].end);
                    a.text.get(s.start..s.end).unwrap_or("").to_string()
                });
            let e = match reg
                .known(&name)
                .or_else(|| short.as_deref().and_then(|s| reg.known(s)))
            {
                Some(e) => e,
                None => {
                    let e = reg.entity(&name, EntityKind::Organization);
                    if let Some(s) = &short {
                        reg.keys
                            .entry((EntityKind::Organization, fold(s)))
                            .or_insert(e);
                    }
                    e
                }
            };
            reg.mention(e, span, &name, "named body");
            if let Some(c) = first_complement {
                reg.complements.push((c, e));
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Heads of an institution written in lower case, named by a noun
/// complement and a nationality ("le comité d'enquête russe").
const INSTITUTION_NOUNS: &[&str] = &[
    "comite",
    "commission",
    "conseil",
    "service",
    "services",
    "bureau",
    "office",
    "agence",
    "institut",
    "observatoire",
    "direction",
    "tribunal",
];

/// "le comité d'enquête russe", "la commission électorale ... ", "le
/// service de sécurité ukrainien": an institution's head in lower case, one
/// or two noun complements and a nationality name a country's body (not
/// when a name follows: "l'agence de presse russe Tass" is the outlet's).
/// Without the nationality it is the same body ("comité d'enquête").
fn national_bodies(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    for i in 0..n {
        if a.is_cap(i)
            || !INSTITUTION_NOUNS.contains(&a.low(i))
            || a.cue_has(i, |c| matches!(c, Cue::OutletNoun)).is_some()
            || overlaps_any(&spans, a.toks[i].span())
        {
            continue;
        }
        let mut k = i + 1;
        let mut complements = 0;
        let mut last = i;
        while complements < 2 && k < n && k < i + 7 {
            if a.is_word(k)
                && !a.is_cap(k)
                && after_de(a, k)
                && a.cue(k).is_none()
                && demonym_at(a, k).is_none()
                && a.low(k).chars().count() > 2
            {
                complements += 1;
                last = k;
                k += 1;
            } else if matches!(a.low(k), "de" | "du" | "des" | "d" | "la" | "l" | "'" | "’") {
                k += 1;
            } else {
                break;
            }
        }
        let d = last + 1;
        if complements == 0
            || demonym_at(a, d).is_none()
            || a.is_cap(d)
            || a.is_cap(d + 1)
            || overlaps_any(&spans, Span::new(a.toks[i].start, a.toks[d].end))
        {
            continue;
        }
        let span = Span::new(a.toks[i].start, a.toks[d].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let bare = a
            .text
            .get(span.start..a.toks[last].end)
            .unwrap_or("")
            .to_string();
        let e = match reg.known(&name).or_else(|| reg.known(&bare)) {
            Some(e) => e,
            None => reg.entity(&name, EntityKind::Organization),
        };
        reg.mention(
            e,
            span,
            &name,
            "institution with a complement and a nationality",
        );
        reg.mention_alias(e, &bare, "institution without its nationality");
        let first = (i + 1..=last).find(|&k| a.is_word(k) && after_de(a, k) && !a.is_cap(k));
        if let Some(c) = first {
            reg.complements.push((a.low(c).to_string(), e));
        }
    }
}

/// "L'état-major général des armées maliennes a affirmé": the staff or the
/// command of a known armed body speaks for it (another name of it here).
fn staffs_of_forces(a: &Analysis, reg: &mut Registry) {
    for i in 0..a.toks.len() {
        if !matches!(a.low(i), "etat-major" | "commandement") {
            continue;
        }
        let mut k = i + 1;
        if matches!(a.low(k), "general" | "central" | "militaire" | "supreme") {
            k += 1;
        }
        if !matches!(a.low(k), "de" | "des" | "du") {
            continue;
        }
        k += 1;
        if a.low(k) == "l" && elision_at(a, k + 1) {
            k += 2;
        } else if a.low(k) == "la" {
            k += 1;
        }
        let Some(&(e, sp)) = a.toks.get(k).and_then(|t| reg.by_start.get(&t.start)) else {
            continue;
        };
        if reg.kind(e) != Some(EntityKind::Organization) {
            continue;
        }
        let span = Span::new(a.toks[i].start, sp.end);
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        reg.mention(e, span, &surface, "staff of the armed body");
    }
}

/// "le comité d'enquête russe ... Selon les enquêteurs": the agents of the
/// activity a body is named after (a plural noun in -eurs or -istes on the
/// stem of its complement: enquête → enquêteurs, secours → secouristes)
/// refer back to that body in its document.
fn agents_of_bodies(a: &Analysis, reg: &mut Registry) {
    if reg.complements.is_empty() {
        return;
    }
    let stems: Vec<(String, usize)> = reg
        .complements
        .iter()
        .map(|(c, e)| (c.trim_end_matches(['e', 's']).to_string(), *e))
        .filter(|(s, _)| s.chars().count() >= 5)
        .collect();
    // where each body is first named
    let mut first: HashMap<usize, usize> = HashMap::new();
    for m in &reg.mentions {
        let f = first.entry(m.entity).or_insert(m.span.end);
        *f = (*f).min(m.span.end);
    }
    for t in 1..a.toks.len() {
        let w = a.low(t);
        if !matches!(a.low(t - 1), "les" | "des" | "aux")
            || a.is_cap(t)
            || !(w.ends_with("eurs") || w.ends_with("istes"))
            || reg.by_start.contains_key(&a.toks[t].start)
        {
            continue;
        }
        let Some(&(_, e)) = stems.iter().find(|(s, _)| w.starts_with(s.as_str())) else {
            continue;
        };
        if first.get(&e).is_some_and(|&f| f <= a.toks[t].start) {
            let surface = a.tok_text(t).to_string();
            reg.mention(
                e,
                a.toks[t].span(),
                &surface,
                "agents of the body's activity",
            );
        }
    }
}

/// "C'est ce qu'affirme un rapport publié par le Bureau des droits de
/// l'homme des Nations unies. ... Les enquêteurs onusiens racontent",
/// "selon les enquêteurs": the investigators, with no body of their own,
/// are the authors of the one report or inquiry the article attributes
/// ("un rapport publié par X", "l'enquête de X"); with two authors, or
/// none, they stay unresolved.
fn investigators_of_report(a: &Analysis, reg: &mut Registry) {
    let n = a.toks.len();
    let agents: Vec<usize> = (1..n)
        .filter(|&t| {
            matches!(a.low(t), "enqueteurs" | "enqueteuses")
                && matches!(a.low(t - 1), "les" | "des" | "aux")
                && !reg.by_start.contains_key(&a.toks[t].start)
                // "les enquêteurs de la police" have their own body
                && !matches!(a.low(t + 1), "de" | "du" | "des" | "d")
        })
        .collect();
    if agents.is_empty() {
        return;
    }
    let mut authors: Vec<usize> = Vec::new();
    for t in 0..n {
        if !matches!(a.low(t), "rapport" | "enquete") {
            continue;
        }
        // "un rapport publié ce 12 mai 2023 par le Bureau ...": the author
        // after "par" (or "de") within the clause
        let mut k = t + 1;
        while k < n && k < t + 12 && a.same_sentence(k, t) && a.tok_text(k) != "," {
            if matches!(a.low(k), "par" | "de" | "du") {
                let mut m = k + 1;
                while matches!(a.low(m), "l" | "la" | "le" | "les") || elision_at(a, m) {
                    m += 1;
                }
                if let Some(&(e, _)) = a.toks.get(m).and_then(|x| reg.by_start.get(&x.start)) {
                    if reg.kind(e) == Some(EntityKind::Organization) && !authors.contains(&e) {
                        authors.push(e);
                    }
                    break;
                }
                if a.low(k) == "par" {
                    break;
                }
            }
            k += 1;
        }
    }
    let [author] = authors.as_slice() else {
        return;
    };
    for t in agents {
        // "les enquêteurs onusiens": with their adjective
        let end = if a.is_word(t + 1) && !a.is_cap(t + 1) && demonym_at(a, t + 1).is_some()
            || a.low(t + 1) == "onusiens"
        {
            t + 1
        } else {
            t
        };
        let span = Span::new(a.toks[t].start, a.toks[end].end);
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        reg.mention(*author, span, &surface, "investigators of its report");
    }
}

/// "Une agence de l'ONU a évoqué ... Le Bureau de coordination des
/// affaires humanitaires des Nations unies (Ocha) a rapporté ... cette
/// agence de l'ONU": an unnamed agency of the UN is the one body of the UN
/// (by its names, "... des Nations unies") the article names, before or
/// after; with two such bodies it stays unresolved. Generic: never merged
/// across documents by the store.
fn un_agencies(a: &Analysis, reg: &mut Registry) {
    if !a.toks.iter().any(|t| t.text(a.text) == "agence") {
        return;
    }
    let of_un = |n: &str| {
        let f = fold(n);
        f.contains(" des nations unies") || f.contains(" de l'onu")
    };
    let un_itself = |n: &str| matches!(fold(n).as_str(), "onu" | "nations unies");
    let mut bodies = reg.list.iter().enumerate().filter(|(_, e)| {
        let table: &[String] = a
            .lex
            .entities
            .iter()
            .find(|l| l.kind == EntityKind::Organization && l.name == e.name)
            .map_or(&[], |l| l.aliases.as_slice());
        let names = || {
            std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(|x| x.name.as_str()))
                .chain(table.iter().map(String::as_str))
        };
        e.kind == EntityKind::Organization && !names().any(un_itself) && names().any(of_un)
    });
    let (Some((body, _)), None) = (bodies.next(), bodies.next()) else {
        return;
    };
    for i in 0..a.toks.len() {
        if a.tok_text(i) != "agence" {
            continue;
        }
        let end = match (a.low(i + 1), a.low(i + 2)) {
            ("onusienne", _) => i + 2,
            ("de", "l") if elision_at(a, i + 3) && a.low(i + 4) == "onu" => i + 5,
            ("des", "nations") if a.low(i + 3) == "unies" => i + 4,
            _ => continue,
        };
        // "l'agence de l'ONU pour les réfugiés" is a name of its own
        if matches!(a.low(end), "pour" | "chargee" | "des" | "de" | "du") {
            continue;
        }
        let span = Span::new(a.toks[i].start, a.toks[end - 1].end);
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        reg.mention(
            body,
            span,
            &surface,
            "an agency of the UN, the one this document names",
        );
    }
}

/// Lower-case words that may stand between a facility noun and its name:
/// "le bataillon nationaliste ukrainien Azov", "le bataillon ukrainien
/// d'extrême droite Azov", "l'hôpital principal al-Chifa".
fn facility_epithet(a: &Analysis, k: usize) -> Option<usize> {
    if matches!(a.low(k), "d" | "de")
        && matches!(a.tok_text(k + 1), "'" | "’")
        && a.low(k + 2) == "extreme"
        && matches!(a.low(k + 3), "droite" | "gauche")
    {
        return Some(k + 4);
    }
    if matches!(a.low(k), "d" | "de") && a.low(k + 1) == "extreme" {
        return None;
    }
    let low = a.low(k);
    let adjective = a.is_word(k)
        && !a.is_cap(k)
        && a.cue(k).is_none()
        && low.chars().count() > 3
        && (demonym_at(a, k).is_some() || ADJECTIVE_ENDINGS.iter().any(|e| low.ends_with(e)));
    adjective.then_some(k + 1)
}

/// A name of 1-3 capitalised words (or Arabic-article names, "al-Chifa")
/// starting at token `j`, not taken by an earlier rule.
fn facility_name(a: &Analysis, spans: &[Span], j: usize) -> Option<usize> {
    let starts = (a.is_cap(j) && !a.lex.stop_names.contains(a.low(j))) || particle_name(a, j);
    if !starts || overlaps_any(spans, a.toks[j].span()) || a.tok_text(j).chars().count() < 3 {
        return None;
    }
    let mut k = j + 1;
    while k < a.toks.len()
        && k - j < 3
        && (a.is_cap(k) || particle_name(a, k))
        && a.toks[k].start == a.toks[k - 1].end + 1
    {
        k += 1;
    }
    Some(k)
}

/// Venues, facilities, streets, armed units and storms found by their shape:
/// a noun of their kind, then their name, directly ("l'hôpital al-Chifa",
/// "la rue al-Rashid", "le cyclone Chido", "le bataillon nationaliste
/// ukrainien Azov") or after "de" ("le rond-point de Naplouse"). After "de",
/// a town already known is the town ("le port de Kalamata", "le théâtre de
/// Marioupol" name Kalamata and Marioupol), not a facility of its own.
fn facilities(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let n = a.toks.len();
    let mut i = 0;
    while i < n {
        let Some((cues, next)) = a.cue(i) else {
            i += 1;
            continue;
        };
        let Some(kind) = cues.iter().find_map(|c| match c {
            Cue::Facility(k) => Some(*k),
            _ => None,
        }) else {
            i += 1;
            continue;
        };
        // the noun is lower case in running text ("l'hôpital"), or opens
        // a sentence; "Place Rouge" or "Pont-Neuf" are names of their own
        if overlaps_any(&spans, a.toks[i].span()) {
            i += 1;
            continue;
        }
        let mut j = next;
        let mut epithets = 0;
        while epithets < 3 {
            match facility_epithet(a, j) {
                Some(k) => {
                    j = k;
                    epithets += 1;
                }
                None => break,
            }
        }
        let with_de =
            epithets == 0 && matches!(a.low(j), "de" | "du") && !matches!(a.low(j + 1), "la" | "l");
        if with_de {
            j += 1;
        }
        let Some(end) = facility_name(a, &spans, j) else {
            i = next;
            continue;
        };
        let name_span = Span::new(a.toks[j].start, a.toks[end - 1].end);
        let bare = a
            .text
            .get(name_span.start..name_span.end)
            .unwrap_or("")
            .to_string();
        if a.cue(j).is_some() || reg.known(&bare).is_some() && with_de {
            i = next;
            continue;
        }
        let span = Span::new(a.toks[i].start, name_span.end);
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let noun = a
            .text
            .get(a.toks[i].start..a.toks[next - 1].end)
            .unwrap_or("");
        let canonical = if with_de {
            surface.clone()
        } else {
            format!("{noun} {bare}")
        };
        let e = match reg.known(&canonical).or_else(|| reg.known(&bare)) {
            Some(e) => e,
            None => reg.entity(&canonical, kind),
        };
        reg.mention(
            e,
            span,
            &surface,
            "named by its kind (facility, street, unit, storm)",
        );
        if !with_de {
            reg.mention_alias(e, &bare, "name without its kind");
        }
        i = end;
    }
}

/// An acronym written in capitals, maybe with digits: "ERT", "ANT1", "TF1".
fn caps_name(a: &Analysis, j: usize) -> bool {
    let w = a.tok_text(j);
    a.is_word(j)
        && (2..=6).contains(&w.chars().count())
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The name of a medium after its noun and epithets, as (first, end)
/// tokens: "ERT", "L'Essor", "Le Monde", "Kommersant".
fn media_name(a: &Analysis, spans: &[Span], j: usize) -> Option<(usize, usize)> {
    if caps_name(a, j) && !overlaps_any(spans, a.toks[j].span()) {
        return Some((j, j + 1));
    }
    // "L'Essor", "Le Soleil", "La Presse": an article begins the title
    let elided = a.tok_text(j) == "L" && matches!(a.tok_text(j + 1), "'" | "’");
    if elided || matches!(a.tok_text(j), "Le" | "La" | "Les") {
        let k = if elided { j + 2 } else { j + 1 };
        if a.toks
            .get(k)
            .is_some_and(|t| t.start <= a.toks[k - 1].end + 1)
            && a.is_cap(k)
            && !overlaps_any(spans, a.toks[j].span())
        {
            let end = place_name(a, spans, k).unwrap_or(k + 1);
            return Some((j, end));
        }
        return None;
    }
    place_name(a, spans, j).map(|end| (j, end))
}

/// Words that, after a name, make it a medium's: "al-Arabiya TV", "Top
/// FM", "Sky News", "Kiss Radio", "TF1 Info".
const MEDIA_SUFFIXES: &[&str] = &["TV", "FM", "News", "Radio", "Info"];

/// "a déclaré à al-Arabiya TV": one or two name words (capitalised, in
/// capitals or behind an Arabic article) right before a media word name an
/// outlet; a known outlet's mention grows to take the word in.
fn media_by_suffix(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    let word = |k: usize| a.is_cap(k) || caps_name(a, k) || particle_name(a, k);
    let joined = |k: usize| {
        k + 1 < a.toks.len() && a.text.get(a.toks[k].end..a.toks[k + 1].start) == Some(" ")
    };
    let mut countries_inside: HashSet<(usize, usize)> = HashSet::new();
    for t in 1..a.toks.len() {
        if !MEDIA_SUFFIXES.contains(&a.tok_text(t)) {
            continue;
        }
        if !word(t - 1) || !joined(t - 1) || a.lex.stop_names.contains(a.low(t - 1)) {
            // "Radio Free Europe", "Radio France": the media word first;
            // a country in the title is no mention of the country
            if matches!(a.tok_text(t), "Radio" | "TV")
                && joined(t)
                && word(t + 1)
                && !a.lex.stop_names.contains(a.low(t + 1))
                && !reg.by_start.contains_key(&a.toks[t].start)
            {
                let mut end = t + 2;
                if joined(t + 1) && word(end) && !a.lex.stop_names.contains(a.low(end)) {
                    end += 1;
                }
                let span = Span::new(a.toks[t].start, a.toks[end - 1].end);
                let mut inside = Vec::new();
                let mut other = false;
                for k in t + 1..end {
                    if let Some(&(e, sp)) = reg.by_start.get(&a.toks[k].start) {
                        if matches!(reg.kind(e), Some(EntityKind::Country | EntityKind::Place))
                            && sp.end <= span.end
                        {
                            inside.push((sp.start, sp.end));
                        } else {
                            other = true;
                        }
                    }
                }
                if other {
                    continue;
                }
                countries_inside.extend(inside);
                let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
                let e = reg.entity(&surface, EntityKind::Outlet);
                reg.mention(e, span, &surface, "outlet (Radio, TV before a name)");
            }
            continue;
        }
        let mut s = t - 1;
        if s > 0 && word(s - 1) && joined(s - 1) && !a.lex.stop_names.contains(a.low(s - 1)) {
            s -= 1;
        }
        // "les Fake News": a plural common noun, no outlet's title
        if s > 0 && matches!(a.low(s - 1), "les" | "des" | "ces" | "de") {
            continue;
        }
        let span = Span::new(a.toks[s].start, a.toks[t].end);
        let surface = a.text.get(span.start..span.end).unwrap_or("").to_string();
        // a known outlet's name: "al-Arabiya" of Al Arabiya
        let known = (s..t).find_map(|k| {
            reg.by_start
                .get(&a.toks[k].start)
                .filter(|(e, sp)| {
                    reg.kind(*e) == Some(EntityKind::Outlet) && sp.end == a.toks[t - 1].end
                })
                .map(|(e, _)| *e)
        });
        let e = match known {
            Some(e) => e,
            None if !overlaps_any(&spans, Span::new(span.start, a.toks[t - 1].end)) => {
                reg.entity(&surface, EntityKind::Outlet)
            }
            None => continue,
        };
        reg.mention(e, span, &surface, "outlet (a name before TV, FM, News...)");
    }
    if !countries_inside.is_empty() {
        reg.mentions
            .retain(|m| !countries_inside.contains(&(m.span.start, m.span.end)));
        for (start, _) in &countries_inside {
            reg.by_start.remove(start);
        }
    }
}

/// Media named after a media noun and its epithets: "le quotidien
/// Kommersant", "la télévision publique ERT", "la chaîne de télévision
/// nationale grecque ERT", "le quotidien d'État, L'Essor".
fn media_by_shape(a: &Analysis, reg: &mut Registry) {
    let spans = sorted_spans(reg);
    for i in 0..a.toks.len() {
        let Some(mut j) = a.cue_has(i, |c| matches!(c, Cue::OutletNoun)) else {
            continue;
        };
        for _ in 0..3 {
            if matches!(a.low(j), "d" | "de")
                && matches!(a.tok_text(j + 1), "'" | "’")
                && a.low(j + 2) == "etat"
            {
                j += 3; // "d'État"
            } else if matches!(a.low(j), "public" | "publique" | "prive" | "privee") {
                j += 1;
            } else if let Some(k) = facility_epithet(a, j) {
                j = k;
            } else {
                break;
            }
        }
        // "le quotidien d'État, L'Essor": an apposed title
        if a.tok_text(j) == "," && j > i + 1 {
            j += 1;
        }
        let Some((first, end)) = media_name(a, &spans, j) else {
            continue;
        };
        let span = Span::new(a.toks[first].start, a.toks[end - 1].end);
        let name = a.text.get(span.start..span.end).unwrap_or("").to_string();
        let e = match reg.known(&name) {
            Some(e) => e,
            None => reg.entity(&name, EntityKind::Outlet),
        };
        reg.mention(e, span, &name, "outlet");
    }
}

/// The office named just before a person's name, "préfet de Mayotte" in
/// "le préfet de Mayotte, François-Xavier Bieuville" or "le maire de
/// Marioupol Vadym Boïtchenko": a title, "de", then a place or country.
fn office_before(a: &Analysis, reg: &Registry, i: usize) -> Option<String> {
    let mut k = i.checked_sub(1)?;
    if a.tok_text(k) == "," {
        k = k.checked_sub(1)?;
    }
    let end = a.toks.get(k)?.end;
    // the place mention ending at token k: at most three words long
    let (e, span) = (k.saturating_sub(2)..=k)
        .filter_map(|s| reg.by_start.get(&a.toks[s].start))
        .find(|(_, sp)| sp.end == end)
        .copied()?;
    if !matches!(reg.kind(e), Some(EntityKind::Place | EntityKind::Country)) {
        return None;
    }
    let s = a.tok_at(span.start);
    let de = s.checked_sub(1)?;
    if !matches!(a.low(de), "de" | "du") {
        return None;
    }
    let t = (de.saturating_sub(4)..de).find(|&t| {
        a.cue(t)
            .is_some_and(|(c, next)| next == de && c.iter().any(|x| matches!(x, Cue::Title)))
    })?;
    a.text.get(a.toks[t].start..span.end).map(str::to_string)
}
