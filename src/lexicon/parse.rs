//! Reading the data files into a [`Lexicon`]: one function per file, each
//! line checked, so a malformed line is reported with its file and line
//! (the tests parse every file, so a bad edit fails the build's tests).

use super::classes::Class;
use super::{Complement, Lexicon, Phrase, PhraseKind, Role, Verb, VerbClass};
use crate::model::{CueClass, Gender};

/// A data file: its name (for messages) and its text.
pub type File = (&'static str, &'static str);

/// A line of a data file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("src/lexicon/data/{file}:{line}: {message}")]
pub struct LexiconError {
    /// The file's name in `src/lexicon/data`.
    pub file: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// The non-comment, non-empty lines of `file`, with their numbers and a
/// way to report an error on each.
fn lines(file: File) -> impl Iterator<Item = Line> {
    let (name, text) = file;
    text.lines()
        .enumerate()
        .map(move |(i, l)| Line {
            file: name,
            number: i + 1,
            text: l.trim(),
        })
        .filter(|l| !l.text.is_empty() && !l.text.starts_with('#'))
}

/// One line of a data file.
struct Line {
    file: &'static str,
    number: usize,
    text: &'static str,
}

impl Line {
    /// An error on this line.
    fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.file,
            line: self.number,
            message: message.into(),
        }
    }

    /// A `[section]` header's name.
    fn section(&self) -> Option<&'static str> {
        self.text.strip_prefix('[')?.strip_suffix(']')
    }

    /// The line's first field and the rest, split at whitespace.
    fn fields(&self) -> (&'static str, impl Iterator<Item = &'static str>) {
        let mut fields = self.text.split_whitespace();
        (fields.next().unwrap_or_default(), fields)
    }
}

/// Parses a `gender:m` / `gender:f` field.
fn gender_field(field: &str) -> Option<Gender> {
    match field {
        "gender:m" => Some(Gender::Male),
        "gender:f" => Some(Gender::Female),
        _ => None,
    }
}

/// Parses a `cue:CLASS` tag.
fn cue_class(line: &Line, tag: &str) -> Result<CueClass, LexiconError> {
    CueClass::parse(tag).ok_or_else(|| line.error(format!("unknown cue class {tag:?}")))
}

/// The lexicon files, by name.
pub struct Files {
    /// `verbs.txt`: reporting verbs.
    pub verbs: File,
    /// `phrases.txt`: phrasal cues.
    pub phrases: File,
    /// `roles.txt`: role nouns.
    pub roles: File,
    /// `titles.txt`: titles before a name.
    pub titles: File,
    /// `closed.txt`: closed-class words and the tagged subsets.
    pub closed: File,
    /// `abbreviations.txt`: abbreviations that may end a sentence.
    pub abbreviations: File,
}

impl Lexicon {
    /// Reads every file; the first malformed line is the error.
    pub fn parse(files: &Files) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        lex.parse_verbs(files.verbs)?;
        lex.parse_phrases(files.phrases)?;
        lex.parse_roles(files.roles)?;
        lex.parse_titles(files.titles)?;
        lex.parse_closed(files.closed)?;
        lex.parse_abbreviations(files.abbreviations)?;
        Ok(lex)
    }

    fn parse_verbs(&mut self, file: File) -> Result<(), LexiconError> {
        let mut class = VerbClass::Speech;
        for line in lines(file) {
            class = match line.section() {
                Some("speech") => VerbClass::Speech,
                Some("cognition") => VerbClass::Cognition,
                Some("evidential") => VerbClass::Evidential,
                Some("portrayal") => VerbClass::Portrayal,
                Some(other) => return Err(line.error(format!("unknown verb section [{other}]"))),
                None => {
                    self.add_verb(&line, class)?;
                    continue;
                }
            };
        }
        Ok(())
    }

    fn parse_phrases(&mut self, file: File) -> Result<(), LexiconError> {
        for line in lines(file) {
            let mut fields = line.text.split('\t');
            let (Some(kind), Some(words)) = (fields.next(), fields.next()) else {
                return Err(line.error("a phrase line is kind<TAB>words[<TAB>cue:class]"));
            };
            let cue_class = match fields.next() {
                Some(tag) => match tag.strip_prefix("cue:") {
                    Some(name) => Some(cue_class(&line, name)?),
                    None => return Err(line.error(format!("expected a cue: tag, not {tag:?}"))),
                },
                None => None,
            };
            let kind = match kind {
                "according" => PhraseKind::According,
                "opinion" => PhraseKind::Opinion,
                "adjunct" => PhraseKind::Adjunct,
                "noun" => PhraseKind::Noun,
                other => return Err(line.error(format!("unknown phrase kind {other:?}"))),
            };
            let words = words.split_whitespace().map(str::to_owned).collect();
            self.phrases.push(Phrase {
                words,
                kind,
                cue_class,
            });
        }
        Ok(())
    }

    fn parse_roles(&mut self, file: File) -> Result<(), LexiconError> {
        for line in lines(file) {
            let (noun, fields) = line.fields();
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
            self.roles.insert(noun.to_owned(), role);
        }
        Ok(())
    }

    /// Titles: `abbr` and `gender:` fields, and tags that put the title
    /// in a class (`opener`, `drop`, `name-prefix`).
    fn parse_titles(&mut self, file: File) -> Result<(), LexiconError> {
        for line in lines(file) {
            let (title, fields) = line.fields();
            let mut gender = None;
            for field in fields {
                if field == "abbr" {
                    self.abbreviations.push(title.to_owned());
                } else if let Some(g) = gender_field(field) {
                    gender = Some(g);
                } else {
                    self.add_tag(&line, title, field)?;
                }
            }
            self.titles.insert(title.to_owned(), gender);
        }
        Ok(())
    }

    /// Reads `closed.txt`: `[section]` headers name the class of the
    /// words under them (`[other]`: none); a word's fields are a pronoun's
    /// gender or tags that name more classes.
    fn parse_closed(&mut self, file: File) -> Result<(), LexiconError> {
        let mut class = None;
        for line in lines(file) {
            if let Some(section) = line.section() {
                class = match section {
                    "other" => Some(None),
                    name => match Class::from_section(name) {
                        Some(c) => Some(Some(c)),
                        None => return Err(line.error(format!("unknown class [{name}]"))),
                    },
                };
                continue;
            }
            let Some(class) = class else {
                return Err(line.error("a word before the first [section]"));
            };
            let (word, fields) = line.fields();
            let entry = self.classes.entry(word.to_owned()).or_default();
            *entry = class.map_or(*entry, |c| entry.with(c));
            for field in fields {
                match gender_field(field) {
                    Some(gender) => {
                        self.pronoun_genders.insert(word.to_owned(), gender);
                    }
                    None => self.add_tag(&line, word, field)?,
                }
            }
        }
        Ok(())
    }

    /// `Word<TAB>tags`: `ambiguous` (may end a sentence before an opener)
    /// and `company` (a company suffix), matched as written.
    fn parse_abbreviations(&mut self, file: File) -> Result<(), LexiconError> {
        for line in lines(file) {
            let (word, fields) = line.fields();
            for field in fields {
                match field {
                    "ambiguous" => self.ambiguous.insert(word.to_owned()),
                    "company" => self.company_suffixes.insert(word.to_lowercase()),
                    other => return Err(line.error(format!("unknown abbreviation tag {other:?}"))),
                };
            }
        }
        Ok(())
    }

    /// Adds the class `tag` names to `word`.
    fn add_tag(&mut self, line: &Line, word: &str, tag: &str) -> Result<(), LexiconError> {
        let class =
            Class::from_tag(tag).ok_or_else(|| line.error(format!("unknown tag {tag:?}")))?;
        let entry = self.classes.entry(word.to_owned()).or_default();
        *entry = entry.with(class);
        if class == Class::Month && !self.months.iter().any(|m| m == word) {
            self.months.push(word.to_owned());
        }
        Ok(())
    }

    fn add_verb(&mut self, line: &Line, class: VerbClass) -> Result<(), LexiconError> {
        let (forms, tags): (Vec<&str>, Vec<&str>) =
            line.text.split_whitespace().partition(|f| !f.contains(':'));
        let mut complement = None;
        let mut cue = class.default_cue_class();
        let mut refusal = false;
        let mut frames: &[usize] = &[];
        let mut not_before = Vec::new();
        for tag in tags {
            if let Some(word) = tag.strip_prefix("not:") {
                not_before.push(word.to_owned());
                continue;
            }
            if let Some(name) = tag.strip_prefix("cue:") {
                cue = cue_class(line, name)?;
                continue;
            }
            match tag {
                "is:refusal" => refusal = true,
                // Indexes into `inflections`: its past, or -s and past.
                "frame:past" => frames = &[2],
                "frame:past+s" => frames = &[1, 2],
                "takes:hearer" => complement = Some(Complement::Hearer),
                "takes:topic" => complement = Some(Complement::Topic),
                "takes:object" => complement = Some(Complement::Object),
                other => return Err(line.error(format!("unknown verb tag {other:?}"))),
            }
        }
        let mut fields = forms.into_iter();
        let head = fields
            .next()
            .ok_or_else(|| line.error("a verb line needs a lemma"))?;
        let (head, clause_only) = match head.strip_suffix('*') {
            Some(h) => (h, true),
            None => (head, false),
        };
        let (lemma, particle) = match head.split_once('+') {
            Some((l, p)) => (l, Some(p.to_owned())),
            None => (head, None),
        };
        let past = fields.next();
        let participle = fields.next();
        if let Some(extra) = fields.next() {
            return Err(line.error(format!(
                "more forms than lemma, past, participle: {extra:?}"
            )));
        }
        let verb = Verb {
            lemma: lemma.to_owned(),
            class,
            particle,
            clause_only,
            complement,
            cue_class: cue,
            refusal,
            not_before,
        };
        let forms = inflections(lemma, past, participle);
        self.frame_forms
            .extend(frames.iter().map(|&i| forms[i].clone()));
        for form in forms {
            let entries = self.verbs.entry(form).or_default();
            if !entries.contains(&verb) {
                entries.push(verb.clone());
            }
        }
        Ok(())
    }
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
