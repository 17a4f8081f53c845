// Maps lede's offsets back onto the page: a summary sentence's [start, end] in the result's
// `text` becomes DOM Ranges over the text nodes it came from. Reads the DOM, never changes it.
//
// result.blocks[i] is the [start, end] of page.blocks[i] in `text` (UTF-16), and collect.js
// recorded, while it made page.blocks[i].text, where each character came from (sources[i]: see
// collect.js). Those records are the only text rules used here: nothing is re-walked.

// Selection mode (selectionRanges, below) has no collected blocks: it searches the selected text
// nodes for each sentence, with these two.

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

/** A Range over characters [a, b) of `mapped` (from collapseMapped), or null if it is empty. */
function rangeOf({ at }, a, b) {
  if (a >= b) return null;
  const range = new Range();
  range.setStart(at[a][0], at[a][1]);
  range.setEnd(at[b - 1][0], at[b - 1][1] + 1);
  return range;
}

/**
 * [node, offset] of character k of a block text from its runs (collect.js's sources[i]), or null
 * when it is the space a <br> stands for.
 */
function sourceOf(runs, k) {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].at <= k) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  return run?.node.nodeType === Node.TEXT_NODE ? [run.node, run.offset + (k - run.at)] : null;
}

/** Does the DOM still hold characters [a, b) of `text` where `runs` says they came from? */
function stillThere(runs, text, a, b) {
  for (let k = a; k < b; k++) {
    const at = sourceOf(runs, k);
    if (!at) continue; // a <br>'s space
    const [node, offset] = at;
    const c = node.isConnected ? node.data[offset] : undefined;
    if (c !== text[k] && !(text[k] === " " && /\s/.test(c ?? ""))) return false;
  }
  return true;
}

/**
 * The Ranges over characters [a, b) of block text `text`, whose characters came from `runs`
 * (collect.js's sources[i]): one, or one per stretch between the gaps where the collector left
 * page text out (so no Range takes in text that is not in the block). None if the stretch holds
 * no page text, or if the page has changed there since it was collected.
 *
 * No text-search fallback: the runs are the collector's own record, so they cannot disagree
 * with its rules; they only go stale when the page rewrites that text between collecting and
 * showing, and searching the element then would need its own copy of the collector's rules (the
 * duplication this replaced). Such a passage is left unhighlighted rather than guessed at.
 */
export function blockRanges(runs, text, a, b) {
  if (!runs?.length || !stillThere(runs, text, a, b)) return [];
  const cuts = [a, ...runs.filter((r) => r.gap && r.at > a && r.at < b).map((r) => r.at), b];
  const ranges = [];
  for (let p = 0; p + 1 < cuts.length; p++) {
    let i = cuts[p];
    let j = cuts[p + 1] - 1;
    while (i <= j && !sourceOf(runs, i)) i++; // skip <br>s at the edges
    while (j >= i && !sourceOf(runs, j)) j--;
    if (i > j) continue;
    const [startNode, startOffset] = sourceOf(runs, i);
    const [endNode, endOffset] = sourceOf(runs, j);
    const range = new Range();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset + 1);
    ranges.push(range);
  }
  return ranges;
}

/**
 * The Ranges (one per block it touches, or more: see blockRanges) of every summary sentence:
 * `ranges[k]` for `result.summary[k]`. `collected` is what collectBlocks() returned
 * ({ page, sources, ... }); in-page.js keeps it from collect() to show().
 */
export function summaryRanges(result, { page, sources }) {
  const spans = result.blocks ?? [];
  return result.summary.map((sentence) => {
    const ranges = [];
    spans.forEach((span, i) => {
      if (!span) return;
      const [bs, be] = span;
      const a = Math.max(sentence.start, bs);
      const b = Math.min(sentence.end, be);
      if (a >= b) return;
      ranges.push(...blockRanges(sources[i], page.blocks[i].text, a - bs, b - bs));
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
