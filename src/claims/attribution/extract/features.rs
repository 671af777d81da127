//! The candidate's shape for the learned filter.
//!
//! Owns `features`: the strings the filter's logistic regression scores (cue form and lemma,
//! frame, configuration, source and content shape, nesting, neighbouring words). Kept apart
//! from assembly because training (`eval-polnear --train-filter`) and the filter's weights
//! depend on these names exactly.

use super::super::lexicon::{self, Frame};
use super::super::Form;
use super::assemble::form_of;
use super::{Ctx, Found};
use crate::text::Role;

impl<'a, 't> Ctx<'a, 't> {
    /// Features of a candidate for the learned filter ([`super::super::filter`]): the cue form and
    /// lemma, its frame, the configuration (content before/after the cue, source before/after,
    /// none), the shape of source and content, and whether it sits inside another candidate.
    pub(super) fn features(&self, f: &Found, nested: bool) -> Vec<String> {
        let mut x = Vec::new();
        let cue_start = f.cue.as_ref().map_or(0, |c| self.start(c.start));
        let cue_text: String = f
            .cue
            .as_ref()
            .map(|c| {
                (c.start..c.end)
                    .map(|i| self.low(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let frame = format!("{:?}", f.frame);
        if f.frame == Frame::Asked {
            x.push("rule=asked".to_string());
        }
        let mode = match (&f.source, f.content.end <= cue_start) {
            _ if f.according => "according",
            (None, _) => "nosource",
            (Some(s), true) if s.start > f.cue.as_ref().map_or(0, |c| c.start) => "inverted",
            (Some(_), true) => "post",
            (Some(s), false) if s.start > f.cue.as_ref().map_or(0, |c| c.start) => "by",
            (Some(_), false) => "pre",
        };
        let src = match &f.source {
            None => "none",
            Some(r) => {
                let w = self.low(r.start);
                if r.len() == 1 && lexicon::is_in(w, lexicon::PRONOUNS) {
                    "pronoun"
                } else if (r.start..r.end).any(|i| self.is_cap(i) && i > r.start)
                    || self.is_cap(r.start) && !lexicon::is_in(w, lexicon::DETERMINERS)
                {
                    "name"
                } else if lexicon::is_in(w, lexicon::DETERMINERS) {
                    "det"
                } else {
                    "lower"
                }
            }
        };
        let ctext = &self.p.text[f.content.clone()];
        let quote = match form_of(ctext) {
            Form::Direct => "direct",
            Form::Mixed => "mixed",
            Form::Indirect => "indirect",
        };
        let words = ctext.split_whitespace().count();
        let clen = match words {
            0..=2 => "1-2",
            3..=5 => "3-5",
            6..=12 => "6-12",
            13..=30 => "13-30",
            _ => "31+",
        };
        let first = ctext.split_whitespace().next().unwrap_or("").to_lowercase();
        let prev = f
            .cue
            .as_ref()
            .and_then(|c| c.start.checked_sub(1))
            .map(|i| self.low(i).to_string())
            .unwrap_or_default();
        let next = f
            .cue
            .as_ref()
            .map(|c| self.low(c.end).to_string())
            .unwrap_or_default();
        x.push("bias".to_string());
        x.push(format!("cue={cue_text}"));
        x.push(format!("frame={frame}"));
        x.push(format!("mode={mode}"));
        x.push(format!("src={src}"));
        x.push(format!("quote={quote}"));
        x.push(format!("clen={clen}"));
        x.push(format!("mode+src={mode}+{src}"));
        x.push(format!("frame+mode={frame}+{mode}"));
        x.push(format!("cue+mode={cue_text}+{mode}"));
        x.push(format!("quote+mode={quote}+{mode}"));
        x.push(format!(
            "first={}",
            if first == "that" {
                "that"
            } else if first.starts_with(['"', '\u{201c}', '\'']) {
                "quote"
            } else {
                "other"
            }
        ));
        x.push(format!("nested={nested}"));
        x.push(format!("prev={prev}"));
        x.push(format!("next={next}"));
        if f.source.as_ref().is_some_and(|r| r.len() > 6) {
            x.push("longsource".to_string());
        }
        let title = self
            .sent_of
            .get(f.cue.as_ref().map_or(0, |c| c.start))
            .and_then(|&si| self.sents.get(si as usize))
            .and_then(|s| self.p.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.role == Role::Title);
        if title {
            x.push("title".to_string());
        }
        x
    }
}
