//! Claims: who said what, and the figures and events each article asserts.
//!
//! [`attribution`] finds reported speech (content, cue and source spans). This module turns its
//! findings into claims and adds what reported speech does not cover:
//! - **speakers**: the source span is resolved to an entity — a name inside it (a person first,
//!   then an organisation, then a place, where a capital stands for its country's government:
//!   "Yerevan said" → Armenia), a pronoun to the last compatible speaker or mention before it
//!   (he/she → a person, it/they → an organisation or country), a role word ("the premier's
//!   office", "the Kremlin spokesman") to the person last given that role, and a continuation
//!   paragraph to the speaker of the quote it continues;
//! - **figures** ([`crate::numbers`]) attach to the claim whose content holds them; the rest
//!   make one `numeric` claim per body sentence, or one per figure when a sentence (or a
//!   reported statement) holds several, so each figure can agree or clash on its own;
//! - **events**: a body sentence that is neither reported speech nor a figure but names
//!   something is an `event` claim, what the article itself asserts.
//! - **headlines** are claims of their article too: a headline's figures make `numeric`
//!   claims and a headline naming something is an `event`, compared with the other articles'
//!   claims like any body sentence.

pub mod attribution;

use std::ops::Range;

use crate::entities::{Entities, Entity, Type};
use crate::numbers;
use crate::text::{Prepared, Role};
use attribution::Form;

/// The four kinds of claim of the report contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Quote,
    Statement,
    Numeric,
    Event,
}

impl Kind {
    /// The name used in the report's `kind` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Statement => "statement",
            Kind::Numeric => "numeric",
            Kind::Event => "event",
        }
    }
}

/// A figure in a claim: what [`numbers::find`] said about it, with byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The whole figure with qualifier and counted thing.
    pub range: Range<usize>,
    /// The number, if the text gives one.
    pub value: Option<f64>,
    /// Smallest value the text allows.
    pub low: Option<f64>,
    /// Largest value the text allows.
    pub high: Option<f64>,
    /// "at least", "around", …
    pub qualifier: Option<&'static str>,
    /// What is counted.
    pub unit: Option<String>,
    /// What happened to it ("kill", "deploy").
    pub event: Option<String>,
    /// The text says the figure is not known.
    pub unknown: bool,
}

/// One claim of one document (byte ranges).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub doc: usize,
    pub kind: Kind,
    pub sentence: Range<usize>,
    pub content: Range<usize>,
    /// The content without interrupting words ("“A,” she said. “B.”" → A and B); one piece
    /// when the content is continuous.
    pub pieces: Vec<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub source: Option<Range<usize>>,
    /// Index into [`Entities::list`].
    pub speaker: Option<usize>,
    pub cited: Vec<Range<usize>>,
    pub figures: Vec<Figure>,
}

/// All claims of all documents, in document then text order.
pub fn extract(docs: &[Prepared], entities: &Entities) -> Vec<Claim> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        out.extend(document_claims(d, doc, entities));
    }
    out
}

fn document_claims(d: usize, doc: &Prepared, entities: &Entities) -> Vec<Claim> {
    let atts = attribution::find(doc);
    let mut claims: Vec<Claim> = Vec::new();
    let mut covered = vec![false; doc.sentences.len()];
    let mut ctx = Context::default();
    // Claim index of each attribution, for continuations (`Attribution::continues` indexes atts).
    let mut claim_of: Vec<Option<usize>> = Vec::with_capacity(atts.len());
    for att in &atts {
        let (Some(first), Some(last)) = (
            doc.sentences.get(att.sentences.start),
            att.sentences
                .end
                .checked_sub(1)
                .and_then(|i| doc.sentences.get(i)),
        ) else {
            claim_of.push(None);
            continue;
        };
        for c in covered
            .iter_mut()
            .take(att.sentences.end)
            .skip(att.sentences.start)
        {
            *c = true;
        }
        // A continuation paragraph has the speaker, cue and source of the quote it continues:
        // the source span stays where the text names the speaker.
        let head = att
            .continues
            .and_then(|i| claim_of.get(i).copied().flatten())
            .map(|i| &claims[i]);
        let (speaker, cue, source) = match head {
            Some(h) if att.cue.is_none() && att.source.is_none() => {
                (h.speaker, h.cue.clone(), h.source.clone())
            }
            Some(h) => (h.speaker, att.cue.clone(), att.source.clone()),
            None => (
                resolve(doc, d, att, entities, &ctx),
                att.cue.clone(),
                att.source.clone(),
            ),
        };
        if let Some(e) = speaker {
            ctx.saw(entities, e, first.paragraph);
        }
        claim_of.push(Some(claims.len()));
        claims.push(Claim {
            doc: d,
            kind: match att.form {
                Form::Direct | Form::Mixed => Kind::Quote,
                Form::Indirect => Kind::Statement,
            },
            sentence: first.range.start..last.range.end,
            content: att.content.clone(),
            pieces: att.pieces.clone(),
            cue,
            source,
            speaker,
            cited: att.cited.clone(),
            figures: Vec::new(),
        });
    }
    // Figures: into the claim whose content holds them, else a numeric claim per sentence.
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if !compared(doc.role(sentence)) {
            continue;
        }
        let mut loose = Vec::new();
        for f in figures_in(doc, s) {
            let range = f.range.clone();
            match claims
                .iter_mut()
                .find(|c| c.content.start <= range.start && range.end <= c.content.end)
            {
                Some(c) => c.figures.push(f),
                None => loose.push(f),
            }
        }
        if loose.is_empty() {
            continue;
        }
        covered[s] = true;
        // One figure: the sentence is the claim. Several ("49 Armenian soldiers and 50
        // Azerbaijani troops were killed"): one claim per figure, so that each can agree or
        // clash with other articles on its own.
        let per_figure: Vec<(Range<usize>, Vec<Figure>)> = if loose.len() == 1 {
            vec![(sentence.range.clone(), loose)]
        } else {
            loose
                .into_iter()
                .map(|f| (f.range.clone(), vec![f]))
                .collect()
        };
        for (content, figures) in per_figure {
            claims.push(Claim {
                doc: d,
                kind: Kind::Numeric,
                sentence: sentence.range.clone(),
                pieces: vec![content.clone()],
                content,
                cue: None,
                source: None,
                speaker: None,
                cited: Vec::new(),
                figures,
            });
        }
    }
    // Reported speech holding several figures gives each its own numeric claim too, like a
    // sentence does; the statement keeps its words for the attribution.
    let mut split = Vec::new();
    for c in claims
        .iter_mut()
        .filter(|c| c.figures.len() >= 2 && c.kind != Kind::Numeric)
    {
        for f in std::mem::take(&mut c.figures) {
            split.push(Claim {
                doc: d,
                kind: Kind::Numeric,
                sentence: c.sentence.clone(),
                pieces: vec![f.range.clone()],
                content: f.range.clone(),
                cue: None,
                source: None,
                speaker: None,
                cited: c.cited.clone(),
                figures: vec![f],
            });
        }
    }
    claims.extend(split);
    drop_withheld_fragments(&mut claims);
    // Events: body sentences naming something, not already a claim.
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if covered[s] || !compared(doc.role(sentence)) {
            continue;
        }
        let names = entities
            .within(d, &sentence.range)
            .any(|(_, e)| entities.list[e].kind.is_name());
        if names && sentence.tokens.len() >= 5 {
            claims.push(Claim {
                doc: d,
                kind: Kind::Event,
                sentence: sentence.range.clone(),
                content: sentence.range.clone(),
                pieces: vec![sentence.range.clone()],
                cue: None,
                source: None,
                speaker: None,
                cited: Vec::new(),
                figures: Vec::new(),
            });
        }
    }
    claims.sort_by_key(|c| (c.sentence.start, c.content.start));
    claims
}

/// Do the sentences of a paragraph of this role make figure and event claims? The body's do,
/// and so does the headline's: a headline is a claim of its article ("Ferry toll rises to 31",
/// "owner arrested") and is compared with the others like any sentence.
fn compared(role: Role) -> bool {
    matches!(role, Role::Body | Role::Title)
}

/// "It did not disclose the number of casualties": the attribution stage reads "disclose" as a
/// cue with "the number of casualties" as its content, a fragment that says nothing the
/// numeric claim for the withheld figure does not. The fragment goes; its speaker stays, on
/// the numeric claim (who withholds a toll matters when comparing it).
fn drop_withheld_fragments(claims: &mut Vec<Claim>) {
    let mut drop = vec![false; claims.len()];
    for i in 0..claims.len() {
        if claims[i].kind != Kind::Statement {
            continue;
        }
        let content = claims[i].content.clone();
        let holder = claims.iter().position(|n| {
            n.kind == Kind::Numeric
                && n.doc == claims[i].doc
                && n.figures.iter().any(|f| {
                    f.unknown && f.range.start <= content.start && content.end <= f.range.end
                })
        });
        if let Some(n) = holder {
            if claims[n].speaker.is_none() {
                claims[n].speaker = claims[i].speaker;
            }
            drop[i] = true;
        }
    }
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];
const OTHER_PRONOUNS: &[&str] = &["it", "they", "its", "their", "them"];
/// Cues that carry on the speaker of the attribution just before ("“…,” he added").
const CONTINUING_CUES: &[&str] = &["add", "continu", "went on", "go on", "goes on", "conclud"];

/// What the speakers before an attribution were, for pronouns.
#[derive(Default)]
struct Context {
    last_person: Option<usize>,
    last_other: Option<usize>,
    /// The speaker of the previous attribution and its paragraph.
    previous: Option<(usize, usize)>,
}

impl Context {
    fn saw(&mut self, entities: &Entities, speaker: usize, paragraph: usize) {
        match entities.list[speaker].kind {
            Type::Person => self.last_person = Some(speaker),
            _ => self.last_other = Some(speaker),
        }
        self.previous = Some((speaker, paragraph));
    }
}

/// The entity a source span stands for.
fn resolve(
    doc: &Prepared,
    d: usize,
    att: &attribution::Attribution,
    entities: &Entities,
    ctx: &Context,
) -> Option<usize> {
    let source = att.source.as_ref()?;
    let text = doc.text.get(source.clone())?.trim();
    let lower = text.to_lowercase();
    let inside: Vec<usize> = entities
        .within(d, source)
        .map(|(_, e)| e)
        .filter(|&e| entities.list[e].kind.is_name())
        .collect();
    let pick = |t: Type| inside.iter().copied().find(|&e| entities.list[e].kind == t);
    if let Some(e) = pick(Type::Person) {
        return Some(e);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .collect();
    // A title without a name ("the US Secretary of State", "the premier's office"): the
    // person last given that role, before the country or body named in the title.
    if let Some(e) = nearest(entities, d, source.start, |e| {
        e.kind == Type::Person
            && e.roles
                .iter()
                .any(|r| role_matches(&r.to_lowercase(), &words))
    }) {
        return Some(e);
    }
    if let Some(e) = pick(Type::Organization) {
        return Some(e);
    }
    // A place speaks for its country's government ("Yerevan said" → Armenia).
    let government = |e: usize| match entities.list[e].kind {
        Type::Place => entities.list[e].country.unwrap_or(e),
        _ => e,
    };
    if let Some(e) = pick(Type::Place) {
        return Some(government(e));
    }
    if let Some(e) = pick(Type::Group) {
        return Some(e);
    }
    let person = PERSON_PRONOUNS.contains(&lower.as_str());
    let other = OTHER_PRONOUNS.contains(&lower.as_str());
    if !person && !other {
        return None;
    }
    let plural = matches!(lower.as_str(), "they" | "their" | "them");
    let compatible = |e: &Entity| {
        if person {
            e.kind == Type::Person
        } else {
            matches!(e.kind, Type::Organization | Type::Place) || (plural && e.kind == Type::Group)
        }
    };
    // A name right before the pronoun ("Prime Minister Nikol Pashinyan he also talked"), or
    // opening its own sentence ("Moscow deployed troops, whom it calls peacekeepers"), is the
    // pronoun's antecedent before any earlier speaker.
    if let Some((r, e)) = entities.last_before(d, source.start, |e| compatible(e)) {
        let between = doc.text.get(r.end..source.start).unwrap_or("x");
        if between.trim().is_empty() {
            return Some(government(e));
        }
    }
    if let Some(sentence) = doc.sentences.get(att.sentences.start) {
        let opening = entities
            .within(d, &(sentence.range.start..source.start))
            .next()
            .filter(|(r, e)| {
                let lead = doc.text.get(sentence.range.start..r.start).unwrap_or("x");
                // the head of the subject, not a modifier ("Armenian Prime Minister …")
                let next = doc.text.get(r.end..).unwrap_or("");
                let modifier = next.trim_start().starts_with(|c: char| c.is_uppercase());
                matches!(lead.trim(), "" | "The" | "the")
                    && !modifier
                    && compatible(&entities.list[*e])
            });
        if let Some((_, e)) = opening {
            return Some(government(e));
        }
    }
    // A pronoun right after another attribution (same or next paragraph) is usually its
    // speaker: always so for "he added" and "he also said", and for he/she when that speaker
    // is a person.
    let paragraph = doc
        .sentences
        .get(att.sentences.start)
        .map(|s| s.paragraph)
        .unwrap_or(0);
    let cue = att
        .cue
        .as_ref()
        .and_then(|c| doc.text.get(c.clone()))
        .unwrap_or("")
        .to_lowercase();
    if let Some((prev, p)) = ctx.previous {
        let close = paragraph <= p + 2;
        // "he added", and "he also accused …": the same speaker going on.
        let also = doc
            .text
            .get(source.end..)
            .is_some_and(|rest| rest.trim_start().to_lowercase().starts_with("also "));
        let continuing = also || CONTINUING_CUES.iter().any(|c| cue.starts_with(c));
        let fits = if person {
            entities.list[prev].kind == Type::Person
        } else {
            entities.list[prev].kind != Type::Person
        };
        if close && (continuing || fits) {
            return Some(prev);
        }
    }
    if person {
        ctx.last_person
            .or_else(|| nearest(entities, d, source.start, |e| e.kind == Type::Person))
    } else {
        ctx.last_other.or_else(|| {
            nearest(entities, d, source.start, |e| {
                matches!(e.kind, Type::Organization | Type::Place)
            })
        })
    }
}

/// Does a role phrase ("Armenian Prime Minister") fit the words of a description ("the
/// premier's office", "the US Secretary of State")? The description's title words must all
/// appear in the role (with "premier" read as "prime minister").
fn role_matches(role: &str, words: &[&str]) -> bool {
    let titles: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| crate::gazetteer::is_role(w) || *w == "premier")
        .collect();
    !titles.is_empty()
        && titles.iter().all(|w| match *w {
            "premier" => role.contains("prime minister") || role.contains("premier"),
            w => role.split(|c: char| !c.is_alphanumeric()).any(|r| r == w),
        })
}

fn nearest(
    entities: &Entities,
    d: usize,
    pos: usize,
    keep: impl Fn(&Entity) -> bool,
) -> Option<usize> {
    entities.last_before(d, pos, keep).map(|(_, e)| e)
}

/// The figures of sentence `s`.
fn figures_in(doc: &Prepared, s: usize) -> Vec<Figure> {
    numbers::find(doc, s)
        .into_iter()
        .filter(|f| !f.tokens.is_empty() && f.tokens.end <= doc.tokens.len())
        .map(|f| Figure {
            range: doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end,
            value: f.value,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            unit: f.unit,
            event: f.event,
            unknown: f.unknown,
        })
        .collect()
}
