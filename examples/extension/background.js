// Service worker: the only place this extension runs WebAssembly. A content script runs under
// the page's CSP, which may forbid WebAssembly; the extension's own CSP allows it here.
import init, { summarizePage } from "./pkg/lede.js";

const ready = init({ module_or_path: new URL("./pkg/lede_bg.wasm", import.meta.url) });

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.type !== "lede:summarize") return false;
  ready
    .then(() => summarizePage(message.page, { sentences: 3 }))
    .then((r) => reply({ title: r.title, summary: r.summary.map((s) => s.text), reason: r.reason }))
    .catch((e) => reply({ error: e instanceof Error ? e.message : String(e) }));
  return true; // the reply comes later
});

// The click grants activeTab for this tab; the content script does the rest.
chrome.action.onClicked.addListener((tab) => {
  chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
});
