//! Generated data tables (see each file's header for the script that writes it) and their
//! lookups. Tables are plain byte strings so that they cost only their size in the `.wasm`
//! and need no start-up work.

mod idf_en;
mod stopwords;

use crate::words::Words;
// Generated; formatted by its script.
#[rustfmt::skip]
pub mod langid;

/// The character n-gram profile of one language (src/detect.rs reads it).
///
/// `ngrams` holds the language's most frequent 1- to 4-grams of lower-case words padded with
/// `_` ("_the", "he_"), one line per level: the n-grams on line `i` have a log-probability of
/// about `-i / 2` nats; n-grams on a line are separated by single spaces.
#[derive(Debug)]
pub struct Profile {
    /// The language's code (BCP 47 primary subtag).
    pub code: &'static str,
    pub ngrams: &'static str,
}

/// A script: the language it names (`code`) or the profiles of the languages that share it.
#[derive(Debug)]
pub struct ScriptInfo {
    /// The language the script names; "und" when `profiles` decide.
    pub code: &'static str,
    pub profiles: &'static [Profile],
}

/// Background word frequencies of one language, for TF-IDF's inverse document frequency.
///
/// The language's most frequent words, sorted bytewise and front-coded in blocks of
/// [`IdfTable::BLOCK`] words: each word is one byte 0x00..=0x1F, the length of the prefix it
/// shares with the word before it (0 for a block's first word), then the rest of its bytes
/// (never below 0x20). `blocks` holds where each block starts in `words`; `levels` one byte per
/// word, in word order: its level in the low four bits and, in bit 0x10, whether the word is
/// [light](IdfTable::light). A word's Zipf frequency (log10 of its occurrences per billion words)
/// is `floor + (level - 1) / 4`; words not in the table are rarer than `floor`.
#[derive(Debug, PartialEq, Eq)]
pub struct IdfTable {
    /// Zipf frequency of level 1, in hundredths.
    pub floor: u16,
    pub levels: &'static [u8],
    pub blocks: &'static [u16],
    pub words: &'static [u8],
}

impl IdfTable {
    /// Words per front-coded block.
    pub const BLOCK: usize = 32;

    /// The Zipf frequency of a lower-case word, or `None` when it is not in the table.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        let level = self.level(word)? & LEVEL;
        Some(f32::from(self.floor) / 100.0 + f32::from(level.saturating_sub(1)) / 4.0)
    }

    /// True for a frequent word that names no topic on its own: a verb, adjective, adverb or
    /// number word ("met", "difficult", "going", "left", "two"; not "police" nor "nuclear").
    /// Keywords leave such words out; see `scripts/tables/idf.py` for the rule and its source.
    pub fn light(&self, word: &str) -> bool {
        self.level(word).is_some_and(|b| b & LIGHT != 0)
    }

    /// The level byte of a lower-case word (level and light bit), or `None` when it is not in
    /// the table. A binary search over the blocks' first words (stored whole), then a walk
    /// through one block: O(log n + 32) comparisons, no allocation.
    fn level(&self, word: &str) -> Option<u8> {
        let key = word.as_bytes();
        // The last block whose first word is <= key.
        let block = self.blocks.partition_point(|&at| self.entry(at as usize).1 <= key).checked_sub(1)?;
        let mut at = *self.blocks.get(block)? as usize;
        let mut current = [0u8; 64];
        let mut len = 0;
        for i in 0..Self::BLOCK {
            let (shared, rest, next) = self.entry(at);
            let whole = current.get_mut(shared.min(len)..)?.get_mut(..rest.len())?;
            whole.copy_from_slice(rest);
            len = shared.min(len) + rest.len();
            match current.get(..len)?.cmp(key) {
                std::cmp::Ordering::Less if next < self.words.len() => at = next,
                std::cmp::Ordering::Equal => return self.levels.get(block * Self::BLOCK + i).copied(),
                _ => return None,
            }
        }
        None
    }

    /// The entry starting at byte `at` of `words`: (shared prefix length, the rest of the word,
    /// where the next entry starts).
    fn entry(&self, at: usize) -> (usize, &'static [u8], usize) {
        let words: &'static [u8] = self.words;
        let shared = words.get(at).map_or(0, |&b| usize::from(b));
        let rest = words.get(at + 1..).unwrap_or(&[]);
        let len = rest.iter().position(|&b| b < 0x20).unwrap_or(rest.len());
        (shared, rest.get(..len).unwrap_or(&[]), at + 1 + len)
    }

    /// Every word of the table with its level, in order (for tests and the table's checks).
    #[cfg(test)]
    fn entries(&self) -> Vec<(String, u8)> {
        let mut out: Vec<(String, u8)> = Vec::new();
        let mut at = 0;
        while at < self.words.len() {
            let (shared, rest, next) = self.entry(at);
            let prev = out.last().map_or(&[][..], |(w, _)| w.as_bytes());
            let mut word = prev[..shared].to_vec();
            word.extend_from_slice(rest);
            out.push((String::from_utf8(word).unwrap(), self.levels[out.len()]));
            at = next;
        }
        out
    }

    /// The Zipf frequency given to words that are not in the table.
    pub fn rare(&self) -> f32 {
        f32::from(self.floor) / 100.0 - 0.5
    }

    /// The IDF-like weight of a lower-case word: its self-information in Zipf units, so a word
    /// seen once per billion words weighs 9, "the" about 1.3, and a word not in the table
    /// `9 - rare()`. Ranking and keywords both weigh terms with it.
    pub fn weight(&self, word: &str) -> f32 {
        9.0 - self.zipf(word).unwrap_or_else(|| self.rare())
    }
}

/// The level bits of an [`IdfTable`] level byte.
const LEVEL: u8 = 0x0F;
/// The light-word bit of an [`IdfTable`] level byte.
const LIGHT: u8 = 0x10;

/// The background frequency table of a language, when there is one.
pub fn idf(code: &str) -> Option<&'static IdfTable> {
    match code {
        "en" => Some(&idf_en::TABLE),
        _ => None,
    }
}

/// The stop words of a language (empty when stopwords-iso has none for it).
pub(crate) fn stopwords(code: &str) -> Words {
    stopwords::STOPWORDS.iter().find(|(c, _)| *c == code).map_or(Words(""), |(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_word_tables_are_sorted() {
        assert!(stopwords::STOPWORDS.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, list) in stopwords::STOPWORDS {
            assert!(list.iter().count() >= 10, "{code}");
            list.check();
        }
        assert!(stopwords("de").contains("und") && stopwords("xx").0.is_empty());
    }

    #[test]
    fn finds_every_word_and_nothing_else() {
        let t = idf("en").unwrap();
        let entries = t.entries();
        assert_eq!(entries.len(), t.levels.len());
        assert_eq!(t.blocks.len(), entries.len().div_ceil(IdfTable::BLOCK));
        assert!(entries.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()), "sorted, no repeats");
        for (word, level) in &entries {
            let want = f32::from(t.floor) / 100.0 + f32::from((level & LEVEL) - 1) / 4.0;
            assert_eq!(t.zipf(word), Some(want), "{word}");
            // Neighbours that are not in the table: a prefix and an extension of each word.
            let shorter = word.char_indices().last().map_or("", |(i, _)| &word[..i]);
            for near in [format!("{word}q"), shorter.to_owned()] {
                if entries.binary_search_by(|(w, _)| w.as_bytes().cmp(near.as_bytes())).is_err() {
                    assert_eq!(t.zipf(&near), None, "{near}");
                }
            }
        }
        assert!(entries.len() > 1000);
        for absent in ["", "zzzzzz", "aaaaaaaaa", "\u{1}", "é", "the\u{1}"] {
            assert_eq!(t.zipf(absent), None, "{absent:?}");
        }
        assert!(t.zipf("the").unwrap() > 7.0);
        assert!(t.zipf("the").unwrap() > t.zipf("parliament").unwrap());
        assert!(t.rare() < t.zipf("parliament").unwrap());
        // Light words: verbs, adjectives, adverbs and number words, never nouns.
        for (word, light) in [
            ("met", true),
            ("difficult", true),
            ("going", true),
            ("left", true),
            ("two", true),
            ("million", true),
            ("police", false),
            ("government", false),
            ("nuclear", false),
            ("political", false),
            ("ground", false),
            ("meeting", false),
            ("claims", false),
            ("zzzzzz", false),
        ] {
            assert_eq!(t.light(word), light, "{word}");
        }
        // The flag does not change a word's frequency: "met" is as frequent as it was.
        assert!(t.zipf("met").is_some_and(|z| (4.59..6.0).contains(&z)));
    }
}
