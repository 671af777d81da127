//! Statuses that exclude each other: "detained for questioning" against "arrested", "killed"
//! against "wounded", "reopened" against "under review". The relation ([`super`])
//! flags two grouped claims of different articles whose statuses of one domain share none as a
//! `status` conflict.
//!
//! The statuses and their phrases are data (`data/lexicon/compare-statuses.txt`, loaded
//! strictly: a line that is not `domain<TAB>status<TAB>phrase…` fails the table test, and is
//! skipped, never guessed at, in a build). Phrases are matched as whole lower-case words,
//! longest first; a phrase within three words after a negation cue ("was not arrested",
//! "never released") is not a status the claim gives, nor is a phrase listed under the domain
//! `none` ("released the name of the victim"). A claim giving several statuses of one
//! domain ("14 killed and 30 wounded") clashes only with a claim giving none of them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::compare::lexicon::lexicon;

/// One status a claim gives: its domain, its name, and the phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// `custody`, `harm`, `review`…
    pub domain: &'static str,
    /// `detained`, `arrested`, `killed`…
    pub status: &'static str,
    /// The words matched, as written.
    pub text: String,
}

struct Table {
    /// Phrase (words joined by single spaces) → (domain, status).
    phrases: BTreeMap<String, (&'static str, &'static str)>,
    /// Longest phrase, in words.
    longest: usize,
    /// Pairs of statuses that go together (lines of domain `fits`), both ways.
    fits: Vec<(&'static str, &'static str)>,
    /// Domains told of counted people (lines of domain `counted`).
    counted: Vec<&'static str>,
    /// Lines that were not `domain<TAB>status<TAB>phrase…`: skipped, and the table test
    /// fails on any.
    #[cfg_attr(not(test), allow(dead_code))]
    bad: Vec<&'static str>,
}

const DATA: &str = include_str!("../../../data/lexicon/compare-statuses.txt");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut phrases = BTreeMap::new();
        let mut longest = 1;
        let mut bad = Vec::new();
        let mut fits = Vec::new();
        let mut counted = Vec::new();
        for line in DATA.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let short = fields.len() < 3 && !(fields[0] == "counted" && fields.len() == 2);
            if short || fields.iter().any(|f| f.is_empty()) {
                bad.push(line);
                continue;
            }
            if fields[0] == "counted" && fields.len() == 2 {
                counted.push(fields[1]);
                continue;
            }
            if fields[0] == "fits" {
                for &other in &fields[2..] {
                    fits.push((fields[1], other));
                    fits.push((other, fields[1]));
                }
                continue;
            }
            for p in &fields[2..] {
                let words: Vec<&str> = p.split_whitespace().collect();
                longest = longest.max(words.len());
                phrases
                    .entry(words.join(" ").to_lowercase())
                    .or_insert((fields[0], fields[1]));
            }
        }
        Table {
            phrases,
            longest,
            fits,
            counted,
            bad,
        }
    })
}

/// Words of `text` with their text as written: letters, digits and inner apostrophes.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn negation(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.ends_with("n't") || lower.ends_with("n\u{2019}t") || lexicon().negations.contains(&lower)
}

/// The statuses `text` gives, in text order.
pub fn statuses(text: &str) -> Vec<Status> {
    let t = table();
    let ws = words(text);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut found = None;
        for n in (1..=t.longest.min(ws.len() - i)).rev() {
            if let Some(&(domain, status)) = t.phrases.get(&lower[i..i + n].join(" ")) {
                found = Some((n, domain, status));
                break;
            }
        }
        let Some((n, domain, status)) = found else {
            i += 1;
            continue;
        };
        let negated = ws[i.saturating_sub(3)..i].iter().any(|w| negation(w));
        if !negated && domain != "none" {
            out.push(Status {
                domain,
                status,
                text: ws[i..i + n].join(" "),
            });
        }
        i += n;
    }
    out
}

/// Is `domain` told of people counted in the sentence (a `counted` line), so that its
/// statuses clash only between sentences giving one same figure?
pub fn counted(domain: &str) -> bool {
    table().counted.contains(&domain)
}

/// Do `a` and `b` give statuses of one domain that share none and fit none of each other's
/// ("in custody" fits "arrested")? Returns the domain and, for
/// each side, its first status of that domain.
pub fn clash<'s>(
    a: &'s [Status],
    b: &'s [Status],
) -> Option<(&'static str, &'s Status, &'s Status)> {
    for sa in a {
        let domain = sa.domain;
        let of = |x: &'s [Status]| x.iter().filter(move |s| s.domain == domain);
        let fits = &table().fits;
        let shared = of(a)
            .any(|x| of(b).any(|y| x.status == y.status || fits.contains(&(x.status, y.status))));
        if shared {
            continue;
        }
        if let Some(sb) = of(b).next() {
            return Some((domain, sa, sb));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_is_well_formed() {
        assert!(table().bad.is_empty(), "{:?}", table().bad);
        assert!(table().phrases.len() > 20);
        // A `fits` line names statuses that phrases give.
        for (a, b) in &table().fits {
            for x in [a, b] {
                assert!(
                    table().phrases.values().any(|(_, s)| s == x),
                    "fits names an unknown status {x}"
                );
            }
        }
        assert!(!table().fits.is_empty());
        for d in &table().counted {
            assert!(
                table().phrases.values().any(|(x, _)| x == d),
                "counted names an unknown domain {d}"
            );
        }
    }

    #[test]
    fn statuses_table() {
        // (text, statuses as "domain:status=text" joined by " | ")
        let cases: &[(&str, &str)] = &[
            (
                "The ship's captain was detained for questioning on Monday, police said.",
                "custody:detained=detained for questioning",
            ),
            (
                "Police arrested the captain late on Monday.",
                "custody:arrested=arrested",
            ),
            ("The captain was not arrested, police said.", ""),
            (
                "He was later released on bail.",
                "custody:released=released on bail",
            ),
            (
                "Three people were killed and 12 were injured in the blast.",
                "harm:killed=killed | harm:wounded=injured",
            ),
            (
                "The investigation has been reopened, prosecutors said.",
                "review:reopened=reopened",
            ),
            (
                "The case is under review, the ministry said.",
                "review:reviewing=under review",
            ),
            ("The talks were held in Geneva.", ""),
            // Nouns that name other things.
            (
                "The ministry said in a press release that the toll was 12.",
                "",
            ),
            ("The death toll rose to 12 on Monday.", ""),
            ("A judge issued an arrest warrant for the captain.", ""),
            ("Police released the name of the driver on Monday.", ""),
            (
                "A gunman shot to death one guard and injured two others.",
                "harm:killed=shot to death | harm:wounded=injured",
            ),
            ("", ""),
        ];
        for (text, want) in cases {
            let got: Vec<String> = statuses(text)
                .iter()
                .map(|s| format!("{}:{}={}", s.domain, s.status, s.text))
                .collect();
            assert_eq!(got.join(" | "), *want, "{text}");
        }
    }

    #[test]
    fn clashes_table() {
        // (a, b, clash as "domain: a / b" or "")
        let cases: &[(&str, &str, &str)] = &[
            (
                "The captain was detained for questioning.",
                "Police arrested the captain.",
                "custody: detained for questioning / arrested",
            ),
            (
                "The captain was arrested on Monday.",
                "The captain was released on Monday.",
                "custody: arrested / released",
            ),
            (
                "Two guards were killed at the gate.",
                "Two guards were wounded at the gate.",
                "harm: killed / wounded",
            ),
            (
                "The inquiry into the crash was reopened.",
                "The inquiry into the crash is under review.",
                "review: reopened / under review",
            ),
            // Same status, other words: no clash.
            (
                "The captain was detained.",
                "The captain was taken into custody.",
                "",
            ),
            // Held in custody fits an arrest, not a release.
            (
                "Police have a suspect in custody after the crash.",
                "The driver was arrested nearby.",
                "",
            ),
            (
                "The driver was taken into custody.",
                "The driver was later released.",
                "custody: taken into custody / released",
            ),
            // A dismissal and a future release are no statuses.
            (
                "A former employee recently let go from his job opened fire.",
                "The gunman was arrested at the scene.",
                "",
            ),
            (
                "The suspect's name would be released after he is charged.",
                "He is currently in custody.",
                "",
            ),
            // Several statuses on one side, one of them shared: no clash.
            (
                "Three people were killed and 12 injured.",
                "Three people died.",
                "",
            ),
            // Only one side gives a status: no clash.
            (
                "The captain was arrested.",
                "Police questioned the crew.",
                "",
            ),
            // A negated status is not given.
            (
                "The captain was not arrested.",
                "The captain was detained for questioning.",
                "",
            ),
        ];
        for (a, b, want) in cases {
            let (sa, sb) = (statuses(a), statuses(b));
            let got = clash(&sa, &sb)
                .map(|(d, x, y)| format!("{d}: {} / {}", x.text, y.text))
                .unwrap_or_default();
            assert_eq!(got, *want, "{a} / {b}");
        }
    }
}
