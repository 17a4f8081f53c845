//! Which language a text is in, and that language's tables.
//!
//! In: the text of a story. Out: a [`Language`]: its code and everything a stage needs to know
//! about it, as properties rather than `code == ".."` branches: its stop words (generated from
//! stopwords-iso, [`crate::tables::stopwords`]), the abbreviations that do not end its sentences,
//! the words that open a sentence leaning on the one before, whether its script has letter
//! case, how its words are cut into terms (words, or character bigrams where words are not
//! separated by spaces) and how its sentences end (punctuation, or only spaces in Thai and Lao).
//! Every language goes through the same interface; a language without a table of its own gets
//! its script's defaults and no stop words.
//! Detection counts scripts first, then, among Latin-script languages, stop-word hits.

use crate::segment;
use crate::tables::{self, IdfTable};
use crate::text::Span;
use crate::words::Words;

/// How a language's text is cut into terms (the units TF-IDF and keywords count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terms {
    /// Words separated by spaces or punctuation (UAX #29 word bounds).
    Words,
    /// No spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): runs of
    /// ideographs or letters become overlapping character bigrams; a hiragana run is a term of
    /// its own (grammar), a katakana run too (a word).
    Bigrams,
}

/// A language and its tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code (ISO 639-3 where 639-1 has none: "pcm"); "und" when unknown.
    pub code: &'static str,
    /// Lower-case stop words (may be empty).
    stopwords: Words,
    /// Words of news prose the stop list lets through that never characterise a story
    /// (reporting verbs, honorifics): never keywords.
    news_words: Words,
    /// Sorted lower-case words that, opening a sentence, point back to the one before
    /// ("He", "But", "This"): such a sentence needs its antecedent in a summary.
    openers: Words,
    /// Abbreviations (lower case, without their final dot) that never end a sentence: titles
    /// before a name ("Mr.", "Dr.", "Mme.", "Sra.").
    pub(crate) titles: Words,
    /// Abbreviations that usually continue the sentence but may end one ("etc.", "usw.").
    pub(crate) abbreviations: Words,
    /// Abbreviations that continue the sentence only before a number ("No. 5", "Nr. 5").
    pub(crate) before_numbers: Words,
    /// Capitalised words that open a new sentence after an abbreviation ("The", "Die"); empty:
    /// the stop words do.
    starters: Words,
    /// Whether the script has upper and lower case (capitals are evidence of names).
    pub cased: bool,
    /// Whether every noun is capitalised (German): a capital then says little about a name.
    pub capitalises_nouns: bool,
    /// How words become terms.
    pub terms: Terms,
    /// No sentence punctuation (Thai, Lao, Khmer): spaces separate sentence-like units.
    pub spaced_sentences: bool,
    /// Inflections merge under the English suffix-stripping key in keywords.
    pub english_inflections: bool,
    /// Turkish and Azerbaijani: "I" lower-cases to "ı" and "İ" to "i", and a name's suffixes
    /// follow an apostrophe ("İstanbul'da" is a form of "istanbul").
    pub turkic: bool,
}

impl Language {
    pub fn is_stopword(&self, term: &str) -> bool {
        self.stopwords.contains(term)
    }

    /// A word that carries grammar, not content: a stop word, or in a language written
    /// without spaces a run of hiragana (particles and inflections).
    pub fn is_function_word(&self, term: &str) -> bool {
        self.is_stopword(term)
            || (self.terms == Terms::Bigrams && term.chars().all(|c| matches!(c as u32, 0x3040..=0x309F | 0x30FC)))
    }

    /// A word that is never a keyword though not a stop word ("said", "told").
    pub fn is_news_word(&self, term: &str) -> bool {
        self.news_words.contains(term)
    }

    /// Whether a sentence opening with `term` (lower case) leans on the sentence before it.
    pub fn is_dangling_opener(&self, term: &str) -> bool {
        self.openers.contains(term)
    }

    /// Whether `word` (lower case) usually opens a sentence when capitalised.
    pub fn is_starter(&self, word: &str) -> bool {
        if self.starters.0.is_empty() {
            self.stopwords.contains(word)
        } else {
            self.starters.contains(word)
        }
    }

    /// Background word frequencies for TF-IDF, when the language has a table.
    pub fn idf(&self) -> Option<&'static IdfTable> {
        tables::idf(self.code)
    }

    /// The language for a code: its tables, or its script's defaults when it has none. A
    /// code lede does not know is "und" (`known` tells them apart).
    pub fn from_code(code: &str) -> Language {
        let Some(code) = CODES.iter().find(|c| *c == code.trim()) else { return Language::plain("und") };
        let mut l = LANGUAGES.iter().find(|l| l.code == code).copied().unwrap_or(Language::plain(code));
        if l.stopwords.0.is_empty() {
            l.stopwords = tables::stopwords(code);
        }
        l.cased = CASED.contains(code);
        l.terms = if matches!(code, "zh" | "ja" | "th" | "lo" | "km" | "my") { Terms::Bigrams } else { Terms::Words };
        l.spaced_sentences = matches!(code, "th" | "lo" | "km");
        l.turkic = matches!(code, "tr" | "az");
        l
    }

    /// Whether lede knows the code (it has a [`Language`] other than "und").
    pub fn known(code: &str) -> bool {
        CODES.contains(code.trim())
    }

    const fn plain(code: &'static str) -> Language {
        Language {
            code,
            stopwords: words![],
            news_words: words![],
            openers: words![],
            titles: words![],
            abbreviations: words![],
            before_numbers: words![],
            starters: words![],
            cased: false,
            capitalises_nouns: false,
            terms: Terms::Words,
            spaced_sentences: false,
            english_inflections: false,
            turkic: false,
        }
    }
}

/// Latin-script languages told apart by their stop words (English first: it wins ties).
const BY_STOPWORDS: [&str; 7] = ["en", "fr", "de", "es", "it", "pt", "nl"];

/// The text detection looks at: the story's first paragraphs, about this many bytes.
const DETECT_BYTES: usize = 16_000;

/// The most of one paragraph detection segments: far more than its first 2000 words take, and
/// a bound, so that a text of one huge paragraph is not segmented once more in full.
const MAX_DETECT_PARAGRAPH: usize = 4 * DETECT_BYTES;

/// `span` cut to at most `max` bytes of `text`, on a char boundary.
fn clip(text: &str, span: Span, max: usize) -> Span {
    let mut end = span.end.min(span.start.saturating_add(max));
    while end > span.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end)
}

/// Detects the language of a story from its paragraphs (English when there is nothing to go
/// on). Runs before segmentation, which needs the language: it cuts the first paragraphs into
/// words on its own, language-neutral.
pub fn detect(text: &str, paragraphs: &[Span]) -> Language {
    let mut taken = 0;
    let head: Vec<Span> = paragraphs
        .iter()
        .take_while(|p| {
            let more = taken < DETECT_BYTES;
            taken += p.len();
            more
        })
        .map(|p| clip(text, *p, MAX_DETECT_PARAGRAPH))
        .collect();
    let doc = segment::segment(text, &head, &Language::plain("und"));
    let mut scripts = [0usize; Script::COUNT];
    for w in doc.words.iter().take(2000) {
        for c in w.span.of(text).chars() {
            scripts[script(c) as usize] += 1;
        }
    }
    let (best, count) = scripts.iter().enumerate().skip(1).max_by_key(|(_, n)| **n).unwrap_or((0, &0));
    if *count == 0 {
        return Language::from_code("en");
    }
    let by_script = match best {
        x if x == Script::Han as usize => {
            if scripts[Script::Kana as usize] * 10 > *count {
                "ja"
            } else {
                "zh"
            }
        }
        x if x == Script::Kana as usize => "ja",
        x if x == Script::Hangul as usize => "ko",
        x if x == Script::Thai as usize => "th",
        x if x == Script::Arabic as usize => "ar",
        x if x == Script::Cyrillic as usize => "ru",
        x if x == Script::Devanagari as usize => "hi",
        x if x == Script::Greek as usize => "el",
        x if x == Script::Hebrew as usize => "he",
        _ => "",
    };
    if !by_script.is_empty() {
        return Language::from_code(by_script);
    }
    // Latin script: the language whose stop words cover most of the words.
    // Term ids are dense, so a vector counts them (a `HashMap<u32, usize>` here cost 1.5 KB of
    // `.wasm`).
    let mut counts = vec![0usize; doc.vocab.len()];
    for w in doc.words.iter().take(2000) {
        if let Some(n) = counts.get_mut(w.term as usize) {
            *n += 1;
        }
    }
    // Each language's stop words are looked up in the story's vocabulary (a hash lookup per
    // stop word) rather than each distinct term in every list.
    let mut best = (0, "en");
    for code in BY_STOPWORDS {
        let hits: usize = Language::from_code(code)
            .stopwords
            .iter()
            .filter_map(|word| doc.vocab.id(word))
            .map(|id| counts.get(id as usize).copied().unwrap_or(0))
            .sum();
        if hits > best.0 {
            best = (hits, code);
        }
    }
    Language::from_code(best.1)
}

#[derive(Clone, Copy)]
enum Script {
    Other,
    Latin,
    Han,
    Kana,
    Hangul,
    Thai,
    Arabic,
    Cyrillic,
    Devanagari,
    Greek,
    Hebrew,
}

impl Script {
    const COUNT: usize = 11;
}

fn script(c: char) -> Script {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x3040..=0x30FF => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        _ => Script::Other,
    }
}

/// Codes lede knows: ISO 639-1, or ISO 639-3 where 639-1 has none ("pcm": Nigerian Pidgin).
const CODES: Words = words![
    "af", "am", "ar", "az", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
    "eu", "fa", "fi", "fr", "ga", "gd", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "ig", "is", "it", "ja",
    "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl",
    "no", "om", "pa", "pcm", "pl", "ps", "pt", "rn", "ro", "ru", "si", "sk", "sl", "so", "sq", "sr", "st", "sv", "sw",
    "ta", "te", "th", "ti", "tl", "tr", "uk", "ur", "uz", "vi", "yo", "zh", "zu",
];

/// Codes whose scripts have letter case.
const CASED: Words = words![
    "af", "az", "be", "bg", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fi", "fr",
    "ga", "gd", "gl", "ha", "hr", "hu", "hy", "id", "ig", "is", "it", "kk", "ky", "la", "lt", "lv", "mk", "mn", "ms",
    "nl", "no", "om", "pcm", "pl", "pt", "rn", "ro", "ru", "sk", "sl", "so", "sq", "sr", "st", "sv", "sw", "tl", "tr",
    "uk", "uz", "vi", "yo", "zu",
];

/// Languages with rules of their own (abbreviations, openers); their stop words come from the
/// generated table unless given here. Every other known code gets its script's defaults.
const LANGUAGES: [Language; 18] = [
    Language {
        stopwords: EN,
        news_words: words!["according", "added", "mr", "mrs", "ms", "onto", "said", "says", "told", "via"],
        openers: EN_OPENERS,
        titles: segment::TITLES,
        abbreviations: segment::ABBREVIATIONS,
        before_numbers: segment::BEFORE_NUMBERS,
        starters: segment::STARTERS,
        english_inflections: true,
        ..Language::plain("en")
    },
    Language {
        openers: FR_OPENERS,
        titles: words!["dr", "m", "me", "mgr", "mlle", "mm", "mme", "mmes", "pr", "st", "ste"],
        abbreviations: words!["av", "bd", "cf", "env", "etc", "p.ex", "éd"],
        before_numbers: words!["art", "no", "p", "vol"],
        ..Language::plain("fr")
    },
    Language {
        openers: DE_OPENERS,
        titles: words!["dr", "fr", "hr", "hrn", "prof", "st"],
        abbreviations: words![
            "bzw", "ca", "d.h", "etc", "evtl", "ggf", "inkl", "jh", "mio", "mrd", "u.a", "usw", "vgl", "z.b"
        ],
        before_numbers: words![
            "abs", "apr", "art", "aug", "bd", "dez", "feb", "jan", "jul", "jun", "mär", "nov", "nr", "okt", "s", "sep",
            "sept"
        ],
        capitalises_nouns: true,
        ..Language::plain("de")
    },
    Language {
        openers: ES_OPENERS,
        titles: words!["d", "dr", "dra", "dña", "ee", "ing", "lic", "prof", "sr", "sra", "srta", "sta", "sto"],
        abbreviations: words!["aprox", "ee.uu", "etc", "p.ej", "ud", "uds", "uu", "vs"],
        before_numbers: words!["art", "n", "no", "núm", "pág"],
        ..Language::plain("es")
    },
    Language {
        openers: IT_OPENERS,
        titles: words!["avv", "dott", "dott.ssa", "ing", "on", "prof", "sen", "sig", "sig.ra", "sigg"],
        abbreviations: words!["ca", "cfr", "ecc"],
        before_numbers: words!["art", "n", "pag"],
        ..Language::plain("it")
    },
    Language {
        openers: PT_OPENERS,
        titles: words!["d", "dr", "dra", "prof", "profa", "sr", "sra"],
        abbreviations: words!["etc", "ex", "p.ex"],
        before_numbers: words!["art", "n", "pág"],
        ..Language::plain("pt")
    },
    Language {
        openers: NL_OPENERS,
        titles: words!["dhr", "dr", "drs", "ir", "mevr", "mr", "prof", "st"],
        abbreviations: words!["bijv", "ca", "d.w.z", "enz", "m.a.w", "o.a"],
        before_numbers: words!["art", "nr"],
        ..Language::plain("nl")
    },
    Language {
        abbreviations: words![
            "г", "гг", "др", "им", "млн", "млрд", "пр", "руб", "см", "стр", "т.д", "т.е", "т.к", "т.п", "тыс", "ул"
        ],
        ..Language::plain("ru")
    },
    Language {
        abbreviations: words!["вул", "грн", "млн", "млрд", "р", "т.д", "т.зв", "тис", "ім"],
        ..Language::plain("uk")
    },
    Language {
        titles: words!["dr", "gen", "inż", "ks", "mgr", "prof", "płk", "św"],
        abbreviations: words![
            "al", "godz", "im", "itd", "itp", "m.in", "mld", "mln", "np", "ok", "pl", "r", "tj", "tys", "tzn", "ul",
            "wg", "zob"
        ],
        ..Language::plain("pl")
    },
    Language {
        titles: words!["av", "doç", "dr", "op", "prof", "sn", "yrd"],
        abbreviations: words!["bkz", "ms", "mö", "vb", "vs", "yy", "örn"],
        ..Language::plain("tr")
    },
    Language {
        titles: words!["bpk", "dr", "drs", "h", "hj", "ir", "kh", "ny", "prof", "sdr", "tn"],
        abbreviations: words!["dkk", "dll", "dsb", "s.d", "tsb", "yth"],
        ..Language::plain("id")
    },
    Language {
        titles: words!["dr", "hj", "ir", "prof", "tan", "tn"],
        abbreviations: words!["bhd", "dll", "dsb", "sdn"],
        ..Language::plain("ms")
    },
    Language {
        titles: words!["bc", "doc", "ing", "judr", "mgr", "mudr", "phdr", "prof", "sv"],
        abbreviations: words!["apod", "atd", "mil", "mj", "mld", "např", "resp", "tis", "tj", "tzv", "č"],
        ..Language::plain("cs")
    },
    Language {
        titles: words!["bc", "doc", "ing", "judr", "mgr", "mudr", "phdr", "prof", "sv"],
        abbreviations: words!["a.i", "atď", "mil", "mld", "napr", "resp", "tis", "tj", "tzv", "č"],
        ..Language::plain("sk")
    },
    Language {
        abbreviations: words!["bl.a", "ca", "dvs", "jfr", "kl", "m.m", "osv", "t.ex"],
        before_numbers: words!["nr"],
        ..Language::plain("sv")
    },
    Language {
        titles: words!["hr"],
        abbreviations: words!["bl.a", "ca", "f.eks", "kl", "osv"],
        before_numbers: words!["nr"],
        ..Language::plain("da")
    },
    Language {
        titles: words!["hr"],
        abbreviations: words!["bl.a", "ca", "f.eks", "kl", "osv"],
        before_numbers: words!["nr"],
        ..Language::plain("no")
    },
];

// Sorted (byte order): `tests::tables_are_sorted` checks it.
const EN: Words = words![
    "'d",
    "'ll",
    "'m",
    "'re",
    "'s",
    "'ve",
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "put",
    "rather",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seen",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];
// Dangling openers: pronouns, demonstratives and connectives that refer back (sorted).
const EN_OPENERS: Words = words![
    "also",
    "and",
    "another",
    "besides",
    "but",
    "furthermore",
    "he",
    "he's",
    "hence",
    "her",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "however",
    "instead",
    "it",
    "it's",
    "its",
    "itself",
    "meanwhile",
    "moreover",
    "nevertheless",
    "nonetheless",
    "or",
    "she",
    "she's",
    "so",
    "such",
    "that",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "therefore",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "thus",
    "too",
    "yet",
];
const FR_OPENERS: Words = words![
    "aussi",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "ces",
    "cet",
    "cette",
    "ceux",
    "donc",
    "elle",
    "elles",
    "en",
    "il",
    "ils",
    "leur",
    "leurs",
    "mais",
    "or",
    "pourtant",
    "puis",
    "sa",
    "ses",
    "son",
    "toutefois",
];
const DE_OPENERS: Words = words![
    "aber", "also", "auch", "dabei", "daher", "damit", "dann", "darum", "das", "dennoch", "deshalb", "diese", "diesem",
    "diesen", "dieser", "dieses", "doch", "er", "es", "ihr", "ihre", "jedoch", "sein", "seine", "sie", "trotzdem",
];
const ES_OPENERS: Words = words![
    "además", "aunque", "ella", "ellas", "ello", "ellos", "entonces", "esa", "esas", "ese", "eso", "esos", "esta",
    "estas", "este", "esto", "estos", "pero", "sin", "su", "sus", "también",
];
const IT_OPENERS: Words = words![
    "anche", "ciò", "così", "egli", "ella", "essa", "essi", "esso", "inoltre", "lei", "loro", "lui", "ma", "però",
    "quel", "quella", "quelle", "quelli", "quello", "questa", "queste", "questi", "questo", "sua", "sue", "suo",
    "suoi", "tuttavia",
];
const PT_OPENERS: Words = words![
    "além", "contudo", "ela", "elas", "ele", "eles", "entanto", "essa", "essas", "esse", "esses", "esta", "estas",
    "este", "estes", "isso", "isto", "mas", "porém", "seu", "seus", "sua", "suas", "também",
];
const NL_OPENERS: Words = words![
    "bovendien",
    "daardoor",
    "daarom",
    "dat",
    "deze",
    "die",
    "dit",
    "echter",
    "haar",
    "hij",
    "hun",
    "maar",
    "ook",
    "toch",
    "ze",
    "zij",
    "zijn",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        for l in LANGUAGES {
            for list in [l.stopwords, l.news_words, l.openers, l.titles, l.abbreviations, l.before_numbers, l.starters]
            {
                list.check();
            }
            assert!(CODES.contains(l.code), "{}", l.code);
        }
        CODES.check();
        CASED.check();
        assert!(CASED.iter().all(|c| CODES.contains(c)));
    }

    #[test]
    fn detects_by_script_and_stop_words() {
        let cases = [
            ("The minister said that the talks were over and that the deal was done.", "en"),
            ("Le ministre a dit que les discussions sont terminées et que la paix est signée.", "fr"),
            ("Der Minister sagte, dass die Gespräche beendet sind und der Vertrag steht.", "de"),
            ("El ministro dijo que las conversaciones terminaron y que el acuerdo está hecho.", "es"),
            ("Министр сказал, что переговоры окончены.", "ru"),
            ("外交部长表示会谈已经结束。", "zh"),
            ("外務大臣は会談が終わったと述べた。", "ja"),
            ("장관은 회담이 끝났다고 말했다.", "ko"),
            ("รัฐมนตรีกล่าวว่าการเจรจาสิ้นสุดลงแล้ว", "th"),
            ("قال الوزير إن المحادثات انتهت.", "ar"),
            ("", "en"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text, &[Span::new(0, text.len())]).code, want, "{text}");
        }
    }

    #[test]
    fn unknown_codes_are_undetermined_and_known_ones_keep_case_info() {
        assert_eq!(Language::from_code("xx").code, "und");
        assert!(Language::from_code("pl").cased);
        assert!(!Language::from_code("zh").cased);
        assert!(Language::from_code("en").is_stopword("the"));
        assert!(Language::known("pcm") && !Language::known("xx"));
    }

    #[test]
    fn every_language_carries_its_own_tables() {
        // (code, a stop word, a word that is not one, terms, cased)
        let cases = [
            ("de", "und", "regierung", Terms::Words, true),
            ("ar", "في", "الحكومة", Terms::Words, false),
            ("tr", "bir", "hükümet", Terms::Words, true),
            ("id", "yang", "pemerintah", Terms::Words, true),
            ("hi", "के", "सरकार", Terms::Words, false),
            ("zh", "的", "政府", Terms::Bigrams, false),
            ("ja", "これ", "政府", Terms::Bigrams, false),
            ("pcm", "", "government", Terms::Words, true),
        ];
        for (code, stop, content, terms, cased) in cases {
            let l = Language::from_code(code);
            assert_eq!(l.code, code);
            assert!(stop.is_empty() || l.is_stopword(stop), "{code}: {stop}");
            assert!(!l.is_stopword(content), "{code}: {content}");
            assert_eq!((l.terms, l.cased), (terms, cased), "{code}");
        }
        // English rules stay English: a German text does not learn "Mr." or English starters.
        assert!(Language::from_code("en").titles.contains("mr"));
        assert!(!Language::from_code("de").titles.contains("mr"));
        assert!(Language::from_code("de").is_starter("die") && !Language::from_code("en").is_starter("die"));
        assert!(Language::from_code("ja").is_function_word("について"));
        assert!(!Language::from_code("ja").is_function_word("政府"));
        assert!(Language::from_code("th").spaced_sentences);
    }
}
