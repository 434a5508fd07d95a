//! A linear layer in fp32 (or the device's float type), or in int8 through
//! fbgemm (`fbgemm_linear_int8_weight_fp32_activation`): weights quantised
//! per tensor and packed once at load, activations quantised per call over
//! the whole batch inside the fused kernel (hence batches of one document
//! on the CPU: see `bert.rs`).
//!
//! Why fbgemm per tensor and not per-channel weights with per-row
//! activation scales through `_int_mm`: the per-channel scheme keeps F1
//! marginally higher (CoNLL-2003 test 88.34 against 88.04 in PyTorch), but
//! libtorch has no fused kernel for its dynamic quantisation, and the eight
//! elementwise passes around `_int_mm` (absolute maximum, divide, round,
//! cast; cast back, two rescales, bias) made a `[1024, 384] × [384, 1536]`
//! layer *slower* than fp32 on 2 cores with AVX-512 VNNI (6–10 against
//! 17–20 GOP/s), while fbgemm ran it at 36–44 GOP/s, 2.2× fp32 (measured
//! in one process, alternating, on a loaded machine). fbgemm's accuracy
//! meets the bar (see `models/ner/README.md`). The op is marked deprecated
//! in PyTorch, but is the only fused int8 linear that libtorch's C++ API
//! exposes to tch; its deprecation warnings are spent where no one sees
//! them ([`spend_deprecation_warnings`]).

use std::sync::Once;

use tch::{Kind, Scalar, Tensor};

/// `y = x Wᵀ + b` over the last dimension of `x`.
pub enum Linear {
    /// Float weights `[out, in]`.
    Float {
        /// `[out, in]`.
        weight: Tensor,
        /// `[out]`.
        bias: Tensor,
    },
    /// int8 weights for fbgemm, per-tensor scale and zero point.
    Int8 {
        /// `[out, in]` int8 (fbgemm reads its shape only).
        weight: Tensor,
        /// The same, packed for fbgemm's kernels.
        packed: Tensor,
        /// `[out]` int32: each output channel's sum of quantised weights
        /// minus `zero_point × in`.
        col_offsets: Tensor,
        /// Real value of one quantisation step.
        scale: f64,
        /// The int8 value that stands for 0.0.
        zero_point: f64,
        /// `[out]` fp32.
        bias: Tensor,
    },
}

/// The int8 range.
const QMIN: f64 = -128.0;
const QMAX: f64 = 127.0;

impl Linear {
    /// Wraps float weights, quantising and packing them when `int8` is set
    /// (the float copy is then dropped).
    pub fn new(weight: Tensor, bias: Tensor, int8: bool) -> Self {
        if !int8 {
            return Linear::Float { weight, bias };
        }
        spend_deprecation_warnings();
        let weight = weight.to_kind(Kind::Float);
        let (scale, zero_point) = quantisation_params(
            weight.min().double_value(&[]),
            weight.max().double_value(&[]),
        );
        let inner = weight.size()[1] as f64;
        // In place, the same operations as `((w / s).round() + z).clamp()`.
        let mut scaled = &weight / scale;
        drop(weight);
        let _ = scaled.round_();
        let _ = scaled.g_add_scalar_(zero_point);
        let _ = scaled.clamp_(QMIN, QMAX);
        let quantised = scaled.to_kind(Kind::Int8);
        drop(scaled);
        let col_offsets = (quantised.sum_dim_intlist(1, false, Kind::Int64) - zero_point * inner)
            .to_kind(Kind::Int);
        Linear::Int8 {
            packed: quantised.fbgemm_pack_quantized_matrix(),
            weight: quantised,
            col_offsets,
            scale,
            zero_point,
            bias: bias.to_kind(Kind::Float),
        }
    }

    /// Applies the layer to `x` `[..., in]`.
    pub fn forward(&self, x: &Tensor) -> Tensor {
        match self {
            Linear::Float { weight, bias } => x.linear(weight, Some(bias)),
            Linear::Int8 {
                weight,
                packed,
                col_offsets,
                scale,
                zero_point,
                bias,
            } => x.fbgemm_linear_int8_weight_fp32_activation(
                weight,
                packed,
                col_offsets,
                Scalar::float(*scale),
                Scalar::int(*zero_point as i64),
                bias,
            ),
        }
    }

    /// Bytes held by the weights.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        let size = |t: &Tensor| t.numel() * t.kind().elt_size_in_bytes();
        match self {
            Linear::Float { weight, bias } => size(weight) + size(bias),
            Linear::Int8 {
                weight,
                col_offsets,
                bias,
                ..
            } => size(weight) + size(col_offsets) + size(bias),
        }
    }
}

extern "C" {
    /// c10's logging threshold (0 info, 1 warning, 2 error), read as each
    /// message is logged (a plain `int` global of libc10).
    static mut FLAGS_caffe2_log_level: i32;
}

/// libtorch's level for errors: warnings below it are dropped.
const LOG_ERRORS_ONLY: i32 = 2;

/// fbgemm's two int8 ops print a deprecation warning on standard error
/// the first time each runs in a process (`TORCH_WARN_ONCE`), and
/// quotelink's standard error is for quotelink's own messages. So the
/// first call of each is made here, once, on a 1 × 1 layer, with libtorch's
/// warnings silenced; the level is restored at once, so that any other
/// libtorch warning still shows.
fn spend_deprecation_warnings() {
    static SPENT: Once = Once::new();
    SPENT.call_once(|| {
        let level = std::ptr::addr_of_mut!(FLAGS_caffe2_log_level);
        // SAFETY: a C `int` that libtorch only reads as it logs.
        let before = unsafe { level.read_volatile() };
        unsafe { level.write_volatile(LOG_ERRORS_ONLY) };
        let weight = Tensor::ones([1, 1], (Kind::Int8, tch::Device::Cpu));
        let packed = weight.fbgemm_pack_quantized_matrix();
        let x = Tensor::ones([1, 1], (Kind::Float, tch::Device::Cpu));
        let bias = Tensor::zeros([1], (Kind::Float, tch::Device::Cpu));
        let offsets = Tensor::ones([1], (Kind::Int, tch::Device::Cpu));
        let _ = x.fbgemm_linear_int8_weight_fp32_activation(
            &weight,
            &packed,
            &offsets,
            Scalar::float(1.0),
            Scalar::int(0),
            &bias,
        );
        unsafe { level.write_volatile(before) };
    });
}

/// fbgemm's choice of scale and zero point for values in `[min, max]`
/// (`ChooseQuantizationParams`, without sparsity preservation): the range
/// widened to hold 0.0 is spread over the 256 int8 values, and 0.0 falls
/// exactly on one.
fn quantisation_params(min: f64, max: f64) -> (f64, f64) {
    let (min, max) = (min.min(0.0), max.max(0.0));
    let mut scale = (max - min) / (QMAX - QMIN);
    if scale as f32 == 0.0 || (1.0 / scale as f32).is_infinite() {
        scale = 0.1;
    }
    let from_min = (QMIN - min / scale, QMIN.abs() + (min / scale).abs());
    let from_max = (QMAX - max / scale, QMAX.abs() + (max / scale).abs());
    let initial = if from_min.1 < from_max.1 {
        from_min.0
    } else {
        from_max.0
    };
    (scale, initial.round_ties_even().clamp(QMIN, QMAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int8_matches_float_within_quantisation_error() {
        // Values from a generator of the test's own: libtorch's global one
        // is shared with other tests running at the same time.
        let mut values = uniform(7);
        let mut tensor = |shape: &[i64]| {
            let n = shape.iter().product::<i64>() as usize;
            let data: Vec<f32> = (&mut values).take(n).collect();
            Tensor::from_slice(&data).reshape(shape)
        };
        let weight = tensor(&[48, 32]);
        let bias = tensor(&[48]);
        let x = tensor(&[3, 5, 32]);
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

    /// Endless uniform values in [-1, 1) from a xorshift generator.
    fn uniform(seed: u64) -> impl Iterator<Item = f32> {
        let mut state = seed.max(1);
        std::iter::repeat_with(move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        })
    }

    #[test]
    fn zero_is_exact_and_the_range_is_covered() {
        let (scale, zero) = quantisation_params(-0.5, 1.5);
        assert!((scale - 2.0 / 255.0).abs() < 1e-12);
        let (lo, hi) = (-0.5 / scale + zero, 1.5 / scale + zero);
        assert!(lo >= QMIN - 0.5 && hi <= QMAX + 0.5, "{lo} {hi}");
        // All positive: the range is widened down to 0.0, which maps to -128.
        assert_eq!(quantisation_params(0.2, 2.0).1, QMIN);
        // An all-zero tensor still gets a usable scale.
        assert_eq!(quantisation_params(0.0, 0.0).0, 0.1);
    }
}
