//! Speed and tuning figures for `corroborate::compare`.
//!
//! ```text
//! bench-compare speed DIR... [--sentences] [--phases]   # compare() time on DIR/*.txt
//! bench-compare tune PAIRS.tsv        # precision/recall of the pair score across thresholds
//! bench-compare explain REPORT.json CLAIM CLAIM...   # pair scores and evidence from a report
//! ```
//!
//! `speed` takes the first 10, 50, 200 and 1,000 articles found in the given folders (files in
//! name order, folders in the order given; too few files and the list repeats), makes their
//! entities and claims with `corroborate::analyze` (or, with `--sentences`, one `event` claim
//! per sentence and no entities), runs `compare` a few times per size on that report data and
//! prints the median wall time of `compare` alone. `--phases` adds the time of each stage (on
//! the units `compare` groups: claims told in pieces split into their pieces).
//!
//! `tune` reads hand-labelled claim pairs (`src/compare/pairs.tsv`): every claim A in one
//! article, every claim B in another, so term weights come from the whole set; it prints the
//! pair-probability precision, recall and F1 of the learned scorer ([`corroborate::compare::model`])
//! at thresholds 0.20..0.80, and the same for the grouping that `compare` makes of the two
//! articles (`--groups` prints its groups, `--verbose` each pair's probability).

use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate::compare::{self, cluster, markup, model};
use corroborate::report::{Claim, ClaimKind, Document, Span};
use corroborate::text::prepare;
use corroborate::{analyze, Article};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("speed") => speed(
            &args[1..].iter().filter(|a| !a.starts_with("--")).cloned().collect::<Vec<_>>(),
            args.iter().any(|a| a == "--sentences"),
            args.iter().any(|a| a == "--phases"),
        ),
        Some("tune") => tune(args.get(1).map(String::as_str).unwrap_or("src/compare/pairs.tsv")),
        Some("explain") if args.len() >= 4 => explain(&args[1], &args[2..]),
        _ => Err("usage: bench-compare speed DIR... | tune PAIRS.tsv | explain REPORT.json CLAIM CLAIM...".to_string()),
    };
    if let Err(e) = result {
        eprintln!("bench-compare: {e}");
        std::process::exit(2);
    }
}

fn texts(dirs: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        let mut here: Vec<PathBuf> = std::fs::read_dir(d)
            .map_err(|e| format!("{d}: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        here.sort();
        files.extend(here);
    }
    files
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::read_to_string(p)
                .map(|t| (name, t))
                .map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// One event claim per sentence.
fn sentence_claims(articles: &[(String, String)]) -> (Vec<Document>, Vec<Claim>) {
    let mut docs = Vec::new();
    let mut claims = Vec::new();
    for (d, (name, text)) in articles.iter().enumerate() {
        let p = prepare(text);
        for s in &p.sentences {
            let start = p.utf16.at(s.range.start);
            let end = p.utf16.at(s.range.end);
            let span = Span {
                start,
                end,
                text: text[s.range.clone()].to_string(),
            };
            claims.push(Claim {
                id: format!("c{}", claims.len()),
                doc: d as u32,
                kind: ClaimKind::Event,
                sentence: span.clone(),
                content: span.clone(),
                pieces: vec![span],
                cue: None,
                source: None,
                speaker: None,
                cited: Vec::new(),
                quantities: Vec::new(),
            });
        }
        docs.push(Document {
            index: d as u32,
            name: name.clone(),
            title: String::new(),
            outlet: None,
            length: p.utf16.len(),
            boilerplate: Vec::new(),
        });
    }
    (docs, claims)
}

fn speed(dirs: &[String], sentences: bool, phases: bool) -> Result<(), String> {
    if dirs.is_empty() {
        return Err("speed needs at least one folder of .txt articles".into());
    }
    let all = texts(dirs)?;
    if all.is_empty() {
        return Err("no .txt files".into());
    }
    println!(
        "claims from {}",
        if sentences {
            "sentences (one event claim each, no entities)"
        } else {
            "corroborate::analyze"
        }
    );
    println!(
        "{:>8} {:>8} {:>8} {:>8} {:>10} {:>6} {:>12}",
        "articles", "entities", "claims", "groups", "multi-doc", "runs", "median ms"
    );
    for &n in &[10usize, 50, 200, 1000] {
        let picked: Vec<(String, String)> = (0..n).map(|i| all[i % all.len()].clone()).collect();
        let (docs, entities, claims) = if sentences {
            let (d, c) = sentence_claims(&picked);
            (d, Vec::new(), c)
        } else {
            let articles: Vec<Article> = picked
                .iter()
                .map(|(name, text)| Article::new(name.clone(), text.clone()))
                .collect();
            let r = analyze(&articles).map_err(|e| e.to_string())?;
            (r.documents, r.entities, r.claims)
        };
        let runs = if n >= 1000 { 3 } else { 5 };
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..runs {
            let t = Instant::now();
            let c = compare::compare(&docs, &entities, &claims);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            last = Some(c);
        }
        times.sort_by(f64::total_cmp);
        let c = last.ok_or("no run")?;
        let multi = c.groups.iter().filter(|g| g.docs.len() > 1).count();
        println!(
            "{:>8} {:>8} {:>8} {:>8} {:>10} {:>6} {:>12.1}",
            n,
            entities.len(),
            claims.len(),
            c.groups.len(),
            multi,
            runs,
            times[times.len() / 2]
        );
        if phases {
            let t = Instant::now();
            let (_, _, p) = compare::prepare_units(&docs, &entities, &claims);
            let t_prep = t.elapsed().as_secs_f64() * 1000.0;
            let cx = model::Context::new(&p.feats, &p.idf, &p.terms);
            let input = cluster::Input::new(&p, &cx, model::model());
            let t = Instant::now();
            let pairs = cluster::candidates(&input);
            let t_cand = t.elapsed().as_secs_f64() * 1000.0;
            let t = Instant::now();
            let links = cluster::links(&input, &pairs);
            let t_links = t.elapsed().as_secs_f64() * 1000.0;
            let t = Instant::now();
            let groups = cluster::cluster(&input);
            let t_cluster = t.elapsed().as_secs_f64() * 1000.0;
            println!(
                "         prepare {t_prep:.1} ms, candidates {t_cand:.1} ms ({} pairs), links {t_links:.1} ms ({} links), cluster (incl. both) {t_cluster:.1} ms ({} groups)",
                pairs.len(),
                links.len(),
                groups.len()
            );
        }
        if n > all.len() {
            println!(
                "         (only {} distinct articles: the list repeats)",
                all.len()
            );
        }
    }
    Ok(())
}

fn tune(path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(Path::new(path)).map_err(|e| format!("{path}: {e}"))?;
    let mut a_side: Vec<&str> = Vec::new();
    let mut b_side: Vec<&str> = Vec::new();
    let mut labels: Vec<bool> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(format!("bad line: {line}"));
        }
        labels.push(f[0].trim() == "1");
        a_side.push(f[1]);
        b_side.push(f[2]);
    }
    let n = labels.len();
    let built = markup::build(&[&a_side, &b_side]);
    let p = compare::prepare(&built.documents, &built.entities, &built.claims);
    let cx = model::Context::new(&p.feats, &p.idf, &p.terms);
    let prob = |i: usize, j: usize| {
        model::model().probability(&model::features(
            &cx,
            &p.feats[i],
            &p.feats[j],
            &p.values[i],
            &p.values[j],
        ))
    };
    let scores: Vec<f64> = (0..n).map(|i| prob(i, n + i)).collect();
    // Off-diagonal pairs are easy negatives: report how many pass each threshold.
    let mut off: Vec<f64> = Vec::new();
    for i in 0..n {
        for j in 0..n {
            if i != j {
                off.push(prob(i, n + j));
            }
        }
    }
    let pos = labels.iter().filter(|&&l| l).count();
    println!(
        "{n} labelled pairs ({pos} same claim, {} different), {} unlabelled cross pairs",
        n - pos,
        off.len()
    );
    println!(
        "{:>9} {:>6} {:>6} {:>6} {:>4} {:>4} {:>10}",
        "threshold", "P", "R", "F1", "FP", "FN", "cross>=t"
    );
    for k in 4..=16 {
        let t = k as f64 * 0.05;
        let tp = (0..n).filter(|&i| labels[i] && scores[i] >= t).count();
        let fp = (0..n).filter(|&i| !labels[i] && scores[i] >= t).count();
        let fnn = pos - tp;
        let prec = if tp + fp == 0 {
            1.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let rec = if pos == 0 {
            1.0
        } else {
            tp as f64 / pos as f64
        };
        let f1 = if prec + rec == 0.0 {
            0.0
        } else {
            2.0 * prec * rec / (prec + rec)
        };
        let cross = off.iter().filter(|&&s| s >= t).count();
        let mark = if (t - model::model().link).abs() < 0.025 {
            " <- LINK"
        } else {
            ""
        };
        println!("{t:>9.2} {prec:>6.3} {rec:>6.3} {f1:>6.3} {fp:>4} {fnn:>4} {cross:>10}{mark}");
    }
    if std::env::args().any(|a| a == "--verbose") {
        for i in 0..n {
            println!(
                "{} {:.3}  {}  ||  {}",
                u8::from(labels[i]),
                scores[i],
                a_side[i],
                b_side[i]
            );
        }
    }
    // The grouping itself.
    let c = compare::compare(&built.documents, &built.entities, &built.claims);
    // A claim told in pieces may be in several groups.
    let mut group_of: Vec<Vec<usize>> = vec![Vec::new(); built.claims.len()];
    for (g, grp) in c.groups.iter().enumerate() {
        for id in &grp.claims {
            if let Some(i) = id.strip_prefix('c').and_then(|x| x.parse::<usize>().ok()) {
                if let Some(slot) = group_of.get_mut(i) {
                    slot.push(g);
                }
            }
        }
    }
    if std::env::args().any(|a| a == "--groups") {
        for g in c.groups.iter().filter(|g| g.claims.len() > 1) {
            println!("{} {}", g.relation, g.claims.join(" "));
            for id in &g.claims {
                if let Some(cl) = built.claims.iter().find(|c| &c.id == id) {
                    println!("    {id} (side {}) {}", cl.doc, cl.sentence.text);
                }
            }
        }
    }
    let together = |i: usize, j: usize| group_of[i].iter().any(|g| group_of[j].contains(g));
    let tp = (0..n).filter(|&i| labels[i] && together(i, n + i)).count();
    let fp = (0..n).filter(|&i| !labels[i] && together(i, n + i)).count();
    let cross = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .filter(|&(i, j)| i != j && together(i, n + j))
        .count();
    println!(
        "compare(): {tp}/{pos} same-claim pairs grouped, {fp}/{} different-claim pairs grouped, {cross} unlabelled cross pairs grouped",
        n - pos
    );
    Ok(())
}

/// Scores every pair of the named claims of a report, with the shared terms. A claim told in
/// pieces is scored piece by piece, as `compare` does (`c38#1` is the second piece of `c38`).
fn explain(path: &str, ids: &[String]) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let report: corroborate::Report =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let (units, origin, p) =
        compare::prepare_units(&report.documents, &report.entities, &report.claims);
    for id in ids {
        if !report.claims.iter().any(|c| &c.id == id) {
            return Err(format!("no claim {id}"));
        }
    }
    // Units of the named claims, with a name each.
    let mut idx: Vec<(usize, String)> = Vec::new();
    for (u, c) in units.iter().enumerate() {
        if ids.contains(&c.id) {
            let k = (0..u).filter(|&v| origin[v] == origin[u]).count();
            let several = origin.iter().filter(|&&o| o == origin[u]).count() > 1;
            let name = if several {
                format!("{}#{k}", c.id)
            } else {
                c.id.clone()
            };
            idx.push((u, name));
        }
    }
    // A set of keys by name, as the features once held them.
    let named = |s: &compare::features::IdSet| -> std::collections::BTreeSet<&str> {
        s.iter().map(|&k| p.keys[k as usize].as_str()).collect()
    };
    for (i, name) in &idx {
        let f = &p.feats[*i];
        let terms: Vec<&str> = f
            .terms
            .iter()
            .map(|&t| p.terms[t as usize].as_str())
            .collect();
        println!(
            "{name} doc {} quote {} outlet {} subject {:?} speaker {:?} negated {:?}\n  content {:?}\n  terms {:?}",
            f.doc,
            f.quote,
            f.outlet,
            named(&f.subject),
            named(&f.speaker),
            f.negated,
            units[*i].content.text,
            terms
        );
    }
    let cx = model::Context::new(&p.feats, &p.idf, &p.terms);
    let input = cluster::Input::new(&p, &cx, model::model());
    for (x, (i, a)) in idx.iter().enumerate() {
        for (j, b) in &idx[x + 1..] {
            let s = input.score(*i, *j);
            let shared: Vec<&str> = s
                .shared
                .iter()
                .map(|&t| p.terms[t as usize].as_str())
                .collect();
            let feats = model::features(
                &cx,
                &p.feats[*i],
                &p.feats[*j],
                &p.values[*i],
                &p.values[*j],
            );
            let named: Vec<String> = model::FEATURES
                .iter()
                .zip(feats)
                .filter(|(_, v)| *v != 0.0)
                .map(|(n, v)| format!("{n}={v:.2}"))
                .collect();
            println!(
                "{a} ~ {b}: {:.3} {:?}\n    {}",
                s.value,
                shared,
                named.join(" ")
            );
        }
    }
    Ok(())
}
