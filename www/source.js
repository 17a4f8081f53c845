// Turns what the reader gives us into lede's input: text as is, an HTML file through the same
// DOM collector as the extension (shared/collect.js). DOMParser documents are inert: no script
// runs, nothing loads.
import { collectPage } from "./shared/collect.js";

const isHtml = (file) => /\.(x?html?)$/i.test(file.name) || /html/.test(file.type);

export const acceptsFile = (file) => isHtml(file) || /\.(txt|text|md)$/i.test(file.name) || file.type.startsWith("text/");

/** Reads a dropped or opened file: { kind: "text", text } or { kind: "page", page, name }. */
export async function readFile(file) {
  const raw = await file.text();
  if (!isHtml(file)) return { kind: "text", text: raw, name: file.name };
  const doc = new DOMParser().parseFromString(raw, "text/html");
  const page = collectPage(doc);
  return { kind: "page", page, name: file.name };
}
