// The paste page: wires the form to lede and the renderer.
import { load, summarize, version } from "./lede-client.js";
import { renderError, renderResult } from "./render.js";

const $ = (id) => document.getElementById(id);
const dom = {
  input: $("article"),
  button: $("summarize"),
  status: $("status"),
  error: $("error"),
  title: $("title"),
  stats: $("stats"),
  summary: $("summary-list"),
  reason: $("reason"),
  entities: $("entity-list"),
  keywords: $("keyword-list"),
};

function run() {
  renderError(dom, null);
  const text = dom.input.value;
  if (!text.trim()) {
    dom.status.textContent = "Paste an article first.";
    return;
  }
  try {
    const started = performance.now();
    const result = summarize(text);
    renderResult(dom, result);
    dom.status.textContent = `Summarized in ${Math.max(1, Math.round(performance.now() - started))} ms.`;
  } catch (e) {
    renderError(dom, e instanceof Error ? e.message : String(e));
    dom.status.textContent = "";
  }
}

load().then(
  () => {
    dom.button.disabled = false;
    dom.status.textContent = "Ready. Nothing leaves your browser.";
    $("version").textContent = `lede ${version()}`;
  },
  (e) => {
    renderError(dom, `lede could not start: ${e.message}`);
    dom.status.textContent = "";
  },
);
dom.button.addEventListener("click", run);
dom.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});
