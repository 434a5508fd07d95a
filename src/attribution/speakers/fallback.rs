//! Speakers for quotes without a cue of their own. News convention:
//! consecutive quotes continue the last speaker, so an uncued quote takes
//! the mention of the nearest attributed quote before it; failing that, the
//! person named last before it, outside quotes.

use std::ops::Range;

use super::mentions::entity_mention;
use crate::attribution::confidence;
use crate::attribution::text::context::Context;
use crate::attribution::text::tokens::TokenKind;
use crate::attribution::text::words::pronoun;
use crate::attribution::types::{Found, Mention, MentionKind};
use crate::lexicon::Class;
use crate::model::EntityLabel;

/// Most paragraph breaks between an uncued quote and the attributed quote
/// whose speaker it continues.
const MAX_QUOTE_PARAGRAPHS: usize = 1;
/// Most paragraph breaks between an uncued quote and the person mention
/// it falls back to.
const MAX_MENTION_PARAGRAPHS: usize = 1;

/// Gives each speakerless quote of `found` (in text order) a speaker.
pub fn fill_speakers(ctx: &Context, found: &mut [Found]) {
    for q in 0..found.len() {
        if found[q].speaker.is_some() || found[q].sourceless {
            continue;
        }
        let start = found[q].parts[0].start;
        let carried = found[..q]
            .iter()
            .rev()
            .find(|f| f.speaker.is_some())
            .filter(|f| paragraph_breaks(ctx, last_end(f)..start) <= MAX_QUOTE_PARAGRAPHS)
            .and_then(|f| {
                let m = f.speaker.clone()?;
                Some(nearer_mention(ctx, &m, last_end(f), start).unwrap_or(m))
            });
        let (speaker, confidence) = match carried {
            Some(m) => (Some(m), confidence::CARRIED_SPEAKER),
            None => (nearest_person(ctx, start), confidence::NEAREST_PERSON),
        };
        if let Some(m) = speaker {
            let f = &mut found[q];
            f.speaker = Some(m);
            f.confidence = f.confidence.min(confidence);
        }
    }
}

/// A later mention of the carried speaker between the quote it comes from
/// (ending at `from`) and the uncued quote at `to`: the same surname, or
/// for a pronoun or descriptor the person named last (`... Clinton
/// restricted comments ... "If any bank ..."`).
fn nearer_mention(ctx: &Context, carried: &Mention, from: usize, to: usize) -> Option<Mention> {
    let nearest = nearest_person(ctx, to).filter(|m| m.tokens.start >= from)?;
    let last_word = |m: &Mention| ctx.lower(m.name.end.max(m.name.start + 1) - 1);
    let same = match (carried.kind, nearest.kind) {
        (MentionKind::Name, MentionKind::Name) => last_word(carried) == last_word(&nearest),
        (MentionKind::Name, MentionKind::Pronoun) => false,
        (_, MentionKind::Pronoun) => nearest.gender == carried.gender,
        _ => {
            carried.gender.is_none() || nearest.gender.is_none() || carried.gender == nearest.gender
        }
    };
    same.then_some(nearest)
}

/// One past the last token of a quote's content.
fn last_end(f: &Found) -> usize {
    f.parts.iter().map(|p| p.end).max().unwrap_or(0)
}

/// Paragraph breaks in `range` (a run of line breaks counts once).
fn paragraph_breaks(ctx: &Context, range: Range<usize>) -> usize {
    range
        .clone()
        .filter(|&i| ctx.is_break(i) && (i == range.start || !ctx.is_break(i - 1)))
        .count()
}

/// The person mentioned last before token `start` outside quotes: a named
/// person or a personal pronoun, within [`MAX_MENTION_PARAGRAPHS`].
fn nearest_person(ctx: &Context, start: usize) -> Option<Mention> {
    let mut breaks = 0;
    for i in (0..start).rev() {
        let tok = &ctx.tokens[i];
        if tok.kind == TokenKind::Break {
            if i + 1 < ctx.tokens.len() && !ctx.is_break(i + 1) {
                breaks += 1;
                if breaks > MAX_MENTION_PARAGRAPHS {
                    return None;
                }
            }
            continue;
        }
        if ctx.in_quote(i) || !tok.is_word() {
            continue;
        }
        if let Some((range, label)) = ctx
            .entity_ending_at(i + 1)
            .filter(|(_, l)| *l == EntityLabel::Per)
        {
            return Some(entity_mention(ctx, range.clone(), *label));
        }
        // A gendered subject pronoun: "he" or "she".
        if let Some(gender) = pronoun(ctx.word(i)).filter(|g| g.is_some()) {
            if ctx.is(i, Class::SubjectPronoun) {
                return Some(Mention {
                    tokens: i..i + 1,
                    name: i..i + 1,
                    kind: MentionKind::Pronoun,
                    roles: Vec::new(),
                    gender,
                    organisation: false,
                });
            }
        }
    }
    None
}
