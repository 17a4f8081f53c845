//! Aliases, kinds and salience: from candidates to the story's ranked entities.
//!
//! [`merge`]: a short name that ends a longer one ("Blinken" → "Antony Blinken") and an acronym
//! defined in brackets whose letters are the name's capitals ("NATO-Russia Council (NRC)") become
//! aliases of the longer name; a listed place or body names itself ("Australia" is not "Daily
//! Mail Australia"). [`rank`]: each entity's kind is the winner of its votes (cues, the prior,
//! its aliases'), and its salience is its mentions (aliases included), plus a bonus for the
//! headline and for an early first mention; kind "other" ranks lower.

use crate::case;
use crate::hash::{FxMap, FxSet};

use super::candidates::Candidate;
use super::prior::{listed, prior, Sport};
use super::weights::WEIGHTS as W;
use super::{gazetteer, Entity, Kind};
use crate::segment::Doc;

/// A candidate with the shorter names merged into it.
pub(super) struct Merged {
    /// The lower-case name.
    key: String,
    cand: Candidate,
    /// The aliases' most used written forms, sorted.
    aliases: Vec<String>,
}

/// Merges each one-word candidate that stands for a longer one into it (see the module doc).
pub(super) fn merge(text: &str, doc: &Doc, mut cands: FxMap<String, Candidate>) -> Vec<Merged> {
    // Longer names that a one-word name may stand for, found through indexes so that the work
    // stays linear: by last word ("Blinken" → "Antony Blinken") and by the word in brackets after
    // a mention ("NATO-Russia Council (NRC)").
    let mut by_last: FxMap<String, Vec<String>> = FxMap::default();
    let mut by_bracket: FxMap<String, Vec<String>> = FxMap::default();
    for (key, c) in cands.iter().filter(|(_, c)| c.tokens > 1) {
        if let Some(last) = key.rsplit([' ', '-']).next() {
            by_last.entry(last.to_owned()).or_default().push(key.clone());
        }
        // Constant work per mention: `bracketed_after` reads a bounded window, and a key's own
        // mentions come together, so a repeat in its list can only be the last entry.
        for m in &c.mentions {
            let Some(inner) = bracketed_after(text, m.end) else { continue };
            if (2..=10).contains(&inner.len()) {
                let list = by_bracket.entry(case::lowercase(inner)).or_default();
                if list.last() != Some(key) {
                    list.push(key.clone());
                }
            }
        }
    }
    let (apart, mut held) = titled_apart(text, doc, &mut cands, &by_last);
    let mut aliases: FxMap<String, Vec<String>> = FxMap::default();
    // The mentions of a surname shared by several full names, by (full name, surname).
    let mut shared: FxMap<(String, String), Candidate> = FxMap::default();
    for (short, c) in &cands {
        if c.tokens != 1 || !short.chars().all(crate::chars::is_alphanumeric) {
            continue;
        }
        // "Australia" is not "Daily Mail Australia", nor "Madrid" "Real Madrid": a listed place or
        // body names itself, unless it is also a given name ("Jordan" of "Michael Jordan").
        let itself = (listed(gazetteer::PLACES.buckets(), short) || listed(gazetteer::ORGANIZATIONS.buckets(), short))
            && !listed(gazetteer::GIVEN_NAMES.buckets(), short);
        let surnames = by_last.get(short).into_iter().flatten().filter(|_| !itself);
        // A surname that ends several full names ("Warren Weinstein", "Elaine Weinstein"): each
        // mention goes to the full name mentioned last before it (the first one when none is).
        // Only full names that open with a given name count ("Served Wenger" is no namesake of
        // "Arsene Wenger").
        let given = |long: &&String| {
            long.split_whitespace().next().is_some_and(|f| listed(gazetteer::GIVEN_NAMES.buckets(), f))
        };
        let full: Vec<&String> =
            surnames.clone().filter(|long| *long != short).filter(given).take(MAX_NAMESAKES).collect();
        if full.len() >= 2 {
            for (parent, part) in split_by_nearest(doc, c, &full, &cands) {
                aliases.entry(parent.clone()).or_default().push(short.clone());
                shared.insert((parent, short.clone()), part);
            }
            continue;
        }
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
    let mut merged: Vec<Merged> = Vec::new();
    let mut absorbed: FxMap<String, Candidate> = FxMap::default();
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
            if let Some(c) = shared.remove(&(key.clone(), s.clone())).or_else(|| absorbed.remove(s)) {
                cand.mentions.extend(c.mentions);
                cand.votes.add_scaled(&c.votes, W.alias_share);
                cand.first = cand.first.min(c.first);
                if let Some(form) = most_used(&c.forms) {
                    names.push(form.clone());
                }
            }
        }
        if let Some(form) = held.remove(&key).filter(|f| !names.contains(f)) {
            names.push(form);
        }
        crate::sort::sort(&mut names);
        merged.push(Merged { key, cand, aliases: names });
    }
    merged.extend(apart);
    merged
}

/// Splits off, as entities of their own, the mentions of a surname written under an office
/// title ("Vice President Biden") that stand for somebody else than the full names ending in
/// that surname ("Hunter Biden"): when no such full name is ever titled itself and one of them
/// is written in full again after the titled surname (a writer repeats "Hunter Biden" in full
/// because "Biden" alone would be taken for the Vice President). "President Barack Obama ...
/// President Obama" stays one person, and so does "Barack Obama ... President Obama ... Obama".
/// The entity is shown with its title; the surname's other mentions go on to the usual choice.
fn titled_apart(
    text: &str,
    doc: &Doc,
    cands: &mut FxMap<String, Candidate>,
    by_last: &FxMap<String, Vec<String>>,
) -> (Vec<Merged>, FxMap<String, String>) {
    let mut out = Vec::new();
    let mut held = FxMap::default();
    let mut shorts: Vec<&String> = by_last.keys().filter(|k| cands.get(*k).is_some_and(|c| c.tokens == 1)).collect();
    crate::sort::sort(&mut shorts);
    for short in shorts {
        let Some(c) = cands.get(short) else { continue };
        let titled: Vec<(crate::text::Span, usize)> =
            c.mentions.iter().filter_map(|m| Some((*m, title_before(text, m.start)?))).collect();
        let Some(first_titled) = titled.iter().map(|(m, _)| m.start).min() else { continue };
        // People only: "Premier League" is no title and a surname.
        if c.votes.winner() != Kind::Person {
            continue;
        }
        // The people whose full name ends in the surname.
        let full: Vec<(&String, &Candidate)> = by_last
            .get(short)
            .into_iter()
            .flatten()
            .filter(|long| *long != short)
            .filter_map(|long| Some((long, cands.get(long)?)))
            .filter(|(_, l)| l.votes.winner() == Kind::Person)
            .collect();
        let title_of = |m: &crate::text::Span, start: usize| text.get(start..m.start).map(case::lowercase);
        // A full name written under the same title ("Vice President Joe Biden") takes them.
        let same: Vec<Option<String>> = titled.iter().map(|(m, t)| title_of(m, *t)).collect();
        let holder = full.iter().find(|(_, l)| {
            l.mentions.iter().any(|m| title_before(text, m.start).is_some_and(|t| same.contains(&title_of(m, t))))
        });
        let full_titled = full.iter().any(|(_, l)| l.mentions.iter().any(|m| title_before(text, m.start).is_some()));
        // The writer repeats a full name after the titled surname, and uses it three times or
        // more and over twice as often as the bare surname: "Hunter Biden" is kept apart from the Vice President in full on purpose
        // ("George Bush ... Mr Bush ... President Bush ... George Bush's" is one man).
        let after =
            full.iter().map(|(_, l)| l.mentions.iter().filter(|m| m.start > first_titled).count()).sum::<usize>();
        let fulls = full.iter().map(|(_, l)| l.mentions.len()).sum::<usize>();
        let bare = c.mentions.len() - titled.len();
        let apart = !full_titled && after >= 1 && fulls >= 3 && fulls > 2 * bare;
        if holder.is_none() && !apart {
            continue;
        }
        let holder = holder.map(|(key, _)| (*key).clone());
        let holder_key = holder.clone();
        let Some(c) = cands.get_mut(short) else { continue };
        let form = most_used(&c.forms).cloned();
        let share = titled.len() as f32 / c.mentions.len().max(1) as f32;
        let mut part = Candidate {
            tokens: 1,
            all_caps: c.all_caps,
            common: c.common,
            learned: c.learned,
            votes: c.votes.scaled(share),
            ..Candidate::default()
        };
        c.votes = c.votes.scaled(1.0 - share);
        c.mentions.retain(|m| !titled.iter().any(|(t, _)| t == m));
        for (m, start) in &titled {
            if let Some(form) = text.get(*start..m.end) {
                super::candidates::count_form(&mut part.forms, form, 1);
            }
            part.mentions.push(*m);
        }
        part.first = doc.sentences.partition_point(|s| s.span.start <= first_titled).saturating_sub(1);
        if c.mentions.is_empty() {
            cands.remove(short);
        }
        match holder.and_then(|h| cands.get_mut(&h)) {
            Some(h) => {
                if let (Some(form), Some(key)) = (form, holder_key) {
                    held.insert(key, form);
                }
                h.mentions.extend(part.mentions);
                h.votes.add_scaled(&part.votes, W.alias_share);
            }
            None => out.push(Merged { key: short.clone(), cand: part, aliases: Vec::new() }),
        }
    }
    (out, held)
}

/// Most bytes [`title_before`] reads back from a name.
const TITLE_WINDOW: usize = 40;

/// Where the office title written right before byte `start` begins ("Vice President " before
/// "Biden", "Senator " before "Warren"), or `None`. Courtesy titles ("Mr", "Dr", "Sir") fit any
/// namesake and do not count. Reads at most [`TITLE_WINDOW`] bytes back.
fn title_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    let back = crate::text::tail(before, TITLE_WINDOW);
    let from = before.len() - back.len();
    let window = back.strip_suffix(' ')?;
    let mut words = window.rsplit(' ');
    let word = |w: &str| case::lowercase(w.trim_end_matches('.'));
    let title = words.next().filter(|w| w.starts_with(char::is_uppercase)).map(word)?;
    if !super::lexicon::TITLES.contains(&title) || COURTESY.contains(&title.as_str()) {
        return None;
    }
    let mut begin = window.len() - window.rsplit(' ').next().map_or(0, str::len);
    // "Vice President", "Prime Minister", "Chief Justice": the title's own first word.
    for w in words {
        let lower = word(w);
        if !w.starts_with(char::is_uppercase)
            || !(super::lexicon::OFFICES.contains(&lower) || super::lexicon::TITLES.contains(&lower))
        {
            break;
        }
        begin -= w.len() + 1;
    }
    Some(from + begin)
}

/// Titles of courtesy, which say nothing about which namesake is meant.
const COURTESY: &[&str] = &["dame", "dr", "lady", "lord", "madam", "miss", "mr", "mrs", "ms", "prof", "sir"];

/// Full names one surname may stand for; more are left to the usual choice (bounds the work).
const MAX_NAMESAKES: usize = 8;

/// Splits the mentions of surname `c` among the full names `full` that end in it: each mention
/// goes to the full name mentioned in the nearest sentence before it (within that sentence, the
/// first one: "Alessandra Mussolini, the granddaughter of Benito Mussolini, …"), or to the
/// earliest-mentioned full name when none comes before. Returns each full name with its share of the surname (votes in
/// proportion), for those that get any.
fn split_by_nearest(
    doc: &Doc,
    c: &Candidate,
    full: &[&String],
    cands: &FxMap<String, Candidate>,
) -> Vec<(String, Candidate)> {
    let sentence_of = |at: usize| doc.sentences.partition_point(|s| s.span.start <= at);
    let starts: Vec<Vec<usize>> = full
        .iter()
        .map(|long| {
            let mut v: Vec<usize> =
                cands.get(*long).map_or(Vec::new(), |l| l.mentions.iter().map(|m| m.start).collect());
            crate::sort::sort(&mut v);
            v
        })
        .collect();
    let earliest = (0..full.len())
        .min_by_key(|&i| (starts.get(i).and_then(|v| v.first().copied()).unwrap_or(usize::MAX), full.get(i).copied()))
        .unwrap_or(0);
    let mut parts: Vec<Vec<crate::text::Span>> = vec![Vec::new(); full.len()];
    for m in &c.mentions {
        let nearest = starts
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let before = v.partition_point(|&st| st < m.start);
                let last = *before.checked_sub(1).and_then(|b| v.get(b))?;
                // The first mention of this name in the sentence of its last one before `m`.
                let sentence = sentence_of(last);
                let start = sentence.checked_sub(1).and_then(|k| doc.sentences.get(k)).map_or(0, |s| s.span.start);
                let first_there = *v.get(v.partition_point(|&st| st < start))?;
                Some((sentence, std::cmp::Reverse(first_there), i))
            })
            .max()
            .map_or(earliest, |(_, _, i)| i);
        if let Some(p) = parts.get_mut(nearest) {
            p.push(*m);
        }
    }
    let total = c.mentions.len().max(1) as f32;
    full.iter()
        .zip(parts)
        .filter(|(_, p)| !p.is_empty())
        .map(|(long, mentions)| {
            let part = Candidate {
                forms: c.forms.clone(),
                votes: c.votes.scaled(mentions.len() as f32 / total),
                mentions,
                first: c.first,
                tokens: c.tokens,
                all_caps: c.all_caps,
                common: c.common,
                learned: c.learned,
            };
            ((*long).clone(), part)
        })
        .collect()
}

/// The entities of `merged`, most salient first, at most `limit`: each one's kind (with the
/// prior's votes, `sport` when the story is about sport) and salience. `title` is the headline.
pub(super) fn rank(doc: &Doc, title: Option<&str>, merged: Vec<Merged>, sport: &Sport, limit: usize) -> Vec<Entity> {
    rank_with_margins(doc, title, merged, sport, limit).into_iter().map(|(e, _)| e).collect()
}

/// [`rank`], with each entity's confidence in its kind: the winning kind's lead over the next
/// kind, in votes per mention.
pub(super) fn rank_with_margins(
    doc: &Doc,
    title: Option<&str>,
    merged: Vec<Merged>,
    sport: &Sport,
    limit: usize,
) -> Vec<(Entity, f32)> {
    let n = doc.sentences.len().max(1) as f32;
    let title = TitleWords::new(title.unwrap_or(""));
    let mut out: Vec<(Entity, f32)> = merged
        .into_iter()
        .filter_map(|Merged { key, mut cand, aliases }| {
            crate::sort::sort(&mut cand.mentions);
            cand.mentions.dedup();
            // Shown in mixed case when the story writes it so anywhere ("Frank Lampard", not its
            // shouted "FRANK LAMPARD").
            let name = cand
                .forms
                .iter()
                .max_by(|(f, c), (g, d)| {
                    // Forms are distinct: no ties. Compared in place (a key would copy each form).
                    (!shouted_form(f), **c).cmp(&(!shouted_form(g), **d)).then_with(|| g.cmp(f))
                })
                .map(|(f, _)| f.clone())
                .unwrap_or(key.clone());
            // Written only in capitals: a shouted heading or teaser ("CLICK HERE", "WATCH"), unless
            // a gazetteer knows the name or its first word ("NEW YORK", "DAVID BECKHAM"), which
            // is then shown with capitals only on its short words ("Kiro TV").
            let shouted = cand.forms.keys().all(|f| shouted_form(f));
            let first_word = key.split_whitespace().next().unwrap_or("");
            // Asked only of shouted names (most are not).
            let known = || {
                [gazetteer::PLACES.buckets(), gazetteer::ORGANIZATIONS.buckets(), gazetteer::GIVEN_NAMES.buckets()]
                    .iter()
                    .any(|t| listed(t, &key) || listed(t, first_word))
            };
            // A single shouted word is a heading when the story also writes it in lower case or
            // it is a frequent English word ("REALLY", "WATCH"): an acronym ("UNESCO") is neither.
            let word = || cand.common || crate::tables::idf("en").is_some_and(|t| t.zipf(&key).is_some());
            let heading =
                shouted && !known() && (name.split_whitespace().count() >= 2 || (name.chars().count() >= 5 && word()));
            let name = if shouted && !heading && name.contains(' ') { title_case(&name) } else { name };
            let own = cand.mentions.len().max(1) as f32;
            if !cand.learned {
                for (k, v) in prior(&key, &cand, sport) {
                    cand.votes.add(k, v * own);
                }
            }
            let kind = cand.votes.winner();
            let mut votes = cand.votes.0;
            crate::sort::sort_by(&mut votes, |a, b| b.total_cmp(a));
            let margin = (votes[0] - votes[1]) / own;
            let in_title = std::iter::once(&key).chain(&aliases).any(|k| title.contains(&case::lowercase(k)));
            let salience = cand.mentions.len() as f32
                + if in_title { W.in_title } else { 0.0 }
                + W.first_mention * (1.0 - cand.first as f32 / n);
            // Peoples, events and unknowns ("Western", "Cold War") say less about a story.
            let salience = if kind == Kind::Other { salience * W.other_salience } else { salience };
            (!heading).then_some((Entity { name, kind, mentions: cand.mentions, aliases, salience }, margin))
        })
        .collect();
    // A lone first name of a person in the story is that person's kind ("Brent" of "Brent McGuigan").
    let first_names: FxMap<String, usize> = out
        .iter()
        .map(|(e, _)| e)
        .filter(|e| e.kind == Kind::Person)
        .filter_map(|e| e.name.split_once(' ').map(|(first, _)| (case::lowercase(first), 0)))
        .collect();
    for (e, _) in out.iter_mut().filter(|(e, _)| !e.name.contains(' ') && e.kind != Kind::Person) {
        let key = case::lowercase(&e.name);
        // Only a listed given name: "Tokyo" of "Tokyo Electric Power", "SNP" of "SNP MPs" and
        // "Sale" of "Sale Sharks" keep their own kind whatever that longer name was taken for.
        if first_names.contains_key(&key) && listed(gazetteer::GIVEN_NAMES.buckets(), &key) {
            e.kind = Kind::Person;
        }
    }
    crate::sort::sort_by(&mut out, |(a, _), (b, _)| {
        b.salience.total_cmp(&a.salience).then(a.mentions.first().cmp(&b.mentions.first()))
    });
    out.truncate(limit);
    out
}

/// True when `short` is an acronym written in brackets right after a mention of `long` and its
/// letters are, in order, capitals of `long` ("NATO-Russia Council (NRC)", not "Carole Montillet
/// (France)").
fn defined_as_acronym(text: &str, cands: &FxMap<String, Candidate>, long: &str, short: &str) -> bool {
    let (Some(l), Some(s)) = (cands.get(long), cands.get(short)) else { return false };
    if !s.all_caps || !short.chars().all(crate::chars::is_alphanumeric) || short.len() < 2 {
        return false;
    }
    let Some(form) = most_used(&l.forms) else { return false };
    let mut capitals = form.chars().filter(|c| c.is_uppercase()).flat_map(case::lower);
    if !short.chars().all(|c| capitals.any(|k| k == c))
        || !case::lowercase(form).starts_with(short.get(..1).unwrap_or(""))
    {
        return false;
    }
    // Linear in `long`'s mentions: each looks at a bounded window after it.
    l.mentions.iter().any(|m| {
        bracketed_after(text, m.end)
            .is_some_and(|inner| inner.len() == short.len() && case::lowercase(inner).starts_with(short))
    })
}

/// A name's commonest written form (ties: the first in byte order), never the map's arbitrary
/// first key: the same input must give the same entities.
fn most_used(forms: &FxMap<String, usize>) -> Option<&String> {
    forms.iter().max_by_key(|(f, n)| (**n, std::cmp::Reverse(*f))).map(|(f, _)| f)
}

/// Most bytes of spacing before, and of text inside, a bracket [`bracketed_after`] reads.
const BRACKET_WINDOW: usize = 32;

/// The text inside a bracket opened right after byte `end` of `text` (after at most
/// [`BRACKET_WINDOW`] bytes of spaces) and closed within [`BRACKET_WINDOW`] bytes: "NRC" after
/// "NATO-Russia Council (NRC)". Reads a bounded window, so an unclosed bracket costs no scan of
/// the rest of the text ("John Smith (" a million times stays linear).
fn bracketed_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    let spaces: usize = rest
        .char_indices()
        .take_while(|&(i, c)| i < BRACKET_WINDOW && c.is_whitespace())
        .map(|(_, c)| c.len_utf8())
        .sum();
    let inside = rest.get(spaces..)?.strip_prefix('(')?;
    let close = inside.bytes().take(BRACKET_WINDOW + 1).position(|b| b == b')')?;
    inside.get(..close)
}

/// The headline's runs of whole words, for "is this name in the headline" in time linear in the
/// name (a scan of the headline per entity was quadratic on a long title and many names).
struct TitleWords {
    /// The lower-cased headline, cut to [`MAX_TITLE`] bytes.
    lower: String,
    /// Hashes of every substring of `lower` that starts and ends at a word boundary.
    runs: FxSet<u64>,
}

/// Bytes of a headline searched for names: no headline is longer.
const MAX_TITLE: usize = 300;

impl TitleWords {
    fn new(title: &str) -> Self {
        let mut lower = case::lowercase(title);
        lower.truncate(crate::text::head(&lower, MAX_TITLE).len());
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let alnum = |k: usize| chars.get(k).is_some_and(|&(_, c)| crate::chars::is_alphanumeric(c));
        let mut runs = FxSet::default();
        // At most MAX_TITLE² / 2 steps, once per call.
        for start in 0..chars.len() {
            if start > 0 && alnum(start - 1) {
                continue;
            }
            let mut h = Fnv::default();
            for end in start..chars.len() {
                if let Some(&(_, c)) = chars.get(end) {
                    h.push(c);
                }
                if !alnum(end + 1) {
                    runs.insert(h.0);
                }
            }
        }
        TitleWords { lower, runs }
    }

    /// True when `needle` (lower case) occurs in the headline as whole words.
    fn contains(&self, needle: &str) -> bool {
        let mut h = Fnv::default();
        needle.chars().for_each(|c| h.push(c));
        !needle.is_empty() && self.runs.contains(&h.0) && contains_word(&self.lower, needle)
    }
}

/// FNV-1a over chars.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn push(&mut self, c: char) {
        self.0 = (self.0 ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// A form written in capitals only ("CLICK HERE", "FRANK LAMPARD", "NATO").
fn shouted_form(form: &str) -> bool {
    form.chars().filter(|&c| crate::chars::is_alphabetic(c)).count() >= 2 && !form.chars().any(char::is_lowercase)
}

/// "NEW YORK" → "New York": words of four letters or more in title case, shorter ones as they
/// are ("KIRO TV" → "Kiro TV").
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().filter(|&c| crate::chars::is_alphabetic(c)).count() < 4 {
            out.push_str(word);
            continue;
        }
        let mut start = true;
        for c in word.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(case::lower(c));
            }
            start = !crate::chars::is_alphabetic(c);
        }
    }
    out
}

/// True when `needle` occurs in `haystack` as whole words.
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack.get(..i).and_then(|s| s.chars().next_back());
        let after = haystack.get(i + needle.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(crate::chars::is_alphanumeric) && !after.is_some_and(crate::chars::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_match_whole_words_only() {
        let t = TitleWords::new("Blinken meets NATO chief in the U.S. capital");
        for (needle, want) in [
            ("blinken", true),
            ("nato chief", true),
            ("u.s.", true),
            ("the u.s. capital", true),
            ("nato ch", false),
            ("link", false),
            ("capitals", false),
            ("", false),
        ] {
            assert_eq!(t.contains(needle), want, "{needle:?}");
        }
        // A headline longer than MAX_TITLE is searched in its first MAX_TITLE bytes.
        let long = format!("{} Smith", "é".repeat(MAX_TITLE));
        assert!(!TitleWords::new(&long).contains("smith"));
    }

    #[test]
    fn bracketed_after_reads_a_bounded_window() {
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("NATO-Russia Council (NRC) met", 19, Some("NRC")),
            ("Council  (NRC)", 7, Some("NRC")),
            ("Council (NRC", 7, None),
            ("Council NRC)", 7, None),
            ("Council ()", 7, Some("")),
            ("Smith (", 5, None),
        ];
        for &(text, end, want) in cases {
            assert_eq!(bracketed_after(text, end), want, "{text:?}");
        }
        // An unclosed bracket far from its close: not found, and not searched for.
        let far = format!("John Smith ({})", "x".repeat(1000));
        assert_eq!(bracketed_after(&far, 10), None);
    }
}
