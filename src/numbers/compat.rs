//! Can two figures describe the same quantity without contradiction?
//!
//! Works only from the public fields of [`Figure`], so figures built by other code compare the
//! same way. See the module docs of [`super`] for the rules.

use super::lexicon::lexicon;
use super::{Figure, NumKind};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The answer of [`compatible`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compatibility {
    /// Both can hold at once.
    Compatible,
    /// They count the same thing and cannot both hold.
    Conflict,
    /// They count the same thing and one side says the number is unknown.
    Unknown,
    /// They count different things (unit, group, event, currency), or one is an increment
    /// ("another 50"): not comparable.
    Unrelated,
}

/// How the sets two figures count relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Same,
    /// The first counts a part of what the second counts ("soldiers" of "people").
    Sub,
    /// The first counts a whole the second is part of.
    Super,
    /// Neither contains the other, but they may share members.
    Overlap,
    Disjoint,
}

fn combine(a: Rel, b: Rel) -> Rel {
    use Rel::*;
    match (a, b) {
        (Disjoint, _) | (_, Disjoint) => Disjoint,
        (Same, x) | (x, Same) => x,
        (Sub, Sub) => Sub,
        (Super, Super) => Super,
        _ => Overlap,
    }
}

/// What a figure's number is measured in; figures of different dimensions never compare.
#[derive(Clone, Debug, PartialEq)]
enum Dim {
    Count,
    Duration,
    Age,
    Measure(&'static str),
    Money(String),
    Percent(String),
}

fn measures() -> &'static FxHashMap<&'static str, (&'static str, f64)> {
    static M: OnceLock<FxHashMap<&'static str, (&'static str, f64)>> = OnceLock::new();
    M.get_or_init(|| {
        lexicon()
            .measure
            .iter()
            .map(|(_, m)| (m.symbol, (m.dimension, m.base)))
            .collect()
    })
}

fn event_classes() -> &'static FxHashMap<&'static str, &'static str> {
    static M: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    M.get_or_init(|| {
        lexicon()
            .event
            .values()
            .map(|e| (e.lemma, e.class))
            .collect()
    })
}

/// The dimension and the factor to a common base unit.
fn dim(f: &Figure) -> (Dim, f64) {
    let unit = f.unit.as_deref();
    match f.kind {
        NumKind::Money => (Dim::Money(unit.unwrap_or("").to_string()), 1.0),
        NumKind::Percent => (Dim::Percent(unit.unwrap_or("%").to_string()), 1.0),
        NumKind::Quantity => match unit {
            Some("day") => (Dim::Duration, 1.0),
            Some("years old") => (Dim::Age, 1.0),
            Some("months old") => (Dim::Age, 1.0 / 12.0),
            Some(u) => match measures().get(u) {
                Some((d, base)) => (Dim::Measure(d), *base),
                None => (Dim::Count, 1.0),
            },
            None => (Dim::Count, 1.0),
        },
    }
}

fn event_rel(a: Option<&str>, b: Option<&str>) -> Rel {
    let (Some(a), Some(b)) = (a, b) else {
        return Rel::Same;
    };
    let class = |e: &str| -> String {
        event_classes()
            .get(e)
            .map(|c| c.to_string())
            .unwrap_or_else(|| e.to_lowercase())
    };
    let (ca, cb) = (class(a), class(b));
    if ca == cb {
        Rel::Same
    } else if ca == "casualty" && matches!(cb.as_str(), "death" | "injury") {
        Rel::Super
    } else if cb == "casualty" && matches!(ca.as_str(), "death" | "injury") {
        Rel::Sub
    } else {
        Rel::Disjoint
    }
}

/// A national or group modifier reduced to a stem, so "Azeri", "Azeris" and "Azerbaijani" meet.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suf in ["ians", "ian", "ans", "an", "is", "i", "ese", "ish", "s"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    w
}

fn stems_meet(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Counted-noun description: class (None = anything), superclass, group stems.
struct Noun {
    class: Option<String>,
    superclass: Option<String>,
    groups: Vec<String>,
}

fn noun(unit: Option<&str>) -> Noun {
    let lx = lexicon();
    let Some(u) = unit else {
        return Noun {
            class: None,
            superclass: None,
            groups: Vec::new(),
        };
    };
    let words: Vec<&str> = u.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((head, mods)) = words.split_last() else {
        return Noun {
            class: None,
            superclass: None,
            groups: Vec::new(),
        };
    };
    let mut groups: Vec<String> = mods
        .iter()
        .filter(|m| m.chars().next().is_some_and(char::is_uppercase))
        .map(|m| stem(m))
        .collect();
    let hl = head.to_lowercase();
    let (class, superclass) = if let Some(h) = lx.head.get(hl.as_str()) {
        (Some(h.class.to_string()), Some(h.superclass.to_string()))
    } else if lx.event.contains_key(hl.as_str()) {
        (None, None)
    } else if head.chars().next().is_some_and(char::is_uppercase) && hl.ends_with('s') {
        // a plural group name: "Azeris", "Armenians"
        groups.push(stem(head));
        (Some("person".to_string()), Some("person".to_string()))
    } else {
        let lemma = hl
            .strip_suffix("ies")
            .map(|s| format!("{s}y"))
            .or_else(|| {
                hl.strip_suffix('s')
                    .filter(|s| !s.ends_with('s'))
                    .map(String::from)
            })
            .unwrap_or(hl.clone());
        (Some(lemma.clone()), Some(lemma))
    };
    Noun {
        class,
        superclass,
        groups,
    }
}

fn noun_rel(a: &Noun, b: &Noun) -> Rel {
    let head = match (&a.class, &b.class) {
        (None, _) | (_, None) => Rel::Same,
        (Some(x), Some(y)) if x == y => Rel::Same,
        (Some(x), Some(_)) if Some(x) == b.superclass.as_ref() => Rel::Super,
        (Some(_), Some(y)) if Some(y) == a.superclass.as_ref() => Rel::Sub,
        _ => Rel::Disjoint,
    };
    let groups = match (a.groups.is_empty(), b.groups.is_empty()) {
        (true, true) => Rel::Same,
        (true, false) => Rel::Super,
        (false, true) => Rel::Sub,
        (false, false) => {
            let a_in_b = a
                .groups
                .iter()
                .all(|x| b.groups.iter().any(|y| stems_meet(x, y)));
            let b_in_a = b
                .groups
                .iter()
                .all(|y| a.groups.iter().any(|x| stems_meet(x, y)));
            let any = a
                .groups
                .iter()
                .any(|x| b.groups.iter().any(|y| stems_meet(x, y)));
            match (a_in_b, b_in_a, any) {
                (true, true, _) => Rel::Same,
                (_, _, false) => Rel::Disjoint,
                _ => Rel::Overlap,
            }
        }
    };
    combine(head, groups)
}

/// (low, low open, high, high open) in base units, or None when the figure has no number.
fn bounds(f: &Figure, factor: f64) -> Option<(f64, bool, f64, bool)> {
    let v = f.value;
    let lo = f.low.or(v)?;
    let hi = f.high.or(v)?;
    if lo.is_nan() || hi.is_nan() {
        return None;
    }
    Some((lo * factor, f.low_open, hi * factor, f.high_open))
}

/// Is `lo` (low end of one side) at most `hi` (high end of the other), given open ends?
fn le(lo: f64, lo_open: bool, hi: f64, hi_open: bool) -> bool {
    lo < hi || (lo == hi && !lo_open && !hi_open)
}

/// Can `a` and `b` describe the same quantity without contradiction? See the module docs of
/// [`super`] for the rules and tolerances.
pub fn compatible(a: &Figure, b: &Figure) -> Compatibility {
    if a.qualifier == Some("another") || b.qualifier == Some("another") {
        return Compatibility::Unrelated;
    }
    let (da, fa) = dim(a);
    let (db, fb) = dim(b);
    if da != db {
        return Compatibility::Unrelated;
    }
    let ev = event_rel(a.event.as_deref(), b.event.as_deref());
    let rel = match da {
        Dim::Count => combine(
            noun_rel(&noun(a.unit.as_deref()), &noun(b.unit.as_deref())),
            ev,
        ),
        _ => ev,
    };
    if matches!(rel, Rel::Disjoint | Rel::Overlap) {
        return Compatibility::Unrelated;
    }
    match (a.unknown, b.unknown) {
        (true, true) => return Compatibility::Compatible,
        (true, false) | (false, true) => return Compatibility::Unknown,
        _ => {}
    }
    let (Some(ia), Some(ib)) = (bounds(a, fa), bounds(b, fb)) else {
        return Compatibility::Unrelated;
    };
    // a part cannot outnumber its whole; equal sets must overlap
    let a_fits = le(ia.0, ia.1, ib.2, ib.3); // a's low end is not above b's high end
    let b_fits = le(ib.0, ib.1, ia.2, ia.3);
    let ok = match rel {
        Rel::Same => a_fits && b_fits,
        Rel::Sub => a_fits,
        Rel::Super => b_fits,
        _ => true,
    };
    if ok {
        Compatibility::Compatible
    } else {
        Compatibility::Conflict
    }
}
