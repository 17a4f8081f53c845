//! Which language a text is in, and that language's word lists.
//!
//! In: the words of a story. Out: a [`Language`]: its ISO 639-1 code, its stop words and how
//! its script behaves (spaces between words, letter case). Every language goes through the same
//! interface; a language without its own table gets the script's defaults and no stop words.
//! Detection (which code) is [`crate::detect`]'s; every code it returns is in [`CODES`].

use crate::tables::{self, IdfTable};
use crate::words::Words;

/// A language and its tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 primary subtag (ISO 639-1, or ISO 639-3 where 639-1 has none: "pcm"); "und"
    /// when unknown.
    pub code: &'static str,
    /// Lower-case stop words (may be empty).
    stopwords: Words,
    /// Sorted lower-case words that, opening a sentence, point back to the one before
    /// ("He", "But", "This"): such a sentence needs its antecedent in a summary.
    openers: Words,
    /// Whether the script has upper and lower case (capitals are evidence of names).
    pub cased: bool,
}

impl Language {
    pub fn is_stopword(&self, term: &str) -> bool {
        self.stopwords.contains(term)
    }

    /// Whether a sentence opening with `term` (lower case) leans on the sentence before it.
    pub fn is_dangling_opener(&self, term: &str) -> bool {
        self.openers.contains(term)
    }

    /// Background word frequencies for TF-IDF, when the language has a table.
    pub fn idf(&self) -> Option<&'static IdfTable> {
        tables::idf(self.code)
    }

    /// The language for an ISO 639-1 code; codes without tables get an uncased, list-less entry
    /// unless their script is known to be cased.
    pub fn from_code(code: &str) -> Language {
        if let Some(l) = LANGUAGES.iter().find(|l| l.code == code) {
            return *l;
        }
        let code = CODES.iter().find(|c| *c == code).unwrap_or("und");
        Language { code, stopwords: words![], openers: words![], cased: CASED.contains(code) }
    }
}

/// The codes lede knows (BCP 47 primary subtags: ISO 639-1, or ISO 639-3 where 639-1 has none),
/// with or without tables of their own: detection's results and what `options.language` accepts.
const CODES: Words = words![
    "af", "am", "ar", "az", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
    "et", "eu", "fa", "fi", "fr", "ga", "gd", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "ig", "is", "it",
    "ja", "ka", "kk", "km", "kn", "ko", "ky", "la", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl",
    "no", "om", "or", "pa", "pcm", "pl", "ps", "pt", "rn", "ro", "ru", "si", "sk", "sl", "so", "sq", "sr", "st", "sv",
    "sw", "ta", "te", "th", "ti", "tl", "tr", "uk", "ur", "uz", "vi", "yo", "zh", "zu",
];

/// Codes whose scripts have letter case.
const CASED: Words = words![
    "af", "az", "be", "bg", "br", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fi", "fr",
    "ga", "gd", "gl", "ha", "hr", "hu", "hy", "id", "ig", "is", "it", "kk", "ky", "la", "lt", "lv", "mk", "mn", "ms",
    "nl", "no", "om", "pcm", "pl", "pt", "rn", "ro", "ru", "sk", "sl", "so", "sq", "sr", "st", "sv", "sw", "tl", "tr",
    "uk", "uz", "vi", "yo", "zu",
];

const LANGUAGES: [Language; 7] = [
    Language { code: "en", stopwords: EN, openers: EN_OPENERS, cased: true },
    Language { code: "fr", stopwords: FR, openers: FR_OPENERS, cased: true },
    Language { code: "de", stopwords: DE, openers: DE_OPENERS, cased: true },
    Language { code: "es", stopwords: ES, openers: ES_OPENERS, cased: true },
    Language { code: "it", stopwords: IT, openers: IT_OPENERS, cased: true },
    Language { code: "pt", stopwords: PT, openers: PT_OPENERS, cased: true },
    Language { code: "nl", stopwords: NL, openers: NL_OPENERS, cased: true },
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
const FR: Words = words![
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "ils", "je",
    "la", "le", "les", "leur", "lui", "mais", "nous", "on", "ont", "ou", "par", "pas", "plus", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous", "été", "être",
];
const DE: Words = words![
    "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein", "eine", "einem", "einen",
    "einer", "er", "es", "für", "hat", "ich", "ist", "mit", "nach", "nicht", "noch", "sich", "sie", "sind", "und",
    "von", "vor", "war", "werden", "wie", "wird", "wurde", "zu", "zum", "zur", "über",
];
const ES: Words = words![
    "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "ha", "la", "las", "le", "lo", "los", "más",
    "no", "para", "pero", "por", "que", "se", "su", "sus", "un", "una", "y", "ya", "él",
];
const IT: Words = words![
    "al", "alla", "che", "con", "da", "dei", "del", "della", "di", "e", "gli", "il", "in", "la", "le", "nel", "nella",
    "non", "per", "più", "si", "sono", "su", "un", "una", "è",
];
const PT: Words = words![
    "ao", "as", "com", "da", "das", "de", "do", "dos", "e", "em", "foi", "mais", "na", "nas", "no", "nos", "não", "o",
    "os", "para", "pela", "pelo", "por", "que", "se", "um", "uma", "à", "é",
];
const NL: Words = words![
    "aan", "als", "bij", "dat", "de", "die", "een", "en", "er", "het", "hij", "in", "is", "met", "niet", "of", "om",
    "ook", "op", "te", "van", "voor", "was", "wat", "werd", "zijn",
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
            l.stopwords.check();
            l.openers.check();
        }
        CODES.check();
        CASED.check();
        assert!(CASED.iter().all(|c| CODES.contains(c)));
    }

    #[test]
    fn unknown_codes_are_undetermined_and_known_ones_keep_case_info() {
        assert_eq!(Language::from_code("xx").code, "und");
        assert!(Language::from_code("pl").cased);
        assert!(!Language::from_code("zh").cased);
        assert!(Language::from_code("en").is_stopword("the"));
    }
}
