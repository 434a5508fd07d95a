//! The sentence splitter and the rule stage, in process and without the
//! model: the hand-written cases of `cases/*.toml` (`cases.rs`, one test
//! per case, named `GROUP::NAME`), the rule stage on inputs built for a
//! property (`attribution.rs`), and the splitter (`segment.rs`).
//!
//! A plain harness (`harness = false` in Cargo.toml) built on
//! libtest-mimic, which honours libtest's arguments. `#[test]` does nothing
//! here: a test is a function listed in its module's `TESTS`, run as
//! `MODULE::NAME`, and one left out of the list is dead code, which clippy
//! rejects.

use std::collections::HashSet;

use libtest_mimic::{Arguments, Trial};

/// A module's `TESTS`: each function with its name.
macro_rules! tests {
    ($($test:ident),* $(,)?) => {
        &[$((stringify!($test), $test as fn())),*]
    };
}

mod attribution;
mod cases;
mod segment;

/// Trials for the plain test functions of a module, which fail by
/// panicking.
fn functions(module: &str, tests: &[(&'static str, fn())]) -> Vec<Trial> {
    tests
        .iter()
        .map(|&(name, test)| {
            Trial::test(format!("{module}::{name}"), move || {
                test();
                Ok(())
            })
        })
        .collect()
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = cases::trials();
    trials.extend(functions("attribution", attribution::TESTS));
    trials.extend(functions("segment", segment::TESTS));
    let mut names = HashSet::new();
    for trial in &trials {
        assert!(
            names.insert(trial.name()),
            "two tests are named {}",
            trial.name()
        );
    }
    libtest_mimic::run(&args, trials).exit();
}
