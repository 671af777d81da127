//! A readable Markdown summary of a report, for the CLI's `--format markdown`: the articles,
//! the entities by type, and the claim groups with their relation. Built from the report alone,
//! so it shows exactly what the JSON says.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::report::Report;

/// Types in the order the summary lists them.
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

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Corroborate report\n");
    let _ = writeln!(out, "## Articles\n");
    for d in &report.documents {
        let _ = writeln!(
            out,
            "{}. **{}** ({})",
            d.index + 1,
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
                let _ = writeln!(
                    out,
                    "- [{}] {}{}",
                    c.doc + 1,
                    escape(&who),
                    escape(&c.content.text)
                );
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
