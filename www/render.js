// Renders a lede result into the page. Every string from the article goes through
// textContent (or text nodes): page text is data, never markup. No innerHTML anywhere.
import { el, entityChip, svg } from "./shared/dom.js";
import { groupByKind } from "./shared/kinds.js";
import { articleReadingTime, countWords, readingTime } from "./shared/reading.js";

const ordinal = (n) => {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
};

/** Clears every result area back to the first-visit state. */
export function renderEmpty(dom) {
  dom.title.hidden = true;
  dom.stats.hidden = true;
  dom.summary.replaceChildren();
  dom.placeholder.hidden = false;
  dom.reason.hidden = true;
  dom.copy.hidden = true;
  dom.why.hidden = true;
  dom.chartSection.hidden = true;
  dom.entities.replaceChildren();
  dom.keywords.replaceChildren();
  dom.entitiesSection.hidden = true;
  dom.keywordsSection.hidden = true;
  dom.original.replaceChildren(el("p", "The text you paste shows here, with the summary sentences highlighted.", "placeholder"));
}

/**
 * Renders `result` but for the chart and the original (see renderOriginal). Returns the elements
 * the page wires up: `picks` (summary index → highlighted sentence in the original, filled by
 * renderOriginal) and `mentions` (entity number → its mention elements in the summary, and in
 * the original once renderOriginal has run).
 */
export function renderResult(dom, result) {
  dom.title.hidden = !result.title;
  dom.title.textContent = result.title ?? "";

  const s = result.stats;
  const summaryWords = result.summary.reduce((n, x) => n + countWords(x.text, result.language), 0);
  dom.stats.hidden = s.words === 0;
  dom.stats.replaceChildren(
    stat("Article", articleReadingTime(s), `${s.words.toLocaleString("en")} words, ${s.sentences} sentences`),
    stat("Summary", `${readingTime(summaryWords)} read`, `${summaryWords.toLocaleString("en")} words, ${result.summary.length} ${result.summary.length === 1 ? "sentence" : "sentences"}`),
    stat("Language", result.language === "und" ? "unknown" : result.language),
  );

  const mentions = result.entities.map(() => []);
  const picks = new Map();

  dom.summary.replaceChildren(...result.summary.map((sentence, i) => {
    const li = el("li");
    li.dataset.index = String(sentence.index);
    li.dataset.n = String(i);
    const link = el("a");
    link.href = `#pick-${i}`;
    link.className = "sentence";
    link.dataset.n = String(i);
    appendWithMentions(link, sentence.text, 0, sentence.text.length, shiftMentions(result.entities, sentence.start, sentence.end), mentions, { m: 0 });
    li.append(link);
    return li;
  }));
  dom.placeholder.hidden = result.summary.length > 0;
  dom.reason.hidden = !result.reason;
  dom.reason.textContent = result.reason ? `No summary: ${result.reason}.` : "";
  dom.copy.hidden = result.summary.length === 0;

  renderEntities(dom, result);
  dom.entitiesSection.hidden = result.entities.length === 0;
  dom.keywordsSection.hidden = result.keywords.length === 0;
  dom.keywords.replaceChildren(...result.keywords.map((k) => el("li", k.term, "chip keyword")));
  return { picks, mentions };
}

function stat(label, value, detail) {
  const node = el("span", undefined, "stat");
  node.append(el("span", label, "stat-label"), el("strong", value));
  if (detail) node.append(el("span", detail, "stat-detail"));
  return node;
}

function renderEntities(dom, result) {
  dom.entities.replaceChildren(...groupByKind(result.entities).map(({ kind, label, items }) => {
    const group = el("div", undefined, "entity-group");
    group.dataset.kind = kind;
    const heading = el("h3", label);
    heading.id = `entities-${kind}`;
    const list = el("ul", undefined, "chips");
    list.setAttribute("aria-labelledby", heading.id);
    for (const { entity, k } of items) {
      const button = entityChip("button", entity, `entity kind-${kind}`);
      button.type = "button";
      button.dataset.entity = String(k);
      button.setAttribute("aria-pressed", "false");
      list.append(el("li", undefined, "chip-item"));
      list.lastChild.append(button);
    }
    group.append(heading, list);
    return group;
  }));
}

/** Entity mention spans inside [start, end), shifted to start at 0: [s, e, entity]. */
function shiftMentions(entities, start, end) {
  const out = [];
  entities.forEach((e, k) => {
    for (const [s, t] of e.spans ?? []) if (s >= start && t <= end) out.push([s - start, t - start, k]);
  });
  return out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/**
 * Appends text[a, b) to `parent`, wrapping entity mentions (sorted [s, e, k]) in spans and
 * recording them in `registry[k]`. `state.m` walks the mentions across consecutive calls.
 */
function appendWithMentions(parent, text, a, b, list, registry, state) {
  let pos = a;
  while (state.m < list.length && list[state.m][1] <= pos) state.m++;
  for (let j = state.m; j < list.length && list[j][0] < b; j++) {
    const s = Math.max(list[j][0], pos);
    const e = Math.min(list[j][1], b);
    if (e <= s) continue;
    if (s > pos) parent.append(text.slice(pos, s));
    const span = el("span", text.slice(s, e), "mention");
    span.dataset.entity = String(list[j][2]);
    registry[list[j][2]].push(span);
    parent.append(span);
    pos = e;
  }
  if (b > pos) parent.append(text.slice(pos, b));
}

/**
 * Where the original is cut into chunks: at blank lines, every few thousand characters, never
 * inside a summary sentence. Chunks let the browser skip laying out what is off screen
 * (content-visibility), which is what keeps a 1 MB paste quick to show.
 */
function chunkRanges(text, summary) {
  const CHUNK = 4000;
  const ranges = [];
  let from = 0;
  let si = 0;
  const gap = /\n[^\S\n]*\n/g;
  gap.lastIndex = CHUNK;
  for (let m; (m = gap.exec(text)); ) {
    const cut = m.index + m[0].length;
    while (si < summary.length && summary[si].end <= cut) si++;
    if (si < summary.length && summary[si].start < cut) continue; // inside a summary sentence
    if (text.length - cut < CHUNK / 2) break;
    ranges.push([from, cut]);
    from = cut;
    gap.lastIndex = cut + CHUNK;
  }
  ranges.push([from, text.length]);
  return ranges;
}

/**
 * The original: `text` (the string the offsets of `result` index) with the summary sentences
 * highlighted and the entity mentions marked, recorded in `wired` (renderResult's).
 */
export function renderOriginal(container, text, result, { picks, mentions }) {
  const { bodyStart = 0, bodyEnd = text.length } = result.stats;
  const list = shiftMentions(result.entities, 0, text.length);
  const state = { m: 0 };
  const frag = document.createDocumentFragment();
  // Text outside the story (menus, footers) is shown muted; the story itself plainly.
  const plain = (parent, a, b) => {
    const cuts = [a, Math.min(Math.max(bodyStart, a), b), Math.min(Math.max(bodyEnd, a), b), b];
    for (let i = 0; i < 3; i++) {
      const [x, y] = [cuts[i], cuts[i + 1]];
      if (y <= x) continue;
      if (i === 1) appendWithMentions(parent, text, x, y, list, mentions, state);
      else {
        const noise = el("span", undefined, "noise");
        noise.title = "Not part of the story";
        appendWithMentions(noise, text, x, y, list, mentions, state);
        parent.append(noise);
      }
    }
  };
  const summary = result.summary;
  const chunks = chunkRanges(text, summary);
  let si = 0;
  for (const [ca, cb] of chunks) {
    const parent = chunks.length > 1 ? el("div", undefined, "chunk") : frag;
    // A guess at the chunk's height until it is first laid out (CSSOM, allowed by the CSP).
    if (parent !== frag) parent.style.containIntrinsicSize = `auto ${Math.ceil((cb - ca) / 60) * 1.7 + 2}em`;
    let pos = ca;
    for (; si < summary.length && summary[si].start < cb; si++) {
      const sentence = summary[si];
      if (sentence.start < pos) continue;
      plain(parent, pos, sentence.start);
      const mark = el("mark", undefined, "pick");
      mark.id = `pick-${si}`;
      mark.tabIndex = -1;
      mark.dataset.n = String(si);
      mark.dataset.label = String(si + 1);
      appendWithMentions(mark, text, sentence.start, sentence.end, list, mentions, state);
      parent.append(mark);
      picks.set(si, mark);
      pos = sentence.end;
    }
    plain(parent, pos, cb);
    if (parent !== frag) frag.append(parent);
  }
  container.replaceChildren(frag);
}

const FEATURES = {
  position: ["Position", "Early in the story, where news writing puts the essentials."],
  paragraphStart: ["Paragraph start", "Opens a paragraph."],
  centrality: ["Centrality", "Shares the article's most distinctive words (TF-IDF against everyday English)."],
  directed: ["Sets up what follows", "The sentences after it keep returning to its words."],
  title: ["Headline", "Shares words with the headline."],
  length: ["Length", "A complete sentence: not a fragment, not a run-on."],
  specifics: ["Specifics", "Names and numbers: who, where, how many."],
  quote: ["Quotation", "Share of the sentence inside quotation marks."],
  dangling: ["Points back", "Opens with a word like \"He\" or \"But\" that needs the sentence before it."],
};

/** "Why this sentence?": the features behind summary sentence `n`, and its rank among all. */
export function renderWhy(dom, result, n) {
  const sentence = result.summary[n];
  dom.why.hidden = !sentence;
  if (!sentence) return;
  const body = [];
  const facts = [`Sentence ${sentence.index + 1} of ${result.stats.sentences}`, `score ${sentence.score.toFixed(2)}`];
  const scores = result.scores ?? [];
  const own = scores.find((s) => s.start === sentence.start);
  if (own) {
    // Ties go to the earlier sentence, as they do in the core.
    const rank = scores.filter((s) => s.score > own.score || (s.score === own.score && s.start < own.start)).length;
    facts.push(`ranked ${ordinal(rank + 1)} of ${scores.length}`);
  }
  const lead = el("p", undefined, "why-lead");
  lead.append(el("strong", `${n + 1}.`), ` ${facts.join(" · ")}`);
  body.push(lead);
  const list = el("ul", undefined, "features");
  // Booleans (such as `dangling`) are shown as 0 or 1 like the other features.
  const entries = Object.entries(sentence.features ?? {}).map(([k, v]) => [k, Number(v)]);
  for (const [key, value] of entries) {
    const [label, help] = FEATURES[key] ?? [key, ""];
    const item = el("li", undefined, value >= 0.6 ? "feature strong" : "feature");
    const bar = el("span", undefined, "bar");
    bar.setAttribute("aria-hidden", "true");
    const fill = el("span", undefined, "fill");
    fill.style.width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
    bar.append(fill);
    item.append(el("span", label, "feature-name"), bar, el("span", value.toFixed(2), "feature-value"));
    if (help) item.append(el("span", help, "feature-help"));
    list.append(item);
  }
  body.push(list);
  // Length is a prior, quotation and dangling openers count against a sentence.
  const strong = entries.filter(([k, v]) => !["length", "quote", "dangling"].includes(k) && v >= 0.6).map(([k]) => (FEATURES[k]?.[0] ?? k).toLowerCase());
  if (strong.length) body.push(el("p", `It won on ${strong.join(" and ")}.`, "note"));
  dom.whyBody.replaceChildren(...body);
}

/** Most stems the chart draws one per sentence; a longer article gets one stem per bin. */
const MAX_STEMS = 300;

/**
 * The chart: every sentence's score (`result.scores`, every story sentence once, in document
 * order) at its position in the story, summary sentences marked and numbered. Past MAX_STEMS
 * sentences, the others are drawn in bins of neighbours, each at its best score.
 */
export function renderChart(dom, result) {
  const scores = result.scores ?? [];
  const n = scores.length;
  dom.chartSection.hidden = result.summary.length === 0 || n === 0;
  if (dom.chartSection.hidden) return;
  const picked = new Map(result.summary.map((s, i) => [s.start, i]));
  const chosen = [];
  const bins = new Map(); // bin → the best other sentence in it, and how many it holds
  const per = Math.max(1, Math.ceil(n / MAX_STEMS));
  scores.forEach((s, index) => {
    const point = { index, score: s.score, n: picked.get(s.start) };
    if (point.n !== undefined) return chosen.push(point);
    const bin = Math.floor(index / per);
    const best = bins.get(bin);
    if (!best || s.score > best.score) bins.set(bin, { ...point, first: bin * per, last: Math.min(n, (bin + 1) * per) - 1 });
  });

  // Drawn at the width it is shown at, so labels keep their size on a phone.
  const W = Math.max(260, Math.round(dom.chart.clientWidth) || 640), H = W < 480 ? 150 : 170, L = 40, R = 12, T = 22, B = 26;
  const max = scores.reduce((m, s) => Math.max(m, s.score), 0.0001);
  const P = 12; // keeps the first and last dots clear of the axis labels
  const x = (i) => L + P + (n > 1 ? (i / (n - 1)) * (W - L - R - 2 * P) : (W - L - R - 2 * P) / 2);
  const y = (v) => T + (1 - v / max) * (H - T - B);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img",
    "aria-label": `Scores of all ${n} sentences by position; summary sentences at positions ${chosen.map((p) => p.index + 1).join(", ")}` });
  for (const v of [0.5, 1]) root.append(svg("line", { x1: L, x2: W - R, y1: y(max * v), y2: y(max * v), class: "grid" }));
  root.append(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), class: "axis" }));
  root.append(svg("text", { x: L - 6, y: y(max) + 4, class: "tick", "text-anchor": "end" }, max.toFixed(2)));
  root.append(svg("text", { x: L - 6, y: y(0) + 4, class: "tick", "text-anchor": "end" }, "0"));
  root.append(svg("text", { x: L, y: H - 6, class: "tick" }, "start of article"));
  root.append(svg("text", { x: W - R, y: H - 6, class: "tick", "text-anchor": "end" }, `sentence ${n}`));
  for (const p of bins.values()) {
    const g = svg("g", { class: "point" });
    g.append(svg("title", {}, p.first === p.last
      ? `Sentence ${p.index + 1}: score ${p.score.toFixed(2)}`
      : `Sentences ${p.first + 1}–${p.last + 1}: best score ${p.score.toFixed(2)} (sentence ${p.index + 1})`));
    g.append(svg("line", { x1: x(p.index), x2: x(p.index), y1: y(0), y2: y(p.score), class: "stem" }));
    if (per === 1) g.append(svg("circle", { cx: x(p.index), cy: y(p.score), r: 2.6, class: "dot" }));
    root.append(g);
  }
  // Numbered badges for the summary; neighbours (often the first few sentences) push their
  // badge right and up, with a leader line back to the real point.
  let prev = -Infinity;
  for (const p of chosen) {
    const px = x(p.index), py = y(p.score);
    const lx = Math.min(Math.max(px, prev + 17), W - R - 4);
    const ly = lx - px > 0.5 ? Math.max(T - 8, py - 14) : py;
    prev = lx;
    const g = svg("g", { class: "point chosen", "data-n": p.n });
    g.append(svg("title", {}, `Summary sentence ${p.n + 1} (sentence ${p.index + 1}): score ${p.score.toFixed(2)}`));
    g.append(svg("line", { x1: px, x2: px, y1: y(0), y2: py, class: "stem" }));
    if (ly !== py) g.append(svg("line", { x1: px, y1: py, x2: lx, y2: ly, class: "leader" }));
    g.append(svg("circle", { cx: px, cy: py, r: 3, class: "dot" }));
    g.append(svg("circle", { cx: lx, cy: ly, r: 7.5, class: "dot badge" }));
    g.append(svg("text", { x: lx, y: ly + 3.6, class: "dot-label", "text-anchor": "middle" }, String(p.n + 1)));
    root.append(g);
  }
  dom.chart.replaceChildren(root);
  dom.chartNote.textContent = per === 1
    ? `All ${n} sentences. Higher means more likely to be chosen; numbered dots are the summary.`
    : `All ${n} sentences, each stem the best of ${per} neighbours. Higher means more likely to be chosen; numbered dots are the summary.`;
}

export function renderError(dom, message) {
  dom.error.hidden = !message;
  dom.error.textContent = message ?? "";
}
