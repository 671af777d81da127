//! Dates and times in news text, normalised to a TIMEX3-like value.
//!
//! Articles about one event place it in time in different words ("on Tuesday", "early
//! Tuesday", "Sept. 13"), and the figure rules ([`crate::numbers`]) must not mistake a year or
//! "9 a.m." for a quantity, so dates are found first, on the tokens of one sentence, with the
//! words in `data/lexicon/dates.tsv`.
//!
//! # Values
//! No reference date is known (an article's publication date is not reliably in its text), so
//! nothing relative is resolved: a value says exactly what the text says.
//! - Calendar dates, ISO 8601 with `X` for what the text leaves open: `2022-09-13`,
//!   `XXXX-08-31` ("Aug. 31"), `2020-11` ("November 2020"), `XXXX-11` ("in November"), `2020`
//!   ("in 2020", "the 2020 war"; a four-digit number 1800–2099 is a year unless a count cue
//!   says otherwise: "at least 2000", "killed 2000 people", or a plural noun follows without a
//!   determiner or preposition before it; 1000–1799 need a preposition or determiner).
//! - Weekdays: `XXXX-WXX-2` (Tuesday; ISO weekday, Monday = 1); weekend `XXXX-WXX-WE`.
//! - Decades and centuries: `198X` ("the 1980s", "the '80s"; "the 1900s" is read as a decade,
//!   `190X`), `18XX` ("the 19th century").
//! - Seasons, quarters, halves: `2020-SU`, `XXXX-WI`, `2020-Q1`, `2020-H1`.
//! - Ranges: ISO 8601 interval notation with `/`: `1988/1994` ("1988-1994", "from 1988 to
//!   1994", "2020-21"), `XXXX-09-12/XXXX-09-13` ("Sept. 12-13").
//! - Times ([`DateKind::Time`]): `T09:00` ("9 a.m.", "0900"), `T09:00Z` ("0900 GMT"; other
//!   zones and "local time" are kept in the span but not normalised), `T12:00` (noon),
//!   `T00:00` (midnight). Parts of the day as TIMEX3 codes after `T`: `MO` morning, `AF`
//!   afternoon, `EV` evening, `NI` night, `DT` daytime. A time joined to a day gives one
//!   mention: `XXXX-WXX-2T09:00` ("9 a.m. local time Tuesday"), `XXXX-WXX-2TMO` ("Tuesday
//!   morning"), `XXXX-WXX-1TNI` ("Monday night"), `XXXX-XX-XXTNI` ("overnight").
//! - Relative to the publication date: `DIRECTION_DURATION`, DIRECTION `PAST` (before it),
//!   `FUTURE` (after it) or `THIS` (the period containing it), DURATION an ISO 8601 duration
//!   with `X` for an unstated amount: `PAST_P2Y` ("two years ago"), `PAST_P1M` ("last month"),
//!   `PAST_P1D` ("yesterday"), `THIS_P1D` ("today"), `THIS_P1Y` ("this year"), `FUTURE_P1W`
//!   ("next week"), `PAST_PXDE` ("decades ago"), `PAST_PT2H` ("two hours ago", a Time), and
//!   a part of the day after `T`: `PAST_P1DTNI` ("last night"), `THIS_P1DTMO` ("this
//!   morning"). "Last Tuesday", "last September" keep the plain weekday or month value.
//! - Relative to another time in the text: `BEFORE_P30Y` ("30 years before", "30 years
//!   earlier"), `AFTER_P1D` ("the next day", "two days later").
//! - Modifiers (TIMEX3 `mod`) are in [`DateMention::modifier`], not in the value: `START`
//!   ("early Tuesday", "early on Tuesday", "the early 1990s", "the beginning of 2020"), `MID`
//!   ("mid-2020", "mid-September"), `END` ("late Monday", "the end of 2020"), `APPROX`
//!   ("around 9 a.m."), `BEFORE`/`AFTER` ("shortly before midnight").
//! - A slash date whose day and month cannot be told apart (`03/04/2022`) is a Date with no
//!   value.
//!
//! Spans include the determiner of a decade, century, season or quarter ("the 1980s") and the
//! modifier words; prepositions ("in", "on", "since") are left out, except the "on" of "early
//! on Tuesday" and the words joining a time to its day.
//!
//! Not recognised: bare "now", "recently", "soon", "currently"; durations without an anchor
//! ("for two years", "the past two years": those are figures, see [`crate::numbers`]); dates in
//! words ("the thirteenth of September"); times like "half past nine"; fiscal years.

pub(crate) mod lexicon;

#[cfg(test)]
mod tests;

use crate::numbers::numeral::{numeral_at, ordinary};
use crate::numbers::words::Words;
use crate::text::Prepared;
use lexicon::{lexicon, DateLex};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// A calendar date (or period) or a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// A day, month, year, decade, season, weekday, or a relative one.
    Date,
    /// A clock time or a part of the day, possibly with its day.
    Time,
}

/// A date or time in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Token indexes into [`Prepared::tokens`].
    pub tokens: Range<usize>,
    /// Date or time.
    pub kind: DateKind,
    /// The normalised value (see the module docs), or None when it cannot be told.
    pub value: Option<String>,
    /// TIMEX3 modifier: `START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`.
    pub modifier: Option<&'static str>,
}

/// The dates and times in sentence `sentence` of `doc` (empty when out of range), in text order.
pub fn find(doc: &Prepared, sentence: usize) -> Vec<DateMention> {
    let w = Words::sentence(doc, sentence);
    mentions(&w)
        .into_iter()
        .map(|m| DateMention {
            tokens: m.tokens.start + w.base..m.tokens.end + w.base,
            ..m
        })
        .collect()
}

/// For each token of the sentence: is it part of a date or time?
/// `mentions` are the sentence's own ([`mentions`], sentence-relative).
pub(crate) fn mask(w: &Words, mentions: &[DateMention]) -> Vec<bool> {
    let mut m = vec![false; w.len()];
    for d in mentions {
        for i in d.tokens.clone() {
            if let Some(x) = m.get_mut(i) {
                *x = true;
            }
        }
    }
    m
}

type M = DateMention;

fn mk(tokens: Range<usize>, kind: DateKind, value: Option<String>) -> M {
    DateMention {
        tokens,
        kind,
        value,
        modifier: None,
    }
}

fn date(tokens: Range<usize>, value: String) -> Option<M> {
    Some(mk(tokens, DateKind::Date, Some(value)))
}

/// All mentions of a sentence, sentence-relative.
pub(crate) fn mentions(w: &Words) -> Vec<M> {
    let lx = lexicon();
    let mut out: Vec<M> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let mut best = candidate(w, i);
        // "early Tuesday", "early on Tuesday", "the end of 2020", "around 9 a.m."
        if let Some((len, code)) = w.longest(i, &lx.modifier) {
            let mut k = i + len;
            if matches!(*code, "START" | "END") && w.lw(k) == "on" && len == 1 {
                k += 1;
            }
            if let Some(mut m) = candidate(w, k) {
                if best.as_ref().is_none_or(|b| b.tokens.end <= m.tokens.end) {
                    m.tokens.start = i;
                    m.modifier = m.modifier.or(Some(code));
                    best = Some(m);
                }
            }
        }
        match best {
            Some(m) if m.tokens.end > i => {
                i = m.tokens.end;
                out.push(m);
            }
            _ => i += 1,
        }
    }
    merge(w, out)
}

/// The [`ordinary`] tokens (lower-case words, punctuation) that can start a date or time:
/// every rule of [`candidate`] needs a digit, a capital (month and weekday names), a
/// hyphenated "mid-" or one of these (a numeral's first word or symbol for "two years ago",
/// "three o'clock"; a relative or directional word; `the`, `early`, `mid`, `late`; an
/// ordinal, a season, a plural period).
fn starters() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let lx = lexicon();
        let mut set: FxHashSet<&'static str> = [
            "a", "an", "one", "several", "many", "few", "some", "the", "early", "mid", "late",
            "earlier", "later",
        ]
        .into_iter()
        .collect();
        set.extend(crate::numbers::numeral::word_starters().iter().copied());
        set.extend(lx.rel.first_words());
        set.extend(lx.dir.keys().copied());
        set.extend(lx.period.keys().copied().filter(|p| p.ends_with('s')));
        set.extend(lx.ordinal.keys().copied());
        set.extend(lx.season.keys().copied());
        set
    })
}

/// The longest mention starting at `i`.
fn candidate(w: &Words, i: usize) -> Option<M> {
    if i >= w.len() {
        return None;
    }
    // An ordinary word ("said", "troops") or punctuation starts no date: no rule needs to look.
    if ordinary(w.tw(i)) && !starters().contains(w.tw(i)) {
        return None;
    }
    let rules: [fn(&Words, usize) -> Option<M>; 12] = [
        iso_at,
        time_at,
        month_date_at,
        weekday_at,
        rel_at,
        dir_at,
        ago_at,
        decade_at,
        century_at,
        season_at,
        quarter_at,
        year_at,
    ];
    let mut best: Option<M> = None;
    for r in rules {
        if let Some(m) = r(w, i) {
            if m.tokens.start == i
                && m.tokens.end > i
                && best.as_ref().is_none_or(|b| m.tokens.end > b.tokens.end)
            {
                best = Some(m);
            }
        }
    }
    best
}

// ---- small token tests -------------------------------------------------------------------

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// A word without its final period: "Aug." → "aug".
fn bare(t: &str) -> &str {
    t.strip_suffix('.').unwrap_or(t)
}

/// A year token 1000–2099.
fn year_num(t: &str) -> Option<u32> {
    if t.len() == 4 && all_digits(t) {
        let y: u32 = t.parse().ok()?;
        (1000..=2099).contains(&y).then_some(y)
    } else {
        None
    }
}

/// A day of the month: "31", "31st", "1st".
fn day_num(t: &str) -> Option<u32> {
    let digits: &str = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    if (1..=2).contains(&digits.len()) && all_digits(digits) {
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    } else {
        None
    }
}

/// Days "12-13" in one token.
fn day_range(t: &str) -> Option<(u32, u32)> {
    let (a, b) = t.split_once('-')?;
    let (a, b) = (day_num(a)?, day_num(b)?);
    (b > a).then_some((a, b))
}

fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A month name at token `i` (capitalised), with whether it needs more context to count.
fn month_at(w: &Words, i: usize, lx: &DateLex) -> Option<(u32, bool)> {
    if !w.is_cap(i) {
        return None;
    }
    let t = w.tw(i);
    let lower = w.lw(i);
    let key = bare(lower);
    let m = *lx.month.get(key)?;
    let full = key.len() >= 5 || matches!(key, "june" | "july" | "may");
    let abbreviated_with_period = t.ends_with('.');
    // "May" and "March" are also words; a bare "Mar"/"Jan" too.
    let needs_context = matches!(key, "may" | "march") || (!full && !abbreviated_with_period);
    Some((m, needs_context))
}

/// Words before a month name that make it one ("in May", "since March", "last May").
fn month_cue(t: &str) -> bool {
    matches!(
        t,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "of"
            | "from"
            | "through"
            | "before"
            | "after"
            | "during"
            | "between"
            | "and"
            | "to"
            | "mid-"
            | "on"
            | "throughout"
            | "around"
    )
}

fn year_ok(w: &Words, i: usize, y: u32) -> bool {
    let lx = lexicon();
    if w.longest_before(i, &lx.notyear).is_some() {
        return false;
    }
    let next = w.lw(i + 1);
    if matches!(
        next,
        "%" | "percent" | "per" | "pct" | "million" | "billion" | "thousand" | "times"
    ) || crate::numbers::lexicon::lexicon()
        .curword
        .iter()
        .any(|(p, _)| p.len() == 1 && p[0] == next)
    {
        return false;
    }
    let prev = i.checked_sub(1).map(|p| w.lw(p)).unwrap_or("");
    let cued = lx.yearcue.contains(prev) || prev.ends_with('-');
    if y < 1800 {
        return cued;
    }
    if cued {
        return true;
    }
    // "2000 soldiers" without a determiner or preposition before it is a count
    let plural_next = w.is_word(i + 1)
        && !w.is_cap(i + 1)
        && next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss");
    !plural_next
}

// ---- rules ---------------------------------------------------------------------------------

/// `1996-08-22`, `2022/09/13`, `13/09/2022`, `13.09.2022`, `2019-12`.
fn iso_at(w: &Words, i: usize) -> Option<M> {
    let t = w.lw(i);
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| !all_digits(p)) {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            ((1..=12).contains(&m) && (1..=days_in(m)).contains(&d)).then(|| {
                mk(
                    i..i + 1,
                    DateKind::Date,
                    Some(format!("{y:04}-{m:02}-{d:02}")),
                )
            })
        }
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            let day_first = t.contains('.');
            let (m, d) = if day_first || a > 12 {
                (b, a)
            } else if b > 12 || a == b {
                (a, b)
            } else {
                return Some(mk(i..i + 1, DateKind::Date, None));
            };
            ((1..=12).contains(&m) && (1..=days_in(m)).contains(&d)).then(|| {
                mk(
                    i..i + 1,
                    DateKind::Date,
                    Some(format!("{y:04}-{m:02}-{d:02}")),
                )
            })
        }
        [y, m] if y.len() == 4 && m.len() == 2 && t.contains('-') => {
            let (yv, mv) = (year_num(y)?, num(m)?);
            let y2 = yv % 100;
            if mv > y2 % 100 && mv <= 99 && (mv > 12 || mv == y2 + 1) {
                // "2020-21": a span of years
                let end = yv - y2 + mv;
                date(i..i + 1, format!("{yv}/{end}"))
            } else if (1..=12).contains(&mv) {
                date(i..i + 1, format!("{yv}-{mv:02}"))
            } else {
                None
            }
        }
        [a, b] if a.len() == 4 && b.len() == 4 && t.contains('-') => {
            let (a, b) = (year_num(a)?, year_num(b)?);
            (b > a).then(|| mk(i..i + 1, DateKind::Date, Some(format!("{a}/{b}"))))
        }
        _ => None,
    }
}

/// `9 a.m.`, `9:30 p.m.`, `9am`, `21:00`, `0900 GMT`, `9 o'clock`, with a time zone.
fn time_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let t = w.lw(i);
    let mut end = i + 1;
    // "three o'clock"
    if w.lw(i + 1) == "o'clock" {
        if let Some(h) = crate::numbers::lexicon::lexicon()
            .card
            .get(t)
            .filter(|h| (1.0..=12.0).contains(*h))
        {
            return Some(mk(
                i..i + 2,
                DateKind::Time,
                Some(format!("T{:02}:00", *h as u32)),
            ));
        }
    }
    let (digits, glued) = match t.find(|c: char| c.is_ascii_alphabetic()) {
        Some(p) => (&t[..p], Some(&t[p..])),
        None => (t, None),
    };
    let mut four = false;
    let (h, m, sep) = if let Some((a, b)) = digits.split_once([':', '.']) {
        if !(1..=2).contains(&a.len()) || b.len() != 2 || !all_digits(a) || !all_digits(b) {
            return None;
        }
        (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, true)
    } else if (1..=2).contains(&digits.len()) && all_digits(digits) {
        (digits.parse::<u32>().ok()?, 0, false)
    } else if digits.len() == 4 && all_digits(digits) && glued.is_none() {
        // "0900 GMT", "1400 hours"
        let next = w.lw(i + 1);
        let zone = w.longest(i + 1, &lx.tz).is_some_and(|(_, c)| !c.is_empty());
        if !(zone || matches!(next, "hours" | "hrs" | "gmt" | "utc")) {
            return None;
        }
        let (h, m) = (
            digits[..2].parse::<u32>().ok()?,
            digits[2..].parse::<u32>().ok()?,
        );
        if matches!(next, "hours" | "hrs") {
            end += 1;
        }
        four = true;
        (h, m, true)
    } else {
        return None;
    };
    if m >= 60 || h > 24 {
        return None;
    }
    let half = match glued {
        Some(g) => Some(*lx.ampm.get(g)?),
        None => {
            let next = w.lw(end);
            if let Some(hf) = lx.ampm.get(next) {
                end += 1;
                Some(*hf)
            } else if next == "o'clock" {
                end += 1;
                None
            } else if four {
                None
            } else if sep && t.contains(':') {
                // "with 7:42 left": a game clock.
                if w.longest(end, &lx.gameclock).is_some() {
                    return None;
                }
                None
            } else {
                return None;
            }
        }
    };
    let hour = match half {
        Some("am") if h == 12 => 0,
        Some("pm") if h < 12 => h + 12,
        Some(_) if h > 12 || h == 0 => return None,
        _ => h,
    };
    let mut value = format!("T{hour:02}:{m:02}");
    if let Some((len, code)) = w.longest(end, &lx.tz) {
        value.push_str(code);
        end += len;
    }
    Some(mk(i..end, DateKind::Time, Some(value)))
}

/// `Aug. 31`, `August 31, 2022`, `31 August 2022`, `November 2020`, `in November`,
/// `mid-September`, `Sept. 12-13`, `the 31st of August`; an optional weekday before.
fn month_date_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    // "mid-September"
    let t = w.tw(i);
    if let Some(rest) = t.strip_prefix("mid-").or_else(|| t.strip_prefix("Mid-")) {
        let m = *lx.month.get(bare(&rest.to_lowercase()))?;
        let (end, value) = with_year(w, i + 1, format!("XXXX-{m:02}"));
        let mut d = mk(i..end, DateKind::Date, Some(value));
        d.modifier = Some("MID");
        return Some(d);
    }
    // "31 August", "31st of August"
    if let Some(d) = day_num(w.lw(i)) {
        let k = if w.lw(i + 1) == "of" { i + 2 } else { i + 1 };
        let (m, _) = month_at(w, k, lx)?;
        if d > days_in(m) {
            return None;
        }
        let (end, value) = with_year(w, k + 1, format!("XXXX-{m:02}-{d:02}"));
        return date(i..end, value);
    }
    let (m, needs_context) = month_at(w, i, lx)?;
    // "Aug. 31", "Sept. 12-13"
    let next = w.lw(i + 1);
    if let Some((a, b)) = day_range(next) {
        if b <= days_in(m) {
            let (end, y) = year_after(w, i + 2);
            let y = y
                .map(|y| format!("{y:04}"))
                .unwrap_or_else(|| "XXXX".into());
            return date(i..end, format!("{y}-{m:02}-{a:02}/{y}-{m:02}-{b:02}"));
        }
    }
    if let Some(d) = day_num(next) {
        // "Sept. 19 to 22", "Sept. 19 - 22"
        if matches!(w.lw(i + 2), "to" | "-" | "\u{2013}" | "through") {
            if let Some(d2) = day_num(w.lw(i + 3)).filter(|d2| *d2 > d && *d2 <= days_in(m)) {
                let (end, y) = year_after(w, i + 4);
                let y = y
                    .map(|y| format!("{y:04}"))
                    .unwrap_or_else(|| "XXXX".into());
                return date(i..end, format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{d2:02}"));
            }
        }
        // not "May 2,000" nor "March 3:30"
        if d <= days_in(m) && !w.tw(i + 1).contains([',', ':']) {
            let (end, value) = with_year(w, i + 2, format!("XXXX-{m:02}-{d:02}"));
            return date(i..end, value);
        }
    }
    // "November 2020", "November of 2020"
    let (end, value) = with_year(w, i + 1, format!("XXXX-{m:02}"));
    if end > i + 1 {
        return date(i..end, value);
    }
    let prev = i.checked_sub(1).map(|p| w.lw(p)).unwrap_or("");
    if needs_context && !month_cue(prev) {
        return None;
    }
    date(i..i + 1, format!("XXXX-{m:02}"))
}

/// A year after a month or day: ", 2022", " 2022", " of 2022". Returns the end and the year.
fn year_after(w: &Words, k: usize) -> (usize, Option<u32>) {
    if let Some(y) = year_num(w.lw(k)) {
        return (k + 1, Some(y));
    }
    if matches!(w.lw(k), "," | "of") {
        if let Some(y) = year_num(w.lw(k + 1)) {
            return (k + 2, Some(y));
        }
    }
    (k, None)
}

/// Replaces the `XXXX` of `value` with the year after token `k`, if there is one.
fn with_year(w: &Words, k: usize, value: String) -> (usize, String) {
    match year_after(w, k) {
        (end, Some(y)) => {
            let v = value.replacen("XXXX", &format!("{y:04}"), 1);
            (end, v)
        }
        (end, None) => (end, value),
    }
}

fn weekday_key(w: &Words, i: usize) -> Option<(u32, bool)> {
    if !w.is_cap(i) {
        return None;
    }
    let lower = w.lw(i);
    let (d, full) = *lexicon().weekday.get(bare(lower))?;
    if !full && !w.tw(i).ends_with('.') {
        return None;
    }
    Some((d, full))
}

/// `Tuesday`, `Tuesday morning`, `Monday night`, `Tuesday, Sept. 13, 2022`.
fn weekday_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let (d, full) = weekday_key(w, i)?;
    // "Tuesday, Sept. 13": the calendar date says it all
    let k = if w.lw(i + 1) == "," { i + 2 } else { i + 1 };
    if let Some(mut m) = month_date_at(w, k) {
        if m.value.as_deref().is_some_and(|v| v.len() >= 10) {
            m.tokens.start = i;
            return Some(m);
        }
    }
    if !full {
        // an abbreviation counts only next to another date part
        return None;
    }
    let value = format!("XXXX-WXX-{d}");
    if let Some(code) = lx.part.get(w.lw(i + 1)) {
        return Some(mk(
            i..i + 2,
            DateKind::Time,
            Some(format!("{value}T{code}")),
        ));
    }
    date(i..i + 1, value)
}

/// `today`, `yesterday morning`, `overnight`, `last night`, `noon`, `the next day`.
fn rel_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let (len, &(value, kind)) = w.longest(i, &lx.rel)?;
    let mut end = i + len;
    let mut value = value.to_string();
    let mut kind = if kind == 'T' {
        DateKind::Time
    } else {
        DateKind::Date
    };
    let duration = value.rsplit('_').next().unwrap_or("");
    if duration == "P1D" {
        if let Some(code) = lx.part.get(w.lw(end)) {
            value = format!("{value}T{code}");
            kind = DateKind::Time;
            end += 1;
        }
    }
    Some(mk(i..end, kind, Some(value)))
}

/// `last month`, `next week`, `this year`, `earlier this year`, `this morning`,
/// `last Tuesday`, `last September`, `last summer`.
fn dir_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let mut k = i;
    if matches!(w.lw(k), "earlier" | "later") && w.lw(k + 1) == "this" {
        k += 1;
    }
    let dir = *lx.dir.get(w.lw(k))?;
    // "the last year of the war", "the past two years": not a date
    let prev = i.checked_sub(1).map(|p| w.lw(p)).unwrap_or("");
    if matches!(
        prev,
        "the" | "its" | "their" | "his" | "her" | "our" | "'s" | "a"
    ) {
        return None;
    }
    let next = w.lw(k + 1);
    if let Some(code) = lx.period.get(next) {
        if matches!(*code, "H" | "MIN") || next.ends_with('s') {
            return None;
        }
        return date(i..k + 2, format!("{dir}_P1{code}"));
    }
    if let Some(code) = lx.part.get(next) {
        if dir == "FUTURE" && w.lw(k) == "coming" {
            return None;
        }
        return Some(mk(
            i..k + 2,
            DateKind::Time,
            Some(format!("{dir}_P1DT{code}")),
        ));
    }
    if let Some((d, true)) = weekday_key(w, k + 1) {
        return date(i..k + 2, format!("XXXX-WXX-{d}"));
    }
    if let Some((m, _)) = month_at(w, k + 1, lx) {
        return date(i..k + 2, format!("XXXX-{m:02}"));
    }
    if let Some(code) = lx.season.get(next) {
        return date(i..k + 2, format!("XXXX-{code}"));
    }
    None
}

/// `two years ago`, `a year ago`, `30 years before`, `decades ago`, `two hours later`.
fn ago_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let t = w.lw(i);
    let (amount, k) = if t == "a" && matches!(w.lw(i + 1), "few" | "couple") {
        (
            "X".to_string(),
            if w.lw(i + 2) == "of" { i + 3 } else { i + 2 },
        )
    } else if matches!(t, "a" | "an" | "one") {
        ("1".to_string(), i + 1)
    } else if matches!(t, "several" | "many" | "few" | "some") {
        ("X".to_string(), i + 1)
    } else if lx.period.contains_key(t) && t.ends_with('s') {
        ("X".to_string(), i)
    } else {
        let n = numeral_at(w, i)?;
        if n.span.is_some() || n.tail.is_some() || n.currency.is_some() || n.percent {
            return None;
        }
        let v = n.value;
        let s = if v.fract() == 0.0 && v < 1e9 {
            format!("{}", v as u64)
        } else {
            format!("{v}")
        };
        (s, n.end)
    };
    let code = *lx.period.get(w.lw(k))?;
    let (len, dir) = w.longest(k + 1, &lx.anchor)?;
    let end = k + 1 + len;
    if w.lw(k + 1) == "on" && !(end >= w.len() || w.is_punct(end)) {
        return None;
    }
    let (dur, kind) = match code {
        "H" => (format!("PT{amount}H"), DateKind::Time),
        "MIN" => (format!("PT{amount}M"), DateKind::Time),
        c => (format!("P{amount}{c}"), DateKind::Date),
    };
    Some(mk(i..end, kind, Some(format!("{dir}_{dur}"))))
}

/// Start after an optional "the" and an optional early/mid/late: (index, modifier).
fn the_and_mod(w: &Words, i: usize) -> (usize, Option<&'static str>) {
    let mut k = i;
    if w.lw(k) == "the" {
        k += 1;
    }
    let m = match w.lw(k) {
        "early" => Some("START"),
        "mid" => Some("MID"),
        "late" => Some("END"),
        _ => None,
    };
    if m.is_some() {
        k += 1;
    }
    (k, m)
}

/// `the 1980s`, `the early 1990s`, `mid-1990s`, `the '90s`, `the 90s`.
fn decade_at(w: &Words, i: usize) -> Option<M> {
    let (k, mut modifier) = the_and_mod(w, i);
    let mut t = w.lw(k);
    if let Some(rest) = t.strip_prefix("mid-") {
        t = rest;
        modifier = Some("MID");
    }
    let core = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix('s'))?
        .trim_start_matches('\'');
    let digits = if core.len() == 4 && all_digits(core) && core.ends_with('0') {
        core.to_string()
    } else if core.len() == 2 && all_digits(core) && core.ends_with('0') {
        // "the '90s", "the 90s": twentieth century
        if !(t.starts_with('\'') || w.lw(i) == "the") {
            return None;
        }
        format!("19{core}")
    } else {
        return None;
    };
    let value = format!("{}X", &digits[..3]);
    let mut m = mk(i..k + 1, DateKind::Date, Some(value));
    m.modifier = modifier;
    Some(m)
}

/// `the 19th century`, `the early 20th century`, `the twenty-first century`.
fn century_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let (k, modifier) = the_and_mod(w, i);
    let t = w.lw(k);
    let n = lx
        .ordinal
        .get(t)
        .copied()
        .or_else(|| day_num(t).filter(|_| !all_digits(t)))?;
    if !matches!(w.lw(k + 1), "century" | "centuries") || n == 0 || n > 21 {
        return None;
    }
    let mut m = mk(i..k + 2, DateKind::Date, Some(format!("{:02}XX", n - 1)));
    m.modifier = modifier;
    Some(m)
}

/// `summer 2020`, `the summer of 2020`, `the summer`, `last winter` (via [`dir_at`]).
fn season_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let (k, modifier) = the_and_mod(w, i);
    let t = w.lw(k);
    let code = lx.season.get(t)?;
    let (end, y) = year_after(w, k + 1);
    let value = match y {
        Some(y) => format!("{y:04}-{code}"),
        None => {
            // "the summer" needs its "the"; "fall" needs a year (it is also a verb)
            if w.lw(i) != "the" || t == "fall" || matches!(w.lw(k + 1), "of") {
                return None;
            }
            format!("XXXX-{code}")
        }
    };
    let mut m = mk(i..end, DateKind::Date, Some(value));
    m.modifier = modifier;
    Some(m)
}

/// `the first quarter of 2020`, `Q1 2020`, `the second half of 2021`.
fn quarter_at(w: &Words, i: usize) -> Option<M> {
    let lx = lexicon();
    let t = w.lw(i);
    // "Q1 2020", "H2 2021"
    if t.len() == 2 && (t.starts_with('q') || t.starts_with('h')) {
        let n = t[1..].parse::<u32>().ok()?;
        let (code, max) = if t.starts_with('q') {
            ("Q", 4)
        } else {
            ("H", 2)
        };
        if !(1..=max).contains(&n) {
            return None;
        }
        let (end, y) = year_after(w, i + 1);
        let y = y?;
        return date(i..end, format!("{y:04}-{code}{n}"));
    }
    let k = if t == "the" { i + 1 } else { i };
    let o = lx
        .ordinal
        .get(w.lw(k))
        .copied()
        .or_else(|| day_num(w.lw(k)).filter(|_| !all_digits(w.lw(k))))?;
    let code = *lx.quarter.get(w.lw(k + 1))?;
    let max = if code == "Q" { 4 } else { 2 };
    if !(1..=max).contains(&o) {
        return None;
    }
    let (end, y) = year_after(w, k + 2);
    let y = y?;
    date(i..end, format!("{y:04}-{code}{o}"))
}

/// `2020`, `mid-2020`, `1988 - 1994`, `from 1988 to 1994`, `between 1988 and 1994`.
fn year_at(w: &Words, i: usize) -> Option<M> {
    let t = w.lw(i);
    if let Some(rest) = t.strip_prefix("mid-") {
        let y = year_num(rest)?;
        let mut m = mk(i..i + 1, DateKind::Date, Some(format!("{y:04}")));
        m.modifier = Some("MID");
        return Some(m);
    }
    let y = year_num(t)?;
    if !year_ok(w, i, y) {
        return None;
    }
    // a span: "1988 - 1994", "1988 to 1994", "between 1988 and 1994"
    let conn = w.lw(i + 1);
    let prev = i.checked_sub(1).map(|p| w.lw(p)).unwrap_or("");
    let joins = matches!(conn, "-" | "\u{2013}" | "\u{2014}" | "to" | "through")
        || (conn == "and" && prev == "between");
    if joins {
        if let Some(y2) = year_num(w.lw(i + 2)) {
            if y2 > y {
                return date(i..i + 3, format!("{y:04}/{y2:04}"));
            }
        }
    }
    date(i..i + 1, format!("{y:04}"))
}

// ---- joining a time to its day ---------------------------------------------------------------

/// The day-level part of a date value, without any part of the day: `XXXX-WXX-2TMO` →
/// `XXXX-WXX-2`. None for values that are not a single day.
fn day_part(v: &str) -> Option<&str> {
    let base = match v.rfind('T') {
        Some(p) if v[p + 1..].chars().all(|c| c.is_ascii_uppercase()) && v.len() - p == 3 => {
            &v[..p]
        }
        _ => v,
    };
    let b = base.as_bytes();
    let iso_day = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let weekday = base.starts_with("XXXX-WXX-") && base.len() == 10;
    let rel_day = base.ends_with("_P1D");
    (iso_day || weekday || rel_day).then_some(base)
}

/// A clock time with no day: `T09:00`, `T09:00Z`.
fn time_only(v: &str) -> bool {
    v.starts_with('T') && v[1..].starts_with(|c: char| c.is_ascii_digit())
}

fn merge(w: &Words, ms: Vec<M>) -> Vec<M> {
    let mut out: Vec<M> = Vec::new();
    for m in ms {
        if let Some(prev) = out.last_mut() {
            let gap_ok = (prev.tokens.end..m.tokens.start)
                .all(|g| matches!(w.lw(g), "on" | "at" | "," | "from"))
                && m.tokens.start - prev.tokens.end <= 1;
            let pv = prev.value.clone().unwrap_or_default();
            let mv = m.value.clone().unwrap_or_default();
            let joined = if !gap_ok {
                None
            } else if time_only(&pv) {
                day_part(&mv).map(|d| format!("{d}{pv}"))
            } else if time_only(&mv) {
                day_part(&pv).map(|d| format!("{d}{mv}"))
            } else {
                None
            };
            if let Some(v) = joined {
                prev.tokens.end = m.tokens.end;
                prev.value = Some(v);
                prev.kind = DateKind::Time;
                prev.modifier = prev.modifier.or(m.modifier);
                continue;
            }
        }
        out.push(m);
    }
    out
}
