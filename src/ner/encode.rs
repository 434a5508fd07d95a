//! Turns sentences into model inputs: word pieces with exact offsets and
//! casing classes, split into windows that fit the model and cut into
//! batches.

use std::ops::Range;

use tokenizers::Tokenizer;

use super::casing::{chunk_classes, class_at, CaseClass};
use crate::document::{Document, Span};
use crate::error::Error;

/// One model input of one document: a sentence or a run of a paragraph's
/// sentences ([`WindowPlan`]), or a window of a long one.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index of the document in the slice being recognised.
    pub doc: usize,
    /// Piece ids, without the special tokens.
    pub ids: Vec<i64>,
    /// Casing class of each piece.
    pub types: Vec<i64>,
    /// Document byte range of each piece.
    pub offsets: Vec<Range<usize>>,
    /// The word each piece belongs to (pieces of one word share it).
    pub words: Vec<u32>,
}

/// Which text one unit holds: the window plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WindowPlan {
    /// One sentence (the named-entity head was trained on them).
    #[default]
    Sentences,
    /// As many whole sentences of one paragraph (text without a line
    /// break) as fit, so that the model reads across sentences.
    Paragraphs,
}

/// Splits sentences into word pieces and packs them into units.
pub struct Encoder {
    tokenizer: Tokenizer,
    /// Most pieces in one unit, special tokens excluded.
    max_pieces: usize,
    plan: WindowPlan,
}

impl Encoder {
    /// Wraps a tokenizer; units hold at most `max_pieces` pieces, packed
    /// as `plan` says.
    pub fn new(
        mut tokenizer: Tokenizer,
        max_pieces: usize,
        plan: WindowPlan,
    ) -> Result<Self, Error> {
        tokenizer
            .with_truncation(None)
            .map_err(|e| Error::Model(e.to_string()))?;
        tokenizer.with_padding(None);
        Ok(Encoder {
            tokenizer,
            max_pieces,
            plan,
        })
    }

    /// The id of a special token such as `[CLS]`.
    pub fn token_id(&self, token: &str) -> Result<i64, Error> {
        self.tokenizer
            .token_to_id(token)
            .map(i64::from)
            .ok_or_else(|| Error::Model(format!("tokenizer has no {token} token")))
    }

    /// The units of `doc`, which is `docs[index]`: its sentences, or its
    /// paragraphs' runs of sentences, cut where one is too long.
    pub fn encode(&self, index: usize, doc: &Document) -> Result<Vec<Unit>, Error> {
        let mut units = Vec::new();
        let mut open: Option<Unit> = None;
        let mut previous_end = 0;
        for sentence in &doc.sentences {
            let unit = self.sentence(index, doc, sentence)?;
            let joins = |open: &Unit| {
                self.plan == WindowPlan::Paragraphs
                    && !doc.text[previous_end..sentence.byte.start].contains('\n')
                    && open.ids.len() + unit.ids.len() <= self.max_pieces
            };
            match open.as_mut() {
                Some(o) if joins(o) => o.append(unit),
                _ => {
                    if let Some(done) = open.replace(unit) {
                        units.extend(done.split(self.max_pieces));
                    }
                }
            }
            previous_end = sentence.byte.end;
        }
        units.extend(open.into_iter().flat_map(|u| u.split(self.max_pieces)));
        Ok(units)
    }

    /// One sentence's pieces as a unit of any length.
    fn sentence(&self, index: usize, doc: &Document, sentence: &Span) -> Result<Unit, Error> {
        let text = doc.slice(sentence);
        let encoding = self
            .tokenizer
            .encode(text, false)
            .map_err(|e| Error::Model(e.to_string()))?;
        let chunks = chunk_classes(text);
        let base = sentence.byte.start;
        Ok(Unit {
            doc: index,
            ids: encoding.get_ids().iter().map(|&i| i64::from(i)).collect(),
            types: encoding
                .get_offsets()
                .iter()
                .map(|&(s, _)| class_at(&chunks, s).type_id())
                .collect(),
            offsets: encoding
                .get_offsets()
                .iter()
                .map(|&(s, e)| base + s..base + e)
                .collect(),
            words: encoding
                .get_word_ids()
                .iter()
                .map(|w| w.unwrap_or(u32::MAX))
                .collect(),
        })
    }
}

impl Unit {
    /// Appends the next sentence's pieces; its words are numbered on from
    /// this unit's, so no word spans the join.
    fn append(&mut self, next: Unit) {
        let base = self
            .words
            .iter()
            .filter(|&&w| w != u32::MAX)
            .max()
            .map_or(0, |w| w + 1);
        self.ids.extend(next.ids);
        self.types.extend(next.types);
        self.offsets.extend(next.offsets);
        self.words.extend(
            next.words
                .into_iter()
                .map(|w| if w == u32::MAX { w } else { base + w }),
        );
    }

    /// This unit cut into windows of at most `max` pieces.
    fn split(self, max: usize) -> Vec<Unit> {
        windows(&self.words, max)
            .into_iter()
            .map(|window| Unit {
                doc: self.doc,
                ids: self.ids[window.clone()].to_vec(),
                types: self.types[window.clone()].to_vec(),
                offsets: self.offsets[window.clone()].to_vec(),
                words: self.words[window].to_vec(),
            })
            .collect()
    }
}

/// Splits `n = words.len()` pieces into windows of at most `max` pieces,
/// cutting at a word start where one lies in the second half of a window.
fn windows(words: &[u32], max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut end = (start + max).min(words.len());
        if end < words.len() {
            let word_start = ((start + max / 2).max(start + 1)..=end)
                .rev()
                .find(|&i| words[i] != words[i - 1]);
            end = word_start.unwrap_or(end);
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// How units are cut into batches.
#[derive(Debug, Clone, Copy)]
pub struct Batching {
    /// Most units in one batch.
    pub units: usize,
    /// Most pieces in one batch, special tokens included.
    pub pieces: usize,
    /// Whether a batch may hold units of several documents.
    pub across_documents: bool,
}

impl Batching {
    /// Cuts `units` into batches of consecutive units within the limits.
    /// Batches are packed without padding, so their units need not be of
    /// one length. A unit longer than the limit gets a batch of its own.
    pub fn cut(&self, units: &[Unit]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let (mut start, mut pieces) = (0, 0);
        for (i, unit) in units.iter().enumerate() {
            let n = unit.ids.len() + 2;
            let full = i - start >= self.units || pieces + n > self.pieces;
            let new_document = !self.across_documents && unit.doc != units[start].doc;
            if i > start && (full || new_document) {
                out.push(start..i);
                (start, pieces) = (i, 0);
            }
            pieces += n;
        }
        if start < units.len() {
            out.push(start..units.len());
        }
        out
    }
}

/// The casing class given to the special tokens.
pub const SPECIAL_TYPE: i64 = CaseClass::Other as i64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Segmenter, SentenceSplitter};

    /// The units of `text` under `plan`, with the shipped tokenizer.
    fn units(text: &str, plan: WindowPlan, max: usize) -> (Document, Vec<Unit>) {
        let path = super::super::default_model_dir().join(super::super::locate::TOKENIZER);
        let tokenizer = Tokenizer::from_file(path).expect("the shipped tokenizer loads");
        let mut doc = Document::new("t", text);
        doc.sentences = SentenceSplitter.segment(&doc);
        let units = Encoder::new(tokenizer, max, plan)
            .unwrap()
            .encode(0, &doc)
            .unwrap();
        (doc, units)
    }

    #[test]
    fn paragraph_windows_join_a_paragraphs_sentences_and_keep_every_piece() {
        let text = "Smith arrived. She spoke.\nJones left early. He said nothing.";
        let (doc, sentences) = units(text, WindowPlan::Sentences, 254);
        let (_, paragraphs) = units(text, WindowPlan::Paragraphs, 254);
        assert_eq!(sentences.len(), doc.sentences.len());
        assert_eq!(paragraphs.len(), 2, "one unit per line");
        let all = |u: &[Unit]| u.iter().flat_map(|u| u.offsets.clone()).collect::<Vec<_>>();
        assert_eq!(all(&sentences), all(&paragraphs));
        // Words are numbered on across a join, so none spans two sentences.
        for unit in &paragraphs {
            assert!(unit.words.windows(2).all(|w| w[0] <= w[1]));
        }
        // A window too small for two sentences keeps them apart.
        let (_, tight) = units(text, WindowPlan::Paragraphs, 4);
        assert!(tight.len() >= doc.sentences.len());
        assert!(tight.iter().all(|u| u.ids.len() <= 4));
    }

    #[test]
    fn windows_cut_at_word_starts() {
        // Words: 0 0 1 1 1 2 3 3
        let words = [0, 0, 1, 1, 1, 2, 3, 3];
        assert_eq!(windows(&words, 4), vec![0..2, 2..6, 6..8]);
        assert_eq!(windows(&words, 8), vec![0..8]);
    }

    fn unit(doc: usize, pieces: usize) -> Unit {
        Unit {
            doc,
            ids: vec![0; pieces],
            types: vec![0; pieces],
            offsets: vec![0..0; pieces],
            words: vec![0; pieces],
        }
    }

    fn cut(
        units: usize,
        pieces: usize,
        across_documents: bool,
        input: &[Unit],
    ) -> Vec<Range<usize>> {
        let batching = Batching {
            units,
            pieces,
            across_documents,
        };
        batching.cut(input)
    }

    #[test]
    fn batches_keep_order_and_both_limits() {
        // Pieces with [CLS] and [SEP]: 5 5 12 3 3 3
        let units: Vec<Unit> = [3, 3, 10, 1, 1, 1].map(|n| unit(0, n)).into();
        assert_eq!(cut(2, 12, false, &units), vec![0..2, 2..3, 3..5, 5..6]);
        assert_eq!(cut(8, 100, false, &units), vec![0..6]);
        // A unit longer than the limit still gets a batch of its own.
        assert_eq!(cut(8, 6, false, &units), vec![0..1, 1..2, 2..3, 3..5, 5..6]);
    }

    #[test]
    fn batches_split_documents_unless_told_not_to() {
        let units: Vec<Unit> = [(0, 3), (0, 3), (1, 3), (2, 3)]
            .map(|(d, n)| unit(d, n))
            .into();
        assert_eq!(cut(8, 100, false, &units), vec![0..2, 2..3, 3..4]);
        assert_eq!(cut(8, 100, true, &units), vec![0..4]);
    }

    #[test]
    fn windows_cut_mid_word_when_a_word_is_too_long() {
        let words = [0; 5];
        assert_eq!(windows(&words, 2), vec![0..2, 2..4, 4..5]);
    }
}
