//! TypeScript declarations of the report, generated from the Rust types in `src/report.rs`
//! with ts-rs and checked into `types/report.d.ts`. The wasm binding embeds that file in the
//! package's `.d.ts`, so `analyze()` is typed as returning a `Report`.
//!
//! After changing the report types: `UPDATE_GOLDEN=1 cargo test --test typescript`.

#![cfg(not(target_arch = "wasm32"))]

use corroborate::report::*;
use ts_rs::{Config, TS};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/types/report.d.ts");

fn declarations() -> String {
    let cfg = Config::default();
    let mut out = String::from(
        "// Generated from src/report.rs by tests/typescript.rs (ts-rs). Do not edit:\n\
         // UPDATE_GOLDEN=1 cargo test --test typescript\n\n\
         /** The value of `Report.schema`. */\n\
         export type Schema = \"corroborate/report@1\";\n",
    );
    let decls = [
        corroborate::Article::decl(&cfg),
        corroborate::Options::decl(&cfg),
        corroborate::entities::Edit::decl(&cfg),
        Report::decl(&cfg),
        Document::decl(&cfg),
        Boilerplate::decl(&cfg),
        Span::decl(&cfg),
        Entity::decl(&cfg),
        Mention::decl(&cfg),
        Claim::decl(&cfg),
        ClaimKind::decl(&cfg),
        Quantity::decl(&cfg),
        Group::decl(&cfg),
        HeldPieces::decl(&cfg),
        Relation::decl(&cfg),
        QuoteDiff::decl(&cfg),
        DiffOp::decl(&cfg),
        Conflict::decl(&cfg),
        ConflictKind::decl(&cfg),
        ConflictValue::decl(&cfg),
        Pair::decl(&cfg),
        ArticleView::decl(&cfg),
        Omission::decl(&cfg),
        Citation::decl(&cfg),
    ];
    for d in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[test]
fn report_declarations_are_current() {
    let got = declarations();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(FILE).parent().unwrap()).unwrap();
        std::fs::write(FILE, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        got == want,
        "{FILE} is out of date: UPDATE_GOLDEN=1 cargo test --test typescript"
    );
}
