//! Table tests for the whole comparison on hand-made claims (none from the seed articles),
//! written in the markup of [`super::markup`]. Claim ids are `c0`, `c1`, … in article then line
//! order. The expectation lists the groups of two or more claims as `ids:relation`, plus
//! `+kind` for each conflict kind expected. A claim told in several pieces (several `{...}`
//! in one line) may be in several groups, one per piece that joins other claims.

use super::markup::build;
use super::*;
use crate::report::{Claim, Quantity, Relation, Span};

/// `ids:relation(+kind)*` for each group of two or more claims, sorted.
fn summary(c: &Comparison) -> Vec<String> {
    let mut out: Vec<String> = c
        .groups
        .iter()
        .filter(|g| g.claims.len() > 1)
        .map(|g| {
            let mut s = format!("{}:{}", g.claims.join(" "), g.relation);
            for k in &g.conflicts {
                s.push('+');
                s.push_str(k.kind.as_str());
            }
            s
        })
        .collect();
    out.sort();
    out
}

type Case = (
    &'static str,
    &'static [&'static [&'static str]],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    ("reworded quote", &[
        &["“It is hard to overstate the part played by [Brussels], the part played by [Michel] himself,” <spokesman [Eric Mamer]> {told reporters}."],
        &["<[Eric Mamer]> said: {“It is hard to overstate the part played by [Brussels], the part of [Michel] personally.”}"],
        &["{“It is difficult to overstate the role of [Brussels], [Michel]'s role personally,”} <[Eric Mamer]> said."],
    ], &["c0 c1 c2:reworded"]),
    ("hyphenated compounds match whatever their order", &[
        &["{“Blame rests with the political-military command,”} <the ministry> said."],
        &["{“Blame rests with military-political chiefs,”} <officials> said."],
    ], &["c0 c1:reworded"]),
    ("paraphrased attribution agrees", &[
        &["<[Kyiv]> said {[Russia] had shelled towns near the front including [Kharkiv] and [Izium]}, forcing it to respond."],
        &["<[Ukraine]> said {[Russia] bombed cities near the front, including [Kharkiv] and [Izium]}, forcing it to respond."],
    ], &["c0 c1:agree"]),
    ("figures written differently agree", &[
        &["{At least 49 Armenian soldiers were killed in the clashes on the border}.|At least 49 Armenian soldiers;49;at least;Armenian soldiers;killed"],
        &["<[Pashinyan]> said {at least 49 of his country's soldiers died in border clashes}.|at least 49 of his country's soldiers;49;at least;soldiers;died"],
        &["{The clashes have left 49 Armenian troops dead on the border}.|49 Armenian troops;49;;Armenian troops;dead"],
    ], &["c0 c1 c2:agree"]),
    ("numbers that cannot both hold", &[
        &["{Floods killed 49 people in the northern province of [Chile]} on Monday.|49 people;49;;people;killed"],
        &["{Floods in the northern province of [Chile] killed 60 people} on Monday.|60 people;60;;people;killed"],
    ], &["c0 c1:conflict+number"]),
    // "At least 49" and 50 may both hold, but they are not the same figure (issue #11).
    ("at least 49 versus 50 may both hold", &[
        &["{Floods killed at least 49 people in the northern province of [Chile]} on Monday.|at least 49 people;49;at least;people;killed"],
        &["{Floods in the northern province of [Chile] killed 50 people} on Monday.|50 people;50;;people;killed"],
    ], &["c0 c1:conflict+range"]),
    ("undisclosed against a figure", &[
        &["{Fifty Serbian police officers and an undisclosed number of protesters were injured in the clashes in [Belgrade]}.|Fifty Serbian police officers;50;;Serbian police officers;injured|an undisclosed number of protesters;;;protesters;injured"],
        &["{Fifty Serbian police officers and 120 protesters were injured in the clashes in [Belgrade]}.|Fifty Serbian police officers;50;;Serbian police officers;injured|120 protesters;120;;protesters;injured"],
    ], &["c0 c1:conflict+unknown"]),
    ("same statement from two outlets backs it up", &[
        &["<Serbian media> reported {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
        &["<[CNN]> reported {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
    ], &["c0 c1:agree"]),
    ("same quote, different speakers", &[
        &["{“We're aware of the off-the-field issue involving the player,”} <general manager [A.J. Smith]> said."],
        &["{“We're aware of the off-the-field issue involving the player,”} <general manager [A.J. Butler]> said."],
    ], &["c0 c1:conflict+speaker"]),
    ("same quote, one speaker named two ways", &[
        &["{“There was someone in the building and they were trying to get him out,”} <Constable [Tim Fanning]> said."],
        &["{“There was someone in the building and they were trying to get him out,”} <[Fanning]> said."],
    ], &["c0 c1:agree"]),
    ("'not only' is no negation", &[
        &["{An Indian warship not only repulsed an attack on a merchant vessel in the [Gulf of Aden] but nabbed the pirates}."],
        &["{An Indian warship repulsed an attack on a merchant vessel in the [Gulf of Aden] and nabbed the pirates}."],
    ], &["c0 c1:agree"]),
    ("one source negates the other", &[
        &["<The [Defense Ministry]> said {the army had not moved heavy artillery toward the border with [Kosovo]}."],
        &["<The [Defense Ministry]> said {the army had moved heavy artillery toward the border with [Kosovo]}."],
    ], &["c0 c1:conflict+negation"]),
    ("compatible durations and magnitudes", &[
        &["{The six-week war over the enclave ended with a truce brokered by [Moscow]}.|six-week war;6;;war;", "{[Moscow] deployed around 2,000 troops to the enclave}.|around 2,000 troops;2000;around;troops;deployed"],
        &["{The 44-day war over the enclave ended with a truce brokered by [Moscow]}.|44-day war;44;;war;", "{[Moscow] deployed thousands of peacekeepers to the enclave}.|thousands of peacekeepers;;;peacekeepers;deployed"],
    ], &["c0 c2:agree", "c1 c3:agree"]),
    ("same entities, different events", &[
        &["<[Armenia]> said {[Azerbaijan] shelled [Jermuk] overnight}."],
        &["<[Azerbaijan]> said {[Armenia] shelled its positions overnight}."],
    ], &[]),
    ("same figure, different event", &[
        &["{49 soldiers were killed in the fighting near the river} on Sunday.|49 soldiers;49;;soldiers;killed"],
        &["{49 soldiers were wounded in the fighting near the river} on Sunday.|49 soldiers;49;;soldiers;wounded"],
    ], &[]),
    ("two claims in one article", &[
        &["{[France] and [Chile] called for an immediate ceasefire in the region}.", "{At least 49 Peruvian soldiers were killed in the border fighting}.|At least 49 Peruvian soldiers;49;at least;Peruvian soldiers;killed"],
        &["{[France] and [Chile] called for an immediate ceasefire after border fighting that killed at least 49 Peruvian soldiers}.|at least 49 Peruvian soldiers;49;at least;Peruvian soldiers;killed"],
    ], &["c0 c1 c2:agree"]),
    ("a claim told twice in one article stays in its row", &[
        &["{Floods killed 12 people in the southern city of [Izium]} on Monday.|12 people;12;;people;killed"],
        &["{Floods killed 12 people in the southern city of [Izium]} on Monday.|12 people;12;;people;killed", "{Heavy floods killed 12 people in [Izium]}, officials said.|12 people;12;;people;killed"],
    ], &["c0 c1 c2:agree"]),
    ("two claims of one article stay in two rows", &[
        &["{Floods killed 12 people in the southern city of [Izium]} on Monday.|12 people;12;;people;killed", "{The regional governor declared a state of emergency for the whole region}."],
        &["{Floods killed 12 people in the southern city of [Izium]} on Monday.|12 people;12;;people;killed", "{The regional governor declared a state of emergency for the whole region}."],
    ], &["c0 c2:agree", "c1 c3:agree"]),
    ("an outlet relaying a claim is no speaker clash", &[
        &["<[Reuters]> reported {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
        &["<The [Defense Ministry]> said {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
    ], &["c0 c1:agree"]),
    ("a pronoun source is no speaker clash", &[
        &["<He> said {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
        &["<The [Defense Ministry]> said {the truce collapsed minutes after it took effect at noon in [Pristina]}."],
    ], &["c0 c1:agree"]),
    ("not knowing is no denial", &[
        &["<The [Defense Ministry]> said {it had sustained losses but did not disclose the number of casualties}.|the number of casualties;;;casualties;"],
        &["<The [Defense Ministry]> said {it sustained losses and disclosed the number of casualties}."],
    ], &["c0 c1:agree"]),
    ("a withheld toll against a figure for the same side", &[
        &["~{At least 12 Serbian police officers were injured in the clashes near [Pristina]}.|At least 12 Serbian police officers;12;at least;Serbian police officers;injured", "~{An undisclosed number of Kosovars were injured in the clashes near [Pristina]}.|An undisclosed number of Kosovars;;;Kosovars;injured"],
        &["~{Clashes near [Pristina] injured 12 Serbian police officers}.|12 Serbian police officers;12;;Serbian police officers;injured", "~{Clashes near [Pristina] also injured 30 Kosovar protesters}.|30 Kosovar protesters;30;;Kosovar protesters;injured"],
        &["<[Kosovo]'s interior ministry> said {it had casualties but did not disclose the number of injured}.|did not disclose the number of injured;;;;injured"],
    ], &["c0 c2:agree", "c1 c3 c4:conflict+unknown"]),
    ("the same article states its withheld toll twice", &[
        &["~{An undisclosed number of Chilean soldiers were killed in the border fighting on Sunday}.|An undisclosed number of Chilean soldiers;;;Chilean soldiers;killed", "~{The [Chilean] army said it had suffered losses but did not disclose the number of dead}.|did not disclose the number of dead;;;;killed"],
        &["~{Fifteen Chilean soldiers died in the border fighting on Sunday}.|Fifteen Chilean soldiers;15;;Chilean soldiers;died"],
    ], &["c0 c1 c2:conflict+unknown"]),
    ("a withheld toll of one side never joins the other side's figure", &[
        &["~{Twenty Peruvian soldiers were killed in the border fighting on Sunday}.|Twenty Peruvian soldiers;20;;Peruvian soldiers;killed"],
        &["<[Chile]'s army> said {it had suffered losses in the border fighting on Sunday but did not disclose the number of dead}.|did not disclose the number of dead;;;;killed"],
    ], &[]),
    // Two lower bounds both hold, but an editor must see them side by side (issue #11).
    ("a later, higher toll is a conflict that may hold", &[
        &["~{At least 49 Peruvian soldiers were killed in the border fighting}.|At least 49 Peruvian soldiers;49;at least;Peruvian soldiers;killed"],
        &["~{At least 105 Peruvian soldiers have been killed in the border fighting}.|At least 105 Peruvian soldiers;105;at least;Peruvian soldiers;killed"],
    ], &["c0 c1:conflict+range"]),
    ("an exact toll against a different exact toll", &[
        &["~{The border fighting killed 49 Peruvian soldiers}.|49 Peruvian soldiers;49;;Peruvian soldiers;killed"],
        &["~{The border fighting killed 105 Peruvian soldiers}.|105 Peruvian soldiers;105;;Peruvian soldiers;killed"],
    ], &["c0 c1:conflict+number"]),
    ("tolls of different sides never group", &[
        &["~{The border fighting killed 49 Peruvian soldiers on Sunday}.|49 Peruvian soldiers;49;;Peruvian soldiers;killed"],
        &["~{The border fighting killed 50 Chilean soldiers on Sunday}.|50 Chilean soldiers;50;;Chilean soldiers;killed"],
    ], &[]),
    ("a quote in two pieces told as two quotes elsewhere", &[
        &["{“It is hard to overstate the part played by [Brussels], the part played by [Michel] himself,”} <spokesman [Eric Mamer]> told reporters. {“The commission is doing everything it can to calm the dispute over fishing rights.”}"],
        &["{“It is difficult to overstate the role of [Brussels], [Michel]'s role personally,”} <[Eric Mamer]> said.", "{“The commission is doing everything it can to calm the dispute over fishing rights.”} <he> added."],
    ], &["c0 c1:reworded", "c0 c2:agree"]),
    ("a quote in two pieces told as one quote elsewhere", &[
        &["{“The situation is extremely dangerous,”} <[Ursula Lindqvist]> told the council in [Brussels]. {“We must act before the first snow closes the mountain roads.”}"],
        &["{“The situation is very dangerous. We have to act before the first snow closes the mountain roads,”} <[Ursula Lindqvist]> told the council in [Brussels]."],
    ], &["c0 c1:reworded"]),
    ("a quote interrupted mid-sentence is one unit", &[
        &["{“The talks in Geneva,”} <[Eric Mamer]> said, {“will resume next week once both delegations accept the agenda.”}"],
        &["<[Eric Mamer]> said {“the talks in Geneva will resume next week once both delegations accept the agenda.”}"],
    ], &["c0 c1:agree"]),
    ("a statement in two pieces, one piece told elsewhere", &[
        &["{The army had moved heavy artillery toward the border with [Kosovo]}, <the [Defense Ministry]> said. {Schools in the capital would reopen on Monday after the holiday}."],
        &["<The [Defense Ministry]> said {the army had moved heavy artillery toward the border with [Kosovo]}."],
    ], &["c0 c1:agree"]),
    ("unrelated claims stay unique", &[
        &["{The central bank raised interest rates by half a point}."],
        &["{The football team won the cup after extra time}."],
    ], &[]),
];

#[test]
fn table() {
    // Every case is run; the failures are listed together.
    let mut wrong: Vec<String> = Vec::new();
    for (name, articles, want) in CASES {
        let b = build(articles);
        let c = compare(&b.documents, &b.entities, &b.claims);
        // Every claim in a group, never twice in one; in several only if told in pieces.
        for cl in &b.claims {
            let n = c
                .groups
                .iter()
                .filter(|g| g.claims.contains(&cl.id))
                .count();
            assert!(n >= 1, "{name}: {} in no group", cl.id);
            assert!(
                n == 1 || cl.pieces.len() >= 2,
                "{name}: {} in {n} groups",
                cl.id
            );
        }
        for g in &c.groups {
            let mut ids = g.claims.clone();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), g.claims.len(), "{name}: claim twice in {}", g.id);
        }
        let got = summary(&c);
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        if got != want {
            wrong.push(format!("{name}:\n   got {got:?}\n  want {want:?}"));
        }
        for g in &c.groups {
            assert!(!g.reason.is_empty(), "{name}: empty reason");
            if g.relation == Relation::Reworded {
                assert!(!g.diffs.is_empty(), "{name}: reworded without diffs");
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}

#[test]
fn claims_cut_from_the_same_words_share_a_group() {
    let mut b = build(&[
        &["<[Eric Mamer]> said {the summit in [Brussels] would go ahead despite the strike by air traffic controllers}."],
        &["<[Eric Mamer]> said {the summit in [Brussels] would go ahead despite the strike by air traffic controllers}."],
    ]);
    // The claim stage cut article 1's sentence twice: once whole, once from "the summit".
    let mut twin = b.claims[1].clone();
    twin.id = "c2".into();
    twin.source = None;
    twin.speaker = None;
    b.claims.push(twin);
    let c = compare(&b.documents, &b.entities, &b.claims);
    assert_eq!(summary(&c), vec!["c0 c1 c2:agree".to_string()]);
}

#[test]
fn quote_versions_split_over_claims() {
    // Article 0 quotes two sentences in one claim; article 1 quotes them as two claims.
    let b = build(&[
        &["{“The situation is extremely dangerous. We must act before winter,”} <[Ursula Lindqvist]> told the council in [Brussels]."],
        &["{“The situation is very dangerous,”} <[Ursula Lindqvist]> told the council in [Brussels].", "{“We have to act before winter,”} <she> added."],
    ]);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let g = c
        .groups
        .iter()
        .find(|g| g.relation == Relation::Reworded)
        .expect("reworded group");
    assert_eq!(g.claims, vec!["c0", "c1", "c2"]);
    assert_eq!(g.diffs.len(), 1);
    let ops: Vec<String> = g.diffs[0]
        .ops
        .iter()
        .map(|o| format!("{}:{}", o.op, o.text))
        .collect();
    assert_eq!(
        ops.join(" | "),
        "same:The situation is | removed:extremely | added:very | same:dangerous. We | removed:must | added:have to | same:act before winter,"
    );
}

#[test]
fn quote_pieces_diff_their_own_words() {
    // Each group's diff holds the piece's words, not the attribution between the pieces.
    let b = build(&[
        &["{“It is hard to overstate the part played by [Brussels], the part played by [Michel] himself,”} <spokesman [Eric Mamer]> told reporters. {“The commission is naturally doing everything it can to calm the dispute over fishing rights.”}"],
        &["{“It is difficult to overstate the role of [Brussels], [Michel]'s role personally,”} <[Eric Mamer]> said.", "{“The commission is of course doing all it can to calm the dispute over fishing rights,”} <he> added."],
        &["{“The situation is extremely dangerous,”} <[Ursula Lindqvist]> told the council in [Brussels]. {“We must act before the first snow closes the mountain roads.”}"],
        &["{“The situation is very dangerous. We have to act before the first snow closes the mountain roads,”} <[Ursula Lindqvist]> told the council in [Brussels]."],
    ]);
    // Both two-piece quotes are compared piece by piece.
    let (units, _) = pieces::split(&b.claims);
    assert_eq!(units.len(), b.claims.len() + 2);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let diff_of = |ids: &[&str]| -> String {
        let g = c
            .groups
            .iter()
            .find(|g| g.claims == ids)
            .unwrap_or_else(|| panic!("no group {ids:?}: {:?}", summary(&c)));
        assert_eq!(g.relation, Relation::Reworded, "{ids:?}");
        g.diffs
            .iter()
            .flat_map(|d| &d.ops)
            .map(|o| format!("{}:{}", o.op, o.text))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert_eq!(
        diff_of(&["c0", "c1"]),
        "same:It is | removed:hard | added:difficult | same:to overstate the | removed:part played by | added:role of | same:Brussels, | removed:the part played by Michel himself, | added:Michel's role personally,"
    );
    assert_eq!(
        diff_of(&["c0", "c2"]),
        "same:The commission is | removed:naturally | added:of course | same:doing | removed:everything | added:all | same:it can to calm the dispute over fishing rights."
    );
    assert_eq!(
        diff_of(&["c3", "c4"]),
        "same:The situation is | removed:extremely | added:very | same:dangerous, We | removed:must | added:have to | same:act before the first snow closes the mountain roads."
    );
}

#[test]
fn group_order_and_ids() {
    let b = build(&[
        &["{The central bank raised interest rates by half a point}.", "{Floods killed 12 people in the southern city of [Izium]}.|12 people;12;;people;killed"],
        &["{Floods killed 12 people in the southern city of [Izium]}.|12 people;12;;people;killed"],
        &["{Floods killed 12 people in the southern city of [Izium]}.|12 people;12;;people;killed"],
    ]);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let got: Vec<(String, Vec<u32>)> = c
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.docs.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("g0".to_string(), vec![0, 1, 2]),
            ("g1".to_string(), vec![0])
        ]
    );
    assert_eq!(c.groups[1].relation, Relation::Unique);
}

#[test]
fn pairs_show_rewrites_and_omissions() {
    let wire: &[&str] = &[
        "{Floods killed 12 people in the southern city of [Izium]}.|12 people;12;;people;killed",
        "<[Olena Petrova]> said {rescue teams from [Kharkiv] reached the flooded villages at dawn}.",
        "{The river rose four metres in two hours after the dam gave way}.",
    ];
    let b = build(&[
        wire,
        &["{The regional governor declared a state of emergency for the whole region}.", "{Schools will stay closed until further notice}."],
        wire,
        &["{Floods killed 12 people in the southern city of [Izium]}.|12 people;12;;people;killed", "{The regional governor declared a state of emergency for the whole region}."],
    ]);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let p02 = c
        .pairs
        .iter()
        .find(|p| p.a == 0 && p.b == 2)
        .expect("pair 0-2");
    assert_eq!(p02.shared, 3);
    assert!((p02.overlap - 1.0).abs() < 1e-9);
    let best = c
        .pairs
        .iter()
        .filter(|p| p.a == 0 || p.b == 0)
        .max_by_key(|p| p.shared)
        .expect("pairs");
    assert_eq!((best.a, best.b), (0, 2));
    // Only pairs that share a group are listed: 0-1 and 1-2 share none.
    assert_eq!(c.pairs.len(), 4);
    assert!(c.pairs.iter().all(|p| p.shared > 0));
    // Article 1 omits the flood toll carried by three of the four.
    let flood = c
        .groups
        .iter()
        .find(|g| g.docs == vec![0, 2, 3])
        .expect("flood group");
    assert!(c.articles[1]
        .omits
        .iter()
        .any(|o| o.group == flood.id && o.carried_by == 3));
    // Article 0 omits the emergency, carried by two of the three others.
    let emergency = c
        .groups
        .iter()
        .find(|g| g.docs == vec![1, 3])
        .expect("emergency group");
    let omits0: Vec<&str> = c.articles[0]
        .omits
        .iter()
        .map(|o| o.group.as_str())
        .collect();
    assert_eq!(omits0, vec![emergency.id.as_str()]);
}

#[test]
fn citations_merge_by_entity() {
    let b = build(&[&[
        "{Floods killed 12 people in [Izium]}, ^[Reuters] reported.",
        "{Rescue teams reached the villages at dawn}, according to ^[Reuters].",
        "{The dam gave way overnight}, ^[AP] said.",
    ]]);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let cites: Vec<(String, usize)> = c.articles[0]
        .cites
        .iter()
        .map(|x| (x.name.clone(), x.claims.len()))
        .collect();
    assert_eq!(
        cites,
        vec![("Reuters".to_string(), 2), ("AP".to_string(), 1)]
    );
    assert!(c.articles[0].cites[0].entity.is_some());
}

#[test]
fn messy_input_does_not_panic() {
    // Spans out of range, docs past the document list, empty texts.
    let claim = Claim {
        id: "c0".into(),
        doc: 7,
        kind: crate::report::ClaimKind::Quote,
        sentence: Span {
            start: 50,
            end: 10,
            text: "“".into(),
        },
        content: Span {
            start: 0,
            end: 0,
            text: String::new(),
        },
        pieces: vec![Span {
            start: 40,
            end: 2,
            text: "x".into(),
        }],
        cue: None,
        source: Some(Span {
            start: 0,
            end: 1,
            text: "he".into(),
        }),
        speaker: Some("nobody".into()),
        cited: vec![Span {
            start: 9,
            end: 3,
            text: "😀".into(),
        }],
        quantities: vec![Quantity {
            span: Span {
                start: 0,
                end: 0,
                text: String::new(),
            },
            value: Some(f64::NAN),
            low: Some(f64::NAN),
            high: None,
            unknown: true,
            qualifier: Some(String::new()),
            unit: Some("-".into()),
            event: Some(String::new()),
        }],
    };
    let mut other = claim.clone();
    other.id = "c1".into();
    other.doc = 0;
    let c = compare(&[], &[], &[claim, other]);
    assert_eq!(c.groups.iter().map(|g| g.claims.len()).sum::<usize>(), 2);
}

#[test]
fn one_row_per_lone_sentence() {
    let at = |id: usize, doc: u32, sentence: u32| Claim {
        id: format!("c{id}"),
        doc,
        kind: crate::report::ClaimKind::Numeric,
        sentence: Span {
            start: sentence,
            end: sentence + 10,
            text: String::new(),
        },
        content: Span {
            start: sentence,
            end: sentence + 5,
            text: String::new(),
        },
        pieces: Vec::new(),
        cue: None,
        source: None,
        speaker: None,
        cited: Vec::new(),
        quantities: Vec::new(),
    };
    // Claims 0 and 1: one sentence of article 0 that no other article tells; 2: another
    // sentence of it; 3 in the first sentence too, but told by article 1 as well (4): its row
    // stays its own.
    let claims = [
        at(0, 0, 0),
        at(1, 0, 0),
        at(2, 0, 20),
        at(3, 0, 0),
        at(4, 1, 0),
    ];
    let origin = [0, 1, 2, 3, 4];
    let rows = lone_sentences_together(
        vec![vec![0], vec![2], vec![1], vec![3, 4]],
        &origin,
        &claims,
    );
    assert_eq!(rows, vec![vec![0, 1], vec![2], vec![3, 4]]);
}

#[test]
fn a_group_names_the_pieces_it_holds() {
    // The first article's quote is in two pieces; each joins a different claim of the second.
    let b = build(&[
        &["{“It is hard to overstate the part played by [Brussels], the part played by [Michel] himself,”} <spokesman [Eric Mamer]> told reporters. {“The commission is doing everything it can to calm the dispute over fishing rights.”}"],
        &["{“It is difficult to overstate the role of [Brussels], [Michel]'s role personally,”} <[Eric Mamer]> said.", "{“The commission is doing everything it can to calm the dispute over fishing rights.”} <he> added."],
    ]);
    let c = compare(&b.documents, &b.entities, &b.claims);
    let held = |ids: &[&str]| -> Vec<String> {
        let g = c.groups.iter().find(|g| g.claims == ids).expect("group");
        assert!(g.pieces.iter().all(|p| p.claim == "c0"));
        g.pieces
            .iter()
            .flat_map(|p| p.spans.iter().map(|s| s.text.clone()))
            .collect()
    };
    assert_eq!(
        held(&["c0", "c1"]),
        ["“It is hard to overstate the part played by Brussels, the part played by Michel himself,”"]
    );
    assert_eq!(
        held(&["c0", "c2"]),
        ["“The commission is doing everything it can to calm the dispute over fishing rights.”"]
    );
    // A claim held whole names no pieces.
    assert!(c
        .groups
        .iter()
        .all(|g| g.pieces.iter().all(|p| p.claim != "c1")));
}
