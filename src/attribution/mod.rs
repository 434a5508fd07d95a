//! Stage 3, the rule stage: finds quotes and their cues, the speaker's
//! mention, and resolves it to a canonical speaker.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::ner::EntityLabel;

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

/// One quote with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content (for direct quotes, the marks included).
    pub span: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reporting cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// The speaker's local mention ("he", "the diplomat", "Smith").
    pub speaker: Option<Span>,
    /// Index into [`Document::speakers`] of the canonical speaker.
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
    /// Indices into [`Document::quotes`] of the quotes attributed to it.
    pub quotes: Vec<usize>,
}

/// The rule stage's interface: fills `quotes` and `speakers` of a document
/// whose `sentences` and `entities` are set.
pub trait Attributor: Send + Sync {
    /// Finds and attributes the quotes of one document.
    fn attribute(&self, doc: &mut Document);
}

/// The rule-based attributor.
#[derive(Debug, Default)]
pub struct RuleAttributor;

impl Attributor for RuleAttributor {
    fn attribute(&self, _doc: &mut Document) {}
}
