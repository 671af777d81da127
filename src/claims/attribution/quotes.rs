//! Quoted stretches of a paragraph, found on characters so that messy marks still pair up.
//!
//! Double quotes are paired first: curly `“ ”`, low `„`, guillemets `« »`, straight `"` and the
//! two-apostrophe digraph `''` (NYT style). A straight mark opens when no quote is open and it
//! is not glued to the end of a word, and closes otherwise. A closing curly mark met while no
//! quote is open and followed by a letter is read as a mistyped opener. A quote still open at
//! the end of the paragraph runs to the paragraph's end (`open_end`): news style leaves a quote
//! that continues into the next paragraph unclosed, and the next paragraph then opens with a
//! mark again.
//!
//! Single quotes (`‘ ’` and straight `'`) are quotes only outside double quotes (inside they are
//! nested quotes, part of the outer content): an opener at a word start followed by a letter,
//! paired with the next closer that is not between two letters (`Russia’s`, `don’t` are
//! apostrophes). An opener without a closer in the same paragraph is dropped, so a stray
//! apostrophe never swallows the rest of a paragraph.

use std::ops::Range;

/// One quoted stretch: byte range from the opening mark to the end of the closing mark (or to
/// the paragraph end when the closing mark is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub range: Range<usize>,
    /// Byte range of the opening mark.
    pub open_mark: Range<usize>,
    /// Byte range of the closing mark, if there is one.
    pub close_mark: Option<Range<usize>>,
    /// Double (`“ ” " '' « »`) rather than single (`‘ ’ '`).
    pub double: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Open,
    Close,
    Either,
}

struct Mark {
    at: Range<usize>,
    kind: Kind,
    double: bool,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// All quote marks of `text[range]`, classified by shape and neighbours.
fn marks(text: &str, range: Range<usize>) -> Vec<Mark> {
    let s = &text[range.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let at = range.start + off..range.start + off + c.len_utf8();
        match c {
            '\u{201c}' | '\u{201e}' | '\u{ab}' => out.push(Mark {
                at,
                kind: Kind::Open,
                double: true,
            }),
            '\u{201d}' | '\u{bb}' => out.push(Mark {
                at,
                kind: Kind::Close,
                double: true,
            }),
            '"' => out.push(Mark {
                at,
                kind: Kind::Either,
                double: true,
            }),
            '\'' if chars.get(i + 1).is_some_and(|&(_, n)| n == '\'') => {
                let end = at.end + 1;
                out.push(Mark {
                    at: at.start..end,
                    kind: Kind::Either,
                    double: true,
                });
                i += 2;
                continue;
            }
            '\u{2018}' | '\u{2019}' | '\'' => {
                let next = chars.get(i + 1).map(|&(_, n)| n);
                let kind = if is_word(prev) && is_word(next) {
                    None // apostrophe inside a word
                } else if !is_word(prev)
                    && prev.is_none_or(|p| !matches!(p, '.' | ',' | '!' | '?'))
                    && is_word(next)
                {
                    // word start: an opener unless it is an elision ('90s, 'em)
                    let rest: String = chars[i + 1..].iter().take(4).map(|&(_, c)| c).collect();
                    let elision = rest.starts_with(|c: char| c.is_ascii_digit())
                        || rest.to_lowercase().starts_with("em ")
                        || rest.to_lowercase().starts_with("til ");
                    (!elision && c != '\u{2019}').then_some(Kind::Open)
                } else if !is_word(next) && prev.is_some_and(|p| !p.is_whitespace()) {
                    Some(Kind::Close)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push(Mark {
                        at,
                        kind,
                        double: false,
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Quotes of one paragraph (`text[range]`), in text order, not overlapping.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quote> {
    let ms = marks(text, range.clone());
    let mut out: Vec<Quote> = Vec::new();
    // Double quotes.
    let mut open: Option<&Mark> = None;
    for m in ms.iter().filter(|m| m.double) {
        let next = text[m.at.end..range.end].chars().next();
        let prev = text[range.start..m.at.start].chars().next_back();
        match (open, m.kind) {
            (None, Kind::Open) => open = Some(m),
            (None, Kind::Either) => {
                // A straight mark glued to the end of a word with nothing after it is a stray
                // closer (its opener was lost); skip it.
                if !is_word(prev) || is_word(next) {
                    open = Some(m);
                }
            }
            (None, Kind::Close) => {
                if is_word(next) && !is_word(prev) {
                    open = Some(m);
                }
            }
            (Some(o), Kind::Close | Kind::Either) => {
                out.push(Quote {
                    range: o.at.start..m.at.end,
                    open_mark: o.at.clone(),
                    close_mark: Some(m.at.clone()),
                    double: true,
                });
                open = None;
            }
            (Some(o), Kind::Open) => {
                // A new opener while one is open: the first lost its closer. End it before the
                // new one (trimmed), and open again.
                let end = o.at.end + text[o.at.end..m.at.start].trim_end().len();
                out.push(Quote {
                    range: o.at.start..end,
                    open_mark: o.at.clone(),
                    close_mark: None,
                    double: true,
                });
                open = Some(m);
            }
        }
    }
    if let Some(o) = open {
        out.push(Quote {
            range: o.at.start..range.end,
            open_mark: o.at.clone(),
            close_mark: None,
            double: true,
        });
    }
    // Single quotes, outside double ones.
    let inside =
        |pos: usize, qs: &[Quote]| qs.iter().any(|q| q.range.start <= pos && pos < q.range.end);
    let singles: Vec<&Mark> = ms
        .iter()
        .filter(|m| !m.double && !inside(m.at.start, &out))
        .collect();
    let mut extra = Vec::new();
    let mut i = 0;
    while i < singles.len() {
        if singles[i].kind == Kind::Open {
            // the next closer, with no double quote starting in between
            let opener = singles[i];
            let closer = singles[i + 1..].iter().position(|m| m.kind == Kind::Close);
            if let Some(k) = closer {
                let c = singles[i + 1 + k];
                let crosses = out
                    .iter()
                    .any(|q| opener.at.start < q.range.start && q.range.start < c.at.start);
                if !crosses {
                    extra.push(Quote {
                        range: opener.at.start..c.at.end,
                        open_mark: opener.at.clone(),
                        close_mark: Some(c.at.clone()),
                        double: false,
                    });
                    i += k + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.extend(extra);
    out.sort_by_key(|q| q.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (paragraph, quoted stretches)
        let cases: &[(&str, &[&str])] = &[
            (
                "\u{201c}It is late,\u{201d} he said.",
                &["\u{201c}It is late,\u{201d}"],
            ),
            (
                "He said \"we go\" and \"they stay\".",
                &["\"we go\"", "\"they stay\""],
            ),
            (
                "''Anyone claiming that,'' Mr. Obama said.",
                &["''Anyone claiming that,''"],
            ),
            ("Russia\u{2019}s army won\u{2019}t stop, he said.", &[]),
            (
                "Sanders: \u{2018}We will win\u{2019} in Iowa",
                &["\u{2018}We will win\u{2019}"],
            ),
            (
                "John Bolton: 'Vote for Hillary - Not Indicted, Yet!'",
                &["'Vote for Hillary - Not Indicted, Yet!'"],
            ),
            (
                "\u{201c}The president is naturally making every effort",
                &["\u{201c}The president is naturally making every effort"],
            ),
            ("\u{ab}Nous\u{bb} dit-il", &["\u{ab}Nous\u{bb}"]),
            (
                "\u{201c}A is \u{2018}rattled\u{2019} now,\u{201d} she said.",
                &["\u{201c}A is \u{2018}rattled\u{2019} now,\u{201d}"],
            ),
            ("The Democrats' plan is 'bold' they said", &["'bold'"]),
            ("in the '90s it was fine", &[]),
            (
                "\u{201c}One. \u{201c}Two,\u{201d} he said.",
                &["\u{201c}One.", "\u{201c}Two,\u{201d}"],
            ),
        ];
        for &(p, want) in cases {
            let got: Vec<&str> = find(p, 0..p.len())
                .into_iter()
                .map(|q| &p[q.range])
                .collect();
            assert_eq!(got, want, "{p:?}");
        }
    }
}
