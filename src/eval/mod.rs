//! `claimgraph eval`: score the extractor (and a comparison engine) against a
//! gold annotation file, exactly as `shared/gold/README.md` specifies.
//!
//! Each document gets the outlet, publication date and language of its gold
//! record as metadata; everything else comes from the text. The documents go
//! through the same ingest as `claimgraph ingest` (cleaning, extraction,
//! corpus-wide entity resolution, comparison) into a fresh in-memory store,
//! so the figures measure the product as users run it.

use crate::corpus::Article;
use crate::error::{Error, Result};
use crate::extract::fold::fold;
use crate::extract::Extractor;
use crate::ingest;
use crate::model::{ClaimKind, ClaimRecord, DocMeta, FindingKind, FindingRecord, Polarity, Span};
use crate::store::{content_hash, Store};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

pub mod gold;
pub mod score;

pub use gold::Gold;
pub use score::{NumericScore, Report, Score};

/// One document of the corpus as the store holds it after ingest.
pub struct EvalDoc {
    pub text: String,
    /// Global ids of the entities the article's text names.
    pub entities: BTreeSet<i64>,
}

/// The system's side of an evaluation: documents (in gold order), global
/// entity names, and claim records whose `id` is their index in `claims` and
/// whose `document` is the index of their gold document.
pub struct System {
    pub docs: Vec<EvalDoc>,
    pub names: BTreeMap<i64, Vec<String>>,
    pub claims: Vec<ClaimRecord>,
}

/// Metadata of a gold document, as a crawler or sidecar would give it.
pub fn meta_of(d: &gold::GoldDocument) -> DocMeta {
    DocMeta {
        outlet: d.outlet.clone(),
        published: d
            .published
            .as_deref()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        language: d.language.clone(),
        url: None,
        title: None,
    }
}

/// Ingest every document of `gold` from `corpus_dir` into a fresh in-memory
/// store, exactly as `claimgraph ingest` would (cleaning, extraction,
/// corpus-wide entity resolution, comparison), each with its gold metadata.
/// Returns the system's side and its findings (claim ids as in
/// [`System::claims`]).
pub fn run_system(
    gold: &Gold,
    corpus_dir: &Path,
    extractor: &Extractor,
) -> Result<(System, Vec<FindingRecord>)> {
    let mut articles = Vec::new();
    for d in &gold.documents {
        let path = corpus_dir.join(&d.file);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let text = crate::corpus::load::decode(bytes).map_err(|message| Error::Input {
            location: path.display().to_string(),
            message,
        })?;
        articles.push(Article {
            source: path.display().to_string(),
            text,
            meta: meta_of(d),
        });
    }
    let hashes: Vec<String> = articles.iter().map(|a| content_hash(&a.text)).collect();
    let mut store = Store::open_in_memory()?;
    ingest::ingest_articles(&mut store, extractor, articles)?;

    // Gold order → store ids (two gold files with one text share a document).
    let by_hash: HashMap<String, i64> = store
        .documents()?
        .into_iter()
        .map(|d| (d.hash, d.id))
        .collect();
    let doc_ids: Vec<i64> = hashes
        .iter()
        .map(|h| by_hash.get(h).copied().unwrap_or(-1))
        .collect();
    let mut mentioned: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for m in store.mentions()? {
        mentioned.entry(m.document).or_default().insert(m.entity);
    }
    let mut docs = Vec::new();
    for id in &doc_ids {
        docs.push(EvalDoc {
            text: store.document_text(*id)?.unwrap_or_default(),
            entities: mentioned.remove(id).unwrap_or_default(),
        });
    }
    let names = store
        .entities()?
        .into_iter()
        .map(|e| {
            let mut all = vec![e.name];
            all.extend(e.aliases.into_iter().map(|a| a.name));
            (e.id, all)
        })
        .collect();
    let mut claims = Vec::new();
    let mut position: HashMap<i64, i64> = HashMap::new();
    for c in store.claims()? {
        let Some(di) = doc_ids.iter().position(|d| *d == c.document) else {
            continue;
        };
        position.insert(c.id, claims.len() as i64);
        claims.push(ClaimRecord {
            id: claims.len() as i64,
            document: di as i64,
            ..c
        });
    }
    for c in &mut claims {
        c.denies = c.denies.and_then(|d| position.get(&d).copied());
    }
    let findings = store
        .findings()?
        .into_iter()
        .filter_map(|f| {
            Some(FindingRecord {
                a: *position.get(&f.a)?,
                b: *position.get(&f.b)?,
                ..f
            })
        })
        .collect();
    Ok((
        System {
            docs,
            names,
            claims,
        },
        findings,
    ))
}

/// Score the whole system (extraction, resolution, comparison) against
/// `gold`, the documents read from `corpus_dir`.
pub fn evaluate(gold: &Gold, corpus_dir: &Path, extractor: &Extractor) -> Result<Report> {
    let (sys, found) = run_system(gold, corpus_dir, extractor)?;
    Ok(score(gold, &sys, &found))
}

fn gold_names(gold: &Gold) -> HashMap<&str, HashSet<String>> {
    gold.entities
        .iter()
        .map(|e| (e.id.as_str(), e.names().map(|n| fold(n)).collect()))
        .collect()
}

fn named(names: &BTreeMap<i64, Vec<String>>, id: i64, gold: &HashSet<String>) -> bool {
    names
        .get(&id)
        .is_some_and(|v| v.iter().any(|n| gold.contains(&fold(n))))
}

/// All byte spans of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// Score a system run against the gold.
pub fn score(gold: &Gold, sys: &System, found: &[FindingRecord]) -> Report {
    let gnames = gold_names(gold);
    let mut r = Report::default();
    // entities
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (gd, doc) in gold.documents.iter().zip(&sys.docs) {
        let mut matched: HashSet<&str> = HashSet::new();
        // entities named in the article (the outlet of the metadata counts
        // only when the text names it)
        for &id in &doc.entities {
            let optional = gd.optional_entities.iter().any(|g| {
                gnames
                    .get(g.as_str())
                    .is_some_and(|n| named(&sys.names, id, n))
            });
            let free = gd.entities.iter().find(|g| {
                !matched.contains(g.as_str())
                    && gnames
                        .get(g.as_str())
                        .is_some_and(|n| named(&sys.names, id, n))
            });
            if let Some(g) = free {
                matched.insert(g.as_str());
                tp += 1;
            } else if !optional {
                fp += 1;
                let n = sys
                    .names
                    .get(&id)
                    .and_then(|v| v.first())
                    .cloned()
                    .unwrap_or_default();
                r.notes.push(format!("entity fp {}: {n}", gd.file));
            }
        }
        for g in &gd.entities {
            if !matched.contains(g.as_str()) {
                fn_ += 1;
                r.notes.push(format!("entity fn {}: {g}", gd.file));
            }
        }
    }
    r.entities = Score::new(tp, fp, fn_);
    r.aliases = alias_score(gold, sys, &mut r.notes);
    // claims
    let matches = ClaimMatcher::new(gold, sys);
    let mut used: HashSet<usize> = HashSet::new();
    let (mut tp, mut bound_ok, mut claimant_ok) = (0, 0, 0);
    let mut fn_ = 0;
    for (gd, gc) in gold
        .documents
        .iter()
        .flat_map(|d| d.claims.iter().map(move |c| (d, c)))
    {
        if gc.measure.is_none() {
            continue;
        }
        let cands: Vec<usize> = matches
            .numeric
            .get(gc.id.as_str())
            .cloned()
            .unwrap_or_default();
        let best = cands
            .iter()
            .copied()
            .filter(|c| !used.contains(c))
            .min_by_key(|&c| {
                let s = &sys.claims[c];
                let b = s.quantity.map(|q| q.bound.as_str()) == gc.bound.as_deref();
                (!b) as u8
            });
        match best {
            Some(c) => {
                used.insert(c);
                tp += 1;
                let s = &sys.claims[c];
                if s.quantity.map(|q| q.bound.as_str()) == gc.bound.as_deref() {
                    bound_ok += 1;
                } else {
                    r.notes.push(format!(
                        "bound {}: {:?} vs {:?}",
                        gc.id,
                        s.quantity.map(|q| q.bound),
                        gc.bound
                    ));
                }
                let gn = gc.claimant.as_deref().and_then(|g| gnames.get(g));
                if let (Some(cl), Some(gn)) = (s.claimant, gn) {
                    if named(&sys.names, cl, gn) {
                        claimant_ok += 1;
                    } else {
                        r.notes.push(format!(
                            "claimant {}: {:?} vs {:?}",
                            gc.id,
                            sys.names.get(&cl).and_then(|v| v.first()),
                            gc.claimant
                        ));
                    }
                } else {
                    r.notes.push(format!("claimant {}: none", gc.id));
                }
            }
            None => {
                fn_ += 1;
                r.notes
                    .push(format!("numeric fn {} ({}): {}", gc.id, gd.file, gc.quote));
            }
        }
    }
    let numeric_sys: Vec<usize> = sys
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Numeric)
        .map(|c| c.id as usize)
        .collect();
    let matched_any: HashSet<usize> = matches.numeric.values().flatten().copied().collect();
    let fp: Vec<usize> = numeric_sys
        .iter()
        .copied()
        .filter(|c| !matched_any.contains(c))
        .collect();
    for &c in &fp {
        let s = &sys.claims[c];
        r.notes.push(format!(
            "numeric fp doc{}: {:?} {:?} «{}»",
            s.document,
            s.measure,
            s.quantity.map(|q| q.value),
            s.quote
        ));
    }
    r.numeric_claims = NumericScore {
        score: Score::new(tp, fp.len(), fn_),
        bound_accuracy: Report::accuracy(bound_ok, tp),
        claimant_accuracy: Report::accuracy(claimant_ok, tp),
    };
    // denials
    let gold_denials: Vec<&str> = gold
        .documents
        .iter()
        .flat_map(|d| &d.claims)
        .filter(|c| c.polarity == "deny")
        .map(|c| c.id.as_str())
        .collect();
    let tp = gold_denials
        .iter()
        .filter(|g| matches.denial.get(*g).is_some_and(|v| !v.is_empty()))
        .count();
    for g in &gold_denials {
        if !matches.denial.get(*g).is_some_and(|v| !v.is_empty()) {
            r.notes.push(format!("denial fn {g}"));
        }
    }
    let matched_den: HashSet<usize> = matches.denial.values().flatten().copied().collect();
    let fp_den: Vec<&ClaimRecord> = sys
        .claims
        .iter()
        .filter(|c| c.polarity == Polarity::Deny && !matched_den.contains(&(c.id as usize)))
        .collect();
    for c in &fp_den {
        r.notes
            .push(format!("denial fp doc{}: «{}»", c.document, c.quote));
    }
    r.denials = Score::new(tp, fp_den.len(), gold_denials.len() - tp);
    // findings
    let quote_of = |c: i64| {
        sys.claims
            .get(c as usize)
            .map_or_else(String::new, |s| format!("doc{} «{}»", s.document, s.quote))
    };
    let (contradictions, agreements, updates) = (
        FindingKind::Contradiction,
        FindingKind::Agreement,
        FindingKind::Update,
    );
    let mut outcomes = Vec::new();
    for (name, pairs, kind, ordered) in [
        ("contradiction", &gold.contradictions, contradictions, false),
        ("agreement", &gold.agreements, agreements, false),
        ("update", &gold.updates, updates, true),
    ] {
        let o = pair_score(pairs, found, kind, &matches, ordered);
        for gi in &o.missed {
            let g = &pairs[*gi];
            let extracted = g
                .claims
                .iter()
                .all(|c| matches.any.get(c.as_str()).is_some_and(|v| !v.is_empty()));
            r.notes.push(format!(
                "{name} fn {}: {}",
                g.claims.join(" / "),
                if extracted {
                    "both claims extracted"
                } else {
                    "not both extracted"
                }
            ));
        }
        for f in &o.wrong {
            r.notes.push(format!(
                "{name} fp: {} / {} ({})",
                quote_of(f.a),
                quote_of(f.b),
                f.reason
            ));
        }
        let reachable = pairs
            .iter()
            .filter(|g| {
                g.claims
                    .iter()
                    .all(|c| matches.any.get(c.as_str()).is_some_and(|v| !v.is_empty()))
            })
            .count();
        r.notes.push(format!(
            "{name}s over extracted pairs: {} found of {reachable} whose two claims are extracted",
            o.score.tp
        ));
        outcomes.push(o.score);
    }
    // compatible pairs flagged as contradictions
    for g in &gold.compatible {
        let [x, y] = g.claims.as_slice() else {
            continue;
        };
        let hits = |g: &str, c: i64| {
            matches
                .any
                .get(g)
                .is_some_and(|v| v.contains(&(c as usize)))
        };
        if found.iter().any(|f| {
            f.kind == contradictions
                && ((hits(x, f.a) && hits(y, f.b)) || (hits(x, f.b) && hits(y, f.a)))
        }) {
            r.notes.push(format!(
                "compatible pair flagged as contradiction: {x} / {y}"
            ));
        }
    }
    r.contradictions = outcomes[0];
    r.agreements = outcomes[1];
    r.updates = outcomes[2];
    r
}

/// Which system claims match which gold claims.
struct ClaimMatcher<'g> {
    numeric: HashMap<&'g str, Vec<usize>>,
    denial: HashMap<&'g str, Vec<usize>>,
    /// Any gold claim (by its kind of match) → system claims.
    any: HashMap<&'g str, Vec<usize>>,
}

impl<'g> ClaimMatcher<'g> {
    fn new(gold: &'g Gold, sys: &System) -> Self {
        let mut m = ClaimMatcher {
            numeric: HashMap::new(),
            denial: HashMap::new(),
            any: HashMap::new(),
        };
        for (di, gd) in gold.documents.iter().enumerate() {
            let Some(doc) = sys.docs.get(di) else {
                continue;
            };
            for gc in &gd.claims {
                let spans: Vec<Span> = gc
                    .quotes()
                    .flat_map(|q| occurrences(&doc.text, q))
                    .collect();
                // any occurrence of the claim (headline, lead, body) is its evidence
                let overlaps = |c: &ClaimRecord| {
                    std::iter::once(&c.span)
                        .chain(&c.occurrences)
                        .any(|o| spans.iter().any(|s| s.overlaps(o)))
                };
                let here = sys.claims.iter().filter(|c| c.document == di as i64);
                let list: Vec<usize> = if let Some(measure) = gc.measure.as_deref() {
                    here.filter(|c| {
                        c.kind == ClaimKind::Numeric
                            && c.measure.map(|x| x.as_str()) == Some(measure)
                            && c.quantity
                                .zip(gc.value)
                                .is_some_and(|(q, v)| (q.value - v).abs() < 1e-9)
                            && overlaps(c)
                    })
                    .map(|c| c.id as usize)
                    .collect()
                } else if gc.polarity == "deny" {
                    here.filter(|c| c.polarity == Polarity::Deny && overlaps(c))
                        .map(|c| c.id as usize)
                        .collect()
                } else {
                    here.filter(|c| {
                        c.polarity == Polarity::Affirm
                            && c.kind != ClaimKind::Numeric
                            && overlaps(c)
                    })
                    .map(|c| c.id as usize)
                    .collect()
                };
                if gc.measure.is_some() {
                    m.numeric.insert(gc.id.as_str(), list.clone());
                } else if gc.polarity == "deny" {
                    m.denial.insert(gc.id.as_str(), list.clone());
                }
                m.any.insert(gc.id.as_str(), list);
            }
        }
        m
    }
}

/// How one category of findings scored, with what was missed (gold
/// indexes) and what was wrong (system findings).
struct PairOutcome<'f> {
    score: Score,
    missed: Vec<usize>,
    wrong: Vec<&'f FindingRecord>,
}

/// Score one category of findings. Unordered categories match a gold pair
/// in either order. Updates (`ordered`) are chains: a gold update (a, b) is
/// found when the system's updates lead from a to b, directly or through
/// other updates; a system update (a, b) is right when the gold's updates
/// lead from a to b.
fn pair_score<'f>(
    gold: &[gold::GoldPair],
    found: &'f [FindingRecord],
    kind: FindingKind,
    m: &ClaimMatcher,
    ordered: bool,
) -> PairOutcome<'f> {
    let hits = |g: &str, c: i64| m.any.get(g).is_some_and(|v| v.contains(&(c as usize)));
    let mine: Vec<&FindingRecord> = found.iter().filter(|f| f.kind == kind).collect();
    let mut matched_gold = vec![false; gold.len()];
    let mut wrong = Vec::new();
    if ordered {
        // System side: claim → later claims reachable through updates.
        let mut next: HashMap<i64, Vec<i64>> = HashMap::new();
        for f in &mine {
            next.entry(f.a).or_default().push(f.b);
        }
        let reach_sys = |from: i64| -> HashSet<i64> {
            let mut seen = HashSet::new();
            let mut stack = vec![from];
            while let Some(x) = stack.pop() {
                for &y in next.get(&x).into_iter().flatten() {
                    if seen.insert(y) {
                        stack.push(y);
                    }
                }
            }
            seen
        };
        // Gold side: gold claim id → later gold claim ids.
        let mut gnext: HashMap<&str, Vec<&str>> = HashMap::new();
        for g in gold {
            if let [x, y] = g.claims.as_slice() {
                gnext.entry(x.as_str()).or_default().push(y.as_str());
            }
        }
        let reach_gold = |from: &str| -> HashSet<&str> {
            let mut seen = HashSet::new();
            let mut stack = vec![from];
            while let Some(x) = stack.pop() {
                for &y in gnext.get(x).into_iter().flatten() {
                    if seen.insert(y) {
                        stack.push(y);
                    }
                }
            }
            seen
        };
        for (gi, g) in gold.iter().enumerate() {
            let [x, y] = g.claims.as_slice() else {
                continue;
            };
            let starts = m.any.get(x.as_str()).cloned().unwrap_or_default();
            matched_gold[gi] = starts
                .iter()
                .any(|&s| reach_sys(s as i64).iter().any(|&t| hits(y.as_str(), t)));
        }
        let gold_ids: Vec<&str> = gold
            .iter()
            .flat_map(|g| g.claims.iter().map(String::as_str))
            .collect();
        for f in mine {
            let right = gold_ids
                .iter()
                .any(|&x| hits(x, f.a) && reach_gold(x).iter().any(|&y| hits(y, f.b)));
            if !right {
                wrong.push(f);
            }
        }
    } else {
        for f in mine {
            let mut any = false;
            for (gi, g) in gold.iter().enumerate() {
                let [x, y] = g.claims.as_slice() else {
                    continue;
                };
                let direct = hits(x, f.a) && hits(y, f.b);
                let reverse = hits(x, f.b) && hits(y, f.a);
                if direct || reverse {
                    matched_gold[gi] = true;
                    any = true;
                }
            }
            if !any {
                wrong.push(f);
            }
        }
    }
    let tp = matched_gold.iter().filter(|x| **x).count();
    PairOutcome {
        score: Score::new(tp, wrong.len(), gold.len() - tp),
        missed: (0..gold.len()).filter(|i| !matched_gold[*i]).collect(),
        wrong,
    }
}

/// Pairwise alias score over the gold spellings that occur in the corpus.
fn alias_score(gold: &Gold, sys: &System, notes: &mut Vec<String>) -> Score {
    let corpus: Vec<String> = sys.docs.iter().map(|d| fold(&d.text)).collect();
    let occurs = |form: &str| corpus.iter().any(|t| contains_word(t, form));
    // folded form → gold entities
    let mut forms: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for e in &gold.entities {
        for n in e.names() {
            let f = fold(n);
            if !f.is_empty() && occurs(&f) {
                forms.entry(f).or_default().insert(e.id.as_str());
            }
        }
    }
    // folded form → system entities
    let mut sys_of: HashMap<&str, BTreeSet<i64>> = HashMap::new();
    for (id, names) in &sys.names {
        for n in names {
            let f = fold(n);
            if let Some((k, _)) = forms.get_key_value(&f) {
                sys_of.entry(k.as_str()).or_default().insert(*id);
            }
        }
    }
    let keys: Vec<&String> = forms.keys().collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let g = !forms[keys[i]].is_disjoint(&forms[keys[j]]);
            let s = match (sys_of.get(keys[i].as_str()), sys_of.get(keys[j].as_str())) {
                (Some(a), Some(b)) => !a.is_disjoint(b),
                _ => false,
            };
            match (g, s) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    notes.push(format!("alias fp: {} ~ {}", keys[i], keys[j]));
                }
                (true, false) => {
                    fn_ += 1;
                    notes.push(format!("alias fn: {} ~ {}", keys[i], keys[j]));
                }
                _ => {}
            }
        }
    }
    Score::new(tp, fp, fn_)
}

/// Whether `form` occurs in `text` between word boundaries.
fn contains_word(text: &str, form: &str) -> bool {
    text.match_indices(form).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
