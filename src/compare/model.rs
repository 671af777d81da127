//! The learned pair scorer: how likely two claims of different articles are the same claim.
//!
//! Each pair of units (see [`super::pieces`]) becomes a vector of [`FEATURES`] computed from what
//! the pipeline already knows — weighted term overlap (cosine, dice, containment; stems and
//! synonyms folded by [`super::features`]), shared and clashing entities, numbers and dates,
//! figures about the same counted thing, speakers and subjects, quotes and their words, claim
//! kinds, negation, the place of each sentence in its article (the lead tells the main event),
//! how alike the two whole articles are (two articles about two different earthquakes share
//! little beyond "earthquake"), and the hand-set score of [`super::similarity`] — and a
//! logistic regression turns it into a probability. [`super::cluster`] links pairs at or above
//! [`Model::link`] and merges groups whose mean cross score is at least [`Model::mean`].
//!
//! The weights and both thresholds live in `data/compare/align-model.tsv`, written by
//! `train-align` (deterministic: full-batch gradient descent from zero weights, fixed steps);
//! its header says what it was trained and tuned on and the command that reproduces it. The
//! file is read strictly: every feature of [`FEATURES`] exactly once, in order, or the model is
//! refused (a unit test fails; at run time the comparison then links nothing rather than
//! guessing).

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

use super::features::{Features, Term};
use super::similarity;

/// The features, in the order of the weights.
pub const FEATURES: &[&str] = &[
    "cosine",
    "dice",
    "containment",
    "words",
    "entities",
    "entity_miss",
    "numbers",
    "number_miss",
    "dates",
    "date_miss",
    "figure",
    "figure_event_clash",
    "toll",
    "speaker_same",
    "speaker_clash",
    "subject_clash",
    "quotes",
    "quote_overlap",
    "numeric",
    "lead",
    "position_gap",
    "article_cosine",
    "cosine_x_article",
    "hand_score",
    "shared_terms",
    "rarest_shared",
    "piece",
    "negation_mismatch",
];

/// Number of features.
pub const N: usize = FEATURES.len();

/// What a term is, from its prefix (see [`super::features`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// `w:` a content word.
    Word,
    /// `e:` an entity.
    Entity,
    /// `n:` a number.
    Number,
    /// `d:` a date.
    Date,
    /// `q:` a toll (side and event class of a figure).
    Toll,
}

impl TermKind {
    /// The kind of an interned term name.
    pub fn of(name: &str) -> TermKind {
        match name.get(..2) {
            Some("e:") => TermKind::Entity,
            Some("n:") => TermKind::Number,
            Some("d:") => TermKind::Date,
            Some("q:") => TermKind::Toll,
            _ => TermKind::Word,
        }
    }
}

/// Logistic-regression weights and the grouping thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Intercept.
    pub bias: f64,
    /// One weight per feature of [`FEATURES`].
    pub weights: Vec<f64>,
    /// Probability at or above which a pair links.
    pub link: f64,
    /// Mean cross probability two groups need to merge.
    pub mean: f64,
    /// Mean cross-article probability at which two groups that may share articles merge: an
    /// article's claim told twice (a headline and its lead) then stands in one row.
    pub restate: f64,
}

impl Model {
    /// Parses the model file: `#` comments, then `bias`, `link`, `mean` lines and one
    /// `w<TAB>feature<TAB>weight` line per feature of [`FEATURES`], in order.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut bias = None;
        let mut link = None;
        let mut mean = None;
        let mut restate = None;
        let mut weights = Vec::with_capacity(N);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| format!("line {}: bad number {s:?}", n + 1))
            };
            match cols.as_slice() {
                ["bias", v] => bias = Some(num(v)?),
                ["link", v] => link = Some(num(v)?),
                ["mean", v] => mean = Some(num(v)?),
                ["restate", v] => restate = Some(num(v)?),
                ["w", name, v] => {
                    let want = FEATURES.get(weights.len());
                    if want != Some(name) {
                        return Err(format!(
                            "line {}: feature {name:?} where {want:?} was expected",
                            n + 1
                        ));
                    }
                    weights.push(num(v)?);
                }
                _ => return Err(format!("line {}: cannot read {line:?}", n + 1)),
            }
        }
        if weights.len() != N {
            return Err(format!("{} weights for {N} features", weights.len()));
        }
        Ok(Model {
            bias: bias.ok_or("no bias")?,
            weights,
            link: link.ok_or("no link")?,
            mean: mean.ok_or("no mean")?,
            restate: restate.ok_or("no restate")?,
        })
    }

    /// Writes the model in the format [`Model::parse`] reads, after the `header` comment lines.
    pub fn write(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("bias\t{}\n", self.bias));
        out.push_str(&format!("link\t{}\n", self.link));
        out.push_str(&format!("mean\t{}\n", self.mean));
        out.push_str(&format!("restate\t{}\n", self.restate));
        for (name, w) in FEATURES.iter().zip(&self.weights) {
            out.push_str(&format!("w\t{name}\t{w}\n"));
        }
        out
    }

    /// The probability that a pair with features `x` is one claim.
    pub fn probability(&self, x: &[f64; N]) -> f64 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(x.iter())
                .map(|(w, v)| w * v)
                .sum::<f64>();
        1.0 / (1.0 + libm::exp(-z))
    }
}

/// The model shipped in `data/compare/align-model.tsv`; a model that links nothing if the file
/// cannot be read (a unit test makes sure it can).
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::parse(include_str!("../../data/compare/align-model.tsv")).unwrap_or(Model {
            bias: -1.0,
            weights: vec![0.0; N],
            link: 1.0,
            mean: 1.0,
            restate: 1.0,
        })
    })
}

/// What the features need beyond the two claims: term kinds and weights, and the articles'
/// term vectors for [`FEATURES`]' `article_cosine` (cached per article pair).
pub struct Context {
    /// Per-term weight.
    pub idf: Vec<f64>,
    /// Per-term kind.
    pub kinds: Vec<TermKind>,
    /// Per article: (term, weight) ascending by term, unit length.
    articles: Vec<Vec<(Term, f64)>>,
    cache: RefCell<FxHashMap<(u32, u32), f64>>,
}

impl Context {
    /// The context of the units `feats` with term weights `idf` and term names `names`.
    pub fn new(feats: &[Features], idf: &[f64], names: &[String]) -> Context {
        let docs = feats.iter().map(|f| f.doc as usize + 1).max().unwrap_or(0);
        let mut counts: Vec<FxHashMap<Term, f64>> = vec![FxHashMap::default(); docs];
        for f in feats {
            for &t in &f.terms {
                *counts[f.doc as usize].entry(t).or_insert(0.0) += 1.0;
            }
        }
        // Article frequency of each term.
        let mut adf: FxHashMap<Term, f64> = FxHashMap::default();
        for c in &counts {
            for &t in c.keys() {
                *adf.entry(t).or_insert(0.0) += 1.0;
            }
        }
        let nd = docs.max(1) as f64;
        let articles = counts
            .into_iter()
            .map(|c| {
                let mut v: Vec<(Term, f64)> = c
                    .into_iter()
                    .map(|(t, n)| {
                        let df = adf.get(&t).copied().unwrap_or(1.0);
                        (t, (1.0 + libm::log(n)) * libm::log(1.0 + nd / df))
                    })
                    .collect();
                v.sort_unstable_by_key(|x| x.0);
                let norm = libm::sqrt(v.iter().map(|x| x.1 * x.1).sum::<f64>());
                if norm > 0.0 {
                    v.iter_mut().for_each(|x| x.1 /= norm);
                }
                v
            })
            .collect();
        Context {
            idf: idf.to_vec(),
            kinds: names.iter().map(|n| TermKind::of(n)).collect(),
            articles,
            cache: RefCell::new(FxHashMap::default()),
        }
    }

    /// Cosine of the term vectors of articles `a` and `b`.
    pub fn article_cosine(&self, a: u32, b: u32) -> f64 {
        let key = (a.min(b), a.max(b));
        if let Some(&v) = self.cache.borrow().get(&key) {
            return v;
        }
        let (Some(x), Some(y)) = (
            self.articles.get(key.0 as usize),
            self.articles.get(key.1 as usize),
        ) else {
            return 0.0;
        };
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        self.cache.borrow_mut().insert(key, s);
        s
    }

    fn kind(&self, t: Term) -> TermKind {
        self.kinds
            .get(t as usize)
            .copied()
            .unwrap_or(TermKind::Word)
    }

    fn idf(&self, t: Term) -> f64 {
        self.idf.get(t as usize).copied().unwrap_or(0.0)
    }
}

/// Does some term of `kind` appear in `terms`?
fn has(cx: &Context, terms: &[Term], kind: TermKind) -> bool {
    terms.iter().any(|&t| cx.kind(t) == kind)
}

/// Pairs that are never one claim, whatever the model says: the kinds of pair the training
/// data hold too few of to teach (each is a table test in `tests.rs`).
/// - **Sides swapped**: each claim's speaker is the other's subject, and the subjects differ
///   ("Armenia said Azerbaijan shelled …" / "Azerbaijan said Armenia shelled …"): two sides
///   blaming each other.
/// - **One value, two events**: the same figure told of events of different classes, with no
///   figure that lines up ("49 soldiers killed" / "49 soldiers wounded").
/// - **Two sides' tolls**: figures of one event class that name different sides, with no figure
///   that lines up ("49 Peruvian soldiers killed" / "50 Chilean soldiers killed"; a withheld
///   toll takes the side of whoever withholds it).
pub fn vetoed(a: &Features, b: &Features, qa: &[Option<f64>], qb: &[Option<f64>]) -> bool {
    let subjects =
        !a.subject.is_empty() && !b.subject.is_empty() && a.subject.is_disjoint(&b.subject);
    let swapped =
        subjects && !a.speaker.is_disjoint(&b.subject) && !b.speaker.is_disjoint(&a.subject);
    let (same_fig, fig_clash) = similarity::figures(&a.counted, &b.counted, qa, qb);
    let sides = a.counted.iter().any(|ca| {
        b.counted.iter().any(|cb| {
            !ca.countries.is_empty()
                && !cb.countries.is_empty()
                && ca.countries.is_disjoint(&cb.countries)
                && !ca.classes.is_disjoint(&cb.classes)
        })
    });
    swapped || (!same_fig && (fig_clash || sides))
}

/// The sum of the weights of the terms `ts` of kind `k` (all kinds when None), squared when
/// `sq`.
fn weight_sum(cx: &Context, ts: &[Term], k: Option<TermKind>, sq: bool) -> f64 {
    ts.iter()
        .filter(|&&t| k.is_none_or(|k| cx.kind(t) == k))
        .map(|&t| {
            let w = cx.idf(t);
            if sq {
                w * w
            } else {
                w
            }
        })
        .sum()
}

/// The weight sums of one claim's terms that the features of every pair with it use: made
/// once per claim by [`super::cluster::Input`], not once per pair.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sums {
    /// All terms' weights.
    all: f64,
    /// Their squares.
    squares: f64,
    /// Word terms' weights.
    words: f64,
}

/// The [`Sums`] of the claim `f`.
pub fn sums(cx: &Context, f: &Features) -> Sums {
    Sums {
        all: weight_sum(cx, &f.terms, None, false),
        squares: weight_sum(cx, &f.terms, None, true),
        words: weight_sum(cx, &f.terms, Some(TermKind::Word), false),
    }
}

/// The features of the pair `a`, `b` (their figures' values `qa`, `qb`).
pub fn features(
    cx: &Context,
    a: &Features,
    b: &Features,
    qa: &[Option<f64>],
    qb: &[Option<f64>],
) -> [f64; N] {
    features_with(cx, a, b, qa, qb, sums(cx, a), sums(cx, b))
}

/// [`features`] with the claims' [`Sums`] made beforehand.
pub fn features_with(
    cx: &Context,
    a: &Features,
    b: &Features,
    qa: &[Option<f64>],
    qb: &[Option<f64>],
    sa: Sums,
    sb: Sums,
) -> [f64; N] {
    let mut x = [0.0; N];
    let shared = similarity::intersect(&a.terms, &b.terms);
    let sum = |ts: &[Term], k: Option<TermKind>, sq: bool| weight_sum(cx, ts, k, sq);
    let (wa, wb, s) = (sa.all, sb.all, sum(&shared, None, false));
    let (qa2, qb2, s2) = (sa.squares, sb.squares, sum(&shared, None, true));
    if qa2 > 0.0 && qb2 > 0.0 {
        x[0] = s2 / libm::sqrt(qa2 * qb2);
    }
    if wa + wb > 0.0 {
        x[1] = 2.0 * s / (wa + wb);
        x[2] = s / wa.min(wb).max(0.25 * wa.max(wb));
    }
    let (ww_a, ww_b) = (sa.words, sb.words);
    if ww_a > 0.0 && ww_b > 0.0 {
        x[3] = sum(&shared, Some(TermKind::Word), false) / ww_a.min(ww_b);
    }
    let count = |k: TermKind| shared.iter().filter(|&&t| cx.kind(t) == k).count();
    let miss = |k: TermKind| has(cx, &a.terms, k) && has(cx, &b.terms, k) && count(k) == 0;
    x[4] = count(TermKind::Entity).min(3) as f64 / 3.0;
    x[5] = f64::from(u8::from(miss(TermKind::Entity)));
    x[6] = f64::from(u8::from(count(TermKind::Number) > 0));
    x[7] = f64::from(u8::from(miss(TermKind::Number)));
    x[8] = f64::from(u8::from(count(TermKind::Date) > 0));
    x[9] = f64::from(u8::from(miss(TermKind::Date)));
    let (same_fig, fig_clash) = similarity::figures(&a.counted, &b.counted, qa, qb);
    x[10] = f64::from(u8::from(same_fig));
    x[11] = f64::from(u8::from(fig_clash && !same_fig));
    x[12] = f64::from(u8::from(count(TermKind::Toll) > 0));
    let speakers = !a.speaker.is_empty() && !b.speaker.is_empty();
    x[13] = f64::from(u8::from(speakers && !a.speaker.is_disjoint(&b.speaker)));
    x[14] = f64::from(u8::from(
        speakers && a.source.is_some() && b.source.is_some() && a.speaker.is_disjoint(&b.speaker),
    ));
    x[15] = f64::from(u8::from(
        !a.subject.is_empty() && !b.subject.is_empty() && a.subject.is_disjoint(&b.subject),
    ));
    if a.quote && b.quote {
        x[16] = 1.0;
        let n = a.quote_keys.len() + b.quote_keys.len();
        if n > 0 {
            x[17] = 2.0 * a.quote_keys.intersection(&b.quote_keys).count() as f64 / n as f64;
        }
    }
    x[18] = f64::from(u8::from(a.numeric && b.numeric));
    x[19] = f64::from(u8::from(a.rank == 0 && b.rank == 0));
    let place = |f: &Features| f64::from(f.rank) / f64::from(f.sentences.max(1));
    x[20] = (place(a) - place(b)).abs();
    // Two claims of one article (a restatement, see [`Model::restate`]) say nothing by their
    // article's likeness to itself.
    x[21] = if a.doc == b.doc {
        0.0
    } else {
        cx.article_cosine(a.doc, b.doc)
    };
    x[22] = x[0] * x[21];
    x[23] = similarity::score(a, b, qa, qb, &cx.idf).value;
    x[24] = shared.len().min(6) as f64 / 6.0;
    let top = a
        .terms
        .iter()
        .chain(&b.terms)
        .map(|&t| cx.idf(t))
        .fold(0.0, f64::max);
    if top > 0.0 {
        x[25] = shared.iter().map(|&t| cx.idf(t)).fold(0.0, f64::max) / top;
    }
    x[26] = f64::from(u8::from(a.piece || b.piece));
    x[27] = f64::from(u8::from((a.negations > 0) != (b.negations > 0)));
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_reads() {
        let m = Model::parse(include_str!("../../data/compare/align-model.tsv"));
        assert!(m.is_ok(), "{m:?}");
    }

    #[test]
    fn model_file_is_strict() {
        let good = Model {
            bias: -1.5,
            weights: (0..N).map(|i| i as f64 / 10.0).collect(),
            link: 0.5,
            mean: 0.3,
            restate: 0.9,
        };
        let text = good.write("test");
        assert_eq!(Model::parse(&text), Ok(good));
        // A missing, renamed or extra feature, or a bad number, is refused.
        let cases = [
            text.replace("w\tcosine\t0\n", ""),
            text.replace("\tdice\t", "\tdise\t"),
            format!("{text}w\textra\t1\n"),
            text.replace("link\t0.5", "link\tx"),
            text.replace("bias\t-1.5\n", ""),
            format!("{text}stray line\n"),
        ];
        for bad in cases {
            assert!(Model::parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn term_kinds_by_prefix() {
        let cases = [
            ("w:ship", TermKind::Word),
            ("e:armenia", TermKind::Entity),
            ("n:49", TermKind::Number),
            ("d:2020-10-02", TermKind::Date),
            ("q:azerbaijan:0", TermKind::Toll),
        ];
        for (name, kind) in cases {
            assert_eq!(TermKind::of(name), kind, "{name}");
        }
    }
}
