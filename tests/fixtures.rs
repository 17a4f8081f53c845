//! Golden fixtures: `tests/fixtures/<name>/input.txt` → `expected.json` (the CLI's `--json`
//! object: the same as JavaScript's `summarize(text)`).
//!
//! Regenerate after an intended change with `LEDE_BLESS=1 cargo test --test fixtures` and read
//! the diff: it shows what the change did to whole pages.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, uses proptest

use std::fs;
use std::path::Path;

#[test]
fn fixtures_match_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let bless = std::env::var_os("LEDE_BLESS").is_some();
    let mut names: Vec<_> = fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let mut failures = Vec::new();
    for dir in &names {
        let input = fs::read_to_string(dir.join("input.txt")).unwrap();
        let summary = lede::summarize(&input, &lede::Options::default());
        let got = serde_json::to_string_pretty(&summary.report(&input)).unwrap() + "\n";
        let expected_path = dir.join("expected.json");
        if bless {
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{}:\n{got}", dir.display()));
        }
    }
    assert!(names.len() >= 4, "fixtures missing under {}", root.display());
    assert!(failures.is_empty(), "output differs (LEDE_BLESS=1 to accept):\n{}", failures.join("\n"));
}
