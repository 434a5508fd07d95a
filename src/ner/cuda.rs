//! CUDA on demand: the binary links libtorch's CPU libraries only, so a CPU
//! run never maps `libtorch_cuda.so` and the CUDA libraries behind it
//! (200 MiB of RSS and a large share of start-up); [`load`] maps them at
//! run time for `--device cuda`, and [`device_count`] answers `--device
//! auto`, loading them only where an NVIDIA driver is present.
//!
//! libtorch asks for its CUDA hooks once and keeps the answer, so [`load`]
//! must run before anything asks libtorch about CUDA (`tch::Cuda`,
//! `Device::cuda_if_available`): until then libtorch sees no CUDA at all.

use std::ffi::{CStr, CString, OsStr};
use std::os::raw::c_char;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::error::Error;

/// The library the binary links, whose directory holds the CUDA one.
const CPU_LIBRARY: &str = "libtorch_cpu.so";
/// libtorch's CUDA kernels and hooks.
const CUDA_LIBRARY: &str = "libtorch_cuda.so";
/// The NVIDIA driver's user-space library.
const DRIVER_LIBRARY: &str = "libcuda.so.1";

/// Maps `libtorch_cuda.so` from the directory of the `libtorch_cpu.so` this
/// process runs on (`RTLD_NOW | RTLD_GLOBAL`, so that its kernels and CUDA
/// hooks register with libtorch). `Ok(false)` when that libtorch has no
/// CUDA library (a CPU-only build); an error when it has one that cannot be
/// loaded. Only the first call does the work; later calls return its
/// result.
pub fn load() -> Result<bool, Error> {
    static LOADED: OnceLock<Result<bool, (PathBuf, String)>> = OnceLock::new();
    LOADED
        .get_or_init(load_once)
        .clone()
        .map_err(|(path, message)| Error::CudaLibrary { path, message })
}

/// The number of CUDA devices libtorch can use, for `--device auto`: 0
/// without an NVIDIA driver, checked first so that a CPU machine does not
/// load the CUDA libraries; otherwise [`load`], then libtorch's count (0
/// when its CUDA library is absent).
pub fn device_count() -> Result<usize, Error> {
    Ok(if driver_present() && load()? {
        usize::try_from(tch::Cuda::device_count()).unwrap_or(0)
    } else {
        0
    })
}

/// Whether the NVIDIA driver's library (`libcuda.so.1`, what the CUDA
/// runtime itself opens) can be loaded: a few milliseconds, against about
/// a second for libtorch's CUDA libraries.
pub fn driver_present() -> bool {
    // The CUDA runtime opens it again when it needs it.
    opens(DRIVER_LIBRARY, libc::RTLD_LAZY | libc::RTLD_LOCAL)
}

/// Whether `libtorch_cuda.so` is mapped into this process.
pub fn is_loaded() -> bool {
    opens(CUDA_LIBRARY, libc::RTLD_LAZY | libc::RTLD_NOLOAD)
}

/// Whether `dlopen(name, flags)` succeeds; the handle is closed at once.
fn opens(name: &str, flags: libc::c_int) -> bool {
    let name = CString::new(name).expect("no NUL in a library name");
    // SAFETY: `name` is a valid C string; the reference the handle holds is
    // dropped at once (with RTLD_NOLOAD the call only looks the library up).
    unsafe {
        let handle = libc::dlopen(name.as_ptr(), flags);
        if handle.is_null() {
            return false;
        }
        libc::dlclose(handle);
    }
    true
}

fn load_once() -> Result<bool, (PathBuf, String)> {
    let path = libtorch_dir()
        .map_err(|m| (PathBuf::from(CPU_LIBRARY), m))?
        .join(CUDA_LIBRARY);
    if !path.exists() {
        return Ok(false);
    }
    let name = CString::new(path.as_os_str().as_bytes())
        .map_err(|_| (path.clone(), "path holds a NUL byte".to_owned()))?;
    // SAFETY: `name` is a valid C string. The handle is never closed: the
    // library stays mapped for the life of the process, as libtorch
    // expects of its registered kernels.
    let handle = unsafe { libc::dlopen(name.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
    if handle.is_null() {
        return Err((path, dl_error()));
    }
    Ok(true)
}

/// The directory of the `libtorch_cpu.so` already mapped into this process.
fn libtorch_dir() -> Result<PathBuf, String> {
    let name = CString::new(CPU_LIBRARY).expect("no NUL in a constant");
    let mut origin: Vec<c_char> = vec![0; libc::PATH_MAX as usize + 1];
    // SAFETY: `name` is a valid C string; RTLD_DI_ORIGIN writes a
    // NUL-terminated path of at most PATH_MAX bytes into `origin`; the
    // reference RTLD_NOLOAD takes is dropped before returning.
    unsafe {
        let handle = libc::dlopen(name.as_ptr(), libc::RTLD_LAZY | libc::RTLD_NOLOAD);
        if handle.is_null() {
            return Err(format!("{CPU_LIBRARY} is not loaded: {}", dl_error()));
        }
        let status = libc::dlinfo(handle, libc::RTLD_DI_ORIGIN, origin.as_mut_ptr().cast());
        let error = (status != 0).then(dl_error);
        libc::dlclose(handle);
        if let Some(error) = error {
            return Err(error);
        }
        let bytes = CStr::from_ptr(origin.as_ptr()).to_bytes();
        Ok(PathBuf::from(OsStr::from_bytes(bytes)))
    }
}

/// The dynamic loader's last error message on this thread.
fn dl_error() -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated, thread-local string
    // that stays valid until the next dl* call on this thread.
    unsafe {
        let message = libc::dlerror();
        if message.is_null() {
            "unknown dynamic loader error".to_owned()
        } else {
            CStr::from_ptr(message).to_string_lossy().into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_libtorch_this_process_runs_on() {
        let dir = libtorch_dir().expect("libtorch_cpu.so is linked");
        assert!(dir.join(CPU_LIBRARY).is_file(), "{}", dir.display());
    }
}
