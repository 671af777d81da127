//! Numerals: the number itself, before any qualifier or counted noun is looked at.
//!
//! Digits (`49`, `2,000`, `1.5`, `$5bn`, `5%`, `44-day`, `40-50`), words (`forty-nine`,
//! `two thousand`, `a dozen`, `half a million`), digits with a scale word (`1.2 million`) and
//! vague amounts (`thousands`, `tens of thousands`). Also used by the date rules for
//! "two years ago".

use super::lexicon::{lexicon, Lexicon};
use super::words::Words;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A numeral found at some token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Numeral {
    /// Sentence-relative token range.
    pub start: usize,
    pub end: usize,
    /// The number (for a vague amount, the low end; for a range, the low end).
    pub value: f64,
    /// Written precision: 1 for `49`, 0.1 for `1.5`, 1000 for `2,000`, 100000 for `1.2 million`.
    pub step: f64,
    /// Digits after the decimal point as written (for percentages).
    pub decimals: u32,
    /// A plain integer whose last digit is significant (`49`, `50`, `forty-nine`).
    pub exact_int: bool,
    /// The interval of a vague amount (`thousands` → [2000, 10000)) or a range (`40-50`).
    pub span: Option<(f64, f64)>,
    /// True for vague words (open upper end), false for written ranges.
    pub vague: bool,
    /// Currency symbol glued to the digits (`$5`) or standing just before them (`$ 5`, `USD 5`).
    pub currency: Option<&'static str>,
    /// A `%` glued to the digits.
    pub percent: bool,
    /// What follows a hyphen: `day` in `44-day`, `year-old` in `30-year-old`.
    pub tail: Option<String>,
    /// Written in words (`two`, `forty-nine`, `thousands`).
    pub words: bool,
    /// Written with a scale word or suffix (`million`, `bn`).
    pub scaled: bool,
    /// The scale applied (1 when none): 1e6 for `2 million`.
    pub factor: f64,
}

/// Digits as written: value, decimals, and whether the grouping was valid.
fn parse_digits(s: &str) -> Option<(f64, u32)> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 {
            return None;
        }
        for g in groups {
            if g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
        }
    }
    if !int.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let clean: String = s.chars().filter(|&c| c != ',').collect();
    let v = clean.parse::<f64>().ok().filter(|v| v.is_finite())?;
    Some((v, frac.map(|f| f.len() as u32).unwrap_or(0)))
}

/// Splits a token into (currency symbol, digits, rest): `us$5.2bn` → (USD, "5.2", "bn").
fn split_digit_token<'a>(
    lx: &Lexicon,
    t: &'a str,
) -> Option<(Option<&'static str>, &'a str, &'a str)> {
    let mut cur = None;
    let mut s = t;
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        let (sym, code) = lx.cursym.iter().find(|(sym, _)| {
            s.starts_with(sym) && s[sym.len()..].starts_with(|c: char| c.is_ascii_digit())
        })?;
        cur = Some(*code);
        s = &s[sym.len()..];
    }
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit()
            || ((c == ',' || c == '.') && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    Some((cur, &s[..end], &s[end..]))
}

/// A simple fraction written after a whole number: "1/2", "3/4", "½" (halves, thirds,
/// quarters and eighths, smaller than one; "9/11" is no fraction).
fn fraction(t: &str) -> Option<f64> {
    match t {
        "\u{bd}" => return Some(0.5),
        "\u{bc}" => return Some(0.25),
        "\u{be}" => return Some(0.75),
        _ => {}
    }
    let (a, b) = t.split_once('/')?;
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit());
    if !all_digits(a) || !all_digits(b) {
        return None;
    }
    let (num, den) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    (matches!(den, 2 | 3 | 4 | 8) && num >= 1 && num < den).then(|| f64::from(num) / f64::from(den))
}

/// `v` (written with `decimals` decimals) times `f`, without binary rounding noise for
/// power-of-ten scales: 65.4 billion is 654 × 10^8 exactly.
fn scaled(v: f64, decimals: u32, f: f64) -> f64 {
    let p = 10f64.powi(decimals as i32);
    let mantissa = (v * p).round();
    if decimals > 0 && f >= p && (mantissa - v * p).abs() < 1e-6 {
        mantissa * (f / p)
    } else {
        v * f
    }
}

/// Significant-digit step of an integer value: 10^k for k >= 2 trailing zeros, else 1.
fn round_step(v: f64) -> f64 {
    if v.fract() != 0.0 || !(100.0..=1e15).contains(&v) {
        return 1.0;
    }
    let mut n = v as u64;
    let mut step = 1.0;
    let mut k = 0;
    while n > 0 && n % 10 == 0 {
        n /= 10;
        step *= 10.0;
        k += 1;
    }
    if k >= 2 {
        step
    } else {
        1.0
    }
}

fn finish(mut n: Numeral) -> Numeral {
    if n.value.fract() == 0.0 && n.span.is_none() {
        let s = round_step(n.value);
        n.step = if s > 1.0 { s } else { n.step.min(1.0) };
        n.exact_int = s <= 1.0 && n.decimals == 0;
    } else {
        n.exact_int = false;
    }
    n
}

fn blank(start: usize) -> Numeral {
    Numeral {
        start,
        end: start + 1,
        value: 0.0,
        step: 1.0,
        decimals: 0,
        exact_int: false,
        span: None,
        vague: false,
        currency: None,
        percent: false,
        tail: None,
        words: false,
        scaled: false,
        factor: 1.0,
    }
}

/// A scale word at token `j`: `million`, `bn`, `dozen`, `hundred`.
fn scale_at(w: &Words, j: usize) -> Option<f64> {
    lexicon().scale.get(w.lw(j)).copied()
}

/// An ordinary token for the number and date rules: ASCII lower-case letters only ("said"),
/// or ASCII punctuation only (",", "--"): no digit, no capital, no letters joined by a hyphen
/// or an apostrophe.
pub(crate) fn ordinary(t: &str) -> bool {
    !t.is_empty()
        && (t.bytes().all(|b| b.is_ascii_lowercase())
            || t.bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_alphanumeric()))
}

/// The [`ordinary`] tokens a numeral can start with: a number word, the first word of a vague
/// amount, a currency code or symbol standing alone ("usd 5", "$ 5"), `a`, `an`, `half`. Any
/// other such token starts none (every other numeral needs a digit, and "forty-nine" is not
/// ordinary), so [`numeral_at`] turns it away at once.
pub(crate) fn word_starters() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let lx = lexicon();
        let mut set: FxHashSet<&'static str> = ["a", "an", "half"].into_iter().collect();
        set.extend(lx.card.keys().copied());
        set.extend(lx.vague.first_words());
        set.extend(lx.cursym.iter().map(|(sym, _)| *sym));
        set
    })
}

/// The numeral starting at token `i`, if any.
pub(crate) fn numeral_at(w: &Words, i: usize) -> Option<Numeral> {
    let lx = lexicon();
    if i >= w.len() {
        return None;
    }
    if ordinary(w.lw(i)) && !word_starters().contains(w.lw(i)) {
        return None;
    }
    // Vague amounts, longest phrase first ("hundreds of thousands" before "hundreds").
    if let Some((len, &(lo, hi))) = w.longest(i, &lx.vague) {
        let mut n = blank(i);
        n.end = i + len;
        n.value = lo;
        n.span = Some((lo, hi));
        n.vague = true;
        n.words = true;
        return Some(n);
    }
    // A currency symbol or code standing alone before the digits: "$ 5", "USD 5".
    let mut start_cur = None;
    let mut k = i;
    if let Some((_, code)) = lx.cursym.iter().find(|(s, _)| *s == w.lw(i)) {
        if w.lw(i + 1).starts_with(|c: char| c.is_ascii_digit()) {
            start_cur = Some(*code);
            k = i + 1;
        } else {
            return None;
        }
    }
    let t = w.lw(k);
    if let Some((cur, digits, rest)) = split_digit_token(lx, t) {
        let (v, decimals) = parse_digits(digits)?;
        let mut n = blank(i);
        n.end = k + 1;
        n.value = v;
        n.decimals = decimals;
        n.step = 10f64.powi(-(decimals as i32));
        n.currency = cur.or(start_cur);
        let next = w.lw(k + 1);
        if rest.is_empty() {
        } else if rest == "%" {
            n.percent = true;
        } else if rest == "m"
            && n.currency.is_none()
            && !(lx.head.contains_key(next) || next.len() > 3 && next.ends_with('s'))
        {
            // "fell about 600m down the face": metres, unless money ("€3m") or a plural or
            // counted noun follows ("5m people", "2m doses").
            n.tail = Some(rest.to_string());
        } else if let Some(f) = lx
            .suffix
            .get(rest)
            .or_else(|| lx.scale.get(rest).filter(|f| **f >= 1000.0))
        {
            n.value = scaled(v, decimals, *f);
            n.step *= f;
            n.scaled = true;
            n.factor = *f;
        } else if let Some(f) = fraction(rest).or_else(|| rest.strip_prefix('-').and_then(fraction))
        {
            // "2½", "2-1/2"
            n.value = v + f;
            n.step = n.step.min(f);
        } else if let Some(tail) = rest.strip_prefix('-') {
            if let Some((v2, d2)) = parse_digits(tail) {
                if v2 > v {
                    n.span = Some((v, v2));
                    n.decimals = n.decimals.max(d2);
                } else {
                    return None;
                }
            } else if tail.starts_with(|c: char| c.is_alphabetic()) {
                // "$400-million-a-year", "2-million-strong"
                let (first, rest) = tail.split_once('-').unwrap_or((tail, ""));
                match lx.scale.get(first).filter(|f| **f >= 1000.0) {
                    Some(f) => {
                        n.value = scaled(v, decimals, *f);
                        n.step *= f;
                        n.scaled = true;
                        n.factor = *f;
                        if !rest.is_empty() {
                            n.tail = Some(rest.to_string());
                        }
                    }
                    None => n.tail = Some(tail.to_string()),
                }
            } else {
                return None;
            }
        } else {
            // "1980s", "2nd", "9am", "5G": not a plain numeral.
            return None;
        }
        // "2 1/2 years"
        if rest.is_empty() && decimals == 0 {
            if let Some(f) = fraction(w.lw(n.end)) {
                n.value = v + f;
                n.step = f;
                n.end += 1;
                return Some(finish(n));
            }
        }
        // "2 million", "1.5 billion", "3 dozen"
        if rest.is_empty() {
            if let Some(f) = scale_at(w, n.end) {
                if f >= 12.0 {
                    n.value = scaled(v, decimals, f);
                    n.step *= f;
                    n.scaled = true;
                    n.factor = f;
                    n.end += 1;
                }
            }
        }
        return Some(finish(n));
    }
    if start_cur.is_some() {
        return None;
    }
    words_at(w, i)
}

/// A numeral written in words: "forty-nine", "two thousand five hundred", "a dozen",
/// "half a million", "six-week" (tail "week").
fn words_at(w: &Words, i: usize) -> Option<Numeral> {
    let lx = lexicon();
    let mut n = blank(i);
    n.words = true;
    let mut j = i;
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut any = false;
    let mut last_scale = 1.0f64;
    // "a dozen", "a million", "half a million"
    if matches!(w.lw(i), "a" | "an") {
        let f = scale_at(w, i + 1)?;
        if w.lw(i + 1) == "hundred" || f >= 12.0 {
            cur = 1.0;
            any = true;
            j = i + 1;
        } else {
            return None;
        }
    } else if w.lw(i) == "half" && w.lw(i + 1) == "a" {
        let f = scale_at(w, i + 2)?;
        if f >= 1000.0 {
            n.value = 0.5 * f;
            n.end = i + 3;
            n.step = 0.1 * f;
            n.scaled = true;
            n.factor = f;
            return Some(finish(n));
        }
        return None;
    }
    while j < w.len() {
        let t = w.lw(j);
        let parts: Vec<&str> = t.split('-').collect();
        let mut used = 0;
        for p in &parts {
            if let Some(v) = lx.card.get(p) {
                // "forty nine": units after tens; a second tens word ends the number.
                if any && cur % 100.0 != 0.0 && (cur % 10.0 != 0.0 || *v >= 10.0) {
                    break;
                }
                cur += v;
                any = true;
                used += 1;
            } else if let Some(&f) = lx.scale.get(p) {
                if !any {
                    break;
                }
                if f == 100.0 || f == 12.0 {
                    cur = if cur == 0.0 { f } else { cur * f };
                } else {
                    total += if cur == 0.0 { f } else { cur * f };
                    cur = 0.0;
                }
                last_scale = f;
                n.scaled = f >= 1000.0;
                if f >= 1000.0 {
                    n.factor = f;
                }
                used += 1;
            } else {
                break;
            }
        }
        if used == 0 {
            // "one hundred and fifty"
            if t == "and" && any && last_scale >= 100.0 && lx.card.contains_key(w.lw(j + 1)) {
                j += 1;
                continue;
            }
            break;
        }
        j += 1;
        if used < parts.len() {
            // "six-week", "30-year-old": the rest is a compound tail.
            if parts[used].is_empty() {
                return None;
            }
            n.tail = Some(parts[used..].join("-"));
            break;
        }
    }
    if !any {
        return None;
    }
    n.value = total + cur;
    n.end = j;
    n.step = 1.0;
    Some(finish(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parsed = (f64, f64, usize, Option<String>, Option<&'static str>);

    fn parse(s: &str) -> Option<Parsed> {
        let toks: Vec<&str> = s.split(' ').collect();
        let w = Words::new(toks, 0);
        numeral_at(&w, 0).map(|n| (n.value, n.step, n.end, n.tail, n.currency))
    }

    #[test]
    fn table() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, Option<(f64, f64, usize, Option<&str>, Option<&str>)>)] = &[
            ("49", Some((49.0, 1.0, 1, None, None))),
            ("2,000 troops", Some((2000.0, 1000.0, 1, None, None))),
            ("6,000", Some((6000.0, 1000.0, 1, None, None))),
            ("1.5", Some((1.5, 0.1, 1, None, None))),
            ("1.2 million", Some((1_200_000.0, 100_000.0, 2, None, None))),
            ("$5 billion", Some((5e9, 1e9, 2, None, Some("USD")))),
            ("€3m", Some((3e6, 1e6, 1, None, Some("EUR")))),
            ("600m down", Some((600.0, 100.0, 1, Some("m"), None))),
            ("2 1/2 years", Some((2.5, 0.5, 2, None, None))),
            ("2-1/2 year", Some((2.5, 0.5, 1, None, None))),
            ("4\u{bd} hours", Some((4.5, 0.5, 1, None, None))),
            ("2 9/11", Some((2.0, 1.0, 1, None, None))),
            ("5m people", Some((5e6, 1e6, 1, None, None))),
            ("2m doses", Some((2e6, 1e6, 1, None, None))),
            ("US$2.5bn", Some((2.5e9, 1e8, 1, None, Some("USD")))),
            ("$ 40", Some((40.0, 1.0, 2, None, Some("USD")))),
            ("forty-nine", Some((49.0, 1.0, 1, None, None))),
            ("forty nine", Some((49.0, 1.0, 2, None, None))),
            ("two", Some((2.0, 1.0, 1, None, None))),
            ("two thousand", Some((2000.0, 1000.0, 2, None, None))),
            ("one hundred and fifty", Some((150.0, 1.0, 4, None, None))),
            ("a dozen", Some((12.0, 1.0, 2, None, None))),
            ("two dozen", Some((24.0, 1.0, 2, None, None))),
            (
                "half a million",
                Some((500_000.0, 100_000.0, 3, None, None)),
            ),
            ("six-week", Some((6.0, 1.0, 1, Some("week"), None))),
            ("44-day", Some((44.0, 1.0, 1, Some("day"), None))),
            ("30-year-old", Some((30.0, 1.0, 1, Some("year-old"), None))),
            ("thousands of", Some((2000.0, 1.0, 1, None, None))),
            ("tens of thousands", Some((10000.0, 1.0, 3, None, None))),
            ("1980s", None),
            ("2nd", None),
            ("1,5", None),
            ("second", None),
            ("a few", None),
            ("a", None),
            ("$", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = parse(input);
            let want = want.map(|(v, s, e, t, c)| (v, s, e, t.map(String::from), c));
            assert_eq!(got, want, "{input:?}");
        }
    }
}
