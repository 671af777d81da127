//! Article-level views of the groups: how much each pair of articles shares (a rewrite of a
//! wire story stands out with an overlap near 1), which widely carried groups each article
//! omits, and which outlets and agencies each article cites.
//!
//! - **Pairs**: every pair `a < b`; `shared` counts groups carrying both, `overlap` divides by
//!   the group count of the article in fewer groups.
//! - **Omissions**: a group is omitted by an article when the article does not carry it, at
//!   least two articles do, and they are more than half of the other articles.
//! - **Citations**: the claims' `cited` spans, merged by the entity that has a mention inside
//!   the span (same document), else by the lower-cased text without a leading "the" and a
//!   trailing "agency"/"news agency".

use std::collections::HashMap;

pub use crate::report::{ArticleView, Citation, Omission};
use crate::report::{Claim, Document, Entity, Group, Pair};

/// Every pair of articles with the groups they share.
pub fn pairs(documents: &[Document], groups: &[Group]) -> Vec<Pair> {
    let n = documents.len();
    let pos: HashMap<u32, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.index, i))
        .collect();
    let mut count = vec![0u32; n];
    let mut shared: HashMap<(usize, usize), u32> = HashMap::new();
    for g in groups {
        let ds: Vec<usize> = g.docs.iter().filter_map(|d| pos.get(d).copied()).collect();
        for (x, &a) in ds.iter().enumerate() {
            count[a] += 1;
            for &b in &ds[x + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_insert(0) += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 0..n {
        for b in a + 1..n {
            let s = shared.get(&(a, b)).copied().unwrap_or(0);
            let least = count[a].min(count[b]);
            let (da, db) = (documents[a].index, documents[b].index);
            out.push(Pair {
                a: da.min(db),
                b: da.max(db),
                shared: s,
                overlap: if least == 0 {
                    0.0
                } else {
                    f64::from(s) / f64::from(least)
                },
            });
        }
    }
    out
}

fn citation_key(text: &str) -> String {
    let mut t = text.trim().to_lowercase();
    for p in ["the "] {
        if let Some(s) = t.strip_prefix(p) {
            t = s.to_string();
        }
    }
    for s in [" news agency", " agency", "'s", "\u{2019}s"] {
        if let Some(x) = t.strip_suffix(s) {
            t = x.to_string();
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Per-article omissions and citations.
pub fn articles(
    documents: &[Document],
    entities: &[Entity],
    claims: &[Claim],
    groups: &[Group],
) -> Vec<ArticleView> {
    let n = documents.len();
    let others = n.saturating_sub(1) as u32;
    // Groups carried widely enough to be missed, most widely carried first.
    let mut wide: Vec<&Group> = groups
        .iter()
        .filter(|g| {
            let k = g.docs.len() as u32;
            k >= 2 && 2 * k > others
        })
        .collect();
    wide.sort_by_key(|g| std::cmp::Reverse(g.docs.len()));
    let mut by_doc: HashMap<u32, Vec<&Claim>> = HashMap::new();
    for c in claims {
        by_doc.entry(c.doc).or_default().push(c);
    }
    // Mentions by document: (start, end, entity index).
    let mut mentions: HashMap<u32, Vec<(u32, u32, usize)>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            mentions.entry(m.doc).or_default().push((m.start, m.end, i));
        }
    }
    documents
        .iter()
        .map(|d| {
            let omits: Vec<Omission> = wide
                .iter()
                .filter(|g| !g.docs.contains(&d.index))
                .map(|g| Omission {
                    group: g.id.clone(),
                    carried_by: g.docs.len() as u32,
                })
                .collect();
            let mut cites: Vec<Citation> = Vec::new();
            let mut by_key: HashMap<String, usize> = HashMap::new();
            let empty = Vec::new();
            let ms = mentions.get(&d.index).unwrap_or(&empty);
            for c in by_doc.get(&d.index).map(Vec::as_slice).unwrap_or(&[]) {
                for span in &c.cited {
                    let entity = ms
                        .iter()
                        .filter(|m| m.0 < span.end && span.start < m.1)
                        .map(|m| m.2)
                        .min_by_key(|&e| entities[e].kind != "organization");
                    let (key, name, id) = match entity {
                        Some(e) => (
                            format!("e:{}", entities[e].id),
                            entities[e].name.clone(),
                            Some(entities[e].id.clone()),
                        ),
                        None => (citation_key(&span.text), span.text.trim().to_string(), None),
                    };
                    if key.is_empty() {
                        continue;
                    }
                    let at = *by_key.entry(key).or_insert_with(|| {
                        cites.push(Citation {
                            name,
                            entity: id,
                            claims: Vec::new(),
                        });
                        cites.len() - 1
                    });
                    if !cites[at].claims.contains(&c.id) {
                        cites[at].claims.push(c.id.clone());
                    }
                }
            }
            cites.sort_by_key(|c| std::cmp::Reverse(c.claims.len()));
            ArticleView {
                doc: d.index,
                omits,
                cites,
            }
        })
        .collect()
}
