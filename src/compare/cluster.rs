//! From claim features to groups: candidate pairs from an inverted index, then a constrained
//! best-first merge.
//!
//! **Candidates.** Every claim's terms are ranked rarest first (by how many claims carry them);
//! a claim is compared only with the claims that share at least [`MIN_HITS`] of its [`PREFIX`]
//! rarest terms (terms carried by more than [`MAX_POSTING`] claims, or by one, are never used
//! to find candidates), and the first claim-making sentences of the articles (their leads) with
//! each other. Two claims that are the same claim told twice share a rare name, figure or word,
//! so this finds them without looking at all pairs; the cost grows with the claims times the
//! length of the rare terms' posting lists, plus the square of the articles for the leads, not
//! with the square of the claims. On the claim labels of ECB+ train (`data/align/claims`) the
//! candidates hold 57 % of the cross-article pairs that are one claim (1,476 of 2,597; with two
//! of the six rarest terms and postings up to 200, as before, 38 %). A posting limit of 200
//! instead of 25 holds 80 % but scores three times the pairs, and gave the same dev F1; 25
//! keeps 200 articles under half a second (`bench-compare speed`).
//!
//! **Merging.** Candidate pairs whose probability (the learned scorer of [`super::model`]) is
//! at least [`Model::link`] are taken best first. Two groups merge when they have no article in
//! common and the mean probability over all their cross pairs is at least [`Model::mean`] (so a chain A~B~C does not pull in a C unlike A;
//! claims of one article cut from overlapping text count as one, scored by their best pair). A
//! group therefore holds at most one claim per article, so a claim is aligned with at most one
//! claim of each other article, with one exception, the *two-claims rule*: a claim that truly
//! carries two claims ("Russia called for a ceasefire after fighting that killed 49 soldiers")
//! may bring together two claims of another article, if it matches each of them on different
//! evidence (the terms it shares with the one and with the other overlap by at most
//! [`BRIDGE_OVERLAP`] of the smaller weight) and those two do not match each other. Claims of
//! one article whose content spans overlap (the claim stage cut the same words twice), and
//! pieces of one claim (units of [`super::pieces`], which share their `origin`), are not two
//! claims and may share a group; two pieces of one claim are no cross pair of the mean.
//!
//! **Claims told twice.** News tells its main claims two or three times (headline, lead, body),
//! and the first pass puts each telling in a row of its own, with the matching tellings of the
//! other articles: three parallel rows of one claim. A second pass merges two groups, whatever
//! articles they share, when the mean probability over their pairs of claims from *different*
//! articles reaches [`Model::restate`] (an article's two tellings are not scored against each
//! other: the scorer was trained on pairs of articles), and reaches [`COHESION`] of the
//! looser group's own mean over its pairs of articles: two rows merge only when their claims
//! match each other about as well as they match within their rows, not when two neighbouring
//! claims of one event (a war's end, the troops sent after it) score well on shared names.
//! Pairs of groups are tried best mean first, each mean recomputed before its merge. On the dev
//! claim labels (`data/align/claims`) the pass raised pairwise F1 from 0.560 to 0.602
//! (restate 0.6, cohesion 0.9; without the cohesion test 0.620, but rows then gathered
//! neighbouring claims, as the table test "compatible durations and magnitudes" shows); ECB+
//! dev subtopics 0.559 → 0.585; the train labels 0.562 / 0.561. Groups whose figures count
//! different things (`other_facts`: the dead and the missing) are two facts and never merge
//! in this pass.

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{Features, Term};
use super::model::{self, Context, Model};
use super::quantity::{fit_counted, same_thing, Fit};
use super::similarity::{self, intersect, weight, Score};

/// Rarest terms per claim used to find candidates.
pub const PREFIX: usize = 10;
/// Prefix terms a candidate must share (fewer when the claim has fewer usable terms).
pub const MIN_HITS: usize = 1;
/// Terms in more claims than this never find candidates.
pub const MAX_POSTING: usize = 25;
/// Hand-set overlap score ([`similarity::score`]) at which two `numeric` claims of one article
/// about the same counted thing are one figure told twice (see `restated`); the learned scorer is
/// trained on pairs of different articles only.
pub const RESTATED: f64 = 0.55;
/// Share of the looser group's own cross-article mean that two groups' cross mean must reach
/// for the claims-told-twice pass to merge them (see the module doc).
pub const COHESION: f64 = 0.9;
/// Shared-evidence overlap allowed for the two-claims rule.
pub const BRIDGE_OVERLAP: f64 = 0.25;

/// Everything the clustering needs about the claims.
pub struct Input<'a> {
    /// Per-claim features.
    pub feats: &'a [Features],
    /// Per-claim figure values, in the claim's order.
    pub values: &'a [Vec<Option<f64>>],
    /// Per-term weight.
    pub idf: &'a [f64],
    /// Per-term number of claims carrying it.
    pub df: &'a [u32],
    /// Term kinds and article vectors for the pair features.
    pub cx: &'a Context,
    /// The pair scorer and its thresholds.
    pub model: &'a Model,
    /// Per-claim term weight sums for the pair features.
    sums: Vec<model::Sums>,
}

impl<'a> Input<'a> {
    /// The input for the prepared claims `p`, with the context `cx` built from them.
    pub fn new(p: &'a super::Prepared, cx: &'a Context, model: &'a Model) -> Input<'a> {
        Input {
            feats: &p.feats,
            values: &p.values,
            idf: &p.idf,
            df: &p.df,
            cx,
            model,
            sums: p.feats.iter().map(|f| model::sums(cx, f)).collect(),
        }
    }

    /// The model's probability that claims `a` and `b` are one claim, with the terms they share.
    pub fn score(&self, a: usize, b: usize) -> Score {
        let (fa, fb) = (&self.feats[a], &self.feats[b]);
        let (qa, qb) = (&self.values[a], &self.values[b]);
        let value = if model::vetoed(fa, fb, qa, qb) {
            0.0
        } else {
            self.model.probability(&model::features_with(
                self.cx,
                fa,
                fb,
                qa,
                qb,
                self.sums[a],
                self.sums[b],
            ))
        };
        Score {
            value,
            shared: intersect(&fa.terms, &fb.terms),
        }
    }
}

/// Candidate pairs `(a, b)` with `a < b` from different articles.
pub fn candidates(input: &Input) -> Vec<(usize, usize)> {
    candidates_with(input, PREFIX, MIN_HITS, MAX_POSTING)
}

/// Leads of up to twice this many articles are all paired with each other as candidates; with
/// more articles each lead is paired with the next this many (in article order).
const LEAD_WINDOW: usize = 32;

/// [`candidates`] with other settings of [`PREFIX`], [`MIN_HITS`] and [`MAX_POSTING`].
pub fn candidates_with(
    input: &Input,
    prefix_len: usize,
    min_hits: usize,
    max_posting: usize,
) -> Vec<(usize, usize)> {
    let feats = input.feats;
    let df = |t: Term| input.df.get(t as usize).copied().unwrap_or(0) as usize;
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); input.df.len()];
    for (i, f) in feats.iter().enumerate() {
        for &t in &f.terms {
            if (2..=max_posting).contains(&df(t)) {
                postings[t as usize].push(i as u32);
            }
        }
    }
    let mut stamp = vec![usize::MAX; feats.len()];
    let mut hits = vec![0u8; feats.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let mut prefix: Vec<Term> = Vec::new();
    for (a, f) in feats.iter().enumerate() {
        prefix.clear();
        prefix.extend(
            f.terms
                .iter()
                .copied()
                .filter(|&t| (2..=max_posting).contains(&df(t))),
        );
        prefix.sort_by_key(|&t| (df(t), t));
        prefix.truncate(prefix_len);
        let need = min_hits.min(prefix.len()).max(1) as u8;
        touched.clear();
        for &t in &prefix {
            for &b in &postings[t as usize] {
                let b = b as usize;
                if feats[b].doc == f.doc {
                    continue;
                }
                if stamp[b] != a {
                    stamp[b] = a;
                    hits[b] = 0;
                    touched.push(b);
                }
                hits[b] = hits[b].saturating_add(1);
            }
        }
        for &b in &touched {
            if hits[b] >= need {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    // The first claim-making sentences of the articles: leads tell the main event, often in
    // words no other sentence shares.
    // With many articles, each lead is paired with the next [`LEAD_WINDOW`] only, so that the
    // candidates stay linear in the article count.
    let leads: Vec<usize> = (0..feats.len()).filter(|&i| feats[i].rank == 0).collect();
    let window = if leads.len() <= LEAD_WINDOW * 2 {
        leads.len()
    } else {
        LEAD_WINDOW
    };
    for (k, &a) in leads.iter().enumerate() {
        for &b in leads[k + 1..].iter().take(window) {
            if feats[a].doc != feats[b].doc {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Scored links at or above [`Model::link`], best first.
pub fn links(input: &Input, pairs: &[(usize, usize)]) -> Vec<(usize, usize, f64)> {
    let mut out: Vec<(usize, usize, f64)> = pairs
        .iter()
        .filter_map(|&(a, b)| {
            let s = input.score(a, b).value;
            (s >= input.model.link).then_some((a, b, s))
        })
        .collect();
    out.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    out
}

struct Groups {
    of: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Groups {
    /// Moves the members of group `from` into group `into`.
    fn merge(&mut self, into: usize, from: usize) {
        let moved = std::mem::take(&mut self.members[from]);
        for &m in &moved {
            self.of[m] = into;
        }
        self.members[into].extend(moved);
    }
}

/// Groups claims (indexes into `input.feats`); every claim is in exactly one group, groups are
/// returned with members ascending, in order of their first member.
pub fn cluster(input: &Input) -> Vec<Vec<usize>> {
    let n = input.feats.len();
    let pairs = candidates(input);
    let links = links(input, &pairs);
    let mut g = Groups {
        of: (0..n).collect(),
        members: (0..n).map(|i| vec![i]).collect(),
    };
    let mut cache: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    for &(a, b, s) in &links {
        cache.insert((a, b), s);
    }
    for &(a, b, _) in &links {
        let (ga, gb) = (g.of[a], g.of[b]);
        if ga == gb {
            continue;
        }
        let clash: Vec<(usize, usize)> = clashes(input, &g.members[ga], &g.members[gb]);
        let ok = if clash.is_empty() {
            mean_score(input, &mut cache, &g.members[ga], &g.members[gb], false) >= input.model.mean
        } else {
            two_claims(input, &mut cache, a, b, &clash)
        };
        if ok {
            g.merge(ga, gb);
        }
    }
    // Second pass: rows that an article's two tellings of one claim kept apart.
    let mut between: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen = FxHashSet::default();
    for &(a, b, _) in &links {
        let (ga, gb) = (g.of[a], g.of[b]);
        if ga != gb && seen.insert((ga.min(gb), ga.max(gb))) {
            let m = mean_score(input, &mut cache, &g.members[ga], &g.members[gb], true);
            if m >= input.model.restate {
                between.push((m, a, b));
            }
        }
    }
    between.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for &(_, a, b) in &between {
        let (ga, gb) = (g.of[a], g.of[b]);
        if ga == gb {
            continue;
        }
        let m = mean_score(input, &mut cache, &g.members[ga], &g.members[gb], true);
        if m < input.model.restate || other_facts(input, &g.members[ga], &g.members[gb]) {
            continue;
        }
        // Cohesion: the looser of the two groups, each scored over its own pairs of articles
        // (a single claim has none and defers to the other).
        let (xa, xb) = (&g.members[ga], &g.members[gb]);
        let within = match (xa.len() < 2, xb.len() < 2) {
            (true, true) => 0.0,
            (true, false) => mean_score(input, &mut cache, xb, xb, true),
            (false, true) => mean_score(input, &mut cache, xa, xa, true),
            (false, false) => mean_score(input, &mut cache, xa, xa, true)
                .min(mean_score(input, &mut cache, xb, xb, true)),
        };
        if m >= COHESION * within {
            g.merge(ga, gb);
        }
    }
    let mut out: Vec<Vec<usize>> = g.members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m[0]);
    out
}

/// Pairs of claims (one from each group) from the same article that are two claims: claims
/// cut from overlapping text are one claim told once (one unit, see [`units`]), and a figure the
/// article states twice, in words alike enough ([`RESTATED`]), is one claim told twice
/// ([`restated`]), so units with such a pair do not clash.
fn clashes(input: &Input, x: &[usize], y: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (ux, uy) = (units(input, x), units(input, y));
    for u in &ux {
        for v in &uy {
            if input.feats[u[0]].doc != input.feats[v[0]].doc {
                continue;
            }
            let one = u.iter().any(|&i| {
                v.iter().any(|&j| {
                    let (a, b) = (&input.feats[i], &input.feats[j]);
                    one_claim(a, b)
                        || (restated(a, b)
                            && similarity::score(
                                a,
                                b,
                                &input.values[i],
                                &input.values[j],
                                input.idf,
                            )
                            .value
                                >= RESTATED)
                })
            });
            if !one {
                out.extend(u.iter().flat_map(|&i| v.iter().map(move |&j| (i, j))));
            }
        }
    }
    out
}

/// Are two claims of one article the same figure stated twice: both `numeric` claims (made for
/// their figure, so the figure is what they say), with figures about the same counted thing
/// whose values both hold, or both saying it is not known? News repeats its toll: the lead's
/// "an undisclosed number of Azeris" and the body's "it did not disclose the number of
/// casualties" are one claim told twice and belong in that figure's group together.
/// Statements and quotes say more than their figures, so they never count as restated.
fn restated(a: &Features, b: &Features) -> bool {
    a.numeric
        && b.numeric
        && a.counted.iter().any(|ca| {
            b.counted
                .iter()
                .any(|cb| same_thing(ca, cb) && fit_counted(ca, cb) == Fit::Compatible)
        })
}

/// Do the two groups hold figures about different things: some claim of one and some claim of
/// the other each count something, and nothing either counts is the same thing ("at least 23
/// people died" / "forty people are missing")? Such rows are two facts of one event, however
/// alike their sentences, and the claims-told-twice pass keeps them apart.
fn other_facts(input: &Input, x: &[usize], y: &[usize]) -> bool {
    let counted = |m: &[usize]| -> Vec<&super::quantity::Counted> {
        m.iter()
            .flat_map(|&i| input.feats[i].counted.iter())
            .collect()
    };
    let (cx, cy) = (counted(x), counted(y));
    !cx.is_empty() && !cy.is_empty() && !cx.iter().any(|a| cy.iter().any(|b| same_thing(a, b)))
}

fn cached(input: &Input, cache: &mut FxHashMap<(usize, usize), f64>, a: usize, b: usize) -> f64 {
    let key = (a.min(b), a.max(b));
    *cache
        .entry(key)
        .or_insert_with(|| input.score(key.0, key.1).value)
}

/// Are `a` and `b` one claim of one article: pieces of one claim (see [`super::pieces`]), or
/// claims whose content spans overlap (the claim stage cut the same words twice: a statement
/// and the figure inside it)?
fn one_claim(a: &Features, b: &Features) -> bool {
    a.doc == b.doc
        && (a.origin == b.origin || (a.content.0 < b.content.1 && b.content.0 < a.content.1))
}

/// The claims of `x` as units: claims that are one claim ([`one_claim`]) form one unit. Only
/// units of the same article are searched, so a group holding one claim of each of many
/// articles is cut in linear time.
fn units(input: &Input, x: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut of_doc: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for &i in x {
        let a = &input.feats[i];
        let mine = of_doc.entry(a.doc).or_default();
        let found = mine
            .iter()
            .copied()
            .find(|&u| out[u].iter().any(|&j| one_claim(a, &input.feats[j])));
        match found {
            Some(u) => out[u].push(i),
            None => {
                mine.push(out.len());
                out.push(vec![i]);
            }
        }
    }
    out
}

/// Most members of a group [`mean_score`] reads: a larger group is read through this many
/// members spread evenly over it, so that scoring two large groups (hundreds of articles
/// telling one claim) costs a bounded number of pairs. The ECB+ dev figures and the golden are
/// the same with and without it.
const MEAN_SAMPLE: usize = 48;

/// `x` itself, or [`MEAN_SAMPLE`] of its members spread evenly over it.
fn sample(x: &[usize]) -> std::borrow::Cow<'_, [usize]> {
    if x.len() <= MEAN_SAMPLE {
        return std::borrow::Cow::Borrowed(x);
    }
    std::borrow::Cow::Owned(
        (0..MEAN_SAMPLE)
            .map(|k| x[k * x.len() / MEAN_SAMPLE])
            .collect(),
    )
}

/// The mean over unit pairs (see [`units`]) of the best score between their claims: a
/// fragment cut from a sentence does not drag down the score of the sentence it came from.
/// Two pieces of one claim are no cross pair: the mean is over the others (0 when none is left).
/// With `cross`, only pairs of units from different articles count (an article's two tellings of
/// one claim are not scored against each other: the scorer knows pairs of articles only). A
/// group larger than [`MEAN_SAMPLE`] is read through a sample of its members.
fn mean_score(
    input: &Input,
    cache: &mut FxHashMap<(usize, usize), f64>,
    x: &[usize],
    y: &[usize],
    cross: bool,
) -> f64 {
    if x.len() * y.len() == 1 {
        return cached(input, cache, x[0], y[0]);
    }
    let (x, y) = (sample(x), sample(y));
    let (ux, uy) = (units(input, &x), units(input, &y));
    let mut sum = 0.0;
    let mut count = 0usize;
    for u in &ux {
        for v in &uy {
            let pieces = u.iter().any(|&i| {
                v.iter().any(|&j| {
                    let (a, b) = (&input.feats[i], &input.feats[j]);
                    a.doc == b.doc && a.origin == b.origin
                })
            });
            if pieces || (cross && input.feats[u[0]].doc == input.feats[v[0]].doc) {
                continue;
            }
            count += 1;
            let mut best: f64 = 0.0;
            for &i in u {
                for &j in v {
                    best = best.max(cached(input, cache, i, j));
                }
            }
            sum += best;
        }
    }
    if count == 0 {
        return 0.0;
    }
    sum / count as f64
}

/// Are `claims` all one claim of one article, pairwise ([`one_claim`])?
fn one_unit(input: &Input, claims: &[usize]) -> bool {
    claims.iter().enumerate().all(|(k, &i)| {
        claims[k + 1..]
            .iter()
            .all(|&j| one_claim(&input.feats[i], &input.feats[j]))
    })
}

/// The two-claims rule for link `a`–`b` whose groups share an article.
fn two_claims(
    input: &Input,
    cache: &mut FxHashMap<(usize, usize), f64>,
    a: usize,
    b: usize,
    clash: &[(usize, usize)],
) -> bool {
    // Only one article may be doubled, with one claim on each side (claims cut from
    // overlapping text count as one), and one end of the link must be the claim that the
    // bridge joins to its first match.
    let mut xs: Vec<usize> = clash.iter().map(|c| c.0).collect();
    let mut ys: Vec<usize> = clash.iter().map(|c| c.1).collect();
    xs.dedup();
    ys.sort_unstable();
    ys.dedup();
    if !one_unit(input, &xs) || !one_unit(input, &ys) {
        return false;
    }
    let best = |from: usize, among: &[usize], cache: &mut FxHashMap<(usize, usize), f64>| {
        among.iter().copied().max_by(|&p, &q| {
            cached(input, cache, from, p).total_cmp(&cached(input, cache, from, q))
        })
    };
    let (bridge, first, second) = if ys.contains(&b) {
        match best(a, &xs, cache) {
            Some(x) => (a, x, b),
            None => return false,
        }
    } else if xs.contains(&a) {
        match best(b, &ys, cache) {
            Some(y) => (b, y, a),
            None => return false,
        }
    } else {
        return false;
    };
    if cached(input, cache, first, second) >= input.model.link {
        return false;
    }
    let s1 = input.score(bridge, first);
    let s2 = input.score(bridge, second);
    if s1.value < input.model.link || s2.value < input.model.link {
        return false;
    }
    let both: Vec<Term> = s1
        .shared
        .iter()
        .copied()
        .filter(|t| s2.shared.contains(t))
        .collect();
    let w = weight(&both, input.idf);
    w <= BRIDGE_OVERLAP * weight(&s1.shared, input.idf).min(weight(&s2.shared, input.idf))
}
