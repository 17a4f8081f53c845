// The size budget of the WebAssembly package (make build): prints the raw, gzip and brotli sizes
// of pkg/lede_bg.wasm, what each data table of src/tables/ and each crate costs, and fails when
// the gzip size is over the budget.
//
//   node scripts/size.mjs pkg/lede_bg.wasm target/size/lede_bg.wasm
//
// Sizes: raw bytes, gzip (Node's zlib, level 9) and brotli (quality 11).
//
// The first file is what ships; the second is the same build with its name section kept
// (wasm-bindgen without --remove-name-section, before wasm-opt), read only to attribute bytes:
// each function's code to the crate its name starts with, and each table's string literals to
// the table file they are written in (found byte for byte in the data section).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/** The budget: 200 KiB of gzip, with every table and model in it (LEDE_BUDGET_GZIP overrides
 * it, for the test that an oversize file fails). */
const BUDGET_GZIP = Number(process.env.LEDE_BUDGET_GZIP) || 200 * 1024;

const [shipped, named] = process.argv.slice(2);
if (!shipped) {
  console.error("usage: node scripts/size.mjs SHIPPED.wasm [NAMED.wasm]");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bytes = fs.readFileSync(shipped);
const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b) =>
  zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

/** Sections of a module: [{ id, name (custom sections), start, end }]. */
function sections(b) {
  const out = [];
  let pos = 8;
  while (pos < b.length) {
    const id = b[pos++];
    const [size, p] = leb(b, pos);
    let start = p;
    let name = null;
    if (id === 0) {
      const [len, q] = leb(b, p);
      name = b.subarray(q, q + len).toString("utf8");
      start = q + len;
    }
    out.push({ id, name, start, end: p + size });
    pos = p + size;
  }
  return out;
}

/** An unsigned LEB128 at `pos`: [value, position after it]. */
function leb(b, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = b[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [result, pos];
  }
}

/** Function bodies: [{ index (function index space), size }]. */
function bodies(b, secs) {
  let imported = 0;
  const imports = secs.find((s) => s.id === 2);
  if (imports) {
    let [n, p] = leb(b, imports.start);
    for (let i = 0; i < n; i++) {
      let len;
      [len, p] = leb(b, p);
      p += len; // module
      [len, p] = leb(b, p);
      p += len; // field
      const kind = b[p++];
      if (kind === 0) {
        imported++;
        [, p] = leb(b, p);
      } else if (kind === 1) {
        p += 1; // reftype
        const flags = b[p++];
        [, p] = leb(b, p);
        if (flags & 1) [, p] = leb(b, p);
      } else if (kind === 2) {
        const flags = b[p++];
        [, p] = leb(b, p);
        if (flags & 1) [, p] = leb(b, p);
      } else if (kind === 3) {
        p += 2;
      } else {
        [, p] = leb(b, p + 1); // tag
      }
    }
  }
  const code = secs.find((s) => s.id === 10);
  const out = [];
  if (!code) return out;
  let [n, p] = leb(b, code.start);
  for (let i = 0; i < n; i++) {
    const [size, q] = leb(b, p);
    out.push({ index: imported + i, size: q - p + size });
    p = q + size;
  }
  return out;
}

/** Function names from the name section: Map index → name. */
function names(b, secs) {
  const out = new Map();
  const sec = secs.find((s) => s.id === 0 && s.name === "name");
  if (!sec) return out;
  let p = sec.start;
  while (p < sec.end) {
    const kind = b[p++];
    const [size, q] = leb(b, p);
    if (kind === 1) {
      let [n, r] = leb(b, q);
      for (let i = 0; i < n; i++) {
        let idx, len;
        [idx, r] = leb(b, r);
        [len, r] = leb(b, r);
        out.set(idx, b.subarray(r, r + len).toString("utf8"));
        r += len;
      }
    }
    p = q + size;
  }
  return out;
}

/** The crate a (demangled) Rust function name belongs to: its first path segment. */
function crateOf(name) {
  const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (m) return m[1];
  if (/^<(str|\[|&|char|u8|f32|f64|usize)/.test(name)) return "core"; // methods of primitives
  return "(glue and unnamed)";
}

/** The string literals of a Rust source file, decoded (escapes as Rust reads them). */
function stringLiterals(src) {
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"/gs;
  for (const m of src.matchAll(re)) {
    // One pass over the escapes, as Rust reads them (a line continuation skips the source's
    // whitespace, not an escaped form feed).
    const s = m[1].replace(/\\(?:\n[ \t\r\n]*|u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|(.))/g, (_, u, x, c) =>
      u ? String.fromCodePoint(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16))
        : c === undefined ? "" : ({ n: "\n", t: "\t", r: "\r", 0: "\0" })[c] ?? c);
    if (s.length >= 8) out.push(Buffer.from(s, "utf8"));
  }
  return out;
}

const total = { raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
console.log(`${path.relative(root, shipped)}: ${total.raw} bytes raw, ${total.gzip} gzip, ${total.brotli} brotli` +
  ` (budget ${BUDGET_GZIP} gzip: ${((100 * total.gzip) / BUDGET_GZIP).toFixed(0)}% used)`);

if (named && fs.existsSync(named)) {
  const b = fs.readFileSync(named);
  const secs = sections(b);
  const data = secs.find((s) => s.id === 11);
  const dataBytes = data ? b.subarray(data.start, data.end) : Buffer.alloc(0);
  // Tables: each table file's long string literals, where they sit in the data section.
  const tablesDir = path.join(root, "src", "tables");
  const rows = [];
  const claimed = new Uint8Array(dataBytes.length);
  for (const file of fs.readdirSync(tablesDir).filter((f) => f.endsWith(".rs")).sort()) {
    const found = [];
    for (const lit of stringLiterals(fs.readFileSync(path.join(tablesDir, file), "utf8"))) {
      const at = dataBytes.indexOf(lit);
      if (at >= 0 && !claimed[at]) {
        claimed.fill(1, at, at + lit.length);
        found.push(lit);
      }
    }
    const joined = Buffer.concat(found);
    if (joined.length) rows.push([`src/tables/${file}`, joined.length, gzip(joined)]);
  }
  const code = bodies(b, secs);
  const fnNames = names(b, secs);
  const byCrate = new Map();
  for (const { index, size } of code) {
    const c = crateOf(fnNames.get(index) ?? "");
    byCrate.set(c, (byCrate.get(c) ?? 0) + size);
  }
  const codeTotal = code.reduce((n, f) => n + f.size, 0);
  console.log(`\nBefore wasm-opt, with names (${path.relative(root, named)}): code ${codeTotal} bytes, data ${dataBytes.length} bytes`);
  console.log("  data tables (string literals found in the data section; gzip of each alone):");
  for (const [name, raw, gz] of rows) console.log(`    ${name.padEnd(34)} ${kb(raw)} raw ${kb(gz)} gzip`);
  const tableBytes = rows.reduce((n, r) => n + r[1], 0);
  console.log(`    ${"other data (all crates)".padEnd(34)} ${kb(dataBytes.length - tableBytes)} raw`);
  console.log("  code by crate (function bodies):");
  for (const [c, size] of [...byCrate].sort((x, y) => y[1] - x[1])) {
    console.log(`    ${c.padEnd(34)} ${kb(size)} raw`);
  }
}

if (total.gzip > BUDGET_GZIP) {
  console.error(`\nFAIL: ${shipped} is ${total.gzip} bytes gzip, over the budget of ${BUDGET_GZIP}`);
  process.exit(1);
}
