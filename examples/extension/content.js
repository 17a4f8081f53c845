// Content script: collects the page with lede's collector, asks the service worker for the
// summary, shows it. Page text is set with textContent only.
(async () => {
  const { collectPage } = await import(chrome.runtime.getURL("collect.js"));
  const answer = await chrome.runtime.sendMessage({ type: "lede:summarize", page: collectPage(document) });
  document.getElementById("lede-example")?.remove();
  const box = Object.assign(document.createElement("aside"), { id: "lede-example" });
  const list = document.createElement("ol");
  for (const text of answer.summary ?? []) list.append(Object.assign(document.createElement("li"), { textContent: text }));
  const heading = answer.error ? `lede failed: ${answer.error}` : answer.summary.length ? answer.title ?? "Summary" : `No summary: ${answer.reason}`;
  box.append(Object.assign(document.createElement("h2"), { textContent: heading }), list);
  document.body.append(box);
})();
