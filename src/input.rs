//! Checks that a file's bytes are article text before anything analyses them, and decodes
//! them: not empty, not binary, not HTML, not over the size limit, UTF-8 (a UTF-8 byte order
//! mark is kept as text) or UTF-16 with a byte order mark. NUL anywhere or over 10 % control
//! characters in the first 8 KB is binary (tab, line feed, form feed, carriage return and
//! escape are text); UTF-16 needs its byte order mark and is decoded strictly (a lone surrogate
//! is refused). The CLI calls [`check`] on every file; the page calls [`read`] (through the
//! worker, `readInput` in `src/wasm.rs`) on every file it is given, so both refuse the same
//! files with the same words. [`read`] says whether the text is an HTML document: the page
//! reduces it to article text, the CLI has no HTML reader and [`check`] refuses it.

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
    /// Starts with a UTF-16 byte order mark but is not UTF-16 (an odd length or a lone
    /// surrogate); `at` is the byte offset of the first bad unit.
    NotUtf16 { at: usize },
    /// An HTML document, not plain text.
    Html,
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
            InputError::NotUtf16 { at } => write!(
                f,
                "not UTF-16 text though it starts with a UTF-16 byte order mark (bad unit at byte {at})"
            ),
            InputError::Html => write!(
                f,
                "HTML, not plain text: the command line reads plain text only (the page reduces \
                 HTML to its article text); save the article as text"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// NUL anywhere, or more than 10 % control characters in the first 8 KB (of the bytes, or of
/// the UTF-16 units).
fn looks_binary(units: impl Iterator<Item = u32> + Clone) -> bool {
    let is_control = |u: u32| u < 0x20 && !matches!(u, 9 | 10 | 12 | 13 | 27);
    if units.clone().any(|u| u == 0) {
        return true;
    }
    let (mut n, mut control) = (0usize, 0usize);
    for u in units.take(8192) {
        n += 1;
        control += usize::from(is_control(u));
    }
    control * 10 > n
}

/// An HTML document: after white space (and a byte order mark), `<!doctype html`, `<html`,
/// `<head` or `<body`, or a `<` that opens a document holding `<html` or `<body` in its first
/// kilobyte.
fn looks_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !t.starts_with('<') {
        return false;
    }
    let mut end = t.len().min(1024);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t[..end].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|m| head.starts_with(m))
        || head.contains("<html") && head.contains("<body")
}

/// A file's text, decoded and checked by [`read`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Text {
    /// The decoded text.
    pub text: String,
    /// Is it an HTML document (by its first kilobyte) rather than plain text?
    pub html: bool,
}

/// Returns the text of `bytes` if it is text (plain or HTML), with every check of [`check`]
/// but the refusal of HTML.
pub fn read(bytes: &[u8]) -> Result<Text, InputError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge);
    }
    let text = match bytes {
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => {
            if looks_binary(bytes.iter().map(|&b| u32::from(b))) {
                return Err(InputError::Binary);
            }
            std::str::from_utf8(bytes)
                .map_err(|e| InputError::NotUtf8 {
                    at: e.valid_up_to(),
                })?
                .to_string()
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    let html = looks_html(&text);
    Ok(Text { text, html })
}

/// Returns the text of `bytes` if it is article text: [`read`], and HTML refused.
pub fn check(bytes: &[u8]) -> Result<String, InputError> {
    match read(bytes)? {
        Text { html: true, .. } => Err(InputError::Html),
        Text { text, .. } => Ok(text),
    }
}

/// UTF-16 after its byte order mark, strictly: an odd byte or a lone surrogate is refused, as
/// the page's `TextDecoder(…, {fatal: true})` does; NUL and control characters as for bytes.
fn utf16(rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let units: Vec<u16> = rest
        .chunks(2)
        .filter_map(|c| <[u8; 2]>::try_from(c).ok().map(unit))
        .collect();
    if rest.len() % 2 == 1 {
        return Err(InputError::NotUtf16 { at: rest.len() + 1 });
    }
    if looks_binary(units.iter().map(|&u| u32::from(u))) {
        return Err(InputError::Binary);
    }
    let mut out = String::with_capacity(units.len());
    let mut at = 2;
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => {
                out.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => return Err(InputError::NotUtf16 { at }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        let mut late_nul = vec![b'a'; 20_000];
        late_nul[15_000] = 0;
        let cases: &[(&[u8], Result<&str, InputError>)] = &[
            (b"Hello world.", Ok("Hello world.")),
            (b"", Err(InputError::Empty)),
            (b"  \n\t ", Err(InputError::Empty)),
            ("\u{feff}\n".as_bytes(), Err(InputError::Empty)),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err(InputError::Binary)),
            (b"abc\xffdef", Err(InputError::NotUtf8 { at: 3 })),
            (&big, Err(InputError::TooLarge)),
            ("caf\u{e9} \u{1f600}".as_bytes(), Ok("caf\u{e9} \u{1f600}")),
            // NUL anywhere, not only in the first 8 KB
            (&late_nul, Err(InputError::Binary)),
            // escape is text, as in the page
            (b"a\x1b[1mbold", Ok("a\x1b[1mbold")),
            // UTF-16 with a byte order mark, both orders
            (b"\xff\xfeH\0i\0", Ok("Hi")),
            (b"\xfe\xff\0H\0i", Ok("Hi")),
            (b"\xff\xfe=\xd8\0\xde", Ok("\u{1f600}")),
            // a lone surrogate, an odd length, a NUL in UTF-16
            (b"\xff\xfeH\0\0\xd8i\0", Err(InputError::NotUtf16 { at: 4 })),
            (b"\xff\xfeH\0i", Err(InputError::NotUtf16 { at: 4 })),
            (b"\xff\xfeH\0\0\0", Err(InputError::Binary)),
            // HTML
            (
                b"<!DOCTYPE html><html><body><p>Hi.</p></body></html>",
                Err(InputError::Html),
            ),
            (b"\n  <html lang=en><p>Hi.</p>", Err(InputError::Html)),
            (b"<p>x</p><html><body>y", Err(InputError::Html)),
            (
                b"<b>Bold</b> claims are text.",
                Ok("<b>Bold</b> claims are text."),
            ),
            (b"Use <html> tags.", Ok("Use <html> tags.")),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                check(bytes).as_deref().map_err(Clone::clone),
                want.clone(),
                "{:?}",
                &bytes[..bytes.len().min(20)]
            );
            // read: the same, but HTML comes back as text marked html
            let got = read(bytes);
            match want {
                Err(InputError::Html) => {
                    assert!(got.as_ref().is_ok_and(|t| t.html), "{got:?}")
                }
                Err(e) => assert_eq!(got.as_ref().err(), Some(e)),
                Ok(text) => assert_eq!(
                    got.as_ref().ok(),
                    Some(&Text {
                        text: text.to_string(),
                        html: false
                    })
                ),
            }
        }
    }
}
