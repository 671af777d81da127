//! What the comparison sees of a claim: weighted terms, entity keys, speaker, subject,
//! negated and asserted words, figures, and the quoted words.
//!
//! Terms are interned strings with a prefix saying what they are: `w:` a content word (lower
//! case, stemmed, through the synonym table, function and reporting words dropped), `e:` an
//! entity (its id, or the country it stands for: "Yerevan", "Armenian" and "Armenia" all give
//! `e:armenia`), `n:` a number as a value (`2,000`, `2000` and a figure's value give `n:2000`;
//! number words from "two" up count too), `d:` a date
//! entity's normalised value, `q:` the side and event class of a figure (`q:azerbaijan:0`, a
//! toll of Azerbaijan's in the first event class of `compare-events.txt`). Entities are those with a mention inside the claim's sentence
//! (same document); words inside a mention are not also counted as words.
//!
//! # Memory
//! Every unit's features are held at once while the claims are grouped, so they are kept
//! small: keys (speaker, subject, quoted words) are interned like terms ([`Interner::key`])
//! and every set is an [`IdSet`], a sorted boxed slice of ids (a `BTreeSet<String>` cost a
//! tree node and a string per key); the quoted words are kept as the one quoted text
//! ([`Features::quote_words`] splits it when a group's diff needs them). On 5 MB of news
//! that took the features of 35,000 units from ~31 MB to a few.

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;
use std::fmt;

use super::lexicon::{lexicon, Lexicon};
use super::quantity::Counted;
use crate::report::{Claim, ClaimKind, Entity};

/// Interned term id.
pub type Term = u32;

/// How a content word is read, cached per distinct lower-case word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A negation cue.
    Negation,
    /// Dropped: a function or reporting word, or too short.
    Skip,
    /// A number (`n:` term).
    Number(Term),
    /// A country name, demonym or capital (`e:` term).
    Country(Term),
    /// A content word (`w:` term); `qualifier` if it opens a figure ("least"), `unknown` if
    /// a negation before it is one of knowing ("disclose").
    Word {
        term: Term,
        qualifier: bool,
        unknown: bool,
    },
}

/// String interner for terms, with the reading of every word seen, and a second one for the
/// keys of speakers, subjects and quoted words ([`Interner::key`]).
#[derive(Debug, Default)]
pub struct Interner {
    map: FxHashMap<String, Term>,
    /// Term strings by id.
    pub names: Vec<String>,
    readings: FxHashMap<String, Reading>,
    key_ids: FxHashMap<String, u32>,
    /// Key strings by id ([`Interner::key`]).
    pub keys: Vec<String>,
}

/// A set of ids (terms or keys), ascending and distinct, in one boxed slice: the set
/// operations the comparison asks of features ([`IdSet::is_disjoint`],
/// [`IdSet::intersection`], [`IdSet::contains`]) are merges or binary searches over it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct IdSet(Box<[u32]>);

impl IdSet {
    /// The set of `ids`, in any order, with repeats.
    pub fn new(mut ids: Vec<u32>) -> IdSet {
        ids.sort_unstable();
        ids.dedup();
        IdSet(ids.into_boxed_slice())
    }

    /// Is it empty?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Does it hold `id`?
    pub fn contains(&self, id: &u32) -> bool {
        self.0.binary_search(id).is_ok()
    }

    /// The ids, ascending.
    pub fn iter(&self) -> impl Iterator<Item = &u32> + '_ {
        self.0.iter()
    }

    /// The ids in both sets, ascending.
    pub fn intersection<'s>(&'s self, other: &'s IdSet) -> impl Iterator<Item = u32> + 's {
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.0, &other.0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(a[i - 1]);
                    }
                }
            }
            None
        })
    }

    /// Do the two sets share no id?
    pub fn is_disjoint(&self, other: &IdSet) -> bool {
        self.intersection(other).next().is_none()
    }
}

impl fmt::Debug for IdSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.iter()).finish()
    }
}

impl Interner {
    /// The id of `s`, adding it if new.
    pub fn id(&mut self, s: String) -> Term {
        if let Some(&t) = self.map.get(&s) {
            return t;
        }
        let t = self.names.len() as Term;
        self.names.push(s.clone());
        self.map.insert(s, t);
        t
    }

    /// The id of key `s` (an entity id, a country, a word key; see [`Features::speaker`]),
    /// adding it if new. Keys have their own ids, apart from terms.
    pub fn key(&mut self, s: &str) -> u32 {
        if let Some(&k) = self.key_ids.get(s) {
            return k;
        }
        let k = self.keys.len() as u32;
        self.keys.push(s.to_string());
        self.key_ids.insert(s.to_string(), k);
        k
    }

    fn reading(&mut self, lex: &Lexicon, lower: &str) -> Reading {
        if let Some(&r) = self.readings.get(lower) {
            return r;
        }
        let r = if lex.negations.contains(lower) || lower.ends_with("n't") {
            Reading::Negation
        } else if lex.stopwords.contains(lower) {
            Reading::Skip
        } else if let Some(n) = parse_number(lower) {
            Reading::Number(self.id(n))
        } else if let Some(c) = country_of(lex, lower) {
            Reading::Country(self.id(format!("e:{c}")))
        } else if lower.chars().count() < 2 || !lower.chars().any(char::is_alphabetic) {
            Reading::Skip
        } else {
            let key = lex.key(lower);
            Reading::Word {
                term: self.id(format!("w:{key}")),
                qualifier: QUALIFIER_WORDS.contains(&lower),
                unknown: lex.unknown.contains(&key),
            }
        };
        self.readings.insert(lower.to_string(), r);
        r
    }
}

/// The comparison's view of one claim.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Document index.
    pub doc: u32,
    /// Index of the claim it comes from: units cut from one claim's pieces share it (see
    /// [`super::pieces`]); [`super::prepare`] sets it to the unit's own index.
    pub origin: usize,
    /// Is it one of several units cut from one claim's pieces?
    pub piece: bool,
    /// Is it a quote?
    pub quote: bool,
    /// Is it a `numeric` claim (one made for its figure: the figure is what it says)?
    pub numeric: bool,
    /// Distinct terms, ascending.
    pub terms: Vec<Term>,
    /// Keys of the speaker ([`Interner::key`]): its entity and the countries in its name,
    /// roles or source text.
    pub speaker: IdSet,
    /// The source as written, when it is not a bare pronoun (only named sources can clash:
    /// a pronoun's resolution is a guess).
    pub source: Option<String>,
    /// Keys of the entity that opens the content (the grammatical subject, roughly; function
    /// words, numbers and qualifiers skipped): "Azerbaijan had shelled towns" → `{azerbaijan}`,
    /// "At least 49 Armenian soldiers" → `{armenia}` (as [`Interner::key`] ids).
    pub subject: IdSet,
    /// The subject's terms (`e:`), to see whether the other claim names it anywhere.
    pub subject_terms: Vec<Term>,
    /// Word terms that a negation cue governs (the first content word after "not", "denied"…),
    /// with the word as written.
    pub negated: Vec<(Term, String)>,
    /// How many negation cues govern a word (negations of knowing, "did not disclose", aside).
    pub negations: usize,
    /// Word terms used without a negation.
    pub asserted: IdSet,
    /// Figures, normalised.
    pub counted: Vec<Counted>,
    /// The `q:` terms (tolls) among `terms`, ascending.
    pub tolls: Vec<Term>,
    /// The quoted text (quotes only), as written, whose words
    /// ([`Features::quote_words`]) a group's quote diff compares.
    pub quoted: String,
    /// Content-word keys of the quoted text (quotes only), as [`Interner::key`] ids.
    pub quote_keys: IdSet,
    /// Is the source a news outlet or agency (an entity that some claim cites, a listed outlet,
    /// or a source with a media word: "Azerbaijani media", "state television")?
    pub outlet: bool,
    /// Content span, UTF-16.
    pub content: (u32, u32),
    /// Sentence span, UTF-16.
    pub sentence: (u32, u32),
    /// Where its sentence stands in its article: 0 for the first sentence that makes a claim
    /// (set by [`super::prepare`]).
    pub rank: u32,
    /// How many sentences of its article make claims (set by [`super::prepare`]).
    pub sentences: u32,
}

impl Features {
    /// Words of the quoted text (quotes only), as written.
    pub fn quote_words(&self) -> Vec<String> {
        self.quoted.split_whitespace().map(str::to_string).collect()
    }
}

/// Entity lookups for one comparison: mentions by document, and each entity's keys.
pub struct EntityIndex<'a> {
    /// Per document: (start, end, entity index), sorted by start.
    mentions: Vec<Vec<(u32, u32, usize)>>,
    /// Per entity: its keys (`e:` terms without the prefix).
    keys: Vec<BTreeSet<String>>,
    /// Per entity: the key used as a term.
    term: Vec<Option<String>>,
    by_id: FxHashMap<&'a str, usize>,
    /// Entities with a mention inside some claim's `cited` span.
    outlets: FxHashSet<usize>,
}

/// Words that open a figure rather than a subject ("at least 49 soldiers").
const QUALIFIER_WORDS: &[&str] = &[
    "least",
    "nearly",
    "almost",
    "around",
    "approximately",
    "roughly",
    "about",
    "some",
    "more",
    "fewer",
    "less",
    "than",
    "just",
    "only",
    "half",
    "over",
    "up",
    "estimated",
    "total",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "him", "them",
    "this", "that", "who", "which",
];

fn country_of(lex: &Lexicon, text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let t = t
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_lowercase();
    lex.places.get(&t).cloned()
}

/// Countries named by any word or run of words of `text`.
fn countries_in(lex: &Lexicon, text: &str) -> BTreeSet<String> {
    let ws: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .to_lowercase()
        })
        .collect();
    let mut out = BTreeSet::new();
    for i in 0..ws.len() {
        for n in 1..=lex.place_words.min(ws.len() - i) {
            let name = ws[i..i + n].join(" ");
            let found = lex
                .places
                .get(&name)
                .or_else(|| lex.places.get(name.trim_end_matches('.')));
            if let Some(k) = found {
                out.insert(k.clone());
            }
        }
    }
    out
}

impl<'a> EntityIndex<'a> {
    /// Indexes `entities` for documents `0..docs`; `claims` tell which entities are cited.
    pub fn new(entities: &'a [Entity], docs: usize, claims: &[Claim]) -> EntityIndex<'a> {
        let lex = lexicon();
        let mut mentions = vec![Vec::new(); docs];
        let mut keys = Vec::with_capacity(entities.len());
        let mut term = Vec::with_capacity(entities.len());
        let mut by_id = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            by_id.insert(e.id.as_str(), i);
            for m in &e.mentions {
                if let Some(v) = mentions.get_mut(m.doc as usize) {
                    v.push((m.start, m.end, i));
                }
            }
            let mut k = BTreeSet::new();
            let t = match e.kind.as_str() {
                "quantity" | "money" | "percent" => None,
                "date" | "time" => Some(format!(
                    "d:{}",
                    e.value.clone().unwrap_or_else(|| e.name.to_lowercase())
                )),
                _ => {
                    let country = std::iter::once(&e.name)
                        .chain(e.aliases.iter())
                        .find_map(|n| country_of(lex, n));
                    match country {
                        Some(c) => {
                            k.insert(c.clone());
                            Some(format!("e:{c}"))
                        }
                        None => {
                            k.insert(e.id.clone());
                            // A person or body "of" a country also speaks for it.
                            for r in e.roles.iter().chain(std::iter::once(&e.name)) {
                                k.extend(countries_in(lex, r));
                            }
                            Some(format!("e:{}", e.id))
                        }
                    }
                }
            };
            keys.push(k);
            term.push(t);
        }
        // A capital, city or nationality the entity stage tied to its country speaks for it.
        for (i, e) in entities.iter().enumerate() {
            if let Some(&c) = e.country.as_deref().and_then(|id| by_id.get(id)) {
                if c != i {
                    let ck = keys[c].clone();
                    keys[i].extend(ck);
                    term[i] = term[c].clone();
                }
            }
        }
        for v in &mut mentions {
            v.sort_unstable();
        }
        let mut outlets = FxHashSet::default();
        for c in claims {
            let Some(ms) = mentions.get(c.doc as usize) else {
                continue;
            };
            for span in &c.cited {
                outlets.extend(
                    ms.iter()
                        .filter(|m| m.0 < span.end && span.start < m.1)
                        .map(|m| m.2),
                );
            }
        }
        EntityIndex {
            mentions,
            keys,
            term,
            by_id,
            outlets,
        }
    }

    /// Mentions of document `doc` inside `start..end`.
    fn within(&self, doc: u32, start: u32, end: u32) -> &[(u32, u32, usize)] {
        let Some(v) = self.mentions.get(doc as usize) else {
            return &[];
        };
        let lo = v.partition_point(|m| m.0 < start);
        let hi = v.partition_point(|m| m.0 < end);
        &v[lo..hi.max(lo)]
    }
}

/// One word of a span, with its UTF-16 range.
struct Word<'t> {
    text: &'t str,
    start: u32,
    end: u32,
}

/// Splits `text` (which starts at UTF-16 offset `base`) into words: runs of letters, digits and
/// inner `'`, `’`, `-`, `.`, `,` (so `2,000`, `U.S.`, `Russian-led`, `didn't` stay whole).
fn split_words(text: &str, base: u32) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, u32)> = None;
    let mut u = base;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some((i, u));
            }
        } else if let Some((s, su)) = start.take() {
            out.push(Word {
                text: &text[s..i],
                start: su,
                end: u,
            });
        }
        u += c.len_utf16() as u32;
    }
    if let Some((s, su)) = start {
        out.push(Word {
            text: &text[s..],
            start: su,
            end: u,
        });
    }
    out
}

fn parse_number(w: &str) -> Option<String> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        // Number words from two up ("one" is mostly "one of").
        return super::quantity::NUMBER_WORDS
            .iter()
            .find(|(n, v)| *n == w && *v >= 2.0)
            .map(|(_, v)| format!("n:{v}"));
    }
    let digits: String = w.chars().filter(|c| *c != ',').collect();
    let v: f64 = digits.parse().ok()?;
    Some(format!("n:{v}"))
}

/// The words of [`quoted_text`].
#[cfg(test)]
fn quoted(content: &str) -> Vec<String> {
    quoted_text(content)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The text inside quotation marks in `content`, or all of it when there are none (its
/// words are the quoted words).
fn quoted_text(content: &str) -> String {
    let marks = ['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];
    let mut inside = String::new();
    let mut open = false;
    let mut any = false;
    for c in content.chars() {
        if marks.contains(&c) {
            any = true;
            open = !open;
            inside.push(' ');
        } else if open {
            inside.push(c);
        }
    }
    if any && !inside.trim().is_empty() {
        inside
    } else {
        content.to_string()
    }
}

/// Words that make a source a news outlet.
const MEDIA: &[&str] = &[
    "media",
    "news",
    "agency",
    "agencies",
    "newspaper",
    "newspapers",
    "television",
    "tv",
    "broadcaster",
    "outlet",
    "outlets",
    "press",
    "radio",
    "channel",
    "wire",
    "website",
    "daily",
    "reports",
    "reporters",
    "journalists",
];

/// Adds a `q:` term for each toll the claim's figures give (see [`Counted::toll_keys`]): the
/// side and the event class of a figure are evidence that two claims tell the same figure even
/// when their words differ ("50 Azerbaijani troops" / "did not disclose the number of
/// casualties"). Called again when the comparison gives a withheld figure its side.
pub fn add_toll_terms(f: &mut Features, terms: &mut BTreeSet<Term>, interner: &mut Interner) {
    for c in &f.counted {
        for k in c.toll_keys() {
            let t = interner.id(format!("q:{k}"));
            terms.insert(t);
            f.tolls.push(t);
        }
    }
    f.tolls.sort_unstable();
    f.tolls.dedup();
}

/// Builds the features of `claim`, interning its terms.
pub fn features(claim: &Claim, index: &EntityIndex, interner: &mut Interner) -> Features {
    let lex = lexicon();
    let mut f = Features {
        doc: claim.doc,
        quote: claim.kind == ClaimKind::Quote,
        numeric: claim.kind == ClaimKind::Numeric,
        content: (claim.content.start, claim.content.end),
        sentence: (claim.sentence.start, claim.sentence.end),
        ..Features::default()
    };
    let mut terms = BTreeSet::new();
    // The sets, gathered as lists and made sets at the end.
    let mut speaker: Vec<u32> = Vec::new();
    let mut subject: Vec<u32> = Vec::new();
    let mut asserted: Vec<Term> = Vec::new();
    // Entities of the sentence.
    let sent = &claim.sentence;
    for &(_, end, e) in index.within(claim.doc, sent.start, sent.end) {
        if end <= sent.end {
            if let Some(t) = &index.term[e] {
                terms.insert(interner.id(t.clone()));
            }
        }
    }
    // Speaker.
    if let Some(&e) = claim.speaker.as_deref().and_then(|id| index.by_id.get(id)) {
        speaker.extend(index.keys[e].iter().map(|k| interner.key(k)));
        f.outlet |= index.outlets.contains(&e);
    }
    if let Some(src) = &claim.source {
        let t = src.text.trim().to_lowercase();
        if !PRONOUNS.contains(&t.as_str()) {
            f.source = Some(src.text.trim().to_string());
            speaker.extend(countries_in(lex, &src.text).iter().map(|k| interner.key(k)));
            f.outlet |= t
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| MEDIA.contains(&w))
                || lex.names_outlet(&src.text);
        }
    }
    // Content words.
    let content = &claim.content;
    let cms = index.within(claim.doc, content.start, content.end);
    // A negation cue governs the next content word.
    let mut negation = false;
    let mut first = true;
    // The content without the words that interrupt it, when the claim stage gives pieces.
    let pieces: Vec<(&str, u32)> = if claim.pieces.is_empty() {
        vec![(content.text.as_str(), content.start)]
    } else {
        claim
            .pieces
            .iter()
            .map(|p| (p.text.as_str(), p.start))
            .collect()
    };
    let words: Vec<Word> = pieces
        .iter()
        .flat_map(|&(t, at)| split_words(t, at))
        .collect();
    for w in words {
        let lower = w.text.to_lowercase();
        let entity = cms
            .iter()
            .find(|m| m.0 <= w.start && w.end <= m.1)
            .map(|m| m.2);
        if let Some(e) = entity {
            if first {
                subject.extend(index.keys[e].iter().map(|k| interner.key(k)));
                if let Some(t) = &index.term[e] {
                    f.subject_terms.push(interner.id(t.clone()));
                }
            }
            first = false;
            negation = false;
            continue;
        }
        // A hyphenated compound of plain words counts as its parts, so word order inside it
        // does not matter ("military-political" = "political-military"); figures and names
        // written with a hyphen ("six-week", "Russian-led") keep their whole-word reading.
        let parts: Vec<&str> = lower.split('-').collect();
        let compound = parts.len() > 1
            && parts
                .iter()
                .all(|p| p.len() >= 3 && p.chars().all(char::is_alphabetic))
            && matches!(interner.reading(lex, &lower), Reading::Word { .. })
            && parts.iter().all(|p| {
                matches!(
                    interner.reading(lex, p),
                    Reading::Word { .. } | Reading::Skip
                )
            });
        let readings: Vec<&str> = if compound {
            parts
        } else {
            vec![lower.as_str()]
        };
        for part in readings {
            // "not only repulsed an attack": no negation.
            if negation && lex.negation_undoers.contains(part) {
                negation = false;
                continue;
            }
            match interner.reading(lex, part) {
                Reading::Negation => negation = true,
                Reading::Skip => {}
                Reading::Number(t) => {
                    terms.insert(t);
                }
                Reading::Country(t) => {
                    if first {
                        if let Some(c) = interner.names[t as usize].strip_prefix("e:") {
                            let c = c.to_string();
                            subject.push(interner.key(&c));
                        }
                        f.subject_terms.push(t);
                    }
                    first = false;
                    negation = false;
                    terms.insert(t);
                }
                Reading::Word {
                    term,
                    qualifier,
                    unknown,
                } => {
                    if !qualifier {
                        first = false;
                    }
                    if negation {
                        negation = false;
                        if !unknown {
                            f.negations += 1;
                            f.negated.push((term, w.text.to_string()));
                        }
                    } else {
                        asserted.push(term);
                    }
                    terms.insert(term);
                }
            }
        }
    }
    for q in &claim.quantities {
        f.counted.push(Counted::of(q));
        if let Some(v) = q.value.filter(|v| v.is_finite()) {
            terms.insert(interner.id(format!("n:{v}")));
        }
    }
    add_toll_terms(&mut f, &mut terms, interner);
    if f.quote {
        let joined: Vec<&str> = pieces.iter().map(|p| p.0).collect();
        f.quoted = quoted_text(&joined.join(" "));
        let keys: Vec<u32> = f
            .quoted
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !lex.stopwords.contains(w))
            .map(|w| interner.key(&lex.key(&w)))
            .collect();
        f.quote_keys = IdSet::new(keys);
    }
    f.speaker = IdSet::new(speaker);
    f.subject = IdSet::new(subject);
    f.asserted = IdSet::new(asserted);
    f.terms = terms.into_iter().collect();
    // Every unit's features live until the groups are made: no spare capacity.
    f.subject_terms.shrink_to_fit();
    f.negated.shrink_to_fit();
    f.counted.shrink_to_fit();
    f.tolls.shrink_to_fit();
    f.quoted.shrink_to_fit();
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_written() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Azerbaijan had shelled towns, including Jermuk.",
                &[
                    "Azerbaijan",
                    "had",
                    "shelled",
                    "towns",
                    "including",
                    "Jermuk",
                ],
            ),
            (
                "“It is difficult,” he said",
                &["It", "is", "difficult", "he", "said"],
            ),
            (
                "2,000 U.S. troops didn't",
                &["2,000", "U.S", "troops", "didn't"],
            ),
            (
                "Russian-led bloc's 44-day war",
                &["Russian-led", "bloc's", "44-day", "war"],
            ),
            ("", &[]),
            ("😀 é", &["é"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = split_words(text, 0).iter().map(|w| w.text).collect();
            assert_eq!(&got, want, "{text}");
        }
        // UTF-16 offsets.
        let ws = split_words("😀 abc", 10);
        assert_eq!((ws[0].start, ws[0].end), (13, 16));
    }

    #[test]
    fn quoted_words() {
        let cases: &[(&str, &str)] = &[
            (
                "“It is difficult,” he said. “Yes.”",
                "It is difficult, Yes.",
            ),
            ("no marks here", "no marks here"),
            ("\"unclosed", "unclosed"),
        ];
        for (content, want) in cases {
            assert_eq!(quoted(content).join(" "), *want);
        }
    }
}
