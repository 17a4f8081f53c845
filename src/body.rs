//! Finding the article inside page noise.
//!
//! In: the text cut into blocks (lines of pasted text, or the blocks a DOM walk collected, with
//! structural hints). Out: a [`Body`]: the story's paragraphs, its span, its title, or a reason
//! why there is no article. Menus, datelines, lists of other stories' headlines, footers and
//! repeated paragraphs are left out because they do not read like running prose or repeat it.

use std::collections::HashSet;

use crate::segment::ends_sentence;
use crate::text::Span;

/// A block of text with what the DOM said about it (all defaults for pasted text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    pub span: Span,
    pub hints: Hints,
}

/// Structural evidence from a DOM walk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    /// 1–6 for `<h1>`–`<h6>`, 0 otherwise.
    pub heading: u8,
    /// Share of the block's text inside links (0–1).
    pub link_density: f32,
    /// Inside `<nav>`, `<footer>`, `<aside>`, or an element whose class/id/role says navigation,
    /// related stories, comments, share buttons...
    pub noise: bool,
    /// Inside `<article>`, `<main>` or an element marked as the story body.
    pub article: bool,
    /// A list item.
    pub list_item: bool,
}

/// The story found in a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    /// The story's paragraphs in document order, repeated ones removed.
    pub paragraphs: Vec<Span>,
    /// From the first paragraph's start to the last one's end.
    pub span: Span,
    /// The headline, when one was found.
    pub title: Option<Span>,
    /// Why there is no article, when `paragraphs` is empty.
    pub reason: Option<String>,
}

/// Splits plain text into blocks: one per non-blank line.
pub fn lines(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(start, start + line.len()).trim(text);
        start += line.len();
        if !span.is_empty() {
            blocks.push(Block { span, hints: Hints::default() });
        }
    }
    blocks
}

struct Features {
    words: usize,
    prose: bool,
    key: String,
}

fn features(text: &str, block: &Block) -> Features {
    let s = block.span.of(text);
    let words = s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    // Scripts without spaces: count characters as a stand-in for words.
    let words = if words <= 2 { words.max(s.chars().filter(|c| c.is_alphabetic()).count() / 3) } else { words };
    let boilerplate = is_boilerplate(s);
    let h = &block.hints;
    let prose = !boilerplate
        && !h.noise
        && h.heading == 0
        && h.link_density < 0.5
        && ((words >= 8 && ends_sentence(s)) || words >= 25);
    let key = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    Features { words, prose, key }
}

/// Datelines, bylines with separators, copyright lines, contact details.
fn is_boilerplate(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.contains('©')
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
        || (s.matches('|').count() >= 2 && s.split_whitespace().count() < 30)
        || lower.starts_with("email:")
        || lower.starts_with("phone:")
}

/// Finds the story among `blocks` (in document order). `title_hint` is a headline known from
/// elsewhere (a page's metadata).
pub fn find(text: &str, blocks: &[Block], title_hint: Option<&str>) -> Body {
    let feats: Vec<Features> = blocks.iter().map(|b| features(text, b)).collect();
    let mut candidates: Vec<bool> = feats.iter().map(|f| f.prose).collect();
    if !candidates.contains(&true) {
        // No running prose: accept any block that is at least a sentence.
        candidates = blocks
            .iter()
            .zip(&feats)
            .map(|(b, f)| !b.hints.noise && f.words >= 3 && ends_sentence(b.span.of(text)))
            .collect();
    }
    // Runs of candidate blocks, allowing one non-candidate block (a crosshead, a caption) inside.
    let mut best: Option<(usize, usize, usize)> = None; // (first, last, words)
    let mut i = 0;
    while i < blocks.len() {
        if !candidates.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let (first, mut last, mut words) = (i, i, 0);
        let mut j = i;
        while j < blocks.len() {
            if candidates.get(j).copied().unwrap_or(false) {
                last = j;
                words += feats.get(j).map_or(0, |f| f.words);
                j += 1;
            } else if candidates.get(j + 1).copied().unwrap_or(false) {
                j += 1;
            } else {
                break;
            }
        }
        if best.is_none_or(|(_, _, w)| words > w) {
            best = Some((first, last, words));
        }
        i = j.max(i + 1);
    }
    let Some((first, last, _)) = best else {
        return Body { reason: Some("no article: the text has no sentences".into()), ..Body::default() };
    };

    let mut seen = HashSet::new();
    let mut paragraphs = Vec::new();
    for k in first..=last {
        let (Some(block), Some(f)) = (blocks.get(k), feats.get(k)) else { continue };
        if candidates.get(k).copied().unwrap_or(false) && seen.insert(f.key.as_str()) {
            paragraphs.push(block.span);
        }
    }
    let span = match (paragraphs.first(), paragraphs.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    };
    let title = if title_hint.is_some() { None } else { find_title(text, blocks, &feats, first) };
    Body { paragraphs, span, title, reason: None }
}

/// The headline: a short line before the story that shares words with its opening, preferably
/// one the page repeats.
fn find_title(text: &str, blocks: &[Block], feats: &[Features], body_first: usize) -> Option<Span> {
    let lead: HashSet<String> = blocks
        .iter()
        .skip(body_first)
        .take(2)
        .flat_map(|b| b.span.of(text).split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.chars().count() > 3)
        .collect();
    let mut best: Option<(f32, Span)> = None;
    for k in (body_first.saturating_sub(8)..body_first).rev() {
        let (Some(block), Some(f)) = (blocks.get(k), feats.get(k)) else { continue };
        let s = block.span.of(text);
        if f.prose || !(3..=30).contains(&f.words) || ends_sentence(s) && !s.ends_with('?') || is_boilerplate(s) {
            continue;
        }
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| w.chars().count() > 3)
            .collect();
        let shared = words.iter().filter(|w| lead.contains(*w)).count() as f32;
        let repeated = feats.iter().filter(|g| g.key == f.key).count() > 1;
        let score = shared / (words.len().max(1) as f32).sqrt() + if repeated { 1.0 } else { 0.0 }
            - 0.05 * (body_first - k) as f32
            + if block.hints.heading == 1 { 1.0 } else { 0.0 };
        if shared > 0.0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, block.span));
        }
    }
    best.map(|(_, span)| span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(text: &str) -> (Vec<&str>, Option<&str>) {
        let body = find(text, &lines(text), None);
        (body.paragraphs.iter().map(|p| p.of(text)).collect(), body.title.map(|t| t.of(text)))
    }

    #[test]
    fn skips_menus_lists_and_footers() {
        let text = "Home\nNews\nSport\n\nBig storm hits the coast\n\nA big storm hit the coast on Monday, cutting power to thousands of homes.\n\nOfficials said crews would work through the night to restore it.\n\nMost read\n\nCat stuck in tree\n\nLocal team wins cup\n\n© 2024 Example News | Terms | Privacy";
        let (paras, title) = body_of(text);
        assert_eq!(
            paras,
            [
                "A big storm hit the coast on Monday, cutting power to thousands of homes.",
                "Officials said crews would work through the night to restore it."
            ]
        );
        assert_eq!(title, Some("Big storm hits the coast"));
    }

    #[test]
    fn drops_repeated_paragraphs() {
        let text = "The council met on Tuesday to discuss the new budget plan.\nThe council met on Tuesday to discuss the new budget plan.\nIt approved the plan after a long debate in the evening.";
        let (paras, _) = body_of(text);
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn short_text_without_prose_still_has_a_body() {
        let (paras, _) = body_of("It rained today.");
        assert_eq!(paras, ["It rained today."]);
    }

    #[test]
    fn no_sentences_is_no_article() {
        for text in ["", "   \n\n ", "Home\nNews\nSport", "!!! ..."] {
            let body = find(text, &lines(text), None);
            assert!(body.paragraphs.is_empty(), "{text:?}");
            assert!(body.reason.is_some());
        }
    }
}
