//! `meta`: a JSONL input line's other fields reach its output record,
//! unchanged and in order, for documents and error records alike.

use quotelink::output::Record;

use crate::common::{json_lines, quotelink};

#[test]
fn jsonl_fields_other_than_id_and_text_are_copied_to_meta() {
    let input = concat!(
        r#"{"outlet":"AP","id":"a","text":"\"Yes,\" she said.","date":"2016-09-12","tags":["x",{"y":1}]}"#,
        "\n",
        r#"{"id":"b","text":"No fields."}"#,
        "\n",
        r#"{"id":"c","text":"","url":"http://e.com/c"}"#,
        "\n",
        "not json\n",
    );
    let out = quotelink(&["--no-ner", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(
            r#"{"id":"a","meta":{"outlet":"AP","date":"2016-09-12","tags":["x",{"y":1}]},"#
        ),
        "{}",
        lines[0]
    );
    let values = json_lines(&out.stdout);
    assert!(values[1].get("meta").is_none());
    assert_eq!(
        values[2]["meta"],
        serde_json::json!({"url": "http://e.com/c"})
    );
    assert!(values[2]["error"].is_string());
    assert!(values[3].get("meta").is_none() && values[3]["error"].is_string());
    for line in lines {
        let record: Record = serde_json::from_str(line).unwrap();
        let back = serde_json::to_string(&record).unwrap();
        assert_eq!(back, line, "the schema types read and write meta unchanged");
    }
}

#[test]
fn file_inputs_have_no_meta() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "\"Yes,\" she said.").unwrap();
    let out = quotelink(&["--no-ner", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(json_lines(&out.stdout)[0].get("meta").is_none());
}
