//! The exported JavaScript API, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[macro_use]
#[path = "common/wasm.rs"]
mod common;

api_tests!();
