//! The quote schema read back from real output (the sample articles and
//! PolNeAR dev, with the model): every quote's `parts` are its content in
//! order, inside its extent, with the text Python's slicing gives; no two
//! quotes share a content character; `cue_class` is set exactly when
//! there is a cue.

use serde_json::Value;

use crate::common::{self, json_lines, quotelink, stderr};

/// `(start, end, text)` of a span object.
fn span(v: &Value) -> (usize, usize, &str) {
    let n = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}")) as usize;
    (n("start"), n("end"), v["text"].as_str().expect("text"))
}

/// Problems with the quotes of one document record.
fn problems(record: &Value, text: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let id = record["id"].as_str().unwrap_or_default();
    let mut owner: Vec<Option<usize>> = vec![None; text.len()];
    for (i, q) in record["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .enumerate()
    {
        let (start, end, _) = span(q);
        let parts = q["parts"].as_array().expect("parts");
        if parts.is_empty() {
            out.push(format!("{id} quote {i}: no parts"));
        }
        let mut previous_end = start;
        for p in parts {
            let (s, e, t) = span(p);
            if s < previous_end || e <= s || e > end {
                out.push(format!(
                    "{id} quote {i}: part {s}..{e} out of order or outside {start}..{end}"
                ));
                continue;
            }
            previous_end = e;
            if text[s..e].iter().collect::<String>() != t {
                out.push(format!("{id} quote {i}: part {s}..{e} text differs"));
            }
            for (c, slot) in owner[s..e].iter_mut().enumerate() {
                if !text[s + c].is_whitespace() {
                    if let Some(other) = slot.replace(i) {
                        out.push(format!(
                            "{id}: quotes {other} and {i} share content at {}",
                            s + c
                        ));
                        break;
                    }
                }
            }
        }
        if parts.first().map(|p| span(p).0) != Some(start)
            || parts.last().map(|p| span(p).1) != Some(end)
        {
            out.push(format!("{id} quote {i}: parts do not span {start}..{end}"));
        }
        if q["cue"].is_null() != q["cue_class"].is_null() {
            out.push(format!(
                "{id} quote {i}: cue {} with cue_class {}",
                q["cue"], q["cue_class"]
            ));
        }
    }
    out
}

#[test]
fn parts_are_ordered_content_and_no_two_quotes_share_any() {
    let inputs: Vec<String> = common::samples_and_dev()
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let out = quotelink(&args, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out.stdout);
    let mut problems_found = Vec::new();
    let (mut quotes, mut joined) = (0, 0);
    for record in &records {
        let path = record["id"].as_str().expect("id");
        let text: Vec<char> = std::fs::read_to_string(path)
            .expect("the input reads back")
            .chars()
            .collect();
        problems_found.extend(problems(record, &text));
        let qs = record["quotes"].as_array().expect("quotes");
        quotes += qs.len();
        joined += qs
            .iter()
            .filter(|q| q["parts"].as_array().is_some_and(|p| p.len() > 1))
            .count();
    }
    assert!(quotes >= 20, "{quotes} quotes");
    assert!(joined > 0, "some quote has several parts");
    assert!(
        problems_found.is_empty(),
        "{} problems, first: {:#?}",
        problems_found.len(),
        &problems_found[..problems_found.len().min(10)]
    );
}
