//! Feature extraction, shared by training and tagging so both see exactly the same keys.
//!
//! Every feature is a 32-bit key: a template number hashed together with the values it looks
//! at (a word, a shape, a neighbour...). Hashing is a fixed FxHash-style mix with a SplitMix64
//! finisher, so keys never depend on a process seed or on `HashMap` order, and no string is
//! built per token: lower-casing, prefixes, suffixes and shapes are hashed char by char.
//!
//! Three groups of features:
//! - **Local** ([`local_keys`]): the word, its lower-case form, prefixes and suffixes (1–4
//!   chars), its shape (`Xx`, `X.X.`, `dd-dd`...), the two words and shapes either side,
//!   bigrams, position in the sentence, whether the sentence is written in capitals (CoNLL
//!   headlines are), and the gazetteer classes of the token and its neighbours
//!   ([`crate::gazetteer::token_features`]).
//! - **Document casing** (also in [`local_keys`], no first pass needed): how the same word is
//!   written elsewhere in its document where case is informative (lower-case, capitalised in
//!   mid-sentence). This is what tells a capitalised sentence opener or a word of an all-caps
//!   headline whether it is a name.
//! - **Consistency** ([`pass2_keys`]): the types that the first pass gave the other
//!   occurrences of the same capitalised word in the same document, and in the other documents
//!   of the analysis. The second pass uses them so a name keeps its type across mentions.

use rustc_hash::FxHashMap;

/// Number of labels: `O`, then `B-` and `I-` for PER, LOC, ORG, MISC.
pub const LABELS: usize = 9;

/// Label names, indexed like the weights.
pub const LABEL_NAMES: [&str; LABELS] = [
    "O", "B-PER", "B-LOC", "B-ORG", "B-MISC", "I-PER", "I-LOC", "I-ORG", "I-MISC",
];

/// The entity type of a label: 0 for `O`, 1..=4 for PER, LOC, ORG, MISC.
pub fn label_type(label: u8) -> u8 {
    match label {
        0 => 0,
        1..=4 => label,
        _ => label - 4,
    }
}

/// Is the label a `B-`?
pub fn is_begin(label: u8) -> bool {
    (1..=4).contains(&label)
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
fn finish(h: u64) -> u32 {
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    let k = (z >> 32) as u32;
    // 0 marks an empty slot in the model's table.
    k.max(1)
}

#[inline]
fn key(template: u64, a: u64) -> u32 {
    finish(step(step(template.wrapping_mul(K), 0x51), a))
}

#[inline]
fn key2(template: u64, a: u64, b: u64) -> u32 {
    finish(step(step(step(template.wrapping_mul(K), 0x52), a), b))
}

#[inline]
fn key3(template: u64, a: u64, b: u64, c: u64) -> u32 {
    finish(step(
        step(step(step(template.wrapping_mul(K), 0x53), a), b),
        c,
    ))
}

/// Per-token values computed once and shared by the features of the token and its neighbours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokInfo {
    /// Hash of the exact text.
    pub word: u64,
    /// Hash of the lower-case text.
    pub lower: u64,
    /// Hash of the short shape (runs of the same class collapsed).
    pub shape: u64,
    /// Hashes of the lower-case prefixes of 1..=5 chars (0 when the word is shorter).
    pub pre: [u64; 5],
    /// Hashes of the lower-case suffixes of 1..=5 chars (0 when the word is shorter).
    pub suf: [u64; 5],
    /// [`CAP`], [`ALLCAP`], [`DIGIT`], [`LOWER`], [`ALPHA`] bits.
    pub flags: u8,
    /// Length in chars, capped at 255.
    pub len: u8,
}

/// The part of a [`TokInfo`] the document- and analysis-wide features look at, kept for every
/// token of an analysis (24 bytes; the whole [`TokInfo`] is 120 and is computed one sentence at
/// a time).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokKey {
    /// Hash of the lower-case text.
    pub lower: u64,
    /// Hash of the short shape.
    pub shape: u64,
    /// [`CAP`], [`ALLCAP`], [`DIGIT`], [`LOWER`], [`ALPHA`] bits.
    pub flags: u8,
}

impl TokInfo {
    /// Its [`TokKey`].
    pub fn key(&self) -> TokKey {
        TokKey {
            lower: self.lower,
            shape: self.shape,
            flags: self.flags,
        }
    }
}

/// First char is upper-case.
pub const CAP: u8 = 1;
/// At least two letters, all upper-case.
pub const ALLCAP: u8 = 2;
/// Contains a digit.
pub const DIGIT: u8 = 4;
/// First char is lower-case.
pub const LOWER: u8 = 8;
/// Contains a letter.
pub const ALPHA: u8 = 16;

fn shape_class(c: char) -> u64 {
    if c.is_uppercase() {
        'X' as u64
    } else if c.is_lowercase() {
        'x' as u64
    } else if c.is_numeric() {
        'd' as u64
    } else if c.is_alphabetic() {
        'a' as u64
    } else {
        c as u64
    }
}

/// `h` stepped with the lower-case form of `c` (one char for ASCII, up to three otherwise).
#[inline]
fn step_lower(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return step(h, c.to_ascii_lowercase() as u64);
    }
    c.to_lowercase().fold(h, |h, lc| step(h, lc as u64))
}

/// What [`tok_info`] asks of a char: its [`shape_class`], and is it upper-case, lower-case,
/// alphabetic, numeric. ASCII, most of news text, is answered without the Unicode tables
/// (the answers are the same: std's own tests start with the same ASCII ranges).
#[inline]
fn char_facts(c: char) -> (u64, bool, bool, bool, bool) {
    match c {
        'A'..='Z' => ('X' as u64, true, false, true, false),
        'a'..='z' => ('x' as u64, false, true, true, false),
        '0'..='9' => ('d' as u64, false, false, false, true),
        _ if c.is_ascii() => (c as u64, false, false, false, false),
        _ => (
            shape_class(c),
            c.is_uppercase(),
            c.is_lowercase(),
            c.is_alphabetic(),
            c.is_numeric(),
        ),
    }
}

/// Computes a token's [`TokInfo`].
pub fn tok_info(w: &str) -> TokInfo {
    let mut t = TokInfo::default();
    let mut word = 0x77u64;
    let mut lower = 0x6Cu64;
    let mut shape = 0x73u64;
    let mut last_class = u64::MAX;
    let mut n = 0usize;
    let (mut letters, mut uppers) = (0usize, 0usize);
    for (i, c) in w.chars().enumerate() {
        word = step(word, c as u64);
        lower = step_lower(lower, c);
        if i < 5 {
            t.pre[i] = lower;
        }
        let (cls, upper, lowercase, alpha, numeric) = char_facts(c);
        if cls != last_class {
            shape = step(shape, cls);
            last_class = cls;
        }
        if i == 0 {
            if upper {
                t.flags |= CAP;
            } else if lowercase {
                t.flags |= LOWER;
            }
        }
        if alpha {
            letters += 1;
            t.flags |= ALPHA;
            if upper {
                uppers += 1;
            }
        }
        if numeric {
            t.flags |= DIGIT;
        }
        n += 1;
    }
    if letters >= 2 && uppers == letters {
        t.flags |= ALLCAP;
    }
    // Suffixes: hash the last k chars, last char first.
    let mut h = 0x5Fu64;
    for (k, c) in w.chars().rev().take(5).enumerate() {
        h = step_lower(h, c);
        t.suf[k] = h;
    }
    t.word = word;
    t.lower = lower;
    t.shape = shape;
    t.len = n.min(255) as u8;
    t
}

/// Boundary markers for the neighbours of the first and last tokens.
const BOS: TokInfo = TokInfo {
    word: 0xB05,
    lower: 0xB05,
    shape: 0xB05,
    pre: [0; 5],
    suf: [0; 5],
    flags: 0,
    len: 0,
};
const EOS: TokInfo = TokInfo {
    word: 0xE05,
    lower: 0xE05,
    shape: 0xE05,
    pre: [0; 5],
    suf: [0; 5],
    flags: 0,
    len: 0,
};

/// Is a sentence written in capitals (a CoNLL headline, a shouted title)? Fewer than 10% of its
/// letters lower-case, with at least 4 letters.
pub fn caps_sentence(words: &[&str]) -> bool {
    let (mut letters, mut lower) = (0usize, 0usize);
    for w in words {
        for c in w.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    lower += 1;
                }
            }
        }
    }
    letters >= 4 && lower * 10 < letters
}

/// How a word is written where its case means something, gathered over one document.
/// Bit 1: seen lower-case; bit 2: seen capitalised in mid-sentence (not first, not after an
/// opening quote, not in a capitals sentence).
pub type CaseStats = FxHashMap<u64, u8>;

/// Feature-set bits, stored in the model file so tagging uses the templates training used.
pub mod fset {
    /// Word bigrams two to the left and two to the right.
    pub const BIGRAM2: u32 = 1;
    /// 5-char prefixes and suffixes.
    pub const AFFIX5: u32 = 2;
    /// The words just before and just after the run of capitalised tokens holding the token.
    pub const RUN: u32 = 4;
    /// Neighbouring words of the other occurrences of the same capitalised word in the document.
    pub const AGG: u32 = 8;
    /// Position of the word in pass-1 entities elsewhere (first, last, inner, single).
    pub const P2POS: u32 = 16;
    /// Char trigrams of capitalised words.
    pub const CHAR3: u32 = 32;
    /// Like [`AGG`], from the other documents of the analysis.
    pub const XAGG: u32 = 64;
    /// Everything.
    pub const ALL: u32 = BIGRAM2 | AFFIX5 | RUN | AGG | P2POS | CHAR3 | XAGG;
}

/// Document-wide inputs to the local features.
#[derive(Debug, Default)]
pub struct DocCtx {
    /// How words are cased in the document.
    pub case: CaseStats,
    /// For each capitalised word (lower-case hash): (token index in the document, lower-case
    /// hash of the previous and next tokens) of its first occurrences.
    pub agg: FxHashMap<u64, Vec<(u32, u64, u64)>>,
}

/// Occurrences kept per word for [`fset::AGG`].
const AGG_MAX: usize = 8;

/// Gathers a document's [`DocCtx`]. `infos` are its tokens' infos, flat.
pub fn doc_ctx(doc: &[Vec<&str>], infos: &[TokKey], caps: &[bool], fmask: u32) -> DocCtx {
    let case = case_stats(doc, infos, caps);
    let mut agg: FxHashMap<u64, Vec<(u32, u64, u64)>> = FxHashMap::default();
    if fmask & fset::AGG != 0 {
        let mut t = 0;
        for sent in doc {
            let n = sent.len();
            for i in 0..n {
                let info = &infos[t + i];
                if info.flags & (CAP | ALLCAP) != 0 && info.flags & ALPHA != 0 {
                    let prev = if i > 0 {
                        infos[t + i - 1].lower
                    } else {
                        BOS.lower
                    };
                    let next = if i + 1 < n {
                        infos[t + i + 1].lower
                    } else {
                        EOS.lower
                    };
                    let v = agg.entry(info.lower).or_default();
                    if v.len() < AGG_MAX {
                        v.push(((t + i) as u32, prev, next));
                    }
                }
            }
            t += n;
        }
    }
    DocCtx { case, agg }
}

/// For [`fset::XAGG`]: capitalised word (lower-case hash) → (document, previous and next
/// tokens' lower-case hashes) of its first occurrences in the analysis.
pub type CrossAgg = FxHashMap<u64, Vec<(u32, u64, u64)>>;

/// Gathers the [`CrossAgg`] of an analysis (`infos` flat over all documents).
pub fn cross_agg(docs: &[Vec<Vec<&str>>], infos: &[TokKey]) -> CrossAgg {
    let mut out = CrossAgg::default();
    let mut t = 0;
    for (d, doc) in docs.iter().enumerate() {
        for sent in doc {
            let n = sent.len();
            for i in 0..n {
                let info = &infos[t + i];
                if info.flags & (CAP | ALLCAP) != 0 && info.flags & ALPHA != 0 {
                    let prev = if i > 0 {
                        infos[t + i - 1].lower
                    } else {
                        BOS.lower
                    };
                    let next = if i + 1 < n {
                        infos[t + i + 1].lower
                    } else {
                        EOS.lower
                    };
                    let v = out.entry(info.lower).or_default();
                    if v.len() < 2 * AGG_MAX {
                        v.push((d as u32, prev, next));
                    }
                }
            }
            t += n;
        }
    }
    out
}

/// Everything [`local_keys`] looks at for one sentence.
pub struct SentCtx<'a> {
    /// The sentence's words.
    pub words: &'a [&'a str],
    /// The sentence's token infos.
    pub toks: &'a [TokInfo],
    /// The analysis-wide occurrences ([`fset::XAGG`]) and this document's index.
    pub xagg: Option<(&'a CrossAgg, u32)>,
    /// Gazetteer bitmasks (empty when the model has none).
    pub gaz: &'a [u32],
    /// Is the sentence in capitals?
    pub caps: bool,
    /// The document's context.
    pub doc: &'a DocCtx,
    /// Index of the sentence's first token in the document.
    pub t0: usize,
    /// [`fset`] bits.
    pub fmask: u32,
}

/// Gathers [`CaseStats`] for one document.
pub fn case_stats(doc: &[Vec<&str>], infos: &[TokKey], caps: &[bool]) -> CaseStats {
    let mut out = CaseStats::default();
    let mut t = 0;
    for (s, sent) in doc.iter().enumerate() {
        for i in 0..sent.len() {
            let info = &infos[t + i];
            let after_open = i > 0 && matches!(sent[i - 1], "\"" | "(" | "'" | "\u{201c}" | "-");
            if !caps[s] && info.flags & ALPHA != 0 {
                if info.flags & LOWER != 0 {
                    *out.entry(info.lower).or_insert(0) |= 1;
                } else if info.flags & CAP != 0 && i > 0 && !after_open {
                    *out.entry(info.lower).or_insert(0) |= 2;
                }
            }
        }
        t += sent.len();
    }
    out
}

// Template numbers. Changing any of them changes every key: retrain.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_PRE: u64 = 5; // + k
const T_SUF: u64 = 10; // + k
const T_L_M1: u64 = 20;
const T_L_P1: u64 = 21;
const T_L_M2: u64 = 22;
const T_L_P2: u64 = 23;
const T_BI_M: u64 = 24;
const T_BI_P: u64 = 25;
const T_SH_M1: u64 = 26;
const T_SH_P1: u64 = 27;
const T_SH3: u64 = 28;
const T_SH_MP: u64 = 29;
const T_SH_PP: u64 = 30;
const T_LM_SH: u64 = 31;
const T_SH_LP: u64 = 32;
const T_FIRST: u64 = 33;
const T_CAPS_L: u64 = 34;
const T_CAPS_SH: u64 = 35;
const T_LEN: u64 = 36;
const T_DCASE: u64 = 37;
const T_GAZ: u64 = 40; // + offset
const T_W_M1: u64 = 45;
const T_BI_MM: u64 = 47;
const T_BI_PP: u64 = 48;
const T_PRE5: u64 = 49;
const T_SUF5: u64 = 50;
const T_RUN_B: u64 = 51;
const T_RUN_A: u64 = 52;
const T_RUN_POS: u64 = 53;
const T_RUN_BW: u64 = 54;
const T_RUN_AW: u64 = 55;
const T_AGG_M: u64 = 56;
const T_AGG_P: u64 = 57;
const T_XAGG_M: u64 = 58;
const T_XAGG_P: u64 = 59;
const T_CHAR3: u64 = 65;
const T_P2_POS: u64 = 66;
const T_P2_XPOS: u64 = 67;
const T_W_P1: u64 = 46;
const T_P2_DMAJ: u64 = 60;
const T_P2_DANY: u64 = 61;
const T_P2_XMAJ: u64 = 62;
const T_P2_XANY: u64 = 63;
const T_P2_DMAJ_SH: u64 = 64;

/// Appends the local keys of token `i` of a sentence.
pub fn local_keys(cx: &SentCtx, i: usize, out: &mut Vec<u32>) {
    let (toks, gaz, caps, dcase) = (cx.toks, cx.gaz, cx.caps, &cx.doc.case);
    // By reference: a `TokInfo` is 120 bytes.
    let at = |j: isize| -> &TokInfo {
        if j < 0 {
            &BOS
        } else if j as usize >= toks.len() {
            &EOS
        } else {
            &toks[j as usize]
        }
    };
    let ii = i as isize;
    let t = &toks[i];
    let (m1, p1, m2, p2) = (at(ii - 1), at(ii + 1), at(ii - 2), at(ii + 2));
    // Positions 1 and 2 (word, lower-case form) are the word-identity keys that training may
    // hide (word dropout, see `train`): keep them there.
    out.push(key(T_BIAS, 0));
    out.push(key(T_WORD, t.word));
    out.push(key(T_LOWER, t.lower));
    out.push(key(T_SHAPE, t.shape));
    for k in 0..4 {
        if t.pre[k] != 0 && (k as u8) + 1 < t.len {
            out.push(key(T_PRE + k as u64, t.pre[k]));
        }
        if t.suf[k] != 0 && (k as u8) + 1 < t.len {
            out.push(key(T_SUF + k as u64, t.suf[k]));
        }
    }
    out.push(key(T_L_M1, m1.lower));
    out.push(key(T_L_P1, p1.lower));
    out.push(key(T_L_M2, m2.lower));
    out.push(key(T_L_P2, p2.lower));
    out.push(key(T_W_M1, m1.word));
    out.push(key(T_W_P1, p1.word));
    out.push(key2(T_BI_M, m1.lower, t.lower));
    out.push(key2(T_BI_P, t.lower, p1.lower));
    out.push(key(T_SH_M1, m1.shape));
    out.push(key(T_SH_P1, p1.shape));
    out.push(key3(T_SH3, m1.shape, t.shape, p1.shape));
    out.push(key2(T_SH_MP, m1.shape, t.shape));
    out.push(key2(T_SH_PP, t.shape, p1.shape));
    out.push(key2(T_LM_SH, m1.lower, t.shape));
    out.push(key2(T_SH_LP, t.shape, p1.lower));
    if i == 0 {
        out.push(key(T_FIRST, t.shape));
    }
    if caps {
        out.push(key(T_CAPS_L, t.lower));
        out.push(key3(T_CAPS_SH, m1.lower, t.shape, p1.lower));
    }
    out.push(key2(T_LEN, t.len.min(12) as u64, t.flags as u64));
    if t.flags & ALPHA != 0 {
        let seen = dcase.get(&t.lower).copied().unwrap_or(0) as u64;
        let ctx = if caps {
            0
        } else if i == 0 {
            1
        } else {
            2
        };
        out.push(key3(
            T_DCASE,
            seen,
            ctx,
            (t.flags & (CAP | ALLCAP | LOWER)) as u64,
        ));
    }
    if cx.fmask & fset::BIGRAM2 != 0 {
        out.push(key2(T_BI_MM, m2.lower, m1.lower));
        out.push(key2(T_BI_PP, p1.lower, p2.lower));
    }
    if cx.fmask & fset::AFFIX5 != 0 && t.len > 5 {
        out.push(key(T_PRE5, t.pre[4]));
        out.push(key(T_SUF5, t.suf[4]));
    }
    let is_cap = |x: &TokInfo| x.flags & (CAP | ALLCAP) != 0;
    if cx.fmask & fset::RUN != 0 && is_cap(t) && !caps {
        let mut a = i;
        while a > 0 && is_cap(&toks[a - 1]) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < toks.len() && is_cap(&toks[b]) {
            b += 1;
        }
        let before = at(a as isize - 1).lower;
        let after = at(b as isize).lower;
        let len = (b - a).min(4) as u64;
        out.push(key2(T_RUN_B, before, len));
        out.push(key2(T_RUN_A, after, len));
        out.push(key3(
            T_RUN_POS,
            (i - a).min(3) as u64,
            (b - i - 1).min(3) as u64,
            t.shape,
        ));
        if b - a > 1 {
            out.push(key(T_RUN_BW, before));
            out.push(key(T_RUN_AW, after));
        }
    }
    if cx.fmask & fset::AGG != 0 && is_cap(t) && t.flags & ALPHA != 0 {
        if let Some(occ) = cx.doc.agg.get(&t.lower) {
            let me = (cx.t0 + i) as u32;
            for &(pos, prev, next) in occ {
                if pos != me {
                    out.push(key(T_AGG_M, prev));
                    out.push(key(T_AGG_P, next));
                }
            }
        }
    }
    if cx.fmask & fset::XAGG != 0 && is_cap(t) && t.flags & ALPHA != 0 {
        if let Some((x, d)) = cx.xagg {
            if let Some(occ) = x.get(&t.lower) {
                let mut n = 0;
                for &(doc, prev, next) in occ {
                    if doc != d && n < AGG_MAX {
                        out.push(key(T_XAGG_M, prev));
                        out.push(key(T_XAGG_P, next));
                        n += 1;
                    }
                }
            }
        }
    }
    if cx.fmask & fset::CHAR3 != 0 && is_cap(t) && t.len >= 4 {
        if let Some(w) = cx.words.get(i) {
            let mut h = [0x5Eu64, 0x5E, 0x5E];
            for c in w
                .chars()
                .flat_map(char::to_lowercase)
                .chain(std::iter::once('$'))
            {
                h = [h[1], h[2], c as u64];
                if h[0] != 0x5E || h[1] != 0x5E {
                    out.push(key3(T_CHAR3, h[0], h[1], h[2]));
                }
            }
        }
    }
    if !gaz.is_empty() {
        let g = |j: isize| -> u64 {
            if j < 0 || j as usize >= gaz.len() {
                0
            } else {
                gaz[j as usize] as u64
            }
        };
        let gi = g(ii);
        for bit in 0..32u64 {
            if gi & (1 << bit) != 0 {
                out.push(key2(T_GAZ, bit, t.flags as u64 & CAP as u64));
            }
        }
        let (gm, gp) = (g(ii - 1), g(ii + 1));
        if gm != 0 {
            out.push(key2(T_GAZ + 1, gm, gi));
        }
        if gp != 0 {
            out.push(key2(T_GAZ + 2, gi, gp));
        }
    }
}

/// Label-type counts (O, PER, LOC, ORG, MISC) of capitalised words, by lower-case hash.
pub type TypeCounts = FxHashMap<u64, [u16; 5]>;

/// Adds the first-pass types of one document's capitalised tokens to `counts`.
pub fn count_types(infos: &[TokKey], labels: &[u8], counts: &mut TypeCounts) {
    for (info, &l) in infos.iter().zip(labels) {
        if info.flags & (CAP | ALLCAP) != 0 && info.flags & ALPHA != 0 {
            let c = counts.entry(info.lower).or_insert([0; 5]);
            let ty = label_type(l) as usize;
            c[ty] = c[ty].saturating_add(1);
        }
    }
}

/// Where a labelled token sits in its span: `type * 4 + position` with position 0 single,
/// 1 first, 2 inner, 3 last; `None` for `O`. `labels` is one sentence.
pub fn pos_code(labels: &[u8], i: usize) -> Option<usize> {
    let l = labels[i];
    let ty = label_type(l);
    if ty == 0 {
        return None;
    }
    let begins = is_begin(l) || i == 0 || label_type(labels[i - 1]) != ty;
    let goes_on = labels
        .get(i + 1)
        .is_some_and(|&n| n >= 5 && label_type(n) == ty);
    let pos = match (begins, goes_on) {
        (true, false) => 0,
        (true, true) => 1,
        (false, true) => 2,
        (false, false) => 3,
    };
    Some((ty as usize - 1) * 4 + pos)
}

/// Span-position counts ([`pos_code`]) of capitalised words, by lower-case hash.
pub type PosCounts = FxHashMap<u64, [u16; 16]>;

/// Appends the [`fset::P2POS`] keys of one token: the span positions of the other occurrences
/// of its word in the document (`doc`) and in the other documents (`all` minus `doc`).
pub fn pass2_pos_keys(
    info: &TokKey,
    own: Option<usize>,
    doc: &PosCounts,
    all: &PosCounts,
    out: &mut Vec<u32>,
) {
    if info.flags & (CAP | ALLCAP) == 0 || info.flags & ALPHA == 0 {
        return;
    }
    let mut d = doc.get(&info.lower).copied().unwrap_or([0; 16]);
    let a = all.get(&info.lower).copied().unwrap_or([0; 16]);
    for k in 0..16 {
        let x = a[k].saturating_sub(d[k]);
        if x > 0 {
            out.push(key(T_P2_XPOS, k as u64));
        }
    }
    if let Some(o) = own {
        d[o] = d[o].saturating_sub(1);
    }
    for (k, &c) in d.iter().enumerate() {
        if c > 0 {
            out.push(key(T_P2_POS, k as u64));
        }
    }
}

fn majority(c: &[u16; 5]) -> Option<(usize, u16, u16)> {
    let total: u16 = c.iter().fold(0u16, |a, &b| a.saturating_add(b));
    if total == 0 {
        return None;
    }
    let mut best = 0;
    for k in 1..5 {
        if c[k] > c[best] {
            best = k;
        }
    }
    Some((best, c[best], total))
}

/// Appends the consistency keys of one token, given the counts of its own document (`doc`,
/// which include the token itself with its first-pass label `own`) and of the whole analysis
/// (`all`, which include `doc`).
pub fn pass2_keys(info: &TokKey, own: u8, doc: &TypeCounts, all: &TypeCounts, out: &mut Vec<u32>) {
    if info.flags & (CAP | ALLCAP) == 0 || info.flags & ALPHA == 0 {
        return;
    }
    let own_ty = label_type(own) as usize;
    let mut d = doc.get(&info.lower).copied().unwrap_or([0; 5]);
    let a = all.get(&info.lower).copied().unwrap_or([0; 5]);
    d[own_ty] = d[own_ty].saturating_sub(1);
    let mut x = [0u16; 5];
    for k in 0..5 {
        x[k] = a[k].saturating_sub(d[k]);
    }
    x[own_ty] = x[own_ty].saturating_sub(1);
    if let Some((best, n, total)) = majority(&d) {
        let strong = (n as u32 * 4 >= total as u32 * 3) as u64;
        out.push(key2(T_P2_DMAJ, best as u64, strong));
        out.push(key2(T_P2_DMAJ_SH, best as u64, info.shape));
        for (k, &c) in d.iter().enumerate().skip(1) {
            if c > 0 {
                out.push(key(T_P2_DANY, k as u64));
            }
        }
    }
    if let Some((best, n, total)) = majority(&x) {
        let strong = (n as u32 * 4 >= total as u32 * 3) as u64;
        out.push(key2(T_P2_XMAJ, best as u64, strong));
        for (k, &c) in x.iter().enumerate().skip(1) {
            if c > 0 {
                out.push(key(T_P2_XANY, k as u64));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_info_table() {
        // (word, flags, length)
        let cases: &[(&str, u8, u8)] = &[
            ("Moscow", CAP | ALPHA, 6),
            ("NATO", CAP | ALLCAP | ALPHA, 4),
            ("the", LOWER | ALPHA, 3),
            ("1996-08-22", DIGIT, 10),
            ("U.S.", CAP | ALLCAP | ALPHA, 4),
            (",", 0, 1),
            ("Łódź", CAP | ALPHA, 4),
            ("A", CAP | ALPHA, 1),
        ];
        for &(w, flags, len) in cases {
            let t = tok_info(w);
            assert_eq!((t.flags, t.len), (flags, len), "{w:?}");
        }
    }

    /// [`tok_info`] as it was written before its ASCII shortcut: every char through std's
    /// Unicode methods.
    fn tok_info_unicode(w: &str) -> TokInfo {
        let mut t = TokInfo::default();
        let (mut word, mut lower, mut shape) = (0x77u64, 0x6Cu64, 0x73u64);
        let mut last_class = u64::MAX;
        let (mut n, mut letters, mut uppers) = (0usize, 0usize, 0usize);
        for (i, c) in w.chars().enumerate() {
            word = step(word, c as u64);
            for lc in c.to_lowercase() {
                lower = step(lower, lc as u64);
            }
            if i < 5 {
                t.pre[i] = lower;
            }
            let cls = shape_class(c);
            if cls != last_class {
                shape = step(shape, cls);
                last_class = cls;
            }
            if i == 0 && c.is_uppercase() {
                t.flags |= CAP;
            } else if i == 0 && c.is_lowercase() {
                t.flags |= LOWER;
            }
            if c.is_alphabetic() {
                letters += 1;
                t.flags |= ALPHA;
                uppers += c.is_uppercase() as usize;
            }
            if c.is_numeric() {
                t.flags |= DIGIT;
            }
            n += 1;
        }
        if letters >= 2 && uppers == letters {
            t.flags |= ALLCAP;
        }
        let mut h = 0x5Fu64;
        for (k, c) in w.chars().rev().take(5).enumerate() {
            for lc in c.to_lowercase() {
                h = step(h, lc as u64);
            }
            t.suf[k] = h;
        }
        (t.word, t.lower, t.shape, t.len) = (word, lower, shape, n.min(255) as u8);
        t
    }

    #[test]
    fn token_info_same_as_unicode_methods() {
        let words = [
            "Moscow",
            "NATO",
            "the",
            "1996-08-22",
            "U.S.",
            ",",
            "Łódź",
            "A",
            "",
            "İstanbul",
            "STRASSE",
            "straße",
            "ǅemal",
            "Ωmega",
            "٣٤٥",
            "½",
            "Ⅻ",
            "x²",
            "e.g.",
            "O'Neil",
            "\u{201c}",
            "—",
            "ﬁnance",
            "Ǆ",
            "ΣΑΣ",
            "ᾼ",
            "$5.4bn",
            "#tag",
            "@user",
            "9/11",
            "MÜNCHEN",
            "日本",
            "한국",
            "ⓐ",
            "Ⓐ",
            "\u{1F600}",
            "a\u{301}",
            "ABCDEFGHIJ",
        ];
        let ascii: String = (0u8..128).map(char::from).collect();
        for w in words.iter().copied().chain([ascii.as_str()]) {
            assert_eq!(tok_info(w), tok_info_unicode(w), "{w:?}");
        }
        for c in (0..0x3000u32)
            .chain(0x1D400..0x1D500)
            .filter_map(char::from_u32)
        {
            let w = c.to_string();
            assert_eq!(tok_info(&w), tok_info_unicode(&w), "{c:?}");
        }
    }

    #[test]
    fn shapes_and_case_forms() {
        // Pairs that must share (true) or not share (false) a hashed value.
        let same_shape: &[(&str, &str, bool)] = &[
            ("Moscow", "Paris", true),
            ("Moscow", "MOSCOW", false),
            ("1996-08-22", "2001-01-01", true),
            ("U.S.", "U.N.", true),
            ("McDonald", "Mcdonald", false),
        ];
        for &(a, b, want) in same_shape {
            assert_eq!(tok_info(a).shape == tok_info(b).shape, want, "{a} {b}");
        }
        let same_lower: &[(&str, &str, bool)] = &[
            ("Moscow", "MOSCOW", true),
            ("Moscow", "moscow", true),
            ("Moscow", "Moscou", false),
        ];
        for &(a, b, want) in same_lower {
            assert_eq!(tok_info(a).lower == tok_info(b).lower, want, "{a} {b}");
            assert_ne!(tok_info(a).word == tok_info(b).word, a != b, "{a} {b}");
        }
        // Suffix 3 of "Pashinyan" and "Aliyan" agree, prefix 2 of "Moscow" and "MOON" agree.
        assert_eq!(tok_info("Pashinyan").suf[2], tok_info("Aliyan").suf[2]);
        assert_eq!(tok_info("Moscow").pre[1], tok_info("MOON").pre[1]);
        assert_ne!(tok_info("Moscow").pre[2], tok_info("MOON").pre[2]);
    }

    #[test]
    fn caps_sentences() {
        let cases: &[(&[&str], bool)] = &[
            (&["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."], true),
            (&["EU", "rejects", "German", "call"], false),
            (&["U.S", "."], false),
            (&["1996-08-22"], false),
        ];
        for &(words, want) in cases {
            assert_eq!(caps_sentence(words), want, "{words:?}");
        }
    }

    #[test]
    fn keys_are_stable_and_distinct() {
        let toks: Vec<TokInfo> = ["Nikol", "Pashinyan", "met", "Putin"]
            .iter()
            .map(|w| tok_info(w))
            .collect();
        let none = DocCtx::default();
        let words = ["Nikol", "Pashinyan", "met", "Putin"];
        let cx = SentCtx {
            words: &words,
            toks: &toks,
            xagg: None,
            gaz: &[],
            caps: false,
            doc: &none,
            t0: 0,
            fmask: fset::AFFIX5 | fset::AGG,
        };
        let mut a = Vec::new();
        local_keys(&cx, 1, &mut a);
        let mut b = Vec::new();
        local_keys(&cx, 1, &mut b);
        assert_eq!(a, b);
        assert!(a.iter().all(|&k| k != 0));
        let mut c = Vec::new();
        local_keys(&cx, 3, &mut c);
        // Same template on different words gives different keys; the bias key is shared.
        assert_eq!(a[0], c[0]);
        assert_ne!(a[1], c[1]);
        // A caps sentence adds its own keys.
        let mut d = Vec::new();
        local_keys(&SentCtx { caps: true, ..cx }, 1, &mut d);
        assert!(d.len() > a.len());
        // Fewer templates, fewer keys.
        let mut e = Vec::new();
        local_keys(&SentCtx { fmask: 0, ..cx }, 1, &mut e);
        assert!(e.len() < a.len());
    }

    #[test]
    fn case_stats_table() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["WHITE", "HOUSE", "SAYS"],
            vec![
                "The", "White", "House", "said", "white", "smoke", "rose", ".",
            ],
            vec!["White", "said", "."],
        ];
        let caps: Vec<bool> = doc.iter().map(|s| caps_sentence(s)).collect();
        let infos: Vec<TokKey> = doc.iter().flatten().map(|w| tok_info(w).key()).collect();
        let st = case_stats(&doc, &infos, &caps);
        // (word, bits)
        let cases: &[(&str, u8)] = &[
            ("white", 3),
            ("house", 2),
            ("said", 1),
            ("the", 0),
            ("says", 0),
        ];
        for &(w, bits) in cases {
            assert_eq!(
                st.get(&tok_info(w).lower).copied().unwrap_or(0),
                bits,
                "{w}"
            );
        }
    }

    #[test]
    fn consistency_keys_exclude_own_label() {
        let info = tok_info("Pashinyan").key();
        let mut doc = TypeCounts::default();
        count_types(&[info, info], &[5, 1], &mut doc);
        let all = doc.clone();
        let mut out = Vec::new();
        pass2_keys(&info, 1, &doc, &all, &mut out);
        // The other occurrence is PER: a document majority key, no cross-document key.
        let mut want = Vec::new();
        let mut d = [0u16; 5];
        d[1] = 1;
        let (best, n, total) = majority(&d).unwrap();
        assert_eq!((best, n, total), (1, 1, 1));
        want.push(key2(T_P2_DMAJ, 1, 1));
        want.push(key2(T_P2_DMAJ_SH, 1, info.shape));
        want.push(key(T_P2_DANY, 1));
        assert_eq!(out, want);
        // A lower-case word gets none.
        let mut out = Vec::new();
        pass2_keys(&tok_info("met").key(), 0, &doc, &all, &mut out);
        assert!(out.is_empty());
    }
}
