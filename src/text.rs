//! Byte spans into the input text and their conversion to UTF-16 offsets.
//!
//! Every stage passes [`Span`]s (byte ranges into the original text) instead of copies, so
//! `span.of(text)` always gives back exactly what the reader saw. Offsets are turned into UTF-16
//! code units only at the JavaScript boundary ([`Utf16Map`]), because DOM ranges and
//! `String.prototype.slice` count UTF-16 units.

use serde::Serialize;

/// A half-open byte range `start..end` into a text; both ends lie on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text under the span, or `""` when the span does not fit `text` (never panics).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.of(text);
        let rest = s.trim_start();
        let lead = s.len() - rest.len();
        Span::new(self.start + lead, self.start + lead + rest.trim_end().len())
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into UTF-16 offsets in O(1) amortised per lookup,
/// with a checkpoint every [`Utf16Map::STEP`] bytes (memory: 1/16 of the text).
pub struct Utf16Map<'a> {
    text: &'a str,
    /// `checkpoints[i]` = (the first char boundary at or after i*STEP, UTF-16 offset of it).
    checkpoints: Vec<(usize, usize)>,
    /// The last offset asked and its answer: offsets asked in ascending order (a report's
    /// sentences, each start and end) count on from there instead of from their checkpoint, so
    /// a text of many short sentences costs the bytes between them, not up to STEP bytes per
    /// offset (issue 12: 1.2 million sentences of 8 bytes).
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Utf16Map<'a> {
    const STEP: usize = 256;

    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            // Every byte is one unit: no checkpoints (see `utf16`).
            return Utf16Map { text, checkpoints: Vec::new(), last: Default::default() };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut units = 0;
        let mut next = 0;
        // Byte by byte: a char starts at every byte that is no continuation byte.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if !is_continuation(b) {
                while i >= next {
                    checkpoints.push((i, units));
                    next += Self::STEP;
                }
                units += utf16_len(b);
            }
        }
        while next <= text.len() {
            checkpoints.push((text.len(), units));
            next += Self::STEP;
        }
        Utf16Map { text, checkpoints, last: Default::default() }
    }

    /// UTF-16 offset of byte offset `byte` (clamped to the text; rounded down to a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            // An ASCII text (a text of any other kind has a checkpoint at 0): bytes are units.
            return byte;
        }
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        // `byte` is a char boundary at or after its bucket's start, so the bucket's checkpoint
        // (its first boundary) is at or before it.
        let (mut at, mut units) = self.checkpoints.get(byte / Self::STEP).copied().unwrap_or((0, 0));
        // The last answer when it lies between the checkpoint and `byte` (a char boundary too).
        let (last, last_units) = self.last.get();
        if at <= last && last <= byte {
            (at, units) = (last, last_units);
        }
        // Counted in the bytes (no decoding): one unit per char, two for a four-byte one.
        let bytes = self.text.as_bytes().get(at..byte).unwrap_or(&[]);
        let units = units + bytes.iter().filter(|&&b| !is_continuation(b)).map(|&b| utf16_len(b)).sum::<usize>();
        self.last.set((byte, units));
        units
    }

    /// Total length of the text in UTF-16 units.
    pub fn len(&self) -> usize {
        self.utf16(self.text.len())
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The words of `s` between whitespace: what `s.split_whitespace()` gives, found in the bytes.
/// Only a non-ASCII byte decodes its char (to ask whether it is Unicode white space); std's
/// iterator decodes and classifies every char through calls the `.wasm` does not inline.
pub fn split_whitespace(s: &str) -> SplitWhitespace<'_> {
    SplitWhitespace { s, at: 0 }
}

/// The iterator of [`split_whitespace`]. Its loops test each byte in place: a helper called per
/// byte would stay a call in the `.wasm` (opt-level "z" inlines next to nothing).
pub struct SplitWhitespace<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for SplitWhitespace<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        // Skip white space.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !matches!(b, b'\t'..=b'\r' | b' ') {
                    break;
                }
                i += 1;
            } else {
                match unicode_space(self.s, i) {
                    0 => break,
                    n => i += n,
                }
            }
        }
        let start = i;
        // The word, to the next white space.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if matches!(b, b'\t'..=b'\r' | b' ') {
                    break;
                }
            } else if b >= 0xC0 && unicode_space(self.s, i) > 0 {
                break;
            }
            i += 1;
        }
        self.at = i;
        (i > start).then(|| self.s.get(start..i)).flatten()
    }
}

/// The byte length of the char at byte `at` of `s` when it is Unicode white space, else 0.
fn unicode_space(s: &str, at: usize) -> usize {
    s.get(at..).and_then(|r| r.chars().next()).filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
}

/// Whether `s` holds a letter or digit (`s.chars().any(char::is_alphanumeric)`), found in the
/// bytes first: an ASCII letter or digit answers without decoding a char.
pub fn has_alphanumeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric()) || (!s.is_ascii() && s.chars().any(crate::chars::is_alphanumeric))
}

/// A UTF-8 continuation byte (the second to fourth byte of a char).
const fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The UTF-16 units of the char that starts with byte `b`: two for a four-byte char, else one.
const fn utf16_len(b: u8) -> usize {
    if b >= 0xF0 {
        2
    } else {
        1
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a `char` boundary: a window
/// for cues near the start of a line that never comes back empty because a multibyte character
/// straddles byte `max`.
pub fn head(s: &str, max: usize) -> &str {
    let mut cut = s.len().min(max);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.get(..cut).unwrap_or("")
}

/// The shortest suffix of `s` of at most `max` bytes that starts on a `char` boundary.
pub fn tail(s: &str, max: usize) -> &str {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s.get(from..).unwrap_or("")
}

/// True for characters that end a sentence in any script we know.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '।'
            | '॥'
            | '؟'
            | '۔'
            | '።'
            | '፧'
            | '჻'
            | '။'
            | '។'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '．'
    )
}

/// True for closing quotes and brackets that may follow sentence-final punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_tail_stop_at_char_boundaries() {
        // (text, max bytes, head, tail): "é" is 2 bytes, "😀" 4.
        let cases = [
            ("abc", 2, "ab", "bc"),
            ("abc", 10, "abc", "abc"),
            ("", 3, "", ""),
            ("aé", 2, "a", "é"),
            ("éa", 2, "é", "a"),
            ("a😀b", 3, "a", "b"),
            ("a😀b", 5, "a😀", "😀b"),
            ("😀", 0, "", ""),
        ];
        for (text, max, head_want, tail_want) in cases {
            assert_eq!(head(text, max), head_want, "head({text:?}, {max})");
            assert_eq!(tail(text, max), tail_want, "tail({text:?}, {max})");
        }
    }

    #[test]
    fn utf16_offsets_match_a_naive_count() {
        let texts = ["", "plain ascii", "é — “quoted” 😀 and more 😀😀 text", &"ab😀ç".repeat(300), &"x".repeat(1000)];
        for text in texts {
            let map = Utf16Map::new(text);
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let naive = text[..i].encode_utf16().count();
                assert_eq!(map.utf16(i), naive, "byte {i} of {text:?}");
            }
            assert_eq!(map.len(), text.encode_utf16().count());
            // Every byte (inside a char: rounded down), descending and then in a scrambled order,
            // so the last answer is sometimes after, sometimes before, the offset asked.
            let naive = |mut b: usize| {
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                text[..b].encode_utf16().count()
            };
            let map = Utf16Map::new(text);
            let n = text.len() + 1;
            for b in (0..n).rev().chain((0..n).map(|k| k * 7919 % n)) {
                assert_eq!(map.utf16(b), naive(b.min(text.len())), "byte {b} of {text:?}");
            }
        }
    }

    #[test]
    fn split_whitespace_is_std_s() {
        for s in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "\u{b}x\u{c}y\rz",
            "é\u{a0}ü\u{3000}中文 \u{2028}x\u{85}y",
            "a\u{1c}b",
            "  \u{2003}",
            "ends with é",
            "x\u{200b}y",
        ] {
            assert_eq!(split_whitespace(s).collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn has_alphanumeric_is_std_s() {
        for s in ["", "...", "a", "é", "—", "٣", "中", "!!1", "—é"] {
            assert_eq!(has_alphanumeric(s), s.chars().any(char::is_alphanumeric), "{s:?}");
        }
    }

    #[test]
    fn utf16_rounds_down_inside_a_char_and_clamps() {
        let text = "a😀b";
        let map = Utf16Map::new(text);
        assert_eq!(map.utf16(2), 1);
        assert_eq!(map.utf16(99), 4);
    }

    #[test]
    fn span_of_out_of_range_is_empty() {
        assert_eq!(Span::new(3, 99).of("abc"), "");
        assert_eq!(Span::new(1, 2).of("é"), "");
        assert_eq!(Span::new(0, 3).trim(" ab"), Span::new(1, 3));
    }
}
