//! Names glued to other words, cut back to the names the analysis knows.
//!
//! The tagger reads a run of capitalised words as one name. In headlines ("Colts Beat Chiefs",
//! "Obama Nominates Regina Benjamin", "Chargers Jamal Williams arrested for DUI") and in
//! sports copy ("Charger Jamal Williams", "Saints RB Pierre Thomas") that run holds several
//! names, or a name and a verb, and the glued span merges with nothing. Every article of an
//! analysis names its people and teams in plain prose too, so the names known from outside
//! headlines say where to cut:
//! - **headlines** ([`split_headlines`]): in the headline paragraph, a tagged span whose key
//!   the rest of the analysis never uses is replaced by the known names inside it (longest
//!   first); words the tagger left untagged there are searched the same way, so a title-case
//!   headline the tagger could not read still names "Colts" and "Chiefs";
//! - **glued prefixes** ([`split_prefixes`]): anywhere, a span ending in a person's full name
//!   known elsewhere, led only by words that are known names themselves (or their singular,
//!   "Charger" of "Chargers"), titles, or short capitals ("RB", "NT"), becomes that person;
//!   a known name in the lead becomes its own mention.
//!
//! Names are compared by [`gazetteer::key`] (people by [`aliases::person_words`]); only a
//! mention outside a headline makes a name known.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::entities::{aliases, Mention, Type};
use crate::gazetteer;
use crate::text::{Prepared, Role};

/// Longest name, in tokens, searched for inside a headline.
const MAX_NAME_TOKENS: usize = 6;

/// The byte ranges of each document's headline paragraphs, gathered once per pass (looking
/// them up per mention walked every paragraph: quadratic in a long article).
fn headlines(docs: &[Prepared]) -> Vec<Vec<Range<usize>>> {
    docs.iter()
        .map(|d| {
            d.paragraphs
                .iter()
                .filter(|p| p.role == Role::Title)
                .map(|p| p.range.clone())
                .collect()
        })
        .collect()
}

fn in_headline(doc: &Prepared, headlines: &[Range<usize>], token: usize) -> bool {
    let Some(r) = doc.tokens.get(token) else {
        return false;
    };
    headlines
        .iter()
        .any(|p| p.start <= r.start && r.start < p.end)
}

fn key_of(surface: &str, kind: Type) -> String {
    if kind == Type::Person {
        aliases::person_words(surface).join(" ")
    } else {
        gazetteer::key(surface)
    }
}

/// Names used outside headlines: key → the type most of their mentions have.
fn known_names(docs: &[Prepared], mentions: &[Mention]) -> FxHashMap<String, Type> {
    let mut votes: FxHashMap<String, FxHashMap<Type, usize>> = FxHashMap::default();
    let heads = headlines(docs);
    for m in mentions {
        if !m.kind.is_name() || in_headline(&docs[m.doc], &heads[m.doc], m.tokens.start) {
            continue;
        }
        let surface = &docs[m.doc].text[m.range.clone()];
        let key = gazetteer::key(surface);
        // key_of is the same key for all but people: made once
        let own = if m.kind == Type::Person {
            key_of(surface, m.kind)
        } else {
            key.clone()
        };
        for k in [key, own] {
            *votes.entry(k).or_default().entry(m.kind).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .filter(|(k, _)| !k.is_empty())
        .filter_map(|(k, v)| {
            let mut v: Vec<(Type, usize)> = v.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.first().map(|(t, _)| (k, *t))
        })
        .collect()
}

fn mention_at(doc: &Prepared, d: usize, tokens: std::ops::Range<usize>, kind: Type) -> Mention {
    Mention {
        doc: d,
        range: doc.tokens[tokens.start].start..doc.tokens[tokens.end - 1].end,
        tokens,
        kind,
        role: None,
        value: None,
        score: 0.5,
        canonical: None,
    }
}

/// Known names inside `tokens` of a headline, longest first, left to right.
fn known_inside(
    doc: &Prepared,
    d: usize,
    tokens: std::ops::Range<usize>,
    known: &FxHashMap<String, Type>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut t = tokens.start;
    while t < tokens.end {
        let capitalised = doc
            .token(t)
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let mut found = None;
        if capitalised {
            for len in (1..=MAX_NAME_TOKENS.min(tokens.end - t)).rev() {
                let last = doc.token(t + len - 1);
                if !last.chars().next().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let surface = &doc.text[doc.tokens[t].start..doc.tokens[t + len - 1].end];
                let kind = known
                    .get(&gazetteer::key(surface))
                    .or_else(|| known.get(&aliases::person_words(surface).join(" ")));
                if let Some(&kind) = kind {
                    found = Some((len, kind));
                    break;
                }
            }
        }
        match found {
            Some((len, kind)) => {
                out.push(mention_at(doc, d, t..t + len, kind));
                t += len;
            }
            None => t += 1,
        }
    }
    out
}

/// Cuts headline spans back to known names and finds known names the tagger missed there.
pub fn split_headlines(docs: &[Prepared], mentions: &mut Vec<Mention>) {
    let known = known_names(docs, mentions);
    if known.is_empty() {
        return;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut covered: Vec<Vec<bool>> = docs.iter().map(|d| vec![false; d.tokens.len()]).collect();
    let heads = headlines(docs);
    for m in mentions.drain(..) {
        let doc = &docs[m.doc];
        let keep = !m.kind.is_name()
            || !in_headline(doc, &heads[m.doc], m.tokens.start)
            || m.tokens.len() < 2
            || known.contains_key(&key_of(&doc.text[m.range.clone()], m.kind))
            || !gazetteer::lookup(&doc.text[m.range.clone()]).is_empty();
        let parts = if keep {
            vec![m]
        } else {
            let inside = known_inside(doc, m.doc, m.tokens.clone(), &known);
            if inside.is_empty() {
                vec![m]
            } else {
                inside
            }
        };
        for p in parts {
            for c in covered[p.doc]
                .iter_mut()
                .take(p.tokens.end)
                .skip(p.tokens.start)
            {
                *c = true;
            }
            out.push(p);
        }
    }
    // Untagged words of headlines.
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            if doc.paragraphs.get(s.paragraph).map(|p| p.role) != Some(Role::Title) {
                continue;
            }
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                if covered[d][t] {
                    t += 1;
                    continue;
                }
                let run_end = (t..s.tokens.end)
                    .find(|&u| covered[d][u])
                    .unwrap_or(s.tokens.end);
                out.extend(known_inside(doc, d, t..run_end, &known));
                t = run_end;
            }
        }
    }
    *mentions = out;
}

/// Cuts leading words glued to a known person's full name (see the module doc).
pub fn split_prefixes(docs: &[Prepared], mentions: &mut Vec<Mention>) {
    let known = known_names(docs, mentions);
    let people: FxHashMap<&str, ()> = known
        .iter()
        .filter(|(k, t)| **t == Type::Person && k.contains(' '))
        .map(|(k, _)| (k.as_str(), ()))
        .collect();
    if people.is_empty() {
        return;
    }
    let mut uses: FxHashMap<String, usize> = FxHashMap::default();
    for m in mentions.iter().filter(|m| m.kind.is_name()) {
        *uses
            .entry(key_of(&docs[m.doc].text[m.range.clone()], m.kind))
            .or_default() += 1;
    }
    let is_known = |w: &str| {
        let k = gazetteer::key(w);
        known.contains_key(&k) || known.contains_key(&format!("{k}s"))
    };
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let doc = &docs[m.doc];
        let surface = &doc.text[m.range.clone()];
        let n = m.tokens.len();
        // A span written the same way elsewhere is a name of its own ("Mary Ann Smith").
        let own = key_of(surface, m.kind);
        if !m.kind.is_name() || n < 3 || uses.get(own.as_str()).copied().unwrap_or(0) > 1 {
            out.push(m);
            continue;
        }
        // The longest person name that ends the span, led by acceptable words only.
        let cut = (1..n - 1).find(|&lead| {
            let start = m.tokens.start + lead;
            let tail = &doc.text[doc.tokens[start].start..m.range.end];
            people.contains_key(aliases::person_words(tail).join(" ").as_str())
                && (m.tokens.start..start).all(|t| {
                    let w = doc.token(t);
                    is_known(w)
                        || gazetteer::is_role(&w.to_lowercase())
                        || (w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
                })
        });
        let Some(lead) = cut else {
            out.push(m);
            continue;
        };
        let start = m.tokens.start + lead;
        // A known name leading the span keeps its own mention ("Chargers").
        let first = doc.token(m.tokens.start);
        let first_kind = known
            .get(&gazetteer::key(first))
            .or_else(|| known.get(&format!("{}s", gazetteer::key(first))));
        if let Some(&kind) = first_kind.filter(|k| **k != Type::Person) {
            out.push(mention_at(
                doc,
                m.doc,
                m.tokens.start..m.tokens.start + 1,
                kind,
            ));
        }
        let mut person = mention_at(doc, m.doc, start..m.tokens.end, Type::Person);
        person.score = m.score;
        out.push(person);
    }
    *mentions = out;
}
