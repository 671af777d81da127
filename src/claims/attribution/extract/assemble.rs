//! Assembly: from the sentences to the list of attributions.
//!
//! Owns `run`: the candidate loop over the usable sentences (a reporting noun, a cue word, then
//! the layout frames per sentence), then the steps over all candidates at once: drop the ones
//! nested in another's content (`drop_nested`: beliefs, first-person cues), merge "according
//! to", score with the learned filter, add continuation paragraphs (`add_continuations`), credit
//! outlets, and turn token ranges into the byte ranges, sentences and form of an
//! [`Attribution`] (`finish`, `form_of`).

use std::ops::Range;

use super::super::lexicon::{self, Frame};
use super::super::{Attribution, Form};
use super::{Ctx, Found};
use crate::text::{Prepared, Role};

/// Frames whose attributions are dropped when they sit inside another one's content.
const NESTED_DROP: &[Frame] = &[Frame::Belief];

impl<'a, 't> Ctx<'a, 't> {
    /// All attributions with their filter features; `filter` drops the candidates the learned
    /// filter rejects, and then gives no features (the caller, `attribution::find`, keeps
    /// none).
    pub(in crate::claims::attribution) fn run(
        &self,
        filter: bool,
    ) -> Vec<(Attribution, Vec<String>)> {
        let mut found: Vec<Found> = Vec::new();
        for (si, s) in self.sents.iter().enumerate() {
            if !self.usable.get(si).copied().unwrap_or(false) {
                continue;
            }
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                if self.tok_quote[i].is_some() {
                    i += 1;
                    continue;
                }
                if let Some(f) = self.asked_attribution(i, s.tokens.clone()) {
                    found.push(f);
                    i += 1;
                    continue;
                }
                let noun = self
                    .noun_cue_at(i, s.tokens.end)
                    .and_then(|c| self.analyse_noun(i, c));
                let verb = self.cue_at(i, s.tokens.end);
                if let Some(f) = noun.filter(|_| verb.is_none() || self.nominal(i, s.tokens.start))
                {
                    found.push(f);
                    i += 1;
                    continue;
                }
                let Some(cue) = verb else {
                    i += 1;
                    continue;
                };
                let title = self
                    .p
                    .paragraphs
                    .get(s.paragraph)
                    .is_some_and(|p| p.role == Role::Title);
                let capital_inside = i > s.tokens.start
                    && self.is_cap(i)
                    && !title
                    && !self.title_case(s.tokens.clone())
                    && self.opens(i - 1).is_none();
                let noun = cue.words.len() == 1
                    && self.nominal(i, s.tokens.start)
                    && !(self.noun_form(i, cue)
                        && self.light_verb_before(i, s.tokens.start).is_some());
                if capital_inside || noun {
                    i += 1;
                    continue;
                }
                let prev = found
                    .last()
                    .filter(|f| f.cue.as_ref().is_some_and(|c| c.start >= s.tokens.start));
                let mut next = i + cue.words.len();
                if let Some(mut f) = self.analyse(i, cue, prev) {
                    f.frame = cue.frame;
                    next = next.max(f.cue.as_ref().map_or(next, |c| c.end));
                    found.push(f);
                }
                i = next;
            }
            if let Some(f) = self.colon_attribution(s.tokens.clone(), si) {
                found.push(f);
            }
            if let Some(f) = self.dash_attribution(s.tokens.clone()) {
                found.push(f);
            }
        }
        found.sort_by_key(|f| (f.content.start, f.cue.as_ref().map_or(0, |c| c.start)));
        let found = self.drop_nested(found);
        let found = self.merge_according(found);
        let inside = self.inside_other(&found);
        if filter {
            // The filter's verdict is all that is kept of each candidate's features: the
            // strings (~1 KB a candidate) go as soon as it is scored.
            let mut found: Vec<Found> = found
                .into_iter()
                .zip(&inside)
                .filter(|(f, &nested)| super::super::filter::keep(&self.features(f, nested)))
                .map(|(f, _)| f)
                .collect();
            self.add_continuations(&mut found);
            for f in found.iter_mut() {
                self.mark_cited(f);
            }
            return self
                .finish(found)
                .into_iter()
                .map(|a| (a, Vec::new()))
                .collect();
        }
        let feats: Vec<Vec<String>> = found
            .iter()
            .zip(&inside)
            .map(|(f, &nested)| self.features(f, nested))
            .collect();
        type Key = (Range<usize>, Option<Range<usize>>);
        // The features of the first candidate with each key (a map: a scan per attribution
        // was quadratic).
        let mut keyed: rustc_hash::FxHashMap<Key, Vec<String>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
        for (k, x) in found
            .iter()
            .map(|f| (f.content.clone(), f.cue.clone()))
            .zip(feats)
        {
            keyed.entry(k).or_insert(x);
        }
        let mut found = found;
        self.add_continuations(&mut found);
        for f in found.iter_mut() {
            self.mark_cited(f);
        }
        let keys: Vec<Key> = found
            .iter()
            .map(|f| (f.content.clone(), f.cue.clone()))
            .collect();
        self.finish(found)
            .into_iter()
            .zip(keys)
            .map(|(a, k)| {
                let x = keyed.get(&k).cloned().unwrap_or_default();
                (a, x)
            })
            .collect()
    }

    /// A belief inside a reported clause ("X said he believes …") is part of that clause, not
    /// an attribution of its own; so are reporting words with a first-person source inside
    /// another speaker's words ("– As we made it clear long ago, C – he said.").
    fn drop_nested(&self, found: Vec<Found>) -> Vec<Found> {
        let inside = self.inside_other(&found);
        let keep: Vec<bool> = found
            .iter()
            .zip(inside)
            .map(|(f, inside)| {
                !inside
                    || f.cue.is_none()
                    || !NESTED_DROP.contains(&f.frame) && !self.first_person(f)
            })
            .collect();
        found
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(f, _)| f)
            .collect()
    }

    /// Is the source a first-person pronoun ("we", "I")? Inside another attribution's content
    /// it is that speaker talking of themselves ("– As we made it clear long ago, C – he
    /// said."): their own wording, as a cue inside quote marks is, and no claim of its own.
    fn first_person(&self, f: &Found) -> bool {
        f.source.as_ref().is_some_and(|r| {
            r.len() == 1 && lexicon::is_in(self.low(r.start), &lexicon::source_words().first_person)
        })
    }

    /// For each candidate, whether its cue starts inside the content of another candidate that
    /// has a cue (a candidate without a cue counts as starting at 0, as in [`Self::features`]).
    fn inside_other(&self, found: &[Found]) -> Vec<bool> {
        let points: Vec<usize> = found
            .iter()
            .map(|f| f.cue.as_ref().map_or(0, |c| self.start(c.start)))
            .collect();
        let hosts: Vec<(Range<usize>, usize)> = found
            .iter()
            .enumerate()
            .filter(|(_, g)| g.cue.is_some())
            .map(|(i, g)| (g.content.clone(), i))
            .collect();
        stabbed_by_other(&hosts, &points)
    }

    /// Quote paragraphs with no cue of their own, right after a paragraph whose last
    /// attribution is a quote: they continue that speaker.
    fn add_continuations(&self, found: &mut Vec<Found>) {
        use std::collections::BinaryHeap;
        let mut added: Vec<Found> = Vec::new();
        // Indexes so that no paragraph scans every candidate (that was quadratic): contents
        // sorted by start with a running maximum of their ends, cue positions sorted, and for
        // the host search two heaps of candidate indexes (see below).
        let mut spans: Vec<(usize, usize)> = found
            .iter()
            .map(|f| (f.content.start, f.content.end))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut most = 0;
        for &(_, e) in &spans {
            most = most.max(e);
            reach.push(most);
        }
        let mut cues: Vec<usize> = found
            .iter()
            .filter_map(|f| f.cue.as_ref().map(|c| self.start(c.start)))
            .collect();
        cues.sort_unstable();
        let mut by_start: Vec<usize> = (0..found.len()).collect();
        by_start.sort_by_key(|&i| found[i].content.start);
        let reach_of = |f: &Found| f.content.end.max(f.content.start + 1);
        // Candidates whose content starts before the previous paragraph's end, by index;
        // one that ends before that paragraph's start never hosts a later paragraph (the
        // previous paragraph only moves forward), so it is dropped for good.
        let (mut alive, mut alive_added) = (BinaryHeap::new(), BinaryHeap::<usize>::new());
        let mut next = 0;
        let mut last_prose: Option<usize> = None;
        for (pi, para) in self.p.paragraphs.iter().enumerate() {
            // the previous analysed paragraph
            let prev_prose = last_prose;
            if self.prose.get(pi).copied().unwrap_or(false) {
                last_prose = Some(pi);
            }
            if !self.prose.get(pi).copied().unwrap_or(false) || para.role == Role::Title {
                continue;
            }
            // the paragraph must open with a quote and hold no attribution
            let q0 = self
                .quotes
                .partition_point(|q| q.range.start < para.range.start);
            if self
                .quotes
                .get(q0)
                .is_none_or(|q| q.range.start != para.range.start)
            {
                continue;
            }
            let before_end = spans.partition_point(|&(s, _)| s < para.range.end);
            let covered = before_end
                .checked_sub(1)
                .is_some_and(|k| reach[k] > para.range.start)
                || cues
                    .get(cues.partition_point(|&c| c < para.range.start))
                    .is_some_and(|&c| c < para.range.end);
            // a paragraph with a reporting word of its own outside its quotes is not a bare
            // continuation
            let first = self
                .p
                .tokens
                .partition_point(|t| t.start < para.range.start);
            let has_cue = self.p.tokens[first..]
                .iter()
                .take_while(|t| t.end <= para.range.end)
                .enumerate()
                .any(|(k, _)| {
                    let i = first + k;
                    self.tok_quote[i].is_none() && self.cue_at(i, self.n()).is_some()
                });
            if covered || has_cue {
                continue;
            }
            let Some(prev) = prev_prose else {
                continue;
            };
            let pr = &self.p.paragraphs[prev].range;
            while let Some(&i) = by_start.get(next) {
                if found[i].content.start >= pr.end {
                    break;
                }
                alive.push(i);
                next += 1;
            }
            while alive
                .peek()
                .is_some_and(|&i| reach_of(&found[i]) <= pr.start)
            {
                alive.pop();
            }
            while alive_added
                .peek()
                .is_some_and(|&i| reach_of(&added[i]) <= pr.start)
            {
                alive_added.pop();
            }
            // the last candidate overlapping the previous paragraph (added ones come after
            // `found` in the combined numbering)
            let host = match alive_added.peek() {
                Some(&i) => Some(found.len() + i),
                None => alive.peek().copied(),
            };
            let Some(h) = host else { continue };
            let hf = if h < found.len() {
                &found[h]
            } else {
                &added[h - found.len()]
            };
            let quoted = self.p.text[hf.content.clone()].chars().any(|c| {
                matches!(
                    c,
                    '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
                )
            }) || self.p.text[hf.content.clone()].contains("''");
            if !quoted {
                continue;
            }
            let end = self.quotes[q0..]
                .iter()
                .take_while(|q| q.range.start < para.range.end)
                .map(|q| q.range.end)
                .max()
                .unwrap_or(para.range.end);
            let content = self.extend_quote(para.range.start..end);
            // Only a paragraph that is mostly quote.
            let words_out = self.p.text[content.end.min(para.range.end)..para.range.end]
                .split_whitespace()
                .count();
            if words_out > 3 {
                continue;
            }
            let cont = Found {
                cue: None,
                source: None,
                content,
                pieces: vec![],
                cited: vec![],
                continues: Some(h),
                according: false,
                frame: Frame::Speech,
            };
            alive_added.push(added.len());
            added.push(cont);
        }
        // Indexes in `continues` refer to the combined list; renumber after sorting.
        let base = found.len();
        let mut all: Vec<(usize, Found)> = found.drain(..).chain(added).enumerate().collect();
        all.sort_by_key(|(_, f)| (f.content.start, f.cue.as_ref().map_or(0, |c| c.start)));
        let mut pos = vec![0; all.len()];
        for (new, (old, _)) in all.iter().enumerate() {
            pos[*old] = new;
        }
        let _ = base;
        for (_, f) in all.iter_mut() {
            if let Some(c) = f.continues {
                f.continues = pos.get(c).copied();
            }
        }
        found.extend(all.into_iter().map(|(_, f)| f));
    }

    fn finish(&self, found: Vec<Found>) -> Vec<Attribution> {
        let text = self.p.text;
        found
            .into_iter()
            .map(|f| {
                let ctext = &text[f.content.clone()];
                let form = form_of(ctext);
                let cue = f.cue.as_ref().map(|c| self.bytes(c));
                let source = f.source.as_ref().map(|c| {
                    let mut e = c.end;
                    while e > c.start + 1 && !self.is_word(e - 1) && self.tok(e - 1) != ")" {
                        e -= 1;
                    }
                    self.bytes(&(c.start..e))
                });
                let lo = [
                    Some(f.content.start),
                    cue.as_ref().map(|c| c.start),
                    source.as_ref().map(|c| c.start),
                ]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(0);
                let hi = [
                    Some(f.content.end),
                    cue.as_ref().map(|c| c.end),
                    source.as_ref().map(|c| c.end),
                ]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0);
                let sentences = sentence_span(self.p, lo..hi);
                Attribution {
                    form,
                    sentences,
                    content: f.content.clone(),
                    pieces: if f.pieces.is_empty() {
                        vec![f.content.clone()]
                    } else {
                        f.pieces.clone()
                    },
                    cue,
                    source,
                    continues: f.continues,
                    cited: f.cited.iter().map(|c| self.bytes(c)).collect(),
                }
            })
            .collect()
    }
}

/// For each point `points[i]`, whether some range of `hosts` other than host `i` (hosts are
/// `(range, index)`) holds it (`start <= point < end`). A sort by start and a running top two
/// of the ends (with their indexes), then a binary search per point: O(n log n) where a scan
/// of every host per point was quadratic.
fn stabbed_by_other(hosts: &[(Range<usize>, usize)], points: &[usize]) -> Vec<bool> {
    let mut sorted: Vec<&(Range<usize>, usize)> = hosts.iter().collect();
    sorted.sort_by_key(|(r, _)| r.start);
    // best[k]: the two largest (end, index) among sorted[..=k], largest first.
    let mut best: Vec<[Option<(usize, usize)>; 2]> = Vec::with_capacity(sorted.len());
    let mut top: [Option<(usize, usize)>; 2] = [None, None];
    for (r, i) in &sorted {
        let x = Some((r.end, *i));
        if top[0].is_none_or(|(e, _)| r.end > e) {
            top = [x, top[0]];
        } else if top[1].is_none_or(|(e, _)| r.end > e) {
            top[1] = x;
        }
        best.push(top);
    }
    points
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let k = sorted.partition_point(|(r, _)| r.start <= at);
            let Some(top) = k.checked_sub(1).and_then(|k| best.get(k)) else {
                return false;
            };
            // the largest end among the other hosts starting at or before `at`
            let other = top.iter().flatten().find(|(_, h)| *h != i);
            other.is_some_and(|&(end, _)| at < end)
        })
        .collect()
}

/// The sentences overlapping byte range `r`.
fn sentence_span(p: &Prepared, r: Range<usize>) -> Range<usize> {
    // Sentences are disjoint and in text order: binary searches, not a scan per attribution.
    let n = p.sentences.len();
    let first = Some(p.sentences.partition_point(|s| s.range.end <= r.start)).filter(|&a| a < n);
    let last = p
        .sentences
        .partition_point(|s| s.range.start < r.end)
        .checked_sub(1);
    match (first, last) {
        (Some(a), Some(b)) if a <= b => a..b + 1,
        (Some(a), _) => a..a + 1,
        _ => 0..0,
    }
}

/// Direct when the content is one quote from end to end, mixed when it holds quote marks,
/// indirect otherwise.
pub(super) fn form_of(content: &str) -> Form {
    let has = content.chars().any(|c| {
        matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2018}'
        )
    }) || content.contains("''")
        || content.starts_with('\'');
    if !has {
        return Form::Indirect;
    }
    let t = content.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '\u{2014}' | '\u{2013}' | '-')
    });
    let opens = t.starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}', '\u{201e}']);
    let closes = t.ends_with(['"', '\u{201d}', '\u{2019}', '\'', '\u{bb}'])
        || !t.contains(['\u{201d}', '\u{bb}']) && opens;
    if opens && closes {
        Form::Direct
    } else {
        Form::Mixed
    }
}
