//! The units the comparison groups: a claim, or each piece of a claim told in several pieces.
//!
//! A quote told as `“A,” X said. “B.”` is one claim with two pieces (the attribution scorer
//! needs it whole), but A and B are two things said: another article may quote only A, or A
//! and B far apart as two claims. Compared whole, such a claim matches a claim like A and a
//! claim like B, and brings them into one group. So the pieces of a claim are compared as
//! units of their own, when they are things said on their own:
//!
//! - **Where to cut**: between two pieces only when the words between them end a sentence
//!   (their last mark, past closing quotes, is `.`, `!` or `?`) and the next piece opens one (its
//!   first letter, past opening quotes, is a capital or a digit): `“A,” X said. “B.”` is cut,
//!   `“The talks,” he said, “will go on.”` (one sentence interrupted) is not.
//! - **Too short to stand alone**: a unit with fewer than [`MIN_WORDS`] distinct content words
//!   (function and reporting words and negations aside, as the comparison reads words) joins the
//!   unit before it (the first one joins the next): `“We’ll find out in court,” he said. “And I
//!   look forward to it.”` is one thing said, and two or three words are too little evidence to
//!   align a unit by itself (they match any claim that uses the same two words).
//!
//! Each unit keeps the claim's id, kind, speaker, source, cue and citations, and takes:
//!
//! - **Content**: from its first piece's start to its last piece's end, with `pieces` its own
//!   pieces, so its words, its quoted words and the word diff of its group are its pieces',
//!   never the attribution between pieces.
//! - **Sentence** (where the comparison looks for the entities that give context terms): the
//!   claim's sentence cut at the neighbouring units, from the end of the unit before (or the
//!   sentence start) to the start of the unit after (or the sentence end). The attribution
//!   between two units ("Kremlin spokesman Dmitry Peskov said") stays in the context of both;
//!   the words of the other units do not.
//! - **Figures**: those whose span overlaps one of its pieces. A figure outside every piece
//!   lies in the attribution and belongs to no unit.
//!
//! A claim left with one unit is that unit, unchanged. [`split`] returns the units with, for
//! each, the index of its claim.

use super::lexicon::lexicon;
use crate::report::{Claim, Span};

/// Distinct content words a unit needs to stand alone.
pub const MIN_WORDS: usize = 3;

/// The units of `claims`, in claim order (a claim's units in text order), with the index of
/// the claim each comes from.
pub fn split(claims: &[Claim]) -> (Vec<Claim>, Vec<usize>) {
    let mut units = Vec::with_capacity(claims.len());
    let mut origin = Vec::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        let groups = cut(c);
        if groups.len() < 2 {
            units.push(c.clone());
            origin.push(i);
            continue;
        }
        for u in units_of(c, &groups) {
            units.push(u);
            origin.push(i);
        }
    }
    (units, origin)
}

/// [`split`] taking the claims, so that a claim that makes one unit (nearly all) becomes it
/// without a copy: the units, the claim index of each, and the claims that made several
/// units, by index, which [`join`] puts back. The units are made in the claims' own list,
/// each moved back to make room for the units before it, so no second list is allocated.
pub fn split_owned(mut claims: Vec<Claim>) -> (Vec<Claim>, Vec<usize>, Vec<(usize, Claim)>) {
    let mut several: Vec<(usize, Vec<Claim>)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let groups = cut(c);
        if groups.len() >= 2 {
            several.push((i, units_of(c, &groups)));
        }
    }
    let count = claims.len();
    // Units of the claims before each claim, beyond one a claim (cut groups are never empty,
    // so every claim makes at least one unit).
    let extra: usize = several
        .iter()
        .map(|(_, us)| us.len().saturating_sub(1))
        .sum();
    if several.iter().any(|(_, us)| us.is_empty()) {
        return split_copied(claims, several);
    }
    claims.reserve_exact(extra);
    claims.resize_with(count + extra, blank);
    let mut origin = vec![0; count + extra];
    let mut kept = Vec::with_capacity(several.len());
    // From the back: claim `i`'s units go to `w - units..w`, never below `i`; what lies
    // above `i` and is not yet placed is blank.
    let mut w = count + extra;
    let mut several = several.into_iter().rev().peekable();
    for i in (0..count).rev() {
        match several.next_if(|(j, _)| *j == i) {
            Some((_, us)) => {
                kept.push((i, std::mem::replace(&mut claims[i], blank())));
                for u in us.into_iter().rev() {
                    w -= 1;
                    origin[w] = i;
                    claims[w] = u;
                }
            }
            None => {
                w -= 1;
                origin[w] = i;
                claims.swap(i, w);
            }
        }
    }
    kept.reverse();
    (claims, origin, kept)
}

/// [`split_owned`] into a new list (a claim that made no unit at all, which the cut never
/// gives).
fn split_copied(
    claims: Vec<Claim>,
    several: Vec<(usize, Vec<Claim>)>,
) -> (Vec<Claim>, Vec<usize>, Vec<(usize, Claim)>) {
    let mut units = Vec::with_capacity(claims.len());
    let mut origin = Vec::with_capacity(claims.len());
    let mut kept = Vec::with_capacity(several.len());
    let mut several = several.into_iter().peekable();
    for (i, c) in claims.into_iter().enumerate() {
        match several.next_if(|(j, _)| *j == i) {
            Some((_, us)) => {
                for u in us {
                    units.push(u);
                    origin.push(i);
                }
                kept.push((i, c));
            }
            None => {
                units.push(c);
                origin.push(i);
            }
        }
    }
    (units, origin, kept)
}

/// The `count` claims given to [`split_owned`], from its units (each claim that made one
/// unit is that unit) and the claims it kept, in the units' own list.
pub fn join(
    mut units: Vec<Claim>,
    origin: &[usize],
    kept: Vec<(usize, Claim)>,
    count: usize,
) -> Vec<Claim> {
    if kept.is_empty() && units.len() == count {
        return units;
    }
    // Claim `i`'s first unit is at `r >= i`; what lies below `r` and at or above `i` has
    // been used.
    let mut kept = kept.into_iter().peekable();
    let mut r = 0;
    for i in 0..count {
        let from = r;
        while origin.get(r) == Some(&i) {
            r += 1;
        }
        if let Some((_, c)) = kept.next_if(|(k, _)| *k == i) {
            units[i] = c;
        } else if r > from {
            units.swap(i, from);
        } else if let Some(u) = units.get_mut(i) {
            // A claim with no unit (never made by the cut): blank.
            *u = blank();
        }
    }
    units.truncate(count);
    units
}

/// A claim holding nothing (allocates nothing): what is left where a claim was moved out.
fn blank() -> Claim {
    let span = || Span {
        start: 0,
        end: 0,
        text: String::new(),
    };
    Claim {
        id: String::new(),
        doc: 0,
        kind: crate::report::ClaimKind::Event,
        sentence: span(),
        content: span(),
        pieces: Vec::new(),
        cue: None,
        source: None,
        speaker: None,
        cited: Vec::new(),
        quantities: Vec::new(),
    }
}

/// The units of claim `c`, cut into the piece groups `groups` (two or more).
fn units_of(c: &Claim, groups: &[Vec<&Span>]) -> Vec<Claim> {
    let mut units = Vec::with_capacity(groups.len());
    for (k, g) in groups.iter().enumerate() {
        let (Some(first), Some(last)) = (g.first(), g.last()) else {
            continue;
        };
        let (start, end) = (first.start, last.end);
        let lo = if k == 0 {
            c.sentence.start
        } else {
            groups[k - 1].last().map_or(c.sentence.start, |p| p.end)
        };
        let hi = groups
            .get(k + 1)
            .and_then(|n| n.first())
            .map_or(c.sentence.end, |p| p.start);
        // Cut the sentence only when the cut is a stretch of it around the unit; messy
        // spans keep the whole sentence.
        let fits = c.sentence.start <= lo && lo <= start && end <= hi && hi <= c.sentence.end;
        let sentence = if fits {
            Span {
                start: lo,
                end: hi,
                text: slice16(&c.sentence.text, c.sentence.start, lo, hi),
            }
        } else {
            c.sentence.clone()
        };
        let content = if g.len() == 1 {
            (*first).clone()
        } else {
            let inside = c.content.start <= start && end <= c.content.end && start <= end;
            let text = if inside {
                slice16(&c.content.text, c.content.start, start, end)
            } else {
                g.iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            Span { start, end, text }
        };
        let quantities = c
            .quantities
            .iter()
            .filter(|q| {
                g.iter()
                    .any(|p| q.span.start < p.end && p.start < q.span.end)
            })
            .cloned()
            .collect();
        units.push(Claim {
            sentence,
            content,
            pieces: g.iter().map(|p| (*p).clone()).collect(),
            quantities,
            ..c.clone()
        });
    }
    units
}

/// The pieces of `c` in text order, grouped into the units they make (see the module doc).
fn cut(c: &Claim) -> Vec<Vec<&Span>> {
    let mut pieces: Vec<&Span> = c
        .pieces
        .iter()
        .filter(|p| p.text.chars().any(char::is_alphanumeric))
        .collect();
    if pieces.len() < 2 {
        return vec![pieces];
    }
    pieces.sort_by_key(|p| (p.start, p.end));
    let mut groups: Vec<Vec<&Span>> = vec![vec![pieces[0]]];
    for w in pieces.windows(2) {
        let (a, b) = (w[0], w[1]);
        let between = if c.sentence.start <= a.end && a.end <= b.start && b.start <= c.sentence.end
        {
            slice16(&c.sentence.text, c.sentence.start, a.end, b.start)
        } else {
            String::new()
        };
        if ends_sentence(&between) && opens_sentence(&b.text) {
            groups.push(vec![b]);
        } else if let Some(g) = groups.last_mut() {
            g.push(b);
        }
    }
    // Units too short to stand alone join the one before (the first joins the next).
    let mut k = 0;
    while groups.len() > 1 && k < groups.len() {
        if content_words(&groups[k]) >= MIN_WORDS {
            k += 1;
            continue;
        }
        let g = groups.remove(k);
        if k == 0 {
            let mut next = g;
            next.append(&mut groups[0]);
            groups[0] = next;
        } else {
            groups[k - 1].extend(g);
        }
        k = k.saturating_sub(1);
    }
    groups
}

/// Marks that close a quotation or a bracket.
const CLOSING: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')', ']'];
/// Marks that open a quotation or a bracket.
const OPENING: &[char] = &[
    '"', '\'', '\u{201c}', '\u{2018}', '\u{201e}', '\u{ab}', '(', '[',
];

/// Does `text` (the words between two pieces) end a sentence?
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(CLOSING)
        .ends_with(['.', '!', '?'])
}

/// Does `text` (a piece) open a sentence?
fn opens_sentence(text: &str) -> bool {
    text.trim_start()
        .trim_start_matches(OPENING)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Distinct content words of `pieces`, read as the comparison reads words: lower-cased, at least
/// two characters with a letter, function and reporting words and negations dropped, keyed
/// through the stemmer and synonym table.
fn content_words(pieces: &[&Span]) -> usize {
    let lex = lexicon();
    let mut keys: Vec<String> = pieces
        .iter()
        .flat_map(|p| {
            p.text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        })
        .map(|w| w.trim_matches(['\'', '\u{2019}']).to_lowercase())
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic))
        .filter(|w| !lex.stopwords.contains(w) && !lex.negations.contains(w))
        .map(|w| lex.key(&w))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

/// The part of `text` (which starts at UTF-16 offset `base`) between UTF-16 offsets `start` and
/// `end`; offsets inside a surrogate pair or outside the text give what lies within.
fn slice16(text: &str, base: u32, start: u32, end: u32) -> String {
    let mut u = base;
    let mut out = String::new();
    for c in text.chars() {
        let next = u + c.len_utf16() as u32;
        if u >= start && next <= end {
            out.push(c);
        }
        u = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Quantity;

    fn span(text: &str, start: u32) -> Span {
        Span {
            start,
            end: start + text.encode_utf16().count() as u32,
            text: text.to_string(),
        }
    }

    fn figure(text: &str, start: u32) -> Quantity {
        Quantity {
            span: span(text, start),
            value: None,
            low: None,
            high: None,
            unknown: false,
            qualifier: None,
            unit: None,
            event: None,
        }
    }

    /// A claim on `sentence` (starting at offset 10) with the pieces and figures given as
    /// substrings of it.
    fn claim(sentence: &str, pieces: &[&str], figures: &[&str]) -> Claim {
        let at = |s: &str| -> u32 {
            let b = sentence.find(s).unwrap_or(0);
            10 + sentence[..b].encode_utf16().count() as u32
        };
        let ps: Vec<Span> = pieces.iter().map(|p| span(p, at(p))).collect();
        let content = match (ps.first(), ps.last()) {
            (Some(a), Some(b)) => {
                let (s, e) = (a.start as usize - 10, b.end as usize - 10);
                let units: Vec<u16> = sentence.encode_utf16().collect();
                Span {
                    start: a.start,
                    end: b.end,
                    text: String::from_utf16_lossy(units.get(s..e).unwrap_or(&[])),
                }
            }
            _ => span("", 10),
        };
        Claim {
            id: "c0".into(),
            doc: 0,
            kind: crate::report::ClaimKind::Quote,
            sentence: span(sentence, 10),
            content,
            pieces: ps,
            cue: None,
            source: None,
            speaker: Some("e0".into()),
            cited: vec![],
            quantities: figures.iter().map(|f| figure(f, at(f))).collect(),
        }
    }

    /// Sentence, pieces, figures, and the expected units as "content / sentence / figures".
    type Case = (
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    );

    #[test]
    fn units_of_claims() {
        let cases: &[Case] = &[
            (
                "“The talks in Geneva will resume next week,” Mamer said. “Both delegations have accepted the new agenda.”",
                &["“The talks in Geneva will resume next week,”", "“Both delegations have accepted the new agenda.”"],
                &[],
                &[
                    "“The talks in Geneva will resume next week,” / “The talks in Geneva will resume next week,” Mamer said.  / ",
                    "“Both delegations have accepted the new agenda.” /  Mamer said. “Both delegations have accepted the new agenda.” / ",
                ],
            ),
            (
                "“Twelve villagers died in the flood overnight,” the 😀 mayor said. “Two rescue workers were hurt near the bridge.”",
                &["“Twelve villagers died in the flood overnight,”", "“Two rescue workers were hurt near the bridge.”"],
                &["Twelve", "Two", "the 😀 mayor"],
                &[
                    "“Twelve villagers died in the flood overnight,” / “Twelve villagers died in the flood overnight,” the 😀 mayor said.  / Twelve",
                    "“Two rescue workers were hurt near the bridge.” /  the 😀 mayor said. “Two rescue workers were hurt near the bridge.” / Two",
                ],
            ),
            // One sentence interrupted by its attribution: one unit.
            (
                "“The talks in Geneva,” Mamer said, “will resume next week with both delegations.”",
                &["“The talks in Geneva,”", "“will resume next week with both delegations.”"],
                &[],
                &["“The talks in Geneva,” Mamer said, “will resume next week with both delegations.” / “The talks in Geneva,” Mamer said, “will resume next week with both delegations.” / "],
            ),
            // A continuation too short to stand alone: one unit.
            (
                "“We will find out the truth about the payments in court,” he said. “And I look forward to it.”",
                &["“We will find out the truth about the payments in court,”", "“And I look forward to it.”"],
                &[],
                &["“We will find out the truth about the payments in court,” he said. “And I look forward to it.” / “We will find out the truth about the payments in court,” he said. “And I look forward to it.” / "],
            ),
            // A short middle piece joins the unit before it.
            (
                "“The talks in Geneva will resume next week,” Mamer said. “Good news.” He smiled. “Both delegations have accepted the new agenda.”",
                &["“The talks in Geneva will resume next week,”", "“Good news.”", "“Both delegations have accepted the new agenda.”"],
                &[],
                &[
                    "“The talks in Geneva will resume next week,” Mamer said. “Good news.” / “The talks in Geneva will resume next week,” Mamer said. “Good news.” He smiled.  / ",
                    "“Both delegations have accepted the new agenda.” /  He smiled. “Both delegations have accepted the new agenda.” / ",
                ],
            ),
            (
                "“Both delegations have accepted the new agenda,” she said. “…”",
                &["“Both delegations have accepted the new agenda,”", "“…”"],
                &[],
                &["“Both delegations have accepted the new agenda,” she said. “…” / “Both delegations have accepted the new agenda,” she said. “…” / "],
            ),
            ("No pieces at all.", &[], &[], &[" / No pieces at all. / "]),
        ];
        for (sentence, pieces, figures, want) in cases {
            let c = claim(sentence, pieces, figures);
            let (units, origin) = split(std::slice::from_ref(&c));
            let got: Vec<String> = units
                .iter()
                .map(|u| {
                    let fs: Vec<&str> = u.quantities.iter().map(|q| q.span.text.as_str()).collect();
                    format!(
                        "{} / {} / {}",
                        u.content.text,
                        u.sentence.text,
                        fs.join(",")
                    )
                })
                .collect();
            assert_eq!(got, want.to_vec(), "{sentence}");
            assert!(origin.iter().all(|&o| o == 0));
            for u in &units {
                assert_eq!(u.id, c.id);
                assert_eq!(u.speaker, c.speaker);
                assert_eq!(
                    u.sentence.text.encode_utf16().count() as u32,
                    u.sentence.end - u.sentence.start,
                    "{sentence}"
                );
            }
        }
    }

    #[test]
    fn split_in_place_is_split_and_joins_back() {
        // Claims of one unit and of several, in every order (as bits of a number).
        let one = claim("No pieces at all.", &[], &[]);
        let two = claim(
            "“The talks in Geneva will resume next week,” Mamer said. “Both delegations have accepted the new agenda.”",
            &["“The talks in Geneva will resume next week,”", "“Both delegations have accepted the new agenda.”"],
            &[],
        );
        for n in 0..5 {
            for bits in 0..1u32 << n {
                let claims: Vec<Claim> = (0..n)
                    .map(|k| {
                        let mut c = if bits >> k & 1 == 1 {
                            two.clone()
                        } else {
                            one.clone()
                        };
                        c.id = format!("c{k}");
                        c
                    })
                    .collect();
                let (want, want_origin) = split(&claims);
                let (units, origin, kept) = split_owned(claims.clone());
                assert_eq!((&units, &origin), (&want, &want_origin), "{n} {bits:b}");
                assert_eq!(join(units, &origin, kept, n), claims, "{n} {bits:b}");
            }
        }
    }

    #[test]
    fn messy_pieces_keep_the_sentence() {
        // Pieces outside the sentence, out of order, overlapping: no panic, whole sentence.
        let mut c = claim(
            "“The talks in Geneva will resume next week,” he said. “Both delegations have accepted the new agenda.”",
            &["“The talks in Geneva will resume next week,”", "“Both delegations have accepted the new agenda.”"],
            &[],
        );
        c.pieces.swap(0, 1);
        c.pieces[0].start = 500;
        c.pieces[0].end = 3;
        let (units, _) = split(&[c.clone()]);
        assert!(!units.is_empty());
        assert!(units.iter().any(|u| u.sentence == c.sentence));
        assert_eq!(slice16("a😀b", 0, 1, 2), "");
        assert_eq!(slice16("a😀b", 0, 1, 3), "😀");
        assert_eq!(slice16("ab", 5, 0, 100), "ab");
    }
}
