//! Sentences, tokens and quotations of French news text, as byte spans.
//!
//! Tokens split glued words ("26mars", "BayraktarTB2dans", "surTelegram")
//! and keep thousands groups together ("6 500", "100 000"). Sentences end at
//! line breaks and at final punctuation that is not an abbreviation; they
//! never end inside a quotation of the same paragraph. Quotations are « »,
//! “ ” and "…" pairs; an unclosed one runs to the end of its paragraph.
//! Every pass is a single left-to-right scan.

use crate::model::Span;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}'
}

/// The tokens of `text[seg]`.
pub fn tokenize(text: &str, seg: Span, out: &mut Vec<Tok>) {
    let Some(s) = text.get(seg.start..seg.end) else {
        return;
    };
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (i + seg.start, c)).collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { seg.end };
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if is_space(c) || c.is_control() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            let mut digits = 0;
            // Bounded by the text; long digit runs are one token.
            while j < n && chars[j].1.is_ascii_digit() {
                j += 1;
                digits += 1;
            }
            loop {
                // thousands groups: "6 500", "100 000", "1.200"
                let sep =
                    j < n && ((is_space(chars[j].1) && chars[j].1 != '\n') || chars[j].1 == '.');
                let group = sep
                    && digits <= 3
                    && (1..=3).all(|k| chars.get(j + k).is_some_and(|x| x.1.is_ascii_digit()))
                    && !chars.get(j + 4).is_some_and(|x| x.1.is_ascii_digit());
                if group {
                    j += 4;
                    digits = 3;
                    continue;
                }
                // decimal comma: "1,5"
                if j + 1 < n && chars[j].1 == ',' && chars[j + 1].1.is_ascii_digit() {
                    j += 1;
                    while j < n && chars[j].1.is_ascii_digit() {
                        j += 1;
                    }
                }
                break;
            }
            out.push(Tok {
                start: b,
                end: end_of(j),
                kind: TokKind::Number,
            });
            i = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            while j < n {
                let (_, d) = chars[j];
                let prev = chars[j - 1].1;
                if d.is_alphabetic() || is_mark(d) {
                    // camel case glue: "surTelegram", "BayraktarTB"
                    if d.is_uppercase() && prev.is_lowercase() {
                        break;
                    }
                    j += 1;
                } else if (d == '-') && j + 1 < n && chars[j + 1].1.is_alphabetic() {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: b,
                end: end_of(j),
                kind: TokKind::Word,
            });
            i = j;
            continue;
        }
        out.push(Tok {
            start: b,
            end: end_of(i + 1),
            kind: TokKind::Punct,
        });
        i += 1;
    }
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Sentence spans of a segment, given its tokens.
pub fn sentences(text: &str, toks: &[Tok], seg: Span, abbrev: &HashSet<String>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut depth = 0i32;
    let mut last_end = seg.start;
    for (k, t) in toks.iter().enumerate() {
        // a line break between tokens ends the sentence and any quotation
        if let Some(st) = start {
            if text
                .get(last_end..t.start)
                .is_some_and(|g| g.contains('\n'))
            {
                out.push(Span::new(st, last_end));
                start = None;
                depth = 0;
            }
        }
        if start.is_none() {
            start = Some(t.start);
        }
        last_end = t.end;
        if t.kind != TokKind::Punct {
            continue;
        }
        match t.text(text) {
            "«" | "“" => depth += 1,
            "»" | "”" => depth = (depth - 1).max(0),
            "." | "!" | "?" | "…" if depth == 0 => {
                let next = toks.get(k + 1);
                let ends = match next {
                    None => true,
                    Some(nx) => {
                        let nt = nx.text(text);
                        let gap = nx.start > t.end;
                        let opens = nt.chars().next().is_some_and(|c| {
                            c.is_uppercase() || c.is_ascii_digit() || "«“\"".contains(c)
                        });
                        gap && opens
                    }
                };
                let abbreviation = t.text(text) == "."
                    && k > 0
                    && toks[k - 1].end == t.start
                    && toks[k - 1].kind == TokKind::Word
                    && {
                        let w = toks[k - 1].text(text);
                        abbrev.contains(&crate::extract::fold::fold(w))
                            || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    };
                if ends && !abbreviation {
                    if let Some(st) = start.take() {
                        out.push(Span::new(st, t.end));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Span::new(st, last_end));
    }
    out
}

/// Quotation spans (from the opening mark to the closing one, inclusive).
pub fn quotations(text: &str, toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut last_end = 0;
    for (k, t) in toks.iter().enumerate() {
        if let Some((o, _)) = open {
            if text
                .get(last_end..t.start)
                .is_some_and(|g| g.contains('\n'))
            {
                out.push(Span::new(o, last_end));
                open = None;
            }
        }
        last_end = t.end;
        if t.kind != TokKind::Punct {
            continue;
        }
        let s = t.text(text);
        match (open, s) {
            (None, "«") | (None, "“") | (None, "\"") => open = Some((t.start, s)),
            (Some((o, "«")), "»") | (Some((o, "“")), "”") | (Some((o, "\"")), "\"") => {
                out.push(Span::new(o, t.end));
                open = None;
            }
            // a « typed where » was meant: followed by punctuation or the line end
            (Some((o, "«")), "«") => {
                let closes = match toks.get(k + 1) {
                    None => true,
                    Some(nx) => {
                        matches!(nx.text(text), "," | "." | ";" | ")")
                            || text.get(t.end..nx.start).is_some_and(|g| g.contains('\n'))
                    }
                };
                if closes {
                    out.push(Span::new(o, t.end));
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        out.push(Span::new(o, last_end));
    }
    out
}

/// The parts of `[0, len)` not covered by `set_aside`, on char boundaries.
pub fn segments(text: &str, set_aside: &[Span]) -> Vec<Span> {
    let mut cuts: Vec<Span> = set_aside
        .iter()
        .filter(|s| s.start < s.end)
        .map(|s| Span::new(s.start.min(text.len()), s.end.min(text.len())))
        .collect();
    cuts.sort();
    let mut out = Vec::new();
    let mut pos = 0;
    for c in cuts {
        if c.start > pos {
            out.push(Span::new(pos, c.start));
        }
        pos = pos.max(c.end);
    }
    if pos < text.len() {
        out.push(Span::new(pos, text.len()));
    }
    out.into_iter()
        .map(|s| Span::new(floor(text, s.start), floor(text, s.end)))
        .filter(|s| s.start < s.end)
        .collect()
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut t = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut t);
        t.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn glued_and_grouped() {
        assert_eq!(words("le 26mars"), ["le", "26", "mars"]);
        assert_eq!(words("BayraktarTB2dans"), ["Bayraktar", "TB", "2", "dans"]);
        assert_eq!(
            words("au moins 6 500 personnes"),
            ["au", "moins", "6 500", "personnes"]
        );
        assert_eq!(
            words("les 100 000 Arméniens"),
            ["les", "100 000", "Arméniens"]
        );
        assert_eq!(words("l’Artsakh"), ["l", "’", "Artsakh"]);
        assert_eq!(words("le 24 et 25"), ["le", "24", "et", "25"]);
    }

    #[test]
    fn sentence_ends() {
        let s = "M. Dupont est venu. Il a parlé.\n« Oui. Non », a-t-il dit. Fin";
        let mut t = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut t);
        let ab: HashSet<String> = ["m".to_string()].into();
        let got: Vec<&str> = sentences(s, &t, Span::new(0, s.len()), &ab)
            .iter()
            .map(|x| &s[x.start..x.end])
            .collect();
        assert_eq!(
            got,
            [
                "M. Dupont est venu.",
                "Il a parlé.",
                "« Oui. Non », a-t-il dit.",
                "Fin"
            ]
        );
    }
}
