//! What a run reads, settled before any document is processed: text files
//! and folders, or JSON Lines from a file or standard input. Giving both,
//! or neither, is an error at once; a path that cannot be read is not: it
//! gets an error record in its place when the run reaches it.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};

use super::read::{expand_paths, read_file, read_jsonl, Input};
use crate::error::Error;

/// The documents of a run, in order.
pub struct Inputs {
    /// Each document, read when the run reaches it.
    pub documents: Box<dyn Iterator<Item = Input>>,
    /// How many there are, when that is known up front (files, not JSON
    /// Lines).
    pub total: Option<usize>,
}

/// The inputs of a run over `paths` (text files, and folders searched for
/// `.txt` files) or `jsonl` (a JSON Lines file, or `-` for standard
/// input), whose documents larger than `max_bytes` get error records.
/// Fails with [`Error::NoInput`] or [`Error::PathsAndJsonl`] when given
/// neither or both, and when the JSON Lines file cannot be opened.
pub fn open(paths: &[PathBuf], jsonl: Option<&Path>, max_bytes: u64) -> Result<Inputs, Error> {
    match (jsonl, paths.is_empty()) {
        (Some(_), false) => Err(Error::PathsAndJsonl),
        (None, true) => Err(Error::NoInput),
        (Some(path), true) => Ok(Inputs {
            documents: open_jsonl(path, max_bytes)?,
            total: None,
        }),
        (None, false) => {
            let files = expand_paths(paths);
            let total = Some(files.len());
            let documents = files.into_iter().map(move |p| read_file(&p, max_bytes));
            Ok(Inputs {
                documents: Box::new(documents),
                total,
            })
        }
    }
}

/// The documents of a JSON Lines file, or of standard input for `-`.
fn open_jsonl(path: &Path, max_bytes: u64) -> Result<Box<dyn Iterator<Item = Input>>, Error> {
    if path == Path::new("-") {
        let stdin = BufReader::new(io::stdin());
        return Ok(Box::new(read_jsonl(stdin, "stdin".into(), max_bytes)));
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let source = path.display().to_string();
    Ok(Box::new(read_jsonl(
        BufReader::new(file),
        source,
        max_bytes,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neither_or_both_is_an_error_at_once() {
        let paths = [PathBuf::from("a.txt")];
        let stdin = Some(Path::new("-"));
        assert!(matches!(open(&[], None, 10), Err(Error::NoInput)));
        assert!(matches!(open(&paths, stdin, 10), Err(Error::PathsAndJsonl)));
        let missing = Some(Path::new("/no/such/input.jsonl"));
        assert!(matches!(open(&[], missing, 10), Err(Error::Io { .. })));
    }

    #[test]
    fn a_missing_file_is_counted_and_fails_when_read() {
        let mut inputs = open(&[PathBuf::from("/no/such/file.txt")], None, 10).unwrap();
        assert_eq!(inputs.total, Some(1));
        let input = inputs.documents.next().unwrap();
        assert_eq!(input.id, "/no/such/file.txt");
        assert!(matches!(input.text, Err(Error::Io { .. })));
    }
}
