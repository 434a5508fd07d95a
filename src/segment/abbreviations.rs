//! How a word before a period bears on a sentence boundary: titles,
//! initials, acronyms and the abbreviations of the lexicon
//! (`abbreviations.txt`) that may end a sentence only before an opener.

use crate::lexicon::lexicon;

/// How a word followed by a period bears on a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Not an abbreviation: the period can end a sentence.
    None,
    /// A title or an initial: the period never ends a sentence.
    Never,
    /// The period ends a sentence only before a typical opener.
    BeforeOpener,
}

/// Classifies `word`, the letters right before a period (without it; may
/// itself contain inner periods, as in "U.S").
pub fn classify(word: &str) -> Abbreviation {
    let mut chars = word.chars();
    let single_letter =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    if single_letter && word.chars().all(char::is_uppercase) {
        // An initial: "J. K. Rowling".
        return Abbreviation::Never;
    }
    // "Jr." and "Del." (Delaware, or a delegate) may end a sentence.
    let lex = lexicon();
    if lex.is_title_abbreviation(word) && !lex.is_ambiguous_abbreviation(word) {
        return Abbreviation::Never;
    }
    let dotted_acronym = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if dotted_acronym || single_letter || lex.is_ambiguous_abbreviation(word) {
        return Abbreviation::BeforeOpener;
    }
    Abbreviation::None
}

/// Whether `word` typically opens a sentence (`opener` in the lexicon,
/// capitalised).
pub fn is_opener(word: &str) -> bool {
    lexicon().is_opener(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_titles_initials_and_acronyms() {
        assert_eq!(classify("Sen"), Abbreviation::Never);
        assert_eq!(classify("J"), Abbreviation::Never);
        assert_eq!(classify("U.S"), Abbreviation::BeforeOpener);
        assert_eq!(classify("a.m"), Abbreviation::BeforeOpener);
        assert_eq!(classify("Inc"), Abbreviation::BeforeOpener);
        assert_eq!(classify("win"), Abbreviation::None);
        assert_eq!(classify("USA"), Abbreviation::None);
    }

    #[test]
    fn the_titles_come_from_the_rules_title_list() {
        assert_eq!(classify("Msgr"), Abbreviation::Never);
        assert_eq!(classify("Mt"), Abbreviation::Never);
        assert_eq!(classify("Mr"), Abbreviation::Never);
        // Lower case is no title; "Jr." and "Del." may end a sentence.
        assert_eq!(classify("mr"), Abbreviation::None);
        assert_eq!(classify("Jr"), Abbreviation::BeforeOpener);
        assert_eq!(classify("Del"), Abbreviation::BeforeOpener);
    }
}
