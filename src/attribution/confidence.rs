//! Every confidence the rules give a quote, in one table: a name and a
//! line each on what earns it. A leaf: it imports nothing.
//!
//! The values are calibrated on PolNeAR train: each is about the share of
//! the quotes it labels there that are right end to end (matched, and the
//! speaker right where the gold names a source), measured with
//! `quotelink eval polnear ../shared/data/polnear/train`, whose
//! reliability table shows the buckets. The shares in brackets are train's
//! (2026-12-02). They also rank quotes that claim the same words
//! (in `exclusive.rs`): the surer one keeps them.

/// A direct quote with a cue of its own (`"...," X said`) [0.91].
pub const DIRECT_CUED: f32 = 0.9;
/// A direct quote without a cue, taken for its length alone, once the
/// fallback gives it a speaker [0.27].
pub const DIRECT_UNCUED: f32 = 0.3;
/// An indirect report whose cue has a speaker [0.65].
pub const REPORT: f32 = 0.65;
/// A mixed report (a clause holding a quoted piece) whose cue has a
/// speaker [0.83].
pub const MIXED_REPORT: f32 = 0.8;
/// An indirect or mixed report whose cue has no speaker (yet), once the
/// fallback gives it one [0.30].
pub const REPORT_WITHOUT_SPEAKER: f32 = 0.3;
/// An evidential report (`X seems to ...`): no one is named as its
/// source, so it ends as an [`UNATTRIBUTED_REPORT`]; this value ranks it
/// among quotes over the same words.
pub const EVIDENTIAL: f32 = 0.2;
/// A passive question (`Asked whether ...`): its words are the asker's
/// only in substance.
pub const QUESTION: f32 = 0.3;
/// A report the quote tagger and the rules both found (the rules' cue is
/// the one nearest the tagger's content), before it is scaled by the
/// tagger's score.
pub const CONFIRMED_REPORT: f32 = 0.9;
/// A report the quote tagger found and the rules did not, framed with a
/// speaker, before it is scaled by the tagger's score.
pub const TAGGED_REPORT: f32 = 0.65;
/// A headline attribution (`Smith: Tax plan will fail`) or a quote in
/// the title line [0.45].
pub const HEADLINE: f32 = 0.45;
/// At most this for a report that gave up words to a surer quote over
/// the same words [0.23].
pub const CLIPPED_REPORT: f32 = 0.25;
/// At most this for a speaker carried over from the previous quote [0.36,
/// measured 2026-12-03].
pub const CARRIED_SPEAKER: f32 = 0.35;
/// At most this for a speaker taken from the person mentioned last [0.21].
pub const NEAREST_PERSON: f32 = 0.2;
/// An indirect or mixed report whose speaker resolves to no one: right
/// where the gold names no source either, as for most evidential and
/// passive reports [0.55].
pub const UNATTRIBUTED_REPORT: f32 = 0.55;
/// The factor for a direct quote whose speaker resolves to no one: the
/// gold nearly always names one [0 of 22].
pub const UNRESOLVED_DIRECT_FACTOR: f32 = 0.1;
