//! The views through the binary: `quotelink html`, `--format text|jsonl`,
//! and the format's default on a terminal (a pseudo-terminal made by
//! `script`) and on a pipe.

use std::process::{Command, Stdio};

use quotelink::output::Record;

use crate::common::{records, run_quotelink as quotelink, stderr, stdout, SAMPLES};

const BIN: &str = env!("CARGO_BIN_EXE_quotelink");

/// The samples' records, as JSON Lines.
fn sample_records() -> Vec<Record> {
    let out = quotelink(&["--no-ner", "--format", "jsonl", SAMPLES], "");
    assert_eq!(out.status.code(), Some(0));
    records(&out.stdout)
}

fn documents(records: &[Record]) -> impl Iterator<Item = &quotelink::output::DocumentRecord> {
    records.iter().map(|r| match r {
        Record::Document(d) => d,
        Record::Error(e) => panic!("{} failed: {}", e.id, e.error),
    })
}

#[test]
fn html_writes_one_page_with_every_quote_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("samples.html");
    let args = ["html", "--no-ner", SAMPLES, "-o", page.to_str().unwrap()];
    let out = quotelink(&args, "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains(" src=") && !html.contains("<link"),
        "nothing is fetched"
    );
    let records = sample_records();
    let quotes: usize = documents(&records).map(|d| d.quotes.len()).sum();
    assert!(quotes > 10);
    assert_eq!(html.matches("tabindex=\"0\">").count(), quotes);
    assert_eq!(
        html.matches("<section class=\"doc\"").count(),
        records.len()
    );
    for doc in documents(&records) {
        let id = format!("{}</a>", doc.id);
        assert!(html.contains(&id), "the contents link {}", doc.id);
    }
}

#[test]
fn html_reads_jsonl_from_stdin_and_shows_failed_documents() {
    let input = "{\"id\": \"ok\", \"text\": \"\\\"Fine,\\\" she said.\"}\n{\"id\": \"blank\", \"text\": \" \"}\n";
    let out = quotelink(&["html", "--no-ner", "--jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(1));
    let html = stdout(&out);
    assert_eq!(html.matches("tabindex=\"0\">").count(), 1);
    assert!(html.contains("<p class=\"error\">not shown: empty document</p>"));
    assert!(stderr(&out).contains("1 of 2 documents failed"));
}

#[test]
fn format_text_prints_a_block_per_document() {
    let out = quotelink(&["--no-ner", "--format", "text", SAMPLES], "");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let records = sample_records();
    assert_eq!(blocks.len(), records.len());
    for (block, doc) in blocks.iter().zip(documents(&records)) {
        let heading = format!("{}: {} quotes, ", doc.id, doc.quotes.len());
        assert!(block.starts_with(&heading), "{block}");
        // Two lines per quote: its text, then who said it.
        assert_eq!(block.trim_end().lines().count(), 1 + 2 * doc.quotes.len());
        let resolved = doc
            .quotes
            .iter()
            .filter(|q| q.speaker_name.is_some())
            .count();
        assert!(block.matches(" → ").count() <= resolved);
    }
    assert!(text.contains("  direct    \""), "{text}");
}

#[test]
fn pipes_get_jsonl_by_default() {
    let out = quotelink(&["--no-ner", SAMPLES], "");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 4);
    assert!(text
        .lines()
        .all(|l| serde_json::from_str::<Record>(l).is_ok()));
}

/// Runs the binary with standard output on a pseudo-terminal.
fn on_terminal(args: &str) -> String {
    let command = format!("{BIN} --no-ner {args}");
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("`script` (util-linux) makes the pseudo-terminal");
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

#[test]
fn terminals_get_text_by_default() {
    let text = on_terminal(SAMPLES);
    assert!(text.contains("/data/samples/council.txt: "), "{text}");
    assert!(!text.contains("{\"id\""), "{text}");
    let json = on_terminal(&format!("--format jsonl {SAMPLES}"));
    assert_eq!(json.lines().filter(|l| l.starts_with("{\"id\"")).count(), 4);
}

#[test]
fn an_output_file_gets_jsonl_even_from_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.jsonl");
    on_terminal(&format!("{SAMPLES} -o {}", file.display()));
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.lines().count(), 4);
    assert!(written
        .lines()
        .all(|l| serde_json::from_str::<Record>(l).is_ok()));
}
