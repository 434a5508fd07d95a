//! Evidential reports (`X seems to ...`, `X is expected to ...`, `X is
//! reportedly ...`): the content is the subject with its complement, and
//! no source is named.

use std::ops::Range;

use super::construction::Construction;
use crate::attribution::confidence;
use crate::attribution::text::clause::{clause_end, kind_of};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::{Cue, CueKind, Found};
use crate::lexicon::Class;
use crate::lexicon::VerbClass;

/// `X seems to ...`, `X has reportedly ...`: evidential verbs (found as
/// reporting verbs) and hearsay adverbs, whose content is the subject with
/// its complement.
pub struct Evidentials;

impl Construction for Evidentials {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        hearsay_at(ctx, i)
    }

    fn reads(&self, kind: CueKind) -> bool {
        kind == CueKind::Verb(VerbClass::Evidential)
    }

    fn report(&self, ctx: &Context, cue: &Cue) -> Option<Found> {
        evidential(ctx, cue)
    }
}

/// Whether token `i` sets the subject of an evidential verb off from what
/// comes before: a comma, semicolon, colon, bracket or dash. Not a hyphen
/// or a typed dash, which may join the subject's words.
fn sets_off(ctx: &Context, i: usize) -> bool {
    matches!(ctx.word(i), "," | ";" | ":" | "(")
        || ctx.is(i, Class::Dash) && !matches!(ctx.word(i), "-" | "--")
}

/// Most tokens of the subject an evidential verb takes into its content.
const MAX_EVIDENTIAL_SUBJECT: usize = 12;

/// The subject right before a verb at `verb` that takes its subject into
/// the content (an evidential or a passive cue): the words back to a
/// comma, bracket or dash, a quote, "that" or the sentence start, at most
/// [`MAX_EVIDENTIAL_SUBJECT`]; without a "which" or "who" opening it or a
/// conjunction ("And") before it.
pub fn fronted_subject(ctx: &Context, verb: usize) -> Option<Range<usize>> {
    let start = ctx.report_window(&(verb..verb + 1)).start;
    let mut subject = verb;
    while subject > start
        && verb - subject < MAX_EVIDENTIAL_SUBJECT
        && !ctx.in_quote(subject - 1)
        && !sets_off(ctx, subject - 1)
        && ctx.lower(subject - 1) != "that"
        && !matches!(ctx.lower(subject).as_str(), "which" | "who")
    {
        subject -= 1;
    }
    while subject < verb && ctx.is(subject, Class::Conjunction) {
        subject += 1;
    }
    (subject < verb).then_some(subject..verb)
}

/// `Sanders appears to have a lead`, `the hill seemed steeper`: the content
/// is the subject and the complement around the verb; no source is named.
pub fn evidential(ctx: &Context, cue: &Cue) -> Option<Found> {
    let end = ctx.report_window(&cue.tokens).end;
    let subject = fronted_subject(ctx, cue.tokens.start)?;
    let complement = cue.tokens.end..clause_end(ctx, cue.tokens.end, end);
    if word_count(ctx, &complement) == 0 {
        return None;
    }
    let parts = vec![subject, trim(ctx, complement)];
    Some(Found {
        kind: kind_of(ctx, &parts),
        parts,
        cue: Some(cue.tokens.clone()),
        cue_sense: Some(cue.sense),
        speaker: None,
        sourceless: true,
        confidence: confidence::EVIDENTIAL,
    })
}

/// Adverbs that report hearsay (`X has reportedly met ...`).
const HEARSAY_ADVERBS: &[&str] = &["reportedly", "allegedly", "purportedly", "reputedly"];

/// A hearsay adverb at `i`: an evidential cue like `seems`.
pub fn hearsay_at(ctx: &Context, i: usize) -> Option<Cue> {
    HEARSAY_ADVERBS
        .contains(&ctx.lower(i).as_str())
        .then(|| Cue::new(i..i + 1, CueKind::Verb(VerbClass::Evidential)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    #[test]
    fn the_subject_and_complement_are_the_content_with_no_source() {
        with_context("Sanders appears to have a lead.", &[], |ctx| {
            let at = ctx.at("appears");
            let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Evidential));
            let f = evidential(ctx, &cue).expect("a report");
            let parts: Vec<&str> = f.parts.iter().map(|p| ctx.slice(p)).collect();
            assert_eq!(parts, ["Sanders", "to have a lead"]);
            assert!(f.sourceless && f.speaker.is_none());
        });
    }

    #[test]
    fn a_hearsay_adverb_is_an_evidential_cue() {
        with_context("He reportedly met them.", &[], |ctx| {
            let cue = hearsay_at(ctx, ctx.at("reportedly")).expect("a cue");
            assert_eq!(cue.kind, CueKind::Verb(VerbClass::Evidential));
            assert_eq!(hearsay_at(ctx, ctx.at("met")), None);
        });
    }
}
