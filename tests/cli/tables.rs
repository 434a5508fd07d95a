//! `quotelink speakers` and `quotelink table` end to end: on the output of
//! a real run, with bad lines mixed in, in CSV, JSON Lines and Parquet
//! (read back with the parquet crate).

use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use crate::common::{generated_corpus, json_lines, quotelink, stderr};

/// Runs quotelink over `input` (JSONL) and returns the output file.
fn annotate(dir: &Path, input: &str) -> String {
    let out = dir.join("out.jsonl");
    let run = quotelink(
        &["--no-ner", "--jsonl", "-", "-o", out.to_str().unwrap()],
        input.as_bytes(),
    );
    assert!(run.status.code().unwrap() <= 1, "{}", stderr(&run));
    out.display().to_string()
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no {name}"));
    &row[i]
}

/// A corpus where surnames alone must join full names across documents.
fn corpus_with_short_names() -> String {
    let mut input = generated_corpus(12);
    for (i, text) in [
        "\"We are ready,\" Delgado said.",
        "\"The bridge is late,\" Smith said.",
        "\"Nothing to add,\" Trump said.",
        "\"We will win,\" Donald Trump said.",
        "\"He will lose,\" Ivanka Trump said.",
    ]
    .iter()
    .enumerate()
    {
        let line = serde_json::json!({"id": format!("extra{i}"), "text": text, "outlet": "AP"});
        input.push_str(&format!("{line}\n"));
    }
    input
}

#[test]
fn speakers_merge_names_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = annotate(dir.path(), &corpus_with_short_names());
    let run = quotelink(&["speakers", &out], b"");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(&header[..4], ["name", "label", "gender", "quotes"]);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("{name} in {names:?}"))
    };
    let delgado = row("Maria Delgado");
    assert_eq!(
        column(&header, delgado, "documents"),
        "4",
        "3 generated + 1 surname-only"
    );
    assert!(column(&header, delgado, "aliases").contains("Delgado"));
    assert_eq!(column(&header, delgado, "gender"), "female");
    assert!(
        row("John Smith")[header.iter().position(|h| h == "aliases").unwrap()].contains("Smith")
    );
    assert!(
        names.contains(&"Trump"),
        "Trump could be Donald or Ivanka: {names:?}"
    );
    assert!(!names.contains(&"Delgado") && !names.contains(&"Smith"));
    let total: u64 = rows
        .iter()
        .map(|r| column(&header, r, "quotes").parse::<u64>().unwrap())
        .sum();
    let quotes: usize = json_lines(&std::fs::read(&out).unwrap())
        .iter()
        .map(|d| {
            d["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|q| !q["speaker_id"].is_null())
                .count()
        })
        .sum();
    assert_eq!(
        total as usize, quotes,
        "every attributed quote is counted once"
    );
}

#[test]
fn speakers_by_meta_fields_with_month_buckets() {
    let dir = tempfile::tempdir().unwrap();
    let out = annotate(dir.path(), &generated_corpus(24));
    let run = quotelink(
        &[
            "speakers",
            &out,
            "--by",
            "outlet",
            "--by",
            "date",
            "--date-bucket",
            "month",
            "--format",
            "jsonl",
        ],
        b"",
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let first = String::from_utf8(run.stdout.clone()).unwrap();
    let at = |key: &str| first.find(&format!("\"{key}\":")).unwrap();
    assert!(at("name") < at("outlet") && at("outlet") < at("date") && at("date") < at("label"));
    let rows = json_lines(&run.stdout);
    for row in &rows {
        let date = row["date"].as_str().unwrap();
        assert!(date.len() == 7 && date.starts_with("2016-"), "{date}");
        assert!(["AP", "Reuters", "Fox"].contains(&row["outlet"].as_str().unwrap()));
    }
    let delgado: u64 = rows
        .iter()
        .filter(|r| r["name"] == "Maria Delgado")
        .map(|r| r["documents"].as_u64().unwrap())
        .sum();
    assert_eq!(delgado, 6, "docs 0, 4, 8, ... of 24");
}

#[test]
fn bad_lines_are_counted_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let out = annotate(dir.path(), &generated_corpus(5));
    let mut text = std::fs::read_to_string(&out).unwrap();
    text.push_str(
        "{not json\n{\"id\":\"x\",\"error\":\"empty document\"}\n{\"id\":\"y\",\"quotes\":[]}\n\n",
    );
    for command in ["speakers", "table"] {
        let run = quotelink(&[command, "-"], text.as_bytes());
        assert_eq!(run.status.code(), Some(1), "{command}");
        let message = stderr(&run);
        assert!(
            message.contains("stdin:6: skipped, malformed JSON"),
            "{message}"
        );
        assert!(
            message.contains("stdin:7: skipped, error record: empty document"),
            "{message}"
        );
        assert!(
            message.contains("stdin:8: skipped, missing or invalid field"),
            "{message}"
        );
        assert!(
            message.contains("read 5 documents") && message.contains("skipped 3 lines"),
            "{message}"
        );
        assert!(!run.stdout.is_empty(), "{command} still writes its table");
    }
    let missing = quotelink(&["table", "/nonexistent/out.jsonl"], b"");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn table_has_one_row_per_quote_with_meta_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = generated_corpus(6);
    input.push_str("{\"id\":\"late\",\"text\":\"\\\"Fine,\\\" Ana Ruiz said.\",\"url\":\"http://e.com\",\"kind\":\"op-ed\"}\n");
    let out = annotate(dir.path(), &input);
    let run = quotelink(&["table", &out], b"");
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let (header, rows) = csv_rows(&run.stdout);
    assert_eq!(
        header,
        [
            "id",
            "outlet",
            "date",
            "url",
            "meta.kind",
            "quote",
            "start",
            "end",
            "kind",
            "cue",
            "cue_class",
            "negated",
            "content",
            "speaker",
            "speaker_name",
            "speaker_id",
            "speaker_label",
            "speaker_gender",
            "confidence"
        ]
    );
    let docs = json_lines(&std::fs::read(&out).unwrap());
    let quotes: usize = docs
        .iter()
        .map(|d| d["quotes"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), quotes);
    let last = rows.last().unwrap();
    assert_eq!(column(&header, last, "id"), "late");
    assert_eq!(column(&header, last, "meta.kind"), "op-ed");
    assert_eq!(
        column(&header, last, "outlet"),
        "",
        "a key the document lacks is empty"
    );
    assert_eq!(column(&header, last, "content"), "\"Fine,\"");
    assert_eq!(column(&header, last, "cue_class"), "speech");
    assert_eq!(column(&header, last, "negated"), "false");
    let first = &docs[0]["quotes"][0];
    assert_eq!(
        column(&header, &rows[0], "start"),
        first["start"].to_string()
    );
    assert_eq!(
        column(&header, &rows[0], "speaker_name"),
        first["speaker_name"].as_str().unwrap()
    );
}

/// Every row of a Parquet file, as text per column name.
fn parquet_rows(path: &Path) -> Vec<Vec<(String, String)>> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(name, field)| {
                    let text = match field {
                        Field::Null => String::new(),
                        Field::Str(s) => s.clone(),
                        Field::Long(i) => i.to_string(),
                        Field::Double(f) => f.to_string(),
                        Field::Bool(b) => b.to_string(),
                        other => panic!("unexpected {other:?}"),
                    };
                    (name.clone(), text)
                })
                .collect()
        })
        .collect()
}

#[test]
fn parquet_reads_back_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = annotate(dir.path(), &corpus_with_short_names());
    for command in ["table", "speakers"] {
        let path = dir.path().join(format!("{command}.parquet"));
        let run = quotelink(&[command, &out, "-o", path.to_str().unwrap()], b"");
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let csv = quotelink(&[command, &out], b"");
        let (header, rows) = csv_rows(&csv.stdout);
        let parquet = parquet_rows(&path);
        assert_eq!(parquet.len(), rows.len(), "{command}");
        for (p, c) in parquet.iter().zip(&rows) {
            let names: Vec<&String> = p.iter().map(|(n, _)| n).collect();
            assert_eq!(names, header.iter().collect::<Vec<_>>());
            let values: Vec<&String> = p.iter().map(|(_, v)| v).collect();
            assert_eq!(values, c.iter().collect::<Vec<_>>(), "{command}");
        }
    }
    let to_stdout = quotelink(&["table", &out, "--format", "parquet"], b"");
    assert_eq!(to_stdout.status.code(), Some(2));
    assert!(stderr(&to_stdout).contains("needs a file"));
}
