//! How alike two claims from different articles are: one score in 0..=1 and the evidence.
//!
//! `score = (dice + containment) / 2 + quantity bonus`, then damped by role checks:
//!
//! - `dice = 2·S / (Wa + Wb)` and `containment = S / min(Wa, Wb)`, where `S` is the summed
//!   weight of the terms both claims have and `Wa`, `Wb` each claim's total. A term's weight is
//!   its inverse claim frequency, `ln(1 + N / df)`, so "Jermuk" or `n:49` counts far more than
//!   "war". Containment lets a short claim match the longer sentence that carries it; dice keeps
//!   two long sentences that share a few words apart.
//! - **Figures**: a pair of figures about the same counted thing (see [`super::quantity`]) adds
//!   [`QUANTITY_BONUS`], whether the values fit or clash (a clash is something to report, and it
//!   can only be reported inside one group). A pair with the same value and counted thing but a
//!   different event ("49 soldiers killed" / "49 soldiers wounded") and no figure that lines up
//!   multiplies the score by [`EVENT_CLASH`].
//! - **Roles**: when both claims open with an entity and those differ ("Azerbaijan shelled" /
//!   "Armenia shelled") the score is multiplied by [`SUBJECT_CLASH`]; when, in addition, each
//!   one's speaker is the other's subject (the two sides blaming each other) by [`SWAPPED`].
//! - **Evidence floor**: fewer than [`MIN_SHARED`] shared terms (a figure counts as one) gives 0.

use super::features::{Features, Term};
use super::quantity::{same_thing, Counted};

/// Added when the two claims carry a figure about the same counted thing.
pub const QUANTITY_BONUS: f64 = 0.2;
/// Factor when the same figure is told of different events.
pub const EVENT_CLASH: f64 = 0.3;
/// Factor when the claims' subjects are different entities.
pub const SUBJECT_CLASH: f64 = 0.5;
/// Factor when, moreover, speaker and subject are swapped.
pub const SWAPPED: f64 = 0.2;
/// Shared terms needed at least.
pub const MIN_SHARED: usize = 2;

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

fn intersect(a: &[Term], b: &[Term]) -> Vec<Term> {
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

/// Does some figure of `a` line up with one of `b`, and does the same figure appear for a
/// different event?
fn figures(a: &[Counted], b: &[Counted], qa: &[Option<f64>], qb: &[Option<f64>]) -> (bool, bool) {
    let mut same = false;
    let mut clash = false;
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            if same_thing(ca, cb) {
                same = true;
            } else if qa.get(i).copied().flatten().is_some()
                && qa.get(i) == qb.get(j)
                && !ca.events.is_empty()
                && !cb.events.is_empty()
                && ca.events.is_disjoint(&cb.events)
            {
                clash = true;
            }
        }
    }
    (same, clash)
}

/// Scores claims `a` and `b` (with their figures' values `qa`, `qb`).
pub fn score(
    a: &Features,
    b: &Features,
    qa: &[Option<f64>],
    qb: &[Option<f64>],
    idf: &[f64],
) -> Score {
    let shared = intersect(&a.terms, &b.terms);
    let (same_fig, fig_clash) = figures(&a.counted, &b.counted, qa, qb);
    if shared.len() + usize::from(same_fig) < MIN_SHARED {
        return Score { value: 0.0, shared };
    }
    let s = weight(&shared, idf);
    let (wa, wb) = (weight(&a.terms, idf), weight(&b.terms, idf));
    if wa <= 0.0 || wb <= 0.0 {
        return Score { value: 0.0, shared };
    }
    let dice = 2.0 * s / (wa + wb);
    let cont = s / wa.min(wb);
    let mut v = 0.5 * (dice + cont);
    if same_fig {
        v += QUANTITY_BONUS;
    } else if fig_clash {
        v *= EVENT_CLASH;
    }
    if !a.subject.is_empty() && !b.subject.is_empty() && a.subject.is_disjoint(&b.subject) {
        v *= SUBJECT_CLASH;
        let swapped = !a.speaker.is_disjoint(&b.subject) && !b.speaker.is_disjoint(&a.subject);
        if swapped {
            v *= SWAPPED;
        }
    }
    Score {
        value: v.clamp(0.0, 1.0),
        shared,
    }
}
