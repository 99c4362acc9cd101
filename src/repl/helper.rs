//! What the line editor knows of the language: completion that follows the
//! grammar (statement words first, the words a field takes after
//! `field =`, field names after `where`/`order by`/`show`, the graph's own
//! entity names — by any alias, accents and case ignored — after `by`,
//! `in`, `entity` ...), meta-commands, and the help of every topic.

use crate::analysis::words::fold;
use crate::query;
use crate::query::plan::{Rows, Type, FIELD_NAMES};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// The meta-commands of the shell, with a one-line description each.
pub const META: &[(&str, &str)] = &[
    (
        ".help",
        "show help; `.help TOPIC` for a statement or a meta-command",
    ),
    (".read", "run the statements of a query file: `.read FILE`"),
    (
        ".format",
        "set the output format: `.format table|lines|json|csv` (lines: one `field │ value` line per field)",
    ),
    (
        ".echo",
        "print each statement before its answer: `.echo on|off`",
    ),
    (
        ".param",
        "parameters for `$NAME` in statements: `.param set NAME VALUE`, `.param unset NAME`, `.param list`, `.param clear`",
    ),
    (
        ".output",
        "send answers to a file (`.output FILE`; `.output --force FILE` replaces one) or back to the screen (`.output`)",
    ),
    (
        ".timer",
        "show how long each statement takes: `.timer on|off`",
    ),
    (
        ".stats",
        "count documents, entities, events, claims and findings",
    ),
    (".quit", "leave the shell (Ctrl-D does too)"),
];

/// Completion and validation for the REPL.
pub struct ReplHelper {
    words: Vec<String>,
    /// Entity spellings, once the graph is loaded.
    spellings: Arc<OnceLock<Vec<String>>>,
    /// The spellings with their folded form, for prefix matching.
    names: OnceLock<Vec<(String, String)>>,
    /// Colour the prompt.
    pub color: bool,
}

impl ReplHelper {
    pub fn new(spellings: Arc<OnceLock<Vec<String>>>, color: bool) -> Self {
        let mut words: Vec<String> = query::vocabulary()
            .into_iter()
            .map(str::to_string)
            .collect();
        words.sort();
        words.dedup();
        ReplHelper {
            words,
            spellings,
            names: OnceLock::new(),
            color,
        }
    }

    /// Entity names with their folded forms (none while the graph loads).
    fn names(&self) -> &[(String, String)] {
        match self.spellings.get() {
            Some(spellings) => self
                .names
                .get_or_init(|| spellings.iter().map(|n| (fold(n), n.clone())).collect()),
            None => &[],
        }
    }

    /// Candidates for the text before `pos`: `(start, candidates)`.
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = line.get(..pos).unwrap_or(line);
        if before.trim_start().starts_with('.') && before.trim_start().contains(' ') {
            // The argument of a meta-command: a file name or a word of its own.
            return (pos, Vec::new());
        }
        if before.trim_start().starts_with('.') {
            let start = before.len() - before.trim_start().len();
            let typed = before.trim_start();
            let pairs = META
                .iter()
                .filter(|(m, _)| m.starts_with(typed))
                .map(|(m, _)| pair(m, m))
                .collect();
            return (start, pairs);
        }
        // Inside an open quote: complete an entity name, closing the quote.
        if let Some(open) = open_quote(before) {
            let typed = fold(&before[open + 1..]);
            let mut pairs: Vec<Pair> = self
                .names()
                .iter()
                .filter(|(folded, _)| folded.starts_with(&typed))
                .map(|(_, name)| pair(name, &format!("\"{name}\"")))
                .collect();
            pairs.dedup_by(|a, b| a.replacement == b.replacement);
            return (open, pairs);
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let typed = before[start..].to_lowercase();
        let words: Vec<&str> = match context(&before[..start]) {
            Place::Start => query::script::STATEMENT_WORDS.to_vec(),
            Place::Words(words) => words,
            Place::Fields(rows) => match rows {
                Some(rows) => rows.fields().iter().map(|f| f.key.as_str()).collect(),
                None => FIELD_NAMES.to_vec(),
            },
            Place::Names => {
                // A name: the graph's spellings, quoted for the user.
                let folded = fold(&typed);
                let mut pairs: Vec<Pair> = self
                    .names()
                    .iter()
                    .filter(|(f, _)| f.starts_with(&folded))
                    .map(|(_, name)| pair(name, &format!("\"{name}\"")))
                    .collect();
                pairs.dedup_by(|a, b| a.replacement == b.replacement);
                return (start, pairs);
            }
            Place::Nothing => Vec::new(),
            Place::Keywords => self.words.iter().map(String::as_str).collect(),
        };
        if typed.is_empty() && words.len() > 40 {
            return (start, Vec::new());
        }
        let mut words: Vec<&str> = words
            .into_iter()
            .filter(|w| w.starts_with(&typed))
            .collect();
        words.sort_unstable();
        words.dedup();
        (start, words.into_iter().map(|w| pair(w, w)).collect())
    }
}

/// What may be typed at a place of a statement.
enum Place {
    /// The first word: a statement word.
    Start,
    /// The words a field takes (after `measure =`).
    Words(Vec<&'static str>),
    /// A field name (after `where`, `and`, `order by`, `show`).
    Fields(Option<Rows>),
    /// An entity name (after `by`, `in`, `entity` ...).
    Names,
    /// A free text or a number: nothing to offer.
    Nothing,
    /// Anything else: every keyword.
    Keywords,
}

/// The rows a statement word answers with.
fn rows_of(word: &str) -> Option<Rows> {
    Some(match word {
        "contradictions" | "agreements" | "updates" | "findings" => Rows::Findings,
        "claims" | "timeline" => Rows::Claims,
        "entities" => Rows::Entities,
        "events" => Rows::Events,
        "documents" => Rows::Documents,
        "compare" => Rows::EventPairs,
        "neighbours" | "neighbors" => Rows::Nodes,
        _ => return None,
    })
}

/// The tokens before the word being completed: words (lower case),
/// operators and `"` for a whole string.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric()
            || c == '_'
            || c == '-' && chars.peek().is_some_and(|d| d.is_ascii_digit())
        {
            let mut word = String::from(c);
            while let Some(&d) = chars.peek() {
                if d.is_alphanumeric() || d == '_' || d == '-' || d == '.' {
                    word.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(word.to_lowercase());
        } else if c == '"' || c == '«' {
            let close = if c == '"' { '"' } else { '»' };
            let mut escaped = false;
            for d in chars.by_ref() {
                if d == close && !escaped {
                    break;
                }
                escaped = c == '"' && d == '\\' && !escaped;
            }
            out.push("\"".to_string());
        } else if "=<>!".contains(c) {
            let mut op = String::from(c);
            if chars.peek() == Some(&'=') {
                op.push('=');
                chars.next();
            }
            out.push(op);
        } else if "(),;".contains(c) {
            if c == ';' {
                out.clear();
            } else {
                out.push(c.to_string());
            }
        }
    }
    out
}

/// Where the text before the cursor leaves the statement.
fn context(before: &str) -> Place {
    let tokens = tokens(before);
    let Some(last) = tokens.last() else {
        return Place::Start;
    };
    let first = tokens
        .iter()
        .find(|t| !matches!(t.as_str(), "count" | "explain" | "export"))
        .map(String::as_str)
        .unwrap_or("");
    let rows = rows_of(first);
    // The field of an open list: `kind in (a, b,`.
    let field_before = |end: usize| -> Option<&str> {
        let open = tokens[..end].iter().rposition(|t| t == "(")?;
        let closed = tokens[open..end].iter().any(|t| t == ")");
        (open >= 2 && tokens[open - 1] == "in" && !closed).then(|| tokens[open - 2].as_str())
    };
    let value_of = |field: &str| -> Place {
        let ty = rows
            .and_then(|r| r.fields().into_iter().find(|f| f.key.as_str() == field))
            .map(|f| f.ty)
            .or_else(|| {
                [
                    Rows::Claims,
                    Rows::Findings,
                    Rows::Entities,
                    Rows::Events,
                    Rows::Documents,
                ]
                .iter()
                .flat_map(|r| r.fields())
                .find(|f| f.key.as_str() == field)
                .map(|f| f.ty)
            });
        match ty {
            Some(Type::Word(w)) => Place::Words(w.words()),
            Some(Type::Flag) => Place::Words(vec!["true", "false"]),
            _ => Place::Nothing,
        }
    };
    match last.as_str() {
        "=" | "!=" | "<" | "<=" | ">" | ">=" => match tokens.len().checked_sub(2) {
            Some(i) => value_of(&tokens[i]),
            None => Place::Nothing,
        },
        "(" | "," => match field_before(tokens.len()) {
            Some(field) if field != "by" => value_of(field),
            _ if tokens.iter().any(|t| t == "show" || t == "order") => Place::Fields(rows),
            _ => Place::Keywords,
        },
        "by" if tokens.len() >= 2 && tokens[tokens.len() - 2] == "order" => Place::Fields(rows),
        "where" | "and" | "or" | "not" | "show" => Place::Fields(rows),
        "by" | "about" | "in" | "via" | "involving" | "at" | "timeline" | "with" | "to"
        | "path" | "compare" | "neighbours" | "neighbors" => Place::Names,
        "entity" if tokens.len() == 1 => Place::Names,
        "between" | "contains" | "limit" | "depth" => Place::Nothing,
        _ => Place::Keywords,
    }
}

/// Every topic `.help` knows.
pub fn topics(statements: &[(&str, &str)]) -> Vec<String> {
    let mut out: Vec<String> = statements.iter().map(|(s, _)| s.to_string()).collect();
    out.extend(CLAUSES.iter().map(|(c, _)| c.to_string()));
    out.extend(FIELD_NAMES.iter().map(|f| f.to_string()));
    out.extend(META.iter().map(|(m, _)| m.to_string()));
    out.sort();
    out.dedup();
    out
}

/// The help of one topic: a statement, a clause, a field (with the rows
/// that have it, its type and its words) or a meta-command.
pub fn topic_help(topic: &str, statements: &[(&str, &str)]) -> Option<String> {
    let bare = topic.trim_start_matches('.');
    let mut parts = Vec::new();
    if let Some((m, d)) = META.iter().find(|(m, _)| &m[1..] == bare) {
        parts.push(format!("{m}: {d}"));
    }
    if let Some((_, t)) = statements.iter().find(|(s, _)| *s == bare) {
        parts.push(t.to_string());
    } else if bare == "neighbors" {
        parts.extend(
            statements
                .iter()
                .find(|(s, _)| *s == "neighbours")
                .map(|(_, t)| t.to_string()),
        );
    }
    if let Some((_, t)) = CLAUSES.iter().find(|(c, _)| *c == bare) {
        parts.push(t.to_string());
    }
    if FIELD_NAMES.contains(&bare) {
        let mut text = format!("field `{bare}`:");
        for rows in [
            Rows::Findings,
            Rows::Claims,
            Rows::Entities,
            Rows::Events,
            Rows::Documents,
            Rows::EventPairs,
            Rows::Nodes,
        ] {
            if let Some(f) = rows.fields().into_iter().find(|f| f.key.as_str() == bare) {
                text.push_str(&format!(
                    "\n  {}: {} — {}",
                    rows.as_str(),
                    f.ty.describe(),
                    f.doc
                ));
                if let Type::Word(w) = f.ty {
                    text.push_str(&format!("\n    words: {}", w.words().join(", ")));
                }
            }
        }
        parts.push(text);
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The clauses and relation words, for `.help`.
const CLAUSES: &[(&str, &str)] = &[
    ("where", "... where CONDITION\n  Keep the rows that pass: `measure = killed and value >= 3`, `date between 2022-03-01 and 2022-03-31`, `quote contains \"drone\"`, `measure in (killed, wounded)`; `and` binds tighter than `or`; `not` negates one test or a (group)."),
    ("order", "... order by FIELD [desc], ...\n  Sort the rows; missing values last. On findings, `value` sorts by the larger figure, `date` by the earlier."),
    ("limit", "... limit N\n  Keep the first N rows."),
    ("show", "... show FIELD, FIELD, ...\n  Print only these columns, in this order (any field the rows have)."),
    ("by", "by \"NAME\"\n  Stated by this speaker (claims; findings: either claim)."),
    ("about", "about \"NAME\" | about event N\n  About this subject, event or its participants."),
    ("in", "in \"OUTLET\" | in document N\n  Reported in this outlet or document; `measure in (a, b)` is a list test."),
    ("via", "via \"AGENCY\"\n  Relayed through this agency (\"selon l'AFP\")."),
    ("involving", "involving \"NAME\"\n  The entity takes any part: speaker, subject, place, participant, outlet."),
    ("at", "at \"PLACE\"\n  Happening at this place (events, compare rows)."),
    ("lines", "`.format lines` / `--format lines`: one `field │ value` line per field, a block per row, wrapped to the terminal."),
    ("json", "`.format json` / `--format json`: typed values — numbers, figures {lo, hi, bound, stated}, spans {start, end}, ISO dates; `run` prints one JSON Lines record per statement."),
];

fn pair(display: &str, replacement: &str) -> Pair {
    Pair {
        display: display.to_string(),
        replacement: replacement.to_string(),
    }
}

/// The byte offset of the `"` that opens an unfinished string, if any.
fn open_quote(text: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if open.is_some() && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
        escaped = false;
    }
    open
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.candidates(line, pos))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    /// When the word being typed has one completion, show the rest of it
    /// (dimmed); → or End accepts it.
    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        let (start, candidates) = self.candidates(line, pos);
        let [only] = candidates.as_slice() else {
            return None;
        };
        let typed = line.get(start..pos)?;
        only.replacement
            .strip_prefix(typed)
            .filter(|rest| !rest.is_empty())
            .map(str::to_string)
    }
}

impl Highlighter for ReplHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if self.color && default {
            Cow::Owned(format!("\x1b[1;36m{prompt}\x1b[0m"))
        } else {
            Cow::Borrowed(prompt)
        }
    }
}

/// Every line is accepted as typed: the shell gathers unfinished
/// statements itself, with a continuation prompt (see `Shell::gather`).
impl Validator for ReplHelper {
    fn validate(&self, _ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(ValidationResult::Valid(None))
    }
}

impl Helper for ReplHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper() -> ReplHelper {
        let names = [
            "Haut-Karabakh",
            "Artsakh",
            "Arménie",
            "Azerbaïdjan",
            "ministère russe de la Défense",
        ];
        ReplHelper::new(
            Arc::new(OnceLock::from(names.map(String::from).to_vec())),
            false,
        )
    }

    fn replacements(line: &str) -> Vec<String> {
        helper()
            .candidates(line, line.len())
            .1
            .into_iter()
            .map(|p| p.replacement)
            .collect()
    }

    #[test]
    fn completes_names_by_alias_inside_quotes() {
        assert_eq!(replacements("entity \"Artsa"), ["\"Artsakh\""]);
        assert_eq!(
            replacements("claims by \"minist"),
            ["\"ministère russe de la Défense\""]
        );
        // accents and case do not matter
        assert_eq!(replacements("entity \"armen"), ["\"Arménie\""]);
    }

    #[test]
    fn completes_keywords_and_meta_commands() {
        assert!(replacements("contra").contains(&"contradictions".to_string()));
        assert_eq!(replacements(".for"), [".format"]);
    }

    #[test]
    fn completion_follows_the_grammar() {
        // the words of the field, never entity names
        assert_eq!(replacements("claims where polarity = "), ["affirm", "deny"]);
        assert_eq!(replacements("claims where polarity = a"), ["affirm"]);
        assert_eq!(replacements("claims where measure = ki"), ["killed"]);
        assert_eq!(
            replacements("claims where measure in (killed, wo"),
            ["wounded"]
        );
        assert_eq!(replacements("entities where kind = pe"), ["person"]);
        assert_eq!(
            replacements("agreements where independent = "),
            ["false", "true"]
        );
        assert!(replacements("claims where quote = Ar").is_empty());
        // names after a relation word
        assert_eq!(replacements("claims by Arm"), ["\"Arménie\""]);
        // fields after where / show / order by, of the statement's rows
        assert!(replacements("claims where ").contains(&"polarity".to_string()));
        assert_eq!(replacements("entities where me"), ["mentions"]);
        assert_eq!(replacements("claims show id, cl"), ["claimant"]);
        assert_eq!(replacements("claims order by va"), ["value"]);
        // a statement word first
        assert_eq!(replacements("ent"), ["entities", "entity"]);
    }

    #[test]
    fn help_has_a_topic_for_each_statement_field_clause_and_command() {
        let statements = [("claims", "claims [by \"X\"]")];
        let help = |t| topic_help(t, &statements).unwrap_or_default();
        assert!(help("measure").contains("killed, wounded"));
        assert!(help("polarity").contains("affirm, deny"));
        assert!(help("value").contains("findings"));
        assert!(help("show").contains("columns"));
        assert!(help("read").contains(".read"));
        assert!(help("claims").starts_with("claims [by"));
        assert!(topic_help("nonsense", &statements).is_none());
    }

    #[test]
    fn hints_the_rest_of_a_unique_completion() {
        let h = helper();
        let history = rustyline::history::DefaultHistory::new();
        let ctx = Context::new(&history);
        assert_eq!(h.hint("provena", 7, &ctx).as_deref(), Some("nce"));
        assert_eq!(h.hint("entity \"Arts", 12, &ctx).as_deref(), Some("akh\""));
        assert_eq!(h.hint("c", 1, &ctx), None, "several candidates, no hint");
    }

    #[test]
    fn finds_the_open_quote() {
        assert_eq!(open_quote("a \"b\" \"c"), Some(6));
        assert_eq!(open_quote("a \"b\""), None);
        assert_eq!(open_quote("a \"b\\\"c"), Some(2));
    }
}
