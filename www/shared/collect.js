// Walks a DOM into the blocks lede's summarizePage() decides on. JS collects, Rust decides.
// An ES module with no chrome.* use, so the paste page, the extension and tests can import it.
//
//   collectPage(document)   → { title, url, lang, blocks: [{ text, tag, linkDensity, noise, article, list, path }] }
//   collectBlocks(document) → { page, elements, sources }  where elements[i] is the element of
//                             page.blocks[i] and sources[i] says where each of its characters came from
//
// A block is a run of inline content (text, links, emphasis...) inside one element: a <p>, a
// heading, a list item, or the loose text of a <div>. Each block says what the DOM knows about
// it; the core weighs that evidence:
//   tag          the element's tag ("p", "h2", "li", "div"...)
//   linkDensity  share of its text inside links (0–1)
//   noise        inside <nav>/<footer>/<aside>, a page <header>, a navigation/banner/... role, or
//                an element whose class or id says menu, sidebar, related, comments, share...
//                (hints stop at the story's own <article>/<main>)
//   article      inside <article>, <main> or [itemprop=articleBody]
//   list         inside a list
//   path         numbers of the elements holding the block, outermost first (same element, same
//                number), so the core can find the element that holds the story
// Hidden elements (display: none, visibility: hidden, [hidden], aria-hidden) are left out.
// Page text is only read (textContent), never written back as HTML.
//
// sources[i] is the only record of how page.blocks[i].text was made, so that mapping.js can put
// lede's offsets back onto the page without re-deriving the text (no second copy of the rules
// above to drift apart): runs [{ at, node, offset }] in order of `at`. Character k of the block
// text, in the run with the greatest at <= k, came from `node` at `offset + (k - at)` when
// `node` is a Text node; when it is a <br>, the character is the (one) space its line break
// collapsed to. A collapsed run of whitespace comes from its first character. A run with
// `gap: true` follows page text the block leaves out (a script, a <video>'s fallback, a hidden
// element inside the run), so one Range across it would take that text in. Node references stay
// out of `page`, which is plain data for the core.

const INLINE_TAGS = new Set([
  "A", "ABBR", "B", "BDI", "BDO", "BIG", "BR", "CITE", "CODE", "DATA", "DEL", "DFN", "EM", "FONT", "I", "IMG", "INS",
  "KBD", "LABEL", "MARK", "MATH", "NOBR", "Q", "RP", "RT", "RUBY", "S", "SAMP", "SMALL", "SPAN", "STRIKE", "STRONG",
  "SUB", "SUP", "TIME", "TT", "U", "VAR", "WBR",
]);
const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "EMBED", "BUTTON", "SELECT",
  "TEXTAREA", "INPUT", "HEAD", "VIDEO", "AUDIO", "MAP", "DIALOG",
]);
const NOISE_TAGS = new Set(["NAV", "FOOTER", "ASIDE"]);
const NOISE_ROLES = new Set([
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert", "toolbar",
]);
// Class/id words of page furniture (after Readability.js's "unlikely candidates"), unless the
// same hint also says content. Comments and the like are furniture whatever their size; layout
// words (sidebar, widget, header...) also name wrappers around the whole page, so they count
// only on elements holding a small part of the page's text.
const NOISE_ALWAYS = /comment|disqus|replies|shoutbox|breadcrumb|cookie|gdpr|newsletter|outbrain|taboola|most-?(read|popular|viewed)/i;
const NOISE_WORDS =
  /-ad-|\bads?\b|advert|agegate|banner|combx|community|footer|\bheader\b|masthead|menu|\bnav|pager|pagination|popular|popup|promo|recommend|related|remark|\brss\b|\bshare\b|share-?(bar|button|tool|link|icon)|sidebar|skyscraper|social|sponsor|subscri|trending|widget/i;
const LAYOUT_SHARE = 0.4;
const CONTENT_WORDS = /article|body|column|content|\bmain\b|\bpost\b|\bstory\b|\btext\b|entry/i;
const ARTICLE = "article, main, [itemprop=articleBody], [role=main]";
const BLOCKS = "address,article,aside,blockquote,dd,div,dl,dt,figcaption,figure,footer,form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,td,th,tr,ul";
const LISTS = new Set(["UL", "OL", "DL", "MENU"]);

const collapse = (s) => s.replace(/\s+/g, " ").trim();

/**
 * Builds a block's text as collapse() would from its text nodes and <br>s (a newline each),
 * recording the runs of sources[i] (see above) as it goes.
 */
function textRecorder() {
  let text = "";
  const runs = [];
  let gap = false; // text was left out after the last source recorded
  let space = null; // the pending collapsed space: [node, offset, gap before it]
  const put = (chars, node, offset, gapBefore) => {
    const last = runs[runs.length - 1];
    if (gapBefore && text) runs.push({ at: text.length, node, offset, gap: true });
    else if (!last || last.node !== node || last.offset + (text.length - last.at) !== offset) {
      runs.push({ at: text.length, node, offset });
    }
    text += chars;
  };
  const pend = (node, offset) => {
    if (space) return; // a collapsed run of whitespace comes from its first character
    space = [node, offset, gap];
    gap = false;
  };
  return {
    text(node) {
      for (const m of node.data.matchAll(/(\s+)|\S+/g)) {
        if (m[1]) pend(node, m.index);
        else {
          if (space && text) put(" ", ...space); // none at the start: trimmed
          space = null;
          put(m[0], node, m.index, gap);
          gap = false;
        }
      }
    },
    br(node) {
      pend(node, 0);
    },
    skip(node) {
      if (node.textContent) gap = true;
    },
    done: () => ({ text, runs }), // a pending space at the end is trimmed
  };
}

function hidden(el) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
  const view = el.ownerDocument.defaultView;
  if (!view || !el.isConnected) return false;
  const style = view.getComputedStyle(el);
  if (style.display === "none") return true;
  // visibility is inherited: only the element that sets it hides. A hidden <body> is a page
  // waiting for its scripts to reveal it, not hidden text.
  if (style.visibility !== "hidden" || el.tagName === "BODY" || el.tagName === "HTML") return false;
  const parent = el.parentElement;
  return !parent || view.getComputedStyle(parent).visibility !== "hidden";
}

const isInline = (node) => node.nodeType === 3 || (node.nodeType === 1 && INLINE_TAGS.has(node.tagName));

function hintOf(el) {
  const cls = typeof el.className === "string" ? el.className : (el.getAttribute("class") ?? "");
  return `${el.id ?? ""} ${cls}`;
}

/** Does this element (not its ancestors) mark page furniture? */
function noiseHere(el, pageChars) {
  const tag = el.tagName;
  if (tag === "BODY" || tag === "HTML" || el.matches(ARTICLE)) return false;
  if (NOISE_TAGS.has(tag)) return true;
  if (tag === "HEADER" && !el.closest(ARTICLE)) return true;
  if (NOISE_ROLES.has(el.getAttribute("role"))) return true;
  const hint = hintOf(el);
  if (CONTENT_WORDS.test(hint)) return false;
  if (NOISE_ALWAYS.test(hint)) return true;
  return NOISE_WORDS.test(hint) && el.textContent.length < LAYOUT_SHARE * pageChars;
}

export function collectBlocks(doc = document) {
  const blocks = [];
  const elements = [];
  const sources = [];
  const ids = new Map();
  const idOf = (el) => ids.get(el) ?? (ids.set(el, ids.size + 1), ids.size);

  // Context flows down the walk: ancestors' ids, noise, article, list.
  const flush = (el, run, ctx) => {
    const out = textRecorder();
    let linkText = "";
    const walk = (node, inLink) => {
      if (node.nodeType === 3) {
        out.text(node);
        if (inLink) linkText += node.data;
        return;
      }
      if (node.nodeType !== 1) return;
      if (SKIP_TAGS.has(node.tagName) || hidden(node)) {
        out.skip(node);
        return;
      }
      if (node.tagName === "BR") {
        out.br(node);
        return;
      }
      if (node.tagName === "IMG") return;
      for (const child of node.childNodes) walk(child, inLink || node.tagName === "A");
    };
    for (const node of run) walk(node, false);
    const { text: clean, runs } = out.done();
    if (!clean) return;
    blocks.push({
      text: clean,
      tag: el.tagName.toLowerCase(),
      linkDensity: Math.round(Math.min(1, collapse(linkText).length / clean.length) * 100) / 100,
      noise: ctx.noise,
      article: ctx.article,
      list: ctx.list,
      path: ctx.path,
    });
    elements.push(el);
    sources.push(runs);
  };

  const visit = (el, parent) => {
    if (SKIP_TAGS.has(el.tagName) || hidden(el)) return;
    const ctx = {
      path: [...parent.path, idOf(el)],
      // Furniture hints above the story's own <article>/<main> do not count inside it.
      noise: (parent.noise && !el.matches(ARTICLE)) || noiseHere(el, pageChars),
      article: parent.article || el.matches(ARTICLE),
      list: parent.list || LISTS.has(el.tagName) || el.tagName === "LI",
    };
    let run = [];
    for (const child of el.childNodes) {
      // An inline element holding blocks (<a><div>…</div></a>) is walked as a block.
      if (isInline(child) && !(child.nodeType === 1 && child.querySelector(BLOCKS))) {
        run.push(child);
      } else if (child.nodeType === 1) {
        flush(el, run, ctx);
        run = [];
        visit(child, ctx);
      }
    }
    flush(el, run, ctx);
  };
  const pageChars = doc.body?.textContent.length ?? 0;
  if (doc.body) visit(doc.body, { path: [], noise: false, article: false, list: false });
  return { page: { title: headline(doc), url: doc.location?.href ?? null, lang: doc.documentElement?.lang || null, blocks }, elements, sources };
}

/** The headline the page declares: JSON-LD headline, og:title, the first <h1>, <title>. */
function headline(doc) {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = [JSON.parse(script.textContent)].flat(4).flatMap((x) => [x, ...(x?.["@graph"] ?? [])]);
      const h = found.find((x) => typeof x?.headline === "string")?.headline;
      if (h && collapse(h)) return collapse(h);
    } catch {
      // Not JSON: ignore.
    }
  }
  const meta = (sel) => collapse(doc.querySelector(sel)?.getAttribute("content") ?? "");
  return meta('meta[property="og:title"]') || collapse(doc.querySelector("h1")?.textContent ?? "") || collapse(doc.title ?? "") || null;
}

export function collectPage(doc = document) {
  return collectBlocks(doc).page;
}
