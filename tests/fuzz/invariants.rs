//! The invariants every annotated document keeps, checked both on the
//! stages' byte spans and on the output record a user reads (code points).

use quotelink::output::DocumentRecord;
use quotelink::{Document, Span};

/// Every broken invariant of `doc` and its `record`, described.
pub fn violations(doc: &Document, record: &DocumentRecord) -> Vec<String> {
    let mut out = Vec::new();
    byte_spans(doc, &mut out);
    quotes_and_speakers(doc, &mut out);
    records(doc, record, &mut out);
    out
}

fn byte_spans(doc: &Document, out: &mut Vec<String>) {
    let check = |what: String, span: &Span| {
        let text = &doc.text;
        let b = &span.byte;
        if b.start > b.end || b.end > text.len() {
            Some(format!("{what}: byte span {b:?} outside 0..{}", text.len()))
        } else if !text.is_char_boundary(b.start) || !text.is_char_boundary(b.end) {
            Some(format!("{what}: byte span {b:?} not on char boundaries"))
        } else if doc.span(b.clone()) != *span {
            let chars = &span.char;
            Some(format!(
                "{what}: char span {chars:?} does not match bytes {b:?}"
            ))
        } else {
            None
        }
    };
    for (i, s) in doc.sentences.iter().enumerate() {
        out.extend(check(format!("sentence {i}"), s));
    }
    for (i, e) in doc.entities.iter().enumerate() {
        out.extend(check(format!("entity {i}"), &e.span));
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        out.extend(check(format!("quote {i}"), &q.span));
        for (j, p) in q.parts.iter().enumerate() {
            out.extend(check(format!("quote {i} part {j}"), p));
        }
        if let Some(cue) = &q.cue {
            out.extend(check(format!("quote {i} cue"), cue));
        }
        if let Some(speaker) = &q.speaker {
            out.extend(check(format!("quote {i} speaker"), speaker));
        }
    }
    for (i, s) in doc.speakers.iter().enumerate() {
        for (j, m) in s.mentions.iter().enumerate() {
            out.extend(check(format!("speaker {i} mention {j}"), m));
        }
    }
    for pair in doc.sentences.windows(2) {
        if pair[0].byte.end > pair[1].byte.start {
            out.push(format!(
                "sentences {:?} and {:?} overlap or are out of order",
                pair[0].byte, pair[1].byte
            ));
        }
    }
}

fn quotes_and_speakers(doc: &Document, out: &mut Vec<String>) {
    for (i, q) in doc.quotes.iter().enumerate() {
        let (Some(first), Some(last)) = (q.parts.first(), q.parts.last()) else {
            out.push(format!("quote {i} has no parts"));
            continue;
        };
        if first.byte.start != q.span.byte.start || last.byte.end != q.span.byte.end {
            out.push(format!(
                "quote {i} {:?} does not run from its first part to its last",
                q.span.byte
            ));
        }
        if q.parts.iter().any(|p| !q.span.contains(p)) {
            out.push(format!("quote {i}: a part lies outside the quote"));
        }
        if q.parts.windows(2).any(|w| w[0].byte.end > w[1].byte.start) {
            out.push(format!("quote {i}: parts overlap or are out of order"));
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            out.push(format!(
                "quote {i}: confidence {} outside [0, 1]",
                q.confidence
            ));
        }
        match q.speaker_id {
            Some(id) if id >= doc.speakers.len() => out.push(format!(
                "quote {i}: speaker_id {id} of {} speakers",
                doc.speakers.len()
            )),
            Some(id) if !doc.speakers[id].quotes.contains(&i) => {
                out.push(format!("quote {i}: speaker {id} does not list it"))
            }
            _ => {}
        }
    }
    if doc
        .quotes
        .windows(2)
        .any(|w| w[0].span.byte.start > w[1].span.byte.start)
    {
        out.push("quotes are not in text order".into());
    }
    for (id, s) in doc.speakers.iter().enumerate() {
        for &q in &s.quotes {
            if doc.quotes.get(q).is_none_or(|q| q.speaker_id != Some(id)) {
                out.push(format!(
                    "speaker {id} lists quote {q}, whose speaker_id is not {id}"
                ));
            }
        }
        if s.mentions
            .windows(2)
            .any(|w| w[0].byte.start > w[1].byte.start)
        {
            out.push(format!("speaker {id}: mentions are not in text order"));
        }
    }
}

/// The output record, as a user reads it: code-point ranges that slice
/// the text to the `text` fields.
fn records(doc: &Document, record: &DocumentRecord, out: &mut Vec<String>) {
    let chars: Vec<char> = doc.text.chars().collect();
    if record.text_length != chars.len() {
        out.push(format!(
            "text_length {} for {} chars",
            record.text_length,
            chars.len()
        ));
    }
    let check = |what: String, start: usize, end: usize, text: Option<&str>| {
        if start > end || end > chars.len() {
            return Some(format!("{what}: {start}..{end} outside 0..{}", chars.len()));
        }
        let slice: String = chars[start..end].iter().collect();
        let wrong = text.is_some_and(|t| t != slice);
        wrong.then(|| format!("{what}: text {text:?} is not text[{start}:{end}] = {slice:?}"))
    };
    for (i, s) in record.sentences.iter().enumerate() {
        out.extend(check(format!("record sentence {i}"), s.start, s.end, None));
    }
    for (i, e) in record.entities.iter().enumerate() {
        out.extend(check(
            format!("record entity {i}"),
            e.start,
            e.end,
            Some(&e.text),
        ));
    }
    for (i, q) in record.quotes.iter().enumerate() {
        out.extend(check(
            format!("record quote {i}"),
            q.start,
            q.end,
            Some(&q.text),
        ));
        for (what, span) in [("cue", &q.cue), ("speaker", &q.speaker)] {
            if let Some(s) = span {
                out.extend(check(
                    format!("record quote {i} {what}"),
                    s.start,
                    s.end,
                    Some(&s.text),
                ));
            }
        }
        let name = q
            .speaker_id
            .and_then(|id| record.speakers.get(id))
            .map(|s| &s.name);
        if q.speaker_name.as_ref() != name {
            out.push(format!(
                "record quote {i}: speaker_name does not match speaker_id"
            ));
        }
    }
    for (id, s) in record.speakers.iter().enumerate() {
        if s.id != id {
            out.push(format!("record speaker {id} has id {}", s.id));
        }
        for (j, m) in s.mentions.iter().enumerate() {
            out.extend(check(
                format!("record speaker {id} mention {j}"),
                m.start,
                m.end,
                Some(&m.text),
            ));
        }
        for &q in &s.quotes {
            if record
                .quotes
                .get(q)
                .is_none_or(|q| q.speaker_id != Some(id))
            {
                out.push(format!(
                    "record speaker {id} lists quote {q}, whose speaker_id is not {id}"
                ));
            }
        }
    }
}
