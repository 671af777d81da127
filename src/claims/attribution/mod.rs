//! Reported speech: who is said to have said what, as spans of the article text.
//!
//! [`find`] returns one [`Attribution`] per reported statement in the title and body paragraphs
//! (never boilerplate or headings): the content (quoted words or the reported clause), the cue
//! (the reporting words: "said", "told reporters", "according to", "accused") and the source
//! mention as written ("Kremlin spokesman Dmitry Peskov", "he", "Azerbaijan's foreign
//! ministry"). Resolving the source to an entity is not done here.
//!
//! # Approach
//! Rule-based candidates, cue-driven, on the tokens and sentences of
//! [`crate::text::Prepared`], then a learned filter:
//!
//! 1. **Quotes** are paired per paragraph on characters (`quotes`): curly, straight,
//!    guillemets, the `''` digraph, single quotes outside double ones; a quote left open at a
//!    paragraph end runs to that end and continues into the next paragraph when it opens with a
//!    quote mark. An opening mark that the sentence splitter left at the end of the previous
//!    sentence is moved to the next one, and a sentence is split where final punctuation is
//!    followed by an opening mark and a capital (`… lawyers. ''There's …'' said X.`), which the
//!    splitter misses for the `''` digraph.
//! 2. **Cues** come from a lexicon kept as data, `data/lexicon/cues.tsv`: lemma, forms, frame,
//!    and for each form how often it is a gold cue in PolNeAR train. Forms that are a cue in
//!    less than `MIN_CUE_RATIO` (5%) of their train occurrences are ignored; the ratio is
//!    smoothed toward the lemma's pooled ratio (weight of two occurrences), so a form rare or
//!    unseen in train ("yells") behaves like its lemma. A cue word inside
//!    a quote is the speaker's own wording and is skipped; one after a determiner or an
//!    adjective-like word is a noun ("the call", "international calls"); a capitalised one
//!    inside a sentence is a name ("United States") unless the sentence is a headline.
//! 3. **Frames** place source and content around each cue:
//!    - post-posed: `CONTENT, SOURCE said [adjuncts].` when a boundary (comma, closing quote,
//!      dash) precedes the source and only adjuncts ("on Tuesday", "in a statement",
//!      "sarcastically", an addressee) follow the cue; the content is the quote that closes at
//!      the boundary when it opens the sentence, else the sentence up to the boundary;
//!      `"A," she said, "B."`, `"A," she said. "B."`, `"A," he said at a rally, "B."` and
//!      `All of which, he said, would help …` extend it over the second piece
//!      ([`Attribution::pieces`] keeps the pieces apart); after a quote that opens the
//!      sentence, anything after the cue other than a that-clause, a quote or a colon right
//!      after it is an adjunct ("…,” Merkel told reporters after the meeting that was held …",
//!      "…,” she said, but Kevin …"), a `, adding that …` clause after the cue is a separate
//!      attribution, and `, but "…"` / `, and still "…"` continues the quote;
//!    - inverted: `CONTENT, said SOURCE.` and sentence-initial `Said Ellis: "…"`;
//!    - pre-posed: `SOURCE said [adjuncts] (that|:) CONTENT`; the content starts at a "that" or
//!      an opening quote after adjunct-like words (`THAT_WINDOW` tokens), else right after the
//!      cue; it ends at the sentence end or before ", adding …", ", according to", "; ",
//!      ", but …", "and SOURCE said", or at the end of a quote that runs on (over several
//!      paragraphs when they open with a quote mark); `He said:` closing a paragraph takes the
//!      quote that opens the next one;
//!    - complement verbs ("accused", "urged", "called for", "criticized") take what follows
//!      the cue, object included, up to a comma or a subordinator, or before a closing
//!      place/time/medium adjunct after a short object ("denounced the annexation | in an
//!      on-air diatribe."); "told"-type verbs skip an addressee first; "declined"/"refused" need a to-infinitive;
//!    - beliefs and intentions ("believes", "wants", "expects") need a clause or infinitive
//!      after them and are dropped inside another attribution's content ("X said he believes");
//!    - "according to X": X is the source; when it follows another cue ("…, Peskov said,
//!      according to Reuters") it credits the outlet on that attribution instead;
//!    - "X (was) quoted (by Y) as saying C": the cue runs to "saying", Y is credited;
//!    - ", saying …" / ", adding that …" / "… and said …" with no subject of their own get the
//!      previous speaker of the sentence, else the sentence's subject (after any fronted
//!      adverbial);
//!    - passives: "it was reported that C" and "C was confirmed" have no source; "C has been
//!      endorsed by X" has X;
//!    - "X seems/appears to C": no source, content = X + the infinitive;
//!    - reporting nouns before a that-clause ("Trump's claim that C", "allegations that C"):
//!      the possessor, if any, is the source; with a preposition ("his attacks on C",
//!      "criticism of C", "concerns about C") the content is the preposition's object (ended at
//!      the next clause's auxiliary) and, without a possessor, the subject of an expressing
//!      verb ("X voiced doubts about C") is the source; verb + preposition cues ("railed
//!      against", "expressed concern about", "focused on") are complement phrases;
//!    - a fronted "Asked (…) whether/about/to C, X said …" reports the question C, no source
//!      (kept past the learned filter, which never saw the shape);
//!    - a headline or quote introduced by "Name:" (also on a plain-text article's first line)
//!      and a quote signed "― Name" are attributed to the name; a paragraph opening with a
//!      speaker label in capitals ('"WALLACE: …') is a transcript line of that speaker, to the
//!      paragraph end;
//!    - a short paragraph ending with a colon ("He said:") is analysed when the next one opens
//!      with a quote mark; a sentence that the splitter cut before a lowercase word is joined
//!      back; a fronted participle ("In defending …, X said") takes the main clause's subject;
//!    - `"A," said X, <long apposition>. "B."` keeps A alone when the words between the two
//!      quotes outweigh them.
//! 4. **Source** noun phrases are found by walking left from the cue over auxiliaries, adverbs
//!    and time adjuncts ("has also said", "who in 2010 said"), then over words that can sit
//!    inside a name or title (capitalised words, nouns, determiners, "of"/"for"/"at" between
//!    nominal words, a parenthesis such as "(R-S.C.)", coordinated names "Russia, the U.S. and
//!    France"), stopping at clause openers,
//!    auxiliaries, verbs of the lexicon, punctuation or 14 tokens; a pronoun is a source on its
//!    own; a parenthetical between name and cue ("Aparna Mathur, who studies tax policy …,
//!    said"; "Kall -- co-editor of … -- said") is joined to the name that opens its clause.
//!    What is not a noun phrase stays out (`data/lexicon/attribution-source-words.tsv`, read
//!    strictly): a discourse adverbial ("Baku in turn claimed", "Obama himself said",
//!    "Russia, for its part, said") and an adjunct set off by commas that opens with a
//!    preposition or a participle (", at Monday's debate,", ", speaking to a veterans group,"),
//!    while an apposition ("Proponents, including …,") stays in; a light verb before a
//!    reporting noun opens the cue ("the two sides | trade blame for …", "cast the blame on");
//!    an article before a numeral or adjective-like determiner opens the phrase ("the two
//!    sides", "the former president"). Reporting words whose source is a first-person pronoun
//!    inside another attribution's content ("– As we made it clear long ago, C – he said.")
//!    are that speaker's own wording, as a cue inside quote marks is, and give no claim.
//! 5. **Learned filter** (`filter`): a logistic regression over the candidate's shape (cue
//!    form, frame, configuration, source and content shape, nesting, neighbouring words),
//!    trained on PolNeAR train by `eval-polnear --train-filter`, drops candidates with a
//!    probability of being right below `filter::THRESHOLD` (tuned on dev). Quotes are always
//!    kept.
//! 6. **Continuations**: a paragraph that is (almost) all quote, has no cue of its own, and
//!    follows a paragraph whose last attribution quotes someone continues that attribution
//!    ([`Attribution::continues`]; cue and source are None, the lead resolves the speaker).
//! 7. **Cited outlets**: an outlet or agency (`data/lexicon/attribution-outlets.txt`) named as
//!    the source, after "told"/"by" ("told AFP", "quoted by the Reuters agency"), or in a
//!    trailing "according to", goes to [`Attribution::cited`].
//!
//! # Where the code is
//! `quotes` pairs the quote marks, `lexicon` holds the cue lexicon and the word lists, `filter`
//! the learned filter's weights. The rules are in `extract`, one `impl Ctx` block per seam:
//! `extract` itself builds the extractor's view of the document (lower-cased tokens, prose
//! paragraphs, the quote index, the repaired sentences of step 1); `cues` says whether a word
//! is a cue here (step 2); `sources` finds source noun phrases (step 4) and `content` content
//! spans; the frames of step 3 are `verbal` (reporting verbs), `nominal` (reporting nouns),
//! `layout` ("Name:", "― Name", "Asked …", transcript labels) and `according` ("according
//! to", with the cited outlets of step 7); `features` is the candidate's shape for the filter
//! (step 5); `assemble` runs the candidate loop and steps 5 to 7 over all candidates.
//!
//! # Measured
//! Through the CLI report (`corroborate --compact dev/text/*.txt` scored by
//! `shared/eval/polnear_score.py`) on PolNeAR dev, end to end (content and source): P 72.8,
//! R 58.3, F1 64.7; recall (+source) of direct quotes 79.9, of indirect speech 47.4.
//! Known misses: attributions whose cue is a noun or preposition ("criticism of", "in a
//! poll"), long-distance sources (a speaker named sentences earlier), contents that stop
//! mid-sentence in the gold ("X said A, and B"), and sources inside relative clauses.

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
    extract::Ctx::new(doc)
        .run(true)
        .into_iter()
        .map(|(a, _)| a)
        .collect()
}

/// Every candidate before the learned filter, with the features the filter scores (empty for
/// continuation paragraphs). For training the filter (`eval-polnear --train-filter`).
#[doc(hidden)]
pub fn candidates(doc: &crate::text::Prepared) -> Vec<(Attribution, Vec<String>)> {
    extract::Ctx::new(doc).run(false)
}

#[cfg(test)]
mod tests;
