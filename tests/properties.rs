//! Invariants on any input: no panic, spans inside the text on char boundaries, summary in
//! document order without repeats, deterministic output, UTF-16 offsets that slice correctly.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, uses proptest

use proptest::prelude::*;

use lede::{summarize, Options};

fn check(text: &str, options: &Options) {
    let a = summarize(text, options);
    let b = summarize(text, options);
    assert_eq!(a, b, "not deterministic");
    let spans = a.sentences.iter().map(|s| s.span).chain(a.entities.iter().flat_map(|e| e.mentions.iter().copied()));
    for span in spans.chain([a.stats.body]) {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?} splits a char");
    }
    assert!(a.sentences.windows(2).all(|w| w[0].index < w[1].index && w[0].span.end <= w[1].span.start));
    let mut texts: Vec<&str> = a.sentences.iter().map(|s| s.span.of(text)).collect();
    texts.sort_unstable();
    assert!(texts.windows(2).all(|w| w[0] != w[1]), "repeated sentence");
    if options.max_words.is_none() {
        assert!(a.sentences.len() <= options.sentences);
    }
    let report = a.report(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    for s in &report.summary {
        assert_eq!(String::from_utf16_lossy(units.get(s.start..s.end).unwrap()), s.text);
    }
}

/// Text that looks like pages: words, capitals, abbreviations, punctuation, lines, emoji.
fn page_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[a-z]{1,9}",
        "[A-Z][a-z]{1,8}",
        "[A-Z]{2,5}",
        Just("U.S.".to_owned()),
        Just("Mr.".to_owned()),
        Just("3.5".to_owned()),
        Just("\"".to_owned()),
        Just("...".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("😀".to_owned()),
        Just("é".to_owned()),
        Just("’s".to_owned()),
        Just("中文".to_owned()),
        Just("|".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
    ];
    proptest::collection::vec(token, 0..200).prop_map(|ts| ts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text, &Options::default());
    }

    #[test]
    fn page_like_text(text in page_like(), n in 1usize..6, budget in proptest::option::of(1usize..80)) {
        check(&text, &Options { sentences: n, max_words: budget, ..Options::default() });
    }
}

#[test]
fn large_and_degenerate_inputs() {
    let cases = [
        "a".repeat(100_000),
        ". ".repeat(50_000),
        "Word ".repeat(50_000),
        "\n".repeat(10_000),
        "The Big Company said so. ".repeat(5_000),
        "\u{0}\u{FEFF}\u{200B}".repeat(1_000),
    ];
    for text in &cases {
        check(text, &Options::default());
    }
}
