//! The [`Document`] that flows through every stage, and the
//! [`OffsetIndex`] that makes the [`Span`]s into it.
//!
//! Offsets are converted in exactly one place, [`OffsetIndex`]: stages work
//! on byte offsets (what `str` slicing needs), output uses Unicode code
//! points (what Python's `text[start:end]` needs), and every [`Span`] holds
//! both.

use std::ops::Range;

use crate::model::{Entity, GenderCall, Quote, Speaker, Tagged};
pub use crate::span::Span;

/// Converts between byte and code-point offsets of one text.
///
/// For ASCII text the two coincide and the index stores nothing; otherwise
/// it keeps the byte offset of every code point (4 bytes each).
#[derive(Debug, Clone, Default)]
pub struct OffsetIndex {
    /// Byte offset of each code point, plus the text length at the end;
    /// `None` when the text is ASCII.
    char_starts: Option<Vec<u32>>,
    len: usize,
}

impl OffsetIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let char_starts = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(b, _)| b as u32)
                .chain(std::iter::once(text.len() as u32))
                .collect()
        });
        OffsetIndex {
            char_starts,
            len: text.len(),
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        match &self.char_starts {
            Some(starts) => starts.len() - 1,
            None => self.len,
        }
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    ///
    /// # Panics
    /// If `byte` is not a char boundary of the text.
    pub fn byte_to_char(&self, byte: usize) -> usize {
        match &self.char_starts {
            Some(starts) => starts
                .binary_search(&(byte as u32))
                .unwrap_or_else(|_| panic!("byte offset {byte} is not a char boundary")),
            None => {
                assert!(byte <= self.len, "byte offset {byte} out of range");
                byte
            }
        }
    }

    /// Byte offset of a code-point offset (`char_len()` maps to the text length).
    pub fn char_to_byte(&self, char: usize) -> usize {
        match &self.char_starts {
            Some(starts) => starts[char] as usize,
            None => char,
        }
    }

    /// The span for a byte range whose ends lie on char boundaries.
    pub fn span(&self, byte: Range<usize>) -> Span {
        let char = self.byte_to_char(byte.start)..self.byte_to_char(byte.end);
        Span { byte, char }
    }

    /// The span for a code-point range.
    pub fn span_from_chars(&self, char: Range<usize>) -> Span {
        let byte = self.char_to_byte(char.start)..self.char_to_byte(char.end);
        Span { byte, char }
    }
}

/// One article and everything the stages have found in it.
///
/// Stages fill the fields in pipeline order: `sentences` (segmenter),
/// `entities` and `tagged` (the model), `quotes` and `speakers` (rule stage),
/// `genders` (gender stage).
#[derive(Debug, Clone)]
pub struct Document {
    /// The caller's identifier: a file path as given, or a JSONL `id`.
    pub id: String,
    /// The full text, unchanged.
    pub text: String,
    offsets: OffsetIndex,
    /// Sentences in text order; they cover the text without overlap, except
    /// that whitespace between sentences belongs to none.
    pub sentences: Vec<Span>,
    /// Named entities in text order.
    pub entities: Vec<Entity>,
    /// The quote tagger's content, cue and source spans in text order;
    /// empty when the model has no tagger head or did not run.
    pub tagged: Vec<Tagged>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Canonical speakers; `Quote::speaker_id` indexes this list.
    pub speakers: Vec<Speaker>,
    /// Each speaker's gender, in `speakers` order: `None` where the text
    /// shows none. Empty until the gender stage runs.
    pub genders: Vec<Option<GenderCall>>,
}

impl Document {
    /// A document with no annotations yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: id.into(),
            offsets: OffsetIndex::new(&text),
            text,
            sentences: Vec::new(),
            entities: Vec::new(),
            tagged: Vec::new(),
            quotes: Vec::new(),
            speakers: Vec::new(),
            genders: Vec::new(),
        }
    }

    /// The offset converter for this document's text.
    pub fn offsets(&self) -> &OffsetIndex {
        &self.offsets
    }

    /// The span for a byte range of this document's text.
    pub fn span(&self, byte: Range<usize>) -> Span {
        self.offsets.span(byte)
    }

    /// The text of a span of this document.
    pub fn slice(&self, span: &Span) -> &str {
        span.text(&self.text)
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.offsets.char_len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let doc = Document::new("a", "Hello world");
        let span = doc.span(6..11);
        assert_eq!(span.char, 6..11);
        assert_eq!(doc.slice(&span), "world");
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "“Já,” said Zoë.";
        let doc = Document::new("a", text);
        let start = text.find("Zoë").unwrap();
        let span = doc.span(start..start + "Zoë".len());
        let chars: Vec<char> = text.chars().collect();
        let expected: String = chars[span.char.clone()].iter().collect();
        assert_eq!(expected, "Zoë");
        assert_eq!(doc.offsets().span_from_chars(span.char.clone()), span);
        assert_eq!(doc.char_len(), chars.len());
    }
}
