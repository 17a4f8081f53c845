// The types of lede's JavaScript API, included in pkg/lede.d.ts by the binding
// (src/wasm_api.rs, `typescript_custom_section`). The result's field names must match
// `Report::to_value` in src/report.rs: tests/report_shape.rs checks every interface below
// against real results, and `make test` type-checks e2e/types.test.ts against pkg/lede.d.ts.

/** Options of `summarize` and `summarizePage`. Every field is optional; `null` or `undefined`
 * keeps the default. An unknown field or a bad value throws an `Error` naming the field. */
export interface Options {
  /** Summary length in sentences, 1–100 (default 3). Ignored when `maxWords` is set. */
  sentences?: number | null;
  /** A word budget instead of a sentence count, 1–100000. */
  maxWords?: number | null;
  /** Number of entities, 0–100 (default 10). */
  entities?: number | null;
  /** Number of keywords, 0–100 (default 10). */
  keywords?: number | null;
  /** ISO 639-1 code of the text's language (default: detect). */
  language?: string | null;
}

/** What an entity is. */
export type Kind = "person" | "organization" | "place" | "other";

/** Why a sentence scored what it did (see the README). */
export interface Features {
  position: number;
  paragraphStart: number;
  centrality: number;
  directed: number;
  title: number;
  length: number;
  specifics: number;
  quote: number;
  dangling: boolean;
}

/** A summary sentence. `start`/`end` are UTF-16 offsets: `text.slice(start, end) === text`. */
export interface SummarySentence {
  text: string;
  /** Position among the story's sentences (0-based). */
  index: number;
  start: number;
  end: number;
  score: number;
  features: Features;
}

/** A story sentence's place (UTF-16 offsets) and score. */
export interface SentenceScore {
  start: number;
  end: number;
  score: number;
}

/** An entity of the story. */
export interface Entity {
  /** The fullest form used in the text ("Antony Blinken"). */
  name: string;
  kind: Kind;
  /** Number of mentions, aliases included. */
  mentions: number;
  /** Other forms that refer to it ("Blinken"). */
  aliases: string[];
  /** UTF-16 offset of the first mention. */
  start: number;
  /** `[start, end]` UTF-16 offsets of every mention. */
  spans: [number, number][];
}

export interface Keyword {
  term: string;
  score: number;
}

/** Counts over the story found in the text (not the menus around it). */
export interface Stats {
  characters: number;
  words: number;
  sentences: number;
  readingMinutes: number;
  bodyStart: number;
  bodyEnd: number;
}

/** What `summarize` returns. */
export interface Summary {
  /** The headline, when the text has one. */
  title: string | null;
  /** The summary sentences, in document order. */
  summary: SummarySentence[];
  /** Every story sentence once, in document order, with its score. */
  scores: SentenceScore[];
  /** Most salient first. */
  entities: Entity[];
  keywords: Keyword[];
  /** ISO 639-1 code, "und" when unknown. */
  language: string;
  stats: Stats;
  /** Why the summary is empty, when it is. */
  reason: string | null;
}

/** One visible block of a page. Only `text` is required; the other fields are hints, and
 * `null` or `undefined` gives their default. Unknown fields are ignored. */
export interface PageBlock {
  text: string;
  /** The element's tag name ("p", "h1", "li"...). Default "". */
  tag?: string | null;
  /** Share of the text inside links, 0–1 (clamped). Default 0. */
  linkDensity?: number | null;
  /** Inside navigation, a footer, an aside, related links, comments... Default false. */
  noise?: boolean | null;
  /** Inside `<article>` or `<main>`. Default false. */
  article?: boolean | null;
  /** A list item or inside a list. Default false. */
  list?: boolean | null;
  /** Ids of the elements that hold the block, outermost first (integers 0–4294967295). */
  path?: number[] | null;
}

/** A page as a DOM collector gathers it (see www/shared/collect.js). */
export interface Page {
  title?: string | null;
  url?: string | null;
  blocks?: PageBlock[] | null;
}

/** What `summarizePage` returns: a summary of `text`, the blocks joined by blank lines. */
export interface PageSummary extends Summary {
  /** The text every offset refers to. */
  text: string;
  /** Each block's `[start, end]` in `text`; `null` for an empty block. */
  blocks: ([number, number] | null)[];
}
