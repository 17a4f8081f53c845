//! Native throughput of `lede::summarize` on real articles (`make bench`).
//!
//! Reads the CNN/DailyMail and BBC sets of `../shared/data/`, the seed page and one file per language of
//! `../shared/data/multilingual/` when present, summarizes each article several times and prints
//! µs per article (median and mean) and MB/s. Numbers, not assertions.

use std::path::Path;
use std::time::Instant;

fn articles(data: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut jsonl = |path: &Path, label: &str, limit: usize| {
        let Ok(text) = std::fs::read_to_string(path) else { return };
        for line in text.lines().take(limit) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(a) = v.get("article").and_then(|a| a.as_str()) {
                    out.push((label.to_owned(), a.to_owned()));
                }
            }
        }
    };
    jsonl(&data.join("cnndm/cnndm-dev.jsonl"), "cnndm", usize::MAX);
    jsonl(&data.join("cnndm/cnndm-validation.jsonl"), "cnndm-val", usize::MAX);
    jsonl(&data.join("bbc-news-summary/bbc-news-summary.jsonl"), "bbc", usize::MAX);
    for lang in ["de", "fr", "ru", "zh", "ja", "ar", "hi", "th"] {
        jsonl(&data.join(format!("multilingual/{lang}.jsonl")), lang, usize::MAX);
    }
    if let Ok(seed) = std::fs::read_to_string(data.join("seed-page.txt")) {
        out.push(("seed".into(), seed));
    }
    out
}

fn main() {
    let data = std::env::args().nth(1).filter(|a| !a.starts_with('-')).unwrap_or_else(|| "../shared/data".into());
    let all = articles(Path::new(&data));
    if all.is_empty() {
        eprintln!("no articles under {data}; pass the data folder as the first argument");
        return;
    }
    let options = lede::Options::default();
    let mut groups: Vec<String> = all.iter().map(|(l, _)| l.clone()).collect();
    groups.dedup();
    println!("{:<8} {:>8} {:>12} {:>12} {:>10}", "set", "articles", "median µs", "mean µs", "MB/s");
    for group in groups {
        let texts: Vec<&str> = all.iter().filter(|(l, _)| *l == group).map(|(_, t)| t.as_str()).collect();
        let mut times = Vec::with_capacity(texts.len());
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let rounds = 5;
        let started = Instant::now();
        for text in &texts {
            let t0 = Instant::now();
            for _ in 0..rounds {
                std::hint::black_box(lede::summarize(std::hint::black_box(text), &options));
            }
            times.push(t0.elapsed().as_secs_f64() * 1e6 / rounds as f64);
        }
        let total = started.elapsed().as_secs_f64();
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        let mbps = (bytes * rounds) as f64 / total / 1e6;
        println!("{group:<8} {:>8} {median:>12.0} {mean:>12.0} {mbps:>10.1}", texts.len());
    }
    // Linear cost: a 10 MB paste.
    let mut big = String::new();
    for (_, text) in all.iter().cycle() {
        if big.len() >= 10_000_000 {
            break;
        }
        big.push_str(text);
        big.push_str("\n\n");
    }
    let t0 = Instant::now();
    let s = lede::summarize(&big, &options);
    println!(
        "10 MB paste ({} bytes, {} sentences): {:.0} ms",
        big.len(),
        s.stats.sentences,
        t0.elapsed().as_secs_f64() * 1e3
    );
}
