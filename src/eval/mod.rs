//! Evaluation against annotated data: the named-entity stage on CoNLL-2003
//! ([`conll`]), quote attribution on PolNeAR ([`polnear`]), and speaker
//! gender against hand labels ([`gender`]), and the quote clusters'
//! matching against labelled pairs ([`clusters`]).

pub mod clusters;
pub mod conll;
pub mod gender;
pub mod polnear;
pub mod reliability;

use serde::Serialize;

/// True positives, false positives and false negatives of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions that match none.
    pub fp: usize,
    /// Gold items that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), or 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), or 0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// `num / den`, or 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_f1() {
        let c = Counts {
            tp: 6,
            fp: 2,
            fn_: 4,
        };
        assert!((c.precision() - 0.75).abs() < 1e-9);
        assert!((c.recall() - 0.6).abs() < 1e-9);
        assert!((c.f1() - 12.0 / 18.0).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
