//! The frame of a content span the tagger found: its cue (a reporting cue
//! the rules found beside it, else the tagger's own cue) and its speaker
//! (the rules' subject of that cue, else the tagger's source), ready for
//! resolution like any other quote's.

use std::ops::Range;

use crate::attribution::speakers::mentions::{descriptor, mention_after};
use crate::attribution::speakers::subjects::subject_of;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::pronoun;
use crate::attribution::types::{Cue, CueKind, Mention, MentionKind, TaggedRun};
use crate::lexicon::VerbClass;

/// A content span's cue and speaker.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub cue: Option<Cue>,
    pub speaker: Option<Mention>,
}

/// The cues, cue runs and source runs a frame is chosen from.
pub struct Candidates<'a> {
    /// The rules' cues.
    pub cues: &'a [Cue],
    /// The tagger's cue runs.
    pub cue_runs: &'a [TaggedRun],
    /// The tagger's source runs.
    pub sources: &'a [TaggedRun],
}

/// The frame of `content`: the nearest cue outside it in its sentences
/// (a rule cue the tagger also marks first, then any rule cue, then a
/// tagger cue), and its speaker (measured on PolNeAR dev, the tagger's
/// source first: e2e .715 with the rules' subject first, .724 so).
pub fn frame(ctx: &Context, found: &Candidates, content: &Range<usize>) -> Frame {
    let window = sentences(ctx, content);
    let outside = |r: &Range<usize>| {
        r.start >= window.start
            && r.end <= window.end
            && (r.end <= content.start || r.start >= content.end)
    };
    let marked = |c: &Cue| {
        found
            .cue_runs
            .iter()
            .any(|r| overlaps(&r.tokens, &c.tokens))
    };
    let rule_cues = || found.cues.iter().filter(|c| outside(&c.tokens));
    let cue = nearest(rule_cues().filter(|c| marked(c)), content, |c| &c.tokens)
        .or_else(|| nearest(rule_cues(), content, |c| &c.tokens))
        .cloned()
        .or_else(|| {
            let run = nearest(
                found.cue_runs.iter().filter(|r| outside(&r.tokens)),
                content,
                |r| &r.tokens,
            )?;
            Some(Cue::new(
                run.tokens.clone(),
                CueKind::Verb(VerbClass::Speech),
            ))
        });
    let tagged_source = |near: &Range<usize>| {
        let sources = found.sources.iter().filter(|r| outside(&r.tokens));
        let run = nearest(sources, near, |r| &r.tokens)?;
        // A source run that reaches into the cue ends before it.
        let end = match cue.as_ref() {
            Some(c) if run.tokens.start < c.tokens.start && run.tokens.end > c.tokens.start => {
                c.tokens.start
            }
            _ => run.tokens.end,
        };
        source_mention(ctx, &(run.tokens.start..end))
    };
    // The tagger's source nearest the cue, else the rules' subject of a
    // verb cue; without a cue, the tagger's source nearest the content.
    let speaker = match cue.as_ref() {
        Some(cue) => tagged_source(&cue.tokens).or_else(|| {
            matches!(cue.kind, CueKind::Verb(_))
                .then(|| subject_of(ctx, cue, window.start))
                .flatten()
                .filter(|m| outside(&m.tokens))
        }),
        None => tagged_source(content),
    };
    Frame { cue, speaker }
}

/// The tokens of the sentences that hold `content`.
fn sentences(ctx: &Context, content: &Range<usize>) -> Range<usize> {
    ctx.sentence_start(content.start)..ctx.sentence_end(content.end.max(content.start + 1) - 1)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The item whose tokens lie nearest `to` (fewest tokens between).
fn nearest<'a, T>(
    items: impl Iterator<Item = &'a T>,
    to: &Range<usize>,
    tokens: impl Fn(&T) -> &Range<usize>,
) -> Option<&'a T> {
    let gap = |r: &Range<usize>| {
        if r.end <= to.start {
            to.start - r.end
        } else {
            r.start.saturating_sub(to.end)
        }
    };
    items.min_by_key(|item| gap(tokens(item)))
}

/// The mention a tagged source span makes: a pronoun, a name that runs
/// to its end, else its words as a descriptor with their roles (`Ukrainian
/// envoy`, `the ministry's spokesman`).
fn source_mention(ctx: &Context, run: &Range<usize>) -> Option<Mention> {
    if run.len() == 1 {
        if let Some(gender) = pronoun(ctx.word(run.start)) {
            return Some(Mention::simple(run.clone(), MentionKind::Pronoun, gender));
        }
    }
    let possessive = |i: usize| matches!(ctx.word(i), "'" | "’" | "'s" | "’s");
    let phrase = (run.start..run.end).all(|i| ctx.tokens[i].is_word() || possessive(i));
    mention_after(ctx, run.start, run.end)
        .filter(|m| m.tokens.start >= run.start && m.tokens.end >= run.end)
        .or_else(|| (phrase && !run.is_empty()).then(|| descriptor(ctx, run.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::cues::find_cues;
    use crate::attribution::learned::runs::runs;
    use crate::attribution::text::context::testing::with_tagged;
    use crate::attribution::CONSTRUCTIONS;
    use crate::model::EntityLabel::Per;
    use crate::model::Role::{Content, Cue as CueRole, Source};

    fn framed(text: &str, tagged: &[(&str, crate::model::Role, f32)]) -> (String, String) {
        with_tagged(text, &[("Jane Roe", Per)], tagged, |ctx| {
            let cues = find_cues(ctx, CONSTRUCTIONS);
            let (cue_runs, sources) = (runs(ctx, CueRole), runs(ctx, Source));
            let found = Candidates {
                cues: &cues,
                cue_runs: &cue_runs,
                sources: &sources,
            };
            let content = &runs(ctx, Content)[0].tokens;
            let f = frame(ctx, &found, content);
            let text = |r: Option<Range<usize>>| r.map_or(String::new(), |r| ctx.slice(&r).into());
            (
                text(f.cue.map(|c| c.tokens)),
                text(f.speaker.map(|m| m.tokens)),
            )
        })
    }

    #[test]
    fn a_rule_cue_beside_the_content_gives_its_subject() {
        let text = "Jane Roe warned on Monday that the bridge would close for a year.";
        let tagged = [("the bridge would close for a year", Content, 0.9)];
        let (cue, speaker) = framed(text, &tagged);
        assert!(cue.starts_with("warned"), "{cue}");
        assert_eq!(speaker, "Jane Roe");
    }

    #[test]
    fn without_a_rule_cue_the_tagger_cue_and_source_frame_it() {
        // "hinted" is no reporting verb of the lexicon.
        let text = "The bridge would close for a year, Jane Roe hinted.";
        let tagged = [
            ("The bridge would close for a year", Content, 0.9),
            ("Jane Roe", Source, 0.9),
            ("hinted", CueRole, 0.8),
        ];
        assert_eq!(
            framed(text, &tagged),
            ("hinted".to_string(), "Jane Roe".to_string())
        );
    }

    #[test]
    fn a_cue_inside_the_content_or_another_sentence_is_not_its_frame() {
        let text = "Jane Roe spoke. The mayor said nothing and the bridge would close.";
        let tagged = [(
            "The mayor said nothing and the bridge would close",
            Content,
            0.9,
        )];
        assert_eq!(framed(text, &tagged), (String::new(), String::new()));
    }
}
