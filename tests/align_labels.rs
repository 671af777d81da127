//! The claim-level alignment labels in `data/align/claims/{train,dev}` are read strictly: each
//! file parses, its claim ids are unique, every claim has members in two or more articles, and
//! every member names an article of the folder with a non-empty anchor. Where the ECB+ articles
//! are at hand (`CORROBORATE_ECBPLUS`, default `../shared/data/ecbplus`, as laid beside a
//! checkout), the `docs` lists and the anchors are checked against them too: every anchor is
//! found exactly once in its article.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

fn folders() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for split in ["train", "dev"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/align/claims")
            .join(split);
        let mut here: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        here.sort();
        out.extend(here.into_iter().map(|p| (split.to_string(), p)));
    }
    out
}

#[test]
fn claim_labels_are_well_formed() {
    let shared = std::env::var_os("CORROBORATE_ECBPLUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ecbplus"));
    let all = folders();
    assert_eq!(all.len(), 8, "four train and four dev folders");
    for (split, dir) in all {
        let path = dir.join("gold.json");
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let docs = gold["docs"].as_array().expect("docs");
        let claims = gold["claims"].as_array().expect("claims");
        assert!(!claims.is_empty(), "{}", path.display());
        let source = shared
            .join("subtopic")
            .join(&split)
            .join(dir.file_name().unwrap());
        let texts: Option<Vec<String>> = source.is_dir().then(|| {
            docs.iter()
                .map(|d| std::fs::read_to_string(source.join(d.as_str().unwrap())).unwrap())
                .collect()
        });
        let mut ids = HashSet::new();
        for c in claims {
            let id = c["id"].as_str().expect("id");
            assert!(
                ids.insert(id.to_string()),
                "{}: id {id} twice",
                path.display()
            );
            let members = c["members"].as_array().expect("members");
            let mut in_docs = BTreeSet::new();
            for m in members {
                let d = m[0].as_u64().expect("doc index") as usize;
                let anchor = m[1].as_str().expect("anchor");
                assert!(d < docs.len(), "{}: {id}: doc {d}", path.display());
                assert!(
                    !anchor.trim().is_empty(),
                    "{}: {id}: empty anchor",
                    path.display()
                );
                in_docs.insert(d);
                if let Some(texts) = &texts {
                    let n = texts[d].matches(anchor).count();
                    assert_eq!(n, 1, "{}: {id}: {anchor:?} found {n} times", path.display());
                }
            }
            assert!(
                in_docs.len() >= 2,
                "{}: {id} in one article",
                path.display()
            );
        }
    }
}
