//! BIO tags and their decoding from word-piece predictions into entity
//! spans.

use std::ops::Range;

use crate::error::Error;
use crate::model::EntityLabel;

/// One BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Outside any entity.
    Outside,
    /// First piece of an entity.
    Begin(EntityLabel),
    /// A following piece of an entity.
    Inside(EntityLabel),
}

impl Tag {
    /// Parses `O`, `B-PER`, `I-ORG`, ...
    pub fn parse(tag: &str) -> Result<Tag, Error> {
        let bad = || Error::Model(format!("unknown tag {tag:?} in config.json"));
        if tag == "O" {
            return Ok(Tag::Outside);
        }
        let (prefix, label) = tag.split_once('-').ok_or_else(bad)?;
        let label = EntityLabel::parse(label).ok_or_else(bad)?;
        match prefix {
            "B" => Ok(Tag::Begin(label)),
            "I" => Ok(Tag::Inside(label)),
            _ => Err(bad()),
        }
    }

    fn label(self) -> Option<EntityLabel> {
        match self {
            Tag::Outside => None,
            Tag::Begin(l) | Tag::Inside(l) => Some(l),
        }
    }
}

/// A decoded entity: a range of piece indices, its label and mean score.
#[derive(Debug, Clone, PartialEq)]
pub struct PieceSpan {
    /// Piece indices (half-open) into the predicted sequence.
    pub pieces: Range<usize>,
    /// Entity type.
    pub label: EntityLabel,
    /// Mean probability of the pieces' tags.
    pub score: f32,
}

/// Decodes per-piece `(tag, probability)` predictions into entities.
///
/// An entity starts at `B-X`, or at `I-X` when the previous piece is not
/// part of an `X` entity, and continues over the following `I-X` pieces.
pub fn decode(predictions: &[(Tag, f32)]) -> Vec<PieceSpan> {
    let mut spans: Vec<PieceSpan> = Vec::new();
    let mut current: Option<(usize, EntityLabel, f32)> = None;
    let close =
        |current: &mut Option<(usize, EntityLabel, f32)>, end: usize, spans: &mut Vec<_>| {
            if let Some((start, label, sum)) = current.take() {
                spans.push(PieceSpan {
                    pieces: start..end,
                    label,
                    score: sum / (end - start) as f32,
                });
            }
        };
    for (i, &(tag, p)) in predictions.iter().enumerate() {
        let continues = matches!((tag, &current), (Tag::Inside(l), Some((_, cur, _))) if l == *cur);
        if continues {
            if let Some((_, _, sum)) = current.as_mut() {
                *sum += p;
            }
            continue;
        }
        close(&mut current, i, &mut spans);
        if let Some(label) = tag.label() {
            current = Some((i, label, p));
        }
    }
    close(&mut current, predictions.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::Tag::*;
    use super::*;
    use crate::model::EntityLabel::*;

    #[test]
    fn parses_tags() {
        assert_eq!(Tag::parse("B-PER").unwrap(), Begin(Per));
        assert_eq!(Tag::parse("I-MISC").unwrap(), Inside(Misc));
        assert_eq!(Tag::parse("O").unwrap(), Outside);
        assert!(Tag::parse("B-XYZ").is_err());
    }

    #[test]
    fn decodes_runs_and_stray_inside_tags() {
        let preds = [
            (Begin(Per), 0.9),
            (Inside(Per), 0.7),
            (Outside, 1.0),
            (Inside(Org), 0.5),
            (Begin(Org), 0.8),
            (Inside(Loc), 0.6),
        ];
        let spans = decode(&preds);
        let ranges: Vec<_> = spans.iter().map(|s| (s.pieces.clone(), s.label)).collect();
        assert_eq!(
            ranges,
            vec![(0..2, Per), (3..4, Org), (4..5, Org), (5..6, Loc)]
        );
        assert!((spans[0].score - 0.8).abs() < 1e-6);
    }
}
