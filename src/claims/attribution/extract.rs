//! Cue-driven extraction: for each reporting cue, where its source and its content are.
//!
//! See the parent module's doc for the approach; this file holds the span rules.

use std::ops::Range;

use super::lexicon::{self, Cue, Frame};
use super::quotes::{self, Quote};
use super::{Attribution, Form};
use crate::text::{Prepared, Role};

/// Most tokens a source noun phrase may have.
const MAX_SOURCE: usize = 14;
/// How far (tokens) after a cue a "that" or a quote may start and still open its content
/// ("said in an interview with CNN on Sunday that …").
const THAT_WINDOW: usize = 12;
/// Cue forms whose words are a gold cue in less than this share of their PolNeAR-train
/// occurrences are ignored (too often not reporting anything).
const MIN_CUE_RATIO: f32 = 0.05;
/// Frames whose attributions are dropped when they sit inside another one's content.
const NESTED_DROP: &[Frame] = &[Frame::Belief];

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
    /// Sentence index of each token.
    sent_of: Vec<usize>,
    /// Sentences as token ranges (`Prepared::sentences`, with stray opening marks moved).
    sents: Vec<Sent>,
    quotes: Vec<Quote>,
    /// Quote index containing each token (marks included).
    tok_quote: Vec<Option<usize>>,
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
                    tok_quote[ti] = Some(qi);
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
                    .is_some_and(|q: usize| {
                        let m = &qs[q].open_mark;
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
                    *x = si;
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
            .and_then(|&s| self.sents.get(s))
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
        let q = self.tok_quote.get(i).copied().flatten()?;
        let r = self.p.tokens.get(i)?;
        (self.quotes[q].open_mark.start <= r.start && r.end <= self.quotes[q].open_mark.end)
            .then_some(q)
    }
    /// Token `i` is (part of) the closing mark of a quote: that quote's index.
    fn closes(&self, i: usize) -> Option<usize> {
        let q = self.tok_quote.get(i).copied().flatten()?;
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

    /// The cue form starting at token `i`, if any (longest match).
    fn cue_at(&self, i: usize, s_end: usize) -> Option<&'static Cue> {
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
    fn noun_cue_at(&self, i: usize, s_end: usize) -> Option<&'static Cue> {
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

    /// "Trump's claim that C", "his assertion that C", "allegations that C": the source is the
    /// possessor, if any. With a preposition ("his attacks on C", "concerns about C") the
    /// content is the preposition's object, ended as a complement's is (comma, subordinator).
    fn analyse_noun(&self, i: usize, cue: &Cue) -> Option<Found> {
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

    /// "Asked (during a debate) whether C, X said …": a fronted "asked" opening the sentence
    /// (or after "When") reports the question put to the main clause's subject; the content is
    /// the question (from the wh-word, "about" or "to" to the comma), with no source of its own.
    fn asked_attribution(&self, i: usize, s: Range<usize>) -> Option<Found> {
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

    /// Is the cue word at `i` used as a noun or adjective ("the call", "a reported case")?
    fn nominal(&self, i: usize, s0: usize) -> bool {
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

    // ------------------------------------------------------------------ noun phrases

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
    fn np_left(&self, end: usize, floor: usize) -> Option<usize> {
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
    fn np_inner(&self, end: usize, floor: usize) -> Option<usize> {
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
    fn np_right(&self, start: usize, limit: usize) -> Option<usize> {
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

    // ------------------------------------------------------------------ contents

    /// Content before a post-posed "source cue", ending before the boundary tokens that end
    /// at `b` (inclusive). Starts at the sentence start, or is the quote that closes there.
    fn content_left(&self, b: usize, s0: usize) -> Option<Range<usize>> {
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
        if let Some(q) = self.tok_quote.get(a).copied().flatten() {
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
    fn content_end(&self, from: usize, s1: usize) -> usize {
        self.content_end_in(from, s1, Frame::Speech)
    }

    /// [`Self::content_end`] for a cue of `frame`: a complement ("criticized X …") also ends
    /// before ", but …", ", while …" and a participle clause (", meaning …").
    fn content_end_in(&self, from: usize, s1: usize, frame: Frame) -> usize {
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
    fn content_right(&self, r: usize, s1: usize, frame: Frame) -> Option<Range<usize>> {
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
                    .get(self.sent_of.get(s1 - 1).copied().unwrap_or(0))?
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
    fn closing_before(&self, b: usize) -> bool {
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
    fn opening_quote_before(&self, b: usize) -> bool {
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
    fn rest_is_adjunct(
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

    // ------------------------------------------------------------------ one cue

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

    /// Is the cue form at `c0` a verb here? Forms that are also nouns ("claims", "calls",
    /// "report") need a subject right before them: a pronoun, a name, a relative pronoun.
    fn verbal(&self, c0: usize, cue: &Cue, s0: usize) -> bool {
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
    fn noun_form(&self, c0: usize, cue: &Cue) -> bool {
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
    fn light_verb_before(&self, i: usize, s0: usize) -> Option<usize> {
        let mut k = i;
        if k > s0 + 1 && lexicon::is_in(self.low(k - 1), lexicon::DETERMINERS) {
            k -= 1;
        }
        (k > s0 + 1 && lexicon::is_in(self.low(k - 1), &lexicon::source_words().light_verbs))
            .then(|| k - 1)
    }

    /// A comma-enclosed aside ending right before token `l` that credits a relay: ", quoted by
    /// Y,", ", cited by Y,", ", according to Y,", ", citing Y,". Returns the opening comma and
    /// Y's token range.
    fn relay_aside(&self, l: usize, s0: usize) -> Option<(usize, Range<usize>)> {
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

    fn skip_fillers(&self, c0: usize, s0: usize) -> usize {
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
        // uncomma'd: "Baku in turn claimed"
        for p in &words.adverbials {
            if l >= s0 + 1 + p.len() && phrase_at(l - p.len(), l) && self.is_word(l - p.len() - 1) {
                return Some(l - p.len());
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
    fn adverb(&self, i: usize) -> bool {
        let w = self.low(i);
        w.len() > 4 && w.ends_with("ly") && !self.is_cap(i) && !lexicon::is_in(w, lexicon::LY_NOUNS)
    }

    /// A year, weekday, month or time word.
    fn is_time(&self, i: usize) -> bool {
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

    fn analyse(&self, c0: usize, cue: &Cue, prev: Option<&Found>) -> Option<Found> {
        let mut c1 = c0 + cue.words.len();
        let s = self.sentence(c0);
        let (s0, s1) = (s.start, s.end);
        if cue.frame == Frame::According {
            let src_end = self.np_right(c1, s1)?;
            let source = c1..src_end;
            let before_words = (s0..c0).filter(|&i| self.is_word(i)).count();
            let content = if before_words <= 1 {
                // "According to X, C."
                let mut k = src_end;
                while k < s1 && matches!(self.tok(k), "," | ":") {
                    k += 1;
                }
                let e = self.content_end(k, s1);
                if e <= k {
                    return None;
                }
                self.start(k)..self.end(e - 1)
            } else {
                self.content_left(c0 - 1, s0)?
            };
            let mut f = self.found(c0..c1, Some(source), content);
            f.according = true;
            return Some(f);
        }
        if !self.verbal(c0, cue, s0) {
            return None;
        }
        // "the two sides trade blame for …": the cue is "trade blame", its source before it
        let c0 = if self.noun_form(c0, cue) {
            self.light_verb_before(c0, s0).unwrap_or(c0)
        } else {
            c0
        };
        let mut cited = Vec::new();
        // "X (was) quoted (by Y) as saying …": the cue runs to "saying", Y is credited.
        if cue.lemma == "quote" {
            let mut j = c1;
            let by = j < s1 && self.low(j) == "by";
            if by {
                let e = self.np_right(j + 1, s1).unwrap_or(j + 1);
                cited.push(j + 1..e);
                j = e;
            }
            if !(j < s1 && self.low(j) == "as") {
                return None;
            }
            j += 1;
            if j < s1 && matches!(self.low(j), "saying" | "telling" | "writing" | "stating") {
                j += 1;
            }
            c1 = j;
        }
        let frame = cue.frame;
        // Skip auxiliaries and adverbs between source and cue.
        let mut l = self.skip_fillers(c0, s0);
        // "the media in Azerbaijan, quoted by the Reuters agency, reported …": the aside names
        // who relayed it (cited), and the source stands before it.
        if let Some((comma, relay)) = self.relay_aside(l, s0) {
            cited.push(relay);
            l = self.skip_fillers(comma, s0);
        }
        let be = (l..c0).any(|i| {
            matches!(
                self.low(i),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        });
        let passive = be
            && !self.low(c0).ends_with("ing")
            && !matches!(
                cue.lemma,
                "say" | "add" | "tell" | "write" | "note" | "quote" | "continue"
            );
        if passive && c1 < s1 && self.low(c1) == "by" && frame != Frame::Seem {
            // "The nominee has been endorsed by dozens of papers": the agent speaks about the
            // subject.
            let e = self.np_right(c1 + 1, s1)?;
            let a = self.np_left(l, s0)?;
            let content = self.start(a)..self.end(l - 1);
            return Some(self.found(c0..c1, Some(c1 + 1..e), content));
        }
        if passive && frame == Frame::Complement {
            // "Mariano's diagnosis was confirmed": no source; the subject is the content.
            let a = self.np_left(l, s0)?;
            if lexicon::is_in(self.low(a), lexicon::PRONOUNS) {
                return None;
            }
            let content = self.start(a)..self.end(l - 1);
            return Some(self.found(c0..c1, None, content));
        }
        if matches!(frame, Frame::To | Frame::Seem) && !(c1 < s1 && self.low(c1) == "to") {
            return None;
        }
        if frame == Frame::Seem {
            // "Clinton appeared to have the most to gain": no source; the content is the
            // subject and the infinitive.
            let a = self.np_left(l, s0)?;
            let e = self.content_end(c1, s1);
            if e <= c1 {
                return None;
            }
            let subject = self.start(a)..self.end(l - 1);
            let rest = self.start(c1)..self.end(e - 1);
            let mut f = self.found(c0..c1, None, subject.start..rest.end);
            f.pieces = vec![subject, rest];
            return Some(f);
        }
        // Sentence-initial inverted: "Said Ellis: “…”".
        if frame == Frame::Speech && c0 == s0 && !cue.participle {
            if let Some(e) = self.np_right(c1, s1) {
                if e < s1 && matches!(self.tok(e), ":" | ",") && self.is_cap(c1) {
                    let content = self.content_right(e + 1, s1, frame)?;
                    let content = self.extend_quote(content);
                    return Some(self.found(c0..c1, Some(c1..e), content));
                }
            }
        }
        // Inverted: "…,” said Peskov." / "…, added Smith."
        if frame == Frame::Speech
            && !cue.participle
            && l == c0
            && c0 > s0
            && self.is_boundary(c0 - 1)
        {
            if let Some(e) = self.np_right(c1, s1) {
                let ends = e >= s1
                    || matches!(self.tok(e), "," | "." | ";" | "!" | "?" | "(")
                    || self.is_final_punct(e);
                // "…, R-Ky., said Tuesday.": a time word after the cue is not its source
                if (self.is_cap(c1) || lexicon::is_in(self.low(c1), lexicon::DETERMINERS))
                    && !(self.is_time(c1) || self.is_time(e - 1))
                    && e - c1 <= 8
                    && ends
                    && self.rest_is_adjunct(
                        e,
                        s1,
                        frame,
                        self.closing_before(c0 - 1),
                        self.opening_quote_before(c0 - 1),
                    )
                {
                    let content = self.content_left(c0 - 1, s0)?;
                    let (content, pieces) = self.extend_after(content, e, s1, false);
                    let mut f = self.found(c0..c1, Some(c1..e), content);
                    f.pieces = pieces;
                    f.cited = cited;
                    return Some(f);
                }
            }
        }
        let mut src = if passive { None } else { self.np_left(l, s0) };
        if cue.participle {
            // "…, saying": the speaker is the clause's subject, unless a name or pronoun
            // stands right before ("with Minister X saying …").
            if let Some(a) = src {
                let named = (self.is_cap(a) && !self.is_time(a))
                    || lexicon::is_in(self.low(a), lexicon::PRONOUNS);
                // "Worse, the ministry stayed silent for days, saying …": a source that
                // spans a comma is a clause, not a name
                let clause = (a..l).any(|i| self.tok(i) == ",");
                if !named || l < c0 || clause {
                    src = None;
                }
            }
        }
        let mut f = match src {
            Some(a) => {
                let source = a..l;
                let post_ok = frame != Frame::Belief
                    && !lexicon::is_in(self.low(a), &["who", "which", "that"])
                    && a > s0
                    && self.is_boundary(a - 1)
                    && self.rest_is_adjunct(
                        self.after_object(c1, s1, frame),
                        s1,
                        frame,
                        self.closing_before(a - 1),
                        self.opening_quote_before(a - 1),
                    );
                // '“Why …?” Vitter demanded.' may come out as a sentence of its own.
                let after_quote = a == s0
                    && s0 > 0
                    && frame != Frame::Belief
                    && self.closes(s0 - 1).is_some_and(|q| {
                        // the quote is the whole previous sentence
                        let ps = self.sentence(s0 - 1).start;
                        let first = (ps..s0).find(|&i| self.is_word(i)).unwrap_or(ps);
                        self.quotes[q].range.start <= self.start(first)
                    })
                    && self
                        .sent_of
                        .get(s0 - 1)
                        .and_then(|&x| self.sents.get(x))
                        .map(|x| x.paragraph)
                        == self.sents.get(self.sent_of[s0]).map(|x| x.paragraph)
                    && self.rest_is_adjunct(
                        self.after_object(c1, s1, frame),
                        s1,
                        frame,
                        true,
                        true,
                    );
                let post = if post_ok {
                    self.content_left(a - 1, s0)
                } else if after_quote {
                    let ps = self.sentence(s0 - 1).start;
                    self.content_left(s0 - 1, ps)
                } else {
                    None
                };
                if let Some(content) = post {
                    let (content, pieces) =
                        self.extend_after(content, self.after_object(c1, s1, frame), s1, true);
                    let mut f = self.found(c0..c1, Some(source), content);
                    f.pieces = pieces;
                    f
                } else {
                    if frame == Frame::Belief && !self.belief_clause(c1, s1) {
                        return None;
                    }
                    let content = self.content_right(c1, s1, frame)?;
                    let content = self.extend_quote(content);
                    self.found(c0..c1, Some(source), content)
                }
            }
            None => {
                let before = if l > s0 { self.low(l - 1) } else { "" };
                if !passive
                    && (cue.participle || matches!(before, "and" | "but"))
                    && (frame != Frame::Belief || self.belief_clause(c1, s1))
                {
                    // ", saying …" / ", adding that …" / "… and said …": the speaker of the
                    // attribution before it in the sentence, else the sentence's subject.
                    let content = self.content_right(c1, s1, frame)?;
                    let content = self.extend_quote(content);
                    let source = match prev {
                        Some(p)
                            if p.source.is_some()
                                && p.cue.as_ref().is_some_and(|c| c.end <= c0) =>
                        {
                            p.source.clone()
                        }
                        _ if cue.participle && self.fronted_participle(s0, l) => {
                            // "In defending himself …, Trump said …", "Lamenting their luck,
                            // Mexicans …": the subject of the main clause after the comma
                            let after = self.token_before(content.end) + 1;
                            (after..s1)
                                .find(|&k| self.tok(k) == "," && self.tok_quote[k].is_none())
                                .and_then(|k| self.subject(k + 1, s1))
                        }
                        _ => self.subject(s0, c0),
                    };
                    self.found(c0..c1, source, content)
                } else if passive {
                    if frame == Frame::Belief && !self.belief_clause(c1, s1) {
                        return None;
                    }
                    // "it was reported that …"
                    let content = self.content_right(c1, s1, frame)?;
                    self.found(c0..c1, None, content)
                } else {
                    return None;
                }
            }
        };
        f.cited = cited;
        Some(f)
    }

    /// Where the right side of a cue starts once an addressee object is skipped ("told
    /// reporters", "told CNN's Chris Cuomo").
    fn after_object(&self, c1: usize, s1: usize, frame: Frame) -> usize {
        if frame != Frame::Object {
            return c1;
        }
        let mut j = c1;
        if lexicon::is_in(
            self.low(j),
            &["the", "a", "an", "his", "her", "their", "its"],
        ) {
            j += 1;
        }
        let first = j;
        while j < s1
            && (j == first || self.is_cap(j) || matches!(self.low(j), "'s" | "\u{2019}s"))
            && self.is_word(j)
            && self.low(j) != "that"
        {
            j += 1;
        }
        j.min(s1)
    }

    /// A headline-style sentence: most of its words capitalised.
    fn title_case(&self, s: Range<usize>) -> bool {
        let words: Vec<usize> = s
            .filter(|&i| self.is_word(i) && self.tok(i).chars().count() > 3)
            .collect();
        words.len() >= 3
            && words.iter().filter(|&&i| self.is_cap(i)).count() * 10 >= words.len() * 8
    }

    /// A belief verb has a clause after it ("believes (that) …", not "believes in").
    fn belief_clause(&self, c1: usize, s1: usize) -> bool {
        if c1 >= s1 {
            return false;
        }
        let n = self.low(c1);
        n == "that"
            || n == "to"
            || self.is_cap(c1)
            || lexicon::is_in(n, lexicon::CLAUSE_STARTS) && n != "a" && n != "an"
    }

    /// A participle opening its sentence, alone or after a preposition ("Lamenting …, X",
    /// "In defending …, X", "After saying …, X"); `l` is its first token.
    fn fronted_participle(&self, s0: usize, l: usize) -> bool {
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
    fn subject(&self, s0: usize, c0: usize) -> Option<Range<usize>> {
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

    /// After a post-posed cue: '"A," he said, "B."' or '"A," she said. "B."' — the content
    /// runs on to the end of the next quote.
    ///
    /// When the words between the two pieces (a long apposition: '"A," said Kevin Barrett, a
    /// lawyer at …, who represents … . "B."') outweigh the pieces themselves, the content stays
    /// the first piece: one span from A to B would be mostly narration.
    fn extend_after(
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
            .unwrap_or(0);
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
    fn token_before(&self, b: usize) -> usize {
        self.p
            .tokens
            .partition_point(|t| t.end <= b)
            .saturating_sub(1)
    }

    /// A quote left open at its paragraph's end continues into the following paragraphs that
    /// open with a quote mark: extend the content over them.
    fn extend_quote(&self, content: Range<usize>) -> Range<usize> {
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

    // ------------------------------------------------------------------ the document

    /// All attributions with their filter features; `filter` drops the candidates the learned
    /// filter rejects.
    pub(super) fn run(&self, filter: bool) -> Vec<(Attribution, Vec<String>)> {
        let mut found: Vec<Found> = Vec::new();
        for (si, s) in self.sents.iter().enumerate() {
            if !self.usable.get(si).copied().unwrap_or(false) {
                continue;
            }
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                if self.tok_quote[i].is_some() {
                    i += 1;
                    continue;
                }
                if let Some(f) = self.asked_attribution(i, s.tokens.clone()) {
                    found.push(f);
                    i += 1;
                    continue;
                }
                let noun = self
                    .noun_cue_at(i, s.tokens.end)
                    .and_then(|c| self.analyse_noun(i, c));
                let verb = self.cue_at(i, s.tokens.end);
                if let Some(f) = noun.filter(|_| verb.is_none() || self.nominal(i, s.tokens.start))
                {
                    found.push(f);
                    i += 1;
                    continue;
                }
                let Some(cue) = verb else {
                    i += 1;
                    continue;
                };
                let title = self
                    .p
                    .paragraphs
                    .get(s.paragraph)
                    .is_some_and(|p| p.role == Role::Title);
                let capital_inside = i > s.tokens.start
                    && self.is_cap(i)
                    && !title
                    && !self.title_case(s.tokens.clone())
                    && self.opens(i - 1).is_none();
                let noun = cue.words.len() == 1
                    && self.nominal(i, s.tokens.start)
                    && !(self.noun_form(i, cue)
                        && self.light_verb_before(i, s.tokens.start).is_some());
                if capital_inside || noun {
                    i += 1;
                    continue;
                }
                let prev = found
                    .last()
                    .filter(|f| f.cue.as_ref().is_some_and(|c| c.start >= s.tokens.start));
                let mut next = i + cue.words.len();
                if let Some(mut f) = self.analyse(i, cue, prev) {
                    f.frame = cue.frame;
                    next = next.max(f.cue.as_ref().map_or(next, |c| c.end));
                    found.push(f);
                }
                i = next;
            }
            if let Some(f) = self.colon_attribution(s.tokens.clone(), si) {
                found.push(f);
            }
            if let Some(f) = self.dash_attribution(s.tokens.clone()) {
                found.push(f);
            }
        }
        found.sort_by_key(|f| (f.content.start, f.cue.as_ref().map_or(0, |c| c.start)));
        let found = self.drop_nested(found);
        let found = self.merge_according(found);
        let inside = self.inside_other(&found);
        let feats: Vec<Vec<String>> = found
            .iter()
            .zip(&inside)
            .map(|(f, &nested)| self.features(f, nested))
            .collect();
        let (mut found, feats): (Vec<Found>, Vec<Vec<String>>) = found
            .into_iter()
            .zip(feats)
            .filter(|(_, x)| !filter || super::filter::keep(x))
            .unzip();
        type Key = (Range<usize>, Option<Range<usize>>);
        // The features of the first candidate with each key (a map: a scan per attribution
        // was quadratic).
        let mut keyed: rustc_hash::FxHashMap<Key, Vec<String>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
        for (k, x) in found
            .iter()
            .map(|f| (f.content.clone(), f.cue.clone()))
            .zip(feats)
        {
            keyed.entry(k).or_insert(x);
        }
        self.add_continuations(&mut found);
        for f in found.iter_mut() {
            self.mark_cited(f);
        }
        let keys: Vec<Key> = found
            .iter()
            .map(|f| (f.content.clone(), f.cue.clone()))
            .collect();
        self.finish(found)
            .into_iter()
            .zip(keys)
            .map(|(a, k)| {
                let x = keyed.get(&k).cloned().unwrap_or_default();
                (a, x)
            })
            .collect()
    }

    /// Features of a candidate for the learned filter ([`super::filter`]): the cue form and
    /// lemma, its frame, the configuration (content before/after the cue, source before/after,
    /// none), the shape of source and content, and whether it sits inside another candidate.
    fn features(&self, f: &Found, nested: bool) -> Vec<String> {
        let mut x = Vec::new();
        let cue_start = f.cue.as_ref().map_or(0, |c| self.start(c.start));
        let cue_text: String = f
            .cue
            .as_ref()
            .map(|c| {
                (c.start..c.end)
                    .map(|i| self.low(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let frame = format!("{:?}", f.frame);
        if f.frame == Frame::Asked {
            x.push("rule=asked".to_string());
        }
        let mode = match (&f.source, f.content.end <= cue_start) {
            _ if f.according => "according",
            (None, _) => "nosource",
            (Some(s), true) if s.start > f.cue.as_ref().map_or(0, |c| c.start) => "inverted",
            (Some(_), true) => "post",
            (Some(s), false) if s.start > f.cue.as_ref().map_or(0, |c| c.start) => "by",
            (Some(_), false) => "pre",
        };
        let src = match &f.source {
            None => "none",
            Some(r) => {
                let w = self.low(r.start);
                if r.len() == 1 && lexicon::is_in(w, lexicon::PRONOUNS) {
                    "pronoun"
                } else if (r.start..r.end).any(|i| self.is_cap(i) && i > r.start)
                    || self.is_cap(r.start) && !lexicon::is_in(w, lexicon::DETERMINERS)
                {
                    "name"
                } else if lexicon::is_in(w, lexicon::DETERMINERS) {
                    "det"
                } else {
                    "lower"
                }
            }
        };
        let ctext = &self.p.text[f.content.clone()];
        let quote = match form_of(ctext) {
            Form::Direct => "direct",
            Form::Mixed => "mixed",
            Form::Indirect => "indirect",
        };
        let words = ctext.split_whitespace().count();
        let clen = match words {
            0..=2 => "1-2",
            3..=5 => "3-5",
            6..=12 => "6-12",
            13..=30 => "13-30",
            _ => "31+",
        };
        let first = ctext.split_whitespace().next().unwrap_or("").to_lowercase();
        let prev = f
            .cue
            .as_ref()
            .and_then(|c| c.start.checked_sub(1))
            .map(|i| self.low(i).to_string())
            .unwrap_or_default();
        let next = f
            .cue
            .as_ref()
            .map(|c| self.low(c.end).to_string())
            .unwrap_or_default();
        x.push("bias".to_string());
        x.push(format!("cue={cue_text}"));
        x.push(format!("frame={frame}"));
        x.push(format!("mode={mode}"));
        x.push(format!("src={src}"));
        x.push(format!("quote={quote}"));
        x.push(format!("clen={clen}"));
        x.push(format!("mode+src={mode}+{src}"));
        x.push(format!("frame+mode={frame}+{mode}"));
        x.push(format!("cue+mode={cue_text}+{mode}"));
        x.push(format!("quote+mode={quote}+{mode}"));
        x.push(format!(
            "first={}",
            if first == "that" {
                "that"
            } else if first.starts_with(['"', '\u{201c}', '\'']) {
                "quote"
            } else {
                "other"
            }
        ));
        x.push(format!("nested={nested}"));
        x.push(format!("prev={prev}"));
        x.push(format!("next={next}"));
        if f.source.as_ref().is_some_and(|r| r.len() > 6) {
            x.push("longsource".to_string());
        }
        let title = self
            .sent_of
            .get(f.cue.as_ref().map_or(0, |c| c.start))
            .and_then(|&si| self.sents.get(si))
            .and_then(|s| self.p.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.role == Role::Title);
        if title {
            x.push("title".to_string());
        }
        x
    }

    /// "Name: content" at the start of a sentence, for a headline or before a quote
    /// ("John Bolton: ‘Hillary’s campaign slogan …’", "Sanders: Brexit’s message could …").
    fn colon_attribution(&self, s: Range<usize>, si: usize) -> Option<Found> {
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
            return Some(Found {
                cue: Some(colon..colon + 1),
                source: Some(a..colon),
                content: start..end,
                pieces: vec![],
                cited: vec![],
                continues: None,
                according: false,
                frame: Frame::Speech,
            });
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
        Some(Found {
            cue: Some(colon..colon + 1),
            source: Some(s.start..colon),
            content,
            pieces: vec![],
            cited: vec![],
            continues: None,
            according: false,
            frame: Frame::Speech,
        })
    }

    /// A belief inside a reported clause ("X said he believes …") is part of that clause, not
    /// an attribution of its own; so are reporting words with a first-person source inside
    /// another speaker's words ("– As we made it clear long ago, C – he said.").
    fn drop_nested(&self, found: Vec<Found>) -> Vec<Found> {
        let inside = self.inside_other(&found);
        let keep: Vec<bool> = found
            .iter()
            .zip(inside)
            .map(|(f, inside)| {
                !inside
                    || f.cue.is_none()
                    || !NESTED_DROP.contains(&f.frame) && !self.first_person(f)
            })
            .collect();
        found
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(f, _)| f)
            .collect()
    }

    /// Is the source a first-person pronoun ("we", "I")? Inside another attribution's content
    /// it is that speaker talking of themselves ("– As we made it clear long ago, C – he
    /// said."): their own wording, as a cue inside quote marks is, and no claim of its own.
    fn first_person(&self, f: &Found) -> bool {
        f.source.as_ref().is_some_and(|r| {
            r.len() == 1 && lexicon::is_in(self.low(r.start), &lexicon::source_words().first_person)
        })
    }

    /// For each candidate, whether its cue starts inside the content of another candidate that
    /// has a cue (a candidate without a cue counts as starting at 0, as in [`Self::features`]).
    fn inside_other(&self, found: &[Found]) -> Vec<bool> {
        let points: Vec<usize> = found
            .iter()
            .map(|f| f.cue.as_ref().map_or(0, |c| self.start(c.start)))
            .collect();
        let hosts: Vec<(Range<usize>, usize)> = found
            .iter()
            .enumerate()
            .filter(|(_, g)| g.cue.is_some())
            .map(|(i, g)| (g.content.clone(), i))
            .collect();
        stabbed_by_other(&hosts, &points)
    }

    /// A quote signed with a dash and a name: '“…” ― Ariana Huichapa.' (reader comments,
    /// vox pops, epigraphs).
    fn dash_attribution(&self, s: Range<usize>) -> Option<Found> {
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

    /// "…,” Peskov said, according to Reuters": the outlet is credited on Peskov's attribution
    /// rather than made a second one.
    fn merge_according(&self, found: Vec<Found>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        let mut extra: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.according {
                if let (Some(cue), Some(src)) = (&f.cue, &f.source) {
                    // another attribution whose cue/source ends right before ", according to"
                    let host = found.iter().position(|g| {
                        !g.according
                            && g.cue
                                .as_ref()
                                .is_some_and(|c| g.content.start < self.start(c.start))
                            && {
                                let last = [
                                    g.cue.as_ref().map(|c| c.end),
                                    g.source.as_ref().map(|c| c.end),
                                ]
                                .into_iter()
                                .flatten()
                                .max()
                                .unwrap_or(0);
                                last <= cue.start
                                    && cue.start <= last + 8
                                    && (last..cue.start).all(|i| {
                                        self.tok(i) == ","
                                            || !lexicon::is_in(self.low(i), &["that", "and", "but"])
                                                && self.tok_quote[i].is_none()
                                                && self.cue_at(i, self.n()).is_none()
                                    })
                                    && self.sent_of.get(last.saturating_sub(1))
                                        == self.sent_of.get(cue.start)
                            }
                    });
                    if let Some(h) = host {
                        extra.push((h, src.clone()));
                        continue;
                    }
                }
            }
            let _ = i;
            out.push(f.clone());
        }
        // re-index hosts into `out`
        for (h, src) in extra {
            let host = &found[h];
            if let Some(o) = out
                .iter_mut()
                .find(|o| o.cue == host.cue && o.content == host.content)
            {
                o.cited.push(src);
            }
        }
        out
    }

    /// Quote paragraphs with no cue of their own, right after a paragraph whose last
    /// attribution is a quote: they continue that speaker.
    fn add_continuations(&self, found: &mut Vec<Found>) {
        use std::collections::BinaryHeap;
        let mut added: Vec<Found> = Vec::new();
        // Indexes so that no paragraph scans every candidate (that was quadratic): contents
        // sorted by start with a running maximum of their ends, cue positions sorted, and for
        // the host search two heaps of candidate indexes (see below).
        let mut spans: Vec<(usize, usize)> = found
            .iter()
            .map(|f| (f.content.start, f.content.end))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut most = 0;
        for &(_, e) in &spans {
            most = most.max(e);
            reach.push(most);
        }
        let mut cues: Vec<usize> = found
            .iter()
            .filter_map(|f| f.cue.as_ref().map(|c| self.start(c.start)))
            .collect();
        cues.sort_unstable();
        let mut by_start: Vec<usize> = (0..found.len()).collect();
        by_start.sort_by_key(|&i| found[i].content.start);
        let reach_of = |f: &Found| f.content.end.max(f.content.start + 1);
        // Candidates whose content starts before the previous paragraph's end, by index;
        // one that ends before that paragraph's start never hosts a later paragraph (the
        // previous paragraph only moves forward), so it is dropped for good.
        let (mut alive, mut alive_added) = (BinaryHeap::new(), BinaryHeap::<usize>::new());
        let mut next = 0;
        let mut last_prose: Option<usize> = None;
        for (pi, para) in self.p.paragraphs.iter().enumerate() {
            // the previous analysed paragraph
            let prev_prose = last_prose;
            if self.prose.get(pi).copied().unwrap_or(false) {
                last_prose = Some(pi);
            }
            if !self.prose.get(pi).copied().unwrap_or(false) || para.role == Role::Title {
                continue;
            }
            // the paragraph must open with a quote and hold no attribution
            let q0 = self
                .quotes
                .partition_point(|q| q.range.start < para.range.start);
            if self
                .quotes
                .get(q0)
                .is_none_or(|q| q.range.start != para.range.start)
            {
                continue;
            }
            let before_end = spans.partition_point(|&(s, _)| s < para.range.end);
            let covered = before_end
                .checked_sub(1)
                .is_some_and(|k| reach[k] > para.range.start)
                || cues
                    .get(cues.partition_point(|&c| c < para.range.start))
                    .is_some_and(|&c| c < para.range.end);
            // a paragraph with a reporting word of its own outside its quotes is not a bare
            // continuation
            let first = self
                .p
                .tokens
                .partition_point(|t| t.start < para.range.start);
            let has_cue = self.p.tokens[first..]
                .iter()
                .take_while(|t| t.end <= para.range.end)
                .enumerate()
                .any(|(k, _)| {
                    let i = first + k;
                    self.tok_quote[i].is_none() && self.cue_at(i, self.n()).is_some()
                });
            if covered || has_cue {
                continue;
            }
            let Some(prev) = prev_prose else {
                continue;
            };
            let pr = &self.p.paragraphs[prev].range;
            while let Some(&i) = by_start.get(next) {
                if found[i].content.start >= pr.end {
                    break;
                }
                alive.push(i);
                next += 1;
            }
            while alive
                .peek()
                .is_some_and(|&i| reach_of(&found[i]) <= pr.start)
            {
                alive.pop();
            }
            while alive_added
                .peek()
                .is_some_and(|&i| reach_of(&added[i]) <= pr.start)
            {
                alive_added.pop();
            }
            // the last candidate overlapping the previous paragraph (added ones come after
            // `found` in the combined numbering)
            let host = match alive_added.peek() {
                Some(&i) => Some(found.len() + i),
                None => alive.peek().copied(),
            };
            let Some(h) = host else { continue };
            let hf = if h < found.len() {
                &found[h]
            } else {
                &added[h - found.len()]
            };
            let quoted = self.p.text[hf.content.clone()].chars().any(|c| {
                matches!(
                    c,
                    '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
                )
            }) || self.p.text[hf.content.clone()].contains("''");
            if !quoted {
                continue;
            }
            let end = self.quotes[q0..]
                .iter()
                .take_while(|q| q.range.start < para.range.end)
                .map(|q| q.range.end)
                .max()
                .unwrap_or(para.range.end);
            let content = self.extend_quote(para.range.start..end);
            // Only a paragraph that is mostly quote.
            let words_out = self.p.text[content.end.min(para.range.end)..para.range.end]
                .split_whitespace()
                .count();
            if words_out > 3 {
                continue;
            }
            let cont = Found {
                cue: None,
                source: None,
                content,
                pieces: vec![],
                cited: vec![],
                continues: Some(h),
                according: false,
                frame: Frame::Speech,
            };
            alive_added.push(added.len());
            added.push(cont);
        }
        // Indexes in `continues` refer to the combined list; renumber after sorting.
        let base = found.len();
        let mut all: Vec<(usize, Found)> = found.drain(..).chain(added).enumerate().collect();
        all.sort_by_key(|(_, f)| (f.content.start, f.cue.as_ref().map_or(0, |c| c.start)));
        let mut pos = vec![0; all.len()];
        for (new, (old, _)) in all.iter().enumerate() {
            pos[*old] = new;
        }
        let _ = base;
        for (_, f) in all.iter_mut() {
            if let Some(c) = f.continues {
                f.continues = pos.get(c).copied();
            }
        }
        found.extend(all.into_iter().map(|(_, f)| f));
    }

    /// Outlets among the source and around the cue ("according to Reuters", "CNN reported",
    /// "told AFP", "quoted by the Reuters agency").
    fn mark_cited(&self, f: &mut Found) {
        let mut spots: Vec<Range<usize>> = Vec::new();
        if let Some(s) = &f.source {
            spots.push(s.clone());
        }
        if let Some(c) = &f.cue {
            // "told AFP", "quoted by Reuters", "reported by CNN"
            let told =
                c.len() == 1 && matches!(self.low(c.start), "told" | "tells" | "telling" | "tell");
            if told || self.low(c.end) == "by" {
                let e = (c.end + 4).min(self.n());
                spots.push(c.end..e);
            }
        }
        for r in spots {
            let mut i = r.start;
            while i < r.end {
                if let Some(len) = self.outlet_at(i, r.end) {
                    let span = i..i + len;
                    if !f.cited.contains(&span) {
                        f.cited.push(span);
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
        }
    }

    fn outlet_at(&self, i: usize, end: usize) -> Option<usize> {
        if !self.is_cap(i) {
            return None;
        }
        lexicon::outlets()
            .iter()
            .find(|o| {
                o.len() <= end.saturating_sub(i)
                    && o.iter()
                        .enumerate()
                        .all(|(k, w)| self.low(i + k) == w.to_lowercase())
            })
            .map(|o| o.len())
    }

    fn finish(&self, found: Vec<Found>) -> Vec<Attribution> {
        let text = self.p.text;
        found
            .into_iter()
            .map(|f| {
                let ctext = &text[f.content.clone()];
                let form = form_of(ctext);
                let cue = f.cue.as_ref().map(|c| self.bytes(c));
                let source = f.source.as_ref().map(|c| {
                    let mut e = c.end;
                    while e > c.start + 1 && !self.is_word(e - 1) && self.tok(e - 1) != ")" {
                        e -= 1;
                    }
                    self.bytes(&(c.start..e))
                });
                let lo = [
                    Some(f.content.start),
                    cue.as_ref().map(|c| c.start),
                    source.as_ref().map(|c| c.start),
                ]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(0);
                let hi = [
                    Some(f.content.end),
                    cue.as_ref().map(|c| c.end),
                    source.as_ref().map(|c| c.end),
                ]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0);
                let sentences = sentence_span(self.p, lo..hi);
                Attribution {
                    form,
                    sentences,
                    content: f.content.clone(),
                    pieces: if f.pieces.is_empty() {
                        vec![f.content.clone()]
                    } else {
                        f.pieces.clone()
                    },
                    cue,
                    source,
                    continues: f.continues,
                    cited: f.cited.iter().map(|c| self.bytes(c)).collect(),
                }
            })
            .collect()
    }
}

/// Splits a sentence where final punctuation is followed by a quote's opening mark and a
/// capitalised word (`… tax lawyers. ''There's a lot …'' said Mr. Burman.`): the sentence
/// splitter does not always see a two-apostrophe or straight mark as an opener, and a
/// post-posed cue must not take the previous sentence into its content.
fn split_at_openers(
    p: &Prepared,
    qs: &[Quote],
    tok_quote: &[Option<usize>],
    sents: Vec<Sent>,
) -> Vec<Sent> {
    let tok = |i: usize| p.tokens.get(i).map_or("", |r| &p.text[r.clone()]);
    // token `i` lies in the opening mark of its quote
    let in_open = |i: usize| {
        tok_quote.get(i).copied().flatten().is_some_and(|q| {
            qs.get(q).is_some_and(|q| {
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

/// For each point `points[i]`, whether some range of `hosts` other than host `i` (hosts are
/// `(range, index)`) holds it (`start <= point < end`). A sort by start and a running top two
/// of the ends (with their indexes), then a binary search per point: O(n log n) where a scan
/// of every host per point was quadratic.
fn stabbed_by_other(hosts: &[(Range<usize>, usize)], points: &[usize]) -> Vec<bool> {
    let mut sorted: Vec<&(Range<usize>, usize)> = hosts.iter().collect();
    sorted.sort_by_key(|(r, _)| r.start);
    // best[k]: the two largest (end, index) among sorted[..=k], largest first.
    let mut best: Vec<[Option<(usize, usize)>; 2]> = Vec::with_capacity(sorted.len());
    let mut top: [Option<(usize, usize)>; 2] = [None, None];
    for (r, i) in &sorted {
        let x = Some((r.end, *i));
        if top[0].is_none_or(|(e, _)| r.end > e) {
            top = [x, top[0]];
        } else if top[1].is_none_or(|(e, _)| r.end > e) {
            top[1] = x;
        }
        best.push(top);
    }
    points
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let k = sorted.partition_point(|(r, _)| r.start <= at);
            let Some(top) = k.checked_sub(1).and_then(|k| best.get(k)) else {
                return false;
            };
            // the largest end among the other hosts starting at or before `at`
            let other = top.iter().flatten().find(|(_, h)| *h != i);
            other.is_some_and(|&(end, _)| at < end)
        })
        .collect()
}

/// No token of `r` is inside a quote.
fn tok_in_quote_free(r: Range<usize>, tok_quote: &[Option<usize>]) -> bool {
    r.into_iter()
        .all(|i| tok_quote.get(i).is_none_or(|q| q.is_none()))
}

/// The sentences overlapping byte range `r`.
fn sentence_span(p: &Prepared, r: Range<usize>) -> Range<usize> {
    // Sentences are disjoint and in text order: binary searches, not a scan per attribution.
    let n = p.sentences.len();
    let first = Some(p.sentences.partition_point(|s| s.range.end <= r.start)).filter(|&a| a < n);
    let last = p
        .sentences
        .partition_point(|s| s.range.start < r.end)
        .checked_sub(1);
    match (first, last) {
        (Some(a), Some(b)) if a <= b => a..b + 1,
        (Some(a), _) => a..a + 1,
        _ => 0..0,
    }
}

/// Direct when the content is one quote from end to end, mixed when it holds quote marks,
/// indirect otherwise.
pub(super) fn form_of(content: &str) -> Form {
    let has = content.chars().any(|c| {
        matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
        )
    }) || content.contains("''")
        || content.starts_with('\'');
    if !has {
        return Form::Indirect;
    }
    let t = content.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '\u{2014}' | '\u{2013}' | '-')
    });
    let opens = t.starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}', '\u{201e}']);
    let closes = t.ends_with(['"', '\u{201d}', '\u{2019}', '\'', '\u{bb}'])
        || !t.contains(['\u{201d}', '\u{bb}']) && opens;
    if opens && closes {
        Form::Direct
    } else {
        Form::Mixed
    }
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
