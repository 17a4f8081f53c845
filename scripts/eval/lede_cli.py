"""Shared by the evaluation scripts: read JSON-lines data sets and run lede's CLI in batch mode."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
CLI = ROOT / "target" / "release" / "lede"


def read_jsonl(path, limit=None):
    """The records of a JSON-lines file (the first `limit` when given)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def run_jsonl(items, *args, cli=CLI):
    """Summarizes `items` ((id, text) pairs) with `lede --jsonl ARGS`; results in input order."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in items)
    proc = subprocess.run([str(cli), "--jsonl", *args], input=lines.encode(), capture_output=True, check=True)
    results = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
    if len(results) != len(items):
        sys.exit(f"lede returned {len(results)} results for {len(items)} texts")
    return results


def utf16_to_index(text):
    """Maps lede's UTF-16 offsets into `text` to Python string indices (code points)."""
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return lambda u: table[min(u, len(table) - 1)]
