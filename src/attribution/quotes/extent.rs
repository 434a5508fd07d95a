//! Where a report's content begins and ends around its frame, whichever
//! method found the report, as PolNeAR annotates it: the subject of a
//! passive cue is content and no one is its source (`X was accused of
//! Y`, `X is expected to Y`); so are a relative pronoun that opens the
//! reported clause before its speaker (`which she said Y`), the phrase
//! before a parenthetical frame (`The museum, Bush said, celebrated ...`)
//! and a content-first report's continuation (`X, the agency said, and
//! Y`). A noun cue with its possessor before "that" (`Trump's claim that
//! ...`), a preposition before a gerund (`accused of using`) and a
//! trailing conjunction are not.

use std::ops::Range;

use crate::attribution::cues::evidential::fronted_subject;
use crate::attribution::cues::nouns::noun_at;
use crate::attribution::speakers::mentions::is_verb_filler;
use crate::attribution::text::clause::kind_of;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::Found;
use crate::lexicon::{lexicon, Class};
use crate::model::QuoteKind;

/// Applies the conventions to every report. A phrase before or after a
/// frame is taken only where no other report holds it; the words a
/// passive subject or a relative pronoun add are few, and
/// [`crate::attribution::resolve::exclusive`] settles what two reports
/// share.
pub fn extend(ctx: &Context, found: &mut [Found]) {
    let taken: Vec<(usize, Range<usize>)> = (found.iter().enumerate())
        .flat_map(|(i, f)| f.parts.iter().map(move |p| (i, p.clone())))
        .collect();
    for (i, f) in found.iter_mut().enumerate() {
        let free = |r: &Range<usize>| {
            !(taken.iter()).any(|(j, t)| *j != i && t.start < r.end && r.start < t.end)
        };
        if let Some(extended) = extended(ctx, f, free) {
            *f = extended;
        }
    }
}

/// A report with the conventions applied, if any applies; `free` says
/// whether a phrase is no other report's.
fn extended(ctx: &Context, f: &Found, free: impl Fn(&Range<usize>) -> bool) -> Option<Found> {
    let cue = f.cue.clone()?;
    let mut g = f.clone();
    if let Some(part) = fronted_clause(ctx, f, &cue).filter(&free) {
        g.parts.insert(0, part);
    } else if let Some(part) = continuation(ctx, f, &cue).filter(&free) {
        g.parts.push(part);
    } else if f.kind != QuoteKind::Direct && opens_after(ctx, f, &cue) {
        let content = f.parts[0].start;
        if passive(ctx, &cue) && takes_subject(ctx, content) {
            passive_subject(ctx, &mut g, &cue);
        } else {
            relative_pronoun(ctx, &mut g, &cue);
        }
        drop_gerund_preposition(ctx, &mut g, &cue);
    }
    trim_trailing_joiner(ctx, &mut g);
    without_noun_frame(ctx, &mut g);
    if g.parts == f.parts && g.speaker == f.speaker {
        return None;
    }
    g.kind = kind_of(ctx, &g.parts);
    Some(g)
}

/// Whether the content follows the cue right away, or after a comma, and
/// is no complement clause, which has its own subject.
fn opens_after(ctx: &Context, f: &Found, cue: &Range<usize>) -> bool {
    let content = f.parts[0].start;
    let follows = content == cue.end || content == cue.end + 1 && ctx.word(cue.end) == ",";
    follows && !matches!(ctx.lower(content).as_str(), "that" | "whether" | "if")
}

/// Whether a verb cue is passive: its verb, no -ing form, follows a form
/// of "be" with nothing but auxiliaries and adverbs between (`was
/// accused`, `have often been criticized`, `is expected`; not `is
/// saying`, `won't be able to brag`).
fn passive(ctx: &Context, cue: &Range<usize>) -> bool {
    let Some(verb) = cue
        .clone()
        .find(|&i| !lexicon().verbs(&ctx.lower(i)).is_empty())
    else {
        return false;
    };
    let mut at = verb;
    let mut be = false;
    while at > 0 && (ctx.is(at - 1, Class::Be) || is_verb_filler(ctx.word(at - 1))) {
        at -= 1;
        be |= ctx.is(at, Class::Be);
    }
    be && !ctx.lower(verb).ends_with("ing")
}

/// Whether a passive cue's complement leaves its subject to the content:
/// an infinitive, a gerund, or a preposition that takes what the subject
/// is said to be or have done (`is expected to`, `was accused of`,
/// `mentioned as`). Not a clause (`we are convinced this is ...`: the
/// subject holds the view) nor the agent (`was criticized by X`).
fn takes_subject(ctx: &Context, content: usize) -> bool {
    let first = ctx.lower(content);
    matches!(first.as_str(), "to" | "of" | "for" | "as") || first.ends_with("ing")
}

/// The subject of a passive cue becomes the report's first part, and no
/// one is its source.
fn passive_subject(ctx: &Context, f: &mut Found, cue: &Range<usize>) {
    let mut verb = cue.start;
    while verb > 0 && is_verb_filler(ctx.word(verb - 1)) {
        verb -= 1;
    }
    let Some(subject) = fronted_subject(ctx, verb) else {
        return;
    };
    if f.speaker
        .as_ref()
        .is_some_and(|s| s.tokens.start < subject.start || s.tokens.end > subject.end)
    {
        // A speaker outside the subject was found another way: keep it.
        return;
    }
    f.speaker = None;
    f.sourceless = true;
    f.parts.insert(0, subject);
}

/// Where a report's frame (speaker and cue) begins and ends.
fn frame(f: &Found, cue: &Range<usize>) -> Option<Range<usize>> {
    let speaker = &f.speaker.as_ref()?.tokens;
    Some(speaker.start.min(cue.start)..speaker.end.max(cue.end))
}

/// Most tokens of the words before a parenthetical frame.
const MAX_FRONTED: usize = 12;

/// The words that open the sentence before a parenthetical frame whose
/// content follows it (`The museum, Mr. Bush said, celebrated ...`; `Back
/// in Virginia, he said, he decided ...`; `Hawaii, as one adviser pointed
/// out, normally ...`), without a conjunction that opens them ("But").
fn fronted_clause(ctx: &Context, f: &Found, cue: &Range<usize>) -> Option<Range<usize>> {
    let frame = frame(f, cue)?;
    // The frame, with any adjuncts (`he told me on Friday`), ends with
    // the comma before the content.
    let content = f.parts[0].start;
    if content <= frame.end {
        return None;
    }
    let adjuncts = frame.end..content - 1;
    let parenthetical = ctx.word(content - 1) == ","
        && adjuncts.len() <= MAX_FRAME_ADJUNCT
        && adjuncts
            .clone()
            .all(|i| ctx.tokens[i].is_word() && !ctx.in_quote(i));
    if !parenthetical {
        return None;
    }
    let mut open = frame.start;
    if open > 0 && ctx.lower(open - 1) == "as" {
        open -= 1;
    }
    let comma = open.checked_sub(1).filter(|&c| ctx.word(c) == ",")?;
    let mut start = ctx.sentence_start(comma);
    while start < comma && ctx.is(start, Class::Conjunction) {
        start += 1;
    }
    let part = trim(ctx, start..comma);
    // One phrase: no quotation, no comma (`The stadium, which, he said,
    // ...` is a relative clause's frame).
    let quoted = part.clone().any(|i| ctx.in_quote(i) || ctx.word(i) == ",");
    // An adverbial phrase or clause (`During the speech`, `If ...`) sets
    // the scene of the report, not its content.
    let adverbial =
        ctx.is(part.start, Class::Preposition) || ctx.is(part.start, Class::Subordinator);
    let short = part.len() <= MAX_FRONTED;
    (!part.is_empty() && short && !quoted && !adverbial).then_some(part)
}

/// Most tokens of a frame's adjuncts before the comma that ends it (`the
/// agency said in a June report, and ...`).
const MAX_FRAME_ADJUNCT: usize = 12;

/// The rest of the sentence after the frame of a report whose content
/// comes first, where it goes on with a conjunction (`X, the agency said
/// in a report, and Y`): Y, without the conjunction. Not after a direct
/// quote, whose frame often goes on with the speaker's acts.
fn continuation(ctx: &Context, f: &Found, cue: &Range<usize>) -> Option<Range<usize>> {
    let frame = frame(f, cue)?;
    if f.kind == QuoteKind::Direct || f.parts.last()?.end > frame.start {
        return None;
    }
    let end = ctx.sentence_end(frame.end);
    let comma = (frame.end..end.min(frame.end + MAX_FRAME_ADJUNCT))
        .take_while(|&i| !ctx.in_quote(i))
        .find(|&i| ctx.word(i) == ",")?;
    let next = comma + 1;
    let word = ctx.lower(next);
    if !matches!(word.as_str(), "and" | "but") {
        return None;
    }
    // Not the speaker's next act (`..., he said, and left`).
    let verb = ctx.lower(next + 1);
    if verb.ends_with("ed") || !lexicon().verbs(&verb).is_empty() {
        return None;
    }
    let part = trim(ctx, (next + 1).min(end)..end);
    (word_count(ctx, &part) >= 2).then_some(part)
}

/// A relative pronoun right before the speaker (`which, Tompkins said,
/// is ...`), or opening the speaker's mention, is the reported clause's
/// first word.
fn relative_pronoun(ctx: &Context, f: &mut Found, cue: &Range<usize>) {
    let Some(speaker) = f.speaker.as_mut() else {
        return;
    };
    if speaker.tokens.end > cue.start {
        return;
    }
    // Not after a preposition (`in which he said ...`: the pronoun is
    // the preposition's).
    let is_relative = |i: usize| {
        !ctx.in_quote(i)
            && matches!(ctx.lower(i).as_str(), "which" | "what" | "how")
            && !(i > 0 && ctx.is(i - 1, Class::Preposition))
    };
    let pronoun = if is_relative(speaker.tokens.start) && speaker.tokens.len() > 1 {
        // The mention took the pronoun in: it opens the clause instead.
        let at = speaker.tokens.start;
        speaker.tokens.start += 1;
        if speaker.name.start == at {
            speaker.name = speaker.tokens.clone();
        }
        at
    } else {
        let mut before = speaker.tokens.start;
        if before > 0 && ctx.word(before - 1) == "," {
            before -= 1;
        }
        match before.checked_sub(1).filter(|&i| is_relative(i)) {
            Some(i) => i,
            None => return,
        }
    };
    f.parts.insert(0, pronoun..pronoun + 1);
}

/// Most tokens before a noun cue that opens a report's content.
const MAX_NOUN_FRAME: usize = 6;

/// A content that opens with a noun cue and its possessor (`Donald
/// Trump's claim that ...`, `its hyperbolic prediction that ...`) starts
/// at "that": the noun frames the report, it is not what was said.
fn without_noun_frame(ctx: &Context, f: &mut Found) {
    if f.kind == QuoteKind::Direct {
        return;
    }
    let first = &mut f.parts[0];
    let window = first.start..first.end.min(first.start + MAX_NOUN_FRAME);
    let Some(cue) = window.clone().find_map(|i| noun_at(ctx, i)) else {
        return;
    };
    let that = cue.tokens.end;
    let before = first.start..cue.tokens.start;
    if that < first.end && ctx.lower(that) == "that" && before.clone().all(|i| !ctx.in_quote(i)) {
        first.start = that;
    }
}

/// A last part that ends on a conjunction or a relative pronoun (`is
/// "true," but`; `raise revenue, which`) ends before it: the clause it
/// opens is not in the report.
fn trim_trailing_joiner(ctx: &Context, f: &mut Found) {
    let Some(last) = f.parts.last_mut() else {
        return;
    };
    // Not "yet" or "so", which may end a clause as adverbs.
    let joiner = |i: usize| {
        !ctx.in_quote(i)
            && matches!(
                ctx.lower(i).as_str(),
                "and" | "but" | "or" | "which" | "who"
            )
    };
    if last.len() > 1 && joiner(last.end - 1) {
        *last = trim(ctx, last.start..last.end - 1);
    }
}

/// `accused of using`, `blamed for introducing`: the preposition before a
/// gerund is the cue's, not the content's.
fn drop_gerund_preposition(ctx: &Context, f: &mut Found, cue: &Range<usize>) {
    let Some(first) = f.parts.iter_mut().find(|p| p.start >= cue.end) else {
        return;
    };
    let opens = matches!(ctx.lower(first.start).as_str(), "of" | "for");
    if opens && first.len() > 1 && ctx.lower(first.start + 1).ends_with("ing") {
        first.start += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::attribution::types::{Mention, MentionKind};

    /// A report of `content` framed by `cue`, its speaker `speaker` where
    /// given, extended.
    fn extended(
        text: &str,
        cue: &[&str],
        speaker: Option<&str>,
        content: (&str, &str),
    ) -> (Vec<String>, bool) {
        with_context(text, &[], |ctx| {
            let range = |first: &str, last: &str| ctx.at(first)..ctx.at(last) + 1;
            let cue = range(cue[0], cue[cue.len() - 1]);
            let speaker = speaker.map(|w| Mention::simple(range(w, w), MentionKind::Name, None));
            let mut found = [Found {
                parts: vec![range(content.0, content.1)],
                kind: QuoteKind::Indirect,
                cue: Some(cue),
                cue_sense: None,
                speaker,
                sourceless: false,
                confidence: 0.5,
            }];
            extend(ctx, &mut found);
            let parts = found[0]
                .parts
                .iter()
                .map(|p| ctx.slice(p).to_owned())
                .collect();
            (parts, found[0].speaker.is_some())
        })
    }

    #[test]
    fn a_passive_cues_subject_is_content_and_no_source() {
        let (parts, speaker) = extended(
            "And peacekeepers have sometimes been accused of hurting civilians.",
            &["have", "accused"],
            Some("peacekeepers"),
            ("of", "civilians"),
        );
        assert_eq!(parts, ["peacekeepers", "hurting civilians"]);
        assert!(!speaker);
        let (parts, _) = extended(
            "Perhaps most damaging, the troops were blamed for spreading cholera.",
            &["were", "blamed"],
            None,
            ("for", "cholera"),
        );
        assert_eq!(parts, ["the troops", "spreading cholera"]);
    }

    #[test]
    fn an_active_or_agentive_cue_keeps_its_subject_as_speaker() {
        let (parts, speaker) = extended(
            "Officials accused the mayor of hiding the report.",
            &["accused", "accused"],
            Some("Officials"),
            ("the", "report"),
        );
        assert_eq!(
            (parts, speaker),
            (vec!["the mayor of hiding the report".to_owned()], true)
        );
        let (parts, speaker) = extended(
            "The plan was criticized by Smith for raising taxes.",
            &["was", "criticized"],
            Some("Smith"),
            ("for", "taxes"),
        );
        assert_eq!(
            (parts, speaker),
            (vec!["for raising taxes".to_owned()], true)
        );
    }

    #[test]
    fn the_phrase_before_a_parenthetical_frame_is_content() {
        let (parts, speaker) = extended(
            "But the museum, Bush said on Saturday, celebrated his heroes.",
            &["said", "said"],
            Some("Bush"),
            ("celebrated", "heroes"),
        );
        assert_eq!(parts, ["the museum", "celebrated his heroes"]);
        assert!(speaker);
        let (parts, _) = extended(
            "During the speech, Bush said, a museum celebrated heroes.",
            &["said", "said"],
            Some("Bush"),
            ("a", "heroes"),
        );
        assert_eq!(parts, ["a museum celebrated heroes"]);
    }

    #[test]
    fn a_content_first_report_goes_on_after_its_frame_with_a_conjunction() {
        let (parts, _) = extended(
            "The top group paid 25 percent, the agency said in a report, and the rest paid 1 percent.",
            &["said", "said"],
            Some("agency"),
            ("The", "percent"),
        );
        assert_eq!(
            parts,
            ["The top group paid 25 percent", "the rest paid 1 percent"]
        );
        let (parts, _) = extended(
            "The top group paid 25 percent, the agency said, and added a table.",
            &["said", "said"],
            Some("agency"),
            ("The", "percent"),
        );
        assert_eq!(parts, ["The top group paid 25 percent"]);
    }

    #[test]
    fn content_ends_before_a_trailing_conjunction_or_relative_pronoun() {
        for (text, last) in [
            (
                "Analysts said the deal was fair, which surprised nobody.",
                "which",
            ),
            ("Analysts said the deal was fair, but few agreed.", "but"),
        ] {
            let (parts, _) = extended(text, &["said", "said"], Some("Analysts"), ("the", last));
            assert_eq!(parts, ["the deal was fair"]);
        }
    }

    #[test]
    fn a_noun_cue_and_its_possessor_before_that_frame_the_content() {
        let (parts, _) = extended(
            "Officials checked Donald Trump's claim that the vote was rigged.",
            &["checked", "checked"],
            Some("Officials"),
            ("Donald", "rigged"),
        );
        assert_eq!(parts, ["that the vote was rigged"]);
    }

    #[test]
    fn a_relative_pronoun_before_the_speaker_opens_the_content() {
        let (parts, speaker) = extended(
            "The stadium, which, Tompkins said, stays full on game days, is near.",
            &["said", "said"],
            Some("Tompkins"),
            ("stays", "days"),
        );
        assert_eq!(parts, ["which", "stays full on game days"]);
        assert!(speaker);
        let (parts, _) = extended(
            "The gap between what Trump says his plan would do is wide.",
            &["says", "says"],
            Some("Trump"),
            ("his", "do"),
        );
        assert_eq!(parts, ["what", "his plan would do"]);
    }
}
