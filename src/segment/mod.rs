//! Stage 1, sentence splitting: quote-aware and abbreviation-aware, with
//! exact offsets.

use crate::document::{Document, Span};

/// The segmenter's interface: fills a document's `sentences`.
pub trait Segmenter: Send + Sync {
    /// The sentences of `doc`, in text order, without surrounding whitespace.
    fn segment(&self, doc: &Document) -> Vec<Span>;
}

mod abbreviations;
mod splitter;

pub(crate) use abbreviations::{classify as classify_abbreviation, is_opener, Abbreviation};
pub use splitter::SentenceSplitter;
