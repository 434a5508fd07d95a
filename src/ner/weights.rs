//! Reading `model.safetensors`: the file mapped into memory, and each
//! tensor converted straight from the file's bytes to the type and device
//! it is used in.
//!
//! rust-bert's variable store is not used to load: it first fills every
//! variable of a fresh model with random values (22 million of them),
//! converts those to the file's float type, then copies the file over
//! them; that was most of the model's load time.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::Path;

use safetensors::SafeTensors;
use tch::{Device, Kind, Tensor};

use crate::error::Error;

/// A safetensors file, mapped read-only: its pages come from the page
/// cache, with no copy and no zeroed memory to fill (a plain read of the
/// 45 MB file took 40 ms of a 100 ms load).
pub struct WeightsFile {
    map: *mut libc::c_void,
    len: usize,
}

/// The named tensors of a [`WeightsFile`].
pub struct Weights<'a> {
    file: SafeTensors<'a>,
}

impl WeightsFile {
    /// Maps `path`.
    pub fn map(path: &Path) -> Result<Self, Error> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let len = file.metadata().map_err(|e| Error::io(path, e))?.len() as usize;
        if len == 0 {
            return Err(Error::Model(format!("{} is empty", path.display())));
        }
        // SAFETY: a fresh private read-only mapping of the whole file; the
        // result is checked, and unmapped on drop. (A file truncated while
        // mapped would fault: model files are not written in place.)
        let map = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_POPULATE,
                file.as_raw_fd(),
                0,
            )
        };
        if map == libc::MAP_FAILED {
            return Err(Error::io(path, std::io::Error::last_os_error()));
        }
        Ok(WeightsFile { map, len })
    }

    /// The file's bytes.
    fn bytes(&self) -> &[u8] {
        // SAFETY: `len` readable bytes at `map`, mapped until `self` drops.
        unsafe { std::slice::from_raw_parts(self.map.cast::<u8>(), self.len) }
    }

    /// Its tensors, once the header is checked.
    pub fn weights(&self) -> Result<Weights<'_>, Error> {
        let file = SafeTensors::deserialize(self.bytes())
            .map_err(|e| Error::Model(format!("model.safetensors: {e}")))?;
        Ok(Weights { file })
    }
}

impl Drop for WeightsFile {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `read`, no longer borrowed.
        unsafe { libc::munmap(self.map, self.len) };
    }
}

impl Weights<'_> {
    /// Whether the file holds a tensor called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.file.tensor(name).is_ok()
    }

    /// The tensor `name` in `kind` on `device` (`None`: the file's type),
    /// in memory of its own.
    pub fn get(&self, name: &str, kind: Option<Kind>, device: Device) -> Result<Tensor, Error> {
        let view = self
            .file
            .tensor(name)
            .map_err(|_| Error::Model(format!("the weights lack {name}")))?;
        let stored =
            Kind::try_from(view.dtype()).map_err(|e| Error::Model(format!("{name}: {e}")))?;
        let shape: Vec<i64> = view.shape().iter().map(|&n| n as i64).collect();
        let bytes = view.data();
        if bytes.len() != shape.iter().product::<i64>() as usize * stored.elt_size_in_bytes() {
            return Err(Error::Model(format!(
                "{name}: size does not match its shape"
            )));
        }
        // Row-major, as safetensors stores tensors.
        let mut strides = vec![1i64; shape.len()];
        for i in (1..shape.len()).rev() {
            strides[i - 1] = strides[i] * shape[i];
        }
        // SAFETY: `bytes` holds the tensor's elements, in row-major order,
        // and outlives `file_view`; the result never shares its memory
        // (checked below), so it may outlive the file.
        let file_view = unsafe {
            Tensor::f_from_blob(bytes.as_ptr(), &shape, &strides, stored, Device::Cpu)
                .map_err(|e| Error::Model(format!("{name}: {e}")))?
        };
        let out = file_view.to_device(device).to_kind(kind.unwrap_or(stored));
        // No conversion and no move: `out` is still the file's memory.
        Ok(if out.data_ptr() == file_view.data_ptr() {
            out.copy()
        } else {
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tensors_are_converted_and_never_share_the_files_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.safetensors");
        let values = Tensor::from_slice(&[1.5f32, -2.0, 0.25, 4.0, 5.0, 6.0]).reshape([2, 3]);
        let half = values.to_kind(Kind::Half);
        Tensor::write_safetensors(&[("w", &half)], &path).unwrap();
        let file = WeightsFile::map(&path).unwrap();
        let weights = file.weights().unwrap();
        let float = weights.get("w", Some(Kind::Float), Device::Cpu).unwrap();
        assert_eq!(float.kind(), Kind::Float);
        assert!(float.equal(&values));
        let stored = weights.get("w", None, Device::Cpu).unwrap();
        assert_eq!(stored.kind(), Kind::Half);
        drop(weights);
        drop(file);
        assert!(stored.equal(&half), "still readable once the file is gone");
        assert_eq!(stored.size(), [2, 3]);
    }

    #[test]
    fn a_missing_tensor_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.safetensors");
        Tensor::write_safetensors(&[("a", &Tensor::from_slice(&[1f32]))], &path).unwrap();
        let file = WeightsFile::map(&path).unwrap();
        let error = file.weights().unwrap().get("b", None, Device::Cpu);
        assert!(error.unwrap_err().to_string().contains("lack b"));
    }
}
