// Shared by tests/wasm_node.rs and tests/wasm_browser.rs: the exported API called through
// JavaScript values, exactly as a page or Node would call it.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const ARTICLE: &str = "Home\nNews\n\nCity opens new bridge\n\n\
    The city opened its new river bridge on Saturday, ending three years of detours for commuters. \
    Mayor Ana Lopes cut the ribbon as hundreds of residents walked across.\n\n\
    Lopes said the U.S. engineering firm behind the design had finished on budget. \
    The bridge carries trams, bikes and pedestrians but no cars.\n\n\
    Contact us | Privacy | Terms";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = result.err().expect("an error").into();
    assert!(err.is_instance_of::<js_sys::Error>(), "not an Error");
    let err = err.unchecked_into::<js_sys::Error>();
    assert_eq!(String::from(err.name()), "Error");
    let message: String = err.message().into();
    assert!(!message.contains("Error"), "one Error, one message: {message}");
    message
}

pub fn summarize_returns_the_contract_shape() {
    let r = lede::wasm_api::summarize(JsValue::from_str(ARTICLE), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, "title").as_string().as_deref(), Some("City opens new bridge"));
    assert_eq!(get(&r, "language").as_string().as_deref(), Some("en"));
    let summary: Array = get(&r, "summary").dyn_into().unwrap();
    assert_eq!(summary.length(), 3);
    let text = js_sys::JsString::from(ARTICLE);
    let mut last_start = -1.0;
    for s in summary.iter() {
        let (start, end) = (get(&s, "start").as_f64().unwrap(), get(&s, "end").as_f64().unwrap());
        assert_eq!(text.slice(start as u32, end as u32), get(&s, "text").as_string().unwrap());
        assert!(start > last_start, "document order");
        last_start = start;
        assert!(get(&s, "score").as_f64().is_some());
        assert!(get(&s, "index").as_f64().is_some());
    }
    let entities: Array = get(&r, "entities").dyn_into().unwrap();
    let lopes =
        entities.iter().find(|e| get(e, "name").as_string().as_deref() == Some("Ana Lopes")).expect("Ana Lopes");
    assert_eq!(get(&lopes, "kind").as_string().as_deref(), Some("person"));
    assert_eq!(get(&lopes, "mentions").as_f64(), Some(2.0));
    assert!(Array::is_array(&get(&lopes, "aliases")));
    let stats = get(&r, "stats");
    for key in ["characters", "words", "sentences", "readingMinutes", "bodyStart", "bodyEnd"] {
        assert!(get(&stats, key).as_f64().is_some(), "stats.{key}");
    }
    assert!(Array::is_array(&get(&r, "keywords")));
    // Every story sentence once, in document order; the summary's scores are among them.
    let scores: Array = get(&r, "scores").dyn_into().unwrap();
    assert_eq!(scores.length() as f64, get(&stats, "sentences").as_f64().unwrap());
    let mut last_end = 0.0;
    for s in scores.iter() {
        let (start, end) = (get(&s, "start").as_f64().unwrap(), get(&s, "end").as_f64().unwrap());
        assert!(start >= last_end && end > start, "document order");
        last_end = end;
    }
    for s in summary.iter() {
        let index = get(&s, "index").as_f64().unwrap() as u32;
        let scored = scores.get(index);
        assert_eq!(get(&scored, "start").as_f64(), get(&s, "start").as_f64());
        assert_eq!(get(&scored, "score").as_f64(), get(&s, "score").as_f64());
    }
}

pub fn options_are_validated_with_the_field_named() {
    let text = JsValue::from_str(ARTICLE);
    let one = lede::wasm_api::summarize(text.clone(), options(&[("sentences", 1.into())])).unwrap();
    assert_eq!(get(&one, "summary").unchecked_into::<Array>().length(), 1);
    let msg = error_message(lede::wasm_api::summarize(text.clone(), options(&[("sentence", 1.into())])));
    assert!(msg.contains("sentence"), "{msg}");
    let msg = error_message(lede::wasm_api::summarize(text.clone(), options(&[("maxWords", "ten".into())])));
    assert!(msg.contains("maxWords"), "{msg}");
    let msg = error_message(lede::wasm_api::summarize(JsValue::from_f64(3.0), JsValue::UNDEFINED));
    assert!(msg.contains("text must be a string"), "{msg}");
    // Numbers in messages are written as JavaScript writes them.
    for (value, want) in [(2.5, "got 2.5"), (1e21, "got 1e+21"), (f64::NAN, "got NaN")] {
        let msg = error_message(lede::wasm_api::summarize(text.clone(), options(&[("sentences", value.into())])));
        assert_eq!(msg, format!("option `sentences` must be an integer from 1 to 100, {want}"));
    }
    // After errors the module still works (no trap).
    assert!(lede::wasm_api::summarize(text, JsValue::NULL).is_ok());
}

pub fn summarize_page_returns_its_text() {
    let blocks = Array::new();
    for (tag, text, noise) in [
        ("a", "Home", true),
        ("h1", "City opens new bridge", false),
        ("p", "The city opened its new river bridge on Saturday, ending three years of detours for commuters.", false),
        ("p", "Mayor Ana Lopes cut the ribbon as hundreds of residents walked across the new bridge.", false),
        ("li", "Other story: cat rescued from a tree by firefighters", true),
    ] {
        blocks.push(&options(&[("tag", tag.into()), ("text", text.into()), ("noise", noise.into())]));
    }
    let page = options(&[
        ("title", "City opens new bridge".into()),
        ("url", "https://example.org/a".into()),
        ("blocks", blocks.into()),
    ]);
    let r = lede::wasm_api::summarize_page(page, JsValue::UNDEFINED).unwrap();
    let text = js_sys::JsString::from(get(&r, "text"));
    let summary: Array = get(&r, "summary").dyn_into().unwrap();
    assert_eq!(summary.length(), 2);
    for s in summary.iter() {
        let (start, end) = (get(&s, "start").as_f64().unwrap() as u32, get(&s, "end").as_f64().unwrap() as u32);
        assert_eq!(text.slice(start, end), get(&s, "text").as_string().unwrap());
    }
    let msg = error_message(lede::wasm_api::summarize_page(JsValue::from_str("page"), JsValue::UNDEFINED));
    assert!(msg.contains("page must be an object"), "{msg}");
}

pub fn malformed_pages_name_the_block_and_field() {
    let cases = [
        (r#""page""#, "page must be an object { title, url, blocks }, got string"),
        ("[]", "page must be an object { title, url, blocks }, got array"),
        (r#"{"blocks": {}}"#, "blocks must be an array, got object"),
        (r#"{"title": 5}"#, "title must be a string, got number"),
        (r#"{"url": ["x"]}"#, "url must be a string, got array"),
        (
            r#"{"blocks": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": 3}]}"#,
            "blocks[3].text must be a string, got number",
        ),
        (r#"{"blocks": [{"tag": "p"}]}"#, "blocks[0].text must be a string, got undefined"),
        (r#"{"blocks": [{"text": null}]}"#, "blocks[0].text must be a string, got null"),
        (r#"{"blocks": [null]}"#, "blocks[0] must be an object { text, ... }, got null"),
        (r#"{"blocks": [{"text": "a", "tag": 1}]}"#, "blocks[0].tag must be a string, got number"),
        (r#"{"blocks": [{"text": "a", "linkDensity": "0.5"}]}"#, "blocks[0].linkDensity must be a number, got string"),
        (r#"{"blocks": [{"text": "a", "noise": 1}]}"#, "blocks[0].noise must be a boolean, got number"),
        (r#"{"blocks": [{"text": "a", "article": "yes"}]}"#, "blocks[0].article must be a boolean, got string"),
        (r#"{"blocks": [{"text": "a", "list": {}}]}"#, "blocks[0].list must be a boolean, got object"),
        (r#"{"blocks": [{"text": "a", "path": 7}]}"#, "blocks[0].path must be an array of integers, got number"),
        (r#"{"blocks": [{"text": "a", "path": [1, "2"]}]}"#, "blocks[0].path[1] must be an integer, got string"),
        (
            r#"{"blocks": [{"text": "a", "path": [1, -2]}]}"#,
            "blocks[0].path[1] must be an integer from 0 to 4294967295, got -2",
        ),
        (
            r#"{"blocks": [{"text": "a", "path": [0.5]}]}"#,
            "blocks[0].path[0] must be an integer from 0 to 4294967295, got 0.5",
        ),
    ];
    for (json, want) in cases {
        let page = js_sys::JSON::parse(json).unwrap();
        assert_eq!(error_message(lede::wasm_api::summarize_page(page, JsValue::UNDEFINED)), want, "{json}");
    }
    // Hints may be null or missing, unknown fields are ignored, and a page may have no blocks.
    for json in [
        r#"{"title": null, "url": null, "blocks": [{"text": "One sentence here.", "tag": null, "linkDensity": null,
            "noise": null, "article": null, "list": null, "path": null, "extra": {}}]}"#,
        r#"{"blocks": [{"text": "One sentence here.", "linkDensity": 7, "path": [0, 4294967295]}]}"#,
        "{}",
        r#"{"blocks": null}"#,
    ] {
        let page = js_sys::JSON::parse(json).unwrap();
        assert!(lede::wasm_api::summarize_page(page, JsValue::UNDEFINED).is_ok(), "{json}");
    }
}

pub fn version_is_the_crate_version() {
    assert_eq!(lede::wasm_api::version(), env!("CARGO_PKG_VERSION"));
}

/// Declares one `#[wasm_bindgen_test]` per shared test above; each test file picks the runtime
/// (Node, or the browser with `wasm_bindgen_test_configure!(run_in_browser)`).
#[macro_export]
macro_rules! api_tests {
    () => {
        api_tests!(
            summarize_returns_the_contract_shape,
            options_are_validated_with_the_field_named,
            summarize_page_returns_its_text,
            malformed_pages_name_the_block_and_field,
            version_is_the_crate_version,
        );
    };
    ($($name:ident),* $(,)?) => {$(
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn $name() {
            common::$name();
        }
    )*};
}
