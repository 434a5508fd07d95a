//! Quote clusters on the page: each document's quotes are added to a
//! [`Corpus`] as they arrive; at the end the quotes are grouped
//! ([`crate::clusters`]) and each quote learns how many other documents
//! carried it, and the page lists the most repeated quotations with a
//! link to every occurrence.

use std::fmt::Write as _;

use crate::clusters::{Clusters, Corpus, Options, Quote};
use crate::output::DocumentRecord;
use crate::render::escape::escape;
use crate::render::text::shorten;

use super::document::{plural, Link};

/// Quotations listed as the most repeated.
pub const LISTED: usize = 20;
/// Occurrences linked per listed quotation.
const LINKS: usize = 12;
/// Characters of a listed quotation's text.
const WIDTH: usize = 160;

/// The quotes of the shown documents, in page order.
#[derive(Debug, Default)]
pub struct Repeated {
    corpus: Corpus,
    /// Per document added, its section number.
    sections: Vec<usize>,
}

impl Repeated {
    /// Adds the quotes of section `n`.
    pub fn add(&mut self, n: usize, doc: &DocumentRecord) {
        if self.sections.is_empty() {
            self.corpus = Corpus::new(Options::default());
        }
        self.sections.push(n);
        let contents: Vec<String> = doc
            .quotes
            .iter()
            .map(|q| {
                let parts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
                if parts.is_empty() {
                    q.text.clone()
                } else {
                    parts.join(" ")
                }
            })
            .collect();
        let quotes = doc.quotes.iter().zip(&contents).enumerate();
        self.corpus.add(
            &doc.id,
            doc.meta.as_ref(),
            quotes.map(|(index, (q, content))| Quote {
                index,
                start: q.start as u64,
                end: q.end as u64,
                content,
                speaker: q.speaker_name.as_deref(),
            }),
        );
    }

    /// Groups the quotes: each shown document's links (by section, then
    /// quote), and the list of the most repeated quotations.
    pub fn finish(self) -> (Vec<Vec<Link>>, String) {
        let sections = self.sections;
        let clusters = Clusters::new(self.corpus);
        let mut ranked: Vec<u32> = clusters.ranked();
        ranked.retain(|&c| clusters.documents(c) > 1);
        ranked.sort_by_key(|&c| std::cmp::Reverse(clusters.documents(c)));
        ranked.truncate(LISTED);
        let mut listed = vec![None; clusters.len()];
        for (i, &c) in ranked.iter().enumerate() {
            listed[c as usize] = Some(i + 1);
        }
        let mut links: Vec<Vec<Link>> = vec![Vec::new(); sections.len()];
        for (o, occ) in clusters.corpus.occurrences.iter().enumerate() {
            let c = clusters.cluster_of(o as u32);
            links[occ.doc as usize].push(Link {
                others: clusters.documents(c) - 1,
                listed: listed[c as usize],
            });
        }
        (links, list(&clusters, &ranked, &sections))
    }
}

/// The section of the most repeated quotations (empty when none is).
fn list(clusters: &Clusters, ranked: &[u32], sections: &[usize]) -> String {
    let mut out = String::new();
    if ranked.is_empty() {
        return out;
    }
    out.push_str(
        "<section class=\"repeated\" id=\"repeated\"><h2>Most repeated quotations</h2><ol>",
    );
    let corpus = &clusters.corpus;
    for (i, &c) in ranked.iter().enumerate() {
        let s = clusters.summary(c);
        let speaker = s.speakers.first().map_or("no speaker found", |(n, _)| n);
        let first = &corpus.docs[s.first.doc as usize];
        let mut first_seen = String::new();
        for v in [first.first, first.by] {
            if let Some(v) = corpus.values.get(v) {
                let _ = write!(first_seen, " {}", escape(v));
            }
        }
        let _ = write!(
            out,
            "<li id=\"c{}\"><span class=\"quote\">{}</span> <span class=\"facts\">{} · {} · {} · first:{} {}</span> ",
            i + 1,
            escape(&shorten(s.text, WIDTH)),
            escape(speaker),
            plural(s.documents as usize, "document"),
            plural(s.occurrences as usize, "occurrence"),
            first_seen,
            escape(&first.id),
        );
        for &o in clusters.members(c).iter().take(LINKS) {
            let occ = &corpus.occurrences[o as usize];
            let n = sections[occ.doc as usize];
            let _ = write!(
                out,
                "<a href=\"#d{n}-q{}\">{n}.{}</a> ",
                occ.quote + 1,
                occ.quote + 1
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></section>\n");
    out
}
