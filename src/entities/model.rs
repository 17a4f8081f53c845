//! The learned mention tagger: which words are names, and of which kind.
//!
//! An averaged perceptron over hashed features tags every word of a story with an IO tag (`O`,
//! or inside the name of a person, an organisation, a place or another name; a run of words with
//! the same tag is one name), greedily from left to right, each word seeing the tag given to the
//! word before it. It is trained on
//! the gold CoNLL-2003 training documents by `src/bin/train-ner.rs` (`make model`), which runs
//! this module's own feature extraction on lede's own segmentation, so that training and
//! inference see exactly the same features. The weights of the strongest features are quantised
//! to `i8` and generated into `tables/ner_model.rs`.
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
use crate::segment::{Doc, Word};
use crate::text::Span;

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
pub fn joined(text: &str, a: Span, b: Span) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '.' | '&' | '\'' | '’' | '/')))
}

/// What separates a word from the one before it, as a feature value.
fn gap_class(gap: &str) -> &'static str {
    match gap {
        " " => "sp",
        "" => "none",
        _ if gap.contains('\n') => "nl",
        _ if gap.contains(',') => ",",
        _ if gap.contains('(') || gap.contains(')') => "()",
        _ if gap.contains('"') || gap.contains('“') || gap.contains('”') => "q",
        _ if gap.contains('-') => "-",
        _ => "p",
    }
}

/// A word's features: static hashes, and the hash of its shape for the features that join it
/// with the previous tag.
#[derive(Clone, Debug, Default)]
pub struct Token {
    pub features: Vec<u32>,
    pub shape: u32,
}

/// FNV-1a over a feature's template name and value: stable on every platform.
fn hash(template: &str, value: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in template.as_bytes().iter().chain([0xffu8].iter()).chain(value.as_bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The features joining the previous tag with this word: the tag alone, and with the shape.
pub fn dynamic(prev: usize, shape: u32) -> [u32; 2] {
    let p = ["O", "P", "G", "L", "M"].get(prev).copied().unwrap_or("O");
    let h = hash("p", p);
    [h, h ^ shape.rotate_left(7)]
}

/// "Xx", "X.X.", "dd-dd", "x": letters as X or x, digits as d, runs of one class collapsed.
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// The kind a context word favours (its largest positive learned log odds), if any.
fn context_kind(words: &[&str], weights: &[&[[i8; 3]]], word: &str) -> Option<usize> {
    let i = position(words, word)?;
    let w = weights.get(word.len())?.get(i)?;
    let (k, best) = w.iter().enumerate().max_by_key(|(_, v)| **v)?;
    (*best >= 8).then_some(k)
}

/// What the rules said about each word: 0 for no name, else the tag ([`begin`] or inside) of
/// the kind of the entity whose mention covers it.
pub type RuleTags = Vec<u8>;

/// The features of every word of `doc`.
pub(super) fn tokens(text: &str, doc: &Doc, ev: &Evidence, shouts: &[bool], rules: &[u8]) -> Vec<Token> {
    let mut out = Vec::with_capacity(doc.words.len());
    let term = |w: &Word| doc.vocab.term(w.term);
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words.get(sentence.words.clone()).unwrap_or(&[]);
        let shout = shouts.get(si).copied().unwrap_or(false);
        // Multi-word gazetteer names covering each word: 1 = first word, 2 = inside.
        let mut gaz = vec![(0u8, 0u8); words.len()];
        for start in 0..words.len() {
            for n in (2..=4).rev() {
                let (Some(a), Some(b)) = (words.get(start), words.get(start + n - 1)) else { continue };
                let key = text.get(a.span.start..b.span.end).unwrap_or("").to_lowercase();
                let place = listed(gazetteer::PLACES, &key);
                let org = listed(gazetteer::ORGANIZATIONS, &key);
                if place || org {
                    for k in start..start + n {
                        if let Some(g) = gaz.get_mut(k) {
                            let pos = if k == start { 1 } else { 2 };
                            if place && g.0 == 0 {
                                g.0 = pos;
                            }
                            if org && g.1 == 0 {
                                g.1 = pos;
                            }
                        }
                    }
                    break;
                }
            }
        }
        let shapes: Vec<String> = words.iter().map(|w| shape(w.span.of(text))).collect();
        for (i, w) in words.iter().enumerate() {
            let mut f = Vec::with_capacity(48);
            let raw = w.span.of(text);
            let lw = term(w);
            let sh = shapes.get(i).map_or("", String::as_str);
            let at = |d: isize| -> Option<&Word> { i.checked_add_signed(d).and_then(|j| words.get(j)) };
            let word_at = |d: isize| at(d).map_or(if d < 0 { "<s>" } else { "</s>" }, term);
            let shape_at = |d: isize| {
                i.checked_add_signed(d).and_then(|j| shapes.get(j)).map_or(if d < 0 { "<s>" } else { "</s>" }, |s| s)
            };
            let mut push = |t: &str, v: &str| f.push(hash(t, v));
            push("b", "");
            push("w", lw);
            push("s", sh);
            let chars: Vec<char> = lw.chars().collect();
            for n in [2usize, 3, 4] {
                if chars.len() > n {
                    let suf: String = chars.get(chars.len() - n..).unwrap_or(&[]).iter().collect();
                    push(["", "", "s2", "s3", "s4"].get(n).copied().unwrap_or(""), &suf);
                }
            }
            if chars.len() > 3 {
                push("p3", &chars.iter().take(3).collect::<String>());
            }
            push("w-1", word_at(-1));
            push("w+1", word_at(1));
            push("w-2", word_at(-2));
            push("w+2", word_at(2));
            push("w-1w", &format!("{} {}", word_at(-1), lw));
            push("ww+1", &format!("{} {}", lw, word_at(1)));
            push("s-1", shape_at(-1));
            push("s+1", shape_at(1));
            push("s-1ss+1", &format!("{} {} {}", shape_at(-1), sh, shape_at(1)));
            let gap = |d: isize| {
                let (Some(a), Some(b)) = (at(d - 1), at(d)) else { return "edge" };
                gap_class(text.get(a.span.end..b.span.start).unwrap_or(""))
            };
            push("g", gap(0));
            push("g+1", gap(1));
            push("gs", &format!("{} {} {}", gap(0), sh, gap(1)));
            let initial = initial_like(text, w);
            let (mid, low) = (ev.mid(w.term), ev.lower(w.term));
            let evidence = match (mid > 0, low > 0) {
                (true, true) => "both",
                (true, false) => "mid",
                (false, true) => "low",
                (false, false) => "none",
            };
            push("ev", &format!("{evidence} {initial} {sh}"));
            if low > mid {
                push("lowmore", sh);
            }
            push("init", &format!("{initial} {sh}"));
            if shout {
                push("shout", sh);
                push("shoutw", lw);
            }
            if si == 0 {
                push("first", sh);
            }
            // Gazetteers and the rules' word lists.
            for (name, table) in [
                ("gP", gazetteer::PLACES),
                ("gO", gazetteer::ORGANIZATIONS),
                ("gG", gazetteer::GIVEN_NAMES),
                ("gT", gazetteer::TEAM_TOWNS),
            ] {
                if listed(table, lw) {
                    push(name, "");
                    push(name, sh);
                }
            }
            let (gp, go) = gaz.get(i).copied().unwrap_or((0, 0));
            if gp > 0 {
                push("gP2", if gp == 1 { "B" } else { "I" });
            }
            if go > 0 {
                push("gO2", if go == 1 { "B" } else { "I" });
            }
            let lists = |x: &str| {
                let x = x.trim_end_matches('.');
                [
                    ("ow", ORG_WORDS.contains(x)),
                    ("pw", PLACE_WORDS.contains(x)),
                    ("ti", TITLES.contains(x)),
                    ("de", x.len() > 2 && demonym(x)),
                ]
            };
            for (d, side) in [(0isize, "0"), (-1, "-1"), (1, "+1")] {
                let x = word_at(d);
                for (name, hit) in lists(x) {
                    if hit {
                        push(name, side);
                    }
                }
            }
            if let Some(k) = context_kind(contexts::BEFORE, contexts::BEFORE_WEIGHTS, word_at(-1)) {
                push("cb", ["P", "O", "L"].get(k).copied().unwrap_or(""));
            }
            if let Some(k) = context_kind(contexts::AFTER, contexts::AFTER_WEIGHTS, word_at(1)) {
                push("ca", ["P", "O", "L"].get(k).copied().unwrap_or(""));
            }
            // The rules' answer for this word and its neighbours.
            let global = sentence.words.start + i;
            let rule = |j: Option<usize>| {
                let t = j.and_then(|j| rules.get(j)).copied().unwrap_or(0) as usize;
                ["O", "B0", "I0", "B1", "I1", "B2", "I2", "B3", "I3"].get(t).copied().unwrap_or("O")
            };
            push("r", rule(Some(global)));
            push("rs", &format!("{} {}", rule(Some(global)), sh));
            push("r-1r", &format!("{} {}", rule(global.checked_sub(1)), rule(Some(global))));
            push("rr+1", &format!("{} {}", rule(Some(global)), rule(Some(global + 1))));
            let _ = raw;
            out.push(Token { features: f, shape: hash("s", sh) });
        }
    }
    out
}

/// Tags `tokens` greedily, left to right; `score` adds a feature's weights to the tag scores.
/// Returns each token's tag and the scores of every tag.
pub fn decode(tokens: &[Token], mut score: impl FnMut(u32, &mut [f32; TAGS])) -> Vec<(usize, [f32; TAGS])> {
    let mut tags = Vec::with_capacity(tokens.len());
    let mut prev = 0;
    for t in tokens {
        let s = scores(t, prev, &mut score);
        let best = best_tag(&s);
        tags.push((best, s));
        prev = best;
    }
    tags
}

/// The scores of every tag for a token after tag `prev`.
pub fn scores(t: &Token, prev: usize, score: &mut impl FnMut(u32, &mut [f32; TAGS])) -> [f32; TAGS] {
    let mut s = [0.0f32; TAGS];
    for &f in t.features.iter().chain(dynamic(prev, t.shape).iter()) {
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
/// A feature's 32-bit hash is found by its top bits (its bucket: `buckets[b]..buckets[b + 1]`
/// index `keys`) and its low 16 bits (sorted within the bucket). Its [`TAGS`] weights are 4-bit
/// values (stored plus 8, two to a byte, low nibble first) times its multiplier.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    pub buckets: &'static [u16],
    pub keys: &'static [u16],
    pub multipliers: &'static [u8],
    pub weights: &'static [u8],
}

impl Model {
    /// Whether the model has any feature (none: the rules alone are used).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The index of feature `f`, if the model has it.
    pub fn find(&self, f: u32) -> Option<usize> {
        let bits = self.buckets.len().saturating_sub(1).trailing_zeros();
        if bits == 0 || bits > 16 {
            return None;
        }
        let b = (f >> (32 - bits)) as usize;
        let (lo, hi) = (usize::from(*self.buckets.get(b)?), usize::from(*self.buckets.get(b + 1)?));
        let j = self.keys.get(lo..hi)?.binary_search(&(f as u16)).ok()?;
        Some(lo + j)
    }

    /// Adds feature `f`'s weights to the tag scores `s`.
    pub fn score(&self, f: u32, s: &mut [f32; TAGS]) {
        let Some(i) = self.find(f) else { return };
        let m = f32::from(self.multipliers.get(i).copied().unwrap_or(0));
        for (t, x) in s.iter_mut().enumerate() {
            let n = i * TAGS + t;
            let byte = self.weights.get(n / 2).copied().unwrap_or(0x88);
            let v = if n % 2 == 0 { byte & 0x0f } else { byte >> 4 };
            *x += f32::from(i16::from(v) as i8 - 8) * m;
        }
    }
}
