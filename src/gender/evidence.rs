//! Gathering gender evidence around one speaker's mentions and name, and
//! deciding from it.

use crate::document::Span;
use crate::lexicon::gender as words;
use crate::lexicon::{lexicon, Class};
use crate::model::{Gender, GenderCall, GenderEvidence};

/// Words that open a relative or reported clause: after them, a role noun
/// belongs to someone else (`Park, whose wife ...`).
const CLAUSE_OPENERS: [&str; 7] = ["who", "whose", "whom", "which", "that", "said", "says"];

/// Longest appositive looked at, in bytes.
const MAX_APPOSITIVE: usize = 100;

/// Evidence counted per class and gender.
#[derive(Debug, Default)]
pub struct Votes {
    /// `[female, male]` per class, in [`GenderEvidence`] order.
    counts: [[u32; 2]; 4],
}

impl Votes {
    fn add(&mut self, gender: Gender, class: GenderEvidence) {
        self.counts[class as usize][gender as usize] += 1;
    }

    /// Conflicting evidence gives `None`; otherwise the gender with its
    /// strongest class.
    pub fn decide(&self) -> Option<GenderCall> {
        let female: u32 = self.counts.iter().map(|c| c[0]).sum();
        let male: u32 = self.counts.iter().map(|c| c[1]).sum();
        let gender = match (female > 0, male > 0) {
            (true, false) => Gender::Female,
            (false, true) => Gender::Male,
            _ => return None,
        };
        let classes = [
            GenderEvidence::Pronoun,
            GenderEvidence::Honorific,
            GenderEvidence::Role,
            GenderEvidence::FirstName,
        ];
        let evidence = classes
            .into_iter()
            .find(|&c| self.counts[c as usize] != [0, 0])?;
        Some(GenderCall { gender, evidence })
    }
}

/// Lower-case words of `text` with whether each is possessive (`company's`
/// gives `("company", true)`).
fn words(text: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .or_else(|| w.strip_suffix('\''))
                .or_else(|| w.strip_suffix('’'));
            let word = bare.unwrap_or(w).trim_matches(['\'', '’']);
            (word.to_lowercase(), bare.is_some())
        })
}

/// Role nouns in `words` (possessives skipped), up to the first word that
/// opens a clause.
fn roles(words: impl Iterator<Item = (String, bool)>, votes: &mut Votes) {
    for (word, possessive) in words {
        if CLAUSE_OPENERS.contains(&word.as_str()) {
            break;
        }
        if let (false, Some((gender, GenderEvidence::Role))) = (possessive, words::word(&word)) {
            votes.add(gender, GenderEvidence::Role);
        }
    }
}

/// Evidence from one mention of the speaker in `text`.
pub fn from_mention(text: &str, mention: &Span, votes: &mut Votes) {
    let surface = mention.text(text);
    let (head, rest) = match surface.split_once(',') {
        Some((head, rest)) => (head, Some(rest)),
        None => (surface, None),
    };
    let head_words: Vec<(String, bool)> = words(head).collect();
    if let [(word, false)] = head_words.as_slice() {
        if let Some((gender, GenderEvidence::Pronoun)) = words::word(word) {
            return votes.add(gender, GenderEvidence::Pronoun);
        }
    }
    if let Some((word, _)) = head_words.first() {
        if let Some((gender, GenderEvidence::Honorific)) = words::word(word) {
            votes.add(gender, GenderEvidence::Honorific);
        }
    }
    roles(head_words.into_iter(), votes);
    // The word just before the mention: a title (`spokeswoman Kim Lee`) or
    // an honorific (`Mr. Park`); after a period, only an honorific.
    let before = text[..mention.byte.start].trim_end_matches(' ');
    let (before, period) = match before.strip_suffix('.') {
        Some(before) => (before, true),
        None => (before, false),
    };
    let previous = before.rsplit(|c: char| !c.is_alphabetic()).next();
    let spaced = before.len() < mention.byte.start;
    if let (Some(word), true) = (previous.filter(|w| !w.is_empty()), spaced) {
        match words::word(&word.to_lowercase()) {
            Some((gender, class @ GenderEvidence::Honorific)) => votes.add(gender, class),
            Some((gender, class @ GenderEvidence::Role)) if !period => votes.add(gender, class),
            _ => {}
        }
    }
    let after = match rest {
        Some(rest) => rest,
        None => match text[mention.byte.end..].strip_prefix(", ") {
            Some(after) => after,
            None => return,
        },
    };
    appositive(after, votes);
}

/// A noun phrase after a comma that describes the speaker.
fn appositive(after: &str, votes: &mut Votes) {
    let mut end = after.len().min(MAX_APPOSITIVE);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let phrase = after[..end].split([',', '.', ';', ':', '(', ')', '—', '"', '“', '”']);
    let phrase = phrase.into_iter().next().unwrap_or("");
    let mut phrase_words = words(phrase).peekable();
    let opens = phrase_words.peek().is_some_and(|(w, _)| {
        lexicon().is(w, Class::Appositive)
            || matches!(words::word(w), Some((_, GenderEvidence::Role)))
    });
    if opens {
        roles(phrase_words, votes);
    }
}

/// Evidence from the canonical name: its first name, when the name has a
/// surname too (a single word may be a surname: `Jordan`).
pub fn from_name(name: &str, votes: &mut Votes) {
    let mut name_words = words(name)
        .filter(|(w, _)| {
            !matches!(
                words::word(w),
                Some((_, GenderEvidence::Honorific | GenderEvidence::Role))
            )
        })
        .skip_while(|(w, _)| lexicon().is(w, Class::NamePrefix));
    let (Some((first, false)), Some(_)) = (name_words.next(), name_words.next()) else {
        return;
    };
    if let Some(gender) = words::first_name(&first) {
        votes.add(gender, GenderEvidence::FirstName);
    }
}
