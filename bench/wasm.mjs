// make bench: the real artifact (pkg/lede_bg.wasm) in Node, against the JavaScript NLP
// libraries, in ONE process on the SAME cnndm-dev articles, so the ratios survive a loaded
// machine even when the absolute times do not. Prints numbers; asserts nothing.
//
// Times are the process's CPU time (process.cpuUsage(): user + system, µs resolution), not wall
// time: on a loaded machine a 100 µs regex scan runs inside one time slice while a 10 ms call is
// preempted many times, so wall-time ratios between short and long tasks mean little there.
// The wall-time medians are printed beside them.
//
//   1. per article, interleaved: lede's summarize (summary, entities, keywords); compromise's
//      people()/organizations()/places(); wink-nlp with its English lite model (entities and
//      sentences); a bare /\p{L}+/gu scan. Medians per article and the ratios lede/other.
//   2. lede on 1 MB and 10 MB of concatenated cnndm-dev articles: time(10 MB) / time(1 MB).
//   3. WebAssembly memory (memory.buffer.byteLength after the call; it only grows): for a 1 MB
//      and a 10 MB input, each in a fresh instance, and over 1,000 calls on ordinary articles.
//   4. lede per language set (throughput).
//   5. what entities and keywords cost (issue 14: at most 1.5x the summary alone): each article
//      summarized with the defaults and with { entities: 0, keywords: 0 }, interleaved; the
//      ratio of the summed CPU times and the median of the per-article ratios; and with only
//      keywords or only entities turned on, what each adds alone. --cost-only runs this part
//      alone.
//
// Usage: node bench/wasm.mjs [data dir] [--articles 100] [--rounds 3] [--skip-peers]
//        [--pkg DIR] [--vs DIR] [--cost-only]   (--vs: another build of pkg/, e.g. before a change, timed in
//                                  the same run beside it: the before/after of an optimisation)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const data = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? path.join(root, "..", "shared", "data");
const nArticles = flag("--articles", 100);
const rounds = flag("--rounds", 3);
const skipPeers = args.includes("--skip-peers");
const option = (name) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : null);
const pkg = option("--pkg") ?? path.join(root, "pkg");
const vs = option("--vs");
const costOnly = args.includes("--cost-only");

// Each import with its own query string is a separate module record, so a separate
// WebAssembly instance with its own memory: the memory numbers do not inherit each other's peak.
let instances = 0;
async function freshLede(dir = pkg) {
  const wasmBytes = fs.readFileSync(path.join(dir, "lede_bg.wasm"));
  const mod = await import(`${pathToFileURL(path.join(dir, "lede.js")).href}?instance=${instances++}`);
  const t0 = performance.now();
  const exports = mod.initSync({ module: wasmBytes });
  return { summarize: mod.summarize, memory: exports.memory, ms: performance.now() - t0, bytes: wasmBytes.length };
}
const lede = await freshLede();
console.log(`wasm: ${lede.bytes} bytes (${path.relative(process.cwd(), pkg) || "."}); instantiate ${lede.ms.toFixed(1)} ms; Node ${process.version}`);
const other = vs ? await freshLede(vs) : null;
if (other) console.log(`--vs: ${other.bytes} bytes (${vs})`);

function jsonl(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).article).filter(Boolean);
}
const cnndm = jsonl(path.join(data, "cnndm", "cnndm-dev.jsonl"));
if (!cnndm.length) {
  console.log(`no cnndm-dev articles under ${data}; pass the data folder as the first argument`);
  process.exit(0);
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000; // ms
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x, d = 0) => x.toFixed(d);
const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

// ---- 5. the cost of entities and keywords (printed first; --cost-only stops after it) --------
function cost(instance, label) {
  const set = cnndm.slice(0, Math.min(nArticles, cnndm.length));
  // Summary alone, with all, and with one of the two (what each adds).
  const sets = [{ entities: 0, keywords: 0 }, undefined, { entities: 0 }, { keywords: 0 }];
  for (const text of set.slice(0, 20)) for (const o of sets) instance.summarize(text, o);
  const per = [];
  const sums = sets.map(() => 0);
  for (const text of set) {
    const best = sets.map(() => Infinity);
    for (let r = 0; r < rounds; r++)
      sets.forEach((o, i) => {
        const t0 = cpu();
        instance.summarize(text, o);
        best[i] = Math.min(best[i], cpu() - t0);
      });
    best.forEach((t, i) => (sums[i] += t));
    if (best[0] > 0) per.push(best[1] / best[0]);
  }
  const us = (t) => fmt((t * 1000) / set.length);
  const [sumOff, sumOn, sumKeywords, sumEntities] = sums;
  console.log(`${label}entities+keywords cost, ${set.length} cnndm-dev articles, fastest of ${rounds} each (CPU): summary alone ${us(sumOff)} µs/article, with entities+keywords ${us(sumOn)} µs/article: ${fmt(sumOn / sumOff, 2)}x (median per-article ratio ${fmt(median(per), 2)}x; issue 14 bound 1.5x); keywords alone add ${us(sumKeywords - sumOff)} µs, entities alone ${us(sumEntities - sumOff)} µs`);
}
cost(lede, "");
if (other) cost(other, "--vs ");
if (costOnly) process.exit(0);

// ---- 1. lede against the peers, article by article -----------------------------------------
const systems = [["lede", (t) => lede.summarize(t)]];
if (other) systems.push(["lede --vs", (t) => other.summarize(t)]);
if (!skipPeers) {
  const { default: compromise } = await import("compromise");
  systems.push([
    "compromise",
    (t) => {
      const doc = compromise(t);
      return [doc.people().out("array"), doc.organizations().out("array"), doc.places().out("array")];
    },
  ]);
  const { default: winkNLP } = await import("wink-nlp");
  const { default: model } = await import("wink-eng-lite-web-model");
  const wink = winkNLP(model);
  const its = wink.its;
  systems.push([
    "wink-nlp",
    (t) => {
      const doc = wink.readDoc(t);
      return [doc.entities().out(its.detail), doc.sentences().out()];
    },
  ]);
}
systems.push([
  "regex",
  (t) => {
    let n = 0;
    for (const _ of t.matchAll(/\p{L}+/gu)) n++;
    return n;
  },
]);

const sample = cnndm.slice(0, Math.min(nArticles, cnndm.length));
for (const text of sample.slice(0, 20)) for (const [, run] of systems) run(text); // JIT warm-up
const times = new Map(systems.map(([name]) => [name, []]));
const walls = new Map(systems.map(([name]) => [name, []]));
for (const text of sample) {
  for (const [name, run] of systems) {
    const w0 = performance.now();
    const t0 = cpu();
    for (let r = 0; r < rounds; r++) run(text);
    times.get(name).push(((cpu() - t0) * 1000) / rounds);
    walls.get(name).push(((performance.now() - w0) * 1000) / rounds);
  }
}
const bytes = sample.reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(`\ncnndm-dev, first ${sample.length} articles (median ${median(sample.map((t) => t.length))} UTF-16 units), ${rounds} rounds each, systems interleaved per article`);
console.log(["system", "median µs", "mean µs", "MB/s", "lede/system", "wall median"].map((h, i) => (i ? h.padStart(14) : h.padEnd(12))).join("") + "   (CPU time)");
const ledeMedian = median(times.get("lede"));
const ratios = {};
for (const [name] of systems) {
  const ts = times.get(name);
  const med = median(ts);
  const sum = ts.reduce((a, b) => a + b, 0);
  ratios[name] = ledeMedian / med;
  const wall = median(walls.get(name));
  console.log([name.padEnd(12), fmt(med).padStart(14), fmt(sum / ts.length).padStart(14), fmt(bytes / sum, 1).padStart(14), fmt(ratios[name], 3).padStart(14), fmt(wall).padStart(14)].join(""));
}
const line = [];
const times2 = (x) => fmt(x, x < 2 ? 2 : 1);
const versus = (r) => (r <= 1 ? `lede ${times2(1 / r)}× faster` : `lede ${times2(r)}× slower`);
for (const [name] of systems) if (name !== "lede") line.push(`lede/${name} ${fmt(ratios[name], 3)} (${versus(ratios[name])})`);
console.log(`ratios of medians: ${line.join("; ")}`);

// ---- 2. and 3. big inputs, memory --------------------------------------------------------------
function bigText(size) {
  let text = "";
  for (let i = 0; text.length < size; i++) text += cnndm[i % cnndm.length] + "\n\n";
  return text.slice(0, size);
}
function timed(instance, text) {
  const w0 = performance.now();
  const t0 = cpu();
  let error = null;
  try {
    instance.summarize(text);
  } catch (e) {
    error = String(e?.message ?? e);
  }
  return { ms: cpu() - t0, wall: performance.now() - w0, mem: instance.memory.buffer.byteLength, error };
}
console.log("\nbig inputs (cnndm-dev articles joined by blank lines; memory = memory.buffer.byteLength after the call, a fresh instance per size)");
const big = {};
const builds = other ? [["", pkg], ["--vs ", vs]] : [["", pkg]];
for (const [prefix, dir] of builds) {
  for (const [size, runs] of [[1_000_000, 3], [10_000_000, 1]]) {
    const label = `${prefix}${size / 1e6} MB`;
    const text = bigText(size);
    const instance = await freshLede(dir);
    const before = instance.memory.buffer.byteLength;
    const results = [];
    for (let r = 0; r < runs; r++) results.push(timed(instance, text));
    const ms = median(results.map((r) => r.ms));
    big[label] = ms;
    const error = results.find((r) => r.error)?.error;
    console.log(`  ${label.padEnd(11)} ${fmt(ms).padStart(7)} ms CPU (median of ${runs}: ${results.map((r) => fmt(r.ms)).join(", ")}; wall ${results.map((r) => fmt(r.wall)).join(", ")})  memory ${mib(before)} at start → ${mib(results.at(-1).mem)} peak${error ? `  ERROR: ${error}` : ""}`);
  }
}
for (const [prefix] of builds) console.log(`  ${prefix}time(10 MB) / time(1 MB) = ${fmt(big[`${prefix}10 MB`] / big[`${prefix}1 MB`], 1)}`);

{
  // Growth: the same 100 articles ten times over, in a fresh instance; the peak is set by the
  // largest article in the first pass, so any growth after pass 1 is memory that was kept.
  const instance = await freshLede();
  const set = cnndm.slice(0, 100);
  const marks = [];
  let calls = 0;
  for (let pass = 1; pass <= 10; pass++) {
    for (const text of set) {
      instance.summarize(text);
      calls++;
    }
    if (pass === 1 || pass === 10) marks.push([calls, instance.memory.buffer.byteLength]);
  }
  const [[c1, m1], [c2, m2]] = marks;
  console.log(`  ${calls} calls (100 articles × 10): memory ${m1} B after ${c1} calls, ${m2} B after ${c2} calls: ${m2 === m1 ? "no growth" : `grew ${m2 - m1} B`}`);
}

// ---- 4. lede per language set ---------------------------------------------------------------
const sets = [["cnndm", sample]];
for (const lang of ["de", "fr", "ru", "zh", "ja", "ar", "hi", "th"]) sets.push([lang, jsonl(path.join(data, "multilingual", `${lang}.jsonl`))]);
const seed = path.join(data, "seed-page.txt");
if (fs.existsSync(seed)) sets.push(["seed", [fs.readFileSync(seed, "utf8")]]);
console.log(`\nlede per set (${rounds} rounds per article, CPU time)`);
console.log(["set", "articles", "median µs", "mean µs", "MB/s"].map((h, i) => (i ? h.padStart(12) : h.padEnd(8))).join(""));
for (const [name, texts] of sets) {
  if (!texts.length) continue;
  const ts = [];
  let n = 0;
  for (const text of texts) {
    n += Buffer.byteLength(text);
    const t0 = cpu();
    for (let r = 0; r < rounds; r++) lede.summarize(text);
    ts.push(((cpu() - t0) * 1000) / rounds);
  }
  const sum = ts.reduce((a, b) => a + b, 0);
  console.log([name.padEnd(8), String(texts.length).padStart(12), fmt(median(ts)).padStart(12), fmt(sum / ts.length).padStart(12), fmt(n / sum, 1).padStart(12)].join(""));
}
