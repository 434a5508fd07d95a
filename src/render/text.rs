//! The text view: one readable block per document for a terminal, each
//! quote shortened in the middle if long, with its kind, its speaker's
//! mention and name, cue and confidence.

use std::io::{self, Write};

use crate::output::{DocumentRecord, QuoteRecord, Record};
use crate::render::Sink;

/// Characters of quote text shown per quote.
pub const WIDTH: usize = 100;

/// The marker that replaces the middle of a long quote.
const ELLIPSIS: &str = " … ";

/// Writes one block per document.
pub struct TextSink<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> TextSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        TextSink { out, first: true }
    }
}

impl<W: Write> Sink for TextSink<W> {
    fn record(&mut self, record: &Record, _text: Option<&str>) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        match record {
            Record::Document(doc) => self.out.write_all(block(doc).as_bytes()),
            Record::Error(e) => writeln!(self.out, "{}: error: {}", e.id, e.error),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One document's block.
pub fn block(doc: &DocumentRecord) -> String {
    let quotes = match doc.quotes.len() {
        0 => "no quotes".to_owned(),
        1 => "1 quote".to_owned(),
        n => format!("{n} quotes"),
    };
    let speakers = match doc.speakers.len() {
        1 => "1 speaker".to_owned(),
        n => format!("{n} speakers"),
    };
    let mut out = format!("{}: {quotes}, {speakers}\n", doc.id);
    for q in &doc.quotes {
        out.push_str(&format!(
            "  {:<9} {}\n  {:<9} {}\n",
            q.kind.as_str(),
            shorten(&content(q), WIDTH),
            "",
            attribution(q)
        ));
    }
    out
}

/// The quote's content: its parts joined by " … " (what lies between them
/// is the attribution), else its text.
fn content(q: &QuoteRecord) -> String {
    if q.parts.is_empty() {
        return q.text.clone();
    }
    let parts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
    parts.join(ELLIPSIS)
}

/// `mention → name · cue · confidence`.
fn attribution(q: &QuoteRecord) -> String {
    let mention = q.speaker.as_ref().map(|m| shorten(&m.text, WIDTH * 2 / 3));
    let who = match (mention, &q.speaker_name) {
        (Some(m), Some(name)) if m == *name => m,
        (Some(m), Some(name)) => format!("{m} → {name}"),
        (Some(m), None) => format!("{m} → (not resolved)"),
        (None, Some(name)) => name.clone(),
        (None, None) => "no speaker found".to_owned(),
    };
    let class = q.cue_class.map(|c| format!(" ({})", c.as_str()));
    match &q.cue {
        Some(cue) => format!(
            "{who} · {}{} · {:.2}",
            shorten(&cue.text, 30),
            class.unwrap_or_default(),
            q.confidence
        ),
        None => format!("{who} · {:.2}", q.confidence),
    }
}

/// `text` on one line (runs of white space become one space), at most
/// `width` characters: a longer text keeps its start and end, cut at word
/// boundaries where one is near, around " … ".
pub fn shorten(text: &str, width: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    let len = line.chars().count();
    if len <= width {
        return line;
    }
    let keep = width.saturating_sub(ELLIPSIS.chars().count());
    let (head_len, tail_len) = (keep - keep / 2, keep / 2);
    let chars: Vec<char> = line.chars().collect();
    let head = &chars[..head_len];
    let tail = &chars[len - tail_len..];
    // Cut mid-word parts back to a space if one lies in their outer half.
    let head_cut = match chars[head_len] {
        ' ' => head_len,
        _ => head
            .iter()
            .rposition(|&c| c == ' ')
            .filter(|&i| i >= head_len / 2)
            .unwrap_or(head_len),
    };
    let tail_cut = match chars[len - tail_len - 1] {
        ' ' => 0,
        _ => tail
            .iter()
            .position(|&c| c == ' ')
            .filter(|&i| i <= tail_len / 2)
            .map_or(0, |i| i + 1),
    };
    let head: String = head[..head_cut].iter().collect();
    let tail: String = tail[tail_cut..].iter().collect();
    format!("{}{ELLIPSIS}{}", head.trim_end(), tail.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CueClass, EntityLabel, QuoteKind};
    use crate::output::{SpanRecord, SpeakerRecord};

    fn span(start: usize, text: &str) -> SpanRecord {
        SpanRecord {
            start,
            end: start + text.chars().count(),
            text: text.into(),
        }
    }

    #[test]
    fn short_text_is_kept_on_one_line() {
        assert_eq!(shorten("  \"We will\n   win,\"  ", 40), "\"We will win,\"");
    }

    #[test]
    fn long_text_keeps_both_ends_cut_at_words() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let short = shorten(text, 30);
        assert_eq!(short, "one two three … eleven twelve");
        assert!(short.chars().count() <= 30);
    }

    #[test]
    fn a_text_without_spaces_is_cut_mid_word() {
        let short = shorten(&"é".repeat(50), 11);
        assert_eq!(short, format!("{} … {}", "é".repeat(4), "é".repeat(4)));
    }

    #[test]
    fn a_quote_in_parts_shows_its_content_without_the_attribution() {
        let text = "\"A,\" she said, \"B.\"";
        let quote = QuoteRecord {
            start: 0,
            end: 20,
            text: text.into(),
            parts: vec![span(0, "\"A,\""), span(15, "\"B.\"")],
            kind: QuoteKind::Direct,
            cue: Some(span(9, "said")),
            cue_class: Some(CueClass::Speech),
            negated: false,
            speaker: Some(span(5, "she")),
            speaker_name: None,
            speaker_id: None,
            confidence: 0.9,
        };
        assert_eq!(content(&quote), "\"A,\" … \"B.\"");
        let whole = QuoteRecord {
            parts: vec![],
            ..quote
        };
        assert_eq!(content(&whole), text);
    }

    #[test]
    fn a_block_lists_each_quote_with_its_attribution() {
        let quote =
            |text: &str, kind, speaker: Option<SpanRecord>, name: Option<&str>| QuoteRecord {
                start: 0,
                end: text.chars().count(),
                text: text.into(),
                parts: vec![],
                kind,
                cue: Some(span(40, "said")),
                cue_class: Some(CueClass::Speech),
                negated: false,
                speaker,
                speaker_name: name.map(Into::into),
                speaker_id: name.map(|_| 0),
                confidence: 0.9,
            };
        let doc = DocumentRecord {
            id: "a.txt".into(),
            meta: None,
            text_length: 200,
            sentences: vec![],
            entities: vec![],
            quotes: vec![
                quote(
                    "\"We will win,\"",
                    QuoteKind::Direct,
                    Some(span(20, "she")),
                    Some("Jane Smith"),
                ),
                quote(
                    "taxes would rise",
                    QuoteKind::Indirect,
                    Some(span(50, "Jane Smith")),
                    Some("Jane Smith"),
                ),
                quote(
                    "the bill is expected to pass",
                    QuoteKind::Indirect,
                    None,
                    None,
                ),
            ],
            speakers: vec![SpeakerRecord {
                id: 0,
                name: "Jane Smith".into(),
                label: EntityLabel::Per,
                gender: None,
                gender_evidence: None,
                mentions: vec![span(20, "she"), span(50, "Jane Smith")],
                quotes: vec![0, 1],
            }],
        };
        insta::assert_snapshot!(block(&doc), @r#"
        a.txt: 3 quotes, 1 speaker
          direct    "We will win,"
                    she → Jane Smith · said (speech) · 0.90
          indirect  taxes would rise
                    Jane Smith · said (speech) · 0.90
          indirect  the bill is expected to pass
                    no speaker found · said (speech) · 0.90
        "#);
    }

    #[test]
    fn error_records_are_one_line_and_blocks_are_separated() {
        let mut out = Vec::new();
        crate::render::two_errors(TextSink::new, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a: error: empty document\n\nb: error: empty document\n"
        );
    }
}
