//! Stage 3, the rule stage: finds quotes and their cues, the speaker's
//! mention, and resolves it to a canonical speaker.
//!
//! The passes live in folders that import one way, each only from the
//! ones before it (`tests/layers.rs` checks):
//!
//! 1. [`text`]: tokens, paired quotation marks, the indexed document,
//!    word helpers and clause edges;
//! 2. [`speakers`]: mentions, subjects, and the fallback speaker;
//! 3. [`cues`]: reporting verbs and the other constructions that cue a
//!    report;
//! 4. [`quotes`]: direct quotes and their frames, indirect and mixed
//!    reports, headlines, nesting;
//! 5. [`learned`]: the quote tagger's content spans as reports, alone or
//!    merged with the rules' ([`Method`]);
//! 6. [`resolve`]: exclusive content and speaker resolution.
//!
//! Beside them, [`types`] (cues, mentions, found quotes) and
//! [`confidence`] (the calibrated confidences) serve every pass; the word
//! lists are the crate's [`crate::lexicon`]. [`RuleAttributor::attribute`]
//! below runs the passes in order.

use crate::document::Document;

mod confidence;
mod cues;
mod learned;
mod quotes;
mod resolve;
mod speakers;
mod text;
mod types;

use cues::construction::Construction;
use cues::evidential::Evidentials;
use cues::find_cues;
use cues::nouns::NounCues;
use cues::phrasal::{Findings, Phrases};
use cues::questions::Questions;
use cues::FrameVerbs;
use learned::merge;
use quotes::indirect::ReportingVerbs;
use quotes::{direct, extent, headline, indirect, nesting};
use resolve::{exclusive, resolution};
use speakers::fallback;
use text::context::Context;
pub use text::context::MAX_REPORT_TOKENS;

/// The constructions that cue a report, in the order their cues are tried
/// at each word (the first that finds one wins); a cue's report is read by
/// the first that reads its kind. A new construction is a file that
/// implements [`Construction`] and a line here.
const CONSTRUCTIONS: &[&dyn Construction] = &[
    &Phrases,
    &Findings,
    &Questions,
    &Evidentials,
    &ReportingVerbs,
    &NounCues,
    &FrameVerbs,
];

/// The rule stage's interface: fills `quotes` and `speakers` of a document
/// whose `sentences` and `entities` (and `tagged`, from a model with a
/// quote tagger) are set.
pub trait Attributor: Send + Sync {
    /// Finds and attributes the quotes of one document.
    fn attribute(&self, doc: &mut Document);
}

/// Which method finds the quotes (`--attribution`). Speakers always come
/// from the rules' linking and resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Method {
    /// The rules alone: quotation marks, reporting cues and the clauses
    /// they govern.
    Rules,
    /// The quote tagger's content spans alone, framed by the rules' cues
    /// or the tagger's cue and source spans.
    Model,
    /// The rules' direct quotes, and the tagger's content spans for the
    /// other reports, with the rules' cues and speakers where they have
    /// them. The default.
    #[default]
    Combined,
}

impl Method {
    /// The name `--attribution` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Rules => "rules",
            Method::Model => "model",
            Method::Combined => "combined",
        }
    }
}

/// The attributor: the rules, the quote tagger's spans, or both
/// ([`Method`]). A document without tagged spans (`--no-ner`, or a model
/// without a tagger head) gets the rules alone, whatever the method.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleAttributor {
    /// How quotes are found where the tagger ran.
    pub method: Method,
}

impl RuleAttributor {
    /// The attributor that finds quotes by `method`.
    pub fn new(method: Method) -> Self {
        RuleAttributor { method }
    }
}

impl Attributor for RuleAttributor {
    fn attribute(&self, doc: &mut Document) {
        let (quotes, speakers) = {
            let ctx = Context::new(doc);
            let method = match ctx.tagged.is_empty() {
                true => Method::Rules,
                false => self.method,
            };
            let mut cues = find_cues(&ctx, CONSTRUCTIONS);
            // Direct quotes take their cues first; the cues left over
            // govern indirect clauses.
            let mut found = direct::direct_quotes(&ctx, &mut cues);
            let indirect = indirect::indirect_quotes(&ctx, &cues, CONSTRUCTIONS);
            let mut indirect = nesting::without_nested(&ctx, indirect);
            nesting::clip_at_direct(&ctx, &mut indirect, &found);
            match method {
                Method::Rules => {
                    nesting::absorb_uncued_quotes(&mut found, &indirect);
                    found.extend(indirect);
                }
                Method::Combined => found = merge::combined(&ctx, &cues, found, indirect),
                Method::Model => found = merge::tagged_quotes(&ctx, &cues),
            }
            if method != Method::Model {
                let heads = headline::headlines(&ctx, &found);
                found.extend(heads);
                let titled = headline::title_quotes(&ctx, &found);
                found.extend(titled);
            }
            extent::extend(&ctx, &mut found);
            found.sort_by_key(|f| f.parts[0].start);
            let mut found = direct::join_trailing_quotes(&ctx, found);
            fallback::fill_speakers(&ctx, &mut found);
            let found = exclusive::exclusive(&ctx, found);
            resolution::resolve(&ctx, found)
        };
        doc.quotes = quotes;
        doc.speakers = speakers;
    }
}
