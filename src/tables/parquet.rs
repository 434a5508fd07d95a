//! The Parquet [`TableWriter`]: one optional column per [`Column`] (UTF-8
//! strings, INT64, DOUBLE, BOOLEAN; a JSON column as its UTF-8 text), Snappy-compressed, in row groups of
//! [`ROW_GROUP`] rows, written with the `parquet` crate's column writers
//! (no Arrow in between).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::sink::{Cell, Column, ColumnType, TableWriter};
use super::Error;

/// Rows buffered per row group.
pub const ROW_GROUP: usize = 64 * 1024;

/// One column's buffered values and definition levels (1 = present).
enum Values {
    Str(Vec<ByteArray>),
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
}

struct Buffer {
    values: Values,
    levels: Vec<i16>,
}

/// A Parquet file being written.
pub struct ParquetTable {
    writer: SerializedFileWriter<File>,
    buffers: Vec<Buffer>,
    rows: usize,
    path: PathBuf,
}

impl ParquetTable {
    /// Starts a file with one column per `columns`.
    pub fn new(file: File, columns: &[Column], path: &Path) -> Result<Self, Error> {
        let err = |e| Error::parquet(path, e);
        let fields = columns
            .iter()
            .map(|c| {
                let (physical, logical) = match c.kind {
                    ColumnType::Str | ColumnType::Json => {
                        (PhysicalType::BYTE_ARRAY, Some(LogicalType::String))
                    }
                    ColumnType::Int => (PhysicalType::INT64, None),
                    ColumnType::Float => (PhysicalType::DOUBLE, None),
                    ColumnType::Bool => (PhysicalType::BOOLEAN, None),
                };
                Type::primitive_type_builder(&c.name, physical)
                    .with_repetition(Repetition::OPTIONAL)
                    .with_logical_type(logical)
                    .build()
                    .map(Arc::new)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        let schema = Type::group_type_builder("schema")
            .with_fields(fields)
            .build()
            .map_err(err)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer =
            SerializedFileWriter::new(file, Arc::new(schema), Arc::new(properties)).map_err(err)?;
        let buffers = columns
            .iter()
            .map(|c| Buffer {
                values: match c.kind {
                    ColumnType::Str | ColumnType::Json => Values::Str(Vec::new()),
                    ColumnType::Int => Values::Int(Vec::new()),
                    ColumnType::Float => Values::Float(Vec::new()),
                    ColumnType::Bool => Values::Bool(Vec::new()),
                },
                levels: Vec::new(),
            })
            .collect();
        Ok(ParquetTable {
            writer,
            buffers,
            rows: 0,
            path: path.to_path_buf(),
        })
    }

    fn flush_row_group(&mut self) -> Result<(), Error> {
        if self.rows == 0 {
            return Ok(());
        }
        let err = |e| Error::parquet(&self.path, e);
        let mut group = self.writer.next_row_group().map_err(err)?;
        for buffer in &mut self.buffers {
            let mut column = group
                .next_column()
                .map_err(err)?
                .expect("one column writer per schema column");
            let levels = Some(buffer.levels.as_slice());
            match &mut buffer.values {
                Values::Str(v) => column.typed::<ByteArrayType>().write_batch(v, levels, None),
                Values::Int(v) => column.typed::<Int64Type>().write_batch(v, levels, None),
                Values::Float(v) => column.typed::<DoubleType>().write_batch(v, levels, None),
                Values::Bool(v) => column.typed::<BoolType>().write_batch(v, levels, None),
            }
            .map_err(err)?;
            column.close().map_err(err)?;
            match &mut buffer.values {
                Values::Str(v) => v.clear(),
                Values::Int(v) => v.clear(),
                Values::Float(v) => v.clear(),
                Values::Bool(v) => v.clear(),
            }
            buffer.levels.clear();
        }
        group.close().map_err(err)?;
        self.rows = 0;
        Ok(())
    }
}

impl TableWriter for ParquetTable {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), Error> {
        for (buffer, cell) in self.buffers.iter_mut().zip(row) {
            let present = match (&mut buffer.values, cell) {
                (_, Cell::Null) => false,
                (Values::Str(v), Cell::Str(s)) => {
                    v.push(ByteArray::from(s.into_bytes()));
                    true
                }
                (Values::Str(v), Cell::Json(value)) => {
                    v.push(ByteArray::from(value.to_string().into_bytes()));
                    true
                }
                (Values::Int(v), Cell::Int(i)) => {
                    v.push(i);
                    true
                }
                (Values::Float(v), Cell::Float(f)) => {
                    v.push(f);
                    true
                }
                (Values::Bool(v), Cell::Bool(b)) => {
                    v.push(b);
                    true
                }
                (Values::Float(v), Cell::Int(i)) => {
                    v.push(i as f64);
                    true
                }
                (_, cell) => panic!("a {cell:?} cell in a column of another type"),
            };
            buffer.levels.push(present as i16);
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), Error> {
        self.flush_row_group()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| Error::parquet(&path, e))?;
        Ok(())
    }
}
