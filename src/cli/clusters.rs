//! `quotelink clusters`: quotelink output read back and each quotation
//! grouped across the documents that carried it, one row per cluster.

use anyhow::Result;
use clap::Args;
use quotelink::clusters::rule::Rule;
use quotelink::clusters::{self, Options};

use super::tables::{exit_code, skip_printer, TableIo};

/// The options of `quotelink clusters`.
#[derive(Args)]
pub struct ClustersArgs {
    #[command(flatten)]
    io: TableIo,
    /// The `meta` field whose distinct values each cluster lists, with
    /// the first occurrence's.
    #[arg(long, value_name = "FIELD", default_value = "outlet")]
    by: String,
    /// The `meta` field that orders occurrences: the first occurrence has
    /// its smallest value (ISO dates sort as text).
    #[arg(long, value_name = "FIELD", default_value = "date")]
    first_by: String,
    #[command(flatten)]
    rule: RuleArgs,
}

/// The thresholds of the matching rule (`clusters` and `eval clusters`).
#[derive(Args)]
pub struct RuleArgs {
    /// Words a quote needs to be matched by its shingles; shorter quotes
    /// match only the same words by the same speaker [default: 6].
    #[arg(long, value_name = "N")]
    min_words: Option<usize>,
    /// Share of the shorter quote's words that the longer must cover
    /// [default: 0.6].
    #[arg(long, value_name = "SHARE")]
    coverage: Option<f64>,
    /// Words per shingle [default: 2].
    #[arg(long, value_name = "N")]
    shingle: Option<usize>,
}

impl RuleArgs {
    /// The rule, the defaults where an option is not given.
    pub fn rule(&self) -> Result<Rule> {
        let default = Rule::default();
        let rule = Rule {
            min_words: self.min_words.unwrap_or(default.min_words),
            coverage: self.coverage.unwrap_or(default.coverage),
            shingle: self.shingle.unwrap_or(default.shingle).max(1),
        };
        anyhow::ensure!(
            (0.0..=1.0).contains(&rule.coverage),
            "--coverage must lie between 0 and 1"
        );
        Ok(rule)
    }
}

/// Writes the clusters table; returns the exit code.
pub fn run(args: ClustersArgs) -> Result<u8> {
    let options = Options {
        first_by: args.first_by,
        by: args.by,
        rule: args.rule.rule()?,
    };
    let (sources, output) = args.io.open();
    let report = clusters::clusters(&sources, options, &output, skip_printer("clusters"))?;
    Ok(exit_code("clusters", report))
}
