// A module worker that owns the WebAssembly instance: jobs in, results out, one at a time.
import { analyze, errorMessage, load, summarize, version } from "./lede-client.js";

// Chromium runs a WebAssembly function with its baseline compiler until the function has run
// enough to be optimised, and a call already running never switches: a long paste summarized
// first thing ran its whole call in baseline code. Summarizing a made-up story a few times while
// the page is idle optimises the hot functions before the first real job.
function warmUp() {
  const story = [
    "Officials in Springfield said on Monday that the new bridge would open in March, two years late.",
    "Mayor Ann Lee told reporters the city had spent $12 million more than planned on the project.",
    "\"We know people are tired of waiting,\" she said, adding that the U.S. Department of Transport would review the costs.",
    "John Smith, who runs a bakery near the river, said the delays had cost him customers.",
    "The council will vote on the final budget next week, according to a statement from City Hall.",
  ].join(" ");
  const text = `Bridge to open in March\n\n${Array.from({ length: 40 }, () => story).join("\n\n")}`;
  for (let i = 0; i < 4; i++) summarize(text);
}

const ready = load().then(
  () => {
    postMessage({ type: "ready", version: version() });
    try {
      warmUp();
    } catch {
      // A warm-up is only an optimisation.
    }
  },
  (e) => postMessage({ type: "failed", message: errorMessage(e) }),
);

onmessage = async ({ data: job }) => {
  await ready;
  try {
    postMessage({ type: "result", id: job.id, ...analyze(job) });
  } catch (e) {
    postMessage({ type: "error", id: job.id, message: errorMessage(e) });
  }
};
