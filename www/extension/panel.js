// The in-page panel: a <lede-panel> element with an open shadow root, so the page's CSS cannot
// reach inside and tests can read it. Every string from the page goes through textContent.
// Styles come from a constructed stylesheet, which a page's strict style-src does not block.
//
// Its helpers, shared with the paste page, come from content.js through use(): shared/dom.js's
// el and entityChip, shared/kinds.js's groupByKind, shared/reading.js's articleReadingTime (see
// content.js for why not static imports).
let el, entityChip, groupByKind, articleReadingTime;

/** Receives the shared helpers. */
export function use(deps) {
  ({ el, entityChip, groupByKind, articleReadingTime } = deps);
}

const CSS_TEXT = `
:host { all: initial; position: fixed; z-index: 2147483647; top: 16px; right: 16px;
  width: min(380px, calc(100vw - 32px)); max-height: calc(100vh - 32px); display: block;
  color-scheme: light dark; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
* { box-sizing: border-box; }
.panel { --bg: #fff; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e1dc; --accent: #0b57d0;
  --person: #e8f0fe; --organization: #fce8e6; --place: #e6f4ea; --other: #f1f3f4;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.22); max-height: calc(100vh - 32px); overflow: auto;
  padding: 12px 16px 14px; outline: none; text-align: left;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
@media (prefers-color-scheme: dark) {
  .panel { --bg: #202124; --fg: #e8eaed; --muted: #a0a4a8; --line: #3c4043; --accent: #8ab4f8;
    --person: #1f3354; --organization: #4a2421; --place: #1e3a2a; --other: #2d2f31; }
}
.bar { display: flex; align-items: center; gap: 10px; }
.brand { font-weight: 800; letter-spacing: -0.02em; font-size: 15px; margin-right: auto; }
.toggle { display: inline-flex; align-items: center; gap: 5px; color: var(--muted); cursor: pointer; }
.toggle[hidden] { display: none; }
button { font: inherit; color: inherit; }
.close { border: 0; background: none; font-size: 20px; line-height: 1; padding: 2px 6px; cursor: pointer;
  color: var(--muted); border-radius: 6px; }
.close:hover { background: var(--other); }
button:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h2 { font-size: 17px; line-height: 1.3; margin: 8px 0 2px; }
h3 { font-size: 11px; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); margin: 14px 0 6px; }
h4 { font-size: 12px; color: var(--muted); margin: 6px 0 4px; font-weight: 600; }
.meta { color: var(--muted); margin: 0; font-size: 12.5px; }
.reason, .error { margin: 10px 0 0; padding: 8px 10px; border-radius: 8px; background: var(--other); }
.error { color: #c5221f; font-weight: 600; }
[hidden] { display: none !important; }
ol { margin: 0; padding-left: 20px; }
ol li { margin: 0 0 6px; }
ol button { all: unset; display: block; cursor: pointer; border-radius: 4px; }
ol button:hover { background: var(--other); }
ol button:focus-visible { outline: 2px solid var(--accent); }
ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 5px; }
.chip { padding: 2px 8px; border-radius: 999px; background: var(--other); font-size: 12.5px; }
.group[data-kind="person"] .chip { background: var(--person); }
.group[data-kind="organization"] .chip { background: var(--organization); }
.group[data-kind="place"] .chip { background: var(--place); }
.count { color: var(--muted); margin-left: 4px; font-size: 11px; }
.count::before { content: "×"; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.note { margin: 14px 0 0; color: var(--muted); font-size: 11.5px; }
`;

let sheet = null;
function panelSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
  }
  return sheet;
}

function section(label, ...children) {
  const s = el("section", undefined, label.toLowerCase());
  s.setAttribute("aria-label", label);
  s.append(el("h3", label), ...children);
  return s;
}

function metaLine(result) {
  const s = result.stats;
  const parts = [articleReadingTime(s), `${s.words.toLocaleString()} words`];
  if (result.language && result.language !== "und") parts.push(result.language);
  return parts.join(" · ");
}

/**
 * Builds the panel. `view`: { mode: "page" | "selection", result, error, pageTitle,
 * highlight (initial state), canLocate (sentences map to the page) }; `on`: { highlight(bool),
 * sentence(k), close() }. Returns the <lede-panel> element, not yet in the document.
 */
export function createPanel(view, on) {
  const host = document.createElement("lede-panel");
  const root = host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [panelSheet()];

  const panel = el("div", undefined, "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", "lede summary");
  panel.tabIndex = -1;

  const bar = el("div", undefined, "bar");
  const brand = el("span", view.mode === "selection" ? "lede · selection" : "lede", "brand");
  const toggle = el("label", undefined, "toggle");
  const box = el("input");
  box.type = "checkbox";
  box.checked = Boolean(view.highlight);
  box.addEventListener("change", () => on.highlight(box.checked));
  toggle.append(box, el("span", "Highlight"));
  toggle.hidden = !view.canLocate;
  const close = el("button", "×", "close");
  close.type = "button";
  close.setAttribute("aria-label", "Close");
  close.title = "Close (Esc)";
  close.addEventListener("click", () => on.close());
  bar.append(brand, toggle, close);
  panel.append(bar);

  const { result } = view;
  if (view.error || !result) {
    panel.append(el("p", `lede could not summarize this ${view.mode === "selection" ? "selection" : "page"}: ${view.error ?? "no answer"}`, "error"));
  } else {
    const title = result.title ?? view.pageTitle;
    if (title) panel.append(el("h2", title, "title"));
    if (result.stats.words > 0) panel.append(el("p", metaLine(result), "meta"));
    if (result.summary.length === 0) {
      const where = view.mode === "selection" ? "in the selected text" : "on this page";
      // The core's reason reads "no article: <why>"; say the first part once, in full.
      const why = (result.reason ?? "").replace(/^no article\s*:\s*/i, "").replace(/\.$/, "").trim();
      panel.append(el("p", why ? `No article found ${where}: ${why}.` : `No article found ${where}.`, "reason"));
    } else {
      const list = el("ol");
      result.summary.forEach((sentence, k) => {
        const li = el("li");
        li.dataset.index = String(sentence.index);
        if (view.canLocate) {
          const button = el("button", sentence.text);
          button.type = "button";
          button.title = "Show in the page";
          button.addEventListener("click", () => on.sentence(k));
          li.append(button);
        } else li.textContent = sentence.text;
        list.append(li);
      });
      panel.append(section("Summary", list));
    }
    const groups = groupByKind(result.entities).map(({ kind, label, items }) => {
      const group = el("div", undefined, "group");
      group.dataset.kind = kind;
      const ul = el("ul");
      for (const { entity } of items) ul.append(entityChip("li", entity));
      group.append(el("h4", label), ul);
      return group;
    });
    if (groups.length) panel.append(section("Entities", ...groups));
    if (result.keywords.length) {
      const ul = el("ul");
      for (const k of result.keywords) ul.append(el("li", k.term, "chip"));
      panel.append(section("Keywords", ul));
    }
  }
  panel.append(el("p", "Summarized on this device. Nothing left your browser.", "note"));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") on.close();
  });
  root.append(panel);
  return host;
}
