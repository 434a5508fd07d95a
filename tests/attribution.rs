//! The rule stage on the hand-written cases of `attribution_cases.toml`,
//! with hand-made entities in place of the model; and, when asked, the
//! PolNeAR evaluation without the model.

use quotelink::attribution::{Attributor, QuoteKind, RuleAttributor, MAX_REPORT_TOKENS};
use quotelink::document::Document;
use quotelink::ner::{Entity, EntityLabel};
use quotelink::segment::{Segmenter, SentenceSplitter};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    entities: Vec<(String, String)>,
    #[serde(default)]
    quote: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    kind: String,
    cue: String,
    speaker: String,
    canonical: String,
}

/// A document with sentences and every occurrence of each listed entity.
fn document(case: &Case) -> Document {
    let mut doc = Document::new(case.name.clone(), case.text.clone());
    doc.sentences = SentenceSplitter.segment(&doc);
    let mut entities = Vec::new();
    for (text, label) in &case.entities {
        let label = EntityLabel::parse(label).expect("a CoNLL label");
        for (start, _) in case.text.match_indices(text.as_str()) {
            let span = doc.span(start..start + text.len());
            let clashes = entities.iter().any(|e: &Entity| e.span.overlaps(&span));
            if !clashes {
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
fn observed(doc: &Document, q: &quotelink::attribution::Quote) -> Expected {
    let text_of = |s: &Option<quotelink::Span>| s.as_ref().map_or("", |s| doc.slice(s)).to_owned();
    Expected {
        text: doc.slice(&q.span).to_owned(),
        kind: serde_json::to_value(q.kind)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned(),
        cue: text_of(&q.cue),
        speaker: text_of(&q.speaker),
        canonical: q
            .speaker_id
            .map_or_else(String::new, |id| doc.speakers[id].name.clone()),
    }
}

#[test]
fn table_of_constructions() {
    let cases: Cases = toml::from_str(include_str!("attribution_cases.toml")).expect("valid table");
    let mut failures = Vec::new();
    for case in &cases.case {
        let mut doc = document(case);
        RuleAttributor::default().attribute(&mut doc);
        let got: Vec<Expected> = doc.quotes.iter().map(|q| observed(&doc, q)).collect();
        let same = got.len() == case.quote.len()
            && got.iter().zip(&case.quote).all(|(g, e)| {
                (&g.text, &g.kind, &g.cue, &g.speaker, &g.canonical)
                    == (&e.text, &e.kind, &e.cue, &e.speaker, &e.canonical)
            });
        if !same {
            failures.push(format!(
                "{}:\n  expected {:#?}\n  got {:#?}",
                case.name, case.quote, got
            ));
        }
        for q in &doc.quotes {
            assert!(
                (0.0..=1.0).contains(&q.confidence),
                "{}: confidence",
                case.name
            );
            if let Some(id) = q.speaker_id {
                assert!(doc.speakers[id]
                    .mentions
                    .contains(q.speaker.as_ref().unwrap()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

/// A run-on "sentence" as long as a document, full of cues: each report
/// takes its content from a bounded window around its cue, so the quotes
/// stay proportional to the text instead of each spanning all of it.
#[test]
fn run_on_sentence_keeps_reports_near_their_cues() {
    let text = "the plan, according to Smith, would fail and the vote ".repeat(3000);
    let mut doc = Document::new("run-on", text);
    doc.sentences = SentenceSplitter.segment(&doc);
    RuleAttributor::default().attribute(&mut doc);
    assert!(doc.quotes.len() > 1000, "{} quotes", doc.quotes.len());
    for q in doc.quotes.iter().filter(|q| q.kind != QuoteKind::Direct) {
        let words = doc.slice(&q.span).split_whitespace().count();
        assert!(words <= 2 * MAX_REPORT_TOKENS, "a report of {words} words");
    }
}

/// `cargo test --release --test attribution -- --ignored --nocapture`:
/// PolNeAR train and dev without the model (the CLI scores with it).
#[test]
#[ignore = "reads the PolNeAR corpus; for tuning"]
fn polnear_without_model() {
    let pipeline = quotelink::Pipeline::without_model();
    for split in ["train", "dev"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/polnear")
            .join(split);
        let report =
            quotelink::eval::polnear::evaluate(&dir, &pipeline).expect("PolNeAR is readable");
        println!("{report}");
    }
}
