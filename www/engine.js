// Runs lede off the main thread. Jobs are coalesced: while one runs, only the newest waiting
// job is kept, so typing into a long article never queues up stale work.

/**
 * Starts the engine. `handlers`: { result({ id, result, ms }), error({ id, message }) }.
 * Resolves with { version, submit(job) → id }.
 */
export async function startEngine(handlers) {
  let busy = false;
  let waiting = null;
  let nextId = 1;
  let post;

  const receive = (msg) => {
    if (msg.type !== "result" && msg.type !== "error") return;
    if (msg.type === "result" && msg.scores) {
      // The worker sends the scores as start, end, score triples (worker.js, packScores).
      const s = msg.scores;
      msg.result.scores = Array.from({ length: s.length / 3 }, (_, i) => ({ start: s[3 * i], end: s[3 * i + 1], score: s[3 * i + 2] }));
    }
    handlers[msg.type](msg);
    busy = false;
    if (waiting) {
      const job = waiting;
      waiting = null;
      send(job);
    }
  };
  const send = (job) => {
    busy = true;
    post(job);
  };

  let version;
  try {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    version = await new Promise((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(e.message || "the worker did not start"));
      worker.onmessage = ({ data }) => {
        if (data.type === "ready") resolve(data.version);
        else if (data.type === "failed") reject(new Error(data.message));
      };
    });
    worker.onmessage = ({ data }) => receive(data);
    post = (job) => worker.postMessage(job);
  } catch {
    // No module workers here (or the worker was blocked): run on this thread instead.
    const client = await import("./lede-client.js");
    await client.load();
    version = client.version();
    post = (job) => setTimeout(() => {
      try {
        receive({ type: "result", id: job.id, ...client.analyze(job) });
      } catch (e) {
        receive({ type: "error", id: job.id, message: client.errorMessage(e) });
      }
    });
  }

  return {
    version,
    submit(job) {
      const withId = { ...job, id: nextId++ };
      if (busy) waiting = withId;
      else send(withId);
      return withId.id;
    },
  };
}
