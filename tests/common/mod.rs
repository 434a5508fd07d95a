//! Shared by the integration tests: running the binary, reading its output
//! back, a generated corpus and the sample articles. Included with
//! `#[path = "../common/mod.rs"] mod common;` by the binaries that need it.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use quotelink::output::Record;
use serde::de::DeserializeOwned;

/// The sample articles' folder.
pub const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");

/// Runs `quotelink ARGS` with `stdin` as standard input and waits for it.
pub fn run_quotelink(args: &[&str], stdin: &str) -> Output {
    quotelink(args, stdin.as_bytes())
}

/// Runs `quotelink ARGS` with `stdin` (bytes) as standard input.
pub fn quotelink(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelink"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // The child may exit before reading all of its input (a usage error).
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("binary finishes")
}

/// Standard output parsed as JSON Lines.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    parse_lines(bytes)
}

/// Standard output parsed as output records.
pub fn records(bytes: &[u8]) -> Vec<Record> {
    parse_lines(bytes)
}

fn parse_lines<T: DeserializeOwned>(bytes: &[u8]) -> Vec<T> {
    String::from_utf8(bytes.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// Standard output as text, which must be UTF-8.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `n` generated JSONL documents with quotes, speakers and meta fields.
pub fn generated_corpus(n: usize) -> String {
    const PEOPLE: [(&str, &str); 4] = [
        ("Maria Delgado", "she"),
        ("John Smith", "he"),
        ("Ana Ruiz", "she"),
        ("Peter Brown", "he"),
    ];
    const OUTLETS: [&str; 3] = ["AP", "Reuters", "Fox"];
    let mut out = String::new();
    for i in 0..n {
        let (name, pronoun) = PEOPLE[i % PEOPLE.len()];
        let surname = name.split(' ').nth(1).unwrap();
        let text = format!(
            "Report {i}. \"We will finish the bridge {i},\" {name} said on Monday. \
             {surname} added that the work would cost {i} dollars. \
             \"It is late,\" {pronoun} said."
        );
        // Written by hand: serde_json's own objects would sort the keys.
        let string = |s: &str| serde_json::Value::from(s).to_string();
        let line = format!(
            "{{\"id\":\"doc{i}\",\"text\":{},\"outlet\":{},\"date\":\"2016-{:02}-{:02}\"}}",
            string(&text),
            string(OUTLETS[i % OUTLETS.len()]),
            1 + i % 12,
            1 + i % 28
        );
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The sample articles, plus PolNeAR dev when the shared data is there.
pub fn samples_and_dev() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = vec![std::path::PathBuf::from(SAMPLES)];
    let dev = root.join("../shared/data/polnear/dev/text");
    if dev.is_dir() {
        inputs.push(dev);
    } else {
        eprintln!("{} is absent: the sample articles only", dev.display());
    }
    inputs
}
