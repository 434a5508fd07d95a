//! The tagger's spans as the rules read them: the fragments of one role
//! that only punctuation separates merged into one run, and content cut
//! where one report ends and another begins.

use std::ops::Range;

use crate::attribution::text::context::Context;
use crate::attribution::text::tokens::TokenKind;
use crate::attribution::types::TaggedRun;
use crate::model::Role;

/// The tagger's runs of `role`, in text order, fragments merged: two runs
/// join when no word and no line break lies between them (a window's edge
/// or a comma the tagger left out, `"...," he said` aside: the cue between
/// is a word).
pub fn runs(ctx: &Context, role: Role) -> Vec<TaggedRun> {
    let mut out: Vec<TaggedRun> = Vec::new();
    for run in ctx.tagged.iter().filter(|t| t.role == role) {
        match out.last_mut() {
            Some(last) if joins(ctx, &last.tokens, &run.tokens) => {
                let (a, b) = (last.tokens.len() as f32, run.tokens.len() as f32);
                last.score = (last.score * a + run.score * b) / (a + b);
                last.tokens.end = last.tokens.end.max(run.tokens.end);
            }
            _ => out.push(run.clone()),
        }
    }
    if role == Role::Content {
        out = out
            .into_iter()
            .flat_map(|r| split_at_frames(ctx, r))
            .collect();
    }
    out
}

/// A content run cut where one report ends and another may begin: after
/// a sentence end outside quotation marks, and before a quotation whose
/// opening mark follows a comma or colon (`..., she said. "We ..."`,
/// `Smith, "If ..."`: a frame before a direct quote, which the
/// quotation-mark rules take).
fn split_at_frames(ctx: &Context, run: TaggedRun) -> Vec<TaggedRun> {
    let mut out = Vec::new();
    let mut start = run.tokens.start;
    for i in run.tokens.clone() {
        let ends = !ctx.in_quote(i) && ctx.ends_sentence(i);
        let framed_quote = i > start
            && ctx
                .quote_of(i)
                .is_some_and(|q| ctx.quotes[q].tokens.start == i)
            && !ctx.in_quote(i - 1)
            && matches!(ctx.word(i - 1), "," | ":");
        let cut = if ends {
            i + 1
        } else if framed_quote {
            i
        } else {
            continue;
        };
        if cut > start {
            out.push(TaggedRun {
                tokens: start..cut,
                ..run.clone()
            });
        }
        start = cut;
    }
    if start < run.tokens.end {
        out.push(TaggedRun {
            tokens: start..run.tokens.end,
            ..run
        });
    }
    out
}

/// Whether `next` continues `last`: it starts inside or right after it,
/// with only punctuation between.
fn joins(ctx: &Context, last: &Range<usize>, next: &Range<usize>) -> bool {
    next.start <= last.end || (last.end..next.start).all(|i| ctx.tokens[i].kind == TokenKind::Punct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_tagged;
    use Role::{Content, Cue, Source};

    fn tokens(runs: &[TaggedRun]) -> Vec<Range<usize>> {
        runs.iter().map(|r| r.tokens.clone()).collect()
    }

    #[test]
    fn fragments_merge_across_punctuation_not_across_words() {
        // Tokens: The(0) plan(1) ,(2) she(3) said(4) ,(5) is(6) sound(7)
        // and(8) fair(9) for(10) all(11) .(12)
        let tagged = [
            ("The plan", Content, 0.8),
            ("she", Source, 0.9),
            ("said", Cue, 0.9),
            ("is sound", Content, 0.6),
            ("and fair for all", Content, 0.8),
        ];
        with_tagged(
            "The plan, she said, is sound and fair for all.",
            &[],
            &tagged,
            |ctx| {
                let content = runs(ctx, Content);
                // "The plan" stays apart (words between); the two
                // touching fragments join.
                assert_eq!(tokens(&content), vec![0..2, 6..12]);
                assert!((content[1].score - (0.6 * 2.0 + 0.8 * 4.0) / 6.0).abs() < 1e-6);
                assert_eq!(tokens(&runs(ctx, Source)), vec![3..4]);
            },
        );
    }

    #[test]
    fn content_is_cut_at_a_sentence_end_and_before_a_framed_quotation() {
        let text = "Taxes will rise. Costs will fall, Smith said, \"and we will win.\"";
        let tagged = [(&text[..text.len() - 1], Content, 0.9)];
        with_tagged(text, &[], &tagged, |ctx| {
            let cut: Vec<&str> = runs(ctx, Content)
                .iter()
                .map(|r| ctx.slice(&r.tokens))
                .collect();
            assert_eq!(
                cut,
                [
                    "Taxes will rise.",
                    "Costs will fall, Smith said,",
                    "\"and we will win."
                ]
            );
        });
    }

    #[test]
    fn a_comma_between_fragments_joins_them_and_a_line_break_does_not() {
        let tagged = [
            ("Prices will rise", Content, 0.9),
            ("not fall soon", Content, 0.9),
        ];
        with_tagged("Prices will rise, not fall soon", &[], &tagged, |ctx| {
            assert_eq!(tokens(&runs(ctx, Content)), vec![0..7]);
        });
        with_tagged("Prices will rise\nnot fall soon", &[], &tagged, |ctx| {
            assert_eq!(tokens(&runs(ctx, Content)), vec![0..3, 4..7]);
        });
    }
}
