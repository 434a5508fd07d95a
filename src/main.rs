//! The `quotelink` command line: parses arguments and hands over to the
//! library.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use quotelink::corpus::{self, Input, DEFAULT_MAX_BYTES};
use quotelink::eval::{conll, polnear};
use quotelink::ner::{BertNer, Device, ModelOptions, Precision};
use quotelink::pipeline::default_model_dir;
use quotelink::Pipeline;

/// Finds the quotations in news text and says who said each one.
///
/// Reads `.txt` files and folders (recursively), or JSON Lines
/// `{"id": ..., "text": ...}` with --jsonl, and writes one JSON object per
/// document. Exit code: 0 when every document succeeded, 1 when some
/// failed (each has an error record in its place), 2 on usage errors.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct Common {
    /// Worker threads (default: all cores).
    #[arg(long, global = true)]
    threads: Option<usize>,
    /// Named-entity model folder [default: $QUOTELINK_MODEL, else the shipped models/ner].
    #[arg(long, global = true)]
    model: Option<PathBuf>,
    /// Where the named-entity model runs: auto = CUDA when libtorch sees a
    /// device, else the CPU.
    #[arg(long, global = true, value_enum, default_value_t = Device::Auto)]
    device: Device,
    /// Number format of the named-entity model [default: int8 on the CPU,
    /// fp16 on CUDA]. int8: encoder linear layers in int8 (CoNLL-2003 test
    /// F1 within 0.2 of fp32, several times faster on CPUs with AVX-512
    /// VNNI); fp16: CUDA only.
    #[arg(long, global = true, value_enum)]
    precision: Option<Precision>,
}

#[derive(Args)]
struct RunArgs {
    /// Text files or folders of `.txt` files.
    paths: Vec<PathBuf>,
    /// Read JSON Lines from FILE, or from standard input with `-`.
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Documents larger than this many bytes get an error record.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Skip the named-entity model (faster; speakers then come from
    /// capitalisation alone).
    #[arg(long)]
    no_ner: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Measure accuracy against annotated data.
    #[command(subcommand)]
    Eval(Eval),
}

#[derive(Subcommand)]
enum Eval {
    /// Named entities on a CoNLL-2003 file: strict entity-level P/R/F1.
    Ner {
        /// The CoNLL file, e.g. ../shared/data/conll2003/test.txt.
        #[arg(long)]
        conll: PathBuf,
    },
    /// Quote attribution on a PolNeAR split (a folder with text/ and attributions/).
    Polnear {
        /// The split folder, e.g. ../shared/data/polnear/dev.
        dir: PathBuf,
        /// Also write the report as Markdown to FILE.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Skip the named-entity model (speakers from capitalisation alone).
        #[arg(long)]
        no_ner: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quotelink: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let threads = cli
        .common
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .context("starting the thread pool")?;
    BertNer::set_threads(threads);
    let model_dir = cli
        .common
        .model
        .or_else(|| std::env::var_os("QUOTELINK_MODEL").map(PathBuf::from))
        .unwrap_or_else(default_model_dir);
    let options = ModelOptions {
        device: cli.common.device,
        precision: cli.common.precision,
    };
    let load = || {
        Pipeline::with_model_options(&model_dir, options).context("loading the named-entity model")
    };
    match cli.command {
        Some(Command::Eval(Eval::Ner { conll })) => {
            let pipeline = load()?;
            if let Some(placement) = pipeline.model_placement() {
                println!("named-entity model: {placement}");
            }
            let report = conll::evaluate(&conll, &pipeline)?;
            println!("{report}");
            println!("{}", serde_json::to_string(&report)?);
        }
        Some(Command::Eval(Eval::Polnear {
            dir,
            report,
            no_ner,
        })) => {
            let pipeline = if no_ner {
                Pipeline::without_model()
            } else {
                load()?
            };
            let result = polnear::evaluate(&dir, &pipeline)?;
            println!("{result}");
            if let Some(path) = report {
                std::fs::write(&path, result.to_markdown())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        None => {
            let args = cli.run;
            let pipeline = if args.no_ner {
                Pipeline::without_model()
            } else {
                load()?
            };
            return process(&pipeline, args);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The main job: annotate the inputs and write JSON Lines.
fn process(pipeline: &Pipeline, args: RunArgs) -> Result<ExitCode> {
    let (inputs, total): (Box<dyn Iterator<Item = Input>>, Option<usize>) =
        match (&args.jsonl, args.paths.is_empty()) {
            (Some(_), false) => bail!("give either paths or --jsonl, not both"),
            (None, true) => bail!("nothing to read: give text files, folders, or --jsonl FILE|-"),
            (Some(path), true) => (jsonl_inputs(path, args.max_bytes)?, None),
            (None, false) => {
                let files = corpus::expand_paths(&args.paths);
                let total = files.len();
                let max = args.max_bytes;
                let inputs = files.into_iter().map(move |p| corpus::read_file(&p, max));
                (Box::new(inputs), Some(total))
            }
        };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(File::create(path).with_context(|| format!("creating {}", path.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let progress = progress_bar(total);
    let summary = corpus::run(pipeline, inputs, BufWriter::new(out), |n| {
        progress.inc(n as u64)
    })
    .context("writing output")?;
    progress.finish_and_clear();
    if summary.failed > 0 {
        eprintln!(
            "quotelink: {} of {} documents failed (see their error records)",
            summary.failed, summary.documents
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn jsonl_inputs(path: &Path, max_bytes: u64) -> Result<Box<dyn Iterator<Item = Input>>> {
    if path == Path::new("-") {
        let stdin = BufReader::new(io::stdin());
        return Ok(Box::new(corpus::read_jsonl(
            stdin,
            "stdin".into(),
            max_bytes,
        )));
    }
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let source = path.display().to_string();
    Ok(Box::new(corpus::read_jsonl(
        BufReader::new(file),
        source,
        max_bytes,
    )))
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
