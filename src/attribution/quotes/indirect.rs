//! Indirect and mixed quotes: the clause a reporting cue governs
//! (`X said (that) ...`, `..., X said`, `according to X, ...`), and whether
//! it holds a quoted fragment.

use std::iter::once;
use std::ops::Range;

use crate::attribution::cues::construction::{self, Construction};
use crate::attribution::cues::stance;
use crate::attribution::cues::verbs::verb_at;
use crate::attribution::speakers::mentions::mention_after;
use crate::attribution::speakers::subjects::{bare_subject, subject_of};
use crate::attribution::text::clause::{
    clause_end, is_answer, opens_relative, report, MIN_CLAUSE_WORDS,
};
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{pronoun, word_count};
use crate::attribution::types::{Cue, CueKind, Found, Mention};
use crate::lexicon::Class;
use crate::lexicon::{is_day, lexicon, Complement, VerbClass};

/// The reports of the cues no direct quote used: the clause or phrase each
/// governs, read by its construction, in cue order.
pub fn indirect_quotes(
    ctx: &Context,
    cues: &[Cue],
    constructions: &[&dyn Construction],
) -> Vec<Found> {
    cues.iter()
        .filter(|cue| !cue.used)
        .filter_map(|cue| construction::report(constructions, ctx, cue))
        .collect()
}

/// `X said (that) ...`: the reporting verbs of the lexicon and the clause
/// each governs.
pub struct ReportingVerbs;

impl Construction for ReportingVerbs {
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue> {
        verb_at(ctx, i)
    }

    fn reads(&self, kind: CueKind) -> bool {
        matches!(kind, CueKind::Verb(_))
    }

    fn report(&self, ctx: &Context, cue: &Cue) -> Option<Found> {
        let CueKind::Verb(class) = cue.kind else {
            return None;
        };
        verb_clause(ctx, cue, class)
    }
}

/// Most words before a subject mention that still belong to its noun
/// phrase.
const MAX_SUBJECT_MODIFIERS: usize = 4;

/// `X said (that) ...`, `..., X said`, `..., said X`, `..., X said, ...`:
/// the content before the frame when there is a clause there, else the
/// content after the verb.
fn verb_clause(ctx: &Context, cue: &Cue, class: VerbClass) -> Option<Found> {
    let window = ctx.report_window(&cue.tokens);
    let (speaker, head) = frame_start(ctx, cue, class, &window);
    let speaker_end = speaker
        .as_ref()
        .map_or(cue.tokens.end, |m| m.tokens.end.max(cue.tokens.end));
    let hearer = lexicon().takes(ctx.word(cue.tokens.start), Complement::Hearer);
    // `X said yes`: the answer is the content, whatever stands before.
    let answer = cue.tokens.end..cue.tokens.end + 1;
    if class == VerbClass::Speech && is_answer(ctx, &answer) {
        return report(ctx, vec![answer], cue, speaker);
    }
    match preposed_parts(ctx, &window, head, speaker_end, hearer) {
        Some(parts) => report(ctx, parts, cue, speaker),
        None => following_report(ctx, cue, &window, speaker),
    }
}

/// The speaker named before the verb, or after it in an inverted frame
/// (`"...," said X`), and the frame's first token: the subject's, else
/// the verb's.
fn frame_start(
    ctx: &Context,
    cue: &Cue,
    class: VerbClass,
    window: &Range<usize>,
) -> (Option<Mention>, usize) {
    match subject_of(ctx, cue, window.start) {
        Some(m) => {
            let head = m.tokens.start;
            (Some(m), head)
        }
        None if class == VerbClass::Speech && inverts(ctx, cue.tokens.start, window.start) => (
            mention_after(ctx, cue.tokens.end, window.end),
            cue.tokens.start,
        ),
        None => (None, cue.tokens.start),
    }
}

/// The content of a pre-posed report (`CLAUSE, X said`, `CLAUSE, X said,
/// CLAUSE`), when a comma closes a clause of its own before the frame that
/// starts at `head`; the speaker's mention ends at `speaker_end`, and a
/// verb that takes a `hearer` may name one before the frame's comma.
fn preposed_parts(
    ctx: &Context,
    window: &Range<usize>,
    head: usize,
    speaker_end: usize,
    hearer: bool,
) -> Option<Vec<Range<usize>>> {
    let Range { start, end } = *window;
    // The comma may sit inside a closing quote: `... "we will win," X said`.
    let comma_before =
        |head: usize| head > start && (ctx.word(head - 1) == "," || quote_comma_before(ctx, head));
    let head = with_modifiers(ctx, start, head, comma_before);
    if !comma_before(head) {
        return None;
    }
    // The frame may run on with an adjunct before its comma (`..., X said
    // in June 2012, citing ...`).
    let mut frame_end = adjunct_end(ctx, speaker_end, end);
    if hearer {
        frame_end = hearer_end(ctx, frame_end, end);
    }
    if word_count(ctx, &(speaker_end..end)) > 3 && ctx.word(frame_end) != "," {
        return None;
    }
    // An opening adverbial (`In 2012, she said ...`, `During his term,
    // Obama has said ...`) is not what was said; one before a clause of
    // its own sets its scene and belongs to it, as in PolNeAR (`By spring,
    // the line will ..., Berg wrote`).
    let adverbial = (opens_adjunct(ctx, start) || time_phrase(ctx, &(start..head - 1)))
        && !(start..head).any(|i| ctx.in_quote(i))
        && !(start..head - 1).any(|i| ctx.word(i) == ",");
    if adverbial || word_count(ctx, &(start..head)) < MIN_CLAUSE_WORDS {
        return None;
    }
    let clause_end = if ctx.in_quote(head - 1) {
        head
    } else {
        head - 1
    };
    let mut parts = Vec::from_iter(once(start..clause_end));
    if ctx.word(frame_end) == "," && !opens_relative(ctx, frame_end + 1) {
        parts.push(frame_end + 1..end);
    }
    Some(parts)
}

/// The frame's start widened over modifiers the mention left out, when
/// only then a comma after a quote precedes it (`"...," retired Air Force
/// general Lloyd Newton said`).
fn with_modifiers(
    ctx: &Context,
    start: usize,
    head: usize,
    comma_before: impl Fn(usize) -> bool,
) -> usize {
    let mut modified = head;
    while modified > start
        && head - modified < MAX_SUBJECT_MODIFIERS
        && ctx.tokens[modified - 1].is_word()
        && !ctx.in_quote(modified - 1)
    {
        modified -= 1;
    }
    let after_quote = modified > start && ctx.in_quote(modified - 1);
    if !comma_before(head) && after_quote && comma_before(modified) {
        modified
    } else {
        head
    }
}

/// The content after the verb (`X said (that) ...`, `X praised Y`).
fn following_report(
    ctx: &Context,
    cue: &Cue,
    window: &Range<usize>,
    speaker: Option<Mention>,
) -> Option<Found> {
    // No name, pronoun or descriptor: the plain words before the verb
    // ("all but two said", "Nearly half said") still say who spoke.
    let speaker = speaker.or_else(|| bare_subject(ctx, cue.tokens.start, window.start));
    let content_start = complement_start(ctx, cue, window.end);
    // Without a subject a "that" clause is still a report (`..., having
    // argued that ...`); its speaker is left to the fallback.
    if speaker.is_none() && ctx.lower(content_start) != "that" {
        return None;
    }
    if !topic_follows(ctx, cue, content_start) {
        return None;
    }
    let content_start = past_object_preposition(ctx, cue, content_start);
    let content_start = past_adjunct(ctx, content_start, window.end);
    let content_end = stance::takes_object(ctx, cue)
        .then(|| stance::name_object_end(ctx, content_start, window.end))
        .flatten()
        .unwrap_or_else(|| clause_end(ctx, content_start, window.end));
    report(
        ctx,
        once(content_start..content_end).collect(),
        cue,
        speaker,
    )
}

/// Whether the complement at `start` of a verb of talking (`takes:topic`)
/// names its topic (`spoke about the war`), not where or to whom they
/// spoke (`speaking at a rally`); true for every other verb.
fn topic_follows(ctx: &Context, cue: &Cue, start: usize) -> bool {
    let talking = lexicon().takes(ctx.word(cue.tokens.start), Complement::Topic);
    !talking
        || matches!(
            ctx.lower(start).as_str(),
            "about" | "of" | "out" | "on" | "against" | "up"
        )
}

/// Whether the words at `i` are a prepositional phrase (`to the
/// delegation`, `during his term`, `by Lawrence Hurley`) rather than a
/// clause; "to" before a verb is an infinitive (`vowed to build`).
fn opens_adjunct(ctx: &Context, i: usize) -> bool {
    let i = if ctx.is(i, Class::Conjunction) {
        i + 1
    } else {
        i
    };
    if ctx.lower(i) == "to" {
        return ctx.is(i + 1, Class::Determiner)
            || ctx.capitalised(i + 1)
            || pronoun(ctx.word(i + 1)).is_some();
    }
    ctx.is(i, Class::Preposition) && !NOT_ADVERBIAL.contains(&ctx.lower(i).as_str())
}

/// Whether the words of `range` are a short time phrase with no verb of
/// its own (`Later in the day`, `Last week`, `Tuesday night`), not a
/// clause.
fn time_phrase(ctx: &Context, range: &Range<usize>) -> bool {
    let first = ctx.lower(range.start);
    let opens = matches!(first.as_str(), "later" | "earlier")
        || ctx.is(range.start, Class::Time)
        || matches!(first.as_str(), "last" | "this" | "next")
            && ctx.is(range.start + 1, Class::Time);
    opens
        && word_count(ctx, range) <= MAX_ADJUNCT_WORDS
        && range.clone().all(|i| {
            ctx.tokens[i].is_word()
                && !ctx.is(i, Class::Be)
                && lexicon().verbs(ctx.word(i)).is_empty()
        })
}

/// Prepositions that [`opens_adjunct`] does not take to open an adverbial:
/// "of" never does; the others were left out, and taking them changes
/// PolNeAR output (measured for #11).
const NOT_ADVERBIAL: &[&str] = &["of", "against", "amid", "unlike", "until", "via"];

/// Most words of such an adjunct.
const MAX_ADJUNCT_WORDS: usize = 7;

/// Where an adjunct that opens at `from` ends: at the comma that closes it,
/// when one comes soon; else `from` itself.
fn adjunct_end(ctx: &Context, from: usize, end: usize) -> usize {
    if !ctx.is(from, Class::ReportAdjunct) && !is_day(ctx.word(from)) {
        return from;
    }
    (from..end.min(from + MAX_ADJUNCT_WORDS + 1))
        .take_while(|&i| !ctx.in_quote(i) && (ctx.tokens[i].is_word() || ctx.word(i) == ","))
        .find(|&i| ctx.word(i) == ",")
        .unwrap_or(from)
}

/// The content's start past a short time adjunct that opens it, when a
/// "that" or a subject pronoun follows (`said on Friday he met ...`, `told
/// X last week she would ...`): when the words were said is not what was
/// said.
fn past_adjunct(ctx: &Context, start: usize, end: usize) -> usize {
    let first = ctx.lower(start);
    let opens = first != "to" && lexicon().is(&first, Class::ReportAdjunct)
        || ctx.capitalised(start) && ctx.is(start, Class::Time);
    if !opens || ctx.in_quote(start) {
        return start;
    }
    let clause = |i: usize| ctx.lower(i) == "that" || ctx.is(i, Class::SubjectPronoun);
    // Inside the adjunct: plain words, a time preposition, "of"; a
    // subordinator ("after he spoke") opens a clause of its own.
    let inside = |i: usize| {
        let word = ctx.lower(i);
        ctx.tokens[i].is_word()
            && !ctx.in_quote(i)
            && (ctx.capitalised(i) || lexicon().verbs(ctx.word(i)).is_empty())
            && (!ctx.is(i, Class::Preposition)
                || word == "of"
                || lexicon().is(&word, Class::ReportAdjunct)
                    && !SUBORDINATORS.contains(&word.as_str()))
    };
    let stop = (start + 1..end.min(start + MAX_ADJUNCT_WORDS + 2))
        .take_while(|&i| clause(i) || inside(i))
        .find(|&i| clause(i));
    match stop {
        Some(i) if i > start + 1 && (start..i).any(|t| ctx.is(t, Class::Time)) => i,
        _ => start,
    }
}

/// Prepositions that also open a clause of their own (`after he spoke`).
const SUBORDINATORS: &[&str] = &["after", "before"];

/// Most words of a hearer between a verb and the comma that closes a
/// preposed frame (`..., Berg told the radio, an agency says`).
const MAX_HEARER_WORDS: usize = 4;

/// The comma after a short hearer at `from` (`the radio,`), else `from`.
fn hearer_end(ctx: &Context, from: usize, end: usize) -> usize {
    (from..end.min(from + MAX_HEARER_WORDS + 1))
        .take_while(|&i| ctx.tokens[i].is_word() || ctx.word(i) == ",")
        .find(|&i| ctx.word(i) == ",")
        .unwrap_or(from)
}

/// Whether a cue at `i` can take its subject after it: it follows a comma
/// or opens its sentence (`..., said X`).
fn inverts(ctx: &Context, i: usize, sentence_start: usize) -> bool {
    i == sentence_start || i > 0 && ctx.word(i - 1) == "," || quote_comma_before(ctx, i)
}

/// Whether a quote mark that closes on a comma, question or exclamation
/// mark stands right before token `i` (`... "from China," said X`): the
/// comma of the frame sits inside the quote.
fn quote_comma_before(ctx: &Context, i: usize) -> bool {
    i > 1 && ctx.in_quote(i - 1) && matches!(ctx.word(i - 2), "," | "?" | "!")
}

/// Most tokens between a verb and the "that" opening its complement; the
/// hearer of `tell`-like verbs may stand there too (`told an invited crowd
/// at the Union League club that`), and so may an adjunct (`said during a
/// Friday evening rally in Michigan that`, `says at a stop in Toledo,
/// Ohio, that`).
const MAX_THAT_DISTANCE: usize = 6;
const MAX_HEARER_THAT_DISTANCE: usize = 16;

/// Prepositions that open a verb's object rather than its content: the
/// content is what follows (`called for the complete repeal`, `complained
/// about his mic`, `warned of a crisis`), and a "that" after them is a
/// relative pronoun.
const OBJECT_PREPOSITIONS: &[&str] = &["for", "about", "of"];

/// Prepositions that, right after the cue, stand outside the content
/// (`commented on the reason`, `agreed with him`, `warned against
/// it`): the object prepositions and these. On PolNeAR train gold starts
/// after "on" 29 times and never at it, after "with" 16 times and at it
/// once. "on", "with" and "against" still open adjuncts (`said on
/// Tuesday that`), and before a day or month they stay.
const LEADING_PREPOSITIONS: &[&str] = &["on", "with", "against"];

/// Where a verb's clausal complement starts: at "that" when one follows
/// soon, else after the hearer of `tell`-like verbs, else right after it.
/// A subject or verb before the "that"
/// opens the complement instead (`said it shows that`).
fn complement_start(ctx: &Context, cue: &Cue, end: usize) -> usize {
    let after = cue.tokens.end;
    let lemma_hearer = lexicon().takes(ctx.word(cue.tokens.start), Complement::Hearer);
    // An adjunct (a preposition first, or set off by commas: `said,
    // without evidence, that`) may hold commas and run longer, and so may
    // a hearer (`told the radio, reporters and others that`); after an
    // object's preposition a "that" is a relative pronoun (`called for a
    // law that ...`).
    let first = ctx.lower(after);
    let preposition = ctx.is(after, Class::Preposition)
        && first != "to"
        && !OBJECT_PREPOSITIONS.contains(&first.as_str());
    let commas =
        first == "," && !(after..end.min(after + MAX_THAT_DISTANCE)).any(|i| ctx.is(i, Class::Be));
    let adjunct = preposition || commas;
    let reach = if lemma_hearer || adjunct {
        MAX_HEARER_THAT_DISTANCE
    } else {
        MAX_THAT_DISTANCE
    };
    let that = (after..end.min(after + reach))
        .take_while(|&i| {
            (lemma_hearer || !ctx.in_quote(i))
                && !ctx.is(i, Class::SubjectPronoun)
                && ((adjunct || lemma_hearer) && ctx.word(i) == ","
                    || !matches!(ctx.word(i), "," | ";"))
                && (lexicon().verbs(ctx.word(i)).is_empty()
                    || (adjunct || lemma_hearer) && nominal(ctx, after, i))
        })
        .find(|&i| ctx.lower(i) == "that")
        // Set off by commas, the adjunct closes with one before "that";
        // after a noun "that" is a relative pronoun (`says, a job that`).
        .filter(|&t| first != "," || ctx.word(t - 1) == ",");
    if let Some(t) = that {
        let phrasal = ctx.is(after - 1, Class::Preposition);
        return if noun_before_that(ctx, after, t) && !lemma_hearer && !phrasal {
            after
        } else {
            t
        };
    }
    if lemma_hearer && after < end {
        if let Some(hearer) = mention_after(ctx, after, end) {
            return hearer.tokens.end;
        }
        if pronoun(ctx.word(after)).is_some() || ctx.tokens[after].is_word() {
            return after + 1;
        }
    }
    after
}

/// Whether the words from `start` to the "that" at `that` are a plain
/// noun phrase (`rejected the notion that ...`, `discussed the violence
/// that ...`): the noun and its clause are the content together, as PolNeAR
/// marks them (on train, starting at the noun makes 44 contents exact and
/// 7 inexact). A time (`said this week that`) is an adjunct instead, and
/// so is the noun phrase after a cue that ends with a preposition (`wrote
/// in his memoir that`).
fn noun_before_that(ctx: &Context, start: usize, that: usize) -> bool {
    ctx.is(start, Class::Determiner)
        && (start..that).all(|i| {
            ctx.tokens[i].is_word()
                && !ctx.is(i, Class::Preposition)
                && !ctx.is(i, Class::Conjunction)
                && !ctx.is(i, Class::Time)
                && !ctx.in_quote(i)
        })
}

/// Whether the word at `i`, which can be a verb, is a noun here: the
/// head of a noun phrase that opens with a determiner one or two words
/// before it, after `floor` (`said in her opening remarks that`, `said in
/// an interview that`).
fn nominal(ctx: &Context, floor: usize, i: usize) -> bool {
    let determiner = |k: usize| k >= floor && ctx.is(k, Class::Determiner);
    i > floor
        && (determiner(i - 1)
            || i > floor + 1
                && determiner(i - 2)
                && ctx.tokens[i - 1].is_word()
                && lexicon().verbs(ctx.word(i - 1)).is_empty())
}

/// The content's start past the preposition of the verb's object, when
/// it starts right after the verb with one (`called for the repeal`).
fn past_object_preposition(ctx: &Context, cue: &Cue, start: usize) -> usize {
    let first = ctx.lower(start);
    let object = start == cue.tokens.end
        && (OBJECT_PREPOSITIONS.contains(&first.as_str())
            || LEADING_PREPOSITIONS.contains(&first.as_str()) && !ctx.is(start + 1, Class::Time));
    start + usize::from(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::cues::find_cues;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::CONSTRUCTIONS;
    use crate::model::EntityLabel;

    /// The reports of `text` as (speaker, cue, content parts).
    fn reports(text: &str, used: bool) -> Vec<(String, String, Vec<String>)> {
        with_context(text, &[("Smith", EntityLabel::Per)], |ctx| {
            let mut cues = find_cues(ctx, CONSTRUCTIONS);
            cues.iter_mut().for_each(|c| c.used = used);
            indirect_quotes(ctx, &cues, CONSTRUCTIONS)
                .iter()
                .map(|f| {
                    let speaker = f.speaker.as_ref().map_or("", |m| ctx.slice(&m.tokens));
                    let cue = f.cue.as_ref().map_or("", |c| ctx.slice(c));
                    let parts = f.parts.iter().map(|p| ctx.slice(p).to_owned()).collect();
                    (speaker.to_owned(), cue.to_owned(), parts)
                })
                .collect()
        })
    }

    #[test]
    fn a_verb_governs_its_that_clause() {
        assert_eq!(
            reports("Smith said that the talks failed.", false),
            [(
                "Smith".into(),
                "said".into(),
                vec!["that the talks failed".into()]
            )]
        );
    }

    #[test]
    fn the_hearer_is_not_the_content() {
        let found = reports("Smith told reporters the talks failed.", false);
        assert_eq!(found[0].2, ["the talks failed"]);
    }

    #[test]
    fn a_cue_a_direct_quote_used_governs_no_clause() {
        assert!(reports("Smith said that the talks failed.", true).is_empty());
    }
}
