//! Sentence boundaries inside a paragraph, decided on tokens.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes or brackets after
//! it) when the next token starts like a sentence: a capital, a digit or an opening quote.
//! Abbreviations keep their period inside the token (see [`super::tokens`]), so `Gen. Smith`
//! and `U.S. officials` never split; a dotted initialism ends a sentence only when a word that
//! typically opens one follows (`… the U.S. The talks …`).
//!
//! A sentence is at most [`MAX_SENTENCE_TOKENS`] tokens: a longer run without sentence
//! punctuation (a page with its periods stripped, a list, a pasted table) is cut at its last
//! clause mark (`,` `;` `:` or a dash) in the second half of the window, else at the window's
//! end. Every later stage works per sentence and a claim repeats its sentence, so without the
//! cap one unpunctuated line made work and output grow with the square of its length. The
//! pipeline notes the cut in the report.

use std::ops::Range;

const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
];

fn is_terminal(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "\u{2026}" | "...")
}

fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]" | "\u{bb}"
    )
}

fn starts_sentence(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '(' | '\u{2013}' | '\u{2014}'
            )
    })
}

/// Most tokens in one sentence (news sentences stay well under 100).
pub const MAX_SENTENCE_TOKENS: usize = 120;

fn is_clause_mark(tok: &str) -> bool {
    matches!(tok, "," | ";" | ":" | "\u{2013}" | "\u{2014}" | "--")
}

/// Splits the tokens of one paragraph into sentences: ranges of token indexes, none longer than
/// [`MAX_SENTENCE_TOKENS`].
pub fn split(text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
    split_counted(text, tokens).0
}

/// [`split`], and how many sentences had to be cut for the length cap.
pub fn split_counted(text: &str, tokens: &[Range<usize>]) -> (Vec<Range<usize>>, usize) {
    let mut out = Vec::new();
    let mut cut = 0;
    for s in punctuated(text, tokens) {
        if s.len() <= MAX_SENTENCE_TOKENS {
            out.push(s);
            continue;
        }
        cut += 1;
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_TOKENS {
            let window = start + MAX_SENTENCE_TOKENS;
            let tok = |i: usize| text.get(tokens[i].clone()).unwrap_or("");
            // after the last clause mark in the second half of the window, else at its end;
            // never right after a word ending in a period (the attribution stage would join
            // the next piece back on as an abbreviation)
            let mut end = (start + MAX_SENTENCE_TOKENS / 2..window)
                .rev()
                .find(|&i| is_clause_mark(tok(i)))
                .map_or(window, |i| i + 1);
            while end > start + 1 && tok(end - 1).ends_with('.') {
                end -= 1;
            }
            out.push(start..end);
            start = end;
        }
        out.push(start..s.end);
    }
    (out, cut)
}

/// Sentences at sentence punctuation only, with no length cap.
fn punctuated(text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
    let tok = |i: usize| &text[tokens[i].clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tok(i);
        let dotted = t.len() > 2 && t.ends_with('.') && t[..t.len() - 1].contains('.');
        if is_terminal(t) || dotted {
            let mut end = i + 1;
            // A straight quote or apostrophe closes only when it touches the previous token;
            // after a space it opens the next sentence (`lawyer. "If …`).
            while end < tokens.len()
                && is_closer(tok(end))
                && (!matches!(tok(end), "\"" | "'") || tokens[end].start == tokens[end - 1].end)
            {
                end += 1;
            }
            let boundary = match end < tokens.len() {
                false => true,
                true if dotted => STARTERS.contains(&tok(end)),
                true => starts_sentence(tok(end)),
            };
            if boundary {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let mut toks = Vec::new();
        super::super::tokens::tokenize(s, 0..s.len(), &mut toks);
        split(s, &toks)
            .into_iter()
            .map(|r| s[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Gen. Smith spoke. Then he left.",
                &["Gen. Smith spoke.", "Then he left."],
            ),
            (
                "The U.S. Secretary spoke at 9 a.m. Tuesday.",
                &["The U.S. Secretary spoke at 9 a.m. Tuesday."],
            ),
            (
                "He met the U.S. The talks ended.",
                &["He met the U.S.", "The talks ended."],
            ),
            (
                "They met on Aug. 31 in Brussels.",
                &["They met on Aug. 31 in Brussels."],
            ),
            (
                "\u{201c}It is late.\u{201d} He left.",
                &["\u{201c}It is late.\u{201d}", "He left."],
            ),
            (
                "\u{201c}It is late,\u{201d} he said. \u{201c}We go.\u{201d}",
                &[
                    "\u{201c}It is late,\u{201d} he said.",
                    "\u{201c}We go.\u{201d}",
                ],
            ),
            ("Why? Because.", &["Why?", "Because."]),
            (
                "He is a lawyer. \"If we win, we go.\"",
                &["He is a lawyer.", "\"If we win, we go.\""],
            ),
            ("\"We go.\" He left.", &["\"We go.\"", "He left."]),
            (
                "It rose 1.5 percent. Then fell.",
                &["It rose 1.5 percent.", "Then fell."],
            ),
            ("no end", &["no end"]),
        ];
        for &(input, want) in cases {
            assert_eq!(sents(input), want, "{input:?}");
        }
    }

    /// Token counts of the sentences of `s`, and how many were cut.
    fn lengths(s: &str) -> (Vec<usize>, usize) {
        let mut toks = Vec::new();
        super::super::tokens::tokenize(s, 0..s.len(), &mut toks);
        let (out, cut) = split_counted(s, &toks);
        // the sentences tile the tokens
        assert_eq!(out.first().map(|r| r.start), Some(0));
        assert!(out.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(out.last().map(|r| r.end), Some(toks.len()));
        (out.iter().map(|r| r.len()).collect(), cut)
    }

    #[test]
    fn length_cap() {
        let words = |n: usize, sep: &str| vec!["word"; n].join(sep);
        let cases: Vec<(String, Vec<usize>, usize)> = vec![
            // exactly at the cap: untouched
            (
                words(MAX_SENTENCE_TOKENS, " "),
                vec![MAX_SENTENCE_TOKENS],
                0,
            ),
            // no clause marks: fixed-length pieces
            (words(250, " "), vec![120, 120, 10], 1),
            // a comma every 10 words (19 tokens per "word ×10 ,"): cut after the last comma
            // in the window's second half
            (vec![words(10, " "); 30].join(" , "), vec![110, 110, 109], 1),
            // never right after a word with a period
            (
                format!("{} a. {}", words(119, " "), words(10, " ")),
                vec![119, 11],
                1,
            ),
            // punctuated sentences are not touched
            (
                format!("{}. Then {}.", words(50, " "), words(49, " ")),
                vec![51, 51],
                0,
            ),
        ];
        for (input, want, cuts) in cases {
            let (got, n) = lengths(&input);
            assert!(got.iter().all(|&l| l <= MAX_SENTENCE_TOKENS), "{got:?}");
            assert_eq!(n, cuts, "{}", &input[..40]);
            assert_eq!(got, want, "{}", &input[..40]);
        }
    }
}
