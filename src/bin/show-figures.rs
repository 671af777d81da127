//! Prints the dates and figures the `dates` and `numbers` stages find in articles, one line
//! each, for reading through by hand (was the print-only `#[ignore]` tests `show_seeds` and
//! `show_sample` of `src/dates/tests.rs` and `src/numbers/tests.rs`).
//!
//! ```text
//! cargo run --bin show-figures                     # the sample articles in seeds/
//! cargo run --bin show-figures -- DIR_OR_FILE...   # .txt files, folders read in name order
//! ```
//! Each sentence with a date or figure is printed after `# `, then one line per mention in the
//! table tests' format, so a line can be pasted into `dates_table` or `figures_table`:
//! - `date  text ~ D|T ~ value ~ modifier`
//! - `figure  text ~ number ~ Q|M|P ~ value ~ interval ~ qualifier ~ unit ~ event`
//!
//! (`-` for none, `?` for an unknown value or bound, `inf` for no upper bound.)

use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

use corroborate::dates::{self, DateKind};
use corroborate::numbers::{self, Figure, NumKind};
use corroborate::text::{prepare, Prepared};

const USAGE: &str = "usage: show-figures [DIR_OR_FILE...]   (default: seeds/)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let roots: Vec<PathBuf> = if args.is_empty() {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    let mut paths = Vec::new();
    for root in &roots {
        if root.is_dir() {
            let Ok(entries) = std::fs::read_dir(root) else {
                eprintln!("show-figures: cannot read {}", root.display());
                return ExitCode::FAILURE;
            };
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            paths.extend(found);
        } else {
            paths.push(root.clone());
        }
    }
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            eprintln!("show-figures: cannot read {} as UTF-8 text", p.display());
            return ExitCode::FAILURE;
        };
        println!("== {}", p.display());
        let doc = prepare(&text);
        for s in 0..doc.sentences.len() {
            let found_dates = dates::find(&doc, s);
            let figures = numbers::find(&doc, s);
            if found_dates.is_empty() && figures.is_empty() {
                continue;
            }
            println!("# {}", &doc.text[doc.sentences[s].range.clone()]);
            for d in &found_dates {
                println!(
                    "    date  {} ~ {} ~ {} ~ {}",
                    span(&doc, &d.tokens),
                    if d.kind == DateKind::Date { "D" } else { "T" },
                    d.value.as_deref().unwrap_or("?"),
                    d.modifier.unwrap_or("-")
                );
            }
            for f in &figures {
                println!("    figure  {}", describe(&doc, f));
            }
        }
    }
    ExitCode::SUCCESS
}

/// The text of a token range.
fn span(doc: &Prepared, r: &Range<usize>) -> String {
    match (
        doc.tokens.get(r.start),
        r.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
    ) {
        (Some(a), Some(b)) if r.end > r.start => doc.text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

fn num(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn bound(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_infinite() => "inf".into(),
        Some(x) => num(x),
        None => "?".into(),
    }
}

/// `text ~ number ~ kind ~ value ~ interval ~ qualifier ~ unit ~ event`, as the table tests.
fn describe(doc: &Prepared, f: &Figure) -> String {
    let kind = match f.kind {
        NumKind::Quantity => "Q",
        NumKind::Money => "M",
        NumKind::Percent => "P",
    };
    let (value, interval) = if f.unknown {
        ("unknown".to_string(), "?".to_string())
    } else {
        (
            bound(f.value),
            format!(
                "{}{},{}{}",
                if f.low_open { "(" } else { "[" },
                bound(f.low),
                bound(f.high),
                if f.high_open { ")" } else { "]" }
            ),
        )
    };
    format!(
        "{} ~ {} ~ {} ~ {} ~ {} ~ {} ~ {} ~ {}",
        span(doc, &f.tokens),
        span(doc, &f.number),
        kind,
        value,
        interval,
        f.qualifier.unwrap_or("-"),
        f.unit.as_deref().unwrap_or("-"),
        f.event.as_deref().unwrap_or("-"),
    )
}
