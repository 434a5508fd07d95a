//! The types the rules pass between them: cues, speaker mentions and the
//! quotes they find, all in token ranges. A leaf: it imports only the
//! lexicon's enums and the data model.

use std::ops::Range;

use super::lexicon::{Gender, VerbClass};
use crate::model::QuoteKind;

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

/// A cue found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Its tokens, adjuncts included ("said in a statement").
    pub tokens: Range<usize>,
    /// Verb or phrase.
    pub kind: CueKind,
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
    /// Speaker mention.
    pub speaker: Option<Mention>,
    /// The report names no source (`X seems to ...`): no speaker is
    /// borrowed for it.
    pub sourceless: bool,
    pub confidence: f32,
}
