//! Phrase matching over a whole document in one pass (Aho-Corasick), with
//! French word boundaries (glued tokens such as "surTelegram" or "26mars"
//! count as boundaries) and a case rule: a capital in the lexicon must be a
//! capital in the text, so "Le Monde" (the outlet) does not match "le monde".

use crate::model::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// A set of phrases, each with the payloads it stands for.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern, the spellings it stands for (differing only
    /// in ASCII case), for the case rule.
    patterns: Vec<Vec<String>>,
    payloads: Vec<Vec<T>>,
}

impl<T: Clone + PartialEq> PhraseSet<T> {
    /// Build from (phrase, payload) pairs; a phrase written with ' also
    /// matches ’ and the reverse.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns = Vec::new();
        let mut payloads: Vec<Vec<T>> = Vec::new();
        for (phrase, payload) in entries {
            let phrase = phrase.trim().to_string();
            if phrase.is_empty() {
                continue;
            }
            let mut variants = vec![phrase.clone()];
            if phrase.contains('\'') {
                variants.push(phrase.replace('\'', "’"));
            }
            if phrase.contains('’') {
                variants.push(phrase.replace('’', "'"));
            }
            // capitals often lose their accent in the press, anywhere in
            // a phrase: "États-Unis" and "Etats-Unis", "secrétaire d'État"
            // and "secrétaire d’Etat", "Alliance des Etats du Sahel"
            if phrase.contains('É') {
                let plain: Vec<String> = variants.iter().map(|v| v.replace('É', "E")).collect();
                variants.extend(plain);
            }
            // a compound is written with a hyphen or a space: "Croix-Rouge"
            // and "Croix Rouge", "Nations unies" and "Nations-unies"
            let hyphenated = spaced_or_hyphenated(&variants);
            variants.extend(hyphenated);
            // the French press writes acronyms of four letters or more as
            // words: "JNIM" and "Jnim", "UNRWA" and "Unrwa", "OTAN" and "Otan"
            if phrase.chars().count() >= 4 && phrase.chars().all(|c| c.is_uppercase()) {
                let mut cs = phrase.chars();
                if let Some(c) = cs.next() {
                    variants.push(format!("{c}{}", cs.as_str().to_lowercase()));
                }
            }
            for v in variants {
                let i = *index.entry(v.to_ascii_lowercase()).or_insert_with(|| {
                    patterns.push(Vec::new());
                    payloads.push(Vec::new());
                    patterns.len() - 1
                });
                if !patterns[i].contains(&v) {
                    patterns[i].push(v.clone());
                }
                if !payloads[i].contains(&payload) {
                    payloads[i].push(payload.clone());
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|v| v[0].to_ascii_lowercase()))
            .ok();
        PhraseSet {
            ac,
            patterns,
            payloads,
        }
    }

    /// Non-overlapping matches inside `seg` of `text`, left to right.
    pub fn find(&self, text: &str, seg: Span) -> Vec<(Span, &[T])> {
        let mut out = Vec::new();
        let (Some(ac), Some(hay)) = (&self.ac, text.get(seg.start..seg.end)) else {
            return out;
        };
        // A match refused by the case or boundary rule must not hide a
        // shorter one starting later ("la Gazette" hides "Gazette"): resume
        // one character after its start.
        let mut pos = 0;
        'search: while pos < hay.len() {
            for m in ac.find_iter(aho_corasick::Input::new(hay).span(pos..hay.len())) {
                let (s, e) = (m.start() + seg.start, m.end() + seg.start);
                let pat = &self.patterns[m.pattern().as_usize()];
                let fits = text.is_char_boundary(s)
                    && text.is_char_boundary(e)
                    && pat.iter().any(|p| case_fits(p, &text[s..e]))
                    && boundary_before(text, s, seg.start)
                    && boundary_after(text, e, seg.end)
                    && !compound_goes_on(text, s, e);
                if fits {
                    out.push((
                        Span::new(s, e),
                        self.payloads[m.pattern().as_usize()].as_slice(),
                    ));
                    continue;
                }
                // a shorter pattern at the same start may fit ("région de"
                // when "région de La" is refused in "région de Lachin")
                if let Some((pe, pat)) = self.shorter_at(ac, text, seg, m.start(), m.end()) {
                    out.push((
                        Span::new(m.start() + seg.start, pe + seg.start),
                        self.payloads[pat].as_slice(),
                    ));
                    pos = pe;
                    continue 'search;
                }
                pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue 'search;
            }
            break;
        }
        out
    }
}

impl<T> PhraseSet<T> {
    /// The longest pattern starting at `start` (relative to `seg`), shorter
    /// than `end`, that the case and boundary rules accept: its end and
    /// pattern index. At most a few tries: patterns sharing a start are few.
    fn shorter_at(
        &self,
        ac: &AhoCorasick,
        text: &str,
        seg: Span,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let hay = text.get(seg.start..seg.end)?;
        let mut hi = end;
        for _ in 0..8 {
            hi = hi.checked_sub(1)?;
            while hi > start && !hay.is_char_boundary(hi) {
                hi -= 1;
            }
            if hi <= start {
                return None;
            }
            let m = ac.find(aho_corasick::Input::new(hay).span(start..hi))?;
            if m.start() != start {
                return None;
            }
            let (s, e) = (m.start() + seg.start, m.end() + seg.start);
            let pat = &self.patterns[m.pattern().as_usize()];
            let fits = text.is_char_boundary(e)
                && pat.iter().any(|p| case_fits(p, &text[s..e]))
                && boundary_before(text, s, seg.start)
                && boundary_after(text, e, seg.end)
                && !compound_goes_on(text, s, e);
            if fits {
                return Some((m.end(), m.pattern().as_usize()));
            }
            hi = m.end();
        }
        None
    }
}

/// Capitals of the lexicon must be capitals in the text; a capital inside a
/// word of the text must be one in the lexicon too ("VietNam" is not
/// "Vietnam"), unless the text is all capitals ("EREVAN").
/// The other writings of compound phrases: every hyphen as a space
/// ("Croix-Rouge" → "Croix Rouge"), and a two-word phrase hyphenated
/// ("Nations unies" → "Nations-unies").
fn spaced_or_hyphenated(variants: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for v in variants {
        if v.contains('-') {
            out.push(v.replace('-', " "));
        } else if v.split(' ').count() == 2 && v.split(' ').all(|w| w.chars().count() > 2) {
            out.push(v.replace(' ', "-"));
        }
    }
    out
}

fn case_fits(pattern: &str, found: &str) -> bool {
    let all_caps = found
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let mut prev_alpha = false;
    for (p, f) in pattern.chars().zip(found.chars()) {
        if p.is_uppercase() && !f.is_uppercase() {
            return false;
        }
        if p.is_lowercase() && f.is_uppercase() && prev_alpha && !all_caps {
            return false;
        }
        prev_alpha = f.is_alphabetic();
    }
    true
}

fn boundary_before(text: &str, s: usize, lo: usize) -> bool {
    if s <= lo {
        return true;
    }
    let prev = text[..s].chars().next_back();
    let first = text[s..].chars().next();
    match (prev, first) {
        (Some(p), Some(f)) => {
            !p.is_alphanumeric()
                || !f.is_alphanumeric()
                || (p.is_lowercase() && f.is_uppercase())
                || (p.is_ascii_digit() && f.is_alphabetic())
        }
        _ => true,
    }
}

/// A name of several words ("La Croix") followed by a hyphen and a capital
/// is the start of a longer compound name ("La Croix-Rouge"), while a single
/// word before a hyphen stays a name of its own ("guerre Israël-Hamas").
fn compound_goes_on(text: &str, s: usize, e: usize) -> bool {
    let found = text.get(s..e).unwrap_or("");
    let mut rest = text.get(e..).unwrap_or("").chars();
    found.contains(' ') && rest.next() == Some('-') && rest.next().is_some_and(char::is_uppercase)
}

fn boundary_after(text: &str, e: usize, hi: usize) -> bool {
    if e >= hi {
        return true;
    }
    let last = text[..e].chars().next_back();
    let next = text[e..].chars().next();
    match (last, next) {
        (Some(l), Some(n)) => {
            !n.is_alphanumeric()
                || !l.is_alphanumeric()
                || (l.is_lowercase() && n.is_uppercase())
                || (l.is_alphabetic() && n.is_ascii_digit())
                || (l.is_ascii_digit() && n.is_alphabetic())
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_case() {
        let set = PhraseSet::new([
            ("Telegram".to_string(), 1),
            ("Le Monde".to_string(), 2),
            ("mars".to_string(), 3),
            ("près d'".to_string(), 4),
        ]);
        let t = "Suivez surTelegram, le monde, Le Monde, le 26mars, près d’Erevan, marsupial";
        let got: Vec<(&str, i32)> = set
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, p)| (&t[s.start..s.end], p[0]))
            .collect();
        assert_eq!(
            got,
            [
                ("Telegram", 1),
                ("Le Monde", 2),
                ("mars", 3),
                ("près d’", 4)
            ]
        );
    }
}
#[cfg(test)]
mod shorter_tests {
    use super::*;

    #[test]
    fn a_refused_long_phrase_leaves_a_shorter_one_at_its_start() {
        let set = PhraseSet::new([
            ("région de".to_string(), 1),
            ("région de la".to_string(), 2),
        ]);
        let t = "dans la région de Lachin et la région de la Gnagna";
        let got: Vec<(&str, i32)> = set
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, p)| (&t[s.start..s.end], p[0]))
            .collect();
        assert_eq!(got, [("région de", 1), ("région de la", 2)]);
    }
}

#[cfg(test)]
mod compound_tests {
    use super::*;

    #[test]
    fn a_compound_name_is_not_its_first_words() {
        let set = PhraseSet::new([("La Croix".to_string(), 1), ("Israël".to_string(), 2)]);
        let t = "La Croix-Rouge congolaise, guerre Israël-Hamas, selon La Croix.";
        let got: Vec<&str> = set
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, _)| &t[s.start..s.end])
            .collect();
        assert_eq!(got, ["Israël", "La Croix"]);
    }
}

#[cfg(test)]
mod case_tests {
    use super::*;
    #[test]
    fn spellings_differing_in_ascii_case_share_a_pattern() {
        let set = PhraseSet::new([
            ("de la Défense".to_string(), 1),
            ("de la défense".to_string(), 2),
            ("nie".to_string(), 3),
        ]);
        let t = "Le ministère arménien de la défense nie avoir";
        let got: Vec<(&str, i32)> = set
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, p)| (&t[s.start..s.end], p[0]))
            .collect();
        assert_eq!(got, [("de la défense", 1), ("nie", 3)]);
        let set = PhraseSet::new([("Vietnam".to_string(), 1), ("Erevan".to_string(), 2)]);
        let t = "Happy VietNam, EREVAN";
        let got: Vec<i32> = set
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(_, p)| p[0])
            .collect();
        assert_eq!(got, [2]);
    }
}

#[cfg(test)]
mod spelling_tests {
    use super::*;

    fn found(set: &PhraseSet<i32>, t: &str) -> Vec<(String, i32)> {
        set.find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(s, p)| (t[s.start..s.end].to_string(), p[0]))
            .collect()
    }

    #[test]
    fn hyphen_or_space_in_a_compound() {
        // "les Nations-unies", "la Croix Rouge"
        let set = PhraseSet::new([
            ("Nations unies".to_string(), 1),
            ("Croix-Rouge".to_string(), 2),
        ]);
        let t = "tout comme les Nations-unies, ou la Croix Rouge";
        assert_eq!(
            found(&set, t),
            [
                ("Nations-unies".to_string(), 1),
                ("Croix Rouge".to_string(), 2)
            ]
        );
    }

    #[test]
    fn an_acronym_written_as_a_word() {
        // "la katiba Macina du Jnim, lié à al-Qaïda"
        let set = PhraseSet::new([("JNIM".to_string(), 1), ("ONU".to_string(), 2)]);
        let t = "la katiba Macina du Jnim, selon l'Onu";
        assert_eq!(found(&set, t), [("Jnim".to_string(), 1)]);
    }
}
