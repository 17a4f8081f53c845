//! Lower-casing: exactly what std's `char::to_lowercase` and `str::to_lowercase` give, from a
//! table about a tenth of the size of std's.
//!
//! std maps each of its 1,462 non-ASCII upper-case characters through a sorted
//! `[(char, u32)]` table: 11.7 KB raw, 7.8 KB of the `.wasm`'s gzip size, linked in by any call
//! of either function. Most of Unicode's mappings come in runs, a range of letters moved by one
//! offset (A–Z, Greek, Cyrillic) or every other code point moved by one (Latin Extended-A), so
//! [`LOWER_RUNS`](crate::tables::case::LOWER_RUNS) holds 185 runs, one `u32` each, and a
//! binary search finds a character's run.
//!
//! `str::to_lowercase` also maps a capital sigma at the end of a word to `ς` (Unicode's
//! Final_Sigma condition): "ΟΔΟΣ" → "οδος" but "ΣΑ" → "σα". Which characters a word's end looks
//! through is Unicode's Case_Ignorable property, which std does not expose: the generator reads it
//! off `str::to_lowercase`'s own answers.
//!
//! The table `src/tables/case.rs` is generated from the running std by the ignored test
//! `case::tests::regenerate` (`cargo test --lib case::tests::regenerate -- --ignored`); the
//! ordinary tests check that the file is what the generator writes and that [`lower`] and
//! [`lowercase`] agree with std for every character, alone and around a sigma. When a new Rust
//! brings a new Unicode version those tests fail until the table is regenerated.
//!
//! The library calls these instead of std's (clippy.toml disallows std's lower-casing there).

use crate::tables::case::{IGNORABLE, IGNORABLE_INDEX, LOWER_DELTAS, LOWER_RUNS};

/// The lower case of `c`, as `char::to_lowercase` gives it: one character, or two for `İ`
/// (U+0130, "i" and a combining dot above).
pub fn lower(c: char) -> Lower {
    if c.is_ascii() {
        return Lower::one(c.to_ascii_lowercase());
    }
    if c == '\u{130}' {
        return Lower { chars: ['i', '\u{307}'], next: 0, len: 2 };
    }
    Lower::one(map(c))
}

/// The lower case of `s`, as `str::to_lowercase` gives it (Final_Sigma included).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    // Each ASCII run copied and lower-cased at once, each other character looked up (a line of
    // mostly ASCII text with a no-break space pushed every character alone: issue 12).
    while let Some(rest) = s.get(at..).filter(|r| !r.is_empty()) {
        let run = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let from = out.len();
        out.push_str(rest.get(..run).unwrap_or(""));
        if let Some(copied) = out.get_mut(from..) {
            copied.make_ascii_lowercase();
        }
        at += run;
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else { break };
        if c == 'Σ' {
            out.push(sigma(s, at));
        } else {
            out.extend(lower(c));
        }
        at += c.len_utf8();
    }
    out
}

/// The characters of one character's lower case ([`lower`]).
#[derive(Clone, Debug)]
pub struct Lower {
    chars: [char; 2],
    next: u8,
    len: u8,
}

impl Lower {
    fn one(c: char) -> Self {
        Self { chars: [c, c], next: 0, len: 1 }
    }
}

impl Iterator for Lower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.next >= self.len {
            return None;
        }
        self.next += 1;
        self.chars.get(usize::from(self.next - 1)).copied()
    }
}

/// A non-ASCII character's single-character lower case (itself when it has none).
fn map(c: char) -> char {
    let cp = u32::from(c);
    // The last run starting at or before c (runs are sorted by their start, the top bits).
    let Some(run) = LOWER_RUNS.partition_point(|&run| run >> 15 <= cp).checked_sub(1).and_then(|i| LOWER_RUNS.get(i))
    else {
        return c;
    };
    let offset = cp - (run >> 15);
    let stride = 1 + ((run >> 7) & 1);
    let count = (run >> 8) & 0x7F;
    if offset % stride != 0 || offset / stride >= count {
        return c;
    }
    LOWER_DELTAS
        .get((run & 0x7F) as usize)
        .and_then(|&delta| char::from_u32(cp.wrapping_add_signed(delta)))
        .unwrap_or(c)
}

/// The lower case of the capital sigma at byte `i` of `s`: `ς` at the end of a word (a cased
/// letter before it and none after it, looking through case-ignorable characters), else `σ`.
fn sigma(s: &str, i: usize) -> char {
    let before = s.get(..i).unwrap_or("").chars().rev();
    let after = s.get(i + 'Σ'.len_utf8()..).unwrap_or("").chars();
    if ignorable_then_cased(before) && !ignorable_then_cased(after) {
        'ς'
    } else {
        'σ'
    }
}

/// Whether the first character that is not case-ignorable is cased.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !ignorable(c)).is_some_and(cased)
}

/// Unicode's Cased property for a character that is not case-ignorable: lower or upper case
/// (both include the Other_ properties), or a title-case letter ("ǅ"), which has a lower case.
fn cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || (!c.is_ascii() && map(c) != c)
}

/// Unicode's Case_Ignorable property.
///
/// [`IGNORABLE`] lists the property's ranges as LEB128 numbers, each range as the gap since the
/// previous range's end and its length; [`IGNORABLE_INDEX`] holds, for every 16th range, the code
/// point where the gap before it starts (high 21 bits) and the byte where it starts (low 11 bits),
/// so a lookup decodes at most 16 ranges.
fn ignorable(c: char) -> bool {
    let cp = u32::from(c);
    let Some(&entry) =
        IGNORABLE_INDEX.partition_point(|&e| e >> 11 <= cp).checked_sub(1).and_then(|i| IGNORABLE_INDEX.get(i))
    else {
        return false;
    };
    let (mut end, mut at) = (entry >> 11, (entry & 0x7FF) as usize);
    loop {
        let Some((gap, next)) = leb128(at) else { return false };
        let Some((len, next)) = leb128(next) else { return false };
        let start = end + gap;
        if cp < start {
            return false;
        }
        end = start + len;
        if cp < end {
            return true;
        }
        at = next;
    }
}

/// The LEB128 number at byte `at` of [`IGNORABLE`] and the byte after it.
fn leb128(mut at: usize) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut shift = 0;
    loop {
        let byte = *IGNORABLE.get(at)?;
        at += 1;
        value |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some((value, at));
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    /// Every Unicode scalar value.
    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// Case_Ignorable as std's `str::to_lowercase` reveals it. With `x` before a sigma at the
    /// start ("xΣ"), the sigma is final only when `x` is cased and not ignorable; inside
    /// "aΣxb" it is final only when `x` is neither (an ignorable `x` is looked through to the
    /// cased "b"). So `x` is ignorable when neither string gives `ς`.
    fn std_ignorable(x: char, buf: &mut String) -> (bool, bool) {
        buf.clear();
        write!(buf, "{x}Σ").unwrap();
        let cased_not_ignorable = buf.to_lowercase().ends_with('ς');
        buf.clear();
        write!(buf, "aΣ{x}b").unwrap();
        let neither = buf.to_lowercase().contains('ς');
        (!cased_not_ignorable && !neither, cased_not_ignorable)
    }

    /// The generated table's text, from the running std.
    fn generate() -> String {
        // Single-character mappings; İ is the only longer one, handled in `lower`.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for c in all_chars().filter(|c| !c.is_ascii()) {
            let l: Vec<char> = c.to_lowercase().collect();
            match l[..] {
                [one] if one != c => pairs.push((c.into(), one.into())),
                [_] => {}
                _ => assert_eq!((c, &l[..]), ('\u{130}', &['i', '\u{307}'][..]), "a new multi-character mapping"),
            }
        }
        // Greedy runs: the longest of stride 1 or 2 from each unmapped start.
        let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new(); // start, count, stride, delta
        let mut i = 0;
        while i < pairs.len() {
            let (start, to) = pairs[i];
            let delta = to as i32 - start as i32;
            let mut best = (1, 1);
            for stride in [1, 2] {
                let n = pairs[i..]
                    .iter()
                    .enumerate()
                    .take_while(|&(k, &(s, t))| s == start + stride * k as u32 && t as i32 - s as i32 == delta)
                    .count() as u32;
                if n > best.0 {
                    best = (n, stride);
                }
            }
            runs.push((start, best.0, best.1, delta));
            i += best.0 as usize;
        }
        let mut deltas: Vec<i32> = runs.iter().map(|r| r.3).collect();
        deltas.sort_unstable();
        deltas.dedup();
        let packed: Vec<u32> = runs
            .iter()
            .map(|&(start, count, stride, delta)| {
                let d = deltas.binary_search(&delta).unwrap() as u32;
                assert!(start < 1 << 17 && count < 1 << 7 && d < 1 << 7, "a run does not fit its u32");
                start << 15 | count << 8 | (stride - 1) << 7 | d
            })
            .collect();

        // Case_Ignorable ranges, LEB128 (gap, length) pairs, an index entry every 16 ranges.
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut buf = String::new();
        for c in all_chars() {
            if std_ignorable(c, &mut buf).0 {
                let cp = u32::from(c);
                match ranges.last_mut() {
                    Some(r) if r.1 == cp => r.1 = cp + 1,
                    _ => ranges.push((cp, cp + 1)),
                }
            }
        }
        let (mut bytes, mut index, mut end) = (Vec::new(), Vec::new(), 0);
        for (k, &(start, stop)) in ranges.iter().enumerate() {
            if k % 16 == 0 {
                assert!(bytes.len() < 1 << 11, "the index's byte offsets need more bits");
                index.push(end << 11 | bytes.len() as u32);
            }
            for mut v in [start - end, stop - start] {
                while v >= 0x80 {
                    bytes.push(0x80 | (v & 0x7F) as u8);
                    v >>= 7;
                }
                bytes.push(v as u8);
            }
            end = stop;
        }

        let (major, minor, update) = char::UNICODE_VERSION;
        let mut out = String::new();
        writeln!(
            out,
            "// @generated by `cargo test --lib case::tests::regenerate -- --ignored` (src/case.rs) from the"
        )
        .unwrap();
        writeln!(out, "// running Rust std's char::to_lowercase and str::to_lowercase, Unicode {major}.{minor}.{update}. Do not edit.").unwrap();
        writeln!(
            out,
            "//! Lower-case mappings and Case_Ignorable (see src/case.rs for the formats). Source: the Unicode"
        )
        .unwrap();
        writeln!(out, "//! Character Database as Rust's core library ships it (Rust: MIT OR Apache-2.0; data: Unicode")
            .unwrap();
        writeln!(out, "//! License v3).").unwrap();
        let mut array = |name: &str, ty: &str, doc: &str, items: Vec<String>| {
            writeln!(out, "\n/// {doc}\npub static {name}: [{ty}; {}] = [", items.len()).unwrap();
            for line in items.chunks(12) {
                writeln!(out, "    {},", line.join(", ")).unwrap();
            }
            writeln!(out, "];").unwrap();
        };
        array(
            "LOWER_RUNS",
            "u32",
            "Runs of mapped characters: start << 15 | count << 8 | (stride - 1) << 7 | delta index.",
            packed.iter().map(|v| format!("0x{v:08X}")).collect(),
        );
        array("LOWER_DELTAS", "i32", "What a run adds to its characters.", deltas.iter().map(i32::to_string).collect());
        array(
            "IGNORABLE",
            "u8",
            "Case_Ignorable ranges: LEB128 gap since the previous range's end, then length.",
            bytes.iter().map(|b| format!("0x{b:02X}")).collect(),
        );
        array(
            "IGNORABLE_INDEX",
            "u32",
            "Every 16th range of IGNORABLE: the code point its gap starts at << 11 | its byte offset.",
            index.iter().map(|v| format!("0x{v:08X}")).collect(),
        );
        out
    }

    #[test]
    #[ignore = "writes src/tables/case.rs"]
    fn regenerate() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/tables/case.rs");
        std::fs::write(path, generate()).unwrap();
    }

    #[test]
    fn table_is_what_the_generator_writes() {
        assert!(
            generate() == include_str!("tables/case.rs"),
            "src/tables/case.rs is stale (a new Unicode in std?): \
             cargo test --lib case::tests::regenerate -- --ignored"
        );
    }

    #[test]
    fn lower_is_std_for_every_char() {
        for c in all_chars() {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?} U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn sigma_contexts_are_std_for_every_char() {
        // Each character before and after a sigma, next to a cased letter or not: together
        // these fix whether it is case-ignorable and, if not, whether it is cased, which is all
        // that `sigma` asks of a character.
        let mut buf = String::new();
        for c in all_chars() {
            let (std_ign, std_cased) = std_ignorable(c, &mut buf);
            assert_eq!(ignorable(c), std_ign, "Case_Ignorable of {c:?} U+{:04X}", u32::from(c));
            if !std_ign {
                assert_eq!(cased(c), std_cased, "Cased of {c:?} U+{:04X}", u32::from(c));
            }
            for s in [format!("{c}Σ"), format!("aΣ{c}"), format!("aΣ{c}b"), format!("Σ{c}Σ"), format!("Ω{c}Σ.")]
            {
                assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    #[test]
    fn lowercase_is_std() {
        let cases = [
            "",
            "Plain ASCII, Title Case",
            "ΟΔΟΣ ΣΑ Σ ΑΣ. ὈΔΥΣΣΕΎΣ",
            "ΑΣ'Σ ΑΣ\u{301} ΑΣ\u{301}Β",
            "İSTANBUL DİYARBAKIR",
            "ǅEMAL ǈUBLJANA",
            "ЖУРНАЛИСТ Ѣ Ѹ ԀԂ",
            "ΣΑΣ\u{345}",
            "ꓐ 𐐀𐐁 𞤀 Ⓐ Ⅻ ẞ ſ K Å Ω",
            "Mixed ÀÉÎÕÜ ÇÑ ĲĿŊ ǄǇǊ ƁƊƓ",
        ];
        for s in cases {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
            assert_eq!(
                s.chars().flat_map(lower).collect::<String>(),
                s.chars().flat_map(char::to_lowercase).collect::<String>()
            );
        }
    }

    #[test]
    fn random_strings_are_std() {
        // Sigmas among cased, uncased and case-ignorable characters (apostrophes, combining
        // marks, a lower-case combining mark, modifier letters, soft hyphen), in random order.
        let alphabet: Vec<char> = "ΣΣΣσαΑ aZ.'’\u{301}\u{345}ʰ\u{AD}ǅİ1-ДжἈᾈ中\u{200D}:·".chars().collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut s = String::new();
        for _ in 0..20_000 {
            s.clear();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for k in 0..(state % 9) {
                let pick = (state >> (8 + 5 * k)) as usize % alphabet.len();
                s.push(alphabet[pick]);
            }
            assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn lower_of_nul_and_dotted_capital_i() {
        assert_eq!(lower('\0').collect::<Vec<_>>(), ['\0']);
        assert_eq!(lower('İ').collect::<Vec<_>>(), ['i', '\u{307}']);
        assert_eq!(lower('Σ').collect::<Vec<_>>(), ['σ']);
    }
}
