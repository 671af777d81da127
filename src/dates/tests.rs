//! Table tests for dates and times. Sentences are shaped after real news text.

use super::*;
use crate::text::prepare;

/// `text ~ kind ~ value ~ modifier` for every mention of `text`.
fn all_dates(text: &str) -> Vec<String> {
    let doc = prepare(text);
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        for d in find(&doc, s) {
            let a = doc.tokens[d.tokens.start].start;
            let b = doc.tokens[d.tokens.end - 1].end;
            out.push(format!(
                "{} ~ {} ~ {} ~ {}",
                &doc.text[a..b],
                if d.kind == DateKind::Date { "D" } else { "T" },
                d.value.as_deref().unwrap_or("?"),
                d.modifier.unwrap_or("-")
            ));
        }
    }
    out
}

#[test]
fn dates_table() {
    let cases: &[(&str, &[&str])] = &[
        // the shapes of the brief
        (
            "Azeris were killed on Tuesday in the fighting.",
            &["Tuesday ~ D ~ XXXX-WXX-2 ~ -"],
        ),
        (
            "They urged both sides to abide by a 9 a.m. cease-fire.",
            &["9 a.m. ~ T ~ T09:00 ~ -"],
        ),
        (
            "Pashinyan and Aliyev met Aug. 31 in Brussels.",
            &["Aug. 31 ~ D ~ XXXX-08-31 ~ -"],
        ),
        (
            "The war was halted in November 2020 when Putin brokered a truce.",
            &["November 2020 ~ D ~ 2020-11 ~ -"],
        ),
        ("The war ended in 2020.", &["2020 ~ D ~ 2020 ~ -"]),
        (
            "It was the worst fighting since the 2020 war.",
            &["2020 ~ D ~ 2020 ~ -"],
        ),
        (
            "Tensions have festered since the 1980s.",
            &["the 1980s ~ D ~ 198X ~ -"],
        ),
        (
            "It ended a six-week war two years ago.",
            &["two years ago ~ D ~ PAST_P2Y ~ -"],
        ),
        (
            "Michel met Pashinyan last month in Brussels.",
            &["last month ~ D ~ PAST_P1M ~ -"],
        ),
        (
            "Troops had occupied the districts since the early 1990s.",
            &["the early 1990s ~ D ~ 199X ~ START"],
        ),
        (
            "The bloodiest clashes took place in 1988-1994.",
            &["1988-1994 ~ D ~ 1988/1994 ~ -"],
        ),
        (
            "Armenia appealed under a 1997 mutual-defense treaty.",
            &["1997 ~ D ~ 1997 ~ -"],
        ),
        (
            "The document is dated 1996-08-22.",
            &["1996-08-22 ~ D ~ 1996-08-22 ~ -"],
        ),
        (
            "A ceasefire was broken after being enforced early on Tuesday.",
            &["early on Tuesday ~ D ~ XXXX-WXX-2 ~ START"],
        ),
        (
            "Fighting reignited early Tuesday.",
            &["early Tuesday ~ D ~ XXXX-WXX-2 ~ START"],
        ),
        (
            "The ministers spoke on Tuesday morning.",
            &["Tuesday morning ~ T ~ XXXX-WXX-2TMO ~ -"],
        ),
        (
            "The fighting began overnight at several points.",
            &["overnight ~ T ~ XXXX-XX-XXTNI ~ -"],
        ),
        (
            "Blinken called for an end to hostilities Monday night.",
            &["Monday night ~ T ~ XXXX-WXX-1TNI ~ -"],
        ),
        (
            "A ceasefire was to come into effect at 9 a.m. local time Tuesday, but it failed.",
            &["9 a.m. local time Tuesday ~ T ~ XXXX-WXX-2T09:00 ~ -"],
        ),
        (
            "Land lost in an earlier war 30 years before.",
            &["30 years before ~ D ~ BEFORE_P30Y ~ -"],
        ),
        (
            "In a previous war 30 years earlier.",
            &["30 years earlier ~ D ~ BEFORE_P30Y ~ -"],
        ),
        (
            "The two allies signed a defense pact last year.",
            &["last year ~ D ~ PAST_P1Y ~ -"],
        ),
        (
            "Since February, we have seen a collapse.",
            &["February ~ D ~ XXXX-02 ~ -"],
        ),
        (
            "Azerbaijani soldiers in Lachin (September 2022)",
            &["September 2022 ~ D ~ 2022-09 ~ -"],
        ),
        // more shapes
        (
            "The vote is on Tuesday, Sept. 13, 2022.",
            &["Tuesday, Sept. 13, 2022 ~ D ~ 2022-09-13 ~ -"],
        ),
        (
            "He was born on 22 August 1996.",
            &["22 August 1996 ~ D ~ 1996-08-22 ~ -"],
        ),
        (
            "Talks are set for Sept. 12-13 in Geneva.",
            &["Sept. 12-13 ~ D ~ XXXX-09-12/XXXX-09-13 ~ -"],
        ),
        (
            "The deadline is mid-September.",
            &["mid-September ~ D ~ XXXX-09 ~ MID"],
        ),
        ("Growth slowed in mid-2020.", &["mid-2020 ~ D ~ 2020 ~ MID"]),
        (
            "Prices rose by the end of 2020.",
            &["the end of 2020 ~ D ~ 2020 ~ END"],
        ),
        (
            "The blast happened at 21:30 on Friday.",
            &["21:30 on Friday ~ T ~ XXXX-WXX-5T21:30 ~ -"],
        ),
        (
            "The strike began at 0600 GMT.",
            &["0600 GMT ~ T ~ T06:00Z ~ -"],
        ),
        (
            "He spoke at 10:30 p.m. yesterday.",
            &["10:30 p.m. yesterday ~ T ~ PAST_P1DT22:30 ~ -"],
        ),
        (
            "The curfew starts at midnight.",
            &["midnight ~ T ~ T00:00 ~ -"],
        ),
        (
            "We will meet tomorrow morning.",
            &["tomorrow morning ~ T ~ FUTURE_P1DTMO ~ -"],
        ),
        (
            "Shelling resumed this morning.",
            &["this morning ~ T ~ THIS_P1DTMO ~ -"],
        ),
        (
            "Shelling resumed last night.",
            &["last night ~ T ~ PAST_P1DTNI ~ -"],
        ),
        (
            "The talks resume next week.",
            &["next week ~ D ~ FUTURE_P1W ~ -"],
        ),
        (
            "Earlier this year the talks stalled.",
            &["Earlier this year ~ D ~ THIS_P1Y ~ -"],
        ),
        (
            "It happened decades ago.",
            &["decades ago ~ D ~ PAST_PXDE ~ -"],
        ),
        (
            "It happened a year ago.",
            &["a year ago ~ D ~ PAST_P1Y ~ -"],
        ),
        (
            "Two hours later the sirens sounded.",
            &["Two hours later ~ T ~ AFTER_PT2H ~ -"],
        ),
        (
            "Rebels took the town the next day.",
            &["the next day ~ D ~ AFTER_P1D ~ -"],
        ),
        (
            "The empire collapsed in the 19th century.",
            &["the 19th century ~ D ~ 18XX ~ -"],
        ),
        (
            "Exports fell in the first quarter of 2020.",
            &["the first quarter of 2020 ~ D ~ 2020-Q1 ~ -"],
        ),
        (
            "The offensive started in the summer of 2014.",
            &["the summer of 2014 ~ D ~ 2014-SU ~ -"],
        ),
        ("Music of the '90s is back.", &["the '90s ~ D ~ 199X ~ -"]),
        (
            "Budgets for 2020-21 were cut.",
            &["2020-21 ~ D ~ 2020/2021 ~ -"],
        ),
        (
            "The war lasted from 1992 to 1995.",
            &["1992 to 1995 ~ D ~ 1992/1995 ~ -"],
        ),
        (
            "Elections were held between 2004 and 2008.",
            &["2004 and 2008 ~ D ~ 2004/2008 ~ -"],
        ),
        (
            "The letter is dated 03/04/2022.",
            &["03/04/2022 ~ D ~ ? ~ -"],
        ),
        (
            "The letter is dated 13/04/2022.",
            &["13/04/2022 ~ D ~ 2022-04-13 ~ -"],
        ),
        (
            "Troops arrived around 9 a.m. on Monday.",
            &["around 9 a.m. on Monday ~ T ~ XXXX-WXX-1T09:00 ~ APPROX"],
        ),
        ("In May, talks resumed.", &["May ~ D ~ XXXX-05 ~ -"]),
        ("He scored with 7:42 left in the first half.", &[]),
        ("Luck found Wayne with 4:08 to play.", &[]),
        (
            "The vote closed at 7:42 on Friday.",
            &["7:42 on Friday ~ T ~ XXXX-WXX-5T07:42 ~ -"],
        ),
        ("The economy grew 3% in 2019.", &["2019 ~ D ~ 2019 ~ -"]),
        (
            "He tweeted at three o'clock in the morning.",
            &["three o'clock ~ T ~ T03:00 ~ -"],
        ),
        (
            "The poll was conducted from Sept. 19 to 22.",
            &["Sept. 19 to 22 ~ D ~ XXXX-09-19/XXXX-09-22 ~ -"],
        ),
        (
            "This morning on Monday we met.",
            &[
                "This morning ~ T ~ THIS_P1DTMO ~ -",
                "Monday ~ D ~ XXXX-WXX-1 ~ -",
            ],
        ),
        // not dates
        ("May God help us all.", &[]),
        ("Russia deployed 2000 troops and 1500 tanks.", &[]),
        ("At least 2000 people died.", &[]),
        ("The score was 3-1 after 90 minutes.", &[]),
        ("March on Washington.", &[]),
        ("He spent the past two years in prison.", &[]),
        ("It rose 1.50 euros.", &[]),
        ("", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = all_dates(text);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!("{text:?}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn odd_input_never_panics() {
    let doc = prepare("On Tuesday.");
    assert!(find(&doc, 3).is_empty());
    for text in [
        "mid-",
        "mid-\u{1f600}",
        "the",
        "the 's",
        "Q",
        "Q9 2020",
        "H0",
        "2020-",
        "-2020",
        "12-",
        "31st of",
        "Sept.",
        "a.m.",
        "9 a.m",
        "99:99",
        "24:00",
        "0:00 p.m.",
        "13 p.m.",
        "2020-13",
        "2020-00-00",
        "99/99/9999",
        "1.2.3",
        "the 0th century",
        "the 99th century",
        "\u{0301}1990s",
        "'s",
        "early on",
        "last",
        "a few",
        "a few years",
        "several years later on the",
    ] {
        let doc = prepare(text);
        for s in 0..doc.sentences.len() {
            for d in find(&doc, s) {
                assert!(
                    d.tokens.start < d.tokens.end && d.tokens.end <= doc.tokens.len(),
                    "{text:?}"
                );
            }
        }
    }
}
