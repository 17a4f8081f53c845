// Injected by the service worker (chrome.scripting.executeScript) into the page's isolated
// world. Content scripts cannot use static imports, so this loads the page side once per
// document; the service worker then calls collect() and show() on globalThis.__lede.
//
// The modules are web-accessible with use_dynamic_url (a per-session URL, so pages cannot probe
// for the extension). A module's own static imports would resolve against the fixed extension
// URL and be refused, so each module is imported here by its dynamic URL and handed to the next
// (which is why the shared modules the page side uses, www/shared/, import nothing themselves).
globalThis.__lede ??= (async () => {
  const load = (file) => import(chrome.runtime.getURL(file));
  const [collector, dom, kinds, reading, mapping, panel, page] = await Promise.all([
    "shared/collect.js", "shared/dom.js", "shared/kinds.js", "shared/reading.js", "mapping.js", "panel.js", "in-page.js",
  ].map(load));
  panel.use({
    el: dom.el,
    entityChip: dom.entityChip,
    groupByKind: kinds.groupByKind,
    articleReadingTime: reading.articleReadingTime,
  });
  page.use({
    collectBlocks: collector.collectBlocks,
    summaryRanges: mapping.summaryRanges,
    selectionRanges: mapping.selectionRanges,
    createPanel: panel.createPanel,
  });
  return page;
})().catch((e) => {
  console.error("lede: could not load its page script", e);
  delete globalThis.__lede; // let the next click try again
  throw e;
});
