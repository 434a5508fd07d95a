//! The annotations the stages add to a [`Document`](crate::Document):
//! named entities and the quote tagger's spans (stage 2), quotes and speakers (stage 3), speaker gender
//! (stage 4). It imports only [`Span`]: the stages, the output schema and
//! the tables import these types from here, never from one another.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Location.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, works, ...
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// All labels, in a fixed order.
    pub const ALL: [EntityLabel; 4] = [Self::Per, Self::Org, Self::Loc, Self::Misc];

    /// The CoNLL tag suffix: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }

    /// Parses a CoNLL tag suffix.
    pub fn parse(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == tag)
    }
}

impl std::fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Where it is in the document.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Mean probability of the predicted tags over its word pieces.
    pub score: f32,
}

/// What a span plays in an attribution, as the quote tagger reads it
/// (PolNeAR's three roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// What was said, thought or found.
    Content,
    /// The words that report it ("said", "according to").
    Cue,
    /// Who said it.
    Source,
}

impl Role {
    /// All roles, in a fixed order.
    pub const ALL: [Role; 3] = [Self::Content, Self::Cue, Self::Source];

    /// PolNeAR's name: `Content`, `Cue` or `Source`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Content => "Content",
            Self::Cue => "Cue",
            Self::Source => "Source",
        }
    }

    /// Parses PolNeAR's name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// A span the quote tagger found (stage 2's second head).
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    /// Where it is in the document.
    pub span: Span,
    /// Content, cue or source.
    pub role: Role,
    /// Mean probability of the decoded tags over its word pieces.
    pub score: f32,
}

/// How a quote reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech: `X said (that) ...`, `according to X, ...`.
    Indirect,
    /// An indirect clause that contains a quoted fragment.
    Mixed,
}

impl QuoteKind {
    /// The output name: `direct`, `indirect` or `mixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
            Self::Mixed => "mixed",
        }
    }
}

/// What a quote's cue reports: words, a state of mind, a position taken,
/// or a finding. The reporting verbs' classes in the lexicon decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Words spoken or written: said, told, added, wrote, a colon.
    Speech,
    /// A belief, hope or fear: believes, thinks, hopes, fears.
    Thought,
    /// A position for or against: praised, rejected, supports, blamed.
    Stance,
    /// A finding or source: according to, a poll shows, found.
    Evidence,
}

impl CueClass {
    /// All classes, in a fixed order.
    pub const ALL: [CueClass; 4] = [Self::Speech, Self::Thought, Self::Stance, Self::Evidence];

    /// The output name: `speech`, `thought`, `stance` or `evidence`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Speech => "speech",
            Self::Thought => "thought",
            Self::Stance => "stance",
            Self::Evidence => "evidence",
        }
    }

    /// Parses an output name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// One quote with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content (for direct quotes, the marks included), from the
    /// start of its first part to the end of its last.
    pub span: Span,
    /// The pieces of the content, in order: one for most quotes, several
    /// when a cue interrupts it (`"A," she said, "B."`) or it runs over
    /// several paragraphs. Their union is the content proper.
    pub parts: Vec<Span>,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reporting cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// What the cue reports; `None` when there is no cue.
    pub cue_class: Option<CueClass>,
    /// Whether the cue denies or refuses the report (`did not say whether
    /// ...`, `declined to comment`): the content is what was not said.
    pub negated: bool,
    /// The speaker's local mention ("he", "the diplomat", "Smith").
    pub speaker: Option<Span>,
    /// Index into [`Document::speakers`](crate::Document::speakers) of the canonical speaker.
    pub speaker_id: Option<usize>,
    /// Confidence in the attribution, in [0, 1].
    pub confidence: f32,
}

/// A canonical speaker: one person or organisation and its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The canonical (fullest) name.
    pub name: String,
    /// Person, organisation, ...
    pub label: EntityLabel,
    /// Every mention in the text that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
    /// Indices into [`Document::quotes`](crate::Document::quotes) of the quotes attributed to it.
    pub quotes: Vec<usize>,
}

/// A speaker's gender as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// What decided a speaker's gender, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GenderEvidence {
    /// A pronoun resolved to the speaker.
    Pronoun,
    /// An honorific on or before a name mention.
    Honorific,
    /// A gendered role noun in, before or in apposition to a mention.
    Role,
    /// The first name of the canonical name.
    FirstName,
}

/// A gender and the strongest evidence for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenderCall {
    /// The gender.
    pub gender: Gender,
    /// The strongest class of evidence that showed it.
    pub evidence: GenderEvidence,
}
