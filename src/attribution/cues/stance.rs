//! Stance verbs (`endorsed`, `opposes`, `welcomed`): what they attribute
//! is their object noun phrase, not the adjuncts after it (`endorsed
//! Hillary Clinton on Thursday`).

use crate::attribution::text::context::Context;
use crate::attribution::text::words::is_name_joiner;
use crate::attribution::types::Cue;
use crate::lexicon::{is_day, is_time_word, lexicon, Class, Complement};

/// Whether `cue` is a stance verb that takes a noun phrase object
/// (`takes:object` in `verbs.txt`).
pub fn takes_object(ctx: &Context, cue: &Cue) -> bool {
    lexicon().takes(ctx.word(cue.tokens.start), Complement::Object)
}

/// Where the object starting at `start` ends, before `end`, when it is a
/// name: at its last capitalised word (`Hillary Clinton` in `endorsed
/// Hillary Clinton on Thursday`). Other objects run on as clauses do.
pub fn name_object_end(ctx: &Context, start: usize, end: usize) -> Option<usize> {
    if !ctx.capitalised(start) || ctx.in_quote(start) {
        return None;
    }
    let stop = (start..end)
        .find(|&i| !(ctx.capitalised(i) || is_name_joiner(ctx, i)) || ctx.in_quote(i))
        .unwrap_or(end);
    // Only a name that an adjunct or the sentence end follows.
    let after = ctx.lower(stop);
    let adjunct = stop == end
        || !ctx.tokens[stop].is_word()
        || lexicon().is(&after, Class::ObjectEnd)
        || is_day(&after)
        || is_time_word(&after);
    adjunct.then_some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::types::CueKind;
    use crate::lexicon::VerbClass;

    #[test]
    fn a_named_object_ends_before_its_adjuncts() {
        let text = "The union endorsed Hillary Clinton on Thursday.";
        with_context(text, &[], |ctx| {
            let at = ctx.at("endorsed");
            let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Cognition));
            assert!(takes_object(ctx, &cue));
            let end = name_object_end(ctx, at + 1, ctx.tokens.len());
            assert_eq!(end, Some(ctx.at("on")));
        });
    }

    #[test]
    fn other_verbs_and_objects_run_on() {
        with_context("The union said the deal works.", &[], |ctx| {
            let at = ctx.at("said");
            let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Speech));
            assert!(!takes_object(ctx, &cue));
            assert_eq!(name_object_end(ctx, at + 1, ctx.tokens.len()), None);
        });
    }
}
