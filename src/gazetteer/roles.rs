//! Role phrases next to a person's name: `Armenian Prime Minister` Nikol Pashinyan, Dmitry
//! Peskov, `the Kremlin spokesman`.
//!
//! A role phrase is read with a small grammar over gazetteer matches:
//!
//! ```text
//! role       := premod* (modifier | modifier "'s" | premod)* title+ complement?
//! modifier   := country | region | city | demonym | organisation | group     (U.S., Turkish, Kremlin)
//! premod     := a word of data/gazetteer/role_modifiers.txt                  (former, acting)
//! complement := ("of" | "for" | "to" | "at" | "in" | "on") "the"? (place | organisation | group)
//! ```
//!
//! `title` is any entry of `titles.tsv`, matched longest first, so `Secretary of State` and
//! `Minister of Foreign Affairs` are one title. Before a name the phrase is read right to left
//! from the name, at most [`WINDOW`] tokens back, and the earliest start that still parses wins.
//! After a name (and in [`is_role`]) it is read left to right; there a complement counts only
//! when the phrase can end after it (punctuation, the end, or a word such as `and`, `who`,
//! `said`), since `chairman of the Tibetan exile group` has no complement we could name.
//! An article (`the`) is never part of the phrase.

use super::{gaz, is_possessive, key, lookup_key, norm_token, Class, Entry};
use std::ops::Range;

/// How far back (in tokens) a role phrase may start.
pub const WINDOW: usize = 16;

const PREPS: &[&str] = &["of", "for", "to", "at", "in", "on"];

fn has_title(entries: &[Entry]) -> bool {
    entries.iter().any(|e| e.class == Class::Title)
}

fn is_modifier(entries: &[Entry]) -> bool {
    entries.iter().any(|e| e.class != Class::Title)
}

/// A complement's entity: a place, organisation or group, not a demonym (`chairman of the
/// Tibetan …` is the start of a longer name, not a complement).
fn is_complement(entries: &[Entry]) -> bool {
    !has_title(entries)
        && entries
            .iter()
            .any(|e| !matches!(e.class, Class::Title | Class::Demonym))
}

fn is_premod(norm: &str) -> bool {
    gaz().role_modifiers.contains(norm)
}

/// Longest match ending at `e` (exclusive) and starting at or after 0: (start, entries).
fn longest_ending_at(norms: &[String], e: usize) -> Option<(usize, &'static [Entry])> {
    let g = gaz();
    let lo = e.saturating_sub(g.max_tokens);
    for s in lo..e {
        let part = norms.get(s..e)?;
        if part.first().is_some_and(|n| n == "the" || n.is_empty()) {
            continue;
        }
        let k = part.join(" ");
        if let Some(entries) = g.map.get(&k) {
            return Some((s, entries.as_slice()));
        }
    }
    None
}

/// `title prep the? entity` ending at `e`: the title's start.
fn complement_start(norms: &[String], e: usize) -> Option<usize> {
    let (s, entries) = longest_ending_at(norms, e)?;
    if !is_complement(entries) {
        return None;
    }
    let mut j = s;
    if j > 0 && norms[j - 1] == "the" {
        j -= 1;
    }
    if j == 0 || !PREPS.contains(&norms[j - 1].as_str()) {
        return None;
    }
    let (t, entries) = longest_ending_at(norms, j - 1)?;
    has_title(entries).then_some(t)
}

/// Start of the role phrase that ends exactly at `norms.len()`.
fn parse_back(norms: &[String]) -> Option<usize> {
    let mut e = norms.len();
    let mut start = complement_start(norms, e);
    if let Some(s) = start {
        e = s;
    }
    while e > 0 {
        if let Some((s, entries)) = longest_ending_at(norms, e) {
            if has_title(entries) || (start.is_some() && is_modifier(entries)) {
                e = s;
                start = Some(s);
                continue;
            }
        }
        if start.is_none() {
            break;
        }
        if e >= 2 && is_possessive(&norms[e - 1]) {
            if let Some((s, entries)) = longest_ending_at(norms, e - 1) {
                if is_modifier(entries) && !has_title(entries) {
                    e = s;
                    start = Some(s);
                    continue;
                }
            }
        }
        if is_premod(&norms[e - 1]) {
            e -= 1;
            start = Some(e);
            continue;
        }
        break;
    }
    start
}

/// The role phrase that ends right before token `name_start` (`Armenian Prime Minister`,
/// `Kremlin spokesman`, `U.S. Secretary of State`, `president of the European Council`): its
/// first token index. It may include leading demonym, country or organisation modifiers
/// (`Kremlin`, `U.S.`, `Turkish`, `Russia 's`) and pre-modifiers (`former`). `None` when no
/// title ends right before the name.
pub fn role_before(tokens: &[&str], name_start: usize) -> Option<usize> {
    if name_start == 0 || name_start > tokens.len() {
        return None;
    }
    let lo = name_start.saturating_sub(WINDOW);
    let norms: Vec<String> = tokens[lo..name_start]
        .iter()
        .map(|t| norm_token(t))
        .collect();
    parse_back(&norms).map(|s| s + lo)
}

/// Longest match starting at `p`.
fn longest_from(norms: &[String], p: usize) -> Option<(usize, &'static [Entry])> {
    let g = gaz();
    let first = norms.get(p)?;
    if first == "the" || first.is_empty() {
        return None;
    }
    let mut best = None;
    let mut s = String::new();
    for (j, n) in norms.iter().enumerate().skip(p).take(g.max_tokens) {
        if j > p {
            s.push(' ');
        }
        s.push_str(n);
        if !g.prefixes.contains(&s) {
            break;
        }
        if let Some(e) = g.map.get(&s) {
            best = Some((j + 1, e.as_slice()));
        }
    }
    best
}

/// Words that may follow a complete complement (`leader of the Kurds, who …`); any other word
/// means the entity was only the start of a longer name (`chairman of the Tibetan exile group`).
const AFTER_COMPLEMENT: &[&str] = &[
    "and", "or", "but", "who", "which", "that", "said", "says", "told", "has", "had", "was", "is",
    "will", "would", "in", "on", "at", "since", "from", "to", "for", "with", "as", "during",
];

/// Can the complement end before this token?
fn ends_phrase(next: Option<&String>) -> bool {
    match next {
        None => true,
        Some(n) => !n.starts_with(char::is_alphanumeric) || AFTER_COMPLEMENT.contains(&n.as_str()),
    }
}

/// A role phrase read left to right from `p`: its end (exclusive), or `None` without a title.
fn parse_forward(norms: &[String], mut p: usize) -> Option<usize> {
    let mut titles = false;
    while p < norms.len() {
        match longest_from(norms, p) {
            Some((end, entries)) if has_title(entries) => {
                titles = true;
                p = end;
                continue;
            }
            Some((end, entries)) if !titles && is_modifier(entries) => {
                p = end;
                if norms.get(p).is_some_and(|n| is_possessive(n)) {
                    p += 1;
                }
                continue;
            }
            _ => {}
        }
        if !titles && is_premod(&norms[p]) {
            p += 1;
            continue;
        }
        break;
    }
    if !titles {
        return None;
    }
    // complement: of / for / to … the? entity
    if norms.get(p).is_some_and(|n| PREPS.contains(&n.as_str())) {
        let mut q = p + 1;
        if norms.get(q).is_some_and(|n| n == "the") {
            q += 1;
        }
        if let Some((end, entries)) = longest_from(norms, q) {
            if is_complement(entries) && ends_phrase(norms.get(end)) {
                return Some(end);
            }
        }
    }
    Some(p)
}

/// The role phrase in apposition after a name ending at token `name_end` (exclusive):
/// `Dmitry Peskov, the Kremlin spokesman` → the range of `Kremlin spokesman`. A comma and then an
/// optional article or possessive pronoun (`the`, `a`, `an`, `his`, `her`, `its`) must come
/// first.
pub fn role_after(tokens: &[&str], name_end: usize) -> Option<Range<usize>> {
    if tokens.get(name_end).is_none_or(|t| *t != ",") {
        return None;
    }
    let hi = (name_end + 1 + WINDOW).min(tokens.len());
    let norms: Vec<String> = tokens
        .get(name_end + 1..hi)?
        .iter()
        .map(|t| norm_token(t))
        .collect();
    let mut p = 0;
    if norms
        .first()
        .is_some_and(|n| matches!(n.as_str(), "the" | "a" | "an" | "his" | "her" | "its"))
    {
        p = 1;
    }
    let end = parse_forward(&norms, p)?;
    let base = name_end + 1;
    Some(base + p..base + end)
}

/// Is this phrase a title or role on its own (`Prime Minister`, `Kremlin spokesman`,
/// `president of the European Council`, `head of the delegation`)? True when, after an optional
/// article, the phrase reads as a role and whatever follows starts with a preposition.
pub fn is_role(phrase: &str) -> bool {
    let mut ranges = Vec::new();
    crate::text::tokens::tokenize(phrase, 0..phrase.len(), &mut ranges);
    let norms: Vec<String> = ranges
        .into_iter()
        .filter_map(|r| phrase.get(r))
        .map(norm_token)
        .filter(|n| !n.is_empty())
        .collect();
    let mut p = 0;
    if norms
        .first()
        .is_some_and(|n| matches!(n.as_str(), "the" | "a" | "an"))
    {
        p = 1;
    }
    match parse_forward(&norms, p) {
        Some(end) => end == norms.len() || PREPS.contains(&norms[end].as_str()),
        None => false,
    }
}

/// Is a single word or phrase listed as a title (exactly, not as the start of a phrase)?
pub fn is_title(phrase: &str) -> bool {
    has_title(lookup_key(&key(phrase)))
}
