//! Whole-pipeline speed: what a reader waits for, stage by stage.
//!
//! ```text
//! bench-pipeline PATH... [--rounds 5] [--batch N]
//! ```
//!
//! Reads every `*.txt` under the given folders (files in name order, folders in the order
//! given; a file path is taken as is), then runs the analysis the CLI runs
//! ([`corroborate::pipeline::analyze_observed`], then the report's JSON) over them, `--batch`
//! articles per call (default: all of them, at most [`corroborate::MAX_ARTICLES`]), once to
//! warm up and then `--rounds` times. It prints the median wall time of each stage
//! ([`corroborate::pipeline::STAGES`] and `json`) in wall time and in CPU time of the thread
//! (`/proc/thread-self/schedstat`; the machine is shared, so CPU time says more than wall time
//! when it is busy), the median totals, tokens per second of each (tokens as `text::prepare`
//! counts them) and the peak resident memory (`VmHWM`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate::pipeline::{analyze_observed, STAGES};
use corroborate::text::prepare;
use corroborate::{Article, Options, MAX_ARTICLES};

fn main() {
    if let Err(e) = run() {
        eprintln!("bench-pipeline: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut paths = Vec::new();
    let mut rounds = 5usize;
    let mut batch = MAX_ARTICLES;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let number = |v: Option<&String>| {
            v.and_then(|v| v.parse::<usize>().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{a} wants a positive number"))
        };
        match a.as_str() {
            "--rounds" => rounds = number(it.next())?,
            "--batch" => batch = number(it.next())?.min(MAX_ARTICLES),
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        return Err("usage: bench-pipeline PATH... [--rounds N] [--batch N]".to_string());
    }
    let articles = read(&paths)?;
    if articles.is_empty() {
        return Err("no .txt files found".to_string());
    }
    let tokens: usize = articles.iter().map(|a| prepare(&a.text).tokens.len()).sum();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles, {} tokens, {:.2} MB, {} per call, {} rounds after one warm-up",
        articles.len(),
        tokens,
        bytes as f64 / 1e6,
        batch.min(articles.len()),
        rounds
    );

    let names: Vec<&str> = STAGES.iter().copied().chain(["json"]).collect();
    // wall[round][stage], cpu[round][stage]
    let mut wall: Vec<Vec<f64>> = Vec::new();
    let mut cpu: Vec<Vec<f64>> = Vec::new();
    let mut json_bytes = 0;
    for round in 0..=rounds {
        let mut w = vec![0.0; names.len()];
        let mut c = vec![0.0; names.len()];
        json_bytes = 0;
        for chunk in articles.chunks(batch) {
            let mut last = (Instant::now(), cpu_seconds());
            let mut mark = |k: usize| {
                let now = (Instant::now(), cpu_seconds());
                w[k] += (now.0 - last.0).as_secs_f64();
                c[k] += now.1 - last.1;
                last = now;
            };
            let report = analyze_observed(chunk, &Options::default(), |stage| {
                if let Some(k) = names.iter().position(|n| *n == stage) {
                    mark(k);
                }
            })
            .map_err(|e| e.to_string())?;
            let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
            mark(names.len() - 1);
            json_bytes += json.len();
        }
        if round > 0 {
            wall.push(w);
            cpu.push(c);
        }
    }

    let sum = |t: &[Vec<f64>]| -> Vec<f64> { t.iter().map(|r| r.iter().sum()).collect() };
    let (wall_total, cpu_total) = (median(sum(&wall)), median(sum(&cpu)));
    println!(
        "{:<10} {:>10} {:>7} {:>10} {:>7}",
        "stage", "wall s", "share", "CPU s", "share"
    );
    for (k, name) in names.iter().enumerate() {
        let w = median(wall.iter().map(|r| r[k]).collect());
        let c = median(cpu.iter().map(|r| r[k]).collect());
        println!(
            "{name:<10} {w:>10.3} {:>6.1}% {c:>10.3} {:>6.1}%",
            100.0 * w / wall_total,
            100.0 * c / cpu_total
        );
    }
    println!(
        "{:<10} {wall_total:>10.3} {:>7} {cpu_total:>10.3}",
        "total", ""
    );
    println!(
        "tokens/s: {:.0}k per wall second, {:.0}k per CPU second (medians of {} rounds)",
        tokens as f64 / wall_total / 1e3,
        tokens as f64 / cpu_total / 1e3,
        rounds
    );
    println!(
        "report JSON {:.1} MB; peak memory {:.0} MB",
        json_bytes as f64 / 1e6,
        peak_kb() as f64 / 1024.0
    );
    Ok(())
}

fn read(paths: &[String]) -> Result<Vec<Article>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            let mut here: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{p}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            here.sort();
            files.extend(here);
        } else {
            files.push(path.to_path_buf());
        }
    }
    files
        .iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::read_to_string(f)
                .map(|t| Article::new(name, t))
                .map_err(|e| format!("{}: {e}", f.display()))
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// CPU seconds this thread has run (`/proc/thread-self/schedstat`, nanoseconds; 0 where
/// `/proc` is missing).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// Peak resident memory in KB (`VmHWM`; 0 where `/proc` is missing).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
