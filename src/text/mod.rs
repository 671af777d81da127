//! Text preparation: from an article's raw text to paragraphs, sentences and tokens.
//!
//! Everything downstream works on byte ranges of the original text, never on a cleaned copy,
//! so every span the report gives can be mapped back exactly (see [`utf16`]). Boilerplate is
//! classified here ([`paragraphs`]) and simply has no sentences, so no later stage can pick a
//! name out of a byline or a photo credit.

pub mod paragraphs;
pub mod sentences;
pub mod tokens;
pub mod utf16;

use std::ops::Range;

pub use paragraphs::Role;

/// One sentence: where it is and which tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text, from its first token's start to its last token's end.
    pub range: Range<usize>,
    /// Indexes into [`Prepared::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Prepared::paragraphs`].
    pub paragraph: usize,
}

/// An article ready for analysis.
#[derive(Debug, Clone)]
pub struct Prepared<'t> {
    /// The text exactly as given.
    pub text: &'t str,
    /// Every paragraph with its role, boilerplate included.
    pub paragraphs: Vec<paragraphs::Paragraph>,
    /// Sentences of the paragraphs that are analysed (title, body, headings), in text order.
    pub sentences: Vec<Sentence>,
    /// Byte ranges of all tokens of those sentences, in text order.
    pub tokens: Vec<Range<usize>>,
    /// Teasers cut out of analysed paragraphs ("(RELATED: …)"): no token lies inside them.
    pub inline_boilerplate: Vec<Range<usize>>,
    /// Byte offsets to UTF-16 offsets.
    pub utf16: utf16::Utf16Map<'t>,
    /// Runs longer than [`sentences::MAX_SENTENCE_TOKENS`] without sentence punctuation that
    /// were cut into several sentences.
    pub long_runs: usize,
}

impl<'t> Prepared<'t> {
    /// The text of token `i`.
    pub fn token(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].clone()]
    }

    /// The role of the paragraph holding sentence `s`.
    pub fn role(&self, s: &Sentence) -> Role {
        self.paragraphs[s.paragraph].role
    }

    /// The title paragraph's byte range, if the text has a headline.
    pub fn title(&self) -> Option<Range<usize>> {
        self.paragraphs
            .iter()
            .find(|p| p.role == Role::Title)
            .map(|p| p.range.clone())
    }
}

/// `word.to_lowercase()`, borrowed when that would not change it (ASCII without capitals): no
/// copy for most tokens.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Splits `text` into paragraphs, sentences and tokens.
pub fn prepare(text: &str) -> Prepared<'_> {
    let paragraphs = paragraphs::paragraphs(text);
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut para_tokens = Vec::new();
    let mut long_runs = 0;
    let mut inline_boilerplate = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        if matches!(p.role, Role::Boilerplate(_)) {
            continue;
        }
        para_tokens.clear();
        tokens::tokenize(text, p.range.clone(), &mut para_tokens);
        let teasers = paragraphs::inline_teasers(text, p.range.clone());
        if !teasers.is_empty() {
            para_tokens.retain(|t| !teasers.iter().any(|r| r.start <= t.start && t.end <= r.end));
            inline_boilerplate.extend(teasers);
        }
        if para_tokens.is_empty() {
            continue;
        }
        let base = tokens.len();
        let (split, cut) = sentences::split_counted(text, &para_tokens);
        long_runs += cut;
        for s in split {
            sentences.push(Sentence {
                range: para_tokens[s.start].start..para_tokens[s.end - 1].end,
                tokens: base + s.start..base + s.end,
                paragraph: pi,
            });
        }
        tokens.extend_from_slice(&para_tokens);
    }
    Prepared {
        text,
        paragraphs,
        sentences,
        tokens,
        inline_boilerplate,
        utf16: utf16::Utf16Map::new(text),
        long_runs,
    }
}
