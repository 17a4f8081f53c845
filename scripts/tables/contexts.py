"""Generates src/tables/contexts.rs: which words around a name say what kind of name it is.

    make tables    (or: python scripts/tables/contexts.py > src/tables/contexts.rs; it needs
                    the CLI, cargo build --release --bin lede, and ../shared/data)

Learned without any labelled data, by bootstrapping from the gazetteers (Collins and Singer's
idea): lede finds the names in English news articles (BBC News Summary and the CNN/DailyMail dev
slice of ../shared/data; never CoNLL-2003, the entity test set), and every mention of a name the
gazetteers know (a listed place, a listed organisation, or two or more words starting with a
listed given name) is an example of its kind. The word before and the word after each such
mention are counted per kind. A context word that clearly prefers one kind ("striker" after an
organisation, "in" before a place, "aged" after a person) gets, per kind, the log of how much
more often it is seen with that kind than the kinds' shares predict (add-one smoothed, in
sixteenths); the entity stage adds these as votes for the names the gazetteers do not know.

Tables: BEFORE (words before a mention) and AFTER (words after it), each in buckets by byte
length as the gazetteers are stored, with weights in the same order: three signed bytes per word
for person, organisation and place.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(__file__))
import gazetteer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
CLI = os.path.join(ROOT, "target", "release", "lede")
KINDS = ("person", "organization", "place")
CORPORA = ("bbc-news-summary/bbc-news-summary.jsonl", "cnndm/cnndm-dev.jsonl")

WORD = re.compile(r"[^\W_][\w'’.-]*")
BOUNDARY = re.compile(r"[.!?]\s|\n")


def articles():
    for rel in CORPORA:
        with open(os.path.join(DATA, rel), encoding="utf-8") as f:
            for i, line in enumerate(f):
                rec = json.loads(line)
                yield f"{rel}:{i}", rec["article"]


def run_lede(texts):
    """lede --jsonl --all-entities over (id, text); yields (text, entities) in input order."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts)
    out = subprocess.run([CLI, "--jsonl", "--story", "--all-entities", "--keywords", "0"], input=lines, capture_output=True, text=True, check=True)
    for (_, text), row in zip(texts, out.stdout.splitlines()):
        yield text, json.loads(row)["entities"]


def utf16_to_index(text):
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return lambda u: table[min(u, len(table) - 1)]


def known_kind(name, places, orgs, given):
    key = name.lower()
    if key in places:
        return "place"
    if key in orgs:
        return "organization"
    words = key.split()
    if len(words) >= 2 and words[0] in given and not any(w in places or w in orgs for w in words):
        return "person"
    return None


def neighbours(text, start, end):
    """The word before and after a mention in its sentence, lower case, as the entity stage sees them."""
    before = text[max(0, start - 60) : start]
    cut = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    words = WORD.findall(before[cut:])
    prev = words[-1].lower() if words else None
    after = text[end : end + 60]
    cut = BOUNDARY.search(after)
    words = WORD.findall(after[: cut.start()] if cut else after)
    nxt = words[0].lower() if words else None
    # A possessive belongs to the name ("Liverpool's manager": the next word is "manager").
    if nxt in ("'s", "’s"):
        nxt = words[1].lower() if len(words) > 1 else None
    return prev, nxt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=12, help="least examples a context word needs")
    ap.add_argument("--min-weight", type=float, default=0.7, help="least |log odds| to keep a context word")
    args = ap.parse_args()
    places = {p for p in gazetteer.places()}
    orgs = (gazetteer.phrases(gazetteer.ORGANIZATIONS) | {n.strip() for n in gazetteer.MORE_ORGANIZATIONS if n.strip()}) - places
    given = gazetteer.given_names(orgs)
    counts = defaultdict(Counter)
    totals = Counter()
    texts = list(articles())
    for text, entities in run_lede(texts):
        to_index = utf16_to_index(text)
        for ent in entities:
            kind = known_kind(ent["name"], places, orgs, given)
            if kind is None:
                continue
            for s, e in ent["spans"]:
                prev, nxt = neighbours(text, to_index(s), to_index(e))
                totals[kind] += 1
                if prev:
                    counts["<" + prev][kind] += 1
                if nxt:
                    counts[">" + nxt][kind] += 1
    n = sum(totals.values())
    share = {k: totals[k] / n for k in KINDS}
    rows = []
    for key, c in counts.items():
        total = sum(c.values())
        if total < args.min_count or not re.fullmatch(r"[<>][a-z'’.-]+", key):
            continue
        weights = [math.log((c[k] + 1) / (total + 3) / share[k]) for k in KINDS]
        if max(abs(w) for w in weights) < args.min_weight:
            continue
        rows.append((key, [max(-127, min(127, round(16 * w))) for w in weights]))
    print("// Generated by scripts/tables/contexts.py from lede's own reading of BBC News Summary and")
    print("// CNN/DailyMail articles, labelled by the gazetteers. Do not edit: run the script again.")
    print(f"// Examples: {n} mentions ({', '.join(f'{k} {totals[k]}' for k in KINDS)}); {len(rows)} context words.")
    for side, mark, doc in (("BEFORE", "<", "before"), ("AFTER", ">", "after")):
        weights = {key[1:]: w for key, w in rows if key.startswith(mark)}
        print()
        print(f"/// Words {doc} a name, in buckets by byte length like the gazetteers' (each bucket its")
        print("/// sorted words, concatenated).")
        print(f"pub(crate) const {side}: &[&str] = &[")
        for row in gazetteer.buckets(weights):
            print(f"    {json.dumps(row, ensure_ascii=False)},")
        print("];")
        print()
        print(f"/// Per bucket and word of [`{side}`], in the same order: log odds of person, organisation")
        print("/// and place, in sixteenths.")
        print(f"pub(crate) const {side}_WEIGHTS: &[&[[i8; 3]]] = &[")
        for length in range(len(gazetteer.buckets(weights))):
            keys = sorted((k for k in weights if len(k.encode("utf-8")) == length), key=lambda k: k.encode("utf-8"))
            print("    &[" + ", ".join(f"[{w[0]}, {w[1]}, {w[2]}]" for w in (weights[k] for k in keys)) + "],")
        print("];")
    print(f"// {len(rows)} context words from {n} mentions", file=sys.stderr)


if __name__ == "__main__":
    main()
