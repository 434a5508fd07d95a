//! The two ways the tagger's content spans become quotes: alone
//! ([`tagged_quotes`]), or with the rules ([`combined`]): quote-mark
//! pairing keeps the direct quotes, the tagger's content decides the edges
//! of the other reports and adds the ones the rules miss, and every
//! report keeps the rules' cue and speaker where they have one.

use std::ops::Range;

use super::link::{frame, Candidates, Frame};
use super::runs::runs;
use crate::attribution::confidence;
use crate::attribution::text::clause::kind_of;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::{trim, word_count};
use crate::attribution::types::{Cue, Found, TaggedRun};
use crate::model::{QuoteKind, Role};

/// The tagger's reports alone: every content span, framed by
/// [`frame`], direct where it is all inside quotation marks.
pub fn tagged_quotes(ctx: &Context, cues: &[Cue]) -> Vec<Found> {
    let tagger = Tagger::new(ctx);
    let found = tagger
        .contents
        .iter()
        .map(|run| {
            let mut f = tagger.report(ctx, cues, run);
            if (run.tokens.clone()).all(|i| ctx.in_quote(i)) {
                f.kind = QuoteKind::Direct;
            }
            f
        })
        .collect();
    join_parts(ctx, found)
}

/// The rules' `direct` quotes, then a report for each tagged content span
/// that is not all inside them: a rule report it overlaps lends it cue and
/// speaker when their cue is the nearest one, the tagger's edges stand;
/// any other is framed by [`frame`]. A direct quote that a report holds whole
/// becomes part of that mixed report (`the nation has become "more
/// interested ..."`), lending it its frame if it has none. Rule reports no
/// content span overlaps are dropped: the tagger's recall is higher, and
/// what it leaves out is mostly what the rules over-read.
pub fn combined(
    ctx: &Context,
    cues: &[Cue],
    direct: Vec<Found>,
    indirect: Vec<Found>,
) -> Vec<Found> {
    let tagger = Tagger::new(ctx);
    let mut reports = Vec::new();
    for run in &tagger.contents {
        if outside_words(ctx, &run.tokens, &direct) == 0 {
            continue;
        }
        let parts = vec![trim(ctx, run.tokens.clone())];
        // The rule report sharing the most tokens, and at least half of
        // the shorter of the two.
        let rule = indirect
            .iter()
            .map(|f| (shared(&f.parts, &parts[0]), f))
            .filter(|(n, f)| 2 * n >= parts[0].len().min(f.parts.iter().map(|p| p.len()).sum()))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
            .map(|(_, f)| f);
        let own = tagger.report(ctx, cues, run);
        // The rule report lends its frame when its cue is the one nearest
        // the span: a nearer cue frames a report nested in the rule's
        // (`X said Y claimed Z`: Z is Y's).
        reports.push(match rule {
            Some(f) if f.cue == own.cue => Found {
                kind: kind_of(ctx, &parts),
                parts,
                confidence: confidence::CONFIRMED_REPORT * run.score,
                ..f.clone()
            },
            _ => own,
        });
    }
    let mut reports = join_parts(ctx, reports);
    let mut found = Vec::with_capacity(direct.len() + reports.len());
    for quote in direct {
        let holder = reports.iter_mut().find(|r| {
            quote
                .parts
                .iter()
                .all(|q| r.parts.iter().any(|p| p.start <= q.start && q.end <= p.end))
        });
        match holder {
            Some(report) => {
                if report.speaker.is_none() && quote.speaker.is_some() {
                    report.cue = quote.cue;
                    report.cue_sense = quote.cue_sense;
                    report.speaker = quote.speaker;
                    report.confidence = report.confidence.max(quote.confidence);
                }
            }
            None => found.push(quote),
        }
    }
    found.extend(reports);
    found
}

/// The tagger's runs of one document.
struct Tagger {
    contents: Vec<TaggedRun>,
    cue_runs: Vec<TaggedRun>,
    sources: Vec<TaggedRun>,
}

impl Tagger {
    fn new(ctx: &Context) -> Self {
        Tagger {
            contents: runs(ctx, Role::Content),
            cue_runs: runs(ctx, Role::Cue),
            sources: runs(ctx, Role::Source),
        }
    }

    /// The report of a content run the rules did not find.
    fn report(&self, ctx: &Context, cues: &[Cue], run: &TaggedRun) -> Found {
        let candidates = Candidates {
            cues,
            cue_runs: &self.cue_runs,
            sources: &self.sources,
        };
        let Frame { cue, speaker } = frame(ctx, &candidates, &run.tokens);
        let parts = vec![trim(ctx, run.tokens.clone())];
        Found {
            kind: kind_of(ctx, &parts),
            parts,
            cue_sense: cue.as_ref().map(|c| c.sense),
            cue: cue.map(|c| c.tokens),
            confidence: match speaker {
                Some(_) => confidence::TAGGED_REPORT,
                None => confidence::REPORT_WITHOUT_SPEAKER,
            } * run.score,
            speaker,
            sourceless: false,
        }
    }
}

/// Words of `run` outside the rules' direct quotes.
fn outside_words(ctx: &Context, run: &Range<usize>, direct: &[Found]) -> usize {
    let inside = direct
        .iter()
        .flat_map(|f| &f.parts)
        .map(|p| word_count(ctx, &(p.start.max(run.start)..p.end.min(run.end))))
        .sum::<usize>();
    word_count(ctx, run).saturating_sub(inside)
}

/// Tokens that `parts` and `range` share.
fn shared(parts: &[Range<usize>], range: &Range<usize>) -> usize {
    parts
        .iter()
        .map(|p| {
            p.end
                .min(range.end)
                .saturating_sub(p.start.max(range.start))
        })
        .sum()
}

/// Fewest words a report from the tagger needs, all its parts together
/// (PolNeAR's content spans of one or two words are mostly answers and
/// titles the rules take).
const MIN_CONTENT_WORDS: usize = 3;

/// Reports in text order, consecutive ones that an interrupting frame
/// separates joined as parts of one (`Climate change, Mr. Obama often
/// says, is ...`), and those under [`MIN_CONTENT_WORDS`] then dropped.
fn join_parts(ctx: &Context, mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| f.parts[0].start);
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        let joins = out.last().is_some_and(|last| interrupts(ctx, last, &f));
        match out.last_mut() {
            Some(last) if joins => {
                last.parts.extend(f.parts);
                last.kind = kind_of(ctx, &last.parts);
                last.confidence = last.confidence.max(f.confidence);
            }
            _ => out.push(f),
        }
    }
    out.retain(|f| f.parts.iter().map(|p| word_count(ctx, p)).sum::<usize>() >= MIN_CONTENT_WORDS);
    out
}

/// Whether `next` continues `last` past a parenthetical frame of their
/// shared cue: neither is direct, and the words between them hold that
/// cue, open and close with a comma, and end no sentence (`Hawaii, as one
/// of his advisers pointed out, normally does not ...`).
fn interrupts(ctx: &Context, last: &Found, next: &Found) -> bool {
    let Some(cue) = last.cue.as_ref().filter(|&c| next.cue.as_ref() == Some(c)) else {
        return false;
    };
    let between = last.parts.last().expect("parts").end..next.parts[0].start;
    last.kind != QuoteKind::Direct
        && next.kind != QuoteKind::Direct
        && between.len() >= 2
        && ctx.word(between.start) == ","
        && ctx.word(between.end - 1) == ","
        && cue.start >= between.start
        && cue.end <= between.end
        && !between.clone().any(|i| ctx.ends_sentence(i))
}

#[cfg(test)]
mod tests {
    use crate::attribution::{Attributor, Method, RuleAttributor};
    use crate::document::Document;
    use crate::model::EntityLabel::{Org, Per};
    use crate::model::{Entity, EntityLabel, Role, Tagged};
    use crate::segment::{Segmenter, SentenceSplitter};
    use Role::{Content, Cue, Source};

    /// `(kind, parts, speaker)` of each quote `method` finds in `text`,
    /// with the entities and the tagger's spans given (first occurrences).
    fn quotes(
        text: &str,
        entities: &[(&str, EntityLabel)],
        tagged: &[(&str, Role)],
        method: Method,
    ) -> Vec<(String, Vec<String>, String)> {
        let mut doc = Document::new("t", text);
        doc.sentences = SentenceSplitter.segment(&doc);
        let offsets = doc.offsets().clone();
        let at = |words: &str| {
            let start = text.find(words).unwrap_or_else(|| panic!("no {words:?}"));
            offsets.span(start..start + words.len())
        };
        doc.entities = entities
            .iter()
            .map(|&(words, label)| Entity {
                span: at(words),
                label,
                score: 1.0,
            })
            .collect();
        doc.tagged = tagged
            .iter()
            .map(|&(words, role)| Tagged {
                span: at(words),
                role,
                score: 0.9,
            })
            .collect();
        doc.entities.sort_by_key(|e| e.span.byte.start);
        doc.tagged.sort_by_key(|t| t.span.byte.start);
        RuleAttributor::new(method).attribute(&mut doc);
        doc.quotes
            .iter()
            .map(|q| {
                let parts = q.parts.iter().map(|p| doc.slice(p).to_owned()).collect();
                let speaker = q.speaker.as_ref().map_or("", |s| doc.slice(s));
                (q.kind.as_str().to_owned(), parts, speaker.to_owned())
            })
            .collect()
    }

    fn one(kind: &str, parts: &[&str], speaker: &str) -> (String, Vec<String>, String) {
        let parts = parts.iter().map(|p| p.to_string()).collect();
        (kind.to_owned(), parts, speaker.to_owned())
    }

    #[test]
    fn the_tagger_sets_the_edges_of_a_report_the_rules_misread() {
        let text =
            "Bus fares will rise in March, the transit agency announced in a notice on Friday.";
        let tagged = [
            ("Bus fares will rise in March", Content),
            ("the transit agency", Source),
            ("announced", Cue),
        ];
        let rules = quotes(text, &[], &tagged, Method::Rules);
        assert!(
            rules
                .iter()
                .all(|q| q.1 != ["Bus fares will rise in March"]),
            "{rules:?}"
        );
        let want = one(
            "indirect",
            &["Bus fares will rise in March"],
            "the transit agency",
        );
        assert_eq!(
            quotes(text, &[], &tagged, Method::Combined),
            std::slice::from_ref(&want)
        );
        assert_eq!(quotes(text, &[], &tagged, Method::Model), [want]);
    }

    #[test]
    fn direct_quotes_stay_the_rules_and_a_clause_around_one_is_mixed() {
        let text = "\"We will not back down,\" Jane Roe said. \
                    Her aide said the plan was \"a disgrace to the city\" and would fail.";
        let tagged = [
            // Inside the direct quote: the rules' quote stands for it.
            ("We will not back down", Content),
            (
                "the plan was \"a disgrace to the city\" and would fail",
                Content,
            ),
        ];
        let found = quotes(text, &[("Jane Roe", Per)], &tagged, Method::Combined);
        assert_eq!(
            found,
            [
                one("direct", &["\"We will not back down,\""], "Jane Roe"),
                one(
                    "mixed",
                    &["the plan was \"a disgrace to the city\" and would fail"],
                    "Her aide"
                ),
            ]
        );
    }

    #[test]
    fn a_parenthetical_frame_splits_one_report_into_parts() {
        let text = "Climate change, the ministry often says, is the gravest threat we face.";
        let tagged = [
            ("Climate change", Content),
            ("the ministry", Source),
            ("says", Cue),
            ("is the gravest threat we face", Content),
        ];
        let found = quotes(text, &[("the ministry", Org)], &tagged, Method::Combined);
        assert_eq!(
            found,
            [one(
                "indirect",
                &["Climate change", "is the gravest threat we face"],
                "the ministry"
            )]
        );
    }

    #[test]
    fn the_model_alone_calls_a_tagged_quotation_direct() {
        let text = "\"Prices will fall by the summer,\" the governor told reporters.";
        let tagged = [
            ("\"Prices will fall by the summer,\"", Content),
            ("the governor", Source),
            ("told", Cue),
        ];
        let found = quotes(text, &[], &tagged, Method::Model);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].0.as_str(), found[0].2.as_str()),
            ("direct", "the governor")
        );
    }
}
