//! A reader's corrections to the merging: join two chips the rules kept apart, or split a chip
//! the rules joined wrongly.
//!
//! Edits name entities by their canonical name (the report's `entity.name`), falling back to
//! an alias, because entity ids are positions in a list that changes as articles are added or
//! removed; a name survives re-analysis. They are applied in the order given, after the
//! automatic merging and before claims are extracted, so speakers, claim groups and article
//! views are all computed with the corrected entities. An edit that names no entity (the
//! article that carried it was removed, say) is skipped and reported as a note, never an error.
//!
//! - `{"merge": [A, B, …]}`: the entities named join into one, named A (the first one found).
//!   The type is A's; roles and aliases are the union.
//! - `{"split": A}`: entity A becomes one entity per surface form of its mentions ("Putin",
//!   "Vladimir Putin" → two chips), each keeping its own mentions and roles.
//! - `{"rename": [A, B]}`: entity A is named B from now on (a merged chip named after its
//!   first fragment, "National Search", gets its real name); A stays an alias, so later edits
//!   naming A still reach it. An empty B, or a B another entity already has, is skipped with a
//!   note.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::entities::{add_role, Entity, Mention};
use crate::text::Prepared;

/// One correction to the entity merging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    /// Join the entities with these names into one, named after the first found.
    Merge(Vec<String>),
    /// Split the entity with this name into one entity per surface form.
    Split(String),
    /// Rename the entity named by the first string to the second.
    Rename(String, String),
}

/// The entity (index into `list`) an edit means by `name`: the one with that canonical name,
/// else the first with that alias.
fn find(list: &[Entity], name: &str) -> Option<usize> {
    let name = name.trim();
    list.iter().position(|e| e.name == name).or_else(|| {
        list.iter()
            .position(|e| e.aliases.iter().any(|a| a == name))
    })
}

/// Applies `edits` in order to the entity list (before it is sorted and linked). Returns a note
/// for every edit that could not be applied.
pub fn apply(docs: &[Prepared], list: &mut Vec<Entity>, edits: &[Edit]) -> Vec<String> {
    let mut notes = Vec::new();
    for edit in edits {
        match edit {
            Edit::Merge(names) => {
                let mut found: Vec<usize> = Vec::new();
                for n in names {
                    match find(list, n) {
                        Some(i) if !found.contains(&i) => found.push(i),
                        Some(_) => {}
                        None => notes.push(format!("merge: no entity named \u{201c}{n}\u{201d}")),
                    }
                }
                if found.len() < 2 {
                    notes.push(format!(
                        "merge of {} skipped: fewer than two of these entities are in the analysis",
                        quoted(names)
                    ));
                    continue;
                }
                merge(list, &found);
            }
            Edit::Split(name) => match find(list, name) {
                Some(i) if !list[i].aliases.is_empty() => split(docs, list, i),
                Some(_) => notes.push(format!(
                    "split of \u{201c}{name}\u{201d} skipped: it has only one form"
                )),
                None => notes.push(format!("split: no entity named \u{201c}{name}\u{201d}")),
            },
            Edit::Rename(from, to) => {
                let to = to.trim();
                match find(list, from) {
                    None => notes.push(format!("rename: no entity named \u{201c}{from}\u{201d}")),
                    Some(_) if to.is_empty() => notes.push(format!(
                        "rename of \u{201c}{from}\u{201d} skipped: the new name is empty"
                    )),
                    Some(i) if list.iter().enumerate().any(|(j, e)| j != i && e.name == to) => {
                        notes.push(format!(
                            "rename of \u{201c}{from}\u{201d} skipped: another entity is named \u{201c}{to}\u{201d}"
                        ))
                    }
                    Some(i) => rename(&mut list[i], to),
                }
            }
        }
    }
    notes
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\u{201c}{n}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Joins `which` (indexes into `list`, the first is the survivor) into one entity.
fn merge(list: &mut Vec<Entity>, which: &[usize]) {
    let target = which[0];
    let mut others: Vec<usize> = which[1..].to_vec();
    // Remove from the back so earlier indexes stay valid.
    others.sort_unstable_by(|a, b| b.cmp(a));
    let mut absorbed = Vec::new();
    for i in others {
        absorbed.push(list.remove(i));
    }
    let target = target - which[1..].iter().filter(|&&i| i < target).count();
    let t = &mut list[target];
    for e in absorbed {
        t.aliases.push(e.name);
        t.aliases.extend(e.aliases);
        for r in &e.roles {
            add_role(&mut t.roles, r);
        }
        if t.value.is_none() {
            t.value = e.value;
        }
        t.mentions.extend(e.mentions);
    }
    let name = t.name.clone();
    t.aliases.retain(|a| *a != name);
    t.aliases.sort();
    t.aliases.dedup();
    t.mentions
        .sort_by_key(|m| (m.doc, m.range.start, m.range.end));
}

/// Names `e` `to`, keeping its old name as an alias.
fn rename(e: &mut Entity, to: &str) {
    if e.name == to {
        return;
    }
    let old = std::mem::replace(&mut e.name, to.to_string());
    e.aliases.push(old);
    e.aliases.retain(|a| a != to);
    e.aliases.sort();
    e.aliases.dedup();
}

/// Replaces entity `i` by one entity per distinct surface form of its mentions.
fn split(docs: &[Prepared], list: &mut Vec<Entity>, i: usize) {
    let e = list.remove(i);
    let mut forms: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for m in e.mentions {
        let form = docs
            .get(m.doc)
            .and_then(|d| d.text.get(m.range.clone()))
            .unwrap_or_default()
            .trim()
            .to_string();
        forms.entry(form).or_default().push(m);
    }
    for (form, mentions) in forms {
        let mut roles: Vec<String> = Vec::new();
        for r in mentions.iter().filter_map(|m| m.role.as_ref()) {
            add_role(&mut roles, r);
        }
        list.push(Entity {
            name: form,
            kind: e.kind,
            aliases: Vec::new(),
            roles,
            value: e.value.clone(),
            country: None,
            mentions,
        });
    }
}
