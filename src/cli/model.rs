//! The options of the commands that run the pipeline (`quotelink`, `html`,
//! `eval`): worker threads, the attribution method and the named-entity
//! model, which is found before any document is read and loaded only when
//! one needs it.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use quotelink::attribution::Method;
use quotelink::ner::{locate_model, Device, ModelOptions, Precision};
use quotelink::Pipeline;

/// Threads and the named-entity model.
#[derive(Args)]
pub struct ModelArgs {
    /// Worker threads, each taking one document through every stage at a
    /// time (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Named-entity model folder [default: $QUOTELINK_MODEL, else
    /// ../share/quotelink/models/ner or models/ner from the executable's
    /// folder, else the models/ner quotelink was built with].
    #[arg(long)]
    model: Option<PathBuf>,
    /// Where the named-entity model runs: auto = CUDA when libtorch sees a
    /// device, else the CPU.
    #[arg(long, value_enum, default_value_t = Device::Auto)]
    device: Device,
    /// Number format of the named-entity model [default: int8 on the CPU,
    /// fp16 on CUDA]. int8: encoder linear layers in int8 (CoNLL-2003 test
    /// F1 within 0.2 of fp32, several times faster on CPUs with AVX-512
    /// VNNI); fp16: CUDA only.
    #[arg(long, value_enum)]
    precision: Option<Precision>,
    /// How quotes are found: rules = quotation marks and reporting cues;
    /// model = the model's quote tagger; combined = the rules' direct
    /// quotes and the tagger's other reports. Speakers always come from
    /// the rules' linking and resolution. Without a tagger (--no-ner, or a
    /// model without one) every method is the rules.
    #[arg(long, value_enum, default_value_t = Method::Combined)]
    attribution: Method,
}

/// A model folder that was found and not yet loaded.
pub struct Model {
    dir: PathBuf,
    options: ModelOptions,
    method: Method,
}

impl ModelArgs {
    /// Starts the worker threads, then finds the model folder unless
    /// `no_ner`: a missing model is an error before any work is done.
    pub fn start(&self, no_ner: bool) -> Result<Option<Model>> {
        let threads = self
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("starting the thread pool")?;
        if no_ner {
            return Ok(None);
        }
        Ok(Some(Model {
            dir: locate_model(self.model.as_deref())?,
            options: ModelOptions {
                device: self.device,
                precision: self.precision,
            },
            method: self.attribution,
        }))
    }
}

impl Model {
    /// The pipeline with this model.
    pub fn load(&self) -> Result<Pipeline> {
        let pipeline = Pipeline::with_model_options(&self.dir, self.options)
            .with_context(|| format!("loading the named-entity model in {}", self.dir.display()))?;
        Ok(pipeline.with_method(self.method))
    }
}

/// The pipeline with `model` when there is one, else without the model.
pub fn pipeline(model: Option<&Model>) -> Result<Pipeline> {
    model.map_or_else(|| Ok(Pipeline::without_model()), Model::load)
}
