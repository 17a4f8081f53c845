//! Scoring sentences and choosing the lead summary.
//!
//! In: a segmented story, its language and its title. Out: for every sentence a score and the
//! [`Features`] behind it; then the chosen sentences, best first until the budget is spent,
//! near-duplicates skipped, returned in document order.
//!
//! Score = (content weight + lead position + title overlap) × length prior. Content weight is
//! how much of the story's TF-IDF mass a sentence carries; IDF is the inverse sentence
//! frequency inside the story. Cost is linear: each sentence is compared only with the few
//! already chosen.

use std::collections::HashSet;

use serde::Serialize;

use crate::language::Language;
use crate::options::Options;
use crate::segment::Doc;

/// Why a sentence scored what it did; each part is in 0–1 before weighting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Features {
    /// Share of the story's TF-IDF mass in the sentence, relative to the best sentence.
    pub tfidf: f32,
    /// Lead bias: 1 for the first sentence, falling with position.
    pub position: f32,
    /// Overlap of the sentence's content words with the title.
    pub title: f32,
    /// Length prior: 1 for ordinary sentences, less for fragments and run-ons.
    pub length: f32,
}

const W_TFIDF: f32 = 0.45;
const W_POSITION: f32 = 0.45;
const W_TITLE: f32 = 0.10;

/// Per-sentence term ids of content words (stop words and bare numbers removed).
fn content_terms(doc: &Doc, lang: &Language) -> Vec<Vec<u32>> {
    let stop: Vec<bool> = (0..doc.vocab.len() as u32)
        .map(|t| {
            let term = doc.vocab.term(t);
            lang.is_stopword(term) || !term.chars().any(char::is_alphabetic)
        })
        .collect();
    (0..doc.sentences.len())
        .map(|s| {
            let mut terms: Vec<u32> = doc
                .sentence_words(s)
                .iter()
                .map(|w| w.term)
                .filter(|t| !stop.get(*t as usize).copied().unwrap_or(true))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        })
        .collect()
}

/// Scores every sentence of `doc`. `title` holds the content term ids of the headline.
pub fn score(doc: &Doc, lang: &Language, title: &HashSet<u32>) -> Vec<(f32, Features)> {
    let n = doc.sentences.len();
    let terms = content_terms(doc, lang);
    let mut sf = vec![0u32; doc.vocab.len()];
    let mut tf = vec![0u32; doc.vocab.len()];
    for w in &doc.words {
        if let Some(c) = tf.get_mut(w.term as usize) {
            *c += 1;
        }
    }
    for ts in &terms {
        for &t in ts {
            if let Some(c) = sf.get_mut(t as usize) {
                *c += 1;
            }
        }
    }
    let weight = |t: u32| -> f32 {
        let tf = tf.get(t as usize).copied().unwrap_or(0) as f32;
        let sf = sf.get(t as usize).copied().unwrap_or(0).max(1) as f32;
        (1.0 + tf.ln()) * (1.0 + n as f32 / sf).ln()
    };
    let raw: Vec<f32> =
        terms.iter().map(|ts| ts.iter().map(|&t| weight(t)).sum::<f32>() / (ts.len() as f32 + 4.0).sqrt()).collect();
    let max = raw.iter().copied().fold(0.0f32, f32::max).max(f32::MIN_POSITIVE);
    (0..n)
        .map(|i| {
            let words = doc.sentence_words(i).len();
            let ts = terms.get(i).map_or(&[][..], Vec::as_slice);
            let features = Features {
                tfidf: raw.get(i).copied().unwrap_or(0.0) / max,
                position: 1.0 / (1.0 + i as f32 / 3.0),
                title: if title.is_empty() || ts.is_empty() {
                    0.0
                } else {
                    ts.iter().filter(|t| title.contains(t)).count() as f32 / title.len() as f32
                },
                length: match words {
                    0..=3 => 0.2,
                    4..=7 => 0.6,
                    8..=60 => 1.0,
                    _ => 0.8,
                },
            };
            let score = (W_TFIDF * features.tfidf + W_POSITION * features.position + W_TITLE * features.title)
                * features.length;
            (score, features)
        })
        .collect()
}

/// Chooses the summary: best-scoring sentences that are not near-duplicates of one already
/// chosen, until `options.sentences` (or the `max_words` budget) is reached; in document order.
pub fn select(doc: &Doc, lang: &Language, scores: &[(f32, Features)], options: &Options) -> Vec<usize> {
    let terms = content_terms(doc, lang);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| {
        let (sa, sb) = (scores.get(a).map_or(0.0, |s| s.0), scores.get(b).map_or(0.0, |s| s.0));
        sb.total_cmp(&sa).then(a.cmp(&b))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut words_left = options.max_words;
    for i in order {
        if options.max_words.is_none() && chosen.len() >= options.sentences {
            break;
        }
        let ts = terms.get(i).map_or(&[][..], Vec::as_slice);
        let duplicate = chosen.iter().any(|&c| {
            let other = terms.get(c).map_or(&[][..], Vec::as_slice);
            overlap(ts, other) > 0.6
        });
        if duplicate {
            continue;
        }
        if let Some(left) = words_left {
            let words = doc.sentence_words(i).len();
            if words > left {
                continue;
            }
            words_left = Some(left - words);
        }
        chosen.push(i);
    }
    if chosen.is_empty() {
        // A budget smaller than every sentence still gets the best sentence.
        if let Some(best) = (0..scores.len()).max_by(|&a, &b| scores[a].0.total_cmp(&scores[b].0).then(b.cmp(&a))) {
            chosen.push(best);
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Share of the smaller sorted term set found in the other.
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f32 / a.len().min(b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::text::Span;

    fn pick(text: &str, options: &Options) -> Vec<String> {
        let doc = segment(text, &[Span::new(0, text.len())]);
        let lang = Language::from_code("en");
        let scores = score(&doc, &lang, &HashSet::new());
        select(&doc, &lang, &scores, options).into_iter().map(|i| doc.sentences[i].span.of(text).to_owned()).collect()
    }

    const STORY: &str = "The city council approved a new budget for public parks on Monday. \
        The budget adds money for park maintenance and new playgrounds across the city. \
        Residents had asked the council for more parks funding for years. \
        The city council approved a new budget for public parks on Monday. \
        Some members said the parks budget was still too small. \
        The weather was mild.";

    #[test]
    fn picks_in_document_order_without_duplicates() {
        let got = pick(STORY, &Options::default());
        assert_eq!(got.len(), 3);
        let mut seen = HashSet::new();
        assert!(got.iter().all(|s| seen.insert(s.clone())), "{got:?}");
        let positions: Vec<usize> = got.iter().map(|s| STORY.find(s.as_str()).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(got[0], "The city council approved a new budget for public parks on Monday.");
    }

    #[test]
    fn word_budget_is_respected() {
        let options = Options { max_words: Some(25), ..Options::default() };
        let got = pick(STORY, &options);
        let words: usize = got.iter().map(|s| s.split_whitespace().count()).sum();
        assert!(!got.is_empty() && words <= 25, "{got:?}");
        let tiny = Options { max_words: Some(1), ..Options::default() };
        assert_eq!(pick(STORY, &tiny).len(), 1);
    }

    #[test]
    fn more_sentences_than_the_story_has() {
        let options = Options { sentences: 50, ..Options::default() };
        assert_eq!(pick(STORY, &options).len(), 5); // the repeated sentence is dropped
    }
}
