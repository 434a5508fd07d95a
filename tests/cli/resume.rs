//! `--resume`: a real run killed with SIGKILL at random moments, then
//! resumed with the same inputs, leaves the file an uninterrupted run
//! writes, byte for byte; other inputs are refused.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::common::{generated_corpus, quotelink, stderr};

fn run_to(input: &Path, out: &Path, resume: bool) -> std::process::Output {
    let (input, out) = (input.to_str().unwrap(), out.to_str().unwrap());
    let mut args = vec!["--no-ner", "--threads", "2", "--jsonl", input, "-o", out];
    if resume {
        args.push("--resume");
    }
    quotelink(&args, b"")
}

/// A small xorshift generator; the seed is printed so a failure can be
/// replayed.
fn random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn a_run_killed_at_any_moment_resumes_to_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, generated_corpus(4000)).unwrap();
    let reference = dir.path().join("reference.jsonl");
    let started = Instant::now();
    assert_eq!(run_to(&input, &reference, false).status.code(), Some(0));
    let took = started.elapsed();
    let expected = std::fs::read(&reference).unwrap();
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("seed {seed}, uninterrupted run {took:?}");
    let out = dir.path().join("out.jsonl");
    for attempt in 0..5 {
        let _ = std::fs::remove_file(&out);
        let mut child = Command::new(env!("CARGO_BIN_EXE_quotelink"))
            .args(["--no-ner", "--threads", "2", "--jsonl"])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let wait = took.as_micros() as u64 * (random(&mut seed) % 1000) / 1000;
        std::thread::sleep(Duration::from_micros(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        let written = std::fs::metadata(&out).map_or(0, |m| m.len());
        let resumed = run_to(&input, &out, true);
        assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
        let got = std::fs::read(&out).unwrap();
        assert!(
            got == expected,
            "attempt {attempt}: killed after {wait} us with {written} bytes written; \
             resumed file differs ({} vs {} bytes)",
            got.len(),
            expected.len()
        );
    }
}

#[test]
fn a_partial_last_line_is_dropped_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, generated_corpus(300)).unwrap();
    let out = dir.path().join("out.jsonl");
    assert_eq!(run_to(&input, &out, false).status.code(), Some(0));
    let expected = std::fs::read(&out).unwrap();
    // The last cut is none: a finished file resumes to itself.
    let len = expected.len();
    for cut in [1, len / 3, len / 2 + 7, len - 1, len] {
        std::fs::write(&out, &expected[..cut]).unwrap();
        let resumed = run_to(&input, &out, true);
        assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
        assert!(std::fs::read(&out).unwrap() == expected, "cut at {cut}");
    }
}

#[test]
fn other_inputs_are_refused_and_the_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, generated_corpus(200)).unwrap();
    let out = dir.path().join("out.jsonl");
    assert_eq!(run_to(&input, &out, false).status.code(), Some(0));
    let before = std::fs::read(&out).unwrap();
    let other = dir.path().join("other.jsonl");
    std::fs::write(
        &other,
        generated_corpus(200).replace("\"doc1\"", "\"docX\""),
    )
    .unwrap();
    let refused = run_to(&other, &out, true);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(
        message.contains("line 2") && message.contains("docX"),
        "{message}"
    );
    assert!(
        std::fs::read(&out).unwrap() == before,
        "a refused resume changes nothing"
    );
    let no_file = quotelink(&["--no-ner", "--jsonl", "-", "--resume"], b"");
    assert_eq!(no_file.status.code(), Some(2), "--resume needs -o");
    let (input, out) = (input.to_str().unwrap(), out.to_str().unwrap());
    let text = [
        "--no-ner", "--jsonl", input, "-o", out, "--format", "text", "--resume",
    ];
    let text = quotelink(&text, b"");
    assert_eq!(text.status.code(), Some(2), "--resume needs JSON Lines");
    assert!(stderr(&text).contains("JSON Lines"));
}
