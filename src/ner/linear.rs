//! A linear layer in fp32 (or the device's float type), or in int8 with
//! per-channel weight scales and dynamic per-row activation scales through
//! libtorch's `_int_mm`, prepared once at load.
//!
//! Why per-channel `_int_mm` and not fbgemm's per-tensor
//! `fbgemm_linear_int8_weight_fp32_activation`: see `models/ner/README.md`
//! (measured speed and CoNLL-2003 F1 of both on this project's machine).

use tch::{Kind, Tensor};

/// `y = x Wᵀ + b` over the last dimension of `x`.
pub enum Linear {
    /// Float weights `[out, in]`.
    Float {
        /// `[out, in]`.
        weight: Tensor,
        /// `[out]`.
        bias: Tensor,
    },
    /// int8 weights, symmetric per output channel.
    Int8 {
        /// `[in, out]` int8: the transposed quantised weight.
        weight_t: Tensor,
        /// `[out]` fp32: the scale of each output channel.
        scale: Tensor,
        /// `[out]` fp32.
        bias: Tensor,
    },
}

/// The largest int8 magnitude used: symmetric, so that zero is exact and no
/// zero points are needed.
const QMAX: f64 = 127.0;

impl Linear {
    /// Wraps float weights, quantising them when `int8` is set (the float
    /// copy is then dropped).
    pub fn new(weight: Tensor, bias: Tensor, int8: bool) -> Self {
        if !int8 {
            return Linear::Float { weight, bias };
        }
        let weight = weight.to_kind(Kind::Float);
        let scale = weight.abs().amax([1], true).clamp_min(f64::MIN_POSITIVE) / QMAX;
        let quantised = (&weight / &scale)
            .round()
            .clamp(-QMAX, QMAX)
            .to_kind(Kind::Int8);
        Linear::Int8 {
            weight_t: quantised.tr().contiguous(),
            scale: scale.view([-1]),
            bias: bias.to_kind(Kind::Float),
        }
    }

    /// Applies the layer to `x` `[..., in]`.
    pub fn forward(&self, x: &Tensor) -> Tensor {
        match self {
            Linear::Float { weight, bias } => x.linear(weight, Some(bias)),
            Linear::Int8 {
                weight_t,
                scale,
                bias,
            } => {
                let mut dims = x.size();
                let inner = *dims.last().expect("at least 1-d");
                let rows = x.reshape([-1, inner]);
                // Dynamic symmetric scale per row (per word piece).
                let row_scale = rows.abs().amax([1], true).clamp_min(f64::MIN_POSITIVE) / QMAX;
                let quantised = (&rows / &row_scale).round().to_kind(Kind::Int8);
                let mut acc = quantised.internal_int_mm(weight_t).to_kind(Kind::Float);
                let _ = acc.g_mul_(&row_scale);
                let out = bias.addcmul(&acc, scale);
                *dims.last_mut().expect("at least 1-d") = scale.size()[0];
                out.view(dims.as_slice())
            }
        }
    }

    /// Bytes held by the weights.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        let size = |t: &Tensor| t.numel() * t.kind().elt_size_in_bytes();
        match self {
            Linear::Float { weight, bias } => size(weight) + size(bias),
            Linear::Int8 {
                weight_t,
                scale,
                bias,
            } => size(weight_t) + size(scale) + size(bias),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int8_matches_float_within_quantisation_error() {
        tch::manual_seed(7);
        let weight = Tensor::randn([48, 32], (Kind::Float, tch::Device::Cpu));
        let bias = Tensor::randn([48], (Kind::Float, tch::Device::Cpu));
        // Rows of very different magnitudes: per-row scales keep each exact.
        let x = Tensor::randn([3, 5, 32], (Kind::Float, tch::Device::Cpu))
            * Tensor::from_slice(&[0.01f32, 1.0, 100.0]).view([3, 1, 1]);
        let float = Linear::new(weight.shallow_clone(), bias.shallow_clone(), false);
        let int8 = Linear::new(weight, bias, true);
        let (want, got) = (float.forward(&x), int8.forward(&x));
        assert_eq!(got.size(), vec![3, 5, 48]);
        let err = (&got - &want).abs().amax([2], false);
        let magnitude = (&want - float.forward(&x.zeros_like()))
            .abs()
            .amax([2], false);
        let relative = (err / magnitude).max().double_value(&[]);
        assert!(relative < 0.05, "relative error {relative}");
        assert!(int8.bytes() * 3 < float.bytes(), "int8 is smaller");
    }
}
