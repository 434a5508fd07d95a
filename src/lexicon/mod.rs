//! The crate's one lexicon: every word list the stages read, kept as data
//! in `data/` and compiled into the binary, parsed once. Reporting verbs
//! with all their inflections, phrasal cues, role nouns, name titles and
//! the closed-class words with their classes (determiners, prepositions,
//! pronouns, ...) and the tagged subsets the rules ask for.

use std::collections::HashMap;
use std::sync::OnceLock;

mod classes;

use crate::model::CueClass;
pub use classes::{Class, Classes};

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

/// Grammatical gender, as far as names, titles and pronouns tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// he, Mr., spokesman
    Male,
    /// she, Mrs., spokeswoman
    Female,
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
    /// Abbreviations that keep their period (lower case, no period).
    abbreviations: Vec<String>,
    /// Closed-class word (lower case) -> its classes.
    classes: HashMap<String, Classes>,
    /// Pronoun (lower case) -> the gender it implies.
    pronoun_genders: HashMap<String, Gender>,
}

const VERBS: &str = include_str!("data/verbs.txt");
const PHRASES: &str = include_str!("data/phrases.txt");
const ROLES: &str = include_str!("data/roles.txt");
const TITLES: &str = include_str!("data/titles.txt");
const CLOSED: &str = include_str!("data/closed.txt");

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// Non-comment, non-empty lines of a lexicon file.
fn lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Parses a `gender:m` / `gender:f` field.
fn gender_field(field: &str) -> Option<Gender> {
    match field {
        "gender:m" => Some(Gender::Male),
        "gender:f" => Some(Gender::Female),
        _ => None,
    }
}

impl Lexicon {
    fn parse() -> Self {
        let mut lex = Lexicon::default();
        let mut class = VerbClass::Speech;
        for line in lines(VERBS) {
            match line {
                "[speech]" => class = VerbClass::Speech,
                "[cognition]" => class = VerbClass::Cognition,
                "[evidential]" => class = VerbClass::Evidential,
                "[portrayal]" => class = VerbClass::Portrayal,
                _ => lex.add_verb(line, class),
            }
        }
        for line in lines(PHRASES) {
            let mut fields = line.split('\t');
            let (Some(kind), Some(words)) = (fields.next(), fields.next()) else {
                panic!("phrase line: kind<TAB>words[<TAB>cue:class]");
            };
            let cue_class = fields.next().map(|tag| {
                let name = tag.strip_prefix("cue:").expect("a cue: tag");
                CueClass::parse(name).expect("a known cue class")
            });
            let kind = match kind {
                "according" => PhraseKind::According,
                "opinion" => PhraseKind::Opinion,
                "adjunct" => PhraseKind::Adjunct,
                "noun" => PhraseKind::Noun,
                other => panic!("unknown phrase kind {other}"),
            };
            let words = words.split_whitespace().map(str::to_owned).collect();
            lex.phrases.push(Phrase {
                words,
                kind,
                cue_class,
            });
        }
        for line in lines(ROLES) {
            let mut fields = line.split('\t');
            let noun = fields.next().unwrap_or_default().to_owned();
            let mut role = Role::default();
            for field in fields {
                if let Some(g) = gender_field(field) {
                    role.gender = Some(g);
                } else if field == "org" {
                    role.organisation = true;
                } else {
                    role.broader.push(field.to_owned());
                }
            }
            lex.roles.insert(noun, role);
        }
        for line in lines(TITLES) {
            let mut fields = line.split('\t');
            let title = fields.next().unwrap_or_default().to_owned();
            let fields: Vec<&str> = fields.collect();
            if fields.contains(&"abbr") {
                lex.abbreviations.push(title.clone());
            }
            let gender = fields.iter().find_map(|f| gender_field(f));
            lex.titles.insert(title, gender);
        }
        lex.parse_closed();
        lex
    }

    /// Reads `closed.txt`: `[section]` headers name the class of the words
    /// under them; pronouns may add a gender and `org`.
    fn parse_closed(&mut self) {
        let mut class = None;
        for line in lines(CLOSED) {
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                class = Some(Class::from_section(section).expect("a known closed class"));
                continue;
            }
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default().to_owned();
            let mut classes = self.classes.get(&word).copied().unwrap_or_default();
            classes = classes.with(class.expect("a section before the first word"));
            for field in fields {
                if let Some(gender) = gender_field(field) {
                    self.pronoun_genders.insert(word.clone(), gender);
                } else if field == "org" {
                    classes = classes.with(Class::Collective);
                } else if field == "3sg" {
                    classes = classes.with(Class::ThirdSingular);
                } else {
                    panic!("unknown closed-class field {field}");
                }
            }
            self.classes.insert(word, classes);
        }
    }

    fn add_verb(&mut self, line: &str, class: VerbClass) {
        let (forms, tags): (Vec<&str>, Vec<&str>) =
            line.split_whitespace().partition(|f| !f.contains(':'));
        let mut complement = None;
        let mut cue_class = class.default_cue_class();
        let mut refusal = false;
        let mut not_before = Vec::new();
        for tag in tags {
            if let Some(word) = tag.strip_prefix("not:") {
                not_before.push(word.to_owned());
                continue;
            }
            if let Some(name) = tag.strip_prefix("cue:") {
                cue_class = CueClass::parse(name).expect("a known cue class");
                continue;
            }
            if tag == "is:refusal" {
                refusal = true;
                continue;
            }
            complement = Some(match tag {
                "takes:hearer" => Complement::Hearer,
                "takes:topic" => Complement::Topic,
                "takes:object" => Complement::Object,
                other => panic!("unknown verb tag {other}"),
            });
        }
        let mut fields = forms.into_iter();
        let head = fields.next().expect("verb line has a lemma");
        let (head, clause_only) = match head.strip_suffix('*') {
            Some(h) => (h, true),
            None => (head, false),
        };
        let (lemma, particle) = match head.split_once('+') {
            Some((l, p)) => (l, Some(p.to_owned())),
            None => (head, None),
        };
        let past = fields.next().map(str::to_owned);
        let participle = fields.next().map(str::to_owned);
        let verb = Verb {
            lemma: lemma.to_owned(),
            class,
            particle,
            clause_only,
            complement,
            cue_class,
            refusal,
            not_before,
        };
        for form in inflections(lemma, past.as_deref(), participle.as_deref()) {
            let entries = self.verbs.entry(form).or_default();
            if !entries.contains(&verb) {
                entries.push(verb.clone());
            }
        }
    }

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
        const COMPANY_SUFFIXES: &[&str] = &["inc", "corp", "co", "ltd", "llc", "bros"];
        let lower = word.to_lowercase();
        self.abbreviations.contains(&lower) || COMPANY_SUFFIXES.contains(&lower.as_str())
    }
}

/// Days and the words for them ("Tuesday", "yesterday"): adjuncts of a
/// report, never its subject or content.
pub fn is_day(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
    ];
    DAYS.contains(&word.to_lowercase().as_str())
}

/// Days and months ("On September 27"): times, never speakers.
pub fn is_time_word(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.to_lowercase();
    // Abbreviated: "Aug.", "Sept.".
    let abbreviated = lower
        .strip_suffix('.')
        .is_some_and(|a| a.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(a)));
    is_day(word) || MONTHS.contains(&lower.as_str()) || abbreviated
}

/// Whether `word` (lower case) is a cardinal number: digits or a number
/// word (`30`, `five`, `one`).
pub fn is_cardinal(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "dozen", "hundred", "thousand", "million",
    ];
    word.starts_with(|c: char| c.is_ascii_digit()) || NUMBERS.contains(&word)
}

/// Every inflected form of a verb: base, 3rd person, past, participle,
/// gerund. Irregular past and participle come from the lexicon line.
pub fn inflections(lemma: &str, past: Option<&str>, participle: Option<&str>) -> Vec<String> {
    let consonant_y = lemma.ends_with('y')
        && !lemma
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c));
    let stem_y = || &lemma[..lemma.len() - 1];
    let third = if consonant_y {
        format!("{}ies", stem_y())
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let regular_past = if consonant_y {
        format!("{}ied", stem_y())
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let past = past.map_or(regular_past, str::to_owned);
    let participle = participle.map_or_else(|| past.clone(), str::to_owned);
    let gerund = match past.strip_suffix("ed") {
        // A doubled final consonant carries over: admitted -> admitting.
        Some(stem) if stem.len() > lemma.len() && stem.starts_with(lemma) => format!("{stem}ing"),
        _ if lemma.ends_with("ie") => format!("{}ying", &lemma[..lemma.len() - 2]),
        _ if lemma.ends_with('e') && !lemma.ends_with("ee") => {
            format!("{}ing", &lemma[..lemma.len() - 1])
        }
        _ => format!("{lemma}ing"),
    };
    let mut forms = vec![lemma.to_owned(), third, past, participle, gerund];
    forms.dedup();
    forms
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
