// Type-checked by e2e/types.test.mjs (`tsc --noEmit --strict -p e2e/types`) against the
// generated pkg/lede.d.ts: the API as a TypeScript user writes it. Each `@ts-expect-error` line
// must be a type error; if the types loosened to `any`, the unused directive fails the check.
import init, { summarize, summarizePage, version } from "../../pkg/lede.js";
import type { Entity, Kind, Options, Page, PageSummary, SentenceScore, Summary } from "../../pkg/lede.js";

export async function example(text: string): Promise<string[]> {
  await init({ module_or_path: new URL("../../pkg/lede_bg.wasm", import.meta.url) });
  const v: string = version();
  const r: Summary = summarize(text);
  const short = summarize(text, { sentences: 2, maxWords: null, language: "en" });
  const title: string | null = r.title;
  const spans: string[] = short.summary.map((s) => text.slice(s.start, s.end) + s.features.position.toFixed(2));
  const scores: SentenceScore[] = r.scores;
  const best = Math.max(...scores.map((s) => s.score));
  const people: Entity[] = r.entities.filter((e) => e.kind === "person");
  const kinds: Kind[] = r.entities.map((e) => e.kind);
  const firstSpan: [number, number] | undefined = people[0]?.spans[0];
  const minutes: number = r.stats.readingMinutes;
  const dangling: boolean = r.summary[0]?.features.dangling ?? false;

  const page: Page = { title: "T", blocks: [{ text: "A block.", tag: "p", linkDensity: 0, path: [1, 2] }] };
  const p: PageSummary = summarizePage(page);
  const blockSpans: ([number, number] | null)[] = p.blocks;
  const pageText: string = p.text;
  const o: Options = {};

  // @ts-expect-error text must be a string
  summarize(42);
  // @ts-expect-error an unknown option
  summarize(text, { sentence: 3 });
  // @ts-expect-error sentences is a number
  summarize(text, { sentences: "3" });
  // @ts-expect-error no such field in the result
  r.sentences;
  // @ts-expect-error a block needs its text
  summarizePage({ blocks: [{ tag: "p" }] });
  // @ts-expect-error kind is one of four names
  const wrongKind: Kind = "people";
  // @ts-expect-error a plain summary has no page text
  r.text;

  return [v, title ?? "", ...spans, String(best), ...kinds, String(firstSpan), String(minutes), String(dangling),
    String(blockSpans.length), pageText, JSON.stringify(o), String(wrongKind)];
}
