//! The TypeScript types (`src/lede.d.ts`, shipped in `pkg/lede.d.ts`) name exactly the fields
//! the result has: each result interface is compared with real results, key by key.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::indexing_slicing)] // in a test, an index out of bounds is a failure, as it should be

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

/// The fields of each `export interface` in the declarations, with those of the interface it
/// extends.
fn interfaces(ts: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ts.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("export interface ") {
            let mut words = rest.split_whitespace();
            let name = words.next().unwrap().to_owned();
            let mut fields = BTreeSet::new();
            if words.next() == Some("extends") {
                fields.extend(out[words.next().unwrap()].iter().cloned());
            }
            out.insert(name.clone(), fields);
            current = Some(name);
        } else if line == "}" {
            current = None;
        } else if let (Some(name), Some((field, _))) = (&current, line.split_once(':')) {
            if !line.starts_with("/*") && !line.starts_with('*') && !line.starts_with("//") {
                out.get_mut(name).unwrap().insert(field.trim_end_matches('?').to_owned());
            }
        }
    }
    out
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect()
}

#[test]
fn typescript_interfaces_name_the_result_fields() {
    let ts = include_str!("../src/lede.d.ts");
    let types = interfaces(ts);
    let text = "Storm closes schools\n\nA winter storm closed schools across the state on Monday, officials said. \
                Governor Ann Lee urged people to stay home. Lee said roads would be cleared by Tuesday.";
    let summary = lede::summarize(text, &lede::Options::default());
    let r = serde_json::to_value(summary.report(text)).unwrap();
    let page = lede::Page {
        blocks: vec![lede::PageBlock { text: text.to_owned(), ..Default::default() }],
        ..Default::default()
    };
    let p = serde_json::to_value(lede::summarize_page(&page, &lede::Options::default()).report()).unwrap();
    let first = |field: &str| r[field].get(0).unwrap_or_else(|| panic!("no {field} in {r}")).clone();
    let cases = [
        ("Summary", r.clone()),
        ("PageSummary", p),
        ("SummarySentence", first("summary")),
        ("Features", first("summary")["features"].clone()),
        ("SentenceScore", first("scores")),
        ("Entity", first("entities")),
        ("Keyword", first("keywords")),
        ("Stats", r["stats"].clone()),
    ];
    for (name, value) in cases {
        let declared = types.get(name).unwrap_or_else(|| panic!("no interface {name} in lede.d.ts"));
        assert_eq!(declared, &keys(&value), "interface {name} vs the result");
    }
    // The kinds declared are the kinds the core names.
    let kinds = [lede::Kind::Person, lede::Kind::Organization, lede::Kind::Place, lede::Kind::Other];
    let declared: Vec<String> = kinds.iter().map(|k| format!("\"{}\"", k.as_str())).collect();
    assert!(ts.contains(&format!("export type Kind = {};", declared.join(" | "))), "Kind in lede.d.ts");
}
