//! Where the binary finds its model, end to end: `--model`, then
//! `$QUOTELINK_MODEL`, then a folder relative to the executable, then the
//! build-time path; a missing model is a usage error naming where it
//! looked.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{stderr, SAMPLES};

fn sample() -> String {
    Path::new(SAMPLES).join("council.txt").display().to_string()
}

fn run(binary: &Path, args: &[&str], env: Option<&str>) -> Output {
    let mut command = Command::new(binary);
    command.args(args).env_remove("QUOTELINK_MODEL");
    if let Some(value) = env {
        command.env("QUOTELINK_MODEL", value);
    }
    // A binary copied by one test can be briefly held open for writing by
    // a process another test thread forks at that moment (ETXTBSY): retry.
    for _ in 0..50 {
        match command.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(100))
            }
            result => return result.expect("the binary runs"),
        }
    }
    panic!("{} stayed busy for 5 s", binary.display())
}

#[test]
fn an_explicit_model_that_is_missing_is_a_usage_error_naming_it() {
    let binary = Path::new(env!("CARGO_BIN_EXE_quotelink"));
    let flag = run(binary, &["--model", "/no/such/model", &sample()], None);
    assert_eq!(flag.status.code(), Some(2));
    assert!(
        stderr(&flag).contains("looked in: --model /no/such/model (no such folder)"),
        "{}",
        stderr(&flag)
    );
    let env = run(binary, &[&sample()], Some("/no/env/model"));
    assert_eq!(env.status.code(), Some(2));
    assert!(
        stderr(&env).contains("$QUOTELINK_MODEL /no/env/model (no such folder)"),
        "{}",
        stderr(&env)
    );
    // Without the model nothing is looked up.
    let no_ner = run(binary, &["--no-ner", &sample()], Some("/no/env/model"));
    assert_eq!(no_ner.status.code(), Some(0), "{}", stderr(&no_ner));
}

#[test]
fn a_copied_binary_takes_the_model_installed_beside_it_first() {
    // A model folder at ../share/quotelink/models/ner from the copy, with
    // an unreadable configuration: the error shows that it was chosen
    // over the build-time model.
    let tmp = tempfile::tempdir().unwrap();
    let binary = tmp.path().join("bin/quotelink");
    std::fs::create_dir_all(binary.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_quotelink"), &binary).unwrap();
    let installed = tmp.path().join("share/quotelink/models/ner");
    std::fs::create_dir_all(&installed).unwrap();
    for name in ["config.json", "tokenizer.json", "model.safetensors"] {
        std::fs::write(installed.join(name), b"not a model").unwrap();
    }
    let out = run(&binary, &[&sample()], None);
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("loading the named-entity model in {}", installed.display());
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    // Without it, the copy falls back to the build-time model and runs.
    std::fs::remove_dir_all(tmp.path().join("share")).unwrap();
    let out = run(&binary, &[&sample()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
