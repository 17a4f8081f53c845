// The service worker: the only place lede's WebAssembly runs. A page's own CSP can forbid
// WebAssembly in content scripts, so the page side only collects blocks and shows the answer.
//
// Toolbar button, keyboard shortcut and "Summarize this page" menu item all end in
// summarizeTab(tabId); "Summarize selection" ends in summarizeSelection(tabId, text). Both are
// set on globalThis so tests (and the DevTools console) can call them.
// lede is instantiated on first use (no top-level await in a service worker).
import { errorMessage, load, summarize, summarizePage } from "./shared/lede.js";
import { loadSettings } from "./settings.js";

const MENU_PAGE = "lede-summarize-page";
const MENU_SELECTION = "lede-summarize-selection";

/** Injects the page side once per document; later calls find it loaded. */
async function inject(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
}

/** Runs `fn(...args)` in the page's isolated world, where content.js set globalThis.__lede. */
async function inPage(tabId, fn, ...args) {
  const [frame] = await chrome.scripting.executeScript({ target: { tabId }, func: fn, args });
  return frame?.result;
}

/** Tells the reader what went wrong on the toolbar button, for pages no panel can reach. */
async function flagError(tabId, message) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: "#c5221f" });
    await chrome.action.setBadgeText({ tabId, text: "!" });
    await chrome.action.setTitle({ tabId, title: `lede could not read this page: ${message}` });
  } catch {
    // The tab may be gone; nothing else to tell.
  }
}

async function clearError(tabId) {
  try {
    await chrome.action.setBadgeText({ tabId, text: "" });
    await chrome.action.setTitle({ tabId, title: chrome.runtime.getManifest().action.default_title });
  } catch {}
}

/** What the tests and the console get back: a short account of what the panel shows. */
function report(result, error) {
  if (error) return { ok: false, error };
  return {
    ok: true,
    title: result.title,
    summary: result.summary.map((s) => s.text),
    entities: result.entities.map((e) => ({ name: e.name, kind: e.kind })),
    reason: result.reason,
  };
}

/** Flags `e` (a failure to reach tab `tabId`) on the button and reports it. */
async function failed(tabId, e) {
  await flagError(tabId, e.message);
  return report(null, e.message);
}

/**
 * Runs lede (`run(settings)` returns its result) and shows the answer in tab `tabId`, whose page
 * side is loaded: `view` is { mode, pageTitle } for in-page.js's show().
 */
async function answer(tabId, view, run) {
  const settings = await loadSettings();
  let result = null;
  let error = null;
  try {
    await load();
    result = run(settings);
  } catch (e) {
    error = errorMessage(e);
  }
  try {
    await inPage(tabId, (payload) => globalThis.__lede.then((m) => m.show(payload)), { ...view, result, error, settings });
  } catch (e) {
    return failed(tabId, e); // the tab navigated or closed meanwhile
  }
  await clearError(tabId);
  return report(result, error);
}

/** Summarizes the article in tab `tabId` and shows the panel there. Needs activeTab's grant. */
async function summarizeTab(tabId) {
  let page;
  try {
    await inject(tabId);
    page = await inPage(tabId, () => globalThis.__lede.then((m) => m.collect()));
  } catch (e) {
    return failed(tabId, e);
  }
  return answer(tabId, { mode: "page", pageTitle: page.title }, (settings) => {
    const result = summarizePage(page, { sentences: settings.sentences });
    delete result.text; // the page has its own text; the offsets and blocks are enough
    return result;
  });
}

/** Summarizes `text` (the reader's selection) and shows the panel in tab `tabId`. */
async function summarizeSelection(tabId, text) {
  try {
    await inject(tabId);
  } catch (e) {
    return failed(tabId, e);
  }
  return answer(tabId, { mode: "selection", pageTitle: null }, (settings) => summarize(String(text ?? ""), { sentences: settings.sentences }));
}

globalThis.summarizeTab = summarizeTab;
globalThis.summarizeSelection = summarizeSelection;

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_PAGE, title: "Summarize this page", contexts: ["page", "selection"] });
    chrome.contextMenus.create({ id: MENU_SELECTION, title: "Summarize selection", contexts: ["selection"] });
  });
});

chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) summarizeTab(tab.id);
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === "summarize-page" && tab?.id !== undefined) summarizeTab(tab.id);
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id === undefined) return;
  if (info.menuItemId === MENU_PAGE) summarizeTab(tab.id);
  else if (info.menuItemId === MENU_SELECTION) summarizeSelection(tab.id, info.selectionText);
});
