//! Gazetteers: countries, capitals, cities, regions, demonyms, organisations, titles and groups,
//! looked up by phrase or matched over a token sequence.
//!
//! The lists are plain text under `data/gazetteer/` (tab-separated, one entry per line, each
//! file's header comment gives its columns), written from general knowledge of the world, not
//! fitted to any article. They are compiled in with `include_str!`, parsed once into a hash map
//! from a normalised key to its entries, and cached in a `OnceLock`. Parsing and the data
//! invariants are in `gazetteer/data.rs`, role phrases in `gazetteer/roles.rs`.
//!
//! Uses: features for the entity tagger ([`token_features`]), typing a tagged name ([`lookup`]),
//! splitting a title off a person's name ([`role_before`], [`is_role`]) and merging mentions
//! across articles by canonical name ([`canonical`], [`same_referent`]).
//!
//! ## Keys
//! A phrase is cut into tokens with the project tokenizer ([`crate::text::tokens`]), so a listed
//! phrase and the same words in an article give the same key. Each token is normalised:
//! - curly apostrophes become straight (`’` → `'`);
//! - periods are dropped except between two digits (`U.S.` = `US`, `U.N.` = `UN`, `Gen.` = `Gen`);
//! - hyphens become spaces, so `Nagorno-Karabakh` (one token) = `Nagorno Karabakh` (two) and
//!   `Secretary-General` = `Secretary General`;
//! - letters are lower-cased and common Latin diacritics folded (`Türkiye` = `Turkiye`,
//!   `Côte d'Ivoire` = `Cote d'Ivoire`);
//! - **except** an all-capitals word listed in `data/gazetteer/case_sensitive.txt`: acronyms whose
//!   lower-case form is an ordinary English word (`US`/`us`, `WHO`/`who`, `AP`, `IS`, `ICE` …)
//!   keep their capitals, so `US` and `U.S.` find the United States but `us` and `Us` find
//!   nothing. Other acronyms are case-insensitive (`NATO` = `Nato`).
//!
//! The tokens' forms are joined with single spaces; a leading `the` and a trailing possessive
//! (`'s`, `’s`, a lone `'`) are dropped. [`matches()`] therefore never starts a match on `the`
//! (`the United States` matches as `United States`; `The Hague` as `Hague`).
//!
//! ## Choices
//! - `America` is listed as the United States (its usual meaning in news text); the continents
//!   are `North America`, `South America`, `Latin America`, `the Americas`.
//! - [`lookup`] is case-insensitive (apart from the acronyms above): `lookup("turkey")` finds
//!   Turkey; callers typing a tagged name need no case games.
//! - One key may have several entries (`Georgia`: a country and a US state; `Washington`: the
//!   capital city and the state; `Congo`: both Congos); all are returned.
//! - A title's `kind` is `"title"` when it is capitalised as part of a name's title
//!   (`President`, `Gen.`) and `"role"` when it stays a common noun (`spokesman`, `envoy`).
//! - [`lookup`] and [`key`] ignore case (bar the acronyms above); [`matches()`] and
//!   [`token_features`], which read running text, do not: a place, organisation, demonym or group
//!   needs a capital letter in the matched tokens, and titles that are also ordinary words
//!   (`Major`, `General`, `Private`, flagged `cap` in `titles.tsv`) need a capitalised first
//!   word that is not all capitals (a headline's `MAJOR` is not a rank).
//!   The role functions ([`role_before`], [`is_role`]) ignore case, since `is_role` is given
//!   lower-cased phrases.

mod data;
mod roles;

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::OnceLock;

pub use data::{data_problems, entry_counts};
pub use roles::{is_role, is_title, role_after, role_before};

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Country,
    Region,
    City,
    Demonym,
    Organization,
    Title,
    Group,
}

impl Class {
    /// All classes, in bit order (see [`token_features`]).
    pub const ALL: [Class; 7] = [
        Class::Country,
        Class::Region,
        Class::City,
        Class::Demonym,
        Class::Organization,
        Class::Title,
        Class::Group,
    ];

    /// The class's index in the feature bit layout (0..=6).
    pub fn index(self) -> u32 {
        self as u32
    }

    /// Is this a place (country, region or city)?
    pub fn is_place(self) -> bool {
        matches!(self, Class::Country | Class::Region | Class::City)
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub class: Class,
    /// Canonical name, e.g. "United States", "Yerevan", "Armenian", "Prime Minister".
    pub canonical: &'static str,
    /// The country's canonical name: for a country itself, its capital and cities, its regions
    /// and its demonym, and for national organisations. `None` when not tied to one country.
    pub country: Option<&'static str>,
    /// A national capital.
    pub capital: bool,
    /// The usual acronym (`NATO`, `US`, `CSTO`), as written in the data.
    pub acronym: Option<&'static str>,
    /// Organisations: `intergovernmental`, `government`, `military alliance`, `military`,
    /// `news`, `party`, `company`, `ngo`, `court`, `think tank`, `university`, `sport`, `armed group`.
    /// Regions: `state`, `province`, `region`, `territory`, `continent`, `disputed`, `sea`.
    /// Titles: `title` or `role`. Groups: `religious`, `ethnic`, `political`.
    pub kind: Option<&'static str>,
}

/// The parsed gazetteer.
pub(crate) struct Gazetteer {
    pub(crate) map: FxHashMap<String, Vec<Entry>>,
    /// Every whole-word prefix of every key (the keys included), to stop extending a match early.
    pub(crate) prefixes: FxHashSet<String>,
    /// Keys of titles recognised in running text only when capitalised (`Major`, `General`).
    pub(crate) cap_only: FxHashSet<String>,
    /// Pre-modifiers of a role phrase (`former`, `acting`).
    pub(crate) role_modifiers: FxHashSet<String>,
    /// The longest key, in tokens.
    pub(crate) max_tokens: usize,
}

pub(crate) fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(data::load)
}

fn case_sensitive() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("../../data/gazetteer/case_sensitive.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Latin letters with diacritics (lower case) and their plain forms.
fn fold(c: char, out: &mut String) {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return out.push_str("ss"),
        'æ' => return out.push_str("ae"),
        'œ' => return out.push_str("oe"),
        'þ' => return out.push_str("th"),
        _ => c,
    };
    out.push(plain);
}

/// Appends the normalised form of one token to `out` (see the module doc); `clean` is scratch
/// space for the token's cleaned form (emptied first), so that a phrase's tokens share one.
fn push_norm_with(tok: &str, out: &mut String, clean: &mut String) {
    let cs = case_sensitive();
    // Most tokens are ASCII letters and digits only: no apostrophe, period or hyphen to clean,
    // one word.
    if !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let all_caps = tok.len() >= 2 && tok.bytes().all(|b| b.is_ascii_uppercase());
        if all_caps && cs.contains(tok) {
            out.push_str(tok);
        } else {
            let at = out.len();
            out.push_str(tok);
            out[at..].make_ascii_lowercase();
        }
        return;
    }
    // Apostrophes, periods and hyphens first.
    clean.clear();
    let mut prev: Option<char> = None;
    let mut chars = tok.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' | '`' => clean.push('\''),
            '.' => {
                let digit_before = prev.is_some_and(|p| p.is_ascii_digit());
                let digit_after = chars.peek().is_some_and(|d| d.is_ascii_digit());
                if (digit_before && digit_after) || tok.len() == 1 {
                    clean.push('.');
                }
            }
            '-' | '\u{2010}' | '\u{2011}' => clean.push(' '),
            _ => clean.push(c),
        }
        prev = Some(c);
    }
    let mut first = true;
    for word in clean.split(' ').filter(|w| !w.is_empty()) {
        if !first {
            out.push(' ');
        }
        first = false;
        let all_caps = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        if all_caps && cs.contains(word) {
            out.push_str(word);
        } else if word.is_ascii() {
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
        } else {
            for lc in word.chars().flat_map(char::to_lowercase) {
                fold(lc, out);
            }
        }
    }
}

/// The normalised form of one token.
pub fn norm_token(tok: &str) -> String {
    let mut s = String::with_capacity(tok.len());
    push_norm_with(tok, &mut s, &mut String::with_capacity(tok.len()));
    s
}

fn is_possessive(norm: &str) -> bool {
    matches!(norm, "'s" | "'")
}

/// Normalised lookup key of a phrase. Case-insensitive except that all-capital acronyms listed in
/// `data/gazetteer/case_sensitive.txt` (`US`, `WHO`, `AP` …) stay distinct from their lower-case
/// words; periods are dropped from initialisms (`U.S.` = `US`), hyphens read as spaces, curly
/// apostrophes as straight, diacritics folded, a leading `the` and a trailing possessive dropped.
pub fn key(phrase: &str) -> String {
    let mut ranges = Vec::new();
    crate::text::tokens::tokenize(phrase, 0..phrase.len(), &mut ranges);
    // The tokens' forms are written straight into one string; `first_end` is where the first
    // non-empty form ends, `last_start` where the last one starts.
    let mut out = String::with_capacity(phrase.len());
    let mut clean = String::new();
    let (mut count, mut first_end, mut last_start) = (0usize, 0usize, 0usize);
    for tok in ranges.into_iter().filter_map(|r| phrase.get(r)) {
        let before = out.len();
        if count > 0 {
            out.push(' ');
        }
        let start = out.len();
        push_norm_with(tok, &mut out, &mut clean);
        if out.len() == start {
            out.truncate(before);
            continue;
        }
        count += 1;
        if count == 1 {
            first_end = out.len();
        }
        last_start = start;
    }
    if count > 0 && is_possessive(&out[last_start..]) {
        out.truncate(last_start.saturating_sub(1));
        count -= 1;
    }
    if count > 1 && &out[..first_end] == "the" {
        out.drain(..first_end + 1);
    }
    out
}

/// All entries for a phrase (any surface form listed in the data); empty when unknown.
pub fn lookup(phrase: &str) -> &'static [Entry] {
    lookup_key(&key(phrase))
}

pub(crate) fn lookup_key(k: &str) -> &'static [Entry] {
    gaz().map.get(k).map(Vec::as_slice).unwrap_or(&[])
}

fn has_upper(tok: &str) -> bool {
    tok.chars().any(char::is_uppercase)
}

/// Capitalised but not all capitals (`Major`, not `major` or a headline's `MAJOR`).
fn capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase) && tok.chars().any(char::is_lowercase)
}

/// The entries of `key` that may match `raw` tokens in running text: titles in any case (except
/// the `cap` titles, which need a capitalised, not all-capitals, first token), everything else
/// only when some token has a capital letter. Entries are stored titles first, so the result is a sub-slice.
fn admissible(k: &str, entries: &'static [Entry], raw: &[&str]) -> &'static [Entry] {
    let titles = entries
        .iter()
        .take_while(|e| e.class == Class::Title)
        .count();
    let title_ok = !gaz().cap_only.contains(k) || raw.first().is_some_and(|t| capitalised(t));
    let other_ok = raw.iter().any(|t| has_upper(t));
    match (title_ok, other_ok) {
        (true, true) => entries,
        (true, false) => entries.get(..titles).unwrap_or(&[]),
        (false, true) => entries.get(titles..).unwrap_or(&[]),
        (false, false) => &[],
    }
}

/// Longest match starting at token `i`, given the raw tokens and their normalised forms: its
/// end (exclusive) and its admissible entries.
fn longest_at(raw: &[&str], norms: &[String], i: usize) -> Option<(usize, &'static [Entry])> {
    let g = gaz();
    let first = norms.get(i)?;
    if first.is_empty() || first == "the" {
        return None;
    }
    let mut s = String::with_capacity(32);
    let mut best = None;
    for (j, n) in norms.iter().enumerate().skip(i).take(g.max_tokens) {
        if n.is_empty() {
            break;
        }
        if j > i {
            s.push(' ');
        }
        s.push_str(n);
        if !g.prefixes.contains(&s) {
            break;
        }
        if let Some(e) = g.map.get(&s) {
            let ok = admissible(&s, e, raw.get(i..=j).unwrap_or(&[]));
            if !ok.is_empty() {
                best = Some((j + 1, ok));
            }
        }
    }
    best
}

/// Longest matches over a token sequence: (token range, entries). Non-overlapping, left to
/// right, longest first. A match never starts on `the`. Unlike [`lookup`], matching in running
/// text heeds capitals: places, organisations, demonyms and groups need a capital letter
/// somewhere in the matched tokens (`Turkey`, not `turkey`; `al-Qaeda` is fine), titles match in
/// any case (`spokesman`, `prime minister`) except those flagged `cap` in `titles.tsv`, which
/// need a capitalised first token (`Major`, not `major` nor a headline's `MAJOR`).
pub fn matches(tokens: &[&str]) -> Vec<(Range<usize>, &'static [Entry])> {
    let norms: Vec<String> = tokens.iter().map(|t| norm_token(t)).collect();
    matches_norm(tokens, &norms)
}

pub(crate) fn matches_norm(
    raw: &[&str],
    norms: &[String],
) -> Vec<(Range<usize>, &'static [Entry])> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < norms.len() {
        match longest_at(raw, norms, i) {
            Some((end, entries)) => {
                out.push((i..end, entries));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Feature bit: the token is covered by a match with an entry of `class`.
pub const fn covers_bit(class: Class) -> u32 {
    1 << (class as u32)
}
/// Feature bit: the token begins a match with an entry of `class`.
pub const fn begins_bit(class: Class) -> u32 {
    1 << (8 + class as u32)
}
/// Feature bit: the covering match is longer than one token.
pub const MULTI_TOKEN: u32 = 1 << 16;
/// Feature bit: the covering match includes a national capital.
pub const CAPITAL: u32 = 1 << 17;
/// Feature bit: the covering match includes a news organisation (agency or outlet).
pub const NEWS: u32 = 1 << 18;
/// Feature bit: the covering match includes a title capitalised as part of a name (`President`).
pub const CAP_TITLE: u32 = 1 << 19;
/// Feature bit: a hyphen-separated part of the token (`Russian-led`, `Azeri-Armenian`,
/// `pro-Moscow`) is, alone, a country, region, city or demonym.
pub const HYPHEN_PLACE: u32 = 1 << 20;
/// Feature bit: the token ends its covering match.
pub const ENDS: u32 = 1 << 21;

/// One bitmask per token for a tagger's features, from the longest matches of [`matches()`].
///
/// Bit layout (stable; `Class` indexes: Country 0, Region 1, City 2, Demonym 3, Organization 4,
/// Title 5, Group 6):
/// - bits 0–6: the token is covered by a match with an entry of that class ([`covers_bit`]);
/// - bits 8–14: the token begins such a match ([`begins_bit`], `1 << (8 + index)`);
/// - bit 16 [`MULTI_TOKEN`]: the covering match spans more than one token;
/// - bit 17 [`CAPITAL`]: the covering match includes a national capital;
/// - bit 18 [`NEWS`]: the covering match includes a news agency or outlet;
/// - bit 19 [`CAP_TITLE`]: the covering match includes a title of kind `title`;
/// - bit 20 [`HYPHEN_PLACE`]: a hyphen-separated part of the token is, alone, a country,
///   region, city or demonym (set independently of the match bits);
/// - bit 21 [`ENDS`]: the token is the last of its covering match;
/// - bits 7, 15 and 22–31 are always 0.
///
/// Cost: one normalisation per token and about one hash probe per token outside matches.
pub fn token_features(tokens: &[&str]) -> Vec<u32> {
    let norms: Vec<String> = tokens.iter().map(|t| norm_token(t)).collect();
    let mut feats = vec![0u32; tokens.len()];
    for (range, entries) in matches_norm(tokens, &norms) {
        let mut cover = 0u32;
        let mut begin = 0u32;
        for e in entries {
            cover |= covers_bit(e.class);
            begin |= begins_bit(e.class);
            if e.capital {
                cover |= CAPITAL;
            }
            if e.class == Class::Organization && e.kind == Some("news") {
                cover |= NEWS;
            }
            if e.class == Class::Title && e.kind == Some("title") {
                cover |= CAP_TITLE;
            }
        }
        if range.len() > 1 {
            cover |= MULTI_TOKEN;
        }
        let last = range.end - 1;
        for i in range.clone() {
            if let Some(f) = feats.get_mut(i) {
                *f |= cover;
                if i == range.start {
                    *f |= begin;
                }
                if i == last {
                    *f |= ENDS;
                }
            }
        }
    }
    for (i, n) in norms.iter().enumerate() {
        let Some(t) = tokens.get(i) else { continue };
        if !t.contains(['-', '\u{2010}', '\u{2011}']) {
            continue;
        }
        let place = n.split(' ').any(|part| {
            lookup_key(part)
                .iter()
                .any(|e| e.class.is_place() || e.class == Class::Demonym)
        });
        if place {
            feats[i] |= HYPHEN_PLACE;
        }
    }
    feats
}

/// Every key with its entries, sorted by key (for inspection tools and tests).
pub fn keyed_entries() -> Vec<(&'static str, &'static [Entry])> {
    let mut all: Vec<(&'static str, &'static [Entry])> = gaz()
        .map
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_slice()))
        .collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    all
}

/// The canonical name a phrase refers to, for merging mentions: the first entry that is not a
/// title, preferring countries, then organisations, cities, regions, groups, demonyms.
pub fn canonical(phrase: &str) -> Option<&'static str> {
    best_entry(lookup(phrase)).map(|e| e.canonical)
}

fn best_entry(entries: &'static [Entry]) -> Option<&'static Entry> {
    const ORDER: [Class; 6] = [
        Class::Country,
        Class::Organization,
        Class::City,
        Class::Region,
        Class::Group,
        Class::Demonym,
    ];
    ORDER
        .iter()
        .find_map(|c| entries.iter().find(|e| e.class == *c))
}

/// The country a phrase belongs to: itself for a country, its country for a capital, city,
/// region, demonym or national organisation.
pub fn country_of(phrase: &str) -> Option<&'static str> {
    lookup(phrase).iter().find_map(|e| e.country)
}

/// Do two phrases name the same thing (an entry of the same class and canonical name, titles
/// aside)? `U.S.` / `America`, `UN Security Council` / `UNSC`, `Kiev` / `Kyiv`.
pub fn same_referent(a: &str, b: &str) -> bool {
    let (ea, eb) = (lookup(a), lookup(b));
    ea.iter().any(|x| {
        x.class != Class::Title
            && eb
                .iter()
                .any(|y| y.class == x.class && y.canonical == x.canonical)
    })
}

#[cfg(test)]
mod tests;
