//! The clusters' matching against labelled occurrence pairs (JSON Lines:
//! `a`, `b`, `speaker_a`, `speaker_b`, `same`, `source`, `case`; e.g.
//! `data/clusters/pairs.jsonl`). Each pair is scored twice: by the pair
//! rule alone, and by the whole grouping, with every text of the file put
//! into one corpus (each side its own document) and a pair called the
//! same when both sides land in one cluster, so that candidate lookup and
//! representatives count too.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Counts;
use crate::clusters::rule::{Rule, Side};
use crate::clusters::{Clusters, Corpus, Options, Quote};

/// Why the pairs could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is not a labelled pair.
    #[error("{path}:{line}: not a labelled pair: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One labelled pair.
#[derive(Debug, Clone, Deserialize)]
pub struct Pair {
    /// One occurrence's content.
    pub a: String,
    /// The other's.
    pub b: String,
    /// The first's speaker.
    #[serde(default)]
    pub speaker_a: Option<String>,
    /// The second's.
    #[serde(default)]
    pub speaker_b: Option<String>,
    /// Whether they are the same quotation.
    pub same: bool,
    /// Where the pair comes from (`generated`, `polnear`).
    pub source: String,
    /// What kind of pair it is (`fragment`, `shared opening`, ...).
    pub case: String,
}

/// Reads a pairs file.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>, PairsError> {
    let text = std::fs::read_to_string(path).map_err(|source| PairsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    lines
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| PairsError::Line {
                path: path.to_path_buf(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Scores of one group of pairs (all, or one source and case).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Scores {
    /// The pair rule alone.
    pub rule: Counts,
    /// The whole grouping.
    pub grouping: Counts,
    /// Pairs.
    pub pairs: usize,
    /// Pairs labelled the same.
    pub same: usize,
}

impl Scores {
    fn add(&mut self, label: bool, rule: bool, grouped: bool) {
        self.pairs += 1;
        self.same += usize::from(label);
        for (counts, said) in [(&mut self.rule, rule), (&mut self.grouping, grouped)] {
            match (label, said) {
                (true, true) => counts.tp += 1,
                (false, true) => counts.fp += 1,
                (true, false) => counts.fn_ += 1,
                (false, false) => {}
            }
        }
    }
}

/// The evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct ClustersReport {
    /// The rule's thresholds.
    pub min_words: usize,
    /// The coverage threshold.
    pub coverage: f64,
    /// Words per shingle.
    pub shingle: usize,
    /// Over all pairs.
    pub all: Scores,
    /// Per `source / case`.
    pub by_case: BTreeMap<String, Scores>,
    /// The pairs the grouping gets wrong, as `label: a | b`.
    pub errors: Vec<String>,
}

/// Scores `pairs` with `rule`.
pub fn evaluate(pairs: &[Pair], rule: Rule) -> ClustersReport {
    let mut corpus = Corpus::new(Options {
        rule,
        ..Options::default()
    });
    for (i, pair) in pairs.iter().enumerate() {
        for (side, text, speaker) in [
            ("a", &pair.a, &pair.speaker_a),
            ("b", &pair.b, &pair.speaker_b),
        ] {
            let quote = Quote {
                index: 0,
                start: 0,
                end: text.chars().count() as u64,
                content: text,
                speaker: speaker.as_deref(),
            };
            corpus.add(&format!("{i}{side}"), None, [quote]);
        }
    }
    let clusters = Clusters::new(corpus);
    let mut report = ClustersReport {
        min_words: rule.min_words,
        coverage: rule.coverage,
        shingle: rule.shingle,
        all: Scores::default(),
        by_case: BTreeMap::new(),
        errors: Vec::new(),
    };
    for (i, pair) in pairs.iter().enumerate() {
        let a = Side {
            text: &pair.a,
            speaker: pair.speaker_a.as_deref(),
        };
        let b = Side {
            text: &pair.b,
            speaker: pair.speaker_b.as_deref(),
        };
        let said = rule.same(a, b);
        let o = 2 * i as u32;
        let grouped = clusters.cluster_of(o) == clusters.cluster_of(o + 1);
        report.all.add(pair.same, said, grouped);
        let case = format!("{} / {}", pair.source, pair.case);
        report
            .by_case
            .entry(case)
            .or_default()
            .add(pair.same, said, grouped);
        if grouped != pair.same {
            let label = if pair.same { "missed" } else { "merged" };
            report
                .errors
                .push(format!("{label}: {} | {}", pair.a, pair.b));
        }
    }
    report
}

impl fmt::Display for ClustersReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.to_markdown())
    }
}

impl ClustersReport {
    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let pr = |c: &Counts| format!("{:.3} | {:.3}", c.precision(), c.recall());
        out.push_str(
            "# Quote clusters against labelled pairs\n\n\
             Each pair of occurrences is labelled the same quotation or not. *Rule*: the \
             pair rule on the two texts alone. *Grouping*: every text of the file grouped \
             as one corpus (each side its own document), a pair called the same when both \
             sides land in one cluster. Pairwise precision and recall of \"same\". Written \
             by `quotelink eval clusters PAIRS --report FILE`.\n\n",
        );
        let _ = writeln!(
            out,
            "Rule: {} words or more, coverage {}, {}-word shingles.\n\n\
             | pairs | same | rule P | rule R | grouping P | grouping R |\n|---|---|---|---|---|---|\n\
             | {} | {} | {} | {} |\n",
            self.min_words,
            self.coverage,
            self.shingle,
            self.all.pairs,
            self.all.same,
            pr(&self.all.rule),
            pr(&self.all.grouping),
        );
        out.push_str("| source / case | pairs | same | rule right | grouping right |\n");
        out.push_str("|---|---|---|---|---|\n");
        for (case, s) in &self.by_case {
            let right = |c: &Counts| s.pairs - c.fp - c.fn_;
            let _ = writeln!(
                out,
                "| {case} | {} | {} | {} | {} |",
                s.pairs,
                s.same,
                right(&s.rule),
                right(&s.grouping)
            );
        }
        if !self.errors.is_empty() {
            let _ = writeln!(out, "\nThe grouping's errors ({}):\n", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(out, "- {}", e.replace('|', "\\|"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str, same: bool) -> Pair {
        Pair {
            a: a.into(),
            b: b.into(),
            speaker_a: Some("Jane Smith".into()),
            speaker_b: Some("Jane Smith".into()),
            same,
            source: "test".into(),
            case: if same { "fragment" } else { "other" }.into(),
        }
    }

    #[test]
    fn pairs_are_scored_by_the_rule_and_the_grouping() {
        let long = "we will rebuild the bridge before the winter and nobody will pay more";
        let pairs = [
            pair(long, "rebuild the bridge before the winter", true),
            pair(long, "we will cut the budget before the election", false),
            pair("a total disaster", "a complete disaster", true),
        ];
        let report = evaluate(&pairs, Rule::default());
        assert_eq!((report.all.pairs, report.all.same), (3, 2));
        for counts in [report.all.rule, report.all.grouping] {
            assert_eq!((counts.tp, counts.fp, counts.fn_), (1, 0, 1));
        }
        assert_eq!(report.errors.len(), 1);
        assert!(report.errors[0].starts_with("missed: a total disaster"));
        assert_eq!(report.by_case["test / fragment"].pairs, 2);
        assert!(report
            .to_markdown()
            .contains("| 3 | 2 | 1.000 | 0.500 | 1.000 | 0.500 |"));
    }
}
