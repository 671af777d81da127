//! The date lexicon, `data/lexicon/dates.tsv`, parsed once.

use crate::numbers::lexicon::Phrases;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub(crate) struct DateLex {
    pub month: FxHashMap<&'static str, u32>,
    /// ISO weekday, and whether this is the full name.
    pub weekday: FxHashMap<&'static str, (u32, bool)>,
    pub part: FxHashMap<&'static str, &'static str>,
    pub season: FxHashMap<&'static str, &'static str>,
    /// Value and kind (`D` or `T`).
    pub rel: Phrases<(&'static str, char)>,
    pub dir: FxHashMap<&'static str, &'static str>,
    pub period: FxHashMap<&'static str, &'static str>,
    pub anchor: Phrases<&'static str>,
    pub modifier: Phrases<&'static str>,
    pub ampm: FxHashMap<&'static str, &'static str>,
    pub tz: Phrases<&'static str>,
    pub yearcue: FxHashSet<&'static str>,
    pub notyear: Phrases<()>,
    pub ordinal: FxHashMap<&'static str, u32>,
    pub quarter: FxHashMap<&'static str, &'static str>,
    /// Words after a bare "7:42" that make it a game clock.
    pub gameclock: Phrases<()>,
}

fn words(s: &'static str) -> Vec<&'static str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

pub(crate) fn lexicon() -> &'static DateLex {
    static LEX: OnceLock<DateLex> = OnceLock::new();
    LEX.get_or_init(|| parse(include_str!("../../data/lexicon/dates.tsv")))
}

fn parse(src: &'static str) -> DateLex {
    let mut lx = DateLex {
        month: FxHashMap::default(),
        weekday: FxHashMap::default(),
        part: FxHashMap::default(),
        season: FxHashMap::default(),
        rel: Phrases::default(),
        dir: FxHashMap::default(),
        period: FxHashMap::default(),
        anchor: Phrases::default(),
        modifier: Phrases::default(),
        ampm: FxHashMap::default(),
        tz: Phrases::default(),
        yearcue: FxHashSet::default(),
        notyear: Phrases::default(),
        ordinal: FxHashMap::default(),
        quarter: FxHashMap::default(),
        gameclock: Phrases::default(),
    };
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("");
        let n = |i: usize| at(i).parse::<u32>().ok();
        match at(0) {
            "month" => {
                if let Some(m) = n(2) {
                    lx.month.insert(at(1), m);
                }
            }
            "weekday" => {
                if let Some(d) = n(2) {
                    lx.weekday.insert(at(1), (d, at(3) == "1"));
                }
            }
            "part" => {
                lx.part.insert(at(1), at(2));
            }
            "season" => {
                lx.season.insert(at(1), at(2));
            }
            "rel" => {
                let kind = at(3).chars().next().unwrap_or('D');
                lx.rel.push((words(at(1)), (at(2), kind)));
            }
            "dir" => {
                lx.dir.insert(at(1), at(2));
            }
            "period" => {
                lx.period.insert(at(1), at(2));
            }
            "anchor" => lx.anchor.push((words(at(1)), at(2))),
            "mod" => lx.modifier.push((words(at(1)), at(2))),
            "ampm" => {
                lx.ampm.insert(at(1), at(2));
            }
            "tz" => lx.tz.push((words(at(1)), at(2))),
            "yearcue" => {
                lx.yearcue.insert(at(1));
            }
            "notyear" => lx.notyear.push((words(at(1)), ())),
            "ordinal" => {
                if let Some(v) = n(2) {
                    lx.ordinal.insert(at(1), v);
                }
            }
            "quarter" => {
                lx.quarter.insert(at(1), at(2));
            }
            "gameclock" => lx.gameclock.push((words(at(1)), ())),
            _ => {}
        }
    }
    for p in [&mut lx.anchor, &mut lx.modifier, &mut lx.tz] {
        p.sort_longest_first();
    }
    lx.rel.sort_longest_first();
    lx.notyear.sort_longest_first();
    lx.gameclock.sort_longest_first();
    lx
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_line_parses() {
        let src = include_str!("../../data/lexicon/dates.tsv");
        for line in src.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let want = match f[0] {
                "month" | "part" | "season" | "dir" | "period" | "anchor" | "mod" | "ampm"
                | "tz" | "ordinal" | "quarter" => 3,
                "weekday" | "rel" => 4,
                "yearcue" | "notyear" | "gameclock" => 2,
                other => panic!("unknown section {other:?} in {line:?}"),
            };
            assert_eq!(f.len(), want, "field count: {line:?}");
        }
        let lx = super::lexicon();
        assert_eq!(lx.month.get("sept"), Some(&9));
        assert_eq!(lx.weekday.get("tuesday"), Some(&(2, true)));
    }
}
