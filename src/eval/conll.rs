//! The named-entity stage measured on CoNLL-2003: strict entity-level
//! precision, recall and F1, overall and per type.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use serde::Serialize;

use super::Counts;
use crate::document::Document;
use crate::error::Error;
use crate::model::EntityLabel;
use crate::pipeline::Pipeline;

/// One CoNLL sentence: its tokens and their IOB tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One tag per token (`O`, `B-PER`, `I-PER`, ...).
    pub tags: Vec<String>,
    /// Index of its article (the `-DOCSTART-` lines divide them).
    pub article: usize,
}

/// An entity as a token range and a label.
type TokenEntity = (usize, usize, EntityLabel);

/// Parses CoNLL-2003 text: `token POS chunk NER` per line, blank lines
/// between sentences, `-DOCSTART-` lines ignored.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let empty = |article| Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
        article,
    };
    let mut current = empty(0);
    let mut article = 0;
    for line in text.lines().chain(std::iter::once("")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => {
                if !current.tokens.is_empty() {
                    sentences.push(std::mem::replace(&mut current, empty(article)));
                }
            }
            [token, ..] if *token == "-DOCSTART-" => {
                article += !sentences.is_empty() as usize;
                current.article = article;
            }
            [token, .., tag] => {
                current.tokens.push((*token).to_owned());
                current.tags.push((*tag).to_owned());
            }
            [_] => {}
        }
    }
    sentences
}

/// The gold entities of IOB tags (IOB1 or IOB2).
pub fn gold_entities(tags: &[String]) -> BTreeSet<TokenEntity> {
    let mut out = BTreeSet::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, tag) in tags
        .iter()
        .chain(std::iter::once(&"O".to_owned()))
        .enumerate()
    {
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) => (p, EntityLabel::parse(l)),
            None => ("O", None),
        };
        let continues = prefix == "I" && open.is_some_and(|(_, l)| Some(l) == label);
        if continues {
            continue;
        }
        if let Some((start, l)) = open.take() {
            out.insert((start, i, l));
        }
        open = label.map(|l| (i, l));
    }
    out
}

/// Strict entity-level scores of one way of running the model.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NerScores {
    /// All types together.
    pub overall: Counts,
    /// Per type, in [`EntityLabel::ALL`] order.
    pub per_label: Vec<(EntityLabel, Counts)>,
}

/// The scores of a CoNLL file, by three paths.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NerReport {
    /// Sentences evaluated.
    pub sentences: usize,
    /// The path users get: each sentence's tokens joined by single spaces
    /// as one document's text, split by the pipeline's sentence splitter,
    /// then the model.
    pub text: NerScores,
    /// The model alone: each sentence given as one sentence, the splitter
    /// skipped. Where the two differ, the splitter cut a sentence.
    pub given_sentences: NerScores,
    /// Each article's sentences joined by spaces into one paragraph, as
    /// one document: a model with a quote tagger reads windows of several
    /// sentences, and this path measures its entities on them.
    pub articles: NerScores,
}

/// How the sentences reach the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// Through the sentence splitter, as a document's text.
    Text,
    /// As one given sentence each.
    GivenSentences,
    /// An article's sentences as one paragraph of a document.
    Articles,
}

/// Runs the pipeline's named-entity stage over the sentences of a CoNLL
/// file, by both [`NerReport`] paths, and scores it.
pub fn evaluate(path: &Path, pipeline: &Pipeline) -> Result<NerReport, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let sentences = parse(&text);
    if sentences.is_empty() {
        return Err(Error::EvalData {
            path: path.to_path_buf(),
            message: "no sentences".into(),
        });
    }
    Ok(NerReport {
        sentences: sentences.len(),
        text: score(&sentences, pipeline, Route::Text)?,
        given_sentences: score(&sentences, pipeline, Route::GivenSentences)?,
        articles: score(&sentences, pipeline, Route::Articles)?,
    })
}

/// The scores of `sentences` sent by `route`.
fn score(sentences: &[Sentence], pipeline: &Pipeline, route: Route) -> Result<NerScores, Error> {
    // Each document's sentences: a range of `sentences`.
    let groups: Vec<std::ops::Range<usize>> = match route {
        Route::Articles => {
            let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
            for (i, s) in sentences.iter().enumerate() {
                match groups.last_mut() {
                    Some(g) if sentences[g.start].article == s.article => g.end = i + 1,
                    _ => groups.push(i..i + 1),
                }
            }
            groups
        }
        _ => (0..sentences.len()).map(|i| i..i + 1).collect(),
    };
    let mut docs: Vec<Document> = groups
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let text = sentences[group.clone()]
                .iter()
                .map(|s| s.tokens.join(" "))
                .collect::<Vec<_>>()
                .join(" ");
            let mut doc = Document::new(i.to_string(), text);
            match route {
                Route::Text | Route::Articles => pipeline.segment(&mut doc),
                Route::GivenSentences => doc.sentences = vec![doc.span(0..doc.text.len())],
            }
            doc
        })
        .collect();
    crate::corpus::recognize(pipeline, &mut docs)?;
    let mut scores = NerScores {
        per_label: EntityLabel::ALL.map(|l| (l, Counts::default())).to_vec(),
        ..NerScores::default()
    };
    for (group, doc) in groups.iter().zip(&docs) {
        let mut base = 0;
        for sentence in &sentences[group.clone()] {
            let gold = gold_entities(&sentence.tags);
            let predicted = predicted_entities(doc, base, &sentence.tokens);
            base += sentence.tokens.iter().map(|t| t.len() + 1).sum::<usize>();
            for (label, counts) in scores.per_label.iter_mut() {
                let of = |set: &BTreeSet<TokenEntity>| -> BTreeSet<TokenEntity> {
                    set.iter().filter(|e| e.2 == *label).copied().collect()
                };
                let (g, p) = (of(&gold), of(&predicted));
                let tp = g.intersection(&p).count();
                counts.add(Counts {
                    tp,
                    fp: p.len() - tp,
                    fn_: g.len() - tp,
                });
            }
        }
    }
    for (_, counts) in &scores.per_label {
        scores.overall.add(*counts);
    }
    Ok(scores)
}

/// The document's entities that start in the sentence of `tokens` at byte
/// `base`, as ranges of the tokens they overlap.
fn predicted_entities(doc: &Document, base: usize, tokens: &[String]) -> BTreeSet<TokenEntity> {
    let mut starts = Vec::with_capacity(tokens.len());
    let mut at = base;
    for token in tokens {
        starts.push(at..at + token.len());
        at += token.len() + 1;
    }
    doc.entities
        .iter()
        .filter(|e| (base..at).contains(&e.span.byte.start))
        .filter_map(|e| {
            let first = starts.iter().position(|t| t.end > e.span.byte.start)?;
            let last = starts.iter().rposition(|t| t.start < e.span.byte.end)?;
            (first <= last).then_some((first, last + 1, e.label))
        })
        .collect()
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} sentences", self.sentences)?;
        writeln!(
            f,
            "\nthrough the text path (sentence splitter, then the model):\n{}",
            self.text
        )?;
        writeln!(
            f,
            "one given sentence per document (the model alone):\n{}",
            self.given_sentences
        )?;
        write!(
            f,
            "each article's sentences as one paragraph (windows across sentences):\n{}",
            self.articles
        )
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| type | precision | recall | F1 | gold |\n|---|---:|---:|---:|---:|"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "| {name} | {:.2} | {:.2} | {:.2} | {} |",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp + c.fn_
            )
        };
        for (label, counts) in &self.per_label {
            row(f, label.as_str(), counts)?;
        }
        row(f, "overall", &self.overall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sentences_and_entities() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let sentences = parse(text);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].article, 0);
        let two = format!("{text}\n-DOCSTART- -X- -X- O\n\nRome NNP B-NP B-LOC\n");
        assert_eq!(parse(&two)[2].article, 1);
        assert_eq!(sentences[0].tokens, ["EU", "rejects", "German"]);
        let gold = gold_entities(&sentences[1].tags);
        assert_eq!(
            gold.into_iter().collect::<Vec<_>>(),
            [(0, 2, EntityLabel::Per)]
        );
        let iob1: Vec<String> = ["I-ORG", "I-ORG", "B-ORG", "O"].map(String::from).to_vec();
        assert_eq!(gold_entities(&iob1).len(), 2);
    }
}
