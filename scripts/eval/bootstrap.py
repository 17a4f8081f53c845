#!/usr/bin/env python3
"""How sure a languages.py result is: a bootstrap at the size of the held-out articles.

The dev third of ../shared/data/multilingual/ has about ten articles per language, and the
product is judged on other articles of the same sources (about twice as many), so one article
moves a language's (lede − LEAD-3) by a point or more. This resamples, per language, twice the
dev articles with replacement (2,000 draws, a fixed seed) from the per-article rows that
`languages.py --dump FILE` writes, and prints the mean over languages of (lede − LEAD-3) with its
90% interval, how often at least one language ends more than 2.0 behind (issue 13's bound), and
the languages that do so most often. Given a second dump (another build, the same articles), it
draws the same articles for both and prints the difference too.

Usage (from the repository root):
    python scripts/eval/languages.py --no-peer --dump A.jsonl
    python scripts/eval/bootstrap.py A.jsonl [B.jsonl]
"""

import json
import random
import sys
from collections import Counter, defaultdict

DRAWS = 2000
SCALE = 2  # held-out articles per dev article
BEHIND = -2.0


def load(path):
    """Per language, per article id: lede's and LEAD-3's ROUGE-1 difference."""
    rows = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if "lede" in r and "lead3" in r:
                rows[r["lang"]][r["id"]] = r["lede"] - r["lead3"]
    return rows


def interval(values):
    v = sorted(values)
    return f"{sum(v) / len(v):+.3f} [{v[int(0.05 * len(v))]:+.3f}..{v[int(0.95 * len(v))]:+.3f}]"


def main(paths):
    dumps = [load(p) for p in paths]
    langs = sorted(dumps[0])
    rnd = random.Random(7)
    means = [[] for _ in dumps]
    behind = [Counter() for _ in dumps]  # draws with >= 1 language behind ("" key), per language
    for _ in range(DRAWS):
        picks = {}
        for lang in langs:
            ids = sorted(dumps[0][lang])
            picks[lang] = [rnd.choice(ids) for _ in range(SCALE * len(ids))]
        for d, dump in enumerate(dumps):
            deltas = {lang: sum(dump[lang].get(i, 0.0) for i in s) / len(s) for lang, s in picks.items()}
            means[d].append(sum(deltas.values()) / len(deltas))
            late = [lang for lang, x in deltas.items() if x < BEHIND]
            behind[d].update(late)
            behind[d][""] += bool(late)
    for path, m, b in zip(paths, means, behind):
        worst = ", ".join(f"{lang} {n / DRAWS:.0%}" for lang, n in b.most_common() if lang)[:200]
        print(f"{path}: mean lede − LEAD-3 {interval(m)}; P(>= 1 language > 2 behind) {b[''] / DRAWS:.2f} ({worst})")
    if len(means) == 2:
        print(f"difference (second − first): {interval([b - a for a, b in zip(*means)])}")


if __name__ == "__main__":
    if not 1 <= len(sys.argv) - 1 <= 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
