// compromise (https://github.com/spencermountain/compromise) as an entity peer for
// scripts/eval/entities.py: the in-browser NER that issue 5 compares lede with.
//
// stdin:  JSON lines {id, text}
// stdout: JSON lines {id, micros, entities: [{name, kind, mentions, aliases, spans}]}
//
// Faithful use of the library, nothing tuned to our scorer: doc.people(), doc.organizations()
// and doc.places() as they come. The only post-processing is grouping mentions:
//   - a mention's key is its terms' `machine` form (compromise's own possessive-free form:
//     "NATO's" -> "nato") or else `normal` form, joined by spaces; mentions with the same key
//     are one entity;
//   - a mention found by two of the three methods (same start offset) counts once, with the
//     first kind found (people, organizations, places order);
//   - an entity's kind is its most frequent kind (ties: the earlier one), its name is its most
//     frequent surface text (compromise's .text() without punctuation, a trailing possessive
//     removed when compromise marks the term possessive), its aliases the other surface texts;
//   - entities are ordered by mentions, ties by first position.
// No alias merging across different keys ("Blinken" and "Antony Blinken" stay two entities):
// compromise has no such notion.
// spans: [start, end) of each mention in UTF-16 code units (JS string indices), from
// .json({offset: true}) of the mention's terms (the end of its last term, without the
// punctuation compromise keeps in `post`, and without a stripped possessive).
// micros: performance.now() around nlp(text), the three extractions and their .json() output
// (grouping not included).
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import nlp from "compromise";

const EXTRACTORS = [
  ["person", (doc) => doc.people()],
  ["organization", (doc) => doc.organizations()],
  ["place", (doc) => doc.places()],
];
const JSON_OPTS = { offset: true, text: false, terms: { offset: true, text: true, normal: true, machine: true, tags: true } };

function possessiveSuffix(term) {
  // compromise keeps "'s" in text/normal and drops it from `machine` when it reads a possessive.
  if (!term.machine || term.machine === term.normal) return 0;
  const m = term.text.match(/['’]s?$/);
  return m && (term.tags.includes("Possessive") || term.normal.replace(/['’]s?$/, "") === term.machine) ? m[0].length : 0;
}

function extract(text) {
  const t0 = performance.now();
  const doc = nlp(text);
  const found = EXTRACTORS.map(([kind, select]) => [kind, select(doc).json(JSON_OPTS)]);
  const micros = Math.round((performance.now() - t0) * 1000);

  const seen = new Set();
  const groups = new Map();
  for (const [kind, matches] of found) {
    for (const m of matches) {
      const terms = m.terms;
      if (!terms || !terms.length) continue;
      const first = terms[0], last = terms[terms.length - 1];
      const start = first.offset.start;
      if (seen.has(start)) continue;
      seen.add(start);
      const cut = possessiveSuffix(last);
      const end = last.offset.start + last.text.length - cut;
      const key = terms.map((t) => t.machine || t.normal).join(" ").trim();
      if (!key) continue;
      const surface = text.slice(start, end).replace(/[\s]+/g, " ").trim();
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { kinds: new Map(), forms: new Map(), first: start, spans: [] }));
      g.kinds.set(kind, (g.kinds.get(kind) || 0) + 1);
      g.forms.set(surface, (g.forms.get(surface) || 0) + 1);
      g.first = Math.min(g.first, start);
      g.spans.push([start, end]);
    }
  }
  const top = (counts) => [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const entities = [...groups.values()].map((g) => {
    const name = top(g.forms);
    return {
      name,
      kind: top(g.kinds),
      mentions: g.spans.length,
      aliases: [...g.forms.keys()].filter((f) => f !== name),
      spans: g.spans.sort((a, b) => a[0] - b[0]),
      first: g.first,
    };
  });
  entities.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  for (const e of entities) delete e.first;
  return { micros, entities };
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id, ...extract(text) }) + "\n");
}
