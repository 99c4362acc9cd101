//! What the line editor knows of the language: completion of keywords,
//! measures, kinds, meta-commands and the graph's own entity names (by any
//! alias, accents and case ignored), and a validator that asks the real
//! parser whether a statement is finished.

use crate::analysis::words::fold;
use crate::query;
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
    (".format", "set the output format: `.format table|json|csv`"),
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
        if typed.is_empty() {
            return (start, Vec::new());
        }
        let folded = fold(&typed);
        let mut pairs: Vec<Pair> = self
            .words
            .iter()
            .filter(|w| w.starts_with(&typed))
            .map(|w| pair(w, w))
            .collect();
        // A bare name typed without its quote is completed with quotes.
        pairs.extend(
            self.names()
                .iter()
                .filter(|(f, _)| f.starts_with(&folded))
                .map(|(_, name)| pair(name, &format!("\"{name}\""))),
        );
        (start, pairs)
    }
}

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

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim_start().starts_with('.') || !query::is_incomplete(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
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
