//! [`Pipeline`]: the three stages, loaded once and applied in order.

use std::path::{Path, PathBuf};

use crate::attribution::{Attributor, RuleAttributor};
use crate::document::Document;
use crate::error::Error;
use crate::ner::{BertNer, EntityRecognizer};
use crate::segment::{Segmenter, SentenceSplitter};

/// The model folder shipped with the crate.
pub fn default_model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join("ner")
}

/// The stages, in pipeline order. The corpus driver decides how documents
/// are spread over threads; the stages themselves are sequential.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    recognizer: Option<Box<dyn EntityRecognizer>>,
    attributor: Box<dyn Attributor>,
}

impl Pipeline {
    /// The full pipeline with the named-entity model in `model_dir`.
    pub fn with_model(model_dir: &Path) -> Result<Self, Error> {
        let mut pipeline = Self::without_model();
        pipeline.recognizer = Some(Box::new(BertNer::load(model_dir)?));
        Ok(pipeline)
    }

    /// The pipeline without the named-entity model: the rule stage then
    /// works from capitalisation alone.
    pub fn without_model() -> Self {
        Pipeline {
            segmenter: Box::new(SentenceSplitter),
            recognizer: None,
            attributor: Box::<RuleAttributor>::default(),
        }
    }

    /// This pipeline with `attributor` as its rule stage.
    pub fn with_attributor(mut self, attributor: Box<dyn Attributor>) -> Self {
        self.attributor = attributor;
        self
    }

    /// Whether the named-entity model is loaded.
    pub fn has_model(&self) -> bool {
        self.recognizer.is_some()
    }

    /// Stage 1 on one document.
    pub fn segment(&self, doc: &mut Document) {
        doc.sentences = self.segmenter.segment(doc);
    }

    /// Stage 2 on many documents at once (batched across them).
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
}
