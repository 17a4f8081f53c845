// The reader's settings, kept in chrome.storage.local (never sync: nothing leaves the machine).
// Shared by the service worker and the options page.

export const DEFAULTS = Object.freeze({ sentences: 3, highlight: true, color: "#ffe58a" });
export const MAX_SENTENCES = 10;

/** Returns a valid settings object whatever is stored (missing or bad fields get defaults). */
export function clean(stored = {}) {
  const sentences = Number.parseInt(stored.sentences, 10);
  return {
    sentences: sentences >= 1 && sentences <= MAX_SENTENCES ? sentences : DEFAULTS.sentences,
    highlight: typeof stored.highlight === "boolean" ? stored.highlight : DEFAULTS.highlight,
    color: /^#[0-9a-f]{6}$/i.test(stored.color ?? "") ? stored.color.toLowerCase() : DEFAULTS.color,
  };
}

export async function loadSettings() {
  return clean(await chrome.storage.local.get(Object.keys(DEFAULTS)));
}

export async function saveSettings(changes) {
  const next = clean({ ...(await loadSettings()), ...changes });
  await chrome.storage.local.set(next);
  return next;
}
