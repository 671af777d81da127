//! Other names for one entity: the forms news uses for a name it has already given, and the
//! aliases an article introduces itself. [`super::merge`] joins the pairs found here.
//!
//! Independently written articles name one entity differently, and most of the differences
//! have a shape that text alone shows:
//! - **written forms** ([`person_words`], [`fold_org`]): middle initials and a generational
//!   suffix do not tell people apart ("Raj K. Chohan" = "Raj Chohan", "W. Mark Felt Sr." =
//!   "Mark Felt"); a legal form does not tell companies apart ("Microsoft Corp." = "Microsoft");
//! - **short forms** ([`short_form_links`]): an organisation named by the last words of exactly
//!   one longer organisation name in the analysis ("Chargers" → "San Diego Chargers");
//! - **spelling variants** ([`variant_links`]): two multi-word names one letter apart in one
//!   word of four letters or more, or spelt "-re"/"-er" ("Gulf of Eden" / "Gulf of Aden",
//!   "Treatment Centre" / "Treatment Center"); for people only the surname may differ
//!   ("Duncan Rait" / "Duncan Raite"), since "John" / "Joan" are two people;
//! - **aliases introduced in the text** ([`text_links`]): a name in parentheses right after a
//!   longer one ("the National Search and Rescue Agency (Basarnas)"); an appositive description
//!   after a one-word name ("Basarnas, the national search and rescue agency,"); "X, known as
//!   Y" and its kin; "Jokowi, as the president is widely known" (the person whose role is
//!   "president", nearest before, else after).
//!
//! The words these rules rely on (suffixes, legal forms, organisation heads, the "known as"
//! cues) are in `data/lexicon/name-forms.tsv`, loaded strictly: [`problems`] lists every line
//! it could not read and the tests require it to be empty.

use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::entities::{Mention, Type};
use crate::gazetteer::{self, Class};
use crate::text::Prepared;

const NAME_FORMS: &str = include_str!("../../data/lexicon/name-forms.tsv");

/// The word lists of `data/lexicon/name-forms.tsv`.
#[derive(Debug, Default)]
pub struct Lexicon {
    person_suffixes: BTreeSet<String>,
    org_suffixes: BTreeSet<String>,
    org_heads: BTreeSet<String>,
    known_adverbs: BTreeSet<String>,
    alias_cues: Vec<Vec<String>>,
}

/// Parses the name-forms file; every line that is not a known kind with words is an error.
fn parse(src: &str) -> (Lexicon, Vec<String>) {
    let mut lex = Lexicon::default();
    let mut problems = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(words), None) = (cols.next(), cols.next(), cols.next()) else {
            problems.push(format!("name-forms.tsv:{}: not KIND<TAB>WORDS", n + 1));
            continue;
        };
        let words = words.trim();
        if words.is_empty() || words != words.to_lowercase() {
            problems.push(format!(
                "name-forms.tsv:{}: words must be non-empty lower case",
                n + 1
            ));
            continue;
        }
        let fresh = match kind {
            "person-suffix" => lex.person_suffixes.insert(words.to_string()),
            "org-suffix" => lex.org_suffixes.insert(words.to_string()),
            "org-head" => lex.org_heads.insert(words.to_string()),
            "known-adverb" => lex.known_adverbs.insert(words.to_string()),
            "alias-cue" => {
                let cue: Vec<String> = words.split_whitespace().map(str::to_string).collect();
                let fresh = !lex.alias_cues.contains(&cue);
                lex.alias_cues.push(cue);
                fresh
            }
            other => {
                problems.push(format!("name-forms.tsv:{}: unknown kind {other:?}", n + 1));
                continue;
            }
        };
        if !fresh {
            problems.push(format!("name-forms.tsv:{}: duplicate {words:?}", n + 1));
        }
    }
    (lex, problems)
}

fn loaded() -> &'static (Lexicon, Vec<String>) {
    static LEX: OnceLock<(Lexicon, Vec<String>)> = OnceLock::new();
    LEX.get_or_init(|| parse(NAME_FORMS))
}

fn lexicon() -> &'static Lexicon {
    &loaded().0
}

/// Lines of `data/lexicon/name-forms.tsv` that could not be read (the tests require none).
pub fn problems() -> &'static [String] {
    &loaded().1
}

/// Is `word` (any case) an organisation head ("Agency", "ministry")?
pub fn is_org_head(word: &str) -> bool {
    lexicon().org_heads.contains(&word.to_lowercase())
}

/// The words of a person name for matching, each as [`gazetteer::key`]: single-letter
/// initials and a generational suffix are left out when two words remain ("Raj K. Chohan" →
/// `raj chohan`; "W. Mark Felt Sr." → `mark felt`; "J. Smith" stays `j smith`).
pub fn person_words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = s
        .split_whitespace()
        .map(gazetteer::key)
        .filter(|w| !w.is_empty())
        .collect();
    let lex = lexicon();
    if words.len() >= 3
        && words
            .last()
            .is_some_and(|w| lex.person_suffixes.contains(w))
    {
        words.pop();
    }
    let initial = |w: &String| w.chars().count() == 1;
    let kept = words.iter().filter(|w| !initial(w)).count();
    if kept >= 2 && kept < words.len() {
        words.retain(|w| !initial(w));
    }
    words
}

/// An organisation name without its legal form ("Microsoft Corp." → "Microsoft"); other
/// names as they are.
pub fn fold_org(s: &str) -> &str {
    let trimmed = s.trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    match trimmed.rfind(char::is_whitespace) {
        Some(at)
            if lexicon()
                .org_suffixes
                .contains(&gazetteer::key(&trimmed[at..])) =>
        {
            trimmed[..at].trim_end_matches([',', ' '])
        }
        _ => s,
    }
}

/// Is this mention a name the gazetteer knows as a place?
fn is_known_place(surface: &str) -> bool {
    gazetteer::lookup(surface)
        .iter()
        .any(|e| matches!(e.class, Class::Country | Class::Region | Class::City))
}

/// Pairs of mentions an article itself declares to be one entity (see the module doc).
pub fn text_links(docs: &[Prepared], mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut starting: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut ending: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind.is_name() {
            starting.entry((m.doc, m.tokens.start)).or_insert(i);
            ending.entry((m.doc, m.tokens.end)).or_insert(i);
        }
    }
    let lex = lexicon();
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !m.kind.is_name() {
            continue;
        }
        let doc = &docs[m.doc];
        let n = doc.tokens.len();
        let tok = |t: usize| if t < n { doc.token(t) } else { "" };
        let lower = |t: usize| tok(t).to_lowercase();
        let surface = &doc.text[m.range.clone()];
        let words = m.tokens.len();
        let end = m.tokens.end;

        // "Long Name (Alias)": a one-word name or an acronym in parentheses.
        if tok(end) == "(" {
            if let Some(&j) = starting.get(&(m.doc, end + 1)) {
                let inner = &mentions[j];
                let short = &doc.text[inner.range.clone()];
                if tok(inner.tokens.end) == ")"
                    && words >= 2
                    && inner.tokens.len() == 1
                    && !is_known_place(short)
                    && m.kind != Type::Place
                {
                    out.push((i, j));
                }
            }
        }

        // "Alias, the long description," / "Alias, known as Other".
        if tok(end) == "," {
            // An appositive description: "Basarnas, the national search and rescue agency".
            if words == 1 && matches!(lower(end + 1).as_str(), "the" | "a" | "an") {
                if let Some(&j) = starting.get(&(m.doc, end + 2)) {
                    let long = &mentions[j];
                    let last = tok(long.tokens.end - 1);
                    if long.kind == Type::Organization
                        && long.tokens.len() >= 2
                        && is_org_head(last)
                        && !is_known_place(surface)
                    {
                        out.push((i, j));
                    }
                }
            }
            // "X, (also|better …)? known as Y", "X, nicknamed Y".
            let mut t = end + 1;
            if lex.known_adverbs.contains(&lower(t)) {
                t += 1;
            }
            for cue in &lex.alias_cues {
                if (0..cue.len()).all(|k| lower(t + k) == cue[k]) {
                    let mut s = t + cue.len();
                    if matches!(tok(s), "\"" | "'" | "\u{201c}" | "\u{2018}" | "``" | "`") {
                        s += 1;
                    }
                    if let Some(&j) = starting.get(&(m.doc, s)) {
                        out.push((i, j));
                    }
                }
            }
            // "Jokowi, as the president is widely known".
            if lower(end + 1) == "as" {
                if let Some(j) = as_is_known(doc, mentions, i, end + 2) {
                    out.push((i, j));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// "X, as NP is (adverb)? known": the person NP stands for. NP is "the ROLE" (the nearest
/// person before X with that role, else the nearest after) or "he"/"she" (the nearest person
/// before X).
fn as_is_known(doc: &Prepared, mentions: &[Mention], i: usize, from: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let lower = |t: usize| {
        if t < n {
            doc.token(t).to_lowercase()
        } else {
            String::new()
        }
    };
    // NP: up to four words before "is"/"was".
    let verb = (from..(from + 5).min(n)).find(|&t| matches!(lower(t).as_str(), "is" | "was"))?;
    let mut k = verb + 1;
    if lexicon().known_adverbs.contains(&lower(k)) {
        k += 1;
    }
    if lower(k) != "known" || verb == from {
        return None;
    }
    let m = &mentions[i];
    let np: Vec<String> = (from..verb).map(lower).collect();
    let people = mentions
        .iter()
        .enumerate()
        .filter(|(j, p)| *j != i && p.doc == m.doc && p.kind == Type::Person);
    if np.len() == 1 && matches!(np[0].as_str(), "he" | "she") {
        return people
            .filter(|(_, p)| p.range.end <= m.range.start)
            .max_by_key(|(_, p)| p.range.start)
            .map(|(j, _)| j);
    }
    if !matches!(np[0].as_str(), "the" | "a") || np.len() < 2 {
        return None;
    }
    let noun = np[np.len() - 1].as_str();
    let with_role: Vec<(usize, &Mention)> = people
        .filter(|(_, p)| {
            p.role.as_ref().is_some_and(|r| {
                r.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(noun))
            })
        })
        .collect();
    let before = with_role
        .iter()
        .filter(|(_, p)| p.range.end <= m.range.start)
        .max_by_key(|(_, p)| p.range.start);
    let after = with_role
        .iter()
        .filter(|(_, p)| p.range.start >= m.range.end)
        .min_by_key(|(_, p)| p.range.start);
    before.or(after).map(|(j, _)| *j)
}

/// Short forms: an organisation (or unclassified name) whose key is the last words of exactly
/// one longer organisation name in the analysis, where the words left out name a place,
/// joins it ("Chargers" → "San Diego Chargers", "Red Sox" → "Boston Red Sox"). Only a place
/// may be left out: "Union" is not "European Union". Places the gazetteer knows are never
/// short forms, and names fixed by a rule ("Foreign Ministry (Russia)") are left alone.
pub fn short_form_links(
    mentions: &[Mention],
    surface: &[&str],
    keys: &[String],
) -> Vec<(usize, usize)> {
    let org_like = |m: &Mention| matches!(m.kind, Type::Organization | Type::Other);
    // Last-word suffixes of multi-word organisation keys → the distinct full keys.
    let mut by_suffix: FxHashMap<String, BTreeMap<&str, usize>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != Type::Organization || m.canonical.is_some() {
            continue;
        }
        let k = gazetteer::key(fold_org(surface[i]));
        let words: Vec<&str> = k.split(' ').collect();
        for cut in 1..words.len() {
            if !is_known_place(&words[..cut].join(" ")) {
                continue;
            }
            by_suffix
                .entry(words[cut..].join(" "))
                .or_default()
                .entry(keys[i].as_str())
                .or_insert(i);
        }
    }
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !org_like(m) || m.canonical.is_some() || is_known_place(surface[i]) {
            continue;
        }
        let k = gazetteer::key(fold_org(surface[i]));
        if let Some(longs) = by_suffix.get(&k) {
            if let (1, Some(&j)) = (longs.len(), longs.values().next()) {
                out.push((i, j));
            }
        }
    }
    out
}

/// Spelling variants of multi-word names (see the module doc).
pub fn variant_links(mentions: &[Mention], surface: &[&str]) -> Vec<(usize, usize)> {
    // (word count, masked position, the other words) → (the differing word, first mention).
    let mut buckets: FxHashMap<(usize, usize, String), BTreeMap<String, usize>> =
        FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if !m.kind.is_name() || m.kind == Type::Group || m.canonical.is_some() {
            continue;
        }
        let words = if m.kind == Type::Person {
            person_words(surface[i])
        } else {
            gazetteer::key(surface[i])
                .split(' ')
                .map(str::to_string)
                .collect()
        };
        if words.len() < 2 {
            continue;
        }
        // People: only the surname may be spelt differently.
        let positions = if m.kind == Type::Person {
            words.len() - 1..words.len()
        } else {
            0..words.len()
        };
        for p in positions {
            let w = &words[p];
            if w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
                continue;
            }
            let mut rest = words.clone();
            rest[p] = String::new();
            buckets
                .entry((words.len(), p, rest.join(" ")))
                .or_default()
                .entry(w.clone())
                .or_insert(i);
        }
    }
    let mut out = Vec::new();
    for forms in buckets.values() {
        let forms: Vec<(&String, &usize)> = forms.iter().collect();
        for a in 0..forms.len() {
            for b in a + 1..forms.len() {
                let (x, y) = (forms[a].0, forms[b].0);
                // Two names the gazetteer knows are two places ("Bank of Iran" / "of Iraq").
                let known = |w: &str| !gazetteer::lookup(w).is_empty();
                if spelling_variants(x, y) && !(known(x) && known(y)) {
                    out.push((*forms[a].1, *forms[b].1));
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// One letter apart, or "-re" / "-er" ("centre" / "center").
fn spelling_variants(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if super::retype::one_edit(&ca, &cb) {
        return true;
    }
    let swap = |x: &str, y: &str| {
        x.len() == y.len()
            && x.len() > 4
            && x.ends_with("re")
            && y.ends_with("er")
            && x[..x.len() - 2] == y[..y.len() - 2]
    };
    swap(a, b) || swap(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms_file_reads_cleanly() {
        assert_eq!(problems(), &[] as &[String]);
        let (_, bad) =
            parse("person-suffix\tjr\nperson-suffix\tjr\nnope\tx\norg-head\tAgency\nx\n");
        assert_eq!(bad.len(), 4, "{bad:?}");
    }

    #[test]
    fn person_words_table() {
        for (name, words) in [
            ("Raj K. Chohan", "raj chohan"),
            ("Regina M. Benjamin", "regina benjamin"),
            ("W. Mark Felt Sr.", "mark felt"),
            ("Arcade Joseph Comeaux Jr.", "arcade joseph comeaux"),
            ("J. Smith", "j smith"),
            ("Lohan's", "lohan"),
            ("John Jenkin", "john jenkin"),
        ] {
            assert_eq!(person_words(name).join(" "), words, "{name}");
        }
    }

    #[test]
    fn fold_org_table() {
        for (name, folded) in [
            ("Microsoft Corp.", "Microsoft"),
            ("Microsoft Corporation", "Microsoft"),
            ("Acme Holdings, Inc.", "Acme Holdings"),
            ("Corp", "Corp"),
            ("Boston College", "Boston College"),
        ] {
            assert_eq!(fold_org(name), folded, "{name}");
        }
    }

    #[test]
    fn spelling_variants_table() {
        for (a, b, same) in [
            ("rait", "raite", true),
            ("aden", "eden", true),
            ("centre", "center", true),
            ("theatre", "theater", true),
            ("john", "joan", true), // never compared: a person's first name must be equal
            ("austria", "australia", false),
            ("north", "south", false),
        ] {
            assert_eq!(spelling_variants(a, b), same, "{a} / {b}");
        }
    }
}
