//! Reading the corpus and driving the pipeline over it: input readers
//! (files, folders, JSON Lines), validation, error records, and the rayon
//! driver.
//!
//! Threads: documents are processed in chunks. Within a chunk, sentence
//! splitting and the rule stage run one document per rayon task, while the
//! named-entity model runs between them on all of the chunk's sentences at
//! once, using libtorch's own intra-op threads. The phases never overlap,
//! so rayon and libtorch each get all `--threads` cores in turn instead of
//! competing for them.

use std::fs::File;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::document::Document;
use crate::error::Error;
use crate::output::{DocumentRecord, ErrorRecord, Record};
use crate::pipeline::Pipeline;
use crate::render::{JsonlSink, Sink};

/// Default for `--max-bytes`: 10 MB.
pub const DEFAULT_MAX_BYTES: u64 = 10_000_000;

/// Documents processed together (one batch run of the model).
pub const CHUNK: usize = 64;

/// One input document, or why it could not be read.
#[derive(Debug)]
pub struct Input {
    /// The file path as given, or the JSONL `id`.
    pub id: String,
    /// The text, or the reason there is none.
    pub text: Result<String, Error>,
}

/// Checks raw bytes and turns them into a document's text.
pub fn decode_text(bytes: Vec<u8>, max_bytes: u64) -> Result<String, Error> {
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(Error::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    check_text(text)
}

/// Rejects empty and binary text.
fn check_text(text: String) -> Result<String, Error> {
    let binary = text
        .bytes()
        .enumerate()
        .find(|&(_, b)| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
    if let Some((offset, byte)) = binary {
        return Err(Error::Binary { byte, offset });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}

/// The `.txt` files named by `paths`: files as given, folders searched
/// recursively in sorted order. A path that cannot be listed is kept, so
/// that reading it reports the error.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return out.push(dir.to_path_buf()),
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Reads one file as an input document.
pub fn read_file(path: &Path, max_bytes: u64) -> Input {
    let read = || -> Result<String, Error> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
        if size > max_bytes {
            return Err(Error::TooLarge {
                size,
                limit: max_bytes,
            });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        decode_text(bytes, max_bytes)
    };
    Input {
        id: path.display().to_string(),
        text: read(),
    }
}

/// Reads `{"id": ..., "text": ...}` objects, one per line, skipping blank
/// lines. `source` names the stream in the ids of malformed lines
/// (`SOURCE:LINE`). A numeric `id` is kept as its decimal text.
pub fn read_jsonl<R: BufRead>(
    reader: R,
    source: String,
    max_bytes: u64,
) -> impl Iterator<Item = Input> {
    let mut lines = reader.split(b'\n').enumerate();
    std::iter::from_fn(move || loop {
        let (index, line) = lines.next()?;
        let number = index + 1;
        let fallback_id = format!("{source}:{number}");
        let bytes = match line {
            Ok(bytes) => bytes,
            Err(e) => {
                return Some(Input {
                    id: fallback_id,
                    text: Err(Error::io(&source, e)),
                })
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(parse_jsonl_line(&bytes, number, fallback_id, max_bytes));
    })
}

fn parse_jsonl_line(bytes: &[u8], line: usize, fallback_id: String, max_bytes: u64) -> Input {
    let malformed = |message: String| Error::MalformedJsonl { line, message };
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(e) => {
            return Input {
                id: fallback_id,
                text: Err(malformed(e.to_string())),
            }
        }
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = match (&id, value.get("text")) {
        (None, _) => Err(malformed("needs an \"id\" string or number".into())),
        (_, Some(serde_json::Value::String(text))) if text.len() as u64 > max_bytes => {
            Err(Error::TooLarge {
                size: text.len() as u64,
                limit: max_bytes,
            })
        }
        (_, Some(serde_json::Value::String(text))) => check_text(text.clone()),
        (_, _) => Err(malformed("needs a \"text\" string".into())),
    };
    Input {
        id: id.unwrap_or(fallback_id),
        text,
    }
}

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
/// (it skips the later stages), and a model failure fails the whole batch.
pub fn annotate_each(pipeline: &Pipeline, docs: &mut [Document]) -> Vec<Result<(), Error>> {
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
        .for_each(|(d, outcome)| *outcome = guarded("attribution", || pipeline.attribute(d)));
    outcomes
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
/// records in input order, each with its document's text if it was read.
fn process_chunk(pipeline: &Pipeline, chunk: Vec<Input>) -> Vec<(Record, Option<String>)> {
    let mut docs = Vec::new();
    let mut slots: Vec<Result<usize, ErrorRecord>> = Vec::with_capacity(chunk.len());
    for Input { id, text } in chunk {
        match text {
            Ok(text) => {
                slots.push(Ok(docs.len()));
                docs.push(Document::new(id, text));
            }
            Err(error) => slots.push(Err(ErrorRecord {
                id,
                error: error.to_string(),
            })),
        }
    }
    let outcomes = annotate_each(pipeline, &mut docs);
    slots
        .into_iter()
        .map(|slot| match slot {
            Err(record) => (Record::Error(record), None),
            Ok(i) => {
                let record = match &outcomes[i] {
                    Err(error) => Record::Error(ErrorRecord {
                        id: docs[i].id.clone(),
                        error: error.to_string(),
                    }),
                    Ok(()) => Record::Document(DocumentRecord::from(&docs[i])),
                };
                (record, Some(std::mem::take(&mut docs[i].text)))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_text() {
        assert!(matches!(decode_text(vec![], 10), Err(Error::Empty)));
        assert!(matches!(
            decode_text(b"ab\xffc".to_vec(), 10),
            Err(Error::InvalidUtf8 { offset: 2 })
        ));
        assert!(matches!(
            decode_text(b"a\0b".to_vec(), 10),
            Err(Error::Binary { byte: 0, offset: 1 })
        ));
        assert!(matches!(
            decode_text(b"abcdef".to_vec(), 3),
            Err(Error::TooLarge { size: 6, limit: 3 })
        ));
        assert_eq!(decode_text(b"ok\n".to_vec(), 10).unwrap(), "ok\n");
    }

    /// The rule stage with a bug that only one document triggers.
    struct Fragile;

    impl crate::attribution::Attributor for Fragile {
        fn attribute(&self, doc: &mut Document) {
            assert!(!doc.text.contains("boom"), "a bug met {}", doc.id);
            crate::attribution::RuleAttributor::default().attribute(doc);
        }
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

    #[test]
    fn jsonl_reports_malformed_lines_in_place() {
        let input = "{\"id\":\"a\",\"text\":\"One.\"}\n\nnot json\n{\"id\":7,\"text\":\"Two.\"}\n{\"id\":\"b\"}\n";
        let inputs: Vec<Input> = read_jsonl(input.as_bytes(), "stdin".into(), 100).collect();
        let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "stdin:3", "7", "b"]);
        assert!(inputs[0].text.is_ok() && inputs[2].text.is_ok());
        assert!(matches!(
            inputs[1].text,
            Err(Error::MalformedJsonl { line: 3, .. })
        ));
        assert!(matches!(
            inputs[3].text,
            Err(Error::MalformedJsonl { line: 5, .. })
        ));
    }
}
