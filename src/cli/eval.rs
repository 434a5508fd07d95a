//! `quotelink eval`: accuracy against annotated data, for the named-entity
//! model (CoNLL-2003), quote attribution (PolNeAR), speaker gender and the
//! quote clusters' matching (labelled pairs).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use quotelink::eval::{clusters, conll, gender, polnear};
use quotelink::Pipeline;

use super::clusters::RuleArgs;
use super::model::{self, ModelArgs};
use super::SUCCESS;

/// The data sets.
#[derive(Subcommand)]
pub enum Eval {
    /// Named entities on a CoNLL-2003 file: strict entity-level P/R/F1.
    Ner {
        /// The CoNLL file, e.g. ../shared/data/conll2003/test.txt.
        #[arg(long)]
        conll: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Quote attribution on a PolNeAR split (a folder with text/ and attributions/).
    Polnear {
        /// The split folder, e.g. ../shared/data/polnear/dev.
        dir: PathBuf,
        /// Also write the report as Markdown to FILE.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Add a row for PolNeAR's annotators scored against each other:
        /// every article with two annotations in the splits under ROOT,
        /// e.g. ../shared/data/polnear.
        #[arg(long, value_name = "ROOT")]
        agreement: Option<PathBuf>,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Speaker gender against hand labels: precision and coverage.
    Gender {
        /// The split folder with the labelled articles in text/, e.g.
        /// ../shared/data/polnear/dev.
        dir: PathBuf,
        /// The labels: article, speaker, gender (tab-separated).
        #[arg(long, default_value = "data/gold/speaker-gender-polnear-dev.tsv")]
        gold: PathBuf,
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Quote clusters' matching against labelled occurrence pairs:
    /// pairwise precision and recall of the rule and of the grouping.
    Clusters {
        /// The pairs (JSON Lines), e.g. data/clusters/pairs.jsonl.
        pairs: PathBuf,
        /// Also write the report as Markdown to FILE.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        #[command(flatten)]
        rule: RuleArgs,
    },
}

/// The model options of the evaluations that can do without the model.
#[derive(Args)]
pub struct PipelineArgs {
    /// Skip the named-entity model (speakers from capitalisation alone).
    #[arg(long)]
    no_ner: bool,
    #[command(flatten)]
    model: ModelArgs,
}

impl PipelineArgs {
    /// The pipeline, once `inputs` are found to exist.
    fn load(&self, inputs: &[&Path]) -> Result<Pipeline> {
        exist(inputs)?;
        model::pipeline(self.model.start(self.no_ner)?.as_ref())
    }
}

/// Runs an evaluation and prints its report; returns the exit code.
pub fn run(eval: Eval) -> Result<u8> {
    match eval {
        Eval::Ner { conll, model } => {
            exist(&[&conll])?;
            let pipeline = model::pipeline(model.start(false)?.as_ref())?;
            if let Some(placement) = pipeline.model_placement() {
                println!("named-entity model: {placement}");
            }
            let report = conll::evaluate(&conll, &pipeline)?;
            println!("{report}");
            println!("{}", serde_json::to_string(&report)?);
        }
        Eval::Polnear {
            dir,
            report,
            agreement,
            pipeline,
        } => {
            let pipeline = pipeline.load(&[&dir])?;
            let mut result = polnear::evaluate(&dir, &pipeline, pipeline.method())?;
            if let Some(root) = agreement {
                result.agreement = Some(polnear::agreement(&root)?);
            }
            println!("{result}");
            if let Some(path) = report {
                std::fs::write(&path, result.to_markdown())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        Eval::Gender {
            dir,
            gold,
            pipeline,
        } => {
            let pipeline = pipeline.load(&[&dir, &gold])?;
            let report = gender::evaluate(&gold, &dir, &pipeline)?;
            print!("{report}");
            println!("{}", serde_json::to_string(&report)?);
        }
        Eval::Clusters {
            pairs,
            report,
            rule,
        } => {
            let result = clusters::evaluate(&clusters::read_pairs(&pairs)?, rule.rule()?);
            print!("{result}");
            println!("{}", serde_json::to_string(&result)?);
            if let Some(path) = report {
                std::fs::write(&path, result.to_markdown())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
    }
    Ok(SUCCESS)
}

/// Fails, before the model loads, when one of `paths` does not exist.
fn exist(paths: &[&Path]) -> Result<()> {
    for path in paths {
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(())
}
