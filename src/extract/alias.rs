//! Corpus-wide entity resolution: one entity for one real-world thing across
//! spellings, transliterations and languages, each merge with its reason.
//!
//! The store loads the entities it holds into an [`EntityIndex`], asks it to
//! resolve each document-local entity, and records new aliases with the reason
//! the index gives. The rules, in order: same spelling; case and accent
//! folding; the alias table of the lexicon; a company suffix ("Ltd");
//! transliteration (kh/gh, ch/sh/tch, -ian/-yan, -iev/-iyev, dj/j, ou/u...);
//! an acronym and its expansion; a family name and the full name; and, last,
//! a fuzzy match (one swapped letter of a known confusable pair, same kind,
//! same length, and a shared context such as a region both documents name).
//! Two different entries of the lexicon are never merged, nor names of
//! different lengths by fuzziness (a final letter makes another town).
//! Tests: tests/extract_alias.rs.

use crate::extract::fold::{fold, rules_used, translit_key, Rule};
use crate::extract::lexicon::Lexicon;
use crate::model::EntityKind;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    name: String,
    kind: EntityKind,
    fold: String,
    key: String,
}

/// What the index knows of the corpus' entities, keyed by the store's ids.
#[derive(Debug, Default)]
pub struct EntityIndex {
    entries: Vec<Entry>,
    by_fold: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    by_len: HashMap<(EntityKind, usize), Vec<usize>>,
    /// Folded spelling → alias-table group (one per lexicon entity).
    groups: HashMap<String, usize>,
    /// The names of each alias-table group, canonical first.
    group_names: Vec<(EntityKind, Vec<String>)>,
    rules: Vec<Rule>,
    confusables: Vec<(char, char)>,
    suffixes: Vec<String>,
    contexts: HashMap<i64, HashSet<String>>,
    /// Folded generic heads ("autorites", "mairie", "ministere de la sante"):
    /// a name that is one of them never resolves across documents.
    generic: HashSet<String>,
}

impl EntityIndex {
    /// An index with no alias table and no transliteration rules.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index that knows the lexicon's alias table and rules.
    pub fn with_lexicon(lex: &Lexicon) -> Self {
        let mut ix = EntityIndex {
            rules: lex.transliteration.clone(),
            confusables: lex.confusables.clone(),
            suffixes: lex.corporate_suffixes.iter().map(|s| fold(s)).collect(),
            ..Self::default()
        };
        ix.generic.extend(lex.generic_heads.iter().cloned());
        ix.generic
            .extend(lex.institutions.iter().map(|x| fold(&x.head)));
        for portfolio in lex.ministries.iter().flatten() {
            ix.generic.insert(fold(&format!("ministère {portfolio}")));
        }
        for (g, e) in lex.entities.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                ix.groups.entry(fold(n)).or_insert(g);
            }
            let names = std::iter::once(&e.name)
                .chain(&e.aliases)
                .cloned()
                .collect();
            ix.group_names.push((e.kind, names));
        }
        ix
    }

    /// Every name the alias table gives the entity that `name` of `kind`
    /// names (canonical first), or nothing when the table does not know it:
    /// "Artsakh" → Haut-Karabakh, Haut-Karabagh, Nagorno-Karabakh, ...
    pub fn table_names(&self, name: &str, kind: EntityKind) -> &[String] {
        match self
            .groups
            .get(&fold(name))
            .and_then(|g| self.group_names.get(*g))
        {
            Some((k, names)) if *k == kind => names,
            _ => &[],
        }
    }

    /// Whether `name` is a generic head alone ("les autorités", "la
    /// mairie", "le ministère de la Santé"): it names a body only through
    /// an owner in its own document, so it never merges two documents'
    /// entities ("autorités" is Greek in one article, Malian in another).
    pub fn is_generic(&self, name: &str) -> bool {
        let f = fold(name);
        let mut rest = f.as_str();
        for det in ["les ", "le ", "la ", "l'", "des ", "du ", "de la ", "de l'"] {
            if let Some(r) = rest.strip_prefix(det) {
                rest = r;
                break;
            }
        }
        // "le ministère russe" names one of the country's ministries, the
        // one its document named in full; never one across documents
        // "gouverneur de la région", "maire", "ministre de l'intérieur": an
        // office with no name is each document's own
        let office = rest.split_once(' ').map_or((rest, ""), |(h, r)| (h, r));
        let office_generic = crate::extract::attribution::OFFICES.contains(&office.0) && {
            let r = office.1;
            let place = ["de la ", "du ", "de l'", "des "]
                .iter()
                .find_map(|d| r.strip_prefix(d))
                .is_some_and(|w| {
                    crate::extract::attribution::GENERIC_PLACES.contains(&w)
                        || self.generic.contains(&format!("ministere {}", r))
                });
            r.is_empty() || place || matches!(r, "regional" | "local" | "provincial")
        };
        self.generic.contains(rest)
            || office_generic
            || rest
                .strip_prefix("ministere ")
                .is_some_and(|r| !r.is_empty() && !r.contains(' '))
    }

    /// Record a known spelling of entity `id`.
    pub fn add(&mut self, id: i64, name: &str, kind: EntityKind) {
        let f = fold(name);
        if f.is_empty()
            || self.by_fold.get(&f).is_some_and(|v| {
                v.iter()
                    .any(|&i| self.entries[i].id == id && self.entries[i].kind == kind)
            })
        {
            return;
        }
        let key = translit_key(&self.strip_suffix(&f), &self.rules);
        let i = self.entries.len();
        self.by_fold.entry(f.clone()).or_default().push(i);
        self.by_key.entry(key.clone()).or_default().push(i);
        self.by_len
            .entry((kind, key.chars().count()))
            .or_default()
            .push(i);
        self.entries.push(Entry {
            id,
            name: name.to_string(),
            kind,
            fold: f,
            key,
        });
    }

    /// Record what entity `id` is named with (folded names of the places and
    /// countries of its documents), for guarded fuzzy matches.
    pub fn add_context(&mut self, id: i64, context: &[String]) {
        self.contexts
            .entry(id)
            .or_default()
            .extend(context.iter().map(|c| fold(c)));
    }

    /// The entity `name` of `kind` refers to, with the reason for the match,
    /// or `None` when it is a new entity. No fuzzy matching without context.
    pub fn resolve(&self, name: &str, kind: EntityKind) -> Option<(i64, String)> {
        self.resolve_in_context(name, kind, &[])
    }

    /// As [`resolve`](Self::resolve), with the names of the places and
    /// countries around this mention to allow a guarded fuzzy match.
    pub fn resolve_in_context(
        &self,
        name: &str,
        kind: EntityKind,
        context: &[String],
    ) -> Option<(i64, String)> {
        let f = fold(name);
        if f.is_empty() || self.is_generic(name) {
            return None;
        }
        let same = |i: &usize| self.entries[*i].kind == kind;
        if let Some(&i) = self
            .by_fold
            .get(&f)
            .and_then(|v| v.iter().find(|i| same(i)))
        {
            let e = &self.entries[i];
            let why = if e.name == name {
                "same spelling"
            } else {
                "case/accent folding"
            };
            return Some((e.id, why.to_string()));
        }
        let group = self.groups.get(&f).copied();
        if let Some(g) = group {
            if let Some(e) = self
                .entries
                .iter()
                .find(|e| e.kind == kind && self.groups.get(&e.fold) == Some(&g))
            {
                return Some((e.id, "alias table".to_string()));
            }
        }
        let stripped = self.strip_suffix(&f);
        let key = translit_key(&stripped, &self.rules);
        let distinct =
            |e: &Entry| matches!((group, self.groups.get(&e.fold)), (Some(a), Some(b)) if a != *b);
        if let Some(e) = self.by_key.get(&key).and_then(|v| {
            v.iter()
                .map(|&i| &self.entries[i])
                .find(|e| e.kind == kind && !distinct(e))
        }) {
            if (stripped != f || self.strip_suffix(&e.fold) != e.fold)
                && stripped == self.strip_suffix(&e.fold)
            {
                return Some((e.id, "company suffix".to_string()));
            }
            let used = rules_used(&stripped, &self.strip_suffix(&e.fold), &self.rules);
            let why = if used.is_empty() {
                "punctuation".to_string()
            } else {
                format!("transliteration {}", used.join(", "))
            };
            return Some((e.id, why));
        }
        if let Some(r) = self.acronym(name, kind) {
            return Some(r);
        }
        if kind == EntityKind::Person {
            if let Some(r) = self.family(&key) {
                return Some(r);
            }
        }
        self.fuzzy(&key, kind, context, group)
    }

    fn strip_suffix(&self, f: &str) -> String {
        for s in &self.suffixes {
            if let Some(rest) = f.strip_suffix(s.as_str()) {
                if rest.ends_with(' ') && rest.trim().len() > 1 {
                    return rest.trim_end().to_string();
                }
            }
        }
        f.to_string()
    }

    fn acronym(&self, name: &str, kind: EntityKind) -> Option<(i64, String)> {
        let is_acr =
            |s: &str| (2..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase());
        let initials = |s: &str| -> String {
            s.split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '-')
                .filter(|w| {
                    !w.is_empty()
                        && !matches!(
                            fold(w).as_str(),
                            "de" | "du" | "des" | "la" | "le" | "l" | "d" | "et" | "pour" | "les"
                        )
                })
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        };
        let org = matches!(kind, EntityKind::Organization | EntityKind::Outlet);
        if !org {
            return None;
        }
        if is_acr(name) {
            return self
                .entries
                .iter()
                .find(|e| e.kind == kind && e.name.contains(' ') && initials(&e.name) == name)
                .map(|e| (e.id, "acronym".to_string()));
        }
        if name.contains(' ') {
            let ini = initials(name);
            return self
                .entries
                .iter()
                .find(|e| e.kind == kind && is_acr(&e.name) && e.name == ini)
                .map(|e| (e.id, "acronym".to_string()));
        }
        None
    }

    /// "Zelenskyy" and "Volodymyr Zelensky": one family name, one person.
    fn family(&self, key: &str) -> Option<(i64, String)> {
        let last = |k: &str| k.rsplit(' ').next().unwrap_or("").to_string();
        let single = !key.contains(' ');
        let mut found: Option<i64> = None;
        for e in self.entries.iter().filter(|e| e.kind == EntityKind::Person) {
            let hit = if single {
                e.key.contains(' ') && last(&e.key) == key
            } else {
                !e.key.contains(' ') && last(key) == e.key
            };
            if hit {
                match found {
                    Some(id) if id != e.id => return None, // ambiguous
                    _ => found = Some(e.id),
                }
            }
        }
        found.map(|id| (id, "family name".to_string()))
    }

    fn fuzzy(
        &self,
        key: &str,
        kind: EntityKind,
        context: &[String],
        group: Option<usize>,
    ) -> Option<(i64, String)> {
        let n = key.chars().count();
        if n < 5 || context.is_empty() {
            return None;
        }
        let ctx: HashSet<String> = context.iter().map(|c| fold(c)).collect();
        let a: Vec<char> = key.chars().collect();
        for &i in self.by_len.get(&(kind, n))? {
            let e = &self.entries[i];
            if matches!((group, self.groups.get(&e.fold)), (Some(x), Some(y)) if x != *y) {
                continue;
            }
            let b: Vec<char> = e.key.chars().collect();
            let diffs: Vec<(char, char)> = a
                .iter()
                .zip(&b)
                .filter(|(x, y)| x != y)
                .map(|(x, y)| (*x, *y))
                .collect();
            let [(x, y)] = diffs.as_slice() else { continue };
            if !self
                .confusables
                .iter()
                .any(|&(p, q)| (p, q) == (*x, *y) || (q, p) == (*x, *y))
            {
                continue;
            }
            let Some(shared) = self
                .contexts
                .get(&e.id)
                // the first in order, not in hash order: the reason is stable
                .and_then(|c| c.iter().filter(|w| ctx.contains(*w)).min())
            else {
                continue;
            };
            return Some((
                e.id,
                format!("fuzzy {x}/{y}, same kind {kind}, shared context {shared}"),
            ));
        }
        None
    }
}
