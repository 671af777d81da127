//! Entity merging and typing through the whole pipeline, as tables: each case is a set of
//! articles and what the report must say about one entity.

#![cfg(not(target_arch = "wasm32"))]

use corroborate::report::{Entity, Report};
use corroborate::{analyze, Article};

fn run(texts: &[&str]) -> Report {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}.txt"), *t))
        .collect();
    analyze(&articles).expect("within limits")
}

fn find<'r>(r: &'r Report, name: &str) -> Option<&'r Entity> {
    r.entities.iter().find(|e| e.name == name)
}

fn describe(r: &Report) -> String {
    r.entities
        .iter()
        .map(|e| format!("{} [{}] {:?}", e.name, e.kind, e.aliases))
        .collect::<Vec<_>>()
        .join("\n")
}

/// (articles, canonical name, type, aliases that must be merged into it, docs it must list)
type MergeCase = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [u32],
);

#[test]
fn merging_table() {
    let cases: &[MergeCase] = &[
        (
            &["Hillary Clinton spoke in Ohio on Monday. Aides said Hillary was tired."],
            "Hillary Clinton",
            "person",
            &["Hillary"],
            &[0],
        ),
        (
            &[
                "\u{201c}We are watching closely,\u{201d} Kremlin spokesman Dmitry Peskov said.",
                "A Kremlin spokesman declined to comment.",
            ],
            "Kremlin",
            "organization",
            &[],
            &[0, 1],
        ),
        (
            &[
                "Michel met Azerbaijaini President Ilham Aliyev in Brussels.",
                "Azerbaijani forces shelled the town, officials said.",
            ],
            "Azerbaijani",
            "group",
            &["Azerbaijaini"],
            &[0, 1],
        ),
        (
            &["He spoke of the Russia and Eurasia Programme of Chatham House think tank in London."],
            "Chatham House",
            "organization",
            &[],
            &[0],
        ),
        (
            &["Armenia may invoke the Treaty of Friendship, Cooperation and Mutual Assistance with Russia."],
            "Treaty of Friendship, Cooperation and Mutual Assistance",
            "work",
            &[],
            &[0],
        ),
        (
            &[
                "Armenian Prime Minister Nikol Pashinyan spoke to lawmakers on Tuesday.",
                "Pashinyan said the attacks continued.",
            ],
            "Nikol Pashinyan",
            "person",
            &["Pashinyan"],
            &[0, 1],
        ),
        (
            &[
                "Russian President Vladimir Putin called for calm.",
                "Putin deployed thousands of peacekeepers to the area.",
            ],
            "Vladimir Putin",
            "person",
            &["Putin"],
            &[0, 1],
        ),
        (
            &[
                "The Collective Security Treaty Organization (CSTO) met on Tuesday.",
                "The CSTO, a Russian-led military alliance, discussed the situation.",
            ],
            "Collective Security Treaty Organization",
            "organization",
            &["CSTO"],
            &[0, 1],
        ),
        (
            &[
                "U.S. officials said the talks failed.",
                "The US said it was concerned.",
                "The United States urged restraint.",
            ],
            "United States",
            "place",
            &["U.S.", "US"],
            &[0, 1, 2],
        ),
        (
            &[
                "France will raise the clashes at the U.N. Security Council.",
                "France will bring the matter to the UN Security Council.",
            ],
            "United Nations Security Council",
            "organization",
            &["U.N. Security Council", "UN Security Council"],
            &[0, 1],
        ),
        (
            &[
                "Russia\u{2019}s war in Ukraine has undermined its status.",
                "Russia has peacekeeping troops in the region.",
            ],
            "Russia",
            "place",
            &[],
            &[0, 1],
        ),
        (
            &[
                "Armenian soldiers were killed on Tuesday, officials in Yerevan said.",
                "The Armenians blamed Baku for the fighting.",
            ],
            "Armenian",
            "group",
            &["Armenians"],
            &[0, 1],
        ),
    ];
    for (texts, name, kind, aliases, docs) in cases {
        let r = run(texts);
        let e =
            find(&r, name).unwrap_or_else(|| panic!("no entity {name:?} in:\n{}", describe(&r)));
        assert_eq!(e.kind, *kind, "{name}");
        for a in *aliases {
            assert!(
                e.aliases.iter().any(|x| x == a),
                "{name}: alias {a:?} missing from {:?}\n{}",
                e.aliases,
                describe(&r)
            );
        }
        assert_eq!(e.docs, *docs, "{name}");
        for m in &e.mentions {
            assert!(
                !m.text.ends_with("\u{2019}s") && !m.text.ends_with("'s"),
                "{name}: possessive kept in {:?}",
                m.text
            );
        }
    }
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let r = run(&[
        "President Ilham Aliyev met European Council President Charles Michel in Brussels. Aliyev said talks went well.",
        "Heydar Aliyev, the former president, ruled Azerbaijan for a decade.",
        "Aliyev has demanded a corridor through southern Armenia.",
    ]);
    let ilham = find(&r, "Ilham Aliyev").unwrap_or_else(|| panic!("{}", describe(&r)));
    let heydar = find(&r, "Heydar Aliyev").unwrap_or_else(|| panic!("{}", describe(&r)));
    assert_ne!(ilham.id, heydar.id);
    // The surname next to Ilham in article 0 joins him; the one in article 2, with two candidates
    // and none in its own article, joins neither.
    assert_eq!(ilham.docs, vec![0]);
    assert_eq!(heydar.docs, vec![1]);
    assert!(ilham.mentions.iter().any(|m| m.text == "Aliyev"));
    assert!(!heydar.mentions.iter().any(|m| m.doc == 2));

    // Two full names sharing a first name in one article: the lone first name joins neither.
    let r = run(&["Bill Clinton and Bill Gates met in Seattle. Bill said they spoke of health."]);
    for full in ["Bill Clinton", "Bill Gates"] {
        let e = find(&r, full).unwrap_or_else(|| panic!("{}", describe(&r)));
        assert!(
            e.mentions.iter().all(|m| m.text == full),
            "{full}: {}",
            describe(&r)
        );
    }
}

#[test]
fn roles_are_split_from_names() {
    // (text, person, role that must be kept)
    let cases: &[(&str, &str, &str)] = &[
        (
            "Kremlin spokesman Dmitry Peskov told reporters that Moscow was worried.",
            "Dmitry Peskov",
            "Kremlin spokesman",
        ),
        (
            "Armenian Prime Minister Nikol Pashinyan said at least 49 soldiers were killed.",
            "Nikol Pashinyan",
            "Prime Minister",
        ),
        (
            "Turkish Foreign Minister Mevlut Cavusoglu held talks in Ankara.",
            "Mevlut Cavusoglu",
            "Foreign Minister",
        ),
        (
            "Charles Michel, president of the European Council, urged calm.",
            "Charles Michel",
            "president of the European Council",
        ),
    ];
    for (text, person, role) in cases {
        let r = run(&[text]);
        let e =
            find(&r, person).unwrap_or_else(|| panic!("{text}: no {person}:\n{}", describe(&r)));
        assert_eq!(e.kind, "person");
        assert!(
            e.roles.iter().any(|x| x.contains(role)),
            "{person}: roles {:?} lack {role:?}",
            e.roles
        );
        assert!(
            e.mentions.iter().all(|m| m.text == *person),
            "{person}: {:?}",
            e.mentions
        );
    }
}

#[test]
fn capitals_link_to_their_country() {
    let r = run(&["Yerevan said Azerbaijan had shelled towns near the border. Baku said Armenian units began the shooting. Armenia and Azerbaijan blamed each other."]);
    for (capital, country) in [("Yerevan", "Armenia"), ("Baku", "Azerbaijan")] {
        let cap = find(&r, capital).unwrap_or_else(|| panic!("{}", describe(&r)));
        let c = find(&r, country).unwrap();
        assert_eq!(cap.country.as_deref(), Some(c.id.as_str()), "{capital}");
    }
}

#[test]
fn dates_and_figures_table() {
    // (text, mention text, type, normalised value)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "Fighting began on Tuesday along the border.",
            "Tuesday",
            "date",
            Some("XXXX-WXX-2"),
        ),
        (
            "A cease-fire was to start at 9 a.m. local time.",
            "9 a.m. local time",
            "time",
            Some("T09:00"),
        ),
        (
            "The leaders met Aug. 31 in Brussels.",
            "Aug. 31",
            "date",
            Some("XXXX-08-31"),
        ),
        (
            "The war was halted in November 2020 by a truce.",
            "November 2020",
            "date",
            Some("2020-11"),
        ),
        (
            "Moscow then deployed around 2,000 troops in the region.",
            "around 2,000",
            "quantity",
            Some("2000"),
        ),
        (
            "More than 6,000 people died in that war.",
            "More than 6,000",
            "quantity",
            Some("6000"),
        ),
        (
            "At least 49 Armenian soldiers were killed.",
            "At least 49",
            "quantity",
            Some("49"),
        ),
    ];
    for (text, mention, kind, value) in cases {
        let r = run(&[text]);
        let e = r
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.text == *mention))
            .unwrap_or_else(|| panic!("{text}: no mention {mention:?}:\n{}", describe(&r)));
        assert_eq!(e.kind, *kind, "{text}");
        assert_eq!(e.value.as_deref(), *value, "{text}");
    }
}

fn run_with(texts: &[&str], edits: serde_json::Value) -> Report {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}.txt"), *t))
        .collect();
    let options: corroborate::Options =
        serde_json::from_value(serde_json::json!({ "edits": edits })).expect("options parse");
    corroborate::analyze_with(&articles, &options).expect("within limits")
}

fn mention_count(r: &Report, name: &str) -> usize {
    find(r, name).map_or(0, |e| e.mentions.len())
}

#[test]
fn reader_edits_table() {
    let texts: &[&str] = &[
        "Russian President Vladimir Putin spoke to Prime Minister Nikol Pashinyan on Tuesday. \
         Putin said Moscow would help. The Kremlin said talks would go on.",
        "Putin called for calm, the Kremlin said. Pashinyan thanked him.",
    ];
    let plain = run(texts);
    let putin = find(&plain, "Vladimir Putin").expect("Putin merged by default");
    assert!(
        putin.aliases.contains(&"Putin".to_string()),
        "{}",
        describe(&plain)
    );
    let total = putin.mentions.len();
    let kremlin = mention_count(&plain, "Kremlin");
    assert!(kremlin >= 2, "{}", describe(&plain));

    // Split: one entity per surface form, mentions shared out, nothing lost.
    let r = run_with(texts, serde_json::json!([{ "split": "Vladimir Putin" }]));
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    let (full, short) = (
        mention_count(&r, "Vladimir Putin"),
        mention_count(&r, "Putin"),
    );
    assert!(full >= 1 && short >= 2, "{}", describe(&r));
    assert_eq!(full + short, total);
    assert!(find(&r, "Putin").unwrap().aliases.is_empty());

    // Split by an alias finds the same entity.
    let r2 = run_with(texts, serde_json::json!([{ "split": "Putin" }]));
    assert_eq!(mention_count(&r2, "Putin"), short, "{}", describe(&r2));

    // Merge: named after the first, every mention and alias kept, type of the first.
    let r = run_with(
        texts,
        serde_json::json!([{ "merge": ["Kremlin", "Vladimir Putin"] }]),
    );
    let merged = find(&r, "Kremlin").expect("merged entity keeps the first name");
    assert_eq!(merged.mentions.len(), kremlin + total, "{}", describe(&r));
    assert!(merged.aliases.contains(&"Vladimir Putin".to_string()));
    assert!(merged.aliases.contains(&"Putin".to_string()));
    assert!(find(&r, "Vladimir Putin").is_none());
    // Claims are recomputed with the edited entities: no speaker points at a missing entity,
    // and the Kremlin's statement is now the merged entity's.
    let ids: Vec<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
    for c in &r.claims {
        if let Some(s) = &c.speaker {
            assert!(
                ids.contains(&s.as_str()),
                "claim {} speaker {s} missing",
                c.id
            );
        }
    }
    assert!(r
        .claims
        .iter()
        .any(|c| c.speaker.as_deref() == Some(merged.id.as_str())));

    // Edits apply in order: a split then a merge of the pieces restores one entity.
    let r = run_with(
        texts,
        serde_json::json!([{ "split": "Vladimir Putin" }, { "merge": ["Vladimir Putin", "Putin"] }]),
    );
    assert_eq!(
        mention_count(&r, "Vladimir Putin"),
        total,
        "{}",
        describe(&r)
    );

    // Edits naming nothing are skipped with a note; the rest of the report is unchanged.
    let r = run_with(
        texts,
        serde_json::json!([{ "merge": ["Nobody", "Vladimir Putin"] }, { "split": "Nowhere" }]),
    );
    assert_eq!(r.notes.len(), 3, "{:?}", r.notes);
    assert!(r.notes.iter().any(|n| n.contains("Nowhere")));
    assert_eq!(
        serde_json::to_value(&r.entities).unwrap(),
        serde_json::to_value(&plain.entities).unwrap()
    );
    assert_eq!(r.claims.len(), plain.claims.len());
}

#[test]
fn options_reject_unknown_fields_and_edit_kinds() {
    for bad in [
        r#"{"edit": []}"#,
        r#"{"edits": [{"join": ["a", "b"]}]}"#,
        r#"{"edits": [{"split": ["a"]}]}"#,
    ] {
        assert!(
            serde_json::from_str::<corroborate::Options>(bad).is_err(),
            "{bad} should not parse"
        );
    }
    assert_eq!(
        serde_json::from_str::<corroborate::Options>("{}").unwrap(),
        corroborate::Options::default()
    );
}

/// Other forms of one name across independently written articles (shapes from ECB+ train and
/// the issue's ferry coverage; `src/entities/aliases.rs`, `glued.rs`, `orgnames.rs`).
#[test]
fn name_forms_table() {
    let cases: &[MergeCase] = &[
        // Middle initial.
        (
            &[
                "Raj K. Chohan, 45, was killed when the car hit him on Tuesday.",
                "Police said Raj Chohan died at the scene.",
            ],
            "Raj K. Chohan",
            "person",
            &["Raj Chohan"],
            &[0, 1],
        ),
        // Legal form of a company.
        (
            &[
                "Microsoft Corp. released an emergency patch for the browser on Wednesday.",
                "Microsoft said the flaw had been exploited by attackers.",
            ],
            "Microsoft",
            "organization",
            &["Microsoft Corp."],
            &[0, 1],
        ),
        // A team's short form in another article.
        (
            &[
                "The San Diego Chargers released defensive tackle Jamal Williams on Monday.",
                "The Chargers declined to comment on the arrest, a spokesman said.",
            ],
            "San Diego Chargers",
            "organization",
            &["Chargers"],
            &[0, 1],
        ),
        // Spelling variant of a surname.
        (
            &[
                "The climber Duncan Rait fell to his death on the mountain on Sunday.",
                "Rescuers recovered the body of Duncan Raite, an Australian guide, on Monday.",
            ],
            "Duncan Rait",
            "person",
            &["Duncan Raite"],
            &[0, 1],
        ),
        // An alias in parentheses; the name cut at "and" kept whole.
        (
            &["The National Search and Rescue Agency (Basarnas) said 43 passengers were on board."],
            "National Search and Rescue Agency",
            "organization",
            &["Basarnas"],
            &[0],
        ),
        // The same organisation in lower case in another article.
        (
            &[
                "The National Search and Rescue Agency said 43 passengers were on board.",
                "At least 53 passengers were on board, the national search and rescue agency said.",
            ],
            "National Search and Rescue Agency",
            "organization",
            &["national search and rescue agency"],
            &[0, 1],
        ),
        // "known as".
        (
            &["Friends of Kathryn Jenkin, known as Katie, described her as a bright student."],
            "Kathryn Jenkin",
            "person",
            &["Katie"],
            &[0],
        ),
        // "as the president is widely known".
        (
            &["President Joko Widodo flew to the port on Friday. Jokowi, as the president is widely known, ordered a full search."],
            "Joko Widodo",
            "person",
            &["Jokowi"],
            &[0],
        ),
        // A team glued to a player's name.
        (
            &[
                "Police said fellow Charger Jamal Williams was arrested on suspicion of drunken driving.",
                "Jamal Williams, a defensive tackle for the Chargers, was released on bail.",
            ],
            "Jamal Williams",
            "person",
            &[],
            &[0, 1],
        ),
    ];
    for (texts, name, kind, aliases, docs) in cases {
        let r = run(texts);
        let e =
            find(&r, name).unwrap_or_else(|| panic!("no entity {name:?} in:\n{}", describe(&r)));
        assert_eq!(e.kind, *kind, "{name}\n{}", describe(&r));
        for a in *aliases {
            assert!(
                e.aliases.iter().any(|x| x == a),
                "{name}: alias {a:?} missing from {:?}\n{}",
                e.aliases,
                describe(&r)
            );
        }
        assert_eq!(e.docs, *docs, "{name}\n{}", describe(&r));
    }
}

/// Names a headline glues together are cut back to the names the articles use.
#[test]
fn headline_names_are_cut_to_known_names() {
    let r = run(&[
        "Colts Beat Chiefs In Overtime Thriller\n\nThe Indianapolis Colts beat the Kansas City Chiefs 23-20 on Saturday, and the Colts will play again next week.",
        "The Chiefs lost to the Colts on a late field goal.",
    ]);
    for (name, form) in [
        ("Indianapolis Colts", "Colts"),
        ("Kansas City Chiefs", "Chiefs"),
    ] {
        let e = r
            .entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == name))
            .unwrap_or_else(|| panic!("no {name}:\n{}", describe(&r)));
        assert!(
            e.mentions
                .iter()
                .any(|m| m.doc == 0 && m.text == form && m.start < 20),
            "{name}: no headline mention\n{}",
            describe(&r)
        );
    }
    assert!(find(&r, "Colts Beat Chiefs").is_none(), "{}", describe(&r));
}

/// What the name-form rules must not join.
#[test]
fn name_forms_keep_apart() {
    // Two people sharing a surname, first names one letter apart.
    let r = run(&[
        "John Jenkin, 23, was arrested.",
        "Joan Jenkin, 58, was found at the house.",
    ]);
    assert!(
        find(&r, "John Jenkin").is_some() && find(&r, "Joan Jenkin").is_some(),
        "{}",
        describe(&r)
    );
    // Only a place may be dropped from a longer name: "Union" is not the European Union.
    let r = run(&[
        "The European Union imposed sanctions on Tuesday.",
        "Fighting resumed in the former Soviet territory, the Union said.",
    ]);
    let eu = find(&r, "European Union").expect("EU");
    assert!(!eu.aliases.iter().any(|a| a == "Union"), "{}", describe(&r));
    // Two places the gazetteer knows, one letter apart, are two places.
    let r = run(&["Flights to Iran resumed.", "Flights to Iraq resumed."]);
    assert!(
        find(&r, "Iran").is_some() && find(&r, "Iraq").is_some(),
        "{}",
        describe(&r)
    );
}

/// Photo and agency credits stay out of the entities, as a line of their own or inside a
/// paragraph.
#[test]
fn credits_are_not_entities() {
    let r = run(&[
        "Ferry sinks off Bali\n\nRescuers searched for 43 missing passengers on Friday, officials said.\n\nReuters/Antara\n\nThe ferry left Banyuwangi on Thursday night. AFP/Getty Images\n\nSurvivors were taken to hospital on Friday. Antara/Xinhua.",
    ]);
    for credit in ["Reuters", "Antara", "AFP", "Getty", "Xinhua"] {
        assert!(
            !r.entities
                .iter()
                .any(|e| e.mentions.iter().any(|m| m.text.contains(credit))),
            "{credit} became an entity:\n{}",
            describe(&r)
        );
    }
}

/// Renaming a chip: the merged entity takes the reader's name, keeps the old one as an alias
/// (later edits naming it still reach it), and bad renames are notes.
#[test]
fn rename_edit_table() {
    let texts: &[&str] = &[
        "President Joko Widodo flew to Bali on Friday. Jokowi ordered a full search.",
        "Officials in Jakarta said the search would resume on Saturday.",
    ];
    let r = run_with(
        texts,
        serde_json::json!([
            { "merge": ["Jokowi", "Joko Widodo"] },
            { "rename": ["Jokowi", "Joko Widodo (Jokowi)"] },
            { "merge": ["Jokowi", "Jakarta"] },
        ]),
    );
    let e = find(&r, "Joko Widodo (Jokowi)")
        .unwrap_or_else(|| panic!("renamed entity missing:\n{}", describe(&r)));
    for a in ["Jokowi", "Joko Widodo", "Jakarta"] {
        assert!(e.aliases.iter().any(|x| x == a), "{a}: {:?}", e.aliases);
    }
    assert_eq!(e.docs, vec![0, 1]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);

    let r = run_with(
        texts,
        serde_json::json!([
            { "rename": ["Nobody", "X"] },
            { "rename": ["Jokowi", "  "] },
            { "rename": ["Jokowi", "Jakarta"] },
        ]),
    );
    assert_eq!(r.notes.len(), 3, "{:?}", r.notes);
    assert!(find(&r, "Jokowi").is_some(), "{}", describe(&r));
}

/// An acronym the tagger leaves untagged at a sentence start, introduced by an appositive,
/// joins the organisation it names (issue #11, item 6: the ferry coverage).
#[test]
fn appositive_alias_at_sentence_start() {
    let r = run(&[
        "The National Search and Rescue Agency (Basarnas) said 43 passengers were on board.",
        "Basarnas, the national search and rescue agency, said 53 passengers were on board.",
    ]);
    // Named by its most used capitalised form ("Basarnas" here), the full name an alias.
    let e = r
        .entities
        .iter()
        .find(|e| {
            e.name == "National Search and Rescue Agency"
                || e.aliases
                    .iter()
                    .any(|a| a == "National Search and Rescue Agency")
        })
        .unwrap_or_else(|| panic!("no agency:\n{}", describe(&r)));
    assert_eq!(e.kind, "organization");
    for doc in [0, 1] {
        assert!(
            e.mentions
                .iter()
                .any(|m| m.doc == doc && m.text == "Basarnas"),
            "Basarnas in article {doc} not merged:\n{}",
            describe(&r)
        );
    }
    assert!(e
        .mentions
        .iter()
        .any(|m| m.doc == 1 && m.text == "national search and rescue agency"));
}
