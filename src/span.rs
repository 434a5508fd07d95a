//! [`Span`]: a half-open range of a document's text in bytes and in code
//! points. A leaf module: it imports nothing from the crate.

use std::ops::Range;

/// A half-open range of a document's text, in bytes and in code points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte range into the document text (always on char boundaries).
    pub byte: Range<usize>,
    /// Code-point range into the document text.
    pub char: Range<usize>,
}

impl Span {
    /// The text this span covers in `text` (the document it was made from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte.clone()]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.byte.len()
    }

    /// Whether the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.byte.is_empty()
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.byte.start < other.byte.end && other.byte.start < self.byte.end
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.byte.start <= other.byte.start && other.byte.end <= self.byte.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ASCII span: bytes and code points coincide.
    fn span(range: Range<usize>) -> Span {
        Span {
            byte: range.clone(),
            char: range,
        }
    }

    #[test]
    fn overlap_and_containment() {
        let (a, b, c) = (span(0..4), span(3..6), span(4..8));
        assert!(a.overlaps(&b) && !a.overlaps(&c));
        assert!(span(0..8).contains(&b) && !a.contains(&b));
        assert_eq!((a.len(), span(2..2).is_empty()), (4, true));
        assert_eq!(b.text("abcdefgh"), "def");
    }
}
