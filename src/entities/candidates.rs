//! Candidate names: runs of capitalised words where a capital is evidence, trimmed and split.
//!
//! In: a sentence's words. Out: [`Candidate`]s keyed by their lower-case name, each with its
//! mentions and the votes of the cues around them ([`cues`](super::cues)).
//!
//! A run joins capitalised words across hyphens, dotted abbreviations ("U.S.") and inner
//! connectors ("Secretary of State", "al-Baghdadi"). [`Finder::collect`] then trims words whose
//! capital is no evidence (sentence-initial, written in lower case elsewhere, stop words),
//! trailing connectors and counting words ("World No 2"), splits "Ryan Christie of Inverness" in
//! two and titles off the name ("U.S. Secretary of State Antony Blinken"), and
//! [`Finder::add`] drops what names nothing (calendar words, page labels, a lone "Hospital").

use crate::case;
use crate::hash::FxMap;
use std::cell::Cell;
use std::ops::Range;

use super::cues::{self, Mention};
use super::lexicon::{
    List, CALENDAR, CONNECTORS, NOT_ACRONYMS, NOT_NAMES, NOT_NAME_PHRASES, OFFICES, OPENERS, ORG_WORDS, PLACE_WORDS,
};
use super::prior::listed;
use super::{gazetteer, Kind, Votes};
use crate::language::Language;
use crate::segment::{self, Doc, Word};
use crate::text::Span;

/// One name as the story uses it: its written forms, mentions and the votes for its kind.
#[derive(Default)]
pub(super) struct Candidate {
    /// Each written form ("Trump", "TRUMP") and how often it occurs.
    pub forms: FxMap<String, usize>,
    pub mentions: Vec<Span>,
    /// Evidence for each kind, indexed by [`Kind::ALL`] order.
    pub votes: Votes,
    /// The sentence of the first mention.
    pub first: usize,
    /// Words in the name.
    pub tokens: usize,
    /// A single word in capitals ("NATO").
    pub all_caps: bool,
    /// Some word of the name is also written in lower case in the story ("Flight", "People").
    pub common: bool,
    /// Found by the learned tagger ([`model`](super::model)): its votes are the model's, and
    /// the prior adds none.
    pub learned: bool,
}

/// Adds `n` uses of the written form `form` to `forms` (entered, with 0, even when `n` is 0),
/// copying the form only the first time it is seen.
pub(super) fn count_form(forms: &mut FxMap<String, usize>, form: &str, n: usize) {
    match forms.get_mut(form) {
        Some(count) => *count += n,
        None => {
            forms.insert(form.to_owned(), n);
        }
    }
}

/// How each term is written across the story: evidence for or against capitals.
pub(super) struct Evidence {
    /// Capitalised, not first in its sentence, not in a shouted line.
    mid_capital: Vec<u32>,
    /// Written in lower case.
    lower: Vec<u32>,
    /// Right after an article ("die Preise"), in a language that capitalises its nouns: a noun.
    after_article: Vec<u32>,
    /// Which gazetteers list the term ([`Evidence::listed`]), plus [`LOOKED_UP`] once looked up:
    /// the rules and the tagger ask of the same terms again and again.
    listed: Vec<Cell<u8>>,
    /// Which word lists hold the term ([`Evidence::has`]): per [`List`], a bit once asked and a
    /// bit for the answer.
    lists: Vec<Cell<u32>>,
}

/// [`Evidence::listed`]'s bits: the term is a place, an organisation, a given name, a team town.
const LISTED_PLACE: u8 = 1;
const LISTED_ORGANIZATION: u8 = 2;
const LISTED_GIVEN_NAME: u8 = 4;
/// Set once a term's bits are known.
const LOOKED_UP: u8 = 0x80;

impl Evidence {
    /// Counts, for each term of `doc`, its capitalised and lower-case uses; `shouts` marks the
    /// sentences in capitals (no evidence either way).
    pub fn new(text: &str, doc: &Doc, lang: &Language, shouts: &[bool]) -> Self {
        let n = doc.vocab.len();
        let mut ev = Evidence {
            mid_capital: vec![0; n],
            lower: vec![0; n],
            after_article: vec![0; n],
            listed: vec![Cell::new(0); n],
            lists: vec![Cell::new(0); n],
        };
        for (i, w) in doc.words.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|p| doc.words.get(p)).filter(|p| p.sentence == w.sentence);
            if prev.is_some_and(|p| lang.is_article(doc.vocab.term(p.term))) {
                if let Some(n) = ev.after_article.get_mut(w.term as usize) {
                    *n += 1;
                }
            }
            let shout = shouts.get(w.sentence as usize).copied().unwrap_or(false);
            let slot = if w.capitalized && !initial_like(text, w) && !shout {
                ev.mid_capital.get_mut(w.term as usize)
            } else if !w.capitalized && w.span.of(text).chars().next().is_some_and(char::is_lowercase) {
                ev.lower.get_mut(w.term as usize)
            } else {
                None
            };
            if let Some(n) = slot {
                *n += 1;
            }
        }
        ev
    }

    pub fn mid(&self, term: u32) -> u32 {
        self.mid_capital.get(term as usize).copied().unwrap_or(0)
    }

    pub fn lower(&self, term: u32) -> u32 {
        self.lower.get(term as usize).copied().unwrap_or(0)
    }

    /// Which gazetteers list term `term` of `doc` (the doc this evidence was counted on): bit
    /// `1 << i` for the i-th of places, organisations, given names and team towns. Looked up at
    /// the first call for the term and kept.
    pub fn listed(&self, doc: &Doc, term: u32) -> u8 {
        let Some(cell) = self.listed.get(term as usize) else { return 0 };
        if cell.get() & LOOKED_UP == 0 {
            let key = doc.vocab.term(term);
            let tables = [
                gazetteer::PLACES.buckets(),
                gazetteer::ORGANIZATIONS.buckets(),
                gazetteer::GIVEN_NAMES.buckets(),
                gazetteer::TEAM_TOWNS.buckets(),
            ];
            let bits = tables.into_iter().enumerate().filter(|(_, t)| listed(t, key)).fold(0, |b, (i, _)| b | 1 << i);
            cell.set(LOOKED_UP | bits);
        }
        cell.get() & !LOOKED_UP
    }

    /// Whether `list` holds term `term` of `doc` (the doc this evidence was counted on): looked
    /// up at the first call for the term and the list, and kept.
    pub fn has(&self, doc: &Doc, term: u32, list: List) -> bool {
        let (asked, yes) = (1u32 << (2 * list as u32), 2u32 << (2 * list as u32));
        let Some(cell) = self.lists.get(term as usize) else { return list.holds(doc.vocab.term(term)) };
        let mut bits = cell.get();
        if bits & asked == 0 {
            bits |= asked | if list.holds(doc.vocab.term(term)) { yes } else { 0 };
            cell.set(bits);
        }
        bits & yes != 0
    }

    /// Whether [`List::Connectors`] holds word `w` of `doc` as written (a connector is in lower
    /// case: "of", not "Of").
    pub fn connector(&self, text: &str, doc: &Doc, w: &Word) -> bool {
        let written = w.span.of(text);
        if written == doc.vocab.term(w.term) {
            self.has(doc, w.term, List::Connectors)
        } else {
            List::Connectors.holds(written)
        }
    }

    /// Whether a gazetteer lists term `term` as a place, an organisation or a given name (what
    /// the rules call a known word).
    pub fn known(&self, doc: &Doc, term: u32) -> bool {
        self.listed(doc, term) & (LISTED_PLACE | LISTED_ORGANIZATION | LISTED_GIVEN_NAME) != 0
    }

    /// Uses right after an article (counted only where the language capitalises nouns).
    pub fn after_article(&self, term: u32) -> u32 {
        self.after_article.get(term as usize).copied().unwrap_or(0)
    }
}

/// "I'm", "You've", "Don't" (either apostrophe): capitalised, never a name. Asked of every
/// capitalised word, several times: read in place (a copy with the apostrophes made straight
/// cost an allocation per call).
fn is_contraction(word: &str) -> bool {
    let after = |suffix: &str| word.strip_suffix(suffix).and_then(|r| r.strip_suffix(['\'', '’']));
    ["m", "ve", "d", "ll", "re"].into_iter().any(|s| after(s).is_some()) || after("t").is_some_and(|r| r.ends_with('n'))
}

/// First in its sentence, or right after a quote, a colon or a spaced dash: a capital there
/// is no evidence of a name.
pub(super) fn initial_like(text: &str, w: &Word) -> bool {
    let before = text.get(..w.span.start).unwrap_or("");
    let spaced = before.ends_with(char::is_whitespace);
    // An opening single quote: "said: 'Given the...", not a plural possessive ("Nations' Cup").
    let opening = before.strip_suffix('\'').is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '(', ':']));
    w.initial
        || opening
        || before
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '"' | '“' | '‘' | ':') || (spaced && matches!(c, '—' | '–' | '-')))
}

/// A capital letter and a dot ("B." of "B. Young"): a given name's initial, when a name follows.
pub(super) fn is_name_initial(text: &str, w: &Word) -> bool {
    let mut chars = w.span.of(text).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        && text.get(w.span.end..).is_some_and(|r| r.starts_with(". "))
}

/// A sentence in capitals ("SOCCER - JAPAN GET LUCKY WIN"): capitals there are no evidence.
pub(super) fn shouted(text: &str, words: &[Word]) -> bool {
    let lettered = words.iter().filter(|w| w.span.of(text).chars().any(crate::chars::is_alphabetic)).count();
    let caps = words.iter().filter(|w| w.all_caps).count();
    lettered >= 3 && caps * 5 >= lettered * 3
}

/// Index ranges into `words` of runs of capitalised words (connectors only inside).
pub(super) fn runs(text: &str, words: &[Word]) -> Vec<Range<usize>> {
    let capital = |w: &Word| w.capitalized && !is_contraction(w.span.of(text));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(capital) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let (Some(prev), Some(next)) = (words.get(end - 1), words.get(end)) {
            let gap = text.get(prev.span.end..next.span.start).unwrap_or(" ");
            let prev_text = prev.span.of(text);
            // A possessive ends a name ("NATO's Russia policy") unless an institution or a place
            // follows: "Great Ormond Street Children's Hospital", "Hastings Magistrates' Court".
            let possessive = prev_text.ends_with("'s") || prev_text.ends_with("’s");
            let plural_possessive = (gap == "' " || gap == "’ ") && prev_text.ends_with('s');
            // "Britain's Foreign Office" is two names: a listed owner stands alone.
            if possessive || plural_possessive {
                let owner = case::lowercase(prev_text.trim_end_matches(['s', 'S']).trim_end_matches(['\'', '’']));
                let listed_owner =
                    listed(gazetteer::PLACES.buckets(), &owner) || listed(gazetteer::ORGANIZATIONS.buckets(), &owner);
                if listed_owner || !institution_follows(text, words, end) {
                    break;
                }
            }
            // "Ben & Jerry's", "Marks & Spencer": an ampersand between capitals keeps the name whole.
            let ampersand = matches!(gap, " & " | "&") && capital(next);
            let joined = gap == " "
                || ampersand
                || plural_possessive
                || gap == "-"
                || gap == "–"
                || (gap == ". " && (prev_text.contains('.') || prev_text.chars().count() == 1))
                // "St. Mary's Hospital", "Dr. Jane Smith" (the title is split off later).
                || (gap == ". " && segment::TITLES.contains(&prev_text.to_ascii_lowercase()));
            if !joined {
                break;
            }
            if capital(next) {
                end += 1;
            } else if CONNECTORS.contains(next.span.of(text)) && gap == " " {
                // "Secretary of State": a connector counts only between two capitalised words.
                match words.get(end + 1) {
                    // "Abu Bakr al-Baghdadi": Arabic articles join with a hyphen.
                    Some(after)
                        if capital(after)
                            && matches!(text.get(next.span.end..after.span.start), Some(" ") | Some("-")) =>
                    {
                        end += 2
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// True when the capitalised words from `start` (at most three, spaced) end in an organisation
/// or place word: what a possessive before them belongs to ("People's Hospital").
fn institution_follows(text: &str, words: &[Word], start: usize) -> bool {
    let mut last = None;
    for k in start..start + 3 {
        let Some(w) = words.get(k) else { break };
        if !w.capitalized {
            break;
        }
        if k > start && words.get(k - 1).and_then(|p| text.get(p.span.end..w.span.start)) != Some(" ") {
            break;
        }
        last = Some(case::lowercase(w.span.of(text)));
    }
    last.is_some_and(|l| ORG_WORDS.contains(l.as_str()) || PLACE_WORDS.contains(l.as_str()))
}

/// A sentence being read: its index in the story and its words.
pub(super) struct Sentence<'a> {
    pub index: usize,
    pub words: &'a [Word],
}

/// The candidates of one story as they are found, with what every step reads: the text, its
/// segmentation, its language and the story-wide evidence for capitals.
pub(super) struct Finder<'a> {
    text: &'a str,
    doc: &'a Doc,
    lang: &'a Language,
    pub ev: Evidence,
    /// The candidates so far, by lower-case name.
    pub found: FxMap<String, Candidate>,
}

impl<'a> Finder<'a> {
    pub fn new(text: &'a str, doc: &'a Doc, lang: &'a Language, ev: Evidence) -> Self {
        Finder { text, doc, lang, ev, found: FxMap::default() }
    }

    /// Trims a run of capitalised words (see [`runs`]) to the name(s) in it and adds them.
    pub fn collect(&mut self, sentence: &Sentence, run: Range<usize>) {
        let (text, doc, lang, ev) = (self.text, self.doc, self.lang, &self.ev);
        let words = sentence.words;
        let lower = |w: &Word| doc.vocab.term(w.term);
        let known = |w: &Word| ev.known(doc, w.term);
        let mut run = run;
        // A sentence-initial capital is evidence only if the word is capitalised elsewhere too, and
        // a word the story also writes in lower case is a common word ("Owner Lindsay Castro").
        while let Some(w) = words.get(run.start) {
            let key = lower(w);
            let (mid, low) = (ev.mid(w.term), ev.lower(w.term));
            let initial = initial_like(text, w);
            // A lone given name that the story otherwise writes in lower case ("Soon enough") is a word.
            let lone_word =
                || run.len() == 1 && low > 0 && ev.listed(doc, w.term) & (LISTED_PLACE | LISTED_ORGANIZATION) == 0;
            let weak = initial && !w.all_caps && mid == 0 && (run.len() == 1 || low > 0) && (!known(w) || lone_word());
            let opener = initial && OPENERS.contains(key);
            // Where every noun is capitalised, a word the story puts after an article is a noun.
            let noun = ev.after_article(w.term) > 0 && !w.all_caps && !known(w);
            // A function word opens no name; a short one in capitals is an acronym ("EU").
            let stop = lang.is_stopword(key) || (!w.all_caps && lang.is_grammar_form(key));
            if !run.is_empty() && (weak || opener || noun || (stop && !(w.all_caps && known(w)))) {
                run.start += 1;
            } else {
                break;
            }
        }
        // Trailing connectors never end a name, nor do nouns ("Lebensmittel" after "die").
        while run.end > run.start
            && words.get(run.end - 1).is_some_and(|w| {
                ev.connector(text, doc, w)
                    || (ev.after_article(w.term) > 0 && !w.all_caps && !known(w))
                    || lang.is_article(lower(w))
            })
        {
            run.end -= 1;
        }
        // Nor does a word that counts what follows: "World No 2", "Arsenal Under-21s".
        if let Some(w) = words.get(run.end.wrapping_sub(1)).filter(|_| run.end > run.start) {
            let counted = text.get(w.span.end..).is_some_and(|r| {
                r.trim_start_matches([' ', '-', '.']).starts_with(|c: char| c.is_ascii_digit())
                    && r.starts_with([' ', '-', '.'])
            });
            if counted && matches!(doc.vocab.term(w.term), "no" | "under" | "over" | "number") {
                run.end -= 1;
            }
        }
        if run.is_empty() {
            return;
        }
        // Where every noun is capitalised, capitals alone make no name: it needs a listed word
        // (a given name, a place, an organisation) or an acronym.
        if lang.capitalises_nouns() && !words.get(run.clone()).unwrap_or(&[]).iter().any(|w| w.all_caps || known(w)) {
            return;
        }
        // A lone word the story writes in lower case more often than capitalised is no name.
        if run.len() == 1 {
            if let Some(w) = words.get(run.start) {
                let doubted = if w.all_caps { ev.lower(w.term) > 0 } else { ev.lower(w.term) > ev.mid(w.term) };
                if doubted && !known(w) {
                    return;
                }
            }
        }
        // A listed name is kept whole ("Prince Edward Island").
        let whole = match (words.get(run.start), words.get(run.end - 1)) {
            (Some(a), Some(b)) => {
                let key = case::lowercase(Span::new(a.span.start, b.span.end).of(text));
                listed(gazetteer::PLACES.buckets(), &key) || listed(gazetteer::ORGANIZATIONS.buckets(), &key)
            }
            _ => false,
        };
        // "Ryan Christie of Inverness": a person from a place, two entities.
        let of =
            (run.start + 2..run.end.saturating_sub(1)).find(|&k| words.get(k).is_some_and(|w| w.span.of(text) == "of"));
        if let (Some(k), false) = (of, whole) {
            let left = words.get(run.start..k).unwrap_or(&[]);
            let given = left.first().is_some_and(|w| ev.listed(doc, w.term) & LISTED_GIVEN_NAME != 0);
            let plain = left.iter().all(|w| !ev.has(doc, w.term, List::OrgWords) && !ev.has(doc, w.term, List::Titles));
            if given && plain {
                self.add(sentence, run.start..k, Some(Kind::Person));
                self.add(sentence, k + 1..run.end, Some(Kind::Place));
                return;
            }
        }
        // Split off titles: "U.S. Secretary of State Antony Blinken" → "U.S." + person "Antony Blinken".
        let is_title = |w: &Word| ev.has(doc, w.term, List::Titles);
        let last_title = (run.start..run.end).rev().find(|&k| words.get(k).is_some_and(is_title));
        if let (Some(k), false) = (last_title, whole) {
            let first_title = (run.start..=k).find(|&k| words.get(k).is_some_and(is_title)).unwrap_or(k);
            // "Transport Secretary Priya Shah": a lone common word before the title is the office's.
            let office = first_title == run.start + 1
                && words.get(run.start).is_some_and(|w| {
                    let key = lower(w);
                    !known(w) && (OFFICES.contains(key) || lang.idf().is_some_and(|t| t.zipf(key).is_some()))
                });
            // "Secretary of State Antony Blinken": the title's own "of X" is not part of the name.
            let mut name_start = k + 1;
            if words.get(name_start).is_some_and(|w| ev.connector(text, doc, w)) {
                name_start += 2;
            }
            if first_title > run.start && !office {
                self.add(sentence, run.start..first_title, None);
            }
            if name_start < run.end {
                // "President Obama", "Coach Smith": one capitalised word after a title is a surname,
                // unless it is an acronym ("Chief Executive ASOS" is rare, "Secretary General NATO" not).
                let acronym = name_start + 1 == run.end && words.get(name_start).is_some_and(|w| w.all_caps);
                let kind = if acronym { None } else { Some(Kind::Person) };
                self.add(sentence, name_start..run.end, kind);
            }
            return;
        }
        self.add(sentence, run, None);
    }

    /// Adds the words `run` of `sentence` as a mention of a name, unless they name nothing, with
    /// the votes of `cue` (a kind the caller knows: a title before the name) and of the cues
    /// around it.
    fn add(&mut self, sentence: &Sentence, run: Range<usize>, cue: Option<Kind>) {
        let (text, doc, ev) = (self.text, self.doc, &self.ev);
        let words = sentence.words;
        let (Some(first), Some(last)) = (words.get(run.start), words.get(run.end.saturating_sub(1))) else { return };
        if run.is_empty() {
            return;
        }
        let span = mention_span(text, first, last);
        let name = span.of(text);
        let key = case::lowercase(name);
        // A lone "Hospital" or "Street" names nothing; a lone "Congress" or "Army" does.
        let institution = matches!(key.as_str(), "army" | "congress" | "navy" | "parliament" | "senate");
        let generic = run.len() == 1
            && !institution
            && (ORG_WORDS.contains(key.as_str())
                || PLACE_WORDS.contains(key.as_str())
                || NOT_ACRONYMS.contains(key.as_str()));
        if generic || names_nothing(&key, run.len()) {
            return;
        }
        // "Easter Sunday", "Friday Night": dates, not names (unless an organisation: "Sunday Times").
        let named = words.get(run.clone()).unwrap_or(&[]);
        let calendar =
            |w: &Word| ev.has(doc, w.term, List::Calendar) || matches!(doc.vocab.term(w.term), "easter" | "christmas");
        if named.iter().any(calendar) && !named.iter().any(|w| ev.has(doc, w.term, List::OrgWords)) {
            return;
        }
        let cand = self.found.entry(key).or_insert_with(|| Candidate {
            first: sentence.index,
            tokens: run.len(),
            all_caps: run.len() == 1 && first.all_caps,
            ..Candidate::default()
        });
        count_form(&mut cand.forms, name, 1);
        cand.common |= named.iter().any(|w| ev.lower(w.term) > 0 && !ev.connector(text, doc, w));
        cand.mentions.push(span);
        let mention = Mention { text, doc, ev, words, run, span };
        cues::vote(&mention, cue, &mut cand.votes);
    }

    /// Shouted lines repeat names found elsewhere: "CHINA IN SURPRISE DEFEAT" → China. Adds a
    /// mention to a known candidate for each of its names (up to three words) in `words`.
    pub fn repeat_shouted(&mut self, words: &[Word]) {
        let text = self.text;
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            for n in (1..=3).rev() {
                let (Some(first), Some(last)) = (words.get(i), words.get(i + n - 1)) else { continue };
                let span = Span::new(first.span.start, last.span.end);
                let key = case::lowercase(span.of(text));
                if let Some(c) = self.found.get_mut(&key) {
                    c.mentions.push(span);
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
}

/// True when a name of `words` words, `key` in lower case, names nothing, whoever found it: a
/// calendar name, page furniture ("Menu", "Read More") or a lone character ("C" of "Group C").
pub(super) fn names_nothing(key: &str, words: usize) -> bool {
    CALENDAR.contains(key)
        || NOT_NAMES.contains(key)
        || NOT_NAME_PHRASES.contains(&key)
        || (words == 1 && key.chars().count() < 2)
}

/// The span of a mention from its first to its last word: the final dot of a dotted
/// abbreviation kept ("U.S.": the words stop before it), a possessive left out ("Trump's").
pub(super) fn mention_span(text: &str, first: &Word, last: &Word) -> Span {
    let mut span = Span::new(first.span.start, last.span.end);
    if last.span.of(text).contains('.') && text.get(span.end..).is_some_and(|r| r.starts_with('.')) {
        span.end += 1;
    }
    for suffix in ["'s", "’s", "'S"] {
        if span.of(text).ends_with(suffix) {
            span.end -= suffix.len();
        }
    }
    span
}

#[cfg(test)]
mod tests {
    /// [`super::is_contraction`] answers as the straightforward reading: the word with its
    /// apostrophes made straight ends in a contraction's suffix.
    #[test]
    fn contractions_with_either_apostrophe() {
        let plain = |w: &str| ["'m", "'ve", "'d", "'ll", "'re", "n't"].iter().any(|s| w.replace('’', "'").ends_with(s));
        let words = "I'm I’m You've You’ve He'd She’d We'll They’re Don't Won’t Isn’t Tom Ted Bill Andre Grant \
                     Ain't t 't n't ’m m Madam O'Neill D'Arcy Shan’t n’ ’ Kant Bernt Ca'n't it’s";
        assert!(!super::is_contraction(""));
        for w in words.split_whitespace() {
            assert_eq!(super::is_contraction(w), plain(w), "{w:?}");
        }
    }
}
