//! lede: a private, offline news-article summarizer.
//!
//! Give it the text of a news article — clean, or a whole page's text with its menus, lists of
//! other stories and footer — and it finds the story, ranks its sentences with TF-IDF and
//! position features, and returns a short lead summary plus the story's key entities and
//! keywords. Everything runs locally; compiled to WebAssembly it runs in the browser.
//!
//! ```
//! let text = "Storm closes schools\n\n\
//!     A winter storm closed schools across the state on Monday, officials said. \
//!     Governor Ann Lee urged people to stay home. Lee said roads would be cleared by Tuesday. \
//!     Forecasters expect more snow later in the week.";
//! let summary = lede::summarize(text, &lede::Options { sentences: 2, ..Default::default() });
//! assert_eq!(summary.title.as_deref(), Some("Storm closes schools"));
//! assert_eq!(summary.sentences.len(), 2);
//! // Spans are byte ranges into the input: what the reader saw, never a copy.
//! let first = &summary.sentences[0];
//! assert!(first.span.of(text).starts_with("A winter storm"));
//! // Sentence bounds know abbreviations: the same text split naively would break after "U.S.".
//! let s = lede::summarize("U.S. officials met on Monday. They agreed.", &Default::default());
//! assert_eq!(s.sentences[0].span.of("U.S. officials met on Monday. They agreed."), "U.S. officials met on Monday.");
//! ```
//!
//! Stages, one module each: `body` finds the article, `segment` cuts
//! sentences and words, `detect` finds the language (before segmentation), `language` holds its
//! tables, `rank` scores and selects sentences,
//! `entities` and `keywords` describe the story. `report` shapes the result for JavaScript
//! (UTF-16 offsets), and `wasm` is the only module that knows about wasm-bindgen.

// std's slice sorts are disallowed in the library (clippy.toml): it sorts with `sort`, one
// copy of the sorting code in the `.wasm` instead of one per call site. So is std's
// lower-casing: `case` gives the same results from a smaller table.
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

/// A word list ([`words::Words`]): `words!["a", "b"]` is `Words("a b ")`. Sorted in byte order.
macro_rules! words {
    ($($word:literal),* $(,)?) => {
        $crate::words::Words(concat!($($word, " "),*))
    };
}

mod asides;
mod body;
mod case;
mod chars;
mod detect;
mod entities;
#[cfg(target_arch = "wasm32")]
mod grow;
mod hash;
mod keywords;
mod language;
mod options;
mod rank;
mod report;
mod segment;
mod sort;
mod summary;
mod tables;
mod text;
/// The WebAssembly binding (`summarize`, `summarizePage`, `version` as JavaScript sees them).
#[cfg(target_arch = "wasm32")]
pub mod wasm_api;
mod words;

pub use entities::{Entity, Kind};
pub use keywords::Keyword;
pub use language::Language;
pub use options::{Error, Got, OptionValue, Options};
pub use rank::Features;
pub use report::{Report, ReportEntity, ReportScore, ReportSentence, ReportStats, Value};
pub use summary::{
    check_page, check_text, sentences, summarize, summarize_page, summarize_story, Page, PageBlock, PageSummary,
    SentenceScore, Stats, Summary, SummarySentence, ENTITY_WINDOW, MAX_TEXT_BYTES,
};
pub use text::{Span, Utf16Map};

/// The learned entity tagger's training interface, for `src/bin/train-ner.rs` only: not part
/// of the API.
#[doc(hidden)]
pub mod ner_training {
    pub use crate::entities::model::{
        best_tag, decode, dynamic, joined, pack_keys, scores, Model, Source, Tokens, FINGERPRINT, KINDS, TAGS,
    };
    use crate::text::Span;

    /// The words of `text` read as a story (as `lede --story` reads it) and their features.
    pub fn tokens(text: &str) -> (Vec<Span>, Tokens) {
        let paragraphs: Vec<Span> = crate::body::lines(text).iter().map(|b| b.span).collect();
        let lang = crate::language::detect(text, &paragraphs);
        let doc = crate::segment::segment(text, &paragraphs, &lang);
        let tokens = crate::entities::training_tokens(text, &doc, &lang);
        (doc.words.iter().map(|w| w.span).collect(), tokens)
    }
}

/// The crate version, as `version()` returns it to JavaScript.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
