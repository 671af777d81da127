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

use serde::{Deserialize, Serialize};

use crate::report::{Claim, Document, Entity, Group, Pair};

/// What one article leaves out and whom it cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// Document index.
    pub doc: u32,
    /// Groups that most other articles carry and this one does not, most widely carried first.
    pub omits: Vec<Omission>,
    /// Outlets and agencies the article credits, most credited first.
    pub cites: Vec<Citation>,
}

/// A widely carried group that an article leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    /// Group id.
    pub group: String,
    /// How many articles carry the group.
    pub carried_by: u32,
}

/// An outlet or agency an article credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The entity's canonical name, or the cited text as first written.
    pub name: String,
    /// The entity id, when the cited span holds a mention of one.
    pub entity: Option<String>,
    /// Claims credited to it, in document order.
    pub claims: Vec<String>,
}

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
            let others = n.saturating_sub(1) as u32;
            let mut omits: Vec<Omission> = groups
                .iter()
                .filter(|g| {
                    let k = g.docs.len() as u32;
                    !g.docs.contains(&d.index) && k >= 2 && 2 * k > others
                })
                .map(|g| Omission {
                    group: g.id.clone(),
                    carried_by: g.docs.len() as u32,
                })
                .collect();
            omits.sort_by_key(|o| std::cmp::Reverse(o.carried_by));
            let mut cites: Vec<Citation> = Vec::new();
            let mut by_key: HashMap<String, usize> = HashMap::new();
            let empty = Vec::new();
            let ms = mentions.get(&d.index).unwrap_or(&empty);
            for c in claims.iter().filter(|c| c.doc == d.index) {
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
