// A module worker that owns the WebAssembly instance: jobs in, results out, one at a time.
import { analyze, errorMessage, load, version } from "./lede-client.js";

const ready = load().then(
  () => postMessage({ type: "ready", version: version() }),
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
