//! The exported JavaScript API, run in Node by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

#[macro_use]
#[path = "common/wasm.rs"]
mod common;

api_tests!(
    summarize_returns_the_contract_shape,
    options_are_validated_with_the_field_named,
    summarize_page_returns_its_text,
    version_is_the_crate_version,
);
