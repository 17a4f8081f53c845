//! Every number that weighs evidence for an entity's kind or its rank, in one place.
//!
//! A kind is the one with most votes (see `Votes::winner`): cues add their weight once per
//! mention ([`cues`](super::cues)), the gazetteer and shape prior adds its weight times the
//! number of mentions ([`prior`](super::prior)), and an alias merged into a longer name brings a
//! share of its votes ([`aliases`](super::aliases)).
//!
//! How they were chosen: set by hand, one at a time, in the issue 5 work on entities, reading the
//! kind errors of `make eval-entities` on cnndm-dev (top-10 agreement with spaCy, and its
//! `--audit` sample of disagreements) and CoNLL-2003 (typed mention F1), and keeping a change
//! only when it fixed a class of errors without losing elsewhere. None was fitted by a search;
//! the scale is "3 is a name's own word saying what it is, 1 a cue from its neighbours, below 1 a
//! hint". Change one and run `make eval-entities` before and after.

/// Weights of the votes for a kind and of salience.
#[derive(Clone, Copy, Debug)]
pub(super) struct Weights {
    // --- Cues in and around one mention (per mention) ---
    /// A title before the name ("Dr Quenby": person), or the two halves of "Ryan Christie of
    /// Inverness" (person, place).
    pub cue: f32,
    /// The name's last word is an organisation word ("Westfield Mining Corporation").
    pub org_word_last: f32,
    /// The name's last word is a place word ("Jurupa Hills", "Times Square").
    pub place_word_last: f32,
    /// An organisation word inside the name ("Bank of England").
    pub org_word_inside: f32,
    /// The name's first word is a place's first word ("Mount Everest", "Port Alden").
    pub place_word_first: f32,
    /// A lone word in capitals ("FBI"): most often an organisation.
    pub all_caps: f32,
    /// "in", "at", "from", "across", "near" before a one-word name: a place.
    pub place_preposition_one: f32,
    /// The same before a longer name.
    pub place_preposition_many: f32,
    /// A word after a one-word name that makes it a body ("Tottenham striker", "Unite members").
    pub org_after: f32,
    /// "the" before a one-word name ("the Pentagon"): a person's name takes no article.
    pub article_before: f32,
    /// "said", "who"… after a longer name, or "said" before it: a person (an acronym: a body).
    pub speaks_many: f32,
    /// The same for a one-word name.
    pub speaks_one: f32,
    /// A score after the name ("Liverpool 2 Arsenal 1", a league-table row): a team.
    pub score_after: f32,
    /// A formation after the name ("Swindon (4-4-2):"): a team.
    pub lineup_after: f32,
    /// An age after a comma ("Audrey Alexander, 54,"): a person.
    pub age_after: f32,
    /// "told" before a one-word name ("told MailOnline"): a body.
    pub told_before: f32,
    /// A kin word before the name ("his son Harry"): a person.
    pub kin_before: f32,
    /// "province", "region", "county", "state", "district" after the name: a place.
    pub region_after: f32,
    /// "administration", "family", "campaign", "household" after a one-word name: a person's.
    pub family_after: f32,
    /// Scale of the learned context words (`tables/contexts.rs`, log odds in sixteenths).
    pub context: f32,

    // --- Gazetteer and shape prior (per mention) ---
    /// A club named after its town, in a story about sport ("Liverpool beat Derby").
    pub team_town: f32,
    /// A listed place.
    pub listed_place: f32,
    /// A listed organisation.
    pub listed_org: f32,
    /// A lone listed given name ("Jordan", "Brent").
    pub given_name_one: f32,
    /// A direction or bloc ("the West", "Middle Eastern"), a people ("British", "South
    /// Koreans") or an event ("World War II"): kind "other".
    pub other: f32,
    /// "City of London", "Republic of Abkhazia": a place.
    pub place_head: f32,
    /// A lone organisation word ("Congress", "Army").
    pub org_word_one: f32,
    /// A lone unknown name: a person only if nothing else votes (zero: no vote).
    pub unknown_one: f32,
    /// A listed place then a plural ("Buffalo Bills", "Kolkata Knight Riders"): a team.
    pub place_team: f32,
    /// A listed given name first ("Marta Kowalczyk"): a person.
    pub given_name_first: f32,
    /// A direction first ("West Sussex") or a place then "city"/"town": a place.
    pub compass_first: f32,
    /// A listed place then other words ("Tokyo Electric Power"): a body of that place.
    pub place_body: f32,
    /// Two or three plain capitalised words with no other cue: most often a person.
    pub plain_words: f32,

    // --- Aliases and salience ---
    /// Share of an alias's votes its longer name takes ("Blinken" → "Antony Blinken").
    pub alias_share: f32,
    /// Salience bonus for a name in the headline.
    pub in_title: f32,
    /// Salience bonus for an early first mention (times 1 − first sentence / sentences).
    pub first_mention: f32,
    /// Salience factor of kind "other": peoples, events and unknowns say less about a story.
    pub other_salience: f32,

    // --- The learned tagger ([`model`](super::model)), per mention, against its vote of 1 ---
    /// The rules' kind for a mention they found with the same bounds, at full confidence.
    pub rule_kind: f32,
    /// The rules' margin (their winning kind's lead in votes per mention) at which their vote
    /// counts in full; below, in proportion.
    pub rule_confident_margin: f32,
    /// The tagger's margin (between its best kind and the next, per word, in weight units: the
    /// strongest feature's weights relative to `O` reach 1785) at which its vote counts in full;
    /// below, in proportion.
    pub confident_margin: f32,
    /// A name of two words or more ending in an organisation or place word, with an Arabic name
    /// particle between two of its words ("Abu Bakr al-Baghdadi": person), or a point of the
    /// compass after "the" ("the West": place), per mention.
    pub learned_head: f32,
    /// A name that begins a company's legal name in the story ("Barrick" of "Barrick Gold
    /// Corp"): an organisation (per mention).
    pub short_form: f32,
    /// A name of two words or more ending in a company's legal form ("Smith Barney Inc",
    /// "Wertheim Schroder BV"), per mention.
    pub legal_form: f32,
    /// A name opening a line of a table, a number after it ("ST LOUIS 12 12 3 71"), the second
    /// name of a results line ("Reading 50 Widnes 3"), or a name in brackets after a player's
    /// ("Ian Wright (Arsenal)"): a team or a company, per such mention, as sure as a name's own
    /// word (a listed country is exempt: `country`). A city heading a table of delivery points
    /// ("Chicago 0 0") is taken for a team too: results tables are many more.
    pub table_row: f32,
    /// A listed country, per mention (in place of `table_row`): a national side is its country
    /// ("Japan 2 Syria 1"), whatever the tagger makes of a results line.
    pub country: f32,
    /// Whether the rules' bounds join neighbouring names the tagger gave different kinds.
    pub rule_bounds: bool,
}

/// The weights lede uses.
pub(super) const WEIGHTS: Weights = Weights {
    cue: 2.0,
    org_word_last: 3.0,
    place_word_last: 3.0,
    org_word_inside: 2.0,
    place_word_first: 3.0,
    all_caps: 0.5,
    place_preposition_one: 0.6,
    place_preposition_many: 0.2,
    org_after: 1.0,
    article_before: 0.5,
    speaks_many: 1.0,
    speaks_one: 0.6,
    score_after: 3.0,
    lineup_after: 3.0,
    age_after: 1.5,
    told_before: 1.0,
    kin_before: 1.0,
    region_after: 1.0,
    family_after: 0.6,
    context: 1.0,

    team_town: 3.5,
    listed_place: 2.5,
    listed_org: 3.0,
    given_name_one: 1.2,
    other: 3.0,
    place_head: 2.0,
    org_word_one: 1.0,
    unknown_one: 0.0,
    place_team: 1.5,
    given_name_first: 2.5,
    compass_first: 1.0,
    place_body: 1.0,
    plain_words: 0.8,

    alias_share: 0.5,
    in_title: 1.5,
    first_mention: 1.0,
    other_salience: 0.6,

    rule_kind: 0.75,
    rule_confident_margin: 2.0,
    confident_margin: 300.0,
    learned_head: 1.0,
    short_form: 3.0,
    legal_form: 3.0,
    table_row: 3.0,
    country: 2.0,
    rule_bounds: true,
};
