//! The subject of a verb cue: the mention right before it, or for a
//! participle or a second coordinated verb (`..., adding`, `laughed and
//! said`) the subject of the clause it hangs from.

use super::cues::Cue;
use super::speakers::{head_after, is_function_word, mention_before, Mention};
use super::Context;

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
    ",", "when", "while", "as", "but", "and", "after", "before", "because", "if", "although",
];

/// The subject of the clause a participle or second verb hangs from
/// (`Smith, ..., adding`; `he laughed and said`): the nearest name or
/// pronoun before `cue_start` that opens a clause, else the first in the
/// sentence.
fn clause_subject(ctx: &Context, cue_start: usize) -> Option<Mention> {
    let sentence = ctx.sentence_start(cue_start);
    let candidate = |p: usize| {
        if ctx.in_quote(p) {
            return None;
        }
        let named = ctx.entity_starting_at(p).is_some()
            || matches!(ctx.lower(p).as_str(), "he" | "she" | "they" | "i" | "we")
            || ctx.capitalised(p) && !(p > sentence && ctx.capitalised(p - 1));
        named.then(|| head_after(ctx, p, cue_start)).flatten()
    };
    let opens_clause = |p: usize| {
        p == sentence || ctx.in_quote(p - 1) || CLAUSE_OPENERS.contains(&ctx.lower(p - 1).as_str())
    };
    (sentence..cue_start)
        .rev()
        .filter(|&p| opens_clause(p) && !(p == sentence && is_function_word(&ctx.lower(p))))
        .find_map(candidate)
        .or_else(|| (sentence..cue_start).find_map(candidate))
}
