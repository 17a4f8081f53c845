//! Keywords: the terms and short phrases that characterise the story.
//!
//! In: the text, a segmented story and its language. Out: up to N [`Keyword`]s, best first.
//!
//! A term's weight is its count in the story times its inverse document frequency ([`idf`]).
//! Inflections are merged first ("talks", "talk"; "officials", "official") under a light
//! suffix-stripping key for cased alphabetic languages, and the form shown is the most frequent
//! one. Two-word phrases ("foreign ministers") that recur are scored like terms and replace the
//! single words they are mostly made of. Stop words, bare numbers and very short words are never
//! keywords.
//!
//! [`idf`] uses the story itself (inverse sentence frequency) until a background table of
//! document frequencies is available; it is the one place to switch.

use std::collections::HashMap;

use serde::Serialize;

use crate::language::Language;
use crate::segment::{Doc, Word};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    pub term: String,
    pub score: f32,
}

/// Inverse document frequency of a term found in `sentences` of the story's `n` sentences.
///
/// In-document statistics for now: `1 + ln(n / sentences)`. A background table (document
/// frequencies over a news corpus, from the ranking stage) replaces this by looking `term` up,
/// with this value as the fallback for terms the table does not have.
fn idf(_term: &str, sentences: u32, n: usize) -> f32 {
    (1.0 + (n.max(1) as f32 / sentences.max(1) as f32).ln()).max(0.1)
}

/// The key that merges inflections of an English-like word: "talks" → "talk", "studies" →
/// "study", "voted" → "vot", "voting" → "vot". Only a grouping key: it is never shown.
fn stem(term: &str) -> &str {
    let n = term.len();
    if n <= 4 || !term.bytes().all(|b| b.is_ascii_lowercase()) {
        return term;
    }
    for suffix in ["ies", "ing", "ed", "es", "s"] {
        if let Some(stem) = term.strip_suffix(suffix) {
            if suffix == "s" && (stem.ends_with('s') || stem.ends_with('u') || stem.ends_with('i')) {
                // "business", "status", "analysis" are not plurals.
                return term;
            }
            if stem.len() >= 3 {
                return stem;
            }
        }
    }
    term
}

/// Words of news prose that the language's stop list lets through but that never characterise a
/// story (reporting verbs, honorifics). Kept here until the stop-word tables carry them.
const NEWS_STOPWORDS: &[&str] = &["according", "added", "mr", "mrs", "ms", "onto", "said", "says", "told", "via"];

/// A term that may be a keyword: no stop word, no number, no possessive, not too short.
fn eligible(term: &str, lang: &Language) -> bool {
    let letters = term.chars().filter(|c| c.is_alphabetic()).count();
    let short = if lang.cased { letters < 3 } else { letters < 1 };
    let news = lang.code == "en" && NEWS_STOPWORDS.contains(&term);
    !short && !news && !lang.is_stopword(term) && !term.contains('\'')
}

#[derive(Default)]
struct Group {
    count: u32,
    sentences: u32,
    last_sentence: Option<u32>,
    /// Surface terms and their counts (the most frequent is shown); a handful per group.
    forms: Vec<(u32, u32)>,
    /// Uses inside recurring phrases.
    in_phrases: u32,
}

impl Group {
    fn add(&mut self, sentence: u32, form: u32) {
        self.count += 1;
        if self.last_sentence != Some(sentence) {
            self.sentences += 1;
            self.last_sentence = Some(sentence);
        }
        match self.forms.iter_mut().find(|f| f.0 == form) {
            Some(f) => f.1 += 1,
            None => self.forms.push((form, 1)),
        }
    }
}

/// A keyword in the making: a group (word) or two adjacent groups (phrase).
struct Scored {
    score: f32,
    shown: String,
    first: usize,
    second: Option<usize>,
}

pub fn extract(text: &str, doc: &Doc, lang: &Language, limit: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let n = doc.sentences.len();
    let merge = lang.cased && lang.code == "en";
    // Every eligible term → its group (inflections merged under one key).
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut group_of: Vec<Option<usize>> = Vec::with_capacity(doc.vocab.len());
    for t in 0..doc.vocab.len() as u32 {
        let term = doc.vocab.term(t);
        group_of.push(eligible(term, lang).then(|| {
            let key = if merge { stem(term) } else { term };
            let next = index.len();
            *index.entry(key.to_owned()).or_insert(next)
        }));
    }
    let mut groups: Vec<Group> = (0..index.len()).map(|_| Group::default()).collect();
    let mut keys: Vec<&str> = vec![""; index.len()];
    for (k, &g) in &index {
        if let Some(slot) = keys.get_mut(g) {
            *slot = k;
        }
    }
    let group = |w: &Word| group_of.get(w.term as usize).copied().flatten();
    // Phrases: two adjacent eligible words in one sentence, joined by a single space.
    // (first group, second group, uses), found through a "first second" key.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    let mut pair_index: HashMap<String, usize> = HashMap::new();
    for (i, w) in doc.words.iter().enumerate() {
        let Some(g) = group(w) else { continue };
        if let Some(slot) = groups.get_mut(g) {
            slot.add(w.sentence, w.term);
        }
        let Some(next) = doc.words.get(i + 1) else { continue };
        if next.sentence != w.sentence || text.get(w.span.end..next.span.start) != Some(" ") {
            continue;
        }
        if let Some(g2) = group(next).filter(|&g2| g2 != g) {
            let next_id = pairs.len();
            let id = *pair_index.entry(format!("{g} {g2}")).or_insert(next_id);
            if id == next_id {
                pairs.push((g, g2, 0));
            }
            if let Some(p) = pairs.get_mut(id) {
                p.2 += 1;
            }
        }
    }
    // Recurring phrases (two or more uses), and how much of each word they hold.
    let recurring: Vec<(usize, usize, usize)> = pairs.into_iter().filter(|p| p.2 >= 2).collect();
    for &(a, b, run) in &recurring {
        for g in [a, b] {
            if let Some(slot) = groups.get_mut(g) {
                slot.in_phrases += run as u32;
            }
        }
    }
    let form = |g: &Group| {
        g.forms
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| doc.vocab.term(b.0).cmp(doc.vocab.term(a.0))))
            .map(|(t, _)| doc.vocab.term(*t).to_owned())
            .unwrap_or_default()
    };
    let weight = |g: usize| {
        let gr = groups.get(g);
        idf(keys.get(g).copied().unwrap_or(""), gr.map_or(1, |gr| gr.sentences), n)
    };
    let mut scored: Vec<Scored> = Vec::new();
    for &(a, b, run) in &recurring {
        // A phrase is worth more than a word: it says more, and recurs less by chance.
        let score = 1.5 * run as f32 * (weight(a) + weight(b)) / 2.0;
        let (Some(ga), Some(gb)) = (groups.get(a), groups.get(b)) else { continue };
        scored.push(Scored { score, shown: format!("{} {}", form(ga), form(gb)), first: a, second: Some(b) });
    }
    let few = n < 4;
    for (g, gr) in groups.iter().enumerate() {
        if gr.count >= 2 || few {
            scored.push(Scored { score: gr.count as f32 * weight(g), shown: form(gr), first: g, second: None });
        }
    }
    scored.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.shown.cmp(&y.shown)));
    let mut out: Vec<&Scored> = Vec::new();
    for s in &scored {
        if out.len() >= limit {
            break;
        }
        // A word that lives mostly inside recurring phrases gives way once one of them is shown.
        let inside = groups.get(s.first).is_some_and(|g| g.in_phrases * 3 >= g.count * 2);
        let shown_in_phrase =
            out.iter().any(|o| o.second.is_some() && (o.first == s.first || o.second == Some(s.first)));
        if s.second.is_none() && inside && shown_in_phrase {
            continue;
        }
        if out.iter().any(|o| o.shown == s.shown) {
            continue;
        }
        out.push(s);
    }
    let max = out.first().map_or(1.0, |s| s.score);
    out.into_iter().map(|s| Keyword { term: s.shown.clone(), score: s.score / max }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::text::Span;

    fn keywords(text: &str, limit: usize) -> Vec<Keyword> {
        let doc = segment(text, &[Span::new(0, text.len())]);
        extract(text, &doc, &Language::from_code("en"), limit)
    }

    fn terms(ks: &[Keyword]) -> Vec<&str> {
        ks.iter().map(|k| k.term.as_str()).collect()
    }

    #[test]
    fn frequent_content_words_win_and_stop_words_never_appear() {
        let text = "The budget for the parks was approved. The parks budget adds playgrounds. \
                    Critics said the budget was small. The mayor defended the parks plan.";
        let ks = keywords(text, 3);
        assert_eq!(terms(&ks), ["budget", "parks"]);
        assert!((ks[0].score - 1.0).abs() < 1e-6);
    }

    #[test]
    fn inflections_merge_into_the_most_frequent_form() {
        let text = "Officials met. The talks began. An official said talks would go on. \
                    Talks resumed as the talk turned to trade. Nothing else happened here.";
        let ks = keywords(text, 5);
        let t = terms(&ks);
        assert!(t.contains(&"talks") && !t.contains(&"talk"), "{t:?}");
        assert!(t.contains(&"officials") || t.contains(&"official"), "{t:?}");
    }

    #[test]
    fn recurring_phrases_replace_their_words() {
        let text = "Foreign ministers met in Brussels. The foreign ministers agreed on sanctions. \
                    Later the foreign ministers left. Sanctions start soon. Nobody else spoke.";
        let ks = keywords(text, 3);
        let t = terms(&ks);
        assert_eq!(t.first(), Some(&"foreign ministers"), "{t:?}");
        assert!(!t.contains(&"ministers") && !t.contains(&"foreign"), "{t:?}");
    }
}
