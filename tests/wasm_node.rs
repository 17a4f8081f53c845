//! The exported JavaScript API, run in Node by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

#[macro_use]
#[path = "common/wasm.rs"]
mod common;

api_tests!();

/// The module's memory grows in a few large steps (src/grow.rs), not by what each request
/// lacks: 40 MB held in 200-byte pieces took 588 `memory.grow`s with std's allocator alone, 13
/// here.
#[wasm_bindgen_test::wasm_bindgen_test]
fn memory_grows_in_few_steps() {
    use core::arch::wasm32::memory_size;
    let mut held = Vec::new();
    let (mut pages, mut steps) = (memory_size::<0>(), 0);
    for i in 0..200_000u32 {
        held.push(vec![i as u8; 200]);
        let now = memory_size::<0>();
        steps += usize::from(now != pages);
        pages = now;
    }
    assert!(pages * 65536 >= 40_000_000, "{pages} pages");
    assert!(steps <= 30, "{steps} steps");
}
