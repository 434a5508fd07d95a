//! One document's section of the page: heading, speaker legend, the text
//! with quotes, cues and speaker mentions marked up, and a list of the
//! quotes that needs neither hover nor script.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::nest::{nest, Mark};
use super::RenderError;
use crate::output::{DocumentRecord, QuoteRecord, SpanRecord};
use crate::render::escape::escape;
use crate::render::text::shorten;

/// What a quote shows of its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Other documents that carried the quotation.
    pub others: u32,
    /// Its place in the list of the most repeated (`#c1`, ...), if listed.
    pub listed: Option<usize>,
}

/// Distinct speaker colours before they repeat (labels stay distinct).
pub const COLOURS: usize = 10;

/// Quote characters shown per quote in the list under the text.
const LIST_WIDTH: usize = 90;

/// Appends the section of document number `n` (1-based) to `out`; `links`
/// has one entry per quote (or none).
pub fn section(
    n: usize,
    doc: &DocumentRecord,
    text: &str,
    links: &[Link],
    out: &mut String,
) -> Result<(), RenderError> {
    check(doc, text)?;
    let quotes = doc.quotes.len();
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"d{n}\">\n<header><h2><span class=\"n\">{n}</span> {}</h2>\
         <p class=\"stats\">{} · {} · {} characters</p></header>\n",
        escape(&doc.id),
        plural(quotes, "quote"),
        plural(doc.speakers.len(), "speaker"),
        doc.text_length,
    );
    legend(doc, out);
    out.push_str("<div class=\"text\">");
    nest(text, &marks(n, doc, links), out);
    out.push_str("</div>\n");
    if quotes > 0 {
        quote_list(n, doc, links, out);
    }
    out.push_str("</section>\n");
    Ok(())
}

/// "1 quote", "3 quotes".
pub fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// Every span must lie inside the text the record was made from.
pub fn check(doc: &DocumentRecord, text: &str) -> Result<(), RenderError> {
    let len = text.chars().count();
    if len != doc.text_length {
        return Err(RenderError::TextLength {
            record: doc.text_length,
            text: len,
        });
    }
    let spans = doc.quotes.iter().flat_map(|q| {
        let quote = (q.start, q.end, "quote");
        let cue = q.cue.as_ref().map(|c| (c.start, c.end, "cue"));
        let mention = q
            .speaker
            .as_ref()
            .map(|s| (s.start, s.end, "speaker mention"));
        [Some(quote), cue, mention].into_iter().flatten()
    });
    let mentions = doc.speakers.iter().flat_map(|s| &s.mentions);
    let mentions = mentions.map(|m| (m.start, m.end, "speaker mention"));
    match spans.chain(mentions).find(|&(s, e, _)| s > e || e > len) {
        Some((start, end, what)) => Err(RenderError::SpanOutside {
            what,
            start,
            end,
            len,
        }),
        None => Ok(()),
    }
}

/// The colour class of a speaker, or of no speaker.
fn colour(speaker: Option<usize>) -> String {
    match speaker {
        Some(id) => format!("c{}", id % COLOURS),
        None => "none".to_owned(),
    }
}

/// The label that tells a speaker apart without colour.
fn label(speaker: Option<usize>) -> String {
    speaker.map_or_else(|| "?".to_owned(), |id| (id + 1).to_string())
}

/// The legend: each speaker with its label and number of quotes, most
/// quoted first, then the quotes without a speaker.
fn legend(doc: &DocumentRecord, out: &mut String) {
    let mut counts = vec![0usize; doc.speakers.len()];
    let mut unattributed = 0;
    for q in &doc.quotes {
        match q.speaker_id.and_then(|id| counts.get_mut(id)) {
            Some(count) => *count += 1,
            None => unattributed += 1,
        }
    }
    if doc.speakers.is_empty() && unattributed == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..doc.speakers.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(counts[i]), i));
    out.push_str("<ul class=\"legend\" aria-label=\"speakers\">");
    for i in order {
        let s = &doc.speakers[i];
        let _ = write!(
            out,
            "<li class=\"{}\" data-s=\"{i}\"><b class=\"badge\">{}</b> {} <small>{}</small> \
             <span class=\"count\">{}</span></li>",
            colour(Some(i)),
            label(Some(i)),
            escape(&s.name),
            s.label,
            plural(counts[i], "quote"),
        );
    }
    if unattributed > 0 {
        let _ = write!(
            out,
            "<li class=\"none\" data-s=\"none\"><b class=\"badge\">?</b> no speaker found \
             <span class=\"count\">{}</span></li>",
            plural(unattributed, "quote"),
        );
    }
    out.push_str("</ul>\n");
}

/// "also in 3 other documents", or nothing.
fn carried(link: Option<&Link>) -> Option<String> {
    let others = link.map_or(0, |l| l.others as usize);
    (others > 0).then(|| format!("also in {}", plural(others, "other document")))
}

/// What hovering or focusing a quote shows, one fact per line.
fn tip(doc: &DocumentRecord, q: &QuoteRecord, link: Option<&Link>) -> String {
    let mut tip = format!("{} quote · confidence {:.2}", q.kind.as_str(), q.confidence);
    let speaker = q
        .speaker_id
        .and_then(|id| doc.speakers.get(id).map(|s| (id, s)));
    match (speaker, &q.speaker) {
        (Some((id, s)), _) => {
            let _ = write!(
                tip,
                "\nspeaker {}: {} ({})",
                label(Some(id)),
                s.name,
                s.label
            );
        }
        (None, Some(_)) => tip.push_str("\nspeaker: mention not resolved"),
        (None, None) => tip.push_str("\nno speaker found"),
    }
    if let Some(mention) = &q.speaker {
        let _ = write!(tip, "\nmention: “{}”", mention.text);
    }
    match &q.cue {
        Some(cue) => {
            let _ = write!(tip, "\ncue: “{}”", cue.text);
            if let Some(class) = q.cue_class {
                let _ = write!(tip, " ({})", class.as_str());
            }
        }
        None => tip.push_str("\nno cue"),
    }
    if let Some(carried) = carried(link) {
        let _ = write!(tip, "\n{carried}");
    }
    tip
}

/// The spans to mark: quotes (outermost on ties), speaker mentions, cues.
fn marks(n: usize, doc: &DocumentRecord, links: &[Link]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut seen = HashSet::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let tip = escape(&tip(doc, q, links.get(i))).into_owned();
        let c = colour(q.speaker_id);
        let s = q
            .speaker_id
            .map_or_else(|| "none".to_owned(), |id| id.to_string());
        let common = format!("class=\"q {c}\" data-q=\"{i}\" data-s=\"{s}\" data-tip=\"{tip}\"");
        marks.push(Mark {
            start: q.start,
            end: q.end,
            rank: 0,
            open: format!(
                "<mark {common} id=\"d{n}-q{}\" data-l=\"{}\" tabindex=\"0\">",
                i + 1,
                label(q.speaker_id)
            ),
            reopen: format!("<mark {common} data-cont=\"\">"),
            close: "</mark>",
        });
        if let Some(cue) = &q.cue {
            if seen.insert(("cue", cue.start, cue.end)) {
                let open = format!("<span class=\"cue {c}\" title=\"cue\">");
                marks.push(span_mark(cue, 2, open));
            }
        }
    }
    for (id, s) in doc.speakers.iter().enumerate() {
        let title = format!("speaker {}: {}", label(Some(id)), s.name);
        let open = format!(
            "<span class=\"m {}\" title=\"{}\">",
            colour(Some(id)),
            escape(&title)
        );
        for m in &s.mentions {
            if seen.insert(("mention", m.start, m.end)) {
                marks.push(span_mark(m, 1, open.clone()));
            }
        }
    }
    for q in doc.quotes.iter().filter(|q| q.speaker_id.is_none()) {
        if let Some(m) = &q.speaker {
            if seen.insert(("mention", m.start, m.end)) {
                let open = "<span class=\"m none\" title=\"speaker mention, not resolved\">";
                marks.push(span_mark(m, 1, open.to_owned()));
            }
        }
    }
    marks
}

fn span_mark(span: &SpanRecord, rank: u8, open: String) -> Mark {
    Mark {
        start: span.start,
        end: span.end,
        rank,
        reopen: open.clone(),
        open,
        close: "</span>",
    }
}

/// Every quote in a list with its facts and a link to it in the text.
fn quote_list(n: usize, doc: &DocumentRecord, links: &[Link], out: &mut String) {
    let _ = write!(
        out,
        "<details class=\"quotes\"><summary>All {}</summary><ol>",
        plural(doc.quotes.len(), "quote")
    );
    for (i, q) in doc.quotes.iter().enumerate() {
        let speaker = match (&q.speaker_name, &q.speaker) {
            (Some(name), _) => name.as_str(),
            (None, Some(m)) => m.text.as_str(),
            (None, None) => "no speaker found",
        };
        let _ = write!(
            out,
            "<li class=\"{}\"><a href=\"#d{n}-q{}\">{}</a> <span class=\"facts\">{} · \
             <b class=\"badge\">{}</b> {} · {:.2}</span>",
            colour(q.speaker_id),
            i + 1,
            escape(&shorten(&q.text, LIST_WIDTH)),
            q.kind.as_str(),
            label(q.speaker_id),
            escape(speaker),
            q.confidence,
        );
        if let Some(carried) = carried(links.get(i)) {
            let _ = match links[i].listed {
                Some(k) => write!(out, " <a class=\"carried\" href=\"#c{k}\">{carried}</a>"),
                None => write!(out, " <span class=\"carried\">{carried}</span>"),
            };
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></details>\n");
}
