//! The nominal frame: a reporting noun and its source and content.
//!
//! Owns "Trump's claim that C", "allegations that C" and the noun + preposition cues ("his
//! attacks on C", "concerns about C"): the possessor is the source, or, without one, the
//! subject of an expressing verb ("X voiced doubts about C", `governing_subject`). Apart from
//! the verbal frame because the source and content sit differently around a noun.

use std::ops::Range;

use super::super::lexicon::{self, Cue, Frame};
use super::{Ctx, Found};

impl<'a, 't> Ctx<'a, 't> {
    /// "Trump's claim that C", "his assertion that C", "allegations that C": the source is the
    /// possessor, if any. With a preposition ("his attacks on C", "concerns about C") the
    /// content is the preposition's object, ended as a complement's is (comma, subordinator).
    pub(super) fn analyse_noun(&self, i: usize, cue: &Cue) -> Option<Found> {
        let s = self.sentence(i);
        let (s0, s1) = (s.start, s.end);
        let c1 = i + cue.words.len();
        let prep = cue.words.len() > 1;
        let (e, min) = if prep {
            // the object ends where the clause's verb comes ("His attacks on financiers | have
            // elevated …") or at a dash
            let e = self.content_end_in(c1, s1, Frame::Complement);
            let e = (c1..e)
                .find(|&k| {
                    self.tok_quote[k].is_none()
                        && (self.is_dash(k) || lexicon::is_in(self.low(k), lexicon::OBJECT_ENDS))
                })
                .unwrap_or(e);
            (e, c1)
        } else {
            (self.content_end(c1, s1), c1 + 1)
        };
        if e <= min || !(c1..e).any(|k| self.is_word(k)) {
            return None;
        }
        let content = self.start(c1)..self.end(e - 1);
        // the possessor, over up to two modifiers ("Trump's repeated false claims")
        let mut k = i;
        while k > s0
            && i - k < 2
            && self.is_word(k - 1)
            && !self.is_cap(k - 1)
            && !lexicon::is_in(self.low(k - 1), lexicon::DETERMINERS)
            && !lexicon::is_in(self.low(k - 1), lexicon::NP_STOPS)
            && !matches!(self.low(k - 1), "'s" | "\u{2019}s")
        {
            k -= 1;
        }
        let source = if k > s0 && matches!(self.low(k - 1), "'s" | "\u{2019}s") {
            // the possessor: a name ("Hillary Clinton's"), or a short noun phrase ("the
            // campaign's")
            let e = k - 1;
            let mut a = e;
            while a > s0 && self.is_cap(a - 1) {
                a -= 1;
            }
            if a == e {
                a = self.np_inner(e, s0).filter(|&b| e - b <= 3).unwrap_or(e);
            }
            (a < e).then_some(a..e)
        } else if k > s0
            && lexicon::is_in(
                self.low(k - 1),
                &["his", "her", "their", "its", "my", "our"],
            )
        {
            Some(k - 1..k)
        } else if prep {
            self.governing_subject(k, s0)
        } else {
            None
        };
        let mut f = self.found(i..c1, source, content);
        f.frame = Frame::Noun;
        Some(f)
    }

    /// "Advocates have expressed deep concern about C": the reporting noun phrase starting at
    /// `k` is the object of an expressing verb ([`lexicon::EXPRESSING`]), up to two words
    /// before it; that verb's subject.
    fn governing_subject(&self, k: usize, s0: usize) -> Option<Range<usize>> {
        let mut v = k;
        while v > s0 && k - v < 3 {
            v -= 1;
            if lexicon::is_in(self.low(v), lexicon::EXPRESSING) {
                let l = self.skip_fillers(v, s0);
                let a = self.np_inner(l, s0)?;
                return (a < l && l - a <= 6).then_some(a..l);
            }
            if !self.is_word(v) || self.is_cap(v) {
                return None;
            }
        }
        None
    }
}
