//! Decoding a sentence: the best BIO label sequence (Viterbi) and per-token label marginals
//! (forward-backward), from per-token label scores and label-to-label transition scores.
//!
//! BIO validity is a hard constraint: `I-X` may only follow `B-X` or `I-X`, and a sentence
//! cannot open with `I-X`, so every decoded sequence reads as well-formed spans.

use super::features::{label_type, LABELS};

/// Per-token scores, one per label.
pub type Scores = [f32; LABELS];

/// Transition scores: `start[b]` to open a sentence with `b`, `trans[a][b]` from `a` to `b`.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// Score of the first label.
    pub start: [f32; LABELS],
    /// Score of each label pair.
    pub trans: [[f32; LABELS]; LABELS],
}

/// May label `b` follow label `a` (`a = None` at the sentence start)?
pub fn allowed(a: Option<u8>, b: u8) -> bool {
    if b < 5 {
        return true;
    }
    match a {
        None => false,
        Some(a) => a != 0 && label_type(a) == label_type(b),
    }
}

/// Fills `out` with the best valid label sequence. `back` is scratch space (reused by the
/// caller to avoid allocating per sentence).
pub fn viterbi(emis: &[Scores], tr: &Transitions, back: &mut Vec<[u8; LABELS]>, out: &mut Vec<u8>) {
    out.clear();
    back.clear();
    let n = emis.len();
    if n == 0 {
        return;
    }
    let mut cur = [f32::NEG_INFINITY; LABELS];
    for b in 0..LABELS {
        if allowed(None, b as u8) {
            cur[b] = tr.start[b] + emis[0][b];
        }
    }
    back.push([0; LABELS]);
    for e in &emis[1..] {
        let mut next = [f32::NEG_INFINITY; LABELS];
        let mut bp = [0u8; LABELS];
        for b in 0..LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for a in 0..LABELS {
                if !allowed(Some(a as u8), b as u8) {
                    continue;
                }
                let s = cur[a] + tr.trans[a][b];
                if s > best {
                    best = s;
                    arg = a as u8;
                }
            }
            next[b] = best + e[b];
            bp[b] = arg;
        }
        back.push(bp);
        cur = next;
    }
    let mut last = 0u8;
    for b in 1..LABELS {
        if cur[b] > cur[last as usize] {
            last = b as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last;
    for t in (1..n).rev() {
        last = back[t][last as usize];
        out[t - 1] = last;
    }
}

fn log_sum_exp(xs: &[f32; LABELS]) -> f32 {
    let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|&x| (x - m).exp()).sum::<f32>().ln()
}

/// Per-token label marginals of the distribution `p(y) ∝ exp(temp · score(y))` over valid
/// sequences. `alpha`/`beta` are scratch space; `out` receives one row per token.
pub fn marginals(
    emis: &[Scores],
    tr: &Transitions,
    temp: f32,
    alpha: &mut Vec<Scores>,
    beta: &mut Vec<Scores>,
    out: &mut Vec<Scores>,
) {
    let n = emis.len();
    out.clear();
    alpha.clear();
    beta.clear();
    if n == 0 {
        return;
    }
    let mut a0 = [f32::NEG_INFINITY; LABELS];
    for b in 0..LABELS {
        if allowed(None, b as u8) {
            a0[b] = temp * (tr.start[b] + emis[0][b]);
        }
    }
    alpha.push(a0);
    let mut terms = [0f32; LABELS];
    for t in 1..n {
        let mut at = [f32::NEG_INFINITY; LABELS];
        for b in 0..LABELS {
            for a in 0..LABELS {
                terms[a] = if allowed(Some(a as u8), b as u8) {
                    alpha[t - 1][a] + temp * tr.trans[a][b]
                } else {
                    f32::NEG_INFINITY
                };
            }
            at[b] = log_sum_exp(&terms) + temp * emis[t][b];
        }
        alpha.push(at);
    }
    beta.resize(n, [0.0; LABELS]);
    for t in (0..n - 1).rev() {
        for a in 0..LABELS {
            for b in 0..LABELS {
                terms[b] = if allowed(Some(a as u8), b as u8) {
                    temp * (tr.trans[a][b] + emis[t + 1][b]) + beta[t + 1][b]
                } else {
                    f32::NEG_INFINITY
                };
            }
            beta[t][a] = log_sum_exp(&terms);
        }
    }
    let z = log_sum_exp(&alpha[n - 1]);
    for t in 0..n {
        let mut row = [0f32; LABELS];
        for b in 0..LABELS {
            let v = alpha[t][b] + beta[t][b] - z;
            row[b] = if v.is_finite() { v.exp() } else { 0.0 };
        }
        out.push(row);
    }
}

/// Spans of a valid (or repaired: a stray `I-X` opens a span) BIO sequence:
/// `(start, end_exclusive, type 1..=4)`.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let ty = label_type(l);
        let continues = l >= 5 && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
            if ty != 0 {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, labels.len(), t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat() -> Transitions {
        Transitions { start: [0.0; LABELS], trans: [[0.0; LABELS]; LABELS] }
    }

    #[test]
    fn spans_table() {
        // (labels, spans)
        let cases: &[(&[u8], &[(usize, usize, u8)])] = &[
            (&[0, 1, 5, 0], &[(1, 3, 1)]),
            (&[1, 1, 5], &[(0, 1, 1), (1, 3, 1)]),
            (&[6, 6, 0, 3], &[(0, 2, 2), (3, 4, 3)]),
            (&[2, 5], &[(0, 1, 2), (1, 2, 1)]),
            (&[], &[]),
            (&[0, 0], &[]),
            (&[4, 8, 8], &[(0, 3, 4)]),
        ];
        for &(labels, want) in cases {
            assert_eq!(spans(labels), want, "{labels:?}");
        }
    }

    #[test]
    fn viterbi_respects_bio() {
        // Emissions that prefer an invalid I-PER at the start and after O.
        let mut e = vec![[0f32; LABELS]; 3];
        e[0][5] = 5.0; // I-PER
        e[0][1] = 1.0; // B-PER
        e[1][0] = 2.0; // O
        e[2][6] = 3.0; // I-LOC after O: not allowed
        e[2][2] = 1.0; // B-LOC
        let mut out = Vec::new();
        viterbi(&e, &flat(), &mut Vec::new(), &mut out);
        assert_eq!(out, vec![1, 0, 2]);
        for (i, w) in out.windows(2).enumerate() {
            assert!(allowed(Some(w[0]), w[1]), "{i}");
        }
    }

    #[test]
    fn viterbi_uses_transitions() {
        let mut tr = flat();
        tr.trans[1][5] = 10.0; // B-PER -> I-PER strongly preferred
        let mut e = vec![[0f32; LABELS]; 2];
        e[0][1] = 1.0;
        e[1][0] = 2.0;
        let mut out = Vec::new();
        viterbi(&e, &tr, &mut Vec::new(), &mut out);
        assert_eq!(out, vec![1, 5]);
    }

    #[test]
    fn marginals_sum_to_one_and_follow_scores() {
        let mut e = vec![[0f32; LABELS]; 4];
        e[1][2] = 6.0;
        e[2][6] = 6.0;
        let mut out = Vec::new();
        marginals(&e, &flat(), 1.0, &mut Vec::new(), &mut Vec::new(), &mut out);
        assert_eq!(out.len(), 4);
        for row in &out {
            let s: f32 = row.iter().sum();
            assert!((s - 1.0).abs() < 1e-3, "{s}");
        }
        assert!(out[1][2] > 0.9 && out[2][6] > 0.9);
        // Invalid starts get nothing.
        assert!(out[0][5..].iter().all(|&p| p == 0.0));
    }
}
