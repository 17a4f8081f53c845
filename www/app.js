// The paste page: input (typing, paste, drop, files) → engine (lede in a worker) → renderer,
// and the reading interactions: sentence ↔ original, entity ↔ mentions, why, copy.
import { startEngine } from "./engine.js";
import { toMarkdown, toPlainText } from "./format.js";
import { renderChart, renderEmpty, renderError, renderOriginal, renderResult, renderWhy } from "./render.js";
import { countWords } from "./shared/reading.js";
import { acceptsFile, readFile } from "./source.js";

const $ = (id) => document.getElementById(id);
const dom = {
  input: $("article"),
  drop: $("drop"),
  dropOverlay: $("drop-overlay"),
  file: $("file"),
  sample: $("sample"),
  button: $("summarize"),
  slider: $("sentences"),
  sliderOut: $("sentences-out"),
  presets: [...document.querySelectorAll('input[name="length"]')],
  status: $("status"),
  error: $("error"),
  title: $("title"),
  stats: $("stats"),
  summary: $("summary-list"),
  placeholder: $("placeholder"),
  reason: $("reason"),
  copy: $("copy"),
  copyText: $("copy-text"),
  copyMarkdown: $("copy-markdown"),
  why: $("why"),
  whyBody: $("why-body"),
  chartSection: $("chart-section"),
  chart: $("chart"),
  chartNote: $("chart-note"),
  entities: $("entity-groups"),
  entitiesSection: $("entities-section"),
  keywordsSection: $("keywords-section"),
  keywords: $("keyword-list"),
  original: $("original"),
};

const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

// What the page shows now. `source` is what the reader gave: { kind: "text", text } from the
// textarea, or { kind: "page", page, name } from an HTML file.
const state = {
  engine: null,
  source: null,
  latest: 0, // id of the newest job submitted
  shown: 0, // id of the job whose summary is on screen
  result: null,
  text: "",
  wired: { picks: new Map(), mentions: [] },
  current: 0, // the summary sentence "Why this sentence?" explains
  entity: null, // the entity whose mentions are lit
  started: 0,
};

// ---- running lede -----------------------------------------------------------------------

function submit() {
  if (!state.engine) return;
  renderError(dom, null);
  const source = state.source;
  if (!source || (source.kind === "text" && !source.text.trim())) {
    state.latest = state.shown = 0;
    state.result = null;
    renderEmpty(dom);
    fillBox();
    setStatus("Ready. Paste an article to begin; nothing leaves your browser.");
    document.body.dataset.busy = "false";
    countRun();
    return;
  }
  state.started = performance.now();
  state.latest = state.engine.submit({
    input: source.kind === "text" ? source.text : source.page,
    sentences: Number(dom.slider.value),
  });
  state.pending = { id: state.latest, source };
  document.body.dataset.busy = "true";
}

function onResult({ id, result, ms }) {
  if (id !== state.latest) return; // a newer job is on its way
  const source = state.pending.source;
  state.shown = id;
  state.result = result;
  state.text = source.kind === "text" ? source.text : result.text;
  const t0 = performance.now();
  performance.measure("lede:job", { start: state.started, end: t0 });
  state.wired = renderResult(dom, result);
  state.current = Math.min(state.current, Math.max(0, result.summary.length - 1));
  state.entity = null;
  renderWhy(dom, result, state.current);
  markCurrent();
  const from = source.kind === "page" ? ` from ${source.name}` : "";
  setStatus(result.summary.length
    ? `Summarized${from} in ${Math.max(1, Math.round(ms))} ms: ${result.summary.length} of ${result.stats.sentences} sentences, ${result.entities.length} entities.`
    : `Summarized${from}: no summary (${result.reason ?? "no article found"}).`);
  performance.measure("lede:render", { start: t0 });
  // The chart and the highlighted original (a long paste's largest DOM) once the summary is on
  // screen: they cost 20-100 ms for 1 MB (`make bench`), which the summary need not wait for.
  // The chart first, while the layout is clean: reading its width costs no layout of the
  // original.
  afterPaint(() => {
    if (state.shown !== id) return; // a newer result is on screen
    const t1 = performance.now();
    renderChart(dom, result);
    renderOriginal(dom.original, state.text, result, state.wired);
    markCurrent();
    if (state.entity !== null) for (const span of state.wired.mentions[state.entity] ?? []) span.classList.add("lit");
    fillBox();
    performance.measure("lede:render-rest", { start: t1 });
    countRun();
    if (!timer && state.latest === id) document.body.dataset.busy = "false";
  });
}

/**
 * Runs `f` after the next paint: a task queued from an animation frame runs once that frame is
 * drawn. A hidden page draws no frames: then (or if none comes within 100 ms) it runs anyway.
 */
function afterPaint(f) {
  let done = false;
  const once = () => {
    if (!done) (done = true), f();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

// Tests and tools wait on these: data-runs counts rendered results, data-busy is "false" once
// the page shows the result of its newest input (summary, chart and all).
function countRun() {
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
}

function onError({ id, message }) {
  if (id !== state.latest) return;
  fillBox();
  if (!timer) document.body.dataset.busy = "false";
  renderError(dom, message);
  setStatus("");
}

function setStatus(text) {
  dom.status.textContent = text;
}

// Typing waits for a pause; the pause grows with the text so long articles stay responsive.
let timer = 0;
function schedule(delay) {
  clearTimeout(timer);
  document.body.dataset.busy = "true";
  timer = setTimeout(() => {
    timer = 0;
    submit();
  }, delay);
}
const typingDelay = (text) => Math.min(1200, 250 + text.length / 2000);

function setText(text, { now = false } = {}) {
  state.source = { kind: "text", text };
  if (now) {
    clearTimeout(timer);
    timer = 0;
    submit();
  } else schedule(typingDelay(text));
}

// A paste that replaces the whole text starts lede at once, from the clipboard, and the text
// goes into the box only once the summary is on screen: laying out 1 MB in a textarea costs the
// page's main thread ~150-250 ms in Chromium (`make bench`), which the browser's own paste spends
// before the worker's result can even be received. Any other use of the box first puts the text
// in (fillBox). The textarea's value turns line breaks into "\n", and so does this.
let pasted = null; // { text, before }: a paste waiting to go into the box
let filled = null; // { before, after, undone }: the last such paste, for undo and redo
function fillBox() {
  if (!pasted) return;
  const { text, before } = pasted;
  pasted = null;
  dom.input.value = text;
  filled = { before, after: text, undone: false };
}
dom.input.addEventListener("paste", (e) => {
  const area = dom.input;
  const text = e.clipboardData?.getData("text/plain");
  if (!text || !state.engine || area.selectionStart !== 0 || area.selectionEnd !== area.value.length) return;
  e.preventDefault();
  pasted = { text: text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text, before: pasted?.before ?? area.value };
  setText(pasted.text, { now: true });
});
// The browser cannot undo a value the page set: undo and redo of that paste are the page's.
// (Its redo never reaches beforeinput: the browser's own redo list is empty.)
function undoFill(e, undo) {
  if (!filled || undo !== !filled.undone || dom.input.value !== (undo ? filled.after : filled.before)) return;
  e.preventDefault();
  filled.undone = undo;
  dom.input.value = undo ? filled.before : filled.after;
  setText(dom.input.value, { now: true });
}
for (const type of ["pointerdown", "dragenter"]) dom.input.addEventListener(type, fillBox, { capture: true });
dom.input.addEventListener("keydown", (e) => {
  fillBox();
  const key = String(e.key).toLowerCase();
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === "z" || (key === "y" && !e.shiftKey))) undoFill(e, key === "z" && !e.shiftKey);
}, { capture: true });
dom.input.addEventListener("beforeinput", (e) => {
  fillBox();
  if (e.inputType === "historyUndo" || e.inputType === "historyRedo") undoFill(e, e.inputType === "historyUndo");
  else filled = null;
});
dom.input.addEventListener("input", (e) => {
  const immediate = e.inputType === "insertFromPaste" || e.inputType === "insertFromDrop";
  if (immediate && state.source?.kind === "text" && state.source.text === dom.input.value && state.latest) return;
  setText(dom.input.value, { now: immediate });
});
dom.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    setText(dom.input.value, { now: true });
  }
});
dom.button.addEventListener("click", () => {
  fillBox();
  if (state.source?.kind === "page") submit(); // an HTML file, untouched since it was opened
  else setText(dom.input.value, { now: true });
});

// ---- length ------------------------------------------------------------------------------

function syncPresets() {
  const v = dom.slider.value;
  dom.sliderOut.textContent = v;
  for (const r of dom.presets) r.checked = r.value === v;
}
dom.slider.addEventListener("input", () => {
  syncPresets();
  schedule(0);
});
for (const radio of dom.presets) {
  radio.addEventListener("change", () => {
    if (!radio.checked) return;
    dom.slider.value = radio.value;
    syncPresets();
    schedule(0);
  });
}

// ---- files: drop anywhere, or "Open file…" -------------------------------------------------

async function openFile(file) {
  if (!acceptsFile(file)) {
    renderError(dom, `lede reads .txt and .html files; ${file.name} is neither.`);
    return;
  }
  try {
    const source = await readFile(file);
    pasted = filled = null;
    if (source.kind === "text") {
      dom.input.value = source.text;
      setText(source.text, { now: true });
    } else {
      dom.input.value = source.page.blocks.map((b) => b.text).join("\n\n");
      state.source = source;
      clearTimeout(timer);
      timer = 0;
      submit();
    }
  } catch (e) {
    renderError(dom, `Could not read ${file.name}: ${e instanceof Error ? e.message : e}`);
  }
}

const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
let dragDepth = 0;
document.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  dragDepth++;
  dom.dropOverlay.hidden = false;
});
document.addEventListener("dragleave", (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) dom.dropOverlay.hidden = true;
});
document.addEventListener("dragover", (e) => {
  if (hasFiles(e)) e.preventDefault();
});
document.addEventListener("drop", (e) => {
  if (!hasFiles(e)) return; // dropped text lands in the textarea as an input event
  e.preventDefault();
  dragDepth = 0;
  dom.dropOverlay.hidden = true;
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
});
dom.file.addEventListener("change", () => {
  const file = dom.file.files?.[0];
  if (file) openFile(file);
  dom.file.value = "";
});

dom.sample.addEventListener("click", async () => {
  const response = await fetch(new URL("./sample.txt", import.meta.url));
  const text = await response.text();
  pasted = filled = null;
  dom.input.value = text;
  setText(dom.input.value, { now: true });
  dom.input.scrollTop = 0;
});

// ---- reading: sentences, why, entities -------------------------------------------------------

/**
 * Scrolls `node` (in the original) to the middle of its view. On wide screens the original is
 * its own sticky scroll box: scroll that box (the window only so far as to show the box), since
 * scrollIntoView misjudges sticky ancestors. A long text is cut into chunks the browser lays
 * out only near the view, so a jump can shift the target as chunks above it get their real
 * height: then jump instantly and check again until it stays put.
 */
function reveal(node) {
  const box = dom.original;
  const chunked = box.firstElementChild?.classList.contains("chunk");
  const behavior = reducedMotion.matches || chunked ? "auto" : "smooth";
  const go = (how) => {
    const own = getComputedStyle(box).overflowY !== "visible" && box.scrollHeight > box.clientHeight + 1;
    if (!own) return node.scrollIntoView({ behavior: how, block: "center" });
    const v = box.getBoundingClientRect();
    if (v.top < 0 || v.bottom > innerHeight) box.scrollIntoView({ behavior: how, block: "nearest" });
    const r = node.getBoundingClientRect();
    box.scrollTo({ top: box.scrollTop + (r.top - v.top) - Math.max(0, (box.clientHeight - r.height) / 2), behavior: how });
  };
  go(behavior);
  if (!chunked) return;
  let tries = 0;
  const check = () => {
    if (inView(node) || ++tries > 8) return;
    go("auto");
    requestAnimationFrame(() => requestAnimationFrame(check));
  };
  requestAnimationFrame(() => requestAnimationFrame(check));
}

function inView(node) {
  const r = node.getBoundingClientRect();
  const v = dom.original.getBoundingClientRect();
  const top = Math.max(0, v.top);
  const bottom = Math.min(innerHeight, v.bottom);
  return r.top >= top - 1 && r.top < bottom && (r.bottom <= bottom + 1 || r.height > bottom - top);
}

function markCurrent() {
  for (const li of dom.summary.children) li.classList.toggle("current", li.dataset.n === String(state.current));
  for (const [n, mark] of state.wired.picks) mark.classList.toggle("current", n === state.current);
}

function selectSentence(n) {
  if (!state.result || !state.result.summary[n] || n === state.current) return;
  state.current = n;
  renderWhy(dom, state.result, n);
  markCurrent();
}

function showInOriginal(n) {
  const mark = state.wired.picks.get(n);
  if (!mark) return;
  selectSentence(n);
  reveal(mark);
  mark.focus({ preventScroll: true });
  mark.classList.remove("flash");
  void mark.offsetWidth; // restart the animation
  mark.classList.add("flash");
}

dom.summary.addEventListener("click", (e) => {
  const link = e.target.closest("a.sentence");
  if (!link) return;
  e.preventDefault();
  showInOriginal(Number(link.dataset.n));
});
for (const type of ["mouseover", "focusin"]) {
  dom.summary.addEventListener(type, (e) => {
    const li = e.target.closest("li[data-n]");
    if (li) selectSentence(Number(li.dataset.n));
  });
}
dom.original.addEventListener("click", (e) => {
  const mark = e.target.closest("mark.pick");
  if (mark) selectSentence(Number(mark.dataset.n));
});
dom.chart.addEventListener("click", (e) => {
  const point = e.target.closest?.("g.chosen");
  if (point) showInOriginal(Number(point.dataset.n));
});

function lightEntity(k) {
  if (state.entity === k) return;
  if (state.entity !== null) for (const span of state.wired.mentions[state.entity] ?? []) span.classList.remove("lit");
  state.entity = k;
  dom.original.classList.toggle("dim-mentions", k !== null);
  if (k === null) return;
  for (const span of state.wired.mentions[k] ?? []) span.classList.add("lit");
}

const chipOf = (e) => e.target.closest?.("button.entity");
for (const type of ["mouseover", "focusin"]) {
  dom.entities.addEventListener(type, (e) => {
    const chip = chipOf(e);
    if (chip) lightEntity(Number(chip.dataset.entity));
  });
}
for (const type of ["mouseout", "focusout"]) {
  dom.entities.addEventListener(type, (e) => {
    const chip = chipOf(e);
    if (chip && !chip.contains(e.relatedTarget) && chip.getAttribute("aria-pressed") !== "true") lightEntity(pinned());
  });
}
const pinned = () => {
  const chip = dom.entities.querySelector('button.entity[aria-pressed="true"]');
  return chip ? Number(chip.dataset.entity) : null;
};
// A click pins the entity and walks through its mentions in the original, one per click.
dom.entities.addEventListener("click", (e) => {
  const chip = chipOf(e);
  if (!chip) return;
  const k = Number(chip.dataset.entity);
  for (const other of dom.entities.querySelectorAll('button.entity[aria-pressed="true"]')) if (other !== chip) other.setAttribute("aria-pressed", "false");
  chip.setAttribute("aria-pressed", "true");
  lightEntity(k);
  const spans = (state.wired.mentions[k] ?? []).filter((s) => dom.original.contains(s));
  if (!spans.length) return;
  const next = (Number(chip.dataset.step ?? -1) + 1) % spans.length;
  chip.dataset.step = String(next);
  reveal(spans[next]);
  setStatus(`${chip.querySelector(".name").textContent}: mention ${next + 1} of ${spans.length}.`);
});
document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape" || state.entity === null) return;
  for (const chip of dom.entities.querySelectorAll('button.entity[aria-pressed="true"]')) chip.setAttribute("aria-pressed", "false");
  lightEntity(null);
});

let resizeTimer = 0;
addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => state.result && renderChart(dom, state.result), 100);
});

// ---- copy ----------------------------------------------------------------------------------

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older or locked-down browsers: copy through a selection instead.
    const area = Object.assign(document.createElement("textarea"), { value: text });
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) return setStatus(`Could not copy ${what}: the browser refused.`);
  }
  setStatus(`Copied the summary as ${what}.`);
}
dom.copyText.addEventListener("click", () => state.result && copy(toPlainText(state.result), "plain text"));
dom.copyMarkdown.addEventListener("click", () => state.result && copy(toMarkdown(state.result), "Markdown"));

// ---- start -----------------------------------------------------------------------------------

// The page's first word count (Intl.Segmenter) and first formatted number load the browser's
// ICU data: 25-35 ms and 5-7 ms of this thread (Chromium), which the first summary waited for
// (make bench, first round: render 25 ms, later rounds 2 ms). Spend them while the worker loads.
(globalThis.requestIdleCallback ?? setTimeout)(() => {
  countWords("Ready.", "en");
  (1000).toLocaleString("en");
});

startEngine({ result: onResult, error: onError }).then(
  (engine) => {
    state.engine = engine;
    dom.button.disabled = false;
    $("version").textContent = `lede ${engine.version}`;
    syncPresets();
    if (dom.input.value.trim()) setText(dom.input.value, { now: true });
    else setStatus("Ready. Paste an article to begin; nothing leaves your browser.");
    document.body.dataset.ready = "true";
  },
  (e) => {
    renderError(dom, `lede could not start: ${e.message}`);
    setStatus("");
  },
);
