//! Keywords: the terms that characterise the story.
//!
//! In: a segmented story and its language. Out: up to N [`Keyword`]s by TF-IDF, where IDF is
//! the inverse sentence frequency inside the story, never stop words or bare numbers. The
//! surface form shown is the most frequent lower-case spelling.

use serde::Serialize;

use crate::language::Language;
use crate::segment::Doc;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    pub term: String,
    pub score: f32,
}

pub fn extract(doc: &Doc, lang: &Language, limit: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let n = doc.sentences.len().max(1) as f32;
    let mut tf = vec![0u32; doc.vocab.len()];
    let mut sf = vec![0u32; doc.vocab.len()];
    let mut last_sentence = vec![u32::MAX; doc.vocab.len()];
    for w in &doc.words {
        let t = w.term as usize;
        if let (Some(c), Some(s), Some(last)) = (tf.get_mut(t), sf.get_mut(t), last_sentence.get_mut(t)) {
            *c += 1;
            if *last != w.sentence {
                *s += 1;
                *last = w.sentence;
            }
        }
    }
    let mut scored: Vec<(f32, u32)> = (0..doc.vocab.len() as u32)
        .filter_map(|t| {
            let term = doc.vocab.term(t);
            let letters = term.chars().filter(|c| c.is_alphabetic()).count();
            let short = if lang.cased { letters < 3 } else { letters < 1 };
            if short || lang.is_stopword(term) || term.contains('\'') {
                return None;
            }
            let tf = tf.get(t as usize).copied().unwrap_or(0) as f32;
            let sf = sf.get(t as usize).copied().unwrap_or(0).max(1) as f32;
            (tf >= 2.0 || n < 4.0).then(|| (tf * (1.0 + (n / sf).ln()).max(0.1), t))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(doc.vocab.term(a.1).cmp(doc.vocab.term(b.1))));
    let max = scored.first().map_or(1.0, |s| s.0);
    scored
        .into_iter()
        .take(limit)
        .map(|(s, t)| Keyword { term: doc.vocab.term(t).to_owned(), score: s / max })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::text::Span;

    #[test]
    fn frequent_content_words_win_and_stop_words_never_appear() {
        let text = "The budget for the parks was approved. The parks budget adds playgrounds. \
                    Critics said the budget was small. The mayor defended the parks plan.";
        let doc = segment(text, &[Span::new(0, text.len())]);
        let ks = extract(&doc, &Language::from_code("en"), 3);
        let terms: Vec<&str> = ks.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["budget", "parks"]);
        assert!((ks[0].score - 1.0).abs() < 1e-6);
    }
}
