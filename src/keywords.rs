//! Keywords: the terms and short phrases that characterise the story.
//!
//! In: the text, a segmented story, its language and the ranking's content flags per term
//! ([`crate::rank::Ranking::content`]). Out: up to N [`Keyword`]s, best first.
//!
//! A term's weight is its count in the story times its inverse document frequency. IDF comes
//! from the language's background frequency table ([`crate::tables`], the same weight the ranking
//! stage uses): words every story uses ("people", "year", "told") weigh little, rarer words and
//! names weigh more. For languages without a table it falls back to the story itself (inverse
//! sentence frequency).
//!
//! Inflections are merged first ("talks", "talk"; "studies", "study"; "voted", "votes") under a
//! light suffix-stripping key for English, and the form shown is the most frequent one; a form
//! that is always capitalised inside sentences is shown as written ("Rubio", "NATO"). Two-word
//! phrases ("foreign ministers") that recur are scored like terms and replace the single words
//! they are mostly made of; a phrase that overlaps one already shown ("blood visibly",
//! "visibly pouring") gives way. Stop words, bare numbers, very short words and the words of
//! number compounds ("23-year-old") are never keywords, nor, in English, light words (verbs,
//! adjectives, adverbs and number words such as "met", "difficult", "left", "two": the
//! background table marks them), which may only open a phrase ("foreign ministers"). [`beside`]
//! then drops the keywords that repeat an entity chip, and company suffixes ("Ltd"). Where words
//! are not separated by spaces, keywords found as character bigrams are made whole words
//! ([`whole_units`]).

use crate::case;
use crate::hash::{FxMap, FxSet};
use std::borrow::Cow;

use crate::entities::Entity;
use crate::language::{Language, Terms};
use crate::segment::{Doc, Vocab, Word};
use crate::tables::IdfTable;
use crate::text::Span;
use crate::words::Words;

/// A keyword of the story: a term (or a two-word phrase) and its weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub term: String,
    pub score: f32,
}

/// What a group's rarity is measured against.
enum Rarity<'a> {
    /// The language's background frequencies.
    Table(&'a IdfTable),
    /// The story itself: its `sentences` and, where terms are words, its `typical` word length.
    Story { sentences: usize, typical: Option<f32> },
}

/// Inverse document frequency of a group of inflected forms that occurs in `in_sentences`
/// sentences.
///
/// With a background table: the table's weight of the group's most common form (its highest
/// background frequency), so that a rare plural does not lift a common word. Without one:
/// `1 + ln(sentences / in_sentences)`, the inverse frequency of the group among the story's
/// sentences, times the [`length_weight`] of its first form when `typical` (the story's typical
/// word length) is given.
fn idf(rarity: &Rarity, forms: &[Form], doc: &Doc, in_sentences: u32) -> f32 {
    match *rarity {
        Rarity::Table(table) => {
            forms.iter().map(|f| table.weight(doc.vocab.term(f.term))).reduce(f32::min).unwrap_or(0.1).max(0.1)
        }
        Rarity::Story { sentences, typical } => {
            // A name (capitalised inside a sentence) is no grammar word, however short.
            let name = forms.iter().any(|f| f.name.is_some());
            let length = match (typical, forms.first()) {
                (Some(typical), Some(f)) if !name => length_weight(letters(doc.vocab.term(f.term)), typical),
                _ => 1.0,
            };
            (1.0 + (sentences.max(1) as f32 / in_sentences.max(1) as f32).ln()).max(0.1) * length
        }
    }
}

fn letters(term: &str) -> usize {
    term.chars().filter(|&c| crate::chars::is_alphabetic(c)).count()
}

/// Without background frequencies, a word's length stands in for its rarity: in every language
/// frequent words are short (Zipf's law of abbreviation), so grammar words ("depuis",
/// "setelah") weigh less than the story's names and nouns. Measured against the story's own
/// typical word length (the mean over its distinct words), so that scripts with short words
/// (Ethiopic syllables, Arabic without vowels, Vietnamese) are judged by their own standard:
/// 1 for a word at least that long, in proportion below.
fn length_weight(letters: usize, typical: f32) -> f32 {
    (letters as f32 / typical.max(1.0)).min(1.0)
}

/// The mean length in letters of the story's distinct words (those with a letter).
fn typical_length(vocab: &Vocab) -> f32 {
    let (mut sum, mut count) = (0usize, 0usize);
    for t in 0..vocab.len() as u32 {
        let l = letters(vocab.term(t));
        if l > 0 {
            sum += l;
            count += 1;
        }
    }
    if count == 0 {
        1.0
    } else {
        sum as f32 / count as f32
    }
}

/// The key that merges inflections of an English-like word: "talks" → "talk", "studies" and
/// "studied" → "study", "voted", "votes", "voting" and "vote" → "vot", "stopped" → "stop".
/// Only a grouping key: it is never shown.
fn stem(term: &str) -> Cow<'_, str> {
    let n = term.len();
    if n < 4 || !term.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(term);
    }
    if n > 4 {
        if let Some(stem) = term.strip_suffix("ies").or_else(|| term.strip_suffix("ied")) {
            return Cow::Owned(format!("{stem}y"));
        }
    }
    let mut s = term;
    if let Some(stem) = s.strip_suffix("sses") {
        s = term.get(..stem.len() + 2).unwrap_or(term);
    } else if n > 4 && !["ss", "us", "is"].iter().any(|x| s.ends_with(x)) {
        // "business", "status", "analysis" are not plurals; "news" is not "new".
        s = s.strip_suffix('s').unwrap_or(s);
    }
    if s.len() > 4 && s.ends_with("eed") {
        // "agreed" → "agree".
        s = s.strip_suffix('d').unwrap_or(s);
    } else if let Some(stem) = s.strip_suffix("ing").or_else(|| s.strip_suffix("ed")).filter(|t| t.len() >= 3) {
        // "stopped" → "stop", but "killed" → "kill", "passed" → "pass".
        let b = stem.as_bytes();
        let double = matches!(b, [.., x, y] if x == y && !b"aeioulsfz".contains(y));
        s = if double { stem.get(..stem.len() - 1).unwrap_or(stem) } else { stem };
    }
    if s.len() >= 4 && s.ends_with('e') && !s.ends_with("ee") {
        s = s.strip_suffix('e').unwrap_or(s);
    }
    Cow::Borrowed(s)
}

/// A term that may be a keyword: no stop word (nor a news word such as "said"), no number, no
/// possessive, not too short: three letters in cased scripts, two where words are not
/// separated by spaces (a single Chinese or Japanese character is not a keyword), one
/// elsewhere. Where a term is a character bigram, one that holds a one-character stop word
/// ("的", "了") straddles a word boundary and is no keyword either.
fn eligible(term: &str, content: bool, lang: &Language) -> bool {
    let letters = term.chars().filter(|&c| crate::chars::is_alphabetic(c)).count();
    let short = match (lang.cased, lang.terms) {
        (true, _) => letters < 3,
        (false, Terms::Bigrams) => letters < 2,
        (false, Terms::Words) => letters < 1,
    };
    let straddles = lang.terms == Terms::Bigrams
        && term.chars().count() == 2
        && term.chars().any(|c| lang.is_stopword(c.encode_utf8(&mut [0; 4])));
    // `content` (the ranking's: no function word, a letter) is `!is_function_word` for a term with a
    // letter, which every term long enough here has.
    !short && !straddles && content && !lang.is_news_word(term) && !term.contains('\'')
}

/// One surface term of a group and how it was written.
struct Form {
    term: u32,
    count: u32,
    /// Uses in lower case: one is enough to show the term in lower case.
    lower: u32,
    /// A capitalised use that does not open its sentence, to show a name as written.
    name: Option<Span>,
}

#[derive(Default)]
struct Group {
    count: u32,
    sentences: u32,
    last_sentence: Option<u32>,
    /// Surface terms (the most frequent is shown); a handful per group.
    forms: Vec<Form>,
    /// Uses inside recurring phrases.
    in_phrases: u32,
}

impl Group {
    fn add(&mut self, w: &Word) {
        self.count += 1;
        if self.last_sentence != Some(w.sentence) {
            self.sentences += 1;
            self.last_sentence = Some(w.sentence);
        }
        let i = match self.forms.iter().position(|f| f.term == w.term) {
            Some(i) => i,
            None => {
                self.forms.push(Form { term: w.term, count: 0, lower: 0, name: None });
                self.forms.len() - 1
            }
        };
        if let Some(f) = self.forms.get_mut(i) {
            f.count += 1;
            if !w.capitalized {
                f.lower += 1;
            } else if !w.initial && f.name.is_none() {
                f.name = Some(w.span);
            }
        }
    }
}

/// Two adjacent groups in a sentence.
struct Pair {
    first: usize,
    second: usize,
    uses: u32,
    /// Where the phrase is first written (the starts of both words): inside a sentence if it
    /// ever is, else at the start of one.
    written: (usize, usize),
    /// Uses inside sentences, and whether any of them has a word in lower case.
    inside: u32,
    lower: bool,
}

/// The word is part of a hyphenated compound with a number ("23-year-old", "10-day"): an age
/// or a measure, not a topic. Looks at most [`COMPOUND`] bytes either side.
fn in_number_compound(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").bytes().rev().take(COMPOUND);
    let after = text.get(span.end..).unwrap_or("").bytes().take(COMPOUND);
    reaches_number(before) || reaches_number(after)
}

/// Bytes leading away from a word reach a digit through hyphens and letters only, starting
/// with a hyphen.
fn reaches_number(bytes: impl Iterator<Item = u8>) -> bool {
    let mut hyphen = false;
    for b in bytes {
        match b {
            b'-' => hyphen = true,
            b'0'..=b'9' if hyphen => return true,
            _ if hyphen && b.is_ascii_alphabetic() => {}
            _ => return false,
        }
    }
    false
}

const COMPOUND: usize = 24;

/// The most frequent form of a group (ties: the first in alphabetical order).
fn best_form<'g>(g: &'g Group, vocab: &Vocab) -> Option<&'g Form> {
    g.forms.iter().max_by(|a, b| a.count.cmp(&b.count).then_with(|| vocab.term(b.term).cmp(vocab.term(a.term))))
}

/// A keyword in the making: a group (word) or two adjacent groups (phrase).
struct Scored {
    score: f32,
    shown: String,
    first: usize,
    second: Option<usize>,
}

/// The most terms [`extract`]'s tables are sized for at once: a long news article's vocabulary.
const PRESIZE: usize = 4096;

pub fn extract(text: &str, doc: &Doc, lang: &Language, content: &[bool], limit: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let n = doc.sentences.len();
    let merge = lang.english_inflections;
    let table = lang.idf();
    // Every eligible term → its group (inflections merged under one key).
    // Keys borrow the story's terms (a stem that is not a prefix of its term is the rare copy).
    // Sized once for an article (a map grown step by step rehashes every key at each step); a
    // longer text grows them past that as it needs, so a 10 MB text with a million terms does
    // not hold three tables of a million entries up front (that raised its peak memory by half).
    let presize = doc.vocab.len().min(PRESIZE);
    let mut index: FxMap<Cow<'_, str>, usize> = FxMap::with_capacity_and_hasher(presize, Default::default());
    let mut group_of: Vec<Option<usize>> = Vec::with_capacity(doc.vocab.len());
    for t in 0..doc.vocab.len() as u32 {
        let term = doc.vocab.term(t);
        let content = content.get(t as usize).copied().unwrap_or(false);
        group_of.push(eligible(term, content, lang).then(|| {
            let key = if merge { stem(term) } else { Cow::Borrowed(term) };
            let next = index.len();
            *index.entry(key).or_insert(next)
        }));
    }
    let mut groups: Vec<Group> = (0..index.len()).map(|_| Group::default()).collect();
    let group = |w: &Word| group_of.get(w.term as usize).copied().flatten();
    // Phrases: two adjacent eligible words in one sentence, joined by a single space.
    // Found through their (first, second) groups.
    let mut pairs: Vec<Pair> = Vec::with_capacity(presize);
    let mut pair_index: FxMap<(usize, usize), usize> = FxMap::with_capacity_and_hasher(presize, Default::default());
    for (i, w) in doc.words.iter().enumerate() {
        let Some(g) = group(w).filter(|_| !in_number_compound(text, w.span)) else { continue };
        if let Some(slot) = groups.get_mut(g) {
            slot.add(w);
        }
        let Some(next) = doc.words.get(i + 1) else { continue };
        // Where terms are overlapping character bigrams, two that overlap make a longer unit
        // ("和歌" + "歌山" → "和歌山").
        let overlapping = lang.terms == Terms::Bigrams && next.span.start < w.span.end;
        if next.sentence != w.sentence || !(overlapping || text.get(w.span.end..next.span.start) == Some(" ")) {
            continue;
        }
        if let Some(g2) = group(next).filter(|&g2| g2 != g) {
            let next_id = pairs.len();
            let id = *pair_index.entry((g, g2)).or_insert(next_id);
            if id == next_id {
                pairs.push(Pair {
                    first: g,
                    second: g2,
                    uses: 0,
                    written: (w.span.start, next.span.start),
                    inside: 0,
                    lower: false,
                });
            }
            if let Some(p) = pairs.get_mut(id) {
                p.uses += 1;
                if !w.initial {
                    if p.inside == 0 {
                        p.written = (w.span.start, next.span.start);
                    }
                    p.inside += 1;
                    p.lower |= !w.capitalized || !next.capitalized;
                }
            }
        }
    }
    // Recurring phrases (two or more uses), and how much of each word they hold.
    let recurring: Vec<Pair> = pairs.into_iter().filter(|p| p.uses >= 2).collect();
    for p in &recurring {
        for g in [p.first, p.second] {
            if let Some(slot) = groups.get_mut(g) {
                slot.in_phrases += p.uses;
            }
        }
    }
    // The group's most frequent form, and how it is shown: as written when it is a name.
    let vocab = &doc.vocab;
    let form = |g: &Group| {
        let Some(f) = best_form(g, vocab) else { return String::new() };
        let term = vocab.term(f.term);
        let written = f
            .name
            .filter(|_| f.lower == 0)
            .and_then(|span| text.get(span.start..span.start.saturating_add(term.len())))
            .filter(|w| case::lowercase(w) == term);
        written.unwrap_or(term).to_owned()
    };
    // A group whose every form is light ("met", "difficult", "going", "left", "two": see
    // `IdfTable::light`) is no keyword on its own and does not end a phrase ("incident
    // occurred"); it may open one ("foreign ministers", "second half").
    // Asked only of groups that could be keywords (most groups are used once and never are).
    let light =
        |g: &Group| table.is_some_and(|t| !g.forms.is_empty() && g.forms.iter().all(|f| t.light(vocab.term(f.term))));
    let few = n < 4;
    // Length stands in for rarity only where a term is a word (not a character bigram).
    let rarity = match table {
        Some(table) => Rarity::Table(table),
        None => {
            Rarity::Story { sentences: n, typical: (lang.terms == Terms::Words).then(|| typical_length(&doc.vocab)) }
        }
    };
    // Only groups used twice (every word of a recurring phrase is) can be keywords, bar short texts.
    let weights: Vec<f32> = groups
        .iter()
        .map(|g| if g.count >= 2 || few { idf(&rarity, &g.forms, doc, g.sentences) } else { 0.1 })
        .collect();
    let weight = |g: usize| weights.get(g).copied().unwrap_or(0.1);
    let mut scored: Vec<Scored> = Vec::new();
    for p in &recurring {
        // A phrase is worth more than a word: it says more, and recurs less by chance.
        let score = 1.5 * p.uses as f32 * (weight(p.first) + weight(p.second)) / 2.0;
        let (Some(ga), Some(gb)) = (groups.get(p.first), groups.get(p.second)) else { continue };
        if light(gb) {
            continue;
        }
        // A name is shown as written ("Harry Kane", "Premier League"): capitalised in every use
        // inside a sentence, or only seen at sentence starts and ending in a name. Anything else
        // word by word ("foreign ministers", "Latino voters"). The written use must have the
        // most frequent forms.
        let (shown_a, shown_b) = (form(ga), form(gb));
        let name = if p.inside > 0 { !p.lower } else { shown_b.chars().next().is_some_and(char::is_uppercase) };
        let terms =
            best_form(ga, vocab).zip(best_form(gb, vocab)).map(|(fa, fb)| (vocab.term(fa.term), vocab.term(fb.term)));
        let written = Some(p.written).filter(|_| name).zip(terms).and_then(|((start, second), (ta, tb))| {
            let shown = text.get(start..second.saturating_add(tb.len()))?;
            let lower = case::lowercase(shown);
            (lower.strip_prefix(ta)?.strip_prefix(' ')? == tb).then(|| shown.to_owned())
        });
        let joined = (lang.terms == Terms::Bigrams)
            .then(|| terms.and_then(|(_, tb)| text.get(p.written.0..p.written.1.saturating_add(tb.len()))))
            .flatten()
            .filter(|s| !s.contains(' '));
        if joined.is_some_and(|j| lang.is_function_word(j)) {
            continue;
        }
        let shown = joined.map(str::to_owned).or(written).unwrap_or_else(|| format!("{shown_a} {shown_b}"));
        scored.push(Scored { score, shown, first: p.first, second: Some(p.second) });
    }
    for (g, gr) in groups.iter().enumerate() {
        if (gr.count >= 2 || (few && gr.count > 0)) && !light(gr) {
            scored.push(Scored { score: gr.count as f32 * weight(g), shown: form(gr), first: g, second: None });
        }
    }
    // Best score first; ties by the form shown, then in the order found (a stable sort).
    let order = |x: &Scored, y: &Scored| y.score.total_cmp(&x.score).then_with(|| x.shown.cmp(&y.shown));
    // `choose` reads the best few candidates (it stops at `limit`, skipping a few on the way),
    // so only the `cutoff` best are picked out (a linear selection) and sorted, where sorting every
    // candidate (each distinct word, when a text of one long sentence makes every word a
    // candidate) cost n log n comparisons of strings. What is sorted is exactly the start of the
    // full order; in the rare case that `choose` runs through it without filling `limit`,
    // everything is sorted as before.
    let cutoff = limit.saturating_mul(4).saturating_add(32);
    let rank = |a: usize, b: usize| match (scored.get(a), scored.get(b)) {
        (Some(x), Some(y)) => order(x, y).then(a.cmp(&b)),
        _ => a.cmp(&b),
    };
    // Where words are not separated by spaces, a keyword may grow into a longer one another
    // keyword also grows into (`whole_units`): a few spare ones fill the places repeats leave.
    let unspaced = lang.terms == Terms::Bigrams;
    let wanted = if unspaced { limit.saturating_mul(2) } else { limit };
    let mut out = Vec::new();
    if let Some(mut best) = best_indices(scored.len(), cutoff, &mut { rank }) {
        // `rank` breaks ties by index: one sort gives the stable order of `order`.
        crate::sort::sort_by(&mut best, |&a, &b| rank(a, b));
        let picked: Vec<&Scored> = best.iter().filter_map(|&i| scored.get(i)).collect();
        out = choose(&picked, &groups, wanted);
    }
    if out.len() < wanted {
        let mut all: Vec<&Scored> = scored.iter().collect();
        crate::sort::sort_by(&mut all, |x, y| order(x, y));
        out = choose(&all, &groups, wanted);
    }
    let max = out.first().map_or(1.0, |s| s.score);
    let mut keywords: Vec<Keyword> =
        out.into_iter().map(|s| Keyword { term: s.shown.clone(), score: s.score / max }).collect();
    if unspaced {
        keywords = whole_units(text, doc, lang, keywords);
    }
    keywords.truncate(limit);
    keywords
}

/// Signs that attach to the letter before them in Thai, Lao, Myanmar and Khmer (vowel signs,
/// tone marks, medials, virama): no word starts with one, and a keyword that some use has one
/// right after is cut inside a syllable.
fn attaches(c: char) -> bool {
    matches!(c as u32,
        0x0E30..=0x0E3A | 0x0E45..=0x0E4E | 0x0EB0..=0x0EBC | 0x0EC8..=0x0ECD | 0x102B..=0x103E | 0x1056..=0x1059
        | 0x105E..=0x1060 | 0x1062..=0x1064 | 0x1067..=0x106D | 0x1071..=0x1074 | 0x1082..=0x108D | 0x108F
        | 0x109A..=0x109D | 0x17B6..=0x17D3)
}

/// The most ideographs a keyword grows to in [`whole_units`].
const MAX_UNIT: usize = 6;
/// The most Thai, Lao, Myanmar or Khmer letters (signs included) a keyword grows to.
const MAX_LETTERS: usize = 14;

/// Chinese grammar characters (particles, prepositions, conjunctions, pronouns, the measure word
/// 个) that a keyword does not grow over in [`whole_units`] where the language's stop list has
/// them (Chinese; Japanese writes its grammar in kana): "中国" used twice as "中国的" stays
/// "中国". The whole stop list would stop it at 大, 中, 人 or 日 too, which names hold (亚历山大).
const PARTICLES: &str = "的了着过是在和与及或也都就被把将对从向为于而之其这那个们吗呢吧啊很";

/// Keywords made whole where words are not separated by spaces. Cut into overlapping character
/// bigrams, a word of three characters or more is found as its pieces: "神经网" and "经网络" of
/// "神经网络", "奈川県" of "神奈川県", "ตรก" of "เกษตรกร". A keyword of ideographs (or of Thai,
/// Lao, Myanmar or Khmer letters) used twice or more grows by the character that every one of its
/// uses in the story has on that side, while that character is of the same kind and no Chinese
/// grammar character ([`PARTICLES`]; kana, such as の, is no ideograph), up to [`MAX_UNIT`]
/// ideographs or [`MAX_LETTERS`] letters: a unit that recurs as a whole. A keyword of letters that still
/// reads as a piece (used once, starting with a sign that [`attaches`] to the letter before it,
/// some use followed by one, ending in a vowel written before its consonant, under three
/// letters, a stop word) is dropped. Then a keyword that an earlier (better) one holds gives
/// way. Other keywords (katakana, Latin) stay as they are. Cost: one pass over the story's
/// words, and each keyword's uses.
fn whole_units(text: &str, doc: &Doc, lang: &Language, keywords: Vec<Keyword>) -> Vec<Keyword> {
    // Ideographs of the basic plane and the letters (three bytes of UTF-8 each) are what grows
    // and what is grown over: a keyword of them starts with its first bigram, a term of the story
    // (the longest prefix that is one).
    // (Myanmar: not its digits 0x1040-0x1049 and 0x1090-0x1099, as no script's here, nor its
    // punctuation and particle symbols 0x104A-0x104F such as the genitive "၏".)
    let letters = |c: char| matches!(c as u32, 0x0E01..=0x0E3A | 0x0E40..=0x0E4E | 0x0E81..=0x0ECD | 0x1000..=0x103F | 0x1050..=0x108F | 0x109A..=0x109D | 0x1780..=0x17D3);
    let usable = |c: &str| {
        c.chars().all(|c| {
            letters(c)
                || (crate::segment::is_ideograph(c)
                    && c <= '\u{FFFF}'
                    && !(PARTICLES.chars().any(|p| p == c) && lang.is_stopword(c.encode_utf8(&mut [0; 4]))))
        })
    };
    let first_bigram = |k: &Keyword| {
        if !(k.term.len() >= 6 && usable(&k.term)) {
            return None;
        }
        (2..=k.term.len() / 3).rev().filter_map(|n| k.term.get(..3 * n)).find_map(|b| doc.vocab.id(b))
    };
    // Per term of the story, the first keyword whose first bigram it is; then where the term
    // starts in the story, listed under that keyword.
    let mut slot: Vec<u32> = Vec::new();
    for (i, k) in keywords.iter().enumerate() {
        if let Some(t) = first_bigram(k) {
            slot.resize(doc.vocab.len(), u32::MAX);
            if let Some(s) = slot.get_mut(t as usize).filter(|s| **s == u32::MAX) {
                *s = i as u32;
            }
        }
    }
    let mut starts: Vec<Vec<usize>> = (0..keywords.len()).map(|_| Vec::new()).collect();
    if !slot.is_empty() {
        for w in &doc.words {
            if let Some(list) = slot.get(w.term as usize).and_then(|&i| starts.get_mut(i as usize)) {
                list.push(w.span.start);
            }
        }
    }
    let mut out: Vec<Keyword> = Vec::with_capacity(keywords.len());
    let mut uses: Vec<(usize, usize)> = Vec::new();
    for mut k in keywords {
        // Thai, Lao, Myanmar, Khmer: whether the keyword may be a piece of a word (a sign after it,
        // or too few uses to tell).
        let mut cut = true;
        // Keywords with the same first bigram ("神经", "神经网") share its list of starts.
        if let Some(list) = first_bigram(&k).and_then(|t| slot.get(t as usize)).and_then(|&j| starts.get(j as usize)) {
            uses.clear();
            uses.extend(
                list.iter()
                    .filter(|&&s| text.get(s..).is_some_and(|rest| rest.starts_with(k.term.as_str())))
                    .map(|&s| (s, s + k.term.len())),
            );
            let mut len = k.term.len();
            // Rightwards, then leftwards: the one character every use has there.
            for right in [true, false] {
                let edge = |&(s, e): &(usize, usize)| {
                    if right {
                        text.get(e..e + 3)
                    } else {
                        s.checked_sub(3).and_then(|b| text.get(b..s))
                    }
                };
                let max = if k.term.chars().all(letters) { 3 * MAX_LETTERS } else { 3 * MAX_UNIT };
                while uses.len() >= 2 && len < max {
                    let Some(c) = uses.first().and_then(edge).filter(|c| usable(c)) else { break };
                    if !uses.iter().all(|u| edge(u) == Some(c)) {
                        break;
                    }
                    for u in &mut uses {
                        *u = if right { (u.0, u.1 + 3) } else { (u.0 - 3, u.1) };
                    }
                    len += 3;
                }
            }
            if let Some(whole) = uses.first().and_then(|&(s, e)| text.get(s..e)) {
                k.term = whole.to_owned();
            }
            cut = uses.len() < 2
                || uses.iter().any(|&(_, e)| text.get(e..).and_then(|r| r.chars().next()).is_some_and(attaches));
        }
        let held = |o: &Keyword| o.term.as_bytes().windows(k.term.len()).any(|w| w == k.term.as_bytes());
        let piece = k.term.chars().all(letters)
            && (cut
                || k.term.chars().next().is_some_and(attaches)
                || k.term.chars().next_back().is_some_and(|c| matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4))
                || k.term.chars().count() < 3
                || lang.is_function_word(&k.term));
        let repeat = usable(&k.term) && out.iter().any(held);
        if !(piece || repeat) {
            out.push(k);
        }
    }
    out
}

/// The keywords among `scored` (best first): up to `limit`, skipping a word that lives mostly
/// inside a phrase already shown, a phrase that chains onto one shown, and a repeat.
fn choose<'s>(scored: &[&'s Scored], groups: &[Group], limit: usize) -> Vec<&'s Scored> {
    let mut out: Vec<&Scored> = Vec::new();
    for &s in scored {
        if out.len() >= limit {
            break;
        }
        let phrases = || out.iter().filter_map(|o| o.second.map(|second| (o.first, second)));
        match s.second {
            // A word that lives mostly inside recurring phrases gives way once one of them is shown.
            None => {
                let inside = groups.get(s.first).is_some_and(|g| g.in_phrases * 3 >= g.count * 2);
                if inside && phrases().any(|(a, b)| a == s.first || b == s.first) {
                    continue;
                }
            }
            // A phrase that chains onto one already shown is a piece of a longer run of words.
            Some(second) => {
                if phrases().any(|(a, b)| b == s.first || a == second) {
                    continue;
                }
            }
        }
        if out.iter().any(|o| o.shown == s.shown) {
            continue;
        }
        out.push(s);
    }
    out
}

/// The indices of the `k` first of `0..n` in the strict order `rank` gives (in no particular
/// order), or `None` when `n <= k`. Quickselect with pivots from a fixed pseudo-random sequence:
/// each round keeps one side of the pivot, so the work is a geometric sum, O(n) comparisons
/// expected; after ROUNDS rounds (never reached in practice) it gives up and returns `None`
/// (the caller then sorts everything), so the worst case is ROUNDS · n comparisons, linear too.
fn best_indices(n: usize, k: usize, rank: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Option<Vec<usize>> {
    const ROUNDS: usize = 100;
    if n <= k {
        return None;
    }
    let (mut rest, mut best): (Vec<usize>, Vec<usize>) = ((0..n).collect(), Vec::with_capacity(k));
    let mut seed = 0x9E37_79B9u32;
    for _ in 0..ROUNDS {
        let wanted = k - best.len();
        if wanted == 0 {
            return Some(best);
        }
        let pivot = *rest.get(crate::hash::xorshift32(&mut seed) as usize % rest.len().max(1))?;
        let before: Vec<usize> = rest.iter().copied().filter(|&i| rank(i, pivot).is_le()).collect();
        if before.len() <= wanted {
            // The pivot and everything before it are in; look further on among the rest.
            rest.retain(|&i| rank(i, pivot).is_gt());
            best.extend(before);
        } else {
            // More than wanted: the pivot, the last of them, is not one.
            rest = before.into_iter().filter(|&i| i != pivot).collect();
        }
    }
    None
}

/// Company suffixes: a name's tail, no keyword ("Ltd").
const SUFFIXES: Words = words!["co", "corp", "gmbh", "inc", "llc", "ltd", "plc"];

/// The first `limit` of `keywords` that do not repeat an entity chip (a name or alias of one of
/// `entities`, or a capitalised part of one: "Alexander" of "Audrey Alexander") and are no company
/// suffix; scores rescaled so that the best is 1. Linear in keywords and entity names.
pub fn beside(keywords: Vec<Keyword>, entities: &[Entity], limit: usize) -> Vec<Keyword> {
    let mut names: FxSet<String> = FxSet::default();
    let mut name_words: FxSet<String> = FxSet::default();
    for e in entities {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let lower = case::lowercase(n);
            name_words.extend(
                lower.split(|c: char| !crate::chars::is_alphanumeric(c)).filter(|w| !w.is_empty()).map(str::to_owned),
            );
            names.insert(lower);
        }
    }
    let mut out: Vec<Keyword> = keywords
        .into_iter()
        .filter(|k| {
            let lower = case::lowercase(&k.term);
            let mut words =
                lower.split(|c: char| !crate::chars::is_alphanumeric(c)).filter(|w| !w.is_empty()).peekable();
            let capitalised = k.term.starts_with(char::is_uppercase);
            let part_of_name = capitalised && words.peek().is_some() && words.clone().all(|w| name_words.contains(w));
            let suffix = SUFFIXES.contains(&lower);
            !names.contains(&lower) && !part_of_name && !suffix
        })
        .take(limit)
        .collect();
    let max = out.first().map_or(1.0, |k| k.score).max(f32::MIN_POSITIVE);
    out.iter_mut().for_each(|k| k.score /= max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn keywords_in(code: &str, text: &str, limit: usize) -> Vec<Keyword> {
        let lang = Language::from_code(code);
        let doc = segment(text, &[Span::new(0, text.len())], &lang);
        let content = crate::rank::score(text, &doc, &lang, &Default::default()).content;
        extract(text, &doc, &lang, &content, limit)
    }

    fn keywords(text: &str, limit: usize) -> Vec<Keyword> {
        keywords_in("en", text, limit)
    }

    #[test]
    fn best_indices_are_the_first_in_order() {
        let mut seed = 11u32;
        for n in [0usize, 1, 2, 5, 40, 333, 2000] {
            let xs: Vec<u32> = (0..n).map(|_| crate::hash::xorshift32(&mut seed) % 50).collect();
            // Larger values first, ties by index (a strict order).
            let mut rank = |a: usize, b: usize| xs[b].cmp(&xs[a]).then(a.cmp(&b));
            let mut sorted: Vec<usize> = (0..n).collect();
            sorted.sort_by(|&a, &b| rank(a, b));
            for k in [0, 1, 2, 3, 10, 39, 40, 41, 332, 1999, 2000, 5000] {
                let got = best_indices(n, k, &mut rank).map(|mut b| {
                    b.sort_by(|&x, &y| rank(x, y));
                    b
                });
                let want = (n > k).then(|| sorted[..k].to_vec());
                assert_eq!(got, want, "n {n} k {k}");
            }
        }
    }

    /// Only the best candidates are sorted; that gives the first keywords of the full order,
    /// whatever the limit (a limit past every candidate sorts them all).
    #[test]
    fn the_best_candidates_are_the_start_of_the_full_order() {
        let word = |n: usize| -> String {
            let syllable = |k: usize| {
                format!(
                    "{}{}",
                    ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v"][k % 12],
                    ["a", "e", "i", "o", "u"][k / 12 % 5]
                )
            };
            format!("{}{}{}", syllable(n), syllable(n / 60 + 7), syllable(n / 3600 + 3))
        };
        // One long sentence (every word a candidate) and prose with recurring phrases.
        let one: String = (0..3000).map(|i| word(i * 7 % 1000) + " ").collect();
        let prose: String = (0..600)
            .map(|i| {
                format!(
                    "The {} {} met {} in {}. ",
                    word(i % 40),
                    word(i % 13 + 50),
                    word(i % 97 + 200),
                    word(i % 7 + 400)
                )
            })
            .collect();
        for text in [&one, &prose] {
            let all = keywords(text, 100_000);
            assert!(all.len() > 50, "{}", all.len());
            for limit in [1, 3, 10, 25] {
                let some = keywords(text, limit);
                let want: Vec<(&str, f32)> = all.iter().take(limit).map(|k| (k.term.as_str(), k.score)).collect();
                let got: Vec<(&str, f32)> = some.iter().map(|k| (k.term.as_str(), k.score)).collect();
                assert_eq!(got, want, "limit {limit}");
            }
        }
    }

    fn terms(ks: &[Keyword]) -> Vec<&str> {
        ks.iter().map(|k| k.term.as_str()).collect()
    }

    /// A story, the keywords it must open with (in order), and terms that must not appear.
    struct Case {
        name: &'static str,
        lang: &'static str,
        text: &'static str,
        top: &'static [&'static str],
        absent: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        // Weighting: the background table, not the count alone.
        Case {
            name: "a frequent word used three times loses to a rarer story word used twice",
            lang: "en",
            text: "People gathered near the glacier at dawn. Many people stayed all day. \
                   Scientists say the glacier is melting. Some people left early. The end came.",
            top: &["glacier", "people"],
            absent: &[],
        },
        Case {
            name: "frequent content words win and stop words never appear",
            lang: "en",
            text: "The budget for the parks was approved. The parks budget adds playgrounds. \
                   Critics said the budget was small. The mayor defended the parks plan.",
            top: &["parks", "budget"],
            absent: &["the", "was", "said", "for"],
        },
        Case {
            name: "numbers, reporting verbs and possessives are never keywords",
            lang: "en",
            text: "In 2024 the harbour fees rose 12 percent, officials told reporters. In 2024 \
                   the harbour said fees of 12 euros were fair. The harbour's board told them so. \
                   Fees rose again in 2024.",
            top: &["fees", "harbour"],
            absent: &["2024", "12", "told", "said", "harbour's"],
        },
        Case {
            name: "ages and measures in hyphenated compounds are not topics",
            lang: "en",
            text: "The 23-year-old swimmer won. A 31-year-old swimmer came second after a 10-day-long \
                   race. The old pool closed. Each swimmer rested for a year-long break.",
            top: &["swimmer"],
            absent: &["year", "old", "day", "long"],
        },
        // Inflections merge, the most frequent form is shown.
        Case {
            name: "plurals merge into the most frequent form",
            lang: "en",
            text: "Officials met. The talks began. Two officials said talks would go on. \
                   Talks resumed as the talk turned to trade. An official left.",
            top: &["talks", "officials"],
            absent: &["talk", "official"],
        },
        Case {
            name: "-ies and -ied merge with -y, -ed and -ing with the bare verb",
            lang: "en",
            text: "The studies began in spring. Both studies followed rats. Researchers studied mice. \
                   The study ended. Workers voted on Monday. The vote was close. Voting ended late. \
                   Another vote came.",
            top: &["vote", "studies"],
            absent: &["study", "studied", "voted", "voting"],
        },
        // Phrases.
        Case {
            name: "recurring phrases replace their words",
            lang: "en",
            text: "Foreign ministers met in Brussels. The foreign ministers agreed on sanctions. \
                   Later the foreign ministers left. Sanctions start soon. Nobody else spoke.",
            top: &["foreign ministers"],
            absent: &["ministers", "foreign"],
        },
        Case {
            name: "a phrase that chains onto a shown one gives way",
            lang: "en",
            text: "Blood visibly pouring from his nose, he stood. Witnesses saw blood visibly pouring. \
                   The crowd gasped. The police arrived late. Nobody was arrested.",
            top: &["visibly pouring"],
            absent: &["blood visibly"],
        },
        Case {
            name: "light verbs, adjectives and number words are no keywords, nor end a phrase",
            lang: "en",
            text: "The two leaders met in Geneva. It was difficult, the leaders said, and two aides left. \
                   The leaders met again as the talks were going badly. Two aides left the talks. \
                   The incident happened late. Another incident happened. The foreign ministers waited. \
                   Foreign ministers were difficult.",
            top: &["foreign ministers", "leaders"],
            absent: &["met", "difficult", "going", "left", "two", "aides left", "incident happened"],
        },
        // Names.
        Case {
            name: "names are shown as written, other words in lower case",
            lang: "en",
            text: "Senator Rubio spoke in Miami. Critics of Rubio gathered outside. Immigration \
                   dominated the debate. The immigration bill stalled. NATO was not mentioned. \
                   Allies of NATO watched.",
            top: &["NATO", "Rubio", "immigration"],
            absent: &["rubio", "nato", "Immigration"],
        },
        Case {
            name: "a phrase is shown as written when it is a name, in lower case when it is not",
            lang: "en",
            text: "Harry Kane scored twice. Harry Kane then left the pitch. The high hedge grew. \
                   Neighbours cut the high hedge. The High Hedges Act applies. Nothing else happened.",
            top: &["high hedge", "Harry Kane"],
            absent: &["harry Kane", "High Hedge", "Kane", "Harry"],
        },
        // Languages without a background table.
        Case {
            name: "a language without a table still gets keywords from the story itself",
            lang: "fr",
            text: "La grève des cheminots continue. Les cheminots bloquent les gares. \
                   Le gouvernement appelle au dialogue. La grève pourrait durer.",
            top: &["cheminots", "grève"],
            absent: &["les", "des", "la"],
        },
    ];

    /// Languages written without spaces: keywords are units of two characters or more, a
    /// recurring name or word of three characters or more is shown whole (not as its bigrams or
    /// the pieces two overlapping bigrams make: "神经网", "经网络"), stop words never appear, and
    /// a unit does not grow over a grammar character every use has after it (的).
    #[test]
    fn keywords_without_spaces() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            (
                "ja",
                "和歌山県で事件があった。和歌山県の警察は銃弾を調べた。銃弾は道路で見つかった。和歌山県の住民は驚いた。",
                &["和歌山県"],
                &["和歌", "歌山", "和歌山", "歌山県", "の", "は"],
            ),
            (
                "zh",
                "研究人员训练了神经网络的模型。神经网络的规模很大。他们说神经网络的结果很好，神经网络的成本也在下降。",
                &["神经网络"],
                &["神经网", "经网络", "经网", "神经网络的"],
            ),
            (
                "ja",
                "神奈川県警は事件を調べた。神奈川県警によると、男は逃げた。神奈川県警は男を探している。",
                &["神奈川県警"],
                &["奈川県", "神奈川", "川県警"],
            ),
            // Thai letters: pieces of words ("ตรก", "ฐบา") or of syllables are no keywords.
            (
                "th",
                "รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเกษตรกร รัฐบาลไทยบอกว่าเกษตรกรจะได้รับเงินช่วยเหลือ \
                 เกษตรกรหลายคนพอใจกับมาตรการนี้ รัฐบาลไทยจะเริ่มจ่ายเงินเดือนหน้า",
                &["เกษตรกร", "รัฐบาลไทย", "มาตรการ"],
                &["ตรก", "กษต", "ฐบา", "ลไท", "ทย", "จกั", "ด้รั"],
            ),
            // Myanmar: a unit grows over no digit ("၂၀၂၀", 2020) nor the genitive particle "၏"
            // that every use has beside it.
            (
                "my",
                "လွှတ်တော် ၂၀၂၀ရွေးကောက်ပွဲ မှာ အနိုင်ရခဲ့ပါတယ်။ ၂၀၂၀ရွေးကောက်ပွဲ ကို စောင့်ကြည့်ခဲ့ကြတယ်။ \
                 ၂၀၂၀ရွေးကောက်ပွဲ ရလဒ်ကို ကော်မရှင်က ထုတ်ပြန်ခဲ့တယ်။ မြန်မာနိုင်ငံ၏ စီးပွားရေး ကောင်းလာတယ်။ \
                 မြန်မာနိုင်ငံ၏ အစိုးရ က ပြောတယ်။ မြန်မာနိုင်ငံ၏ လူဦးရေ များတယ်။",
                &["ရွေးကောက်ပွဲ", "မြန်မာနိုင်ငံ"],
                &["၂၀ရွေးကောက်ပွဲ", "၂၀၂၀ရွေးကောက်ပွဲ", "မြန်မာနိုင်ငံ၏"],
            ),
            (
                "zh",
                "梁振英今天在香港表示，学生的要求不合理。梁振英说香港的学生应该回到学校。香港的学生没有回应。",
                &["梁振英", "学生", "香港"],
                &["的", "梁振", "振英"],
            ),
        ];
        for (code, text, want, absent) in cases {
            let ks = keywords_in(code, text, 10);
            let got = terms(&ks);
            for w in *want {
                assert!(got.contains(w), "{code}: {w} not in {got:?}");
            }
            for a in *absent {
                assert!(!got.contains(a), "{code}: {a} in {got:?}");
            }
            assert!(got.iter().all(|t| t.chars().count() >= 2), "{code}: {got:?}");
            assert!(got.iter().all(|t| !t.starts_with(attaches)), "{code}: {got:?}");
        }
    }

    #[test]
    fn cases() {
        for case in CASES {
            let ks = keywords_in(case.lang, case.text, 10);
            let t = terms(&ks);
            assert_eq!(t.get(..case.top.len()), Some(case.top), "{}: {t:?}", case.name);
            for absent in case.absent {
                assert!(!t.contains(absent), "{}: {absent:?} in {t:?}", case.name);
            }
            assert!(ks.first().is_some_and(|k| (k.score - 1.0).abs() < 1e-6), "{}: scores {ks:?}", case.name);
        }
    }

    #[test]
    fn keywords_beside_the_entity_chips() {
        use crate::entities::Kind;
        let kw = |t: &str, score: f32| Keyword { term: t.to_owned(), score };
        let entity = |name: &str, aliases: &[&str]| Entity {
            name: name.to_owned(),
            kind: Kind::Person,
            mentions: Vec::new(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            salience: 1.0,
        };
        let es = [entity("Audrey Alexander", &["Alexander"]), entity("Premier League", &[])];
        let got = beside(
            vec![
                kw("Alexander", 1.0),
                kw("hedge", 0.8),
                kw("premier league", 0.7),
                kw("Audrey", 0.6),
                kw("Ltd", 0.5),
                kw("council", 0.4),
                kw("league", 0.3),
                kw("trees", 0.2),
            ],
            &es,
            2,
        );
        assert_eq!(got.iter().map(|k| k.term.as_str()).collect::<Vec<_>>(), ["hedge", "council"]);
        assert_eq!(got.first().map(|k| k.score), Some(1.0));
        SUFFIXES.check();
    }

    #[test]
    fn stems_group_inflections_and_nothing_else() {
        let same: &[&[&str]] = &[
            &["talk", "talks", "talked", "talking"],
            &["study", "studies", "studied"],
            &["vote", "votes", "voted", "voting"],
            &["stop", "stops", "stopped", "stopping"],
            &["agree", "agrees", "agreed"],
            &["class", "classes"],
            &["kill", "killed", "kills"],
        ];
        for forms in same {
            let keys: Vec<_> = forms.iter().map(|f| stem(f)).collect();
            assert!(keys.iter().all(|k| Some(k) == keys.first()), "{forms:?} → {keys:?}");
        }
        for (a, b) in
            [("news", "new"), ("business", "busines"), ("status", "statu"), ("police", "policies"), ("king", "k")]
        {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
        for odd in ["", "é", "ies", "Talks", "ñañas", "sses"] {
            let _ = stem(odd);
        }
        for (text, word, inside) in [
            ("a 23-year-old man", "year", true),
            ("a 23-year-old man", "old", true),
            ("year-old-23", "year", true),
            ("a year-old", "year", false),
            ("the 2-0 win", "win", false),
            ("year", "year", false),
        ] {
            let start = text.find(word).unwrap_or(0);
            assert_eq!(in_number_compound(text, Span::new(start, start + word.len())), inside, "{word} in {text}");
        }
    }

    #[test]
    fn no_keywords_when_none_are_asked_or_nothing_qualifies() {
        assert!(keywords("Budget talks resumed. Budget talks ended.", 0).is_empty());
        assert!(keywords("The and of to. It is what it is. 12 34 56.", 5).is_empty());
    }
}
