// The copy buttons' formats: the summary as plain text and as Markdown. No DOM here.
import { groupByKind } from "./shared/kinds.js";

const oneLine = (s) => s.replace(/\s+/g, " ").trim();

/** [heading, names] of each kind of entity in the result, in the order the page shows them. */
const entityLines = (result) => groupByKind(result.entities).map(({ label, items }) => [label, items.map(({ entity }) => entity.name)]);

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
