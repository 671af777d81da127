//! What a group's claims say to each other: `unique`, `agree`, `reworded` or `conflict`, with a
//! one-sentence reason, the word diffs of reworded quotes and the clashes of a conflict, each
//! with its kind, whether its values may all hold, a note saying why, and every article's
//! value (in document order, side by side on the page and in the brief).
//!
//! Precedence: a group carried by one article is `unique`; otherwise any clash makes it a
//! `conflict` (clashes whose values cannot all hold come first and give the reason); otherwise
//! told words that differ make it `reworded`; otherwise `agree`. Clashes, checked between
//! claims of different articles:
//!
//! - `number` / `unknown`: two figures about the same counted thing (see
//!   [`super::quantity::fit`]) that cannot both hold, or a figure against a null value. Figures
//!   in one unit of measure ("about 3 km" / "about 6 km") are compared when each claim gives
//!   exactly one in that unit. A figure that fits a figure of another article is that
//!   figure's counterpart and clashes with none of that article's other figures ("the limit is
//!   80 km/h" / "limited to 80 km/h" and "doing roughly 95 km/h").
//! - `range`: two figures that both may hold but are not the same figure
//!   ([`super::quantity::spread`]): two lower bounds, a bound and a figure beyond it,
//!   overlapping estimates. Figures within a stated approximation agree.
//! - `time`: every article of the group that tells a clock time in its sentences tells one,
//!   and they differ ("shortly after 9 p.m." / "around 10 p.m."), the day aside; an
//!   approximate time may lie 15 minutes either way ("approximately 7 p.m." / "7:01 p.m."
//!   agree), see `same_time`.
//! - `detail`: two contents that match word for word but for one short run, a place name
//!   against a place name or digits against digits that no figure holds ("of Bloomington" /
//!   "of Minneapolis"; "Dec. 10" / "Dec. 11"); see `detail_conflicts`.
//! - `day`: the same for weekdays ("on Thursday" / "on Friday"), as a difference that may hold:
//!   on ECB+ dev most such groups hold two steps of one story (the crash on Wednesday, the
//!   charges on Friday) rather than one event dated twice. Relative days ("yesterday") are not
//!   read, since the report does not know when each article was written; nor is a weekday
//!   naming something else ("Sunday's game").
//! - `number` / `range` for records: two different win–loss records for one name
//!   ([`super::record`]: "Klitschko (52-3, 46 KOs)" / "Klitschko, 53-3, 47 KO's"), a `range` when
//!   they are one bout apart (a report written before the bout and one after it), else a
//!   `number`; see `record_conflicts`. Two final scores of one game, the teams named around
//!   them in common ("beat Evansville 91-73" / "a 91-75 win over Evansville"): a `number`; see
//!   `score_conflicts`.
//! - `status`: statuses of one domain that share none ([`status`]): detained / arrested /
//!   released, killed / wounded, reopened / under review.
//! - `speaker`: both claims are quotes naming a speaker (a source that is not a pronoun), both
//!   or neither are news outlets (an outlet relays a quote), the speakers' keys (entity, the
//!   countries in its name, roles and source text) have nothing in common and their names end
//!   in different words: "“We're aware of the issue,” A.J. Smith said" against "… A.J. Butler
//!   said". Two sources telling one fact in their own words back each other up: on ECB+ dev
//!   this kind fell from 42 groups (most of them the police and a broadcaster telling one fact,
//!   or one speaker named two ways) to 4 when it was kept to quotes.
//! - `negation`: one claim negates a content word ("denied it started", "did not start") that
//!   the other uses without a negation, or its cue is a denial ("officials denied the ferry
//!   was overloaded") against the same content reported without one; in both cases at least
//!   half of the negating claim's other content words are the other's (one shared word is not
//!   the same statement). Negations of knowing ("did not disclose") are not denials; they are
//!   read as unknown figures.
//!
//! Quote diffs compare the words inside the quotation marks, lower-cased and stripped of
//! punctuation and hyphens for matching, with Myers' algorithm from `similar`; runs keep the
//! words as written (the `from` version's for `same` runs). When a group holds a quote, every
//! article's telling counts as a version: a statement's reported words (the quote as indirect
//! speech), an event's quoted words (a quote the attribution stage missed); so a quote is
//! never `agree` with words that differ. Figures (`numeric` claims) tell no words.

use rustc_hash::FxHashMap;

use similar::{capture_diff_slices, Algorithm, DiffTag};

pub mod status;

use super::facts::Fact;
use super::features::Features;
use super::quantity::{
    fit_counted, fit_scaled, is_unknown, measure, metres_in, same_thing, spread, Counted, Fit,
};
use super::record::{one_bout_apart, records_in, scores_in, Score};
use crate::report::{
    Claim, ClaimKind, Conflict, ConflictKind, ConflictValue, DiffOp, Document, Quantity, QuoteDiff,
    Relation as Verdict,
};

/// A group's relation with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// How the group's articles tell its claim.
    pub relation: Verdict,
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

/// Two versions are one wording edited when the words they share, times this, reach the
/// shorter version's word count: they share at least half of it. Fewer, and they are two
/// wordings. Set by reasoning (a rewording keeps most of its words), not tuned.
const MIN_SHARED: usize = 2;

/// A word diff whose versions share too few words (see [`MIN_SHARED`]) as the whole of one
/// against the whole of the other: aligned on a stray "to" or "the", such a diff reads as edits
/// no one made ("small scale → large scale" where the two say different things).
fn aligned_or_whole(ops: Vec<DiffOp>) -> Vec<DiffOp> {
    let words = |kind: &[&str]| -> usize {
        ops.iter()
            .filter(|o| kind.contains(&o.op.as_str()))
            .map(|o| o.text.split(' ').count())
            .sum()
    };
    let same = words(&["same"]);
    let shorter = (same + words(&["removed"])).min(same + words(&["added"]));
    if same * MIN_SHARED >= shorter {
        return ops;
    }
    let side = |kind: &str| -> Vec<&str> {
        ops.iter()
            .filter(|o| o.op == kind || o.op == "same")
            .map(|o| o.text.as_str())
            .collect()
    };
    [("removed", side("removed")), ("added", side("added"))]
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(op, t)| DiffOp {
            op: op.to_string(),
            text: t.join(" "),
        })
        .collect()
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
            if ages_of_others(qa, qb) {
                // "36-year-old driver" / "66-year-old woman": two people's ages.
                continue;
            }
            let (ma, mb) = (measure(qa), measure(qb));
            if let (Some(x), Some(y)) = (&ma, &mb) {
                if x != y {
                    // Lengths in two systems: the same figure when each claim gives one.
                    if let (Some(fx), Some(fy)) = (metres_in(x), metres_in(y)) {
                        if sole_measure(&claims[i], x) && sole_measure(&claims[j], y) {
                            cands.push((0, qi, qj, fit_scaled(ca, fx / fy, cb)));
                        }
                    }
                    continue;
                }
            }
            if same_thing(ca, cb) {
                cands.push((specificity(qa, ca, qb, cb), qi, qj, fit_counted(ca, cb)));
            } else if measure(qa).is_some_and(|m| {
                measure(qb).as_ref() == Some(&m)
                    && sole_measure(&claims[i], &m)
                    && sole_measure(&claims[j], &m)
            }) {
                // "about 3 km from the coast" / "about 6 km from the coast": one figure in
                // that measure on each side of two grouped claims.
                cands.push((0, qi, qj, fit_counted(ca, cb)));
            } else if compound_heads(ca, cb) || sole_bare(&claims[i], ca, &claims[j], cb) {
                cands.push((0, qi, qj, fit_counted(ca, cb)));
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

/// Are `a` and `b` ages ("36-year-old driver", "LaSalle, 36") of people named or described in
/// words that share none ("36-year-old driver" / "66-year-old woman"; "32-year-old Englishman
/// Robert Buckley" / "31-year-old Robert Buckley" share "Robert"), or an age against a figure
/// that is no age? An age that names no one ("the 16-year-old") is compared only with another
/// such. Two people of one family name ("Gomes, 61", the mother, and "Gomes, 35", her son)
/// are not told apart.
fn ages_of_others(a: &Quantity, b: &Quantity) -> bool {
    let described = |q: &Quantity| -> Option<Vec<String>> {
        if q.unit.as_deref() != Some("years old") {
            return None;
        }
        // "36-year-old driver": the words after; "LaSalle, 36": the words before.
        let text = &q.span.text;
        let words = match text.find("-old") {
            Some(at) => &text[at + 4..],
            None => text.rsplit_once(',').map_or("", |(name, _)| name),
        };
        Some(
            words
                .split_whitespace()
                .map(word_key)
                .filter(|w| !w.is_empty())
                .collect(),
        )
    };
    match (described(a), described(b)) {
        (Some(x), Some(y)) if x.is_empty() && y.is_empty() => false,
        (Some(x), Some(y)) => !x.iter().any(|w| y.contains(w)),
        (None, None) => false,
        // An age against a count ("61-year-old man" / "one person").
        _ => true,
    }
}

/// Inside a group, a head that ends with the other's head counts the same thing ("two
/// warships" / "three ships", "gunboats" / "boats"), when the sides and events do not clash.
fn compound_heads(a: &Counted, b: &Counted) -> bool {
    let ends = |x: &Counted, y: &Counted| {
        x.heads.iter().any(|h| {
            y.heads
                .iter()
                .any(|k| k.len() >= 4 && h.len() > k.len() && h.ends_with(k.as_str()))
        })
    };
    let sides_fit =
        a.countries.is_empty() || b.countries.is_empty() || !a.countries.is_disjoint(&b.countries);
    a.duration == b.duration && sides_fit && !a.events_clash(b) && (ends(a, b) || ends(b, a))
}

/// Two grouped claims that give one figure each, neither saying what it counts nor what
/// happened ("15 million rupiah" / "10 million rupiah" when the numbers stage reads no unit),
/// or one of them in a unit of measure ("waves of up to 4 metres" / "waves as high as 3"): the
/// group says they are the same claim, so they are the same figure. A figure written as a lone
/// number ("LaSalle, 36, of Bloomington"; "two") is not bare but unread: on ECB+ dev such pairs
/// were ages against counts or two people's ages ("61" / "40"), never one figure. Nor is one
/// whose counted thing the numbers stage read ("three men").
fn sole_bare(a: &Claim, ca: &Counted, b: &Claim, cb: &Counted) -> bool {
    let bare = |c: &Claim, k: &Counted| {
        c.quantities.len() == 1
            && c.quantities[0].unit.is_none()
            && !lone_number(&c.quantities[0])
            && !k.duration
            && !k.specific()
            && k.events.is_empty()
            && !k.increment
    };
    let measured =
        |c: &Claim| c.quantities.len() == 1 && c.quantities.iter().all(|q| measure(q).is_some());
    (bare(a, ca) && bare(b, cb)) || (bare(a, ca) && measured(b)) || (measured(a) && bare(b, cb))
}

/// Does `claim` give exactly one figure in the measure `m`?
fn sole_measure(claim: &Claim, m: &str) -> bool {
    claim
        .quantities
        .iter()
        .filter(|q| measure(q).as_deref() == Some(m))
        .count()
        == 1
}

/// Groups of up to this many members compare every pair of their claims for conflicts. A larger
/// group (hundreds of one-sentence articles telling one claim) compares each member with its
/// first [`ANCHORS`] members only, so that relating a group stays linear in its size: a value
/// that differs from an anchor's is still found, two values that each fit the anchors but not
/// each other are not.
const PAIRWISE: usize = 32;
/// Members every other member is compared with in a group larger than [`PAIRWISE`].
const ANCHORS: usize = 8;

/// Positions `(x, y)`, `x < y`, of the members of a group of `n` to compare (see
/// [`PAIRWISE`]).
fn pairs_of(n: usize) -> impl Iterator<Item = (usize, usize)> {
    let first = if n <= PAIRWISE { n } else { ANCHORS.min(n) };
    (0..first).flat_map(move |x| (x + 1..n).map(move |y| (x, y)))
}

/// The figures read in each member's sentence, wherever the claim stage put them (a sentence
/// with several figures gives each its own claim), by member position.
fn sentence_figures<'c>(members: &[usize], claims: &'c [Claim]) -> Vec<Vec<&'c Quantity>> {
    let mut by_sentence: FxHashMap<(u32, u32), Vec<&'c Quantity>> = FxHashMap::default();
    for &m in members {
        let c = &claims[m];
        by_sentence
            .entry((c.doc, c.sentence.start))
            .or_default()
            .extend(c.quantities.iter());
    }
    members
        .iter()
        .map(|&m| {
            let c = &claims[m];
            by_sentence
                .get(&(c.doc, c.sentence.start))
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

/// A new conflict of `kind` with its `note` (see [`Conflict`]).
fn conflict(kind: ConflictKind, about: String, note: &str) -> Conflict {
    Conflict {
        kind,
        about,
        may_hold: matches!(kind, ConflictKind::Range | ConflictKind::Day),
        note: note.to_string(),
        values: Vec::new(),
    }
}

/// Figure clashes between claims of different articles (`number`, `range`, `unknown`), and
/// the figures that fit.
fn figure_conflicts(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
) -> (Vec<Conflict>, Vec<(usize, usize)>) {
    // Each clash joins two (claim, figure) nodes; connected nodes form one conflict.
    let mut out: Vec<(Conflict, Vec<(usize, usize)>)> = Vec::new();
    let mut fitting: Vec<(usize, usize)> = Vec::new();
    let mut aligned: Vec<(usize, usize, usize, usize, Fit)> = Vec::new();
    for (x, y) in pairs_of(members.len()) {
        let (i, j) = (members[x], members[y]);
        if claims[i].doc == claims[j].doc {
            continue;
        }
        for (qi, qj, fit) in align(i, j, claims, feats) {
            aligned.push((i, qi, j, qj, fit));
        }
    }
    // A figure that fits one of another article's figures is that figure's counterpart, not a
    // clash with the article's other figures of the same thing: "the speed limit is 80 km/h"
    // fits "limited to 80 km/h" and does not clash with "doing roughly 95 km/h" of the same
    // article (that one is the train's speed).
    let matched: Vec<((usize, usize), u32)> = aligned
        .iter()
        .filter(|&&(i, qi, j, qj, fit)| {
            let (qa, qb) = (&claims[i].quantities[qi], &claims[j].quantities[qj]);
            matches!(fit, Fit::Compatible) && !is_unknown(qa) && spread(qa, qb).is_none()
        })
        .flat_map(|&(i, qi, j, qj, _)| [((i, qi), claims[j].doc), ((j, qj), claims[i].doc)])
        .collect();
    let counterpart = |node: (usize, usize), doc: u32| matched.contains(&(node, doc));
    for (i, qi, j, qj, fit) in aligned {
        let (qa, qb) = (&claims[i].quantities[qi], &claims[j].quantities[qj]);
        if !matches!(fit, Fit::Compatible)
            && (counterpart((i, qi), claims[j].doc) || counterpart((j, qj), claims[i].doc))
        {
            continue;
        }
        // A figure told of an event against one told of none ("one crew member
        // killed" / "300 crew members") may fit, but is no evidence of a spread.
        let same_telling = match (feats[i].counted.get(qi), feats[j].counted.get(qj)) {
            (Some(ca), Some(cb)) => ca.events.is_empty() == cb.events.is_empty(),
            _ => false,
        };
        let spread = match fit {
            Fit::Compatible if same_telling => spread(qa, qb),
            _ => None,
        };
        let (kind, note) = match (fit, spread) {
            (Fit::Conflict, _) => (ConflictKind::Number, "the values cannot all hold"),
            (Fit::Unknown, _) => (
                ConflictKind::Unknown,
                "a figure against one the text says is not known",
            ),
            (Fit::Compatible, Some(s)) => (ConflictKind::Range, s.note()),
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
        let pos = out.iter().position(|(c, n)| {
            c.kind == kind && c.note == note && nodes.iter().any(|x| n.contains(x))
        });
        let idx = match pos {
            Some(p) => p,
            None => {
                let known = if is_unknown(qa) { qb } else { qa };
                out.push((conflict(kind, unit_about(known), note), Vec::new()));
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
    (told_once(out, claims), fitting)
}

/// One value per article and number in each figure conflict, and each conflict once. An
/// article that tells a figure twice (its headline's "kills at least 14", its body's "at least
/// 14 workers") gives one value, the longest writing of it; two conflicts of one kind over the
/// same articles and numbers (the headline's "19 dead" and the body's "at least 19 workers",
/// each against "at least 14") are one, the one with the longer writings kept.
fn told_once(found: Vec<(Conflict, Vec<(usize, usize)>)>, claims: &[Claim]) -> Vec<Conflict> {
    /// An article and the bits of a number it gives (none when it gives none).
    type Told = (u32, Option<u64>);
    let number = |q: &Quantity| q.value.or(q.low).or(q.high).map(f64::to_bits);
    let mut kept: Vec<(Conflict, Vec<Told>, usize)> = Vec::new();
    for (mut c, nodes) in found {
        let mut values: Vec<(ConflictValue, Told)> = Vec::new();
        for (v, (ci, qi)) in c.values.into_iter().zip(nodes) {
            let key = (v.doc, number(&claims[ci].quantities[qi]));
            match values
                .iter_mut()
                .find(|(_, k)| *k == key && key.1.is_some())
            {
                Some((w, _)) if w.text.len() < v.text.len() => *w = v,
                Some(_) => {}
                None => values.push((v, key)),
            }
        }
        values.sort_by_key(|(v, _)| v.doc);
        let mut keys: Vec<Told> = values.iter().map(|(_, k)| *k).collect();
        keys.sort_unstable();
        let length = values.iter().map(|(v, _)| v.text.len()).sum();
        c.values = values.into_iter().map(|(v, _)| v).collect();
        match kept.iter_mut().find(|(k, ks, _)| {
            k.kind == c.kind && *ks == keys && !keys.iter().any(|x| x.1.is_none())
        }) {
            Some(slot) if slot.2 < length => *slot = (c, keys, length),
            Some(_) => {}
            None => kept.push((c, keys, length)),
        }
    }
    kept.into_iter().map(|(c, _, _)| c).collect()
}

fn speaker_text(claim: &Claim, f: &Features) -> String {
    f.source
        .clone()
        .or_else(|| claim.speaker.clone())
        .unwrap_or_default()
}

/// The last capitalised word of a source as written, as a key ("Police Constable Tim
/// Fanning" → `fanning`; "Staff at Fiji Island Auto, across the street" → `auto`), or `None`.
fn last_name(source: &str) -> Option<String> {
    source
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .rfind(|w| name_word(w))
        .map(str::to_lowercase)
}

/// Different speakers of one quote: the same quoted words put in two people's mouths. Only
/// quotes: two sources telling the same fact in their own words (the police and a broadcaster;
/// two outlets) back each other up rather than clash, and on ECB+ dev most such "clashes" were
/// that (or one speaker named two ways), not a misattribution. An outlet that reports a quote
/// relays it, so an outlet against a person is not a clash; two speakers whose names end in
/// the same word ("Tim Fanning" / "Fanning", "Mysore" / "INS Mysore") are one.
fn speaker_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    let mut taking_part: Vec<usize> = Vec::new();
    for (x, y) in pairs_of(members.len()) {
        let (i, j) = (members[x], members[y]);
        let (a, b) = (&feats[i], &feats[j]);
        if a.doc != b.doc
            && a.quote
            && b.quote
            && !a.speaker.is_empty()
            && !b.speaker.is_empty()
            && a.outlet == b.outlet
            && a.speaker.is_disjoint(&b.speaker)
            && match (&a.source, &b.source) {
                (Some(x), Some(y)) => last_name(x) != last_name(y),
                _ => false,
            }
        {
            for k in [i, j] {
                if !taking_part.contains(&k) {
                    taking_part.push(k);
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
    let mut c = conflict(
        ConflictKind::Speaker,
        about,
        "the same quoted words are attributed to different speakers",
    );
    c.values = values;
    vec![c]
}

/// One claim negates a word that another, with no negation at all, asserts.
fn negation_conflicts(members: &[usize], claims: &[Claim], feats: &[Features]) -> Vec<Conflict> {
    let cues: Vec<Negations> = members
        .iter()
        .map(|&i| negations_in(&claims[i].content.text))
        .collect();
    let ordered = pairs_of(members.len()).flat_map(|(x, y)| [(x, y), (y, x)]);
    for (x, y) in ordered {
        let (i, j) = (members[x], members[y]);
        if claims[i].doc == claims[j].doc
            || feats[j].negations > 0
            || cues[y].any > 0
            // "Police couldn't say how many shots were fired": not knowing is no denial.
            || (cues[x].any > 0 && cues[x].any == cues[x].knowing)
        {
            continue;
        }
        // The rest of the negating claim must be what the other asserts: at least half of
        // its asserted words are the other's ("the building did not pass a safety
        // inspection" / "the building passed a safety inspection"), not merely one shared
        // word ("no military solution" / "an end to any military hostilities").
        let rest = &feats[i].asserted;
        let shared = rest.intersection(&feats[j].asserted).count();
        if shared * 2 < rest.len() {
            continue;
        }
        // A denial in the cue ("officials denied the ferry was overloaded") negates the
        // whole content, against the same content reported without one.
        let denied = denial_cue(&claims[i])
            .filter(|_| denial_cue(&claims[j]).is_none() && feats[i].negations == 0)
            .filter(|_| rest.len() >= 2 && shared * 2 >= rest.len());
        let word = denied.or_else(|| {
            feats[i]
                .negated
                .iter()
                .find(|(k, _)| feats[j].asserted.contains(k))
                .map(|(_, w)| w.clone())
        });
        if let Some(word) = word {
            let mut values = vec![
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
            ];
            values.sort_by_key(|v| v.doc);
            let mut c = conflict(
                ConflictKind::Negation,
                word,
                "one article denies or negates what another asserts",
            );
            c.values = values;
            return vec![c];
        }
    }
    Vec::new()
}

/// Negation cues in a text, read from the words as written: any negation word (the list,
/// "n't" with a straight or curly apostrophe), and how many of them govern a verb of knowing or
/// telling within the next two words ("could not say", "did not disclose").
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Negations {
    any: usize,
    knowing: usize,
}

fn negations_in(text: &str) -> Negations {
    let lex = super::lexicon::lexicon();
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let mut out = Negations::default();
    for (k, w) in words.iter().enumerate() {
        if !(lex.negations.contains(w) || w.ends_with("n't"))
            || words
                .get(k + 1)
                .is_some_and(|n| lex.negation_undoers.contains(n))
        {
            continue;
        }
        out.any += 1;
        if words
            .iter()
            .skip(k + 1)
            .take(2)
            .any(|n| lex.unknown.contains(&super::stem::stem(n)))
        {
            out.knowing += 1;
        }
    }
    out
}

/// The negation word of a claim's cue ("denied", "rejected"), if it has one.
fn denial_cue(c: &Claim) -> Option<String> {
    let lex = super::lexicon::lexicon();
    c.cue.as_ref().and_then(|cue| {
        cue.text
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| lex.negations.contains(&w.to_lowercase()))
            .map(str::to_string)
    })
}

/// A date or time the dates stage reads in a sentence.
struct Dated {
    /// TIMEX value (`XXXX-WXX-2T21:00`).
    value: String,
    /// TIMEX modifier (`APPROX`, `AFTER`…), or "".
    modifier: &'static str,
    kind: crate::dates::DateKind,
    /// The words as written.
    written: String,
    /// Followed by "'s" ("Sunday's game"): the date of something else the sentence names.
    possessive: bool,
}

/// The dates and times told in `text` (a claim's sentence), read once for every kind of
/// difference that uses them ([`times_in`], [`days_in`]).
fn dates_in(text: &str) -> Vec<Dated> {
    let doc = crate::text::prepare(text);
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        for m in crate::dates::find(&doc, s) {
            let (Some(v), Some(first), Some(last)) = (
                m.value,
                doc.tokens.get(m.tokens.start),
                m.tokens.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
            ) else {
                continue;
            };
            let after = text.get(last.end..).unwrap_or_default();
            out.push(Dated {
                value: v,
                modifier: m.modifier.unwrap_or(""),
                kind: m.kind,
                written: text
                    .get(first.start..last.end)
                    .unwrap_or_default()
                    .to_string(),
                possessive: after.starts_with("'s") || after.starts_with("\u{2019}s"),
            });
        }
    }
    out
}

/// The dates of each sentence of the group's claims, by (document, sentence start).
type SentenceDates = FxHashMap<(u32, u32), Vec<Dated>>;

fn sentence_dates(members: &[usize], claims: &[Claim]) -> SentenceDates {
    let mut out = SentenceDates::default();
    for &i in members {
        let c = &claims[i];
        out.entry((c.doc, c.sentence.start))
            .or_insert_with(|| dates_in(&c.sentence.text));
    }
    out
}

/// The clock times (`21:00~APPROX`) among `dates`, each with its words as written.
fn times_in(dates: &[Dated]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in dates {
        // Only a clock time ("9 p.m.", "21:30"), not a part of the day ("night").
        if d.kind != crate::dates::DateKind::Time
            || !d.value.contains(':')
            || !d.value.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        // The clock part only: "9 p.m." and "9 p.m. on Tuesday" tell the same time.
        let clock = format!(
            "{}~{}",
            d.value
                .rsplit_once('T')
                .map_or(d.value.as_str(), |(_, t)| t),
            d.modifier
        );
        if !out.iter().any(|(x, _)| same_clock(x, &clock)) {
            out.push((clock, d.written.clone()));
        }
    }
    out
}

/// Minutes an approximate clock time ("about 7 p.m.") may lie on either side of the time
/// written, and a time "shortly after" or "just after" one after it.
const ABOUT_MINUTES: i32 = 15;

/// Do two of [`times_in`]'s values read the same clock, whatever their modifiers?
fn same_clock(a: &str, b: &str) -> bool {
    a.split('~').next() == b.split('~').next()
}

/// Are two clock times, as [`times_in`] gives them (`19:00~APPROX`), possibly the same moment?
/// Each is a span of minutes: the time itself, ± [`ABOUT_MINUTES`] when approximate, up to
/// [`ABOUT_MINUTES`] after it for "shortly after" (before it for "shortly before"); they are
/// the same when the spans meet. "approximately 7 p.m." / "7:01 p.m." are; "shortly after 2
/// a.m." / "just after 2:30 a.m." are not.
fn same_time(a: &str, b: &str) -> bool {
    let span = |v: &str| -> Option<(i32, i32)> {
        let (clock, modifier) = v.split_once('~').unwrap_or((v, ""));
        let mut parts = clock.split(':');
        let h: i32 = parts.next()?.parse().ok()?;
        let m: i32 = parts.next()?.get(..2)?.parse().ok()?;
        let t = h * 60 + m;
        Some(match modifier {
            "APPROX" => (t - ABOUT_MINUTES, t + ABOUT_MINUTES),
            "AFTER" => (t, t + ABOUT_MINUTES),
            "BEFORE" => (t - ABOUT_MINUTES, t),
            _ => (t, t),
        })
    };
    match (span(a), span(b)) {
        (Some(x), Some(y)) => x.0 <= y.1 && y.0 <= x.1,
        _ => a == b,
    }
}

/// The weekdays (`XXXX-WXX-3`) among `dates`, alone or as the day of a clock time, each with
/// its words as written. Relative days ("yesterday", "today") depend on when the article was
/// written, which the report does not know, and are left out, and so are possessives ("Sunday's
/// game": the day of something else the sentence names).
fn days_in(dates: &[Dated]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in dates.iter().filter(|d| !d.possessive) {
        let day = d.value.split_once('T').map_or(d.value.as_str(), |(d, _)| d);
        let Some(n) = day.strip_prefix("XXXX-WXX-") else {
            continue;
        };
        if n.len() != 1 || !n.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !out.iter().any(|(x, _)| x == day) {
            out.push((day.to_string(), d.written.clone()));
        }
    }
    out
}

/// The first claim of each sentence among the group's claims: what a sentence tells is read
/// once, however many of its claims the group holds.
fn sentences_once<'c>(members: &[usize], claims: &'c [Claim]) -> Vec<&'c Claim> {
    let mut seen: Vec<(u32, u32)> = Vec::new();
    let mut out = Vec::new();
    for &i in members {
        let c = &claims[i];
        if !seen.contains(&(c.doc, c.sentence.start)) {
            seen.push((c.doc, c.sentence.start));
            out.push(c);
        }
    }
    out
}

/// Different win–loss records for one name ([`super::record`]): "Klitschko (52-3, 46 KOs)" /
/// "Klitschko, 53-3, 47 KO's". Every article of the group that gives the name a record in the
/// sentences of its claims gives one (an article giving two, the record before a bout and the
/// one after it, leaves that name alone), and they are not all the same. Records one bout apart
/// may both hold (one written before the bout, one after it): a `range`; others cannot: a
/// `number`.
fn record_conflicts(members: &[usize], claims: &[Claim]) -> Vec<Conflict> {
    /// A record an article gives: the article, the tally and the value to show.
    type Given = (u32, Vec<u32>, ConflictValue);
    // The records given, by holder (key, name as written), each article's tally once.
    let mut told: Vec<(String, String, Vec<Given>)> = Vec::new();
    for c in sentences_once(members, claims) {
        for r in records_in(&c.sentence.text) {
            let slot = match told.iter().position(|(h, _, _)| *h == r.holder) {
                Some(p) => p,
                None => {
                    told.push((r.holder.clone(), r.name.clone(), Vec::new()));
                    told.len() - 1
                }
            };
            let values = &mut told[slot].2;
            if !values.iter().any(|(d, t, _)| *d == c.doc && *t == r.tally) {
                values.push((
                    c.doc,
                    r.tally.clone(),
                    ConflictValue {
                        claim: c.id.clone(),
                        doc: c.doc,
                        text: r.text.clone(),
                    },
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (_, name, values) in told {
        let once: Vec<&Given> = values
            .iter()
            .filter(|(d, _, _)| values.iter().filter(|(e, _, _)| e == d).count() == 1)
            .collect();
        let mut tallies: Vec<&Vec<u32>> = once.iter().map(|(_, t, _)| t).collect();
        tallies.sort_unstable();
        tallies.dedup();
        let mut docs: Vec<u32> = once.iter().map(|(d, _, _)| *d).collect();
        docs.sort_unstable();
        docs.dedup();
        if tallies.len() < 2 || docs.len() < 2 {
            continue;
        }
        let apart = tallies
            .iter()
            .enumerate()
            .all(|(x, a)| tallies[x + 1..].iter().all(|b| one_bout_apart(a, b)));
        let (kind, note) = if apart {
            (
                ConflictKind::Range,
                "records one bout apart: one may count a bout the other does not",
            )
        } else {
            (ConflictKind::Number, "the values cannot all hold")
        };
        let mut c = conflict(kind, format!("{name}'s record"), note);
        let mut vs: Vec<ConflictValue> = once.into_iter().map(|(_, _, v)| v.clone()).collect();
        vs.sort_by_key(|v| v.doc);
        c.values = vs;
        out.push(c);
    }
    out
}

/// Different final scores for one game ([`super::record::scores_in`]): "beat Evansville 91-73"
/// / "a 91-75 victory over Evansville". Every article of the group that tells a score in the
/// sentences of its claims tells one (an article telling two, this game's and an earlier one's,
/// is left out), and two articles whose scores differ name a team in common around them (two
/// scores with no name in common may be two games).
fn score_conflicts(members: &[usize], claims: &[Claim]) -> Vec<Conflict> {
    let mut told: Vec<(u32, Score, ConflictValue)> = Vec::new();
    for c in sentences_once(members, claims) {
        for sc in scores_in(&c.sentence.text) {
            if !told
                .iter()
                .any(|(d, t, _)| *d == c.doc && t.points == sc.points)
            {
                let value = ConflictValue {
                    claim: c.id.clone(),
                    doc: c.doc,
                    text: sc.text.clone(),
                };
                told.push((c.doc, sc.clone(), value));
            }
        }
    }
    let once: Vec<&(u32, Score, ConflictValue)> = told
        .iter()
        .filter(|(d, _, _)| told.iter().filter(|(e, _, _)| e == d).count() == 1)
        .collect();
    let mut values: Vec<ConflictValue> = Vec::new();
    for (x, (_, a, va)) in once.iter().enumerate() {
        for (_, b, vb) in &once[x + 1..] {
            if a.points != b.points && a.names.iter().any(|n| b.names.contains(n)) {
                for v in [va, vb] {
                    if !values.iter().any(|w| w.doc == v.doc) {
                        values.push(v.clone());
                    }
                }
            }
        }
    }
    if values.is_empty() {
        return Vec::new();
    }
    values.sort_by_key(|v| v.doc);
    let mut c = conflict(
        ConflictKind::Number,
        "the final score".to_string(),
        "the values cannot all hold",
    );
    c.values = values;
    vec![c]
}

/// Different clock times for the same moment: every article of the group that tells one
/// time (in the sentences of its claims) tells exactly one, and they are not all the same.
/// Sentences with several times are left alone (they may tell a sequence).
fn time_conflicts(members: &[usize], claims: &[Claim], dates: &SentenceDates) -> Vec<Conflict> {
    told_conflicts(
        members,
        claims,
        dates,
        times_in,
        same_time,
        (
            ConflictKind::Time,
            "the time",
            "different times for one moment",
        ),
    )
}

/// Different weekdays for the same event ("on Thursday" / "on Friday"), read like
/// [`time_conflicts`]: every article of the group that names a weekday names exactly one, and
/// they are not all the same; an article naming two (the event and the day it was reported)
/// leaves the group alone.
fn day_conflicts(members: &[usize], claims: &[Claim], dates: &SentenceDates) -> Vec<Conflict> {
    told_conflicts(
        members,
        claims,
        dates,
        days_in,
        |a, b| a == b,
        (
            ConflictKind::Day,
            "the day",
            "different days: the same event told on different days, or two steps of it (the event and the day it was reported or charged)",
        ),
    )
}

/// A value that each article tells once, read by `read` from the dates of the sentences of the
/// group's claims, and that differs: a conflict of `kind` about `about`, with `note`.
fn told_conflicts(
    members: &[usize],
    claims: &[Claim],
    dates: &SentenceDates,
    read: fn(&[Dated]) -> Vec<(String, String)>,
    same: fn(&str, &str) -> bool,
    (kind, about, note): (ConflictKind, &str, &str),
) -> Vec<Conflict> {
    // Per document: its first claim telling a time, and the times (value, as written).
    type Told = (u32, usize, Vec<(String, String)>);
    let mut per_doc: Vec<Told> = Vec::new();
    let mut seen: Vec<(u32, u32)> = Vec::new();
    for &i in members {
        let c = &claims[i];
        if seen.contains(&(c.doc, c.sentence.start)) {
            continue;
        }
        seen.push((c.doc, c.sentence.start));
        let times = dates
            .get(&(c.doc, c.sentence.start))
            .map(|d| read(d))
            .unwrap_or_default();
        if times.is_empty() {
            continue;
        }
        match per_doc.iter_mut().find(|d| d.0 == c.doc) {
            Some(d) => {
                for t in times {
                    if !d.2.iter().any(|x| x.0 == t.0) {
                        d.2.push(t);
                    }
                }
            }
            None => per_doc.push((c.doc, i, times)),
        }
    }
    if per_doc.len() < 2 || per_doc.iter().any(|d| d.2.len() != 1) {
        return Vec::new();
    }
    let told: Vec<&str> = per_doc.iter().map(|d| d.2[0].0.as_str()).collect();
    if told
        .iter()
        .enumerate()
        .all(|(k, a)| told[k + 1..].iter().all(|b| same(a, b)))
    {
        return Vec::new();
    }
    let mut c = conflict(kind, about.to_string(), note);
    c.values = per_doc
        .iter()
        .map(|(doc, i, t)| ConflictValue {
            claim: claims[*i].id.clone(),
            doc: *doc,
            text: t[0].1.clone(),
        })
        .collect();
    c.values.sort_by_key(|v| v.doc);
    vec![c]
}

/// The text a claim's statuses are read from: what it reports for reported speech, its
/// sentence for a figure or an event.
fn status_text(c: &Claim) -> &str {
    match c.kind {
        ClaimKind::Quote | ClaimKind::Statement => &c.content.text,
        _ => &c.sentence.text,
    }
}

/// Share of the shorter claim's words two claims must have in common, in order, for a
/// substituted name or number between them to be a [`detail_conflicts`] clash.
const DETAIL_SAME: f64 = 0.6;
/// Longest run of words, on each side, that counts as one substituted detail.
const DETAIL_WORDS: usize = 3;

/// Is `w` a word of a name: capitalised, or an initial ("A.J.")?
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// One side of a substitution as a detail: all words of a name (not the claim's first word,
/// capitalised anyway), or all holding a digit that no figure read in the claim's sentence holds
/// (`figures`: those are compared by [`figure_conflicts`], which knows what they count and how
/// approximate they are).
fn detail_side(words: &[String], at: usize, figures: &[&Quantity]) -> Option<bool> {
    if words.is_empty() || words.len() > DETAIL_WORDS {
        return None;
    }
    if at > 0 && words.iter().all(|w| name_word(w)) {
        return Some(true);
    }
    // A lone number ("Catherine Gomes, 61,") is no figure the figure comparison reads (see
    // `sole_bare`), so it is compared here, in its place in the sentence.
    let read = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        figures
            .iter()
            .any(|q| q.span.text.contains(w) && !lone_number(q))
    };
    let digits = words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    (digits && !words.iter().any(|w| read(w))).then_some(false)
}

/// Is a figure written as a number alone, with no counted thing ("61", "two")?
fn lone_number(q: &Quantity) -> bool {
    q.unit.is_none() && q.span.text.split_whitespace().nth(1).is_none()
}

/// Is a content written in title case, as headlines are (at least 85 % of its words of four
/// letters or more capitalised)? Its capitals then say nothing of names.
fn title_case(words: &[String]) -> bool {
    let long: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    !long.is_empty() && long.iter().filter(|w| name_word(w)).count() * 100 >= long.len() * 85
}

/// Are two names (matching keys, see [`word_key`]) one name written two ways: a spelling or
/// form ("Somali" / "Somalian", "Advisers" / "Advisors", "Rait" / "Raite") or a short form
/// ("Dr" / "Doctor", "MVP" / "Most Valuable Player")? They share their first letter and the
/// shorter one's letters appear in order in the longer one, or they share their first four.
fn variant(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if prefix >= 4 {
        return true;
    }
    if short.chars().next() != long.chars().next() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|d| d == c))
}

/// Are two numeric details (matching keys) the same number, or numbers of different things:
/// their first numbers equal ("4" / "4:00"), or the words around them differ ("15,800 square
/// metres" / "170,000 square feet": a conversion)?
fn same_number(a: &str, b: &str) -> bool {
    let digits = |s: &str| -> String { s.chars().take_while(char::is_ascii_digit).collect() };
    let first = |s: &str| -> String {
        let at = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
        digits(&s[at..])
    };
    let words = |s: &str| -> String { s.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let (fa, fb) = (first(a), first(b));
    let strip = |s: String| s.trim_end_matches('0').to_string();
    fa == fb || strip(fa) == strip(fb) || words(a) != words(b)
}

/// One place or number that differs between two otherwise matching sentences: "Anthony
/// LaSalle, 36, of Bloomington" / "… of Minneapolis"; "struck on Dec. 10" / "on Dec. 11". The
/// two claims' contents (not in title case) must share, in order, at least [`DETAIL_SAME`] of
/// the shorter one's words, and the substitution must be a run of at most [`DETAIL_WORDS`]
/// words flanked by the same words on both sides: name words right after a place preposition
/// (`compare-place-prepositions.txt`) and not before another name word, against the same, not
/// one name written two ways ([`variant`]), or digits against digits that no figure holds and that are not the same
/// number ([`same_number`]); found in neither content elsewhere (a word moved, not changed).
/// Other names are left out: on ECB+ train most changed names in matching sentences were one
/// entity named two ways ("William" / "Bill", "the Bluejays" / "Creighton") or a title against
/// a first name ("Ms" / "Alice"). One conflict per pair of articles and substitution.
fn detail_conflicts(members: &[usize], claims: &[Claim]) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = Vec::new();
    let figures = sentence_figures(members, claims);
    for (x, y) in pairs_of(members.len()) {
        let (i, j) = (members[x], members[y]);
        let (a, b) = (&claims[i], &claims[j]);
        if a.doc == b.doc {
            continue;
        }
        let wa: Vec<String> = a
            .content
            .text
            .split_whitespace()
            .map(String::from)
            .collect();
        let wb: Vec<String> = b
            .content
            .text
            .split_whitespace()
            .map(String::from)
            .collect();
        let ka: Vec<String> = wa.iter().map(|w| word_key(w)).collect();
        let kb: Vec<String> = wb.iter().map(|w| word_key(w)).collect();
        let shorter = ka.len().min(kb.len());
        if shorter < 5 || title_case(&wa) || title_case(&wb) {
            continue;
        }
        let (fa, fb) = (&figures[x], &figures[y]);
        let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
        let same: usize = ops
            .iter()
            .filter(|d| d.as_tag_tuple().0 == DiffTag::Equal)
            .map(|d| d.as_tag_tuple().1.len())
            .sum();
        if (same as f64) < DETAIL_SAME * shorter as f64 {
            continue;
        }
        for d in &ops {
            let (tag, ra, rb) = d.as_tag_tuple();
            if tag != DiffTag::Replace {
                continue;
            }
            let (sa, sb) = (&wa[ra.clone()], &wb[rb.clone()]);
            let (Some(na), Some(nb)) =
                (detail_side(sa, ra.start, fa), detail_side(sb, rb.start, fb))
            else {
                continue;
            };
            // A name counts only as a place: right after a place preposition in both.
            let place = |k: &[String], at: usize| {
                at > 0
                    && super::lexicon::lexicon()
                        .place_prepositions
                        .contains(&k[at - 1])
            };
            // A name whose next word is a name too is one name partly rewritten ("of Ms
            // McMeekin" / "of Alice McMeekin"), not another place.
            let whole = |w: &[String], end: usize| w.get(end).is_none_or(|x| !name_word(x));
            if na
                && !(place(&ka, ra.start)
                    && place(&kb, rb.start)
                    && whole(&wa, ra.end)
                    && whole(&wb, rb.end))
            {
                continue;
            }
            let moved = ka[ra.clone()].iter().any(|w| kb.contains(w))
                || kb[rb.clone()].iter().any(|w| ka.contains(w));
            // Flanked by the same words on both sides, and about as long.
            let inside = ra.start > 0 && rb.start > 0 && ra.end < ka.len() && rb.end < kb.len();
            if na != nb || moved || !inside || sa.len().abs_diff(sb.len()) > 1 {
                continue;
            }
            let (ja, jb) = (ka[ra.clone()].concat(), kb[rb.clone()].concat());
            if if na {
                variant(&ja, &jb)
            } else {
                same_number(&ja, &jb)
            } {
                continue;
            }
            let text = |ws: &[String]| {
                ws.join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string()
            };
            let mut c = conflict(
                ConflictKind::Detail,
                if na { "a name" } else { "a number" }.to_string(),
                if na {
                    "the same sentence with a different name"
                } else {
                    "the same sentence with a different number"
                },
            );
            c.values = vec![
                ConflictValue {
                    claim: a.id.clone(),
                    doc: a.doc,
                    text: text(sa),
                },
                ConflictValue {
                    claim: b.id.clone(),
                    doc: b.doc,
                    text: text(sb),
                },
            ];
            c.values.sort_by_key(|v| v.doc);
            if !out.iter().any(|o| o.values == c.values) {
                out.push(c);
            }
        }
    }
    out
}

/// Do two sentences give one same figure ([`sentence_figures`]), so that what they say of "two
/// guards" is said of the same people?
fn same_count(a: &[&Quantity], b: &[&Quantity]) -> bool {
    a.iter()
        .filter_map(|q| q.value)
        .any(|x| b.iter().any(|q| q.value == Some(x)))
}

/// Statuses that exclude each other ([`status::clash`]) between claims of different articles;
/// one conflict per domain; a `counted` domain (harm) only between sentences that give one
/// same figure ([`same_count`]).
fn status_conflicts(members: &[usize], claims: &[Claim]) -> Vec<Conflict> {
    let found: Vec<Vec<status::Status>> = members
        .iter()
        .map(|&i| status::statuses(status_text(&claims[i])))
        .collect();
    let mut out: Vec<Conflict> = Vec::new();
    let figures = sentence_figures(members, claims);
    for (x, y) in pairs_of(members.len()) {
        let (i, j) = (members[x], members[y]);
        if claims[i].doc == claims[j].doc {
            continue;
        }
        let Some((domain, a, b)) = status::clash(&found[x], &found[y]) else {
            continue;
        };
        if status::counted(domain) && !same_count(&figures[x], &figures[y]) {
            continue;
        }
        let pos = match out.iter().position(|c| c.about == domain) {
            Some(p) => p,
            None => {
                out.push(conflict(
                    ConflictKind::Status,
                    domain.to_string(),
                    "statuses that exclude each other",
                ));
                out.len() - 1
            }
        };
        for (k, st) in [(i, a), (j, b)] {
            let c = &mut out[pos];
            if !c.values.iter().any(|v| v.claim == claims[k].id) {
                c.values.push(ConflictValue {
                    claim: claims[k].id.clone(),
                    doc: claims[k].doc,
                    text: st.text.clone(),
                });
            }
        }
    }
    for c in &mut out {
        c.values.sort_by_key(|v| v.doc);
    }
    out
}

fn keys_of(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| word_key(w))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The words each member of a group with a quote tells, for the quote diff: a quote's quoted
/// words; when the group holds a quote, also the quoted words of a statement or event whose
/// content has quotation marks (a quote the attribution stage missed: "“…,” said the fire
/// service director"), or the reported words of a statement (a quote told as indirect
/// speech). Figures (`numeric` claims) tell no words. Empty when no member is a quote.
fn told_words(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
) -> Vec<(usize, Vec<String>)> {
    if !members.iter().any(|&i| feats[i].quote) {
        return Vec::new();
    }
    members
        .iter()
        .filter_map(|&i| {
            let c = &claims[i];
            let words = if feats[i].quote {
                feats[i].quote_words()
            } else if c.kind == ClaimKind::Statement
                || (c.kind == ClaimKind::Event && has_quote_marks(&c.content.text))
            {
                inside_quotes(&c.content.text)
            } else {
                Vec::new()
            };
            (!words.is_empty()).then_some((i, words))
        })
        .collect()
}

const QUOTE_MARKS: [char; 6] = ['"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}'];

fn has_quote_marks(text: &str) -> bool {
    text.contains(QUOTE_MARKS)
}

/// The words inside quotation marks in `text`, or all of its words when there are none.
fn inside_quotes(text: &str) -> Vec<String> {
    let mut inside = String::new();
    let mut open = false;
    for c in text.chars() {
        if QUOTE_MARKS.contains(&c) {
            open = !open;
            inside.push(' ');
        } else if open {
            inside.push(c);
        }
    }
    let from = if inside.trim().is_empty() {
        text
    } else {
        inside.as_str()
    };
    from.split_whitespace().map(str::to_string).collect()
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
    let told = told_words(members, claims, feats);
    let words_of = |k: usize| -> &[String] {
        told.iter()
            .find(|(i, _)| *i == k)
            .map(|(_, w)| w.as_slice())
            .unwrap_or(&[])
    };
    let mut versions: Vec<(u32, Vec<usize>)> = Vec::new();
    for &i in told.iter().map(|(i, _)| i) {
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
            Some(k) if words_of(parts[k]).len() < words_of(i).len() => parts[k] = i,
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
            .flat_map(|&k| words_of(k).iter().cloned())
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
                ops: aligned_or_whole(diff_words(&base, &other)),
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

/// Decides the relation of the group `members` (claim indexes, in document order); for a fact
/// row ([`super::facts`]) from what it lines up alone: its figures or its clock times.
pub fn relate(
    members: &[usize],
    claims: &[Claim],
    feats: &[Features],
    docs: &[Document],
    fact: Option<Fact>,
) -> Relation {
    let mut ds: Vec<u32> = members.iter().map(|&i| claims[i].doc).collect();
    ds.sort_unstable();
    ds.dedup();
    let Some(&first) = members.first() else {
        return Relation {
            relation: Verdict::Unique,
            reason: "Empty group.".into(),
            diffs: vec![],
            conflicts: vec![],
        };
    };
    if ds.len() < 2 {
        return Relation {
            relation: Verdict::Unique,
            reason: format!(
                "Only {} carries this claim.",
                doc_name(docs, claims[first].doc)
            ),
            diffs: Vec::new(),
            conflicts: Vec::new(),
        };
    }
    if let Some(fact) = fact {
        // A fact row (see `super::facts`): its sentences were put together for one figure or
        // one clock time, so only that is compared; the rest of the sentences may tell other
        // things.
        let (what, mut conflicts, agreed) = match fact {
            Fact::Figure => {
                let (conflicts, fitting) = figure_conflicts(members, claims, feats);
                ("figures", conflicts, agreed(&fitting, claims))
            }
            Fact::Time => {
                let dates = sentence_dates(members, claims);
                ("times", time_conflicts(members, claims, &dates), Vec::new())
            }
        };
        conflicts.sort_by_key(|c| c.may_hold);
        return match conflicts.first() {
            Some(c) => Relation {
                relation: Verdict::Conflict,
                reason: conflict_reason(c, docs),
                diffs: Vec::new(),
                conflicts,
            },
            None => Relation {
                relation: Verdict::Agree,
                reason: if agreed.is_empty() {
                    format!("{} articles give {what} that fit.", ds.len())
                } else {
                    format!(
                        "{} articles give {what} that fit ({}).",
                        ds.len(),
                        agreed.join(", ")
                    )
                },
                diffs: Vec::new(),
                conflicts: Vec::new(),
            },
        };
    }
    let (mut conflicts, fitting) = figure_conflicts(members, claims, feats);
    let agreed = agreed(&fitting, claims);
    let dates = sentence_dates(members, claims);
    conflicts.extend(time_conflicts(members, claims, &dates));
    conflicts.extend(day_conflicts(members, claims, &dates));
    conflicts.extend(record_conflicts(members, claims));
    conflicts.extend(score_conflicts(members, claims));
    conflicts.extend(status_conflicts(members, claims));
    conflicts.extend(speaker_conflicts(members, claims, feats));
    conflicts.extend(negation_conflicts(members, claims, feats));
    // A changed name or number already told as a time or a day is not told twice.
    let details: Vec<Conflict> = detail_conflicts(members, claims)
        .into_iter()
        .filter(|d| {
            !conflicts.iter().any(|c| {
                d.values.iter().all(|v| {
                    c.values
                        .iter()
                        .any(|w| w.doc == v.doc && w.text.contains(v.text.as_str()))
                })
            })
        })
        .collect();
    conflicts.extend(details);
    // Values that cannot all hold come first: they give the reason.
    conflicts.sort_by_key(|c| c.may_hold);
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
        if !agreed_known.is_empty()
            && matches!(
                c.kind,
                ConflictKind::Number | ConflictKind::Unknown | ConflictKind::Range
            )
        {
            reason = format!(
                "The articles agree on {}, but {}{}",
                agreed_known.join(" and "),
                reason.get(..1).unwrap_or("").to_lowercase(),
                reason.get(1..).unwrap_or("")
            );
        }
        return Relation {
            relation: Verdict::Conflict,
            reason,
            diffs: Vec::new(),
            conflicts,
        };
    }
    let (diffs, quoting) = quote_diffs(members, claims, feats);
    if !diffs.is_empty() {
        let told = told_words(members, claims, feats);
        let docs_of = |quotes_only: bool| {
            let mut d: Vec<u32> = told
                .iter()
                .filter(|&&(i, _)| !quotes_only || feats[i].quote)
                .map(|&(i, _)| claims[i].doc)
                .collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        };
        let (telling, quoting_docs) = (docs_of(false), docs_of(true));
        let who = if quoting_docs < telling {
            format!(
                "{telling} of the {} articles tell these words ({quoting_docs} as a quote, the others as reported speech)",
                ds.len()
            )
        } else if telling == ds.len() {
            format!("{} articles quote these words", ds.len())
        } else {
            format!("{telling} of the {} articles quote these words", ds.len())
        };
        let changed: usize = diffs
            .iter()
            .flat_map(|d| &d.ops)
            .filter(|o| o.op != "same")
            .map(|o| o.text.split(' ').count())
            .sum();
        let reason = format!(
            "{who} with different wording: {} word{} added or removed against the version in {}.",
            changed,
            if changed == 1 { "" } else { "s" },
            doc_name(docs, quoting.unwrap_or(claims[first].doc))
        );
        return Relation {
            relation: Verdict::Reworded,
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
        relation: Verdict::Agree,
        reason: format!("{} articles {what}.", ds.len()),
        diffs: Vec::new(),
        conflicts: Vec::new(),
    }
}

fn conflict_reason(c: &Conflict, docs: &[Document]) -> String {
    // Each value once: with its article, or with a count when three or more articles give
    // it, so that the one article that differs stands out ("about 300 rounds (8 articles),
    // 923 rounds (9 · …)").
    let list = |vs: &[ConflictValue]| {
        let mut told: Vec<(String, Vec<u32>)> = Vec::new();
        for v in vs {
            let key = v.text.to_lowercase();
            match told.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ds)) if !ds.contains(&v.doc) => ds.push(v.doc),
                Some(_) => {}
                None => told.push((key, vec![v.doc])),
            }
        }
        told.iter()
            .map(|(key, ds)| {
                let text = vs
                    .iter()
                    .find(|v| v.text.to_lowercase() == *key)
                    .map_or(key.as_str(), |v| v.text.as_str());
                if ds.len() >= 3 {
                    format!("{text} ({} articles)", ds.len())
                } else {
                    let names: Vec<String> = ds.iter().map(|&d| doc_name(docs, d)).collect();
                    format!("{text} ({})", names.join("; "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c.kind {
        ConflictKind::Number => format!(
            "The articles give figures for {} that cannot all hold: {}.",
            c.about,
            list(&c.values)
        ),
        ConflictKind::Range => format!(
            "The articles give different figures for {} ({}): {}.",
            c.about,
            c.note,
            list(&c.values)
        ),
        ConflictKind::Time => format!(
            "The articles give different times for one moment: {}.",
            list(&c.values)
        ),
        ConflictKind::Day => format!(
            "The articles give different days for one event: {}.",
            list(&c.values)
        ),
        ConflictKind::Detail => format!(
            "The articles tell the same sentence with {} changed: {}.",
            c.about,
            list(&c.values)
        ),
        ConflictKind::Status => format!(
            "The articles give statuses that exclude each other ({}): {}.",
            c.about,
            list(&c.values)
        ),
        ConflictKind::Unknown => format!(
            "Some articles give a figure for {} and others say it is not known: {}.",
            c.about,
            list(&c.values)
        ),
        ConflictKind::Speaker => format!(
            "The same quoted words are attributed to different speakers: {}.",
            list(&c.values)
        ),
        ConflictKind::Negation => format!(
            "One article denies what another asserts (\"{}\"): {}.",
            c.about,
            list(&c.values)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::compare::markup::build;

    /// `ids:relation(+kind[~])*` of each group of two or more claims (`~`: may hold).
    fn relations(articles: &[&[&str]]) -> Vec<String> {
        let b = build(articles);
        let c = compare(&b.documents, &b.entities, &b.claims);
        let mut out: Vec<String> = c
            .groups
            .iter()
            .filter(|g| g.claims.len() > 1)
            .map(|g| {
                let mut s = format!("{}:{}", g.claims.join(" "), g.relation);
                for k in &g.conflicts {
                    s.push('+');
                    s.push_str(k.kind.as_str());
                    if k.may_hold {
                        s.push('~');
                    }
                    assert!(!k.note.is_empty());
                    assert!(k.values.windows(2).all(|w| w[0].doc <= w[1].doc));
                }
                if g.relation == Verdict::Reworded {
                    assert!(!g.diffs.is_empty());
                }
                s
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_figure_with_a_counterpart_clashes_with_no_other_figure_of_that_article() {
        // A tells the workforce and the arrests, B the workforce; grouped together, A's
        // workforce fits B's and B's is no clash with A's arrests.
        let a = "The federation represents most of the plant's roughly 8,000 employees. Police said 27 people were arrested on suspicion of violent disorder.";
        let b = "The company, which employs nearly 8,000 people in Corvane, has so far offered six percent.";
        let r = crate::analyze(&[crate::Article::new("a", a), crate::Article::new("b", b)])
            .expect("within limits");
        let figure = |doc: u32, text: &str| {
            r.claims
                .iter()
                .position(|c| c.doc == doc && c.quantities.iter().any(|q| q.span.text == text))
                .expect(text)
        };
        let (workforce_a, arrests_a, workforce_b) = (
            figure(0, "roughly 8,000 employees"),
            figure(0, "27 people"),
            figure(1, "nearly 8,000 people"),
        );
        let claims: Vec<Claim> = [workforce_a, arrests_a, workforce_b]
            .iter()
            .map(|&i| r.claims[i].clone())
            .collect();
        let relation = |members: &[usize]| {
            let (units, _, p) = crate::compare::prepare_units(&r.documents, &r.entities, &claims);
            let got = relate(members, &units, &p.feats, &r.documents, None);
            let kinds: String = got
                .conflicts
                .iter()
                .map(|c| format!("+{}", c.kind.as_str()))
                .collect();
            format!("{}{kinds}", got.relation)
        };
        assert_eq!(relation(&[0, 1, 2]), "agree");
        // Without its counterpart, B's workforce against A's arrests is a clash.
        assert_eq!(relation(&[1, 2]), "conflict+number");
    }

    #[test]
    fn relations_table() {
        // (name, articles, groups as `ids:relation(+kind[~])*`). Sentence shapes from wire copy
        // of disasters, none from the sample articles.
        type Case = (
            &'static str,
            &'static [&'static [&'static str]],
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            ("two lower bounds may both hold", &[
                &["~{At least 23 people died when the ferry capsized off [Sulawesi]} on Sunday.|At least 23 people;;at least;people;died"],
                &["~{At least 31 people died when the ferry capsized off [Sulawesi]} on Sunday.|At least 31 people;;at least;people;died"],
            ], &["c0 c1:conflict+range~"]),
            ("a figure told twice in each article is one conflict of one value per article", &[
                &["~{At least 23 people died when the ferry capsized off [Sulawesi]} on Sunday.|At least 23 people;;at least;people;died",
                  "~{At least 23 people died after the ferry capsized off [Sulawesi]} on Sunday, police said.|At least 23;;at least;people;died"],
                &["~{At least 31 people died when the ferry capsized off [Sulawesi]} on Sunday.|At least 31 people;;at least;people;died",
                  "~{31 people died after the ferry capsized off [Sulawesi]} on Sunday, police said.|31 people;;;people;died"],
            ], &["c0 c1 c2 c3:conflict+range~"]),
            ("two people's ages are no conflict", &[
                &["~{A 36-year-old driver struck a woman outside the store in [Bloomington]}.|36-year-old driver;36;;years old;"],
                &["~{A driver struck a 66-year-old woman outside the store in [Bloomington]}.|66-year-old woman;66;;years old;"],
            ], &["c0 c1:agree"]),
            ("a man's age told after his name and before it", &[
                &["~{[Anthony LaSalle], 36, of [Bloomington] was arrested at the scene of the crash}.|LaSalle, 36;36;;years old;"],
                &["~{The 37-year-old [LaSalle] was arrested at the scene of the crash in [Bloomington]}.|37-year-old LaSalle;37;;years old;"],
            ], &["c0 c1:conflict+number"]),
            ("one man's two ages are a conflict", &[
                &["~{The 32-year-old Englishman [Robert Buckley] fell on the ice near the summit of [Ben Nevis]}.|32-year-old Englishman Robert Buckley;32;;years old;"],
                &["~{The 31-year-old [Robert Buckley] fell on the ice near the summit of [Ben Nevis]}.|31-year-old Robert Buckley;31;;years old;"],
            ], &["c0 c1:conflict+number"]),
            ("lone numbers of grouped claims are not compared", &[
                &["~{Police said the gunman, 61, shot the chief executive at the office party in [Vancouver]}.|61;61;;;"],
                &["~{Police said the gunman shot the chief executive, 40, at the office party in [Vancouver]}.|40;40;;;"],
            ], &["c0 c1:agree"]),
            ("a length in feet and its conversion to metres agree", &[
                &["~{The climber fell about 2,000 feet down the north face of [Ben Nevis]}.|about 2,000 feet;2000;around;ft;fall"],
                &["~{The climber fell about 600 metres down the north face of [Ben Nevis]}.|about 600 metres;600;around;m;fall"],
            ], &["c0 c1:agree"]),
            ("lengths in two systems that do not convert are a conflict", &[
                &["~{The climber fell about 2,000 feet down the north face of [Ben Nevis]}.|about 2,000 feet;2000;around;ft;fall"],
                &["~{The climber fell about 300 metres down the north face of [Ben Nevis]}.|about 300 metres;300;around;m;fall"],
            ], &["c0 c1:conflict+number"]),
            ("a bound and a figure beyond it may both hold", &[
                &["~{More than 160 passengers were rescued after the ferry capsized off [Sulawesi]}.|More than 160 passengers;;more than;passengers;rescued"],
                &["~{About 190 passengers were rescued after the ferry capsized off [Sulawesi]}.|About 190 passengers;;about;passengers;rescued"],
            ], &["c0 c1:conflict+range~"]),
            ("a figure told of an event against one told of none is no spread", &[
                &["~{At least one crew member was killed when pirates attacked the trawler off [Somalia]}.|At least one crew member;;at least;crew member;killed"],
                &["~{Sixteen crew members were aboard the trawler when pirates attacked it off [Somalia]}.|Sixteen crew members;;;crew members;"],
            ], &["c0 c1:agree"]),
            ("a figure within the stated approximation agrees", &[
                &["~{About 120 passengers were rescued after the ferry capsized off [Sulawesi]}.|About 120 passengers;;about;passengers;rescued"],
                &["~{Rescuers pulled 118 passengers from the water after the ferry capsized off [Sulawesi]}.|118 passengers;;;passengers;rescued"],
            ], &["c0 c1:agree"]),
            ("missing counts that cannot both hold", &[
                &["~{Forty people are still missing after the ferry capsized off [Sulawesi]}.|Forty people;;;people;missing"],
                &["~{Twenty-six people remain missing after the ferry capsized off [Sulawesi]}.|Twenty-six people;;;people;missing"],
            ], &["c0 c1:conflict+number"]),
            ("magnitudes that cannot both hold", &[
                &["~{The quake struck off the coast of [Sumatra] with a magnitude of 6.1}, the agency said.|magnitude of 6.1;;;magnitude;"],
                &["~{The quake struck off the coast of [Sumatra] with a magnitude of 6.2}, the agency said.|magnitude of 6.2;;;magnitude;"],
            ], &["c0 c1:conflict+number"]),
            ("an exact toll against an undisclosed one", &[
                &["~{The ferry sank off [Sulawesi] with 40 crew members on board}.|40 crew members;;;crew members;"],
                &["~{The ferry sank off [Sulawesi] with an undisclosed number of crew members on board}.|an undisclosed number of crew members;;;crew members;"],
            ], &["c0 c1:conflict+unknown"]),
            ("distances in the same measure", &[
                &["{The ferry sank about 8 km off the coast of [Sulawesi]} on Sunday morning.|about 8 km;;about;km;"],
                &["{The ferry sank about 5 km off the coast of [Sulawesi]} on Sunday morning.|about 5 km;;about;km;"],
            ], &["c0 c1:conflict+number"]),
            ("a compound head counts the same thing inside a group", &[
                &["{The navy sent two warships to search the waters off [Sulawesi]} on Sunday.|two warships;;;warships;send"],
                &["{The navy sent three ships to search the waters off [Sulawesi]} on Sunday.|three ships;;;ships;send"],
            ], &["c0 c1:conflict+number"]),
            ("the one figure of each grouped claim, no unit read", &[
                &["<The [Transport Ministry]> said {each family of the ferry victims would receive 15 million}.|15 million;;;;"],
                &["<The [Transport Ministry]> said {each family of the ferry victims would receive 10 million}.|10 million;;;;"],
            ], &["c0 c1:conflict+number"]),
            ("the one figure of each grouped claim, the same value", &[
                &["<The [Transport Ministry]> said {each family of the ferry victims would receive 15 million}.|15 million;;;;"],
                &["<The [Transport Ministry]> said {every family of the ferry victims will receive 15 million}.|15 million;;;;"],
            ], &["c0 c1:agree"]),
            ("different clock times", &[
                &["{The ferry capsized off [Sulawesi] shortly after 5 a.m. in heavy seas}."],
                &["{The ferry capsized off [Sulawesi] around 6 a.m. in heavy seas}."],
            ], &["c0 c1:conflict+time"]),
            ("an approximate time and one a minute after it", &[
                &["{The woman was struck near the intersection at approximately 7 p.m. in [Richmond Hill]}."],
                &["{The woman was struck near the intersection at 7:01 p.m. in [Richmond Hill]}."],
            ], &["c0 c1:agree"]),
            ("shortly after two and just after half past", &[
                &["{He was pulled over on [Route 52] shortly after 2 a.m. for speeding}."],
                &["{He was pulled over on [Route 52] just after 2:30 a.m. for speeding}."],
            ], &["c0 c1:conflict+time"]),
            ("the same clock time, once with its day", &[
                &["{The ferry capsized off [Sulawesi] at 5 a.m. in heavy seas}."],
                &["{The ferry capsized off [Sulawesi] at 5 a.m. on Sunday in heavy seas}."],
            ], &["c0 c1:agree"]),
            ("different weekdays for one event", &[
                &["{The navy foiled a pirate attack on a merchant ship in the [Gulf of Aden] on Thursday}."],
                &["{The navy foiled a pirate attack on a merchant ship in the [Gulf of Aden] on Friday}."],
            ], &["c0 c1:conflict+day~"]),
            ("a weekday that names another event is not the event's day", &[
                &["{The arrest will not affect the player's status for Sunday's game against [Denver]}."],
                &["{The arrest will not affect the player's status for the game against [Denver] on Tuesday}."],
            ], &["c0 c1:agree"]),
            ("the same weekday, once with its clock time", &[
                &["{The navy foiled a pirate attack on a merchant ship in the [Gulf of Aden] on Thursday}."],
                &["{The navy foiled a pirate attack on a merchant ship in the [Gulf of Aden] at 9 a.m. on Thursday}."],
            ], &["c0 c1:agree"]),
            ("an event and the day it was reported are no day clash", &[
                &["{The navy foiled a pirate attack on a merchant ship in the [Gulf of Aden] on Thursday}."],
                &["{The navy said on Friday it foiled a pirate attack on a merchant ship in the [Gulf of Aden] on Thursday}."],
            ], &["c0 c1:agree"]),
            ("the same sentence with another hometown", &[
                &["<Police> said {the driver, [Anthony LaSalle], 36, of [Bloomington], was arrested at the scene}."],
                &["<Police> said {the driver, [Anthony LaSalle], 36, of [Minneapolis], was arrested at the scene}."],
            ], &["c0 c1:conflict+detail"]),
            ("the same sentence with another date", &[
                &["{The earthquake struck off the coast of [Sumatra] on Dec. 10 shortly before dawn}."],
                &["{The earthquake struck off the coast of [Sumatra] on Dec. 11 shortly before dawn}."],
            ], &["c0 c1:conflict+detail"]),
            ("a figure within its approximation is no changed number", &[
                &["{About 120 people were rescued from the ferry off [Sulawesi] by fishermen}.|About 120 people;120;about;people;rescue"],
                &["{118 people were rescued from the ferry off [Sulawesi] by fishermen}.|118 people;118;;people;rescue"],
            ], &["c0 c1:agree"]),
            ("a name partly rewritten is no changed place", &[
                &["{The bodies of Ms McMeekin and her friend were found in their house in [Millom] on Saturday}."],
                &["{The bodies of Alice McMeekin and her friend were found in their house in [Millom] on Saturday}."],
            ], &["c0 c1:agree"]),
            ("the same sentence with another age", &[
                &["{The victims were his mother, [Catherine Gomes] aged 61 and his former girlfriend, both of the [North End]}.|61;61;;;"],
                &["{The victims were his mother, [Catherine Gomes] aged 68 and his former girlfriend, both of the [North End]}.|68;68;;;"],
            ], &["c0 c1:conflict+detail"]),
            ("a name only one article gives is no changed name", &[
                &["<Police> said {the driver was arrested at the scene of the crash in [Bloomington]}."],
                &["<Police> said {the driver, [Anthony LaSalle], was arrested at the scene of the crash in [Bloomington]}."],
            ], &["c0 c1:agree"]),
            ("detained against arrested", &[
                &["<Police> said {the captain of the ferry that sank off [Sulawesi] was detained for questioning}."],
                &["<Police> said {the captain of the ferry that sank off [Sulawesi] was arrested}."],
            ], &["c0 c1:conflict+status"]),
            ("killed against wounded", &[
                &["{Two coast guard officers were killed when the ferry capsized off [Sulawesi]}.|Two coast guard officers;2;;coast guard officers;"],
                &["{Two coast guard officers were wounded when the ferry capsized off [Sulawesi]}.|Two coast guard officers;2;;coast guard officers;"],
            ], &["c0 c1:conflict+status"]),
            ("killed and wounded told of people not counted alike", &[
                &["{A teenager was killed by police during the riots in [Athens] last week}."],
                &["{The riots in [Athens] last week left scores of people injured, police said}."],
            ], &["c0 c1:agree"]),
            ("the same status in other words", &[
                &["<Police> said {the captain of the ferry that sank off [Sulawesi] was detained}."],
                &["<Police> said {the captain of the ferry that sank off [Sulawesi] was taken into custody}."],
            ], &["c0 c1:agree"]),
            ("a quote against its paraphrase as reported speech", &[
                &["{“We are deploying every vessel we have to find the missing passengers off Sulawesi,”} <[Henri Alfiandi]> said."],
                &["<[Henri Alfiandi]> said {every vessel available was being deployed to find the missing passengers off Sulawesi}."],
            ], &["c0 c1:reworded"]),
            ("two records for one fighter, two bouts apart, cannot both hold", &[
                &["{Former champion [Riddick Bowe] (43-1) won a decision over [Gene Pukall] in [Mannheim]}."],
                &["{Former champion [Riddick Bowe], 45-1, 33 KOs, won a decision over [Gene Pukall] in [Mannheim]}."],
            ], &["c0 c1:conflict+number"]),
            ("records one bout apart may both hold", &[
                &["{[Wladimir Klitschko] (52-3, 46 KOs) stopped [Hasim Rahman] in the seventh round in [Mannheim]}."],
                &["{[Wladimir Klitschko], 53-3, 47 KO's, stopped [Hasim Rahman] in the seventh round in [Mannheim]}."],
            ], &["c0 c1:conflict+range~"]),
            ("the same record, and two fighters' records, agree", &[
                &["{[Wladimir Klitschko] (52-3) stopped [Hasim Rahman] (45-7-2) in the seventh round in [Mannheim]}."],
                &["{The win took [Klitschko]'s record to 52-3 after he stopped [Rahman] in the seventh round in [Mannheim]}."],
            ], &["c0 c1:agree"]),
            ("an article giving the record before and after the bout is left out", &[
                &["{[Klitschko] (51-3) improved to 52-3 after he stopped [Rahman] in the seventh round in [Mannheim]}."],
                &["{[Klitschko] improved his record to 52-3 after he stopped [Rahman] in the seventh round in [Mannheim]}."],
            ], &["c0 c1:agree"]),
            ("two final scores of one game cannot both hold", &[
                &["{The [Colts] beat the [Chiefs] 20-13 to clinch a playoff spot in [Kansas City]}."],
                &["{The [Colts] clinched a playoff spot with a 20-17 victory over the [Chiefs] in [Kansas City]}."],
            ], &["c0 c1:conflict+number"]),
            ("scores with no team in common are left alone", &[
                &["{[Creighton] beat [Drake] 65-53 on Friday to reach the final in [St. Louis]}."],
                &["{The Bluejays reached the final with a 51-50 victory on Friday in [St. Louis]}."],
            ], &["c0 c1:agree"]),
            ("a quote word for word agrees", &[
                &["{“We are deploying every vessel we have to find the missing passengers,”} <[Henri Alfiandi]> said."],
                &["<[Henri Alfiandi]> said: {“We are deploying every vessel we have to find the missing passengers.”}"],
            ], &["c0 c1:agree"]),
        ];
        let mut wrong = Vec::new();
        for (name, articles, want) in cases {
            let got = relations(articles);
            if got != want.iter().map(|s| s.to_string()).collect::<Vec<_>>() {
                wrong.push(format!("{name}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn negations() {
        // (negating claim, asserting claim, clash?)
        let cases: &[(&str, &str, bool)] = &[
            (
                "<The ministry> said {the building did not pass a safety inspection in March}.",
                "<The ministry> said {the building passed a safety inspection in March}.",
                true,
            ),
            (
                "<Officials> denied {the ferry was overloaded when it left port}.",
                "<Officials> said {the ferry was overloaded when it left port}.",
                true,
            ),
            (
                "{“There can be no military solution to the conflict,”} <[Antony Blinken]> said.",
                "{“We urge an end to any military hostilities immediately,”} <[Antony Blinken]> said.",
                false,
            ),
            // The same negation written two ways is no clash.
            (
                "<Prosecutors> said {the case hadn't been submitted to the grand jury}.",
                "<Prosecutors> said {the case hadn\u{2019}t been submitted to the grand jury}.",
                false,
            ),
            (
                "{“I can't speak for the first death at the hospital,”} <[Robert Pickell]> said.",
                "{“I cant speak for the first death at the hospital,”} <[Robert Pickell]> said.",
                false,
            ),
            // Not knowing is no denial.
            (
                "<Police> said {they could not say how many shots were fired at the deputies}.",
                "<Police> said {many shots were fired at the deputies}.",
                false,
            ),
        ];
        for (neg, asserting, want) in cases {
            let mut b = build(&[&[neg], &[asserting]]);
            // The markup writes no cue: the reporting verb after the source is the cue.
            for c in &mut b.claims {
                let verb = ["denied", "said"]
                    .into_iter()
                    .find(|v| c.sentence.text.contains(v));
                c.cue = verb.map(|v| crate::report::Span {
                    start: 0,
                    end: 0,
                    text: v.to_string(),
                });
            }
            let p = crate::compare::prepare(&b.documents, &b.entities, &b.claims);
            let got = !negation_conflicts(&[0, 1], &b.claims, &p.feats).is_empty();
            assert_eq!(got, *want, "{neg} / {asserting}");
        }
    }

    #[test]
    fn clock_times() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The ferry capsized shortly after 5 a.m. on Sunday.",
                &["05:00~AFTER"],
            ),
            (
                "It sank at 9:30 p.m., and rescuers arrived at about 11 p.m.",
                &["21:30~", "23:00~APPROX"],
            ),
            ("The ferry capsized on Sunday night.", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = times_in(&dates_in(text))
                .into_iter()
                .map(|(v, _)| v)
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn same_times() {
        let cases: &[(&str, &str, bool)] = &[
            ("19:00~APPROX", "19:01~", true),
            ("19:00~APPROX", "19:16~", false),
            ("02:00~AFTER", "02:30~AFTER", false),
            ("02:00~AFTER", "02:10~", true),
            ("02:00~BEFORE", "02:10~", false),
            ("21:30~", "21:30~APPROX", true),
            ("23:55~APPROX", "00:05~", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_time(a, b), *want, "{a} / {b}");
            assert_eq!(same_time(b, a), *want, "{b} / {a}");
        }
    }

    /// A diff as `op:words | op:words`.
    fn shown(ops: &[DiffOp]) -> String {
        ops.iter()
            .map(|o| format!("{}:{}", o.op, o.text))
            .collect::<Vec<_>>()
            .join(" | ")
    }

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
            assert_eq!(shown(&diff_words(&w(a), &w(b))), *want, "{a} -> {b}");
        }
    }

    #[test]
    fn diffs_of_two_wordings_are_whole() {
        let cases: &[(&str, &str, &str)] = &[
            // a rewording keeps its shared words
            (
                "The president is naturally making every effort to help de-escalate tensions at the border.",
                "The president is understandably doing all he can to help defuse tensions at the border.",
                "same:The president is | removed:naturally making every effort | added:understandably doing all he can | same:to help | removed:de-escalate | added:defuse | same:tensions at the border.",
            ),
            // two wordings sharing one stray word: whole against whole
            (
                "Azerbaijan had shelled towns, forcing it to respond",
                "small scale large-scale provocations to ensure the security of its borders",
                "removed:Azerbaijan had shelled towns, forcing it to respond | added:small scale large-scale provocations to ensure the security of its borders",
            ),
            // exactly half of the shorter version shared: still one wording
            ("a b c d", "a b x y z", "same:a b | removed:c d | added:x y z"),
            ("", "new words", "added:new words"),
        ];
        for (a, b, want) in cases {
            let got = aligned_or_whole(diff_words(&w(a), &w(b)));
            assert_eq!(shown(&got), *want, "{a} -> {b}");
        }
    }
}
