//! The only module that sees pest: one statement's text in, an AST or a
//! [`Diagnostic`] out.
//!
//! Pest's failures name grammar rules; `describe` turns them into words a
//! reader can act on ("a quoted name", "a measure such as killed"), and a
//! misspelt keyword gets a suggestion. Byte offsets are kept as pest gives
//! them, shifted by where the statement sits in its file.

use super::ast::*;
use super::diagnostic::{Code, Diagnostic};
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "grammar/query.pest"]
struct QueryParser;

/// Parses one statement; spans are shifted by `offset` (where `text` starts
/// in its file). Only for text cut by [`super::script::split`], which has
/// already refused what would make pest recurse too deep: callers use
/// [`super::parse`].
pub(crate) fn parse_statement(text: &str, offset: usize) -> Result<Statement, Diagnostic> {
    let mut pairs = QueryParser::parse(Rule::statement, text)
        .map_err(|e| syntax_error(text, &e).shifted(offset))?;
    let build = Build { offset };
    let statement = pairs
        .next()
        .and_then(|p| p.into_inner().next())
        .ok_or_else(|| {
            Diagnostic::new(
                Code::Syntax,
                "empty statement",
                SrcSpan::new(offset, offset),
            )
        })?;
    build.statement(statement)
}

struct Build {
    offset: usize,
}

type Res<T> = Result<T, Diagnostic>;

impl Build {
    fn span(&self, pair: &Pair<Rule>) -> SrcSpan {
        let s = pair.as_span();
        SrcSpan::new(s.start() + self.offset, s.end() + self.offset)
    }

    fn statement(&self, pair: Pair<Rule>) -> Res<Statement> {
        match pair.as_rule() {
            Rule::explain => {
                let inner = first(&pair)?;
                Ok(Statement::Explain(self.any_query(inner)?))
            }
            _ => Ok(Statement::Query(self.any_query(pair)?)),
        }
    }

    fn any_query(&self, pair: Pair<Rule>) -> Res<Query> {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::export_prefix => {
                let mut inner = pair.into_inner().skip(1); // kw_export
                let core = next(&mut inner, span)?;
                let mut query = self.query_core(core)?;
                let _to = next(&mut inner, span)?;
                let path = self.string(next(&mut inner, span)?);
                query.export = Some(Export { path });
                query.span = span;
                Ok(query)
            }
            _ => {
                let mut inner = pair.into_inner();
                let mut query = self.query_core(next(&mut inner, span)?)?;
                if let Some(export) = inner.next() {
                    let path = export
                        .into_inner()
                        .find(|p| p.as_rule() == Rule::string)
                        .map(|p| self.string(p));
                    query.export = path.map(|path| Export { path });
                }
                query.span = span;
                Ok(query)
            }
        }
    }

    fn query_core(&self, pair: Pair<Rule>) -> Res<Query> {
        let span = self.span(&pair);
        let mut count = false;
        let mut source = None;
        let mut query_parts = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::count => count = true,
                Rule::relation
                | Rule::where_clause
                | Rule::order_clause
                | Rule::limit_clause
                | Rule::show_clause => query_parts.push(p),
                _ => source = Some(self.source(p)?),
            }
        }
        let source = source.ok_or_else(|| internal(span))?;
        let mut query = Query::new(source);
        query.count = count;
        query.span = span;
        for p in query_parts {
            match p.as_rule() {
                Rule::relation => query.relations.push(self.relation(p)?),
                Rule::where_clause => {
                    let cond = p.into_inner().nth(1).ok_or_else(|| internal(span))?;
                    query.filter = Some(self.condition(cond)?);
                }
                Rule::order_clause => {
                    for key in p.into_inner().filter(|k| k.as_rule() == Rule::order_key) {
                        query.order.push(self.order_key(key)?);
                    }
                }
                Rule::show_clause => {
                    query.show = p
                        .into_inner()
                        .filter(|f| f.as_rule() == Rule::field)
                        .map(|f| self.field(f))
                        .collect();
                }
                _ => {
                    let n = p.into_inner().nth(1).ok_or_else(|| internal(span))?;
                    query.limit = Some(self.limit(n)?);
                }
            }
        }
        Ok(query)
    }

    fn source(&self, pair: Pair<Rule>) -> Res<Source> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let head = next(&mut inner, span)?;
        Ok(match rule {
            Rule::findings => Source::Findings(match head.as_rule() {
                Rule::kw_contradictions => FindingSet::Contradictions,
                Rule::kw_agreements => FindingSet::Agreements,
                Rule::kw_updates => FindingSet::Updates,
                _ => FindingSet::All,
            }),
            Rule::claims => Source::Claims,
            Rule::entities => Source::Entities,
            Rule::events => Source::Events,
            Rule::documents => Source::Documents,
            Rule::stats => Source::Stats,
            Rule::entity_one => {
                let arg = next(&mut inner, span)?;
                Source::Entity(match arg.as_rule() {
                    Rule::string => Node::Named(self.string(arg)),
                    _ => Node::Id {
                        kind: NodeKind::Entity,
                        span: self.span(&arg),
                        id: self.integer(&arg)?,
                    },
                })
            }
            Rule::provenance => {
                let kind = match next(&mut inner, span)?.as_rule() {
                    Rule::kw_claim => NodeKind::Claim,
                    _ => NodeKind::Finding,
                };
                let id = next(&mut inner, span)?;
                Source::Provenance(Node::Id {
                    kind,
                    span: span_from(self.span(&head), self.span(&id)),
                    id: self.integer(&id)?,
                })
            }
            Rule::compare => {
                let left = self.string(next(&mut inner, span)?);
                let _with = next(&mut inner, span)?;
                let right = self.string(next(&mut inner, span)?);
                Source::Compare { left, right }
            }
            Rule::neighbours => {
                let node = self.node(next(&mut inner, span)?)?;
                let depth = match inner.nth(1) {
                    Some(n) => Some(self.limit(n)?),
                    None => None,
                };
                Source::Neighbours { node, depth }
            }
            Rule::path => {
                let from = self.string(next(&mut inner, span)?);
                let _to = next(&mut inner, span)?;
                let to = self.string(next(&mut inner, span)?);
                Source::Path { from, to }
            }
            Rule::timeline => Source::Timeline(self.string(next(&mut inner, span)?)),
            _ => return Err(internal(span)),
        })
    }

    fn node(&self, pair: Pair<Rule>) -> Res<Node> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let first = next(&mut inner, span)?;
        if first.as_rule() == Rule::string {
            return Ok(Node::Named(self.string(first)));
        }
        let kind = match first.into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::kw_entity) => NodeKind::Entity,
            Some(Rule::kw_claim) => NodeKind::Claim,
            Some(Rule::kw_event) => NodeKind::Event,
            Some(Rule::kw_document) => NodeKind::Document,
            _ => NodeKind::Finding,
        };
        let id = self.integer(&next(&mut inner, span)?)?;
        Ok(Node::Id { kind, id, span })
    }

    fn relation(&self, pair: Pair<Rule>) -> Res<Relation> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let word = next(&mut inner, span)?;
        let kind = match word.into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::kw_by) => RelationKind::By,
            Some(Rule::kw_about) => RelationKind::About,
            Some(Rule::kw_in) => RelationKind::In,
            Some(Rule::kw_via) => RelationKind::Via,
            Some(Rule::kw_involving) => RelationKind::Involving,
            _ => RelationKind::At,
        };
        let node = self.node(next(&mut inner, span)?)?;
        Ok(Relation { kind, node, span })
    }

    /// `a and b or c`: `and` binds tighter than `or`; both are kept flat.
    fn condition(&self, pair: Pair<Rule>) -> Res<Condition> {
        let mut alternatives = Vec::new();
        let mut conjuncts = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_and => {}
                Rule::kw_or => alternatives.push(flat(std::mem::take(&mut conjuncts), true)),
                _ => conjuncts.push(self.unary(p)?),
            }
        }
        alternatives.push(flat(conjuncts, true));
        Ok(flat(alternatives, false))
    }

    fn unary(&self, pair: Pair<Rule>) -> Res<Condition> {
        let span = self.span(&pair);
        let mut negated = false;
        let mut body = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::open_paren | Rule::close_paren => {}
                Rule::kw_not => negated = true,
                Rule::condition => body = Some(self.condition(p)?),
                _ => body = Some(Condition::Test(self.test(p)?)),
            }
        }
        let body = body.ok_or_else(|| internal(span))?;
        Ok(if negated {
            Condition::Not(Box::new(body))
        } else {
            body
        })
    }

    fn test(&self, pair: Pair<Rule>) -> Res<Test> {
        let span = self.span(&pair);
        if pair.as_rule() == Rule::relation {
            return Ok(Test::Relation(self.relation(pair)?));
        }
        let mut inner = pair.into_inner();
        let field = self.field(next(&mut inner, span)?);
        let tail = next(&mut inner, span)?;
        let rule = tail.as_rule();
        let mut inner = tail.into_inner();
        Ok(match rule {
            Rule::between => {
                let _between = next(&mut inner, span)?;
                let low = self.value(next(&mut inner, span)?)?;
                let _and = next(&mut inner, span)?;
                let high = self.value(next(&mut inner, span)?)?;
                Test::Between { field, low, high }
            }
            Rule::one_of => {
                let values = inner
                    .filter(|v| {
                        matches!(
                            v.as_rule(),
                            Rule::date | Rule::number | Rule::string | Rule::word
                        )
                    })
                    .map(|v| self.value(v))
                    .collect::<Res<Vec<_>>>()?;
                Test::OneOf { field, values }
            }
            Rule::contains => {
                let _contains = next(&mut inner, span)?;
                let text = self.string(next(&mut inner, span)?);
                Test::Contains { field, text }
            }
            _ => {
                let op = match next(&mut inner, span)?.as_str() {
                    "=" => CmpOp::Eq,
                    "!=" => CmpOp::Ne,
                    "<" => CmpOp::Lt,
                    "<=" => CmpOp::Le,
                    ">" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let value = self.value(next(&mut inner, span)?)?;
                Test::Compare { field, op, value }
            }
        })
    }

    fn field(&self, pair: Pair<Rule>) -> Field {
        Field {
            name: pair.as_str().to_ascii_lowercase(),
            span: self.span(&pair),
        }
    }

    fn order_key(&self, pair: Pair<Rule>) -> Res<OrderKey> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let field = self.field(next(&mut inner, span)?);
        let descending = inner
            .next()
            .and_then(|d| d.into_inner().next())
            .is_some_and(|d| d.as_rule() == Rule::kw_desc);
        Ok(OrderKey { field, descending })
    }

    fn limit(&self, pair: Pair<Rule>) -> Res<Limit> {
        Ok(Limit {
            n: self.integer(&pair)?,
            span: self.span(&pair),
        })
    }

    fn integer(&self, pair: &Pair<Rule>) -> Res<u64> {
        pair.as_str().parse().map_err(|_| {
            Diagnostic::new(Code::BadLiteral, "number too large", self.span(pair))
                .with_label(format!("at most {}", u64::MAX))
        })
    }

    fn value(&self, pair: Pair<Rule>) -> Res<Value> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::string => ValueKind::Text(self.string(pair).text),
            Rule::word => ValueKind::Word(pair.as_str().to_ascii_lowercase()),
            Rule::date => ValueKind::Date(date(pair.as_str()).ok_or_else(|| {
                Diagnostic::new(
                    Code::BadLiteral,
                    format!("`{}` is not a calendar date", pair.as_str()),
                    span,
                )
                .with_label("expected YYYY-MM-DD or YYYY-MM")
            })?),
            _ => ValueKind::Number(
                pair.as_str()
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| {
                        Diagnostic::new(Code::BadLiteral, "number out of range", span)
                    })?,
            ),
        };
        Ok(Value { kind, span })
    }

    fn string(&self, pair: Pair<Rule>) -> Name {
        let span = self.span(&pair);
        let inner = pair.into_inner().next();
        let guillemets = inner
            .as_ref()
            .is_some_and(|p| p.as_rule() == Rule::guillemet_inner);
        let raw = inner.as_ref().map_or("", |p| p.as_str());
        if guillemets {
            let text = raw.trim_matches(|c: char| c.is_whitespace()).to_string();
            return Name { text, span };
        }
        let mut text = String::with_capacity(raw.len());
        let mut escaped = false;
        for c in raw.chars() {
            if c == '\\' && !escaped {
                escaped = true;
                continue;
            }
            escaped = false;
            text.push(c);
        }
        Name { text, span }
    }
}

fn span_from(a: SrcSpan, b: SrcSpan) -> SrcSpan {
    a.to(b)
}

/// One operand stays itself; several become one `And` / `Or`, merging
/// nested lists of the same kind.
fn flat(mut items: Vec<Condition>, and: bool) -> Condition {
    if items.len() == 1 {
        if let Some(only) = items.pop() {
            return only;
        }
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match (item, and) {
            (Condition::And(inner), true) | (Condition::Or(inner), false) => out.extend(inner),
            (other, _) => out.push(other),
        }
    }
    if and {
        Condition::And(out)
    } else {
        Condition::Or(out)
    }
}

/// `2022-03-26` or `2022-03`, checked against the calendar.
fn date(s: &str) -> Option<DateLit> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: Option<u32> = match parts.next() {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
    Some(DateLit {
        year,
        month: Some(month),
        day,
    })
}

fn first<'a>(pair: &Pair<'a, Rule>) -> Res<Pair<'a, Rule>> {
    let span = SrcSpan::new(pair.as_span().start(), pair.as_span().end());
    pair.clone()
        .into_inner()
        .find(|p| !matches!(p.as_rule(), Rule::kw_explain))
        .ok_or_else(|| internal(span))
}

fn next<'a>(
    inner: &mut impl Iterator<Item = Pair<'a, Rule>>,
    span: SrcSpan,
) -> Res<Pair<'a, Rule>> {
    inner.next().ok_or_else(|| internal(span))
}

/// The grammar and this module disagree: a bug, reported instead of a panic.
fn internal(span: SrcSpan) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        "internal error: the parser did not recognise this statement's shape",
        span,
    )
    .with_help("please report this query as a bug")
}

// ---------------------------------------------------------------------------
// Pest errors in words
// ---------------------------------------------------------------------------

/// Turns pest's failure into a diagnostic: what was found, what was expected
/// in words, and a keyword suggestion for a misspelt word.
fn syntax_error(text: &str, err: &pest::error::Error<Rule>) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let positives: Vec<Rule> = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = token_at(text, pos);
    let span = SrcSpan::new(pos, pos + found.len());
    let expected = describe(&positives);
    let expected_words = if expected.is_empty() {
        "something else".to_string()
    } else {
        join_or(&expected)
    };

    if found.is_empty() {
        return Diagnostic::new(
            Code::Syntax,
            format!("unexpected end of statement: expected {expected_words}"),
            span,
        )
        .with_label(format!("expected {expected_words}"));
    }

    let is_word = found
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if is_word && found.chars().next().is_some_and(char::is_alphabetic) {
        let lower = found.to_lowercase();
        if let Some(keyword) = super::suggest(&lower, keywords(&positives).iter().copied()) {
            return Diagnostic::new(
                Code::UnknownKeyword,
                format!("unknown keyword `{found}` — did you mean `{keyword}`?"),
                span,
            )
            .with_label(format!("expected {expected_words}"));
        }
        if positives.contains(&Rule::string) && !positives.contains(&Rule::field) {
            return Diagnostic::new(
                Code::Syntax,
                format!("expected {expected_words}, found `{found}`"),
                span,
            )
            .with_label(format!("expected {expected_words}"))
            .with_help(format!("names are written in double quotes: \"{found}\""));
        }
    }
    let diagnostic = Diagnostic::new(
        Code::Syntax,
        format!("expected {expected_words}, found `{found}`"),
        span,
    )
    .with_label(format!("expected {expected_words}"));
    let lower = found.to_ascii_lowercase();
    if positives.contains(&Rule::EOI) && super::script::STATEMENT_WORDS.contains(&lower.as_str()) {
        diagnostic.with_help(format!(
            "to start another statement with `{lower}`, end this one with `;` or a new line"
        ))
    } else {
        diagnostic
    }
}

/// The token that starts at byte `pos`: a word, a quoted string (up to the
/// end of its line) or one character; empty at the end of the text.
fn token_at(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("");
    let mut chars = rest.char_indices();
    let Some((_, c)) = chars.next() else {
        return "";
    };
    let end = if c.is_alphanumeric() || c == '_' {
        rest.char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
            .map_or(rest.len(), |(i, _)| i)
    } else if c == '"' {
        rest.find('\n').unwrap_or(rest.len())
    } else {
        c.len_utf8()
    };
    rest[..end].trim_end()
}

/// The keywords among the rules pest expected.
fn keywords(rules: &[Rule]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for rule in rules {
        let words: &[&'static str] = match rule {
            Rule::statement | Rule::query | Rule::query_core => super::script::STATEMENT_WORDS,
            Rule::count => &["count"],
            _ => match keyword(*rule) {
                Some(k) => std::slice::from_ref(k),
                None => &[],
            },
        };
        out.extend(words.iter().copied());
    }
    out
}

/// Every keyword of the language, for completion at the REPL.
pub fn keyword_words() -> impl Iterator<Item = &'static str> {
    KEYWORDS
        .iter()
        .map(|(_, w)| w.split(' ').next().unwrap_or(w))
}

/// The keyword a `kw_*` rule matches.
fn keyword(rule: Rule) -> Option<&'static &'static str> {
    KEYWORDS.iter().find(|(r, _)| *r == rule).map(|(_, w)| w)
}

const KEYWORDS: &[(Rule, &str)] = &[
    (Rule::kw_contradictions, "contradictions"),
    (Rule::kw_agreements, "agreements"),
    (Rule::kw_updates, "updates"),
    (Rule::kw_findings, "findings"),
    (Rule::kw_claims, "claims"),
    (Rule::kw_entities, "entities"),
    (Rule::kw_events, "events"),
    (Rule::kw_documents, "documents"),
    (Rule::kw_entity, "entity"),
    (Rule::kw_provenance, "provenance"),
    (Rule::kw_compare, "compare"),
    (Rule::kw_neighbours, "neighbours"),
    (Rule::kw_neighbors, "neighbors"),
    (Rule::kw_path, "path"),
    (Rule::kw_timeline, "timeline"),
    (Rule::kw_stats, "stats"),
    (Rule::kw_count, "count"),
    (Rule::kw_explain, "explain"),
    (Rule::kw_export, "export"),
    (Rule::kw_where, "where"),
    (Rule::kw_and, "and"),
    (Rule::kw_or, "or"),
    (Rule::kw_not, "not"),
    (Rule::kw_order, "order by"),
    (Rule::kw_by, "by"),
    (Rule::kw_asc, "asc"),
    (Rule::kw_desc, "desc"),
    (Rule::kw_limit, "limit"),
    (Rule::kw_show, "show"),
    (Rule::kw_about, "about"),
    (Rule::kw_in, "in"),
    (Rule::kw_via, "via"),
    (Rule::kw_involving, "involving"),
    (Rule::kw_at, "at"),
    (Rule::kw_between, "between"),
    (Rule::kw_contains, "contains"),
    (Rule::kw_with, "with"),
    (Rule::kw_depth, "depth"),
    (Rule::kw_to, "to"),
    (Rule::kw_claim, "claim"),
    (Rule::kw_event, "event"),
    (Rule::kw_document, "document"),
    (Rule::kw_finding, "finding"),
];

/// What each expected rule means, in words, without repeats.
fn describe(rules: &[Rule]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for rule in rules {
        let words = match rule {
            Rule::statement | Rule::query | Rule::query_core | Rule::explain => {
                "a statement (contradictions, claims, entity, timeline, stats, ...)".to_string()
            }
            Rule::string => "a quoted name".into(),
            Rule::integer => "a whole number".into(),
            Rule::number => "a number".into(),
            Rule::date => "a date (YYYY-MM-DD)".into(),
            Rule::word => "a word such as killed, exact or deny".into(),
            Rule::field => "a field (measure, value, bound, polarity, date, ...)".into(),
            Rule::cmp_op => "a comparison (=, !=, <, <=, >, >=)".into(),
            Rule::node | Rule::node_kind => "a quoted name or a node such as `claim 12`".into(),
            Rule::relation | Rule::relation_word => {
                "a relation (by, about, in, via, involving, at)".into()
            }
            Rule::condition | Rule::unary => "a condition such as `measure = killed`".into(),
            Rule::where_clause => "`where`".into(),
            Rule::order_clause => "`order by`".into(),
            Rule::limit_clause => "`limit`".into(),
            Rule::show_clause => "`show`".into(),
            Rule::export_clause => "`export to`".into(),
            Rule::direction => "`asc` or `desc`".into(),
            Rule::EOI => continue,
            Rule::open_paren => "`(`".into(),
            Rule::close_paren => "`)`".into(),
            Rule::comma => "`,`".into(),
            other => match keyword(*other) {
                Some(k) => format!("`{k}`"),
                None => continue,
            },
        };
        push(words);
    }
    if rules.contains(&Rule::EOI) {
        out.push("the end of the statement".into());
    }
    out
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
