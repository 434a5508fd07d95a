//! `--attribution rules|model|combined` with the shipped model: the
//! quote tagger finds a report the rules alone misread, the methods differ
//! only where the tagger runs, and `--no-ner` is the rules whatever the
//! method.

use serde_json::Value;

use crate::common::{json_lines, quotelink, stderr};

/// Content-first reports whose cue is followed by an adjunct (`..., X
/// cautioned in a report published on Friday`): the rules take the
/// adjunct for the content; the tagger reads the clause before the frame.
const ADJUNCT_AFTER_CUE: &[(&str, &str, &str)] = &[
    (
        "The merger would raise fares on most domestic routes, consumer groups \
         told lawmakers at a hearing on Wednesday.",
        "The merger would raise fares on most domestic routes",
        "consumer groups",
    ),
    (
        "The new stadium will not be finished before the 2028 season, the city \
         council admitted at a press conference on Monday.",
        "The new stadium will not be finished before the 2028 season",
        "the city council",
    ),
    (
        "The drug cut the risk of stroke by a third, the researchers reported in \
         the journal on Wednesday.",
        "The drug cut the risk of stroke by a third",
        "the researchers",
    ),
    (
        "Rents in the capital have doubled in a decade, tenant organisations \
         pointed out during a protest outside parliament on Saturday.",
        "Rents in the capital have doubled in a decade",
        "tenant organisations",
    ),
];

/// `(content, speaker)` of every quote of one document run with `args`.
fn quotes(text: &str, args: &[&str]) -> Vec<(String, String)> {
    let input = serde_json::json!({"id": "t", "text": text}).to_string();
    let mut all = vec!["--jsonl", "-"];
    all.extend_from_slice(args);
    let out = quotelink(&all, input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = json_lines(&out.stdout);
    let field = |q: &Value, k: &str| q[k]["text"].as_str().unwrap_or_default().to_owned();
    records[0]["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap_or_default().to_owned(),
                field(q, "speaker"),
            )
        })
        .collect()
}

/// Whether a quote `(content, speaker)` reports `clause` by `speaker`:
/// its content opens the clause and holds most of it, and nothing after.
fn reports(quote: &(String, String), clause: &str, speaker: &str) -> bool {
    let (content, by) = quote;
    by == speaker && clause.starts_with(content.as_str()) && 2 * content.len() > clause.len()
}

#[test]
fn combined_finds_reports_the_rules_alone_misread() {
    for &(text, clause, speaker) in ADJUNCT_AFTER_CUE {
        let found = |args: &[&str]| {
            quotes(text, args)
                .iter()
                .any(|q| reports(q, clause, speaker))
        };
        assert!(
            !found(&["--attribution", "rules"]),
            "the rules alone read {text:?}"
        );
        assert!(
            found(&[]),
            "combined (the default) misses the report in {text:?}"
        );
        assert!(
            found(&["--attribution", "model"]),
            "model misses the report in {text:?}"
        );
    }
}

#[test]
fn without_the_model_every_method_is_the_rules() {
    let (text, ..) = ADJUNCT_AFTER_CUE[0];
    let rules = quotes(text, &["--no-ner"]);
    assert!(!rules.is_empty(), "the rules find the misread report");
    for method in ["model", "combined"] {
        assert_eq!(quotes(text, &["--no-ner", "--attribution", method]), rules);
    }
}
