//! Golden snapshots of the JSON output for the sample articles in
//! `data/samples/`: through the full pipeline with the shipped model
//! (`snapshots/cli__snapshots__NAME.snap`), and through the splitter and the
//! rule stage alone, as `--no-ner` runs them
//! (`snapshots/cli__snapshots__no_ner_NAME.snap`), so that a rule change
//! shows in the second without model drift mixed in. Review changes with
//! `INSTA_UPDATE=always cargo test --release --test cli -- snapshots::` and
//! `git diff tests/cli/snapshots/`.

use std::path::PathBuf;

use quotelink::corpus::{annotate, expand_paths, read_file, DEFAULT_MAX_BYTES};
use quotelink::output::DocumentRecord;
use quotelink::{Document, Pipeline};

use crate::common::SAMPLES;

/// The sample articles, annotated by `pipeline`.
fn samples(pipeline: &Pipeline) -> Vec<Document> {
    let paths = expand_paths(&[PathBuf::from(SAMPLES)]);
    assert!(paths.len() >= 3, "the samples are there");
    let mut docs: Vec<Document> = paths
        .iter()
        .map(|path| {
            let input = read_file(path, DEFAULT_MAX_BYTES);
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            Document::new(name, input.text.expect("samples are readable"))
        })
        .collect();
    annotate(pipeline, &mut docs).expect("the pipeline runs");
    docs
}

#[test]
fn sample_articles() {
    let pipeline = Pipeline::with_model(&quotelink::ner::default_model_dir())
        .expect("the shipped model loads");
    for doc in &samples(&pipeline) {
        insta::assert_json_snapshot!(doc.id.clone(), DocumentRecord::from(doc));
    }
}

#[test]
fn sample_articles_rule_stage() {
    for doc in &samples(&Pipeline::without_model()) {
        insta::assert_json_snapshot!(format!("no_ner_{}", doc.id), DocumentRecord::from(doc));
    }
}
