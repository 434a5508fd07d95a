//! Noun cues: what a possessor said, decided or felt, named by a noun
//! (`Trump's decision to ...`, `his criticism of ...`, `her claim that
//! ...`); the possessor is the source, the complement the content.

use std::iter::once;

use super::construction::Construction;
use crate::attribution::speakers::mentions::name_mention;
use crate::attribution::text::clause::{clause_end, report};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{match_words, pronoun, strip_possessive};
use crate::attribution::types::{Cue, CueKind, Found, Mention, MentionKind, Sense};
use crate::lexicon::Class;
use crate::lexicon::{lexicon, PhraseKind};

/// `Trump's decision to ...`: a noun cue after its possessor.
pub struct NounCues;

impl Construction for NounCues {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        noun_at(ctx, i)
    }

    fn reads(&self, kind: CueKind) -> bool {
        kind == CueKind::Noun
    }

    fn report(&self, ctx: &Context, cue: &Cue) -> Option<Found> {
        noun_report(ctx, cue)
    }
}

/// A noun cue starting at `i`: a noun of the lexicon after a possessor and
/// before its complement.
pub fn noun_at(ctx: &Context, i: usize) -> Option<Cue> {
    // Every word is tried, so the cheap test comes first.
    let first = ctx.lower(i);
    let (len, phrase) = lexicon()
        .phrases
        .iter()
        .filter(|p| p.kind == PhraseKind::Noun && p.words[0] == first)
        .find_map(|p| Some((match_words(ctx, i, &p.words)?, p)))?;
    // A noun phrase ending in its preposition (`support for`) takes its
    // object directly.
    let opener = ctx.lower(i + len - 1);
    let takes_object = len > 1 && lexicon().is(&opener, Class::NounComplement);
    let complement = takes_object || ctx.is(i + len, Class::NounComplement);
    let cue = Cue::new(i..i + len, CueKind::Noun);
    let class = phrase.cue_class.unwrap_or(cue.sense.class);
    (complement && possessor(ctx, i).is_some()).then(|| Cue {
        sense: Sense::of(class),
        ..cue
    })
}

/// The report of a noun cue: its complement, told by its possessor.
pub fn noun_report(ctx: &Context, cue: &Cue) -> Option<Found> {
    let speaker = possessor(ctx, cue.tokens.start)?;
    let end = ctx.report_window(&cue.tokens).end;
    let start = cue.tokens.end;
    let content = start..clause_end(ctx, start, end);
    report(ctx, once(content).collect(), cue, Some(speaker))
}

/// The possessor right before token `i`: a possessive pronoun (`his`), a
/// name with `'s` (`Mr. Trump's`) or a common noun with `'s` back to its
/// determiner (`the company's`).
fn possessor(ctx: &Context, i: usize) -> Option<Mention> {
    let before = i.checked_sub(1)?;
    let word = ctx.word(before);
    // Third person only: "my decision" names the writer, not a speaker;
    // and "hers" is no determiner.
    if ctx.is(before, Class::Possessive)
        && !matches!(ctx.lower(before).as_str(), "my" | "our" | "your" | "hers")
    {
        return Some(Mention::simple(
            before..i,
            MentionKind::Pronoun,
            pronoun(word).flatten(),
        ));
    }
    if strip_possessive(word).is_none() || ctx.in_quote(before) {
        return None;
    }
    let sentence = ctx.sentence_start(before);
    let mut start = before;
    if ctx.capitalised(before) {
        while start > sentence && ctx.capitalised(start - 1) && !ctx.in_quote(start - 1) {
            start -= 1;
        }
        return Some(name_mention(ctx, start..i, sentence));
    }
    // A common noun back to its determiner: `the company's`.
    let determiner = (sentence..before)
        .rev()
        .take(MAX_DESCRIPTOR_WORDS)
        .take_while(|&j| ctx.tokens[j].is_word() && !ctx.in_quote(j))
        .find(|&j| ctx.is(j, Class::Determiner))?;
    Some(Mention::simple(
        determiner..i,
        MentionKind::Descriptor,
        None,
    ))
}

/// Most words between a possessive common noun and its determiner.
const MAX_DESCRIPTOR_WORDS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    #[test]
    fn a_noun_after_a_possessor_reports_its_complement() {
        with_context(
            "Trump's decision to leave the deal angered allies.",
            &[],
            |ctx| {
                let cue = noun_at(ctx, ctx.at("decision")).expect("a cue");
                let f = noun_report(ctx, &cue).expect("a report");
                let speaker = f.speaker.expect("the possessor");
                assert_eq!(ctx.slice(&speaker.tokens), "Trump's");
                assert_eq!(speaker.kind, MentionKind::Name);
                assert!(ctx.slice(&f.parts[0]).starts_with("to leave the deal"));
            },
        );
    }

    #[test]
    fn a_noun_without_a_possessor_is_no_cue() {
        with_context("The decision to leave angered allies.", &[], |ctx| {
            assert_eq!(noun_at(ctx, ctx.at("decision")), None);
        });
    }
}
