//! The gazetteer and shape prior: what a name's own words say about its kind, whatever the
//! story says around it.
//!
//! In: a candidate's lower-case name. Out: votes, counted once per mention. The compact
//! gazetteers generated into `tables/gazetteer.rs` by `scripts/tables/gazetteer.py` list places,
//! counties, given names, well-known organisations and clubs named after their town (teams in a
//! story [`about_sport`]). A listed name takes the listed kind whatever its words look like
//! ("Hong Kong" is no person named Hong). Peoples ("British", "South Koreans", found through
//! [`demonym`]), blocs ("the West") and events ("World War II") are "other"; two or three plain
//! capitalised words with no other cue are most often a person.

use super::candidates::Candidate;
use super::gazetteer;
use super::lexicon::{COMPASS, CONNECTORS, EVENT_WORDS, GROUP_WORDS, ORG_WORDS, PLACE_HEADS, PLACE_WORDS, SPORT_WORDS};
use super::weights::WEIGHTS as W;
use super::Kind;
use crate::segment::Doc;

/// True when `key` (lower case) is in a generated gazetteer table (see [`position`]).
pub(super) fn listed(table: &[&'static str], key: &str) -> bool {
    position(table, key).is_some()
}

/// Where `key` is in its bucket of a generated table (the keys of one byte length, one after
/// the other, in byte order): one probe of the bucket's hash index, built at its first lookup
/// ([`crate::words::find`]).
pub(super) fn position(table: &[&'static str], key: &str) -> Option<usize> {
    let n = key.len();
    let bucket = table.get(n)?;
    if n == 0 {
        return None;
    }
    crate::words::find(bucket, n, key).map(|start| start / n)
}

/// True when `key` (lower case) is a listed country ("syria", "united arab emirates"): the bit
/// of its place among all PLACES keys (bucket by bucket) in `gazetteer::COUNTRIES`.
pub(super) fn country(key: &str) -> bool {
    let Some(i) = position(gazetteer::PLACES.buckets(), key) else { return false };
    let table = gazetteer::PLACES.buckets().get(..key.len()).unwrap_or(&[]);
    let i = i + table.iter().enumerate().skip(1).map(|(n, b)| b.len() / n).sum::<usize>();
    gazetteer::COUNTRIES.get(i / 8).is_some_and(|b| b >> (i % 8) & 1 == 1)
}

/// "Americans" → America, "Chinese" → China, "Israeli" → Israel: a people named after a place.
pub(super) fn demonym(key: &str) -> bool {
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
    // Most words end in no rule's last letter ("n", "e", "i", "h", "c", "r") and try no rule.
    let last = key.bytes().last();
    let ruled = RULES.iter().any(|(suffix, _)| suffix.bytes().last() == last);
    // Allocated only when a rule applies.
    let mut place = String::new();
    ruled
        && RULES.iter().any(|(suffix, add)| {
            key.strip_suffix(suffix).is_some_and(|stem| {
                stem.len() >= 3 && {
                    place.clear();
                    place.push_str(stem);
                    place.push_str(add);
                    listed(gazetteer::PLACES.buckets(), &place)
                }
            })
        })
        || matches!(
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
pub(super) fn prior(key: &str, cand: &Candidate, sport: &Sport) -> Vec<(Kind, f32)> {
    let mut out = Vec::new();
    if listed(gazetteer::TEAM_TOWNS.buckets(), key) && sport.get() {
        out.push((Kind::Organization, W.team_town));
    }
    if listed(gazetteer::PLACES.buckets(), key) {
        out.push((Kind::Place, W.listed_place));
    }
    if listed(gazetteer::ORGANIZATIONS.buckets(), key) {
        out.push((Kind::Organization, W.listed_org));
    }
    let tokens: Vec<&str> = key.split([' ', '-']).filter(|t| !t.is_empty()).collect();
    // A listed name is what the list says ("Hong Kong" is no person for its given name "Hong",
    // "Middle East" no bloc); a lone given name that is also a place ("Jordan") keeps both votes.
    if !out.is_empty() {
        if let [one] = tokens.as_slice() {
            if listed(gazetteer::GIVEN_NAMES.buckets(), one) {
                out.push((Kind::Person, W.given_name_one));
            }
        }
        return out;
    }
    let people = |t: &&str| GROUP_WORDS.contains(t) || demonym(t);
    let org_word = tokens.iter().any(|t| ORG_WORDS.contains(t));
    // "the West", "Middle Eastern": a direction or a bloc, not a place on a map.
    if tokens.iter().all(|t| COMPASS.contains(t) || matches!(*t, "middle" | "far")) {
        out.push((Kind::Other, W.other));
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
        && !tokens.first().is_some_and(|t| listed(gazetteer::GIVEN_NAMES.buckets(), t));
    let peoples = qualified
        || (group_last && tokens.last().is_some_and(people))
        || (tokens.len() == 2 && tokens.first().is_some_and(people));
    if !org_word && (peoples || (tokens.len() > 1 && demonym(key))) {
        out.push((Kind::Other, W.other));
        return out;
    }
    // "City of London", "Republic of Abkhazia", "Shire of Montana".
    if let [head, "of", ..] = tokens.as_slice() {
        if PLACE_HEADS.contains(head) {
            out.push((Kind::Place, W.place_head));
            return out;
        }
    }
    let given_first = tokens.len() >= 2 && tokens.first().is_some_and(|t| listed(gazetteer::GIVEN_NAMES.buckets(), t));
    if !org_word && !given_first && tokens.len() >= 2 && tokens.last().is_some_and(|t| EVENT_WORDS.contains(t)) {
        out.push((Kind::Other, W.other));
        return out;
    }
    match tokens.as_slice() {
        [one] => {
            if listed(gazetteer::GIVEN_NAMES.buckets(), one) {
                out.push((Kind::Person, W.given_name_one));
            } else if ORG_WORDS.contains(one) {
                out.push((Kind::Organization, W.org_word_one));
            } else if !cand.all_caps {
                // A lone unknown name is more often a person's than anything else's.
                out.push((Kind::Person, W.unknown_one));
            }
        }
        [first, .., last] if !org_word => {
            let place_first = listed(gazetteer::PLACES.buckets(), first);
            if place_first && last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
                // "Buffalo Bills", "Kolkata Knight Riders": a team.
                out.push((Kind::Organization, W.place_team));
            } else if listed(gazetteer::GIVEN_NAMES.buckets(), first) {
                out.push((Kind::Person, W.given_name_first));
            } else if COMPASS.contains(first) || (place_first && matches!(*last, "city" | "town")) {
                out.push((Kind::Place, W.compass_first));
            } else if place_first && !cand.common {
                // "US Northern Command", "Tokyo Electric Power", "Ohio Chipotle": a place then a
                // name is a body of that place, not a person.
                out.push((Kind::Organization, W.place_body));
            } else if tokens.iter().filter(|t| !CONNECTORS.contains(t)).count() <= 3
                && !cand.common
                // "Vogue UK", "Radio Bulgaria", "Day Six of Nepal": a listed place inside is no
                // part of a person's name.
                && !tokens.iter().skip(1).any(|t| listed(gazetteer::PLACES.buckets(), t) && !listed(gazetteer::GIVEN_NAMES.buckets(), t))
                && !tokens.iter().any(|t| PLACE_WORDS.contains(t))
                && key.chars().all(|c| crate::chars::is_alphabetic(c) || c == ' ' || c == '-' || c == '\'')
            {
                // Two or three plain capitalised words with no other cue: most often a person.
                out.push((Kind::Person, W.plain_words));
            }
        }
        _ => {}
    }
    out
}

/// Whether a story is about sport ([`about_sport`]), asked only when a name is a team's town
/// (most stories name none) and then worked out once.
pub(super) struct Sport<'a> {
    doc: &'a Doc,
    known: std::cell::Cell<Option<bool>>,
}

impl<'a> Sport<'a> {
    pub fn new(doc: &'a Doc) -> Self {
        Sport { doc, known: std::cell::Cell::new(None) }
    }

    pub fn get(&self) -> bool {
        let sport = self.known.get().unwrap_or_else(|| about_sport(self.doc));
        self.known.set(Some(sport));
        sport
    }
}

/// True when at least 1 word in 80 (and 5 in all) is a word of sports reporting.
pub(super) fn about_sport(doc: &Doc) -> bool {
    let mut hits = vec![None; doc.vocab.len()];
    let mut count = 0usize;
    for w in &doc.words {
        let Some(slot) = hits.get_mut(w.term as usize) else { continue };
        let hit = *slot.get_or_insert_with(|| SPORT_WORDS.contains(doc.vocab.term(w.term)));
        count += usize::from(hit);
    }
    count >= 5 && count * 80 >= doc.words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_lookup_is_exact() {
        assert!(listed(gazetteer::PLACES.buckets(), "brussels"));
        assert!(listed(gazetteer::GIVEN_NAMES.buckets(), "donald"));
        assert!(!listed(gazetteer::PLACES.buckets(), "brussel"));
        assert!(!listed(gazetteer::PLACES.buckets(), ""));
        assert!(!listed(gazetteer::PLACES.buckets(), &"x".repeat(500)));
    }

    /// Every entry of every generated bucket table is found at its own place (the weights of
    /// the context tables are read at it), each bucket is sorted without repeats, and a key one
    /// byte off is not found.
    #[test]
    fn every_bucket_entry_is_found_at_its_place() {
        let tables = [
            gazetteer::PLACES.buckets(),
            gazetteer::GIVEN_NAMES.buckets(),
            gazetteer::ORGANIZATIONS.buckets(),
            gazetteer::TEAM_TOWNS.buckets(),
            super::super::contexts::BEFORE,
            super::super::contexts::AFTER,
        ];
        for table in tables {
            for (n, bucket) in table.iter().enumerate().skip(1) {
                assert_eq!(bucket.len() % n, 0, "{bucket:?}");
                let entries: Vec<&str> = (0..bucket.len() / n).filter_map(|i| bucket.get(i * n..i * n + n)).collect();
                assert!(entries.windows(2).all(|w| matches!(w, [a, b] if a < b)), "{entries:?}");
                for (i, e) in entries.iter().enumerate() {
                    assert_eq!(position(table, e), Some(i), "{e}");
                    let off: String = e.chars().rev().collect();
                    assert_eq!(position(table, &off).is_some(), entries.contains(&off.as_str()), "{off}");
                }
            }
        }
    }
}
