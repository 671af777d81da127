//! Byte offsets (what Rust slices with) to UTF-16 offsets (what JavaScript slices with).
//!
//! The core works on `&str` byte ranges; the report speaks UTF-16 so the page can use
//! `String.prototype.slice` directly. One table per document, a checkpoint every 64 bytes,
//! answers every conversion in O(1) (at most 63 bytes counted).

/// Bytes per checkpoint of [`Utf16Map`].
const BLOCK: usize = 64;

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Map<'t> {
    text: &'t str,
    /// `blocks[k]` = UTF-16 length of `text[..k * BLOCK]`: 4 bytes per 64 bytes of text (a
    /// table with an entry per byte took four times the text), and a lookup counts at most
    /// 63 bytes on from its checkpoint.
    blocks: Vec<u32>,
    len: u32,
}

/// UTF-16 length of a byte slice that starts at a character boundary and ends at one: one
/// unit per character, two for a character of four bytes.
fn units(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum()
}

impl<'t> Utf16Map<'t> {
    /// Builds the table for `text`.
    pub fn new(text: &'t str) -> Utf16Map<'t> {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut u = 0u32;
        // Every block boundary is a byte offset; a character crossing it is counted in the
        // block where it starts, so `blocks[k]` counts the characters starting before it.
        for chunk in text.as_bytes().chunks(BLOCK) {
            blocks.push(u);
            u += units(chunk);
        }
        Utf16Map {
            text,
            blocks,
            len: u,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the end of the text). An offset
    /// inside a character maps to the start of that character.
    pub fn at(&self, byte: usize) -> u32 {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = byte / BLOCK;
        match self.blocks.get(k) {
            Some(&base) => base + units(&self.text.as_bytes()[k * BLOCK..byte]),
            None => self.len,
        }
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len(&self) -> u32 {
        self.len
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
            // inside a character: its start
            ("é!", 1, 0),
            ("a😀x", 3, 1),
        ];
        for &(text, byte, want) in cases {
            assert_eq!(Utf16Map::new(text).at(byte), want, "{text:?} at {byte}");
            assert_eq!(
                Utf16Map::new(text).len() as usize,
                text.encode_utf16().count()
            );
        }
        // Against a per-byte count over text longer than several blocks, mixed widths.
        let text = "aé😀\u{4e2d}\n".repeat(40);
        let map = Utf16Map::new(&text);
        for byte in 0..=text.len() + 3 {
            let mut b = byte.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            assert_eq!(
                map.at(byte) as usize,
                text[..b].encode_utf16().count(),
                "{byte}"
            );
        }
    }
}
