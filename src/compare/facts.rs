//! Figures lined up as facts across articles, whatever the sentences around them say.
//!
//! The clustering ([`super::cluster`]) groups claims told in similar words. Two outlets often
//! give the same fact in sentences built differently: "27 people were arrested on suspicion of
//! violent disorder" / "Riot police arrested 41 people on Tuesday after a protest". Such
//! sentences rarely reach the link threshold, and when they do, each is often already held by
//! a group of another article's claims, so the figures are never set side by side — and a
//! figure that differs is the difference a reader most needs to see.
//!
//! So after clustering, every figure that says both what it counts and what happened to it
//! (a specific counted thing, [`Counted::specific`], and an event: killed, arrested, injured,
//! evacuated…) is keyed by that pair, and the figures of different articles with the same key
//! ([`same_thing`]) become one more row, a *fact*: one claim per article, each shown with its
//! sentence. A fact row is added only when its claims are not already together in one group,
//! so a claim may stand in its sentence's row and in a fact row. The relation of the row is
//! computed as for any group ([`super::relation::relate`]): figures that cannot both hold make
//! it a conflict. Each pair of a row must also score at least the clustering's mean
//! ([`super::model::Model::mean`]) with the learned scorer: a figure of an earlier event told
//! as background ("In February, a gunman killed five people") shares the key of the event's
//! own toll but little else; and the two must name the same months or years alone, if any
//! (`background_date`). Requiring a shared entity as well was tried and dropped: on ECB+
//! it removed as many true rows (23 pirates captured, told by 12 articles) as false ones.
//!
//! Limits: a background event dated by weekday, or a second incident of one story ("injuring
//! at least two people" / "About 100 people have been injured" in one riot), still makes a
//! row, and its figures a conflict.
//!
//! Figures without an event ("a magnitude 6.1 earthquake", "about 8 km from the coast") are
//! not keyed: what a bare measure is about is not read, and a depth would be set against a
//! distance.
//!
//! Cost: figures are bucketed by event (class or word); inside a bucket each figure is tried
//! against at most [`MAX_FACTS`] open facts, so the pass grows with the figures, not their
//! square.

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{Features, Term};
use super::quantity::{same_thing, Counted};

/// Open facts per event bucket; later figures of a crowded bucket are left out.
pub const MAX_FACTS: usize = 32;

/// Minutes two clock times may lie apart to be one moment told two ways. Set by reasoning and
/// checked on ECB+ train and dev: of the 5 conflicting time rows it leaves, 4 are one moment
/// given differently by two outlets (noon / 11 a.m.; 2 / 2:30 a.m.; 2 / 2:18 p.m.; 3:30 / 4:30
/// p.m. ET) and one a dateline's timestamp (72 minutes apart); without it, two moments of one
/// story also made rows (a fire reported at 6:00 and out by 9:30; 4:20 / 7 p.m.). The blind
/// pairs' differences (78 and 90 minutes) are inside.
pub const TIME_GAP: i32 = 90;

/// Can `c` key a fact: it says what it counts and what happened, and is no increment?
fn keyed(c: &Counted) -> bool {
    !c.events.is_empty() && c.specific() && !c.increment && !c.duration
}

/// The buckets a figure falls in: its event classes, else its event words.
fn buckets(c: &Counted) -> Vec<String> {
    if c.classes.is_empty() {
        c.events.iter().map(|e| format!("e:{e}")).collect()
    } else {
        c.classes.iter().map(|k| format!("c:{k}")).collect()
    }
}

/// Is the date term `name` (`d:` and the normalised value, see [`super::features`]) a month
/// or a year alone ("d:2003-12", "d:XXXX-02", "d:2003")? News dates its own event by day
/// ("on Sunday", "November 28"); a month or a year dates an earlier one told as background
/// ("in December 2003, a quake killed more than 26,000 people").
fn background_date(name: &str) -> bool {
    let Some(v) = name.strip_prefix("d:") else {
        return false;
    };
    let year = |y: &str| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit() || c == 'X');
    match v.split_once('-') {
        None => year(v) && v.chars().all(|c| c.is_ascii_digit()),
        Some((y, m)) => year(y) && m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()),
    }
}

/// The background dates of a unit (`background_date`), ascending.
fn backgrounds(f: &Features, names: &[String]) -> Vec<Term> {
    f.terms
        .iter()
        .copied()
        .filter(|&t| names.get(t as usize).is_some_and(|n| background_date(n)))
        .collect()
}

/// Does `c` count people or things in general only ("people", "victims"), with no specific
/// head or side?
fn general(c: &Counted) -> bool {
    c.heads.is_empty() && c.countries.is_empty()
}

/// Do two units give one fact: some keyed figure of each counts the same thing? A general
/// count against a specific one ("more than 6,000 people died then" / "at least 49 Armenian
/// soldiers") is one fact only when both start from the same value ("one man" / "one
/// person"; "46 people" / "at least 46 demonstrators"): "people" may count others than the
/// soldiers, so different values say nothing against each other.
fn one_fact(a: &Features, b: &Features) -> bool {
    let same_low = |x: &Counted, y: &Counted| match (x.interval, y.interval) {
        (Some(i), Some(j)) => i.lo == j.lo,
        _ => false,
    };
    a.counted.iter().filter(|c| keyed(c)).any(|ca| {
        b.counted
            .iter()
            .filter(|c| keyed(c))
            .any(|cb| same_thing(ca, cb) && (general(ca) == general(cb) || same_low(ca, cb)))
    })
}

/// What a fact row lines up, and so what its relation compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// Figures that count the same thing with the same event.
    Figure,
    /// The clock time of one event.
    Time,
}

/// The minutes past midnight of the date term `name` when it is a clock time ("d:T04:40Z",
/// "d:2005-11-27T15:41", "d:XXXX-WXX-2T03:00"; the dates stage writes hours and minutes with
/// two digits each).
fn clock_minutes(name: &str) -> Option<i32> {
    let (_, t) = name.strip_prefix("d:")?.rsplit_once('T')?;
    if t.get(2..3) != Some(":") {
        return None;
    }
    let h: i32 = t.get(..2)?.parse().ok()?;
    let m: i32 = t.get(3..5)?.parse().ok()?;
    Some(h * 60 + m)
}

/// Fact rows over the units `feats`, given the `groups` the clustering made (lists of unit
/// indices). Each row holds units of at least two articles, at most one per article; each unit
/// is tested against the row's first unit (its seed): it dates no other event
/// (`background_date`) than the seed does, and
/// - [`Fact::Figure`]: its keyed figures count the same thing as the seed's (`one_fact`), and
///   `alike` scores the two at least `floor`;
/// - [`Fact::Time`]: both sentences give one clock time, at most [`TIME_GAP`] minutes apart,
///   and `alike` scores the two at least `time_floor` (a time has no key of its own: the
///   sentences must be one claim by the scorer's measure).
///
/// Rows whose sentences one of `groups` already holds are left out. `names` are the term
/// names.
pub fn rows(
    feats: &[Features],
    names: &[String],
    groups: &[Vec<usize>],
    alike: impl Fn(usize, usize) -> f64,
    floor: f64,
    time_floor: f64,
) -> Vec<(Vec<usize>, Fact)> {
    // Sentence → the groups holding a unit of it.
    let sentence = |u: usize| (feats[u].doc, feats[u].sentence);
    let mut held: FxHashMap<(u32, (u32, u32)), Vec<usize>> = FxHashMap::default();
    for (g, m) in groups.iter().enumerate() {
        for &u in m {
            if u < feats.len() {
                held.entry(sentence(u)).or_default().push(g);
            }
        }
    }
    // Bucket → units, in unit order (units come in document order).
    let mut bucketed: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    for (u, f) in feats.iter().enumerate() {
        let mut keys: Vec<String> = f
            .counted
            .iter()
            .filter(|c| keyed(c))
            .flat_map(buckets)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            let i = *at.entry(k.clone()).or_insert_with(|| {
                bucketed.push((k, Vec::new()));
                bucketed.len() - 1
            });
            bucketed[i].1.push(u);
        }
    }
    let dated: Vec<Vec<Term>> = feats.iter().map(|f| backgrounds(f, names)).collect();
    // Greedy: each unit joins the first open row of the bucket whose first unit (its seed) it
    // fits and whose articles do not include its own. Testing the seed alone keeps the pass
    // linear in the units (at most `MAX_FACTS` tests each); testing every member made 2,000
    // one-sentence articles take 2.4 s of CPU instead of 0.4 s.
    let gather = |units: &[usize], fits: &dyn Fn(usize, usize) -> bool| -> Vec<Vec<usize>> {
        let mut facts: Vec<(Vec<usize>, FxHashSet<u32>)> = Vec::new();
        for &u in units {
            let doc = feats[u].doc;
            let home = facts.iter().position(|(m, docs)| {
                !docs.contains(&doc) && dated[m[0]] == dated[u] && fits(m[0], u)
            });
            match home {
                Some(i) => {
                    facts[i].0.push(u);
                    facts[i].1.insert(doc);
                }
                None if facts.len() < MAX_FACTS => {
                    facts.push((vec![u], std::iter::once(doc).collect()));
                }
                None => {}
            }
        }
        facts.into_iter().map(|(m, _)| m).collect()
    };
    let mut found: Vec<(Vec<usize>, Fact)> = Vec::new();
    for (_, units) in &bucketed {
        let fits = |v: usize, u: usize| one_fact(&feats[v], &feats[u]) && alike(v, u) >= floor;
        found.extend(gather(units, &fits).into_iter().map(|m| (m, Fact::Figure)));
    }
    // The clock time of each unit whose sentence gives exactly one.
    let minutes: Vec<Option<i32>> = feats
        .iter()
        .map(|f| {
            let mut clocks = f
                .terms
                .iter()
                .filter_map(|&t| names.get(t as usize).and_then(|n| clock_minutes(n)));
            match (clocks.next(), clocks.next()) {
                (Some(m), None) => Some(m),
                _ => None,
            }
        })
        .collect();
    let timed: Vec<usize> = (0..feats.len()).filter(|&u| minutes[u].is_some()).collect();
    let fits = |v: usize, u: usize| {
        alike(v, u) >= time_floor
            && matches!((minutes[v], minutes[u]), (Some(a), Some(b)) if (a - b).abs() <= TIME_GAP)
    };
    found.extend(gather(&timed, &fits).into_iter().map(|m| (m, Fact::Time)));
    let mut out: Vec<(Vec<usize>, Fact)> = Vec::new();
    let mut seen: FxHashSet<Vec<usize>> = FxHashSet::default();
    for (m, fact) in found {
        let docs: FxHashSet<u32> = m.iter().map(|&u| feats[u].doc).collect();
        let together = m
            .first()
            .and_then(|&u| held.get(&sentence(u)))
            .is_some_and(|gs| {
                gs.iter().any(|g| {
                    m.iter()
                        .all(|&u| held.get(&sentence(u)).is_some_and(|h| h.contains(g)))
                })
            });
        if docs.len() >= 2 && !together && seen.insert(m.clone()) {
            out.push((m, fact));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::quantity::Interval;
    use super::*;

    #[test]
    fn background_dates() {
        for (term, want) in [
            ("d:2003-12", true),
            ("d:XXXX-02", true),
            ("d:2003", true),
            ("d:2005-11-28", false),
            ("d:XXXX-WXX-7", false),
            ("d:THIS_P1D", false),
            ("d:T09:10", false),
            ("d:XXXX", false),
            ("w:2003", false),
        ] {
            assert_eq!(background_date(term), want, "{term}");
        }
    }

    /// A unit of article `doc`, sentence `sentence`, with one figure of `value` counting
    /// `head` (None: "people") of the event `event`, and the terms `terms`.
    fn unit(
        doc: u32,
        sentence: u32,
        value: f64,
        head: Option<&str>,
        event: &str,
        terms: &[Term],
    ) -> Features {
        let counted = Counted {
            heads: head.iter().map(|h| h.to_string()).collect(),
            generic: head.is_none(),
            events: [event.to_string()].into_iter().collect(),
            interval: Some(Interval {
                lo: value,
                lo_open: false,
                hi: value,
                hi_open: false,
            }),
            ..Counted::default()
        };
        Features {
            doc,
            sentence: (sentence, sentence + 10),
            counted: vec![counted],
            terms: terms.to_vec(),
            ..Features::default()
        }
    }

    #[test]
    fn rows_table() {
        let names: Vec<String> = ["d:XXXX-02", "d:XXXX-WXX-7"].map(String::from).to_vec();
        let apart = vec![vec![0], vec![1], vec![2]];
        // (units, groups, pair score, rows wanted)
        type Case = (Vec<Features>, Vec<Vec<usize>>, f64, Vec<Vec<usize>>);
        let cases: Vec<(&str, Case)> = vec![
            (
                "27 / 41 people arrested, in rows of their own: one fact",
                (
                    vec![
                        unit(0, 0, 27.0, None, "arrest", &[]),
                        unit(1, 0, 41.0, None, "arrest", &[]),
                    ],
                    apart.clone(),
                    0.5,
                    vec![vec![0, 1]],
                ),
            ),
            (
                "already in one group: no row",
                (
                    vec![
                        unit(0, 0, 27.0, None, "arrest", &[]),
                        unit(1, 0, 41.0, None, "arrest", &[]),
                    ],
                    vec![vec![0, 1]],
                    0.5,
                    vec![],
                ),
            ),
            (
                "scored under the floor: no row",
                (
                    vec![
                        unit(0, 0, 27.0, None, "arrest", &[]),
                        unit(1, 0, 41.0, None, "arrest", &[]),
                    ],
                    apart.clone(),
                    0.3,
                    vec![],
                ),
            ),
            (
                "one article: no row",
                (
                    vec![
                        unit(0, 0, 27.0, None, "arrest", &[]),
                        unit(0, 20, 41.0, None, "arrest", &[]),
                    ],
                    apart.clone(),
                    0.5,
                    vec![],
                ),
            ),
            (
                "another event: no row",
                (
                    vec![
                        unit(0, 0, 27.0, None, "arrest", &[]),
                        unit(1, 0, 41.0, None, "evacuate", &[]),
                    ],
                    apart.clone(),
                    0.5,
                    vec![],
                ),
            ),
            (
                "an earlier event dated by month: no row; dated by weekday: a row",
                (
                    vec![
                        unit(0, 0, 10.0, None, "kill", &[1]),
                        unit(1, 0, 612.0, None, "kill", &[0]),
                        unit(2, 0, 12.0, None, "kill", &[]),
                    ],
                    apart.clone(),
                    0.5,
                    vec![vec![0, 2]],
                ),
            ),
            (
                "people against soldiers: a row only with the same value",
                (
                    vec![
                        unit(0, 0, 49.0, Some("soldier"), "kill", &[]),
                        unit(1, 0, 6000.0, None, "kill", &[]),
                        unit(2, 0, 49.0, None, "kill", &[]),
                    ],
                    apart.clone(),
                    0.5,
                    vec![vec![0, 2]],
                ),
            ),
        ];
        for (what, (feats, groups, score, want)) in cases {
            let got: Vec<Vec<usize>> = rows(&feats, &names, &groups, |_, _| score, 0.4, 0.6)
                .into_iter()
                .map(|(m, _)| m)
                .collect();
            assert_eq!(got, want, "{what}");
        }
    }
}
