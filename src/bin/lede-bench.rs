//! Native cost per article: `cargo run --release --bin lede-bench --features bench [-- DATA_DIR]`
//! (`make bench` runs it, then the WASM-in-Node bench).
//!
//! Summarizes the news sets under `../shared/data` (or DATA_DIR) a few times over and prints
//! µs per article (mean, median, 95th percentile) for each set. No timing assertions: numbers
//! are for reading, and for comparing before/after a change on the same machine.

use std::hint::black_box;
use std::time::Instant;

const SETS: &[(&str, &str)] = &[
    ("cnndm-dev", "cnndm/cnndm-dev.jsonl"),
    ("cnndm-validation", "cnndm/cnndm-validation.jsonl"),
    ("bbc-news-summary", "bbc-news-summary/bbc-news-summary.jsonl"),
];
const ROUNDS: usize = 3;

fn main() {
    let data = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").to_owned());
    let options = lede::Options::default();
    for (name, path) in SETS {
        let Ok(jsonl) = std::fs::read_to_string(format!("{data}/{path}")) else {
            eprintln!("{name}: {data}/{path} not found, skipped");
            continue;
        };
        let articles: Vec<String> = jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("article").and_then(|a| a.as_str()).map(str::to_owned))
            .collect();
        let mut micros = Vec::with_capacity(articles.len() * ROUNDS);
        for _ in 0..ROUNDS {
            for text in &articles {
                let started = Instant::now();
                black_box(lede::summarize(black_box(text), &options));
                micros.push(started.elapsed().as_secs_f64() * 1e6);
            }
        }
        micros.sort_by(f64::total_cmp);
        let mean = micros.iter().sum::<f64>() / micros.len().max(1) as f64;
        let at = |q: f64| micros.get(((micros.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
        let words: usize = articles.iter().map(|a| a.split_whitespace().count()).sum();
        println!(
            "{name:<18} {:>5} articles  {:>6.0} words/article  µs/article: mean {mean:>6.0}  p50 {:>6.0}  p95 {:>6.0}",
            articles.len(),
            words as f64 / articles.len().max(1) as f64,
            at(0.5),
            at(0.95),
        );
    }
}
