//! `summarize_page` on pages given as collector blocks: the story is found with the DOM hints,
//! offsets refer to `text`, and a page without prose is a normal "no article" answer.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files

use std::path::Path;

use lede::{summarize_page, Options, Page, PageBlock};

fn block(text: &str, tag: &str, path: &[u32], noise: bool, link_density: f32) -> PageBlock {
    PageBlock {
        text: text.into(),
        tag: tag.into(),
        link_density,
        noise,
        article: path.contains(&10),
        list: tag == "li",
        path: path.to_vec(),
    }
}

/// The seed page's lines laid out as a news site's template would hold them: menu in a nav,
/// a teaser, the dateline and story in an <article> (element 10), lists and footer outside.
fn seed_as_page(text: &str) -> Option<(Page, Vec<String>)> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let dateline = lines.iter().position(|l| l.contains("| Updated:"))?;
    let trending = lines.iter().position(|l| *l == "TRENDING")?;
    let mut blocks = vec![block(lines.first()?, "li", &[1, 2, 3], true, 1.0)];
    blocks.push(block(lines.get(1)?, "h2", &[1, 4, 5], false, 1.0));
    for l in lines.get(2..dateline)? {
        blocks.push(block(l, "p", &[1, 4, 6], false, 0.0));
    }
    blocks.push(block(lines.get(dateline)?, "p", &[1, 4, 10, 11], false, 0.0));
    blocks.push(block(lines.get(dateline + 1)?, "h1", &[1, 4, 10, 12], false, 0.0));
    let story: Vec<String> = lines.get(dateline + 2..trending)?.iter().map(|s| s.to_string()).collect();
    for (i, l) in story.iter().enumerate() {
        blocks.push(block(l, "p", &[1, 4, 10, 13 + i as u32], false, 0.0));
    }
    for (i, l) in lines.get(trending..)?.iter().enumerate() {
        let tag = if l.ends_with("...") { "p" } else { "li" };
        blocks.push(block(l, tag, &[1, 100, 101 + i as u32], true, if tag == "li" { 1.0 } else { 0.0 }));
    }
    let title = Some(lines.get(dateline + 1)?.to_string());
    Some((Page { title, url: None, blocks }, story))
}

#[test]
fn seed_page_as_blocks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed-page.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{}: {e}. This check needs the shared data beside the checkout (../shared/data).", path.display())
    });
    let (page, story) = seed_as_page(&text).expect("seed page layout");
    let r = summarize_page(&page, &Options::default());
    let s = &r.summary;
    assert_eq!(s.title.as_deref(), Some("Engage Russia but remain \"clear-eyed\" while doing so, Blinken tells NATO"));
    assert_eq!(s.sentences.len(), 3);
    let mut seen = std::collections::HashSet::new();
    for sentence in &s.sentences {
        let t = sentence.span.of(&r.text);
        assert!(story.iter().any(|p| p.contains(t)), "outside the story: {t}");
        assert!(seen.insert(t), "repeated: {t}");
    }
    let body = s.stats.body.of(&r.text);
    assert!(body.starts_with("The West must engage") && body.ends_with("syndicated feed.)"), "{body:.80}");
}

#[test]
fn blocks_map_into_text() {
    let page = Page {
        title: None,
        url: None,
        blocks: vec![
            block("Home", "li", &[1, 2], true, 1.0),
            block("  ", "p", &[1, 3], false, 0.0),
            block(
                "The council met on Tuesday to discuss the new budget plan for the coming year.",
                "p",
                &[1, 10, 11],
                false,
                0.0,
            ),
            block(
                "It approved the plan after a long debate that ran late into the evening.",
                "p",
                &[1, 10, 12],
                false,
                0.0,
            ),
        ],
    };
    let r = summarize_page(&page, &Options::default());
    assert_eq!(r.blocks.len(), 4);
    assert_eq!(r.blocks[1], None);
    for (b, span) in page.blocks.iter().zip(&r.blocks) {
        if let Some(span) = span {
            assert_eq!(span.of(&r.text), b.text.trim());
        }
    }
    assert_eq!(r.summary.sentences.len(), 2);
    assert!(r.summary.stats.body.of(&r.text).starts_with("The council met"));
}

#[test]
fn menus_only_is_no_article() {
    let page = Page {
        title: Some("Example".into()),
        url: None,
        blocks: ["Home", "World", "Sport"]
            .iter()
            .enumerate()
            .map(|(i, t)| block(t, "li", &[1, 2, 3 + i as u32], true, 1.0))
            .collect(),
    };
    let r = summarize_page(&page, &Options::default());
    assert!(r.summary.sentences.is_empty());
    assert!(r.summary.reason.as_deref().is_some_and(|m| m.starts_with("no article")));
}

#[test]
fn odd_pages_do_not_panic() {
    let texts = [
        "",
        " ",
        "a",
        "Ünïcödé — “quoted” text here, long enough to be a sentence.",
        "東京で会議が開かれた。",
        "…",
        "|||",
    ];
    let paths: [&[u32]; 5] = [&[], &[0], &[u32::MAX, 0, u32::MAX], &[1, 1, 1, 1], &[5, 4, 3, 2, 1]];
    let mut blocks = Vec::new();
    for (i, t) in texts.iter().cycle().take(200).enumerate() {
        let mut b = block(t, ["p", "h1", "li", "H7", "x"][i % 5], paths[i % 5], i % 3 == 0, (i % 7) as f32 / 3.0 - 0.5);
        b.path.extend(std::iter::repeat_n(9, i % 50)); // paths longer than the core looks at
        blocks.push(b);
    }
    let page = Page { title: Some("東京".into()), url: None, blocks };
    let r = summarize_page(&page, &Options::default());
    for s in &r.summary.sentences {
        assert!(r.text.get(s.span.start..s.span.end).is_some());
    }
}

#[test]
fn many_tiny_islands_stay_linear() {
    // Alternating one-sentence paragraphs and pairs of short lines: every gap could cut an
    // island; the work stays linear (this finishes quickly even at this size).
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("Paragraph {i} says something short but complete about the town.\nShare\nMenu\n"));
    }
    let r = lede::summarize(&text, &Options::default());
    assert!(r.reason.is_none() && !r.sentences.is_empty());
    assert!(r.stats.body.end > text.len() / 2);
}
