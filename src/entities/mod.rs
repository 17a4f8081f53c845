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
//!
//! The parts, in the order they run: [`lexicon`] (word lists), [`candidates`] (capitalised runs,
//! trimmed and split), [`cues`] (votes from each mention's context), [`prior`] (gazetteers and
//! the name's shape), [`aliases`] (merging, kinds and salience); every weight is in [`weights`].

use serde::{Serialize, Serializer};

use crate::language::Language;
use crate::segment::Doc;
use crate::text::Span;

mod aliases;
mod candidates;
mod cues;
mod lexicon;
mod prior;
mod weights;

// Generated tables: formatted by their scripts, not by rustfmt.
#[rustfmt::skip]
#[path = "../tables/contexts.rs"]
mod contexts;
#[rustfmt::skip]
#[path = "../tables/gazetteer.rs"]
mod gazetteer;

use candidates::{Evidence, Finder, Sentence};

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Other];

    /// The kind's name in the result (JavaScript, JSON, the CLI): "person", "organization",
    /// "place" or "other".
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
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

/// Extracts up to `limit` entities from `doc`. `title` is the headline, if any.
pub fn extract(text: &str, doc: &Doc, lang: &Language, title: Option<&str>, limit: usize) -> Vec<Entity> {
    if !lang.cased || limit == 0 {
        return Vec::new();
    }
    let sentence_words = |s: &crate::segment::Sentence| doc.words.get(s.words.clone()).unwrap_or(&[]);
    let shouts: Vec<bool> = doc.sentences.iter().map(|s| candidates::shouted(text, sentence_words(s))).collect();
    let mut finder = Finder::new(text, doc, lang, Evidence::new(text, doc, &shouts));
    for (index, s) in doc.sentences.iter().enumerate() {
        if shouts.get(index).copied().unwrap_or(false) {
            continue;
        }
        let sentence = Sentence { index, words: sentence_words(s) };
        for run in candidates::runs(text, sentence.words) {
            finder.collect(&sentence, run);
        }
    }
    // Shouted lines repeat names found elsewhere: "CHINA IN SURPRISE DEFEAT" → China.
    for (index, s) in doc.sentences.iter().enumerate() {
        if shouts.get(index).copied().unwrap_or(false) {
            finder.repeat_shouted(sentence_words(s));
        }
    }
    let merged = aliases::merge(text, finder.found);
    aliases::rank(doc, title, merged, prior::about_sport(doc), limit)
}

#[cfg(test)]
mod tests;
