//! The command line: good files are reported on, bad ones get one line naming them and a
//! non-zero exit, and `-` reads standard input.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bad_files_are_named_and_the_rest_reported() {
    let good = temp(
        "good.txt",
        "Prime Minister Nikol Pashinyan said 49 soldiers were killed.".as_bytes(),
    );
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", "binary"),
        ("latin1.txt", b"caf\xe9 au lait", "not UTF-8"),
        (
            "page.html",
            b"<!doctype html><html><body><p>Hi.</p></body></html>",
            "HTML",
        ),
        ("lone.txt", b"\xff\xfeH\0\0\xd8", "not UTF-16"),
    ];
    for (name, bytes, msg) in cases {
        let bad = temp(name, bytes);
        let out = bin()
            .args(["--format", "json"])
            .arg(&bad)
            .arg(&good)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(msg), "{name}: {err}");
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("report for the good file");
        assert_eq!(report["documents"].as_array().unwrap().len(), 1);
        assert_eq!(report["schema"], "corroborate/report@1");
    }
    let missing = bin().arg("/nonexistent/file.txt").output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/file.txt: cannot read"));
    assert!(missing.stdout.is_empty());
}

#[test]
fn stdin_and_markdown() {
    let mut child = bin()
        .args(["--format", "markdown", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "Kremlin spokesman Dmitry Peskov told reporters that talks had failed.".as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Corroborate report"), "{md}");
    assert!(md.contains("Dmitry Peskov"), "{md}");
}

#[test]
fn usage_errors() {
    assert_eq!(bin().output().unwrap().status.code(), Some(2));
    assert_eq!(
        bin()
            .args(["--format", "xml", "a.txt"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin().arg("--bogus").output().unwrap().status.code(),
        Some(2)
    );
}

#[test]
fn options_file_applies_entity_edits() {
    let article = temp(
        "edits.txt",
        "Russian President Vladimir Putin spoke on Tuesday. Putin said Moscow would help."
            .as_bytes(),
    );
    let options = temp(
        "options.json",
        br#"{"edits": [{"split": "Vladimir Putin"}]}"#,
    );
    let out = bin()
        .arg("--options")
        .arg(&options)
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Putin") && names.contains(&"Vladimir Putin"),
        "{names:?}"
    );

    // A malformed options file is a usage error naming the file; nothing is printed.
    let bad = temp("bad-options.json", br#"{"edits": [{"join": ["a"]}]}"#);
    let out = bin()
        .arg("--options")
        .arg(&bad)
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-options.json"));
}

/// The bytes of a case of `tests/fixtures/input-check.json`: `pad` letters, then `hex`.
fn fixture_bytes(case: &serde_json::Value) -> Vec<u8> {
    let mut bytes = vec![b'a'; case["pad"].as_u64().unwrap_or(0) as usize];
    let hex = case["hex"].as_str().unwrap();
    for i in (0..hex.len()).step_by(2) {
        bytes.push(u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
    }
    bytes
}

#[test]
fn refused_files_are_worded_as_the_page_words_them() {
    // The same cases and words as tests/e2e/input-check.spec.js: the page runs this check too.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/input-check.json")).unwrap();
    let good = temp(
        "good-for-fixture.txt",
        b"Nikol Pashinyan said 49 soldiers were killed.",
    );
    let cases = fixture["refused"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let bad = temp(name, &fixture_bytes(case));
        let out = bin().arg(&bad).arg(&good).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        let want = format!(
            "corroborate: {}: {}\n",
            bad.display(),
            case["message"].as_str().unwrap()
        );
        assert_eq!(err, want, "{name}");
    }
}

#[test]
fn utf16_with_bom_is_read() {
    let mut bytes = vec![0xff, 0xfe];
    for u in "Prime Minister Nikol Pashinyan said 49 soldiers were killed.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let f = temp("utf16.txt", &bytes);
    let out = bin().arg(&f).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Pashinyan"));
}

#[cfg(unix)]
#[test]
fn fifo_is_refused_and_later_files_reported() {
    let dir = std::env::temp_dir().join(format!("corroborate-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let good = temp(
        "after-fifo.txt",
        b"Officials in Baku said 12 soldiers were killed.",
    );
    let mut child = bin()
        .arg(&fifo)
        .arg(&good)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // no writer ever opens the FIFO: the run must still end, within seconds
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed().as_secs() < 20, "the CLI hangs on a FIFO");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Baku"));
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_are_reported() {
    let good = temp(
        "full.txt",
        b"Officials in Baku said 12 soldiers were killed.",
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin().arg(&good).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write the report"), "{err}");
}
