//! Sentence boundaries inside a paragraph, decided on tokens.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes or brackets after
//! it) when the next token starts like a sentence: a capital, a digit or an opening quote.
//! Abbreviations keep their period inside the token (see [`super::tokens`]), so `Gen. Smith`
//! and `U.S. officials` never split; a dotted initialism ends a sentence only when a word that
//! typically opens one follows (`… the U.S. The talks …`).

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

/// Splits the tokens of one paragraph into sentences: ranges of token indexes.
pub fn split(text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
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
}
