//! Multi-word organisation names kept whole, and found again where another article writes them
//! in lower case.
//!
//! "National Search and Rescue Agency" is one organisation, but a CoNLL-trained tagger often
//! cuts it at the "and" ("National Search" + "Rescue Agency"), and a second outlet writing
//! "the national search and rescue agency" gives the tagger no capitals at all. Both hurt
//! exactly where comparison needs the entity: the agency is the source of the figures.
//! - [`join_halves`]: two name spans joined by "and", "of", "for" or "&", the second ending in
//!   an organisation head ("Agency", "Council": `org-head` in `data/lexicon/name-forms.tsv`)
//!   and the first holding none, become one organisation ("Microsoft and Google" stays two:
//!   no head; "Ministry of Defence and Security Council" stays two: the first has one).
//! - [`recover_lowercase`]: an organisation name of three words or more ending in a head, found
//!   anywhere in the analysis, is also a mention wherever its words appear in any letter case
//!   and no name was found ("the national search and rescue agency said"). It then merges with
//!   the capitalised name by key.
//! - [`recover_words`]: a one-word organisation name tagged somewhere is also a mention where
//!   the tagger left it untagged ("Basarnas, the national search and rescue agency, said").

use rustc_hash::FxHashMap;

use crate::entities::{aliases, Mention, Type};
use crate::gazetteer;
use crate::text::Prepared;

/// Joins "National Search" + "and" + "Rescue Agency" into one organisation mention.
pub fn join_halves(docs: &[Prepared], mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.doc, m.tokens.start, m.tokens.end));
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last_mut() {
            let doc = &docs[m.doc];
            let joinable = prev.doc == m.doc
                && prev.kind.is_name()
                && m.kind.is_name()
                && prev.kind != Type::Person
                && m.kind != Type::Person
                && prev.tokens.end + 1 == m.tokens.start
                && matches!(doc.token(prev.tokens.end), "and" | "of" | "for" | "&")
                && aliases::is_org_head(doc.token(m.tokens.end - 1))
                && !prev
                    .tokens
                    .clone()
                    .any(|t| aliases::is_org_head(doc.token(t)))
                && prev
                    .tokens
                    .clone()
                    .all(|t| doc.token(t).starts_with(char::is_uppercase))
                && gazetteer::lookup(&doc.text[prev.range.clone()]).is_empty();
            if joinable {
                prev.range = prev.range.start..m.range.end;
                prev.tokens = prev.tokens.start..m.tokens.end;
                prev.kind = Type::Organization;
                prev.role = None;
                prev.canonical = None;
                prev.score = prev.score.min(m.score);
                continue;
            }
        }
        out.push(m);
    }
    *mentions = out;
}

/// Finds organisation names again in any letter case (see the module doc).
pub fn recover_lowercase(docs: &[Prepared], mentions: &[Mention]) -> Vec<Mention> {
    // Lower-case word sequences of qualifying names, by first word.
    let mut names: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
    for m in mentions {
        if m.kind != Type::Organization || m.tokens.len() < 3 {
            continue;
        }
        let doc = &docs[m.doc];
        let words: Vec<String> = m
            .tokens
            .clone()
            .map(|t| doc.token(t).to_lowercase())
            .collect();
        let alphabetic = words
            .iter()
            .filter(|w| w.chars().all(char::is_alphabetic))
            .count();
        if alphabetic >= 3 && words.last().is_some_and(|w| aliases::is_org_head(w)) {
            let list = names.entry(words[0].clone()).or_default();
            if !list.contains(&words) {
                list.push(words);
            }
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let mut covered = vec![false; doc.tokens.len()];
        for m in mentions.iter().filter(|m| m.doc == d) {
            for c in covered.iter_mut().take(m.tokens.end).skip(m.tokens.start) {
                *c = true;
            }
        }
        for s in &doc.sentences {
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                let lower = crate::text::lower(doc.token(t));
                let hit = names.get(lower.as_ref()).and_then(|cands| {
                    cands
                        .iter()
                        .filter(|w| t + w.len() <= s.tokens.end)
                        .filter(|w| {
                            w.iter()
                                .enumerate()
                                .all(|(k, x)| doc.token(t + k).eq_ignore_ascii_case(x))
                        })
                        .map(Vec::len)
                        .max()
                });
                match hit {
                    Some(len) if !covered[t..t + len].iter().any(|c| *c) => {
                        out.push(Mention {
                            doc: d,
                            range: doc.tokens[t].start..doc.tokens[t + len - 1].end,
                            tokens: t..t + len,
                            kind: Type::Organization,
                            role: None,
                            value: None,
                            score: 0.5,
                            canonical: None,
                        });
                        t += len;
                    }
                    _ => t += 1,
                }
            }
        }
    }
    out
}

/// One-word organisation names the tagger found somewhere ("Basarnas") are also mentions where
/// it left them untagged as a lone capitalised word (at a sentence start: "Basarnas, the
/// national search and rescue agency, said"). Words the analysis also writes in lower case
/// ("Police" / "police") and words the gazetteer knows are left alone.
pub fn recover_words(docs: &[Prepared], mentions: &[Mention]) -> Vec<Mention> {
    use rustc_hash::FxHashSet;
    let mut lower_seen: FxHashSet<&str> = FxHashSet::default();
    for doc in docs {
        for t in 0..doc.tokens.len() {
            let w = doc.token(t);
            if w.starts_with(char::is_lowercase) {
                lower_seen.insert(w);
            }
        }
    }
    let mut words: FxHashSet<&str> = FxHashSet::default();
    for m in mentions
        .iter()
        .filter(|m| m.kind == Type::Organization && m.tokens.len() == 1)
    {
        let w = docs[m.doc].token(m.tokens.start);
        let shaped = w.chars().count() > 3
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase);
        if shaped
            && !lower_seen.contains(w.to_lowercase().as_str())
            && gazetteer::lookup(w).is_empty()
        {
            words.insert(w);
        }
    }
    if words.is_empty() {
        return Vec::new();
    }
    super::names::lone_untagged(docs, mentions, &words, Type::Organization)
}
