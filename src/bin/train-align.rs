//! Trains the claim-pair scorer of `corroborate::compare::model` (a logistic regression over
//! [`corroborate::compare::model::FEATURES`]) and writes `data/compare/align-model.tsv`.
//!
//! ```text
//! train-align --link L --mean M --restate R [-o FILE] --ecb FOLDER... --labels DIR FOLDER...
//! ```
//!
//! Folders after `--ecb` are scored against their own `gold.json` (ECB+ event chains: two
//! claims that both cover gold members are a positive pair when they share a chain, a
//! negative one otherwise; a pair with an uncovered claim says nothing and is left out). Use the
//! *topic* folders, which hold two similar events, so that claims of the other event are
//! negatives. Folders after `--labels DIR` are scored against the claim-level labels in
//! `DIR/<folder name>/gold.json` (see `data/align/claims`): there a claim that covers no
//! labelled member states nothing another article repeats, so a pair with at least one covered
//! claim is labelled, and a pair of two uncovered claims is a negative of half weight. Pairs are
//! the candidates the comparison itself scores ([`corroborate::compare::cluster::candidates`]).
//! Each of the two sources carries half of the total weight, and within a source positives and
//! negatives carry equal weight.
//!
//! Training is Newton's method (iteratively reweighted least squares) from zero weights with an
//! L2 penalty, a fixed number of steps, in a fixed order: the same data give the same file.
//! `--link`, `--mean` and `--restate` are written into the file as they are given: choose them with
//! `eval-align --sweep` on the dev folders (never on the sample articles).

use std::path::PathBuf;

use align::Example;
use corroborate::compare::model;

// Scoring and baselines are for eval-align; training uses the loading and coverage.
#[allow(dead_code)]
#[path = "shared/align.rs"]
mod align;

/// L2 penalty (on the total example weight of 1).
const L2: f64 = 1e-4;
/// Newton steps.
const STEPS: usize = 25;

/// Scales the weights so that each class carries half of `total`.
fn balance(ex: &mut [Example], total: f64) {
    for class in [true, false] {
        let sum: f64 = ex.iter().filter(|e| e.y == class).map(|e| e.w).sum();
        if sum > 0.0 {
            for e in ex.iter_mut().filter(|e| e.y == class) {
                e.w *= total / 2.0 / sum;
            }
        }
    }
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[p][c].abs() < 1e-12 {
            return None;
        }
        a.swap(c, p);
        b.swap(c, p);
        let (top, rest) = a.split_at_mut(c + 1);
        let pivot = &top[c];
        for (r, row) in rest.iter_mut().enumerate() {
            let k = row[c] / pivot[c];
            for (x, p) in row[c..].iter_mut().zip(&pivot[c..]) {
                *x -= k * p;
            }
            b[c + 1 + r] -= k * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for c in (0..n).rev() {
        let s: f64 = (c + 1..n).map(|j| a[c][j] * x[j]).sum();
        x[c] = (b[c] - s) / a[c][c];
    }
    Some(x)
}

/// Logistic regression by Newton's method; returns (bias, weights).
fn train(ex: &[Example]) -> (f64, Vec<f64>) {
    let d = model::N + 1;
    let mut beta = vec![0.0; d];
    let row =
        |e: &Example| -> Vec<f64> { std::iter::once(1.0).chain(e.x.iter().copied()).collect() };
    for step in 0..STEPS {
        let mut h = vec![vec![0.0; d]; d];
        let mut g = vec![0.0; d];
        let mut loss = 0.0;
        for e in ex {
            let r = row(e);
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.y { 1.0 } else { 0.0 };
            loss -= e.w * (y * p.max(1e-12).ln() + (1.0 - y) * (1.0 - p).max(1e-12).ln());
            let s = e.w * p * (1.0 - p);
            for i in 0..d {
                g[i] += e.w * (p - y) * r[i];
                for j in 0..d {
                    h[i][j] += s * r[i] * r[j];
                }
            }
        }
        for i in 1..d {
            g[i] += L2 * beta[i];
            h[i][i] += L2;
        }
        let Some(delta) = solve(h, g) else {
            eprintln!("train-align: singular Hessian at step {step}");
            break;
        };
        for i in 0..d {
            beta[i] -= delta[i];
        }
        if step % 5 == 4 || step + 1 == STEPS {
            eprintln!("step {}: loss {loss:.5}", step + 1);
        }
    }
    (beta[0], beta[1..].to_vec())
}

fn usage() -> ! {
    eprintln!("usage: train-align --link L --mean M --restate R [-o FILE] --ecb FOLDER... --labels DIR FOLDER...");
    std::process::exit(2);
}

fn main() {
    let mut out = PathBuf::from("data/compare/align-model.tsv");
    let (mut link, mut mean, mut restate) = (None, None, None);
    let mut ecb: Vec<PathBuf> = Vec::new();
    let mut labelled: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut labels: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    let num = |v: Option<String>| {
        v.and_then(|v| v.parse::<f64>().ok())
            .unwrap_or_else(|| usage())
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" => out = args.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--link" => link = Some(num(args.next())),
            "--mean" => mean = Some(num(args.next())),
            "--restate" => restate = Some(num(args.next())),
            "--ecb" => labels = None,
            "--labels" => labels = Some(args.next().map(PathBuf::from).unwrap_or_else(|| usage())),
            _ if a.starts_with('-') => usage(),
            _ => match &labels {
                Some(l) => labelled.push((l.clone(), PathBuf::from(a))),
                None => ecb.push(PathBuf::from(a)),
            },
        }
    }
    let (Some(link), Some(mean), Some(restate)) = (link, mean, restate) else {
        usage()
    };
    let mut sources: Vec<(&str, Vec<Example>)> = Vec::new();
    for (name, claim_level, folders) in [
        (
            "ECB+ event chains",
            false,
            ecb.iter().map(|d| (None, d)).collect::<Vec<_>>(),
        ),
        (
            "claim labels",
            true,
            labelled.iter().map(|(l, d)| (Some(l), d)).collect(),
        ),
    ] {
        let mut ex = Vec::new();
        let (mut found, mut all) = (0, 0);
        for (l, d) in folders {
            let f = align::load(d, l.map(|p| p.as_path())).unwrap_or_else(|e| {
                eprintln!("train-align: {e}");
                std::process::exit(1)
            });
            let (e, fo, al) = align::examples(&f, claim_level);
            ex.extend(e);
            found += fo;
            all += al;
        }
        if ex.is_empty() {
            continue;
        }
        let pos = ex.iter().filter(|e| e.y).count();
        eprintln!(
            "{name}: {} pairs ({pos} positive); candidates hold {found} of {all} positive cross-article pairs",
            ex.len()
        );
        sources.push((name, ex));
    }
    let share = 1.0 / sources.len().max(1) as f64;
    let mut all: Vec<Example> = Vec::new();
    let mut what = Vec::new();
    for (name, mut ex) in sources {
        balance(&mut ex, share);
        what.push(format!("{name}: {} pairs", ex.len()));
        all.extend(ex);
    }
    if all.is_empty() {
        eprintln!("train-align: no training pairs");
        std::process::exit(1);
    }
    let (bias, weights) = train(&all);
    let m = model::Model {
        bias,
        weights,
        link,
        mean,
        restate,
    };
    // Shared data paths as `PATH/ecbplus/…`, so that the header names no machine's folders.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .map(|a| match a.find("ecbplus/") {
            Some(i) => format!("PATH/{}", &a[i..]),
            None => a,
        })
        .collect();
    let header = format!(
        "Claim-pair scorer of src/compare/model.rs: logistic regression, written by\n  cargo run --profile tools --bin train-align -- {}\n(paths of the shared data given relative to it as PATH). Trained on {}.\nlink and mean were chosen on ECB+ dev and the dev claim labels with eval-align --sweep.",
        args.join(" "),
        what.join("; ")
    );
    if let Err(e) = std::fs::write(&out, m.write(&header)) {
        eprintln!("train-align: {}: {e}", out.display());
        std::process::exit(1);
    }
    eprintln!("wrote {}", out.display());
}
