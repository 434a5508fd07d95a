//! The abbreviation lists the splitter consults before ending a sentence.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The title list the rule stage reads too: its `abbr` lines are the
/// abbreviated titles that precede a name.
const TITLE_LIST: &str = include_str!("../lexicon/data/titles.txt");

/// Titles that always precede a name, capitalised: a period after them
/// never ends a sentence ("Sen. Warren", "Dr. No"). The `abbr` lines of
/// `titles.txt`, read once.
fn titles() -> &'static HashSet<String> {
    static TITLES: OnceLock<HashSet<String>> = OnceLock::new();
    TITLES.get_or_init(|| {
        TITLE_LIST
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.trim().split('\t');
                let title = fields.next()?;
                fields.any(|f| f == "abbr").then(|| capitalised(title))
            })
            .collect()
    })
}

/// `word` with its first letter in upper case ("mr" -> "Mr").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Abbreviations that are usually mid-sentence but can end one ("Apple
/// Inc. The company ..."): a period after them ends a sentence only when a
/// typical sentence opener follows.
const AMBIGUOUS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Inc", "Corp", "Co", "Cos", "Ltd", "Jr", "Sr", "Bros", "vs", "v", "etc", "Ave", "Blvd",
    "Rd", "Dept", "Univ", "approx", "est", "Ph", "Calif", "Fla", "Mass", "Penn", "Ariz", "Colo",
    "Conn", "Ill", "Ind", "Kan", "Mich", "Minn", "Miss", "Nev", "Okla", "Ore", "Tenn", "Tex", "Va",
    "Wash", "Wis", "Ky", "La", "Md", "Ala", "Ark", "Del", "Neb", "Vt", "Wyo",
];

/// Words that typically open a sentence; after an ambiguous abbreviation
/// or an acronym such as "U.S." they signal a boundary.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Still",
    "However",
    "Meanwhile",
    "Instead",
    "Now",
    "Then",
    "Also",
    "For",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Asked",
    "According",
    "Some",
    "Many",
    "Most",
    "One",
    "Both",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

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
    if titles().contains(word) && !contains(AMBIGUOUS, word) {
        return Abbreviation::Never;
    }
    let dotted_acronym = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if dotted_acronym || single_letter || contains(AMBIGUOUS, word) {
        return Abbreviation::BeforeOpener;
    }
    Abbreviation::None
}

/// Whether `word` typically opens a sentence.
pub fn is_opener(word: &str) -> bool {
    contains(OPENERS, word)
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
