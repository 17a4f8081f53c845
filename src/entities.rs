//! Key entities: people, organisations, places.
//!
//! In: a segmented story and its language. Out: [`Entity`]s, most salient first, each with its
//! mention spans and the aliases merged into it.
//!
//! Candidates are runs of capitalised words where a capital is evidence (not the first word of a
//! sentence unless the word is capitalised elsewhere too), joined across hyphens, dotted
//! abbreviations ("U.S.") and inner connectors ("Secretary of State"). Leading titles are split
//! off and become a cue for the kind. A short name that ends a longer one ("Blinken" →
//! "Antony Blinken") and an acronym defined in brackets ("NATO-Russia Council (NRC)") become
//! aliases. Scripts without case get no entities from this stage.

use std::collections::HashMap;

use serde::Serialize;

use crate::language::Language;
use crate::segment::{Doc, Word};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

/// An entity of the story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The fullest form used in the text ("Antony Blinken").
    pub name: String,
    pub kind: Kind,
    /// Every mention, in document order (aliases included).
    pub mentions: Vec<Span>,
    /// Other forms that refer to it ("Blinken").
    pub aliases: Vec<String>,
    pub salience: f32,
}

const TITLES: &[&str] = &[
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "dame",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "emperor",
    "gen",
    "general",
    "gov",
    "governor",
    "inspector",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt",
    "madam",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "representative",
    "rev",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
];

const PERSON_TITLES: &[&str] = &["dr", "mr", "mrs", "ms", "sir", "dame", "lady", "lord", "madam", "prof", "professor"];

const ORG_WORDS: &[&str] = &[
    "agency",
    "alliance",
    "association",
    "assembly",
    "authority",
    "bank",
    "board",
    "bureau",
    "club",
    "co",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "foundation",
    "fund",
    "group",
    "inc",
    "institute",
    "league",
    "ltd",
    "ministry",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "school",
    "senate",
    "service",
    "society",
    "team",
    "union",
    "united",
    "university",
];

const NOT_NAMES: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "i",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

const CONNECTORS: &[&str] = &["of", "de", "del", "der", "van", "von", "da", "di", "la", "le", "al", "bin"];

#[derive(Default)]
struct Candidate {
    forms: HashMap<String, usize>,
    mentions: Vec<Span>,
    votes: HashMap<Kind, f32>,
    first: usize,
    tokens: usize,
}

/// Extracts up to `limit` entities from `doc`. `title` is the headline, if any.
pub fn extract(text: &str, doc: &Doc, lang: &Language, title: Option<&str>, limit: usize) -> Vec<Entity> {
    if !lang.cased || limit == 0 {
        return Vec::new();
    }
    // Terms seen capitalised in the middle of a sentence: evidence for sentence-initial words.
    let mut mid_capital = vec![false; doc.vocab.len()];
    for w in doc.words.iter().filter(|w| w.capitalized && !w.initial) {
        if let Some(m) = mid_capital.get_mut(w.term as usize) {
            *m = true;
        }
    }
    let mut cands: HashMap<String, Candidate> = HashMap::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let words = doc.words.get(sentence.words.clone()).unwrap_or(&[]);
        for run in runs(text, words) {
            collect(text, doc, lang, &mid_capital, words, run, si, &mut cands);
        }
    }
    merge_and_rank(text, doc, title, cands, limit)
}

/// Index ranges into `words` of runs of capitalised words (connectors only inside).
fn runs(text: &str, words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(|w| w.capitalized) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let Some(prev) = words.get(end - 1) else { break };
            let Some(next) = words.get(end) else { break };
            let gap = text.get(prev.span.end..next.span.start).unwrap_or(" ");
            let prev_text = prev.span.of(text);
            // A possessive ends a name: "NATO's Russia policy".
            if prev_text.ends_with("'s") || prev_text.ends_with("’s") {
                break;
            }
            let joined = gap == " "
                || gap == "-"
                || gap == "–"
                || (gap == ". " && (prev_text.contains('.') || prev_text.chars().count() == 1));
            if !joined {
                break;
            }
            if next.capitalized {
                end += 1;
            } else if CONNECTORS.contains(&next.span.of(text)) && gap == " " {
                // "Secretary of State": a connector counts only between two capitalised words.
                match words.get(end + 1) {
                    Some(after) if after.capitalized && text.get(next.span.end..after.span.start) == Some(" ") => {
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

#[allow(clippy::too_many_arguments)]
fn collect(
    text: &str,
    doc: &Doc,
    lang: &Language,
    mid_capital: &[bool],
    words: &[Word],
    run: std::ops::Range<usize>,
    sentence: usize,
    cands: &mut HashMap<String, Candidate>,
) {
    let lower = |w: &Word| doc.vocab.term(w.term).to_owned();
    let mut run = run;
    // A sentence-initial capital is evidence only if the word is capitalised elsewhere too.
    while let Some(w) = words.get(run.start) {
        let weak = w.initial && !mid_capital.get(w.term as usize).copied().unwrap_or(false);
        if run.len() > 0 && (weak && (run.len() == 1 || lang.is_stopword(&lower(w))) || lang.is_stopword(&lower(w))) {
            run.start += 1;
        } else {
            break;
        }
    }
    // Trailing connectors never end a name.
    while run.end > run.start && words.get(run.end - 1).is_some_and(|w| CONNECTORS.contains(&w.span.of(text))) {
        run.end -= 1;
    }
    if run.is_empty() {
        return;
    }
    // Split off titles: "U.S. Secretary of State Antony Blinken" → "U.S." + person "Antony Blinken".
    let is_title = |w: &Word| TITLES.contains(&lower(w).trim_end_matches('.'));
    let last_title = (run.start..run.end).rev().find(|&k| words.get(k).is_some_and(is_title));
    if let Some(k) = last_title {
        let first_title = (run.start..=k).find(|&k| words.get(k).is_some_and(is_title)).unwrap_or(k);
        if first_title > run.start {
            add(text, doc, words, run.start..first_title, sentence, None, cands);
        }
        // "Secretary of State Antony Blinken": the title's own "of X" is not part of the name.
        let mut name_start = k + 1;
        if words.get(name_start).is_some_and(|w| CONNECTORS.contains(&w.span.of(text))) {
            name_start += 2;
        }
        if name_start < run.end {
            let personal = words.get(k).is_some_and(|w| PERSON_TITLES.contains(&lower(w).trim_end_matches('.')));
            let kind = if personal || name_start + 2 <= run.end { Some(Kind::Person) } else { None };
            add(text, doc, words, name_start..run.end, sentence, kind, cands);
        }
        return;
    }
    add(text, doc, words, run, sentence, None, cands);
}

fn add(
    text: &str,
    doc: &Doc,
    words: &[Word],
    run: std::ops::Range<usize>,
    sentence: usize,
    cue: Option<Kind>,
    cands: &mut HashMap<String, Candidate>,
) {
    let (Some(first), Some(last)) = (words.get(run.start), words.get(run.end.saturating_sub(1))) else { return };
    if run.is_empty() {
        return;
    }
    let mut span = Span::new(first.span.start, last.span.end);
    // Keep the final dot of a dotted abbreviation: "U.S." (the words stop before it).
    if last.span.of(text).contains('.') && text.get(span.end..).is_some_and(|r| r.starts_with('.')) {
        span.end += 1;
    }
    let mut name = span.of(text);
    for suffix in ["'s", "’s", "'S"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped;
            span.end -= suffix.len();
        }
    }
    let key = name.to_lowercase();
    if run.len() == 1 && (NOT_NAMES.contains(&key.as_str()) || key.chars().count() < 2) {
        return;
    }
    let cand =
        cands.entry(key).or_insert_with(|| Candidate { first: sentence, tokens: run.len(), ..Candidate::default() });
    *cand.forms.entry(name.to_owned()).or_default() += 1;
    cand.mentions.push(span);
    let mut vote = |k: Kind, w: f32| *cand.votes.entry(k).or_default() += w;
    if let Some(k) = cue {
        vote(k, 2.0);
    }
    let terms: Vec<&str> = words.get(run.clone()).unwrap_or(&[]).iter().map(|w| doc.vocab.term(w.term)).collect();
    if terms.iter().any(|t| ORG_WORDS.contains(t)) {
        vote(Kind::Organization, 1.5);
    }
    if run.len() == 1 && first.all_caps {
        vote(Kind::Organization, 1.0);
    }
    let before = words.get(run.start.wrapping_sub(1)).map(|w| doc.vocab.term(w.term));
    if run.len() == 1 && matches!(before, Some("in" | "at" | "from" | "to" | "across" | "near")) {
        vote(Kind::Place, 1.0);
    }
    let after = words.get(run.end).map(|w| doc.vocab.term(w.term));
    if run.len() >= 2 && matches!(after, Some("said" | "says" | "told" | "added" | "wrote")) {
        vote(Kind::Person, 1.0);
    }
    if run.len() >= 2 && matches!(before, Some("said" | "says")) {
        vote(Kind::Person, 1.0);
    }
}

fn merge_and_rank(
    text: &str,
    doc: &Doc,
    title: Option<&str>,
    mut cands: HashMap<String, Candidate>,
    limit: usize,
) -> Vec<Entity> {
    // Acronyms defined in brackets: "NATO-Russia Council (NRC)".
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    let keys: Vec<String> = cands.keys().cloned().collect();
    for short in &keys {
        let Some(c) = cands.get(short) else { continue };
        let parent = if c.tokens == 1 && short.chars().all(char::is_alphanumeric) {
            keys.iter()
                .filter(|long| *long != short && cands.get(*long).is_some_and(|l| l.tokens > 1))
                .filter(|long| {
                    let is_surname = long.rsplit([' ', '-']).next() == Some(short.as_str())
                        && cands.get(*long).is_some_and(|l| {
                            l.votes.get(&Kind::Person).copied().unwrap_or(0.0) > 0.0
                                || !short.chars().all(|c| c.is_uppercase())
                        });
                    let is_acronym = defined_as_acronym(text, &cands, long, short);
                    is_surname || is_acronym
                })
                .max_by_key(|long| {
                    (cands.get(*long).map_or(0, |l| l.mentions.len()), long.len(), std::cmp::Reverse((*long).clone()))
                })
                .cloned()
        } else {
            None
        };
        if let Some(p) = parent {
            aliases.entry(p).or_default().push(short.clone());
        }
    }
    let mut merged: Vec<(String, Candidate, Vec<String>)> = Vec::new();
    let mut absorbed: HashMap<String, Candidate> = HashMap::new();
    for shorts in aliases.values() {
        for s in shorts {
            if let Some(c) = cands.remove(s) {
                absorbed.insert(s.clone(), c);
            }
        }
    }
    for (key, mut cand) in cands {
        let mut names = Vec::new();
        for s in aliases.get(&key).into_iter().flatten() {
            if let Some(c) = absorbed.remove(s) {
                cand.mentions.extend(c.mentions);
                for (k, v) in c.votes {
                    *cand.votes.entry(k).or_default() += v * 0.5;
                }
                cand.first = cand.first.min(c.first);
                if let Some((form, _)) = c.forms.into_iter().max_by_key(|(f, n)| (*n, std::cmp::Reverse(f.clone()))) {
                    names.push(form);
                }
            }
        }
        names.sort();
        merged.push((key, cand, names));
    }
    let n = doc.sentences.len().max(1) as f32;
    let title_lower = title.map(str::to_lowercase).unwrap_or_default();
    let mut out: Vec<Entity> = merged
        .into_iter()
        .map(|(key, mut cand, aliases)| {
            cand.mentions.sort();
            cand.mentions.dedup();
            let name = cand
                .forms
                .iter()
                .max_by_key(|(f, c)| (**c, std::cmp::Reverse((*f).clone())))
                .map(|(f, _)| f.clone())
                .unwrap_or(key.clone());
            let kind = cand
                .votes
                .iter()
                .filter(|(_, v)| **v > 0.0)
                .max_by(|a, b| a.1.total_cmp(b.1).then((*b.0 as u8).cmp(&(*a.0 as u8))))
                .map_or(Kind::Other, |(k, _)| *k);
            let in_title = !title_lower.is_empty()
                && std::iter::once(&key).chain(&aliases).any(|k| contains_word(&title_lower, &k.to_lowercase()));
            let salience =
                cand.mentions.len() as f32 + if in_title { 2.0 } else { 0.0 } + 2.0 * (1.0 - cand.first as f32 / n);
            Entity { name, kind, mentions: cand.mentions, aliases, salience }
        })
        .collect();
    out.sort_by(|a, b| b.salience.total_cmp(&a.salience).then(a.mentions.first().cmp(&b.mentions.first())));
    out.truncate(limit);
    out
}

fn defined_as_acronym(text: &str, cands: &HashMap<String, Candidate>, long: &str, short: &str) -> bool {
    let Some(l) = cands.get(long) else { return false };
    if !short.chars().all(|c| c.is_alphanumeric()) || short.len() < 2 {
        return false;
    }
    l.mentions.iter().any(|m| {
        let after = text.get(m.end..).unwrap_or("");
        let after = after.trim_start();
        after.strip_prefix('(').is_some_and(|a| {
            a.to_lowercase().starts_with(short) && a.get(short.len()..).is_some_and(|r| r.starts_with(')'))
        })
    })
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack.get(..i).and_then(|s| s.chars().next_back());
        let after = haystack.get(i + needle.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn entities(text: &str) -> Vec<Entity> {
        let doc = segment(text, &[Span::new(0, text.len())]);
        extract(text, &doc, &Language::from_code("en"), None, 10)
    }

    fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no {name} in {es:?}"))
    }

    #[test]
    fn titles_split_and_surnames_merge() {
        let text = "U.S. Secretary of State Antony Blinken said on Wednesday that talks would go on. \
                    Blinken met allies in Brussels. NATO Secretary General Jens Stoltenberg agreed with Blinken.";
        let es = entities(text);
        let blinken = find(&es, "Antony Blinken");
        assert_eq!(blinken.kind, Kind::Person);
        assert_eq!(blinken.aliases, ["Blinken"]);
        assert_eq!(blinken.mentions.len(), 3);
        assert_eq!(find(&es, "Jens Stoltenberg").kind, Kind::Person);
        assert_eq!(find(&es, "NATO").kind, Kind::Organization);
        assert_eq!(find(&es, "Brussels").kind, Kind::Place);
        assert!(es.iter().all(|e| e.name != "Wednesday" && e.name != "Secretary"), "{es:?}");
    }

    #[test]
    fn acronym_defined_in_brackets_is_an_alias() {
        let text = "He backed the NATO-Russia Council (NRC) again. The NRC last met in 2019.";
        let es = entities(text);
        let nrc = find(&es, "NATO-Russia Council");
        assert_eq!(nrc.aliases, ["NRC"]);
        assert_eq!(nrc.kind, Kind::Organization);
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        let es = entities("Yesterday it rained. Officials in Paris said so.");
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Paris"]);
    }

    #[test]
    fn possessives_are_removed() {
        let es = entities("They met Trump's lawyer. Trump left early.");
        assert_eq!(find(&es, "Trump").mentions.len(), 2);
    }
}
