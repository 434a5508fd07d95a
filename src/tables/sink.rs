//! Typed tables: [`Column`]s, rows of [`Cell`]s, the [`TableWriter`]
//! interface that CSV, JSON Lines and Parquet share, and the CSV and JSON
//! Lines writers (Parquet's is in `parquet`, which builds on this module;
//! `open` picks one).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Error;

/// A column's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Str,
    /// A 64-bit integer.
    Int,
    /// A 64-bit float.
    Float,
    /// True or false.
    Bool,
    /// A JSON value (a list, an object): itself in JSON Lines, its JSON
    /// text in CSV and Parquet.
    Json,
}

/// A named, typed column; every column may hold nulls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Header name.
    pub name: String,
    /// Value type.
    pub kind: ColumnType,
}

impl Column {
    /// A column named `name` of type `kind`.
    pub fn new(name: impl Into<String>, kind: ColumnType) -> Self {
        Column {
            name: name.into(),
            kind,
        }
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (empty in CSV, `null` in JSON, null in Parquet).
    Null,
    /// Text.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A truth value (`true`/`false` in CSV).
    Bool(bool),
    /// A JSON value.
    Json(serde_json::Value),
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Self {
        value.map_or(Cell::Null, Cell::Str)
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per row.
    Jsonl,
    /// Apache Parquet (needs an output file).
    Parquet,
}

impl Format {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "parquet" | "pq" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// The given format, else the one `output`'s extension names, else CSV.
    pub fn choose(given: Option<Format>, output: Option<&Path>) -> Format {
        given
            .or_else(|| output.and_then(Format::from_path))
            .unwrap_or(Format::Csv)
    }
}

/// Writes rows of a fixed set of columns.
pub trait TableWriter {
    /// Writes one row; `row` has one cell per column.
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), Error>;
    /// Flushes everything and closes the table.
    fn finish(self: Box<Self>) -> Result<(), Error>;
}

/// CSV with a header row.
pub(super) struct CsvTable<W: Write> {
    out: csv::Writer<W>,
    path: PathBuf,
}

impl<W: Write> CsvTable<W> {
    /// Writes the header of `columns` to `out`, named `path` in errors.
    pub(super) fn new(out: W, columns: &[Column], path: PathBuf) -> Result<Self, Error> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(columns.iter().map(|c| c.name.as_str()))
            .map_err(|e| Error::csv(&path, e))?;
        Ok(CsvTable { out, path })
    }
}

impl<W: Write> TableWriter for CsvTable<W> {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), Error> {
        let fields = row.into_iter().map(|cell| match cell {
            Cell::Null => String::new(),
            Cell::Str(s) => s,
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Json(v) => v.to_string(),
        });
        self.out
            .write_record(fields)
            .map_err(|e| Error::csv(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))
    }
}

/// One JSON object per row.
pub(super) struct JsonlTable<W: Write> {
    out: W,
    columns: Vec<Column>,
    path: PathBuf,
}

impl<W: Write> JsonlTable<W> {
    /// Writes rows of `columns` to `out`, named `path` in errors.
    pub(super) fn new(out: W, columns: Vec<Column>, path: PathBuf) -> Self {
        JsonlTable { out, columns, path }
    }
}

impl<W: Write> TableWriter for JsonlTable<W> {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), Error> {
        let mut line = String::from("{");
        for (i, (column, cell)) in self.columns.iter().zip(row).enumerate() {
            if i > 0 {
                line.push(',');
            }
            line.push_str(&serde_json::Value::from(column.name.as_str()).to_string());
            line.push(':');
            let value = match cell {
                Cell::Null => serde_json::Value::Null,
                Cell::Str(s) => s.into(),
                Cell::Int(i) => i.into(),
                Cell::Float(f) => f.into(),
                Cell::Bool(b) => b.into(),
                Cell::Json(v) => v,
            };
            line.push_str(&value.to_string());
        }
        line.push_str("}\n");
        self.out
            .write_all(line.as_bytes())
            .map_err(|e| Error::io(&self.path, e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.out.flush().map_err(|e| Error::io(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_flag_then_the_extension() {
        let parquet = Path::new("out.PARQUET");
        assert_eq!(Format::choose(None, Some(parquet)), Format::Parquet);
        assert_eq!(
            Format::choose(Some(Format::Jsonl), Some(parquet)),
            Format::Jsonl
        );
        assert_eq!(
            Format::choose(None, Some(Path::new("out.txt"))),
            Format::Csv
        );
        assert_eq!(Format::choose(None, None), Format::Csv);
    }

    #[test]
    fn csv_and_jsonl_rows() {
        let columns = vec![
            Column::new("name", ColumnType::Str),
            Column::new("n", ColumnType::Int),
            Column::new("p", ColumnType::Float),
            Column::new("b", ColumnType::Bool),
            Column::new("j", ColumnType::Json),
        ];
        let rows = || {
            vec![
                vec![
                    Cell::Str("Lee, \"Jo\"".into()),
                    Cell::Int(3),
                    Cell::Float(0.5),
                    Cell::Bool(true),
                    Cell::Json(serde_json::json!(["a", 1])),
                ],
                vec![
                    Cell::Null,
                    Cell::Null,
                    Cell::Null,
                    Cell::Bool(false),
                    Cell::Null,
                ],
            ]
        };
        let mut csv = CsvTable::new(Vec::new(), &columns, "t".into()).unwrap();
        let mut jsonl = JsonlTable {
            out: Vec::new(),
            columns: columns.clone(),
            path: "t".into(),
        };
        for row in rows() {
            csv.write_row(row.clone()).unwrap();
            jsonl.write_row(row).unwrap();
        }
        let csv = String::from_utf8(csv.out.into_inner().unwrap()).unwrap();
        assert_eq!(
            csv,
            "name,n,p,b,j\n\"Lee, \"\"Jo\"\"\",3,0.5,true,\"[\"\"a\"\",1]\"\n,,,false,\n"
        );
        let jsonl = String::from_utf8(jsonl.out).unwrap();
        assert_eq!(
            jsonl,
            "{\"name\":\"Lee, \\\"Jo\\\"\",\"n\":3,\"p\":0.5,\"b\":true,\"j\":[\"a\",1]}\n{\"name\":null,\"n\":null,\"p\":null,\"b\":false,\"j\":null}\n"
        );
    }
}
