//! A small markup for writing report-level claims by hand, for the table tests and the
//! threshold tuning set (`src/compare/pairs.tsv`, `bench-compare --tune`).
//!
//! An article is a list of lines, one claim each; the whole line is the claim's sentence.
//! `[Name]` marks an entity mention (every bracketed name is its own canonical entity, merged
//! across articles by name; `[Erdogan=Recep Tayyip Erdogan]` is a mention of the entity named
//! after the `=`, whose text is `Erdogan`; its type is `place` for a few listed places, `organization` for
//! names with `Ministry`, `CNN`, `Reuters` or `AP`, else `person`), `<...>` the source (the
//! speaker is the entity mentioned inside it), `{...}` the content, `^` before an entity marks
//! it as cited. Figures follow the sentence after `|`, as `text;value;qualifier;unit;event`
//! (empty fields are null; an empty value is an unknown unless the text has "thousands"),
//! several separated by `|`. The kind is `quote` when the content holds a quotation mark,
//! `statement` when there is a source, else `event`.

use crate::report::{Claim, Document, Entity, Mention, Quantity, Span};

/// Report-level data built from markup.
pub struct Built {
    /// One per article.
    pub documents: Vec<Document>,
    /// Entities merged by name.
    pub entities: Vec<Entity>,
    /// Claims, article then line order.
    pub claims: Vec<Claim>,
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
            let (markup, figs) = match line.split_once('|') {
                Some((m, f)) => (m, Some(f)),
                None => (*line, None),
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
                    '{' => content.0 = at,
                    '}' => content.1 = at,
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
            let content_text = slice(content.0, content.1);
            let mut quantities = Vec::new();
            for f in figs
                .unwrap_or("")
                .split('|')
                .filter(|f| !f.trim().is_empty())
            {
                let p: Vec<&str> = f.split(';').map(str::trim).collect();
                let field = |i: usize| p.get(i).filter(|s| !s.is_empty()).map(|s| s.to_string());
                let t = p[0];
                let off = content_text
                    .find(t)
                    .map(|b| u16len(&content_text[..b]))
                    .unwrap_or(0);
                quantities.push(Quantity {
                    span: Span {
                        start: content.0 + off,
                        end: content.0 + off + u16len(t),
                        text: t.to_string(),
                    },
                    value: field(1).and_then(|v| v.parse().ok()),
                    low: None,
                    high: None,
                    unknown: field(1).is_none() && !t.contains("thousands"),
                    qualifier: field(2),
                    unit: field(3),
                    event: field(4),
                });
            }
            let kind = if content_text.contains('“') || content_text.contains('"') {
                "quote"
            } else if has_src {
                "statement"
            } else {
                "event"
            };
            claims.push(Claim {
                id: format!("c{}", claims.len()),
                doc,
                kind: kind.to_string(),
                sentence: Span {
                    start: base,
                    end: base + u16len(&plain),
                    text: plain.clone(),
                },
                content: Span {
                    start: content.0,
                    end: content.1,
                    text: content_text.clone(),
                },
                pieces: vec![Span {
                    start: content.0,
                    end: content.1,
                    text: content_text,
                }],
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
