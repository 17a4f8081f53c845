// examples/extension/, the minimal extension of the README's "Use lede in your own extension",
// loaded unpacked in headless Chromium (run `make extension` first, which copies pkg/ and the
// collector into it). It must give a real summary on a page whose CSP forbids WebAssembly, the
// same summary lede gives in Node for that text; and the limit it works around is measured:
// WebAssembly in a content script compiles on a page without a CSP and fails under
// `script-src 'self'`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT, artifact, clickExtensionAction, extensionTabId, launchExtension } from "./browser.mjs";

const EXAMPLE = path.join(ROOT, "examples", "extension");
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The paste page's sample article as a news page: a menu, the story in <article>, a footer.
const [headline, ...paragraphs] = fs.readFileSync(path.join(ROOT, "www", "sample.txt"), "utf8").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(headline)} | The Daily Rail</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/travel">Travel</a></li></ul></nav>
<article><h1>${esc(headline)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}</article>
<footer><p>© 2026 The Daily Rail. All rights reserved.</p></footer></body></html>`;
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const CSPS = { "/open": null, "/strict": STRICT_CSP };

let server, ext;
const pageErrors = [];

before(async () => {
  for (const file of ["pkg/lede.js", "pkg/lede_bg.wasm", "collect.js"]) {
    if (!fs.existsSync(path.join(EXAMPLE, file))) throw new Error(`examples/extension/${file} is missing: run \`make extension\` first`);
  }
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url, "http://localhost").pathname;
    if (!(pathname in CSPS)) return res.writeHead(404).end();
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (CSPS[pathname]) headers["content-security-policy"] = CSPS[pathname];
    res.writeHead(200, headers).end(HTML);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  ext = await launchExtension(EXAMPLE);
});

after(async () => {
  await ext?.browser.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
});

const tabs = {};
async function open(pathname) {
  const tab = await ext.browser.context.newPage();
  tab.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  await tab.goto(`http://127.0.0.1:${server.address().port}${pathname}`);
  tabs[pathname] = tab;
  return tab;
}

/** Clicks the example's button on `tab` and reads the box its content script adds. */
async function summarizeWithExample(tab) {
  await clickExtensionAction(ext, tab, () => document.querySelector("#lede-example li, #lede-example h2:not(:empty)"));
  return tab.evaluate(() => ({
    heading: document.querySelector("#lede-example h2").textContent,
    summary: [...document.querySelectorAll("#lede-example li")].map((li) => li.textContent),
  }));
}

/** What lede itself says about the article's text, in Node with the same pkg/. */
async function expected() {
  const lede = await import(path.join(EXAMPLE, "pkg", "lede.js"));
  lede.initSync({ module: fs.readFileSync(path.join(EXAMPLE, "pkg", "lede_bg.wasm")) });
  const result = lede.summarize([headline, ...paragraphs].join("\n\n"), { sentences: 3 });
  return { heading: result.title, summary: result.summary.map((s) => s.text) };
}

test("the example summarizes a page whose CSP forbids WebAssembly: the summary lede gives in Node", async () => {
  const want = await expected();
  assert.equal(want.summary.length, 3);
  assert.equal(want.heading, headline);
  const tab = await open("/strict");
  const shown = await summarizeWithExample(tab);
  assert.deepEqual(shown, want);
  await tab.locator("#lede-example").screenshot({ path: artifact("example-extension-strict-csp.png") });
});

test("and the same summary on a page without a CSP", async () => {
  assert.deepEqual(await summarizeWithExample(await open("/open")), await expected());
});

test("WebAssembly in a content script compiles without a page CSP and fails under script-src 'self'", async () => {
  // lede's own bytes, compiled in the content scripts' isolated world of each tab (the world
  // where a content script would run `await init()` of pkg/lede.js).
  const outcome = {};
  for (const pathname of ["/open", "/strict"]) {
    const tabId = await extensionTabId(ext.worker, tabs[pathname]); // activeTab: granted by the clicks above
    outcome[pathname] = await ext.worker.evaluate(async (id) => {
      const bytes = new Uint8Array(await (await fetch(chrome.runtime.getURL("pkg/lede_bg.wasm"))).arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id },
        world: "ISOLATED",
        args: [btoa(binary)],
        func: async (base64) => {
          const violations = [];
          document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
          let result;
          try {
            const module = await WebAssembly.compile(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
            result = `compiled: ${WebAssembly.Module.exports(module).length} exports`;
          } catch (e) {
            result = `${e.name}: ${e.message}`;
          }
          await new Promise((resolve) => setTimeout(resolve, 200)); // the violation event is a task of its own
          return { result, violations };
        },
      });
      return frame.result;
    }, tabId);
  }
  assert.match(outcome["/open"].result, /^compiled: [1-9]\d* exports$/);
  assert.deepEqual(outcome["/open"].violations, []);
  // The error says little; the page's CSP violation event says why.
  assert.match(outcome["/strict"].result, /^CompileError: WebAssembly\.compile\(\)/);
  assert.deepEqual(outcome["/strict"].violations, ["script-src wasm-eval"]);
});

test("no page errors, and no request leaves 127.0.0.1", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(ext.browser.offsite, []);
});
