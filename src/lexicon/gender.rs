//! The gender evidence lists, read once: pronouns, honorifics and role
//! nouns with the gender each marks (`data/gender_words.tsv`), and first
//! names (`data/first_names.tsv`, see `scripts/first_names.py`). Stage 4
//! weighs them; the rule stage reads first names to keep a pronoun from a
//! person of the other gender.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::{Gender, GenderEvidence};

static WORDS: LazyLock<HashMap<&'static str, (Gender, GenderEvidence)>> =
    LazyLock::new(|| parse("gender_words.tsv", include_str!("data/gender_words.tsv")));

static FIRST_NAMES: LazyLock<HashMap<&'static str, (Gender, GenderEvidence)>> =
    LazyLock::new(|| parse("first_names.tsv", include_str!("data/first_names.tsv")));

/// The gender and evidence class of a lower-case word (a pronoun, an
/// honorific without its period, or a role noun).
pub fn word(lower: &str) -> Option<(Gender, GenderEvidence)> {
    WORDS.get(lower).copied()
}

/// The gender of a lower-case first name, when nearly everyone who bears
/// it is of one sex.
pub fn first_name(lower: &str) -> Option<Gender> {
    FIRST_NAMES.get(lower).map(|&(gender, _)| gender)
}

/// Parses `word<TAB>female|male[<TAB>class]` lines; `#` starts a comment.
/// A line without a class is a first name. The files ship with the crate,
/// so a malformed line is a bug that the tests catch, named with its file
/// (in `src/lexicon/data`) and line.
fn parse(file: &str, text: &'static str) -> HashMap<&'static str, (Gender, GenderEvidence)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(number, line)| {
            let at = || format!("src/lexicon/data/{file}:{}", number + 1);
            let mut fields = line.split('\t');
            let word = fields.next().expect("a word");
            let gender = match fields.next() {
                Some("female") => Gender::Female,
                Some("male") => Gender::Male,
                other => panic!("{}: bad gender {other:?}", at()),
            };
            let class = match fields.next() {
                None => GenderEvidence::FirstName,
                Some("pronoun") => GenderEvidence::Pronoun,
                Some("honorific") => GenderEvidence::Honorific,
                Some("role") => GenderEvidence::Role,
                Some(other) => panic!("{}: bad class {other:?}", at()),
            };
            (word, (gender, class))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "src/lexicon/data/test.tsv:2: bad class \"title\"")]
    fn a_malformed_line_is_named_with_its_file_and_line() {
        parse("test.tsv", "# comment\nmr\tmale\ttitle\n");
    }

    #[test]
    fn the_lists_load_and_are_lower_case() {
        assert_eq!(
            word("spokeswoman"),
            Some((Gender::Female, GenderEvidence::Role))
        );
        assert_eq!(word("mr"), Some((Gender::Male, GenderEvidence::Honorific)));
        assert_eq!(word("they"), None);
        assert_eq!(first_name("donald"), Some(Gender::Male));
        assert_eq!(first_name("elizabeth"), Some(Gender::Female));
        assert_eq!(
            first_name("jordan"),
            None,
            "an ambiguous name gives nothing"
        );
        for key in WORDS.keys().chain(FIRST_NAMES.keys()) {
            assert_eq!(*key, key.to_lowercase(), "{key}");
        }
        assert!(FIRST_NAMES.len() > 5000);
    }
}
