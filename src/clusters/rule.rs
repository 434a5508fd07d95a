//! The pair rule: when two occurrences are the same quotation.
//!
//! Both texts are normalised ([`super::normalize`]) and cut into word
//! shingles ([`super::shingle`]). A text of at least `min_words` words is
//! the same quotation as another when at least `coverage` of its words lie
//! in shingles the other has too, taken in the direction that gives the
//! most (so the shorter text, a fragment, is measured against the longer).
//! A word changed costs about one word, an ellipsis or a cut edge only the
//! words left out; a shared opening such as "I think that we" covers only
//! its own words. Texts shorter than `min_words` are the same quotation
//! only when they normalise to the same words and carry the same speaker,
//! so a common phrase said by two people stays two quotations.
//!
//! Over a corpus, shingles that many distinct texts hold (an opening such
//! as "what I can tell you is that", "of the"; see [`super::common`]) do
//! not count: their words are left out of both the covered words and the
//! words to cover, so two statements that share only an opening and a
//! common pair of words stay apart however short they are.

use super::normalize::tokens;
use super::shingle::{Shingled, K};

/// The thresholds of the rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Words a text needs to be matched by its shingles.
    pub min_words: usize,
    /// The share of the shorter text's words that must be covered.
    pub coverage: f64,
    /// Words per shingle.
    pub shingle: usize,
}

impl Default for Rule {
    /// Six words, 0.6 and 2-word shingles, the thresholds measured in
    /// `reports/clusters-pairs.md`.
    fn default() -> Self {
        Rule {
            min_words: 6,
            coverage: 0.6,
            shingle: K,
        }
    }
}

/// Words a text must keep once its common shingles' words are left out.
pub const MIN_INFORMATIVE: usize = 3;

/// One side of a pair: its text and speaker.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The quote's content.
    pub text: &'a str,
    /// The resolved speaker's name, if any.
    pub speaker: Option<&'a str>,
}

impl Rule {
    /// Whether `text` is long enough to be matched by its shingles.
    pub fn is_long(&self, shingled: &Shingled) -> bool {
        shingled.words >= self.min_words
    }

    /// The best share of either text's words covered by the other, its
    /// `common` shingles' words left out of both counts (0 for a text with
    /// fewer than [`MIN_INFORMATIVE`] words left).
    pub fn coverage_of(a: &Shingled, b: &Shingled, common: &impl Fn(u32) -> bool) -> f64 {
        let share = |x: &Shingled, y: &Shingled| match x.informative_cover(y, common) {
            (_, n) if n < MIN_INFORMATIVE => 0.0,
            (covered, n) => covered as f64 / n as f64,
        };
        share(a, b).max(share(b, a))
    }

    /// Whether two long texts match (both must pass [`Rule::is_long`]);
    /// `common` says which shingles are too frequent to count.
    pub fn matches(&self, a: &Shingled, b: &Shingled, common: &impl Fn(u32) -> bool) -> bool {
        Rule::coverage_of(a, b, common) >= self.coverage
    }

    /// The rule on a pair of occurrences.
    pub fn same(&self, a: Side, b: Side) -> bool {
        let (ta, tb) = (tokens(a.text), tokens(b.text));
        let (sa, sb) = (
            Shingled::new(&ta, self.shingle),
            Shingled::new(&tb, self.shingle),
        );
        if self.is_long(&sa) && self.is_long(&sb) {
            return self.matches(&sa, &sb, &|_| false);
        }
        let speaker = |s: Option<&str>| s.map(tokens).filter(|t| !t.is_empty());
        let same_speaker = speaker(a.speaker).is_some() && speaker(a.speaker) == speaker(b.speaker);
        !ta.is_empty() && ta == tb && same_speaker
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        let side = |text| Side {
            text,
            speaker: Some("Jane Smith"),
        };
        Rule::default().same(side(a), side(b))
    }

    const LONG: &str = "“We are going to rebuild the bridge before the winter, and \
                        nobody in this city will have to pay a cent more for it,” she said";

    #[test]
    fn fragments_edges_ellipses_and_small_changes_match() {
        assert!(same(LONG, "rebuild the bridge before the winter"));
        assert!(same(
            LONG,
            "\"nobody in this city will have to pay a cent more\""
        ));
        assert!(same(
            LONG,
            "We are going to rebuild the bridge … nobody in this city will have to pay"
        ));
        assert!(same(
            LONG,
            "WE ARE GOING TO REBUILD THE BRIDGE BEFORE THE WINTER, and nobody"
        ));
        assert!(same(LONG, "we're going to rebuild the bridge before the winter and no one in this city will have to pay a cent more"));
        assert!(
            same("rebuild the bridge before the winter", LONG),
            "symmetric"
        );
    }

    #[test]
    fn shared_boilerplate_and_other_statements_do_not() {
        let a = "I think that we need to do much more for our veterans";
        let b = "I think that we need to cut taxes for every small business";
        assert!(!same(a, b));
        assert!(!same(
            LONG,
            "We are going to win this election in a landslide"
        ));
        assert!(!same(
            LONG,
            "the winter will be hard for everybody who lives here"
        ));
    }

    #[test]
    fn short_quotes_need_the_same_words_and_speaker() {
        let rule = Rule::default();
        let side = |text, speaker| Side { text, speaker };
        let jane = Some("Jane Smith");
        assert!(rule.same(
            side("“A total disaster.”", jane),
            side("a total disaster", jane)
        ));
        assert!(!rule.same(
            side("a total disaster", jane),
            side("a total disaster", Some("Tom Brown"))
        ));
        assert!(!rule.same(
            side("a total disaster", None),
            side("a total disaster", None)
        ));
        assert!(!rule.same(
            side("a total disaster", jane),
            side("a complete disaster", jane)
        ));
        assert!(!rule.same(side("a total disaster", jane), side(LONG, jane)));
    }
}
