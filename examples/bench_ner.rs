//! Throughput of the named-entity stage: word pieces per second over the
//! sentences of a folder of articles. Run by `scripts/bench_ner.sh`, which
//! compares it with PyTorch on the same weights and sentences.
//!
//! Documents run on THREADS threads at once, one libtorch thread each, as
//! in a corpus run.
//!
//! Usage: `bench_ner MODEL_DIR TEXT_DIR SENTENCES_OUT THREADS [PRECISION]`
//! (PRECISION: `int8` or `fp32`, on the CPU; default the CPU default).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use quotelink::corpus::{expand_paths, read_file, DEFAULT_MAX_BYTES};
use quotelink::ner::{Device, ModelOptions, Precision};
use quotelink::{Document, Pipeline};
use tokenizers::Tokenizer;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, texts, sentences_out, threads, precision) = match args.as_slice() {
        [m, t, s, n] => (m, t, s, n, None),
        [m, t, s, n, p] => (m, t, s, n, Some(p.as_str())),
        _ => anyhow::bail!("usage: bench_ner MODEL_DIR TEXT_DIR SENTENCES_OUT THREADS [PRECISION]"),
    };
    let precision = match precision {
        None => None,
        Some(p) => {
            Some(<Precision as clap::ValueEnum>::from_str(p, false).map_err(anyhow::Error::msg)?)
        }
    };
    let threads: usize = threads.parse()?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()?;

    let started = Instant::now();
    let options = ModelOptions {
        device: Device::Cpu,
        precision,
    };
    let pipeline = Pipeline::with_model_options(model.as_ref(), options)?;
    let placement = pipeline.model_placement().expect("the model is loaded");
    let load_s = started.elapsed().as_secs_f64();

    let mut docs: Vec<Document> = expand_paths(&[PathBuf::from(texts)])
        .iter()
        .map(|p| read_file(p, DEFAULT_MAX_BYTES))
        .filter_map(|input| Some(Document::new(input.id, input.text.ok()?)))
        .collect();
    docs.iter_mut().for_each(|d| pipeline.segment(d));

    // Word pieces as the model sees them: each sentence plus [CLS] and [SEP].
    let tokenizer = Tokenizer::from_file(PathBuf::from(model).join("tokenizer.json"))
        .map_err(anyhow::Error::msg)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(sentences_out)?);
    let (mut sentences, mut pieces) = (0, 0);
    for doc in &docs {
        for s in &doc.sentences {
            let text = doc.slice(s);
            writeln!(out, "{text}")?;
            let encoding = tokenizer.encode(text, false).map_err(anyhow::Error::msg)?;
            pieces += encoding.len() + 2;
            sentences += 1;
        }
    }
    out.flush()?;

    let started = Instant::now();
    quotelink::corpus::recognize(&pipeline, &mut docs)?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "impl": "rust",
            "precision": placement.precision.as_str(),
            "documents": docs.len(),
            "sentences": sentences,
            "word_pieces": pieces,
            "seconds": seconds,
            "pieces_per_s": pieces as f64 / seconds,
            "model_load_s": load_s,
        })
    );
    Ok(())
}
