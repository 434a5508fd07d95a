//! The command line end to end: inputs, error records, exit codes, and the
//! output schema read back into typed records.

use std::path::Path;
use std::process::Output;

use quotelink::output::{DocumentRecord, Record};

use crate::common::{self, records, stderr};

/// Runs the binary without the model, on two threads.
fn no_ner(args: &[&str], stdin: Option<&str>) -> Output {
    let args = [&["--no-ner", "--threads", "2"], args].concat();
    common::run_quotelink(&args, stdin.unwrap_or(""))
}

fn ids(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| match r {
            Record::Document(d) => d.id.clone(),
            Record::Error(e) => e.id.clone(),
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn reads_files_and_folders_recursively_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"First article. It is short.");
    let b = write(dir.path(), "sub/b.txt", b"Second article.");
    write(dir.path(), "sub/notes.md", b"Not an article.");
    let single = write(dir.path(), "single.text", b"Named explicitly.");
    let folder = dir.path().display().to_string();
    let out = no_ner(&[&single, &folder], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let single_again = dir.path().join("single.text").display().to_string();
    assert_eq!(ids(&records(&out.stdout)), [single_again, a, b]);
}

#[test]
fn reads_jsonl_from_stdin_and_echoes_ids() {
    let input = "{\"id\": \"x1\", \"text\": \"One sentence.\"}\n{\"id\": 42, \"text\": \"Two. Sentences.\"}\n";
    let out = no_ner(&["--jsonl", "-"], Some(input));
    assert_eq!(out.status.code(), Some(0));
    let records = records(&out.stdout);
    assert_eq!(ids(&records), ["x1", "42"]);
    let Record::Document(doc) = &records[1] else {
        panic!("expected a document")
    };
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn bad_documents_get_error_records_in_place_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "1-good.txt", "Fine text.".as_bytes());
    let empty = write(dir.path(), "2-empty.txt", b"  \n");
    let invalid = write(dir.path(), "3-invalid.txt", b"caf\xe9 au lait");
    let binary = write(dir.path(), "4-binary.txt", b"\x7fELF\x02\x01\x01\x00\x00");
    let large = write(dir.path(), "5-large.txt", "word ".repeat(100).as_bytes());
    let missing = dir.path().join("6-missing.txt").display().to_string();
    let out = no_ner(
        &[
            &good,
            &empty,
            &invalid,
            &binary,
            &large,
            &missing,
            "--max-bytes",
            "200",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let records = records(&out.stdout);
    assert_eq!(
        ids(&records),
        [good, empty, invalid, binary, large, missing]
    );
    let errors: Vec<String> = records
        .iter()
        .skip(1)
        .map(|r| match r {
            Record::Error(e) => e.error.clone(),
            Record::Document(d) => panic!("{} should have failed", d.id),
        })
        .collect();
    for (error, expected) in errors.iter().zip([
        "empty document",
        "invalid UTF-8 at byte 3",
        "binary data",
        "larger than --max-bytes 200",
        "cannot read",
    ]) {
        assert!(error.contains(expected), "{error:?} lacks {expected:?}");
    }
    assert!(stderr(&out).contains("5 of 6 documents failed"));
}

#[test]
fn malformed_jsonl_lines_get_error_records() {
    let input = "{\"id\": \"a\", \"text\": \"Fine.\"}\n{\"id\": \"b\", \"text\": \n\n{\"text\": \"no id\"}\n{\"id\": \"c\", \"text\": \"Fine too.\"}\n";
    let out = no_ner(&["--jsonl", "-"], Some(input));
    assert_eq!(out.status.code(), Some(1));
    let records = records(&out.stdout);
    assert_eq!(ids(&records), ["a", "stdin:2", "stdin:4", "c"]);
    assert!(matches!(&records[1], Record::Error(e) if e.error.contains("malformed JSONL line 2")));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(no_ner(&[], None).status.code(), Some(2));
    assert_eq!(no_ner(&["--no-such-flag"], None).status.code(), Some(2));
    assert_eq!(
        no_ner(&["a.txt", "--jsonl", "-"], None).status.code(),
        Some(2)
    );
}

#[test]
fn writes_to_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.txt", b"Hello there.");
    let out_path = dir.path().join("out.jsonl");
    let out = no_ner(&[&input, "-o", out_path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(out_path).unwrap();
    assert_eq!(written.lines().count(), 1);
}

#[test]
fn offsets_are_code_points_into_the_input() {
    let text = "“Ça va,” dit Zoë. Die Straße ist groß! 東京は晴れ。\nNext line.";
    let input = serde_json::json!({"id": "u", "text": text}).to_string();
    let out = no_ner(&["--jsonl", "-"], Some(&input));
    let records = records(&out.stdout);
    let Record::Document(DocumentRecord {
        text_length,
        sentences,
        ..
    }) = &records[0]
    else {
        panic!("expected a document")
    };
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(*text_length, chars.len());
    let pieces: Vec<String> = sentences
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    assert_eq!(
        pieces,
        [
            "“Ça va,” dit Zoë.",
            "Die Straße ist groß!",
            "東京は晴れ。",
            "Next line."
        ]
    );
}
