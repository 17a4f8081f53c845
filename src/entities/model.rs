//! The learned mention tagger: which words are names, and of which kind.
//!
//! An averaged perceptron over hashed features tags every word of a story with an IO tag (`O`,
//! or inside the name of a person, an organisation, a place or another name; a run of words with
//! the same tag is one name), greedily from left to right, each word seeing the tag given to the
//! word before it. It is trained on
//! the gold CoNLL-2003 training documents by `src/bin/train-ner.rs` (`make model`), which runs
//! this module's own feature extraction on lede's own segmentation, so that training and
//! inference see exactly the same features. The weights of the strongest features are quantised
//! (4 bits per tag times a multiplier per feature, relative to tag `O`; see [`Model`]) and
//! generated into `tables/ner_model.rs`.
//!
//! Features of a word: its lower-case form, shape ("Xx", "X.X.", "dd"), prefix and suffixes;
//! the words and shapes around it; where it stands (first in its sentence, in a shouted line);
//! how the story writes it elsewhere (capitalised mid-sentence, in lower case); the gazetteers
//! (places, given names, organisations, clubs, multi-word names covering it), the word lists of
//! the rules (organisation and place words, titles, peoples) and the learned context tables;
//! and the rules' own answer for the word (the kind of the entity the rules put it in, after
//! their story-wide vote), so the model learns where the rules are right and corrects them where
//! they are not.

use super::candidates::{initial_like, Evidence};
use super::lexicon::{ORG_WORDS, PLACE_WORDS, TITLES};
use super::prior::{demonym, listed, position};
use super::{contexts, gazetteer, Kind};
use crate::hash::Seen;
use crate::segment::Doc;
use crate::text::Span;
use std::cell::Cell;

/// Number of tags: `O`, then one per kind in [`KINDS`] order.
pub const TAGS: usize = 5;

/// The kinds the tags name, in tag order (`Other` is CoNLL's MISC: peoples, events, ...).
pub const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Other];

/// The rules' tag for the first word of a name of kind index `k` (into [`KINDS`]); the next
/// words of the name get `begin(k) + 1`.
pub const fn begin(k: usize) -> usize {
    1 + 2 * k
}

/// Whether two neighbouring words tagged with the same kind are one name: no punctuation but a
/// hyphen, a dot, an ampersand or an apostrophe between them ("Germany, France" is two names,
/// "U.S. Army" and "AT&T" one), and no line break.
///
/// A possessive ends a name ("South Africa's North West", "Nelson Mandela's African National
/// Congress": nine in ten such pairs in the CoNLL training text are two names), unless the next
/// word is an organisation or place word ("St Mary's Hospital", "McDonald's Corp").
pub fn joined(text: &str, a: Span, b: Span) -> bool {
    let gap_ok = text
        .get(a.end..b.start)
        .is_some_and(|gap| gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '.' | '&' | '\'' | '’' | '/')));
    if !gap_ok {
        return false;
    }
    if !possessive(text, a) {
        return true;
    }
    let next = crate::case::lowercase(b.of(text));
    ORG_WORDS.contains(&next) || PLACE_WORDS.contains(&next)
}

/// Whether the word at `a` ends in a possessive ("Mandela's").
pub fn possessive(text: &str, a: Span) -> bool {
    let word = a.of(text);
    word.ends_with("'s") || word.ends_with("’s")
}

/// What separates a word from the one before it, as a feature value: a space, nothing, a line
/// break, a comma, a bracket, a quote, a hyphen, other punctuation; [`EDGE`] at a sentence's
/// edge.
fn gap_class(gap: &str) -> u8 {
    match gap {
        " " => 0,
        "" => 1,
        _ if gap.contains('\n') => 2,
        _ if gap.contains(',') => 3,
        _ if gap.contains('(') || gap.contains(')') => 4,
        _ if gap.contains('"') || gap.contains('“') || gap.contains('”') => 5,
        _ if gap.contains('-') => 6,
        _ => 7,
    }
}

/// The gap class of a sentence's edge.
const EDGE: u8 = 8;

/// The feature templates: each feature is the hash of a template and its values (integers:
/// interned terms' hashes, shape codes, small classes), never a formatted string.
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    Bias = 1,
    Word,
    Shape,
    Suffix2,
    Suffix3,
    Suffix4,
    Prefix3,
    WordBefore,
    WordAfter,
    Word2Before,
    Word2After,
    BigramBefore,
    BigramAfter,
    ShapeBefore,
    ShapeAfter,
    Shapes3,
    Gap,
    GapAfter,
    GapShapeGap,
    Evidence,
    LowerMore,
    Initial,
    Shout,
    ShoutWord,
    First,
    /// Plus the table's index: places, organisations, given names, team towns.
    Listed,
    ListedShape,
    /// A multi-word place or organisation name covers the word: table and first/inside.
    ListedRun,
    /// Plus the list (organisation word, place word, title, people) and the side (-1, 0, +1).
    WordList,
    ContextBefore,
    ContextAfter,
    Rule,
    RuleShape,
    RuleBefore,
    RuleAfter,
    PrevTag,
    PrevTagShape,
}

/// A feature: the template and its values, mixed (MurmurHash3's steps: stable on every
/// platform, so training natively and tagging in WebAssembly see the same numbers).
#[inline]
fn feature<const N: usize>(t: T, values: [u32; N]) -> u32 {
    let mut h = t as u32;
    for v in values {
        let k = v.wrapping_mul(0xcc9e_2d51).rotate_left(15).wrapping_mul(0x1b87_3593);
        h = (h ^ k).rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// FNV-1a over some bytes (0 stays free for "none").
fn fnv(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.max(3)
}

/// The term values of the words before a sentence's first word and after its last.
const BEFORE_START: u32 = 1;
const AFTER_END: u32 = 2;

/// The features joining the previous tag with this word: the tag alone, and with the shape.
pub fn dynamic(prev: usize, shape: u32) -> [u32; 2] {
    let p = prev as u32;
    [feature(T::PrevTag, [p]), feature(T::PrevTagShape, [p, shape])]
}

/// Whether a word has no capital and no digit (one of the conditions of [`Source::plain`]).
fn is_plain(word: &str) -> bool {
    if word.is_ascii() {
        return !word.bytes().any(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    }
    !word.chars().any(|c| c.is_uppercase() || (!c.is_lowercase() && crate::chars::is_numeric(c)))
}

/// A word's shape as a number: its characters as X (upper case), x (lower case), d (digit), a
/// (other letter) or themselves, runs of one class collapsed ("Xx", "X.X.", "d,d"), at most 8,
/// hashed (never 0).
fn shape(word: &str) -> u32 {
    let mut out = [0u8; 32];
    let mut n = 0;
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if crate::chars::is_numeric(c) {
            'd'
        } else if crate::chars::is_alphabetic(c) {
            'a'
        } else {
            c
        };
        if last != Some(s) && n < 8 {
            let mut buf = [0u8; 4];
            for &b in s.encode_utf8(&mut buf).as_bytes() {
                if let Some(slot) = out.get_mut(n) {
                    *slot = b;
                    n += 1;
                }
            }
            last = Some(s);
        }
    }
    fnv(out.get(..n).unwrap_or(&[]))
}

/// The kind a context word favours (its largest positive learned log odds), if any.
fn context_kind(words: &[&'static str], weights: &[&[[i8; 3]]], word: &str) -> Option<usize> {
    let i = position(words, word)?;
    let w = weights.get(word.len())?.get(i)?;
    let (k, best) = w.iter().enumerate().max_by_key(|(_, v)| **v)?;
    (*best >= 8).then_some(k)
}

/// What the rules said about each word: 0 for no name, else the tag ([`begin`] or inside) of
/// the kind of the entity whose mention covers it.
pub type RuleTags = Vec<u8>;

/// What the features need of a term (a lower-case word of the story), computed once per term of
/// the story, not once per word, and only when a word the tagger scores asks for it (two words
/// in three are never scored: see [`Source::plain`]). A word's neighbours need only their hash
/// ([`NEAR`] adds the word lists and contexts); the scored word itself needs all ([`OWN`]).
#[derive(Clone, Copy, Default)]
struct TermInfo {
    /// Which parts are computed: [`NEAR`], [`OWN`] (the hash is computed when `hash != 0`).
    done: u8,
    /// Its hash (0: not yet computed).
    hash: u32,
    /// Hashes of its last 2, 3 and 4 characters and first 3 (0: the term is too short).
    affixes: [u32; 4],
    /// Bits: listed as a place, an organisation, a given name, a team town.
    listed: u8,
    /// Bits: an organisation word, a place word, a title, a people's name.
    lists: u8,
    /// The kind it favours as the word before a name and after one, plus 1 (0: none).
    context: [u8; 2],
}

/// [`TermInfo::done`]: `lists` and `context` are computed.
const NEAR: u8 = 1;
/// [`TermInfo::done`]: `affixes` and `listed` are computed.
const OWN: u8 = 2;

impl TermInfo {
    /// Computes the parts in `need` (and the hash) not yet computed; `capital`: the story writes
    /// the term with a capital somewhere (else it is no name, and the gazetteers and peoples are
    /// not looked up).
    fn complete(&mut self, term: &str, capital: bool, need: u8, listed: impl FnOnce() -> u8) {
        if self.hash == 0 {
            self.hash = fnv(term.as_bytes());
        }
        let need = need & !self.done;
        if need & OWN != 0 {
            self.own(term, capital, listed);
        }
        if need & NEAR != 0 {
            self.near(term, capital);
        }
        self.done |= need;
    }

    /// The affixes and the gazetteers (`listed`: the term's [`Evidence::listed`] bits).
    fn own(&mut self, term: &str, capital: bool, listed: impl FnOnce() -> u8) {
        let info = self;
        // Byte offsets of the last 4 characters' starts and of the 4th character's.
        let chars = term.chars().count();
        let from_end = |n: usize| term.char_indices().nth(chars - n).map_or(0, |(b, _)| b);
        for (slot, n) in info.affixes.iter_mut().take(3).zip([2usize, 3, 4]) {
            if chars > n {
                *slot = fnv(term.get(from_end(n)..).unwrap_or("").as_bytes());
            }
        }
        if chars > 3 {
            let end = term.char_indices().nth(3).map_or(term.len(), |(b, _)| b);
            info.affixes[3] = fnv(term.get(..end).unwrap_or("").as_bytes());
        }
        if capital {
            info.listed |= listed();
        }
    }

    /// The word lists and the context tables.
    fn near(&mut self, term: &str, capital: bool) {
        let info = self;
        let x = term.trim_end_matches('.');
        for (bit, hit) in
            [ORG_WORDS.contains(x), PLACE_WORDS.contains(x), TITLES.contains(x), capital && x.len() > 2 && demonym(x)]
                .into_iter()
                .enumerate()
        {
            if hit {
                info.lists |= 1 << bit;
            }
        }
        let kind = |k: Option<usize>| k.map_or(0, |k| k as u8 + 1);
        info.context = [
            kind(context_kind(contexts::BEFORE, contexts::BEFORE_WEIGHTS, term)),
            kind(context_kind(contexts::AFTER, contexts::AFTER_WEIGHTS, term)),
        ];
    }
}

/// The longest multi-word name the gazetteers hold, in bytes.
fn longest_listed() -> usize {
    gazetteer::PLACES.buckets().len().max(gazetteer::ORGANIZATIONS.buckets().len()).saturating_sub(1)
}

/// The tagger's view of a story: what every word's features need, each part computed once and
/// only when a scored word first asks for it (shapes, term information), so that
/// [`Source::features`] costs a few dozen hashes and table lookups and no allocation.
pub(super) struct Features<'a> {
    text: &'a str,
    doc: &'a Doc,
    ev: &'a Evidence,
    shouts: &'a [bool],
    rules: &'a [u8],
    /// Per term: the story writes it with a capital somewhere.
    capital: Vec<bool>,
    /// Per term, filled in as scored words ask (see [`TermInfo`]).
    terms: Vec<Cell<TermInfo>>,
    /// Per word: its shape (0: not yet computed).
    shapes: Vec<Cell<u32>>,
    /// Per word: plain (see [`Source::plain`]).
    plain: Vec<bool>,
    /// Per word: multi-word place and organisation names covering it (bits 0-1: place first
    /// word or inside, bits 2-3: organisation).
    runs: Vec<u8>,
}

impl<'a> Features<'a> {
    pub fn new(text: &'a str, doc: &'a Doc, (ev, shouts): (&'a Evidence, &'a [bool]), rules: &'a [u8]) -> Self {
        let n = doc.words.len();
        let mut capital = vec![false; doc.vocab.len()];
        for w in &doc.words {
            if let Some(c) = capital.get_mut(w.term as usize) {
                *c |= w.capitalized;
            }
        }
        let terms = vec![Cell::new(TermInfo::default()); doc.vocab.len()];
        let (shapes, mut plain, mut runs) = (vec![Cell::new(0); n], Vec::with_capacity(n), vec![0u8; n]);
        let mut key = String::new();
        let longest = longest_listed();
        for (i, w) in doc.words.iter().enumerate() {
            plain.push(is_plain(w.span.of(text)) && rules.get(i).is_none_or(|&r| r == 0));
            // Multi-word gazetteer names start with a capital and end in a capital or a digit
            // ("Bank of England", "Ligue 1"): look them up there only, the longest first.
            if !w.capitalized {
                continue;
            }
            for len in (2..=4).rev() {
                let Some(last) = doc.words.get(i + len - 1).filter(|l| l.sentence == w.sentence) else { continue };
                if is_plain(last.span.of(text)) {
                    continue;
                }
                let Some(raw) = text.get(w.span.start..last.span.end).filter(|r| r.len() <= longest * 2) else {
                    continue;
                };
                key.clear();
                if raw.is_ascii() {
                    key.push_str(raw);
                    key.make_ascii_lowercase();
                } else {
                    key.extend(raw.chars().flat_map(crate::case::lower));
                }
                let place = listed(gazetteer::PLACES.buckets(), &key);
                let org = listed(gazetteer::ORGANIZATIONS.buckets(), &key);
                if place || org {
                    for (k, slot) in runs.iter_mut().skip(i).take(len).enumerate() {
                        let pos = if k == 0 { 1 } else { 2 };
                        if place && *slot & 3 == 0 {
                            *slot |= pos;
                        }
                        if org && *slot & 12 == 0 {
                            *slot |= pos << 2;
                        }
                    }
                    break;
                }
            }
        }
        Features { text, doc, ev, shouts, rules, capital, terms, shapes, plain, runs }
    }

    /// Whether words `i` and `j` of the story are in one sentence.
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        matches!((self.doc.words.get(i), self.doc.words.get(j)), (Some(a), Some(b)) if a.sentence == b.sentence)
    }

    /// The word `d` places from word `i` in its sentence, if any.
    fn at(&self, i: usize, d: isize) -> Option<usize> {
        i.checked_add_signed(d).filter(|&j| self.same_sentence(i, j))
    }

    /// Word `i`'s term information, with the parts in `need` (see [`TermInfo`]).
    fn info(&self, i: usize, need: u8) -> TermInfo {
        let Some((w, cell)) = self.doc.words.get(i).and_then(|w| Some((w, self.terms.get(w.term as usize)?))) else {
            return TermInfo::default();
        };
        let mut info = cell.get();
        if info.hash == 0 || need & !info.done != 0 {
            let capital = self.capital.get(w.term as usize).copied().unwrap_or(false);
            info.complete(self.doc.vocab.term(w.term), capital, need, || self.ev.listed(self.doc, w.term));
            cell.set(info);
        }
        info
    }

    /// Word `i`'s shape (see [`shape`]).
    fn shape(&self, i: usize) -> u32 {
        let Some(cell) = self.shapes.get(i) else { return 0 };
        if cell.get() == 0 {
            cell.set(self.doc.words.get(i).map_or(0, |w| shape(w.span.of(self.text))));
        }
        cell.get()
    }

    /// The gap class before word `i` ([`EDGE`] first in its sentence).
    fn gap(&self, i: usize) -> u8 {
        let Some(w) = self.doc.words.get(i) else { return EDGE };
        let prev = i.checked_sub(1).and_then(|p| self.doc.words.get(p)).filter(|p| p.sentence == w.sentence);
        prev.map_or(EDGE, |p| gap_class(self.text.get(p.span.end..w.span.start).unwrap_or("")))
    }
}

impl Source for Features<'_> {
    fn words(&self) -> usize {
        self.doc.words.len()
    }

    fn plain(&self, i: usize) -> bool {
        self.plain.get(i).copied().unwrap_or(false)
    }

    fn features(&self, i: usize, out: &mut Vec<u32>) -> u32 {
        out.clear();
        let Some(w) = self.doc.words.get(i) else { return 0 };
        let me = self.info(i, OWN | NEAR);
        let sh = self.shape(i);
        // The words before and after (in the sentence), their term information asked once.
        let (prev, next) = (self.at(i, -1), self.at(i, 1));
        let (prev_info, next_info) = (prev.map(|j| self.info(j, NEAR)), next.map(|j| self.info(j, NEAR)));
        let term_at =
            |d: isize| self.at(i, d).map_or(if d < 0 { BEFORE_START } else { AFTER_END }, |j| self.info(j, 0).hash);
        out.push(feature(T::Bias, []));
        out.push(feature(T::Word, [me.hash]));
        out.push(feature(T::Shape, [sh]));
        for (t, &a) in [T::Suffix2, T::Suffix3, T::Suffix4, T::Prefix3].into_iter().zip(&me.affixes) {
            if a != 0 {
                out.push(feature(t, [a]));
            }
        }
        let (before, after) = (prev_info.map_or(BEFORE_START, |t| t.hash), next_info.map_or(AFTER_END, |t| t.hash));
        out.push(feature(T::WordBefore, [before]));
        out.push(feature(T::WordAfter, [after]));
        out.push(feature(T::Word2Before, [term_at(-2)]));
        out.push(feature(T::Word2After, [term_at(2)]));
        out.push(feature(T::BigramBefore, [before, me.hash]));
        out.push(feature(T::BigramAfter, [me.hash, after]));
        let (shape_before, shape_after) =
            (prev.map_or(BEFORE_START, |j| self.shape(j)), next.map_or(AFTER_END, |j| self.shape(j)));
        out.push(feature(T::ShapeBefore, [shape_before]));
        out.push(feature(T::ShapeAfter, [shape_after]));
        out.push(feature(T::Shapes3, [shape_before, sh, shape_after]));
        let gap = u32::from(self.gap(i));
        let gap_after = u32::from(next.map_or(EDGE, |j| self.gap(j)));
        out.push(feature(T::Gap, [gap]));
        out.push(feature(T::GapAfter, [gap_after]));
        out.push(feature(T::GapShapeGap, [gap, sh, gap_after]));
        let initial = u32::from(initial_like(self.text, w));
        let (mid, low) = (self.ev.mid(w.term), self.ev.lower(w.term));
        out.push(feature(T::Evidence, [u32::from(mid > 0) + 2 * u32::from(low > 0), initial, sh]));
        if low > mid {
            out.push(feature(T::LowerMore, [sh]));
        }
        out.push(feature(T::Initial, [initial, sh]));
        if self.shouts.get(w.sentence as usize).copied().unwrap_or(false) {
            out.push(feature(T::Shout, [sh]));
            out.push(feature(T::ShoutWord, [me.hash]));
        }
        if w.sentence == 0 {
            out.push(feature(T::First, [sh]));
        }
        for table in 0..4 {
            if me.listed & (1 << table) != 0 {
                out.push(feature(T::Listed, [table]));
                out.push(feature(T::ListedShape, [table, sh]));
            }
        }
        let run = self.runs.get(i).copied().unwrap_or(0);
        for table in 0..2u32 {
            let pos = (run >> (2 * table)) & 3;
            if pos != 0 {
                out.push(feature(T::ListedRun, [table, u32::from(pos)]));
            }
        }
        for (side, info) in [Some(me), prev_info, next_info].into_iter().enumerate() {
            let lists = info.map_or(0, |t| t.lists);
            for list in 0..4 {
                if lists & (1 << list) != 0 {
                    out.push(feature(T::WordList, [list, side as u32]));
                }
            }
        }
        if let Some(k) = prev_info.map(|t| t.context[0]).filter(|&k| k > 0) {
            out.push(feature(T::ContextBefore, [u32::from(k)]));
        }
        if let Some(k) = next_info.map(|t| t.context[1]).filter(|&k| k > 0) {
            out.push(feature(T::ContextAfter, [u32::from(k)]));
        }
        // The rules' answer for this word and its neighbours.
        let rule = |j: Option<usize>| j.and_then(|j| self.rules.get(j)).map_or(0, |&t| u32::from(t));
        let r = rule(Some(i));
        out.push(feature(T::Rule, [r]));
        out.push(feature(T::RuleShape, [r, sh]));
        out.push(feature(T::RuleBefore, [rule(i.checked_sub(1)), r]));
        out.push(feature(T::RuleAfter, [r, rule(Some(i + 1))]));
        sh
    }
}

/// Every word's features, stored (for training: `train-ner` reads each document many times).
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// All words' features, one after the other.
    features: Vec<u32>,
    /// Where each word's features end in `features`.
    ends: Vec<u32>,
    /// Each word's shape.
    shapes: Vec<u32>,
    plain: Vec<bool>,
}

impl Tokens {
    /// Word `i`'s features and shape.
    pub fn get(&self, i: usize) -> (&[u32], u32) {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).map_or(0, |&e| e as usize);
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        (self.features.get(start..end).unwrap_or(&[]), self.shapes.get(i).copied().unwrap_or(0))
    }
}

impl Source for Tokens {
    fn words(&self) -> usize {
        self.ends.len()
    }

    fn plain(&self, i: usize) -> bool {
        self.plain.get(i).copied().unwrap_or(false)
    }

    fn features(&self, i: usize, out: &mut Vec<u32>) -> u32 {
        let (f, shape) = self.get(i);
        out.clear();
        out.extend_from_slice(f);
        shape
    }
}

/// The words to tag and their features.
pub trait Source {
    /// The number of words.
    fn words(&self) -> usize;

    /// Whether word `i` is plain: no capital, no digit and in no name of the rules. A plain word
    /// after a word tagged `O` is `O` without being scored ("the", "said": two words in three),
    /// in training as in tagging; after a name it is scored ("Bank of England").
    fn plain(&self, i: usize) -> bool;

    /// The features of word `i`, into `out` (cleared first); returns its shape, for
    /// [`dynamic`].
    fn features(&self, i: usize, out: &mut Vec<u32>) -> u32;
}

/// The features of every word of `doc`, stored.
pub(super) fn tokens(features: &Features<'_>) -> Tokens {
    let n = features.doc.words.len();
    let mut out = Tokens {
        features: Vec::with_capacity(n * 40),
        ends: Vec::with_capacity(n),
        shapes: Vec::with_capacity(n),
        plain: features.plain.clone(),
    };
    let mut buf = Vec::new();
    for i in 0..n {
        let shape = features.features(i, &mut buf);
        out.features.extend_from_slice(&buf);
        out.ends.push(out.features.len() as u32);
        out.shapes.push(shape);
    }
    out
}

/// Tags the words of `source` greedily, left to right (a plain word after `O` is `O`, see
/// [`Source::plain`]); `score` adds a feature's weights to the tag scores. Returns each word's
/// tag and the scores of every tag (all 0 for a plain word).
pub fn decode(source: &impl Source, mut score: impl FnMut(u32, &mut [f32; TAGS])) -> Vec<(usize, [f32; TAGS])> {
    let mut tags = Vec::with_capacity(source.words());
    let mut prev = 0;
    let mut buf = Vec::with_capacity(64);
    for i in 0..source.words() {
        if prev == 0 && source.plain(i) {
            tags.push((0, [0.0; TAGS]));
            continue;
        }
        let shape = source.features(i, &mut buf);
        let s = scores((&buf, shape), prev, &mut score);
        let best = best_tag(&s);
        tags.push((best, s));
        prev = best;
    }
    tags
}

/// The scores of every tag for a word (its features and shape) after tag `prev`.
pub fn scores(
    (features, shape): (&[u32], u32),
    prev: usize,
    score: &mut impl FnMut(u32, &mut [f32; TAGS]),
) -> [f32; TAGS] {
    let mut s = [0.0f32; TAGS];
    for &f in features.iter().chain(dynamic(prev, shape).iter()) {
        score(f, &mut s);
    }
    s
}

/// The best tag (ties: the lower tag).
pub fn best_tag(s: &[f32; TAGS]) -> usize {
    let mut best = (0, f32::NEG_INFINITY);
    for (tag, &v) in s.iter().enumerate() {
        if v > best.1 {
            best = (tag, v);
        }
    }
    best.0
}

/// The weights of the features kept by training, as generated into `tables/ner_model.rs`.
///
/// A feature's 32-bit hash is found by its key: its top [`Model::bucket_bits`] bits (its bucket)
/// and its next [`FINGERPRINT`] bits (its fingerprint). A hash that is not kept but shares a
/// kept one's key is read as that feature (about one lookup in a thousand: measured harmless).
/// The kept keys, in increasing order, are stored as the differences between neighbours (the
/// first: from 0) in a Rice code of parameter `rice` ([`pack_keys`]): at 5,000 keys of 22 bits
/// about 11 bits per key, where bytes of the key's bits (and an index of where each bucket starts)
/// took 15 once compressed. A feature's weights are relative to tag `O`'s (whose weight is then
/// 0: only the differences between tags decide), so [`TAGS`]` - 1` of them are stored: 4-bit
/// values (stored plus 8, two to a byte, low nibble first) times the feature's multiplier.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    pub bucket_bits: u32,
    pub rice: u32,
    pub keys: &'static [u8],
    pub multipliers: &'static [u8],
    pub weights: &'static [u8],
}

/// Bits of a feature hash kept as its fingerprint, after the bucket bits.
pub const FINGERPRINT: u32 = 12;

/// Keys (increasing) as a Rice code of parameter `rice`: per key, its difference from the key
/// before it (the first: from 0) divided by `2^rice` in unary (that many 1 bits, then a 0 bit),
/// then the remainder's `rice` bits, low bit first; the bits packed low bit first into bytes.
/// [`Model::keys`] reads it back.
pub fn pack_keys(keys: &[u32], rice: u32) -> Vec<u8> {
    let mut bits: Vec<bool> = Vec::new();
    let mut previous = 0;
    for &k in keys {
        let gap = k - previous;
        previous = k;
        bits.extend(std::iter::repeat_n(true, (gap >> rice) as usize));
        bits.push(false);
        bits.extend((0..rice).map(|j| gap >> j & 1 == 1));
    }
    bits.chunks(8).map(|byte| byte.iter().rev().fold(0, |b, &bit| b << 1 | u8::from(bit))).collect()
}

impl Model {
    /// Whether the model has any feature (none: the rules alone are used).
    pub fn is_empty(&self) -> bool {
        self.multipliers.is_empty()
    }

    /// Bits of a feature hash that pick its bucket.
    pub fn bucket_bits(&self) -> u32 {
        self.bucket_bits
    }

    /// Feature `f`'s bucket and fingerprint in a model of `bits` bucket bits.
    pub fn split(f: u32, bits: u32) -> (usize, u16) {
        ((f >> (32 - bits)) as usize, ((f >> (32 - bits - FINGERPRINT)) & ((1 << FINGERPRINT) - 1)) as u16)
    }

    /// The kept features' keys (bucket, then fingerprint), in order, read from the Rice code
    /// (see [`pack_keys`]); one per multiplier at most.
    pub fn keys(&self) -> Vec<u32> {
        let mut bits = self.keys.iter().flat_map(|&b| (0..8).map(move |j| b >> j & 1 == 1));
        let mut keys = Vec::with_capacity(self.multipliers.len());
        let mut key = 0u32;
        while keys.len() < self.multipliers.len() {
            let mut gap = 0u32;
            loop {
                match bits.next() {
                    Some(true) => gap = gap.wrapping_add(1 << self.rice),
                    Some(false) => break,
                    None => return keys,
                }
            }
            for j in 0..self.rice {
                let Some(bit) = bits.next() else { return keys };
                gap |= u32::from(bit) << j;
            }
            key = key.wrapping_add(gap);
            keys.push(key);
        }
        keys
    }
}

/// Adds a feature's weights to the tag scores `s`: the nibbles of `a` and `b` (low first, each
/// stored plus 8) times the multiplier `m`.
#[inline]
fn weigh(a: u8, b: u8, m: u8, s: &mut [f32; TAGS]) {
    let m = f32::from(m);
    let w = |v: u8| f32::from(i16::from(v) as i8 - 8) * m;
    let [_, p, o, l, x] = s;
    *p += w(a & 0x0f);
    *o += w(a >> 4);
    *l += w(b & 0x0f);
    *x += w(b >> 4);
}

/// A [`Model`] unpacked for tagging: its features in an open-addressing table (linear
/// probing, at most half full) keyed by their keys (bucket and fingerprint), each with its
/// packed weights. One probe of one array per feature (the weights are in the slot: no second
/// random read). Built once per process ([`Model::unpack`]): 128 KB of memory for 5,000
/// features.
pub struct Unpacked {
    /// Bits of a feature hash dropped to make its key.
    shift: u32,
    /// Per slot: the key plus 1 (0: empty) in the high half; in the low, the feature's two
    /// weight bytes and its multiplier, as [`Model`] stores them.
    slots: Vec<u64>,
    /// A bit per kept key ([`Unpacked::seen_bit`]): most features of a story (its rare
    /// words, bigrams, affixes) are no kept feature, and this 8 KB array, which stays in the
    /// cache, turns nine in ten of them away without a probe of the 128 KB table, which does not.
    seen: Seen,
}

impl Unpacked {
    /// The slot of key `k`, or the empty slot where it would go.
    fn slot(&self, k: u32) -> usize {
        let mask = self.slots.len().saturating_sub(1);
        let tag = u64::from(k) + 1;
        let mut i = (k.wrapping_mul(0x9e37_79b9) >> 8) as usize & mask;
        while let Some(&e) = self.slots.get(i).filter(|&&e| e != 0) {
            if e >> 32 == tag {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    /// Key `k`'s value in [`Unpacked::seen`] (16 bits: its 1,024 words).
    fn seen_bit(k: u32) -> usize {
        (k.wrapping_mul(0x85eb_ca6b) >> 16) as usize
    }

    /// Adds the weights of feature `f` (of kept feature with `f`'s key) to the tag scores `s`.
    pub fn score(&self, f: u32, s: &mut [f32; TAGS]) {
        if !self.seen.may_hold(Self::seen_bit(f >> self.shift)) {
            return;
        }
        let Some(&e) = self.slots.get(self.slot(f >> self.shift)).filter(|&&e| e != 0) else { return };
        weigh(e as u8, (e >> 8) as u8, (e >> 16) as u8, s);
    }
}

impl Model {
    /// This model, unpacked for fast scoring (see [`Unpacked`]).
    pub fn unpack(&self) -> Unpacked {
        let bits = self.bucket_bits;
        let mut out = Unpacked { shift: 0, slots: Vec::new(), seen: Seen::new(1 << 10) };
        if bits == 0 || bits + FINGERPRINT > 32 {
            return out;
        }
        let keys = self.keys();
        out.shift = 32 - bits - FINGERPRINT;
        out.slots = vec![0; (2 * keys.len()).next_power_of_two().max(16)];
        for (i, &k) in keys.iter().enumerate() {
            out.seen.insert(Unpacked::seen_bit(k));
            let slot = out.slot(k);
            // The first of equal keys (training keeps none).
            if let Some(e @ 0) = out.slots.get_mut(slot) {
                let byte = |k: usize| u64::from(self.weights.get(2 * i + k).copied().unwrap_or(0x88));
                let m = u64::from(self.multipliers.get(i).copied().unwrap_or(0));
                *e = (u64::from(k) + 1) << 32 | byte(0) | byte(1) << 8 | m << 16;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checked-in model's keys read back increasing, one per feature; the unpacked model
    /// scores each kept key's hash (with any low bits) with that feature's weights, and nothing
    /// for hashes whose key is not kept.
    #[test]
    fn unpacked_scores_kept_features() {
        let model = super::super::MODEL;
        let keys = model.keys();
        assert_eq!(keys.len(), model.multipliers.len());
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let unpacked = model.unpack();
        let shift = 32 - model.bucket_bits() - FINGERPRINT;
        assert!(keys.last().is_some_and(|&k| u64::from(k) < 1 << (32 - shift)));
        let mut x: u32 = 0x1234_5678;
        let mut random = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for (i, &k) in keys.iter().enumerate() {
            let f = k << shift | random() & ((1 << shift) - 1);
            let (mut got, mut want) = ([0.5f32; TAGS], [0.5f32; TAGS]);
            unpacked.score(f, &mut got);
            weigh(model.weights[2 * i], model.weights[2 * i + 1], model.multipliers[i], &mut want);
            assert_eq!(got.map(f32::to_bits), want.map(f32::to_bits), "{f:#x}");
            assert_eq!(Model::split(f, model.bucket_bits()), ((k >> FINGERPRINT) as usize, (k & 0xfff) as u16));
        }
        for _ in 0..200_000 {
            let f = random();
            let mut got = [0.5f32; TAGS];
            unpacked.score(f, &mut got);
            if keys.binary_search(&(f >> shift)).is_err() {
                assert_eq!(got, [0.5; TAGS], "{f:#x}");
            }
        }
    }

    /// Keys packed by [`pack_keys`] read back the same, for every Rice parameter: gaps of 0
    /// bits, of many times `2^rice`, the largest key; a cut stream reads what it holds.
    #[test]
    fn keys_pack_and_read_back() {
        let keys: Vec<u32> = vec![0, 1, 2, 7, 300, 301, 5_000, 70_000, 70_001, (1 << 22) - 1];
        for rice in 0..14 {
            let packed: &'static [u8] = pack_keys(&keys, rice).leak();
            let weights = vec![0x88; 2 * keys.len()].leak();
            let model = Model { bucket_bits: 10, rice, keys: packed, multipliers: vec![1; keys.len()].leak(), weights };
            assert_eq!(model.keys(), keys, "rice {rice}");
            let cut = Model { keys: &packed[..packed.len() / 2], ..model };
            let got = cut.keys();
            assert!(got.len() < keys.len() && keys.starts_with(&got), "rice {rice}: {got:?}");
        }
    }

    /// Two words of a text and whether they are one name when tagged alike.
    #[test]
    fn joined_words() {
        for (text, want) in [
            ("U.S. Army", true),
            ("AT&T Wireless", true),
            ("Germany, France", false),
            ("Rolls-Royce", true),
            // A possessive ends a name, unless an institution or a place word follows.
            ("Africa's North", false),
            ("Mandela’s African", false),
            ("Mary's Hospital", true),
            ("McDonald's Corp", true),
        ] {
            let cut = text.rfind([' ', '&', '-']).unwrap_or(0);
            let gap_end = text[cut..].find(|c: char| c.is_alphanumeric()).map_or(text.len(), |g| cut + g);
            let first_end = text[..gap_end].trim_end_matches([' ', ',', '&', '-']).len();
            let (a, b) = (Span::new(0, first_end), Span::new(gap_end, text.len()));
            assert_eq!(joined(text, a, b), want, "{text}: {:?} {:?}", a.of(text), b.of(text));
        }
    }
}
