// Generated from src/report.rs by tests/typescript.rs (ts-rs). Do not edit:
// UPDATE_GOLDEN=1 cargo test --test typescript

/** The value of `Report.schema`. */
export type Schema = "corroborate/report@1";

export type Article = { 
/**
 * A name for it (a file name, or whatever the caller likes); shown in the report.
 */
name: string, 
/**
 * Its text, as given. Offsets in the report index into exactly this string.
 */
text: string, };

export type Options = { 
/**
 * The reader's corrections to entity merging, applied in order after the automatic
 * merging (see [`crate::entities::edits`]): `{"merge": [name, …]}` or `{"split": name}`.
 */
edits: Array<Edit>, };

export type Edit = { "merge": Array<string> } | { "split": string } | { "rename": [string, string] };

export type Report = { 
/**
 * Always [`SCHEMA`].
 */
schema: string, 
/**
 * One entry per input article, in input order.
 */
documents: Array<Document>, 
/**
 * Canonical entities, most-mentioned first.
 */
entities: Array<Entity>, 
/**
 * Claims in document order, then text order.
 */
claims: Array<Claim>, 
/**
 * Claim groups: most widely carried first.
 */
groups: Array<Group>, 
/**
 * Article pairs that share claim groups: at most the 20 closest partners per article;
 * an unlisted pair shares none (or is not among either article's closest 20).
 */
pairs: Array<Pair>, 
/**
 * Per article, in document order: what it omits and whom it cites.
 */
articles: Array<ArticleView>, 
/**
 * Problems met while analysing, as plain sentences.
 */
notes: Array<string>, };

export type Document = { 
/**
 * Position in the input, from 0; `doc` fields elsewhere refer to it.
 */
index: number, 
/**
 * The name it was given (a file name, or whatever the page chose).
 */
name: string, 
/**
 * Detected title: the headline line if there is one, else the start of the first sentence.
 */
title: string, 
/**
 * The outlet the article credits itself to in its dateline or byline ("WASHINGTON (AP)
 * —", "(Reuters)", "By Jane Doe, BBC News"), where the text names a listed one, else
 * null (see `src/outlet.rs`). Explanations, the Markdown brief and the page name an
 * article by its number, this outlet and its headline ("2 · Reuters — Putin calls for
 * calm…"), the file name kept for tooltips.
 */
outlet: Span | null, 
/**
 * Length of the text in UTF-16 code units.
 */
length: number, 
/**
 * Body spans that were left out of the analysis as boilerplate (bylines, photo credits,
 * teasers, comment prompts, syndication blurbs), each with the reason in `kind`.
 */
boilerplate: Array<Boilerplate>, };

export type Boilerplate = { 
/**
 * Why: `byline`, `credit`, `teaser`, `comments`, `syndication`, `chrome`.
 */
kind: string, 
/**
 * Start, in UTF-16 code units.
 */
start: number, 
/**
 * End (exclusive), in UTF-16 code units.
 */
end: number, 
/**
 * The text between `start` and `end`.
 */
text: string, };

export type Span = { 
/**
 * Start, in UTF-16 code units.
 */
start: number, 
/**
 * End (exclusive), in UTF-16 code units.
 */
end: number, 
/**
 * The text between `start` and `end`.
 */
text: string, };

export type Entity = { 
/**
 * Stable within one report: `e0`, `e1`, …
 */
id: string, 
/**
 * Canonical name: the fullest form used (`Nikol Pashinyan`, `Collective Security Treaty
 * Organization`, `United States`).
 */
name: string, 
/**
 * One of `person organization place group event work other date time quantity money
 * percent`. `group` covers nationalities, religious and political groups.
 */
type: string, 
/**
 * Every other surface form seen (`Pashinyan`, `CSTO`, `U.S.`), without duplicates.
 */
aliases: Array<string>, 
/**
 * Titles and roles found next to the name (`Prime Minister`, `Kremlin spokesman`).
 */
roles: Array<string>, 
/**
 * Normalised value, else null. Dates and times in a TIMEX3-like form (`XXXX-08-31`,
 * `XXXX-WXX-2` for a Tuesday, `2020-11`, `198X`, `T09:00`, `PAST_P2Y` for "two years
 * ago"; see `src/dates`); figures as a number (`49`, `2000`), a duration (`P42D`), money
 * (`5000000000 USD`) or a percentage (`5%`); see `src/numbers`.
 */
value: string | null, 
/**
 * For a capital, city or nationality: the id of its country's entity, when that country
 * is mentioned in the analysis (`Yerevan` → the entity of Armenia), else null.
 */
country: string | null, 
/**
 * Indexes of the documents that mention it, ascending.
 */
docs: Array<number>, 
/**
 * Every mention, in document then text order.
 */
mentions: Array<Mention>, };

export type Mention = { 
/**
 * Document index.
 */
doc: number, 
/**
 * Start, in UTF-16 code units.
 */
start: number, 
/**
 * End (exclusive), in UTF-16 code units.
 */
end: number, 
/**
 * The text between `start` and `end`.
 */
text: string, };

export type Claim = { 
/**
 * Stable within one report: `c0`, `c1`, …
 */
id: string, 
/**
 * Document index.
 */
doc: number, 
/**
 * `quote` (direct or mixed speech), `statement` (indirect speech), `numeric` (a figure
 * with no speaker) or `event` (what the article itself asserts happened); see
 * [`ClaimKind`].
 */
kind: ClaimKind, 
/**
 * The sentence (or sentences) the claim comes from.
 */
sentence: Span, 
/**
 * What is claimed: the quoted words, the reported clause, or the sentence itself.
 */
content: Span, 
/**
 * The content without the words that interrupt it: `“A,” she said. “B.”` gives the two
 * quoted pieces; a continuous content is one piece equal to `content`.
 */
pieces: Array<Span>, 
/**
 * The reporting words (`said`, `told reporters`, `according to`), if any.
 */
cue: Span | null, 
/**
 * Who the text says is speaking, where it says it (possibly a pronoun), if anyone.
 */
source: Span | null, 
/**
 * The entity the source resolves to (an [`Entity::id`]), if it could be resolved.
 */
speaker: string | null, 
/**
 * Outlets or agencies the claim is credited to ("according to Reuters").
 */
cited: Array<Span>, 
/**
 * Figures in the content.
 */
quantities: Array<Quantity>, };

export type ClaimKind = "quote" | "statement" | "numeric" | "event";

export type Quantity = { 
/**
 * The number, or null when there is none: the text says it is unknown ("an undisclosed
 * number", see `unknown`) or gives only a range ("thousands", see `low`/`high`).
 */
value: number | null, 
/**
 * Smallest value the text allows ("at least 49" → 49; "thousands" → 2000), or null.
 */
low: number | null, 
/**
 * Largest value the text allows ("up to 50" → 50; "at least 49" → null: no bound).
 */
high: number | null, 
/**
 * True when the text says the figure is not known ("did not disclose the number").
 */
unknown: boolean, 
/**
 * `at least`, `more than`, `around`, `up to`, `exactly`…, or null.
 */
qualifier: string | null, 
/**
 * What is counted (`Armenian soldiers`, `troops`, `people`), or null.
 */
unit: string | null, 
/**
 * What happened to them, as a lemma (`kill`, `die`, `deploy`, `wound`), or null.
 */
event: string | null, 
/**
 * Start, in UTF-16 code units.
 */
start: number, 
/**
 * End (exclusive), in UTF-16 code units.
 */
end: number, 
/**
 * The text between `start` and `end`.
 */
text: string, };

export type Group = { 
/**
 * Stable within one report: `g0`, `g1`, …
 */
id: string, 
/**
 * Claim ids, in document order, each at most once. A claim told in several pieces
 * (`“A,” she said. “B.”`) is compared piece by piece and is in every group one of its
 * pieces joins, so it may be in several groups. A claim whose figure or clock time other
 * articles give in sentences grouped apart is also in a fact row with theirs (one claim
 * per article, related by that figure or time alone). Every other claim is in exactly
 * one group.
 * One article may hold several claims of a group: a claim told twice (headline and
 * lead), or the claims of one sentence that no other article tells (one `unique` group).
 */
claims: Array<string>, 
/**
 * Documents that carry the group, ascending.
 */
docs: Array<number>, 
/**
 * `agree`, `reworded`, `conflict` or `unique`; see [`Relation`].
 */
relation: Relation, 
/**
 * Why the relation was chosen, in one sentence.
 */
reason: string, 
/**
 * For `reworded`: the word diff between the first quote and each other version.
 */
diffs: Array<QuoteDiff>, 
/**
 * For `conflict`: the values that cannot all hold.
 */
conflicts: Array<Conflict>, 
/**
 * For each claim told in several pieces that the group holds only in part (its other
 * pieces are in other groups): the pieces it holds, so a row marks the words it is about.
 * Empty when every claim is held whole (and absent from reports made before it existed).
 */
pieces: Array<HeldPieces>, };

export type HeldPieces = { 
/**
 * Claim id.
 */
claim: string, 
/**
 * The claim's pieces in this group, in text order (a subset of its `pieces`).
 */
spans: Array<Span>, };

export type Relation = "agree" | "reworded" | "conflict" | "unique";

export type QuoteDiff = { 
/**
 * The claim taken as the reference wording.
 */
from: string, 
/**
 * The claim compared with it.
 */
to: string, 
/**
 * The merged word sequence.
 */
ops: Array<DiffOp>, };

export type DiffOp = { 
/**
 * `same`, `removed` (only in `from`) or `added` (only in `to`).
 */
op: string, 
/**
 * The words, separated by single spaces.
 */
text: string, };

export type Conflict = { 
/**
 * What clashes: `number`, `range`, `unknown`, `time`, `detail`, `day`, `status`,
 * `speaker` or `negation`, each described on [`ConflictKind`].
 */
kind: ConflictKind, 
/**
 * What the clash is about (`Azerbaijani troops killed`, `custody`).
 */
about: string, 
/**
 * True when the values may all hold (`range`, `day`): the articles differ without
 * contradicting each other; false when they cannot all hold.
 */
may_hold: boolean, 
/**
 * Why, in a few words: "the values cannot all hold", "two different lower bounds: both
 * may hold, and the higher one is often a later update", "statuses that exclude each
 * other"…
 */
note: string, 
/**
 * One entry per claim taking part, in document order: which claim, and the value, status
 * or speaker as written.
 */
values: Array<ConflictValue>, };

export type ConflictKind = "number" | "range" | "unknown" | "time" | "detail" | "day" | "status" | "speaker" | "negation";

export type ConflictValue = { 
/**
 * Claim id.
 */
claim: string, 
/**
 * Document index.
 */
doc: number, 
/**
 * The value as written (`50`, `an undisclosed number`, `Reuters`, `arrested`).
 */
text: string, };

export type Pair = { 
/**
 * The lower document index.
 */
a: number, 
/**
 * The higher document index.
 */
b: number, 
/**
 * Claim groups carried by both.
 */
shared: number, 
/**
 * `shared` divided by the claim groups of the article with fewer of them (0 to 1).
 */
overlap: number, };

export type ArticleView = { 
/**
 * Document index.
 */
doc: number, 
/**
 * Groups that most other articles carry and this one does not, most widely carried first.
 */
omits: Array<Omission>, 
/**
 * Outlets and agencies the article credits ("according to Reuters", "CNN reported"),
 * most credited first.
 */
cites: Array<Citation>, };

export type Omission = { 
/**
 * Group id.
 */
group: string, 
/**
 * How many articles carry the group.
 */
carried_by: number, };

export type Citation = { 
/**
 * The entity's canonical name, or the cited text as first written.
 */
name: string, 
/**
 * The entity id, when the cited span holds a mention of one.
 */
entity: string | null, 
/**
 * Claims credited to it, in document order.
 */
claims: Array<string>, };
