//! Whether `confidence` means something: predictions bucketed by their
//! confidence, with the share of each bucket that is right end to end (a
//! reliability table).

/// Buckets of width 0.1 over [0, 1].
const BUCKETS: usize = 10;

/// Counts per confidence bucket; integers only, so that reports compare
/// exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reliability {
    /// Predictions per bucket.
    count: [usize; BUCKETS],
    /// Of those, the ones right end to end.
    right: [usize; BUCKETS],
    /// Their confidences summed, in thousandths.
    confidence_milli: [u64; BUCKETS],
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    /// Its confidence range, `[low, low + 0.1)` (the last one holds 1.0).
    pub low: f64,
    /// Predictions in it.
    pub count: usize,
    /// Their mean confidence.
    pub mean_confidence: f64,
    /// The share of them right end to end.
    pub observed: f64,
}

impl Reliability {
    /// Counts one prediction of `confidence` (in [0, 1]) that is `right`.
    pub fn add(&mut self, confidence: f32, right: bool) {
        let confidence = confidence.clamp(0.0, 1.0);
        let b = ((confidence * BUCKETS as f32) as usize).min(BUCKETS - 1);
        self.count[b] += 1;
        self.right[b] += usize::from(right);
        self.confidence_milli[b] += (f64::from(confidence) * 1000.0).round() as u64;
    }

    /// Adds another table's counts.
    pub fn merge(&mut self, other: &Reliability) {
        for b in 0..BUCKETS {
            self.count[b] += other.count[b];
            self.right[b] += other.right[b];
            self.confidence_milli[b] += other.confidence_milli[b];
        }
    }

    /// The buckets that hold a prediction, lowest first.
    pub fn buckets(&self) -> Vec<Bucket> {
        (0..BUCKETS)
            .filter(|&b| self.count[b] > 0)
            .map(|b| {
                let n = self.count[b] as f64;
                Bucket {
                    low: b as f64 / BUCKETS as f64,
                    count: self.count[b],
                    mean_confidence: self.confidence_milli[b] as f64 / 1000.0 / n,
                    observed: self.right[b] as f64 / n,
                }
            })
            .collect()
    }

    /// The table as Markdown rows under a header.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "| confidence | predictions | mean confidence | right end to end | gap |\n|---|---:|---:|---:|---:|\n",
        );
        for b in self.buckets() {
            out.push_str(&format!(
                "| {:.1}–{:.1} | {} | {:.3} | {:.3} | {:+.3} |\n",
                b.low,
                b.low + 0.1,
                b.count,
                b.mean_confidence,
                b.observed,
                b.observed - b.mean_confidence
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_count_predictions_and_the_share_right() {
        let mut table = Reliability::default();
        for (confidence, right) in [(0.95, true), (0.9, false), (1.0, true), (0.31, false)] {
            table.add(confidence, right);
        }
        let buckets = table.buckets();
        assert_eq!(buckets.len(), 2);
        assert_eq!((buckets[0].low, buckets[0].count), (0.3, 1));
        assert_eq!(buckets[0].observed, 0.0);
        assert_eq!(buckets[1].count, 3);
        assert!((buckets[1].observed - 2.0 / 3.0).abs() < 1e-9);
        assert!((buckets[1].mean_confidence - 0.95).abs() < 1e-9);
        let mut twice = table;
        twice.merge(&table);
        assert_eq!(twice.buckets()[1].count, 6);
    }
}
