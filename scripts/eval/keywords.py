"""Keyword evaluation for lede (make eval-entities).

On cnndm-dev (976 CNN/DailyMail articles, read from ../shared/data/, never copied into the repo),
lede's top-10 keywords are compared with the article's reference highlights. Words are lower-cased,
split on anything that is not a letter or digit, and reduced by one stemmer (nltk's Porter) on
both sides (nltk comes with rouge-score); stop words are spaCy's English list (no model needed).

1. Precision: the share of keywords whose content stems all occur in the highlights (a phrase
   counts once, and only when each of its words does). Micro-averaged over all keywords.
2. Recall: the share of highlight content stems (non-stop, with a letter, one per article) that
   the top-10 keywords cover, counting only stems that occur in the article (the others no
   extractive keyword can reach). Micro-averaged over articles.
3. Commonest keywords: the terms most often in a top 10 over the data set. Words every story
   uses ("people", "year", "told") there mean the weighting does not push them down.
4. Time: "micros" per article with keywords off (--keywords 0) vs on (entities off in both);
   each article's fastest of 3 runs, then the mean (a busy machine otherwise swamps it).

Give --cli more than once to compare binaries side by side, e.g. an older checkout's CLI and this tree's:
  python scripts/eval/keywords.py --cli ../lede-old/target/release/lede --cli target/release/lede
Usage: python scripts/eval/keywords.py [--cli PATH]... [--limit N] [--skip-time] [--split cnndm-validation] [--show N]
"""

import argparse
import os
import re
import statistics
import sys
from collections import Counter

from nltk.stem.porter import PorterStemmer
from spacy.lang.en.stop_words import STOP_WORDS

from lede_cli import CLI, DATA, read_jsonl, run_jsonl

TOKEN = re.compile(r"[a-z0-9]+")
STEMMER = PorterStemmer()
STEMS = {}


def stem(word):
    s = STEMS.get(word)
    if s is None:
        s = STEMS[word] = STEMMER.stem(word)
    return s


def content_stems(text):
    """Stems of the non-stop words with a letter, in order (repeats kept)."""
    out = []
    for w in TOKEN.findall(text.lower().replace("’", "'")):
        if w not in STOP_WORDS and not w.isdigit():
            out.append(stem(w))
    return out


def keyword_scores(arts, results):
    hits = n_kw = covered = reachable = 0
    common = Counter()
    for a, res in zip(arts, results):
        high = set(content_stems(" ".join(a["highlights"])))
        article = set(content_stems(a["article"]))
        kw_stems = set()
        for k in res["keywords"]:
            stems = content_stems(k["term"])
            common[k["term"].lower()] += 1
            n_kw += 1
            hits += bool(stems) and all(s in high for s in stems)
            kw_stems.update(stems)
        target = high & article
        reachable += len(target)
        covered += len(target & kw_stems)
    p = hits / n_kw if n_kw else 0.0
    r = covered / reachable if reachable else 0.0
    return p, r, n_kw / max(len(arts), 1), common


def timing(arts, cli, rounds=3):
    """Mean over articles of each article's fastest run, keywords off and on."""
    items = [(a["id"], a["article"]) for a in arts]
    best = {"off": None, "on": None}
    for _ in range(rounds):
        for name, args in (("off", ("--keywords", "0")), ("on", ())):
            micros = [r["micros"] for r in run_jsonl(items, "--entities", "0", *args, cli=cli)]
            best[name] = micros if best[name] is None else [min(a, b) for a, b in zip(best[name], micros)]
    return statistics.mean(best["off"]), statistics.mean(best["on"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", action="append", help="a lede binary (repeat to compare); default: this tree's release CLI")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--skip-time", action="store_true")
    ap.add_argument("--split", default="cnndm-dev", help="cnndm file (cnndm-validation: held out)")
    ap.add_argument("--show", type=int, default=0, help="print each binary's keywords for the first N articles")
    args = ap.parse_args()
    clis = args.cli or [str(CLI)]
    for cli in clis:
        if not os.path.exists(cli):
            sys.exit(f"no CLI at {cli}: cargo build --release --bin lede")
    arts = read_jsonl(os.path.join(DATA, "cnndm", f"{args.split}.jsonl"), args.limit)
    items = [(a["id"], a["article"]) for a in arts]
    runs = [run_jsonl(items, "--entities", "0", cli=cli) for cli in clis]
    print(f"{args.split}, {len(arts)} articles: top-10 keywords vs reference highlights (Porter stems, spaCy stop words)")
    for cli, results in zip(clis, runs):
        p, r, per, common = keyword_scores(arts, results)
        print(f"  {cli}")
        print(f"    precision {100 * p:5.1f}  recall {100 * r:5.1f}  ({per:.1f} keywords an article)")
        print("    commonest: " + ", ".join(f"{t} {n}" for t, n in common.most_common(12)))
    for i, a in enumerate(arts[: args.show]):
        print(f"--- {a['id']}: {' | '.join(a['highlights'])}")
        for cli, results in zip(clis, runs):
            print(f"  {os.path.basename(os.path.dirname(os.path.dirname(os.path.dirname(cli)))) or cli}: "
                  + ", ".join(k["term"] for k in results[i]["keywords"]))
    if not args.skip_time:
        for cli in clis:
            off, on = timing(arts, cli)
            print(f"time per article ({cli}, entities off, per-article best of 3 runs): "
                  f"{off:.0f} µs without keywords, {on:.0f} µs with them ({on / off:.2f}x)")


if __name__ == "__main__":
    main()
