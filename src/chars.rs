//! Letter and digit tests, remembered: `chars::is_alphabetic(c) == char::is_alphabetic(c)` (and
//! the same for `is_numeric` and `is_alphanumeric`) for every `char`, answered from a bit per
//! character once a character's block of 64 has been asked about.
//!
//! Why: std answers `is_alphabetic` outside ASCII by a search through run-length tables whose
//! runs are long in some scripts: about 750 ns per Thai character and 170 ns per Arabic one
//! natively, more in WebAssembly. lede asks it of every character several times (segmenting,
//! finding the body, ranking, entities), so 1 MB of Thai spent half its time there. Here a
//! block's 64 answers are worked out by std the first time any of its characters is asked about
//! (at most 1,024 blocks: the Basic Multilingual Plane; rarer planes go to std every time) and
//! kept in static bit sets for the rest of the process, so each later question costs a load and a
//! shift. The bit sets are zero-initialised statics (no bytes in the `.wasm`), atomics so that
//! tests running on several threads may fill them at once: a block is filled by whoever asks
//! first, every thread computes the same bits, and its ready bit is set only after them.

use core::sync::atomic::{AtomicU64, Ordering};

/// Characters in a block (one `u64` of bits).
const BLOCK: u32 = 64;
/// Blocks remembered: the Basic Multilingual Plane.
const BLOCKS: usize = 0x10000 / BLOCK as usize;

static ALPHABETIC: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
static NUMERIC: [AtomicU64; BLOCKS] = [const { AtomicU64::new(0) }; BLOCKS];
/// Bit `b % 64` of word `b / 64`: block `b` has been filled.
static READY: [AtomicU64; BLOCKS / 64] = [const { AtomicU64::new(0) }; BLOCKS / 64];

/// `char::is_alphabetic`, remembered.
#[inline]
#[allow(clippy::disallowed_methods)]
pub fn is_alphabetic(c: char) -> bool {
    remembered(c, char::is_ascii_alphabetic, &ALPHABETIC, char::is_alphabetic)
}

/// `char::is_numeric`, remembered.
#[inline]
#[allow(clippy::disallowed_methods)]
pub fn is_numeric(c: char) -> bool {
    remembered(c, char::is_ascii_digit, &NUMERIC, char::is_numeric)
}

/// `ascii(c)` for ASCII, else the answer remembered in `set` (`std(c)` beyond the BMP).
#[inline(always)]
fn remembered(c: char, ascii: fn(&char) -> bool, set: &[AtomicU64; BLOCKS], std: fn(char) -> bool) -> bool {
    if c.is_ascii() {
        return ascii(&c);
    }
    bits(c, set).unwrap_or_else(|| std(c))
}

/// `char::is_alphanumeric`, remembered.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alphabetic(c) || is_numeric(c)
}

/// The remembered answer for `c` from `set`, filling its block first; `None` beyond the BMP.
#[inline]
fn bits(c: char, set: &[AtomicU64; BLOCKS]) -> Option<bool> {
    let u = c as u32;
    let block = usize::try_from(u / BLOCK).ok().filter(|&b| b < BLOCKS)?;
    let (word, bit) = (block / 64, 1u64 << (block % 64));
    if READY.get(word)?.load(Ordering::Acquire) & bit == 0 {
        fill(block, word, bit);
    }
    Some((set.get(block)?.load(Ordering::Relaxed) >> (u % BLOCK)) & 1 == 1)
}

/// Works out block `block`'s answers with std and marks it ready.
#[cold]
#[inline(never)]
#[allow(clippy::disallowed_methods)]
fn fill(block: usize, word: usize, bit: u64) {
    let first = u32::try_from(block).unwrap_or(0) * BLOCK;
    let (mut alphabetic, mut numeric) = (0u64, 0u64);
    for i in 0..BLOCK {
        // Surrogate code points are no `char`: no letter, no digit.
        if let Some(c) = char::from_u32(first + i) {
            alphabetic |= u64::from(c.is_alphabetic()) << i;
            numeric |= u64::from(c.is_numeric()) << i;
        }
    }
    if let (Some(a), Some(n), Some(r)) = (ALPHABETIC.get(block), NUMERIC.get(block), READY.get(word)) {
        a.store(alphabetic, Ordering::Relaxed);
        n.store(numeric, Ordering::Relaxed);
        r.fetch_or(bit, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_std_for_every_char() {
        // Twice: the first pass fills the blocks, the second reads them.
        for _ in 0..2 {
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
                assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            }
        }
    }
}
