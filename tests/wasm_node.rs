//! The exported JavaScript API, run in Node by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

#[macro_use]
#[path = "common/wasm.rs"]
mod common;

api_tests!();
