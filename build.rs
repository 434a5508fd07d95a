//! Embeds an rpath to the libtorch the crate was built against, so binaries
//! and tests run without `LD_LIBRARY_PATH`.
//!
//! torch-sys builds against the CPU view that `scripts/setup.sh` links in
//! `.venv/libtorch-cpu/lib` (symlinks, without the CUDA libraries); the
//! rpath names the directory the links point into, the wheel's own
//! `torch/lib`, where `src/ner/cuda.rs` also finds `libtorch_cuda.so`.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    println!("cargo:rerun-if-env-changed=LIBTORCH_USE_PYTORCH");
    if std::env::var_os("LIBTORCH_USE_PYTORCH").is_some() {
        println!(
            "cargo:warning=LIBTORCH_USE_PYTORCH is set: torch-sys then ignores the CPU view in \
             .cargo/config.toml and links the CUDA libraries into every binary; unset it"
        );
    }
    if let Ok(dir) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
        println!(
            "cargo:rustc-link-arg=-Wl,-rpath,{}",
            real_dir(Path::new(&dir)).display()
        );
    }
}

/// The directory `libtorch_cpu.so` in `dir` really lives in (`dir` itself
/// when it is not a link).
fn real_dir(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir.join("libtorch_cpu.so"))
        .ok()
        .and_then(|lib| lib.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| dir.to_path_buf())
}
