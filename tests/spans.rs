//! Every span of every report slices back to its text, for the seeds and for hostile text:
//! emoji, combining marks, CRLF, right-to-left scripts, byte order marks, stray quotes.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use corroborate::{analyze, Article};
use proptest::prelude::*;

fn check(texts: &[&str]) {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}"), *t))
        .collect();
    let report = analyze(&articles).expect("within limits");
    common::check_spans(&report, &articles);
}

#[test]
fn seed_spans_slice_back() {
    let articles = common::seed_articles();
    let report = analyze(&articles).unwrap();
    common::check_spans(&report, &articles);
    assert!(!report.entities.is_empty() && !report.claims.is_empty());
}

#[test]
fn hostile_text_table() {
    let cases: &[&str] = &[
        "",
        "\u{feff}",
        "\u{feff}Kremlin spokesman Dmitry Peskov said on Tuesday that 😀 talks in Moscow had failed.",
        "President 👩\u{200d}👩\u{200d}👧 Emmanuel Macron said: “We will act.”\r\n\r\nHe added that France would raise it at the U.N. Security Council.",
        "Cafe\u{301} owners in Paris said 49 people were killed. Ame\u{301}lie Dupont said “no”.",
        "قال الرئيس إن 49 جنديا قتلوا. Prime Minister Nikol Pashinyan said “Azerbaijan’s attacks continue,” he told lawmakers.",
        "“Unclosed quote by Vladimir Putin said\n“another one” and ' stray ' marks «guillemets» said Reuters''",
        "\r\n\r\n\r\n",
        "<script>alert(1)</script><img src=x onerror=alert(1)> said John Smith.",
        "𝐔𝐧𝐢𝐜𝐨𝐝𝐞 𝐛𝐨𝐥𝐝 said Jane Doe, at least 5 killed in 𝓕𝓻𝓪𝓷𝓬𝓮.",
    ];
    for case in cases {
        check(&[case]);
    }
    check(cases);
}

fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Nikol Pashinyan",
        "said",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        "U.S.",
        "at least",
        "49",
        "2,000",
        "soldiers",
        "killed",
        "Tuesday",
        ".",
        ",",
        "\r\n",
        "\n\n",
        "😀",
        "e\u{301}",
        "שלום",
        "\u{feff}",
        "according to",
        "Reuters",
        "he added",
        "(CSTO)",
        "Collective Security Treaty Organization",
        "–",
        "…",
        "Check Also",
        "Leave a Reply",
        "Aug. 31",
        "9 a.m.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn random_news_like_text_slices_back(a in newsy(), b in newsy()) {
        check(&[&a, &b]);
    }

    #[test]
    fn arbitrary_unicode_never_panics(a in "\\PC{0,200}") {
        check(&[&a]);
    }
}
