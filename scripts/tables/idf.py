#!/usr/bin/env python3
"""Generates src/tables/idf_<lang>.rs: background word rarity for TF-IDF ranking.

Source: the `wordfreq` package (pinned in scripts/tables/requirements.txt; its data merges
Wikipedia, subtitles, news, books, web text and Twitter; CC-BY-SA 4.0 data, MIT code). For the
`--words` most frequent words of a language (letters and inner apostrophes only, lower case) we
keep the Zipf frequency (log10 of occurrences per billion words), quantised to quarter steps.
A word missing from the table is rarer than every word in it.

English words are also marked "light" (a verb, adjective, adverb or number word that says
nothing about a topic on its own: "met", "difficult", "going", "left", "two"), for keywords. The
parts of speech come from `lemminflect` (pinned; MIT; its lexicon is derived from the NIH
SPECIALIST Lexicon), which lists every reading of a word without frequencies, so:
- a word with no noun reading is light ("met", "difficult", "going"), except an adjective that
  classifies ("nuclear", "political", "British": -al, -ic, -ar, -ish, -ese, -ian), which names
  a topic;
- an irregular verb form is light when its noun reading is rare: a verb reading with another
  lemma, not an -s or -ing form, and its "-s" plural at least 1.5 Zipf below the word ("left"
  and "found", not "ground" nor "wound");
- English number words ("two", "million", "first") are light (a closed class, listed below).

Layout, chosen to be small in the .wasm: the words sorted bytewise and front-coded: each word
is one byte 0x00..=0x1F, the length of the prefix it shares with the word before it (0 for the
first word), then the rest of its bytes (all >= 0x27: letters and apostrophes); `levels` one
byte per word, in the same order: level = 1 + round((zipf - floor) * 4), at most 15, plus 0x10
for a light word. The library decodes the words into a hash index at its first lookup
(src/tables/mod.rs). Front coding with the levels apart takes the table from 17.2 KB raw /
8.4 KB gzip (one level byte before each whole word) to 12.6 KB / 6.8 KB (blocks of 32 with their
offsets, which a binary search needed), and no blocks to 6.6 KB.

Usage (a virtualenv with scripts/tables/requirements.txt):
    python scripts/tables/idf.py [--lang en] [--words 2500] > src/tables/idf_en.rs
2,500 words cost about 17 KB raw / 9.4 KB gzip in the .wasm; each extra 1,000 words about
7.5 KB raw / 3.3 KB gzip.
"""

import argparse
import collections
import csv
import gzip
import importlib.util
import os
import re
import sys

from importlib.metadata import version

import wordfreq

# Level bytes per line of the generated file.
ROW = 32

WORD = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)?$")

# English number words, cardinal and ordinal: a closed class lemminflect does not tag.
NUMBERS = set("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion dozen first second third fourth fifth sixth seventh
eighth ninth tenth""".split())
# Adjective endings that classify ("nuclear", "political", "British"): such an adjective names a
# topic, unlike "difficult" or "new".
CLASSIFYING = ("al", "ic", "ar", "ish", "ese", "ian")
# The light-word bit of a level byte.
LIGHT = 0x10


def readings():
    """lemminflect's lexicon: lower-case word -> {part of speech: lemmas}. Read from the package's
    data file (no import: the package itself pulls in numpy for its fallback model)."""
    where = importlib.util.find_spec("lemminflect").submodule_search_locations[0]
    out = collections.defaultdict(lambda: collections.defaultdict(set))
    with gzip.open(os.path.join(where, "resources", "lemma_lu.csv.gz"), "rt", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) == 3:
                out[row[0].lower()][row[1]].update(row[2].lower().split("/"))
    return out


def light(word, lexicon, zipf):
    """True for an English word that is no keyword on its own (see the module doc)."""
    if word in NUMBERS:
        return True
    r = lexicon.get(word)
    if not r:
        return False
    if "noun" not in r and "propn" not in r:
        classifying = set(r) == {"adj"} and word.endswith(CLASSIFYING)
        return not classifying
    verb = r.get("verb", set())
    return (bool(verb) and word not in verb and not word.endswith(("s", "ing"))
            and zipf(word + "s") < zipf(word) - 1.5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en")
    ap.add_argument("--words", type=int, default=2500)
    args = ap.parse_args()

    words = {}
    for w in wordfreq.top_n_list(args.lang, args.words * 2, wordlist="best"):
        w = w.lower()
        if not WORD.match(w) or len(w.encode()) > 40:
            continue
        words[w] = wordfreq.zipf_frequency(w, args.lang, wordlist="best")
        if len(words) >= args.words:
            break
    floor = round(min(words.values()), 2)
    levels = {w: 1 + round((z - floor) * 4) for w, z in words.items()}
    if max(levels.values()) >= LIGHT:
        sys.exit("too many levels for four bits: raise the floor or coarsen the steps")
    marked = set()
    if args.lang == "en":
        lexicon = readings()
        zipf = lambda w: wordfreq.zipf_frequency(w, "en", wordlist="best")
        marked = {w for w in words if light(w, lexicon, zipf)}
        levels = {w: lv | (LIGHT if w in marked else 0) for w, lv in levels.items()}
    ordered = sorted(words, key=str.encode)
    blob = bytearray()
    prev = b""
    for w in ordered:
        w = w.encode()
        shared = 0
        while shared < min(len(prev), len(w), 0x1F) and prev[shared] == w[shared]:
            shared += 1
        blob += bytes([shared]) + w[shared:]
        prev = w

    lang = args.lang
    out = sys.stdout
    out.write(f"// @generated by scripts/tables/idf.py --lang {lang} --words {args.words} (wordfreq {version('wordfreq')}"
              + (f", lemminflect {version('lemminflect')}" if marked else "") + "). Do not edit.\n")
    out.write(f"//! Background word rarity for {lang!r}: {len(words)} words, Zipf floor {floor:.2f}, quarter steps"
              + (f"; {len(marked)} light words (0x10)" if marked else "") + ".\n")
    out.write("//! Sources: wordfreq (data CC-BY-SA 4.0, code MIT)"
              + ("; lemminflect (MIT, from the NIH SPECIALIST Lexicon)" if marked else "") + ".\n\n")
    out.write("use super::IdfTable;\n\n")
    out.write("// Formatted here, by the script.\n#[rustfmt::skip]\n")
    out.write(f"pub static TABLE: IdfTable = IdfTable {{\n    floor: {round(floor * 100)},\n")
    out.write("    levels: b\"\\\n")
    for i in range(0, len(ordered), ROW):
        row = "".join("\\x%02x" % levels[w] for w in ordered[i : i + ROW])
        out.write(f"        {row}\\\n")
    out.write("\",\n    words: b\"\\\n")
    # Byte-string literal, escaped; non-ASCII bytes as \xNN.
    line = []
    for i, c in enumerate(blob):
        if 0x20 <= c < 0x7F and c not in (0x22, 0x5C):
            line.append(chr(c))
        else:
            line.append(f"\\x{c:02x}")
        if len(line) >= 100 and (i + 1 < len(blob) and blob[i + 1] < 0x20):
            out.write("        " + "".join(line) + "\\\n")
            line = []
    out.write("        " + "".join(line) + "\",\n};\n")
    print(f"{lang}: {len(words)} words, {len(blob)} bytes, floor {floor:.2f}, {max(v & 0x0F for v in levels.values())} levels, {len(marked)} light", file=sys.stderr)


if __name__ == "__main__":
    main()
