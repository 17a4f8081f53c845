//! Lines a reader skips: photo captions, credits and shouted headings inside the story text.
//!
//! In: the segmented story and its language. Out: one flag per sentence, `true` for an aside.
//! Pasted text has no DOM to say "this is a `<figcaption>`", so captions are found by what they
//! look like: a position in brackets ("Depay (left) and Wijnaldum (right) celebrate"), the word
//! "pictured", a short label and a colon opening the line ("Accused: Taylor Lynn Fast, 21, …"),
//! a name after a comma pointing at a photo ("Pennie Davis, left, was killed"), or a short
//! name-dense line without an end mark between longer paragraphs. Credits are bylines and wire
//! headers ("By . Daily Mail Reporter", "PUBLISHED: 12:00", "Language: Arabic Article Type:BFN");
//! headings are lines shouted in capitals ("CLICK HERE", "WEEKLY NEWSQUIZ").
//!
//! Asides stay in the text and its offsets (the reader still sees them in the original); the
//! ranking does not choose them for the summary. Cost: one pass over each sentence's words.

use crate::case;
use crate::language::Language;
use crate::segment::Doc;
use crate::words::Words;

/// Words that point at a photo from inside brackets or after a comma: "(left)", ", right,".
const POSITIONS: Words =
    words!["above", "below", "bottom", "center", "centre", "inset", "left", "pictured", "right", "top"];

/// Verbs of saying that make "X said: …" speech rather than a caption label (English).
const SAYING: Words = words![
    "added",
    "adds",
    "admits",
    "admitted",
    "announced",
    "asked",
    "asks",
    "claimed",
    "claims",
    "commented",
    "continued",
    "continues",
    "declared",
    "explained",
    "explains",
    "insisted",
    "insists",
    "posted",
    "read",
    "reads",
    "replied",
    "revealed",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "tell",
    "tells",
    "told",
    "tweeted",
    "warned",
    "warns",
    "writes",
    "wrote"
];

/// Words that mark a byline or wire header at the start of a line.
const CREDIT_LABELS: Words = words!["PUBLISHED", "UPDATED"];

/// The last word of a short capitalised byline line ("Daily Mail Reporter").
const CREDIT_ROLES: Words = words!["Correspondent", "Editor", "Reporter", "Writer"];

/// One flag per sentence of `doc`: `true` when it is a caption, a credit or a shouted heading.
pub fn mark(text: &str, doc: &Doc, lang: &Language) -> Vec<bool> {
    let english = lang.code == "en";
    let mut out: Vec<bool> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sentence = s.span.of(text);
            // The story's first sentence is its lead even when it points at a photo ("An FBI
            // agent's rifle (similar to the one pictured) was stolen …").
            credit(sentence) || shouted(sentence) || (english && ((i > 0 && pointer(sentence)) || label(sentence)))
        })
        .collect();
    // A short name-dense line without an end mark, next to a longer paragraph: a caption or a
    // sub-heading set on its own line.
    for (p, para) in doc.paragraphs.iter().enumerate() {
        if para.sentences.len() != 1 {
            continue;
        }
        let i = para.sentences.start;
        let words = doc.sentence_words(i);
        let n = words.len();
        let line = para.span.of(text).trim_end();
        let ends = line.chars().last().is_some_and(|c| crate::text::is_terminal(c) || crate::text::is_closer(c));
        if n == 0 || n > 14 || ends {
            continue;
        }
        let names = words.iter().filter(|w| w.capitalized || w.all_caps).count();
        if names * 2 < n {
            continue;
        }
        let longer = |q: Option<&crate::segment::Paragraph>| {
            q.is_some_and(|q| q.sentences.clone().map(|j| doc.sentence_words(j).len()).sum::<usize>() >= 2 * n.max(5))
        };
        if p > 0 && (longer(doc.paragraphs.get(p - 1)) || longer(doc.paragraphs.get(p + 1))) {
            if let Some(flag) = out.get_mut(i) {
                *flag = true;
            }
        }
    }
    out
}

/// The words of `s` (letters, digits, apostrophes and hyphens inside): the runs of letters,
/// digits, `'`, `’` and `-`, trimmed to a letter or digit at both ends, empty ones left out
/// (what `s.split(|c| !(is_alphanumeric(c) || c == '\'' || c == '’' || c == '-'))` trimmed
/// gives). Found in the bytes: only a non-ASCII byte decodes its char. Every sentence of the
/// story goes through here, and std's splitter, calling the test for every char, was a sixth
/// of a 1 MB paste's time in WebAssembly.
fn tokens(s: &str) -> Tokens<'_> {
    Tokens { s, at: 0 }
}

/// The iterator of [`tokens`].
struct Tokens<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    /// Whether the char at byte `i` belongs to a token, and its length; `None` at the end.
    fn keeps(&self, i: usize) -> Option<(bool, usize)> {
        let b = *self.s.as_bytes().get(i)?;
        if b < 0x80 {
            return Some((b.is_ascii_alphanumeric() || b == b'\'' || b == b'-', 1));
        }
        let c = self.s.get(i..)?.chars().next()?;
        Some((crate::chars::is_alphanumeric(c) || c == '’', c.len_utf8()))
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        // An ASCII byte tested here, not in a call per byte (opt-level "z" keeps `keeps` a call).
        let ascii_keeps = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
        loop {
            let mut i = self.at;
            loop {
                match bytes.get(i) {
                    Some(&b) if b < 0x80 && !ascii_keeps(b) => i += 1,
                    Some(&b) if b >= 0x80 => match self.keeps(i) {
                        Some((false, n)) => i += n,
                        _ => break,
                    },
                    _ => break,
                }
            }
            let start = i;
            loop {
                match bytes.get(i) {
                    Some(&b) if b < 0x80 && ascii_keeps(b) => i += 1,
                    Some(&b) if b >= 0x80 => match self.keeps(i) {
                        Some((true, n)) => i += n,
                        _ => break,
                    },
                    _ => break,
                }
            }
            self.at = i;
            let run = self.s.get(start..i)?;
            if run.is_empty() {
                return None;
            }
            let bytes = run.as_bytes();
            let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
            let word = if plain(bytes.first()) && plain(bytes.last()) {
                run
            } else {
                run.trim_matches(|c: char| !crate::chars::is_alphanumeric(c))
            };
            if !word.is_empty() {
                return Some(word);
            }
        }
    }
}

/// A position pointer: "(left)", "(pictured right)", "(second left)", "Pennie Davis, left, was",
/// or the word "pictured".
fn pointer(s: &str) -> bool {
    // A word that lower-cases to "pictured" is those eight ASCII letters in any case (no other
    // character lower-cases to an ASCII letter but the Kelvin sign, to "k"): compared in place,
    // no lower-casing of every word of a long sentence; and only in a sentence that holds those
    // eight bytes at all, found without cutting it into words.
    let pictured = s.as_bytes().windows(8).any(|w| w.eq_ignore_ascii_case(b"pictured"));
    if pictured && tokens(s).any(|w| w.eq_ignore_ascii_case("pictured")) {
        return true;
    }
    // Brackets holding a position among at most five words.
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(')') else { break };
        let inner = after.get(..close).unwrap_or("");
        let words: Vec<&str> = tokens(inner).collect();
        let ends = words.first().is_some_and(|w| is_position(w)) || words.last().is_some_and(|w| is_position(w));
        if close <= 40 && words.len() <= 5 && ends && words.first() != Some(&"and") {
            return true;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    // ", left," or ", right and" after a capitalised word.
    let mut rest = s;
    while let Some(comma) = rest.find(", ") {
        let before = rest.get(..comma).unwrap_or("");
        let after = rest.get(comma + 2..).unwrap_or("");
        let word_end = after.find(|c: char| !crate::chars::is_alphabetic(c)).unwrap_or(after.len());
        let word = after.get(..word_end).unwrap_or("");
        let next = after.get(word_end..).unwrap_or("");
        if word.chars().all(|c| c.is_lowercase())
            && is_position(word)
            && (next.starts_with(',') || next.starts_with(" and "))
            && before.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return true;
        }
        rest = after;
    }
    false
}

fn is_position(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase()) && POSITIONS.contains(word)
}

/// A short label and a colon opening the sentence: "Accused: Taylor Lynn Fast, 21, …",
/// "On the back foot: Barack Obama …", "Pictured: …". Not speech ("He said: 'Yes.'"), not a
/// time ("10:30") and not a label that runs on for more than five words.
fn label(s: &str) -> bool {
    let s = s.trim_start_matches(['\'', '"', '‘', '“']);
    let Some(colon) = crate::text::head(s, 64).find(':') else { return false };
    let (head, tail) = (s.get(..colon).unwrap_or(""), s.get(colon + 1..).unwrap_or(""));
    if !head.starts_with(char::is_uppercase) || head.chars().any(|c| c.is_ascii_digit() || c == '"' || c == '“') {
        return false;
    }
    let words: Vec<&str> = tokens(head).collect();
    let mut lower = String::new();
    let speech = words.iter().any(|w| {
        lower.clear();
        lower.extend(w.chars().flat_map(case::lower));
        SAYING.contains(&lower)
    });
    let body = tail.trim_start();
    let opens = tail.starts_with(char::is_whitespace)
        && body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '\'' | '"' | '‘' | '“'));
    (1..=5).contains(&words.len()) && !speech && opens && tokens(body).take(3).count() >= 3
}

/// A byline or wire header: "By . Daily Mail Reporter .", "PUBLISHED: . 12:00 EST",
/// "Language: Arabic Article Type:BFN".
fn credit(s: &str) -> bool {
    // Every rule below reads at most the first 12 words or needs at most 8: 13 tell them all
    // (a long sentence is not read to its end).
    // On the stack: every sentence of the story comes here (a vector collected from the
    // tokens grew three times per sentence).
    let mut first = [""; 13];
    let mut n = 0;
    for (slot, w) in first.iter_mut().zip(tokens(s)) {
        *slot = w;
        n += 1;
    }
    let words = first.get(..n).unwrap_or(&[]);
    let byline = s.starts_with("By ")
        && words.len() <= 8
        && words.iter().skip(1).all(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "and" || *w == "for");
    let role = words.len() <= 5
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.last().is_some_and(|w| CREDIT_ROLES.contains(w));
    // A short line of capitalised words and numbers only: a byline or a date ("12:04 EST, 2
    // March 2014").
    let fragment = !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    byline
        || role
        || fragment
        || words.iter().take(12).any(|w| CREDIT_LABELS.contains(w))
        || (s.starts_with("Language:") && s.contains("Article Type"))
}

/// A line shouted in capitals: at least two all-capital words of two or more letters, and
/// they are most of its words ("CLICK HERE", "WEEKLY NEWSQUIZ: …").
fn shouted(s: &str) -> bool {
    let (caps, total) = ascii_capitals(s).unwrap_or_else(|| capitals(s));
    caps >= 2 && caps * 3 >= total * 2
}

/// For [`shouted`]: how many of the tokens of `s` are all-capital words of two or more letters,
/// and how many tokens have a letter at all.
fn capitals(s: &str) -> (usize, usize) {
    let (mut caps, mut total) = (0usize, 0usize);
    for w in tokens(s) {
        let letters = w.chars().filter(|&c| crate::chars::is_alphabetic(c)).count();
        if letters == 0 {
            continue;
        }
        total += 1;
        if letters >= 2
            && w.chars().all(|c| !crate::chars::is_alphabetic(c) || c.is_uppercase())
            && w.chars().any(char::is_uppercase)
        {
            caps += 1;
        }
    }
    (caps, total)
}

/// [`capitals`] of an ASCII `s` in one pass over its bytes, no token cut out (every sentence of
/// the story is read to its end here); `None` at the first other byte. A run of letters, digits,
/// `'` and `-` is a token, and its letters are the run's letters (trimming a token drops only `'`
/// and `-`).
fn ascii_capitals(s: &str) -> Option<(usize, usize)> {
    let (mut caps, mut total, mut letters, mut lower) = (0usize, 0usize, 0usize, false);
    // A space after the end closes the last run.
    for &b in s.as_bytes().iter().chain(b" ") {
        if b.is_ascii_alphabetic() {
            letters += 1;
            lower |= b.is_ascii_lowercase();
        } else if b >= 0x80 {
            return None;
        } else if !(b.is_ascii_digit() || b == b'\'' || b == b'-') && letters > 0 {
            total += 1;
            caps += usize::from(letters >= 2 && !lower);
            (letters, lower) = (0, false);
        }
    }
    Some((caps, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::text::Span;

    #[test]
    fn tokens_are_std_split_trimmed() {
        let std = |s: &str| -> Vec<String> {
            s.split(|c: char| !(crate::chars::is_alphanumeric(c) || c == '\'' || c == '’' || c == '-'))
                .map(|w| w.trim_matches(|c: char| !crate::chars::is_alphanumeric(c)))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for s in [
            "",
            " - ' ’ -- ",
            "Depay (left) and PSV team-mate Georginio Wijnaldum's 'goal' -- 'n' rock’n’roll.",
            "'-a-' ’b’ -’- x'’-y 12:04 EST, 2 March 2014 .",
            "Élite café – «Zürich» naïve—Ⅻ ٣٤ 東京タワー ‘quoted’ e\u{301}",
            "a\u{0} b\t\nc\u{85}d\u{a0}e",
        ] {
            assert_eq!(tokens(s).map(str::to_owned).collect::<Vec<_>>(), std(s), "{s:?}");
        }
        let pieces = ["a", "Z", "0", "'", "’", "-", " ", ".", "é", "東", "\u{301}", "—", "٣", "("];
        let mut seed = 3u32;
        for _ in 0..20_000 {
            let s: String = (0..crate::hash::xorshift32(&mut seed) % 14)
                .map(|_| pieces[crate::hash::xorshift32(&mut seed) as usize % pieces.len()])
                .collect();
            assert_eq!(tokens(&s).map(str::to_owned).collect::<Vec<_>>(), std(&s), "{s:?}");
        }
    }

    #[test]
    fn ascii_capitals_counts_what_the_tokens_count() {
        // Random ASCII strings over the bytes that matter (letters of both cases, digits, the
        // token joiners, separators), and a non-ASCII one.
        let alphabet = b"AaBZz09'-- .,:(\t";
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            let s: String = (0..len)
                .map(|k| char::from(alphabet[((seed >> (k * 2 % 60)) as usize + k) % alphabet.len()]))
                .collect();
            assert_eq!(ascii_capitals(&s), Some(capitals(&s)), "{s:?}");
        }
        for s in ["CLICK HERE", "WEEKLY NEWSQUIZ: the A-B O'NEIL 12-B x", "'-' -- U.S. AB-cd", ""] {
            assert_eq!(ascii_capitals(s), Some(capitals(s)), "{s:?}");
        }
        assert_eq!(ascii_capitals("CAFÉ NOIR"), None);
    }

    #[test]
    fn lists_are_sorted() {
        POSITIONS.check();
        SAYING.check();
        CREDIT_LABELS.check();
        CREDIT_ROLES.check();
    }

    fn asides(text: &str) -> Vec<bool> {
        let paragraphs: Vec<Span> = crate::body::lines(text).iter().map(|b| b.span).collect();
        let en = Language::from_code("en");
        let doc = segment(text, &paragraphs, &en);
        mark(text, &doc, &en)
    }

    #[test]
    fn sentences_that_are_asides() {
        let cases: &[(&str, bool)] = &[
            // captions
            ("Depay (left) and PSV team-mate Georginio Wijnaldum (right) celebrate the goal.", true),
            ("Accused: Taylor Lynn Fast, 21, was arrested on Friday.", true),
            // The label is found when a two-byte "é" straddles the 64-byte window's end.
            ("Accused: Taylor Lynn Fast, 21, was arrested on Friday in a new élite club in town.", true),
            ("On the back foot: Barack Obama phrased his actions as an attempt.", true),
            ("Murder: Pennie Davis, left, was killed by a homeless petty crook.", true),
            ("Kathleen Bailey, right, was given a suspended sentence.", true),
            ("The woman's body was found at the club on the River Trent (pictured).", true),
            ("Ali pictured with Liverpool star Raheem Sterling at Anfield.", true),
            ("Pictured (from left): Becky Harris and Mr Lee with son Phoenix.", true),
            // credits and headings
            ("By . Daily Mail Reporter .", true),
            ("PUBLISHED: . 12:04 EST, 2 March 2014 .", true),
            ("Language: Arabic Article Type:BFN [Text] The minister arrived today.", true),
            ("CLICK HERE TO READ MORE", true),
            ("WEEKLY NEWSQUIZ: How well did you follow the news?", true),
            // prose
            ("He said: 'I would rather move than touch these trees.'", false),
            ("Mrs Robinson told the court: 'It was never mine.'", false),
            ("The council met at 10:30 on Monday to discuss the plan.", false),
            ("He turned left at the junction and drove on for a mile.", false),
            ("The right, he argued, had lost its way.", false),
            ("The FBI and the CIA said they were working with NATO.", false),
            ("It is a story about the left (and the right) of British politics today.", false),
            ("The party's candidate (a right-wing lawyer) won the seat.", false),
        ];
        for (text, want) in cases {
            // After a lead: the story's first sentence may point at a photo and stay its lead.
            let story = format!("The story opens with its lead sentence here.\n{text}");
            let got = asides(&story);
            assert!(got.len() >= 2 && !got[0] && got[1..].iter().all(|g| g == want), "{text}: {got:?}");
        }
    }

    #[test]
    fn the_lead_may_point_at_a_photo() {
        let text = "An FBI agent's sniper rifle (similar to the one pictured) was stolen from his car. \
            Police said the rifle (pictured) had not been found.";
        assert_eq!(asides(text), vec![false, true]);
    }

    #[test]
    fn a_short_name_line_between_paragraphs() {
        let text = "The minister arrived in Paris on Monday for two days of talks with her French counterpart.\n\n\
            Foreign Minister Anna Schmidt in Paris\n\n\
            The talks were expected to cover trade, energy and the war in Ukraine, officials said.";
        assert_eq!(asides(text), vec![false, true, false]);
    }

    #[test]
    fn other_languages_keep_their_colons() {
        let text = "Er sagte: Wir werden die Steuern nicht erhöhen.";
        let de = Language::from_code("de");
        let doc = segment(text, &[Span::new(0, text.len())], &de);
        assert_eq!(mark(text, &doc, &de), vec![false]);
    }
}
