//! Reporting cues: matches the verb lexicon (every inflection, particle
//! verbs) and the phrasal cues against the tokens outside quotes.

use super::classes::Class;
use super::context::Context;
use super::evidential::hearsay_at;
use super::lexicon::{is_cardinal, is_day, lexicon, PhraseKind, VerbClass};
use super::nouns::noun_at;
use super::phrasal::finding_at;
use super::questions::question_at;
use super::tokens::{Token, TokenKind};
use super::types::{Cue, CueKind};
use super::words::{is_function_word, match_words, pronoun, strip_possessive};
use crate::model::EntityLabel;

/// Words after which a base form is a verb ("who argue", "will argue"),
/// besides the subject pronouns it agrees with ("they argue").
const VERB_CONTEXT: &[&str] = &[
    "who", "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did",
    "does", "do", "also", "not", "never", "often", "still",
];

/// The subject pronouns a base form does not agree with (`he argue`).
const THIRD_PERSON_SINGULAR: &[&str] = &["he", "she", "it"];

/// Words after which a base or -s form reads as a noun ("of claims",
/// "new claims"): some prepositions (the whole class changes PolNeAR
/// output, measured for #11), adjectives and quantifiers.
const NOUN_CONTEXT: &[&str] = &[
    "of", "in", "for", "with", "on", "about", "from", "by", "after", "before", "amid", "despite",
    "new", "recent", "latest", "early", "more", "many", "few", "false", "similar",
];

/// Words before which a base or -s form reads as a noun ("claims of",
/// "claims, ..."): some prepositions (as for [`NOUN_CONTEXT`]), "and" and
/// punctuation.
const NOUN_FOLLOWERS: &[&str] = &[
    "of", ",", ".", "in", "on", "for", "to", "about", "from", "against", "by", "and",
];

/// Most tokens on either side of a word in a headline line.
const MAX_TITLE_TOKENS: usize = 40;

/// Whether token `i` stands in a headline set in title case (`Trump Says
/// He Will Win`): a short line whose longer words are mostly capitalised.
fn in_title(ctx: &Context, i: usize) -> bool {
    let line = |j: &usize| ctx.tokens[*j].kind != TokenKind::Break;
    let start = (i.saturating_sub(MAX_TITLE_TOKENS)..i)
        .rev()
        .take_while(line)
        .last()
        .unwrap_or(i);
    let end = (i..ctx.tokens.len().min(i + MAX_TITLE_TOKENS))
        .take_while(line)
        .last()
        .map_or(i, |j| j + 1);
    // A line that runs past the window is a paragraph, not a headline.
    let runs_on = |j: usize| {
        ctx.tokens
            .get(j)
            .is_some_and(|t| t.kind != TokenKind::Break)
    };
    if start > 0 && runs_on(start - 1) || runs_on(end) {
        return false;
    }
    let long: Vec<usize> = (start..end)
        .filter(|&j| ctx.tokens[j].is_word() && ctx.word(j).chars().count() > 3)
        .collect();
    let capitals = long.iter().filter(|&&j| ctx.capitalised(j)).count();
    long.len() >= 3 && capitals * 4 >= long.len() * 3
}

/// Quantifiers that can be the subject of a base form (`many believe`).
const QUANTIFIERS: &[&str] = &[
    "many", "most", "some", "few", "both", "all", "several", "others", "none",
];

/// Finds the cues among `tokens` that lie outside the quote spans.
pub fn find_cues(ctx: &Context) -> Vec<Cue> {
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
        let cue = phrase_at(ctx, i)
            .or_else(|| finding_at(ctx, i))
            .or_else(|| question_at(ctx, i))
            .or_else(|| hearsay_at(ctx, i))
            .or_else(|| verb_at(ctx, i))
            .or_else(|| noun_at(ctx, i))
            .or_else(|| frame_verb_at(ctx, i));
        match cue {
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
    let next = (i + 1..ctx.tokens.len()).find(|&j| ctx.word(j) != "\n")?;
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
    while close > 0 && ctx.word(close - 1) == "\n" {
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
        || matches!(ctx.word(name_end), "\n" | ".")
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

/// Words that may follow the verb of a quote frame: the sentence goes on
/// with an adjunct, not an object. Some prepositions and subordinators
/// only: the whole classes change PolNeAR output (measured for #11).
const FRAME_ADJUNCTS: &[&str] = &[
    "on", "in", "at", "during", "with", "before", "after", "as", "when", "while", "about", "again",
    "later", "recently", "last", "this", "earlier",
];

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
    // "in" and "on" are particles only at the end of the frame (`chimed
    // in.`), not before an adjunct (`fumed on Tuesday`).
    let next = ctx.lower(i + 1);
    let particle = FRAME_PARTICLES.contains(&next.as_str())
        && (!matches!(next.as_str(), "in" | "on")
            || ctx.tokens.get(i + 2).is_none_or(|t| !t.is_word()));
    let particle = usize::from(particle);
    let end = i + 1 + particle;
    let closes_frame = end >= ctx.tokens.len()
        || matches!(ctx.word(end), "." | "," | "!" | "?" | ";" | ":" | "\n")
        || FRAME_ADJUNCTS.contains(&ctx.lower(end).as_str())
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

/// A phrasal cue ("according to", "in her view") starting at `i`.
fn phrase_at(ctx: &Context, i: usize) -> Option<Cue> {
    lexicon().phrases.iter().find_map(|p| {
        let kind = match p.kind {
            PhraseKind::According => CueKind::According,
            PhraseKind::Opinion => CueKind::Opinion,
            PhraseKind::Adjunct | PhraseKind::Noun => return None,
        };
        let len = match_words(ctx, i, &p.words)?;
        let slot_is_possessive = p.words.iter().enumerate().all(|(k, w)| {
            w != "*"
                || ctx.is(i + k, Class::Possessive)
                || strip_possessive(&ctx.lower(i + k)).is_some()
        });
        if !slot_is_possessive {
            return None;
        }
        Some(Cue::new(i..i + len, kind))
    })
}

/// `X seems to ...`, `X appeared unfazed`: an evidential verb followed by
/// an infinitive or (for "seem") a predicate, not by a place or a noun
/// (`appeared on television`, `the seemingly`).
fn evidential_at(ctx: &Context, i: usize, form: &str, next: &str) -> Option<Cue> {
    let predicate = form.starts_with("seem")
        && ctx.tokens.get(i + 1).is_some_and(Token::is_word)
        && !is_function_word(next);
    let verb = !(ctx.capitalised(i) || i > 0 && ctx.is(i - 1, Class::Determiner));
    (verb && (next == "to" || predicate))
        .then(|| Cue::new(i..i + 1, CueKind::Verb(VerbClass::Evidential)))
}

/// Whether the word before `i` reads as a plural noun that a base form
/// agrees with (`polls show`, `FEC records show`, `the reports show`): it
/// ends in a plain -s and is no function word, possessive or (unless a
/// determiner precedes it) verb.
fn plural_subject(ctx: &Context, i: usize) -> bool {
    if i == 0 || !ctx.tokens[i - 1].is_word() || ctx.in_quote(i - 1) {
        return false;
    }
    let prev = ctx.lower(i - 1);
    prev.len() > 3
        && prev.ends_with('s')
        && !prev.ends_with("ss")
        && !prev.ends_with("us")
        && !prev.ends_with("is")
        && strip_possessive(&prev).is_none()
        // A verb form is a noun after a determiner (`the reports show`).
        && (lexicon().verbs(&prev).is_empty() || i >= 2 && ctx.is(i - 2, Class::Determiner))
        && !is_function_word(&prev)
}

/// Most words of the object between a framing verb and its "as".
const MAX_FRAMED_WORDS: usize = 8;

/// Whether an object and then its frame follow from `i`: "as" that is not
/// part of a comparison (`Trump as a "con artist"`, not `as well`, `as soon
/// as`), or a quotation (`labeling Obama's actions "an abuse of power"`).
fn frame_follows(ctx: &Context, i: usize) -> bool {
    let object = (i..i + MAX_FRAMED_WORDS + 1)
        .take_while(|&j| j < ctx.tokens.len() && ctx.tokens[j].is_word() && !ctx.in_quote(j));
    let mut end = i;
    for j in object {
        if ctx.lower(j) == "as" {
            return j > i
                && !matches!(
                    ctx.lower(j + 1).as_str(),
                    "well" | "soon" | "much" | "many" | "long" | "if" | "though" | "of" | "far"
                );
        }
        end = j + 1;
    }
    end > i && ctx.quotes.iter().any(|q| q.tokens.start == end)
}

/// A reporting verb starting at `i`, with its particle and adjuncts.
fn verb_at(ctx: &Context, i: usize) -> Option<Cue> {
    let form = ctx.lower(i);
    let verbs = lexicon().verbs(&form);
    let verb = verbs
        .iter()
        .find(|v| v.particle.as_ref().is_some_and(|p| ctx.lower(i + 1) == *p))
        .or_else(|| verbs.iter().find(|v| v.particle.is_none()))?;
    let prev = if i > 0 {
        ctx.lower(i - 1)
    } else {
        String::new()
    };
    let next = ctx.lower(i + 1);
    let after_be = i > 0 && ctx.is(i - 1, Class::Be);
    if form == "expected" && after_be && next == "to" {
        // `X is expected to ...`: the passive reports an expectation.
        return Some(Cue::new(i - 1..i + 1, CueKind::Verb(VerbClass::Evidential)));
    }
    if verb.class == VerbClass::Evidential {
        return evidential_at(ctx, i, &form, &next);
    }
    let sentence_initial = i == 0 || ctx.ends_sentence(i - 1) || ctx.in_quote(i - 1);
    let noun_follows = NOUN_FOLLOWERS.contains(&next.as_str());
    // `Many believe`, `few think`, `some argue`: a quantifier as subject.
    let quantified = QUANTIFIERS.contains(&prev.as_str())
        && form == verb.lemma
        && !noun_follows
        && lexicon().verbs(&next).is_empty();
    if i > 0 && ctx.is(i - 1, Class::Determiner) && !quantified
        || after_be && !form.ends_with("ing")
        || ctx.capitalised(i) && !sentence_initial && !in_title(ctx, i)
    {
        return None;
    }
    if verb.class == VerbClass::Framing {
        return frame_follows(ctx, i + 1)
            .then_some(Cue::new(i..i + 1, CueKind::Verb(VerbClass::Framing)));
    }
    let base_or_third = form == verb.lemma || !form.ends_with("ed") && form.ends_with('s');
    if verb.clause_only && base_or_third && next != "that" {
        return None;
    }
    let ambiguous = base_or_third && form != "says" && form != "say";
    // After a subject pronoun or a person's or organisation's name the form
    // is a verb (`they believe, ...`, `Blige sings to Clinton`).
    let named_subject = ctx
        .entity_ending_at(i)
        .is_some_and(|(_, label)| matches!(label, EntityLabel::Per | EntityLabel::Org));
    // The relative "who" stands for a name (`Smith, who argues`).
    let known_subject =
        named_subject || i > 0 && ctx.is(i - 1, Class::SubjectPronoun) || prev == "who";
    // `the two states`, `in 30 states`: a plural noun after a number.
    // ("one" is a subject: `one says`).
    let counted = form.ends_with('s') && prev != "one" && is_cardinal(&prev);
    if ambiguous
        && !known_subject
        && (NOUN_CONTEXT.contains(&prev.as_str()) && !quantified || noun_follows || counted)
    {
        return None;
    }
    // A base form followed by "that" is a verb ("Republicans argue that").
    let clause_follows = next == "that";
    if form == verb.lemma
        && form != "say"
        && !VERB_CONTEXT.contains(&prev.as_str())
        && !(i > 0
            && ctx.is(i - 1, Class::SubjectPronoun)
            && !THIRD_PERSON_SINGULAR.contains(&prev.as_str()))
        && !clause_follows
        && !quantified
        && !plural_subject(ctx, i)
    {
        return None;
    }
    let mut end = i + 1 + usize::from(verb.particle.is_some());
    for adjunct in lexicon()
        .phrases
        .iter()
        .filter(|p| p.kind == PhraseKind::Adjunct)
    {
        if let Some(len) = match_words(ctx, end, &adjunct.words) {
            end += len;
            break;
        }
    }
    Some(Cue {
        ambiguous,
        ..Cue::new(i..end, CueKind::Verb(verb.class))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::context::testing::with_context;

    /// The cues of `text`: their words and kinds.
    fn cues(text: &str) -> Vec<(String, CueKind)> {
        with_context(text, &[], |ctx| {
            find_cues(ctx)
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
