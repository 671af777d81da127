//! Checks that a file's bytes are article text before anything analyses them: not empty, not
//! binary, not over the size limit, valid UTF-8. The CLI calls it on every file; the page does
//! the same checks in JavaScript before text reaches the worker, with the same wording.

use std::fmt;

use crate::error::MAX_ARTICLE_BYTES;

/// Why a file is not article text. The message is one lowercase line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No bytes, or only whitespace.
    Empty,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    TooLarge,
    /// Holds NUL bytes or mostly control characters: an image, a PDF, an archive.
    Binary,
    /// Not UTF-8; `at` is the offset of the first bad byte.
    NotUtf8 { at: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "empty: no text to analyse"),
            InputError::TooLarge => write!(
                f,
                "too large: over the limit of {} MB per article",
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
            InputError::Binary => write!(f, "binary file, not text"),
            InputError::NotUtf8 { at } => write!(f, "not UTF-8 text (bad byte at offset {at})"),
        }
    }
}

impl std::error::Error for InputError {}

/// Returns the text of `bytes` if it is article text.
pub fn check(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || control * 10 > head.len() {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        let cases: &[(&[u8], Result<&str, InputError>)] = &[
            (b"Hello world.", Ok("Hello world.")),
            (b"", Err(InputError::Empty)),
            (b"  \n\t ", Err(InputError::Empty)),
            ("\u{feff}\n".as_bytes(), Err(InputError::Empty)),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err(InputError::Binary)),
            (b"abc\xffdef", Err(InputError::NotUtf8 { at: 3 })),
            (&big, Err(InputError::TooLarge)),
            ("caf\u{e9} \u{1f600}".as_bytes(), Ok("caf\u{e9} \u{1f600}")),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                check(bytes).as_deref().map_err(Clone::clone),
                want.clone(),
                "{:?}",
                &bytes[..bytes.len().min(20)]
            );
        }
    }
}
