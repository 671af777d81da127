//! Trains the named-entity tagger (`corroborate::tagger`) on CoNLL-2003 and writes the model.
//!
//! ```text
//! cargo run --profile tools --bin train-tagger -- \
//!     /work/shared/data/conll2003/train.txt /work/shared/data/conll2003/dev.txt \
//!     -o data/tagger/model.bin
//! ```
//! Options: `--epochs N` (maximum; the epoch with the best development PER+LOC+ORG F1 is
//! kept), `--min-count N`, `--folds K`, `--fold-epochs N`, `--no-pass2`, `--no-mixed`,
//! `--gaz`, `--seed N`. The development set picks the epoch and fits the confidence temperature;
//! it is never trained on. The same command gives a byte-identical model.

use std::time::Instant;

use corroborate::tagger::{conll, set_temperature, train, Tagger};

fn main() {
    if let Err(e) = run() {
        eprintln!("train-tagger: {e}");
        std::process::exit(1);
    }
}

/// The words of tokens `a..=b` of a detokenised document, space-joined.
fn span_words(d: &conll::Detok, a: usize, b: usize) -> String {
    (a..=b)
        .map(|i| &d.text[d.tokens[i].clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut out = None;
    let mut opts = train::Options::default();
    let mut i = 0;
    let num = |i: usize| -> Result<u64, String> {
        args.get(i + 1)
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{} needs a number", args[i]))
    };
    while i < args.len() {
        match args[i].as_str() {
            "-o" => {
                out = args.get(i + 1).cloned();
                i += 1;
            }
            "--epochs" => {
                opts.epochs = num(i)? as usize;
                i += 1;
            }
            "--min-count" => {
                opts.min_count = num(i)? as u32;
                i += 1;
            }
            "--folds" => {
                opts.folds = num(i)? as usize;
                i += 1;
            }
            "--fold-epochs" => {
                opts.fold_epochs = num(i)? as usize;
                i += 1;
            }
            "--fmask" => {
                opts.fmask = num(i)? as u32;
                i += 1;
            }
            "--models" => {
                opts.models = num(i)? as usize;
                i += 1;
            }
            "--dropout" => {
                opts.dropout = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .ok_or("--dropout needs a number")?;
                i += 1;
            }
            "--seed" => {
                opts.seed = num(i)?;
                i += 1;
            }
            "--no-pass2" => opts.pass2 = false,
            "--no-mixed" => opts.mixed = false,
            "--no-gaz" => opts.gaz = false,
            "--wide" => opts.wide = true,
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            a => pos.push(a.to_string()),
        }
        i += 1;
    }
    let (Some(train_path), Some(dev_path), Some(out)) = (pos.first(), pos.get(1), out) else {
        return Err("usage: train-tagger TRAIN DEV -o MODEL [options]".into());
    };
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let train_docs = conll::parse(&read(train_path)?);
    let dev_docs = conll::parse(&read(dev_path)?);
    let dev_detok = conll::detokenise(&dev_docs);
    eprintln!("options: {opts:?}");
    let start = Instant::now();
    let train_set = conll::to_train(&train_docs);
    // Entity strings seen in training: the development F1 over the other entities shows how
    // well the model generalises to new names (the test set has more of them).
    let mut seen = std::collections::HashSet::new();
    for d in &train_docs {
        for s in d {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            for (a, b, _) in conll::iob_spans(&tags) {
                seen.insert(
                    s[a..=b]
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    let unseen_docs: Vec<conll::Detok> = dev_detok
        .iter()
        .map(|d| {
            let mut out = d.clone();
            out.gold
                .retain(|&(a, b, _)| !seen.contains(&span_words(d, a, b)));
            out
        })
        .collect();
    let mut dev_score = |epoch: usize, bytes: &[u8]| -> f64 {
        let Ok(t) = Tagger::from_bytes(bytes) else {
            return 0.0;
        };
        let preds = conll::predict_on_tokens(&t, &dev_docs, &dev_detok);
        let sc = conll::score(&dev_detok, &preds, true);
        let f = |k: usize| sc.by_type[k].prf().2 * 100.0;
        // Unseen names: predictions whose words were never a training entity.
        let unseen_preds: Vec<Vec<(usize, usize, u8)>> = preds
            .iter()
            .zip(&dev_detok)
            .map(|(p, d)| {
                p.iter()
                    .copied()
                    .filter(|&(s, e, _)| match conll::to_tokens(&d.tokens, s, e) {
                        Some((a, b)) => !seen.contains(&span_words(d, a, b)),
                        None => true,
                    })
                    .collect()
            })
            .collect();
        let su = conll::score(&unseen_docs, &unseen_preds, true);
        eprintln!(
            "epoch {epoch:2}  dev F1  PER {:5.2}  LOC {:5.2}  ORG {:5.2}  MISC {:5.2}  PER+LOC+ORG {:5.2}  unseen-names PLO {:5.2}  ({} features, {} bytes, {:.0}s)",
            f(1),
            f(2),
            f(3),
            f(4),
            f(0),
            su.by_type[0].prf().2 * 100.0,
            t.features(),
            bytes.len(),
            start.elapsed().as_secs_f64()
        );
        f(0)
    };
    let (bytes, epoch) = train::train(&train_set, &opts, &mut dev_score, &mut |s| eprintln!("{s}"));
    let tagger = Tagger::from_bytes(&bytes)?;
    let temp = train::calibrate(&tagger, &conll::to_train(&dev_docs));
    let bytes = set_temperature(&bytes, temp);
    Tagger::from_bytes(&bytes)?;
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "kept epoch {epoch}; temperature {temp:.2}; wrote {out} ({} bytes, {} features) in {:.1}s",
        bytes.len(),
        tagger.features(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
