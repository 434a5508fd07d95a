//! The occurrences of a corpus as they are read: each document's id and
//! its `meta` values (interned), each quote's place, speaker and distinct
//! text. About 24 bytes an occurrence, plus each distinct text once.

use std::collections::HashMap;

use super::group::Distinct;
use super::normalize::{key, mix, tokens};
use super::rule::Rule;
use crate::meta::Meta;
use crate::tables::group_value;

/// No value (no speaker, no `meta` value).
pub const NONE: u32 = u32::MAX;

/// What to group by and report.
#[derive(Debug, Clone)]
pub struct Options {
    /// The `meta` field that orders occurrences (first = smallest), e.g.
    /// `date`.
    pub first_by: String,
    /// The `meta` field whose distinct values each cluster lists, e.g.
    /// `outlet`.
    pub by: String,
    /// The pair rule.
    pub rule: Rule,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            first_by: "date".into(),
            by: "outlet".into(),
            rule: Rule::default(),
        }
    }
}

/// A quote as the corpus takes it.
#[derive(Debug, Clone, Copy)]
pub struct Quote<'a> {
    /// Its index in its document.
    pub index: usize,
    /// Start (code points).
    pub start: u64,
    /// End (code points).
    pub end: u64,
    /// The content compared.
    pub content: &'a str,
    /// The resolved speaker's name.
    pub speaker: Option<&'a str>,
}

/// A document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Its id.
    pub id: Box<str>,
    /// Its `first_by` value (a [`Strings`] index, or [`NONE`]).
    pub first: u32,
    /// Its `by` value.
    pub by: u32,
}

/// One quote of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Its document.
    pub doc: u32,
    /// Its index in the document.
    pub quote: u32,
    /// Start (code points).
    pub start: u32,
    /// End (code points).
    pub end: u32,
    /// Its distinct text.
    pub text: u32,
    /// Its speaker (a [`Strings`] index, or [`NONE`]).
    pub speaker: u32,
}

/// Interned strings.
#[derive(Debug, Default)]
pub struct Strings {
    ids: HashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
}

impl Strings {
    fn intern(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.list.len() as u32;
        self.ids.insert(s.into(), id);
        self.list.push(s.into());
        id
    }

    /// The string `id`, `None` for [`NONE`].
    pub fn get(&self, id: u32) -> Option<&str> {
        self.list.get(id as usize).map(|s| &**s)
    }

    /// Each string's rank in sorted order; [`NONE`] ranks last.
    pub fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.list.len() as u32).collect();
        order.sort_by(|&a, &b| self.list[a as usize].cmp(&self.list[b as usize]));
        let mut ranks = vec![0; order.len()];
        for (rank, &id) in order.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }
}

/// Everything read.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The options.
    pub options: Options,
    /// The documents, in input order.
    pub docs: Vec<Doc>,
    /// The quotes, in input order.
    pub occurrences: Vec<Occurrence>,
    /// The distinct texts.
    pub texts: Vec<Distinct>,
    /// The `meta` values.
    pub values: Strings,
    /// The speakers' names.
    pub speakers: Strings,
    keys: HashMap<u64, u32>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new(options: Options) -> Self {
        Corpus {
            options,
            ..Corpus::default()
        }
    }

    /// Adds a document and its quotes.
    pub fn add<'a>(
        &mut self,
        id: &str,
        meta: Option<&Meta>,
        quotes: impl IntoIterator<Item = Quote<'a>>,
    ) {
        let value = |field: &str| group_value(meta, field, None);
        let doc = Doc {
            id: id.into(),
            first: self.values.intern(value(&self.options.first_by).as_deref()),
            by: self.values.intern(value(&self.options.by).as_deref()),
        };
        let d = self.docs.len() as u32;
        self.docs.push(doc);
        for q in quotes {
            let o = self.occurrences.len() as u32;
            let words = tokens(q.content);
            let short = words.len() < self.options.rule.min_words;
            let k = match (short, q.speaker) {
                (false, _) => key(&words, None),
                (true, Some(speaker)) => key(&words, Some(speaker)),
                // A short quote without a speaker matches nothing.
                (true, None) => mix(key(&words, None) ^ u64::from(o)),
            };
            let next = self.texts.len() as u32;
            let text = *self.keys.entry(k).or_insert(next);
            if text == next {
                self.texts.push(Distinct {
                    content: q.content.into(),
                    words: words.len() as u32,
                    first: o,
                    key: k,
                });
            }
            let clamp = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
            self.occurrences.push(Occurrence {
                doc: d,
                quote: clamp(q.index as u64),
                start: clamp(q.start),
                end: clamp(q.end),
                text,
                speaker: self.speakers.intern(q.speaker),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'a>(index: usize, content: &'a str, speaker: Option<&'a str>) -> Quote<'a> {
        Quote {
            index,
            start: 0,
            end: content.len() as u64,
            content,
            speaker,
        }
    }

    #[test]
    fn texts_are_shared_by_words_and_short_ones_by_speaker_too() {
        let mut corpus = Corpus::new(Options::default());
        let meta: Meta = serde_json::from_str(r#"{"outlet":"AP","date":"2016-01-02"}"#).unwrap();
        let long = "We will rebuild the bridge before the winter";
        corpus.add(
            "a",
            Some(&meta),
            [
                quote(0, long, Some("Jane")),
                quote(1, "a total disaster", Some("Jane")),
                quote(2, "a total disaster", None),
            ],
        );
        corpus.add(
            "b",
            None,
            [
                quote(
                    0,
                    "“we will REBUILD the bridge … before the winter”",
                    Some("Tom"),
                ),
                quote(1, "A total disaster!", Some("Jane")),
                quote(2, "a total disaster", Some("Tom")),
                quote(3, "a total disaster", None),
            ],
        );
        let texts: Vec<u32> = corpus.occurrences.iter().map(|o| o.text).collect();
        assert_eq!(texts, vec![0, 1, 2, 0, 1, 3, 4]);
        assert_eq!(
            &*corpus.texts[0].content, long,
            "the first spelling is kept"
        );
        let (a, b) = (&corpus.docs[0], &corpus.docs[1]);
        assert_eq!(corpus.values.get(a.by), Some("AP"));
        assert_eq!(corpus.values.get(a.first), Some("2016-01-02"));
        assert_eq!((b.by, b.first), (NONE, NONE));
        assert_eq!(
            corpus.speakers.get(corpus.occurrences[3].speaker),
            Some("Tom")
        );
        assert_eq!(corpus.occurrences[2].speaker, NONE);
    }

    #[test]
    fn ranks_sort_the_values() {
        let mut strings = Strings::default();
        for s in ["b", "c", "a", "b"] {
            strings.intern(Some(s));
        }
        assert_eq!(strings.ranks(), vec![1, 2, 0]);
        assert_eq!(strings.intern(None), NONE);
    }
}
