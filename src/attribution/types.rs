//! The types the rules pass between them: cues, speaker mentions and the
//! quotes they find, and the quote tagger's spans, all in token ranges. A leaf: it imports only the
//! lexicon's enums and the data model.

use std::ops::Range;

use crate::lexicon::VerbClass;
use crate::model::Gender;
use crate::model::{CueClass, QuoteKind, Role};

/// What kind of cue it is, which tells where its source and content are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb ("said", "pointed out").
    Verb(VerbClass),
    /// "according to", or "In" before a poll: the source follows.
    According,
    /// "in his opinion": the possessive is the source.
    Opinion,
    /// A colon between a name and a quote (`Smith: "..."`, headlines).
    Colon,
    /// A dash between a quote and its source (`"..." ― Jane Roe`).
    Dash,
    /// A passive "asked" before a question (`When asked whether ...`).
    Question,
    /// A noun after a possessor (`Trump's decision to ...`): the
    /// possessor is the source, the complement the content.
    Noun,
}

impl CueKind {
    /// What a cue of this kind reports unless its word says otherwise (a
    /// verb's or noun's `cue:` tag in the lexicon).
    pub fn default_class(self) -> CueClass {
        match self {
            CueKind::Verb(class) => class.default_cue_class(),
            CueKind::According => CueClass::Evidence,
            CueKind::Opinion => CueClass::Thought,
            CueKind::Colon | CueKind::Dash | CueKind::Question | CueKind::Noun => CueClass::Speech,
        }
    }
}

/// What a cue says of its content; its quote carries it to the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sense {
    /// Speech, thought, stance or evidence.
    pub class: CueClass,
    /// Whether the cue denies or refuses the report (`did not say
    /// whether ...`, `declined to comment`).
    pub negated: bool,
}

impl Sense {
    /// A report of `class` that is not negated.
    pub fn of(class: CueClass) -> Self {
        Sense {
            class,
            negated: false,
        }
    }
}

/// A cue found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Its tokens, adjuncts included ("said in a statement").
    pub tokens: Range<usize>,
    /// Verb or phrase.
    pub kind: CueKind,
    /// What it reports, and whether it is negated.
    pub sense: Sense,
    /// Whether the verb form is one that also reads as a noun or adjective
    /// and was accepted from context only.
    pub ambiguous: bool,
    /// Whether a direct quote took this cue as its own: then it governs
    /// no indirect clause.
    pub used: bool,
}

impl Cue {
    /// A cue over `tokens`, unambiguous and not yet used.
    pub fn new(tokens: Range<usize>, kind: CueKind) -> Self {
        Cue {
            tokens,
            kind,
            sense: Sense::of(kind.default_class()),
            ambiguous: false,
            used: false,
        }
    }
}

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Mr. Smith", "the Foreign Ministry").
    Name,
    /// A personal or possessive pronoun.
    Pronoun,
    /// A common-noun phrase ("the diplomat", "officials").
    Descriptor,
}

/// A speaker mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// All its tokens, titles and appositive included.
    pub tokens: Range<usize>,
    /// The tokens of the bare name (no titles), for names.
    pub name: Range<usize>,
    /// Name, pronoun or descriptor.
    pub kind: MentionKind,
    /// Role nouns from its titles and appositive ("ambassador").
    pub roles: Vec<String>,
    /// Gender its title, role or pronoun implies.
    pub gender: Option<Gender>,
    /// Whether it names an organisation.
    pub organisation: bool,
}

impl Mention {
    /// A mention without roles.
    pub fn simple(tokens: Range<usize>, kind: MentionKind, gender: Option<Gender>) -> Self {
        Mention {
            name: tokens.clone(),
            tokens,
            kind,
            roles: Vec::new(),
            gender,
            organisation: false,
        }
    }
}

/// A quote as the rules find it, in token ranges, before resolution.
#[derive(Debug, Clone)]
pub struct Found {
    /// Content pieces (token ranges), in order.
    pub parts: Vec<Range<usize>>,
    pub kind: QuoteKind,
    /// Cue tokens.
    pub cue: Option<Range<usize>>,
    /// What the cue says of the content (set with `cue`).
    pub cue_sense: Option<Sense>,
    /// Speaker mention.
    pub speaker: Option<Mention>,
    /// The report names no source (`X seems to ...`): no speaker is
    /// borrowed for it.
    pub sourceless: bool,
    pub confidence: f32,
}

/// A span of the quote tagger, in tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedRun {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Content, cue or source.
    pub role: Role,
    /// The tagger's mean probability over its pieces.
    pub score: f32,
}
