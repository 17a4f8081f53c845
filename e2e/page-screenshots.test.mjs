// Screenshots of the paste page in light and dark mode, on a desktop and a 360 px phone,
// saved to artifacts/ (page-<scheme>-<width>.png). Also checks the phone layout never scrolls
// sideways and that both schemes really differ.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, artifact, launch, seedPage, serve } from "./browser.mjs";

// Screenshots need some article: the seed page when the shared data is here, else the sample.
const sample = () => fs.readFileSync(path.join(ROOT, "www", "sample.txt"), "utf8");
const TEXT = fs.existsSync(path.join(ROOT, "..", "shared", "data", "seed-page.txt")) ? seedPage() : sample();
let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const backgrounds = {};
for (const colorScheme of ["light", "dark"]) {
  test(`${colorScheme} mode at 1280 px and 360 px`, async () => {
    const browser = await launch({ colorScheme });
    try {
      const page = await browser.context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e));
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      await page.getByLabel("Article text").fill(TEXT);
      await page.waitForFunction(() => Number(document.body.dataset.runs) > 0 && document.body.dataset.busy === "false");
      await page.evaluate(() => { document.getElementById("article").scrollTop = 0; });
      backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
        await page.waitForFunction(() => document.body.dataset.busy === "false");
        await page.waitForTimeout(150); // the chart redraws at the new width
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width} px`);
        assert.ok(await page.locator("#summary-list li").count() > 0);
        await page.screenshot({ path: artifact(`page-${colorScheme}-${width}.png`), fullPage: true });
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(browser.offsite, []);
    } finally {
      await browser.close();
    }
  });
}

test("dark mode follows prefers-color-scheme", () => {
  assert.ok(backgrounds.light && backgrounds.dark);
  assert.notEqual(backgrounds.light, backgrounds.dark);
});
