//! Direct quotes: ties each quote span to the cue and speaker around it,
//! joins the pieces of one quote (`"A," X said, "B."`, continuation
//! paragraphs) and drops scare quotes, titles and nicknames.

use std::ops::Range;

use crate::attribution::confidence;
use crate::attribution::speakers::mentions::{mention_after, mention_before, sentence_subject};
use crate::attribution::speakers::subjects::{clause_subject, subject_of};
use crate::attribution::text::context::Context;
use crate::attribution::text::tokens::TokenKind;
use crate::attribution::text::words::word_count;
use crate::attribution::types::{Cue, CueKind, Found, Mention, MentionKind};
use crate::lexicon::{lexicon, Class};
use crate::model::QuoteKind;

/// Most words between a quote and its cue (`"...," the minister of X said`).
const MAX_CUE_DISTANCE: usize = 12;
/// Most words between a quote and its cue when they are the speaker's
/// name and appositives.
const MAX_APPOSITIVE_DISTANCE: usize = 40;
/// Fewest words a quote needs to count without a cue.
const MIN_UNCUED_WORDS: usize = 4;
/// Fewest words a quote inside a sentence needs to count without a cue.
const MIN_EMBEDDED_WORDS: usize = 8;

/// A quote span with the cue and speaker found next to it.
struct Framed {
    quote: usize,
    cue: Option<usize>,
    speaker: Option<Mention>,
    /// The cue belongs to the sentence before and keeps its own clause.
    borrowed: bool,
}

impl Framed {
    /// Quote `quote` framed by its own cue `cue`.
    fn own(quote: usize, cue: usize, speaker: Option<Mention>) -> Self {
        Framed {
            quote,
            cue: Some(cue),
            speaker,
            borrowed: false,
        }
    }
}

/// Attributes the direct quotes; marks the cues it takes as its own
/// [`Cue::used`].
pub fn direct_quotes(ctx: &Context, cues: &mut [Cue]) -> Vec<Found> {
    let framed: Vec<Framed> = (0..ctx.quotes.len()).map(|q| frame(ctx, cues, q)).collect();
    let mut found: Vec<Found> = Vec::new();
    let mut last: Option<usize> = None; // index into `framed` of the group's last quote
    for (k, f) in framed.iter().enumerate() {
        let span = &ctx.quotes[f.quote].tokens;
        let words = word_count(ctx, span);
        let joins = last.is_some_and(|prev| continues(ctx, cues, &framed[prev], f));
        // The quote's own cue, unless the group it joins has one already:
        // `"A," X said, "B." He went on to endorse Y` leaves "endorse" free.
        let mut own_cue = f.cue;
        if joins {
            let group = found.last_mut().expect("a group is open");
            group.parts.push(span.clone());
            if group.cue.is_none() {
                group.cue = f.cue.map(|c| cues[c].tokens.clone());
                group.cue_sense = f.cue.map(|c| cues[c].sense);
                group.speaker = f.speaker.clone();
            } else if last.is_some_and(|prev| framed[prev].cue != f.cue) {
                own_cue = None;
            }
        } else if f.cue.is_some() || uncued_quote(ctx, span, words) {
            // `said that "..."`: the "that" opens the content, as in
            // PolNeAR (30 of 31 such quotes on train), which makes it mixed.
            let that = f.cue.map(|c| cues[c].tokens.end).filter(|&end| {
                end < span.start
                    && ctx.lower(end) == "that"
                    && (end + 1..span.start).all(|i| !ctx.tokens[i].is_word())
            });
            let content = that.unwrap_or(span.start)..span.end;
            found.push(Found {
                parts: vec![content],
                kind: if that.is_some() {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Direct
                },
                cue: f.cue.map(|c| cues[c].tokens.clone()),
                cue_sense: f.cue.map(|c| cues[c].sense),
                speaker: f.speaker.clone(),
                sourceless: false,
                confidence: if f.cue.is_some() {
                    confidence::DIRECT_CUED
                } else {
                    confidence::DIRECT_UNCUED
                },
            });
        } else {
            continue;
        }
        if let Some(c) = own_cue.filter(|_| !f.borrowed) {
            cues[c].used = true;
        }
        last = Some(k);
    }
    found
}

/// Joins a direct quote with no cue of its own, or only the one it
/// borrowed from the report, to the report right before it when only that
/// report's cue and speaker stand between them in the paragraph (`Both
/// parties "saw ...," said Victor Cha, who served .... "In that sense,
/// ..."`): one report in two pieces. `found` is in text order.
pub fn join_trailing_quotes(ctx: &Context, found: Vec<Found>) -> Vec<Found> {
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let joins = joined.last().is_some_and(|prev| {
            let frame = |i: usize| {
                prev.cue.as_ref().is_some_and(|c| c.contains(&i))
                    || prev.speaker.as_ref().is_some_and(|m| m.tokens.contains(&i))
            };
            let gap = prev.parts.iter().map(|p| p.end).max().unwrap_or(0)..f.parts[0].start;
            // A quote that borrowed the report's cue continues it only
            // after the frame (`Teachers are "looking ...," X said. "That's
            // ..."`), not after content that follows its cue.
            let borrowed = f.cue.is_some()
                && f.cue == prev.cue
                && prev.cue.as_ref().is_some_and(|c| c.start >= gap.start);
            (f.cue.is_none() || borrowed)
                && f.kind == QuoteKind::Direct
                && prev.kind != QuoteKind::Direct
                && prev.cue.is_some()
                && gap
                    .clone()
                    .all(|i| !ctx.is_break(i) && (!ctx.tokens[i].is_word() || frame(i)))
        });
        match joined.last_mut() {
            Some(prev) if joins => {
                // An indirect report with a quoted piece is mixed. A quote
                // that starts inside the clause (`he’s “made money.”
                // ¶ “Frankly, ...”`) adds only what lies after it.
                let end = prev.parts.iter().map(|p| p.end).max().unwrap_or(0);
                let after = f.parts.into_iter().map(|p| p.start.max(end)..p.end);
                prev.parts.extend(after.filter(|p| !p.is_empty()));
                prev.kind = QuoteKind::Mixed;
            }
            _ => joined.push(f),
        }
    }
    joined
}

/// Whether a quote without a cue still counts: long enough, not a title,
/// and not a short fragment inside a sentence (whose cue we do not know).
fn uncued_quote(ctx: &Context, span: &Range<usize>, words: usize) -> bool {
    let min = if embedded(ctx, span.start) {
        MIN_EMBEDDED_WORDS
    } else {
        MIN_UNCUED_WORDS
    };
    words >= min && !is_title(ctx, span) && !has_byline(ctx, span)
}

/// Whether a byline follows the quote (`"Museum to close," by Jane Roe`):
/// it is the headline of an article, not speech.
fn has_byline(ctx: &Context, span: &Range<usize>) -> bool {
    ctx.lower(span.end) == "by" && ctx.capitalised(span.end + 1)
}

/// Whether the quote opening at `open` sits inside a sentence that began
/// before it (`the deal was "a mistake," he said`): then it is a fragment
/// of the clause, and a cue after it governs the clause, not the quote.
/// After a comma or a conjunction the quote is a clause of its own.
fn embedded(ctx: &Context, open: usize) -> bool {
    if open == 0 || ctx.ends_sentence(open - 1) || ctx.in_quote(open - 1) {
        return false;
    }
    if matches!(ctx.word(open - 1), ":" | "(" | ",") || ctx.is(open - 1, Class::Dash) {
        return false;
    }
    // `... and "should have acted sooner,"`: a lower-case quote after a
    // conjunction goes on with the clause.
    // "or" offers an alternative within the clause: the quote after it is a
    // fragment still.
    !ctx.is(open - 1, Class::Conjunction)
        || ctx.lower(open - 1) == "or"
        || !ctx.capitalised(open + 1)
}

/// Whether every word of a short quote is capitalised: a title ("Meet
/// the Press" aside, function words count too), not speech.
fn is_title(ctx: &Context, span: &Range<usize>) -> bool {
    let words: Vec<usize> = span.clone().filter(|&i| ctx.tokens[i].is_word()).collect();
    words.len() <= 8
        && words.iter().all(|&i| {
            ctx.capitalised(i)
                || lexicon().is(ctx.word(i), Class::Minor)
                || ctx.word(i).starts_with(char::is_numeric)
        })
}

/// Whether quote `next` continues the quote group ending with `prev`:
/// same paragraph with only its cue frame between them, or a paragraph
/// that opens with a quote (not a title) right after a paragraph that
/// ended with one.
fn continues(ctx: &Context, cues: &[Cue], prev: &Framed, next: &Framed) -> bool {
    let a = &ctx.quotes[prev.quote].tokens;
    let b = &ctx.quotes[next.quote].tokens;
    if split_by_frame(ctx, cues, prev, next.quote) {
        return true;
    }

    if next.cue.is_some() && prev.cue.is_some() && next.cue != prev.cue {
        return false;
    }
    // A quote its own cue introduces (`She adds, "..."`) opens a new
    // report after an uncued one.
    if prev.cue.is_none() && next.cue.is_some_and(|c| cues[c].tokens.start < b.start) {
        return false;
    }
    let frame_tokens = |f: &Framed| {
        let cue = f.cue.map(|c| cues[c].tokens.clone()).unwrap_or(0..0);
        let speaker = f.speaker.as_ref().map(|m| m.tokens.clone()).unwrap_or(0..0);
        (cue, speaker)
    };
    let (cue_a, speaker_a) = frame_tokens(prev);
    let (cue_b, speaker_b) = frame_tokens(next);
    let mut loose_words = 0;
    let mut breaks = 0;
    for i in a.end..b.start {
        let tok = &ctx.tokens[i];
        if tok.kind == TokenKind::Break {
            breaks += 1;
        } else if tok.is_word()
            && ![&cue_a, &speaker_a, &cue_b, &speaker_b]
                .iter()
                .any(|r| r.contains(&i))
        {
            loose_words += 1;
        }
    }
    if breaks > 0 {
        // A new paragraph continues only when it opens with the quote, has
        // no cue of its own, and the previous one ended with the quote or
        // its cue; and not with a title (`"American Skin (41 Shots)" was
        // written ...`, a quoted subheading).
        return next.cue.is_none() && loose_words == 0 && !is_title(ctx, b);
    }
    // Same paragraph: adjacent, or only the cue's sentence between them
    // (`"A," said X, who ... . "B."`).
    let cue_between = [prev.cue, next.cue]
        .iter()
        .flatten()
        .any(|&c| (a.end..b.start).contains(&cues[c].tokens.start));
    let sentence_ends = (a.end..b.start).filter(|&i| ctx.ends_sentence(i)).count();
    // A quote that ended its sentence with a period (`"A." X said. "B."`)
    // is a report of its own; a comma or question mark leaves it open.
    let closed = last_mark(ctx, a) == ".";
    loose_words == 0 || cue_between && sentence_ends <= 1 && !closed && !embedded(ctx, b.start)
}

/// The punctuation that ends a quote's words, before its closing mark
/// (`"...,"` gives ","; `"...."` gives ".").
fn last_mark<'d>(ctx: &Context<'d>, quote: &Range<usize>) -> &'d str {
    ctx.word(quote.end.saturating_sub(2))
}

/// Whether quote `next` is the second piece of one quote
/// split by the frame of the quote before it (`"A," X said, "B."`): only
/// that frame's cue and speaker lie between them, in one sentence, and a
/// comma ends the first piece and the frame. A cue found after the second
/// piece then belongs to another report.
fn split_by_frame(ctx: &Context, cues: &[Cue], prev: &Framed, next: usize) -> bool {
    let (Some(c), Some(speaker)) = (prev.cue, prev.speaker.as_ref()) else {
        return false;
    };
    let a = &ctx.quotes[prev.quote].tokens;
    let b = &ctx.quotes[next].tokens;
    let (open, gap) = (b.start, a.end..b.start);
    // The frame may run on (`said Sherman, speaking of politicians, "and
    // leave ..."`) when the second piece opens in lower case, mid-sentence,
    // unless the words after the frame open a clause the quote completes
    // (`noting that he and his wife, "have ..."`).
    let lower_case = (open + 1..b.end)
        .find(|&i| ctx.tokens[i].is_word())
        .is_some_and(|i| ctx.word(i).starts_with(char::is_lowercase))
        && !gap.clone().any(|i| ctx.lower(i) == "that");
    let frame = |i: usize| lower_case || cues[c].tokens.contains(&i) || speaker.tokens.contains(&i);
    // The cue inside the gap also makes the gap non-empty.
    gap.contains(&cues[c].tokens.start)
        && !prev.borrowed
        && ctx.word(open - 1) == ","
        && last_mark(ctx, a) == ","
        && gap.clone().all(|i| {
            !ctx.is_break(i) && !ctx.ends_sentence(i) && (!ctx.tokens[i].is_word() || frame(i))
        })
}

/// Finds the cue and speaker of quote `q`: the first of the
/// [`STRATEGIES`] that finds them, else none.
fn frame(ctx: &Context, cues: &[Cue], q: usize) -> Framed {
    let around = Around::new(ctx, cues, q);
    STRATEGIES
        .iter()
        .find_map(|strategy| strategy(ctx, cues, &around))
        .unwrap_or(Framed {
            quote: q,
            cue: None,
            speaker: None,
            borrowed: false,
        })
}

/// A way to find the cue and speaker of a quote.
type Strategy = fn(&Context, &[Cue], &Around) -> Option<Framed>;

/// The strategies in order of precedence: a cue after the quote (`"...,"
/// X said`), a verb before it (`X said: "..."`), a colon after its
/// speaker (`Smith: "..."`), the cue that ends the sentence before it.
const STRATEGIES: &[Strategy] = &[cue_after, verb_before, colon_before, previous_sentence_cue];

/// A quote and the tokens around it that the strategies search.
struct Around {
    /// The quote.
    quote: usize,
    /// Its tokens.
    span: Range<usize>,
    /// From its end to the end of its sentence (see [`post_window`]).
    after: Range<usize>,
    /// From the start of its sentence to it (see [`pre_window`]).
    before: Range<usize>,
    /// The verb or "according to" before it that introduces it.
    verb_before: Option<usize>,
}

impl Around {
    fn new(ctx: &Context, cues: &[Cue], q: usize) -> Self {
        let mut around = Around {
            quote: q,
            span: ctx.quotes[q].tokens.clone(),
            after: post_window(ctx, q),
            before: pre_window(ctx, q),
            verb_before: None,
        };
        around.verb_before = cues_in(cues, &around.before).rev().find(|&c| {
            matches!(cues[c].kind, CueKind::Verb(_) | CueKind::According)
                && around.introduced_by(ctx, &cues[c])
        });
        around
    }

    /// Whether cue `c`, before the quote, introduces it (see
    /// [`introduces`]); a bare cue only a quote that ends its sentence.
    fn introduced_by(&self, ctx: &Context, c: &Cue) -> bool {
        let ends_with_quote = word_count(ctx, &self.after) == 0;
        self.before.contains(&c.tokens.start)
            && match introduces(ctx, c.tokens.end, self.span.start) {
                Some(Introduction::Punctuated) => true,
                Some(Introduction::Bare) => ends_with_quote,
                None => false,
            }
    }
}

/// A cue after the quote with a speaker (`"...," X said`, `"...," said
/// X`), or a signature line in the next paragraph (`"..." ¶ - Sanders.`).
fn cue_after(ctx: &Context, cues: &[Cue], around: &Around) -> Option<Framed> {
    let Around {
        quote: q,
        span,
        after,
        ..
    } = around;
    let embedded_quote = embedded(ctx, span.start);
    let closed = last_mark(ctx, span) == ".";
    // A question after the quote (`"..." Asked why, she said`) opens a new
    // exchange: no cue past it frames this quote.
    let after_cue = cues_in(cues, after)
        .take_while(|&c| cues[c].kind != CueKind::Question)
        .find(|&c| {
            let c = &cues[c];
            !embedded_quote
            && after.contains(&c.tokens.start)
            && word_count(ctx, &(after.start..c.tokens.start)) <= MAX_APPOSITIVE_DISTANCE
            && matches!(
                c.kind,
                CueKind::Verb(_) | CueKind::According | CueKind::Dash
            )
            // `X said: "...", adding that ...`: the participle is a new
            // report of the speaker the cue before introduced.
            && !(around.verb_before.is_some() && ctx.lower(c.tokens.start).ends_with("ing"))
            // `"A." Y said: "B."`: a cue before a colon introduces the
            // quote after it, not a quote that closed its own sentence.
            && !(closed && ctx.word(c.tokens.end) == ":")
        });
    let signature = (|| {
        let next = (span.end..ctx.tokens.len()).find(|&i| !ctx.is_break(i))?;
        let c = cues_in(cues, &(next..next + 1)).find(|&c| cues[c].kind == CueKind::Dash)?;
        let line_end = (next..ctx.tokens.len())
            .find(|&i| ctx.is_break(i))
            .unwrap_or(ctx.tokens.len());
        Some((c, line_end))
    })();
    let c = after_cue.or_else(|| signature.filter(|_| after.is_empty()).map(|(c, _)| c))?;
    let near = word_count(ctx, &(after.start..cues[c].tokens.start)) <= MAX_CUE_DISTANCE;
    // Farther away only when the subject opens the frame with its
    // appositives (`"...," Jane Roe, the director of ..., said`).
    let limit = signature
        .filter(|&(s, _)| s == c)
        .map_or(after.end, |(_, line_end)| line_end);
    let speaker = cue_speaker(ctx, &cues[c], span.end, limit)
        .filter(|m| near || m.tokens.start == after.start || limit != after.end)?;
    Some(Framed::own(*q, c, Some(speaker)))
}

/// A verb or "according to" before the quote that introduces it (`X
/// said: "..."`), with its speaker if it has one.
fn verb_before(ctx: &Context, cues: &[Cue], around: &Around) -> Option<Framed> {
    let c = around.verb_before?;
    let speaker = cue_speaker(ctx, &cues[c], around.before.start, around.span.start);
    Some(Framed::own(around.quote, c, speaker))
}

/// `Smith: "..."`: a colon right after a sentence-initial mention; else
/// the subject of the clause before the colon (`The campaign put it this
/// way: "..."`, `And Mr. Christie gloated: "..."`).
fn colon_before(ctx: &Context, cues: &[Cue], around: &Around) -> Option<Framed> {
    let before = &around.before;
    let c = cues_in(cues, before)
        .rev()
        .find(|&c| cues[c].kind == CueKind::Colon && around.introduced_by(ctx, &cues[c]))?;
    let colon = cues[c].tokens.start;
    let speaker = mention_before(ctx, colon, before.start)
        .filter(|m| m.tokens.start == before.start && m.kind != MentionKind::Pronoun)
        .or_else(|| sentence_subject(ctx, before.start, colon))
        .or_else(|| clause_subject(ctx, colon))?;
    Some(Framed::own(around.quote, c, Some(speaker)))
}

/// Indices of the cues that start in token range `range` (cues are in
/// text order).
fn cues_in(cues: &[Cue], range: &Range<usize>) -> Range<usize> {
    cues.partition_point(|c| c.tokens.start < range.start)
        ..cues.partition_point(|c| c.tokens.start < range.end)
}

/// The speaker of a verb cue (its subject, else the mention after an
/// inverted cue) or of "according to" (the mention after it); `floor` and
/// `limit` bound the search.
fn cue_speaker(ctx: &Context, cue: &Cue, floor: usize, limit: usize) -> Option<Mention> {
    match cue.kind {
        CueKind::According | CueKind::Dash => mention_after(ctx, cue.tokens.end, limit),
        _ => subject_of(ctx, cue, floor).or_else(|| mention_after(ctx, cue.tokens.end, limit)),
    }
}

/// For a quote that opens its sentence, the cue that closes the sentence
/// before it in the same paragraph (`... a "change agent," Cole said.
/// "That's what people want."`).
fn previous_sentence_cue(ctx: &Context, cues: &[Cue], around: &Around) -> Option<Framed> {
    let (q, before) = (around.quote, &around.before);
    let open = ctx.quotes[q].tokens.start;
    if word_count(ctx, &(before.start..open)) > 0 || before.start == 0 {
        return None;
    }
    let stop = before.start - 1;
    if !matches!(ctx.word(stop), "." | "?" | "!") {
        return None;
    }
    // Cues are short, so one ending within 3 tokens of `stop` starts
    // within a few more.
    let c = cues_in(cues, &(stop.saturating_sub(12)..stop))
        .rev()
        .find(|&c| {
            let c = &cues[c];
            matches!(c.kind, CueKind::Verb(_)) && c.tokens.end <= stop && stop - c.tokens.end <= 3
        })?;
    let cue = &cues[c];
    let sentence = ctx.report_window(&cue.tokens).start;
    // A sentence that is a quote and its frame run on (`"A," X said,
    // invoking Y. "B."`, `"A," said X, who knows Y. "B."`): its later cue
    // takes no quote, and "B" continues "A".
    let framed_quote = ctx.quotes.iter().any(|other| {
        (sentence + 1..=cue.tokens.start).contains(&other.tokens.end)
            && cues_in(cues, &(other.tokens.end..cue.tokens.start))
                .any(|k| matches!(cues[k].kind, CueKind::Verb(_)))
    });
    if framed_quote {
        return None;
    }
    let speaker =
        subject_of(ctx, cue, sentence).or_else(|| mention_after(ctx, cue.tokens.end, stop))?;
    Some(Framed {
        quote: q,
        cue: Some(c),
        speaker: Some(speaker),
        borrowed: true,
    })
}

/// How a cue introduces the quote after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Introduction {
    /// Through a colon or comma (`said:`, `told reporters,`).
    Punctuated,
    /// Directly or through "that" (`said "..."`, `said that "..."`): the
    /// quote is the whole complement only when the sentence ends with it.
    Bare,
}

/// Whether the tokens from a cue's end to a quote's opening mark introduce
/// the quote (`said:`, `said,`, `told reporters:`, `said that`) rather
/// than begin an indirect clause around it.
fn introduces(ctx: &Context, cue_end: usize, open: usize) -> Option<Introduction> {
    if cue_end > open {
        return None;
    }
    let between = cue_end..open;
    let last = between
        .clone()
        .rev()
        .find(|&i| !ctx.is_break(i))
        .map_or("", |i| ctx.word(i));
    let words = word_count(ctx, &between);
    // `said the count had been slow: "..."`: a clause with a verb of its
    // own is the cue's content, and the colon introduces the quote.
    let clause = last == ":" && between.clone().any(|i| ctx.is(i, Class::Be));
    if matches!(last, ":" | ",") && words <= 6 && !clause {
        Some(Introduction::Punctuated)
    } else if words == 0 || words == 1 && last == "that" {
        Some(Introduction::Bare)
    } else {
        None
    }
}

/// Tokens after quote `q` up to the end of its sentence, the next quote or
/// the paragraph end.
fn post_window(ctx: &Context, q: usize) -> Range<usize> {
    let start = ctx.quotes[q].tokens.end;
    let next_quote = ctx.quotes.get(q + 1).map_or(usize::MAX, |n| n.tokens.start);
    let mut end = start;
    while end < ctx.tokens.len() && end < next_quote && !ctx.ends_sentence(end) {
        end += 1;
    }
    start..end
}

/// Tokens before quote `q` back to the start of its sentence, the previous
/// quote or the paragraph start; a paragraph ending with a colon extends it.
fn pre_window(ctx: &Context, q: usize) -> Range<usize> {
    let end = ctx.quotes[q].tokens.start;
    let prev_quote = if q > 0 {
        ctx.quotes[q - 1].tokens.end
    } else {
        0
    };
    let mut start = end;
    while start > prev_quote && !ctx.ends_sentence(start - 1) {
        start -= 1;
    }
    let opens_paragraph = start > 0 && ctx.ends_sentence(start - 1) && ctx.is_break(start - 1);
    if opens_paragraph && start == end {
        // `X said:` on the line before.
        let mut colon = start;
        while colon > prev_quote && ctx.is_break(colon - 1) {
            colon -= 1;
        }
        if colon > prev_quote && ctx.word(colon - 1) == ":" {
            let mut s = colon - 1;
            while s > prev_quote && !ctx.ends_sentence(s - 1) {
                s -= 1;
            }
            return s..colon;
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::cues::find_cues;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::CONSTRUCTIONS;

    /// The cue with which `strategy` frames quote `q` of `text`.
    fn framed_by(strategy: Strategy, text: &str, q: usize) -> Option<String> {
        with_context(text, &[], |ctx| {
            let cues = find_cues(ctx, CONSTRUCTIONS);
            let around = Around::new(ctx, &cues, q);
            let framed = strategy(ctx, &cues, &around)?;
            Some(ctx.slice(&cues[framed.cue?].tokens).to_owned())
        })
    }

    #[test]
    fn each_strategy_finds_its_own_frame() {
        let after = "\"We will win,\" Smith said.";
        let before = "Smith said: \"We will win.\"";
        assert_eq!(framed_by(cue_after, after, 0).as_deref(), Some("said"));
        assert_eq!(framed_by(cue_after, before, 0), None);
        assert_eq!(framed_by(verb_before, before, 0).as_deref(), Some("said"));
        assert_eq!(framed_by(verb_before, after, 0), None);
        let colon = "Smith: \"We will win.\"";
        assert_eq!(framed_by(colon_before, colon, 0).as_deref(), Some(":"));
        let previous = "The plan is a \"change,\" Cole said. \"People want it.\"";
        assert_eq!(
            framed_by(previous_sentence_cue, previous, 1).as_deref(),
            Some("said")
        );
        assert_eq!(framed_by(previous_sentence_cue, after, 0), None);
    }

    #[test]
    fn the_first_strategy_that_frames_a_quote_wins() {
        let text = "Smith said: \"We will win,\" Jones added.";
        assert_eq!(framed_by(verb_before, text, 0).as_deref(), Some("said"));
        with_context(text, &[], |ctx| {
            let cues = find_cues(ctx, CONSTRUCTIONS);
            let framed = frame(ctx, &cues, 0);
            assert_eq!(ctx.slice(&cues[framed.cue.expect("a cue")].tokens), "added");
        });
    }
}
