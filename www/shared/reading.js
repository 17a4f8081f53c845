// Words and reading time, the same figures on the paste page and in the extension's panel.
// No DOM, no imports (see dom.js for why).

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

/** "4 min read": the article's reading time from a result's `stats` (at least a minute). */
export const articleReadingTime = (stats) => `${Math.max(1, stats.readingMinutes)} min read`;
