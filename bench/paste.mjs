// make bench: how long a 1 MB paste takes to show its summary on the paste page, in headless
// Chromium (the real page, worker and WebAssembly). Prints numbers; asserts nothing.
// Usage: node bench/paste.mjs [data dir] [--mb 1] [--rounds 3]
//
// On Linux it also prints the CPU time of the page's threads during each round (from
// /proc/<pid>/task/<tid>/stat, 10 ms ticks): the worker thread that runs lede, and the page's main
// thread. On a loaded machine the wall times above measure the scheduler as much as lede (at load
// 6 on 2 cores the worker got a third of a core: a 170 ms CPU job took 500-900 ms); the worker's
// CPU time is what compares with bench/wasm.mjs's CPU times.
import fs from "node:fs";
import path from "node:path";
import { ROOT, launch, serve } from "../e2e/browser.mjs";

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const data = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? path.join(ROOT, "..", "shared", "data");
const size = Math.round(flag("--mb", 1) * 1_000_000);
const rounds = flag("--rounds", 3);

// A long page of real articles when the shared data is here, else the page's sample article.
const file = path.join(data, "cnndm", "cnndm-dev.jsonl");
const pieces = fs.existsSync(file)
  ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).article).filter(Boolean)
  : [fs.readFileSync(path.join(ROOT, "www", "sample.txt"), "utf8")];
let text = "";
for (let i = 0; text.length < size; i++) text += pieces[i % pieces.length] + "\n\n";
text = text.slice(0, size);

// CPU ms of the renderers started by this process's browser, by thread: worker (dedicated
// workers) and main (each renderer's main thread). Empty where /proc is not.
function threadCpu() {
  const ticks = { worker: 0, main: 0 };
  let procs;
  try {
    procs = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const stat = (file) => {
    const s = fs.readFileSync(file, "utf8");
    const close = s.lastIndexOf(")");
    return { name: s.slice(s.indexOf("(") + 1, close), f: s.slice(close + 2).split(" ") };
  };
  const children = new Map();
  for (const pid of procs) {
    try {
      const ppid = stat(`/proc/${pid}/stat`).f[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {} // the process ended meanwhile
  }
  const ours = [];
  for (let todo = [String(process.pid)]; todo.length; ) for (const c of children.get(todo.pop()) ?? []) ours.push(c), todo.push(c);
  for (const pid of ours) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const { name, f } = stat(`/proc/${pid}/task/${tid}/stat`);
        const kind = tid === pid ? "main" : name.startsWith("DedicatedWorker") ? "worker" : null;
        if (kind) ticks[kind] += Number(f[11]) + Number(f[12]);
      }
    } catch {}
  }
  const hz = 100; // USER_HZ on Linux
  return { worker: (ticks.worker * 1000) / hz, main: (ticks.main * 1000) / hz };
}

const server = await serve();
const browser = await launch();
try {
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  const box = page.getByLabel("Article text");
  const idle = () => page.waitForFunction(() => document.body.dataset.busy !== "true", null, { timeout: 300_000 });
  const results = [];
  let via = "Ctrl+V from the clipboard";
  for (let round = 0; round < rounds; round++) {
    await box.fill("");
    await idle();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    // Timestamps taken in the page: the paste event, the summary's first paint, the chart's.
    await page.evaluate(() => {
      const t = (window.__bench = {});
      const area = document.getElementById("article");
      area.addEventListener("paste", () => { t.paste = performance.now(); }, { once: true, capture: true });
      // Painted: the frame that shows the change has run its rendering steps (a task queued from
      // its animation frame callbacks runs after them). Not the next frame's start: the page may
      // put heavy work (the box's text, the original) right after the summary's frame.
      const painted = (key) => requestAnimationFrame(() => setTimeout(() => { t[key] = performance.now(); }));
      // The summary's paint as the browser reports it (Element Timing: the frame that first drew
      // its text reached the screen). The marker above runs behind whatever the page queued from
      // the same frame: the page's own rAF is asked for before this observer's (a microtask
      // after the page's handler), so its chart, original and box (~15 ms for 1 MB) ran first
      // and counted as the summary's (CDP trace of one round: main frame done 139 ms after the
      // job was sent, Display::DrawAndSwap 144-148, marker 154).
      t.entries = [];
      new PerformanceObserver((list) => t.entries.push(...list.getEntries().map((e) => ({ id: e.identifier, at: e.renderTime || e.loadTime }))))
        .observe({ type: "element", buffered: true });
      new MutationObserver((_, obs) => {
        obs.disconnect();
        painted("summary");
        for (const e of document.getElementById("summary-list").querySelectorAll("*")) e.setAttribute("elementtiming", "bench-summary");
      })
        .observe(document.getElementById("summary-list"), { childList: true });
      new MutationObserver((_, obs) => {
        if (document.body.dataset.busy !== "false" || !document.body.dataset.runs) return;
        obs.disconnect();
        painted("chart");
      }).observe(document.body, { attributes: true, attributeFilter: ["data-busy"] });
      performance.clearMeasures();
    });
    await box.focus();
    const cpu0 = threadCpu();
    await page.keyboard.press("Control+V");
    // The page may put a whole-box paste into the box only after its summary: a paste event
    // tells that the clipboard worked.
    if (!(await page.evaluate(() => window.__bench.paste !== undefined))) {
      // No system clipboard here: deliver the same input event a paste makes.
      via = "a synthetic insertFromPaste input event";
      await box.evaluate((area, t) => {
        window.__bench.paste = performance.now();
        area.value = t;
        area.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
      }, text);
    }
    await page.waitForFunction(() => window.__bench.chart !== undefined, null, { timeout: Number(process.env.BENCH_TIMEOUT ?? 300_000) }).catch(async (e) => {
      console.error(await page.evaluate(() => JSON.stringify({ bench: window.__bench, data: document.body.dataset, status: document.getElementById("status").textContent, len: document.getElementById("article").value.length })));
      throw e;
    });
    // The observer's entries come in a task of their own, which the page's heavy frames can hold back.
    await page.waitForFunction(() => window.__bench.entries.some((e) => e.id === "bench-summary"), null, { timeout: 2000 }).catch(() => {});
    const t = await page.evaluate(() => ({
      ...window.__bench,
      job: performance.getEntriesByName("lede:job").at(-1)?.duration, jobStart: performance.getEntriesByName("lede:job").at(-1)?.startTime, renderStart: performance.getEntriesByName("lede:render").at(-1)?.startTime,
      render: performance.getEntriesByName("lede:render").at(-1)?.duration,
    }));
    const cpu1 = threadCpu();
    if ((await box.evaluate((a) => a.value.length)) !== text.length) throw new Error("the box does not hold the whole paste");
    const cpu = cpu0 && cpu1 ? { workerCpu: cpu1.worker - cpu0.worker, mainCpu: cpu1.main - cpu0.main } : {};
    const status = await page.locator("#status").textContent();
    const shown = t.entries.filter((e) => e.id === "bench-summary" && e.at >= t.paste).map((e) => e.at);
    const marker = t.summary - t.paste;
    const painted = shown.length ? Math.min(...shown) - t.paste : null;
    results.push({ ...cpu, toStart: t.jobStart - t.paste, afterRender: (painted ?? marker) - (t.renderStart - t.paste) - t.render, summary: painted ?? marker, marker, elementTiming: painted !== null, chart: Math.max(t.chart, t.summary) - t.paste, job: t.job, render: t.render, status });
    console.error(`round ${round + 1}: ${JSON.stringify(results.at(-1))}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const s = results.map((r) => r.summary);
  const c = results.map((r) => r.chart);
  console.log(`paste page: ${(text.length / 1e6).toFixed(2)} MB paste (${text.length} UTF-16 units), ${rounds} rounds, Chromium, via ${via}`);
  const timed = results.filter((r) => r.elementTiming).length;
  console.log(`  paste → summary on screen: median ${median(s).toFixed(0)} ms (${s.map((x) => x.toFixed(0)).join(", ")}; ${timed} of ${rounds} from Element Timing, the rest from the rAF marker)`);
  console.log(`  paste → rAF+setTimeout marker after the summary: median ${median(results.map((r) => r.marker)).toFixed(0)} ms (runs behind the page's own work queued from that frame)`);
  console.log(`  paste → score chart on screen: median ${median(c).toFixed(0)} ms (${c.map((x) => x.toFixed(0)).join(", ")})`);
  const part = (key) => median(results.map((r) => r[key])).toFixed(0);
  console.log(`  of which (medians): paste → job sent ${part("toStart")} ms, job (worker round trip) ${part("job")} ms, render ${part("render")} ms, render → painted ${part("afterRender")} ms`);
  if (results[0].workerCpu !== undefined) {
    console.log(`  CPU time in the round (medians, /proc): worker thread ${part("workerCpu")} ms, page main thread ${part("mainCpu")} ms`);
  }
  console.log(`  last status: ${results.at(-1).status}`);
} finally {
  await browser.close();
  await server.close();
}
