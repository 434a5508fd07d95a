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
//! 5. [`resolve`]: exclusive content and speaker resolution.
//!
//! Beside them, [`types`] (cues, mentions, found quotes) and
//! [`confidence`] (the calibrated confidences) serve every pass; the word
//! lists are the crate's [`crate::lexicon`]. [`RuleAttributor::attribute`]
//! below runs the passes in order.

use crate::document::Document;

mod confidence;
mod cues;
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
use quotes::indirect::ReportingVerbs;
use quotes::{direct, headline, indirect, nesting};
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
/// whose `sentences` and `entities` are set.
pub trait Attributor: Send + Sync {
    /// Finds and attributes the quotes of one document.
    fn attribute(&self, doc: &mut Document);
}

/// The rule-based attributor: lexicons and patterns, no model of its own.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleAttributor {}

impl Attributor for RuleAttributor {
    fn attribute(&self, doc: &mut Document) {
        let (quotes, speakers) = {
            let ctx = Context::new(doc);
            let mut cues = find_cues(&ctx, CONSTRUCTIONS);
            // Direct quotes take their cues first; the cues left over
            // govern indirect clauses.
            let mut found = direct::direct_quotes(&ctx, &mut cues);
            let indirect = indirect::indirect_quotes(&ctx, &cues, CONSTRUCTIONS);
            let mut indirect = nesting::without_nested(&ctx, indirect);
            nesting::clip_at_direct(&ctx, &mut indirect, &found);
            nesting::absorb_uncued_quotes(&mut found, &indirect);
            found.extend(indirect);
            let heads = headline::headlines(&ctx, &found);
            found.extend(heads);
            let titled = headline::title_quotes(&ctx, &found);
            found.extend(titled);
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
