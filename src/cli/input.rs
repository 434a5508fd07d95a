//! What `quotelink` and `quotelink html` read, and the run that takes it
//! through the pipeline into a sink: chunk by chunk, with a progress bar,
//! loading the model before the first chunk that has a readable document.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use quotelink::corpus::{self, Input, Inputs, Summary, CHUNK, DEFAULT_MAX_BYTES};
use quotelink::render::Sink;
use quotelink::Pipeline;

use super::model::{self, Model, ModelArgs};
use super::{SOME_FAILED, SUCCESS};

/// What to read, and whether with the model.
#[derive(Args)]
pub struct InputArgs {
    /// Text files or folders of `.txt` files.
    paths: Vec<PathBuf>,
    /// Read JSON Lines from FILE, or from standard input with `-`.
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
    /// Documents larger than this many bytes get an error record.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Skip the named-entity model (faster; speakers then come from
    /// capitalisation alone).
    #[arg(long)]
    no_ner: bool,
}

impl InputArgs {
    /// The inputs, then the threads and the model folder (unless
    /// --no-ner), each checked before anything is read or loaded.
    pub fn open(&self, model: &ModelArgs) -> Result<(Inputs, Option<Model>)> {
        let inputs = corpus::inputs::open(&self.paths, self.jsonl.as_deref(), self.max_bytes)?;
        let model = model.start(self.no_ner)?;
        Ok((inputs, model))
    }
}

/// Runs `documents` through the pipeline into `sink` in chunks of
/// [`CHUNK`], as [`corpus::run_into`] does, with a progress bar of `total`
/// documents, then finishes the sink. The model, if any, loads before the
/// first chunk with a document that could be read: inputs that fail to
/// read get their error records without it.
pub fn drive(
    model: Option<&Model>,
    documents: impl Iterator<Item = Input>,
    total: Option<usize>,
    sink: &mut dyn Sink,
) -> Result<Summary> {
    let progress = progress_bar(total);
    let without_model = Pipeline::without_model();
    let mut pipeline = None;
    let mut summary = Summary::default();
    let mut documents = documents.peekable();
    while documents.peek().is_some() {
        let chunk: Vec<Input> = documents.by_ref().take(CHUNK).collect();
        if pipeline.is_none() && chunk.iter().any(|input| input.text.is_ok()) {
            pipeline = Some(model::pipeline(model)?);
        }
        let run = pipeline.as_ref().unwrap_or(&without_model);
        let done = corpus::run_into(run, chunk.into_iter(), sink, |n| progress.inc(n as u64))
            .context("writing output")?;
        summary.documents += done.documents;
        summary.failed += done.failed;
    }
    sink.finish().context("writing output")?;
    progress.finish_and_clear();
    Ok(summary)
}

/// [`SUCCESS`] when every document succeeded, [`SOME_FAILED`] (and a
/// count on standard error) when some failed.
pub fn exit_code(summary: Summary) -> u8 {
    if summary.failed == 0 {
        return SUCCESS;
    }
    eprintln!(
        "quotelink: {} of {} documents failed (see their error records)",
        summary.failed, summary.documents
    );
    SOME_FAILED
}

/// A progress bar on standard error when it is a terminal; hidden otherwise.
fn progress_bar(total: Option<usize>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total {
        Some(n) => ProgressBar::new(n as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed} (eta {eta})")
                .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} documents {elapsed}")
                .expect("valid template"),
        ),
    }
}
