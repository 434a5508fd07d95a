//! [`Pipeline`]: the four stages (sentences, named entities, quotes and
//! speakers, speaker gender), loaded once and applied in order.

use std::path::Path;

use crate::attribution::{Attributor, Method, RuleAttributor};
use crate::document::Document;
use crate::error::Error;
use crate::gender;
use crate::ner::{BertNer, EntityRecognizer, ModelOptions, Placement};
use crate::segment::{Segmenter, SentenceSplitter};

/// The stages, in pipeline order. The corpus driver decides how documents
/// are spread over threads; the stages themselves are sequential.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    recognizer: Option<Box<dyn EntityRecognizer>>,
    placement: Option<Placement>,
    method: Method,
    attributor: Box<dyn Attributor>,
}

impl Pipeline {
    /// The full pipeline with the named-entity model in `model_dir`, on
    /// the default device and precision ([`ModelOptions::default`]).
    pub fn with_model(model_dir: &Path) -> Result<Self, Error> {
        Self::with_model_options(model_dir, ModelOptions::default())
    }

    /// The full pipeline with the named-entity model in `model_dir`, run
    /// where and how `options` say.
    pub fn with_model_options(model_dir: &Path, options: ModelOptions) -> Result<Self, Error> {
        let ner = BertNer::load_with(model_dir, options)?;
        let mut pipeline = Self::without_model();
        pipeline.placement = Some(ner.placement());
        pipeline.recognizer = Some(Box::new(ner));
        Ok(pipeline)
    }

    /// The pipeline without the named-entity model: the rule stage then
    /// works from capitalisation alone.
    pub fn without_model() -> Self {
        Pipeline {
            segmenter: Box::new(SentenceSplitter),
            recognizer: None,
            placement: None,
            method: Method::default(),
            attributor: Box::<RuleAttributor>::default(),
        }
    }

    /// This pipeline finding quotes by `method` (where the model has a
    /// quote tagger; without one every method is the rules).
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self.attributor = Box::new(RuleAttributor::new(method));
        self
    }

    /// How this pipeline finds quotes.
    pub fn method(&self) -> Method {
        self.method
    }

    /// This pipeline with `attributor` as its rule stage.
    pub fn with_attributor(mut self, attributor: Box<dyn Attributor>) -> Self {
        self.attributor = attributor;
        self
    }

    /// This pipeline with `recognizer` as its named-entity stage (a stand-in
    /// for the model in tests and fuzzing, or another model).
    pub fn with_recognizer(mut self, recognizer: Box<dyn EntityRecognizer>) -> Self {
        self.recognizer = Some(recognizer);
        self
    }

    /// Whether the named-entity model is loaded.
    pub fn has_model(&self) -> bool {
        self.recognizer.is_some()
    }

    /// Where the named-entity model runs and in which precision.
    pub fn model_placement(&self) -> Option<Placement> {
        self.placement
    }

    /// Stage 1 on one document.
    pub fn segment(&self, doc: &mut Document) {
        doc.sentences = self.segmenter.segment(doc);
    }

    /// Whether stage 2 wants many documents per call (see
    /// [`EntityRecognizer::batches_across_documents`]).
    pub fn batches_across_documents(&self) -> bool {
        self.recognizer
            .as_ref()
            .is_some_and(|r| r.batches_across_documents())
    }

    /// Stage 2 on the documents given, in one call (batched across them
    /// only where [`Pipeline::batches_across_documents`] says so; the
    /// corpus driver spreads documents over threads).
    pub fn recognize(&self, docs: &mut [Document]) -> Result<(), Error> {
        match &self.recognizer {
            Some(recognizer) => recognizer.recognize(docs),
            None => Ok(()),
        }
    }

    /// Stage 3 on one document.
    pub fn attribute(&self, doc: &mut Document) {
        self.attributor.attribute(doc);
    }

    /// Stage 4 on one document, whose speakers stage 3 has found.
    pub fn gender(&self, doc: &mut Document) {
        gender::run(doc);
    }
}
