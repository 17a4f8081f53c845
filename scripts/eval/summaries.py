#!/usr/bin/env python3
"""Summary quality: lede against LEAD-3, same run, same articles, same scorer.

Runs the native CLI in batch mode (`target/release/lede --jsonl --lead 3`) over the news sets
under ../shared/data and scores both systems with Google's `rouge-score` (the field's standard
ROUGE: stemming on; ROUGE-Lsum over one sentence per line, joined by "\\n"). F1 × 100.

LEAD-3 is the first three sentences *as lede's own splitter cuts them*: the CLI's `--lead 3`
adds them to each result (`lede::sentences`, the body finder then the segmenter that the summary
uses), so the two systems differ only in which sentences they choose.

Time per article is the CLI's "micros" field: the native `lede::summarize` call alone (body,
segmentation, language, ranking, entities, keywords), without JSON parsing or printing.

Usage (from the repository root; `make eval-summaries` builds the CLI and sets up the venv):
    python scripts/eval/summaries.py [--sets dev,validation,bbc] [--limit N] [--sentences N]
                                     [--bench] [--dump FILE]
`--bench` only times lede (no scoring) and reports µs/article; `--dump` writes per-article
scores and summaries as JSON lines for error analysis.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from lede_cli import CLI, DATA, read_jsonl, run_jsonl

SETS = {
    "dev": ("cnndm-dev", DATA / "cnndm" / "cnndm-dev.jsonl"),
    "validation": ("cnndm-validation", DATA / "cnndm" / "cnndm-validation.jsonl"),
    "bbc": ("bbc-news-summary", DATA / "bbc-news-summary" / "bbc-news-summary.jsonl"),
}
METRICS = ("rouge1", "rouge2", "rougeLsum")


def text_of(record):
    """What a reader would paste: the headline (when the set has one) above the article."""
    title = (record.get("title") or "").strip()
    article = record["article"]
    return f"{title}\n\n{article}" if title else article


def run_cli(cli, records, sentences):
    items = [(r["id"], text_of(r)) for r in records]
    started = time.perf_counter()
    results = run_jsonl(items, "--lead", "3", "--sentences", str(sentences), "--entities", "10", cli=cli)
    return results, time.perf_counter() - started


def reference(record):
    return "\n".join(h.strip() for h in record["highlights"])


def evaluate(name, records, results, scorer, dump):
    sums = {sys_: {m: 0.0 for m in METRICS} for sys_ in ("lede", "lead3")}
    for record, result in zip(records, results):
        ref = reference(record)
        lede = "\n".join(s["text"] for s in result["summary"])
        lead3 = "\n".join(result["lead"])
        row = {"id": record["id"]}
        for sys_, pred in (("lede", lede), ("lead3", lead3)):
            scores = scorer.score(ref, pred)
            for m in METRICS:
                sums[sys_][m] += scores[m].fmeasure
            row[sys_] = {m: round(scores[m].fmeasure * 100, 2) for m in METRICS}
        if dump:
            row["picked"] = [s["index"] for s in result["summary"]]
            row["summary"] = lede
            row["reference"] = ref
            dump.write(json.dumps(row) + "\n")
    n = max(len(records), 1)
    return {sys_: {m: 100 * v / n for m, v in ms.items()} for sys_, ms in sums.items()}


def timing(results):
    micros = sorted(r["micros"] for r in results)
    if not micros:
        return 0.0, 0, 0
    return statistics.fmean(micros), micros[len(micros) // 2], micros[min(len(micros) - 1, len(micros) * 95 // 100)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="dev,validation,bbc", help="comma-separated: " + ",".join(SETS))
    ap.add_argument("--limit", type=int, default=0, help="first N articles of each set (0: all)")
    ap.add_argument("--sentences", type=int, default=3, help="lede summary length (default 3)")
    ap.add_argument("--bench", action="store_true", help="time lede only: µs/article, no scoring")
    ap.add_argument("--cli", type=Path, default=CLI, help="the lede binary (default target/release/lede)")
    ap.add_argument("--dump", help="write per-article scores as JSON lines to this file")
    args = ap.parse_args()
    if not args.cli.exists():
        sys.exit(f"{args.cli} missing: run `cargo build --release --bin lede` first")

    scorer = None
    if not args.bench:
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True, split_summaries=False)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None

    header = f"{'set':<18} {'n':>5}  {'system':<6} {'R-1':>6} {'R-2':>6} {'R-Lsum':>6}   {'µs/article (mean, p50, p95)':<28}"
    print(header)
    print("-" * len(header))
    verdicts = []
    for key in args.sets.split(","):
        name, path = SETS[key.strip()]
        records = read_jsonl(path, args.limit)
        results, wall = run_cli(args.cli, records, args.sentences)
        mean, p50, p95 = timing(results)
        cost = f"{mean:8.0f} {p50:6d} {p95:6d}"
        if args.bench:
            words = statistics.fmean(r["stats"]["words"] for r in results) if results else 0
            print(f"{name:<18} {len(records):>5}  {'lede':<6} {'':>6} {'':>6} {'':>6}   {cost}   ({words:.0f} words/article, CLI wall {wall:.1f} s)")
            continue
        scores = evaluate(name, records, results, scorer, dump)
        for sys_, label in (("lede", "lede"), ("lead3", "LEAD-3")):
            s = scores[sys_]
            timing_col = cost if sys_ == "lede" else ""
            print(f"{name:<18} {len(records):>5}  {label:<6} {s['rouge1']:6.2f} {s['rouge2']:6.2f} {s['rougeLsum']:6.2f}   {timing_col}")
        d = {m: scores["lede"][m] - scores["lead3"][m] for m in METRICS}
        print(f"{'':<18} {'':>5}  {'Δ':<6} {d['rouge1']:+6.2f} {d['rouge2']:+6.2f} {d['rougeLsum']:+6.2f}")
        if key.strip() == "dev":
            ok = d["rouge1"] >= 1.0 and d["rouge2"] >= 0 and d["rougeLsum"] >= 0
            verdicts.append(f"cnndm-dev target (R-1 ≥ LEAD-3 + 1.0, R-2 and R-Lsum ≥ LEAD-3): {'met' if ok else 'NOT met'}")
    for v in verdicts:
        print(v)
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
