//! The WebAssembly binding: the only module that knows about wasm-bindgen and js-sys.
//!
//! It converts JavaScript values into the core's types and back, and every failure into a
//! JavaScript `Error`; it decides nothing.
//!
//! Both directions are written by hand rather than through serde-wasm-bindgen, to keep the
//! `.wasm` small: the serde glue, and the float formatting its error messages pull in, cost
//! about 40 KB raw / 15 KB gzip. [`report_to_js`] gives the same keys, in the same order, as the
//! `Serialize` derive of [`Report`] gives the CLI's `--json`; [`page_from`] reads a [`Page`]
//! exactly as serde-wasm-bindgen did, with the same error messages.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Features, Kind, OptionValue, Options, Page, PageBlock, Report};

/// `summarize(text, options?)`: the summary of a text (see the README for the result's shape).
#[wasm_bindgen]
pub fn summarize(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text =
        text.as_string().ok_or_else(|| JsError::new(&format!("text must be a string, got {}", type_name(&text))))?;
    crate::check_text(&text).map_err(|e| JsError::new(e.message()))?;
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
    let page = page_from(&page).map_err(|e| JsError::new(&format!("page: {}", js_string(&e))))?;
    crate::check_page(&page).map_err(|e| JsError::new(e.message()))?;
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

#[wasm_bindgen]
extern "C" {
    /// `String(value)`: a number's shortest round-trip digits, an error's "Name: message".
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
    /// `object[key]` (as serde-wasm-bindgen read fields: a throwing getter is not caught).
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &Plain, key: &str) -> JsValue;
}

/// `n` as Rust's `Display` writes it, from the digits JavaScript's `String(n)` gives (both are
/// the shortest that round-trip), without core's float formatting in the `.wasm`.
pub(crate) fn display_f64(n: f64) -> String {
    crate::options::display_f64_from(n, &js_string(&JsValue::from_f64(n)))
}

/// A failure while reading the page: the JavaScript `Error` (or thrown value) it becomes.
type Failure = JsValue;

/// What serde's `Unexpected` says about a JavaScript value that has the wrong type.
fn unexpected(v: &JsValue) -> String {
    if v.loose_eq(&JsValue::NULL) {
        "unit value".to_owned()
    } else if let Some(b) = v.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(n) = v.as_f64() {
        // serde's `WithDecimalPoint`: "5" is written "5.0".
        let s = display_f64(n);
        if n.is_finite() && !s.contains('.') {
            format!("floating point `{s}.0`")
        } else {
            format!("floating point `{s}`")
        }
    } else if let Some(s) = v.as_string() {
        format!("string {s:?}")
    } else if v.is_instance_of::<js_sys::Uint8Array>() || v.is_instance_of::<js_sys::ArrayBuffer>() {
        "byte array".to_owned()
    } else {
        format!("{v:?}")
    }
}

fn invalid_type(v: &JsValue, expected: &str) -> Failure {
    JsError::new(&format!("invalid type: {}, expected {expected}", unexpected(v))).into()
}

/// The fields of a struct, as serde's derive visits them: in declaration order, a field is
/// missing when it is `undefined` and not `in` the object.
fn field(object: &Plain, name: &str) -> Option<JsValue> {
    let v = object.get(name);
    (!v.is_undefined() || JsValue::from_str(name).js_in(object)).then_some(v)
}

fn object<'a>(v: &'a JsValue, expected: &str) -> Result<&'a Plain, Failure> {
    if v.is_object() {
        Ok(v.unchecked_ref())
    } else {
        Err(invalid_type(v, expected))
    }
}

fn string(v: JsValue) -> Result<String, Failure> {
    v.as_string().ok_or_else(|| invalid_type(&v, "a string"))
}

fn optional_string(v: JsValue) -> Result<Option<String>, Failure> {
    if v.loose_eq(&JsValue::NULL) {
        Ok(None)
    } else {
        string(v).map(Some)
    }
}

fn boolean(v: JsValue) -> Result<bool, Failure> {
    v.as_bool().ok_or_else(|| invalid_type(&v, "a boolean"))
}

fn float(v: JsValue) -> Result<f32, Failure> {
    // serde's f32 from f64: `as`, keeping the sign of a NaN.
    let n = v.as_f64().ok_or_else(|| invalid_type(&v, "f32"))?;
    Ok((n as f32).copysign(if n.is_sign_positive() { 1.0 } else { -1.0 }))
}

fn unsigned(v: JsValue) -> Result<u32, Failure> {
    if !js_sys::Number::is_safe_integer(&v) {
        return Err(invalid_type(&v, "u32"));
    }
    let n = v.as_f64().unwrap_or(-1.0) as i64;
    if n < 0 {
        return Err(invalid_type(&v, "u32"));
    }
    u32::try_from(n).map_err(|_| JsError::new(&format!("invalid value: integer `{n}`, expected u32")).into())
}

/// A sequence: an array, or any iterable object (a primitive makes `Reflect.get` throw).
fn sequence<T>(v: JsValue, item: fn(JsValue) -> Result<T, Failure>) -> Result<Vec<T>, Failure> {
    let mut out = Vec::new();
    if let Some(array) = v.dyn_ref::<js_sys::Array>() {
        for x in array.iter() {
            out.push(item(x)?);
        }
    } else if let Some(iter) = js_sys::try_iter(&v)? {
        for x in iter {
            out.push(item(x?)?);
        }
    } else {
        return Err(invalid_type(&v, "a sequence"));
    }
    Ok(out)
}

fn block(v: JsValue) -> Result<PageBlock, Failure> {
    let o = object(&v, "struct PageBlock")?;
    let mut b = PageBlock::default();
    let text = field(o, "text").map(string).transpose()?;
    if let Some(x) = field(o, "tag") {
        b.tag = string(x)?;
    }
    if let Some(x) = field(o, "linkDensity") {
        b.link_density = float(x)?;
    }
    if let Some(x) = field(o, "noise") {
        b.noise = boolean(x)?;
    }
    if let Some(x) = field(o, "article") {
        b.article = boolean(x)?;
    }
    if let Some(x) = field(o, "list") {
        b.list = boolean(x)?;
    }
    if let Some(x) = field(o, "path") {
        b.path = sequence(x, unsigned)?;
    }
    b.text = text.ok_or_else(|| JsValue::from(JsError::new("missing field `text`")))?;
    Ok(b)
}

/// The page, read field by field as serde-wasm-bindgen read `Page`'s `Deserialize` derive.
fn page_from(v: &JsValue) -> Result<Page, Failure> {
    let o = object(v, "struct Page")?;
    let mut page = Page::default();
    if let Some(x) = field(o, "title") {
        page.title = optional_string(x)?;
    }
    if let Some(x) = field(o, "url") {
        page.url = optional_string(x)?;
    }
    if let Some(x) = field(o, "blocks") {
        page.blocks = sequence(x, block)?;
    }
    Ok(page)
}

/// The result as a plain JavaScript object: the same keys, in the same order, and the same
/// values as serde-wasm-bindgen gave for [`Report`]'s `Serialize` derive (numbers as
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
