// A module worker that owns the WebAssembly instance: jobs in, results out, one at a time.
import { analyze, errorMessage, load, summarize, version } from "./lede-client.js";

// Chromium runs a WebAssembly function with its baseline compiler until the function has run
// enough to be optimised, and a call already running never switches: a long paste summarized
// first thing ran its long loops (segmentation, the story finder, ranking) in baseline code.
// While the page is idle, the worker summarizes made-up stories, one per task (a job that comes
// in goes first and ends the warm-up). Their paragraphs all differ, as an article's do: copies
// of one paragraph read as repeats and leave most of the work out, so a warm-up of those left
// the first 1 MB paste at 1.7x the CPU of the next.
const SENTENCES = [
  "Officials in Springfield said on Monday that the new bridge would open in March, two years late.",
  "Mayor Ann Lee told reporters the city had spent $12 million more than planned on the project.",
  "\"We know people are tired of waiting,\" she said, adding that the U.S. Department of Transport would review the costs.",
  "John Smith, who runs a bakery near the river, said the delays had cost him customers.",
  "The council will vote on the final budget next week, according to a statement from City Hall.",
];
const NAMES = ["John Smith", "Maria Garcia", "David Chen", "Sarah Jones", "Ahmed Khan", "Laura Rossi", "Peter Novak"];

/** Paragraph `i` of the made-up story: the sentences in another order, other numbers and names. */
function paragraph(i) {
  const text = SENTENCES.map((_, j) => SENTENCES[(i + j) % SENTENCES.length]).join(" ");
  return `${text.replace("$12", `$${12 + i}`).replace("two", String(2 + (i % 9))).replace("John Smith", NAMES[i % NAMES.length])} It was report number ${i + 1}.`;
}

let warmUps = 4;
function warmUp() {
  if (warmUps-- <= 0) return;
  try {
    summarize(`Bridge to open in March\n\n${Array.from({ length: 80 }, (_, i) => paragraph(i)).join("\n\n")}`);
    setTimeout(warmUp);
  } catch {
    // A warm-up is only an optimisation.
  }
}

const ready = load().then(
  () => {
    postMessage({ type: "ready", version: version() });
    setTimeout(warmUp);
  },
  (e) => postMessage({ type: "failed", message: errorMessage(e) }),
);

/**
 * Takes `result.scores` (every sentence's { start, end, score }: 8,000 objects for 1 MB) out of
 * `result` as one Float64Array of start, end, score triples, sent by transfer: cloning the
 * objects cost the worker ~6 ms and the page as much again before it could show the summary.
 * engine.js puts them back.
 */
function packScores(result) {
  const scores = result.scores ?? [];
  const packed = new Float64Array(scores.length * 3);
  scores.forEach((s, i) => {
    packed[3 * i] = s.start;
    packed[3 * i + 1] = s.end;
    packed[3 * i + 2] = s.score;
  });
  result.scores = [];
  return packed;
}

onmessage = async ({ data: job }) => {
  warmUps = 0;
  await ready;
  try {
    const { result, ms } = analyze(job);
    const scores = packScores(result);
    postMessage({ type: "result", id: job.id, result, ms, scores }, [scores.buffer]);
  } catch (e) {
    postMessage({ type: "error", id: job.id, message: errorMessage(e) });
  }
};
