//! `quotelink speakers`: one row per corpus-level speaker (or per speaker
//! and group with `--by`), streamed from quotelink output. Memory grows
//! with the number of distinct speaker names (times groups), not with the
//! number of documents: each document only adds to per-name counts, and
//! short names join full names once, at the end.

use std::collections::{BTreeSet, HashMap};

use super::names::{join_short_names, normalise};
use super::records::DocLine;
use super::sink::{Cell, Column, ColumnType};
use super::{group_value, DateBucket};
use crate::model::{EntityLabel, Gender, QuoteKind};

/// What to group the counts by.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// `meta` fields, in column order.
    pub by: Vec<String>,
    /// How `date` values are bucketed.
    pub date_bucket: Option<DateBucket>,
}

/// Counts for one speaker name and group.
#[derive(Debug, Default)]
struct Counts {
    quotes: u64,
    kinds: [u64; 3],
    cue_classes: HashMap<String, u64>,
    documents: u64,
    last_document: u64,
}

impl Counts {
    fn merge(&mut self, other: Counts) {
        self.quotes += other.quotes;
        for (k, n) in self.kinds.iter_mut().zip(other.kinds) {
            *k += n;
        }
        for (class, n) in other.cue_classes {
            *self.cue_classes.entry(class).or_default() += n;
        }
        self.documents += other.documents;
    }
}

/// What is known of one normalised name across the corpus.
#[derive(Debug, Default)]
struct NameStats {
    /// Documents per label, in [`LABELS`] order.
    labels: [u64; 4],
    /// Documents that called it female, male.
    genders: [u64; 2],
    /// Documents per spelling.
    aliases: HashMap<String, u64>,
}

const LABELS: [EntityLabel; 4] = [
    EntityLabel::Per,
    EntityLabel::Org,
    EntityLabel::Loc,
    EntityLabel::Misc,
];

fn kind_index(kind: QuoteKind) -> usize {
    match kind {
        QuoteKind::Direct => 0,
        QuoteKind::Indirect => 1,
        QuoteKind::Mixed => 2,
    }
}

/// A row with what it sorts by: the speaker's quotes, name, group.
type SortableRow = (u64, String, Vec<Option<String>>, Vec<Cell>);

/// The speaker index being built.
#[derive(Debug, Default)]
pub struct SpeakerIndex {
    grouping: Grouping,
    keys: HashMap<String, usize>,
    names: Vec<String>,
    stats: Vec<NameStats>,
    counts: HashMap<(usize, Vec<Option<String>>), Counts>,
    cue_classes: BTreeSet<String>,
    documents: u64,
}

impl SpeakerIndex {
    /// An empty index that groups by `grouping`.
    pub fn new(grouping: Grouping) -> Self {
        SpeakerIndex {
            grouping,
            ..SpeakerIndex::default()
        }
    }

    /// Counts one document's quoted speakers.
    pub fn add(&mut self, doc: &DocLine) {
        self.documents += 1;
        let group: Vec<Option<String>> = self
            .grouping
            .by
            .iter()
            .map(|field| group_value(doc.meta.as_ref(), field, self.grouping.date_bucket))
            .collect();
        let mut per_speaker: Vec<Counts> = doc.speakers.iter().map(|_| Counts::default()).collect();
        for quote in &doc.quotes {
            let Some(c) = quote.speaker_id.and_then(|id| per_speaker.get_mut(id)) else {
                continue;
            };
            c.quotes += 1;
            c.kinds[kind_index(quote.kind)] += 1;
            if let Some(class) = quote.cue_class() {
                *c.cue_classes.entry(class.to_owned()).or_default() += 1;
                if !self.cue_classes.contains(class) {
                    self.cue_classes.insert(class.to_owned());
                }
            }
        }
        for (speaker, counts) in doc.speakers.iter().zip(per_speaker) {
            if counts.quotes == 0 {
                continue;
            }
            let person = speaker.label == EntityLabel::Per;
            let mut key = normalise(&speaker.name, person);
            if key.is_empty() {
                key = speaker.name.trim().to_lowercase();
            }
            let next = self.names.len();
            let index = *self.keys.entry(key.clone()).or_insert(next);
            if index == next {
                self.names.push(key);
                self.stats.push(NameStats::default());
            }
            let stats = &mut self.stats[index];
            stats.labels[LABELS.iter().position(|&l| l == speaker.label).unwrap_or(3)] += 1;
            match speaker.gender {
                Some(Gender::Female) => stats.genders[0] += 1,
                Some(Gender::Male) => stats.genders[1] += 1,
                None => {}
            }
            *stats.aliases.entry(speaker.name.clone()).or_default() += 1;
            let entry = self.counts.entry((index, group.clone())).or_default();
            if entry.last_document != self.documents {
                entry.last_document = self.documents;
                entry.documents += 1;
            }
            entry.merge(Counts {
                documents: 0,
                ..counts
            });
        }
    }

    /// The columns of [`SpeakerIndex::finish`]'s rows.
    pub fn columns(&self) -> Vec<Column> {
        let mut columns = vec![Column::new("name", ColumnType::Str)];
        columns.extend(
            self.grouping
                .by
                .iter()
                .map(|f| Column::new(f, ColumnType::Str)),
        );
        columns.push(Column::new("label", ColumnType::Str));
        columns.push(Column::new("gender", ColumnType::Str));
        for name in ["quotes", "direct", "indirect", "mixed"] {
            columns.push(Column::new(name, ColumnType::Int));
        }
        for class in &self.cue_classes {
            columns.push(Column::new(format!("cue_{class}"), ColumnType::Int));
        }
        for name in ["documents", "documents_female", "documents_male"] {
            columns.push(Column::new(name, ColumnType::Int));
        }
        columns.push(Column::new("aliases", ColumnType::Str));
        columns
    }

    /// Joins short names to full names and returns the rows, most quoted
    /// speaker first.
    pub fn finish(mut self) -> Vec<Vec<Cell>> {
        let label = |s: &NameStats| {
            let best = (0..4).max_by_key(|&i| (s.labels[i], std::cmp::Reverse(i)));
            LABELS[best.unwrap_or(0)]
        };
        let labels: Vec<EntityLabel> = self.stats.iter().map(label).collect();
        let person: Vec<bool> = labels.iter().map(|&l| l == EntityLabel::Per).collect();
        let target = join_short_names(&self.names, &labels, &person);
        let mut merged: HashMap<usize, NameStats> = HashMap::new();
        let mut own_aliases: HashMap<usize, HashMap<String, u64>> = HashMap::new();
        for (i, stats) in std::mem::take(&mut self.stats).into_iter().enumerate() {
            let into = merged.entry(target[i]).or_default();
            for (g, n) in into.genders.iter_mut().zip(stats.genders) {
                *g += n;
            }
            for (alias, n) in &stats.aliases {
                *into.aliases.entry(alias.clone()).or_default() += n;
            }
            if target[i] == i {
                own_aliases.insert(i, stats.aliases);
            }
        }
        let mut groups: HashMap<(usize, Vec<Option<String>>), Counts> = HashMap::new();
        for ((i, group), counts) in std::mem::take(&mut self.counts) {
            groups.entry((target[i], group)).or_default().merge(counts);
        }
        let mut totals: HashMap<usize, u64> = HashMap::new();
        for ((t, _), counts) in &groups {
            *totals.entry(*t).or_default() += counts.quotes;
        }
        let name_of = |t: usize| -> String {
            let own = &own_aliases[&t];
            let best = own.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            best.map(|(name, _)| name.clone()).unwrap_or_default()
        };
        let mut rows: Vec<SortableRow> = groups
            .into_iter()
            .map(|((t, group), counts)| {
                let name = name_of(t);
                let stats = &merged[&t];
                let row = self.row(&name, &group, labels[t], stats, &counts);
                (totals[&t], name, group, row)
            })
            .collect();
        rows.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        rows.into_iter().map(|(_, _, _, row)| row).collect()
    }

    fn row(
        &self,
        name: &str,
        group: &[Option<String>],
        label: EntityLabel,
        stats: &NameStats,
        counts: &Counts,
    ) -> Vec<Cell> {
        let [female, male] = stats.genders;
        let gender = match female.cmp(&male) {
            std::cmp::Ordering::Greater => Cell::Str("female".into()),
            std::cmp::Ordering::Less => Cell::Str("male".into()),
            std::cmp::Ordering::Equal => Cell::Null,
        };
        let label = serde_json::to_value(label)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned));
        let mut row = vec![Cell::Str(name.to_owned())];
        row.extend(group.iter().cloned().map(Cell::from));
        row.push(Cell::from(label));
        row.push(gender);
        row.push(Cell::Int(counts.quotes as i64));
        row.extend(counts.kinds.iter().map(|&n| Cell::Int(n as i64)));
        for class in &self.cue_classes {
            row.push(Cell::Int(
                *counts.cue_classes.get(class).unwrap_or(&0) as i64
            ));
        }
        for n in [counts.documents, female, male] {
            row.push(Cell::Int(n as i64));
        }
        let mut aliases: Vec<(&String, &u64)> = stats.aliases.iter().collect();
        aliases.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let aliases: Vec<&str> = aliases.iter().map(|(a, _)| a.as_str()).collect();
        row.push(Cell::Str(aliases.join("; ")));
        row
    }
}
