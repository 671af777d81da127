//! How alike two claims from different articles are: one hand-set score in 0..=1 and the
//! evidence. The comparison no longer links on it alone: it is one feature (`hand_score`) of the
//! learned pair scorer in [`super::model`], and it decides whether two `numeric` claims of one
//! article are one figure told twice ([`super::cluster::RESTATED`]).
//!
//! `score = d·dice + (1 − d)·containment + figure bonus`, then damped by role checks
//! (constants in [`Params::DEFAULT`]):
//!
//! - `dice = 2·S / (Wa + Wb)` and `containment = S / min(Wa, Wb)`, where `S` is the summed
//!   weight of the terms both claims have and `Wa`, `Wb` each claim's total. A term's weight is
//!   its inverse claim frequency, `ln(1 + N / df)`, so "Jermuk" or `n:49` counts far more than
//!   "war". Containment lets a short claim match the longer sentence that carries it; dice keeps
//!   two short claims that share a subject but not a verb apart. `d` is `dice_weight`.
//!   Containment's divisor is at least `containment_floor` of the larger weight: a fragment
//!   such as "an end to hostilities" does not match every sentence about hostilities ending.
//! - **Quotes**: two quotes whose quoted content words overlap (dice) less than `quote_min` are
//!   multiplied by `quote_miss`: one speaker's different sentences, told with the same names
//!   around them, are different quotes.
//! - **Figures**: a pair of figures about the same counted thing (see [`super::quantity`]),
//!   both saying what they count (a bare "thousands died" lines up with any death toll, so it
//!   is no evidence of one), adds `figure_bonus`, whether the values fit or clash (a clash is something to report, and it can
//!   only be reported inside one group). The same value told of events of different classes
//!   ("49 soldiers killed" / "49 soldiers wounded") with no figure that lines up multiplies the
//!   score by `event_clash`.
//! - **Tolls**: when the claims share a `q:` term (figures about the same side and event
//!   class: "50 Azerbaijani troops" killed / "did not disclose the number of casualties" said
//!   by Baku) and one of them is a `numeric` claim, whose figure is all it says, the score is
//!   at least `toll_floor`: the words around a figure ("undisclosed", "casualty numbers") vary
//!   more than the figure's subject does. The role factors below still apply.
//! - **Roles**: when both claims open with an entity, those differ, and neither claim names the
//!   other's anywhere ("30 Israeli soldiers were killed" / "40 Syrian fighters were killed"),
//!   the score is multiplied by `subject_clash`; when each one's speaker is the other's subject
//!   (two sides blaming each other: "Armenia said Azerbaijan shelled…" / "Azerbaijan said
//!   Armenia shelled…") by `subject_clash · swapped`. A claim that carries two claims names
//!   both subjects, so it is not held apart from either. Two
//!   named speakers (sources that are not pronouns) with nothing in common multiply it by
//!   `speaker_clash`: the same words from
//!   two mouths must match closely to be one claim.
//! - **Evidence floor**: fewer than `min_shared` shared terms (a figure that lines up counts as
//!   one) gives 0; `min_shared + piece_extra` when either claim is a piece of a claim told in
//!   pieces ([`super::pieces`]): two shared terms, often the speaker and one word, align short
//!   pieces with unrelated claims ("“I know what they are thinking,”" / "“I don’t know what
//!   she was thinking,”").

use super::features::{Features, Term};
use super::quantity::{same_thing, Counted};

/// The weights and factors of the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Weight of dice against containment.
    pub dice_weight: f64,
    /// Added when the claims carry a figure about the same counted thing.
    pub figure_bonus: f64,
    /// Factor when the same figure is told of different events.
    pub event_clash: f64,
    /// Factor when the claims' subjects are different entities.
    pub subject_clash: f64,
    /// Further factor when speaker and subject are swapped.
    pub swapped: f64,
    /// Factor when both name speakers with nothing in common.
    pub speaker_clash: f64,
    /// Containment divides by at least this share of the larger claim's weight, so that a
    /// two-word fragment cannot fully "contain" itself in a long sentence.
    pub containment_floor: f64,
    /// Two quotes whose quoted words overlap (dice of content-word keys) less than this…
    pub quote_min: f64,
    /// …are multiplied by this: different words of one speaker are different quotes.
    pub quote_miss: f64,
    /// Shared terms needed at least.
    pub min_shared: usize,
    /// More shared terms needed when either claim is a piece of a claim told in pieces (see
    /// [`super::pieces`]): a piece is short, and the terms of its context (the speaker, the
    /// entities of the attribution) are shared by every piece of its claim.
    pub piece_extra: usize,
    /// The least score of two claims that give the same toll (a shared `q:` term: the same
    /// side and event class) when one of them is a `numeric` claim, before the role factors.
    pub toll_floor: f64,
}

impl Params {
    /// The values in use (tuned on `src/compare/pairs.tsv` before the learned scorer, see the module docs of
    /// [`super`]).
    pub const DEFAULT: Params = Params {
        dice_weight: 0.5,
        figure_bonus: 0.2,
        event_clash: 0.3,
        subject_clash: 0.5,
        swapped: 0.4,
        speaker_clash: 0.8,
        containment_floor: 0.25,
        quote_min: 0.3,
        quote_miss: 0.4,
        min_shared: 2,
        piece_extra: 1,
        toll_floor: 0.6,
    };
}

/// The score of a claim pair with what supports it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// 0..=1.
    pub value: f64,
    /// Terms the two claims share.
    pub shared: Vec<Term>,
}

/// Sum of the weights of `terms`.
pub fn weight(terms: &[Term], idf: &[f64]) -> f64 {
    terms
        .iter()
        .map(|&t| idf.get(t as usize).copied().unwrap_or(0.0))
        .sum()
}

pub(crate) fn intersect(a: &[Term], b: &[Term]) -> Vec<Term> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Does some figure of `a` line up with one of `b`, and is the same value told of events of
/// different classes?
pub(crate) fn figures(
    a: &[Counted],
    b: &[Counted],
    qa: &[Option<f64>],
    qb: &[Option<f64>],
) -> (bool, bool) {
    let mut same = false;
    let mut clash = false;
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            if same_thing(ca, cb) && ca.specific() && cb.specific() {
                same = true;
            } else if qa.get(i).copied().flatten().is_some()
                && qa.get(i) == qb.get(j)
                && ca.events_clash(cb)
            {
                clash = true;
            }
        }
    }
    (same, clash)
}

/// Scores claims `a` and `b` (with their figures' values `qa`, `qb`) with the default
/// parameters.
pub fn score(
    a: &Features,
    b: &Features,
    qa: &[Option<f64>],
    qb: &[Option<f64>],
    idf: &[f64],
) -> Score {
    score_with(&Params::DEFAULT, a, b, qa, qb, idf)
}

/// [`score`] with explicit parameters.
pub fn score_with(
    p: &Params,
    a: &Features,
    b: &Features,
    qa: &[Option<f64>],
    qb: &[Option<f64>],
    idf: &[f64],
) -> Score {
    let shared = intersect(&a.terms, &b.terms);
    let (same_fig, fig_clash) = figures(&a.counted, &b.counted, qa, qb);
    let need = p.min_shared + usize::from(a.piece || b.piece) * p.piece_extra;
    if shared.len() + usize::from(same_fig) < need {
        return Score { value: 0.0, shared };
    }
    let s = weight(&shared, idf);
    let (wa, wb) = (weight(&a.terms, idf), weight(&b.terms, idf));
    if wa <= 0.0 || wb <= 0.0 {
        return Score { value: 0.0, shared };
    }
    let dice = 2.0 * s / (wa + wb);
    let cont = s / wa.min(wb).max(p.containment_floor * wa.max(wb));
    let mut v = p.dice_weight * dice + (1.0 - p.dice_weight) * cont;
    if same_fig {
        v += p.figure_bonus;
        if (a.numeric || b.numeric) && shared.iter().any(|t| a.tolls.contains(t)) {
            v = v.max(p.toll_floor);
        }
    } else if fig_clash {
        v *= p.event_clash;
    }
    if !a.subject.is_empty() && !b.subject.is_empty() && a.subject.is_disjoint(&b.subject) {
        let swapped = !a.speaker.is_disjoint(&b.subject) && !b.speaker.is_disjoint(&a.subject);
        let named = |x: &Features, y: &Features| {
            x.subject_terms
                .iter()
                .any(|t| y.terms.binary_search(t).is_ok())
        };
        if swapped {
            v *= p.subject_clash * p.swapped;
        } else if !named(a, b) && !named(b, a) {
            v *= p.subject_clash;
        }
    }
    if a.source.is_some()
        && b.source.is_some()
        && !a.speaker.is_empty()
        && !b.speaker.is_empty()
        && a.speaker.is_disjoint(&b.speaker)
    {
        v *= p.speaker_clash;
    }
    if a.quote && b.quote && a.quote_keys.len() >= 3 && b.quote_keys.len() >= 3 {
        let common = a.quote_keys.intersection(&b.quote_keys).count();
        let qd = 2.0 * common as f64 / (a.quote_keys.len() + b.quote_keys.len()) as f64;
        if qd < p.quote_min {
            v *= p.quote_miss;
        }
    }
    Score {
        value: v.clamp(0.0, 1.0),
        shared,
    }
}
