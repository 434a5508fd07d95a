//! Word shingles: every run of `width` consecutive tokens (the rule's
//! shingle width, [`K`] by default) hashed to 32 bits,
//! in order and as a sorted set, and the anchors that the candidate index
//! keeps of a representative (the rarest shingle of every window of
//! [`WINDOW`] shingles, as in winnowing).

use super::normalize::mix;

/// Words per shingle, by default.
pub const K: usize = 2;
/// Shingles per anchor window: two texts that share a run of `WINDOW +
/// width - 1` words share an anchor of each.
pub const WINDOW: usize = 2;

/// A text's shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shingled {
    /// Its tokens.
    pub words: usize,
    /// Words per shingle.
    pub width: usize,
    /// The shingles in text order (one over all tokens when there are
    /// fewer than `width`, none for no token).
    pub seq: Vec<u32>,
    /// The same, sorted and deduplicated.
    pub set: Vec<u32>,
}

impl Shingled {
    /// The shingles of `width` words of `tokens`.
    pub fn new(tokens: &[u64], width: usize) -> Self {
        let width = width.max(1);
        let seq: Vec<u32> = if tokens.is_empty() {
            Vec::new()
        } else {
            tokens
                .windows(width.min(tokens.len()))
                .map(|w| {
                    let h = w.iter().fold(0u64, |h, &t| mix(h.rotate_left(17) ^ t));
                    (h >> 32) as u32
                })
                .collect()
        };
        let mut set = seq.clone();
        set.sort_unstable();
        set.dedup();
        Shingled {
            words: tokens.len(),
            width,
            seq,
            set,
        }
    }

    /// How many of this text's words lie in a shingle that `other` has
    /// too.
    pub fn covered_by(&self, other: &Shingled) -> usize {
        self.informative_cover(other, |_| false).0
    }

    /// The words that lie in a shingle that is not `common` and that
    /// `other` has too, and the words that lie in a shingle that is not
    /// `common`.
    pub fn informative_cover(
        &self,
        other: &Shingled,
        common: impl Fn(u32) -> bool,
    ) -> (usize, usize) {
        let width = self.width.min(self.words);
        let (mut covered, mut informative) = (0, 0);
        let (mut covered_to, mut informative_to) = (0, 0);
        for (i, &s) in self.seq.iter().enumerate() {
            if common(s) {
                continue;
            }
            informative += i + width - informative_to.max(i);
            informative_to = i + width;
            if other.set.binary_search(&s).is_ok() {
                covered += i + width - covered_to.max(i);
                covered_to = i + width;
            }
        }
        (covered, informative)
    }

    /// The anchors: the rarest shingle of each window of [`WINDOW`]
    /// consecutive shingles (of all, when fewer), by `count` (how many texts
    /// hold it) and then by hash, sorted and deduplicated. Rare anchors
    /// keep the index's lists short.
    pub fn anchors(&self, count: impl Fn(u32) -> u32) -> Vec<u32> {
        let mut anchors: Vec<u32> = self
            .seq
            .windows(WINDOW.min(self.seq.len()).max(1))
            .filter_map(|w| w.iter().min_by_key(|&&s| (count(s), s)).copied())
            .collect();
        anchors.sort_unstable();
        anchors.dedup();
        anchors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::normalize::tokens;

    /// Three-word shingles, which make the counts below easy to follow.
    const W3: usize = 3;

    fn shingled(text: &str) -> Shingled {
        Shingled::new(&tokens(text), W3)
    }

    #[test]
    fn shingles_are_word_runs() {
        let s = shingled("one two three four five");
        assert_eq!((s.words, s.seq.len()), (5, 3));
        assert_eq!(
            shingled("One, two: THREE").seq,
            shingled("one two three").seq
        );
        assert_eq!(shingled("two words").seq.len(), 1);
        assert!(shingled("").seq.is_empty());
        let repeated = shingled("a b c a b c");
        assert_eq!((repeated.seq.len(), repeated.set.len()), (4, 3));
    }

    #[test]
    fn coverage_counts_words_in_shared_shingles() {
        let long = shingled("we will build the bridge before the winter comes to town");
        let fragment = shingled("build the bridge before the winter");
        assert_eq!(fragment.covered_by(&long), fragment.words);
        // One word changed in the middle loses that word only.
        let changed = shingled("we will build the tunnel before the winter comes");
        assert_eq!(changed.covered_by(&long), changed.words - 1);
        // A shared opening covers only itself.
        let other = shingled("we will build a wall along the whole border");
        assert_eq!(other.covered_by(&long), 3);
        assert_eq!(shingled("no words shared here at all").covered_by(&long), 0);
    }

    #[test]
    fn common_shingles_leave_their_words_out() {
        let long = shingled("i think that the bridge will be rebuilt before the winter");
        let other = shingled("i think that the budget will be cut before the election");
        let opening = [shingled("i think that").seq, shingled("think that the").seq].concat();
        let common = |s: u32| opening.contains(&s);
        assert_eq!(other.informative_cover(&long, |_| false), (4, 11));
        // The opening's two shingles are all the texts share; without them
        // nothing is covered, and the first two words are left out.
        assert_eq!(other.informative_cover(&long, common), (0, 9));
    }

    #[test]
    fn a_shared_run_shares_an_anchor() {
        let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let long = shingled(&words.join(" "));
        let anchors = long.anchors(|_| 0);
        let rare = long.seq[7];
        assert!(long.anchors(|s| u32::from(s != rare)).contains(&rare));
        assert!(anchors.len() < long.seq.len());
        for start in 0..=(40 - (WINDOW + W3 - 1)) {
            let run = shingled(&words[start..start + WINDOW + W3 - 1].join(" "));
            assert!(
                run.set.iter().any(|s| anchors.binary_search(s).is_ok()),
                "the run from word {start} shares no anchor"
            );
        }
    }
}
