//! The rule stage on inputs built for a property rather than a case (the
//! cases are in `cases/*.toml`).

use quotelink::attribution::{Attributor, RuleAttributor, MAX_REPORT_TOKENS};
use quotelink::document::Document;
use quotelink::model::QuoteKind;
use quotelink::segment::{Segmenter, SentenceSplitter};

/// This module's tests, run by `main` as `attribution::NAME`.
pub const TESTS: &[(&str, fn())] = tests![run_on_sentence_keeps_reports_near_their_cues];

/// A run-on "sentence" as long as a document, full of cues: each report
/// takes its content from a bounded window around its cue, so the quotes
/// stay proportional to the text instead of each spanning all of it.
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
