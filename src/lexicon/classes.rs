//! Word classes of the closed-class lexicon (`lexicon/closed.txt`): the
//! [`Class`] a word belongs to and [`Classes`], the set of them one token
//! has, as bits. A leaf: it imports nothing.

/// A closed class of words (`[section]` of `lexicon/closed.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Articles, possessives, demonstratives and quantifiers ("the",
    /// "his", "those", "several"): after one a verb form is a noun.
    Determiner,
    /// Prepositions ("in", "during", "against").
    Preposition,
    /// Subject pronouns ("he", "they").
    SubjectPronoun,
    /// Object pronouns ("him", "them").
    ObjectPronoun,
    /// Possessive pronouns ("his", "their", "hers").
    Possessive,
    /// Forms of "be".
    Be,
    /// Subordinating conjunctions ("while", "because").
    Subordinator,
    /// Coordinating conjunctions ("and", "but").
    Conjunction,
    /// Dashes ("—", "–", a hyphen or a typed "--").
    Dash,
    /// Words that negate a verb ("not", "never", "didn't").
    Negation,
    /// Names of days and months ("Friday", "June"), which make a
    /// preposition before them a time adjunct (`said on Friday`).
    Time,
    /// Pronouns that may stand for an organisation ("they", "its"): the
    /// `org` field of a pronoun line.
    Collective,
    /// Third-person singular subject pronouns ("he", "she", "it"), which
    /// take the -s form of a verb: the `3sg` field of a pronoun line.
    ThirdSingular,
}

impl Class {
    /// The class a `[section]` header of `closed.txt` names.
    pub fn from_section(name: &str) -> Option<Class> {
        Some(match name {
            "determiner" => Class::Determiner,
            "preposition" => Class::Preposition,
            "subject pronoun" => Class::SubjectPronoun,
            "object pronoun" => Class::ObjectPronoun,
            "possessive" => Class::Possessive,
            "be" => Class::Be,
            "subordinator" => Class::Subordinator,
            "conjunction" => Class::Conjunction,
            "dash" => Class::Dash,
            "negation" => Class::Negation,
            "time" => Class::Time,
            _ => return None,
        })
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The classes of one word: a set of [`Class`] in the bits of a `u16`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

/// The default is no class: an open-class word or punctuation.
impl Classes {
    /// These classes and `class`.
    pub fn with(self, class: Class) -> Classes {
        Classes(self.0 | class.bit())
    }

    /// Whether `class` is one of them.
    pub fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_the_classes_added() {
        let her = Classes::default()
            .with(Class::Determiner)
            .with(Class::Possessive);
        assert!(her.has(Class::Determiner) && her.has(Class::Possessive));
        assert!(!her.has(Class::Preposition));
        assert!(!Classes::default().has(Class::Dash));
    }
}
