//! The report contract, `corroborate/report@1`: the one JSON shape that the CLI prints, the
//! wasm binding hands to the page, and the golden tests pin down.
//!
//! This is the only module that knows how the report is serialised. The analysis stages build
//! these structs; nothing else in the crate decides a key name. Keys listed here may gain
//! siblings in later versions but are never renamed or removed without bumping [`SCHEMA`].
//!
//! # Offsets
//! Every [`Span`] (and every [`Mention`]) carries `start`/`end` as **UTF-16 code-unit offsets**
//! into its document's text exactly as it was given (JavaScript string indices, so the page can
//! `text.slice(start, end)` without recomputing anything), and `text` equals that slice. A byte
//! order mark, CRLF line ends, emoji and combining marks are all counted as JavaScript counts
//! them. The invariant is checked for every span of every seed report and by property tests.
//!
//! # Top level
//! - `schema`: always [`SCHEMA`].
//! - `documents`: one [`Document`] per input article, in input order.
//! - `entities`: canonical entities merged across articles ([`Entity`]).
//! - `claims`: every claim found, in document order ([`Claim`]).
//! - `groups`: claims aligned across articles ([`Group`]); every claim is in at least one group.
//!   A claim told in several pieces may be in more than one (its `pieces` in each group say
//!   which of them the group holds), and so may a claim whose figure or clock time is also
//!   lined up with other articles' in a fact row (see `compare::facts`).
//! - `pairs`: pairs of articles that share at least one claim group and how many ([`Pair`]);
//!   a pair not listed shares none, or is not among the 20 closest partners of either of its
//!   articles (so the list grows with the article count, not its square).
//! - `articles`: for each article, the claims most others carry that it leaves out, and the
//!   outlets and agencies it cites ([`ArticleView`]).
//! - `notes`: problems met while analysing (an article with no text left after boilerplate
//!   removal, say) as plain sentences; the analysis never fails on messy text.

use serde::{Deserialize, Serialize};
#[cfg(not(target_arch = "wasm32"))]
use ts_rs::TS;

/// The value of the report's `schema` key.
pub const SCHEMA: &str = "corroborate/report@1";

/// The whole analysis of a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// One entry per input article, in input order.
    pub documents: Vec<Document>,
    /// Canonical entities, most-mentioned first.
    pub entities: Vec<Entity>,
    /// Claims in document order, then text order.
    pub claims: Vec<Claim>,
    /// Claim groups: most widely carried first.
    pub groups: Vec<Group>,
    /// Article pairs that share claim groups: at most the 20 closest partners per article;
    /// an unlisted pair shares none (or is not among either article's closest 20).
    pub pairs: Vec<Pair>,
    /// Per article, in document order: what it omits and whom it cites.
    pub articles: Vec<ArticleView>,
    /// Problems met while analysing, as plain sentences.
    pub notes: Vec<String>,
}

/// One input article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Document {
    /// Position in the input, from 0; `doc` fields elsewhere refer to it.
    pub index: u32,
    /// The name it was given (a file name, or whatever the page chose).
    pub name: String,
    /// Detected title: the headline line if there is one, else the start of the first sentence.
    pub title: String,
    /// The outlet the article credits itself to in its dateline or byline ("WASHINGTON (AP)
    /// —", "(Reuters)", "By Jane Doe, BBC News"), where the text names a listed one, else
    /// null (see `src/outlet.rs`). Explanations, the Markdown brief and the page name an
    /// article by its number, this outlet and its headline ("2 · Reuters — Putin calls for
    /// calm…"), the file name kept for tooltips.
    pub outlet: Option<Span>,
    /// Length of the text in UTF-16 code units.
    pub length: u32,
    /// Body spans that were left out of the analysis as boilerplate (bylines, photo credits,
    /// teasers, comment prompts, syndication blurbs), each with the reason in `kind`.
    pub boilerplate: Vec<Boilerplate>,
}

/// A stretch of text kept out of the analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Boilerplate {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Why: `byline`, `credit`, `teaser`, `comments`, `syndication`, `chrome`.
    pub kind: String,
}

/// A stretch of one document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Span {
    /// Start, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
    /// The text between `start` and `end`.
    pub text: String,
}

/// A canonical, real-world entity with all its mentions across the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Entity {
    /// Stable within one report: `e0`, `e1`, …
    pub id: String,
    /// Canonical name: the fullest form used (`Nikol Pashinyan`, `Collective Security Treaty
    /// Organization`, `United States`).
    pub name: String,
    /// One of `person organization place group event work other date time quantity money
    /// percent`. `group` covers nationalities, religious and political groups.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every other surface form seen (`Pashinyan`, `CSTO`, `U.S.`), without duplicates.
    pub aliases: Vec<String>,
    /// Titles and roles found next to the name (`Prime Minister`, `Kremlin spokesman`).
    pub roles: Vec<String>,
    /// Normalised value, else null. Dates and times in a TIMEX3-like form (`XXXX-08-31`,
    /// `XXXX-WXX-2` for a Tuesday, `2020-11`, `198X`, `T09:00`, `PAST_P2Y` for "two years
    /// ago"; see `src/dates`); figures as a number (`49`, `2000`), a duration (`P42D`), money
    /// (`5000000000 USD`) or a percentage (`5%`); see `src/numbers`.
    pub value: Option<String>,
    /// For a capital, city or nationality: the id of its country's entity, when that country
    /// is mentioned in the analysis (`Yerevan` → the entity of Armenia), else null.
    pub country: Option<String>,
    /// Indexes of the documents that mention it, ascending.
    pub docs: Vec<u32>,
    /// Every mention, in document then text order.
    pub mentions: Vec<Mention>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Mention {
    /// Document index.
    pub doc: u32,
    /// Start, in UTF-16 code units.
    pub start: u32,
    /// End (exclusive), in UTF-16 code units.
    pub end: u32,
    /// The text between `start` and `end`.
    pub text: String,
}

/// One claim made in one article: a quote, a reported statement, a figure or an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Claim {
    /// Stable within one report: `c0`, `c1`, …
    pub id: String,
    /// Document index.
    pub doc: u32,
    /// `quote` (direct or mixed speech), `statement` (indirect speech), `numeric` (a figure
    /// with no speaker) or `event` (what the article itself asserts happened); see
    /// [`ClaimKind`].
    pub kind: ClaimKind,
    /// The sentence (or sentences) the claim comes from.
    pub sentence: Span,
    /// What is claimed: the quoted words, the reported clause, or the sentence itself.
    pub content: Span,
    /// The content without the words that interrupt it: `“A,” she said. “B.”` gives the two
    /// quoted pieces; a continuous content is one piece equal to `content`.
    pub pieces: Vec<Span>,
    /// The reporting words (`said`, `told reporters`, `according to`), if any.
    pub cue: Option<Span>,
    /// Who the text says is speaking, where it says it (possibly a pronoun), if anyone.
    pub source: Option<Span>,
    /// The entity the source resolves to (an [`Entity::id`]), if it could be resolved.
    pub speaker: Option<String>,
    /// Outlets or agencies the claim is credited to ("according to Reuters").
    pub cited: Vec<Span>,
    /// Figures in the content.
    pub quantities: Vec<Quantity>,
}

/// A figure inside a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Quantity {
    /// Where the figure is (`at least 49 Armenian soldiers`).
    #[serde(flatten)]
    pub span: Span,
    /// The number, or null when there is none: the text says it is unknown ("an undisclosed
    /// number", see `unknown`) or gives only a range ("thousands", see `low`/`high`).
    pub value: Option<f64>,
    /// Smallest value the text allows ("at least 49" → 49; "thousands" → 2000), or null.
    pub low: Option<f64>,
    /// Largest value the text allows ("up to 50" → 50; "at least 49" → null: no bound).
    pub high: Option<f64>,
    /// True when the text says the figure is not known ("did not disclose the number").
    pub unknown: bool,
    /// `at least`, `more than`, `around`, `up to`, `exactly`…, or null.
    pub qualifier: Option<String>,
    /// What is counted (`Armenian soldiers`, `troops`, `people`), or null.
    pub unit: Option<String>,
    /// What happened to them, as a lemma (`kill`, `die`, `deploy`, `wound`), or null.
    pub event: Option<String>,
}

/// Claims aligned across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Group {
    /// Stable within one report: `g0`, `g1`, …
    pub id: String,
    /// Claim ids, in document order, each at most once. A claim told in several pieces
    /// (`“A,” she said. “B.”`) is compared piece by piece and is in every group one of its
    /// pieces joins, so it may be in several groups. A claim whose figure or clock time other
    /// articles give in sentences grouped apart is also in a fact row with theirs (one claim
    /// per article, related by that figure or time alone). Every other claim is in exactly
    /// one group.
    /// One article may hold several claims of a group: a claim told twice (headline and
    /// lead), or the claims of one sentence that no other article tells (one `unique` group).
    pub claims: Vec<String>,
    /// Documents that carry the group, ascending.
    pub docs: Vec<u32>,
    /// `agree`, `reworded`, `conflict` or `unique`; see [`Relation`].
    pub relation: Relation,
    /// Why the relation was chosen, in one sentence.
    pub reason: String,
    /// For `reworded`: the word diff between the first quote and each other version.
    pub diffs: Vec<QuoteDiff>,
    /// For `conflict`: the values that cannot all hold.
    pub conflicts: Vec<Conflict>,
    /// For each claim told in several pieces that the group holds only in part (its other
    /// pieces are in other groups): the pieces it holds, so a row marks the words it is about.
    /// Empty when every claim is held whole (and absent from reports made before it existed).
    #[serde(default)]
    pub pieces: Vec<HeldPieces>,
}

/// The pieces of one claim that a group holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct HeldPieces {
    /// Claim id.
    pub claim: String,
    /// The claim's pieces in this group, in text order (a subset of its `pieces`).
    pub spans: Vec<Span>,
}

/// Word-level differences between two versions of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct QuoteDiff {
    /// The claim taken as the reference wording.
    pub from: String,
    /// The claim compared with it.
    pub to: String,
    /// The merged word sequence.
    pub ops: Vec<DiffOp>,
}

/// What kind of claim a [`Claim`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub enum ClaimKind {
    /// Direct or mixed speech: the content holds quotation marks.
    Quote,
    /// Indirect speech.
    Statement,
    /// A figure with no speaker.
    Numeric,
    /// What the article itself asserts happened.
    Event,
}

/// How the articles of a [`Group`] tell its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub enum Relation {
    /// The same thing, with figures that fit.
    Agree,
    /// The same words of one speaker, worded differently (see `diffs`).
    Reworded,
    /// Told differently (see `conflicts`).
    Conflict,
    /// Told by one article only.
    Unique,
}

/// What clashes in a [`Conflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub enum ConflictKind {
    /// Figures for the same counted thing that cannot all hold (40 / 26 missing; magnitude
    /// 6.1 / 6.2).
    Number,
    /// Figures for the same counted thing that differ but may all hold (two lower bounds, "at
    /// least 23" / "at least 31", often a later update; a bound and a figure beyond it, "more
    /// than 160" / "about 190"; overlapping estimates); `note` says which.
    Range,
    /// A figure against one the text says is not known ("undisclosed").
    Unknown,
    /// Different clock times for the same moment ("shortly after 9 p.m." / "around 10 p.m.").
    Time,
    /// The same sentence with one place name or number changed ("of Bloomington" / "of
    /// Minneapolis", "Dec. 10" / "Dec. 11").
    Detail,
    /// Different weekdays in one group ("on Thursday" / "on Friday"), which may hold: one
    /// event dated differently, or two steps of one story.
    Day,
    /// Statuses that exclude each other (detained / arrested / released, killed / wounded,
    /// reopened / under review).
    Status,
    /// The same quoted words attributed to different speakers.
    Speaker,
    /// A statement and its negation.
    Negation,
}

macro_rules! names {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// The name the report uses.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$v => $s),*
                }
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(ClaimKind { Quote => "quote", Statement => "statement", Numeric => "numeric", Event => "event" });
names!(Relation { Agree => "agree", Reworded => "reworded", Conflict => "conflict", Unique => "unique" });
names!(ConflictKind {
    Number => "number",
    Range => "range",
    Unknown => "unknown",
    Time => "time",
    Detail => "detail",
    Day => "day",
    Status => "status",
    Speaker => "speaker",
    Negation => "negation",
});

/// One run of words in a quote diff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct DiffOp {
    /// `same`, `removed` (only in `from`) or `added` (only in `to`).
    pub op: String,
    /// The words, separated by single spaces.
    pub text: String,
}

/// A clash inside a group: the articles tell one thing differently. Each names its kind, says
/// whether the values may all hold anyway, why, and lists every article's value side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Conflict {
    /// What clashes: `number`, `range`, `unknown`, `time`, `detail`, `day`, `status`,
    /// `speaker` or `negation`, each described on [`ConflictKind`].
    pub kind: ConflictKind,
    /// What the clash is about (`Azerbaijani troops killed`, `custody`).
    pub about: String,
    /// True when the values may all hold (`range`, `day`): the articles differ without
    /// contradicting each other; false when they cannot all hold.
    pub may_hold: bool,
    /// Why, in a few words: "the values cannot all hold", "two different lower bounds: both
    /// may hold, and the higher one is often a later update", "statuses that exclude each
    /// other"…
    pub note: String,
    /// One entry per claim taking part, in document order: which claim, and the value, status
    /// or speaker as written.
    pub values: Vec<ConflictValue>,
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct ConflictValue {
    /// Claim id.
    pub claim: String,
    /// Document index.
    pub doc: u32,
    /// The value as written (`50`, `an undisclosed number`, `Reuters`, `arrested`).
    pub text: String,
}

/// How much two articles have in common.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Pair {
    /// The lower document index.
    pub a: u32,
    /// The higher document index.
    pub b: u32,
    /// Claim groups carried by both.
    pub shared: u32,
    /// `shared` divided by the claim groups of the article with fewer of them (0 to 1).
    pub overlap: f64,
}

/// What one article leaves out and whom it cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct ArticleView {
    /// Document index.
    pub doc: u32,
    /// Groups that most other articles carry and this one does not, most widely carried first.
    pub omits: Vec<Omission>,
    /// Outlets and agencies the article credits ("according to Reuters", "CNN reported"),
    /// most credited first.
    pub cites: Vec<Citation>,
}

/// A widely carried group that an article leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Omission {
    /// Group id.
    pub group: String,
    /// How many articles carry the group.
    pub carried_by: u32,
}

/// An outlet or agency an article credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Citation {
    /// The entity's canonical name, or the cited text as first written.
    pub name: String,
    /// The entity id, when the cited span holds a mention of one.
    pub entity: Option<String>,
    /// Claims credited to it, in document order.
    pub claims: Vec<String>,
}
