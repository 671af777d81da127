//! Win–loss records told beside a name ("Klitschko (52-3, 46 KOs)", "Riddick Bowe, 43-1,",
//! "improved his record to 52-3", "Rahman fell to 45-7-2") and games' final scores ("beat
//! Evansville 91-73", "a 20-13 victory"). Sports coverage gives these in passing, and outlets
//! differ on them (ECB+ train `7_ecb`: 52-3 / 53-3 for one fighter, 43-1 / 45-1 for another).
//! The figure reader does not take a tally for a figure (it counts nothing by itself), so
//! tallies are read here, records with the name they belong to and scores with the names around
//! them, and [`super::relation`] compares them between the claims of one group.
//!
//! A tally is two or three numbers of one to three digits joined by hyphens or en dashes. It is
//! a record ([`records_in`]) when it stands right after a name, in parentheses ("Bowe (43-1)")
//! or set off by commas on both sides ("Bowe, 43-1,"; "beat Evansville, 91-73." is a score),
//! or after "to" with a record word (`compare-record-verbs.txt`) among the few words before
//! "to" and a name before that word. It is a score ([`scores_in`]) when a result or a verb of
//! winning or losing (`compare-score-words.txt`) stands next to it. Anything else is left
//! alone: leads and runs ("a 7-0 lead"), ranges ("20-30 people"), model names ("AK-47"). A name
//! is a capitalised word that is not a stop word, a day or a month, nor a capitalised word
//! joined to a lower-case one ("Ukrainian-born").

use super::lexicon::lexicon;

/// Words before "to" searched for a record word and a name.
const BEFORE_TO: usize = 5;

/// A win–loss record and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The last word of the name, lower-cased, without "'s" ("klitschko").
    pub holder: String,
    /// The name's last word as written ("Klitschko").
    pub name: String,
    /// Wins, losses and, when given, draws.
    pub tally: Vec<u32>,
    /// The record as written, with a knockout count right after it ("52-3, 46 KOs").
    pub text: String,
}

/// One whitespace-separated word of a sentence and where it is.
struct Word<'t> {
    start: usize,
    raw: &'t str,
}

/// Characters that may close a word without being part of it.
fn closing(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | ')' | '!' | '?')
}

/// The numbers of a tally ("52-3", "(45-7-2,"), if `raw` is one, and the byte range of the
/// tally inside `raw`.
fn tally(raw: &str) -> Option<(Vec<u32>, usize, usize)> {
    let start = usize::from(raw.starts_with('('));
    let core = raw[start..].trim_end_matches(closing);
    let parts: Vec<&str> = core.split(['-', '\u{2013}']).collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        numbers.push(p.parse().ok()?);
    }
    Some((numbers, start, start + core.len()))
}

/// The lower-cased key and the written form of a name word ("Klitschko's" → `klitschko`,
/// "Klitschko"), if `raw` is one.
fn name(raw: &str) -> Option<(String, &str)> {
    let w = raw.trim_end_matches(closing);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w);
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || w.chars().count() < 2 {
        return None;
    }
    if !w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-') {
        return None;
    }
    // "Ukrainian-born", "Mannheim-based": a word about a name, not a name.
    if w.split('-')
        .skip(1)
        .any(|p| !p.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let key = w.to_lowercase();
    // Days and months are capitalised but name no one ("on Friday").
    let dates = crate::dates::lexicon::lexicon();
    let dated = dates.weekday.contains_key(key.as_str()) || dates.month.contains_key(key.as_str());
    (!dated && !lexicon().stopwords.contains(&key)).then_some((key, w))
}

/// The whitespace-separated words of `sentence`, each with its byte offset; none when the
/// sentence holds no hyphen or en dash, so no tally (most sentences: nothing to split).
fn words_of(sentence: &str) -> Vec<Word<'_>> {
    if !sentence.contains(['-', '\u{2013}']) {
        return Vec::new();
    }
    sentence
        .split_whitespace()
        .map(|raw| Word {
            start: raw.as_ptr() as usize - sentence.as_ptr() as usize,
            raw,
        })
        .collect()
}

/// A game's final score, the higher number first, and the names told around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The two numbers, higher first ("13-20" and "20-13" are one score).
    pub points: [u32; 2],
    /// The score as written ("20-13").
    pub text: String,
    /// Keys of the names (see [`Record::holder`]) among the four words on either
    /// side: the teams, so that scores of two different games are not compared.
    pub names: Vec<String>,
}

/// Words searched on each side of a score for the teams' names, and before it for a verb of
/// winning or losing.
const SCORE_NAMES: usize = 4;

/// The final scores told in `sentence`, in order: a two-number tally with a result right after
/// it ("a 20-13 victory", "a 27-24 overtime loss") or a verb of winning or losing among the
/// four words before it ("beat Evansville 91-73"), words from
/// `compare-score-words.txt`; not a lead or a run ("a 7-0 lead"), nor a record ([`records_in`]).
pub fn scores_in(sentence: &str) -> Vec<Score> {
    let words = words_of(sentence);
    let lex = lexicon();
    let scoring = |w: &Word| {
        lex.score_words
            .contains(&w.raw.trim_end_matches(closing).to_lowercase())
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some((numbers, from, to)) = tally(w.raw) else {
            continue;
        };
        let &[a, b] = numbers.as_slice() else {
            continue;
        };
        if from == 1 {
            continue;
        }
        let before = &words[i.saturating_sub(SCORE_NAMES)..i];
        // The result right after the score, or after one word ("overtime loss").
        let result = words.get(i + 1).is_some_and(scoring)
            || (!w.raw[to..].ends_with(closing)
                && words.get(i + 1).is_some_and(|n| !n.raw.ends_with(closing))
                && words.get(i + 2).is_some_and(scoring));
        // A verb of winning or losing: right before the score ("won 20-13") or with the other
        // team between them ("beat Evansville 91-73"; "won the turnover battle 3-0" is no
        // score).
        let verb = before.iter().rposition(scoring).is_some_and(|v| {
            let between = &before[v + 1..];
            between.is_empty() || between.iter().any(|b| name(b.raw).is_some())
        });
        if !(result || verb) {
            continue;
        }
        let mut names: Vec<String> = before
            .iter()
            .chain(words.iter().skip(i + 1).take(SCORE_NAMES))
            .filter_map(|n| name(n.raw).map(|(k, _)| k))
            .collect();
        names.sort_unstable();
        names.dedup();
        out.push(Score {
            points: [a.max(b), a.min(b)],
            text: sentence
                .get(w.start + from..w.start + to)
                .unwrap_or_default()
                .to_string(),
            names,
        });
    }
    out
}

/// The records told in `sentence`, in order.
pub fn records_in(sentence: &str) -> Vec<Record> {
    let words = words_of(sentence);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some((numbers, from, to)) = tally(w.raw) else {
            continue;
        };
        let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) else {
            continue;
        };
        // Set off by commas on both sides: "Bowe, 43-1, 33 KO's" (but not the score in "beat
        // visiting Evansville, 91-73.").
        let set_off = w.raw[to..].starts_with(',');
        let holder = if from == 1 && !prev.raw.ends_with(closing) {
            // "Bowe (43-1)"
            name(prev.raw)
        } else if from == 0 && prev.raw.ends_with(',') && set_off {
            // "Bowe, 43-1,"
            name(prev.raw)
        } else if from == 0 && prev.raw == "to" {
            // "improved his record to 52-3", "Rahman fell to 45-7-2"
            // The name stands before the record word, as its subject or owner ("moved from
            // Boston to 1-2 Main Street" names a place after it).
            let before = &words[i.saturating_sub(1 + BEFORE_TO)..i - 1];
            let lex = lexicon();
            let led = before.iter().rposition(|b| {
                lex.record_verbs
                    .contains(&b.raw.trim_end_matches(closing).to_lowercase())
            });
            led.and_then(|r| before[..r].iter().rev().find_map(|b| name(b.raw)))
        } else {
            None
        };
        let Some((holder, written)) = holder else {
            continue;
        };
        // A knockout count right after the record: "52-3, 46 KOs", "(52-3, 46 knockouts)".
        let mut end = w.start + to;
        if let (Some(n), Some(k)) = (words.get(i + 1), words.get(i + 2)) {
            let count = n.raw.trim_end_matches(closing);
            let unit = k.raw.trim_end_matches(closing).to_lowercase();
            if !count.is_empty()
                && count.len() <= 3
                && count.bytes().all(|b| b.is_ascii_digit())
                && (unit.starts_with("ko") || unit.starts_with("knockout"))
                && w.raw[to..].starts_with(',')
            {
                end = k.start + k.raw.trim_end_matches(closing).len();
            }
        }
        out.push(Record {
            holder,
            name: written.to_string(),
            tally: numbers,
            text: sentence
                .get(w.start + from..end)
                .unwrap_or_default()
                .to_string(),
        });
    }
    out
}

/// Are two tallies one bout apart: one more win, loss or draw, the rest the same? A report
/// written before a bout and one written after it give such records, and both may hold.
pub fn one_bout_apart(a: &[u32], b: &[u32]) -> bool {
    let pad = |t: &[u32], i: usize| t.get(i).copied().unwrap_or(0);
    let n = a.len().max(b.len());
    let diffs: Vec<u32> = (0..n).map(|i| pad(a, i).abs_diff(pad(b, i))).collect();
    diffs.iter().sum::<u32>() == 1
}

#[cfg(test)]
mod tests {
    use super::{one_bout_apart, records_in, scores_in};

    /// A record expected: holder, tally, text.
    type Want = (&'static str, &'static [u32], &'static str);
    /// A score expected: points, text, names.
    type WantScore = ([u32; 2], &'static str, &'static [&'static str]);

    #[test]
    fn reads_records_beside_names() {
        // (sentence, [(holder, tally, text)])
        let cases: &[(&str, &[Want])] = &[
            (
                "Wladimir Klitschko (52-3, 46 KOs) blasted a sluggish Hasim Rahman (45-7-2, 36 KOs) in Mannheim.",
                &[
                    ("klitschko", &[52, 3], "52-3, 46 KOs"),
                    ("rahman", &[45, 7, 2], "45-7-2, 36 KOs"),
                ],
            ),
            (
                "Former Heavyweight Champion, Riddick Bowe, 43-1, 33 KO's, returned to the ring.",
                &[("bowe", &[43, 1], "43-1, 33 KO's")],
            ),
            (
                "Riddick Bowe (43-1) scored a decision over Gene Pukall (14-13-2).",
                &[("bowe", &[43, 1], "43-1"), ("pukall", &[14, 13, 2], "14-13-2")],
            ),
            (
                "The victory took Klitschko's record to 52-3 with 46 wins by knockout.",
                &[("klitschko", &[52, 3], "52-3")],
            ),
            (
                "Klitschko improved his record to 52-3 and is now on a 10-fight winning streak.",
                &[("klitschko", &[52, 3], "52-3")],
            ),
            ("Rahman fell to 45-7-2.", &[("rahman", &[45, 7, 2], "45-7-2")]),
            (
                "The Eagles (10–3) host Dallas.",
                &[("eagles", &[10, 3], "10\u{2013}3")],
            ),
            // Not records: scores, ranges, model names, words about a name, no name.
            ("The Eagles beat Dallas 20-13 on Sunday.", &[]),
            ("Police said 20-30 people were hurt.", &[]),
            ("They seized six AK-47 rifles.", &[]),
            ("It improved the Ukrainian-born fighter to 52-3.", &[]),
            ("He dropped to 45-7-2.", &[]),
            ("The vote went 5-4 to the city.", &[]),
            ("The Tar Heels beat visiting Evansville, 91-73.", &[]),
            ("He moved from Boston to 1-2 Main Street.", &[]),
        ];
        for (sentence, want) in cases {
            let got: Vec<(String, Vec<u32>, String)> = records_in(sentence)
                .into_iter()
                .map(|r| (r.holder, r.tally, r.text))
                .collect();
            let want: Vec<(String, Vec<u32>, String)> = want
                .iter()
                .map(|(h, t, x)| (h.to_string(), t.to_vec(), x.to_string()))
                .collect();
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn reads_final_scores() {
        // (sentence, [(points, text, names)])
        let cases: &[(&str, &[WantScore])] = &[
            (
                "The Colts beat the Chiefs 20-13 to clinch a playoff spot.",
                &[([20, 13], "20-13", &["chiefs", "colts"])],
            ),
            (
                "It gave the Colts a 20-13 victory over Kansas City.",
                &[([20, 13], "20-13", &["city", "colts", "kansas"])],
            ),
            (
                "Denver suffered a 27-24 overtime loss.",
                &[([27, 24], "27-24", &["denver"])],
            ),
            (
                "Creighton lost to the Bengals 13-10.",
                &[([13, 10], "13-10", &["bengals"])],
            ),
            ("The Colts won 20-13.", &[([20, 13], "20-13", &["colts"])]),
            // Leads, runs, records and tallies with no result are not scores.
            ("Indianapolis took a 7-0 lead.", &[]),
            ("The Jays went on a 15-2 run.", &[]),
            ("Creighton (25-7) beat Drake.", &[]),
            ("The Jays are 19-12 all time.", &[]),
            (
                "The Colts won the turnover battle 3-0 over the Chiefs.",
                &[],
            ),
        ];
        for (sentence, want) in cases {
            let got: Vec<([u32; 2], String, Vec<String>)> = scores_in(sentence)
                .into_iter()
                .map(|s| (s.points, s.text, s.names))
                .collect();
            let want: Vec<([u32; 2], String, Vec<String>)> = want
                .iter()
                .map(|(p, t, n)| (*p, t.to_string(), n.iter().map(|x| x.to_string()).collect()))
                .collect();
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn bouts_apart() {
        // (a, b, one bout apart?)
        let cases: &[(&[u32], &[u32], bool)] = &[
            (&[52, 3], &[53, 3], true),
            (&[52, 3], &[52, 4], true),
            (&[45, 7, 2], &[45, 7], false),
            (&[45, 7, 1], &[45, 7], true),
            (&[43, 1], &[45, 1], false),
            (&[52, 3], &[52, 3], false),
        ];
        for (a, b, want) in cases {
            assert_eq!(one_bout_apart(a, b), *want, "{a:?} / {b:?}");
        }
    }
}
