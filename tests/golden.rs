//! Golden test: the report for the sample articles in `seeds/`, exactly as the CLI prints it
//! and the page receives it, pinned down by small readable files in `tests/golden/` (see
//! `tests/common/render.rs` for their line format):
//! - one per seed article (`000_putin_calls_for_calm.txt`…): its names, claims and figures;
//! - `entities.txt`: the merged entities (the chips) and the articles mentioning each;
//! - `compare.txt`: each claim group (relation, why, member claims by article), the pairs,
//!   omissions and citations;
//! - `report.fingerprint`: the SHA-256 of the whole JSON report, so that a change the readable
//!   files do not show (an offset, say) still fails.
//!
//! After an intended change, rewrite them with `UPDATE_GOLDEN=1 cargo test --test golden` and
//! review the diff like code. Known-wrong output is recorded with a `# FIXME` line after the
//! line it is about; checks ignore those lines and a rewrite keeps them.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::render::{self, keep_fixmes, without_fixmes};
use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Writes `rendered` to `path`, keeping the `# FIXME` lines the file had.
fn rewrite(path: &Path, rendered: &str) {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    std::fs::write(path, keep_fixmes(rendered, &old)).unwrap();
}

/// The first line where `got` and `want` differ: (line number, got, want).
fn first_difference(got: &str, want: &str) -> (usize, String, String) {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let i = (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .unwrap_or(0);
    let at = |v: &[&str]| v.get(i).map_or("(end of file)".into(), |s| s.to_string());
    (i + 1, at(&g), at(&w))
}

#[test]
fn seeds_report_matches_golden() {
    let articles = common::seed_articles();
    let report = corroborate::analyze(&articles).expect("seeds are within limits");
    common::check_spans(&report, &articles);
    let files = render::readable(&report);
    let fingerprint = render::fingerprint(&report);
    let dir = golden_dir();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        for (name, text) in &files {
            rewrite(&dir.join(name), text);
        }
        std::fs::write(dir.join(render::FINGERPRINT), &fingerprint).unwrap();
        return;
    }
    let mut differ = Vec::new();
    for (name, text) in &files {
        let want = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let want = without_fixmes(&want);
        if *text != want {
            let (line, got, want) = first_difference(text, &want);
            differ.push(format!(
                "  tests/golden/{name} from line {line}:\n     got: {got}\n    want: {want}"
            ));
        }
    }
    let want_fp = std::fs::read_to_string(dir.join(render::FINGERPRINT)).unwrap_or_default();
    let fp_differs = fingerprint != want_fp;
    if differ.is_empty() && !fp_differs {
        return;
    }
    let mut msg = String::from("the seed report differs from its golden\n");
    if differ.is_empty() {
        msg.push_str(
            "  the readable goldens all match, but tests/golden/report.fingerprint does not: the \
             change is in what they do not show (UTF-16 offsets, pair overlaps, key order, number \
             formatting…); compare the CLI's report (`cargo run -q --bin corroborate -- *.txt` from seeds/) with the one before the change\n",
        );
    } else {
        msg.push_str("look at:\n");
        msg.push_str(&differ.join("\n"));
        msg.push('\n');
        if !fp_differs {
            msg.push_str(
                "  (tests/golden/report.fingerprint still matches: only the rendering changed)\n",
            );
        }
    }
    msg.push_str("if intended: UPDATE_GOLDEN=1 cargo test --test golden, then review the diff");
    panic!("{msg}");
}

/// The readable goldens cover every seed, and every claim appears in compare.txt.
#[test]
fn every_claim_is_in_compare() {
    let articles = common::seed_articles();
    let report = corroborate::analyze(&articles).unwrap();
    assert_eq!(report.documents.len(), render::SEED_GOLDENS.len());
    for (d, (seed, _)) in render::SEED_GOLDENS.iter().enumerate() {
        assert_eq!(&report.documents[d].name, seed);
    }
    let compare = render::compare(&report);
    for c in &report.claims {
        assert!(
            compare.contains(&format!("] {} ", c.id)),
            "{} missing from compare.txt",
            c.id
        );
    }
}

/// A rewrite keeps the `# FIXME` lines, each after the line it followed, and keeps one whose
/// line is gone at the end; a check ignores them.
#[test]
fn fixmes_survive_a_rewrite() {
    let articles = common::seed_articles();
    let report = corroborate::analyze(&articles).unwrap();
    let rendered = render::compare(&report);
    let first_group = rendered
        .lines()
        .position(|l| l.starts_with("g0 "))
        .expect("compare.txt has a g0");
    let mut lines: Vec<String> = rendered.lines().map(str::to_string).collect();
    lines.insert(
        first_group + 1,
        "  # FIXME: this group mixes two claims".into(),
    );
    lines.insert(0, "# FIXME: at the top".into());
    let marked = lines.join("\n") + "\n";
    assert_eq!(without_fixmes(&marked), rendered);

    let path = std::env::temp_dir().join(format!("corroborate-golden-{}.txt", std::process::id()));
    std::fs::write(&path, &marked).unwrap();
    rewrite(&path, &rendered);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after, marked,
        "a rewrite of unchanged output keeps the file as it was"
    );

    // the group's line changes (say its relation is fixed): its FIXME is kept at the end
    let changed = rendered.replacen("g0 ", "g0 changed ", 1);
    rewrite(&path, &changed);
    let after = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(after.starts_with("# FIXME: at the top\n"), "{after}");
    assert!(after.contains("\n  # FIXME: this group mixes two claims\n"));
    assert!(after.contains("# FIXME lines whose line is gone"));
    assert_eq!(without_fixmes(&after).trim_end(), changed.trim_end());
}

/// The fingerprint is the SHA-256 that `sha256sum` prints.
#[test]
fn sha256_matches_known_digests() {
    let sha = render::sha256_hex;
    assert_eq!(
        sha(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let long = "a".repeat(1000);
    assert_eq!(
        sha(long.as_bytes()),
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
    );
}

/// What the wasm boundary tests rely on: the report read back from its JSON, with whole
/// numbers written as JavaScript writes them (`49` for `49.0`), renders the same readable
/// goldens. (Written again it may differ in the last bit of a ratio: serde_json's default
/// float parsing is not exact, so the wasm tests check the bytes through `analyzeJson`.)
#[test]
fn report_read_back_renders_the_same() {
    fn as_javascript_writes(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) => {
                if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15) {
                    *v = serde_json::Value::from(f as i64);
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(as_javascript_writes),
            serde_json::Value::Object(o) => o.values_mut().for_each(as_javascript_writes),
            _ => {}
        }
    }
    let articles = common::seed_articles();
    let report = corroborate::analyze(&articles).unwrap();
    let mut value = serde_json::to_value(&report).unwrap();
    as_javascript_writes(&mut value);
    let text = value.to_string();
    assert!(
        text.contains("\"value\":49}"),
        "whole numbers written as integers"
    );
    let back: corroborate::Report = serde_json::from_str(&text).unwrap();
    for ((name, want), (_, got)) in render::readable(&report)
        .into_iter()
        .zip(render::readable(&back))
    {
        let (line, got, want) = first_difference(&got, &want);
        assert!(got == want, "{name} line {line}: {got} vs {want}");
    }
}
