// The DOM collector (www/shared/collect.js) and summarizePage in headless Chromium, on an
// HTML page built at test time around the seed page's text (../shared/data/seed-page.txt):
// menu in <nav>, a teaser repeating the lead, a dateline, the story in <article>, TRENDING and
// Latest News lists in <aside>, contact details and copyright in <footer>.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, seedPage, serve } from "./browser.mjs";

const TITLE = 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO';
let server, browser, page;

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => { throw e; });
  // An empty page on the server's origin, so that it can import the collector and pkg/.
  await page.route(`${server.url}__blank.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: "<!doctype html><html lang=en><head><title>t</title></head><body></body></html>" }));
  await page.goto(`${server.url}__blank.html`);
  await page.evaluate(async () => {
    const lede = await import("/pkg/lede.js");
    await lede.default({ module_or_path: "/pkg/lede_bg.wasm" });
    globalThis.lede = lede;
    globalThis.collect = await import("/shared/collect.js");
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Cuts the seed page's lines into the parts a news site's template would hold them in. */
function seedParts(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const at = (pred, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && pred(l));
    assert.ok(i >= 0, "seed page layout changed");
    return i;
  };
  const dateline = at((l) => l.includes("| Updated:"));
  const trending = at((l) => l === "TRENDING");
  const latest = at((l) => l === "Latest News");
  const feedback = at((l) => l === "Give Feedback");
  return {
    menu: lines.slice(0, 1),
    teaserTitle: lines[1],
    teaser: lines.slice(2, dateline),
    dateline: lines[dateline],
    title: lines[dateline + 1],
    story: lines.slice(dateline + 2, trending),
    trending: lines.slice(trending, latest),
    latest: lines.slice(latest, feedback),
    footer: lines.slice(feedback),
  };
}

/** Builds the page with DOM calls and textContent only (page text is data, never HTML). */
async function buildSeedPage(parts) {
  await page.evaluate((p) => {
    const el = (tag, attrs = {}, ...children) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      for (const c of children) e.append(typeof c === "string" ? document.createTextNode(c) : c);
      return e;
    };
    const link = (t) => el("a", { href: "#" }, t);
    const list = (items) => el("ul", {}, ...items.map((t) => el("li", {}, link(t))));
    document.title = `${p.title} | Devdiscourse`;
    document.body.replaceChildren(
      el("header", {}, el("nav", {}, list(p.menu))),
      el("main", {},
        el("div", { class: "top-story" }, el("h2", {}, link(p.teaserTitle)), ...p.teaser.map((t) => el("p", {}, t))),
        el("article", {},
          el("p", { class: "dateline" }, p.dateline),
          el("h1", {}, p.title),
          ...p.story.map((t) => el("p", {}, t)))),
      el("aside", {}, el("h3", {}, p.trending[0]), list(p.trending.slice(1))),
      el("aside", { class: "latest" }, el("h3", {}, p.latest[0]),
        ...p.latest.slice(1).map((t) => (t.endsWith("...") ? el("p", {}, t) : el("h4", {}, link(t))))),
      el("footer", {}, ...p.footer.map((t) => el("p", {}, t))),
    );
  }, parts);
}

test("collectBlocks gives one element per block, and the DOM hints", async (t) => {
  const text = seedPage();
  await buildSeedPage(seedParts(text));
  const r = await page.evaluate(() => {
    const { page: p, elements } = collect.collectBlocks(document);
    return {
      title: p.title,
      count: p.blocks.length,
      elements: elements.length,
      same: elements.every((e, i) => e.textContent.replace(/\s+/g, " ").trim() === p.blocks[i].text),
      menu: p.blocks.find((b) => b.text === "Left Menu"),
      story: p.blocks.find((b) => b.text.startsWith("Blinken called for")),
      copyright: p.blocks.find((b) => b.text.startsWith("©")),
    };
  });
  assert.equal(r.title, TITLE);
  assert.equal(r.elements, r.count);
  assert.ok(r.same, "elements[i] holds page.blocks[i]");
  assert.equal(r.menu.noise, true);
  assert.equal(r.menu.list, true);
  assert.equal(r.menu.linkDensity, 1);
  assert.deepEqual([r.story.tag, r.story.noise, r.story.article], ["p", false, true]);
  assert.equal(r.copyright.noise, true);
});

test("summarizePage on the seed page: the title and 3 sentences from the story", async (t) => {
  const text = seedPage();
  const parts = seedParts(text);
  await buildSeedPage(parts);
  const r = await page.evaluate(() => {
    const res = lede.summarizePage(collect.collectPage(document), { sentences: 3 });
    return { ...res, body: res.text.slice(res.stats.bodyStart, res.stats.bodyEnd) };
  });
  assert.equal(r.title, TITLE);
  assert.equal(r.reason, null);
  assert.equal(r.summary.length, 3);
  const story = parts.story.join("\n");
  const texts = r.summary.map((s) => s.text);
  assert.equal(new Set(texts).size, 3, "no repeat");
  for (const s of r.summary) {
    assert.equal(r.text.slice(s.start, s.end), s.text);
    assert.ok(story.includes(s.text), `from the story: ${s.text}`);
    assert.ok(s.start >= r.stats.bodyStart && s.end <= r.stats.bodyEnd);
  }
  assert.ok(r.body.startsWith("The West must engage"), r.body.slice(0, 80));
  assert.ok(r.body.endsWith("syndicated feed.)"), r.body.slice(-80));
});

test("a page with no article answers summary: [] and a reason", async () => {
  await page.evaluate(() => {
    const nav = document.createElement("nav");
    for (const t of ["Home", "World", "Business", "Sport"]) {
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = t;
      nav.append(a);
    }
    document.body.replaceChildren(nav);
  });
  const r = await page.evaluate(() => lede.summarizePage(collect.collectPage(document)));
  assert.deepEqual(r.summary, []);
  assert.match(r.reason, /no article/);
});

test("hidden elements and scripts are not collected", async () => {
  await page.evaluate(() => {
    const p = (t, attrs = {}) => Object.assign(document.createElement("p"), { textContent: t }, attrs);
    const hidden = p("Hidden text that no reader sees.");
    hidden.style.display = "none";
    const script = document.createElement("script");
    script.type = "text/plain";
    script.textContent = "var x = 1;";
    document.body.replaceChildren(p("Visible text that a reader sees on the page."), hidden, script);
  });
  const texts = await page.evaluate(() => collect.collectPage(document).blocks.map((b) => b.text));
  assert.deepEqual(texts, ["Visible text that a reader sees on the page."]);
});

test("sources[i] says which text node each character of block i came from", async () => {
  await page.evaluate(() => {
    const el = (tag, ...children) => {
      const e = document.createElement(tag);
      e.append(...children);
      return e;
    };
    const video = el("video", "Your browser cannot play this video.");
    document.body.replaceChildren(
      // Two inline runs of one <div> around a nested block: two blocks, one element.
      el("div", "  The council met on   Monday. ", el("em", "It voted"), " twice.",
        el("p", "A nested paragraph sits between."),
        "\n Then it  adjourned.", el("br"), el("br"), "  Nobody objected. "),
      // A <video>'s fallback text, inside an inline element: not collected, not in the block.
      el("p", "The mayor spoke ", el("span", video), " about the bridge 🌉 at length."),
    );
  });
  const r = await page.evaluate(() => {
    const { page: p, elements, sources } = collect.collectBlocks(document);
    // Rebuild each block's text from its sources alone: a Text node's character, or the space a
    // <br> collapsed to; a collapsed space must stand on whitespace.
    const rebuilt = p.blocks.map((b, i) => {
      const runs = sources[i];
      let out = "";
      for (let k = 0; k < b.text.length; k++) {
        const run = runs.findLast((x) => x.at <= k);
        if (run.node.nodeName === "BR") out += " ";
        else {
          const c = run.node.data[run.offset + k - run.at];
          out += b.text[k] === " " && /\s/.test(c) ? " " : c;
        }
      }
      return out;
    });
    return {
      texts: p.blocks.map((b) => b.text),
      rebuilt,
      tags: elements.map((e) => e.tagName),
      // Where the block leaves page text out (the <video>), and what each side starts with.
      gaps: sources.map((runs, i) => runs.filter((x) => x.gap).map((x) => p.blocks[i].text.slice(x.at, x.at + 6))),
      serializable: JSON.stringify(p).length > 0 && !("sources" in p),
    };
  });
  assert.deepEqual(r.texts, [
    "The council met on Monday. It voted twice.",
    "A nested paragraph sits between.",
    "Then it adjourned. Nobody objected.",
    "The mayor spoke about the bridge 🌉 at length.",
  ]);
  assert.deepEqual(r.rebuilt, r.texts);
  assert.deepEqual(r.tags, ["DIV", "P", "DIV", "P"]);
  assert.deepEqual(r.gaps, [[], [], [], ["about "]]);
  assert.ok(r.serializable);
});
