//! Is the word at a token a reporting cue here?
//!
//! Owns the lexicon lookup (longest cue form at a token, forms under `MIN_CUE_RATIO` ignored;
//! reporting nouns with "that" or their preposition) and the tests that tell a cue's verb use
//! from its noun use ("the call", "international calls", "trade blame"), and a headline from a
//! sentence. Kept apart from the frames because the candidate loop asks these questions before
//! any frame is tried.

use std::ops::Range;

use super::super::lexicon::{self, Cue, Frame};
use super::Ctx;

/// Cue forms whose words are a gold cue in less than this share of their PolNeAR-train
/// occurrences are ignored (too often not reporting anything).
const MIN_CUE_RATIO: f32 = 0.05;

impl<'a, 't> Ctx<'a, 't> {
    /// The cue form starting at token `i`, if any (longest match).
    pub(super) fn cue_at(&self, i: usize, s_end: usize) -> Option<&'static Cue> {
        let list = lexicon::cues().get(self.low(i))?;
        list.iter().find(|c| {
            c.ratio >= MIN_CUE_RATIO
                && c.frame != Frame::Noun
                && c.words.len() <= s_end.saturating_sub(i)
                && c.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.low(i + k) == *w)
        })
    }

    /// A reporting noun followed by "that" at `i` ("claim", "allegations"), or a noun with its
    /// preposition ("criticism of", "attacks on", "concerns about").
    pub(super) fn noun_cue_at(&self, i: usize, s_end: usize) -> Option<&'static Cue> {
        let list = lexicon::cues().get(self.low(i))?;
        list.iter().find(|c| {
            c.frame == Frame::Noun
                && if c.words.len() == 1 {
                    i + 1 < s_end && self.low(i + 1) == "that"
                } else {
                    c.ratio >= MIN_CUE_RATIO
                        && i + c.words.len() < s_end
                        && c.words
                            .iter()
                            .enumerate()
                            .all(|(k, w)| self.low(i + k) == *w)
                }
        })
    }

    /// Is the cue word at `i` used as a noun or adjective ("the call", "a reported case")?
    pub(super) fn nominal(&self, i: usize, s0: usize) -> bool {
        if i <= s0 {
            return false;
        }
        let prev = self.low(i - 1);
        matches!(
            prev,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "this"
                | "these"
                | "those"
                | "'s"
                | "\u{2019}s"
                | "no"
                | "any"
                | "every"
                | "each"
                | "whose"
                | "such"
                | "of"
                | "for"
                | "new"
                | "first"
                | "recent"
                | "latest"
                | "public"
                | "widely"
                | "so"
                | "so-called"
                | "to"
                | "be"
        ) && !(prev == "to" && self.low(i) == "according")
    }

    /// Is the cue form at `c0` a verb here? Forms that are also nouns ("claims", "calls",
    /// "report") need a subject right before them: a pronoun, a name, a relative pronoun.
    pub(super) fn verbal(&self, c0: usize, cue: &Cue, s0: usize) -> bool {
        if !self.noun_form(c0, cue) {
            return true;
        }
        if self.light_verb_before(c0, s0).is_some() {
            // "the two sides trade blame": the noun is the object of a light verb, and the
            // two are the cue
            return true;
        }
        let l = self.skip_fillers(c0, s0);
        if l == s0 {
            return false;
        }
        if l < c0 {
            return true;
        }
        // a noun after an adjective-like word ("international calls", "more claims")
        let p = self.low(l - 1);
        let adjective = [
            "al", "ic", "ous", "ive", "ful", "less", "ant", "ent", "ian", "ese", "ish", "ory",
            "ary", "ible", "able", "ed",
        ]
        .iter()
        .any(|e| p.ends_with(e))
            || lexicon::is_in(
                p,
                &[
                    "more", "many", "other", "new", "several", "few", "such", "same", "further",
                    "previous", "recent", "public", "repeated", "no", "false", "wild", "big",
                    "bold",
                ],
            );
        !adjective
    }

    /// Is the cue form at `c0` one that is also a noun ("claims", "blame", "calls")?
    pub(super) fn noun_form(&self, c0: usize, cue: &Cue) -> bool {
        let w = self.low(c0);
        lexicon::is_in(cue.lemma, lexicon::NOUNISH)
            && cue.words.len() == 1
            && (w == cue.lemma
                || w.strip_suffix('s')
                    .is_some_and(|x| x == cue.lemma || x.strip_suffix('e') == Some(cue.lemma)))
    }

    /// A light verb whose object is the reporting noun at `i`, right before it or before its
    /// determiner ("trade blame", "cast the blame"; `data/lexicon/attribution-source-words.tsv`):
    /// the verb's index. The cue then runs from the verb and the source stands before it.
    pub(super) fn light_verb_before(&self, i: usize, s0: usize) -> Option<usize> {
        let mut k = i;
        if k > s0 + 1 && lexicon::is_in(self.low(k - 1), lexicon::DETERMINERS) {
            k -= 1;
        }
        (k > s0 + 1 && lexicon::is_in(self.low(k - 1), &lexicon::source_words().light_verbs))
            .then(|| k - 1)
    }

    /// A headline-style sentence: most of its words capitalised.
    pub(super) fn title_case(&self, s: Range<usize>) -> bool {
        let words: Vec<usize> = s
            .filter(|&i| self.is_word(i) && self.tok(i).chars().count() > 3)
            .collect();
        words.len() >= 3
            && words.iter().filter(|&&i| self.is_cap(i)).count() * 10 >= words.len() * 8
    }
}
