//! `quotelink html`: annotate the inputs and write one self-contained HTML
//! page.

use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use quotelink::render::create_output;
use quotelink::render::html::HtmlSink;

use super::input::{self, InputArgs};
use super::model::ModelArgs;

/// What `quotelink html` reads and writes.
#[derive(Args)]
pub struct HtmlArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the page to FILE (e.g. quotes.html) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

/// Writes the page; returns the exit code (documents the page could not
/// show count as failed).
pub fn run(args: HtmlArgs) -> Result<u8> {
    let (inputs, model) = args.input.open(&args.model)?;
    let mut sink = HtmlSink::new(BufWriter::new(create_output(args.output.as_deref())?));
    let mut summary = input::drive(model.as_ref(), inputs.documents, inputs.total, &mut sink)?;
    if sink.failed_renders() > 0 {
        eprintln!(
            "quotelink: {} documents could not be shown (see the page)",
            sink.failed_renders()
        );
        summary.failed += sink.failed_renders();
    }
    Ok(input::exit_code(summary))
}
