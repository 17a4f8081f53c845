//! Key entities: people, organisations, places.
//!
//! In: a segmented story and its language. Out: [`Entity`]s, most salient first, each with its
//! mention spans and the aliases merged into it.
//!
//! Candidates are runs of capitalised words where a capital is evidence: not the first word of a
//! sentence (or the word after a quote or a colon) unless the story capitalises it elsewhere too
//! or a gazetteer lists it, and not a word the story also writes in lower case ("Owner Lindsay
//! Castro" → "Lindsay Castro"). Runs join across hyphens, dotted abbreviations ("U.S.") and inner
//! connectors ("Secretary of State", "al-Baghdadi"). Leading titles are split off and become a
//! cue for the kind; "Ryan Christie of Inverness" splits into a person and a place. Calendar
//! names, contractions ("I'm"), page labels and lone generic words ("Hospital") are dropped, and
//! lines in capitals (shouted headlines) only repeat names the rest of the story gives.
//!
//! A short name that ends a longer one ("Blinken" → "Antony Blinken") and an acronym defined in
//! brackets whose letters are the name's capitals ("NATO-Russia Council (NRC)") become aliases; a
//! listed place or body names itself ("Australia" is not "Daily Mail Australia"). A listed name
//! takes the listed kind whatever its words look like ("Hong Kong" is no person named Hong).
//!
//! Kinds come from votes: cues around each mention (a title, "said"/"who" after it, an age after
//! a comma, "in"/"at"/"from" before it, "the" before it, a kin word before it ("his son Harry"),
//! "spokesman"/"leader"/"fans" after it, a score after it ("Liverpool 2 Arsenal 1": a team), an
//! organisation, place or event word in it); the words before and after each mention, weighed
//! by a table learned from the gazetteers' own names in news text (`tables/contexts.rs`, by
//! `scripts/tables/contexts.py`: "Zorbin pleaded" is a person); and, per mention, the compact
//! gazetteers generated into `tables/gazetteer.rs` by `scripts/tables/gazetteer.py` (places,
//! counties, given names, well-known organisations, clubs named after their town, which are teams
//! in a story about sport). Peoples ("British", "South Koreans"), events ("World War II") and
//! names without any cue are "other", and rank lower.
//!
//! Salience: mentions (aliases included), plus a bonus for the headline and for an early first
//! mention. Scripts without case get no entities from this stage.

use std::collections::HashMap;

use serde::Serialize;

use crate::language::Language;
use crate::segment::{self, Doc, Word};
use crate::text::Span;
use crate::words::Words;

#[path = "tables/contexts.rs"]
mod contexts;
#[path = "tables/gazetteer.rs"]
mod gazetteer;

/// How much a context word's learned log odds weigh against a cue or a gazetteer.
const W_CONTEXT: f32 = 1.0;

/// Votes from the words around a mention, learned by `scripts/tables/contexts.py`: only the
/// kinds a word favours count ("striker" after a name is a team's, "aged" a person's).
fn context_votes(votes: &mut Votes, before: Option<&str>, after: Option<&str>) {
    let sides =
        [(contexts::BEFORE, contexts::BEFORE_WEIGHTS, before), (contexts::AFTER, contexts::AFTER_WEIGHTS, after)];
    for (words, weights, word) in sides {
        let Some(word) = word else { continue };
        let Some(i) = position(words, word) else { continue };
        let Some(weights) = weights.get(word.len()).and_then(|b| b.get(i)) else { continue };
        for (kind, w) in [Kind::Person, Kind::Organization, Kind::Place].into_iter().zip(weights) {
            if *w > 0 {
                votes.add(kind, W_CONTEXT * f32::from(*w) / 16.0);
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Other];
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

const TITLES: Words = words![
    "admiral",
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
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "corporal",
    "councillor",
    "councilman",
    "cpl",
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
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "lady",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pastor",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "superintendent",
];

/// Words that name an office before a title ("Defence Secretary", "Shadow Chancellor") and that
/// the background word table may not list as common words.
const OFFICES: Words = words!["defence", "defense", "homeland", "housing", "interior", "shadow", "treasury", "vice",];

const ORG_WORDS: Words = words![
    "academy",
    "agency",
    "airline",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "aviation",
    "bank",
    "board",
    "brigade",
    "bureau",
    "cabinet",
    "cafe",
    "café",
    "center",
    "centre",
    "channel",
    "charity",
    "chronicle",
    "church",
    "club",
    "co",
    "college",
    "command",
    "commission",
    "committee",
    "communications",
    "company",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "daily",
    "department",
    "embassy",
    "enterprises",
    "entertainment",
    "fc",
    "federation",
    "force",
    "foundation",
    "fund",
    "gazette",
    "government",
    "group",
    "guard",
    "herald",
    "holdings",
    "hospital",
    "hotel",
    "inc",
    "industries",
    "initiative",
    "institute",
    "journal",
    "league",
    "llp",
    "ltd",
    "magazine",
    "media",
    "ministry",
    "motors",
    "museum",
    "navy",
    "network",
    "news",
    "observatory",
    "office",
    "online",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "pharmaceuticals",
    "plc",
    "police",
    "post",
    "press",
    "productions",
    "programme",
    "pub",
    "radio",
    "records",
    "regiment",
    "restaurant",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "studios",
    "systems",
    "team",
    "technologies",
    "telegraph",
    "television",
    "times",
    "travel",
    "tribunal",
    "tribune",
    "trust",
    "tv",
    "union",
    "united",
    "university",
];

/// Last words that make a name a place ("Jurupa Hills", "Commercial Road").
const PLACE_WORDS: Words = words![
    "airport",
    "area",
    "arena",
    "avenue",
    "bay",
    "beach",
    "bridge",
    "canal",
    "canyon",
    "castle",
    "channel",
    "city",
    "coast",
    "county",
    "desert",
    "district",
    "falls",
    "forest",
    "glacier",
    "gulf",
    "harbour",
    "heights",
    "hill",
    "hills",
    "island",
    "islands",
    "jail",
    "lake",
    "lane",
    "marsh",
    "moor",
    "mountain",
    "mountains",
    "municipality",
    "ocean",
    "palace",
    "park",
    "peninsula",
    "prison",
    "province",
    "rapids",
    "reef",
    "region",
    "reserve",
    "river",
    "road",
    "sea",
    "square",
    "stadium",
    "station",
    "strait",
    "straits",
    "street",
    "town",
    "valley",
    "village",
    "volcano",
    "way",
    "zoo",
];

/// Last words of events and laws (spaCy's EVENT, LAW): kind "other".
const EVENT_WORDS: Words = words![
    "act",
    "awards",
    "championship",
    "championships",
    "cup",
    "day",
    "days",
    "derby",
    "election",
    "elections",
    "eve",
    "festival",
    "final",
    "games",
    "i",
    "ii",
    "iii",
    "marathon",
    "national",
    "nations",
    "olympics",
    "open",
    "prix",
    "referendum",
    "stakes",
    "summit",
    "trophy",
    "two",
    "war",
    "week",
    "year",
];

/// First words of regions named after a direction ("West Sussex", "South Australia").
const COMPASS: Words = words![
    "central", "east", "eastern", "greater", "lower", "north", "northern", "south", "southern", "upper", "west",
    "western",
];

/// Capitalised abbreviations that name no entity.
const NOT_ACRONYMS: Words = words![
    "adhd",
    "aids",
    "am",
    "atm",
    "bst",
    "cctv",
    "ceo",
    "diy",
    "dna",
    "est",
    "exclusive",
    "faq",
    "femail",
    "gmt",
    "gp",
    "gps",
    "hd",
    "hiv",
    "id",
    "ist",
    "ivf",
    "lol",
    "mp",
    "mps",
    "mrsa",
    "ok",
    "omg",
    "pc",
    "pdf",
    "pg",
    "pm",
    "pr",
    "ps",
    "pst",
    "ptsd",
    "sars",
    "sms",
    "suv",
    "tv",
    "usb",
    "utc",
    "video",
    "vip",
];

/// First words of "<X> of <place>" names that are places.
const PLACE_HEADS: Words = words![
    "borough", "city", "county", "duchy", "emirate", "isle", "kingdom", "province", "republic", "shire", "state",
];

/// First words of place names ("Port Alden", "Mount Everest", "River Trent").
const PLACE_FIRST: Words = words![
    "camp", "cape", "costa", "fort", "gulf", "isle", "lake", "mount", "mt", "port", "puerto", "rio", "river", "san",
    "santa", "sierra",
];

/// Lower-case words after a lone name that make it an organisation ("Tottenham striker").
const ORG_AFTER: Words = words![
    "boss",
    "ceo",
    "chairman",
    "chief",
    "defender",
    "earnings",
    "employees",
    "executives",
    "fans",
    "firm",
    "forward",
    "goalkeeper",
    "leader",
    "leaders",
    "manager",
    "member",
    "members",
    "midfielder",
    "officials",
    "party",
    "profit",
    "profits",
    "revenue",
    "sales",
    "shares",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staff",
    "stock",
    "striker",
    "supporters",
    "union",
    "winger",
];

/// Months and weekdays: dates, not names.
const CALENDAR: Words = words![
    "april",
    "august",
    "december",
    "february",
    "friday",
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

/// Words that are never names on their own: the pronoun, page furniture that survives body
/// detection.
const NOT_NAMES: Words = words!["advertisement", "comments", "i", "menu", "related", "share", "trending", "year",];

/// Page furniture of more than one word.
const NOT_NAME_PHRASES: &[&str] = &["left menu", "read more"];

/// Groups of people (spaCy's NORP): never a person, place or organisation on their own.
const GROUP_WORDS: Words = words![
    "allah",
    "catholic",
    "catholics",
    "christian",
    "christians",
    "conservative",
    "conservatives",
    "democrat",
    "democratic",
    "democrats",
    "god",
    "hindu",
    "hindus",
    "hispanic",
    "hispanics",
    "islamic",
    "islamist",
    "islamists",
    "jew",
    "jewish",
    "jews",
    "latina",
    "latino",
    "latinos",
    "liberal",
    "liberals",
    "muslim",
    "muslims",
    "republican",
    "republicans",
    "shia",
    "shiite",
    "sikh",
    "sikhs",
    "sunni",
];

/// Words after a name that say it is a person ("Blinken said", "Alexander, who").
const PERSON_AFTER: Words = words![
    "added",
    "admitted",
    "asked",
    "claimed",
    "explained",
    "herself",
    "himself",
    "insisted",
    "said",
    "says",
    "told",
    "tweeted",
    "who",
    "wrote",
];

/// Words before a name that make it a person's ("his son Harry", "wife Lindsay").
const KIN: Words = words![
    "boyfriend",
    "brother",
    "daughter",
    "father",
    "girlfriend",
    "husband",
    "mother",
    "nephew",
    "niece",
    "partner",
    "sister",
    "son",
    "wife",
];

const CONNECTORS: Words = words!["al", "bin", "da", "de", "del", "der", "di", "la", "le", "of", "van", "von",];

/// True when `key` (lower case) is in a generated gazetteer table: a binary search in the
/// bucket of keys with the same byte length.
fn listed(table: &[&str], key: &str) -> bool {
    position(table, key).is_some()
}

/// Where `key` is in its bucket of a generated table (see [`listed`]).
fn position(table: &[&str], key: &str) -> Option<usize> {
    let n = key.len();
    let bucket = table.get(n)?.as_bytes();
    if n == 0 {
        return None;
    }
    let (mut lo, mut hi) = (0, bucket.len() / n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let entry = bucket.get(mid * n..mid * n + n)?;
        match entry.cmp(key.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// "I'm", "You've", "Don't": capitalised, never a name.
fn is_contraction(word: &str) -> bool {
    let w = word.replace('’', "'");
    ["'m", "'ve", "'d", "'ll", "'re", "n't"].iter().any(|s| w.ends_with(s))
}

/// Votes for each kind: person, organization, place, other.
#[derive(Clone, Copy, Default)]
struct Votes([f32; 4]);

impl Votes {
    fn add(&mut self, kind: Kind, weight: f32) {
        if let Some(v) = self.0.get_mut(kind as usize) {
            *v += weight;
        }
    }
    fn get(&self, kind: Kind) -> f32 {
        self.0.get(kind as usize).copied().unwrap_or(0.0)
    }
    /// The kind with most votes (ties: the earlier kind); `Other` without any vote.
    fn winner(&self) -> Kind {
        let mut best = (Kind::Other, 0.0);
        for k in Kind::ALL {
            if self.get(k) > best.1 {
                best = (k, self.get(k));
            }
        }
        best.0
    }
}

#[derive(Default)]
struct Candidate {
    forms: HashMap<String, usize>,
    mentions: Vec<Span>,
    /// Evidence for each kind, indexed by [`Kind::ALL`] order.
    votes: Votes,
    first: usize,
    tokens: usize,
    all_caps: bool,
    /// Some word of the name is also written in lower case in the story ("Flight", "People").
    common: bool,
}

/// How each term is written across the story: evidence for or against capitals.
struct Evidence {
    /// Capitalised, not first in its sentence, not in a shouted line.
    mid_capital: Vec<u32>,
    /// Written in lower case.
    lower: Vec<u32>,
}

impl Evidence {
    fn mid(&self, term: u32) -> u32 {
        self.mid_capital.get(term as usize).copied().unwrap_or(0)
    }
    fn lower(&self, term: u32) -> u32 {
        self.lower.get(term as usize).copied().unwrap_or(0)
    }
}

/// First in its sentence, or right after a quote, a colon or a spaced dash: a capital there
/// is no evidence of a name.
fn initial_like(text: &str, w: &Word) -> bool {
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

/// Sentence openers that are never names, whatever their capital says.
const OPENERS: Words = words![
    "across",
    "after",
    "amid",
    "among",
    "around",
    "before",
    "behind",
    "beyond",
    "despite",
    "during",
    "earlier",
    "following",
    "inside",
    "instead",
    "last",
    "later",
    "meanwhile",
    "next",
    "now",
    "outside",
    "overall",
    "right",
    "someone",
    "throughout",
    "today",
    "tomorrow",
    "tonight",
    "towards",
    "within",
    "without",
    "yes",
    "yesterday",
];

/// A sentence in capitals ("SOCCER - JAPAN GET LUCKY WIN"): capitals there are no evidence.
fn shouted(text: &str, words: &[Word]) -> bool {
    let lettered = words.iter().filter(|w| w.span.of(text).chars().any(char::is_alphabetic)).count();
    let caps = words.iter().filter(|w| w.all_caps).count();
    lettered >= 3 && caps * 5 >= lettered * 3
}

/// Extracts up to `limit` entities from `doc`. `title` is the headline, if any.
pub fn extract(text: &str, doc: &Doc, lang: &Language, title: Option<&str>, limit: usize) -> Vec<Entity> {
    if !lang.cased || limit == 0 {
        return Vec::new();
    }
    let shouts: Vec<bool> =
        doc.sentences.iter().map(|s| shouted(text, doc.words.get(s.words.clone()).unwrap_or(&[]))).collect();
    let mut ev = Evidence { mid_capital: vec![0; doc.vocab.len()], lower: vec![0; doc.vocab.len()] };
    for w in &doc.words {
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
    let mut cands: HashMap<String, Candidate> = HashMap::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if shouts.get(si).copied().unwrap_or(false) {
            continue;
        }
        let words = doc.words.get(sentence.words.clone()).unwrap_or(&[]);
        for run in runs(text, words) {
            collect(text, doc, lang, &ev, words, run, si, &mut cands);
        }
    }
    // Shouted lines repeat names found elsewhere: "CHINA IN SURPRISE DEFEAT" → China.
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if !shouts.get(si).copied().unwrap_or(false) {
            continue;
        }
        let words = doc.words.get(sentence.words.clone()).unwrap_or(&[]);
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            for n in (1..=3).rev() {
                let (Some(first), Some(last)) = (words.get(i), words.get(i + n - 1)) else { continue };
                let span = Span::new(first.span.start, last.span.end);
                let key = span.of(text).to_lowercase();
                if let Some(c) = cands.get_mut(&key) {
                    c.mentions.push(span);
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
    merge_and_rank(text, doc, title, cands, limit, about_sport(doc))
}

/// Words of sports reporting: a story dense in them is about sport, where a club named after its
/// town ("Liverpool beat Derby") is a team, not a place.
const SPORT_WORDS: Words = words![
    "champion",
    "champions",
    "championship",
    "club",
    "clubs",
    "coach",
    "cup",
    "defeat",
    "defender",
    "draw",
    "fans",
    "final",
    "fixture",
    "fixtures",
    "goal",
    "goalkeeper",
    "goals",
    "header",
    "innings",
    "lap",
    "league",
    "manager",
    "match",
    "matches",
    "midfielder",
    "penalty",
    "player",
    "players",
    "podium",
    "points",
    "premiership",
    "promotion",
    "referee",
    "relegation",
    "scored",
    "season",
    "squad",
    "stadium",
    "striker",
    "tournament",
    "transfer",
    "tries",
    "victory",
    "wicket",
    "wickets",
    "win",
    "winger",
];

/// True when at least 1 word in 80 (and 5 in all) is a word of sports reporting.
fn about_sport(doc: &Doc) -> bool {
    let mut hits = vec![None; doc.vocab.len()];
    let mut count = 0usize;
    for w in &doc.words {
        let Some(slot) = hits.get_mut(w.term as usize) else { continue };
        let hit = *slot.get_or_insert_with(|| SPORT_WORDS.contains(doc.vocab.term(w.term)));
        count += usize::from(hit);
    }
    count >= 5 && count * 80 >= doc.words.len()
}

/// Index ranges into `words` of runs of capitalised words (connectors only inside).
fn runs(text: &str, words: &[Word]) -> Vec<std::ops::Range<usize>> {
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
        loop {
            let Some(prev) = words.get(end - 1) else { break };
            let Some(next) = words.get(end) else { break };
            let gap = text.get(prev.span.end..next.span.start).unwrap_or(" ");
            let prev_text = prev.span.of(text);
            // A possessive ends a name ("NATO's Russia policy") unless an institution or a place
            // follows: "Great Ormond Street Children's Hospital", "Hastings Magistrates' Court".
            let possessive = prev_text.ends_with("'s") || prev_text.ends_with("’s");
            let plural_possessive = (gap == "' " || gap == "’ ") && prev_text.ends_with('s');
            // "Britain's Foreign Office" is two names: a listed owner stands alone.
            if possessive || plural_possessive {
                let owner = prev_text.trim_end_matches(['s', 'S']).trim_end_matches(['\'', '’']).to_lowercase();
                let listed_owner = listed(gazetteer::PLACES, &owner) || listed(gazetteer::ORGANIZATIONS, &owner);
                if listed_owner || !institution_follows(text, words, end) {
                    break;
                }
            }
            let joined = gap == " "
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
        last = Some(w.span.of(text).to_lowercase());
    }
    last.is_some_and(|l| ORG_WORDS.contains(l.as_str()) || PLACE_WORDS.contains(l.as_str()))
}

#[allow(clippy::too_many_arguments)]
fn collect(
    text: &str,
    doc: &Doc,
    lang: &Language,
    ev: &Evidence,
    words: &[Word],
    run: std::ops::Range<usize>,
    sentence: usize,
    cands: &mut HashMap<String, Candidate>,
) {
    let lower = |w: &Word| doc.vocab.term(w.term).to_owned();
    let known = |key: &str| {
        listed(gazetteer::GIVEN_NAMES, key) || listed(gazetteer::PLACES, key) || listed(gazetteer::ORGANIZATIONS, key)
    };
    let mut run = run;
    // A sentence-initial capital is evidence only if the word is capitalised elsewhere too, and
    // a word the story also writes in lower case is a common word ("Owner Lindsay Castro").
    while let Some(w) = words.get(run.start) {
        let key = lower(w);
        let (mid, low) = (ev.mid(w.term), ev.lower(w.term));
        let initial = initial_like(text, w);
        // A lone given name that the story otherwise writes in lower case ("Soon enough") is a word.
        let lone_word =
            run.len() == 1 && low > 0 && !(listed(gazetteer::PLACES, &key) || listed(gazetteer::ORGANIZATIONS, &key));
        let weak = initial && !w.all_caps && mid == 0 && (!known(&key) || lone_word) && (run.len() == 1 || low > 0);
        let opener = initial && OPENERS.contains(key.as_str());
        if !run.is_empty() && (weak || opener || (lang.is_stopword(&key) && !(w.all_caps && known(&key)))) {
            run.start += 1;
        } else {
            break;
        }
    }
    // Trailing connectors never end a name.
    while run.end > run.start && words.get(run.end - 1).is_some_and(|w| CONNECTORS.contains(w.span.of(text))) {
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
    // A lone word the story writes in lower case more often than capitalised is no name.
    if run.len() == 1 {
        if let Some(w) = words.get(run.start) {
            let doubted = if w.all_caps { ev.lower(w.term) > 0 } else { ev.lower(w.term) > ev.mid(w.term) };
            if doubted && !known(&lower(w)) {
                return;
            }
        }
    }
    // A listed name is kept whole ("Prince Edward Island").
    let whole = match (words.get(run.start), words.get(run.end - 1)) {
        (Some(a), Some(b)) => {
            let key = Span::new(a.span.start, b.span.end).of(text).to_lowercase();
            listed(gazetteer::PLACES, &key) || listed(gazetteer::ORGANIZATIONS, &key)
        }
        _ => false,
    };
    // "Ryan Christie of Inverness": a person from a place, two entities.
    let of =
        (run.start + 2..run.end.saturating_sub(1)).find(|&k| words.get(k).is_some_and(|w| w.span.of(text) == "of"));
    if let (Some(k), false) = (of, whole) {
        let left = words.get(run.start..k).unwrap_or(&[]);
        let given = left.first().is_some_and(|w| listed(gazetteer::GIVEN_NAMES, &lower(w)));
        let plain = left.iter().all(|w| {
            let t = lower(w);
            !ORG_WORDS.contains(t.as_str()) && !TITLES.contains(t.trim_end_matches('.'))
        });
        if given && plain {
            add(text, doc, ev, words, run.start..k, sentence, Some(Kind::Person), cands);
            add(text, doc, ev, words, k + 1..run.end, sentence, Some(Kind::Place), cands);
            return;
        }
    }
    // Split off titles: "U.S. Secretary of State Antony Blinken" → "U.S." + person "Antony Blinken".
    let is_title = |w: &Word| TITLES.contains(lower(w).trim_end_matches('.'));
    let last_title = (run.start..run.end).rev().find(|&k| words.get(k).is_some_and(is_title));
    if let (Some(k), false) = (last_title, whole) {
        let first_title = (run.start..=k).find(|&k| words.get(k).is_some_and(is_title)).unwrap_or(k);
        // "Transport Secretary Priya Shah": a lone common word before the title is the office's.
        let office = first_title == run.start + 1
            && words.get(run.start).is_some_and(|w| {
                let key = lower(w);
                !known(&key) && (OFFICES.contains(key.as_str()) || lang.idf().is_some_and(|t| t.zipf(&key).is_some()))
            });
        if first_title > run.start && !office {
            add(text, doc, ev, words, run.start..first_title, sentence, None, cands);
        }
        // "Secretary of State Antony Blinken": the title's own "of X" is not part of the name.
        let mut name_start = k + 1;
        if words.get(name_start).is_some_and(|w| CONNECTORS.contains(w.span.of(text))) {
            name_start += 2;
        }
        if name_start < run.end {
            // "President Obama", "Coach Smith": one capitalised word after a title is a surname,
            // unless it is an acronym ("Chief Executive ASOS" is rare, "Secretary General NATO" not).
            let acronym = name_start + 1 == run.end && words.get(name_start).is_some_and(|w| w.all_caps);
            let kind = if acronym { None } else { Some(Kind::Person) };
            add(text, doc, ev, words, name_start..run.end, sentence, kind, cands);
        }
        return;
    }
    add(text, doc, ev, words, run, sentence, None, cands);
}

#[allow(clippy::too_many_arguments)]
fn add(
    text: &str,
    doc: &Doc,
    ev: &Evidence,
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
    // A lone "Hospital" or "Street" names nothing; a lone "Congress" or "Army" does.
    let institution = matches!(key.as_str(), "army" | "congress" | "navy" | "parliament" | "senate");
    let generic = run.len() == 1
        && !institution
        && (ORG_WORDS.contains(key.as_str())
            || PLACE_WORDS.contains(key.as_str())
            || NOT_ACRONYMS.contains(key.as_str()));
    let not_name =
        CALENDAR.contains(key.as_str()) || NOT_NAMES.contains(key.as_str()) || NOT_NAME_PHRASES.contains(&key.as_str());
    if generic || not_name || (run.len() == 1 && key.chars().count() < 2) {
        return;
    }
    // "Easter Sunday", "Friday Night": dates, not names (unless an organisation: "Sunday Times").
    let calendar = |t: &&str| CALENDAR.contains(t) || matches!(*t, "easter" | "christmas");
    let terms: Vec<&str> = words.get(run.clone()).unwrap_or(&[]).iter().map(|w| doc.vocab.term(w.term)).collect();
    if terms.iter().any(calendar) && !terms.iter().any(|t| ORG_WORDS.contains(t)) {
        return;
    }
    let cand = cands.entry(key).or_insert_with(|| Candidate {
        first: sentence,
        tokens: run.len(),
        all_caps: run.len() == 1 && first.all_caps,
        ..Candidate::default()
    });
    *cand.forms.entry(name.to_owned()).or_default() += 1;
    cand.common |= words
        .get(run.clone())
        .unwrap_or(&[])
        .iter()
        .any(|w| ev.lower(w.term) > 0 && !CONNECTORS.contains(w.span.of(text)));
    cand.mentions.push(span);
    let mut vote = |k: Kind, w: f32| cand.votes.add(k, w);
    if let Some(k) = cue {
        vote(k, 2.0);
    }
    let org_word = terms.iter().any(|t| ORG_WORDS.contains(t));
    if terms.last().is_some_and(|t| ORG_WORDS.contains(t)) {
        vote(Kind::Organization, 3.0);
    } else if run.len() >= 2
        && terms.last().is_some_and(|t| PLACE_WORDS.contains(t))
        && !(terms.len() >= 3 && terms.get(terms.len() - 2).is_some_and(|t| ORG_WORDS.contains(t)))
    {
        // "Times Square", "Kern County Jail": the last word says what the name is (but
        // "Manchester School District" is the school's).
        vote(Kind::Place, 3.0);
    } else if org_word {
        vote(Kind::Organization, 2.0);
    } else if run.len() >= 2
        && (terms.last().is_some_and(|t| PLACE_WORDS.contains(t))
            || terms.first().is_some_and(|t| PLACE_FIRST.contains(t)))
    {
        vote(Kind::Place, 3.0);
    }
    if run.len() == 1 && first.all_caps {
        vote(Kind::Organization, 0.5);
    }
    let before = words.get(run.start.wrapping_sub(1)).map(|w| doc.vocab.term(w.term));
    if matches!(before, Some("in" | "at" | "from" | "across" | "near")) {
        vote(Kind::Place, if run.len() == 1 { 0.6 } else { 0.2 });
    }
    let after = words.get(run.end).map(|w| doc.vocab.term(w.term));
    if run.len() == 1 && after.is_some_and(|a| ORG_AFTER.contains(a)) {
        vote(Kind::Organization, 1.0);
    }
    // "the Gunners", "the Pentagon": a person's name takes no article.
    let the_before = words.get(run.start.wrapping_sub(1)).is_some_and(|w| w.span.of(text) == "the");
    // "the Biden administration", "the Smith family": "the" goes with the noun after the name.
    let owned = matches!(after, Some("administration" | "family" | "campaign" | "household"));
    if run.len() == 1 && the_before && !owned {
        vote(Kind::Organization, 0.5);
    }
    if !org_word
        && !the_before
        && (after.is_some_and(|a| PERSON_AFTER.contains(a)) || matches!(before, Some("said" | "says")))
    {
        // "NATO said": an acronym that speaks is a body.
        let body = run.len() == 1 && first.all_caps && first.span.len() >= 2;
        vote(if body { Kind::Organization } else { Kind::Person }, if run.len() >= 2 { 1.0 } else { 0.6 });
    }
    // "Barcelona 2 Real Madrid 1", "Celtic 4 3 1 0 11 5 10": a name with a score in a results
    // line or a league table is a team.
    let rest = text.get(span.end..).unwrap_or("");
    if let Some(r) = rest.strip_prefix(' ') {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        let next = r.get(digits..).and_then(|r| r.strip_prefix(' ')).and_then(|r| r.chars().next());
        if (1..=2).contains(&digits) && next.is_some_and(|c| c.is_ascii_digit() || c.is_uppercase()) {
            vote(Kind::Organization, 3.0);
        }
    }
    // "Swindon (4-4-2): Foderingham, ...": a team line-up.
    if rest.strip_prefix(" (").is_some_and(|r| {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        digits == 1 && r.get(1..2) == Some("-")
    }) {
        vote(Kind::Organization, 3.0);
    }
    // "Audrey Alexander, 54, ..." : an age after a name.
    let rest = text.get(span.end..).unwrap_or("");
    if let Some(r) = rest.strip_prefix(", ") {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && r.get(digits..).is_some_and(|r| r.starts_with(',') || r.starts_with(" ")) {
            vote(Kind::Person, 1.5);
        }
    }
    // "told MailOnline", "his son Harry", "Helmand province".
    if run.len() == 1 && matches!(before, Some("told")) {
        vote(Kind::Organization, 1.0);
    }
    if before.is_some_and(|b| KIN.contains(b)) {
        vote(Kind::Person, 1.0);
    }
    if matches!(after, Some("province" | "region" | "county" | "state" | "district")) {
        vote(Kind::Place, 1.0);
    }
    if owned && run.len() == 1 {
        vote(Kind::Person, 0.6);
    }
    context_votes(&mut cand.votes, before.filter(|_| !(owned && the_before)), after);
}

/// "Americans" → America, "Chinese" → China, "Israeli" → Israel: a people named after a place.
fn demonym(key: &str) -> bool {
    let key = key.strip_suffix('s').unwrap_or(key);
    const RULES: &[(&str, &str)] = &[
        ("n", ""),
        ("an", "a"),
        ("ian", "a"),
        ("ian", "y"),
        ("ian", ""),
        ("an", "o"),
        ("an", "y"),
        ("an", "any"),
        ("an", ""),
        ("an", "e"),
        ("ean", "ea"),
        ("ine", "ina"),
        ("ese", "a"),
        ("ese", ""),
        ("i", ""),
        ("ish", ""),
        ("ish", "land"),
        ("ic", "y"),
        ("er", ""),
        ("ish", "and"),
        ("ish", "en"),
        ("ish", "ey"),
        ("ish", "istan"),
        ("nish", "land"),
        ("nish", "in"),
        ("tish", "land"),
    ];
    let mut place = String::with_capacity(key.len() + 4);
    RULES.iter().any(|(suffix, add)| {
        key.strip_suffix(suffix).is_some_and(|stem| {
            place.clear();
            place.push_str(stem);
            place.push_str(add);
            stem.len() >= 3 && listed(gazetteer::PLACES, &place)
        })
    }) || matches!(
        key,
        "british"
            | "dutch"
            | "french"
            | "welsh"
            | "swiss"
            | "greek"
            | "thai"
            | "tory"
            | "torie"
            | "irish"
            | "danish"
            | "flemish"
            | "filipino"
            | "arab"
            | "soviet"
            | "ottoman"
            | "aussie"
            | "brit"
            | "saudi"
    )
}

/// Votes from the gazetteers and the shape of the name, once per mention.
fn prior(key: &str, cand: &Candidate, sport: bool) -> Vec<(Kind, f32)> {
    let mut out = Vec::new();
    if sport && listed(gazetteer::TEAM_TOWNS, key) {
        out.push((Kind::Organization, 3.5));
    }
    if listed(gazetteer::PLACES, key) {
        out.push((Kind::Place, 2.5));
    }
    if listed(gazetteer::ORGANIZATIONS, key) {
        out.push((Kind::Organization, 3.0));
    }
    let tokens: Vec<&str> = key.split([' ', '-']).filter(|t| !t.is_empty()).collect();
    // A listed name is what the list says ("Hong Kong" is no person for its given name "Hong",
    // "Middle East" no bloc); a lone given name that is also a place ("Jordan") keeps both votes.
    if !out.is_empty() {
        if let [one] = tokens.as_slice() {
            if listed(gazetteer::GIVEN_NAMES, one) {
                out.push((Kind::Person, 1.2));
            }
        }
        return out;
    }
    let people = |t: &&str| GROUP_WORDS.contains(t) || demonym(t);
    let org_word = tokens.iter().any(|t| ORG_WORDS.contains(t));
    // "the West", "Middle Eastern": a direction or a bloc, not a place on a map.
    if tokens.iter().all(|t| COMPASS.contains(t) || matches!(*t, "middle" | "far")) {
        out.push((Kind::Other, 3.0));
        return out;
    }
    // "British", "South Koreans", "Indian-American", "Australian Women": peoples.
    // A last word like "Baghdadi" may be a family name: only plurals or regions make it a people.
    let group_last = tokens.len() == 1
        || tokens.first().is_some_and(|t| COMPASS.contains(t) || *t == "middle")
        || tokens.last().is_some_and(|t| t.ends_with('s'));
    // "Native American", "African American": a people qualified by a word that is no given name.
    let qualified = tokens.len() == 2
        && tokens.last().is_some_and(people)
        && !tokens.first().is_some_and(|t| listed(gazetteer::GIVEN_NAMES, t));
    let peoples = qualified
        || (group_last && tokens.last().is_some_and(people))
        || (tokens.len() == 2 && tokens.first().is_some_and(people));
    if !org_word && (peoples || (tokens.len() > 1 && demonym(key))) {
        out.push((Kind::Other, 3.0));
        return out;
    }
    // "City of London", "Republic of Abkhazia", "Shire of Montana".
    if let [head, "of", ..] = tokens.as_slice() {
        if PLACE_HEADS.contains(head) {
            out.push((Kind::Place, 2.0));
            return out;
        }
    }
    let given_first = tokens.len() >= 2 && tokens.first().is_some_and(|t| listed(gazetteer::GIVEN_NAMES, t));
    if !org_word && !given_first && tokens.len() >= 2 && tokens.last().is_some_and(|t| EVENT_WORDS.contains(t)) {
        out.push((Kind::Other, 3.0));
        return out;
    }
    match tokens.as_slice() {
        [one] => {
            if listed(gazetteer::GIVEN_NAMES, one) {
                out.push((Kind::Person, 1.2));
            } else if ORG_WORDS.contains(one) {
                out.push((Kind::Organization, 1.0));
            } else if !cand.all_caps {
                // A lone unknown name is more often a person's than anything else's.
                out.push((Kind::Person, 0.0));
            }
        }
        [first, .., last] if !org_word => {
            let place_first = listed(gazetteer::PLACES, first);
            if place_first && last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
                // "Buffalo Bills", "Kolkata Knight Riders": a team.
                out.push((Kind::Organization, 1.5));
            } else if listed(gazetteer::GIVEN_NAMES, first) {
                out.push((Kind::Person, 2.5));
            } else if COMPASS.contains(first) || (place_first && matches!(*last, "city" | "town")) {
                out.push((Kind::Place, 1.0));
            } else if place_first && !cand.common {
                // "US Northern Command", "Tokyo Electric Power", "Ohio Chipotle": a place then a
                // name is a body of that place, not a person.
                out.push((Kind::Organization, 1.0));
            } else if tokens.iter().filter(|t| !CONNECTORS.contains(t)).count() <= 3
                && !cand.common
                // "Vogue UK", "Radio Bulgaria", "Day Six of Nepal": a listed place inside is no
                // part of a person's name.
                && !tokens.iter().skip(1).any(|t| listed(gazetteer::PLACES, t) && !listed(gazetteer::GIVEN_NAMES, t))
                && !tokens.iter().any(|t| PLACE_WORDS.contains(t))
                && key.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
            {
                // Two or three plain capitalised words with no other cue: most often a person.
                out.push((Kind::Person, 0.8));
            }
        }
        _ => {}
    }
    out
}

const W_TITLE: f32 = 1.5;
const W_FIRST: f32 = 1.0;

fn merge_and_rank(
    text: &str,
    doc: &Doc,
    title: Option<&str>,
    mut cands: HashMap<String, Candidate>,
    limit: usize,
    sport: bool,
) -> Vec<Entity> {
    // Longer names that a one-word name may stand for, found through indexes so that the work
    // stays linear: by last word ("Blinken" → "Antony Blinken") and by the word in brackets after
    // a mention ("NATO-Russia Council (NRC)").
    let mut by_last: HashMap<String, Vec<String>> = HashMap::new();
    let mut by_bracket: HashMap<String, Vec<String>> = HashMap::new();
    for (key, c) in cands.iter().filter(|(_, c)| c.tokens > 1) {
        if let Some(last) = key.rsplit([' ', '-']).next() {
            by_last.entry(last.to_owned()).or_default().push(key.clone());
        }
        for m in &c.mentions {
            let after = text.get(m.end..).unwrap_or("").trim_start();
            let Some(inner) = after.strip_prefix('(').and_then(|a| a.split_once(')')).map(|(i, _)| i) else { continue };
            if (2..=10).contains(&inner.len()) {
                let list = by_bracket.entry(inner.to_lowercase()).or_default();
                if !list.contains(key) {
                    list.push(key.clone());
                }
            }
        }
    }
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    for (short, c) in &cands {
        if c.tokens != 1 || !short.chars().all(char::is_alphanumeric) {
            continue;
        }
        // "Australia" is not "Daily Mail Australia", nor "Madrid" "Real Madrid": a listed place or
        // body names itself, unless it is also a given name ("Jordan" of "Michael Jordan").
        let itself = (listed(gazetteer::PLACES, short) || listed(gazetteer::ORGANIZATIONS, short))
            && !listed(gazetteer::GIVEN_NAMES, short);
        let surnames = by_last.get(short).into_iter().flatten().filter(|_| !itself);
        let acronyms =
            by_bracket.get(short).into_iter().flatten().filter(|long| defined_as_acronym(text, &cands, long, short));
        let parent = surnames
            .chain(acronyms)
            .filter(|long| *long != short)
            .max_by_key(|long| {
                (cands.get(*long).map_or(0, |l| l.mentions.len()), long.len(), std::cmp::Reverse((*long).clone()))
            })
            .cloned();
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
                for k in Kind::ALL {
                    cand.votes.add(k, c.votes.get(k) * 0.5);
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
            let own = cand.mentions.len().max(1) as f32;
            for (k, v) in prior(&key, &cand, sport) {
                cand.votes.add(k, v * own);
            }
            let kind = cand.votes.winner();
            let in_title = !title_lower.is_empty()
                && std::iter::once(&key).chain(&aliases).any(|k| contains_word(&title_lower, &k.to_lowercase()));
            let salience = cand.mentions.len() as f32
                + if in_title { W_TITLE } else { 0.0 }
                + W_FIRST * (1.0 - cand.first as f32 / n);
            // Peoples, events and unknowns ("Western", "Cold War") say less about a story.
            let salience = if kind == Kind::Other { salience * 0.6 } else { salience };
            Entity { name, kind, mentions: cand.mentions, aliases, salience }
        })
        .collect();
    // A lone first name of a person in the story is that person's kind ("Brent" of "Brent McGuigan").
    let first_names: HashMap<String, usize> = out
        .iter()
        .filter(|e| e.kind == Kind::Person)
        .filter_map(|e| e.name.split_once(' ').map(|(first, _)| (first.to_lowercase(), 0)))
        .collect();
    for e in out.iter_mut().filter(|e| !e.name.contains(' ') && e.kind != Kind::Person) {
        let key = e.name.to_lowercase();
        // Only a listed given name: "Tokyo" of "Tokyo Electric Power", "SNP" of "SNP MPs" and
        // "Sale" of "Sale Sharks" keep their own kind whatever that longer name was taken for.
        if first_names.contains_key(&key) && listed(gazetteer::GIVEN_NAMES, &key) {
            e.kind = Kind::Person;
        }
    }
    out.sort_by(|a, b| b.salience.total_cmp(&a.salience).then(a.mentions.first().cmp(&b.mentions.first())));
    out.truncate(limit);
    out
}

/// True when `short` is an acronym written in brackets right after a mention of `long` and its
/// letters are, in order, capitals of `long` ("NATO-Russia Council (NRC)", not "Carole Montillet
/// (France)").
fn defined_as_acronym(text: &str, cands: &HashMap<String, Candidate>, long: &str, short: &str) -> bool {
    let (Some(l), Some(s)) = (cands.get(long), cands.get(short)) else { return false };
    if !s.all_caps || !short.chars().all(|c| c.is_alphanumeric()) || short.len() < 2 {
        return false;
    }
    let Some(form) = l.forms.keys().next() else { return false };
    let mut capitals = form.chars().filter(|c| c.is_uppercase()).flat_map(char::to_lowercase);
    if !short.chars().all(|c| capitals.any(|k| k == c))
        || !form.to_lowercase().starts_with(short.get(..1).unwrap_or(""))
    {
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
        let lang = Language::from_code("en");
        let doc = segment(text, &[Span::new(0, text.len())], &lang);
        extract(text, &doc, &lang, None, 10)
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

    /// One story, the entity expected in it and its kind (`None`: not an entity at all).
    struct Case {
        text: &'static str,
        name: &'static str,
        kind: Option<Kind>,
    }

    const KINDS: &[Case] = &[
        // Gazetteers: given names, places, organisations.
        Case { text: "Officials said Marta Kowalczyk would stay.", name: "Marta Kowalczyk", kind: Some(Kind::Person) },
        Case { text: "Flights to Nairobi were cancelled.", name: "Nairobi", kind: Some(Kind::Place) },
        Case { text: "A report by the FBI was released.", name: "FBI", kind: Some(Kind::Organization) },
        // Cues: an age, organisation and place words, a title.
        Case { text: "The driver, Tobiah Quenby, 54, was unhurt.", name: "Tobiah Quenby", kind: Some(Kind::Person) },
        Case {
            text: "He joined Westfield Mining Corporation in May.",
            name: "Westfield Mining Corporation",
            kind: Some(Kind::Organization),
        },
        Case { text: "Hikers were lost near Jurupa Hills overnight.", name: "Jurupa Hills", kind: Some(Kind::Place) },
        Case { text: "Yesterday Dr Quenby spoke.", name: "Quenby", kind: Some(Kind::Person) },
        // "al-" joins a name; "of <place>" after a person's name is a second entity.
        Case {
            text: "Reports said Abu Bakr al-Baghdadi was hurt.",
            name: "Abu Bakr al-Baghdadi",
            kind: Some(Kind::Person),
        },
        Case { text: "A goal by Ryan Christie of Inverness won it.", name: "Ryan Christie", kind: Some(Kind::Person) },
        Case { text: "A goal by Ryan Christie of Inverness won it.", name: "Inverness", kind: Some(Kind::Place) },
        Case {
            text: "The rate was set by the Bank of England today.",
            name: "Bank of England",
            kind: Some(Kind::Organization),
        },
        // Counties are places; a club named after its town is a team in a story about sport.
        Case { text: "Police in Hampshire arrested a man.", name: "Hampshire", kind: Some(Kind::Place) },
        Case {
            text: "The visitors were Kenmoor (4-4-2): Foderingham, Branco.",
            name: "Kenmoor",
            kind: Some(Kind::Organization),
        },
        // A common word before a title names the office, not an entity.
        Case { text: "Later Transport Secretary Priya Shah spoke.", name: "Transport", kind: None },
        Case { text: "Later Transport Secretary Priya Shah spoke.", name: "Priya Shah", kind: Some(Kind::Person) },
        Case {
            text: "Rents rose in Liverpool. Many people moved to Liverpool.",
            name: "Liverpool",
            kind: Some(Kind::Place),
        },
        Case {
            text: "Liverpool won the match. The striker scored two goals and the manager thanked the fans \
                   after a victory that lifts Liverpool in the league.",
            name: "Liverpool",
            kind: Some(Kind::Organization),
        },
        // Learned context words (tables/contexts.rs) for names no list knows.
        Case { text: "Yesterday Zorbin pleaded guilty to fraud.", name: "Zorbin", kind: Some(Kind::Person) },
        Case { text: "The Quarnfield economy shrank again.", name: "Quarnfield", kind: Some(Kind::Place) },
        // Peoples, events and directions are "other".
        Case { text: "The German government met. German officials spoke.", name: "German", kind: Some(Kind::Other) },
        Case { text: "Several Middle Eastern states agreed.", name: "Middle Eastern", kind: Some(Kind::Other) },
        Case { text: "Many South Koreans watched the game.", name: "South Koreans", kind: Some(Kind::Other) },
        Case { text: "Their fathers fought in World War II.", name: "World War II", kind: Some(Kind::Other) },
        Case { text: "He warned the West about it.", name: "West", kind: Some(Kind::Other) },
        // Regressions: a listed place keeps its kind whatever its words look like.
        Case { text: "Flights to Hong Kong, Macau and Taipei resumed.", name: "Hong Kong", kind: Some(Kind::Place) },
        Case { text: "Flights to Hong Kong, Macau and Taipei resumed.", name: "Macau", kind: Some(Kind::Place) },
        Case {
            text: "Officials at US Northern Command agreed.",
            name: "US Northern Command",
            kind: Some(Kind::Organization),
        },
        Case { text: "Yesterday President Obama spoke.", name: "Obama", kind: Some(Kind::Person) },
        Case { text: "The mayor of the City of London spoke.", name: "City of London", kind: Some(Kind::Place) },
        Case { text: "A report by Radio Bulgaria aired.", name: "Radio Bulgaria", kind: Some(Kind::Organization) },
        Case { text: "Unrest spread across the Middle East quickly.", name: "Middle East", kind: Some(Kind::Place) },
        Case {
            text: "She was taken to Phoenix Children's Hospital by air.",
            name: "Phoenix Children's Hospital",
            kind: Some(Kind::Organization),
        },
        Case { text: "He met Britain's Foreign Office staff.", name: "Foreign Office", kind: Some(Kind::Organization) },
        Case { text: "The talks were held in Polish and English.", name: "Polish", kind: Some(Kind::Other) },
        Case {
            text: "Results: Liverpool 2 Arsenal 1. Celtic 4 3 1 0",
            name: "Liverpool",
            kind: Some(Kind::Organization),
        },
        Case { text: "Results: Liverpool 2 Arsenal 1. Celtic 4 3 1 0", name: "Celtic", kind: Some(Kind::Organization) },
        Case { text: "Yesterday SNP MPs met. The SNP said no.", name: "SNP", kind: Some(Kind::Organization) },
        Case {
            text: "He sued the Unite union. Unite members were angry.",
            name: "Unite",
            kind: Some(Kind::Organization),
        },
        Case { text: "The firm said: 'Unlike a lighter, it has no flame.'", name: "Unlike", kind: None },
        Case { text: "It arrived soon. Soon enough, a parcel came.", name: "Soon", kind: None },
        Case { text: "Crowds filled Times Square again.", name: "Times Square", kind: Some(Kind::Place) },
        Case { text: "He was held at Kern County Jail overnight.", name: "Kern County Jail", kind: Some(Kind::Place) },
        Case { text: "Many New Zealanders agreed.", name: "New Zealanders", kind: Some(Kind::Other) },
        Case { text: "A Native American tribe agreed.", name: "Native American", kind: Some(Kind::Other) },
        // Not entities: contractions, dates, page labels, words the story writes in lower case.
        Case { text: "He said: I'm not leaving. The I'm was loud.", name: "I'm", kind: None },
        Case { text: "They met on Easter Sunday in the park.", name: "Easter Sunday", kind: None },
        Case { text: "The owner was there. Owner Lindsay Castro said so.", name: "Owner Lindsay Castro", kind: None },
    ];

    #[test]
    fn kinds_from_gazetteers_and_cues() {
        for case in KINDS {
            let es = entities(case.text);
            let got = es.iter().find(|e| e.name == case.name).map(|e| e.kind);
            assert_eq!(got, case.kind, "{:?} in {:?}: {es:?}", case.name, case.text);
        }
    }

    #[test]
    fn a_listed_place_is_no_alias_of_a_longer_name() {
        let es =
            entities("Officials told Daily Mail Australia on Monday. Australia has strict rules. Australia agreed.");
        assert_eq!(find(&es, "Australia").kind, Kind::Place);
        assert!(find(&es, "Daily Mail Australia").aliases.is_empty(), "{es:?}");
    }

    #[test]
    fn a_country_in_brackets_is_no_acronym() {
        let es = entities("1. Carole Montillet (France) won. 2. Hilde Gerg (Germany) was second. France cheered.");
        assert!(find(&es, "Carole Montillet").aliases.is_empty(), "{es:?}");
        assert_eq!(find(&es, "France").kind, Kind::Place);
    }

    #[test]
    fn shouted_headlines_only_repeat_known_names() {
        let es = entities("JAPAN GET LUCKY WIN AGAINST SYRIA.\nJapan began the defence of their title against Syria.");
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.iter().any(|n| n.contains("LUCKY")), "{names:?}");
        assert_eq!(find(&es, "Japan").mentions.len(), 2);
    }

    #[test]
    fn word_lists_are_sorted() {
        let lists = [
            TITLES,
            OFFICES,
            ORG_WORDS,
            PLACE_WORDS,
            EVENT_WORDS,
            COMPASS,
            NOT_ACRONYMS,
            PLACE_HEADS,
            PLACE_FIRST,
            ORG_AFTER,
            CALENDAR,
            NOT_NAMES,
            GROUP_WORDS,
            PERSON_AFTER,
            KIN,
            CONNECTORS,
            OPENERS,
            SPORT_WORDS,
        ];
        for list in lists {
            list.check();
        }
    }

    #[test]
    fn gazetteer_lookup_is_exact() {
        assert!(listed(gazetteer::PLACES, "brussels"));
        assert!(listed(gazetteer::GIVEN_NAMES, "donald"));
        assert!(!listed(gazetteer::PLACES, "brussel"));
        assert!(!listed(gazetteer::PLACES, ""));
        assert!(!listed(gazetteer::PLACES, &"x".repeat(500)));
    }
}
