// The page side, loaded by content.js into the page's isolated world. It never runs lede (the
// page's CSP may forbid WebAssembly here): collect() hands the page's blocks to the service
// worker, show() renders its answer and highlights the summary in place.
//
// Highlights use the CSS Custom Highlight API: Ranges registered under a name and styled by a
// constructed stylesheet, so turning them off leaves the page's DOM exactly as it was.
//
// Its modules come from content.js through use(): collect.js's collectBlocks, mapping.js's
// summaryRanges and selectionRanges, panel.js's createPanel (see content.js for why not static imports).
let collectBlocks, summaryRanges, selectionRanges, createPanel;

/** Receives the page side's other modules. */
export function use(deps) {
  ({ collectBlocks, summaryRanges, selectionRanges, createPanel } = deps);
}

export const HIGHLIGHT = "lede-summary";
export const FLASH = "lede-flash";

// { page, elements, sources } of the last collect(): sources[i] says where page.blocks[i]'s
// characters came from (node references: they stay here, only `page` goes to the service worker).
let collected = null;
let current = null; // { host, highlight } of the panel on screen
let sheet = null; // the document-level ::highlight() styles
let flashTimer = 0;

/** Collects the page's blocks (and remembers where their text came from, for show()). */
export function collect() {
  collected = collectBlocks(document);
  return collected.page;
}

function highlightStyles(color) {
  const css = `::highlight(${HIGHLIGHT}) { background-color: ${color}; color: #111; }
::highlight(${FLASH}) { background-color: #ff9f1c; color: #000; }`;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}

function unflash() {
  clearTimeout(flashTimer);
  CSS.highlights.delete(FLASH);
}

/** Removes the panel, the highlights and their styles. */
export function close() {
  unflash();
  CSS.highlights.delete(HIGHLIGHT);
  current?.host.remove();
  current = null;
  if (sheet) {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = null;
  }
}

function reveal(ranges) {
  if (!ranges.length) return;
  const target = ranges[0].startContainer.parentElement;
  const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
  target?.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
  unflash();
  const flash = new Highlight(...ranges);
  flash.priority = 1; // above the summary highlight
  CSS.highlights.set(FLASH, flash);
  flashTimer = setTimeout(unflash, 1600);
}

/**
 * Shows the service worker's answer: { mode: "page" | "selection", result, error, settings,
 * pageTitle }. Summary sentences map back to the collected text nodes (page mode) or are found
 * inside the reader's selection (selection mode), for highlights and click-to-scroll.
 */
export function show({ mode, result, error, settings, pageTitle }) {
  const selected = getSelection();
  const selection = mode === "selection" && selected.rangeCount ? selected.getRangeAt(0) : null;
  close();
  let located = [];
  if (result && mode === "page" && collected) located = summaryRanges(result, collected);
  else if (result && selection) located = selectionRanges(result.summary, selection);
  const all = located.flat();
  const highlight = new Highlight(...all);
  highlightStyles(settings.color);
  const setHighlight = (on) => (on ? CSS.highlights.set(HIGHLIGHT, highlight) : CSS.highlights.delete(HIGHLIGHT));
  const host = createPanel(
    { mode, result, error, pageTitle, highlight: settings.highlight, canLocate: all.length > 0 },
    { highlight: setHighlight, sentence: (k) => reveal(located[k] ?? []), close },
  );
  current = { host, highlight };
  if (all.length) setHighlight(settings.highlight);
  // Outside <body>: the collector walks the body, and the page's body styles do not apply.
  document.documentElement.append(host);
  host.shadowRoot.querySelector(".panel").focus({ preventScroll: true });
  return { ranges: all.length };
}
