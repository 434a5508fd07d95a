//! quotelink end to end, one module per topic: the binary on files and
//! JSON Lines (inputs and error records, `meta`, views, tables, `--resume`,
//! where the model is found and its options, the attribution methods,
//! quote parts, and output that depends only on a document's own text),
//! and the pipeline with the shipped model in process (entities, golden
//! snapshots). The helpers the modules share are in `tests/common`.

#[path = "../common/mod.rs"]
mod common;

mod clusters;
mod determinism;
mod inputs;
mod meta;
mod methods;
mod model_lookup;
mod ner;
mod ner_options;
mod quote_parts;
mod resume;
mod snapshots;
mod tables;
mod views;
