//! What a group's claims say to each other: `unique`, `agree`, `reworded` or `conflict`, with a
//! one-sentence reason, the word diffs of reworded quotes and the clashes of a conflict.
//!
//! Precedence: a group carried by one article is `unique`; otherwise any clash makes it a
//! `conflict`; otherwise quotes whose words differ make it `reworded`; otherwise `agree`.
//! Clashes, checked between claims of different articles:
//!
//! - `number` / `unknown`: two figures about the same counted thing (see
//!   [`super::quantity::fit`]) that cannot both hold, or a figure against a null value.
//! - `speaker`: both claims name a speaker (a source that is not a pronoun), both or neither are
//!   news outlets (an outlet relays a claim, so "CNN reported" against "the ministry said" is
//!   not a clash), and the speakers' keys (entity, the countries in its name, roles and source
//!   text) have nothing in common: "Azerbaijani media reported" against "CNN reported".
//! - `negation`: one claim negates a content word ("denied it started", "did not start") that
//!   the other uses without a negation. Negations of knowing ("did not disclose") are not
//!   denials; they are read as unknown figures.
//!
//! Quote diffs compare the words inside the quotation marks, lower-cased and stripped of
//! punctuation and hyphens for matching, with Myers' algorithm from `similar`; runs keep the
//! words as written (the `from` version's for `same` runs).

use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::features::Features;
use super::quantity::{fit_counted, is_unknown, same_thing, Counted, Fit};
use crate::report::{Claim, Conflict, ConflictValue, DiffOp, Document, Quantity, QuoteDiff};

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

/// What a figure is about: "Azerbaijani troops (kill)", or its text.
fn unit_about(q: &Quantity) -> String {
    match (&q.unit, &q.event) {
        (Some(u), Some(e)) => format!("{u} ({e})"),
        (Some(u), None) => u.clone(),
        (None, Some(e)) => format!("{} ({e})", q.span.text),
        (None, None) => q.span.text.clone(),
    }
}

/// A figure as written, with a sentence-initial capital dropped ("At least 49" → "at least 49").
fn figure_text(t: &str) -> String {
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
            let lowerable = [
                "at",
                "about",
                "around",
                "more",
                "nearly",
                "almost",
                "over",
                "up",
                "some",
                "an",
                "a",
                "the",
                "fewer",
                "less",
                "roughly",
                "approximately",
                "thousands",
                "hundreds",
                "dozens",
                "millions",
            ];
            if lowerable.contains(&first.as_str())
                || super::quantity::NUMBER_WORDS
                    .iter()
                    .any(|(w, _)| *w == first)
            {
                a.to_lowercase().chain(t[a.len_utf8()..].chars()).collect()
            } else {
                t.to_string()
            }
        }
        _ => t.to_string(),
    }
}

/// How specific a match between two figures is: same value, shared country, shared head.
fn specificity(a: &Quantity, ca: &Counted, b: &Quantity, cb: &Counted) -> u32 {
    u32::from(a.value.is_some() && a.value == b.value) * 4
        + u32::from(!ca.countries.is_disjoint(&cb.countries)) * 2
        + u32::from(!ca.heads.is_disjoint(&cb.heads))
}

/// Aligns the figures of claims `i` and `j` one to one: figures that fit are paired first
/// (most specific first), and only figures left over can clash. Returns `(qi, qj, fit)`.
fn align(i: usize, j: usize, claims: &[Claim], feats: &[Features]) -> Vec<(usize, usize, Fit)> {
    let mut cands: Vec<(u32, usize, usize, Fit)> = Vec::new();
    for (qi, qa) in claims[i].quantities.iter().enumerate() {
        for (qj, qb) in claims[j].quantities.iter().enumerate() {
            let (Some(ca), Some(cb)) = (feats[i].counted.get(qi), feats[j].counted.get(qj)) else {
                continue;
            };
            if same_thing(ca, cb) {
                cands.push((specificity(qa, ca, qb, cb), qi, qj, fit_counted(ca, cb)));
            }
        }
    }
    // Fitting pairs first, then by specificity.
    cands.sort_by_key(|c| (c.3 != Fit::Compatible, std::cmp::Reverse(c.0), c.1, c.2));
    let mut used_i = Vec::new();
    let mut used_j = Vec::new();
    let mut out = Vec::new();
    for (_, qi, qj, fit) in cands {
        if used_i.contains(&qi) || used_j.contains(&qj) {
            continue;
        }
        used_i.push(qi);
        used_j.push(qj);
        out.push((qi, qj, fit));
    }
    out
}

/// Figure clashes between claims of different articles, and the figures that fit.
fn figure_conflicts(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
) -> (Vec<Conflict>, Vec<(usize, usize)>) {
    // Each clash joins two (claim, figure) nodes; connected nodes form one conflict.
    let mut out: Vec<(Conflict, Vec<(usize, usize)>)> = Vec::new();
    let mut fitting: Vec<(usize, usize)> = Vec::new();
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            if claims[i].doc == claims[j].doc {
                continue;
            }
            for (qi, qj, fit) in align(i, j, claims, feats) {
                let kind = match fit {
                    Fit::Conflict => "number",
                    Fit::Unknown => "unknown",
                    _ => {
                        for node in [(i, qi), (j, qj)] {
                            if !fitting.contains(&node) {
                                fitting.push(node);
                            }
                        }
                        continue;
                    }
                };
                let nodes = [(i, qi), (j, qj)];
                let pos = out
                    .iter()
                    .position(|(c, n)| c.kind == kind && nodes.iter().any(|x| n.contains(x)));
                let idx = match pos {
                    Some(p) => p,
                    None => {
                        let (qa, qb) = (&claims[i].quantities[qi], &claims[j].quantities[qj]);
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
                        out[idx].0.values.push(ConflictValue {
                            claim: claims[c].id.clone(),
                            doc: claims[c].doc,
                            text: claims[c].quantities[q].span.text.clone(),
                        });
                    }
                }
            }
        }
    }
    (out.into_iter().map(|(c, _)| c).collect(), fitting)
}

fn speaker_text(claim: &Claim, f: &Features) -> String {
    f.source
        .clone()
        .or_else(|| claim.speaker.clone())
        .unwrap_or_default()
}

/// Different speakers of one claim. An outlet that reports a claim relays it, so an outlet
/// against a person or government is not a clash; two outlets, or two other speakers, are.
fn speaker_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    let mut taking_part: Vec<usize> = Vec::new();
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            let (a, b) = (&feats[i], &feats[j]);
            if a.doc != b.doc
                && a.source.is_some()
                && b.source.is_some()
                && !a.speaker.is_empty()
                && !b.speaker.is_empty()
                && a.outlet == b.outlet
                && a.speaker.is_disjoint(&b.speaker)
            {
                for k in [i, j] {
                    if !taking_part.contains(&k) {
                        taking_part.push(k);
                    }
                }
            }
        }
    }
    if taking_part.is_empty() {
        return Vec::new();
    }
    taking_part.sort_unstable();
    let values = taking_part
        .iter()
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

/// One claim negates a word that another, with no negation at all, asserts.
fn negation_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    for &i in members {
        for &j in members {
            if claims[i].doc == claims[j].doc || feats[j].negations > 0 {
                continue;
            }
            if let Some((_, word)) = feats[i]
                .negated
                .iter()
                .find(|(k, _)| feats[j].asserted.contains(k))
            {
                return vec![Conflict {
                    kind: "negation".to_string(),
                    about: word.clone(),
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
                }];
            }
        }
    }
    Vec::new()
}

fn keys_of(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| word_key(w))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Word diffs of the group's quotes. Each article's version is the words of its quote claims in
/// text order (an article may split the quoted words over several claims, or the claim stage
/// may cut the same quote twice: overlapping claims count once, the longer kept); the first
/// quoting article's version is diffed against each other article's. `from`/`to` name the first
/// claim of each version.
fn quote_diffs(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
) -> (Vec<QuoteDiff>, Option<u32>) {
    let mut versions: Vec<(u32, Vec<usize>)> = Vec::new();
    for &i in members
        .iter()
        .filter(|&&i| feats[i].quote && !feats[i].quote_words.is_empty())
    {
        let d = claims[i].doc;
        let pos = match versions.iter().position(|v| v.0 == d) {
            Some(p) => p,
            None => {
                versions.push((d, Vec::new()));
                versions.len() - 1
            }
        };
        let parts = &mut versions[pos].1;
        let (s, e) = feats[i].content;
        match parts
            .iter()
            .position(|&k| feats[k].content.0 < e && s < feats[k].content.1)
        {
            Some(k) if feats[parts[k]].quote_words.len() < feats[i].quote_words.len() => {
                parts[k] = i
            }
            Some(_) => {}
            None => parts.push(i),
        }
    }
    for v in &mut versions {
        v.1.sort_by_key(|&k| feats[k].content.0);
    }
    let words = |parts: &[usize]| -> Vec<String> {
        parts
            .iter()
            .flat_map(|&k| feats[k].quote_words.iter().cloned())
            .collect()
    };
    let Some((first_doc, refs)) = versions.first().cloned() else {
        return (Vec::new(), None);
    };
    let base = words(&refs);
    let mut diffs = Vec::new();
    for (_, parts) in versions.iter().skip(1) {
        let other = words(parts);
        if keys_of(&other) != keys_of(&base) {
            diffs.push(QuoteDiff {
                from: claims[refs[0]].id.clone(),
                to: claims[parts[0]].id.clone(),
                ops: diff_words(&base, &other),
            });
        }
    }
    (diffs, Some(first_doc))
}

/// The figures that fit across articles, as written in the first claim that has them.
fn agreed(fitting: &[(usize, usize)], claims: &[Claim]) -> Vec<String> {
    let mut nodes = fitting.to_vec();
    nodes.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    let mut docs_seen: Vec<u32> = Vec::new();
    for (c, q) in nodes {
        if docs_seen.first().is_some_and(|&d| d != claims[c].doc) {
            break;
        }
        docs_seen.push(claims[c].doc);
        let t = figure_text(&claims[c].quantities[q].span.text);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Decides the relation of the group `members` (claim indexes, in document order).
pub fn relate(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
    docs: &[Document],
) -> Relation {
    let mut ds: Vec<u32> = members.iter().map(|&i| claims[i].doc).collect();
    ds.sort_unstable();
    ds.dedup();
    let Some(&first) = members.first() else {
        return Relation {
            relation: "unique".into(),
            reason: "Empty group.".into(),
            diffs: vec![],
            conflicts: vec![],
        };
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
    let (mut conflicts, fitting) = figure_conflicts(members, claims, feats);
    let agreed = agreed(&fitting, claims);
    conflicts.extend(speaker_conflicts(members, claims, feats));
    conflicts.extend(negation_conflicts(members, claims, feats));
    if let Some(c) = conflicts.first() {
        let mut reason = conflict_reason(c, docs);
        // Figures that fit, not counting unknowns that "fit" each other: those are already
        // told by the unknown clash ("others say it is not known").
        let known: Vec<(usize, usize)> = fitting
            .iter()
            .copied()
            .filter(|&(c, q)| !is_unknown(&claims[c].quantities[q]))
            .collect();
        let agreed_known = self::agreed(&known, claims);
        if !agreed_known.is_empty() && (c.kind == "number" || c.kind == "unknown") {
            reason = format!(
                "The articles agree on {}, but {}{}",
                agreed_known.join(" and "),
                reason.get(..1).unwrap_or("").to_lowercase(),
                reason.get(1..).unwrap_or("")
            );
        }
        return Relation {
            relation: "conflict".to_string(),
            reason,
            diffs: Vec::new(),
            conflicts,
        };
    }
    let (diffs, quoting) = quote_diffs(members, claims, feats);
    if !diffs.is_empty() {
        let mut quoting_docs: Vec<u32> = members
            .iter()
            .filter(|&&i| feats[i].quote && !feats[i].quote_words.is_empty())
            .map(|&i| claims[i].doc)
            .collect();
        quoting_docs.sort_unstable();
        quoting_docs.dedup();
        let who = if quoting_docs.len() == ds.len() {
            format!("{} articles quote", ds.len())
        } else {
            format!("{} of the {} articles quote", quoting_docs.len(), ds.len())
        };
        let changed: usize = diffs
            .iter()
            .flat_map(|d| &d.ops)
            .filter(|o| o.op != "same")
            .map(|o| o.text.split(' ').count())
            .sum();
        let reason = format!(
            "{who} these words with different wording: {} word{} added or removed against the version in {}.",
            changed,
            if changed == 1 { "" } else { "s" },
            doc_name(docs, quoting.unwrap_or(claims[first].doc))
        );
        return Relation {
            relation: "reworded".to_string(),
            reason,
            diffs,
            conflicts: Vec::new(),
        };
    }
    let quotes = members.iter().filter(|&&i| feats[i].quote).count();
    let all_unknown = !fitting.is_empty()
        && fitting
            .iter()
            .all(|&(c, q)| is_unknown(&claims[c].quantities[q]));
    let what = if quotes >= 2 && quotes == members.len() {
        "quote these words word for word".to_string()
    } else if all_unknown {
        format!(
            "say the same thing, and that the figure is not known ({})",
            agreed.join(", ")
        )
    } else if !agreed.is_empty() {
        format!(
            "say the same thing with figures that fit ({})",
            agreed.join(", ")
        )
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
            "One article denies what another asserts (\"{}\"): {}.",
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
