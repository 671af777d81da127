//! A small markup for writing report-level claims by hand, for the table tests and the
//! threshold tuning set (`src/compare/pairs.tsv`, `bench-compare --tune`).
//!
//! An article is a list of lines, one claim each; the whole line is the claim's sentence.
//! `[Name]` marks an entity mention (every bracketed name is its own canonical entity, merged
//! across articles by name; `[Erdogan=Recep Tayyip Erdogan]` is a mention of the entity named
//! after the `=`, whose text is `Erdogan`; its type is `place` for a few listed places, `organization` for
//! names with `Ministry`, `CNN`, `Reuters` or `AP`, else `person`), `<...>` the source (the
//! speaker is the entity mentioned inside it), `{...}` the content (several `{...}` in one
//! line are the pieces of one claim, `{“A,”} <she> said. {“B.”}`: its content runs from the
//! first `{` to the last `}`), `^` before an entity marks
//! it as cited. Figures follow the sentence after `|`, as `text;value;qualifier;unit;event`
//! (empty fields are null; the value, interval and `unknown` come from the numbers stage's
//! reading of the text, see [`quantity`]),
//! several separated by `|`. The kind is `numeric` when the line starts with `~` (a claim made
//! for its figure, as the claim stage makes them), else `quote` when the content holds a
//! quotation mark, `statement` when there is a source, else `event`.

use crate::report::{Claim, ClaimKind, Document, Entity, Mention, Quantity, Span};

/// Report-level data built from markup.
pub struct Built {
    /// One per article.
    pub documents: Vec<Document>,
    /// Entities merged by name.
    pub entities: Vec<Entity>,
    /// Claims, article then line order.
    pub claims: Vec<Claim>,
}

/// A figure written as `text;value;qualifier;unit;event`, read as the pipeline reads it: the
/// numbers stage ([`crate::numbers`]) parses `text` for the value, the interval (`low`/`high`)
/// and `unknown`, so hand-made figures and real ones compare the same way. The written
/// unit and event are kept (they say what the extractor should find around the
/// figure; the qualifier is the numbers stage's normalised one when it finds one), except that a
/// duration takes the numbers stage's unit `day` with the written unit
/// as its event ("six-week war" → 42 days of `war`). Text the numbers stage finds no figure in
/// keeps the written value as an exact point, or is an unknown when no value is written.
pub fn quantity(
    text: &str,
    value: Option<&str>,
    qualifier: Option<&str>,
    unit: Option<&str>,
    event: Option<&str>,
) -> Quantity {
    let prepared = crate::text::prepare(text);
    let found = (0..prepared.sentences.len())
        .flat_map(|s| crate::numbers::find(&prepared, s))
        .next();
    let written = value.and_then(|v| v.parse::<f64>().ok());
    let own = |s: Option<&str>| s.map(str::to_string);
    let mut q = Quantity {
        span: Span {
            start: 0,
            end: u16len(text),
            text: text.to_string(),
        },
        value: written,
        low: written,
        high: written,
        unknown: written.is_none(),
        qualifier: own(qualifier),
        unit: own(unit),
        event: own(event),
    };
    if let Some(f) = found {
        q.value = f.value.filter(|v| v.is_finite());
        q.low = f.low.filter(|v| v.is_finite());
        q.high = f.high.filter(|v| v.is_finite());
        q.unknown = f.unknown;
        if let Some(n) = f.qualifier {
            q.qualifier = Some(n.to_string());
        }
        if f.unit.as_deref() == Some("day") {
            q.event = own(event).or(own(unit)).or(f.event);
            q.unit = f.unit;
        }
    }
    q
}

pub(crate) fn u16len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

fn entity_type(name: &str) -> &'static str {
    const PLACES: &[&str] = &[
        "Ukraine",
        "Russia",
        "Kyiv",
        "Moscow",
        "Kharkiv",
        "Izium",
        "Armenia",
        "Azerbaijan",
        "Jermuk",
        "Serbia",
        "Kosovo",
        "Belgrade",
        "Pristina",
        "France",
        "United States",
        "Chile",
        "Peru",
    ];
    if PLACES.contains(&name) {
        "place"
    } else if name.contains("Ministry")
        || name.contains("CNN")
        || name.contains("Reuters")
        || name.contains("AP")
    {
        "organization"
    } else {
        "person"
    }
}

/// Builds documents, entities and claims from articles written in the markup.
pub fn build(articles: &[&[&str]]) -> Built {
    let mut documents = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut claims = Vec::new();
    for (d, lines) in articles.iter().enumerate() {
        let doc = d as u32;
        let mut text = String::new();
        for line in lines.iter() {
            let (numeric, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, *line),
            };
            let (markup, figs) = match line.split_once('|') {
                Some((m, f)) => (m, Some(f)),
                None => (line, None),
            };
            let base = u16len(&text);
            let mut plain = String::new();
            let mut ent_start = (0u32, 0usize);
            // Inside `[...=...]` after the `=`: the canonical name being read.
            let mut canonical: Option<String> = None;
            let mut in_bracket = false;
            let (mut src, mut content) = ((0u32, 0u32), (0u32, 0u32));
            let mut has_src = false;
            let mut cited: Vec<Span> = Vec::new();
            let mut mentions: Vec<(String, u32, u32)> = Vec::new();
            let mut pieces: Vec<(u32, u32)> = Vec::new();
            let mut opened = false;
            for ch in markup.chars() {
                let at = base + u16len(&plain);
                if let Some(c) = canonical.as_mut() {
                    if ch != ']' {
                        c.push(ch);
                        continue;
                    }
                }
                match ch {
                    '[' => {
                        ent_start = (at, plain.len());
                        in_bracket = true;
                    }
                    '=' if in_bracket => canonical = Some(String::new()),
                    ']' => {
                        in_bracket = false;
                        let surface = plain.get(ent_start.1..).unwrap_or("").to_string();
                        let name = canonical.take().unwrap_or(surface);
                        mentions.push((name, ent_start.0, at));
                    }
                    '<' => {
                        src.0 = at;
                        has_src = true;
                    }
                    '>' => src.1 = at,
                    '{' => {
                        if !opened {
                            content.0 = at;
                        }
                        opened = true;
                        pieces.push((at, at));
                    }
                    '}' => {
                        content.1 = at;
                        if let Some(p) = pieces.last_mut() {
                            p.1 = at;
                        }
                    }
                    '^' => cited.push(Span {
                        start: at,
                        end: at,
                        text: String::new(),
                    }),
                    _ => plain.push(ch),
                }
            }
            let slice = |a: u32, b: u32| -> String {
                let all: Vec<u16> = plain.encode_utf16().collect();
                String::from_utf16_lossy(&all[(a - base) as usize..(b - base) as usize])
            };
            let mut speaker = None;
            for (name, s, e) in &mentions {
                let idx = match entities.iter().position(|x| &x.name == name) {
                    Some(i) => i,
                    None => {
                        entities.push(Entity {
                            id: format!("e{}", entities.len()),
                            name: name.clone(),
                            kind: entity_type(name).to_string(),
                            aliases: vec![],
                            roles: vec![],
                            value: None,
                            country: None,
                            docs: vec![],
                            mentions: vec![],
                        });
                        entities.len() - 1
                    }
                };
                entities[idx].mentions.push(Mention {
                    doc,
                    start: *s,
                    end: *e,
                    text: slice(*s, *e),
                });
                if !entities[idx].docs.contains(&doc) {
                    entities[idx].docs.push(doc);
                }
                if has_src && *s >= src.0 && *e <= src.1 {
                    speaker = Some(entities[idx].id.clone());
                }
            }
            // A cited outlet: the last entity mentioned outside the content after a `^`.
            let cited: Vec<Span> = cited
                .iter()
                .filter_map(|c| {
                    mentions.iter().find(|m| m.1 >= c.start).map(|m| Span {
                        start: m.1,
                        end: m.2,
                        text: slice(m.1, m.2),
                    })
                })
                .collect();
            if pieces.is_empty() {
                pieces.push(content);
            }
            let content_text = slice(content.0, content.1);
            let mut quantities = Vec::new();
            for f in figs
                .unwrap_or("")
                .split('|')
                .filter(|f| !f.trim().is_empty())
            {
                let p: Vec<&str> = f.split(';').map(str::trim).collect();
                let field = |i: usize| p.get(i).copied().filter(|s| !s.is_empty());
                let t = p[0];
                let off = content_text
                    .find(t)
                    .map(|b| u16len(&content_text[..b]))
                    .unwrap_or(0);
                let mut q = quantity(t, field(1), field(2), field(3), field(4));
                q.span.start += content.0 + off;
                q.span.end += content.0 + off;
                quantities.push(q);
            }
            let kind = if numeric {
                ClaimKind::Numeric
            } else if content_text.contains('“') || content_text.contains('"') {
                ClaimKind::Quote
            } else if has_src {
                ClaimKind::Statement
            } else {
                ClaimKind::Event
            };
            claims.push(Claim {
                id: format!("c{}", claims.len()),
                doc,
                kind,
                sentence: Span {
                    start: base,
                    end: base + u16len(&plain),
                    text: plain.clone(),
                },
                content: Span {
                    start: content.0,
                    end: content.1,
                    text: content_text,
                },
                pieces: pieces
                    .iter()
                    .map(|&(a, b)| Span {
                        start: a,
                        end: b,
                        text: slice(a, b),
                    })
                    .collect(),
                cue: None,
                source: has_src.then(|| Span {
                    start: src.0,
                    end: src.1,
                    text: slice(src.0, src.1),
                }),
                speaker,
                cited,
                quantities,
            });
            text.push_str(&plain);
            text.push(' ');
        }
        documents.push(Document {
            index: doc,
            name: format!("doc{d}"),
            title: String::new(),
            outlet: None,
            length: u16len(&text),
            boilerplate: vec![],
        });
    }
    Built {
        documents,
        entities,
        claims,
    }
}
