// pkg/ used from Node with initSync, as DESIGN.md's public contract shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, seedPage } from "./browser.mjs";

const pkg = path.join(ROOT, "pkg");
const lede = await import(path.join(pkg, "lede.js"));
lede.initSync({ module: fs.readFileSync(path.join(pkg, "lede_bg.wasm")) });

test("pkg has the files of a package", () => {
  for (const f of ["lede.js", "lede_bg.wasm", "lede.d.ts", "package.json"]) {
    assert.ok(fs.existsSync(path.join(pkg, f)), f);
  }
  const meta = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8"));
  assert.equal(meta.version, lede.version());
  assert.equal(meta.main, "lede.js");
});

test("summarize a string from Node", () => {
  const text = "Storm shuts ports\n\nA storm shut the ports of Rotterdam and Antwerp on Monday, delaying hundreds of ships. " +
    "Port officials said the ports would reopen on Tuesday. Dutch forecasters warned of more wind later in the week.";
  const r = lede.summarize(text, { sentences: 2 });
  assert.equal(r.title, "Storm shuts ports");
  assert.equal(r.summary.length, 2);
  for (const s of r.summary) assert.equal(text.slice(s.start, s.end), s.text);
  assert.ok(r.entities.some((e) => e.name === "Rotterdam"));
});

test("seed page: three story sentences, none repeated, none cut at U.S.", (t) => {
  const text = seedPage();
  const r = lede.summarize(text);
  assert.equal(r.title, 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO');
  assert.equal(r.summary.length, 3);
  assert.equal(new Set(r.summary.map((s) => s.text)).size, 3);
  const storyStart = text.indexOf("IST\n");
  const storyEnd = text.indexOf("(This story has not been edited");
  for (const s of r.summary) {
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(s.start > storyStart && s.end <= storyEnd, s.text);
    assert.ok(!s.text.endsWith("U.S."), s.text);
  }
});

test("bad input throws Errors, never traps", () => {
  const bad = [
    () => lede.summarize(null),
    () => lede.summarize("text", { sentences: 0 }),
    () => lede.summarize("text", { colour: "red" }),
    () => lede.summarizePage("not a page"),
    () => lede.summarizePage({ blocks: [{ tag: "p" }] }),
  ];
  for (const call of bad) {
    assert.throws(call, (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && e.message.length > 0);
  }
  const odd = ["", "\u0000", "\ud800 lone surrogate. Another sentence here.", "😀".repeat(10000), "a. ".repeat(20000)];
  for (const text of odd) {
    const r = lede.summarize(text);
    for (const s of r.summary) assert.equal(text.slice(s.start, s.end).length, s.end - s.start);
  }
  assert.equal(lede.summarize("Still alive after all that. Yes it is.").summary.length, 2);
});

// Numbers as f32: the CLI writes a score with f32's shortest digits, JavaScript gets the f64 of
// the same f32.
function sameAsJson(got, want, where = "result") {
  if (typeof want === "number") {
    assert.equal(typeof got, "number", where);
    assert.equal(Math.fround(got), Math.fround(want), where);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), where);
    assert.equal(got.length, want.length, `${where}.length`);
    want.forEach((w, i) => sameAsJson(got[i], w, `${where}[${i}]`));
  } else if (want !== null && typeof want === "object") {
    assert.deepEqual(Object.keys(got), Object.keys(want), `${where} keys`);
    for (const k of Object.keys(want)) sameAsJson(got[k], want[k], `${where}.${k}`);
  } else {
    assert.equal(got, want, where);
  }
}

test("pkg gives the golden fixtures' expected.json (the CLI's --json)", () => {
  const dir = path.join(ROOT, "tests", "fixtures");
  const names = fs.readdirSync(dir).sort();
  assert.ok(names.length >= 4, "fixtures missing");
  for (const name of names) {
    const input = fs.readFileSync(path.join(dir, name, "input.txt"), "utf8");
    const expected = JSON.parse(fs.readFileSync(path.join(dir, name, "expected.json"), "utf8"));
    sameAsJson(lede.summarize(input), expected, name);
  }
});

test("malformed pages throw one Error naming the block and the field", () => {
  const cases = [
    [{ blocks: [{ text: "a" }, { text: "b" }, { text: "c" }, { text: 3 }] }, "blocks[3].text must be a string, got number"],
    [{ blocks: {} }, "blocks must be an array, got object"],
    [{ blocks: [{ text: "a", linkDensity: "0.2" }] }, "blocks[0].linkDensity must be a number, got string"],
    [{ blocks: [{}] }, "blocks[0].text must be a string, got undefined"],
    [{ blocks: [{ text: "a", path: [3, -1] }] }, "blocks[0].path[1] must be an integer from 0 to 4294967295, got -1"],
    [null, "page must be an object { title, url, blocks }, got null"],
  ];
  for (const [page, message] of cases) {
    assert.throws(() => lede.summarizePage(page), (e) => {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
      assert.equal(e.message, message);
      assert.equal(String(e), `Error: ${message}`);
      return true;
    });
  }
  assert.throws(() => lede.summarize("text", { sentences: 1e21 }), {
    message: "option `sentences` must be an integer from 1 to 100, got 1e+21",
  });
  // Optional hints may be null; unknown fields are ignored.
  const r = lede.summarizePage({ blocks: [{ text: "One sentence. Two sentences.", tag: null, noise: null, extra: 1 }] });
  assert.equal(r.scores.length, 2);
});

test("the size budget fails a .wasm over it (scripts/size.mjs, run by make build)", () => {
  const script = path.join(ROOT, "scripts", "size.mjs");
  const wasm = path.join(pkg, "lede_bg.wasm");
  const ok = spawnSync(process.execPath, [script, wasm], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /bytes raw, \d+ gzip, \d+ brotli/);
  const over = spawnSync(process.execPath, [script, wasm], {
    encoding: "utf8",
    env: { ...process.env, LEDE_BUDGET_GZIP: "1000" },
  });
  assert.equal(over.status, 1);
  assert.match(over.stderr, /over the budget of 1000/);
});

// What the process keeps (word-list indexes, the tagger's table, the result's field names) is
// built at an instance's first call; laid among that story's buffers, it split the free memory a
// second call of the same size needed, and geometric growth (src/grow.rs) took another quarter:
// 1 MB of cnndm-dev three times grew 16.1, 26.4, 26.4 MiB (src/wasm_api.rs first_call).
test("summarize the same 1 MB three times in a fresh instance: memory grows only at the first", async () => {
  const file = path.join(ROOT, "..", "shared", "data", "cnndm", "cnndm-dev.jsonl");
  assert.ok(fs.existsSync(file), `${file} is missing: this check needs the shared data beside the checkout`);
  const articles = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).article);
  let text = "";
  for (let i = 0; text.length < 1e6; i++) text += articles[i % articles.length] + "\n\n";
  const fresh = await import(`${path.join(pkg, "lede.js")}?fresh`);
  const exports = fresh.initSync({ module: fs.readFileSync(path.join(pkg, "lede_bg.wasm")) });
  const sizes = [];
  for (let i = 0; i < 3; i++) {
    fresh.summarize(text);
    sizes.push(exports.memory.buffer.byteLength);
  }
  assert.deepEqual(sizes, [sizes[0], sizes[0], sizes[0]], `memory after each call: ${sizes.join(", ")} bytes`);
});
