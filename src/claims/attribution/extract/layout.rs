//! Frames made by the layout of a sentence rather than by a reporting word.
//!
//! Owns "Name: content" at a sentence start (a headline, a quote introduced by a name, a
//! transcript line opened by a speaker label in capitals), a quote signed with a dash ("“…”
//! ― Name"), and the fronted "Asked (…) whether C, X said …", which reports the question with
//! no source. Tried by the candidate loop once per sentence, beside the cues.

use std::ops::Range;

use super::super::lexicon::{self, Frame};
use super::{Ctx, Found};
use crate::text::Role;

impl<'a, 't> Ctx<'a, 't> {
    /// "Asked (during a debate) whether C, X said …": a fronted "asked" opening the sentence
    /// (or after "When") reports the question put to the main clause's subject; the content is
    /// the question (from the wh-word, "about" or "to" to the comma), with no source of its own.
    pub(super) fn asked_attribution(&self, i: usize, s: Range<usize>) -> Option<Found> {
        let first = if self.low(s.start) == "when" {
            s.start + 1
        } else {
            s.start
        };
        if i != first || self.low(i) != "asked" {
            return None;
        }
        let mut k = i + 1;
        while k < s.end && k - i <= 8 {
            if matches!(
                self.low(k),
                "whether" | "if" | "why" | "how" | "what" | "who" | "about" | "to"
            ) {
                break;
            }
            if !self.is_word(k) {
                return None;
            }
            k += 1;
        }
        let e = (k + 1..s.end).find(|&j| self.tok(j) == ",")?;
        if k >= s.end || self.tok_quote[k].is_some() || !(k + 1..e).any(|j| self.is_word(j)) {
            return None;
        }
        let mut f = self.found(i..i + 1, None, self.start(k)..self.end(e - 1));
        f.frame = Frame::Asked;
        Some(f)
    }

    /// "Name: content" at the start of a sentence, for a headline or before a quote
    /// ("John Bolton: ‘Hillary’s campaign slogan …’", "Sanders: Brexit’s message could …").
    pub(super) fn colon_attribution(&self, s: Range<usize>, si: usize) -> Option<Found> {
        let colon = s.clone().take(9).find(|&i| self.tok(i) == ":")?;
        if colon == s.start || colon + 1 >= s.end {
            return None;
        }
        let title = self
            .sents
            .get(si)
            .and_then(|x| self.p.paragraphs.get(x.paragraph))
            .is_some_and(|p| p.role == Role::Title);
        let quote_after = self.opens(colon + 1).is_some();
        // a plain-text article's first line is its headline even when the paragraph
        // splitter took it for body text ("Sanders: Clinton needs to … with Trump.")
        let first_line = self.sents.get(si).is_some_and(|x| {
            (0..x.paragraph).all(|i| !self.prose.get(i).copied().unwrap_or(false))
                && (si == 0
                    || self
                        .sents
                        .get(si - 1)
                        .is_none_or(|y| y.paragraph != x.paragraph))
        });
        // a transcript line: '"WALLACE: Let's start …' (a speaker label in capitals)
        let label = !(s.start..colon).any(|i| {
            lexicon::is_in(
                self.low(i),
                &[
                    "update",
                    "updated",
                    "correction",
                    "clarification",
                    "note",
                    "editor",
                    "related",
                    "watch",
                    "video",
                    "photo",
                    "read",
                    "more",
                    "source",
                    "sources",
                    "breaking",
                    "exclusive",
                    "live",
                    "warning",
                ],
            )
        }) && (s.start..colon).all(|i| {
            !self.is_word(i) && self.opens(i).is_some()
                || self.tok(i).chars().any(char::is_alphabetic)
                    && self.tok(i).chars().all(|c| !c.is_lowercase())
        }) && (s.start..colon).any(|i| self.is_word(i))
            && self.sents.get(si).is_some_and(|x| {
                si == 0
                    || self
                        .sents
                        .get(si - 1)
                        .is_none_or(|y| y.paragraph != x.paragraph)
            });
        if label {
            let mut a = s.start;
            while a < colon && !self.is_word(a) {
                a += 1;
            }
            let pi = self.sents.get(si)?.paragraph;
            let para = self.p.paragraphs.get(pi)?.range.clone();
            let mut end = para.end;
            let t = self.p.text.get(para.clone())?;
            let trimmed = t.trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\u{201d}' | '\u{2019}')
            });
            end -= t.len() - trimmed.len();
            let start = self.start(colon + 1);
            if end <= start {
                return None;
            }
            return Some(self.found(colon..colon + 1, Some(a..colon), start..end));
        }
        if !(title || quote_after || first_line) {
            return None;
        }
        if !(s.start..colon).all(|i| {
            self.is_word(i) && (self.is_cap(i) || matches!(self.low(i), "'s" | "\u{2019}s" | "of"))
        }) {
            return None;
        }
        if (s.start..colon).any(|i| self.cue_at(i, s.end).is_some()) {
            return None;
        }
        let e = self.content_end(colon + 1, s.end);
        if e <= colon + 1 {
            return None;
        }
        let content = match self.opens(colon + 1) {
            Some(q) => self.start(colon + 1)..self.quotes[q].range.end.max(self.end(e - 1)),
            None => self.start(colon + 1)..self.end(e - 1),
        };
        Some(self.found(colon..colon + 1, Some(s.start..colon), content))
    }

    /// A quote signed with a dash and a name: '“…” ― Ariana Huichapa.' (reader comments,
    /// vox pops, epigraphs).
    pub(super) fn dash_attribution(&self, s: Range<usize>) -> Option<Found> {
        let mut e = s.end;
        while e > s.start && (self.is_final_punct(e - 1) || self.tok(e - 1) == ".") {
            e -= 1;
        }
        let d = (s.start + 1..e).rev().find(|&i| self.is_dash(i))?;
        let q = self.closes(d - 1)?;
        let name = d + 1..e;
        if name.is_empty()
            || name.len() > 6
            || !name
                .clone()
                .all(|i| self.is_cap(i) || !self.is_word(i) && self.tok(i) != ",")
        {
            return None;
        }
        let content = self.quotes[q].range.clone();
        let mut f = self.found(d..d + 1, Some(name), content);
        f.cue = Some(d..d + 1);
        Some(f)
    }
}
