//! Entities: every name, date and figure in the articles, merged into one canonical entity per
//! real-world thing across the whole analysis.
//!
//! The stages, in order:
//! 1. [`names`]: the trained tagger ([`crate::tagger`]) finds person / place / organisation /
//!    misc names over all articles at once (so a name tagged confidently in one article keeps
//!    its type in the others); gazetteer rules retype nationalities as `group` and split titles
//!    ("Prime Minister") off person names, keeping them as the entity's roles.
//!    [`glued`] cuts headline and sports-copy runs back to the names used elsewhere
//!    ("Colts Beat Chiefs", "Charger Jamal Williams"); [`orgnames`] keeps organisation names
//!    whole across "and" and finds them again in lower case.
//! 2. [`figures`]: dates, times, quantities, money and percentages from [`crate::dates`] and
//!    [`crate::numbers`], with their normalised values.
//! 3. [`merge`]: mentions become entities: surnames join the full name used elsewhere,
//!    acronyms join their expansions, spelling variants and possessives fold together, and
//!    capitals are linked to their country.
//! 4. [`edits`]: the reader's own merges and splits, applied last.
//!
//! Everything here works on byte ranges; the report converts to UTF-16 at the end.

pub mod aliases;
pub mod edits;
pub mod figures;
pub mod glued;
pub mod institutions;
pub mod merge;
pub mod names;
pub mod orgnames;
pub mod retype;

use std::ops::Range;

use crate::numbers::{self, SentenceFigures};
use crate::text::Prepared;

/// The entity types of the report contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Type {
    Person,
    Organization,
    Place,
    Group,
    Event,
    Work,
    Other,
    Date,
    Time,
    Quantity,
    Money,
    Percent,
}

impl Type {
    /// The name used in the report's `type` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Person => "person",
            Type::Organization => "organization",
            Type::Place => "place",
            Type::Group => "group",
            Type::Event => "event",
            Type::Work => "work",
            Type::Other => "other",
            Type::Date => "date",
            Type::Time => "time",
            Type::Quantity => "quantity",
            Type::Money => "money",
            Type::Percent => "percent",
        }
    }

    /// Names (as opposed to dates and figures).
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Type::Person
                | Type::Organization
                | Type::Place
                | Type::Group
                | Type::Event
                | Type::Work
                | Type::Other
        )
    }
}

/// One mention found in one document, before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Document index.
    pub doc: usize,
    /// Byte range of the name or figure as it stands in the text (title split off, possessive
    /// left out).
    pub range: Range<usize>,
    /// Token range (indexes into [`Prepared::tokens`]).
    pub tokens: Range<usize>,
    /// Its type.
    pub kind: Type,
    /// A title or role written next to it ("Prime Minister", "Kremlin spokesman").
    pub role: Option<String>,
    /// Normalised value for dates and figures.
    pub value: Option<String>,
    /// The tagger's confidence for names (1.0 for rules).
    pub score: f32,
    /// A canonical name fixed by a rule ("Foreign Ministry (Azerbaijan)"), merged by.
    pub canonical: Option<String>,
}

impl Mention {
    /// What is left in a list of mentions where one was moved out (it allocates nothing).
    fn moved() -> Mention {
        Mention {
            doc: 0,
            range: 0..0,
            tokens: 0..0,
            kind: Type::Other,
            role: None,
            value: None,
            score: 0.0,
            canonical: None,
        }
    }
}

/// Adds `role` to `roles` unless it is there already, in any letter case.
pub(crate) fn add_role(roles: &mut Vec<String>, role: &str) {
    if !roles.iter().any(|x| x.eq_ignore_ascii_case(role)) {
        roles.push(role.to_string());
    }
}

/// A canonical entity: mentions merged across documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Its type.
    pub kind: Type,
    /// Other surface forms, sorted, without the canonical name.
    pub aliases: Vec<String>,
    /// Roles and titles seen next to it, in first-seen order.
    pub roles: Vec<String>,
    /// Normalised value (dates, figures).
    pub value: Option<String>,
    /// The country a capital, city or nationality belongs to, as an index into the entity list,
    /// when that country is itself mentioned.
    pub country: Option<usize>,
    /// Mentions in document, then text order.
    pub mentions: Vec<Mention>,
}

/// All entities of an analysis, and which entity each mention belongs to.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Canonical entities, most mentioned first.
    pub list: Vec<Entity>,
    /// Per document: (byte range, entity index) of every mention, sorted by start.
    pub by_doc: Vec<Vec<(Range<usize>, usize)>>,
}

impl Entities {
    /// Entities mentioned inside `range` of document `doc`, in text order.
    pub fn within(
        &self,
        doc: usize,
        range: &Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
        let list = self.by_doc.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        let first = list.partition_point(|(r, _)| r.start < range.start);
        let end = range.end;
        list[first..]
            .iter()
            .take_while(move |(r, _)| r.start < end)
            .filter(move |(r, _)| r.end <= end)
            .cloned()
    }

    /// The last mention in `doc` that ends at or before `pos` and satisfies `keep`.
    pub fn last_before(
        &self,
        doc: usize,
        pos: usize,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<(Range<usize>, usize)> {
        let list = self.by_doc.get(doc)?;
        let upto = list.partition_point(|(r, _)| r.start < pos);
        list[..upto]
            .iter()
            .rev()
            .find(|(r, e)| r.end <= pos && keep(&self.list[*e]))
            .cloned()
    }
}

pub use edits::Edit;

/// Finds and merges the entities of all documents.
pub fn extract(docs: &[Prepared]) -> Entities {
    let found: Vec<Vec<SentenceFigures>> = docs.iter().map(numbers::document).collect();
    extract_with(docs, &found, &[]).0
}

/// [`extract`] with each document's dates and figures already found
/// ([`crate::numbers::document`], indexed by document), then the reader's corrections
/// ([`edits`]) in order; returns a note for each edit that could not be applied.
pub fn extract_with(
    docs: &[Prepared],
    found: &[Vec<SentenceFigures>],
    edits: &[Edit],
) -> (Entities, Vec<String>) {
    let mut mentions = names::find(docs);
    names::drop_credits(docs, &mut mentions);
    glued::split_headlines(docs, &mut mentions);
    glued::split_prefixes(docs, &mut mentions);
    orgnames::join_halves(docs, &mut mentions);
    let recovered = names::recover_surnames(docs, &mentions);
    mentions.extend(recovered);
    let recovered = orgnames::recover_lowercase(docs, &mentions);
    mentions.extend(recovered);
    let recovered = orgnames::recover_words(docs, &mentions);
    mentions.extend(recovered);
    names::drop_headline_only(docs, &mut mentions);
    // Mentions removed by an institution are marked here and dropped together at the end.
    let mut alive = vec![true; mentions.len()];
    for (d, doc) in docs.iter().enumerate() {
        let institutions = institutions::find(d, doc);
        if !institutions.is_empty() {
            let mut index = MentionIndex::new(d, &mentions, &alive);
            for inst in institutions {
                add_institution(&mut mentions, &mut alive, &mut index, inst);
            }
        }
        let figures = figures::find(d, doc, found.get(d).map(Vec::as_slice).unwrap_or_default());
        alive.resize(alive.len() + figures.len(), true);
        mentions.extend(figures);
    }
    let mut keep = alive.into_iter();
    mentions.retain(|_| keep.next().unwrap_or(true));
    merge::merge(docs, mentions, edits)
}

/// One document's live mentions by start byte, for the overlap queries of
/// [`add_institution`] (a scan of every mention per institution was quadratic in a long
/// article).
struct MentionIndex {
    doc: usize,
    /// (start byte, index into the mentions).
    by_start: std::collections::BTreeSet<(usize, usize)>,
    /// The longest mention's length in bytes: nothing starting further back can overlap.
    longest: usize,
}

impl MentionIndex {
    fn new(doc: usize, mentions: &[Mention], alive: &[bool]) -> MentionIndex {
        let mut index = MentionIndex {
            doc,
            by_start: Default::default(),
            longest: 0,
        };
        for (i, m) in mentions.iter().enumerate() {
            if alive[i] && m.doc == doc {
                index.insert(i, m);
            }
        }
        index
    }

    fn insert(&mut self, i: usize, m: &Mention) {
        self.by_start.insert((m.range.start, i));
        self.longest = self.longest.max(m.range.len());
    }

    /// Indexes of the live mentions overlapping `r`, in mention order.
    fn overlapping(&self, mentions: &[Mention], r: &Range<usize>) -> Vec<usize> {
        let from = r.start.saturating_sub(self.longest);
        let mut out: Vec<usize> = self
            .by_start
            .range((from, 0)..(r.end, 0))
            .map(|&(_, i)| i)
            .filter(|&i| {
                let m = &mentions[i];
                m.doc == self.doc && m.range.start < r.end && r.start < m.range.end
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// A tagged name covering the institution's head becomes that organisation; where the tagger
/// found nothing there (lower-case "foreign ministry"), the institution is a new mention.
fn add_institution(
    mentions: &mut Vec<Mention>,
    alive: &mut Vec<bool>,
    index: &mut MentionIndex,
    inst: institutions::Institution,
) {
    let r = &inst.mention.range;
    let overlapping = index.overlapping(mentions, r);
    // A tagged span covering the head ("Azerbaijan Armed Forces", even when tagged as a place)
    // is the institution.
    if let Some(&i) = overlapping.iter().find(|&&i| {
        let m = &mentions[i];
        m.kind != Type::Person
            && m.kind.is_name()
            && m.range.start <= r.start
            && r.end <= m.range.end
    }) {
        let m = &mut mentions[i];
        m.kind = Type::Organization;
        m.canonical = Some(inst.canonical);
    } else if !overlapping
        .iter()
        .any(|&i| mentions[i].tokens.start >= inst.mention.tokens.start)
    {
        // A tagged fragment reaching into the head from before it ("Azerbaijani defence" of
        // "the Azerbaijani defence ministry") is the tagger half-seeing the institution.
        for &i in &overlapping {
            let m = &mentions[i];
            if m.kind != Type::Person && m.range.start < r.start && m.range.end < r.end {
                alive[i] = false;
                index.by_start.remove(&(m.range.start, i));
            }
        }
        let mut mention = inst.mention;
        mention.canonical = Some(inst.canonical);
        index.insert(mentions.len(), &mention);
        mentions.push(mention);
        alive.push(true);
    }
}
