//! Dates, times and figures as entities, with their normalised values.
//!
//! Recognition and normalisation live in [`crate::dates`] and [`crate::numbers`]; this module
//! only turns their findings into mentions. A figure mention covers the number with its
//! qualifier ("more than 6,000"), not the counted thing, so "49" in two articles is one chip.

use crate::dates::DateKind;
use crate::entities::{Mention, Type};
use crate::numbers::{NumKind, SentenceFigures};
use crate::text::Prepared;

/// Date and figure mentions of one document, from its sentences' dates and figures
/// ([`crate::numbers::document`]).
pub fn find(d: usize, doc: &Prepared, found: &[SentenceFigures]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in found {
        for date in &sentence.dates {
            if date.tokens.is_empty() {
                continue;
            }
            out.push(Mention {
                doc: d,
                range: doc.tokens[date.tokens.start].start..doc.tokens[date.tokens.end - 1].end,
                tokens: date.tokens.clone(),
                kind: match date.kind {
                    DateKind::Date => Type::Date,
                    DateKind::Time => Type::Time,
                },
                role: None,
                value: date.value.clone(),
                score: 1.0,
                canonical: None,
            });
        }
        for fig in &sentence.figures {
            if fig.number.is_empty() || fig.unknown {
                continue;
            }
            // The qualifier stands before the number inside the figure's tokens.
            let start = if fig.qualifier.is_some() {
                fig.tokens.start.min(fig.number.start)
            } else {
                fig.number.start
            };
            let tokens = start..fig.number.end;
            out.push(Mention {
                doc: d,
                range: doc.tokens[tokens.start].start..doc.tokens[tokens.end - 1].end,
                tokens,
                kind: match fig.kind {
                    NumKind::Quantity => Type::Quantity,
                    NumKind::Money => Type::Money,
                    NumKind::Percent => Type::Percent,
                },
                role: None,
                value: fig.normalised(),
                score: 1.0,
                canonical: None,
            });
        }
    }
    out
}
