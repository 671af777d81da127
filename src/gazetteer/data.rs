//! Parsing the gazetteer files into the lookup map, and checking their invariants.
//!
//! Every file is tab-separated, `#` starts a comment line, `-` marks an empty column and `|`
//! separates alternative names. A malformed line is skipped (never a panic) and reported by
//! [`data_problems`], which the tests require to be empty.
//!
//! Invariants checked: column counts; known classes and kinds; every `country` column names a
//! canonical country; every surface form gives a non-empty key; no key lists the same entry
//! twice from two lines; no key names two different entries of one class unless the surface form
//! is declared in `ambiguous.txt` (`Congo`, `Korean` …).

use super::{key, Class, Entry, Gazetteer};
use rustc_hash::{FxHashMap, FxHashSet};

const COUNTRIES: &str = include_str!("../../data/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../../data/gazetteer/places.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/gazetteer/organizations.tsv");
const TITLES: &str = include_str!("../../data/gazetteer/titles.tsv");
const GROUPS: &str = include_str!("../../data/gazetteer/groups.tsv");
const ROLE_MODIFIERS: &str = include_str!("../../data/gazetteer/role_modifiers.txt");
const AMBIGUOUS: &str = include_str!("../../data/gazetteer/ambiguous.txt");

const ORG_KINDS: &[&str] = &[
    "intergovernmental",
    "government",
    "military alliance",
    "military",
    "news",
    "party",
    "company",
    "ngo",
    "court",
    "think tank",
    "university",
    "sport",
    "armed group",
    "legislature",
];
const REGION_KINDS: &[&str] = &[
    "state",
    "province",
    "region",
    "territory",
    "continent",
    "disputed",
    "sea",
    "historical",
];
const GROUP_KINDS: &[&str] = &["religious", "ethnic", "political"];

fn lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

fn opt(col: &'static str) -> Option<&'static str> {
    match col {
        "" | "-" => None,
        s => Some(s),
    }
}

fn names(col: &'static str) -> impl Iterator<Item = &'static str> {
    col.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

/// An entry with the surface forms that name it.
struct Parsed {
    entry: Entry,
    forms: Vec<&'static str>,
    origin: String,
    /// A title recognised in running text only when capitalised.
    cap_only: bool,
}

fn title_kind(flag: &str) -> Option<&'static str> {
    match flag {
        "yes" | "cap" => Some("title"),
        "no" => Some("role"),
        _ => None,
    }
}

/// All entries of all files, and the problems met while parsing.
fn parse() -> (Vec<Parsed>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut countries: FxHashSet<&'static str> = FxHashSet::default();

    for (n, cols) in lines(COUNTRIES) {
        let origin = format!("countries.tsv:{n}");
        if cols.len() != 4 || cols[0].is_empty() {
            problems.push(format!("{origin}: want 4 columns"));
            continue;
        }
        let name = cols[0];
        countries.insert(name);
        let aliases: Vec<&'static str> = names(cols[1]).collect();
        let acronym = aliases.iter().copied().find(|a| {
            let letters: String = a.chars().filter(|c| *c != '.').collect();
            letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase())
        });
        let mut forms = vec![name];
        forms.extend(aliases);
        out.push(Parsed {
            entry: Entry {
                class: Class::Country,
                canonical: name,
                country: Some(name),
                capital: false,
                acronym,
                kind: None,
            },
            forms,
            origin: origin.clone(),
            cap_only: false,
        });
        for capital in cols[2]
            .split(';')
            .map(str::trim)
            .filter(|s| opt(s).is_some())
        {
            let forms: Vec<&'static str> = names(capital).collect();
            if let Some(&canon) = forms.first() {
                out.push(Parsed {
                    entry: Entry {
                        class: Class::City,
                        canonical: canon,
                        country: Some(name),
                        capital: true,
                        acronym: None,
                        kind: None,
                    },
                    forms,
                    origin: origin.clone(),
                    cap_only: false,
                });
            }
        }
        let demonyms: Vec<&'static str> = names(cols[3]).collect();
        if let Some(&canon) = demonyms.first() {
            out.push(Parsed {
                entry: Entry {
                    class: Class::Demonym,
                    canonical: canon,
                    country: Some(name),
                    capital: false,
                    acronym: None,
                    kind: None,
                },
                forms: demonyms,
                origin,
                cap_only: false,
            });
        }
    }

    let check_country = |c: Option<&'static str>, origin: &str, problems: &mut Vec<String>| {
        if let Some(c) = c {
            if !countries.contains(c) {
                problems.push(format!("{origin}: unknown country {c:?}"));
            }
        }
    };

    for (n, cols) in lines(PLACES) {
        let origin = format!("places.tsv:{n}");
        if cols.len() != 5 || cols[0].is_empty() {
            problems.push(format!("{origin}: want 5 columns"));
            continue;
        }
        let class = match cols[1] {
            "city" => Class::City,
            "region" => Class::Region,
            other => {
                problems.push(format!("{origin}: unknown class {other:?}"));
                continue;
            }
        };
        let kind = opt(cols[3]);
        if class == Class::Region && !kind.is_some_and(|k| REGION_KINDS.contains(&k)) {
            problems.push(format!("{origin}: region kind {kind:?}"));
        }
        let country = opt(cols[2]);
        check_country(country, &origin, &mut problems);
        let mut forms = vec![cols[0]];
        forms.extend(names(cols[4]));
        out.push(Parsed {
            entry: Entry {
                class,
                canonical: cols[0],
                country,
                capital: false,
                acronym: None,
                kind,
            },
            forms,
            origin,
            cap_only: false,
        });
    }

    for (n, cols) in lines(ORGANIZATIONS) {
        let origin = format!("organizations.tsv:{n}");
        if cols.len() != 5 || cols[0].is_empty() {
            problems.push(format!("{origin}: want 5 columns"));
            continue;
        }
        if !ORG_KINDS.contains(&cols[1]) {
            problems.push(format!("{origin}: unknown kind {:?}", cols[1]));
        }
        let country = opt(cols[2]);
        check_country(country, &origin, &mut problems);
        let acronym = opt(cols[3]);
        let mut forms = vec![cols[0]];
        forms.extend(acronym);
        forms.extend(names(cols[4]));
        out.push(Parsed {
            entry: Entry {
                class: Class::Organization,
                canonical: cols[0],
                country,
                capital: false,
                acronym,
                kind: opt(cols[1]),
            },
            forms,
            origin,
            cap_only: false,
        });
    }

    for (n, cols) in lines(TITLES) {
        let origin = format!("titles.tsv:{n}");
        if cols.len() != 3 || cols[0].is_empty() {
            problems.push(format!("{origin}: want 3 columns"));
            continue;
        }
        let Some(kind) = title_kind(cols[1]) else {
            problems.push(format!("{origin}: flag must be yes, cap or no"));
            continue;
        };
        let mut forms = vec![cols[0]];
        forms.extend(names(cols[2]));
        out.push(Parsed {
            entry: Entry {
                class: Class::Title,
                canonical: cols[0],
                country: None,
                capital: false,
                acronym: None,
                kind: Some(kind),
            },
            forms,
            origin,
            cap_only: cols[1] == "cap",
        });
    }

    for (n, cols) in lines(GROUPS) {
        let origin = format!("groups.tsv:{n}");
        if cols.len() != 3 || cols[0].is_empty() {
            problems.push(format!("{origin}: want 3 columns"));
            continue;
        }
        if !GROUP_KINDS.contains(&cols[1]) {
            problems.push(format!("{origin}: unknown kind {:?}", cols[1]));
        }
        let mut forms = vec![cols[0]];
        forms.extend(names(cols[2]));
        out.push(Parsed {
            entry: Entry {
                class: Class::Group,
                canonical: cols[0],
                country: None,
                capital: false,
                acronym: None,
                kind: opt(cols[1]),
            },
            forms,
            origin,
            cap_only: false,
        });
    }
    (out, problems)
}

/// Builds the map; problems are collected rather than raised.
fn build() -> (Gazetteer, Vec<String>) {
    let (parsed, mut problems) = parse();
    let ambiguous: FxHashSet<String> = AMBIGUOUS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key)
        .collect();
    // Each key's entries with the index of the line (in `parsed`) that gave them.
    let mut found: FxHashMap<String, Vec<(Entry, usize)>> =
        FxHashMap::with_capacity_and_hasher(8192, Default::default());
    let mut cap_only = FxHashSet::default();
    for (pi, p) in parsed.iter().enumerate() {
        let mut seen = FxHashSet::default();
        for form in &p.forms {
            let k = key(form);
            if k.is_empty() {
                problems.push(format!("{}: {form:?} has an empty key", p.origin));
                continue;
            }
            if !seen.insert(k.clone()) {
                continue; // the same key twice on one line (`NATO` and its acronym)
            }
            if p.cap_only {
                cap_only.insert(k.clone());
            }
            let ambiguous_ok = ambiguous.contains(&k);
            let list = found.entry(k).or_default();
            for (other, oi) in list.iter() {
                if other.class != p.entry.class {
                    continue;
                }
                let o = parsed.get(*oi).map_or("?", |q| q.origin.as_str());
                if other.canonical == p.entry.canonical && other.country == p.entry.country {
                    problems.push(format!("{}: {form:?} repeats the entry of {o}", p.origin));
                } else if other.canonical != p.entry.canonical && !ambiguous_ok {
                    problems.push(format!(
                        "{}: {form:?} is also {:?} ({o}); list it in ambiguous.txt if meant",
                        p.origin, other.canonical
                    ));
                }
            }
            list.push((p.entry.clone(), pi));
        }
    }
    let mut map: FxHashMap<String, Vec<Entry>> = found
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|(e, _)| e).collect()))
        .collect();
    // Titles first in every list, so callers can take the titles or the rest as a sub-slice.
    for list in map.values_mut() {
        list.sort_by_key(|e| e.class != Class::Title);
    }
    let mut prefixes = FxHashSet::default();
    let mut max_tokens = 1;
    for k in map.keys() {
        let mut end = 0;
        let mut words = 0;
        for w in k.split(' ') {
            end += w.len();
            words += 1;
            if let Some(prefix) = k.get(..end) {
                prefixes.insert(prefix.to_string());
            }
            end += 1;
        }
        max_tokens = max_tokens.max(words);
    }
    let role_modifiers = ROLE_MODIFIERS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key)
        .collect();
    let g = Gazetteer {
        map,
        prefixes,
        cap_only,
        role_modifiers,
        max_tokens,
    };
    (g, problems)
}

pub(super) fn load() -> Gazetteer {
    build().0
}

/// Problems found in the data files (malformed lines, unknown references, conflicting keys).
/// Empty when the data is sound; the tests require that.
pub fn data_problems() -> Vec<String> {
    build().1
}

/// How many entries (lines' entries, not keys) each class has.
pub fn entry_counts() -> Vec<(Class, usize)> {
    let (parsed, _) = parse();
    Class::ALL
        .iter()
        .map(|&c| (c, parsed.iter().filter(|p| p.entry.class == c).count()))
        .collect()
}
