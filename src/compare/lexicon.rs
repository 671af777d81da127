//! The word lists the comparison uses, parsed once from `data/lexicon/compare-*`.
//!
//! - `compare-stopwords.txt`: function words and reporting verbs, dropped before matching.
//! - `compare-synonyms.txt`: near-synonym sets; every member's stem maps to the first member's.
//! - `compare-places.txt`: countries with their demonyms, capitals and seats of government, so
//!   that "Yerevan said" and "Armenia said", or "Azeri positions" and "Azerbaijani positions",
//!   name the same party.
//! - `compare-irregular.txt`: irregular verb forms → base form, looked up before stemming.
//! - `compare-events.txt`: classes of events told of figures; different classes, different facts.
//! - `attribution-outlets.txt` (shared with the claim stage): news outlets and agencies, so
//!   that "CNN reported" is known for an outlet relaying a claim.
//! - `compare-negations.txt`, `compare-unknown.txt`: negation cues, and the verbs after which a
//!   negation says a fact is unknown rather than false.
//! - `compare-place-prepositions.txt`: prepositions a place follows ("of Bloomington"), for
//!   the `detail` conflict.
//! - `compare-record-verbs.txt`: words that lead to a win–loss record after "to" ("improved his
//!   record to 52-3"), and `compare-score-words.txt`: words that mark a tally as a game's
//!   final score ("a 20-13 victory", "beat Dallas 20-13"), both for [`super::record`].

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use super::stem::stem;

/// All comparison word lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Lower-case words to drop.
    pub stopwords: FxHashSet<String>,
    /// Stem → canonical stem of its synonym set.
    pub synonyms: FxHashMap<String, String>,
    /// Irregular form → base form.
    pub irregular: FxHashMap<String, String>,
    /// Lower-case name (single or multi-word) → country key (the country's lower-case name).
    pub places: FxHashMap<String, String>,
    /// Longest place name, in words.
    pub place_words: usize,
    /// Word key → event class index.
    pub events: FxHashMap<String, usize>,
    /// Outlet names, lower case, words joined by single spaces.
    pub outlets: FxHashSet<String>,
    /// Longest outlet name, in words.
    pub outlet_words: usize,
    /// Lower-case negation cues.
    pub negations: FxHashSet<String>,
    /// Stems of words after which a negation marks an unknown.
    pub unknown: FxHashSet<String>,
    /// Lower-case prepositions a place follows.
    pub place_prepositions: FxHashSet<String>,
    /// Words that, right after a negation cue, undo it ("not only").
    pub negation_undoers: FxHashSet<String>,
    /// Lower-case words that lead to a win–loss record after "to" ("improved … to 52-3").
    pub record_verbs: FxHashSet<String>,
    /// Lower-case words that mark a tally as a game's final score ("a 20-13 victory").
    pub score_words: FxHashSet<String>,
}

const PLACE_PREPOSITIONS: &str = include_str!("../../data/lexicon/compare-place-prepositions.txt");
const NEGATION_UNDOERS: &str = include_str!("../../data/lexicon/compare-negation-undoers.txt");
const RECORD_VERBS: &str = include_str!("../../data/lexicon/compare-record-verbs.txt");
const SCORE_WORDS: &str = include_str!("../../data/lexicon/compare-score-words.txt");

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

impl Lexicon {
    /// Does `text` name a listed outlet (whole words, any case)?
    pub fn names_outlet(&self, text: &str) -> bool {
        let ws: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        (0..ws.len()).any(|i| {
            (1..=self.outlet_words.min(ws.len() - i))
                .any(|n| self.outlets.contains(&ws[i..i + n].join(" ")))
        })
    }

    /// The event class of a word key, if it is listed.
    pub fn event_class(&self, key: &str) -> Option<usize> {
        self.events.get(key).copied()
    }

    /// The canonical key for a lower-case word: its stem mapped through the synonym table.
    pub fn key(&self, lower: &str) -> String {
        let base = self
            .irregular
            .get(lower)
            .map(String::as_str)
            .unwrap_or(lower);
        let s = stem(&base.replace('-', ""));
        match self.synonyms.get(&s) {
            Some(c) => c.clone(),
            None => s,
        }
    }
}

/// The lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let stopwords = lines(include_str!("../../data/lexicon/compare-stopwords.txt"))
            .map(str::to_lowercase)
            .collect();
        let mut synonyms = FxHashMap::default();
        for l in lines(include_str!("../../data/lexicon/compare-synonyms.txt")) {
            let mut words = l
                .split_whitespace()
                .map(|w| stem(&w.to_lowercase().replace('-', "")));
            if let Some(first) = words.next() {
                for w in words {
                    synonyms.entry(w).or_insert_with(|| first.clone());
                }
                synonyms.entry(first.clone()).or_insert(first);
            }
        }
        let irregular: FxHashMap<String, String> =
            lines(include_str!("../../data/lexicon/compare-irregular.txt"))
                .filter_map(|l| l.split_once(' '))
                .map(|(f, b)| (f.trim().to_lowercase(), b.trim().to_lowercase()))
                .collect();
        let irregular_of = |w: &str| irregular.get(w).cloned().unwrap_or_else(|| w.to_string());
        let mut places = FxHashMap::default();
        let mut place_words = 1;
        for l in lines(include_str!("../../data/lexicon/compare-places.txt")) {
            let Some((country, names)) = l.split_once(':') else {
                continue;
            };
            let key = country.trim().to_lowercase();
            for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let n = name.to_lowercase();
                place_words = place_words.max(n.split_whitespace().count());
                places.entry(n).or_insert_with(|| key.clone());
            }
            place_words = place_words.max(key.split_whitespace().count());
            places.insert(key.clone(), key);
        }
        let mut events = FxHashMap::default();
        for (class, l) in lines(include_str!("../../data/lexicon/compare-events.txt")).enumerate() {
            for w in l.split_whitespace() {
                let lower = w.to_lowercase();
                let base = irregular_of(&lower);
                let s = stem(&base);
                let key = synonyms.get(&s).cloned().unwrap_or(s);
                events.entry(key).or_insert(class);
            }
        }
        let outlets: FxHashSet<String> =
            lines(include_str!("../../data/lexicon/attribution-outlets.txt"))
                .map(|l| {
                    l.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
                .collect();
        let outlet_words = outlets
            .iter()
            .map(|o| o.split(' ').count())
            .max()
            .unwrap_or(1);
        let negations = lines(include_str!("../../data/lexicon/compare-negations.txt"))
            .map(str::to_lowercase)
            .collect();
        let unknown = lines(include_str!("../../data/lexicon/compare-unknown.txt"))
            .map(|w| stem(&w.to_lowercase()))
            .collect();
        let place_prepositions = lines(PLACE_PREPOSITIONS).map(str::to_string).collect();
        let negation_undoers = lines(NEGATION_UNDOERS).map(str::to_string).collect();
        let record_verbs = lines(RECORD_VERBS).map(str::to_string).collect();
        let score_words = lines(SCORE_WORDS).map(str::to_string).collect();
        Lexicon {
            score_words,
            record_verbs,
            negation_undoers,
            place_prepositions,
            stopwords,
            synonyms,
            irregular,
            places,
            place_words,
            events,
            outlets,
            outlet_words,
            negations,
            unknown,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::lexicon;

    #[test]
    fn place_prepositions_are_single_lower_case_words() {
        for (name, data) in [
            ("compare-place-prepositions.txt", super::PLACE_PREPOSITIONS),
            ("compare-negation-undoers.txt", super::NEGATION_UNDOERS),
            ("compare-record-verbs.txt", super::RECORD_VERBS),
            ("compare-score-words.txt", super::SCORE_WORDS),
        ] {
            for l in super::lines(data) {
                assert!(
                    l.chars().all(|c| c.is_ascii_lowercase()),
                    "{name}: {l:?} is not one lower-case word"
                );
            }
        }
        assert!(lexicon().place_prepositions.contains("of"));
        assert!(lexicon().negation_undoers.contains("only"));
        assert!(lexicon().record_verbs.contains("improved"));
        assert!(lexicon().score_words.contains("victory"));
    }

    #[test]
    fn tables_load_and_map() {
        let lex = lexicon();
        // (word a, word b, same key?)
        let cases: &[(&str, &str, bool)] = &[
            ("shelled", "bombed", true),
            ("towns", "cities", true),
            ("killed", "died", true),
            ("killed", "wounded", false),
            ("de-escalate", "deescalate", true),
            ("soldiers", "troops", true),
            ("shelled", "attacked", false),
            ("sent", "deployed", true),
            ("fought", "fighting", true),
        ];
        for (a, b, same) in cases {
            assert_eq!(lex.key(a) == lex.key(b), *same, "{a} / {b}");
        }
        // (name, country)
        let places: &[(&str, &str)] = &[
            ("yerevan", "armenia"),
            ("azeri", "azerbaijan"),
            ("kremlin", "russia"),
            ("u.s.", "united states"),
            ("armenia", "armenia"),
        ];
        for (n, c) in places {
            assert_eq!(lex.places.get(*n).map(String::as_str), Some(*c), "{n}");
        }
        assert!(lex.stopwords.contains("said"));
        assert!(lex.negations.contains("not"));
        // (text, names an outlet?)
        let outlets: &[(&str, bool)] = &[
            ("CNN", true),
            ("the Associated Press", true),
            ("Reuters news agency", true),
            ("Armenian Prime Minister Nikol Pashinyan", false),
            ("", false),
        ];
        for (t, want) in outlets {
            assert_eq!(lex.names_outlet(t), *want, "{t}");
        }
    }
}
