//! The pipeline: text → body → language → sentences → scores → summary, entities, keywords.

use crate::hash::FxSet;

use serde::Deserialize;

use crate::body::{self, Block, Hints};
use crate::entities::{self, Entity};
use crate::keywords::{self, Keyword};
use crate::language::{self, Language};
use crate::options::{Error, Options};
use crate::rank::{self, Features};
use crate::segment::{self, Doc};
use crate::text::Span;

/// Words per minute used for reading time (average silent reading of non-fiction).
const WORDS_PER_MINUTE: usize = 238;

/// What lede found in a text. Offsets are byte spans into the text that was summarized.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// The summary sentences in document order.
    pub sentences: Vec<SummarySentence>,
    /// Every sentence of the story with its score, in document order: what the summary was
    /// chosen from.
    pub scores: Vec<SentenceScore>,
    /// Most salient first.
    pub entities: Vec<Entity>,
    pub keywords: Vec<Keyword>,
    /// ISO 639-1 code ("und" when unknown).
    pub language: &'static str,
    pub stats: Stats,
    /// Why the summary is empty ("no article: ..."), when it is.
    pub reason: Option<String>,
}

/// One sentence of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummarySentence {
    pub span: Span,
    /// Position among the story's sentences (0-based).
    pub index: usize,
    pub score: f32,
    pub features: Features,
}

/// A story sentence and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SentenceScore {
    pub span: Span,
    pub score: f32,
}

/// Counts over the story (the body, not the whole page).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Characters (Unicode scalar values) of the story's paragraphs.
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    /// Minutes to read the story at 238 words a minute, rounded up.
    pub reading_minutes: usize,
    /// The story's span in the text.
    pub body: Span,
}

/// A page as the DOM collector sends it: the page's title and URL and its visible blocks.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub blocks: Vec<PageBlock>,
}

/// One block of a page (a paragraph, heading, list item...). Fields beyond `text` are
/// structural hints; unknown fields are ignored so that the collector can send more.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageBlock {
    pub text: String,
    #[serde(default)]
    pub tag: String,
    /// Share of the text inside links (0–1).
    #[serde(default)]
    pub link_density: f32,
    /// Inside navigation, a footer, an aside, related links, comments...
    #[serde(default)]
    pub noise: bool,
    /// Inside `<article>` / `<main>`.
    #[serde(default)]
    pub article: bool,
    /// A list item or inside a list.
    #[serde(default)]
    pub list: bool,
    /// Ids of the elements that hold the block, outermost first (the collector numbers the
    /// page's elements; the same element has the same id within one page). Lets the core find
    /// the element that holds the story.
    #[serde(default)]
    pub path: Vec<u32>,
}

/// The nearest ancestors of a block the core looks at (bounds the work per block).
const MAX_PATH: usize = 32;

/// A page's summary and the story text its offsets refer to.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSummary {
    /// The visible blocks of the page joined by blank lines.
    pub text: String,
    /// Where each input block's (trimmed) text lies in `text`; `None` for empty blocks. Lets a
    /// caller map offsets back to the page's elements.
    pub blocks: Vec<Option<Span>>,
    pub summary: Summary,
}

/// The most text lede reads: 32 MB, counted in bytes of UTF-8 (what the core reads, and what its
/// time is linear in). That holds any JavaScript string of up to 10 million UTF-16 units,
/// whatever its script (a unit is at most 3 bytes of UTF-8: Chinese, Japanese and Thai text take
/// 3 bytes a character). Above it, [`check_text`] and [`check_page`] give an [`Error`] that says
/// so; the binding and the CLI call them before summarizing. Below it every text is answered.
pub const MAX_TEXT_BYTES: usize = 32_000_000;

/// `Ok` when lede reads `text`, else an [`Error`]: "text is 41.2 MB; lede reads at most 32 MB".
pub fn check_text(text: &str) -> Result<(), Error> {
    check_size("text", text.len())
}

/// `Ok` when lede reads the text of `page` (its title and blocks joined as [`summarize_page`]
/// joins them), else an [`Error`] that says how large it is.
pub fn check_page(page: &Page) -> Result<(), Error> {
    let blocks = page.blocks.iter().map(|b| b.text.trim().len() + 2).fold(0usize, usize::saturating_add);
    let title = page.title.as_deref().map_or(0, str::len);
    check_size("page text", blocks.saturating_add(title))
}

fn check_size(what: &str, bytes: usize) -> Result<(), Error> {
    if bytes <= MAX_TEXT_BYTES {
        return Ok(());
    }
    // One decimal, rounded down, in integer arithmetic (no float formatting in the `.wasm`).
    let mb = |n: usize| format!("{}.{}", n / 1_000_000, n % 1_000_000 / 100_000);
    Err(Error::new(format!(
        "{what} is {} MB of UTF-8; lede reads at most {} MB",
        mb(bytes),
        MAX_TEXT_BYTES / 1_000_000
    )))
}

/// Summarizes a text: pasted article, or a whole page's text with its menus and footers.
pub fn summarize(text: &str, options: &Options) -> Summary {
    // The blocks are freed before the analysis (millions of them for a text of short lines).
    let body = body::find(text, &body::lines(text), None);
    analyse(text, body, None, options)
}

/// Summarizes a text that is the story alone (no menus or footers to remove): every non-blank
/// line is a paragraph of the story and none is dropped. For evaluation on clean corpora.
pub fn summarize_story(text: &str, options: &Options) -> Summary {
    let paragraphs: Vec<Span> = body::lines(text).iter().map(|b| b.span).collect();
    let span = match (paragraphs.first(), paragraphs.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::default(),
    };
    let body = body::Body { paragraphs, span, title: None, reason: None };
    analyse(text, body, None, options)
}

/// Summarizes a page collected from a live DOM.
pub fn summarize_page(page: &Page, options: &Options) -> PageSummary {
    let mut text = String::new();
    let mut blocks = Vec::with_capacity(page.blocks.len());
    let mut placed = Vec::with_capacity(page.blocks.len());
    for b in &page.blocks {
        let t = b.text.trim();
        if t.is_empty() {
            placed.push(None);
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(t);
        let heading = match b.tag.as_bytes() {
            [b'h' | b'H', d @ b'1'..=b'6'] => d - b'0',
            _ => 0,
        };
        let hints = Hints {
            heading,
            link_density: b.link_density.clamp(0.0, 1.0),
            noise: b.noise,
            article: b.article,
            list_item: b.list || b.tag.eq_ignore_ascii_case("li"),
            path: b.path.iter().rev().take(MAX_PATH).rev().copied().collect(),
        };
        blocks.push(Block { span: Span::new(start, text.len()), hints });
        placed.push(Some(Span::new(start, text.len())));
    }
    let title = page.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let body = body::find(&text, &blocks, title);
    drop(blocks);
    let summary = analyse(&text, body, title, options);
    PageSummary { text, blocks: placed, summary }
}

/// The story's sentences as lede cuts them (the article found, then segmented): byte spans in
/// document order. Baselines such as LEAD-3 use it, so that they and lede share one splitter.
pub fn sentences(text: &str) -> Vec<Span> {
    let body = body::find(text, &body::lines(text), None);
    let lang = language::detect(text, &body.paragraphs);
    segment::segment(text, &body.paragraphs, &lang).sentences.into_iter().map(|s| s.span).collect()
}

fn analyse(text: &str, body: body::Body, title_hint: Option<&str>, options: &Options) -> Summary {
    let title = title_hint.map(str::to_owned).or_else(|| body.title.map(|t| t.of(text).to_owned()));
    // The language first: sentences and words are cut the way it writes them.
    let lang = match &options.language {
        Some(code) => Language::from_code(code),
        None => language::detect(text, &body.paragraphs),
    };
    let doc = segment::segment(text, &body.paragraphs, &lang);
    let title_terms = title.as_deref().map(|t| title_terms(t, &doc, &lang)).unwrap_or_default();
    let ranking = rank::score(text, &doc, &lang, &title_terms);
    let chosen = if doc.sentences.is_empty() { Vec::new() } else { rank::select(&doc, &ranking, options) };
    let sentences = chosen
        .into_iter()
        .filter_map(|i| {
            let (score, features) = *ranking.scores.get(i)?;
            Some(SummarySentence { span: doc.sentences.get(i)?.span, index: i, score, features })
        })
        .collect();
    let scores = doc
        .sentences
        .iter()
        .zip(&ranking.scores)
        .map(|(s, &(score, _))| SentenceScore { span: s.span, score })
        .collect();
    // Keywords say what the entity chips do not: a few spare ones stand in for repeats (as many
    // as there are entities, up to the keywords asked; the extraction's first n are the same
    // whatever its limit, so it runs once for the most entities there can be).
    let spare = |entities: usize| options.keywords.saturating_add(entities.min(options.keywords));
    let mut keywords = keywords::extract(text, &doc, &lang, &ranking.content, spare(options.entities));
    let stats = stats(text, &doc, body.span);
    // The doc is cut to its first ENTITY_WINDOW bytes only now: everything above read all of it.
    let mut doc = doc;
    let window = doc.paragraphs.first().map_or(0, |p| p.span.start).saturating_add(ENTITY_WINDOW);
    truncate(&mut doc, window);
    let entities = entities::extract(text, &doc, &lang, title.as_deref(), options.entities);
    keywords.truncate(spare(entities.len()));
    let keywords = keywords::beside(keywords, &entities, options.keywords);
    Summary { title, sentences, scores, entities, keywords, language: lang.code, stats, reason: body.reason }
}

/// Bytes of the story the entity stage reads (its rules and its tagger, the costliest work per
/// word): 100 KB, about 16,000 words, longer than any news article (the longest CNN/DailyMail
/// dev article is 11.6 KB, the longest text of every shared data set 42 KB). A longer text (a
/// pasted book, a log, a page of generated names) is summarized and given keywords from all of
/// it, and its entities come from its first 100 KB: the time the entities take stays bounded
/// whatever the size (issue 12). 200 KB of name-dense text cost the entity stage about 0.8 s in
/// WebAssembly, most of the 1 s a 1 MB input is allowed; 100 KB halves it.
pub const ENTITY_WINDOW: usize = 100_000;

/// Cuts `doc` to the words that end before byte `end` of the text: the sentences and paragraphs
/// after are dropped, and the ones that straddle `end` lose their words after it. The vocabulary
/// stays whole (terms no word uses any more cost nothing).
fn truncate(doc: &mut Doc, end: usize) {
    if doc.sentences.last().is_none_or(|s| s.span.end <= end) {
        return;
    }
    let words = doc.words.partition_point(|w| w.span.end <= end);
    doc.words.truncate(words);
    let sentences = doc.sentences.partition_point(|s| s.span.start < end && s.words.start < words.max(1));
    doc.sentences.truncate(sentences);
    if let Some(last) = doc.sentences.last_mut() {
        last.words.end = last.words.end.min(words);
        if last.span.end > end {
            last.span.end =
                doc.words.get(last.words.clone()).and_then(|w| w.last()).map_or(last.span.start, |w| w.span.end);
        }
    }
    let paragraphs = doc.paragraphs.partition_point(|p| p.sentences.start < sentences);
    doc.paragraphs.truncate(paragraphs);
    if let Some(last) = doc.paragraphs.last_mut() {
        last.sentences.end = last.sentences.end.min(sentences);
        if let Some(s) = doc.sentences.last() {
            last.span.end = last.span.end.min(s.span.end);
        }
    }
}

/// The content terms of the headline that the story also uses. Languages written without spaces
/// get none: their headline would have to be cut into character bigrams as the story is, and
/// such bigram title terms cost Japanese 1.8 ROUGE-1 points on the dev third of
/// ../shared/data/multilingual (zh −0.1, th +0.4; `scripts/eval/languages.py`), so the title
/// feature stays English-tuned and word-based.
fn title_terms(title: &str, doc: &Doc, lang: &Language) -> FxSet<u32> {
    if lang.terms == language::Terms::Bigrams {
        return FxSet::default();
    }
    let mut lower = String::new();
    segment::words(title, Span::new(0, title.len()))
        .filter_map(|w| {
            segment::normalize_in(w.of(title), &mut lower, lang);
            (!lang.is_function_word(&lower)).then(|| doc.vocab.id(&lower)).flatten()
        })
        .collect()
}

fn stats(text: &str, doc: &Doc, body: Span) -> Stats {
    let characters = doc.paragraphs.iter().map(|p| p.span.of(text).chars().count()).sum();
    let words = doc.words.len();
    Stats { characters, words, sentences: doc.sentences.len(), reading_minutes: words.div_ceil(WORDS_PER_MINUTE), body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_terms_are_content_words_the_story_uses() {
        let story = "The minister said the talks were over.";
        let lang = Language::from_code("en");
        let doc = segment::segment(story, &[Span::new(0, story.len())], &lang);
        let mut got: Vec<&str> =
            title_terms("The talks are over", &doc, &lang).iter().map(|&t| doc.vocab.term(t)).collect();
        crate::sort::sort(&mut got);
        assert_eq!(got, ["talks"]);
        // Written without spaces: none (see title_terms).
        let story = "外交部长周一表示会谈已经结束。";
        let lang = Language::from_code("zh");
        let doc = segment::segment(story, &[Span::new(0, story.len())], &lang);
        assert!(title_terms("外交部长宣布会谈结束", &doc, &lang).is_empty());
    }
}
