//! Tests of sentence and word segmentation.

use super::*;

#[test]
fn word_lists_are_sorted() {
    for list in [TITLES, ABBREVIATIONS, BEFORE_NUMBERS, STARTERS] {
        list.check();
    }
}

#[test]
fn vocab_ids_terms_in_first_use_order() {
    // 5,000 distinct terms (the slots grow several times), each interned again later: ids in
    // the order of first use, the same id every time, and absent terms have none.
    let mut vocab = Vocab::default();
    let terms: Vec<String> = (0..5_000u32)
        .map(|i| format!("{}{}", ["w", "é", "", "long term "][i as usize % 4], i * 7919 % 10_007))
        .collect();
    for (i, t) in terms.iter().enumerate() {
        assert_eq!(vocab.intern(t), i as u32, "{t}");
    }
    assert_eq!(vocab.intern(""), 5_000);
    for (i, t) in terms.iter().enumerate().rev() {
        assert_eq!(vocab.intern(t), i as u32);
        assert_eq!(vocab.id(t), Some(i as u32));
        assert_eq!(vocab.term(i as u32), t);
    }
    assert_eq!(vocab.len(), 5_001);
    assert_eq!(vocab.id("w10008"), None);
    assert_eq!(Vocab::default().id("w"), None);
}

fn split(text: &str) -> Vec<&str> {
    split_in("en", text)
}

fn split_in<'a>(code: &str, text: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    sentences(text, Span::new(0, text.len()), &Language::from_code(code), &mut out);
    out.into_iter().map(|s| s.of(text)).collect()
}

macro_rules! sentence_cases {
    ($($name:ident: $text:expr => [$($want:expr),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(split($text), vec![$($want),*]);
        }
    )*};
}

sentence_cases! {
    plain: "One thing. Another thing! A third?" => ["One thing.", "Another thing!", "A third?"];
    titles: "Mr. Smith met Dr. Jones. They talked." => ["Mr. Smith met Dr. Jones.", "They talked."];
    us_inside: "U.S. Secretary of State Antony Blinken spoke." => ["U.S. Secretary of State Antony Blinken spoke."];
    us_at_end: "He moved to the U.S. The next day he left." => ["He moved to the U.S.", "The next day he left."];
    initials: "George W. Bush and J.K. Rowling met." => ["George W. Bush and J.K. Rowling met."];
    decimals_and_times: "It rose 3.5 percent by 5 p.m. on Friday. Then it fell." => ["It rose 3.5 percent by 5 p.m. on Friday.", "Then it fell."];
    numbers: "He was ranked No. 5 in Jan. 2020 and No. 1 later." => ["He was ranked No. 5 in Jan. 2020 and No. 1 later."];
    quotes: "\"We will win,\" he said. Next came more." => ["\"We will win,\" he said.", "Next came more."];
    quote_end: "\"It is over.\" She left." => ["\"It is over.\"", "She left."];
    glued: "He thanked Francis.Mehmet replied later." => ["He thanked Francis.", "Mehmet replied later."];
    url_not_glued: "See www.example.com/News for more. Done." => ["See www.example.com/News for more.", "Done."];
    lines_are_bounds: "Headline without stop\nBody sentence one. Two." => ["Headline without stop", "Body sentence one.", "Two."];
    eg: "Some fruit, e.g. Apples, are red. Yes." => ["Some fruit, e.g. Apples, are red.", "Yes."];
    inc: "Apple Inc. said profits rose. Shares fell." => ["Apple Inc. said profits rose.", "Shares fell."];
    ellipsis: "Wait... What happened? Nothing." => ["Wait...", "What happened?", "Nothing."];
    punctuation_only: "... ...\nReal text." => ["Real text."];
}

// News text: titles, abbreviations, initials, numbers, quotes and brackets.
sentence_cases! {
    more_titles: "Mrs. Smith met Gov. Jerry Brown and Sen. John McCain. Gen. David Petraeus agreed." => ["Mrs. Smith met Gov. Jerry Brown and Sen. John McCain.", "Gen. David Petraeus agreed."];
    saint_street: "He lives on St. James Street. It is quiet." => ["He lives on St. James Street.", "It is quiet."];
    un_uk: "The U.N. Security Council met and the U.K. abstained. Talks resumed at the U.N. The vote failed." => ["The U.N. Security Council met and the U.K. abstained.", "Talks resumed at the U.N.", "The vote failed."];
    companies: "It was sold by Acme Corp. and Foo Ltd. on Monday. Shares rose." => ["It was sold by Acme Corp. and Foo Ltd. on Monday.", "Shares rose."];
    etc_at_end: "They sold apples, pears, etc. The shop closed." => ["They sold apples, pears, etc.", "The shop closed."];
    ie: "The rule, i.e. No smoking, applies. Fines follow." => ["The rule, i.e. No smoking, applies.", "Fines follow."];
    months: "The vote is on Jan. 5 and the count on Feb. 12. Results follow in Dec. 2024." => ["The vote is on Jan. 5 and the count on Feb. 12.", "Results follow in Dec. 2024."];
    spaced_initials: "J. R. R. Tolkien wrote it. Fans loved it." => ["J. R. R. Tolkien wrote it.", "Fans loved it."];
    time_before_name: "It starts at 5 p.m. Tuesday in Paris. The police will be there at 6 a.m. The roads close." => ["It starts at 5 p.m. Tuesday in Paris.", "The police will be there at 6 a.m.", "The roads close."];
    money_and_decimals: "Profits rose 76% to $1.13bn (£600m) from 3.5 times. Sales fell." => ["Profits rose 76% to $1.13bn (£600m) from 3.5 times.", "Sales fell."];
    ellipsis_inside: "He paused... then went on. Nobody spoke." => ["He paused... then went on.", "Nobody spoke."];
    url_and_email: "Visit https://example.com/a.b?c=d or write to john.smith@example.com. We reply." => ["Visit https://example.com/a.b?c=d or write to john.smith@example.com.", "We reply."];
    question_in_quote: "\"Is it over?\" she asked. Nobody answered." => ["\"Is it over?\" she asked.", "Nobody answered."];
    exclamation_in_quote: "\"Stop!\" he shouted at the driver. The car stopped." => ["\"Stop!\" he shouted at the driver.", "The car stopped."];
    comma_quote_said: "\"We will win,\" the coach said. \"Absolutely.\" Fans cheered." => ["\"We will win,\" the coach said.", "\"Absolutely.\"", "Fans cheered."];
    curly_quotes: "“We are ready.” The minister left." => ["“We are ready.”", "The minister left."];
    bracket_sentence: "The firm declined to comment. (It has done so before.) The case continues." => ["The firm declined to comment.", "(It has done so before.)", "The case continues."];
    paragraph_break: "First paragraph ends here\n\nSecond starts. Goes on." => ["First paragraph ends here", "Second starts.", "Goes on."];
}

// Regression: one case per bug found on real pages; never remove.
sentence_cases! {
    glued_after_quote: "he said.\"Next\" came." => ["he said.", "\"Next\" came."];
    glued_scraped_text: "It ended with Pope Francis.Mehmet Ali Agca laid flowers." => ["It ended with Pope Francis.", "Mehmet Ali Agca laid flowers."];
    cnndm_byline_fragments: "By . Associated Press . PUBLISHED: . 14:11 EST, 5 June 2013 . A man was held." => ["By .", "Associated Press .", "PUBLISHED: .", "14:11 EST, 5 June 2013 .", "A man was held."];
    cnn_dateline: "(CNN) -- Marco Rubio is all in. He announced it." => ["Marco Rubio is all in.", "He announced it."];
    dateline_cnn_glued: "(CNN)Share, and your gift will be multiplied. That may sound odd." => ["Share, and your gift will be multiplied.", "That may sound odd."];
    dateline_wire: "WASHINGTON (Reuters) - The Senate passed the bill. It now goes to the House." => ["The Senate passed the bill.", "It now goes to the House."];
    dateline_place_date: "LONDON, March 5 (AP) — Prices rose again." => ["Prices rose again."];
        dateline_titled_place: "Obock, Djibouti (CNN) Amina Ali Qassim is sitting. She cries." => ["Amina Ali Qassim is sitting.", "She cries."];
        not_a_dateline_titled: "The World Health Organization (WHO) Director spoke. Then he left." => ["The World Health Organization (WHO) Director spoke.", "Then he left."];
    not_a_dateline: "(Some text in brackets) comes first. The World Health Organization (WHO) said so." => ["(Some text in brackets) comes first.", "The World Health Organization (WHO) said so."];
    no_one_not_number: "It was No. 1 in the U.S. No one knew why." => ["It was No. 1 in the U.S.", "No one knew why."];
}

/// Sentences per script and per language: (language, text, the sentences it must give).
#[test]
fn sentences_per_language() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "zh",
            "外交部长表示会谈已经结束。双方将于明年再次会面！这是真的吗？",
            &["外交部长表示会谈已经结束。", "双方将于明年再次会面！", "这是真的吗？"],
        ),
        ("zh", "他说：“我们会赢。我们很强。”比赛明天开始。", &["他说：“我们会赢。我们很强。”", "比赛明天开始。"]),
        (
            "ja",
            "部隊は「これは奇跡だ。全員が出た」と報告した。少年たちは無事だった。",
            &["部隊は「これは奇跡だ。全員が出た」と報告した。", "少年たちは無事だった。"],
        ),
        ("ja", "「一つ。二つ。三つ。四つ。」終わり。", &["「一つ。二つ。三つ。", "四つ。」", "終わり。"]),
        // A quotation's particle follows it unspaced: the sentence goes on.
        (
            "ko",
            "김 씨는 \"정말 좋았다.\"라고 말했다. \"Yahoo!\"라고 쓰인 아이콘을 클릭하세요. 그는 \"없습니다.\"시험은 내일이다.",
            &["김 씨는 \"정말 좋았다.\"라고 말했다.", "\"Yahoo!\"라고 쓰인 아이콘을 클릭하세요.", "그는 \"없습니다.\"", "시험은 내일이다."],
        ),
        ("my", "ဒီနေ့မနက်မှာပြုလုပ်ခဲ့တယ်။ ပါတီက ဖွဲ့စည်းသွားမယ်။", &["ဒီနေ့မနက်မှာပြုလုပ်ခဲ့တယ်။", "ပါတီက ဖွဲ့စည်းသွားမယ်။"]),
        ("am", "መንግስት አዲስ ህግ አወጣ። ህጉ ነገ ይጀምራል፧ አዎ።", &["መንግስት አዲስ ህግ አወጣ።", "ህጉ ነገ ይጀምራል፧", "አዎ።"]),
        ("ar", "هل انتهت المحادثات؟ قال الوزير إنها انتهت.", &["هل انتهت المحادثات؟", "قال الوزير إنها انتهت."]),
        (
            "ur",
            "وزیر نے کہا کہ بات چیت ختم ہو گئی۔ اگلا دور جلد ہوگا۔",
            &["وزیر نے کہا کہ بات چیت ختم ہو گئی۔", "اگلا دور جلد ہوگا۔"],
        ),
        (
            "hi",
            "सरकार ने नया कानून बनाया। यह कल से लागू होगा॥ सब खुश हैं।",
            &["सरकार ने नया कानून बनाया।", "यह कल से लागू होगा॥", "सब खुश हैं।"],
        ),
        (
            "de",
            "Er kaufte z. B. Äpfel, Birnen usw. und ging. Dr. Müller kam um 5 Uhr. Das war Nr. 5 der Liste.",
            &["Er kaufte z. B. Äpfel, Birnen usw. und ging.", "Dr. Müller kam um 5 Uhr.", "Das war Nr. 5 der Liste."],
        ),
        ("de", "Er kaufte Obst usw. Die Händler freuten sich.", &["Er kaufte Obst usw.", "Die Händler freuten sich."]),
        (
            "fr",
            "M. Dupont et Mme Martin sont arrivés. Ils ont parlé.",
            &["M. Dupont et Mme Martin sont arrivés.", "Ils ont parlé."],
        ),
        (
            "es",
            "La Sra. García viajó a EE. UU. El viaje fue largo.",
            &["La Sra. García viajó a EE. UU.", "El viaje fue largo."],
        ),
        (
            "ru",
            "Это было в 2020 г. в Москве, т. е. давно. Потом всё изменилось.",
            &["Это было в 2020 г. в Москве, т. е. давно.", "Потом всё изменилось."],
        ),
        // An ordinal before a noun that takes one continues; a number ending a sentence does not.
        (
            "de",
            "Er kam am 27. Januar zurück. Im 19. Jahrhundert war das anders. Die Zahl stieg auf 30. Dann fiel sie.",
            &[
                "Er kam am 27. Januar zurück.",
                "Im 19. Jahrhundert war das anders.",
                "Die Zahl stieg auf 30.",
                "Dann fiel sie.",
            ],
        ),
        // Titles in a script without case: "মি." (Mr.) does not end the sentence, "।" does.
        ("bn", "মি. ট্রাম্প কোনো প্রমাণ দেননি। ড. ইউনূস কথা বলেছেন।", &["মি. ট্রাম্প কোনো প্রমাণ দেননি।", "ড. ইউনূস কথা বলেছেন।"]),
        // Devanagari "डॉ." and "डा." (Dr.) are titles too; the danda still ends the sentence.
        ("hi", "डॉ. शर्मा ने कहा। डा. राव आए।", &["डॉ. शर्मा ने कहा।", "डा. राव आए।"]),
        // Vietnamese titles before a name or a place: "LS." (lawyer), "TP." (city).
        (
            "vi",
            "Bài viết của LS. Định đã được đăng. Anh ấy sống ở TP. HCM. Tôi đồng ý.",
            &["Bài viết của LS. Định đã được đăng.", "Anh ấy sống ở TP. HCM.", "Tôi đồng ý."],
        ),
        // Tamil initials (a letter and its vowel sign; a Latin letter's name, dotted together or
        // not) continue the sentence; a longer word before the dot ends it.
        (
            "ta",
            "திமுக உறுப்பினர் க. பொன்முடி பேசினார். துணை முதல்வர் ஓ. பன்னீர்செல்வம் வந்தார். என்.ஆர். காங்கிரஸ் வென்றது. இவ்வாறு அவர் பேசினார். அவர் சென்றார்.",
            &[
                "திமுக உறுப்பினர் க. பொன்முடி பேசினார்.",
                "துணை முதல்வர் ஓ. பன்னீர்செல்வம் வந்தார்.",
                "என்.ஆர். காங்கிரஸ் வென்றது.",
                "இவ்வாறு அவர் பேசினார்.",
                "அவர் சென்றார்.",
            ],
        ),
        // A word of a vowel and a bare consonant that names no Latin letter ends its sentence:
        // "ஆம்." (yes), "ஊர்." (town); "எம்.பி." (M.P.) continues.
        (
            "ta",
            "அவர் வருவாரா என்று கேட்டார். ஆம். அவர் சொந்த ஊர். எம்.பி. வந்தார்.",
            &["அவர் வருவாரா என்று கேட்டார்.", "ஆம்.", "அவர் சொந்த ஊர்.", "எம்.பி. வந்தார்."],
        ),
        // A dot glued to a letter without case ends no sentence inside a dotted acronym, nor
        // where words are written without spaces; between two words of a spaced script it does.
        (
            "ar",
            "وقال إردوغان في مقابلة مع قناة (سي.إن.إن ترك) إنه سيأمر الجيش. وأضاف أن الأمر قريب.",
            &["وقال إردوغان في مقابلة مع قناة (سي.إن.إن ترك) إنه سيأمر الجيش.", "وأضاف أن الأمر قريب."],
        ),
        ("fa", "او اعتماد او را جلب کرد.او خیلی زود رفت.", &["او اعتماد او را جلب کرد.", "او خیلی زود رفت."]),
        ("zh", "1.中国军机进入空域。2.英国签证生效。", &["1.中国军机进入空域。", "2.英国签证生效。"]),
        ("ja", "Response.によると、電車は脱線した。", &["Response.によると、電車は脱線した。"]),
        // Polish "par." (paragraph) before a number and "ds." ("do spraw", for) before a noun
        // continue the sentence.
        (
            "pl",
            "Grzywna wynosi 360 stawek (art. 33 par. 1). Orzeka Sąd ds. Rynku. Wyrok zapadł.",
            &["Grzywna wynosi 360 stawek (art. 33 par. 1).", "Orzeka Sąd ds. Rynku.", "Wyrok zapadł."],
        ),
        // English abbreviations stay English: "Mr." is no title in German text.
        ("de", "Er traf Mr. Brown.", &["Er traf Mr.", "Brown."]),
    ];
    for (code, text, want) in cases {
        assert_eq!(split_in(code, text), *want, "{code}: {text}");
    }
}

#[test]
fn thai_splits_at_spaces_into_sentence_like_units() {
    let text =
        "วัตถุดิบที่ดีต่อสุขภาพไม่ได้แพงไปเสียทุกอย่าง จริงๆ แล้ววัตถุดิบที่ดีต่อสุขภาพหลายอย่างราคาถูกเสียด้วยซ้ำ นึกถึงอาหารแต่ละหมวดหมู่ที่คุณต้องซื้อ";
    let got = split_in("th", text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""));
    assert!(got.iter().all(|s| s.chars().count() >= 20), "{got:?}");
}

#[test]
fn right_to_left_offsets_are_logical() {
    let text = "قال الوزير. انتهت المحادثات.";
    let mut spans = Vec::new();
    sentences(text, Span::new(0, text.len()), &Language::from_code("ar"), &mut spans);
    assert_eq!(spans.len(), 2);
    let map = crate::text::Utf16Map::new(text);
    let second: Vec<u16> = text.encode_utf16().collect();
    let (a, b) = (map.utf16(spans[1].start), map.utf16(spans[1].end));
    assert_eq!(String::from_utf16(&second[a..b]).unwrap(), "انتهت المحادثات.");
}

/// Terms per script: (language, text, the terms of its words).
#[test]
fn terms_per_script() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("zh", "外交部长表示", &["外交", "交部", "部长", "长表", "表示"]),
        ("zh", "会谈，在 2024 年", &["会谈", "在", "2024", "年"]),
        ("ja", "洞窟から少年たちが出た", &["洞窟", "から", "少年", "たちが", "出", "た"]),
        ("ja", "タイ海軍のダイバー", &["タイ", "海軍", "の", "ダイバー"]),
        ("en", "Trump's NATO plan", &["trump", "nato", "plan"]),
        ("tr", "İstanbul'da IŞIK Ankara’nın", &["istanbul", "ışık", "ankara"]),
    ];
    for (code, text, want) in cases {
        let doc = segment(text, &[Span::new(0, text.len())], &Language::from_code(code));
        let got: Vec<&str> = doc.words.iter().map(|w| doc.vocab.term(w.term)).collect();
        assert_eq!(got, *want, "{code}: {text}");
    }
}

#[test]
fn words_keep_possessives_and_drop_punctuation() {
    let text = "Trump's NATO-Russia plan, 3.5% \"done\".";
    let ws: Vec<&str> = words(text, Span::new(0, text.len())).map(|s| s.of(text)).collect();
    assert_eq!(ws, ["Trump's", "NATO", "Russia", "plan", "3.5", "done"]);
}

#[test]
fn normalize_lowercases_and_strips_possessive() {
    let mut out = String::new();
    for (word, want) in [("Trump's", "trump"), ("NATO’s", "nato"), ("'s", "'s"), ("Éclair", "éclair")] {
        normalize(word, &mut out);
        assert_eq!(out, want);
    }
}

#[test]
fn segment_builds_paragraphs_sentences_and_words() {
    let text = "First one. Second one.\n\nThird.";
    let doc = segment(text, &[Span::new(0, 22), Span::new(24, 30)], &Language::from_code("en"));
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(doc.sentences.len(), 3);
    assert_eq!(doc.sentences[2].paragraph, 1);
    assert_eq!(doc.words.len(), 5);
    assert!(doc.words[0].initial && doc.words[0].capitalized);
    assert_eq!(doc.words[1].term, doc.words[3].term); // "one"
}

#[test]
fn unmarked_sentence_starts_are_cut() {
    let cut = |code: &str, text: &str| -> Vec<String> {
        let doc = segment(text, &[Span::new(0, text.len())], &Language::from_code(code));
        doc.sentences.iter().map(|s| s.span.of(text).to_owned()).collect()
    };
    // A heading glued to its paragraph: a capitalised function word after a content word,
    // lower-case words after it, written lower-case elsewhere in the story.
    let text = "Un calendrier serré Une circulaire fixe la date. Elle ouvre une période de débats.";
    assert_eq!(
        cut("fr", text),
        ["Un calendrier serré", "Une circulaire fixe la date.", "Elle ouvre une période de débats."]
    );
    // A name starts with the function word: a capitalised word follows ("Le Parisien").
    let text = "Il a parlé au journal Le Parisien hier. Le juge a dit non.";
    assert_eq!(cut("fr", text).len(), 2);
    // Capitalised after a content word more than once: a name the story repeats, no sentence
    // start ("Chính phủ", the government, of Vietnamese; "chính" alone is "main").
    let text = "Thanh tra Chính phủ công bố. Báo cáo của Thanh tra Chính phủ nói rõ. Đây là vấn đề chính.";
    assert_eq!(cut("vi", text).len(), 3);
    // Without a stop list (Welsh), the words of more than a quarter of the sentences stand in.
    let text = "Roedd y tîm yn barod. Roedd y dorf yn fawr. Roedd y gêm yn dda. Roedd y sgôr yn uchel. \
                Ond roedd y bws yn hwyr. Llun o'r cae gwlyb Roedd y dyfarnwr yn hapus.";
    let got = cut("cy", text);
    assert_eq!(got.len(), 7);
    assert_eq!(got[5], "Llun o'r cae gwlyb");
    // Never in English, whose splitter the ranking was tuned with.
    let text = "A tight schedule The circular sets the date. It opens the debate.";
    assert_eq!(cut("en", text).len(), 2);
    // A tone mark written as a combining diacritic (Yoruba "ṣẹlẹ̀": ẹ and U+0300) has no case:
    // the word is still lower-case.
    let text = "Ìròyìn náà ṣẹlẹ\u{300} Àwọn ọmọ lọ sí ilé. Wọ́n rí àwọn olùkọ́.";
    assert_eq!(cut("yo", text), ["Ìròyìn náà ṣẹlẹ\u{300}", "Àwọn ọmọ lọ sí ilé.", "Wọ́n rí àwọn olùkọ́."]);
}

#[test]
fn dash_datelines_open_the_story_only() {
    let cut = |code: &str, text: &str, paragraphs: &[Span]| -> Vec<String> {
        let doc = segment(text, paragraphs, &Language::from_code(code));
        doc.sentences.iter().map(|s| s.span.of(text).to_owned()).collect()
    };
    let whole = |text: &str| [Span::new(0, text.len())];
    // IndoSum's sources: a place, a source or a site, a dash, then the story.
    for (text, first) in [
        ("Jakarta, CNN Indonesia -- DJ Zedd tiba di Bali. Dia senang.", "DJ Zedd tiba di Bali."),
        ("JUARA.NET - Turnamen dimulai hari ini.", "Turnamen dimulai hari ini."),
        ("Jakarta (ANTARA News) - LG membuat sistem baru.", "LG membuat sistem baru."),
        ("SUKABUMI – Warga memadati alun-alun.", "Warga memadati alun-alun."),
    ] {
        assert_eq!(cut("id", text, &whole(text))[0], first, "{text}");
    }
    // Not a dateline: a lower-case word before the dash, a sentence after it that is not
    // capitalised, a headline in capitals (a slug stays with it), English.
    for (code, text) in [
        ("id", "Harga naik - Pemerintah diam."),
        ("id", "SPANYOL - skor 3-0."),
        ("id", "SEPAK BOLA - JEPANG MENANG TIPIS."),
        ("id", "KRIKET - PAKISTAN 229-1 V INGGRIS - ditutup."),
        ("id", "OPSI -- Volume opsi EOE - ditutup."),
        ("en", "LONDON - Prices rose again."),
    ] {
        assert_eq!(cut(code, text, &whole(text)), [text], "{text}");
    }
    // Only the story's first paragraph: later ones are results tables, lists ("Team - scorer").
    let text = "Jakarta - Liga dimulai.\nPersib Bandung - Ezechiel (32).";
    let paragraphs = [Span::new(0, 23), Span::new(24, text.len())];
    assert_eq!(cut("id", text, &paragraphs), ["Liga dimulai.", "Persib Bandung - Ezechiel (32)."]);
}

#[test]
fn lines_are_cut_as_split_inclusive_cuts_them() {
    for s in [
        "",
        "a",
        "\n",
        "a\nb",
        "a\r\nb\r\n",
        "\n\n\r",
        "one\u{2028}two\u{2029}three",
        "\u{2028}",
        "é\u{2027}\u{202A}x\n",
        "日本\n語\u{2029}",
        "trailing text without a break",
    ] {
        let want: Vec<&str> = s.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}']).collect();
        assert_eq!(lines_inclusive(s).collect::<Vec<_>>(), want, "{s:?}");
    }
}

#[test]
fn one_piece_is_what_uax29_says() {
    // Lines from random strings over the characters the rules tell apart (letters of both
    // cases, digits, marks, closers, blanks, continuers, line breaks, non-ASCII ones): every
    // line `one_piece` passes is one UAX #29 piece (or none, when empty).
    let alphabet = [
        "a", "B", "7", ".", "!", "?", " ", "\t", "\u{b}", "\"", "'", "(", ")", "]", "}", ",", ":", ";", "-", "\n",
        "\r", "é", "\u{85}", "。", "<", "\u{a0}", "\u{2028}", "\u{2029}", "\u{a9}",
    ];
    let mut state = 0x2545_f491_u32;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize % n
    };
    let mut passed = 0;
    for _ in 0..200_000 {
        let s: String = (0..next(12)).map(|_| alphabet.get(next(alphabet.len())).copied().unwrap_or("")).collect();
        for line in lines_inclusive(&s).filter(|l| one_piece(l)) {
            assert!(line.split_sentence_bound_indices().count() <= 1, "{line:?}");
            passed += 1;
        }
    }
    assert!(passed > 100_000, "{passed}");
    for line in
        ["He left.\n", "Why?\" ", "Done!!) \n", "no mark at all\r", "", "a\t\u{a0}b\u{2028}", "Yes.\u{a0}\u{2029}"]
    {
        assert!(one_piece(line), "{line:?}");
    }
    for line in ["He left. She came.", "Well... yes", "He left. )", "Café.", "U.S. and U.K.", "3.5"] {
        assert!(!one_piece(line), "{line:?}");
    }
}

// U+0085 NEXT LINE ends a UAX #29 piece but no line here: pieces of blanks alone come between the
// sentence and what follows, and the merge rules still read through them (split_line skips each
// blank once; trimming at every piece was quadratic).
sentence_cases! {
    next_line_then_lower: "He paused.\u{85} \u{85} \u{85} and went on. Done." => ["He paused.\u{85} \u{85} \u{85} and went on.", "Done."];
    next_line_after_title: "They met Mr.\u{85} \u{85} Smith there. Done." => ["They met Mr.\u{85} \u{85} Smith there.", "Done."];
    next_line_between_sentences: "It rained.\u{85} \u{85} The end." => ["It rained.", "The end."];
}

/// [`words`] reads an ASCII span with the crate's ASCII iterator: it must cut exactly where the
/// general UAX #29 iterator (which any other span takes) cuts. Random ASCII strings over the
/// bytes that have rules of their own (letters, digits, `_`, `.`, `'`, `:`, `,`, `;`, quotes,
/// spaces, tabs, CR, LF, VT, FF) and some that have none, plus every printable byte and control.
#[test]
fn ascii_words_are_uax29_words() {
    let general = |s: &str| -> Vec<(usize, usize)> {
        s.split_word_bound_indices().filter(|(_, w)| has_alphanumeric(w)).map(|(i, w)| (i, i + w.len())).collect()
    };
    let fast = |s: &str| -> Vec<(usize, usize)> { words(s, Span::new(0, s.len())).map(|w| (w.start, w.end)).collect() };
    let mut seed = 0x2545_f491;
    let pieces: &[&[u8]] = &[
        b"a",
        b"Z",
        b"q",
        b"7",
        b"0",
        b"_",
        b".",
        b"'",
        b":",
        b",",
        b";",
        b"\"",
        b" ",
        b"  ",
        b"\t",
        b"\r",
        b"\n",
        b"\r\n",
        b"\x0b",
        b"\x0c",
        b"-",
        b"/",
        b"$",
        b"%",
        b"!",
        b"?",
        b"(",
        b")",
        b"e.g.",
        b"3.14",
        b"1,000",
        b"can't",
        b"http://x.y",
        b"a_b",
        b"\x00",
        b"\x7f",
        b"~",
        "\u{a0}".as_bytes(),
        "\u{a0}\u{a0}".as_bytes(),
    ];
    for round in 0..20_000 {
        let len = 1 + crate::hash::xorshift32(&mut seed) as usize % 24;
        let mut bytes = Vec::new();
        for _ in 0..len {
            let r = crate::hash::xorshift32(&mut seed) as usize;
            if round % 4 == 0 {
                bytes.push((r % 128) as u8);
            } else if let Some(piece) = pieces.get(r % pieces.len()) {
                bytes.extend_from_slice(piece);
            }
        }
        let s = String::from_utf8(bytes).unwrap_or_default();
        assert_eq!(fast(&s), general(&s), "{s:?}");
    }
    // A span inside a longer text keeps its offsets; a non-ASCII span takes the general path.
    let text = "Él dijo: \"can't stop\" 3.14";
    let span = Span::new(text.find('"').unwrap_or(0), text.len());
    let got: Vec<&str> = words(text, span).map(|w| w.of(text)).collect();
    assert_eq!(got, ["can't", "stop", "3.14"]);
    assert_eq!(
        words(text, Span::new(0, text.len())).map(|w| w.of(text)).collect::<Vec<_>>(),
        ["Él", "dijo", "can't", "stop", "3.14"]
    );
}

// A heading or caption glued to its paragraph with no mark, outside English: a capitalised word
// glued to a word that opens in lower case. Camel-case names stay whole, and English (whose pages
// quote code: "uploadReq") is not cut there.
#[test]
fn capitalised_word_glued_to_a_word_starts_a_sentence() {
    let fr = |t| split_in("fr", t);
    assert_eq!(
        fr("Un dispositif allégé en cas de galettes d'hydrocarburesUn dispositif allégé est maintenu."),
        ["Un dispositif allégé en cas de galettes d'hydrocarbures", "Un dispositif allégé est maintenu."]
    );
    assert_eq!(
        fr("Une habitante a prévenu la policeMais cette version est contestée."),
        ["Une habitante a prévenu la police", "Mais cette version est contestée."]
    );
    let names = "Regardez sur YouTube ou l'app iPhone, dit diCaprio aux fans de laPena et PlayStation.";
    assert_eq!(fr(names), [names]);
    let code = "Call remoteStorage with withCredentials set.";
    assert_eq!(split(code), [code]);
}

// `may_glue` (a byte test) and `may_camel` are what `glued_cuts` asks of an ASCII sentence before
// reading it char by char: one must hold wherever that reading cuts.
#[test]
fn may_glue_holds_wherever_a_glued_sentence_is_cut() {
    let alphabet =
        ["a", "b", "Z", "M", ".", "!", "?", "\"", "'", ")", "]", "}", "(", " ", "e.g.", "Mr.", "said.", "7", "@", "/"];
    let mut seed = 0x2545_f491;
    let mut cut = 0;
    for _ in 0..100_000 {
        let len = 1 + crate::hash::xorshift32(&mut seed) as usize % 16;
        let s: String = (0..len)
            .map(|_| alphabet.get(crate::hash::xorshift32(&mut seed) as usize % alphabet.len()).copied().unwrap_or(""))
            .collect();
        if !glued_scan(&s, Vec::new(), true).is_empty() {
            assert!(may_glue(s.as_bytes()) || may_camel(&s), "{s:?}");
            cut += 1;
        }
    }
    assert!(cut > 1_000, "{cut}");
    assert!(!may_glue(b"Mr. Dr. Gen. St."));
    assert!(may_glue(b"Francis.Mehmet") && may_glue(b"said.\")Next"));
}

#[test]
fn ascii_pieces_are_uax29s() {
    // Random ASCII strings over the classes the rules tell apart, and random bytes: the same
    // pieces as the crate's iterator, line breaks anywhere.
    let alphabet = [
        "a", "z", "B", "Q", "7", "0", ".", "!", "?", " ", "  ", "\t", "\u{b}", "\u{c}", "\"", "'", "(", ")", "[", "]",
        "{", "}", ",", "-", ":", ";", "\n", "\r", "\r\n", "/", "$", "_", "@", "<", "\u{1}", "\u{7f}", "Mr.", "U.S.",
        "e.g. ", "3.5", "...",
    ];
    let mut seed = 0x2545_f491;
    for round in 0..200_000 {
        let len = 1 + crate::hash::xorshift32(&mut seed) as usize % 16;
        let s: String = (0..len)
            .map(|_| {
                let r = crate::hash::xorshift32(&mut seed) as usize;
                if round % 4 == 0 {
                    char::from((r % 128) as u8).to_string()
                } else {
                    alphabet.get(r % alphabet.len()).copied().unwrap_or("").to_owned()
                }
            })
            .collect();
        let want: Vec<(usize, usize)> = s.split_sentence_bound_indices().map(|(i, p)| (i, i + p.len())).collect();
        let got: Vec<(usize, usize)> = AsciiPieces { bytes: s.as_bytes(), pos: 0 }.collect();
        assert_eq!(got, want, "{s:?}");
    }
    assert_eq!(pieces("Mr. Dr. Gen. St. ").count(), 4);
    assert_eq!(pieces("Él dijo. Sí.").collect::<Vec<_>>(), [(0, 10), (10, 14)]);
}
