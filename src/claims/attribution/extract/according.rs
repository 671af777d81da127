//! "According to" and cited outlets.
//!
//! Owns what is done after the frames about outlets: a trailing "according to X" that follows
//! another cue credits X on that attribution instead of making a second one
//! (`merge_according`), and outlets or agencies (`data/lexicon/attribution-outlets.txt`) named
//! as the source, after "told"/"by" or in "according to" go to the attribution's cited outlets
//! (`mark_cited`).

use std::ops::Range;

use super::super::lexicon;
use super::{Ctx, Found};

impl<'a, 't> Ctx<'a, 't> {
    /// "…,” Peskov said, according to Reuters": the outlet is credited on Peskov's attribution
    /// rather than made a second one.
    pub(super) fn merge_according(&self, found: Vec<Found>) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        let mut extra: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.according {
                if let (Some(cue), Some(src)) = (&f.cue, &f.source) {
                    // another attribution whose cue/source ends right before ", according to"
                    let host = found.iter().position(|g| {
                        !g.according
                            && g.cue
                                .as_ref()
                                .is_some_and(|c| g.content.start < self.start(c.start))
                            && {
                                let last = [
                                    g.cue.as_ref().map(|c| c.end),
                                    g.source.as_ref().map(|c| c.end),
                                ]
                                .into_iter()
                                .flatten()
                                .max()
                                .unwrap_or(0);
                                last <= cue.start
                                    && cue.start <= last + 8
                                    && (last..cue.start).all(|i| {
                                        self.tok(i) == ","
                                            || !lexicon::is_in(self.low(i), &["that", "and", "but"])
                                                && self.tok_quote[i].is_none()
                                                && self.cue_at(i, self.n()).is_none()
                                    })
                                    && self.sent_of.get(last.saturating_sub(1))
                                        == self.sent_of.get(cue.start)
                            }
                    });
                    if let Some(h) = host {
                        extra.push((h, src.clone()));
                        continue;
                    }
                }
            }
            let _ = i;
            out.push(f.clone());
        }
        // re-index hosts into `out`
        for (h, src) in extra {
            let host = &found[h];
            if let Some(o) = out
                .iter_mut()
                .find(|o| o.cue == host.cue && o.content == host.content)
            {
                o.cited.push(src);
            }
        }
        out
    }

    /// Outlets among the source and around the cue ("according to Reuters", "CNN reported",
    /// "told AFP", "quoted by the Reuters agency").
    pub(super) fn mark_cited(&self, f: &mut Found) {
        let mut spots: Vec<Range<usize>> = Vec::new();
        if let Some(s) = &f.source {
            spots.push(s.clone());
        }
        if let Some(c) = &f.cue {
            // "told AFP", "quoted by Reuters", "reported by CNN"
            let told =
                c.len() == 1 && matches!(self.low(c.start), "told" | "tells" | "telling" | "tell");
            if told || self.low(c.end) == "by" {
                let e = (c.end + 4).min(self.n());
                spots.push(c.end..e);
            }
        }
        for r in spots {
            let mut i = r.start;
            while i < r.end {
                if let Some(len) = self.outlet_at(i, r.end) {
                    let span = i..i + len;
                    if !f.cited.contains(&span) {
                        f.cited.push(span);
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
        }
    }

    fn outlet_at(&self, i: usize, end: usize) -> Option<usize> {
        if !self.is_cap(i) {
            return None;
        }
        lexicon::outlets()
            .iter()
            .find(|o| {
                o.len() <= end.saturating_sub(i)
                    && o.iter()
                        .enumerate()
                        .all(|(k, w)| self.low(i + k) == w.as_str())
            })
            .map(|o| o.len())
    }
}
