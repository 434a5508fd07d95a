//! Reading quotelink output back, line by line and leniently: fields this
//! version does not know are ignored, and a line that is not a document
//! record (malformed JSON, an error record, a missing or invalid field) is
//! reported as a [`Skip`] and the reading goes on.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Error;
use crate::meta::Meta;
use crate::model::{EntityLabel, Gender, QuoteKind};

/// A document record, with the fields the tables use.
#[derive(Debug, Deserialize)]
pub struct DocLine {
    /// The document id.
    pub id: String,
    /// The input's metadata.
    #[serde(default)]
    pub meta: Option<Meta>,
    /// Its quotes.
    pub quotes: Vec<QuoteLine>,
    /// Its speakers.
    pub speakers: Vec<SpeakerLine>,
}

/// A span with its text.
#[derive(Debug, Deserialize)]
pub struct SpanLine {
    /// Its text.
    pub text: String,
    /// A cue's class, where the output has one.
    #[serde(default)]
    pub class: Option<String>,
}

/// A quote.
#[derive(Debug, Deserialize)]
pub struct QuoteLine {
    /// Start (code points).
    pub start: u64,
    /// End (code points).
    pub end: u64,
    /// The quote's text.
    pub text: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The cue.
    pub cue: Option<SpanLine>,
    /// The cue's class, where the output has one.
    #[serde(default)]
    pub cue_class: Option<String>,
    /// Whether the report is denied or refused, where the output says.
    #[serde(default)]
    pub negated: Option<bool>,
    /// The content's pieces, where the output has them.
    #[serde(default)]
    pub parts: Option<Vec<SpanLine>>,
    /// The speaker's local mention.
    pub speaker: Option<SpanLine>,
    /// The canonical speaker's name.
    pub speaker_name: Option<String>,
    /// Index into `speakers`.
    pub speaker_id: Option<usize>,
    /// Confidence.
    pub confidence: f64,
}

impl QuoteLine {
    /// The cue's class: `cue_class`, or the cue's own `class`.
    pub fn cue_class(&self) -> Option<&str> {
        self.cue_class
            .as_deref()
            .or_else(|| self.cue.as_ref()?.class.as_deref())
    }

    /// The content proper: the parts joined by a space where the output has
    /// parts, else the quote's text.
    pub fn content(&self) -> String {
        match &self.parts {
            Some(parts) if !parts.is_empty() => parts
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            _ => self.text.clone(),
        }
    }
}

/// A canonical speaker.
#[derive(Debug, Deserialize)]
pub struct SpeakerLine {
    /// Canonical name.
    pub name: String,
    /// Entity type.
    pub label: EntityLabel,
    /// Gender, where the output has it.
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// Why a line was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipKind {
    /// Not JSON.
    Malformed,
    /// An error record: the document failed when quotelink ran.
    ErrorRecord,
    /// JSON, but a field is missing or invalid.
    Invalid,
}

impl std::fmt::Display for SkipKind {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(match self {
            SkipKind::Malformed => "malformed JSON",
            SkipKind::ErrorRecord => "error record",
            SkipKind::Invalid => "missing or invalid field",
        })
    }
}

/// A skipped line.
#[derive(Debug, Clone)]
pub struct Skip {
    /// `FILE:LINE`.
    pub place: String,
    /// The kind of problem.
    pub kind: SkipKind,
    /// What is wrong.
    pub message: String,
}

/// Where quotelink output is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// Standard input, copied to a file so that it can be read twice.
    Spooled(PathBuf),
}

impl Source {
    /// `-` is standard input; anything else a file.
    pub fn parse(arg: &Path) -> Source {
        if arg == Path::new("-") {
            Source::Stdin
        } else {
            Source::File(arg.to_path_buf())
        }
    }

    fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin | Source::Spooled(_) => "stdin".into(),
        }
    }

    fn open(&self) -> Result<Box<dyn BufRead>, Error> {
        match self {
            Source::File(path) | Source::Spooled(path) => {
                let file = File::open(path).map_err(|e| Error::io(path, e))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
            }
            Source::Stdin => Ok(Box::new(BufReader::new(io::stdin()))),
        }
    }
}

/// Classifies one line: a document, a skip, or nothing (a blank line).
pub fn parse_line(line: &[u8], place: impl FnOnce() -> String) -> Option<Result<DocLine, Skip>> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let error = match serde_json::from_slice::<DocLine>(line) {
        Ok(doc) => match check(&doc) {
            Ok(()) => return Some(Ok(doc)),
            Err(message) => (SkipKind::Invalid, message),
        },
        Err(e) => match serde_json::from_slice::<serde_json::Value>(line) {
            Err(e) => (SkipKind::Malformed, e.to_string()),
            Ok(value) => match value.get("error").and_then(|e| e.as_str()) {
                Some(error) => (SkipKind::ErrorRecord, error.to_owned()),
                None => (SkipKind::Invalid, e.to_string()),
            },
        },
    };
    Some(Err(Skip {
        place: place(),
        kind: error.0,
        message: error.1,
    }))
}

/// Cross-field checks serde cannot do.
fn check(doc: &DocLine) -> Result<(), String> {
    match doc
        .quotes
        .iter()
        .filter_map(|q| q.speaker_id)
        .find(|&id| id >= doc.speakers.len())
    {
        Some(id) => Err(format!(
            "speaker_id {id} but only {} speakers",
            doc.speakers.len()
        )),
        None => Ok(()),
    }
}

/// Reads every source in order, handing each document record to `on_doc`
/// and each skipped line to `on_skip`. Fails only when a source cannot be
/// opened or read.
pub fn read_all(
    sources: &[Source],
    mut on_doc: impl FnMut(DocLine) -> Result<(), Error>,
    mut on_skip: impl FnMut(Skip),
) -> Result<(), Error> {
    for source in sources {
        let name = source.name();
        let mut reader = source.open()?;
        let mut line = Vec::new();
        let mut number = 0usize;
        loop {
            line.clear();
            let read = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| Error::io(&name, e))?;
            if read == 0 {
                break;
            }
            number += 1;
            match parse_line(&line, || format!("{name}:{number}")) {
                None => {}
                Some(Ok(doc)) => on_doc(doc)?,
                Some(Err(skip)) => on_skip(skip),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<SkipKind> {
        parse_line(line.as_bytes(), || "t:1".into())
            .expect("not blank")
            .err()
            .map(|s| s.kind)
    }

    #[test]
    fn classifies_lines() {
        let doc = r#"{"id":"a","quotes":[],"speakers":[],"future_field":1}"#;
        assert_eq!(kind(doc), None, "unknown fields are ignored");
        assert_eq!(kind("{\"id\":"), Some(SkipKind::Malformed));
        assert_eq!(
            kind(r#"{"id":"a","error":"empty document"}"#),
            Some(SkipKind::ErrorRecord)
        );
        assert_eq!(kind(r#"{"id":"a","quotes":[]}"#), Some(SkipKind::Invalid));
        let bad_id = r#"{"id":"a","speakers":[],"quotes":[{"start":0,"end":1,"text":"x","kind":"direct","cue":null,"speaker":null,"speaker_name":null,"speaker_id":3,"confidence":0.5}]}"#;
        assert_eq!(kind(bad_id), Some(SkipKind::Invalid));
        assert!(parse_line(b"  \n", || unreachable!()).is_none());
    }

    #[test]
    fn content_joins_parts_and_cue_class_has_two_homes() {
        let q = r#"{"start":0,"end":9,"text":"\"A,\" x \"B\"","kind":"direct","cue":{"start":5,"end":6,"text":"x","class":"speech"},"parts":[{"start":0,"end":4,"text":"\"A,\""},{"start":7,"end":9,"text":"\"B\""}],"speaker":null,"speaker_name":null,"speaker_id":null,"confidence":0.9}"#;
        let q: QuoteLine = serde_json::from_str(q).unwrap();
        assert_eq!(q.content(), "\"A,\" \"B\"");
        assert_eq!(q.cue_class(), Some("speech"));
    }
}
