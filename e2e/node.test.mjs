// pkg/ used from Node with initSync, as DESIGN.md's public contract shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
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
  if (!text) return t.skip("../shared/data/seed-page.txt is not here");
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
