//! Content spans: what is said to have been said.
//!
//! Owns where a content starts and ends around a cue: before a post-posed cue
//! (`content_left`), after a pre-posed one (`content_right`: a "that" or an opening quote within
//! `THAT_WINDOW` tokens, else right after the cue), where it stops (`content_end_in`: sentence
//! end, ", adding …", ", according to", a complement's comma or subordinator), whether the rest
//! of a sentence is only adjuncts (`rest_is_adjunct`), and how a content runs on over a second
//! quote (`extend_after`: `"A," she said, "B."`) or into the next quote paragraphs
//! (`extend_quote`). Content is a byte range; every frame builds on these.

use std::ops::Range;

use super::super::lexicon::{self, Frame};
use super::Ctx;
use crate::text::Role;

/// How far (tokens) after a cue a "that" or a quote may start and still open its content
/// ("said in an interview with CNN on Sunday that …").
const THAT_WINDOW: usize = 12;

impl<'a, 't> Ctx<'a, 't> {
    /// Content before a post-posed "source cue", ending before the boundary tokens that end
    /// at `b` (inclusive). Starts at the sentence start, or is the quote that closes there.
    pub(super) fn content_left(&self, b: usize, s0: usize) -> Option<Range<usize>> {
        let mut k = b + 1;
        while k > s0 && (self.is_boundary(k - 1) || self.tok(k - 1) == ",") {
            k -= 1;
            if let Some(q) = self.closes(k) {
                let qr = self.quotes[q].range.clone();
                // the quote is the content when it opens the sentence (or began earlier)
                let first_word = (s0..k).find(|&i| self.is_word(i)).unwrap_or(k);
                if qr.start <= self.start(first_word) {
                    return Some(qr);
                }
                // 'Turkey is “always on the side of Azerbaijan,” X said': keep the mark
                let mut a = s0;
                while a < k && (self.is_dash(a) || !self.is_word(a) && self.opens(a).is_none()) {
                    a += 1;
                }
                return (a < k).then(|| self.start(a)..qr.end);
            }
        }
        // k is one past the last content token
        let mut a = s0;
        while a < k && (self.is_dash(a) || !self.is_word(a) && self.opens(a).is_none()) {
            a += 1;
        }
        if a >= k || !(a..k).any(|i| self.is_word(i)) {
            return None;
        }
        // A quote opened in an earlier sentence and not closed before `b`: take it whole.
        if let Some(q) = self.tok_quote.get(a).copied().flatten().map(|q| q as usize) {
            if self.quotes[q].range.start < self.start(a)
                && self.quotes[q].range.end >= self.end(k - 1)
            {
                return Some(self.quotes[q].range.start..self.end(k - 1));
            }
        }
        Some(self.start(a)..self.end(k - 1))
    }

    /// Where the content after a cue ends: the sentence end (without its final punctuation),
    /// or before ", adding …" / ", saying …" / "; " / ", according to".
    pub(super) fn content_end(&self, from: usize, s1: usize) -> usize {
        self.content_end_in(from, s1, Frame::Speech)
    }

    /// [`Self::content_end`] for a cue of `frame`: a complement ("criticized X …") also ends
    /// before ", but …", ", while …" and a participle clause (", meaning …").
    pub(super) fn content_end_in(&self, from: usize, s1: usize, frame: Frame) -> usize {
        let mut k = from;
        while k < s1 {
            if self.tok_quote[k].is_none() && k > from && matches!(self.low(k), "and" | "but") {
                // "… and called for …": a second reporting verb of the same speaker
                let mut j = k + 1;
                while j < s1 && lexicon::is_in(self.low(j), lexicon::FILLERS) {
                    j += 1;
                }
                if self.cue_at(j, s1).is_some_and(|c| {
                    !matches!(
                        c.frame,
                        Frame::According | Frame::To | Frame::Belief | Frame::Seem
                    ) && !c.participle
                }) || self.np_cue_follows(k + 1, s1)
                {
                    let mut e = k;
                    while e > from && self.tok(e - 1) == "," {
                        e -= 1;
                    }
                    return e;
                }
            }
            if self.closes(k).is_some()
                && k > from
                && (lexicon::is_in(self.low(k + 1), lexicon::CLAUSE_ENDS)
                    || frame == Frame::Complement
                        && lexicon::is_in(self.low(k + 1), lexicon::COMPLEMENT_ENDS))
            {
                return k + 1;
            }
            if frame != Frame::Complement
                && self.tok_quote[k].is_none()
                && k > from
                && self.tok(k) == ","
                && lexicon::is_in(self.low(k + 1), lexicon::CLAUSE_ENDS)
            {
                return k;
            }
            if frame == Frame::Complement && self.tok_quote[k].is_none() && k > from {
                if self.tok(k) == ","
                    && self.opens(k + 1).is_none()
                    && self.closes(k.saturating_sub(1)).is_none()
                {
                    return k;
                }
                if lexicon::is_in(self.low(k), lexicon::COMPLEMENT_ENDS) {
                    return k;
                }
                // "attacked Machado in early-morning tweets", "called for more investment in
                // a statement": after a short object, a place/time/medium adjunct ends it
                if k - from <= 4
                    && matches!(self.low(k), "in" | "on" | "at" | "since" | "during" | "via")
                    && (lexicon::is_in(self.low(k + 1), lexicon::DETERMINERS)
                        || self.is_time(k + 1)
                        || self.low(k + 1).ends_with("-morning")
                        || self.low(k + 1).ends_with("-night"))
                    && (from..k).all(|i| {
                        !matches!(self.low(i), "to" | "of" | "that" | "for" | "as" | "about")
                            && self.tok_quote[i].is_none()
                    })
                    && self.adjunct_closes(k, s1)
                {
                    return k;
                }
            }
            if frame == Frame::Complement
                && self.tok_quote[k].is_none()
                && self.tok(k) == ","
                && k + 1 < s1
            {
                let n = self.low(k + 1);
                let n2 = self.low(k + 2);
                let ing = |w: &str| {
                    w.len() > 5
                        && w.ends_with("ing")
                        && !lexicon::is_in(
                            w,
                            &[
                                "during",
                                "including",
                                "according",
                                "following",
                                "something",
                                "nothing",
                                "anything",
                                "everything",
                            ],
                        )
                };
                if matches!(n, "but" | "while" | "whereas" | "though" | "although")
                    || ing(n)
                    || n.ends_with("ly") && ing(n2)
                {
                    return k;
                }
            }
            if self.closes(k).is_some() && k + 1 < s1 && self.source_cue_follows(k + 1, s1) {
                return k + 1;
            }
            if self.tok_quote[k].is_none() {
                if self.tok(k) == ";" {
                    return k;
                }
                if (self.tok(k) == "," || self.is_dash(k)) && k + 1 < s1 {
                    if let Some(c) = self.cue_at(k + 1, s1) {
                        if c.participle || c.frame == Frame::According {
                            return k;
                        }
                    }
                    if self.source_cue_follows(k + 1, s1) {
                        return k;
                    }
                }
            }
            k += 1;
        }
        let mut e = s1;
        while e > from && self.is_final_punct(e - 1) {
            e -= 1;
        }
        e
    }

    /// The phrase from `k` runs to the sentence end (or a comma) within 8 tokens, with no
    /// quote, infinitive or clause on the way: a closing adjunct ("in early-morning tweets").
    fn adjunct_closes(&self, k: usize, s1: usize) -> bool {
        let mut j = k;
        while j < s1 && j - k <= 8 {
            let t = self.tok(j);
            if t == "," || self.is_final_punct(j) {
                return true;
            }
            if self.tok_quote[j].is_some() || matches!(self.low(j), "to" | "that" | "for") {
                return false;
            }
            j += 1;
        }
        j >= s1
    }

    /// Does "NAME/PRONOUN cue" start at `k` ("… and he noted that …")?
    fn np_cue_follows(&self, k: usize, s1: usize) -> bool {
        (k + 1..(k + 7).min(s1)).any(|j| {
            self.cue_at(j, s1)
                .is_some_and(|c| matches!(c.frame, Frame::Speech | Frame::Object) && !c.participle)
                && self.np_inner(self.skip_fillers(j, k), k) == Some(k)
                && (self.is_cap(k) || lexicon::is_in(self.low(k), lexicon::PRONOUNS))
        })
    }

    /// Does "SOURCE cue" start at `k` (a short noun phrase, then a cue, then only adjuncts)?
    fn source_cue_follows(&self, k: usize, s1: usize) -> bool {
        let mut j = k;
        while j < s1 && j - k <= 8 {
            if j > k {
                if let Some(c) = self.cue_at(j, s1) {
                    if c.frame == Frame::Belief || c.frame == Frame::According {
                        return false;
                    }
                    let mut l = j;
                    while l > k && lexicon::is_in(self.low(l - 1), lexicon::FILLERS) {
                        l -= 1;
                    }
                    return self.np_inner(l, k) == Some(k)
                        && self.rest_is_adjunct(
                            self.after_object(j + c.words.len(), s1, c.frame),
                            s1,
                            c.frame,
                            k > 0 && self.closing_before(k - 1),
                            k > 0 && self.opening_quote_before(k - 1),
                        );
                }
            }
            if !self.is_word(j) && !matches!(self.low(j), "'s" | "\u{2019}s") {
                return false;
            }
            j += 1;
        }
        false
    }

    /// Content after a cue whose right side starts at token `r`.
    pub(super) fn content_right(&self, r: usize, s1: usize, frame: Frame) -> Option<Range<usize>> {
        let mut k = r;
        // "said:" / "said," before a quote or clause
        let skip_punct = |k: &mut usize| {
            while *k < s1 && matches!(self.tok(*k), ":" | "," | "\u{2013}" | "\u{2014}" | "-") {
                *k += 1;
            }
        };
        if frame == Frame::Object
            && k < s1
            && self.opens(k).is_none()
            && !matches!(self.tok(k), ":" | ",")
            && self.low(k) != "that"
        {
            // the addressee: "reporters", "CNN's Chris Cuomo", "the crowd"
            let mut j = k;
            if lexicon::is_in(
                self.low(j),
                &["the", "a", "an", "his", "her", "their", "its"],
            ) {
                j += 1;
            }
            let first = j;
            while j < s1
                && (self.is_cap(j) || j == first || matches!(self.low(j), "'s" | "\u{2019}s"))
                && self.opens(j).is_none()
                && !self.is_boundary(j)
                && self.low(j) != "that"
            {
                if j > first && !self.is_cap(j) && !matches!(self.low(j), "'s" | "\u{2019}s") {
                    break;
                }
                if j > first
                    && lexicon::is_in(self.low(j), lexicon::CLAUSE_STARTS)
                    && !self.is_cap(j - 1)
                {
                    break;
                }
                j += 1;
            }
            k = j.min(s1);
        }
        // A "that" or a quote a little further on opens the content, when only adjunct-like
        // material ("on Tuesday", "in a statement to reporters") stands before it.
        let mut opener = None;
        let mut j = k;
        let adjunct_first = k < s1
            && (lexicon::is_in(self.low(k), lexicon::ADJUNCT_OPENERS)
                || self.is_time(k)
                || matches!(self.tok(k), ":" | ","));
        let window = if adjunct_first { THAT_WINDOW } else { 0 };
        while j < s1 && j - k <= window {
            if self.low(j) == "that" {
                opener = Some(j);
                break;
            }
            if let Some(_q) = self.opens(j) {
                if j == k || matches!(self.tok(j - 1), ":" | ",") {
                    opener = Some(j);
                }
                break;
            }
            if matches!(self.tok(j), "." | ";" | "?" | "!") || self.cue_at(j, s1).is_some() && j > k
            {
                break;
            }
            if self.tok(j) == "," && !(j + 1 < s1 && self.opens(j + 1).is_some()) {
                break;
            }
            j += 1;
        }
        if let Some(o) = opener {
            // only adjunct-like material may be skipped on the way
            let skipped_ok =
                (k..o).all(|i| !lexicon::is_in(self.low(i), lexicon::PRONOUNS) || i > k);
            if skipped_ok && (o == k || frame != Frame::Complement || self.opens(o).is_some()) {
                k = o;
            }
        } else {
            while k < s1 && lexicon::is_in(self.low(k), lexicon::TIME_WORDS) {
                k += 1;
            }
        }
        skip_punct(&mut k);
        if k >= s1 {
            // 'He said:' closing its paragraph, the quote in the next one
            if s1 > 0 && self.tok(s1 - 1) == ":" {
                let pi = self
                    .sents
                    .get(self.sent_of.get(s1 - 1).copied().unwrap_or(0) as usize)?
                    .paragraph;
                let next = self.p.paragraphs.get(pi + 1)?;
                if self.prose.get(pi + 1).copied().unwrap_or(false) {
                    let q = self
                        .quotes
                        .iter()
                        .find(|q| q.range.start == next.range.start)?;
                    return Some(self.extend_quote(q.range.clone()));
                }
            }
            return None;
        }
        // A quote that runs past the sentence: the content is the quote.
        if let Some(q) = self.opens(k) {
            let qr = self.quotes[q].range.clone();
            let se = self.end(s1 - 1);
            if qr.end >= se {
                return Some(self.start(k)..qr.end);
            }
        }
        let e = self.content_end_in(k, s1, frame);
        if e <= k || !(k..e).any(|i| self.is_word(i)) {
            return None;
        }
        Some(self.start(k)..self.end(e - 1))
    }

    /// The boundary tokens (commas, dashes, closing marks) that end at `b` include a closing
    /// quote mark.
    pub(super) fn closing_before(&self, b: usize) -> bool {
        let mut k = b + 1;
        while k > 0 && (self.is_boundary(k - 1) || self.tok(k - 1) == ",") {
            k -= 1;
            if self.closes(k).is_some() {
                return true;
            }
        }
        false
    }

    /// Like [`Self::closing_before`], and the quote opens its sentence (or began earlier).
    pub(super) fn opening_quote_before(&self, b: usize) -> bool {
        let mut k = b + 1;
        while k > 0 && (self.is_boundary(k - 1) || self.tok(k - 1) == ",") {
            k -= 1;
            if let Some(q) = self.closes(k) {
                let s0 = self.sentence(k).start;
                let first = (s0..k).find(|&i| self.is_word(i)).unwrap_or(k);
                return self.quotes[q].range.start <= self.start(first);
            }
        }
        false
    }

    /// '… said during a rally in Kenansville, N.C., “B …”': an adjunct of a few tokens from `r`,
    /// then a comma and an opening quote; that quote's index.
    fn quote_after_adjunct(&self, r: usize, s1: usize) -> Option<usize> {
        if !(lexicon::is_in(self.low(r), lexicon::ADJUNCT_OPENERS) || self.is_time(r)) {
            return None;
        }
        let mut j = r;
        while j + 1 < s1 && j - r < 14 {
            if self.low(j) == "that"
                || self.opens(j).is_some()
                || self.cue_at(j, s1).is_some() && j > r
            {
                return None;
            }
            if self.tok(j) == "," {
                if let Some(q) = self.opens(j + 1) {
                    return Some(q);
                }
            }
            j += 1;
        }
        None
    }

    /// Is the rest of the sentence from `r` only adjuncts ("on Tuesday", "in a statement",
    /// "to reporters"), so that a cue before it closes its sentence?
    /// `after_quote`: a closing quote mark stands before the source; `whole_quote`: that quote
    /// opens the sentence (`"We are …," Merkel told reporters …`).
    pub(super) fn rest_is_adjunct(
        &self,
        r: usize,
        s1: usize,
        frame: Frame,
        after_quote: bool,
        whole_quote: bool,
    ) -> bool {
        let mut e = s1;
        while e > r && (self.is_final_punct(e - 1) || self.closes(e - 1).is_some()) {
            e -= 1;
        }
        if e <= r {
            return true;
        }
        // "…,” Chaffetz said in a statement, adding that …": a participle clause or "according
        // to" after a comma is the same speaker's next statement, not this cue's content.
        if let Some(k) = (r + 1..e).find(|&k| {
            self.tok_quote[k].is_none()
                && (self.tok(k) == "," || self.is_dash(k))
                && self
                    .cue_at(k + 1, s1)
                    .is_some_and(|c| c.participle || c.frame == Frame::According)
        }) {
            e = k;
        }
        let first = self.low(r);
        if first == "," || first == "\u{2013}" || first == "\u{2014}" {
            // "…, he said, adding that …" / "…, he said, according to …"
            if let Some(c) = self.cue_at(r + 1, s1) {
                return c.participle || c.frame == Frame::According;
            }
            // '"A," he said, "B."' (but "Asked about it, he said, “…”" is pre-posed)
            if self.opens(r + 1).is_some() {
                return after_quote;
            }
            // '"You know, I love Larry," he said, but "when it comes to …"': the quote goes on
            // (see `extend_after`)
            if after_quote
                && matches!(self.low(r + 1), "and" | "but")
                && (r + 2..(r + 5).min(e)).any(|i| self.opens(i).is_some())
            {
                return true;
            }
            // '“You winning?” she said, but Kevin was drifting off …': another clause
            if whole_quote
                && lexicon::is_in(self.low(r + 1), lexicon::CLAUSE_LINKS)
                && (r + 1..(r + 6).min(e)).all(|i| self.opens(i).is_none())
            {
                return true;
            }
            // "…, he said, citing …", "… he said, before …", "…, said X, summing up …"
            return (r + 1..e).all(|i| self.opens(i).is_none());
        }
        // '"We are …," Merkel told reporters after the meeting that was held …': after a
        // quote, only a clause, quote or colon right after the cue is a content of its own.
        if whole_quote {
            let mut j = r;
            while j < e && self.tok(j) == "," {
                j += 1;
            }
            return !(self.low(j) == "that" || self.opens(j).is_some() || self.tok(j) == ":");
        }
        // '"A," Trump said during a rally in Kenansville, N.C., "B."'
        if after_quote && self.quote_after_adjunct(r, s1).is_some() {
            return true;
        }
        // a clause or a quote of its own after the cue: the content is there, not before
        let opens_content =
            |i: usize| self.opens(i).is_some() && (i == r || matches!(self.tok(i - 1), "," | ":"));
        if (r..e).any(|i| self.low(i) == "that" || opens_content(i) || self.tok(i) == ":") {
            return false;
        }
        let to_ok = first != "to"
            || self.is_cap(r + 1)
            || lexicon::is_in(self.low(r + 1), lexicon::DETERMINERS)
            || lexicon::is_in(
                self.low(r + 1),
                &[
                    "reporters",
                    "journalists",
                    "lawmakers",
                    "supporters",
                    "me",
                    "him",
                    "her",
                    "us",
                    "them",
                    "voters",
                    "members",
                ],
            );
        to_ok && lexicon::is_in(first, lexicon::ADJUNCT_OPENERS)
            || self.is_time(r)
            || self.adverb(r)
                && (r + 1 >= e || lexicon::is_in(self.low(r + 1), lexicon::ADJUNCT_OPENERS))
            || first == "("
            || frame == Frame::Object
            || e - r <= 2 && self.is_cap(r)
    }

    /// After a post-posed cue: '"A," he said, "B."' or '"A," she said. "B."' — the content
    /// runs on to the end of the next quote.
    ///
    /// When the words between the two pieces (a long apposition: '"A," said Kevin Barrett, a
    /// lawyer at …, who represents … . "B."') outweigh the pieces themselves, the content stays
    /// the first piece: one span from A to B would be mostly narration.
    pub(super) fn extend_after(
        &self,
        content: Range<usize>,
        r: usize,
        s1: usize,
        clause: bool,
    ) -> (Range<usize>, Vec<Range<usize>>) {
        let (whole, pieces) = self.extend_after_inner(content.clone(), r, s1, clause);
        if let [a, b] = pieces.as_slice() {
            let alnum = |x: Range<usize>| {
                self.p
                    .text
                    .get(x)
                    .map_or(0, |t| t.chars().filter(|c| c.is_alphanumeric()).count())
            };
            if alnum(a.end..b.start) > alnum(a.clone()) + alnum(b.clone()) {
                return (content, vec![]);
            }
        }
        (whole, pieces)
    }

    fn extend_after_inner(
        &self,
        content: Range<usize>,
        r: usize,
        s1: usize,
        clause: bool,
    ) -> (Range<usize>, Vec<Range<usize>>) {
        let left_quote = self.closes(self.token_before(content.end)).is_some();
        if left_quote {
            if let Some(q) = self.quote_after_adjunct(r, s1) {
                let second = self.extend_quote(self.quotes[q].range.clone());
                return (content.start..second.end, vec![content, second]);
            }
        }
        let mut k = r;
        while k < s1 && self.is_time(k) {
            k += 1;
        }
        let comma = k;
        while k < s1 && matches!(self.tok(k), "," | ":") {
            k += 1;
        }
        if k < s1 && k > comma {
            if let Some(q) = self.opens(k) {
                let second = self.extend_quote(self.quotes[q].range.clone());
                return (content.start..second.end, vec![content, second]);
            }
            // '"You know, I love Larry," he said, but "when it comes to …"': the same speaker
            // goes on in quotes after a conjunction.
            let w = self.low(k);
            if matches!(w, "and" | "but")
                && (k + 1..(k + 4).min(s1)).any(|i| self.opens(i).is_some())
                && !(k + 1..s1).any(|i| self.tok_quote[i].is_none() && self.cue_at(i, s1).is_some())
            {
                let e = self.content_end(k, s1);
                if e > k {
                    let second = self.extend_quote(self.start(k)..self.end(e - 1));
                    return (content.start..second.end, vec![content, second]);
                }
            }
            // "All of which, he said, would help …": the sentence goes on after the cue.
            let stop = lexicon::is_in(w, lexicon::ADJUNCT_OPENERS)
                || lexicon::is_in(w, lexicon::PARENTHETICAL_STOPS)
                || w.ends_with("ing")
                || w.ends_with("ly")
                || self.cue_at(k, s1).is_some();
            let left_is_quote = self.closes(self.token_before(content.end)).is_some();
            if clause
                && !stop
                && !left_is_quote
                && self.is_word(k)
                && tok_in_quote_free(k..s1, &self.tok_quote)
            {
                let e = self.content_end(k, s1);
                if e > k {
                    let second = self.start(k)..self.end(e - 1);
                    return (content.start..second.end, vec![content, second]);
                }
            }
        }
        // next sentence of the same paragraph opening with a quote, and holding no cue
        let si = self
            .sent_of
            .get(r.min(self.n().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as usize;
        if let (Some(cur), Some(next)) = (self.sents.get(si), self.sents.get(si + 1)) {
            if next.paragraph == cur.paragraph
                && self.opens(next.tokens.start).is_some()
                && content.end <= self.start(next.tokens.start)
                && self.closes(r.saturating_sub(1)).is_none()
            {
                if let Some(q) = self.opens(next.tokens.start) {
                    let qr = self.quotes[q].range.clone();
                    let cue_outside = next.tokens.clone().any(|i| {
                        self.tok_quote[i].is_none()
                            && self.is_word(i)
                            && self.cue_at(i, next.tokens.end).is_some()
                    });
                    if !cue_outside {
                        let second = self.extend_quote(qr);
                        return (content.start..second.end, vec![content, second]);
                    }
                }
            }
        }
        (content, vec![])
    }

    /// The index of the token that ends at or last before byte `b`.
    pub(super) fn token_before(&self, b: usize) -> usize {
        self.p
            .tokens
            .partition_point(|t| t.end <= b)
            .saturating_sub(1)
    }

    /// A quote left open at its paragraph's end continues into the following paragraphs that
    /// open with a quote mark: extend the content over them.
    pub(super) fn extend_quote(&self, content: Range<usize>) -> Range<usize> {
        let mut end = content.end;
        loop {
            // Quotes and paragraphs are in text order and do not overlap: binary searches.
            let k = self.quotes.partition_point(|q| q.range.end < end);
            let Some(q) = self.quotes[k..]
                .iter()
                .take_while(|q| q.range.end == end)
                .position(|q| q.close_mark.is_none())
                .map(|q| q + k)
            else {
                return content.start..end;
            };
            // the first quote of the next paragraph
            let pi = self.p.paragraphs.partition_point(|p| p.range.end < end);
            if self.p.paragraphs.get(pi).is_none_or(|p| p.range.end != end) {
                return content.start..end;
            }
            let Some(next) = self.p.paragraphs.get(pi + 1) else {
                return content.start..end;
            };
            if !self.prose.get(pi + 1).copied().unwrap_or(false) || next.role == Role::Title {
                return content.start..end;
            }
            match self.quotes.get(q + 1) {
                Some(nq) if nq.range.start == next.range.start => {
                    end = nq.range.end;
                }
                _ => return content.start..end,
            }
        }
    }
}

/// No token of `r` is inside a quote.
fn tok_in_quote_free(r: Range<usize>, tok_quote: &[Option<u32>]) -> bool {
    r.into_iter()
        .all(|i| tok_quote.get(i).is_none_or(|q| q.is_none()))
}
