//! Headline attributions: a paragraph that opens with a short capitalised
//! name and a colon (`Smith: Tax plan will fail`) reports what the name
//! said; the rest of the line is the content.

use std::ops::Range;

use crate::attribution::confidence;
use crate::attribution::speakers::mentions::name_mention;
use crate::attribution::text::context::Context;
use crate::attribution::types::{Found, Sense};
use crate::lexicon::lexicon;
use crate::model::{CueClass, QuoteKind};

/// Most words in the name before the colon.
const MAX_NAME_WORDS: usize = 4;
/// Fewest words in the content after the colon.
const MIN_CONTENT_WORDS: usize = 3;

/// The headline attributions of the document whose content no quote in
/// `taken` already covers.
pub fn headlines(ctx: &Context, taken: &[Found]) -> Vec<Found> {
    paragraph_starts(ctx)
        .filter_map(|start| headline_at(ctx, start))
        .filter(|f| {
            !taken
                .iter()
                .flat_map(|t| t.parts.iter())
                .any(|p| p.start < f.parts[0].end && f.parts[0].start < p.end)
        })
        .collect()
}

/// First tokens of the paragraphs.
fn paragraph_starts<'c>(ctx: &'c Context) -> impl Iterator<Item = usize> + 'c {
    (0..ctx.tokens.len()).filter(|&i| !ctx.is_break(i) && (i == 0 || ctx.is_break(i - 1)))
}

/// Quotes in the document's title line (`Clinton Speaks 'Directly To
/// White People' After Shooting`): title case hides them from the rules
/// for running text. The speaker is the name that opens the title, up to
/// its first reporting verb, which is the cue.
pub fn title_quotes(ctx: &Context, taken: &[Found]) -> Vec<Found> {
    let line_end = (0..ctx.tokens.len())
        .find(|&i| ctx.is_break(i))
        .unwrap_or(ctx.tokens.len());
    let verb = (0..line_end)
        .take_while(|&i| !ctx.in_quote(i))
        .find(|&i| i > 0 && !lexicon().verbs(ctx.word(i)).is_empty());
    let Some(verb) = verb.filter(|&v| (0..v).all(|i| ctx.capitalised(i))) else {
        return Vec::new();
    };
    let covered = |r: &Range<usize>| {
        taken
            .iter()
            .flat_map(|t| t.parts.iter())
            .any(|p| p.start < r.end && r.start < p.end)
    };
    ctx.quotes
        .iter()
        .filter(|q| q.tokens.end <= line_end && q.tokens.start > verb && !covered(&q.tokens))
        .map(|q| Found {
            parts: vec![q.tokens.clone()],
            kind: QuoteKind::Direct,
            cue: Some(verb..verb + 1),
            cue_sense: lexicon()
                .verbs(ctx.word(verb))
                .first()
                .map(|v| Sense::of(v.cue_class)),
            speaker: Some(name_mention(ctx, 0..verb, 0)),
            sourceless: false,
            confidence: confidence::HEADLINE,
        })
        .collect()
}

/// `Name: content` at paragraph start `start`.
fn headline_at(ctx: &Context, start: usize) -> Option<Found> {
    let colon = (start..ctx.tokens.len())
        .take(MAX_NAME_WORDS + 1)
        .find(|&i| !ctx.tokens[i].is_word())?;
    if ctx.word(colon) != ":" || colon == start || !(start..colon).all(|i| ctx.capitalised(i)) {
        return None;
    }
    let end = (colon + 1..ctx.tokens.len())
        .find(|&i| ctx.is_break(i))
        .unwrap_or(ctx.tokens.len());
    let content = trim_end(ctx, colon + 1..end);
    let words = content.clone().filter(|&i| ctx.tokens[i].is_word()).count();
    if words < MIN_CONTENT_WORDS || ctx.in_quote(colon + 1) {
        return None;
    }
    Some(Found {
        parts: vec![content],
        kind: QuoteKind::Indirect,
        cue: Some(colon..colon + 1),
        cue_sense: Some(Sense::of(CueClass::Speech)),
        speaker: Some(name_mention(ctx, start..colon, start)),
        sourceless: false,
        confidence: confidence::HEADLINE,
    })
}

/// `range` without trailing punctuation other than quotation marks.
fn trim_end(ctx: &Context, mut range: Range<usize>) -> Range<usize> {
    while range.end > range.start
        && !ctx.tokens[range.end - 1].is_word()
        && !ctx.in_quote(range.end - 1)
    {
        range.end -= 1;
    }
    range
}
