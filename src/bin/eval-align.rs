//! Claim-alignment scores over folders of articles with a `gold.json` (the ECB+ format of
//! `shared/data/ecbplus`, or the claim-level labels under `data/align/claims`), with the
//! link-everything and TF-IDF baselines computed in the same run.
//!
//! ```text
//! eval-align [--labels DIR] [--tfidf T] [--sweep] [--quiet] FOLDER...
//! ```
//!
//! For each folder it runs the same `analyze` as the CLI over the folder's documents (in the
//! order `gold.json` lists them) and scores the report's groups exactly as
//! `shared/eval/align_score.py` does: a claim *covers* a gold member when the member's anchor is a
//! substring of the claim's region (its sentence and content, from the first start to the last
//! end); recall is over gold member pairs in different articles of one gold claim whose members
//! are covered by claims sharing a group; precision is over the cross-article claim pairs of each
//! group whose two claims both cover some member, good when the two share a gold claim. Both are
//! micro-averaged over all folders. Also printed: the claim × article-pair recall (one row per
//! claim holds one cell per article) and its F1, gold conflicts flagged `conflict`, and gold
//! conflicts called `agree`.
//!
//! `--labels DIR` reads the gold from `DIR/<folder name>/gold.json` instead of the folder's own
//! (the claim-level labels in `data/align/claims/{train,dev}` over ECB+ folders).
//!
//! Baselines, over the same claims: **link-everything** puts every claim of the folder in one
//! group; **TF-IDF** links two claims of different articles whose regions have a cosine of at
//! least `T` (default [`TFIDF_T`], the best F1 on ECB+ dev subtopics, see `--sweep`) over
//! lower-cased content words (the comparison's stop words dropped), weighted by
//! `ln(1 + N/df)` with `df` counted over all claims of the run, and takes connected components.
//! `--sweep` prints the TF-IDF baseline at several thresholds, and the system with the grouping
//! thresholds of the model file replaced by each combination of the comma-separated values in
//! the environment variables `LINKS`, `MEANS` and `RESTATES` (the file's own where unset).

use std::path::PathBuf;

use corroborate::compare;

#[path = "shared/align.rs"]
mod align;

use align::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut labels: Option<PathBuf> = None;
    let mut t = TFIDF_T;
    let mut sweep = false;
    let mut quiet = false;
    let mut dirs: Vec<PathBuf> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--labels" => labels = args.next().map(PathBuf::from),
            "--tfidf" => t = args.next().and_then(|v| v.parse().ok()).unwrap_or(TFIDF_T),
            "--sweep" => sweep = true,
            "--quiet" => quiet = true,
            _ if a.starts_with("--") => {
                eprintln!(
                    "usage: eval-align [--labels DIR] [--tfidf T] [--sweep] [--quiet] FOLDER..."
                );
                std::process::exit(2);
            }
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: eval-align [--labels DIR] [--tfidf T] [--sweep] [--quiet] FOLDER...");
        std::process::exit(2);
    }
    let mut folders = Vec::new();
    for d in &dirs {
        match load(d, labels.as_deref()) {
            Ok(f) => folders.push(f),
            Err(e) => {
                eprintln!("eval-align: {e}");
                std::process::exit(1);
            }
        }
    }
    let vecs = tfidf(&folders);
    let (mut sys, mut all, mut tf) = (Tally::default(), Tally::default(), Tally::default());
    for (f, v) in folders.iter().zip(&vecs) {
        let s = score(f, &system(f));
        if !quiet {
            println!(
                "{}: gold pairs {} found {}; system pairs {} good {}",
                f.name, s.gold_pairs, s.found, s.judged, s.good
            );
        }
        sys.add(&s);
        all.add(&score(f, &everything(f)));
        tf.add(&score(f, &tfidf_groups(f, v, t)));
    }
    println!("{} folders", folders.len());
    println!("system:          {}", sys.line());
    println!("link-everything: {}", all.line());
    println!("tf-idf (t={t}):  {}", tf.line());
    if sweep {
        for k in 1..=12 {
            let t = 0.05 * k as f64;
            let mut tally = Tally::default();
            for (f, v) in folders.iter().zip(&vecs) {
                tally.add(&score(f, &tfidf_groups(f, v, t)));
            }
            println!("tf-idf t={t:.2}: {}", tally.line());
        }
        // Pair-level precision and recall of the model over labelled candidate pairs.
        let claim_level = labels.is_some();
        let ex: Vec<Example> = folders
            .iter()
            .flat_map(|f| examples(f, claim_level).0)
            .collect();
        let pos = ex.iter().filter(|e| e.y).count();
        for k in 2..=9 {
            let t = 0.1 * k as f64;
            let m = compare::model::model();
            let (tp, fp) = ex.iter().fold((0, 0), |(tp, fp), e| {
                if m.probability(&e.x) >= t {
                    if e.y {
                        (tp + 1, fp)
                    } else {
                        (tp, fp + 1)
                    }
                } else {
                    (tp, fp)
                }
            });
            let (p, r) = (ratio(tp, tp + fp), ratio(tp, pos));
            println!(
                "pairs p>={t:.1}: P {p:.3} R {r:.3} F1 {:.3} ({pos} positive of {})",
                f1(p, r),
                ex.len()
            );
        }
        let base = compare::model::model();
        let grid = |v: &str| -> Vec<f64> {
            std::env::var(v)
                .ok()
                .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default()
        };
        let (links, means, restates) = (grid("LINKS"), grid("MEANS"), grid("RESTATES"));
        let or = |v: Vec<f64>, d: f64| if v.is_empty() { vec![d] } else { v };
        for &link in &or(links, base.link) {
            for &mean in &or(means.clone(), base.mean) {
                for &restate in &or(restates.clone(), base.restate) {
                    let m = compare::model::Model {
                        link,
                        mean,
                        restate,
                        ..base.clone()
                    };
                    let mut tally = Tally::default();
                    for f in &folders {
                        let r = &f.report;
                        let c = compare::compare_with(&r.documents, &r.entities, &r.claims, &m);
                        tally.add(&score(f, &groups_of(f, &c.groups)));
                    }
                    println!(
                        "system link={link:.2} mean={mean:.2} restate={restate:.2}: {}",
                        tally.line()
                    );
                }
            }
        }
    }
}
