#!/usr/bin/env python3
"""Generates src/tables/stopwords.rs: the stop words of every language stopwords-iso covers.

Source: the `stopwordsiso` package (pinned in scripts/tables/requirements.txt; the
stopwords-iso collection, MIT licence), 58 languages. Entries that are not one word of letters
(punctuation, digits, multi-word entries such as Vietnamese "a ha") are dropped; the rest are
lower-cased. English is not generated: its hand-tuned list lives in src/language.rs.

Which words, within a size budget. A stop word matters when it would otherwise surface as a
keyword or weigh in the ranking, that is when it is frequent in running text, so the words of
every language compete for one budget by their frequency:

- words of fewer than three letters in a cased script are left out: lede treats every such word
  as a function word at run time (`Language::is_function_word`), so listing them would spend the
  budget twice;
- each remaining word gets its Zipf frequency from `wordfreq` (same pin) where wordfreq knows the
  language; for the other languages, words are ranked shortest first (frequent words are short)
  and the word at rank `r` gets the median Zipf frequency of rank `r` over the wordfreq
  languages;
- every word at or above one Zipf threshold, the same for all languages, is kept; the threshold
  is the lowest (in steps of 0.05) whose table fits `--budget` bytes of gzip (the lists as the
  `.wasm` stores them, compressed together). A language keeps at least `--min` words.

Layout: each language's words sorted bytewise and front-coded, one language after the other in
one string, `WORDS`: per word, a character below U+0020 holding how many bytes the word shares
with the word before it in its language (0 for a language's first word; the shared part ends on
a character boundary), then the rest of the word. `STOPWORDS` gives each language's code and word
count. src/tables/mod.rs decodes all of it once, at the first use, into `Words` strings (`words!`
layout, looked up through a hash index, src/words.rs). Front coding makes the same lists about 2 KB
smaller in the `.wasm`'s gzip than plain `Words` strings; one string with the shared lengths as
control characters, 0.6 KB smaller again than the lengths (as digits) and the rests (each ended
by a space) in two strings. (With that layout the budget was 14300 at the same words.)

Usage (a virtualenv with scripts/tables/requirements.txt):
    python scripts/tables/stopwords.py [--budget 13650] [--min 20] > src/tables/stopwords.rs
On standard error it prints, per language, its words, raw bytes and what it costs in the gzip of
the whole table (the table's gzip less that of the other languages' lists), then the totals.
"""

import argparse
import gzip
import math
import sys
import unicodedata
from importlib.metadata import version

import stopwordsiso
import wordfreq


def is_word(w):
    """Letters (with their combining marks: Devanagari vowel signs), inner apostrophes or hyphens."""
    if not w or not w[0].isalpha() or not (w[-1].isalpha() or unicodedata.category(w[-1]).startswith("M")):
        return False
    return all(c.isalpha() or unicodedata.category(c).startswith("M") or c in "'-" for c in w)


# stopwords-iso code → wordfreq code, where they differ.
WORDFREQ = {"no": "nb", "tl": "fil", "hr": "sh"}
SKIP = {"en"}
# Fewer letters than this in a cased script: a function word at run time, never listed.
MIN_LETTERS = 3


def cased(w):
    return any(c.lower() != c.upper() for c in w)


def candidates(lang):
    """The language's usable stopwords-iso words, most frequent first, and their frequencies
    (Zipf; `None` where wordfreq does not know the language)."""
    words = set()
    for w in stopwordsiso.stopwords(lang):
        w = w.strip().lower().replace("’", "'")
        if is_word(w) and len(w.encode()) <= 40:
            words.add(w)
    if sum(map(cased, words)) * 2 > len(words):
        words = {w for w in words if sum(c.isalpha() for c in w) >= MIN_LETTERS}
    wf = WORDFREQ.get(lang, lang)
    if wf in wordfreq.available_languages(wordlist="best"):
        freq = wordfreq.get_frequency_dict(wf, wordlist="best")
        ranked = sorted(words, key=lambda w: (-freq.get(w, 0.0), len(w), w))
        return ranked, [math.log10(freq[w]) + 9 if freq.get(w) else 0.0 for w in ranked]
    return sorted(words, key=lambda w: (len(w), w)), None


def blob(words):
    return "".join(w + " " for w in sorted(words, key=str.encode))


def choose(ranked, threshold, least):
    """Every language's words at or above `threshold`, at least `least` of them."""
    return {
        lang: [w for i, (w, z) in enumerate(zip(words, zipfs)) if z >= threshold or i < least]
        for lang, (words, zipfs) in ranked.items()
    }


def front_coded(chosen):
    """Every language's sorted words, front-coded, in language order (see Layout)."""
    out = []
    for lang in sorted(chosen):
        prev = ""
        for w in sorted(chosen[lang], key=str.encode):
            shared = 0
            for a, b in zip(w, prev):
                if a != b:
                    break
                shared += len(a.encode())
            assert shared < 32 and min(w) >= " ", w
            out.append(chr(shared) + w.encode()[shared:].decode())
            prev = w
    return "".join(out)


def size(chosen):
    return len(gzip.compress(front_coded(chosen).encode(), 9))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=int, default=13650, help="gzip bytes of all the lists together")
    ap.add_argument("--min", type=int, default=20, help="fewest words kept per language")
    args = ap.parse_args()
    langs = [l for l in sorted(stopwordsiso.langs()) if l not in SKIP]
    ranked = {lang: candidates(lang) for lang in langs}
    # Median Zipf frequency at each rank over the languages wordfreq knows.
    by_rank = {}
    for words, zipfs in ranked.values():
        for i, z in enumerate(zipfs or []):
            by_rank.setdefault(i, []).append(z)
    median = [sorted(v)[len(v) // 2] for _, v in sorted(by_rank.items())]
    ranked = {
        lang: (words, zipfs or [median[i] if i < len(median) else 0.0 for i in range(len(words))])
        for lang, (words, zipfs) in ranked.items()
    }
    threshold = 9.0
    while threshold > 0 and size(choose(ranked, round(threshold - 0.05, 2), args.min)) <= args.budget:
        threshold = round(threshold - 0.05, 2)
    chosen = choose(ranked, threshold, args.min)

    out = sys.stdout
    out.write(
        f"// @generated by scripts/tables/stopwords.py --budget {args.budget} --min {args.min} from stopwordsiso "
        f"{version('stopwordsiso')} (stopwords-iso, MIT licence), ranked with wordfreq {version('wordfreq')} "
        f"(MIT code, CC-BY-SA 4.0 data): every word of Zipf frequency >= {threshold}. Do not edit.\n"
    )
    out.write("//! Stop words per language, front-coded (see the script's Layout; src/tables/mod.rs decodes them).\n\n")
    out.write("/// Every language's code and number of words, sorted by code.\n")
    out.write("pub(crate) const STOPWORDS: [(&str, u16); %d] = [\n" % len(langs))
    whole = size(chosen)
    for lang in langs:
        out.write(f'    ("{lang}", {len(chosen[lang])}),\n')
        # What the language costs in the shipped table: the gzip of all the lists less the gzip
        # of all the others (lists of one script compress together, so this is below its gzip
        # alone).
        others = size({k: v for k, v in chosen.items() if k != lang})
        print(
            f"{lang}: {len(chosen[lang])} words, {len(blob(chosen[lang]).encode())} bytes, "
            f"{whole - others} B gzip in the table",
            file=sys.stderr,
        )
    out.write("];\n\n")
    escape = lambda t: "".join(f"\\x{ord(c):02x}" if c < " " else "\\" + c if c in '"\\' else c for c in t)
    out.write("/// Per word, in order: a char holding the number of bytes it shares with the word before it\n")
    out.write("/// in its language, then its other bytes.\n")
    out.write("pub(crate) const WORDS: &str = concat!(\n")
    for lang in langs:
        out.write(f'    "{escape(front_coded({lang: chosen[lang]}))}",\n')
    out.write(");\n")
    total = sum(len(blob(ws).encode()) for ws in chosen.values())
    print(f"Zipf >= {threshold}: total {total} bytes, {whole} gzip", file=sys.stderr)


if __name__ == "__main__":
    main()
