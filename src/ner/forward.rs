//! Our BERT token-classification forward pass: embeddings, encoder layers
//! and classifier computed with libtorch's fused kernels
//! (`scaled_dot_product_attention`, `linear` with bias, exact `gelu`,
//! `layer_norm`) over the weights of the model file, on batches of units
//! packed end to end without padding ([`Units`]).
//!
//! rust-bert keeps the configuration and the variable names; [`Bert::new`]
//! takes the named tensors of the model file. Compared with rust-bert's
//! `BertForTokenClassification`, the query, key and value projections run as
//! one matrix product, attention is one fused kernel instead of four
//! operations, no work is spent on padding, and the encoder's linear
//! layers can be int8 ([`Linear`]).

use rayon::prelude::*;
use tch::{Kind, Tensor};

use super::linear::Linear;
use super::weights::Weights;
use crate::error::Error;

/// What the forward pass needs from the model's configuration.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Attention heads per layer.
    pub heads: i64,
    /// Encoder layers.
    pub layers: usize,
    /// The layer norms' epsilon.
    pub eps: f64,
}

/// One encoder layer.
struct Layer {
    /// Query, key and value projections stacked into one `[3d, d]` layer.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    intermediate: Linear,
    output: Linear,
    output_norm: Norm,
}

/// A layer norm's scale and shift.
struct Norm {
    weight: Tensor,
    bias: Tensor,
}

/// The weights of a BERT token classifier, ready to run.
pub struct Bert {
    /// In the file's float type (fp16 ships): a lookup converts the rows
    /// it takes, exactly, instead of widening all 30k rows at load.
    word: Tensor,
    position: Tensor,
    token_type: Tensor,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    classifier: Linear,
    /// The quote tagger's head, when the model file has one (`tagger.*`).
    tagger: Option<Linear>,
    shape: Shape,
    /// The float type of the activations.
    kind: Kind,
}

/// How the weights are prepared: where, in which float type, and whether
/// the encoder's linear layers become int8.
#[derive(Debug, Clone, Copy)]
pub struct Prepare {
    /// Where the weights live.
    pub device: tch::Device,
    /// Their float type.
    pub kind: Kind,
    /// Encoder linear layers in int8 (CPU only).
    pub int8: bool,
}

impl Bert {
    /// Takes the tensors of a BERT token classifier's model file
    /// (`bert.embeddings.*`, `bert.encoder.layer.N.*`, `classifier.*`, and
    /// the quote tagger's `tagger.*` where the file has it) and
    /// prepares its layers on rayon's threads (one libtorch thread each).
    pub fn new(weights: &Weights, shape: Shape, prepare: Prepare) -> Result<Self, Error> {
        let get = |name: &str| weights.get(name, Some(prepare.kind), prepare.device);
        let layers = (0..shape.layers)
            .into_par_iter()
            .map(|i| Layer::new(&get, &format!("bert.encoder.layer.{i}"), prepare.int8))
            .collect::<Result<Vec<_>, _>>()?;
        let word = "bert.embeddings.word_embeddings.weight";
        Ok(Bert {
            word: weights.get(word, None, prepare.device)?,
            position: get("bert.embeddings.position_embeddings.weight")?,
            token_type: get("bert.embeddings.token_type_embeddings.weight")?,
            embedding_norm: Norm::new(&get, "bert.embeddings")?,
            layers,
            // The heads are 9 and 7 outputs wide: int8 would save nothing.
            classifier: linear(&get, "classifier", false)?,
            tagger: match weights.has("tagger.weight") {
                true => Some(linear(&get, "tagger", false)?),
                false => None,
            },
            shape,
            kind: prepare.kind,
        })
    }

    /// Bytes held by the encoder's linear layers.
    #[cfg(test)]
    pub fn encoder_bytes(&self) -> usize {
        self.layers
            .iter()
            .flat_map(|l| [&l.qkv, &l.attention_out, &l.intermediate, &l.output])
            .map(Linear::bytes)
            .sum()
    }

    /// The device the weights live on.
    pub fn device(&self) -> tch::Device {
        self.word.device()
    }

    /// Whether the model has the quote tagger's head.
    pub fn has_tagger(&self) -> bool {
        self.tagger.is_some()
    }

    /// The logits of both heads for a batch of units packed end to end:
    /// piece ids, casing classes (token types) and positions, each
    /// `[pieces]` on [`Bert::device`]. One encoder pass feeds both.
    pub fn forward(
        &self,
        ids: &Tensor,
        types: &Tensor,
        positions: &Tensor,
        units: &Units,
    ) -> Heads {
        let embedded = Tensor::embedding(&self.word, ids, -1, false, false).to_kind(self.kind)
            + Tensor::embedding(&self.position, positions, -1, false, false)
            + Tensor::embedding(&self.token_type, types, -1, false, false);
        let mut hidden = self.embedding_norm.apply(&embedded, self.shape.eps);
        for layer in &self.layers {
            hidden = layer.forward(&hidden, units, self.shape);
        }
        Heads {
            entities: self.classifier.forward(&hidden),
            quotes: self.tagger.as_ref().map(|head| head.forward(&hidden)),
        }
    }
}

/// What one forward pass gives: each head's logits `[pieces, labels]`.
pub struct Heads {
    /// The named-entity head's.
    pub entities: Tensor,
    /// The quote tagger's, when the model has one.
    pub quotes: Option<Tensor>,
}

/// The units of a packed batch: their lengths in pieces, in order.
/// Packing leaves no padding to compute; attention runs unit by unit, so
/// no piece sees another unit's. (One fused kernel over the units padded
/// into rows and packed again ran the PolNeAR dev articles 20% slower.)
pub struct Units<'a> {
    /// Pieces of each unit, special tokens included.
    lengths: &'a [i64],
    /// `[1, 1, 1, longest]`, all true: every key of a unit is real. (tch
    /// 0.17 passes a missing mask to libtorch as an undefined tensor,
    /// which it rejects.)
    keep: Tensor,
}

impl<'a> Units<'a> {
    /// The units of a batch with these lengths, for a model on `device`.
    pub fn new(lengths: &'a [i64], device: tch::Device) -> Self {
        let longest = lengths.iter().copied().max().unwrap_or(0);
        let keep = Tensor::ones([1, 1, 1, longest], (Kind::Bool, device));
        Units { lengths, keep }
    }

    /// `(first piece, length)` of each unit.
    fn spans(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.lengths.iter().scan(0, |at, &len| {
            let span = (*at, len);
            *at += len;
            Some(span)
        })
    }

    /// Self-attention within each unit: `qkv` `[pieces, 3d]` (queries,
    /// keys and values side by side) to the context `[pieces, d]`.
    fn attention(&self, qkv: &Tensor, heads: i64) -> Tensor {
        let (pieces, wide) = qkv.size2().expect("qkv is 2-d");
        let d = wide / 3;
        // [3, heads, pieces, head]: one copy, then a view per unit.
        let qkv = qkv
            .view([pieces, 3, heads, d / heads])
            .permute([1, 2, 0, 3])
            .contiguous();
        let contexts: Vec<Tensor> = self
            .spans()
            .map(|(at, len)| {
                let unit = qkv.narrow(2, at, len).unsqueeze(1);
                let (q, k, v) = (unit.get(0), unit.get(1), unit.get(2));
                let keep = self.keep.narrow(3, 0, len);
                Tensor::scaled_dot_product_attention(&q, &k, &v, Some(&keep), 0.0, false, None)
            })
            .collect();
        // [1, heads, pieces, head] -> [pieces, d]
        Tensor::cat(&contexts, 2)
            .squeeze_dim(0)
            .transpose(0, 1)
            .reshape([pieces, d])
    }
}

/// Reads a named tensor, prepared for the device.
type Get<'a> = dyn Fn(&str) -> Result<Tensor, Error> + Sync + 'a;

/// The linear layer `prefix.weight`, `prefix.bias`.
fn linear(get: &Get, prefix: &str, int8: bool) -> Result<Linear, Error> {
    let weight = get(&format!("{prefix}.weight"))?;
    Ok(Linear::new(weight, get(&format!("{prefix}.bias"))?, int8))
}

impl Layer {
    /// Encoder layer `prefix` (`bert.encoder.layer.N`).
    fn new(get: &Get, prefix: &str, int8: bool) -> Result<Self, Error> {
        let stacked = |what: &str| -> Result<Tensor, Error> {
            let parts = ["query", "key", "value"]
                .map(|n| get(&format!("{prefix}.attention.self.{n}.{what}")))
                .into_iter()
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Tensor::cat(&parts, 0))
        };
        Ok(Layer {
            qkv: Linear::new(stacked("weight")?, stacked("bias")?, int8),
            attention_out: linear(get, &format!("{prefix}.attention.output.dense"), int8)?,
            attention_norm: Norm::new(get, &format!("{prefix}.attention.output"))?,
            intermediate: linear(get, &format!("{prefix}.intermediate.dense"), int8)?,
            output: linear(get, &format!("{prefix}.output.dense"), int8)?,
            output_norm: Norm::new(get, &format!("{prefix}.output"))?,
        })
    }

    fn forward(&self, hidden: &Tensor, units: &Units, shape: Shape) -> Tensor {
        let context = units.attention(&self.qkv.forward(hidden), shape.heads);
        let hidden = self
            .attention_norm
            .apply(&(self.attention_out.forward(&context) + hidden), shape.eps);
        let inner = self.intermediate.forward(&hidden).gelu("none");
        self.output_norm
            .apply(&(self.output.forward(&inner) + &hidden), shape.eps)
    }
}

impl Norm {
    /// The layer norm `prefix.LayerNorm`.
    fn new(get: &Get, prefix: &str) -> Result<Self, Error> {
        Ok(Norm {
            weight: get(&format!("{prefix}.LayerNorm.weight"))?,
            bias: get(&format!("{prefix}.LayerNorm.bias"))?,
        })
    }

    fn apply(&self, x: &Tensor, eps: f64) -> Tensor {
        let d = *x.size().last().expect("at least 1-d");
        x.layer_norm([d], Some(&self.weight), Some(&self.bias), eps, false)
    }
}
