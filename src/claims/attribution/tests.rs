//! Table tests: sentence shapes from news text, with the spans each must yield.

use super::*;
use crate::text::prepare;

/// (text, [(content, cue, source, form)]) — spans given as the text they cover; "" = None.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str, Form)],
);

fn run(text: &str) -> Vec<(String, String, String, Form)> {
    let p = prepare(text);
    find(&p)
        .into_iter()
        .map(|a| {
            let s = |r: Option<Range<usize>>| r.map(|r| text[r].to_string()).unwrap_or_default();
            (
                text[a.content.clone()].to_string(),
                s(a.cue),
                s(a.source),
                a.form,
            )
        })
        .collect()
}

#[test]
fn table() {
    use Form::*;
    let cases: &[Case] = &[
        (
            "The talks went on for hours.\n\n\u{201c}It is difficult to overestimate the role of Putin,\u{201d} Kremlin spokesman Dmitry Peskov told reporters.",
            &[("\u{201c}It is difficult to overestimate the role of Putin,\u{201d}", "told", "Kremlin spokesman Dmitry Peskov", Direct)],
        ),
        (
            "The talks went on for hours.\n\nBroers said: \u{201c}We have been seeing the collapse of Russia\u{2019}s reputation.\u{201d}",
            &[("\u{201c}We have been seeing the collapse of Russia\u{2019}s reputation.\u{201d}", "said", "Broers", Direct)],
        ),
        (
            "The talks went on for hours.\n\n\u{201c}We are calling for an immediate end to all military operations,\u{201d} he added.",
            &[("\u{201c}We are calling for an immediate end to all military operations,\u{201d}", "added", "he", Direct)],
        ),
        (
            "The talks went on for hours.\n\n\u{201c}Since February, we have seen a collapse,\u{201d} Broers said. \u{201c}That has created a window of opportunity.\u{201d}",
            &[("\u{201c}Since February, we have seen a collapse,\u{201d} Broers said. \u{201c}That has created a window of opportunity.\u{201d}", "said", "Broers", Direct)],
        ),
        (
            "The talks went on for hours.\n\n\u{201c}It is late,\u{201d} said Kremlin spokesman Dmitry Peskov.",
            &[("\u{201c}It is late,\u{201d}", "said", "Kremlin spokesman Dmitry Peskov", Direct)],
        ),
        (
            "The talks went on for hours.\n\nYerevan said Azerbaijan had shelled towns near the border, forcing it to respond.",
            &[("Azerbaijan had shelled towns near the border, forcing it to respond", "said", "Yerevan", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nThe minister said on Tuesday that the talks would go on.",
            &[("that the talks would go on", "said", "The minister", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nRussia\u{2019}s war has undermined its status, according to Laurence Broers, associate fellow at Chatham House.",
            &[("Russia\u{2019}s war has undermined its status", "according to", "Laurence Broers", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nAccording to the ministry, 49 soldiers were killed.",
            &[("49 soldiers were killed", "According to", "the ministry", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nThe Kremlin accused Kyiv of shelling the plant.",
            &[("Kyiv of shelling the plant", "accused", "The Kremlin", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nThe ministry urged Armenia to \u{201c}cease its provocations\u{201d}.",
            &[("Armenia to \u{201c}cease its provocations\u{201d}", "urged", "The ministry", Mixed)],
        ),
        (
            "The talks went on for hours.\n\nThe heads of both firms told AP they concluded there was no obligation.",
            &[
                ("they concluded there was no obligation", "told", "The heads of both firms", Indirect),
                ("there was no obligation", "concluded", "they", Indirect),
            ],
        ),
        (
            "The talks went on for hours.\n\nThe army lost 49 soldiers, the defence ministry said in a statement.",
            &[("The army lost 49 soldiers", "said", "the defence ministry", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nIt was reported that the agreement was severed minutes later.",
            &[("that the agreement was severed minutes later", "reported", "", Indirect)],
        ),
        (
            "The talks went on for hours.\n\nMorton Blackwell, the committeeman from Virginia, told AFP the rules would change.",
            &[("the rules would change", "told", "Morton Blackwell, the committeeman from Virginia", Indirect)],
        ),
        (
            "The talks went on for hours.\n\n\u{2013} As we made it clear long ago, there can be no military solution \u{2013} he said.",
            &[("As we made it clear long ago, there can be no military solution", "said", "he", Indirect)],
        ),
        (
            "Sanders: \u{2018}We will win in Iowa\u{2019}\n\nThe talks went on for hours in the capital on Monday, officials said.",
            &[
                ("\u{2018}We will win in Iowa\u{2019}", ":", "Sanders", Direct),
                ("The talks went on for hours in the capital on Monday", "said", "officials", Indirect),
            ],
        ),
        (
            "The talks went on for hours.\n\nThe president rejected the plan, saying it was \u{201c}dead on arrival.\u{201d}",
            &[
                ("the plan", "rejected", "The president", Indirect),
                ("it was \u{201c}dead on arrival.\u{201d}", "saying", "The president", Mixed),
            ],
        ),
    ];
    let mut failed = Vec::new();
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<(String, String, String, Form)> = want
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), *d))
            .collect();
        if got != want {
            failed.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn continuation_paragraph() {
    let text = "Headline about talks\n\n\u{201c}It is difficult to overestimate the role of Putin,\u{201d} Kremlin spokesman Dmitry Peskov told reporters.\n\n\u{201c}The president is naturally making every effort to help de-escalate tensions.\u{201d}\n\nThe CSTO met on Tuesday.";
    let p = prepare(text);
    let got = find(&p);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].continues, Some(0));
    assert_eq!(&text[got[1].content.clone()], "\u{201c}The president is naturally making every effort to help de-escalate tensions.\u{201d}");
    assert_eq!(got[1].form, Form::Direct);
}

#[test]
fn quote_over_paragraphs() {
    let text = "Headline about talks\n\nHe said: \u{201c}We will not stop.\n\n\u{201c}We will go on.\u{201d}\n\nThe CSTO met on Tuesday.";
    let p = prepare(text);
    let got = find(&p);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        &text[got[0].content.clone()],
        "\u{201c}We will not stop.\n\n\u{201c}We will go on.\u{201d}"
    );
}

#[test]
fn cited_outlets() {
    let text = "Headline about talks\n\n\u{201c}It is late,\u{201d} Peskov said, according to Reuters.\n\nThe ceasefire failed within minutes, CNN reported.";
    let p = prepare(text);
    let got = find(&p);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0]
            .cited
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>(),
        ["Reuters"]
    );
    assert_eq!(
        got[1]
            .cited
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>(),
        ["CNN"]
    );
}

#[test]
fn messy_text_never_panics() {
    let texts = [
        "\u{feff}\u{201c}Unclosed quote he said",
        "\"\"\"\" said said said",
        "'' '' ' ' \u{2019}\u{2019} according to",
        "according to",
        "said",
        ", said X",
        "\u{ab}Bonjour\u{bb}, a-t-il dit. \u{201c}\u{201c}\u{201d}",
        "He said: \u{201c}",
        "X: \u{2018}",
        "",
        "\n\n\n",
        "A \u{1f600} said \u{201c}\u{1f600}\u{201d} he told \u{201c} she added.",
    ];
    for t in texts {
        let p = prepare(t);
        for a in find(&p) {
            assert!(a.content.start <= a.content.end && a.content.end <= t.len());
            assert!(t.is_char_boundary(a.content.start) && t.is_char_boundary(a.content.end));
        }
    }
}
