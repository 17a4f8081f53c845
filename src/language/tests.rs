//! Tests of language detection and the per-language tables.

use super::*;

#[test]
fn tables_are_sorted_and_unique() {
    for l in LANGUAGES {
        for list in [
            l.stopwords,
            l.news_words,
            l.openers,
            l.titles,
            l.abbreviations,
            l.before_numbers,
            l.ordinal_nouns,
            l.starters,
        ] {
            list.check();
        }
        assert!(CODES.contains(l.code), "{}", l.code);
    }
    CODES.check();
    CASED.check();
    CASELESS_TITLES.check();
    assert!(CASED.iter().all(|c| CODES.contains(c)));
}

#[test]
fn detects_by_script_and_profiles() {
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
        ("", "und"),
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

#[test]
fn short_cased_words_are_function_words_where_the_list_is_generated() {
    // (code, word, function word): the generated lists leave out cased words under three
    // letters; English keeps its own list ("us" is listed, "uk" is not).
    let cases = [
        ("fr", "de", true),
        ("fr", "il", true),
        ("fr", "été", true),
        ("fr", "grève", false),
        ("lv", "u", true),
        ("lv", "中文", false),
        ("de", "eu", true),
        ("ar", "في", true),
        ("ar", "عن", true),
        ("en", "uk", false),
        ("en", "us", true),
    ];
    for (code, word, function) in cases {
        assert_eq!(Language::from_code(code).is_function_word(word), function, "{code}: {word}");
    }
    // One letter is no sentence starter (an initial, or "z. B."); two are ("Il", "Le").
    let fr = Language::from_code("fr");
    assert!(fr.is_starter("il") && !fr.is_starter("b"));
}
