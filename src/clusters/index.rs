//! The candidate index: for each anchor shingle of a cluster's
//! representative, the representatives that have it. A text looks up all
//! its shingles and gets the representatives it shares anchors with, most
//! shared first. An anchor held by [`COMMON`] representatives is a common
//! phrase, not a statement: it takes no more and is no longer looked up,
//! so a lookup costs a bounded amount whatever the corpus.

use std::collections::HashMap;

/// Representatives an anchor holds before it counts as common.
pub const COMMON: u32 = 48;
/// Candidates returned per lookup, most shared anchors first.
pub const CANDIDATES: usize = 8;

/// No next entry.
const END: u32 = u32::MAX;

/// Anchors to representatives, as linked lists in one arena (eight bytes
/// an entry, whatever the number of anchors).
#[derive(Debug, Default)]
pub struct Index {
    /// Anchor -> (first entry, entries).
    heads: HashMap<u32, (u32, u32)>,
    /// (representative, next entry).
    entries: Vec<(u32, u32)>,
}

impl Index {
    /// Files representative `rep` under each of its `anchors`.
    pub fn insert(&mut self, rep: u32, anchors: &[u32]) {
        for &anchor in anchors {
            let next = self.entries.len() as u32;
            let head = self.heads.entry(anchor).or_insert((END, 0));
            if head.1 >= COMMON {
                continue;
            }
            self.entries.push((rep, head.0));
            *head = (next, head.1 + 1);
        }
    }

    /// The representatives that hold one of `shingles` (a sorted set) as
    /// an uncommon anchor, most shared first (ties: the earlier first), at
    /// most [`CANDIDATES`].
    pub fn candidates(&self, shingles: &[u32]) -> Vec<u32> {
        let mut found = Vec::new();
        for s in shingles {
            let Some(&(mut at, n)) = self.heads.get(s) else {
                continue;
            };
            if n >= COMMON {
                continue;
            }
            while at != END {
                let (rep, next) = self.entries[at as usize];
                found.push(rep);
                at = next;
            }
        }
        found.sort_unstable();
        let mut counted: Vec<(u32, u32)> = Vec::new();
        for rep in found {
            match counted.last_mut() {
                Some((r, n)) if *r == rep => *n += 1,
                _ => counted.push((rep, 1)),
            }
        }
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(CANDIDATES);
        counted.into_iter().map(|(rep, _)| rep).collect()
    }

    /// Entries held (for the memory estimate).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is filed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_shared_first() {
        let mut index = Index::default();
        index.insert(0, &[1, 2, 3]);
        index.insert(1, &[3, 4]);
        index.insert(2, &[9]);
        assert_eq!(index.candidates(&[1, 2, 3, 4]), vec![0, 1]);
        assert_eq!(index.candidates(&[3, 4]), vec![1, 0]);
        assert_eq!(
            index.candidates(&[3]),
            vec![0, 1],
            "ties: the earlier first"
        );
        assert!(index.candidates(&[5, 6]).is_empty());
        assert_eq!(index.len(), 6);
    }

    #[test]
    fn common_anchors_are_not_looked_up() {
        let mut index = Index::default();
        for rep in 0..COMMON + 5 {
            index.insert(rep, &[7, 100 + rep]);
        }
        assert!(index.candidates(&[7]).is_empty());
        assert_eq!(index.candidates(&[7, 100]), vec![0]);
        assert_eq!(index.len() as u32, COMMON + COMMON + 5);
        let fresh = index.candidates(&[100 + COMMON + 2]);
        assert_eq!(fresh, vec![COMMON + 2]);
    }
}
