// Injected by the service worker (chrome.scripting.executeScript) into the page's isolated
// world. Content scripts cannot use static imports, so this loads the page side once per
// document; the service worker then calls collect() and show() on globalThis.__lede.
//
// The modules are web-accessible with use_dynamic_url (a per-session URL, so pages cannot probe
// for the extension). A module's own static imports would resolve against the fixed extension
// URL and be refused, so each module is imported here by its dynamic URL and handed to the next.
globalThis.__lede ??= (async () => {
  const load = (file) => import(chrome.runtime.getURL(file));
  const [collector, mapping, panel, page] = await Promise.all(
    ["collect.js", "mapping.js", "panel.js", "in-page.js"].map(load),
  );
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
