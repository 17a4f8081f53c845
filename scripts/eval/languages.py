#!/usr/bin/env python3
"""Per-language quality: language detection, lede against LEAD-3, keywords that are stop words.

For every language file of ../shared/data/multilingual/ (`<lang>.jsonl`, the dev third of the
data; the product is judged on other articles of the same sources), runs the native CLI in batch
mode (`target/release/lede --jsonl --lead 3`) on what a reader would paste (the headline above the
article) and prints, per language:

- `det`: the share of articles whose `language` is the file's language (BCP 47 primary subtag:
  `sr` for Serbian in both scripts, `pcm` for Nigerian Pidgin);
- `peer`: the same for langid.py (PyPI `langid`, when installed), on the same text;
- `lede`, `LEAD-3`, `Δ`: ROUGE-1 F1 × 100 against the reference summary (or highlights) of the
  records that have one, for lede's summary and for the first three of lede's own sentences
  (`lede::sentences`, the same splitter), from the same run. Tokens: one token per character in
  scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan), lower-cased
  words (runs of letters, marks and digits) elsewhere; no stemming, so every language is scored
  the same way;
- `stop%`: the share of lede's keywords that are stop words of the article's language
  (stopwords-iso, PyPI `stopwordsiso`, where it has the language: every word of the keyword is a
  stop word) or a single Chinese or Japanese character (issue 16's metric); `-` when neither
  applies.

Then the totals: detection accuracy over all articles, the mean over languages of (lede − LEAD-3),
the languages more than 2.0 behind LEAD-3, the stop-word share over all keywords, how many
Chinese and Japanese summary sentences glue more than 3 real sentences (pieces between 。！？,
issue 13's bound) with the most any one holds, and the share of Chinese and Thai keywords (written
in ideographs or Thai letters alone) that are whole words: some use of the keyword in the article
starts and ends on a word boundary of a segmenter of the language ("神经网络", not "神经网" or
"经网络"): PyPI `jieba` for Chinese, `pythainlp` (its dictionary segmenter, newmm) for Thai,
when installed.

Usage (from the repository root; `make eval-languages` builds the CLI and sets up the venv):
    python scripts/eval/languages.py [--langs de,fr,...] [--no-peer] [--news-only]
                                     [--language] [--data DIR] [--part K/N]
                                     [--wrong] [--dump FILE]
`--language` gives lede each file's language (`--language CODE`, as `options.language` does)
instead of letting it detect one: the summary and keyword numbers with the language known
(`det%` is then 100 by construction). `--data DIR` reads the `<lang>.jsonl` files of another
folder with the same layout: the held-out two thirds of the same sources, where they are
available (the product is judged there; tune on the dev third, then check the gain holds
there). `--part K/N` keeps only the records whose id hash is K modulo N (ids end in a SHA-1
prefix, so the parts mix the sources evenly): with `--part 0/2` and `--part 1/2` a change tuned
on one half of the dev third can be checked on the other. `--wrong` lists every misdetected
article (id, expected, got); `--dump` writes per-article rows as JSON lines for error analysis,
and for `scripts/eval/bootstrap.py` (how sure the mean is at the held-out size).
"""

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from lede_cli import CLI, DATA, read_jsonl, run_jsonl

MULTI = DATA / "multilingual"

# Scripts written without spaces between words: one token per character.
NO_SPACE = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width katakana
    (0x20000, 0x2FFFF),  # CJK extensions B–F
)
HAN_KANA = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def in_ranges(ch, ranges):
    o = ord(ch)
    return any(a <= o <= b for a, b in ranges)


def tokens(text):
    """Characters in scripts without spaces, lower-cased words (letters, marks, digits) elsewhere."""
    out, word = [], []
    for ch in text:
        cat = unicodedata.category(ch)
        wordy = cat[0] in "LMN"
        if wordy and in_ranges(ch, NO_SPACE):
            if word:
                out.append("".join(word).lower())
                word = []
            if cat[0] != "M" or not out:
                out.append(ch)
            else:
                out[-1] += ch  # a combining mark stays with its base character
        elif wordy:
            word.append(ch)
        elif word:
            out.append("".join(word).lower())
            word = []
    if word:
        out.append("".join(word).lower())
    return out


def rouge1(ref_tokens, pred_tokens):
    """ROUGE-1 F1 (clipped unigram overlap) × 100."""
    if not ref_tokens or not pred_tokens:
        return 0.0
    overlap = sum((Counter(ref_tokens) & Counter(pred_tokens)).values())
    if not overlap:
        return 0.0
    p, r = overlap / len(pred_tokens), overlap / len(ref_tokens)
    return 100 * 2 * p * r / (p + r)


def reference(record):
    if record.get("highlights"):
        return "\n".join(h.strip() for h in record["highlights"])
    return (record.get("summary") or "").strip()


def text_of(record):
    """What a reader would paste: the headline (when the record has one) above the article."""
    title = (record.get("title") or "").strip()
    article = record["article"]
    return f"{title}\n\n{article}" if title else article


class StopWords:
    """stopwords-iso lists, where the package has the language."""

    def __init__(self):
        try:
            import stopwordsiso

            self.mod = stopwordsiso
        except ImportError:
            self.mod = None
        self.cache = {}

    def of(self, lang):
        if lang not in self.cache:
            has = self.mod is not None and self.mod.has_lang(lang)
            self.cache[lang] = {w.lower() for w in self.mod.stopwords(lang)} if has else None
        return self.cache[lang]


def stop_keyword(term, lang, stops):
    """Whether a keyword is a stop word (each of its words) or a single zh/ja character."""
    t = term.strip()
    if lang in ("zh", "ja") and len(t) == 1 and in_ranges(t, HAN_KANA):
        return True
    words = stops.of(lang)
    if words is None:
        return None
    parts = t.lower().split()
    return bool(parts) and all(p in words for p in parts)


# Marks that end a real sentence in Chinese and Japanese, with the closing quotes and brackets
# that may follow them.
CJK_END = re.compile(r"[。！？!?]+[」』）)\"”’]*")


def real_sentences(text):
    """How many real sentences a summary sentence of Chinese or Japanese text holds: the pieces
    its end marks (。！？) leave that hold a letter or digit (a quotation's inner sentences count)."""
    return sum(1 for piece in CJK_END.split(text) if any(unicodedata.category(c)[0] in "LN" for c in piece))


def id_hash(rid):
    """The number an id ends in (`<lang>-<sha1 prefix>`), or a hash of the whole id."""
    tail = rid.rsplit("-", 1)[-1]
    try:
        return int(tail, 16)
    except ValueError:
        return int(hashlib.sha1(rid.encode()).hexdigest()[:12], 16)


def peer_detector(enabled):
    if not enabled:
        return None
    try:
        import langid
    except ImportError:
        return None
    return lambda text: langid.classify(text)[0]


def word_bounds():
    """Per language, a function giving the word start and end offsets of a text: Chinese (jieba)
    and Thai (pythainlp), where installed."""
    cutters = {}
    try:
        import logging

        import jieba

        jieba.setLogLevel(logging.ERROR)
        cutters["zh"] = jieba.cut
    except ImportError:
        pass
    try:
        from pythainlp.tokenize import word_tokenize

        cutters["th"] = lambda text: word_tokenize(text, engine="newmm")
    except ImportError:
        pass

    def bounds(cut, text):
        starts, ends, at = set(), set(), 0
        for w in cut(text):
            starts.add(at)
            at += len(w)
            ends.add(at)
        return starts, ends

    return {lang: (lambda text, cut=cut: bounds(cut, text)) for lang, cut in cutters.items()}


# A keyword written in the segmented script alone.
WHOLE_SCRIPT = {"zh": re.compile("[\u4e00-\u9fff]+"), "th": re.compile("[\u0e00-\u0e7f]+")}



def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="", help="comma-separated language codes (default: every file)")
    ap.add_argument("--cli", type=Path, default=CLI, help="the lede binary (default target/release/lede)")
    ap.add_argument("--no-peer", action="store_true", help="skip the langid.py column")
    ap.add_argument("--news-only", action="store_true", help="skip WikiLingua how-to records")
    ap.add_argument("--wrong", action="store_true", help="list every misdetected article")
    ap.add_argument("--dump", help="write per-article rows as JSON lines to this file")
    ap.add_argument(
        "--language", action="store_true", help="give lede each file's language instead of detecting it"
    )
    ap.add_argument("--data", type=Path, default=MULTI, help=f"folder of <lang>.jsonl files (default {MULTI})")
    ap.add_argument("--part", default="", help="K/N: only the records whose id hash is K modulo N")
    args = ap.parse_args()
    part = None
    if args.part:
        try:
            k, n = (int(x) for x in args.part.split("/"))
            assert 0 <= k < n
        except (ValueError, AssertionError):
            sys.exit(f"--part needs K/N with 0 <= K < N, got {args.part!r}")
        part = (k, n)
    if not args.cli.exists():
        sys.exit(f"{args.cli} missing: run `cargo build --release --bin lede` first")

    files = sorted(args.data.glob("*.jsonl"))
    if args.langs:
        wanted = set(args.langs.split(","))
        files = [f for f in files if f.stem in wanted]
    if not files:
        sys.exit(f"no language files under {args.data}")
    stops = StopWords()
    peer = peer_detector(not args.no_peer)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None

    header = f"{'lang':<5} {'n':>4} {'det%':>6} {'peer%':>6}   {'refs':>4} {'lede':>6} {'LEAD-3':>6} {'Δ':>6}   {'stop%':>6}"
    mode = "language given" if args.language else "language detected"
    print(f"{args.data}{f' part {args.part}' if part else ''}, {mode}")
    print(header)
    print("-" * len(header))
    total = right = peer_right = 0
    deltas, behind, wrong = {}, [], []
    kw_all = kw_stop = 0
    glue_n = glue_over = glue_max = 0
    segmenters = word_bounds()
    whole_n, whole_ok = Counter(), Counter()
    for path in files:
        lang = path.stem
        records = read_jsonl(path)
        if args.news_only:
            records = [r for r in records if r.get("domain", "news") == "news"]
        if part:
            records = [r for r in records if id_hash(r["id"]) % part[1] == part[0]]
        if not records:
            continue
        texts = [text_of(r) for r in records]
        forced = ("--language", lang) if args.language else ()
        results = run_jsonl([(r["id"], t) for r, t in zip(records, texts)], "--lead", "3", *forced, cli=args.cli)
        n_right = n_peer = 0
        r_lede, r_lead, refs = [], [], 0
        kw_n = kw_s = 0
        kw_known = False
        for record, text, result in zip(records, texts, results):
            got = result.get("language")
            ok = got == lang
            n_right += ok
            if not ok:
                wrong.append((record["id"], lang, got))
            peer_got = peer(text) if peer else None
            n_peer += peer_got == lang
            row = {"id": record["id"], "lang": lang, "language": got, "peer": peer_got}
            ref = reference(record)
            if ref:
                refs += 1
                ref_t = tokens(ref)
                lede = "\n".join(s["text"] for s in result["summary"])
                lead = "\n".join(result["lead"])
                a, b = rouge1(ref_t, tokens(lede)), rouge1(ref_t, tokens(lead))
                r_lede.append(a)
                r_lead.append(b)
                row.update(lede=round(a, 2), lead3=round(b, 2), summary=lede, lead=lead, reference=ref)
            if lang in ("zh", "ja"):
                for s in result["summary"]:
                    k = real_sentences(s["text"])
                    glue_n += 1
                    glue_over += k > 3
                    glue_max = max(glue_max, k)
            for k in result.get("keywords", []):
                s = stop_keyword(k["term"], lang, stops)
                if s is None:
                    continue
                kw_known = True
                kw_n += 1
                kw_s += s
            row["keywords"] = [k["term"] for k in result.get("keywords", [])]
            if lang in segmenters:
                starts, ends = segmenters[lang](text)
                for k in row["keywords"]:
                    uses = [m.start() for m in re.finditer(re.escape(k), text)] if WHOLE_SCRIPT[lang].fullmatch(k) else []
                    if uses:
                        whole_n[lang] += 1
                        whole_ok[lang] += any(u in starts and u + len(k) in ends for u in uses)
            if dump:
                dump.write(json.dumps(row, ensure_ascii=False) + "\n")
        n = len(records)
        total += n
        right += n_right
        peer_right += n_peer
        kw_all += kw_n
        kw_stop += kw_s
        det = 100 * n_right / n
        peer_col = f"{100 * n_peer / n:6.1f}" if peer else f"{'-':>6}"
        stop_col = f"{100 * kw_s / kw_n:6.1f}" if kw_known and kw_n else f"{'-':>6}"
        if refs:
            a, b = sum(r_lede) / refs, sum(r_lead) / refs
            deltas[lang] = a - b
            if a - b < -2.0:
                behind.append((lang, a, b))
            rouge_cols = f"{refs:>4} {a:6.1f} {b:6.1f} {a - b:+6.1f}"
        else:
            rouge_cols = f"{refs:>4} {'-':>6} {'-':>6} {'-':>6}"
        print(f"{lang:<5} {n:>4} {det:6.1f} {peer_col}   {rouge_cols}   {stop_col}")
    print("-" * len(header))
    peer_total = f", langid.py {100 * peer_right / total:.1f}%" if peer else ""
    print(f"detection: {right}/{total} articles = {100 * right / total:.1f}%{peer_total}")
    if deltas:
        mean = sum(deltas.values()) / len(deltas)
        print(f"ROUGE-1 lede − LEAD-3, mean over {len(deltas)} languages: {mean:+.2f}")
        lag = ", ".join(f"{l} {a:.1f} vs {b:.1f}" for l, a, b in behind) or "none"
        print(f"languages more than 2.0 behind LEAD-3: {len(behind)} ({lag})")
    if kw_all:
        print(f"keywords that are stop words or single zh/ja characters: {kw_stop}/{kw_all} = {100 * kw_stop / kw_all:.1f}%")
    if glue_n:
        print(
            f"zh/ja summary sentences gluing more than 3 real sentences: {glue_over}/{glue_n}"
            f" (most real sentences in one: {glue_max})"
        )
    for lang, name, tool in (("zh", "Chinese", "jieba"), ("th", "Thai", "pythainlp newmm")):
        if whole_n[lang]:
            k, n = whole_ok[lang], whole_n[lang]
            print(f"{name} keywords that are whole words ({tool}): {k}/{n} = {100 * k / n:.1f}%")
    if args.wrong:
        for rid, want, got in wrong:
            print(f"  misdetected {rid}: {want} -> {got}")
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
