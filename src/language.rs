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
//! Detection (which code) is [`crate::detect`]'s; `detect` here gives that code's tables.

use crate::segment;
use crate::tables::{self, IdfTable};
use crate::text::Span;
use crate::words::Words;

mod openers;
use openers::{DE_OPENERS, EN_OPENERS, ES_OPENERS, FR_OPENERS, IT_OPENERS, NL_OPENERS, PT_OPENERS};

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
    /// Every cased word of fewer than three letters is a function word ("de", "la", "il"): the
    /// generated stop lists of cased languages leave such words out to spend their budget on
    /// longer ones ([`crate::tables::stopwords`]).
    short_function: bool,
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
    /// Capitalised nouns an ordinal number written with a dot stands before (German "am 27.
    /// Januar", "im 19. Jahrhundert", "zum 3. Mal"): the dot after the number ends no sentence.
    pub(crate) ordinal_nouns: Words,
    /// Capitalised words that open a new sentence after an abbreviation ("The", "Die"); empty:
    /// the stop words do.
    starters: Words,
    /// Whether the script has upper and lower case (capitals are evidence of names).
    pub cased: bool,
    /// Where every noun is capitalised (German), the articles that mark one ("die Preise"):
    /// a capital then says little about a name, an article before it says it is a noun.
    articles: Words,
    /// How words become terms.
    pub terms: Terms,
    /// No sentence punctuation (Thai, Lao, Khmer): spaces separate sentence-like units.
    pub spaced_sentences: bool,
    /// Some sites write the danda as "|" (Hindi, Marathi, Nepali, Bengali, Punjabi).
    pub pipe_danda: bool,
    /// Inflections merge under the English suffix-stripping key in keywords.
    pub english_inflections: bool,
    /// News in the language opens with hooks often enough ("Forget sit and lie down.") that
    /// the ranking discounts the first sentence (English, tuned on CNN/DM); elsewhere the
    /// first sentence weighs what its position says (BBC-style and wire news state the facts
    /// first). See `rank::FIRST`.
    pub hook_openers: bool,
    /// The ranking's weights were tuned on news in this language (English: coordinate ascent on
    /// CNN/DailyMail, `make eval-summaries`). Elsewhere `rank` adds what held on the dev third
    /// of ../shared/data/multilingual for every language at once: a discount for sentences
    /// longer than the story's mean (`rank::LONGER`).
    pub tuned: bool,
    /// Turkish and Azerbaijani: "I" lower-cases to "ı" and "İ" to "i", and a name's suffixes
    /// follow an apostrophe ("İstanbul'da" is a form of "istanbul").
    pub turkic: bool,
    /// The learned entity tagger (`entities::model`, trained on English news) reads it: English,
    /// and Nigerian Pidgin (English words and capitals). Other languages keep the entity rules
    /// alone (German capitalises every noun).
    pub tagger: bool,
}

impl Language {
    /// Whether the language has a stop list (stopwords-iso has none for some: Welsh, Tamil...).
    pub fn has_stopwords(&self) -> bool {
        !self.stopwords.0.is_empty()
    }

    pub fn is_stopword(&self, term: &str) -> bool {
        self.stopwords.contains(term)
    }

    /// A word that carries grammar, not content: a stop word; in a cased language whose stop
    /// list is generated, a word of one or two cased letters (the lists leave those out, see
    /// `scripts/tables/stopwords.py`); or in a language written without spaces a run of
    /// hiragana (particles and inflections).
    pub fn is_function_word(&self, term: &str) -> bool {
        self.is_stopword(term) || self.is_grammar_form(term)
    }

    /// A function word that is no stop word (see [`Language::is_function_word`]): a short cased
    /// word where the stop list leaves those out, or a run of hiragana. For a caller that has
    /// asked [`Language::is_stopword`] already.
    pub fn is_grammar_form(&self, term: &str) -> bool {
        (self.short_function && is_short_cased(term))
            || (self.terms == Terms::Bigrams && term.chars().all(|c| matches!(c as u32, 0x3040..=0x309F | 0x30FC)))
    }

    /// Whether every noun is capitalised (German): capitals are then weak evidence of a name.
    pub fn capitalises_nouns(&self) -> bool {
        !self.articles.0.is_empty()
    }

    /// Whether `term` (lower case) is an article that marks a capitalised noun (German).
    pub fn is_article(&self, term: &str) -> bool {
        self.articles.contains(term)
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
            // A short function word of two letters ("Le", "Il"); one letter may be an initial
            // or an abbreviation's part ("z. B.").
            self.stopwords.contains(word) || (self.short_function && is_short_cased(word) && word.chars().count() > 1)
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
        // The list's own copy of the code (a `&'static str`), found by one probe of its index.
        let code = code.trim();
        let found = crate::words::find(CODES.0, 0, code).filter(|_| !code.contains(' '));
        let Some(code) = found.and_then(|at| CODES.0.get(at..at + code.len())) else {
            return Language::plain("und");
        };
        let mut l = LANGUAGES.iter().find(|l| l.code == code).copied().unwrap_or(Language::plain(code));
        l.cased = CASED.contains(code);
        if !l.cased && l.titles.0.is_empty() {
            l.titles = CASELESS_TITLES;
        }
        if l.stopwords.0.is_empty() {
            l.stopwords = tables::stopwords(code);
            l.short_function = l.cased;
        }
        l.terms = if matches!(code, "zh" | "ja" | "th" | "lo" | "km" | "my") { Terms::Bigrams } else { Terms::Words };
        l.spaced_sentences = matches!(code, "th" | "lo" | "km");
        l.turkic = matches!(code, "tr" | "az");
        l.tagger = matches!(code, "en" | "pcm");
        l.pipe_danda = matches!(code, "hi" | "mr" | "ne" | "bn" | "pa");
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
            short_function: false,
            news_words: words![],
            openers: words![],
            titles: words![],
            abbreviations: words![],
            before_numbers: words![],
            ordinal_nouns: words![],
            starters: words![],
            cased: false,
            articles: words![],
            terms: Terms::Words,
            spaced_sentences: false,
            pipe_danda: false,
            english_inflections: false,
            hook_openers: false,
            tuned: false,
            turkic: false,
            tagger: false,
        }
    }
}

/// A word of fewer than three letters in a cased script ("de", "il"; not "中文", which has no
/// case and is no grammar word in a Latin-script story).
fn is_short_cased(term: &str) -> bool {
    let mut letters = 0;
    let mut cased = false;
    for c in term.chars().filter(|&c| crate::chars::is_alphabetic(c)) {
        letters += 1;
        cased |= c.is_lowercase() || c.is_uppercase();
        if letters >= 3 {
            return false;
        }
    }
    cased
}

/// Detects the language of a story from its paragraphs, before segmentation: the code
/// [`crate::detect`] reads from the raw text ("und" when there is too little), with its tables.
pub fn detect(text: &str, paragraphs: &[Span]) -> Language {
    Language::from_code(crate::detect::detect(text, paragraphs))
}

/// Codes lede knows: ISO 639-1, or ISO 639-3 where 639-1 has none ("pcm": Nigerian Pidgin).
/// The one list: every code detection returns is here (`detect::tests`), and
/// `options.language` accepts exactly these.
const CODES: Words = words![
    "af", "am", "ar", "az", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
    "et", "eu", "fa", "fi", "fr", "ga", "gd", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "ig", "is", "it",
    "ja", "ka", "kk", "km", "kn", "ko", "ku", "ky", "la", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "ne",
    "nl", "no", "om", "or", "pa", "pcm", "pl", "ps", "pt", "rn", "ro", "ru", "si", "sk", "sl", "so", "sq", "sr", "st",
    "sv", "sw", "ta", "te", "th", "ti", "tl", "tr", "uk", "ur", "uz", "vi", "yo", "zh", "zu",
];

/// Titles before a name in scripts without case, where the word after the dot cannot tell
/// them from a sentence's end: Hindi, Marathi and Nepali "डॉ." and "डा." (Dr.), Bengali "মি."
/// (Mr.), "ড." and "ডা." (Dr.), "মো." (Md.), Gujarati "ડૉ.", Punjabi "ਡਾ." (Dr.). Each script's
/// own letters: one list serves every such language.
const CASELESS_TITLES: Words = words!["डा", "डॉ", "ড", "ডা", "মি", "মিস", "মিসেস", "মো", "ਡਾ", "ડૉ"];

/// Codes whose scripts have letter case.
const CASED: Words = words![
    "af", "az", "be", "bg", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fi", "fr",
    "ga", "gd", "gl", "ha", "hr", "hu", "hy", "id", "ig", "is", "it", "kk", "ky", "la", "lt", "lv", "mk", "mn", "ms",
    "nl", "no", "om", "pcm", "pl", "pt", "rn", "ro", "ru", "sk", "sl", "so", "sq", "sr", "st", "sv", "sw", "tl", "tr",
    "uk", "uz", "vi", "yo", "zu",
];

/// Languages with rules of their own (abbreviations, openers); their stop words come from the
/// generated table unless given here. Every other known code gets its script's defaults.
const LANGUAGES: [Language; 19] = [
    Language {
        stopwords: EN,
        news_words: words!["according", "added", "mr", "mrs", "ms", "onto", "said", "says", "told", "via"],
        openers: EN_OPENERS,
        titles: segment::TITLES,
        abbreviations: segment::ABBREVIATIONS,
        before_numbers: segment::BEFORE_NUMBERS,
        starters: segment::STARTERS,
        english_inflections: true,
        hook_openers: true,
        tuned: true,
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
        articles: words!["das", "dem", "den", "der", "des", "die", "ein", "eine", "einem", "einen", "einer", "eines"],
        ordinal_nouns: words![
            "april",
            "august",
            "dezember",
            "februar",
            "jahrhundert",
            "jahrhunderts",
            "januar",
            "juli",
            "juni",
            "jänner",
            "mai",
            "mal",
            "märz",
            "november",
            "oktober",
            "september"
        ],
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
        titles: words!["dr", "ds", "gen", "inż", "ks", "mgr", "prof", "płk", "św"],
        abbreviations: words![
            "al", "godz", "im", "itd", "itp", "m.in", "mld", "mln", "np", "ok", "pl", "r", "tj", "tys", "tzn", "ul",
            "wg", "zob"
        ],
        before_numbers: words!["art", "nr", "par", "pkt", "ust"],
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
    Language {
        // Before a name or a place: "TP. HCM" (thành phố, city), "LS. Lê Công Định" (luật sư,
        // lawyer), "TS." (tiến sĩ, doctor), "GS." (giáo sư, professor), "BS." (bác sĩ)...
        titles: words!["bs", "gs", "ks", "ls", "pgs", "tp", "ts"],
        ..Language::plain("vi")
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
#[cfg(test)]
mod tests;
