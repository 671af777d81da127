//! Reported speech: who is said to have said what, as spans of the article text.
//!
//! [`find`] returns one [`Attribution`] per reported statement in the title and body paragraphs
//! (never boilerplate or headings): the content (quoted words or the reported clause), the cue
//! (the reporting words: "said", "told reporters", "according to", "accused") and the source
//! mention as written ("Kremlin spokesman Dmitry Peskov", "he", "Azerbaijan's foreign
//! ministry"). Resolving the source to an entity is not done here.
//!
//! # Approach
//! Rule-based and cue-driven, on the tokens and sentences of [`crate::text::Prepared`]:
//!
//! 1. **Quotes** are paired per paragraph on characters ([`quotes`]): curly, straight,
//!    guillemets, the `''` digraph, single quotes outside double ones; a quote left open at a
//!    paragraph end runs to that end and continues into the next paragraph when it opens with a
//!    quote mark.
//! 2. **Cues** come from a lexicon kept as data, `data/lexicon/cues.tsv` (lemma, forms, frame;
//!    built from the cue words of PolNeAR train). A cue word inside a quote is the speaker's own
//!    wording and is skipped; one right after a determiner or possessive is a noun ("the call")
//!    and is skipped.
//! 3. **Frames** place source and content around each cue:
//!    - post-posed: `CONTENT, SOURCE said [adjuncts].` when a boundary (comma, closing quote,
//!      dash) precedes the source and only adjuncts ("on Tuesday", "in a statement", an
//!      addressee) follow the cue; the content is the quote that closes at the boundary, or the
//!      sentence up to it; `"A," she said, "B."` and `"A," she said. "B."` extend it to B;
//!    - inverted: `CONTENT, said SOURCE.`;
//!    - pre-posed: `SOURCE said [adjuncts] (that|:) CONTENT`; the content starts at a "that" or
//!      an opening quote within a few tokens (`THAT_WINDOW`), else right after the cue; it ends at
//!      the sentence end or before ", adding …" / ", saying …" / "; " / ", according to", or at
//!      the end of a quote that runs on (over several paragraphs if they open with a quote
//!      mark);
//!    - complement verbs ("accused", "urged", "called for", "criticized") take everything after
//!      the cue as content, object included; "told"-type verbs skip an addressee first;
//!    - "according to X" takes X as source and the rest of the sentence (or what precedes it)
//!      as content; when it follows another cue ("…, Peskov said, according to Reuters") it
//!      credits the outlet on that attribution instead;
//!    - ", saying …" / ", adding that …" with no subject of their own get the sentence subject;
//!    - passives ("it was reported that …") have no source;
//!    - a headline or quote introduced by "Name:" is attributed to the name.
//! 4. **Source** noun phrases are found by walking left from the cue over auxiliaries and
//!    adverbs ("has also said"), then over words that can sit inside a name or title
//!    (capitalised words, nouns, determiners, "of"/"for"/"at" between nominal words, a
//!    parenthesis such as "(R-S.C.)"), stopping at clause openers, auxiliaries, punctuation or
//!    14 tokens; a pronoun is a source on its own; an apposition "Name, title," is joined.
//! 5. **Continuations**: a paragraph that is (almost) all quote, has no cue, and follows a
//!    paragraph whose last attribution quotes someone continues that attribution
//!    ([`Attribution::continues`]).
//! 6. **Cited outlets**: an outlet or agency (`data/lexicon/attribution-outlets.txt`) named as
//!    the source, or right after the cue ("told AFP", "quoted by the Reuters agency"), or in a
//!    trailing "according to", goes to [`Attribution::cited`].
//!
//! Measured on PolNeAR (see `src/bin/eval-polnear.rs` and the figures in the module tests'
//! comments); rules were tuned on PolNeAR dev only.

mod extract;
mod filter;
mod lexicon;
mod quotes;

use std::ops::Range;

/// How the content is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The content is a quotation from end to end.
    Direct,
    /// Paraphrase with quoted words inside.
    Mixed,
    /// Paraphrase only.
    Indirect,
}

/// One reported statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub form: Form,
    /// Indexes into `Prepared::sentences` covered by content, cue and source.
    pub sentences: Range<usize>,
    /// Byte range of the content. For `"A," she said. "B."` one range from A's start to B's end.
    pub content: Range<usize>,
    /// The content's pieces in order, without the attribution that interrupts it
    /// (`"A," she said, "B."` gives A and B); one piece when the content is continuous.
    pub pieces: Vec<Range<usize>>,
    /// Byte range of the reporting words.
    pub cue: Option<Range<usize>>,
    /// Byte range of the source mention as written; None when there is no source (passive,
    /// "it was reported", a continuation paragraph).
    pub source: Option<Range<usize>>,
    /// For an unattributed quote paragraph continuing the previous speaker: the index (into
    /// the returned Vec) of the attribution it continues.
    pub continues: Option<usize>,
    /// Outlets or agencies credited ("according to Reuters", "CNN reported").
    pub cited: Vec<Range<usize>>,
}

/// All attributions in a prepared document, in text order. Never panics.
pub fn find(doc: &crate::text::Prepared) -> Vec<Attribution> {
    extract::Ctx::new(doc).run(true).into_iter().map(|(a, _)| a).collect()
}

/// Every candidate before the learned filter, with the features the filter scores (empty for
/// continuation paragraphs). For training the filter (`eval-polnear --train-filter`).
#[doc(hidden)]
pub fn candidates(doc: &crate::text::Prepared) -> Vec<(Attribution, Vec<String>)> {
    extract::Ctx::new(doc).run(false)
}

#[cfg(test)]
mod tests;
