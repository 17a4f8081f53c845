// The page's jobs for lede, on top of the shared loader (shared/lede.js, which the extension's
// service worker uses too). The page runs it inside worker.js (so a long article never freezes
// typing); engine.js falls back to this thread if workers fail.
import { summarize, summarizePage } from "./shared/lede.js";

export { errorMessage, load, version } from "./shared/lede.js";

/** Most sentences one call may ask for: the chart asks for this many to get their scores. */
export const MAX_SENTENCES = 100;

/**
 * One job of the page: the summary of `input` (a string, or a page object from collectPage),
 * and, when `scores` is set, a second call asking for up to MAX_SENTENCES sentences so the
 * chart can plot the scores of (nearly) every sentence. `onSummary` gets the first result
 * before the second call starts, so the summary shows as early as possible.
 */
export function analyze({ input, sentences, scores }, onSummary) {
  const run = (options) => (typeof input === "string" ? summarize(input, options) : summarizePage(input, options));
  let t0 = performance.now();
  const result = run({ sentences });
  onSummary({ result, ms: performance.now() - t0 });
  if (!scores || result.summary.length === 0 || result.stats.sentences <= result.summary.length) return null;
  t0 = performance.now();
  const all = run({ sentences: MAX_SENTENCES, entities: 0, keywords: 0 });
  return { scores: all.summary.map((s) => ({ index: s.index, score: s.score, features: s.features })), ms: performance.now() - t0 };
}
