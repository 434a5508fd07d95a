//! Reporting verbs: a form the verb lexicon lists is a cue unless one of
//! the named vetoes ([`FORM_VETOES`], [`CLAUSE_VETOES`]) reads it as a noun,
//! an adjective, a passive or part of a name.

use crate::attribution::text::context::Context;
use crate::attribution::text::tokens::{Token, TokenKind};
use crate::attribution::text::words::{is_function_word, match_words, strip_possessive};
use crate::attribution::types::{Cue, CueKind, Sense};
use crate::lexicon::Class;
use crate::lexicon::{is_cardinal, lexicon, PhraseKind, Verb, VerbClass};
use crate::model::EntityLabel;

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

/// A reporting verb starting at `i`, with its particle and adjuncts:
/// "expected" after "be" and the evidential verbs take their own paths,
/// then the [`FORM_VETOES`], a portrayal verb's object, the
/// [`CLAUSE_VETOES`] and the adjunct, in that order.
pub fn verb_at(ctx: &Context, i: usize) -> Option<Cue> {
    let reading = Reading::at(ctx, i)?;
    let Reading { verb, form, .. } = &reading;
    if form == "expected" && reading.after_be && reading.next == "to" {
        // `X is expected to ...`: the passive reports an expectation.
        return Some(Cue::new(i - 1..i + 1, CueKind::Verb(VerbClass::Evidential)));
    }
    if verb.class == VerbClass::Evidential {
        return evidential_at(ctx, i, form, &reading.next);
    }
    if FORM_VETOES.iter().any(|veto| veto(ctx, &reading)) {
        return None;
    }
    if verb.class == VerbClass::Portrayal {
        return portrayal_follows(ctx, i + 1)
            .then_some(Cue::new(i..i + 1, CueKind::Verb(VerbClass::Portrayal)));
    }
    if CLAUSE_VETOES.iter().any(|veto| veto(ctx, &reading)) {
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
        ambiguous: reading.ambiguous(),
        sense: Sense {
            class: verb.cue_class,
            negated: verb.refusal || negated_before(ctx, i),
        },
        ..Cue::new(i..end, CueKind::Verb(verb.class))
    })
}

/// Most words between a negation and the verb it denies (`would not
/// immediately confirm`).
const MAX_NEGATION_GAP: usize = 1;

/// Whether a negation stands before the verb at `i`, at most
/// [`MAX_NEGATION_GAP`] words away (`did not say`, `has never said`).
fn negated_before(ctx: &Context, i: usize) -> bool {
    (i.saturating_sub(MAX_NEGATION_GAP + 1)..i)
        .any(|j| ctx.is(j, Class::Negation) && (j..i).all(|k| ctx.tokens[k].is_word()))
}

/// A form at `i` that the verb lexicon lists, with what the vetoes look at.
struct Reading<'l> {
    /// Its position.
    i: usize,
    /// The form, lower case.
    form: String,
    /// The lexicon entry it reads as: the one whose particle follows, else
    /// the one without a particle.
    verb: &'l Verb,
    /// The words before and after it, lower case ("" at the edges).
    prev: String,
    next: String,
    /// A form of "be" stands before it.
    after_be: bool,
    /// One of the `after-noun` words follows: the form reads as a noun
    /// (`claims of`, `the reports, ...`).
    noun_follows: bool,
    /// A quantifier is the subject of its base form (`Many believe`, `few
    /// think`, `some argue`).
    quantified: bool,
}

impl Reading<'static> {
    /// The reading of token `i`, when the lexicon lists its form.
    fn at(ctx: &Context, i: usize) -> Option<Self> {
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
        let noun_follows = lexicon().is(&next, Class::AfterNoun);
        let quantified = lexicon().is(&prev, Class::Quantifier)
            && form == verb.lemma
            && !noun_follows
            && lexicon().verbs(&next).is_empty();
        Some(Reading {
            i,
            after_be: i > 0 && ctx.is(i - 1, Class::Be),
            form,
            verb,
            prev,
            next,
            noun_follows,
            quantified,
        })
    }
}

impl Reading<'_> {
    /// Whether the word before is of class `class`.
    fn after(&self, ctx: &Context, class: Class) -> bool {
        self.i > 0 && ctx.is(self.i - 1, class)
    }

    /// The base or -s form, which also reads as a noun (`claims`).
    fn base_or_third(&self) -> bool {
        self.form == self.verb.lemma || !self.form.ends_with("ed") && self.form.ends_with('s')
    }

    /// A form that also reads as a noun or adjective, accepted from its
    /// context only ("says" and "say" always are verbs).
    fn ambiguous(&self) -> bool {
        self.base_or_third() && self.form != "says" && self.form != "say"
    }

    /// An ambiguous form without a subject that makes it a verb: a
    /// person's or organisation's name or a subject pronoun before it
    /// (`they believe, ...`, `Blige sings to Clinton`), or the relative
    /// "who", which stands for a name (`Smith, who argues`).
    fn may_be_noun(&self, ctx: &Context) -> bool {
        let named_subject = ctx
            .entity_ending_at(self.i)
            .is_some_and(|(_, label)| matches!(label, EntityLabel::Per | EntityLabel::Org));
        let known_subject =
            named_subject || self.after(ctx, Class::SubjectPronoun) || self.prev == "who";
        self.ambiguous() && !known_subject
    }
}

/// A veto: whether the reading is no reporting verb.
type Veto = fn(&Context, &Reading) -> bool;

/// The vetoes on every form, before a portrayal verb looks for its
/// object.
const FORM_VETOES: &[Veto] = &[
    word_after,
    after_determiner,
    passive,
    capitalised_in_sentence,
];

/// The vetoes on the forms of speech and cognition verbs, after the
/// [`FORM_VETOES`].
const CLAUSE_VETOES: &[Veto] = &[
    noun_without_that,
    noun_after_preposition,
    noun_before_preposition,
    counted_plural,
    bare_base_form,
];

/// A word that its `not:` tags name follows the verb, which then means
/// something else (`continues to grow`).
fn word_after(_: &Context, r: &Reading) -> bool {
    r.verb.not_before.contains(&r.next)
}

/// After a determiner the form is a noun (`the report`), unless the
/// determiner is a quantifier subject (`many believe`).
fn after_determiner(ctx: &Context, r: &Reading) -> bool {
    r.after(ctx, Class::Determiner) && !r.quantified
}

/// After a form of "be" a participle is a passive (`were admitted`); the
/// -ing form is progressive and stays (`is saying`).
fn passive(_: &Context, r: &Reading) -> bool {
    r.after_be && !r.form.ends_with("ing")
}

/// A capitalised form inside a sentence is a name (`Hope Hicks`), except
/// in a headline set in title case (`Trump Says He Will Win`).
fn capitalised_in_sentence(ctx: &Context, r: &Reading) -> bool {
    let i = r.i;
    let sentence_initial = i == 0 || ctx.ends_sentence(i - 1) || ctx.in_quote(i - 1);
    ctx.capitalised(i) && !sentence_initial && !in_title(ctx, i)
}

/// A verb whose base and -s forms are mostly nouns (`*` in `verbs.txt`:
/// `states`) is a cue in those forms only before "that".
fn noun_without_that(_: &Context, r: &Reading) -> bool {
    r.verb.clause_only && r.base_or_third() && r.next != "that"
}

/// An ambiguous form after a preposition or an adjective of the
/// `before-noun` words reads as a noun (`of claims`, `new claims`), unless a
/// quantifier is its subject.
fn noun_after_preposition(ctx: &Context, r: &Reading) -> bool {
    r.may_be_noun(ctx) && lexicon().is(&r.prev, Class::BeforeNoun) && !r.quantified
}

/// An ambiguous form before one of the `after-noun` words reads as a noun
/// (`claims of fraud`).
fn noun_before_preposition(ctx: &Context, r: &Reading) -> bool {
    r.may_be_noun(ctx) && r.noun_follows
}

/// An -s form after a number is a plural noun (`the two states`, `in 30
/// states`); "one" is a subject (`one says`).
fn counted_plural(ctx: &Context, r: &Reading) -> bool {
    let counted = r.form.ends_with('s') && r.prev != "one" && is_cardinal(&r.prev);
    r.may_be_noun(ctx) && counted
}

/// A base form is a verb only after a subject it agrees with (`they
/// argue`, `Republicans argue`, `many believe`), an auxiliary or "to"
/// (`will argue`), or before "that" (`Republicans argue that`); "say"
/// always is.
fn bare_base_form(ctx: &Context, r: &Reading) -> bool {
    // Not `he argue`: a base form does not agree with he, she or it.
    let agreeing_pronoun =
        r.after(ctx, Class::SubjectPronoun) && !r.after(ctx, Class::ThirdSingular);
    r.form == r.verb.lemma
        && r.form != "say"
        && !lexicon().is(&r.prev, Class::BeforeVerb)
        && !agreeing_pronoun
        && r.next != "that"
        && !r.quantified
        && !plural_subject(ctx, r.i)
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

/// Most words of the object between a portrayal verb and its "as".
const MAX_PORTRAYED_WORDS: usize = 8;

/// Whether an object and then its portrayal follow from `i`: "as" that is not
/// part of a comparison (`Trump as a "con artist"`, not `as well`, `as soon
/// as`), or a quotation (`labeling Obama's actions "an abuse of power"`).
fn portrayal_follows(ctx: &Context, i: usize) -> bool {
    let object = (i..i + MAX_PORTRAYED_WORDS + 1)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    /// Whether `veto` rejects the reading of `word` in `text`.
    fn vetoes(veto: Veto, text: &str, word: &str) -> bool {
        with_context(text, &[], |ctx| {
            let reading = Reading::at(ctx, ctx.at(word)).expect("a listed verb form");
            veto(ctx, &reading)
        })
    }

    #[test]
    fn a_form_after_a_determiner_is_a_noun_unless_a_quantifier_speaks() {
        assert!(vetoes(after_determiner, "The claims were false.", "claims"));
        assert!(!vetoes(
            after_determiner,
            "Many believe it works.",
            "believe"
        ));
    }

    #[test]
    fn a_participle_after_be_is_a_passive() {
        assert!(vetoes(passive, "The delegates were admitted.", "admitted"));
        assert!(!vetoes(passive, "He is saying it works.", "saying"));
    }

    #[test]
    fn a_capital_inside_a_sentence_is_a_name() {
        assert!(vetoes(
            capitalised_in_sentence,
            "They said that Hope Hicks would resign from the campaign today.",
            "Hope"
        ));
        assert!(!vetoes(
            capitalised_in_sentence,
            "Hope is all we have.",
            "Hope"
        ));
    }

    #[test]
    fn a_noun_like_verb_needs_that() {
        assert!(vetoes(
            noun_without_that,
            "Two states joined the suit.",
            "states"
        ));
        assert!(!vetoes(
            noun_without_that,
            "The report states that it works.",
            "states"
        ));
    }

    #[test]
    fn an_ambiguous_form_between_noun_words_is_a_noun() {
        assert!(vetoes(
            noun_after_preposition,
            "He spoke of claims made.",
            "claims"
        ));
        assert!(!vetoes(
            noun_after_preposition,
            "They claim it works.",
            "claim"
        ));
        assert!(vetoes(
            noun_before_preposition,
            "Their claims of fraud failed.",
            "claims"
        ));
        assert!(!vetoes(
            noun_before_preposition,
            "He claims it works.",
            "claims"
        ));
        assert!(vetoes(
            counted_plural,
            "Voters in 30 states agree.",
            "states"
        ));
        assert!(!vetoes(counted_plural, "One claims it works.", "claims"));
    }

    #[test]
    fn a_base_form_needs_a_subject_or_an_auxiliary() {
        assert!(vetoes(
            bare_base_form,
            "His claim surprised aides.",
            "claim"
        ));
        assert!(!vetoes(bare_base_form, "They claim it works.", "claim"));
        assert!(!vetoes(bare_base_form, "Polls show it works.", "show"));
        assert!(!vetoes(
            bare_base_form,
            "Aides will argue it works.",
            "argue"
        ));
    }

    #[test]
    fn a_vetoed_form_is_no_cue_and_an_expectation_is_evidential() {
        with_context("The delegates were admitted.", &[], |ctx| {
            assert_eq!(verb_at(ctx, ctx.at("admitted")), None);
        });
        with_context("Smith is expected to win.", &[], |ctx| {
            let cue = verb_at(ctx, ctx.at("expected")).expect("a cue");
            assert_eq!(ctx.slice(&cue.tokens), "is expected");
            assert_eq!(cue.kind, CueKind::Verb(VerbClass::Evidential));
        });
    }
}
