//! The `quotelink` command line: parses the arguments and hands each
//! command to [`cli`], which holds its options and what it does.

mod cli;

use clap::{Parser, Subcommand};

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
    run: cli::run::RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate the inputs and write one self-contained HTML page that
    /// shows each document with its quotes highlighted by speaker.
    Html(cli::html::HtmlArgs),
    /// Measure accuracy against annotated data.
    #[command(subcommand)]
    Eval(cli::eval::Eval),
    /// One row per corpus-level speaker, from quotelink output: quotes in
    /// total, by kind and by cue class, documents, gender, and the
    /// spellings merged into it.
    ///
    /// Names merge across documents when they agree once titles are dropped
    /// and case, diacritics and punctuation folded; a surname alone or a
    /// shortened name joins the one full name of the corpus it can belong
    /// to, and no name when it could belong to several. Lines that are not
    /// document records are reported and skipped (exit code 1).
    Speakers(cli::tables::SpeakersArgs),
    /// One row per quote, from quotelink output: document id, the `meta`
    /// fields as columns, span, kind, cue, content, speaker, gender,
    /// confidence.
    ///
    /// The input is read twice (standard input is first copied to a
    /// temporary file): once for the union of `meta` keys, once for the
    /// rows. Lines that are not document records are reported and skipped
    /// (exit code 1).
    Table(cli::tables::TableIo),
    /// One row per quotation, from quotelink output: its occurrences
    /// across documents grouped (fragments, cut edges, ellipses, curly or
    /// straight marks, case and small wording changes), with the canonical
    /// text, the speakers and their counts, occurrences and documents, the
    /// first occurrence by --first-by, the distinct --by values and every
    /// occurrence.
    ///
    /// A quote of six words or more matches another when 60% of its words
    /// lie in 2-word shingles the other has too; shorter quotes match only
    /// the same words by the same speaker (see docs/clusters.md). Lines
    /// that are not document records are reported and skipped (exit code
    /// 1).
    Clusters(cli::clusters::ClustersArgs),
}

fn main() {
    let args = Cli::try_parse().unwrap_or_else(|e| {
        // Usage, --help or --version; the printing cannot fail usefully.
        let _ = e.print();
        cli::exit(if e.use_stderr() {
            cli::USAGE
        } else {
            cli::SUCCESS
        })
    });
    let outcome = match args.command {
        None => cli::run::run(args.run),
        Some(Command::Html(html)) => cli::html::run(html),
        Some(Command::Eval(eval)) => cli::eval::run(eval),
        Some(Command::Speakers(speakers)) => cli::tables::speakers(speakers),
        Some(Command::Table(table)) => cli::tables::table(table),
        Some(Command::Clusters(clusters)) => cli::clusters::run(clusters),
    };
    let code = outcome.unwrap_or_else(|e| {
        eprintln!("quotelink: {e:#}");
        cli::USAGE
    });
    cli::exit(code)
}
