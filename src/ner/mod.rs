//! Stage 2, the named-entity model: labels people, organisations, places and
//! other names, running a BERT token classifier over sentences in batches;
//! a model with a second head also tags quote content, cues and sources
//! in the same pass.

use crate::document::Document;
use crate::error::Error;

/// The named-entity stage's interface. It takes many documents at once so
/// that a model can batch sentences across them, when it says so.
pub trait EntityRecognizer: Send + Sync {
    /// Fills `entities` of every document, whose `sentences` must be set,
    /// and `tagged` where the model has a quote tagger.
    fn recognize(&self, docs: &mut [Document]) -> Result<(), Error>;

    /// Whether one call should get many documents at once (a model on a
    /// GPU, batching across them). When not, the corpus driver gives each
    /// call one document and runs calls on all threads at once, and a
    /// document's entities must not depend on any other document.
    fn batches_across_documents(&self) -> bool {
        false
    }
}

mod bert;
mod casing;
pub mod cuda;
mod device;
mod encode;
mod forward;
mod linear;
mod locate;
mod quote_tags;
mod tags;
mod weights;

pub use bert::BertNer;
pub use casing::CaseClass;
pub use device::{Device, ModelOptions, Placement, Precision};
pub use locate::{default_model_dir, locate_model, MODEL_ENV};
pub use quote_tags::{decode_roles, QuoteTag, RoleSpan};
pub use tags::{decode, PieceSpan, Tag};
