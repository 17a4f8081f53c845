//! Paragraphs → sentences → words.
//!
//! In: the text and the story blocks chosen by [`crate::body`]. Out: a [`Doc`] of byte spans
//! (paragraphs, sentences, words) and a vocabulary of normalised terms, so later stages count
//! and compare integers instead of strings.
//!
//! Everything that depends on the language comes from its [`Language`]: abbreviations, the
//! words that start sentences, how sentences end and what a term is.
//!
//! Sentences start from Unicode's sentence boundaries (UAX #29, via `unicode-segmentation`),
//! which end sentences at the marks of every script (。！？ ။ ። ፧ ؟ ۔ । ॥) but also after every
//! "Mr." and "U.S."; a merge layer joins pieces that end in one of the language's
//! abbreviations or an initial, or that end inside a full-width quotation (「…。…」 in Chinese
//! and Japanese, at most [`MAX_QUOTED`] sentences), and a split layer separates sentences glued
//! together without a space ("Francis.Mehmet"). Thai, Lao and Khmer have no sentence
//! punctuation: spaces separate their sentence-like units, joined up to [`MIN_UNIT`] characters.
//! Line breaks are hard bounds.
//!
//! Words are UAX #29 word segments. Where words are not separated by spaces (Chinese,
//! Japanese), a run of ideographs becomes overlapping character bigrams ("外交部长" → 外交,
//! 交部, 部长), the usual unit for retrieval in these languages, and a run of kana one term.

use unicode_segmentation::UnicodeSegmentation;

use crate::case;
use crate::hash::FxMap;
use crate::language::{Language, Terms};
use crate::text::{has_alphanumeric, is_closer, is_terminal, Span};
use crate::words::Words;

/// A segmented story.
#[derive(Debug, Default)]
pub struct Doc {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
    pub vocab: Vocab,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into `Doc::sentences`.
    pub sentences: std::ops::Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Indices into `Doc::words`.
    pub words: std::ops::Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Word {
    pub span: Span,
    /// Index into `Doc::vocab`.
    pub term: u32,
    pub sentence: u32,
    /// First letter is upper case (and the script has case).
    pub capitalized: bool,
    /// Two or more letters, all upper case ("NATO").
    pub all_caps: bool,
    /// First word of its sentence (after any opening quote or bracket).
    pub initial: bool,
}

/// Normalised terms (lower case, possessive removed), interned to integers.
#[derive(Debug, Default)]
pub struct Vocab {
    terms: Vec<String>,
    /// Hashed with [`crate::hash::FxHasher`]: every word of the text is looked up here, and
    /// SipHash cost more than the lookup. Ids as `usize`, not `u32`, like the other maps.
    index: FxMap<String, usize>,
}

impl Vocab {
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.index.get(term) {
            return id as u32;
        }
        let id = self.terms.len();
        self.terms.push(term.to_owned());
        self.index.insert(term.to_owned(), id);
        id as u32
    }

    pub fn term(&self, id: u32) -> &str {
        self.terms.get(id as usize).map_or("", String::as_str)
    }

    pub fn id(&self, term: &str) -> Option<u32> {
        self.index.get(term).map(|&id| id as u32)
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }
}

impl Doc {
    pub fn sentence_words(&self, sentence: usize) -> &[Word] {
        self.sentences.get(sentence).and_then(|s| self.words.get(s.words.clone())).unwrap_or(&[])
    }
}

/// Segments the given paragraphs (byte spans of `text`, in order) into a [`Doc`], the way
/// `lang` writes sentences and words.
pub fn segment(text: &str, paragraphs: &[Span], lang: &Language) -> Doc {
    let mut doc = Doc::default();
    let mut lower = String::new();
    let mut units = Vec::new();
    let mut found = Vec::new();
    let mut kinds = TokenKinds::default();
    for &para in paragraphs {
        let first = doc.sentences.len();
        found.clear();
        sentences_in(text, para, lang, &mut kinds, &mut found);
        // The story's first sentence may open with a dateline set off by a dash (outside English).
        if doc.sentences.is_empty() && !lang.tuned {
            if let Some(first) = found.first_mut() {
                let skip = dash_dateline_len(first.of(text));
                if skip > 0 && skip < first.len() {
                    first.start += skip;
                }
            }
        }
        for &sentence in &found {
            let index = doc.sentences.len();
            let first_word = doc.words.len();
            let mut initial = true;
            units.clear();
            match lang.terms {
                Terms::Words => units.extend(words(text, sentence)),
                Terms::Bigrams => bigrams(text, words(text, sentence), &mut units),
            }
            for &w in &units {
                let raw = w.of(text);
                normalize_in(raw, &mut lower, lang);
                let term = doc.vocab.intern(&lower);
                let (capitalized, all_caps) = case_of(raw);
                doc.words.push(Word { span: w, term, sentence: index as u32, capitalized, all_caps, initial });
                initial = false;
            }
            if doc.words.len() > first_word {
                doc.sentences.push(Sentence {
                    span: sentence,
                    paragraph: doc.paragraphs.len(),
                    words: first_word..doc.words.len(),
                });
            }
        }
        if doc.sentences.len() > first {
            doc.paragraphs.push(Paragraph { span: para, sentences: first..doc.sentences.len() });
        }
    }
    if lang.cased && !lang.tuned && lang.terms == Terms::Words {
        cut_unmarked(text, &mut doc, lang);
    }
    doc
}

/// Cuts the doc's sentences where one starts without the one before ending in a mark: a
/// lower-case word that is no function word, a space, then a capitalised function word followed
/// by a lower-case word ("… sarafu ya zamani Noti hiyo …" is a caption, then the story; "Sans
/// précédent Les chances de …" a heading, then its paragraph). Single-line texts (XL-Sum's BBC
/// pages) glue image captions and subheadings to the sentence after them this way. A capitalised
/// function word after a content word is a name's start instead when a capitalised word follows
/// ("indique Le Parisien"), when the story capitalises it so more than once ("Thanh tra Chính
/// phủ", Vietnamese "Government Inspectorate"; "chính" alone is "main"), or when the story never
/// writes it in lower case ("Anda", Indonesian "you"; German nouns). In a language without a
/// stop list the words of more than [`crate::rank::COMMON_SHARE`] of the story's sentences are
/// its function words, as in the ranking. Only where the ranking's weights are not the
/// language's own (English keeps the splitter it was tuned with). On the dev third of
/// ../shared/data/multilingual (`scripts/eval/languages.py`) the mean over languages of
/// (lede − LEAD-3) ROUGE-1 went from +0.86 to +0.91 (halves +1.18 / +0.74 -> +1.18 / +0.83), and
/// to +0.96 with the stand-in function words (halves +1.24 / +0.83; one Pidgin caption).
fn cut_unmarked(text: &str, doc: &mut Doc, lang: &Language) {
    let lower = |w: &Word| w.span.of(text).chars().all(lower_or_mark);
    // A capitalised word right after a lower-case one, nothing but blanks between them.
    let after_lower = |i: usize| {
        let (Some(p), Some(w)) = (doc.words.get(i.wrapping_sub(1)), doc.words.get(i)) else { return false };
        let gap = text.get(p.span.end..w.span.start).unwrap_or("");
        capitalised(w.span.of(text)) && lower(p) && !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    // Per term: uses in lower case, and capitalised right after a lower-case word.
    let mut counts = vec![(0u32, 0u32); doc.vocab.len()];
    for (i, w) in doc.words.iter().enumerate() {
        if let Some(c) = counts.get_mut(w.term as usize) {
            if lower(w) {
                c.0 += 1;
            } else if after_lower(i) {
                c.1 += 1;
            }
        }
    }
    // Without a stop list, the words of more than COMMON_SHARE of the sentences stand in for one
    // (as in the ranking: crate::rank::COMMON_SHARE). Each term's (sentences, last sentence),
    // counted only then: a language with a stop list needs no table the size of the vocabulary.
    let mut sf = Vec::new();
    if !lang.has_stopwords() && doc.sentences.len() >= crate::rank::COMMON_MIN_SENTENCES {
        sf = vec![(0u32, u32::MAX); doc.vocab.len()];
        for w in &doc.words {
            if let Some(c) = sf.get_mut(w.term as usize) {
                if c.1 != w.sentence {
                    *c = (c.0 + 1, w.sentence);
                }
            }
        }
    }
    let common = (crate::rank::COMMON_SHARE * doc.sentences.len() as f32) as u32;
    let function =
        |t: u32| lang.is_function_word(doc.vocab.term(t)) || sf.get(t as usize).is_some_and(|c| c.0 > common);
    let cut = |i: usize| {
        let (Some(p), Some(w), Some(n)) = (doc.words.get(i.wrapping_sub(1)), doc.words.get(i), doc.words.get(i + 1))
        else {
            return false;
        };
        let (low, mid) = counts.get(w.term as usize).copied().unwrap_or((0, 0));
        mid == 1
            && low > 0
            && after_lower(i)
            && n.sentence == w.sentence
            && n.span.of(text).starts_with(char::is_lowercase)
            && function(w.term)
            && !function(p.term)
    };
    let cuts: Vec<usize> = (1..doc.words.len())
        .filter(|&i| doc.words.get(i - 1).is_some_and(|p| doc.words.get(i).is_some_and(|w| p.sentence == w.sentence)))
        .filter(|&i| cut(i))
        .collect();
    if cuts.is_empty() {
        return;
    }
    // The sentences again, each cut one in pieces; words and paragraphs renumbered.
    let mut sentences = Vec::with_capacity(doc.sentences.len() + cuts.len());
    let mut first_of = Vec::with_capacity(doc.sentences.len() + 1);
    let mut next_cut = cuts.iter().peekable();
    for s in &doc.sentences {
        first_of.push(sentences.len());
        let (mut start, mut from) = (s.span.start, s.words.start);
        while let Some(&&i) = next_cut.peek().filter(|&&&i| i < s.words.end) {
            next_cut.next();
            let end = doc.words.get(i - 1).map_or(start, |p| p.span.end);
            sentences.push(Sentence { span: Span::new(start, end), paragraph: s.paragraph, words: from..i });
            (start, from) = (doc.words.get(i).map_or(end, |w| w.span.start), i);
            if let Some(w) = doc.words.get_mut(i) {
                w.initial = true;
            }
        }
        sentences.push(Sentence {
            span: Span::new(start, s.span.end),
            paragraph: s.paragraph,
            words: from..s.words.end,
        });
    }
    first_of.push(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        for w in doc.words.get_mut(s.words.clone()).unwrap_or(&mut []) {
            w.sentence = k as u32;
        }
    }
    for p in &mut doc.paragraphs {
        let at = |i: usize| first_of.get(i).copied().unwrap_or(0);
        p.sentences = at(p.sentences.start)..at(p.sentences.end);
    }
    doc.sentences = sentences;
}

/// A word of two letters or more, the first upper-case and the rest lower-case ("Les", not "UN").
fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().next().is_some() && cs.all(lower_or_mark)
}

/// A lower-case letter, or a combining diacritic (U+0300–U+036F), which has no case: Yoruba
/// writes tones on dotted vowels that way ("ṣẹlẹ̀", "Ọ̀rọ̀").
fn lower_or_mark(c: char) -> bool {
    c.is_lowercase() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Ideographs (CJK unified, extensions A and B, compatibility).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

/// Letters of scripts written without spaces whose UAX #29 words are single letters (with
/// their marks): Thai, Lao, Myanmar, Khmer.
fn is_unspaced_letter(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

/// The terms of text written without spaces, from its UAX #29 words (one per ideograph, one per
/// hiragana, one per katakana run): adjacent ideographs become overlapping bigrams (a lone one
/// stays a unigram), adjacent hiragana one term; other words (katakana, Latin, digits) stay as
/// they are. Terms come out in document order.
fn bigrams(text: &str, words: impl Iterator<Item = Span>, out: &mut Vec<Span>) {
    // The current run of adjacent single ideographs, or of hiragana, not yet emitted (at most
    // one of the two is open).
    let mut run: Vec<Span> = Vec::new();
    let mut kana_run: Option<Span> = None;
    let flush = |run: &mut Vec<Span>, out: &mut Vec<Span>| {
        match run.as_slice() {
            [one] => out.push(*one),
            many => out.extend(many.windows(2).filter_map(|w| match w {
                [a, b] => Some(Span::new(a.start, b.end)),
                _ => None,
            })),
        }
        run.clear();
    };
    for w in words {
        let s = w.of(text);
        let mut cs = s.chars();
        let single_ideograph = matches!((cs.next(), cs.next()), (Some(c), None) if is_ideograph(c))
            || (s.chars().all(is_unspaced_letter) && s.chars().next().is_some_and(crate::chars::is_alphabetic));
        let kana = s.chars().all(is_hiragana);
        if !single_ideograph || run.last().is_some_and(|l| l.end != w.start) {
            flush(&mut run, out);
        }
        if !kana || kana_run.is_some_and(|k| k.end != w.start) {
            out.extend(kana_run.take());
        }
        if single_ideograph {
            run.push(w);
        } else if kana {
            kana_run = Some(kana_run.map_or(w, |k| Span::new(k.start, w.end)));
        } else {
            out.push(w);
        }
    }
    flush(&mut run, out);
    out.extend(kana_run);
}

/// Lower-cases a word and removes a trailing possessive ("Trump's" → "trump").
pub fn normalize(word: &str, out: &mut String) {
    out.clear();
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix("'S"))
        .filter(|w| !w.is_empty())
        .unwrap_or(word);
    if w.is_ascii() {
        // The same bytes as below, without decoding a char or the Unicode tables.
        out.push_str(w);
        out.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(case::lower(c));
        }
    }
}

/// [`normalize`] the way `lang` writes: Turkish and Azerbaijani lower-case "I" to "ı" and
/// "İ" to "i", and drop the suffixes a name takes after an apostrophe ("Ankara'nın" →
/// "ankara").
pub fn normalize_in(word: &str, out: &mut String, lang: &Language) {
    if !lang.turkic {
        return normalize(word, out);
    }
    out.clear();
    let stem = match word.find(['\'', '’']) {
        Some(i) if i > 0 && word.get(i..).is_some_and(|rest| rest.chars().skip(1).all(crate::chars::is_alphabetic)) => {
            word.get(..i).unwrap_or(word)
        }
        _ => word,
    };
    for c in stem.chars() {
        match c {
            'I' => out.push('ı'),
            'İ' => out.push('i'),
            c => out.extend(case::lower(c)),
        }
    }
}

fn case_of(word: &str) -> (bool, bool) {
    if word.is_ascii() {
        // The same answer from the bytes, without the Unicode tables.
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        let Some(first) = letters.next() else { return (false, false) };
        let capitalized = first.is_ascii_uppercase();
        let (count, all_upper) = letters.fold((1, capitalized), |(n, up), c| (n + 1, up && c.is_ascii_uppercase()));
        return (capitalized, all_upper && count >= 2);
    }
    let mut letters = word.chars().filter(|&c| crate::chars::is_alphabetic(c));
    let Some(first) = letters.next() else { return (false, false) };
    let capitalized = first.is_uppercase();
    let mut count = 1;
    let mut all_upper = capitalized;
    for c in letters {
        count += 1;
        all_upper &= c.is_uppercase() || !crate::chars::is_alphabetic(c);
    }
    (capitalized, all_upper && count >= 2)
}

/// The words of a span: UAX #29 word segments holding at least one letter or digit.
pub fn words(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let s = span.of(text);
    // Plain ASCII (most sentences of an English article) is read as bytes (see [`AsciiWords`]);
    // the general iterator decodes every char and looks up its category.
    // The general segments that hold a letter or digit.
    let segments = if ascii_or_nbsp(s) {
        Either::Ascii(AsciiWords { bytes: s.as_bytes(), pos: 0 })
    } else {
        Either::Other(s.split_word_bound_indices().filter(|(_, w)| has_alphanumeric(w)).map(|(i, w)| (i, i + w.len())))
    };
    segments.map(move |(a, b)| Span::new(span.start + a, span.start + b))
}

/// Whether `s` is ASCII but for no-break spaces (U+00A0, bytes C2 A0): such a string's words
/// are [`AsciiWords`]' too, the no-break space being a segment of its own that holds no letter
/// or digit and joins nothing (UAX #29 Other, as `$` is). Pages and word processors put them
/// between words (issue 12: a text of short lines holding them went through the general
/// iterator, about 8% of its time).
fn ascii_or_nbsp(s: &str) -> bool {
    if s.is_ascii() {
        return true; // most sentences: a word at a time
    }
    let b = s.as_bytes();
    // One look at each byte: a run of ASCII, then a no-break space, and so on.
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c >= 0x80)) {
        if b.get(i + p..i + p + 2) != Some(&[0xC2, 0xA0][..]) {
            return false;
        }
        i += p + 2;
    }
    true
}

/// Byte ranges from a reader of ASCII bytes (`Ascii`: [`AsciiWords`], [`AsciiPieces`]) or from
/// the general UAX #29 iterator (`Other`), one type for both.
enum Either<A, O> {
    Ascii(A),
    Other(O),
}

impl<A: Iterator<Item = (usize, usize)>, O: Iterator<Item = (usize, usize)>> Iterator for Either<A, O> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Either::Ascii(a) => a.next(),
            Either::Other(o) => o.next(),
        }
    }
}

/// The UAX #29 words of an ASCII string (that may hold no-break spaces, see [`ascii_or_nbsp`]),
/// as byte ranges. In ASCII a segment holding a letter or digit is a run of letters, digits and
/// `_` (WB5, WB8-WB10, WB13a-b) that may hold `.`, `'` or `:` between two letters (WB6-WB7) and
/// `.`, `'`, `,` or `;` between two digits (WB11-WB12); a run of `_` alone is no word, and every
/// other byte is a segment of its own or joins only spaces or CR LF, none of them a word
/// (tests::ascii_words_are_uax29_words checks this against the crate's general iterator). It was
/// about a tenth of a 1 MB paste's time.
struct AsciiWords<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for AsciiWords<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let core = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        // A local index (a loop advancing `self.pos` in place runs slower in the `.wasm`).
        let mut i = self.pos;
        loop {
            let start = i + self.bytes.get(i..)?.iter().position(core)?;
            i = start + 1;
            while let Some(&b) = self.bytes.get(i) {
                let joins = core(&b)
                    || match (self.bytes.get(i - 1), self.bytes.get(i + 1)) {
                        (Some(p), Some(n)) => match b {
                            b'.' | b'\'' => {
                                (p.is_ascii_alphabetic() && n.is_ascii_alphabetic())
                                    || (p.is_ascii_digit() && n.is_ascii_digit())
                            }
                            b':' => p.is_ascii_alphabetic() && n.is_ascii_alphabetic(),
                            b',' | b';' => p.is_ascii_digit() && n.is_ascii_digit(),
                            _ => false,
                        },
                        _ => false,
                    };
                if !joins {
                    break;
                }
                i += 1;
            }
            if self.bytes.get(start..i).is_some_and(|w| w.iter().any(u8::is_ascii_alphanumeric)) {
                self.pos = i;
                return Some((start, i));
            }
        }
    }
}

/// The sentences of a span, trimmed, each holding at least one letter or digit, appended to
/// `out` (one buffer for every paragraph: no vector per paragraph).
pub fn sentences(text: &str, span: Span, lang: &Language, out: &mut Vec<Span>) {
    sentences_in(text, span, lang, &mut TokenKinds::default(), out);
}

/// [`sentences`], with the [`TokenKinds`] of the tokens met so far (one memo for a whole story).
fn sentences_in<'t>(text: &'t str, span: Span, lang: &Language, kinds: &mut TokenKinds<'t>, out: &mut Vec<Span>) {
    let from = out.len();
    let mut line_start = span.start;
    let body = span.of(text);
    // Line breaks are hard bounds.
    for line in lines_inclusive(body) {
        let line_span = Span::new(line_start, line_start + line.len());
        line_start += line.len();
        if lang.spaced_sentences {
            split_spaced(text, line_span, out);
        } else if lang.pipe_danda {
            // Some sites write the danda as "|": it ends a sentence after a letter of the script.
            let mut start = line_span.start;
            for cut in pipe_dandas(line_span.of(text)) {
                split_line(text, Span::new(start, line_span.start + cut), lang, kinds, out);
                start = line_span.start + cut;
            }
            split_line(text, Span::new(start, line_span.end), lang, kinds, out);
        } else {
            split_line(text, line_span, lang, kinds, out);
        }
    }
    // A wire dateline opening the paragraph is not part of its first sentence.
    if let Some(first) = out.get_mut(from) {
        let skip = dateline_len(first.of(text));
        if skip > 0 && skip < first.len() {
            first.start += skip;
        }
    }
}

/// `s` cut after each line break ("\n", "\r", U+2028, U+2029), each break kept with its line:
/// what `s.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}'])` gives, found in the bytes
/// (that pattern decoded and compared every character).
fn lines_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(start..).filter(|r| !r.is_empty())?;
        let mut end = rest.len();
        let mut i = 0;
        while let Some(&b) = rest.get(i) {
            match b {
                b'\n' | b'\r' => {
                    end = i + 1;
                    break;
                }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                0xE2 if rest.get(i + 1) == Some(&0x80) && matches!(rest.get(i + 2), Some(0xA8 | 0xA9)) => {
                    end = i + 3;
                    break;
                }
                _ => i += 1,
            }
        }
        let line = s.get(start..start + end)?;
        start += end;
        Some(line)
    })
}

/// Byte length of a news dateline opening `s`: an optional upper-case place (and date) and a
/// short capitalised source in brackets, then an optional dash: "(CNN) -- ", "(CNN)",
/// "WASHINGTON (Reuters) - ", "LONDON, March 5 (AP) — ". 0 when there is none.
fn dateline_len(s: &str) -> usize {
    let Some(open) = crate::text::head(s, 60).find('(') else { return 0 };
    let place = s.get(..open).unwrap_or("");
    let place_ok = place.trim().is_empty()
        || (place.split_whitespace().count() <= 6
            && place.split_whitespace().next().is_some_and(|w| {
                let letters: Vec<char> = w.chars().filter(|&c| crate::chars::is_alphabetic(c)).collect();
                letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
            })
            && place.split_whitespace().all(|w| !w.starts_with(char::is_lowercase)));
    // "Obock, Djibouti (CNN)": a place in capitalised words, when the source is an agency's
    // capitals.
    let titled_place = !place.trim().is_empty()
        && place.split_whitespace().count() <= 6
        && place.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && !matches!(place.split_whitespace().next(), Some("The" | "A" | "An"));
    let after_open = s.get(open + 1..).unwrap_or("");
    let Some(close) = after_open.find(')') else { return 0 };
    let source = after_open.get(..close).unwrap_or("");
    let source_ok = (1..=30).contains(&source.len())
        && source.split_whitespace().count() <= 4
        && source.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    let agency = !source.contains(' ') && source.chars().filter(|c| c.is_uppercase()).count() >= 2;
    if !source_ok || !(place_ok || (titled_place && agency)) {
        return 0;
    }
    let rest_start = open + 1 + close + 1;
    let rest = s.get(rest_start..).unwrap_or("");
    let body = rest.trim_start().trim_start_matches(['-', '—', '–']).trim_start();
    let starts_sentence =
        body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\''));
    if starts_sentence && body.chars().any(char::is_lowercase) {
        s.len() - body.len()
    } else {
        0
    }
}

/// Byte length of a dateline set off by a dash opening `s`: one to four capitalised words (a
/// place, a source, a site: "Jakarta, CNN Indonesia -- ", "SUKABUMI – ", "JUARA.NET - ",
/// "Jakarta (ANTARA News) - "), then the dash and a capitalised sentence in mixed case with no
/// other spaced dash (a wire headline keeps its slug: "SOCCER - JAPAN GET LUCKY WIN",
/// "PRESS DIGEST - Iraq - Aug 22.", "OPTIONS -- EOE options volumes - close."). 0 when there is
/// none. Only the story's first sentence and outside English ([`segment`]).
fn dash_dateline_len(s: &str) -> usize {
    let (mut words, mut gap) = (0, true);
    for (i, c) in s.char_indices().take(48) {
        if matches!(c, '-' | '–' | '—') && gap && (1..=4).contains(&words) {
            let body = s.get(i..).unwrap_or("").trim_start_matches(['-', '–', '—']);
            let starts = body.strip_prefix(' ').is_some_and(|b| b.trim_start().starts_with(char::is_uppercase))
                && body.chars().any(char::is_lowercase)
                && !body.trim_start_matches(' ').split(' ').any(|w| matches!(w, "-" | "--" | "–" | "—"));
            return if starts { s.len() - body.trim_start().len() } else { 0 };
        }
        if gap && !c.is_whitespace() && c != '(' {
            if !c.is_uppercase() {
                return 0;
            }
            words += 1;
        }
        gap = c.is_whitespace() || (gap && c == '(');
    }
    0
}

/// Byte offsets just after each "|" of `line` that stands for a danda: it follows (maybe after
/// spaces) a letter or mark of an Indic script (U+0900–U+0DFF).
fn pipe_dandas(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut last = None; // the last non-space character before the current one
    for (i, c) in line.char_indices() {
        if c == '|' && last.is_some_and(|l: char| matches!(l as u32, 0x0900..=0x0DFF)) {
            cuts.push(i + 1);
        }
        if !c.is_whitespace() {
            last = Some(c);
        }
    }
    cuts
}

/// Characters a sentence-like unit of a script without sentence punctuation reaches before a
/// space may end it.
const MIN_UNIT: usize = 40;

/// Splits a line of Thai, Lao or Khmer at spaces into units of at least [`MIN_UNIT`]
/// characters (a sentence mark, where there is one, also ends a unit).
fn split_spaced(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.of(text);
    let (mut start, mut chars, mut after_space) = (0, 0usize, false);
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            after_space = true;
            continue;
        }
        if after_space && chars >= MIN_UNIT {
            push_trimmed(text, Span::new(line.start + start, line.start + i), out);
            (start, chars) = (i, 0);
        }
        after_space = false;
        chars += 1;
        if is_terminal(c) && c != '.' {
            let end = i + c.len_utf8();
            push_trimmed(text, Span::new(line.start + start, line.start + end), out);
            (start, chars) = (end, 0);
        }
    }
    push_trimmed(text, Span::new(line.start + start, line.end), out);
}

/// Sentences a full-width quotation may hold before the sentence around it is cut anyway.
const MAX_QUOTED: usize = 3;

/// Whether a piece ends inside a full-width quotation that opened in it (「…」, 『…』, and
/// “…” in text without spaces), holding fewer than [`MAX_QUOTED`] sentence marks so far. Kept
/// as a running state fed piece by piece, so a piece that keeps growing is never re-read
/// (「あ。」の「あ。」の… merges every piece: rescanning it was quadratic).
#[derive(Clone, Copy, Default)]
struct Quotation {
    depth: usize,
    marks: usize,
}

impl Quotation {
    fn feed(mut self, piece: &str) -> Self {
        for c in piece.chars() {
            match c {
                '「' | '『' | '“' | '（' => self.depth += 1,
                '」' | '』' | '”' | '）' => self.depth = self.depth.saturating_sub(1),
                c if self.depth > 0 && is_terminal(c) => self.marks += 1,
                _ => {}
            }
        }
        self
    }

    fn inside(self) -> bool {
        self.depth > 0 && self.marks < MAX_QUOTED
    }
}

/// Cuts one line into sentences. Linear in the line: each piece is looked at once, and the checks
/// on the growing `pending` piece read a bounded window of its end (see [`continues_after`]), or,
/// for [`opening_quote_at_end`], run once before `pending` is emptied. The blanks around a piece
/// are found without rereading blanks already passed: a U+0085 NEXT LINE ends a piece (UAX #29
/// SB4) but no line here, so "\u{85} " repeated is a line of pieces that are all blanks, and
/// trimming the growing piece's end, or the rest of the line's start, at every piece was
/// quadratic (a 100 KB line: 29 s natively).
fn split_line<'t>(text: &'t str, line: Span, lang: &Language, kinds: &mut TokenKinds<'t>, out: &mut Vec<Span>) {
    if one_piece(line.of(text)) {
        // What the loop below makes of a single piece.
        return push_glued(text, line, !lang.tuned, out);
    }
    let mut pending: Option<Span> = None;
    // Where `pending`'s last non-blank character ends (its end trimmed), kept as it grows: a
    // piece of blanks alone leaves it where it was.
    let mut pending_end = line.start;
    // The last run of blanks skipped after a piece, `(from, to)`: every start inside it skips to
    // the same `to` (pieces move forward, so each blank is read once).
    let mut blanks = (usize::MAX, 0usize);
    // Where the line's last non-blank character ends: text follows a piece when it ends before
    // (one look per line instead of trimming the rest of the line after every piece).
    let content_end = line.start + line.of(text).trim_end().len();
    let unspaced = lang.terms == Terms::Bigrams;
    // The quotation state of `pending`, and how many straight double quotes it holds (kept as
    // it grows: counting them in the whole piece at every piece was quadratic on a line of
    // '"a."라' repeated, a 0.8 MB line 79 s natively).
    let mut quotation = Quotation::default();
    let mut pending_quotes = 0usize;
    for (i, end) in pieces(line.of(text)) {
        let piece = Span::new(line.start + i, line.start + end);
        let (current, before, before_end, before_quotes) = match pending.take() {
            Some(p) => (Span::new(p.start, piece.end), quotation, pending_end, pending_quotes),
            None => (piece, Quotation::default(), piece.start, 0),
        };
        // The quotes of `current` (those of `trimmed` too: blanks trimmed off hold none).
        let quotes = before_quotes + piece.of(text).bytes().filter(|&b| b == b'"').count();
        // `current.of(text).trim_end()`, reading only the piece's own trailing blanks.
        let piece_end = piece.start + piece.of(text).trim_end().len();
        let trimmed_end = if piece_end > piece.start { piece_end } else { before_end };
        let trimmed = text.get(current.start..trimmed_end).unwrap_or("");
        let next_start = piece.end;
        let rest = text.get(next_start..line.end).unwrap_or("");
        let state = if unspaced { before.feed(piece.of(text)) } else { before };
        let quoted = (unspaced && (state.inside() || quote_then_particle(trimmed, rest)))
            || (trimmed_end == next_start && quote_then_hangul(trimmed, quotes, rest));
        let mut continues = || {
            // `rest.trim_start()`, reading each blank once.
            if !(blanks.0 <= next_start && next_start <= blanks.1) {
                blanks = (next_start, next_start + rest.len() - rest.trim_start().len());
            }
            let glued = blanks.1 == trimmed_end;
            continues_after(trimmed, text.get(blanks.1..line.end).unwrap_or(""), glued, lang, kinds)
        };
        if next_start < content_end && (quoted || continues()) {
            pending = Some(current);
            pending_end = trimmed_end;
            quotation = state;
            pending_quotes = quotes;
        } else if let Some(quote) = opening_quote_at_end(current.of(text), rest) {
            // 'he said."Next': the quote glued to the end opens the next sentence.
            let cut = current.end - quote;
            push_glued(text, Span::new(current.start, cut), !lang.tuned, out);
            pending = Some(Span::new(cut, current.end));
            pending_end = cut + text.get(cut..current.end).unwrap_or("").trim_end().len();
            quotation = Quotation::default().feed(text.get(cut..current.end).unwrap_or(""));
            pending_quotes = text.get(cut..current.end).unwrap_or("").matches('"').count();
        } else {
            push_glued(text, current, !lang.tuned, out);
        }
    }
    if let Some(p) = pending {
        push_glued(text, p, !lang.tuned, out);
    }
}

/// The UAX #29 sentence pieces of `s` as byte ranges: [`AsciiPieces`] for an ASCII line, the
/// crate's iterator for any other.
fn pieces(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    if s.is_ascii() {
        Either::Ascii(AsciiPieces { bytes: s.as_bytes(), pos: 0 })
    } else {
        Either::Other(s.split_sentence_bound_indices().map(|(i, p)| (i, i + p.len())))
    }
}

/// The UAX #29 sentence pieces of an ASCII string, found from its bytes. In ASCII a piece can
/// only end after a line break (CR LF kept together) or after a terminal (`.`, `!`, `?`) and the
/// closers and blanks that follow it (SB9-SB11), unless what comes next continues it: a
/// continuer (`,` `-` `:` `;`) or another terminal (SB8a); after a dot, a digit or (after a
/// letter) an upper-case letter right away (SB6, SB7), or a lower-case letter as the first
/// letter after any digits, closers, blanks and symbols (SB8). (tests::ascii_pieces_are_uax29s
/// checks it against the crate's iterator.) A text of abbreviations cut into millions of pieces
/// spent a tenth of its time in the general state machine (issue 12). Linear: each byte is read
/// once by the scan, and SB8's look ahead reads a stretch with no terminal in it, which the
/// next terminal's look ahead starts after.
struct AsciiPieces<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for AsciiPieces<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.bytes;
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        let after_break =
            |p: usize| if b.get(p) == Some(&b'\r') && b.get(p + 1) == Some(&b'\n') { p + 2 } else { p + 1 };
        let mut i = start;
        let end = loop {
            let Some(&c) = b.get(i) else { break b.len() };
            match c {
                b'\r' | b'\n' => break after_break(i),
                b'.' | b'!' | b'?' => {}
                _ => {
                    i += 1;
                    continue;
                }
            }
            let mut p = i + 1;
            while b.get(p).is_some_and(|c| matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}')) {
                p += 1;
            }
            while b.get(p).is_some_and(|c| matches!(c, b' ' | b'\t' | 0x0B | 0x0C)) {
                p += 1;
            }
            let Some(&n) = b.get(p) else { break p };
            let dot = c == b'.';
            let right_after = p == i + 1;
            let continues = match n {
                b'\r' | b'\n' => break after_break(p),
                b',' | b'-' | b':' | b';' | b'.' | b'!' | b'?' => true,
                b'0'..=b'9' if dot && right_after => true,
                b'A'..=b'Z'
                    if dot
                        && right_after
                        && i.checked_sub(1).and_then(|k| b.get(k)).is_some_and(u8::is_ascii_alphabetic) =>
                {
                    true
                }
                _ if dot => b
                    .get(p..)
                    .and_then(|r| {
                        r.iter().find(|c| c.is_ascii_alphabetic() || matches!(c, b'\r' | b'\n' | b'.' | b'!' | b'?'))
                    })
                    .is_some_and(u8::is_ascii_lowercase),
                _ => false,
            };
            if !continues {
                break p;
            }
            i = p;
        };
        self.pos = end;
        Some((start, end))
    }
}

/// Whether UAX #29 cuts the line `s` (a line of [`lines_inclusive`]) into one piece, known from
/// its bytes: an ASCII line (no-break spaces and a closing U+2028 or U+2029 allowed) whose
/// terminal marks all stand in its final run of marks, closers, spaces and line break ("He
/// left.\n", "Why?\" "), where a break can only fall at the end (rules SB9 to SB11), or that has
/// none. Most lines of pasted text are such a line; they skip the
/// sentence iterator, whose state machine cost a quarter of the time of a text of short lines
/// (issue 12). Tested against the iterator (`one_piece_is_what_uax29_says`).
fn one_piece(s: &str) -> bool {
    // After the first mark, the classes of the characters (0 marks, 1 closers, 2 blanks, 3 line
    // breaks) never go down.
    let mut at = None;
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += 1;
        let class = match c {
            b'.' | b'!' | b'?' => 0,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => 1,
            b' ' | b'\t' | 0x0B | 0x0C => 2,
            b'\n' | b'\r' => 3,
            // A no-break space (U+00A0) is a blank too (Sp); U+2028 and U+2029 end a line (Sep).
            0xC2 if b.get(i) == Some(&0xA0) => {
                i += 1;
                2
            }
            0xE2 if b.get(i) == Some(&0x80) && matches!(b.get(i + 1), Some(0xA8 | 0xA9)) => {
                i += 2;
                3
            }
            0x80.. => return false,
            _ => 4,
        };
        at = match at {
            None if class > 0 => None,
            Some(last) if class < last || class == 4 => return false,
            _ => Some(class),
        };
    }
    true
}

/// A quotation closed at the end of `piece` and followed straight away by a hiragana particle:
/// 「…。」と述べた continues the sentence.
fn quote_then_particle(piece: &str, rest: &str) -> bool {
    piece.trim_end().ends_with(['」', '』', '”']) && rest.starts_with(|c: char| matches!(c as u32, 0x3040..=0x309F))
}

/// A quotation closed at the end of `piece` and followed, unspaced, by a Korean particle: the
/// quoted words are part of the sentence ('"좋았다."라고 말했다', '"Mail"을 클릭하세요'). A
/// syllable that opens no particle ('…없습니다."시험인증 분야에서') starts a sentence glued on.
/// `quotes`: the straight double quotes `piece` holds.
fn quote_then_hangul(piece: &str, quotes: usize, rest: &str) -> bool {
    let closed = piece.ends_with(['”', '」', '』']) || (piece.ends_with('"') && quotes % 2 == 0);
    closed && rest.starts_with(|c: char| KOREAN_PARTICLE_STARTS.contains(c))
}

/// First syllables of the Korean particles and endings that follow a quotation: quotative
/// 라고/이라고/고/라는/란/라며/하고, case 을/를/이/가/은/는/의/에/로/으로/와/과, 도, 만, 며.
const KOREAN_PARTICLE_STARTS: &str = "라이고란하을를가은는의에로으와과도만며";

/// Byte length of a straight double quote ending `piece` right after a terminal mark, when it
/// opens a quotation (the piece has an odd number of them) and the next text follows unspaced.
fn opening_quote_at_end(piece: &str, rest: &str) -> Option<usize> {
    let before = piece.strip_suffix('"')?;
    let opens = piece.matches('"').count() % 2 == 1;
    let unspaced = rest.starts_with(|c: char| crate::chars::is_alphanumeric(c));
    (opens && unspaced && before.ends_with(is_terminal)).then_some(1)
}

/// Pushes a sentence, first splitting it where two sentences were glued without a space
/// (`camel`: also where a capitalised word is glued to a word: [`glued_cuts`]).
fn push_glued(text: &str, span: Span, camel: bool, out: &mut Vec<Span>) {
    let s = span.of(text);
    let mut start = 0;
    for cut in glued_cuts(s, camel) {
        push_trimmed(text, Span::new(span.start + start, span.start + cut), out);
        start = cut;
    }
    push_trimmed(text, Span::new(span.start + start, span.end), out);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if has_alphanumeric(t.of(text)) {
        out.push(t);
    }
}

/// Byte offsets inside `s` after a lower-case word of 2+ letters, a terminal mark and optional
/// closer, directly followed by an upper-case letter and a lower-case one: "Francis.Mehmet";
/// and inside a word that opens in lower case, after [`CAMEL_RUN`] lower-case letters or more,
/// at a capitalised word (its capital in ASCII) glued on with no mark: a heading or caption run into its paragraph
/// ("…galettes d'hydrocarburesUn dispositif allégé est…", "…prévenu la policeMais cette…").
/// Names written that way open with a capital ("YouTube", "PlayStation") or a lower-case run
/// too short ("iPhone", "diCaprio"). Only with `camel`: where the ranking's weights are not the
/// language's own (English keeps the splitter it was tuned with, and its pages quote code:
/// "uploadReq", "remoteStorage"). One pass: the state of the word before each mark is kept as
/// it goes.
fn glued_cuts(s: &str, camel: bool) -> Vec<usize> {
    let cuts = Vec::new();
    // A cut needs an upper-case letter right after a lower-case one, or (ASCII or not) after a
    // mark: a sentence with neither (most end in their only mark) is not read char by char.
    if !(camel && may_camel(s)) {
        let Some(first) = s.bytes().position(|b| matches!(b, b'.' | b'!' | b'?')) else { return cuts };
        if !s.bytes().skip(first).any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            return cuts;
        }
        // In ASCII the upper-case letter must follow a mark and its closers at once: a sentence
        // of titles and abbreviations ("Mr. Dr. Gen.", "Inc. U.S.") has capitals after its
        // marks, but after a space.
        if s.is_ascii() && !may_glue(s.as_bytes()) {
            return cuts;
        }
    }
    glued_scan(s, cuts, camel)
}

/// Whether `s` has an ASCII capital right after a lower-case ASCII letter or a non-ASCII char:
/// what [`glued_cuts`] needs to cut a capitalised word glued to a word.
fn may_camel(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| matches!(w, [a, b] if (a.is_ascii_lowercase() || *a >= 0x80) && b.is_ascii_uppercase()))
}

/// Lower-case letters a word opening in lower case has before a capitalised word glued to it
/// for [`glued_cuts`] to cut there: four, as no preposition or article of the languages lede
/// reads ("of", "the", "la", "di": "theNew", "diCaprio" are typos or names, not two sentences).
const CAMEL_RUN: usize = 4;

/// Whether an ASCII sentence has a mark followed, after its closers, by an upper-case letter:
/// what [`glued_cuts`] needs to cut it. Each closer is read once, by the mark before its run.
fn may_glue(b: &[u8]) -> bool {
    let closer = |c: &&u8| matches!(c, b'"' | b'\'' | b')' | b']' | b'}');
    b.iter().enumerate().any(|(i, c)| {
        matches!(c, b'.' | b'!' | b'?')
            && b.get(i + 1..).and_then(|r| r.iter().find(|c| !closer(c))).is_some_and(u8::is_ascii_uppercase)
    })
}

/// [`glued_cuts`]' reading of `s` char by char, appending to `cuts`.
fn glued_scan(s: &str, mut cuts: Vec<usize>, camel: bool) -> Vec<usize> {
    let mut lower_run = 0usize; // lower-case letters just before the current character
    let mut special = false; // the current word has '.', '@', '/' or ':' (URL, e-mail, "U.S")
    let mut quotes = 0usize; // straight double quotes before the current character
    let mut lower_word = false; // the word so far (since a blank) opens lower-case, only letters
    let mut after_blank = true;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if camel
            && lower_word
            && lower_run >= CAMEL_RUN
            && c.is_ascii_uppercase()
            && chars.clone().next().is_some_and(|(_, n)| n.is_lowercase())
        {
            cuts.push(i);
        }
        lower_word = if after_blank {
            c.is_lowercase()
        } else {
            lower_word && (crate::chars::is_alphabetic(c) || matches!(c, '\'' | '’'))
        };
        after_blank = c.is_whitespace();
        if matches!(c, '.' | '!' | '?') && lower_run >= 2 && !special {
            // What follows the mark, read ahead without moving `chars`.
            let mut ahead = chars.clone();
            let mut next = ahead.next();
            // A straight double quote after the mark closes a quotation when one is open,
            // otherwise it opens the next sentence ('he said."Next').
            let opens_next = matches!(next, Some((_, '"'))) && quotes % 2 == 0;
            let quote_at = next.map(|(i, _)| i);
            if opens_next {
                next = ahead.next();
            } else {
                while next.is_some_and(|(_, c)| is_closer(c)) {
                    next = ahead.next();
                }
            }
            let upper = next.is_some_and(|(_, c)| c.is_uppercase());
            let lower = ahead.next().is_some_and(|(_, c)| c.is_lowercase());
            if upper && lower {
                cuts.extend(if opens_next { quote_at } else { next.map(|(i, _)| i) });
            }
        }
        if c.is_whitespace() {
            special = false;
        } else if matches!(c, '.' | '@' | '/' | ':') {
            special = true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        if c == '"' {
            quotes += 1;
        }
    }
    cuts
}

/// Titles that never end a sentence: "Mr. Smith", "Gen. Milley" (and never end a name:
/// "St. Mary's Hospital").
pub(crate) const TITLES: Words = words![
    "adm", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "ft", "gen", "gov", "hon", "insp", "lt", "maj", "messrs",
    "mr", "mrs", "ms", "mssrs", "mt", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sr", "st", "supt",
];

/// Abbreviations that usually continue the sentence but may end one ("...in the U.S. The").
pub(crate) const ABBREVIATIONS: Words = words![
    "a.m", "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "ca", "cf", "co", "corp", "d.c", "dec", "dept",
    "e.u", "est", "etc", "feb", "fig", "inc", "jan", "jr", "jul", "jun", "ltd", "mar", "no", "nos", "nov", "oct", "op",
    "p.m", "ph.d", "rd", "sep", "sept", "u.k", "u.n", "u.s", "u.s.a", "vol", "vs",
];

/// Abbreviations after which a following capitalised word still continues the sentence
/// only when it is a number ("No. 5", "Jan. 20").
pub(crate) const BEFORE_NUMBERS: Words = words![
    "apr", "aug", "dec", "feb", "fig", "jan", "jul", "jun", "mar", "no", "nos", "nov", "oct", "op", "sep", "sept",
    "vol",
];

/// Words that, capitalised, typically start a new sentence.
pub(crate) const STARTERS: Words = words![
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "my",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "she",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
];

/// Longest token before a dot that can be a title, an abbreviation or initials ("J.R.R.", "Ph.D"):
/// [`continues_after`] reads no further back, so its work per piece is bounded.
const MAX_TOKEN: usize = 48;

/// Whether the sentence piece `trimmed` (its trailing blanks removed, ending in a terminal mark)
/// continues into `next` (the rest of the line after the blanks that follow the piece; `glued`:
/// there are none), by `lang`'s abbreviations and sentence starters. Reads a bounded window at
/// the end of `trimmed` ([`MAX_TOKEN`]) and at the start of `next` (its first word), so a piece
/// that keeps growing costs no rescans.
fn continues_after<'t>(trimmed: &'t str, next: &str, glued: bool, lang: &Language, kinds: &mut TokenKinds<'t>) -> bool {
    // '"Is it over?" she asked.', "example.com/a?b=c": what follows in lower case continues.
    if next.starts_with(char::is_lowercase) {
        return true;
    }
    let Some(before_dot) = trimmed.strip_suffix('.') else { return false };
    let tail = crate::text::tail(before_dot, MAX_TOKEN + 1);
    let token = match tail.rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“') {
        Some(p) => tail.get(p + 1..).unwrap_or(""),
        None if tail.len() == before_dot.len() => before_dot,
        None => "", // a token longer than any abbreviation
    };
    // A dot glued to a letter without case: UAX #29 keeps "U.S.A" and "e.g." whole by the case
    // of the letter after the dot, and cuts before any other. Where words are written without
    // spaces that dot is no sentence mark ("Response.によると", "1.中国": those end in 。), nor
    // is it in a word of several dots: an acronym or initials ("(سي.إن.إن ترك)", "जी.एम."), an
    // ellipsis ("증상...새로운"). A single dot between two words of a spaced script stays a cut
    // ("کرد.او": two sentences glued).
    if glued && next.starts_with(|c: char| crate::chars::is_alphabetic(c) && !c.is_uppercase()) {
        let dotted = next.bytes().take(MAX_TOKEN).take_while(|b| !b.is_ascii_whitespace()).any(|b| b == b'.');
        if lang.terms == Terms::Bigrams || dotted || token.contains('.') {
            return true;
        }
    }
    !token.is_empty() && continues_token(token, next, lang, kinds)
}

/// What a token before a dot says about the text after it, whatever that text is: decided once
/// per distinct token of a story ([`TokenKinds`]), then read with the word that follows.
#[derive(Clone, Copy, PartialEq, Debug)]
enum TokenKind {
    /// A real end ("said.", an ellipsis).
    Ends,
    /// Continues whatever follows (a title, "e.g.", a single initial).
    Continues,
    /// A number before a noun that takes an ordinal ("am 27. Januar").
    Ordinal,
    /// Continues only into a number ("No. 5", "Jan. 20").
    BeforeNumber,
    /// Continues unless a sentence starter follows (initials, abbreviations, a lone letter).
    UnlessStarter,
}

/// The [`TokenKind`]s of the tokens met before a dot, keyed by the token's text (a slice of the
/// story: no copy): a direct-mapped cache of [`KINDS`] slots, so a story that repeats a few
/// tokens ("Mr. Dr. Gen. St. ..." asked the word lists twice per dot) decides each about once,
/// in fixed memory. A token whose slot holds another is decided again.
struct TokenKinds<'t>([Option<(&'t str, TokenKind)>; KINDS]);

/// Slots of [`TokenKinds`].
const KINDS: usize = 64;

impl Default for TokenKinds<'_> {
    fn default() -> Self {
        TokenKinds([None; KINDS])
    }
}

/// [`continues_after`] for the token before the dot and the text after the piece (trimmed).
fn continues_token<'t>(token: &'t str, next: &str, lang: &Language, kinds: &mut TokenKinds<'t>) -> bool {
    let bytes = token.as_bytes();
    let hash = bytes.len()
        ^ bytes.first().map_or(0, |&b| usize::from(b) << 1)
        ^ bytes.last().map_or(0, |&b| usize::from(b) << 3);
    let kind = match kinds.0.get_mut(hash % KINDS) {
        Some(Some((known, kind))) if *known == token => *kind,
        Some(slot) => {
            let kind = token_kind(token, lang);
            *slot = Some((token, kind));
            kind
        }
        None => token_kind(token, lang),
    };
    match kind {
        TokenKind::Ends => false,
        TokenKind::Continues => true,
        TokenKind::Ordinal => lang.ordinal_nouns.contains(&case::lowercase(&next_word(next))),
        TokenKind::BeforeNumber => next.starts_with(|c: char| c.is_ascii_digit()),
        TokenKind::UnlessStarter => !next_is_starter(next, lang),
    }
}

/// The word at the start of `next` (no starter or listed noun is 32 characters long).
fn next_word(next: &str) -> String {
    next.chars().take_while(|&c| crate::chars::is_alphanumeric(c)).take(32).collect()
}

/// Whether `next` starts with a capitalised sentence starter of `lang` ("The", "But").
fn next_is_starter(next: &str, lang: &Language) -> bool {
    if !next.starts_with(char::is_uppercase) {
        return false;
    }
    // An ASCII word lower-cased on the stack: the same word as `next_word` when a byte that is
    // neither an ASCII letter or digit nor a byte of a non-ASCII character ends it.
    let bytes = next.as_bytes();
    let len = bytes.iter().take(33).position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len().min(33));
    if len <= 32 && bytes.get(len).is_none_or(u8::is_ascii) {
        let mut buf = [0u8; 32];
        if let (Some(to), Some(from)) = (buf.get_mut(..len), bytes.get(..len)) {
            to.copy_from_slice(from);
            to.make_ascii_lowercase();
            if let Ok(word) = std::str::from_utf8(to) {
                return lang.is_starter(word);
            }
        }
    }
    let word = next_word(next);
    word.starts_with(char::is_uppercase) && lang.is_starter(&case::lowercase(&word))
}

/// The [`TokenKind`] of `token`, the text before a dot, by `lang`'s titles, abbreviations and
/// initials.
fn token_kind(token: &str, lang: &Language) -> TokenKind {
    if token.is_empty() || token.ends_with('.') {
        return TokenKind::Ends; // an ellipsis or "..": a real end
    }
    let lower = case::lowercase(token);
    let lower: &str = &lower;
    let listed = |list: Words| list.contains(lower);
    if listed(lang.titles) {
        return TokenKind::Continues;
    }
    // "am 27. Januar": an ordinal before a noun that takes one.
    if !lang.ordinal_nouns.0.is_empty() && token.len() <= 4 && token.bytes().all(|b| b.is_ascii_digit()) {
        return TokenKind::Ordinal;
    }
    // Initials: "George W. Bush", "J.K. Rowling" (every dotted part one upper-case letter).
    if token.split('.').all(|p| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    }) {
        return if token.len() == 1 { TokenKind::Continues } else { TokenKind::UnlessStarter };
    }
    // Tamil initials, dotted together or not ("க", "என்.ஆர்", "யு.சி").
    if token.split('.').all(is_tamil_initial) {
        return TokenKind::Continues;
    }
    if listed(lang.before_numbers) {
        return TokenKind::BeforeNumber;
    }
    if lower == "e.g" || lower == "i.e" {
        return TokenKind::Continues;
    }
    // A lone lower-case letter is an abbreviation's part ("z. B.", "т. е.", "d. h.").
    let lone_letter = {
        let mut cs = lower.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_lowercase()) && token == lower
    };
    if lone_letter || listed(lang.abbreviations) {
        return TokenKind::UnlessStarter;
    }
    TokenKind::Ends
}

/// A Tamil initial: one letter with its vowel sign ("க", "ஜி", "மீ", "ஓ"), or the name of a Latin
/// letter written as a vowel and a bare consonant ("எல்" L, "என்" N, "ஆர்" R, "எம்" M, "எஸ்" S):
/// "மு.க. ஸ்டாலின்" (M. K. Stalin), "ஓ. பன்னீர்செல்வம்", "என். ஆர். காங்கிரஸ்". Tamil sentences end
/// in longer words (verbs, nouns with their case endings), so the dot after one continues.
fn is_tamil_initial(token: &str) -> bool {
    let letter = |c: char| matches!(c as u32, 0x0B85..=0x0BB9);
    let sign = |c: char| matches!(c as u32, 0x0BBE..=0x0BCD | 0x0BD7);
    let mut cs = token.chars();
    match (cs.next(), cs.next(), cs.next(), cs.next()) {
        (Some(a), None, _, _) => letter(a),
        (Some(a), Some(b), None, _) => letter(a) && sign(b),
        // A Latin letter's name: எ, a consonant and the virama (U+0BCD), or ஆர் (R). Not any vowel
        // and consonant: "ஆம்" (yes), "ஊர்" (town), "ஏன்" (why) end sentences.
        (Some(v), Some(c), Some('\u{0BCD}'), None) => (v == 'எ' && letter(c)) || (v == 'ஆ' && c == 'ர'),
        _ => false,
    }
}

/// True when `s` ends a sentence (terminal mark, maybe followed by closers).
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().chars().rev().find(|c| !is_closer(*c)).is_some_and(is_terminal)
}

#[cfg(test)]
mod tests;
