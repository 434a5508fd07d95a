//! Reporting cues: matches the verb lexicon (every inflection, particle
//! verbs) and the phrasal cues against the tokens outside quotes.

use std::ops::Range;

use super::lexicon::{lexicon, PhraseKind, VerbClass};
use super::tokens::Token;
use super::Context;

/// What kind of cue it is, which tells where its source and content are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb ("said", "pointed out").
    Verb(VerbClass),
    /// "according to": the source follows.
    According,
    /// "in his opinion": the possessive is the source.
    Opinion,
    /// A colon between a name and a quote (`Smith: "..."`, headlines).
    Colon,
}

/// A cue found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Its tokens, adjuncts included ("said in a statement").
    pub tokens: Range<usize>,
    /// Verb or phrase.
    pub kind: CueKind,
    /// Whether the verb form is one that also reads as a noun or adjective
    /// and was accepted from context only.
    pub ambiguous: bool,
}

/// Words after which a base form is a verb ("they argue", "will argue").
const VERB_CONTEXT: &[&str] = &[
    "i", "we", "you", "they", "who", "to", "will", "would", "can", "could", "may", "might", "must",
    "should", "shall", "did", "does", "do", "also", "not", "never", "often", "still",
];

/// Words after which a base or -s form reads as a noun ("claims of").
const NOUN_CONTEXT: &[&str] = &[
    "of", "in", "for", "with", "on", "about", "from", "by", "after", "before", "amid", "despite",
    "new", "recent", "latest", "early", "more", "many", "few", "false", "similar",
];

/// Forms of "be" before a participle: a passive, not a report
/// ("were admitted").
const PASSIVE: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Words after which a verb form is a noun or adjective ("the report").
pub const DETERMINERS: &[&str] = &[
    "one", "several", "many", "most", "both", "all", "other", "the", "a", "an", "his", "her",
    "their", "its", "our", "my", "your", "this", "that", "these", "those", "some", "any", "no",
    "every", "each", "another", "such",
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
            if let Some(colon) = colon_at(ctx, i) {
                cues.push(colon);
            }
            i += 1;
            continue;
        }
        match phrase_at(ctx, i).or_else(|| verb_at(ctx, i)) {
            Some(cue) => {
                i = cue.tokens.end;
                cues.push(cue);
            }
            None => i += 1,
        }
    }
    cues
}

/// Lower-case text of word `i`, or "" past the end.
fn word(ctx: &Context, i: usize) -> String {
    ctx.tokens
        .get(i)
        .map_or_else(String::new, |t: &Token| t.text(ctx.text).to_lowercase())
}

/// The length of a phrase matched at `i`, if `words` match there.
fn match_words(ctx: &Context, i: usize, words: &[String]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| {
            let tok = ctx.tokens.get(i + k);
            tok.is_some_and(|t| t.is_word() && (w == "*" || word(ctx, i + k) == *w))
        })
        .then_some(words.len())
}

/// A colon at `i` right before an opening quotation mark.
fn colon_at(ctx: &Context, i: usize) -> Option<Cue> {
    let next = (i + 1..ctx.tokens.len()).find(|&j| ctx.word(j) != "\n")?;
    let opens_quote = ctx
        .quote_of(next)
        .is_some_and(|q| ctx.quotes[q].tokens.start == next);
    (ctx.word(i) == ":" && opens_quote).then(|| Cue {
        tokens: i..i + 1,
        kind: CueKind::Colon,
        ambiguous: false,
    })
}

/// A phrasal cue ("according to", "in her view") starting at `i`.
fn phrase_at(ctx: &Context, i: usize) -> Option<Cue> {
    lexicon().phrases.iter().find_map(|p| {
        let kind = match p.kind {
            PhraseKind::According => CueKind::According,
            PhraseKind::Opinion => CueKind::Opinion,
            PhraseKind::Adjunct => return None,
        };
        let len = match_words(ctx, i, &p.words)?;
        let slot_is_possessive = p.words.iter().enumerate().all(|(k, w)| {
            let word = word(ctx, i + k);
            w != "*"
                || matches!(
                    word.as_str(),
                    "his" | "her" | "their" | "my" | "our" | "its"
                )
                || word.ends_with("'s")
                || word.ends_with("’s")
        });
        if !slot_is_possessive {
            return None;
        }
        Some(Cue {
            tokens: i..i + len,
            kind,
            ambiguous: false,
        })
    })
}

/// A reporting verb starting at `i`, with its particle and adjuncts.
fn verb_at(ctx: &Context, i: usize) -> Option<Cue> {
    let form = word(ctx, i);
    let verbs = lexicon().verbs(&form);
    let verb = verbs
        .iter()
        .find(|v| v.particle.as_ref().is_some_and(|p| word(ctx, i + 1) == *p))
        .or_else(|| verbs.iter().find(|v| v.particle.is_none()))?;
    let prev = if i > 0 {
        word(ctx, i - 1)
    } else {
        String::new()
    };
    let sentence_initial = i == 0 || ctx.ends_sentence(i - 1) || ctx.in_quote(i - 1);
    if DETERMINERS.contains(&prev.as_str())
        || PASSIVE.contains(&prev.as_str()) && !form.ends_with("ing")
        || ctx.capitalised(i) && !sentence_initial
    {
        return None;
    }
    let base_or_third = form == verb.lemma || !form.ends_with("ed") && form.ends_with('s');
    let ambiguous = base_or_third && form != "says" && form != "say";
    let next = word(ctx, i + 1);
    let noun_follows = matches!(
        next.as_str(),
        "of" | "," | "." | "in" | "on" | "for" | "to" | "about" | "from" | "against" | "by" | "and"
    );
    if ambiguous && (NOUN_CONTEXT.contains(&prev.as_str()) || noun_follows) {
        return None;
    }
    // A base form followed by "that" is a verb ("Republicans argue that").
    let clause_follows = next == "that";
    if form == verb.lemma
        && form != "say"
        && !VERB_CONTEXT.contains(&prev.as_str())
        && !clause_follows
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
        tokens: i..end,
        kind: CueKind::Verb(verb.class),
        ambiguous,
    })
}
