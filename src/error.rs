//! The library's error type: one matchable enum for everything that can go
//! wrong with a document, an input or the model, and the places searched
//! for a model ([`Searched`]) that [`Error::ModelNotFound`] lists.

use std::fmt;
use std::path::PathBuf;

/// Everything that can fail in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An output file could not be created.
    #[error("creating {path}: {source}")]
    Create {
        /// The path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like binary data, not text.
    #[error("binary data (control byte 0x{byte:02x} at byte {offset}), not text")]
    Binary {
        /// The offending byte.
        byte: u8,
        /// Where it is.
        offset: usize,
    },
    /// The document holds no text.
    #[error("empty document")]
    Empty,
    /// The document is larger than the configured limit.
    #[error("document is {size} bytes, larger than --max-bytes {limit}")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The run was given nothing to read.
    #[error("nothing to read: give text files, folders, or --jsonl FILE|-")]
    NoInput,
    /// The run was given both paths and a JSON Lines input.
    #[error("give either paths or --jsonl, not both")]
    PathsAndJsonl,
    /// A JSON Lines input line is not a `{"id": ..., "text": ...}` object.
    #[error("malformed JSONL line {line}: {message}")]
    MalformedJsonl {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// No model folder was found: each place searched, in order, and what
    /// it lacked.
    #[error("named-entity model not found; looked in: {}", list(.searched))]
    ModelNotFound {
        /// The places searched.
        searched: Vec<Searched>,
    },
    /// The named-entity model could not be loaded or run.
    #[error("named-entity model: {0}")]
    Model(String),
    /// libtorch has a CUDA library (`libtorch_cuda.so`) that could not be
    /// loaded, or its own directory could not be found.
    #[error("cannot load libtorch's CUDA library {path}: {message}")]
    CudaLibrary {
        /// The library.
        path: PathBuf,
        /// The dynamic loader's message.
        message: String,
    },
    /// A stage failed on this document with a bug (a panic): the document
    /// gets this error and the run goes on.
    #[error("internal error in the {stage} stage (please report it): {message}")]
    Internal {
        /// The stage that failed.
        stage: &'static str,
        /// The panic message.
        message: String,
    },
    /// An evaluation data set is missing or malformed.
    #[error("evaluation data {path}: {message}")]
    EvalData {
        /// The file at fault.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

fn list(searched: &[Searched]) -> String {
    let places: Vec<String> = searched.iter().map(ToString::to_string).collect();
    places.join("; ")
}

/// Where a candidate model folder came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelSource {
    /// The `--model` flag.
    Flag,
    /// `$QUOTELINK_MODEL`.
    Env,
    /// `../share/quotelink/models/ner` from the executable's folder (an
    /// install prefix, or the bundle of `scripts/package.sh`).
    Installed,
    /// `models/ner` beside the executable.
    Beside,
    /// The crate's own `models/ner`, where it was built.
    BuildTime,
}

impl fmt::Display for ModelSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Flag => "--model",
            Self::Env => "$QUOTELINK_MODEL",
            Self::Installed => "installed beside the executable",
            Self::Beside => "beside the executable",
            Self::BuildTime => "the build-time path",
        })
    }
}

/// A place that was searched and why it did not hold a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searched {
    /// Where the path came from.
    pub source: ModelSource,
    /// The folder.
    pub path: PathBuf,
    /// What is missing there.
    pub problem: String,
}

impl fmt::Display for Searched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (source, path, problem) = (self.source, self.path.display(), &self.problem);
        write!(f, "{source} {path} ({problem})")
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
