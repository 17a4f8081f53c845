// The browser extension, loaded unpacked in headless Chromium (run `make extension` first).
//
// activeTab only grants access after a user gesture. The tests make that gesture the way the
// toolbar button does: the DevTools protocol's Extensions.triggerAction clicks the action on a
// tab, which runs summarizeTab(tabId) in the service worker. Once granted, they also call
// globalThis.summarizeTab / summarizeSelection in the service worker directly.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT, artifact, clickExtensionAction, extensionTabId, launchExtension } from "./browser.mjs";

const EXTENSION = path.join(ROOT, "www", "extension");

// ---- Test pages --------------------------------------------------------------------------

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NAV = `<header class="site-header"><a href="/">The Harbour Herald</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>`;
const TRENDING = `<aside class="trending"><h2>Trending</h2><ol>
  <li><a href="/a">Ten gadgets you need this winter</a></li><li><a href="/b">Football club sacks coach after defeat</a></li>
  <li><a href="/c">Celebrity chef opens new restaurant downtown</a></li></ol></aside>`;
const FOOTER = `<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
  <li><a href="/contact">Contact</a></li></ul><p>© 2026 The Harbour Herald. All rights reserved.</p></footer>`;

// Irregular whitespace, inline elements, a <br> and an emoji: the offsets must still land.
const ARTICLE = `<article>
  <h1>Rotterdam port reopens after two-day storm closure</h1>
  <p class="byline">By Anna Kowalski, Rotterdam</p>
  <p>The <a href="/port">Port of Rotterdam</a> reopened to shipping on Tuesday after a two-day closure
     caused by Storm Edda, harbour master Ingrid de Vries said, as hundreds of vessels
     waited at anchor in the North Sea.</p>
  <p>De Vries told reporters that tugboat crews had worked    through the night to clear debris from the main
     channel, and that container terminals would run <em>around the clock</em> to reduce the backlog.</p>
  <p>The European Commission said it was monitoring supply chains closely. Transport commissioner
     Luis Moreno called the closure "a reminder of how exposed European trade routes are to extreme weather".</p>
  <p>Shipping company Maersk said delays of up to four days were expected for cargo bound for Germany and
     Poland, while rail operators added extra freight trains from Rotterdam to Duisburg.</p>
  <ul>
    <li>Wind gusts reached 140 kilometres an hour at Hook of Holland.</li>
    <li>More than 40 flights were cancelled at Schiphol airport.</li>
  </ul>
  <p>Residents shared photos of flooded quays 🌊 on social media,<br>and the city of Rotterdam opened three
     emergency shelters for people whose homes lost power.</p>
  <p>Insurers estimated the damage from the storm across the Netherlands at more than 300 million euros.
     De Vries said the port would review its storm procedures with the Dutch government before the winter.</p>
</article>`;

// Where collect.js's rules and a re-walk of each element would disagree: a <div> whose loose
// text is two blocks (two inline runs around a nested <p>), and a <video>'s fallback text inside
// an inline element of a paragraph (not collected, so not in the sentence around it).
const MIXED = `<article>
  <h1>Dordrecht harbour bridge to reopen in May after repairs</h1>
  <div class="story">The city council of Dordrecht voted on Monday to reopen the old harbour bridge in May,
     after repairs costing 12 million euros.
    <p>Engineers found corrosion in two of the bridge's steel supports during an inspection last spring.</p>
    Council member Pieter Jansen said the repairs had finished ahead of schedule and under budget.</div>
  <p>Mayor Wouter Kolff told reporters <span class="clip"><video muted>Your browser cannot play this video.</video></span>
     that the bridge would carry cyclists and buses first.</p>
  <p>Shop owners near the bridge said the closure had cost them customers for more than a year.</p>
</article>`;

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body { font: 17px/1.6 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
nav ul, footer ul { display: flex; gap: 1rem; list-style: none; padding: 0; } aside { color: #555; }
lede-panel, .panel, ol, li, h2 { color: red !important; font-family: cursive !important; }</style></head>
<body>${body}</body></html>`;

const HOSTILE_TEXT = [
  'Hackers <img src=x onerror="window.__pwned=1"> struck the city council website on Monday, officials in Leeds said.',
  "The <script>window.__pwned=2</script> attack defaced the front page of the council website for an hour before engineers fixed it.",
  "Police in Leeds said they were investigating the attack on the council website and had no suspects yet.",
  "Council leader James Whitfield said no personal data had been taken and that the website was safe to use again.",
];

const NO_ARTICLE = `${NAV}<main><ul><li><a href="/1">Markets</a></li><li><a href="/2">Weather</a></li>
  <li><a href="/3">Crosswords</a></li></ul></main>${FOOTER}`;

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

const PAGES = {
  "/article": { html: page("Rotterdam port reopens | The Harbour Herald", NAV + ARTICLE + TRENDING + FOOTER) },
  "/strict": { html: page("Rotterdam port reopens (strict CSP)", NAV + ARTICLE + FOOTER), csp: STRICT_CSP },
  "/hostile": {
    html: page("Council website attacked", `${NAV}<article><h1>Council website attacked</h1>${HOSTILE_TEXT.map((t) => `<p>${esc(t)}</p>`).join("\n")}</article>${FOOTER}`),
  },
  "/empty": { html: page("Front page", NO_ARTICLE) },
  "/mixed": { html: page("Dordrecht bridge to reopen | The Harbour Herald", NAV + MIXED + FOOTER) },
};

function servePages() {
  const server = http.createServer((req, res) => {
    const entry = PAGES[new URL(req.url, "http://localhost").pathname];
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (entry.csp) headers["content-security-policy"] = entry.csp;
    res.writeHead(200, headers).end(entry.html);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

// ---- Harness -----------------------------------------------------------------------------

let server, browser, worker, extensionId, cdp;
const pageErrors = [];

before(async () => {
  if (!fs.existsSync(path.join(EXTENSION, "pkg", "lede_bg.wasm"))) {
    throw new Error("www/extension/pkg/ is missing: run `make extension` first");
  }
  server = await servePages();
  ({ browser, worker, extensionId, cdp } = await launchExtension(EXTENSION));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname) {
  const tab = await browser.context.newPage();
  tab.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  await tab.goto(server.url + pathname);
  return tab;
}

/** Clicks the toolbar button on `tab` (a user gesture: grants activeTab) and waits for the panel. */
function clickAction(tab) {
  return clickExtensionAction({ worker, cdp, extensionId }, tab,
    () => document.querySelector("lede-panel")?.shadowRoot?.querySelector(".panel"));
}

/** The extension's id for `tab`. */
const tabIdOf = (tab) => extensionTabId(worker, tab);

/** What the panel shows, read from its open shadow root. */
function readPanel(tab) {
  return tab.evaluate(() => {
    const panels = document.querySelectorAll("lede-panel");
    const root = panels[panels.length - 1]?.shadowRoot;
    if (!root) return null;
    const text = (sel) => root.querySelector(sel)?.textContent ?? null;
    const all = (sel, scope = root) => [...scope.querySelectorAll(sel)].map((n) => n.textContent);
    return {
      count: panels.length,
      brand: text(".brand"),
      title: text("h2"),
      meta: text(".meta"),
      summary: all(".summary li"),
      entities: Object.fromEntries([...root.querySelectorAll(".group")].map((g) => [g.dataset.kind, all(".name", g)])),
      keywords: all(".keywords li"),
      reason: text(".reason"),
      error: text(".error"),
      toggle: root.querySelector(".toggle")?.hidden === false,
      markup: root.querySelectorAll("img, script, iframe").length,
    };
  });
}

/** The text of each range of a registered highlight (whitespace collapsed), or null. */
function highlightTexts(tab, name = "lede-summary") {
  return tab.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...h].map((r) => r.toString().replace(/\s+/g, " ").trim()) : null;
  }, name);
}

// ---- Tests -------------------------------------------------------------------------------

let article; // the /article tab, shared by the tests that follow the first
let bodyBefore;

test("the toolbar button summarizes the article into the in-page panel", async () => {
  article = await open("/article");
  bodyBefore = await article.evaluate(() => document.body.innerHTML);
  await clickAction(article);
  const panel = await readPanel(article);
  assert.equal(panel.title, "Rotterdam port reopens after two-day storm closure");
  assert.match(panel.meta, /^\d+ min read · \d+ words · en$/);
  assert.equal(panel.summary.length, 3, panel.summary.join("\n"));
  assert.ok(panel.summary[0].startsWith("The Port of Rotterdam reopened to shipping on Tuesday"), panel.summary[0]);
  for (const s of panel.summary) assert.doesNotMatch(s, /Trending|gadgets|Privacy policy|All rights reserved/);
  // Grouped by kind, in a fixed order; which kind each name gets is the core's business.
  const kinds = Object.keys(panel.entities);
  assert.deepEqual(kinds, ["person", "organization", "place", "other"].filter((k) => kinds.includes(k)));
  assert.ok(panel.entities.person?.includes("Ingrid de Vries"), JSON.stringify(panel.entities));
  const names = Object.values(panel.entities).flat();
  for (const name of ["European Commission", "Maersk"]) assert.ok(names.includes(name), `${name}: ${names.join(", ")}`);
  assert.ok(panel.keywords.length > 0);
  assert.equal(panel.reason, null);
  // Every summary sentence is highlighted where it stands in the page, whitespace and all.
  assert.deepEqual(await highlightTexts(article), panel.summary);
  // The page's own DOM is untouched: the panel hangs off <html>, highlights are not nodes.
  assert.equal(await article.evaluate(() => document.body.innerHTML), bodyBefore);
  await article.screenshot({ path: artifact("extension-panel.png") });
});

test("the Highlight toggle removes and restores highlights without touching the page", async () => {
  const toggle = article.getByRole("checkbox", { name: "Highlight" });
  assert.equal(await toggle.isChecked(), true);
  await toggle.uncheck();
  assert.equal(await article.evaluate(() => CSS.highlights.has("lede-summary")), false);
  assert.equal(await article.evaluate(() => document.body.innerHTML), bodyBefore);
  await toggle.check();
  const panel = await readPanel(article);
  assert.deepEqual(await highlightTexts(article), panel.summary);
});

test("clicking a summary sentence scrolls to it and flashes it", async () => {
  const panel = await readPanel(article);
  const last = panel.summary.at(-1);
  await article.evaluate(() => window.scrollTo(0, 0));
  await article.setViewportSize({ width: 1280, height: 360 }); // so the sentence is below the fold
  await article.locator("lede-panel").getByRole("button", { name: last }).click();
  await article.waitForFunction(() => window.scrollY > 0);
  assert.deepEqual(await highlightTexts(article, "lede-flash"), [last]);
  await article.waitForFunction(() => !CSS.highlights.has("lede-flash"), null, { timeout: 5000 });
  await article.setViewportSize({ width: 1280, height: 900 });
});

test("summarizeTab(tabId) in the service worker gives the panel's answer", async () => {
  const tabId = await tabIdOf(article); // activeTab was granted by the click above
  const report = await worker.evaluate((id) => globalThis.summarizeTab(id), tabId);
  assert.equal(report.ok, true, report.error);
  assert.equal(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), "Summarize this page (lede)");
  const panel = await readPanel(article);
  assert.equal(panel.count, 1, "a second run replaces the panel");
  assert.deepEqual(report.summary, panel.summary);
  assert.ok(report.entities.some((e) => e.name === "Maersk"), JSON.stringify(report.entities));
});

test("every sentence maps back onto the page: inline elements, <br>, emoji, list items", async () => {
  await worker.evaluate(() => chrome.storage.local.set({ sentences: 10 }));
  const report = await worker.evaluate((id) => globalThis.summarizeTab(id), await tabIdOf(article));
  await worker.evaluate(() => chrome.storage.local.clear());
  assert.ok(report.summary.length >= 8, report.summary.join("\n"));
  assert.ok(report.summary.some((s) => s.includes("🌊")), "the <br> and emoji paragraph is in the summary");
  // A <br> is a space in the block text but no character in the DOM: compare without spaces.
  const squeeze = (list) => list.map((s) => s.replace(/\s+/g, ""));
  assert.deepEqual(squeeze(await highlightTexts(article)), squeeze(report.summary));
  assert.equal(await article.evaluate(() => document.body.innerHTML), bodyBefore);
});

test("sentences map back exactly as collected: two runs of one element, a <video> inside a paragraph", async () => {
  const tab = await open("/mixed");
  const before = await tab.evaluate(() => document.body.innerHTML);
  await worker.evaluate(() => chrome.storage.local.set({ sentences: 10 }));
  try {
    await clickAction(tab);
  } finally {
    await worker.evaluate(() => chrome.storage.local.clear());
  }
  const panel = await readPanel(tab);
  for (const start of ["The city council of Dordrecht", "Council member Pieter Jansen", "Mayor Wouter Kolff"]) {
    assert.ok(panel.summary.some((s) => s.startsWith(start)), `${start}…: ${panel.summary.join("\n")}`);
  }
  assert.ok(!panel.summary.join(" ").includes("Your browser cannot play"), panel.summary.join("\n"));
  // Each sentence's highlight is exactly that sentence: not a text search, not the whole element,
  // and in two Ranges around the <video> (one Range across it would take its fallback text in).
  const expected = panel.summary.flatMap((s) => (s.startsWith("Mayor Wouter Kolff") ? s.split(/(?<=reporters) /) : [s]));
  assert.equal(expected.length, panel.summary.length + 1);
  assert.deepEqual(await highlightTexts(tab), expected);
  assert.equal(await tab.evaluate(() => document.body.innerHTML), before);
  await tab.close();
});

test("without the reader's gesture the extension cannot read a tab", async () => {
  const tab = await open("/article?no-gesture");
  const tabId = await tabIdOf(tab);
  const report = await worker.evaluate((id) => globalThis.summarizeTab(id), tabId);
  assert.equal(report.ok, false);
  assert.match(report.error, /permission|Cannot access/i);
  assert.equal(await tab.locator("lede-panel").count(), 0);
  // The toolbar button says so.
  const button = await worker.evaluate(async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })], tabId);
  assert.equal(button[0], "!");
  assert.match(button[1], /^lede could not read this page: /);
  await tab.close();
});

test("page text that looks like markup is shown as text and runs nothing", async () => {
  const tab = await open("/hostile");
  await clickAction(tab);
  const panel = await readPanel(tab);
  assert.equal(await tab.evaluate(() => window.__pwned), undefined);
  assert.equal(panel.markup, 0);
  const joined = panel.summary.join(" ");
  assert.ok(joined.includes('<img src=x onerror="window.__pwned=1">') || joined.includes("<script>"), joined);
  assert.deepEqual(await highlightTexts(tab), panel.summary);
  await tab.close();
});

test("a page with a strict CSP (no WebAssembly for it) is summarized", async () => {
  const tab = await open("/strict");
  // The page's CSP forbids WebAssembly in the page and in content scripts...
  const compiled = await tab.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => "compiled", (e) => e.name));
  assert.equal(compiled, "CompileError");
  // ...and lede runs in the service worker, so the panel still comes.
  await clickAction(tab);
  const panel = await readPanel(tab);
  assert.equal(panel.summary.length, 3);
  assert.ok(panel.summary[0].startsWith("The Port of Rotterdam reopened"), panel.summary[0]);
  assert.deepEqual(await highlightTexts(tab), panel.summary);
  await tab.screenshot({ path: artifact("extension-strict-csp.png") });
  await tab.close();
});

test("a page with no article gets an honest message", async () => {
  const tab = await open("/empty");
  await clickAction(tab);
  const panel = await readPanel(tab);
  assert.deepEqual(panel.summary, []);
  assert.match(panel.reason, /^No article found on this page[.:]/);
  assert.equal(panel.toggle, false);
  assert.equal(await tab.evaluate(() => CSS.highlights.has("lede-summary")), false);
  await tab.screenshot({ path: artifact("extension-no-article.png") });
  await tab.close();
});

test("Summarize selection summarizes only the selected text", async () => {
  const text = await article.evaluate(() => {
    const paragraphs = document.querySelectorAll("article p");
    const range = new Range();
    range.setStartBefore(paragraphs[4]);
    range.setEndAfter(paragraphs[6]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  const report = await worker.evaluate(([id, t]) => globalThis.summarizeSelection(id, t), [await tabIdOf(article), text]);
  assert.equal(report.ok, true, report.error);
  const panel = await readPanel(article);
  assert.equal(panel.brand, "lede · selection");
  assert.ok(panel.summary.length > 0);
  for (const s of panel.summary) assert.ok(text.replace(/\s+/g, " ").includes(s), s);
  assert.ok(!panel.summary.some((s) => s.includes("Port of Rotterdam reopened")));
  // Its sentences are found inside the selection and highlighted there too.
  assert.equal(panel.toggle, true);
  const squeeze = (list) => list.map((s) => s.replace(/\s+/g, ""));
  assert.deepEqual(squeeze(await highlightTexts(article)), squeeze(panel.summary));
  await article.evaluate(() => getSelection().removeAllRanges());
});

test("the options page sets the summary length and the highlight", async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector("html[data-ready]");
  await options.getByLabel("Summary length (sentences)").fill("2");
  await options.getByLabel("Summary length (sentences)").dispatchEvent("change");
  await options.getByLabel("Highlight colour").fill("#a0e7ff");
  await options.getByLabel("Highlight summary sentences in the page").uncheck();
  await options.getByText("Saved.").waitFor();
  await options.screenshot({ path: artifact("extension-options.png") });
  assert.deepEqual(await worker.evaluate(() => chrome.storage.local.get(null)), { sentences: 2, highlight: false, color: "#a0e7ff" });

  const report = await worker.evaluate((id) => globalThis.summarizeTab(id), await tabIdOf(article));
  assert.equal(report.summary.length, 2);
  assert.equal(await article.evaluate(() => CSS.highlights.has("lede-summary")), false);
  assert.equal(await article.locator("lede-panel").getByRole("checkbox", { name: "Highlight" }).isChecked(), false);
  const styles = await article.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join("\n"));
  assert.match(styles, /::highlight\(lede-summary\) \{ background-color: rgb\(160, 231, 255\)/);
  await worker.evaluate(() => chrome.storage.local.clear());
  await options.close();
});

test("least privilege: four permissions, no host access, a shortcut", async () => {
  const { manifest, commands } = await worker.evaluate(async () => ({
    manifest: chrome.runtime.getManifest(),
    commands: await chrome.commands.getAll(),
  }));
  assert.deepEqual([...manifest.permissions].sort(), ["activeTab", "contextMenus", "scripting", "storage"]);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, "nothing is injected until the reader asks");
  assert.ok(commands.some((c) => c.name === "summarize-page" && c.shortcut === "Alt+Shift+L"), JSON.stringify(commands));
});

test("no page errors, and no request leaves 127.0.0.1", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(browser.offsite, []);
});
