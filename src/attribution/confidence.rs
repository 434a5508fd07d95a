//! Every confidence the rules give a quote, in one table: a name and a
//! line each on what earns it. A leaf: it imports nothing.

/// A direct quote with a cue of its own (`"...," X said`).
pub const DIRECT_CUED: f32 = 0.9;
/// A direct quote without a cue, taken for its length alone.
pub const DIRECT_UNCUED: f32 = 0.4;
/// An indirect or mixed report whose cue has a speaker.
pub const REPORT: f32 = 0.6;
/// An indirect or mixed report whose cue has no speaker (yet).
pub const REPORT_WITHOUT_SPEAKER: f32 = 0.3;
/// An evidential report (`X seems to ...`): no one is named as its source.
pub const EVIDENTIAL: f32 = 0.2;
/// A passive question (`Asked whether ...`): its words are the asker's
/// only in substance.
pub const QUESTION: f32 = 0.3;
/// A headline attribution (`Smith: Tax plan will fail`) or a quote in
/// the title line.
pub const HEADLINE: f32 = 0.5;
/// At most this for a speaker carried over from the previous quote.
pub const CARRIED_SPEAKER: f32 = 0.5;
/// At most this for a speaker taken from the person mentioned last.
pub const NEAREST_PERSON: f32 = 0.3;
/// The factor for a quote whose speaker resolves to no one.
pub const UNRESOLVED_FACTOR: f32 = 0.5;
