//! Stable-toolchain generator run (CI runs it with `cargo test`): deterministic pseudo-random
//! articles built from the shapes that once broke the core's cost (news, long unpunctuated
//! lines, dense claims, "X said Y said" chains, mixed Unicode, quotes left open) are analysed
//! for a bounded time (`CORROBORATE_GEN_SECONDS`, default 20). Each must come back without a
//! panic, with every span slicing back to its text, a note for every cut run, JSON no larger
//! than a fixed multiple of the input, and a time per byte under a generous bound (debug
//! build). The coverage-guided twin is `fuzz/fuzz_targets/analyze.rs` (`cargo +nightly fuzz`).
//! Any input found slow or failing becomes a case in `regressions` below.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use corroborate::{analyze, Article};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Aliyev",
    "Pashinyan",
    "Putin",
    "the ministry",
    "said",
    "told Reuters",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "added",
    "49",
    "at least 105",
    "soldiers",
    "were killed",
    "on",
    "Tuesday",
    "in",
    "Lachin",
    "the",
    "Prime Minister",
    "spokesman",
    " ",
    " ",
    " ",
    ",",
    ".",
    ". ",
    "! ",
    "? ",
    ":",
    ";",
    "\u{2014}",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "''",
    "\n",
    "\n\n",
    "e\u{301}",
    "\u{1f600}",
    "\u{200d}",
    "\u{202e}",
    "\u{2028}",
    "\u{a0}",
    "\u{663}",
    "\u{4e2d}",
    "\u{5e9}",
    "\u{fffd}",
    "\u{feff}",
    "U.S.",
    "Mr.",
    "a.m.",
    "(",
    ")",
    "\u{2026}",
    "did not disclose the number of casualties",
    "RELATED:",
    "Photo:",
    "$5 million",
    "50%",
];

fn article(rng: &mut Lcg, bytes: usize) -> String {
    let mut s = String::new();
    let shape = rng.next() % 4;
    while s.len() < bytes {
        let p = rng.pick(PIECES);
        // shape 1: no sentence punctuation at all; shape 2: one word over and over
        match shape {
            1 if matches!(p, "." | ". " | "! " | "? " | "\n" | "\n\n") => continue,
            2 => s.push_str("said "),
            _ => s.push_str(p),
        }
        if !matches!(p, " " | "\n" | "\n\n") && rng.next() % 2 == 0 {
            s.push(' ');
        }
    }
    s
}

fn check(articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let start = Instant::now();
    let report = analyze(articles).expect("generated articles are within the limits");
    let took = start.elapsed();
    common::check_spans(&report, articles);
    // a claim's content never reaches beyond its sentence
    for c in &report.claims {
        assert!(
            c.content.start >= c.sentence.start && c.content.end <= c.sentence.end,
            "{} content {:?} outside sentence {}..{}",
            c.id,
            c.content.text,
            c.sentence.start,
            c.sentence.end
        );
    }
    let json = serde_json::to_string(&report).expect("serialises").len();
    // Claims repeat their sentence (at most 120 tokens): output stays proportional to input.
    assert!(
        json <= 40_000 + 400 * bytes,
        "{json} bytes of JSON for {bytes} bytes of input"
    );
    // Debug build, shared machine: 200 µs per byte is ~100x the release build's cost.
    assert!(
        took <= Duration::from_millis(500) + Duration::from_micros(200 * bytes as u64),
        "{took:?} for {bytes} bytes"
    );
}

#[test]
fn generated_articles_for_a_bounded_time() {
    let seconds: u64 = std::env::var("CORROBORATE_GEN_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut rng = Lcg(2026);
    let mut runs = 0;
    while Instant::now() < deadline || runs < 5 {
        let n = 1 + (rng.next() % 3) as usize;
        let articles: Vec<Article> = (0..n)
            .map(|i| {
                let size = 200 + (rng.next() % 6_000) as usize;
                Article::new(format!("gen{runs}-{i}"), article(&mut rng, size))
            })
            .collect();
        check(&articles);
        runs += 1;
    }
    eprintln!("generated runs: {runs}");
}

/// Inputs that were slow or failing (issue #13's classes), at sizes a debug test can afford.
#[test]
fn regressions() {
    let long_line = "Aliyev said that troops moved near the border and ".repeat(400);
    let dense =
        "Pashinyan said that at least 49 soldiers were killed near Lachin while ".repeat(300);
    let chain = "Aliyev said Pashinyan said Putin said. ".repeat(500);
    for (name, text) in [("long-line", long_line), ("dense", dense), ("chain", chain)] {
        let a = [Article::new(name, text)];
        check(&a);
    }
    // a long unpunctuated run is cut, and the report says so
    let a = [Article::new("cut", "word ".repeat(1000))];
    let report = analyze(&a).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("cut into sentences")),
        "{:?}",
        report.notes
    );
    assert!(report
        .claims
        .iter()
        .all(|c| c.content.start >= c.sentence.start && c.content.end <= c.sentence.end));
}
