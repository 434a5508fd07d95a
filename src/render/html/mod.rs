//! The HTML view: one self-contained page (inline style, a little inline
//! script that only adds to it) showing each document's text with its
//! quotes highlighted in their speaker's colour, cues underlined and
//! speaker mentions boxed; over several documents, each quote says how many
//! other documents carried it and the page lists the most repeated
//! quotations ([`repeated`]).

mod document;
mod nest;
pub mod repeated;

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::output::{DocumentRecord, Record};
use crate::render::escape::escape;
use crate::render::Sink;
use document::plural;
use repeated::Repeated;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Why a document could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The text is not the one the record was made from.
    #[error("the text has {text} code points but the record says {record}")]
    TextLength {
        /// `text_length` in the record.
        record: usize,
        /// Code points in the text given.
        text: usize,
    },
    /// A span reaches outside the text.
    #[error("{what} {start}..{end} lies outside the text ({len} code points)")]
    SpanOutside {
        /// Which kind of span.
        what: &'static str,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length.
        len: usize,
    },
}

/// One line of the contents.
struct Entry {
    id: String,
    /// Quotes and speakers, or why the document is not shown.
    outcome: Result<(usize, usize), String>,
}

/// A document waiting to be drawn: its section number, record and text.
struct Shown {
    n: usize,
    record: DocumentRecord,
    text: String,
}

/// Collects the documents of a run and writes the page when it finishes
/// (the sections wait for the quote clusters of the whole run).
pub struct HtmlSink<W: Write> {
    out: W,
    body: String,
    entries: Vec<Entry>,
    failed_renders: usize,
    /// The documents to draw, and the failed ones' sections between them.
    pending: Vec<Result<Shown, String>>,
    repeated: Repeated,
}

impl<W: Write> HtmlSink<W> {
    /// A sink that writes the page to `out` when it finishes.
    pub fn new(out: W) -> Self {
        HtmlSink {
            out,
            body: String::new(),
            entries: Vec::new(),
            failed_renders: 0,
            pending: Vec::new(),
            repeated: Repeated::default(),
        }
    }

    /// Documents that were processed but could not be shown (their
    /// records do not fit their text); each has a note on the page.
    pub fn failed_renders(&self) -> usize {
        self.failed_renders
    }

    fn failed(&mut self, n: usize, id: &str, error: String) -> Entry {
        let mut section = String::new();
        let _ = write!(
            section,
            "<section class=\"doc failed\" id=\"d{n}\">\n<header><h2><span class=\"n\">{n}</span> \
             {}</h2></header>\n<p class=\"error\">not shown: {}</p>\n</section>\n",
            escape(id),
            escape(&error),
        );
        self.pending.push(Err(section));
        Entry {
            id: id.to_owned(),
            outcome: Err(error),
        }
    }

    /// The whole page around the collected sections, and the list of the
    /// most repeated quotations.
    fn page(&self, repeated: &str) -> String {
        let quotes: usize = self
            .entries
            .iter()
            .flat_map(|e| &e.outcome)
            .map(|o| o.0)
            .sum();
        let title = match self.entries.as_slice() {
            [one] => format!("quotelink: {}", one.id),
            all => format!("quotelink: {}", plural(all.len(), "document")),
        };
        let mut page = String::with_capacity(self.body.len() + STYLE.len() + 4096);
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"quotelink {}\">\n<title>{}</title>\n\
             <style>\n{STYLE}</style>\n</head>\n<body>\n<header class=\"page\"><h1>{}</h1>\
             <p class=\"stats\">{} · {} · highlighted in the speaker's colour and numbered \
             by speaker; <span class=\"cue\">cues</span> underlined; \
             <span class=\"m\">speaker mentions</span> boxed; hover or focus a quote for \
             details</p></header>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&title),
            escape(&title),
            plural(self.entries.len(), "document"),
            plural(quotes, "quote"),
        );
        if self.entries.len() > 1 {
            self.contents(&mut page);
        }
        page.push_str("<main>\n");
        page.push_str(repeated);
        page.push_str(&self.body);
        let _ = write!(
            page,
            "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
        );
        page
    }

    /// The contents: every document with its counts and a link to it.
    fn contents(&self, page: &mut String) {
        page.push_str("<nav class=\"contents\" aria-label=\"contents\"><ol>");
        for (i, entry) in self.entries.iter().enumerate() {
            let facts = match &entry.outcome {
                Ok((quotes, speakers)) => {
                    format!(
                        "{} · {}",
                        plural(*quotes, "quote"),
                        plural(*speakers, "speaker")
                    )
                }
                Err(_) => "failed".to_owned(),
            };
            let class = if entry.outcome.is_err() {
                " class=\"failed\""
            } else {
                ""
            };
            let _ = write!(
                page,
                "<li{class}><a href=\"#d{}\">{}</a> <span class=\"facts\">{facts}</span></li>",
                i + 1,
                escape(&entry.id),
            );
        }
        page.push_str("</ol></nav>\n");
    }
}

impl<W: Write> Sink for HtmlSink<W> {
    fn record(&mut self, record: &Record, text: Option<&str>) -> io::Result<()> {
        let n = self.entries.len() + 1;
        let entry = match (record, text) {
            (Record::Error(e), _) => self.failed(n, &e.id, e.error.clone()),
            (Record::Document(doc), None) => {
                self.failed_renders += 1;
                self.failed(n, &doc.id, "the document's text is missing".into())
            }
            (Record::Document(doc), Some(text)) => match document::check(doc, text) {
                Ok(()) => {
                    self.repeated.add(n, doc);
                    self.pending.push(Ok(Shown {
                        n,
                        record: doc.clone(),
                        text: text.to_owned(),
                    }));
                    Entry {
                        id: doc.id.clone(),
                        outcome: Ok((doc.quotes.len(), doc.speakers.len())),
                    }
                }
                Err(error) => {
                    self.failed_renders += 1;
                    self.failed(n, &doc.id, error.to_string())
                }
            },
        };
        self.entries.push(entry);
        Ok(())
    }

    /// The page is written whole at the end.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let (links, repeated) = std::mem::take(&mut self.repeated).finish();
        let mut links = links.into_iter();
        for slot in std::mem::take(&mut self.pending) {
            match slot {
                Ok(shown) => {
                    let links = links.next().unwrap_or_default();
                    // The record was checked against its text when it came.
                    let _ = document::section(
                        shown.n,
                        &shown.record,
                        &shown.text,
                        &links,
                        &mut self.body,
                    );
                }
                Err(section) => self.body.push_str(&section),
            }
        }
        self.out.write_all(self.page(&repeated).as_bytes())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
