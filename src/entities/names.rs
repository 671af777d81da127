//! Names: the tagger's spans, typed for the report and with titles split off.
//!
//! The tagger follows CoNLL-2003, where nationalities are MISC and titles are outside names.
//! On top of it:
//! - a MISC span that the gazetteer knows as a demonym or a religious/political group becomes
//!   `group`; other MISC spans stay `other` (events, works, products are not told apart yet);
//! - a span the gazetteer knows as a country, region or city is a `place` whatever the tagger
//!   said (a country is never a person);
//! - leading title words inside a person span ("President Putin") are cut off, and the role
//!   phrase right before a person ("Kremlin spokesman", "U.S. Secretary of State") or an
//!   appositive right after it (", president of the European Council") is kept as the
//!   mention's role;
//! - [`super::retype`] corrects types from the words around a name ("Kremlin spokesman").

use crate::entities::{Mention, Type};
use crate::gazetteer::{self, Class};
use crate::tagger::{Kind, Tagger};
use crate::text::Prepared;

/// Tags all documents together and returns their name mentions.
pub fn find(docs: &[Prepared]) -> Vec<Mention> {
    let token_texts: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|doc| {
            doc.sentences
                .iter()
                .map(|s| s.tokens.clone().map(|t| doc.token(t)).collect())
                .collect()
        })
        .collect();
    let tagged = Tagger::builtin().tag(&token_texts);
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let words = &token_texts[d][s];
            let spans = tagged
                .get(d)
                .and_then(|t| t.get(s))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for span in spans {
                if let Some(m) = mention(
                    doc,
                    d,
                    sentence.tokens.start,
                    words,
                    span.start,
                    span.end,
                    span.kind,
                    span.score,
                ) {
                    out.push(m);
                }
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn mention(
    doc: &Prepared,
    d: usize,
    base: usize,
    words: &[&str],
    mut start: usize,
    end: usize,
    kind: Kind,
    score: f32,
) -> Option<Mention> {
    if start >= end || end > words.len() {
        return None;
    }
    let mut kind = match kind {
        Kind::Per => Type::Person,
        Kind::Loc => Type::Place,
        Kind::Org => Type::Organization,
        Kind::Misc => Type::Other,
    };
    // Titles inside a person span: "President Vladimir Putin" -> "Vladimir Putin".
    if kind == Type::Person {
        while start + 1 < end && gazetteer::is_role(&words[start].to_lowercase()) {
            start += 1;
        }
    }
    let phrase = words[start..end].join(" ");
    let classes: Vec<Class> = gazetteer::lookup(&phrase).iter().map(|e| e.class).collect();
    if classes
        .iter()
        .any(|c| matches!(c, Class::Country | Class::Region | Class::City))
        && kind != Type::Organization
    {
        kind = Type::Place;
    } else if kind == Type::Other
        && classes
            .iter()
            .any(|c| matches!(c, Class::Demonym | Class::Group))
    {
        kind = Type::Group;
    } else if kind == Type::Person && classes.contains(&Class::Country) {
        kind = Type::Place;
    }
    // Seats of government acting as organisations, organisation heads, treaties, misspelt
    // nationalities: see `retype`.
    let (kind, demonym) = super::retype::retype(words, start, end, kind);
    let role = (kind == Type::Person)
        .then(|| role_of(doc, base, words, start, end))
        .flatten();
    let tokens = base + start..base + end;
    Some(Mention {
        doc: d,
        range: doc.tokens[tokens.start].start..doc.tokens[tokens.end - 1].end,
        tokens,
        kind,
        role,
        value: None,
        score,
        canonical: demonym.map(str::to_string),
    })
}

/// The role written before a person ("Kremlin spokesman Dmitry Peskov") or in an appositive
/// after it ("Charles Michel, president of the European Council,").
fn role_of(
    doc: &Prepared,
    base: usize,
    words: &[&str],
    start: usize,
    end: usize,
) -> Option<String> {
    let text = |a: usize, b: usize| {
        doc.text[doc.tokens[base + a].start..doc.tokens[base + b - 1].end].to_string()
    };
    if let Some(r) = gazetteer::role_before(words, start) {
        if r < start {
            return Some(text(r, start));
        }
    }
    if words.get(end) == Some(&",") {
        let first = end + 1;
        if first < words.len() && gazetteer::is_role(&words[first].to_lowercase()) {
            let mut last = first + 1;
            while last < words.len()
                && last - first < 10
                && ![",", ".", ";", ":", "(", ")"].contains(&words[last])
            {
                last += 1;
            }
            return Some(text(first, last));
        }
    }
    None
}

/// Surnames the tagger missed: once "Vladimir Putin" is a person anywhere in the analysis, a
/// capitalised "Putin" it left untagged elsewhere ("Putin deployed thousands…") is that person
/// too. Words the gazetteer knows as anything else ("Jordan", "Washington") are left alone.
pub fn recover_surnames(docs: &[Prepared], mentions: &[Mention]) -> Vec<Mention> {
    use rustc_hash::FxHashSet;
    let mut surnames: FxHashSet<&str> = FxHashSet::default();
    for m in mentions
        .iter()
        .filter(|m| m.kind == Type::Person && m.tokens.len() >= 2)
    {
        let last = docs[m.doc].token(m.tokens.end - 1);
        let capitalised = last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().skip(1).any(char::is_lowercase);
        if capitalised && last.chars().count() > 2 && gazetteer::lookup(last).is_empty() {
            surnames.insert(last);
        }
    }
    if surnames.is_empty() {
        return Vec::new();
    }
    lone_untagged(docs, mentions, &surnames, Type::Person)
}

/// Every word of `words` that stands untagged and alone (not in a longer capitalised run:
/// "Putin", not "Putin Street") in any document, as a mention of `kind`: what the tagger missed
/// of a name it found elsewhere in the analysis.
pub(super) fn lone_untagged(
    docs: &[Prepared],
    mentions: &[Mention],
    words: &rustc_hash::FxHashSet<&str>,
    kind: Type,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let mut covered = vec![false; doc.tokens.len()];
        for m in mentions.iter().filter(|m| m.doc == d) {
            for c in covered.iter_mut().take(m.tokens.end).skip(m.tokens.start) {
                *c = true;
            }
        }
        let capitalised_at =
            |i: usize| i < doc.tokens.len() && doc.token(i).starts_with(char::is_uppercase);
        for (t, c) in covered.iter().enumerate() {
            let lone = (t == 0 || !capitalised_at(t - 1)) && !capitalised_at(t + 1);
            if !*c && lone && words.contains(doc.token(t)) {
                out.push(Mention {
                    doc: d,
                    range: doc.tokens[t].clone(),
                    tokens: t..t + 1,
                    kind,
                    role: None,
                    value: None,
                    score: 0.5,
                    canonical: None,
                });
            }
        }
    }
    out
}

/// Is the paragraph holding `at` a headline in title case ("War Breaks Out Again Between
/// Azerbaijan And Armenia"), where capitals say nothing about names? All-capital headlines are
/// not title case: there the tagger has learnt what to do.
fn in_title_case_headline(doc: &Prepared, at: usize) -> bool {
    // Paragraphs are lines in text order, so a binary search finds the one holding `at`.
    let after = doc.paragraphs.partition_point(|p| p.range.start <= at);
    let Some(p) = after
        .checked_sub(1)
        .map(|i| &doc.paragraphs[i])
        .filter(|p| at < p.range.end)
    else {
        return false;
    };
    p.role == crate::text::Role::Title
        && crate::text::paragraphs::is_title_case(&doc.text[p.range.clone()])
}

/// Names found only in a title-case headline ("Putin Fails", "Fire") are dropped unless the
/// gazetteer knows them or the analysis names them elsewhere: such a headline capitalises every
/// word, so the tagger cannot tell names from verbs there.
pub fn drop_headline_only(docs: &[Prepared], mentions: &mut Vec<Mention>) {
    use rustc_hash::FxHashSet;
    let headline: Vec<bool> = mentions
        .iter()
        .map(|m| in_title_case_headline(&docs[m.doc], m.range.start))
        .collect();
    if !headline.contains(&true) {
        return;
    }
    let key = |m: &Mention| gazetteer::key(&docs[m.doc].text[m.range.clone()]);
    let elsewhere: FxHashSet<String> = mentions
        .iter()
        .zip(&headline)
        .filter(|(_, h)| !**h)
        .map(|(m, _)| key(m))
        .collect();
    let mut i = 0;
    mentions.retain(|m| {
        let keep = !headline[i]
            || elsewhere.contains(&key(m))
            || !gazetteer::lookup(&docs[m.doc].text[m.range.clone()]).is_empty();
        i += 1;
        keep
    });
}

/// Photo and agency credits are not names: a span made of credit words joined by "/"
/// ("Reuters/Antara", "AFP/Getty Images") or right after a credit label ("Photo: Jane Doe",
/// "Credit: AP") is dropped wherever it stands (a caption inside a paragraph; whole credit
/// paragraphs are boilerplate already, see [`crate::text::paragraphs`]).
pub fn drop_credits(docs: &[Prepared], mentions: &mut Vec<Mention>) {
    mentions.retain(|m| !is_credit(&docs[m.doc], m));
}

fn is_credit(doc: &Prepared, m: &Mention) -> bool {
    if !m.kind.is_name() {
        return false;
    }
    let text = &doc.text[m.range.clone()];
    if text.contains('/') {
        let mut parts = text
            .split(|c: char| c == '/' || c.is_whitespace())
            .filter(|w| !w.is_empty());
        if parts.any(crate::text::paragraphs::is_credit_agency) {
            return true;
        }
    }
    let t = m.tokens.start;
    t >= 2
        && doc.token(t - 1) == ":"
        && matches!(
            doc.token(t - 2).to_lowercase().as_str(),
            "photo" | "photos" | "credit" | "image" | "picture" | "photograph" | "source"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_not_names() {
        for (text, credit, kept) in [
            (
                "Rescuers searched the sea near Bali on Friday. Antara/Xinhua.",
                "Antara/Xinhua",
                true,
            ),
            (
                "A survivor is carried ashore on Bali on Friday (Photo: EPA/Anadolu).",
                "EPA/Anadolu",
                true,
            ),
            (
                "Jane Doe took this picture on Friday. Photo: John Smith.",
                "John Smith",
                true,
            ),
            (
                "Talks between Jane Doe and John Smith ended.",
                "John Smith",
                false,
            ),
        ] {
            let doc = crate::text::prepare(text);
            assert!(!doc.tokens.is_empty(), "{text}: kept out as boilerplate");
            let t = doc
                .tokens
                .iter()
                .position(|r| {
                    text[r.start..].starts_with(credit.split(['/', ' ']).next().unwrap_or(""))
                })
                .unwrap_or(0);
            let n = doc.tokens[t..]
                .iter()
                .position(|r| text[..r.end].ends_with(credit))
                .map(|k| k + 1)
                .unwrap_or(1);
            let m = Mention {
                doc: 0,
                range: doc.tokens[t].start..doc.tokens[t + n - 1].end,
                tokens: t..t + n,
                kind: Type::Person,
                role: None,
                value: None,
                score: 1.0,
                canonical: None,
            };
            assert_eq!(&text[m.range.clone()], credit, "{text}");
            assert_eq!(is_credit(&doc, &m), kept, "{text}");
        }
    }
}
