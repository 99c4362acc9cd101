//! Just enough language identification for cleaning and metadata: which of a
//! few Latin-script languages a text or a line is written in (by function
//! words), and which letters a language does not use (so that a Vietnamese or
//! Cyrillic caption inside a French article stands out).
//!
//! This is deliberately small: it only has to tell "the article's language"
//! from "something else", not name every language of the world.

/// Function words by language: frequent, short, and rarely shared.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "sont", "dans", "pour",
            "par", "sur", "avec", "qui", "que", "ne", "pas", "au", "aux", "ce", "cette", "il",
            "elle", "ont", "été", "selon", "mais", "ou", "leur", "d", "l", "qu", "s", "n",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "are", "was", "were", "for", "with", "that",
            "this", "by", "from", "on", "it", "as", "has", "have", "its", "an", "be", "or", "not",
            "which", "their",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "en", "por", "con", "para", "una", "es", "que", "al",
            "se", "su", "como", "pero",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein",
            "eine", "auf", "für", "sich", "auch",
        ],
    ),
];

/// Letters French writes besides a–z.
use std::collections::HashMap;
use std::sync::LazyLock;

const FRENCH_LETTERS: &str = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ";

/// For each function word, the languages (bit `i` is `FUNCTION_WORDS[i]`)
/// it belongs to.
static LOOKUP: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *list {
            *map.entry(*word).or_insert(0) |= 1 << i;
        }
    }
    map
});

/// Function-word hits per language for `text`.
fn scores(text: &str) -> Vec<(&'static str, usize)> {
    let mut scores: Vec<(&'static str, usize)> =
        FUNCTION_WORDS.iter().map(|(l, _)| (*l, 0)).collect();
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        // Function words are short: skip long words without lowercasing them.
        if word.is_empty() || word.len() > 6 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&langs) = LOOKUP.get(lower.as_str()) {
            for (i, score) in scores.iter_mut().enumerate() {
                if langs & (1 << i) != 0 {
                    score.1 += 1;
                }
            }
        }
    }
    scores
}

/// The language of `text` (ISO 639-1), when its function words say so
/// clearly: at least `min_hits` hits and twice as many as the runner-up.
pub fn guess_with(text: &str, min_hits: usize) -> Option<&'static str> {
    let mut scores = scores(text);
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, hits) = scores.first().copied()?;
    let second = scores.get(1).map_or(0, |s| s.1);
    (hits >= min_hits && hits >= 2 * second.max(1)).then_some(best)
}

/// The language of a whole article (looks at its first 20 000 bytes).
pub fn guess(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    guess_with(text.get(..end).unwrap_or(text), 5)
}

/// Whether `c` is a letter that `language` does not write. Only languages
/// whose alphabet is known here are checked; for any other every letter is
/// "native".
pub fn is_foreign_letter(c: char, language: &str) -> bool {
    if !c.is_alphabetic() {
        return false;
    }
    match language {
        "fr" => !c.is_ascii_alphabetic() && !FRENCH_LETTERS.contains(c),
        "en" => !c.is_ascii_alphabetic(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        let fr =
            "Le ministère a déclaré que les forces de la région sont dans une situation difficile.";
        let en =
            "The ministry said that the forces of the region are in a difficult situation with it.";
        assert_eq!(guess(fr), Some("fr"));
        assert_eq!(guess(en), Some("en"));
        assert_eq!(guess("Bakou Erevan Moscou"), None);
    }

    #[test]
    fn foreign_letters_for_french() {
        assert!(!is_foreign_letter('é', "fr"));
        assert!(!is_foreign_letter('œ', "fr"));
        assert!(is_foreign_letter('ạ', "fr"));
        assert!(is_foreign_letter('ж', "fr"));
        assert!(!is_foreign_letter('ж', "xx"));
        assert!(is_foreign_letter('é', "en"));
    }
}
