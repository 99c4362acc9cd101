//! Folding of names for comparison: case, accents, apostrophes and white
//! space, and the transliteration key under which spellings such as
//! Zelensky / Zelenskyy or Tchaïkovski / Chaikovsky coincide.
//!
//! The same folding is used by the extractor, the entity index and the
//! scorer, so that "equal after folding" means one thing everywhere.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, no diacritics, one kind of apostrophe, single spaces.
pub fn fold(s: &str) -> String {
    // fast path: one ASCII word
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'')
    {
        return s.to_ascii_lowercase();
    }
    // fast path: one word of Latin letters (French accents folded by table)
    if s.chars().all(|c| {
        c.is_alphanumeric() && (c.is_ascii() || latin(c).is_some()) || c == '-' || c == '\''
    }) {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match latin(c) {
                Some(x) => out.push_str(x),
                None => out.push(c.to_ascii_lowercase()),
            }
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '’' | '‘' | '`' | 'ʼ' | '´' => '\'',
            'œ' | 'Œ' => {
                out.push('o');
                'e'
            }
            'æ' | 'Æ' => {
                out.push('a');
                'e'
            }
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The folded form of a common accented Latin letter.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ÿ' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return None,
    })
}

/// One rewriting rule of the transliteration key: `from` becomes `to`;
/// with `word_end` only at the end of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub from: String,
    pub to: String,
    pub word_end: bool,
}

/// The transliteration key of a folded name: hyphens become spaces and each
/// rule is applied left to right, so that variants of one name meet.
pub fn translit_key(folded: &str, rules: &[Rule]) -> String {
    let base: String = folded
        .chars()
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    let mut words: Vec<String> = base.split(' ').map(str::to_string).collect();
    for w in &mut words {
        for r in rules {
            if r.from.is_empty() {
                continue;
            }
            if r.word_end {
                if w.len() > r.from.len() && w.ends_with(&r.from) {
                    let cut = w.len() - r.from.len();
                    w.truncate(cut);
                    w.push_str(&r.to);
                }
            } else if w.contains(&r.from) {
                *w = w.replace(&r.from, &r.to);
            }
        }
    }
    words.join(" ")
}

/// Which rules changed anything between the two folded spellings, for the
/// reason of a merge ("transliteration sh/ch, yan/ian").
pub fn rules_used(a: &str, b: &str, rules: &[Rule]) -> Vec<String> {
    let mut used = Vec::new();
    for r in rules {
        if (a.contains(&r.from) || b.contains(&r.from)) && !r.from.is_empty() {
            let one = [r.clone()];
            if translit_key(a, &one) != a.replace('-', " ")
                || translit_key(b, &one) != b.replace('-', " ")
            {
                let label = format!("{}/{}", r.from, r.to);
                if !used.contains(&label) {
                    used.push(label);
                }
            }
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_space() {
        assert_eq!(fold("République d’Irlande"), "republique d'irlande");
        assert_eq!(fold("  KHARKIV \n"), "kharkiv");
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("Azerbaïdjan"), "azerbaidjan");
    }

    #[test]
    fn transliteration_meets_variants() {
        let rules = vec![
            Rule {
                from: "sh".into(),
                to: "ch".into(),
                word_end: false,
            },
            Rule {
                from: "yan".into(),
                to: "ian".into(),
                word_end: true,
            },
        ];
        assert_eq!(
            translit_key(&fold("Arshakyan"), &rules),
            translit_key(&fold("Archakian"), &rules)
        );
        assert_ne!(
            translit_key("tartus", &rules),
            translit_key("tartu", &rules)
        );
    }
}
