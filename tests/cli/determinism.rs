//! The output depends on a document's own text only: `--threads 1` and
//! `--threads 2` write byte-identical JSON Lines, and a document's record
//! is the same whatever else shares its run (other documents, their order,
//! the model's batches), with the model, on the sample articles and
//! PolNeAR dev.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use crate::common::{self, stderr};

/// Standard output of a successful run of the binary on `inputs`.
fn output_of(args: &[&str], inputs: &[PathBuf], stdin: Option<&[u8]>) -> Vec<u8> {
    let inputs: Vec<&str> = inputs
        .iter()
        .map(|path| path.to_str().expect("a UTF-8 path"))
        .collect();
    let out = common::quotelink(&[args, &inputs].concat(), stdin.unwrap_or_default());
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    out.stdout
}

fn lines(out: &[u8]) -> Vec<&[u8]> {
    out.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn one_and_two_threads_write_the_same_bytes() {
    let inputs = common::samples_and_dev();
    let one = output_of(&["--threads", "1"], &inputs, None);
    let two = output_of(&["--threads", "2"], &inputs, None);
    assert!(lines(&one).len() >= 4, "a record per document");
    let differ = lines(&one)
        .iter()
        .zip(lines(&two))
        .filter(|(a, b)| **a != *b)
        .count();
    assert!(
        one == two,
        "{differ} of {} records differ between 1 and 2 threads",
        lines(&one).len()
    );
}

/// The documents of a folder run fed back in reverse order as JSON Lines,
/// every third one alone in its own run: no document meets the same
/// neighbours, chunks or batches as before.
#[test]
fn a_record_does_not_depend_on_the_other_documents() {
    let together = output_of(&["--threads", "1"], &common::samples_and_dev(), None);
    let records: Vec<serde_json::Value> = lines(&together)
        .iter()
        .map(|l| serde_json::from_slice(l).expect("a JSON record"))
        .collect();
    let by_id = |records: &[serde_json::Value]| -> BTreeMap<String, String> {
        records
            .iter()
            .map(|r| (r["id"].as_str().unwrap().to_owned(), r.to_string()))
            .collect()
    };
    let want = by_id(&records);
    let jsonl = |records: &[&serde_json::Value]| -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            // A folder run's ids are the files' paths.
            let id = r["id"].as_str().unwrap();
            let text = std::fs::read_to_string(id).expect("the id is the file's path");
            let input = serde_json::json!({"id": id, "text": text});
            writeln!(out, "{input}").unwrap();
        }
        out
    };
    let (alone, rest): (Vec<_>, Vec<_>) = records
        .iter()
        .rev()
        .enumerate()
        .partition(|(i, _)| i % 3 == 0);
    let mut got = BTreeMap::new();
    let rest: Vec<&serde_json::Value> = rest.into_iter().map(|(_, r)| r).collect();
    let run = |records: &[&serde_json::Value]| -> Vec<serde_json::Value> {
        let out = output_of(
            &["--threads", "1", "--jsonl", "-"],
            &[],
            Some(&jsonl(records)),
        );
        lines(&out)
            .iter()
            .map(|l| serde_json::from_slice(l).expect("a JSON record"))
            .collect()
    };
    got.extend(by_id(&run(&rest)));
    for (_, record) in alone.iter().take(6) {
        got.extend(by_id(&run(&[record])));
    }
    assert!(got.len() >= 4, "records came back");
    let differ: Vec<&String> = got
        .iter()
        .filter(|(id, record)| want.get(*id) != Some(record))
        .map(|(id, _)| id)
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} records differ from the folder run, e.g. {:?}",
        differ.len(),
        got.len(),
        differ.first()
    );
}
