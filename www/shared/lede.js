// The WebAssembly loader for every JavaScript side of lede: the paste page's worker and the
// extension's service worker. pkg/ sits beside this folder in both (the server mounts it at
// /pkg/; `make extension` copies both into www/extension/), so one relative URL serves both.
import init, { summarize, summarizePage, version } from "../pkg/lede.js";

let ready = null;

/** Instantiates the module once, on first use; later calls return the same promise. */
export function load() {
  ready ??= init({ module_or_path: new URL("../pkg/lede_bg.wasm", import.meta.url) });
  return ready;
}

export { summarize, summarizePage, version };

/** The message of whatever a call threw (lede throws `Error`s; anything else is stringified). */
export const errorMessage = (e) => (e instanceof Error ? e.message : String(e));
