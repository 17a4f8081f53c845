// The page's jobs for lede, on top of the shared loader (shared/lede.js, which the extension's
// service worker uses too). The page runs it inside worker.js (so a long article never freezes
// typing); engine.js falls back to this thread if workers fail.
import { summarize, summarizePage } from "./shared/lede.js";

export { errorMessage, load, summarize, version } from "./shared/lede.js";

/**
 * One job of the page: the result for `input` (a string, or a page object from collectPage) and
 * how long lede took. One call gives everything the page shows: the summary, entities,
 * keywords, and `scores`, every sentence's score, which the chart plots.
 */
export function analyze({ input, sentences }) {
  const t0 = performance.now();
  const result = typeof input === "string" ? summarize(input, { sentences }) : summarizePage(input, { sentences });
  return { result, ms: performance.now() - t0 };
}
