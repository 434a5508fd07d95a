//! `quotelink speakers` and `quotelink table`: quotelink output read back
//! and tabulated. Neither runs the pipeline, so neither takes the model's
//! options. Their input, output and bad-line reporting serve `clusters`
//! too.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use quotelink::tables::records::{Skip, Source};
use quotelink::tables::sink::Format;
use quotelink::tables::speakers::Grouping;
use quotelink::tables::{self, DateBucket, Output, Report};

use super::{SOME_FAILED, SUCCESS};

/// What `speakers` and `table` read and write.
#[derive(Args)]
pub struct TableIo {
    /// quotelink output files (JSON Lines); `-` or none for standard input.
    files: Vec<PathBuf>,
    /// Write to FILE instead of standard output (Parquet needs a file).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: by the -o extension (.csv, .jsonl,
    /// .parquet), else csv].
    #[arg(long, value_enum)]
    format: Option<Format>,
}

/// The options of `quotelink speakers`.
#[derive(Args)]
pub struct SpeakersArgs {
    #[command(flatten)]
    io: TableIo,
    /// Count per value of this `meta` field too (repeatable).
    #[arg(long, value_name = "FIELD")]
    by: Vec<String>,
    /// Group `--by date` values (ISO dates) by day, month or year.
    #[arg(long, value_enum, value_name = "BUCKET")]
    date_bucket: Option<DateBucket>,
}

/// Writes the corpus speaker index; returns the exit code.
pub fn speakers(args: SpeakersArgs) -> Result<u8> {
    let (sources, output) = args.io.open();
    let grouping = Grouping {
        by: args.by,
        date_bucket: args.date_bucket,
    };
    let report = tables::speakers(&sources, grouping, &output, skip_printer("speakers"))?;
    Ok(exit_code("speakers", report))
}

/// Writes the quote table; returns the exit code.
pub fn table(io: TableIo) -> Result<u8> {
    let (sources, output) = io.open();
    let report = tables::quote_table(&sources, &output, skip_printer("table"))?;
    Ok(exit_code("table", report))
}

impl TableIo {
    /// The sources (standard input when none is named) and the output.
    pub(super) fn open(self) -> (Vec<Source>, Output) {
        let mut sources: Vec<Source> = self.files.iter().map(|f| Source::parse(f)).collect();
        if sources.is_empty() {
            sources.push(Source::Stdin);
        }
        let output = Output {
            format: Format::choose(self.format, self.output.as_deref()),
            path: self.output,
        };
        (sources, output)
    }
}

/// Most skipped lines reported one by one; the rest are counted.
const SKIPS_SHOWN: u64 = 20;

/// Reports the first skipped lines on standard error.
pub(super) fn skip_printer(command: &'static str) -> impl FnMut(&Skip) {
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

/// The summary on standard error and the exit code: [`SOME_FAILED`] when
/// lines were skipped.
pub(super) fn exit_code(command: &str, report: Report) -> u8 {
    if report.skipped() == 0 {
        return SUCCESS;
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
    SOME_FAILED
}
