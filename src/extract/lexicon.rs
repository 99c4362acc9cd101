//! The language knowledge of the extractor, read from plain-text files.
//!
//! Everything French (country names and demonyms, outlets, titles, bound
//! words, speech verbs, denial phrases, event triggers, transliteration
//! rules...) lives in `data/lexicon/*.lex`, bundled into the binary, and a
//! user may add a file of the same format with `--lexicon FILE`.
//!
//! Format: `[section]` headers; one entry per line; `;` separates fields and
//! `|` separates alternatives inside a field; `#` starts a comment. Each
//! section documents its fields at the top of the bundled files.

use crate::error::{Error, Result};
use crate::extract::fold::{fold, Rule};
use crate::model::{Bound, EntityKind, EventKind, Measure};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// A named thing the gazetteer knows: its canonical name, kind and spellings.
#[derive(Debug, Clone, PartialEq)]
pub struct LexEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings, all meaning this entity ("alias table").
    pub aliases: Vec<String>,
}

/// A country: its entity, its demonyms (first one canonical, masculine
/// singular) and its capitals.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub entity: usize,
    pub demonym: Option<String>,
}

/// An institution that takes a nationality: "Conseil de sécurité arménien";
/// with a template, the phrase names another body ("armée russe" speaks as
/// "ministère russe de la Défense").
#[derive(Debug, Clone, PartialEq)]
pub struct Institution {
    pub head: String,
    pub template: Option<String>,
    /// The folded first head of its line: the spellings of one body
    /// ("garde-côtes", "gardes-côtes", "garde côtière") share it.
    pub key: String,
}

/// A phrase that announces a place name: "le village de X".
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCue {
    pub phrase: String,
    /// "corridor de Latchine" is itself a name of the place.
    pub part_of_name: bool,
    /// "en direction de X, Y et Z" introduces a list.
    pub list: bool,
    /// "à X": only when no verb of saying comes just before ("a déclaré à
    /// X") and X is no first name.
    pub weak: bool,
}

/// All the language knowledge, merged from the bundled and user files.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entities: Vec<LexEntity>,
    pub countries: Vec<Country>,
    /// Folded demonym form → index into `countries`.
    pub demonyms: HashMap<String, usize>,
    /// Folded capital → index into `countries` ("Moscou" speaks for Russia).
    pub capitals: HashMap<String, usize>,
    /// Folded place name (any spelling) → the canonical name of the place
    /// or country it lies in: `Alep | Halab ; Syrie` in `[places]` ("Alep"
    /// lies in Syria), and every capital in its country.
    pub parents: HashMap<String, String>,
    pub first_names: HashSet<String>,
    pub titles: Vec<String>,
    /// Portfolio phrases of ministries: canonical, then variants.
    pub ministries: Vec<Vec<String>>,
    pub institutions: Vec<Institution>,
    pub place_cues: Vec<PlaceCue>,
    /// The place nouns of the strong place cues ("port", "ville"), folded,
    /// computed once (see [`Lexicon::place_nouns`]).
    place_nouns: std::sync::OnceLock<HashSet<String>>,
    pub numbers: Vec<(String, f64)>,
    pub approx_numbers: Vec<(String, f64)>,
    pub bounds: Vec<(String, Bound)>,
    pub measure_nouns: Vec<(String, Measure)>,
    pub measure_verbs: Vec<(String, Measure)>,
    pub counted_nouns: Vec<String>,
    pub troop_cues: Vec<String>,
    pub speech_verbs: Vec<String>,
    pub source_markers: Vec<String>,
    pub accusation_verbs: Vec<String>,
    pub denials: Vec<String>,
    pub event_triggers: Vec<(String, EventKind)>,
    pub months: Vec<(String, u32)>,
    pub weekdays: Vec<(String, u32)>,
    pub relative_days: Vec<(String, i64)>,
    pub transliteration: Vec<Rule>,
    pub confusables: Vec<(char, char)>,
    pub corporate_suffixes: Vec<String>,
    pub abbreviations: HashSet<String>,
    pub stop_names: HashSet<String>,
    pub pronouns: HashSet<String>,
    pub units: Vec<String>,
    pub outlet_nouns: Vec<String>,
    /// "le gang", "la milice": an organization's name follows.
    pub org_nouns: Vec<String>,
    pub org_heads: Vec<String>,
    /// Common nouns that name a body only through an owner given nearby
    /// ("la mairie", "les autorités"): never a corpus-wide name alone.
    pub generic_heads: HashSet<String>,
    /// Nouns of named venues, facilities, streets, units and storms ("hôpital
    /// al-Chifa", "rond-point de Naplouse", "bataillon Azov", "cyclone
    /// Chido"), with the kind of the thing they name.
    pub facilities: Vec<(String, EntityKind)>,
}

/// The bundled lexicon files, in the order they are read.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "countries.lex",
        include_str!("../../data/lexicon/countries.lex"),
    ),
    ("places.lex", include_str!("../../data/lexicon/places.lex")),
    (
        "organizations.lex",
        include_str!("../../data/lexicon/organizations.lex"),
    ),
    (
        "outlets.lex",
        include_str!("../../data/lexicon/outlets.lex"),
    ),
    (
        "weapons.lex",
        include_str!("../../data/lexicon/weapons.lex"),
    ),
    (
        "persons.lex",
        include_str!("../../data/lexicon/persons.lex"),
    ),
    (
        "numbers.lex",
        include_str!("../../data/lexicon/numbers.lex"),
    ),
    (
        "measures.lex",
        include_str!("../../data/lexicon/measures.lex"),
    ),
    ("speech.lex", include_str!("../../data/lexicon/speech.lex")),
    ("events.lex", include_str!("../../data/lexicon/events.lex")),
    ("dates.lex", include_str!("../../data/lexicon/dates.lex")),
    (
        "language.lex",
        include_str!("../../data/lexicon/language.lex"),
    ),
];

impl Lexicon {
    /// The lexicon of the bundled files.
    /// The nouns of the strong place cues without their "de" ("port de",
    /// "ville de" give "port", "ville"), folded: "le port grec de
    /// Kalamata" puts a nationality between the noun and its name.
    pub fn place_nouns(&self) -> &HashSet<String> {
        self.place_nouns.get_or_init(|| {
            self.place_cues
                .iter()
                .filter(|c| !c.weak && !c.list)
                .filter_map(|c| {
                    crate::extract::fold::fold(&c.phrase)
                        .strip_suffix(" de")
                        .map(str::to_string)
                })
                .collect()
        })
    }

    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in BUILTIN {
            // The bundled files are checked by the test suite; a broken one
            // would be a build defect, so it is reported loudly in debug only.
            if let Err(e) = lex.add_text(text, &format!("data/lexicon/{name}")) {
                debug_assert!(false, "{e}");
            }
        }
        lex
    }

    /// Read one more lexicon file's text into this lexicon. `origin` names the
    /// file in error messages (`origin:line: ...`).
    pub fn add_text(&mut self, text: &str, origin: &str) -> Result<()> {
        let mut section = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line = match raw.find('#') {
                Some(p) => &raw[..p],
                None => raw,
            }
            .trim();
            if line.is_empty() {
                continue;
            }
            let at = |message: String| Error::Input {
                location: format!("{origin}:{}", i + 1),
                message,
            };
            if let Some(rest) = line.strip_prefix('[') {
                let Some(name) = rest.strip_suffix(']') else {
                    return Err(at(format!("unclosed section header {line:?}")));
                };
                section = name.trim().to_string();
                continue;
            }
            let fields: Vec<Vec<String>> = line
                .split(';')
                .map(|f| {
                    f.split('|')
                        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|a| !a.is_empty())
                        .collect()
                })
                .collect();
            self.add_entry(&section, &fields).map_err(at)?;
        }
        Ok(())
    }

    fn add_entry(&mut self, section: &str, f: &[Vec<String>]) -> Result<(), String> {
        let first = f.first().filter(|v| !v.is_empty()).ok_or("empty entry")?;
        let one = |n: usize, what: &str| -> Result<String, String> {
            f.get(n)
                .and_then(|v| v.first())
                .cloned()
                .ok_or_else(|| format!("missing field {} ({what})", n + 1))
        };
        match section {
            "" => return Err("entry before any [section] header".into()),
            "countries" => {
                let entity = self.push_entity(first, EntityKind::Country);
                let demonyms = f.get(1).cloned().unwrap_or_default();
                let ci = self.countries.len();
                self.countries.push(Country {
                    entity,
                    demonym: demonyms.first().cloned(),
                });
                for d in &demonyms {
                    for form in inflect(d) {
                        self.demonyms.entry(fold(&form)).or_insert(ci);
                    }
                }
                for cap in f.get(2).cloned().unwrap_or_default() {
                    self.capitals.entry(fold(&cap)).or_insert(ci);
                    self.parents.insert(fold(&cap), first[0].clone());
                    self.push_entity(&[cap], EntityKind::Place);
                }
            }
            "places" => {
                self.push_entity(first, EntityKind::Place);
                // "Alep ; Syrie": the place (or country) it lies in
                if let Some(parent) = f.get(1).and_then(|v| v.first()) {
                    for name in first {
                        self.parents.insert(fold(name), parent.clone());
                    }
                }
            }
            "organizations" => {
                self.push_entity(first, EntityKind::Organization);
            }
            "outlets" => {
                self.push_entity(first, EntityKind::Outlet);
            }
            "weapons" => {
                self.push_entity(first, EntityKind::Weapon);
            }
            "first_names" => self.first_names.extend(first.iter().map(|n| fold(n))),
            "titles" => self.titles.extend(first.iter().cloned()),
            "ministries" => self.ministries.push(first.clone()),
            "institutions" => {
                let key = fold(&first[0]);
                for head in first {
                    self.institutions.push(Institution {
                        head: head.clone(),
                        template: f.get(1).and_then(|v| v.first()).cloned(),
                        key: key.clone(),
                    });
                }
            }
            "generic_heads" => self.generic_heads.extend(first.iter().map(|a| fold(a))),
            "place_cues" => {
                let flags: Vec<String> = f.get(1).cloned().unwrap_or_default();
                for flag in &flags {
                    if flag != "name" && flag != "list" && flag != "weak" {
                        return Err(format!(
                            "unknown place cue flag {flag:?} (name, list, weak)"
                        ));
                    }
                }
                for p in first {
                    // (a cue added after the nouns were computed: computed again)
                    self.place_nouns = std::sync::OnceLock::new();
                    self.place_cues.push(PlaceCue {
                        phrase: p.clone(),
                        part_of_name: flags.iter().any(|x| x == "name"),
                        list: flags.iter().any(|x| x == "list"),
                        weak: flags.iter().any(|x| x == "weak"),
                    });
                }
            }
            "numbers" | "approx_numbers" => {
                let v: f64 = one(1, "value")?
                    .parse()
                    .map_err(|_| format!("not a number: {:?}", f[1][0]))?;
                let list = if section == "numbers" {
                    &mut self.numbers
                } else {
                    &mut self.approx_numbers
                };
                list.extend(first.iter().map(|w| (w.clone(), v)));
            }
            "bounds" => {
                let b = Bound::from_str(&one(1, "bound")?)?;
                self.bounds.extend(first.iter().map(|w| (w.clone(), b)));
            }
            "measure_nouns" | "measure_verbs" => {
                let m = Measure::from_str(&one(1, "measure")?)?;
                let list = if section == "measure_nouns" {
                    &mut self.measure_nouns
                } else {
                    &mut self.measure_verbs
                };
                list.extend(first.iter().map(|w| (w.clone(), m)));
            }
            "counted_nouns" => self.counted_nouns.extend(first.iter().cloned()),
            "troop_cues" => self.troop_cues.extend(first.iter().cloned()),
            "speech_verbs" => {
                for form in first {
                    for tensed in other_tenses(form) {
                        if !self.speech_verbs.contains(&tensed) && !first.contains(&tensed) {
                            self.speech_verbs.push(tensed);
                        }
                    }
                }
                self.speech_verbs.extend(first.iter().cloned());
            }
            "source_markers" => self.source_markers.extend(first.iter().cloned()),
            "accusation_verbs" => self.accusation_verbs.extend(first.iter().cloned()),
            "denials" => self.denials.extend(first.iter().cloned()),
            "event_triggers" => {
                let k = EventKind::from_str(&one(1, "event kind")?)?;
                self.event_triggers
                    .extend(first.iter().map(|w| (w.clone(), k)));
            }
            "months" | "weekdays" => {
                let n: u32 = one(1, "number")?
                    .parse()
                    .map_err(|_| "expected a whole number".to_string())?;
                let list = if section == "months" {
                    &mut self.months
                } else {
                    &mut self.weekdays
                };
                list.extend(first.iter().map(|w| (w.clone(), n)));
            }
            "relative_days" => {
                let n: i64 = one(1, "day offset")?
                    .parse()
                    .map_err(|_| "expected a day offset such as -1".to_string())?;
                self.relative_days
                    .extend(first.iter().map(|w| (w.clone(), n)));
            }
            "transliteration" => {
                let to = f
                    .get(1)
                    .and_then(|v| v.first())
                    .cloned()
                    .unwrap_or_default();
                for from in first {
                    let (from, word_end) = match from.strip_suffix('$') {
                        Some(s) => (s.to_string(), true),
                        None => (from.clone(), false),
                    };
                    self.transliteration.push(Rule {
                        from: fold(&from),
                        to: fold(&to),
                        word_end,
                    });
                }
            }
            "confusables" => {
                for pair in first {
                    let cs: Vec<char> = pair.chars().filter(|c| *c != '/').collect();
                    if cs.len() != 2 {
                        return Err(format!("expected a letter pair such as f/p, got {pair:?}"));
                    }
                    self.confusables.push((cs[0], cs[1]));
                }
            }
            "corporate_suffixes" => self.corporate_suffixes.extend(first.iter().cloned()),
            "abbreviations" => self.abbreviations.extend(first.iter().map(|a| fold(a))),
            "stop_names" => self.stop_names.extend(first.iter().map(|a| fold(a))),
            "pronouns" => self.pronouns.extend(first.iter().map(|a| fold(a))),
            "units" => self.units.extend(first.iter().cloned()),
            "outlet_nouns" => self.outlet_nouns.extend(first.iter().cloned()),
            "org_nouns" => self.org_nouns.extend(first.iter().cloned()),
            "org_heads" => self.org_heads.extend(first.iter().cloned()),
            "facilities" => {
                let kind = one(1, "kind")?.parse::<EntityKind>()?;
                self.facilities
                    .extend(first.iter().map(|n| (n.clone(), kind)));
            }
            other => return Err(format!("unknown section [{other}]")),
        }
        Ok(())
    }

    /// Add an entity or, when one of its spellings is already known with the
    /// same kind, add the new spellings to it. Returns its index.
    fn push_entity(&mut self, names: &[String], kind: EntityKind) -> usize {
        let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
        if let Some(i) = self.entities.iter().position(|e| {
            e.kind == kind
                && (folded.contains(&fold(&e.name))
                    || e.aliases.iter().any(|a| folded.contains(&fold(a))))
        }) {
            for n in names {
                let e = &mut self.entities[i];
                if fold(&e.name) != fold(n) && !e.aliases.contains(n) {
                    e.aliases.push(n.clone());
                }
            }
            return i;
        }
        self.entities.push(LexEntity {
            name: names[0].clone(),
            kind,
            aliases: names[1..].to_vec(),
        });
        self.entities.len() - 1
    }

    /// The country a demonym form belongs to ("azerbaïdjanaises" → Azerbaïdjan).
    pub fn country_of_demonym(&self, word: &str) -> Option<&Country> {
        self.demonyms
            .get(&fold(word))
            .and_then(|&i| self.countries.get(i))
    }
}

/// Feminine and plural forms of a masculine singular demonym or adjective.
pub fn inflect(m: &str) -> Vec<String> {
    let mut v = vec![m.to_string()];
    let (f, mp, fp) = if m.ends_with('e') {
        (m.to_string(), format!("{m}s"), format!("{m}s"))
    } else if m.ends_with('s') || m.ends_with('x') {
        (format!("{m}e"), m.to_string(), format!("{m}es"))
    } else if m.ends_with("en") || m.ends_with("on") {
        (format!("{m}ne"), format!("{m}s"), format!("{m}nes"))
    } else if let Some(stem) = m.strip_suffix("al") {
        (format!("{m}e"), format!("{stem}aux"), format!("{m}es"))
    } else {
        (format!("{m}e"), format!("{m}s"), format!("{m}es"))
    };
    for x in [f, mp, fp] {
        if !v.contains(&x) {
            v.push(x);
        }
    }
    v
}

/// The other tenses of a verb of saying, which news writes as often as the
/// present: the imperfect ("le ministre évoquait 3 252 morts", "indiquaient
/// les secours"), the conditional and future ("annoncerait"), and the
/// pluperfect and past conditional of a compound form ("a évoqué" →
/// "avait évoqué", "aurait évoqué"). Only regular verbs in -er are formed
/// from the present ("évoque", "annonce" → "annonçait", "juge" →
/// "jugeait"); the lexicon lists the irregular ones.
fn other_tenses(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(participle) = form.strip_prefix("a ").filter(|p| !p.contains(' ')) {
        for aux in ["avait", "avaient", "aurait", "auraient"] {
            out.push(format!("{aux} {participle}"));
        }
    } else if !form.contains(' ') && form.chars().count() > 3 && form.ends_with('e') {
        if let Some(stem) = form.strip_suffix('e') {
            let imperfect_stem = if let Some(s) = stem.strip_suffix('c') {
                format!("{s}ç")
            } else if stem.ends_with('g') {
                format!("{stem}e")
            } else {
                stem.to_string()
            };
            out.push(format!("{imperfect_stem}ait"));
            out.push(format!("{imperfect_stem}aient"));
            out.push(format!("{form}rait"));
            out.push(format!("{form}raient"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse() {
        let mut lex = Lexicon::default();
        for (name, text) in BUILTIN {
            lex.add_text(text, name).unwrap();
        }
        assert!(lex.countries.len() > 150);
        assert_eq!(
            lex.entities[lex.country_of_demonym("azerbaïdjanaises").unwrap().entity].name,
            "Azerbaïdjan"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut lex = Lexicon::default();
        let err = lex
            .add_text(
                "[bounds]\nau moins ; at_least\nenviron ; roughly\n",
                "mine.lex",
            )
            .unwrap_err();
        assert!(err.to_string().starts_with("mine.lex:3:"), "{err}");
        let err = lex.add_text("[nonsense]\nx\n", "b.lex").unwrap_err();
        assert!(
            err.to_string().contains("b.lex:2: unknown section"),
            "{err}"
        );
    }

    #[test]
    fn demonyms_inflect() {
        assert!(inflect("arménien").contains(&"arméniennes".to_string()));
        assert!(inflect("azerbaïdjanais").contains(&"azerbaïdjanaises".to_string()));
        assert!(inflect("russe").contains(&"russes".to_string()));
    }
}
