// Hostile inputs: pathological shapes of text and pages, timed in the real artifact
// (pkg/lede_bg.wasm in Node). Not a test: a harness that prints seconds and seconds per MB for
// every shape and size and flags any call slower than max(1 s, 0.5 s per MB) (issue 12).
//
//   node bench/hostile.mjs                     every shape at 1 MB and 10 MB
//   node bench/hostile.mjs --sizes 1 --only quote,bracket
//   node bench/hostile.mjs --write DIR --sizes 1   write the texts (and pages as JSON) to DIR
//                                                  instead, for native profiling with the CLI
//   node bench/hostile.mjs --list              the shapes' names
//   node bench/hostile.mjs --pkg DIR           another build of pkg/ (to compare builds)
//
// Each call runs in its own Node process (a hang costs its timeout, not the run); the time
// printed is the summarize/summarizePage call alone, not the building of the input; MiB is the
// WebAssembly memory after the call (it never shrinks: the call's peak). Sizes are
// MB of UTF-8 (what the core reads); the JSON result is read in full (`JSON.stringify`), as a
// caller would.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MB = 1_000_000;

// A small seeded generator: the same inputs on every run.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
/** A lower-case pseudo-word from a number: distinct numbers give distinct words. */
function word(n) {
  let w = "";
  do {
    w += "bcdfghjklmnprstvz"[n % 17] + "aeiou"[Math.floor(n / 17) % 5];
    n = Math.floor(n / 85);
  } while (n > 0);
  return w;
}
const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** Repeats `unit(i)` until the UTF-8 length reaches `bytes`. */
function fill(bytes, unit) {
  const parts = [];
  let len = 0;
  for (let i = 0; len < bytes; i++) {
    const u = typeof unit === "function" ? unit(i) : unit;
    parts.push(u);
    len += Buffer.byteLength(u);
  }
  return parts.join("");
}
function randomFrom(bytes, alphabet, seed) {
  const r = rng(seed);
  return fill(bytes, () => pick(r, alphabet));
}

const PROSE = [
  "The council met on Tuesday to discuss the new budget plan for the city.",
  "Officials said the vote would take place next week after a long debate.",
  "Mayor Ann Lee told reporters in Springfield that the plan was fair.",
  "\"We will not raise taxes,\" she said, adding that schools come first.",
  "Critics, including the Springfield Taxpayers Association (STA), disagreed.",
  "The U.S. Department of Education gave $1.2m to the district in Jan. 2024.",
];

// name → (bytes) => string | { page }.
const SHAPES = {
  // Baselines.
  "prose-repeated": (b) => fill(b, (i) => PROSE[i % PROSE.length] + (i % 3 === 2 ? "\n\n" : " ")),
  "prose-distinct": (b) => {
    const r = rng(7);
    return fill(b, (i) => {
      const n = 6 + Math.floor(r() * 14);
      const ws = Array.from({ length: n }, () => (r() < 0.15 ? cap(word(Math.floor(r() * 50000))) : word(Math.floor(r() * 5000))));
      return cap(ws.join(" ")) + (i % 5 === 4 ? ".\n\n" : ". ");
    });
  },
  // No punctuation at all.
  "no-punct-one-line": (b) => {
    const r = rng(1);
    return fill(b, () => word(Math.floor(r() * 20000)) + " ");
  },
  "no-punct-lines": (b) => {
    const r = rng(2);
    return fill(b, (i) => word(Math.floor(r() * 20000)) + (i % 12 === 11 ? "\n" : " "));
  },
  "capitalised-run": (b) => {
    const r = rng(3);
    return fill(b, () => cap(word(Math.floor(r() * 20000))) + " ");
  },
  "all-caps-run": (b) => {
    const r = rng(4);
    return fill(b, () => word(Math.floor(r() * 20000)).toUpperCase() + " ");
  },
  "one-word-repeated": (b) => fill(b, "the "),
  "one-giant-word": (b) => "a".repeat(b),
  "letters-digits-giant": (b) => fill(b, "a1"),
  // Dots, abbreviations, initials.
  "dots": (b) => ".".repeat(b),
  "dots-spaced": (b) => fill(b, ". "),
  "ellipsis": (b) => fill(b, "... "),
  "ellipsis-char": (b) => fill(b, "…"),
  "dotted-lower": (b) => fill(b, "a."),
  "dotted-upper": (b) => fill(b, "U.S."),
  "dotted-mixed": (b) => fill(b, "a.B."),
  "dr-glued": (b) => fill(b, "Mr.Dr."),
  "initials-spaced": (b) => fill(b, (i) => "JKLMNPRST"[i % 9] + ". "),
  "initials-then-name": (b) => fill(b, (i) => (i % 50 === 49 ? "Smith " : "ABCDEFGH"[i % 8] + ". ")),
  "titles-spaced": (b) => fill(b, (i) => ["Mr. ", "Dr. ", "Gen. ", "St. "][i % 4]),
  "abbreviations": (b) => fill(b, (i) => ["Inc. ", "U.S. ", "Jan. ", "No. ", "e.g. ", "etc. "][i % 6]),
  "question-glued": (b) => fill(b, "a?"),
  "question-lower": (b) => fill(b, "a? "),
  "bang-question": (b) => fill(b, "!?"),
  "terminal-mix": (b) => randomFrom(b, [".", "!", "?", "…", "。", ".", " "], 5),
  // A full stop, then a long run of closers or spaces (UAX #29 SB8 looks ahead past them).
  "stop-then-closers": (b) => "He said." + ")".repeat(b - 20) + " and more.",
  "stop-then-quotes": (b) => "He said." + '"'.repeat(b - 20) + " and more.",
  "stop-then-spaces": (b) => "He said." + " ".repeat(b - 20) + "and more.",
  "stops-and-closers": (b) => fill(b, (i) => (i % 5000 === 0 ? "U.S." : ") ")),
  // Quotes and apostrophes.
  "quotes": (b) => '"'.repeat(b),
  "quotes-spaced": (b) => fill(b, '" '),
  "quotes-words": (b) => fill(b, '"a" '),
  "quote-glued-said": (b) => fill(b, 'he said."Next'),
  "quote-dot": (b) => fill(b, '."'),
  "apostrophes": (b) => "'".repeat(b),
  "possessives": (b) => fill(b, (i) => cap(word(i)) + "'s "),
  "curly-quotes": (b) => fill(b, "“‘”’«»"),
  "curly-nested": (b) => "“‘«".repeat(Math.floor(b / 16)) + "»’”".repeat(Math.floor(b / 16)),
  // Brackets.
  "open-brackets": (b) => "(".repeat(b),
  "close-brackets": (b) => ")".repeat(b),
  "nested-brackets": (b) => "(".repeat(b / 2) + ")".repeat(b / 2),
  "nested-mixed": (b) => "([{<".repeat(b / 8) + ">}])".repeat(b / 8),
  "name-open-bracket": (b) => fill(b, "John Smith ("),
  "names-acronym": (b) => fill(b, (i) => `${cap(word(i))} ${cap(word(i + 7))} (AB) `),
  "name-acronym-same": (b) => fill(b, "North Atlantic Treaty Organization (NATO) "),
  "acronym-no-close": (b) => fill(b, (i) => `${cap(word(i))} ${cap(word(i + 3))} (NATO `),
  // Dashes, colons, commas.
  "hyphens": (b) => "-".repeat(b),
  "dashes-spaced": (b) => fill(b, " — "),
  "hyphen-compounds": (b) => fill(b, "23-year-old-"),
  "colons": (b) => ":".repeat(b),
  "colon-words": (b) => fill(b, "a:b:"),
  "commas": (b) => fill(b, ", "),
  "punct-random": (b) => randomFrom(b, [...".,;:!?'\"()[]{}-—–…/\\@#&*«»“”‘’"], 6),
  "punct-random-spaced": (b) => randomFrom(b, [...".,;:!?'\"()[]-—…“”‘’", " ", " ", "\n", "A", "a"], 8),
  "punct-words": (b) => {
    const r = rng(9);
    return fill(b, () => pick(r, ["(", ")", '"', "'", ".", ". ", ": ", " - ", "...", "?", "Mr.", "U.S.", "A.", "x"]) + (r() < 0.5 ? word(Math.floor(r() * 100)) : cap(word(Math.floor(r() * 100)))));
  },
  // Walls of URLs, e-mails, numbers.
  "url-wall": (b) => fill(b, (i) => `https://example.com/a/${word(i)}?q=${i}&x=y.z `),
  "email-wall": (b) => fill(b, (i) => `${word(i)}.${word(i + 1)}@example.com `),
  "numbers-dotted": (b) => fill(b, "1.2.3.4."),
  "decimals": (b) => fill(b, (i) => `${i}.${i % 10} `),
  "digits": (b) => "7".repeat(b),
  // Whitespace and line structure.
  "newlines": (b) => "\n".repeat(b),
  "crlf-lines": (b) => fill(b, "Short line here.\r\n"),
  "short-lines": (b) => fill(b, (i) => `${cap(word(i))} ${word(i + 1)} ${word(i + 2)}.\n`),
  "trailing-spaces": (b) => fill(b, (i) => (i % 1000 === 0 ? "\n" : "a? ")) + " ".repeat(b / 2) + "x",
  "tabs-and-nbsp": (b) => fill(b, "a\t\u00a0b\u2028"),
  // U+0085 NEXT LINE ends a sentence piece (UAX #29 SB4) but no line: pieces of blanks alone.
  "next-line-spaced": (b) => "He paused." + "\u0085 ".repeat(Math.floor((b - 30) / 3)) + "and went on.",
  "next-line-in-prose": (b) => fill(b, (i) => PROSE[i % PROSE.length] + "\u0085 ".repeat(1 + (i % 50))),
  // Scripts and code points.
  "cjk-no-punct": (b) => randomFrom(b, [..."的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"], 10),
  "cjk-sentences": (b) => fill(b, (i) => "中国政府今天宣布了新的经济计划" + (i % 2 ? "。" : "，")),
  "japanese": (b) => fill(b, "東京都は今日、新しい計画を発表した。"),
  "thai-no-space": (b) => fill(b, "ประเทศไทยเป็นประเทศที่สวยงาม"),
  "arabic": (b) => fill(b, "قال المسؤولون إن الاجتماع سيعقد الأسبوع المقبل. "),
  "hebrew-rtl-marks": (b) => fill(b, "\u202eשלום עולם.\u202c "),
  "combining-marks": (b) => fill(b, "a\u0301\u0302\u0303\u0304"),
  "combining-only": (b) => "\u0301".repeat(b / 2),
  "emoji-zwj": (b) => fill(b, "👩‍👩‍👧‍👦 "),
  "regional-flags": (b) => "🇫🇷".repeat(b / 8),
  "lone-surrogates": (b) => fill(b, "\ud800a\udc00. "),
  "nul-bytes": (b) => "\0".repeat(b),
  "nul-in-prose": (b) => fill(b, "The\0council\0met. "),
  "control-chars": (b) => randomFrom(b, [..."\x01\x02\x07\x08\x0b\x0c\x1b\x7f"], 11),
  // Duplicates and repeats (body detection, selection).
  "same-sentence": (b) => fill(b, "The council met on Tuesday to discuss the budget. "),
  "same-paragraph-lines": (b) => fill(b, "The council met on Tuesday to discuss the new budget plan.\n"),
  "near-duplicates": (b) => fill(b, (i) => `The council met on Tuesday to discuss the ${word(i)} budget plan. `),
  // Names: what the entity rules, aliases and the tagger read (many candidates, long runs).
  "names-distinct": (b) => fill(b, (i) => `${cap(word(3 * i))} ${cap(word(3 * i + 1))} met ${cap(word(3 * i + 2))} in ${cap(word(i + 9))}. `),
  "surname-shared": (b) => {
    const given = ["John", "Mary", "David", "Anna", "Peter", "Susan", "James", "Linda", "Paul", "Karen", "Mark", "Laura"];
    return fill(b, (i) => `${given[i % given.length]} Smith met ${given[(i * 7) % given.length]} Jones. Smith and Jones agreed. `);
  },
  "acronyms-distinct": (b) => fill(b, (i) => {
    const [x, y] = [cap(word(2 * i)), cap(word(2 * i + 1))];
    return `${x} ${y} (${x[0]}${y[0]}${"QXZ"[i % 3]}) said ${x[0]}${y[0]}${"QXZ"[i % 3]} would vote. `;
  }),
  "hyphen-capitals": (b) => fill(b, (i) => cap(word(i)) + "-"),
  "connector-chain": (b) => fill(b, (i) => `${cap(word(i))} ${["of", "de", "al-", "van", "and"][i % 5]} `),
  "possessive-chain": (b) => fill(b, (i) => `${cap(word(i))}'s `),
  "titles-then-names": (b) => fill(b, (i) => `${["President", "Secretary", "Dr.", "General", "Prince"][i % 5]} ${cap(word(i))} `),
  "shouted-lines": (b) => fill(b, (i) => (i % 2 ? `${word(i).toUpperCase()} IN ${word(i + 1).toUpperCase()} DEFEAT\n` : `The ${cap(word(i - 1))} team lost to ${cap(word(i))} on Sunday.\n`)),
  "caption-labels": (b) => fill(b, (i) => `Accused: ${cap(word(i))} ${cap(word(i + 1))}, ${20 + (i % 60)}, (left) was pictured.\n`),
  "bylines": (b) => fill(b, (i) => `By ${cap(word(i))} ${cap(word(i + 1))} Reporter\nPUBLISHED: 12:0${i % 10} EST\n`),
  "dialogue": (b) => fill(b, (i) => `"${cap(word(i))}," ${["he", "she", "Smith"][i % 3]} said. "${cap(word(i + 1))}?" `),
  "question-attribution": (b) => fill(b, (i) => `Why ${word(i)}? he asked. `),
  // Words, scripts and marks.
  "long-words-spaced": (b) => fill(b, (i) => word(i).repeat(1000).slice(0, 5000) + " "),
  "mixed-scripts": (b) => fill(b, "aא中بя"),
  "arabic-diacritics": (b) => fill(b, "بَِّ تُ سْ "),
  "zero-width": (b) => fill(b, (i) => word(i) + (i % 2 ? "\u200b" : "\u200c")),
  "numbers-commas": (b) => fill(b, (i) => `${i},${i % 1000},${i % 997}.${i % 100} `),
  "urls-in-prose": (b) => fill(b, (i) => `${PROSE[i % PROSE.length]} See https://www.example.com/${word(i)}/${i}.html for more. `),
  "html-tags": (b) => fill(b, (i) => `<div class="a"><p>${PROSE[i % PROSE.length]}</p></div>\n`),
  "tiny-paragraphs": (b) => fill(b, (i) => `${cap(word(i))} ${word(i + 1)}.\n\n`),
  "one-char-lines": (b) => fill(b, (i) => "abcdefghij"[i % 10] + "\n"),
  // Pages (summarizePage).
  "page-same-blocks": (b) => ({ page: { title: "Budget", blocks: Array.from({ length: Math.max(1, Math.floor(b / 80)) }, (_, i) => ({ text: PROSE[0], tag: i % 2 ? "p" : "div", path: [1, 2, i % 7] })) } }),
  "page-names-title": (b) => ({ page: { title: Array.from({ length: 200 }, (_, i) => cap(word(i))).join(" "), blocks: Array.from({ length: Math.max(1, Math.floor(b / 60)) }, (_, i) => ({ text: `${cap(word(i % 200))} ${cap(word((i + 1) % 200))} met the council.`, tag: "p" })) } }),
  "page-tiny-blocks": (b) => ({ page: { title: "T", blocks: Array.from({ length: Math.max(1, Math.floor(b / 10)) }, (_, i) => ({ text: word(i), tag: "p" })) } }),
  "page-100k-blocks": (b) => ({ page: { title: "Budget vote", blocks: Array.from({ length: 100_000 }, (_, i) => ({ text: i % 3 ? PROSE[i % PROSE.length].slice(0, Math.max(2, Math.floor(b / 100_000))) : "Menu", tag: i % 7 ? "p" : "li", path: [1, 2 + (i % 50), 100 + i] })) } }),
  "page-one-huge-block": (b) => ({ page: { title: "Budget", blocks: [{ text: SHAPES["prose-distinct"](b).replace(/\n/g, " "), tag: "p", path: [1, 2] }] } }),
  "page-huge-title": (b) => ({ page: { title: SHAPES["capitalised-run"](b / 2), blocks: [{ text: SHAPES["prose-repeated"](b / 2), tag: "p" }] } }),
  "page-deep-paths": (b) => {
    const deep = Array.from({ length: 1000 }, (_, k) => k);
    return { page: { blocks: Array.from({ length: Math.max(1, Math.floor(b / 2000)) }, (_, i) => ({ text: PROSE[i % PROSE.length], tag: "p", path: deep })) } };
  },
  "page-headings": (b) => ({ page: { blocks: Array.from({ length: Math.max(1, Math.floor(b / 40)) }, (_, i) => ({ text: `Heading number ${word(i)} here`, tag: "h" + (1 + (i % 6)) })) } }),
  // Over the cap (32 MB of UTF-8) whatever the size asked: must be a clear Error, at once.
  "over-the-cap": () => "a ".repeat(16_500_000),
  "over-the-cap-page": () => ({ page: { blocks: Array.from({ length: 33 }, () => ({ text: "a ".repeat(500_000) })) } }),
  // Options that make the selection work hardest.
  "max-words-prose": (b) => ({ text: SHAPES["prose-distinct"](b), options: { maxWords: 100000, entities: 100, keywords: 100 } }),
  "max-words-near-dups": (b) => ({ text: SHAPES["near-duplicates"](b), options: { maxWords: 100000 } }),
};

function build(name, bytes) {
  const made = SHAPES[name](bytes);
  if (typeof made === "string") return { text: made };
  return made;
}

/** UTF-8 bytes of the text, or of the page as JSON (its paths and hints cost work too). */
function inputBytes(input) {
  return Buffer.byteLength(input.text ?? JSON.stringify(input.page));
}

// Child: one call, prints JSON {seconds, bytes, error?}.
async function child(name, mb, pkg) {
  const lede = await import(path.join(pkg, "lede.js"));
  const wasm = lede.initSync({ module: fs.readFileSync(path.join(pkg, "lede_bg.wasm")) });
  const input = build(name, Math.round(mb * MB));
  const bytes = inputBytes(input);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let error = null;
  try {
    const out = input.page ? lede.summarizePage(input.page, input.options) : lede.summarize(input.text, input.options);
    JSON.stringify(out);
  } catch (e) {
    error = String(e?.message ?? e).slice(0, 120);
  }
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const memory = wasm.memory.buffer.byteLength;
  process.stdout.write(JSON.stringify({ seconds, cpu, bytes, memory, error }) + "\n");
}

function main() {
  const args = process.argv.slice(2);
  const opt = (k, d) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : d;
  };
  if (args[0] === "--child") return child(args[1], Number(args[2]), args[3]);
  const pkg = path.resolve(opt("--pkg", path.join(root, "pkg")));
  if (args.includes("--list")) {
    console.log(Object.keys(SHAPES).join("\n"));
    return;
  }
  const sizes = opt("--sizes", "1,10").split(",").map(Number);
  const only = opt("--only", "").split(",").filter(Boolean);
  const timeout = Number(opt("--timeout", "60"));
  const names = Object.keys(SHAPES).filter((n) => !only.length || only.some((o) => n.includes(o)));
  const dir = opt("--write", null);
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of names)
      for (const mb of sizes) {
        const input = build(name, Math.round(mb * MB));
        const file = path.join(dir, `${name}-${mb}mb.${input.page ? "json" : "txt"}`);
        fs.writeFileSync(file, input.page ? JSON.stringify(input.page) : input.text);
      }
    console.log(`wrote ${names.length * sizes.length} inputs to ${dir}`);
    return;
  }
  // The verdict reads CPU seconds (the process's user + system time during the call): on a
  // machine shared with other work, wall time counts the waits for a core too. Both printed.
  console.log(`${"shape".padEnd(24)}${"MB".padStart(7)}${"wall s".padStart(9)}${"cpu s".padStart(9)}${"cpu s/MB".padStart(10)}${"MiB".padStart(6)}  verdict`);
  let slow = 0;
  for (const name of names)
    for (const mb of sizes) {
      const r = spawnSync(process.execPath, ["--max-old-space-size=8192", fileURLToPath(import.meta.url), "--child", name, String(mb), pkg], {
        encoding: "utf8",
        timeout: timeout * 1000,
      });
      let line;
      if (r.error?.code === "ETIMEDOUT" || r.signal) {
        line = { seconds: Infinity, cpu: Infinity, bytes: mb * MB, error: `killed after ${timeout} s` };
      } else {
        try {
          line = JSON.parse(r.stdout.trim().split("\n").pop());
        } catch {
          line = { seconds: NaN, cpu: NaN, bytes: mb * MB, error: (r.stderr || "no output").trim().split("\n").pop().slice(0, 120) };
        }
      }
      const megabytes = line.bytes / MB;
      const bound = Math.max(1, 0.5 * megabytes);
      const over = !(line.cpu <= bound);
      slow += over;
      const verdict = (over ? "SLOW" : "ok") + (line.error ? `  (${line.error})` : "");
      console.log(
        `${name.padEnd(24)}${megabytes.toFixed(2).padStart(7)}${line.seconds.toFixed(3).padStart(9)}${line.cpu.toFixed(3).padStart(9)}${(line.cpu / Math.max(megabytes, 1e-9)).toFixed(3).padStart(10)}${String(Math.round((line.memory ?? NaN) / 2 ** 20)).padStart(6)}  ${verdict}`,
      );
    }
  console.log(`${slow} call(s) over max(1 s, 0.5 s/MB)`);
  process.exitCode = slow ? 1 : 0;
}

await main();
