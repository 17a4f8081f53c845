//! Scoring sentences and choosing the lead summary.
//!
//! In: a segmented story, its language and its title. Out: for every sentence a score and the
//! [`Features`] behind it; then the chosen sentences, best first until the budget is spent,
//! near-duplicates, dangling openers and asides (captions, credits, headings: [`crate::asides`])
//! skipped, returned in document order.
//!
//! Each sentence is a sparse TF-IDF vector over its content words (stop words and bare numbers
//! left out). IDF comes from the language's background frequency table ([`crate::tables`]:
//! rarer words weigh more), or, for languages without one, from sentence frequency inside the
//! story; a language without a stop list either takes the words used in more than
//! [`COMMON_SHARE`] of the story's sentences for its function words. The score is a weighted
//! sum of features, each in 0–1 (bar the exceptions their documentation names):
//!
//! - **position**: lead bias, halving every four sentences ([`POSITION_DECAY`]); in a language
//!   whose news often opens with a hook ([`Language::hook_openers`]: English) the story's very
//!   first sentence gets [`FIRST`], about what the third one gets, when it reads as a statement
//!   of the news (a lead: [`Ranking::lead`]), and [`HOOK`] when it does not ("Forget sit and
//!   lie down.", "Roaming.", a question, a sentence naming nobody and nothing), because such
//!   openers leave the facts to the sentences right after; elsewhere it gets 1;
//! - **paragraph start**: the first sentence of a paragraph states its point;
//! - **centrality**: cosine of the sentence with the story's centroid;
//! - **directed**: PACSUM-style directed similarity — how much the sentences that *follow* it
//!   (within a window of [`WINDOW`]) repeat its words, less how much it repeats the ones before;
//! - **title**: share of the title's content words the sentence holds;
//! - **length**: prior against fragments and run-ons; where the weights are not the language's
//!   own ([`Language::tuned`]: every language but English) a sentence longer than the story's
//!   mean sentence also loses [`LONGER`] per mean length above it;
//! - **specifics**: share of numbers and names (capitalised words past the first), the facts a
//!   news summary carries; **quote**: the sentence is mostly a quotation (summaries report,
//!   quotes illustrate).
//!
//! Selection keeps the lead (the story's first sentence, when it is one) unless another sentence
//! truly says more: one that scores higher and repeats it, or one that scores clearly higher
//! ([`LEAD_MARGIN`]). Readers expect the lead; the ranking alone dropped it from a third of
//! CNN/DailyMail summaries, often leaving a sentence that only makes sense after it ("The
//! 33-year-old provided the snap…").
//!
//! Cost is linear in the story: the centroid is one pass, the directed term compares each
//! sentence with at most `2 × WINDOW` neighbours, and selection compares a candidate only with
//! the few sentences already chosen.

use crate::hash::{FxMap, FxSet};

use crate::language::Language;
use crate::options::Options;
use crate::segment::Doc;

/// Why a sentence scored what it did; each part is in 0–1 before weighting (`directed` may be
/// negative: a sentence that mostly repeats earlier ones).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    /// Lead bias: `2^(-i/4)` for sentence `i`; for the story's first sentence in a language
    /// whose openers are often hooks ([`Language::hook_openers`]) 0.55 when it reads as a lead,
    /// 0.4 when it reads as a hook.
    pub position: f32,
    /// 1 when the sentence opens a paragraph.
    pub paragraph_start: f32,
    /// Cosine between the sentence's TF-IDF vector and the story's centroid.
    pub centrality: f32,
    /// Mean similarity to the following sentences minus a share of that to the preceding ones.
    pub directed: f32,
    /// Share of the title's content words found in the sentence.
    pub title: f32,
    /// Length prior: 1 for ordinary sentences, less for fragments and run-ons; where the weights
    /// are not the language's own, less again (below 0 for the longest) for a sentence longer
    /// than the story's mean ([`LONGER`]).
    pub length: f32,
    /// Share of words that are numbers or names.
    pub specifics: f32,
    /// Share of the sentence inside quotation marks.
    pub quote: f32,
    /// The sentence opens with a word that points back ("He", "But", "This").
    pub dangling: bool,
}

/// Weights of the features in the score. Tuned by coordinate ascent on ROUGE-1+2+Lsum over
/// cnndm-dev (`make eval-summaries`); an earlier run trained on half of its articles gained
/// +0.5 ROUGE-1 over LEAD-3 on the other half. `paragraph_start` and `title` are priors (that
/// set has neither paragraphs nor titles; on BBC News, which has both, they are neutral).
#[derive(Clone, Copy, Debug)]
struct Weights {
    position: f32,
    paragraph_start: f32,
    centrality: f32,
    directed: f32,
    title: f32,
    length: f32,
    specifics: f32,
    quote: f32,
    dangling: f32,
}

const WEIGHTS: Weights = Weights {
    position: 0.6,
    paragraph_start: 0.1,
    centrality: 0.55,
    directed: 0.35,
    title: 0.3,
    length: 0.6,
    specifics: 0.15,
    quote: -0.6,
    dangling: -0.2,
};

/// The weights where they are not the language's own ([`Language::tuned`]: every language but
/// English): the content features, centrality and directed similarity, count more against the
/// priors (position, length, quotes) than in English. The references of other languages' news
/// (BBC intros, MLSUM, IndoSum) and how-to guides (WikiLingua's step headlines) lean less on a
/// story's first sentences than CNN/DailyMail's highlights, and the priors were tuned on those. On
/// the dev third of ../shared/data/multilingual (`scripts/eval/languages.py`) the mean over
/// languages of (lede − LEAD-3) ROUGE-1 went from +0.96 to +1.00 (halves `--part 0/2`, `1/2`:
/// +1.24 / +0.83 -> +1.29 / +0.94); 13 of the 17 summaries that change gain (centrality 0.65:
/// +0.97, 0.8: +0.98; directed 0.45: +1.00, 0.6: +0.95).
const OTHER_WEIGHTS: Weights = Weights { centrality: 0.7, directed: 0.5, ..WEIGHTS };

/// Lead bias of the story's first sentence where openers are often hooks (sentence `i > 0`
/// gets `POSITION_DECAY^i`; the first sentence of other languages 1). Raising it to 1 for
/// every language other than English took the dev third of ../shared/data/multilingual from 4
/// languages more than 2 ROUGE-1 points behind LEAD-3 to none (`scripts/eval/languages.py`).
const FIRST: f32 = 0.55;
/// Lead bias of a first sentence that does not read as a lead where openers are often hooks:
/// shorter than [`LEAD_WORDS`], a question, or without a name or a number.
const HOOK: f32 = 0.4;
/// Words a lead has at least ("Marco Rubio is all in." is a hook, not the news).
const LEAD_WORDS: usize = 8;
/// Share of names and numbers (the `specifics` feature) a lead has at least: one in 25 words.
/// A first sentence naming nobody and nothing ("The sense of burning injustice cannot be allowed
/// to fester…") is a hook; the sentences after it say who and what.
const LEAD_SPECIFICS: f32 = 0.04;
/// How much higher another sentence must score to push the lead out of the summary.
const LEAD_MARGIN: f32 = 0.15;
/// A sentence that repeats the lead this closely (TF-IDF cosine) and scores higher says what the
/// lead says and more: the lead gives way to it.
const SAYS_MORE: f32 = 0.75;
/// Score (through the `length` feature) a sentence loses per mean sentence length it runs above
/// the story's mean (in words, or bigrams where words are not spaced), where the weights are not
/// the language's own
/// ([`Language::tuned`]). The references of other languages' news are a sentence or two (BBC
/// intros, XL-Sum; MLSUM; IndoSum) and long sentences spend the summary's words on detail: on
/// the dev third of ../shared/data/multilingual (`scripts/eval/languages.py`) 0.2 took the mean
/// over languages of (lede − LEAD-3) ROUGE-1 from +0.63 to +0.74, and each half of it
/// (`--part 0/2`, `--part 1/2`) from +0.95 / +0.30 to +1.13 / +0.48 (0.15: +0.76, 0.25:
/// +0.78). English keeps its own length prior: this discount cost cnndm-dev 0.57 ROUGE-1.
const LONGER: f32 = 0.2;
/// In a language without a stop list or background table (Welsh, Tamil, Amharic, Kyrgyz,
/// Serbian...), a term used in more than this share of the story's sentences is
/// taken for a function word ("wedi", "mae", "roedd" of Welsh): the story's own most widespread words
/// stand in for the list it lacks. Only in stories of [`COMMON_MIN_SENTENCES`] or more. With
/// [`LONGER`]: dev third +0.74 -> +0.86, halves +1.13 / +0.48 -> +1.18 / +0.74 (0.2: +0.77,
/// 0.3: +0.79, 0.4: +0.82; applied to every language without a background table: +0.83, three
/// languages more than 2 behind in a half).
pub(crate) const COMMON_SHARE: f32 = 0.25;
/// Sentences a story needs before [`COMMON_SHARE`] says anything about a word.
pub(crate) const COMMON_MIN_SENTENCES: usize = 6;
/// Sentences on each side compared by the directed-similarity term.
const WINDOW: usize = 20;
/// Weight of backward similarity against forward similarity in `directed`.
const BACKWARD: f32 = 1.7;
/// Position decay `2^(-1/4)`: the lead bias of sentence `i > 0` is `POSITION_DECAY^i`, halving
/// every four sentences.
const POSITION_DECAY: f32 = 0.840_896_4;
/// Two sentences whose TF-IDF cosine exceeds this say the same thing.
const REDUNDANT_COSINE: f32 = 0.45;
/// Chosen sentences a candidate is compared with for redundancy.
const MAX_COMPARED: usize = 100;
/// Two sentences sharing this share (Jaccard) of their words are near-duplicates.
const DUPLICATE_JACCARD: f32 = 0.8;

/// A sparse unit vector: (term id, weight), sorted by term id.
type Vector = Vec<(u32, f32)>;

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let mut sum = 0.0;
    intersect(a, b, |&(t, _)| t, |&(_, wa), &(_, wb)| sum += wa * wb);
    sum
}

/// [`dot`] of `a` and `b`, bit for bit, with `a` spread over `dense` (its weight at each of its
/// terms, 0 elsewhere): the same products added in the same (ascending term) order; a term `a`
/// lacks adds nothing (its product would be a zero, and a sum begun at +0.0 is never -0.0).
/// Each sentence is compared with the [`WINDOW`] after it: spread once, it costs the others'
/// lengths, not a merge of both per pair (branches a merge mispredicts).
fn dot_dense(dense: &[f32], b: &[(u32, f32)]) -> f32 {
    let mut sum = 0.0;
    for &(t, wb) in b {
        let wa = dense.get(t as usize).copied().unwrap_or(0.0);
        if wa != 0.0 {
            sum += wa * wb;
        }
    }
    sum
}

/// Calls `both` for every pair of entries of `a` and `b` (each sorted by `key`, keys unique) with
/// the same key. Time O(s · log(l / s + 1)) for the shorter length s and the longer l, never more
/// than a merge: the shorter list gallops through the longer one, so comparing a short sentence
/// with a huge one costs the short one's length (selection and the directed term compare every
/// sentence with the same few others: a merge made a giant sentence cost its length each time).
fn intersect<T>(a: &[T], b: &[T], key: impl Fn(&T) -> u32, mut both: impl FnMut(&T, &T)) {
    let swapped = a.len() > b.len();
    let (short, mut long) = if swapped { (b, a) } else { (a, b) };
    // Lengths within a factor of 8 (two ordinary sentences): a plain merge, which costs
    // short + long ≤ 9 · short steps and skips the galloping's bookkeeping. The pairs come in
    // the same order either way.
    if long.len() <= 8 * short.len() {
        let (mut i, mut j) = (0, 0);
        while let (Some(x), Some(y)) = (short.get(i), long.get(j)) {
            let (kx, ky) = (key(x), key(y));
            if kx < ky {
                i += 1;
            } else if ky < kx {
                j += 1;
            } else {
                if swapped {
                    both(y, x);
                } else {
                    both(x, y);
                }
                i += 1;
                j += 1;
            }
        }
        return;
    }
    for x in short {
        let k = key(x);
        // Gallop: double the step until the key is passed, then binary-search that stretch.
        let mut step = 1;
        while long.get(step - 1).is_some_and(|y| key(y) < k) {
            step *= 2;
        }
        let stretch = long.get(..step.min(long.len())).unwrap_or(long);
        let at = stretch.partition_point(|y| key(y) < k);
        long = long.get(at..).unwrap_or(&[]);
        match long.first() {
            Some(y) if key(y) == k => {
                if swapped {
                    both(y, x);
                } else {
                    both(x, y);
                }
                long = long.get(1..).unwrap_or(&[]);
            }
            Some(_) => {}
            None => break,
        }
    }
}

/// Per term of the vocabulary: whether it carries content (no function word, a letter).
fn content_terms(doc: &Doc, lang: &Language) -> Vec<bool> {
    (0..doc.vocab.len() as u32)
        .map(|t| {
            let term = doc.vocab.term(t);
            !lang.is_function_word(term) && term.chars().any(crate::chars::is_alphabetic)
        })
        .collect()
}

/// Per-term weight (IDF), `None` for a term without content (`content`, see [`content_terms`])
/// or, without a stop list, too common.
fn term_weights(doc: &Doc, lang: &Language, content: &[bool]) -> Vec<Option<f32>> {
    let table = lang.idf();
    let n = doc.sentences.len().max(1) as f32;
    let mut sf = vec![0u32; doc.vocab.len()];
    if table.is_none() {
        let mut last = vec![u32::MAX; doc.vocab.len()];
        for w in &doc.words {
            if let (Some(c), Some(l)) = (sf.get_mut(w.term as usize), last.get_mut(w.term as usize)) {
                if *l != w.sentence {
                    *c += 1;
                    *l = w.sentence;
                }
            }
        }
    }
    // Without a stop list, the words in more than COMMON_SHARE of the sentences stand in for one.
    let common = if table.is_none() && !lang.has_stopwords() && doc.sentences.len() >= COMMON_MIN_SENTENCES {
        (COMMON_SHARE * n) as u32
    } else {
        u32::MAX
    };
    (0..doc.vocab.len() as u32)
        .map(|t| {
            let term = doc.vocab.term(t);
            if !content.get(t as usize).copied().unwrap_or(false) || sf.get(t as usize).is_some_and(|&f| f > common) {
                return None;
            }
            Some(match table {
                Some(table) => table.weight(term),
                None => (1.0 + n / sf.get(t as usize).copied().unwrap_or(1).max(1) as f32).ln(),
            })
        })
        .collect()
}

/// Sorts a sentence's term ids: in place by insertion when there are few (most sentences; a
/// text of 200,000 short sentences spent a fifth of its time in [`crate::sort::sort`]'s
/// scratch vectors), else by a radix sort on their bytes (one pass per byte the largest id
/// needs: linear, where a comparison sort of a 1 MB sentence's terms was a fifth of its time).
/// Quadratic only up to `SHORT` terms.
fn sort_terms(terms: &mut [u32]) {
    const SHORT: usize = 24;
    if terms.len() > SHORT {
        let max = terms.iter().copied().max().unwrap_or(0);
        let mut from = terms.to_vec();
        let mut to = vec![0u32; terms.len()];
        let mut shift = 0;
        while shift < 32 && (shift == 0 || max >> shift > 0) {
            // A stable counting sort on byte `shift / 8`.
            let mut starts = [0usize; 257];
            for &t in &from {
                if let Some(c) = starts.get_mut(((t >> shift) & 0xff) as usize + 1) {
                    *c += 1;
                }
            }
            let mut total = 0;
            for c in starts.iter_mut() {
                total += *c;
                *c = total;
            }
            for &t in &from {
                if let Some(at) = starts.get_mut(((t >> shift) & 0xff) as usize) {
                    if let Some(slot) = to.get_mut(*at) {
                        *slot = t;
                    }
                    *at += 1;
                }
            }
            std::mem::swap(&mut from, &mut to);
            shift += 8;
        }
        terms.copy_from_slice(&from);
        return;
    }
    for i in 1..terms.len() {
        let mut j = i;
        while j > 0 && terms.get(j - 1) > terms.get(j) {
            terms.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Candidates [`select`] orders by one linear pass before it sorts them all.
const TOP: usize = 32;

/// The TF-IDF unit vector of every sentence.
fn vectors(doc: &Doc, weights: &[Option<f32>]) -> Vec<Vector> {
    (0..doc.sentences.len())
        .map(|s| {
            let mut terms: Vec<u32> = doc
                .sentence_words(s)
                .iter()
                .map(|w| w.term)
                .filter(|t| weights.get(*t as usize).copied().flatten().is_some())
                .collect();
            sort_terms(&mut terms);
            let mut v: Vector = Vec::with_capacity(terms.len());
            for t in terms {
                let idf = weights.get(t as usize).copied().flatten().unwrap_or(0.0);
                match v.last_mut() {
                    Some((last, w)) if *last == t => *w += idf * 0.5,
                    _ => v.push((t, idf)),
                }
            }
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

/// Whether a first sentence of `words` words, `specifics` of them names or numbers, reads as a
/// lead rather than a hook: long enough, naming someone or something, not a question.
fn reads_as_lead(words: usize, specifics: f32, sentence: &str) -> bool {
    let question = sentence.trim_end_matches(['"', '\'', '”', '’', ')', ' ']).ends_with('?');
    words >= LEAD_WORDS && specifics >= LEAD_SPECIFICS && !question
}

fn length_prior(words: usize) -> f32 {
    match words {
        0..=4 => 0.0,
        5..=8 => 0.5,
        9..=40 => 1.0,
        41..=60 => 0.7,
        _ => 0.4,
    }
}

/// Share of a sentence's characters inside quotation marks (straight or curly double quotes).
/// Read by bytes, a char decoded only where a byte is not ASCII (every sentence of the story is
/// read to its end here).
fn quoted_share(s: &str) -> f32 {
    let (quoted, total) = quoted_letters(s);
    if total == 0 {
        0.0
    } else {
        quoted as f32 / total as f32
    }
}

/// For [`quoted_share`]: the letters and digits of `s` inside quotation marks, and all of them.
fn quoted_letters(s: &str) -> (usize, usize) {
    let (mut inside, mut quoted, mut total) = (false, 0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = s.as_bytes().get(i) {
        let alphanumeric = if b < 0x80 {
            i += 1;
            if b == b'"' {
                inside = !inside;
                continue;
            }
            b.is_ascii_alphanumeric()
        } else {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
            i += c.len_utf8();
            if matches!(c, '“' | '”' | '«' | '»' | '„') {
                inside = !inside;
                continue;
            }
            crate::chars::is_alphanumeric(c)
        };
        if alphanumeric {
            total += 1;
            quoted += usize::from(inside);
        }
    }
    (quoted, total)
}

/// Every sentence's score and features, and its TF-IDF vector for redundancy checks.
pub struct Ranking {
    /// `(score, features)` per sentence of the story, in document order.
    pub scores: Vec<(f32, Features)>,
    /// Per sentence: a caption, credit or heading ([`crate::asides`]), never chosen.
    pub asides: Vec<bool>,
    vectors: Vec<Vector>,
    /// Per term of the vocabulary: whether it carries content (no function word, a letter;
    /// keywords skip the others too).
    pub content: Vec<bool>,
}

impl Ranking {
    /// The story's first sentence reads as a lead: in a language whose news often opens with a
    /// hook, a statement of [`LEAD_WORDS`] words or more that names someone or something
    /// ([`LEAD_SPECIFICS`]) and asks nothing. Selection keeps it unless another sentence truly
    /// says more. Only such a sentence gets [`FIRST`] (elsewhere sentence 0 gets [`HOOK`] or 1).
    pub fn lead(&self) -> bool {
        self.scores.first().is_some_and(|s| s.1.position == FIRST)
    }
}

/// Scores every sentence of `doc`. `title` holds the content term ids of the headline.
pub fn score(text: &str, doc: &Doc, lang: &Language, title: &FxSet<u32>) -> Ranking {
    let n = doc.sentences.len();
    let content = content_terms(doc, lang);
    let weights = term_weights(doc, lang, &content);
    let vecs = vectors(doc, &weights);
    let mut centroid: Vec<f32> = vec![0.0; doc.vocab.len()];
    for v in &vecs {
        for &(t, w) in v {
            if let Some(c) = centroid.get_mut(t as usize) {
                *c += w;
            }
        }
    }
    let centroid_norm = centroid.iter().map(|w| w * w).sum::<f32>().sqrt().max(f32::MIN_POSITIVE);
    // Each sentence's summed similarity to the WINDOW sentences after it and to the WINDOW
    // before it. Each pair is compared once ([`dot`] is symmetric bit for bit): pair (i, j),
    // i < j, adds to i's forward sum and to j's backward sum, each sum taking its terms in
    // ascending order from -0.0 as `Iterator::sum` would. n · WINDOW comparisons, not twice that.
    let (mut forward, mut backward) = (vec![-0.0f32; n], vec![-0.0f32; n]);
    let mut dense = vec![0.0f32; doc.vocab.len()];
    for (i, v) in vecs.iter().enumerate() {
        let spread = |dense: &mut [f32], on: bool| {
            for &(t, w) in v {
                if let Some(d) = dense.get_mut(t as usize) {
                    *d = if on { w } else { 0.0 };
                }
            }
        };
        spread(&mut dense, true);
        for j in i + 1..(i + 1 + WINDOW).min(vecs.len()) {
            // A sentence many times longer than this one: the gallop of [`dot`] (the same sum),
            // which costs this one's length.
            let d = vecs.get(j).map_or(0.0, |u| if u.len() > 8 * v.len() { dot(v, u) } else { dot_dense(&dense, u) });
            if let (Some(f), Some(b)) = (forward.get_mut(i), backward.get_mut(j)) {
                *f += d;
                *b += d;
            }
        }
        spread(&mut dense, false);
    }
    let w = if lang.tuned { WEIGHTS } else { OTHER_WEIGHTS };
    // The story's mean sentence length, for the LONGER discount.
    let mean_words = (doc.words.len() as f32 / n.max(1) as f32).max(1.0);
    let scores: Vec<(f32, Features)> = (0..n)
        .map(|i| {
            let v = vecs.get(i).map_or(&[][..], Vec::as_slice);
            let centrality = v.iter().map(|&(t, x)| x * centroid.get(t as usize).copied().unwrap_or(0.0)).sum::<f32>()
                / centroid_norm;
            let near = |sums: &[f32]| sums.get(i).copied().unwrap_or(-0.0) / WINDOW as f32;
            let directed = near(&forward) - BACKWARD * near(&backward);
            let words = doc.sentence_words(i);
            let s = doc.sentences.get(i);
            let sentence_text = s.map_or("", |s| s.span.of(text));
            let specifics = words
                .iter()
                .filter(|w| {
                    (w.capitalized && !w.initial) || w.span.of(text).as_bytes().first().is_some_and(u8::is_ascii_digit)
                })
                .count() as f32
                / words.len().max(1) as f32;
            let dangling = i > 0 && words.first().is_some_and(|w| lang.is_dangling_opener(doc.vocab.term(w.term)));
            let paragraph_start =
                i > 0 && s.and_then(|s| doc.paragraphs.get(s.paragraph)).is_some_and(|p| p.sentences.start == i);
            let features = Features {
                position: match i {
                    0 if lang.hook_openers && reads_as_lead(words.len(), specifics, sentence_text) => FIRST,
                    0 if lang.hook_openers => HOOK,
                    _ => POSITION_DECAY.powi(i.min(1000) as i32),
                },
                paragraph_start: if paragraph_start { 1.0 } else { 0.0 },
                centrality,
                directed,
                title: if title.is_empty() {
                    0.0
                } else {
                    v.iter().filter(|(t, _)| title.contains(t)).count() as f32 / title.len() as f32
                },
                length: length_prior(words.len())
                    - if lang.tuned {
                        0.0
                    } else {
                        LONGER / w.length * (words.len() as f32 / mean_words - 1.0).max(0.0)
                    },
                specifics,
                quote: quoted_share(sentence_text),
                dangling,
            };
            let score = w.position * features.position
                + w.paragraph_start * features.paragraph_start
                + w.centrality * features.centrality
                + w.directed * features.directed
                + w.title * features.title
                + w.length * features.length
                + w.specifics * features.specifics
                + w.quote * features.quote
                + if dangling { w.dangling } else { 0.0 };
            (score, features)
        })
        .collect();
    Ranking { scores, asides: crate::asides::mark(text, doc, lang), vectors: vecs, content }
}

/// Chooses the summary: best-scoring sentences until `options.sentences` (or the `max_words`
/// budget) is reached, in document order. A sentence is skipped when it repeats one already
/// chosen (TF-IDF cosine or word overlap), or when it opens with a dangling pronoun or
/// connective and the sentence before it is not chosen.
pub fn select(doc: &Doc, ranking: &Ranking, options: &Options) -> Vec<usize> {
    let (scores, vecs) = (&ranking.scores, &ranking.vectors);
    let n = scores.len();
    // The lead is kept unless another sentence truly says more: one that scores higher and
    // repeats it (it gives way to that one), or one that scores higher by LEAD_MARGIN.
    let vec_of = |i: usize| vecs.get(i).map_or(&[][..], Vec::as_slice);
    let first = scores.first().map_or(0.0, |s| s.0);
    let kept = ranking.lead()
        && !(1..scores.len())
            .any(|j| scores.get(j).is_some_and(|s| s.0 > first) && dot(vec_of(0), vec_of(j)) > SAYS_MORE);
    let key = |i: usize| scores.get(i).map_or(0.0, |s| s.0) + if kept && i == 0 { LEAD_MARGIN } else { 0.0 };
    // Best score first; ties in document order. Selection usually ends within the first few
    // candidates, so the TOP best come from one linear pass and the rest are sorted only if the
    // loop below asks for them (a strict order: the sorted rest starts where TOP ends).
    let before = |a: usize, b: usize| key(b).total_cmp(&key(a)).then(a.cmp(&b)) == std::cmp::Ordering::Less;
    let mut top: Vec<usize> = Vec::with_capacity(TOP + 1);
    for i in 0..n {
        if top.len() == TOP && top.last().is_none_or(|&last| !before(i, last)) {
            continue;
        }
        let at = top.iter().rposition(|&t| before(t, i)).map_or(0, |p| p + 1);
        top.insert(at, i);
        top.truncate(TOP);
    }
    let mut order = top;
    let mut sorted_all = n <= TOP;
    let word_set = |i: usize| -> Vec<u32> {
        let mut t: Vec<u32> = doc.sentence_words(i).iter().map(|w| w.term).collect();
        sort_terms(&mut t);
        t.dedup();
        t
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut is_chosen = vec![false; scores.len()];
    // The first chosen sentences (the best ones), indexed by term: a candidate is compared with
    // at most MAX_COMPARED of them, which keeps huge word budgets linear. Exact repeats are
    // caught whatever the budget by their term sequence.
    let mut compared = Compared::default();
    let mut seen: FxSet<TermSeq> = FxSet::default();
    let mut words_left = options.max_words;
    // A dangling opener whose antecedent is not (yet) chosen waits for a second pass: the
    // antecedent may be chosen later in score order.
    let mut deferred = Vec::new();
    for pass in 0..2 {
        let mut candidates = if pass == 0 { std::mem::take(&mut order) } else { std::mem::take(&mut deferred) };
        let mut next = 0;
        loop {
            let Some(&i) = candidates.get(next) else {
                if pass == 0 && !sorted_all {
                    // The TOP best did not settle it: the rest in order, leaving out first (in
                    // document order, which the stable sort keeps for ties) those the loop would
                    // skip without a trace whatever comes before them: asides, and sentences
                    // that cannot wait for an antecedent and repeat one chosen word for word or
                    // outgrow the budget left (both only grow more certain). A text of a few
                    // sentences said over and over sorts a few candidates, not all of them.
                    sorted_all = true;
                    let mut in_top = vec![false; n];
                    for &t in &candidates {
                        if let Some(x) = in_top.get_mut(t) {
                            *x = true;
                        }
                    }
                    let skipped = |i: usize| {
                        let words = doc.sentence_words(i);
                        ranking.asides.get(i).copied().unwrap_or(false)
                            || (!scores.get(i).is_some_and(|s| s.1.dangling)
                                && (seen.contains(&TermSeq(words))
                                    || words_left.is_some_and(|left| words.len() > left)))
                    };
                    candidates = (0..n).filter(|&i| !in_top.get(i).copied().unwrap_or(true) && !skipped(i)).collect();
                    crate::sort::sort_by(&mut candidates, |&a, &b| key(b).total_cmp(&key(a)));
                    next = 0;
                    continue;
                }
                break;
            };
            next += 1;
            if options.max_words.is_none() && chosen.len() >= options.sentences {
                break;
            }
            if ranking.asides.get(i).copied().unwrap_or(false) {
                continue;
            }
            let dangling = scores.get(i).is_some_and(|s| s.1.dangling);
            let antecedent_chosen = i.checked_sub(1).and_then(|p| is_chosen.get(p).copied()).unwrap_or(false);
            if dangling && !antecedent_chosen {
                deferred.push(i);
                continue;
            }
            // The cheap reasons to skip first (an exact repeat, a sentence over the budget left):
            // a skipped candidate never reaches the comparisons below.
            let words = doc.sentence_words(i).len();
            if seen.contains(&TermSeq(doc.sentence_words(i))) || words_left.is_some_and(|left| words > left) {
                continue;
            }
            let v = vecs.get(i).map_or(&[][..], Vec::as_slice);
            let ws = word_set(i);
            if compared.repeats(v, &ws) {
                continue;
            }
            if let Some(left) = words_left {
                words_left = Some(left - words);
            }
            chosen.push(i);
            if let Some(c) = is_chosen.get_mut(i) {
                *c = true;
            }
            seen.insert(TermSeq(doc.sentence_words(i)));
            compared.add(v, &ws);
        }
    }
    if chosen.is_empty() {
        // A budget smaller than every sentence still gets the best sentence.
        let score_of = |i: usize| scores.get(i).map_or(f32::MIN, |s| s.0);
        if let Some(best) = (0..scores.len()).max_by(|&a, &b| score_of(a).total_cmp(&score_of(b)).then(b.cmp(&a))) {
            chosen.push(best);
        }
    }
    crate::sort::sort(&mut chosen);
    chosen
}

/// The chosen sentences a candidate is checked against for redundancy (the first
/// [`MAX_COMPARED`] chosen), indexed by term. A candidate repeats one when their TF-IDF cosine
/// exceeds [`REDUNDANT_COSINE`] or their word sets' Jaccard similarity reaches
/// [`DUPLICATE_JACCARD`]; both need a shared term (bar two empty word sets), so only the
/// postings of the candidate's own terms are read: at most `MAX_COMPARED` per term, and far
/// fewer in prose. The result is what comparing the candidate with each chosen sentence in turn
/// ([`dot`], [`jaccard`]) gives, bit for bit: each sentence's products are summed in term order,
/// as the merge in [`dot`] sums them.
#[derive(Default)]
struct Compared {
    /// Term → its list in `postings`: (slot, the term's weight in that sentence's vector, if it
    /// has one), slots rising along each list.
    lists: FxMap<u64, usize>,
    postings: Vec<Vec<(usize, Option<f32>)>>,
    /// Word-set size per slot.
    sizes: Vec<usize>,
    /// Per slot while a candidate is checked: shared terms and the dot product so far.
    shared: Vec<usize>,
    dots: Vec<f32>,
    touched: Vec<usize>,
}

impl Compared {
    /// Adds a chosen sentence (its TF-IDF vector and sorted word set), unless MAX_COMPARED are in.
    fn add(&mut self, v: &[(u32, f32)], ws: &[u32]) {
        let slot = self.sizes.len();
        if slot >= MAX_COMPARED {
            return;
        }
        let mut weights = v.iter().peekable();
        for &t in ws {
            // `v`'s terms are a subset of `ws`'s, both sorted.
            let weight = weights.next_if(|&&(vt, _)| vt == t).map(|&(_, w)| w);
            let next = self.postings.len();
            let list = *self.lists.entry(u64::from(t)).or_insert(next);
            if list == next {
                self.postings.push(Vec::new());
            }
            if let Some(postings) = self.postings.get_mut(list) {
                postings.push((slot, weight));
            }
        }
        self.sizes.push(ws.len());
        self.shared.push(0);
        self.dots.push(0.0);
    }

    /// Whether a candidate with vector `v` and sorted word set `ws` repeats a compared sentence.
    fn repeats(&mut self, v: &[(u32, f32)], ws: &[u32]) -> bool {
        if ws.is_empty() {
            // Jaccard of two empty sets is 1; an empty set shares nothing with any other.
            return self.sizes.contains(&0);
        }
        let mut weights = v.iter().peekable();
        for &t in ws {
            let weight = weights.next_if(|&&(vt, _)| vt == t).map(|&(_, w)| w);
            let Some(list) = self.lists.get(&u64::from(t)).and_then(|&l| self.postings.get(l)) else { continue };
            for &(slot, theirs) in list {
                let (Some(shared), Some(dot)) = (self.shared.get_mut(slot), self.dots.get_mut(slot)) else { continue };
                if *shared == 0 {
                    self.touched.push(slot);
                }
                *shared += 1;
                if let (Some(a), Some(b)) = (weight, theirs) {
                    *dot += a * b;
                }
            }
        }
        let mut repeats = false;
        for slot in self.touched.drain(..) {
            let (Some(shared), Some(dot), Some(&size)) =
                (self.shared.get_mut(slot), self.dots.get_mut(slot), self.sizes.get(slot))
            else {
                continue;
            };
            // As `jaccard` computes it.
            let jaccard = *shared as f32 / (ws.len() + size - *shared) as f32;
            repeats |= *dot > REDUNDANT_COSINE || jaccard >= DUPLICATE_JACCARD;
            (*shared, *dot) = (0, 0.0);
        }
        repeats
    }
}

/// A sentence's words compared by term only (case, possessives and spans ignored).
#[derive(Clone, Copy)]
struct TermSeq<'a>(&'a [crate::segment::Word]);

impl PartialEq for TermSeq<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(other.0).all(|(a, b)| a.term == b.term)
    }
}

impl Eq for TermSeq<'_> {}

impl std::hash::Hash for TermSeq<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.len().hash(state);
        self.0.iter().for_each(|w| w.term.hash(state));
    }
}

/// Jaccard similarity of two sorted, deduplicated term sets (what [`Compared`] computes).
#[cfg(test)]
fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut shared = 0usize;
    intersect(a, b, |&t| t, |_, _| shared += 1);
    shared as f32 / (a.len() + b.len() - shared) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_terms_sorts_short_and_long() {
        let mut x: u32 = 7;
        for (len, modulus) in
            [(0, 13), (1, 13), (2, 13), (5, 13), (24, 13), (25, 13), (60, 13), (300, 70_000), (500, u32::MAX)]
        {
            let mut got: Vec<u32> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    x % modulus
                })
                .collect();
            let mut want = got.clone();
            want.sort_unstable();
            sort_terms(&mut got);
            assert_eq!(got, want, "{len}");
        }
    }

    #[test]
    fn intersect_finds_what_a_merge_finds() {
        let lists: [&[u32]; 6] = [&[], &[5], &[1, 2, 3], &[0, 2, 4, 6, 8, 10, 12, 1000], &[3, 1000, 1001], &[999]];
        let big: Vec<u32> = (0..5000).map(|k| k * 3).collect();
        let all: Vec<&[u32]> = lists.iter().copied().chain([big.as_slice()]).collect();
        for a in &all {
            for b in &all {
                let mut got = Vec::new();
                intersect(a, b, |&t| t, |x, y| got.push((*x, *y)));
                let want: Vec<(u32, u32)> = a.iter().filter(|t| b.contains(t)).map(|&t| (t, t)).collect();
                assert_eq!(got, want, "{a:?} {b:?}");
            }
        }
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(dot(&[(1, 0.5), (4, 2.0)], &[(0, 9.0), (4, 0.25), (7, 1.0)]), 0.5);
    }

    #[test]
    fn dot_dense_is_dot_bit_for_bit() {
        // Random sparse vectors of random lengths (one often many times the other: the merge and
        // the gallop) and weights, some of them zero.
        let mut seed = 11u32;
        let mut next = move |n: u32| crate::hash::xorshift32(&mut seed) % n;
        let vector = |next: &mut dyn FnMut(u32) -> u32| {
            let len = [0, 1, 3, 12, 40, 300][next(6) as usize % 6];
            let mut terms: Vec<u32> = (0..len).map(|_| next(500)).collect();
            terms.sort_unstable();
            terms.dedup();
            let w = |next: &mut dyn FnMut(u32) -> u32| {
                if next(9) == 0 {
                    0.0
                } else {
                    next(1 << 20) as f32 / 7_777.0 - 60.0
                }
            };
            terms.into_iter().map(|t| (t, w(next))).collect::<Vec<(u32, f32)>>()
        };
        for _ in 0..3_000 {
            let (a, b) = (vector(&mut next), vector(&mut next));
            let mut dense = vec![0.0f32; 500];
            for &(t, w) in &a {
                dense[t as usize] = w;
            }
            assert_eq!(dot_dense(&dense, &b).to_bits(), dot(&a, &b).to_bits(), "{a:?} {b:?}");
        }
    }
    use crate::segment::segment;
    use crate::text::Span;

    /// The term index answers what comparing a candidate with each compared sentence in turn
    /// answers, on sentences built to share words, repeat, and be empty.
    #[test]
    fn compared_is_the_pairwise_check() {
        let mut seed = 7u32;
        let mut next = move |n: u32| crate::hash::xorshift32(&mut seed) % n;
        let mut sentences: Vec<(Vector, Vec<u32>)> = Vec::new();
        for k in 0..400 {
            let len = if k % 37 == 0 { 0 } else { 1 + next(12) };
            let mut ws: Vec<u32> = (0..len).map(|_| next(300)).collect();
            if k % 5 == 0 {
                if let Some((_, prev)) = sentences.last() {
                    ws = prev.clone();
                    ws.push(next(300));
                }
            }
            ws.sort_unstable();
            ws.dedup();
            let mut v: Vector =
                ws.iter().filter(|t| *t % 3 != 0).map(|&t| (t, 0.1 + next(100) as f32 / 50.0)).collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            v.iter_mut().for_each(|(_, w)| *w /= norm.max(f32::MIN_POSITIVE));
            sentences.push((v, ws));
        }
        let (mut compared, mut chosen) = (Compared::default(), Vec::new());
        let mut hits = 0;
        for (v, ws) in &sentences {
            let pairwise = chosen.iter().take(MAX_COMPARED).any(|(cv, cw): &(Vector, Vec<u32>)| {
                dot(v, cv) > REDUNDANT_COSINE || jaccard(ws, cw) >= DUPLICATE_JACCARD
            });
            assert_eq!(compared.repeats(v, ws), pairwise, "{ws:?}");
            hits += usize::from(pairwise);
            if !pairwise {
                compared.add(v, ws);
                chosen.push((v.clone(), ws.clone()));
            }
        }
        assert!(hits > 50 && chosen.len() > MAX_COMPARED, "{hits} repeats, {} chosen", chosen.len());
    }

    fn pick(text: &str, options: &Options) -> Vec<String> {
        let lang = Language::from_code("en");
        let doc = segment(text, &[Span::new(0, text.len())], &lang);
        let ranking = score(text, &doc, &lang, &FxSet::default());
        select(&doc, &ranking, options).into_iter().map(|i| doc.sentences[i].span.of(text).to_owned()).collect()
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
        let mut seen = FxSet::default();
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
        let got = pick(STORY, &options);
        // The repeated sentence is dropped, and so is any sentence that says what a chosen one says.
        assert!(got.len() >= 3 && got.len() <= 5, "{got:?}");
        assert_eq!(got.iter().filter(|s| s.starts_with("The city council approved")).count(), 1, "{got:?}");
    }

    /// Past the TOP best candidates, the rest are sorted without the repeats of a chosen sentence
    /// and the sentences over the budget left: a story said over and over gives what its first
    /// telling gives, dangling openers (which wait for their antecedent) included.
    #[test]
    fn a_story_said_over_and_over_gives_its_first_telling() {
        let once = "A fire destroyed a warehouse in the port district of Hamburg overnight. \
            It was the largest fire in the city for a decade, officials said on Tuesday. \
            Firefighters fought the blaze for six hours before bringing it under control. \
            Police closed the nearby motorway while crews worked through the night. ";
        let text = once.repeat(40);
        for options in [
            Options { sentences: 10, ..Options::default() },
            Options { max_words: Some(1000), ..Options::default() },
            Options { max_words: Some(30), ..Options::default() },
        ] {
            let got = pick(&text, &options);
            let positions: Vec<usize> = got.iter().map(|s| text.find(s.as_str()).unwrap()).collect();
            assert!(positions.iter().all(|&p| p < once.len()), "{got:?}");
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{got:?}");
            assert_eq!(got, pick(once, &options), "{options:?}");
        }
    }

    #[test]
    fn dangling_opener_needs_its_antecedent() {
        let text = "A fire destroyed a warehouse in the port district of Hamburg overnight. \
            Firefighters fought the blaze for six hours before bringing it under control. \
            Police closed the nearby motorway while crews worked through the night. \
            It was the largest fire in the city for a decade, officials said on Tuesday.";
        let one = pick(text, &Options { sentences: 2, ..Options::default() });
        assert!(one.iter().all(|s| !s.starts_with("It was")) || one.iter().any(|s| s.starts_with("Police")), "{one:?}");
    }

    #[test]
    fn a_lead_is_told_from_a_hook() {
        let cases: [(&str, usize, f32, bool); 5] = [
            ("Chelsea will announce the signing of Nathan on Wednesday.", 9, 0.2, true),
            ("Forget sit and lie down.", 5, 0.0, false),
            ("The sense of burning injustice cannot be allowed to fester for too long.", 13, 0.0, false),
            ("Love the lighting in these shots by Patrick Kramer of Utah?", 11, 0.2, false),
            ("Is it 'the end of the road' for the Lib Dems?' he asked.", 13, 0.1, true),
        ];
        for (sentence, words, specifics, want) in cases {
            assert_eq!(reads_as_lead(words, specifics, sentence), want, "{sentence}");
        }
    }

    #[test]
    fn the_lead_stays_unless_another_sentence_says_more() {
        let story = "Chelsea will sign the Brazilian teenager Nathan from Atletico Paranaense for £4.5 million on Wednesday. \
            The dazzling attacking midfielder, who turned 19 last month, has been in London for talks with the club this week. \
            The move will come as a significant blow to Manchester City, who had watched the midfielder for a year. \
            Manchester City had hoped to sign the midfielder in the summer and had held talks with his agent in Brazil. \
            City were told last week that the midfielder preferred a move to London and to Chelsea.";
        let got = pick(story, &Options { sentences: 3, ..Options::default() });
        assert!(got.iter().any(|s| s.starts_with("Chelsea will sign")), "{got:?}");
        // The same story under a lead that names nobody and nothing: a hook, not kept for itself.
        let lang = Language::from_code("en");
        let doc = segment(story, &[Span::new(0, story.len())], &lang);
        assert!(score(story, &doc, &lang, &FxSet::default()).lead());
        let hook = "It was a week of surprises for everyone. The rest as above.";
        let doc = segment(hook, &[Span::new(0, hook.len())], &lang);
        assert!(!score(hook, &doc, &lang, &FxSet::default()).lead());
    }

    /// Where the weights are not the language's own, a sentence longer than the story's mean
    /// loses LONGER per mean length above it; English keeps its prior.
    #[test]
    fn longer_than_the_mean_gives_way_where_weights_are_not_tuned() {
        let short = "Le conseil municipal a voté le budget des parcs lundi soir.";
        let long = "Le budget ajoute de l'argent pour l'entretien des parcs, pour de nouvelles aires de jeux \
            dans tous les quartiers de la ville et pour les jardins partagés que les habitants réclament.";
        let story = format!("{short} {short} {long}");
        let lengths = |code: &str| {
            let lang = Language::from_code(code);
            let doc = segment(&story, &[Span::new(0, story.len())], &lang);
            let words: Vec<usize> = (0..3).map(|i| doc.sentence_words(i).len()).collect();
            let mean = words.iter().sum::<usize>() as f32 / 3.0;
            let got: Vec<f32> =
                score(&story, &doc, &lang, &FxSet::default()).scores.iter().map(|s| s.1.length).collect();
            (words, mean, got)
        };
        let (words, mean, fr) = lengths("fr");
        assert!(words[2] as f32 > mean && (words[0] as f32) < mean, "{words:?}");
        assert_eq!(fr[0], 1.0);
        let want = length_prior(words[2]) - LONGER / WEIGHTS.length * (words[2] as f32 / mean - 1.0);
        assert!((fr[2] - want).abs() < 1e-6 && fr[2] < 1.0, "{fr:?}");
        let (words, _, en) = lengths("en");
        assert_eq!(en[2], length_prior(words[2]));
    }

    /// Without a stop list, the words in more than COMMON_SHARE of a story's sentences are no
    /// ranking terms; with one (or in a short story) they stay.
    #[test]
    fn widespread_words_stand_in_for_a_missing_stop_list() {
        let welsh = "Mae'r cyngor wedi trafod y gyllideb newydd. Mae'r ysgol wedi cau ddydd Llun. \
            Roedd y tywydd wedi troi ddoe. Mae'r trenau wedi bod yn hwyr eto. Mae'r siop wedi gwerthu bara. \
            Roedd y cae wedi mynd yn wlyb iawn.";
        let weights_of = |text: &str, code: &str, words: &[&str]| -> Vec<bool> {
            let lang = Language::from_code(code);
            let doc = segment(text, &[Span::new(0, text.len())], &lang);
            let weights = term_weights(&doc, &lang, &content_terms(&doc, &lang));
            words.iter().map(|w| doc.vocab.id(w).and_then(|t| weights[t as usize]).is_some()).collect()
        };
        let cy = Language::from_code("cy");
        assert!(!cy.has_stopwords() && cy.idf().is_none());
        // "wedi" is in all six sentences, "cyngor" in one.
        assert_eq!(weights_of(welsh, "cy", &["wedi", "cyngor", "gyllideb"]), [false, true, true]);
        // Five sentences are too few to tell.
        let short = welsh.rsplit_once(" Roedd y cae").map_or(welsh, |(a, _)| a);
        assert_eq!(weights_of(short, "cy", &["wedi", "cyngor"]), [true, true]);
        // French has a stop list: a content word in every sentence stays a term.
        let french = "Le budget des parcs. Le budget des écoles. Le budget des routes. Le budget des ponts. \
            Le budget des musées. Le budget des gares.";
        assert!(Language::from_code("fr").has_stopwords());
        assert_eq!(weights_of(french, "fr", &["budget"]), [true]);
    }

    #[test]
    fn quotes_and_specifics_are_measured() {
        // The counts by chars, as they were taken before they were read from bytes.
        let by_chars = |s: &str| {
            let (mut inside, mut quoted, mut total) = (false, 0usize, 0usize);
            for c in s.chars() {
                if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
                    inside = !inside;
                } else if crate::chars::is_alphanumeric(c) {
                    total += 1;
                    quoted += usize::from(inside);
                }
            }
            (quoted, total)
        };
        let pieces = ["\"", "“", "”", "«", "»", "„", "a", "Z", "7", " ", "é", "東", "٣", "’", "\u{85}", "-"];
        let mut seed = 5u32;
        for _ in 0..20_000 {
            let s: String = (0..crate::hash::xorshift32(&mut seed) % 16)
                .map(|_| pieces[crate::hash::xorshift32(&mut seed) as usize % pieces.len()])
                .collect();
            assert_eq!(quoted_letters(&s), by_chars(&s), "{s:?}");
        }
        assert_eq!(quoted_share("\"All of it is quoted.\""), 1.0);
        assert_eq!(quoted_share("None of it is."), 0.0);
        assert!((quoted_share("He said \"yes\" today") - 3.0 / 14.0).abs() < 1e-6);
    }
}
