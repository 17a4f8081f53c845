// Walks a DOM into the blocks lede's summarizePage() decides on. JS collects, Rust decides.
// An ES module with no chrome.* use, so the paste page, the extension and tests can import it.
//
//   collectPage(document)   → { title, url, lang, blocks: [{ text, tag, linkDensity, noise, article }] }
//   collectBlocks(document) → { page, elements }  where elements[i] is the element of page.blocks[i]

const BLOCK_TAGS = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "FIGCAPTION", "DT", "DD", "TD", "TH",
  "CAPTION", "ADDRESS",
]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "HEAD"]);
const NOISE_TAGS = new Set(["NAV", "FOOTER", "ASIDE", "HEADER", "FORM"]);
const NOISE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"]);
const NOISE_WORDS = /(^|[\s_-])(nav|menu|footer|sidebar|related|recommend|trending|popular|most-read|share|social|comment|promo|newsletter|subscribe|advert|ad-|ads|breadcrumb|cookie|banner|teaser)/i;

const collapse = (s) => s.replace(/\s+/g, " ").trim();

function hidden(el) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
  const view = el.ownerDocument.defaultView;
  if (!view || !el.isConnected) return false;
  const style = view.getComputedStyle(el);
  return style.display === "none" || style.visibility === "hidden";
}

function isNoise(el) {
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    if (NOISE_TAGS.has(n.tagName) && !(n.tagName === "HEADER" && n.closest("article"))) return true;
    if (NOISE_ROLES.has(n.getAttribute("role"))) return true;
    const hint = `${n.id} ${typeof n.className === "string" ? n.className : ""}`;
    if (NOISE_WORDS.test(hint)) return true;
  }
  return false;
}

/** A block element whose own text is not inside a nested block (e.g. a <div> holding text). */
function hasOwnText(el) {
  for (const child of el.childNodes) {
    if (child.nodeType === 3 && child.textContent.trim()) return true;
  }
  return false;
}

function textOf(el) {
  let text = "";
  let linkText = "";
  const walk = (node, inLink) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        text += child.textContent;
        if (inLink) linkText += child.textContent;
      } else if (child.nodeType === 1 && !SKIP_TAGS.has(child.tagName) && !hidden(child)) {
        if (child.tagName === "BR") text += "\n";
        else walk(child, inLink || child.tagName === "A");
      }
    }
  };
  walk(el, el.tagName === "A");
  const clean = collapse(text);
  return { text: clean, linkDensity: clean ? Math.min(1, collapse(linkText).length / clean.length) : 0 };
}

export function collectBlocks(doc = document) {
  const blocks = [];
  const elements = [];
  const visit = (el) => {
    if (SKIP_TAGS.has(el.tagName) || hidden(el)) return;
    const isBlock = BLOCK_TAGS.has(el.tagName);
    const nestedBlock = isBlock && el.querySelector([...BLOCK_TAGS].join(","));
    if ((isBlock && !nestedBlock) || (!isBlock && hasOwnText(el))) {
      const { text, linkDensity } = textOf(el);
      if (text) {
        blocks.push({
          text,
          tag: el.tagName.toLowerCase(),
          linkDensity: Math.round(linkDensity * 100) / 100,
          noise: isNoise(el),
          article: Boolean(el.closest("article, main, [itemprop=articleBody]")),
        });
        elements.push(el);
      }
      if (!nestedBlock) return;
    }
    for (const child of el.children) visit(child);
  };
  if (doc.body) visit(doc.body);
  const meta = (sel) => doc.querySelector(sel)?.getAttribute("content")?.trim();
  const title = meta('meta[property="og:title"]') || collapse(doc.querySelector("h1")?.textContent ?? "") || collapse(doc.title ?? "") || null;
  return {
    page: { title, url: doc.location?.href ?? null, lang: doc.documentElement?.lang || null, blocks },
    elements,
  };
}

export function collectPage(doc = document) {
  return collectBlocks(doc).page;
}
