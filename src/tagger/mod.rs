//! Named-entity tagger: finds person (PER), place (LOC), organisation (ORG) and other-name
//! (MISC) spans in tokenised sentences.
//!
//! # Approach
//! A first-order sequence model over BIO labels (9 labels), trained on CoNLL-2003 English as
//! an averaged structured perceptron (see [`train`]) and decoded with Viterbi under hard BIO
//! constraints ([`decode`]). Token scores are sums of hashed sparse features ([`features`]):
//! word, lower-case form, 1–5 char prefixes and suffixes, word shape, the two neighbours on
//! either side with their shapes, position, all-caps headlines, the gazetteer classes of the
//! token and its neighbours ([`crate::gazetteer::token_features`]), how the same word is cased
//! elsewhere in its document, and the neighbouring words of the word's other occurrences in
//! the document (so `Batista` in "dictator Batista" lends its context to a bare `Batista`).
//! The template set in use is recorded in the model file ([`features::fset`]).
//!
//! Tagging runs two passes over all documents of one analysis at once. The second pass adds
//! consistency features: the types (and span positions: single, first, inner, last) the first
//! pass gave to the other occurrences of the same capitalised word in the same document, and in
//! the other documents. A name tagged confidently once thus pulls its other mentions (a bare
//! surname, a headline in capitals) towards the same type. Both passes use the same weights
//! (the model was trained on sentences both with and without those features).
//!
//! Measured on CoNLL-2003 (exact-match entity F1, PER+LOC+ORG, `eval-conll`): development set
//! 94.1 on gold tokens; the test-set figures and the commands are in `src/bin/eval-conll.rs`
//! and the training log of `src/bin/train-tagger.rs`.
//!
//! # Model file
//! `data/tagger/model.bin`, made by `src/bin/train-tagger.rs` (the command is in that file's
//! docs; about 35 s, byte-identical on every run). Retrain whenever the feature code or the
//! gazetteer data change: tagging must compute exactly the features training saw.
//! Little-endian: magic `CRTAG`, version, flags, label count, feature-template mask, weight
//! scale, confidence temperature, start and transition scores (f32), the feature count, the
//! feature keys sorted and delta-coded as LEB128 varints, then the weights as i8 label by label
//! (column-major, which compresses better), and an FNV-1a checksum of everything before it.
//! Features whose weights all quantise to zero are not stored. [`Tagger::from_bytes`] checks
//! every length and the checksum and returns an error instead of panicking.
//!
//! # Score
//! [`Tagged::score`] is the lowest, over the span's tokens, of the marginal probability of the
//! token's label under `p(labels) ∝ exp(T · score(labels))` (forward-backward over the same
//! lattice Viterbi used). `T` is fitted on the CoNLL development set at training time
//! (maximum likelihood of the gold labels), so the score is roughly calibrated: about 0.9 means
//! about 9 in 10 such labels are right.
//!
//! # Cost
//! Per token: about 50 hash-table probes, a 9×9 Viterbi step per pass and one forward-backward
//! step; no allocation per token (buffers are reused; hash maps are per document). About
//! 0.5 million tokens per second natively (`eval-conll` prints the figure).
//!
//! Memory, per token of the whole analysis while [`Tagger::tag`] runs: its text (16 bytes, the
//! caller's), its word keys (24), its first-pass weight sums (18: `i16` per label, which is
//! exact, see `Sums`) and its first-pass label (1). Scores, second-pass sums, marginals and
//! spans are made one sentence at a time; a table of `f32` scores for every token (36 bytes)
//! was the largest part of the entity stage's peak before.

// Label loops index several arrays by the same label number; iterators would hide that.
#![allow(clippy::needless_range_loop)]

pub mod conll;
pub mod decode;
pub mod features;
pub mod train;

use std::sync::OnceLock;

use decode::{Scores, Transitions};
use features::LABELS;

/// Entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person.
    Per,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// An organisation: company, party, team, agency, alliance.
    Org,
    /// Any other name: nationalities, events, works, products.
    Misc,
}

impl Kind {
    /// From a label type (1..=4, see [`features::label_type`]).
    pub fn from_type(t: u8) -> Option<Kind> {
        match t {
            1 => Some(Kind::Per),
            2 => Some(Kind::Loc),
            3 => Some(Kind::Org),
            4 => Some(Kind::Misc),
            _ => None,
        }
    }

    /// The CoNLL name: `PER`, `LOC`, `ORG`, `MISC`.
    pub fn conll(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
            Kind::Misc => "MISC",
        }
    }
}

/// One entity span in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged {
    /// First token (index within the sentence).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type.
    pub kind: Kind,
    /// Confidence in 0..=1: see the module docs ("Score").
    pub score: f32,
}

/// Model flag: trained with gazetteer features.
pub const FLAG_GAZ: u8 = 1;
/// Model flag: has consistency (second-pass) features.
pub const FLAG_PASS2: u8 = 2;
/// Model flag: weights are stored as i16 instead of i8.
pub const FLAG_I16: u8 = 4;

const MAGIC: &[u8; 5] = b"CRTAG";
const VERSION: u8 = 1;

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// The features' weights by key.
    table: Table,
    scale: f32,
    temp: f32,
    tr: Transitions,
    flags: u8,
    fmask: u32,
    n_rows: usize,
}

/// One slot of the open-addressing table of an i8 model: a feature key (0 = empty) and its
/// weights, 16 bytes, so a lookup reads the key and the weights from one cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    w: [i8; LABELS],
}

/// Feature key → weights: an open-addressing table with linear probing, its size a power of
/// two.
///
/// Keys and weights apart (`[key, row]` slots and an `i16` row table, 3.4 MB for the committed
/// model) cost two cache misses a found key, one of the tagger's largest costs; an i8 model's
/// weights fit in the slot beside the key (2 MB for the committed model at a load of at most
/// 2/3).
#[derive(Clone, Debug)]
enum Table {
    /// An i8 model: the weights in the slots.
    Narrow(Vec<Slot>),
    /// An i16 model ([`FLAG_I16`]): `[key, row]` slots (load at most 1/2) and the weights,
    /// row-major, `rows × LABELS`.
    Wide(Vec<[u32; 2]>, Vec<i16>),
}

/// The slot of `key` in an open-addressing table (`key_of` reads a slot's key; 0 = empty).
#[inline]
fn probe<T>(slots: &[T], key: u32, key_of: impl Fn(&T) -> u32) -> Option<&T> {
    let mask = slots.len() - 1;
    let mut s = key as usize & mask;
    loop {
        let slot = &slots[s];
        let k = key_of(slot);
        if k == key {
            return Some(slot);
        }
        if k == 0 {
            return None;
        }
        s = (s + 1) & mask;
    }
}

/// Puts `key` into its slot of `slots` (its length a power of two, with an empty slot left).
fn insert<T>(slots: &mut [T], key: u32, slot: T, key_of: impl Fn(&T) -> u32) {
    let mask = slots.len() - 1;
    let mut s = key as usize & mask;
    while key_of(&slots[s]) != 0 {
        s = (s + 1) & mask;
    }
    slots[s] = slot;
}

/// The parts of a model, for writing one (see [`train`]).
pub struct ModelParts<'a> {
    /// Feature keys, strictly ascending.
    pub keys: &'a [u32],
    /// Weights, row-major, `keys.len() × LABELS` (i8 range unless `flags` has [`FLAG_I16`]).
    pub weights: &'a [i16],
    /// Weight of one i8 step.
    pub scale: f32,
    /// Confidence temperature.
    pub temp: f32,
    /// Start and transition scores.
    pub tr: &'a Transitions,
    /// [`FLAG_GAZ`], [`FLAG_PASS2`], [`FLAG_I16`].
    pub flags: u8,
    /// Feature templates used ([`features::fset`]).
    pub fmask: u32,
}

fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Serialises a model (the format is in the module docs).
pub fn encode(m: &ModelParts) -> Vec<u8> {
    let mut out = Vec::with_capacity(m.weights.len() + m.keys.len() * 3 + 512);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(m.flags);
    out.push(LABELS as u8);
    out.extend_from_slice(&m.fmask.to_le_bytes());
    out.extend_from_slice(&m.scale.to_le_bytes());
    out.extend_from_slice(&m.temp.to_le_bytes());
    for v in m.tr.start {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for row in &m.tr.trans {
        for v in row {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out.extend_from_slice(&(m.keys.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for &k in m.keys {
        let mut d = k.wrapping_sub(prev);
        prev = k;
        loop {
            let b = (d & 0x7F) as u8;
            d >>= 7;
            if d == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
    }
    for l in 0..LABELS {
        for r in 0..m.keys.len() {
            let w = m.weights[r * LABELS + l];
            if m.flags & FLAG_I16 != 0 {
                out.extend_from_slice(&w.to_le_bytes());
            } else {
                out.push(w.clamp(-128, 127) as i8 as u8);
            }
        }
    }
    let sum = fnv1a(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The same model bytes with another confidence temperature (and a fixed checksum).
pub fn set_temperature(bytes: &[u8], temp: f32) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if out.len() >= 24 {
        out[16..20].copy_from_slice(&temp.to_le_bytes());
        let n = out.len() - 4;
        let sum = fnv1a(&out[..n]);
        out[n..].copy_from_slice(&sum.to_le_bytes());
    }
    out
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.pos.checked_add(n).ok_or("length overflow")?;
        let s = self.b.get(self.pos..end).ok_or("model file truncated")?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        let v = f32::from_bits(self.u32()?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err("non-finite number in model file".into())
        }
    }
    fn varint(&mut self) -> Result<u32, String> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| "varint out of range".to_string());
            }
        }
        Err("varint too long".into())
    }
}

impl Tagger {
    /// The committed model (`data/tagger/model.bin`), parsed once.
    ///
    /// # Panics
    /// Never in practice: the committed file is checked by the tests; should it ever be corrupt,
    /// this returns an empty tagger that finds nothing rather than panicking.
    pub fn builtin() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            Tagger::from_bytes(include_bytes!("../../data/tagger/model.bin"))
                .unwrap_or_else(|_| Tagger::empty())
        })
    }

    /// A tagger with no features: tags nothing.
    pub fn empty() -> Tagger {
        Tagger {
            table: Table::Narrow(vec![Slot::default(); 1]),
            scale: 1.0,
            temp: 1.0,
            tr: Transitions {
                start: [0.0; LABELS],
                trans: [[0.0; LABELS]; LABELS],
            },
            flags: 0,
            fmask: 0,
            n_rows: 0,
        }
    }

    /// Parses a model file; any inconsistency is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        if bytes.len() < 4 + MAGIC.len() {
            return Err("model file too short".into());
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if fnv1a(body) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
            return Err("model file checksum mismatch".into());
        }
        let mut r = Reader { b: body, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a tagger model (bad magic)".into());
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(format!("unsupported model version {version}"));
        }
        let flags = r.u8()?;
        if r.u8()? as usize != LABELS {
            return Err("model has a different label set".into());
        }
        let fmask = r.u32()?;
        if fmask & !features::fset::ALL != 0 {
            return Err("model uses unknown feature templates".into());
        }
        let scale = r.f32()?;
        let temp = r.f32()?;
        let mut tr = Transitions {
            start: [0.0; LABELS],
            trans: [[0.0; LABELS]; LABELS],
        };
        for v in tr.start.iter_mut() {
            *v = r.f32()?;
        }
        for row in tr.trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        // Each key takes at least one byte and each row LABELS bytes.
        if n > body.len() / (LABELS + 1) {
            return Err("feature count larger than the file".into());
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let d = r.varint()?;
            let k = prev.checked_add(d).ok_or("key overflow")?;
            if k == 0 || (i > 0 && d == 0) {
                return Err("feature keys not strictly ascending".into());
            }
            keys.push(k);
            prev = k;
        }
        let wide = flags & FLAG_I16 != 0;
        let mut weights = vec![0i16; n * LABELS];
        for l in 0..LABELS {
            let col = r.take(if wide { 2 * n } else { n })?;
            for row in 0..n {
                weights[row * LABELS + l] = if wide {
                    i16::from_le_bytes([col[2 * row], col[2 * row + 1]])
                } else {
                    col[row] as i8 as i16
                };
            }
        }
        if r.pos != body.len() {
            return Err("trailing bytes in model file".into());
        }
        let table = if wide {
            let mut slots = vec![[0u32; 2]; (n * 2).next_power_of_two().max(2)];
            for (row, &key) in keys.iter().enumerate() {
                insert(&mut slots, key, [key, row as u32], |s| s[0]);
            }
            Table::Wide(slots, weights)
        } else {
            let mut slots = vec![Slot::default(); (n + n / 2 + 1).next_power_of_two()];
            for (row, &key) in keys.iter().enumerate() {
                let mut w = [0i8; LABELS];
                for l in 0..LABELS {
                    // Read from one byte each above: in i8 range.
                    w[l] = weights[row * LABELS + l] as i8;
                }
                insert(&mut slots, key, Slot { key, w }, |s| s.key);
            }
            Table::Narrow(slots)
        };
        Ok(Tagger {
            table,
            scale,
            temp,
            tr,
            flags,
            fmask,
            n_rows: n,
        })
    }

    /// Number of stored features.
    pub fn features(&self) -> usize {
        self.n_rows
    }

    /// Model flags ([`FLAG_GAZ`], [`FLAG_PASS2`]).
    pub fn flags(&self) -> u8 {
        self.flags
    }

    /// The confidence temperature.
    pub fn temperature(&self) -> f32 {
        self.temp
    }

    /// The weights of feature `key`, if the model has it.
    #[cfg(test)]
    fn weights_of(&self, key: u32) -> Option<[i16; LABELS]> {
        match &self.table {
            Table::Narrow(slots) => probe(slots, key, |s| s.key).map(|s| s.w.map(i16::from)),
            Table::Wide(slots, weights) => probe(slots, key, |s| s[0]).map(|s| {
                let r = s[1] as usize;
                std::array::from_fn(|l| weights[r * LABELS + l])
            }),
        }
    }

    /// Adds the weights of `keys` to `acc`.
    #[inline]
    fn add_keys(&self, keys: &[u32], acc: &mut [i32; LABELS]) {
        match &self.table {
            Table::Narrow(slots) => {
                for &k in keys {
                    if let Some(s) = probe(slots, k, |s| s.key) {
                        for l in 0..LABELS {
                            acc[l] += s.w[l] as i32;
                        }
                    }
                }
            }
            Table::Wide(slots, weights) => {
                for &k in keys {
                    if let Some(s) = probe(slots, k, |s| s[0]) {
                        let r = s[1] as usize;
                        let w = &weights[r * LABELS..r * LABELS + LABELS];
                        for l in 0..LABELS {
                            acc[l] += w[l] as i32;
                        }
                    }
                }
            }
        }
    }

    /// Tags every sentence of every document. `docs[d][s][t]` is the text of token `t` of
    /// sentence `s` of document `d`; pass all documents of one analysis together so names
    /// keep their type across them.
    pub fn tag(&self, docs: &[Vec<Vec<&str>>]) -> Vec<Vec<Vec<Tagged>>> {
        let mut out: Vec<Vec<Vec<Tagged>>> =
            docs.iter().map(|d| Vec::with_capacity(d.len())).collect();
        self.each_sentence(docs, true, |d, _, labels, conf| {
            let spans = decode::spans(labels)
                .into_iter()
                .filter_map(|(s, e, ty)| {
                    let kind = Kind::from_type(ty)?;
                    let score = conf[s..e].iter().copied().fold(1.0f32, f32::min);
                    Some(Tagged {
                        start: s,
                        end: e,
                        kind,
                        score,
                    })
                })
                .collect();
            out[d].push(spans);
        });
        out
    }

    /// Labels (flat over all tokens of all documents) and, when `second` is set and the model
    /// has consistency features, after the second pass. `conf` holds each token's label
    /// marginal.
    pub fn run(&self, docs: &[Vec<Vec<&str>>], second: bool) -> RunOut {
        let n = docs.iter().flatten().map(Vec::len).sum();
        let mut out = RunOut {
            labels: Vec::with_capacity(n),
            conf: Vec::with_capacity(n),
            emis: Vec::with_capacity(n),
        };
        self.each_sentence(docs, second, |_, emis, labels, conf| {
            out.emis.extend_from_slice(emis);
            out.labels.extend_from_slice(labels);
            out.conf.extend_from_slice(conf);
        });
        out
    }

    /// The two passes of [`Tagger::run`], calling `each(doc, scores, labels, conf)` with the
    /// final per-label scores, labels and label marginals of every sentence in order.
    ///
    /// Between the passes only each token's first-pass weight sums are kept (`Sums`, two
    /// bytes a label); the second pass's sums are held for one sentence at a time. A
    /// sentence's `f32` scores are rebuilt from them when it is decoded, with the same
    /// arithmetic as summing into one score table (`sum as f32 * scale`, then the second
    /// pass's `+= sum as f32 * scale`), so the labels and marginals are the same bits. A score
    /// table for the whole analysis cost 36 bytes a token.
    fn each_sentence(
        &self,
        docs: &[Vec<Vec<&str>>],
        second: bool,
        mut each: impl FnMut(usize, &[Scores], &[u8], &[f32]),
    ) {
        let gaz = self.flags & FLAG_GAZ != 0;
        let n_tok = docs.iter().flatten().map(Vec::len).sum();
        let mut infos = Vec::new();
        let mut sums = Sums::with_capacity(n_tok);
        visit_local(docs, gaz, self.fmask, &mut infos, |_, keys| {
            let mut acc = [0i32; LABELS];
            self.add_keys(keys, &mut acc);
            sums.push(acc);
        });
        let scale = self.scale;
        // One sentence's scores, rebuilt from the sums.
        let mut emis: Vec<Scores> = Vec::new();
        let fill = |emis: &mut Vec<Scores>, t0: usize, n: usize| {
            emis.clear();
            emis.extend((t0..t0 + n).map(|t| sums.get(t).map(|v| v as f32 * scale)));
        };
        let mut labels = Vec::with_capacity(n_tok);
        let mut back = Vec::new();
        let mut buf = Vec::new();
        let mut t0 = 0;
        for sent in docs.iter().flatten() {
            fill(&mut emis, t0, sent.len());
            decode::viterbi(&emis, &self.tr, &mut back, &mut buf);
            labels.extend_from_slice(&buf);
            t0 += sent.len();
        }
        let pass2 = second && self.flags & FLAG_PASS2 != 0;
        // Finishes one sentence (document `d`, tokens `t0..t0 + n`) given the second-pass
        // sums of its tokens that have consistency keys (`extra`, in token order).
        let mut conf = Vec::new();
        let (mut alpha, mut beta, mut marg) = (Vec::new(), Vec::new(), Vec::new());
        let mut finish = |d: usize, t0: usize, n: usize, extra: &[(usize, [i32; LABELS])]| {
            fill(&mut emis, t0, n);
            for &(t, acc) in extra {
                for l in 0..LABELS {
                    emis[t - t0][l] += acc[l] as f32 * scale;
                }
            }
            let labels = if pass2 {
                decode::viterbi(&emis, &self.tr, &mut back, &mut buf);
                &buf[..]
            } else {
                &labels[t0..t0 + n]
            };
            decode::marginals(&emis, &self.tr, self.temp, &mut alpha, &mut beta, &mut marg);
            conf.clear();
            conf.extend(marg.iter().zip(labels).map(|(row, &l)| row[l as usize]));
            each(d, &emis, labels, &conf);
        };
        // The sentences in order, (document, length); the second pass's keys come in token
        // order, so each sentence is finished as soon as the keys pass its end, and only its
        // own sums are held.
        let mut sents = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| doc.iter().map(move |s| (d, s.len())));
        let mut cur = sents.next();
        let mut t0 = 0;
        let mut extra: Vec<(usize, [i32; LABELS])> = Vec::new();
        if pass2 {
            visit_pass2(docs, &infos, &labels, self.fmask, |t, keys| {
                while let Some((d, n)) = cur.filter(|&(_, n)| t >= t0 + n) {
                    finish(d, t0, n, &extra);
                    extra.clear();
                    t0 += n;
                    cur = sents.next();
                }
                let mut acc = [0i32; LABELS];
                self.add_keys(keys, &mut acc);
                extra.push((t, acc));
            });
        }
        drop(infos);
        while let Some((d, n)) = cur {
            finish(d, t0, n, &extra);
            extra.clear();
            t0 += n;
            cur = sents.next();
        }
    }
}

/// Each token's first-pass weight sums, flat over all tokens: `i16` per label where the sum
/// fits (always with an i8 model and fewer than 256 keys a token), the rare wider sum kept
/// apart, so nothing is rounded.
struct Sums {
    narrow: Vec<[i16; LABELS]>,
    /// (token, sums) of the tokens whose sums do not fit in `narrow`, by token.
    wide: Vec<(usize, [i32; LABELS])>,
}

impl Sums {
    fn with_capacity(n: usize) -> Sums {
        Sums {
            narrow: Vec::with_capacity(n),
            wide: Vec::new(),
        }
    }

    /// Appends the next token's sums.
    fn push(&mut self, acc: [i32; LABELS]) {
        let mut row = [0i16; LABELS];
        for l in 0..LABELS {
            match i16::try_from(acc[l]) {
                Ok(v) => row[l] = v,
                Err(_) => {
                    self.wide.push((self.narrow.len(), acc));
                    row = [0; LABELS];
                    break;
                }
            }
        }
        self.narrow.push(row);
    }

    /// The sums of token `t`.
    fn get(&self, t: usize) -> [i32; LABELS] {
        if !self.wide.is_empty() {
            if let Ok(k) = self.wide.binary_search_by_key(&t, |w| w.0) {
                return self.wide[k].1;
            }
        }
        self.narrow[t].map(i32::from)
    }
}

/// What [`Tagger::run`] returns, flat over all tokens of all documents in order.
pub struct RunOut {
    /// Label per token.
    pub labels: Vec<u8>,
    /// Marginal probability of that label.
    pub conf: Vec<f32>,
    /// Final per-label scores.
    pub emis: Vec<Scores>,
}

/// Gazetteer bitmasks for the tokens of one sentence ([`crate::gazetteer::token_features`]).
fn gazetteer_bits(words: &[&str], out: &mut Vec<u32>) {
    out.clear();
    out.extend(crate::gazetteer::token_features(words));
    out.resize(words.len(), 0);
}

/// Computes the [`features::TokKey`] of every token (into `infos`, flat; the whole
/// [`features::TokInfo`] is computed one sentence at a time) and calls `f(token, keys)` with
/// the local keys of every token in order.
pub fn visit_local(
    docs: &[Vec<Vec<&str>>],
    gaz: bool,
    fmask: u32,
    infos: &mut Vec<features::TokKey>,
    mut f: impl FnMut(usize, &[u32]),
) {
    infos.clear();
    infos.reserve_exact(docs.iter().flatten().map(Vec::len).sum());
    for doc in docs {
        for sent in doc {
            infos.extend(sent.iter().map(|w| features::tok_info(w).key()));
        }
    }
    let mut sent_infos = Vec::new();
    let mut keys = Vec::with_capacity(64);
    let mut gbits = Vec::new();
    let mut caps = Vec::new();
    let xagg = (fmask & features::fset::XAGG != 0).then(|| features::cross_agg(docs, infos));
    let mut t0 = 0;
    for (d, doc) in docs.iter().enumerate() {
        caps.clear();
        caps.extend(doc.iter().map(|s| features::caps_sentence(s)));
        let n_doc: usize = doc.iter().map(Vec::len).sum();
        let dcx = features::doc_ctx(doc, &infos[t0..t0 + n_doc], &caps, fmask);
        let doc_t0 = t0;
        for (s, sent) in doc.iter().enumerate() {
            if gaz {
                gazetteer_bits(sent, &mut gbits);
            } else {
                gbits.clear();
            }
            sent_infos.clear();
            sent_infos.extend(sent.iter().map(|w| features::tok_info(w)));
            let cx = features::SentCtx {
                words: sent,
                toks: &sent_infos,
                xagg: xagg.as_ref().map(|x| (x, d as u32)),
                gaz: &gbits,
                caps: caps[s],
                doc: &dcx,
                t0: t0 - doc_t0,
                fmask,
            };
            for i in 0..sent.len() {
                keys.clear();
                features::local_keys(&cx, i, &mut keys);
                f(t0 + i, &keys);
            }
            t0 += sent.len();
        }
    }
}

/// Calls `f(token, keys)` with the consistency keys of every token that has some, given the
/// first-pass `labels` (flat, like `infos`).
pub fn visit_pass2(
    docs: &[Vec<Vec<&str>>],
    infos: &[features::TokKey],
    labels: &[u8],
    fmask: u32,
    mut f: impl FnMut(usize, &[u32]),
) {
    let mut per_doc = Vec::with_capacity(docs.len());
    let mut all = features::TypeCounts::default();
    let mut t0 = 0;
    for doc in docs {
        let n: usize = doc.iter().map(Vec::len).sum();
        let mut c = features::TypeCounts::default();
        features::count_types(&infos[t0..t0 + n], &labels[t0..t0 + n], &mut c);
        for (k, v) in &c {
            let e = all.entry(*k).or_insert([0; 5]);
            for i in 0..5 {
                e[i] = e[i].saturating_add(v[i]);
            }
        }
        per_doc.push((t0..t0 + n, c));
        t0 += n;
    }
    // Span positions, for fset::P2POS.
    let with_pos = fmask & features::fset::P2POS != 0;
    // One byte a token (`NO_CODE` for none), not an `Option<usize>`'s sixteen.
    const NO_CODE: u8 = u8::MAX;
    let mut codes: Vec<u8> = Vec::new();
    let mut pos_doc: Vec<features::PosCounts> = Vec::new();
    let mut pos_all = features::PosCounts::default();
    if with_pos {
        codes.reserve_exact(labels.len());
        let mut t0 = 0;
        for doc in docs {
            let mut c = features::PosCounts::default();
            for sent in doc {
                let ls = &labels[t0..t0 + sent.len()];
                for i in 0..sent.len() {
                    let code = features::pos_code(ls, i);
                    codes.push(code.map_or(NO_CODE, |k| k as u8));
                    let info = &infos[t0 + i];
                    if let Some(k) = code {
                        if info.flags & (features::CAP | features::ALLCAP) != 0 {
                            for m in [&mut c, &mut pos_all] {
                                let e = m.entry(info.lower).or_insert([0; 16]);
                                e[k] = e[k].saturating_add(1);
                            }
                        }
                    }
                }
                t0 += sent.len();
            }
            pos_doc.push(c);
        }
    }
    let mut keys = Vec::with_capacity(16);
    for (d, (range, c)) in per_doc.iter().enumerate() {
        for t in range.clone() {
            keys.clear();
            features::pass2_keys(&infos[t], labels[t], c, &all, &mut keys);
            if with_pos {
                let code = (codes[t] != NO_CODE).then_some(codes[t] as usize);
                features::pass2_pos_keys(&infos[t], code, &pos_doc[d], &pos_all, &mut keys);
            }
            if !keys.is_empty() {
                f(t, &keys);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    fn tag_one(t: &Tagger, s: &str) -> Vec<(String, Kind)> {
        let words = toks(s);
        let out = t.tag(&[vec![words.clone()]]);
        out[0][0]
            .iter()
            .map(|x| (words[x.start..x.end].join(" "), x.kind))
            .collect()
    }

    #[test]
    fn builtin_tags_a_news_sentence() {
        let t = Tagger::builtin();
        assert!(t.features() > 1000, "the committed model failed to load");
        let got = tag_one(
            t,
            "Armenian Prime Minister Nikol Pashinyan met Vladimir Putin in Moscow .",
        );
        let want = [
            ("Armenian".to_string(), Kind::Misc),
            ("Nikol Pashinyan".to_string(), Kind::Per),
            ("Vladimir Putin".to_string(), Kind::Per),
            ("Moscow".to_string(), Kind::Loc),
        ];
        assert_eq!(got, want);
        let scored = t.tag(&[vec![toks("Vladimir Putin arrived in Moscow .")]]);
        for x in &scored[0][0] {
            assert!(x.score > 0.0 && x.score <= 1.0, "{x:?}");
        }
    }

    #[test]
    fn builtin_table() {
        // (sentence, entities it must contain)
        let cases: &[(&str, &[(&str, Kind)])] = &[
            (
                "The European Commission said on Thursday it disagreed .",
                &[("European Commission", Kind::Org)],
            ),
            (
                "Germany beat France 2-1 in Paris on Sunday .",
                &[("Germany", Kind::Loc), ("Paris", Kind::Loc)],
            ),
            (
                "Shares of Microsoft Corp rose 3 percent .",
                &[("Microsoft Corp", Kind::Org)],
            ),
        ];
        let t = Tagger::builtin();
        for &(s, want) in cases {
            let got = tag_one(t, s);
            for (w, k) in want {
                assert!(got.iter().any(|(g, gk)| g == w && gk == k), "{s}: {got:?}");
            }
        }
    }

    #[test]
    fn empty_input_and_empty_sentences() {
        let t = Tagger::builtin();
        assert!(t.tag(&[]).is_empty());
        let out = t.tag(&[vec![], vec![vec![]]]);
        assert_eq!(out, vec![vec![], vec![vec![]]]);
    }

    #[test]
    fn from_bytes_rejects_garbage() {
        let good = include_bytes!("../../data/tagger/model.bin");
        let mut flipped = good.to_vec();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        let cases: Vec<Vec<u8>> = vec![
            vec![],
            b"CRTAG".to_vec(),
            vec![0xFF; 100],
            good[..good.len() / 2].to_vec(),
            flipped,
            [good.as_slice(), &[0]].concat(),
        ];
        for bytes in cases {
            assert!(Tagger::from_bytes(&bytes).is_err(), "{} bytes", bytes.len());
        }
        assert!(Tagger::from_bytes(good).is_ok());
    }

    #[test]
    fn from_bytes_never_panics_on_corrupt_bodies() {
        // Mutations with a recomputed checksum reach the parser itself.
        let good = include_bytes!("../../data/tagger/model.bin");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let reseal = |body: &[u8]| {
            let mut v = body.to_vec();
            v.extend_from_slice(&fnv1a(body).to_le_bytes());
            v
        };
        let body = &good[..good.len() - 4];
        for round in 0..60 {
            let mut b = body.to_vec();
            match round % 3 {
                0 => {
                    let i = (next() as usize) % b.len().min(4096);
                    b[i] = next() as u8;
                }
                1 => b.truncate((next() as usize) % b.len()),
                _ => {
                    let i = (next() as usize) % b.len();
                    b[i] ^= 1 << (next() % 8);
                }
            }
            if let Ok(t) = Tagger::from_bytes(&reseal(&b)) {
                // Whatever parsed must also tag without panicking.
                let _ = t.tag(&[vec![vec!["Mr", "Smith", "went", "to", "Paris", "."]]]);
            }
        }
    }

    #[test]
    fn sums_keep_every_value_exactly() {
        // Narrow sums, and sums past i16 on either side (kept apart), in any order.
        let rows: Vec<[i32; LABELS]> = vec![
            [0; LABELS],
            [1, -2, 3, -4, 5, -6, 7, -8, 9],
            [i16::MAX as i32, i16::MIN as i32, 0, 0, 0, 0, 0, 0, 0],
            [i16::MAX as i32 + 1, 0, 0, 0, 0, 0, 0, 0, -1],
            [12, 0, 0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 0, 0, i16::MIN as i32 - 1],
            [-7; LABELS],
        ];
        let mut sums = Sums::with_capacity(rows.len());
        for &r in &rows {
            sums.push(r);
        }
        for (t, r) in rows.iter().enumerate() {
            assert_eq!(sums.get(t), *r, "token {t}");
        }
    }

    #[test]
    fn encode_round_trip() {
        let tr = Transitions {
            start: [0.5; LABELS],
            trans: [[-0.25; LABELS]; LABELS],
        };
        let keys = [3u32, 200, 70000, u32::MAX];
        let weights: Vec<i16> = (0..keys.len() * LABELS)
            .map(|i| (i as i8).wrapping_mul(7) as i16)
            .collect();
        let bytes = encode(&ModelParts {
            keys: &keys,
            weights: &weights,
            scale: 0.5,
            temp: 2.0,
            tr: &tr,
            flags: FLAG_PASS2,
            fmask: 3,
        });
        let t = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(t.features(), 4);
        assert_eq!(t.flags(), FLAG_PASS2);
        assert_eq!(t.tr, tr);
        for (r, &k) in keys.iter().enumerate() {
            assert_eq!(
                &t.weights_of(k).unwrap()[..],
                &weights[r * LABELS..r * LABELS + LABELS]
            );
        }
        assert_eq!(t.weights_of(4), None);
        // The same with i16 weights, past the i8 range.
        let weights: Vec<i16> = (0..keys.len() * LABELS)
            .map(|i| (i as i16 - 18) * 1000)
            .collect();
        let bytes = encode(&ModelParts {
            keys: &keys,
            weights: &weights,
            scale: 0.5,
            temp: 2.0,
            tr: &tr,
            flags: FLAG_PASS2 | FLAG_I16,
            fmask: 3,
        });
        let t = Tagger::from_bytes(&bytes).unwrap();
        for (r, &k) in keys.iter().enumerate() {
            assert_eq!(
                &t.weights_of(k).unwrap()[..],
                &weights[r * LABELS..r * LABELS + LABELS]
            );
        }
        assert_eq!(t.weights_of(4), None);
    }
}
