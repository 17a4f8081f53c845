// pkg/lede.d.ts types the API: e2e/types/usage.ts, a TypeScript user's code with the calls
// that must type-check and those that must not (`@ts-expect-error`), passes `tsc --strict`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./browser.mjs";

test("pkg/lede.d.ts types summarize and summarizePage (tsc --strict)", () => {
  const dts = fs.readFileSync(path.join(ROOT, "pkg", "lede.d.ts"), "utf8");
  assert.match(dts, /export function summarize\(text: string, options\?: Options\): Summary;/);
  assert.match(dts, /export function summarizePage\(page: Page, options\?: Options\): PageSummary;/);
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "e2e", "types")], { encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
});
