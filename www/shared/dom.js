// DOM helpers for the paste page and the extension's panel: elements and entity chips. Text
// goes in through textContent only: page text is data, never markup.
//
// No imports: the extension loads this file into web pages by its per-session URL, where a
// static import would resolve against the extension's fixed URL and be refused (see
// www/extension/content.js).

const SVG = "http://www.w3.org/2000/svg";

/** A new `tag` element with `text` (as textContent, when given) and `className`. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** A new SVG element with `attrs` and, when given, `text` as its textContent. */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A chip for `entity`: a `tag` element (class "chip" plus `className`) holding its name and
 * mention count ("3", read aloud as "3 mentions"), its other spellings in the tooltip.
 */
export function entityChip(tag, entity, className) {
  const chip = el(tag, undefined, className ? `chip ${className}` : "chip");
  const count = el("span", String(entity.mentions), "count");
  count.append(el("span", entity.mentions === 1 ? " mention" : " mentions", "sr-only"));
  chip.append(el("span", entity.name, "name"), count);
  if (entity.aliases?.length) chip.title = `Also written: ${entity.aliases.join(", ")}`;
  return chip;
}
