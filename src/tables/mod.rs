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
/// `words` holds the language's most frequent words, sorted bytewise, each preceded by one
/// byte 0x01..=0x1F: its level (the low four bits) and, in bit 0x10, whether the word is
/// [light](IdfTable::light). A word's Zipf frequency (log10 of its occurrences per billion
/// words) is `floor + (level - 1) / 4`; words not in the table are rarer than `floor`.
#[derive(Debug, PartialEq, Eq)]
pub struct IdfTable {
    /// Zipf frequency of level 1, in hundredths.
    pub floor: u16,
    pub words: &'static [u8],
}

impl IdfTable {
    /// The Zipf frequency of a lower-case word, or `None` when it is not in the table.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        let level = self.entry(word)? & LEVEL;
        Some(f32::from(self.floor) / 100.0 + f32::from(level.saturating_sub(1)) / 4.0)
    }

    /// True for a frequent word that names no topic on its own: a verb, adjective, adverb or
    /// number word ("met", "difficult", "going", "left", "two"; not "police" nor "nuclear").
    /// Keywords leave such words out; see `scripts/tables/idf.py` for the rule and its source.
    pub fn light(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|b| b & LIGHT != 0)
    }

    /// The separator byte before a lower-case word, or `None` when it is not in the table.
    /// A binary search over the bytes: O(log n) comparisons, no allocation.
    fn entry(&self, word: &str) -> Option<u8> {
        let key = word.as_bytes();
        let bytes = self.words;
        let (mut lo, mut hi) = (0usize, bytes.len());
        // Invariant: `lo` is the start of a record (its level byte) or the end of the table.
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes.get(lo..=mid)?.iter().rposition(|&b| b < 0x20).map(|p| lo + p)?;
            let level = *bytes.get(start)?;
            let rest = bytes.get(start + 1..)?;
            let len = rest.iter().position(|&b| b < 0x20).unwrap_or(rest.len());
            let entry = rest.get(..len)?;
            match entry.cmp(key) {
                std::cmp::Ordering::Equal => return Some(level),
                std::cmp::Ordering::Less => lo = start + 1 + len,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        None
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

/// The level bits of an [`IdfTable`] separator byte.
const LEVEL: u8 = 0x0F;
/// The light-word bit of an [`IdfTable`] separator byte.
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
        let mut count = 0;
        let mut start = 0;
        let bytes = t.words;
        for (i, &b) in bytes.iter().enumerate().skip(1).chain([(bytes.len(), &0u8)]) {
            if b < 0x20 {
                let word = std::str::from_utf8(&bytes[start + 1..i]).unwrap();
                assert!(t.zipf(word).is_some(), "{word} not found");
                count += 1;
                start = i;
            }
        }
        assert!(count > 1000);
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
