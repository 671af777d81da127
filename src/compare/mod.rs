//! Claim alignment across articles: which claims are the same claim told by several sources,
//! how those tellings relate (agree, reworded, conflict, unique), and what that says about each
//! article (shared groups per article pair, groups it omits, outlets it cites).
//!
//! # Approach
//! 0. **Units** ([`pieces`]): a claim told in several pieces (`“A,” X said. “B.”`: one claim
//!    for attribution) is compared piece by piece when its pieces are things said on their
//!    own (the words between them end a sentence, the next piece opens one, and each has at
//!    least [`pieces::MIN_WORDS`] content words), each piece a unit with the claim's speaker,
//!    the entities around it and the figures inside it; the steps below work on units. A
//!    claim is then in every group one of its pieces joins, once per group (both pieces in one
//!    group when both match the same claim elsewhere), the group's `pieces` say which of its
//!    pieces it holds, and its quote diff holds those pieces' words, never the attribution
//!    between pieces. Grouped whole, such a claim
//!    bridged a claim like A and a claim like B of another article into one group. A piece
//!    needs one more shared term than a claim to link ([`similarity::Params::piece_extra`]).
//! 1. **Features** ([`features`]): each unit becomes a set of weighted terms — content words
//!    (stemmed by [`stem`], function and reporting words dropped, near-synonyms folded by
//!    `data/lexicon/compare-synonyms.txt`), the canonical entities mentioned in its sentence
//!    (capitals and demonyms folded into their country by `data/lexicon/compare-places.txt`),
//!    numbers and dates, and the toll each figure gives (`q:` side and event class: "50
//!    Azerbaijani troops killed" and "an undisclosed number of Azeris killed" share one) — plus
//!    its speaker, its opening entity (subject), its negations and its figures. A withheld
//!    figure that names no side ("it did not disclose the number of casualties") takes the side
//!    of whoever withholds it (`withheld_sides`).
//! 2. **Candidates** ([`cluster`]): an inverted index over the rarest terms of each claim, and
//!    the articles' leads with each other, give the pairs worth scoring; no all-pairs pass.
//! 3. **Score** ([`model`]): a logistic regression over pair features — term overlap (cosine,
//!    dice, containment), shared and clashing entities, numbers, dates and figures, speakers,
//!    subjects, quotes, claim kinds, negation, the place of each sentence in its article, how
//!    alike the two articles are, and the hand-set score of [`similarity`] (overlap with a
//!    figure bonus, a toll floor and role damping) — gives the probability that two claims
//!    are one claim; three kinds of pair the training data cannot teach are never one claim
//!    ([`model::vetoed`]: sides swapped, one value told of two events, two sides' tolls).
//! 4. **Groups** ([`cluster`]): links at or above [`model::Model::link`] merge best first,
//!    with at most one claim per article per group (the two-claims rule aside, and a figure an
//!    article states twice in two `numeric` claims, which is one claim told twice) and a mean
//!    cross probability of at least [`model::Model::mean`]. Pieces of one claim count as one
//!    claim of their article (they never clash with each other).
//! 5. **Relations** ([`relation`]), using [`quantity`] for figures.
//! 6. **Views** ([`views`]): article pairs, omissions, citations.
//!
//! # What the scorer was trained and tuned on
//! The weights of [`model`] were fitted by `train-align` (see `data/compare/align-model.tsv` for
//! the exact command) on two sources of real multi-outlet coverage, each half of the weight:
//! the cross-document event chains of ECB+ train (topic folders, so that claims of the second,
//! similar event are negatives) and the claim-level labels over four ECB+ train folders in
//! `data/align/claims/train` (made by reading every article; see its README). The thresholds
//! [`model::Model::link`] (0.6), [`model::Model::mean`] (0.4) and [`model::Model::restate`]
//! (0.6, with [`cluster::COHESION`] 0.9) were chosen with `eval-align --sweep` on ECB+ dev and the dev claim labels
//! (`data/align/claims/dev`), preferring the claim labels: ECB+ marks sentences that mention
//! the same event, looser than the same claim, so it rewards linking everything. Dev figures
//! with the baselines are in the README. None of it saw the sample articles.
//!
//! The hand-written pair sets `src/compare/pairs.tsv` (64 pairs) and `pairs-check.tsv` (30)
//! tuned the earlier hand-set score; `bench-compare tune` still prints the scorer's precision and
//! recall on them as a check. [`cluster::BRIDGE_OVERLAP`] (0.25) was set by reasoning; it only
//! matters for groups of three or more. The toll floor ([`similarity::Params::toll_floor`])
//! and the restated-figure rule only concern `numeric` claims and are checked by the table
//! tests in `tests.rs`.
//!
//! The piece rules ([`pieces::MIN_WORDS`], 3, and [`similarity::Params::piece_extra`], 1) were
//! set by reasoning and checked on the seeds and on 200 PolNeAR articles (which are not
//! multi-source coverage, so a new cross-article join there is mostly noise): splitting every
//! multi-piece claim at every piece added 56 cross-article claim pairs there, nearly all noise
//! from short pieces matching on two terms (the speaker and one word); with both rules, 10
//! (two of them the same Trump quote in two articles). The tuning sets hold one-piece claims
//! only, so their figures are unchanged.
//!
//! # Tolls that change over time
//! "At least 49 soldiers" and a later "at least 105 soldiers" may both hold (the first is a
//! lower bound): they group as a `conflict` whose kind says the values may all hold (see
//! [`relation`]), since the report cannot tell a correction or an update from a clash without
//! the publication times, which the input does not carry. An exact "49" against "105" cannot
//! both hold.

pub mod cluster;
pub mod facts;
pub mod features;
pub mod lexicon;
pub mod markup;
pub mod model;
pub mod pieces;
pub mod quantity;
pub mod record;
pub mod relation;
pub mod similarity;
pub mod stem;
pub mod views;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::report::{Claim, Document, Entity, Group, Pair};
use features::{EntityIndex, Features, Interner};
pub use views::{ArticleView, Citation, Omission};

/// The alignment of all claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Claim groups, most widely carried first (then by first claim); ids `g0`, `g1`, …
    pub groups: Vec<Group>,
    /// Every pair of articles with the groups they share.
    pub pairs: Vec<Pair>,
    /// Per article, in document order: groups it omits and outlets it cites.
    pub articles: Vec<ArticleView>,
}

/// Features, weights and values of a set of claims, ready to score.
pub struct Prepared {
    /// Per-claim features.
    pub feats: Vec<Features>,
    /// Per-claim figure values.
    pub values: Vec<Vec<Option<f64>>>,
    /// Per-term weight.
    pub idf: Vec<f64>,
    /// Per-term claim count.
    pub df: Vec<u32>,
    /// Term names.
    pub terms: Vec<String>,
    /// Key names, by the ids of [`Features::speaker`], [`Features::subject`] and
    /// [`Features::quote_keys`].
    pub keys: Vec<String>,
}

/// Computes the features and term weights of `claims`, each claim whole (see [`prepare_units`]
/// for what [`compare`] groups).
pub fn prepare(documents: &[Document], entities: &[Entity], claims: &[Claim]) -> Prepared {
    let docs = documents
        .iter()
        .map(|d| d.index as usize + 1)
        .chain(claims.iter().map(|c| c.doc as usize + 1))
        .chain(
            entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| m.doc as usize + 1)),
        )
        .max()
        .unwrap_or(0);
    let index = EntityIndex::new(entities, docs, claims);
    let mut interner = Interner::default();
    let mut feats: Vec<Features> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| Features {
            origin: i,
            ..features::features(c, &index, &mut interner)
        })
        .collect();
    for i in withheld_sides(claims, &mut feats, &interner.keys) {
        let f = &mut feats[i];
        let mut terms: std::collections::BTreeSet<features::Term> =
            f.terms.iter().copied().collect();
        features::add_toll_terms(f, &mut terms, &mut interner);
        f.terms = terms.into_iter().collect();
    }
    rank_sentences(&mut feats);
    let mut df = vec![0u32; interner.names.len()];
    for f in &feats {
        for &t in &f.terms {
            df[t as usize] += 1;
        }
    }
    let n = feats.len().max(1) as f64;
    let idf = df
        .iter()
        .map(|&d| libm::log(1.0 + n / f64::from(d.max(1))))
        .collect();
    let values = claims
        .iter()
        .map(|c| c.quantities.iter().map(|q| q.value).collect())
        .collect();
    Prepared {
        feats,
        values,
        idf,
        df,
        terms: interner.names,
        keys: interner.keys,
    }
}

/// Sets [`Features::rank`] and [`Features::sentences`]: the place of each claim's sentence among
/// the distinct sentences of its article that make claims.
fn rank_sentences(feats: &mut [Features]) {
    let mut starts: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for f in feats.iter() {
        starts.entry(f.doc).or_default().push(f.sentence.0);
    }
    for v in starts.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    for f in feats.iter_mut() {
        if let Some(v) = starts.get(&f.doc) {
            f.rank = v.partition_point(|&s| s < f.sentence.0) as u32;
            f.sentences = v.len() as u32;
        }
    }
}

/// Gives each withheld figure that names no side ("it did not disclose the number of
/// casualties") the side of whoever withholds it: the speaker of the claim whose cue lies in the
/// figure ("disclose", resolved by the claim stage: "It" → Azerbaijan), else the claim's own
/// speaker, else its subject. A party that will not give a toll is withholding its own losses
/// (a figure about another side names it: "did not say how many Armenian soldiers died"). Only
/// country keys count as a side; a withholder that is no country (a company) leaves it as is.
/// Returns the claims whose figures were given a side.
fn withheld_sides(claims: &[Claim], feats: &mut [Features], names: &[String]) -> Vec<usize> {
    let mut changed = Vec::new();
    let lex = lexicon::lexicon();
    // The country keys of a set of keys ([`features::Interner::key`]), in the order of their
    // names.
    let countries = |keys: &features::IdSet| -> Vec<String> {
        let mut out: Vec<String> = keys
            .iter()
            .map(|&k| &names[k as usize])
            .filter(|k| lex.places.get(k.as_str()) == Some(*k))
            .cloned()
            .collect();
        out.sort_unstable();
        out
    };
    // Per document: claims with a speaker and a cue, with the cue's span.
    let mut cued: FxHashMap<u32, Vec<(usize, u32, u32)>> = Default::default();
    for (j, c) in claims.iter().enumerate() {
        if let (Some(cue), Some(_)) = (&c.cue, &c.speaker) {
            cued.entry(c.doc).or_default().push((j, cue.start, cue.end));
        }
    }
    for i in 0..claims.len() {
        for (qi, q) in claims[i].quantities.iter().enumerate() {
            let no_side = feats[i]
                .counted
                .get(qi)
                .is_some_and(|c| c.countries.is_empty());
            if !q.unknown || !no_side {
                continue;
            }
            let withholder = cued
                .get(&claims[i].doc)
                .into_iter()
                .flatten()
                .find(|&&(_, start, end)| start < q.span.end && q.span.start < end)
                .map(|&(j, _, _)| countries(&feats[j].speaker))
                .filter(|k| !k.is_empty())
                .or_else(|| Some(countries(&feats[i].speaker)).filter(|k| !k.is_empty()))
                .unwrap_or_else(|| countries(&feats[i].subject));
            if let Some(c) = feats[i].counted.get_mut(qi) {
                if !withholder.is_empty() {
                    c.side(withholder);
                    changed.push(i);
                }
            }
        }
    }
    changed.dedup();
    changed
}

/// Groups the claims of all articles and explains each group's relation; also article-pair
/// overlap, omissions and citations.
///
/// Claims are grouped as units ([`pieces`]): a claim told in several pieces is compared piece
/// by piece and is in every group one of its pieces joins (once per group), so a claim may be
/// in several groups. A piece that joins no other claim makes no group of its own when another
/// piece of its claim does; a claim none of whose pieces joins anything is one `unique` group,
/// shared with the other such claims of its sentence (see `lone_sentences_by`).
pub fn compare(documents: &[Document], entities: &[Entity], claims: &[Claim]) -> Comparison {
    compare_with(documents, entities, claims, model::model())
}

/// [`compare`] with another pair scorer or thresholds (for training and tuning).
pub fn compare_with(
    documents: &[Document],
    entities: &[Entity],
    claims: &[Claim],
    scorer: &model::Model,
) -> Comparison {
    compare_owned(documents, entities, claims.to_vec(), scorer).0
}

/// [`compare`] taking the claims and giving them back unchanged, for a caller that holds
/// them once (the pipeline): the units the comparison groups ([`pieces`]) are then the
/// claims themselves, moved, but for the few told in several pieces, where [`compare`]
/// copies every claim (on 5 MB of news that copy was 37 MB at the comparison's peak).
pub fn compare_taking(
    documents: &[Document],
    entities: &[Entity],
    claims: Vec<Claim>,
) -> (Comparison, Vec<Claim>) {
    compare_owned(documents, entities, claims, model::model())
}

fn compare_owned(
    documents: &[Document],
    entities: &[Entity],
    claims: Vec<Claim>,
    scorer: &model::Model,
) -> (Comparison, Vec<Claim>) {
    let count = claims.len();
    // (document, sentence start) of each claim, for `lone_sentences_by`.
    let sentences: Vec<(u32, u32)> = claims.iter().map(|c| (c.doc, c.sentence.start)).collect();
    let (units, origin, kept) = pieces::split_owned(claims);
    let p = prepare_pieces(documents, entities, &units, &origin, count);
    let cx = model::Context::new(&p.feats, &p.idf, &p.terms);
    let input = cluster::Input::new(&p, &cx, scorer);
    let clusters = cluster::cluster(&input);
    let mut members = lone_sentences_by(keep_pieces(clusters, &origin), &origin, &sentences);
    let facts = facts::rows(
        &p.feats,
        &p.terms,
        &members,
        |a, b| input.score(a, b).value,
        scorer.mean,
        scorer.link,
    );
    // Fact rows are marked, to be related by what they line up alone.
    let mut fact_of: Vec<Option<facts::Fact>> = vec![None; members.len()];
    for (m, f) in facts {
        members.push(m);
        fact_of.push(Some(f));
    }
    // The scorer's tables are done with once the claims are clustered and the facts found.
    drop(input);
    drop(cx);
    let units_of = units_per_claim(&origin, count);
    // Document order inside a group; most widely carried groups first.
    let mut keyed: Vec<(Vec<u32>, Vec<usize>, Option<facts::Fact>)> = members
        .into_iter()
        .enumerate()
        .map(|(g, mut m)| {
            m.sort_by_key(|&i| (units[i].doc, i));
            let mut d: Vec<u32> = m.iter().map(|&i| units[i].doc).collect();
            d.sort_unstable();
            d.dedup();
            (d, m, fact_of.get(g).copied().flatten())
        })
        .collect();
    keyed.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then_with(|| a.1.iter().min().cmp(&b.1.iter().min()))
    });
    let groups: Vec<Group> = keyed
        .iter()
        .enumerate()
        .map(|(g, (docs, m, fact))| {
            let r = relation::relate(m, &units, &p.feats, documents, *fact);
            let mut ids: Vec<String> = Vec::with_capacity(m.len());
            for &i in m {
                if !ids.contains(&units[i].id) {
                    ids.push(units[i].id.clone());
                }
            }
            let held = held_pieces(m, &units, &origin, &units_of);
            Group {
                id: format!("g{g}"),
                claims: ids,
                docs: docs.clone(),
                relation: r.relation,
                reason: r.reason,
                diffs: r.diffs,
                conflicts: r.conflicts,
                pieces: held,
            }
        })
        .collect();
    // The features are done with: they go before the views.
    drop(keyed);
    drop(p);
    let claims = pieces::join(units, &origin, kept, count);
    let pairs = views::pairs(documents, &groups);
    let articles = views::articles(documents, entities, &claims, &groups);
    (
        Comparison {
            groups,
            pairs,
            articles,
        },
        claims,
    )
}

/// The units of `claims` ([`pieces::split`]), the index of the claim each comes from, and
/// their features and term weights, with [`Features::origin`] set to that claim and
/// [`Features::piece`] to whether the claim made several units.
pub fn prepare_units(
    documents: &[Document],
    entities: &[Entity],
    claims: &[Claim],
) -> (Vec<Claim>, Vec<usize>, Prepared) {
    let (units, origin) = pieces::split(claims);
    let p = prepare_pieces(documents, entities, &units, &origin, claims.len());
    (units, origin, p)
}

/// The features and term weights of `units`, cut from `claims` claims (`origin`: the claim
/// of each unit).
fn prepare_pieces(
    documents: &[Document],
    entities: &[Entity],
    units: &[Claim],
    origin: &[usize],
    claims: usize,
) -> Prepared {
    let mut p = prepare(documents, entities, units);
    let count = units_per_claim(origin, claims);
    for (f, &o) in p.feats.iter_mut().zip(origin) {
        f.origin = o;
        f.piece = count.get(o).is_some_and(|&n| n > 1);
    }
    p
}

/// Drops the groups of units (see [`pieces`]) that hold pieces of one claim only, when that
/// claim is also in a group with other claims; of a claim found only in such groups, keeps one
/// group with all its units. Groups of several claims are kept as they are.
fn keep_pieces(groups: Vec<Vec<usize>>, origin: &[usize]) -> Vec<Vec<usize>> {
    let of = |i: usize| origin.get(i).copied().unwrap_or(i);
    let alone = |m: &Vec<usize>| m.iter().all(|&i| m.first().map(|&f| of(f)) == Some(of(i)));
    let mut joined = FxHashSet::default();
    for m in groups.iter().filter(|m| !alone(m)) {
        joined.extend(m.iter().map(|&i| of(i)));
    }
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
    // Claim → position in `out` of its one group of its own.
    let mut own: FxHashMap<usize, usize> = Default::default();
    for m in groups {
        let Some(&first) = m.first() else { continue };
        if !alone(&m) {
            out.push(m);
        } else if !joined.contains(&of(first)) {
            match own.get(&of(first)) {
                Some(&at) => out[at].extend(m),
                None => {
                    own.insert(of(first), out.len());
                    out.push(m);
                }
            }
        }
    }
    out
}

/// How many units each of `claims` claims made, from each unit's claim index `origin`.
fn units_per_claim(origin: &[usize], claims: usize) -> Vec<usize> {
    let mut count = vec![0usize; claims];
    for &o in origin {
        if let Some(n) = count.get_mut(o) {
            *n += 1;
        }
    }
    count
}

/// The pieces of each claim that the group `m` (units) holds only in part: a claim told in
/// several pieces whose other units are in other groups.
fn held_pieces(
    m: &[usize],
    units: &[Claim],
    origin: &[usize],
    units_of: &[usize],
) -> Vec<crate::report::HeldPieces> {
    let mut held: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in m {
        let o = origin.get(i).copied().unwrap_or(i);
        match held.iter_mut().find(|(c, _)| *c == o) {
            Some((_, us)) => us.push(i),
            None => held.push((o, vec![i])),
        }
    }
    held.into_iter()
        .filter(|(o, us)| units_of.get(*o).is_some_and(|&n| us.len() < n))
        .map(|(_, us)| {
            let mut spans: Vec<crate::report::Span> =
                us.iter().flat_map(|&i| units[i].pieces.clone()).collect();
            spans.sort_by_key(|s| (s.start, s.end));
            crate::report::HeldPieces {
                claim: units[us[0]].id.clone(),
                spans,
            }
        })
        .collect()
}

/// `lone_sentences_by` over the sentences of `claims`.
#[cfg(test)]
fn lone_sentences_together(
    groups: Vec<Vec<usize>>,
    origin: &[usize],
    claims: &[Claim],
) -> Vec<Vec<usize>> {
    let sentences: Vec<(u32, u32)> = claims.iter().map(|c| (c.doc, c.sentence.start)).collect();
    lone_sentences_by(groups, origin, &sentences)
}

/// One row per lone sentence: groups that one article alone carries, whose units all lie in
/// one sentence of it, become one group per sentence. "At least 49 Armenian soldiers and an
/// undisclosed number of Azeris were killed" makes two claims (two figures); when no other
/// article tells either, they are one row, not the sentence twice. The groups keep the order
/// of the first of each merged set; groups carried by several articles are left as they are.
/// `sentences` holds each claim's (document, sentence start).
fn lone_sentences_by(
    groups: Vec<Vec<usize>>,
    origin: &[usize],
    sentences: &[(u32, u32)],
) -> Vec<Vec<usize>> {
    let of = |i: usize| origin.get(i).copied().unwrap_or(i);
    let key = |u: usize| sentences.get(of(u)).copied();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
    let mut at: FxHashMap<(u32, u32), usize> = Default::default();
    for m in groups {
        let lone = m
            .first()
            .and_then(|&u| key(u))
            .filter(|&k| m.iter().all(|&u| key(u) == Some(k)));
        match lone.map(|k| (k, at.get(&k).copied())) {
            Some((_, Some(i))) => out[i].extend(m),
            Some((k, None)) => {
                at.insert(k, out.len());
                out.push(m);
            }
            None => out.push(m),
        }
    }
    out
}

#[cfg(test)]
mod tests;
