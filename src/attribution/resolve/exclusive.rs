//! Each content token belongs to one quote: a quote's parts leave out its
//! own cue and speaker (`Acts of protest, Mr. Obama said, are ...` has two
//! parts), and a quote gives up the content a surer quote already holds
//! (a report clipped so is less sure itself); one left without words is
//! dropped.

use std::ops::Range;

use crate::attribution::confidence;
use crate::attribution::text::clause::kind_of;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::Found;
use crate::model::QuoteKind;

/// `found` (in text order) with exclusive parts, in text order of their
/// first parts.
pub fn exclusive(ctx: &Context, found: Vec<Found>) -> Vec<Found> {
    let mut found: Vec<Option<Found>> = found
        .into_iter()
        .map(|f| without_own_frame(ctx, f))
        .collect();
    // Surest first; among equals, the earlier.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| {
        let confidence = |k: usize| found[k].as_ref().map_or(0.0, |f| f.confidence);
        confidence(b).total_cmp(&confidence(a)).then(a.cmp(&b))
    });
    let mut claimed = vec![false; ctx.tokens.len()];
    for k in order {
        let Some(f) = found[k].take() else {
            continue;
        };
        let whole = f.parts.clone();
        let Some(mut f) = without(ctx, f, |i| claimed[i]) else {
            continue;
        };
        if f.parts != whole && f.kind != QuoteKind::Direct {
            f.confidence = f.confidence.min(confidence::CLIPPED_REPORT);
        }
        for i in f.parts.iter().flat_map(Clone::clone) {
            claimed[i] = true;
        }
        found[k] = Some(f);
    }
    let mut found: Vec<Found> = found.into_iter().flatten().collect();
    // A quote that lost its first words may now start after the next one.
    found.sort_by_key(|f| f.parts[0].start);
    found
}

/// `f` without the tokens of its cue and speaker mention in its parts;
/// `None` when no word is left.
fn without_own_frame(ctx: &Context, f: Found) -> Option<Found> {
    let cue = f.cue.clone().unwrap_or(0..0);
    let speaker = f.speaker.as_ref().map_or(0..0, |m| m.tokens.clone());
    without(ctx, f, |i| cue.contains(&i) || speaker.contains(&i))
}

/// `f` with the tokens `taken` cut out of its parts (each piece trimmed, a
/// piece without words dropped); `None` when no part is left. An
/// indirect or mixed report takes the kind of what remains.
fn without(ctx: &Context, mut f: Found, taken: impl Fn(usize) -> bool) -> Option<Found> {
    if !f.parts.iter().flat_map(Clone::clone).any(&taken) {
        return Some(f);
    }
    let mut parts: Vec<Range<usize>> = Vec::with_capacity(f.parts.len());
    for part in &f.parts {
        let mut start = part.start;
        for i in part.clone().chain(std::iter::once(part.end)) {
            if i == part.end || taken(i) {
                let piece = trim(ctx, start..i);
                if word_count(ctx, &piece) > 0 {
                    parts.push(piece);
                }
                start = i + 1;
            }
        }
    }
    if parts.is_empty() {
        return None;
    }
    if f.kind != QuoteKind::Direct {
        f.kind = kind_of(ctx, &parts);
    }
    f.parts = parts;
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::types::{Mention, MentionKind};

    fn report(part: Range<usize>, cue: Range<usize>, confidence: f32) -> Found {
        Found {
            parts: vec![part],
            kind: QuoteKind::Indirect,
            cue: Some(cue),
            cue_sense: None,
            speaker: None,
            sourceless: false,
            confidence,
        }
    }

    #[test]
    fn a_part_splits_around_its_own_cue() {
        with_context(
            "Acts of protest, Obama said, are acts of patriotism.",
            &[],
            |ctx| {
                let (said, end) = (ctx.at("said"), ctx.tokens.len());
                let mut obama = report(0..end, said..said + 1, 0.5);
                obama.speaker = Some(Mention::simple(said - 1..said, MentionKind::Name, None));
                let kept = exclusive(ctx, vec![obama]);
                let parts: Vec<&str> = kept[0].parts.iter().map(|p| ctx.slice(p)).collect();
                assert_eq!(parts, ["Acts of protest", "are acts of patriotism"]);
            },
        );
    }

    #[test]
    fn the_surer_quote_keeps_shared_content() {
        with_context(
            "Aides said and officials explained that wages rose.",
            &[],
            |ctx| {
                let (said, explained) = (ctx.at("said"), ctx.at("explained"));
                let content = ctx.at("wages")..ctx.tokens.len() - 1;
                let kept = exclusive(
                    ctx,
                    vec![
                        report(content.clone(), said..said + 1, 0.5),
                        report(content, explained..explained + 1, 0.8),
                    ],
                );
                assert_eq!(kept.len(), 1);
                assert_eq!(kept[0].cue, Some(explained..explained + 1));
            },
        );
    }

    #[test]
    fn quotes_stay_in_text_order_when_one_loses_its_start() {
        with_context("Aides said wages rose fast this year.", &[], |ctx| {
            let said = ctx.at("said");
            let (wages, end) = (ctx.at("wages"), ctx.tokens.len() - 1);
            let kept = exclusive(
                ctx,
                vec![
                    report(wages..end, said..said + 1, 0.5),
                    report(wages..wages + 2, said..said + 1, 0.8),
                ],
            );
            let starts: Vec<usize> = kept.iter().map(|f| f.parts[0].start).collect();
            assert_eq!(starts, [wages, wages + 2]);
        });
    }
}
