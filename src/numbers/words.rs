//! The tokens of one sentence as the figure and date rules see them: text as written, a lower
//! case form with typographic apostrophes folded to `'`, and the sentence's first token index
//! (rules work on sentence-relative indexes; results are turned back into document indexes).

use crate::numbers::lexicon::Phrases;
use crate::text::Prepared;

pub(crate) struct Words<'t> {
    /// Tokens as written.
    pub text: Vec<&'t str>,
    /// Lower case, `’` folded to `'`: every token's form one after the other, token `i` at
    /// `lower[lower_at[i]..lower_at[i + 1]]` (one string for the sentence, not one per token).
    lower: String,
    lower_at: Vec<usize>,
    /// Document index of the first token.
    pub base: usize,
}

impl<'t> Words<'t> {
    /// The tokens of sentence `sentence` of `doc` (empty when out of range).
    pub fn sentence(doc: &Prepared<'t>, sentence: usize) -> Words<'t> {
        let range = doc
            .sentences
            .get(sentence)
            .map(|s| s.tokens.clone())
            .unwrap_or(0..0);
        let mut text = Vec::with_capacity(range.len());
        for i in range.clone() {
            match doc.tokens.get(i).and_then(|r| doc.text.get(r.clone())) {
                Some(t) => text.push(t),
                None => break,
            }
        }
        Words::new(text, range.start)
    }

    pub fn new(text: Vec<&'t str>, base: usize) -> Words<'t> {
        let mut lower = String::new();
        let mut lower_at = Vec::with_capacity(text.len() + 1);
        lower_at.push(0);
        for t in &text {
            if t.is_ascii() {
                // ASCII: lower-casing is byte by byte and there is no `’`
                let at = lower.len();
                lower.push_str(t);
                lower[at..].make_ascii_lowercase();
            } else {
                let l = t.to_lowercase();
                if l.contains('\u{2019}') {
                    lower.push_str(&l.replace('\u{2019}', "'"));
                } else {
                    lower.push_str(&l);
                }
            }
            lower_at.push(lower.len());
        }
        Words {
            text,
            lower,
            lower_at,
            base,
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Lower-case token `i`, or "" past the end.
    pub fn lw(&self, i: usize) -> &str {
        match (self.lower_at.get(i), self.lower_at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.lower[a..b],
            _ => "",
        }
    }

    /// Token `i` as written, or "" past the end.
    pub fn tw(&self, i: usize) -> &'t str {
        self.text.get(i).copied().unwrap_or("")
    }

    /// Does token `i` start with an upper-case letter?
    pub fn is_cap(&self, i: usize) -> bool {
        self.tw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Is token `i` punctuation (no letter or digit in it)?
    pub fn is_punct(&self, i: usize) -> bool {
        let t = self.tw(i);
        !t.is_empty() && !t.chars().any(char::is_alphanumeric)
    }

    /// Is token `i` a plain word (letters, inner hyphens or apostrophes)?
    pub fn is_word(&self, i: usize) -> bool {
        let t = self.tw(i);
        t.chars().next().is_some_and(char::is_alphabetic)
            && !t.ends_with('-')
            && t.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}' || c == '.')
    }

    /// Does `phrase` (lower-case words) start at token `i`?
    pub fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        !phrase.is_empty() && phrase.iter().enumerate().all(|(k, w)| self.lw(i + k) == *w)
    }

    /// Does `phrase` end just before token `end` (i.e. occupy `end - len .. end`)?
    pub fn ends_with(&self, end: usize, phrase: &[&str]) -> bool {
        phrase.len() <= end && self.matches(end - phrase.len(), phrase)
    }

    /// The longest phrase of `list` (sorted longest first) starting at `i`: its length and payload.
    pub fn longest<'l, T>(&self, i: usize, list: &'l Phrases<T>) -> Option<(usize, &'l T)> {
        list.starting_with(self.lw(i))
            .find(|(p, _)| self.matches(i, p))
            .map(|(p, v)| (p.len(), v))
    }

    /// The longest phrase of `list` ending just before `end`.
    pub fn longest_before<'l, T>(
        &self,
        end: usize,
        list: &'l Phrases<T>,
    ) -> Option<(usize, &'l T)> {
        list.ending_with(self.lw(end.checked_sub(1)?))
            .find(|(p, _)| self.ends_with(end, p))
            .map(|(p, v)| (p.len(), v))
    }

    /// Tokens `r` joined by single spaces, as written.
    pub fn join(&self, r: std::ops::Range<usize>) -> String {
        let mut s = String::new();
        for i in r {
            if i >= self.len() {
                break;
            }
            let t = self.tw(i);
            let glue =
                matches!(self.lw(i), "'s" | "'" | "n't" | "," | "." | ")") || s.ends_with('(');
            if !s.is_empty() && !glue {
                s.push(' ');
            }
            s.push_str(t);
        }
        s
    }
}
