//! The row of a cluster: its columns and cells, for the table writers of
//! [`crate::tables::sink`]. Lists are JSON cells: arrays in JSON Lines,
//! JSON text in CSV and Parquet.
//!
//! The columns, with `F` the `first_by` field (`date`) and `B` the `by`
//! field (`outlet`): `cluster` (a stable id: the representative's key in
//! hex), `text` (the longest occurrence), `words`, `speaker` (the most
//! frequent), `speakers` (`[{"name", "occurrences"}]`), `unattributed`,
//! `occurrences`, `documents`, `first_F`, `first_id` and `first_B` (of the
//! occurrence with the smallest `F` value), `B_values` (distinct, in order
//! of first occurrence), `B_count`, and `members` (every occurrence, first
//! first: `{"id", "quote", "start", "end", "speaker", F, B}`).

use serde_json::{json, Value};

use super::cluster::Clusters;
use super::corpus::Options;
use crate::tables::sink::{Cell, Column, ColumnType};

/// The columns, named after the options' fields.
pub fn columns(options: &Options) -> Vec<Column> {
    let (first, by) = (&options.first_by, &options.by);
    let columns = [
        ("cluster", ColumnType::Str),
        ("text", ColumnType::Str),
        ("words", ColumnType::Int),
        ("speaker", ColumnType::Str),
        ("speakers", ColumnType::Json),
        ("unattributed", ColumnType::Int),
        ("occurrences", ColumnType::Int),
        ("documents", ColumnType::Int),
        (&format!("first_{first}"), ColumnType::Str),
        ("first_id", ColumnType::Str),
        (&format!("first_{by}"), ColumnType::Str),
        (&format!("{by}_values"), ColumnType::Json),
        (&format!("{by}_count"), ColumnType::Int),
        ("members", ColumnType::Json),
    ];
    columns
        .into_iter()
        .map(|(n, t)| Column::new(n, t))
        .collect()
}

/// The row of cluster `c`.
pub fn row(clusters: &Clusters, c: u32) -> Vec<Cell> {
    let corpus = &clusters.corpus;
    let s = clusters.summary(c);
    let doc = |d: u32| &corpus.docs[d as usize];
    let value = |v: u32| corpus.values.get(v).map(str::to_owned);
    let first = doc(s.first.doc);
    let speakers: Vec<Value> = s
        .speakers
        .iter()
        .map(|(name, n)| json!({"name": name, "occurrences": n}))
        .collect();
    let (first_by, by) = (&corpus.options.first_by, &corpus.options.by);
    let members: Vec<Value> = clusters
        .members(c)
        .iter()
        .map(|&o| {
            let occ = &corpus.occurrences[o as usize];
            let d = doc(occ.doc);
            json!({
                "id": &*d.id,
                "quote": occ.quote,
                "start": occ.start,
                "end": occ.end,
                "speaker": corpus.speakers.get(occ.speaker),
                first_by: value(d.first),
                by: value(d.by),
            })
        })
        .collect();
    vec![
        Cell::Str(s.id),
        Cell::Str(s.text.to_owned()),
        Cell::Int(i64::from(s.words)),
        Cell::from(s.speakers.first().map(|(name, _)| (*name).to_owned())),
        Cell::Json(Value::Array(speakers)),
        Cell::Int(i64::from(s.unattributed)),
        Cell::Int(i64::from(s.occurrences)),
        Cell::Int(i64::from(s.documents)),
        Cell::from(value(first.first)),
        Cell::Str(first.id.to_string()),
        Cell::from(value(first.by)),
        Cell::Json(json!(s.values)),
        Cell::Int(s.values.len() as i64),
        Cell::Json(Value::Array(members)),
    ]
}
