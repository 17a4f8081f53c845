// Pure helpers shared by the renderer and the copy buttons: words, reading time, plain text
// and Markdown exports. No DOM here.

export const KINDS = [
  ["person", "People"],
  ["organization", "Organizations"],
  ["place", "Places"],
  ["other", "Other"],
];

/** Words per minute; the same figure the core uses for `stats.readingMinutes`. */
export const WORDS_PER_MINUTE = 238;

/** Word count that also works for scripts without spaces (Intl.Segmenter when present). */
export function countWords(text, language) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    let n = 0;
    const lang = language && language !== "und" ? language : undefined;
    for (const seg of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) if (seg.isWordLike) n++;
    return n;
  }
  return text.split(/\s+/).filter(Boolean).length;
}

/** "45 s", "3 min": reading time of `words` words. */
export function readingTime(words) {
  const seconds = Math.round((words / WORDS_PER_MINUTE) * 60);
  if (seconds < 60) return `${Math.max(5, Math.round(seconds / 5) * 5)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

const oneLine = (s) => s.replace(/\s+/g, " ").trim();

function entityLines(result) {
  const lines = [];
  for (const [kind, label] of KINDS) {
    const names = result.entities.filter((e) => e.kind === kind).map((e) => e.name);
    if (names.length) lines.push([label, names]);
  }
  return lines;
}

/** The summary as plain text: title, numbered sentences, entities and keywords. */
export function toPlainText(result) {
  const out = [];
  if (result.title) out.push(oneLine(result.title), "");
  result.summary.forEach((s, i) => out.push(`${i + 1}. ${oneLine(s.text)}`));
  const entities = entityLines(result);
  if (entities.length) out.push("", ...entities.map(([label, names]) => `${label}: ${names.join(", ")}`));
  if (result.keywords.length) out.push(`Keywords: ${result.keywords.map((k) => k.term).join(", ")}`);
  return out.join("\n") + "\n";
}

/** Escapes what Markdown would read as markup, so page text stays text wherever it is pasted. */
export function escapeMarkdown(text) {
  return oneLine(text)
    .replace(/[\\`*_{}[\]<>|~]/g, "\\$&")
    .replace(/^([#+-])(?=\s)/, "\\$1").replace(/^(\d+)([.)])(?=\s)/, "$1\\$2");
}

/** The summary as Markdown: a heading, a numbered list, then entities and keywords in bold-led lines. */
export function toMarkdown(result) {
  const out = [];
  if (result.title) out.push(`## ${escapeMarkdown(result.title)}`, "");
  result.summary.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdown(s.text)}`));
  const entities = entityLines(result);
  if (entities.length) out.push("", ...entities.map(([label, names]) => `**${label}:** ${names.map(escapeMarkdown).join(", ")}  `));
  if (result.keywords.length) out.push(`**Keywords:** ${result.keywords.map((k) => escapeMarkdown(k.term)).join(", ")}`);
  return out.join("\n").replace(/ {2}$/, "") + "\n";
}
