// Prints pkg/package.json for the wasm-bindgen output (wasm-bindgen, unlike wasm-pack, writes none).
import fs from "node:fs";

const cargo = fs.readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const pkg = {
  name: "lede",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "lede.js",
  types: "lede.d.ts",
  files: ["lede.js", "lede.d.ts", "lede_bg.wasm", "lede_bg.wasm.d.ts"],
  sideEffects: ["./snippets/*"],
};
console.log(JSON.stringify(pkg, null, 2));
