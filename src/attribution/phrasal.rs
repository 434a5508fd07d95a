//! Phrasal cues: `according to X, ...` (and `..., according to X`) and
//! `in his opinion, ...`, whose source sits inside the phrase.

use std::iter::once;
use std::ops::Range;

use super::cues::Cue;
use super::indirect::{found, opens_relative, words, MIN_CLAUSE_WORDS};
use super::speakers::{bare_noun_phrase, mention_after, pronoun, Mention, MentionKind};
use super::{Context, Found};

/// `according to X, ...` and `..., according to X`.
pub fn according(ctx: &Context, cue: &Cue) -> Option<Found> {
    let Range { start, end } = ctx.report_window(&cue.tokens);
    let comma = (cue.tokens.end..end).find(|&i| ctx.word(i) == ",");
    let limit = comma.unwrap_or(end);
    let speaker = mention_after(ctx, cue.tokens.end, limit)
        .or_else(|| bare_noun_phrase(ctx, cue.tokens.end, limit));
    let speaker_end = comma.map_or_else(
        || speaker.as_ref().map_or(cue.tokens.end, |m| m.tokens.end),
        |c| c + 1,
    );
    let before = words(ctx, &(start..cue.tokens.start));
    // `At the heart of it, according to X, was ...`: the frame splits the
    // clause, and both sides are what X says.
    let split = before > 0
        && comma.is_some()
        && words(ctx, &(speaker_end..end)) >= MIN_CLAUSE_WORDS
        && !opens_relative(ctx, speaker_end);
    let parts = if split {
        vec![start..cue.tokens.start, speaker_end..end]
    } else if before >= MIN_CLAUSE_WORDS {
        once(start..cue.tokens.start).collect()
    } else {
        once(speaker_end..end).collect()
    };
    found(ctx, parts, cue, speaker)
}

/// `in his opinion, ...`: the possessive is the source.
pub fn opinion(ctx: &Context, cue: &Cue) -> Option<Found> {
    let slot = (cue.tokens.start + 1..cue.tokens.end)
        .find(|&i| pronoun(ctx.word(i)).is_some() || ctx.capitalised(i));
    let speaker = slot.map(|i| Mention {
        tokens: i..i + 1,
        name: i..i + 1,
        kind: if pronoun(ctx.word(i)).is_some() {
            MentionKind::Pronoun
        } else {
            MentionKind::Name
        },
        roles: Vec::new(),
        gender: pronoun(ctx.word(i)).flatten(),
        organisation: false,
    });
    let Range { start, end } = ctx.report_window(&cue.tokens);
    let parts = if cue.tokens.start == start {
        once(cue.tokens.end..end).collect()
    } else {
        vec![start..cue.tokens.start, cue.tokens.end..end]
    };
    found(ctx, parts, cue, speaker)
}
