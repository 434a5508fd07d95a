//! The clusters of a corpus once grouped: each cluster's occurrences,
//! earliest first by the `first_by` value (then input order), and its
//! summary (canonical text, speakers, counts, first occurrence, `by`
//! values).

use super::corpus::{Corpus, Occurrence, NONE};
use super::group::{group, Grouped};

/// A grouped corpus.
#[derive(Debug)]
pub struct Clusters {
    /// What was read.
    pub corpus: Corpus,
    /// Which cluster each distinct text is in.
    pub grouped: Grouped,
    /// Occurrences by cluster, each cluster's earliest first.
    order: Vec<u32>,
    /// Per cluster, where its occurrences start in `order`.
    starts: Vec<u32>,
    /// Per cluster, its distinct documents.
    documents: Vec<u32>,
}

/// What a row says of one cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    /// A stable id: the representative's key in hex.
    pub id: String,
    /// The canonical text: the longest member's content.
    pub text: &'a str,
    /// Its normalised words.
    pub words: u32,
    /// Each speaker's name and occurrences, most frequent first (ties by
    /// name); the first is the cluster's speaker.
    pub speakers: Vec<(&'a str, u32)>,
    /// Occurrences without a speaker.
    pub unattributed: u32,
    /// Occurrences.
    pub occurrences: u32,
    /// Distinct documents.
    pub documents: u32,
    /// The first occurrence.
    pub first: Occurrence,
    /// The distinct `by` values, in the order of their first occurrence.
    pub values: Vec<&'a str>,
}

impl Clusters {
    /// Groups `corpus`.
    pub fn new(corpus: Corpus) -> Self {
        let grouped = group(&corpus.texts, &corpus.options.rule);
        let ranks = corpus.values.ranks();
        let of = |o: &Occurrence| grouped.cluster[o.text as usize];
        let rank = |o: &Occurrence| {
            let value = corpus.docs[o.doc as usize].first;
            ranks.get(value as usize).copied().unwrap_or(NONE)
        };
        let occurrences = &corpus.occurrences;
        let mut order: Vec<u32> = (0..occurrences.len() as u32).collect();
        order.sort_by_key(|&o| {
            let occ = &occurrences[o as usize];
            (of(occ), rank(occ), o)
        });
        let clusters = grouped.reps.len();
        let mut starts = vec![0u32; clusters + 1];
        for o in occurrences {
            starts[of(o) as usize + 1] += 1;
        }
        for c in 0..clusters {
            starts[c + 1] += starts[c];
        }
        let mut documents = vec![0u32; clusters];
        let mut seen = vec![NONE; corpus.docs.len()];
        for (c, n) in documents.iter_mut().enumerate() {
            for &o in &order[starts[c] as usize..starts[c + 1] as usize] {
                let doc = occurrences[o as usize].doc as usize;
                if seen[doc] != c as u32 {
                    seen[doc] = c as u32;
                    *n += 1;
                }
            }
        }
        Clusters {
            corpus,
            grouped,
            order,
            starts,
            documents,
        }
    }

    /// Clusters.
    pub fn len(&self) -> usize {
        self.grouped.reps.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cluster `c`'s occurrences (indices into the corpus), earliest first.
    pub fn members(&self, c: u32) -> &[u32] {
        &self.order[self.starts[c as usize] as usize..self.starts[c as usize + 1] as usize]
    }

    /// The cluster of occurrence `o`.
    pub fn cluster_of(&self, o: u32) -> u32 {
        let text = self.corpus.occurrences[o as usize].text;
        self.grouped.cluster[text as usize]
    }

    /// Cluster `c`'s distinct documents.
    pub fn documents(&self, c: u32) -> u32 {
        self.documents[c as usize]
    }

    /// The clusters, most occurrences first, then most documents, then
    /// earliest, then by id.
    pub fn ranked(&self) -> Vec<u32> {
        let mut ranked: Vec<u32> = (0..self.len() as u32).collect();
        ranked.sort_by_key(|&c| {
            let members = self.members(c);
            (
                std::cmp::Reverse(members.len()),
                std::cmp::Reverse(self.documents(c)),
                members[0],
                self.key(c),
            )
        });
        ranked
    }

    fn key(&self, c: u32) -> u64 {
        self.corpus.texts[self.grouped.reps[c as usize] as usize].key
    }

    /// What the row of cluster `c` says.
    pub fn summary(&self, c: u32) -> Summary<'_> {
        let corpus = &self.corpus;
        let rep = &corpus.texts[self.grouped.reps[c as usize] as usize];
        let members = self.members(c);
        let mut speakers: Vec<(u32, u32)> = Vec::new();
        let mut values: Vec<u32> = Vec::new();
        let mut unattributed = 0;
        for &o in members {
            let occ = &corpus.occurrences[o as usize];
            match speakers.iter_mut().find(|(s, _)| *s == occ.speaker) {
                _ if occ.speaker == NONE => unattributed += 1,
                Some((_, n)) => *n += 1,
                None => speakers.push((occ.speaker, 1)),
            }
            let value = corpus.docs[occ.doc as usize].by;
            if value != NONE && !values.contains(&value) {
                values.push(value);
            }
        }
        let name = |s: u32| corpus.speakers.get(s).unwrap_or_default();
        let mut speakers: Vec<(&str, u32)> =
            speakers.into_iter().map(|(s, n)| (name(s), n)).collect();
        speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Summary {
            id: format!("{:016x}", rep.key),
            text: &rep.content,
            words: rep.words,
            speakers,
            unattributed,
            occurrences: members.len() as u32,
            documents: self.documents(c),
            first: corpus.occurrences[members[0] as usize],
            values: values
                .into_iter()
                .filter_map(|v| corpus.values.get(v))
                .collect(),
        }
    }
}
