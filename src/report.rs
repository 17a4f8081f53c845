//! The JavaScript-shaped result: camelCase fields and UTF-16 offsets.
//!
//! [`Report::to_value`] is the one description of the result's fields: the WebAssembly binding
//! turns its [`Value`] into JavaScript objects and the CLI's `--json` writes it as JSON, so the
//! two give the same object. Offsets count UTF-16 code units, as `String.prototype.slice` and DOM ranges
//! do.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::entities::Kind;
use crate::keywords::Keyword;
use crate::rank::Features;
use crate::summary::{PageSummary, Summary};
use crate::text::Utf16Map;

/// The result of `summarize` (and, with `text` and `blocks`, of `summarizePage`), with UTF-16
/// offsets. [`Report::to_value`] says how JavaScript and JSON spell it.
#[derive(Debug)]
pub struct Report<'a> {
    pub title: Option<&'a str>,
    pub summary: Vec<ReportSentence<'a>>,
    /// Every story sentence's score, in document order.
    pub scores: Vec<ReportScore>,
    pub entities: Vec<ReportEntity<'a>>,
    pub keywords: &'a [Keyword],
    pub language: &'a str,
    pub stats: ReportStats,
    pub reason: Option<&'a str>,
    /// The text the offsets refer to (pages only).
    pub text: Option<&'a str>,
    /// Pages only: `[start, end]` of each input block in `text` (`None` for empty blocks).
    pub blocks: Option<Vec<Option<[usize; 2]>>>,
}

#[derive(Debug)]
pub struct ReportSentence<'a> {
    pub text: &'a str,
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub features: Features,
}

/// One story sentence's place and score (the chart of every sentence needs no second call).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportScore {
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

#[derive(Debug)]
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

#[derive(Debug)]
pub struct ReportStats {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub reading_minutes: usize,
    pub body_start: usize,
    pub body_end: usize,
}

/// A JSON-like value: the result as JavaScript sees it. [`Report::to_value`] is the one place
/// that names the result's fields; the binding turns a `Value` into JavaScript objects and the
/// CLI writes it as JSON (its `Serialize`), so the two cannot disagree.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A count or an offset.
    Int(usize),
    Float(f32),
    Str(&'a str),
    List(Vec<Value<'a>>),
    /// Fields in order, spelled as JavaScript spells them (camelCase).
    Object(Vec<(&'static str, Value<'a>)>),
}

impl Value<'_> {
    fn pair([a, b]: [usize; 2]) -> Self {
        Value::List(vec![Value::Int(a), Value::Int(b)])
    }

    fn opt_str(s: Option<&str>) -> Value<'_> {
        s.map_or(Value::Null, Value::Str)
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(n) => s.serialize_u64(*n as u64),
            Value::Float(x) => s.serialize_f32(*x),
            Value::Str(t) => s.serialize_str(t),
            Value::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'a> Report<'a> {
    /// The result as JavaScript sees it: the one description of its fields and their names.
    pub fn to_value(&self) -> Value<'a> {
        let sentence = |s: &ReportSentence<'a>| {
            Value::Object(vec![
                ("text", Value::Str(s.text)),
                ("index", Value::Int(s.index)),
                ("start", Value::Int(s.start)),
                ("end", Value::Int(s.end)),
                ("score", Value::Float(s.score)),
                ("features", features(&s.features)),
            ])
        };
        let score = |s: &ReportScore| {
            Value::Object(vec![
                ("start", Value::Int(s.start)),
                ("end", Value::Int(s.end)),
                ("score", Value::Float(s.score)),
            ])
        };
        let entity = |e: &ReportEntity<'a>| {
            Value::Object(vec![
                ("name", Value::Str(e.name)),
                ("kind", Value::Str(e.kind.as_str())),
                ("mentions", Value::Int(e.mentions)),
                ("aliases", Value::List(e.aliases.iter().map(|a| Value::Str(a)).collect())),
                ("start", Value::Int(e.start)),
                ("spans", Value::List(e.spans.iter().map(|&p| Value::pair(p)).collect())),
            ])
        };
        let keyword =
            |k: &'a Keyword| Value::Object(vec![("term", Value::Str(&k.term)), ("score", Value::Float(k.score))]);
        let st = &self.stats;
        let stats = Value::Object(vec![
            ("characters", Value::Int(st.characters)),
            ("words", Value::Int(st.words)),
            ("sentences", Value::Int(st.sentences)),
            ("readingMinutes", Value::Int(st.reading_minutes)),
            ("bodyStart", Value::Int(st.body_start)),
            ("bodyEnd", Value::Int(st.body_end)),
        ]);
        let mut fields = vec![
            ("title", Value::opt_str(self.title)),
            ("summary", Value::List(self.summary.iter().map(sentence).collect())),
            ("scores", Value::List(self.scores.iter().map(score).collect())),
            ("entities", Value::List(self.entities.iter().map(entity).collect())),
            ("keywords", Value::List(self.keywords.iter().map(keyword).collect())),
            ("language", Value::Str(self.language)),
            ("stats", stats),
            ("reason", Value::opt_str(self.reason)),
        ];
        if let Some(text) = self.text {
            fields.push(("text", Value::Str(text)));
        }
        if let Some(blocks) = &self.blocks {
            fields.push(("blocks", Value::List(blocks.iter().map(|b| b.map_or(Value::Null, Value::pair)).collect())));
        }
        Value::Object(fields)
    }
}

fn features(f: &Features) -> Value<'static> {
    Value::Object(vec![
        ("position", Value::Float(f.position)),
        ("paragraphStart", Value::Float(f.paragraph_start)),
        ("centrality", Value::Float(f.centrality)),
        ("directed", Value::Float(f.directed)),
        ("title", Value::Float(f.title)),
        ("length", Value::Float(f.length)),
        ("specifics", Value::Float(f.specifics)),
        ("quote", Value::Float(f.quote)),
        ("dangling", Value::Bool(f.dangling)),
    ])
}

/// The CLI's `--json`: the same object as JavaScript's (see [`Report::to_value`]).
impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
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
            scores: self
                .scores
                .iter()
                .map(|s| ReportScore { start: map.utf16(s.span.start), end: map.utf16(s.span.end), score: s.score })
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
