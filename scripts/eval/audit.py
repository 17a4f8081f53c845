#!/usr/bin/env python3
"""A hand audit, reproducible: prints a fixed sample of lede's outputs for a person to read.

Sixty stories by default, drawn with a fixed seed: 30 from cnndm-dev, 10 from cnndm-validation,
10 from BBC News and 10 from the other languages (one each from ten languages drawn with the same
seed). For each story it prints the headline, lede's summary beside LEAD-3 (the story's first
three sentences as lede's splitter cuts them), the people/organisations/places with their
aliases, and the keywords, so that a reader can tally what they would object to (captions,
credits, a dropped lead, a quote without its speaker, shouted headings or merged people among the
entities, light words among the keywords). Nothing is scored here: `reader.py` counts the same
problems automatically over whole sets.

The same seed gives the same stories, so a before/after pair is two runs with different CLIs:
    python scripts/eval/audit.py --cli /path/to/old/lede > before.txt
    python scripts/eval/audit.py > after.txt
    diff before.txt after.txt

Usage (from the repository root, after `cargo build --release --bin lede`):
    python scripts/eval/audit.py [--seed 16] [--dev 30] [--validation 10] [--bbc 10] [--other 10]
                                 [--cli PATH] [--width 110]
"""

import argparse
import random
import sys
import textwrap
from pathlib import Path

from lede_cli import CLI, DATA, read_jsonl, run_jsonl

SETS = [
    ("dev", "cnndm-dev", DATA / "cnndm" / "cnndm-dev.jsonl"),
    ("validation", "cnndm-validation", DATA / "cnndm" / "cnndm-validation.jsonl"),
    ("bbc", "bbc-news-summary", DATA / "bbc-news-summary" / "bbc-news-summary.jsonl"),
]


def text_of(record):
    title = (record.get("title") or "").strip()
    return f"{title}\n\n{record['article']}" if title else record["article"]


def sample(args, rng):
    """(set name, record) pairs: the English sets, then one story from each of N other languages."""
    out = []
    for key, name, path in SETS:
        n = getattr(args, key)
        records = read_jsonl(path)
        out += [(name, r) for r in rng.sample(records, min(n, len(records)))]
    langs = sorted(p for p in (DATA / "multilingual").glob("*.jsonl"))
    for path in rng.sample(langs, min(args.other, len(langs))):
        records = read_jsonl(path)
        if records:
            out.append((f"multilingual/{path.stem}", rng.choice(records)))
    return out


def wrap(label, text, width):
    lines = textwrap.wrap(" ".join(text.split()), width=width - 8) or [""]
    return "\n".join(f"  {label if i == 0 else '':<5} {line}" for i, line in enumerate(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--dev", type=int, default=30)
    ap.add_argument("--validation", type=int, default=10)
    ap.add_argument("--bbc", type=int, default=10)
    ap.add_argument("--other", type=int, default=10)
    ap.add_argument("--cli", type=Path, default=CLI)
    ap.add_argument("--width", type=int, default=110)
    args = ap.parse_args()
    if not args.cli.exists():
        sys.exit(f"{args.cli} missing: run `cargo build --release --bin lede` first")
    rng = random.Random(args.seed)
    picked = sample(args, rng)
    results = run_jsonl([(r["id"], text_of(r)) for _, r in picked], "--lead", "3", cli=args.cli)
    for n, ((name, record), res) in enumerate(zip(picked, results), 1):
        chosen = [s["index"] for s in res["summary"]]
        lead = res.get("lead", [])
        print("=" * args.width)
        title = (record.get("title") or res.get("title") or "").strip()
        print(f"#{n} {name} {record['id']}  lang={res.get('language', '?')}  picked={chosen}"
              + ("" if 0 in chosen or not chosen else "  (first sentence dropped)"))
        if title:
            print(wrap("title", title, args.width))
        print("  lede:")
        for s in res["summary"]:
            print(wrap(f"[{s['index']}]", s["text"], args.width))
        if chosen != list(range(len(lead))):
            print("  LEAD-3:")
            for i, t in enumerate(lead):
                print(wrap(f"[{i}]", t, args.width))
        else:
            print("  LEAD-3: the same")
        ents = []
        for e in res.get("entities", []):
            alias = f" ={'/'.join(e['aliases'])}" if e.get("aliases") else ""
            ents.append(f"{e['name']} ({e['kind'][:3]}){alias}")
        print(wrap("ents", "; ".join(ents), args.width))
        print(wrap("kws", ", ".join(k["term"] for k in res.get("keywords", [])), args.width))


if __name__ == "__main__":
    main()
