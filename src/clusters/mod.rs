//! Quote clusters across a corpus (`quotelink clusters`): the occurrences
//! of the same quotation in many documents (wire copy, syndication,
//! partial quotation) grouped into one row each, with its canonical text,
//! speakers, counts, first occurrence and every occurrence.
//!
//! The matching rule ([`rule`]): texts are normalised ([`normalize`]:
//! case, curly and straight marks, ellipses and punctuation fold away) and
//! cut into 2-word shingles ([`shingle`]); a text of six words or more is
//! the same quotation as another when 60% of its words lie in shingles the
//! other has too (a fragment is measured against the longer text, so
//! fragments, cut edges, ellipses and a changed word match, while a shared
//! opening such as "I think that" does not), the words of shingles that
//! many texts of the corpus hold left out ([`common`]). Shorter texts
//! match only the same words by the same speaker.
//!
//! The grouping ([`group`]) is near-linear: distinct texts are taken
//! longest first; each looks up the representatives that share one of its
//! shingles as an anchor ([`index`]: the rarest shingle of every two,
//! common ones dropped), is tested against at most a few of them, and
//! joins the first that matches or becomes a representative itself.
//! Members are only tested against representatives, so nothing chains
//! through a long quote. [`corpus`] holds what was read, [`cluster`] the
//! result and [`row`] the table row.

pub mod cluster;
pub mod common;
pub mod corpus;
pub mod group;
pub mod index;
pub mod normalize;
pub mod row;
pub mod rule;
pub mod shingle;

use crate::tables::records::{read_all, DocLine, Skip, Source};
use crate::tables::{open, Error, Output, Report};
pub use cluster::Clusters;
pub use corpus::{Corpus, Options, Quote};

/// Adds one document record read back from quotelink output: each quote's
/// content (its parts joined) and resolved speaker.
pub fn add_record(corpus: &mut Corpus, doc: &DocLine) {
    let contents: Vec<String> = doc.quotes.iter().map(|q| q.content()).collect();
    let quotes = doc.quotes.iter().zip(&contents).enumerate();
    corpus.add(
        &doc.id,
        doc.meta.as_ref(),
        quotes.map(|(index, (q, content))| Quote {
            index,
            start: q.start,
            end: q.end,
            content,
            speaker: q.speaker_name.as_deref(),
        }),
    );
}

/// Reads `sources`, groups their quotes and writes one row per cluster,
/// most occurrences first. Lines that are not document records go to
/// `on_skip`.
pub fn clusters(
    sources: &[Source],
    options: Options,
    output: &Output,
    mut on_skip: impl FnMut(&Skip),
) -> Result<Report, Error> {
    let mut report = Report::default();
    let mut corpus = Corpus::new(options);
    read_all(
        sources,
        |doc| {
            add_record(&mut corpus, &doc);
            Ok(())
        },
        |skip| {
            report.count(&skip);
            on_skip(&skip);
        },
    )?;
    report.documents = corpus.docs.len() as u64;
    let clusters = Clusters::new(corpus);
    let columns = row::columns(&clusters.corpus.options);
    let mut writer = open::create(output.format, columns, output.path.as_deref())?;
    for c in clusters.ranked() {
        writer.write_row(row::row(&clusters, c))?;
        report.rows += 1;
    }
    writer.finish()?;
    Ok(report)
}
