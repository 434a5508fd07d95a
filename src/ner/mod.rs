//! Stage 2, the named-entity model: labels people, organisations, places and
//! other names, running a BERT token classifier over sentences in batches.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::error::Error;

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Location.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names: nationalities, events, works, ...
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// All labels, in a fixed order.
    pub const ALL: [EntityLabel; 4] = [Self::Per, Self::Org, Self::Loc, Self::Misc];

    /// The CoNLL tag suffix: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }

    /// Parses a CoNLL tag suffix.
    pub fn parse(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == tag)
    }
}

impl std::fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Where it is in the document.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Mean probability of the predicted tags over its word pieces.
    pub score: f32,
}

/// The named-entity stage's interface. It takes many documents at once so
/// that the model can batch sentences across them.
pub trait EntityRecognizer: Send + Sync {
    /// Fills `entities` of every document, whose `sentences` must be set.
    fn recognize(&self, docs: &mut [Document]) -> Result<(), Error>;
}

mod bert;
mod casing;
pub mod cuda;
mod device;
mod encode;
mod forward;
mod linear;
mod locate;
mod tags;

pub use bert::BertNer;
pub use casing::CaseClass;
pub use device::{Device, ModelOptions, Placement, Precision};
pub use locate::{locate_model, ModelSource, Searched, MODEL_ENV};
pub use tags::{decode, PieceSpan, Tag};
