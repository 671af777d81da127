//! Scores cross-article entity merging on ECB+ entity chains, the way the release is judged.
//!
//! ```text
//! cargo run --profile tools --bin eval-entities -- /work/shared/data/ecbplus/subtopic/dev/*/
//! ```
//! Each folder holds article `.txt` files and `entities.json` (described in the ECB+ README of
//! the shared data): cross-document chains of HUM / LOC / NON mentions with code-point offsets
//! and a `named` flag. The articles of a folder are analysed together by
//! `corroborate::analyze_with`, exactly as the CLI does with the files in the order of `docs`,
//! and scored exactly as `/work/shared/eval/entity_merge.py` scores the CLI's report:
//!
//! - every gold mention flagged `named` is mapped to the report entity one of whose mentions
//!   overlaps it by the most characters (ties: the shorter report mention, then the earlier
//!   entity); report spans are UTF-16 offsets, converted to code points;
//! - recall: gold pairs (two named mentions of one chain in different articles) whose two
//!   mentions map to one entity, over all gold pairs;
//! - precision: over pairs of mapped named mentions in different articles that map to one
//!   entity, the share that one gold chain holds;
//! - micro-averaged over the folders; per kind, recall counts the chains of that kind and
//!   precision the judged pairs with a mention of that kind.
//!
//! In the same run, a **same-string baseline** regroups the very same report mentions by their
//! text alone ([`corroborate::gazetteer::key`]: case, periods of initialisms, a possessive and
//! a leading "the" folded; type ignored) and is scored the same way: it shows what the merging
//! rules add over identical strings, on the same mention spans.
//!
//! Options: `--examples N` prints the N largest missed and wrong merges (mention texts), as
//! `ENTITY_MERGE_EXAMPLES=N` does for the Python scorer.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::Value;

const KINDS: [&str; 3] = ["HUM", "LOC", "NON"];

/// One named gold mention and the entity it maps to.
struct Item {
    chain: String,
    kind: String,
    doc: usize,
    text: String,
    entity: Option<usize>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    mentions: usize,
    mapped: usize,
    gold: usize,
    found: usize,
    judged: usize,
    good: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.judged > 0 {
            self.good as f64 / self.judged as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.found as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// `table[u]` = code-point offset of UTF-16 offset `u` (a unit inside a pair maps to its char).
fn u16_to_cp(text: &str) -> Vec<usize> {
    let mut table = vec![0; text.encode_utf16().count() + 1];
    let mut u = 0;
    let mut n = 0;
    for (i, ch) in text.chars().enumerate() {
        table[u] = i;
        if ch.len_utf16() == 2 {
            table[u + 1] = i;
        }
        u += ch.len_utf16();
        n = i + 1;
    }
    table[u] = n;
    table
}

/// A report mention in code points: (doc, start, end, entity index).
type Span = (usize, usize, usize, usize);

/// Maps every named gold mention to the entity with the most-overlapping mention.
fn map_items(chains: &[Value], spans: &[Span]) -> Vec<Item> {
    let mut by_doc: HashMap<usize, Vec<(usize, usize, usize)>> = HashMap::new();
    for &(d, s, e, ei) in spans {
        by_doc.entry(d).or_default().push((s, e, ei));
    }
    let mut items = Vec::new();
    for c in chains {
        let chain = c["id"].as_str().unwrap_or_default().to_string();
        let kind = c["kind"].as_str().unwrap_or_default().to_string();
        for m in c["mentions"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let named = m.get(4).and_then(|f| f["named"].as_bool()) == Some(true);
            if !named {
                continue;
            }
            let doc = m[0].as_u64().unwrap_or(0) as usize;
            let a = m[1].as_i64().unwrap_or(0);
            let b = m[2].as_i64().unwrap_or(0);
            let mut best: Option<((i64, i64, i64), usize)> = None;
            for &(s, e, ei) in by_doc.get(&doc).map(Vec::as_slice).unwrap_or(&[]) {
                let (s, e) = (s as i64, e as i64);
                let ov = b.min(e) - a.max(s);
                if ov > 0 {
                    let key = (ov, -(e - s), -(ei as i64));
                    if best.is_none_or(|(k, _)| key > k) {
                        best = Some((key, ei));
                    }
                }
            }
            items.push(Item {
                chain: chain.clone(),
                kind: kind.clone(),
                doc,
                text: m[3].as_str().unwrap_or_default().to_string(),
                entity: best.map(|(_, e)| e),
            });
        }
    }
    items
}

/// Scores one folder's mapping into `tot` (per kind and "all"); returns the folder's counts.
/// `missed` and `wrong` collect examples: (chain, entity a, entity b) → pairs lost and
/// (entity, chain a, chain b) → wrong pairs.
fn score(
    items: &[Item],
    tot: &mut BTreeMap<String, Counts>,
    missed: &mut BTreeMap<(String, usize, usize), usize>,
    wrong: &mut BTreeMap<(usize, String, String), usize>,
) -> (Counts, usize) {
    let mut sub = Counts::default();
    let mut lost_unmapped = 0;
    for x in items {
        for k in ["all", x.kind.as_str()] {
            let c = tot.entry(k.to_string()).or_default();
            c.mentions += 1;
            c.mapped += x.entity.is_some() as usize;
        }
    }
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let (a, b) = (&items[i], &items[j]);
            if a.doc == b.doc {
                continue;
            }
            let same_c = a.chain == b.chain;
            let same_e = a.entity.is_some() && a.entity == b.entity;
            if same_c {
                for k in ["all", a.kind.as_str()] {
                    let c = tot.entry(k.to_string()).or_default();
                    c.gold += 1;
                    c.found += same_e as usize;
                }
                sub.gold += 1;
                sub.found += same_e as usize;
                if !same_e {
                    match (a.entity, b.entity) {
                        (Some(ea), Some(eb)) => {
                            *missed
                                .entry((a.chain.clone(), ea.min(eb), ea.max(eb)))
                                .or_default() += 1
                        }
                        _ => lost_unmapped += 1,
                    }
                }
            }
            if same_e {
                let mut ks = vec!["all", a.kind.as_str(), b.kind.as_str()];
                ks.sort_unstable();
                ks.dedup();
                for k in ks {
                    let c = tot.entry(k.to_string()).or_default();
                    c.judged += 1;
                    c.good += same_c as usize;
                }
                sub.judged += 1;
                sub.good += same_c as usize;
                if !same_c {
                    let (ca, cb) = if a.chain < b.chain {
                        (a.chain.clone(), b.chain.clone())
                    } else {
                        (b.chain.clone(), a.chain.clone())
                    };
                    *wrong.entry((a.entity.unwrap_or(0), ca, cb)).or_default() += 1;
                }
            }
        }
    }
    (sub, lost_unmapped)
}

/// The report's name-entity labels, for examples.
struct Labels(Vec<String>);

/// One system's totals over all folders.
#[derive(Default)]
struct Run {
    tot: BTreeMap<String, Counts>,
    lost_unmapped: usize,
    examples_missed: Vec<(usize, String)>,
    examples_wrong: Vec<(usize, String)>,
}

fn chain_texts(items: &[Item], chain: &str, entity: Option<usize>) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (order, x) in items.iter().enumerate() {
        if x.chain == chain && (entity.is_none() || x.entity == entity) {
            let e = counts.entry(x.text.as_str()).or_insert((0, order));
            e.0 += 1;
        }
    }
    let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    v.iter()
        .take(4)
        .map(|(t, (n, _))| {
            if *n > 1 {
                format!("{t:?}x{n}")
            } else {
                format!("{t:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn score_into(
    run: &mut Run,
    name: &str,
    items: &[Item],
    labels: &Labels,
    descriptors: &HashMap<String, String>,
    print: bool,
) {
    let mut missed = BTreeMap::new();
    let mut wrong = BTreeMap::new();
    let (sub, lost) = score(items, &mut run.tot, &mut missed, &mut wrong);
    run.lost_unmapped += lost;
    if print {
        let (p, r, f) = sub.prf();
        println!(
            "{name}: named mentions {}, gold pairs {}, found {}, judged {}, correct {}; P {p:.3} R {r:.3} F1 {f:.3}",
            items.len(),
            sub.gold,
            sub.found,
            sub.judged,
            sub.good
        );
    }
    let label = |e: usize| labels.0.get(e).cloned().unwrap_or_default();
    let desc = |c: &str| descriptors.get(c).cloned().unwrap_or_default();
    for ((ch, ea, eb), n) in missed {
        run.examples_missed.push((
            n,
            format!(
                "{name} {}: {} [{}] vs {} [{}]",
                desc(&ch),
                label(ea),
                chain_texts(items, &ch, Some(ea)),
                label(eb),
                chain_texts(items, &ch, Some(eb))
            ),
        ));
    }
    for ((e, ca, cb), n) in wrong {
        run.examples_wrong.push((
            n,
            format!(
                "{name} {}: {} [{}] + {} [{}]",
                label(e),
                desc(&ca),
                chain_texts(items, &ca, Some(e)),
                desc(&cb),
                chain_texts(items, &cb, Some(e))
            ),
        ));
    }
}

fn print_totals(title: &str, run: &Run) {
    println!("{title}");
    for k in KINDS {
        let c = run.tot.get(k).copied().unwrap_or_default();
        let (p, r, f) = c.prf();
        let mr = if c.mentions > 0 {
            c.mapped as f64 / c.mentions as f64
        } else {
            0.0
        };
        println!(
            "{k}: named mentions {} (mention recall {mr:.3}), gold pairs {} found {} (R {r:.3}), judged pairs {} correct {} (P {p:.3}), F1 {f:.3}",
            c.mentions, c.gold, c.found, c.judged, c.good
        );
    }
    let c = run.tot.get("all").copied().unwrap_or_default();
    let (p, r, f) = c.prf();
    let mr = if c.mentions > 0 {
        c.mapped as f64 / c.mentions as f64
    } else {
        0.0
    };
    println!(
        "all: named mentions {}, gold cross-article pairs {} (found {}; lost {} to an unmatched mention, {} to split entities), judged pairs {} (correct {})",
        c.mentions,
        c.gold,
        c.found,
        run.lost_unmapped,
        c.gold - c.found - run.lost_unmapped,
        c.judged,
        c.good
    );
    println!("entity merge pairwise F1 {f:.3} (P {p:.3} R {r:.3}; mention recall {mr:.3})");
}

fn main() {
    let mut dirs: Vec<String> = Vec::new();
    let mut examples = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--examples" {
            examples = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else {
            dirs.push(a);
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: eval-entities [--examples N] DIR...");
        std::process::exit(2);
    }
    let mut system = Run::default();
    let mut baseline = Run::default();
    let mut bad = 0usize;
    for d in &dirs {
        let dir = Path::new(d);
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| d.clone());
        let gold: Value = match std::fs::read_to_string(dir.join("entities.json"))
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                eprintln!("eval-entities: {d}/entities.json: {e}");
                std::process::exit(2);
            }
        };
        let docs: Vec<String> = gold["docs"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let mut articles = Vec::new();
        let mut texts = Vec::new();
        for doc in &docs {
            let path = dir.join(doc);
            let bytes = std::fs::read(&path).unwrap_or_default();
            let text = match corroborate::input::check(&bytes) {
                Ok(t) => t.to_string(),
                Err(e) => {
                    eprintln!("eval-entities: {}: {e}", path.display());
                    std::process::exit(2);
                }
            };
            articles.push(corroborate::Article::new(
                path.to_string_lossy().to_string(),
                text.clone(),
            ));
            texts.push(text);
        }
        let report = match corroborate::analyze(&articles) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("eval-entities: {d}: {e}");
                std::process::exit(2);
            }
        };
        let tabs: Vec<Vec<usize>> = texts.iter().map(|t| u16_to_cp(t)).collect();
        let mut spans: Vec<Span> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for (ei, e) in report.entities.iter().enumerate() {
            for m in &e.mentions {
                let doc = m.doc as usize;
                let (Some(s), Some(en)) = (
                    tabs.get(doc).and_then(|t| t.get(m.start as usize)),
                    tabs.get(doc).and_then(|t| t.get(m.end as usize)),
                ) else {
                    bad += 1;
                    continue;
                };
                let covered: String = texts[doc].chars().skip(*s).take(en - s).collect();
                if covered != m.text {
                    bad += 1;
                }
                spans.push((doc, *s, *en, ei));
                keys.push(corroborate::gazetteer::key(&m.text));
            }
        }
        let chains = gold["chains"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        let descriptors: HashMap<String, String> = chains
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap_or_default().to_string(),
                    c["descriptor"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let labels = Labels(
            report
                .entities
                .iter()
                .map(|e| format!("{} {:?} ({})", e.id, e.name, e.kind))
                .collect(),
        );
        let items = map_items(chains, &spans);
        score_into(&mut system, &name, &items, &labels, &descriptors, true);

        // Same-string baseline: the same mentions, one entity per key, numbered by first use.
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut base_labels = Vec::new();
        let base_spans: Vec<Span> = spans
            .iter()
            .zip(&keys)
            .map(|(&(d, s, e, _), k)| {
                let n = ids.len();
                let id = *ids.entry(k.as_str()).or_insert_with(|| {
                    base_labels.push(format!("b{n} {k:?}"));
                    n
                });
                (d, s, e, id)
            })
            .collect();
        let base_items = map_items(chains, &base_spans);
        score_into(
            &mut baseline,
            &name,
            &base_items,
            &Labels(base_labels),
            &descriptors,
            false,
        );
    }
    if examples > 0 {
        for (title, list) in [
            (
                "largest missed merges (one gold chain, two report entities; gold pairs lost):",
                &mut system.examples_missed,
            ),
            (
                "largest wrong merges (one report entity, two gold chains; wrong pairs):",
                &mut system.examples_wrong,
            ),
        ] {
            println!("{title}");
            list.sort_by_key(|x| std::cmp::Reverse(x.0));
            for (n, line) in list.iter().take(examples) {
                println!("  {n:>4}  {line}");
            }
        }
    }
    if bad > 0 {
        println!("warning: {bad} report mention spans out of range or not matching their text");
    }
    println!("{} folders", dirs.len());
    print_totals("== corroborate (the CLI's report)", &system);
    print_totals(
        "== same-string baseline (the same mentions grouped by text)",
        &baseline,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_map_to_code_points() {
        // "a😀b": the emoji is two UTF-16 units and one code point.
        assert_eq!(u16_to_cp("a\u{1F600}b"), vec![0, 1, 1, 2, 3]);
        assert_eq!(u16_to_cp("é"), vec![0, 1]);
    }

    fn chain(id: &str, kind: &str, mentions: &[(usize, usize, usize, bool)]) -> Value {
        let ms: Vec<Value> = mentions
            .iter()
            .map(|&(d, s, e, named)| serde_json::json!([d, s, e, "x", {"named": named}]))
            .collect();
        serde_json::json!({"id": id, "kind": kind, "mentions": ms})
    }

    #[test]
    fn pairs_are_scored_across_articles_only() {
        // Chain A: named mentions in docs 0, 1, 2 (and an unnamed one, ignored); chain B in 0, 1.
        let chains = vec![
            chain(
                "A",
                "HUM",
                &[
                    (0, 0, 5, true),
                    (1, 0, 5, true),
                    (2, 0, 5, true),
                    (2, 9, 12, false),
                ],
            ),
            chain("B", "LOC", &[(0, 10, 15, true), (1, 10, 15, true)]),
        ];
        // System: entity 0 holds A in docs 0 and 1 and B in doc 1 (a wrong merge); A in doc 2
        // is entity 1; B in doc 0 overlaps two mentions and maps to the larger overlap (entity 2).
        let spans = vec![
            (0, 0, 5, 0),
            (1, 0, 5, 0),
            (1, 10, 15, 0),
            (2, 0, 5, 1),
            (0, 9, 11, 3),
            (0, 11, 15, 2),
        ];
        let items = map_items(&chains, &spans);
        assert_eq!(items.len(), 5);
        assert_eq!(items[3].entity, Some(2));
        let mut tot = BTreeMap::new();
        let (sub, lost) = score(&items, &mut tot, &mut BTreeMap::new(), &mut BTreeMap::new());
        // Gold pairs: A 3 (0-1, 0-2, 1-2), B 1; found: A 0-1 only.
        assert_eq!((sub.gold, sub.found, lost), (4, 1, 0));
        // Judged: entity 0 holds A0, A1, B1: cross-article pairs A0-A1 (good), A0-B1 (wrong).
        assert_eq!((sub.judged, sub.good), (2, 1));
        assert_eq!(tot["LOC"].judged, 1);
        assert_eq!(tot["HUM"].gold, 3);
    }
}
