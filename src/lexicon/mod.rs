//! The crate's one lexicon: every word list the stages read, kept as data
//! in `data/` and compiled into the binary, parsed once. Reporting verbs
//! with all their inflections, phrasal cues, role nouns, name titles and
//! the closed-class words with their classes (determiners, prepositions,
//! pronouns, ...) and the tagged subsets the rules ask for.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod classes;
pub mod gender;
mod parse;

use crate::model::{CueClass, Gender};
pub use classes::{Class, Classes};
use parse::Files;
pub use parse::{inflections, LexiconError};

/// What a reporting verb's complement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// Verbs of saying: take quotes and clauses, allow inversion
    /// (`"...," said X`).
    Speech,
    /// Verbs of belief and intent: take clauses, not inverted.
    Cognition,
    /// Verbs that report a view only with an object and "as" (`sees X as
    /// a threat`, `portrayed him as weak`): taken like cognition verbs.
    Portrayal,
    /// Verbs of appearance (`X seems to ...`, `X is expected to ...`):
    /// the content is the subject with its complement, and no one is
    /// named as its source.
    Evidential,
}

/// What a verb's first complement is, when the rules treat it apart
/// (`takes:` tags in `verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Complement {
    /// The hearer (`told reporters that ...`): the content follows it.
    Hearer,
    /// The topic (`spoke about the war`): only a topic makes it a report.
    Topic,
    /// A noun phrase object that is the whole content (`endorsed
    /// Hillary Clinton on Thursday`).
    Object,
}

/// A reporting verb entry: lemma, class and optional particle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// Base form ("say").
    pub lemma: String,
    /// Speech or cognition.
    pub class: VerbClass,
    /// A particle that must follow ("out" in "point out").
    pub particle: Option<String>,
    /// Its base and -s forms are mostly nouns ("states", "reports"): they
    /// count only before "that" (`*` after the lemma in the file).
    pub clause_only: bool,
    /// What its first complement is, when that matters.
    pub complement: Option<Complement>,
    /// What it reports: its section's default or a `cue:` tag.
    pub cue_class: CueClass,
    /// It reports a refusal (`declined to comment`): its reports are
    /// negated (a `refusal` tag).
    pub refusal: bool,
    /// Words that make it no cue when they follow it (`not:` tags:
    /// `continues to grow`).
    pub not_before: Vec<String>,
}

impl VerbClass {
    /// What a verb of this class reports unless its line says otherwise.
    pub fn default_cue_class(self) -> CueClass {
        match self {
            VerbClass::Speech => CueClass::Speech,
            VerbClass::Cognition => CueClass::Thought,
            VerbClass::Portrayal => CueClass::Stance,
            VerbClass::Evidential => CueClass::Evidence,
        }
    }
}

/// Which way a phrasal cue points to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// "according to X": the source follows the phrase.
    According,
    /// "in his opinion": the possessive (the `*` slot) is the source.
    Opinion,
    /// "in a statement": lengthens the verb cue it follows.
    Adjunct,
    /// "decision", "support for": a noun cue after a possessor.
    Noun,
}

/// A phrasal cue: its words (`*` is a one-word slot) and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Lower-case words.
    pub words: Vec<String>,
    /// How it relates to its source.
    pub kind: PhraseKind,
    /// What a noun cue reports when its line says (`cue:` tag); other
    /// phrases take their kind's class.
    pub cue_class: Option<CueClass>,
}

/// A role noun: broader roles it implies, gender, whether it names an
/// organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    /// Broader roles ("diplomat" for "ambassador").
    pub broader: Vec<String>,
    /// Gender the word implies, if any.
    pub gender: Option<Gender>,
    /// Whether the noun denotes an organisation ("the ministry").
    pub organisation: bool,
}

/// All word lists.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Inflected form (lower case) -> verb entries with that form.
    verbs: HashMap<String, Vec<Verb>>,
    /// Phrasal cues.
    pub phrases: Vec<Phrase>,
    /// Role noun -> role.
    roles: HashMap<String, Role>,
    /// Title (lower case, no period) -> gender it implies.
    titles: HashMap<String, Option<Gender>>,
    /// Abbreviated titles that keep their period (lower case, no period).
    abbreviations: Vec<String>,
    /// Word (lower case) -> its classes: closed classes and tags.
    classes: HashMap<String, Classes>,
    /// Pronoun (lower case) -> the gender it implies.
    pronoun_genders: HashMap<String, Gender>,
    /// The months (lower case): the words tagged `month`.
    months: Vec<String>,
    /// Abbreviations that may end a sentence, as written ("Inc", "No").
    ambiguous: HashSet<String>,
    /// Suffixes of company names (lower case: "inc", "llc").
    company_suffixes: HashSet<String>,
    /// The forms of the verbs that frame a quote right after it (`frame:`
    /// tags in `verbs.txt`).
    frame_forms: HashSet<String>,
}

/// The data files, compiled in.
const FILES: Files = Files {
    verbs: ("verbs.txt", include_str!("data/verbs.txt")),
    phrases: ("phrases.txt", include_str!("data/phrases.txt")),
    roles: ("roles.txt", include_str!("data/roles.txt")),
    titles: ("titles.txt", include_str!("data/titles.txt")),
    closed: ("closed.txt", include_str!("data/closed.txt")),
    abbreviations: ("abbreviations.txt", include_str!("data/abbreviations.txt")),
};

/// The lexicon, parsed on first use. The files are compiled in and the
/// tests parse them, so a malformed line fails the tests with its file
/// and line, never a run.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(&FILES).unwrap_or_else(|e| panic!("{e}")))
}

impl Lexicon {
    /// Verb entries whose inflection is `word` (any case).
    pub fn verbs(&self, word: &str) -> &[Verb] {
        self.verbs
            .get(&word.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether some verb whose inflection is `word` (any case) takes
    /// `complement`.
    pub fn takes(&self, word: &str, complement: Complement) -> bool {
        self.verbs(word)
            .iter()
            .any(|v| v.complement == Some(complement))
    }

    /// The role a noun names (singular, any case), if it is one.
    pub fn role(&self, word: &str) -> Option<&Role> {
        let lower = word.to_lowercase();
        self.roles
            .get(&lower)
            .or_else(|| lower.strip_suffix('s').and_then(|s| self.roles.get(s)))
    }

    /// Whether `word` (with or without its period) is a name title; the
    /// gender it implies comes with it.
    pub fn title(&self, word: &str) -> Option<Option<Gender>> {
        let bare = word.trim_end_matches('.').to_lowercase();
        self.titles.get(&bare).copied()
    }

    /// The closed classes of `word` (lower case): none for other words.
    pub fn classes(&self, word: &str) -> Classes {
        self.classes.get(word).copied().unwrap_or_default()
    }

    /// The gender a pronoun (lower case) implies, if any.
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        self.pronoun_genders.get(word).copied()
    }

    /// Whether a word keeps a following period: titles ("Mr", "Sen") and
    /// the suffixes of company names ("Inc", "Corp").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.abbreviations.contains(&lower) || self.company_suffixes.contains(&lower)
    }

    /// Whether `word` (as written) is an abbreviated title: capitalised
    /// ("Sen", not "sen" or "SEN") and an `abbr` line of `titles.txt`.
    pub fn is_title_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        word == capitalised(&lower) && self.abbreviations.contains(&lower)
    }

    /// Whether `word` (as written) is an abbreviation whose period may end
    /// a sentence ("Inc", "Jan", "No").
    pub fn is_ambiguous_abbreviation(&self, word: &str) -> bool {
        self.ambiguous.contains(word)
    }

    /// Whether `word` (as written) typically opens a sentence: an
    /// `opener`, capitalised ("The", not "the" or "THE").
    pub fn is_opener(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        word == capitalised(&lower) && self.is(&lower, Class::Opener)
    }

    /// Whether `word` (as written) is a form of a verb that frames a quote
    /// right after it (`"...?" Trump said`).
    pub fn frames_quote(&self, word: &str) -> bool {
        self.frame_forms.contains(word)
    }

    /// Whether `word` (lower case) is of `class`.
    pub fn is(&self, word: &str, class: Class) -> bool {
        self.classes(word).has(class)
    }
}

/// `word` with its first letter in upper case ("mr" -> "Mr").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Days and the words for them ("Tuesday", "yesterday"): adjuncts of a
/// report, never its subject or content.
pub fn is_day(word: &str) -> bool {
    lexicon().is(&word.to_lowercase(), Class::Day)
}

/// Days and months ("On September 27", "Aug."): times, never speakers.
pub fn is_time_word(word: &str) -> bool {
    let lex = lexicon();
    let lower = word.to_lowercase();
    // Abbreviated: "Aug.", "Sept.".
    let abbreviated = lower
        .strip_suffix('.')
        .is_some_and(|a| a.len() >= 3 && lex.months.iter().any(|m| m.starts_with(a)));
    lex.is(&lower, Class::Day) || lex.is(&lower, Class::Month) || abbreviated
}

/// Whether `word` (lower case) is a cardinal number: digits or a number
/// word (`30`, `five`, `one`).
pub fn is_cardinal(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || lexicon().is(word, Class::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        assert_eq!(
            inflections("say", Some("said"), None),
            ["say", "says", "said", "saying"]
        );
        assert_eq!(
            inflections("deny", Some("denied"), None),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(
            inflections("admit", Some("admitted"), None),
            ["admit", "admits", "admitted", "admitting"]
        );
        assert_eq!(
            inflections("note", None, None),
            ["note", "notes", "noted", "noting"]
        );
        assert_eq!(
            inflections("stress", None, None),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(
            inflections("write", Some("wrote"), Some("written")),
            ["write", "writes", "wrote", "written", "writing"]
        );
    }

    #[test]
    fn lexicon_knows_cues_roles_and_titles() {
        let lex = lexicon();
        assert!(lex
            .verbs("Emphasised")
            .iter()
            .any(|v| v.lemma == "emphasise"));
        assert!(lex
            .verbs("pointed")
            .iter()
            .any(|v| v.particle.as_deref() == Some("out")));
        assert!(lex
            .role("ambassador")
            .unwrap()
            .broader
            .contains(&"diplomat".to_owned()));
        assert_eq!(lex.title("Mrs."), Some(Some(Gender::Female)));
        assert!(lex.verbs("table").is_empty());
        assert!(lex
            .verbs("continues")
            .iter()
            .any(|v| v.not_before == ["to"]));
    }

    #[test]
    fn every_data_file_parses() {
        if let Err(e) = Lexicon::parse(&FILES) {
            panic!("{e}");
        }
    }

    /// The files as shipped, with `file` replaced by `text`.
    fn parse_with(file: &'static str, text: &'static str) -> Result<Lexicon, LexiconError> {
        let mut files = FILES;
        for slot in [
            &mut files.verbs,
            &mut files.phrases,
            &mut files.roles,
            &mut files.titles,
            &mut files.closed,
            &mut files.abbreviations,
        ] {
            if slot.0 == file {
                slot.1 = text;
            }
        }
        Lexicon::parse(&files)
    }

    #[test]
    fn a_malformed_line_is_named_with_its_file_and_line() {
        let error = parse_with(
            "closed.txt",
            "# words\n[preposition]\nin\tminor\tno-such-tag\n",
        )
        .expect_err("an unknown tag");
        assert_eq!((error.file, error.line), ("closed.txt", 3));
        assert_eq!(
            error.to_string(),
            "src/lexicon/data/closed.txt:3: unknown tag \"no-such-tag\""
        );
        let error = parse_with("verbs.txt", "[speech]\nsay said\n[shouting]\n").unwrap_err();
        assert_eq!((error.file, error.line), ("verbs.txt", 3));
        let error = parse_with("verbs.txt", "say said said said\n").unwrap_err();
        assert_eq!(error.line, 1);
        let error = parse_with("phrases.txt", "according\n").unwrap_err();
        assert_eq!((error.file, error.line), ("phrases.txt", 1));
        let error = parse_with("closed.txt", "before\n[be]\n").unwrap_err();
        assert_eq!(error.line, 1);
        let error = parse_with("abbreviations.txt", "Inc\tvague\n").unwrap_err();
        assert_eq!(error.file, "abbreviations.txt");
    }

    #[test]
    fn tags_put_words_in_classes_and_abbreviations_keep_their_case() {
        let lex = lexicon();
        assert!(lex.is("last", Class::FrameAdjunct) && lex.is("during", Class::ReportAdjunct));
        assert!(lex.is("sen", Class::NamePrefix) && lex.is("former", Class::Drop));
        assert!(!lex.is("said", Class::Opener));
        assert!(lex.is_opener("The") && !lex.is_opener("the") && !lex.is_opener("THE"));
        assert!(lex.is_opener("Mr") && lex.is_title_abbreviation("Sen"));
        assert!(!lex.is_title_abbreviation("sen") && !lex.is_title_abbreviation("Senator"));
        assert!(lex.is_ambiguous_abbreviation("Inc") && !lex.is_ambiguous_abbreviation("inc"));
        assert!(lex.is_abbreviation("LLC") && lex.is_abbreviation("corp"));
        assert!(lex.frames_quote("said") && lex.frames_quote("asks"));
        assert!(lex.frames_quote("remarked") && !lex.frames_quote("remarks"));
        assert!(!lex.frames_quote("say") && !lex.frames_quote("saying"));
        assert!(is_time_word("Sept.") && is_time_word("monday") && !is_time_word("Mon"));
        assert!(is_day("Yesterday") && !is_day("June"));
        assert!(is_cardinal("dozen") && is_cardinal("30") && !is_cardinal("many"));
    }

    #[test]
    fn closed_classes_and_pronoun_fields_are_read() {
        let lex = lexicon();
        let her = lex.classes("her");
        assert!(her.has(Class::Determiner) && her.has(Class::ObjectPronoun));
        assert!(her.has(Class::Possessive) && !her.has(Class::SubjectPronoun));
        assert!(lex.classes("during").has(Class::Preposition));
        assert!(lex.classes("—").has(Class::Dash) && lex.classes("--").has(Class::Dash));
        assert!(lex.classes("they").has(Class::Collective));
        assert!(lex.classes("it").has(Class::ThirdSingular));
        assert!(lex.classes("friday").has(Class::Time) && lex.classes("june").has(Class::Time));
        assert_eq!(lex.classes("table"), Classes::default());
        assert_eq!(lex.pronoun_gender("she"), Some(Gender::Female));
        assert_eq!(lex.pronoun_gender("they"), None);
        assert!(lex.takes("told", Complement::Hearer));
        assert!(lex.takes("endorsed", Complement::Object));
        assert!(!lex.takes("said", Complement::Hearer));
    }
}
