//! The pipeline: articles in, report out. Every stage is a plain function over plain data;
//! this module runs them in order and converts byte ranges to the report's UTF-16 spans.
//!
//! ```text
//! Article text ──text::prepare──▶ Prepared (paragraphs, sentences, tokens; boilerplate out)
//!          └─▶ numbers::document (dates and figures, once per sentence)
//!          └─▶ entities::extract (all documents at once; reader's edits last) ──▶ Entities
//!          └─▶ claims::extract (per document, using Entities for speakers) ──▶ Claims
//!                 └─▶ report spans (UTF-16) ──▶ compare::compare_taking ──▶ groups, pairs, views
//! ```
//!
//! [`analyze_progress`] tells a caller how far it is ([`Progress`]: the stage, and how many
//! articles it has done where the work goes article by article), so the page can show a
//! determinate bar; the core keeps no clock, and a caller that does not listen pays nothing
//! (the default listener is an empty closure, compiled away).

use std::ops::Range;

use crate::claims;
use crate::claims::Kind;
use crate::compare;
use crate::entities;
use crate::error::{self, Error};
use crate::numbers;
use crate::outlet;
use crate::report::{self, ClaimKind, Report};
use crate::text::{self, Prepared, Role};

/// One input article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Article {
    /// A name for it (a file name, or whatever the caller likes); shown in the report.
    pub name: String,
    /// Its text, as given. Offsets in the report index into exactly this string.
    pub text: String,
}

impl Article {
    /// An article from a name and a text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// How to analyse, beyond the articles themselves. The default is the plain analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The reader's corrections to entity merging, applied in order after the automatic
    /// merging (see [`crate::entities::edits`]): `{"merge": [name, …]}` or `{"split": name}`.
    pub edits: Vec<entities::Edit>,
}

/// Analyses the articles together. Fails only when the input is over a limit (see
/// [`crate::error`]); messy or empty text comes back as notes in the report.
pub fn analyze(articles: &[Article]) -> Result<Report, Error> {
    analyze_with(articles, &Options::default())
}

/// [`analyze`] with [`Options`]: the reader's entity edits. Edits that name no entity are
/// skipped and reported in the report's `notes`.
pub fn analyze_with(articles: &[Article], options: &Options) -> Result<Report, Error> {
    analyze_progress(articles, options, |_| {})
}

/// The stages of [`analyze_observed`], in the order it finishes them.
pub const STAGES: [&str; 6] = [
    "prepare", "figures", "entities", "claims", "spans", "compare",
];

/// [`analyze_with`], calling `done` with each stage's name from [`STAGES`] as the stage ends,
/// so a benchmark can time the stages of the very code the CLI and the page run (the core
/// keeps no clock: `std::time` does not exist in the browser's wasm32).
pub fn analyze_observed(
    articles: &[Article],
    options: &Options,
    mut done: impl FnMut(&'static str),
) -> Result<Report, Error> {
    analyze_progress(articles, options, |p| {
        if p.ended() {
            done(p.name());
        }
    })
}

/// How far [`analyze_progress`] is: `done` of `total` articles through stage `stage` (an
/// index into [`STAGES`]).
///
/// The stages whose work goes article by article (prepare, figures, claims) report after
/// each article, `done` counting up to `total`; the others (entities, whose tagger and merging
/// read all articles at once, spans, compare) report once, at their end, with `done ==
/// total`. Every stage's last report has `done == total` ([`Progress::ended`]), also with no
/// articles (`0` of `0`), and stages report in the order of [`STAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The stage's index in [`STAGES`].
    pub stage: usize,
    /// Articles the stage has finished.
    pub done: usize,
    /// Articles in the analysis.
    pub total: usize,
}

impl Progress {
    /// The stage's name from [`STAGES`].
    pub fn name(&self) -> &'static str {
        STAGES[self.stage]
    }

    /// True for the stage's last report: the stage has ended.
    pub fn ended(&self) -> bool {
        self.done == self.total
    }
}

/// [`analyze_with`], calling `progress` as the analysis goes (see [`Progress`] for when). The
/// calls cost one closure call per article and stage; what `progress` does with them (a
/// clock, a message to the page at most every so often) is the caller's.
pub fn analyze_progress(
    articles: &[Article],
    options: &Options,
    mut progress: impl FnMut(Progress),
) -> Result<Report, Error> {
    run(articles, options, &mut progress)
}

/// [`analyze_progress`] with the listener behind a pointer: one copy of the pipeline for
/// every listener (the page's wasm held two copies, 1.1 KB gzip more, before), for
/// the cost of an indirect call per article and stage.
fn run(
    articles: &[Article],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, Error> {
    if articles.len() > error::MAX_ARTICLES {
        return Err(Error::too_many_articles(articles.len()));
    }
    let mut total = 0;
    for a in articles {
        if a.text.len() > error::MAX_ARTICLE_BYTES {
            return Err(Error::article_too_large(&a.name, a.text.len()));
        }
        total += a.text.len();
    }
    if total > error::MAX_TOTAL_BYTES {
        return Err(Error::too_much_text(total));
    }

    let n = articles.len();
    // A per-article stage reports after each article (done = 1..=n; 0 of 0 when there are
    // none), the others once at their end.
    let mut step = |stage: usize, done: usize| {
        progress(Progress {
            stage,
            done,
            total: n,
        })
    };

    let docs: Vec<Prepared> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let doc = text::prepare(&a.text);
            step(0, i + 1);
            doc
        })
        .collect();
    if n == 0 {
        step(0, 0);
    }
    // Dates and figures once per sentence, for the entities and the claims alike.
    let figures: Vec<Vec<numbers::SentenceFigures>> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let found = numbers::document(doc);
            step(1, i + 1);
            found
        })
        .collect();
    if n == 0 {
        step(1, 0);
    }
    let (ents, edit_notes) = entities::extract_with(&docs, &figures, &options.edits);
    step(2, n);
    let found = claims::extract_observed(&docs, &figures, &ents, |d| step(3, d + 1));
    if n == 0 {
        step(3, 0);
    }
    // Each stage's data goes as soon as the last reader is done with it, so that the report's
    // lists, built next, do not stack on all of it.
    drop(figures);

    let mut notes = Vec::new();
    let documents: Vec<report::Document> = articles
        .iter()
        .zip(&docs)
        .enumerate()
        .map(|(i, (a, doc))| {
            if doc.sentences.is_empty() {
                notes.push(format!(
                    "{}: no article text found (empty, or only page furniture)",
                    a.name
                ));
            }
            if doc.long_runs > 0 {
                notes.push(format!(
                    "{}: {} run(s) of over {} tokens without sentence punctuation cut into \
                     sentences of at most {} tokens",
                    a.name,
                    doc.long_runs,
                    text::sentences::MAX_SENTENCE_TOKENS,
                    text::sentences::MAX_SENTENCE_TOKENS
                ));
            }
            document(i, a, doc)
        })
        .collect();
    let entity_list = report_entities(&docs, &ents);
    drop(ents);
    let claim_list: Vec<report::Claim> = found
        .iter()
        .enumerate()
        .map(|(i, c)| report_claim(i, &docs[c.doc], c))
        .collect();
    // The comparison reads the report's own lists only: what the stages kept (tokens,
    // figures, mentions, claims as byte ranges) goes before it runs, so its memory peak does
    // not stack on theirs.
    drop((docs, found));
    step(4, n);
    // Explanations name each article by its label (number, outlet, headline), not its file.
    // The comparison reads no boilerplate spans: they are not copied.
    let labelled: Vec<report::Document> = documents
        .iter()
        .map(|d| report::Document {
            name: outlet::label(d),
            index: d.index,
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            length: d.length,
            boilerplate: Vec::new(),
        })
        .collect();
    // The claims go through the comparison and come back: it groups them without a copy.
    let (comparison, claim_list) = compare::compare_taking(&labelled, &entity_list, claim_list);
    drop(labelled);
    step(5, n);
    notes.extend(edit_notes);

    Ok(Report {
        schema: report::SCHEMA.to_string(),
        documents,
        entities: entity_list,
        claims: claim_list,
        groups: comparison.groups,
        pairs: comparison.pairs,
        articles: comparison.articles,
        notes,
    })
}

/// A report span for a byte range of a document.
pub fn span(doc: &Prepared, range: &Range<usize>) -> report::Span {
    let (start, end) = (
        range.start.min(doc.text.len()),
        range.end.min(doc.text.len()),
    );
    report::Span {
        start: doc.utf16.at(start),
        end: doc.utf16.at(end),
        text: doc.text.get(start..end).unwrap_or_default().to_string(),
    }
}

fn document(i: usize, a: &Article, doc: &Prepared) -> report::Document {
    let title = match doc.title() {
        Some(r) => doc.text[r].to_string(),
        None => doc
            .sentences
            .iter()
            .find(|s| doc.role(s) == Role::Body)
            .map(|s| shorten(&doc.text[s.range.clone()], 90))
            .unwrap_or_else(|| a.name.clone()),
    };
    report::Document {
        index: i as u32,
        name: a.name.clone(),
        title,
        outlet: outlet::find(doc).map(|r| span(doc, &r)),
        length: doc.utf16.len(),
        boilerplate: doc
            .paragraphs
            .iter()
            .filter_map(|p| match p.role {
                Role::Boilerplate(kind) => Some((p.range.clone(), kind)),
                _ => None,
            })
            .chain(doc.inline_boilerplate.iter().map(|r| (r.clone(), "teaser")))
            .map(|(r, kind)| report::Boilerplate {
                span: span(doc, &r),
                kind: kind.to_string(),
            })
            .collect(),
    }
}

/// The first `max` characters of `s`, cut at a word boundary, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{}\u{2026}", cut.trim_end_matches([',', ';', ':']))
}

fn report_entities(docs: &[Prepared], ents: &entities::Entities) -> Vec<report::Entity> {
    ents.list
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut doc_ids: Vec<u32> = e.mentions.iter().map(|m| m.doc as u32).collect();
            doc_ids.dedup();
            report::Entity {
                id: format!("e{i}"),
                name: e.name.clone(),
                kind: e.kind.as_str().to_string(),
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                value: e.value.clone(),
                country: e.country.map(|c| format!("e{c}")),
                docs: doc_ids,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let s = span(&docs[m.doc], &m.range);
                        report::Mention {
                            doc: m.doc as u32,
                            start: s.start,
                            end: s.end,
                            text: s.text,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn report_claim(i: usize, doc: &Prepared, c: &claims::Claim) -> report::Claim {
    report::Claim {
        id: format!("c{i}"),
        doc: c.doc as u32,
        kind: match c.kind {
            Kind::Quote => ClaimKind::Quote,
            Kind::Statement => ClaimKind::Statement,
            Kind::Numeric => ClaimKind::Numeric,
            Kind::Event => ClaimKind::Event,
        },
        sentence: span(doc, &c.sentence),
        content: span(doc, &c.content),
        pieces: c.pieces.iter().map(|r| span(doc, r)).collect(),
        cue: c.cue.as_ref().map(|r| span(doc, r)),
        source: c.source.as_ref().map(|r| span(doc, r)),
        speaker: c.speaker.map(|e| format!("e{e}")),
        cited: c.cited.iter().map(|r| span(doc, r)).collect(),
        quantities: c
            .figures
            .iter()
            .map(|f| report::Quantity {
                span: span(doc, &f.range),
                value: f.value.filter(|v| v.is_finite()),
                low: f.low.filter(|v| v.is_finite()),
                high: f.high.filter(|v| v.is_finite()),
                unknown: f.unknown,
                qualifier: f.qualifier.map(str::to_string),
                unit: f.unit.clone(),
                event: f.event.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Talks resume\n\nThe minister said on Friday that 12 people were hurt.";

    /// Articles in, then every report as `stage:done/total`, in order.
    const CASES: &[(usize, &str)] = &[
        (
            0,
            "prepare:0/0 figures:0/0 entities:0/0 claims:0/0 spans:0/0 compare:0/0",
        ),
        (
            1,
            "prepare:1/1 figures:1/1 entities:1/1 claims:1/1 spans:1/1 compare:1/1",
        ),
        (
            3,
            "prepare:1/3 prepare:2/3 prepare:3/3 figures:1/3 figures:2/3 figures:3/3 \
             entities:3/3 claims:1/3 claims:2/3 claims:3/3 spans:3/3 compare:3/3",
        ),
    ];

    #[test]
    fn progress_reports_every_stage_in_order() {
        for &(n, want) in CASES {
            let articles: Vec<Article> =
                (0..n).map(|i| Article::new(format!("{i}"), TEXT)).collect();
            let mut got = Vec::new();
            let report = analyze_progress(&articles, &Options::default(), |p| {
                got.push(format!("{}:{}/{}", p.name(), p.done, p.total));
            })
            .unwrap();
            assert_eq!(got.join(" "), want, "{n} articles");
            assert_eq!(
                report,
                analyze(&articles).unwrap(),
                "{n} articles: same report"
            );
            let mut ended = Vec::new();
            analyze_observed(&articles, &Options::default(), |s| ended.push(s)).unwrap();
            assert_eq!(ended, STAGES, "{n} articles: each stage's end once");
        }
    }
}
