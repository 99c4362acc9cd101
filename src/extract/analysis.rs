//! The working state of one document's extraction: tokens, sentences,
//! quotations and lexicon cues, computed once and shared by the stages
//! (entities, numbers, dates, attribution, events).

use crate::extract::fold::fold;
use crate::extract::lexicon::Lexicon;
use crate::extract::text::{quotations, segments, sentences, tokenize, Tok, TokKind};
use crate::extract::{Cue, Extractor};
use crate::model::{DocMeta, Span};

pub struct Analysis<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub meta: &'a DocMeta,
    pub toks: Vec<Tok>,
    pub sents: Vec<Span>,
    pub quotes: Vec<Span>,
    /// Lexicon cues, left to right: span and what the phrase may mean.
    pub cues: Vec<(Span, &'a [Cue])>,
    /// For each token, the cue that starts at it.
    pub cue_at: Vec<Option<u32>>,
    /// For each cue, the index of the first token after it.
    pub cue_next: Vec<usize>,
    /// For each token, its sentence.
    pub tok_sent: Vec<u32>,
    pub segs: Vec<Span>,
    /// Folded text of each token.
    lows: Vec<String>,
}

impl<'a> Analysis<'a> {
    pub fn new(x: &'a Extractor, text: &'a str, meta: &'a DocMeta, set_aside: &[Span]) -> Self {
        let segs = segments(text, set_aside);
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        let mut quotes = Vec::new();
        let mut cues = Vec::new();
        for &seg in &segs {
            let first = toks.len();
            tokenize(text, seg, &mut toks);
            sents.extend(sentences(text, &toks[first..], seg, &x.lex.abbreviations));
            quotes.extend(quotations(text, &toks[first..]));
            cues.extend(x.cues.find(text, seg));
        }
        let mut cue_at = vec![None; toks.len()];
        let mut cue_next = Vec::with_capacity(cues.len());
        for (ci, (span, _)) in cues.iter().enumerate() {
            let ti = toks.partition_point(|t| t.start < span.start);
            if ti < toks.len() && toks[ti].start == span.start {
                cue_at[ti] = Some(ci as u32);
            }
            cue_next.push(toks.partition_point(|t| t.start < span.end));
        }
        let mut tok_sent = Vec::with_capacity(toks.len());
        let mut si = 0usize;
        for t in &toks {
            while si + 1 < sents.len() && sents[si].end <= t.start {
                si += 1;
            }
            tok_sent.push(si as u32);
        }
        let lows = toks.iter().map(|t| fold(t.text(text))).collect();
        Analysis {
            text,
            lex: &x.lex,
            meta,
            toks,
            sents,
            quotes,
            cues,
            cue_at,
            cue_next,
            tok_sent,
            segs,
            lows,
        }
    }

    pub fn tok_text(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// Folded text of token `i`.
    pub fn low(&self, i: usize) -> &str {
        self.lows.get(i).map(String::as_str).unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// Capitalised word: "Kherson", "Jean-Yves", not "ONU" nor "la".
    pub fn is_cap(&self, i: usize) -> bool {
        let w = self.tok_text(i);
        let mut cs = w.chars();
        self.is_word(i)
            && cs.next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
    }

    /// The token index at or after byte `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    pub fn sent_of(&self, ti: usize) -> Option<Span> {
        self.tok_sent
            .get(ti)
            .and_then(|&s| self.sents.get(s as usize))
            .copied()
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        matches!((self.tok_sent.get(a), self.tok_sent.get(b)), (Some(x), Some(y)) if x == y)
    }

    /// The cue starting at token `i`, with the token after it.
    pub fn cue(&self, i: usize) -> Option<(&'a [Cue], usize)> {
        let ci = (*self.cue_at.get(i)?)? as usize;
        Some((self.cues[ci].1, self.cue_next[ci]))
    }

    pub fn cue_has(&self, i: usize, f: impl Fn(&Cue) -> bool) -> Option<usize> {
        self.cue(i)
            .and_then(|(c, next)| c.iter().any(f).then_some(next))
    }

    /// The quotation containing byte `pos`.
    pub fn quote_at(&self, pos: usize) -> Option<Span> {
        let i = self.quotes.partition_point(|q| q.start <= pos);
        i.checked_sub(1)
            .and_then(|i| self.quotes.get(i))
            .filter(|q| q.start < pos && pos < q.end)
            .copied()
    }
}
