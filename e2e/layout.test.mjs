// The JavaScript layout, checked on the files themselves (Node, no browser): www/shared/ is what
// the paste page and the extension both use, the extension folder is self-contained (after
// `make extension`), and the modules the extension loads into web pages import nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./browser.mjs";

const WWW = path.join(ROOT, "www");
const SHARED = path.join(WWW, "shared");
const EXTENSION = path.join(WWW, "extension");
const COPIES = [path.join(EXTENSION, "shared"), path.join(EXTENSION, "pkg"), path.join(WWW, "pkg")];

/** Every .js and .mjs file below `dir`, copies made by the build left out. */
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return COPIES.includes(file) ? [] : sources(file);
    return /\.m?js$/.test(entry.name) ? [file] : [];
  });
}

/** The specifiers of a module's static and dynamic imports with a literal string. */
function imports(file) {
  const code = fs.readFileSync(file, "utf8");
  const found = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

const rel = (file) => path.relative(ROOT, file);
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, "manifest.json"), "utf8"));
const inPage = manifest.web_accessible_resources.flatMap((r) => r.resources);

test("the page imports shared modules and nothing from the extension", () => {
  const page = sources(WWW).filter((f) => !f.startsWith(EXTENSION + path.sep) && !f.startsWith(SHARED + path.sep));
  const used = new Set();
  for (const file of page) {
    for (const spec of imports(file)) {
      const target = path.resolve(path.dirname(file), spec);
      assert.ok(!target.startsWith(EXTENSION + path.sep), `${rel(file)} imports ${spec} from the extension`);
      if (target.startsWith(SHARED + path.sep)) used.add(path.basename(target));
    }
  }
  for (const name of ["collect.js", "dom.js", "kinds.js", "lede.js", "reading.js"]) assert.ok(used.has(name), `the page does not use shared/${name}`);
});

test("the extension uses www/shared/ through its own copy and reaches no file outside its folder", () => {
  const copy = path.join(EXTENSION, "shared");
  assert.ok(fs.existsSync(copy), "www/extension/shared/ is missing: run `make extension` first");
  for (const name of fs.readdirSync(SHARED)) {
    assert.equal(fs.readFileSync(path.join(copy, name), "utf8"), fs.readFileSync(path.join(SHARED, name), "utf8"), `www/extension/shared/${name} is stale: run \`make extension\``);
  }
  const used = new Set();
  for (const file of [...sources(EXTENSION), ...sources(copy)]) {
    for (const spec of imports(file)) {
      const target = path.resolve(path.dirname(file), spec);
      assert.ok(target.startsWith(EXTENSION + path.sep), `${rel(file)} imports ${spec}, outside the extension`);
      assert.ok(fs.existsSync(target), `${rel(file)} imports ${spec}, which is missing`);
      if (target.startsWith(copy + path.sep)) used.add(path.basename(target));
    }
  }
  // content.js loads the page side by name (chrome.runtime.getURL), not by import().
  const content = fs.readFileSync(path.join(EXTENSION, "content.js"), "utf8");
  for (const m of content.matchAll(/"shared\/([\w-]+\.js)"/g)) used.add(m[1]);
  for (const name of ["collect.js", "dom.js", "kinds.js", "lede.js", "reading.js"]) assert.ok(used.has(name), `the extension does not use shared/${name}`);
  for (const resource of inPage) assert.ok(fs.existsSync(path.join(EXTENSION, resource)), `web-accessible ${resource} is missing`);
});

test("the extension's zip holds every file of the folder, pkg/ and shared/ included", () => {
  const zip = path.join(ROOT, "dist", "lede-extension.zip");
  assert.ok(fs.existsSync(zip), "dist/lede-extension.zip is missing: run `make extension` first");
  // A zip's central directory lists each entry's name as plain bytes.
  const bytes = fs.readFileSync(zip).toString("latin1");
  const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const names = files(EXTENSION).map((file) => path.relative(EXTENSION, file).split(path.sep).join("/"));
  for (const name of ["manifest.json", "background.js", "pkg/lede_bg.wasm", "shared/lede.js", "shared/collect.js"]) assert.ok(names.includes(name), name);
  for (const name of names) assert.ok(bytes.includes(name), `${name} is not in the zip`);
});

test("modules loaded into web pages import nothing (their imports would resolve to the fixed extension URL)", () => {
  assert.ok(inPage.length > 0);
  for (const resource of inPage.filter((r) => r !== "in-page.js" && r !== "panel.js" && r !== "mapping.js")) {
    assert.deepEqual(imports(path.join(SHARED, path.relative("shared", resource))), [], resource);
  }
  for (const resource of ["in-page.js", "panel.js", "mapping.js"]) assert.deepEqual(imports(path.join(EXTENSION, resource)), [], resource);
});

test("KINDS and el() are defined once in the product and its scripts", () => {
  const all = [...sources(WWW), ...sources(path.join(ROOT, "scripts"))];
  const where = (pattern) => all.filter((file) => pattern.test(fs.readFileSync(file, "utf8"))).map(rel);
  assert.deepEqual(where(/\b(?:const|let|var)\s+KINDS\b/), ["www/shared/kinds.js"]);
  assert.deepEqual(where(/\bfunction\s+el\s*\(|\b(?:const|let|var)\s+el\s*=/), ["www/shared/dom.js"]);
});
