// Maps lede's offsets back onto the page: a summary sentence's [start, end] in the result's
// `text` becomes DOM Ranges over the text nodes it came from. Reads the DOM, never changes it.
//
// result.blocks[i] is the [start, end] of page.blocks[i] in `text` (UTF-16), and collect.js
// made page.blocks[i].text from elements[i]: its text nodes (skipping script-like and hidden
// elements, <br> as a newline) with whitespace collapsed and trimmed. Walking the element the
// same way gives, for every character of the block text, the text node and offset it came from.

// The same rules as collect.js's textOf(), which does not export them. If the collector's rules
// change, blockRange() notices (the rebuilt text differs) and falls back to a text search.
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "HEAD"]);

function hidden(el) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
  const view = el.ownerDocument.defaultView;
  if (!view || !el.isConnected) return false;
  const style = view.getComputedStyle(el);
  return style.display === "none" || style.visibility === "hidden";
}

/**
 * The element's text as collect.js sees it, collapsed, with `at[i]`: the [node, offset] of
 * character i (null for the newline a <br> stands for).
 */
export function elementText(el) {
  let raw = "";
  const where = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const t = child.data;
        raw += t;
        for (let k = 0; k < t.length; k++) where.push([child, k]);
      } else if (child.nodeType === Node.ELEMENT_NODE && !SKIP_TAGS.has(child.tagName) && !hidden(child)) {
        if (child.tagName === "BR") {
          raw += "\n";
          where.push(null);
        } else walk(child);
      }
    }
  };
  walk(el);
  return collapseMapped(raw, where);
}

/** raw.replace(/\s+/g, " ").trim(), keeping in `at` where each kept character came from. */
function collapseMapped(raw, where) {
  let text = "";
  const at = [];
  let last = 0;
  for (const m of raw.matchAll(/\s+/g)) {
    for (let k = last; k < m.index; k++) {
      text += raw[k];
      at.push(where[k]);
    }
    const end = m.index + m[0].length;
    if (m.index > 0 && end < raw.length) {
      text += " ";
      at.push(where[m.index]);
    }
    last = end;
  }
  for (let k = last; k < raw.length; k++) {
    text += raw[k];
    at.push(where[k]);
  }
  return { text, at };
}

/** A Range over characters [a, b) of `mapped` (from elementText), or null if it is empty. */
function rangeOf(mapped, a, b) {
  const { at } = mapped;
  let i = a;
  while (i < b && !at[i]) i++; // skip <br> newlines at the edges
  let j = b - 1;
  while (j >= i && !at[j]) j--;
  if (i > j) return null;
  const range = new Range();
  range.setStart(at[i][0], at[i][1]);
  range.setEnd(at[j][0], at[j][1] + 1);
  return range;
}

/**
 * A Range over [a, b) of the block text `blockText` collected from `el`. When the element no
 * longer reads as the block (the page changed, or the collector's rules did), looks for the
 * passage in the element's text instead, then gives the whole element.
 */
export function blockRange(el, blockText, a, b) {
  if (!el?.isConnected) return null;
  const mapped = elementText(el);
  if (mapped.text === blockText) return rangeOf(mapped, a, b);
  const found = mapped.text.indexOf(blockText.slice(a, b));
  if (found >= 0) return rangeOf(mapped, found, found + (b - a));
  const range = new Range();
  range.selectNodeContents(el);
  return range;
}

/**
 * The Ranges (one per block it touches) of every summary sentence: `ranges[k]` for
 * `result.summary[k]`. `page` and `elements` are what collectBlocks() returned.
 */
export function summaryRanges(result, page, elements) {
  const spans = result.blocks ?? [];
  return result.summary.map((sentence) => {
    const ranges = [];
    spans.forEach((span, i) => {
      if (!span) return;
      const [bs, be] = span;
      const a = Math.max(sentence.start, bs);
      const b = Math.min(sentence.end, be);
      if (a >= b) return;
      const range = blockRange(elements[i], page.blocks[i].text, a - bs, b - bs);
      if (range) ranges.push(range);
    });
    return ranges;
  });
}

/**
 * For "Summarize selection": the Ranges of each summary sentence inside the reader's selection
 * `selection` (a Range), found by searching the selection's visible text in order, whitespace
 * collapsed. A sentence that cannot be found (it spans paragraphs with no space between them in
 * the DOM, say) gets no Range.
 */
export function selectionRanges(summary, selection) {
  let root = selection.commonAncestorContainer;
  if (root.nodeType !== Node.ELEMENT_NODE) root = root.parentNode;
  let raw = "";
  const where = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!selection.intersectsNode(node)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, textarea") || !parent.checkVisibility()) continue;
    const from = node === selection.startContainer ? selection.startOffset : 0;
    const to = node === selection.endContainer ? selection.endOffset : node.data.length;
    raw += node.data.slice(from, to);
    for (let k = from; k < to; k++) where.push([node, k]);
  }
  const mapped = collapseMapped(raw, where);
  let after = 0;
  return summary.map((sentence) => {
    const needle = sentence.text.replace(/\s+/g, " ").trim();
    const found = needle ? mapped.text.indexOf(needle, after) : -1;
    if (found < 0) return [];
    after = found + needle.length;
    const range = rangeOf(mapped, found, after);
    return range ? [range] : [];
  });
}
