//! Figures in news text: counts, money, percentages and durations, with the qualifier in front
//! of them, the thing they count and the event they count; and whether two figures can both be
//! true ([`compatible`]).
//!
//! Articles about one event disagree most visibly in their figures ("at least 49 soldiers" /
//! "50 troops" / "an undisclosed number"), so a figure is kept with everything needed to
//! compare it: an interval of the values the text allows rather than a bare number.
//!
//! # How a figure is found
//! Rules over the tokens of one sentence ([`crate::text`]), with the words in
//! `data/lexicon/numbers.tsv`; tokens inside dates and times ([`crate::dates`]) are skipped, so
//! years, "9 a.m." and "two years ago" are never quantities.
//! - **Number**: digits with separators (`2,000`, `1.5`), glued currency and scale (`$5bn`,
//!   `€3m`, `US$2.5bn`), `5%`, words (`forty-nine`, `two thousand`, `a dozen`,
//!   `half a million`), digits with a scale word (`1.2 million`), vague amounts (`dozens`,
//!   `thousands`, `tens of thousands`), ranges (`40-50`, `40 to 50`, `between 40 and 50`,
//!   `two or three`) and compounds (`44-day`, `six-week`, `30-year-old`, `2,000-strong`).
//!   Ordinals (`second`, `2nd`) are not quantities. Not figures: digits right after a
//!   capitalised word (`Boeing 737`, `Article 5`), a capitalised number word next to a name
//!   (`Ground Zero`, `Zero Hedge`), a number after `No.`, before `times` or `of times`, a small
//!   number (≤ 12) after a determiner or possessive (`the two sides`), `one` unless qualified
//!   or counting a known noun (`one soldier`; not `one of`, not `one day` without a
//!   preposition), and a range with nothing counted and no qualifier (`6-3`, `4-28`: scores).
//! - **Qualifier** (longest match before the number), normalised: `at least`, `more than`,
//!   `over`, `just over`, `fewer than`, `at most`, `up to`, `nearly`, `around`, `exactly`,
//!   `between`, `another` (an increment: "another 50", "a further 50").
//! - **Kind**: [`NumKind::Money`] with a currency (symbol before, word after, ISO code in
//!   `unit`: `USD`, `EUR`…; `pounds` only with a scale word or `sterling`); [`NumKind::Percent`]
//!   (`%`, `percent`, `per cent`, `pct`; `unit` `%` or `percentage point`); else
//!   [`NumKind::Quantity`].
//! - **Unit** (Quantity): durations (`six weeks`, `44-day`) have `unit` `day` and their value
//!   in days (month = 30.436875 days, year = 365.2425); ages (`30-year-old`) `years old`;
//!   measures a symbol (`km`, `t`, `bbl`, value as written). Otherwise the counted noun phrase
//!   right after the number, as written: modifiers then a head, at most five words, ending at a
//!   known noun or a plural (`49 Armenian soldiers`, `2,000 peacekeeping troops`; a number
//!   other than one needs such a head, else no unit); after `of` for vague amounts and
//!   partitives (`thousands of peacekeepers`, `49 of his country's soldiers` → `soldiers`;
//!   `millions of dollars` is money, `hundreds of years` a duration). An event noun as head
//!   (`49 deaths`, `combat and civilian deaths`, `casualties`) gives the event and no unit.
//! - **Event** (lemma from the lexicon): the head noun if it is an event noun; else an active
//!   verb or a linked noun just left of the figure (`killed 49`, `deployed around 2,000`,
//!   `the death toll rose to 49`); else a verb or adjective to its right in the same clause,
//!   within ten tokens, stopping at punctuation and clause words (`were killed`, `died`,
//!   `have been killed`, `left 49 soldiers dead`), skipping a verb that takes its own number
//!   (`... and killed 50`). Durations take the noun they modify (`a 44-day war` → `war`) or
//!   `of` + an event noun (`six weeks of fighting` → `fight`).
//! - **Unknown** figures ([`Figure::unknown`], no value): `an undisclosed/unknown/unspecified
//!   number of X`; a negation + a disclosure verb + a number noun (`did not disclose the number
//!   of casualties`, `did not disclose casualty numbers`, `without giving numbers`, `declined to
//!   say how many`); `gave no figures`; `it is unclear how many`. With no event of their own
//!   they take the nearest event word earlier in the sentence and its group (`deaths among
//!   Azerbaijani troops, without giving numbers` → event `die`, unit `Azerbaijani troops`).
//!
//! # Intervals and tolerances
//! `low`/`high` (with `low_open`/`high_open`) bound the values the text allows; an unbounded
//! end is `f64::INFINITY`; counts never go below 0.
//! - A plain integer whose last digit counts (`49`, `50`, `forty-nine`) is exact: [49, 49].
//! - A round number (two or more trailing zeros: `2,000`, `100`) or one with a scale word
//!   (`1.2 million`, `$5 billion`) may be rounded: ± half its last written digit, capped at 5 %
//!   (`2,000` → (1900, 2100); `1.2 million` → (1.15 M, 1.25 M)). Decimals: ± half the last
//!   decimal, same cap.
//! - Percentages: ± half the last written digit, no cap (`5%` → (4.5, 5.5)).
//! - Durations and measures: ± half the unit as written (`six weeks` → (38.5, 45.5) days,
//!   `44-day` → (43.5, 44.5)), capped at 5 % for round values (`100 days` → ±5).
//! - Qualifiers: `at least` [v, ∞); `more than`/`over` (v, ∞); `just over` (v, 1.1 v];
//!   `at most`/`up to`/`as many as` [0, v]; `fewer than`/`under` [0, v); `nearly`/`almost`
//!   [0.9 v, v]; `around`/`about`/`some`/`roughly`/`an estimated` the wider of ±10 % and the
//!   rounding tolerance (`around 2,000` → [1800, 2200]); `exactly` [v, v]; ranges [a, b].
//! - Vague amounts ([low, high) from the lexicon): `dozens` [20, 100), `hundreds` [200, 1000),
//!   `thousands` [2000, 10000), `tens of thousands` [10^4, 10^5), `millions` [2·10^6, 10^7)…
//!   `value` is the low end. For a range `value` is its first number.
//!
//! # Compatibility ([`compatible`])
//! 1. `another`/`a further` figures are increments: [`Compatibility::Unrelated`].
//! 2. Different dimensions never compare: counts, durations, ages, each measure dimension
//!    (km and miles convert), each currency (no exchange rates), `%` vs percentage points.
//! 3. What is counted must match: events by class (`kill` = `die` = `death toll`; `casualty`
//!    contains both deaths and injuries; `deploy` = `send`); counted nouns by class (`troops`
//!    = `soldiers` = `servicemen` = `peacekeepers`; `people` contains every class of person;
//!    a plural group name like `Azeris` is people of that group); group modifiers (capitalised
//!    words: `Armenian`, `Azerbaijani`) compared by stem, so `Azeri` meets `Azerbaijani` but
//!    `Armenian` soldiers never meet `Azerbaijani` troops. A missing unit or event matches
//!    anything. Different things, or sets that merely overlap: `Unrelated`.
//! 4. One side explicitly unknown: [`Compatibility::Unknown`] (both unknown: `Compatible`).
//! 5. Same set: `Compatible` when the intervals meet, else `Conflict`. One set part of the other
//!    (`soldiers` within `people`, a figure with a group modifier within one without): a
//!    `Conflict` only when the part must be larger than the whole.

mod compat;
mod figures;
pub(crate) mod lexicon;
pub(crate) mod numeral;
pub(crate) mod words;

#[cfg(test)]
mod tests;

use crate::dates::DateMention;
use crate::text::Prepared;
use std::ops::Range;

pub use compat::{compatible, Compatibility};
pub use figures::{APPROX, JUST_OVER, NEAR, ROUND_CAP};

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    /// A count, a duration (in days), an age or a measure.
    Quantity,
    /// An amount of money; `unit` is the ISO 4217 currency code.
    Money,
    /// A percentage (`unit` `%`) or a change in percentage points (`percentage point`).
    Percent,
}

/// A figure in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Token indexes into [`Prepared::tokens`]: the whole figure with its qualifier and counted
    /// thing ("at least 49 Armenian soldiers").
    pub tokens: Range<usize>,
    /// Tokens of the number itself ("49", "thousands", "six-week", "an undisclosed number",
    /// "did not disclose the number").
    pub number: Range<usize>,
    /// Count, money or percentage.
    pub kind: NumKind,
    /// The number (durations in days); None when the text says it is unknown.
    pub value: Option<f64>,
    /// Low end of the values the text allows (see the module docs); None when unknown.
    pub low: Option<f64>,
    /// High end (`f64::INFINITY` when unbounded); None when unknown.
    pub high: Option<f64>,
    /// The low end itself is excluded ("more than 6,000").
    pub low_open: bool,
    /// The high end itself is excluded ("fewer than 10", "thousands").
    pub high_open: bool,
    /// Normalised qualifier: "at least", "more than", "over", "just over", "fewer than",
    /// "at most", "up to", "nearly", "around", "exactly", "between", "another".
    pub qualifier: Option<&'static str>,
    /// Counted thing as written ("Armenian soldiers"), `day` for durations, `years old` for
    /// ages, a unit symbol for measures, a currency code for money, `%` or `percentage point`.
    pub unit: Option<String>,
    /// The event counted, as a lemma ("kill", "die", "deploy", "send", "wound", "war").
    pub event: Option<String>,
    /// The text says the number is unknown ("an undisclosed number").
    pub unknown: bool,
}

impl Figure {
    /// The value as a plain string for [`crate::report::Entity::value`]: `49`, `2000`,
    /// `1200000`; `P42D` for a duration (ISO 8601); `5000000000 USD`; `5%`; `5 percentage
    /// point`; `30 years old`; `10 km`. None when unknown.
    pub fn normalised(&self) -> Option<String> {
        let v = self.value?;
        let num = fmt_num(v);
        Some(match (self.kind, self.unit.as_deref()) {
            (NumKind::Money, Some(c)) => format!("{num} {c}"),
            (NumKind::Percent, Some("%")) | (NumKind::Percent, None) => format!("{num}%"),
            (NumKind::Percent, Some(u)) => format!("{num} {u}"),
            (NumKind::Quantity, Some("day")) => format!("P{num}D"),
            (NumKind::Quantity, Some(u))
                if u == "years old"
                    || u == "months old"
                    || u.chars().all(|c| c.is_ascii_alphanumeric()) && is_measure(u) =>
            {
                format!("{num} {u}")
            }
            _ => num,
        })
    }
}

fn is_measure(u: &str) -> bool {
    lexicon::lexicon()
        .measure
        .iter()
        .any(|(_, m)| m.symbol == u)
}

/// A number without a trailing `.0`, rounded to at most 6 decimals.
fn fmt_num(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The figures in sentence `sentence` of `doc` (empty when out of range), in text order.
pub fn find(doc: &Prepared, sentence: usize) -> Vec<Figure> {
    find_with_dates(doc, sentence).figures
}

/// The dates and the figures of one sentence, token indexes into [`Prepared::tokens`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceFigures {
    /// As [`crate::dates::find`] gives them.
    pub dates: Vec<DateMention>,
    /// As [`find`] gives them.
    pub figures: Vec<Figure>,
}

/// The dates and figures of sentence `sentence` of `doc` in one pass: the figure rules skip the
/// date tokens, so the dates are found first anyway, and the entities and the claims both
/// take theirs from here ([`document`]) rather than running the rules again.
pub fn find_with_dates(doc: &Prepared, sentence: usize) -> SentenceFigures {
    let w = words::Words::sentence(doc, sentence);
    let dates = crate::dates::mentions(&w);
    let mask = crate::dates::mask(&w, &dates);
    let mut figures = figures::figures(&w, &mask);
    for f in &mut figures {
        f.tokens = f.tokens.start + w.base..f.tokens.end + w.base;
        f.number = f.number.start + w.base..f.number.end + w.base;
    }
    let dates = dates
        .into_iter()
        .map(|m| DateMention {
            tokens: m.tokens.start + w.base..m.tokens.end + w.base,
            ..m
        })
        .collect();
    SentenceFigures { dates, figures }
}

/// [`find_with_dates`] for every sentence of `doc`, indexed by sentence.
pub fn document(doc: &Prepared) -> Vec<SentenceFigures> {
    (0..doc.sentences.len())
        .map(|s| find_with_dates(doc, s))
        .collect()
}
