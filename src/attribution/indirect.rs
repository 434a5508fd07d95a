//! Indirect and mixed quotes: the clause a reporting cue governs
//! (`X said (that) ...`, `..., X said`, `according to X, ...`), and whether
//! it holds a quoted fragment.

use std::iter::once;
use std::ops::Range;

use super::cues::{Cue, CueKind, DETERMINERS};
use super::lexicon::{is_day, lexicon, VerbClass};
use super::speakers::{is_function_word, mention_after, pronoun, Mention};
use super::subjects::{bare_subject, subject_of};
use super::{evidential, nesting, nouns, phrasal, questions, stance};
use super::{Context, Found};
use crate::attribution::QuoteKind;

/// Fewest words an indirect clause needs.
pub(super) const MIN_CLAUSE_WORDS: usize = 2;
/// Verbs whose first complement is the hearer (`told reporters that`).
const HEARER_VERBS: &[&str] = &[
    "tell", "assure", "remind", "inform", "warn", "advise", "urge",
];

/// Attributes the clauses of the cues not used by a direct quote.
pub fn indirect_quotes(ctx: &Context, cues: &[Cue], used: &[bool]) -> Vec<Found> {
    let found: Vec<Found> = cues
        .iter()
        .zip(used)
        .filter(|(_, &u)| !u)
        .filter_map(|(cue, _)| match cue.kind {
            CueKind::Verb(VerbClass::Evidential) => evidential::evidential(ctx, cue),
            CueKind::Verb(class) => verb_clause(ctx, cue, class),
            CueKind::According => phrasal::according(ctx, cue),
            CueKind::Opinion => phrasal::opinion(ctx, cue),
            CueKind::Question => questions::question(ctx, cue),
            CueKind::Noun => nouns::noun_report(ctx, cue),
            CueKind::Colon | CueKind::Dash => None,
        })
        .collect();
    nesting::without_nested(ctx, found)
}

/// Trims punctuation (but not quotation marks) from both ends of `range`.
pub(super) fn trim(ctx: &Context, range: Range<usize>) -> Range<usize> {
    let keep = |i: usize| ctx.tokens[i].is_word() || ctx.in_quote(i) || ctx.word(i) == ")";
    let mut r = range;
    while r.start < r.end && !keep(r.start) {
        r.start += 1;
    }
    while r.end > r.start && !keep(r.end - 1) {
        r.end -= 1;
    }
    r
}

/// Words in `range`.
pub(super) fn words(ctx: &Context, range: &Range<usize>) -> usize {
    range.clone().filter(|&i| ctx.tokens[i].is_word()).count()
}

/// Mixed when a part holds quoted words, else indirect.
pub(super) fn kind_of(ctx: &Context, parts: &[Range<usize>]) -> QuoteKind {
    if parts.iter().any(|p| p.clone().any(|i| ctx.in_quote(i))) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// A found quote from content parts, mixed when a part holds a quote.
pub(super) fn found(
    ctx: &Context,
    parts: Vec<Range<usize>>,
    cue: &Cue,
    speaker: Option<Mention>,
) -> Option<Found> {
    // A cognition or stance verb's object may be one word (`endorsed
    // Sanders`).
    let stance = cue.kind == CueKind::Verb(VerbClass::Cognition);
    let long_enough = |p: &Range<usize>| {
        words(ctx, p) >= MIN_CLAUSE_WORDS
            || stance && p.len() == 1 && !is_function_word(&ctx.lower(p.start))
    };
    let parts: Vec<Range<usize>> = parts
        .into_iter()
        .map(|p| trim(ctx, p))
        .filter(long_enough)
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(Found {
        kind: kind_of(ctx, &parts),
        parts,
        cue: Some(cue.tokens.clone()),
        confidence: if speaker.is_some() { 0.6 } else { 0.3 },
        speaker,
        sourceless: false,
    })
}

/// Most words before a subject mention that still belong to its noun
/// phrase.
const MAX_SUBJECT_MODIFIERS: usize = 4;

/// `X said (that) ...`, `..., X said`, `..., said X`, `..., X said, ...`.
fn verb_clause(ctx: &Context, cue: &Cue, class: VerbClass) -> Option<Found> {
    let Range { start, end } = ctx.report_window(&cue.tokens);
    let before = subject_of(ctx, cue, start);
    // Pre-posed content: "CLAUSE, X said" or "CLAUSE, said X".
    let (speaker, head) = match before {
        Some(m) => {
            let m_start = m.tokens.start;
            (Some(m), m_start)
        }
        None if class == VerbClass::Speech && inverts(ctx, cue.tokens.start, start) => {
            let m = mention_after(ctx, cue.tokens.end, end);
            (m, cue.tokens.start)
        }
        None => (None, cue.tokens.start),
    };
    let speaker_end = speaker
        .as_ref()
        .map_or(cue.tokens.end, |m| m.tokens.end.max(cue.tokens.end));
    let tail = words(ctx, &(speaker_end..end));
    // The comma may sit inside a closing quote: `... "we will win," X said`.
    let comma_before =
        |head: usize| head > start && (ctx.word(head - 1) == "," || quote_comma_before(ctx, head));
    // Modifiers the mention left out may stand between the comma and it
    // (`"...," retired Air Force general Lloyd Newton said`).
    let mut modified = head;
    while modified > start
        && head - modified < MAX_SUBJECT_MODIFIERS
        && ctx.tokens[modified - 1].is_word()
        && !ctx.in_quote(modified - 1)
    {
        modified -= 1;
    }
    let after_quote = modified > start && ctx.in_quote(modified - 1);
    let head = if !comma_before(head) && after_quote && comma_before(modified) {
        modified
    } else {
        head
    };
    let comma_before = comma_before(head);
    // The frame may run on with an adjunct before its comma (`..., X said
    // in June 2012, citing ...`).
    let frame_end = adjunct_end(ctx, speaker_end, end);
    let preposed = comma_before && (tail <= 3 || ctx.word(frame_end) == ",");
    let speaker_end = if preposed { frame_end } else { speaker_end };
    // An opening adverbial (`In 2012, she said ...`, `During his term,
    // Obama has said ...`) is not what was said.
    let adverbial = opens_adjunct(ctx, start) && !(start..head).any(|i| ctx.in_quote(i));
    if preposed && !adverbial && words(ctx, &(start..head)) >= MIN_CLAUSE_WORDS {
        let clause_end = if ctx.in_quote(head - 1) {
            head
        } else {
            head - 1
        };
        let mut parts = Vec::from_iter(once(start..clause_end));
        if ctx.word(speaker_end) == "," && !opens_relative(ctx, speaker_end + 1) {
            parts.push(speaker_end + 1..end);
        }
        return found(ctx, parts, cue, speaker);
    }
    // No name, pronoun or descriptor: the plain words before the verb
    // ("all but two said", "Nearly half said") still say who spoke.
    let speaker = speaker.or_else(|| bare_subject(ctx, cue.tokens.start, start));
    let content_start = complement_start(ctx, cue, end);
    // Without a subject a "that" clause is still a report (`..., having
    // argued that ...`); its speaker is left to the fallback.
    if speaker.is_none() && ctx.lower(content_start) != "that" {
        return None;
    }
    if !topic_follows(ctx, cue, content_start) {
        return None;
    }
    let content_end = stance::takes_object(ctx, cue)
        .then(|| stance::name_object_end(ctx, content_start, end))
        .flatten()
        .unwrap_or_else(|| clause_end(ctx, content_start, end));
    found(
        ctx,
        once(content_start..content_end).collect(),
        cue,
        speaker,
    )
}

/// Whether the words at `i` add to the frame rather than the content: a
/// relative clause, an appositive or a participle (`..., X said, adding`).
pub(super) fn opens_relative(ctx: &Context, i: usize) -> bool {
    let word = ctx.lower(i);
    matches!(
        word.as_str(),
        "who" | "whose" | "which" | "where" | "a" | "an" | "the"
    ) || word.ends_with("ing")
}

/// Verbs of talking, whose complement is their topic (`spoke about the
/// war`), not where or to whom they spoke (`speaking at a rally`).
const TOPIC_VERBS: &[&str] = &["speak", "talk"];

/// Whether a talking verb's complement at `start` names a topic; true for
/// every other verb.
fn topic_follows(ctx: &Context, cue: &Cue, start: usize) -> bool {
    let talking = lexicon()
        .verbs(ctx.word(cue.tokens.start))
        .iter()
        .any(|v| TOPIC_VERBS.contains(&v.lemma.as_str()));
    !talking
        || matches!(
            ctx.lower(start).as_str(),
            "about" | "of" | "out" | "on" | "against" | "up"
        )
}

/// Prepositions that open a phrase, not a clause.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "over", "by", "like", "upon", "for", "from", "with", "about",
    "despite", "after", "before", "since", "under", "across", "through", "among", "into",
];

/// Whether the words at `i` are a prepositional phrase (`to the
/// delegation`, `during his term`, `by Lawrence Hurley`) rather than a
/// clause; "to" before a verb is an infinitive (`vowed to build`).
fn opens_adjunct(ctx: &Context, i: usize) -> bool {
    let mut word = ctx.lower(i);
    let mut i = i;
    if matches!(word.as_str(), "and" | "but") {
        i += 1;
        word = ctx.lower(i);
    }
    let next = ctx.lower(i + 1);
    PREPOSITIONS.contains(&word.as_str())
        || word == "to"
            && (DETERMINERS.contains(&next.as_str())
                || ctx.capitalised(i + 1)
                || pronoun(&next).is_some())
}

/// Prepositions and time words that open an adjunct of a report
/// (`said in June`, `told Fox News on Sunday`).
const ADJUNCT_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "last", "this", "to", "via", "from", "earlier",
    "later",
];

/// Most words of such an adjunct.
const MAX_ADJUNCT_WORDS: usize = 7;

/// Where an adjunct that opens at `from` ends: at the comma that closes it,
/// when one comes soon; else `from` itself.
fn adjunct_end(ctx: &Context, from: usize, end: usize) -> usize {
    if !ADJUNCT_OPENERS.contains(&ctx.lower(from).as_str()) && !is_day(ctx.word(from)) {
        return from;
    }
    (from..end.min(from + MAX_ADJUNCT_WORDS + 1))
        .take_while(|&i| !ctx.in_quote(i) && (ctx.tokens[i].is_word() || ctx.word(i) == ","))
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

/// Where a complement clause starting at `from` ends, before `end`: at a
/// semicolon or dash, a comma that opens a participle or relative clause
/// (`..., adding that`, `..., which`), or a coordinated reporting verb
/// (`... and said`).
pub(super) fn clause_end(ctx: &Context, from: usize, end: usize) -> usize {
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
                "—" | "–" | "--" | "-" => !dash_pair(ctx, i, end),
                // A second report by the same subject: "... and said".
                "and" | "but" => lexicon()
                    .verbs(ctx.word(i + 1))
                    .iter()
                    .any(|v| v.class == VerbClass::Speech),
                _ if ctx.word(i) == "," || closes_on_comma => {
                    let next = ctx.lower(i + 1);
                    // A new clause with its own subject: "..., and she wanted".
                    let new_subject = matches!(next.as_str(), "and" | "but")
                        && matches!(
                            ctx.lower(i + 2).as_str(),
                            "he" | "she" | "they" | "we" | "i" | "it"
                        );
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
    let is_dash = |j: usize| matches!(ctx.word(j), "—" | "–" | "--" | "-");
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

/// Most tokens between a verb and the "that" opening its complement; the
/// hearer of `tell`-like verbs may stand there too (`told an invited crowd
/// at the Union League club that`).
const MAX_THAT_DISTANCE: usize = 6;
const MAX_HEARER_THAT_DISTANCE: usize = 16;

/// Where a verb's clausal complement starts: at "that" when one follows
/// soon, else after the hearer of `tell`-like verbs, else right after it.
/// A subject or verb before the "that" opens the complement instead (`said
/// it shows that`).
fn complement_start(ctx: &Context, cue: &Cue, end: usize) -> usize {
    let after = cue.tokens.end;
    let lemma_hearer = lexicon()
        .verbs(ctx.word(cue.tokens.start))
        .iter()
        .any(|v| HEARER_VERBS.contains(&v.lemma.as_str()));
    let reach = if lemma_hearer {
        MAX_HEARER_THAT_DISTANCE
    } else {
        MAX_THAT_DISTANCE
    };
    let that = (after..end.min(after + reach))
        .take_while(|&i| {
            let w = ctx.lower(i);
            (lemma_hearer || !ctx.in_quote(i))
                && !matches!(
                    w.as_str(),
                    "he" | "she" | "it" | "they" | "we" | "i" | "," | ";"
                )
                && lexicon().verbs(&w).is_empty()
        })
        .find(|&i| ctx.lower(i) == "that");
    if let Some(t) = that {
        return t;
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
