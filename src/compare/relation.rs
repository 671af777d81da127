//! What a group's claims say to each other: `unique`, `agree`, `reworded` or `conflict`, with a
//! one-sentence reason, the word diffs of reworded quotes and the clashes of a conflict.
//!
//! Precedence: a group carried by one article is `unique`; otherwise any clash makes it a
//! `conflict`; otherwise quotes whose words differ make it `reworded`; otherwise `agree`.
//! Clashes, checked between claims of different articles:
//!
//! - `number` / `unknown`: two figures about the same counted thing (see
//!   [`super::quantity::fit`]) that cannot both hold, or a figure against a null value.
//! - `speaker`: both claims name a speaker and the speakers' keys (entity, the countries in its
//!   name, roles and source text) have nothing in common: "Azerbaijani media reported" against
//!   "CNN reported". A pronoun source that did not resolve names nobody.
//! - `negation`: one claim negates a content word ("denied it started", "did not start") that
//!   the other uses without a negation. Negations of knowing ("did not disclose") are not
//!   denials; they are read as unknown figures.
//!
//! Quote diffs compare the words inside the quotation marks, lower-cased and stripped of
//! punctuation and hyphens for matching, with Myers' algorithm from `similar`; runs keep the
//! words as written (the `from` version's for `same` runs).

use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::features::Features;
use super::quantity::{fit_counted, is_unknown, same_thing, Fit};
use crate::report::{Claim, Conflict, ConflictValue, DiffOp, Document, QuoteDiff};

/// A group's relation with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// `agree`, `reworded`, `conflict` or `unique`.
    pub relation: String,
    /// One sentence.
    pub reason: String,
    /// Word diffs, for `reworded`.
    pub diffs: Vec<QuoteDiff>,
    /// Clashes, for `conflict`.
    pub conflicts: Vec<Conflict>,
}

fn doc_name(docs: &[Document], d: u32) -> String {
    docs.iter()
        .find(|x| x.index == d)
        .map(|x| x.name.clone())
        .unwrap_or_else(|| format!("article {d}"))
}

fn short(text: &str, words: usize) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= words {
        ws.join(" ")
    } else {
        format!("{}…", ws[..words].join(" "))
    }
}

/// Matching key of a quoted word.
fn word_key(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The word diff from `a` to `b`.
pub fn diff_words(a: &[String], b: &[String]) -> Vec<DiffOp> {
    let ka: Vec<String> = a.iter().map(|w| word_key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| word_key(w)).collect();
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: &str, words: &[String]| {
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !word_key(w).is_empty())
            .collect();
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match ops.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => ops.push(DiffOp {
                op: op.to_string(),
                text,
            }),
        }
    };
    for d in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = d.as_tag_tuple();
        match tag {
            DiffTag::Equal => push("same", &a[ra]),
            DiffTag::Delete => push("removed", &a[ra]),
            DiffTag::Insert => push("added", &b[rb]),
            DiffTag::Replace => {
                push("removed", &a[ra]);
                push("added", &b[rb]);
            }
        }
    }
    ops
}

fn unit_about(q: &crate::report::Quantity) -> String {
    let mut parts = Vec::new();
    if let Some(u) = &q.unit {
        parts.push(u.clone());
    }
    if let Some(e) = &q.event {
        parts.push(e.clone());
    }
    if parts.is_empty() {
        q.span.text.clone()
    } else {
        parts.join(" ")
    }
}

/// Figure clashes between claims of different articles.
fn figure_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    // Each clash joins two (claim, figure) nodes; connected nodes form one conflict.
    let mut out: Vec<(Conflict, Vec<(usize, usize)>)> = Vec::new();
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            if claims[i].doc == claims[j].doc {
                continue;
            }
            for (qi, qa) in claims[i].quantities.iter().enumerate() {
                for (qj, qb) in claims[j].quantities.iter().enumerate() {
                    let (Some(ca), Some(cb)) = (feats[i].counted.get(qi), feats[j].counted.get(qj))
                    else {
                        continue;
                    };
                    if !same_thing(ca, cb) {
                        continue;
                    }
                    let kind = match fit_counted(qa, ca, qb, cb) {
                        Fit::Conflict => "number",
                        Fit::Unknown => "unknown",
                        _ => continue,
                    };
                    let nodes = [(i, qi), (j, qj)];
                    let pos = out
                        .iter()
                        .position(|(c, n)| c.kind == kind && nodes.iter().any(|x| n.contains(x)));
                    let idx = match pos {
                        Some(p) => p,
                        None => {
                            let known = if is_unknown(qa) { qb } else { qa };
                            out.push((
                                Conflict {
                                    kind: kind.to_string(),
                                    about: unit_about(known),
                                    values: Vec::new(),
                                },
                                Vec::new(),
                            ));
                            out.len() - 1
                        }
                    };
                    for (c, q) in nodes {
                        if !out[idx].1.contains(&(c, q)) {
                            out[idx].1.push((c, q));
                            let text = claims[c].quantities[q].span.text.clone();
                            out[idx].0.values.push(ConflictValue {
                                claim: claims[c].id.clone(),
                                doc: claims[c].doc,
                                text,
                            });
                        }
                    }
                }
            }
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

fn speaker_text(claim: &Claim, f: &Features) -> String {
    f.source
        .clone()
        .or_else(|| claim.speaker.clone())
        .unwrap_or_default()
}

fn speaker_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    let mut clash = false;
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            let (a, b) = (&feats[i], &feats[j]);
            if a.doc != b.doc
                && !a.speaker.is_empty()
                && !b.speaker.is_empty()
                && a.speaker.is_disjoint(&b.speaker)
            {
                clash = true;
            }
        }
    }
    if !clash {
        return Vec::new();
    }
    let values = members
        .iter()
        .filter(|&&i| !feats[i].speaker.is_empty())
        .map(|&i| ConflictValue {
            claim: claims[i].id.clone(),
            doc: claims[i].doc,
            text: speaker_text(&claims[i], &feats[i]),
        })
        .collect();
    let about = short(&claims[members[0]].content.text, 8);
    vec![Conflict {
        kind: "speaker".to_string(),
        about,
        values,
    }]
}

fn negation_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for &i in members {
        for &j in members {
            if claims[i].doc == claims[j].doc {
                continue;
            }
            let denied: Vec<&String> = feats[i].negated.intersection(&feats[j].asserted).collect();
            if let Some(word) = denied.first() {
                out.push(Conflict {
                    kind: "negation".to_string(),
                    about: (*word).clone(),
                    values: vec![
                        ConflictValue {
                            claim: claims[j].id.clone(),
                            doc: claims[j].doc,
                            text: short(&claims[j].content.text, 12),
                        },
                        ConflictValue {
                            claim: claims[i].id.clone(),
                            doc: claims[i].doc,
                            text: short(&claims[i].content.text, 12),
                        },
                    ],
                });
                return out;
            }
        }
    }
    out
}

/// Decides the relation of the group `members` (claim indexes, ascending).
pub fn relate(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
    docs: &[Document],
) -> Relation {
    let mut ds: Vec<u32> = members.iter().map(|&i| claims[i].doc).collect();
    ds.sort_unstable();
    ds.dedup();
    let first = match members.first() {
        Some(&i) => i,
        None => {
            return Relation {
                relation: "unique".into(),
                reason: "Empty group.".into(),
                diffs: vec![],
                conflicts: vec![],
            }
        }
    };
    if ds.len() < 2 {
        return Relation {
            relation: "unique".to_string(),
            reason: format!(
                "Only {} carries this claim.",
                doc_name(docs, claims[first].doc)
            ),
            diffs: Vec::new(),
            conflicts: Vec::new(),
        };
    }
    let mut conflicts = figure_conflicts(members, claims, feats);
    conflicts.extend(speaker_conflicts(members, claims, feats));
    conflicts.extend(negation_conflicts(members, claims, feats));
    if let Some(c) = conflicts.first() {
        let reason = conflict_reason(c, docs);
        return Relation {
            relation: "conflict".to_string(),
            reason,
            diffs: Vec::new(),
            conflicts,
        };
    }
    // Quotes.
    let quotes: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| feats[i].quote && !feats[i].quote_words.is_empty())
        .collect();
    let mut diffs = Vec::new();
    if let Some(&q0) = quotes.first() {
        let k0: Vec<String> = feats[q0]
            .quote_words
            .iter()
            .map(|w| word_key(w))
            .filter(|k| !k.is_empty())
            .collect();
        for &q in &quotes[1..] {
            if claims[q].doc == claims[q0].doc {
                continue;
            }
            let k: Vec<String> = feats[q]
                .quote_words
                .iter()
                .map(|w| word_key(w))
                .filter(|k| !k.is_empty())
                .collect();
            if k != k0 {
                diffs.push(QuoteDiff {
                    from: claims[q0].id.clone(),
                    to: claims[q].id.clone(),
                    ops: diff_words(&feats[q0].quote_words, &feats[q].quote_words),
                });
            }
        }
    }
    if !diffs.is_empty() {
        let changed: usize = diffs
            .iter()
            .flat_map(|d| &d.ops)
            .filter(|o| o.op != "same")
            .map(|o| o.text.split(' ').count())
            .sum();
        let reason = format!(
            "{} articles quote these words with different wording: {} word{} differ from the version in {}.",
            ds.len(),
            changed,
            if changed == 1 { "" } else { "s" },
            doc_name(docs, claims[quotes[0]].doc)
        );
        return Relation {
            relation: "reworded".to_string(),
            reason,
            diffs,
            conflicts: Vec::new(),
        };
    }
    let figures: Vec<&str> = members
        .iter()
        .flat_map(|&i| claims[i].quantities.iter())
        .map(|q| q.span.text.as_str())
        .take(1)
        .collect();
    let what = if quotes.len() >= 2 {
        "quote these words word for word".to_string()
    } else if let Some(f) = figures.first() {
        format!("say the same thing with figures that fit ({f})")
    } else {
        "say the same thing".to_string()
    };
    Relation {
        relation: "agree".to_string(),
        reason: format!("{} articles {what}.", ds.len()),
        diffs: Vec::new(),
        conflicts: Vec::new(),
    }
}

fn conflict_reason(c: &Conflict, docs: &[Document]) -> String {
    let list = |vs: &[ConflictValue]| {
        vs.iter()
            .map(|v| format!("{} ({})", v.text, doc_name(docs, v.doc)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c.kind.as_str() {
        "number" => format!(
            "The articles give figures for {} that cannot all hold: {}.",
            c.about,
            list(&c.values)
        ),
        "unknown" => format!(
            "Some articles give a figure for {} and others say it is not known: {}.",
            c.about,
            list(&c.values)
        ),
        "speaker" => format!(
            "The same claim is attributed to different sources: {}.",
            list(&c.values)
        ),
        _ => format!(
            "One article negates what another asserts about \"{}\": {}.",
            c.about,
            list(&c.values)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn word_diffs() {
        // (from, to, expected ops as "op:text" joined by " | ")
        let cases: &[(&str, &str, &str)] = &[
            (
                "the role of Putin personally",
                "Putin's role personally",
                "removed:the | added:Putin's | same:role | removed:of Putin | same:personally",
            ),
            ("a b c", "a b c", "same:a b c"),
            (
                "de-escalate tensions",
                "deescalate tensions",
                "same:de-escalate tensions",
            ),
            (
                "is naturally is making",
                "is naturally making",
                "same:is naturally | removed:is | same:making",
            ),
            ("", "new words", "added:new words"),
            ("Federation, the", "Federation the", "same:Federation, the"),
        ];
        for (a, b, want) in cases {
            let got: Vec<String> = diff_words(&w(a), &w(b))
                .iter()
                .map(|o| format!("{}:{}", o.op, o.text))
                .collect();
            assert_eq!(got.join(" | "), *want, "{a} -> {b}");
        }
    }
}
