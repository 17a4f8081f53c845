//! Word lists compiled into the `.wasm` as one string each (`words!["a", "b"]` is the list
//! "a b "), looked up by binary search. A `&[&str]` would spend an 8-byte (pointer, length)
//! entry per word, more than most words take.

/// A sorted word list: its words in byte order, each followed by a space. Written with
/// `words![...]`; every list's test calls [`Words::check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words(pub(crate) &'static str);

impl Words {
    /// Whether `word` is one of the list's words: a binary search over the string. Each step
    /// compares the list's word in place, byte by byte (the words are short: a call to `memcmp`
    /// cost more than the comparison), and looks for its end only when the search goes past it.
    pub(crate) fn contains(self, word: &str) -> bool {
        use std::cmp::Ordering;
        let bytes = self.0.as_bytes();
        let word = word.as_bytes();
        // The words that start in `lo..hi` are left; `lo` and `hi` are word starts.
        let (mut lo, mut hi) = (0, bytes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes.get(lo..mid).and_then(|b| b.iter().rposition(|&c| c == b' ')).map_or(lo, |p| lo + p + 1);
            let entry = bytes.get(start..hi).unwrap_or(&[]);
            // The list's word ends at its space (or at `hi`): it orders as a byte string.
            let mut k = 0;
            let order = loop {
                match (entry.get(k).filter(|&&c| c != b' '), word.get(k)) {
                    (None, None) => break Ordering::Equal,
                    (None, Some(_)) => break Ordering::Less,
                    (Some(_), None) => break Ordering::Greater,
                    (Some(a), Some(b)) if a != b => break a.cmp(b),
                    _ => k += 1,
                }
            };
            match order {
                Ordering::Equal => return true,
                Ordering::Less => {
                    let end =
                        entry.get(k..).and_then(|b| b.iter().position(|&c| c == b' ')).map_or(hi, |p| start + k + p);
                    lo = end + 1;
                }
                Ordering::Greater => hi = start,
            }
        }
        false
    }

    /// The words, in order.
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

#[cfg(test)]
mod tests {

    #[test]
    fn lists_find_their_words_and_nothing_else() {
        words!["a", "bb", "c", "dd", "été"].check();
        words!["only"].check();
        words![].check();
        assert!(!words![].contains("a"));
        assert!(words!["a", "b"].iter().eq(["a", "b"]));
    }
}
