//! A small English suffix stemmer for matching content words across rewrites.
//!
//! It only has to map the inflections a rewrite or a translation swaps (`shelled`/`shelling`/
//! `shells`, `cities`/`city`, `personally`/`personal`, `escalation`/`escalate`) to one key; the
//! key need not be a word. Rules, applied once each in this order, never leaving fewer than
//! three characters: a possessive `'s`; plural `-ies`→`y`, `-sses`→`ss`, `-s` (not after `s`,
//! `u`, `i`); `-ied`→`y`, `-ed`, `-ing` (undoubling a final double consonant other than `l`,
//! `s`, `z`, and restoring the `e` of `-ate`, `-ble`, `-ize`); `-ly`; derivational `-ation(s)`, `-ment`, `-ness`, `-ity`; then a final `-e` or
//! `-y`→`i`; last, British endings to American ones (`-is`→`-iz`, `-ys`→`-yz`, `-our`→`-or`:
//! "stabilise"/"stabilizing", "normalisation"/"normalization"). Porter's measure conditions are left out: a few over-stems (`news`→`new`) cost
//! less here than a missed match, because the synonym table and entity keys carry most weight.

/// The stem of `word`, which must already be lower case.
pub fn stem(word: &str) -> String {
    let mut w: String = word.to_string();
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(s) = w.strip_suffix(suffix) {
            w = s.to_string();
            break;
        }
    }
    if !w.chars().all(|c| c.is_ascii_alphabetic()) || w.len() <= 3 {
        return w;
    }
    // Plurals.
    if let Some(s) = w.strip_suffix("ies") {
        w = if s.len() >= 2 {
            format!("{s}y")
        } else {
            format!("{s}ie")
        };
    } else if let Some(s) = w.strip_suffix("sses") {
        w = format!("{s}ss");
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    // Past tense and participles.
    let mut undouble = false;
    if let Some(s) = w.strip_suffix("ied") {
        w = if s.len() >= 2 {
            format!("{s}y")
        } else {
            format!("{s}ie")
        };
    } else if w.ends_with("eed") {
        w.pop();
    } else if let Some(s) = w.strip_suffix("ed") {
        if s.len() >= 3 && has_vowel(s) {
            w = s.to_string();
            undouble = true;
        }
    } else if let Some(s) = w.strip_suffix("ing") {
        if s.len() >= 3 && has_vowel(s) {
            w = s.to_string();
            undouble = true;
        }
    }
    if undouble && (w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz")) {
        w.push('e');
    } else if undouble {
        let b = w.as_bytes();
        let n = b.len();
        if n >= 4
            && b[n - 1] == b[n - 2]
            && !matches!(b[n - 1], b'l' | b's' | b'z')
            && !is_vowel(b[n - 1])
        {
            w.pop();
        }
    }
    // Adverbs and a few derivations.
    for (suffix, repl) in [
        ("ations", ""),
        ("ation", ""),
        ("ement", ""),
        ("ment", ""),
        ("ness", ""),
        ("ity", ""),
        ("ly", ""),
        ("ate", ""),
    ] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                w = format!("{s}{repl}");
            }
            break;
        }
    }
    if w.len() > 3 {
        if w.ends_with('e') {
            w.pop();
        } else if w.ends_with('y') {
            w.pop();
            w.push('i');
        }
    }
    // British spellings to American ones, so a rewrite from the other side of the Atlantic
    // matches: -is(e) → -iz(e) ("stabilise", "normalisation"), -ys(e) → -yz(e) ("analyse"),
    // -our → -or ("behaviour", "labour").
    if w.len() >= 5 {
        for (british, american) in [("is", "iz"), ("ys", "yz"), ("our", "or")] {
            if let Some(s) = w.strip_suffix(british) {
                w = format!("{s}{american}");
                break;
            }
        }
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(is_vowel)
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_share_a_stem() {
        // Each line: words that must share a stem.
        let sets: &[&[&str]] = &[
            &["shelled", "shelling", "shells", "shell"],
            &["bombed", "bomb", "bombing", "bombs"],
            &["cities", "city"],
            &["stabilise", "stabilizing", "stabilized"],
            &["normalisation", "normalization"],
            &["behaviour", "behavior"],
            &["towns", "town"],
            &["killed", "kill", "killing", "kills"],
            &["making", "make", "makes"],
            &["agreed", "agree", "agrees"],
            &["escalation", "escalate", "escalated", "escalating"],
            &["personally", "personal"],
            &["started", "starts", "starting", "start"],
            &["stopped", "stop", "stopping"],
            &["tried", "tries", "try"],
            &["died", "dies", "die"],
            &["positions", "position"],
            &["soldiers", "soldier"],
            &["peacekeepers", "peacekeeper"],
            &["deployed", "deploying", "deploy"],
        ];
        for set in sets {
            let first = stem(set[0]);
            for w in set.iter().skip(1) {
                assert_eq!(stem(w), first, "{w} vs {}", set[0]);
            }
        }
    }

    #[test]
    fn distinct_words_stay_distinct() {
        let pairs: &[(&str, &str)] = &[
            ("killed", "wounded"),
            ("shell", "sell"),
            ("war", "was"),
            ("dead", "deal"),
            ("us", "use"),
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} vs {b}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in [
            "",
            "s",
            "'s",
            "ies",
            "ed",
            "ing",
            "é",
            "naïve",
            "x\u{301}ing",
            "2,000",
            "’s",
        ] {
            let _ = stem(w);
        }
    }
}
