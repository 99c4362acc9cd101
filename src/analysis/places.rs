//! Place containment for comparison: which country a place lies in, from the
//! parents the lexicon gives (`Alep ; Syrie` in `places.lex`, every capital
//! in its country). A toll "à Alep" is a part of Syria's toll, never a rival
//! of Turkey's; an article that names Gaziantep tells of Turkey.
//!
//! The table is read once from the bundled lexicon files (a user's
//! `--lexicon` file adds places to extraction, not parents here).

use crate::extract::fold::fold;
use crate::extract::lexicon::Lexicon;
use std::collections::HashMap;
use std::sync::LazyLock;

/// How many steps up a chain of parents is followed ("Antakya" → "Hatay" →
/// "Turquie"); a longer chain (or a loop in a user's file) stops there.
const MAX_DEPTH: usize = 8;

struct Containment {
    /// Folded place name → canonical name of its parent.
    parents: HashMap<String, String>,
    /// Folded country name (any spelling) → canonical country name.
    countries: HashMap<String, String>,
    /// Folded demonym (any form: "ukrainiennes") → canonical country name.
    demonyms: HashMap<String, String>,
}

static TABLE: LazyLock<Containment> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    for (name, text) in crate::extract::lexicon::BUILTIN {
        if matches!(*name, "countries.lex" | "places.lex") {
            // Checked by the test suite (see `Lexicon::builtin`).
            let _ = lex.add_text(text, name);
        }
    }
    let mut countries = HashMap::new();
    for c in &lex.countries {
        if let Some(e) = lex.entities.get(c.entity) {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                countries.insert(fold(n), e.name.clone());
            }
        }
    }
    let demonyms = lex
        .demonyms
        .iter()
        .filter_map(|(form, &i)| {
            let c = lex.countries.get(i)?;
            Some((form.clone(), lex.entities.get(c.entity)?.name.clone()))
        })
        .collect();
    Containment {
        parents: lex.parents,
        countries,
        demonyms,
    }
});

/// The canonical name of the country `name` is (any spelling: "Etats-Unis").
pub fn country(name: &str) -> Option<&'static str> {
    TABLE.countries.get(&fold(name)).map(String::as_str)
}

/// The country a place or country lies in: "Alep" → "Syrie", "Antakya" →
/// "Turquie" (through "Hatay"), "Syrie" → "Syrie"; `None` for a place of no
/// known country (a sea, a disputed territory, a village unknown to the
/// lexicon).
pub fn country_of(name: &str) -> Option<&'static str> {
    let table = &*TABLE;
    let mut key = fold(name);
    for _ in 0..MAX_DEPTH {
        if let Some(c) = table.countries.get(&key) {
            return Some(c.as_str());
        }
        key = fold(table.parents.get(&key)?);
    }
    None
}

/// The country a name says its body belongs to, by a demonym or a country
/// name: "ministère russe de la Défense" (Russie), "forces ukrainiennes"
/// (Ukraine), "armée de l'Azerbaïdjan".
pub fn nationality(name: &str) -> Option<&'static str> {
    let folded = fold(name);
    folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 3)
        .find_map(|w| {
            TABLE
                .demonyms
                .get(w)
                .or_else(|| TABLE.countries.get(w))
                .map(String::as_str)
        })
}

/// The country a description of a zone names: "la partie de la Syrie
/// contrôlée par les forces gouvernementales" (Syrie).
pub fn named_country(text: &str) -> Option<&'static str> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|i| {
        (1..=3)
            .filter_map(|n| words.get(i..i + n))
            .find_map(|w| country(&w.join(" ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_lie_in_their_country() {
        assert_eq!(country_of("Alep"), Some("Syrie"));
        assert_eq!(country_of("Gaziantep"), Some("Turquie"));
        assert_eq!(country_of("Donetsk"), Some("Ukraine"));
        assert_eq!(country_of("Antakya"), Some("Turquie"));
        assert_eq!(country_of("Rafah"), Some("Palestine"));
        assert_eq!(country_of("Turquie"), Some("Turquie"));
        assert_eq!(country_of("Ankara"), Some("Turquie"));
        assert_eq!(country_of("Haut-Karabakh"), None);
        assert_eq!(country_of("Méditerranée"), None);
        assert_eq!(country("Etats-Unis"), Some("États-Unis"));
        assert_eq!(
            named_country("la partie de la syrie controlee par les forces gouvernementales"),
            Some("Syrie")
        );
        assert_eq!(named_country("les zones sous controle des rebelles"), None);
        assert_eq!(nationality("ministère russe de la Défense"), Some("Russie"));
        assert_eq!(nationality("forces ukrainiennes"), Some("Ukraine"));
        assert_eq!(nationality("Comité d'enquête"), None);
    }
}
