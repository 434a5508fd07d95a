//! The rust-bert adapter: the only module that sees rust-bert or tch types.
//! Loads `models/ner` and runs BERT token classification over batches of
//! units.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ndarray::Array2;
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_bert::Config;
use tch::{nn::VarStore, Device, Kind, Tensor};
use tokenizers::Tokenizer;

use super::encode::{batches, Encoder, Unit, SPECIAL_TYPE};
use super::tags::{decode, Tag};
use super::{Entity, EntityRecognizer};
use crate::document::Document;
use crate::error::Error;

/// Most sequences in one forward pass.
const MAX_BATCH: usize = 32;
/// Most padded pieces in one forward pass. Small batches keep activations
/// in cache: on 2 cores, 32 × 1024 ran PolNeAR dev 10–20% faster than
/// 64 × 8192 (`scripts/bench_ner.sh`).
const MAX_TOKENS: usize = 1024;

/// The files of a model folder.
const CONFIG: &str = "config.json";
const TOKENIZER: &str = "tokenizer.json";
const WEIGHTS: &str = "model.safetensors";

/// A BERT token classifier loaded from a model folder.
pub struct BertNer {
    // libtorch modules are not `Sync`; one forward pass runs at a time.
    model: Mutex<BertForTokenClassification>,
    // Owns the weights `model` points into.
    _weights: VarStore,
    encoder: Encoder,
    tags: Vec<Tag>,
    cls: i64,
    sep: i64,
}

impl BertNer {
    /// Loads `dir/config.json`, `dir/tokenizer.json` and
    /// `dir/model.safetensors` (any float type; computed in fp32 on the CPU).
    pub fn load(dir: &Path) -> Result<Self, Error> {
        let file = |name: &str| -> Result<PathBuf, Error> {
            let path = dir.join(name);
            if path.is_file() {
                Ok(path)
            } else {
                Err(Error::Model(format!("{} is missing", path.display())))
            }
        };
        let config = BertConfig::from_file(file(CONFIG)?);
        let tags = tags_of(&config)?;
        let mut weights = VarStore::new(Device::Cpu);
        let model = BertForTokenClassification::new(weights.root(), &config)
            .map_err(|e| Error::Model(e.to_string()))?;
        weights
            .load(file(WEIGHTS)?)
            .map_err(|e| Error::Model(format!("loading {WEIGHTS}: {e}")))?;
        // Loading takes the file's float type (fp16 ships); the CPU computes
        // fp16 with a slow reference kernel, so widen to fp32.
        weights.float();
        let tokenizer =
            Tokenizer::from_file(file(TOKENIZER)?).map_err(|e| Error::Model(e.to_string()))?;
        let encoder = Encoder::new(tokenizer, config.max_position_embeddings as usize - 2)?;
        Ok(BertNer {
            cls: encoder.token_id("[CLS]")?,
            sep: encoder.token_id("[SEP]")?,
            model: Mutex::new(model),
            _weights: weights,
            encoder,
            tags,
        })
    }

    /// Sets how many threads libtorch uses inside one operation.
    pub fn set_threads(threads: usize) {
        tch::set_num_threads(threads.max(1) as i32);
    }

    /// Runs the model over `units[batch]`, returning for each unit its
    /// pieces' `(tag, probability)` predictions.
    fn predict(&self, units: &[&Unit]) -> Vec<Vec<(Tag, f32)>> {
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
        let shape = [units.len() as i64, width as i64];
        let tensor = |v: &[i64]| Tensor::from_slice(v).view(shape);
        let (probs, classes) = tch::no_grad(|| {
            let model = self.model.lock().unwrap_or_else(|e| e.into_inner());
            let logits = model
                .forward_t(
                    Some(&tensor(&ids)),
                    Some(&tensor(&mask)),
                    Some(&tensor(&types)),
                    None,
                    None,
                    false,
                )
                .logits;
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
        for batch in batches(&units, MAX_BATCH, MAX_TOKENS) {
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

    #[test]
    fn fp16_weights_are_computed_in_fp32() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner");
        let ner = BertNer::load(&dir).expect("the shipped model loads");
        let variables = ner._weights.variables();
        assert!(!variables.is_empty());
        for (name, tensor) in variables {
            assert_eq!(tensor.kind(), Kind::Float, "{name}");
        }
    }
}
