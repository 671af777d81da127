//! Claims through the whole pipeline, as tables: who said it (the speaker entity, resolved from
//! names, titles, pronouns, capitals and continuations), what was cited, and numeric claims.
//! Each case is a sentence shape taken from wire copy, with names from the sample articles'
//! world; none is a sample sentence.

#![cfg(not(target_arch = "wasm32"))]

use corroborate::report::{Claim, ClaimKind, Report};
use corroborate::{analyze, Article};

fn run(text: &str) -> Report {
    analyze(&[Article::new("a.txt", text)]).expect("within limits")
}

fn claim_with<'r>(r: &'r Report, content: &str) -> &'r Claim {
    r.claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Quote | ClaimKind::Statement))
        .find(|c| {
            c.content.text.contains(content) || c.pieces.iter().any(|p| p.text.contains(content))
        })
        .unwrap_or_else(|| panic!("no claim with {content:?}:\n{}", describe(r)))
}

fn speaker_name(r: &Report, c: &Claim) -> Option<String> {
    let id = c.speaker.as_deref()?;
    r.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.clone())
}

fn describe(r: &Report) -> String {
    r.claims
        .iter()
        .map(|c| {
            format!(
                "{} [{}] source {:?} speaker {:?}: {}",
                c.id,
                c.kind,
                c.source.as_ref().map(|s| s.text.as_str()),
                speaker_name(r, c),
                c.content.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn speakers_table() {
    // (text, part of the claim's content, speaker entity's name, source text)
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        // a name with its role
        (
            "Kremlin spokesman Dmitry Peskov told reporters that Moscow was worried about the fighting.",
            "Moscow was worried",
            Some("Dmitry Peskov"),
            Some("Kremlin spokesman Dmitry Peskov"),
        ),
        // a quote going on in the next paragraph with no attribution of its own
        (
            "\u{201c}Nobody wants a war on the border,\u{201d} Kremlin spokesman Dmitry Peskov said.\n\n\u{201c}The president is doing all he can to calm the sides.\u{201d}\n\nTalks continued on Wednesday.",
            "The president is doing all he can",
            Some("Dmitry Peskov"),
            None,
        ),
        // "he added" takes the previous speaker
        (
            "\u{201c}There can be no military solution,\u{201d} U.S. Secretary of State Antony Blinken said on Tuesday. \u{201c}We urge both sides to stop,\u{201d} he added.",
            "We urge both sides to stop",
            Some("Antony Blinken"),
            Some("he"),
        ),
        // a capital standing for its government
        (
            "Armenia and Azerbaijan blamed each other. Yerevan said Azerbaijan had shelled towns near the border.",
            "Azerbaijan had shelled towns",
            Some("Armenia"),
            Some("Yerevan"),
        ),
        // a country's ministry, written with a possessive
        (
            "Azerbaijan's foreign ministry said Armenia bore full responsibility for the clashes.",
            "Armenia bore full responsibility",
            Some("Foreign Ministry (Azerbaijan)"),
            Some("Azerbaijan\u{2019}s foreign ministry"),
        ),
        // a title without a name: the person last given that title
        (
            "Armenian Prime Minister Nikol Pashinyan spoke to Vladimir Putin on Tuesday. Later the premier's office said talks would resume on Friday.",
            "talks would resume",
            Some("Nikol Pashinyan"),
            Some("the premier's office"),
        ),
        // "it" after an organisation that spoke
        (
            "The Azerbaijani defence ministry said its positions had come under fire. It said it had sustained losses.",
            "it had sustained losses",
            Some("Defence Ministry (Azerbaijan)"),
            Some("It"),
        ),
        // "he also …" goes on with the previous speaker, whatever its kind
        (
            "Azerbaijan said Armenian sabotage units had tried to mine its positions.\n\nHe also accused Armenian troops of firing heavy weapons.",
            "Armenian troops of firing heavy weapons",
            Some("Azerbaijan"),
            Some("He"),
        ),
        // a name opening the sentence is the antecedent of "it" in it
        (
            "Russia and Turkey sent envoys.\n\nMoscow then deployed around 2,000 troops in the region, whom it calls peacekeeping forces.",
            "peacekeeping forces",
            Some("Russia"),
            Some("it"),
        ),
        // a resumptive pronoun right after a name
        (
            "Azerbaijan said its positions were shelled.\n\nPrime Minister Nikol Pashinyan he also talked about the crisis with Charles Michel.",
            "the crisis with",
            Some("Nikol Pashinyan"),
            Some("he"),
        ),
        // a nationality modifying a title is not the antecedent of "it"
        (
            "Azerbaijan's foreign ministry said Armenia was to blame. Armenian Prime Minister Nikol Pashinyan accused Azerbaijan of attacking towns. It said it sustained losses.",
            "it sustained losses",
            Some("Foreign Ministry (Azerbaijan)"),
            Some("It"),
        ),
        // a passive with no source
        (
            "Fighting broke out overnight. It was reported that several villages had been hit by shells.",
            "several villages had been hit",
            None,
            None,
        ),
    ];
    for (text, content, speaker, source) in cases {
        let r = run(text);
        let c = claim_with(&r, content);
        assert_eq!(
            speaker_name(&r, c).as_deref(),
            *speaker,
            "{text}\n{}",
            describe(&r)
        );
        if let Some(s) = source {
            let got = c.source.as_ref().map(|x| x.text.replace('\'', "\u{2019}"));
            assert_eq!(
                got.as_deref(),
                Some(s.replace('\'', "\u{2019}").as_str()),
                "{text}"
            );
        }
    }
}

#[test]
fn cited_sources_are_provenance_not_speakers() {
    let r = run(
        "\u{201c}It is difficult to overestimate the role of Russia,\u{201d} Kremlin spokesman Dmitry Peskov said, according to Reuters.",
    );
    let c = claim_with(&r, "difficult to overestimate");
    assert_eq!(speaker_name(&r, c).as_deref(), Some("Dmitry Peskov"));
    assert!(
        c.cited.iter().any(|s| s.text.contains("Reuters")),
        "{:?}",
        c.cited
    );
}

#[test]
fn numeric_claims_table() {
    // (text, figure text, value, qualifier, unknown, counted thing contains, event)
    type Case = (
        &'static str,
        &'static str,
        Option<f64>,
        Option<&'static str>,
        bool,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        (
            "At least 49 Armenian soldiers were killed in the clashes, the government said.",
            "49",
            Some(49.0),
            Some("at least"),
            false,
            Some("soldiers"),
            Some("kill"),
        ),
        (
            "Moscow deployed around 2,000 troops in the region after the war.",
            "2,000",
            Some(2000.0),
            Some("around"),
            false,
            Some("troops"),
            Some("deploy"),
        ),
        (
            "The ministry said it sustained losses but did not disclose the number of casualties.",
            "did not disclose",
            None,
            None,
            true,
            None,
            None,
        ),
        (
            "Baku reported deaths among Azerbaijani troops, without giving numbers.",
            "without giving numbers",
            None,
            None,
            true,
            Some("troops"),
            None,
        ),
        (
            "An undisclosed number of Azeris were also killed, officials said.",
            "undisclosed number",
            None,
            None,
            true,
            Some("Azeris"),
            Some("kill"),
        ),
    ];
    for (text, figure, value, qualifier, unknown, unit, event) in cases {
        let r = run(text);
        let q = r
            .claims
            .iter()
            .flat_map(|c| c.quantities.iter())
            .find(|q| q.span.text.contains(figure))
            .unwrap_or_else(|| panic!("{text}: no figure {figure:?}\n{}", describe(&r)));
        assert_eq!(q.value, *value, "{text}");
        assert_eq!(q.unknown, *unknown, "{text}");
        assert_eq!(
            q.qualifier.as_deref().map(str::to_lowercase).as_deref(),
            *qualifier,
            "{text}"
        );
        if let Some(u) = unit {
            assert!(
                q.unit.as_deref().is_some_and(|x| x.contains(u)),
                "{text}: unit {:?}",
                q.unit
            );
        }
        if let Some(e) = event {
            assert_eq!(q.event.as_deref(), Some(*e), "{text}");
        }
    }
}

#[test]
fn a_withheld_toll_is_one_numeric_claim_with_its_speaker() {
    let r = run(
        "Azerbaijan's defence ministry said its positions came under fire. It said it sustained losses but did not disclose the number of casualties.",
    );
    assert!(
        !r.claims
            .iter()
            .any(|c| c.kind != ClaimKind::Numeric && c.content.text == "the number of casualties"),
        "{}",
        describe(&r)
    );
    let n = r
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Numeric && c.quantities.iter().any(|q| q.unknown))
        .unwrap_or_else(|| panic!("{}", describe(&r)));
    assert_eq!(
        speaker_name(&r, n).as_deref(),
        Some("Defence Ministry (Azerbaijan)")
    );
}
