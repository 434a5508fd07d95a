//! The named-entity model: loads `models/ner` (rust-bert reads the
//! configuration, [`super::weights`] the weights, `tokenizers` the
//! tokenizer) and runs our own forward pass ([`super::forward`]) of BERT
//! token classification over batches of units. The only module that sees
//! rust-bert.

use std::path::{Path, PathBuf};

use ndarray::Array1;
use rust_bert::bert::BertConfig;
use tch::{Kind, Tensor};
use tokenizers::Tokenizer;

use super::device::{ModelOptions, Placement, Precision};
use super::encode::{Batching, Encoder, Unit, WindowPlan, SPECIAL_TYPE};
use super::forward::{Bert, Heads, Prepare, Shape, Units};
use super::locate::{CONFIG, TOKENIZER, WEIGHTS};
use super::quote_tags::{decode_roles, QuoteTag};
use super::tags::{decode, Tag};
use super::weights::WeightsFile;
use super::EntityRecognizer;
use crate::document::Document;
use crate::error::Error;
use crate::model::{Entity, Tagged};

/// Batches on the CPU: small ones keep activations in cache, and each
/// holds one document's units. int8 quantises a linear layer's input with
/// one scale per call, so a batch shared by two documents would make each
/// one's entities depend on the other (in 69 of PolNeAR dev's 84 records,
/// measured): a document's output must depend on its own text alone,
/// whatever else is in the run, its order or the Spark partition.
const CPU_BATCHING: Batching = Batching {
    units: 32,
    pieces: 512,
    across_documents: false,
};
/// Batches on a GPU: large, across documents. In fp16 nothing is
/// quantised per batch; a record can differ from a lone run of its
/// document by fp16 rounding only.
const CUDA_BATCHING: Batching = Batching {
    units: 256,
    pieces: 32768,
    across_documents: true,
};

/// A BERT token classifier loaded from a model folder.
///
/// On the CPU it runs each call on one libtorch thread (loading it sets
/// libtorch's thread count to 1), and the corpus driver runs documents on
/// all threads at once: a batch then never waits on a thread the machine
/// has given to someone else, and one document's output depends on its own
/// text alone (see [`CPU_BATCHING`]). On a GPU one call takes many
/// documents and batches across them.
pub struct BertNer {
    model: Prepared,
    placement: Placement,
    batching: Batching,
    encoder: Encoder,
    tags: Vec<Tag>,
    /// The quote tagger's tags, empty when the model has no tagger head.
    quote_tags: Vec<QuoteTag>,
    cls: i64,
    sep: i64,
}

/// The prepared model, read by every thread that runs a document.
struct Prepared(Bert);

// SAFETY: tch marks `Tensor` `!Sync` because some of its methods change a
// tensor in place. `Bert` is built once by `Bert::new` and offers `&self`
// methods only, which read its tensors under `no_grad`; libtorch operators
// may read one tensor from many threads at once (PyTorch's own inter-op
// parallelism does so).
unsafe impl Sync for Prepared {}

/// The inputs of one batch, its units' `[CLS] pieces [SEP]` end to end.
struct Inputs {
    ids: Vec<i64>,
    types: Vec<i64>,
    /// Each piece's position within its unit.
    positions: Vec<i64>,
    /// Pieces of each unit, `[CLS]` and `[SEP]` included.
    lengths: Vec<i64>,
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
        if !placement.cuda {
            // Documents run in parallel, one thread each (see `BertNer`).
            tch::set_num_threads(1);
        }
        let config = load_config(dir)?;
        let tags = tags_of(&config)?;
        let tagger = tagger_config(dir)?;
        let prepare = Prepare {
            device: placement.tch_device(),
            kind: placement.kind(),
            int8: placement.precision == Precision::Int8,
        };
        let (weights, tokenizer) = (file(dir, WEIGHTS)?, file(dir, TOKENIZER)?);
        // The tokenizer's JSON is parsed while the weights are prepared,
        // each tensor widened from the file's type (fp16 ships) as its
        // layer is prepared.
        let (model, tokenizer) = rayon::join(
            || {
                Bert::new(
                    &WeightsFile::map(&weights)?.weights()?,
                    shape_of(&config),
                    prepare,
                )
            },
            || Tokenizer::from_file(&tokenizer).map_err(|e| Error::Model(e.to_string())),
        );
        let (model, tokenizer) = (model?, tokenizer?);
        let quote_tags = match (&tagger, model.has_tagger()) {
            (Some(t), true) => t.tags()?,
            (None, false) => Vec::new(),
            _ => {
                return Err(Error::Model(
                    "config.json's quote_tagger and the weights' tagger.* must come together"
                        .into(),
                ))
            }
        };
        let max_pieces = match &tagger {
            // Windows no longer than the tagger was trained on.
            Some(t) => t.window - 2,
            None => config.max_position_embeddings as usize - 2,
        };
        let plan = tagger.as_ref().map_or(WindowPlan::Sentences, |t| t.windows);
        let encoder = Encoder::new(tokenizer, max_pieces, plan)?;
        Ok(BertNer {
            cls: encoder.token_id("[CLS]")?,
            sep: encoder.token_id("[SEP]")?,
            model: Prepared(model),
            batching: if placement.cuda {
                CUDA_BATCHING
            } else {
                CPU_BATCHING
            },
            placement,
            encoder,
            tags,
            quote_tags,
        })
    }

    /// Whether the model has the quote tagger's head, so that documents
    /// get [`Document::tagged`] spans.
    pub fn has_tagger(&self) -> bool {
        !self.quote_tags.is_empty()
    }

    /// Where the model runs and in which precision.
    pub fn placement(&self) -> Placement {
        self.placement
    }

    /// `[CLS] pieces [SEP]` of each unit, end to end.
    fn inputs(&self, units: &[&Unit]) -> Inputs {
        let pieces = units.iter().map(|u| u.ids.len() + 2).sum();
        let mut inputs = Inputs {
            ids: Vec::with_capacity(pieces),
            types: Vec::with_capacity(pieces),
            positions: Vec::with_capacity(pieces),
            lengths: Vec::with_capacity(units.len()),
        };
        for unit in units {
            inputs.ids.push(self.cls);
            inputs.ids.extend_from_slice(&unit.ids);
            inputs.ids.push(self.sep);
            inputs.types.push(SPECIAL_TYPE);
            inputs.types.extend_from_slice(&unit.types);
            inputs.types.push(SPECIAL_TYPE);
            let n = unit.ids.len() as i64 + 2;
            inputs.positions.extend(0..n);
            inputs.lengths.push(n);
        }
        inputs
    }

    /// Both heads' logits `[pieces, labels]` of a batch, on the model's
    /// device.
    fn heads(&self, inputs: &Inputs) -> Heads {
        let model = &self.model.0;
        let device = model.device();
        let tensor = |v: &[i64]| Tensor::from_slice(v).to_device(device);
        let units = Units::new(&inputs.lengths, device);
        tch::no_grad(|| {
            model.forward(
                &tensor(&inputs.ids),
                &tensor(&inputs.types),
                &tensor(&inputs.positions),
                &units,
            )
        })
    }

    /// Logits `[pieces, labels]` of the named-entity head.
    #[cfg(test)]
    fn logits(&self, inputs: &Inputs) -> Tensor {
        self.heads(inputs).entities
    }

    /// Runs the model over `units[batch]`, returning for each unit its
    /// pieces' predictions.
    fn predict(&self, units: &[&Unit]) -> Vec<Predicted> {
        let inputs = self.inputs(units);
        let heads = self.heads(&inputs);
        let (p, c) = heads.entities.softmax(-1, Kind::Float).max_dim(-1, false);
        let (probs, classes) = (to_array::<f32>(&p), to_array::<i64>(&c));
        // The tagger's decoder weighs every tag of every piece.
        let quotes = heads
            .quotes
            .map(|q| to_array::<f32>(&q.softmax(-1, Kind::Float).view([-1])));
        let width = self.quote_tags.len();
        let mut at = 0;
        inputs
            .lengths
            .iter()
            .map(|&n| {
                // The pieces between `[CLS]` and `[SEP]`.
                let inner = at + 1..at + n as usize - 1;
                at += n as usize;
                Predicted {
                    entities: inner
                        .clone()
                        .map(|i| (self.tags[classes[i] as usize], probs[i]))
                        .collect(),
                    quotes: quotes.as_ref().map_or_else(Vec::new, |q| {
                        q.as_slice().expect("contiguous")[inner.start * width..inner.end * width]
                            .to_vec()
                    }),
                }
            })
            .collect()
    }
}

/// One unit's predictions.
struct Predicted {
    /// Each piece's named-entity tag and its probability.
    entities: Vec<(Tag, f32)>,
    /// Each piece's probabilities over the quote tags, row by row; empty
    /// without a tagger head.
    quotes: Vec<f32>,
}

/// The `quote_tagger` entry of `config.json`, which rust-bert's
/// configuration does not read.
#[derive(serde::Deserialize)]
struct TaggerConfig {
    /// `O`, `B-Content`, ... in class order.
    labels: Vec<String>,
    /// Most pieces per window, special tokens included, as trained.
    #[serde(default = "default_window")]
    window: usize,
    /// What one window holds: `sentences` (the default) or `paragraphs`.
    /// Sentences measured better on PolNeAR dev (combined all F1 .816 vs
    /// .809, end to end .735 vs .731, with the tagger trained on
    /// paragraphs) and keep the entity head on the sentences it was
    /// trained on (CoNLL-2003 test with each article as one paragraph:
    /// 82.73 over paragraphs, the sentence-trained head).
    #[serde(default)]
    windows: WindowPlan,
}

fn default_window() -> usize {
    256
}

impl TaggerConfig {
    fn tags(&self) -> Result<Vec<QuoteTag>, Error> {
        self.labels.iter().map(|l| QuoteTag::parse(l)).collect()
    }
}

/// The quote tagger's configuration, when `config.json` has one.
fn tagger_config(dir: &Path) -> Result<Option<TaggerConfig>, Error> {
    #[derive(serde::Deserialize)]
    struct Extra {
        quote_tagger: Option<TaggerConfig>,
    }
    let path = file(dir, CONFIG)?;
    let text = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let extra: Extra = serde_json::from_slice(&text)
        .map_err(|e| Error::Model(format!("{}: {e}", path.display())))?;
    Ok(extra.quote_tagger)
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

/// rust-bert's reading of `config.json`. Parsed here: rust-bert's
/// `Config::from_file` panics on a bad file.
fn load_config(dir: &Path) -> Result<BertConfig, Error> {
    let path = file(dir, CONFIG)?;
    let text = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    serde_json::from_slice(&text).map_err(|e| Error::Model(format!("{}: {e}", path.display())))
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

/// Copies a 1-d tensor out of libtorch.
fn to_array<T: tch::kind::Element + Copy>(t: &Tensor) -> Array1<T> {
    let flat: Vec<T> =
        Vec::try_from(t.to_device(tch::Device::Cpu).contiguous()).expect("tensor kind matches");
    Array1::from(flat)
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
    fn batches_across_documents(&self) -> bool {
        self.batching.across_documents
    }

    fn recognize(&self, docs: &mut [Document]) -> Result<(), Error> {
        let mut units = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            units.extend(self.encoder.encode(i, doc)?);
        }
        let mut found: Vec<Vec<Entity>> = vec![Vec::new(); docs.len()];
        let mut tagged: Vec<Vec<Tagged>> = vec![Vec::new(); docs.len()];
        for range in self.batching.cut(&units) {
            let batch: Vec<&Unit> = units[range].iter().collect();
            for (unit, predictions) in batch.iter().zip(self.predict(&batch)) {
                let doc = &docs[unit.doc];
                // The document span of a piece range, widened to whole words.
                let span_of = |pieces| {
                    let pieces = whole_words(unit, pieces);
                    doc.span(unit.offsets[pieces.start].start..unit.offsets[pieces.end - 1].end)
                };
                for span in decode_roles(&self.quote_tags, &predictions.quotes) {
                    tagged[unit.doc].push(Tagged {
                        span: span_of(span.pieces),
                        role: span.role,
                        score: span.score,
                    });
                }
                for span in decode(&predictions.entities) {
                    found[unit.doc].push(Entity {
                        span: span_of(span.pieces),
                        label: span.label,
                        score: span.score,
                    });
                }
            }
        }
        for ((doc, mut entities), tagged) in docs.iter_mut().zip(found).zip(tagged) {
            entities.sort_by_key(|e| e.span.byte.start);
            // Two decoded runs can widen into the same word: keep the first.
            entities.dedup_by(|later, earlier| later.span.overlaps(&earlier.span));
            doc.entities = entities;
            doc.tagged = tagged;
            doc.tagged
                .sort_by_key(|t| (t.span.byte.start, t.span.byte.end));
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
    use rust_bert::bert::BertForTokenClassification;
    use tch::nn::VarStore;

    use super::super::default_model_dir;
    use super::*;
    use crate::model::EntityLabel;
    use crate::segment::{Segmenter, SentenceSplitter};

    /// Real news sentences of different lengths.
    const TEXT: &str =
        "WASHINGTON (Reuters) - Senate Majority Leader Mitch McConnell said on Tuesday \
        that the chamber would vote next week on a bill to fund the government through December. \
        \"We are not going to shut down,\" he told reporters. \
        Speaking in Berlin, German Chancellor Angela Merkel urged the European Union to agree on \
        migration quotas before the summit in Brussels, where Italy and Hungary have resisted any \
        deal that would oblige them to take in refugees arriving from Libya and Turkey. \
        Shares of Apple Inc rose 2 percent.";

    fn units(ner: &BertNer) -> Vec<Unit> {
        let mut doc = Document::new("t", TEXT);
        doc.sentences = SentenceSplitter.segment(&doc);
        assert_eq!(doc.sentences.len(), 4);
        ner.encoder.encode(0, &doc).unwrap()
    }

    fn batch(ner: &BertNer) -> Inputs {
        ner.inputs(&units(ner).iter().collect::<Vec<_>>())
    }

    fn cpu(precision: Precision) -> BertNer {
        let options = ModelOptions {
            device: super::super::Device::Cpu,
            precision: Some(precision),
        };
        BertNer::load_with(&default_model_dir(), options).expect("the shipped model loads")
    }

    /// rust-bert's own model with the shipped weights, in fp32.
    fn reference() -> BertForTokenClassification {
        let dir = default_model_dir();
        let config = load_config(&dir).unwrap();
        let mut weights = VarStore::new(tch::Device::Cpu);
        let model = BertForTokenClassification::new(weights.root(), &config).unwrap();
        weights.load(dir.join(WEIGHTS)).unwrap();
        weights.float();
        model
    }

    /// The batch padded into rows for rust-bert: ids, token types and the
    /// attention mask, each `[units, width]`.
    fn padded(inputs: &Inputs) -> [Tensor; 3] {
        let width = *inputs.lengths.iter().max().unwrap();
        let rows = inputs.lengths.len() as i64;
        let mut out = [
            Tensor::zeros([rows, width], (Kind::Int64, tch::Device::Cpu)),
            Tensor::full([rows, width], SPECIAL_TYPE, (Kind::Int64, tch::Device::Cpu)),
            Tensor::zeros([rows, width], (Kind::Int64, tch::Device::Cpu)),
        ];
        let mut at = 0;
        for (row, &n) in inputs.lengths.iter().enumerate() {
            let span = at as usize..(at + n) as usize;
            let ones = vec![1i64; n as usize];
            let sources = [&inputs.ids[span.clone()], &inputs.types[span], &ones[..]];
            for (tensor, source) in out.iter_mut().zip(sources) {
                tensor
                    .get(row as i64)
                    .narrow(0, 0, n)
                    .copy_(&Tensor::from_slice(source));
            }
            at += n;
        }
        out
    }

    #[test]
    fn our_fp32_forward_matches_rust_bert() {
        let ner = cpu(Precision::Fp32);
        let inputs = batch(&ner);
        let ours = ner.logits(&inputs);
        let reference = reference();
        let [ids, types, mask] = padded(&inputs);
        let theirs = tch::no_grad(|| {
            reference
                .forward_t(Some(&ids), Some(&mask), Some(&types), None, None, false)
                .logits
        });
        // Padding positions differ by design (rust-bert lets them attend to
        // everything); compare the real pieces, which pack row by row.
        let labels = theirs.size()[2];
        let theirs = theirs
            .masked_select(&mask.eq(1).unsqueeze(-1))
            .view([-1, labels]);
        assert_eq!(ours.size(), theirs.size());
        let worst = (&ours - &theirs).abs().max().double_value(&[]);
        let scale = theirs.abs().max().double_value(&[]);
        assert!(scale > 1.0, "the logits are not degenerate");
        assert!(worst < 1e-4, "largest logit difference {worst}");
    }

    #[test]
    fn a_documents_entities_do_not_depend_on_other_documents() {
        let ner = cpu(Precision::Int8);
        assert!(!ner.batches_across_documents());
        let doc = |id: &str, text: &str| {
            let mut doc = Document::new(id, text);
            doc.sentences = SentenceSplitter.segment(&doc);
            doc
        };
        let other = "Prime Minister Justin Trudeau met Mexican President Andres Manuel \
            Lopez Obrador in Ottawa. Toyota and Honda said exports to Canada fell.";
        let mut alone = [doc("a", TEXT)];
        let mut together = [doc("b", other), doc("a", TEXT)];
        ner.recognize(&mut alone).unwrap();
        ner.recognize(&mut together).unwrap();
        let entities = |d: &Document| -> Vec<(std::ops::Range<usize>, EntityLabel, u32)> {
            let e = d.entities.iter();
            e.map(|e| (e.span.byte.clone(), e.label, e.score.to_bits()))
                .collect()
        };
        assert!(alone[0].entities.len() >= 8, "entities found");
        assert_eq!(entities(&alone[0]), entities(&together[1]));
    }

    #[test]
    fn int8_keeps_the_fp32_tags() {
        let (fp32, int8) = (cpu(Precision::Fp32), cpu(Precision::Int8));
        let inputs = batch(&fp32);
        let tags = |ner: &BertNer| ner.logits(&inputs).argmax(-1, false);
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
        let want = fp32.logits(&inputs).argmax(-1, false);
        let got = cuda
            .logits(&inputs)
            .to_device(tch::Device::Cpu)
            .argmax(-1, false);
        let same = want.eq_tensor(&got).sum(Kind::Float).double_value(&[]);
        assert!(same / want.numel() as f64 >= 0.98, "{same} tags agree");
    }

    #[test]
    fn weights_are_fp32_or_int8_on_the_cpu() {
        let (fp32, int8) = (cpu(Precision::Fp32), cpu(Precision::Int8));
        let bytes = |ner: &BertNer| ner.model.0.encoder_bytes();
        assert!(bytes(&int8) * 3 < bytes(&fp32), "int8 encoder is smaller");
        assert_eq!(int8.placement().to_string(), "cpu, int8");
    }
}
