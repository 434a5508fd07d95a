//! Direct quote spans: pairs quotation marks paragraph by paragraph, with
//! the multi-paragraph convention and outer single marks (headlines).

use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::lexicon::lexicon;
use crate::lexicon::Class;

/// A quoted stretch of text: token indices of its first and last token
/// (the marks, when present).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Tokens from the opening mark to the closing mark, inclusive.
    pub tokens: Range<usize>,
    /// False when the closing mark is missing and the quote was cut at the
    /// end of its paragraph.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

/// Whether a character could stand next to an opening mark on its left:
/// a bracket, a colon, a dash or a line break.
fn opens_after(prev: Option<&str>) -> bool {
    prev.is_none_or(|p| {
        matches!(p, "(" | "[" | ":" | "\n" | "{") || lexicon().classes(p).has(Class::Dash)
    })
}

/// The mark a token is and which side it is on, judged from its neighbours
/// for the ambiguous straight marks.
fn classify(tokens: &[Token], i: usize, text: &str) -> Option<(Mark, Side)> {
    let tok = &tokens[i];
    if tok.kind != TokenKind::Punct {
        return None;
    }
    let glued_left = i > 0 && tokens[i - 1].byte.end == tok.byte.start;
    let glued_right = tokens
        .get(i + 1)
        .is_some_and(|n| n.byte.start == tok.byte.end);
    let prev = (i > 0 && glued_left).then(|| tokens[i - 1].text(text));
    let next_is_break = tokens.get(i + 1).is_none_or(|n| n.kind == TokenKind::Break);
    let ambiguous = |mark| {
        if !glued_left && !glued_right {
            // Free-standing (`'a flight to quality,' " he said`): it can
            // only close.
            Some((mark, Side::Close))
        } else if !glued_left || opens_after(prev) {
            (!next_is_break && glued_right).then_some((mark, Side::Open))
        } else {
            Some((mark, Side::Close))
        }
    };
    match tok.text(text) {
        "“" | "``" => Some((Mark::Double, Side::Open)),
        // A right mark glued to the first word of a paragraph was typed
        // for a left one (`”Fear. I am afraid.”`).
        "”" if glued_right && opens_paragraph(tokens, i) => Some((Mark::Double, Side::Open)),
        "”" => Some((Mark::Double, Side::Close)),
        "\"" | "''" => ambiguous(Mark::Double),
        "‘" => Some((Mark::Single, Side::Open)),
        "'" | "’" => ambiguous(Mark::Single),
        _ => None,
    }
}

/// Whether token `i` is the first of its paragraph.
fn opens_paragraph(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].kind == TokenKind::Break
}

/// Finds every direct quote span, in text order. Double marks are paired
/// first; single marks count only outside double-quoted text.
pub fn find_quotes(tokens: &[Token], text: &str) -> Vec<QuoteSpan> {
    let marks: Vec<Option<(Mark, Side)>> = (0..tokens.len())
        .map(|i| classify(tokens, i, text))
        .collect();
    let mut quotes = pair(tokens, text, &marks, Mark::Double, &[]);
    let singles = pair(tokens, text, &marks, Mark::Single, &quotes);
    // A single-mark span around double-quoted text ('s "ab" J’) is an
    // apostrophe paired across a quote: it would overlap that quote.
    let overlaps = |s: &QuoteSpan| {
        quotes
            .iter()
            .any(|d| s.tokens.start < d.tokens.end && d.tokens.start < s.tokens.end)
    };
    let singles: Vec<QuoteSpan> = singles.into_iter().filter(|s| !overlaps(s)).collect();
    quotes.extend(singles);
    quotes.retain(|q| !is_nickname(tokens, text, &q.tokens));
    quotes.sort_by_key(|q| q.tokens.start);
    quotes
}

/// Most words of a nickname in quotation marks.
const MAX_NICKNAME_WORDS: usize = 2;

/// Whether a quote is a nickname inside a name (`Marcia "Cia" Price`):
/// a word or two, capitalised, between two capitalised words.
fn is_nickname(tokens: &[Token], text: &str, span: &Range<usize>) -> bool {
    let capitalised = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase)
        })
    };
    let inner = span.start + 1..span.end - 1;
    let words = inner.len();
    span.start > 0
        && (1..=MAX_NICKNAME_WORDS).contains(&words)
        && inner.clone().all(capitalised)
        && capitalised(span.start - 1)
        && capitalised(span.end)
}

/// Pairs marks of one kind, skipping tokens inside `outer` quotes.
fn pair(
    tokens: &[Token],
    text: &str,
    marks: &[Option<(Mark, Side)>],
    kind: Mark,
    outer: &[QuoteSpan],
) -> Vec<QuoteSpan> {
    let mut covered = vec![false; tokens.len()];
    for q in outer {
        covered[q.tokens.clone()].fill(true);
    }
    let inside = |i: usize| covered[i];
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind == TokenKind::Break {
            if let Some(start) = open {
                let next = next_content(tokens, i);
                if next.is_some_and(|n| marks[n] == Some((kind, Side::Open)))
                    && kind == Mark::Double
                {
                    // Multi-paragraph quote: the next paragraph reopens it.
                    i = next.unwrap_or(i) + 1;
                    continue;
                }
                // Unbalanced: the quote ends with its paragraph.
                let end = last_content_before(tokens, i).max(start);
                if kind == Mark::Double && end > start {
                    quotes.push(QuoteSpan {
                        tokens: start..end + 1,
                        closed: false,
                    });
                }
                open = None;
            }
            i += 1;
            continue;
        }
        if inside(i) {
            i += 1;
            continue;
        }
        match (marks[i], open) {
            (Some((m, Side::Open)), None) if m == kind => open = Some(i),
            (Some((m, Side::Open)), Some(_))
                if m == kind && matches!(tokens[i].text(text), "“" | "‘") =>
            {
                // A second curly opener: the first one was stray.
                open = Some(i);
            }
            (Some((m, Side::Close)), Some(start)) if m == kind => {
                if i > start + 1 {
                    quotes.push(QuoteSpan {
                        tokens: start..i + 1,
                        closed: true,
                    });
                }
                open = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(start) = open.filter(|_| kind == Mark::Double) {
        let end = last_content_before(tokens, tokens.len());
        if end > start {
            quotes.push(QuoteSpan {
                tokens: start..end + 1,
                closed: false,
            });
        }
    }
    quotes
}

/// The first non-break token after `i`.
fn next_content(tokens: &[Token], i: usize) -> Option<usize> {
    (i + 1..tokens.len()).find(|&j| tokens[j].kind != TokenKind::Break)
}

/// The last non-break token before `i` (or 0).
fn last_content_before(tokens: &[Token], i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&j| tokens[j].kind != TokenKind::Break)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        find_quotes(&tokens, text)
            .iter()
            .map(|q| {
                text[tokens[q.tokens.start].byte.start..tokens[q.tokens.end - 1].byte.end]
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            quoted(r#""We won," he said. “They lost.”"#),
            [r#""We won,""#, "“They lost.”"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let text = "He said: \"First part.\n\n\"Second part.\"\n\nAfter.";
        assert_eq!(quoted(text), ["\"First part.\n\n\"Second part.\""]);
    }

    #[test]
    fn unbalanced_mark_costs_only_its_paragraph() {
        let text = "He said: \"no end here.\n\nLater \"a real quote\" ends.";
        assert_eq!(quoted(text), ["\"no end here.", "\"a real quote\""]);
    }

    #[test]
    fn outer_single_marks_but_not_apostrophes() {
        assert_eq!(
            quoted("Minister: ‘We’ll stay the course’ on reform"),
            ["‘We’ll stay the course’"]
        );
        assert_eq!(quoted("The voters’ choice isn't 'clear' yet"), ["'clear'"]);
        assert_eq!(
            quoted("“She said ‘no’ twice,” he said."),
            ["“She said ‘no’ twice,”"]
        );
    }

    #[test]
    fn single_marks_never_span_a_double_quote() {
        // Found by fuzzing: the single span held the double one, and the
        // quote came out with parts outside it.
        assert_eq!(quoted("'s \"ab\"o J’"), ["\"ab\""]);
    }

    #[test]
    fn nicknames_inside_names_are_not_quotes() {
        assert_eq!(
            quoted("Del. Marcia \"Cia\" Price said \"we won\" twice"),
            ["\"we won\""]
        );
    }

    #[test]
    fn right_mark_typed_for_a_left_one_at_paragraph_start() {
        assert_eq!(
            quoted("Intro.\n”Fear. I am afraid.” ― Ana Ruiz"),
            ["”Fear. I am afraid.”"]
        );
    }
}
