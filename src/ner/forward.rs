//! Our BERT token-classification forward pass: embeddings, encoder layers
//! and classifier computed with libtorch's fused kernels
//! (`scaled_dot_product_attention` with the padding mask, `linear` with
//! bias, exact `gelu`, `layer_norm`) over the weights rust-bert loaded.
//!
//! rust-bert keeps the configuration, the variable layout and the loading;
//! [`Bert::new`] takes its named variables. Compared with rust-bert's
//! `BertForTokenClassification`, the query, key and value projections run as
//! one matrix product, attention is one fused kernel instead of four
//! operations, and the encoder's linear layers can be int8 ([`Linear`]).

use std::collections::HashMap;

use tch::{Kind, Tensor};

use super::linear::Linear;
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
    word: Tensor,
    position: Tensor,
    token_type: Tensor,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    classifier: Linear,
    shape: Shape,
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
    /// Takes the named variables of a rust-bert `BertForTokenClassification`
    /// (`bert.embeddings.*`, `bert.encoder.layer.N.*`, `classifier.*`).
    pub fn new(
        vars: &HashMap<String, Tensor>,
        shape: Shape,
        prepare: Prepare,
    ) -> Result<Self, Error> {
        let get = |name: &str| -> Result<Tensor, Error> {
            let t = vars
                .get(name)
                .ok_or_else(|| Error::Model(format!("the weights lack {name}")))?;
            Ok(t.to_device(prepare.device).to_kind(prepare.kind))
        };
        let norm = |prefix: &str| -> Result<Norm, Error> {
            Ok(Norm {
                weight: get(&format!("{prefix}.LayerNorm.weight"))?,
                bias: get(&format!("{prefix}.LayerNorm.bias"))?,
            })
        };
        let linear = |prefix: &str, int8: bool| -> Result<Linear, Error> {
            let (weight, bias) = (
                get(&format!("{prefix}.weight"))?,
                get(&format!("{prefix}.bias"))?,
            );
            Ok(Linear::new(weight, bias, int8))
        };
        let int8 = prepare.int8;
        let mut layers = Vec::with_capacity(shape.layers);
        for i in 0..shape.layers {
            let p = format!("bert.encoder.layer.{i}");
            let part = |name: &str| format!("{p}.attention.self.{name}");
            let stacked = |what: &str| -> Result<Tensor, Error> {
                let parts = ["query", "key", "value"]
                    .map(|n| get(&format!("{}.{what}", part(n))))
                    .into_iter()
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Tensor::cat(&parts, 0))
            };
            layers.push(Layer {
                qkv: Linear::new(stacked("weight")?, stacked("bias")?, int8),
                attention_out: linear(&format!("{p}.attention.output.dense"), int8)?,
                attention_norm: norm(&format!("{p}.attention.output"))?,
                intermediate: linear(&format!("{p}.intermediate.dense"), int8)?,
                output: linear(&format!("{p}.output.dense"), int8)?,
                output_norm: norm(&format!("{p}.output"))?,
            });
        }
        Ok(Bert {
            word: get("bert.embeddings.word_embeddings.weight")?,
            position: get("bert.embeddings.position_embeddings.weight")?,
            token_type: get("bert.embeddings.token_type_embeddings.weight")?,
            embedding_norm: norm("bert.embeddings")?,
            layers,
            // The head is 9 outputs wide: int8 would save nothing.
            classifier: linear("classifier", false)?,
            shape,
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

    /// Logits `[batch, width, labels]` for piece ids, casing classes
    /// (token types) and the attention mask (1 = real piece, 0 = padding),
    /// each `[batch, width]` on [`Bert::device`].
    pub fn forward(&self, ids: &Tensor, types: &Tensor, mask: &Tensor) -> Tensor {
        let width = ids.size()[1];
        let positions = Tensor::arange(width, (Kind::Int64, ids.device()));
        let embedded = Tensor::embedding(&self.word, ids, -1, false, false)
            + Tensor::embedding(&self.position, &positions, -1, false, false)
            + Tensor::embedding(&self.token_type, types, -1, false, false);
        let mut hidden = self.embedding_norm.apply(&embedded, self.shape.eps);
        // [batch, 1, 1, width]: every query sees the real pieces only.
        let keep = mask.eq(1).unsqueeze(1).unsqueeze(1);
        for layer in &self.layers {
            hidden = layer.forward(&hidden, &keep, self.shape);
        }
        self.classifier.forward(&hidden)
    }
}

impl Layer {
    fn forward(&self, hidden: &Tensor, keep: &Tensor, shape: Shape) -> Tensor {
        let (batch, width, d) = hidden.size3().expect("hidden states are 3-d");
        let head = d / shape.heads;
        // [batch, width, 3d] -> 3 × [batch, heads, width, head]
        let qkv = self
            .qkv
            .forward(hidden)
            .view([batch, width, 3, shape.heads, head])
            .permute([2, 0, 3, 1, 4]);
        let (q, k, v) = (qkv.get(0), qkv.get(1), qkv.get(2));
        let context =
            Tensor::scaled_dot_product_attention(&q, &k, &v, Some(keep), 0.0, false, None)
                .transpose(1, 2)
                .reshape([batch, width, d]);
        let hidden = self
            .attention_norm
            .apply(&(self.attention_out.forward(&context) + hidden), shape.eps);
        let inner = self.intermediate.forward(&hidden).gelu("none");
        self.output_norm
            .apply(&(self.output.forward(&inner) + &hidden), shape.eps)
    }
}

impl Norm {
    fn apply(&self, x: &Tensor, eps: f64) -> Tensor {
        let d = *x.size().last().expect("at least 1-d");
        x.layer_norm([d], Some(&self.weight), Some(&self.bias), eps, false)
    }
}
