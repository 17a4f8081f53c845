//! Native benchmarks of `lede::summarize` (`make bench`; `cargo bench --bench summarize -- DATA`).
//!
//! Numbers, not assertions. Two tables, both of the product path (`summarize`, then `report`,
//! which the WebAssembly binding also runs):
//!
//! 1. **sizes × languages**: for English (cnndm-dev) and zh, ar, ru, de, hi, fr, ja, th (from
//!    `DATA/multilingual/<lang>.jsonl`), a short input (the article at the 10th percentile of
//!    length), a long one (the longest article), 1 MB and 10 MB (that language's articles joined
//!    by blank lines, cut at a character boundary). Prints the median time, MB/s and, per
//!    language, time(10 MB) / time(1 MB), the linearity the issue budgets (≤ 12).
//! 2. **throughput per set**: every article of the CNN/DailyMail, BBC and per-language sets and
//!    the seed page; median and mean µs per article and MB/s.
//!
//! Times are the thread's CPU time (`cpu-time`), not wall time, so that they and their ratios
//! mean something on a loaded machine.
//!
//! Options after the data folder: `--langs en,zh` (only those), `--no-10mb`, `--no-sets`,
//! `--rounds N` (default 3).

use cpu_time::ThreadTime;
use std::path::Path;

const LANGS: [&str; 9] = ["en", "zh", "ar", "ru", "de", "hi", "fr", "ja", "th"];

fn jsonl(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("article").and_then(|a| a.as_str()).map(str::to_owned))
        .collect()
}

fn articles_of(data: &Path, lang: &str) -> Vec<String> {
    if lang == "en" {
        jsonl(&data.join("cnndm/cnndm-dev.jsonl"))
    } else {
        jsonl(&data.join(format!("multilingual/{lang}.jsonl")))
    }
}

/// `texts` joined by blank lines up to `size` bytes, cut at a character boundary.
fn joined(texts: &[String], size: usize) -> String {
    let mut big = String::with_capacity(size + 4096);
    for text in texts.iter().cycle() {
        if big.len() >= size {
            break;
        }
        big.push_str(text);
        big.push_str("\n\n");
    }
    let mut end = size.min(big.len());
    while !big.is_char_boundary(end) {
        end -= 1;
    }
    big.truncate(end);
    big
}

/// The product path once: what `summarize()` in JavaScript runs, minus the conversion to JS.
fn run(text: &str, options: &lede::Options) -> usize {
    let summary = lede::summarize(std::hint::black_box(text), options);
    let report = summary.report(text);
    std::hint::black_box(&report);
    summary.stats.sentences
}

/// Median seconds of `rounds` runs.
fn time(text: &str, options: &lede::Options, rounds: usize) -> f64 {
    let mut times: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            let t0 = ThreadTime::now();
            run(text, options);
            t0.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn human(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.1} ms", seconds * 1e3)
    } else {
        format!("{:.0} µs", seconds * 1e6)
    }
}

fn sizes_table(data: &Path, langs: &[String], rounds: usize, ten_mb: bool, options: &lede::Options) {
    println!("sizes × languages (CPU time, median of {rounds} runs, 10× that under 100 kB, 1 run at 10 MB; summarize + report)");
    println!("{:<5} {:>18} {:>18} {:>18} {:>18} {:>9}", "lang", "short", "long", "1 MB", "10 MB", "10MB/1MB");
    for lang in langs {
        let mut texts = articles_of(data, lang);
        if texts.is_empty() {
            println!("{lang:<5} (no articles)");
            continue;
        }
        let joined_1 = joined(&texts, 1_000_000);
        let joined_10 = if ten_mb { joined(&texts, 10_000_000) } else { String::new() };
        texts.sort_by_key(String::len);
        let short = texts.get(texts.len() / 10).map_or("", String::as_str);
        let long = texts.last().map_or("", String::as_str);
        let cell = |text: &str, rounds: usize| -> (f64, String) {
            let rounds = if text.len() < 100_000 { rounds * 10 } else { rounds };
            let t = time(text, options, rounds);
            (t, format!("{} {:>5.1} MB/s", human(t), text.len() as f64 / t / 1e6))
        };
        let (_, s) = cell(short, rounds);
        let (_, l) = cell(long, rounds);
        let (t1, m1) = cell(&joined_1, rounds);
        let (t10, m10) = if ten_mb { cell(&joined_10, 1) } else { (f64::NAN, "-".into()) };
        let ratio = if ten_mb { format!("{:.1}", t10 / t1) } else { "-".into() };
        println!("{lang:<5} {s:>18} {l:>18} {m1:>18} {m10:>18} {ratio:>9}");
        println!("{:<5} {:>18} {:>18}", "", format!("({} B)", short.len()), format!("({} B)", long.len()));
    }
}

fn sets_table(data: &Path, rounds: usize, options: &lede::Options) {
    let mut sets: Vec<(String, Vec<String>)> = vec![
        ("cnndm".into(), jsonl(&data.join("cnndm/cnndm-dev.jsonl"))),
        ("cnndm-val".into(), jsonl(&data.join("cnndm/cnndm-validation.jsonl"))),
        ("bbc".into(), jsonl(&data.join("bbc-news-summary/bbc-news-summary.jsonl"))),
    ];
    for lang in LANGS.iter().skip(1) {
        sets.push(((*lang).into(), jsonl(&data.join(format!("multilingual/{lang}.jsonl")))));
    }
    if let Ok(seed) = std::fs::read_to_string(data.join("seed-page.txt")) {
        sets.push(("seed".into(), vec![seed]));
    }
    println!("\nthroughput per set (CPU time, {rounds} rounds per article)");
    println!("{:<10} {:>8} {:>12} {:>12} {:>10}", "set", "articles", "median µs", "mean µs", "MB/s");
    for (name, texts) in sets {
        if texts.is_empty() {
            continue;
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        let started = ThreadTime::now();
        let mut times: Vec<f64> = texts
            .iter()
            .map(|text| {
                let t0 = ThreadTime::now();
                for _ in 0..rounds {
                    run(text, options);
                }
                t0.elapsed().as_secs_f64() * 1e6 / rounds as f64
            })
            .collect();
        let total = started.elapsed().as_secs_f64();
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        let mbps = (bytes * rounds) as f64 / total / 1e6;
        println!("{name:<10} {:>8} {median:>12.0} {mean:>12.0} {mbps:>10.1}", texts.len());
    }
}

fn main() {
    // `cargo bench` passes `--bench` to harness-less benches; skip it and every other flag.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let has = |name: &str| args.iter().any(|a| a == name);
    let data = args
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            let after_flag =
                i.checked_sub(1).and_then(|p| args.get(p)).is_some_and(|p| p == "--langs" || p == "--rounds");
            !a.starts_with('-') && !after_flag
        })
        .map_or_else(|| "../shared/data".to_owned(), |(_, a)| a.clone());
    let data = Path::new(&data);
    if !data.join("cnndm/cnndm-dev.jsonl").exists() {
        eprintln!("no articles under {}; pass the data folder as the first argument", data.display());
        return;
    }
    let rounds = value("--rounds").and_then(|r| r.parse().ok()).unwrap_or(3);
    let langs: Vec<String> = value("--langs")
        .map(|l| l.split(',').map(str::to_owned).collect())
        .unwrap_or_else(|| LANGS.iter().map(|l| (*l).to_owned()).collect());
    let options = lede::Options::default();
    sizes_table(data, &langs, rounds, !has("--no-10mb"), &options);
    if !has("--no-sets") {
        sets_table(data, rounds, &options);
    }
}
