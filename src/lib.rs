//! Corroborate compares how several news articles report the same event.
//!
//! Give [`analyze`] the articles; it returns a [`Report`] (the `corroborate/report@1` JSON
//! contract, see [`report`]) with the entities merged across articles, the claims each article
//! makes (who said what, which figures), and how those claims line up across sources.
//!
//! The core is plain Rust with no I/O and no wasm types: the CLI (`src/main.rs`) and the
//! WebAssembly binding (`src/wasm.rs`) are thin shells around [`analyze`]. See ARCHITECTURE.md
//! for the code map and the data flow.

pub mod claims;
pub mod compare;
pub mod dates;
pub mod entities;
pub mod error;
pub mod gazetteer;
pub mod input;
pub mod markdown;
pub mod numbers;
pub mod outlet;
pub mod pipeline;
pub mod report;
pub mod tagger;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, MAX_ARTICLES, MAX_ARTICLE_BYTES, MAX_TOTAL_BYTES};
pub use pipeline::{analyze, analyze_with, Article, Options};
pub use report::Report;
