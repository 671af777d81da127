//! Training: an averaged structured perceptron over BIO label sequences (Collins 2002).
//!
//! For each sentence, Viterbi finds the best labels under the current weights; when they
//! differ from the gold labels, the features of each wrong token move toward the gold label
//! and away from the predicted one, and so do the transition scores. The model kept is the
//! average of the weights over all updates, which generalises much better than the last
//! weights. Sentences are visited in an order shuffled by a fixed-seed xorshift generator, and
//! features are numbered by sorted key, so the same command gives a byte-identical model.
//!
//! Consistency features need first-pass labels for the training documents. Labels from a
//! model trained on the same documents would be nearly perfect and teach the second pass to
//! trust them blindly, so they come from k-fold jackknifing instead: a local-only model
//! trained on the other folds labels each fold (the fold is one analysis, as the development
//! set is at evaluation). The final model sees every sentence twice per epoch, once without
//! and once with those features, so the same weights serve both passes.
//!
//! Two regularisers, both chosen on the development set (see the report of the training
//! command): **word dropout** hides a token's word-identity features (word, lower-case form)
//! in a quarter of the training steps, so the model also learns to type names from shape,
//! affixes, context and gazetteers, which is all it has for names it never saw; and **model
//! averaging**: four perceptrons trained side by side on different shuffles are averaged
//! into one (same size, less dependent on the visiting order, about +0.3 F1 and a much
//! smaller spread between seeds).
//!
//! Weights are quantised to i8 with one global scale (measured cost: none, 92.27 vs 92.30
//! dev F1 with i16); features whose weights all round to zero, and features seen fewer than
//! `min_count` times in training, are not stored.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::decode::{self, Scores, Transitions};
use super::features::LABELS;
use super::{encode, visit_local, visit_pass2, ModelParts, Tagger, FLAG_GAZ, FLAG_I16, FLAG_PASS2};

/// One training sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token texts.
    pub words: Vec<String>,
    /// BIO labels (see `features::LABEL_NAMES`).
    pub labels: Vec<u8>,
}

/// A training document.
pub type Doc = Vec<Sentence>;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Maximum epochs of the final model; the best on the development set is kept.
    pub epochs: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Consistency features (two passes).
    pub pass2: bool,
    /// Jackknife folds for the first-pass labels of the training set.
    pub folds: usize,
    /// Epochs of each fold model.
    pub fold_epochs: usize,
    /// Train each sentence both with and without consistency features.
    pub mixed: bool,
    /// Use gazetteer features.
    pub gaz: bool,
    /// Shuffle seed.
    pub seed: u64,
    /// Store weights as i16 (bigger file, to measure what i8 costs).
    pub wide: bool,
    /// Feature templates ([`super::features::fset`]).
    pub fmask: u32,
    /// Perceptrons trained side by side on different shuffles; the model is their mean.
    pub models: usize,
    /// Probability of hiding a token's word-identity features in a training step, so the
    /// model also learns to type names from their shape, affixes and context.
    pub dropout: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 12,
            min_count: 2,
            pass2: true,
            folds: 5,
            fold_epochs: 8,
            mixed: true,
            gaz: true,
            seed: 1,
            wide: false,
            fmask: super::features::fset::AGG
                | super::features::fset::AFFIX5
                | super::features::fset::P2POS,
            models: 4,
            dropout: 0.25,
        }
    }
}

/// Keys (or feature ids) per token, flat with offsets.
#[derive(Default)]
struct Buf {
    ids: Vec<u32>,
    offs: Vec<usize>,
    /// Per token: how many leading ids are the word's own identity (word, lower-case form),
    /// which word dropout may hide.
    lex: Vec<u8>,
}

impl Buf {
    fn new() -> Buf {
        Buf {
            ids: Vec::new(),
            offs: vec![0],
            lex: Vec::new(),
        }
    }
    /// The ids of token `t`, without the word-identity ones when `drop`.
    fn feats(&self, t: usize, drop: bool) -> &[u32] {
        let skip = if drop {
            self.lex.get(t).copied().unwrap_or(0) as usize
        } else {
            0
        };
        &self.ids[self.offs[t] + skip..self.offs[t + 1]]
    }
    fn push(&mut self, keys: &[u32]) {
        self.ids.extend_from_slice(keys);
        self.offs.push(self.ids.len());
    }
    fn get(&self, t: usize) -> &[u32] {
        &self.ids[self.offs[t]..self.offs[t + 1]]
    }
}

struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

const NT: usize = LABELS + LABELS * LABELS;

struct Perceptron {
    w: Vec<f64>,
    u: Vec<f64>,
    tw: [f64; NT],
    tu: [f64; NT],
    c: f64,
}

impl Perceptron {
    fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * LABELS],
            u: vec![0.0; n * LABELS],
            tw: [0.0; NT],
            tu: [0.0; NT],
            c: 1.0,
        }
    }

    fn transitions(t: &[f64; NT]) -> Transitions {
        let mut tr = Transitions {
            start: [0.0; LABELS],
            trans: [[0.0; LABELS]; LABELS],
        };
        for b in 0..LABELS {
            tr.start[b] = t[b] as f32;
            for a in 0..LABELS {
                tr.trans[a][b] = t[LABELS + a * LABELS + b] as f32;
            }
        }
        tr
    }

    fn emissions(
        &self,
        toks: Range<usize>,
        local: &Buf,
        p2: Option<&Buf>,
        drop: &[bool],
        out: &mut Vec<Scores>,
    ) {
        out.clear();
        for (i, t) in toks.enumerate() {
            let mut acc = [0f64; LABELS];
            let extra: &[u32] = p2.map(|b| b.get(t)).unwrap_or(&[]);
            for &f in local.feats(t, drop[i]).iter().chain(extra) {
                let row = &self.w[f as usize * LABELS..f as usize * LABELS + LABELS];
                for l in 0..LABELS {
                    acc[l] += row[l];
                }
            }
            out.push(acc.map(|v| v as f32));
        }
    }

    fn bump(&mut self, i: usize, d: f64) {
        self.w[i] += d;
        self.u[i] += self.c * d;
    }

    fn bump_t(&mut self, i: usize, d: f64) {
        self.tw[i] += d;
        self.tu[i] += self.c * d;
    }

    /// One perceptron step on one sentence.
    #[allow(clippy::too_many_arguments)]
    fn learn(
        &mut self,
        toks: Range<usize>,
        gold: &[u8],
        local: &Buf,
        p2: Option<&Buf>,
        drop: &[bool],
        emis: &mut Vec<Scores>,
        back: &mut Vec<[u8; LABELS]>,
        pred: &mut Vec<u8>,
    ) {
        self.emissions(toks.clone(), local, p2, drop, emis);
        let tr = Self::transitions(&self.tw);
        decode::viterbi(emis, &tr, back, pred);
        if pred.as_slice() != gold {
            for (i, t) in toks.enumerate() {
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                if g != p {
                    let extra: &[u32] = p2.map(|b| b.get(t)).unwrap_or(&[]);
                    for &f in local.feats(t, drop[i]).iter().chain(extra) {
                        self.bump(f as usize * LABELS + g, 1.0);
                        self.bump(f as usize * LABELS + p, -1.0);
                    }
                }
                let (gi, pi) = if i == 0 {
                    (g, p)
                } else {
                    (
                        LABELS + gold[i - 1] as usize * LABELS + g,
                        LABELS + pred[i - 1] as usize * LABELS + p,
                    )
                };
                if gi != pi {
                    self.bump_t(gi, 1.0);
                    self.bump_t(pi, -1.0);
                }
            }
        }
        self.c += 1.0;
    }

    fn averaged(&self, i: usize) -> f64 {
        self.w[i] - self.u[i] / self.c
    }

    fn averaged_t(&self, i: usize) -> f64 {
        self.tw[i] - self.tu[i] / self.c
    }
}

/// The mean of the averaged weights of `models`, quantised, as model-file bytes.
fn export(models: &[Perceptron], keys: &[u32], flags: u8, fmask: u32) -> Vec<u8> {
    let k = models.len().max(1) as f64;
    let mean = |i: usize| models.iter().map(|m| m.averaged(i)).sum::<f64>() / k;
    let n = keys.len();
    let mut max = 0f64;
    for i in 0..n * LABELS {
        max = max.max(mean(i).abs());
    }
    let wide = flags & FLAG_I16 != 0;
    let top = if wide { 32767.0 } else { 127.0 };
    let scale = if max > 0.0 { max / top } else { 1.0 };
    let mut kept_keys = Vec::new();
    let mut weights = Vec::new();
    for (r, &key) in keys.iter().enumerate() {
        let row: [i16; LABELS] =
            std::array::from_fn(|l| (mean(r * LABELS + l) / scale).round().clamp(-top, top) as i16);
        if row.iter().any(|&v| v != 0) {
            kept_keys.push(key);
            weights.extend_from_slice(&row);
        }
    }
    let mut t = [0f64; NT];
    for (i, v) in t.iter_mut().enumerate() {
        *v = models.iter().map(|m| m.averaged_t(i)).sum::<f64>() / k;
    }
    let tr = Perceptron::transitions(&t);
    encode(&ModelParts {
        keys: &kept_keys,
        weights: &weights,
        scale: scale as f32,
        temp: 1.0,
        tr: &tr,
        flags,
        fmask,
    })
}

/// Word views of documents, as [`Tagger::tag`] takes them.
pub fn views(docs: &[Doc]) -> Vec<Vec<Vec<&str>>> {
    docs.iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect()
}

struct Data {
    /// Token range and document of each sentence.
    sents: Vec<(Range<usize>, usize)>,
    labels: Vec<u8>,
    local: Buf,
    p2: Buf,
}

/// Runs the perceptron for `epochs` over `inst` (sentence index, with consistency features),
/// calling `each(epoch, model bytes)` after every epoch; returns the bytes `each` scored
/// highest.
#[allow(clippy::too_many_arguments)]
fn run_epochs(
    data: &Data,
    n_feat: usize,
    keys: &[u32],
    inst: &[(usize, bool)],
    epochs: usize,
    flags: u8,
    fmask: u32,
    rng: &mut Xorshift,
    n_models: usize,
    dropout: f64,
    each: &mut dyn FnMut(usize, &[u8]) -> f64,
) -> (Vec<u8>, usize, f64) {
    let mut drop = Vec::new();
    let mut models: Vec<Perceptron> = (0..n_models.max(1))
        .map(|_| Perceptron::new(n_feat))
        .collect();
    let mut order = inst.to_vec();
    let (mut emis, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    let mut best: (Vec<u8>, usize, f64) = (Vec::new(), 0, f64::NEG_INFINITY);
    for epoch in 1..=epochs {
        for m in models.iter_mut() {
            rng.shuffle(&mut order);
            for &(s, with_p2) in &order {
                let (toks, _) = &data.sents[s];
                let p2 = with_p2.then_some(&data.p2);
                drop.clear();
                for _ in toks.clone() {
                    drop.push(
                        dropout > 0.0 && (rng.next() >> 11) as f64 / (1u64 << 53) as f64 <= dropout,
                    );
                }
                m.learn(
                    toks.clone(),
                    &data.labels[toks.clone()],
                    &data.local,
                    p2,
                    &drop,
                    &mut emis,
                    &mut back,
                    &mut pred,
                );
            }
        }
        let bytes = export(&models, keys, flags, fmask);
        let sc = each(epoch, &bytes);
        if sc > best.2 {
            best = (bytes, epoch, sc);
        }
    }
    best
}

/// Trains a model on `train`. `dev_score(epoch, model bytes)` scores each epoch's model (the
/// caller evaluates it on the development set) and the best one is returned with its epoch.
/// `log` receives progress lines.
pub fn train(
    train: &[Doc],
    opts: &Options,
    dev_score: &mut dyn FnMut(usize, &[u8]) -> f64,
    log: &mut dyn FnMut(String),
) -> (Vec<u8>, usize) {
    let words = views(train);
    let mut rng = Xorshift(opts.seed.max(1).wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    // Local keys of every token.
    let mut key_buf = Buf::new();
    let mut infos = Vec::new();
    visit_local(&words, opts.gaz, opts.fmask, &mut infos, |_, keys| {
        key_buf.push(keys)
    });
    let mut sents = Vec::new();
    let mut labels = Vec::new();
    let mut doc_tok = Vec::new();
    for (d, doc) in train.iter().enumerate() {
        let start = labels.len();
        for s in doc {
            let t0 = labels.len();
            labels.extend_from_slice(&s.labels);
            sents.push((t0..labels.len(), d));
        }
        doc_tok.push(start..labels.len());
    }
    let n_tok = labels.len();
    log(format!(
        "{} documents, {} sentences, {} tokens",
        train.len(),
        sents.len(),
        n_tok
    ));

    let gaz_flag = if opts.gaz { FLAG_GAZ } else { 0 } | if opts.wide { FLAG_I16 } else { 0 };
    // Feature index over the local keys first (the fold models need it), extended below.
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for &k in &key_buf.ids {
        *counts.entry(k).or_insert(0) += 1;
    }
    let index_of = |counts: &FxHashMap<u32, u32>| {
        let mut keys: Vec<u32> = counts
            .iter()
            .filter(|&(_, &c)| c >= opts.min_count)
            .map(|(&k, _)| k)
            .collect();
        keys.sort_unstable();
        let idx: FxHashMap<u32, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        (keys, idx)
    };
    // Keys to feature ids. For local keys, the word-identity keys (positions 1 and 2 of
    // `features::local_keys`: word, lower-case form) go first and are counted for dropout.
    let to_ids = |b: &Buf, idx: &FxHashMap<u32, u32>, lexical: bool| {
        let mut out = Buf::new();
        let mut tmp = Vec::new();
        for t in 0..b.offs.len() - 1 {
            tmp.clear();
            let keys = b.get(t);
            let lex_pos: &[usize] = if lexical { &[1, 2] } else { &[] };
            for &p in lex_pos {
                if let Some(&id) = keys.get(p).and_then(|k| idx.get(k)) {
                    tmp.push(id);
                }
            }
            let n_lex = tmp.len() as u8;
            for (p, k) in keys.iter().enumerate() {
                if !lex_pos.contains(&p) {
                    if let Some(&id) = idx.get(k) {
                        tmp.push(id);
                    }
                }
            }
            out.push(&tmp);
            out.lex.push(n_lex);
        }
        out
    };

    let mut p2_keys = Buf::new();
    if opts.pass2 {
        let (keys, idx) = index_of(&counts);
        let data = Data {
            sents: sents.clone(),
            labels: labels.clone(),
            local: to_ids(&key_buf, &idx, true),
            p2: Buf::new(),
        };
        let mut per_tok: Vec<Vec<u32>> = vec![Vec::new(); n_tok];
        let folds = opts.folds.max(2);
        for k in 0..folds {
            let inst: Vec<(usize, bool)> = sents
                .iter()
                .enumerate()
                .filter(|(_, (_, d))| d % folds != k)
                .map(|(i, _)| (i, false))
                .collect();
            let (bytes, _, _) = run_epochs(
                &data,
                keys.len(),
                &keys,
                &inst,
                opts.fold_epochs,
                gaz_flag,
                opts.fmask,
                &mut rng,
                1,
                0.0,
                &mut |_, _| 0.0,
            );
            let tagger = Tagger::from_bytes(&bytes).unwrap_or_else(|_| Tagger::empty());
            let fold_docs: Vec<usize> = (0..train.len()).filter(|d| d % folds == k).collect();
            let fold_words: Vec<Vec<Vec<&str>>> =
                fold_docs.iter().map(|&d| words[d].clone()).collect();
            let run = tagger.run(&fold_words, false);
            let fold_tok: Vec<usize> = fold_docs.iter().flat_map(|&d| doc_tok[d].clone()).collect();
            let fold_infos: Vec<_> = fold_tok.iter().map(|&t| infos[t]).collect();
            let gold: Vec<u8> = fold_tok.iter().map(|&t| labels[t]).collect();
            let right = run.labels.iter().zip(&gold).filter(|(a, b)| a == b).count();
            log(format!(
                "fold {}/{}: {} training sentences, first-pass token accuracy on the fold {:.2}%",
                k + 1,
                folds,
                inst.len(),
                100.0 * right as f64 / gold.len().max(1) as f64
            ));
            visit_pass2(
                &fold_words,
                &fold_infos,
                &run.labels,
                opts.fmask,
                |t, keys| per_tok[fold_tok[t]] = keys.to_vec(),
            );
        }
        for keys in &per_tok {
            p2_keys.push(keys);
            for &k in keys {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
    } else {
        for _ in 0..n_tok {
            p2_keys.push(&[]);
        }
    }

    let (keys, idx) = index_of(&counts);
    log(format!(
        "{} distinct features, {} kept (seen at least {} times)",
        counts.len(),
        keys.len(),
        opts.min_count
    ));
    let data = Data {
        sents: sents.clone(),
        labels,
        local: to_ids(&key_buf, &idx, true),
        p2: to_ids(&p2_keys, &idx, false),
    };
    drop(key_buf);
    let mut inst: Vec<(usize, bool)> = Vec::new();
    for i in 0..sents.len() {
        if !opts.pass2 || opts.mixed {
            inst.push((i, false));
        }
        if opts.pass2 {
            inst.push((i, true));
        }
    }
    let flags = gaz_flag | if opts.pass2 { FLAG_PASS2 } else { 0 };
    let (bytes, epoch, sc) = run_epochs(
        &data,
        keys.len(),
        &keys,
        &inst,
        opts.epochs,
        flags,
        opts.fmask,
        &mut rng,
        opts.models,
        opts.dropout,
        dev_score,
    );
    log(format!("best epoch {epoch}: {sc:.4}"));
    (bytes, epoch)
}

/// Fits the confidence temperature on labelled documents: the value (on a fixed grid) that
/// maximises the likelihood of the gold labels under the token marginals.
pub fn calibrate(tagger: &Tagger, docs: &[Doc]) -> f32 {
    let words = views(docs);
    let run = tagger.run(&words, true);
    let gold: Vec<u8> = docs
        .iter()
        .flatten()
        .flat_map(|s| s.labels.iter().copied())
        .collect();
    let (mut alpha, mut beta, mut marg) = (Vec::new(), Vec::new(), Vec::new());
    let mut best = (1.0f32, f64::NEG_INFINITY);
    for step in 1..=60 {
        let temp = step as f32 * 0.05;
        let mut ll = 0f64;
        let mut t0 = 0;
        for s in docs.iter().flatten() {
            let n = s.words.len();
            decode::marginals(
                &run.emis[t0..t0 + n],
                &tagger.tr,
                temp,
                &mut alpha,
                &mut beta,
                &mut marg,
            );
            for (i, row) in marg.iter().enumerate() {
                ll += (row[gold[t0 + i] as usize] as f64).max(1e-6).ln();
            }
            t0 += n;
        }
        if ll > best.1 {
            best = (temp, ll);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(s: &str, labels: &[u8]) -> Sentence {
        Sentence {
            words: s.split(' ').map(String::from).collect(),
            labels: labels.to_vec(),
        }
    }

    fn toy() -> Vec<Doc> {
        let mut docs = Vec::new();
        for (a, b) in [
            ("John", "Paris"),
            ("Mary", "London"),
            ("Peter", "Berlin"),
            ("Anna", "Rome"),
        ] {
            docs.push(vec![
                sent(&format!("{a} Smith went to {b} ."), &[1, 5, 0, 0, 2, 0]),
                sent(
                    &format!("In {b} , {a} met Acme Corp ."),
                    &[0, 2, 0, 1, 0, 3, 7, 0],
                ),
            ]);
        }
        docs
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        let docs = toy();
        let opts = Options {
            epochs: 5,
            min_count: 1,
            folds: 2,
            fold_epochs: 3,
            ..Options::default()
        };
        let mut scores = Vec::new();
        let (a, _) = train(
            &docs,
            &opts,
            &mut |e, _| {
                scores.push(e);
                e as f64
            },
            &mut |_| {},
        );
        assert_eq!(scores, vec![1, 2, 3, 4, 5]);
        let (b, _) = train(&docs, &opts, &mut |e, _| e as f64, &mut |_| {});
        assert_eq!(a, b, "same data and options must give the same bytes");
        let t = Tagger::from_bytes(&a).unwrap();
        let out = t.tag(&[vec![vec!["Mary", "Smith", "went", "to", "Rome", "."]]]);
        let got: Vec<(usize, usize, super::super::Kind)> =
            out[0][0].iter().map(|x| (x.start, x.end, x.kind)).collect();
        assert_eq!(
            got,
            vec![
                (0, 2, super::super::Kind::Per),
                (4, 5, super::super::Kind::Loc)
            ]
        );
    }

    #[test]
    fn shuffle_is_a_fixed_permutation() {
        let mut r = Xorshift(7);
        let mut v: Vec<u32> = (0..10).collect();
        r.shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        let mut r2 = Xorshift(7);
        let mut w: Vec<u32> = (0..10).collect();
        r2.shuffle(&mut w);
        assert_eq!(v, w);
    }
}
