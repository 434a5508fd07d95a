//! Stage 3, the rule stage: finds quotes and their cues, the speaker's
//! mention, and resolves it to a canonical speaker.
//!
//! The modules form layers, each importing only from the ones above it:
//!
//! 1. [`classes`], [`tokens`], [`quotes`], [`lexicon`]: word classes,
//!    tokens, quote spans, word lists;
//! 2. [`context`]: one document indexed for the rules;
//! 3. [`types`], [`words`] and [`confidence`]: the shared types, word-level
//!    helpers and the table of confidences;
//! 4. [`speakers`], [`subjects`], [`clause`]: mentions, subjects, clauses;
//! 5. the constructions [`evidential`], [`nouns`], [`phrasal`],
//!    [`questions`], [`stance`], and the reporting verbs ([`verb_cues`]);
//! 6. the passes [`cues`], [`attach`], [`indirect`], [`nesting`],
//!    [`headline`], [`fallback`], [`exclusive`], and [`resolve`] last;
//! 7. this module, which runs the passes in order
//!    ([`RuleAttributor::attribute`]).

use crate::document::Document;
pub use crate::model::{Quote, QuoteKind, Speaker};

mod attach;
mod classes;
mod clause;
mod confidence;
mod context;
mod cues;
mod evidential;
mod exclusive;
mod fallback;
mod headline;
mod indirect;
mod lexicon;
mod nesting;
mod nouns;
mod phrasal;
mod questions;
mod quotes;
mod resolve;
mod speakers;
mod stance;
mod subjects;
mod tokens;
mod types;
mod verb_cues;
mod words;

use context::Context;
pub use context::MAX_REPORT_TOKENS;

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
            let mut cues = cues::find_cues(&ctx);
            // Direct quotes take their cues first; the cues left over
            // govern indirect clauses.
            let mut found = attach::direct_quotes(&ctx, &mut cues);
            let indirect = indirect::indirect_quotes(&ctx, &cues);
            let mut indirect = nesting::without_nested(&ctx, indirect);
            nesting::clip_at_direct(&ctx, &mut indirect, &found);
            nesting::absorb_uncued_quotes(&mut found, &indirect);
            found.extend(indirect);
            let heads = headline::headlines(&ctx, &found);
            found.extend(heads);
            let titled = headline::title_quotes(&ctx, &found);
            found.extend(titled);
            found.sort_by_key(|f| f.parts[0].start);
            let mut found = attach::join_trailing_quotes(&ctx, found);
            fallback::fill_speakers(&ctx, &mut found);
            let found = exclusive::exclusive(&ctx, found);
            resolve::resolve(&ctx, found)
        };
        doc.quotes = quotes;
        doc.speakers = speakers;
    }
}
