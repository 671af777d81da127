//! A readable Markdown summary of a report, for the CLI's `--format markdown`: the articles,
//! the entities by type, the differences an editor must see first (each conflict with its
//! kind, whether the values cannot all hold or may all hold and why, and every article's value
//! side by side in a table), then the claim groups with their relation. Built from the report
//! alone, so it shows exactly what the JSON says.
//!
//! [`digest`] picks out what differs (conflicts, rewordings, headlines, what most articles
//! carry and one leaves out, how much each pair shares, one-source claims per article). The
//! summary's "What differs" section and the page's digest both come from it, so the CLI and
//! the browser lead with the same selection (the page gets it through `digestJson`).

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::report::{Conflict, Pair, Relation, Report};

/// What differs between the articles of a report, as ids into it: the selection a reader
/// should see before the full claim table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// Groups whose relation is `conflict`, in report order (most widely carried first).
    pub conflicts: Vec<String>,
    /// Groups whose relation is `reworded` (quotes with a word diff), in report order.
    pub reworded: Vec<String>,
    /// Each article's headline, in document order.
    pub headlines: Vec<Headline>,
    /// Groups most articles carry that one leaves out, most widely carried first.
    pub omissions: Vec<DigestOmission>,
    /// The listed article pairs, most overlapping first (a rewrite of another article's text
    /// stands out at the top with an overlap near 1).
    pub pairs: Vec<Pair>,
    /// Per article, in document order: the groups it alone carries.
    pub unique: Vec<UniqueClaims>,
    /// Articles that share almost no names and no claims with the others, in document order:
    /// probably about a different event (see [`Apart`]). Empty when every article shares enough
    /// with another one, and for a single article.
    pub apart: Vec<Apart>,
    /// The same as one sentence naming those articles, for the page to show above the digest
    /// and the summary to print under "What differs" (see [`apart_sentence`]); null when no
    /// article stands apart.
    pub apart_note: Option<String>,
}

/// Below this share of its names also found in another article, an article shares "almost no
/// names" (fewer than one in five).
pub const APART_NAMES: f64 = 0.2;

/// Below this overlap with every other article (see [`Pair::overlap`]), an article shares
/// "almost no claims" (fewer than one claim group in ten of the shorter article).
pub const APART_CLAIMS: f64 = 0.1;

/// An article that stands apart from the others: fewer than [`APART_NAMES`] of its names
/// (people, organisations, places, groups, events, works; not dates or figures) appear in any
/// other article, and it shares fewer than [`APART_CLAIMS`] of its claim groups with each
/// other article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Apart {
    /// Document index.
    pub doc: u32,
    /// Its named entities.
    pub names: u32,
    /// How many of them another article also mentions.
    pub shared_names: u32,
    /// Its highest overlap with another article (0 when it shares no claim group).
    pub overlap: f64,
}

/// The articles that stand apart (see [`Apart`]); none for fewer than two articles.
fn apart(report: &Report) -> Vec<Apart> {
    if report.documents.len() < 2 {
        return Vec::new();
    }
    report
        .documents
        .iter()
        .filter_map(|d| {
            let mine = report
                .entities
                .iter()
                .filter(|e| TYPE_ORDER[..NAME_TYPES].contains(&e.kind.as_str()))
                .filter(|e| e.docs.contains(&d.index));
            let (mut names, mut shared_names) = (0u32, 0u32);
            for e in mine {
                names += 1;
                if e.docs.iter().any(|&o| o != d.index) {
                    shared_names += 1;
                }
            }
            let overlap = report
                .pairs
                .iter()
                .filter(|p| p.a == d.index || p.b == d.index)
                .map(|p| p.overlap)
                .fold(0.0, f64::max);
            let few_names = f64::from(shared_names) < APART_NAMES * f64::from(names);
            let has_claims = report.claims.iter().any(|c| c.doc == d.index);
            (has_claims && few_names && overlap < APART_CLAIMS).then_some(Apart {
                doc: d.index,
                names,
                shared_names,
                overlap,
            })
        })
        .collect()
}

/// One article's headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    /// Document index.
    pub doc: u32,
    /// The headline as the report gives it (`documents[doc].title`).
    pub title: String,
}

/// A group that most articles carry and one article leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DigestOmission {
    /// The article that leaves it out.
    pub doc: u32,
    /// Group id.
    pub group: String,
    /// How many articles carry it.
    pub carried_by: u32,
}

/// The groups one article alone carries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UniqueClaims {
    /// Document index.
    pub doc: u32,
    /// Group ids, in report order.
    pub groups: Vec<String>,
}

/// Picks out what differs between the report's articles (see [`Digest`]).
pub fn digest(report: &Report) -> Digest {
    let with = |relation: Relation| -> Vec<String> {
        report
            .groups
            .iter()
            .filter(|g| g.relation == relation)
            .map(|g| g.id.clone())
            .collect()
    };
    let mut omissions: Vec<DigestOmission> = report
        .articles
        .iter()
        .flat_map(|a| {
            a.omits.iter().map(|o| DigestOmission {
                doc: a.doc,
                group: o.group.clone(),
                carried_by: o.carried_by,
            })
        })
        .collect();
    omissions.sort_by_key(|o| std::cmp::Reverse(o.carried_by));
    let mut pairs = report.pairs.clone();
    pairs.sort_by(|x, y| {
        y.overlap
            .total_cmp(&x.overlap)
            .then(y.shared.cmp(&x.shared))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let unique = report
        .documents
        .iter()
        .map(|d| UniqueClaims {
            doc: d.index,
            groups: report
                .groups
                .iter()
                .filter(|g| g.docs.len() == 1 && g.docs[0] == d.index)
                .map(|g| g.id.clone())
                .collect(),
        })
        .collect();
    let apart_docs = apart(report);
    Digest {
        conflicts: with(Relation::Conflict),
        reworded: with(Relation::Reworded),
        headlines: report
            .documents
            .iter()
            .map(|d| Headline {
                doc: d.index,
                title: d.title.clone(),
            })
            .collect(),
        omissions,
        pairs,
        unique,
        apart_note: (!apart_docs.is_empty()).then(|| apart_sentence(report, &apart_docs)),
        apart: apart_docs,
    }
}

/// Types in the order the summary lists them: first the [`NAME_TYPES`] names, then dates and
/// figures.
const TYPE_ORDER: &[&str] = &[
    "person",
    "organization",
    "place",
    "group",
    "event",
    "work",
    "other",
    "date",
    "time",
    "quantity",
    "money",
    "percent",
];

/// How many of [`TYPE_ORDER`] are names rather than dates or figures: shared names are what
/// tells two articles are about one event.
const NAME_TYPES: usize = 7;

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Corroborate report\n");
    let _ = writeln!(out, "## Articles\n");
    for d in &report.documents {
        let outlet = d
            .outlet
            .as_ref()
            .map(|o| format!("{} — ", escape(&o.text)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} · {}**{}** ({})",
            d.index + 1,
            outlet,
            escape(&d.title),
            escape(&d.name)
        );
    }
    let _ = writeln!(out, "\n## Entities\n");
    let mut by_type: BTreeMap<usize, Vec<&crate::report::Entity>> = BTreeMap::new();
    for e in &report.entities {
        let rank = TYPE_ORDER
            .iter()
            .position(|t| *t == e.kind)
            .unwrap_or(TYPE_ORDER.len());
        by_type.entry(rank).or_default().push(e);
    }
    for (rank, list) in by_type {
        let name = TYPE_ORDER.get(rank).copied().unwrap_or("other");
        let items: Vec<String> = list
            .iter()
            .map(|e| {
                let docs: Vec<String> = e.docs.iter().map(|d| (d + 1).to_string()).collect();
                format!(
                    "{} ×{} [{}]",
                    escape(&e.name),
                    e.mentions.len(),
                    docs.join(",")
                )
            })
            .collect();
        let _ = writeln!(out, "- **{name}**: {}", items.join("; "));
    }
    conflicts(&mut out, report);
    differs(&mut out, report, &digest(report));
    let _ = writeln!(out, "\n## Claims across articles\n");
    let claims: BTreeMap<&str, &crate::report::Claim> =
        report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let names: BTreeMap<&str, &str> = report
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    for g in report.groups.iter().filter(|g| g.docs.len() > 1) {
        let _ = writeln!(
            out,
            "### {} ({}) — {}\n",
            g.relation,
            g.docs.len(),
            escape(&g.reason)
        );
        for id in &g.claims {
            if let Some(c) = claims.get(id.as_str()) {
                let who = c
                    .speaker
                    .as_deref()
                    .and_then(|s| names.get(s))
                    .map(|n| format!("{n}: "))
                    .unwrap_or_default();
                // A claim told in pieces that the group holds in part: those pieces' words.
                let told = g
                    .pieces
                    .iter()
                    .find(|p| p.claim == c.id && !p.spans.is_empty())
                    .map(|p| {
                        p.spans
                            .iter()
                            .map(|s| s.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" … ")
                    })
                    .unwrap_or_else(|| c.content.text.clone());
                let _ = writeln!(out, "- [{}] {}{}", c.doc + 1, escape(&who), escape(&told));
            }
        }
        out.push('\n');
    }
    let unique = report.groups.iter().filter(|g| g.docs.len() <= 1).count();
    let _ = writeln!(out, "{unique} claims are carried by one article only.");
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for n in &report.notes {
            let _ = writeln!(out, "- {}", escape(n));
        }
    }
    out
}

/// A conflict's kind in words, and whether its values can all hold.
pub fn conflict_label(c: &Conflict) -> &'static str {
    match c.kind.as_str() {
        "number" => "Figures that cannot all hold",
        "range" => "Figures that differ but may all hold",
        "unknown" => "A figure against “not known”",
        "time" => "Different times",
        "day" => "Different days",
        "detail" => "A name or number changed",
        "status" => "Statuses that exclude each other",
        "speaker" => "Quote given to different speakers",
        "negation" => "Said and denied",
        _ => "Conflict",
    }
}

/// The conflicts section: per conflicting group, each clash with its kind, its note, and a
/// table with one row per value (article, value as written).
fn conflicts(out: &mut String, report: &Report) {
    let groups: Vec<&crate::report::Group> = report
        .groups
        .iter()
        .filter(|g| g.relation == Relation::Conflict)
        .collect();
    let _ = writeln!(out, "\n## Conflicts ({})\n", groups.len());
    if groups.is_empty() {
        let _ = writeln!(out, "None found.");
        return;
    }
    let name = |d: u32| label(report, d);
    for g in groups {
        for c in &g.conflicts {
            let _ = writeln!(
                out,
                "**{}** — {} ({}; {}):\n",
                conflict_label(c),
                escape(&c.about),
                escape(&c.note),
                if c.may_hold {
                    "may all hold"
                } else {
                    "cannot all hold"
                }
            );
            let _ = writeln!(out, "| article | value |\n|---|---|");
            for v in &c.values {
                let _ = writeln!(out, "| {} | {} |", name(v.doc), escape(&v.text));
            }
            out.push('\n');
        }
    }
}

/// The low-overlap notice: which articles share almost no names or claims with the others.
pub fn apart_sentence(report: &Report, apart: &[Apart]) -> String {
    if apart.len() == report.documents.len() || report.documents.len() == 2 {
        return "These articles share almost no names or claims: they are probably about \
                different events."
            .to_string();
    }
    let names: Vec<String> = apart.iter().map(|a| label(report, a.doc)).collect();
    if names.len() == 1 {
        format!(
            "{} shares almost no names or claims with the others: it is probably about a \
             different event.",
            names[0]
        )
    } else {
        format!(
            "{} share almost no names or claims with the others: they are probably about \
             different events.",
            names.join("; ")
        )
    }
}

/// An article's [`crate::outlet::label`], escaped ("2 · Reuters — Putin calls for calm…"),
/// or its number when the report has no such document.
fn label(report: &Report, d: u32) -> String {
    report
        .documents
        .iter()
        .find(|x| x.index == d)
        .map(|x| escape(&crate::outlet::label(x)))
        .unwrap_or_else(|| (d + 1).to_string())
}

/// The rest of the digest after the conflicts: rewordings, omissions, the closest pairs and
/// one-source claims per article.
fn differs(out: &mut String, report: &Report, d: &Digest) {
    let _ = writeln!(out, "\n## What differs\n");
    if let Some(note) = &d.apart_note {
        let _ = writeln!(out, "- {note}");
    }
    let _ = writeln!(out, "- Reworded quotes: {}", d.reworded.len());
    for o in &d.omissions {
        let _ = writeln!(
            out,
            "- {} leaves out group {}, carried by {} articles",
            label(report, o.doc),
            escape(&o.group),
            o.carried_by
        );
    }
    for p in d.pairs.iter().take(3) {
        let _ = writeln!(
            out,
            "- {} and {} share {} claim groups ({:.0} % overlap)",
            label(report, p.a),
            label(report, p.b),
            p.shared,
            p.overlap * 100.0
        );
    }
    let counts: Vec<String> = d
        .unique
        .iter()
        .map(|u| format!("{}: {}", u.doc + 1, u.groups.len()))
        .collect();
    if report.documents.len() > 1 {
        let _ = writeln!(
            out,
            "- One-source claims per article: {}",
            counts.join(", ")
        );
    }
}

/// Keeps article text from being read as Markdown markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Article};

    #[test]
    fn conflicts_show_kind_and_values_side_by_side() {
        let a = "Ferry sinks off Sulawesi.\n\nAt least 23 people died when the ferry capsized off Sulawesi on Sunday, officials said.\n\nForty people are still missing after the ferry capsized off Sulawesi, officials said.\n";
        let b = "Ferry disaster.\n\nAt least 31 people died when the ferry capsized off Sulawesi on Sunday, officials said.\n\nTwenty-six people are still missing after the ferry capsized off Sulawesi, officials said.\n";
        let r = analyze(&[Article::new("a.txt", a), Article::new("b.txt", b)]).unwrap();
        let md = render(&r);
        assert!(md.contains("## Conflicts (2)"), "{md}");
        assert!(md.contains("**Figures that cannot all hold**"), "{md}");
        assert!(
            md.contains("**Figures that differ but may all hold**"),
            "{md}"
        );
        assert!(
            md.contains("| 1 · Ferry sinks off Sulawesi. | Forty people |"),
            "{md}"
        );
        assert!(
            md.contains("| 2 · Ferry disaster. | Twenty-six people |"),
            "{md}"
        );
        assert!(
            md.contains("| 1 · Ferry sinks off Sulawesi. | At least 23 people |"),
            "{md}"
        );
        assert!(
            md.contains("- 1 · **Ferry sinks off Sulawesi.** (a.txt)"),
            "{md}"
        );
        assert!(!md.contains("a.txt |"), "{md}");
        let d = digest(&r);
        assert_eq!(d.conflicts.len(), 2);
        assert_eq!(d.headlines.len(), 2);
        assert_eq!(d.headlines[1].title, "Ferry disaster.");
        assert_eq!(d.unique.len(), 2);
        for u in &d.unique {
            for g in &u.groups {
                let group = r.groups.iter().find(|x| &x.id == g).unwrap();
                assert_eq!(group.docs, vec![u.doc]);
            }
        }
        assert!(md.contains("## What differs"), "{md}");
        let none = render(&analyze(&[Article::new("a.txt", a)]).unwrap());
        assert!(none.contains("## Conflicts (0)\n\nNone found."), "{none}");
    }

    #[test]
    fn articles_are_named_by_outlet_and_headline() {
        let a = "Ferry sinks off Sulawesi\n\nMAKASSAR, Indonesia (AP) — Forty people are still missing after the ferry capsized off Sulawesi, officials said.\n";
        let b = "Ferry disaster leaves dozens missing\n\nBy Jane Doe, BBC News\n\nTwenty-six people are still missing after the ferry capsized off Sulawesi, officials said.\n";
        let c = "Ferry capsizes\n\nBy Jane Doe, Staff Writer\n\nThirty people are still missing after the ferry capsized off Sulawesi, officials said.\n";
        let r = analyze(&[
            Article::new("a.txt", a),
            Article::new("b.txt", b),
            Article::new("c.txt", c),
        ])
        .unwrap();
        let md = render(&r);
        assert!(
            md.contains("- 1 · AP — **Ferry sinks off Sulawesi** (a.txt)"),
            "{md}"
        );
        assert!(
            md.contains("- 2 · BBC News — **Ferry disaster leaves dozens missing** (b.txt)"),
            "{md}"
        );
        assert!(md.contains("- 3 · **Ferry capsizes** (c.txt)"), "{md}");
        assert!(
            md.contains("| 1 · AP — Ferry sinks off Sulawesi | Forty people |"),
            "{md}"
        );
        // Explanations name the articles the same way, never by file.
        let reasons: Vec<&str> = r.groups.iter().map(|g| g.reason.as_str()).collect();
        assert!(
            reasons
                .iter()
                .any(|x| x.contains("2 · BBC News — Ferry disaster")),
            "{reasons:?}"
        );
        assert!(reasons.iter().all(|x| !x.contains(".txt")), "{reasons:?}");
    }

    const FERRY_A: &str = "Ferry sinks off Sulawesi\n\nForty people are still missing after the ferry capsized off Sulawesi on Sunday, Indonesia's search and rescue agency said.\n\nThe ferry was carrying passengers between Makassar and Bau-Bau when it sank, Governor Andi Sudirman said.\n";
    const FERRY_B: &str = "Dozens missing after Indonesian ferry capsizes\n\nTwenty-six people are still missing after the ferry capsized off Sulawesi on Sunday, Indonesia's search and rescue agency said.\n\nGovernor Andi Sudirman said the ferry was sailing from Makassar to Bau-Bau.\n";
    const GUNS: &str = "New Zealand votes to tighten gun laws\n\nJacinda Ardern, the prime minister of New Zealand, said on Wednesday that parliament had voted by 119 to 1 to ban most semi-automatic weapons.\n\nPolice Commissioner Mike Bush said more than 10,000 weapons had been handed in across Auckland and Wellington.\n";
    const ORCHESTRA: &str = "Vienna orchestra opens season\n\nThe Vienna Philharmonic opened its season at the Musikverein with a programme of Mahler and Bruckner, conductor Riccardo Muti said.\n\nTickets for the Salzburg Festival sold out within hours, organisers in Austria said.\n";

    #[test]
    fn articles_that_share_almost_nothing_stand_apart() {
        let run = |texts: &[&str]| {
            let articles: Vec<Article> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article::new(format!("{i}.txt"), *t))
                .collect();
            let r = analyze(&articles).unwrap();
            let d = digest(&r);
            (r, d)
        };
        let docs = |d: &Digest| d.apart.iter().map(|a| a.doc).collect::<Vec<_>>();
        // (articles, the ones standing apart)
        let cases: &[(&[&str], &[u32])] = &[
            (&[FERRY_A, FERRY_B], &[]),
            (&[FERRY_A, GUNS], &[0, 1]),
            (&[FERRY_A, FERRY_B, GUNS], &[2]),
            (&[GUNS, ORCHESTRA, FERRY_A], &[0, 1, 2]),
            (&[FERRY_A], &[]),
        ];
        for (texts, want) in cases {
            let (r, d) = run(texts);
            assert_eq!(docs(&d), *want, "{:#?}\n{:#?}", d.apart, r.pairs);
            for a in &d.apart {
                assert!(f64::from(a.shared_names) < APART_NAMES * f64::from(a.names));
                assert!(a.overlap < APART_CLAIMS);
            }
        }
        let (r, d) = run(&[FERRY_A, GUNS]);
        let md = render(&r);
        assert!(
            md.contains("- These articles share almost no names or claims: they are probably about different events."),
            "{md}"
        );
        assert_eq!(
            d.apart_note.as_deref().unwrap(),
            "These articles share almost no names or claims: they are probably about different events."
        );
        let (r, d) = run(&[FERRY_A, FERRY_B, GUNS]);
        assert_eq!(
            apart_sentence(&r, &d.apart),
            "3 · New Zealand votes to tighten gun laws shares almost no names or claims with the \
             others: it is probably about a different event."
        );
        assert!(!render(&run(&[FERRY_A, FERRY_B]).0).contains("probably about"));
        assert_eq!(run(&[FERRY_A, FERRY_B]).1.apart_note, None);
    }
}
