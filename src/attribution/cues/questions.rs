//! Passive questions (`Asked whether ...`, `when asked about ...`, `X was
//! asked by Y if ...`): the question is the content and the asker, when
//! named, its source.

use super::construction::Construction;
use crate::attribution::confidence;
use crate::attribution::speakers::mentions::mention_after;
use crate::attribution::text::clause::kind_of;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::{Cue, CueKind, Found};
use crate::lexicon::Class;
use crate::lexicon::{lexicon, VerbClass};

/// `When asked whether ...`: a passive "asked" and the question after it.
pub struct Questions;

impl Construction for Questions {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        question_at(ctx, i)
    }

    fn reads(&self, kind: CueKind) -> bool {
        kind == CueKind::Question
    }

    fn report(&self, ctx: &Context, cue: &Cue) -> Option<Found> {
        question(ctx, cue)
    }
}

/// Most tokens between "asked" and the question (`asked at a briefing
/// Monday in Washington about`).
const MAX_QUESTION_DISTANCE: usize = 10;

/// A passive "asked" at `i` that a question follows.
pub fn question_at(ctx: &Context, i: usize) -> Option<Cue> {
    if ctx.lower(i) != "asked" {
        return None;
    }
    // A form of "be" or a subordinator before "asked" makes it passive
    // (`was asked`, `when asked`).
    let opens = i == ctx.sentence_start(i)
        || ctx.is(i - 1, Class::Be)
        || ctx.is(i - 1, Class::Subordinator)
        || ctx.lower(i - 1) == "once";
    (opens && question_start(ctx, i + 1).is_some()).then(|| Cue::new(i..i + 1, CueKind::Question))
}

/// The first word of the question after the cue, past the asker and any
/// adjuncts of time and place.
fn question_start(ctx: &Context, from: usize) -> Option<usize> {
    let end = ctx.sentence_end(from);
    (from..end.min(from + MAX_QUESTION_DISTANCE))
        .take_while(|&i| !ctx.in_quote(i) && ctx.tokens[i].is_word())
        .find(|&i| ctx.is(i, Class::QuestionOpener))
}

/// The question a passive "asked" introduces, up to the comma that closes
/// it, with the asker after "by" as its source.
pub fn question(ctx: &Context, cue: &Cue) -> Option<Found> {
    let start = question_start(ctx, cue.tokens.end)?;
    let end = ctx.report_window(&(start..start + 1)).end;
    let stop = (start..end)
        .find(|&i| {
            !ctx.in_quote(i)
                && (matches!(ctx.word(i), "," | ";")
                    || ctx.is(i, Class::Dash) && ctx.word(i) != "-")
        })
        .unwrap_or(end);
    let content = trim(ctx, start..stop);
    // A report inside the question (`Asked whether they thought ...`) is
    // the attribution; the question only frames it.
    let reports = content.clone().any(|i| {
        lexicon()
            .verbs(ctx.word(i))
            .iter()
            .any(|v| v.class == VerbClass::Cognition)
    });
    if word_count(ctx, &content) < 2 || reports {
        return None;
    }
    let asker = (ctx.lower(cue.tokens.end) == "by")
        .then(|| mention_after(ctx, cue.tokens.end + 1, start))
        .flatten();
    let parts = vec![content];
    Some(Found {
        kind: kind_of(ctx, &parts),
        parts,
        cue: Some(cue.tokens.clone()),
        cue_sense: Some(cue.sense),
        sourceless: asker.is_none(),
        speaker: asker,
        confidence: confidence::QUESTION,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    #[test]
    fn a_passive_question_is_the_content() {
        with_context("Asked whether he would run, Smith smiled.", &[], |ctx| {
            let cue = question_at(ctx, 0).expect("a cue");
            let f = question(ctx, &cue).expect("a report");
            assert_eq!(ctx.slice(&f.parts[0]), "whether he would run");
            assert!(f.sourceless && f.speaker.is_none());
        });
    }

    #[test]
    fn an_active_asked_is_no_question_cue() {
        with_context("He asked whether it works.", &[], |ctx| {
            assert_eq!(question_at(ctx, ctx.at("asked")), None);
        });
    }
}
