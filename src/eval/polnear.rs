//! `eval polnear`: scores the pipeline's quotes and speakers against the
//! PolNeAR attribution corpus (brat standoff, code-point offsets).

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::reliability::Reliability;
use super::{ratio, Counts};
use crate::attribution::{Attributor, Method, RuleAttributor};
use crate::corpus::annotate;
use crate::document::Document;
use crate::error::Error;
use crate::ner::Placement;
use crate::pipeline::Pipeline;

/// Documents handed to the pipeline at once (the model batches across them).
const CHUNK: usize = 16;
/// Least Dice coefficient on content characters for a match.
const MIN_DICE: f64 = 0.5;

/// Character ranges (code points) of one annotated span, all fragments.
type Fragments = Vec<(usize, usize)>;

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GoldAttribution {
    content: Fragments,
    source: Option<Fragments>,
}

/// One predicted quote in the same terms.
#[derive(Debug, Clone)]
struct Predicted {
    content: Fragments,
    speaker: Option<Fragments>,
    confidence: f32,
}

/// Counts for one subset of attributions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// One-to-one matches (Dice ≥ 0.5).
    pub matched: usize,
    /// Of those, matches with exactly the gold's content: the same
    /// alphanumeric characters, from the predicted parts (Dice 1).
    pub exact: usize,
    /// Matches whose gold has a Source.
    pub with_source: usize,
    /// Of those, matches whose predicted speaker overlaps the Source.
    pub speaker_right: usize,
    /// Matches that count end to end (speaker right, or no gold Source).
    pub end_to_end: usize,
    /// Predictions by confidence, with the share right end to end.
    pub reliability: Reliability,
}

/// `hits` right out of `predicted`, against `gold` items.
fn counts(hits: usize, predicted: usize, gold: usize) -> Counts {
    Counts {
        tp: hits,
        fp: predicted - hits,
        fn_: gold - hits,
    }
}

impl Scores {
    /// Quote detection counts: matched, unmatched predictions, unmatched gold.
    pub fn quotes(&self) -> Counts {
        counts(self.matched, self.predicted, self.gold)
    }

    /// Speaker accuracy over matched pairs whose gold has a Source.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.with_source)
    }

    /// Exact-content counts: a prediction is right when its parts hold
    /// exactly the gold Content's alphanumeric characters.
    pub fn exact(&self) -> Counts {
        counts(self.exact, self.predicted, self.gold)
    }

    /// End-to-end counts: a prediction is right when matched with the right
    /// speaker (or the gold has no Source).
    pub fn end_to_end(&self) -> Counts {
        counts(self.end_to_end, self.predicted, self.gold)
    }

    /// Quote P, R, F1, exact-content F1, speaker accuracy, end-to-end P,
    /// R, F1.
    pub fn figures(&self) -> [f64; 8] {
        let (q, e) = (self.quotes(), self.end_to_end());
        [
            q.precision(),
            q.recall(),
            q.f1(),
            self.exact().f1(),
            self.speaker_accuracy(),
            e.precision(),
            e.recall(),
            e.f1(),
        ]
    }

    fn add(&mut self, other: &Scores) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
        self.exact += other.exact;
        self.with_source += other.with_source;
        self.speaker_right += other.speaker_right;
        self.end_to_end += other.end_to_end;
        self.reliability.merge(&other.reliability);
    }
}

/// One method's scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodScores {
    /// How the quotes were found.
    pub method: Method,
    /// All attributions.
    pub all: Scores,
    /// Direct quotes only (content holds a double mark or opens with a
    /// single one).
    pub direct: Scores,
}

/// Two annotators scored against each other, the same way: the ceiling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// Articles with two annotations.
    pub articles: usize,
    /// The second annotator's attributions against the first's.
    pub all: Scores,
    /// The same, direct quotes only.
    pub direct: Scores,
}

/// The result of `eval polnear`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolnearReport {
    /// The data folder.
    pub dir: PathBuf,
    /// Articles scored.
    pub documents: usize,
    /// Whether the named-entity model ran.
    pub with_model: bool,
    /// Where it ran and in which precision (`None` without the model).
    pub placement: Option<Placement>,
    /// The pipeline's own method first, then the others the model allows
    /// (every [`Method`] when it has a quote tagger), on the same model
    /// output.
    pub methods: Vec<MethodScores>,
    /// Human agreement, when asked for.
    pub agreement: Option<Agreement>,
}

impl PolnearReport {
    /// The scores of the pipeline's own method.
    pub fn main(&self) -> &MethodScores {
        &self.methods[0]
    }
}

/// Scores `pipeline` on the PolNeAR split in `dir` (`text/` and
/// `attributions/`): with `method`, and with the other methods on the same
/// model output when the model has a quote tagger.
pub fn evaluate(dir: &Path, pipeline: &Pipeline, method: Method) -> Result<PolnearReport, Error> {
    let articles = list_articles(dir)?;
    let others: Vec<Method> = Method::value_variants()
        .iter()
        .copied()
        .filter(|m| *m != method)
        .collect();
    let mut methods: Vec<MethodScores> = std::iter::once(method)
        .chain(others.iter().copied())
        .map(|method| MethodScores {
            method,
            all: Scores::default(),
            direct: Scores::default(),
        })
        .collect();
    let mut tagged = false;
    let mut dump = dump_file()?;
    for chunk in articles.chunks(CHUNK) {
        let mut docs = Vec::with_capacity(chunk.len());
        let mut golds = Vec::with_capacity(chunk.len());
        for (name, ann) in chunk {
            let text_path = dir.join("text").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
            golds.push(read_gold(ann)?);
            docs.push(Document::new(name.clone(), text));
        }
        annotate(pipeline, &mut docs)?;
        tagged |= docs.iter().any(|d| !d.tagged.is_empty());
        for (doc, gold) in docs.iter().zip(&golds) {
            let predicted = predictions(doc);
            if let Some(out) = dump.as_mut() {
                write_dump(out, doc, gold, &predicted)?;
            }
            add_article(&doc.text, gold, &predicted, &mut methods[0]);
            for (k, &other) in others.iter().enumerate() {
                let mut doc = doc.clone();
                RuleAttributor::new(other).attribute(&mut doc);
                add_article(&doc.text, gold, &predictions(&doc), &mut methods[k + 1]);
            }
        }
    }
    if !tagged {
        // Without tagged spans every method is the rules.
        methods.truncate(1);
        methods[0].method = Method::Rules;
    }
    Ok(PolnearReport {
        dir: dir.to_owned(),
        documents: articles.len(),
        with_model: pipeline.has_model(),
        placement: pipeline.model_placement(),
        methods,
        agreement: None,
    })
}

/// Scores one article's predictions into `into`, all and direct.
fn add_article(
    text: &str,
    gold: &[GoldAttribution],
    predicted: &[Predicted],
    into: &mut MethodScores,
) {
    let chars: Vec<char> = text.chars().collect();
    into.all.add(&score(&chars, gold, predicted));
    let gold_direct: Vec<_> = gold
        .iter()
        .filter(|g| is_direct(&chars, &g.content))
        .cloned()
        .collect();
    let pred_direct: Vec<_> = predicted
        .iter()
        .filter(|p| is_direct(&chars, &p.content))
        .cloned()
        .collect();
    into.direct.add(&score(&chars, &gold_direct, &pred_direct));
}

/// The attributions of one brat file.
fn read_gold(ann: &Path) -> Result<Vec<GoldAttribution>, Error> {
    let text = std::fs::read_to_string(ann).map_err(|e| Error::io(ann, e))?;
    parse_ann(&text).map_err(|message| Error::EvalData {
        path: ann.to_owned(),
        message,
    })
}

/// PolNeAR's annotators against each other: in every split folder of
/// `root` (`train`, `dev`, ...), each article with two annotation files
/// has the second (in sorted order) scored against the first, as a
/// prediction is (`scripts/polnear_agreement.py` counts the same).
pub fn agreement(root: &Path) -> Result<Agreement, Error> {
    let entries = std::fs::read_dir(root).map_err(|e| Error::io(root, e))?;
    let mut splits: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("attributions").is_dir())
        .collect();
    splits.sort();
    let mut scores = MethodScores {
        method: Method::Rules,
        all: Scores::default(),
        direct: Scores::default(),
    };
    let mut articles = 0;
    for split in splits {
        let files = annotation_files(&split.join("attributions"))?;
        let name_of = |p: &Path| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            stem.rsplit_once('_').map_or(stem, |(n, _)| n).to_owned()
        };
        let mut groups: Vec<Vec<PathBuf>> = Vec::new();
        for file in files {
            match groups.last_mut() {
                Some(g) if name_of(&g[0]) == name_of(&file) => g.push(file),
                _ => groups.push(vec![file]),
            }
        }
        for group in groups.iter().filter(|g| g.len() >= 2) {
            let name = name_of(&group[0]);
            let text_path = split.join("text").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
            let second: Vec<Predicted> = read_gold(&group[1])?
                .into_iter()
                .map(|g| Predicted {
                    content: g.content,
                    speaker: g.source,
                    confidence: 1.0,
                })
                .collect();
            add_article(&text, &read_gold(&group[0])?, &second, &mut scores);
            articles += 1;
        }
    }
    Ok(Agreement {
        articles,
        all: scores.all,
        direct: scores.direct,
    })
}

/// Environment variable naming a JSON Lines file to write gold and
/// predicted spans to, one article a line (for error analysis).
const DUMP_VAR: &str = "QUOTELINK_POLNEAR_DUMP";

/// The dump file, when [`DUMP_VAR`] is set.
fn dump_file() -> Result<Option<std::io::BufWriter<std::fs::File>>, Error> {
    let Some(path) = std::env::var_os(DUMP_VAR) else {
        return Ok(None);
    };
    let path = PathBuf::from(path);
    let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    Ok(Some(std::io::BufWriter::new(file)))
}

/// One article's gold and predicted spans as a JSON line.
fn write_dump(
    out: &mut impl std::io::Write,
    doc: &Document,
    gold: &[GoldAttribution],
    predicted: &[Predicted],
) -> Result<(), Error> {
    let line = serde_json::json!({
        "name": doc.id,
        "gold": gold.iter().map(|g| serde_json::json!({"content": g.content, "source": g.source})).collect::<Vec<_>>(),
        "predicted": predicted.iter().zip(&doc.quotes).map(|(p, q)| serde_json::json!({
            "content": p.content,
            "speaker": p.speaker,
            "kind": q.kind,
            "cue": q.cue.as_ref().map(|c| (c.char.start, c.char.end)),
            "confidence": q.confidence,
        })).collect::<Vec<_>>(),
    });
    writeln!(out, "{line}").map_err(|e| Error::io(Path::new(DUMP_VAR), e))
}

/// The `.ann` files of a folder, sorted.
fn annotation_files(ann_dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(ann_dir).map_err(|e| Error::io(ann_dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    Ok(files)
}

/// Each article with its first annotation file in sorted order.
fn list_articles(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    let ann_dir = dir.join("attributions");
    let files = annotation_files(&ann_dir)?;
    let mut articles: Vec<(String, PathBuf)> = Vec::new();
    for file in files {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let Some((name, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if articles.last().is_none_or(|(n, _)| n != name)
            && !articles.iter().any(|(n, _)| n == name)
        {
            articles.push((name.to_owned(), file.clone()));
        }
    }
    if articles.is_empty() {
        return Err(Error::EvalData {
            path: ann_dir,
            message: "no .ann files".into(),
        });
    }
    Ok(articles)
}

/// Parses the attributions (`E` lines) of a brat file.
fn parse_ann(text: &str) -> Result<Vec<GoldAttribution>, String> {
    let mut spans = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let is_id = |prefix: char| {
            id.starts_with(prefix) && id[1..].chars().all(|c| c.is_ascii_digit()) && id.len() > 1
        };
        if is_id('T') {
            let body = fields.next().ok_or_else(|| format!("{id}: no span"))?;
            let (_, ranges) = body
                .split_once(' ')
                .ok_or_else(|| format!("{id}: no offsets"))?;
            spans.insert(
                id.to_owned(),
                parse_fragments(ranges).ok_or_else(|| format!("{id}: bad offsets {ranges}"))?,
            );
        } else if is_id('E') {
            events.push(fields.next().unwrap_or_default().to_owned());
        }
    }
    let mut gold = Vec::new();
    for event in events {
        let role = |name: &str| {
            event
                .split_whitespace()
                .filter_map(|arg| arg.split_once(':'))
                .find(|(r, _)| *r == name)
                .and_then(|(_, t)| spans.get(t).cloned())
        };
        if let Some(content) = role("Content") {
            gold.push(GoldAttribution {
                content,
                source: role("Source"),
            });
        }
    }
    Ok(gold)
}

/// `start end[;start end...]` into fragments.
fn parse_fragments(ranges: &str) -> Option<Fragments> {
    ranges
        .split(';')
        .map(|r| {
            let (s, e) = r.trim().split_once(' ')?;
            Some((s.parse().ok()?, e.parse().ok()?))
        })
        .collect()
}

/// The document's quotes as fragments.
fn predictions(doc: &Document) -> Vec<Predicted> {
    doc.quotes
        .iter()
        .map(|q| Predicted {
            content: q.parts.iter().map(|p| (p.char.start, p.char.end)).collect(),
            speaker: q.speaker.as_ref().map(|s| vec![(s.char.start, s.char.end)]),
            confidence: q.confidence,
        })
        .collect()
}

/// Positions in `fragments` whose character passes `keep`.
fn positions(
    chars: &[char],
    fragments: &[(usize, usize)],
    keep: fn(char) -> bool,
) -> HashSet<usize> {
    fragments
        .iter()
        .flat_map(|&(s, e)| s.min(chars.len())..e.min(chars.len()))
        .filter(|&i| keep(chars[i]))
        .collect()
}

/// Whether a span's text holds a double quotation mark or opens with a
/// single one.
fn is_direct(chars: &[char], fragments: &[(usize, usize)]) -> bool {
    let text: String = fragments
        .iter()
        .flat_map(|&(s, e)| chars[s.min(chars.len())..e.min(chars.len())].iter())
        .collect();
    text.contains(['"', '“', '”']) || text.trim_start().starts_with(['\'', '‘'])
}

/// Dice coefficient of two position sets.
fn dice(a: &HashSet<usize>, b: &HashSet<usize>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Matches predictions to gold one-to-one, greedy by Dice, and counts.
fn score(chars: &[char], gold: &[GoldAttribution], predicted: &[Predicted]) -> Scores {
    let content = |f: &Fragments| positions(chars, f, char::is_alphanumeric);
    let gold_sets: Vec<_> = gold.iter().map(|g| content(&g.content)).collect();
    let pred_sets: Vec<_> = predicted.iter().map(|p| content(&p.content)).collect();
    let mut pairs = Vec::new();
    for (g, gs) in gold_sets.iter().enumerate() {
        for (p, ps) in pred_sets.iter().enumerate() {
            let d = dice(gs, ps);
            if d >= MIN_DICE {
                pairs.push((d, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    let mut scores = Scores {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Scores::default()
    };
    let non_space = |c: char| !c.is_whitespace();
    let mut right = vec![false; predicted.len()];
    for (d, g, p) in pairs {
        if gold_used[g] || pred_used[p] {
            continue;
        }
        gold_used[g] = true;
        pred_used[p] = true;
        scores.matched += 1;
        if d == 1.0 {
            scores.exact += 1;
        }
        match &gold[g].source {
            Some(source) => {
                scores.with_source += 1;
                let speaker_right = predicted[p].speaker.as_ref().is_some_and(|s| {
                    !positions(chars, s, non_space)
                        .is_disjoint(&positions(chars, source, non_space))
                });
                if speaker_right {
                    scores.speaker_right += 1;
                    scores.end_to_end += 1;
                    right[p] = true;
                }
            }
            None => {
                scores.end_to_end += 1;
                right[p] = true;
            }
        }
    }
    for (p, right) in predicted.iter().zip(right) {
        scores.reliability.add(p.confidence, right);
    }
    scores
}

impl PolnearReport {
    /// Whether the model ran, and where and in which precision.
    fn model(&self) -> String {
        match (self.with_model, self.placement) {
            (true, Some(placement)) => format!("yes ({placement})"),
            (true, None) => "yes".into(),
            (false, _) => "no (capitalisation only)".into(),
        }
    }

    /// Each table row: its label and scores, every method's all and
    /// direct, then the annotators'.
    fn rows(&self) -> Vec<(String, &Scores)> {
        let mut rows = Vec::new();
        for subset in ["all", "direct"] {
            for m in &self.methods {
                let scores = if subset == "all" { &m.all } else { &m.direct };
                rows.push((format!("{subset}, {}", m.method.as_str()), scores));
            }
            if let Some(a) = &self.agreement {
                let scores = if subset == "all" { &a.all } else { &a.direct };
                rows.push((format!("{subset}, human"), scores));
            }
        }
        rows
    }

    /// The report as Markdown (what `--report` writes).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str("# PolNeAR evaluation\n\n");
        out.push_str(&format!(
            "Data: `{}` ({} articles, first annotator in sorted order). Named-entity model: {}.\n\n",
            self.dir.display(),
            self.documents,
            self.model()
        ));
        out.push_str("A prediction matches a gold Content when the Dice coefficient of their alphanumeric characters is at least 0.5 (one-to-one, greedy). Exact: a match whose parts hold exactly the gold Content's alphanumeric characters (a quote's cue and speaker between its parts do not count as content); exact F1 counts only those as right. Speaker accuracy: share of matches with a gold Source whose predicted speaker overlaps it. End to end: matched and speaker right.\n\n");
        out.push_str("Methods (`--attribution`): `rules` finds quotes by quotation marks and reporting cues; `model` takes the quote tagger's content spans; `combined` keeps the rules' direct quotes and takes the tagger's other reports. Speakers come from the rules' linking and resolution in every method.");
        if let Some(a) = &self.agreement {
            out.push_str(&format!(" `human`: PolNeAR's second annotator scored against the first on the {} articles (all splits) that have two, the same way: the ceiling.", a.articles));
        }
        out.push_str("\n\n| subset, method | gold | predicted | matched | P | R | F1 | exact F1 | speaker acc. | e2e P | e2e R | e2e F1 |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (name, s) in self.rows() {
            let [p, r, f1, xf1, acc, ep, er, ef1] = s.figures();
            out.push_str(&format!(
                "| {name} | {} | {} | {} | {p:.3} | {r:.3} | {f1:.3} | {xf1:.3} | {acc:.3} | {ep:.3} | {er:.3} | {ef1:.3} |\n",
                s.gold, s.predicted, s.matched
            ));
        }
        out.push_str(&format!(
            "\n## Confidence\n\nAll predictions of `{}` by `confidence`, with the share of each bucket that is right end to end (matched, and the speaker right where the gold has a Source):\n\n",
            self.main().method.as_str()
        ));
        out.push_str(&self.main().all.reliability.to_markdown());
        out
    }
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR {} ({} articles, named-entity model: {})",
            self.dir.display(),
            self.documents,
            self.model()
        )?;
        for (name, s) in self.rows() {
            let [p, r, f1, xf1, acc, ep, er, ef1] = s.figures();
            writeln!(
                f,
                "{name:>16}: P {p:.3} R {r:.3} F1 {f1:.3} exact F1 {xf1:.3} | speaker acc {acc:.3} | e2e P {ep:.3} R {er:.3} F1 {ef1:.3} (gold {}, predicted {}, matched {})",
                s.gold, s.predicted, s.matched
            )?;
        }
        writeln!(
            f,
            "confidence buckets ({}, all): predictions, mean confidence, right end to end",
            self.main().method.as_str()
        )?;
        for b in self.main().all.reliability.buckets() {
            writeln!(
                f,
                "  {:.1}-{:.1}: {:>5} {:.3} {:.3}",
                b.low,
                b.low + 0.1,
                b.count,
                b.mean_confidence,
                b.observed
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_multi_fragment_attributions() {
        let ann = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 14;16 20\tabc defg\n\
                   continued text line\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
        let gold = parse_ann(ann).unwrap();
        assert_eq!(
            gold,
            [GoldAttribution {
                content: vec![(11, 14), (16, 20)],
                source: Some(vec![(0, 5)])
            }]
        );
    }

    #[test]
    fn dice_matches_on_alphanumerics_one_to_one() {
        let text: Vec<char> = "Smith said \"We won.\" Jones said \"We lost.\""
            .chars()
            .collect();
        let gold = |c: (usize, usize), s: (usize, usize)| GoldAttribution {
            content: vec![c],
            source: Some(vec![s]),
        };
        let predicted = |c: (usize, usize), s: Option<(usize, usize)>| Predicted {
            content: vec![c],
            speaker: s.map(|s| vec![s]),
            confidence: 0.9,
        };
        let gold = [gold((11, 20), (0, 5)), gold((32, 42), (21, 26))];
        let predicted = [
            predicted((12, 18), Some((0, 5))),
            predicted((32, 42), Some((0, 5))),
            predicted((33, 40), None),
        ];
        let s = score(&text, &gold, &predicted);
        assert_eq!(
            (s.matched, s.with_source, s.speaker_right, s.end_to_end),
            (2, 2, 1, 1)
        );
        // Marks and the period are not content: both matches are exact.
        assert_eq!(s.exact, 2);
        let buckets = s.reliability.buckets();
        assert_eq!((buckets.len(), buckets[0].count), (1, 3));
        assert!((buckets[0].observed - 1.0 / 3.0).abs() < 1e-9);
        let clipped = [Predicted {
            content: vec![(12, 16)],
            speaker: None,
            confidence: 0.9,
        }];
        let s = score(&text, &gold[..1], &clipped);
        assert_eq!((s.matched, s.exact), (1, 0));
        assert!(is_direct(&text, &[(11, 20)]) && !is_direct(&text, &[(0, 10)]));
    }
}
