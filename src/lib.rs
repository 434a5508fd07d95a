//! quotelink finds the quotations in news text and says who said each one.
//!
//! A [`Document`] flows through four stages, in this order:
//!
//! 1. [`segment`]: the quote-aware, abbreviation-aware sentence splitter
//!    fills [`Document::sentences`].
//! 2. [`ner`]: a BERT token classifier, run in batches across documents,
//!    fills [`Document::entities`].
//! 3. [`attribution`]: the rule stage finds quotes, their cues and speakers,
//!    and resolves each speaker mention to a canonical person or
//!    organisation, filling [`Document::quotes`] and [`Document::speakers`].
//! 4. [`gender`]: the text around each speaker's mentions decides its
//!    gender, filling [`Document::genders`].
//!
//! [`Pipeline`] chains the stages; [`model`] holds the annotations they add
//! and [`span`] the ranges those point at; [`corpus`] reads inputs and runs
//! the pipeline over many documents in parallel; [`output`] defines the
//! JSON Lines schema; [`render`] writes the records for programs (JSON
//! Lines) and for people (text or HTML); [`tables`] tabulates quotelink
//! output and [`clusters`] groups the same quotation across its documents;
//! [`eval`] measures the stages against annotated data.

pub mod attribution;
pub mod clusters;
pub mod corpus;
pub mod document;
pub mod error;
pub mod eval;
pub mod gender;
pub mod lexicon;
pub mod meta;
pub mod model;
pub mod ner;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod segment;
pub mod span;
pub mod tables;

pub use document::{Document, OffsetIndex};
pub use error::{Error, Result};
pub use pipeline::Pipeline;
pub use span::Span;
