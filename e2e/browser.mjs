// Test harness: Debian's Chromium driven by playwright-core, the paste page served on a free
// loopback port, and a record of every request that tried to leave 127.0.0.1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { createServer } from "../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ARTIFACTS = path.join(ROOT, "artifacts");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

/** Starts the static server (www/ + pkg/) on a free port. */
export async function serve() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Launches headless Chromium in a fresh profile. `extension` loads an unpacked extension.
 * Every request to a host other than 127.0.0.1 is aborted and recorded in `offsite`. Other
 * options (e.g. `javaScriptEnabled`, `bypassCSP`) go to Playwright's context.
 */
export async function launch({ extension, colorScheme = "light", ...contextOptions } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lede-chromium-"));
  const args = [...CHROMIUM_ARGS];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    colorScheme,
    ignoreDefaultArgs: extension ? ["--disable-extensions"] : [],
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  const offsite = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const local = ["http:", "https:", "ws:"].includes(url.protocol) ? url.hostname === "127.0.0.1" : true;
    if (local) return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, offsite, close };
}

/** Loads the unpacked extension in `dir` in a fresh browser: its service worker, id and a DevTools session. */
export async function launchExtension(dir) {
  const browser = await launch({ extension: dir });
  const worker = browser.context.serviceWorkers()[0] ?? await browser.context.waitForEvent("serviceworker");
  const cdp = await browser.context.browser().newBrowserCDPSession();
  return { browser, worker, extensionId: new URL(worker.url()).host, cdp };
}

/** The extension's id for `tab`, asked of its service worker while the tab is in front. */
export async function extensionTabId(worker, tab) {
  await tab.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

/**
 * Clicks the extension's toolbar button on `tab` (a user gesture: grants activeTab) and waits
 * until `done`, run in the tab, returns something truthy. `ext`: what launchExtension returns.
 */
export async function clickExtensionAction({ worker, cdp, extensionId }, tab, done) {
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{}] });
  const target = targetInfos.find((t) => t.type === "tab" && t.url === tab.url());
  if (!target) throw new Error(`no tab target for ${tab.url()}`);
  // The DevTools click, unlike a reader's, can land before the browser has settled which tab
  // is in front; then activeTab is granted elsewhere and the extension cannot reach this tab.
  // That is a property of the simulated click, so it is tried again (twice at most); anything
  // else fails.
  for (let attempt = 1; ; attempt++) {
    await tab.bringToFront(); // activeTab is granted for the tab in front (closing a tab moves it)
    // On a busy machine the switch can lag behind bringToFront(): wait until the browser itself
    // reports this tab as the active one, or the grant lands on the previous tab.
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      const active = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url);
      if (active === tab.url()) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: target.targetId });
    try {
      await tab.waitForFunction(done, null, { timeout: 15000 });
      return;
    } catch (e) {
      const tabId = await extensionTabId(worker, tab);
      const granted = await worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => true })
        .then(() => true, () => false), tabId);
      // lede's own extension says why in the button's tooltip when summarizeTab failed.
      const title = await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
      // On a loaded machine the click's action can also run before its grant lands: the tab is
      // reachable by now, but the button says the page could not be read. Same cause, same retry.
      const raced = granted && /Cannot access contents of the page/.test(title);
      if (attempt < 3 && (!granted || raced)) continue;
      throw new Error(`nothing after ${attempt} clicks (${granted ? "" : "no access to the tab; "}button title: ${title})`, { cause: e });
    }
  }
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** The seed page's text from ../shared/data. Missing data throws: a check that cannot run fails. */
export function seedPage() {
  const file = path.join(ROOT, "..", "shared", "data", "seed-page.txt");
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: this check needs the shared data beside the checkout (../shared/data)`);
  }
  return fs.readFileSync(file, "utf8");
}
