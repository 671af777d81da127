//! Can two figures both hold? The comparison of report-level [`Quantity`] values.
//!
//! The numbers stage ([`crate::numbers`]) already reads each figure as an interval: the
//! report's `low`/`high` (null `high` after a `low`: no upper bound) and `unknown`. This module
//! does not read numbers, qualifiers or magnitudes again; it decides whether two figures are
//! about the same thing ([`same_thing`]) and then compares those intervals ([`fit`]):
//!
//! - **What is counted** (`unit`): lower-cased, stemmed, mapped through the synonym table, with
//!   country names, demonyms and capitals folded into one country key. Countries must overlap
//!   when both sides name one ("Armenian soldiers" is not "Azerbaijani troops"; "Azeris" is
//!   "Azerbaijani troops"); head words must overlap when both sides have a specific one
//!   (`soldiers`/`troops` are synonyms; `people`, `casualties`, `victims` fit any head). A
//!   figure whose unit names no side may be given one by the comparison (see
//!   [`Counted::side`]): the party that withholds a toll ("it did not disclose the number of
//!   casualties") is read as withholding its own.
//! - **What happened** (`event`, or an event word inside the unit such as `dead`): both given
//!   means they must be the same after stemming and synonyms (killed = died = dead, but not
//!   wounded). `casualties` fits both killed and wounded. Events are sorted into classes by
//!   `data/lexicon/compare-events.txt` (killed, wounded, arrested, evacuated, rose, fell…):
//!   different classes are different facts; an unlisted event decides nothing.
//!   Units of measure (`percent`, `dollars`, `km`) are not what is counted: "60 percent" only
//!   lines up with another figure through a shared event.
//! - **Durations** are figures whose unit is `day` (the numbers stage writes every duration in
//!   days: "six-week war" = [38.5, 45.5], "44-day war" = [43.5, 44.5]); they only line up with
//!   durations.
//! - **Values**: the intervals `[low, high]` meet → [`Fit::Compatible`]; disjoint →
//!   [`Fit::Conflict`]. The report has no open/closed flag, so the ends are read closed except
//!   where the normalised qualifier says otherwise (`more than`, `over`, `just over`: the low
//!   end is excluded; `fewer than`: the high end), so "more than 49" clashes with "49". A value
//!   with no bounds (hand-built data) is the point `[value, value]`. An increment (`another`
//!   50) is never compared: [`Fit::Unrelated`].
//! - **Unknown**: a figure the text says is not known ("an undisclosed number", "did not
//!   disclose") against a figure is [`Fit::Unknown`], a conflict in what is known; two unknowns
//!   are [`Fit::Compatible`].
//! - **Values that fit but differ** ([`spread`]): [`Fit::Compatible`] only says both may hold.
//!   Two lower bounds with different values ("at least 23" / "at least 31", often a later
//!   update), a bound and a figure beyond it ("more than 160" / "about 190"), or two estimates
//!   that overlap without one containing the other ("about 300" / "about 250") are not the
//!   same figure, and the relation shows them as a conflict that may hold ([`Spread`]). The
//!   same value, a figure within another's stated approximation ("about 120" / 118: the
//!   bounded interval of one contains the other's), or a vague figure with no number
//!   ("thousands") that meets the other are the same figure.
//! - **Measures** ([`measure`]): "about 3 km from the city centre" has no counted thing; the
//!   relation compares such figures only when two grouped claims each give one figure in
//!   the same measure.

use std::collections::BTreeSet;

use super::lexicon::{lexicon, Lexicon};
use crate::report::Quantity;

/// How two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// They count different things or different events.
    Unrelated,
    /// Same thing; the values can both hold.
    Compatible,
    /// Same thing; the values cannot both hold.
    Conflict,
    /// Same thing; one gives a figure, the other says it is not known.
    Unknown,
}

/// What a figure counts and what happened to it, normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counted {
    /// Country keys named in the unit.
    pub countries: BTreeSet<String>,
    /// Specific head words (stems through synonyms), e.g. `soldier`.
    pub heads: BTreeSet<String>,
    /// A generic head was used (`people`, `casualties`).
    pub generic: bool,
    /// Event keys (`kill`, `wound`, `deploy`), from `event` and event words in the unit.
    pub events: BTreeSet<String>,
    /// Event classes of `events` (see `data/lexicon/compare-events.txt`).
    pub classes: BTreeSet<usize>,
    /// `casualties`: fits killed and wounded alike.
    pub any_harm: bool,
    /// A duration (unit `day`, as the numbers stage writes every duration).
    pub duration: bool,
    /// The values the figure allows ([`interval`]); `None` when it is not known.
    pub interval: Option<Interval>,
    /// An increment ("another 50"): never compared.
    pub increment: bool,
}

const GENERIC: &[&str] = &[
    "casualty",
    "people",
    "person",
    "persons",
    "individuals",
    "individual",
    "victims",
    "victim",
    "casualty",
    "casualties",
    "number",
    "numbers",
    "toll",
    "figure",
    "total",
    "lives",
    "life",
    "men",
    "others",
    "losses",
    "loss",
];
/// Units of measure: "60 percent" of what is not in the unit; a speed or a magnitude says what
/// it measures by its unit alone.
const MEASURES: &[&str] = &[
    "percent",
    "%",
    "per",
    "cent",
    "percentage",
    "points",
    "point",
    "basis",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "yuan",
    "yen",
    "rubles",
    "roubles",
    "$",
    "€",
    "£",
    "usd",
    "kilometres",
    "kilometers",
    "km",
    "miles",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "barrels",
    "km/h",
    "mph",
    "kn",
    "magnitude",
];
const HARM: &[&str] = &[
    "casualty",
    "casualties",
    "losses",
    "loss",
    "victims",
    "toll",
];
/// Unit words that are really events ("49 dead").
const EVENT_WORDS: &[&str] = &[
    "dead",
    "deaths",
    "death",
    "killed",
    "wounded",
    "injured",
    "fatalities",
    "missing",
];
/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("an", 1.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}' || c == '\u{2014}')
        .map(|w| {
            w.trim_matches(|c: char| {
                !c.is_alphanumeric() && c != '.' && c != ',' && c != '\'' && c != '\u{2019}'
            })
            .trim_end_matches([',', '.'])
            .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn parse_number(w: &str) -> Option<f64> {
    if let Some((_, v)) = NUMBER_WORDS.iter().find(|(n, _)| *n == w) {
        return Some(*v);
    }
    let digits: String = w.chars().filter(|c| *c != ',').collect();
    digits.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Counted {
    /// Normalises what `q` counts.
    pub fn of(q: &Quantity) -> Counted {
        let lex = lexicon();
        let mut c = Counted {
            duration: q.unit.as_deref() == Some("day"),
            interval: if is_unknown(q) { None } else { interval(q) },
            increment: increment(q),
            ..Counted::default()
        };
        if let Some(e) = &q.event {
            for w in words(e) {
                if GENERIC.contains(&w.as_str()) || HARM.contains(&w.as_str()) {
                    // "the number of casualties": what is counted, not what happened.
                    add_unit_words(&mut c, lex, std::slice::from_ref(&w));
                } else if !lex.stopwords.contains(&w) {
                    c.events.insert(lex.key(&w));
                }
            }
        }
        if let Some(u) = &q.unit {
            add_unit_words(&mut c, lex, &words(u));
        }
        c.classes = c.events.iter().filter_map(|e| lex.event_class(e)).collect();
        c
    }

    /// Gives a figure that names no side (no country in its unit) the side `countries`: used
    /// for a withheld toll, which the party withholding it is read to hold back about its own
    /// losses ("Baku did not disclose the number of casualties" → Azerbaijani casualties).
    pub fn side(&mut self, countries: impl IntoIterator<Item = String>) {
        if self.countries.is_empty() {
            self.countries.extend(countries);
        }
    }

    /// Keys naming the toll this figure gives: `country:class` for each side it names and
    /// each listed event class it is told of (`casualties` with no event: both the killed and
    /// the wounded classes). "50 Azerbaijani troops killed", "an undisclosed number of Azeris
    /// killed" and a withheld Azerbaijani casualty count share one; the Armenian toll does
    /// not. Empty for durations and for figures with no side or no listed event.
    pub fn toll_keys(&self) -> Vec<String> {
        if self.duration || self.countries.is_empty() {
            return Vec::new();
        }
        let lex = lexicon();
        let mut classes = self.classes.clone();
        if classes.is_empty() && self.any_harm {
            classes.extend(
                ["killed", "wounded"]
                    .iter()
                    .filter_map(|w| lex.event_class(&lex.key(w))),
            );
        }
        self.countries
            .iter()
            .flat_map(|c| classes.iter().map(move |k| format!("{c}:{k}")))
            .collect()
    }

    /// Are the events told of the two figures of different listed classes?
    pub fn events_clash(&self, o: &Counted) -> bool {
        !self.classes.is_empty() && !o.classes.is_empty() && !self.events_fit(o)
    }

    fn countries_fit(&self, o: &Counted) -> bool {
        self.countries.is_empty()
            || o.countries.is_empty()
            || !self.countries.is_disjoint(&o.countries)
    }

    fn heads_fit(&self, o: &Counted) -> bool {
        self.heads.is_empty() || o.heads.is_empty() || !self.heads.is_disjoint(&o.heads)
    }

    /// Does the figure say what it counts (a head, a side, or a generic head such as
    /// `people`), or is it a duration? A bare "thousands died" does not.
    pub fn specific(&self) -> bool {
        self.duration || self.has_unit()
    }

    fn has_unit(&self) -> bool {
        !self.heads.is_empty() || !self.countries.is_empty() || self.generic
    }

    fn events_fit(&self, o: &Counted) -> bool {
        if self.events.is_empty() || o.events.is_empty() {
            return true;
        }
        if !self.events.is_disjoint(&o.events) {
            return true;
        }
        let harm = |c: &Counted| c.events.iter().any(|e| is_harm(e));
        if (self.any_harm && harm(o)) || (o.any_harm && harm(self)) {
            return true;
        }
        // Events of different listed classes are different facts; an unlisted event is
        // not evidence either way.
        self.classes.is_empty() || o.classes.is_empty() || !self.classes.is_disjoint(&o.classes)
    }
}

fn is_harm(key: &str) -> bool {
    let lex = lexicon();
    ["killed", "wounded", "injured"]
        .iter()
        .any(|w| lex.key(w) == key)
}

fn add_unit_words(c: &mut Counted, lex: &Lexicon, ws: &[String]) {
    let mut i = 0;
    while i < ws.len() {
        // Longest place name first ("united states", "russian federation").
        let mut matched = 0;
        for n in (1..=lex.place_words.min(ws.len() - i)).rev() {
            let name = ws[i..i + n].join(" ");
            let bare = name.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            if let Some(k) = lex.places.get(bare) {
                c.countries.insert(k.clone());
                matched = n;
                break;
            }
        }
        if matched > 0 {
            i += matched;
            continue;
        }
        let w = &ws[i];
        i += 1;
        if parse_number(w).is_some() && !w.chars().all(char::is_alphabetic) {
            continue;
        }
        if HARM.contains(&w.as_str()) {
            c.any_harm = true;
        }
        if EVENT_WORDS.contains(&w.as_str()) {
            c.events.insert(lex.key(w));
        } else if MEASURES.contains(&w.as_str()) {
            // A measure says nothing about what is measured.
        } else if GENERIC.contains(&w.as_str()) {
            c.generic = true;
        } else if !lex.stopwords.contains(w) && w != "day" {
            c.heads.insert(lex.key(w));
        }
    }
}

/// Do `a` and `b` count the same thing with the same event?
pub fn same_thing(a: &Counted, b: &Counted) -> bool {
    if a.duration != b.duration {
        return false;
    }
    if a.duration {
        return a.heads_fit(b) && a.events_fit(b);
    }
    if !a.has_unit() || !b.has_unit() {
        // A bare figure only lines up with another through a shared event.
        return !a.events.is_empty()
            && !b.events.is_empty()
            && (!a.events.is_disjoint(&b.events) || !a.classes.is_disjoint(&b.classes));
    }
    a.countries_fit(b) && a.heads_fit(b) && a.events_fit(b)
}

/// A closed-or-open interval of possible values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Is the lower bound excluded?
    pub lo_open: bool,
    /// Upper bound.
    pub hi: f64,
    /// Is the upper bound excluded?
    pub hi_open: bool,
}

impl Interval {
    /// Do the two intervals share a value?
    pub fn meets(&self, o: &Interval) -> bool {
        let lo_ok = if self.lo_open || o.hi_open {
            self.lo < o.hi
        } else {
            self.lo <= o.hi
        };
        let hi_ok = if o.lo_open || self.hi_open {
            o.lo < self.hi
        } else {
            o.lo <= self.hi
        };
        lo_ok && hi_ok
    }
}

/// Is the figure one the text says is not known (or one with no number at all)?
pub fn is_unknown(q: &Quantity) -> bool {
    q.unknown || (q.value.is_none() && q.low.is_none() && q.high.is_none())
}

/// The values `q` allows, from the numbers stage's `low`/`high`, or `None` for an unknown.
pub fn interval(q: &Quantity) -> Option<Interval> {
    if q.unknown {
        return None;
    }
    let finite = |v: Option<f64>| v.filter(|x| !x.is_nan());
    let (value, low, high) = (finite(q.value), finite(q.low), finite(q.high));
    let (lo, hi) = match (low, high) {
        (Some(l), Some(h)) => (l, h),
        // "at least 49": no upper bound.
        (Some(l), None) => (l, f64::INFINITY),
        (None, Some(h)) => (0.0, h),
        (None, None) => {
            let v = value?;
            (v, v)
        }
    };
    let qualifier = q.qualifier.as_deref().unwrap_or("").to_lowercase();
    Some(Interval {
        lo,
        lo_open: matches!(qualifier.as_str(), "more than" | "over" | "just over") && lo < hi,
        hi,
        hi_open: qualifier == "fewer than" && lo < hi,
    })
}

/// Is `q` an increment ("another 50"), which says nothing about the total?
fn increment(q: &Quantity) -> bool {
    q.qualifier.as_deref() == Some("another")
}

/// How two figures that both may hold ([`Fit::Compatible`]) still differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// Two lower bounds with different values ("at least 23" / "at least 31").
    LowerBounds,
    /// Two upper bounds with different values ("up to 40" / "up to 60").
    UpperBounds,
    /// A bound and a figure beyond its value ("more than 160" / "about 190").
    BoundAndFigure,
    /// Two figures whose ranges overlap, neither inside the other ("about 300" / "about 250").
    Overlap,
}

impl Spread {
    /// Why both may hold, in words for the report's `note`.
    pub fn note(self) -> &'static str {
        match self {
            Spread::LowerBounds => {
                "two different lower bounds: both may hold, and the higher one is often a later update"
            }
            Spread::UpperBounds => "two different upper bounds: both may hold",
            Spread::BoundAndFigure => {
                "a bound and a different figure within it: both may hold, but they are not the same figure"
            }
            Spread::Overlap => {
                "estimates that overlap but differ: both may hold, but they are not the same figure"
            }
        }
    }
}

/// How two figures that fit ([`fit`] gives [`Fit::Compatible`]) still differ, or `None` when
/// they are the same figure: the same value, one within the other's stated approximation, or
/// a vague figure with no number (see the module docs).
pub fn spread(a: &Quantity, b: &Quantity) -> Option<Spread> {
    if is_unknown(a) || is_unknown(b) {
        return None;
    }
    let (Some(va), Some(vb)) = (
        a.value.filter(|v| v.is_finite()),
        b.value.filter(|v| v.is_finite()),
    ) else {
        // "thousands", "dozens": a vague range says less, not something else.
        return None;
    };
    let (Some(ia), Some(ib)) = (interval(a), interval(b)) else {
        return None;
    };
    if !ia.meets(&ib) {
        return None;
    }
    let lower = |i: &Interval| i.hi.is_infinite();
    // "up to 40": the numbers stage reads it as [0, 40].
    let upper = |q: &Quantity, i: &Interval| {
        i.lo <= 0.0 && i.hi.is_finite() && i.hi > 0.0 && q.value == Some(i.hi)
    };
    let contains = |x: &Interval, y: &Interval| x.lo <= y.lo && y.hi <= x.hi;
    // Same written value: "at least 49" / "49", "about 120" / "some 120".
    if va == vb {
        return None;
    }
    match (lower(&ia), lower(&ib)) {
        (true, true) => return Some(Spread::LowerBounds),
        (true, false) | (false, true) => {
            let (bound, other) = if lower(&ia) { (va, ib) } else { (vb, ia) };
            // "at least 49" / "about 50" ([45, 55] holds 49): within the stated approximation.
            return if other.lo <= bound && bound <= other.hi {
                None
            } else {
                Some(Spread::BoundAndFigure)
            };
        }
        (false, false) => {}
    }
    match (upper(a, &ia), upper(b, &ib)) {
        (true, true) => return Some(Spread::UpperBounds),
        (true, false) | (false, true) => {
            let (bound, own, other) = if upper(a, &ia) {
                (va, ia, ib)
            } else {
                (vb, ib, ia)
            };
            // "up to 100" / "80" (the bound allows it) or / "about 95" (the bound is within
            // the estimate): the same figure as far as the text says.
            return if contains(&own, &other) || (other.lo <= bound && bound <= other.hi) {
                None
            } else {
                Some(Spread::BoundAndFigure)
            };
        }
        (false, false) => {}
    }
    if contains(&ia, &ib) || contains(&ib, &ia) {
        None
    } else {
        Some(Spread::Overlap)
    }
}

/// The unit of measure of a figure whose unit is one ("about 3 km" → `km`, "60 percent" →
/// `percent`), lower case, or `None`.
pub fn measure(q: &Quantity) -> Option<String> {
    let unit = q.unit.as_deref()?;
    let ws = words(unit);
    let first = ws.first()?;
    let canonical = match first.as_str() {
        "kilometres" | "kilometers" | "km" => "km",
        "metres" | "meters" | "m" => "m",
        "miles" | "mile" => "miles",
        "feet" | "foot" | "ft" => "ft",
        "percent" | "%" | "per" | "percentage" => "percent",
        "tonnes" | "tons" => "tonnes",
        w if MEASURES.contains(&w) => w,
        _ => return None,
    };
    Some(canonical.to_string())
}

/// Metres in one of `measure`'s lengths, to compare figures written in two systems ("about
/// 2,000 feet" / "about 600 metres").
pub fn metres_in(measure: &str) -> Option<f64> {
    match measure {
        "m" => Some(1.0),
        "km" => Some(1000.0),
        "ft" => Some(0.3048),
        "miles" => Some(1609.344),
        _ => None,
    }
}

/// How far a converted figure may stray: writers round conversions ("a 10-metre (30-foot)
/// boat" is 9.1 m against 10).
const CONVERTED: f64 = 0.1;

/// [`fit_counted`] for two lengths in different measures, `a`'s interval scaled by `scale`
/// into `b`'s measure and widened by `CONVERTED` (10 %) on each side.
pub fn fit_scaled(ca: &Counted, scale: f64, cb: &Counted) -> Fit {
    let mut scaled = ca.clone();
    if let Some(i) = scaled.interval.as_mut() {
        i.lo *= scale * (1.0 - CONVERTED);
        i.hi *= scale * (1.0 + CONVERTED);
    }
    fit_counted(&scaled, cb)
}

/// How figures `a` and `b` relate (see the module docs).
pub fn fit(a: &Quantity, b: &Quantity) -> Fit {
    let (ca, cb) = (Counted::of(a), Counted::of(b));
    if !same_thing(&ca, &cb) {
        return Fit::Unrelated;
    }
    fit_counted(&ca, &cb)
}

/// [`fit`] with the counted things already normalised and known to be the same.
pub fn fit_counted(ca: &Counted, cb: &Counted) -> Fit {
    if ca.increment || cb.increment {
        return Fit::Unrelated;
    }
    match (ca.interval, cb.interval) {
        (Some(x), Some(y)) if x.meets(&y) => Fit::Compatible,
        (Some(_), Some(_)) => Fit::Conflict,
        (None, None) => Fit::Compatible,
        _ => Fit::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure read by the numbers stage, with the written value as a fallback.
    fn q(
        text: &str,
        value: Option<f64>,
        qualifier: Option<&str>,
        unit: Option<&str>,
        event: Option<&str>,
    ) -> Quantity {
        let v = value.map(|v| v.to_string());
        super::super::markup::quantity(text, v.as_deref(), qualifier, unit, event)
    }

    type Q = (
        &'static str,
        Option<f64>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );

    #[test]
    fn table() {
        use Fit::*;
        let cases: &[(Q, Q, Fit)] = &[
            // Qualifiers.
            (
                (
                    "at least 49 Armenian soldiers",
                    Some(49.0),
                    Some("at least"),
                    Some("Armenian soldiers"),
                    Some("killed"),
                ),
                (
                    "50 Armenian soldiers",
                    Some(50.0),
                    None,
                    Some("Armenian soldiers"),
                    Some("killed"),
                ),
                Compatible,
            ),
            (
                (
                    "49 soldiers",
                    Some(49.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                (
                    "60 soldiers",
                    Some(60.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                Conflict,
            ),
            (
                (
                    "49 soldiers",
                    Some(49.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                ("50 troops", Some(50.0), None, Some("troops"), Some("died")),
                Conflict,
            ),
            (
                (
                    "at least 49 Armenian soldiers",
                    Some(49.0),
                    Some("at least"),
                    Some("Armenian soldiers"),
                    Some("killed"),
                ),
                (
                    "49 of his country's soldiers",
                    Some(49.0),
                    Some("at least"),
                    Some("soldiers"),
                    Some("killed"),
                ),
                Compatible,
            ),
            (
                (
                    "more than 49 soldiers",
                    Some(49.0),
                    Some("more than"),
                    Some("soldiers"),
                    Some("killed"),
                ),
                (
                    "49 soldiers",
                    Some(49.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                Conflict,
            ),
            (
                (
                    "more than 49 soldiers",
                    Some(49.0),
                    Some("more than"),
                    Some("soldiers"),
                    Some("killed"),
                ),
                (
                    "55 soldiers",
                    Some(55.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                Compatible,
            ),
            (
                (
                    "up to 100 people",
                    Some(100.0),
                    Some("up to"),
                    Some("people"),
                    Some("killed"),
                ),
                (
                    "120 people",
                    Some(120.0),
                    None,
                    Some("people"),
                    Some("killed"),
                ),
                Conflict,
            ),
            (
                (
                    "nearly 100 people",
                    Some(100.0),
                    Some("nearly"),
                    Some("people"),
                    Some("died"),
                ),
                (
                    "95 people",
                    Some(95.0),
                    None,
                    Some("people"),
                    Some("killed"),
                ),
                Compatible,
            ),
            (
                (
                    "nearly 100 people",
                    Some(100.0),
                    Some("nearly"),
                    Some("people"),
                    Some("died"),
                ),
                (
                    "100 people",
                    Some(100.0),
                    None,
                    Some("people"),
                    Some("killed"),
                ),
                // The numbers stage reads "nearly v" as [0.9 v, v]: a round 100 may be it.
                Compatible,
            ),
            (
                (
                    "around 2,000 troops",
                    Some(2000.0),
                    Some("around"),
                    Some("troops"),
                    Some("deployed"),
                ),
                (
                    "2,150 troops",
                    Some(2150.0),
                    None,
                    Some("troops"),
                    Some("sent"),
                ),
                Compatible,
            ),
            (
                (
                    "around 2,000 troops",
                    Some(2000.0),
                    Some("around"),
                    Some("troops"),
                    Some("deployed"),
                ),
                (
                    "thousands of peacekeepers",
                    None,
                    None,
                    Some("peacekeepers"),
                    Some("deployed"),
                ),
                Compatible,
            ),
            (
                (
                    "around 2,000 troops",
                    Some(2000.0),
                    Some("around"),
                    Some("troops"),
                    Some("deployed"),
                ),
                (
                    "thousands of troops",
                    None,
                    None,
                    Some("troops"),
                    Some("deployed"),
                ),
                Compatible,
            ),
            (
                (
                    "2,000 peacekeeping troops",
                    Some(2000.0),
                    None,
                    Some("peacekeeping troops"),
                    Some("sent"),
                ),
                (
                    "around 2,000 troops",
                    Some(2000.0),
                    Some("around"),
                    Some("troops"),
                    Some("deployed"),
                ),
                Compatible,
            ),
            (
                (
                    "2,000 troops",
                    Some(2000.0),
                    None,
                    Some("troops"),
                    Some("sent"),
                ),
                (
                    "2,080 troops",
                    Some(2080.0),
                    None,
                    Some("troops"),
                    Some("sent"),
                ),
                Compatible,
            ),
            (
                (
                    "2,000 troops",
                    Some(2000.0),
                    None,
                    Some("troops"),
                    Some("sent"),
                ),
                (
                    "3,000 troops",
                    Some(3000.0),
                    None,
                    Some("troops"),
                    Some("sent"),
                ),
                Conflict,
            ),
            (
                (
                    "hundreds of people",
                    None,
                    None,
                    Some("people"),
                    Some("killed"),
                ),
                (
                    "thousands of people",
                    None,
                    None,
                    Some("people"),
                    Some("killed"),
                ),
                Conflict,
            ),
            // Unknowns.
            (
                (
                    "50 Azerbaijani troops",
                    Some(50.0),
                    None,
                    Some("Azerbaijani troops"),
                    Some("killed"),
                ),
                (
                    "an undisclosed number of Azeris",
                    None,
                    None,
                    Some("Azeris"),
                    Some("killed"),
                ),
                Unknown,
            ),
            (
                (
                    "50 Azerbaijani troops",
                    Some(50.0),
                    None,
                    Some("Azerbaijani troops"),
                    Some("killed"),
                ),
                (
                    "the number of casualties",
                    None,
                    None,
                    Some("casualties"),
                    None,
                ),
                Unknown,
            ),
            // Different things counted.
            (
                (
                    "49 Armenian soldiers",
                    Some(49.0),
                    None,
                    Some("Armenian soldiers"),
                    Some("killed"),
                ),
                (
                    "50 Azerbaijani troops",
                    Some(50.0),
                    None,
                    Some("Azerbaijani troops"),
                    Some("killed"),
                ),
                Unrelated,
            ),
            (
                (
                    "49 soldiers",
                    Some(49.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                (
                    "49 soldiers",
                    Some(49.0),
                    None,
                    Some("soldiers"),
                    Some("wounded"),
                ),
                Unrelated,
            ),
            (
                ("49 dead", Some(49.0), None, Some("dead"), None),
                ("60 wounded", Some(60.0), None, Some("wounded"), None),
                Unrelated,
            ),
            (
                ("49 dead", Some(49.0), None, Some("dead"), None),
                ("60 killed", Some(60.0), None, None, Some("killed")),
                Conflict,
            ),
            (
                ("3 towns", Some(3.0), None, Some("towns"), Some("shelled")),
                (
                    "3 soldiers",
                    Some(3.0),
                    None,
                    Some("soldiers"),
                    Some("killed"),
                ),
                Unrelated,
            ),
            (
                (
                    "12 people",
                    Some(12.0),
                    None,
                    Some("people"),
                    Some("arrested"),
                ),
                ("12", Some(12.0), None, None, None),
                Unrelated,
            ),
            (
                (
                    "15 protesters",
                    Some(15.0),
                    None,
                    Some("protesters"),
                    Some("arrested"),
                ),
                (
                    "15 demonstrators",
                    Some(15.0),
                    None,
                    Some("demonstrators"),
                    Some("injured"),
                ),
                Unrelated,
            ),
            (
                (
                    "15 protesters",
                    Some(15.0),
                    None,
                    Some("protesters"),
                    Some("arrested"),
                ),
                (
                    "Fifteen demonstrators",
                    Some(15.0),
                    None,
                    Some("demonstrators"),
                    Some("detained"),
                ),
                Compatible,
            ),
            (
                ("60 percent", Some(60.0), None, Some("percent"), None),
                ("60 percent", Some(60.0), None, Some("percent"), None),
                Unrelated,
            ),
            (
                (
                    "4.2 percent",
                    Some(4.2),
                    None,
                    Some("percent"),
                    Some("rose"),
                ),
                (
                    "4.2 percent",
                    Some(4.2),
                    None,
                    Some("percent"),
                    Some("fell"),
                ),
                Unrelated,
            ),
            (
                (
                    "4.2 percent",
                    Some(4.2),
                    None,
                    Some("percent"),
                    Some("rose"),
                ),
                (
                    "4.5 percent",
                    Some(4.5),
                    None,
                    Some("percent"),
                    Some("increased"),
                ),
                Conflict,
            ),
            // Durations.
            (
                ("six-week war", Some(6.0), None, Some("war"), None),
                ("44-day war", Some(44.0), None, Some("war"), None),
                Compatible,
            ),
            (
                ("six-week war", Some(6.0), None, Some("war"), None),
                ("60-day war", Some(60.0), None, Some("war"), None),
                Conflict,
            ),
            (
                ("two years", Some(2.0), None, Some("years"), None),
                ("18 months", Some(18.0), None, Some("months"), None),
                Compatible,
            ),
            (
                ("six-week war", Some(6.0), None, Some("war"), None),
                ("six soldiers", Some(6.0), None, Some("soldiers"), None),
                Unrelated,
            ),
        ];
        let mut wrong = Vec::new();
        for (a, b, want) in cases {
            let qa = q(a.0, a.1, a.2, a.3, a.4);
            let qb = q(b.0, b.1, b.2, b.3, b.4);
            for (x, y) in [(&qa, &qb), (&qb, &qa)] {
                let got = fit(x, y);
                if got != *want {
                    wrong.push(format!(
                        "{} / {}: {got:?}, want {want:?}",
                        x.span.text, y.span.text
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn spreads() {
        // (a, b, how they differ though both may hold; None: the same figure). Shapes from
        // wire copy of disasters and clashes; the values are read by the numbers stage.
        let cases: &[(&str, &str, Option<Spread>)] = &[
            (
                "at least 23 people",
                "at least 31 people",
                Some(Spread::LowerBounds),
            ),
            (
                "more than 160 people",
                "about 190 people",
                Some(Spread::BoundAndFigure),
            ),
            (
                "at least 49 people",
                "50 people",
                Some(Spread::BoundAndFigure),
            ),
            (
                "more than 49 people",
                "55 people",
                Some(Spread::BoundAndFigure),
            ),
            (
                "up to 40 people",
                "up to 60 people",
                Some(Spread::UpperBounds),
            ),
            (
                "about 300 workers",
                "about 280 workers",
                Some(Spread::Overlap),
            ),
            // Figures that fit and must not be flagged.
            ("about 120 people", "118 people", None),
            ("at least 49 people", "49 people", None),
            ("at least 49 people", "about 50 people", None),
            ("up to 100 people", "80 people", None),
            ("nearly 100 people", "95 people", None),
            ("around 2,000 troops", "2,150 troops", None),
            ("2,000 troops", "2,080 troops", None),
            ("around 2,000 troops", "thousands of troops", None),
            ("six-week war", "44-day war", None),
            ("some 300 workers", "about 300 workers", None),
        ];
        let read = |t: &str| q(t, None, None, None, None);
        let mut wrong = Vec::new();
        for (a, b, want) in cases {
            let (qa, qb) = (read(a), read(b));
            for (x, y) in [(&qa, &qb), (&qb, &qa)] {
                let got = spread(x, y);
                if got != *want {
                    wrong.push(format!(
                        "{} / {}: {got:?}, want {want:?}",
                        x.span.text, y.span.text
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn measures() {
        let cases: &[(Option<&str>, Option<&str>)] = &[
            (Some("km"), Some("km")),
            (Some("kilometres from the coast"), Some("km")),
            (Some("percent"), Some("percent")),
            (Some("miles"), Some("miles")),
            (Some("soldiers"), None),
            (None, None),
        ];
        for (unit, want) in cases {
            let x = q("3", Some(3.0), None, *unit, None);
            assert_eq!(measure(&x).as_deref(), *want, "{unit:?}");
        }
    }

    #[test]
    fn odd_values_do_not_panic() {
        for v in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e300] {
            let a = q("x", Some(v), Some("around"), Some("people"), None);
            let b = q("", None, None, None, None);
            let _ = fit(&a, &b);
            let _ = fit(&a, &a);
            let _ = spread(&a, &b);
            let _ = spread(&a, &a);
        }
    }
}
