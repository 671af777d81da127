//! The learned filter: a logistic regression over candidate features that drops candidates
//! unlikely to be a real attribution with the right source.
//!
//! Weights come from `data/lexicon/attribution-filter.tsv` (`feature<TAB>weight`), trained on
//! PolNeAR train by `eval-polnear DIR --train-filter OUT` (label: the candidate matches a gold
//! attribution, content and source, in the scorer's one-to-one alignment). A candidate is kept
//! when its probability is at least [`THRESHOLD`], tuned on PolNeAR dev. With an empty weights
//! file every candidate is kept.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Keep candidates whose probability of being right is at least this (tuned on dev).
pub const THRESHOLD: f64 = 0.15;

fn weights() -> &'static FxHashMap<&'static str, f64> {
    static W: OnceLock<FxHashMap<&'static str, f64>> = OnceLock::new();
    W.get_or_init(|| {
        include_str!("../../../data/lexicon/attribution-filter.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (k, v) = l.rsplit_once('\t')?;
                Some((k, v.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The probability that a candidate with features `x` is right.
pub fn probability(x: &[String]) -> f64 {
    let w = weights();
    let z: f64 = x.iter().filter_map(|f| w.get(f.as_str())).sum();
    1.0 / (1.0 + libm::exp(-z))
}

/// Whether the filter keeps a candidate. Quotes (content in quotation marks) are always kept:
/// they are right four times out of five already, and the filter would mostly cost recall. So
/// is a fronted "Asked whether …," (`rule=asked`), a shape the filter was not trained on.
pub fn keep(x: &[String]) -> bool {
    weights().is_empty()
        || x.iter().any(|f| f == "quote=direct" || f == "rule=asked")
        || probability(x) >= THRESHOLD
}
