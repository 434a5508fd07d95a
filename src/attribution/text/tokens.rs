//! Word and punctuation tokens with byte offsets: the unit every rule of the
//! stage works on.

use std::ops::Range;

use crate::segment::{classify_abbreviation, is_opener, Abbreviation};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and periods
    /// ("don't", "D-Ill", "U.S.") and the period of an abbreviation ("Mr.").
    Word,
    /// One punctuation mark; `''` and a typed dash (`--`) count as one.
    Punct,
    /// A line break: paragraphs never share a token run across it.
    Break,
}

/// A token: its byte range in the document text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub byte: Range<usize>,
    /// Word, punctuation or break.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte.clone()]
    }

    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Characters that may join two letters inside one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '/')
}

/// Splits `text` into tokens. Whitespace other than newlines is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '\n' {
            tokens.push(Token {
                byte: start..start + 1,
                kind: TokenKind::Break,
            });
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let joined =
                    is_joiner(d) && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric());
                if d.is_alphanumeric() || joined {
                    j += if joined { 2 } else { 1 };
                } else {
                    break;
                }
            }
            let word = &text[start..end_of(j)];
            let after_period = text[end_of(j)..]
                .get(1..)
                .unwrap_or("")
                .trim_start_matches(' ');
            if chars.get(j).is_some_and(|&(_, d)| d == '.') && takes_period(word, after_period) {
                j += 1;
            }
            tokens.push(Token {
                byte: start..end_of(j),
                kind: TokenKind::Word,
            });
            i = j;
        } else {
            let double = (c == '\'' || c == '`') && chars.get(i + 1).is_some_and(|&(_, d)| d == c);
            let mut j = if double { i + 2 } else { i + 1 };
            // A typed dash: `--` or `---`.
            while c == '-' && chars.get(j).is_some_and(|&(_, d)| d == '-') {
                j += 1;
            }
            tokens.push(Token {
                byte: start..end_of(j),
                kind: TokenKind::Punct,
            });
            i = j;
        }
    }
    tokens
}

/// Whether a word directly followed by a period keeps it, given the text
/// after the period: titles, initials and dotted acronyms always do (the
/// rules ask the splitter whether such a period also ends a sentence); an
/// abbreviation that can end a sentence (`Sept.`, `Inc.`, `No.`) does when
/// a word that does not typically open a sentence follows, as the sentence
/// splitter decides (`Sept. 11`, but `''No.''`).
fn takes_period(word: &str, after: &str) -> bool {
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty() && after.starts_with(|c: char| c.is_alphanumeric()));
    match classify_abbreviation(word) {
        _ if word.contains('.') => true,
        Abbreviation::Never => true,
        Abbreviation::BeforeOpener => next_word.is_some_and(|w| !is_opener(w)),
        Abbreviation::None => crate::lexicon::lexicon().is_abbreviation(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_inner_marks() {
        assert_eq!(
            words("Mr. O'Neil (D-Ill.) said: ''No.''"),
            ["Mr.", "O'Neil", "(", "D-Ill", ".", ")", "said", ":", "''", "No", ".", "''"]
        );
    }

    #[test]
    fn curly_marks_and_breaks() {
        assert_eq!(
            words("“Trump’s voters’ end.”\nNext"),
            ["“", "Trump’s", "voters", "’", "end", ".", "”", "\n", "Next"]
        );
    }
}
