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
        // `O` and `B-X` may follow any label; `I-X` only `B-X` and `I-X` (see [`allowed`]).
        // The candidates are tried in label order and only a strictly better one wins, as a
        // loop over every allowed label would.
        for b in 0..5 {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for a in 0..LABELS {
                let s = cur[a] + tr.trans[a][b];
                if s > best {
                    best = s;
                    arg = a as u8;
                }
            }
            next[b] = best + e[b];
            bp[b] = arg;
        }
        for b in 5..LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for a in [b - 4, b] {
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

/// Per-token label marginals of the distribution `p(y) ∝ exp(temp · score(y))` over valid
/// sequences. `alpha`/`beta` are scratch space; `out` receives one row per token.
///
/// Forward-backward in probability space with per-token rescaling (each token's scores are
/// shifted by their maximum before `exp`, and each forward row is normalised), so it needs
/// one `exp` per label and token rather than one per label pair.
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
    // Transition and start factors, zero where BIO forbids the pair.
    let mut tf = [[0f32; LABELS]; LABELS];
    let mut sf = [0f32; LABELS];
    let smax = tr.start.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let tmax = tr
        .trans
        .iter()
        .flatten()
        .copied()
        .fold(f32::NEG_INFINITY, f32::max);
    for b in 0..LABELS {
        if allowed(None, b as u8) {
            sf[b] = libm::expf(temp * (tr.start[b] - smax));
        }
        for a in 0..LABELS {
            if allowed(Some(a as u8), b as u8) {
                tf[a][b] = libm::expf(temp * (tr.trans[a][b] - tmax));
            }
        }
    }
    // Emission factors, each row shifted by its maximum (stored in `out` for now).
    for e in emis {
        let m = e.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        out.push(e.map(|v| libm::expf(temp * (v - m))));
    }
    // Rows are rescaled to sum to 1; a row that underflowed to all zeros (scores hundreds of
    // units apart) becomes uniform rather than poisoning the rest of the sentence.
    let normalise = |row: &mut Scores| {
        let z: f32 = row.iter().sum();
        if z > 0.0 && z.is_finite() {
            for v in row.iter_mut() {
                *v /= z;
            }
        } else {
            *row = [1.0 / LABELS as f32; LABELS];
        }
    };
    let mut a0 = [0f32; LABELS];
    for b in 0..LABELS {
        a0[b] = sf[b] * out[0][b];
    }
    normalise(&mut a0);
    alpha.push(a0);
    for t in 1..n {
        let mut at = [0f32; LABELS];
        let prev = alpha[t - 1];
        for a in 0..LABELS {
            let pa = prev[a];
            if pa == 0.0 {
                continue;
            }
            for b in 0..LABELS {
                at[b] += pa * tf[a][b];
            }
        }
        for b in 0..LABELS {
            at[b] *= out[t][b];
        }
        normalise(&mut at);
        alpha.push(at);
    }
    beta.resize(n, [1.0; LABELS]);
    for t in (0..n - 1).rev() {
        let mut next = [0f32; LABELS];
        for b in 0..LABELS {
            next[b] = out[t + 1][b] * beta[t + 1][b];
        }
        let mut bt = [0f32; LABELS];
        for a in 0..LABELS {
            let mut s = 0f32;
            for b in 0..LABELS {
                s += tf[a][b] * next[b];
            }
            bt[a] = s;
        }
        normalise(&mut bt);
        beta[t] = bt;
    }
    for t in 0..n {
        let mut row = [0f32; LABELS];
        for b in 0..LABELS {
            row[b] = alpha[t][b] * beta[t][b];
        }
        normalise(&mut row);
        out[t] = row;
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
        Transitions {
            start: [0.0; LABELS],
            trans: [[0.0; LABELS]; LABELS],
        }
    }

    #[test]
    fn spans_table() {
        // (labels, spans)
        type Span = (usize, usize, u8);
        let cases: &[(&[u8], &[Span])] = &[
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

    /// Viterbi as a loop over every label pair, skipping the pairs BIO forbids: the fast
    /// loop must give the same labels, ties included.
    fn viterbi_every_pair(emis: &[Scores], tr: &Transitions) -> Vec<u8> {
        let mut cur = [f32::NEG_INFINITY; LABELS];
        for b in 0..LABELS {
            if allowed(None, b as u8) {
                cur[b] = tr.start[b] + emis[0][b];
            }
        }
        let mut back = vec![[0u8; LABELS]];
        for e in &emis[1..] {
            let mut next = [f32::NEG_INFINITY; LABELS];
            let mut bp = [0u8; LABELS];
            for b in 0..LABELS {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                for a in 0..LABELS {
                    let s = cur[a] + tr.trans[a][b];
                    if allowed(Some(a as u8), b as u8) && s > best {
                        (best, arg) = (s, a as u8);
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
        let mut out = vec![last; emis.len()];
        for t in (1..emis.len()).rev() {
            last = back[t][last as usize];
            out[t - 1] = last;
        }
        out
    }

    #[test]
    fn viterbi_matches_every_pair_loop() {
        // Small integer scores from a fixed generator, so ties are frequent.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 7) as f32 - 3.0
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        for round in 0..500 {
            let mut tr = flat();
            for v in tr.start.iter_mut().chain(tr.trans.iter_mut().flatten()) {
                *v = next();
            }
            let n = 1 + round % 9;
            let e: Vec<Scores> = (0..n).map(|_| [(); LABELS].map(|_| next())).collect();
            viterbi(&e, &tr, &mut back, &mut out);
            assert_eq!(out, viterbi_every_pair(&e, &tr), "round {round}");
        }
    }

    /// Brute force: enumerate every valid sequence of a short sentence.
    fn brute_marginals(e: &[Scores], tr: &Transitions, temp: f32) -> Vec<Scores> {
        let n = e.len();
        let mut out = vec![[0f64; LABELS]; n];
        let mut z = 0f64;
        let total = LABELS.pow(n as u32);
        for code in 0..total {
            let ys: Vec<u8> = (0..n)
                .map(|i| ((code / LABELS.pow(i as u32)) % LABELS) as u8)
                .collect();
            if !allowed(None, ys[0]) || ys.windows(2).any(|w| !allowed(Some(w[0]), w[1])) {
                continue;
            }
            let mut s = tr.start[ys[0] as usize] + e[0][ys[0] as usize];
            for i in 1..n {
                s += tr.trans[ys[i - 1] as usize][ys[i] as usize] + e[i][ys[i] as usize];
            }
            let p = ((temp * s) as f64).exp();
            z += p;
            for i in 0..n {
                out[i][ys[i] as usize] += p;
            }
        }
        out.iter().map(|r| r.map(|v| (v / z) as f32)).collect()
    }

    #[test]
    fn marginals_match_brute_force() {
        let mut tr = flat();
        tr.trans[1][5] = 1.5;
        tr.trans[0][2] = -0.5;
        tr.start[0] = 0.3;
        let e: Vec<Scores> = (0..3)
            .map(|t| std::array::from_fn(|l| ((t * 7 + l * 3) % 5) as f32 * 0.7 - 1.0))
            .collect();
        let mut out = Vec::new();
        marginals(&e, &tr, 0.8, &mut Vec::new(), &mut Vec::new(), &mut out);
        let want = brute_marginals(&e, &tr, 0.8);
        for (got, want) in out.iter().zip(&want) {
            for l in 0..LABELS {
                assert!((got[l] - want[l]).abs() < 1e-4, "{got:?} {want:?}");
            }
        }
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
