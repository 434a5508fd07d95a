//! The quote tagger's BIO tags over content, cue and source, and their
//! decoding: a Viterbi pass that keeps the best tag sequence in which
//! every `I-X` continues an `X`, then the runs of that sequence as spans.

use std::ops::Range;

use crate::error::Error;
use crate::model::Role;

/// One BIO tag of the quote tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteTag {
    /// Outside every attribution role.
    Outside,
    /// First piece of a span.
    Begin(Role),
    /// A following piece of a span.
    Inside(Role),
}

impl QuoteTag {
    /// Parses `O`, `B-Content`, `I-Source`, ...
    pub fn parse(tag: &str) -> Result<QuoteTag, Error> {
        let bad = || Error::Model(format!("unknown quote tag {tag:?} in config.json"));
        if tag == "O" {
            return Ok(QuoteTag::Outside);
        }
        let (prefix, role) = tag.split_once('-').ok_or_else(bad)?;
        let role = Role::parse(role).ok_or_else(bad)?;
        match prefix {
            "B" => Ok(QuoteTag::Begin(role)),
            "I" => Ok(QuoteTag::Inside(role)),
            _ => Err(bad()),
        }
    }

    fn role(self) -> Option<Role> {
        match self {
            QuoteTag::Outside => None,
            QuoteTag::Begin(r) | QuoteTag::Inside(r) => Some(r),
        }
    }

    /// Whether this tag may follow `previous` (`None`: the first piece).
    fn may_follow(self, previous: Option<QuoteTag>) -> bool {
        match self {
            QuoteTag::Inside(r) => previous.and_then(QuoteTag::role) == Some(r),
            _ => true,
        }
    }
}

/// A decoded span: a range of piece indices, its role and mean score.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleSpan {
    /// Piece indices (half-open) into the unit.
    pub pieces: Range<usize>,
    /// Content, cue or source.
    pub role: Role,
    /// Mean probability of the decoded tags over its pieces.
    pub score: f32,
}

/// The best tag sequence under the BIO constraint, from each piece's
/// probabilities over `tags` (`probs[piece * tags.len() + tag]`), then its
/// runs as spans. With argmax an `I-Content` after `O` would open a span
/// of its own and a `B-Cue` inside a content run would cut it; the
/// constrained path instead weighs the whole run.
pub fn decode_roles(tags: &[QuoteTag], probs: &[f32]) -> Vec<RoleSpan> {
    let n = tags.len();
    if n == 0 || probs.is_empty() {
        return Vec::new();
    }
    let pieces = probs.len() / n;
    let emit = |i: usize, t: usize| probs[i * n + t].max(1e-12).ln();
    // best[t]: the best log score of a path ending in tag t.
    let mut best: Vec<f32> = (0..n)
        .map(|t| {
            if tags[t].may_follow(None) {
                emit(0, t)
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut back = vec![0u8; pieces * n];
    for i in 1..pieces {
        let mut next = vec![f32::NEG_INFINITY; n];
        for t in 0..n {
            let from = (0..n)
                .filter(|&s| tags[t].may_follow(Some(tags[s])))
                .max_by(|&a, &b| best[a].total_cmp(&best[b]));
            if let Some(s) = from {
                next[t] = best[s] + emit(i, t);
                back[i * n + t] = s as u8;
            }
        }
        best = next;
    }
    let mut t = (0..n)
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .expect("at least one tag");
    let mut path = vec![0usize; pieces];
    for i in (0..pieces).rev() {
        path[i] = t;
        t = back[i * n + t] as usize;
    }
    runs(tags, &path, |i| probs[i * n + path[i]])
}

/// The spans of a tag path: a span opens at `B-X` (or an `I-X` that does
/// not continue an `X`) and runs over the following `I-X`.
fn runs(tags: &[QuoteTag], path: &[usize], prob: impl Fn(usize) -> f32) -> Vec<RoleSpan> {
    let mut spans: Vec<RoleSpan> = Vec::new();
    let mut open = false;
    for (i, &t) in path.iter().enumerate() {
        let tag = tags[t];
        let continues =
            open && matches!(tag, QuoteTag::Inside(r) if Some(r) == spans.last().map(|s| s.role));
        if continues {
            let span = spans.last_mut().expect("an open span");
            span.pieces.end = i + 1;
            span.score += prob(i);
            continue;
        }
        open = false;
        if let Some(role) = tag.role() {
            spans.push(RoleSpan {
                pieces: i..i + 1,
                role,
                score: prob(i),
            });
            open = true;
        }
    }
    for span in &mut spans {
        span.score /= span.pieces.len() as f32;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::QuoteTag::*;
    use super::*;
    use crate::model::Role::*;

    const TAGS: [QuoteTag; 7] = [
        Outside,
        Begin(Content),
        Inside(Content),
        Begin(Cue),
        Inside(Cue),
        Begin(Source),
        Inside(Source),
    ];

    /// Probabilities with `p` on the given tag of each piece and the rest
    /// spread evenly.
    fn rows(best: &[(QuoteTag, f32)]) -> Vec<f32> {
        best.iter()
            .flat_map(|&(tag, p)| {
                TAGS.iter()
                    .map(move |&t| if t == tag { p } else { (1.0 - p) / 6.0 })
            })
            .collect()
    }

    fn decoded(best: &[(QuoteTag, f32)]) -> Vec<(Range<usize>, Role)> {
        decode_roles(&TAGS, &rows(best))
            .into_iter()
            .map(|s| (s.pieces, s.role))
            .collect()
    }

    #[test]
    fn parses_tags() {
        assert_eq!(QuoteTag::parse("B-Content").unwrap(), Begin(Content));
        assert_eq!(QuoteTag::parse("I-Source").unwrap(), Inside(Source));
        assert_eq!(QuoteTag::parse("O").unwrap(), Outside);
        assert!(QuoteTag::parse("B-PER").is_err());
        assert!(QuoteTag::parse("X-Cue").is_err());
    }

    #[test]
    fn runs_become_spans() {
        let spans = decoded(&[
            (Begin(Source), 0.9),
            (Begin(Cue), 0.9),
            (Begin(Content), 0.8),
            (Inside(Content), 0.9),
            (Inside(Content), 0.9),
            (Outside, 0.9),
        ]);
        assert_eq!(spans, vec![(0..1, Source), (1..2, Cue), (2..5, Content)]);
    }

    #[test]
    fn a_stray_inside_tag_is_never_decoded_after_outside() {
        // Argmax reads O, I-Content, I-Content: the constrained path must
        // begin the span (or leave it out), never continue nothing.
        let probs = rows(&[
            (Outside, 0.9),
            (Inside(Content), 0.5),
            (Inside(Content), 0.9),
        ]);
        let path_tags: Vec<_> = decode_roles(&TAGS, &probs);
        for span in &path_tags {
            assert_eq!(span.role, Content);
        }
        assert_eq!(path_tags.len(), 1, "one span, not two");
        assert_eq!(path_tags[0].pieces.end, 3);
    }

    #[test]
    fn a_weak_break_inside_a_long_run_does_not_cut_it() {
        // Piece 3 leans to B-Cue, barely; breaking there costs the I-Content
        // after it, which must then restart: the whole run stays one span.
        let mut best = vec![(Begin(Content), 0.9)];
        best.extend([(Inside(Content), 0.9); 2]);
        best.push((Begin(Cue), 0.3));
        best.extend([(Inside(Content), 0.9); 3]);
        let probs = {
            let mut p = rows(&best);
            // Second choice at piece 3: I-Content just below B-Cue.
            p[3 * 7 + 2] = 0.28;
            p
        };
        let spans = decode_roles(&TAGS, &probs);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].pieces, 0..7);
        assert_eq!(spans[0].role, Content);
    }

    #[test]
    fn scores_are_mean_probabilities() {
        let spans = decode_roles(&TAGS, &rows(&[(Begin(Cue), 0.8), (Inside(Cue), 0.6)]));
        assert_eq!(spans.len(), 1);
        assert!((spans[0].score - 0.7).abs() < 1e-5);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(decode_roles(&TAGS, &[]).is_empty());
    }
}
