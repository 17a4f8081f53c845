//! The WebAssembly binding: the only module that knows about wasm-bindgen and js-sys.
//!
//! It converts JavaScript values into the core's types and back, and every failure into one
//! JavaScript `Error` with one message; it decides nothing. The result is built from the core's
//! own description of it ([`Report::to_value`]), so `summarize` here and the CLI's `--json` give
//! the same object; its TypeScript types are `src/lede.d.ts`.
//!
//! Both directions are written by hand rather than through serde-wasm-bindgen, to keep the
//! `.wasm` small (the serde glue and the float formatting its messages pull in cost about 40 KB
//! raw / 15 KB gzip). Numbers in messages are written by JavaScript's `String(n)`.
//!
//! A page is read strictly but forgivingly: `page` must be an object; `title`, `url` and
//! `blocks` may be missing or `null`; `blocks` must be an array of objects whose `text` is a
//! string; every other block field is an optional hint (`null` or `undefined`: its default) that
//! must have its documented type when given; unknown fields are ignored. An error names the
//! path of the bad value: `blocks[3].text must be a string, got number`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{OptionValue, Options, Page, PageBlock, Value};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("lede.d.ts");

/// `summarize(text, options?)`: the summary of a text (see the README for the result's shape).
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_from(&options)?;
    first_call(&text, &options);
    let text = text.as_string().ok_or_else(|| wrong("text", "a string", &text))?;
    crate::check_text(&text).map_err(|e| JsError::new(&e.message_with(js_number)))?;
    let summary = crate::summarize(&text, &options);
    Ok(to_js(&summary.report(&text).to_value()))
}

thread_local! {
    /// Whether this instance has been asked to summarize before.
    static CALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// At an instance's first `summarize`, summarizes the text's first 2,000 UTF-16 units with the
/// same options and drops the result, before the text is copied in. What the process keeps,
/// built at first use (the word lists' indexes, the tagger's table, the result's field names),
/// is then laid at the bottom of the heap, not among the first story's buffers, where it split
/// the free memory a second call of the same size needed: 3 calls of 1 MB grew the memory
/// 16.1, 26.4, 26.4 MiB (now 17.1 at every call; 10 MB 53.3 -> 54.1, stable).
fn first_call(text: &JsValue, options: &Options) {
    // Not a string: the call fails, and the warm-up waits for a call that has a text.
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else { return };
    if CALLED.with(|c| c.replace(true)) {
        return;
    }
    let head = String::from(text.slice(0, 2000));
    let summary = crate::summarize(&head, options);
    drop(to_js(&summary.report(&head).to_value()));
}

/// `summarizePage(page, options?)`: the summary of a page collected from the DOM, with `text`,
/// the text its offsets refer to.
#[wasm_bindgen(js_name = summarizePage, unchecked_return_type = "PageSummary")]
pub fn summarize_page(
    #[wasm_bindgen(unchecked_param_type = "Page")] page: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsError> {
    let page = page_from(&page)?;
    crate::check_page(&page).map_err(|e| JsError::new(&e.message_with(js_number)))?;
    let options = options_from(&options)?;
    Ok(to_js(&crate::summarize_page(&page, &options).report().to_value()))
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
    /// `object[key] = value` (a plain object has no setter that could throw). The key is a
    /// JavaScript string already (see [`key`]): a `&str` would be decoded from UTF-8 on every
    /// call, which was most of what building a short result cost.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: JsValue);
    /// `String(value)`: a number as JavaScript writes it.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

/// A [`Value`] as a JavaScript value: objects, arrays, numbers, strings, `null`.
fn to_js(v: &Value<'_>) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Int(n) => JsValue::from_f64(*n as f64),
        Value::Float(x) => JsValue::from_f64(f64::from(*x)),
        Value::Str(s) => JsValue::from_str(s),
        Value::List(items) => {
            let a = Array::new_with_length(items.len() as u32);
            for (i, item) in items.iter().enumerate() {
                a.set(i as u32, to_js(item));
            }
            a.into()
        }
        Value::Object(fields) => {
            let o = Plain::new();
            for (name, value) in fields {
                // The value first: building it uses `key` too.
                let value = to_js(value);
                key(name, |k| o.set(k, value));
            }
            o.into()
        }
    }
}

thread_local! {
    /// The result's field names as JavaScript strings, made once per instance and kept, each
    /// with the address and length of its name in the `.wasm`'s data (the names are the `&'static str`
    /// literals of [`crate::Report::to_value`]: a few dozen, so a list searched from the front
    /// costs less, in time and in bytes, than a map).
    static KEYS: std::cell::RefCell<Vec<((usize, usize), JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Calls `f` with the field name `name` as a JavaScript string.
fn key(name: &'static str, f: impl FnOnce(&JsValue)) {
    KEYS.with_borrow_mut(|keys| {
        let at = (name.as_ptr() as usize, name.len());
        match keys.iter().position(|(a, _)| *a == at) {
            Some(i) => keys.get(i).map(|(_, k)| f(k)),
            None => {
                keys.push((at, JsValue::from_str(name)));
                keys.last().map(|(_, k)| f(k))
            }
        };
    });
}

/// `n` as JavaScript writes it.
fn js_number(n: f64) -> String {
    js_string(&JsValue::from_f64(n))
}

/// The name of a value's type in messages: `typeof`, with "null" and "array" told apart.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if Array::is_array(value) {
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
    } else if value.is_bigint() {
        "bigint"
    } else {
        "symbol"
    }
}

/// `{what} must be {expected}, got {type}`.
fn wrong(what: &str, expected: &str, value: &JsValue) -> JsError {
    JsError::new(&format!("{what} must be {expected}, got {}", type_name(value)))
}

fn options_from(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(wrong("options", "an object", value));
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
        options.set(&name, parsed).map_err(|e| JsError::new(&e.message_with(js_number)))?;
    }
    Ok(options)
}

/// Where a value of the page is, for messages: "title", "blocks[3]", "blocks[3].text",
/// "blocks[3].path[0]". Written only when there is an error.
#[derive(Clone, Copy)]
enum Place {
    Page(&'static str),
    Block(usize),
    Field(usize, &'static str),
    PathItem(usize, usize),
}

impl Place {
    fn name(self) -> String {
        match self {
            Place::Page(field) => field.to_owned(),
            Place::Block(i) => format!("blocks[{i}]"),
            Place::Field(i, field) => format!("blocks[{i}].{field}"),
            Place::PathItem(i, k) => format!("blocks[{i}].path[{k}]"),
        }
    }

    fn wrong(self, expected: &str, value: &JsValue) -> JsError {
        wrong(&self.name(), expected, value)
    }
}

/// The property names a page is read with, made into JavaScript strings once per call rather
/// than once per block.
struct Keys {
    title: JsValue,
    url: JsValue,
    blocks: JsValue,
    text: JsValue,
    tag: JsValue,
    link_density: JsValue,
    noise: JsValue,
    article: JsValue,
    list: JsValue,
    path: JsValue,
}

impl Keys {
    fn new() -> Self {
        let key = JsValue::from_str;
        Keys {
            title: key("title"),
            url: key("url"),
            blocks: key("blocks"),
            text: key("text"),
            tag: key("tag"),
            link_density: key("linkDensity"),
            noise: key("noise"),
            article: key("article"),
            list: key("list"),
            path: key("path"),
        }
    }
}

/// `object[key]`, `None` when it is `undefined` or `null`; an error naming `place` when reading
/// it throws (a getter).
fn field(object: &JsValue, key: &JsValue, place: Place) -> Result<Option<JsValue>, JsError> {
    let v = read(object, key, place)?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

/// `object[key]`; an error naming `place` when reading it throws (a getter).
fn read(object: &JsValue, key: &JsValue, place: Place) -> Result<JsValue, JsError> {
    Reflect::get(object, key).map_err(|e| JsError::new(&format!("cannot read {}: {}", place.name(), js_string(&e))))
}

fn string(v: &JsValue, place: Place) -> Result<String, JsError> {
    v.as_string().ok_or_else(|| place.wrong("a string", v))
}

fn boolean(v: &JsValue, place: Place) -> Result<bool, JsError> {
    v.as_bool().ok_or_else(|| place.wrong("a boolean", v))
}

fn page_from(v: &JsValue) -> Result<Page, JsError> {
    if !v.is_object() || Array::is_array(v) {
        return Err(wrong("page", "an object { title, url, blocks }", v));
    }
    let keys = Keys::new();
    let mut page = Page::default();
    if let Some(x) = field(v, &keys.title, Place::Page("title"))? {
        page.title = Some(string(&x, Place::Page("title"))?);
    }
    if let Some(x) = field(v, &keys.url, Place::Page("url"))? {
        page.url = Some(string(&x, Place::Page("url"))?);
    }
    if let Some(x) = field(v, &keys.blocks, Place::Page("blocks"))? {
        let blocks: &Array = x.dyn_ref().ok_or_else(|| Place::Page("blocks").wrong("an array", &x))?;
        page.blocks.reserve(blocks.length() as usize);
        for (i, b) in blocks.iter().enumerate() {
            page.blocks.push(block(&b, i, &keys)?);
        }
    }
    Ok(page)
}

fn block(v: &JsValue, i: usize, keys: &Keys) -> Result<PageBlock, JsError> {
    if !v.is_object() || Array::is_array(v) {
        return Err(Place::Block(i).wrong("an object { text, ... }", v));
    }
    let at = |name| Place::Field(i, name);
    let mut b = PageBlock { text: string(&read(v, &keys.text, at("text"))?, at("text"))?, ..PageBlock::default() };
    if let Some(x) = field(v, &keys.tag, at("tag"))? {
        b.tag = string(&x, at("tag"))?;
    }
    if let Some(x) = field(v, &keys.link_density, at("linkDensity"))? {
        b.link_density = x.as_f64().ok_or_else(|| at("linkDensity").wrong("a number", &x))? as f32;
    }
    if let Some(x) = field(v, &keys.noise, at("noise"))? {
        b.noise = boolean(&x, at("noise"))?;
    }
    if let Some(x) = field(v, &keys.article, at("article"))? {
        b.article = boolean(&x, at("article"))?;
    }
    if let Some(x) = field(v, &keys.list, at("list"))? {
        b.list = boolean(&x, at("list"))?;
    }
    if let Some(x) = field(v, &keys.path, at("path"))? {
        let ids: &Array = x.dyn_ref().ok_or_else(|| at("path").wrong("an array of integers", &x))?;
        for (k, id) in ids.iter().enumerate() {
            b.path.push(element_id(&id, Place::PathItem(i, k))?);
        }
    }
    Ok(b)
}

/// An element id of a block's `path`: an integer from 0 to 4294967295.
fn element_id(v: &JsValue, place: Place) -> Result<u32, JsError> {
    let n = v.as_f64().ok_or_else(|| place.wrong("an integer", v))?;
    if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(JsError::new(&format!("{} must be an integer from 0 to 4294967295, got {}", place.name(), js_number(n))))
    }
}
