// The paste page's copy formats (www/format.js) and the shared reading time (www/shared/reading.js) in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown, toMarkdown, toPlainText } from "../www/format.js";
import { countWords, readingTime } from "../www/shared/reading.js";

const result = {
  title: "Mayor *wins* vote",
  summary: [
    { text: "The council backed Mayor Ana Torres on Monday.", index: 0 },
    { text: "Critics said the <b>plan</b> was\nrushed.", index: 3 },
  ],
  entities: [
    { name: "Ana Torres", kind: "person" },
    { name: "City Council", kind: "organization" },
    { name: "Ana_Fan_Club", kind: "organization" },
  ],
  keywords: [{ term: "council" }, { term: "plan" }],
};

test("Markdown: heading, numbered sentences, entities by kind, keywords; markup escaped", () => {
  assert.equal(toMarkdown(result), [
    "## Mayor \\*wins\\* vote",
    "",
    "1. The council backed Mayor Ana Torres on Monday.",
    "2. Critics said the \\<b\\>plan\\</b\\> was rushed.",
    "",
    "**People:** Ana Torres  ",
    "**Organizations:** City Council, Ana\\_Fan\\_Club  ",
    "**Keywords:** council, plan",
    "",
  ].join("\n"));
});

test("plain text keeps the words as they are", () => {
  assert.equal(toPlainText(result), [
    "Mayor *wins* vote",
    "",
    "1. The council backed Mayor Ana Torres on Monday.",
    "2. Critics said the <b>plan</b> was rushed.",
    "",
    "People: Ana Torres",
    "Organizations: City Council, Ana_Fan_Club",
    "Keywords: council, plan",
    "",
  ].join("\n"));
});

test("Markdown without title, entities or keywords has no stray lines", () => {
  const md = toMarkdown({ title: null, summary: [{ text: "Only this.", index: 0 }], entities: [], keywords: [] });
  assert.equal(md, "1. Only this.\n");
});

test("a sentence that starts like a list item or heading is escaped", () => {
  assert.equal(escapeMarkdown("# not a heading"), "\\# not a heading");
  assert.equal(escapeMarkdown("1. not a list"), "1\\. not a list");
  assert.equal(escapeMarkdown("- not a bullet"), "\\- not a bullet");
});

test("reading time and word counts", () => {
  assert.equal(readingTime(0), "5 s");
  assert.equal(readingTime(119), "30 s");
  assert.equal(readingTime(238), "1 min");
  assert.equal(readingTime(500), "3 min");
  assert.equal(countWords("Ana Torres won, 52 to 48.", "en"), 6);
  assert.ok(countWords("東京都は月曜日に新しい計画を発表した。", "ja") > 3, "words without spaces are counted");
});
