//! Views of the output records: where the corpus driver sends each
//! [`Record`] ([`Sink`]), as JSON Lines for programs ([`JsonlSink`]), a
//! readable listing for terminals ([`text`]) or one self-contained HTML
//! page ([`html`]); which of the first two a run writes ([`Format`]), and
//! where ([`create_output`]).
//!
//! The views read only the output records (plus the document's text, which
//! the records do not repeat), so they can render anything the JSON Lines
//! schema can hold.

pub mod escape;
pub mod html;
pub mod text;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use crate::error::Error;
use crate::output::Record;
use text::TextSink;

/// Where the records of a run go, in input order.
pub trait Sink {
    /// Takes one record, with the document's text when it could be read.
    fn record(&mut self, record: &Record, text: Option<&str>) -> io::Result<()>;

    /// Called after each chunk of documents, so that streamed output
    /// reaches its reader as the run goes on.
    fn flush(&mut self) -> io::Result<()>;

    /// Called once after the last record.
    fn finish(&mut self) -> io::Result<()> {
        self.flush()
    }
}

/// How the main command writes its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per document and line, for programs.
    Jsonl,
    /// One readable block per document, for people.
    Text,
}

impl Format {
    /// The default for a destination, the way ripgrep decides: text for a
    /// terminal, JSON Lines for a file or a pipe.
    pub fn default_for(is_terminal: bool) -> Self {
        if is_terminal {
            Format::Text
        } else {
            Format::Jsonl
        }
    }

    /// `given` if any, else the default for `output` (a file), or for
    /// standard output when there is none.
    pub fn choose(given: Option<Format>, output: Option<&Path>) -> Self {
        given.unwrap_or_else(|| Format::default_for(output.is_none() && io::stdout().is_terminal()))
    }

    /// A sink writing records in this format to `out`, buffered.
    pub fn sink(self, out: Box<dyn Write>) -> Box<dyn Sink> {
        let out = BufWriter::new(out);
        match self {
            Format::Jsonl => Box::new(JsonlSink::new(out)),
            Format::Text => Box::new(TextSink::new(out)),
        }
    }
}

/// The file `path`, created (or emptied), or standard output when there
/// is none.
pub fn create_output(path: Option<&Path>) -> Result<Box<dyn Write>, Error> {
    Ok(match path {
        Some(path) => Box::new(File::create(path).map_err(|source| Error::Create {
            path: path.to_path_buf(),
            source,
        })?),
        None => Box::new(io::stdout().lock()),
    })
}

/// Writes each record as one line of JSON.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn record(&mut self, record: &Record, _text: Option<&str>) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes error records for documents `a` and `b` into `out` through the
/// sink `make` builds, and finishes it.
#[cfg(test)]
pub(crate) fn two_errors<'a, S: Sink>(
    make: impl FnOnce(&'a mut Vec<u8>) -> S,
    out: &'a mut Vec<u8>,
) {
    let mut sink = make(out);
    for id in ["a", "b"] {
        let record = Record::Error(crate::output::ErrorRecord {
            id: id.into(),
            error: "empty document".into(),
            meta: None,
        });
        sink.record(&record, None).unwrap();
    }
    sink.finish().unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminals_get_text_and_pipes_get_jsonl() {
        assert_eq!(Format::default_for(true), Format::Text);
        assert_eq!(Format::default_for(false), Format::Jsonl);
    }

    #[test]
    fn jsonl_sink_writes_one_line_per_record() {
        let mut out = Vec::new();
        two_errors(JsonlSink::new, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":\"a\",\"error\":\"empty document\"}\n{\"id\":\"b\",\"error\":\"empty document\"}\n"
        );
    }
}
