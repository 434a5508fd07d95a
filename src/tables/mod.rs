//! Commands that read quotelink output back and tabulate it: the corpus
//! speaker index ([`speakers`], `quotelink speakers`) and the quote table
//! ([`quotes`], `quotelink table`), written as CSV, JSON Lines or Parquet
//! ([`sink`]). Input lines that are not document records are counted,
//! handed to the caller, and skipped ([`records`]).

use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub mod names;
pub mod open;
mod parquet;
pub mod quotes;
pub mod records;
pub mod sink;
pub mod speakers;

use crate::meta::Meta;
use records::{read_all, Skip, SkipKind, Source};
use sink::{Format, TableWriter};

/// What can stop a tabulation (bad lines only skip).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input or output could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file (or `stdin`, `standard output`).
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The CSV writer failed.
    #[error("{path}: {source}")]
    Csv {
        /// The output.
        path: PathBuf,
        /// The underlying error.
        source: csv::Error,
    },
    /// The Parquet writer failed.
    #[error("{path}: {source}")]
    Parquet {
        /// The output.
        path: PathBuf,
        /// The underlying error.
        source: ::parquet::errors::ParquetError,
    },
    /// Parquet is binary: it goes to a file, not standard output.
    #[error("Parquet output needs a file: give -o FILE.parquet")]
    ParquetNeedsFile,
}

impl Error {
    fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    fn csv(path: &Path, source: csv::Error) -> Self {
        Error::Csv {
            path: path.to_path_buf(),
            source,
        }
    }

    fn parquet(path: &Path, source: ::parquet::errors::ParquetError) -> Self {
        Error::Parquet {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// How `date` values are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DateBucket {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl DateBucket {
    /// The bucket of an ISO 8601 date (`2016-09-12`, `2016-09-12T10:00Z`);
    /// `None` when `date` does not start with one.
    pub fn bucket(self, date: &str) -> Option<String> {
        let b = date.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        let iso = digits(0..4)
            && b.get(4) == Some(&b'-')
            && digits(5..7)
            && b.get(7) == Some(&b'-')
            && digits(8..10);
        let len = match self {
            DateBucket::Day => 10,
            DateBucket::Month => 7,
            DateBucket::Year => 4,
        };
        iso.then(|| date[..len].to_owned())
    }
}

/// The text of `meta[field]` for a group or a column: a string as it is,
/// any other JSON value as JSON text, `None` when missing or null. A
/// `date` field is bucketed by `bucket` when it is an ISO date (other
/// values are kept as they are).
pub fn group_value(meta: Option<&Meta>, field: &str, bucket: Option<DateBucket>) -> Option<String> {
    let value = meta?.get(field)?;
    let text = match value {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match bucket {
        Some(bucket) if field == "date" => Some(bucket.bucket(&text).unwrap_or(text)),
        _ => Some(text),
    }
}

/// What a tabulation read, wrote and skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Document records read.
    pub documents: u64,
    /// Rows written.
    pub rows: u64,
    /// Lines that were not JSON.
    pub malformed: u64,
    /// Error records (documents that failed when quotelink ran).
    pub error_records: u64,
    /// Lines with a missing or invalid field.
    pub invalid: u64,
}

impl Report {
    /// Lines skipped, all kinds together.
    pub fn skipped(&self) -> u64 {
        self.malformed + self.error_records + self.invalid
    }

    /// Counts a skipped line by its kind.
    pub fn count(&mut self, skip: &Skip) {
        match skip.kind {
            SkipKind::Malformed => self.malformed += 1,
            SkipKind::ErrorRecord => self.error_records += 1,
            SkipKind::Invalid => self.invalid += 1,
        }
    }
}

/// Where and how a table is written.
#[derive(Debug, Clone)]
pub struct Output {
    /// The format.
    pub format: Format,
    /// The file, or standard output.
    pub path: Option<PathBuf>,
}

/// Builds the speaker index of `sources` and writes it.
pub fn speakers(
    sources: &[Source],
    grouping: speakers::Grouping,
    output: &Output,
    mut on_skip: impl FnMut(&Skip),
) -> Result<Report, Error> {
    let mut report = Report::default();
    let mut documents = 0;
    let mut index = speakers::SpeakerIndex::new(grouping);
    read_all(
        sources,
        |doc| {
            documents += 1;
            index.add(&doc);
            Ok(())
        },
        |skip| {
            report.count(&skip);
            on_skip(&skip);
        },
    )?;
    report.documents = documents;
    let mut writer = open::create(output.format, index.columns(), output.path.as_deref())?;
    for row in index.finish() {
        writer.write_row(row)?;
        report.rows += 1;
    }
    writer.finish()?;
    Ok(report)
}

/// Writes the quote table of `sources`: a first pass learns the columns,
/// a second writes the rows. Standard input is first copied to a
/// temporary file so that it can be read twice.
pub fn quote_table(
    sources: &[Source],
    output: &Output,
    mut on_skip: impl FnMut(&Skip),
) -> Result<Report, Error> {
    let mut spooled = None;
    let sources: Vec<Source> = sources
        .iter()
        .map(|source| match source {
            Source::Stdin => {
                let mut file =
                    tempfile::NamedTempFile::new().map_err(|e| Error::io("a temporary file", e))?;
                io::copy(&mut io::stdin().lock(), &mut file).map_err(|e| Error::io("stdin", e))?;
                let path = file.path().to_path_buf();
                spooled = Some(file);
                Ok(Source::Spooled(path))
            }
            file => Ok(file.clone()),
        })
        .collect::<Result<_, Error>>()?;
    let mut schema = quotes::QuoteSchema::default();
    let learn = |doc: records::DocLine| {
        schema.learn(&doc);
        Ok(())
    };
    read_all(&sources, learn, |_| {})?;
    let mut writer: Box<dyn TableWriter> =
        open::create(output.format, schema.columns(), output.path.as_deref())?;
    let mut report = Report::default();
    let (mut documents, mut rows) = (0, 0);
    read_all(
        &sources,
        |doc| {
            documents += 1;
            for row in schema.rows(&doc) {
                writer.write_row(row)?;
                rows += 1;
            }
            Ok(())
        },
        |skip| {
            report.count(&skip);
            on_skip(&skip);
        },
    )?;
    writer.finish()?;
    drop(spooled);
    report.documents = documents;
    report.rows = rows;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_bucket_when_iso() {
        assert_eq!(
            DateBucket::Month.bucket("2016-09-12").as_deref(),
            Some("2016-09")
        );
        assert_eq!(
            DateBucket::Day.bucket("2016-09-12T08:00Z").as_deref(),
            Some("2016-09-12")
        );
        assert_eq!(
            DateBucket::Year.bucket("2016-09-12").as_deref(),
            Some("2016")
        );
        assert_eq!(DateBucket::Month.bucket("Sept 12, 2016"), None);
        assert_eq!(DateBucket::Month.bucket("2016-09"), None);
    }

    #[test]
    fn group_values_are_text() {
        let meta: Meta =
            serde_json::from_str(r#"{"date":"2016-09-12","n":3,"x":null,"d2":"junk"}"#).unwrap();
        let value = |f: &str| group_value(Some(&meta), f, Some(DateBucket::Month));
        assert_eq!(value("date").as_deref(), Some("2016-09"));
        assert_eq!(value("n").as_deref(), Some("3"));
        assert_eq!(value("x"), None);
        assert_eq!(value("missing"), None);
        assert_eq!(group_value(None, "date", None), None);
    }
}
