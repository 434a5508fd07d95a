//! Grouping: the distinct texts of a corpus, longest first, each joining
//! the cluster of the first representative it matches or starting a
//! cluster of its own as its representative.
//!
//! A text is only ever tested against representatives (the longest text
//! of each cluster, which came first), never against other members, so a
//! long quote cannot chain two different statements together through
//! union-find: a fragment joins the statement it is part of, and two
//! fragments join each other only through it. Candidates come from the
//! anchor index ([`super::index`]), and shingles that many distinct texts
//! hold are left out of the comparison ([`super::common`], counted in a
//! first pass over the distinct texts); a text shorter than the rule's
//! `min_words` is not matched by shingles (its occurrences were already
//! merged by exact words and speaker, see [`super::corpus`]).

use super::common::Common;
use super::index::Index;
use super::normalize::tokens;
use super::rule::Rule;
use super::shingle::Shingled;

/// A distinct text: occurrences that normalise to the same words (and, for
/// a short text, have the same speaker) share one.
#[derive(Debug, Clone)]
pub struct Distinct {
    /// The content as it was first seen.
    pub content: Box<str>,
    /// Its normalised words.
    pub words: u32,
    /// Its first occurrence (input order).
    pub first: u32,
    /// Its key ([`super::normalize::key`]).
    pub key: u64,
}

/// Which cluster each distinct text is in.
#[derive(Debug, Clone, Default)]
pub struct Grouped {
    /// Per distinct text, its cluster.
    pub cluster: Vec<u32>,
    /// Per cluster, its representative (a distinct text).
    pub reps: Vec<u32>,
    /// Entries in the candidate index at the end (for the memory figures).
    pub index_entries: usize,
}

/// The representatives' shingles, end to end.
#[derive(Default)]
struct Shelf {
    shingles: Vec<u32>,
    /// Per cluster, where its representative's shingles start (a short
    /// representative has none).
    starts: Vec<u32>,
}

impl Shelf {
    fn push(&mut self, seq: &[u32]) {
        self.starts.push(self.shingles.len() as u32);
        self.shingles.extend_from_slice(seq);
    }

    fn get(&self, cluster: u32, width: usize) -> Shingled {
        let i = cluster as usize;
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.shingles.len(), |&e| e as usize);
        let seq = self.shingles[start..end].to_vec();
        let mut set = seq.clone();
        set.sort_unstable();
        set.dedup();
        let words = if seq.is_empty() {
            0
        } else {
            seq.len() + width - 1
        };
        Shingled {
            words,
            width,
            seq,
            set,
        }
    }
}

/// Groups `texts` by `rule`.
pub fn group(texts: &[Distinct], rule: &Rule) -> Grouped {
    let mut order: Vec<u32> = (0..texts.len() as u32).collect();
    order.sort_by_key(|&t| {
        let t = &texts[t as usize];
        (std::cmp::Reverse(t.words), t.first)
    });
    let mut common = Common::default();
    for text in texts {
        common.add(&Shingled::new(&tokens(&text.content), rule.shingle).set);
    }
    let is_common = |s: u32| common.is_common(s);
    let mut cluster = vec![0u32; texts.len()];
    let mut reps = Vec::new();
    let mut shelf = Shelf::default();
    let mut index = Index::default();
    for t in order {
        let shingled = Shingled::new(&tokens(&texts[t as usize].content), rule.shingle);
        let long = rule.is_long(&shingled);
        let joined = long
            .then(|| {
                index
                    .candidates(&shingled.set)
                    .into_iter()
                    .find(|&c| rule.matches(&shingled, &shelf.get(c, rule.shingle), &is_common))
            })
            .flatten();
        cluster[t as usize] = match joined {
            Some(c) => c,
            None => {
                let c = reps.len() as u32;
                reps.push(t);
                if long {
                    shelf.push(&shingled.seq);
                    index.insert(c, &shingled.anchors(|s| common.count(s)));
                } else {
                    shelf.push(&[]);
                }
                c
            }
        };
    }
    Grouped {
        cluster,
        reps,
        index_entries: index.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::normalize::key;

    fn distinct(texts: &[&str]) -> Vec<Distinct> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let tokens = tokens(t);
                Distinct {
                    content: (*t).into(),
                    words: tokens.len() as u32,
                    first: i as u32,
                    key: key(&tokens, None),
                }
            })
            .collect()
    }

    /// The texts' clusters as sets of text numbers, sorted.
    fn groups(texts: &[&str]) -> Vec<Vec<usize>> {
        let grouped = group(&distinct(texts), &Rule::default());
        let mut out = vec![Vec::new(); grouped.reps.len()];
        for (t, &c) in grouped.cluster.iter().enumerate() {
            out[c as usize].push(t);
        }
        out.sort();
        out
    }

    #[test]
    fn fragments_join_their_statement() {
        let got = groups(&[
            "rebuild the bridge before the winter",
            "We are going to rebuild the bridge before the winter, and nobody will pay more",
            "an entirely different statement about the price of milk in the shops",
            "and nobody will pay more for it, believe me, nobody at all",
            "The price of milk in the shops",
        ]);
        assert_eq!(got, vec![vec![0, 1], vec![2, 4], vec![3]]);
    }

    #[test]
    fn members_are_tested_against_the_representative_only() {
        let w = |r: std::ops::Range<usize>, p: &str| -> String {
            r.map(|i| format!("{p}{i}")).collect::<Vec<_>>().join(" ")
        };
        let long = w(0..20, "w");
        // Most of `middle` is the end of `long`; `tail` is all in `middle`
        // but mostly new against `long`: union-find over accepted pairs
        // would chain it in through `middle`.
        let middle = format!("{} {}", w(6..20, "w"), w(0..5, "x"));
        let tail = format!("{} {}", w(15..20, "w"), w(0..5, "x"));
        let got = groups(&[&long, &middle, &tail]);
        assert_eq!(got, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn an_opening_that_many_texts_share_does_not_merge_them() {
        // Seven shared words and four of its own: 64% of each statement
        // lies in the opening's bigrams, enough to merge any two of them
        // in a small corpus; in a corpus where a thousand texts open so,
        // the opening counts for nothing.
        let opening = "what I can tell you is that";
        let statements: Vec<String> = (0..1200)
            .map(|i| format!("{opening} a{i} b{i} c{i} d{i}"))
            .collect();
        let copy = "I can tell you is that a0 b0 c0 d0".to_owned();
        let mut texts: Vec<&str> = statements.iter().map(String::as_str).collect();
        texts.push(&copy);
        let got = groups(&texts);
        assert_eq!(got.len(), 1200);
        assert!(
            got.contains(&vec![0, 1200]),
            "the cut copy joins its statement"
        );
        assert_eq!(groups(&texts[..2]).len(), 1, "two alone would merge");
    }

    #[test]
    fn short_texts_stay_apart_and_ties_go_to_the_first() {
        let got = groups(&["a total disaster", "a total disaster indeed"]);
        assert_eq!(got, vec![vec![0], vec![1]]);
        let grouped = group(
            &distinct(&[
                "one two three four five six seven",
                "one two three four five six eight",
            ]),
            &Rule::default(),
        );
        assert_eq!(
            grouped.reps,
            vec![0],
            "equal length: the first seen represents"
        );
        assert_eq!(grouped.cluster, vec![0, 0]);
    }
}
