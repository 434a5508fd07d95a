//! `--device` and `--precision` through the binary: which precision ran is
//! printed, and combinations that cannot run here are usage errors.

use std::process::Output;

use crate::common::{quotelink, stderr, stdout};

const CONLL: &str = "Angela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\n\
Paris NNP B-NP B-LOC\n. . O O\n\nShares NNS B-NP O\nof IN B-PP O\nSiemens NNP B-NP B-ORG\n\
rose VBD B-VP O\n. . O O\n";

fn eval_ner(precision: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.conll");
    std::fs::write(&path, CONLL).unwrap();
    let path = path.to_str().unwrap();
    let args = ["eval", "ner", "--threads", "2", "--device", "cpu"];
    quotelink(
        &[&args[..], &["--precision", precision, "--conll", path]].concat(),
        b"",
    )
}

#[test]
fn eval_ner_says_which_precision_ran_and_both_find_the_entities() {
    for precision in ["int8", "fp32"] {
        let out = eval_ner(precision);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = stdout(&out);
        assert!(
            text.starts_with(&format!("named-entity model: cpu, {precision}\n")),
            "{text}"
        );
        assert!(
            text.contains("| overall | 100.00 | 100.00 | 100.00 | 3 |"),
            "{text}"
        );
    }
}

#[test]
fn fp16_on_the_cpu_is_a_usage_error() {
    let out = eval_ner("fp16");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("fp16 runs on CUDA only"), "{err}");
}

#[test]
fn cuda_without_a_device_is_a_usage_error() {
    let out = quotelink(
        &[
            "eval",
            "ner",
            "--device",
            "cuda",
            "--conll",
            "missing.conll",
        ],
        b"",
    );
    let err = stderr(&out);
    if err.contains("sees no CUDA device") {
        assert_eq!(out.status.code(), Some(2));
    } else {
        // A CUDA device is present: the model loads there and the missing
        // file is what fails.
        println!("skipped: libtorch sees a CUDA device");
        assert!(err.contains("missing.conll"), "{err}");
    }
}
