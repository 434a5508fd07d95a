//! Common shingles: how many distinct texts of the corpus hold each
//! shingle, estimated in fixed memory (a count-min sketch: the least of
//! [`DEPTH`] saturating counters, never below the true count), and which
//! shingles are so frequent that they say nothing about which statement a
//! text is (an opening such as "I think that", "of the"). The rule leaves
//! their words out of the comparison.

use super::normalize::mix;

/// Counter rows.
const DEPTH: usize = 3;
/// Counters a row (a power of two): 3 × 2^21 × 2 bytes = 12 MB.
const WIDTH: usize = 1 << 21;
/// A shingle is common when at least this many distinct texts hold it...
pub const MIN_COMMON: u32 = 1000;
/// ... and at least one distinct text in this many.
pub const SHARE: u32 = 200;

/// Shingle counts over distinct texts.
#[derive(Debug, Clone)]
pub struct Common {
    counts: Vec<u16>,
    texts: u32,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            counts: vec![0; DEPTH * WIDTH],
            texts: 0,
        }
    }
}

impl Common {
    fn slots(shingle: u32) -> [usize; DEPTH] {
        std::array::from_fn(|row| {
            let h = mix(u64::from(shingle) ^ (0x9e37_79b9_7f4a_7c15 * (row as u64 + 1)));
            row * WIDTH + (h as usize & (WIDTH - 1))
        })
    }

    /// Counts one distinct text's shingle set.
    pub fn add(&mut self, set: &[u32]) {
        self.texts += 1;
        for &s in set {
            for slot in Common::slots(s) {
                self.counts[slot] = self.counts[slot].saturating_add(1);
            }
        }
    }

    /// The estimated number of texts holding `shingle` (at least the true
    /// number, up to `u16::MAX`).
    pub fn count(&self, shingle: u32) -> u32 {
        let slots = Common::slots(shingle);
        slots
            .iter()
            .map(|&i| u32::from(self.counts[i]))
            .min()
            .unwrap_or(0)
    }

    /// The count from which a shingle is common.
    pub fn threshold(&self) -> u32 {
        MIN_COMMON.max(self.texts / SHARE)
    }

    /// Whether `shingle` is common.
    pub fn is_common(&self, shingle: u32) -> bool {
        self.count(shingle) >= self.threshold()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_never_fall_short_and_common_needs_many_texts() {
        let mut common = Common::default();
        for i in 0..3000u32 {
            common.add(&[7, 10_000 + i]);
        }
        common.add(&[8]);
        assert!(common.count(7) >= 3000 && common.count(7) <= 3002);
        assert!(common.count(8) >= 1);
        assert!(common.is_common(7));
        assert!(!common.is_common(8) && !common.is_common(10_001));
        assert_eq!(common.threshold(), MIN_COMMON);
        let mut small = Common::default();
        small.add(&[7]);
        assert!(!small.is_common(7), "one text makes nothing common");
    }
}
