//! A small, fast hasher for maps with short keys (words, term ids, sentence fingerprints).
//!
//! The standard `HashMap` hashes with SipHash-1-3, built to resist chosen collisions from a
//! random key; on short keys it costs several times what the lookup itself does (about 6% of a
//! news article's time in the native profile, `make bench`). [`FxHasher`] is the
//! multiply hash of rustc and Firefox, eight bytes per step, with a final mix so that the low
//! bits the table indexes with depend on every input bit.
//!
//! It is deterministic, so a page written to collide could slow a map down. That costs nothing
//! new in the product: on `wasm32-unknown-unknown` std has no randomness and SipHash runs with
//! fixed keys, equally predictable; the input cap bounds the worst case either way.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` with [`FxHasher`]: `FxMap::default()` makes one.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`]: `FxSet::default()` makes one.
pub type FxSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// FxHash over 64-bit words (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The length is folded in so that "a\0" and "a" differ.
            let mut word = [0u8; 8];
            for (slot, &b) in word.iter_mut().zip(rest) {
                *slot = b;
            }
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // A product's high bits mix every input bit, its low bits only the low ones; hashbrown
        // indexes with the low bits, so fold the high half down, twice (as MurmurHash3 does).
        let h = self.hash ^ (self.hash >> 32);
        let h = h.wrapping_mul(K);
        h ^ (h >> 32)
    }
}

/// Marsaglia's xorshift32: the next number of a cheap, deterministic pseudo-random sequence
/// (`state` must not start at 0). For pivots and generated test inputs, not for hashing.
pub(crate) fn xorshift32(state: &mut u32) -> u32 {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    *state
}

/// A set of bits that answers "surely not" for most values a table does not hold, before a probe
/// of the table itself: a small array stays in the cache where a large table's probes miss
/// ([`crate::words`]' lists, the tagger's kept features). The caller mixes its values; the low
/// bits of what it passes choose the bit.
pub(crate) struct Seen(Vec<u64>);

impl Seen {
    /// An empty set of `words` × 64 bits (`words` a power of two).
    pub fn new(words: usize) -> Seen {
        Seen(vec![0; words.next_power_of_two()])
    }

    fn bit(&self, x: usize) -> (usize, u64) {
        let b = x & (64 * self.0.len() - 1);
        (b >> 6, 1 << (b & 63))
    }

    pub fn insert(&mut self, x: usize) {
        let (word, bit) = self.bit(x);
        if let Some(w) = self.0.get_mut(word) {
            *w |= bit;
        }
    }

    /// False: `x` was never inserted. True: it may have been.
    #[inline]
    pub fn may_hold(&self, x: usize) -> bool {
        let (word, bit) = self.bit(x);
        self.0.get(word).is_some_and(|w| w & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    fn hash<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_equal_and_near_keys_differ() {
        let cases: &[(&str, &str)] = &[
            ("a", "b"),
            ("a", "a\0"),
            ("ab", "ba"),
            ("", "\0"),
            ("abcdefgh", "abcdefgi"),
            ("abcdefghi", "abcdefgh"),
            ("北京", "東京"),
        ];
        for &(x, y) in cases {
            assert_eq!(hash(x), hash(&x.to_owned()), "{x:?}");
            assert_ne!(hash(x), hash(y), "{x:?} vs {y:?}");
        }
        assert_ne!(hash(&1u64), hash(&2u64));
        assert_ne!(hash(&(1usize, 2usize)), hash(&(2usize, 1usize)));
    }

    #[test]
    fn maps_and_sets_work_with_it() {
        let mut map: FxMap<String, usize> = FxMap::default();
        let words = ["the", "storm", "closed", "schools", "the", "storm"];
        for w in words {
            let n = map.len();
            map.entry(w.to_owned()).or_insert(n);
        }
        assert_eq!(map.len(), 4);
        assert_eq!(map.get("schools"), Some(&3));
        let set: FxSet<u64> = (0..1000u64).map(|i| i * 4096).collect();
        assert_eq!(set.len(), 1000);
        assert!(set.contains(&4096) && !set.contains(&1));
    }

    #[test]
    fn low_bits_spread() {
        // A small table indexes with the low bits: dense ids, ids with zero low bits and
        // strings that differ in one byte must spread over them.
        for (name, keys) in [
            ("dense", (0..256u64).map(|i| hash(&i)).collect::<Vec<_>>()),
            ("shifted", (0..256u64).map(|i| hash(&(i << 20))).collect()),
            ("words", (0..256u32).map(|i| hash(&format!("word{i}"))).collect()),
        ] {
            let low: FxSet<u64> = keys.iter().map(|h| h & 0xff).collect();
            assert!(low.len() > 128, "{name}: {} distinct low bytes of 256", low.len());
        }
    }
}
