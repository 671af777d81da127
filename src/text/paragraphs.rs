//! Paragraphs, the title line, and the page furniture that is not article text.
//!
//! Articles arrive as pasted or extracted text: one paragraph per line (sometimes blank lines
//! between), a headline at the top, and whatever the site wrapped around the story — section
//! kickers, bylines, "Font Size:", photo credits, "Check Also" teasers, comment prompts and
//! syndication blurbs. Names in that furniture are not part of the story, so it is classified
//! here and kept out of every later stage.
//!
//! The rules are deliberately shape-based (short line, no closing punctuation, a credit or role
//! word) plus a phrase list in `data/lexicon/boilerplate.txt`, so they hold for any site rather
//! than for the sample articles.

use std::ops::Range;
use std::sync::OnceLock;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The headline.
    Title,
    /// Article prose: analysed for entities and claims.
    Body,
    /// A short line without closing punctuation inside the article (section heading, dateline,
    /// standalone name): analysed for entities, not for claims.
    Heading,
    /// Kept out of the analysis; the string says why (`byline`, `credit`, `teaser`, …).
    Boilerplate(&'static str),
}

/// One paragraph: a byte range of the text and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range, trimmed of surrounding whitespace. May span several lines when a hard-wrapped
    /// paragraph was joined.
    pub range: Range<usize>,
    /// What it is.
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Line,
    Start,
    Contains,
    Marker,
    /// Not a paragraph rule: a word that ends a photo caption's credit (an agency).
    Agency,
}

struct Rule {
    kind: &'static str,
    how: Match,
    phrase: String,
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        include_str!("../../data/lexicon/boilerplate.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let kind = match parts.next()? {
                    "comments" => "comments",
                    "chrome" => "chrome",
                    "teaser" => "teaser",
                    "credit" => "credit",
                    "syndication" => "syndication",
                    "byline" => "byline",
                    _ => return None,
                };
                let how = match parts.next()? {
                    "line" => Match::Line,
                    "start" => Match::Start,
                    "contains" => Match::Contains,
                    "marker" => Match::Marker,
                    "agency" => Match::Agency,
                    _ => return None,
                };
                Some(Rule {
                    kind,
                    how,
                    phrase: parts.next()?.to_lowercase(),
                })
            })
            .collect()
    })
}

/// Words naming a journalist's job, which make a short unpunctuated line a byline.
const BYLINE_ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "journalist",
    "producer",
    "staff",
    "bureau",
];

/// Labels that open a teaser inside a paragraph: "(RELATED: Europe Begs …)".
const INLINE_TEASERS: &[&str] = &[
    "related",
    "read more",
    "read also",
    "also read",
    "see also",
    "more",
    "watch",
    "listen",
    "recommended",
];

/// Teasers inside a paragraph, as byte ranges: a parenthesis or bracket that opens with a teaser
/// label and a colon ("(RELATED: …)", "[Read more: …]"), up to its closing mark.
pub fn inline_teasers(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let p = &text[range.clone()];
    for (i, open) in p.char_indices().filter(|(_, c)| matches!(c, '(' | '[')) {
        let close = if open == '(' { ')' } else { ']' };
        let after = &p[i + 1..];
        let Some(colon) = after.find(':') else {
            continue;
        };
        let label = after[..colon].trim().to_lowercase();
        if !INLINE_TEASERS.contains(&label.as_str()) {
            continue;
        }
        if let Some(end) = after.find(close) {
            out.push(range.start + i..range.start + i + 1 + end + 1);
        }
    }
    out
}

/// Splits `text` into paragraphs and gives each a role.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for line in lines(text) {
        // A hard-wrapped paragraph: the previous line runs on into a lowercase continuation.
        if let Some(prev) = out.last_mut() {
            let prev_text = &text[prev.range.clone()];
            let starts_lower = text[line.clone()]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase());
            if starts_lower && !ends_closed(prev_text) && prev_text.chars().count() > 40 {
                prev.range.end = line.end;
                continue;
            }
        }
        out.push(Paragraph {
            range: line,
            role: Role::Body,
        });
    }
    classify(text, &mut out);
    out
}

/// Non-blank lines as trimmed byte ranges.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    text.split('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len() + 1;
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
    })
}

/// Does the paragraph end like a sentence (closing punctuation, possibly inside quotes)?
pub fn ends_closed(p: &str) -> bool {
    let t = p.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', '\u{bb}', ')', ']', '*']);
    t.ends_with(['.', '!', '?', '\u{2026}']) || (t.len() < p.len() && t.ends_with(','))
}

fn word_count(p: &str) -> usize {
    p.split_whitespace().count()
}

fn classify(text: &str, paras: &mut [Paragraph]) {
    let mut in_teaser = false;
    for p in paras.iter_mut() {
        let s = &text[p.range.clone()];
        let lower = s.to_lowercase();
        let key = lower.trim_end_matches([':', ' ']).trim();
        let words = word_count(s);
        let closed = ends_closed(s);

        if let Some(rule) = matching_rule(key, &lower, s, words) {
            in_teaser = rule.how == Match::Marker;
            p.role = Role::Boilerplate(rule.kind);
            continue;
        }
        if in_teaser {
            let teaser_like =
                !closed || s.ends_with('\u{2026}') || s.ends_with("...") || words <= 12;
            if teaser_like {
                p.role = Role::Boilerplate("teaser");
                continue;
            }
            in_teaser = false;
        }
        if !closed && words <= 10 && has_word(&lower, BYLINE_ROLES) {
            p.role = Role::Boilerplate("byline");
        } else if !closed && words <= 8 && has_word(&lower, &["logo"]) {
            p.role = Role::Boilerplate("chrome");
        } else if !closed && words <= 40 && is_credit(s) {
            p.role = Role::Boilerplate("credit");
        } else if (!closed && words < 12) || words <= 3 {
            // Long lines without closing punctuation are prose (a quote signed "― Name", a
            // sentence that lost its period), not headings.
            p.role = Role::Heading;
        }
    }
    pick_title(text, paras);
}

fn matching_rule<'r>(key: &str, lower: &str, original: &str, words: usize) -> Option<&'r Rule> {
    rules().iter().find(|r| {
        let short = words <= 25;
        match r.how {
            Match::Line | Match::Marker => key == r.phrase,
            Match::Start => {
                // "By" bylines and "Photo:" credits are short; syndication notes may be long.
                (short || r.kind == "syndication" || r.kind == "comments")
                    && lower.starts_with(&r.phrase)
                    && (r.kind != "byline"
                        || (words <= 8 && names_follow(original, r.phrase.len())))
            }
            Match::Contains => words <= 90 && lower.contains(&r.phrase),
            Match::Agency => false,
        }
    })
}

/// After a byline's "By ", only names: capitalised words, joined by "and" or commas ("By Jane
/// Doe and John Roe"), not a sentence ("By stumps Kent had reached 108").
fn names_follow(original: &str, from: usize) -> bool {
    let rest = original.get(from..).unwrap_or("");
    !ends_closed(rest)
        && rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && !matches!(*w, "and" | "&" | "|" | "-" | "\u{2013}"))
            .all(|w| w.starts_with(char::is_uppercase))
}

fn has_word(lower: &str, set: &[&str]) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| set.contains(&w))
}

/// Is `word` (any case) one that ends a photo credit: an agency or "photo", "images"
/// (`credit<TAB>agency` lines of `data/lexicon/boilerplate.txt`)?
pub fn is_credit_agency(word: &str) -> bool {
    let w = word.to_lowercase();
    rules()
        .iter()
        .any(|r| r.how == Match::Agency && r.phrase == w)
}

/// A caption credit: "… Resul Rehimov / Abaca / PAP", "…KarabakhReuters Archive",
/// "Reuters/Antara", "AFP/Getty Images".
fn is_credit(s: &str) -> bool {
    let b = s.as_bytes();
    let slashes = s.matches(" / ").count()
        + (1..b.len().saturating_sub(1))
            .filter(|&i| {
                b[i] == b'/' && b[i - 1].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic()
            })
            .count();
    let last_words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let ends_with_credit = last_words.iter().any(|w| is_credit_agency(w));
    // A caption glued to its credit: a lowercase letter directly followed by a capital that
    // starts the credit ("KarabakhReuters").
    let glued = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        && ends_with_credit;
    (slashes >= 1 && ends_with_credit) || glued
}

/// Is `line` in title case ("War Breaks Out Again Between Azerbaijan And Armenia"): at least
/// four words, seven in ten of them capitalised? All-capital lines are not title case.
pub fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
        .count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 7
}

/// The headline: the longest short line before the first body paragraph. Only the first few
/// paragraphs are considered, a long first paragraph means the text has no headline, and a
/// line with no body text after it is not one.
fn pick_title(text: &str, paras: &mut [Paragraph]) {
    let first_body = paras
        .iter()
        .position(|p| {
            let s = &text[p.range.clone()];
            // A title-case line is a headline however long and however it ends.
            p.role == Role::Body && word_count(s) >= 12 && ends_closed(s) && !is_title_case(s)
        })
        .unwrap_or(paras.len());
    let best = paras[..first_body.min(6)]
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.role, Role::Body | Role::Heading))
        // A headline heads something: a one-line paste is body text, not a title.
        .filter(|(i, _)| paras[i + 1..].iter().any(|p| p.role == Role::Body))
        .map(|(i, p)| (i, &text[p.range.clone()]))
        .filter(|(_, s)| (2..=30).contains(&word_count(s)))
        // Headlines usually lack a final period: an open line counts as two words more.
        .map(|(i, s)| (i, word_count(s) + if ends_closed(s) { 0 } else { 2 }))
        .max_by_key(|&(i, w)| (w, std::cmp::Reverse(i)));
    if let Some((i, _)) = best {
        paras[i].role = Role::Title;
        // Short lines above the headline are section kickers ("National Security", "World");
        // a line with a digit is a dateline ("LONDON 1996-08-30") and stays.
        for p in &mut paras[..i] {
            let line = &text[p.range.clone()];
            if p.role == Role::Heading
                && word_count(line) <= 4
                && !line.contains(|c: char| c.is_ascii_digit())
            {
                p.role = Role::Boilerplate("chrome");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, Role)> {
        paragraphs(text)
            .into_iter()
            .map(|p| (text[p.range].to_string(), p.role))
            .collect()
    }

    #[test]
    fn every_boilerplate_line_is_a_rule() {
        let lines = include_str!("../../data/lexicon/boilerplate.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(rules().len(), lines);
        assert!(is_credit_agency("Antara") && is_credit_agency("GETTY"));
        assert!(!is_credit_agency("Agency"));
    }

    #[test]
    fn table() {
        use Role::*;
        // (paragraph, role it must get when it stands after a title and a body paragraph)
        let cases: &[(&str, Role)] = &[
            ("Leave a Reply", Boilerplate("comments")),
            ("Your email address will not be published. Required fields are marked *", Boilerplate("comments")),
            ("Font Size:", Boilerplate("chrome")),
            ("Daily Caller News Foundation logo", Boilerplate("chrome")),
            ("Micaela Burrow Investigative Reporter, Defense", Boilerplate("byline")),
            ("By Jane Smith", Boilerplate("byline")),
            ("By stumps Kent had reached 108 for three.", Body),
            ("W D L G / F G / A P", Heading),
            ("Azerbaijani soldiers in Lachin (September 2022)Resul Rehimov / Abaca / PAP", Boilerplate("credit")),
            ("Armenia and Azerbaijan are engaged in a dispute over Nagorno-KarabakhReuters Archive", Boilerplate("credit")),
            ("Main photo source: Azerbaijan Ministry of Defense", Boilerplate("credit")),
            ("Reuters/Antara", Boilerplate("credit")),
            ("Rescuers search for survivors off Bali AFP/Getty Images", Boilerplate("credit")),
            ("Hamas/Fatah talks", Heading),
            ("Copyright 2022 The Example Times. All rights reserved.", Boilerplate("syndication")),
            ("Reporting by Jane Doe; Editing by John Roe", Boilerplate("syndication")),
            ("The dispute between Armenia and Azerbaijan", Heading),
            ("He said the intensity of hostilities had decreased but attacks from Azerbaijan continued.", Body),
            ("Tensions have festered between Armenia and Azerbaijan over the border territory since the 1980s.", Body),
        ];
        for &(para, want) in cases {
            let text = format!(
                "A headline about the talks\n\nThe talks went on for several hours in the capital on Monday, officials said.\n\n{para}\n"
            );
            let got = roles(&text);
            assert_eq!(got[0].1, Title, "{para:?}");
            assert_eq!(got[2].1, want, "{para:?}");
        }
    }

    #[test]
    fn teaser_block_after_marker() {
        let text = "Headline here\nBody sentence one is long enough to count as the body of the story.\nCheck Also\nNATO chief: US has to ensure Ukraine wins\nNATO Secretary-General Jens Stoltenberg said Thursday on the sidelines of the UN General Assembly in \u{2026}\nLeave a Reply";
        let got = roles(text);
        assert_eq!(got[2].1, Role::Boilerplate("teaser"));
        assert_eq!(got[3].1, Role::Boilerplate("teaser"));
        assert_eq!(got[4].1, Role::Boilerplate("teaser"));
        assert_eq!(got[5].1, Role::Boilerplate("comments"));
    }

    #[test]
    fn inline_teaser_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "He said so. (RELATED: Europe Begs Countries For Gas)",
                Some("(RELATED: Europe Begs Countries For Gas)"),
            ),
            (
                "Text [Read more: Why it matters] more text.",
                Some("[Read more: Why it matters]"),
            ),
            (
                "The treaty (signed in 1997: a mutual-defense pact) holds.",
                None,
            ),
            ("An unclosed (RELATED: teaser", None),
        ];
        for &(para, want) in cases {
            let got: Vec<&str> = inline_teasers(para, 0..para.len())
                .into_iter()
                .map(|r| &para[r])
                .collect();
            assert_eq!(got.first().copied(), want, "{para:?}");
        }
    }

    #[test]
    fn kicker_above_headline_is_chrome() {
        let text = "National Security\n\nWar Breaks Out Again Between Two Neighbours On The Border\n\nFighting reignited between the two countries early on Tuesday, officials said.";
        let got = roles(text);
        assert_eq!(got[0].1, Role::Boilerplate("chrome"));
        assert_eq!(got[1].1, Role::Title);
    }

    #[test]
    fn long_title_case_line_is_the_headline() {
        let text = "Pat Caddell: Democrat Voters Worried About Hillary Clinton\u{2019}s Health Issues; It\u{2019}s \u{2018}in Their Heads.\u{2019}\n\nIn offering analysis of the ongoing presidential election, longtime Democratic pollster Pat Caddell spoke to a radio host on Thursday.";
        let got = roles(text);
        assert_eq!(got[0].1, Role::Title);
        assert_eq!(got[1].1, Role::Body);
    }

    #[test]
    fn a_lone_line_is_body() {
        for text in [
            "Michel met Azerbaijani President Ilham Aliyev in Brussels.",
            "Russia said on Tuesday it had brokered a ceasefire.",
        ] {
            assert_eq!(roles(text), vec![(text.to_string(), Role::Body)], "{text}");
        }
    }

    #[test]
    fn no_title_when_text_starts_with_body() {
        let text = "Armenian Prime Minister Nikol Pashinyan said at least 49 of his country's soldiers were killed in border clashes.\nMore text follows here.";
        assert!(roles(text).iter().all(|(_, r)| *r != Role::Title));
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "Title line here\nThe minister said on Monday that the talks would go on for\nanother week at least, and perhaps longer.";
        let got = roles(text);
        assert_eq!(got.len(), 2);
        assert!(got[1].0.ends_with("longer."));
    }
}
