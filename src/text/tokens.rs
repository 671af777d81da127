//! Word tokens in the CoNLL-2003 convention the entity tagger was trained on.
//!
//! Punctuation is split from words (`(`, `,`, `"`), a possessive `'s` and a negation `n't` are
//! their own tokens, while abbreviations keep their periods (`U.S.`, `a.m.`, `Gen.`), numbers
//! keep their separators (`2,000`, `4:38:03`, `1.5`) and hyphenated compounds stay whole
//! (`Russian-led`, `44-day`). Dashes (`–`, `—`) are always tokens of their own.
//!
//! Unicode's word-boundary algorithm (UAX #29) is not used: it keeps `Russia's` whole and splits
//! `U.S.` from its final period, which is the opposite of what the tagger's training data does.

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Words that keep a final period (without it), from `data/lexicon/abbreviations.txt`.
pub fn abbreviations() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/lexicon/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Is `word` (without its final period) an abbreviation: a listed one, a single letter, or a
/// dotted initialism such as `U.S` or `a.m`?
pub fn is_abbreviation(word: &str) -> bool {
    if abbreviations().contains(word) {
        return true;
    }
    // Headlines in capitals: "ST." is "St.", "GEN." is "Gen.".
    if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
        let title: String = word
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() })
            .collect();
        if abbreviations().contains(title.as_str()) {
            return true;
        }
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            word.contains('.')
                && word.split('.').all(|p| {
                    p.chars().count() <= 2 && p.chars().all(char::is_alphabetic) && !p.is_empty()
                })
        }
    }
}

const OPENERS: &[char] = &[
    '"', '\u{201c}', '\u{2018}', '\u{201e}', '\u{ab}', '(', '[', '{', '\'', '*', '\u{2039}',
];
const CLOSERS: &[char] = &[
    '"', '\u{201d}', '\u{2019}', '\u{bb}', ')', ']', '}', ',', ';', ':', '!', '?', '\'', '*',
    '\u{203a}',
];
const DASHES: &[char] = &['\u{2013}', '\u{2014}', '\u{2012}', '\u{2015}'];

/// Splits `text[range]` into tokens, returned as byte ranges of `text`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let mut pos = 0;
    let mut first = true;
    for chunk in s.split(|c: char| c.is_whitespace()) {
        let start = range.start + pos;
        pos += chunk.len();
        // the separator is one whitespace char; find its width
        if let Some(c) = s[pos..].chars().next() {
            pos += c.len_utf8();
        }
        if chunk.is_empty() {
            continue;
        }
        // A list number opening the range ("1. Ingeborg Marken") is one token, not a sentence end.
        let list_number = first
            && chunk.len() <= 4
            && chunk.ends_with('.')
            && chunk[..chunk.len() - 1].chars().all(|c| c.is_ascii_digit())
            && chunk.len() > 1;
        if list_number {
            out.push(start..start + chunk.len());
        } else {
            split_chunk(text, start..start + chunk.len(), out);
        }
        first = false;
    }
}

/// Splits one whitespace-free chunk.
fn split_chunk(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let chunk = &text[range.clone()];
    // Most chunks are ASCII letters and digits only: no dash, no punctuation, no clitic, one
    // token.
    if !chunk.is_empty() && chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(range);
        return;
    }
    // Dashes inside a chunk separate words: "substantive–and".
    if let Some((i, d)) = chunk.char_indices().find(|(_, c)| DASHES.contains(c)) {
        let dash = range.start + i..range.start + i + d.len_utf8();
        if dash.start > range.start {
            split_chunk(text, range.start..dash.start, out);
        }
        out.push(dash.clone());
        if dash.end < range.end {
            split_chunk(text, dash.end..range.end, out);
        }
        return;
    }
    let (mut a, mut b) = (range.start, range.end);
    // Leading punctuation, one token per character.
    while a < b {
        let c = text[a..b].chars().next().unwrap_or(' ');
        if OPENERS.contains(&c) && (c != '\'' || !is_elision(&text[a..b])) {
            out.push(a..a + c.len_utf8());
            a += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected right to left at the end of `out`, then turned round and
    // moved behind the word's own pieces (no vector of its own).
    let tail_start = out.len();
    while a < b {
        let w = &text[a..b];
        if w.ends_with("...") && b - a > 3 {
            out.push(b - 3..b);
            b -= 3;
            continue;
        }
        let c = w.chars().next_back().unwrap_or(' ');
        let n = c.len_utf8();
        if c == '.' {
            let core = &text[a..b - 1];
            if core.is_empty() || !(is_abbreviation(core) || core.ends_with('.')) {
                out.push(b - 1..b);
                b -= 1;
                continue;
            }
            break;
        }
        if c == '\u{2026}' || (CLOSERS.contains(&c) && !(c == '\'' && w.len() == 1)) {
            out.push(b - n..b);
            b -= n;
            continue;
        }
        break;
    }
    out[tail_start..].reverse();
    let word_start = out.len();
    if a < b {
        split_word(text, a..b, out);
    }
    let word_len = out.len() - word_start;
    out[tail_start..].rotate_right(word_len);
}

/// `'90s`, `'em`: an apostrophe that belongs to the word.
fn is_elision(w: &str) -> bool {
    let rest = &w[1..];
    rest.starts_with(|c: char| c.is_ascii_digit())
        || matches!(rest.to_lowercase().as_str(), "em" | "tis" | "twas" | "n")
}

/// Splits clitics off a bare word: `Russia's` → `Russia` `'s`, `don't` → `do` `n't`.
fn split_word(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let w = &text[range.clone()];
    // The suffixes' letters are ASCII and no other character lower-cases to one of them, so
    // comparing the last bytes without ASCII case is the same as lower-casing the word first.
    let ends_with = |suffix: &str| {
        w.len() > suffix.len()
            && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    for suffix in ["n't", "n\u{2019}t"] {
        if ends_with(suffix) {
            let cut = range.end - suffix.len();
            out.push(range.start..cut);
            out.push(cut..range.end);
            return;
        }
    }
    for suffix in [
        "'s",
        "\u{2019}s",
        "'re",
        "\u{2019}re",
        "'ve",
        "\u{2019}ve",
        "'ll",
        "\u{2019}ll",
        "'d",
        "\u{2019}d",
        "'m",
        "\u{2019}m",
    ] {
        if ends_with(suffix) {
            let cut = range.end - suffix.len();
            out.push(range.start..cut);
            out.push(cut..range.end);
            return;
        }
    }
    out.push(range);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia\u{2019}s war", &["Russia", "\u{2019}s", "war"]),
            ("the U.S. and U.N.", &["the", "U.S.", "and", "U.N."]),
            ("at 9 a.m. local", &["at", "9", "a.m.", "local"]),
            ("Gen. Smith said.", &["Gen.", "Smith", "said", "."]),
            ("(CSTO), of", &["(", "CSTO", ")", ",", "of"]),
            (
                "\u{201c}It is,\u{201d} he",
                &["\u{201c}", "It", "is", ",", "\u{201d}", "he"],
            ),
            ("2,000 troops", &["2,000", "troops"]),
            ("Russian-led alliance", &["Russian-led", "alliance"]),
            ("a 44-day war", &["a", "44-day", "war"]),
            ("don't go", &["do", "n't", "go"]),
            ("peace\u{2013}and", &["peace", "\u{2013}", "and"]),
            ("\u{2013} As we", &["\u{2013}", "As", "we"]),
            ("in \u{2026}", &["in", "\u{2026}"]),
            ("wait...", &["wait", "..."]),
            ("Aug. 31", &["Aug.", "31"]),
            ("1.5 percent", &["1.5", "percent"]),
            ("the '90s", &["the", "'90s"]),
            ("\u{1f600}ok", &["\u{1f600}ok"]),
            (
                "1. Ingeborg Helen Marken",
                &["1.", "Ingeborg", "Helen", "Marken"],
            ),
            ("ST. LOUIS 1996-08-30", &["ST.", "LOUIS", "1996-08-30"]),
            ("in 2020. Then", &["in", "2020", ".", "Then"]),
        ];
        for &(input, want) in cases {
            assert_eq!(toks(input), want, "{input:?}");
        }
    }
}
