//! Merging mentions into canonical entities across all articles of an analysis.
//!
//! Mentions are joined with a union-find over these links, each cheap and local:
//! - **same key**: [`gazetteer::key`] folds case, periods in initialisms, a possessive and a
//!   leading "the" (`U.S.` = `US`; `Russia’s` = `Russia`; `JAPAN` = `Japan`);
//! - **gazetteer**: forms listed for one place or organisation (`United States` = `US` =
//!   `America`; `UN Security Council` = `U.N. Security Council`) share its canonical name;
//! - **acronyms**: `Collective Security Treaty Organization (CSTO)` in any article, or an
//!   all-capitals word equal to the initials of exactly one longer name in the analysis;
//! - **surnames**: a one-word person mention joins the full name ending with that word that was
//!   last used before it in the same article, or else the one full name in the whole analysis
//!   that ends with it. Two different full names are never joined, and a surname shared by two
//!   people elsewhere with none in its own article stays on its own;
//! - **first names**: a one-word person mention that is no one's surname joins the one full
//!   name in its article that starts with it ("Hillary" → "Hillary Clinton").
//!
//! - **other forms** ([`aliases`]): middle initials and legal forms folded into the key; short
//!   forms of a place-led name ("Chargers"), spelling variants ("Rait" / "Raite") and aliases
//!   the text introduces ("(Basarnas)", "known as", "as the president is widely known").
//!
//! Dates and figures merge by type and normalised value.
//!
//! The canonical name is the gazetteer's name if there is one, else the longest person name or
//! the most used non-acronym form. A capital, city or nationality is linked to its country's
//! entity when that country is in the analysis (`Yerevan` → Armenia), so that "Yerevan said"
//! can be resolved to the Armenian government.

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

use crate::entities::aliases;
use crate::entities::edits::{self, Edit};
use crate::entities::{add_role, Entities, Entity, Mention, Type};
use crate::gazetteer::{self, Class};
use crate::text::Prepared;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the smaller index as root so results do not depend on union order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// What a mention merges by.
fn merge_key(surface: &str, kind: Type, value: Option<&str>) -> String {
    if kind == Type::Organization {
        let surface = aliases::fold_org(surface);
        if let Some(e) = gazetteer_entry(surface, kind) {
            return format!("gaz:{}", e.canonical);
        }
        return format!("name:{}", gazetteer::key(surface));
    }
    if kind == Type::Person && gazetteer_entry(surface, kind).is_none() {
        return format!("name:{}", aliases::person_words(surface).join(" "));
    }
    if kind.is_name() {
        if let Some(e) = gazetteer_entry(surface, kind) {
            return format!("gaz:{}", e.canonical);
        }
        format!("name:{}", gazetteer::key(surface))
    } else {
        format!(
            "{}:{}",
            kind.as_str(),
            value
                .map(str::to_string)
                .unwrap_or_else(|| surface.to_lowercase())
        )
    }
}

/// The type a gazetteer class stands for.
fn class_type(class: Class) -> Option<Type> {
    match class {
        Class::Country | Class::Region | Class::City => Some(Type::Place),
        Class::Organization => Some(Type::Organization),
        Class::Demonym | Class::Group => Some(Type::Group),
        Class::Title => None,
    }
}

/// The gazetteer entry that fits a name of the tagger's type ("Georgia" the country when
/// tagged as a place, the US state's entry never for a person). Entries of another type are
/// not used: merging a team named after a city with the city would force one type on both,
/// which measurably hurts (CoNLL-2003 dev F1 90.2 against 91.6).
fn gazetteer_entry(surface: &str, kind: Type) -> Option<&'static gazetteer::Entry> {
    gazetteer::lookup(surface)
        .iter()
        .find(|e| class_type(e.class) == Some(kind))
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters[0].is_alphabetic()
}

/// Initials of the capitalised words of a name: `Collective Security Treaty Organization` →
/// `CSTO`; function words ("of", "the", "for", "and") are skipped.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Merges mentions into entities.
pub fn merge(
    docs: &[Prepared],
    mut mentions: Vec<Mention>,
    edits: &[Edit],
) -> (Entities, Vec<String>) {
    mentions.sort_by_key(|m| (m.doc, m.range.start, m.range.end));
    mentions.dedup_by(|b, a| a.doc == b.doc && a.range == b.range);
    // The list grew by doubling as the rules added mentions; its spare half would stay
    // allocated while the entities are built.
    mentions.shrink_to_fit();
    let surface: Vec<&str> = mentions
        .iter()
        .map(|m| docs[m.doc].text[m.range.clone()].trim())
        .collect();
    // Each mention's name words, made once for the rules below.
    let words: Vec<Vec<String>> = surface.iter().map(|s| name_words(s)).collect();
    let ambiguous = ambiguous_surnames(&mentions, &words);
    let keys: Vec<String> = mentions
        .iter()
        .zip(&surface)
        .map(|(m, s)| match &m.canonical {
            // A rule's name the gazetteer knows ("Azerbaijaini" read as "Azerbaijani") merges
            // like that name written out; other rule names ("Foreign Ministry (Azerbaijan)")
            // merge with each other.
            Some(c) if gazetteer_entry(c, m.kind).is_some() => merge_key(c, m.kind, None),
            Some(c) => format!("rule:{c}"),
            // A surname shared by two people in the analysis merges by key only in its article;
            // across articles only the surname rule below may join it.
            None if m.kind == Type::Person && ambiguous.contains(&gazetteer::key(s)) => {
                format!("name:{}@{}", gazetteer::key(s), m.doc)
            }
            None => merge_key(s, m.kind, m.value.as_deref()),
        })
        .collect();

    let mut uf = UnionFind((0..mentions.len()).collect());
    let mut first_of_key: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, k) in keys.iter().enumerate() {
        match first_of_key.get(k.as_str()) {
            Some(&j) => uf.union(i, j),
            None => {
                first_of_key.insert(k, i);
            }
        }
    }

    link_parenthesised_acronyms(docs, &mentions, &mut uf);
    link_initials(&mentions, &surface, &keys, &first_of_key, &mut uf);
    link_surnames(&mentions, &surface, &words, &mut uf);
    link_first_names(&mentions, &words, &mut uf);
    for (a, b) in aliases::text_links(docs, &mentions)
        .into_iter()
        .chain(aliases::short_form_links(&mentions, &surface, &keys))
        .chain(aliases::variant_links(&mentions, &surface))
    {
        uf.union(a, b);
    }

    // What only the links read goes before the entities are built, so its memory does not
    // stack on theirs (on a 5 MB article the words and keys held ~20 MB).
    drop(first_of_key);
    drop((keys, words));
    let mut list = build(mentions, &surface, &mut uf);
    let notes = edits::apply(docs, &mut list, edits);
    (finish(docs, list), notes)
}

/// `Collective Security Treaty Organization (CSTO)`: the name right before a parenthesised
/// acronym mention.
fn link_parenthesised_acronyms(docs: &[Prepared], mentions: &[Mention], uf: &mut UnionFind) {
    for i in 1..mentions.len() {
        let (prev, cur) = (&mentions[i - 1], &mentions[i]);
        if prev.doc != cur.doc || !prev.kind.is_name() || !cur.kind.is_name() {
            continue;
        }
        let doc = &docs[cur.doc];
        let t = cur.tokens.start;
        let wrapped = t >= 1
            && prev.tokens.end + 1 == t
            && doc.token(t - 1) == "("
            && cur.tokens.end < doc.tokens.len()
            && doc.token(cur.tokens.end) == ")";
        let short = &doc.text[cur.range.clone()];
        let long = &doc.text[prev.range.clone()];
        if wrapped && is_acronym(short) && initials(long).len() >= 2 {
            uf.union(i - 1, i);
        }
    }
}

/// An acronym mention equal to the initials of exactly one multi-word name in the analysis.
fn link_initials(
    mentions: &[Mention],
    surface: &[&str],
    keys: &[String],
    first_of_key: &FxHashMap<&str, usize>,
    uf: &mut UnionFind,
) {
    let mut by_initials: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for &i in first_of_key.values() {
        let m = &mentions[i];
        if m.kind.is_name() && m.kind != Type::Person && surface[i].split_whitespace().count() >= 2
        {
            let ini = initials(surface[i]);
            if ini.len() >= 2 {
                by_initials.entry(ini).or_default().push(i);
            }
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if !m.kind.is_name() || !is_acronym(surface[i]) {
            continue;
        }
        let letters: String = surface[i].chars().filter(|c| *c != '.').collect();
        if let Some(cands) = by_initials.get(&letters) {
            let distinct: std::collections::BTreeSet<&str> =
                cands.iter().map(|&c| keys[c].as_str()).collect();
            if distinct.len() == 1 {
                uf.union(i, cands[0]);
            }
        }
    }
}

/// Last words shared by two or more different full person names ("Ilham Aliyev", "Heydar
/// Aliyev" → "aliyev").
fn ambiguous_surnames(
    mentions: &[Mention],
    words_of: &[Vec<String>],
) -> rustc_hash::FxHashSet<String> {
    let mut full: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let words = &words_of[i];
        if m.kind == Type::Person && words.len() >= 2 {
            full.entry(words[words.len() - 1].clone())
                .or_default()
                .insert(words.join(" "));
        }
    }
    full.into_iter()
        .filter(|(_, names)| names.len() > 1)
        .map(|(last, _)| last)
        .collect()
}

/// Words of a person name, for surname matching (initials and suffixes left out, see
/// [`aliases::person_words`]).
fn name_words(s: &str) -> Vec<String> {
    aliases::person_words(s)
}

/// A one-word person mention that is no one's surname but the first name of exactly one full
/// person name in its own article joins it ("Hillary" → "Hillary Clinton"). Only within the
/// article: across articles a first name says too little.
fn link_first_names(mentions: &[Mention], words_of: &[Vec<String>], uf: &mut UnionFind) {
    // (article, first word) → full name → its first mention.
    let mut by_first: BTreeMap<(usize, String), BTreeMap<String, usize>> = BTreeMap::new();
    let mut last_words: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for (i, m) in mentions.iter().enumerate() {
        let words = &words_of[i];
        if m.kind == Type::Person && words.len() >= 2 {
            by_first
                .entry((m.doc, words[0].clone()))
                .or_default()
                .entry(words.join(" "))
                .or_insert(i);
            last_words.insert(words[words.len() - 1].clone());
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        let words = &words_of[i];
        if m.kind != Type::Person || words.len() != 1 || last_words.contains(&words[0]) {
            continue;
        }
        if let Some(fulls) = by_first.get(&(m.doc, words[0].clone())) {
            if let (1, Some(&c)) = (fulls.len(), fulls.values().next()) {
                uf.union(i, c);
            }
        }
    }
}

/// One-word person mentions join a full name ending with that word.
fn link_surnames(
    mentions: &[Mention],
    surface: &[&str],
    words_of: &[Vec<String>],
    uf: &mut UnionFind,
) {
    // Full names (two or more words) by last word, as (mention index, full key).
    let mut full_by_last: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == Type::Person {
            let words = &words_of[i];
            if words.len() >= 2 {
                full_by_last
                    .entry(words[words.len() - 1].clone())
                    .or_default()
                    .push((i, words.join(" ")));
            }
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        let words = &words_of[i];
        if words.len() != 1 || !matches!(m.kind, Type::Person | Type::Other | Type::Organization) {
            continue;
        }
        let Some(cands) = full_by_last.get(&words[0]) else {
            continue;
        };
        if m.kind != Type::Person && gazetteer::lookup(surface[i]).iter().any(|_| true) {
            continue;
        }
        // Same article: the closest full name before it, else the first after it.
        let same_doc: Vec<&(usize, String)> = cands
            .iter()
            .filter(|(c, _)| mentions[*c].doc == m.doc)
            .collect();
        let before = same_doc
            .iter()
            .filter(|(c, _)| mentions[*c].range.start < m.range.start)
            .max_by_key(|(c, _)| mentions[*c].range.start);
        let pick = before.or_else(|| same_doc.first()).map(|(c, _)| *c);
        let pick = pick.or_else(|| {
            let distinct: std::collections::BTreeSet<&str> =
                cands.iter().map(|(_, k)| k.as_str()).collect();
            (distinct.len() == 1).then(|| cands[0].0)
        });
        if let Some(c) = pick {
            uf.union(i, c);
        }
    }
}

/// One entity per union-find cluster, in order of first mention.
fn build(mut mentions: Vec<Mention>, surface: &[&str], uf: &mut UnionFind) -> Vec<Entity> {
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..mentions.len() {
        clusters.entry(uf.find(i)).or_default().push(i);
    }
    let mut list: Vec<Entity> = Vec::new();
    for members in clusters.values() {
        // Type: gazetteer-backed if any member is, else the best-scored vote.
        let mut votes: BTreeMap<Type, f32> = BTreeMap::new();
        for &i in members {
            *votes.entry(mentions[i].kind).or_default() += mentions[i].score.max(0.01);
        }
        let gaz = members
            .iter()
            .find_map(|&i| gazetteer_entry(surface[i], mentions[i].kind));
        let kind = votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(Type::Other);
        let ruled = members.iter().find_map(|&i| mentions[i].canonical.clone());
        let name = match (ruled, gaz) {
            (Some(c), _) => c,
            (None, Some(e)) => e.canonical.to_string(),
            (None, None) => canonical(members, surface, kind),
        };
        let mut aliases: Vec<String> = members
            .iter()
            .map(|&i| surface[i].to_string())
            .filter(|s| *s != name)
            .collect();
        aliases.sort();
        aliases.dedup();
        let mut roles: Vec<String> = Vec::new();
        for &i in members {
            if let Some(r) = &mentions[i].role {
                add_role(&mut roles, r);
            }
        }
        let value = members.iter().find_map(|&i| mentions[i].value.clone());
        list.push(Entity {
            name,
            kind,
            aliases,
            roles,
            value,
            country: None,
            // Each mention is in one cluster: moved into its entity, not copied.
            mentions: members
                .iter()
                .map(|&i| std::mem::replace(&mut mentions[i], Mention::moved()))
                .collect(),
        });
    }
    list
}

/// Orders the entities (most mentioned first, then first seen), links places and groups to
/// their country, and indexes mentions by document.
fn finish(docs: &[Prepared], mut list: Vec<Entity>) -> Entities {
    let first_seen = |e: &Entity| e.mentions.first().map(|m| (m.doc, m.range.start));
    list.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(first_seen(a).cmp(&first_seen(b)))
    });

    // Countries of capitals, cities and nationalities.
    let by_name: FxHashMap<String, usize> = list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Type::Place)
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    for e in list.iter_mut() {
        if !matches!(e.kind, Type::Place | Type::Group) {
            continue;
        }
        let country = gazetteer::country_of(&e.name)
            .or_else(|| e.aliases.iter().find_map(|a| gazetteer::country_of(a)));
        if let Some(&c) = country.and_then(|c| by_name.get(c)) {
            // A country's own entry names itself: no link to itself.
            if by_name.get(&e.name) != Some(&c) {
                e.country = Some(c);
            }
        }
    }

    let mut by_doc: Vec<Vec<(std::ops::Range<usize>, usize)>> = vec![Vec::new(); docs.len()];
    for (ei, e) in list.iter().enumerate() {
        for m in &e.mentions {
            by_doc[m.doc].push((m.range.clone(), ei));
        }
    }
    for v in &mut by_doc {
        v.sort_by_key(|(r, e)| (r.start, r.end, *e));
    }
    Entities { list, by_doc }
}

/// The canonical form of a cluster without a gazetteer entry: the longest person name, or the
/// most used capitalised form that is not an acronym (ties: the longer, then the first seen).
fn canonical(members: &[usize], surface: &[&str], kind: Type) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (order, &i) in members.iter().enumerate() {
        let e = counts.entry(surface[i]).or_insert((0, order));
        e.0 += 1;
    }
    let best = counts.iter().max_by(|a, b| {
        let score = |s: &str, c: usize| {
            let words = s.split_whitespace().count();
            let acronym = is_acronym(s) as usize;
            let caps = (s
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && s.len() > 4) as usize;
            // A form written in lower case ("the national search and rescue agency") names
            // the entity only where no capitalised form exists.
            let capitalised =
                (!kind.is_name() || s.starts_with(|c: char| !c.is_lowercase())) as usize;
            if kind == Type::Person {
                (1, words, 1 - caps, c)
            } else {
                (capitalised, 1 - acronym, 1 - caps, c * 100 + words)
            }
        };
        score(a.0, a.1 .0)
            .cmp(&score(b.0, b.1 .0))
            .then(b.1 .1.cmp(&a.1 .1))
    });
    best.map(|(s, _)| strip_possessive(s)).unwrap_or_default()
}

fn strip_possessive(s: &str) -> String {
    s.trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_string()
}
