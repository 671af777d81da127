//! Table tests for the gazetteer.

use super::*;

/// Splits a phrase with the project tokenizer.
fn toks(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    crate::text::tokens::tokenize(s, 0..s.len(), &mut out);
    out.into_iter().filter_map(|r| s.get(r)).collect()
}

#[test]
fn data_has_no_problems() {
    let problems = data_problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_class_has_entries() {
    let counts = entry_counts();
    let want_at_least = [
        (Class::Country, 190),
        (Class::City, 400),
        (Class::Region, 200),
        (Class::Demonym, 180),
        (Class::Organization, 300),
        (Class::Title, 200),
        (Class::Group, 100),
    ];
    for (class, min) in want_at_least {
        let n = counts
            .iter()
            .find(|(c, _)| *c == class)
            .map_or(0, |(_, n)| *n);
        assert!(n >= min, "{class:?}: {n} entries, want >= {min}");
    }
}

#[test]
fn keys() {
    let cases: &[(&str, &str)] = &[
        ("U.S.", "US"),
        ("US", "US"),
        ("us", "us"),
        ("Us", "us"),
        ("U.N.", "un"),
        ("NATO", "nato"),
        ("Nato", "nato"),
        ("the United States", "united states"),
        ("The Hague", "hague"),
        ("Russia\u{2019}s", "russia"),
        ("Russia's", "russia"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Secretary-General", "secretary general"),
        ("T\u{fc}rkiye", "turkiye"),
        ("C\u{f4}te d\u{2019}Ivoire", "cote d'ivoire"),
        ("People's Republic of China", "people 's republic of china"),
        ("1.5", "1.5"),
        ("", ""),
        ("the", "the"),
        ("WHO", "WHO"),
        ("who", "who"),
    ];
    for &(phrase, want) in cases {
        assert_eq!(key(phrase), want, "{phrase:?}");
    }
}

/// (phrase, class, canonical) that must be among the phrase's entries.
const LOOKUPS: &[(&str, Class, &str)] = &[
    ("U.S.", Class::Country, "United States"),
    ("US", Class::Country, "United States"),
    ("USA", Class::Country, "United States"),
    ("United States of America", Class::Country, "United States"),
    ("the United States", Class::Country, "United States"),
    ("America", Class::Country, "United States"),
    ("U.K.", Class::Country, "United Kingdom"),
    ("Britain", Class::Country, "United Kingdom"),
    ("Great Britain", Class::Country, "United Kingdom"),
    ("Russian Federation", Class::Country, "Russia"),
    ("T\u{fc}rkiye", Class::Country, "Turkey"),
    ("Turkiye", Class::Country, "Turkey"),
    ("Czechia", Class::Country, "Czech Republic"),
    ("C\u{f4}te d'Ivoire", Class::Country, "Ivory Coast"),
    ("Cote d\u{2019}Ivoire", Class::Country, "Ivory Coast"),
    ("Burma", Class::Country, "Myanmar"),
    ("Holland", Class::Country, "Netherlands"),
    ("the Netherlands", Class::Country, "Netherlands"),
    ("Georgia", Class::Country, "Georgia"),
    ("Georgia", Class::Region, "Georgia"),
    ("Yerevan", Class::City, "Yerevan"),
    ("Baku", Class::City, "Baku"),
    ("Moscow", Class::City, "Moscow"),
    ("Kiev", Class::City, "Kyiv"),
    ("Washington", Class::City, "Washington"),
    ("Washington", Class::Region, "Washington State"),
    ("St. Petersburg", Class::City, "St. Petersburg"),
    ("Saint Petersburg", Class::City, "St. Petersburg"),
    ("Azeri", Class::Demonym, "Azerbaijani"),
    ("Azeris", Class::Demonym, "Azerbaijani"),
    ("Armenians", Class::Demonym, "Armenian"),
    ("Turks", Class::Demonym, "Turkish"),
    ("Briton", Class::Demonym, "British"),
    ("Americans", Class::Demonym, "American"),
    ("Nagorno-Karabakh", Class::Region, "Nagorno-Karabakh"),
    ("Nagorno Karabakh", Class::Region, "Nagorno-Karabakh"),
    ("Karabakh", Class::Region, "Nagorno-Karabakh"),
    ("Crimea", Class::Region, "Crimea"),
    ("Donbass", Class::Region, "Donbas"),
    ("the Caucasus", Class::Region, "Caucasus"),
    ("Middle East", Class::Region, "Middle East"),
    ("West Bank", Class::Region, "West Bank"),
    ("Texas", Class::Region, "Texas"),
    ("Quebec", Class::Region, "Quebec"),
    ("U.N.", Class::Organization, "United Nations"),
    ("UN", Class::Organization, "United Nations"),
    (
        "U.N. Security Council",
        Class::Organization,
        "United Nations Security Council",
    ),
    (
        "UN Security Council",
        Class::Organization,
        "United Nations Security Council",
    ),
    (
        "UNSC",
        Class::Organization,
        "United Nations Security Council",
    ),
    (
        "Security Council",
        Class::Organization,
        "United Nations Security Council",
    ),
    (
        "CSTO",
        Class::Organization,
        "Collective Security Treaty Organization",
    ),
    (
        "Collective Security Treaty Organization",
        Class::Organization,
        "Collective Security Treaty Organization",
    ),
    ("E.U.", Class::Organization, "European Union"),
    (
        "Nato",
        Class::Organization,
        "North Atlantic Treaty Organization",
    ),
    ("WHO", Class::Organization, "World Health Organization"),
    ("AP", Class::Organization, "Associated Press"),
    ("AFP", Class::Organization, "Agence France-Presse"),
    ("Reuters", Class::Organization, "Reuters"),
    ("Reuters'", Class::Organization, "Reuters"),
    ("Kremlin", Class::Organization, "Kremlin"),
    ("Pentagon", Class::Organization, "Pentagon"),
    ("Chatham House", Class::Organization, "Chatham House"),
    ("Prime Minister", Class::Title, "Prime Minister"),
    ("Defense Minister", Class::Title, "Defence Minister"),
    ("Sen.", Class::Title, "Senator"),
    ("Gen.", Class::Title, "General"),
    ("Secretary General", Class::Title, "Secretary-General"),
    ("Kurds", Class::Group, "Kurds"),
    ("Shiite", Class::Group, "Shias"),
];

#[test]
fn lookups() {
    for &(phrase, class, canonical) in LOOKUPS {
        let found = lookup(phrase);
        assert!(
            found
                .iter()
                .any(|e| e.class == class && e.canonical == canonical),
            "{phrase:?}: want {class:?} {canonical:?}, got {found:?}"
        );
    }
}

#[test]
fn not_found() {
    // case-sensitive acronyms, common words and junk find nothing
    for phrase in [
        "us",
        "Us",
        "who",
        "it",
        "",
        " ",
        "the",
        "'s",
        "zzzz",
        "\u{1f600}",
        ".",
    ] {
        assert!(
            lookup(phrase).is_empty(),
            "{phrase:?}: {:?}",
            lookup(phrase)
        );
    }
}

#[test]
fn countries_of() {
    let cases: &[(&str, Option<&str>)] = &[
        ("Yerevan", Some("Armenia")),
        ("Baku", Some("Azerbaijan")),
        ("Moscow", Some("Russia")),
        ("Azeri", Some("Azerbaijan")),
        ("Armenians", Some("Armenia")),
        ("Azerbaijani", Some("Azerbaijan")),
        ("Kremlin", Some("Russia")),
        ("Stepanakert", Some("Azerbaijan")),
        ("Jermuk", Some("Armenia")),
        ("Armenia", Some("Armenia")),
        ("NATO", None),
        ("Kurds", None),
    ];
    for &(phrase, want) in cases {
        assert_eq!(country_of(phrase), want, "{phrase:?}");
    }
    assert!(lookup("Yerevan").iter().any(|e| e.capital));
    assert!(!lookup("Gyumri").iter().any(|e| e.capital));
}

#[test]
fn same_referents() {
    let cases: &[(&str, &str, bool)] = &[
        ("U.S.", "America", true),
        ("US", "United States", true),
        ("U.N. Security Council", "UNSC", true),
        ("CSTO", "Collective Security Treaty Organization", true),
        ("Kiev", "Kyiv", true),
        ("Turkey", "T\u{fc}rkiye", true),
        ("Armenia", "Armenian", false),
        ("Armenia", "Azerbaijan", false),
        ("President", "President", false),
    ];
    for &(a, b, want) in cases {
        assert_eq!(same_referent(a, b), want, "{a:?} / {b:?}");
    }
    assert_eq!(canonical("U.S."), Some("United States"));
    assert_eq!(canonical("Azeris"), Some("Azerbaijani"));
    assert_eq!(canonical("spokesman"), None);
}

#[test]
fn role_before_names() {
    // (text, the name's first word, the role's first word or None)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Armenian Prime Minister Nikol Pashinyan said",
            "Nikol",
            Some("Armenian"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters",
            "Dmitry",
            Some("Kremlin"),
        ),
        (
            "The U.S. Secretary of State Antony Blinken had",
            "Antony",
            Some("U.S."),
        ),
        (
            "with Turkish Foreign Minister Mevlut Cavusoglu .",
            "Mevlut",
            Some("Turkish"),
        ),
        (
            "EU Special Representative Toivo Klaar said",
            "Toivo",
            Some("EU"),
        ),
        (
            "French President Emmanuel Macron said",
            "Emmanuel",
            Some("French"),
        ),
        (
            "prompting Russian President Vladimir Putin to",
            "Vladimir",
            Some("Russian"),
        ),
        (
            "with the president of the European Council Charles Michel .",
            "Charles",
            Some("president"),
        ),
        (
            "Prime Minister of Armenia Nikol Pashinyan he",
            "Nikol",
            Some("Prime"),
        ),
        (
            "his Turkish counterpart Mevlut Cavusoglu .",
            "Mevlut",
            Some("Turkish"),
        ),
        (
            "Russia\u{2019}s Foreign Minister Sergei Lavrov said",
            "Sergei",
            Some("Russia"),
        ),
        (
            "former U.S. President Barack Obama said",
            "Barack",
            Some("former"),
        ),
        ("Defence Minister Ben Wallace said", "Ben", Some("Defence")),
        ("said Sen. Bob Menendez .", "Bob", Some("Sen.")),
        (
            "UN Secretary-General Antonio Guterres said",
            "Antonio",
            Some("UN"),
        ),
        ("Gen. Mark Milley said", "Mark", Some("Gen.")),
        ("according to Laurence Broers , associate", "Laurence", None),
        ("Putin said", "Putin", None),
        ("Armenia and Azerbaijan", "Azerbaijan", None),
        ("the Armenian soldiers", "soldiers", None),
    ];
    for &(text, name, want) in cases {
        let t = toks(text);
        let Some(i) = t.iter().position(|w| *w == name) else {
            panic!("{name:?} not in {text:?}");
        };
        let got = role_before(&t, i).map(|s| t[s]);
        assert_eq!(got, want, "{text:?}");
    }
    // out of range and empty input are not errors
    assert_eq!(role_before(&[], 0), None);
    assert_eq!(role_before(&["President"], 5), None);
    assert_eq!(role_before(&["President", "X"], 0), None);
}

#[test]
fn role_after_names() {
    // (text, index just after the name, the role's words or None)
    let cases: &[(&str, usize, Option<&str>)] = &[
        (
            "Dmitry Peskov , the Kremlin spokesman , said",
            2,
            Some("Kremlin spokesman"),
        ),
        (
            "Laurence Broers , associate fellow at Chatham House",
            2,
            Some("associate fellow at Chatham House"),
        ),
        (
            "Nikol Pashinyan, Armenia's prime minister, said",
            2,
            Some("Armenia 's prime minister"),
        ),
        (
            "Massoud Barzani, leader of the Kurdistan Democratic Party",
            2,
            Some("leader of the Kurdistan Democratic Party"),
        ),
        (
            "John Smith, chairman of the Tibetan exile group",
            2,
            Some("chairman"),
        ),
        ("Antony Blinken , who said", 2, None),
        ("Antony Blinken said", 2, None),
        ("Blinken", 1, None),
    ];
    for &(text, end, want) in cases {
        let t = toks(text);
        let got = role_after(&t, end).map(|r| t[r].join(" "));
        assert_eq!(got.as_deref(), want, "{text:?}");
    }
}

#[test]
fn roles() {
    let cases: &[(&str, bool)] = &[
        ("president of the European Council", true),
        ("Prime Minister", true),
        ("prime minister", true),
        ("Kremlin spokesman", true),
        ("the Armenian prime minister", true),
        ("head of the delegation", true),
        ("associate fellow", true),
        ("former defence minister", true),
        ("Armenia", false),
        ("Nikol Pashinyan", false),
        ("spokesman Dmitry Peskov", false),
        ("", false),
        ("the", false),
    ];
    for &(phrase, want) in cases {
        assert_eq!(is_role(phrase), want, "{phrase:?}");
    }
}

#[test]
fn titles() {
    let cases: &[(&str, bool)] = &[
        ("President", true),
        ("spokesman", true),
        ("Gen.", true),
        ("Secretary of State", true),
        ("Kremlin spokesman", false),
        ("Armenia", false),
        ("", false),
    ];
    for &(phrase, want) in cases {
        assert_eq!(is_title(phrase), want, "{phrase:?}");
    }
    assert_eq!(lookup("President")[0].kind, Some("title"));
    assert_eq!(lookup("spokesman")[0].kind, Some("role"));
}

#[test]
fn sentence_matches() {
    let text = "Russia\u{2019}s Foreign Ministry said the U.N. Security Council and Kremlin \
                spokesman Dmitry Peskov met in Nagorno-Karabakh with Azeri and Armenian officials, \
                according to Reuters.";
    let t = toks(text);
    let got: Vec<(String, Vec<Class>)> = matches(&t)
        .into_iter()
        .map(|(r, e)| {
            let mut classes: Vec<Class> = e.iter().map(|e| e.class).collect();
            classes.dedup();
            (t[r].join(" "), classes)
        })
        .collect();
    let want: Vec<(&str, Vec<Class>)> = vec![
        ("Russia", vec![Class::Country]),
        ("Foreign Ministry", vec![Class::Organization]),
        ("U.N. Security Council", vec![Class::Organization]),
        ("Kremlin", vec![Class::Organization]),
        ("spokesman", vec![Class::Title]),
        ("Nagorno-Karabakh", vec![Class::Region]),
        ("Azeri", vec![Class::Demonym]),
        ("Armenian", vec![Class::Demonym]),
        ("officials", vec![]),
        ("Reuters", vec![Class::Organization]),
    ];
    let want: Vec<(String, Vec<Class>)> = want
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(s, c)| (s.to_string(), c))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn capitals_in_running_text() {
    // (text, the matched phrases)
    let cases: &[(&str, &[&str])] = &[
        ("a major offensive", &[]),
        ("Major Smith arrived", &["Major"]),
        ("the general election", &[]),
        ("Gen. Smith and General Jones", &["Gen.", "General"]),
        ("roast turkey", &[]),
        ("Turkey and Russia", &["Turkey", "Russia"]),
        ("the security council met", &[]),
        ("the Security Council met", &["Security Council"]),
        (
            "the prime minister and the spokesman",
            &["prime minister", "spokesman"],
        ),
        ("al-Qaeda fighters", &["al-Qaeda"]),
        ("us and US", &["US"]),
        ("western officials and Western officials", &["Western"]),
    ];
    for &(text, want) in cases {
        let t = toks(text);
        let got: Vec<String> = matches(&t)
            .into_iter()
            .map(|(r, _)| t[r].join(" "))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn features() {
    let t = toks("the U.N. Security Council met Russian-led forces in Yerevan , AFP said");
    let f = token_features(&t);
    assert_eq!(f.len(), t.len());
    let at = |w: &str| f[t.iter().position(|x| *x == w).unwrap_or(0)];
    let org = covers_bit(Class::Organization);
    let org_begin = begins_bit(Class::Organization);
    // (token, bits that must be set, bits that must be clear)
    let cases: &[(&str, u32, u32)] = &[
        ("the", 0, u32::MAX),
        ("U.N.", org | org_begin | MULTI_TOKEN, ENDS),
        ("Security", org | MULTI_TOKEN, org_begin | ENDS),
        ("Council", org | MULTI_TOKEN | ENDS, org_begin),
        ("met", 0, u32::MAX),
        ("Russian-led", HYPHEN_PLACE, covers_bit(Class::Demonym)),
        (
            "Yerevan",
            covers_bit(Class::City) | begins_bit(Class::City) | CAPITAL | ENDS,
            MULTI_TOKEN,
        ),
        ("AFP", org | NEWS, 0),
        (",", 0, u32::MAX),
    ];
    for &(w, set, clear) in cases {
        let bits = at(w);
        assert_eq!(bits & set, set, "{w:?} {bits:#b} lacks {set:#b}");
        assert_eq!(bits & clear, 0, "{w:?} {bits:#b} has {clear:#b}");
    }
    // reserved bits are never set
    let reserved = (1 << 7) | (1 << 15) | !((1u32 << 22) - 1);
    let t = toks("President Joe Biden of the United States met King Charles in London , BBC said");
    assert!(token_features(&t).iter().all(|b| b & reserved == 0));
    assert!(token_features(&[]).is_empty());
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "",
        " ",
        "'",
        "\u{2019}s",
        "-",
        "--",
        "...",
        ".",
        "U.",
        "\u{1f600}",
        "a\u{301}",
        "\u{130}stanbul",
        "\u{0}",
        "the the the",
        "of of",
        "'s 's",
    ];
    for s in odd {
        let _ = key(s);
        let _ = lookup(s);
        let _ = is_role(s);
        let _ = canonical(s);
    }
    let t: Vec<&str> = odd.to_vec();
    let _ = matches(&t);
    let _ = token_features(&t);
    for i in 0..=t.len() + 1 {
        let _ = role_before(&t, i);
        let _ = role_after(&t, i);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod prop {
    use super::super::*;
    use proptest::prelude::*;

    const VOCAB: &[&str] = &[
        "U.S.",
        "Secretary",
        "of",
        "State",
        "the",
        "The",
        ",",
        "'s",
        "\u{2019}s",
        "Prime",
        "Minister",
        "Armenian",
        "Kremlin",
        "spokesman",
        "president",
        "European",
        "Council",
        "former",
        "Nagorno-Karabakh",
        "Russian-led",
        "UN",
        "Security",
        "Gen.",
        "Major",
        "for",
        "to",
        "who",
        "Foreign",
        "Ministry",
        "Turkey",
        "Azeri",
        "head",
        "",
    ];

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(VOCAB).prop_map(str::to_string),
            "\\PC{0,8}",
        ]
    }

    proptest! {
        #[test]
        fn total_on_any_text(s in "\\PC{0,40}", words in proptest::collection::vec(word(), 0..14), i in 0usize..16) {
            let _ = key(&s);
            let _ = lookup(&s);
            let _ = is_role(&s);
            let _ = same_referent(&s, "U.S.");
            let t: Vec<&str> = words.iter().map(String::as_str).collect();
            let m = matches(&t);
            for (r, e) in &m {
                prop_assert!(r.start < r.end && r.end <= t.len());
                prop_assert!(!e.is_empty());
            }
            prop_assert_eq!(token_features(&t).len(), t.len());
            if let Some(st) = role_before(&t, i) {
                prop_assert!(st < i);
            }
            if let Some(r) = role_after(&t, i) {
                prop_assert!(r.start > i && r.end <= t.len());
            }
        }
    }
}
