//! Word-level helpers on a [`Context`]: closed-class tests (pronouns,
//! determiners, function words), possessives, word counts and trimming.

use std::ops::Range;

use super::context::Context;
use super::lexicon::Gender;

/// Words after which a verb form is a noun or adjective ("the report").
pub const DETERMINERS: &[&str] = &[
    "one", "several", "many", "most", "both", "all", "other", "the", "a", "an", "his", "her",
    "their", "its", "our", "my", "your", "this", "that", "these", "those", "some", "any", "no",
    "every", "each", "another", "such",
];

/// Personal pronouns that can be subjects, with their gender.
pub fn pronoun(word: &str) -> Option<Option<Gender>> {
    match word.to_lowercase().as_str() {
        "he" | "his" | "him" => Some(Some(Gender::Male)),
        "she" | "her" | "hers" => Some(Some(Gender::Female)),
        "they" | "their" | "i" | "we" | "my" | "our" | "you" | "your" | "it" | "its" | "who" => {
            Some(None)
        }
        _ => None,
    }
}

/// Words that never begin or end a name run.
pub fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "if",
        "when",
        "as",
        "so",
        "while",
        "after",
        "before",
        "to",
        "by",
        "with",
        "from",
        "of",
        "over",
        "during",
        "since",
        "under",
        "until",
        "although",
        "though",
        "because",
        "despite",
        "yet",
        "still",
        "now",
        "then",
        "last",
        "earlier",
        "later",
        "meanwhile",
        "however",
        "instead",
        "here",
        "there",
        "it",
        "asked",
        "like",
        "unlike",
        "among",
        "against",
        "where",
        "why",
        "how",
        "what",
        "whether",
    ];
    DETERMINERS.contains(&word) || WORDS.contains(&word)
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
