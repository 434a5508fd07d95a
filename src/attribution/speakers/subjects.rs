//! The subject of a verb cue: the mention right before it, or for a
//! participle or a second coordinated verb (`..., adding`, `laughed and
//! said`) the subject of the clause it hangs from; failing a mention, the
//! bare words before the verb (`all but two said`, `Six in 10 say`).

use super::mentions::{self, head_after, mention_before, noun_phrase};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{is_function_word, joins_clauses};
use crate::attribution::types::{Cue, Mention, MentionKind};
use crate::lexicon::Class;
use crate::lexicon::{is_cardinal, is_time_word, lexicon};
use crate::model::EntityLabel;

/// The subject of a verb cue: the mention before it, or for a participle
/// after a comma (`..., saying`) the subject of its sentence.
pub fn subject_of(ctx: &Context, cue: &Cue, floor: usize) -> Option<Mention> {
    let start = cue.tokens.start;
    // After a form of "be" an -ing cue is progressive ("is saying").
    // ("being saying" is no progressive.)
    let progressive = start > 0 && ctx.is(start - 1, Class::Be) && ctx.lower(start - 1) != "being";
    let participle = ctx.lower(start).ends_with("ing") && !progressive;
    let coordinated = start > 0 && joins_clauses(ctx, start - 1);
    if participle || coordinated {
        clause_subject(ctx, start)
    } else {
        mention_before(ctx, start, floor)
    }
}

/// The subject of the clause a participle or second verb hangs from
/// (`Smith, ..., adding`; `he laughed and said`): the nearest name or
/// pronoun before `cue_start` that opens a clause, else the first in the
/// sentence.
pub fn clause_subject(ctx: &Context, cue_start: usize) -> Option<Mention> {
    let sentence = ctx.report_window(&(cue_start..cue_start + 1)).start;
    // Strict candidates first: people and organisations the model tagged,
    // and pronouns. Places and other names (`Oklahoma`, `Republican`) do
    // not speak. Then any capitalised word, for text the model left bare.
    let candidate = |p: usize, strict: bool| {
        if ctx.in_quote(p) {
            return None;
        }
        let lower = ctx.lower(p);
        let entity = ctx.entity_starting_at(p).map(|(_, label)| *label);
        let speaks = matches!(entity, Some(EntityLabel::Per | EntityLabel::Org));
        // The first capital of a run, not a function or time word.
        let run_start = p == sentence || !ctx.capitalised(p - 1);
        let plain_word = is_function_word(&lower) || is_time_word(&lower);
        let capitalised_name = !strict && ctx.capitalised(p) && run_start && !plain_word;
        let named = speaks || personal_subject(ctx, p) || capitalised_name;
        named.then(|| head_after(ctx, p, cue_start)).flatten()
    };
    // A subject begins a clause after a comma or a subordinator.
    // Conjunctions join noun phrases too ("Iraq and Libya, saying"): they
    // open a clause only before a pronoun.
    let opens_clause = |p: usize| {
        p == sentence
            || ctx.in_quote(p - 1)
            || ctx.word(p - 1) == ","
            || opens_subordinate(ctx, p - 1)
            || joins_clauses(ctx, p - 1) && personal_subject(ctx, p)
    };
    let openings = || {
        (sentence..cue_start)
            .rev()
            .filter(|&p| opens_clause(p) && !(p == sentence && is_function_word(&ctx.lower(p))))
    };
    // A descriptor of a person or group that opens a clause (`the band
    // leader called ..., singing`) before a name in object position.
    // It ends with its last role noun (`several environmental groups`,
    // not the verb after them).
    let descriptor = |p: usize| {
        let m = ctx
            .is(p, Class::DescriptorOpener)
            .then(|| head_after(ctx, p, cue_start))??;
        let head = m
            .tokens
            .clone()
            .rev()
            .find(|&i| lexicon().role(&ctx.lower(i)).is_some())?;
        (m.kind == MentionKind::Descriptor).then(|| mentions::descriptor(ctx, p..head + 1))
    };
    let search = |strict: bool| {
        openings()
            .find_map(|p| candidate(p, strict))
            .or_else(|| strict.then(|| openings().find_map(descriptor)).flatten())
            .or_else(|| (sentence..cue_start).find_map(|p| candidate(p, strict)))
    };
    search(true).or_else(|| search(false))
}

/// Whether token `i` is a subject pronoun that names a speaker: not the
/// generic "you" nor the expletive "it" (`it is clear`).
fn personal_subject(ctx: &Context, i: usize) -> bool {
    ctx.is(i, Class::SubjectPronoun) && !matches!(ctx.lower(i).as_str(), "you" | "it")
}

/// Whether token `i` is a subordinator that opens a clause with its own
/// subject (`While some friends say ...`): "after", "as" and "before" are
/// left out, as they open prepositional phrases as often (`after the
/// vote`).
fn opens_subordinate(ctx: &Context, i: usize) -> bool {
    ctx.is(i, Class::Subordinator) && !matches!(ctx.lower(i).as_str(), "after" | "as" | "before")
}

/// Most words of a bare subject.
const MAX_BARE_SUBJECT_WORDS: usize = 5;
/// Most words of a bare subject that is a share of a group.
const MAX_SHARE_SUBJECT_WORDS: usize = 9;

/// Whether token `i` names a share: "percent", "%", "half", "majority",
/// "most", ...
fn is_share(ctx: &Context, i: usize) -> bool {
    ctx.is(i, Class::Share)
}

/// The words between the start of a clause and its verb at `cue_start`,
/// when they are few, outside quotes and open the sentence or follow a
/// comma: a subject the mention rules do not read ("all but two").
pub fn bare_subject(ctx: &Context, cue_start: usize, sentence_start: usize) -> Option<Mention> {
    let mut start = cue_start;
    while start > sentence_start
        && (ctx.tokens[start - 1].is_word() || ctx.word(start - 1) == "%")
        && !ctx.in_quote(start - 1)
        && !matches!(ctx.lower(start - 1).as_str(), "that" | "who" | "which")
        && !joins_clauses(ctx, start - 1)
        && !opens_subordinate(ctx, start - 1)
    {
        start -= 1;
    }
    let opens = start == sentence_start
        || matches!(ctx.word(start - 1), "," | ":")
        || opens_subordinate(ctx, start - 1)
        || start - 1 == sentence_start && joins_clauses(ctx, start - 1);
    // Nouns and quantifiers only: no verb, adverb, preposition or time.
    let verbless = (start..cue_start).all(|i| {
        let w = ctx.lower(i);
        // "Nearly half", "Roughly 40 percent": an adverb of quantity.
        let quantity = matches!(ctx.lower(i + 1).as_str(), "half" | "all" | "a" | "one")
            || ctx.word(i + 1).starts_with(|c: char| c.is_ascii_digit());
        // "Six in 10", "nine out of 10", "two of 10": a ratio; "58 percent
        // of voters": a share.
        let before = if i > start {
            ctx.lower(i - 1)
        } else {
            String::new()
        };
        let after = ctx.lower(i + 1);
        let ratio = match w.as_str() {
            "in" => is_cardinal(&before) && is_cardinal(&after),
            "out" => is_cardinal(&before) && after == "of",
            "of" => {
                (before == "out" || is_cardinal(&before)) && is_cardinal(&after)
                    || i > start && is_share(ctx, i - 1)
            }
            _ => false,
        };
        lexicon().verbs(&w).is_empty()
            && (!w.ends_with("ly") || quantity)
            && !w.ends_with("ing")
            && (!lexicon().is(&w, Class::NotSubject) || ratio)
            && !is_time_word(&w)
    });
    // A share of a group may name the group at length ("58 percent of
    // Florida Latino voters").
    let share =
        (start..cue_start).any(|i| ctx.lower(i) == "of" && i > start && is_share(ctx, i - 1));
    let most = if share {
        MAX_SHARE_SUBJECT_WORDS
    } else {
        MAX_BARE_SUBJECT_WORDS
    };
    (opens && verbless && cue_start - start <= most)
        .then(|| noun_phrase(ctx, start, cue_start))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::types::CueKind;
    use crate::lexicon::VerbClass;

    #[test]
    fn plain_words_before_the_verb_are_a_bare_subject() {
        with_context("Nearly half said the talks failed.", &[], |ctx| {
            let m = bare_subject(ctx, ctx.at("said"), 0).expect("a subject");
            assert_eq!(ctx.slice(&m.tokens), "Nearly half");
        });
        with_context("On Monday said the talks failed.", &[], |ctx| {
            assert_eq!(bare_subject(ctx, ctx.at("said"), 0), None);
        });
    }

    #[test]
    fn subject_pronouns_and_subordinators_with_their_exceptions() {
        with_context("While he left, it rained after you came.", &[], |ctx| {
            assert!(personal_subject(ctx, ctx.at("he")));
            assert!(!personal_subject(ctx, ctx.at("it")));
            assert!(!personal_subject(ctx, ctx.at("you")));
            assert!(opens_subordinate(ctx, ctx.at("While")));
            assert!(!opens_subordinate(ctx, ctx.at("after")));
        });
    }

    #[test]
    fn a_participle_takes_the_subject_of_its_clause() {
        let text = "Smith spoke on Monday, saying the talks failed.";
        with_context(text, &[("Smith", EntityLabel::Per)], |ctx| {
            let at = ctx.at("saying");
            let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Speech));
            let m = subject_of(ctx, &cue, 0).expect("a subject");
            assert_eq!(ctx.slice(&m.tokens), "Smith");
        });
    }

    #[test]
    fn a_descriptor_opening_the_clause_beats_a_name_in_object_position() {
        for (text, verb, subject) in [
            (
                "In August, several environmental groups granted Mr. Clarke an extension, saying his capital was short.",
                "saying",
                "several environmental groups",
            ),
            (
                "At the cookout, the band leader called Kaine to the stage, singing a hymn.",
                "singing",
                "the band leader",
            ),
        ] {
            let entities = [("Clarke", EntityLabel::Per), ("Kaine", EntityLabel::Per)];
            with_context(text, &entities, |ctx| {
                let at = ctx.at(verb);
                let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Speech));
                let m = subject_of(ctx, &cue, 0).expect("a subject");
                assert_eq!(ctx.slice(&m.tokens), subject);
            });
        }
    }

    #[test]
    fn a_preposition_that_can_be_a_subordinator_opens_no_clause() {
        let text = "Smith went after Jones on Monday, calling him a liar.";
        let entities = [("Smith", EntityLabel::Per), ("Jones", EntityLabel::Per)];
        with_context(text, &entities, |ctx| {
            let at = ctx.at("calling");
            let cue = Cue::new(at..at + 1, CueKind::Verb(VerbClass::Speech));
            let m = subject_of(ctx, &cue, 0).expect("a subject");
            assert_eq!(ctx.slice(&m.tokens), "Smith");
        });
    }
}
