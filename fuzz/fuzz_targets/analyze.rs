//! Coverage-guided fuzzing of `corroborate::analyze` (nightly: `cargo +nightly fuzz run
//! analyze fuzz/corpus/analyze`). The input bytes go through the CLI's input check; text that
//! passes is split at form feeds into up to eight articles and analysed. Checked: no panic, no
//! error within the limits, every span's UTF-16 offsets slice back to its text, a claim's
//! content inside its sentence, JSON at most 400 bytes per input byte (plus 40 KB), and at most
//! 2 ms per input byte (plus 1 s) of wall time. The corpus is seeded with the sample articles
//! and long generated articles (`fuzz/seed-corpus.sh`).

#![no_main]

use std::time::{Duration, Instant};

use corroborate::{analyze, input, Article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = input::check(data) else { return };
    let articles: Vec<Article> = text
        .split('\u{c}')
        .take(8)
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}"), t))
        .collect();
    let start = Instant::now();
    let report = analyze(&articles).expect("within the limits");
    let took = start.elapsed();
    let units: Vec<Vec<u16>> = articles.iter().map(|a| a.text.encode_utf16().collect()).collect();
    let slice = |doc: u32, s: u32, e: u32| {
        String::from_utf16(&units[doc as usize][s as usize..e as usize]).expect("span on a char boundary")
    };
    for e in &report.entities {
        for m in &e.mentions {
            assert_eq!(slice(m.doc, m.start, m.end), m.text);
        }
    }
    for c in &report.claims {
        for s in [&c.sentence, &c.content].into_iter().chain(&c.pieces).chain(&c.cue).chain(&c.source) {
            assert_eq!(slice(c.doc, s.start, s.end), s.text);
        }
        assert!(c.sentence.start <= c.content.start && c.content.end <= c.sentence.end);
    }
    let bytes = data.len();
    let json = serde_json::to_string(&report).expect("serialises").len();
    assert!(json <= 40_000 + 400 * bytes, "{json} bytes of JSON for {bytes} bytes");
    assert!(took <= Duration::from_secs(1) + Duration::from_millis(2 * bytes as u64), "{took:?}");
});
