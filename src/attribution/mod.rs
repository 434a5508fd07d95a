//! Stage 3, the rule stage: finds quotes and their cues, the speaker's
//! mention, and resolves it to a canonical speaker.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::ner::EntityLabel;

mod attach;
mod context;
mod cues;
mod evidential;
mod fallback;
mod headline;
mod indirect;
mod lexicon;
mod nesting;
mod nouns;
mod phrasal;
mod questions;
mod quotes;
mod resolve;
mod speakers;
mod stance;
mod subjects;
mod tokens;

use context::Context;
pub use context::MAX_REPORT_TOKENS;
use speakers::Mention;

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

/// A quote as the rules find it, in token ranges, before resolution.
#[derive(Debug, Clone)]
struct Found {
    /// Content pieces (token ranges), in order.
    parts: Vec<Range<usize>>,
    kind: QuoteKind,
    /// Cue tokens.
    cue: Option<Range<usize>>,
    /// Speaker mention.
    speaker: Option<Mention>,
    /// The report names no source (`X seems to ...`): no speaker is
    /// borrowed for it.
    sourceless: bool,
    confidence: f32,
}

/// The rule-based attributor: lexicons and patterns, no model of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleAttributor {}

impl Attributor for RuleAttributor {
    fn attribute(&self, doc: &mut Document) {
        let (quotes, speakers) = {
            let ctx = Context::new(doc);
            let cues = cues::find_cues(&ctx);
            let mut used = vec![false; cues.len()];
            let mut found = attach::direct_quotes(&ctx, &cues, &mut used);
            let mut indirect = indirect::indirect_quotes(&ctx, &cues, &used);
            nesting::clip_at_direct(&ctx, &mut indirect, &found);
            // A mixed clause absorbs the uncued direct quotes inside it.
            found.retain(|f| {
                f.cue.is_some()
                    || !indirect
                        .iter()
                        .any(|i| i.parts.iter().any(|p| f.parts.iter().all(|q| covers(p, q))))
            });
            found.extend(indirect);
            let heads = headline::headlines(&ctx, &found);
            found.extend(heads);
            let titled = headline::title_quotes(&ctx, &found);
            found.extend(titled);
            found.sort_by_key(|f| f.parts[0].start);
            let mut found = attach::join_trailing_quotes(&ctx, found);
            fallback::fill_speakers(&ctx, &mut found);
            resolve::resolve(&ctx, found)
        };
        doc.quotes = quotes;
        doc.speakers = speakers;
    }
}

/// Whether token range `outer` contains `inner`.
fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
