//! Speaker gender from the text of one annotated document: the evidence
//! around a speaker's mentions decides `female`, `male` or nothing.
//!
//! Evidence, strongest first ([`GenderEvidence`]):
//! 1. pronouns resolved to the speaker (a mention that is `he`, `she`, ...);
//! 2. honorifics on or just before a name mention (`Mr.`, `Mrs.`, `Ms.`);
//! 3. gendered role nouns in a mention, just before it (`spokeswoman Jane
//!    Doe`), or in an appositive after it (`Doe, a spokeswoman for ...`);
//! 4. the first name of the canonical name, when at least 98% of the US
//!    births with that name were of one sex (see `scripts/first_names.py`).
//!
//! Any two pieces of evidence that disagree give no gender; otherwise the
//! strongest class present is reported as the evidence. Only persons get
//! a gender. Stage 4: it runs after attribution, on
//! [`Document::speakers`], and fills [`Document::genders`] ([`run`]).

mod evidence;

use crate::document::Document;
use crate::model::{EntityLabel, GenderCall};

/// The gender of speaker `speaker` of `doc` (an index into
/// [`Document::speakers`]), or `None` when there is no evidence, the
/// evidence conflicts, or the speaker is not a person.
pub fn infer(doc: &Document, speaker: usize) -> Option<GenderCall> {
    let speaker = &doc.speakers[speaker];
    if speaker.label != EntityLabel::Per {
        return None;
    }
    let mut votes = evidence::Votes::default();
    for mention in &speaker.mentions {
        evidence::from_mention(&doc.text, mention, &mut votes);
    }
    evidence::from_name(&speaker.name, &mut votes);
    votes.decide()
}

/// The gender of every speaker of `doc`, in [`Document::speakers`] order.
pub fn infer_all(doc: &Document) -> Vec<Option<GenderCall>> {
    (0..doc.speakers.len()).map(|i| infer(doc, i)).collect()
}

/// The gender stage: fills [`Document::genders`] from the speakers the
/// rule stage found.
pub fn run(doc: &mut Document) {
    doc.genders = infer_all(doc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Gender, GenderEvidence, Speaker};

    /// A document with one speaker whose mentions are the given substrings.
    fn call(text: &str, name: &str, label: EntityLabel, mentions: &[&str]) -> Option<GenderCall> {
        let mut doc = Document::new("t", text);
        let mut spans = Vec::new();
        let mut from = 0;
        for m in mentions {
            let at = from + doc.text[from..].find(m).expect("mention in text");
            spans.push(doc.span(at..at + m.len()));
            from = at + m.len();
        }
        doc.speakers.push(Speaker {
            name: name.into(),
            label,
            mentions: spans,
            quotes: vec![],
        });
        infer(&doc, 0)
    }

    fn per(text: &str, name: &str, mentions: &[&str]) -> Option<(Gender, GenderEvidence)> {
        call(text, name, EntityLabel::Per, mentions).map(|c| (c.gender, c.evidence))
    }

    use Gender::*;
    use GenderEvidence::*;

    #[test]
    fn pronouns_resolved_to_the_speaker_are_the_strongest_evidence() {
        let text = "Jordan Lee said no. \"Never,\" she said. Lee, a lawyer, left.";
        assert_eq!(
            per(text, "Jordan Lee", &["Jordan Lee", "she"]),
            Some((Female, Pronoun))
        );
    }

    #[test]
    fn honorifics_on_or_before_a_name() {
        let text = "Mrs. Lee said no. Later Mr. Park said yes.";
        assert_eq!(per(text, "Lee", &["Mrs. Lee"]), Some((Female, Honorific)));
        assert_eq!(per(text, "Park", &["Park"]), Some((Male, Honorific)));
    }

    #[test]
    fn role_nouns_in_before_and_after_a_mention() {
        let text = "Spokeswoman Kim Lee said no. Alex Park, a spokesman for the firm, agreed.";
        assert_eq!(per(text, "Kim Lee", &["Kim Lee"]), Some((Female, Role)));
        assert_eq!(per(text, "Alex Park", &["Alex Park"]), Some((Male, Role)));
        let within = "The company's chairwoman said no.";
        assert_eq!(
            per(within, "chairwoman", &["The company's chairwoman"]),
            Some((Female, Role))
        );
    }

    #[test]
    fn a_possessive_or_a_relative_clause_is_not_the_speakers_role() {
        let text = "Robin Park, whose wife is a judge, said no. The actress's lawyer agreed.";
        assert_eq!(per(text, "Robin Park", &["Robin Park"]), None);
        assert_eq!(per(text, "lawyer", &["The actress's lawyer"]), None);
    }

    #[test]
    fn first_names_only_when_nothing_else_speaks() {
        let text = "Donald Smith said no. Elizabeth Warren said yes.";
        assert_eq!(
            per(text, "Donald Smith", &["Donald Smith"]),
            Some((Male, FirstName))
        );
        assert_eq!(
            per(text, "Elizabeth Warren", &["Elizabeth Warren"]),
            Some((Female, FirstName))
        );
        assert_eq!(
            per(text, "Smith", &["Smith"]),
            None,
            "a surname alone says nothing"
        );
    }

    #[test]
    fn conflicting_evidence_gives_none() {
        let text = "Mr. Lee said no. \"Never,\" she said.";
        assert_eq!(per(text, "Lee", &["Mr. Lee", "she"]), None);
        let text = "Donald Lee said no. \"Never,\" she said.";
        assert_eq!(per(text, "Donald Lee", &["Donald Lee", "she"]), None);
    }

    #[test]
    fn only_persons_get_a_gender() {
        let text = "Acme said no. \"Never,\" she said.";
        assert_eq!(call(text, "Acme", EntityLabel::Org, &["Acme", "she"]), None);
    }
}
