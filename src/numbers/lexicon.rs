//! The figure lexicon, `data/lexicon/numbers.tsv`, parsed once.
//!
//! Phrases are kept as token sequences (lower case) so they can be matched on the tokens of
//! a sentence; single words also go into hash maps for O(1) look-ups.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Multi-token phrases (lower case) with a payload each, indexed by their first and by their
/// last word, so that a look-up at a token visits only the phrases that can match there rather
/// than the whole list (the figure and date rules look up several lists at every token).
pub(crate) struct Phrases<T> {
    list: Vec<(Vec<&'static str>, T)>,
    /// Positions in `list` of the phrases starting with a word, in list order.
    by_first: FxHashMap<&'static str, Vec<usize>>,
    /// Positions in `list` of the phrases ending with a word, in list order.
    by_last: FxHashMap<&'static str, Vec<usize>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            list: Vec::new(),
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
        }
    }
}

impl<T> Phrases<T> {
    /// Adds a phrase at the end of the list (an empty phrase is kept but never matches).
    pub fn push(&mut self, entry: (Vec<&'static str>, T)) {
        let at = self.list.len();
        if let (Some(first), Some(last)) = (entry.0.first(), entry.0.last()) {
            self.by_first.entry(first).or_default().push(at);
            self.by_last.entry(last).or_default().push(at);
        }
        self.list.push(entry);
    }

    /// Orders the list longest phrase first (stable), so the first match is the longest.
    pub fn sort_longest_first(&mut self) {
        let mut list = std::mem::take(&mut self.list);
        list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        *self = Phrases::default();
        for e in list {
            self.push(e);
        }
    }

    /// The phrases in list order.
    pub fn iter(&self) -> std::slice::Iter<'_, (Vec<&'static str>, T)> {
        self.list.iter()
    }

    /// How many phrases there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The first words of the phrases, in no order.
    pub fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_first.keys().copied()
    }

    /// The phrases starting with `word`, in list order.
    pub fn starting_with<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a (Vec<&'static str>, T)> + 'a {
        let at = self.by_first.get(word).map_or(&[][..], Vec::as_slice);
        at.iter().map(|&k| &self.list[k])
    }

    /// The phrases ending with `word`, in list order.
    pub fn ending_with<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a (Vec<&'static str>, T)> + 'a {
        let at = self.by_last.get(word).map_or(&[][..], Vec::as_slice);
        at.iter().map(|&k| &self.list[k])
    }
}

/// How a qualifier bounds the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// At least: [v, inf).
    Ge,
    /// More than: (v, inf).
    Gt,
    /// Just over: (v, 1.1 v].
    Over2,
    /// At most, up to: [0, v].
    Le,
    /// Fewer than: [0, v).
    Lt,
    /// Nearly: [0.9 v, v].
    Near,
    /// Around: [0.9 v, 1.1 v].
    Approx,
    /// Exactly: [v, v].
    Exact,
    /// Between: needs a second number.
    Between,
    /// Another, a further: an increment, not a total.
    Another,
}

/// An event word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EventWord {
    pub lemma: &'static str,
    pub class: &'static str,
    /// `V` verb form, `A` adjective, `N` noun.
    pub pos: char,
}

/// A counted noun.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Head {
    /// The singular form ("soldier" for "troops").
    pub lemma: &'static str,
    pub class: &'static str,
    pub superclass: &'static str,
}

/// A measurement unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Measure {
    pub symbol: &'static str,
    pub dimension: &'static str,
    pub base: f64,
}

pub(crate) struct Lexicon {
    pub card: FxHashMap<&'static str, f64>,
    pub scale: FxHashMap<&'static str, f64>,
    pub suffix: FxHashMap<&'static str, f64>,
    pub vague: Phrases<(f64, f64)>,
    pub qual: Phrases<(&'static str, Rel)>,
    pub cursym: Vec<(&'static str, &'static str)>,
    pub curword: Phrases<&'static str>,
    pub percent: Phrases<&'static str>,
    pub dur: FxHashMap<&'static str, f64>,
    pub age: Phrases<()>,
    pub measure: Phrases<Measure>,
    /// Scales named before their reading ("magnitude 6.4"): word → unit symbol.
    pub measure_before: FxHashMap<&'static str, &'static str>,
    pub event: FxHashMap<&'static str, EventWord>,
    pub head: FxHashMap<&'static str, Head>,
    pub stop: FxHashSet<&'static str>,
    pub back: FxHashSet<&'static str>,
    pub fwdstop: FxHashSet<&'static str>,
    pub anaphor: FxHashSet<&'static str>,
    pub unkadj: FxHashSet<&'static str>,
    pub unkneg: Phrases<()>,
    pub unkverb: FxHashSet<&'static str>,
    pub unknoun: Phrases<()>,
    pub unkstate: Phrases<()>,
}

fn words(s: &'static str) -> Vec<&'static str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

fn num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Longest phrases first, so the first match is the longest.
fn sort<T>(p: &mut Phrases<T>) {
    p.sort_longest_first();
}

/// The lexicon (parsed on first use).
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(include_str!("../../data/lexicon/numbers.tsv")))
}

fn parse(src: &'static str) -> Lexicon {
    let mut lx = Lexicon {
        card: FxHashMap::default(),
        scale: FxHashMap::default(),
        suffix: FxHashMap::default(),
        vague: Phrases::default(),
        qual: Phrases::default(),
        cursym: Vec::new(),
        curword: Phrases::default(),
        percent: Phrases::default(),
        dur: FxHashMap::default(),
        age: Phrases::default(),
        measure: Phrases::default(),
        measure_before: FxHashMap::default(),
        event: FxHashMap::default(),
        head: FxHashMap::default(),
        stop: FxHashSet::default(),
        back: FxHashSet::default(),
        fwdstop: FxHashSet::default(),
        anaphor: FxHashSet::default(),
        unkadj: FxHashSet::default(),
        unkneg: Phrases::default(),
        unkverb: FxHashSet::default(),
        unknoun: Phrases::default(),
        unkstate: Phrases::default(),
    };
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("");
        match at(0) {
            "card" => {
                if let Some(v) = num(at(2)) {
                    lx.card.insert(at(1), v);
                }
            }
            "scale" => {
                if let Some(v) = num(at(2)) {
                    lx.scale.insert(at(1), v);
                }
            }
            "suffix" => {
                if let Some(v) = num(at(2)) {
                    lx.suffix.insert(at(1), v);
                }
            }
            "vague" => {
                if let (Some(lo), Some(hi)) = (num(at(2)), num(at(3))) {
                    lx.vague.push((words(at(1)), (lo, hi)));
                }
            }
            "qual" => {
                let rel = match at(3) {
                    "ge" => Rel::Ge,
                    "gt" => Rel::Gt,
                    "over2" => Rel::Over2,
                    "le" => Rel::Le,
                    "lt" => Rel::Lt,
                    "near" => Rel::Near,
                    "approx" => Rel::Approx,
                    "exact" => Rel::Exact,
                    "between" => Rel::Between,
                    "another" => Rel::Another,
                    _ => continue,
                };
                lx.qual.push((words(at(1)), (at(2), rel)));
            }
            "cursym" => lx.cursym.push((at(1), at(2))),
            "curword" => lx.curword.push((words(at(1)), at(2))),
            "percent" => lx.percent.push((words(at(1)), at(2))),
            "dur" => {
                if let Some(v) = num(at(2)) {
                    lx.dur.insert(at(1), v);
                }
            }
            "age" => lx.age.push((words(at(1)), ())),
            "measure" => {
                if let Some(base) = num(at(4)) {
                    let m = Measure {
                        symbol: at(2),
                        dimension: at(3),
                        base,
                    };
                    lx.measure.push((words(at(1)), m));
                }
            }
            "before" => {
                lx.measure_before.insert(at(1), at(2));
            }
            "event" => {
                let pos = at(4).chars().next().unwrap_or('N');
                lx.event.insert(
                    at(1),
                    EventWord {
                        lemma: at(2),
                        class: at(3),
                        pos,
                    },
                );
            }
            "head" => {
                lx.head.insert(
                    at(1),
                    Head {
                        lemma: at(2),
                        class: at(3),
                        superclass: at(4),
                    },
                );
            }
            "stop" => {
                lx.stop.insert(at(1));
            }
            "back" => {
                lx.back.insert(at(1));
            }
            "fwdstop" => {
                lx.fwdstop.insert(at(1));
            }
            "anaphor" => {
                lx.anaphor.insert(at(1));
            }
            "unkadj" => {
                lx.unkadj.insert(at(1));
            }
            "unkneg" => lx.unkneg.push((words(at(1)), ())),
            "unkverb" => {
                lx.unkverb.insert(at(1));
            }
            "unknoun" => lx.unknoun.push((words(at(1)), ())),
            "unkstate" => lx.unkstate.push((words(at(1)), ())),
            _ => {}
        }
    }
    for p in [
        &mut lx.unkneg,
        &mut lx.unknoun,
        &mut lx.unkstate,
        &mut lx.age,
    ] {
        sort(p);
    }
    sort(&mut lx.vague);
    sort(&mut lx.qual);
    sort(&mut lx.curword);
    sort(&mut lx.percent);
    sort(&mut lx.measure);
    // Longest symbol first: "us$" before "$".
    lx.cursym.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    lx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        let src = include_str!("../../data/lexicon/numbers.tsv");
        let known = [
            "card", "scale", "suffix", "vague", "qual", "cursym", "curword", "percent", "dur",
            "age", "measure", "before", "event", "head", "stop", "back", "fwdstop", "anaphor",
            "unkadj", "unkneg", "unkverb", "unknoun", "unkstate",
        ];
        for line in src.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert!(known.contains(&f[0]), "unknown section: {line:?}");
            let want = match f[0] {
                "card" | "scale" | "suffix" | "cursym" | "curword" | "percent" | "dur"
                | "before" => 3,
                "vague" | "qual" => 4,
                "measure" | "event" | "head" => 5,
                _ => 2,
            };
            assert_eq!(f.len(), want, "field count: {line:?}");
            for w in &f[1..] {
                assert_eq!(w.trim(), *w, "stray space: {line:?}");
            }
        }
        let lx = lexicon();
        assert_eq!(lx.card.get("forty"), Some(&40.0));
        assert_eq!(lx.event.get("killed").map(|e| e.lemma), Some("kill"));
        assert!(lx.qual.len() > 40);
        assert_eq!(lx.measure_before.get("magnitude"), Some(&"magnitude"));
    }
}
