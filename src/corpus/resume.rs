//! Resuming an interrupted run (`--resume` with `-o FILE`): the records
//! already in the file are checked against the inputs, a partial last line
//! is dropped, and the run goes on after them, so that the finished file is
//! byte for byte the file an uninterrupted run writes.
//!
//! The file is cut back to the last whole chunk of [`CHUNK`] records. On
//! the CPU a record depends on its own document alone, but a model that
//! batches across documents (on a GPU) runs on a chunk's documents
//! together, so redoing the cut chunk from its first document gives it the
//! same batches as an uninterrupted run, and with them the same numbers.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Input, Summary, CHUNK};

/// Why a run cannot resume.
#[derive(Debug, thiserror::Error)]
pub enum ResumeError {
    /// The output file could not be read or cut.
    #[error("cannot resume {path}: {source}")]
    Io {
        /// The output file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A complete line of the file is not a quotelink record.
    #[error("cannot resume {path}: line {line} is not a quotelink record ({message})")]
    NotARecord {
        /// The output file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The parse error.
        message: String,
    },
    /// The file's records are not those of the inputs.
    #[error(
        "cannot resume {path}: line {line} is the record of {found:?}, but input {line} is \
         {expected:?}; these are not the inputs of that run (give the same inputs, or run \
         without --resume to start over)"
    )]
    Mismatch {
        /// The output file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The id in the file.
        found: String,
        /// The id of the input at that place.
        expected: String,
    },
    /// The file holds more records than there are inputs.
    #[error("cannot resume {path}: it holds {lines} records but there are only {inputs} inputs")]
    TooFewInputs {
        /// The output file.
        path: PathBuf,
        /// Records kept in the file.
        lines: usize,
        /// Inputs given.
        inputs: usize,
    },
}

/// The fields of a record that resuming reads.
#[derive(Deserialize)]
struct Head {
    id: String,
    #[serde(default)]
    error: Option<serde::de::IgnoredAny>,
}

/// Prepares `path` for a resumed run: checks its records against the first
/// `inputs` (which it consumes), cuts the file after the last whole chunk,
/// and opens it for appending. Returns the file and what the kept records
/// count for the run's [`Summary`]. A missing file starts a new run.
pub fn resume(
    path: &Path,
    inputs: &mut dyn Iterator<Item = Input>,
) -> Result<(File, Summary), ResumeError> {
    let io_err = |source| ResumeError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok((File::create(path).map_err(io_err)?, Summary::default()))
        }
        Err(e) => return Err(io_err(e)),
    };
    let complete = count_lines(BufReader::new(&file)).map_err(io_err)?;
    let keep = complete / CHUNK * CHUNK;
    let mut reader = BufReader::new(File::open(path).map_err(io_err)?);
    let mut summary = Summary::default();
    let mut offset = 0u64;
    let mut line = Vec::new();
    for number in 1..=keep {
        line.clear();
        offset += reader.read_until(b'\n', &mut line).map_err(io_err)? as u64;
        let head: Head = serde_json::from_slice(&line).map_err(|e| ResumeError::NotARecord {
            path: path.to_path_buf(),
            line: number,
            message: e.to_string(),
        })?;
        let Some(input) = inputs.next() else {
            return Err(ResumeError::TooFewInputs {
                path: path.to_path_buf(),
                lines: keep,
                inputs: number - 1,
            });
        };
        if input.id != head.id {
            return Err(ResumeError::Mismatch {
                path: path.to_path_buf(),
                line: number,
                found: head.id,
                expected: input.id,
            });
        }
        summary.documents += 1;
        summary.failed += head.error.is_some() as usize;
    }
    let file = OpenOptions::new().write(true).open(path).map_err(io_err)?;
    file.set_len(offset).map_err(io_err)?;
    let file = OpenOptions::new().append(true).open(path).map_err(io_err)?;
    Ok((file, summary))
}

/// Lines that end with a newline.
fn count_lines(mut reader: impl BufRead) -> io::Result<usize> {
    let mut count = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(count);
        }
        count += buf.iter().filter(|&&b| b == b'\n').count();
        let n = buf.len();
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(n: usize) -> impl Iterator<Item = Input> {
        (0..n).map(|i| Input {
            id: format!("d{i}"),
            text: Ok("x".into()),
            meta: None,
        })
    }

    fn records(n: usize) -> String {
        (0..n)
            .map(|i| match i % 5 {
                0 => format!("{{\"id\":\"d{i}\",\"error\":\"empty document\"}}\n"),
                _ => format!("{{\"id\":\"d{i}\",\"quotes\":[]}}\n"),
            })
            .collect()
    }

    #[test]
    fn keeps_whole_chunks_and_drops_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let full = records(CHUNK + 10);
        std::fs::write(&path, format!("{full}{{\"id\":\"d7")).unwrap();
        let mut rest = inputs(CHUNK * 2);
        let (_, summary) = resume(&path, &mut rest).unwrap();
        assert_eq!(summary.documents, CHUNK);
        assert_eq!(summary.failed, CHUNK.div_ceil(5));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), records(CHUNK));
        assert_eq!(rest.next().unwrap().id, format!("d{CHUNK}"));
    }

    #[test]
    fn refuses_other_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, records(CHUNK).replace("\"d3\"", "\"x\"")).unwrap();
        let err = resume(&path, &mut inputs(CHUNK)).unwrap_err();
        assert!(
            matches!(err, ResumeError::Mismatch { line: 4, .. }),
            "{err}"
        );
        std::fs::write(&path, records(CHUNK)).unwrap();
        let err = resume(&path, &mut inputs(3)).unwrap_err();
        assert!(
            matches!(err, ResumeError::TooFewInputs { inputs: 3, .. }),
            "{err}"
        );
        std::fs::write(&path, "not json\n".repeat(CHUNK)).unwrap();
        let err = resume(&path, &mut inputs(CHUNK)).unwrap_err();
        assert!(
            matches!(err, ResumeError::NotARecord { line: 1, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_missing_file_starts_a_new_run() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.jsonl");
        let (_, summary) = resume(&path, &mut inputs(3)).unwrap();
        assert_eq!(summary, Summary::default());
        assert!(path.exists());
    }
}
