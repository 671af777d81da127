//! Scores the named-entity tagger on a CoNLL-2003 file, the way the release is judged.
//!
//! ```text
//! cargo run --profile tools --bin eval-conll -- /work/shared/data/conll2003/dev.txt
//! ```
//! End to end (default): every document is detokenised exactly as
//! `/work/shared/eval/prep_conll.py` does and all documents are analysed together by
//! `corroborate::analyze`, exactly as the CLI does; the report's entity mentions (person →
//! PER, place → LOC, organization → ORG, group/event/work/other → MISC) are scored like
//! `conll_score.py` (trim punctuation, a trailing possessive and a leading "the"; exact first
//! token, last token and type).
//!
//! Options:
//! - `--tokens`: tag the gold CoNLL tokens and sentences instead (no detokenisation, no
//!   `prepare`), to tell tokeniser losses from tagger losses.
//! - `--report FILE`: also write the predictions as a `corroborate/report@1` JSON that
//!   `/work/shared/eval/conll_score.py` reads.
//! - `--json`: print predictions and timing as JSON on stdout (for `bench/entities.mjs`).
//! - `--runs N`: timing runs (median reported), default 5.
//! - `--tagger-only`: `text::prepare` + the tagger, without the rest of the pipeline.
//! - `--model FILE`: a model file instead of the built-in one (implies `--tagger-only`).
//! - `--errors`: list the missed and spurious entities.
//!
//! Prints P/R/F1 per type and over PER+LOC+ORG (also the `strict` setting, without the
//! leading-"the" trim), and tokens per second of tagging alone.
//!
//! Measured with the committed model (PER+LOC+ORG F1, `norm` scoring; identical counts from
//! `conll_score.py` on the CLI's report):
//!
//! | set  | gold tokens (`--tokens`) | end to end (`analyze`, as the CLI) |
//! |------|--------------------------|------------------------------------|
//! | dev  | 94.1                     | 92.4                               |
//! | test | 88.6                     | 88.3                               |

use std::time::Instant;

use corroborate::tagger::{conll, Kind, Tagger};
use corroborate::text;

/// Byte spans `(start, end, type 1..=4)` per text, from the report of the full
/// `corroborate::analyze` pipeline (what the CLI prints), or from the tagger alone when a
/// `--model` is given or `--tagger-only` is set.
fn predict_texts(
    tagger: &Tagger,
    texts: &[&str],
    tagger_only: bool,
) -> Vec<Vec<(usize, usize, u8)>> {
    if tagger_only {
        return tag_prepared(tagger, texts);
    }
    let articles: Vec<corroborate::Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| corroborate::Article::new(format!("doc{i:03}.txt"), *t))
        .collect();
    let report = match corroborate::analyze(&articles) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("eval-conll: {e}");
            return vec![Vec::new(); texts.len()];
        }
    };
    // UTF-16 offsets of the report back to byte offsets of each text.
    let to_byte: Vec<Vec<usize>> = texts
        .iter()
        .map(|t| {
            let mut v = Vec::with_capacity(t.len() + 1);
            for (b, c) in t.char_indices() {
                v.extend(std::iter::repeat_n(b, c.len_utf16()));
            }
            v.push(t.len());
            v
        })
        .collect();
    let mut out = vec![Vec::new(); texts.len()];
    for e in &report.entities {
        let kind = match e.kind.as_str() {
            "person" => 1,
            "place" => 2,
            "organization" => 3,
            "group" | "event" | "work" | "other" => 4,
            _ => continue,
        };
        for m in &e.mentions {
            let map = &to_byte[m.doc as usize];
            let (a, b) = (map[m.start as usize], map[m.end as usize]);
            out[m.doc as usize].push((a, b, kind));
        }
    }
    out
}

fn type_num(k: Kind) -> u8 {
    match k {
        Kind::Per => 1,
        Kind::Loc => 2,
        Kind::Org => 3,
        Kind::Misc => 4,
    }
}

/// `text::prepare` + `Tagger::tag` over all texts at once.
fn tag_prepared(tagger: &Tagger, texts: &[&str]) -> Vec<Vec<(usize, usize, u8)>> {
    let preps: Vec<text::Prepared> = texts.iter().map(|t| text::prepare(t)).collect();
    let views = views_of(&preps);
    let tagged = tagger.tag(&views);
    preps
        .iter()
        .zip(&tagged)
        .map(|(p, doc)| {
            let mut out = Vec::new();
            for (sent, spans) in p.sentences.iter().zip(doc) {
                for x in spans {
                    let a = p.tokens[sent.tokens.start + x.start].start;
                    let b = p.tokens[sent.tokens.start + x.end - 1].end;
                    out.push((a, b, type_num(x.kind)));
                }
            }
            out
        })
        .collect()
}

fn views_of<'t>(preps: &[text::Prepared<'t>]) -> Vec<Vec<Vec<&'t str>>> {
    preps
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| s.tokens.clone().map(|i| p.token(i)).collect())
                .collect()
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("eval-conll: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let (mut tokens_mode, mut json, mut errors) = (false, false, false);
    let mut report = None;
    let mut model = None;
    let mut tagger_only = false;
    let mut runs = 5usize;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--tokens" => tokens_mode = true,
            "--tagger-only" => tagger_only = true,
            "--json" => json = true,
            "--errors" => errors = true,
            "--report" => {
                report = args.get(i + 1).cloned();
                i += 1;
            }
            "--model" => {
                model = args.get(i + 1).cloned();
                i += 1;
            }
            "--runs" => {
                runs = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .ok_or("--runs needs a number")?;
                i += 1;
            }
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            a => path = Some(a.to_string()),
        }
        i += 1;
    }
    let path =
        path.ok_or("usage: eval-conll CONLL_FILE [--tokens] [--report FILE] [--json] [--runs N]")?;
    let owned;
    let tagger: &Tagger = match &model {
        Some(m) => {
            owned = Tagger::from_bytes(&std::fs::read(m).map_err(|e| format!("{m}: {e}"))?)?;
            &owned
        }
        None => Tagger::builtin(),
    };
    let docs = conll::parse(&std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?);
    let detok = conll::detokenise(&docs);
    let texts: Vec<&str> = detok.iter().map(|d| d.text.as_str()).collect();

    let preds = if tokens_mode {
        conll::predict_on_tokens(tagger, &docs, &detok)
    } else {
        predict_texts(tagger, &texts, tagger_only || model.is_some())
    };

    // Timing: tagging alone, on the same token views the predictions used.
    let gold_views: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect()
        })
        .collect();
    let t_prep = Instant::now();
    let preps: Vec<text::Prepared> = texts.iter().map(|t| text::prepare(t)).collect();
    let prep_secs = t_prep.elapsed().as_secs_f64();
    let prep_views = views_of(&preps);
    let views = if tokens_mode {
        &gold_views
    } else {
        &prep_views
    };
    let n_tokens: usize = views.iter().flatten().map(Vec::len).sum();
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let out = tagger.tag(views);
        times.push(t.elapsed().as_secs_f64());
        std::hint::black_box(out);
    }
    let secs = median(times);
    let tps = n_tokens as f64 / secs.max(1e-9);

    let norm = conll::score(&detok, &preds, true);
    let strict = conll::score(&detok, &preds, false);
    if json {
        // UTF-16 offsets, as JavaScript slices strings.
        let docs_json: Vec<serde_json::Value> = detok
            .iter()
            .zip(&preds)
            .map(|(d, p)| {
                let map = text::utf16::Utf16Map::new(&d.text);
                serde_json::json!({
                    "text": d.text,
                    "tokens": d.tokens.iter().map(|r| [map.at(r.start), map.at(r.end)]).collect::<Vec<_>>(),
                    "gold": d.gold.iter().map(|&(a, b, t)| serde_json::json!([a, b, conll::TYPE_NAMES[t as usize]])).collect::<Vec<_>>(),
                    "preds": p.iter().map(|&(s, e, t)| serde_json::json!([map.at(s), map.at(e), conll::TYPE_NAMES[t as usize]])).collect::<Vec<_>>(),
                })
            })
            .collect();
        let out = serde_json::json!({
            "system": "corroborate",
            "mode": if tokens_mode { "tokens" } else { "end-to-end" },
            "tokens": n_tokens,
            "tokens_per_s": tps,
            "docs": docs_json,
        });
        println!("{out}");
    } else {
        println!(
            "{} ({} documents, {} mode)",
            path,
            docs.len(),
            if tokens_mode {
                "gold tokens"
            } else {
                "end-to-end"
            }
        );
        println!("norm (as conll_score.py):");
        print!("{}", norm.table());
        let (_, _, f) = strict.by_type[0].prf();
        println!(
            "strict (no leading-\"the\" trim): PER+LOC+ORG F1 {:.1}",
            f * 100.0
        );
        println!(
            "tagging: {n_tokens} tokens, median of {} runs {:.3}s = {:.0} tokens/s; text::prepare {:.3}s",
            runs.max(1),
            secs,
            tps,
            prep_secs
        );
    }
    if errors {
        print_errors(&detok, &preds);
    }
    if let Some(out) = report {
        write_report(&out, &detok, &preds)?;
    }
    Ok(())
}

fn print_errors(detok: &[conll::Detok], preds: &[Vec<(usize, usize, u8)>]) {
    for (d, doc) in detok.iter().enumerate() {
        let mut pred_tok = Vec::new();
        for &(s, e, t) in &preds[d] {
            let (s, e) = conll::norm_span(&doc.text, s, e, true);
            if let Some((i, j)) = conll::to_tokens(&doc.tokens, s, e) {
                pred_tok.push((i, j, t));
            }
        }
        let span_text = |i: usize, j: usize| &doc.text[doc.tokens[i].start..doc.tokens[j].end];
        for &(i, j, t) in &doc.gold {
            if !pred_tok.contains(&(i, j, t)) {
                let got: Vec<String> = pred_tok
                    .iter()
                    .filter(|p| p.0 <= j && p.1 >= i)
                    .map(|p| {
                        format!(
                            "{}:{}",
                            span_text(p.0, p.1),
                            conll::TYPE_NAMES[p.2 as usize]
                        )
                    })
                    .collect();
                println!(
                    "doc {d} MISSED {}:{}  got [{}]",
                    span_text(i, j),
                    conll::TYPE_NAMES[t as usize],
                    got.join(", ")
                );
            }
        }
        for &(i, j, t) in &pred_tok {
            if !doc.gold.iter().any(|g| g.0 <= j && g.1 >= i) {
                println!(
                    "doc {d} SPURIOUS {}:{}",
                    span_text(i, j),
                    conll::TYPE_NAMES[t as usize]
                );
            }
        }
    }
}

fn write_report(
    path: &str,
    detok: &[conll::Detok],
    preds: &[Vec<(usize, usize, u8)>],
) -> Result<(), String> {
    let mut documents = Vec::new();
    let mut entities = Vec::new();
    for (d, doc) in detok.iter().enumerate() {
        let map = text::utf16::Utf16Map::new(&doc.text);
        documents.push(serde_json::json!({"index": d, "name": format!("doc{d:03}.txt"), "title": "", "length": map.len()}));
        for &(s, e, t) in &preds[d] {
            let ty = ["", "person", "place", "organization", "other"][t as usize];
            let text = &doc.text[s..e];
            entities.push(serde_json::json!({
                "id": format!("e{}", entities.len()),
                "name": text,
                "type": ty,
                "aliases": [],
                "mentions": [{"doc": d, "start": map.at(s), "end": map.at(e), "text": text}],
            }));
        }
    }
    let rep = serde_json::json!({
        "schema": "corroborate/report@1",
        "documents": documents,
        "entities": entities,
        "claims": [],
        "groups": [],
    });
    std::fs::write(path, rep.to_string()).map_err(|e| format!("{path}: {e}"))
}
