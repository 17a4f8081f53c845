// The paste page in headless Chromium: paste, click, read the summary and entities from the DOM.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { artifact, launch, seedPage, serve } from "./browser.mjs";

let server, browser, page;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Summarize" }).waitFor();
  await page.waitForFunction(() => !document.getElementById("summarize").disabled);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function summarizeText(text) {
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Summarize" }).click();
  await page.waitForFunction(() => /Summarized/.test(document.getElementById("status").textContent));
}

test("paste the seed page, click, read summary and entities", async (t) => {
  const text = seedPage();
  if (!text) return t.skip("../shared/data/seed-page.txt is not here");
  await summarizeText(text);
  const summary = page.getByRole("region", { name: "Summary" });
  const items = await summary.locator("ol > li").allTextContents();
  assert.equal(items.length, 3);
  assert.ok(items[0].startsWith("The West must engage with Russia"), items[0]);
  assert.equal(new Set(items).size, 3);
  const entities = await page.getByRole("region", { name: "Entities" }).locator("li .name").allTextContents();
  assert.ok(entities.includes("Antony Blinken"), entities.join(", "));
  assert.ok(entities.includes("NATO"), entities.join(", "));
  assert.equal(await page.locator("#title").textContent(), 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO');
  await page.screenshot({ path: artifact("paste-page-seed.png"), fullPage: true });
});

test("page text is rendered as text, never run", async () => {
  const hostile = 'Hackers <img src=x onerror="window.__pwned=1"> struck the city council website on Monday, officials said. ' +
    'The <script>window.__pwned=2</script> attack defaced the front page for an hour before it was fixed. ' +
    'Police said they were investigating the attack and had no suspects yet.';
  await summarizeText(hostile);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#summary-list img, #summary-list script").count(), 0);
  const first = await page.locator("#summary-list li").first().textContent();
  assert.ok(first.includes('<img src=x onerror="window.__pwned=1">'), first);
});

test("a bad input shows a message, not a crash", async () => {
  await summarizeText("Home\nNews\nSport");
  assert.equal(await page.locator("#summary-list li").count(), 0);
  assert.match(await page.locator("#reason").textContent(), /no article/);
});

test("no request leaves 127.0.0.1", () => {
  assert.deepEqual(browser.offsite, []);
});
