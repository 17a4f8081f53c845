//! The WebAssembly binding: the only module that knows about wasm-bindgen and js-sys.
//!
//! It converts JavaScript values into the core's types and back, and every failure into a
//! JavaScript `Error`; it decides nothing.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{OptionValue, Options, Page};

/// `summarize(text, options?)`: the summary of a text (see the README for the result's shape).
#[wasm_bindgen]
pub fn summarize(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text =
        text.as_string().ok_or_else(|| JsError::new(&format!("text must be a string, got {}", type_name(&text))))?;
    let options = options_from(&options)?;
    let summary = crate::summarize(&text, &options);
    to_js(&summary.report(&text))
}

/// `summarizePage(page, options?)`: the summary of a page collected from the DOM, with `text`,
/// the text its offsets refer to.
#[wasm_bindgen(js_name = summarizePage)]
pub fn summarize_page(page: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    if !page.is_object() {
        return Err(JsError::new(&format!(
            "page must be an object {{ title, url, blocks }}, got {}",
            type_name(&page)
        )));
    }
    let page: Page = serde_wasm_bindgen::from_value(page).map_err(|e| JsError::new(&format!("page: {e}")))?;
    let options = options_from(&options)?;
    to_js(&crate::summarize_page(&page, &options).report())
}

/// The version of lede.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot build the result: {e}")))
}

fn options_from(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(&format!("options must be an object, got {}", type_name(value))));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(object, &key).map_err(|_| JsError::new(&format!("cannot read option `{name}`")))?;
        let s;
        let parsed = if v.is_undefined() || v.is_null() {
            OptionValue::Null
        } else if let Some(n) = v.as_f64() {
            OptionValue::Number(n)
        } else if let Some(b) = v.as_bool() {
            OptionValue::Bool(b)
        } else if let Some(text) = v.as_string() {
            s = text;
            OptionValue::Str(&s)
        } else {
            OptionValue::Other(type_name(&v))
        };
        options.set(&name, parsed).map_err(|e| JsError::new(e.message()))?;
    }
    Ok(options)
}

fn type_name(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if js_sys::Array::is_array(value) {
        "array"
    } else if value.is_function() {
        "function"
    } else if value.is_object() {
        "object"
    } else if value.as_f64().is_some() {
        "number"
    } else if value.as_bool().is_some() {
        "boolean"
    } else if value.is_string() {
        "string"
    } else {
        "bigint or symbol"
    }
}
