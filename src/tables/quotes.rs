//! `quotelink table`: one row per quote, with its document's `meta` fields
//! as columns. The columns must be known before the first row (Parquet
//! needs its schema), so the input is read twice: a first pass collects
//! the union of `meta` keys, in order of first appearance, and whether any
//! quote has a cue class; the second writes the rows.

use std::collections::HashSet;

use super::group_value;
use super::records::DocLine;
use super::sink::{Cell, Column, ColumnType};

/// The fixed columns, in order, after `id` and the `meta` columns. Not
/// lexicon data: these names are the table's schema, each paired with its
/// type and filled by the code below, so they change with that code.
const QUOTE_COLUMNS: [(&str, ColumnType); 12] = [
    ("quote", ColumnType::Int),
    ("start", ColumnType::Int),
    ("end", ColumnType::Int),
    ("kind", ColumnType::Str),
    ("cue", ColumnType::Str),
    ("content", ColumnType::Str),
    ("speaker", ColumnType::Str),
    ("speaker_name", ColumnType::Str),
    ("speaker_id", ColumnType::Int),
    ("speaker_label", ColumnType::Str),
    ("speaker_gender", ColumnType::Str),
    ("confidence", ColumnType::Float),
];

/// The table's shape, learnt in the first pass.
#[derive(Debug, Default)]
pub struct QuoteSchema {
    meta_keys: Vec<String>,
    seen: HashSet<String>,
    cue_class: bool,
    negated: bool,
}

impl QuoteSchema {
    /// Learns one document's `meta` keys and cue classes.
    pub fn learn(&mut self, doc: &DocLine) {
        if let Some(meta) = &doc.meta {
            for (key, _) in meta.iter() {
                if !self.seen.contains(key) {
                    self.seen.insert(key.to_owned());
                    self.meta_keys.push(key.to_owned());
                }
            }
        }
        self.cue_class |= doc.quotes.iter().any(|q| q.cue_class().is_some());
        self.negated |= doc.quotes.iter().any(|q| q.negated.is_some());
    }

    /// `id`, one column per `meta` key (named `meta.KEY` when the key is
    /// also a fixed column's name), then the quote's columns; `cue_class`
    /// and `negated` follow `cue` when any quote has them.
    pub fn columns(&self) -> Vec<Column> {
        let fixed: HashSet<&str> = QUOTE_COLUMNS
            .iter()
            .map(|(n, _)| *n)
            .chain(["id", "cue_class", "negated"])
            .collect();
        let mut columns = vec![Column::new("id", ColumnType::Str)];
        for key in &self.meta_keys {
            let name = match fixed.contains(key.as_str()) {
                true => format!("meta.{key}"),
                false => key.clone(),
            };
            columns.push(Column::new(name, ColumnType::Str));
        }
        for (name, kind) in QUOTE_COLUMNS {
            columns.push(Column::new(name, kind));
            if name == "cue" && self.cue_class {
                columns.push(Column::new("cue_class", ColumnType::Str));
            }
            if name == "cue" && self.negated {
                columns.push(Column::new("negated", ColumnType::Bool));
            }
        }
        columns
    }

    /// The rows of one document, one per quote.
    pub fn rows(&self, doc: &DocLine) -> Vec<Vec<Cell>> {
        let meta: Vec<Cell> = self
            .meta_keys
            .iter()
            .map(|key| Cell::from(group_value(doc.meta.as_ref(), key, None)))
            .collect();
        doc.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let speaker = q.speaker_id.and_then(|id| doc.speakers.get(id));
                let enum_text = |v: serde_json::Value| v.as_str().map(str::to_owned);
                let mut row = vec![Cell::Str(doc.id.clone())];
                row.extend(meta.iter().cloned());
                row.push(Cell::Int(i as i64));
                row.push(Cell::Int(q.start as i64));
                row.push(Cell::Int(q.end as i64));
                row.push(Cell::from(
                    serde_json::to_value(q.kind).ok().and_then(enum_text),
                ));
                row.push(Cell::from(q.cue.as_ref().map(|c| c.text.clone())));
                if self.cue_class {
                    row.push(Cell::from(q.cue_class().map(str::to_owned)));
                }
                if self.negated {
                    row.push(q.negated.map_or(Cell::Null, Cell::Bool));
                }
                row.push(Cell::Str(q.content()));
                row.push(Cell::from(q.speaker.as_ref().map(|s| s.text.clone())));
                row.push(Cell::from(q.speaker_name.clone()));
                row.push(q.speaker_id.map_or(Cell::Null, |id| Cell::Int(id as i64)));
                let label = speaker.and_then(|s| serde_json::to_value(s.label).ok());
                row.push(Cell::from(label.and_then(enum_text)));
                let gender = speaker
                    .and_then(|s| s.gender)
                    .and_then(|g| serde_json::to_value(g).ok());
                row.push(Cell::from(gender.and_then(enum_text)));
                row.push(Cell::Float(q.confidence));
                row
            })
            .collect()
    }
}
