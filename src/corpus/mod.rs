//! Driving the pipeline over a corpus: what a run reads ([`inputs`]), input
//! readers ([`read`]), the rayon driver, error records, and resuming an
//! interrupted run ([`resume`]).
//!
//! Threads: documents are processed in chunks, and each chunk's documents
//! are spread over rayon's threads. Usually a task takes one document
//! through every stage, the model included, which then runs on that
//! task's thread alone (see [`crate::ner::BertNer`]). A model that batches
//! across documents (on a GPU) instead runs once per chunk between the
//! parallel sentence and rule phases, on all of the chunk's sentences.

use std::io::Write;

use rayon::prelude::*;

use crate::document::Document;
use crate::error::Error;
use crate::output::{DocumentRecord, ErrorRecord, Record};
use crate::pipeline::Pipeline;
use crate::render::{JsonlSink, Sink};

pub mod inputs;
pub mod read;
pub mod resume;

pub use inputs::Inputs;
pub use read::{decode_text, expand_paths, read_file, read_jsonl, Input};

/// Default for `--max-bytes`: 10 MB.
pub const DEFAULT_MAX_BYTES: u64 = 10_000_000;

/// Documents processed together (one batch run of the model).
pub const CHUNK: usize = 64;

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read (equals output lines).
    pub documents: usize,
    /// Documents that produced an error record.
    pub failed: usize,
}

/// Runs all stages over `docs` in parallel (see the module docs for how
/// threads are shared); fails with the first document's error.
pub fn annotate(pipeline: &Pipeline, docs: &mut [Document]) -> Result<(), Error> {
    annotate_each(pipeline, docs).into_iter().collect()
}

/// Runs all stages over `docs` in parallel and says, per document, whether
/// they ran: a stage that panics on one document fails that document only
/// (it skips the later stages), and so does a model failure, unless the
/// model batches across documents, when it fails the whole batch.
pub fn annotate_each(pipeline: &Pipeline, docs: &mut [Document]) -> Vec<Result<(), Error>> {
    if !pipeline.batches_across_documents() {
        return largest_first(docs, |doc| {
            guarded("sentence", || pipeline.segment(doc))?;
            pipeline.recognize(std::slice::from_mut(doc))?;
            after_recognition(pipeline, doc)
        });
    }
    let mut outcomes: Vec<Result<(), Error>> = docs
        .par_iter_mut()
        .map(|d| guarded("sentence", || pipeline.segment(d)))
        .collect();
    if let Err(error) = pipeline.recognize(docs) {
        let message = match error {
            Error::Model(message) => message,
            other => other.to_string(),
        };
        return docs
            .iter()
            .map(|_| Err(Error::Model(message.clone())))
            .collect();
    }
    docs.par_iter_mut()
        .zip(&mut outcomes)
        .filter(|(_, outcome)| outcome.is_ok())
        .for_each(|(d, outcome)| *outcome = after_recognition(pipeline, d));
    outcomes
}

/// Runs `task` on every document on rayon's threads and returns its
/// outcomes in the documents' order. The longest texts are handed out
/// first, each to the next free thread, so a chunk ends on short documents
/// and no thread idles long while another finishes a long one.
fn largest_first<T: Send>(
    docs: &mut [Document],
    task: impl Fn(&mut Document) -> T + Sync,
) -> Vec<T> {
    let mut order: Vec<(usize, &mut Document)> = docs.iter_mut().enumerate().collect();
    order.sort_by_key(|(i, doc)| (std::cmp::Reverse(doc.text.len()), *i));
    let mut done: Vec<(usize, T)> = order
        .into_iter()
        .par_bridge()
        .map(|(i, doc)| (i, task(doc)))
        .collect();
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, outcome)| outcome).collect()
}

/// The stages after the named-entity one: attribution, then gender.
fn after_recognition(pipeline: &Pipeline, doc: &mut Document) -> Result<(), Error> {
    guarded("attribution", || pipeline.attribute(doc))?;
    guarded("gender", || pipeline.gender(doc))
}

/// Runs the named-entity stage alone over `docs`, whose sentences are
/// set, spreading them over threads as [`annotate_each`] does.
pub fn recognize(pipeline: &Pipeline, docs: &mut [Document]) -> Result<(), Error> {
    if pipeline.batches_across_documents() {
        return pipeline.recognize(docs);
    }
    largest_first(docs, |doc| pipeline.recognize(std::slice::from_mut(doc)))
        .into_iter()
        .collect()
}

/// Runs one stage on one document, turning a panic into
/// [`Error::Internal`].
fn guarded(stage: &'static str, run: impl FnOnce()) -> Result<(), Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Error::Internal { stage, message }
    })
}

/// Processes every input and writes one record per input, in order, as
/// JSON Lines. `on_chunk` is told how many documents each chunk finished.
pub fn run<W: Write>(
    pipeline: &Pipeline,
    inputs: impl Iterator<Item = Input>,
    out: W,
    on_chunk: impl FnMut(usize),
) -> std::io::Result<Summary> {
    let mut sink = JsonlSink::new(out);
    let summary = run_into(pipeline, inputs, &mut sink, on_chunk)?;
    sink.finish()?;
    Ok(summary)
}

/// Processes every input and hands one record per input, in order, to
/// `sink`, with the document's text; flushes the sink after each chunk
/// but does not finish it. `on_chunk` is told how many documents each
/// chunk finished.
pub fn run_into(
    pipeline: &Pipeline,
    inputs: impl Iterator<Item = Input>,
    sink: &mut dyn Sink,
    mut on_chunk: impl FnMut(usize),
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
        let records = process_chunk(pipeline, chunk);
        for (record, text) in &records {
            summary.documents += 1;
            summary.failed += matches!(record, Record::Error(_)) as usize;
            sink.record(record, text.as_deref())?;
        }
        sink.flush()?;
        on_chunk(records.len());
    }
    Ok(summary)
}

/// Annotates the readable inputs of a chunk and returns the chunk's
/// records in input order, each with its document's text if it was read
/// and the input's `meta`.
fn process_chunk(pipeline: &Pipeline, chunk: Vec<Input>) -> Vec<(Record, Option<String>)> {
    let mut docs = Vec::new();
    let mut slots: Vec<Result<usize, ErrorRecord>> = Vec::with_capacity(chunk.len());
    let mut metas = Vec::with_capacity(chunk.len());
    for Input { id, text, meta } in chunk {
        metas.push(meta);
        match text {
            Ok(text) => {
                slots.push(Ok(docs.len()));
                docs.push(Document::new(id, text));
            }
            Err(error) => slots.push(Err(ErrorRecord {
                id,
                error: error.to_string(),
                meta: None,
            })),
        }
    }
    let outcomes = annotate_each(pipeline, &mut docs);
    slots
        .into_iter()
        .zip(metas)
        .map(|(slot, meta)| match slot {
            Err(record) => (Record::Error(ErrorRecord { meta, ..record }), None),
            Ok(i) => {
                let record = match &outcomes[i] {
                    Err(error) => Record::Error(ErrorRecord {
                        id: docs[i].id.clone(),
                        error: error.to_string(),
                        meta,
                    }),
                    Ok(()) => Record::Document(DocumentRecord::from(&docs[i]).with_meta(meta)),
                };
                (record, Some(std::mem::take(&mut docs[i].text)))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule stage with a bug that only one document triggers.
    struct Fragile;

    impl crate::attribution::Attributor for Fragile {
        fn attribute(&self, doc: &mut Document) {
            assert!(!doc.text.contains("boom"), "a bug met {}", doc.id);
            crate::attribution::RuleAttributor::default().attribute(doc);
        }
    }

    #[test]
    fn outcomes_keep_the_documents_order_whatever_ran_first() {
        let texts = [
            "a",
            "a much longer text than the others",
            "",
            "middling text",
        ];
        let mut docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), *t))
            .collect();
        let ids = largest_first(&mut docs, |doc| {
            doc.text.push('!');
            doc.id.clone()
        });
        assert_eq!(ids, ["d0", "d1", "d2", "d3"]);
        assert!(docs.iter().all(|d| d.text.ends_with('!')));
    }

    #[test]
    fn a_panicking_stage_fails_its_document_only() {
        let pipeline = Pipeline::without_model().with_attributor(Box::new(Fragile));
        let inputs = ["One \"quote,\" she said.", "It went boom.", "Two."]
            .into_iter()
            .enumerate()
            .map(|(i, text)| Input {
                id: format!("d{i}"),
                text: Ok(text.to_owned()),
                meta: None,
            });
        let mut out = Vec::new();
        let summary = run(&pipeline, inputs, &mut out, |_| {}).unwrap();
        assert_eq!((summary.documents, summary.failed), (3, 1));
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["quotes"].as_array().map(Vec::len), Some(1));
        let error = lines[1]["error"].as_str().unwrap();
        assert!(
            error.contains("internal error in the attribution stage"),
            "{error}"
        );
        assert!(error.contains("a bug met d1"), "{error}");
        assert!(lines[2]["quotes"].is_array());
    }
}
