//! The one error the core can return: input over a limit. Messy text is never an error (it
//! comes back as notes in the report); only input the analysis refuses to take is.

use std::fmt;

/// Largest article accepted, in bytes of UTF-8 (5 MiB: a long news article is under 100 KB).
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;
/// Largest analysis accepted, all articles together, in bytes of UTF-8.
pub const MAX_TOTAL_BYTES: usize = 40 * 1024 * 1024;
/// Most articles in one analysis.
pub const MAX_ARTICLES: usize = 2000;

/// Why an analysis was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    ArticleTooLarge { name: String, bytes: usize },
    TooMuchText { bytes: usize },
    TooManyArticles { count: usize },
}

impl Error {
    pub(crate) fn article_too_large(name: &str, bytes: usize) -> Error {
        Error {
            kind: ErrorKind::ArticleTooLarge {
                name: name.to_string(),
                bytes,
            },
        }
    }
    pub(crate) fn too_much_text(bytes: usize) -> Error {
        Error {
            kind: ErrorKind::TooMuchText { bytes },
        }
    }
    pub(crate) fn too_many_articles(count: usize) -> Error {
        Error {
            kind: ErrorKind::TooManyArticles { count },
        }
    }
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::ArticleTooLarge { name, bytes } => write!(
                f,
                "{name}: article is {}, over the limit of {} per article",
                mib(*bytes),
                mib(MAX_ARTICLE_BYTES)
            ),
            ErrorKind::TooMuchText { bytes } => write!(
                f,
                "the articles hold {} of text together, over the limit of {}",
                mib(*bytes),
                mib(MAX_TOTAL_BYTES)
            ),
            ErrorKind::TooManyArticles { count } => write!(
                f,
                "{count} articles given, over the limit of {MAX_ARTICLES} per analysis"
            ),
        }
    }
}

impl std::error::Error for Error {}
