//! Finding the article inside page noise.
//!
//! In: the text cut into blocks (lines of pasted text, or the blocks a DOM walk collected, with
//! structural hints). Out: a [`Body`]: the story's paragraphs, its span, its title, or a reason
//! why there is no article. Menus, datelines, lists of other stories' headlines, footers and
//! repeated paragraphs are left out because they do not read like running prose or repeat it.

use crate::case;
use crate::segment::ends_sentence;
use crate::text::{split_whitespace, Span};

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
    /// A list item, or inside a list.
    pub list_item: bool,
    /// Ids of the elements holding the block, outermost first (any numbering that is the same
    /// for the same element within one page). Empty for pasted text. A boxed slice, not a
    /// `Vec`: a [`Block`] of pasted text is 24 bytes in WASM, not 28 (millions of them at 10 MB).
    pub path: Box<[u32]>,
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
    // Counted first, for the capacity: 10 MB of one-character lines are 5 million blocks, and a
    // growing vector would hold up to twice as many, and both copies while it moves. A byte
    // scan (splitting twice costs more than the whole rest for 10 MB of blank lines): exact for
    // ASCII, an upper bound when a line's only other characters are Unicode white space.
    let (mut n, mut blank) = (0, true);
    for &b in text.as_bytes() {
        if b == b'\n' {
            n += usize::from(!blank);
            blank = true;
        } else if !matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
            blank = false;
        }
    }
    let mut blocks = Vec::with_capacity(n + usize::from(!blank));
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

/// What one block looks like on its own.
struct Features {
    words: usize,
    /// Reads like running prose: long enough, ends a sentence (or is long), not a list of
    /// capitalised headline words, not boilerplate, not marked as noise.
    prose: bool,
    boilerplate: bool,
    /// A cut-off teaser ("... the HC was hearing a habeas cor...").
    truncated: bool,
    /// Whether every sentence of the block occurs again in a later block.
    repeat: Repeat,
}

/// Whether a block repeats a later one (one byte, so that [`Features`] stays at 8 bytes in WASM:
/// a 10 MB text can have 5 million blocks).
#[derive(Clone, Copy, PartialEq)]
enum Repeat {
    No,
    /// Every sentence of the block occurs again in a later block (a teaser of the lead, a
    /// repeated paragraph): left out of the paragraphs.
    Copy,
    /// A repeat whose copy is elsewhere on the page (not the next block, not a sibling): a
    /// teaser, which speaks against the story around it.
    Teaser,
}

fn hash_of(s: &str) -> u64 {
    // FNV-1a over the lower-cased letters and digits: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    if s.is_ascii() {
        // The same bytes as below, without decoding chars.
        s.bytes().filter(u8::is_ascii_alphanumeric).for_each(|b| add(b.to_ascii_lowercase()));
        return h;
    }
    for c in s.chars() {
        if c.is_ascii() {
            // The same bytes as below, without the Unicode tables.
            if c.is_ascii_alphanumeric() {
                add(c.to_ascii_lowercase() as u8);
            }
        } else if crate::chars::is_alphanumeric(c) {
            for l in case::lower(c) {
                let mut buf = [0u8; 4];
                l.encode_utf8(&mut buf).bytes().for_each(&mut add);
            }
        }
    }
    h
}

/// What the pieces between white space of a block say, for [`features`] and
/// [`is_boilerplate`]: found in one walk (every block of a text is asked).
#[derive(Default)]
struct Pieces {
    /// Pieces between white space.
    pieces: usize,
    /// Words: pieces with a letter or digit. In scripts written without spaces (Chinese,
    /// Japanese, Thai...), every two characters count as a word, a rough stand-in that keeps
    /// long paragraphs long.
    words: usize,
    /// A piece of URL parameters (a line of them is boilerplate).
    parameters: bool,
    /// Pieces whose first letter or digit is a letter of a cased script, and of those, the ones
    /// where it is a capital ([`capital_share`]).
    cased: usize,
    capital: usize,
}

fn pieces(s: &str) -> Pieces {
    let mut p = Pieces::default();
    for w in split_whitespace(s) {
        p.pieces += 1;
        let first = if w.is_ascii() {
            p.parameters |= w.len() > 60 && (w.contains('=') || w.contains('%') || w.contains('/'));
            // No letter of an unspaced script; the same count without the Unicode tables.
            let first = w.bytes().find(u8::is_ascii_alphanumeric).map(char::from);
            p.words += usize::from(first.is_some());
            first
        } else {
            p.words += word_count(w);
            w.chars().find(|&c| crate::chars::is_alphanumeric(c))
        };
        if let Some(c) = first.filter(|c| c.is_uppercase() || c.is_lowercase()) {
            p.cased += 1;
            p.capital += usize::from(c.is_uppercase());
        }
    }
    p
}

/// What one non-ASCII piece between white space counts for in [`Pieces::words`].
fn word_count(w: &str) -> usize {
    let unspaced = w.chars().filter(|&c| is_unspaced(c)).count();
    if unspaced > 0 {
        (unspaced / 2).max(1)
    } else {
        usize::from(w.chars().any(crate::chars::is_alphanumeric))
    }
}

/// A letter of a script written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
    )
}

/// Share of words that start with a capital letter, among words that start with a letter of
/// a cased script. Headline lists ("The Curse of Oak Island Season 8 Spoilers Revealed") score
/// high; prose scores low.
fn capital_share(p: &Pieces) -> f32 {
    let Pieces { cased, capital, words, .. } = *p;
    // Few cased words, or a text mostly in a script without case (a Japanese paragraph naming
    // "Wi-Fi" and "Android"): no headline list.
    if cased < 6 || 2 * cased < words {
        0.0
    } else {
        capital as f32 / cased as f32
    }
}

/// Fewest words of a block that ends a sentence and counts as prose: a line of pasted text
/// needs more than a paragraph element of a DOM, which already says "paragraph".
const MIN_SENTENCE_WORDS: usize = 8;
const MIN_DOM_SENTENCE_WORDS: usize = 5;

fn features(text: &str, block: &Block) -> Features {
    let s = block.span.of(text);
    let p = pieces(s);
    let words = p.words;
    let boilerplate = boilerplate(s, &p);
    let trimmed = s.trim_end();
    let truncated = trimmed.ends_with("...") || trimmed.ends_with('…') || trimmed.ends_with("[…]");
    let h = &block.hints;
    let min_words = if h.path.is_empty() { MIN_SENTENCE_WORDS } else { MIN_DOM_SENTENCE_WORDS };
    let prose = !boilerplate
        && !truncated
        && !h.noise
        && h.heading == 0
        && h.link_density < 0.5
        && capital_share(&p) < 0.6
        && ((words >= min_words && ends_sentence(s)) || words >= 25);
    Features { words, prose, boilerplate, truncated, repeat: Repeat::No }
}

/// Datelines, bylines, copyright lines, contact details, sign-up prompts, consent and
/// "enable JavaScript" notices, lines of URL parameters.
fn is_boilerplate(s: &str) -> bool {
    boilerplate(s, &pieces(s))
}

/// [`is_boilerplate`] of `s`, whose [`pieces`] are `p`: the searches below only where the count
/// of pieces allows their rule.
fn boilerplate(s: &str, p: &Pieces) -> bool {
    let words = p.pieces;
    if p.parameters {
        return true;
    }
    if words >= 40 && !s.contains('\u{212A}') {
        // Only the notices count for a long block: read in place, ignoring ASCII case (no
        // lower-cased copy of every paragraph). The same count: the notices are ASCII, and the
        // only characters that lower-case to ASCII are the Kelvin sign ("k", sent to the copy
        // below) and "İ" ("i" and a combining dot, and no notice ends with "i").
        return notices(s) >= 2;
    }
    let lower = case::lowercase(s);
    // A copyright cue marks a line, not a story that ends with one: an article pasted as one
    // line ("… See the original story at … © 2015 … All rights reserved.") is not boilerplate.
    (words < 40 && (s.contains('©') || lower.starts_with("copyright") || lower.contains("all rights reserved")))
        || (words < 30 && s.matches('|').count() >= 2)
        || (words < 20
            && ["email:", "e-mail:", "phone:", "tel:", "fax:", "subscribe", "sign up", "follow us", "share this"]
                .iter()
                .any(|p| lower.starts_with(p)))
        || (words < 25 && is_byline(s))
        || (words <= 3 && lower.trim_matches(|c: char| !crate::chars::is_alphanumeric(c)) == "advertisement")
        || notices(&lower) >= if words < 40 { 1 } else { 2 }
}

/// How many [`NOTICES`] the lower-cased `lower` holds (or an ASCII text in any case: the phrases
/// are compared ignoring ASCII case). One pass over its bytes: a phrase is compared only where
/// the two bytes there begin one ([`PAIRS`]). Fourteen searches, each with its setup, cost more
/// than the scan of most blocks (issue 12: a tenth of a 10 MB text of ordinary paragraphs in
/// WebAssembly).
fn notices(lower: &str) -> usize {
    let b = lower.as_bytes();
    let mut found = 0u32;
    for (i, pair) in b.windows(2).enumerate() {
        let [x, y] = pair else { continue };
        let key = pair_key(*x, *y);
        if PAIRS.get(key / 32).is_some_and(|bits| bits >> (key % 32) & 1 == 1) {
            let rest = b.get(i..).unwrap_or(&[]);
            for (k, p) in NOTICES.iter().enumerate() {
                if rest.get(..p.len()).is_some_and(|r| r.eq_ignore_ascii_case(p.as_bytes())) {
                    found |= 1 << k;
                }
            }
        }
    }
    found.count_ones() as usize
}

/// Where two bytes go in [`PAIRS`] (their low five bits each: letters of either case alike).
const fn pair_key(x: u8, y: u8) -> usize {
    ((x & 31) as usize) << 5 | (y & 31) as usize
}

/// The first two bytes of every notice, as bits of [`pair_key`]. (Indexing in a constant: an
/// index out of bounds would stop the build, not a call.)
#[allow(clippy::indexing_slicing)]
const PAIRS: [u32; 32] = {
    let mut bits = [0u32; 32];
    let mut list = NOTICES;
    while let [p, rest @ ..] = list {
        if let [x, y, ..] = p.as_bytes() {
            let k = pair_key(*x, *y);
            bits[k / 32] |= 1 << (k % 32);
        }
        list = rest;
    }
    bits
};

/// "By Alex Heath, a deputy editor..." (but not "By Tuesday, the storm had passed.").
fn is_byline(s: &str) -> bool {
    let mut words = split_whitespace(s);
    let capital = |w: Option<&str>| w.and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) && capital(words.next()) && capital(words.next())
}

/// Phrases of notices about the page rather than the story (cookies, scripts, availability).
const NOTICES: &[&str] = &[
    "use cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "enable javascript",
    "javascript is disabled",
    "to enable javascript",
    "personal data",
    "privacy policy",
    "terms of use",
    "terms of service",
    "not available in your",
    "browser does not support",
    "story unlisted",
];

/// Marks blocks whose every sentence occurs again in a later block: a teaser that repeats the
/// lead, a paragraph printed twice. The last copy is kept, because teasers come first. Linear:
/// one hash per sentence. A single block repeats nothing: its sentences are not cut at all (a
/// text pasted as one line, or one of 10 MB, is not split twice: here and in segmentation).
fn mark_repeats(text: &str, blocks: &[Block], feats: &mut [Features]) {
    if blocks.len() < 2 {
        return;
    }
    let und = crate::language::Language::from_code("und");
    // Every block's sentence keys in one vector, block `i`'s from `ends[i]` to `ends[i + 1]` (no
    // vector per block), and one buffer for the sentences of each block in turn.
    let (mut keys, mut ends, mut found) = (Vec::new(), Vec::with_capacity(blocks.len() + 1), Vec::new());
    ends.push(0);
    for b in blocks {
        found.clear();
        crate::segment::sentences(text, b.span, &und, &mut found);
        // At least four words: counted no further than the fourth.
        let long = |s: &&str| {
            split_whitespace(s)
                .map(word_count)
                .try_fold(0, |n, c| if n + c >= 4 { None } else { Some(n + c) })
                .is_none()
        };
        keys.extend(found.iter().map(|s| s.of(text)).filter(long).map(hash_of));
        ends.push(keys.len());
    }
    let block_keys = |i: usize| match (ends.get(i), ends.get(i + 1)) {
        (Some(&a), Some(&b)) => keys.get(a..b).unwrap_or(&[]),
        _ => &[],
    };
    // The last block each sentence occurs in.
    let mut last: crate::hash::FxMap<u64, usize> = crate::hash::FxMap::default();
    for i in 0..blocks.len() {
        for k in block_keys(i) {
            last.insert(*k, i);
        }
    }
    let parent = |b: Option<&Block>| b.and_then(|b| b.hints.path.split_last().map(|(_, p)| p.to_vec()));
    for (i, f) in feats.iter_mut().enumerate() {
        let keys = block_keys(i);
        if !keys.is_empty() && keys.iter().all(|k| last.get(k).is_some_and(|&j| j > i)) {
            let copy = keys.first().and_then(|k| last.get(k)).copied().unwrap_or(i);
            let siblings = parent(blocks.get(i)).is_some_and(|p| !p.is_empty() && parent(blocks.get(copy)) == Some(p));
            f.repeat = if copy != i + 1 && !siblings { Repeat::Teaser } else { Repeat::Copy };
        }
    }
}

/// How much a block speaks for being part of the story (positive) or noise (negative), in
/// words: prose counts its words, link lists, menus and boilerplate count against.
fn weight(f: &Features, h: &Hints, inside: bool) -> f32 {
    let w = f.words.max(1) as f32;
    if f.repeat == Repeat::Teaser {
        return -1.0;
    }
    if h.noise || f.boilerplate || f.truncated {
        return -w - 2.0;
    }
    if h.link_density >= 0.5 {
        return -w * h.link_density;
    }
    if f.prose {
        return w * (1.0 - h.link_density);
    }
    if h.heading > 0 {
        return if inside { 0.1 } else { -0.5 };
    }
    // A short line: a menu entry, a headline of another story, a caption, a crosshead.
    if inside && h.link_density < 0.3 {
        // Inside the story's element, plain short text (a table cell, a caption, a list of
        // ingredients) is part of it.
        0.1
    } else if inside {
        -(w.min(12.0) * 0.2).max(0.5)
    } else {
        -(1.0 + 0.5 * w.min(12.0))
    }
}

/// The best-scoring contiguous run of `weights` (Kadane), as `(first, last)` indices.
fn best_run(weights: impl Iterator<Item = (usize, f32)>) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut current: Option<(f32, usize)> = None;
    for (i, w) in weights {
        let (sum, start) = match current {
            Some((sum, start)) if sum > 0.0 => (sum + w, start),
            _ => (w, i),
        };
        current = Some((sum, start));
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// Peels small islands of prose off the start of a run: a standfirst under the headline or a
/// caption, cut off from the story by a gap of byline, date, image credits and share buttons
/// (at least [`ISLAND_GAP`] blocks that do not weigh for the story), holding less than
/// [`ISLAND_SHARE`] of the run's weight. `weights` are every block's, in order.
fn trim_islands(weights: &[f32], first: usize, last: usize) -> (usize, usize) {
    let Some(run) = weights.get(first..=last) else {
        return (first, last);
    };
    let total: f32 = run.iter().map(|&w| w.max(0.0)).sum();
    // Where each gap of non-positive blocks long enough to cut lies: (start, end) in `run`.
    let mut gaps = Vec::new();
    let mut k = 0;
    while k < run.len() {
        if run.get(k).is_some_and(|&w| w <= 0.0) {
            let start = k;
            while run.get(k).is_some_and(|&w| w <= 0.0) {
                k += 1;
            }
            if k - start >= ISLAND_GAP {
                gaps.push((start, k));
            }
        } else {
            k += 1;
        }
    }
    // Weight before each position (prefix sums keep this linear).
    let mut before = Vec::with_capacity(run.len() + 1);
    let mut sum = 0.0f32;
    before.push(sum);
    for &w in run {
        sum += w.max(0.0);
        before.push(sum);
    }
    let (mut lo, hi) = (0, run.len());
    // Leading islands, while all that comes before the gap stays small.
    for &(start, end) in &gaps {
        if before.get(start).copied().unwrap_or(f32::MAX) < ISLAND_SHARE * total {
            lo = end;
        } else {
            break;
        }
    }
    if lo < hi {
        (first + lo, first + hi - 1)
    } else {
        (first, last)
    }
}

/// Blocks of a gap that cuts an island off a run.
const ISLAND_GAP: usize = 2;
/// The most of a run's weight an island may hold to be cut off.
const ISLAND_SHARE: f32 = 0.15;

/// The element that holds the story: among the containers whose blocks weigh most (prose
/// minus noise, summed over each block's ancestors), the deepest one that keeps nearly all of
/// the best score, so that a standfirst or a byline box next to the body is left out. Linear in
/// blocks × path length.
fn best_container(blocks: &[Block], weights: &[f32]) -> Option<u32> {
    use crate::hash::FxMap;
    let mut score: FxMap<u32, (f32, usize)> = FxMap::default();
    for (b, w) in blocks.iter().zip(weights) {
        for (depth, id) in b.hints.path.iter().enumerate() {
            let e = score.entry(*id).or_insert((0.0, depth));
            e.0 += w;
        }
    }
    let best = score.values().map(|(s, _)| *s).fold(0.0f32, f32::max);
    if best <= 0.0 {
        return None;
    }
    // Deepest container within reach of the best; ties go to the higher score, then the
    // smaller id (deterministic whatever the hash order).
    score
        .into_iter()
        .filter(|(_, (s, _))| *s >= CONTAINER_SHARE * best)
        .max_by(|a, b| (a.1 .1).cmp(&b.1 .1).then((a.1 .0).total_cmp(&b.1 .0)).then(b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

/// The part of the story's container that holds its headline, with the byline, the date and
/// the standfirst around it: the child of `container` that holds the first `<h1>` (or the block
/// that is the page's declared title), unless that child also holds much of the story.
fn header_section(text: &str, blocks: &[Block], weights: &[f32], container: u32, title: Option<&str>) -> Option<u32> {
    let title = title.map(hash_of);
    let child_of = |b: &Block| {
        let at = b.hints.path.iter().position(|&id| id == container)?;
        b.hints.path.get(at + 1).copied()
    };
    let head = blocks
        .iter()
        .filter(|b| b.hints.path.contains(&container))
        .find(|b| b.hints.heading == 1 || title.is_some_and(|t| hash_of(b.span.of(text)) == t))?;
    let section = child_of(head)?;
    let (mut own, mut total) = (0.0f32, 0.0f32);
    for (b, w) in blocks.iter().zip(weights) {
        if *w > 0.0 && b.hints.path.contains(&container) {
            total += w;
            if child_of(b) == Some(section) {
                own += w;
            }
        }
    }
    (own < HEADER_SHARE * total).then_some(section)
}

/// The most of the story's weight the headline's section may hold and still be left out.
const HEADER_SHARE: f32 = 0.2;

/// Share of the best container's score a deeper container must keep to be preferred.
const CONTAINER_SHARE: f32 = 0.85;

/// Finds the story among `blocks` (in document order). `title_hint` is a headline known from
/// elsewhere (a page's metadata).
pub fn find(text: &str, blocks: &[Block], title_hint: Option<&str>) -> Body {
    let mut feats: Vec<Features> = blocks.iter().map(|b| features(text, b)).collect();
    mark_repeats(text, blocks, &mut feats);
    if let Some(body) = find_story(text, blocks, &feats, title_hint) {
        return body;
    }
    if blocks.iter().any(|b| b.hints.noise) {
        // The page marks all its prose as furniture (a layout class on the whole page): decide
        // again without those hints.
        let blocks: Vec<Block> =
            blocks.iter().map(|b| Block { span: b.span, hints: Hints { noise: false, ..b.hints.clone() } }).collect();
        let mut feats: Vec<Features> = blocks.iter().map(|b| features(text, b)).collect();
        mark_repeats(text, &blocks, &mut feats);
        if let Some(body) = find_story(text, &blocks, &feats, title_hint) {
            return body;
        }
    }
    fallback(text, blocks, &feats)
}

/// The story as the best-weighing run of blocks (inside the best container, with a DOM), or
/// `None` when no run holds running prose.
fn find_story(text: &str, blocks: &[Block], feats: &[Features], title_hint: Option<&str>) -> Option<Body> {
    let weights: Vec<f32> = blocks.iter().zip(feats).map(|(b, f)| weight(f, &b.hints, false)).collect();

    // With a DOM: first the element that holds the story, then the best run inside it.
    let container = best_container(blocks, &weights);
    let header = container.and_then(|c| header_section(text, blocks, &weights, c, title_hint));
    let inside = |b: &Block| {
        container.is_none_or(|c| b.hints.path.contains(&c)) && header.is_none_or(|h| !b.hints.path.contains(&h))
    };
    let run = if container.is_some() {
        let weighed = blocks
            .iter()
            .zip(feats)
            .enumerate()
            .filter(|(_, (b, _))| inside(b))
            .map(|(i, (b, f))| (i, weight(f, &b.hints, true)));
        best_run(weighed)
    } else {
        // Every block is inside and weighs what `weights` says: no second vector of them.
        best_run(weights.iter().copied().enumerate())
    };
    let (first, last) = run.filter(|&(a, b)| (a..=b).any(|k| feats.get(k).is_some_and(|f| f.prose)))?;
    // Without a DOM, nothing else tells a standfirst from the story's start.
    let (first, last) = if container.is_none() { trim_islands(&weights, first, last) } else { (first, last) };
    drop(weights);

    let mut paragraphs = Vec::new();
    for k in first..=last {
        let (Some(block), Some(f)) = (blocks.get(k), feats.get(k)) else { continue };
        if f.prose && f.repeat == Repeat::No && inside(block) {
            paragraphs.push(block.span);
        }
    }
    let span = match (blocks.get(first), blocks.get(last)) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    };
    let title = if title_hint.is_some() { None } else { find_title(text, blocks, feats, first) };
    Some(Body { paragraphs, span, title, reason: None })
}

/// No running prose: accept the longest run of blocks that are at least a sentence each, or,
/// from a DOM, plain text outside links, lists and furniture (a page of a few short paragraphs).
fn fallback(text: &str, blocks: &[Block], feats: &[Features]) -> Body {
    let ok = |k: usize| {
        blocks.get(k).zip(feats.get(k)).is_some_and(|(b, f)| {
            let h = &b.hints;
            let sentence = f.words >= 3 && ends_sentence(b.span.of(text));
            let dom_text = !h.path.is_empty() && !h.list_item && h.link_density < 0.5;
            !h.noise && !f.boilerplate && f.repeat == Repeat::No && (sentence || dom_text)
        })
    };
    let run =
        best_run((0..blocks.len()).map(|k| (k, if ok(k) { feats.get(k).map_or(1, |f| f.words) as f32 } else { -3.0 })));
    let Some((first, last)) = run else {
        return Body { reason: Some("no article: the text has no sentences".into()), ..Body::default() };
    };
    let paragraphs: Vec<Span> =
        (first..=last).filter(|&k| ok(k)).filter_map(|k| blocks.get(k).map(|b| b.span)).collect();
    let span = match (paragraphs.first(), paragraphs.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    };
    let title = find_title(text, blocks, feats, first);
    Body { paragraphs, span, title, reason: None }
}

/// What a headline and the story's opening are compared by, each with its weight: lower-cased
/// words of more than three characters (1 each) and, in scripts written without spaces, the
/// character bigrams of their runs (half each: two shared bigrams count as one shared word).
fn title_keys(s: &str) -> Vec<(String, f32)> {
    let mut keys = Vec::new();
    for w in split_whitespace(s) {
        let w = w.trim_matches(|c: char| !crate::chars::is_alphanumeric(c));
        let (mut prev, mut unspaced) = (None, false);
        for (i, c) in w.char_indices() {
            if let Some(bigram) = prev.filter(|_| is_unspaced(c)).and_then(|p| w.get(p..i + c.len_utf8())) {
                keys.push((bigram.to_owned(), 0.5));
            }
            unspaced |= is_unspaced(c);
            prev = is_unspaced(c).then_some(i);
        }
        if !unspaced && w.chars().count() > 3 {
            keys.push((case::lowercase(w), 1.0));
        }
    }
    keys
}

/// The headline: a short line before the story that shares words with its opening, preferably
/// one the page repeats.
fn find_title(text: &str, blocks: &[Block], feats: &[Features], body_first: usize) -> Option<Span> {
    // The opening's keys, made at the first line that could be the headline (a story with no
    // such line before it, as most pasted ones, never needs them).
    let mut lead: Option<crate::hash::FxSet<String>> = None;
    // The normalised text of each line that could be the headline, with how many blocks have
    // it (the headline printed twice): one pass over the blocks, made at the first candidate
    // (no key kept per block).
    let mut repeats: Option<Vec<(u64, usize)>> = None;
    let mut best: Option<(f32, Span)> = None;
    let candidates = body_first.saturating_sub(8)..body_first;
    for k in candidates.clone().rev() {
        let (Some(block), Some(f)) = (blocks.get(k), feats.get(k)) else { continue };
        let s = block.span.of(text);
        if f.prose || !(3..=30).contains(&f.words) || ends_sentence(s) && !s.ends_with('?') || is_boilerplate(s) {
            continue;
        }
        let words = title_keys(s);
        let lead = lead.get_or_insert_with(|| {
            blocks.iter().skip(body_first).take(2).flat_map(|b| title_keys(b.span.of(text))).map(|(k, _)| k).collect()
        });
        let shared: f32 = words.iter().filter(|(w, _)| lead.contains(w)).map(|(_, weight)| weight).sum();
        let repeats = repeats.get_or_insert_with(|| {
            let mut counts: Vec<(u64, usize)> =
                blocks.get(candidates.clone()).unwrap_or(&[]).iter().map(|b| (hash_of(b.span.of(text)), 0)).collect();
            for b in blocks {
                let key = hash_of(b.span.of(text));
                counts.iter_mut().filter(|(k, _)| *k == key).for_each(|(_, n)| *n += 1);
            }
            counts
        });
        let key = hash_of(s);
        let repeated = repeats.iter().any(|&(k, n)| k == key && n > 1);
        let score = shared / (words.len().max(1) as f32).sqrt() + if repeated { 1.0 } else { 0.0 }
            - 0.05 * (body_first - k) as f32
            + if block.hints.heading == 1 { 1.0 } else { 0.0 };
        if shared >= 1.0 && best.is_none_or(|(b, _)| score > b) {
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
    fn finds_headlines_written_without_spaces() {
        // A Chinese headline is one whitespace "word": it shares character bigrams with the
        // story's opening, not words.
        let text = "外交部长宣布会谈结束\n\n外交部长周一表示，与邻国的会谈已经结束，双方将于明年再次会面。官员说，协议的细节将在下周公布，各方都表示满意。";
        let (_, title) = body_of(text);
        assert_eq!(title, Some("外交部长宣布会谈结束"));
        // A line sharing a single bigram with the opening is no headline.
        let text = "今天天气不错\n\n外交部长周一表示，与邻国的会谈已经结束，双方将于明年再次会面。官员说，协议的细节将在下周公布，各方都表示满意。";
        assert_eq!(body_of(text).1, None);
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

    /// A DOM block for tests: text appended to `text`, with its path and hints.
    fn push(text: &mut String, blocks: &mut Vec<Block>, s: &str, path: &[u32], hints: Hints) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(s);
        blocks.push(Block { span: Span::new(start, text.len()), hints: Hints { path: path.into(), ..hints } });
    }

    const P1: &str = "The council met on Tuesday to discuss the new budget plan for the coming year in the town hall.";
    const P2: &str = "It approved the plan after a long debate that ran late into the evening, officials said.";
    const P3: &str = "Residents will see the first changes in their bills from the start of next month, it added.";

    #[test]
    fn teaser_repeating_the_lead_is_left_out() {
        let text = format!("Menu\n{P1} {P2}\nNews | Updated: 24-03-2021 | Created: 24-03-2021\nBudget plan approved\n{P1}\n{P2} {P3}\nTRENDING\nCat stuck in tree");
        let (paras, title) = body_of(&text);
        assert_eq!(paras, [P1.to_string(), format!("{P2} {P3}")]);
        assert_eq!(title, Some("Budget plan approved"));
    }

    #[test]
    fn headline_lists_and_cut_teasers_are_not_prose() {
        let text = format!("{P1}\n{P2}\nLatest News\nThe Curse Of Oak Island Season Eight Episode Nineteen Spoilers Revealed Today.\nThe Gujarat High Court has said that a Deputy Commissioner of Police will have to remain present before it if a girl who has been missing is not found within two weeks. The HC was hearing a habeas cor...");
        let (paras, _) = body_of(&text);
        assert_eq!(paras, [P1, P2]);
    }

    #[test]
    fn boilerplate_lines() {
        for s in [
            "© Copyright 2021",
            "Reuters | Updated: 24-03-2021 20:48 IST | Created: 24-03-2021 20:48 IST",
            "Email: info@example.com",
            "By Alex Heath, a deputy editor",
            "We use cookies to improve your experience. Read our cookie policy.",
        ] {
            assert!(is_boilerplate(s), "{s}");
        }
        // A story pasted as one line that ends with its copyright line is a story.
        let one_line = format!("{P1} {P2} {P3} © 2015 Example News. All rights reserved.");
        for s in ["By Tuesday, the storm had passed.", P1, &one_line] {
            assert!(!is_boilerplate(s), "{s}");
        }
        // A long block (40 words or more) needs two notices, read in place in any case; the
        // Kelvin sign lower-cases to "k" ("İ" to "i" and a dot: no notice ends with "i").
        let filler = "Tonight, the café said words words words words words words words words words".repeat(4);
        for (notices, boilerplate) in [
            ("We USE COOKIES; read our Privacy Policy.", true),
            ("We use coo\u{212A}ies; read our privacy policy.", true),
            ("We use cookies; read our story.", false),
        ] {
            assert_eq!(is_boilerplate(&format!("{filler} {notices}")), boilerplate, "{notices}");
        }
        assert!(NOTICES.iter().all(|p| !p.ends_with('i')));
    }

    #[test]
    fn notices_counts_what_a_search_per_phrase_counts() {
        // Random strings of phrase pieces, letters and blanks: each phrase whole, cut short, or
        // glued to others.
        let mut pieces: Vec<String> = NOTICES.iter().map(|p| p.to_string()).collect();
        pieces.extend(NOTICES.iter().map(|p| p.get(..p.len() - 2).unwrap_or("").to_string()));
        pieces.extend(["re", "s", " ", "a", "cookie", "of ", "é"].map(String::from));
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..6 {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                s.push_str(&pieces[state as usize % pieces.len()]);
            }
            let n = NOTICES.iter().filter(|p| s.contains(*p)).count();
            assert_eq!(notices(&s), n, "{s:?}");
            // An ASCII text is read in any case (is_boilerplate does not lower-case it).
            assert_eq!(notices(&s.to_ascii_uppercase()), n, "{s:?}");
        }
    }

    #[test]
    fn standfirst_cut_off_by_byline_lines_is_not_the_story() {
        let story = [
            format!("{P1} {P2}"),
            format!("{P3} The mayor said the vote showed that the town could still agree on hard choices."),
            "Critics said the plan leaned too heavily on one-off savings and warned of cuts to libraries and parks next year.".to_string(),
        ];
        let text = format!(
            "Budget plan approved\nA short standfirst that sums the story up in one sentence here.\nBy Jane Doe\nMay 20, 2019\nShare\nPhoto: Town hall\n{}",
            story.join("\n")
        );
        let (paras, _) = body_of(&text);
        assert_eq!(paras, story.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn dom_container_holds_the_story_not_the_sidebar() {
        let (mut text, mut blocks) = (String::new(), Vec::new());
        let noise = Hints { noise: true, link_density: 1.0, list_item: true, ..Hints::default() };
        push(&mut text, &mut blocks, "Home", &[1, 2, 3], noise.clone());
        push(&mut text, &mut blocks, "Budget plan approved", &[1, 4, 5, 6], Hints { heading: 1, ..Hints::default() });
        push(&mut text, &mut blocks, "By Jane Doe", &[1, 4, 5, 7], Hints::default());
        push(&mut text, &mut blocks, P1, &[1, 4, 8, 9], Hints { article: true, ..Hints::default() });
        push(&mut text, &mut blocks, "A crosshead", &[1, 4, 8, 10], Hints { heading: 2, ..Hints::default() });
        push(&mut text, &mut blocks, P2, &[1, 4, 8, 11], Hints { article: true, ..Hints::default() });
        push(&mut text, &mut blocks, P3, &[1, 4, 8, 12], Hints { article: true, ..Hints::default() });
        // A sidebar story, not marked as noise: it lies outside the story's container.
        push(
            &mut text,
            &mut blocks,
            "Another story about a different town that also had a long meeting.",
            &[1, 13, 14],
            Hints::default(),
        );
        let body = find(&text, &blocks, Some("Budget plan approved"));
        let paras: Vec<&str> = body.paragraphs.iter().map(|p| p.of(&text)).collect();
        assert_eq!(paras, [P1, P2, P3]);
        assert!(body.span.of(&text).starts_with(P1) && body.span.of(&text).ends_with(P3));
    }

    #[test]
    fn dom_all_marked_as_noise_is_decided_again_without_the_hints() {
        let (mut text, mut blocks) = (String::new(), Vec::new());
        let layout = Hints { noise: true, ..Hints::default() };
        for (i, p) in [P1, P2, P3].iter().enumerate() {
            push(&mut text, &mut blocks, p, &[1, 2, 3 + i as u32], layout.clone());
        }
        let body = find(&text, &blocks, None);
        assert_eq!(body.paragraphs.len(), 3);
    }

    #[test]
    fn dom_short_paragraphs_are_a_body_when_nothing_else_is() {
        let (mut text, mut blocks) = (String::new(), Vec::new());
        push(&mut text, &mut blocks, "abc", &[1, 2], Hints::default());
        push(&mut text, &mut blocks, "Home", &[1, 3], Hints { noise: true, link_density: 1.0, ..Hints::default() });
        let body = find(&text, &blocks, None);
        assert_eq!(body.paragraphs.iter().map(|p| p.of(&text)).collect::<Vec<_>>(), ["abc"]);
    }

    #[test]
    fn best_run_is_kadane() {
        let w = [-1.0, 3.0, -1.0, 4.0, -10.0, 2.0];
        assert_eq!(best_run(w.iter().copied().enumerate()), Some((1, 3)));
        assert_eq!(best_run([-1.0f32, -2.0].iter().copied().enumerate()), None);
    }
}
