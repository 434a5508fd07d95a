//! Opens the table writer an output asks for: CSV or JSON Lines
//! ([`super::sink`]), or Parquet (`parquet`), to a file or to standard
//! output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::parquet::ParquetTable;
use super::sink::{Column, CsvTable, Format, JsonlTable, TableWriter};
use super::Error;

/// A writer for `columns` in `format`, to the file `output` or to standard
/// output.
pub fn create(
    format: Format,
    columns: Vec<Column>,
    output: Option<&Path>,
) -> Result<Box<dyn TableWriter>, Error> {
    let open = |path: &Path| File::create(path).map_err(|e| Error::io(path, e));
    let sink: Box<dyn Write> = match (format, output) {
        (Format::Parquet, Some(path)) => {
            return Ok(Box::new(ParquetTable::new(open(path)?, &columns, path)?))
        }
        (Format::Parquet, None) => return Err(Error::ParquetNeedsFile),
        (_, Some(path)) => Box::new(open(path)?),
        (_, None) => Box::new(io::stdout().lock()),
    };
    let path = output.map_or_else(|| PathBuf::from("standard output"), Path::to_path_buf);
    let out = BufWriter::new(sink);
    Ok(match format {
        Format::Csv => Box::new(CsvTable::new(out, &columns, path)?),
        _ => Box::new(JsonlTable::new(out, columns, path)),
    })
}
