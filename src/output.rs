//! The JSON Lines output schema: one [`Record`] per input document, in
//! input order.
//!
//! Offsets are Unicode code points, half-open, into the input text, so that
//! Python's `text[start:end]` returns the span. A document that was
//! processed becomes a [`DocumentRecord`]:
//!
//! ```json
//! {"id": "a.txt", "text_length": 120,
//!  "sentences": [{"start": 0, "end": 38}],
//!  "entities": [{"start": 23, "end": 33, "text": "Jane Smith", "label": "PER"}],
//!  "quotes": [{"start": 0, "end": 18, "text": "\"We will win,\"",
//!              "parts": [{"start": 0, "end": 18, "text": "\"We will win,\""}],
//!              "kind": "direct",
//!              "cue": {"start": 34, "end": 38, "text": "said"}, "cue_class": "speech",
//!              "negated": false,
//!              "speaker": {"start": 23, "end": 33, "text": "Jane Smith"},
//!              "speaker_name": "Jane Smith", "speaker_id": 0, "confidence": 0.95}],
//!  "speakers": [{"id": 0, "name": "Jane Smith", "label": "PER",
//!                "gender": "female", "gender_evidence": "first_name",
//!                "mentions": [{"start": 23, "end": 33, "text": "Jane Smith"}],
//!                "quotes": [0]}]}
//! ```
//!
//! `kind` is `direct`, `indirect` or `mixed`; a quote's `start`/`end`
//! cover its whole extent and its `parts` the content proper (see
//! [`QuoteRecord::parts`]): `"A," she said, "B."` has two parts, and the
//! content is the parts joined. `cue_class` is `speech`, `thought`,
//! `stance` or `evidence` (see [`CueClass`]), so that `cue_class ==
//! "speech"` keeps what was said; `negated` is true for a denied or
//! refused report (`did not say whether ...`). `cue`, `cue_class`,
//! `speaker`, `speaker_name` and `speaker_id` are `null` when unknown;
//! `label` is
//! `PER`, `ORG`, `LOC` or `MISC`; a speaker's `quotes` index `quotes`;
//! a speaker's `gender` is `female`, `male` or `null`, and
//! `gender_evidence` (`pronoun`, `honorific`, `role`, `first_name`) says
//! what decided it (see [`crate::gender`]).
//!
//! The records only serialise what the stages put in the [`Document`]:
//! a speaker's gender is `null` when the gender stage did not run.
//! A document that could not be processed becomes an [`ErrorRecord`],
//! `{"id": ..., "error": "..."}`, in its place.
//!
//! A JSON Lines input line's fields other than `id` and `text` (outlet,
//! date, url, anything) are copied unchanged, in their order, into its
//! record (document or error) as `"meta": {...}` right after `id`; file
//! inputs, and lines with no other fields, have no `meta`.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::meta::Meta;
use crate::model::{CueClass, EntityLabel, Gender, GenderEvidence, QuoteKind};
use crate::span::Span;

/// One output line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    /// A processed document.
    Document(DocumentRecord),
    /// A document that failed.
    Error(ErrorRecord),
}

/// A processed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    /// The input's id: a file path as given, or the JSONL `id`.
    pub id: String,
    /// The JSONL input line's other fields, unchanged and in order; absent
    /// for file inputs and for lines with no other fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Length of the text in code points.
    pub text_length: usize,
    /// Sentence ranges.
    pub sentences: Vec<Range>,
    /// Named entities.
    pub entities: Vec<EntityRecord>,
    /// Quotes with their attribution.
    pub quotes: Vec<QuoteRecord>,
    /// Canonical speakers.
    pub speakers: Vec<SpeakerRecord>,
}

/// A document that could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorRecord {
    /// The input's id (for a malformed JSONL line, `SOURCE:LINE`).
    pub id: String,
    /// What went wrong.
    pub error: String,
    /// The JSONL input line's other fields, when the line parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

/// A code-point range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// A code-point range with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanRecord {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
}

/// A named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
    /// Entity type.
    pub label: EntityLabel,
}

/// A quote and its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// The quote's text: everything from its first part to its last.
    pub text: String,
    /// The content proper, in order: no cue, no speaker and nothing that
    /// lies between two fragments. One part for most quotes; one for each
    /// fragment of `"A," she said, "B."`, and for each paragraph of a
    /// quote that runs over several. A direct part keeps its quotation
    /// marks, as PolNeAR's Content spans do.
    #[serde(default)]
    pub parts: Vec<SpanRecord>,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reporting cue.
    pub cue: Option<SpanRecord>,
    /// What the cue reports: `speech`, `thought`, `stance` or `evidence`;
    /// `null` when there is no cue.
    #[serde(default)]
    pub cue_class: Option<CueClass>,
    /// Whether the cue denies or refuses the report (`did not say whether
    /// ...`, `declined to comment on ...`): the content is what was not
    /// said. PolNeAR's annotators mark these as attributions, so they are
    /// kept; filter on `negated` to drop them.
    #[serde(default)]
    pub negated: bool,
    /// The speaker's mention next to the quote ("he", "the diplomat").
    pub speaker: Option<SpanRecord>,
    /// The canonical speaker's name.
    pub speaker_name: Option<String>,
    /// Index into `speakers`.
    pub speaker_id: Option<usize>,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// A canonical speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerRecord {
    /// Its index in `speakers`.
    pub id: usize,
    /// Canonical full name.
    pub name: String,
    /// Entity type.
    pub label: EntityLabel,
    /// `female`, `male`, or `null` when the text shows neither or both
    /// (see [`crate::gender`]); only persons get one.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// What decided `gender`: `pronoun`, `honorific`, `role` or
    /// `first_name`; `null` when `gender` is.
    #[serde(default)]
    pub gender_evidence: Option<GenderEvidence>,
    /// Every mention that refers to it.
    pub mentions: Vec<SpanRecord>,
    /// Indices into `quotes`.
    pub quotes: Vec<usize>,
}

impl SpanRecord {
    fn new(doc: &Document, span: &Span) -> Self {
        SpanRecord {
            start: span.char.start,
            end: span.char.end,
            text: doc.slice(span).to_owned(),
        }
    }
}

impl DocumentRecord {
    /// This record with the input's `meta`.
    pub fn with_meta(self, meta: Option<Meta>) -> Self {
        DocumentRecord { meta, ..self }
    }
}

impl From<&Document> for DocumentRecord {
    fn from(doc: &Document) -> Self {
        let span = |s: &Span| SpanRecord::new(doc, s);
        let gender = |id: usize| doc.genders.get(id).copied().flatten();
        DocumentRecord {
            id: doc.id.clone(),
            meta: None,
            text_length: doc.char_len(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| Range {
                    start: s.char.start,
                    end: s.char.end,
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let SpanRecord { start, end, text } = span(&e.span);
                    EntityRecord {
                        start,
                        end,
                        text,
                        label: e.label,
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let SpanRecord { start, end, text } = span(&q.span);
                    QuoteRecord {
                        start,
                        end,
                        text,
                        parts: q.parts.iter().map(span).collect(),
                        kind: q.kind,
                        cue: q.cue.as_ref().map(span),
                        cue_class: q.cue_class,
                        negated: q.negated,
                        speaker: q.speaker.as_ref().map(span),
                        speaker_name: q.speaker_id.map(|i| doc.speakers[i].name.clone()),
                        speaker_id: q.speaker_id,
                        confidence: q.confidence,
                    }
                })
                .collect(),
            speakers: doc
                .speakers
                .iter()
                .enumerate()
                .map(|(id, s)| SpeakerRecord {
                    id,
                    name: s.name.clone(),
                    label: s.label,
                    gender: gender(id).map(|g| g.gender),
                    gender_evidence: gender(id).map(|g| g.evidence),
                    mentions: s.mentions.iter().map(span).collect(),
                    quotes: s.quotes.clone(),
                })
                .collect(),
        }
    }
}
