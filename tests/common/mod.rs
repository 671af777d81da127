//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod render;

use corroborate::{Article, Report};

/// The sample articles in `seeds/`, named by file name, in name order.
pub fn seed_articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Article::new(name, std::fs::read_to_string(p).expect("seed is UTF-8"))
        })
        .collect()
}

/// Checks every span of a report against the texts it was made from: `start <= end <=
/// length`, and `text` is exactly the UTF-16 slice.
pub fn check_spans(report: &Report, articles: &[Article]) {
    let units: Vec<Vec<u16>> = articles
        .iter()
        .map(|a| a.text.encode_utf16().collect())
        .collect();
    let check = |doc: u32, start: u32, end: u32, text: &str, what: &str| {
        let u = &units[doc as usize];
        assert!(
            start <= end && end as usize <= u.len(),
            "{what}: [{start},{end}) out of doc {doc} (len {})",
            u.len()
        );
        let slice = String::from_utf16(&u[start as usize..end as usize]).unwrap_or_else(|_| {
            panic!("{what}: [{start},{end}) cuts a surrogate pair in doc {doc}")
        });
        assert_eq!(slice, text, "{what}: [{start},{end}) of doc {doc}");
    };
    for (i, d) in report.documents.iter().enumerate() {
        assert_eq!(d.index as usize, i);
        assert_eq!(d.length as usize, units[i].len());
        for b in &d.boilerplate {
            check(
                d.index,
                b.span.start,
                b.span.end,
                &b.span.text,
                "boilerplate",
            );
        }
    }
    for e in &report.entities {
        for m in &e.mentions {
            check(
                m.doc,
                m.start,
                m.end,
                &m.text,
                &format!("mention of {}", e.name),
            );
        }
    }
    for c in &report.claims {
        let mut spans = vec![("sentence", &c.sentence), ("content", &c.content)];
        spans.extend(c.pieces.iter().map(|s| ("piece", s)));
        spans.extend(c.cue.iter().map(|s| ("cue", s)));
        spans.extend(c.source.iter().map(|s| ("source", s)));
        spans.extend(c.cited.iter().map(|s| ("cited", s)));
        spans.extend(c.quantities.iter().map(|q| ("quantity", &q.span)));
        for (what, s) in spans {
            check(c.doc, s.start, s.end, &s.text, &format!("{} {what}", c.id));
        }
    }
}
