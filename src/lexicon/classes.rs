//! Word classes of the lexicon: the [`Class`] a word belongs to, by the
//! `[section]` it stands under in `data/closed.txt` or by a tag on its
//! line there or in `data/titles.txt`, and [`Classes`], the set of them one
//! word has, as bits. A leaf: it imports nothing.

/// A class of words: a grammatical class (a `[section]` of `closed.txt`)
/// or a subset that some rule reads (a tag on a word's line).
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
    /// Names of days and months and the nouns of time ("Friday", "June",
    /// "week"), which make a preposition before them a time adjunct (`said
    /// on Friday`).
    Time,
    /// Number words ("five", "dozen"); digits count as numbers too.
    Number,
    /// Pronouns that may stand for an organisation ("they", "its"): the
    /// `org` field of a pronoun line.
    Collective,
    /// Third-person singular subject pronouns ("he", "she", "it"), which
    /// take the -s form of a verb: the `3sg` field of a pronoun line.
    ThirdSingular,
    /// `day`: the days and the words for them ("Tuesday", "yesterday"):
    /// adjuncts of a report, never its subject or content.
    Day,
    /// `month`: the months ("September", and abbreviated "Sept.").
    Month,
    /// `minor`: the words a title in title case leaves in lower case
    /// ("Meet the Press").
    Minor,
    /// `frame-adjunct`: words that may follow the verb of a quote frame,
    /// so the sentence goes on with an adjunct, not an object.
    FrameAdjunct,
    /// `report-adjunct`: words that open an adjunct of a report (`said in
    /// June`, `told Fox News on Sunday`).
    ReportAdjunct,
    /// `noun-complement`: words that open a noun cue's complement (`that`,
    /// `to`, `of`, ...).
    NounComplement,
    /// `question-opener`: words that open a question after a passive
    /// "asked" (`whether`, `why`, `about`).
    QuestionOpener,
    /// `descriptor-opener`: words that open a descriptor after an
    /// inverted cue ("said the ...").
    DescriptorOpener,
    /// `verb-filler`: words that may stand between a subject and its verb
    /// ("X also said", "X has not").
    VerbFiller,
    /// `subject-adjunct`: prepositions whose phrase can stand between a
    /// subject and its verb (`The senator in a statement said`).
    SubjectAdjunct,
    /// `object-end`: words that end an object noun phrase (`endorsed X on
    /// Thursday`).
    ObjectEnd,
    /// `not-subject`: words that show the words before a verb are not its
    /// subject.
    NotSubject,
    /// `share`: words that name a share of a group ("percent", "half",
    /// "majority").
    Share,
    /// `before-verb`: words after which a base form is a verb ("who
    /// argue", "will argue").
    BeforeVerb,
    /// `before-noun`: words after which a base or -s form reads as a noun
    /// ("of claims", "new claims").
    BeforeNoun,
    /// `after-noun`: words before which a base or -s form reads as a noun
    /// ("claims of", "claims, ...").
    AfterNoun,
    /// `quantifier`: quantifiers that can be the subject of a base form
    /// (`many believe`).
    Quantifier,
    /// `not-in-name`: words that never begin or end a name run besides
    /// the function words (adverbs of time, question words, "it").
    NotInName,
    /// `in-name`: function words that do not stop a name run.
    InName,
    /// `appositive`: words an appositive may open with (`Doe, a
    /// spokeswoman for ...`).
    Appositive,
    /// `opener`: words that typically open a sentence; after an ambiguous
    /// abbreviation ("Inc.") or an acronym ("U.S.") they signal a boundary.
    Opener,
    /// `drop`: words dropped from the front of a person's name when names
    /// are merged across documents ("Sen.", "former", "the").
    Drop,
    /// `name-prefix`: titles that may open a name before its first name,
    /// skipped when the first name is looked up (`Sen. Elizabeth Warren`).
    NamePrefix,
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
            "number" => Class::Number,
            _ => return None,
        })
    }

    /// The class a tag on a word's line names (`frame-adjunct`).
    pub fn from_tag(name: &str) -> Option<Class> {
        Some(match name {
            "org" => Class::Collective,
            "3sg" => Class::ThirdSingular,
            "number" => Class::Number,
            "day" => Class::Day,
            "month" => Class::Month,
            "minor" => Class::Minor,
            "frame-adjunct" => Class::FrameAdjunct,
            "report-adjunct" => Class::ReportAdjunct,
            "noun-complement" => Class::NounComplement,
            "question-opener" => Class::QuestionOpener,
            "descriptor-opener" => Class::DescriptorOpener,
            "verb-filler" => Class::VerbFiller,
            "subject-adjunct" => Class::SubjectAdjunct,
            "object-end" => Class::ObjectEnd,
            "not-subject" => Class::NotSubject,
            "share" => Class::Share,
            "before-verb" => Class::BeforeVerb,
            "before-noun" => Class::BeforeNoun,
            "after-noun" => Class::AfterNoun,
            "quantifier" => Class::Quantifier,
            "not-in-name" => Class::NotInName,
            "in-name" => Class::InName,
            "appositive" => Class::Appositive,
            "opener" => Class::Opener,
            "drop" => Class::Drop,
            "name-prefix" => Class::NamePrefix,
            _ => return None,
        })
    }

    fn bit(self) -> u64 {
        1 << self as u64
    }
}

/// The classes of one word: a set of [`Class`] in the bits of a `u64`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u64);

/// The default is no class: an open-class word or punctuation.
impl Classes {
    /// These classes and `class`.
    pub fn with(self, class: Class) -> Classes {
        Classes(self.0 | class.bit())
    }

    /// These classes and `other`'s.
    pub fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
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
