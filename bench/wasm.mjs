// The real artifact: pkg/lede_bg.wasm in Node, on the same articles as the native bench
// (make bench). Prints µs per article for WebAssembly; compare with the native lines above it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = process.argv[2] ?? path.join(root, "..", "shared", "data");
const lede = await import(path.join(root, "pkg", "lede.js"));
const wasm = fs.readFileSync(path.join(root, "pkg", "lede_bg.wasm"));
let t0 = performance.now();
lede.initSync({ module: wasm });
console.log(`wasm: ${wasm.length} bytes; instantiate ${(performance.now() - t0).toFixed(1)} ms`);

function jsonl(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).article).filter(Boolean);
}
const sets = [["cnndm", jsonl(path.join(data, "cnndm", "cnndm-dev.jsonl"))]];
for (const lang of ["de", "fr", "ru", "zh", "ja", "ar", "hi", "th"]) sets.push([lang, jsonl(path.join(data, "multilingual", `${lang}.jsonl`))]);
const seed = path.join(data, "seed-page.txt");
if (fs.existsSync(seed)) sets.push(["seed", [fs.readFileSync(seed, "utf8")]]);

console.log(["set", "articles", "median µs", "mean µs", "MB/s"].map((h, i) => (i ? h.padStart(12) : h.padEnd(8))).join(""));
for (const [name, texts] of sets) {
  if (!texts.length) continue;
  const rounds = 5;
  const times = [];
  let bytes = 0;
  const start = performance.now();
  for (const text of texts) {
    bytes += Buffer.byteLength(text);
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) lede.summarize(text);
    times.push(((performance.now() - t0) * 1000) / rounds);
  }
  const total = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const row = [name.padEnd(8), String(texts.length).padStart(12), times[times.length >> 1].toFixed(0).padStart(12), mean.toFixed(0).padStart(12), ((bytes * rounds) / total / 1e6).toFixed(1).padStart(12)];
  console.log(row.join(""));
}
const all = sets.flatMap(([, t]) => t);
if (all.length) {
  let big = "";
  for (let i = 0; big.length < 10_000_000; i++) big += all[i % all.length] + "\n\n";
  t0 = performance.now();
  const r = lede.summarize(big);
  console.log(`10 MB paste (${big.length} UTF-16 units, ${r.stats.sentences} sentences): ${(performance.now() - t0).toFixed(0)} ms`);
}
