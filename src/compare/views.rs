//! Article-level views of the groups: how much each pair of articles shares (a rewrite of a
//! wire story stands out with an overlap near 1), which widely carried groups each article
//! omits, and which outlets and agencies each article cites.
//!
//! - **Pairs**: pairs `a < b` that share at least one group, each article's closest
//!   [`MAX_PAIRS_PER_ARTICLE`] at most; `shared` counts groups carrying both, `overlap` divides
//!   by the group count of the article in fewer groups.
//! - **Omissions**: a group is omitted by an article when the article does not carry it, at
//!   least two articles do, and they are more than half of the other articles.
//! - **Citations**: the claims' `cited` spans, merged by the entity that has a mention inside
//!   the span (same document), else by the lower-cased text without a leading "the" and a
//!   trailing "agency"/"news agency".

use rustc_hash::FxHashMap;

pub use crate::report::{ArticleView, Citation, Omission};
use crate::report::{Claim, Document, Entity, Group, Pair};

/// Most pairs listed per article: its closest partners.
pub const MAX_PAIRS_PER_ARTICLE: usize = 20;

/// The pairs of articles that share at least one group, each article's
/// [`MAX_PAIRS_PER_ARTICLE`] closest partners at most (most shared groups, then highest
/// overlap, then input order); a pair is listed when it is among the closest of either
/// article. Listing every pair made the report grow with the square of the article count
/// (2,000 one-sentence articles: 90 MB of pairs); now it is at most 20 per article.
///
/// The counting visits, for each article, the members of each of its groups: O(Σ k²) for
/// groups of k articles, bounded by [`crate::MAX_ARTICLES`], with O(articles) memory.
pub fn pairs(documents: &[Document], groups: &[Group]) -> Vec<Pair> {
    let n = documents.len();
    let pos: FxHashMap<u32, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.index, i))
        .collect();
    let members: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut ds: Vec<usize> = g.docs.iter().filter_map(|d| pos.get(d).copied()).collect();
            ds.sort_unstable();
            ds.dedup();
            ds
        })
        .collect();
    let mut count = vec![0u32; n];
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (g, ds) in members.iter().enumerate() {
        for &a in ds {
            count[a] += 1;
            groups_of[a].push(g);
        }
    }
    let overlap = |s: u32, a: usize, b: usize| {
        let least = count[a].min(count[b]);
        if least == 0 {
            0.0
        } else {
            f64::from(s) / f64::from(least)
        }
    };
    let mut tally = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut kept: FxHashMap<(usize, usize), u32> = FxHashMap::default();
    for (a, gs) in groups_of.iter().enumerate() {
        for &g in gs {
            for &b in &members[g] {
                if b != a {
                    if tally[b] == 0 {
                        touched.push(b);
                    }
                    tally[b] += 1;
                }
            }
        }
        let mut partners: Vec<(usize, u32)> = touched
            .drain(..)
            .map(|b| (b, std::mem::take(&mut tally[b])))
            .collect();
        partners.sort_by(|x, y| {
            y.1.cmp(&x.1)
                .then(overlap(y.1, a, y.0).total_cmp(&overlap(x.1, a, x.0)))
                .then(x.0.cmp(&y.0))
        });
        partners.truncate(MAX_PAIRS_PER_ARTICLE);
        for (b, s) in partners {
            kept.insert((a.min(b), a.max(b)), s);
        }
    }
    let mut listed: Vec<((usize, usize), u32)> = kept.into_iter().collect();
    listed.sort_unstable_by_key(|&(k, _)| k);
    listed
        .into_iter()
        .map(|((a, b), s)| {
            let (da, db) = (documents[a].index, documents[b].index);
            Pair {
                a: da.min(db),
                b: da.max(db),
                shared: s,
                overlap: overlap(s, a, b),
            }
        })
        .collect()
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
    let mut by_doc: FxHashMap<u32, Vec<&Claim>> = FxHashMap::default();
    for c in claims {
        by_doc.entry(c.doc).or_default().push(c);
    }
    // Mentions by document: (start, end, entity index).
    let mut mentions: FxHashMap<u32, Vec<(u32, u32, usize)>> = FxHashMap::default();
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
            let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
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

#[cfg(test)]
mod pair_tests {
    use super::*;

    fn doc(i: u32) -> Document {
        Document {
            index: i,
            name: format!("d{i}"),
            title: String::new(),
            outlet: None,
            length: 0,
            boilerplate: Vec::new(),
        }
    }

    fn group(docs: &[u32]) -> Group {
        Group {
            id: String::new(),
            claims: Vec::new(),
            docs: docs.to_vec(),
            relation: crate::report::Relation::Unique,
            reason: String::new(),
            diffs: Vec::new(),
            conflicts: Vec::new(),
            pieces: Vec::new(),
        }
    }

    #[test]
    fn only_pairs_that_share() {
        let documents: Vec<Document> = (0..4).map(doc).collect();
        let groups = vec![group(&[0, 1]), group(&[0, 1, 2]), group(&[3])];
        let got: Vec<(u32, u32, u32)> = pairs(&documents, &groups)
            .iter()
            .map(|p| (p.a, p.b, p.shared))
            .collect();
        // 3 shares nothing; 1-2 and 0-2 share one group, 0-1 two
        assert_eq!(got, vec![(0, 1, 2), (0, 2, 1), (1, 2, 1)]);
        let p = &pairs(&documents, &groups)[1];
        assert_eq!(p.overlap, 1.0); // 2 is in one group, shared with 0
    }

    #[test]
    fn bounded_per_article() {
        // every article in one group: all pairs share, but each article lists at most
        // MAX_PAIRS_PER_ARTICLE partners (the first in input order on a tie)
        let n = 100u32;
        let documents: Vec<Document> = (0..n).map(doc).collect();
        let all: Vec<u32> = (0..n).collect();
        let got = pairs(&documents, &[group(&all)]);
        let mut per = vec![0usize; n as usize];
        for p in &got {
            per[p.a as usize] += 1;
            per[p.b as usize] += 1;
        }
        assert!(got.len() <= n as usize * MAX_PAIRS_PER_ARTICLE);
        assert!(got.len() < (n * (n - 1) / 2) as usize);
        // article 99's closest 20 are 0..20, so it is listed with each of them
        assert!((0..20).all(|a| got.iter().any(|p| p.a == a && p.b == 99)));
        assert!(per.iter().all(|&c| c >= MAX_PAIRS_PER_ARTICLE));
    }
}
