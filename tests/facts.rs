//! Planted discrepancies through the whole pipeline: two tellings of one invented event
//! (`tests/fixtures/factory-fire/`, not the sample articles) that differ on figures, a time, a
//! status, a statement and two reworded quotes. Each row of `expected.tsv` names a phrase of
//! each article and what the group holding both sentences must say: the conflict kind, or
//! `reworded`. Never `agree`.
//!
//! Whether the two sentences land in one group is the grouping's job (`src/compare/cluster.rs`
//! and its scorer), not the relation's: the rows it does not group today are listed in
//! [`NOT_GROUPED`] with a FIXME, and the test asserts that behaviour too, so a grouping fix
//! shows up here as a failure asking to move the row back among the checked ones.

#![cfg(not(target_arch = "wasm32"))]

use corroborate::report::{ClaimKind, Group, Relation, Report};
use corroborate::{analyze, Article};

const A: &str = include_str!("fixtures/factory-fire/a.txt");
const B: &str = include_str!("fixtures/factory-fire/b.txt");
const EXPECTED: &str = include_str!("fixtures/factory-fire/expected.tsv");

// FIXME(numbers): "and a crane" is no figure for the numbers stage (no claim of its own, so it
// cannot line up with "two cranes") and is not put in a group with it, so this discrepancy is
// not flagged. The distances, the owner's status and the two reworded quotes, listed here
// before the learned pair scorer, are grouped and flagged now.
const NOT_GROUPED: &[&str] = &["and a crane"];

fn report() -> Report {
    analyze(&[Article::new("a.txt", A), Article::new("b.txt", B)]).expect("within limits")
}

/// Ids of the claims of `doc` whose content holds `phrase`; when none does, the claims other
/// than figures whose sentence holds it (a sentence with several figures gives one `numeric`
/// claim per figure, each with the whole sentence).
fn claims_with(r: &Report, doc: u32, phrase: &str) -> Vec<String> {
    let of = |keep: &dyn Fn(&corroborate::report::Claim) -> bool| -> Vec<String> {
        r.claims
            .iter()
            .filter(|c| c.doc == doc && keep(c))
            .map(|c| c.id.clone())
            .collect()
    };
    let by_content = of(&|c| c.content.text.contains(phrase));
    if !by_content.is_empty() {
        return by_content;
    }
    of(&|c| c.kind != ClaimKind::Numeric && c.sentence.text.contains(phrase))
}

/// The groups holding a claim of each list.
fn joint<'r>(r: &'r Report, a: &[String], b: &[String]) -> Vec<&'r Group> {
    r.groups
        .iter()
        .filter(|g| {
            g.claims.iter().any(|c| a.contains(c)) && g.claims.iter().any(|c| b.contains(c))
        })
        .collect()
}

#[test]
fn planted_discrepancies_are_flagged() {
    let r = report();
    let mut wrong = Vec::new();
    let mut flagged = 0;
    let rows: Vec<Vec<&str>> = EXPECTED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    for row in &rows {
        let [pa, pb, want] = row[..] else {
            panic!("bad row {row:?}");
        };
        let any = |doc: u32, p: &str| -> Vec<String> {
            p.split('|').flat_map(|x| claims_with(&r, doc, x)).collect()
        };
        let (a, b) = (any(0, pa), any(1, pb));
        let groups = joint(&r, &a, &b);
        if NOT_GROUPED.contains(&pa) {
            // Current behaviour, recorded: no group holds both, so nothing calls them `agree`.
            if !groups.is_empty() {
                wrong.push(format!(
                    "{pa:?} / {pb:?} are grouped now: move the row out of NOT_GROUPED"
                ));
            }
            continue;
        }
        if a.is_empty() || b.is_empty() {
            wrong.push(format!("{pa:?} / {pb:?}: no claim holds one of them"));
            continue;
        }
        let Some(g) = groups.first() else {
            wrong.push(format!("{pa:?} / {pb:?}: not in one group"));
            continue;
        };
        let ok = if want == "reworded" {
            g.relation == Relation::Reworded && !g.diffs.is_empty()
        } else {
            g.relation == Relation::Conflict
                && g.conflicts.iter().any(|c| {
                    c.kind.as_str() == want
                        && c.values.iter().any(|v| v.doc == 0)
                        && c.values.iter().any(|v| v.doc == 1)
                        && !c.note.is_empty()
                        && c.may_hold == (want == "range")
                })
        };
        if ok {
            flagged += 1;
        } else {
            wrong.push(format!(
                "{pa:?} / {pb:?}: want {want}, got {} {:?} ({})",
                g.relation,
                g.conflicts
                    .iter()
                    .map(|c| c.kind.as_str())
                    .collect::<Vec<_>>(),
                g.reason
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(flagged, rows.len() - NOT_GROUPED.len());
    // No group holding claims of both articles with a planted difference is `agree`.
    for g in r.groups.iter().filter(|g| g.docs.len() > 1) {
        assert_ne!(g.relation, Relation::Agree, "{} agrees: {}", g.id, g.reason);
    }
}

#[test]
fn conflict_values_sit_side_by_side_in_document_order() {
    let r = report();
    for g in r.groups.iter().filter(|g| g.relation == Relation::Conflict) {
        for c in &g.conflicts {
            let docs: Vec<u32> = c.values.iter().map(|v| v.doc).collect();
            let mut sorted = docs.clone();
            sorted.sort_unstable();
            assert_eq!(docs, sorted, "{}: {:?}", g.id, c.kind);
            assert!(c.values.iter().all(|v| !v.text.is_empty()), "{}", g.id);
        }
    }
}
