// Renders a lede result into the page. Every string from the article goes through
// textContent: page text is data, never markup.

const KIND_LABELS = { person: "Person", organization: "Organization", place: "Place", other: "Other" };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function renderResult(dom, result) {
  dom.title.hidden = !result.title;
  dom.title.textContent = result.title ?? "";

  const s = result.stats;
  dom.stats.hidden = s.words === 0;
  dom.stats.textContent = `${s.words.toLocaleString()} words · ${s.sentences} sentences · ${s.readingMinutes} min read · ${result.language}`;

  dom.summary.replaceChildren(...result.summary.map((sentence) => {
    const li = el("li", sentence.text);
    li.dataset.index = String(sentence.index);
    return li;
  }));
  dom.reason.hidden = !result.reason;
  dom.reason.textContent = result.reason ?? "";

  dom.entities.replaceChildren(...result.entities.map((e) => {
    const li = el("li", undefined, `chip kind-${e.kind}`);
    li.append(el("span", e.name, "name"), el("span", `${KIND_LABELS[e.kind] ?? e.kind} · ${e.mentions}`, "meta"));
    if (e.aliases.length) li.title = `Also: ${e.aliases.join(", ")}`;
    return li;
  }));
  dom.keywords.replaceChildren(...result.keywords.map((k) => el("li", k.term, "chip")));
}

export function renderError(dom, message) {
  dom.error.hidden = !message;
  dom.error.textContent = message ?? "";
}
