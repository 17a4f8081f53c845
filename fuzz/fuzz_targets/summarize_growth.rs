//! `lede::summarize` on the fuzz bytes repeated to 16 KB and to eight times that: the larger
//! text may take about eight times as long, not sixty-four (a quadratic path). The plain target
//! cannot see such paths: its inputs stay under 8 KB, where a quadratic loop still runs in
//! milliseconds (session 8's quote count in `split_line` took 8 ms at 8 KB and 79 s at 0.8 MB).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Instant;

const SMALL: usize = 16 << 10;
const FACTOR: usize = 8;
/// Allowed slowdown over linear, and seconds of slack for timer and cache noise: a quadratic
/// path is `FACTOR` times over linear at these sizes, so it passes neither.
const SLACK: f64 = 3.0;
const NOISE: f64 = 0.02;

fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn seconds(text: &str) -> f64 {
    let start = Instant::now();
    std::hint::black_box(lede::summarize(text, &lede::Options::default()));
    start.elapsed().as_secs_f64()
}

fn linear(small: f64, large: f64) -> bool {
    large <= SLACK * FACTOR as f64 * small + NOISE
}

fuzz_target!(|data: &[u8]| {
    let unit = String::from_utf8_lossy(data);
    if unit.trim().is_empty() {
        return;
    }
    let (small, large) = (repeated(&unit, SMALL), repeated(&unit, SMALL * FACTOR));
    if linear(seconds(&small), seconds(&large)) {
        return;
    }
    // Before calling it a finding, the fastest of three runs each: a scheduling stall or a busy
    // machine slows one run, a super-linear path slows all of them.
    let best = |text: &str| (0..3).map(|_| seconds(text)).fold(f64::INFINITY, f64::min);
    let (a, b) = (best(&small), best(&large));
    assert!(linear(a, b), "{FACTOR}x the text took {:.1}x the time ({a:.4} s -> {b:.4} s)", b / a);
});
