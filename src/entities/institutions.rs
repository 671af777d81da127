//! Government bodies named by a country and a head phrase: "Azerbaijan’s foreign ministry",
//! "the Azerbaijani Foreign Ministry", "Azerbaijan Ministry of Defense", "the Defense Ministry
//! in Baku", "the Armenian prime minister’s office".
//!
//! News names these bodies in many ways and, in lower case, no CoNLL-trained tagger sees them;
//! yet they are the speakers of much of the news ("Azerbaijan’s foreign ministry said"). The
//! mention covers the head phrase only ("foreign ministry"); its country comes from a demonym
//! or country before it (with or without a possessive) or a country or capital after it ("of
//! Azerbaijan", "in Baku"). Head phrases and their canonical names are in
//! `data/lexicon/institutions.tsv`. The entity's canonical name is "Head (Country)", so the
//! foreign ministries of two countries never merge while every wording of one does.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::entities::{Mention, Type};
use crate::gazetteer::{self, Class};
use crate::text::Prepared;

struct Head {
    words: Vec<String>,
    canonical: String,
    /// Only when the first word is capitalised (generic heads such as "army").
    capitalised: bool,
}

fn heads() -> &'static [Head] {
    static HEADS: OnceLock<Vec<Head>> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut v: Vec<Head> = include_str!("../../data/lexicon/institutions.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (canonical, case, forms) = (cols.next()?, cols.next()?, cols.next()?);
                Some(forms.split('|').map(move |f| Head {
                    words: f.split_whitespace().map(str::to_lowercase).collect(),
                    canonical: canonical.trim().to_string(),
                    capitalised: case == "capitalised",
                }))
            })
            .flatten()
            .collect();
        // Longest first, so "ministry of foreign affairs" wins over "ministry".
        v.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        v
    })
}

/// The heads by first word, each list in the order of [`heads`] (longest first), so the
/// first head of a token's list that matches is the one a scan of every head would find (that
/// scan, at every token, cost about 1 % of the whole pipeline's instructions).
fn heads_by_first() -> &'static FxHashMap<&'static str, Vec<&'static Head>> {
    static INDEX: OnceLock<FxHashMap<&'static str, Vec<&'static Head>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: FxHashMap<&'static str, Vec<&'static Head>> = FxHashMap::default();
        for h in heads() {
            // A head has words: the file's forms are non-empty (an empty one would match
            // nothing here, where a scan would have looped on it).
            if let Some(first) = h.words.first() {
                index.entry(first.as_str()).or_default().push(h);
            }
        }
        index
    })
}

/// The country a token names, directly or as a demonym or city. Narrower than
/// [`gazetteer::country_of`] on purpose: a region or a national organisation before "foreign
/// ministry" does not make it that country's ministry.
fn country_of(token: &str) -> Option<&'static str> {
    gazetteer::lookup(token).iter().find_map(|e| match e.class {
        Class::Country => Some(e.canonical),
        Class::Demonym | Class::City => e.country,
        _ => None,
    })
}

/// A found institution: its mention and its canonical name.
pub struct Institution {
    pub mention: Mention,
    pub canonical: String,
}

/// Institutions in one document.
pub fn find(d: usize, doc: &Prepared) -> Vec<Institution> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let lower: Vec<std::borrow::Cow<str>> = s
            .tokens
            .clone()
            .map(|t| crate::text::lower(doc.token(t)))
            .collect();
        let tok = |i: usize| doc.token(s.tokens.start + i);
        let mut i = 0;
        while i < lower.len() {
            let candidates = heads_by_first().get(lower[i].as_ref());
            let Some(h) = candidates.into_iter().flatten().copied().find(|h| {
                lower.len() - i >= h.words.len() && lower[i..i + h.words.len()] == h.words[..]
            }) else {
                i += 1;
                continue;
            };
            let end = i + h.words.len();
            if h.capitalised && !tok(i).starts_with(char::is_uppercase) {
                i = end;
                continue;
            }
            // Country before: "Azerbaijan ’s foreign ministry", "the Russian foreign ministry".
            let before = match i {
                0 => None,
                _ if i >= 2 && matches!(lower[i - 1].as_ref(), "'s" | "\u{2019}s") => {
                    country_of(tok(i - 2))
                }
                _ => country_of(tok(i - 1)),
            };
            // Country after: "Ministry of Defense of Azerbaijan", "Defense Ministry in Baku",
            // "Ministry of Foreign Affairs Russia".
            let after = || match lower.get(end).map(|w| w.as_ref()) {
                Some("of" | "in") => lower.get(end + 1).and_then(|_| country_of(tok(end + 1))),
                Some(_) => country_of(tok(end)),
                None => None,
            };
            if let Some(country) = before.or_else(after) {
                let tokens = s.tokens.start + i..s.tokens.start + end;
                out.push(Institution {
                    mention: Mention {
                        doc: d,
                        range: doc.tokens[tokens.start].start..doc.tokens[tokens.end - 1].end,
                        tokens,
                        kind: Type::Organization,
                        role: None,
                        value: None,
                        score: 1.0,
                        canonical: None,
                    },
                    canonical: format!("{} ({country})", h.canonical),
                });
            }
            i = end;
        }
    }
    out
}
