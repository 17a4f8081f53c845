//! Votes for a name's kind from one mention: its own words and the words around it.
//!
//! In: a [`Mention`] (the name's words in its sentence). Out: votes added to its candidate, each
//! weighed by a named [`Weights`](super::weights::Weights) field: a title before it, an
//! organisation, place or event word in it, "said"/"who" after it, an age after a comma,
//! "in"/"at"/"from" before it, "the" before it, a kin word before it ("his son Harry"),
//! "spokesman"/"leader"/"fans" after it, a score after it ("Liverpool 2 Arsenal 1": a team), and
//! the words before and after it weighed by the table learned from the gazetteers' own names in
//! news text (`tables/contexts.rs`, by `scripts/tables/contexts.py`: "Zorbin pleaded" is a
//! person).

use std::ops::Range;

use super::candidates::Evidence;
use super::lexicon::List;
use super::prior::position;
use super::weights::WEIGHTS as W;
use super::{contexts, Kind, Votes};
use crate::segment::{Doc, Word};
use crate::text::Span;

/// One mention of a name in its sentence: what the cues look at.
pub(super) struct Mention<'a> {
    pub text: &'a str,
    pub doc: &'a Doc,
    /// The words of the sentence.
    pub words: &'a [Word],
    /// The name's words in `words` (not empty).
    pub run: Range<usize>,
    /// The name in `text`, without a possessive "'s".
    pub span: Span,
    /// The story's evidence, which asks the word lists of each term once.
    pub ev: &'a Evidence,
}

/// Adds the votes of the cues in and around `m` to `votes`, and `cue`'s (a kind the caller
/// read from a title before the name).
pub(super) fn vote(m: &Mention, cue: Option<Kind>, votes: &mut Votes) {
    let (text, doc, words, run, span, ev) = (m.text, m.doc, m.words, m.run.clone(), m.span, m.ev);
    let Some(first) = words.get(run.start) else { return };
    let terms = words.get(run.clone()).unwrap_or(&[]);
    let is = |w: &Word, list: List| ev.has(doc, w.term, list);
    let mut vote = |k: Kind, w: f32| votes.add(k, w);
    if let Some(k) = cue {
        vote(k, W.cue);
    }
    let org_word = terms.iter().any(|t| is(t, List::OrgWords));
    if terms.last().is_some_and(|t| is(t, List::OrgWords)) {
        vote(Kind::Organization, W.org_word_last);
    } else if run.len() >= 2
        && terms.last().is_some_and(|t| is(t, List::PlaceWords))
        && !(terms.len() >= 3 && terms.get(terms.len() - 2).is_some_and(|t| is(t, List::OrgWords)))
    {
        // "Times Square", "Kern County Jail": the last word says what the name is (but
        // "Manchester School District" is the school's).
        vote(Kind::Place, W.place_word_last);
    } else if org_word {
        vote(Kind::Organization, W.org_word_inside);
    } else if run.len() >= 2
        && (terms.last().is_some_and(|t| is(t, List::PlaceWords))
            || terms.first().is_some_and(|t| is(t, List::PlaceFirst)))
    {
        vote(Kind::Place, W.place_word_first);
    }
    if run.len() == 1 && first.all_caps {
        vote(Kind::Organization, W.all_caps);
    }
    let (word_before, word_after) = (words.get(run.start.wrapping_sub(1)), words.get(run.end));
    let before = word_before.map(|w| doc.vocab.term(w.term));
    if matches!(before, Some("in" | "at" | "from" | "across" | "near")) {
        vote(Kind::Place, if run.len() == 1 { W.place_preposition_one } else { W.place_preposition_many });
    }
    let after = word_after.map(|w| doc.vocab.term(w.term));
    if run.len() == 1 && word_after.is_some_and(|a| is(a, List::OrgAfter)) {
        vote(Kind::Organization, W.org_after);
    }
    // "the Gunners", "the Pentagon": a person's name takes no article.
    let the_before = word_before.is_some_and(|w| w.span.of(text) == "the");
    // "the Biden administration", "the Smith family": "the" goes with the noun after the name.
    let owned = matches!(after, Some("administration" | "family" | "campaign" | "household"));
    if run.len() == 1 && the_before && !owned {
        vote(Kind::Organization, W.article_before);
    }
    if !org_word
        && !the_before
        && (word_after.is_some_and(|a| is(a, List::PersonAfter)) || matches!(before, Some("said" | "says")))
    {
        // "NATO said": an acronym that speaks is a body.
        let body = run.len() == 1 && first.all_caps && first.span.len() >= 2;
        vote(
            if body { Kind::Organization } else { Kind::Person },
            if run.len() >= 2 { W.speaks_many } else { W.speaks_one },
        );
    }
    // "Barcelona 2 Real Madrid 1", "Celtic 4 3 1 0 11 5 10": a name with a score in a results
    // line or a league table is a team.
    let rest = text.get(span.end..).unwrap_or("");
    if let Some(r) = rest.strip_prefix(' ') {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        let next = r.get(digits..).and_then(|r| r.strip_prefix(' ')).and_then(|r| r.chars().next());
        if (1..=2).contains(&digits) && next.is_some_and(|c| c.is_ascii_digit() || c.is_uppercase()) {
            vote(Kind::Organization, W.score_after);
        }
    }
    // "Swindon (4-4-2): Foderingham, ...": a team line-up.
    if rest.strip_prefix(" (").is_some_and(|r| {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        digits == 1 && r.get(1..2) == Some("-")
    }) {
        vote(Kind::Organization, W.lineup_after);
    }
    // "Audrey Alexander, 54, ..." : an age after a name.
    if let Some(r) = rest.strip_prefix(", ") {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && r.get(digits..).is_some_and(|r| r.starts_with(',') || r.starts_with(" ")) {
            vote(Kind::Person, W.age_after);
        }
    }
    // "told MailOnline", "his son Harry", "Helmand province".
    if run.len() == 1 && matches!(before, Some("told")) {
        vote(Kind::Organization, W.told_before);
    }
    if word_before.is_some_and(|b| is(b, List::Kin)) {
        vote(Kind::Person, W.kin_before);
    }
    if matches!(after, Some("province" | "region" | "county" | "state" | "district")) {
        vote(Kind::Place, W.region_after);
    }
    if owned && run.len() == 1 {
        vote(Kind::Person, W.family_after);
    }
    context_votes(votes, before.filter(|_| !(owned && the_before)), after);
}

/// Votes from the words around a mention, learned by `scripts/tables/contexts.py`: only the
/// kinds a word favours count ("striker" after a name is a team's, "aged" a person's). The
/// table holds log odds in sixteenths.
fn context_votes(votes: &mut Votes, before: Option<&str>, after: Option<&str>) {
    let sides =
        [(contexts::BEFORE, contexts::BEFORE_WEIGHTS, before), (contexts::AFTER, contexts::AFTER_WEIGHTS, after)];
    for (words, weights, word) in sides {
        let Some(word) = word else { continue };
        let Some(i) = position(words, word) else { continue };
        let Some(weights) = weights.get(word.len()).and_then(|b| b.get(i)) else { continue };
        for (kind, w) in [Kind::Person, Kind::Organization, Kind::Place].into_iter().zip(weights) {
            if *w > 0 {
                votes.add(kind, W.context * f32::from(*w) / 16.0);
            }
        }
    }
}
