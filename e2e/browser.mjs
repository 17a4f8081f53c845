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

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** The seed page's text when ../shared/data is present, else null (tests then say they skip). */
export function seedPage() {
  const file = path.join(ROOT, "..", "shared", "data", "seed-page.txt");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}
