// The only module that talks to the WebAssembly package.
import init, { summarize as summarizeWasm, summarizePage as summarizePageWasm, version as versionWasm } from "./pkg/lede.js";

let ready = null;

/** Loads the WebAssembly module once; later calls return the same promise. */
export function load() {
  ready ??= init({ module_or_path: new URL("./pkg/lede_bg.wasm", import.meta.url) });
  return ready;
}

export const summarize = (text, options) => summarizeWasm(text, options);
export const summarizePage = (page, options) => summarizePageWasm(page, options);
export const version = () => versionWasm();
