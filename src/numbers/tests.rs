//! Table tests for figures and their compatibility. Sentences are shaped after real news text.

use super::*;
use crate::text::prepare;

fn fmt_bound(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_infinite() => "inf".into(),
        Some(x) => fmt_num(x),
        None => "?".into(),
    }
}

/// `text ~ number ~ kind ~ value ~ interval ~ qualifier ~ unit ~ event`, `-` for none.
fn describe(doc: &Prepared, f: &Figure) -> String {
    let span = |r: &Range<usize>| -> String {
        match (
            doc.tokens.get(r.start),
            r.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if r.end > r.start => doc.text[a.start..b.end].to_string(),
            _ => String::new(),
        }
    };
    let kind = match f.kind {
        NumKind::Quantity => "Q",
        NumKind::Money => "M",
        NumKind::Percent => "P",
    };
    let value = if f.unknown {
        "unknown".to_string()
    } else {
        fmt_bound(f.value)
    };
    let interval = if f.unknown {
        "?".to_string()
    } else {
        format!(
            "{}{},{}{}",
            if f.low_open { "(" } else { "[" },
            fmt_bound(f.low),
            fmt_bound(f.high),
            if f.high_open { ")" } else { "]" }
        )
    };
    format!(
        "{} ~ {} ~ {} ~ {} ~ {} ~ {} ~ {} ~ {}",
        span(&f.tokens),
        span(&f.number),
        kind,
        value,
        interval,
        f.qualifier.unwrap_or("-"),
        f.unit.as_deref().unwrap_or("-"),
        f.event.as_deref().unwrap_or("-"),
    )
}

fn all_figures(text: &str) -> Vec<String> {
    let doc = prepare(text);
    (0..doc.sentences.len())
        .flat_map(|s| find(&doc, s))
        .map(|f| describe(&doc, &f))
        .collect()
}

#[test]
fn figures_table() {
    let cases: &[(&str, &[&str])] = &[
        // the shapes of the brief
        (
            "At least 49 Armenian soldiers and an undisclosed number of Azeris were killed on Tuesday.",
            &[
                "At least 49 Armenian soldiers ~ 49 ~ Q ~ 49 ~ [49,inf) ~ at least ~ Armenian soldiers ~ kill",
                "an undisclosed number of Azeris ~ an undisclosed number ~ Q ~ unknown ~ ? ~ - ~ Azeris ~ kill",
            ],
        ),
        // speeds, and the whole a part is counted of
        (
            "It was travelling at about 140 km/h where the limit is 80 kilometres per hour.",
            &[
                "about 140 km/h ~ 140 ~ Q ~ 140 ~ [126,154] ~ around ~ km/h ~ -",
                "80 kilometres per hour ~ 80 ~ Q ~ 80 ~ (79.5,80.5) ~ - ~ km/h ~ -",
            ],
        ),
        // an event word between the number and the counted noun
        (
            "Staff said they had admitted 87 injured people since the quake.",
            &["87 injured people ~ 87 ~ Q ~ 87 ~ [87,87] ~ - ~ injured people ~ wound"],
        ),
        // earthquake magnitudes, the scale before or after the reading
        (
            "A magnitude 6.1 earthquake struck, and it was later measured at magnitude 6.4.",
            &[
                "magnitude 6.1 ~ 6.1 ~ Q ~ 6.1 ~ (6.05,6.15) ~ - ~ magnitude ~ -",
                "magnitude 6.4 ~ 6.4 ~ Q ~ 6.4 ~ (6.35,6.45) ~ - ~ magnitude ~ -",
            ],
        ),
        (
            "A 6.1-magnitude quake hit the region.",
            &["6.1-magnitude ~ 6.1-magnitude ~ Q ~ 6.1 ~ (6.05,6.15) ~ - ~ magnitude ~ -"],
        ),
        (
            "The car hit 60 mph before the crash.",
            &["60 mph ~ 60 ~ Q ~ 60 ~ (59.5,60.5) ~ - ~ mph ~ -"],
        ),
        (
            "Five of its eight carriages left the track, and two of them slid down.",
            &[
                "Five of its eight carriages ~ Five ~ Q ~ 5 ~ [5,5] ~ - ~ carriages ~ -",
                "two of them ~ two ~ Q ~ 2 ~ [2,2] ~ - ~ - ~ -",
            ],
        ),
        (
            "Moscow then deployed around 2,000 troops in the region.",
            &["around 2,000 troops ~ 2,000 ~ Q ~ 2000 ~ [1800,2200] ~ around ~ troops ~ deploy"],
        ),
        (
            "The last escalation took place in 2020; more than 6,000 people died then.",
            &["more than 6,000 people ~ 6,000 ~ Q ~ 6000 ~ (6000,inf) ~ more than ~ people ~ die"],
        ),
        (
            "The agreement ended a six-week war over the enclave.",
            &["six-week war ~ six-week ~ Q ~ 42 ~ (38.5,45.5) ~ - ~ day ~ war"],
        ),
        (
            "Thousands died on both sides in a 44-day war over the territory.",
            &[
                "Thousands ~ Thousands ~ Q ~ 2000 ~ [2000,10000) ~ - ~ - ~ die",
                "44-day war ~ 44-day ~ Q ~ 44 ~ (43.5,44.5) ~ - ~ day ~ war",
            ],
        ),
        (
            "Putin deployed thousands of peacekeepers to the contested area.",
            &["thousands of peacekeepers ~ thousands ~ Q ~ 2000 ~ [2000,10000) ~ - ~ peacekeepers ~ deploy"],
        ),
        (
            "It said it sustained losses but did not disclose the number of casualties.",
            &["did not disclose the number of casualties ~ did not disclose the number ~ Q ~ unknown ~ ? ~ - ~ - ~ casualty"],
        ),
        (
            "It reported deaths among Azerbaijani troops, without giving numbers.",
            &["without giving numbers ~ without giving numbers ~ Q ~ unknown ~ ? ~ - ~ Azerbaijani troops ~ die"],
        ),
        (
            "Pashinyan said at least 49 of his country\u{2019}s soldiers were killed in border clashes.",
            &["at least 49 of his country\u{2019}s soldiers ~ 49 ~ Q ~ 49 ~ [49,inf) ~ at least ~ soldiers ~ kill"],
        ),
        (
            "At least 49 Armenian soldiers and 50 Azerbaijani troops have been killed.",
            &[
                "At least 49 Armenian soldiers ~ 49 ~ Q ~ 49 ~ [49,inf) ~ at least ~ Armenian soldiers ~ kill",
                "50 Azerbaijani troops ~ 50 ~ Q ~ 50 ~ [50,50] ~ - ~ Azerbaijani troops ~ kill",
            ],
        ),
        (
            "Russia has a military base in Armenia and sent 2,000 peacekeeping troops to Nagorno-Karabakh.",
            &["2,000 peacekeeping troops ~ 2,000 ~ Q ~ 2000 ~ (1900,2100) ~ - ~ peacekeeping troops ~ send"],
        ),
        (
            "It did not disclose casualty numbers and said Armenia had laid mines.",
            &["did not disclose casualty numbers ~ did not disclose casualty numbers ~ Q ~ unknown ~ ? ~ - ~ - ~ casualty"],
        ),
        (
            "The hostilities have left at least 49 Armenian soldiers dead.",
            &["at least 49 Armenian soldiers ~ 49 ~ Q ~ 49 ~ [49,inf) ~ at least ~ Armenian soldiers ~ die"],
        ),
        ("Azerbaijan, Armenia border clashes kill 99", &["99 ~ 99 ~ Q ~ 99 ~ [99,99] ~ - ~ - ~ kill"]),
        (
            "After six weeks of fighting, a peace agreement was negotiated.",
            &["six weeks of fighting ~ six ~ Q ~ 42 ~ (38.5,45.5) ~ - ~ day ~ fight"],
        ),
        // years, dates, ordinals and anaphoric numbers are not figures
        (
            "Armenia appealed to Russia under a 1997 mutual-defense treaty after the second war in 2020.",
            &[],
        ),
        ("They agreed on a 9 a.m. cease-fire two years ago, and met Aug. 31.", &[]),
        ("The two sides have held talks, and the two allies signed a pact.", &[]),
        ("Boeing 737 jets and Article 5 were discussed.", &[]),
        ("One of the soldiers said no one was hurt.", &[]),
        // number shapes
        (
            "Forty-nine soldiers were wounded.",
            &["Forty-nine soldiers ~ Forty-nine ~ Q ~ 49 ~ [49,49] ~ - ~ soldiers ~ wound"],
        ),
        (
            "The fund reached 1.2 million people.",
            &["1.2 million people ~ 1.2 million ~ Q ~ 1200000 ~ (1150000,1250000) ~ - ~ people ~ -"],
        ),
        (
            "The EU pledged $5 billion in aid.",
            &["$5 billion ~ $5 billion ~ M ~ 5000000000 ~ (4750000000,5250000000) ~ - ~ USD ~ pledge"],
        ),
        (
            "Police identified the victim as Benjamin Banky, 40, of Vancouver.",
            &["Banky, 40 ~ 40 ~ Q ~ 40 ~ [40,40] ~ - ~ years old ~ -"],
        ),
        (
            "The driver, 47, was arrested; his passengers, 12, were unhurt.",
            &[
                "driver, 47 ~ 47 ~ Q ~ 47 ~ [47,47] ~ - ~ years old ~ -",
                "12 ~ 12 ~ Q ~ 12 ~ [12,12] ~ - ~ - ~ -",
            ],
        ),
        (
            "On Wednesday, 12 people were hurt and Smith, 40 miles away, heard it.",
            &[
                "12 people ~ 12 ~ Q ~ 12 ~ [12,12] ~ - ~ people ~ wound",
                "40 miles ~ 40 ~ Q ~ 40 ~ (39.5,40.5) ~ - ~ mi ~ -",
            ],
        ),
        (
            "He was sentenced to 2 1/2 years in that case.",
            &["2 1/2 years ~ 2 1/2 ~ Q ~ 913.10625 ~ (821.795625,1004.416875) ~ - ~ day ~ -"],
        ),
        (
            "The climber fell about 600m down the north face.",
            &["about 600m ~ 600m ~ Q ~ 600 ~ [540,660] ~ around ~ m ~ fall"],
        ),
        (
            "Brussels approved \u{20ac}3m for the project.",
            &["\u{20ac}3m ~ \u{20ac}3m ~ M ~ 3000000 ~ (2850000,3150000) ~ - ~ EUR ~ approve"],
        ),
        (
            "The government will spend 40 million euros on roads.",
            &["40 million euros ~ 40 million ~ M ~ 40000000 ~ (38000000,42000000) ~ - ~ EUR ~ spend"],
        ),
        (
            "Prices rose 5 percent in August.",
            &["5 percent ~ 5 ~ P ~ 5 ~ (4.5,5.5) ~ - ~ % ~ rise"],
        ),
        ("Inflation fell to 5.3% last month.", &["5.3% ~ 5.3% ~ P ~ 5.3 ~ (5.25,5.35) ~ - ~ % ~ fall"]),
        (
            "Turnout was up 2 percentage points.",
            &["2 percentage points ~ 2 ~ P ~ 2 ~ (1.5,2.5) ~ - ~ percentage point ~ -"],
        ),
        (
            "A 30-year-old man was arrested.",
            &["30-year-old man ~ 30-year-old ~ Q ~ 30 ~ [30,30] ~ - ~ years old ~ -"],
        ),
        (
            "Dozens of civilians were evacuated from a 10-kilometre zone.",
            &[
                "Dozens of civilians ~ Dozens ~ Q ~ 20 ~ [20,100) ~ - ~ civilians ~ evacuate",
                "10-kilometre ~ 10-kilometre ~ Q ~ 10 ~ (9.5,10.5) ~ - ~ km ~ -",
            ],
        ),
        (
            "Between 40 and 50 people were killed.",
            &["Between 40 and 50 people ~ 40 and 50 ~ Q ~ 40 ~ [40,50] ~ between ~ people ~ kill"],
        ),
        (
            "Two or three rockets hit the town.",
            &["Two or three rockets ~ Two or three ~ Q ~ 2 ~ [2,3] ~ - ~ rockets ~ -"],
        ),
        (
            "Tens of thousands of people fled.",
            &["Tens of thousands of people ~ Tens of thousands ~ Q ~ 10000 ~ [10000,100000) ~ - ~ people ~ flee"],
        ),
        (
            "Nearly 2,000 troops remain, up to 300 of them officers.",
            &[
                "Nearly 2,000 troops ~ 2,000 ~ Q ~ 2000 ~ [1800,2000] ~ nearly ~ troops ~ -",
                "up to 300 of them ~ 300 ~ Q ~ 300 ~ [0,300] ~ up to ~ - ~ -",
            ],
        ),
        (
            "Another 50 people were wounded.",
            &["Another 50 people ~ 50 ~ Q ~ 50 ~ [50,50] ~ another ~ people ~ wound"],
        ),
        (
            "Fewer than 10 soldiers died.",
            &["Fewer than 10 soldiers ~ 10 ~ Q ~ 10 ~ [0,10) ~ fewer than ~ soldiers ~ die"],
        ),
        (
            "The death toll rose to 49 on Wednesday.",
            &["49 ~ 49 ~ Q ~ 49 ~ [49,49] ~ - ~ - ~ die"],
        ),
        (
            "Officials said 2000 soldiers were deployed.",
            &["2000 soldiers ~ 2000 ~ Q ~ 2000 ~ (1900,2100) ~ - ~ soldiers ~ deploy"],
        ),
        (
            "It is unclear how many soldiers were killed.",
            &["unclear how many soldiers ~ unclear how many ~ Q ~ unknown ~ ? ~ - ~ soldiers ~ kill"],
        ),
        (
            "The ministry gave no figures.",
            &["gave no figures ~ gave no figures ~ Q ~ unknown ~ ? ~ - ~ - ~ -"],
        ),
        (
            "The storm displaced 500,000 residents over 48 hours.",
            &[
                "500,000 residents ~ 500,000 ~ Q ~ 500000 ~ (475000,525000) ~ - ~ residents ~ displace",
                "over 48 hours ~ 48 ~ Q ~ 2 ~ (2,inf) ~ over ~ day ~ -",
            ],
        ),
        (
            "A 2,000-strong force arrived.",
            &["2,000-strong force ~ 2,000-strong ~ Q ~ 2000 ~ (1900,2100) ~ - ~ force ~ -"],
        ),
        (
            "Donors gave millions of dollars over hundreds of years.",
            &[
                "millions of dollars ~ millions ~ M ~ 2000000 ~ [2000000,10000000) ~ - ~ USD ~ -",
                "over hundreds of years ~ hundreds ~ Q ~ 73048.5 ~ (73048.5,inf) ~ over ~ day ~ -",
            ],
        ),
        (
            "The war caused more than 30,000 combat and civilian deaths.",
            &["more than 30,000 combat and civilian deaths ~ 30,000 ~ Q ~ 30000 ~ (30000,inf) ~ more than ~ - ~ die"],
        ),
        (
            "Apple holds $65.4 billion offshore.",
            &["$65.4 billion ~ $65.4 billion ~ M ~ 65400000000 ~ (65350000000,65450000000) ~ - ~ USD ~ -"],
        ),
        (
            "It became a $400-million-a-year business.",
            &["$400-million-a-year ~ $400-million-a-year ~ M ~ 400000000 ~ (380000000,420000000) ~ - ~ USD ~ -"],
        ),
        ("He weighs 236 pounds.", &["236 pounds ~ 236 ~ Q ~ 236 ~ (235.5,236.5) ~ - ~ lb ~ -"]),
        ("She won 6-3 at Ground Zero after Zero Hedge reported it.", &[]),
        ("Zero Hedge asked about it.", &[]),
        (
            "Two Democrats gave more than $38million.",
            &[
                "Two Democrats ~ Two ~ Q ~ 2 ~ [2,2] ~ - ~ Democrats ~ -",
                "more than $38million ~ $38million ~ M ~ 38000000 ~ (38000000,inf) ~ more than ~ USD ~ -",
            ],
        ),
        ("Four Killed In Attack", &["Four ~ Four ~ Q ~ 4 ~ [4,4] ~ - ~ - ~ kill"]),
        ("He tweeted at three o'clock in the morning.", &[]),
        ("The court heard 11 because one judge recused himself.", &["11 ~ 11 ~ Q ~ 11 ~ [11,11] ~ - ~ - ~ -"]),
        ("A 10-year dollar bond was sold.", &["10-year ~ 10-year ~ Q ~ 3652.425 ~ (3469.80375,3835.04625) ~ - ~ day ~ -"]),
        ("It could benefit this country one day.", &[]),
        ("", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = all_figures(text);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!("{text:?}\n  got:  {got:#?}\n  want: {want:#?}"));
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

/// Every figure of one sentence, in order.
fn figs(text: &str) -> Vec<Figure> {
    let doc = prepare(text);
    (0..doc.sentences.len())
        .flat_map(|s| find(&doc, s))
        .collect()
}

/// The `k`-th figure of `text`.
fn fig(text: &str, k: usize) -> Figure {
    let all = figs(text);
    match all.get(k) {
        Some(f) => f.clone(),
        None => panic!("no figure {k} in {text:?}: {all:?}"),
    }
}

#[test]
fn compatibility_table() {
    use Compatibility::*;
    // (sentence a, figure index, sentence b, figure index, answer)
    let cases: &[(&str, usize, &str, usize, Compatibility)] = &[
        (
            "At least 49 soldiers were killed.",
            0,
            "50 soldiers were killed.",
            0,
            Compatible,
        ),
        (
            "49 soldiers were killed.",
            0,
            "60 soldiers were killed.",
            0,
            Conflict,
        ),
        (
            "49 soldiers were killed.",
            0,
            "49 troops died.",
            0,
            Compatible,
        ),
        (
            "49 soldiers were killed.",
            0,
            "50 soldiers were killed.",
            0,
            Conflict,
        ),
        ("a six-week war", 0, "a 44-day war", 0, Compatible),
        ("a six-week war", 0, "a 60-day war", 0, Conflict),
        (
            "around 2,000 troops were deployed",
            0,
            "Putin deployed thousands of peacekeepers.",
            0,
            Compatible,
        ),
        (
            "Russia sent 2,000 peacekeeping troops.",
            0,
            "Moscow deployed around 2,000 troops.",
            0,
            Compatible,
        ),
        (
            "Russia sent 2,000 peacekeeping troops.",
            0,
            "Moscow deployed 1,960 peacekeepers.",
            0,
            Compatible,
        ),
        (
            "Russia sent 2,000 peacekeeping troops.",
            0,
            "Moscow deployed 1,500 peacekeepers.",
            0,
            Conflict,
        ),
        (
            "more than 6,000 people died then",
            0,
            "thousands died in the war",
            0,
            Compatible,
        ),
        (
            "more than 6,000 people died then",
            0,
            "about 5,000 people died",
            0,
            Conflict,
        ),
        (
            "more than 6,000 people died then",
            0,
            "6,000 people died",
            0,
            Compatible,
        ),
        (
            "Fewer than 10 soldiers died.",
            0,
            "Dozens of soldiers died.",
            0,
            Conflict,
        ),
        (
            "Nearly 50 soldiers died.",
            0,
            "46 soldiers died.",
            0,
            Compatible,
        ),
        (
            "Nearly 50 soldiers died.",
            0,
            "51 soldiers died.",
            0,
            Conflict,
        ),
        // unknown against a value
        (
            "At least 49 Armenian soldiers and an undisclosed number of Azeris were killed.",
            1,
            "At least 49 Armenian soldiers and 50 Azerbaijani troops have been killed.",
            1,
            Unknown,
        ),
        (
            "It sustained losses but did not disclose the number of casualties.",
            0,
            "50 Azerbaijani troops have been killed.",
            0,
            Unknown,
        ),
        (
            "It reported deaths among Azerbaijani troops, without giving numbers.",
            0,
            "50 Azerbaijani troops have been killed.",
            0,
            Unknown,
        ),
        (
            "It reported deaths among Azerbaijani troops, without giving numbers.",
            0,
            "It did not disclose casualty numbers.",
            0,
            Compatible,
        ),
        // not to be compared: different groups, events, units
        (
            "At least 49 Armenian soldiers and 50 Azerbaijani troops have been killed.",
            0,
            "At least 49 Armenian soldiers and 50 Azerbaijani troops have been killed.",
            1,
            Unrelated,
        ),
        (
            "It reported deaths among Armenian troops, without giving numbers.",
            0,
            "50 Azerbaijani troops have been killed.",
            0,
            Unrelated,
        ),
        (
            "49 soldiers were killed.",
            0,
            "30 soldiers were wounded.",
            0,
            Unrelated,
        ),
        (
            "49 soldiers were killed.",
            0,
            "Russia sent 2,000 troops.",
            0,
            Unrelated,
        ),
        (
            "a six-week war",
            0,
            "49 soldiers were killed.",
            0,
            Unrelated,
        ),
        (
            "The EU pledged $5 billion.",
            0,
            "The EU pledged 5 billion euros.",
            0,
            Unrelated,
        ),
        (
            "The EU pledged $5 billion.",
            0,
            "The EU pledged $5.2 billion.",
            0,
            Compatible,
        ),
        (
            "The EU pledged $5 billion.",
            0,
            "The EU pledged $7 billion.",
            0,
            Conflict,
        ),
        (
            "Prices rose 5 percent.",
            0,
            "Prices rose 5 percentage points.",
            0,
            Unrelated,
        ),
        (
            "Prices rose 5 percent.",
            0,
            "Prices rose 5.3 percent.",
            0,
            Compatible,
        ),
        (
            "Prices rose 5 percent.",
            0,
            "Prices rose 7 percent.",
            0,
            Conflict,
        ),
        (
            "A 30-year-old man died.",
            0,
            "He died 30 days later in a 30-day siege.",
            0,
            Unrelated,
        ),
        (
            "Another 50 people were wounded.",
            0,
            "50 people were wounded.",
            0,
            Unrelated,
        ),
        (
            "49 soldiers were killed.",
            0,
            "49 tanks were destroyed.",
            0,
            Unrelated,
        ),
        // a part cannot outnumber its whole, but may be smaller
        (
            "At least 49 soldiers were killed.",
            0,
            "100 people were killed.",
            0,
            Compatible,
        ),
        (
            "At least 49 soldiers were killed.",
            0,
            "30 people were killed.",
            0,
            Conflict,
        ),
        (
            "At least 49 Armenian soldiers were killed.",
            0,
            "60 soldiers were killed.",
            0,
            Compatible,
        ),
        (
            "49 deaths were reported.",
            0,
            "49 soldiers were killed.",
            0,
            Compatible,
        ),
        (
            "50 casualties were reported.",
            0,
            "49 soldiers were killed.",
            0,
            Compatible,
        ),
        (
            "10 casualties were reported.",
            0,
            "49 soldiers were killed.",
            0,
            Conflict,
        ),
        ("a 10-kilometre zone", 0, "a 6-mile zone", 0, Compatible),
        ("a 10-kilometre zone", 0, "a 20-mile zone", 0, Conflict),
    ];
    let mut failures = Vec::new();
    for (a, ka, b, kb, want) in cases {
        let (fa, fb) = (fig(a, *ka), fig(b, *kb));
        let got = compatible(&fa, &fb);
        let back = compatible(&fb, &fa);
        if got != *want || back != *want {
            failures.push(format!("{a:?}[{ka}] vs {b:?}[{kb}]: got {got:?} / {back:?}, want {want:?}\n  {fa:?}\n  {fb:?}"));
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
fn normalised_values() {
    let cases: &[(&str, Option<&str>)] = &[
        ("49 soldiers died.", Some("49")),
        ("around 2,000 troops", Some("2000")),
        ("a six-week war", Some("P42D")),
        ("$5 billion", Some("5000000000 USD")),
        ("5.3% inflation", Some("5.3%")),
        ("an undisclosed number of Azeris", None),
    ];
    for (text, want) in cases {
        assert_eq!(fig(text, 0).normalised().as_deref(), *want, "{text:?}");
    }
}

#[test]
fn out_of_range_and_odd_input_never_panic() {
    let doc = prepare("At least 49 soldiers died.");
    assert!(find(&doc, 7).is_empty());
    for text in [
        "$",
        "$$5",
        "5-",
        "-5",
        "1,5,0",
        "\u{20ac}",
        "1.",
        "a a a a",
        "at least",
        "between 5 and",
        "did not disclose",
        "an undisclosed number",
        "9999999999999999999999999999 people",
        "1e400 people",
        "\u{1f600}5 \u{0301}",
        "5\u{2013}",
        "of of of",
        "'s 's 5",
        "No. 5",
        "three-",
        "-day",
        "1,000,000,000,000,000,000,000 dollars",
    ] {
        let doc = prepare(text);
        for s in 0..doc.sentences.len() {
            for f in find(&doc, s) {
                assert!(
                    f.tokens.start <= f.number.start && f.number.end <= f.tokens.end,
                    "{text:?}: {f:?}"
                );
                assert!(f.tokens.end <= doc.tokens.len());
                if let (Some(lo), Some(hi)) = (f.low, f.high) {
                    assert!(lo <= hi, "{text:?}: {f:?}");
                }
                let _ = compatible(&f, &f);
            }
        }
    }
}
