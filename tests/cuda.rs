//! CUDA on demand: a CPU run maps none of libtorch's CUDA libraries, and
//! `ner::cuda::load` maps them later, after which libtorch answers CUDA
//! queries. One test, in a binary of its own: loading lasts for the life
//! of the test process, and other tests that load the model in process
//! would share it.

use std::path::PathBuf;

use quotelink::ner::cuda;
use quotelink::ner::default_model_dir;
use quotelink::{Document, Pipeline};

/// The shared libraries mapped into this process, from /proc/self/maps.
fn mapped() -> Vec<PathBuf> {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("Linux /proc");
    let mut paths: Vec<PathBuf> = maps
        .lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .filter(|path| path.contains(".so"))
        .map(PathBuf::from)
        .collect();
    paths.dedup();
    paths
}

fn named(paths: &[PathBuf], part: &str) -> Vec<PathBuf> {
    let hit = |p: &&PathBuf| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().contains(part))
    };
    paths.iter().filter(hit).cloned().collect()
}

#[test]
fn a_cpu_run_maps_no_cuda_library_until_load_is_called() {
    if option_env!("LIBTORCH_USE_PYTORCH").is_some() {
        eprintln!(
            "skipped: built with LIBTORCH_USE_PYTORCH set, which links CUDA (.cargo/config.toml)"
        );
        return;
    }
    let pipeline = Pipeline::with_model(&default_model_dir()).expect("the shipped model loads");
    let mut docs = vec![Document::new(
        "0",
        "Angela Merkel visited Siemens in Munich.",
    )];
    docs.iter_mut().for_each(|d| pipeline.segment(d));
    pipeline
        .recognize(&mut docs)
        .expect("the model runs on the CPU");
    assert!(!docs[0].entities.is_empty(), "the model found no entity");

    let before = mapped();
    let cpu = named(&before, "libtorch_cpu.so");
    assert_eq!(cpu.len(), 1, "libtorch_cpu.so is mapped once: {cpu:?}");
    for part in ["libtorch_cuda", "libc10_cuda", "libcublas", "libcudnn"] {
        assert_eq!(
            named(&before, part),
            Vec::<PathBuf>::new(),
            "a CPU run mapped {part}"
        );
    }
    assert!(!cuda::is_loaded());

    // The wheel in .venv ships libtorch_cuda.so beside libtorch_cpu.so; a
    // CPU-only libtorch does not, and then nothing is loaded.
    let ships_cuda = cpu[0].with_file_name("libtorch_cuda.so").is_file();
    // What `--device auto` asks: without a driver, nothing is loaded.
    let devices = cuda::device_count().expect("libtorch answers");
    assert_eq!(cuda::is_loaded(), ships_cuda && cuda::driver_present());
    assert!(devices == 0 || cuda::is_loaded());

    assert_eq!(cuda::load().expect("libtorch_cuda.so loads"), ships_cuda);
    assert_eq!(cuda::is_loaded(), ships_cuda);
    let after = mapped();
    assert_eq!(!named(&after, "libtorch_cuda.so").is_empty(), ships_cuda);
    assert_eq!(!named(&after, "libc10_cuda.so").is_empty(), ships_cuda);
    // A second call returns the first one's answer.
    assert_eq!(cuda::load().expect("still loaded"), ships_cuda);
}
