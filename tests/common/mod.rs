//! Running the binary from the integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `quotelink ARGS` with `stdin` as standard input and waits for it.
pub fn run_quotelink(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelink"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.as_bytes()).expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("binary finishes")
}
