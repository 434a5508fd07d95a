//! The `quotelink` command line: parses arguments and hands over to the
//! library.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use quotelink::corpus::{self, Input, Summary, DEFAULT_MAX_BYTES};
use quotelink::eval::{conll, gender, polnear};
use quotelink::ner::{locate_model, Device, ModelOptions, Precision};
use quotelink::render::html::HtmlSink;
use quotelink::render::text::TextSink;
use quotelink::render::{Format, JsonlSink, Sink};
use quotelink::tables::records::{Skip, Source};
use quotelink::tables::sink::Format as TableFormat;
use quotelink::tables::speakers::Grouping;
use quotelink::tables::{self, DateBucket, Report};
use quotelink::Pipeline;

/// Finds the quotations in news text and says who said each one.
///
/// Reads `.txt` files and folders (recursively), or JSON Lines
/// `{"id": ..., "text": ...}` with --jsonl, and writes one record per
/// document: a line of JSON, or a readable block when standard output is a
/// terminal (see --format). `quotelink html` writes one HTML page instead.
/// Exit code: 0 when every document succeeded, 1 when some failed (each
/// has an error record in its place), 2 on usage errors.
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
    /// Worker threads, each taking one document through every stage at a
    /// time (default: all cores).
    #[arg(long, global = true)]
    threads: Option<usize>,
    /// Named-entity model folder [default: $QUOTELINK_MODEL, else
    /// ../share/quotelink/models/ner or models/ner from the executable's
    /// folder, else the models/ner quotelink was built with].
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

/// What to read and how: shared by the main command and `html`.
#[derive(Args)]
struct InputArgs {
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

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: text when standard output is a terminal,
    /// else jsonl].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Go on with an interrupted run: keep the records already in the -o
    /// FILE when they match the inputs (refuse otherwise), drop a partial
    /// last line, and write the rest (JSON Lines only).
    #[arg(long, requires = "output")]
    resume: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// One JSON object per document and line, for programs.
    Jsonl,
    /// One readable block per document, for people.
    Text,
}

/// What `quotelink html` reads and writes.
#[derive(Args)]
struct HtmlArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the page to FILE (e.g. quotes.html) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate the inputs and write one self-contained HTML page that
    /// shows each document with its quotes highlighted by speaker.
    Html(HtmlArgs),
    /// Measure accuracy against annotated data.
    #[command(subcommand)]
    Eval(Eval),
    /// One row per corpus-level speaker, from quotelink output: quotes in
    /// total, by kind and by cue class, documents, gender, and the
    /// spellings merged into it.
    ///
    /// Names merge across documents when they agree once titles are dropped
    /// and case, diacritics and punctuation folded; a surname alone or a
    /// shortened name joins the one full name of the corpus it can belong
    /// to, and no name when it could belong to several. Lines that are not
    /// document records are reported and skipped (exit code 1).
    Speakers {
        #[command(flatten)]
        input: TableInput,
        /// Count per value of this `meta` field too (repeatable).
        #[arg(long, value_name = "FIELD")]
        by: Vec<String>,
        /// Group `--by date` values (ISO dates) by day, month or year.
        #[arg(long, value_enum, value_name = "BUCKET")]
        date_bucket: Option<DateBucket>,
    },
    /// One row per quote, from quotelink output: document id, the `meta`
    /// fields as columns, span, kind, cue, content, speaker, gender,
    /// confidence.
    ///
    /// The input is read twice (standard input is first copied to a
    /// temporary file): once for the union of `meta` keys, once for the
    /// rows. Lines that are not document records are reported and skipped
    /// (exit code 1).
    Table {
        #[command(flatten)]
        input: TableInput,
    },
}

#[derive(Args)]
struct TableInput {
    /// quotelink output files (JSON Lines); `-` or none for standard input.
    files: Vec<PathBuf>,
    /// Write to FILE instead of standard output (Parquet needs a file).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: by the -o extension (.csv, .jsonl,
    /// .parquet), else csv].
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
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
    /// Speaker gender against hand labels: precision and coverage.
    Gender {
        /// The split folder with the labelled articles in text/, e.g.
        /// ../shared/data/polnear/dev.
        dir: PathBuf,
        /// The labels: article, speaker, gender (tab-separated).
        #[arg(long, default_value = "data/gold/speaker-gender-polnear-dev.tsv")]
        gold: PathBuf,
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
    let options = ModelOptions {
        device: cli.common.device,
        precision: cli.common.precision,
    };
    let model = cli.common.model;
    let load = || {
        let dir = locate_model(model.as_deref())?;
        Pipeline::with_model_options(&dir, options)
            .with_context(|| format!("loading the named-entity model in {}", dir.display()))
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
        Some(Command::Eval(Eval::Gender { dir, gold, no_ner })) => {
            let pipeline = if no_ner {
                Pipeline::without_model()
            } else {
                load()?
            };
            let report = gender::evaluate(&gold, &dir, &pipeline)?;
            print!("{report}");
            println!("{}", serde_json::to_string(&report)?);
        }
        Some(Command::Speakers {
            input,
            by,
            date_bucket,
        }) => {
            let (sources, output) = table_io(&input);
            let grouping = Grouping { by, date_bucket };
            let report = tables::speakers(&sources, grouping, &output, skip_printer("speakers"))?;
            return Ok(table_exit("speakers", report));
        }
        Some(Command::Table { input }) => {
            let (sources, output) = table_io(&input);
            let report = tables::quote_table(&sources, &output, skip_printer("table"))?;
            return Ok(table_exit("table", report));
        }
        Some(Command::Html(args)) => {
            let pipeline = pipeline_for(&args.input, load)?;
            return html(&pipeline, args);
        }
        None => {
            let args = cli.run;
            let pipeline = pipeline_for(&args.input, load)?;
            return process(&pipeline, args);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The pipeline the inputs ask for: with the model unless --no-ner.
fn pipeline_for(input: &InputArgs, load: impl FnOnce() -> Result<Pipeline>) -> Result<Pipeline> {
    match input.no_ner {
        true => Ok(Pipeline::without_model()),
        false => load(),
    }
}

/// The main job: annotate the inputs and write JSON Lines or text.
fn process(pipeline: &Pipeline, args: RunArgs) -> Result<ExitCode> {
    let (mut inputs, total) = read_inputs(&args.input)?;
    let format = match args.format {
        Some(FormatArg::Jsonl) => Format::Jsonl,
        Some(FormatArg::Text) => Format::Text,
        None => Format::default_for(args.output.is_none() && io::stdout().is_terminal()),
    };
    let (out, done): (Box<dyn Write>, Summary) = match &args.output {
        Some(path) if args.resume => {
            if format != Format::Jsonl {
                bail!("--resume works on JSON Lines output only");
            }
            let (file, done) = corpus::resume::resume(path, &mut inputs)?;
            (Box::new(file), done)
        }
        _ => (create_output(&args.output)?, Summary::default()),
    };
    let out = BufWriter::new(out);
    let mut sink: Box<dyn Sink> = match format {
        Format::Jsonl => Box::new(JsonlSink::new(out)),
        Format::Text => Box::new(TextSink::new(out)),
    };
    let total = total.map(|n| n.saturating_sub(done.documents));
    let mut summary = drive(pipeline, inputs, total, sink.as_mut())?;
    summary.documents += done.documents;
    summary.failed += done.failed;
    Ok(exit_code(summary))
}

/// `quotelink html`: annotate the inputs and write one page.
fn html(pipeline: &Pipeline, args: HtmlArgs) -> Result<ExitCode> {
    let (inputs, total) = read_inputs(&args.input)?;
    let mut sink = HtmlSink::new(BufWriter::new(create_output(&args.output)?));
    let mut summary = drive(pipeline, inputs, total, &mut sink)?;
    if sink.failed_renders() > 0 {
        eprintln!(
            "quotelink: {} documents could not be shown (see the page)",
            sink.failed_renders()
        );
        summary.failed += sink.failed_renders();
    }
    Ok(exit_code(summary))
}

type Inputs = (Box<dyn Iterator<Item = Input>>, Option<usize>);

/// The input documents, and how many there are when that is known.
fn read_inputs(args: &InputArgs) -> Result<Inputs> {
    let (paths, max_bytes) = (&args.paths, args.max_bytes);
    Ok(match (&args.jsonl, paths.is_empty()) {
        (Some(_), false) => bail!("give either paths or --jsonl, not both"),
        (None, true) => bail!("nothing to read: give text files, folders, or --jsonl FILE|-"),
        (Some(path), true) => (jsonl_inputs(path, max_bytes)?, None),
        (None, false) => {
            let files = corpus::expand_paths(paths);
            let total = files.len();
            let inputs = files
                .into_iter()
                .map(move |p| corpus::read_file(&p, max_bytes));
            (Box::new(inputs), Some(total))
        }
    })
}

/// FILE, or standard output.
fn create_output(path: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => {
            Box::new(File::create(path).with_context(|| format!("creating {}", path.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    })
}

/// Runs the pipeline into `sink` with a progress bar, then finishes it.
fn drive(
    pipeline: &Pipeline,
    inputs: Box<dyn Iterator<Item = Input>>,
    total: Option<usize>,
    sink: &mut dyn Sink,
) -> Result<corpus::Summary> {
    let progress = progress_bar(total);
    let summary = corpus::run_into(pipeline, inputs, sink, |n| progress.inc(n as u64))
        .and_then(|summary| sink.finish().map(|()| summary))
        .context("writing output")?;
    progress.finish_and_clear();
    Ok(summary)
}

/// 0 when every document succeeded, 1 when some failed.
fn exit_code(summary: corpus::Summary) -> ExitCode {
    if summary.failed > 0 {
        eprintln!(
            "quotelink: {} of {} documents failed (see their error records)",
            summary.failed, summary.documents
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
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

/// The sources and output of `speakers` and `table`.
fn table_io(input: &TableInput) -> (Vec<Source>, tables::Output) {
    let mut sources: Vec<Source> = input.files.iter().map(|f| Source::parse(f)).collect();
    if sources.is_empty() {
        sources.push(Source::Stdin);
    }
    let output = tables::Output {
        format: TableFormat::choose(input.format, input.output.as_deref()),
        path: input.output.clone(),
    };
    (sources, output)
}

/// Most skipped lines reported one by one; the rest are counted.
const SKIPS_SHOWN: u64 = 20;

/// Reports the first skipped lines on standard error.
fn skip_printer(command: &'static str) -> impl FnMut(&Skip) {
    let mut seen = 0u64;
    move |skip| {
        seen += 1;
        if seen <= SKIPS_SHOWN {
            eprintln!(
                "quotelink {command}: {}: skipped, {}: {}",
                skip.place, skip.kind, skip.message
            );
        }
    }
}

/// The summary on standard error and the exit code: 1 when lines were
/// skipped.
fn table_exit(command: &str, report: Report) -> ExitCode {
    if report.skipped() == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "quotelink {command}: read {} documents, wrote {} rows; skipped {} lines \
         ({} malformed JSON, {} error records, {} with a missing or invalid field)",
        report.documents,
        report.rows,
        report.skipped(),
        report.malformed,
        report.error_records,
        report.invalid
    );
    ExitCode::from(1)
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
