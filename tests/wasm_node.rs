//! The exported JavaScript API, run in Node by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[path = "common/wasm.rs"]
mod common;

#[wasm_bindgen_test]
fn summarize_returns_the_contract_shape() {
    common::summarize_returns_the_contract_shape();
}

#[wasm_bindgen_test]
fn options_are_validated_with_the_field_named() {
    common::options_are_validated_with_the_field_named();
}

#[wasm_bindgen_test]
fn summarize_page_returns_its_text() {
    common::summarize_page_returns_its_text();
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    common::version_is_the_crate_version();
}
