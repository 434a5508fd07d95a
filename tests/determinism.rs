//! The output does not depend on the number of threads: `--threads 1` and
//! `--threads 2` write byte-identical JSON Lines, with the model, on the
//! sample articles and PolNeAR dev.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(threads: &str, inputs: &[PathBuf]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_quotelink"))
        .args(["--threads", threads])
        .args(inputs)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "--threads {threads}: {stderr}");
    out.stdout
}

#[test]
fn one_and_two_threads_write_the_same_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = vec![root.join("data/samples")];
    let dev = root.join("../shared/data/polnear/dev/text");
    if dev.is_dir() {
        inputs.push(dev);
    } else {
        eprintln!("{} is absent: the sample articles only", dev.display());
    }
    let one = run("1", &inputs);
    let two = run("2", &inputs);
    let lines = |out: &[u8]| out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    assert!(lines(&one) >= 4, "a record per document");
    let differ = one
        .split(|&b| b == b'\n')
        .zip(two.split(|&b| b == b'\n'))
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        one == two,
        "{differ} of {} records differ between 1 and 2 threads",
        lines(&one)
    );
}
