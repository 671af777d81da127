//! Which outlet published an article, from its dateline or byline, and the label an article
//! goes by in the report's explanations, the Markdown brief and the page: its number, its
//! outlet when the text names one, and its headline ("2 · Reuters — Putin calls for calm as
//! Azerbaijan…").
//!
//! An outlet is read only where an article credits itself, near its top (the first
//! [`LEAD_PARAGRAPHS`] paragraphs; never a teaser, comment prompt or syndication blurb, and a
//! photo credit only in a dateline's shape):
//! - a dateline or credit in parentheses at the start of a paragraph, before a dash or a colon
//!   or alone on its line: "WASHINGTON (AP) —", "LONDON, Sept 13 (Reuters) -", "(CNN) —",
//!   "(Reuters)";
//! - a byline naming it after the writers: "By Jane Doe, BBC News", "By Jane Doe | Reuters",
//!   "By Jane Doe and John Roe, The Associated Press", "BY JANE DOE for AFP".
//!
//! The name must be a listed outlet (`data/lexicon/attribution-outlets.txt`, shared with the
//! claim stage), optionally followed by credit words (`data/lexicon/outlet-credit-words.txt`:
//! "News" stays part of the name, "staff" or "correspondent" does not). A credit that names no
//! listed outlet ("By Jane Doe, Staff Writer", "(Getty Images)") gives none, and the article
//! goes by its headline alone.
//!
//! Both lists are loaded strictly: a line that is not a name (or not `name|role<TAB>word`) is
//! kept in [`problems`], which a table test requires to be empty.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use crate::report::Document;
use crate::text::{Prepared, Role};

/// How many paragraphs from the top are searched for a dateline or byline.
pub const LEAD_PARAGRAPHS: usize = 8;

/// How many words of the headline an article's [`label`] keeps.
pub const LABEL_WORDS: usize = 8;

/// Longest paragraph read as a byline or a bare credit, in bytes.
const MAX_CREDIT_LINE: usize = 160;

/// How far into a paragraph a dateline's parenthesis may open, in bytes.
const MAX_DATELINE: usize = 80;

/// Whether a credit word after an outlet's name belongs to the name ("BBC News") or only
/// describes the writer ("Reuters staff").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CreditWord {
    Name,
    Role,
}

struct Lists {
    /// Outlet names, lower case, words joined by single spaces.
    outlets: HashSet<String>,
    /// Longest outlet name, in words.
    longest: usize,
    /// Lower-case credit word → kind.
    credit: HashMap<String, CreditWord>,
    /// Lines of either list that were not what the list holds.
    problems: Vec<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut problems = Vec::new();
        let mut outlets = HashSet::new();
        for line in content_lines(include_str!("../data/lexicon/attribution-outlets.txt")) {
            // Case variants ("POLITICO", "Politico") are one name here.
            let key = words_key(line);
            if line.contains('\t') || key.is_empty() {
                problems.push(format!("attribution-outlets.txt: {line:?}"));
            }
            outlets.insert(key);
        }
        let mut credit = HashMap::new();
        for line in content_lines(include_str!("../data/lexicon/outlet-credit-words.txt")) {
            let kind = match line.split_once('\t') {
                Some(("name", w)) => Some((CreditWord::Name, w)),
                Some(("role", w)) => Some((CreditWord::Role, w)),
                _ => None,
            };
            match kind {
                Some((k, w)) if !w.trim().is_empty() && !w.trim().contains(char::is_whitespace) => {
                    if credit.insert(w.trim().to_lowercase(), k).is_some() {
                        problems.push(format!("outlet-credit-words.txt: duplicate {line:?}"));
                    }
                }
                _ => problems.push(format!("outlet-credit-words.txt: {line:?}")),
            }
        }
        let longest = outlets
            .iter()
            .map(|o| o.split(' ').count())
            .max()
            .unwrap_or(0);
        Lists {
            outlets,
            longest,
            credit,
            problems,
        }
    })
}

/// Lines of a word list that are neither blank nor `#` comments, trimmed.
fn content_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lower-case words joined by single spaces.
fn words_key(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines of the outlet and credit-word lists that could not be read (empty in a good build).
pub fn problems() -> &'static [String] {
    &lists().problems
}

/// The byte range of the outlet an article credits itself to in its dateline or byline, if
/// it names a listed one (see the module documentation).
pub fn find(doc: &Prepared) -> Option<Range<usize>> {
    doc.paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .filter(|p| {
            matches!(
                p.role,
                Role::Title | Role::Body | Role::Heading | Role::Boilerplate("byline" | "credit")
            )
        })
        .find_map(|p| {
            let text = &doc.text[p.range.clone()];
            let found = byline(text).or_else(|| dateline(text))?;
            Some(p.range.start + found.start..p.range.start + found.end)
        })
}

/// "By NAME[, NAME…] SEP OUTLET": the listed outlet in a segment after the writers.
fn byline(line: &str) -> Option<Range<usize>> {
    if line.len() > MAX_CREDIT_LINE {
        return None;
    }
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    let base = line.len() - rest.len();
    // Segment boundaries: punctuation separators and the words "for" / "of".
    let mut cuts = Vec::new();
    for (i, c) in rest.char_indices() {
        if matches!(c, ',' | '|' | '—' | '–' | '/' | ';') {
            cuts.push((i, i + c.len_utf8()));
        }
    }
    for sep in [" - ", " for ", " For ", " FOR ", " of ", " at "] {
        let mut from = 0;
        while let Some(at) = rest[from..].find(sep) {
            cuts.push((from + at, from + at + sep.len()));
            from += at + sep.len();
        }
    }
    cuts.sort_unstable();
    // The first segment names the writers; every later one may be the outlet.
    for (k, &(_, seg_start)) in cuts.iter().enumerate() {
        let seg_end = cuts.get(k + 1).map_or(rest.len(), |c| c.0);
        if seg_start >= seg_end {
            continue;
        }
        if let Some(r) = outlet_in(&rest[seg_start..seg_end]) {
            return Some(base + seg_start + r.start..base + seg_start + r.end);
        }
    }
    None
}

/// "PLACE[, DATE] (OUTLET) —" or "(OUTLET)" alone: the listed outlet in the parentheses.
fn dateline(para: &str) -> Option<Range<usize>> {
    let open = para.find('(')?;
    if open > MAX_DATELINE {
        return None;
    }
    let prefix = para[..open].trim();
    if !prefix.is_empty() {
        // A dateline starts with a place in capitals ("WASHINGTON", "NEW YORK, Sept 13").
        let first = prefix.split([' ', ',']).next().unwrap_or("");
        let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2
            || letters.iter().any(|c| c.is_lowercase())
            || prefix.split_whitespace().count() > 8
        {
            return None;
        }
    }
    let close = open + para[open..].find(')')?;
    let after = para[close + 1..].trim_start();
    if !(after.is_empty() || after.starts_with(['—', '–', '-', ':'])) {
        return None;
    }
    let r = outlet_in(&para[open + 1..close])?;
    Some(open + 1 + r.start..open + 1 + r.end)
}

/// The outlet a credit segment names, as a range of the segment: a listed outlet (with or
/// without a leading "The"), then only credit words; the name-kind credit words right after it
/// belong to the name.
fn outlet_in(segment: &str) -> Option<Range<usize>> {
    let lists = lists();
    let words: Vec<Range<usize>> = word_ranges(segment);
    let word = |i: usize| {
        segment[words[i].clone()]
            .trim_end_matches(['.', ':'])
            .to_lowercase()
    };
    for skip in [0usize, 1] {
        if skip == 1 && (words.is_empty() || word(0) != "the") {
            break;
        }
        for n in (1..=lists.longest.min(words.len().saturating_sub(skip))).rev() {
            let key = (skip..skip + n).map(word).collect::<Vec<_>>().join(" ");
            if !lists.outlets.contains(&key) {
                continue;
            }
            let rest: Vec<Option<CreditWord>> = (skip + n..words.len())
                .map(|i| lists.credit.get(&word(i)).copied())
                .collect();
            if rest.iter().any(Option::is_none) {
                continue;
            }
            let named = rest
                .iter()
                .take_while(|k| **k == Some(CreditWord::Name))
                .count();
            let start = words[0].start;
            let end = words[skip + n + named - 1].end;
            let text = &segment[start..end];
            let end = start + text.trim_end_matches(['.', ':']).len();
            return Some(start..end);
        }
    }
    None
}

/// Byte ranges of the whitespace-separated words of `s`.
fn word_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                out.push(b..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(b..s.len());
    }
    out
}

/// How an article is named for a reader: its number from 1, its outlet when the text names
/// one, and the first [`LABEL_WORDS`] words of its headline ("2 · Reuters — Putin calls for
/// calm as Azerbaijan and Armenia clash…"). The file name is left to tooltips.
pub fn label(d: &Document) -> String {
    let words: Vec<&str> = d.title.split_whitespace().collect();
    let headline = if words.len() > LABEL_WORDS {
        format!(
            "{}…",
            words[..LABEL_WORDS]
                .join(" ")
                .trim_end_matches([',', ';', ':', '.'])
        )
    } else {
        words.join(" ")
    };
    match (&d.outlet, headline.is_empty()) {
        (Some(o), false) => format!("{} · {} — {}", d.index + 1, o.text, headline),
        (Some(o), true) => format!("{} · {}", d.index + 1, o.text),
        (None, false) => format!("{} · {}", d.index + 1, headline),
        (None, true) => format!("{} · {}", d.index + 1, d.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::prepare;

    #[test]
    fn lists_load_strictly() {
        assert!(problems().is_empty(), "{:#?}", problems());
        assert!(lists().outlets.contains("associated press"));
        assert_eq!(lists().credit.get("news"), Some(&CreditWord::Name));
        assert_eq!(lists().credit.get("staff"), Some(&CreditWord::Role));
    }

    #[test]
    fn outlet_from_dateline_or_byline() {
        let cases: &[(&str, Option<&str>)] = &[
            // Datelines and bare credits.
            (
                "Fire hits port\n\nWASHINGTON (AP) — A fire broke out on Monday.\n",
                Some("AP"),
            ),
            (
                "Fire hits port\n\nLONDON, Sept 13 (Reuters) - A fire broke out on Monday.\n",
                Some("Reuters"),
            ),
            (
                "Fire hits port\n\n(CNN) — A fire broke out on Monday.\n",
                Some("CNN"),
            ),
            (
                "Fire hits port\n\n(Reuters)\n\nA fire broke out on Monday.\n",
                Some("Reuters"),
            ),
            (
                "Fire hits port\n\nNEW YORK (The Associated Press): A fire broke out.\n",
                Some("The Associated Press"),
            ),
            // Bylines.
            (
                "Fire hits port\n\nBy Jane Doe, BBC News\n\nA fire broke out on Monday.\n",
                Some("BBC News"),
            ),
            (
                "Fire hits port\n\nBy Jane Doe and John Roe | Reuters staff\n\nA fire broke out.\n",
                Some("Reuters"),
            ),
            (
                "Fire hits port\n\nBY JANE DOE for AFP\n\nA fire broke out on Monday.\n",
                Some("AFP"),
            ),
            // No outlet: headline only, a credit that is not an outlet, a byline without one,
            // an outlet named in the story rather than credited, a photo credit.
            ("Fire hits port\n\nA fire broke out on Monday.\n", None),
            (
                "Fire hits port\n\nBy Jane Doe, Staff Writer\n\nA fire broke out on Monday.\n",
                None,
            ),
            (
                "Fire hits port\n\nPORTLAND (Getty Images) — A fire broke out on Monday.\n",
                None,
            ),
            (
                "Fire hits port\n\nBy Jane Doe\n\nA fire broke out on Monday.\n",
                None,
            ),
            (
                "Fire hits port\n\nA fire broke out on Monday, officials told Reuters.\n",
                None,
            ),
            (
                "Fire hits port\n\nA fire (Reuters reported) broke out on Monday.\n",
                None,
            ),
            (
                "Fire hits port\n\nRescuers at the port AFP/Getty Images\n\nA fire broke out.\n",
                None,
            ),
            ("", None),
        ];
        for (text, want) in cases {
            let doc = prepare(text);
            let got = find(&doc).map(|r| &text[r]);
            assert_eq!(got, *want, "{text:?}");
        }
    }

    fn document(name: &str, title: &str, outlet: Option<&str>) -> Document {
        Document {
            index: 1,
            name: name.into(),
            title: title.into(),
            outlet: outlet.map(|t| crate::report::Span {
                start: 0,
                end: t.encode_utf16().count() as u32,
                text: t.into(),
            }),
            length: 0,
            boilerplate: Vec::new(),
        }
    }

    #[test]
    fn labels_number_outlet_and_headline() {
        let cases = [
            (
                document("a.txt", "Fire hits port", Some("Reuters")),
                "2 · Reuters — Fire hits port",
            ),
            (
                document("a.txt", "Fire hits port", None),
                "2 · Fire hits port",
            ),
            (
                document(
                    "a.txt",
                    "Putin calls for calm as Azerbaijan and Armenia clash in worst fighting",
                    Some("AP"),
                ),
                "2 · AP — Putin calls for calm as Azerbaijan and Armenia…",
            ),
            (document("a.txt", "", Some("AP")), "2 · AP"),
            (document("a.txt", "", None), "2 · a.txt"),
        ];
        for (d, want) in cases {
            assert_eq!(label(&d), want);
        }
    }

    #[test]
    fn analysis_reports_the_outlet_as_a_span() {
        let text = "Fire hits port\n\nWASHINGTON (AP) — A fire broke out at the port on Monday, officials said.\n";
        let r = crate::analyze(&[crate::Article::new("a.txt", text)]).unwrap();
        let o = r.documents[0].outlet.as_ref().expect("an outlet");
        assert_eq!(o.text, "AP");
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&units[o.start as usize..o.end as usize]).unwrap(),
            "AP"
        );
    }
}
