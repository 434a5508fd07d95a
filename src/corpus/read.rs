//! Input readers: files, folders and JSON Lines become [`Input`]s, each
//! with its text or the reason it has none, and its [`Meta`] for JSONL.

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::meta::Meta;

/// One input document, or why it could not be read.
#[derive(Debug)]
pub struct Input {
    /// The file path as given, or the JSONL `id`.
    pub id: String,
    /// The text, or the reason there is none.
    pub text: Result<String, Error>,
    /// A JSONL line's fields other than `id` and `text`; `None` for files,
    /// for lines without other fields, and for lines that do not parse.
    pub meta: Option<Meta>,
}

/// Checks raw bytes and turns them into a document's text.
pub fn decode_text(bytes: Vec<u8>, max_bytes: u64) -> Result<String, Error> {
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(Error::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    check_text(text)
}

/// Rejects empty and binary text.
fn check_text(text: String) -> Result<String, Error> {
    let binary = text
        .bytes()
        .enumerate()
        .find(|&(_, b)| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
    if let Some((offset, byte)) = binary {
        return Err(Error::Binary { byte, offset });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}

/// The `.txt` files named by `paths`: files as given, folders searched
/// recursively in sorted order. A path that cannot be listed is kept, so
/// that reading it reports the error.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return out.push(dir.to_path_buf()),
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Reads one file as an input document.
pub fn read_file(path: &Path, max_bytes: u64) -> Input {
    let read = || -> Result<String, Error> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
        if size > max_bytes {
            return Err(Error::TooLarge {
                size,
                limit: max_bytes,
            });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        decode_text(bytes, max_bytes)
    };
    Input {
        id: path.display().to_string(),
        text: read(),
        meta: None,
    }
}

/// Reads `{"id": ..., "text": ...}` objects, one per line, skipping blank
/// lines. `source` names the stream in the ids of malformed lines
/// (`SOURCE:LINE`). A numeric `id` is kept as its decimal text.
pub fn read_jsonl<R: BufRead>(
    reader: R,
    source: String,
    max_bytes: u64,
) -> impl Iterator<Item = Input> {
    let mut lines = reader.split(b'\n').enumerate();
    std::iter::from_fn(move || loop {
        let (index, line) = lines.next()?;
        let number = index + 1;
        let fallback_id = format!("{source}:{number}");
        let bytes = match line {
            Ok(bytes) => bytes,
            Err(e) => {
                return Some(Input {
                    id: fallback_id,
                    text: Err(Error::io(&source, e)),
                    meta: None,
                })
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(parse_jsonl_line(&bytes, number, fallback_id, max_bytes));
    })
}

fn parse_jsonl_line(bytes: &[u8], line: usize, fallback_id: String, max_bytes: u64) -> Input {
    use serde_json::Value;
    let malformed = |message: String| Error::MalformedJsonl { line, message };
    let mut fields: Meta = match serde_json::from_slice(bytes) {
        Ok(fields) => fields,
        Err(e) => {
            return Input {
                id: fallback_id,
                text: Err(malformed(e.to_string())),
                meta: None,
            }
        }
    };
    let id = match fields.remove("id") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let text = match (&id, fields.remove("text")) {
        (None, _) => Err(malformed("needs an \"id\" string or number".into())),
        (_, Some(Value::String(text))) if text.len() as u64 > max_bytes => Err(Error::TooLarge {
            size: text.len() as u64,
            limit: max_bytes,
        }),
        (_, Some(Value::String(text))) => check_text(text),
        (_, _) => Err(malformed("needs a \"text\" string".into())),
    };
    Input {
        id: id.unwrap_or(fallback_id),
        text,
        meta: (!fields.is_empty()).then_some(fields),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_text() {
        assert!(matches!(decode_text(vec![], 10), Err(Error::Empty)));
        assert!(matches!(
            decode_text(b"ab\xffc".to_vec(), 10),
            Err(Error::InvalidUtf8 { offset: 2 })
        ));
        assert!(matches!(
            decode_text(b"a\0b".to_vec(), 10),
            Err(Error::Binary { byte: 0, offset: 1 })
        ));
        assert!(matches!(
            decode_text(b"abcdef".to_vec(), 3),
            Err(Error::TooLarge { size: 6, limit: 3 })
        ));
        assert_eq!(decode_text(b"ok\n".to_vec(), 10).unwrap(), "ok\n");
    }

    #[test]
    fn jsonl_reports_malformed_lines_in_place() {
        let input = "{\"id\":\"a\",\"text\":\"One.\"}\n\nnot json\n{\"id\":7,\"text\":\"Two.\"}\n{\"id\":\"b\"}\n";
        let inputs: Vec<Input> = read_jsonl(input.as_bytes(), "stdin".into(), 100).collect();
        let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "stdin:3", "7", "b"]);
        assert!(inputs[0].text.is_ok() && inputs[2].text.is_ok());
        assert!(matches!(
            inputs[1].text,
            Err(Error::MalformedJsonl { line: 3, .. })
        ));
        assert!(matches!(
            inputs[3].text,
            Err(Error::MalformedJsonl { line: 5, .. })
        ));
    }

    #[test]
    fn jsonl_keeps_other_fields_as_meta() {
        let input = concat!(
            "{\"outlet\":\"AP\",\"id\":\"a\",\"date\":\"2016-09-12\",\"text\":\"One.\",\"n\":[1,2]}\n",
            "{\"id\":\"b\",\"text\":\"Two.\"}\n",
            "{\"id\":\"c\",\"text\":\"\",\"outlet\":\"Fox\"}\n",
        );
        let inputs: Vec<Input> = read_jsonl(input.as_bytes(), "stdin".into(), 100).collect();
        let meta = |i: usize| {
            inputs[i]
                .meta
                .as_ref()
                .map(|m| serde_json::to_string(m).unwrap())
        };
        assert_eq!(
            meta(0).as_deref(),
            Some("{\"outlet\":\"AP\",\"date\":\"2016-09-12\",\"n\":[1,2]}")
        );
        assert_eq!(meta(1), None);
        assert!(matches!(inputs[2].text, Err(Error::Empty)));
        assert_eq!(meta(2).as_deref(), Some("{\"outlet\":\"Fox\"}"));
    }
}
