//! The WebAssembly binding: the only module that knows about wasm-bindgen and js-sys.
//!
//! It converts JavaScript values into the core's types and back, and every failure into a
//! JavaScript `Error`; it decides nothing.
//!
//! The result is built by hand ([`report_to_js`]) rather than through serde-wasm-bindgen's
//! `Serializer`: its glue cost 6.4 KB raw / 1.3 KB gzip of the `.wasm`. The object has the same keys, in
//! the same order, as the `Serialize` derive of [`Report`] gives the CLI's `--json`.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Features, Kind, OptionValue, Options, Page, Report};

/// `summarize(text, options?)`: the summary of a text (see the README for the result's shape).
#[wasm_bindgen]
pub fn summarize(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text =
        text.as_string().ok_or_else(|| JsError::new(&format!("text must be a string, got {}", type_name(&text))))?;
    let options = options_from(&options)?;
    let summary = crate::summarize(&text, &options);
    Ok(report_to_js(&summary.report(&text)))
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
    Ok(report_to_js(&crate::summarize_page(&page, &options).report()))
}

/// The version of lede.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

#[wasm_bindgen]
extern "C" {
    /// A plain JavaScript object under construction.
    #[wasm_bindgen(js_name = Object)]
    type Plain;
    #[wasm_bindgen(constructor, js_class = Object)]
    fn new() -> Plain;
    /// `object[key] = value` (a plain object has no setter that could throw).
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Plain, key: &str, value: JsValue);
}

/// The result as a plain JavaScript object: the same keys, in the same order, and the same
/// values as `serde_wasm_bindgen` gave for [`Report`]'s `Serialize` derive (numbers as
/// numbers, `None` as `null`, skipped fields absent, `[start, end]` pairs as arrays).
fn report_to_js(r: &Report<'_>) -> JsValue {
    let o = Plain::new();
    o.set("title", opt_str(r.title));
    o.set(
        "summary",
        array(r.summary.iter().map(|s| {
            let x = Plain::new();
            x.set("text", s.text.into());
            x.set("index", num(s.index));
            x.set("start", num(s.start));
            x.set("end", num(s.end));
            x.set("score", s.score.into());
            x.set("features", features(&s.features));
            x.into()
        })),
    );
    o.set(
        "entities",
        array(r.entities.iter().map(|e| {
            let x = Plain::new();
            x.set("name", e.name.into());
            x.set("kind", kind(e.kind).into());
            x.set("mentions", num(e.mentions));
            x.set("aliases", array(e.aliases.iter().map(|a| JsValue::from_str(a))));
            x.set("start", num(e.start));
            x.set("spans", array(e.spans.iter().map(pair)));
            x.into()
        })),
    );
    o.set(
        "keywords",
        array(r.keywords.iter().map(|k| {
            let x = Plain::new();
            x.set("term", JsValue::from_str(&k.term));
            x.set("score", k.score.into());
            x.into()
        })),
    );
    o.set("language", r.language.into());
    let stats = Plain::new();
    stats.set("characters", num(r.stats.characters));
    stats.set("words", num(r.stats.words));
    stats.set("sentences", num(r.stats.sentences));
    stats.set("readingMinutes", num(r.stats.reading_minutes));
    stats.set("bodyStart", num(r.stats.body_start));
    stats.set("bodyEnd", num(r.stats.body_end));
    o.set("stats", stats.into());
    o.set("reason", opt_str(r.reason));
    if let Some(text) = r.text {
        o.set("text", text.into());
    }
    if let Some(blocks) = &r.blocks {
        o.set("blocks", array(blocks.iter().map(|b| b.as_ref().map_or(JsValue::NULL, pair))));
    }
    o.into()
}

fn features(f: &Features) -> JsValue {
    let x = Plain::new();
    x.set("position", f.position.into());
    x.set("paragraphStart", f.paragraph_start.into());
    x.set("centrality", f.centrality.into());
    x.set("directed", f.directed.into());
    x.set("title", f.title.into());
    x.set("length", f.length.into());
    x.set("specifics", f.specifics.into());
    x.set("quote", f.quote.into());
    x.set("dangling", f.dangling.into());
    x.into()
}

/// The name `#[serde(rename_all = "lowercase")]` gives each kind.
fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Person => "person",
        Kind::Organization => "organization",
        Kind::Place => "place",
        Kind::Other => "other",
    }
}

fn num(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn pair(p: &[usize; 2]) -> JsValue {
    array(p.iter().map(|&n| num(n)))
}

fn array(items: impl Iterator<Item = JsValue>) -> JsValue {
    let a = js_sys::Array::new();
    for item in items {
        a.push(&item);
    }
    a.into()
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
