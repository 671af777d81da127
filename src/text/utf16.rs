//! Byte offsets (what Rust slices with) to UTF-16 offsets (what JavaScript slices with).
//!
//! The core works on `&str` byte ranges; the report speaks UTF-16 so the page can use
//! `String.prototype.slice` directly. One table per document, built once, answers every
//! conversion in O(1).

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `units[i]` = UTF-16 length of `text[..i]`, for every byte offset `i` up to `text.len()`.
    /// Offsets inside a character map to the start of that character.
    units: Vec<u32>,
}

impl Utf16Map {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> Utf16Map {
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                units.push(u);
            }
            u += ch.len_utf16() as u32;
        }
        units.push(u);
        Utf16Map { units }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the end of the text).
    pub fn at(&self, byte: usize) -> u32 {
        self.units[byte.min(self.units.len() - 1)]
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len(&self) -> u32 {
        *self.units.last().unwrap_or(&0)
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (text, byte offset, utf16 offset)
        let cases: &[(&str, usize, u32)] = &[
            ("abc", 2, 2),
            ("é!", 2, 1),
            ("😀x", 4, 2),
            ("😀x", 5, 3),
            ("\u{feff}A", 3, 1),
            ("e\u{301}x", 3, 2),
            ("a\r\nb", 3, 3),
            ("שלום x", 9, 5),
        ];
        for &(text, byte, want) in cases {
            assert_eq!(Utf16Map::new(text).at(byte), want, "{text:?} at {byte}");
            assert_eq!(
                Utf16Map::new(text).len() as usize,
                text.encode_utf16().count()
            );
        }
    }
}
