#!/usr/bin/env python3
"""Rewrites upstream unicode-segmentation's `src/tables.rs` with smaller word, sentence and
emoji tables, for lede's .wasm (see VENDORED.md).

Upstream stores each table as `&[(char, char, Cat)]` ranges (12 bytes an entry) plus a
1024-entry `u16` index. Here each becomes the start of every interval that covers
U+0000..=U+10FFFF (gaps are the `Any` category) and its category, found by binary search. The
starts are stored as the differences between neighbours (less one, LEB128: 1.1 bytes a start),
decoded into a zeroed static of `u32`s at the table's first lookup (`starts::decoded`). The
callers only use the category (`.2`), never the range bounds.

The script checks, for every code point, that the new intervals give the same category as
the upstream ranges, and refuses to write otherwise.

    python3 compact_tables.py UPSTREAM_TABLES_RS > src/tables.rs
"""
import re
import sys

TABLES = [  # (module, table, lookup, category function, Any category)
    ("word", "word_cat_table", "word_cat_lookup", "word_category", "WC_Any"),
    ("sentence", "sentence_cat_table", "sentence_cat_lookup", "sentence_category", "SC_Any"),
    ("emoji", "emoji_cat_table", "emoji_cat_lookup", "emoji_category", "EC_Any"),
]
CHAR = r"'(\\u\{[0-9a-fA-F]+\}|\\'|\\\\|[^'\\])'"


def char(lit):
    if lit.startswith("\\u{"):
        return int(lit[3:-1], 16)
    return ord({"\\'": "'", "\\\\": "\\"}.get(lit, lit))


def ranges(src, table):
    m = re.search(r"const " + table + r": &\[\(char, char, \w+\)\] = &\[(.*?)\n    \];", src, re.S)
    body = m.group(1)
    out = [(char(a), char(b), c) for a, b, c in re.findall(r"\(\s*" + CHAR + r",\s*" + CHAR + r",\s*(\w+)\s*\)", body)]
    assert len(out) == body.count("("), f"{table}: parsed {len(out)} of {body.count('(')} entries"
    return out


def intervals(rs, any_cat):
    starts, cats = [], []
    pos = 0
    for lo, hi, cat in rs:
        assert lo >= pos and hi >= lo, "ranges must be sorted and disjoint"
        for start, c in ((pos, any_cat), (lo, cat)):
            if start < lo or c == cat:
                if not cats or cats[-1] != c:
                    starts.append(start)
                    cats.append(c)
        pos = hi + 1
    if pos <= 0x10FFFF and cats[-1] != any_cat:
        starts.append(pos)
        cats.append(any_cat)
    return starts, cats


def check(rs, any_cat, starts, cats):
    want = [any_cat] * 0x110000
    for lo, hi, cat in rs:
        want[lo:hi + 1] = [cat] * (hi + 1 - lo)
    got = []
    for i, s in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else 0x110000
        got.extend([cats[i]] * (end - s))
    assert starts[0] == 0 and got == want, "intervals disagree with the upstream ranges"


def simulate(rs, any_cat, starts, cats):
    """The generated lookup (the last interval that starts at or before c) on every code point."""
    import bisect
    want = [any_cat] * 0x110000
    for lo, hi, cat in rs:
        want[lo:hi + 1] = [cat] * (hi + 1 - lo)
    for c in range(0x110000):
        assert cats[bisect.bisect_right(starts, c) - 1] == want[c], hex(c)


def deltas(starts):
    """`starts[1:]` as LEB128 differences less one (see `starts::decoded`)."""
    out = []
    for a, b in zip(starts, starts[1:]):
        d = b - a - 1
        while d >= 0x80:
            out.append(d & 0x7F | 0x80)
            d >>= 7
        out.append(d)
    return out


STARTS = """
/// lede: the decoding of the word, sentence and emoji tables' interval starts (compact_tables.py).
pub mod starts {
    use core::sync::atomic::{AtomicU32, Ordering::{Acquire, Release}};

    /// `starts`, decoded from `deltas` first if they are not yet: each start after the first
    /// (U+0000) is the one before it plus one plus its LEB128 difference. A table's last start
    /// is never zero, so a zero there means not decoded; it is stored last, with `Release`, so a
    /// thread that reads it nonzero (`Acquire`) sees every start before it.
    #[inline]
    pub fn decoded<'a>(starts: &'a [AtomicU32], deltas: &[u8]) -> &'a [AtomicU32] {
        if starts.last().map_or(false, |s| s.load(Acquire) == 0) {
            decode(starts, deltas);
        }
        starts
    }

    #[cold]
    fn decode(starts: &[AtomicU32], deltas: &[u8]) {
        let mut bytes = deltas.iter();
        let mut start = 0u32;
        for s in starts.iter().skip(1) {
            let mut delta = 0u32;
            let mut shift = 0;
            while let Some(&b) = bytes.next() {
                delta |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            start += delta + 1;
            s.store(start, Release);
        }
    }

    #[test]
    fn decoded_starts_are_increasing() {
        let starts = [const { AtomicU32::new(0) }; 4];
        decoded(&starts, &[0, 0x81, 0x01, 5]);
        assert_eq!(starts.map(|s| s.load(core::sync::atomic::Ordering::Relaxed)), [0, 1, 131, 137]);
    }
}
"""


def wrap(items, indent="        ", width=100):
    lines, line = [], indent
    for item in items:
        if len(line) + len(item) + 2 > width:
            lines.append(line.rstrip())
            line = indent
        line += item + ", "
    lines.append(line.rstrip())
    return "\n".join(lines)


def rewrite(src, module, table, lookup, func, any_cat):
    rs = ranges(src, table)
    starts, cats = intervals(rs, any_cat)
    check(rs, any_cat, starts, cats)
    simulate(rs, any_cat, starts, cats)
    start = src.index(f"pub mod {module} {{")
    end = src.index("\n}\n", start) + 3
    mod = src[start:end]
    # Keep the module's enum (and `use` lines); replace the search, the lookup and the table.
    head = mod[: mod.index("    fn bsearch_range_value_table")]
    head = head.replace("    use core::result::Result::{Ok, Err};\n\n", "    use core::sync::atomic::{AtomicU32, Ordering::Relaxed};\n\n")
    upper = module.upper()
    cat_type = re.search(r"pub enum (\w+)", head).group(1)
    new = (
        head
        + f"""    /// The category of `c` and the interval of code points that share it (generated by
    /// `compact_tables.py` from upstream's `{table}`; callers use the category only).
    pub fn {func}(c: char) -> (u32, u32, {cat_type}) {{
        let starts = super::starts::decoded(&{upper}_STARTS, {upper}_DELTAS);
        let start = |i: usize| starts.get(i).map_or(0x110000, |s| s.load(Relaxed));
        let c = c as u32;
        // The last interval that starts at or before `c` (the first starts at U+0000). ASCII,
        // most of the text, reads it from a table; other code points search the intervals
        // from the last one that starts in ASCII.
        let i = match {upper}_ASCII_INTERVAL.get(c as usize) {{
            Some(&i) => usize::from(i),
            None => {{
                let (mut i, mut end) = ({upper}_ASCII - 1, {upper}_CATS.len());
                while end - i > 1 {{
                    let mid = i + (end - i) / 2;
                    if start(mid) <= c {{
                        i = mid;
                    }} else {{
                        end = mid;
                    }}
                }}
                i
            }}
        }};
        (start(i), start(i + 1) - 1, {upper}_CATS.get(i).copied().unwrap_or({any_cat}))
    }}

    /// How many intervals start below U+0080.
    const {upper}_ASCII: usize = {sum(1 for x in starts if x < 0x80)};

    /// The interval of each ASCII code point.
    const {upper}_ASCII_INTERVAL: [u8; 128] = [
{wrap(str(max(k for k, x in enumerate(starts) if x <= c)) for c in range(128))}
    ];

    /// The starts of the {len(starts)} intervals that cover U+0000..=U+10FFFF, decoded from
    /// `{upper}_DELTAS` at the first lookup (zero until then).
    static {upper}_STARTS: [AtomicU32; {len(starts)}] = [const {{ AtomicU32::new(0) }}; {len(starts)}];

    /// Each start after the first less the one before it, less one, in LEB128 (7 bits a byte,
    /// low first): smaller than the `u32`s, and gzip (the .wasm's budget) finds their repeats.
    const {upper}_DELTAS: &[u8] = &[
{wrap(str(b) for b in deltas(starts))}
    ];

    /// The category of each interval.
    const {upper}_CATS: &[{cat_type}] = &[
{wrap(cats)}
    ];

    #[test]
    fn {module}_intervals_give_their_categories() {{
        {func}('\\0');
        // The decoded starts are the generator's (their sum and the last one).
        assert_eq!({upper}_STARTS.iter().map(|s| u64::from(s.load(Relaxed))).sum::<u64>(), {sum(starts)});
        assert_eq!({upper}_STARTS.last().map(|s| s.load(Relaxed)), Some({starts[-1]}));
        for (i, &cat) in {upper}_CATS.iter().enumerate() {{
            let lo = {upper}_STARTS[i].load(Relaxed);
            let hi = {upper}_STARTS.get(i + 1).map_or(0x10FFFF, |s| s.load(Relaxed) - 1);
            for c in [lo, hi].iter().filter_map(|&c| char::from_u32(c)) {{
                assert_eq!({func}(c), (lo, hi, cat), "U+{{:04X}}", c as u32);
            }}
        }}
    }}
}}
"""
    )
    assert lookup in mod
    return src[:start] + new + src[end:], len(rs), len(starts)


def main():
    src = open(sys.argv[1]).read()
    for t in TABLES:
        src, n, m = rewrite(src, *t)
        print(f"{t[1]}: {n} ranges -> {m} intervals", file=sys.stderr)
    sys.stdout.write(src + STARTS)


if __name__ == "__main__":
    main()
