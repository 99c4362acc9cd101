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
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    name: String,
    kind: EntityKind,
    fold: String,
    key: String,
}

/// The places and countries one document names, folded once and shared by
/// every entity of that document: an article naming 10,000 places and
/// 10,000 people keeps one set, not 10,000 copies of it.
#[derive(Debug, Clone)]
pub struct Context {
    id: u64,
    words: Arc<BTreeSet<String>>,
}

impl Context {
    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// What the index knows of the corpus' entities, keyed by the store's ids.
///
/// Every lookup goes through a hash of the name (its fold, its
/// transliteration key, its last word, its initials, its one-letter
/// confusable variants), never through a scan of every entity, so resolving
/// the entities of an article costs in proportion to the article.
#[derive(Debug, Default)]
pub struct EntityIndex {
    entries: Vec<Entry>,
    by_fold: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    /// Persons named with several words, by the last word of their key.
    by_last: HashMap<String, Vec<usize>>,
    /// Entries named with several words, by their initials ("OTSC").
    by_initials: HashMap<String, Vec<usize>>,
    /// Entries named by an acronym, by that acronym.
    by_acronym: HashMap<String, Vec<usize>>,
    /// Entries whose spelling is in the alias table, by table group.
    by_group: HashMap<usize, Vec<usize>>,
    /// Folded spelling → alias-table group (one per lexicon entity).
    groups: HashMap<String, usize>,
    /// The names of each alias-table group, canonical first.
    group_names: Vec<(EntityKind, Vec<String>)>,
    rules: Vec<Rule>,
    confusables: Vec<(char, char)>,
    suffixes: Vec<String>,
    /// The contexts each entity was named in (one per document).
    contexts: HashMap<i64, Vec<Context>>,
    /// Identity of the next [`Context`].
    next_context: u64,
    /// First shared word of two contexts, by their identities: a document
    /// compared many times with another costs one intersection.
    shared: RefCell<HashMap<(u64, u64), Option<String>>>,
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
    /// "OHCHR" → HCDH, Haut-Commissariat des Nations unies aux droits de
    /// l'homme, ...
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
        if kind == EntityKind::Person {
            if let Some((_, last)) = key.rsplit_once(' ') {
                self.by_last.entry(last.to_string()).or_default().push(i);
            }
        }
        if name.contains(' ') {
            self.by_initials.entry(initials(name)).or_default().push(i);
        }
        if is_acronym(name) {
            self.by_acronym.entry(name.to_string()).or_default().push(i);
        }
        if let Some(&g) = self.groups.get(&f) {
            self.by_group.entry(g).or_default().push(i);
        }
        self.entries.push(Entry {
            id,
            name: name.to_string(),
            kind,
            fold: f,
            key,
        });
    }

    /// The context of one document (the names of its places and
    /// countries), folded once, to give to [`add_context_of`](Self::add_context_of)
    /// and [`resolve_with`](Self::resolve_with) for each of its entities.
    pub fn context(&mut self, names: &[String]) -> Context {
        self.next_context += 1;
        Context {
            id: self.next_context,
            words: Arc::new(names.iter().map(|c| fold(c)).collect()),
        }
    }

    /// Record what entity `id` is named with (folded names of the places and
    /// countries of its documents), for guarded fuzzy matches.
    pub fn add_context(&mut self, id: i64, context: &[String]) {
        let context = self.context(context);
        self.add_context_of(id, &context);
    }

    /// [`add_context`](Self::add_context) with a context already folded;
    /// the entity shares the document's set.
    pub fn add_context_of(&mut self, id: i64, context: &Context) {
        if context.is_empty() {
            return;
        }
        let list = self.contexts.entry(id).or_default();
        if !list.iter().any(|c| c.id == context.id) {
            list.push(context.clone());
        }
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
        let context = Context {
            id: 0,
            words: Arc::new(context.iter().map(|c| fold(c)).collect()),
        };
        self.resolve_with(name, kind, &context)
    }

    /// As [`resolve_in_context`](Self::resolve_in_context), with the
    /// document's context folded once by [`context`](Self::context).
    pub fn resolve_with(
        &self,
        name: &str,
        kind: EntityKind,
        context: &Context,
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
                .by_group
                .get(&g)
                .and_then(|v| v.iter().map(|&i| &self.entries[i]).find(|e| e.kind == kind))
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
        let org = matches!(kind, EntityKind::Organization | EntityKind::Outlet);
        if !org {
            return None;
        }
        let found = if is_acronym(name) {
            self.by_initials.get(name)
        } else if name.contains(' ') {
            self.by_acronym.get(&initials(name))
        } else {
            None
        };
        found?
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.kind == kind)
            .map(|e| (e.id, "acronym".to_string()))
    }

    /// "Zelenskyy" and "Volodymyr Zelensky": one family name, one person.
    fn family(&self, key: &str) -> Option<(i64, String)> {
        let candidates: Vec<usize> = match key.rsplit_once(' ') {
            // a family name alone: the full names that end with it
            None => self.by_last.get(key).cloned().unwrap_or_default(),
            // a full name: the family name alone
            Some((_, last)) => self
                .by_key
                .get(last)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| !self.entries[i].key.contains(' '))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let mut found: Option<i64> = None;
        for e in candidates
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| e.kind == EntityKind::Person)
        {
            match found {
                Some(id) if id != e.id => return None, // ambiguous
                _ => found = Some(e.id),
            }
        }
        found.map(|id| (id, "family name".to_string()))
    }

    /// One letter of `key` swapped for its confusable ("Makeivka" for
    /// "Makiivka"), same kind, same length, and a context both share. The
    /// candidates are the key's one-letter variants looked up by key: a few
    /// dozen lookups, whatever the number of entities.
    fn fuzzy(
        &self,
        key: &str,
        kind: EntityKind,
        context: &Context,
        group: Option<usize>,
    ) -> Option<(i64, String)> {
        let a: Vec<char> = key.chars().collect();
        if a.len() < 5 || context.is_empty() {
            return None;
        }
        let mut candidates: Vec<(usize, char, char)> = Vec::new();
        let mut variant = a.clone();
        for (p, &x) in a.iter().enumerate() {
            for &(c, d) in &self.confusables {
                let y = match x {
                    _ if x == c => d,
                    _ if x == d => c,
                    _ => continue,
                };
                variant[p] = y;
                let v: String = variant.iter().collect();
                variant[p] = x;
                for &i in self.by_key.get(&v).into_iter().flatten() {
                    candidates.push((i, x, y));
                }
            }
        }
        // the first entity recorded wins, as a scan in order would find it
        candidates.sort_unstable_by_key(|&(i, _, _)| i);
        for (i, x, y) in candidates {
            let e = &self.entries[i];
            if e.kind != kind {
                continue;
            }
            if matches!((group, self.groups.get(&e.fold)), (Some(x), Some(y)) if x != *y) {
                continue;
            }
            // the first in order, not in hash order: the reason is stable
            let Some(shared) = self
                .contexts
                .get(&e.id)
                .into_iter()
                .flatten()
                .filter_map(|c| self.shared_word(c, context))
                .min()
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

    /// The first word (in order) two contexts share. Both are sorted, so
    /// the walk stops at the first word of the smaller one found in the
    /// other; each pair of documents is intersected once.
    fn shared_word(&self, a: &Context, b: &Context) -> Option<String> {
        if a.id == b.id && a.id != 0 {
            return a.words.first().cloned();
        }
        let pair = (a.id.min(b.id), a.id.max(b.id));
        let cacheable = a.id != 0 && b.id != 0;
        if cacheable {
            if let Some(hit) = self.shared.borrow().get(&pair) {
                return hit.clone();
            }
        }
        let (small, large) = if a.words.len() <= b.words.len() {
            (&a.words, &b.words)
        } else {
            (&b.words, &a.words)
        };
        let word = small.iter().find(|w| large.contains(*w)).cloned();
        if cacheable {
            self.shared.borrow_mut().insert(pair, word.clone());
        }
        word
    }
}

/// Whether `s` is written as an acronym: 2 to 6 capitals ("OTSC", "ONU").
fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase())
}

/// The initials of a name's content words: "Organisation du traité de
/// sécurité collective" → "OTSC".
fn initials(s: &str) -> String {
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
}
