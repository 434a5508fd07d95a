//! Reporting cues: walks the tokens outside quotes and asks each
//! [`construction::Construction`] of the registry for a cue (reporting
//! verbs with every inflection and particle, [`verbs::verb_at`]; phrasal
//! cues; questions; hearsay; noun cues; unlisted frame verbs), and finds
//! the colons and dashes that frame a quote.

pub mod construction;
pub mod evidential;
pub mod nouns;
pub mod phrasal;
pub mod questions;
pub mod stance;
pub mod verbs;

use self::construction::Construction;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{is_function_word, pronoun};
use crate::attribution::types::{Cue, CueKind};
use crate::lexicon::Class;
use crate::lexicon::{is_day, lexicon, VerbClass};

/// Finds the cues among `tokens` that lie outside the quote spans.
pub fn find_cues(ctx: &Context, constructions: &[&dyn Construction]) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < ctx.tokens.len() {
        if ctx.in_quote(i) {
            i += 1;
            continue;
        }
        if !ctx.tokens[i].is_word() {
            if let Some(mark) = colon_at(ctx, i).or_else(|| dash_at(ctx, i)) {
                cues.push(mark);
            }
            i += 1;
            continue;
        }
        match construction::cue_at(constructions, ctx, i) {
            Some(cue) => {
                i = cue.tokens.end;
                cues.push(cue);
            }
            None => i += 1,
        }
    }
    cues
}

/// A colon at `i` right before an opening quotation mark.
fn colon_at(ctx: &Context, i: usize) -> Option<Cue> {
    // The colon first: scanning the breaks after every token made a run
    // of blank lines quadratic (found by fuzzing).
    if ctx.word(i) != ":" {
        return None;
    }
    let next = (i + 1..ctx.tokens.len()).find(|&j| !ctx.is_break(j))?;
    let opens_quote = ctx
        .quote_of(next)
        .is_some_and(|q| ctx.quotes[q].tokens.start == next);
    opens_quote.then(|| Cue::new(i..i + 1, CueKind::Colon))
}

/// Most words a dash attribution names (`― Oscar P. Quintero`).
const MAX_DASH_NAME_WORDS: usize = 6;

/// A dash right after a closing quotation mark that is followed by a short
/// capitalised name ending its paragraph: the signature line of a quote
/// (`"..." ― Jane Roe`, `"..." - Jane Roe, Ohio`).
fn dash_at(ctx: &Context, i: usize) -> Option<Cue> {
    // The horizontal bar (U+2015) is a quotation dash: it sets off only
    // signature lines, so no other rule takes it for a dash.
    if !(ctx.is(i, Class::Dash) || ctx.word(i) == "―") || i == 0 {
        return None;
    }
    // Right after the closing mark, or opening the next paragraph (`"..."
    // ¶ - Sanders.`).
    let mut close = i;
    while close > 0 && ctx.is_break(close - 1) {
        close -= 1;
    }
    let closes_quote = close > 0 && ctx.closes_quote(close - 1);
    let name_end = (i + 1..ctx.tokens.len())
        .find(|&j| !ctx.tokens[j].is_word())
        .unwrap_or(ctx.tokens.len());
    let words = name_end - (i + 1);
    let named = (1..=MAX_DASH_NAME_WORDS).contains(&words) && ctx.capitalised(i + 1);
    // The name ends the line, or a comma adds who they are
    // (`- President Obama, tweeting after the speech.`).
    let line_ends = name_end >= ctx.tokens.len()
        || ctx.word(name_end) == ","
        || (ctx.is_break(name_end) || ctx.word(name_end) == ".")
            && (name_end + 1 >= ctx.tokens.len() || ctx.ends_sentence(name_end));
    (closes_quote && named && line_ends).then(|| Cue::new(i..i + 1, CueKind::Dash))
}

/// Most words between a quote and an unlisted verb that closes its frame
/// (`"...," the former governor fumed`).
const MAX_FRAME_SUBJECT_WORDS: usize = 5;

/// Particles that may follow a frame verb (`shot back`, `chimed in`).
const FRAME_PARTICLES: &[&str] = &["back", "in", "out", "up", "on"];

/// Past tenses of frame verbs that do not end in "-ed".
const IRREGULAR_PASTS: &[&str] = &["shot", "spoke", "put", "went", "began", "bit", "struck"];

/// Verbs the lexicon does not list, in the slot a reporting verb takes
/// right after a quote ([`frame_verb_at`]); their cues are read as
/// reporting verbs.
pub struct FrameVerbs;

impl Construction for FrameVerbs {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        frame_verb_at(ctx, i)
    }
}

/// A verb that the lexicon does not list, in the slot a reporting verb
/// takes right after a quote that ends on a comma, question or exclamation
/// mark (`"...," Toomey fumed.`, `"...?" he surmised on Tuesday`,
/// `"...," Viguerie notes.`): that frame makes any past or present-tense
/// verb there the cue.
fn frame_verb_at(ctx: &Context, i: usize) -> Option<Cue> {
    let form = ctx.word(i);
    let verb_like = form.len() >= 3
        && form.chars().all(|c| c.is_ascii_lowercase())
        && (form.ends_with("ed") || form.ends_with('s') || IRREGULAR_PASTS.contains(&form))
        && !is_function_word(form);
    if !verb_like {
        return None;
    }
    // A particle that is also a preposition ("in", "on") is one only at
    // the end of the frame (`chimed in.`), not before an adjunct (`fumed
    // on Tuesday`).
    let next = ctx.lower(i + 1);
    let particle = FRAME_PARTICLES.contains(&next.as_str())
        && (!ctx.is(i + 1, Class::Preposition)
            || ctx.tokens.get(i + 2).is_none_or(|t| !t.is_word()));
    let particle = usize::from(particle);
    let end = i + 1 + particle;
    let closes_frame = end >= ctx.tokens.len()
        || ctx.is_break(end)
        || matches!(ctx.word(end), "." | "," | "!" | "?" | ";" | ":")
        || ctx.is(end, Class::FrameAdjunct)
        || is_day(ctx.word(end))
        || ctx.word(end).ends_with("ly") && !ctx.capitalised(end);
    if !closes_frame {
        return None;
    }
    // The subject between the quote and the verb: short, all words,
    // opening with a name, a pronoun or an article.
    let mut start = i;
    while start > 0 && i - start < MAX_FRAME_SUBJECT_WORDS && ctx.tokens[start - 1].is_word() {
        start -= 1;
    }
    let opener = ctx.lower(start);
    let subject = start < i
        && (ctx.capitalised(start)
            || pronoun(&opener).is_some()
            || ctx.is(start, Class::Determiner))
        && (start..i).all(|k| lexicon().verbs(&ctx.lower(k)).is_empty());
    let mut close = start;
    if close > 0 && ctx.word(close - 1) == "," {
        close -= 1; // `"...”, he said` puts the comma outside.
    }
    let after_quote = subject
        && close > 1
        && ctx.closes_quote(close - 1)
        && (close < start || matches!(ctx.word(close - 2), "," | "?" | "!"));
    after_quote.then_some(Cue::new(i..end, CueKind::Verb(VerbClass::Speech)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::CONSTRUCTIONS;

    /// The cues of `text`: their words and kinds.
    fn cues(text: &str) -> Vec<(String, CueKind)> {
        with_context(text, &[], |ctx| {
            find_cues(ctx, CONSTRUCTIONS)
                .iter()
                .map(|c| (ctx.slice(&c.tokens).to_owned(), c.kind))
                .collect()
        })
    }

    const SPEECH: CueKind = CueKind::Verb(VerbClass::Speech);

    #[test]
    fn a_verb_takes_its_adjunct() {
        assert_eq!(
            cues("Smith said in a statement that taxes will rise."),
            [("said in a statement".to_owned(), SPEECH)]
        );
    }

    #[test]
    fn a_verb_form_after_a_determiner_or_a_passive_is_no_cue() {
        assert!(cues("The claims were false.").is_empty());
        assert!(cues("The delegates were admitted.").is_empty());
    }

    #[test]
    fn phrases_and_colons_are_cues() {
        assert_eq!(
            cues("According to aides, the talks failed."),
            [("According to".to_owned(), CueKind::According)]
        );
        assert_eq!(
            cues("Smith added: \"We will win.\""),
            [
                ("added".to_owned(), SPEECH),
                (":".to_owned(), CueKind::Colon)
            ]
        );
    }
}
