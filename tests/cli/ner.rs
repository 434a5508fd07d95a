//! The shipped named-entity model, loaded and run through the pipeline.

use quotelink::model::EntityLabel::{self, *};
use quotelink::{Document, Pipeline};

fn entities(texts: &[&str]) -> Vec<Vec<(String, EntityLabel)>> {
    let pipeline = Pipeline::with_model(&quotelink::ner::default_model_dir())
        .expect("the shipped model loads");
    let mut docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(i.to_string(), *t))
        .collect();
    docs.iter_mut().for_each(|d| pipeline.segment(d));
    pipeline.recognize(&mut docs).expect("the model runs");
    docs.iter()
        .map(|d| {
            d.entities
                .iter()
                .map(|e| {
                    let chars: Vec<char> = d.text.chars().collect();
                    let by_chars: String = chars[e.span.char.clone()].iter().collect();
                    assert_eq!(by_chars, d.slice(&e.span), "char and byte spans agree");
                    assert!((0.0..=1.0).contains(&e.score));
                    (by_chars, e.label)
                })
                .collect()
        })
        .collect()
}

fn owned(pairs: &[(&str, EntityLabel)]) -> Vec<(String, EntityLabel)> {
    pairs.iter().map(|(t, l)| (t.to_string(), *l)).collect()
}

#[test]
fn finds_people_organisations_and_places_with_offsets() {
    let found = entities(&[
        "Angela Merkel met executives of Siemens in Munich on Tuesday.",
        "“We are ready,” said Zoë Okonkwo, who runs the Lagos office of the World Bank.\n\nShe left for Nairobi.",
    ]);
    assert_eq!(
        found[0],
        owned(&[("Angela Merkel", Per), ("Siemens", Org), ("Munich", Loc)])
    );
    assert_eq!(
        found[1],
        owned(&[
            ("Zoë Okonkwo", Per),
            ("Lagos", Loc),
            ("World Bank", Org),
            ("Nairobi", Loc)
        ])
    );
}

#[test]
fn sentences_longer_than_the_model_window_are_split_not_truncated() {
    let filler = "and the weather stayed calm ".repeat(150);
    let text = format!("Barack Obama spoke {filler}before Theresa May replied.");
    let found = entities(&[&text]);
    let people: Vec<&str> = found[0]
        .iter()
        .filter(|(_, l)| *l == Per)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(people, ["Barack Obama", "Theresa May"]);
}

#[test]
fn eval_ner_scores_the_text_path_the_given_sentences_and_whole_articles() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let conll = dir.path().join("tiny.txt");
    // The second sentence opens with a list number, which the splitter
    // keeps with its item, so both paths see the same sentences.
    let text = "-DOCSTART- -X- -X- O\n\n\
                Angela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nmet VBD B-VP O\n\
                Siemens NNP B-NP B-ORG\n. . O O\n\n\
                1. CD B-NP O\nJesper NNP I-NP B-PER\nRonnback NNP I-NP I-PER\n\
                ( ( O O\nSweden NNP B-NP B-LOC\n) ) O O\n";
    std::fs::write(&conll, text).expect("written");
    let path = conll.to_str().expect("a UTF-8 path");
    let out = crate::common::quotelink(&["eval", "ner", "--conll", path], b"");
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    let stdout = crate::common::stdout(&out);
    let json = stdout.lines().last().expect("the JSON line");
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON");
    assert_eq!(report["sentences"], 2);
    let gold = |path: &str| {
        let overall = &report[path]["overall"];
        overall["tp"].as_u64().unwrap() + overall["fn_"].as_u64().unwrap()
    };
    assert_eq!(gold("text"), 4);
    assert_eq!(gold("given_sentences"), 4);
    // One article: its two sentences as one paragraph, entities mapped
    // back to each sentence's tokens.
    assert_eq!(gold("articles"), 4);
    assert!(report["articles"]["overall"]["tp"].as_u64().unwrap() >= 3);
    assert_eq!(
        report["text"]["overall"],
        report["given_sentences"]["overall"]
    );
}
