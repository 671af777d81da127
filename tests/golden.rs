//! Golden test: the report for the sample articles in `seeds/`, exactly as the CLI prints it
//! and the page receives it, checked into `tests/golden/seeds.report.json`.
//!
//! After an intended change, rewrite it with `UPDATE_GOLDEN=1 cargo test --test golden` and
//! review the diff like code.

#![cfg(not(target_arch = "wasm32"))]

mod common;

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/seeds.report.json"
);

#[test]
fn seeds_report_matches_golden() {
    let articles = common::seed_articles();
    let report = corroborate::analyze(&articles).expect("seeds are within limits");
    common::check_spans(&report, &articles);
    let got = serde_json::to_string_pretty(&report).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "the seed report differs from {GOLDEN} from line {}:\n got: {}\nwant: {}\n(if intended: UPDATE_GOLDEN=1 cargo test --test golden, then review the diff)",
            first + 1,
            got.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}
