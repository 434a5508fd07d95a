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
        "Water levels in the reservoir could fall below the safe limit by August, \
         the river authority cautioned in a report published on Friday.",
        "Water levels in the reservoir could fall below the safe limit by August",
        "the river authority",
    ),
    (
        "Hospital waiting lists will keep growing unless more nurses are hired, \
         the health inspectorate found in its annual review.",
        "Hospital waiting lists will keep growing unless more nurses are hired",
        "the health inspectorate",
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

#[test]
fn combined_finds_reports_the_rules_alone_misread() {
    for &(text, content, speaker) in ADJUNCT_AFTER_CUE {
        let want = (content.to_owned(), speaker.to_owned());
        let rules = quotes(text, &["--attribution", "rules"]);
        assert!(
            !rules.contains(&want),
            "the rules alone got {want:?} from {text:?}"
        );
        assert!(
            quotes(text, &[]).contains(&want),
            "combined (the default) misses {want:?} in {text:?}"
        );
        assert!(quotes(text, &["--attribution", "model"]).contains(&want));
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
