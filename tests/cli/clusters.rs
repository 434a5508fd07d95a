//! `quotelink clusters` end to end, on quotelink output generated here: a
//! few statements, each carried by several outlets on several dates with
//! the edits syndication makes (fragments, cut edges, ellipses, curly or
//! straight marks, case, a changed word), mixed with statements by the
//! same speaker that share an opening, and with bad lines.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::common::{json_lines, quotelink, stderr};

const WORDS: &[&str] = &[
    "bridge", "budget", "winter", "city", "council", "taxes", "schools", "roads", "voters",
    "families", "workers", "police", "hospital", "jobs", "plan", "deal", "law", "court", "border",
    "energy", "prices", "farmers", "children", "water", "housing", "rent", "trade", "deficit",
    "election", "campaign", "senate", "governor", "mayor", "union", "factory", "market", "bank",
    "loans", "students", "teachers", "nurses", "veterans", "wages", "crime", "safety", "future",
    "promise", "country", "state", "region",
];
const GLUE: &[&str] = &[
    "the", "our", "every", "this", "that", "more", "no", "new", "old", "real",
];
const VERBS: &[&str] = &[
    "fix", "build", "protect", "cut", "raise", "fund", "close", "open", "defend", "change",
];
const OPENERS: &[&str] = &[
    "I think that we need to",
    "Let me be clear:",
    "The fact is that",
];
const OUTLETS: &[&str] = &[
    "AP", "Reuters", "Fox", "CNN", "NYT", "WaPo", "Politico", "BBC",
];

/// A statement of about 14 to 24 words, often with a shared opening.
fn statement(rng: &mut fastrand::Rng) -> String {
    let mut words: Vec<String> = Vec::new();
    if rng.bool() {
        words.push(OPENERS[rng.usize(..OPENERS.len())].to_owned());
    }
    for _ in 0..rng.usize(4..7) {
        words.push(VERBS[rng.usize(..VERBS.len())].to_owned());
        words.push(GLUE[rng.usize(..GLUE.len())].to_owned());
        words.push(WORDS[rng.usize(..WORDS.len())].to_owned());
    }
    words.join(" ")
}

/// One outlet's copy of `text`, with an edit.
fn copy(rng: &mut fastrand::Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    match rng.usize(..6) {
        0 => {
            // A fragment of at least 8 words.
            let len = rng.usize(8..=n.min(12));
            let start = rng.usize(..=n - len);
            out = out[start..start + len].to_vec();
        }
        1 => {
            // Cut edges, and another word before.
            out = out[rng.usize(0..3)..n - rng.usize(0..3)].to_vec();
            out.insert(0, "and".into());
        }
        2 => {
            // An ellipsis for up to 3 inner words.
            let at = rng.usize(4..n - 6);
            out.splice(at..at + rng.usize(1..4), ["…".to_string()]);
        }
        3 => {
            let at = rng.usize(1..n - 1);
            out[at] = "very".into();
        }
        4 => out = out.iter().map(|w| w.to_uppercase()).collect(),
        _ => {}
    }
    let body = out.join(" ");
    match rng.bool() {
        true => format!("“{body},”"),
        false => format!("\"{body}.\""),
    }
}

/// A quotelink document record with `quotes` as (text, speaker).
fn record(id: &str, outlet: &str, date: &str, quotes: &[(String, &str)]) -> Value {
    let speakers: Vec<&str> = quotes
        .iter()
        .map(|q| q.1)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut at = 0;
    let quotes: Vec<Value> = quotes
        .iter()
        .map(|(text, speaker)| {
            let len = text.chars().count();
            let q = json!({
                "start": at, "end": at + len, "text": text, "kind": "direct",
                "parts": [{"start": at, "end": at + len, "text": text}],
                "cue": {"start": at + len + 1, "end": at + len + 5, "text": "said"},
                "cue_class": "speech", "negated": false,
                "speaker": {"start": at + len + 6, "end": at + len + 10, "text": speaker},
                "speaker_name": speaker,
                "speaker_id": speakers.iter().position(|s| s == speaker),
                "confidence": 0.9,
            });
            at += len + 20;
            q
        })
        .collect();
    let speakers: Vec<Value> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| json!({"id": i, "name": s, "label": "PER", "gender": null, "mentions": [], "quotes": []}))
        .collect();
    json!({"id": id, "meta": {"outlet": outlet, "date": date}, "text_length": at,
           "sentences": [], "entities": [], "quotes": quotes, "speakers": speakers})
}

/// One copy in a document: its text, speaker and statement number.
type Copy = (String, &'static str, usize);

/// What the generator knows of each statement.
#[derive(Default)]
struct Truth {
    dates: Vec<String>,
    outlets: BTreeSet<String>,
    /// (document, quote index) of every copy.
    copies: BTreeSet<(String, u64)>,
}

#[test]
fn syndicated_copies_make_one_cluster_each() {
    for seed in 1..=6 {
        one_cluster_per_statement(seed);
    }
}

fn one_cluster_per_statement(seed: u64) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let speakers = ["Jane Smith", "Tom Brown", "Ana Ruiz"];
    let mut truth: BTreeMap<usize, Truth> = BTreeMap::new();
    let mut docs: BTreeMap<(String, String), Vec<Copy>> = BTreeMap::new();
    for s in 0..18 {
        let text = statement(&mut rng);
        let speaker = speakers[s % speakers.len()];
        let day = rng.u32(1..20);
        let carriers = rng.usize(1..7);
        for _ in 0..carriers {
            let outlet = OUTLETS[rng.usize(..OUTLETS.len())];
            let date = format!("2016-03-{:02}", day + rng.u32(0..4));
            let t = truth.entry(s).or_default();
            t.dates.push(date.clone());
            t.outlets.insert(outlet.to_owned());
            let quotes = docs.entry((outlet.to_owned(), date)).or_default();
            quotes.push((copy(&mut rng, &text), speaker, s));
        }
    }
    let mut input = String::new();
    for (n, ((outlet, date), quotes)) in docs.iter().enumerate() {
        let id = format!("doc{n}");
        for (i, (_, _, s)) in quotes.iter().enumerate() {
            truth
                .get_mut(s)
                .unwrap()
                .copies
                .insert((id.clone(), i as u64));
        }
        let quotes: Vec<(String, &str)> =
            quotes.iter().map(|(t, sp, _)| (t.clone(), *sp)).collect();
        input.push_str(&format!("{}\n", record(&id, outlet, date, &quotes)));
        if n == 2 {
            input.push_str("{not json\n{\"id\":\"in\",\"text\":\"an input line, not output\"}\n");
        }
    }
    let run = quotelink(&["clusters", "-", "--format", "jsonl"], input.as_bytes());
    let message = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{message}");
    assert!(
        message.contains("stdin:4: skipped, malformed JSON"),
        "{message}"
    );
    assert!(
        message.contains("stdin:5: skipped, missing or invalid field: missing field `quotes`"),
        "{message}"
    );
    let rows = json_lines(&run.stdout);
    assert_eq!(
        rows.len(),
        truth.len(),
        "one cluster per statement, seed {seed}"
    );
    let occurrences: Vec<u64> = rows
        .iter()
        .map(|r| r["occurrences"].as_u64().unwrap())
        .collect();
    assert!(
        occurrences.windows(2).all(|w| w[0] >= w[1]),
        "{occurrences:?}"
    );
    for row in &rows {
        let members: BTreeSet<(String, u64)> = row["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["id"].as_str().unwrap().to_owned(),
                    m["quote"].as_u64().unwrap(),
                )
            })
            .collect();
        let t = truth
            .values()
            .find(|t| t.copies == members)
            .unwrap_or_else(|| {
                panic!("seed {seed}: no statement has exactly the members of {row}")
            });
        assert_eq!(row["first_date"], json!(t.dates.iter().min().unwrap()));
        let outlets: BTreeSet<String> = row["outlet_values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(outlets, t.outlets);
        assert_eq!(row["outlet_count"], json!(t.outlets.len()));
        let first = &row["members"][0];
        assert_eq!(first["date"], row["first_date"]);
        assert_eq!(
            (&first["id"], &first["outlet"]),
            (&row["first_id"], &row["first_outlet"])
        );
        assert_eq!(row["occurrences"], json!(members.len()));
        let docs: BTreeSet<&String> = members.iter().map(|m| &m.0).collect();
        assert_eq!(row["documents"], json!(docs.len()));
        assert_eq!(row["speakers"][0]["occurrences"], row["occurrences"]);
    }
}

#[test]
fn csv_and_parquet_hold_the_same_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let quotes = [
        (
            "“We will rebuild the bridge before the winter comes,” she said".to_owned(),
            "Jane Smith",
        ),
        (
            "\"rebuild the bridge before the winter\"".to_owned(),
            "Jane Smith",
        ),
        (
            "\"We will cut the budget before the election comes\"".to_owned(),
            "Jane Smith",
        ),
    ];
    let input = format!("{}\n", record("a", "AP", "2016-01-02", &quotes));
    let parquet = dir.path().join("c.parquet");
    let run = quotelink(
        &["clusters", "-", "-o", parquet.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let file = std::fs::File::open(&parquet).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(file).unwrap();
    use parquet::file::reader::FileReader;
    assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
    let run = quotelink(&["clusters", "-"], input.as_bytes());
    let text = String::from_utf8(run.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("cluster,text,words,speaker,speakers,"));
    let top = lines.next().unwrap();
    assert!(top.contains(",2,1,2016-01-02,a,AP,"), "{top}");
    assert_eq!(lines.count(), 1);
}
