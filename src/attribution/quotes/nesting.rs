//! How reports relate to each other: a report inside another's clause is
//! part of that report (`DuVernay said she felt ...`), and a clause ends
//! before a direct quote that has a cue of its own.

use std::ops::Range;

use crate::attribution::text::clause::{kind_of, MIN_CLAUSE_WORDS};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::Found;

/// The reports of `found` (in cue order) that no neighbour holds in its
/// clause.
pub fn without_nested(ctx: &Context, found: Vec<Found>) -> Vec<Found> {
    // Reports come in text order, so a governing report is a near
    // neighbour; looking only there keeps huge documents linear.
    let keep: Vec<bool> = (0..found.len())
        .map(|k| {
            let near = k.saturating_sub(NEIGHBOURS)..(k + NEIGHBOURS + 1).min(found.len());
            !near.filter(|&o| o != k).any(|o| {
                governs(ctx, &found[o], &found[k]) || attributes_at_end(&found[k], &found[o])
            })
        })
        .collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, keep)| keep.then_some(f))
        .collect()
}

/// Ends each clause of `indirect` before a direct quote that has a cue of
/// its own, with its speaker and cue (`... taxes ― Trump boasted, "That
/// makes me smart."`): that quote is another report. Clauses left too
/// short are dropped.
pub fn clip_at_direct(ctx: &Context, indirect: &mut Vec<Found>, direct: &[Found]) {
    let mut frames: Vec<usize> = direct
        .iter()
        .filter(|d| d.cue.is_some())
        .map(|d| {
            let mut start = d.parts[0].start;
            for r in d.cue.iter().chain(d.speaker.as_ref().map(|m| &m.tokens)) {
                start = start.min(r.start);
            }
            start
        })
        .collect();
    frames.sort_unstable();
    for f in indirect.iter_mut() {
        let mut clipped = false;
        for part in &mut f.parts {
            let first_after = frames.partition_point(|&c| c <= part.start);
            if let Some(&cut) = frames.get(first_after).filter(|&&c| c < part.end) {
                *part = trim(ctx, part.start..cut);
                clipped = true;
            }
        }
        if clipped {
            f.parts.retain(|p| word_count(ctx, p) >= MIN_CLAUSE_WORDS);
            f.kind = kind_of(ctx, &f.parts);
        }
    }
    indirect.retain(|f| !f.parts.is_empty());
}

/// Drops the uncued direct quotes of `direct` that a clause of `indirect`
/// holds whole: the clause is a mixed report that quotes them (`He said
/// the plan was "a disgrace to the city"`).
pub fn absorb_uncued_quotes(direct: &mut Vec<Found>, indirect: &[Found]) {
    direct.retain(|d| {
        d.cue.is_some()
            || !indirect
                .iter()
                .any(|i| i.parts.iter().any(|p| d.parts.iter().all(|q| covers(p, q))))
    });
}

/// Whether token range `outer` contains `inner`.
fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// How many reports on each side of one may hold it in their clause.
const NEIGHBOURS: usize = 8;

/// Whether `inner` is a report inside the clause of `outer` (`DuVernay said
/// she felt ...`): its speaker opens `outer`'s content, so the content is
/// one report, told by the outer speaker.
fn governs(ctx: &Context, outer: &Found, inner: &Found) -> bool {
    let (Some(cue), Some(outer_cue)) = (&inner.cue, &outer.cue) else {
        return false;
    };
    if attributes_at_end(outer, inner) {
        return false;
    }
    let inside = |f: &Found, i: usize| f.parts.iter().any(|p| p.contains(&i));
    if inside(outer, cue.start) && !inside(inner, outer_cue.start) {
        return true;
    }
    let Some(speaker) = &inner.speaker else {
        return false;
    };
    let Some(part) = outer.parts.first() else {
        return false;
    };
    let mut start = part.start;
    if ctx.lower(start) == "that" {
        start += 1;
    }
    speaker.tokens.start == start && part.contains(&cue.start)
}

/// Whether `outer` attributes the report `inner` at the end (`CLAUSE,
/// Berg told the radio, an agency says`, `..., Berg said, according to
/// the agency`): `inner` reports the clause before its cue, and `outer`'s
/// cue follows and its content holds `inner`'s cue. The inner report
/// stands, and the outer one, which says only where it was heard, goes:
/// its source is never content.
fn attributes_at_end(outer: &Found, inner: &Found) -> bool {
    let (Some(cue), Some(outer_cue)) = (&inner.cue, &outer.cue) else {
        return false;
    };
    let preposed = inner.parts.iter().all(|p| p.end <= cue.start);
    let holds = outer.parts.iter().any(|p| p.contains(&cue.start));
    preposed && holds && outer_cue.start >= cue.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::{cues, indirect, CONSTRUCTIONS};
    use crate::model::QuoteKind;

    fn report(part: Range<usize>, cue: Option<Range<usize>>) -> Found {
        Found {
            parts: vec![part],
            kind: QuoteKind::Indirect,
            cue_sense: cue
                .as_ref()
                .map(|_| crate::attribution::types::Sense::of(crate::model::CueClass::Speech)),
            cue,
            speaker: None,
            sourceless: false,
            confidence: 0.5,
        }
    }

    #[test]
    fn a_clause_absorbs_the_uncued_quotes_inside_it() {
        let mut direct = vec![
            report(5..8, None),
            report(12..15, None),
            report(6..7, Some(2..3)),
        ];
        absorb_uncued_quotes(&mut direct, &[report(3..10, Some(1..2))]);
        let left: Vec<_> = direct.iter().map(|d| d.parts[0].clone()).collect();
        assert_eq!(left, [12..15, 6..7]);
    }

    #[test]
    fn a_report_inside_a_report_is_one_report() {
        let text = "DuVernay said she felt the film was fair.";
        with_context(
            text,
            &[("DuVernay", crate::model::EntityLabel::Per)],
            |ctx| {
                let found = indirect::indirect_quotes(
                    ctx,
                    &cues::find_cues(ctx, CONSTRUCTIONS),
                    CONSTRUCTIONS,
                );
                assert_eq!(found.len(), 2, "said and felt each govern a clause");
                let kept = without_nested(ctx, found);
                assert_eq!(kept.len(), 1);
                assert_eq!(ctx.slice(kept[0].cue.as_ref().unwrap()), "said");
            },
        );
    }
}
