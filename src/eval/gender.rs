//! Speaker gender against hand labels: runs the pipeline on the articles
//! of a gold file (`article<TAB>speaker<TAB>gender`, e.g.
//! `data/gold/speaker-gender-polnear-dev.tsv`) and reports the precision
//! and coverage of [`crate::gender`] on the labelled speakers it finds.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Serialize;

use super::ratio;
use crate::corpus::{annotate, CHUNK};
use crate::document::Document;
use crate::error::Error;
use crate::model::{Gender, GenderEvidence};
use crate::pipeline::Pipeline;
use crate::tables::names::normalise;

/// One hand label.
#[derive(Debug, Clone)]
struct Label {
    speaker: String,
    gender: Gender,
}

/// Precision and coverage of speaker gender.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GenderReport {
    /// Labelled speakers.
    pub labelled: usize,
    /// Labelled speakers that the pipeline also finds (by name).
    pub found: usize,
    /// Found speakers that get a gender.
    pub called: usize,
    /// Called speakers whose gender is right.
    pub correct: usize,
    /// Called and correct speakers per deciding evidence.
    pub by_evidence: BTreeMap<String, (usize, usize)>,
    /// Labelled speakers not found, as `article: speaker`.
    pub not_found: Vec<String>,
    /// Wrong calls, as `article: speaker (called, labelled)`.
    pub wrong: Vec<String>,
}

impl GenderReport {
    /// correct / called.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.called)
    }

    /// called / found.
    pub fn coverage(&self) -> f64 {
        ratio(self.called, self.found)
    }
}

impl fmt::Display for GenderReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "speaker gender: {} labelled, {} found; precision {:.3} ({}/{}), coverage {:.3} ({}/{})",
            self.labelled,
            self.found,
            self.precision(),
            self.correct,
            self.called,
            self.coverage(),
            self.called,
            self.found
        )?;
        for (evidence, (called, correct)) in &self.by_evidence {
            writeln!(f, "  {evidence}: {correct}/{called} right")?;
        }
        for wrong in &self.wrong {
            writeln!(f, "  wrong: {wrong}")?;
        }
        Ok(())
    }
}

/// Reads the gold file: `article<TAB>speaker<TAB>female|male`, a header
/// line `article...`, `#` comments.
fn read_gold(path: &Path) -> Result<BTreeMap<String, Vec<Label>>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut gold: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("article\t") || line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::EvalData {
            path: path.to_path_buf(),
            message: format!("line {}: {message}", i + 1),
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [article, speaker, gender] = fields[..] else {
            return Err(bad("needs article, speaker and gender".into()));
        };
        let gender = match gender {
            "female" => Gender::Female,
            "male" => Gender::Male,
            other => return Err(bad(format!("gender {other:?} is not female or male"))),
        };
        gold.entry(article.to_owned()).or_default().push(Label {
            speaker: speaker.to_owned(),
            gender,
        });
    }
    Ok(gold)
}

/// Scores `pipeline` against the labels in `gold` on the articles in
/// `dir/text/`.
pub fn evaluate(gold: &Path, dir: &Path, pipeline: &Pipeline) -> Result<GenderReport, Error> {
    let gold = read_gold(gold)?;
    let articles: Vec<(&String, &Vec<Label>)> = gold.iter().collect();
    let mut report = GenderReport::default();
    for chunk in articles.chunks(CHUNK) {
        let mut docs = Vec::with_capacity(chunk.len());
        for (article, _) in chunk {
            let path = dir.join("text").join(format!("{article}.txt"));
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            docs.push(Document::new(article.as_str(), text));
        }
        annotate(pipeline, &mut docs)?;
        for (doc, (article, labels)) in docs.iter().zip(chunk) {
            score(doc, article, labels, &mut report);
        }
    }
    Ok(report)
}

fn score(doc: &Document, article: &str, labels: &[Label], report: &mut GenderReport) {
    let calls = &doc.genders;
    let by_name: HashMap<String, usize> = doc
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (normalise(&s.name, true), i))
        .collect();
    for label in labels {
        report.labelled += 1;
        let exact = doc.speakers.iter().position(|s| s.name == label.speaker);
        let Some(i) = exact.or_else(|| by_name.get(&normalise(&label.speaker, true)).copied())
        else {
            report
                .not_found
                .push(format!("{article}: {}", label.speaker));
            continue;
        };
        report.found += 1;
        let Some(call) = calls[i] else { continue };
        report.called += 1;
        let right = call.gender == label.gender;
        report.correct += right as usize;
        let entry = report
            .by_evidence
            .entry(evidence_name(call.evidence))
            .or_default();
        entry.0 += 1;
        entry.1 += right as usize;
        if !right {
            report.wrong.push(format!(
                "{article}: {} ({:?} by {:?}, labelled {:?})",
                label.speaker, call.gender, call.evidence, label.gender
            ));
        }
    }
}

fn evidence_name(evidence: GenderEvidence) -> String {
    serde_json::to_value(evidence)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
