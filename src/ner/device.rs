//! Where the named-entity model runs and in which number format: the
//! `--device` and `--precision` choices and their resolution to libtorch's
//! device and float type, in one place.

use std::fmt;

use tch::Kind;

use crate::error::Error;

/// Where to run the model (`--device`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Device {
    /// CUDA when libtorch sees a device, else the CPU.
    #[default]
    Auto,
    /// The CPU.
    Cpu,
    /// The first CUDA device; an error when there is none.
    Cuda,
}

/// The number format of the model's computation (`--precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Precision {
    /// int8 encoder linear layers (per-tensor weights, one dynamic
    /// activation scale per batch, through fbgemm), the rest fp32. CPU
    /// only; the CPU default.
    Int8,
    /// fp32 throughout.
    Fp32,
    /// fp16 throughout. CUDA only; the CUDA default.
    Fp16,
}

impl Precision {
    /// `int8`, `fp32` or `fp16`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Int8 => "int8",
            Precision::Fp32 => "fp32",
            Precision::Fp16 => "fp16",
        }
    }
}

/// How the model is to be loaded and run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ModelOptions {
    /// Where to run it.
    pub device: Device,
    /// In which format; `None` takes the device's default (int8 on the CPU,
    /// fp16 on CUDA).
    pub precision: Option<Precision>,
}

/// A resolved choice: the device the model runs on and its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// `true` on a CUDA device, `false` on the CPU.
    pub cuda: bool,
    /// The number format.
    pub precision: Precision,
}

impl fmt::Display for Placement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let device = if self.cuda { "cuda" } else { "cpu" };
        write!(f, "{device}, {}", self.precision.as_str())
    }
}

impl ModelOptions {
    /// Resolves `auto` and the default precision, checking that the
    /// combination can run here.
    pub fn resolve(self) -> Result<Placement, Error> {
        let cuda = match self.device {
            Device::Cpu => false,
            Device::Auto => cuda_available()?,
            Device::Cuda if cuda_available()? => true,
            Device::Cuda if !super::cuda::driver_present() => {
                return Err(Error::Model(
                    "--device cuda: libtorch sees no CUDA device (no NVIDIA driver: libcuda.so.1 does not load)".into(),
                ))
            }
            Device::Cuda => {
                return Err(Error::Model(
                    "--device cuda: libtorch sees no CUDA device".into(),
                ))
            }
        };
        let precision = match (self.precision, cuda) {
            (None, false) => Precision::Int8,
            (None, true) => Precision::Fp16,
            (Some(Precision::Int8), true) => {
                return Err(Error::Model(
                    "--precision int8 runs on the CPU only; use fp16 or fp32 on CUDA".into(),
                ))
            }
            (Some(Precision::Fp16), false) => {
                return Err(Error::Model(
                    "--precision fp16 runs on CUDA only (the CPU has no fast fp16 kernels); use int8 or fp32".into(),
                ))
            }
            (Some(p), _) => p,
        };
        Ok(Placement { cuda, precision })
    }
}

/// Whether libtorch sees a CUDA device. The binary does not link libtorch's
/// CUDA library; this loads it first where an NVIDIA driver is present
/// (`super::cuda`), so the CPU path never maps it.
fn cuda_available() -> Result<bool, Error> {
    Ok(super::cuda::device_count()? > 0)
}

impl Placement {
    /// libtorch's device.
    pub(super) fn tch_device(self) -> tch::Device {
        if self.cuda {
            tch::Device::Cuda(0)
        } else {
            tch::Device::Cpu
        }
    }

    /// The float type of weights and activations.
    pub(super) fn kind(self) -> Kind {
        match self.precision {
            Precision::Fp16 => Kind::Half,
            Precision::Int8 | Precision::Fp32 => Kind::Float,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(device: Device, precision: Option<Precision>) -> Result<Placement, Error> {
        ModelOptions { device, precision }.resolve()
    }

    #[test]
    fn the_cpu_defaults_to_int8_and_refuses_fp16() {
        let cpu = resolve(Device::Cpu, None).unwrap();
        assert_eq!((cpu.cuda, cpu.precision), (false, Precision::Int8));
        assert_eq!(cpu.to_string(), "cpu, int8");
        let fp32 = resolve(Device::Cpu, Some(Precision::Fp32)).unwrap();
        assert_eq!(fp32.kind(), Kind::Float);
        assert!(resolve(Device::Cpu, Some(Precision::Fp16)).is_err());
    }

    #[test]
    fn auto_follows_what_libtorch_sees() {
        let auto = resolve(Device::Auto, None).unwrap();
        assert_eq!(auto.cuda, cuda_available().unwrap());
        let cuda = resolve(Device::Cuda, None);
        if cuda_available().unwrap() {
            let cuda = cuda.unwrap();
            assert_eq!((cuda.precision, cuda.kind()), (Precision::Fp16, Kind::Half));
            assert!(resolve(Device::Cuda, Some(Precision::Int8)).is_err());
        } else {
            let message = cuda.unwrap_err().to_string();
            let why = if super::super::cuda::driver_present() {
                "no CUDA device"
            } else {
                "no NVIDIA driver"
            };
            assert!(message.contains(why), "{message}");
        }
    }
}
