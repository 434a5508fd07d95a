//! Phrasal cues: `according to X, ...` (and `..., according to X`),
//! `In a CNN poll, ...` and `in his opinion, ...`, whose source sits
//! inside the phrase.

use std::iter::once;
use std::ops::Range;

use super::construction::Construction;
use crate::attribution::speakers::mentions::{bare_noun_phrase, mention_after};
use crate::attribution::text::clause::{opens_relative, report, MIN_CLAUSE_WORDS};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{pronoun, word_count};
use crate::attribution::types::{Cue, CueKind, Found, Mention, MentionKind};

/// `according to X`, `in her view`: a phrasal cue of the lexicon, whose
/// source follows it or is its possessive.
pub struct Phrases;

impl Construction for Phrases {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        phrase_at(ctx, i)
    }

    fn reads(&self, kind: CueKind) -> bool {
        matches!(kind, CueKind::According | CueKind::Opinion)
    }

    fn report(&self, ctx: &Context, cue: &Cue) -> Option<Found> {
        match cue.kind {
            CueKind::Opinion => opinion(ctx, cue),
            _ => according(ctx, cue),
        }
    }
}

/// `In the latest poll, ...`: a finding read like "according to"
/// ([`finding_at`]); [`Phrases`] reads its reports.
pub struct Findings;

impl Construction for Findings {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        finding_at(ctx, i)
    }
}

/// A phrasal cue ("according to", "in her view") starting at `i`.
fn phrase_at(ctx: &Context, i: usize) -> Option<Cue> {
    lexicon().phrases.iter().find_map(|p| {
        let kind = match p.kind {
            PhraseKind::According => CueKind::According,
            PhraseKind::Opinion => CueKind::Opinion,
            PhraseKind::Adjunct | PhraseKind::Noun => return None,
        };
        let len = match_words(ctx, i, &p.words)?;
        let slot_is_possessive = p.words.iter().enumerate().all(|(k, w)| {
            w != "*"
                || ctx.is(i + k, Class::Possessive)
                || strip_possessive(&ctx.lower(i + k)).is_some()
        });
        if !slot_is_possessive {
            return None;
        }
        Some(Cue::new(i..i + len, kind))
    })
}

use crate::attribution::text::words::{match_words, strip_possessive};
use crate::lexicon::{lexicon, Class, PhraseKind};

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
    let before = word_count(ctx, &(start..cue.tokens.start));
    // `At the heart of it, according to X, was ...`: the frame splits the
    // clause, and both sides are what X says.
    let split = before > 0
        && comma.is_some()
        && word_count(ctx, &(speaker_end..end)) >= MIN_CLAUSE_WORDS
        && !opens_relative(ctx, speaker_end);
    let parts = if split {
        vec![start..cue.tokens.start, speaker_end..end]
    } else if before >= MIN_CLAUSE_WORDS {
        once(start..cue.tokens.start).collect()
    } else {
        once(speaker_end..end).collect()
    };
    report(ctx, parts, cue, speaker)
}

/// Nouns of findings that speak through "In ...": `In a CNN poll released
/// Monday, ...`.
const FINDINGS: &[&str] = &["poll", "polls", "survey", "surveys", "study"];

/// Most words between "In" and the comma after its source.
const MAX_FINDING_WORDS: usize = 12;

/// "In" opening a sentence with a poll, survey or study before its comma
/// (`In the latest CNN/ORC poll, Trump leads ...`): read like "according
/// to", the phrase is the source and the clause after it the content.
pub fn finding_at(ctx: &Context, i: usize) -> Option<Cue> {
    let opens = i == 0 || ctx.ends_sentence(i - 1);
    if ctx.lower(i) != "in" || !opens {
        return None;
    }
    let phrase: Vec<usize> = (i + 1..ctx.tokens.len())
        .take(MAX_FINDING_WORDS + 1)
        .take_while(|&j| ctx.tokens[j].is_word() && !ctx.in_quote(j))
        .collect();
    let comma = phrase.last().map_or(i + 1, |&j| j + 1);
    let finding = phrase
        .iter()
        .any(|&j| FINDINGS.contains(&ctx.lower(j).as_str()));
    (finding && ctx.word(comma) == ",").then_some(Cue::new(i..i + 1, CueKind::According))
}

/// `in his opinion, ...`: the possessive is the source.
pub fn opinion(ctx: &Context, cue: &Cue) -> Option<Found> {
    let slot = (cue.tokens.start + 1..cue.tokens.end)
        .find(|&i| pronoun(ctx.word(i)).is_some() || ctx.capitalised(i));
    let speaker = slot.map(|i| match pronoun(ctx.word(i)) {
        Some(gender) => Mention::simple(i..i + 1, MentionKind::Pronoun, gender),
        None => Mention::simple(i..i + 1, MentionKind::Name, None),
    });
    let Range { start, end } = ctx.report_window(&cue.tokens);
    let parts = if cue.tokens.start == start {
        once(cue.tokens.end..end).collect()
    } else {
        vec![start..cue.tokens.start, cue.tokens.end..end]
    };
    report(ctx, parts, cue, speaker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    #[test]
    fn according_to_names_the_source_before_the_clause() {
        with_context(
            "According to the mayor, the bridge will reopen.",
            &[],
            |ctx| {
                let cue = Cue::new(0..2, CueKind::According);
                let f = according(ctx, &cue).expect("a report");
                assert_eq!(ctx.slice(&f.speaker.expect("a source").tokens), "the mayor");
                let parts: Vec<&str> = f.parts.iter().map(|p| ctx.slice(p)).collect();
                assert_eq!(parts, ["the bridge will reopen"]);
            },
        );
    }

    #[test]
    fn in_a_poll_reads_like_according_to() {
        with_context("In a CNN poll released Monday, Trump leads.", &[], |ctx| {
            assert_eq!(finding_at(ctx, 0).map(|c| c.kind), Some(CueKind::According));
        });
        with_context("In the morning, Trump left.", &[], |ctx| {
            assert_eq!(finding_at(ctx, 0), None);
        });
    }
}
