//! Clauses: where a reported clause ends, what kind of report its parts
//! make, and the [`Found`] report built from them.

use std::ops::Range;

use super::context::Context;
use super::words::{is_function_word, joins_clauses, trim, word_count};
use crate::attribution::confidence;
use crate::attribution::types::{Cue, CueKind, Found, Mention};
use crate::lexicon::Class;
use crate::lexicon::{lexicon, VerbClass};
use crate::model::QuoteKind;

/// Fewest words an indirect clause needs.
pub const MIN_CLAUSE_WORDS: usize = 2;
/// Mixed when a part holds quoted words, else indirect.
pub fn kind_of(ctx: &Context, parts: &[Range<usize>]) -> QuoteKind {
    if parts.iter().any(|p| p.clone().any(|i| ctx.in_quote(i))) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// Words that are a whole answer (`said yes`, `said so`), as PolNeAR
/// marks them.
const ANSWERS: &[&str] = &["yes", "no", "so"];

/// Whether `range` is one word that answers on its own, with the sentence
/// or clause ending after it (`said no.`, not `said no one`).
pub fn is_answer(ctx: &Context, range: &Range<usize>) -> bool {
    range.len() == 1
        && ANSWERS.contains(&ctx.lower(range.start).as_str())
        && ctx
            .tokens
            .get(range.end)
            .is_none_or(|t| !t.is_word() && !ctx.in_quote(range.end))
}

/// The report of `cue` with content `parts` (trimmed; those too short
/// dropped), mixed when a part holds a quote.
pub fn report(
    ctx: &Context,
    parts: Vec<Range<usize>>,
    cue: &Cue,
    speaker: Option<Mention>,
) -> Option<Found> {
    // A cognition or stance verb's object may be one word (`endorsed
    // Sanders`).
    let stance = cue.kind == CueKind::Verb(VerbClass::Cognition);
    let long_enough = |p: &Range<usize>| {
        word_count(ctx, p) >= MIN_CLAUSE_WORDS
            || stance && p.len() == 1 && !is_function_word(&ctx.lower(p.start))
            || is_answer(ctx, p)
    };
    let parts: Vec<Range<usize>> = parts
        .into_iter()
        .map(|p| trim(ctx, p))
        .filter(long_enough)
        .collect();
    if parts.is_empty() {
        return None;
    }
    let kind = kind_of(ctx, &parts);
    Some(Found {
        kind,
        parts,
        cue: Some(cue.tokens.clone()),
        cue_sense: Some(cue.sense),
        confidence: match (&speaker, kind) {
            (None, _) => confidence::REPORT_WITHOUT_SPEAKER,
            (Some(_), QuoteKind::Mixed) => confidence::MIXED_REPORT,
            (Some(_), _) => confidence::REPORT,
        },
        speaker,
        sourceless: false,
    })
}

/// Whether the words at `i` add to the frame rather than the content: a
/// relative clause, an appositive or a participle (`..., X said, adding`).
pub fn opens_relative(ctx: &Context, i: usize) -> bool {
    let word = ctx.lower(i);
    matches!(
        word.as_str(),
        "who" | "whose" | "which" | "where" | "a" | "an" | "the"
    ) || word.ends_with("ing")
}

/// Where a complement clause starting at `from` ends, before `end`: at a
/// semicolon or dash, a comma that opens a participle or relative clause
/// (`..., adding that`, `..., which`), or a coordinated reporting verb
/// (`... and said`).
pub fn clause_end(ctx: &Context, from: usize, end: usize) -> usize {
    (from..end)
        .find(|&i| {
            // A quote that closes on a comma ends the clause as a comma does
            // (`... "self-deportation," which ...`).
            let closes_on_comma =
                ctx.in_quote(i) && !ctx.in_quote(i + 1) && i > 0 && ctx.word(i - 1) == ",";
            if ctx.in_quote(i) && !closes_on_comma {
                return false;
            }
            match ctx.word(i) {
                ";" => true,
                // A pair of dashes sets off an aside (`those old - and
                // previously unreported - postings`); a lone one ends it.
                _ if ctx.is(i, Class::Dash) => !dash_pair(ctx, i, end),
                // A second report by the same subject: "... and said".
                // Lower case: a capitalised "And" opens a sentence of its own.
                _ if joins_clauses(ctx, i) && !ctx.capitalised(i) => lexicon()
                    .verbs(ctx.word(i + 1))
                    .iter()
                    .any(|v| v.class == VerbClass::Speech),
                _ if ctx.word(i) == "," || closes_on_comma => {
                    let next = ctx.lower(i + 1);
                    // A new clause with its own subject: "..., and she wanted".
                    // (A generic "you" starts no new report.)
                    let new_subject = joins_clauses(ctx, i + 1)
                        && ctx.is(i + 2, Class::SubjectPronoun)
                        && ctx.lower(i + 2) != "you";
                    new_subject
                        || next.ends_with("ing") && !ING_PREPOSITIONS.contains(&next.as_str())
                        || matches!(
                            next.as_str(),
                            "who" | "which" | "where" | "according" | "except"
                        )
                        || new_report(ctx, i + 1, end)
                }
                _ => false,
            }
        })
        // A closing mark stays with its quote.
        .map_or(end, |i| if ctx.in_quote(i) { i + 1 } else { i })
}

/// Prepositions that look like participles: after a comma they go on with
/// the clause (`..., including ...`) rather than open a frame (`...,
/// adding`).
const ING_PREPOSITIONS: &[&str] = &[
    "including",
    "during",
    "regarding",
    "concerning",
    "excluding",
];

/// Most words of an aside between two dashes.
const MAX_ASIDE_WORDS: usize = 8;

/// Whether the dash at `i` opens or closes an aside: another dash stands
/// within a few words on either side, in the same sentence.
fn dash_pair(ctx: &Context, i: usize, end: usize) -> bool {
    let is_dash = |j: usize| ctx.is(j, Class::Dash);
    let near = |j: usize| !ctx.ends_sentence(j) && !ctx.in_quote(j);
    let after = (i + 1..end.min(i + MAX_ASIDE_WORDS + 2))
        .take_while(|&j| near(j))
        .any(is_dash);
    let before = (i.saturating_sub(MAX_ASIDE_WORDS + 1)..i)
        .rev()
        .take_while(|&j| near(j))
        .any(is_dash);
    after || before
}

/// Most words between a comma and the reporting verb of a new subject.
const MAX_NEW_SUBJECT_WORDS: usize = 6;

/// Whether a new subject and its reporting verb start at `from`
/// (`..., Ryan said, ...`), or the verb alone (`X, who said ..., said`):
/// then the clause before has ended.
fn new_report(ctx: &Context, from: usize, end: usize) -> bool {
    (from..end)
        .take_while(|&i| !ctx.in_quote(i) && ctx.word(i) != ",")
        .take(MAX_NEW_SUBJECT_WORDS + 1)
        .any(|i| {
            lexicon()
                .verbs(ctx.word(i))
                .iter()
                .any(|v| v.class == VerbClass::Speech)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    /// The clause `clause_end` finds from the word `from` to the end.
    fn clause(text: &str, from: &str) -> String {
        with_context(text, &[], |ctx| {
            let start = ctx.at(from);
            ctx.slice(&(start..clause_end(ctx, start, ctx.tokens.len())))
                .to_owned()
        })
    }

    #[test]
    fn a_clause_ends_at_a_semicolon_or_a_relative_clause() {
        assert_eq!(
            clause("He said the talks failed; others disagree.", "the"),
            "the talks failed"
        );
        assert_eq!(
            clause("He said the talks failed, which surprised aides.", "the"),
            "the talks failed"
        );
    }

    #[test]
    fn an_aside_between_dashes_stays_in_the_clause() {
        assert_eq!(
            clause("He said the deal - a bold one - works.", "the"),
            "the deal - a bold one - works."
        );
        assert_eq!(
            clause("He said the deal works - for now.", "the"),
            "the deal works"
        );
    }

    #[test]
    fn a_part_holding_a_quote_is_mixed() {
        with_context("He called it \"a disgrace\" today.", &[], |ctx| {
            let all = 0..ctx.tokens.len();
            assert_eq!(kind_of(ctx, &[all]), QuoteKind::Mixed);
            let head = 0..3;
            assert_eq!(kind_of(ctx, &[head]), QuoteKind::Indirect);
        });
    }
}
