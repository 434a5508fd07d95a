//! [`Context`]: one document's tokens, quote spans, entities and the
//! quote tagger's spans, indexed the way the rules look them up.

use std::ops::Range;

use super::marks::{find_quotes, QuoteSpan};
use super::tokens::{tokenize, Token, TokenKind};
use crate::attribution::types::TaggedRun;
use crate::document::{Document, Span};
use crate::lexicon::lexicon;
use crate::lexicon::{Class, Classes};
use crate::model::EntityLabel;

/// Most tokens a report takes on either side of its cue: the longest
/// reported clause in PolNeAR train has 159 words.
pub const MAX_REPORT_TOKENS: usize = 300;

/// A document prepared for the rules.
pub struct Context<'d> {
    /// The document text.
    pub text: &'d str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Direct quote spans, in text order.
    pub quotes: Vec<QuoteSpan>,
    /// Named entities as token ranges, in text order.
    pub entities: Vec<(Range<usize>, EntityLabel)>,
    /// The quote tagger's spans as token ranges, in text order; empty
    /// without a tagger.
    pub tagged: Vec<TaggedRun>,
    /// For each token, the quote span holding it.
    quote_of: Vec<Option<usize>>,
    /// For each token, its closed classes (see [`Context::is`]), looked
    /// up once.
    classes: Vec<Classes>,
    /// Tokens that end a sentence of the narrative, in order (see
    /// [`Context::sentence_end`]); found once so that sentence lookups are
    /// binary searches, not scans.
    boundaries: Vec<usize>,
    doc: &'d Document,
}

impl<'d> Context<'d> {
    /// Tokenizes `doc` and finds its quote spans.
    pub fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let tokens = tokenize(text);
        let quotes = find_quotes(&tokens, text);
        let mut quote_of = vec![None; tokens.len()];
        for (q, quote) in quotes.iter().enumerate() {
            for slot in &mut quote_of[quote.tokens.clone()] {
                *slot = Some(q);
            }
        }

        let classes = tokens
            .iter()
            .map(|t| lexicon().classes(&t.text(text).to_lowercase()))
            .collect();

        let mut entities: Vec<_> = doc
            .entities
            .iter()
            .filter_map(|e| Some((token_range(&tokens, &e.span.byte)?, e.label)))
            .collect();
        let tagged = doc
            .tagged
            .iter()
            .filter_map(|t| {
                Some(TaggedRun {
                    tokens: token_range(&tokens, &t.span.byte)?,
                    role: t.role,
                    score: t.score,
                })
            })
            .collect();
        // The lookups below binary-search by position.
        entities.sort_by_key(|(r, _)| (r.start, r.end));
        let mut context = Context {
            text,
            tokens,
            quotes,
            entities,
            tagged,
            quote_of,
            classes,
            boundaries: Vec::new(),
            doc,
        };
        context.boundaries = (0..context.tokens.len())
            .filter(|&i| context.boundary(i))
            .collect();
        context
    }

    /// Whether token `i` lies inside a direct quote span.
    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(Option::is_some)
    }

    /// The quote span holding token `i`.
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote_of.get(i).copied().flatten()
    }

    /// Whether token `i` is the closing mark of a quote span.
    pub fn closes_quote(&self, i: usize) -> bool {
        self.quote_of(i)
            .is_some_and(|q| self.quotes[q].tokens.end == i + 1)
    }

    /// Whether token `i` (any case) is a word of closed class `class`
    /// (false past the end).
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.classes.get(i).is_some_and(|c| c.has(class))
    }

    /// Lower-case text of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map_or_else(String::new, |t| t.text(self.text).to_lowercase())
    }

    /// Text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'d str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` is a line break.
    pub fn is_break(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Break)
    }

    /// Whether token `i` is a word starting with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
            && self.word(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether token `i` ends a sentence: `.`, `?`, `!` or a line break.
    pub fn ends_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return true;
        };
        match t.text(self.text) {
            "?" | "!" => true,
            // Not after an abbreviation inside a sentence: "(R-Fla.) said".
            "." => !self.tokens.get(i + 1).is_some_and(|n| {
                let next = n.text(self.text);
                matches!(next, ")" | "," | ";")
                    || n.is_word() && next.starts_with(|c: char| c.is_lowercase())
            }),
            // An abbreviation that the splitter found ends its sentence
            // (`... in the U.S. He says`).
            word if word.ends_with('.') && t.is_word() => self
                .doc
                .sentences
                .binary_search_by_key(&t.byte.end, |s| s.byte.end)
                .is_ok(),
            _ => t.kind == TokenKind::Break,
        }
    }

    /// First token of the sentence holding token `i`; quoted sentence ends
    /// do not count (see [`Context::sentence_end`]).
    pub fn sentence_start(&self, i: usize) -> usize {
        let before = self.boundaries.partition_point(|&b| b < i);
        before.checked_sub(1).map_or(0, |b| self.boundaries[b] + 1)
    }

    /// One past the last token of the sentence holding token `i`, its final
    /// punctuation excluded (a closing mark after it included); quoted
    /// sentence ends do not count.
    pub fn sentence_end(&self, i: usize) -> usize {
        let next = self.boundaries.partition_point(|&b| b < i);
        let e = self
            .boundaries
            .get(next)
            .copied()
            .unwrap_or(self.tokens.len().max(i));
        // A closing mark, or an abbreviation whose period ends the
        // sentence, belongs to it.
        if self.in_quote(e) || self.tokens.get(e).is_some_and(Token::is_word) {
            e + 1
        } else {
            e
        }
    }

    /// The tokens a report with cue `cue` may take its source and content
    /// from: the sentence holding the cue, at most [`MAX_REPORT_TOKENS`]
    /// on either side of it, so that a run-on "sentence" as long as the
    /// document keeps the rules (and their output) linear.
    pub fn report_window(&self, cue: &Range<usize>) -> Range<usize> {
        let start = self.sentence_start(cue.start);
        let end = self.sentence_end(cue.end);
        start.max(cue.start.saturating_sub(MAX_REPORT_TOKENS))..end.min(cue.end + MAX_REPORT_TOKENS)
    }

    /// Whether token `i` ends a sentence of the narrative: sentence-final
    /// punctuation outside quotes, or the closing mark of a quote that ends
    /// with it (`called it "a mistake." Then ...`).
    fn boundary(&self, i: usize) -> bool {
        if !self.in_quote(i) {
            return self.ends_sentence(i);
        }
        let closes = self
            .quote_of(i)
            .is_some_and(|q| self.quotes[q].tokens.end == i + 1);
        let final_punct = i > 0 && matches!(self.word(i - 1), "." | "?" | "!");
        let next_starts = self.tokens.get(i + 1).is_none_or(|n| {
            n.kind == TokenKind::Break || self.capitalised(i + 1) || self.in_quote(i + 1)
        });
        closes && final_punct && next_starts
    }

    /// The document span of tokens `range` (non-empty).
    pub fn span(&self, range: &Range<usize>) -> Span {
        let start = self.tokens[range.start].byte.start;
        let end = self.tokens[range.end - 1].byte.end;
        self.doc.span(start..end)
    }

    /// The document span of a byte range.
    pub fn doc_span(&self, bytes: Range<usize>) -> Span {
        self.doc.span(bytes)
    }

    /// Text of tokens `range`, as written.
    pub fn slice(&self, range: &Range<usize>) -> &'d str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.tokens[range.start].byte.start..self.tokens[range.end - 1].byte.end]
    }

    /// The entity whose tokens end at `end` (exclusive), if any.
    pub fn entity_ending_at(&self, end: usize) -> Option<&(Range<usize>, EntityLabel)> {
        let i = self.entities.partition_point(|(r, _)| r.end < end);
        self.entities.get(i).filter(|(r, _)| r.end == end)
    }

    /// The entity whose tokens start at `start`, if any.
    pub fn entity_starting_at(&self, start: usize) -> Option<&(Range<usize>, EntityLabel)> {
        let i = self.entities.partition_point(|(r, _)| r.start < start);
        self.entities.get(i).filter(|(r, _)| r.start == start)
    }
}

/// The tokens a span covers (those overlapping its bytes).
fn token_range(tokens: &[Token], bytes: &Range<usize>) -> Option<Range<usize>> {
    // Tokens are in text order, so both ends are binary searches.
    let start = tokens.partition_point(|t| t.byte.end <= bytes.start);
    let end = tokens.partition_point(|t| t.byte.start < bytes.end);
    (start < end).then_some(start..end)
}

/// Builds a [`Context`] from a sentence for the unit tests of the rule
/// files: `with_context("Smith said ...", &[("Smith", Per)], |ctx| ...)`.
#[cfg(test)]
pub mod testing {
    use super::Context;
    use crate::document::Document;
    use crate::lexicon::Class;
    use crate::model::{Entity, EntityLabel, Role, Tagged};
    use crate::segment::{Segmenter, SentenceSplitter};

    /// Runs `test` on the context of `text`, split into sentences, with
    /// every occurrence of each `(words, label)` of `entities` tagged.
    pub fn with_context<T>(
        text: &str,
        entities: &[(&str, EntityLabel)],
        test: impl FnOnce(&Context) -> T,
    ) -> T {
        test(&Context::new(&document(text, entities)))
    }

    /// As [`with_context`], with the quote tagger's spans too: the first
    /// occurrence of each `(words, role, score)` of `tagged`.
    pub fn with_tagged<T>(
        text: &str,
        entities: &[(&str, EntityLabel)],
        tagged: &[(&str, Role, f32)],
        test: impl FnOnce(&Context) -> T,
    ) -> T {
        let mut doc = document(text, entities);
        for &(words, role, score) in tagged {
            let start = text.find(words).unwrap_or_else(|| panic!("no {words:?}"));
            doc.tagged.push(Tagged {
                span: doc.span(start..start + words.len()),
                role,
                score,
            });
        }
        doc.tagged.sort_by_key(|t| t.span.byte.start);
        test(&Context::new(&doc))
    }

    fn document(text: &str, entities: &[(&str, EntityLabel)]) -> Document {
        let mut doc = Document::new("test", text);
        doc.sentences = SentenceSplitter.segment(&doc);
        for (words, label) in entities {
            for (start, _) in text.match_indices(words) {
                doc.entities.push(Entity {
                    span: doc.span(start..start + words.len()),
                    label: *label,
                    score: 1.0,
                });
            }
        }
        doc.entities.sort_by_key(|e| e.span.byte.start);
        doc
    }

    impl Context<'_> {
        /// The first token whose text is `word`.
        pub fn at(&self, word: &str) -> usize {
            (0..self.tokens.len())
                .find(|&i| self.word(i) == word)
                .unwrap_or_else(|| panic!("no token {word:?}"))
        }
    }

    #[test]
    fn each_token_has_its_classes_in_any_case() {
        with_context("She said — During talks.", &[], |ctx| {
            assert!(ctx.is(ctx.at("She"), Class::SubjectPronoun));
            assert!(ctx.is(ctx.at("—"), Class::Dash));
            assert!(ctx.is(ctx.at("During"), Class::Preposition));
            assert!(!ctx.is(ctx.at("said"), Class::Preposition));
            assert!(!ctx.is(ctx.tokens.len(), Class::Dash));
        });
    }
}
