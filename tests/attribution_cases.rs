//! The rule stage on the hand-written cases of `attribution_cases.toml`,
//! with hand-made entities in place of the model: one test per case, named
//! `GROUP::NAME`, so that a filter runs one case or one group
//! (`cargo test --release --test attribution_cases -- 'indirect without
//! that'`, `... -- clause_ends::`). A plain harness (`harness = false` in
//! Cargo.toml) built on libtest-mimic, which honours libtest's arguments.

use libtest_mimic::{Arguments, Failed, Trial};
use quotelink::attribution::{Attributor, Quote, RuleAttributor};
use quotelink::document::Document;
use quotelink::model::{Entity, EntityLabel};
use quotelink::segment::{Segmenter, SentenceSplitter};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// The construction the case belongs to.
    group: String,
    text: String,
    entities: Vec<(String, String)>,
    #[serde(default)]
    quote: Vec<Expected>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    kind: String,
    cue: String,
    speaker: String,
    canonical: String,
    /// The content fragments, when the case lists them.
    #[serde(default)]
    parts: Option<Vec<String>>,
    /// The cue's class, when the case gives it.
    #[serde(default)]
    cue_class: Option<String>,
    /// Whether the report is denied or refused, when the case says.
    #[serde(default)]
    negated: Option<bool>,
}

impl Expected {
    /// `got` with only the optional fields this expectation gives.
    fn compared(&self, got: &Expected) -> Expected {
        Expected {
            parts: self.parts.as_ref().and(got.parts.clone()),
            cue_class: self.cue_class.as_ref().and(got.cue_class.clone()),
            negated: self.negated.and(got.negated),
            ..got.clone()
        }
    }
}

/// A document with sentences and every occurrence of each listed entity.
fn document(case: &Case) -> Document {
    let mut doc = Document::new(case.name.clone(), case.text.clone());
    doc.sentences = SentenceSplitter.segment(&doc);
    let mut entities: Vec<Entity> = Vec::new();
    for (text, label) in &case.entities {
        let label = EntityLabel::parse(label).expect("a CoNLL label");
        for (start, _) in case.text.match_indices(text.as_str()) {
            let span = doc.span(start..start + text.len());
            if !entities.iter().any(|e| e.span.overlaps(&span)) {
                entities.push(Entity {
                    span,
                    label,
                    score: 1.0,
                });
            }
        }
    }
    entities.sort_by_key(|e| e.span.byte.start);
    doc.entities = entities;
    doc
}

/// What the stage produced for one quote, in the terms of the table.
fn observed(doc: &Document, q: &Quote) -> Expected {
    let text_of = |s: &Option<quotelink::Span>| s.as_ref().map_or("", |s| doc.slice(s)).to_owned();
    Expected {
        text: doc.slice(&q.span).to_owned(),
        kind: serde_json::to_value(q.kind)
            .expect("kinds serialise")
            .as_str()
            .expect("as a string")
            .to_owned(),
        cue: text_of(&q.cue),
        speaker: text_of(&q.speaker),
        canonical: q
            .speaker_id
            .map_or_else(String::new, |id| doc.speakers[id].name.clone()),
        parts: Some(q.parts.iter().map(|p| doc.slice(p).to_owned()).collect()),
        cue_class: q.cue_class.map(|c| c.as_str().to_owned()),
        negated: Some(q.negated),
    }
}

/// Runs one case: the quotes found must be the expected ones, in order,
/// with confidences in [0, 1] and each speaker's mentions holding the
/// quote's speaker mention.
fn run(case: &Case) -> Result<(), Failed> {
    let mut doc = document(case);
    RuleAttributor::default().attribute(&mut doc);
    let got: Vec<Expected> = doc.quotes.iter().map(|q| observed(&doc, q)).collect();
    let compared: Vec<Expected> = case
        .quote
        .iter()
        .zip(&got)
        .map(|(want, got)| want.compared(got))
        .collect();
    if got.len() != case.quote.len() || compared != case.quote {
        return Err(format!("expected {:#?}\ngot {:#?}", case.quote, got).into());
    }
    for q in &doc.quotes {
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!("confidence {} out of [0, 1]", q.confidence).into());
        }
        if let Some(id) = q.speaker_id {
            let mention = q.speaker.as_ref().ok_or("a speaker id without a mention")?;
            if !doc.speakers[id].mentions.contains(mention) {
                return Err("the speaker's mentions lack the quote's mention".into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let cases: Cases = toml::from_str(include_str!("attribution_cases.toml")).expect("valid table");
    let mut names = std::collections::HashSet::new();
    let trials = cases
        .case
        .into_iter()
        .map(|case| {
            let name = format!("{}::{}", case.group, case.name);
            assert!(names.insert(name.clone()), "two cases are named {name}");
            Trial::test(name, move || run(&case))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
