//! The rust-bert adapter: the only module that sees rust-bert. rust-bert
//! reads the configuration and loads the weights of `models/ner`; our own
//! forward pass ([`super::forward`]) runs BERT token classification over
//! batches of units.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ndarray::Array2;
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use tch::{nn::VarStore, Kind, Tensor};
use tokenizers::Tokenizer;

use super::device::{ModelOptions, Placement, Precision};
use super::encode::{batches, Encoder, Unit, SPECIAL_TYPE};
use super::forward::{Bert, Prepare, Shape};
use super::locate::{CONFIG, TOKENIZER, WEIGHTS};
use super::tags::{decode, Tag};
use super::{Entity, EntityRecognizer};
use crate::document::Document;
use crate::error::Error;

/// Batch limits: most sequences and most padded pieces in one forward pass.
/// On the CPU small batches keep activations in cache: on 2 cores, 32 ×
/// 1024 ran PolNeAR dev 10–20% faster than 64 × 8192
/// (`scripts/bench_ner.sh`). A GPU wants large batches.
const CPU_LIMITS: (usize, usize) = (32, 1024);
const CUDA_LIMITS: (usize, usize) = (256, 32768);

/// A BERT token classifier loaded from a model folder.
pub struct BertNer {
    // Tensors are not `Sync`; one forward pass runs at a time.
    model: Mutex<Bert>,
    placement: Placement,
    limits: (usize, usize),
    encoder: Encoder,
    tags: Vec<Tag>,
    cls: i64,
    sep: i64,
}

/// The padded inputs of one batch, row-major `[rows, width]`.
struct Inputs {
    ids: Vec<i64>,
    types: Vec<i64>,
    mask: Vec<i64>,
    shape: [i64; 2],
}

impl BertNer {
    /// Loads `dir/config.json`, `dir/tokenizer.json` and
    /// `dir/model.safetensors` (any float type) with the default options:
    /// CUDA in fp16 when libtorch sees a device, else the CPU in int8.
    pub fn load(dir: &Path) -> Result<Self, Error> {
        Self::load_with(dir, ModelOptions::default())
    }

    /// Loads a model folder to run where and how `options` say.
    pub fn load_with(dir: &Path, options: ModelOptions) -> Result<Self, Error> {
        let placement = options.resolve()?;
        let (config, weights, _reference) = load_reference(dir)?;
        let prepare = Prepare {
            device: placement.tch_device(),
            kind: placement.kind(),
            int8: placement.precision == Precision::Int8,
        };
        let model = Bert::new(&weights.variables(), shape_of(&config), prepare)?;
        // rust-bert's copies of the weights go here; `model` keeps what it uses.
        drop(weights);
        let tags = tags_of(&config)?;
        let tokenizer =
            Tokenizer::from_file(file(dir, TOKENIZER)?).map_err(|e| Error::Model(e.to_string()))?;
        let encoder = Encoder::new(tokenizer, config.max_position_embeddings as usize - 2)?;
        Ok(BertNer {
            cls: encoder.token_id("[CLS]")?,
            sep: encoder.token_id("[SEP]")?,
            model: Mutex::new(model),
            limits: if placement.cuda {
                CUDA_LIMITS
            } else {
                CPU_LIMITS
            },
            placement,
            encoder,
            tags,
        })
    }

    /// Where the model runs and in which precision.
    pub fn placement(&self) -> Placement {
        self.placement
    }

    /// Sets how many threads libtorch uses inside one operation.
    pub fn set_threads(threads: usize) {
        tch::set_num_threads(threads.max(1) as i32);
    }

    /// `[CLS] pieces [SEP]` of each unit, padded to the longest.
    fn inputs(&self, units: &[&Unit]) -> Inputs {
        let width = units.iter().map(|u| u.ids.len()).max().unwrap_or(0) + 2;
        let mut ids = vec![0i64; units.len() * width];
        let mut types = vec![SPECIAL_TYPE; units.len() * width];
        let mut mask = vec![0i64; units.len() * width];
        for (row, unit) in units.iter().enumerate() {
            let n = unit.ids.len();
            let at = row * width;
            ids[at] = self.cls;
            ids[at + 1..at + 1 + n].copy_from_slice(&unit.ids);
            ids[at + 1 + n] = self.sep;
            types[at + 1..at + 1 + n].copy_from_slice(&unit.types);
            mask[at..at + n + 2].fill(1);
        }
        Inputs {
            ids,
            types,
            mask,
            shape: [units.len() as i64, width as i64],
        }
    }

    /// Runs the model over `units[batch]`, returning for each unit its
    /// pieces' `(tag, probability)` predictions.
    fn predict(&self, units: &[&Unit]) -> Vec<Vec<(Tag, f32)>> {
        let inputs = self.inputs(units);
        let shape = inputs.shape;
        let (probs, classes) = tch::no_grad(|| {
            let model = self.model.lock().unwrap_or_else(|e| e.into_inner());
            let device = model.device();
            let tensor = |v: &[i64]| Tensor::from_slice(v).view(shape).to_device(device);
            let logits = model.forward(
                &tensor(&inputs.ids),
                &tensor(&inputs.types),
                &tensor(&inputs.mask),
            );
            let (p, c) = logits.softmax(-1, Kind::Float).max_dim(-1, false);
            (to_array::<f32>(&p, shape), to_array::<i64>(&c, shape))
        });
        units
            .iter()
            .enumerate()
            .map(|(row, unit)| {
                (1..=unit.ids.len())
                    .map(|col| (self.tags[classes[[row, col]] as usize], probs[[row, col]]))
                    .collect()
            })
            .collect()
    }
}

/// `dir/name`, or an error naming it when it is missing.
fn file(dir: &Path, name: &str) -> Result<PathBuf, Error> {
    let path = dir.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Model(format!("{} is missing", path.display())))
    }
}

/// rust-bert's configuration, weights and model for a model folder, the
/// weights on the CPU in the file's float type.
fn load_reference(dir: &Path) -> Result<(BertConfig, VarStore, BertForTokenClassification), Error> {
    // Parsed here: rust-bert's `Config::from_file` panics on a bad file.
    let path = file(dir, CONFIG)?;
    let text = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let config: BertConfig = serde_json::from_slice(&text)
        .map_err(|e| Error::Model(format!("{}: {e}", path.display())))?;
    let mut weights = VarStore::new(tch::Device::Cpu);
    let model = BertForTokenClassification::new(weights.root(), &config)
        .map_err(|e| Error::Model(e.to_string()))?;
    weights
        .load(file(dir, WEIGHTS)?)
        .map_err(|e| Error::Model(format!("loading {WEIGHTS}: {e}")))?;
    // The variables now have the file's float type (fp16 ships). Each
    // tensor is widened as it is prepared (`Bert::new`), so that the fp32
    // copies of the int8 layers never exist all at once.
    Ok((config, weights, model))
}

/// What our forward pass needs from rust-bert's configuration.
fn shape_of(config: &BertConfig) -> Shape {
    Shape {
        heads: config.num_attention_heads,
        layers: config.num_hidden_layers as usize,
        // rust-bert's BERT layer norms all use 1e-12.
        eps: 1e-12,
    }
}

/// Copies a 2-d tensor out of libtorch.
fn to_array<T: tch::kind::Element + Copy>(t: &Tensor, shape: [i64; 2]) -> Array2<T> {
    let flat: Vec<T> = Vec::try_from(t.contiguous().view([-1])).expect("tensor kind matches");
    Array2::from_shape_vec((shape[0] as usize, shape[1] as usize), flat).expect("shape matches")
}

/// The tag of each class index, from `config.json`'s `id2label`.
fn tags_of(config: &BertConfig) -> Result<Vec<Tag>, Error> {
    let id2label = config
        .id2label
        .as_ref()
        .ok_or_else(|| Error::Model("config.json has no id2label".into()))?;
    (0..id2label.len() as i64)
        .map(|i| {
            let label = id2label
                .get(&i)
                .ok_or_else(|| Error::Model(format!("id2label lacks {i}")))?;
            Tag::parse(label)
        })
        .collect()
}

impl EntityRecognizer for BertNer {
    fn recognize(&self, docs: &mut [Document]) -> Result<(), Error> {
        let mut units = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            units.extend(self.encoder.encode(i, doc)?);
        }
        let mut found: Vec<Vec<Entity>> = vec![Vec::new(); docs.len()];
        let (max_batch, max_tokens) = self.limits;
        for batch in batches(&units, max_batch, max_tokens) {
            let batch: Vec<&Unit> = batch.iter().map(|&i| &units[i]).collect();
            for (unit, predictions) in batch.iter().zip(self.predict(&batch)) {
                let doc = &docs[unit.doc];
                for span in decode(&predictions) {
                    let pieces = whole_words(unit, span.pieces);
                    let bytes = unit.offsets[pieces.start].start..unit.offsets[pieces.end - 1].end;
                    found[unit.doc].push(Entity {
                        span: doc.span(bytes),
                        label: span.label,
                        score: span.score,
                    });
                }
            }
        }
        for (doc, mut entities) in docs.iter_mut().zip(found) {
            entities.sort_by_key(|e| e.span.byte.start);
            // Two decoded runs can widen into the same word: keep the first.
            entities.dedup_by(|later, earlier| later.span.overlaps(&earlier.span));
            doc.entities = entities;
        }
        Ok(())
    }
}

/// Widens a piece range so that it starts and ends on word boundaries.
fn whole_words(unit: &Unit, mut pieces: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let w = &unit.words;
    while pieces.start > 0 && w[pieces.start - 1] == w[pieces.start] {
        pieces.start -= 1;
    }
    while pieces.end < w.len() && w[pieces.end] == w[pieces.end - 1] {
        pieces.end += 1;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::default_model_dir;
    use crate::segment::{Segmenter, SentenceSplitter};

    /// Real news sentences of different lengths, so that one batch pads.
    const TEXT: &str =
        "WASHINGTON (Reuters) - Senate Majority Leader Mitch McConnell said on Tuesday \
        that the chamber would vote next week on a bill to fund the government through December. \
        \"We are not going to shut down,\" he told reporters. \
        Speaking in Berlin, German Chancellor Angela Merkel urged the European Union to agree on \
        migration quotas before the summit in Brussels, where Italy and Hungary have resisted any \
        deal that would oblige them to take in refugees arriving from Libya and Turkey. \
        Shares of Apple Inc rose 2 percent.";

    fn batch(ner: &BertNer) -> Inputs {
        let mut doc = Document::new("t", TEXT);
        doc.sentences = SentenceSplitter.segment(&doc);
        assert_eq!(doc.sentences.len(), 4);
        let units = ner.encoder.encode(0, &doc).unwrap();
        ner.inputs(&units.iter().collect::<Vec<_>>())
    }

    fn logits(ner: &BertNer, inputs: &Inputs) -> Tensor {
        let tensor = |v: &[i64]| Tensor::from_slice(v).view(inputs.shape);
        let model = ner.model.lock().unwrap();
        tch::no_grad(|| {
            model.forward(
                &tensor(&inputs.ids),
                &tensor(&inputs.types),
                &tensor(&inputs.mask),
            )
        })
    }

    fn cpu(precision: Precision) -> BertNer {
        let options = ModelOptions {
            device: super::super::Device::Cpu,
            precision: Some(precision),
        };
        BertNer::load_with(&default_model_dir(), options).expect("the shipped model loads")
    }

    #[test]
    fn our_fp32_forward_matches_rust_bert() {
        let ner = cpu(Precision::Fp32);
        let inputs = batch(&ner);
        let ours = logits(&ner, &inputs);
        let (_, mut weights, reference) = load_reference(&default_model_dir()).unwrap();
        weights.float();
        let tensor = |v: &[i64]| Tensor::from_slice(v).view(inputs.shape);
        let mask = tensor(&inputs.mask);
        let theirs = tch::no_grad(|| {
            reference
                .forward_t(
                    Some(&tensor(&inputs.ids)),
                    Some(&mask),
                    Some(&tensor(&inputs.types)),
                    None,
                    None,
                    false,
                )
                .logits
        });
        // Padding positions differ by design (rust-bert lets them attend to
        // everything); compare the real pieces only.
        let real = mask.eq(1).unsqueeze(-1);
        let diff = (&ours - &theirs)
            .abs()
            .masked_fill(&real.logical_not(), 0.0);
        let worst = diff.max().double_value(&[]);
        let scale = theirs.abs().max().double_value(&[]);
        assert!(scale > 1.0, "the logits are not degenerate");
        assert!(worst < 1e-4, "largest logit difference {worst}");
    }

    #[test]
    fn int8_keeps_the_fp32_tags() {
        let (fp32, int8) = (cpu(Precision::Fp32), cpu(Precision::Int8));
        let inputs = batch(&fp32);
        let real = Tensor::from_slice(&inputs.mask).view(inputs.shape).eq(1);
        let tags = |ner: &BertNer| logits(ner, &inputs).argmax(-1, false).masked_select(&real);
        let (want, got) = (tags(&fp32), tags(&int8));
        let pieces = want.numel() as f64;
        let same = want.eq_tensor(&got).sum(Kind::Float).double_value(&[]);
        assert!(
            want.ne(0).sum(Kind::Float).double_value(&[]) >= 10.0,
            "entities tagged"
        );
        assert!(same / pieces >= 0.98, "{same} of {pieces} tags agree");
    }

    #[test]
    fn cuda_fp16_keeps_the_fp32_tags() {
        // Through `cuda`, which loads libtorch's CUDA library first.
        if super::super::cuda::device_count().unwrap() == 0 {
            println!("skipped: libtorch sees no CUDA device");
            return;
        }
        let fp32 = cpu(Precision::Fp32);
        let options = ModelOptions {
            device: super::super::Device::Cuda,
            precision: None,
        };
        let cuda = BertNer::load_with(&default_model_dir(), options).unwrap();
        assert_eq!(cuda.placement().to_string(), "cuda, fp16");
        let inputs = batch(&fp32);
        let tensor = |v: &[i64]| Tensor::from_slice(v).view(inputs.shape);
        let gpu = tensor(&inputs.ids).to_device(tch::Device::Cuda(0));
        let got = tch::no_grad(|| {
            let dev = |t: Tensor| t.to_device(tch::Device::Cuda(0));
            cuda.model.lock().unwrap().forward(
                &gpu,
                &dev(tensor(&inputs.types)),
                &dev(tensor(&inputs.mask)),
            )
        });
        let real = tensor(&inputs.mask).eq(1);
        let want = logits(&fp32, &inputs)
            .argmax(-1, false)
            .masked_select(&real);
        let got = got
            .to_device(tch::Device::Cpu)
            .argmax(-1, false)
            .masked_select(&real);
        let same = want.eq_tensor(&got).sum(Kind::Float).double_value(&[]);
        assert!(same / want.numel() as f64 >= 0.98, "{same} tags agree");
    }

    #[test]
    fn weights_are_fp32_or_int8_on_the_cpu() {
        let (fp32, int8) = (cpu(Precision::Fp32), cpu(Precision::Int8));
        let bytes = |ner: &BertNer| ner.model.lock().unwrap().encoder_bytes();
        assert!(bytes(&int8) * 3 < bytes(&fp32), "int8 encoder is smaller");
        assert_eq!(int8.placement().to_string(), "cpu, int8");
    }
}
