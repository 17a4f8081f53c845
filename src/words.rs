//! Word lists compiled into the `.wasm` as one string each (`words!["a", "b"]` is the list
//! "a b "), looked up in a hash index built at each list's first lookup ([`find`], which
//! serves the length-bucketed generated tables too). A `&[&str]` would spend an 8-byte
//! (pointer, length) entry per word, more than most words take.

use crate::hash::Seen;
use std::cell::RefCell;

/// A sorted word list: its words in byte order, each followed by a space. Written with
/// `words![...]`; every list's test calls [`Words::check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words(pub(crate) &'static str);

impl Words {
    /// Whether `word` is one of the list's words: one probe of the list's [`Index`], built at
    /// the list's first lookup, instead of a binary search over the string (the stop-word and
    /// function-word tests, the tagger's word lists). Not inlined: inlined into its hundred
    /// callers it cost 600 bytes of gzip.
    #[inline(never)]
    pub(crate) fn contains(self, word: &str) -> bool {
        // An empty list (a language without articles, starters...) needs no index.
        !self.0.is_empty() && find(self.0, 0, word).is_some()
    }

    /// The words, in order.
    #[cfg(test)]
    pub(crate) fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split_terminator(' ')
    }

    /// Panics unless the list is sorted, without repeats or empty words, and finds every word
    /// and nothing else: what [`Words::contains`] relies on.
    #[cfg(test)]
    pub(crate) fn check(self) {
        let words: Vec<&str> = self.iter().collect();
        assert!(self.0.is_empty() || self.0.ends_with(' '), "{:?}", self.0);
        assert!(words.iter().all(|w| !w.is_empty()), "empty word in {:?}", self.0);
        assert!(words.windows(2).all(|w| matches!(w, [a, b] if a < b)), "not sorted or repeated: {words:?}");
        for w in &words {
            assert!(self.contains(w), "{w}");
            for other in [format!("{w}x"), w.chars().skip(1).collect(), format!(" {w}"), format!("{w} ")] {
                assert_eq!(self.contains(&other), words.contains(&other.as_str()), "{other:?}");
            }
        }
        assert!(!self.contains("") && !self.contains(" ") && !self.contains("zzzzzz"));
    }
}

/// A static list's words in an open-addressing hash table (linear probing, at most a quarter
/// full): per slot, where the word starts in the list's text, plus 1 (0: empty), and the high
/// half of the word's hash, so that a probe of another word's slot is turned away without
/// reading the list's text (most lookups are of words the list does not hold). It holds
/// offsets, not copies: 100 words take 4 KB. Built by [`find`].
struct Index {
    /// The words' length, or 0 when each word is followed by a space.
    width: usize,
    slots: Vec<(u32, u32)>,
    /// A bit per word's hash (its high half, which the slot's index does not use; 16 bits per
    /// word): a word whose bit is clear is not in the list, known without a probe of `slots`.
    /// That is most lookups, and this array, a sixteenth of `slots`, is far likelier to be in
    /// the cache (a gazetteer's or context table's probes were cache misses: most of their time).
    seen: Seen,
}

/// A word's hash for [`Index`]: multiply-and-fold over 8-byte words like [`crate::hash::FxHasher`],
/// with the last 1 to 7 bytes read as at most two overlapping loads instead of byte by byte.
/// (Membership does not depend on it: only how often two words share a slot.)
#[inline]
pub(crate) fn key_hash(key: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (key.len() as u64).wrapping_mul(K);
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    let n = rest.len();
    let tail = match rest {
        [] => 0,
        [a, .., b] if n >= 4 => {
            let (lo, hi) = (rest.get(..4), rest.get(n - 4..));
            let word = |w: Option<&[u8]>| w.and_then(|w| <[u8; 4]>::try_from(w).ok()).map_or(0, u32::from_le_bytes);
            u64::from(word(lo)) | u64::from(word(hi)) << 32 | u64::from(*a ^ *b) << 56
        }
        [a, ..] => {
            let (m, z) = (rest.get(n / 2).copied().unwrap_or(0), rest.get(n - 1).copied().unwrap_or(0));
            u64::from(*a) | u64::from(m) << 8 | u64::from(z) << 16
        }
    };
    h = (h ^ tail).wrapping_mul(K);
    h ^ (h >> 29)
}

impl Index {
    /// The index of the words of `text`: each followed by a space (`width` 0) or all `width`
    /// bytes long, one after the other.
    fn new(text: &[u8], width: usize) -> Index {
        let count = text.len().checked_div(width).unwrap_or_else(|| text.iter().filter(|&&c| c == b' ').count());
        let mut index =
            Index { width, slots: vec![(0, 0); (4 * count).next_power_of_two().max(16)], seen: Seen::new(count / 4) };
        let mut start = 0;
        while start < text.len() {
            let len = match width {
                0 => text.get(start..).and_then(|t| t.iter().position(|&c| c == b' ')).unwrap_or(text.len() - start),
                n => n,
            };
            let key = text.get(start..start + len).unwrap_or(&[]);
            let h = key_hash(key);
            index.seen.insert((h >> 40) as usize);
            let slot = index.slot(text, key, h);
            if let (Some(x @ (0, _)), Ok(s)) = (index.slots.get_mut(slot), u32::try_from(start + 1)) {
                *x = (s, (h >> 32) as u32);
            }
            start += len + usize::from(width == 0);
        }
        index
    }

    /// The slot that holds `key` (whose [`key_hash`] is `h`), or the empty slot where it would go.
    #[inline]
    fn slot(&self, text: &[u8], key: &[u8], h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = h as usize & mask;
        while let Some(&(s, t)) = self.slots.get(i).filter(|&&(s, _)| s != 0) {
            if t == tag {
                let (s, k) = (s as usize - 1, key.len());
                let ends = if self.width == 0 { text.get(s + k) == Some(&b' ') } else { k == self.width };
                if ends && text.get(s..s + k) == Some(key) {
                    break;
                }
            }
            i = (i + 1) & mask;
        }
        i
    }
}

/// Every list's [`Index`] built so far: per list, its text's address and length and its index,
/// found through an open-addressing table of their numbers + 1 (0: empty) at most half full.
struct Indexes {
    lists: Vec<(usize, usize, Index)>,
    slots: Vec<u32>,
}

impl Indexes {
    /// The index of `text`, built and kept at the first call for it.
    fn get(&mut self, text: &[u8], width: usize) -> Option<&Index> {
        let key = (text.as_ptr() as usize, text.len());
        if self.slots.is_empty() {
            self.slots = vec![0; 64];
        }
        let mut i = self.slot(key)?;
        if self.slots.get(i) == Some(&0) {
            self.lists.push((key.0, key.1, Index::new(text, width)));
            if 2 * self.lists.len() > self.slots.len() {
                self.slots = vec![0; 4 * self.slots.len()];
                for (n, &(p, l, _)) in self.lists.iter().enumerate() {
                    let at = self.slot((p, l))?;
                    *self.slots.get_mut(at)? = u32::try_from(n + 1).ok()?;
                }
                i = self.slot(key)?;
            } else {
                *self.slots.get_mut(i)? = u32::try_from(self.lists.len()).ok()?;
            }
        }
        let n = (*self.slots.get(i)? as usize).checked_sub(1)?;
        self.lists.get(n).map(|(_, _, index)| index)
    }

    /// The slot that holds the list `key`, or the empty slot where it would go.
    fn slot(&self, key: (usize, usize)) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = ((key.0 as u64 ^ (key.1 as u64) << 40).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask;
        while let Some(&n) = self.slots.get(i).filter(|&&n| n != 0) {
            if self.lists.get(n as usize - 1).is_some_and(|&(p, l, _)| (p, l) == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        Some(i)
    }
}

/// Where `key` starts in the static `text`, when it is one of its words (each followed by a
/// space, `width` 0, or all `width` bytes long): one probe of the text's [`Index`], built at
/// the first lookup in that text and kept (per thread) for the process.
#[inline(never)]
pub(crate) fn find(text: &'static str, width: usize, key: &str) -> Option<usize> {
    thread_local! {
        static INDEXES: RefCell<Indexes> = const { RefCell::new(Indexes { lists: Vec::new(), slots: Vec::new() }) };
    }
    let (text, key) = (text.as_bytes(), key.as_bytes());
    INDEXES.with(|indexes| {
        let mut indexes = indexes.borrow_mut();
        let index = indexes.get(text, width)?;
        let h = key_hash(key);
        if !index.seen.may_hold((h >> 40) as usize) {
            return None;
        }
        let (s, _) = *index.slots.get(index.slot(text, key, h))?;
        (s as usize).checked_sub(1)
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn lists_find_their_words_and_nothing_else() {
        words!["a", "bb", "c", "dd", "été"].check();
        words!["only"].check();
        // Every length of tail key_hash reads (0 to 7 bytes after 8-byte words).
        words![
            "abcdefgh",
            "abcdefghi",
            "abcdefghijkl",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "xy",
            "xyz",
            "xyzw",
            "xyzwv",
            "xyzwvu",
            "xyzwvut"
        ]
        .check();
        words![].check();
        assert!(!words![].contains("a"));
        assert!(words!["a", "b"].iter().eq(["a", "b"]));
    }
}
