//! Source noun phrases: who is said to have said it.
//!
//! Owns the walk left from a cue over auxiliaries, adverbs and time adjuncts, then over the
//! words that can sit inside a name or title (`np_left`, `np_inner`, at most `MAX_SOURCE`
//! tokens), the parenthetical joined to the name that opens its clause (`np_paren`), the noun
//! phrase right of an inverted cue or "according to" (`np_right`), the words between a source
//! and its cue that do not belong to it (`skip_fillers`, `source_aside`, `relay_aside`), and
//! the subject of a sentence for cues with no subject of their own (`subject`). These are
//! shared by every frame, so they live in one place.

use std::ops::Range;

use super::super::lexicon::{self, Frame};
use super::Ctx;

/// Most tokens a source noun phrase may have.
const MAX_SOURCE: usize = 14;

impl<'a, 't> Ctx<'a, 't> {
    /// Can token `k` be inside a source noun phrase (walking left)?
    fn np_word(&self, k: usize) -> bool {
        let l = self.low(k);
        if !self.is_word(k) {
            return matches!(
                l,
                "'s" | "\u{2019}s" | "'" | "\u{2019}" | "." | "&" | "(" | ")" | "-"
            );
        }
        if l == "'s" || l == "\u{2019}s" {
            return true;
        }
        if lexicon::is_in(l, lexicon::NP_STOPS) && !lexicon::is_in(l, lexicon::NP_PREPS) {
            return false;
        }
        if lexicon::cues()
            .get(l)
            .is_some_and(|v| v.iter().any(|c| c.words.len() == 1))
            && !self.is_cap(k)
            && !(k > 0 && self.nominal_before(k - 1))
        {
            return false;
        }
        if l.ends_with("ly")
            && !self.is_cap(k)
            && l.len() > 4
            && !lexicon::is_in(l, lexicon::LY_NOUNS)
        {
            return false;
        }
        true
    }

    /// Token `k` makes the next word a noun: a determiner, a possessive, an adjective-like word.
    fn nominal_before(&self, k: usize) -> bool {
        let l = self.low(k);
        lexicon::is_in(l, lexicon::DETERMINERS)
            || matches!(
                l,
                "'s" | "\u{2019}s"
                    | "new"
                    | "latest"
                    | "recent"
                    | "final"
                    | "court"
                    | "news"
                    | "police"
            )
    }

    /// The noun phrase that ends just before token `end`, not reaching before `floor`:
    /// its first token. Pronouns stand alone; an apposition closed by a comma ("Laurence
    /// Broers, associate fellow at …, said") is joined to the name before it.
    pub(super) fn np_left(&self, end: usize, floor: usize) -> Option<usize> {
        if end > floor + 1 && (self.tok(end - 1) == "," || self.is_dash(end - 1)) {
            return self.np_paren(end - 1, floor);
        }
        self.np_inner(end, floor)
    }

    /// The source before a parenthetical that ends at token `close` (a comma or dash) right
    /// before the cue: "Laurence Broers, associate fellow at …, said", "Aparna Mathur, who
    /// studies tax policy …, said", "Kall -- co-editor of … -- said", "Trump, speaking to a
    /// veterans group, said". The name before the parenthetical must open its clause.
    fn np_paren(&self, close: usize, floor: usize) -> Option<usize> {
        let dash = self.is_dash(close);
        // the opening comma/dash of the parenthetical (at most two appositions, 40 tokens)
        let mut open = None;
        let mut k = close;
        let mut commas = 0;
        while k > floor && close - k < 40 {
            k -= 1;
            // a "." inside the sentence ends an abbreviation ("R-Ky."), not a clause
            if self.closes(k).is_some()
                || self.opens(k).is_some()
                || matches!(self.tok(k), ";" | "?" | "!")
            {
                break;
            }
            let sep = if dash {
                self.is_dash(k)
            } else {
                self.tok(k) == ","
            };
            if sep {
                commas += 1;
                if let Some(b) = self.np_inner(k, floor) {
                    let proper = (b..k).any(|i| self.is_cap(i) && i > floor)
                        || self.is_cap(b)
                        || lexicon::is_in(self.low(b), lexicon::DETERMINERS);
                    let opened = b == floor
                        || self.is_boundary(b - 1)
                        || self.opens(b - 1).is_some()
                        || lexicon::is_in(
                            self.low(b - 1),
                            &["but", "and", "even", "so", "meanwhile", "also"],
                        );
                    if proper && opened && !lexicon::is_in(self.low(b), &["who", "which", "it"]) {
                        open = Some(b);
                        break;
                    }
                }
                if commas >= 2 {
                    break;
                }
            }
        }
        let b = open?;
        // the parenthetical must not hold a reporting verb of its own (then it is a clause)
        if (b..close).any(|i| {
            self.tok_quote[i].is_none()
                && self
                    .cue_at(i, close)
                    .is_some_and(|c| c.frame != Frame::According && !c.participle)
                && !self.nominal_before(i.saturating_sub(1))
        }) {
            return None;
        }
        Some(b)
    }

    /// A noun phrase without apposition ending before `end`.
    pub(super) fn np_inner(&self, end: usize, floor: usize) -> Option<usize> {
        if end <= floor {
            return None;
        }
        let last = end - 1;
        let l = self.low(last);
        if lexicon::is_in(l, lexicon::PRONOUNS) {
            return Some(last);
        }
        if !self.is_word(last) && self.tok(last) != ")" {
            return None;
        }
        if !self.np_word(last)
            || lexicon::is_in(l, lexicon::NP_PREPS)
            || lexicon::is_in(l, lexicon::DETERMINERS) && l != "one"
        {
            return None;
        }
        let mut a = last;
        let mut depth = 0usize;
        let mut coordinated = false;
        while a > floor && end - a < MAX_SOURCE {
            let k = a - 1;
            let t = self.tok(k);
            let l = self.low(k);
            if t == ")" {
                depth += 1;
                a = k;
                continue;
            }
            if t == "(" {
                depth = depth.saturating_sub(1);
                a = k;
                continue;
            }
            if depth > 0 {
                a = k;
                continue;
            }
            if lexicon::is_in(l, lexicon::DETERMINERS) {
                a = k;
                // "Russia and the United States", "Russia, the U.S. and France"
                if l == "the"
                    && k > floor + 1
                    && self.is_cap(k - 2)
                    && (self.low(k - 1) == "and" || self.tok(k - 1) == "," && coordinated)
                {
                    continue;
                }
                // "spokesman for the campaign": the determiner may follow a preposition inside
                // the phrase.
                if k > floor + 1
                    && lexicon::is_in(self.low(k - 1), lexicon::NP_PREPS)
                    && self.np_word(k - 2)
                    && self.is_word(k - 2)
                    && !lexicon::is_in(self.low(k - 2), lexicon::NP_PREPS)
                {
                    a = k - 1;
                    continue;
                }
                // "the two sides", "the former president": an article or possessive before a
                // numeral or adjective-like determiner opens the phrase
                let articles = &lexicon::source_words().articles;
                if k > floor
                    && !lexicon::is_in(l, articles)
                    && lexicon::is_in(self.low(k - 1), articles)
                {
                    a = k - 1;
                }
                break;
            }
            if lexicon::is_in(l, lexicon::NP_PREPS) {
                // inside a phrase only between two nominal words
                if k > floor
                    && self.np_word(k - 1)
                    && self.is_word(k - 1)
                    && !lexicon::is_in(self.low(k - 1), lexicon::NP_PREPS)
                    && !lexicon::is_in(self.low(k - 1), lexicon::PRONOUNS)
                {
                    a = k;
                    continue;
                }
                break;
            }
            if l == "and" || l == "&" {
                // "Smith and Jones", "Russia and the United States": between capitalised
                // words (a determiner may open the second conjunct)
                let second = self.is_cap(k + 1)
                    || self.low(k + 1) == "the" && k + 2 < end && self.is_cap(k + 2);
                if k > floor && self.is_cap(k - 1) && second {
                    a = k;
                    coordinated = true;
                    continue;
                }
                break;
            }
            if t == ","
                && coordinated
                && k > floor
                && self.is_cap(k - 1)
                && (self.is_cap(k + 1) || self.low(k + 1) == "the")
            {
                // "Russia, the U.S. and France": a list of names before its last "and"
                a = k;
                continue;
            }

            if self.np_word(k) && !lexicon::is_in(l, lexicon::PRONOUNS) {
                a = k;
                continue;
            }
            break;
        }
        // Trim leading prepositions, conjunctions and punctuation.
        while a < end
            && (lexicon::is_in(self.low(a), lexicon::NP_PREPS)
                || !self.is_word(a) && self.tok(a) != "(")
        {
            a += 1;
        }
        (a < end).then_some(a)
    }

    /// The noun phrase starting at token `start` (source after an inverted cue or "according
    /// to"): up to a comma, clause end or clause opener. Returns its end.
    pub(super) fn np_right(&self, start: usize, limit: usize) -> Option<usize> {
        let mut k = start;
        while k < limit && k - start < MAX_SOURCE {
            let t = self.tok(k);
            let l = self.low(k);
            if matches!(t, "," | ";" | ":" | "." | "!" | "?" | "\u{2026}")
                || self.opens(k).is_some()
                || self.closes(k).is_some()
                || self.is_dash(k)
            {
                break;
            }
            if matches!(
                l,
                "that"
                    | "who"
                    | "which"
                    | "whom"
                    | "whose"
                    | "when"
                    | "where"
                    | "while"
                    | "because"
                    | "but"
                    | "if"
                    | "as"
                    | "although"
                    | "though"
            ) && k > start
            {
                break;
            }
            if k == start && !(self.is_cap(k) || self.is_word(k)) {
                return None;
            }
            if k > start
                && lexicon::cues()
                    .get(l)
                    .is_some_and(|v| v.iter().any(|c| c.words.len() == 1))
                && !self.is_cap(k)
                && !self.nominal_before(k - 1)
            {
                break;
            }
            if t == "(" && k > start {
                break;
            }
            k += 1;
        }
        // drop trailing prepositions/conjunctions
        while k > start
            && matches!(
                self.low(k - 1),
                "and" | "or" | "of" | "in" | "on" | "at" | "for" | "to" | "the" | "a" | "by"
            )
        {
            k -= 1;
        }
        (k > start).then_some(k)
    }

    /// A comma-enclosed aside ending right before token `l` that credits a relay: ", quoted by
    /// Y,", ", cited by Y,", ", according to Y,", ", citing Y,". Returns the opening comma and
    /// Y's token range.
    pub(super) fn relay_aside(&self, l: usize, s0: usize) -> Option<(usize, Range<usize>)> {
        if l < s0 + 4 || self.tok(l - 1) != "," {
            return None;
        }
        let close = l - 1;
        let open = (s0 + 1..close)
            .rev()
            .take(14)
            .find(|&p| self.tok(p) == ",")?;
        let first = open + 1;
        let relay = match (self.low(first), self.low(first + 1)) {
            ("quoted" | "cited", "by") | ("according", "to") => first + 2..close,
            ("citing", _) => first + 1..close,
            _ => return None,
        };
        (!relay.is_empty()).then_some((open, relay))
    }

    pub(super) fn skip_fillers(&self, c0: usize, s0: usize) -> usize {
        let mut l = c0;
        loop {
            if l > s0 && (lexicon::is_in(self.low(l - 1), lexicon::FILLERS) || self.adverb(l - 1)) {
                l -= 1;
                continue;
            }
            if l > s0 + 1
                && self.is_time(l - 1)
                && lexicon::is_in(
                    self.low(l - 2),
                    &[
                        "in", "on", "at", "during", "last", "this", "early", "late", "since",
                    ],
                )
            {
                l -= 2;
                continue;
            }
            if let Some(a) = self.source_aside(l, s0) {
                l = a;
                continue;
            }
            return l;
        }
    }

    /// Words ending just before token `l` that stand between a source and its cue without
    /// belonging to the source: a discourse adverbial ("Baku in turn claimed", "Obama himself
    /// said") or an adjunct set off by commas (", however,", ", for its part,", ", at Monday's
    /// debate,", ", speaking to a veterans group,"), from
    /// `data/lexicon/attribution-source-words.tsv`. Returns the adjunct's first token (its
    /// opening comma). A comma-set adjunct is skipped only after a noun phrase that opens its
    /// clause ("Some Democrats, however, said", not "… will fail, however, said Smith").
    fn source_aside(&self, l: usize, s0: usize) -> Option<usize> {
        let words = lexicon::source_words();
        let phrase_at = |a: usize, e: usize| {
            words.adverbials.iter().any(|p| {
                p.len() == e - a && p.iter().enumerate().all(|(k, w)| self.low(a + k) == *w)
            })
        };
        // uncomma'd: "Baku in turn claimed"; the list is longest first, so the first adverbial
        // that ends here is the longest
        for p in &words.adverbials {
            let n = p.len();
            if l >= s0 + 1 + n
                && p.iter().enumerate().all(|(k, w)| self.low(l - n + k) == *w)
                && self.is_word(l - n - 1)
            {
                return Some(l - n);
            }
        }
        // set off by commas, at most 12 tokens, no quote or other comma inside
        if l < s0 + 4 || self.tok(l - 1) != "," {
            return None;
        }
        let close = l - 1;
        let open = (s0 + 1..close)
            .rev()
            .take(13)
            .take_while(|&k| self.tok_quote[k].is_none() && self.tok(k) != ";")
            .find(|&k| self.tok(k) == ",")?;
        let first = open + 1;
        if first >= close {
            return None;
        }
        let w = self.low(first);
        let participle = w.len() > 4
            && w.ends_with("ing")
            && !self.is_cap(first)
            && !lexicon::is_in(w, &words.modifiers)
            && first + 1 < close
            && (lexicon::is_in(self.low(first + 1), &words.articles)
                || lexicon::is_in(self.low(first + 1), lexicon::NP_PREPS)
                || lexicon::is_in(self.low(first + 1), &["to", "about", "after", "before"]));
        let adjunct = phrase_at(first, close) || lexicon::is_in(w, &words.asides) || participle;
        // "…, at Monday’s debate,": words, possessives, abbreviation points and hyphens only
        let plain = (first..close)
            .all(|k| self.is_word(k) || matches!(self.tok(k), "'s" | "\u{2019}s" | "." | "-"));
        if !adjunct || !plain {
            return None;
        }
        // the noun phrase before the adjunct opens its clause
        let b = self.np_inner(open, s0)?;
        let opened = b == s0
            || self.is_boundary(b - 1)
            || self.opens(b - 1).is_some()
            || lexicon::is_in(self.low(b - 1), &["but", "and", "so", "as", "while"]);
        opened.then_some(open)
    }

    /// A lowercase "-ly" adverb ("sharply", "publicly"), not a noun like "family".
    pub(super) fn adverb(&self, i: usize) -> bool {
        let w = self.low(i);
        w.len() > 4 && w.ends_with("ly") && !self.is_cap(i) && !lexicon::is_in(w, lexicon::LY_NOUNS)
    }

    /// A year, weekday, month or time word.
    pub(super) fn is_time(&self, i: usize) -> bool {
        let w = self.low(i);
        lexicon::is_in(w, lexicon::TIME_WORDS)
            || lexicon::is_in(w, lexicon::MONTHS)
            || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
            || lexicon::is_in(
                w,
                &[
                    "week",
                    "month",
                    "year",
                    "night",
                    "morning",
                    "afternoon",
                    "evening",
                    "weekend",
                ],
            )
    }

    /// A participle opening its sentence, alone or after a preposition ("Lamenting …, X",
    /// "In defending …, X", "After saying …, X"); `l` is its first token.
    pub(super) fn fronted_participle(&self, s0: usize, l: usize) -> bool {
        let mut b = s0;
        while b < l && !self.is_word(b) {
            b += 1;
        }
        b == l
            || b + 1 == l
                && lexicon::is_in(
                    self.low(b),
                    &[
                        "in", "by", "after", "before", "while", "when", "without", "since",
                        "despite", "upon", "on",
                    ],
                )
    }

    /// The subject at the start of a sentence (the speaker of a ", saying …" cue): a pronoun,
    /// or words up to the first verb-like word (a cue, an auxiliary, a lowercase "-ed" word).
    pub(super) fn subject(&self, s0: usize, c0: usize) -> Option<Range<usize>> {
        let mut k = s0;
        while k < c0
            && (!self.is_word(k) || matches!(self.low(k), "but" | "and" | "so" | "yet" | "still"))
        {
            k += 1;
        }
        // skip a dateline or label: "BRUSSELS — …", "CLARIFICATION: …"
        if k + 1 < c0
            && (self.is_dash(k + 1) || self.tok(k + 1) == ":")
            && self.tok(k).chars().filter(|c| c.is_alphabetic()).count() >= 3
            && self.tok(k).chars().all(|c| !c.is_lowercase())
        {
            k += 2;
        }
        // skip a fronted adverbial: "Recently, …", "In late September, …", "Chastened, …"
        let first_comma = (k..c0).find(|&i| self.tok(i) == ",");
        if let Some(cm) = first_comma {
            let w = self.low(k);
            let fronted = lexicon::is_in(w, lexicon::NP_STOPS)
                || self.adverb(k)
                || w.ends_with("ed") && cm == k + 1
                || cm == k + 1 && lexicon::is_in(w, lexicon::SENTENCE_ADVERBS)
                || lexicon::is_in(
                    w,
                    &[
                        "after",
                        "before",
                        "during",
                        "since",
                        "with",
                        "for",
                        "in",
                        "on",
                        "at",
                        "last",
                        "earlier",
                        "later",
                        "recently",
                        "meanwhile",
                        "still",
                        "instead",
                    ],
                );
            if fronted && cm + 1 < c0 {
                k = cm + 1;
            }
        }
        if k < c0 && lexicon::is_in(self.low(k), lexicon::PRONOUNS) {
            return Some(k..k + 1);
        }
        let mut e = k;
        while e < c0
            && e - k < MAX_SOURCE
            && (self.is_word(e) || matches!(self.tok(e), "(" | ")"))
            && self.np_word(e)
        {
            let l = self.low(e);
            if e > k
                && !self.is_cap(e)
                && (l.ends_with("ed")
                    || lexicon::is_in(l, lexicon::FILLERS)
                    || lexicon::cues().contains_key(l))
            {
                break;
            }
            if e > k && lexicon::is_in(l, lexicon::NP_PREPS) && !self.is_cap(e + 1) {
                break;
            }
            // "Turkish Foreign Minister Mevlut Cavusoglu held talks": the name has ended
            let name_seen = (k..e).any(|i| {
                self.is_cap(i) && !(i == k && lexicon::is_in(self.low(i), lexicon::DETERMINERS))
            });
            if name_seen
                && !self.is_cap(e)
                && !matches!(l, "'s" | "\u{2019}s" | "of" | "for" | "and" | "(" | ")")
            {
                break;
            }
            e += 1;
        }
        (e > k && (k..e).any(|i| self.is_cap(i))).then_some(k..e)
    }
}
