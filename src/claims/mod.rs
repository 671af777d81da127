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
//! - **events**: a body sentence of at least [`EVENT_TOKENS`] tokens that is neither reported
//!   speech nor a figure is an `event` claim, what the article itself asserts. (Until
//!   2026-12 it also had to name something; most sentences that tell an event in other words
//!   name nothing — "The woman was pronounced dead at the hospital" — and on the dev claim
//!   labels of `data/align/claims` taking them raised alignment F1 from 0.593 to 0.620.)
//! - **headlines** are claims of their article too: a headline's figures make `numeric`
//!   claims and a headline is an `event`, compared with the other articles'
//!   claims like any body sentence.

pub mod attribution;

use std::ops::Range;

use crate::entities::{Entities, Entity, Type};
use crate::numbers::SentenceFigures;
use crate::text::{Prepared, Role};
use attribution::Form;

/// Tokens a sentence needs to be an `event` claim: shorter ones are fragments ("He was
/// pretty shook up.") and datelines.
pub const EVENT_TOKENS: usize = 5;

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

/// A figure in a claim: what [`crate::numbers::find`] said about it, with byte ranges.
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

/// All claims of all documents, in document then text order; `found` holds each document's
/// dates and figures ([`crate::numbers::document`], indexed by document).
pub fn extract(
    docs: &[Prepared],
    found: &[Vec<SentenceFigures>],
    entities: &Entities,
) -> Vec<Claim> {
    extract_observed(docs, found, entities, |_| {})
}

/// [`extract`], calling `done(d)` as the claims of document `d` are found (documents are
/// independent here: each one's claims need only its own text, figures and the entities).
pub fn extract_observed(
    docs: &[Prepared],
    found: &[Vec<SentenceFigures>],
    entities: &Entities,
    mut done: impl FnMut(usize),
) -> Vec<Claim> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let found = found.get(d).map(Vec::as_slice).unwrap_or_default();
        let claims = document_claims(d, doc, found, entities);
        // The first document's list is taken as it is, not copied.
        if out.is_empty() {
            out = claims;
        } else {
            out.extend(claims);
        }
        done(d);
    }
    out
}

fn document_claims(
    d: usize,
    doc: &Prepared,
    found: &[SentenceFigures],
    entities: &Entities,
) -> Vec<Claim> {
    let atts = attribution::find(doc);
    let mut claims: Vec<Claim> = Vec::new();
    let mut covered = vec![false; doc.sentences.len()];
    let mut ctx = Context::default();
    let speakers = Speakers::new(entities, d);
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
                resolve(doc, d, att, &speakers, &ctx),
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
    // Headlines are claims of their article too (see `compared`).
    let found: Vec<(usize, Vec<Figure>)> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, sentence)| compared(doc.role(sentence)))
        .map(|(s, _)| (s, figures_in(doc, found.get(s))))
        .collect();
    // The first reported-speech claim whose content holds each figure, found with one sweep
    // (sentences are disjoint, so the numeric claims made below never hold a later figure).
    let contents: Vec<(Range<usize>, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.content.clone(), i))
        .collect();
    let ranges: Vec<Range<usize>> = found
        .iter()
        .flat_map(|(_, fs)| fs.iter().map(|f| f.range.clone()))
        .collect();
    let mut holders = first_container(&contents, &ranges).into_iter();
    for (s, figures) in found {
        let Some(sentence) = doc.sentences.get(s) else {
            continue;
        };
        let mut loose = Vec::new();
        for f in figures {
            match holders.next().flatten().and_then(|i| claims.get_mut(i)) {
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
    // Events: body sentences not already a claim.
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if covered[s] || !compared(doc.role(sentence)) {
            continue;
        }
        if sentence.tokens.len() >= EVENT_TOKENS {
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
    sort_in_place(&mut claims);
    claims
}

/// Sorts one document's claims by sentence, then content start, keeping the order of equal
/// ones (a stable sort), by sorting their keys and moving the claims along the permutation's
/// cycles: a stable sort of the claims themselves takes scratch space as large as the list.
fn sort_in_place(claims: &mut Vec<Claim>) {
    let mut order: Vec<(usize, usize, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.sentence.start, c.content.start, i))
        .collect();
    order.sort_unstable();
    // `from[k]`: the index of the claim that goes to `k`; `usize::MAX` once placed.
    let mut from: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    for start in 0..from.len() {
        let mut k = start;
        while from[k] != usize::MAX {
            let src = from[k];
            from[k] = usize::MAX;
            if src == start {
                break;
            }
            claims.swap(k, src);
            k = src;
        }
    }
    claims.shrink_to_fit();
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
    // The claims are one document's, so the first numeric claim holding each statement's
    // content in a withheld figure is found with one sweep.
    let withheld: Vec<(Range<usize>, usize)> = claims
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == Kind::Numeric)
        .flat_map(|(i, n)| {
            n.figures
                .iter()
                .filter(|f| f.unknown)
                .map(move |f| (f.range.clone(), i))
        })
        .collect();
    let statements: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].kind == Kind::Statement)
        .collect();
    let contents: Vec<Range<usize>> = statements
        .iter()
        .map(|&i| claims[i].content.clone())
        .collect();
    let holders = first_container(&withheld, &contents);
    for (&i, holder) in statements.iter().zip(holders) {
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
    speakers: &Speakers,
    ctx: &Context,
) -> Option<usize> {
    let entities = speakers.entities;
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
    if let Some(e) = speakers.with_role(&titles(&words), source.start) {
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
    let kinds = if person {
        Kinds::Person
    } else if plural {
        Kinds::OrgPlaceGroup
    } else {
        Kinds::OrgPlace
    };
    if let Some((r, e)) = speakers.last_before(kinds, source.start) {
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
        let also = doc.text.get(source.end..).is_some_and(starts_with_also);
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
            .or_else(|| speakers.nearest(Kinds::Person, source.start))
    } else {
        ctx.last_other
            .or_else(|| speakers.nearest(Kinds::OrgPlace, source.start))
    }
}

/// Does `rest` open with the word "also" (any letter case)? Only its first five characters are
/// lower-cased: lower-casing the whole rest of the document per attribution was quadratic.
fn starts_with_also(rest: &str) -> bool {
    let head: String = rest.trim_start().chars().take(5).collect();
    head.to_lowercase().starts_with("also ")
}

/// The title words of a description ("the premier's office" → `premier`; "the US Secretary of
/// State" → `secretary`, `state` where the gazetteer knows them as role words).
fn titles<'a>(words: &[&'a str]) -> Vec<&'a str> {
    words
        .iter()
        .copied()
        .filter(|w| crate::gazetteer::is_role(w) || *w == "premier")
        .collect()
}

/// Does a role phrase ("armenian prime minister", lower case) fit the title words of a
/// description? They must all appear in the role (with "premier" read as "prime minister").
fn role_matches(role: &str, titles: &[&str]) -> bool {
    !titles.is_empty()
        && titles.iter().all(|w| match *w {
            "premier" => role.contains("prime minister") || role.contains("premier"),
            w => role.split(|c: char| !c.is_alphanumeric()).any(|r| r == w),
        })
}

/// Mentions as (byte range, entity index), in text order.
type Mentions = Vec<(Range<usize>, usize)>;

/// Which entity types a lookup wants.
#[derive(Clone, Copy)]
enum Kinds {
    Person,
    /// Organisations and places ("it").
    OrgPlace,
    /// Organisations, places and groups ("they").
    OrgPlaceGroup,
}

/// One document's mentions, indexed for speaker resolution so that no lookup walks back over
/// the whole document: per entity kind, the mentions in text order (a binary search finds the
/// last one before a position), and per set of title words, the mentions of the people whose
/// roles fit it (built on first use; a document has few distinct title sets).
struct Speakers<'a> {
    entities: &'a Entities,
    persons: Vec<(Range<usize>, usize)>,
    org_place: Vec<(Range<usize>, usize)>,
    org_place_group: Vec<(Range<usize>, usize)>,
    /// Person mentions whose entity has at least one role: where title lookups search.
    with_roles: Vec<(Range<usize>, usize)>,
    by_titles: std::cell::RefCell<rustc_hash::FxHashMap<String, Mentions>>,
}

impl<'a> Speakers<'a> {
    fn new(entities: &'a Entities, d: usize) -> Speakers<'a> {
        let mentions = entities.by_doc.get(d).map(Vec::as_slice).unwrap_or(&[]);
        // Exact lists (no spare capacity): they live through the document's claims.
        let of = |keep: &dyn Fn(&Entity) -> bool| -> Vec<(Range<usize>, usize)> {
            let keep = |e: &usize| entities.list.get(*e).is_some_and(keep);
            let mut v = Vec::with_capacity(mentions.iter().filter(|(_, e)| keep(e)).count());
            v.extend(mentions.iter().filter(|(_, e)| keep(e)).cloned());
            v
        };
        let persons = of(&|x| x.kind == Type::Person);
        let with_roles = of(&|x| x.kind == Type::Person && !x.roles.is_empty());
        Speakers {
            entities,
            org_place: of(&|x| matches!(x.kind, Type::Organization | Type::Place)),
            org_place_group: of(&|x| {
                matches!(x.kind, Type::Organization | Type::Place | Type::Group)
            }),
            persons,
            with_roles,
            by_titles: Default::default(),
        }
    }

    fn list(&self, kinds: Kinds) -> &[(Range<usize>, usize)] {
        match kinds {
            Kinds::Person => &self.persons,
            Kinds::OrgPlace => &self.org_place,
            Kinds::OrgPlaceGroup => &self.org_place_group,
        }
    }

    /// The last mention of `kinds` that ends at or before `pos`.
    fn last_before(&self, kinds: Kinds, pos: usize) -> Option<(Range<usize>, usize)> {
        last_before(self.list(kinds), pos)
    }

    fn nearest(&self, kinds: Kinds, pos: usize) -> Option<usize> {
        self.last_before(kinds, pos).map(|(_, e)| e)
    }

    /// The person last mentioned before `pos` with a role that fits all `titles`.
    fn with_role(&self, titles: &[&str], pos: usize) -> Option<usize> {
        if titles.is_empty() {
            return None;
        }
        let key = titles.join(" ");
        let mut cache = self.by_titles.borrow_mut();
        let list = cache.entry(key).or_insert_with(|| {
            let mut fits: rustc_hash::FxHashMap<usize, bool> = Default::default();
            self.with_roles
                .iter()
                .filter(|(_, e)| {
                    *fits.entry(*e).or_insert_with(|| {
                        self.entities.list[*e]
                            .roles
                            .iter()
                            .any(|r| role_matches(&r.to_lowercase(), titles))
                    })
                })
                .cloned()
                .collect()
        });
        last_before(list, pos).map(|(_, e)| e)
    }
}

/// The last of `list` (mentions sorted by start) that ends at or before `pos`: a binary search,
/// then a step back over the mentions that start before `pos` but reach past it.
fn last_before(list: &[(Range<usize>, usize)], pos: usize) -> Option<(Range<usize>, usize)> {
    let upto = list.partition_point(|(r, _)| r.start < pos);
    list[..upto]
        .iter()
        .rev()
        .find(|(r, _)| r.end <= pos)
        .cloned()
}

/// For each query range, the smallest value among the `containers` whose range holds it
/// (`start <= q.start && q.end <= end`), or `None`. One sweep by start with a Fenwick tree over
/// the containers' ends (prefix minimum): O((containers + queries) log containers), where a
/// scan of every container per query was quadratic on a long run of reported speech.
fn first_container(
    containers: &[(Range<usize>, usize)],
    queries: &[Range<usize>],
) -> Vec<Option<usize>> {
    let mut out = vec![None; queries.len()];
    if containers.is_empty() {
        return out;
    }
    // Ends from largest to smallest: "end >= q.end" is a prefix of this order.
    let mut ends: Vec<usize> = containers.iter().map(|(r, _)| r.end).collect();
    ends.sort_unstable_by(|a, b| b.cmp(a));
    ends.dedup();
    let mut tree = vec![usize::MAX; ends.len() + 1];
    let mut by_start: Vec<usize> = (0..containers.len()).collect();
    by_start.sort_by_key(|&i| containers[i].0.start);
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order.sort_by_key(|&q| queries[q].start);
    let mut next = 0;
    for q in order {
        let query = &queries[q];
        while let Some(&c) = by_start.get(next) {
            let (range, value) = &containers[c];
            if range.start > query.start {
                break;
            }
            // position of this end in `ends` (1-based for the tree)
            let mut i = ends.partition_point(|&e| e > range.end) + 1;
            while i < tree.len() {
                tree[i] = tree[i].min(*value);
                i += i & i.wrapping_neg();
            }
            next += 1;
        }
        let mut i = ends.partition_point(|&e| e >= query.end);
        let mut best = usize::MAX;
        while i > 0 {
            best = best.min(tree[i]);
            i -= i & i.wrapping_neg();
        }
        if best != usize::MAX {
            out[q] = Some(best);
        }
    }
    out
}

/// The figures of one sentence.
fn figures_in(doc: &Prepared, found: Option<&SentenceFigures>) -> Vec<Figure> {
    found
        .map_or(&[][..], |f| &f.figures)
        .iter()
        .filter(|f| !f.tokens.is_empty() && f.tokens.end <= doc.tokens.len())
        .map(|f| Figure {
            range: doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end,
            value: f.value,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            unit: f.unit.clone(),
            event: f.event.clone(),
            unknown: f.unknown,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan `first_container` replaces: the smallest value whose range holds the query.
    fn scan(containers: &[(Range<usize>, usize)], q: &Range<usize>) -> Option<usize> {
        containers
            .iter()
            .filter(|(r, _)| r.start <= q.start && q.end <= r.end)
            .map(|(_, v)| *v)
            .min()
    }

    #[test]
    fn first_container_table() {
        let containers = vec![
            (10..20, 0),
            (0..100, 5),
            (12..18, 1),
            (30..40, 2),
            (30..40, 3),
        ];
        let cases: &[(Range<usize>, Option<usize>)] = &[
            (12..15, Some(0)),
            (10..20, Some(0)),
            (19..21, Some(5)),
            (31..39, Some(2)),
            (99..101, None),
            (0..0, Some(5)),
            (200..201, None),
        ];
        for (q, want) in cases {
            assert_eq!(
                first_container(&containers, std::slice::from_ref(q)),
                vec![*want],
                "{q:?}"
            );
        }
        assert_eq!(
            first_container(&[], std::slice::from_ref(&(0..1))),
            vec![None]
        );
    }

    #[test]
    fn first_container_matches_the_scan() {
        // Deterministic pseudo-random ranges, nested and overlapping, values out of order.
        let mut x: u64 = 12345;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((x >> 33) % m) as usize
        };
        for _ in 0..50 {
            let containers: Vec<(Range<usize>, usize)> = (0..next(30))
                .map(|_| {
                    let s = next(100);
                    (s..s + next(40), next(50))
                })
                .collect();
            let queries: Vec<Range<usize>> = (0..40)
                .map(|_| {
                    let s = next(120);
                    s..s + next(10)
                })
                .collect();
            let got = first_container(&containers, &queries);
            for (q, g) in queries.iter().zip(got) {
                assert_eq!(g, scan(&containers, q), "{q:?} in {containers:?}");
            }
        }
    }

    #[test]
    fn last_before_table() {
        let list = vec![(0..5, 0), (3..20, 1), (10..12, 2), (25..30, 3)];
        let cases: &[(usize, Option<usize>)] = &[
            (0, None),
            (5, Some(0)),
            (11, Some(0)),
            (12, Some(2)),
            (24, Some(2)),
            (100, Some(3)),
        ];
        for &(pos, want) in cases {
            assert_eq!(last_before(&list, pos).map(|(_, e)| e), want, "{pos}");
        }
    }

    #[test]
    fn titles_and_roles() {
        let cases: &[(&str, &[&str], bool)] = &[
            ("armenian prime minister", &["premier"], true),
            ("us secretary of state", &["secretary"], true),
            ("foreign minister", &["secretary"], false),
            ("foreign minister", &[], false),
        ];
        for &(role, t, want) in cases {
            assert_eq!(role_matches(role, t), want, "{role} {t:?}");
        }
        assert_eq!(titles(&["the", "premier", "office"]), vec!["premier"]);
        for (rest, want) in [
            (" also said", true),
            ("ALSO ", true),
            ("also", false),
            ("alsohe", false),
            ("\u{130}also ", false),
            ("", false),
        ] {
            assert_eq!(starts_with_also(rest), want, "{rest:?}");
        }
    }
}
