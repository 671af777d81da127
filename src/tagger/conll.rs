//! CoNLL-2003 files for training and evaluation: reading, detokenising and scoring.
//!
//! The detokeniser and the scorer follow `/work/shared/eval/prep_conll.py` and `score.py`
//! (the scorers the release is judged by) rule for rule, so the numbers printed by
//! `eval-conll` and `train-tagger` agree with them:
//! - sentences of a document are joined by `\n`; inside a sentence tokens are joined by a
//!   space except before `, . ; : ! ? % ) ] } 's n't 're 've 'll 'd 'm ...` and after
//!   `( [ { $`; straight quotes alternate open/close across the document;
//! - a predicted character span is trimmed of surrounding spaces and punctuation, of a trailing
//!   possessive `'s` and (in the `norm` setting used for reporting) of a leading `the `, then
//!   mapped to the first and last CoNLL tokens it overlaps; it is right when first token, last
//!   token and type all equal a gold entity's.
//!
//! Offsets here are byte offsets of the detokenised text (the Python uses code points; the
//! mapping to tokens is the same).

use rustc_hash::FxHashSet;
use std::ops::Range;

/// One document: sentences of `(word, tag)`.
pub type Doc = Vec<Vec<(String, String)>>;

/// Reads a CoNLL file's text (2 or 4 columns, IOB1 or IOB2): documents split at `-DOCSTART-`.
pub fn parse(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc: Doc = Vec::new();
    let mut sent: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if parts[0] == "-DOCSTART-" {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = parts.last().copied().unwrap_or("O");
        sent.push((parts[0].to_string(), tag.to_string()));
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Type number of a CoNLL type name: PER 1, LOC 2, ORG 3, MISC 4.
pub fn type_of(name: &str) -> u8 {
    match name {
        "PER" => 1,
        "LOC" => 2,
        "ORG" => 3,
        "MISC" => 4,
        _ => 0,
    }
}

/// Type names by number.
pub const TYPE_NAMES: [&str; 5] = ["O", "PER", "LOC", "ORG", "MISC"];

/// IOB1/IOB2 tags to spans `(first, last_inclusive, type)`.
pub fn iob_spans(tags: &[&str]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().copied().chain(std::iter::once("O")).enumerate() {
        let cont = t.starts_with("I-") && open.is_some_and(|(_, ty)| &t[2..] == ty);
        if !cont {
            if let Some((s, ty)) = open.take() {
                out.push((s, i - 1, type_of(ty)));
            }
            if t != "O" && t.len() > 2 {
                open = Some((i, &t[2..]));
            }
        }
    }
    out
}

/// BIO label numbers (see [`super::features::LABEL_NAMES`]) for a sentence's tags.
pub fn bio_labels(tags: &[&str]) -> Vec<u8> {
    let mut out = vec![0u8; tags.len()];
    for (s, e, ty) in iob_spans(tags) {
        if ty == 0 {
            continue;
        }
        out[s] = ty;
        for l in &mut out[s + 1..=e] {
            *l = ty + 4;
        }
    }
    out
}

/// A detokenised document.
#[derive(Debug, Clone)]
pub struct Detok {
    /// The text: sentences joined by `\n`.
    pub text: String,
    /// Byte range of every CoNLL token.
    pub tokens: Vec<Range<usize>>,
    /// Index of the first token of each sentence.
    pub sent_starts: Vec<usize>,
    /// Gold entities: `(first, last_inclusive, type)` in document token indexes.
    pub gold: Vec<(usize, usize, u8)>,
}

const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "N'T", "'re", "'ve",
    "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", "...",
];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$"];

/// Detokenises every document as `prep_conll.py` does.
pub fn detokenise(docs: &[Doc]) -> Vec<Detok> {
    docs.iter().map(detok_doc).collect()
}

fn detok_doc(doc: &Doc) -> Detok {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sent_starts = Vec::new();
    let mut gold = Vec::new();
    // Quote state for `"` and `'`: true while open.
    let mut open = [false, false];
    let qi = |w: &str| match w {
        "\"" => Some(0),
        "'" => Some(1),
        _ => None,
    };
    for (si, sent) in doc.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let tok0 = tokens.len();
        sent_starts.push(tok0);
        let mut prev: Option<&str> = None;
        for (w, _) in sent {
            let w = w.as_str();
            let mut space = prev.is_some();
            if NO_SPACE_BEFORE.contains(&w) {
                space = false;
            }
            if prev.is_some_and(|p| NO_SPACE_AFTER.contains(&p)) {
                space = false;
            }
            if let Some(q) = qi(w) {
                if open[q] {
                    space = false;
                }
                open[q] = !open[q];
            }
            if let Some(q) = prev.and_then(qi) {
                if open[q] {
                    space = false;
                }
            }
            if space {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            tokens.push(start..text.len());
            prev = Some(w);
        }
        let tags: Vec<&str> = sent.iter().map(|(_, t)| t.as_str()).collect();
        for (a, b, t) in iob_spans(&tags) {
            gold.push((tok0 + a, tok0 + b, t));
        }
    }
    Detok {
        text,
        tokens,
        sent_starts,
        gold,
    }
}

fn is_trim(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\n'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{ab}'
            | '\u{bb}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '*'
    )
}

/// Trims a predicted byte span as `score.py`'s `norm_span` does.
pub fn norm_span(text: &str, mut s: usize, mut e: usize, strip_the: bool) -> (usize, usize) {
    let trim = |mut s: usize, mut e: usize| {
        while s < e {
            match text[s..e].chars().next() {
                Some(c) if is_trim(c) => s += c.len_utf8(),
                _ => break,
            }
        }
        while e > s {
            match text[s..e].chars().next_back() {
                Some(c) if is_trim(c) => e -= c.len_utf8(),
                _ => break,
            }
        }
        (s, e)
    };
    if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return (s, s);
    }
    (s, e) = trim(s, e);
    let span = &text[s..e];
    if span.ends_with("'s") || span.ends_with("'S") {
        (s, e) = trim(s, e - 2);
    } else if span.ends_with("\u{2019}s") {
        (s, e) = trim(s, e - 4);
    }
    if strip_the
        && text[s..e].len() >= 4
        && text[s..e].is_char_boundary(4)
        && text[s..s + 4].eq_ignore_ascii_case("the ")
    {
        (s, e) = trim(s + 4, e);
    }
    (s, e)
}

/// First and last tokens that a byte span overlaps.
pub fn to_tokens(tokens: &[Range<usize>], s: usize, e: usize) -> Option<(usize, usize)> {
    if s >= e {
        return None;
    }
    let i = tokens.partition_point(|t| t.end <= s);
    let j = tokens.partition_point(|t| t.start < e);
    if j == 0 || i > j - 1 || i >= tokens.len() {
        return None;
    }
    Some((i, j - 1))
}

/// Counts for one type or group of types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Right predictions.
    pub tp: usize,
    /// Predictions.
    pub npred: usize,
    /// Gold entities.
    pub ngold: usize,
}

impl Counts {
    /// Precision, recall, F1 (0 when undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.npred > 0 {
            self.tp as f64 / self.npred as f64
        } else {
            0.0
        };
        let r = if self.ngold > 0 {
            self.tp as f64 / self.ngold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Scores per type (index 1..=4), PER+LOC+ORG (index 0) and the right-span-wrong-type count.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// `[PER+LOC+ORG, PER, LOC, ORG, MISC]`.
    pub by_type: [Counts; 5],
    /// Predicted PER/LOC/ORG spans whose tokens match a gold entity of another type.
    pub wrong_type: usize,
}

impl Score {
    /// A printable table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        for (i, name) in [
            (1, "PER"),
            (2, "LOC"),
            (3, "ORG"),
            (4, "MISC"),
            (0, "PER+LOC+ORG"),
        ] {
            let c = self.by_type[i];
            let (p, r, f) = c.prf();
            s.push_str(&format!(
                "{name:12} P {:5.1}  R {:5.1}  F1 {:5.1}  ({}/{} predicted, {} gold)\n",
                p * 100.0,
                r * 100.0,
                f * 100.0,
                c.tp,
                c.npred,
                c.ngold
            ));
        }
        s.push_str(&format!("right span, wrong type: {}\n", self.wrong_type));
        s
    }
}

/// Scores predicted byte spans `(start, end, type 1..=4)` per document against the gold of
/// `docs`, as `score.py` does.
pub fn score(docs: &[Detok], preds: &[Vec<(usize, usize, u8)>], strip_the: bool) -> Score {
    let mut gold = FxHashSet::default();
    let mut pred = FxHashSet::default();
    for (d, doc) in docs.iter().enumerate() {
        for &(a, b, t) in &doc.gold {
            gold.insert((d, a, b, t));
        }
        for &(s, e, t) in preds.get(d).map(Vec::as_slice).unwrap_or(&[]) {
            if !(1..=4).contains(&t) {
                continue;
            }
            let (s, e) = norm_span(&doc.text, s, e, strip_the);
            if let Some((i, j)) = to_tokens(&doc.tokens, s, e) {
                pred.insert((d, i, j, t));
            }
        }
    }
    let mut out = Score::default();
    for k in 0..5 {
        let want = |t: u8| {
            if k == 0 {
                (1..=3).contains(&t)
            } else {
                t == k as u8
            }
        };
        let g = gold.iter().filter(|x| want(x.3)).count();
        let p = pred.iter().filter(|x| want(x.3)).count();
        let tp = pred
            .iter()
            .filter(|x| want(x.3) && gold.contains(*x))
            .count();
        out.by_type[k] = Counts {
            tp,
            npred: p,
            ngold: g,
        };
    }
    let gb: rustc_hash::FxHashMap<(usize, usize, usize), u8> =
        gold.iter().map(|x| ((x.0, x.1, x.2), x.3)).collect();
    out.wrong_type = pred
        .iter()
        .filter(|x| (1..=3).contains(&x.3) && gb.get(&(x.0, x.1, x.2)).is_some_and(|&g| g != x.3))
        .count();
    out
}

/// Training documents (words and BIO labels) from parsed CoNLL documents.
pub fn to_train(docs: &[Doc]) -> Vec<super::train::Doc> {
    docs.iter()
        .map(|d| {
            d.iter()
                .map(|s| {
                    let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
                    super::train::Sentence {
                        words: s.iter().map(|(w, _)| w.clone()).collect(),
                        labels: bio_labels(&tags),
                    }
                })
                .collect()
        })
        .collect()
}

/// Tags the gold CoNLL tokens (all documents as one analysis) and returns byte spans
/// `(start, end, type)` per document of the detokenised texts.
pub fn predict_on_tokens(
    tagger: &super::Tagger,
    docs: &[Doc],
    detok: &[Detok],
) -> Vec<Vec<(usize, usize, u8)>> {
    let words: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect()
        })
        .collect();
    let tagged = tagger.tag(&words);
    tagged
        .iter()
        .zip(detok)
        .map(|(doc, dt)| {
            let mut out = Vec::new();
            for (s, spans) in doc.iter().enumerate() {
                let t0 = dt.sent_starts[s];
                for x in spans {
                    let ty = match x.kind {
                        super::Kind::Per => 1,
                        super::Kind::Loc => 2,
                        super::Kind::Org => 3,
                        super::Kind::Misc => 4,
                    };
                    out.push((
                        dt.tokens[t0 + x.start].start,
                        dt.tokens[t0 + x.end - 1].end,
                        ty,
                    ));
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n\
\" \" O O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n's POS O O\n( ( O O\nAFP NNP O I-ORG\n) ) O O\n\" \" O O\n\n\
-DOCSTART- -X- -X- O\n\nBRUSSELS NNP I-NP I-LOC\n$ $ O O\n5 CD O O\nNew NNP O I-LOC\nYork NNP O I-LOC\nParis NNP O B-LOC\n\n";

    #[test]
    fn parse_and_detokenise() {
        let docs = parse(SAMPLE);
        assert_eq!(docs.len(), 2);
        let d = detokenise(&docs);
        assert_eq!(
            d[0].text,
            "EU rejects German call.\n\"Peter Blackburn's (AFP)\""
        );
        assert_eq!(d[1].text, "BRUSSELS $5 New York Paris");
        assert_eq!(
            d[0].gold,
            vec![(0, 0, 3), (2, 2, 4), (6, 7, 1), (10, 10, 3)]
        );
        assert_eq!(d[1].gold, vec![(0, 0, 2), (3, 4, 2), (5, 5, 2)]);
        assert_eq!(&d[0].text[d[0].tokens[6].clone()], "Peter");
    }

    #[test]
    fn bio_table() {
        let cases: &[(&[&str], &[u8])] = &[
            (&["I-PER", "I-PER", "O"], &[1, 5, 0]),
            (&["I-LOC", "B-LOC", "I-LOC"], &[2, 2, 6]),
            (&["B-ORG", "I-MISC"], &[3, 4]),
            (&["O", "I-MISC", "I-MISC"], &[0, 4, 8]),
        ];
        for &(tags, want) in cases {
            assert_eq!(bio_labels(tags), want, "{tags:?}");
        }
    }

    #[test]
    fn norm_span_table() {
        // (text, span, strip_the, expected text)
        let cases: &[(&str, &str, bool, &str)] = &[
            (
                "He met \"Peter Blackburn's\" men",
                "\"Peter Blackburn's\"",
                true,
                "Peter Blackburn",
            ),
            (
                "the United States.",
                "the United States.",
                true,
                "United States",
            ),
            (
                "the United States.",
                "the United States.",
                false,
                "the United States",
            ),
            ("(AFP)", "(AFP)", true, "AFP"),
            ("Russia\u{2019}s", "Russia\u{2019}s", true, "Russia"),
            ("Theodore", "Theodore", true, "Theodore"),
        ];
        for &(text, span, strip, want) in cases {
            let s = text.find(span).unwrap();
            let (a, b) = norm_span(text, s, s + span.len(), strip);
            assert_eq!(&text[a..b], want, "{text:?}");
        }
    }

    #[test]
    fn scoring() {
        let docs = detokenise(&parse(SAMPLE));
        let t = &docs[1].text;
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            (s, s + w.len())
        };
        let (a, b) = at("New York");
        let (c, d) = at("Paris");
        let (e, f) = at("BRUSSELS");
        // Right LOC, and right span with the wrong type.
        let preds = vec![vec![], vec![(a, b, 2), (c, d, 3)]];
        let sc = score(&docs, &preds, true);
        assert_eq!(
            sc.by_type[2],
            Counts {
                tp: 1,
                npred: 1,
                ngold: 3
            }
        );
        assert_eq!(
            sc.by_type[3],
            Counts {
                tp: 0,
                npred: 1,
                ngold: 2
            }
        );
        assert_eq!(sc.by_type[0].tp, 1);
        assert_eq!(sc.wrong_type, 1);
        // A span covering part of a token maps to that token; one running into the next
        // token does not match.
        let preds = vec![vec![], vec![(e, e + 3, 2)]];
        assert_eq!(score(&docs, &preds, true).by_type[2].tp, 1);
        let preds = vec![vec![], vec![(e, f + 2, 2)]];
        assert_eq!(score(&docs, &preds, true).by_type[2].tp, 0);
    }
}
