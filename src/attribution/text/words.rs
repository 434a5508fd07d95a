//! Word-level helpers on a [`Context`]: closed-class tests (pronouns,
//! determiners, function words), possessives, word counts and trimming.

use std::ops::Range;

use super::context::Context;
use crate::lexicon::lexicon;
use crate::lexicon::Class;
use crate::model::Gender;

/// Personal pronouns that can be subjects, with their gender: subject,
/// object and possessive pronouns, and the relative "who", which stands
/// for the name before it (`Smith, who said`).
pub fn pronoun(word: &str) -> Option<Option<Gender>> {
    let lower = word.to_lowercase();
    let classes = lexicon().classes(&lower);
    let personal = classes.has(Class::SubjectPronoun)
        || classes.has(Class::ObjectPronoun)
        || classes.has(Class::Possessive)
        || lower == "who";
    // Of the object pronouns only "him" and "her" name a speaker: "me",
    // "us" and "them" never were mentions (#11 kept it so).
    let personal = personal && !matches!(lower.as_str(), "me" | "us" | "them");
    personal.then(|| lexicon().pronoun_gender(&lower))
}

/// Words that never begin or end a name run (lower case): determiners,
/// prepositions, conjunctions, subordinators and the words below.
pub fn is_function_word(word: &str) -> bool {
    let classes = lexicon().classes(word);
    [
        Class::Determiner,
        Class::Preposition,
        Class::Conjunction,
        Class::Subordinator,
    ]
    .into_iter()
    .any(|c| classes.has(c))
        && !lexicon().is(word, Class::InName)
        || lexicon().is(word, Class::NotInName)
}

/// Lower-case words that may sit inside a name ("Secretary of State").
pub fn is_name_joiner(ctx: &Context, i: usize) -> bool {
    matches!(
        ctx.word(i),
        "of" | "de" | "van" | "von" | "bin" | "al" | "la" | "del"
    ) && ctx.capitalised(i.wrapping_sub(1))
}

/// `word` without its possessive `'s` (straight or curly), when it has one.
pub fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// The length of a phrase matched at `i`, if `words` match there.
pub fn match_words(ctx: &Context, i: usize, words: &[String]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| {
            let tok = ctx.tokens.get(i + k);
            tok.is_some_and(|t| t.is_word() && (w == "*" || ctx.lower(i + k) == *w))
        })
        .then_some(words.len())
}

/// Trims punctuation (but not quotation marks) from both ends of `range`.
pub fn trim(ctx: &Context, range: Range<usize>) -> Range<usize> {
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

/// Number of word tokens in `range`.
pub fn word_count(ctx: &Context, range: &Range<usize>) -> usize {
    range.clone().filter(|&i| ctx.tokens[i].is_word()).count()
}

/// Whether token `i` is a conjunction that joins a second clause of the
/// same report (`... and said`, `..., but she added`): "and" and "but".
/// "or", "so" and "yet" join clauses too, but taking them changes PolNeAR
/// output (measured for #11).
pub fn joins_clauses(ctx: &Context, i: usize) -> bool {
    ctx.is(i, Class::Conjunction) && !matches!(ctx.lower(i).as_str(), "or" | "so" | "yet")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;

    #[test]
    fn pronouns_have_their_gender_and_object_pronouns_but_him_and_her_are_none() {
        assert_eq!(pronoun("Him"), Some(Some(Gender::Male)));
        assert_eq!(pronoun("hers"), Some(Some(Gender::Female)));
        assert_eq!(pronoun("who"), Some(None));
        assert_eq!(pronoun("them"), None);
        assert_eq!(pronoun("the"), None);
    }

    #[test]
    fn function_words_are_the_classes_and_the_other_words_less_the_exceptions() {
        assert!(is_function_word("during") && is_function_word("the"));
        assert!(is_function_word("asked") && is_function_word("however"));
        assert!(!is_function_word("about") && !is_function_word("whereas"));
        assert!(!is_function_word("senator"));
    }

    #[test]
    fn and_and_but_join_clauses() {
        with_context("Tired and sad but calm or not.", &[], |ctx| {
            assert!(joins_clauses(ctx, ctx.at("and")));
            assert!(joins_clauses(ctx, ctx.at("but")));
            assert!(!joins_clauses(ctx, ctx.at("or")));
            assert!(!joins_clauses(ctx, ctx.at("calm")));
        });
    }
}
