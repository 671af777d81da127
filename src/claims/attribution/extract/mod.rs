//! Cue-driven extraction: for each reporting cue, where its source and its content are.
//!
//! See the parent module's doc for the approach. This module owns the extractor's own view of
//! the document, `Ctx`: every token lower-cased, the prose paragraphs, the quote index, and the
//! sentences with three repairs (an opening quote mark moved to the sentence it opens, a
//! sentence joined after an abbreviation, one split before an opening quote); the token
//! accessors every rule uses; and `Found`, a finding in token ranges (content in bytes) before
//! it becomes an [`Attribution`](super::Attribution).
//!
//! The rules are `impl Ctx` blocks in the submodules, one seam each, so that a rule sits next
//! to the rules it calls:
//! - `cues`: is the word at a token a reporting cue here (lexicon, verb or noun use);
//! - `sources`: source noun phrases, left and right of a cue, and the words between a source
//!   and its cue that do not belong to it;
//! - `content`: where a content starts and ends around a cue, and how it runs on over a
//!   second quote or into the next paragraphs;
//! - the frames: `verbal` (reporting verbs), `nominal` (reporting nouns), `layout` ("Name:",
//!   "― Name", "Asked …", transcript labels) and `according` ("according to", cited outlets);
//! - `assemble`: the candidate loop over the sentences and everything done to the candidates
//!   as a set (nesting, the learned filter, continuations, byte ranges);
//! - `features`: the candidate's shape that the learned filter scores.

mod according;
mod assemble;
mod content;
mod cues;
mod features;
mod layout;
mod nominal;
mod sources;
mod verbal;

use std::ops::Range;

use super::lexicon::Frame;
use super::quotes::{self, Quote};
use crate::text::{Prepared, Role};

/// A finding before conversion to byte ranges.
#[derive(Debug, Clone)]
struct Found {
    /// Token range of the cue.
    cue: Option<Range<usize>>,
    /// Token range of the source.
    source: Option<Range<usize>>,
    /// Byte range of the content.
    content: Range<usize>,
    /// Pieces of the content without an interrupting "he said" (empty: the content is one piece).
    pieces: Vec<Range<usize>>,
    /// Token ranges of cited outlets.
    cited: Vec<Range<usize>>,
    /// Index into `found` of the attribution this quote continues.
    continues: Option<usize>,
    /// The cue is "according to" (merged into a neighbour's `cited` when it follows one).
    according: bool,
    /// The frame of the cue.
    frame: Frame,
}

#[derive(Debug, Clone)]
struct Sent {
    tokens: Range<usize>,
    paragraph: usize,
}

pub(super) struct Ctx<'a, 't> {
    p: &'a Prepared<'t>,
    /// Every token lower-cased, end to end in one string (a `String` per token cost ~50 bytes
    /// a token and a heap allocation each); token `i` is `low[low_at[i]..low_at[i + 1]]`.
    low: String,
    low_at: Vec<u32>,
    /// Sentence index of each token (`u32`: four bytes a token, not eight).
    sent_of: Vec<u32>,
    /// Sentences as token ranges (`Prepared::sentences`, with stray opening marks moved).
    sents: Vec<Sent>,
    quotes: Vec<Quote>,
    /// Quote index containing each token (marks included); `u32`, eight bytes a token, not
    /// sixteen.
    tok_quote: Vec<Option<u32>>,
    /// For each sentence, whether its paragraph is analysed for claims (title or body).
    usable: Vec<bool>,
    /// For each paragraph, whether it is prose (title, body, long heading).
    prose: Vec<bool>,
}

impl<'a, 't> Ctx<'a, 't> {
    pub(super) fn new(p: &'a Prepared<'t>) -> Self {
        let mut low = String::new();
        let mut low_at = Vec::with_capacity(p.tokens.len() + 1);
        low_at.push(0);
        for r in &p.tokens {
            let t = &p.text[r.clone()];
            // copied as it is unless some character has another lower case (an exact test:
            // title-case letters like "ǅ" are not upper case but do change)
            let changes = |c: char| {
                let mut l = c.to_lowercase();
                l.next() != Some(c) || l.next().is_some()
            };
            if t.bytes().any(|b| b.is_ascii_uppercase()) || !t.is_ascii() && t.chars().any(changes)
            {
                low.push_str(&t.to_lowercase());
            } else {
                low.push_str(t);
            }
            low_at.push(low.len() as u32);
        }
        // Title and body paragraphs; a long "heading" (a paragraph that lost its final
        // punctuation, a signed reader quote) is prose too.
        // A short paragraph ending with a colon ("He said:", "The New York Times reports:")
        // before a paragraph that opens with a quote mark introduces that quote: prose too.
        let opens_quote = |i: usize| {
            p.paragraphs.get(i).is_some_and(|x| {
                matches!(x.role, Role::Body | Role::Heading)
                    && p.text[x.range.clone()].starts_with(['"', '\u{201c}', '\u{ab}', '\u{2018}'])
            })
        };
        let prose: Vec<bool> = p
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, x)| match x.role {
                Role::Body | Role::Title => true,
                Role::Heading => {
                    let t = p.text[x.range.clone()].trim_end();
                    t.split_whitespace().count() >= 12 || t.ends_with(':') && opens_quote(i + 1)
                }
                Role::Boilerplate(_) => false,
            })
            .collect();
        let mut qs = Vec::new();
        for (pi, para) in p.paragraphs.iter().enumerate() {
            if prose[pi] {
                qs.extend(quotes::find(p.text, para.range.clone()));
            }
        }
        let mut tok_quote = vec![None; p.tokens.len()];
        let mut qi = 0;
        for (ti, r) in p.tokens.iter().enumerate() {
            while qi < qs.len() && qs[qi].range.end <= r.start {
                qi += 1;
            }
            if let Some(q) = qs.get(qi) {
                if q.range.start <= r.start && r.end <= q.range.end {
                    tok_quote[ti] = Some(qi as u32);
                }
            }
        }
        // An opening quote mark glued to the end of the previous sentence (`… lawyer. "If …`
        // can come out that way) belongs to the next one.
        let mut sents: Vec<Sent> = p
            .sentences
            .iter()
            .map(|s| Sent {
                tokens: s.tokens.clone(),
                paragraph: s.paragraph,
            })
            .collect();
        for i in 0..sents.len().saturating_sub(1) {
            loop {
                let (a, b) = (sents[i].tokens.clone(), sents[i + 1].tokens.clone());
                let last = a.end.saturating_sub(1);
                let opener = tok_quote
                    .get(last)
                    .copied()
                    .flatten()
                    .is_some_and(|q: u32| {
                        let m = &qs[q as usize].open_mark;
                        p.tokens
                            .get(last)
                            .is_some_and(|t| m.start <= t.start && t.end <= m.end)
                    });
                if opener
                    && a.end == b.start
                    && a.end - a.start > 1
                    && sents[i].paragraph == sents[i + 1].paragraph
                {
                    sents[i].tokens.end -= 1;
                    sents[i + 1].tokens.start -= 1;
                } else {
                    break;
                }
            }
        }
        let sents = merge_after_abbreviations(p, sents);
        let sents = split_at_openers(p, &qs, &tok_quote, sents);
        let usable: Vec<bool> = sents
            .iter()
            .map(|s| prose.get(s.paragraph).copied().unwrap_or(false))
            .collect();
        let mut sent_of = vec![0; p.tokens.len()];
        for (si, s) in sents.iter().enumerate() {
            for t in s.tokens.clone() {
                if let Some(x) = sent_of.get_mut(t) {
                    *x = si as u32;
                }
            }
        }
        Ctx {
            p,
            low,
            low_at,
            sent_of,
            sents,
            quotes: qs,
            tok_quote,
            usable,
            prose,
        }
    }

    fn n(&self) -> usize {
        self.p.tokens.len()
    }

    fn tok(&self, i: usize) -> &'t str {
        match self.p.tokens.get(i) {
            Some(r) => &self.p.text[r.clone()],
            None => "",
        }
    }

    fn low(&self, i: usize) -> &str {
        match (self.low_at.get(i), self.low_at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.low[a as usize..b as usize],
            _ => "",
        }
    }

    fn is_cap(&self, i: usize) -> bool {
        self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).chars().any(char::is_alphanumeric)
    }

    fn sentence(&self, i: usize) -> Range<usize> {
        self.sent_of
            .get(i)
            .and_then(|&s| self.sents.get(s as usize))
            .map(|s| s.tokens.clone())
            .unwrap_or(i..i + 1)
    }

    fn start(&self, i: usize) -> usize {
        self.p.tokens.get(i).map_or(self.p.text.len(), |r| r.start)
    }

    fn end(&self, i: usize) -> usize {
        self.p.tokens.get(i).map_or(self.p.text.len(), |r| r.end)
    }

    /// Byte range of tokens `r` (non-empty).
    fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.start(r.start)..self.end(r.end.saturating_sub(1).max(r.start))
    }

    /// Token `i` is the opening mark of a quote: that quote's index.
    fn opens(&self, i: usize) -> Option<usize> {
        let q = self.tok_quote.get(i).copied().flatten()? as usize;
        let r = self.p.tokens.get(i)?;
        (self.quotes[q].open_mark.start <= r.start && r.end <= self.quotes[q].open_mark.end)
            .then_some(q)
    }

    /// Token `i` is (part of) the closing mark of a quote: that quote's index.
    fn closes(&self, i: usize) -> Option<usize> {
        let q = self.tok_quote.get(i).copied().flatten()? as usize;
        let r = self.p.tokens.get(i)?;
        let c = self.quotes[q].close_mark.as_ref()?;
        (c.start <= r.start && r.end <= c.end).then_some(q)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(
            self.tok(i),
            "\u{2013}" | "\u{2014}" | "-" | "--" | "\u{2012}" | "\u{2015}"
        )
    }

    /// Punctuation that may separate a content from a following "source cue".
    fn is_boundary(&self, i: usize) -> bool {
        matches!(self.tok(i), "," | ":" | ";" | "?" | "!" | "...")
            || self.closes(i).is_some()
            || self.is_dash(i)
    }

    fn is_final_punct(&self, i: usize) -> bool {
        matches!(self.tok(i), "." | "!" | "?" | "\u{2026}" | "..." | ";")
    }

    fn found(
        &self,
        cue: Range<usize>,
        source: Option<Range<usize>>,
        content: Range<usize>,
    ) -> Found {
        Found {
            cue: Some(cue),
            source,
            content,
            pieces: vec![],
            cited: vec![],
            continues: None,
            according: false,
            frame: Frame::Speech,
        }
    }
}

/// Splits a sentence where final punctuation is followed by a quote's opening mark and a
/// capitalised word (`… tax lawyers. ''There's a lot …'' said Mr. Burman.`): the sentence
/// splitter does not always see a two-apostrophe or straight mark as an opener, and a
/// post-posed cue must not take the previous sentence into its content.
fn split_at_openers(
    p: &Prepared,
    qs: &[Quote],
    tok_quote: &[Option<u32>],
    sents: Vec<Sent>,
) -> Vec<Sent> {
    let tok = |i: usize| p.tokens.get(i).map_or("", |r| &p.text[r.clone()]);
    // token `i` lies in the opening mark of its quote
    let in_open = |i: usize| {
        tok_quote.get(i).copied().flatten().is_some_and(|q| {
            qs.get(q as usize).is_some_and(|q| {
                p.tokens
                    .get(i)
                    .is_some_and(|t| q.open_mark.start <= t.start && t.end <= q.open_mark.end)
            })
        })
    };
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let mut start = s.tokens.start;
        for k in s.tokens.start + 1..s.tokens.end.saturating_sub(2) {
            if !matches!(tok(k), "." | "?" | "!") || !in_open(k + 1) {
                continue;
            }
            // the mark may be two tokens (`''`)
            let mut w = k + 1;
            while w < s.tokens.end && in_open(w) {
                w += 1;
            }
            let capital = tok(w).chars().next().is_some_and(char::is_uppercase);
            if w < s.tokens.end && capital && k + 1 > start + 1 {
                out.push(Sent {
                    tokens: start..k + 1,
                    paragraph: s.paragraph,
                });
                start = k + 1;
            }
        }
        out.push(Sent {
            tokens: start..s.tokens.end,
            paragraph: s.paragraph,
        });
    }
    out
}

/// Joins a sentence to the next one when it ends with a period and the next opens with a
/// lowercase word, in the same paragraph (`… Mitch McConnell, R-Ky. | said Tuesday.`): the splitter took
/// the abbreviation for a sentence end, and a cue must see its source.
fn merge_after_abbreviations(p: &Prepared, sents: Vec<Sent>) -> Vec<Sent> {
    let tok = |i: usize| p.tokens.get(i).map_or("", |r| &p.text[r.clone()]);
    let mut out: Vec<Sent> = Vec::with_capacity(sents.len());
    for s in sents {
        if let Some(last) = out.last_mut() {
            let end = tok(last.tokens.end.saturating_sub(1));
            // "R-Ky." may come out as "R-Ky" "."
            let abbreviation = end.ends_with('.') && !end.ends_with("..");
            let lower = tok(s.tokens.start)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if abbreviation
                && lower
                && last.paragraph == s.paragraph
                && last.tokens.end == s.tokens.start
            {
                last.tokens.end = s.tokens.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_tokens_match_to_lowercase() {
        // ASCII, title-case letters (not upper case, yet changed), final sigma, a dotted
        // capital I that grows, and tokens already lower case
        let text = "\u{1c5}ap ΟΔΟΣ İstanbul ÀB said \u{2160} abc MAKE-UP \u{3c3}x.";
        let p = crate::text::prepare(text);
        let cx = Ctx::new(&p);
        assert!(cx.n() >= 8);
        for i in 0..cx.n() {
            assert_eq!(cx.low(i), cx.tok(i).to_lowercase(), "token {i}");
        }
        assert_eq!(cx.low(cx.n()), "");
    }
}
