//! `eval-polnear DIR [--json OUT] [--examples N]`: attribution extraction scored against
//! PolNeAR gold.
//!
//! DIR is one PolNeAR compartment (`text/*.txt`, `attributions/*.ann`). The texts are run
//! through the full pipeline, `corroborate::analyze`, as the CLI does ([`predict_pipeline`];
//! `--extractor` scores the attribution extractor alone, with split quotes as pieces), and the
//! claims are scored with the rules of `shared/eval/polnear_score.py`:
//! alphanumeric character sets; content matches when the overlap covers at least half of the
//! longer span; source and cue when they share a character with gold (or both are absent);
//! greedy one-to-one alignment per article in order of decreasing overlap (ties: gold order,
//! then prediction order); end-to-end = content + source. Gold: the lexicographically first
//! `.ann` file per article, one attribution per `E` line with a content. `--json OUT` writes a
//! `corroborate/report@1` report that `polnear_score.py` reads, so the two can be compared.
//! `--examples N` prints N misses and N false alarms of the end-to-end metric.
//! `--unfiltered` scores every candidate (the learned filter off); `--train-filter OUT` trains
//! the filter on DIR's candidates and writes its weights to OUT
//! (`data/lexicon/attribution-filter.tsv`; train on PolNeAR train only).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use corroborate::claims::attribution::{self, Form};
use corroborate::report::{Claim, ClaimKind, Span};
use corroborate::text::prepare;

/// One predicted claim: the claim, the pieces of its content when an interrupting "he said"
/// splits it (empty otherwise), and the learned filter's features (empty unless training).
type Predicted = (Claim, Vec<Span>, Vec<String>);

/// Texts → claims through the full pipeline, `corroborate::analyze`, exactly as the CLI
/// reports them (content as one span; continuations with the cue and source of the quote they
/// continue). All articles are analysed together, as the CLI does when given the folder's files.
fn predict_pipeline(docs: &[(String, String)]) -> Vec<Predicted> {
    let articles: Vec<corroborate::Article> = docs
        .iter()
        .map(|(name, text)| corroborate::Article::new(name.clone(), text.clone()))
        .collect();
    match corroborate::analyze(&articles) {
        Ok(report) => report
            .claims
            .into_iter()
            .filter(|c| c.cue.is_some() || c.source.is_some())
            .map(|c| (c, vec![], vec![]))
            .collect(),
        Err(e) => {
            eprintln!("eval-polnear: {e}");
            Vec::new()
        }
    }
}

/// Texts → claims from the attribution extractor alone, scoring split quotes by their pieces
/// (`--extractor`): an upper bound for what a multi-span content would give.
fn predict(docs: &[(String, String)]) -> Vec<Predicted> {
    let mut out = Vec::new();
    for (di, (_, text)) in docs.iter().enumerate() {
        let p = prepare(text);
        let found: Vec<(attribution::Attribution, Vec<String>)> = attribution::find(&p)
            .into_iter()
            .map(|a| (a, vec![]))
            .collect();
        to_claims(&p, text, di, &found, &mut out);
    }
    out
}

/// Every candidate before the learned filter, with its features (for `--train-filter`).
fn candidates(docs: &[(String, String)]) -> Vec<Predicted> {
    let mut out = Vec::new();
    for (di, (_, text)) in docs.iter().enumerate() {
        let p = prepare(text);
        let found = attribution::candidates(&p);
        to_claims(&p, text, di, &found, &mut out);
    }
    out
}

fn to_claims(
    p: &corroborate::text::Prepared,
    text: &str,
    di: usize,
    found: &[(attribution::Attribution, Vec<String>)],
    out: &mut Vec<Predicted>,
) {
    for (a, features) in found {
        let span = |r: &std::ops::Range<usize>| Span {
            start: p.utf16.at(r.start),
            end: p.utf16.at(r.end),
            text: text.get(r.clone()).unwrap_or("").to_string(),
        };
        // A continuation paragraph carries the speaker of the quote it continues.
        let (cue, source) = match a.continues.and_then(|c| found.get(c)) {
            Some((h, _)) if a.cue.is_none() && a.source.is_none() => {
                (h.cue.as_ref().map(span), h.source.as_ref().map(span))
            }
            _ => (a.cue.as_ref().map(span), a.source.as_ref().map(span)),
        };
        let sent = match (
            p.sentences.get(a.sentences.start),
            p.sentences.get(a.sentences.end.saturating_sub(1)),
        ) {
            (Some(x), Some(y)) => x.range.start..y.range.end,
            _ => a.content.clone(),
        };
        let claim = Claim {
            id: format!("c{}", out.len()),
            doc: di as u32,
            kind: if a.form == Form::Indirect {
                ClaimKind::Statement
            } else {
                ClaimKind::Quote
            },
            sentence: span(&sent),
            content: span(&a.content),
            pieces: a.pieces.iter().map(span).collect(),
            cue,
            source,
            speaker: None,
            cited: a.cited.iter().map(span).collect(),
            quantities: vec![],
        };
        let pieces = if a.pieces.len() > 1 {
            a.pieces.iter().map(span).collect()
        } else {
            vec![]
        };
        out.push((claim, pieces, features.clone()));
    }
}

/// Logistic regression by stochastic gradient descent over binary features; returns weights.
fn train_filter(data: &[(Vec<String>, bool)]) -> BTreeMap<String, f64> {
    let mut w: BTreeMap<String, f64> = BTreeMap::new();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    const EPOCHS: usize = 20;
    const L2: f64 = 1e-4;
    for epoch in 0..EPOCHS {
        // Fisher-Yates with a fixed xorshift sequence: the same weights on every run
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let lr = 0.1 / (1.0 + epoch as f64);
        for &i in &order {
            let (x, y) = &data[i];
            let z: f64 = x.iter().map(|f| w.get(f).copied().unwrap_or(0.0)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (if *y { 1.0 } else { 0.0 }) - p;
            for f in x {
                let wf = w.entry(f.clone()).or_insert(0.0);
                *wf += lr * (g - L2 * *wf);
            }
        }
    }
    // small weights change almost no decision; dropping them keeps the data file small
    w.retain(|_, v| v.abs() >= 0.05);
    w
}

// ---------------------------------------------------------------- gold

struct Gold {
    content: HashSet<usize>,
    source: Option<HashSet<usize>>,
    cue: Option<HashSet<usize>>,
    direct: bool,
    text: String,
}

struct Pred {
    content: HashSet<usize>,
    source: Option<HashSet<usize>>,
    cue: Option<HashSet<usize>>,
    direct: bool,
    text: String,
    source_text: String,
}

/// Alphanumeric code-point positions of the fragments (non-space ones if none).
fn char_set(chars: &[char], frags: &[(usize, usize)]) -> HashSet<usize> {
    let mut s: HashSet<usize> = frags
        .iter()
        .flat_map(|&(a, b)| a..b)
        .filter(|&i| chars.get(i).is_some_and(|c| c.is_alphanumeric()))
        .collect();
    if s.is_empty() {
        s = frags
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter(|&i| chars.get(i).is_some_and(|c| !c.is_whitespace()))
            .collect();
    }
    s
}

/// The scorer's quote test: " “ ” „ « » or '' or ‘ or ' at a word start before a letter.
fn is_direct(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        if matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
        ) {
            return true;
        }
        if c == '\'' {
            if cs.get(i + 1) == Some(&'\'') {
                return true;
            }
            let prev_ok = i == 0
                || !(cs[i - 1].is_alphanumeric()
                    || cs[i - 1] == '_'
                    || matches!(cs[i - 1], '.' | '\u{2019}' | '\''));
            let next_ok = cs.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if prev_ok && next_ok {
                return true;
            }
        }
    }
    false
}

fn parse_ann(path: &Path, chars: &[char]) -> Vec<Gold> {
    let Ok(src) = std::fs::read_to_string(path) else {
        return vec![];
    };
    let mut ts: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut es: Vec<Vec<(String, String)>> = Vec::new();
    for line in src.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = mid.splitn(2, ' ');
            let _ty = parts.next();
            let Some(offs) = parts.next() else { continue };
            let frags: Vec<(usize, usize)> = offs
                .split(';')
                .filter_map(|f| {
                    let mut it = f.split_whitespace();
                    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
                })
                .collect();
            ts.insert(id.to_string(), frags);
        } else if id.starts_with('E') {
            es.push(
                mid.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .map(|(r, t)| {
                        (
                            r.trim_end_matches(|c: char| c.is_ascii_digit()).to_string(),
                            t.to_string(),
                        )
                    })
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for args in es {
        let mut roles: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (role, tid) in &args {
            if let Some(fr) = ts.get(tid) {
                for &(a, b) in fr {
                    if a <= b && b <= chars.len() {
                        roles.entry(role.clone()).or_default().push((a, b));
                    }
                }
            }
        }
        let Some(mut content) = roles.get("Content").cloned() else {
            continue;
        };
        if content.is_empty() {
            continue;
        }
        content.sort();
        let text: String = content
            .iter()
            .map(|&(a, b)| chars[a..b].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Gold {
            content: char_set(chars, &content),
            source: roles.get("Source").map(|f| char_set(chars, f)),
            cue: roles.get("Cue").map(|f| char_set(chars, f)),
            direct: is_direct(&text),
            text,
        });
    }
    out
}

// ---------------------------------------------------------------- scoring

fn role_ok(p: &Option<HashSet<usize>>, g: &Option<HashSet<usize>>) -> bool {
    match (p, g) {
        (_, None) => p.is_none(),
        (Some(p), Some(g)) => !p.is_disjoint(g),
        (None, Some(_)) => false,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Metric {
    Partial,
    Exact,
    Source,
    Cue,
    SourceCue,
}
const METRICS: [(Metric, &str); 5] = [
    (Metric::Partial, "content_partial"),
    (Metric::Exact, "content_exact"),
    (Metric::Source, "content+source"),
    (Metric::Cue, "content+cue"),
    (Metric::SourceCue, "content+source+cue"),
];

fn cond(m: Metric, p: &Pred, g: &Gold) -> bool {
    match m {
        Metric::Partial => true,
        Metric::Exact => p.content == g.content,
        Metric::Source => role_ok(&p.source, &g.source),
        Metric::Cue => role_ok(&p.cue, &g.cue),
        Metric::SourceCue => role_ok(&p.source, &g.source) && role_ok(&p.cue, &g.cue),
    }
}

/// Greedy one-to-one alignment: (pred, gold) pairs.
fn align(preds: &[Pred], golds: &[Gold], m: Metric) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            if p.content.is_empty() || g.content.is_empty() {
                continue;
            }
            let inter = p.content.intersection(&g.content).count();
            if inter == 0 {
                continue;
            }
            let s = inter as f64 / p.content.len().max(g.content.len()) as f64;
            if s >= 0.5 && cond(m, p, g) {
                cands.push((s, j, i));
            }
        }
    }
    cands.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let (mut up, mut ug) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, j, i) in cands {
        if !up.contains(&i) && !ug.contains(&j) {
            up.insert(i);
            ug.insert(j);
            pairs.push((i, j));
        }
    }
    pairs
}

fn utf16_to_cp(text: &str) -> Vec<usize> {
    let mut m = Vec::new();
    for (i, c) in text.chars().enumerate() {
        m.push(i);
        if c.len_utf16() == 2 {
            m.push(usize::MAX);
        }
    }
    m.push(text.chars().count());
    m
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut json_out = None;
    let mut examples = 0usize;
    let mut train_out: Option<String> = None;
    let mut unfiltered = false;
    let mut extractor = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = it.next().cloned(),
            "--train-filter" => train_out = it.next().cloned(),
            "--unfiltered" => unfiltered = true,
            "--extractor" => extractor = true,
            "--examples" => examples = it.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            _ => dir = Some(a.clone()),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: eval-polnear DIR [--json OUT] [--examples N]");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("text")) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".txt"))
            .collect(),
        Err(e) => {
            eprintln!("error: {}: {e}", dir.join("text").display());
            std::process::exit(2);
        }
    };
    names.sort();
    let mut anns: Vec<String> = std::fs::read_dir(dir.join("attributions"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.ends_with(".ann"))
                .collect()
        })
        .unwrap_or_default();
    anns.sort();
    let docs: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            (
                n.clone(),
                std::fs::read_to_string(dir.join("text").join(n)).unwrap_or_default(),
            )
        })
        .collect();

    let t0 = std::time::Instant::now();
    let claims = if train_out.is_some() || unfiltered {
        candidates(&docs)
    } else if extractor {
        predict(&docs)
    } else {
        predict_pipeline(&docs)
    };
    let mut training: Vec<(Vec<String>, bool)> = Vec::new();
    let elapsed = t0.elapsed();

    // Score.
    let mut tp = [0usize; 5];
    let (mut npred, mut ngold) = (0usize, 0usize);
    let (mut gold_direct, mut gold_indirect) = (0usize, 0usize);
    let mut hit_direct = [0usize; 5];
    let mut hit_indirect = [0usize; 5];
    let (mut src_ok, mut cue_ok) = (0usize, 0usize);
    let (mut pred_direct, mut pred_direct_hit) = (0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    let mut alarms: Vec<String> = Vec::new();
    for (di, (name, text)) in docs.iter().enumerate() {
        let stem = name.trim_end_matches(".txt");
        let chars: Vec<char> = text.chars().collect();
        let golds = match anns
            .iter()
            .find(|a| a.rsplit_once('_').map(|(s, _)| s) == Some(stem))
        {
            Some(a) => parse_ann(&dir.join("attributions").join(a), &chars),
            None => vec![],
        };
        let cmap = utf16_to_cp(text);
        let conv = |s: &Span| -> Option<(usize, usize)> {
            let (a, b) = (*cmap.get(s.start as usize)?, *cmap.get(s.end as usize)?);
            (a != usize::MAX && b != usize::MAX && a <= b).then_some((a, b))
        };
        let scored: Vec<&Predicted> = claims
            .iter()
            .filter(|(c, _, _)| c.doc as usize == di && (c.cue.is_some() || c.source.is_some()))
            .collect();
        let preds: Vec<Pred> = scored
            .iter()
            .map(|(c, pieces, _)| {
                let cf: Vec<(usize, usize)> = if pieces.is_empty() {
                    conv(&c.content).into_iter().collect()
                } else {
                    pieces.iter().filter_map(&conv).collect()
                };
                Pred {
                    content: char_set(&chars, &cf),
                    source: c
                        .source
                        .as_ref()
                        .map(|s| char_set(&chars, &conv(s).into_iter().collect::<Vec<_>>())),
                    cue: c
                        .cue
                        .as_ref()
                        .map(|s| char_set(&chars, &conv(s).into_iter().collect::<Vec<_>>())),
                    direct: if pieces.is_empty() {
                        is_direct(&c.content.text)
                    } else {
                        is_direct(
                            &pieces
                                .iter()
                                .map(|p| p.text.as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                        )
                    },
                    text: c.content.text.clone(),
                    source_text: c
                        .source
                        .as_ref()
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                }
            })
            .collect();
        npred += preds.len();
        ngold += golds.len();
        for g in &golds {
            if g.direct {
                gold_direct += 1
            } else {
                gold_indirect += 1
            }
        }
        pred_direct += preds.iter().filter(|p| p.direct).count();
        for (mi, &(m, _)) in METRICS.iter().enumerate() {
            let pairs = align(&preds, &golds, m);
            tp[mi] += pairs.len();
            for &(i, j) in &pairs {
                if golds[j].direct {
                    hit_direct[mi] += 1;
                } else {
                    hit_indirect[mi] += 1;
                }
                if m == Metric::Partial {
                    src_ok += role_ok(&preds[i].source, &golds[j].source) as usize;
                    cue_ok += role_ok(&preds[i].cue, &golds[j].cue) as usize;
                }
                if m == Metric::Source && preds[i].direct {
                    pred_direct_hit += 1;
                }
            }
            if m == Metric::Source && train_out.is_some() {
                let mp: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
                for (i, (_, _, x)) in scored.iter().enumerate() {
                    if !x.is_empty() {
                        training.push((x.clone(), mp.contains(&i)));
                    }
                }
            }
            if m == Metric::Source && examples > 0 {
                let mp: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
                let mg: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
                for (j, g) in golds.iter().enumerate() {
                    if !mg.contains(&j) {
                        misses.push(format!(
                            "{stem}: {:?}",
                            g.text.chars().take(160).collect::<String>()
                        ));
                    }
                }
                for (i, p) in preds.iter().enumerate() {
                    if !mp.contains(&i) {
                        alarms.push(format!(
                            "{stem}: [{}] {:?}",
                            p.source_text,
                            p.text.chars().take(160).collect::<String>()
                        ));
                    }
                }
            }
        }
    }
    println!("eval-polnear {}: {} articles, {} gold attributions (direct {}, indirect {}), {} predicted ({} ms)", dir.display(), docs.len(), ngold, gold_direct, gold_indirect, npred, elapsed.as_millis());
    println!(
        "{:<22} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
        "metric", "P", "R", "F1", "tp", "pred", "gold"
    );
    let pct = |x: f64| format!("{:5.1}", 100.0 * x);
    for (mi, &(_, name)) in METRICS.iter().enumerate() {
        let p = if npred > 0 {
            tp[mi] as f64 / npred as f64
        } else {
            0.0
        };
        let r = if ngold > 0 {
            tp[mi] as f64 / ngold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{:<22} {}  {}  {}   {:>5} {:>5} {:>5}",
            name,
            pct(p),
            pct(r),
            pct(f),
            tp[mi],
            npred,
            ngold
        );
    }
    let m = tp[0].max(1) as f64;
    println!(
        "source accuracy on {} content-matched pairs: {}   cue accuracy: {}",
        tp[0],
        pct(src_ok as f64 / m),
        pct(cue_ok as f64 / m)
    );
    println!("recall by gold class     partial   +source   (n)");
    let r = |h: usize, n: usize| if n > 0 { h as f64 / n as f64 } else { 0.0 };
    println!(
        "  direct              {}     {}   {}",
        pct(r(hit_direct[0], gold_direct)),
        pct(r(hit_direct[2], gold_direct)),
        gold_direct
    );
    println!(
        "  indirect            {}     {}   {}",
        pct(r(hit_indirect[0], gold_indirect)),
        pct(r(hit_indirect[2], gold_indirect)),
        gold_indirect
    );
    println!(
        "precision of predictions with a quote mark (+source): {} of {}",
        pct(r(pred_direct_hit, pred_direct)),
        pred_direct
    );
    if examples > 0 {
        println!("\nmisses (content+source):");
        for s in misses
            .iter()
            .step_by(misses.len().checked_div(examples).unwrap_or(1).max(1))
            .take(examples)
        {
            println!("  {s}");
        }
        println!("\nfalse alarms (content+source):");
        for s in alarms
            .iter()
            .step_by(alarms.len().checked_div(examples).unwrap_or(1).max(1))
            .take(examples)
        {
            println!("  {s}");
        }
    }

    if let Some(out) = json_out {
        let documents: Vec<serde_json::Value> = docs
            .iter()
            .enumerate()
            .map(|(i, (n, _))| serde_json::json!({"index": i, "name": n, "title": "", "length": 0}))
            .collect();
        let report = serde_json::json!({
            "schema": "corroborate/report@1",
            "documents": documents,
            "entities": [],
            "claims": claims.iter().map(|(c, pieces, _)| {
                let mut v = serde_json::to_value(c).unwrap_or(serde_json::Value::Null);
                if !pieces.is_empty() {
                    // a multi-fragment content, as polnear_score.py reads it
                    if let (Some(obj), Ok(list)) = (v.as_object_mut(), serde_json::to_value(pieces)) {
                        obj.insert("content".to_string(), list);
                    }
                }
                v
            }).collect::<Vec<_>>(),
            "groups": [],
        });
        match serde_json::to_string(&report) {
            Ok(s) => {
                if let Err(e) = std::fs::write(&out, s) {
                    eprintln!("error: {out}: {e}");
                    std::process::exit(1);
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
    if let Some(out) = train_out {
        let w = train_filter(&training);
        let positives = training.iter().filter(|(_, y)| *y).count();
        let mut text = format!(
            "# Learned filter weights: logistic regression over candidate features, trained by\n# `eval-polnear {} --train-filter` on {} candidates ({} right). See src/claims/attribution/filter.rs.\n",
            dir.display(),
            training.len(),
            positives
        );
        for (k, v) in &w {
            text.push_str(&format!("{k}\t{v:.4}\n"));
        }
        if let Err(e) = std::fs::write(&out, text) {
            eprintln!("error: {out}: {e}");
            std::process::exit(1);
        }
        println!("filter: {} weights written to {out}", w.len());
    }
}
