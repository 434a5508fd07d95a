//! The subject of a verb cue: the mention right before it, or for a
//! participle or a second coordinated verb (`..., adding`, `laughed and
//! said`) the subject of the clause it hangs from.

use super::cues::Cue;
use super::lexicon::is_time_word;
use super::speakers::{head_after, is_function_word, mention_before, Mention};
use super::Context;
use crate::ner::EntityLabel;

/// The subject of a verb cue: the mention before it, or for a participle
/// after a comma (`..., saying`) the subject of its sentence.
pub fn subject_of(ctx: &Context, cue: &Cue, floor: usize) -> Option<Mention> {
    let start = cue.tokens.start;
    let before = if start > 0 {
        ctx.lower(start - 1)
    } else {
        String::new()
    };
    let participle = ctx.lower(start).ends_with("ing") && !PROGRESSIVE.contains(&before.as_str());
    let coordinated = matches!(before.as_str(), "and" | "but");
    if participle || coordinated {
        clause_subject(ctx, start)
    } else {
        mention_before(ctx, start, floor)
    }
}

/// Forms of "be" that make an -ing cue progressive ("is saying").
const PROGRESSIVE: &[&str] = &["is", "are", "was", "were", "been", "be"];

/// Words after which a subject can begin a clause.
const CLAUSE_OPENERS: &[&str] = &[
    ",", "when", "while", "as", "after", "before", "because", "if", "although", "though",
];

/// Pronouns that can be the subject of a clause.
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "i" | "we")
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
        let named = speaks || is_subject_pronoun(&lower) || capitalised_name;
        named.then(|| head_after(ctx, p, cue_start)).flatten()
    };
    // "and"/"but" join noun phrases too ("Iraq and Libya, saying"): they
    // open a clause only before a pronoun.
    let opens_clause = |p: usize| {
        let before = ctx.lower(p - 1);
        p == sentence
            || ctx.in_quote(p - 1)
            || CLAUSE_OPENERS.contains(&before.as_str())
            || matches!(before.as_str(), "and" | "but") && is_subject_pronoun(&ctx.lower(p))
    };
    let search = |strict: bool| {
        (sentence..cue_start)
            .rev()
            .filter(|&p| opens_clause(p) && !(p == sentence && is_function_word(&ctx.lower(p))))
            .find_map(|p| candidate(p, strict))
            .or_else(|| (sentence..cue_start).find_map(|p| candidate(p, strict)))
    };
    search(true).or_else(|| search(false))
}
