//! Measures the low-overlap notice (`markdown::digest`'s `apart`) on ECB+ subtopic folders,
//! each the coverage of one event (its articles in the order of its `gold.json`):
//!
//! ```text
//! cargo run --profile tools --bin eval-apart -- /work/shared/data/ecbplus/subtopic/dev
//! ```
//!
//! - **same event**: every folder's articles analysed together; each article flagged apart is
//!   a false notice;
//! - **different events**: the first article of one folder with the first of another folder
//!   of a different topic (folders `12_ecb` and `12_ecbplus` are one topic, two similar
//!   events, and are not paired); both articles should be flagged;
//! - **one outsider**: the first two articles of one folder with the second of another
//!   topic's folder; exactly the outsider should be flagged.
//!
//! The thresholds (`APART_NAMES`, `APART_CLAIMS`) were set before this was run and are not
//! fitted to it.

use std::fs;
use std::path::Path;

use corroborate::{analyze, markdown, Article};
use serde::Deserialize;

/// The `docs` list of a folder's `gold.json` (the articles in the order the other ECB+ tools
/// read them).
#[derive(Deserialize)]
struct Docs {
    docs: Vec<String>,
}

/// A folder's articles, in its `gold.json` order.
fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let gold = dir.join("gold.json");
    let list: Docs = fs::read_to_string(&gold)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", gold.display()))?;
    list.docs
        .into_iter()
        .map(|name| {
            let p = dir.join(&name);
            let text = fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok(Article::new(name, text))
        })
        .collect()
}

/// The indexes of the articles the digest flags apart.
fn apart(articles: &[Article]) -> Result<Vec<u32>, String> {
    let report = analyze(articles).map_err(|e| e.to_string())?;
    Ok(markdown::digest(&report)
        .apart
        .iter()
        .map(|a| a.doc)
        .collect())
}

fn run(root: &str) -> Result<(), String> {
    let mut dirs: Vec<_> = fs::read_dir(root)
        .map_err(|e| format!("{root}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    dirs.sort();
    let sets = dirs
        .iter()
        .map(|d| load(d))
        .collect::<Result<Vec<_>, _>>()?;
    let topic = |d: &Path| {
        let name = d.file_name().unwrap_or_default().to_string_lossy();
        name.split('_').next().unwrap_or_default().to_string()
    };

    let (mut flagged, mut articles) = (0, 0);
    for (dir, set) in dirs.iter().zip(&sets) {
        let found = apart(set)?;
        if !found.is_empty() {
            println!("same event, flagged: {} articles {found:?}", dir.display());
        }
        flagged += found.len();
        articles += set.len();
    }
    let (mut both, mut pairs, mut outsider, mut triples) = (0, 0, 0, 0);
    for i in 0..dirs.len() {
        for j in i + 1..dirs.len() {
            if topic(&dirs[i]) == topic(&dirs[j]) || sets[i].is_empty() || sets[j].is_empty() {
                continue;
            }
            pairs += 1;
            if apart(&[sets[i][0].clone(), sets[j][0].clone()])? == [0, 1] {
                both += 1;
            }
            if sets[i].len() >= 2 {
                triples += 1;
                let other = sets[j][1 % sets[j].len()].clone();
                if apart(&[sets[i][0].clone(), sets[i][1].clone(), other])? == [2] {
                    outsider += 1;
                }
            }
        }
    }
    println!("same event: {flagged} of {articles} articles flagged apart (false notices)");
    println!("different events: {both} of {pairs} pairs flagged (both articles)");
    println!("one outsider among three: {outsider} of {triples} flag exactly the outsider");
    Ok(())
}

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: eval-apart ECBPLUS/subtopic/dev");
        std::process::exit(2);
    };
    if let Err(e) = run(&root) {
        eprintln!("eval-apart: {e}");
        std::process::exit(1);
    }
}
