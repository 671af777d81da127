//! From numerals to figures: qualifier, kind, counted noun phrase, event, interval, and the
//! explicit "unknown" shapes. Works on one sentence with sentence-relative token indexes.

use super::lexicon::{lexicon, EventWord, Rel};
use super::numeral::{numeral_at, Numeral};
use super::words::Words;
use super::{Figure, NumKind};
use std::ops::Range;

/// Relative tolerance of "around", "about", "some", "an estimated": ±10 %.
pub const APPROX: f64 = 0.10;
/// Relative reach of "nearly", "almost", "close to" below the number: 10 %.
pub const NEAR: f64 = 0.10;
/// Reach of "just over" above the number: 10 %.
pub const JUST_OVER: f64 = 0.10;
/// Cap of the rounding tolerance of a round number ("2,000", "1.2 million"): 5 % of it.
pub const ROUND_CAP: f64 = 0.05;

struct Ctx<'a, 't> {
    w: &'a Words<'t>,
    mask: &'a [bool],
}

impl Ctx<'_, '_> {
    fn masked(&self, i: usize) -> bool {
        self.mask.get(i).copied().unwrap_or(false)
    }
    fn n(&self) -> usize {
        self.w.len()
    }
}

/// An interval with open or closed ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Interval {
    pub lo: f64,
    pub lo_open: bool,
    pub hi: f64,
    pub hi_open: bool,
}

impl Interval {
    fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            lo_open: false,
            hi,
            hi_open: false,
        }
    }
    fn around(v: f64, tol: f64) -> Interval {
        Interval {
            lo: v - tol,
            lo_open: tol > 0.0,
            hi: v + tol,
            hi_open: tol > 0.0,
        }
    }
}

/// All figures of a sentence. `mask[i]` is true for tokens that belong to a date or time.
pub(crate) fn figures(w: &Words, mask: &[bool]) -> Vec<Figure> {
    let cx = Ctx { w, mask };
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < cx.n() {
        if cx.masked(i) {
            i += 1;
            continue;
        }
        if let Some(f) = unknown_at(&cx, i).or_else(|| figure_at(&cx, i)) {
            i = f.tokens.end.max(i + 1);
            out.push(f);
            continue;
        }
        i += 1;
    }
    out
}

/// Is token `j` a word that can stand in a counted noun phrase?
fn np_word(cx: &Ctx, j: usize) -> bool {
    let lx = lexicon();
    let t = cx.w.lw(j);
    j < cx.n()
        && !cx.masked(j)
        && cx.w.is_word(j)
        && !lx.stop.contains(t)
        && !lx.card.contains_key(t)
        && !lx.scale.contains_key(t)
        && lx.event.get(t).is_none_or(|e| e.pos == 'N')
}

/// Looks like the end of a noun phrase: a known counted noun or a plural.
fn headish(t: &str) -> bool {
    lexicon().head.contains_key(t)
        || (t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us"))
}

/// The counted noun phrase starting at `j`: modifiers then a head, at most five words.
fn noun_phrase(cx: &Ctx, j: usize) -> Option<Range<usize>> {
    let lx = lexicon();
    let mut k = j;
    let mut end = j;
    let mut seen_lower = false;
    loop {
        // "combat and civilian deaths", "women and children"
        if k > j
            && k + 1 < cx.n()
            && k - j < 4
            && matches!(cx.w.lw(k), "and" | "or")
            && np_word(cx, k + 1)
            && !headish(cx.w.lw(k - 1))
        {
            k += 1;
        }
        // an event word before a counted noun describes it: "87 injured people"
        let modifier = |k: usize| {
            k + 1 < cx.n()
                && !cx.masked(k)
                && !cx.w.is_cap(k)
                && lx.event.get(cx.w.lw(k)).is_some_and(|e| e.pos != 'N')
                && lx.head.contains_key(cx.w.lw(k + 1))
        };
        if !(k < cx.n() && k - j < 6 && (np_word(cx, k) || modifier(k))) {
            break;
        }
        let t = cx.w.lw(k);
        let cap = cx.w.is_cap(k);
        if cap && seen_lower {
            break;
        }
        if modifier(k) {
            seen_lower = true;
            k += 1;
            continue;
        }
        if lx.event.contains_key(t) {
            // an event noun is the head: "49 deaths", "casualties"
            end = k + 1;
            break;
        }
        let participle = !cap
            && t.len() > 4
            && (t.ends_with("ed") || t.ends_with("ing"))
            && !lx.head.contains_key(t);
        if participle && !np_word(cx, k + 1) {
            break;
        }
        seen_lower |= !cap;
        end = k + 1;
        k += 1;
        if headish(t) && !(np_word(cx, k) && headish(cx.w.lw(k))) {
            break;
        }
    }
    (end > j).then_some(j..end)
}

/// A counted noun phrase for a number other than one ends at a plural or a known noun: cut
/// what follows ("11 because", "two well-known") and drop a phrase without such a head.
fn counted(cx: &Ctx, np: Range<usize>, singular_ok: bool) -> Option<Range<usize>> {
    if singular_ok {
        return Some(np);
    }
    let last = np
        .clone()
        .rev()
        .find(|&k| headish(cx.w.lw(k)) || event_of(cx.w.lw(k)).is_some())?;
    Some(np.start..last + 1)
}

/// The noun phrase after "of": "of peacekeepers", "of his country's soldiers", "of them", "of
/// its eight carriages" (the whole a part is counted of: its number is skipped).
/// Returns the phrase (None for a pronoun) and where the "of" part ends.
fn of_phrase(cx: &Ctx, j: usize) -> Option<(Option<Range<usize>>, usize)> {
    let w = cx.w;
    let mut k = j;
    if matches!(
        w.lw(k),
        "them" | "us" | "whom" | "which" | "those" | "these"
    ) {
        return Some((None, k + 1));
    }
    if matches!(
        w.lw(k),
        "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "these" | "those"
    ) {
        k += 1;
        // the whole a part is counted of: "five of its eight carriages", "two of the 12 crew"
        if let Some(n) = numeral_at(w, k).filter(|n| !n.vague) {
            k = n.end;
        }
    }
    // a possessor: "his country's soldiers", "Armenia's troops"
    let possessive = (k..(k + 4).min(cx.n()))
        .take_while(|&p| !(cx.masked(p) || (w.is_punct(p) && !matches!(w.lw(p), "'"))))
        .find(|&p| matches!(w.lw(p), "'s" | "'"));
    if let Some(p) = possessive {
        if noun_phrase(cx, p + 1).is_some() {
            k = p + 1;
        }
    }
    let np = noun_phrase(cx, k)?;
    let end = np.end;
    Some((Some(np), end))
}

fn event_of(t: &str) -> Option<&'static EventWord> {
    lexicon().event.get(t)
}

/// Does a numeral (possibly qualified) start at `j`?
fn number_starts(cx: &Ctx, j: usize) -> bool {
    let lx = lexicon();
    let k = j + cx.w.longest(j, &lx.qual).map(|(l, _)| l).unwrap_or(0);
    numeral_at(cx.w, k).is_some()
}

/// The event left of a figure starting at `start`: an active verb ("killed 49", "deployed
/// around 2,000") or a noun with a linking word ("the death toll rose to 49", "deaths of 49").
fn event_before(cx: &Ctx, start: usize) -> Option<&'static EventWord> {
    let lx = lexicon();
    let mut change: Option<&'static EventWord> = None;
    let mut j = start;
    let mut steps = 0;
    while j > 0 && steps < 6 {
        j -= 1;
        steps += 1;
        if cx.masked(j) {
            continue;
        }
        if cx.w.is_punct(j) {
            break;
        }
        let t = cx.w.lw(j);
        if let Some(e) = event_of(t) {
            if e.pos == 'A' || (e.pos == 'N' && j + 1 == start) {
                break;
            }
            if matches!(e.class, "rise" | "fall") {
                change.get_or_insert(e);
                continue;
            }
            return Some(e);
        }
        if lx.back.contains(t) {
            continue;
        }
        break;
    }
    change
}

/// The event right of a figure ending at `end`: a passive or intransitive verb, or an adjective
/// ("were killed", "died", "have been killed", "... dead").
fn event_after(cx: &Ctx, end: usize) -> Option<&'static EventWord> {
    let lx = lexicon();
    for j in end..(end + 10).min(cx.n()) {
        if cx.masked(j) {
            continue;
        }
        if cx.w.is_punct(j) {
            break;
        }
        let t = cx.w.lw(j);
        if lx.fwdstop.contains(t) && !(j == end && matches!(t, "who" | "that" | "which")) {
            break;
        }
        if let Some(e) = event_of(t) {
            if e.pos == 'N' {
                continue;
            }
            if number_starts(cx, j + 1) {
                // "... and killed 50": that verb has its own figure
                break;
            }
            return Some(e);
        }
    }
    None
}

/// For an unknown figure with nothing to go on: the nearest event word earlier in the sentence,
/// and the group after it ("deaths among Azerbaijani troops, without giving numbers").
fn event_in_context(cx: &Ctx, start: usize) -> Option<(&'static EventWord, Option<Range<usize>>)> {
    let mut j = start;
    while j > 0 {
        j -= 1;
        if cx.masked(j) {
            continue;
        }
        if let Some(e) = event_of(cx.w.lw(j)) {
            let group = if e.pos == 'N' && matches!(cx.w.lw(j + 1), "among" | "of") {
                of_phrase(cx, j + 2).and_then(|(np, _)| np)
            } else {
                None
            };
            return Some((e, group));
        }
    }
    None
}

/// The explicit unknowns: "an undisclosed number of Azeris", "did not disclose the number of
/// casualties", "without giving numbers", "gave no figures", "it is unclear how many".
fn unknown_at(cx: &Ctx, i: usize) -> Option<Figure> {
    let lx = lexicon();
    let w = cx.w;
    // (number tokens end, the noun-phrase start or None, modifiers range)
    let mut found: Option<(Range<usize>, Range<usize>, bool)> = None;
    // "an undisclosed number of", "unknown numbers of"
    let k = if matches!(w.lw(i), "a" | "an") {
        i + 1
    } else {
        i
    };
    if lx.unkadj.contains(w.lw(k))
        && matches!(
            w.lw(k + 1),
            "number" | "numbers" | "amount" | "toll" | "count"
        )
    {
        found = Some((i..k + 2, k + 1..k + 1, false));
    }
    // "did not (immediately) disclose (the/any/casualty) number(s)/figures/how many"
    if found.is_none() {
        let verb_at = if let Some((len, _)) = w.longest(i, &lx.unkneg) {
            let mut v = i + len;
            while matches!(
                w.lw(v),
                "immediately"
                    | "yet"
                    | "publicly"
                    | "officially"
                    | "also"
                    | "specifically"
                    | "exactly"
                    | "even"
            ) {
                v += 1;
            }
            lx.unkverb.contains(w.lw(v)).then_some((v + 1, false))
        } else if lx.unkverb.contains(w.lw(i)) && w.lw(i + 1) == "no" {
            // "gave no figures"
            Some((i + 2, true))
        } else {
            None
        };
        if let Some((mut m, _)) = verb_at {
            let mods_start = m;
            let mut steps = 0;
            while steps < 4 && m < cx.n() {
                if let Some((len, _)) = w.longest(m, &lx.unknoun) {
                    found = Some((i..m + len, mods_start..m, len == 2));
                    break;
                }
                let t = w.lw(m);
                let modifier = matches!(
                    t,
                    "the"
                        | "a"
                        | "an"
                        | "any"
                        | "exact"
                        | "precise"
                        | "official"
                        | "specific"
                        | "further"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "total"
                        | "overall"
                        | "final"
                        | "detailed"
                        | "death"
                        | "casualty"
                        | "no"
                ) || event_of(t).is_some_and(|e| e.pos == 'N');
                if !modifier {
                    break;
                }
                m += 1;
                steps += 1;
            }
        }
    }
    // "it is unclear how many"
    if found.is_none() {
        if let Some((len, _)) = w.longest(i, &lx.unkstate) {
            found = Some((i..i + len, i + len..i + len, true));
        }
    }
    let (number, mods, how_many) = found?;
    if number.clone().any(|t| cx.masked(t)) {
        return None;
    }
    let mut end = number.end;
    let mut np = None;
    if how_many || matches!(w.lw(end - 1), "many" | "much") {
        np = noun_phrase(cx, end);
    } else if w.lw(end) == "of" {
        if let Some((p, e)) = of_phrase(cx, end + 1) {
            np = p;
            end = e;
        }
    }
    if let Some(p) = &np {
        end = end.max(p.end);
    }
    let mut event = mods
        .clone()
        .find_map(|m| event_of(w.lw(m)).filter(|e| e.pos == 'N'));
    let mut unit = None;
    if let Some(p) = np.clone() {
        let head = w.lw(p.end - 1);
        if let Some(e) = event_of(head) {
            event = event.or(Some(e));
        } else {
            unit = Some(w.join(p));
        }
    }
    if event.is_none() {
        event = event_after(cx, end);
    }
    if event.is_none() {
        if let Some((e, group)) = event_in_context(cx, i) {
            event = Some(e);
            if unit.is_none() {
                unit = group
                    .filter(|g| event_of(w.lw(g.end - 1)).is_none())
                    .map(|g| w.join(g));
            }
        }
    }
    Some(Figure {
        tokens: i..end,
        number,
        kind: NumKind::Quantity,
        value: None,
        low: None,
        high: None,
        low_open: false,
        high_open: false,
        qualifier: None,
        unit,
        event: event.map(|e| e.lemma.to_string()),
        unknown: true,
    })
}

/// What a numeral measures, from a compound tail or the words after it.
enum Measured {
    Count,
    Duration(f64),
    Age(&'static str),
    Measure(&'static str),
    Strong,
}

fn tail_kind(tail: &str) -> Option<Measured> {
    let lx = lexicon();
    let parts: Vec<&str> = tail.split('-').collect();
    if lx.age.iter().any(|(p, _)| p.len() == 1 && p[0] == tail) {
        let unit = if tail.starts_with("month") {
            "months old"
        } else {
            "years old"
        };
        return Some(Measured::Age(unit));
    }
    if parts.len() == 1 {
        if let Some(d) = lx.dur.get(tail) {
            return Some(Measured::Duration(*d));
        }
        if let Some((_, m)) = lx
            .measure
            .iter()
            .find(|(p, _)| p.len() == 1 && p[0] == tail)
        {
            return Some(Measured::Measure(m.symbol));
        }
        if tail == "strong" {
            return Some(Measured::Strong);
        }
    }
    None
}

/// A figure starting at token `i` (with its qualifier, if one starts there).
fn figure_at(cx: &Ctx, i: usize) -> Option<Figure> {
    let lx = lexicon();
    let w = cx.w;
    let (qual, ns) = match w.longest(i, &lx.qual) {
        Some((len, &(name, rel))) => (Some((name, rel)), i + len),
        None => (None, i),
    };
    let num = numeral_at(w, ns)?;
    if (ns..num.end).any(|t| cx.masked(t)) {
        return None;
    }
    // a range: "40 to 50", "between 40 and 50", "two or three", "40 – 50"
    let mut number_end = num.end;
    let mut span = num.span;
    if span.is_none() && num.tail.is_none() && !num.percent {
        let conn = w.lw(num.end);
        let ok = match conn {
            "to" | "-" | "\u{2013}" | "\u{2014}" | "or" => true,
            "and" => matches!(qual, Some((_, Rel::Between))),
            _ => false,
        };
        if ok {
            if let Some(n2) = numeral_at(w, num.end + 1) {
                let masked = (num.end..n2.end).any(|t| cx.masked(t));
                let mut lo = num.value;
                if n2.scaled && !num.scaled && lo * n2.factor <= n2.value {
                    lo *= n2.factor;
                }
                if !masked
                    && n2.span.is_none()
                    && n2.tail.is_none()
                    && n2.value > lo
                    && (conn != "to" || n2.currency.is_none() || num.currency.is_some())
                {
                    span = Some((lo, n2.value));
                    number_end = n2.end;
                }
            }
        }
    }
    if matches!(qual, Some((_, Rel::Between))) && span.is_none() {
        return None;
    }
    let ranged = span.is_some() && !num.vague;
    let mut start = i;
    // Not a figure: a name ("Boeing 737", "Article 5"), "No. 5", a multiplier ("three times"),
    // an anaphoric small number ("the two sides").
    let prev = start.checked_sub(1);
    let plain_digits = !num.words && w.tw(ns).chars().all(|c| c.is_ascii_digit());
    // "Ground Zero", "Zero Hedge": a capitalised number word inside a name
    if qual.is_none() && num.words && w.is_cap(ns) {
        let next = w.lw(num.end);
        let name_next =
            w.is_cap(num.end) && w.is_word(num.end) && !headish(next) && event_of(next).is_none();
        let name_prev =
            prev.is_some_and(|p| w.is_cap(p) && w.is_word(p) && !lx.stop.contains(w.lw(p)));
        if name_next || name_prev {
            return None;
        }
    }
    if qual.is_none() {
        if let Some(p) = prev {
            let pt = w.lw(p);
            if matches!(pt, "no." | "nos." | "#" | "number" | "no") {
                return None;
            }
            let function_word =
                lx.stop.contains(pt) || lx.back.contains(pt) || event_of(pt).is_some();
            if plain_digits
                && (p > 0 || !function_word)
                && w.is_cap(p)
                && w.is_word(p)
                && num.tail.is_none()
                && !ranged
            {
                return None;
            }
            if lx.anaphor.contains(pt) && num.value <= 12.0 && !ranged && num.tail.is_none() {
                return None;
            }
        }
    }
    if w.lw(number_end) == "times" {
        return None;
    }
    // kind and unit
    let mut j = number_end;
    let mut kind = NumKind::Quantity;
    let mut unit: Option<String> = None;
    let mut currency = num.currency;
    if currency.is_none() && num.tail.is_none() {
        if let Some((len, code)) = w.longest(j, &lx.curword) {
            currency = Some(*code);
            j += len;
        } else if w.lw(j) == "pounds" && (num.scaled || w.lw(j + 1) == "sterling") {
            currency = Some("GBP");
            j += if w.lw(j + 1) == "sterling" { 2 } else { 1 };
        }
    }
    let mut measured = Measured::Count;
    if w.lw(j) == "of" && num.vague && currency.is_none() {
        // "millions of dollars", "hundreds of years", "hundreds of times"
        if let Some((len, code)) = w.longest(j + 1, &lx.curword) {
            currency = Some(*code);
            j += 1 + len;
        } else if let Some(d) = lx.dur.get(w.lw(j + 1)) {
            measured = Measured::Duration(*d);
            j += 2;
        } else if w.lw(j + 1) == "times" {
            return None;
        }
    }
    if let Some(code) = currency {
        kind = NumKind::Money;
        unit = Some(code.to_string());
    } else if num.percent {
        kind = NumKind::Percent;
        unit = Some("%".into());
    } else if let Some((len, u)) = w.longest(j, &lx.percent) {
        kind = NumKind::Percent;
        unit = Some((*u).to_string());
        j += len;
    } else if !matches!(measured, Measured::Count) {
    } else if let Some(tail) = &num.tail {
        measured = tail_kind(tail)?;
    } else if let Some((len, _)) = w.longest(j, &lx.age).filter(|(l, _)| *l >= 2) {
        let unit = if w.lw(j).starts_with("month") {
            "months old"
        } else {
            "years old"
        };
        measured = Measured::Age(unit);
        j += len;
    } else if let Some(d) = lx.dur.get(w.lw(j)) {
        measured = Measured::Duration(*d);
        j += 1;
    } else if let Some((len, m)) = w.longest(j, &lx.measure) {
        measured = Measured::Measure(m.symbol);
        j += len;
    } else if let Some(m) = start
        .checked_sub(1)
        .and_then(|p| lx.measure_before.get(w.lw(p)).copied())
    {
        // a scale named before its reading: "magnitude 6.4"
        measured = Measured::Measure(m);
        start -= 1;
    }
    // "Eric Allen Kirkpatrick, 61, of Vancouver": digits set off by commas after a name, with
    // nothing counted after them, are the person's age; the figure starts at the name's last
    // word, which says whose age it is.
    if matches!(measured, Measured::Count)
        && kind == NumKind::Quantity
        && qual.is_none()
        && !ranged
        && plain_digits
        && num.tail.is_none()
        && (1.0..=110.0).contains(&num.value)
        && matches!(w.lw(number_end), "," | "." | ")" | ";" | "of" | "and" | "")
    {
        if let Some(p) = prev.filter(|&p| p >= 1 && w.lw(p) == ",") {
            // "The driver, 47, was arrested": a singular person noun counts as the name.
            let person = lx
                .head
                .get(w.lw(p - 1))
                .is_some_and(|h| h.superclass == "person" && h.lemma == w.lw(p - 1));
            if (person || w.is_cap(p - 1)) && w.is_word(p - 1) && !lx.stop.contains(w.lw(p - 1)) {
                measured = Measured::Age("years old");
                start = p - 1;
            }
        }
    }
    let mut event: Option<String> = None;
    let mut own_event: Option<&'static EventWord> = None;
    match measured {
        Measured::Count if kind == NumKind::Quantity => {
            let singular_ok = num.value == 1.0 && !ranged && !num.vague;
            let np = if w.lw(j) == "of" {
                of_phrase(cx, j + 1).map(|(p, e)| match p {
                    Some(p) => {
                        let c = counted(cx, p, singular_ok);
                        let e = c.as_ref().map(|c| c.end).unwrap_or(j);
                        (c, e)
                    }
                    None => (None, e),
                })
            } else {
                noun_phrase(cx, j)
                    .and_then(|p| counted(cx, p, singular_ok))
                    .map(|p| {
                        let e = p.end;
                        (Some(p), e)
                    })
            };
            if let Some((p, e)) = np {
                j = e;
                if let Some(p) = p {
                    let head = w.lw(p.end - 1);
                    if let Some(ev) = event_of(head) {
                        own_event = Some(ev);
                    } else {
                        // the event of "87 injured people" is the word before the noun
                        own_event = p.clone().find_map(|k| event_of(w.lw(k)));
                        unit = Some(w.join(p));
                    }
                }
            }
            // "one" is a figure only with a qualifier or a counted noun we know
            if num.words && num.value == 1.0 && !ranged && qual.is_none() {
                let known = unit.as_deref().is_some_and(|u| {
                    let head = u.rsplit(' ').next().unwrap_or("").to_lowercase();
                    lx.head.contains_key(head.as_str())
                }) || own_event.is_some();
                if !known || w.lw(number_end) == "of" {
                    return None;
                }
            }
        }
        Measured::Duration(_) => {
            unit = Some("day".into());
            if w.lw(j) == "of" && event_of(w.lw(j + 1)).is_some_and(|e| e.pos == 'N') {
                event = event_of(w.lw(j + 1)).map(|e| e.lemma.to_string());
                j += 2;
            } else if num.tail.is_some() {
                // "a 44-day war": the noun it modifies, when that is an event
                if let Some(p) = noun_phrase(cx, j) {
                    if let Some(k) = p
                        .clone()
                        .find(|&k| event_of(w.lw(k)).is_some_and(|e| e.pos == 'N'))
                    {
                        event = event_of(w.lw(k)).map(|e| e.lemma.to_string());
                        j = k + 1;
                    }
                }
            }
            // "one day", "one year" alone are idioms more often than durations
            if num.words && num.value == 1.0 && qual.is_none() && num.tail.is_none() {
                let prev = start.checked_sub(1).map(|p| w.lw(p)).unwrap_or("");
                if !matches!(
                    prev,
                    "for" | "in" | "within" | "after" | "over" | "during" | "than" | "of" | "about"
                ) {
                    return None;
                }
            }
        }
        Measured::Age(u) => {
            unit = Some(u.into());
            if num.tail.is_some() {
                if let Some(p) = noun_phrase(cx, j) {
                    j = p.end;
                }
            }
        }
        Measured::Measure(sym) => unit = Some(sym.into()),
        Measured::Strong => {
            if let Some(p) = noun_phrase(cx, j) {
                unit = Some(w.join(p.clone()));
                j = p.end;
            }
        }
        Measured::Count => {}
    }
    // A bare range is a score or a code ("6-3", "4-28", "408-8787") more often than a figure.
    if ranged && qual.is_none() && unit.is_none() && own_event.is_none() && event.is_none() {
        return None;
    }
    // interval
    let (value, iv) = interval(&num, span, &measured, kind, qual.map(|q| q.1));
    if !value.is_finite() {
        return None;
    }
    let mut fig = Figure {
        tokens: start..j,
        number: ns..number_end,
        kind,
        value: Some(value),
        low: Some(iv.lo),
        high: Some(iv.hi),
        low_open: iv.lo_open,
        high_open: iv.hi_open,
        qualifier: qual.map(|q| q.0),
        unit,
        event,
        unknown: false,
    };
    if fig.event.is_none() && !matches!(measured, Measured::Duration(_) | Measured::Age(_)) {
        let e = own_event
            .or_else(|| event_before(cx, start))
            .or_else(|| event_after(cx, fig.tokens.end));
        fig.event = e.map(|e| e.lemma.to_string());
    }
    Some(fig)
}

/// The value and the interval the text allows.
fn interval(
    num: &Numeral,
    span: Option<(f64, f64)>,
    measured: &Measured,
    kind: NumKind,
    rel: Option<Rel>,
) -> (f64, Interval) {
    let days = match measured {
        Measured::Duration(d) => *d,
        _ => 1.0,
    };
    let v = span.map(|s| s.0).unwrap_or(num.value) * days;
    let base = match span {
        Some((lo, hi)) if num.vague => Interval {
            lo: lo * days,
            lo_open: false,
            hi: hi * days,
            hi_open: true,
        },
        Some((lo, hi)) => Interval::closed(lo * days, hi * days),
        None => {
            let x = num.value;
            let tol = match (kind, measured) {
                (NumKind::Percent, _) => 0.5 * 10f64.powi(-(num.decimals as i32)),
                (_, Measured::Duration(_) | Measured::Measure(_)) => {
                    (0.5 * num.step).min((0.05 * x).max(0.5 * num.step.min(1.0)))
                }
                _ if num.exact_int => 0.0,
                _ => (0.5 * num.step).min(ROUND_CAP * x),
            };
            Interval::around(x * days, tol * days)
        }
    };
    let (lo, hi) = (
        span.map(|s| s.0).unwrap_or(num.value) * days,
        span.map(|s| s.1).unwrap_or(num.value) * days,
    );
    let iv = match rel {
        None | Some(Rel::Another) | Some(Rel::Between) => base,
        Some(Rel::Exact) if span.is_none() => Interval::closed(v, v),
        Some(Rel::Exact) => base,
        Some(Rel::Approx) => Interval {
            lo: base.lo.min((1.0 - APPROX) * lo),
            lo_open: false,
            hi: base.hi.max((1.0 + APPROX) * hi),
            hi_open: false,
        },
        Some(Rel::Ge) => Interval {
            lo,
            lo_open: false,
            hi: f64::INFINITY,
            hi_open: true,
        },
        Some(Rel::Gt) => Interval {
            lo,
            lo_open: true,
            hi: f64::INFINITY,
            hi_open: true,
        },
        Some(Rel::Over2) => Interval {
            lo,
            lo_open: true,
            hi: (1.0 + JUST_OVER) * hi,
            hi_open: false,
        },
        Some(Rel::Le) => Interval {
            lo: 0.0,
            lo_open: false,
            hi,
            hi_open: false,
        },
        Some(Rel::Lt) => Interval {
            lo: 0.0,
            lo_open: false,
            hi,
            hi_open: true,
        },
        Some(Rel::Near) => Interval::closed((1.0 - NEAR) * lo, hi),
    };
    (v, iv)
}
