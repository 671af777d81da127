//! Gold claim alignments (the ECB+ `gold.json` format) and their scoring, shared by the
//! `eval-align` and `train-align` tools: folders loaded and analysed, which gold members each
//! claim covers, and the pairwise scores of `shared/eval/align_score.py` for any grouping.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use corroborate::compare::{self, cluster, model};
use corroborate::report::{Claim, Report};
use corroborate::{analyze, Article};
use serde::Deserialize;

/// TF-IDF baseline threshold: the best pairwise F1 on ECB+ dev subtopics in a `--sweep`.
pub const TFIDF_T: f64 = 0.2;

#[derive(Deserialize)]
pub struct Gold {
    pub docs: Vec<String>,
    pub claims: Vec<GoldClaim>,
}

#[derive(Deserialize)]
pub struct GoldClaim {
    pub members: Vec<(usize, String)>,
    #[serde(default)]
    pub conflict: bool,
}

/// One folder, analysed.
pub struct Folder {
    pub name: String,
    pub gold: Gold,
    pub texts: Vec<String>,
    pub report: Report,
}

/// A grouping to score: groups of claim indexes with their relation.
pub struct Grouping {
    pub groups: Vec<(Vec<usize>, String)>,
}

#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub gold_pairs: usize,
    pub found: usize,
    pub judged: usize,
    pub good: usize,
    pub cells: usize,
    pub cells_found: usize,
    pub conflicts: usize,
    pub conflicts_flagged: usize,
    pub conflicts_agree: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.gold_pairs += o.gold_pairs;
        self.found += o.found;
        self.judged += o.judged;
        self.good += o.good;
        self.cells += o.cells;
        self.cells_found += o.cells_found;
        self.conflicts += o.conflicts;
        self.conflicts_flagged += o.conflicts_flagged;
        self.conflicts_agree += o.conflicts_agree;
    }

    pub fn prf(&self) -> (f64, f64, f64) {
        let r = ratio(self.found, self.gold_pairs);
        let p = ratio(self.good, self.judged);
        (p, r, f1(p, r))
    }

    pub fn line(&self) -> String {
        let (p, r, f) = self.prf();
        let rc = ratio(self.cells_found, self.cells);
        format!(
            "F1 {f:.3} (P {p:.3} R {r:.3}; gold pairs {}); claim x article-pair recall {rc:.3}, F1 with it {:.3}; conflicts flagged {}/{}, called agree {}",
            self.gold_pairs,
            f1(p, rc),
            self.conflicts_flagged,
            self.conflicts,
            self.conflicts_agree
        )
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Byte offset of every UTF-16 offset of `text` (offsets inside a surrogate pair map to the
/// character's start).
pub fn u16_to_byte(text: &str) -> Vec<usize> {
    let mut table = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for _ in 0..c.len_utf16() {
            table.push(i);
        }
    }
    table.push(text.len());
    table
}

/// The text a claim covers: from the first start to the last end of its sentence and content.
pub fn region<'t>(c: &Claim, text: &'t str, table: &[usize]) -> &'t str {
    let s = c.sentence.start.min(c.content.start) as usize;
    let e = c.sentence.end.max(c.content.end) as usize;
    let (s, e) = (
        table.get(s).copied().unwrap_or(0),
        table.get(e).copied().unwrap_or(text.len()),
    );
    text.get(s..e.max(s)).unwrap_or("")
}

/// Every gold member as (gold claim index, document, anchor).
pub fn anchors(f: &Folder) -> Vec<(usize, usize, &str)> {
    f.gold
        .claims
        .iter()
        .enumerate()
        .flat_map(|(g, c)| c.members.iter().map(move |(d, a)| (g, *d, a.as_str())))
        .collect()
}

/// For each of `claims` (of folder `f`), the gold members (indexes into [`anchors`]) whose
/// anchor lies inside its region.
pub fn covers(f: &Folder, claims: &[Claim]) -> Vec<BTreeSet<usize>> {
    let tables: Vec<Vec<usize>> = f.texts.iter().map(|t| u16_to_byte(t)).collect();
    let anchors = anchors(f);
    claims
        .iter()
        .map(|c| {
            let d = c.doc as usize;
            let (Some(text), Some(table)) = (f.texts.get(d), tables.get(d)) else {
                return BTreeSet::new();
            };
            let r = region(c, text, table);
            anchors
                .iter()
                .enumerate()
                .filter(|(_, &(_, dd, a))| dd == d && r.contains(a))
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

/// Scores one grouping of one folder, as `align_score.py` does.
pub fn score(f: &Folder, grouping: &Grouping) -> Tally {
    let claims = &f.report.claims;
    let anchors = anchors(f);
    let covers = covers(f, claims);
    let mut group_of: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); claims.len()];
    for (g, (members, _)) in grouping.groups.iter().enumerate() {
        for &c in members {
            if let Some(s) = group_of.get_mut(c) {
                s.insert(g);
            }
        }
    }
    let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); anchors.len()];
    for (c, s) in covers.iter().enumerate() {
        for &i in s {
            claims_of[i].push(c);
        }
    }
    let linked = |i: usize, j: usize| {
        claims_of[i].iter().any(|&x| {
            claims_of[j]
                .iter()
                .any(|&y| !group_of[x].is_disjoint(&group_of[y]))
        })
    };
    let mut t = Tally::default();
    let mut cells: HashMap<(usize, usize, usize), bool> = HashMap::new();
    for i in 0..anchors.len() {
        for j in i + 1..anchors.len() {
            if anchors[i].0 != anchors[j].0 || anchors[i].1 == anchors[j].1 {
                continue;
            }
            t.gold_pairs += 1;
            let hit = linked(i, j);
            t.found += usize::from(hit);
            let key = (
                anchors[i].0,
                anchors[i].1.min(anchors[j].1),
                anchors[i].1.max(anchors[j].1),
            );
            let cell = cells.entry(key).or_insert(false);
            *cell |= hit;
        }
    }
    t.cells = cells.len();
    t.cells_found = cells.values().filter(|&&h| h).count();
    for (members, _) in &grouping.groups {
        let cs: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&c| !covers[c].is_empty())
            .collect();
        for x in 0..cs.len() {
            for y in x + 1..cs.len() {
                if claims[cs[x]].doc == claims[cs[y]].doc {
                    continue;
                }
                t.judged += 1;
                let ga: HashSet<usize> = covers[cs[x]].iter().map(|&i| anchors[i].0).collect();
                let good = covers[cs[y]].iter().any(|&i| ga.contains(&anchors[i].0));
                t.good += usize::from(good);
            }
        }
    }
    for (gi, gc) in f.gold.claims.iter().enumerate() {
        if !gc.conflict {
            continue;
        }
        let idx: Vec<usize> = (0..anchors.len()).filter(|&i| anchors[i].0 == gi).collect();
        let mut shared: BTreeSet<usize> = BTreeSet::new();
        for &i in &idx {
            for &j in &idx {
                if anchors[i].1 < anchors[j].1 {
                    for &x in &claims_of[i] {
                        for &y in &claims_of[j] {
                            shared.extend(group_of[x].intersection(&group_of[y]));
                        }
                    }
                }
            }
        }
        t.conflicts += 1;
        let rel = |g: &usize| grouping.groups[*g].1.as_str();
        t.conflicts_flagged += usize::from(shared.iter().any(|g| rel(g) == "conflict"));
        t.conflicts_agree += usize::from(shared.iter().any(|g| rel(g) == "agree"));
    }
    t
}

/// The report's own groups.
pub fn system(f: &Folder) -> Grouping {
    groups_of(f, &f.report.groups)
}

/// The claims of `groups` (of folder `f`'s report) as a [`Grouping`].
pub fn groups_of(f: &Folder, groups: &[corroborate::report::Group]) -> Grouping {
    let pos: HashMap<&str, usize> = f
        .report
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    Grouping {
        groups: groups
            .iter()
            .map(|g| {
                (
                    g.claims
                        .iter()
                        .filter_map(|id| pos.get(id.as_str()).copied())
                        .collect(),
                    g.relation.to_string(),
                )
            })
            .collect(),
    }
}

/// Every claim of the folder in one group.
pub fn everything(f: &Folder) -> Grouping {
    Grouping {
        groups: vec![((0..f.report.claims.len()).collect(), "agree".into())],
    }
}

/// Lower-cased content words of a claim's region.
fn words(f: &Folder, c: &Claim, stop: &HashSet<String>) -> BTreeMap<String, f64> {
    let text = &f.texts[c.doc as usize];
    let table = u16_to_byte(text);
    let mut out = BTreeMap::new();
    for w in region(c, text, &table)
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
    {
        let w = w.to_lowercase();
        if !stop.contains(&w) {
            *out.entry(w).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// TF-IDF vectors (unit length) of every claim of every folder, with `df` over all of them.
pub fn tfidf(folders: &[Folder]) -> Vec<Vec<BTreeMap<String, f64>>> {
    let stop: HashSet<String> = compare::lexicon::lexicon()
        .stopwords
        .iter()
        .cloned()
        .collect();
    let bags: Vec<Vec<BTreeMap<String, f64>>> = folders
        .iter()
        .map(|f| f.report.claims.iter().map(|c| words(f, c, &stop)).collect())
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    let mut n = 0.0;
    for b in bags.iter().flatten() {
        n += 1.0;
        for w in b.keys() {
            *df.entry(w.as_str()).or_insert(0.0) += 1.0;
        }
    }
    bags.iter()
        .map(|fb| {
            fb.iter()
                .map(|b| {
                    let mut v: BTreeMap<String, f64> = b
                        .iter()
                        .map(|(w, tf)| (w.clone(), tf * (1.0 + n / df[w.as_str()]).ln()))
                        .collect();
                    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
                    if norm > 0.0 {
                        v.values_mut().for_each(|x| *x /= norm);
                    }
                    v
                })
                .collect()
        })
        .collect()
}

fn cosine(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(w, x)| large.get(w).map(|y| x * y))
        .sum()
}

/// Connected components of claims of different articles with cosine at least `t`.
pub fn tfidf_groups(f: &Folder, vecs: &[BTreeMap<String, f64>], t: f64) -> Grouping {
    let n = vecs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for a in 0..n {
        for b in a + 1..n {
            if f.report.claims[a].doc != f.report.claims[b].doc && cosine(&vecs[a], &vecs[b]) >= t {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    Grouping {
        groups: by_root
            .into_values()
            .map(|m| (m, "agree".to_string()))
            .collect(),
    }
}

pub fn load(dir: &Path, labels: Option<&Path>) -> Result<Folder, String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let gold_path: PathBuf = match labels {
        Some(l) => l.join(&name).join("gold.json"),
        None => dir.join("gold.json"),
    };
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut texts = Vec::new();
    let mut articles = Vec::new();
    for d in &gold.docs {
        let p = dir.join(d);
        let t = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        articles.push(Article::new(d.clone(), t.clone()));
        texts.push(t);
    }
    let report = analyze(&articles).map_err(|e| format!("{name}: {e}"))?;
    Ok(Folder {
        name,
        gold,
        texts,
        report,
    })
}

/// A labelled claim pair: its features, whether it is one claim, and its weight.
pub struct Example {
    pub x: [f64; model::N],
    pub y: bool,
    // Read by train-align only; eval-align counts pairs unweighted.
    #[allow(dead_code)]
    pub w: f64,
}

/// Labelled candidate pairs of one folder (see `train-align` for the labels), with the folder's candidate recall (gold-positive
/// cross-article pairs that are candidates, and all of them).
pub fn examples(f: &Folder, claim_level: bool) -> (Vec<Example>, usize, usize) {
    let r = &f.report;
    let (units, _, p) = compare::prepare_units(&r.documents, &r.entities, &r.claims);
    let cx = model::Context::new(&p.feats, &p.idf, &p.terms);
    let input = cluster::Input::new(&p, &cx, model::model());
    let anchors = anchors(f);
    let covers = covers(f, &units);
    let gold = |i: usize| -> std::collections::BTreeSet<usize> {
        covers[i].iter().map(|&a| anchors[a].0).collect()
    };
    let same = |a: usize, b: usize| !gold(a).is_disjoint(&gold(b));
    let mut positives = 0;
    for a in 0..units.len() {
        for b in a + 1..units.len() {
            if units[a].doc != units[b].doc && same(a, b) {
                positives += 1;
            }
        }
    }
    let mut out = Vec::new();
    let mut found = 0;
    for (a, b) in cluster::candidates(&input) {
        let (ca, cb) = (!covers[a].is_empty(), !covers[b].is_empty());
        let y = same(a, b);
        found += usize::from(y);
        let w = match (ca, cb, claim_level) {
            (true, true, _) => 1.0,
            (false, false, true) => 0.5,
            (_, _, true) => 1.0,
            _ => continue,
        };
        let x = model::features(&cx, &p.feats[a], &p.feats[b], &p.values[a], &p.values[b]);
        out.push(Example { x, y, w });
    }
    (out, found, positives)
}
