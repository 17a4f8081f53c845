// The paste page in headless Chromium: typing, length, reading interactions, copy, files,
// safety. Results are read from the DOM the way a reader (or an outside tool) would.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, artifact, launch, seedPage, serve } from "./browser.mjs";

const SAMPLE = fs.readFileSync(path.join(ROOT, "www", "sample.txt"), "utf8");
let server, browser, page;
const errors = [];

before(async () => {
  server = await serve();
  browser = await launch();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  page = await browser.context.newPage();
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(server.url);
  await page.getByRole("button", { name: "Summarize" }).waitFor();
  await page.waitForFunction(() => document.body.dataset.ready === "true");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const medium = page.getByRole("radio", { name: "Medium" });
  if (!(await medium.isChecked())) {
    await medium.check();
    await page.waitForFunction(() => document.body.dataset.busy === "false");
  }
});

const runs = () => page.evaluate(() => Number(document.body.dataset.runs ?? 0));

/**
 * Waits until the page has rendered a result after `before` results, and has nothing left to
 * do (data-busy turns "true" when an input schedules a run, "false" when the newest run is done).
 */
async function settled(before) {
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n && document.body.dataset.busy === "false", before);
}

/** Puts `text` in the box the way a paste does, and waits for its summary. */
async function paste(text) {
  const n = await runs();
  await page.getByLabel("Article text").fill(text);
  await settled(n);
}

const summaryItems = () => page.getByRole("region", { name: "Summary" }).locator("ol > li").allTextContents();

test("paste the seed page: summary, entities, title", async (t) => {
  const text = seedPage();
  await paste(text);
  const items = await summaryItems();
  assert.equal(items.length, 3);
  assert.ok(items[0].startsWith("The West must engage with Russia"), items[0]);
  assert.equal(new Set(items).size, 3);
  const entities = await page.getByRole("region", { name: "Entities" }).locator("li .name").allTextContents();
  assert.ok(entities.includes("Antony Blinken"), entities.join(", "));
  assert.ok(entities.includes("NATO"), entities.join(", "));
  assert.equal(await page.locator("#title").textContent(), 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO');
  await page.screenshot({ path: artifact("paste-page-seed.png"), fullPage: true });
});

test("a real paste over the whole box starts from the clipboard; a paste inside the text summarizes the box", async () => {
  const box = page.getByLabel("Article text");
  const sentences = async () => Number((await page.locator("#status").textContent()).match(/of (\d+) sentences/)?.[1]);
  await paste(SAMPLE);
  const typed = { items: await summaryItems(), sentences: await sentences() };
  await paste("");
  // Windows line breaks on the clipboard: the box holds "\n", and so does what lede reads.
  await page.evaluate((t) => navigator.clipboard.writeText(t), SAMPLE.replace(/\n/g, "\r\n"));
  await box.focus();
  let n = await runs();
  await page.keyboard.press("Control+V");
  await settled(n);
  assert.equal(await box.inputValue(), SAMPLE);
  assert.deepEqual(await summaryItems(), typed.items);
  assert.equal(await sentences(), typed.sentences);
  // A paste at the end of the text is summarized with the text before it, not alone.
  await page.evaluate(() => navigator.clipboard.writeText("\n\nA late paragraph was added to the story. It has two sentences in it."));
  await box.evaluate((a) => a.setSelectionRange(a.value.length, a.value.length));
  n = await runs();
  await page.keyboard.press("Control+V");
  await settled(n);
  assert.ok((await box.inputValue()).startsWith(SAMPLE));
  assert.equal(await sentences(), typed.sentences + 2);
});

test("a paste over the whole box shows its summary before the box takes the text; undo and redo still work", async () => {
  const box = page.getByLabel("Article text");
  const other = seedPage();
  await paste(SAMPLE);
  const before = await summaryItems();
  await page.evaluate((t) => navigator.clipboard.writeText(t), other);
  await box.focus();
  await page.keyboard.press("Control+A");
  // What the box held when the new summary reached the page.
  await page.evaluate(() => {
    new MutationObserver((_, obs) => {
      obs.disconnect();
      window.__boxAtSummary = document.getElementById("article").value;
    }).observe(document.getElementById("summary-list"), { childList: true });
  });
  let n = await runs();
  await page.keyboard.press("Control+V");
  await settled(n);
  assert.equal(await page.evaluate(() => window.__boxAtSummary), SAMPLE);
  assert.equal(await box.inputValue(), other);
  const after = await summaryItems();
  assert.notDeepEqual(after, before);
  n = await runs();
  await page.keyboard.press("Control+Z");
  await settled(n);
  assert.equal(await box.inputValue(), SAMPLE);
  assert.deepEqual(await summaryItems(), before);
  n = await runs();
  await page.keyboard.press("Control+Shift+Z");
  await settled(n);
  assert.equal(await box.inputValue(), other);
  assert.deepEqual(await summaryItems(), after);
  // Typing ends the page's part: the box's own undo takes the typing back.
  n = await runs();
  await page.keyboard.type("!");
  await settled(n);
  assert.equal(await box.inputValue(), other + "!");
  n = await runs();
  await page.keyboard.press("Control+Z");
  await settled(n);
  assert.equal(await box.inputValue(), other);
});

test("typing updates the summary without pressing a button", async () => {
  await paste("");
  assert.equal((await summaryItems()).length, 0);
  const box = page.getByLabel("Article text");
  await box.focus();
  const n = await runs();
  await box.pressSequentially("The city council approved a new budget on Monday after a long debate. ", { delay: 0 });
  await box.pressSequentially("Mayor Ana Torres said the plan would fund two new libraries and repair old bridges.", { delay: 0 });
  await settled(n);
  const summaryHas = (words) => page.waitForFunction((w) => document.getElementById("summary-list").textContent.includes(w), words);
  await summaryHas("old bridges.");
  assert.ok((await summaryItems()).length >= 1, "a summary appears while typing");
  // More typing changes it again: a new sentence naming someone else.
  await box.pressSequentially(" Critics led by Paul Becker said the libraries were not needed.", { delay: 0 });
  await summaryHas("Paul Becker said the libraries were not needed.");
  const items = await summaryItems();
  assert.ok(items.some((s) => s.includes("Paul Becker")), items.join(" | "));
  assert.equal(await page.getByRole("button", { name: "Summarize" }).isEnabled(), true);
  const stats = await page.locator("#stats").textContent();
  assert.match(stats, /Article.*min read.*Summary.*s read/, stats);
});

test("the length control changes the number of sentences", async () => {
  await paste(SAMPLE);
  assert.equal((await summaryItems()).length, 3);
  assert.equal(await page.getByRole("slider", { name: "Sentences" }).inputValue(), "3");

  let n = await runs();
  await page.getByRole("slider", { name: "Sentences" }).fill("5");
  await settled(n);
  assert.equal((await summaryItems()).length, 5);
  assert.equal(await page.getByRole("radio", { name: "Medium" }).isChecked(), false);

  n = await runs();
  await page.getByRole("radio", { name: "Short" }).check();
  await settled(n);
  assert.equal((await summaryItems()).length, 1);
  assert.equal(await page.getByRole("slider", { name: "Sentences" }).inputValue(), "1");

  n = await runs();
  await page.getByRole("radio", { name: "Long" }).check();
  await settled(n);
  assert.equal((await summaryItems()).length, 6);
  // The original highlights exactly the summary sentences, in order, with the same text.
  const marks = await page.locator("#original mark.pick").allTextContents();
  assert.deepEqual(marks, await summaryItems());
});

test("clicking a summary sentence scrolls the original to it", async () => {
  await page.setViewportSize({ width: 1280, height: 520 });
  await paste(SAMPLE);
  let n = await runs();
  await page.getByRole("radio", { name: "Long" }).check();
  await settled(n);
  const original = page.locator("#original");
  await original.evaluate((el) => { el.scrollTop = 0; });
  const last = page.locator("#summary-list li a").last();
  const target = page.locator("#original mark.pick").last();
  assert.equal(await target.isVisible(), true);
  const inView = () => target.evaluate((mark) => {
    const box = mark.getBoundingClientRect();
    const view = document.getElementById("original").getBoundingClientRect();
    return box.top >= view.top - 1 && box.top < view.bottom && box.top >= 0 && box.top < innerHeight;
  });
  assert.equal(await inView(), false, "the last summary sentence starts out of view");
  await last.click();
  await page.waitForFunction(() => document.getElementById("original").scrollTop > 0);
  await page.waitForFunction(() => {
    const mark = [...document.querySelectorAll("#original mark.pick")].at(-1);
    const box = mark.getBoundingClientRect();
    const view = document.getElementById("original").getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  });
  assert.equal(await target.evaluate((mark) => document.activeElement === mark && mark.classList.contains("current")), true);
  // "Why this sentence?" now explains that sentence.
  const count = (await summaryItems()).length;
  assert.match(await page.locator("#why-body .why-lead").textContent(), new RegExp(`^${count}\\. Sentence \\d+ of \\d+`));
  assert.equal(await page.locator("#why-body .feature").count() >= 4, true);
});

test("on a 360 px phone, a summary sentence still jumps to the original", async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await paste(SAMPLE);
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator("#summary-list li a").nth(2).click();
  await page.waitForFunction(() => {
    const r = document.getElementById("pick-2").getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight && scrollY > 0;
  });
});

test("in a long text, stepping through an entity's mentions brings each into view", async () => {
  const towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elm", "Fairview", "Glen", "Harbor"];
  const paragraphs = [];
  for (let i = 0; i < 120; i++) {
    const town = towns[i % towns.length];
    paragraphs.push(`On day ${i + 1} of the tour, Mayor Ana Torres visited ${town} district and met ${3 + (i % 7)} shop owners about parking. ` +
      `Residents of ${town} asked for ${i % 2 ? "more buses" : "safer crossings"} near the school, and the mayor promised an answer within ${2 + (i % 5)} weeks.`);
  }
  await paste(SAMPLE + "\n\n" + paragraphs.join("\n\n"));
  assert.ok(await page.locator("#original .chunk").count() > 3, "a long text is cut into chunks");
  const chip = page.locator("#entity-groups button.entity").filter({ hasText: "Ana Torres" });
  const mentions = await page.locator("#original .mention[data-entity]").evaluateAll((spans, name) =>
    spans.filter((s) => s.textContent.includes("Torres")).length, "Ana Torres");
  assert.ok(mentions > 50, `${mentions} mentions`);
  await chip.evaluate((c, n) => { c.dataset.step = String(n); }, mentions - 2); // the next click shows the last
  await chip.click();
  await page.waitForFunction(() => {
    const lit = [...document.querySelectorAll("#original .mention.lit")].at(-1);
    const r = lit.getBoundingClientRect();
    const v = document.getElementById("original").getBoundingClientRect();
    return r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
  });
  assert.match(await page.locator("#status").textContent(), /mention \d+ of \d+/);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#original .mention.lit").count(), 0);
});

test("keyboard: Enter on a summary sentence moves focus to it in the original", async () => {
  await paste(SAMPLE);
  await page.locator("#summary-list li a").nth(1).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "pick-1");
  // Focus order from the box: length presets, slider, then the buttons.
  await page.getByLabel("Article text").focus();
  const order = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.deepEqual(order, ["len-medium", "sentences", "file", "sample"]);
});

test("hovering or focusing an entity highlights its mentions", async () => {
  await paste(SAMPLE);
  const chip = page.locator("#entity-groups button.entity").first();
  const name = await chip.locator(".name").textContent();
  const mentions = Number((await chip.locator(".count").textContent()).match(/\d+/)[0]);
  assert.ok(mentions >= 2, `${name}: ${mentions}`);
  assert.equal(await page.locator("#original .mention.lit").count(), 0);
  await chip.hover();
  const lit = page.locator("#original .mention.lit");
  assert.equal(await lit.count(), mentions);
  const aliases = ((await chip.getAttribute("title")) ?? "").replace(/^Also written: /, "").split(", ").filter(Boolean);
  for (const text of await lit.allTextContents()) assert.ok([name, ...aliases].includes(text), `${text} is ${name}`);
  await page.mouse.move(2, 2);
  assert.equal(await lit.count(), 0);
  await chip.focus();
  assert.equal(await lit.count(), mentions);
  await page.getByLabel("Article text").focus();
  assert.equal(await lit.count(), 0);
});

test("the chart plots every sentence's score and marks the summary; Why ranks among them all", async () => {
  await paste(SAMPLE);
  const chart = page.locator("#chart svg");
  assert.equal(await chart.locator("g.point.chosen").count(), 3);
  const points = await chart.locator("g.point").count();
  const lead = await page.locator("#why-body .why-lead").textContent();
  const [, sentences, rank, of] = lead.match(/of (\d+) · score [\d.-]+ · ranked (\d+)\w\w of (\d+)/).map(Number);
  assert.equal(points, sentences, "one point for every sentence");
  assert.equal(of, sentences);
  assert.ok(rank >= 1 && rank <= sentences, lead);
  assert.match(await page.locator("#chart-note").textContent(), new RegExp(`^All ${points} sentences\\.`));
});

test("a long article's chart stays a few hundred stems: each the best of its bin, every summary badge", async () => {
  // renderChart on a made-up result of 1000 sentences, in the page (the renderer is a module).
  const n = 1000;
  const scores = Array.from({ length: n }, (_, i) => ({ start: i * 10, end: i * 10 + 9, score: ((i * 7919) % 1000) / 1000 }));
  const summary = [5, 500, 990].map((i) => ({ index: i, start: i * 10, end: i * 10 + 9, score: scores[i].score, text: "" }));
  const drawn = await page.evaluate(async (result) => {
    const { renderChart } = await import("/render.js");
    const dom = { chartSection: document.createElement("section"), chart: document.createElement("div"), chartNote: document.createElement("p") };
    renderChart(dom, result);
    return {
      stems: [...dom.chart.querySelectorAll("g.point:not(.chosen) title")].map((t) => t.textContent),
      badges: [...dom.chart.querySelectorAll("g.point.chosen")].map((g) => g.dataset.n),
      note: dom.chartNote.textContent,
    };
  }, { summary, scores });
  const per = 4; // ceil(1000 / 300)
  assert.equal(drawn.stems.length, n / per);
  assert.deepEqual(drawn.badges, ["0", "1", "2"]);
  assert.match(drawn.note, /^All 1000 sentences, each stem the best of 4 neighbours\./);
  // Every bin's stem is its best sentence that is not in the summary.
  const picked = new Set(summary.map((s) => s.index));
  for (const [b, title] of drawn.stems.entries()) {
    let best = -1;
    for (let i = b * per; i < (b + 1) * per; i++) if (!picked.has(i) && (best < 0 || scores[i].score > scores[best].score)) best = i;
    assert.equal(title, `Sentences ${b * per + 1}–${b * per + per}: best score ${scores[best].score.toFixed(2)} (sentence ${best + 1})`);
  }
});

/** The Markdown the page should copy, rebuilt from what it shows. */
function markdownOf({ title, items, groups, keywords }) {
  const esc = (s) => s.replace(/\s+/g, " ").trim().replace(/[\\`*_{}[\]<>|~]/g, "\\$&").replace(/^([#+-])(?=\s)/, "\\$1").replace(/^(\d+)([.)])(?=\s)/, "$1\\$2");
  const out = [];
  if (title) out.push(`## ${esc(title)}`, "");
  items.forEach((s, i) => out.push(`${i + 1}. ${esc(s)}`));
  if (groups.length) out.push("", ...groups.map(([label, names]) => `**${label}:** ${names.map(esc).join(", ")}  `));
  if (keywords.length) out.push(`**Keywords:** ${keywords.map(esc).join(", ")}`);
  return out.join("\n").replace(/ {2}$/, "") + "\n";
}

test("copy puts the summary on the clipboard as Markdown and as plain text", async () => {
  await paste(SAMPLE + "\nThe mayor's *emergency* plan <b>[draft]</b> was not discussed, officials said on Tuesday.");
  const shown = await page.evaluate(() => ({
    title: document.getElementById("title").hidden ? null : document.getElementById("title").textContent,
    items: [...document.querySelectorAll("#summary-list li")].map((li) => li.textContent),
    groups: [...document.querySelectorAll("#entity-groups .entity-group")].map((g) => [g.querySelector("h3").textContent, [...g.querySelectorAll(".name")].map((n) => n.textContent)]),
    keywords: [...document.querySelectorAll("#keyword-list li")].map((li) => li.textContent),
  }));
  assert.ok(shown.title, "the sample has a headline");
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.waitForFunction(() => /Copied the summary as Markdown/.test(document.getElementById("status").textContent));
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(markdown, markdownOf(shown));
  assert.ok(markdown.startsWith(`## Night trains return to the Alps`), markdown);
  assert.match(markdown, /^1\. /m);

  await page.getByRole("button", { name: "Copy text" }).click();
  await page.waitForFunction(() => /Copied the summary as plain text/.test(document.getElementById("status").textContent));
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(plain.startsWith(`${shown.title}\n\n1. ${shown.items[0]}\n`), plain);
  assert.ok(!plain.includes("\\"), "plain text is not escaped");
});

test("Markdown escapes markup from the page", async () => {
  await paste("Rioters <img src=x onerror=alert(1)> smashed *every* window at City Hall on Monday night, police said.\n\n" +
    "The mayor promised to repair the damage within a week and to hire more guards.");
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.waitForFunction(() => /Copied the summary as Markdown/.test(document.getElementById("status").textContent));
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.includes("\\<img src=x onerror=alert(1)\\>"), markdown);
  assert.ok(markdown.includes("\\*every\\*"), markdown);
});

test("page text is rendered as text, never run", async () => {
  const hostile = 'Hackers <img src=x onerror="window.__pwned=1"> struck the city council website on Monday, officials said. ' +
    'The <script>window.__pwned=2</script> attack defaced the front page for an hour before it was fixed. ' +
    'Police said they were investigating the attack and had no suspects yet.';
  await paste(hostile);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("main img, main script").count(), 0);
  const first = await page.locator("#summary-list li").first().textContent();
  assert.ok(first.includes('<img src=x onerror="window.__pwned=1">'), first);
  assert.ok((await page.locator("#original").textContent()).includes("<script>window.__pwned=2</script>"));
});

test("a text with no article shows why, not a crash", async () => {
  await paste("Home\nNews\nSport");
  assert.equal(await page.locator("#summary-list li").count(), 0);
  assert.match(await page.locator("#reason").textContent(), /no article/);
});

/** Drops a file on the text box the way a file manager would. */
async function dropFile(name, type, content) {
  const n = await runs();
  await page.evaluate(({ name, type, content }) => {
    const data = new DataTransfer();
    data.items.add(new File([content], name, { type }));
    const target = document.getElementById("article");
    for (const kind of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, type, content });
  await settled(n);
}

test("dropping an .html file summarizes the story, not the menus, and runs none of it", async () => {
  const paragraphs = SAMPLE.split(/\n\n/).slice(1).map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n");
  const html = `<!doctype html><html><head><title>Night trains | Example News</title>
    <script>window.__pwned = 3</script></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <article><h1>${SAMPLE.split("\n")[0]}</h1>${paragraphs}
    <img src="x" onerror="window.__pwned = 4"></article>
    <footer><p>Subscribe to our newsletter for the best stories every morning, delivered free to your inbox.</p></footer>
    </body></html>`;
  await dropFile("night-trains.html", "text/html", html);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const items = await summaryItems();
  assert.equal(items.length, 3);
  assert.ok(items[0].includes("Overnight passenger trains"), items[0]);
  assert.ok(!items.join(" ").includes("newsletter"));
  assert.match(await page.locator("#status").textContent(), /from night-trains\.html/);
  assert.deepEqual(await page.locator("#original mark.pick").allTextContents(), items);
});

test("dropping a .txt file summarizes it", async () => {
  await dropFile("article.txt", "text/plain", SAMPLE);
  assert.equal(await page.getByLabel("Article text").inputValue(), SAMPLE);
  assert.equal((await summaryItems()).length, 3);
});

test("Open file… reads a chosen file like a dropped one", async () => {
  await paste("");
  const n = await runs();
  await page.getByLabel("Open file…").setInputFiles({ name: "story.txt", mimeType: "text/plain", buffer: Buffer.from(SAMPLE) });
  await settled(n);
  assert.equal((await summaryItems()).length, 3);
  const m = await runs();
  await page.getByLabel("Open file…").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([137, 80, 78, 71]) });
  await page.waitForFunction(() => !document.getElementById("error").hidden);
  assert.match(await page.locator("#error").textContent(), /photo\.png/);
  assert.equal(await runs(), m, "an unreadable file changes nothing");
  assert.equal((await summaryItems()).length, 3);
});

test("no page errors, and no request leaves 127.0.0.1", () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(browser.offsite, []);
});
