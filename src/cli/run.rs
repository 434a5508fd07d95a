//! The default command, `quotelink [PATHS | --jsonl FILE|-]`: annotate the
//! inputs and write one record per document, as JSON Lines or text.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use quotelink::corpus::{self, Summary};
use quotelink::render::{create_output, Format};

use super::input::{self, InputArgs};
use super::model::ModelArgs;

/// The main command's options.
#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: text when standard output is a terminal,
    /// else jsonl].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Go on with an interrupted run: keep the records already in the -o
    /// FILE when they match the inputs (refuse otherwise), drop a partial
    /// last line, and write the rest (JSON Lines only).
    #[arg(long, requires = "output")]
    resume: bool,
    #[command(flatten)]
    model: ModelArgs,
}

/// Annotates the inputs and writes their records; returns the exit code.
pub fn run(args: RunArgs) -> Result<u8> {
    let (mut inputs, model) = args.input.open(&args.model)?;
    let format = Format::choose(args.format, args.output.as_deref());
    let (out, done) = match &args.output {
        Some(path) if args.resume => {
            if format != Format::Jsonl {
                bail!("--resume works on JSON Lines output only");
            }
            let (file, done) = corpus::resume::resume(path, &mut inputs.documents)?;
            (Box::new(file) as _, done)
        }
        output => (create_output(output.as_deref())?, Summary::default()),
    };
    let mut sink = format.sink(out);
    let total = inputs.total.map(|n| n.saturating_sub(done.documents));
    let mut summary = input::drive(model.as_ref(), inputs.documents, total, sink.as_mut())?;
    summary.documents += done.documents;
    summary.failed += done.failed;
    Ok(input::exit_code(summary))
}
