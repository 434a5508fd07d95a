//! The rule-based sentence splitter: quote-aware, abbreviation-aware, and
//! exact about offsets.

use std::ops::Range;

use super::abbreviations::{classify, is_opener, Abbreviation};
use super::Segmenter;
use crate::document::{Document, Span};
use crate::lexicon::lexicon;

/// Marks that can end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Marks that close a quotation or a bracket and stay with the sentence
/// they end: `"We won." He left.` splits after the closing mark.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›')
}

/// Splits text into sentences.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, together with any
/// closing quotation marks and brackets after it, when whitespace and a
/// word that is not lower-case follow. A line break always ends a
/// sentence. A period after a title (`Sen.`) or an initial (`J.`) never
/// ends one; after an ambiguous abbreviation (`Inc.`, `Jan.`), an acronym
/// (`U.S.`) or an ellipsis it does only before a typical sentence opener
/// ("The", "He", ...). Decimals never split because no space follows the
/// point, nor does a list item's number at the start of a line (`1. Jesper
/// Ronnback`); closing marks alone at the end of a line stay with the
/// sentence before them.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceSplitter;

impl SentenceSplitter {
    /// The byte ranges of the sentences of `text`, trimmed of whitespace.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut sentences = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let mut start = line_start;
            for end in boundaries(line) {
                push_trimmed(text, start..line_start + end, &mut sentences);
                start = line_start + end;
            }
            push_trimmed(text, start..line_start + line.len(), &mut sentences);
            line_start += line.len();
        }
        sentences
    }
}

impl Segmenter for SentenceSplitter {
    fn segment(&self, doc: &Document) -> Vec<Span> {
        self.split(&doc.text)
            .into_iter()
            .map(|range| doc.span(range))
            .collect()
    }
}

/// Adds `range` of `text` without its surrounding whitespace, if anything is
/// left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

/// Byte offsets within `line` right after each sentence end, in order.
fn boundaries(line: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && is_terminal(chars[i].1) {
            i += 1;
        }
        let run_end = i;
        while i < chars.len() && is_closer(chars[i].1) {
            i += 1;
        }
        let Some(&(end, next)) = chars.get(i) else {
            break;
        };
        if !next.is_whitespace() {
            continue;
        }
        let next_word = following_word(line, end);
        if next_word.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        // Only closing marks left on the line (`... for us . '`): they
        // belong to this sentence, not to one of their own.
        if line[end..]
            .chars()
            .all(|c| c.is_whitespace() || is_closer(c))
        {
            continue;
        }
        let quoted = chars[run_end..i].iter().any(|&(_, c)| is_quote_mark(c));
        if quoted && attribution_follows(&line[end..]) {
            // `"Who would have believed it?" Trump said.` is one sentence.
            continue;
        }
        let run: String = chars[run_start..run_end].iter().map(|&(_, c)| c).collect();
        let rule = if run == "." && enumerates(line, chars[run_start].0) {
            // `1. Jesper Ronnback (Sweden)`: a list item's number.
            Abbreviation::Never
        } else if run == "." {
            let closed = run_end < i;
            let word = preceding_word(line, chars[run_start].0);
            if closed {
                Abbreviation::None
            } else {
                classify(word)
            }
        } else if run.contains('…') || run.starts_with("..") {
            Abbreviation::BeforeOpener
        } else {
            Abbreviation::None
        };
        let is_boundary = match rule {
            Abbreviation::None => true,
            Abbreviation::Never => false,
            Abbreviation::BeforeOpener => is_opener(letters(next_word)),
        };
        if is_boundary {
            ends.push(end);
        }
    }
    ends
}

/// Whether the period at byte `at` follows a list item's number: one or
/// two digits alone at the start of the line (`1. Jesper Ronnback`).
fn enumerates(line: &str, at: usize) -> bool {
    let number = line[..at].trim_start();
    (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}

/// Closing quotation marks (a subset of the closers).
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '›')
}

/// Whether a reporting verb that frames quotes (`frame:` tags in the lexicon)
/// comes within the first few words of `rest`,
/// before any sentence-ending mark: then the quote before it belongs to
/// the same sentence.
fn attribution_follows(rest: &str) -> bool {
    for word in rest.split_whitespace().take(4) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if lexicon().frames_quote(bare) {
            return true;
        }
        if word.ends_with(['.', '!', '?', '"', '”']) {
            return false;
        }
    }
    false
}

/// The letters and inner periods right before byte `at` ("U.S" in "U.S.").
fn preceding_word(line: &str, at: usize) -> &str {
    let head = &line[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(at, |(b, _)| b);
    &head[start..]
}

/// The next whitespace-delimited token after byte `at`, with any opening
/// quotation marks or brackets stripped.
fn following_word(line: &str, at: usize) -> &str {
    let rest = line[at..].trim_start();
    let token = rest.split(char::is_whitespace).next().unwrap_or("");
    token.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«'])
}

/// The leading letters of `word`.
fn letters(word: &str) -> &str {
    let end = word
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(word.len(), |(b, _)| b);
    &word[..end]
}
