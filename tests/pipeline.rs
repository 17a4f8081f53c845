//! Whole-pipeline tests on page-like text: the seed page lede was conceived from (read from
//! `../shared/data/`: a missing file fails the test) and the fixtures written for these tests.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, uses proptest

use std::collections::HashSet;
use std::path::Path;

use lede::{summarize, Kind, Options};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).join("input.txt");
    std::fs::read_to_string(path).unwrap()
}

/// The seed page from `../shared/data`. Missing data fails the test: a check that cannot run
/// must not pass.
fn seed_page() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed-page.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{}: {e}. This check needs the shared data beside the checkout (../shared/data).", path.display())
    })
}

#[test]
fn seed_page_summary_comes_from_the_story() {
    let text = seed_page();
    let summary = summarize(&text, &Options::default());
    assert_eq!(
        summary.title.as_deref(),
        Some("Engage Russia but remain \"clear-eyed\" while doing so, Blinken tells NATO")
    );
    // The story runs from the second copy of the lead (after the dateline) to the agency note.
    let story_start = text.find("IST\n").expect("dateline");
    let story_end = text.find("(This story has not been edited").expect("agency note");
    let sentences: Vec<&str> = summary.sentences.iter().map(|s| s.span.of(&text)).collect();
    assert_eq!(sentences.len(), 3, "{sentences:?}");
    let mut seen = HashSet::new();
    for (s, sentence) in summary.sentences.iter().zip(&sentences) {
        assert!(s.span.start > story_start && s.span.end <= story_end, "outside the story: {sentence}");
        assert!(seen.insert(*sentence), "repeated: {sentence}");
        assert!(!sentence.ends_with("U.S."), "cut at U.S.: {sentence}");
        assert!(sentence.ends_with('.') || sentence.ends_with('"'), "not a whole sentence: {sentence}");
    }
    assert!(summary.sentences.windows(2).all(|w| w[0].span.start < w[1].span.start));
    let body = summary.stats.body.of(&text);
    assert!(body.starts_with("The West must engage") && body.ends_with("syndicated feed.)"), "{body:.80}");
}

#[test]
fn seed_page_entities() {
    let text = seed_page();
    let summary = summarize(&text, &Options::default());
    let find = |name: &str| summary.entities.iter().find(|e| e.name == name);
    let kind = |name: &str| find(name).map(|e| e.kind);
    let has_alias = |name: &str, alias: &str| find(name).is_some_and(|e| e.aliases.iter().any(|a| a == alias));
    assert!(has_alias("Antony Blinken", "Blinken"), "{:?}", summary.entities);
    assert!(has_alias("NATO-Russia Council", "NRC"), "{:?}", summary.entities);
    let expected = [
        ("Antony Blinken", Kind::Person),
        ("Jens Stoltenberg", Kind::Person),
        ("Donald Trump", Kind::Person),
        ("Biden", Kind::Person),
        ("NATO", Kind::Organization),
        ("NATO-Russia Council", Kind::Organization),
        ("Russia", Kind::Place),
        ("Moscow", Kind::Place),
        // "the West", named 3 times: a bloc is a place (CoNLL-2003's annotators and spaCy).
        ("West", Kind::Place),
    ];
    for (name, k) in expected {
        assert_eq!(kind(name), Some(k), "{name} in the top {}: {:?}", summary.entities.len(), summary.entities);
    }
    // Brussels, named twice, comes after them (11th): found, and a place.
    let more = summarize(&text, &Options { entities: 12, ..Options::default() });
    let brussels = more.entities.iter().find(|e| e.name == "Brussels").map(|e| e.kind);
    assert_eq!(brussels, Some(Kind::Place), "{:?}", more.entities);
    // Nothing from the menu, the trending and latest-news lists or the footer.
    for noise in ["Left Menu", "IST", "Devdiscourse", "TRENDING", "Punjab", "Menu", "Latest News"] {
        assert!(find(noise).is_none(), "{noise} is not an entity of the story");
    }
    let story = summary.stats.body;
    for e in &summary.entities {
        assert!(e.mentions.iter().all(|m| story.contains(*m)), "{} mentioned outside the story", e.name);
    }
}

#[test]
fn noisy_page_keeps_only_the_story() {
    let text = fixture("noisy-page");
    let summary = summarize(&text, &Options::default());
    assert_eq!(summary.title.as_deref(), Some("Rail strike halts trains across the north"));
    let body = summary.stats.body.of(&text);
    assert!(body.starts_with("Thousands of commuters"), "{body:.60}");
    assert!(body.ends_with("if no deal is reached."), "{body:.60}");
    assert!(summary.sentences.iter().all(|s| summary.stats.body.contains(s.span)));
    // "3.5%" and "Ltd." do not end sentences.
    assert!(summary.sentences.iter().any(|s| s.span.of(&text).contains("Northern Lines Ltd. because")));
}

#[test]
fn menu_only_is_no_article() {
    let text = fixture("menu-only");
    let summary = summarize(&text, &Options::default());
    assert!(summary.sentences.is_empty());
    assert!(summary.reason.as_deref().is_some_and(|r| r.starts_with("no article")), "{:?}", summary.reason);
}

#[test]
fn sentence_count_and_word_budget() {
    let text = fixture("clean-article");
    for n in [1, 2, 5] {
        let summary = summarize(&text, &Options { sentences: n, ..Options::default() });
        assert_eq!(summary.sentences.len(), n);
    }
    let summary = summarize(&text, &Options { max_words: Some(40), ..Options::default() });
    let words: usize = summary.sentences.iter().map(|s| s.span.of(&text).split_whitespace().count()).sum();
    assert!(words <= 40 && !summary.sentences.is_empty(), "{words}");
}

#[test]
fn utf16_offsets_slice_the_sentences() {
    let text = fixture("accents-and-emoji");
    let summary = summarize(&text, &Options::default());
    let report = summary.report(&text);
    let units: Vec<u16> = text.encode_utf16().collect();
    for s in &report.summary {
        let slice = String::from_utf16(&units[s.start..s.end]).unwrap();
        assert_eq!(slice, s.text);
    }
    for e in &report.entities {
        for [a, b] in &e.spans {
            let slice = String::from_utf16(&units[*a..*b]).unwrap();
            assert!(slice == e.name || e.aliases.contains(&slice), "{slice} vs {}", e.name);
        }
    }
}
