//! The JavaScript-shaped result: camelCase fields and UTF-16 offsets.
//!
//! Both the WebAssembly binding and the CLI's `--json` serialize a [`Report`], so the two give
//! the same object. Offsets count UTF-16 code units, as `String.prototype.slice` and DOM ranges
//! do.

use serde::Serialize;

use crate::entities::Kind;
use crate::keywords::Keyword;
use crate::rank::Features;
use crate::summary::{PageSummary, Summary};
use crate::text::Utf16Map;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    pub title: Option<&'a str>,
    pub summary: Vec<ReportSentence<'a>>,
    pub entities: Vec<ReportEntity<'a>>,
    pub keywords: &'a [Keyword],
    pub language: &'a str,
    pub stats: ReportStats,
    pub reason: Option<&'a str>,
    /// The text the offsets refer to (pages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Pages only: `[start, end]` of each input block in `text` (`null` for empty blocks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Vec<Option<[usize; 2]>>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportSentence<'a> {
    pub text: &'a str,
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub features: Features,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportEntity<'a> {
    pub name: &'a str,
    pub kind: Kind,
    /// Number of mentions.
    pub mentions: usize,
    pub aliases: &'a [String],
    /// UTF-16 offset of the first mention.
    pub start: usize,
    /// `[start, end]` UTF-16 offsets of every mention.
    pub spans: Vec<[usize; 2]>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportStats {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub reading_minutes: usize,
    pub body_start: usize,
    pub body_end: usize,
}

impl Summary {
    /// The result as JavaScript sees it, for the `text` this summary was made from.
    pub fn report<'a>(&'a self, text: &'a str) -> Report<'a> {
        self.report_with(text, &Utf16Map::new(text))
    }

    fn report_with<'a>(&'a self, text: &'a str, map: &Utf16Map<'_>) -> Report<'a> {
        Report {
            title: self.title.as_deref(),
            summary: self
                .sentences
                .iter()
                .map(|s| ReportSentence {
                    text: s.span.of(text),
                    index: s.index,
                    start: map.utf16(s.span.start),
                    end: map.utf16(s.span.end),
                    score: s.score,
                    features: s.features,
                })
                .collect(),
            entities: self
                .entities
                .iter()
                .map(|e| ReportEntity {
                    name: &e.name,
                    kind: e.kind,
                    mentions: e.mentions.len(),
                    aliases: &e.aliases,
                    start: e.mentions.first().map_or(0, |m| map.utf16(m.start)),
                    spans: e.mentions.iter().map(|m| [map.utf16(m.start), map.utf16(m.end)]).collect(),
                })
                .collect(),
            keywords: &self.keywords,
            language: self.language,
            stats: ReportStats {
                characters: self.stats.characters,
                words: self.stats.words,
                sentences: self.stats.sentences,
                reading_minutes: self.stats.reading_minutes,
                body_start: map.utf16(self.stats.body.start),
                body_end: map.utf16(self.stats.body.end),
            },
            reason: self.reason.as_deref(),
            text: None,
            blocks: None,
        }
    }
}

impl PageSummary {
    /// The result of `summarizePage` as JavaScript sees it: the summary plus `text` and `blocks`.
    pub fn report(&self) -> Report<'_> {
        let map = Utf16Map::new(&self.text);
        let mut report = self.summary.report_with(&self.text, &map);
        report.text = Some(&self.text);
        report.blocks = Some(self.blocks.iter().map(|b| b.map(|s| [map.utf16(s.start), map.utf16(s.end)])).collect());
        report
    }
}
