//! Invariants on any input: no panic, spans inside the text on char boundaries, summary in
//! document order without repeats, deterministic output, UTF-16 offsets that slice correctly.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, uses proptest
#![allow(clippy::indexing_slicing)] // in a test, an index out of bounds is a failure, as it should be

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

/// Lower-case words of a sentence, as a set: runs of letters and digits, and an abbreviation
/// ("U.S.") as one word, as a reader (and lede) reads it: "U.S. ’s" is not "u s s".
fn word_set(s: &str) -> std::collections::BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Summary sentences are in document order and no two are the same or near-duplicates
/// (90 % or more of their words shared, Jaccard).
fn check_summary_sentences(text: &str, options: &Options) {
    let a = summarize(text, options);
    assert!(a.sentences.windows(2).all(|w| w[0].index < w[1].index && w[0].span.end <= w[1].span.start), "order");
    let sets: Vec<_> = a.sentences.iter().map(|s| word_set(s.span.of(text))).collect();
    for (i, x) in sets.iter().enumerate() {
        for y in sets.iter().skip(i + 1) {
            let shared = x.intersection(y).count() as f32;
            let union = x.union(y).count().max(1) as f32;
            assert!(shared / union < 0.9, "near-duplicates in summary: {x:?} / {y:?}");
        }
    }
}

/// News-like stories drawn from a small pool of sentences, so that repeats (whole or with a
/// word changed, in another case) are frequent.
fn repetitive_story() -> impl Strategy<Value = String> {
    let pool = [
        "The council approved the new budget for city parks on Monday.",
        "The council approved the new budget for city parks on Monday evening.",
        "THE COUNCIL APPROVED THE NEW BUDGET FOR CITY PARKS ON MONDAY.",
        "He said the vote was a victory for residents.",
        "But critics said the plan was too expensive for the city.",
        "Mayor Ann Lee called the decision historic.",
        "\"This is a great day,\" Lee said.",
        "Work on three new playgrounds will start in June.",
        "It was the largest parks budget in a decade.",
        "Residents had asked for more green space for years.",
    ];
    let sentence = proptest::sample::select(pool.to_vec());
    let gap = prop_oneof![Just(" "), Just("\n"), Just("\n\n")];
    proptest::collection::vec((sentence, gap), 1..40)
        .prop_map(|parts| parts.into_iter().map(|(s, g)| format!("{s}{g}")).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn summary_has_no_near_duplicates_and_keeps_document_order(
        text in repetitive_story(), n in 1usize..8, budget in proptest::option::of(5usize..120),
    ) {
        check_summary_sentences(&text, &Options { sentences: n, max_words: budget, ..Options::default() });
    }

    #[test]
    fn page_like_summaries_have_no_near_duplicates(text in page_like(), n in 1usize..8) {
        check_summary_sentences(&text, &Options { sentences: n, ..Options::default() });
    }

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
