//! `lede::summarize_page` on any page built from the fuzz bytes: a title, several blocks with
//! tags, hints and element paths, and options. Never a panic; every span lies in the joined text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lede::{Options, Page, PageBlock};

const TAGS: [&str; 10] = ["p", "h1", "h2", "h3", "h6", "li", "div", "", "H1", "blockquote"];

fuzz_target!(|data: &[u8]| {
    // Records separated by 0x1E: the first is the title; each other one is a block whose first
    // byte chooses its tag and flags and whose second its link density and path.
    let mut records = data.split(|&b| b == 0x1e);
    let head = records.next().unwrap_or(&[]);
    let (opt, title) = head.split_first().map_or((0u8, &[][..]), |(o, t)| (*o, t));
    let mut page = Page { title: Some(String::from_utf8_lossy(title).into_owned()), url: None, blocks: Vec::new() };
    for r in records {
        let (flags, rest) = r.split_first().map_or((0u8, &[][..]), |(f, t)| (*f, t));
        let (shape, text) = rest.split_first().map_or((0u8, &[][..]), |(s, t)| (*s, t));
        let tag = TAGS.get(usize::from(flags % 10)).copied().unwrap_or("p");
        let path: Vec<u32> = (0..u32::from(shape % 8)).map(|d| d * 7 + u32::from(shape >> 3) % (d + 2)).collect();
        page.blocks.push(PageBlock {
            text: String::from_utf8_lossy(text).into_owned(),
            tag: tag.to_owned(),
            link_density: f32::from(shape >> 4) / 15.0,
            noise: flags & 0x10 != 0,
            article: flags & 0x20 != 0,
            list: flags & 0x40 != 0,
            path,
        });
    }
    let mut options = Options::default();
    options.sentences = usize::from(opt % 8) + 1;
    if opt & 0x80 != 0 {
        options.max_words = Some(usize::from(opt % 64) * 50 + 1);
    }
    let out = lede::summarize_page(&page, &options);
    let text = &out.text;
    let ok = |sp: lede::Span| sp.start <= sp.end && sp.end <= text.len() && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end);
    assert_eq!(out.blocks.len(), page.blocks.len());
    assert!(out.blocks.iter().flatten().all(|b| ok(*b)));
    assert!(out.summary.sentences.iter().all(|s| ok(s.span)));
    assert!(out.summary.entities.iter().all(|e| e.mentions.iter().all(|m| ok(*m))));
});
