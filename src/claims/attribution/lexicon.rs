//! The reporting-cue lexicon (`data/lexicon/cues.tsv`) and the small closed word classes the
//! span rules need (determiners, pronouns, auxiliaries, clause openers).
//!
//! Each cue entry is a lemma with its inflected forms (or a multi-word phrase) and a frame that
//! says where the content and the source sit relative to it; see the file header. The file is
//! parsed once into a map from the first word of a form to its entries.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Where content and source sit around a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "X said (that) C", "C, X said", "X said: “C”".
    Speech,
    /// "X told reporters (that) C": an addressee comes before the content.
    Object,
    /// "X accused Y of C", "X urged Y to C", "X criticized C": the content follows directly.
    Complement,
    /// "according to X, C": the source follows the cue.
    According,
    /// "X believes (that) C": a belief, intention or finding; clause after the cue only.
    Belief,
    /// "X declined to C", "X refused to C": content is the to-infinitive right after.
    To,
    /// "X seems to C", "X appeared to C": no source; the content is X plus the rest.
    Seem,
    /// A reporting noun before a that-clause: "Trump's claim that C", "allegations that C",
    /// or with its preposition: "his attacks on C", "concerns about C".
    Noun,
    /// "Asked whether C, X said …": a fronted "asked" and its question, no source (not in the
    /// lexicon file; set by the extractor).
    Asked,
}

/// One form of a cue.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The words of the form, lowercase.
    pub words: Vec<&'static str>,
    pub lemma: &'static str,
    pub frame: Frame,
    /// Gold cue count / occurrences of this form in PolNeAR train (for multi-word entries, of
    /// the first word), smoothed toward the lemma's pooled ratio (see `PRIOR`).
    pub ratio: f32,
    /// The form is a present participle ("saying", "adding").
    pub participle: bool,
}

/// First word → cue forms starting with it, longest first.
pub fn cues() -> &'static FxHashMap<&'static str, Vec<Cue>> {
    static MAP: OnceLock<FxHashMap<&'static str, Vec<Cue>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<&'static str, Vec<Cue>> = FxHashMap::default();
        for line in include_str!("../../../data/lexicon/cues.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(&lemma), Some(&forms), Some(&frame)) =
                (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let frame = match frame {
                "S" => Frame::Speech,
                "O" => Frame::Object,
                "N" => Frame::Complement,
                "A" => Frame::According,
                "B" => Frame::Belief,
                "T" => Frame::To,
                "E" => Frame::Seem,
                "M" => Frame::Noun,
                _ => continue,
            };
            let counts: Vec<&str> = cols
                .get(3)
                .map(|c| c.split(',').collect())
                .unwrap_or_default();
            // the lemma's ratio over all its forms: the prior for a form seen rarely in train
            // ("yells" 0/0 takes the ratio of "yell, yelled, yelling")
            let (h, t) = counts
                .iter()
                .filter_map(|c| parse_count(c))
                .fold((0.0, 0.0), |(a, b), (h, t)| (a + h, b + t));
            let pooled = if t > 0.0 { h / t } else { 0.0 };
            for (fi, form) in forms.split(',').enumerate() {
                let words: Vec<&'static str> = form.split_whitespace().collect();
                let Some(&first) = words.first() else {
                    continue;
                };
                let ratio = counts
                    .get(fi)
                    .and_then(|c| parse_count(c))
                    .map_or(0.0, |(h, t)| (h + PRIOR * pooled) / (t + PRIOR));
                let participle = words.iter().any(|w| w.ends_with("ing"));
                map.entry(first).or_default().push(Cue {
                    words,
                    lemma,
                    frame,
                    ratio,
                    participle,
                });
            }
        }
        for v in map.values_mut() {
            v.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        map
    })
}

/// Weight (in occurrences) of the lemma's pooled ratio in a form's smoothed cue ratio: a form
/// seen twice in train moves half way from the lemma's ratio to its own.
const PRIOR: f32 = 2.0;

/// "hits/total" → (hits, total).
fn parse_count(c: &str) -> Option<(f32, f32)> {
    let (h, t) = c.split_once('/')?;
    Some((h.trim().parse().ok()?, t.trim().parse().ok()?))
}

/// Outlets and agencies whose reporting is credited ("according to Reuters"), from
/// `data/lexicon/attribution-outlets.txt`, lower-cased once here, longest first.
pub fn outlets() -> &'static Vec<Vec<String>> {
    static SET: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut v: Vec<Vec<String>> = include_str!("../../../data/lexicon/attribution-outlets.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        v.sort_by_key(|o| std::cmp::Reverse(o.len()));
        v
    })
}

/// The lists of `data/lexicon/attribution-source-words.tsv`: words between a source and its
/// cue that are not part of it, light verbs, first-person pronouns.
#[derive(Debug, Default)]
pub struct SourceWords {
    /// Discourse adverbials ("however", "in turn", "for its part"), each as its words, longest
    /// first.
    pub adverbials: Vec<Vec<&'static str>>,
    /// Words opening an adjunct set off by commas ("at", "during").
    pub asides: Vec<&'static str>,
    /// -ing words opening a phrase that belongs to the noun before it ("including").
    pub modifiers: Vec<&'static str>,
    /// Verbs whose object is a reporting noun ("trade", "cast").
    pub light_verbs: Vec<&'static str>,
    /// Articles and possessives that open a noun phrase ("the", "his").
    pub articles: Vec<&'static str>,
    /// First-person pronouns ("i", "we").
    pub first_person: Vec<&'static str>,
    /// Lines that are not what the file holds (empty in a good build; a test checks).
    pub problems: Vec<String>,
}

/// The source word lists, read once and strictly: every line `kind<TAB>words`, lower-case
/// words, single words except adverbials, no duplicates; a line that breaks this is left out
/// and named in `SourceWords::problems`.
pub fn source_words() -> &'static SourceWords {
    static SET: OnceLock<SourceWords> = OnceLock::new();
    SET.get_or_init(|| {
        let mut out = SourceWords::default();
        let mut seen = std::collections::HashSet::new();
        for line in include_str!("../../../data/lexicon/attribution-source-words.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, words)) = line.split_once('\t') else {
                out.problems.push(format!("no tab: {line:?}"));
                continue;
            };
            let ws: Vec<&'static str> = words.split(' ').collect();
            let well_formed = ws
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '\''));
            if !well_formed || !seen.insert((kind, words)) {
                out.problems
                    .push(format!("bad or duplicate words: {line:?}"));
                continue;
            }
            match (kind, ws.as_slice()) {
                ("adverbial", _) => out.adverbials.push(ws),
                ("aside", [w]) => out.asides.push(w),
                ("modifier", [w]) => out.modifiers.push(w),
                ("light-verb", [w]) => out.light_verbs.push(w),
                ("article", [w]) => out.articles.push(w),
                ("first-person", [w]) => out.first_person.push(w),
                _ => out
                    .problems
                    .push(format!("unknown kind or not one word: {line:?}")),
            }
        }
        out.adverbials.sort_by_key(|a| std::cmp::Reverse(a.len()));
        out
    })
}

pub fn is_in(w: &str, set: &[&str]) -> bool {
    set.contains(&w)
}

/// Cue lemmas whose base and -s forms are also common nouns ("claims", "calls", "reports").
pub const NOUNISH: &[&str] = &[
    "state",
    "claim",
    "call",
    "report",
    "attack",
    "question",
    "charge",
    "comment",
    "answer",
    "plan",
    "hope",
    "fear",
    "promise",
    "note",
    "post",
    "tweet",
    "show",
    "find",
    "demand",
    "blame",
    "credit",
    "order",
    "press",
    "rule",
    "label",
    "brand",
    "challenge",
    "praise",
    "doubt",
    "guess",
    "estimate",
    "vow",
    "pledge",
    "counter",
    "object",
    "reason",
    "repeat",
    "reply",
    "dispute",
    "welcome",
    "thank",
    "cite",
    "report",
    "want",
    "need",
    "support",
    "remark",
    "protest",
    "joke",
    "warning",
    "request",
    "concern",
    "worry",
    "respond",
    "learn",
    "decline",
    "hint",
    "bet",
    "mention",
    "boast",
    "lament",
    "shout",
    "blast",
    "slam",
    "hail",
    "fault",
    "mock",
    "ridicule",
    "applaud",
    "invite",
    "assault",
    "defend",
    "suspect",
    "argue",
];

/// Subject pronouns: a source of their own.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "one"];

pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "another", "some", "many", "several", "two", "three", "both", "other", "one", "no", "each",
    "every", "most", "few", "all", "top", "senior", "former",
];

/// Words that may stand between a source and its cue ("has also said", "later told").
pub const FILLERS: &[&str] = &[
    "here",
    "long",
    "together",
    "ca",
    "wo",
    "has",
    "have",
    "had",
    "also",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "publicly",
    "reportedly",
    "once",
    "then",
    "again",
    "recently",
    "further",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "never",
    "n't",
    "already",
    "simply",
    "flatly",
    "privately",
    "quickly",
    "often",
    "frequently",
    "first",
    "initially",
    "subsequently",
    "separately",
    "similarly",
    "just",
    "since",
    "still",
    "even",
    "always",
    "explicitly",
    "openly",
    "angrily",
    "bluntly",
    "famously",
    "may",
    "might",
    "could",
    "should",
    "can",
    "must",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "had",
    "once",
    "now",
    "yet",
    "ever",
    "personally",
    "directly",
    "loudly",
    "tersely",
    "confidently",
    "emphatically",
    "jokingly",
    "wrongly",
    "falsely",
    "correctly",
    "rightly",
    "'s",
    "\u{2019}s",
    "'ve",
    "\u{2019}ve",
    "'d",
    "\u{2019}d",
];

/// Words that end a noun phrase when walking left from a cue: clause openers, conjunctions,
/// auxiliaries and prepositions that introduce adjuncts rather than belong to a name.
pub const NP_STOPS: &[&str] = &[
    "that",
    "which",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "but",
    "or",
    "if",
    "as",
    "so",
    "than",
    "although",
    "though",
    "after",
    "before",
    "until",
    "unless",
    "whether",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "n't",
    "to",
    "and",
    "also",
    "why",
    "how",
    "what",
    "said",
    "says",
    "say",
    "told",
    "even",
    "only",
    "just",
    "then",
    "now",
    "yet",
    "however",
    "meanwhile",
    "instead",
    "on",
    "in",
    "at",
    "during",
    "by",
    "with",
    "without",
    "into",
    "from",
    "over",
    "about",
    "against",
    "under",
    "through",
    "since",
    "like",
    "unlike",
    "for",
    "behind",
    "despite",
    "among",
    "amid",
    "upon",
    "via",
    "toward",
    "towards",
    "per",
    "within",
    "there",
    "here",
    "too",
    "very",
    "thus",
    "therefore",
];

/// Prepositions that may sit inside a source noun phrase ("spokesman for the campaign",
/// "fellow at Chatham House", "the head of the agency").
pub const NP_PREPS: &[&str] = &["of", "for", "at", "from", "in", "with", "on"];

/// Words that start a clause (so the content of a cue starts there, not at an object).
pub const CLAUSE_STARTS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "there", "this", "that", "the", "a", "an", "his",
    "her", "their", "its", "our", "my", "your", "if", "whether", "why", "how", "what", "when",
    "where", "who", "some", "many", "most", "no", "all", "both", "neither", "none",
];

/// Words that open an adjunct after a cue ("said on Tuesday", "told reporters in Moscow").
pub const ADJUNCT_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "to",
    "after",
    "before",
    "from",
    "last",
    "this",
    "late",
    "early",
    "earlier",
    "later",
    "via",
    "with",
    "when",
    "while",
    "through",
    "over",
    "by",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "recently",
    "previously",
    "again",
    "also",
    "afterward",
    "afterwards",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "then",
    "once",
    "flatly",
    "simply",
    "of",
    "about",
    "as",
    "outside",
    "inside",
    "into",
    "following",
    "ahead",
];

/// One-word sentence adverbs that may open a sentence before a comma ("Worse, …",
/// "Regardless, …"): not the subject.
pub const SENTENCE_ADVERBS: &[&str] = &[
    "worse",
    "regardless",
    "still",
    "however",
    "indeed",
    "moreover",
    "nevertheless",
    "nonetheless",
    "instead",
    "meanwhile",
    "finally",
    "ultimately",
    "similarly",
    "separately",
    "again",
    "now",
    "then",
    "today",
    "yesterday",
    "later",
    "earlier",
    "likewise",
    "besides",
    "furthermore",
    "additionally",
    "notably",
    "overall",
    "yet",
    "thus",
    "hence",
    "accordingly",
    "clearly",
    "obviously",
    "first",
    "second",
    "third",
    "lastly",
    "also",
    "otherwise",
    "so",
    "well",
    "yes",
    "no",
    "sure",
    "better",
    "worst",
    "best",
    "instead",
    "further",
    "afterward",
];

/// Nouns ending in -ly (not adverbs).
pub const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "assembly",
    "rally",
    "supply",
    "anomaly",
    "monopoly",
    "bully",
    "reply",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "homily",
    "melee",
    "lily",
    "jelly",
    "belly",
    "folly",
    "tally",
    "italy",
    "july",
    "sly",
    "holly",
    "polly",
    "kelly",
    "emily",
    "billy",
];

/// Words after ", he said," that continue an adjunct, not the reported sentence.
pub const PARENTHETICAL_STOPS: &[&str] = &[
    "who",
    "which",
    "whom",
    "whose",
    "where",
    "when",
    "as",
    "because",
    "according",
    "although",
    "though",
    "but",
    "and",
    "while",
    "after",
    "before",
    "since",
    "until",
    "if",
    "citing",
    "adding",
    "noting",
    "referring",
    "a",
    "an",
    "the",
    "not",
    "even",
    "then",
    "so",
    "in",
];

/// Words that end the object of a complement cue ("praised the plan as …", "condemned the
/// launch while …").
pub const COMPLEMENT_ENDS: &[&str] = &[
    "when",
    "while",
    "amid",
    "after",
    "before",
    "because",
    "so",
    "since",
    "until",
    "though",
    "although",
    "if",
    "despite",
    "even",
    "whereas",
    "but",
    "during",
    "following",
];

/// Words after a comma that end a reported clause ("… he said the deal was dead, but …").
/// Words that end the object of a reporting noun's preposition ("his attacks on Clinton | have
/// …"): finite auxiliaries and copulas, the next clause's verb.
pub const OBJECT_ENDS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do", "comes", "came", "seems", "seemed", "remains",
    "remained",
];

/// Verbs whose object is a reporting noun spoken by their subject ("expressed concern about",
/// "raised questions about", "voiced opposition to").
pub const EXPRESSING: &[&str] = &[
    "expressed",
    "express",
    "expresses",
    "expressing",
    "voiced",
    "voice",
    "voices",
    "voicing",
    "raised",
    "raise",
    "raises",
    "raising",
    "renewed",
    "repeated",
    "leveled",
    "levelled",
    "launched",
    "stepped",
    "toned",
    "made",
    "makes",
    "make",
    "making",
    "reiterated",
    "stated",
];

pub const CLAUSE_ENDS: &[&str] = &[
    "but", "while", "even", "although", "though", "whereas", "with",
];

/// Conjunctions that open a clause of their own after ", SOURCE said," ("…,” she said, but
/// Kevin was drifting off").
pub const CLAUSE_LINKS: &[&str] = &[
    "but", "and", "while", "as", "though", "although", "because", "before", "after", "when",
    "since", "so", "then", "which", "who", "whereas",
];

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// Time words that may follow a cue directly ("said Tuesday the deal …").
pub const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "recently",
    "earlier",
    "later",
    "previously",
];
